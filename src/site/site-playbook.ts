import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from '../checks/read/content-dir.ts';
import { listEntryFiles } from '../checks/read/read-content.ts';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { settings } from '../schemas/settings.ts';
import { createPlaybook, type Entry, type Playbook } from '../model/playbook.ts';
import { noteRead, watchedPlaybook } from './page-reads.ts';

let loaded: Promise<Playbook> | undefined;
let watched: Promise<Playbook> | undefined;

/**
 * The playbook as the site sees it, built once per build from Astro's collections, in the same
 * shape the checker loads, so pages use the same functions as the checks and the tests. Its
 * collections are watched, so each page's key covers what the page read (src/site/page-keys.ts).
 */
export function sitePlaybook(): Promise<Playbook> {
	watched ??= loadedPlaybook().then(watchedPlaybook);
	return watched;
}

/** The same playbook, unwatched: what pages' keys are taken of. */
export function loadedPlaybook(): Promise<Playbook> {
	loaded ??= (async () => {
		const entries: Entry[] = [];
		for (const collection of COLLECTION_NAMES) {
			// Astro warns about every empty collection it is asked for; optional ones may be absent.
			if (listEntryFiles(join(contentDir(), collection)).length === 0) continue;
			for (const entry of await getCollection(collection)) {
				entries.push({
					collection,
					id: entry.id,
					file: entry.filePath ?? '',
					data: entry.data,
					body: entry.body ?? '',
				} as Entry);
			}
		}
		return createPlaybook(entries);
	})();
	return loaded;
}

/** The day the site is built, or `PLAYBOOK_TODAY`, for review dates on pages. */
export function siteToday(): string {
	noteRead('today');
	return settings().today;
}
