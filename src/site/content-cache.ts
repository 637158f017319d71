import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { idOf, listEntryFiles } from '../checks/read/read-content.ts';

/** Each entry's file, by `collection/id`. */
export type FileMap = Record<string, string>;

/** The file of every entry under a content folder. */
export function entryFiles(contentDir: string): FileMap {
	const files: FileMap = {};
	for (const collection of COLLECTION_NAMES) {
		for (const path of listEntryFiles(join(contentDir, collection))) {
			files[`${collection}/${idOf(path)}`] ??= relative(contentDir, path);
		}
	}
	return files;
}

/** Entries whose id now comes from another file than before (`mql.md` renamed to `mql.mdx`). */
export function movedEntries(before: FileMap, after: FileMap): string[] {
	return Object.keys(after).filter(
		(key) => before[key] !== undefined && before[key] !== after[key],
	);
}

/** A fingerprint of the schemas' source files, which Astro's cache does not know it depends on. */
export function schemaDigest(dir = join(import.meta.dirname, '..', 'schemas')): string {
	const hash = createHash('sha256');
	for (const name of readdirSync(dir).sort())
		hash.update(name).update(readFileSync(join(dir, name)));
	return hash.digest('hex');
}

/** What the last build read: each entry's file, and the schemas it parsed them with. */
interface CacheRecord {
	files: FileMap;
	schemas?: string;
}

/**
 * Astro's content cache keeps what it parsed from a file until the file's text changes. Two
 * things slip past it, and the cache is dropped for either so Astro reads the folder afresh:
 * - an entry whose file was renamed but whose text did not change, still pointing at the old
 *   file, which the build then fails to find;
 * - a schema that changed (a key added with a default), whose new shape entries parsed before
 *   do not have.
 */
export function dropStaleContentCache(
	contentDir: string,
	cacheDir: string,
	schemas = schemaDigest(),
): 'moved' | 'schemas' | undefined {
	const path = join(cacheDir, 'playbook-entry-files.json');
	const files = entryFiles(contentDir);
	const before = existsSync(path) ? readRecord(readFileSync(path, 'utf8')) : undefined;
	const reason = !before
		? undefined
		: movedEntries(before.files, files).length > 0
			? 'moved'
			: before.schemas !== schemas
				? 'schemas'
				: undefined;
	if (reason) rmSync(join(cacheDir, 'data-store.json'), { force: true });
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(path, JSON.stringify({ files, schemas } satisfies CacheRecord));
	return reason;
}

/** The record as written, or as written before it held the schemas (a bare file map). */
function readRecord(text: string): CacheRecord {
	const value = JSON.parse(text) as CacheRecord | FileMap;
	return typeof value.files === 'object' ? (value as CacheRecord) : { files: value as FileMap };
}
