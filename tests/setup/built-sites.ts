import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { HostileResult } from '../support/hostile.ts';
import { writeHostilePlaybook } from '../support/hostile.ts';
import { BUILD_TURN, buildSiteInBackground, ROOT } from '../support/sites.ts';
import { takeTurn } from './turn.ts';

export type SiteName = 'minimal' | 'example' | 'hostile';

export interface BuiltSites {
	sites: Record<SiteName, string>;
	hostile: HostileResult;
	/** Settles once every site is built (or has failed, leaving its reason beside it). */
	done: Promise<void>;
}

const NAMES: SiteName[] = ['minimal', 'example', 'hostile'];

/**
 * The three sites the page and browser tests read, built once for everything that needs them:
 * the `build` and `browser` test projects share them, and a second run on an unchanged tree
 * (same commit, same files) reuses them. They live in the user's temp folder under a key made
 * from every file a build reads, so a change to any of them builds afresh.
 *
 * The builds run in the background, so the set-up returns at once and the tests that need no
 * site run meanwhile; a test file that reads one waits for it (`sitesReady`). Each site appears
 * whole (`npm run build` swaps it in), with what the build said in `<name>.log` beside it, or a
 * `<name>.failed` file beside it says why it did not.
 */
export function builtSites(): BuiltSites {
	// The build and browser projects' set-ups both ask, in one process: the first starts the work.
	current ??= startSites();
	return current;
}

let current: BuiltSites | undefined;

function startSites(): BuiltSites {
	const home = join(tmpdir(), `playbook-test-sites-${process.getuid?.() ?? 'user'}`);
	const folder = join(home, inputsKey());
	const sites = Object.fromEntries(NAMES.map((name) => [name, join(folder, name)])) as Record<
		SiteName,
		string
	>;
	const done = join(folder, 'hostile.json');
	if (existsSync(done)) {
		console.log(`Test sites are unchanged since they were built; reusing ${folder}.`);
		const hostile = JSON.parse(readFileSync(done, 'utf8')) as HostileResult;
		return { sites, hostile, done: Promise.resolve() };
	}
	// The minimal playbook with an XSS payload in every string the checker lets through, in a
	// folder of this run's own: another run may be building from its own copy.
	const hostileContent = join(mkdtempSync(join(tmpdir(), 'playbook-hostile-')), 'content');
	const minimal = join(ROOT, 'tests', 'fixtures', 'minimal');
	const hostile = writeHostilePlaybook(minimal, hostileContent);
	const sources = { minimal, example: join(ROOT, 'content'), hostile: hostileContent };
	// A failure an earlier run left is tried again; no test of this run may read it meanwhile.
	for (const name of NAMES) rmSync(`${sites[name]}.failed`, { force: true });
	const building = (async () => {
		// One run builds a tree's sites; another run of the same tree waits its turn, then finds
		// them built. Older trees' sites are of no more use once no run can still be reading them.
		const turn = await takeTurn(join(home, 'lock'));
		const buildTurn = await takeTurn(BUILD_TURN);
		try {
			if (existsSync(done)) return;
			for (const name of existsSync(home) ? readdirSync(home) : []) {
				const other = join(home, name);
				if (
					name !== 'lock' &&
					other !== folder &&
					Date.now() - statSync(other).mtimeMs > STALE_AFTER_MS
				)
					rmSync(other, { recursive: true, force: true });
			}
			mkdirSync(folder, { recursive: true });
			for (const name of NAMES) {
				if (existsSync(sites[name])) continue;
				const started = performance.now();
				const { code, output } = await buildSiteInBackground(sources[name], sites[name]);
				if (code !== 0) {
					writeFileSync(`${sites[name]}.failed`, output);
					console.error(`Building the ${name} test site failed:\n${output}`);
					return;
				}
				// What npm run build said, for the tests of the build's own output (tests/build.test.ts).
				writeFileSync(`${sites[name]}.log`, output);
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				console.log(`Built the ${name} test site in ${seconds} s.`);
			}
			writeFileSync(done, JSON.stringify(hostile));
		} finally {
			buildTurn.release();
			turn.release();
			rmSync(join(hostileContent, '..'), { recursive: true, force: true });
		}
	})();
	return { sites, hostile, done: building };
}

/** How long another tree's sites are kept: longer than any test run. */
const STALE_AFTER_MS = 3 * 60 * 60_000;

/** How long a test file waits for the test sites: the three builds, on a loaded machine. */
export const SITES_TIME_LIMIT_MS = 15 * 60_000;

/** Waits until each named site is built; throws with the build's own words if one failed. */
export async function sitesReady(sites: Record<string, string>): Promise<void> {
	const started = Date.now();
	for (const [name, folder] of Object.entries(sites)) {
		for (;;) {
			if (existsSync(`${folder}.failed`))
				throw new Error(
					`The ${name} test site could not be built:\n${readFileSync(`${folder}.failed`, 'utf8')}`,
				);
			if (existsSync(folder)) break;
			if (Date.now() - started > SITES_TIME_LIMIT_MS)
				throw new Error(`The ${name} test site was not built after 15 minutes: ${folder}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

/** What a build reads, as one key: the commit (history pages), the files, and the settings. */
function inputsKey(): string {
	const hash = createHash('sha256');
	try {
		hash.update(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }));
	} catch {
		hash.update('no git');
	}
	const roots = ['src', 'content', 'public', 'tests/fixtures'];
	const files = [
		'astro.config.mjs',
		'package-lock.json',
		'tsconfig.json',
		'tests/support/hostile.ts',
		'tests/setup/built-sites.ts',
	];
	const walk = (folder: string): string[] =>
		readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) return walk(path);
			return entry.isFile() ? [path] : [];
		});
	const paths = [
		...roots.flatMap((root) => walk(join(ROOT, root))),
		...files.map((file) => join(ROOT, file)),
	].sort();
	for (const path of paths) {
		hash.update(relative(ROOT, path));
		hash.update(readFileSync(path));
	}
	for (const [name, value] of Object.entries(process.env).sort())
		if (name.startsWith('PLAYBOOK_') || name === 'CI') hash.update(`${name}=${value}`);
	return hash.digest('hex').slice(0, 16);
}
