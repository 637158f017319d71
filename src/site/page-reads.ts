import { AsyncLocalStorage } from 'node:async_hooks';
import { COLLECTION_NAMES, type CollectionName } from '../schemas/index.ts';
import type { Playbook } from '../model/playbook.ts';
import type { History } from '../review/history.ts';

/**
 * What a page read while it rendered, so a later build knows when it can keep the page as it is
 * (src/site/page-keys.ts). A read is named by what it reads:
 * - `entry:<collection>/<id>`: one entry, looked up by id (found or not);
 * - `collection:<collection>`: a whole collection, gone through or counted;
 * - `history:<file>`: one entry file's history; `history:*`, all of it;
 * - `today`: the day the site is built for.
 * Reads are watched where the site takes its data (the playbook, its history, the day), not
 * declared page by page, so a page cannot read something its key does not cover.
 */
export type ReadName = string;

// One store for every copy of this module Astro's bundles may hold: the middleware that watches
// a page and the components it renders must share it.
const STORE = Symbol.for('playbook.page-reads');
const shared = globalThis as { [STORE]?: AsyncLocalStorage<Set<ReadName>> };
const reading = (shared[STORE] ??= new AsyncLocalStorage<Set<ReadName>>());

/** Notes a read for the page rendering now, if one is being watched. */
export function noteRead(name: ReadName): void {
	reading.getStore()?.add(name);
}

/** Runs `render` and returns what it read along with its result. */
export async function watchReads<T>(
	render: () => Promise<T>,
): Promise<{ result: T; reads: ReadName[] }> {
	const reads = new Set<ReadName>();
	const result = await reading.run(reads, render);
	return { result, reads: [...reads].sort() };
}

/**
 * The playbook with its collections watched: a lookup by id notes that entry, anything else
 * (going through a collection, counting it) notes the whole collection.
 */
export function watchedPlaybook(playbook: Playbook): Playbook {
	const entries = { ...playbook.entries };
	for (const collection of COLLECTION_NAMES) watchCollection(entries, collection);
	return { ...playbook, entries };
}

function watchCollection<C extends CollectionName>(entries: Playbook['entries'], collection: C) {
	entries[collection] = watchedMap(
		entries[collection],
		(id) => `entry:${collection}/${id}`,
		`collection:${collection}`,
	);
}

/** The history with each file's events watched, and the whole of it where it is gone through. */
export function watchedHistory(history: History): History {
	if (!history.available) return history;
	const all = 'history:*';
	const byFile = watchedMap(history.byFile, (path) => `history:${path}`, all);
	return {
		available: true,
		byFile,
		get recent() {
			noteRead(all);
			return history.recent;
		},
	};
}

/** A map whose lookups by key note `one(key)`, and whose every other use notes `all`. */
function watchedMap<M extends Map<string, unknown>>(
	map: M,
	one: (key: string) => ReadName,
	all: ReadName,
): M {
	// Made once per map, not per lookup: pages look entries up many thousand times.
	const get = (key: string): unknown => {
		noteRead(one(key));
		return map.get(key);
	};
	const has = (key: string): boolean => {
		noteRead(one(key));
		return map.has(key);
	};
	return new Proxy(map, {
		get(target, property) {
			if (property === 'get') return get;
			if (property === 'has') return has;
			noteRead(all);
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value !== 'function') return value;
			const bound: unknown = value.bind(target);
			return bound;
		},
	});
}
