import { OWNING_SIDES } from '../schemas/vocabulary.ts';
import { DEFINITION_COLLECTIONS } from '../schemas/index.ts';
import { entriesOf, type Playbook } from '../model/playbook.ts';
import { type Problem, problem } from './problems.ts';

/**
 * The ownership rule: every definition names at least one owner from sales and one from
 * marketing, each a person in content/team. Other departments count for neither side.
 */
export function checkOwnership(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	const team = playbook.entries.team;
	// With no team at all, the one MissingTeam line says it better than a line per definition.
	if (team.size === 0 && playbook.invalid.team.size === 0) return [];
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
				// An owner whose own team file is broken gets that file's lines, not one more here.
				if (!team.has(owner) && !playbook.invalid.team.has(owner)) {
					problems.push(
						problem(
							'UnknownOwner',
							entry.file,
							'owners',
							`names ${owner}, who is not in content/team`,
							`Add content/team/${owner}.yaml, or use the id of someone already in content/team.`,
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
					if (department) return `${owner} (${department})`;
					return `${owner} (${playbook.invalid.team.has(owner) ? 'no valid department' : 'not in content/team'})`;
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
