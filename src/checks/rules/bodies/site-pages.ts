import { exists, type Playbook } from '../../../model/playbook.ts';
import { PAGE_COLLECTIONS, type PageCollection } from '../../../schemas/index.ts';

/** Pages of the site that are not entries, by path. */
export const SITE_PAGES: ReadonlySet<string> = new Set([
	'/',
	'/find/',
	'/review/',
	'/changes/',
	'/coverage/',
	'/meeting/',
	'/playbook.json',
	...PAGE_COLLECTIONS.map((name) => `/${name}/`),
]);

/** True when a site path is a page the playbook builds, with or without its final slash. */
export function pageExists(playbook: Playbook, path: string): boolean {
	const page = path.endsWith('/') || path.includes('.') ? path : `${path}/`;
	if (SITE_PAGES.has(page)) return true;
	// A call plan: /prep/<persona>/<buyer-stage>/.
	const plan = /^\/prep\/([^/]+)\/([^/]+)\/$/.exec(page);
	if (plan)
		return exists(playbook, 'personas', plan[1]!) && exists(playbook, 'buyer-stages', plan[2]!);
	const match = /^\/([^/]+)\/([^/]+)\/$/.exec(page);
	if (!match) return false;
	const collection = match[1]!;
	return isPageCollection(collection) && exists(playbook, collection, match[2]!);
}

/** True when `name` is a collection with a page per entry. */
function isPageCollection(name: string): name is PageCollection {
	return PAGE_COLLECTIONS.some((collection) => collection === name);
}

/**
 * A file served beside the pages (a PDF or an image in `public/`), which the checker cannot see:
 * its last segment has an extension, and it is not a page of the site.
 */
export function isAsset(path: string): boolean {
	return /\.[a-z0-9]+$/i.test(path) && !/\.html?$/i.test(path) && !SITE_PAGES.has(path);
}

/** The nearest page to suggest for a broken path: its collection's index, else the home page. */
export function suggestPage(path: string): string {
	const collection = path.split('/')[1]!; // a site path starts with /
	return isPageCollection(collection) ? `/${collection}/` : '/';
}
