import type { Entry, Playbook } from '../../../model/playbook.ts';
import { isCollectionName } from '../../../schemas/index.ts';

/** A stand-in host for the site, to resolve a body's URLs the way a reader's browser would. */
const SITE_HOST = 'playbook.invalid';

/**
 * The site path a link points at, resolved from its entry's page as a reader's browser resolves
 * it, without query or fragment; undefined when it leaves the site (another scheme or host) or
 * does not parse as a URL at all.
 */
export function internalPath(
	url: string,
	entry: Pick<Entry, 'collection' | 'id'>,
): string | undefined {
	const here = new URL(`https://${SITE_HOST}/${entry.collection}/${entry.id}/`);
	const target = URL.parse(url, here);
	return target?.origin === here.origin ? decodedPath(target.pathname) : undefined;
}

/** A URL's path with its %-escapes decoded, or as written when they do not decode. */
function decodedPath(pathname: string): string {
	try {
		return decodeURIComponent(pathname);
	} catch {
		return pathname;
	}
}

/**
 * A URL as a browser reads it: tabs and line breaks anywhere are dropped and leading control
 * characters and spaces trimmed, so `java\tscript:` is still a script URL.
 */
function asBrowserReads(url: string): string {
	let from = 0;
	// Past the end, charCodeAt gives NaN, which ends the loop.
	while (url.charCodeAt(from) <= 0x20) from++;
	return url.slice(from).replace(/[\t\n\r]/g, '');
}

/** True for a URL that runs script (or carries a whole document) when followed or loaded. */
export function isScriptUrl(url: string): boolean {
	return /^(javascript|vbscript|data):/i.test(asBrowserReads(url));
}

/**
 * True for a URL that names another host, by scheme or by `//`, as a reader's browser parses it
 * (which drops tabs and line breaks and trims control characters and spaces).
 */
export function isRemote(url: string): boolean {
	const host = URL.parse(url, `https://${SITE_HOST}/page/`)?.host;
	return host !== undefined && host !== '' && host !== SITE_HOST;
}

/**
 * The file a relative image path names within the content folder, when that file belongs beside
 * the entries and is not there (the build would stop on it); otherwise undefined.
 */
export function missingBesideEntry(
	url: string,
	entry: Entry,
	playbook: Playbook,
): string | undefined {
	const trimmed = url.trim();
	if (
		!entry.path ||
		!playbook.assets ||
		trimmed === '' ||
		/^([a-z][a-z0-9+.-]*:|\/)/i.test(trimmed)
	)
		return undefined;
	const target = URL.parse(trimmed, `file:///${entry.path}`);
	if (!target) return undefined;
	const path = decodedPath(target.pathname).slice(1);
	const folder = path.split('/')[0] ?? '';
	return isCollectionName(folder) && !playbook.assets.has(path) ? path : undefined;
}

/** The URLs an attribute names: one, each candidate of a `srcset`, or each address to `ping`. */
export function urlsIn(attribute: string, value: string): string[] {
	if (attribute === 'srcset')
		return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!);
	return attribute === 'ping' ? value.trim().split(/\s+/) : [value];
}

/** The URLs of `url(…)` in a style attribute. */
export function cssUrls(style: string): string[] {
	return [...style.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)].map((match) => match[2]!);
}
