import { entriesOf, exists } from '../../model/playbook.ts';
import { PAGE_COLLECTIONS } from '../../schemas/index.ts';
import { parseEntryRef } from '../../model/entry-refs.ts';
import { closestId } from './references.ts';
import { closest } from '../problems/closest.ts';
import type { RuleContext } from './rule.ts';

/** Every step of every onboarding track points at an entry that exists. */
export function checkTrackSteps({ playbook, reportIn }: RuleContext): void {
	for (const track of entriesOf(playbook, 'tracks')) {
		const report = reportIn(track.file);
		track.data.steps.forEach((step, index) => {
			const target = parseEntryRef(step.read);
			if (target?.collection === 'results') {
				report(
					'DanglingReference',
					`steps[${index}].read`,
					`names "${step.read}", but monthly results have no page of their own`,
					'Point the step at a metric (metrics/<id>), whose page shows its results.',
				);
				return;
			}
			if (target && exists(playbook, target.collection, target.id)) return;
			const folder = step.read.split('/')[0]!;
			const guess = target
				? closestId(playbook, target.collection, target.id)
				: closest(folder, PAGE_COLLECTIONS);
			const meant = target
				? `${target.collection}/${guess}`
				: `${guess}/${step.read.split('/')[1] ?? ''}`;
			report(
				'DanglingReference',
				`steps[${index}].read`,
				target
					? `names "${step.read}", but there is no ${target.id} in content/${target.collection}`
					: `names "${step.read}", but ${folder} is not a collection`,
				guess
					? `Did you mean ${meant}? Write that instead.`
					: target
						? `Use the id of an existing file in content/${target.collection}.`
						: `Start it with one of ${PAGE_COLLECTIONS.join(', ')}.`,
			);
		});
	}
}
