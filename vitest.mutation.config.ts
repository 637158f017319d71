import { defineConfig } from 'vitest/config';

/**
 * The tests the mutation run (`npm run mutation`) uses: every test of the schemas and the
 * checker that runs in-process. Tests that build a site or start the CLI as another process are
 * left out: a mutant lives only in the test process, so they could not see it.
 */
export default defineConfig({
	test: {
		include: [
			'tests/unit/checks/bad-input.test.ts',
			'tests/unit/checks/bad-input-catalogue.test.ts',
			'tests/unit/checks/rules.test.ts',
			'tests/unit/schemas/schemas.test.ts',
			'tests/unit/checks/properties.test.ts',
			'tests/unit/site/onboarding.test.ts',
			'tests/unit/review/approvals.test.ts',
			'tests/unit/checks/checker-units.test.ts',
			'tests/unit/checks/bodies.test.ts',
		],
		setupFiles: ['tests/support/mutation-setup.ts'],
		testTimeout: 60_000,
	},
});
