import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	generatePlaybook,
	mix,
	writeFloorSite,
	writePlaybook,
} from '../../../scripts/bench/generate.ts';
import { median } from '../../../scripts/bench/dev-loop.ts';
import { differentFiles } from '../../../scripts/bench/measure.ts';
import { movedEntries } from '../../../src/site/content-cache.ts';
import { check } from '../../support/helpers.ts';
import { tempFolder } from '../../support/temp-folders.ts';

describe('the benchmark’s synthetic playbooks', () => {
	test('have the real mix (70% library items) and exactly the size asked for', () => {
		for (const size of [1000, 5000]) {
			const counts = mix(size);
			expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(size);
			expect(counts.library).toBe(size * 0.7);
		}
	});
	test('are valid playbooks, the same every time', () => {
		const root = mkdtempSync(join(tmpdir(), 'playbook-synthetic-'));
		const entries = generatePlaybook(300);
		writePlaybook(entries, join(root, 'content'));
		const report = check(root);
		expect(report.errorCount).toBe(0);
		expect(report.fileCount).toBe(300);
		expect(generatePlaybook(300)).toEqual(entries);
	});
});

describe('the floor the build is measured against', () => {
	test('holds the same pages as plain MDX pages in one minimal layout with Pagefind’s marker', () => {
		const root = mkdtempSync(join(tmpdir(), 'playbook-floor-'));
		const entries = generatePlaybook(300);
		writeFloorSite(entries, root);
		const pages = readdirSync(join(root, 'src', 'pages'), { recursive: true }).filter((name) =>
			String(name).endsWith('.mdx'),
		);
		expect(pages).toHaveLength(entries.length);
		const item = entries.find((entry) => entry.collection === 'library')!;
		const page = readFileSync(join(root, 'src', 'pages', 'library', `${item.id}.mdx`), 'utf8');
		expect(page).toMatch(/^---\nlayout: \.\.\/\.\.\/layouts\/Page\.astro\ntitle: /);
		expect(page).toContain(item.body.split('\n')[0]);
		const layout = readFileSync(join(root, 'src', 'layouts', 'Page.astro'), 'utf8');
		expect(layout).toContain('<main data-pagefind-body>');
		expect(layout).not.toMatch(/starlight|playbook/i);
	});
	test('time figures are medians', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});

describe('the content cache guard', () => {
	test('notices an entry that now comes from another file', () => {
		expect(
			movedEntries(
				{ 'lead-stages/mql': 'lead-stages/mql.md' },
				{ 'lead-stages/mql': 'lead-stages/mql.mdx' },
			),
		).toEqual(['lead-stages/mql']);
		expect(
			movedEntries(
				{ 'lead-stages/mql': 'lead-stages/mql.md' },
				{ 'lead-stages/mql': 'lead-stages/mql.md', 'slas/x': 'slas/x.mdx' },
			),
		).toEqual([]);
	});
});

describe('two sites compared file by file', () => {
	test('names, sorted, each file in one site only or with other bytes, and no folder', () => {
		const [a, b] = ['a', 'b'].map((side) => tempFolder(`playbook-site-${side}-`));
		const write = (site: string, path: string, text: string) => {
			mkdirSync(dirname(join(site, path)), { recursive: true });
			writeFileSync(join(site, path), text);
		};
		for (const site of [a!, b!]) write(site, 'same/index.html', '<p>same</p>');
		write(a!, 'x/index.html', '<p>old</p>');
		write(b!, 'x/index.html', '<p>new</p>');
		write(a!, 'gone/index.html', '<p>gone</p>');
		write(b!, 'added.txt', 'added');
		expect(differentFiles(a!, b!)).toEqual(['added.txt', 'gone/index.html', 'x/index.html']);
		expect(differentFiles(a!, a!)).toEqual([]);
	});
});
