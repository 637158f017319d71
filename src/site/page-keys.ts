import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionName } from '../schemas/index.ts';
import type { Playbook } from '../model/playbook.ts';
import type { History } from '../review/history.ts';
import type { ReadName } from './page-reads.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key is the
 * same as in the last build, and whose code is unchanged, keeps the page that build wrote.
 *
 * A page's key is not declared by hand: the last build watched what the page read while it
 * rendered (src/site/page-reads.ts) and noted a fingerprint of all of it. This build takes the
 * same fingerprint of the same reads; where nothing the page read has changed, the page would
 * render the same, so it keeps its last key and is not rendered. Otherwise, and for a page no
 * build has watched yet, the key is one no build has used, and the page renders and is watched
 * again. Whatever the site shows on every page (its settings and names) is in every fingerprint.
 */

/** What a build noted of one page. */
export interface PageRecord {
	reads: ReadName[];
	/** The fingerprint of the reads, taken in the build that rendered the page. */
	fingerprint: string;
	/** The key the page had in that build, which Astro's manifest holds. */
	key: string;
}

/** The data the fingerprints are taken of: the site's own, not the watched copies pages read. */
export interface KeyInputs {
	playbook: Playbook;
	history: History;
	today: string;
	/** Whatever every page may show: settings, the site's names. */
	siteWide: unknown;
}

/** The pages' records in a cache folder, and this build's additions to them. */
export const RECORDS_FILE = 'playbook-page-reads.json';
export const NEW_RECORDS_FILE = 'playbook-page-reads.new.jsonl';

// The cache folder of a build that keeps pages, set when it starts; the pages and the middleware,
// loaded by Astro's bundles in the same process, read it.
const CACHE_DIR = Symbol.for('playbook.page-cache-dir');

/** Starts keeping pages in this process's build, with records in `cacheDir`. */
export function setPageCacheDir(cacheDir: string): void {
	(globalThis as { [CACHE_DIR]?: string })[CACHE_DIR] = cacheDir;
}

/** The cache folder of this process's build, if it keeps pages. */
export function pageCacheDir(): string | undefined {
	return (globalThis as { [CACHE_DIR]?: string })[CACHE_DIR];
}

// One key for pages that cannot keep their last output, new in every build: a page given it
// never matches what the manifest holds.
const NONCE = Symbol.for('playbook.build-nonce');
const shared = globalThis as { [NONCE]?: string };
const buildNonce = () => (shared[NONCE] ??= randomUUID());

/** A page's name in the records: its route and its parameters. */
export function pageName(route: string, params: Record<string, string | undefined>): string {
	const sorted = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `${route} ${JSON.stringify(sorted)}`;
}

/** Fingerprints of reads over one build's data, each read's taken once. */
export class Fingerprints {
	readonly #inputs: KeyInputs;
	readonly #digests = new Map<ReadName, string>();
	readonly #siteWide: string;

	constructor(inputs: KeyInputs) {
		this.#inputs = inputs;
		this.#siteWide = digest(JSON.stringify(inputs.siteWide));
	}

	/** One fingerprint of a page's reads, and of what every page shows. */
	of(reads: readonly ReadName[]): string {
		const hash = createHash('sha256').update(this.#siteWide);
		for (const read of reads) hash.update(`\n${read}\n${this.#digestOf(read)}`);
		return hash.digest('hex');
	}

	#digestOf(read: ReadName): string {
		let found = this.#digests.get(read);
		if (found === undefined) this.#digests.set(read, (found = this.#take(read)));
		return found;
	}

	#take(read: ReadName): string {
		const { playbook, history, today } = this.#inputs;
		const [kind, name = ''] = splitOnce(read, ':');
		if (kind === 'today') return today;
		if (kind === 'entry') {
			const [collection, id = ''] = splitOnce(name, '/');
			const entry = playbook.entries[collection as CollectionName]?.get(id);
			return entry ? entryDigest(entry) : 'none';
		}
		if (kind === 'collection') {
			const entries = playbook.entries[name as CollectionName];
			if (!entries) return 'none';
			const ids = [...entries.keys()].sort();
			return digest(ids.map((id) => `${id} ${this.#digestOf(`entry:${name}/${id}`)}`).join('\n'));
		}
		if (kind === 'history') {
			if (!history.available) return 'none';
			return digest(
				JSON.stringify(
					name === '*' ? [history.recent, [...history.byFile]] : history.byFile.get(name),
				),
			);
		}
		// A read this module cannot fingerprint never matches, so its page always renders.
		return randomUUID();
	}
}

/** The records the last build left in a cache folder; none if there are none or they are unreadable. */
export function readRecords(cacheDir: string): Record<string, PageRecord> {
	try {
		const parsed = JSON.parse(readFileSync(join(cacheDir, RECORDS_FILE), 'utf8')) as {
			pages?: Record<string, PageRecord>;
		};
		return parsed.pages ?? {};
	} catch {
		return {};
	}
}

/**
 * A page's key for this build: its last key, where what it read then is unchanged; else one
 * that matches no earlier build.
 */
export function keyFor(record: PageRecord | undefined, fingerprints: Fingerprints): string {
	if (record && fingerprints.of(record.reads) === record.fingerprint) return record.key;
	return `${record ? 'changed' : 'new'} ${buildNonce()}`;
}

/** Notes what a page read in this build, for the next build (merged by `mergeRecords`). */
export function noteRecord(cacheDir: string, page: string, record: PageRecord): void {
	appendFileSync(join(cacheDir, NEW_RECORDS_FILE), `${JSON.stringify({ page, ...record })}\n`);
}

/**
 * Folds this build's notes into the records: a page rendered now has its new record, a page
 * kept from the last build keeps its old one.
 */
export function mergeRecords(cacheDir: string): number {
	const pages = readRecords(cacheDir);
	const added = join(cacheDir, NEW_RECORDS_FILE);
	let count = 0;
	if (existsSync(added)) {
		for (const line of readFileSync(added, 'utf8').split('\n')) {
			if (line.trim() === '') continue;
			const { page, ...record } = JSON.parse(line) as PageRecord & { page: string };
			pages[page] = record;
			count += 1;
		}
	}
	writeFileSync(join(cacheDir, RECORDS_FILE), JSON.stringify({ version: 1, pages }));
	rmSync(added, { force: true });
	return count;
}

/** Forgets every record, so every page renders (with the manifest gone too). */
export function dropRecords(cacheDir: string): void {
	for (const file of [RECORDS_FILE, NEW_RECORDS_FILE])
		rmSync(join(cacheDir, file), { force: true });
}

function entryDigest(entry: { file: string; data: unknown; body: string }): string {
	return digest(JSON.stringify([entry.file, entry.data, entry.body]));
}

function digest(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function splitOnce(text: string, separator: string): [string, string?] {
	const at = text.indexOf(separator);
	return at === -1 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}
