import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands.ts';
import {
	playbookWith,
	runPlaybook as playbook,
	runPlaybookInProcess,
	TODAY,
} from '../../support/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npm run check', () => {
	test('the example playbook passes with no warnings (exit 0)', () => {
		const { code, stdout } = playbook(['check']);
		expect(code).toBe(0);
		expect(stdout.trim()).toMatch(/^Playbook is valid: 0 errors, 0 warnings in \d+ files\.$/);
	});
	test('a broken playbook lists every problem and exits 1', () => {
		const root = playbookWith('missing-marketing-owner', 'impossible-date');
		const { code, stdout, stderr } = playbook(['check', '--content', 'content'], root);
		expect(code).toBe(1);
		expect(stdout.trim().split('\n')).toEqual([
			'content/icp/tier-one.mdx  reviewed  "2026-02-30" is not a real date. Write the day as YYYY-MM-DD, for example 2026-10-01.',
			'content/lead-stages/mql.mdx  owners  needs an owner from marketing; has sam-seller (sales). Add a marketing owner from content/team.',
			'Playbook has problems: 2 errors, 0 warnings in 21 files.',
		]);
		noStackTrace(stdout + stderr);
	});
	test('--strict turns overdue reviews into errors', () => {
		const root = playbookWith();
		const late = (args: string[]) =>
			spawnSync(process.execPath, [CLI, 'check', ...args], {
				cwd: root,
				encoding: 'utf8',
				env: { ...process.env, PLAYBOOK_TODAY: '2028-01-01' },
			});
		expect(late([]).status).toBe(0);
		expect(late([]).stdout).toContain('warning: was 2026-10-01');
		expect(late(['--strict']).status).toBe(1);
	});
	test('--format json reports the same problems as data', () => {
		const root = playbookWith('unknown-owner');
		const { code, stdout } = playbook(['check', '--format', 'json'], root);
		expect(code).toBe(1);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ ok: false, errorCount: 1, warningCount: 0, fileCount: 21 });
		expect(report.problems[0]).toMatchObject({
			file: 'content/personas/cfo.mdx',
			field: 'owners',
			code: 'UnknownOwner',
			severity: 'error',
		});
	});
	test.each([
		[['check', '--format', 'xml']],
		[['check', '--content']],
		[['check', '--nope']],
		[['check', '--content', 'no/such/folder']],
		[['check', 'extra']],
		[['frobnicate']],
		[[]],
	])('usage error %j exits 2 without a stack trace', async (args) => {
		// The CLI's entry function in this process (the real process: bad-command-lines.test.ts).
		const { code, stderr } = await runPlaybookInProcess(args);
		expect(code).toBe(2);
		expect(stderr).toMatch(/Usage: playbook/);
		noStackTrace(stderr);
	});
});

describe('the command line', () => {
	const names = Object.keys(COMMANDS);

	test('every npm script that runs the CLI names a command, and every command has its script', () => {
		const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
			scripts: Record<string, string>;
		};
		const cli = Object.entries(scripts).flatMap(([script, line]) => {
			const match = /^node src\/cli\/playbook\.ts (\S+)$/.exec(line);
			return match ? [[script, match[1]]] : [];
		});
		expect(cli.filter(([script, command]) => script !== command)).toEqual([]);
		expect(cli.map(([, command]) => command).sort()).toEqual([...names].sort());
		expect(Object.values(scripts).filter((line) => line.includes('playbook.ts'))).toHaveLength(
			names.length,
		);
	});

	test('--help lists every command with its usage and summary; <command> --help shows one', () => {
		const help = playbook(['--help']);
		expect(help.code).toBe(0);
		for (const [name, { summary }] of Object.entries(COMMANDS)) {
			expect(help.stdout).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'));
			expect(help.stdout).toContain(summary);
		}
		const check = playbook(['check', '--help']);
		expect(check.code).toBe(0);
		expect(check.stdout).toBe(
			'Usage: playbook check [--content DIR] [--strict] [--format text|json]\n\ncheck a content folder\n',
		);
	});

	test('npm run check loads the checker only, not the build, the site or the editor', () => {
		const hook = `data:text/javascript,${encodeURIComponent(
			"import { registerHooks } from 'node:module'; const seen = new Set(); registerHooks({ resolve: (s, c, next) => { const r = next(s, c); seen.add(r.url); return r; } }); process.on('exit', () => console.error(JSON.stringify([...seen])));",
		)}`;
		const result = spawnSync(process.execPath, ['--import', hook, CLI, 'check'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' },
		});
		expect(result.status, result.stderr).toBe(0);
		const loaded = (JSON.parse(result.stderr.trim().split('\n').at(-1)!) as string[])
			.filter((url) => url.startsWith('file:') && url.includes('/src/'))
			.map((url) => url.slice(url.indexOf('/src/') + 1));
		expect(loaded.filter((file) => file.startsWith('src/cli/')).sort()).toEqual([
			'src/cli/check.ts',
			'src/cli/commands.ts',
			'src/cli/playbook.ts',
			'src/cli/usage.ts',
		]);
		expect(loaded.filter((file) => file.startsWith('src/site/'))).toEqual([]);
	});

	test('a bad setting is one line naming the variable and the fix, and exit 2', () => {
		const result = spawnSync(process.execPath, [CLI, 'check'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, PLAYBOOK_TODAY: '2026-02-30', PLAYBOOK_STRICT: 'yes' },
		});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toEqual([
			'PLAYBOOK_TODAY  is "2026-02-30", which is not a real date written YYYY-MM-DD. Leave it unset for today, or set a real day such as 2026-11-24.',
			'PLAYBOOK_STRICT  is "yes", which is neither true nor false. Set true to fail the build on overdue reviews, or leave it unset to warn about them.',
		]);
	});
});

describe('npm run new', () => {
	test('writes a draft that the checker reads, and refuses an existing id', async () => {
		const root = playbookWith();
		const created = await runPlaybookInProcess(
			['new', 'personas', 'head-of-revops', '--owners', 'sam-seller,mia-marketer'],
			root,
		);
		expect(created.code).toBe(0);
		expect(created.stdout).toContain('run npm run codeowners');
		const file = join(root, 'content', 'personas', 'head-of-revops.mdx');
		expect(readFileSync(file, 'utf8')).toContain('status: draft');
		expect(readFileSync(file, 'utf8')).toContain('title: Head of revops');
		expect((await runPlaybookInProcess(['check'], root)).code).toBe(0);

		const again = await runPlaybookInProcess(['new', 'personas', 'head-of-revops'], root);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('"head-of-revops" is already used');
		const sameIdOtherExtension = await runPlaybookInProcess(['new', 'lead-stages', 'mql'], root);
		expect(sameIdOtherExtension.code).toBe(1);
	});
	test('without owners the draft is valid in shape and the check says who to add', async () => {
		const root = playbookWith();
		const created = await runPlaybookInProcess(['new', 'library', 'pricing-faq'], root);
		expect(created.code).toBe(0);
		expect(created.stdout).not.toContain('codeowners');
		// Capitals only where the word is known to take them.
		expect(readFileSync(join(root, 'content', 'library', 'pricing-faq.mdx'), 'utf8')).toContain(
			'title: Pricing FAQ',
		);
		expect((await runPlaybookInProcess(['new', 'library', 'roi-calculator'], root)).code).toBe(0);
		expect(readFileSync(join(root, 'content', 'library', 'roi-calculator.mdx'), 'utf8')).toContain(
			'title: ROI calculator',
		);
		const { code, stdout } = await runPlaybookInProcess(['check'], root);
		expect(code).toBe(1);
		expect(stdout).toContain('content/library/pricing-faq.mdx  owners  is empty');
	});
	test('refuses an unknown collection or a bad id', async () => {
		const root = playbookWith();
		expect((await runPlaybookInProcess(['new', 'playbooks', 'x'], root)).code).toBe(2);
		expect((await runPlaybookInProcess(['new', 'personas', 'Big Boss'], root)).code).toBe(2);
		expect(existsSync(join(root, 'content', 'playbooks'))).toBe(false);
	});
});

describe('in GitHub Actions', () => {
	test('problems also become annotations on the files', () => {
		const root = playbookWith('missing-marketing-owner');
		const result = spawnSync(process.execPath, [CLI, 'check'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: 'true' },
		});
		expect(result.stdout).toContain(
			'::error file=content/lead-stages/mql.mdx,title=A definition is not owned by both sales and marketing (owners)::needs an owner from marketing; has sam-seller (sales). Add a marketing owner from content/team.',
		);
	});
});

describe('npm run export', () => {
	test('prints every definition as JSON without building, and refuses a broken playbook', async () => {
		const good = await runPlaybookInProcess(['export', '--content', 'content'], playbookWith());
		expect(good.code).toBe(0);
		const data = JSON.parse(good.stdout);
		expect(data.definitions['lead-stages'].map((d: { id: string }) => d.id)).toEqual([
			'disqualified',
			'mql',
			'new',
			'won',
		]);
		expect(data.contract.personas.type).toBe('object');
		const bad = await runPlaybookInProcess(['export'], playbookWith('missing-marketing-owner'));
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('Not exported: 1 error.');
	});
});
