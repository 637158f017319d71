import type { EntryChange } from '../model/diff.ts';
import { hasLeft } from '../model/people.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { OWNING_SIDES, type Department } from '../schemas/vocabulary.ts';

/** Departments whose people approve changes to content/team. */
export const TEAM_APPROVERS: readonly Department[] = ['revenue-operations', 'executive'];

export interface GateInput {
	/** The playbook on the base ref: the only source of owners and departments. */
	base: Playbook;
	/** What the change does, entry by entry (see diffPlaybooks). */
	changes: EntryChange[];
	/** GitHub handles whose approval stands. */
	approvedBy: string[];
	/** The pull request's author; their own approval never counts. */
	author?: string | undefined;
	/** The day of the check, `YYYY-MM-DD`: someone who has left by then approves for no side. */
	today?: string | undefined;
}

/** A definition, or the team, that still waits for approval. */
export interface Waiting {
	file: string;
	/** What is missing, as a sentence: "a marketing owner (Marco Silva @marcosilva)". */
	needs: string;
}

export interface GateResult {
	waiting: Waiting[];
	/** How many touched items were checked. */
	checked: number;
}

interface Person {
	id: string;
	name: string;
	department: Department;
	github?: string | undefined;
}

/**
 * The approval gate: every definition a change touches needs an approval from one of its sales
 * owners and one of its marketing owners, and a change to content/team needs one from revenue
 * operations or an executive. Owners and departments come from the base ref, so a pull request
 * cannot approve itself by editing them; the author's approval never counts.
 */
export function approvalGate({ base, changes, approvedBy, author, today }: GateInput): GateResult {
	const people: Person[] = [...base.entries.team.values()]
		.filter((entry) => today === undefined || !hasLeft(entry.data, today))
		.map((entry) => ({
			id: entry.id,
			name: entry.data.name,
			department: entry.data.department,
			github: entry.data.github,
		}));
	const handle = (value: string) => value.trim().replace(/^@/, '').toLowerCase();
	const approvers = new Set(approvedBy.map(handle).filter(Boolean));
	if (author) approvers.delete(handle(author));
	const approved = (person: Person) => !!person.github && approvers.has(handle(person.github));
	const byId = new Map(people.map((person) => [person.id, person]));
	const describe = (list: Person[]) =>
		list.length === 0
			? 'nobody on the base branch can approve this side'
			: list
					.map((p) => (p.github ? `${p.name} @${p.github}` : `${p.name} (no GitHub handle)`))
					.join(', ');

	const waiting: Waiting[] = [];
	const definitions = changes.filter(
		(change) => COLLECTIONS[change.collection].kind === 'definition',
	);
	for (const change of definitions) {
		// Owners of an existing definition come from the base; a new one's proposed owners are
		// taken at their word, but their departments still come from the base team.
		const entry = (change.status === 'added' ? change.after : change.before) as Entry<'personas'>;
		const owners = [...new Set(entry.data.owners)]
			.map((id) => byId.get(id))
			.filter((person): person is Person => person !== undefined);
		const missing = OWNING_SIDES.filter(
			(side) => !owners.some((owner) => owner.department === side && approved(owner)),
		);
		if (missing.length === 0) continue;
		const eligible = (side: Department) =>
			owners.filter(
				(owner) =>
					owner.department === side &&
					(!author || !owner.github || handle(owner.github) !== handle(author)),
			);
		waiting.push({
			file: (change.after ?? change.before)!.file,
			needs: missing
				.map((side) => {
					const onSide = owners.filter((owner) => owner.department === side);
					const others = eligible(side);
					const who =
						onSide.length > 0 && others.length === 0
							? `the author is its only ${side} owner, and cannot approve their own change: ask another ${side} owner to be added in an earlier pull request, then to approve this one`
							: describe(others);
					return `a ${side} owner (${who})`;
				})
				.join(' and '),
		});
	}

	const teamChanges = changes.filter(
		(change) => change.collection === ('team' satisfies CollectionName),
	);
	if (teamChanges.length > 0) {
		const guardians = people.filter((person) => TEAM_APPROVERS.includes(person.department));
		if (!guardians.some(approved)) {
			const eligible = guardians.filter(
				(p) => !author || !p.github || handle(p.github) !== handle(author),
			);
			waiting.push({
				file: teamChanges.map((change) => (change.after ?? change.before)!.file).join(', '),
				needs: `someone in revenue operations or an executive (${describe(eligible)})`,
			});
		}
	}
	return { waiting, checked: definitions.length + (teamChanges.length > 0 ? 1 : 0) };
}
