import { describe, expect, test } from 'vitest';
import { axeViolations, exampleSiteInChromium, PAGE_TYPES } from '../support/browser.ts';

const example = exampleSiteInChromium();

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
	test.each(PAGE_TYPES)('%s has no violations', async (path) => {
		// axe is injected as an inline script, which the site's own policy rightly refuses.
		const context = await example.browser.newContext({ colorScheme: theme, bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${example.url}${path}`);
		const violations = await axeViolations(page);
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
							// Inside a closed disclosure a link is not shown, and Tab passes it by.
							(e) =>
								(e as HTMLElement).offsetParent !== null &&
								e.checkVisibility() &&
								!(e as HTMLInputElement).disabled,
						)
						// A group of radio buttons is one Tab stop (its first button, when none is chosen).
						.filter(
							(e, _, all) =>
								!(e instanceof HTMLInputElement && e.type === 'radio') ||
								all.find((o) => o instanceof HTMLInputElement && o.name === e.name) === e,
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
