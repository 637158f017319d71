import { readFileSync } from 'node:fs';
import { expect, inject } from 'vitest';
import { sitesReady } from './built-sites.ts';

/** How a test file reads the shared sites: by path, or served to a browser (tests/support/browser.ts). */
const READS_SITES = /inject\('sites'\)|[sS]iteInChromium\(/;

// Set-up for each test file of the `build` and `browser` projects: a file that reads the shared
// test sites waits here, before it is collected (some make a test per built page), until they are
// built (they build in the background, see built-sites.ts); a file that reads none starts at once.
const file = expect.getState().testPath;
if (file !== undefined && READS_SITES.test(readFileSync(file, 'utf8')))
	await sitesReady(inject('sites'));
