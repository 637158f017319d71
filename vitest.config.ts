import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Three projects, so each test pays only for what it needs: `unit` builds nothing and opens no
 * browser (`npm run test:unit`, the edit loop); `build` reads the test sites or builds sites of
 * its own; `browser` drives Chromium on the test sites. The sites are built once, for both, in
 * the background: the projects run at the same time, and a file waits only for what it reads.
 */

/**
 * Where a test goes answers itself: a test of one layer of src/ that builds nothing and opens no
 * browser goes in tests/unit/<layer>/; one that reads the built test sites or builds its own, in
 * tests/build/; one that drives Chromium, in tests/browser/. What they share is in tests/support/.
 */
/**
 * The slowest files, slowest first, as measured in a whole run on 2 cores (wall seconds): the
 * browser and build files (editor 263, warm builds 263, build 223, search 106, accessibility 106,
 * build-atomic 79, security 66, edit 53, recommendations 51, tracks 39, …), then the unit files
 * (bad-input catalogue 17, cli 16, approvals 12, mcp 12, …, with the CLI run in process).
 */
const SLOWEST = [
	'editor.browser.test.ts',
	'warm-build.test.ts',
	'build.test.ts',
	'search.browser.test.ts',
	'accessibility.browser.test.ts',
	'build-atomic.test.ts',
	'security.browser.test.ts',
	'edit-command.test.ts',
	'recommendations.test.ts',
	'tracks.browser.test.ts',
	'init-starter.test.ts',
	'tables.browser.test.ts',
	'results.test.ts',
	'bad-input-catalogue.test.ts',
	'cli.test.ts',
	'meeting.browser.test.ts',
	'gate-integrity.test.ts',
	'approvals.test.ts',
	'mcp-server.test.ts',
	'diff-history.test.ts',
	'reviews-and-people.test.ts',
	'workflows.test.ts',
	'yaml-bomb.test.ts',
	'properties.test.ts',
];

/**
 * The slowest files start first, whatever their project, so that none of them starts late and
 * ends the run alone; the rest follow, the largest first. (Vitest's own order runs the projects
 * one after another and reads its times from a cache that CI does not keep.)
 */
class SlowestFirst extends BaseSequencer {
	override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (spec: TestSpecification) => {
			const known = SLOWEST.indexOf(basename(spec.moduleId));
			return known === -1 ? SLOWEST.length : known;
		};
		const size = (spec: TestSpecification) => statSync(spec.moduleId).size;
		return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || size(b) - size(a)));
	}
}

export default defineConfig({
	test: {
		// The build and CLI tests start real processes; give them room on a 2-core machine.
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// Most tests wait on child processes (Astro, Chromium, git), so a worker more than the cores
		// keeps both busy; more than that only slows the browser tests into their time limits. One
		// site build runs at a time (tests/support/sites.ts, BUILD_TURN).
		maxWorkers: 3,
		// Test files share their workers' modules (no isolation): a file pays for importing the code
		// once per worker, not once per file. What a file changes it puts back (environment, working
		// folder; the in-process CLI loads its modules afresh where settings differ), and the temp
		// folders it made go when it ends (tests/setup/temp-folders.ts).
		isolate: false,
		sequence: { sequencer: SlowestFirst },
		// In CI each test is named as it ends, so a run that stalls shows where it stopped.
		reporters: process.env.CI ? ['verbose'] : ['default'],
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					setupFiles: ['tests/setup/temp-folders.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					globalSetup: ['tests/setup/sites.setup.ts'],
					setupFiles: ['tests/setup/temp-folders.ts', 'tests/setup/sites-ready.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/browser.setup.ts'],
					setupFiles: ['tests/setup/temp-folders.ts', 'tests/setup/sites-ready.ts'],
				},
			},
		],
	},
});
