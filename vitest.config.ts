import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		// The build and CLI tests start real processes; give them room on a 2-core machine.
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// In CI each test is named as it ends, so a run that stalls shows where it stopped.
		reporters: process.env.CI ? ['verbose'] : ['default'],
	},
});
