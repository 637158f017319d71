import { COLLECTION_NAMES, type CollectionName } from '../schemas/index.ts';
import {
	byCodePoint,
	entriesOf,
	type Entry,
	exists,
	nameOf,
	partialIds,
	type Playbook,
} from '../model/playbook.ts';
import { type Problem, problem } from './problems/problems.ts';
import { closest } from './problems/closest.ts';
import { kindInSentence } from '../model/words.ts';

/** A field holding ids of entries in another collection. Owners are checked by the ownership rule. */
export interface ReferenceField {
	from: CollectionName;
	field: string;
	to: CollectionName;
}

/** Every reference of the content contract, besides owners. */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
	{ from: 'personas', field: 'icp', to: 'icp' },
	{ from: 'library', field: 'stages', to: 'buyer-stages' },
	{ from: 'library', field: 'personas', to: 'personas' },
	{ from: 'lead-stages', field: 'next', to: 'lead-stages' },
	{ from: 'slas', field: 'lead_stage', to: 'lead-stages' },
	{ from: 'glossary', field: 'see_also', to: 'glossary' },
	{ from: 'metrics', field: 'lead_stages', to: 'lead-stages' },
];

/** The ids a reference field holds in an entry's data, whether it is a list or a single id. */
export function referencedIds(data: object, field: string): string[] {
	const value = (data as Record<string, unknown>)[field];
	if (value === undefined) return [];
	return Array.isArray(value) ? (value as string[]) : [value as string];
}

/**
 * What else a change to one entry touches: every entry whose references name it (SLAs and
 * metrics of a lead stage, library items of a persona or buyer stage, personas of an ICP tier,
 * glossary terms that point at a term) and every track with a step that reads it. Sorted by
 * collection, then id.
 */
export function dependantsOf(playbook: Playbook, collection: CollectionName, id: string): Entry[] {
	const found: Entry[] = [];
	for (const { from, field, to } of REFERENCE_FIELDS) {
		if (to !== collection) continue;
		for (const entry of entriesOf(playbook, from))
			if (
				!(from === collection && entry.id === id) &&
				referencedIds(entry.data, field).includes(id)
			)
				found.push(entry);
	}
	const ref = `${collection}/${id}`;
	for (const track of entriesOf(playbook, 'tracks'))
		if (track.data.steps.some((step) => step.read === ref)) found.push(track);
	const order = COLLECTION_NAMES;
	return found.sort(
		(a, b) => order.indexOf(a.collection) - order.indexOf(b.collection) || byCodePoint(a.id, b.id),
	);
}

/**
 * The line for a reference to no entry, with the id it was most likely meant to be: a typo
 * (`vp-finace`), or a title typed for an id (`Decision` for `decision`).
 */
export function danglingReference(
	playbook: Playbook,
	file: string,
	field: string,
	to: CollectionName,
	id: string,
): Problem {
	const guess = closestId(playbook, to, id);
	const kind = kindInSentence(to);
	return problem(
		'DanglingReference',
		file,
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

/** Every reference names an entry that exists (valid or not: a broken target has its own lines). */
export function checkReferences(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	for (const { from, field, to } of REFERENCE_FIELDS) {
		for (const entry of entriesOf(playbook, from)) {
			for (const id of referencedIds(entry.data, field)) {
				if (exists(playbook, to, id)) continue;
				problems.push(danglingReference(playbook, entry.file, field, to, id));
			}
		}
		// The keys that passed in a file that failed its schema elsewhere are checked too.
		for (const entry of playbook.partial ?? []) {
			if (entry.collection !== from) continue;
			for (const id of partialIds(entry, field)) {
				if (!exists(playbook, to, id))
					problems.push(danglingReference(playbook, entry.file, field, to, id));
			}
		}
	}
	return problems;
}

/**
 * An approved definition never relies on a deprecated one: deprecating a stage or persona means
 * moving what points at it first, so the approved lifecycle never routes leads into a retired
 * stage. Drafts may still point anywhere while they are worked on.
 */
export function checkDeprecatedReferences(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	for (const { from, field, to } of REFERENCE_FIELDS) {
		for (const entry of entriesOf(playbook, from)) {
			if (statusOf(entry.data) !== 'approved') continue;
			for (const id of referencedIds(entry.data, field)) {
				const target = playbook.entries[to].get(id);
				if (!target || statusOf(target.data) !== 'deprecated') continue;
				problems.push(
					problem(
						'DeprecatedReference',
						entry.file,
						field,
						`names "${id}", which is deprecated, but this definition is approved`,
						`Point it at the ${kindInSentence(to)} that replaces ${id}, or set this definition's status to draft while it is reworked.`,
					),
				);
			}
		}
	}
	return problems;
}

function statusOf(data: object): unknown {
	return (data as { status?: unknown }).status;
}
