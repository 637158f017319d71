// @ts-check
/**
 * Mutation testing of the schemas and the checker: `npm run mutation` (scripts/mutation.ts).
 * Not part of `npm test`. On two cores a full run takes more than two hours, as each static
 * mutant reruns every test; `npm run mutation -- --ignoreStatic` takes about 35 minutes.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutation.config.ts' },
	plugins: ['@stryker-mutator/vitest-runner'],
	mutate: ['src/schemas/**/*.ts', 'src/checks/**/*.ts'],
	coverageAnalysis: 'perTest',
	concurrency: 2,
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 95, low: 90, break: 90 },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};
