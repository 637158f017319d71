import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, serve } from '../src/bench/browser.ts';

/** The static server and Chromium launcher the browser tests share with the benchmark. */
export { launchChromium, serve };

/** One page of each type in the example playbook, plus the site's own pages. */
export const PAGE_TYPES = [
	'/',
	'/find/',
	'/personas/',
	'/personas/controller/',
	'/icp/mid-market-saas/',
	'/lead-stages/',
	'/lead-stages/mql/',
	'/buyer-stages/consideration/',
	'/library/northwind-case-study/',
	'/slas/mql-follow-up/',
	'/team/',
	'/team/dana-whitfield/',
	'/glossary/',
	'/glossary/acv/',
	'/metrics/mql-to-sql-conversion/',
	'/tracks/sdr/',
	'/guides/start-here/',
	'/coverage/',
	'/meeting/',
	'/review/',
	'/changes/',
	'/no-such-page/',
];

/**
 * The example site served on localhost and a Chromium to read it with, for one test file:
 * started before its tests, stopped after them.
 */
export function exampleSiteInChromium(): { browser: Browser; url: string } {
	return siteInChromium('example');
}

/** One of the built sites served on localhost, with a Chromium, for one test file. */
export function siteInChromium(name: 'minimal' | 'example' | 'hostile'): {
	browser: Browser;
	url: string;
} {
	const state = {} as { browser: Browser; url: string; close: () => Promise<void> };
	beforeAll(async () => {
		const site = await serve(inject('sites')[name]);
		[state.url, state.close] = [site.url, site.close];
		state.browser = await launchChromium();
	});
	afterAll(async () => {
		await state.browser?.close();
		await state.close?.();
	});
	return state;
}

/** A result's own page link, not the links to its headings nested under it. */
const RESULT_LINK =
	'.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link';

/**
 * Types a term into Starlight's search dialog as a reader does and returns the result pages,
 * best first, once Pagefind has answered for the whole term and every result has loaded.
 */
export async function searchSite(page: Page, term: string): Promise<string[]> {
	await page.click('button[data-open-modal]');
	// Pagefind's box is made when the browser is next idle; keys pressed before it exists are lost.
	const input = page.locator('.pagefind-ui__search-input');
	await input.waitFor();
	await input.pressSequentially(term);
	await page.waitForFunction(
		([term, link]) => {
			const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
			if (!message.includes(term) || message.startsWith('Searching')) return false;
			// A result shows a placeholder until its own fragment has loaded.
			return (
				document.querySelectorAll(link).length ===
				document.querySelectorAll('.pagefind-ui__result').length
			);
		},
		[term, RESULT_LINK] as const,
	);
	return page.$$eval(RESULT_LINK, (links) =>
		links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
	);
}
