import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
	type BrowserChoice,
	chooseBrowser,
	NoBrowserError,
} from '../scripts/bench/find-browser.ts';
import { writeHostilePlaybook } from './hostile.ts';
import { buildSite, ROOT } from './sites.ts';

/**
 * Chooses the browser first, so that a machine without one hears so in one line before anything
 * is built; then builds the sites the page and browser tests read, once per run and one after the other
 * (Astro keeps generated types in the project folder, so builds must not overlap).
 */
export default async function setup(project: TestProject) {
	// The tests reach no network: Astro's usage reports stay off in every build and server they start.
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const browser = await browserOrExit();
	console.log(`Browser tests use ${browser.label}.`);
	project.provide('browser', browser);
	const out = mkdtempSync(join(tmpdir(), 'playbook-sites-'));
	const sites = {
		minimal: join(out, 'minimal'),
		example: join(out, 'example'),
		hostile: join(out, 'hostile'),
	};
	const sources = {
		minimal: join(ROOT, 'tests', 'fixtures', 'minimal'),
		example: join(ROOT, 'content'),
		hostile: join(out, 'hostile-content', 'content'),
	};
	// The minimal playbook with an XSS payload in every string the checker lets through.
	const hostile = writeHostilePlaybook(sources.minimal, sources.hostile);
	for (const name of ['minimal', 'example', 'hostile'] as const) {
		const started = performance.now();
		const { code, output } = buildSite(sources[name], sites[name]);
		if (code !== 0) throw new Error(`Building the ${name} site failed:\n${output}`);
		console.log(
			`Built the ${name} site in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
		);
	}
	project.provide('sites', sites);
	project.provide('hostile', hostile);
	return () => rmSync(out, { recursive: true, force: true });
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
