import { describe, expect, test } from 'vitest';
import { axeViolations, exampleSiteInChromium, keptPage, PAGE_TYPES } from '../support/browser.ts';

const example = exampleSiteInChromium();

// One page per kind of test. axe is injected as an inline script, which the site's own policy
// rightly refuses.
const axePage = keptPage(example, { colorScheme: 'light', bypassCSP: true });
const keyboardPage = keptPage(example);

describe('axe-core in the light and the dark theme', () => {
	test.each(PAGE_TYPES)('%s has no violations in either theme', async (path) => {
		const page = await axePage();
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(`${example.url}${path}`);
		// The finder's results are part of the page: they are there before axe looks.
		if (path === '/find/') await page.waitForSelector('#pb-finder-results li');
		const found: Record<string, string[]> = { light: await axeViolations(page) };
		// The system turns dark, as it does at dusk: the page follows without loading again.
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
		found['dark'] = await axeViolations(page);
		expect(found).toEqual({ light: [], dark: [] });
	});
});

describe('every page type works from the keyboard', () => {
	test.each(PAGE_TYPES)(
		'%s: Tab reaches every control in the page, in order, without a trap',
		async (path) => {
			const page = await keyboardPage();
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
			// Where focus lands after each press, noted by the page itself, read every ten presses.
			await page.evaluate(() => {
				const landed: number[] = [];
				(window as unknown as { landed: number[] }).landed = landed;
				document.addEventListener('focusin', (event) => {
					const at = (event.target as Element).getAttribute('data-kb');
					if (at !== null && landed.at(-1) !== Number(at)) landed.push(Number(at));
				});
			});
			const landed = () => page.evaluate(() => (window as unknown as { landed: number[] }).landed);
			let reached: number[] = [];
			for (let presses = 0; presses < 400 && reached.length < controls.length; presses += 10) {
				for (let press = 0; press < 10; press++) await page.keyboard.press('Tab');
				reached = (await landed()).slice(0, controls.length);
			}
			expect(reached).toEqual(controls);
		},
	);
});
