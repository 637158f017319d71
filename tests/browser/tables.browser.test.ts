import { describe, expect, test } from 'vitest';
import { PAGE_COLLECTIONS } from '../../src/schemas/index.ts';
import { exampleSiteInChromium } from '../support/browser.ts';
import { READER_WIDTHS, tableProblems } from '../support/table-fit.ts';

const example = exampleSiteInChromium();

/**
 * Every page with a table a reader scans: each collection's index, the review and meeting pages,
 * a call plan, the entry pages whose details are tables (an SLA's commitments, a metric's
 * results), and a month's results page.
 */
const PAGES = [
	...PAGE_COLLECTIONS.map((collection) => `/${collection}/`),
	'/review/',
	'/meeting/',
	'/prep/controller/consideration/',
	'/slas/mql-follow-up/',
	'/metrics/mql-to-sql-conversion/',
	'/results/2026-11/',
];

describe('tables fit a phone and a laptop', () => {
	test.each(READER_WIDTHS)(
		'at %i px every cell shows whole: nothing cut off or off screen, no word broken, no sentence one word a line',
		async (width) => {
			const page = await example.browser.newPage({ viewport: { width, height: 900 } });
			const problems: string[] = [];
			let tables = 0;
			for (const path of PAGES) {
				await page.goto(`${example.url}${path}`);
				tables += await page.locator('main table').count();
				problems.push(...(await tableProblems(page)).map((problem) => `${path}  ${problem}`));
			}
			await page.close();
			// The pages hold the tables the test is about; no tables would pass by itself.
			expect(tables).toBeGreaterThanOrEqual(14);
			expect(problems).toEqual([]);
		},
	);

	test('on a phone an index row stacks, each value named; on a laptop the columns have headers', async () => {
		const page = await example.browser.newPage({ viewport: { width: 390, height: 900 } });
		await page.goto(`${example.url}/slas/`);
		/** What the reader sees of the index: the header row's size, and the name shown before a date. */
		const seen = () =>
			page.evaluate(() => {
				const header = document.querySelector('table.pb-index thead tr')!.getBoundingClientRect();
				const cell = document.querySelector('table.pb-index td[data-label="Next review"]')!;
				return {
					header: header.width > 1 && header.height > 1,
					label: getComputedStyle(cell, '::before').content,
				};
			});
		await expect(seen()).resolves.toEqual({ header: false, label: '"Next review: "' });
		await page.setViewportSize({ width: 1280, height: 900 });
		await expect(seen()).resolves.toEqual({ header: true, label: 'none' });
		await page.close();
	});
});
