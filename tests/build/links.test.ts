import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, inject, test } from 'vitest';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The attributes that point at another file of the site, by element. */
const LINKING: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src' };

/** Every element of a parsed page, depth first (template contents included). */
function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node;
	const children = 'childNodes' in node ? node.childNodes : [];
	for (const child of children) yield* elements(child);
	if ('content' in node && node.content) yield* elements(node.content);
}

/** The site-internal links of one page, as written. */
function linksOf(html: string): string[] {
	const found: string[] = [];
	for (const element of elements(parse(html))) {
		const name = LINKING[element.tagName];
		const value = name && element.attrs.find((attr) => attr.name === name)?.value;
		if (value) found.push(value);
	}
	return found;
}

function htmlPages(siteDir: string): string[] {
	return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.sort();
}

/** The page's own address on the site: `team/index.html` → `/team/`. */
function addressOf(file: string, base: string): string {
	return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** True when a site path (after the base) is a file in the built site, as a static host serves it. */
function served(siteDir: string, path: string): boolean {
	const file = join(siteDir, decodeURIComponent(path));
	if (path.endsWith('/')) return existsSync(join(file, 'index.html'));
	if (existsSync(file)) return statSync(file).isFile() || existsSync(join(file, 'index.html'));
	return existsSync(`${file}.html`);
}

/**
 * Each site-internal link of a built site (`a`, `link`, `img`, `script`) whose target is not in
 * the built folder, as `page  link`. Links outside the base, to other hosts or schemes, are left
 * out: they are not this site's to serve.
 */
export function deadLinks(siteDir: string, base = '/'): string[] {
	const origin = 'http://site.invalid';
	const dead: string[] = [];
	for (const file of htmlPages(siteDir)) {
		const page = addressOf(file, base);
		for (const href of linksOf(readFileSync(join(siteDir, file), 'utf8'))) {
			const target = new URL(href, `${origin}${page}`);
			if (target.origin !== origin || !target.pathname.startsWith(base)) continue;
			if (!served(siteDir, target.pathname.slice(base.length)))
				dead.push(`${page}  ${href}  goes to a page that does not exist.`);
		}
	}
	return [...new Set(dead)];
}

describe('every site-internal link of a built site leads to a page that exists', () => {
	test.each(['example', 'minimal'] as const)('the %s site', (name) => {
		const site = inject('sites')[name];
		expect(htmlPages(site).length).toBeGreaterThan(10);
		expect(deadLinks(site)).toEqual([]);
	});
});
