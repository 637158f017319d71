import { OWNING_SIDES } from '../../schemas/vocabulary.ts';
import { COLLECTIONS, DEFINITION_COLLECTIONS } from '../../schemas/index.ts';
import { hasLeft, missingSides, sideOf } from '../../model/people.ts';
import { entriesOf, partialIds, type Playbook } from '../../model/playbook.ts';
import type { ReportProblem } from '../problems/problems.ts';
import { closest } from '../problems/closest.ts';
import type { RuleContext } from './rule.ts';

/**
 * The ownership rule: every definition names at least one owner from sales and one from
 * marketing, each a person in content/team. Other departments count for neither side, and so
 * does someone who has left (`left` on or before `today`); a side whose last owner leaves within
 * 30 days is a warning.
 */
export function checkOwnership({ playbook, today, reportIn }: RuleContext): void {
	const team = playbook.entries.team;
	// With no team at all, the one MissingTeam line says it better than a line per definition.
	if (team.size === 0 && playbook.invalid.team.size === 0) return;
	for (const collection of DEFINITION_COLLECTIONS) {
		for (const entry of entriesOf(playbook, collection)) {
			const report = reportIn(entry.file);
			const { owners } = entry.data;
			if (owners.length === 0) {
				report(
					'NoOwners',
					'owners',
					'is empty; every definition needs an owner from sales and one from marketing',
					'Add a sales owner and a marketing owner by their ids in content/team.',
				);
				continue;
			}
			const seen = new Set<string>();
			let unknown = false;
			for (const owner of owners) {
				if (seen.has(owner))
					report(
						'DuplicateOwner',
						'owners',
						`lists ${owner} more than once`,
						'List each person once; add a second person for the other side.',
					);
				seen.add(owner);
				// An owner whose own team file is broken gets that file's lines, not one more here.
				if (reportUnknownOwner(playbook, report, owner) || playbook.invalid.team.has(owner))
					unknown = true;
			}
			// A mistyped owner, or a broken team file, is one mistake: its line says so, without a
			// second line for the side it leaves empty. The side is checked again once it is fixed.
			if (!unknown) reportSides(playbook, report, [...seen], today);
		}
	}
	// A definition that failed its schema for another key still has its owners read.
	for (const entry of playbook.partial ?? []) {
		if (COLLECTIONS[entry.collection].kind !== 'definition') continue;
		const report = reportIn(entry.file);
		for (const owner of new Set(partialIds(entry, 'owners')))
			reportUnknownOwner(playbook, report, owner);
	}
}

/**
 * Reports an owner who is in content/team neither valid nor broken, with a likely id; true when
 * it did.
 */
function reportUnknownOwner(playbook: Playbook, report: ReportProblem, owner: string): boolean {
	const team = playbook.entries.team;
	if (team.has(owner) || playbook.invalid.team.has(owner)) return false;
	const guess = closest(owner, [...team.keys()]);
	report(
		'UnknownOwner',
		'owners',
		`names ${owner}, who is not in content/team`,
		guess
			? `Did you mean ${guess}? Write ${guess}, or add content/team/${owner}.yaml if ${owner} is someone new.`
			: `Add content/team/${owner}.yaml, or use the id of someone already in content/team.`,
	);
	return true;
}

/** How far ahead a departure is warned of. */
const LEAVING_NOTICE_DAYS = 30;

/** Reports the sides a definition's owners leave without an owner on `today`, or will soon. */
function reportSides(
	playbook: Playbook,
	report: ReportProblem,
	owners: string[],
	today: string,
): void {
	const team = playbook.entries.team;
	const person = (id: string) => team.get(id)?.data;
	const missing = missingSides(owners, person, today);
	if (missing.length > 0) {
		const has = owners.map((owner) => {
			const data = person(owner);
			if (data?.left && hasLeft(data, today))
				return `${owner} (${data.department}, left on ${data.left})`;
			if (data) return `${owner} (${data.department})`;
			return `${owner} (${playbook.invalid.team.has(owner) ? 'no valid department' : 'not in content/team'})`;
		});
		const gone = owners.find((owner) => {
			const data = person(owner);
			return data && hasLeft(data, today) && missing.some((side) => side === data.department);
		});
		const add = `Add ${missing.map((side) => `a ${side} owner`).join(' and ')} from content/team`;
		report(
			'OneSidedOwnership',
			'owners',
			`needs an owner from ${missing.join(' and an owner from ')}; has ${has.join(', ')}`,
			gone
				? `${add}, or run npm run reassign -- --from ${gone} --to <a colleague's id>.`
				: `${add}.`,
		);
		return;
	}
	const soon = Date.parse(today) + LEAVING_NOTICE_DAYS * 86_400_000;
	for (const side of OWNING_SIDES) {
		const onSide = owners.filter((owner) => sideOf(person(owner), today) === side);
		const leaving = onSide.map((owner) => [owner, person(owner)?.left] as const);
		// Someone on the side who is staying, or leaving later, keeps it covered.
		if (leaving.some(([, left]) => left === undefined || Date.parse(left) > soon)) continue;
		const [owner, left] = leaving.sort((a, b) => b[1]!.localeCompare(a[1]!))[0]!;
		report(
			'OwnerLeaving',
			'owners',
			`${owner}, ${onSide.length === 1 ? 'its only' : 'the last'} ${side} owner, leaves on ${left}; from then it has no ${side} owner`,
			`Add another ${side} owner, or run npm run reassign -- --from ${owner} --to <a colleague's id> before then.`,
		);
	}
}
