import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, vi } from 'vitest';
import { checkContent, type CheckOptions, type Report } from '../../src/checks/index.ts';
import { formatProblem } from '../../src/checks/problems/reporters.ts';
import { takeTurn, type Turn } from '../setup/turn.ts';
import { BUILD_TURN, TURN_TIME_LIMIT_MS } from './sites.ts';
import { tempFolder } from './temp-folders.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const MINIMAL = join(FIXTURES, 'minimal');
/** The day the fixtures are checked against, so reviews never fall due as time passes. */
export const TODAY = '2026-11-24';

/**
 * A temp folder holding `content/`: the minimal playbook with the named broken fixtures copied
 * over it. Returns the folder (problem paths are shown relative to it).
 */
export function playbookWith(...broken: string[]): string {
	const root = tempFolder('playbook-test-');
	cpSync(MINIMAL, join(root, 'content'), { recursive: true });
	for (const name of broken)
		cpSync(join(FIXTURES, 'broken', name), join(root, 'content'), { recursive: true });
	return root;
}

/** Checks `<root>/content` as `npm run check` would from `root`. */
export function check(root: string, options: CheckOptions = {}): Report {
	return checkContent(join(root, 'content'), { today: TODAY, ...options, cwd: root });
}

/** The report's lines, as the CLI prints them. */
export function lines(report: Report): string[] {
	return report.problems.map(formatProblem);
}

/** (file, field, code) of each problem, the tuple tests pin. */
export function where(report: Report): [string, string, string][] {
	return report.problems.map((p) => [p.file, p.field, p.code]);
}

/**
 * Runs the real CLI from `cwd` (the project by default), as an npm script does, on the fixtures'
 * day and outside GitHub Actions (whose annotations would change the output).
 */
export function runPlaybook(args: string[], cwd = join(import.meta.dirname, '..', '..')) {
	const result = spawnSync(
		process.execPath,
		[join(import.meta.dirname, '..', '..', 'src', 'cli', 'playbook.ts'), ...args],
		{ cwd, encoding: 'utf8', env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' } },
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI's entry function (`main` of src/cli/playbook.ts) in this process, as
 * `runPlaybook` runs the real program: from `cwd`, with `env` over this process's environment (by
 * default on the fixtures' day and outside GitHub Actions; `undefined` unsets a variable), with
 * what it prints captured. A command line costs milliseconds instead of a Node start-up and the
 * CLI's imports; the tests that hold the real process to its output and exit code
 * (tests/cli.test.ts, a sample in tests/bad-command-lines.test.ts) spawn it. Runs one at a time:
 * the working folder, the environment and the console belong to the whole process.
 */
export function runPlaybookInProcess(
	args: string[],
	cwd = join(import.meta.dirname, '..', '..'),
	env: Record<string, string | undefined> = { PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' },
): Promise<{ code: number; stdout: string; stderr: string }> {
	const run = inProcess.then(() => runCaptured(args, cwd, env));
	inProcess = run.then(
		() => undefined,
		() => undefined,
	);
	return run;
}

let inProcess: Promise<void> = Promise.resolve();

/** The environment the CLI's modules were last loaded under. */
let loadedUnder: string | undefined;

async function runCaptured(args: string[], cwd: string, env: Record<string, string | undefined>) {
	const saved = {
		env: Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]])),
		cwd: process.cwd(),
		exitCode: process.exitCode,
	};
	setEnv(env);
	// The CLI reads its settings once per process (src/schemas/settings.ts): under another
	// environment, its modules are loaded afresh, as a new process would. So are they on the first
	// run, since test files share their modules (no isolation) and another may have loaded them.
	const under = JSON.stringify(Object.entries(process.env).sort());
	if (loadedUnder !== under) vi.resetModules();
	loadedUnder = under;
	const out: string[] = [];
	const err: string[] = [];
	const print =
		(into: string[]) =>
		(...values: unknown[]) => {
			into.push(`${format(...values)}\n`);
		};
	const write = (into: string[]) => (chunk: string | Uint8Array) => {
		into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
		return true;
	};
	const spies = [
		vi.spyOn(console, 'log').mockImplementation(print(out)),
		vi.spyOn(console, 'info').mockImplementation(print(out)),
		vi.spyOn(console, 'warn').mockImplementation(print(err)),
		vi.spyOn(console, 'error').mockImplementation(print(err)),
		vi.spyOn(process.stdout, 'write').mockImplementation(write(out)),
		vi.spyOn(process.stderr, 'write').mockImplementation(write(err)),
	];
	process.chdir(cwd);
	try {
		const { main } = await import('../../src/cli/playbook.ts');
		const code = await main(args);
		return { code, stdout: out.join(''), stderr: err.join('') };
	} finally {
		process.chdir(saved.cwd);
		setEnv(saved.env);
		for (const spy of spies) spy.mockRestore();
		process.exitCode = saved.exitCode;
	}
}

function setEnv(env: Record<string, string | undefined>): void {
	for (const [name, value] of Object.entries(env))
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
}

/**
 * For a test file that builds sites: holds the build turn (tests/support/sites.ts, `BUILD_TURN`) from
 * before its first test until after its last, so no other file's build runs in the middle of it.
 */
export function useBuildTurn(): void {
	let turn: Turn | undefined;
	beforeAll(async () => {
		turn = await takeTurn(BUILD_TURN);
	}, TURN_TIME_LIMIT_MS);
	afterAll(() => turn?.release());
}
