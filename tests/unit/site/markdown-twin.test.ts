import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Heading, List, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { afterAll, describe, expect, test } from 'vitest';
import { readContent } from '../../../src/checks/read/read-content.ts';
import type { Entry, Playbook } from '../../../src/model/playbook.ts';
import { PAGE_COLLECTIONS } from '../../../src/schemas/index.ts';
import {
	collectionLlmsTxt,
	collectionMarkdown,
	entryMarkdown,
	llmsTxt,
	llmsTxtOfPage,
	twinOfPage,
	twinPath,
} from '../../../src/site/markdown-twin.ts';
import { elementsOf, HOSTILE_MARKDOWN, renderGfm } from '../../support/github-markdown.ts';
import { payload } from '../../support/hostile.ts';
import { FIXTURES, MINIMAL, TODAY } from '../../support/helpers.ts';
import { ROOT } from '../../support/sites.ts';

const SITE = 'https://playbook.test/docs';
const options = { today: TODAY, site: SITE };
const { playbook } = readContent(join(ROOT, 'content'));

const made: string[] = [];
afterAll(() => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** The minimal playbook with one deprecated and one draft library item. */
function draftsPlaybook(): Playbook {
	const root = mkdtempSync(join(tmpdir(), 'playbook-twins-'));
	made.push(root);
	cpSync(MINIMAL, join(root, 'content'), { recursive: true });
	cpSync(join(FIXTURES, 'deprecated-and-draft'), join(root, 'content'), { recursive: true });
	return readContent(join(root, 'content'), root).playbook;
}

const parse = (markdown: string): Root => fromMarkdown(markdown);
/** The text of each item of a list, in order. */
const items = (list: Nodes | undefined) => (list as List).children.map((item) => toString(item));

describe('where the copies are', () => {
	test('the llms.txt proposal’s address: the page’s address with index.html.md appended', () => {
		expect(twinPath('/lead-stages/mql/')).toBe('/lead-stages/mql/index.html.md');
		expect(twinPath('/lead-stages/')).toBe('/lead-stages/index.html.md');
		expect(twinOfPage('/lead-stages/mql/')).toBe('/lead-stages/mql/index.html.md');
		expect(twinOfPage('/glossary/')).toBe('/glossary/index.html.md');
		// Pages that are not an entry or a collection's index have none.
		for (const path of ['/', '/find/', '/prep/cfo/decision/', '/results/2026-10/', '/404/'])
			expect(twinOfPage(path), path).toBeUndefined();
	});

	test('a page in a collection folder is described by that folder’s llms.txt, others by the site’s', () => {
		expect(llmsTxtOfPage('/lead-stages/mql/')).toBe('/lead-stages/llms.txt');
		expect(llmsTxtOfPage('/lead-stages/')).toBe('/lead-stages/llms.txt');
		expect(llmsTxtOfPage('/find/')).toBe('/llms.txt');
		expect(llmsTxtOfPage('/')).toBe('/llms.txt');
	});
});

describe('an entry’s copy', () => {
	const mql = playbook.entries['lead-stages'].get('mql')!;
	const tree = parse(entryMarkdown(playbook, mql, options));

	test('opens with its name, then the provenance block: owners with departments, status, reviews, file', () => {
		const [title, provenance] = tree.children;
		expect(title).toMatchObject({ type: 'heading', depth: 1 });
		expect(toString(title)).toBe('Marketing Qualified Lead (MQL)');
		const lines = items(provenance);
		expect(lines[0]).toBe('Status: Approved');
		const owners = mql.data.owners.map((id) => playbook.entries.team.get(id)!.data);
		expect(lines[1]).toBe(
			`Owners: ${owners.map((o) => `${o.name} (${o.department === 'sales' ? 'Sales' : 'Marketing'})`).join(', ')}`,
		);
		expect(lines[2]).toBe(
			`Last review: ${new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(mql.data.reviewed))}`,
		);
		expect(lines[3]).toMatch(/^Next review: \w+ \d+, \d{4}$/);
		expect(lines[4]).toBe('Source file: content/lead-stages/mql.mdx');
		expect(lines[5]).toBe('Page: Marketing Qualified Lead (MQL)');
	});

	test('links the owners, the page and the references to their copies on the site', () => {
		const links = [...entryMarkdown(playbook, mql, options).matchAll(/\]\(([^)]+)\)/g)].map(
			(m) => m[1]!,
		);
		expect(links).toContain(`${SITE}/team/${mql.data.owners[0]}/index.html.md`);
		expect(links).toContain(`${SITE}/lead-stages/mql/`);
		for (const next of mql.data.next)
			expect(links).toContain(`${SITE}/lead-stages/${next}/index.html.md`);
	});

	test('an overdue review says so', () => {
		const late = items(
			parse(entryMarkdown(playbook, mql, { ...options, today: '2999-01-01' })).children[1],
		);
		expect(late[3]).toMatch(/^Next review: .+ \(overdue\)$/);
	});

	test('its summary, its fields in words as the page shows them, then its body', () => {
		const headings = tree.children
			.filter((node): node is Heading => node.type === 'heading')
			.map((node) => toString(node));
		expect(headings.slice(0, 3)).toEqual(['Marketing Qualified Lead (MQL)', 'Details', 'Notes']);
		expect(toString(tree.children[2])).toBe(mql.data.summary);
		const text = toString(tree);
		expect(text).toContain('Lead score threshold: 100');
		expect(text).toContain('Worked by: Sales');
		expect(text).toContain('Next stages: Sales Accepted Lead (SAL)');
		expect(text).toContain('Entry criteria:');
		expect(text).toContain(mql.data.entry_criteria[0]);
		expect(text).toContain('hand-raiser (demo request');
	});

	test('a draft and a deprecated entry say so in their status line, and where they are listed', () => {
		const drafts = draftsPlaybook();
		const status = (id: string) =>
			items(parse(entryMarkdown(drafts, drafts.entries.library.get(id)!, options)).children[1])[0];
		expect(status('savings-calculator')).toBe('Status: Draft: under discussion.');
		expect(status('retired-deck')).toBe('Status: Deprecated: no longer in use.');
		const index = collectionMarkdown(drafts, 'library', options);
		expect(index).toMatch(/\[Savings calculator\]\([^)]+\): Draft: under discussion\. /);
		expect(index).toMatch(/\[Retired pricing deck\]\([^)]+\): Deprecated: no longer in use\. /);
	});

	test('an entry that is not a definition still says where it comes from', () => {
		const person = [...playbook.entries.team.values()][0]!;
		const lines = items(parse(entryMarkdown(playbook, person, options)).children[1]);
		expect(lines).toEqual([`Source file: ${person.file}`, `Page: ${person.data.name}`]);
	});
});

describe('hostile text in a copy opens nothing', () => {
	const mql = playbook.entries['lead-stages'].get('mql')!;
	const owner = playbook.entries.team.get(mql.data.owners[0]!)!;
	const ALLOWED = ['h1', 'h2', 'p', 'blockquote', 'ul', 'li', 'a', 'code', 'strong', 'em', 'pre'];

	/** The example with every string of the MQL and of one owner set to `text`. */
	function poisoned(text: string): { playbook: Playbook; entry: Entry } {
		const entry = {
			...mql,
			data: {
				...mql.data,
				title: text,
				summary: text,
				aliases: [text],
				entry_criteria: [text, text],
				rejection_reasons: [text],
				crm: { hubspot: { value: text }, salesforce: { status: text } },
			},
			// A body is Markdown by design; what it may not do is run, load or link to a script.
			body: `Plain words.\n\n<div onclick="x">${text}</div>\n\n[a link](javascript:alert(1)) ![img](https://evil.example/p.png) <https://web.example/>\n\n\`\`\`\n${text}\n\`\`\``,
			file: 'content/lead-stages/mql.md',
		} as Entry;
		const person = { ...owner, data: { ...owner.data, name: text, title: text } } as Entry;
		const entries = { ...playbook.entries };
		entries['lead-stages'] = new Map(entries['lead-stages']).set(
			mql.id,
			entry as Entry<'lead-stages'>,
		);
		entries.team = new Map(entries.team).set(owner.id, person as Entry<'team'>);
		return { playbook: { ...playbook, entries }, entry };
	}

	test.each([payload(7), ...HOSTILE_MARKDOWN])('%j', (text) => {
		const { playbook: hostile, entry } = poisoned(text);
		for (const markdown of [
			entryMarkdown(hostile, entry, options),
			collectionMarkdown(hostile, 'lead-stages', options),
			llmsTxt(hostile, PAGE_COLLECTIONS, { name: 'Playbook', summary: text, site: SITE }),
			collectionLlmsTxt(hostile, 'lead-stages', { name: text, site: SITE }),
		]) {
			const html = renderGfm(markdown);
			expect(
				elementsOf(html).filter((name) => !ALLOWED.includes(name)),
				markdown,
			).toEqual([]);
			// Every link is the site's own, or the body's own link to the web.
			for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
				expect(href, markdown).toMatch(/^https:\/\/(playbook\.test\/docs|web\.example)\//);
			expect(html).not.toMatch(/<(script|img)\b|<[^>]*\s(onerror|onclick)=|href="javascript:/i);
		}
	});
});

describe('the body keeps what the author wrote and nothing that acts', () => {
	const mql = playbook.entries['lead-stages'].get('mql')!;
	const withBody = (body: string, file = 'content/lead-stages/mql.mdx') =>
		entryMarkdown(playbook, { ...mql, body, file }, options).split('## Notes\n\n')[1]!;

	test('headings, lists, emphasis, code and links to the web and the site', () => {
		const body = withBody(
			'## How to work it\n\nCall **within 2 hours**, see [the SLA](/slas/mql-acceptance/) or [HubSpot](https://hubspot.example/x).\n\n1. First\n2. Second `code`\n\n> Quoted',
		);
		expect(body).toBe(
			'## How to work it\n\nCall **within 2 hours**, see [the SLA](https://playbook.test/docs/slas/mql-acceptance/) or [HubSpot](https://hubspot.example/x).\n\n1. First\n2. Second `code`\n\n> Quoted\n',
		);
	});

	test('components and tags keep their words; imports and expressions are left out', () => {
		const body = withBody(
			'import { Aside } from \'@astrojs/starlight/components\';\n\n<Aside type="tip">Ask the SDR first.</Aside>\n\n{/* a comment */}\n\nDone.',
		);
		expect(body).toBe('Ask the SDR first.\n\nDone.\n');
	});
});

describe('llms.txt', () => {
	const text = llmsTxt(playbook, PAGE_COLLECTIONS, {
		name: 'Revenue Playbook',
		summary: 'The definitions sales and marketing agree on.',
		site: SITE,
	});
	const tree = parse(text);

	test('in the proposal’s shape: a name, a summary, notes, then sections that are lists of links', () => {
		expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
		expect(tree.children[1]!.type).toBe('blockquote');
		expect(tree.children[2]!.type).toBe('paragraph');
		const rest = tree.children.slice(3);
		for (let i = 0; i < rest.length; i += 2) {
			expect(rest[i]).toMatchObject({ type: 'heading', depth: 2 });
			for (const item of (rest[i + 1] as List).children)
				expect((item.children[0] as { children: Nodes[] }).children[0]!.type).toBe('link');
		}
	});

	test('lists every collection’s index and every entry’s copy with its summary', () => {
		for (const collection of PAGE_COLLECTIONS) {
			if (playbook.entries[collection].size === 0) continue;
			expect(text).toContain(`(${SITE}/${collection}/index.html.md)`);
			for (const entry of playbook.entries[collection].values())
				expect(text, entry.id).toContain(`(${SITE}/${collection}/${entry.id}/index.html.md)`);
		}
		expect(text).toContain(
			`(${SITE}/lead-stages/mql/index.html.md): ${playbook.entries['lead-stages'].get('mql')!.data.summary}`,
		);
	});

	test('a collection folder’s own lists that collection alone', () => {
		const own = collectionLlmsTxt(playbook, 'slas', { name: 'Revenue Playbook', site: SITE });
		expect(own.split('\n')[0]).toBe('# Revenue Playbook: Service-level agreements (SLAs)');
		const links = [...own.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
		expect(links.length).toBe(playbook.entries.slas.size + 1);
		for (const link of links) expect(link).toMatch(/^https:\/\/playbook\.test\/docs\/slas\//);
	});
});
