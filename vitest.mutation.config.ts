import { defineConfig } from 'vitest/config';

/**
 * The tests the mutation run (`npm run mutation`) uses: every test of the schemas and the
 * checker that runs in-process. Tests that build a site or start the CLI as another process are
 * left out: a mutant lives only in the test process, so they could not see it.
 */
export default defineConfig({
	test: {
		include: [
			'tests/bad-input.test.ts',
			'tests/bad-input-catalogue.test.ts',
			'tests/rules.test.ts',
			'tests/schemas.test.ts',
			'tests/properties.test.ts',
			'tests/onboarding.test.ts',
			'tests/approvals.test.ts',
			'tests/checker-units.test.ts',
			'tests/bodies.test.ts',
		],
		setupFiles: ['tests/mutation-setup.ts'],
		testTimeout: 60_000,
	},
});
