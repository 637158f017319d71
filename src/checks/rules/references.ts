import type { CollectionName } from '../../schemas/index.ts';
import {
	entriesOf,
	type Entry,
	exists,
	nameOf,
	partialIds,
	type Playbook,
} from '../../model/playbook.ts';
import { ENTRY_REFERENCES, referencedIds } from '../../model/references.ts';
import { kindInSentence } from '../../model/words.ts';
import { closest } from '../problems/closest.ts';
import type { ReportProblem } from '../problems/problems.ts';
import type { RuleContext } from './rule.ts';

/**
 * Reports a reference to no entry, with the id it was most likely meant to be: a typo
 * (`vp-finace`), or a title typed for an id (`Decision` for `decision`).
 */
function reportDangling(
	playbook: Playbook,
	report: ReportProblem,
	field: string,
	to: CollectionName,
	id: string,
): void {
	const guess = closestId(playbook, to, id);
	const kind = kindInSentence(to);
	report(
		'DanglingReference',
		field,
		`names "${id}", but there is no ${kind} with that id in content/${to}`,
		guess
			? `Did you mean ${guess}? Write ${guess}, or add content/${to}/${id}.mdx if it is a new ${kind}.`
			: `Use the id of an existing file in content/${to}, or add content/${to}/${id}.mdx.`,
	);
}

/** The id in `collection` nearest to `written`: by spelling, or by the entry's title. */
export function closestId(
	playbook: Playbook,
	collection: CollectionName,
	written: string,
): string | undefined {
	const ids = [...playbook.entries[collection].keys(), ...playbook.invalid[collection]];
	const byTitle = [...playbook.entries[collection].values()].find(
		(entry) => nameOf(entry).toLowerCase() === written.toLowerCase(),
	);
	// A guess at a short id (`sql` for `mql`) names another thing more often than a typo.
	return byTitle?.id ?? (written.length >= 4 ? closest(written, ids) : undefined);
}

/**
 * Every reference names an entry that exists, valid or not: a broken target has its own lines.
 * Owners are left to the ownership rule, which also says which side is missing.
 */
export function checkReferences({ playbook, reportIn }: RuleContext): void {
	for (const { from, field, to } of ENTRY_REFERENCES) {
		for (const entry of entriesOf(playbook, from)) {
			for (const id of referencedIds(entry.data, field)) {
				if (!exists(playbook, to, id))
					reportDangling(playbook, reportIn(entry.file), field, to, id);
			}
		}
		// The keys that passed in a file that failed its schema elsewhere are checked too.
		for (const entry of playbook.partial ?? []) {
			if (entry.collection !== from) continue;
			for (const id of partialIds(entry, field)) {
				if (!exists(playbook, to, id))
					reportDangling(playbook, reportIn(entry.file), field, to, id);
			}
		}
	}
}

/**
 * An approved definition never relies on a deprecated one: deprecating a stage or persona means
 * moving what points at it first, so the approved lifecycle never routes leads into a retired
 * stage. Drafts may still point anywhere while they are worked on.
 */
export function checkDeprecatedReferences({ playbook, reportIn }: RuleContext): void {
	for (const { from, field, to } of ENTRY_REFERENCES) {
		for (const entry of entriesOf(playbook, from)) {
			if (statusOf(entry) !== 'approved') continue;
			for (const id of referencedIds(entry.data, field)) {
				const target = playbook.entries[to].get(id);
				if (!target || statusOf(target) !== 'deprecated') continue;
				reportIn(entry.file)(
					'DeprecatedReference',
					field,
					`names "${id}", which is deprecated, but this definition is approved`,
					`Point it at the ${kindInSentence(to)} that replaces ${id}, or set this definition's status to draft while it is reworked.`,
				);
			}
		}
	}
}

/** A definition's status; none for people, tracks and the other entries that have none. */
function statusOf(entry: Entry): string | undefined {
	return 'status' in entry.data ? entry.data.status : undefined;
}
