import { defineConfig } from 'vitest/config';

/**
 * Three projects, so each test pays only for what it needs: `unit` builds nothing and opens no
 * browser (`npm run test:unit`, the edit loop); `build` reads the test sites or builds sites of
 * its own; `browser` drives Chromium on the test sites. The sites are built once, for both.
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

export default defineConfig({
	test: {
		// The build and CLI tests start real processes; give them room on a 2-core machine.
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// In CI each test is named as it ends, so a run that stalls shows where it stopped.
		reporters: process.env.CI ? ['verbose'] : ['default'],
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...BROWSER, ...BUILD] },
			},
			{
				extends: true,
				test: { name: 'build', include: BUILD, globalSetup: ['tests/setup/sites.setup.ts'] },
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: BROWSER,
					globalSetup: ['tests/setup/browser.setup.ts'],
				},
			},
		],
	},
});
