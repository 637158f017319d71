import type { Browser } from 'playwright-core';
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
