import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { entriesOf, type Entry, nameOf, type Playbook } from './playbook.ts';
import { fieldLabel, readerValue } from './words.ts';

/** One changed field, in the reader's terms. */
export interface FieldChange {
	/** `score_threshold`, `commitments[0].target`, `firmographics.employees.max`. */
	field: string;
	/** The old and new values as text; absent when the field was added or removed. */
	before?: string;
	after?: string;
	/** For lists of plain values (owners, stages…): what was added and removed. */
	added?: string[];
	removed?: string[];
}

/** How each kind of change is named to readers. */
export const CHANGE_VERBS = {
	added: 'Added',
	removed: 'Removed',
	changed: 'Changed',
	renamed: 'Renamed',
} as const;

/** How one entry changed between two versions of the playbook. */
export interface EntryChange {
	collection: CollectionName;
	/** The id in the newer version (the older one for a removal). */
	id: string;
	status: 'added' | 'removed' | 'changed' | 'renamed';
	/** The id it had before, for a rename. */
	previousId?: string;
	before?: Entry;
	after?: Entry;
	fields: FieldChange[];
	/** A short word diff of the MDX body, when the body changed. */
	body?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json } | undefined;

const show = (value: Json): string =>
	typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

const isScalarList = (value: Json): value is (string | number | boolean)[] =>
	Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');

const isObject = (value: Json): value is { [key: string]: Json } =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** The field-by-field differences between two values of an entry's data. */
export function diffFields(before: Json, after: Json, path = ''): FieldChange[] {
	if (JSON.stringify(before) === JSON.stringify(after)) return [];
	const name = (key: string | number) =>
		typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
	// A list of plain values, where a missing list counts as empty.
	const [old, now] = [before ?? [], after ?? []];
	if (isScalarList(old) && isScalarList(now) && (Array.isArray(before) || Array.isArray(after))) {
		const added = now.filter((item) => !old.includes(item)).map(show);
		const removed = old.filter((item) => !now.includes(item)).map(show);
		if (added.length === 0 && removed.length === 0) {
			return [{ field: path, before: old.map(show).join(', '), after: now.map(show).join(', ') }];
		}
		return [
			{ field: path, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) },
		];
	}
	if (Array.isArray(before) && Array.isArray(after)) {
		const length = Math.max(before.length, after.length);
		return Array.from({ length }, (_, i) => diffFields(before[i], after[i], name(i))).flat();
	}
	if (isObject(before) && isObject(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
		return keys.flatMap((key) => diffFields(before[key], after[key], name(key)));
	}
	return [
		{
			field: path,
			...(before === undefined ? {} : { before: show(before) }),
			...(after === undefined ? {} : { after: show(after) }),
		},
	];
}

/** A word-level diff of two texts: `~~removed~~` and `**added**`, unchanged runs shortened. */
export function proseDiff(before: string, after: string, context = 6): string {
	const [a, b] = [words(before), words(after)];
	if (a.length * b.length > 4_000_000)
		return `Rewritten (${a.length} words before, ${b.length} after).`;
	// Longest common subsequence, row by row from the end.
	const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i]![j] =
				a[i] === b[j]
					? lengths[i + 1]![j + 1]! + 1
					: Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
		}
	}
	const parts: { kind: 'same' | 'del' | 'add'; text: string[] }[] = [];
	const push = (kind: 'same' | 'del' | 'add', word: string) => {
		const last = parts.at(-1);
		if (last?.kind === kind) last.text.push(word);
		else parts.push({ kind, text: [word] });
	};
	let [i, j] = [0, 0];
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			push('same', a[i++]!);
			j++;
		} else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!))
			push('add', b[j++]!);
		else push('del', a[i++]!);
	}
	return tidy(parts)
		.map((part, index, all) => {
			if (part.kind === 'del') return `~~${part.text.join(' ')}~~`;
			if (part.kind === 'add') return `**${part.text.join(' ')}**`;
			const isFirst = index === 0;
			const isLast = index === all.length - 1;
			const text = part.text;
			if (text.length <= context * 2) return text.join(' ');
			const head = isFirst ? [] : text.slice(0, context);
			const tail = isLast ? [] : text.slice(-context);
			return [...head, '…', ...tail].join(' ');
		})
		.join(' ');
}

type Part = { kind: 'same' | 'del' | 'add'; text: string[] };

/**
 * Makes a word diff read like an edit: a word or two kept between changes is folded into them,
 * and each run of changes becomes one deletion followed by one insertion.
 */
function tidy(parts: Part[]): Part[] {
	const folded = parts.flatMap((part, i): Part[] => {
		const between =
			i > 0 &&
			i < parts.length - 1 &&
			parts[i - 1]!.kind !== 'same' &&
			parts[i + 1]!.kind !== 'same';
		return part.kind === 'same' && between && part.text.length <= 2
			? [
					{ kind: 'del', text: part.text },
					{ kind: 'add', text: part.text },
				]
			: [part];
	});
	const result: Part[] = [];
	let removed: string[] = [];
	let added: string[] = [];
	const flush = () => {
		if (removed.length > 0) result.push({ kind: 'del', text: removed });
		if (added.length > 0) result.push({ kind: 'add', text: added });
		removed = [];
		added = [];
	};
	for (const part of folded) {
		if (part.kind === 'same') {
			flush();
			result.push(part);
		} else (part.kind === 'del' ? removed : added).push(...part.text);
	}
	flush();
	return result;
}

function words(text: string): string[] {
	return text.split(/\s+/).filter(Boolean);
}

const dataOf = (entry: Entry): Json => entry.data;

/**
 * What changed between two versions of a playbook, entry by entry: added, removed, renamed
 * (same content under a new id), and changed field by field, with a word diff of the body.
 */
export function diffPlaybooks(base: Playbook, head: Playbook): EntryChange[] {
	const changes: EntryChange[] = [];
	for (const collection of COLLECTION_NAMES) {
		const [old, now] = [base.entries[collection], head.entries[collection]];
		const removed = entriesOf(base, collection).filter((entry) => !now.has(entry.id));
		const added = entriesOf(head, collection).filter((entry) => !old.has(entry.id));
		for (const after of added) {
			// A removed entry with the same data, or the same name, was renamed, not replaced.
			const before =
				removed.find((entry) => JSON.stringify(entry.data) === JSON.stringify(after.data)) ??
				removed.find((entry) => nameOf(entry) === nameOf(after));
			if (before) {
				removed.splice(removed.indexOf(before), 1);
				changes.push(entryChange(collection, 'renamed', before, after));
			} else {
				changes.push({ collection, id: after.id, status: 'added', after, fields: [] });
			}
		}
		for (const before of removed)
			changes.push({ collection, id: before.id, status: 'removed', before, fields: [] });
		for (const after of entriesOf(head, collection)) {
			const before = old.get(after.id);
			if (!before) continue;
			const change = entryChange(collection, 'changed', before, after);
			if (change.fields.length > 0 || change.body !== undefined) changes.push(change);
		}
	}
	const order = (change: EntryChange) => COLLECTION_NAMES.indexOf(change.collection);
	return changes.sort((x, y) => order(x) - order(y) || x.id.localeCompare(y.id, 'en'));
}

function entryChange(
	collection: CollectionName,
	status: 'changed' | 'renamed',
	before: Entry,
	after: Entry,
): EntryChange {
	const body =
		before.body.trim() === after.body.trim() ? undefined : proseDiff(before.body, after.body);
	return {
		collection,
		id: after.id,
		status,
		...(status === 'renamed' ? { previousId: before.id } : {}),
		before,
		after,
		fields: diffFields(dataOf(before), dataOf(after)),
		...(body === undefined ? {} : { body }),
	};
}

/** One field change as a line: `score_threshold: 100 → 120`, `owners: + a, − b`. */
export function formatFieldChange(change: FieldChange): string {
	return fieldChangeLine(change, change.field);
}

/**
 * The same line as a reader reads it, field and values in words: `Score threshold: 100 → 120`,
 * `Reviewed: October 1, 2026 → November 1, 2026`, `To: Marketing → Revenue operations`.
 */
export function readerFieldChange(change: FieldChange): string {
	return fieldChangeLine(
		{
			field: change.field,
			...(change.before !== undefined && { before: readerValue(change.before) }),
			...(change.after !== undefined && { after: readerValue(change.after) }),
			...(change.added && { added: change.added.map(readerValue) }),
			...(change.removed && { removed: change.removed.map(readerValue) }),
		},
		fieldLabel(change.field),
	);
}

function fieldChangeLine(change: FieldChange, field: string): string {
	const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);
	if (change.added || change.removed) {
		const parts = [
			...(change.added ?? []).map((value) => `+ ${value}`),
			...(change.removed ?? []).map((value) => `− ${value}`),
		];
		return `${field}: ${parts.join(', ')}`;
	}
	if (change.before === undefined) return `${field}: added, ${clip(change.after ?? '')}`;
	if (change.after === undefined) return `${field}: removed (was ${clip(change.before)})`;
	return `${field}: ${clip(change.before)} → ${clip(change.after)}`;
}

/** The label a change is listed under. */
export function kindLabel(collection: CollectionName): string {
	return COLLECTIONS[collection].singular;
}
