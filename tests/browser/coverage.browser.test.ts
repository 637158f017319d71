import { describe, expect, test } from 'vitest';
import { coverage } from '../../src/model/coverage.ts';
import { readContent } from '../../src/checks/read/read-content.ts';
import { exampleSiteInChromium } from '../support/browser.ts';
import { ROOT } from '../support/sites.ts';

const example = exampleSiteInChromium();
const matrix = coverage(readContent(`${ROOT}/content`).playbook);

/** Words of `selector` that the browser laid out across two lines: a word broken inside. */
function brokenWords(selector: string): string[] {
	const broken: string[] = [];
	for (const root of document.querySelectorAll(selector)) {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent ?? '';
			for (const match of text.matchAll(/\S+/g)) {
				const range = document.createRange();
				range.setStart(node, match.index);
				range.setEnd(node, match.index + match[0].length);
				const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
				if (lines.size > 1) broken.push(match[0]);
			}
		}
	}
	return broken;
}

describe('the coverage page', () => {
	test.each([390, 1280])(
		'at %i px wide, no word breaks inside and the caption is whole',
		async (width) => {
			const page = await example.browser.newPage({ viewport: { width, height: 800 } });
			await page.goto(`${example.url}/coverage/`);
			expect(await page.evaluate(brokenWords, 'main table, main figcaption')).toEqual([]);
			const caption = await page.$eval('main figcaption', (el) => {
				const rect = el.getBoundingClientRect();
				return { left: rect.left, right: rect.right, clipped: el.scrollWidth > el.clientWidth };
			});
			expect(caption.left).toBeGreaterThanOrEqual(0);
			expect(caption.right).toBeLessThanOrEqual(width);
			expect(caption.clipped).toBe(false);
			// The table scrolls inside the page rather than widening it.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width,
			);
			await page.close();
		},
	);

	test('shows a count per persona and stage, gaps in words, and the items behind each', async () => {
		const page = await example.browser.newPage();
		await page.goto(`${example.url}/coverage/`);
		const cells = await page.$$eval('main table tbody tr', (rows) =>
			rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent.trim())),
		);
		expect(cells).toEqual(
			matrix.rows.map((row) =>
				row.map((cell) =>
					cell.items.length === 0
						? 'Gap'
						: `${cell.items.length} item${cell.items.length === 1 ? '' : 's'}`,
				),
			),
		);
		const first = matrix.rows[0]!.find((cell) => cell.items.length > 0)!;
		await page.click(`main table a[href="/prep/${first.persona.id}/${first.stage.id}/"]`);
		await page.waitForURL(`**/prep/${first.persona.id}/${first.stage.id}/`);
		for (const item of first.items)
			await expect(page.locator('main').textContent()).resolves.toContain(item.data.title);
		await page.goBack();
		await page.click(`main details summary >> text=${first.persona.data.title}`);
		await expect(page.locator('main details[open]').textContent()).resolves.toContain(
			first.items[0]!.data.title,
		);
		await page.close();
	});
});
