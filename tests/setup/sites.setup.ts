import type { TestProject } from 'vitest/node';
import { builtSites } from './built-sites.ts';

/**
 * The `build` project's set-up: the test sites, built once and shared (see built-sites.ts). They
 * build in the background; the run ends only once they are built, so the next run reuses them.
 */
export default function setup(project: TestProject) {
	// The tests reach no network: Astro's usage reports stay off in every build and server they start.
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const { sites, hostile, done } = builtSites();
	project.provide('sites', sites);
	project.provide('hostile', hostile);
	return () => done;
}
