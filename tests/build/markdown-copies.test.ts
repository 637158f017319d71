import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Link, List, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, inject, test } from 'vitest';
import { copiesWeight } from '../../scripts/bench/measure.ts';
import { readContent } from '../../src/checks/read/read-content.ts';
import { labelOf } from '../../src/schemas/vocabulary.ts';
import { collectionMarkdown, entryMarkdown, twinOfPage } from '../../src/site/markdown-twin.ts';
import { searchableGlob } from '../../src/site/search-index.ts';
import { isPageCollection } from '../../src/schemas/index.ts';
import { elementsOf, renderGfm } from '../support/github-markdown.ts';
import { MINIMAL, TODAY } from '../support/helpers.ts';
import { ROOT } from '../support/sites.ts';

const files = (site: string, ending: string) =>
	readdirSync(site, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith(ending) && !file.startsWith('admin/'))
		.sort();
/** A built file's address on the site: `team/index.html` → `/team/`. */
const addressOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
const read = (site: string, path: string) => readFileSync(join(site, path), 'utf8');
/** Every link of a Markdown text, as written. */
function linksOf(tree: Root): string[] {
	const found: string[] = [];
	const walk = (node: { type: string; children?: unknown[] }) => {
		if (node.type === 'link') found.push((node as Link).url);
		for (const child of node.children ?? []) walk(child as typeof node);
	};
	walk(tree);
	return found;
}

const SOURCES = { example: join(ROOT, 'content'), minimal: MINIMAL } as const;

describe.each(['example', 'minimal'] as const)('the Markdown copies of the %s site', (name) => {
	const site = inject('sites')[name];
	const { playbook } = readContent(SOURCES[name], ROOT);
	const pages = files(site, '.html').map(addressOf);
	const withCopies = pages.filter((page) => twinOfPage(page));

	test('every entry page and collection index has its copy, and every copy its page', () => {
		expect(withCopies.length).toBeGreaterThan(name === 'example' ? 90 : 15);
		for (const page of withCopies)
			expect(existsSync(join(site, twinOfPage(page)!)), page).toBe(true);
		const copies = files(site, '.html.md').map((file) => `/${file}`);
		expect(copies).toEqual(withCopies.map((page) => twinOfPage(page)).sort());
	});

	test('the benchmark weighs every copy and llms.txt', () => {
		const lists = files(site, 'llms.txt');
		const bytes = [...files(site, '.html.md'), ...lists]
			.map((file) => Buffer.byteLength(read(site, file)))
			.reduce((sum, size) => sum + size, 0);
		expect(copiesWeight(site)).toEqual({ bytes, copies: withCopies.length });
	});

	test('each page links to its copy and its llms.txt in its head, and to its copy in its text', () => {
		for (const page of pages) {
			const html = read(site, join(page, page.endsWith('/') ? 'index.html' : ''));
			const twin = twinOfPage(page);
			const alternate = /<link rel="alternate" type="text\/markdown" href="([^"]+)">/.exec(html);
			expect(alternate?.[1], page).toBe(twin);
			const describedBy = /<link rel="describedby" href="([^"]+)">/.exec(html)?.[1];
			expect(describedBy, page).toMatch(/^\/([a-z-]+\/)?llms\.txt$/);
			expect(existsSync(join(site, describedBy!)), page).toBe(true);
			if (twin) expect(html, page).toContain(`<a href="${twin}" type="text/markdown">`);
		}
	});

	test('each copy is what the renderer makes of the entry: it parses and opens with its provenance', () => {
		for (const page of withCopies) {
			const [, collection, id] = /^\/([^/]+)\/(?:([^/]+)\/)?$/.exec(page)!;
			if (!isPageCollection(collection!)) throw new Error(page);
			const text = read(site, twinOfPage(page)!);
			if (!id) {
				expect(text).toBe(collectionMarkdown(playbook, collection, { site: '' }));
				continue;
			}
			const entry = playbook.entries[collection].get(id)!;
			expect(text, page).toBe(entryMarkdown(playbook, entry, { today: TODAY, site: '' }));
			const tree = fromMarkdown(text);
			expect(tree.children[0], page).toMatchObject({ type: 'heading', depth: 1 });
			const provenance = (tree.children[1] as List).children.map((item) => toString(item));
			expect(provenance.at(-2), page).toBe(`Source file: ${entry.file}`);
			if (!('owners' in entry.data)) continue;
			const owners = entry.data.owners.map((ownerId) => {
				const person = playbook.entries.team.get(ownerId)!.data;
				return `${person.name} (${labelOf(person.department)})`;
			});
			expect(provenance, page).toContain(`Owners: ${owners.join(', ')}`);
			expect(provenance[0], page).toMatch(/^Status: /);
		}
	});

	test('every link of every llms.txt goes to a file of the site', () => {
		const lists = files(site, 'llms.txt');
		expect(lists).toContain('llms.txt');
		expect(lists).toContain('lead-stages/llms.txt');
		for (const list of lists) {
			const links = linksOf(fromMarkdown(read(site, list)));
			expect(links.length, list).toBeGreaterThan(0);
			for (const link of links) expect(existsSync(join(site, link)), `${list}: ${link}`).toBe(true);
		}
		// The site's own lists every copy.
		const all = linksOf(fromMarkdown(read(site, 'llms.txt')));
		const listed = withCopies.filter((page) => {
			const [, collection, id] = page.split('/');
			// An empty collection's index is left out of the site's list.
			return id !== '' || (isPageCollection(collection!) && playbook.entries[collection].size > 0);
		});
		expect(all.sort()).toEqual(listed.map((page) => twinOfPage(page)).sort());
	});

	test('the copies stay out of the search: Pagefind indexes the searchable HTML pages alone', () => {
		expect(searchableGlob(site)).not.toMatch(/\.md|\.txt/);
		const entry = JSON.parse(read(site, 'pagefind/pagefind-entry.json')) as {
			languages: Record<string, { page_count: number }>;
		};
		const searchable = files(site, '.html').filter((file) =>
			read(site, file).includes('data-pagefind-body'),
		);
		expect(Object.values(entry.languages)[0]!.page_count).toBe(searchable.length);
	});
});

describe('the Markdown copies of a playbook full of XSS payloads', () => {
	const site = inject('sites').hostile;
	const { accepted } = inject('hostile');
	const texts = [...files(site, '.html.md'), ...files(site, 'llms.txt')].map((file) => ({
		file,
		text: read(site, file),
	}));
	const ALLOWED = ['h1', 'h2', 'p', 'blockquote', 'ul', 'li', 'a', 'code', 'strong', 'em', 'pre'];

	test('no payload opens an element, a link or markup in a copy or an llms.txt', () => {
		expect(texts.length).toBeGreaterThan(20);
		for (const { file, text } of texts) {
			const html = renderGfm(text);
			expect(
				elementsOf(html).filter((element) => !ALLOWED.includes(element)),
				file,
			).toEqual([]);
			for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
				expect(
					existsSync(join(site, decodeURIComponent(href!).replace(/\/$/, '/index.html'))),
					`${file}: ${href}`,
				).toBe(true);
		}
	});

	test('every payload the playbook took shows, as text, in its entry’s copy', () => {
		const all = texts.map(({ text }) => text).join('\n');
		const unseen = accepted
			.filter((leaf) => !leaf.file.startsWith('results/'))
			.filter((leaf) => !all.includes(`&lt;script&gt;alert(${leaf.n})&lt;/script&gt;`))
			.map((leaf) => `${leaf.file} ${leaf.path.join('.')}`);
		expect(unseen).toEqual([]);
	});
});
