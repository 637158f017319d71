import { entriesOf, exists, type Playbook } from '../../model/playbook.ts';
import { PAGE_COLLECTIONS } from '../../schemas/index.ts';
import { parseEntryRef } from '../../model/entry-refs.ts';
import { type Problem, problem } from '../problems/problems.ts';
import { closestId } from '../references.ts';
import { closest } from '../problems/schema-problems.ts';

/** Every step of every onboarding track points at an entry that exists. */
export function checkTrackSteps(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	for (const track of entriesOf(playbook, 'tracks')) {
		track.data.steps.forEach((step, index) => {
			const target = parseEntryRef(step.read);
			if (target?.collection === 'results') {
				problems.push(
					problem(
						'DanglingReference',
						track.file,
						`steps[${index}].read`,
						`names "${step.read}", but monthly results have no page of their own`,
						'Point the step at a metric (metrics/<id>), whose page shows its results.',
					),
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
			problems.push(
				problem(
					'DanglingReference',
					track.file,
					`steps[${index}].read`,
					`${
						target
							? `names "${step.read}", but there is no ${target.id} in content/${target.collection}`
							: `names "${step.read}", but ${folder} is not a collection`
					}`,
					guess
						? `Did you mean ${meant}? Write that instead.`
						: target
							? `Use the id of an existing file in content/${target.collection}.`
							: `Start it with one of ${PAGE_COLLECTIONS.join(', ')}.`,
				),
			);
		});
	}
	return problems;
}
