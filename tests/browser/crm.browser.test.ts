import { describe, expect, test } from 'vitest';
import { exampleSiteInChromium } from '../support/browser.ts';
import { READER_WIDTHS } from '../support/table-fit.ts';

const example = exampleSiteInChromium();

describe("a lead stage's page says what the stage is called in the CRM", () => {
	test.each(READER_WIDTHS)(
		'at %i px the rep reads each CRM value whole, on screen, with nothing to scroll sideways',
		async (width) => {
			const page = await example.browser.newPage({ viewport: { width, height: 900 } });
			await page.goto(`${example.url}/lead-stages/mql/`);
			const seen = await page.evaluate(() => {
				const list = document.querySelector('h2#crm + dl')!;
				const box = list.getBoundingClientRect();
				return {
					rows: [...list.querySelectorAll('div')].map((row) =>
						(row.textContent ?? '').replace(/\s+/g, ' ').trim(),
					),
					inside: box.left >= 0 && box.right <= document.documentElement.clientWidth,
					clipped: [...list.querySelectorAll('dd, code')].some(
						(el) => el.scrollWidth > el.clientWidth + 1,
					),
					sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
				};
			});
			await page.close();
			expect(seen.rows).toEqual([
				'HubSpot lifecycle stage Marketing Qualified Lead internal value marketingqualifiedlead',
				'Salesforce lead status Marketing Qualified',
			]);
			expect(seen).toMatchObject({ inside: true, clipped: false, sideways: false });
		},
	);
});
