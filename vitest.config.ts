import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		// The build and CLI tests start real processes; give them room on a 2-core machine.
		testTimeout: 120_000,
		hookTimeout: 180_000,
	},
});
