import { entriesOf, exists, type Playbook } from '../model/playbook.ts';
import { PAGE_COLLECTIONS } from '../schemas/index.ts';
import { parseEntryRef } from '../model/entry-refs.ts';
import { type Problem, problem } from './problems.ts';

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
			problems.push(
				problem(
					'DanglingReference',
					track.file,
					`steps[${index}].read`,
					target
						? `names "${step.read}", but there is no ${target.id} in content/${target.collection}`
						: `names "${step.read}", but ${step.read.split('/')[0]} is not a collection`,
					target
						? `Use the id of an existing file in content/${target.collection}.`
						: `Start it with one of ${PAGE_COLLECTIONS.join(', ')}.`,
				),
			);
		});
	}
	return problems;
}
