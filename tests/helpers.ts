import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { checkContent, type CheckOptions, type Report } from '../src/checks/index.ts';
import { formatProblem } from '../src/checks/problems/reporters.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const MINIMAL = join(FIXTURES, 'minimal');
/** The day the fixtures are checked against, so reviews never fall due as time passes. */
export const TODAY = '2026-11-24';

const made: string[] = [];
afterAll(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temp folder holding `content/`: the minimal playbook with the named broken fixtures copied
 * over it. Returns the folder (problem paths are shown relative to it).
 */
export function playbookWith(...broken: string[]): string {
	const root = mkdtempSync(join(tmpdir(), 'playbook-test-'));
	made.push(root);
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
export function runPlaybook(args: string[], cwd = join(import.meta.dirname, '..')) {
	const result = spawnSync(
		process.execPath,
		[join(import.meta.dirname, '..', 'src', 'cli', 'playbook.ts'), ...args],
		{ cwd, encoding: 'utf8', env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' } },
	);
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
