import { describe, expect, test } from 'vitest';
import { exampleSiteInChromium } from '../support/browser.ts';

const example = exampleSiteInChromium();

describe('the monthly meeting page in Chromium', () => {
	test('leads with last month against the targets, with a trend per metric, and prints without the navigation', async () => {
		const page = await example.browser.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(`${example.url}/meeting/`);
		const headings = await page.$$eval('main h2', (els) => els.map((el) => el.textContent.trim()));
		expect(headings.slice(0, 2)).toEqual([
			'November 2026 against the targets',
			'The last twelve months',
		]);
		// Every chart is an image with a name and a description a screen reader reads out.
		const charts = await page.$$eval('svg[data-chart]', (svgs) =>
			svgs.map((svg) => {
				const [title, desc] = svg.getAttribute('aria-labelledby')!.split(' ');
				return {
					role: svg.getAttribute('role'),
					title: document.getElementById(title!)?.textContent ?? '',
					desc: document.getElementById(desc!)?.textContent ?? '',
				};
			}),
		);
		expect(charts.length).toBeGreaterThanOrEqual(7);
		for (const chart of charts) {
			expect(chart.role).toBe('img');
			expect(chart.title).not.toBe('');
			expect(chart.desc).toMatch(/November 2026: /);
		}
		await page.emulateMedia({ media: 'print' });
		for (const chrome of ['header', 'nav', '.sidebar-pane', '.right-sidebar-container'])
			await expect(page.isVisible(chrome), chrome).resolves.toBe(false);
		await expect(page.isVisible('svg[data-chart] >> nth=0')).resolves.toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('off target is said in words, not by colour alone', async () => {
		const page = await example.browser.newPage();
		await page.goto(`${example.url}/meeting/`);
		const cell = page.locator('tr[data-metric="speed-to-lead-median"] td >> nth=2');
		await expect(cell.textContent()).resolves.toBe('Off target by 0.6 business hours');
		await page.close();
	});
});
