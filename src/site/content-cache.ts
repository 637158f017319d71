import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { idOf, listEntryFiles } from '../checks/read-content.ts';

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

/**
 * Astro's content cache keeps an entry whose file was renamed but whose text did not change,
 * still pointing at the old file, and the build then fails to find it. When any entry moved
 * since the last build, the cache is dropped so Astro reads the folder afresh.
 */
export function dropCacheIfEntriesMoved(contentDir: string, cacheDir: string): boolean {
	const record = join(cacheDir, 'playbook-entry-files.json');
	const now = entryFiles(contentDir);
	const before: FileMap = existsSync(record)
		? (JSON.parse(readFileSync(record, 'utf8')) as FileMap)
		: {};
	const moved = movedEntries(before, now).length > 0;
	if (moved) rmSync(join(cacheDir, 'data-store.json'), { force: true });
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(record, JSON.stringify(now));
	return moved;
}
