import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { exampleSiteInChromium, PAGE_TYPES } from './browser.ts';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

const example = exampleSiteInChromium();

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
	test.each(PAGE_TYPES)('%s has no violations', async (path) => {
		// axe is injected as an inline script, which the site's own policy rightly refuses.
		const context = await example.browser.newContext({ colorScheme: theme, bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${example.url}${path}`);
		await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const result = await (
				window as unknown as {
					axe: {
						run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
					};
				}
			).axe.run();
			return result.violations.map(
				(v) =>
					`${v.id}: ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(' | ')}`,
			);
		});
		await context.close();
		expect(violations).toEqual([]);
	});
});

describe('every page type works from the keyboard', () => {
	test.each(PAGE_TYPES)(
		'%s: Tab reaches every control in the page, in order, without a trap',
		async (path) => {
			const page = await example.browser.newPage();
			await page.goto(`${example.url}${path}`);
			// Every visible link, button and field of the page's own content, in document order.
			const controls = await page.$$eval(
				'main a[href], main button, main input, main select, main summary, main [tabindex]:not([tabindex="-1"])',
				(elements) =>
					elements
						.filter(
							(e) => (e as HTMLElement).offsetParent !== null && !(e as HTMLInputElement).disabled,
						)
						.map((e, i) => {
							e.setAttribute('data-kb', String(i));
							return i;
						}),
			);
			const reached: number[] = [];
			for (let presses = 0; presses < 400 && reached.length < controls.length; presses++) {
				await page.keyboard.press('Tab');
				const at = await page.evaluate(
					() => document.activeElement?.getAttribute('data-kb') ?? null,
				);
				if (at !== null && reached.at(-1) !== Number(at)) reached.push(Number(at));
			}
			await page.close();
			expect(reached).toEqual(controls);
		},
	);
});
