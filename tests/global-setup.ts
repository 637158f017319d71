import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeHostilePlaybook } from './hostile.ts';
import { buildSite, ROOT } from './sites.ts';

/**
 * Builds the two sites the page and browser tests read, once per run and one after the other
 * (Astro keeps generated types in the project folder, so builds must not overlap).
 */
export default function setup(project: TestProject) {
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
		const { code, output } = buildSite(sources[name], sites[name]);
		if (code !== 0) throw new Error(`Building the ${name} site failed:\n${output}`);
	}
	project.provide('sites', sites);
	project.provide('hostile', hostile);
	return () => rmSync(out, { recursive: true, force: true });
}
