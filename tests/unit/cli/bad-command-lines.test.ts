import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { type Case, fieldCases, fileCases, missingKeyCases } from '../../support/catalogue.ts';
import { check, playbookWith, runPlaybookInProcess, TODAY } from '../../support/helpers.ts';
import { ROOT } from '../../support/sites.ts';

const CASES: Case[] = [...fieldCases(), ...missingKeyCases(), ...fileCases()];

const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');

/** The real program, in a process of its own: its exit code and everything it printed. */
async function playbookProcess(args: string[], cwd: string) {
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
			cwd,
			env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' },
		});
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

/** The CLI's entry function in this process (tests/support/helpers.ts): the same code, without a start-up. */
async function playbook(args: string[], cwd: string) {
	const { code, stdout, stderr } = await runPlaybookInProcess(args, cwd);
	return { code, output: stdout + stderr };
}

const STACK_TRACE = /\n\s+at .+:\d+:\d+|Error: .*\n\s+at /;

/** Command lines that are wrong, each with its exit code and what it must say. */
const BAD_COMMAND_LINES: [args: string[], code: 1 | 2, says: RegExp][] = [
	[[], 2, /^Usage: playbook <command>/],
	[['frobnicate'], 2, /Unknown command "frobnicate"/],
	[['CHECK'], 2, /Unknown command "CHECK"/],
	[['check', '--format', 'xml'], 2, /--format/],
	[['check', '--format'], 2, /--format/],
	[['check', '--content'], 2, /--content/],
	[['check', '--nope'], 2, /Unknown option '--nope'/],
	[['check', '--strict=yes'], 2, /--strict/],
	[['check', 'extra'], 2, /extra|positional/i],
	[['check', '--content', 'no/such/folder'], 2, /no\/such\/folder/],
	[['check', '--content', 'content/team/sam-seller.yaml'], 2, /sam-seller\.yaml/],
	[['new'], 2, /collection/i],
	[['new', 'personas'], 2, /id/i],
	[['new', 'playbooks', 'x'], 2, /playbooks/],
	[['new', 'personas', 'Big Boss'], 2, /Big Boss/],
	[['new', 'personas', '../escape'], 2, /escape/],
	[['new', 'personas', 'cfo'], 1, /"cfo" is already used/],
	[['new', 'personas', 'cto', '--owners'], 2, /--owners/],
	[['new', 'personas', 'cto', 'extra'], 2, /"extra" is extra/],
	[['codeowners', '--bogus'], 2, /--bogus/],
	[['codeowners', 'extra'], 2, /extra|positional/i],
	[['diff'], 2, /base/i],
	[['diff', 'no-such-ref'], 2, /run it inside the playbook repository/],
	[['approvals'], 2, /--base|--reviews/],
	[['approvals', '--base', 'main'], 2, /--approved-by|--reviews/],
	[['approvals', '--reviews', 'missing.json', '--head-sha', 'abc'], 2, /missing\.json|--base/],
	[['export', '--format', 'csv'], 2, /--format/],
	[['export', '--out', 'no/such/folder/out.json'], 1, /no\/such\/folder/],
	[['export', '--site'], 2, /--site/],
	[['mcp', '--content', 'no/such/folder'], 2, /no\/such\/folder/],
	[['mcp', '--port', '3000'], 2, /Unknown option '--port'/],
	[['mcp', 'extra'], 2, /extra|positional/i],
];

describe('bad command lines get one clear message, the right exit code and no stack trace', () => {
	test.concurrent.each(BAD_COMMAND_LINES)('playbook %j', async (args, code, says) => {
		const root = playbookWith();
		const result = await playbook(args, root);
		expect(result.code, result.output).toBe(code);
		expect(result.output).toMatch(says);
		expect(result.output).not.toMatch(STACK_TRACE);
	});

	// The real process prints the same one line and exits with the same code (each CLI command line
	// costs a Node start-up, so a few stand for the rest).
	test.concurrent.each(BAD_COMMAND_LINES.filter((_, index) => index % 7 === 0))(
		'node src/cli/playbook.ts %j, in a process of its own',
		async (args, code, says) => {
			const root = playbookWith();
			const result = await playbookProcess(args, root);
			expect(result.code, result.output).toBe(code);
			expect(result.output).toMatch(says);
			expect(result.output).not.toMatch(STACK_TRACE);
		},
	);

	const sample = CASES.filter((_, index) => index % 40 === 0);
	test.concurrent.each(sample.map((c) => [c.name, c] as const))(
		'npm run check on "%s" exits 1 (or 0 when accepted) without a stack trace',
		async (_name, { edit, expect: expected }) => {
			const root = playbookWith();
			edit(join(root, 'content'));
			const result = await playbook(['check'], root);
			expect(result.code, result.output).toBe(check(root).errorCount > 0 ? 1 : 0);
			expect(result.output).not.toMatch(STACK_TRACE);
			for (const [file, field] of expected) expect(result.output).toContain(`${file}  ${field}  `);
		},
	);
});
