import { DEFINITION_COLLECTIONS } from '../../schemas/index.ts';
import { entriesOf, type Playbook } from '../../model/playbook.ts';
import { reviewDue } from '../../model/review-dates.ts';
import { type Problem, problem } from '../problems/problems.ts';

/**
 * The review interval: a definition whose `reviewed` date plus `review_every` months is before
 * `today` is overdue. A warning, or an error when `strict`. A review dated after today has not
 * happened: an error.
 */
export function checkReviews(playbook: Playbook, today: string, strict: boolean): Problem[] {
	const problems: Problem[] = [];
	for (const collection of DEFINITION_COLLECTIONS) {
		for (const entry of entriesOf(playbook, collection)) {
			const { reviewed, review_every } = entry.data;
			if (reviewed > today) {
				problems.push(
					problem(
						'ReviewedInFuture',
						entry.file,
						'reviewed',
						`is ${reviewed}, a day still to come (today is ${today})`,
						'Write the day the owners last reviewed it: today at the latest.',
					),
				);
				continue;
			}
			const due = reviewDue(reviewed, review_every);
			if (due >= today) continue;
			const overdue = problem(
				'ReviewOverdue',
				entry.file,
				'reviewed',
				`was ${reviewed}; the review every ${review_every} months fell due on ${due}`,
				'Have the owners review it, then set reviewed to the day they did.',
			);
			problems.push(strict ? { ...overdue, severity: 'error' } : overdue);
		}
	}
	return problems;
}
