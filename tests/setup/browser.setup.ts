import type { TestProject } from 'vitest/node';
import { type BrowserChoice, chooseBrowser, NoBrowserError } from '../../scripts/chromium.ts';
import { builtSites } from './built-sites.ts';

/**
 * The `browser` project's set-up: chooses the browser first, so that a machine without one hears
 * so in one line before anything is built, then the test sites (shared with the `build` project),
 * which build in the background while the tests that need none run.
 */
export default async function setup(project: TestProject) {
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const browser = await browserOrExit();
	console.log(`Browser tests use ${browser.label}.`);
	project.provide('browser', browser);
	const { sites, hostile, done } = builtSites();
	project.provide('sites', sites);
	project.provide('hostile', hostile);
	return () => done;
}

/** The browser for every browser test; without one, `npm test` ends here with the reason. */
async function browserOrExit(): Promise<BrowserChoice> {
	try {
		return await chooseBrowser();
	} catch (error) {
		if (!(error instanceof NoBrowserError)) throw error;
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	}
}
