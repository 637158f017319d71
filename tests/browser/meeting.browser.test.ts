import { describe, expect, test } from 'vitest';
import { axeViolations, exampleSiteInChromium } from '../support/browser.ts';

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
					id: svg.getAttribute('data-chart'),
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
			// A trend lists every month; the funnel is the one month, stage by stage.
			expect(chart.desc).toMatch(
				chart.id === 'funnel' ? /in November 2026\. Inquiry: / : /November 2026: /,
			);
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

	test.each(['light', 'dark'] as const)(
		'the scorecard, reasons and funnel pass axe in the %s theme, on screen and in print',
		async (theme) => {
			// axe is injected as an inline script, which the site's own policy rightly refuses.
			const context = await example.browser.newContext({ colorScheme: theme, bypassCSP: true });
			const page = await context.newPage();
			await page.goto(`${example.url}/meeting/`);
			await expect(page.getAttribute('html', 'data-theme')).resolves.toBe(theme);
			expect(await axeViolations(page)).toEqual([]);
			await page.emulateMedia({ media: 'print' });
			expect(await axeViolations(page)).toEqual([]);
			for (const part of ['#scorecard', 'table.pb-scorecard', '#rejections', 'table.pb-reasons'])
				await expect(page.isVisible(part), part).resolves.toBe(true);
			await expect(page.isVisible('svg[data-chart="funnel"]')).resolves.toBe(true);
			// Every mark prints as its own shape: none is hidden, none is left blank.
			const marks = await page.$$eval('svg[data-marks] text', (texts) =>
				texts.map((t) => ({
					mark: t.textContent,
					verdict: t.getAttribute('data-verdict'),
					shown: (t as SVGGraphicsElement).getBBox().width > 0,
				})),
			);
			expect(marks.length).toBe(12 * 12);
			for (const { mark, verdict, shown } of marks) {
				expect(shown).toBe(true);
				expect(mark).toBe({ Kept: '✓', Missed: '✗', 'No data': '–' }[verdict!]);
			}
			await context.close();
		},
	);

	test('at phone width the page does not scroll sideways, and each table stacks its rows', async () => {
		const page = await example.browser.newPage({ viewport: { width: 390, height: 844 } });
		await page.goto(`${example.url}/meeting/`);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
		for (const table of ['table.pb-scorecard', 'table.pb-reasons', 'table.pb-funnel']) {
			const seen = await page.$eval(`${table} tbody td[data-label]`, (cell) => ({
				right: cell.closest('table')!.getBoundingClientRect().right,
				label: getComputedStyle(cell, '::before').content,
			}));
			expect(seen.right, table).toBeLessThanOrEqual(390);
			// Each value is named, since the header row is out of sight.
			expect(seen.label, table).toMatch(/^".+: "$/);
		}
		// A chart shrinks to the width, with its words still in its description.
		const chart = await page.$eval(
			'svg[data-chart="funnel"]',
			(svg) => svg.getBoundingClientRect().width,
		);
		expect(chart).toBeLessThanOrEqual(390);
		await page.close();
	});
});
