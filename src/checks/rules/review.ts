import { DEFINITION_COLLECTIONS } from '../../schemas/index.ts';
import { entriesOf } from '../../model/playbook.ts';
import { reviewDue } from '../../model/review-dates.ts';
import type { RuleContext } from './rule.ts';

/**
 * The review interval: a definition whose `reviewed` date plus `review_every` months is before
 * `today` is overdue. A warning, or an error with `--strict`. A review dated after today has not
 * happened: an error.
 */
export function checkReviews({ playbook, today, reportIn }: RuleContext): void {
	for (const collection of DEFINITION_COLLECTIONS) {
		for (const entry of entriesOf(playbook, collection)) {
			const report = reportIn(entry.file);
			const { reviewed, review_every } = entry.data;
			if (reviewed > today) {
				report(
					'ReviewedInFuture',
					'reviewed',
					`is ${reviewed}, a day still to come (today is ${today})`,
					'Write the day the owners last reviewed it: today at the latest.',
				);
				continue;
			}
			const due = reviewDue(reviewed, review_every);
			if (due >= today) continue;
			report(
				'ReviewOverdue',
				'reviewed',
				`was ${reviewed}; the review every ${review_every} months fell due on ${due}`,
				'Have the owners review it, then set reviewed to the day they did.',
			);
		}
	}
}
