import { OWNING_SIDES } from '../schemas/vocabulary.ts';
import { DEFINITION_COLLECTIONS } from '../schemas/index.ts';
import { entriesOf, type Playbook } from '../lib/playbook.ts';
import { type Problem, problem } from './problems.ts';

/**
 * The ownership rule: every definition names at least one owner from sales and one from
 * marketing, each a person in content/team. Other departments count for neither side.
 */
export function checkOwnership(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	const team = playbook.entries.team;
	for (const collection of DEFINITION_COLLECTIONS) {
		for (const entry of entriesOf(playbook, collection)) {
			const { owners } = entry.data;
			if (owners.length === 0) {
				problems.push(
					problem(
						'NoOwners',
						entry.file,
						'owners',
						'is empty; every definition needs an owner from sales and one from marketing',
						'Add a sales owner and a marketing owner by their ids in content/team.',
					),
				);
				continue;
			}
			const seen = new Set<string>();
			for (const owner of owners) {
				if (seen.has(owner)) {
					problems.push(
						problem(
							'DuplicateOwner',
							entry.file,
							'owners',
							`lists ${owner} more than once`,
							'List each person once; add a second person for the other side.',
						),
					);
				}
				seen.add(owner);
				if (!team.has(owner)) {
					const invalid = playbook.invalid.team.has(owner);
					problems.push(
						problem(
							'UnknownOwner',
							entry.file,
							'owners',
							invalid
								? `names ${owner}, whose file in content/team has problems of its own`
								: `names ${owner}, who is not in content/team`,
							invalid
								? `Fix content/team/${owner}.yaml (see its own lines).`
								: `Add content/team/${owner}.yaml, or use the id of someone already in content/team.`,
						),
					);
				}
			}
			const missing = OWNING_SIDES.filter(
				(side) => ![...seen].some((owner) => team.get(owner)?.data.department === side),
			);
			if (missing.length > 0) {
				const has = [...seen].map((owner) => {
					const department = team.get(owner)?.data.department;
					return `${owner} (${department ?? 'not in content/team'})`;
				});
				problems.push(
					problem(
						'OneSidedOwnership',
						entry.file,
						'owners',
						`needs an owner from ${missing.join(' and an owner from ')}; has ${has.join(', ')}`,
						`Add ${missing.map((side) => `a ${side} owner`).join(' and ')} from content/team.`,
					),
				);
			}
		}
	}
	return problems;
}
