import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { takeBuildLock } from '../../src/site/out-dir.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * How long one site build may take before it is stopped. A build of the test playbooks takes
 * seconds; a build that hangs would otherwise hold the whole run, since a synchronous child
 * process blocks the test runner's own timeouts.
 */
export const BUILD_TIME_LIMIT_MS = 3 * 60_000;

/**
 * Builds the site from a content folder into `outDir` as `npm run build` does: Astro, then the
 * search index. `astroOnly` runs plain `astro build`, which indexes inside Astro's process.
 */
export function buildSite(
	content: string,
	outDir: string,
	env: Record<string, string> = {},
	{ astroOnly = false, wait = true } = {},
) {
	// One build of the project runs at a time (npm run build holds a lock), and test files run
	// side by side: a build that finds the lock taken waits its turn, as a person would.
	const started = Date.now();
	const late = () => Date.now() - started > BUILD_TIME_LIMIT_MS;
	for (;;) {
		if (astroOnly) {
			// Plain `astro build` takes no lock of its own: the test takes npm run build's for it.
			const lock = takeBuildLock(LOCK);
			if ('release' in lock) {
				try {
					return buildOnce(content, outDir, env, astroOnly);
				} finally {
					lock.release();
				}
			}
			if (late()) return buildOnce(content, outDir, env, astroOnly);
		} else {
			const built = buildOnce(content, outDir, env, astroOnly);
			if (!wait || !BUSY.test(built.output) || late()) return built;
		}
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
	}
}

/**
 * Test files that build (and the set-up that builds the shared test sites) take turns, holding
 * this lock for the whole file: `npm run build` builds one site of the project at a time, and a
 * file that watches its own builds (a lock left by a killed build, a build stopped midway) must
 * not meet another file's build in the middle of it. Files that only read sites run meanwhile.
 */
export const BUILD_TURN = join(ROOT, 'node_modules', '.playbook', 'test-builds.lock');

/** How long a test file waits for its turn to build: the other files' builds, on a loaded machine. */
export const TURN_TIME_LIMIT_MS = 20 * 60_000;

/**
 * `npm run build` of a content folder, without blocking the caller's event loop, waiting its turn
 * while another build of the project holds npm run build's lock.
 */
export async function buildSiteInBackground(
	content: string,
	outDir: string,
): Promise<{ code: number | null; output: string }> {
	const started = Date.now();
	for (;;) {
		const build = buildInBackground(content, outDir);
		const timer = setTimeout(() => build.build.kill('SIGTERM'), BUILD_TIME_LIMIT_MS);
		const code = await build.exited;
		clearTimeout(timer);
		const output = build.output();
		if (!BUSY.test(output) || Date.now() - started > TURN_TIME_LIMIT_MS) return { code, output };
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** The lock `npm run build` holds while it builds (src/cli/build.ts). */
const LOCK = join(ROOT, 'node_modules', '.playbook', 'build.lock');

/** What `npm run build` says when another build of the project holds the lock. */
const BUSY = /^Another build of this playbook is running/m;

function buildOnce(
	content: string,
	outDir: string,
	env: Record<string, string>,
	astroOnly: boolean,
) {
	const result = spawnSync(
		process.execPath,
		astroOnly
			? [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']
			: [join(ROOT, 'src', 'cli', 'playbook.ts'), 'build'],
		{
			cwd: ROOT,
			encoding: 'utf8',
			env: buildEnvironment(content, outDir, env),
			timeout: BUILD_TIME_LIMIT_MS,
		},
	);
	// Colours come on where CI=true is set; the tests read the words.
	const output = stripVTControlCharacters(`${result.stdout ?? ''}${result.stderr ?? ''}`);
	const stopped = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
	return {
		code: result.status,
		output: stopped
			? `${output}\nThe build was stopped: it had not finished after ${BUILD_TIME_LIMIT_MS / 60_000} minutes.`
			: output,
	};
}

/**
 * `npm run build` of a content folder started in the background: its output so far, a wait for a line of it, and
 * its exit code once it ends.
 */
export function buildInBackground(
	content: string,
	outDir: string,
	env: Record<string, string> = {},
) {
	const build = spawn(process.execPath, [join(ROOT, 'src', 'cli', 'playbook.ts'), 'build'], {
		cwd: ROOT,
		env: buildEnvironment(content, outDir, env),
	});
	let output = '';
	const waiting: [string, () => void][] = [];
	const read = (chunk: Buffer) => {
		output += stripVTControlCharacters(chunk.toString());
		for (const [text, seen] of waiting) if (output.includes(text)) seen();
	};
	build.stdout.on('data', read);
	build.stderr.on('data', read);
	const exited = new Promise<number | null>((done) => build.once('exit', done));
	return {
		build,
		output: () => output,
		says: (text: string) => new Promise<void>((seen) => waiting.push([text, seen])),
		exited,
	};
}

/** The environment a test build runs in: the content folder, the site folder and a fixed today. */
export function buildEnvironment(
	content: string,
	outDir: string,
	env: Record<string, string> = {},
): NodeJS.ProcessEnv {
	return {
		...withoutTestRunnerEnv(process.env),
		// Vitest sets NODE_ENV=test, which would build a development site (no search).
		NODE_ENV: 'production',
		PLAYBOOK_CONTENT: content,
		PLAYBOOK_OUT_DIR: outDir,
		PLAYBOOK_TODAY: '2026-11-24',
		...env,
	};
}

function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('VITEST')));
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Built sites: the minimal fixture, the example playbook and the hostile one, by name. */
		sites: { minimal: string; example: string; hostile: string };
		/** Which payloads of the hostile playbook the checker refused, and which it let through. */
		hostile: import('./hostile.ts').HostileResult;
		/** The browser every browser test drives, chosen once before the tests start. */
		browser: import('../../scripts/chromium.ts').BrowserChoice;
	}
}
