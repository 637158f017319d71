import { monthName } from './words.ts';
import type { CollectionName, DefinitionCollection, EntryData } from '../schemas/index.ts';
import { COLLECTION_NAMES, COLLECTION_SPECS, isDefinitionCollection } from '../schemas/index.ts';

/** One validated entry of collection `C`: a file, its id, its data and its MDX body. */
interface EntryOf<C extends CollectionName> {
	collection: C;
	/** File name without extension; also the last segment of its URL. */
	id: string;
	/** Path of the file relative to the working folder, with `/` separators. */
	file: string;
	/** Path of the file within the content folder (`personas/cfo.mdx`), where the reader knows it. */
	path?: string;
	data: EntryData<C>;
	body: string;
	/** Line of the file the body starts on, so problems in it point at the file's line. */
	bodyLine?: number;
}

/**
 * An entry of collection `C`, or of any collection by default: then a union that narrows by
 * `collection`, so after `entry.collection === 'team'` its data is a person's.
 */
export type Entry<C extends CollectionName = CollectionName> = { [K in C]: EntryOf<K> }[C];

/**
 * A loaded playbook: the valid entries of every collection by id, and the ids of entries whose
 * files exist but failed their schema (so references to them are not also reported as dangling).
 */
export interface Playbook {
	entries: { [C in CollectionName]: Map<string, Entry<C>> };
	invalid: { [C in CollectionName]: Set<string> };
	/** Files beside the entries (images), by path within the content folder, where known. */
	assets?: ReadonlySet<string>;
	/**
	 * What could still be read of entries that failed their schema: their keys without the ones
	 * that failed, unvalidated. Read only for the ids they name, so one mistake in a file does
	 * not hide another (an unknown key and a mistyped owner both get their line).
	 */
	partial?: readonly PartialEntry[];
}

/** The readable part of an entry that failed its schema (see `Playbook.partial`). */
export interface PartialEntry {
	collection: CollectionName;
	id: string;
	file: string;
	/** Its keys, without the ones its schema problems are about; values not validated. */
	data: Readonly<Record<string, unknown>>;
}

/** Builds a playbook from entries; the first entry with a given id in a collection wins. */
export function createPlaybook(
	entries: Iterable<Entry>,
	invalid: Iterable<{ collection: CollectionName; id: string }> = [],
	assets?: Iterable<string>,
	partial?: readonly PartialEntry[],
): Playbook {
	const playbook = {
		entries: Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map()])),
		invalid: Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Set()])),
	} as Playbook;
	if (assets) playbook.assets = new Set(assets);
	if (partial && partial.length > 0) playbook.partial = partial;
	for (const entry of entries) addFirst(playbook, entry);
	for (const { collection, id } of invalid) playbook.invalid[collection].add(id);
	return playbook;
}

/** Adds an entry to its collection, unless one with its id is there already. */
function addFirst<C extends CollectionName>(playbook: Playbook, entry: Entry<C>): void {
	const byId = playbook.entries[entry.collection];
	if (!byId.has(entry.id)) byId.set(entry.id, entry);
}

/**
 * What an entry is called: the text under its collection's name key (a person's name, any other
 * entry's title); a month's results are called after their month.
 */
export function nameOf<C extends CollectionName>(entry: Entry<C>): string {
	const spec = COLLECTION_SPECS[entry.collection];
	const name = textAt(entry.data, spec.nameKey);
	return spec.kind === 'results' ? `Results for ${monthName(name)}` : name;
}

/** The line read under an entry's name: a definition's summary, a person's job; else empty. */
export function summaryOf<C extends CollectionName>(entry: Entry<C>): string {
	const { summaryKey } = COLLECTION_SPECS[entry.collection];
	return summaryKey === undefined ? '' : textAt(entry.data, summaryKey);
}

/** The text under a key of an entry's data; empty where the key is optional and left out. */
function textAt<D, K extends keyof D>(data: D, key: K): string {
	const value = data[key];
	return typeof value === 'string' ? value : '';
}

/** True when an entry is a definition, co-owned by sales and marketing. */
export function isDefinition(entry: Entry): entry is Entry<DefinitionCollection> {
	return isDefinitionCollection(entry.collection);
}

/** The entries of one collection, in id order. */
export function entriesOf<C extends CollectionName>(playbook: Playbook, collection: C): Entry<C>[] {
	// Ids are plain ASCII, so code-point order is their order, and far cheaper than a collator.
	return [...playbook.entries[collection].values()].sort((a, b) => byCodePoint(a.id, b.id));
}

/** True when an id exists in a collection, valid or not. */
export function exists(playbook: Playbook, collection: CollectionName, id: string): boolean {
	return playbook.entries[collection].has(id) || playbook.invalid[collection].has(id);
}

/** Compares two strings by code point: stable, locale-free and fast. */
export function byCodePoint(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** One English collator for titles: `localeCompare` with a locale builds one per call. */
export const titleCollator = new Intl.Collator('en');

/** Ids a key of a partial entry names, when it holds an id or a list of ids; else none. */
export function partialIds(entry: PartialEntry, key: string): string[] {
	const value = entry.data[key];
	const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return list.every((id) => typeof id === 'string') ? list : [];
}
