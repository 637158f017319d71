import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { checkContent } from '../../src/checks/index.ts';
import { entriesOf } from '../../src/model/playbook.ts';
import { DEFINITION_COLLECTIONS, PAGE_COLLECTIONS } from '../../src/schemas/index.ts';
import { formatDate } from '../../src/model/words.ts';
import { formatTarget } from '../../src/site/metrics.ts';
import { COLLECTION_PAGES, sectionHeadings } from '../../src/site/collections.ts';
import { ROOT } from '../support/sites.ts';

const playbook = checkContent(join(ROOT, 'content'), { today: '2026-11-24' }).playbook;

/** The ids of every element of a built page. */
function idsOf(site: string, path: string): Set<string> {
	const html = readFileSync(join(site, path, 'index.html'), 'utf8');
	return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
}

describe("the site's table of collections", () => {
	test('has a page for every collection of the schemas, with an intro', () => {
		expect(Object.keys(COLLECTION_PAGES).sort()).toEqual([...PAGE_COLLECTIONS].sort());
		for (const name of PAGE_COLLECTIONS) expect(COLLECTION_PAGES[name].intro).toMatch(/\.$/);
	});

	test.each(PAGE_COLLECTIONS)(
		'%s: every section the page lists is a heading the built page has',
		(collection) => {
			const site = inject('sites').example;
			const entries = entriesOf(playbook, collection);
			expect(entries.length, `the example playbook has no ${collection}`).toBeGreaterThan(0);
			for (const entry of entries) {
				const ids = idsOf(site, `${collection}/${entry.id}`);
				for (const { slug } of sectionHeadings(collection, entry.data))
					expect(ids.has(slug), `${collection}/${entry.id} has no #${slug}`).toBe(true);
			}
		},
	);

	test('an optional section is listed only where the entry has it, and then is on the page', () => {
		const site = inject('sites').example;
		const withReasons = entriesOf(playbook, 'lead-stages').filter((s) => s.data.rejection_reasons);
		const without = entriesOf(playbook, 'lead-stages').filter((s) => !s.data.rejection_reasons);
		expect(withReasons.length).toBeGreaterThan(0);
		expect(without.length).toBeGreaterThan(0);
		for (const stage of without) {
			expect(sectionHeadings('lead-stages', stage.data).map((h) => h.slug)).not.toContain(
				'rejection-reasons',
			);
			expect(idsOf(site, `lead-stages/${stage.id}`).has('rejection-reasons')).toBe(false);
		}
	});
});

describe('people who have left, on the team pages', () => {
	const text = (path: string) =>
		readFileSync(join(inject('sites').example, path, 'index.html'), 'utf8')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ');

	test("a person's page says they left, and that they count for neither side", () => {
		expect(text('team/owen-price')).toContain(
			'Owen Price left on September 30, 2026 and counts for neither side of the ownership rule.',
		);
		expect(text('team/owen-price')).toContain('Owns no definitions.');
	});

	test('the team index marks them', () => {
		expect(text('team')).toContain(
			'Owen Price , Field Marketing Manager (left on September 30, 2026)',
		);
		expect(text('team')).not.toMatch(/Sam Achterberg[^(]*\(left/);
	});
});

describe('index pages and Start here, as a reader scans them', () => {
	const site = inject('sites').example;
	const html = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
	/** The header cells of a page's index table. */
	const columns = (path: string) =>
		[...html(path).matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) =>
			m[1]!.replace(/<[^>]+>/g, '').trim(),
		);

	test.each(DEFINITION_COLLECTIONS)(
		'/%s/ shows each definition’s status, last review and next review',
		(collection) => {
			// The glossary is a list of terms, each with a line of status and dates; a table shows
			// the status beside each title.
			const glossary = collection === 'glossary';
			if (!glossary)
				expect(columns(collection)).toEqual(
					expect.arrayContaining(['Last reviewed', 'Next review']),
				);
			const first = entriesOf(playbook, collection)[0]!;
			const index = html(collection);
			const list = index.slice(
				index.indexOf(glossary ? 'class="pb-glossary"' : '<table class="pb-index'),
			);
			const row = list
				.split(`href="/${collection}/${first.id}/"`)[1]!
				.split(glossary ? '</dd>' : '</tr>')[0]!;
			expect(row).toContain(`datetime="${first.data.reviewed}"`);
			expect(row).toContain(formatDate(first.data.reviewed));
			if (glossary)
				expect(row.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toMatch(
					/Last reviewed .+ · Next review /,
				);
			expect(row).toContain(`datetime="${first.data.reviewed}"`);
			expect(row).toContain(formatDate(first.data.reviewed));
			if (!glossary)
				expect(row).toContain(`class="pb-badge pb-status" data-value="${first.data.status}"`);
		},
	);

	test('/metrics/ shows each target', () => {
		expect(columns('metrics')).toContain('Target');
		for (const metric of entriesOf(playbook, 'metrics'))
			expect(html('metrics')).toContain(formatTarget(metric.data));
	});

	test('/review/ with nothing due still lists the next ten reviews by date', () => {
		const page = html('review');
		const next = page.slice(page.indexOf('id="next"'));
		const dates = [...next.matchAll(/<time datetime="([\d-]+)"/g)].map((m) => m[1]!);
		expect(dates).toHaveLength(10);
		expect([...dates].sort()).toEqual(dates);
	});

	test('Start here links to every section of the site', () => {
		const page = html('guides/start-here');
		const sections = [
			'/find/',
			...PAGE_COLLECTIONS.map((name) => `/${name}/`),
			'/coverage/',
			'/meeting/',
			'/review/',
			'/changes/',
		];
		for (const section of sections) expect(page, section).toContain(`href="${section}"`);
	});
});
