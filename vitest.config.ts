import { readFileSync, statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Three projects, so each test pays only for what it needs: `unit` builds nothing and opens no
 * browser (`npm run test:unit`, the edit loop); `build` reads the test sites or builds sites of
 * its own; `browser` drives Chromium on the test sites. The sites are built once, for both, in
 * the background: the projects run at the same time, and a file waits only for what it reads.
 */

/** Tests that drive a browser. */
const BROWSER = ['tests/**/*.browser.test.ts', 'tests/edit-command.test.ts'];

/** Tests that read the built test sites, or build sites of their own. */
const BUILD = [
	'tests/build.test.ts',
	'tests/build-atomic.test.ts',
	'tests/collection-pages.test.ts',
	'tests/gate-integrity.test.ts',
	'tests/links.test.ts',
	'tests/page-text.test.ts',
	'tests/page-weight.test.ts',
	'tests/recommendations.test.ts',
	'tests/results.test.ts',
	'tests/security.test.ts',
];

/**
 * How a test file waits before its tests: for the shared sites (tests/setup/sites-ready.ts), or
 * for its turn to build (useBuildTurn in tests/helpers.ts).
 */
const WAITS = /inject\('sites'\)|[sS]iteInChromium\(|useBuildTurn\(\)/;

/**
 * The longest files first, whatever their project (by the last run's times, else by size), so no
 * long file starts last and ends the run alone. Two workers take the longest files that wait for
 * the test sites; the rest run the files that need nothing until those have started, so the
 * workers are busy while the sites build.
 */
class LongestFirst extends BaseSequencer {
	override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const cost = (spec: TestSpecification) =>
			this.ctx.cache.getTestSpecificationResult(spec)?.duration ?? statSync(spec.moduleId).size;
		const sorted = [...files].sort((a, b) => cost(b) - cost(a));
		const waits = (spec: TestSpecification) => WAITS.test(readFileSync(spec.moduleId, 'utf8'));
		const waiting = sorted.filter(waits);
		return Promise.resolve([
			...waiting.slice(0, 2),
			...sorted.filter((spec) => !waits(spec)),
			...waiting.slice(2),
		]);
	}
}

export default defineConfig({
	test: {
		// The build and CLI tests start real processes; give them room on a 2-core machine.
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// Most tests wait on child processes (Astro, Chromium, git, the CLI), so more workers than
		// cores keeps both cores busy; one site build runs at a time (tests/sites.ts, BUILD_TURN).
		maxWorkers: 4,
		sequence: { sequencer: LongestFirst },
		// In CI each test is named as it ends, so a run that stalls shows where it stopped.
		reporters: process.env.CI ? ['verbose'] : ['default'],
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...BROWSER, ...BUILD] },
			},
			{
				extends: true,
				test: {
					name: 'build',
					include: BUILD,
					globalSetup: ['tests/setup/sites.setup.ts'],
					setupFiles: ['tests/setup/sites-ready.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: BROWSER,
					globalSetup: ['tests/setup/browser.setup.ts'],
					setupFiles: ['tests/setup/sites-ready.ts'],
				},
			},
		],
	},
});
