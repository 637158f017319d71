import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, serve } from '../src/bench/browser.ts';

/** The static server and Chromium launcher the browser tests share with the benchmark. */
export { launchChromium, serve };

/**
 * The example site served on localhost and a Chromium to read it with, for one test file:
 * started before its tests, stopped after them.
 */
export function exampleSiteInChromium(): { browser: Browser; url: string } {
	const state = {} as { browser: Browser; url: string; close: () => Promise<void> };
	beforeAll(async () => {
		const site = await serve(inject('sites').example);
		[state.url, state.close] = [site.url, site.close];
		state.browser = await launchChromium();
	});
	afterAll(async () => {
		await state.browser?.close();
		await state.close?.();
	});
	return state;
}
