import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { playbookWith, runPlaybook as playbook, TODAY } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
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
	])('usage error %j exits 2 without a stack trace', (args) => {
		const { code, stderr } = playbook(args);
		expect(code).toBe(2);
		expect(stderr).toMatch(/Usage: playbook/);
		noStackTrace(stderr);
	});
});

describe('npm run new', () => {
	test('writes a draft that the checker reads, and refuses an existing id', () => {
		const root = playbookWith();
		const created = playbook(
			['new', 'personas', 'head-of-revops', '--owners', 'sam-seller,mia-marketer'],
			root,
		);
		expect(created.code).toBe(0);
		expect(created.stdout).toContain('run npm run codeowners');
		const file = join(root, 'content', 'personas', 'head-of-revops.mdx');
		expect(readFileSync(file, 'utf8')).toContain('status: draft');
		expect(readFileSync(file, 'utf8')).toContain('title: Head of revops');
		expect(playbook(['check'], root).code).toBe(0);

		const again = playbook(['new', 'personas', 'head-of-revops'], root);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('"head-of-revops" is already used');
		const sameIdOtherExtension = playbook(['new', 'lead-stages', 'mql'], root);
		expect(sameIdOtherExtension.code).toBe(1);
	});
	test('without owners the draft is valid in shape and the check says who to add', () => {
		const root = playbookWith();
		const created = playbook(['new', 'library', 'pricing-faq'], root);
		expect(created.code).toBe(0);
		expect(created.stdout).not.toContain('codeowners');
		// Capitals only where the word is known to take them.
		expect(readFileSync(join(root, 'content', 'library', 'pricing-faq.mdx'), 'utf8')).toContain(
			'title: Pricing FAQ',
		);
		expect(playbook(['new', 'library', 'roi-calculator'], root).code).toBe(0);
		expect(readFileSync(join(root, 'content', 'library', 'roi-calculator.mdx'), 'utf8')).toContain(
			'title: ROI calculator',
		);
		const { code, stdout } = playbook(['check'], root);
		expect(code).toBe(1);
		expect(stdout).toContain('content/library/pricing-faq.mdx  owners  is empty');
	});
	test('refuses an unknown collection or a bad id', () => {
		const root = playbookWith();
		expect(playbook(['new', 'playbooks', 'x'], root).code).toBe(2);
		expect(playbook(['new', 'personas', 'Big Boss'], root).code).toBe(2);
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
	test('prints every definition as JSON without building, and refuses a broken playbook', () => {
		const good = playbook(['export', '--content', 'content'], playbookWith());
		expect(good.code).toBe(0);
		const data = JSON.parse(good.stdout);
		expect(data.definitions['lead-stages'].map((d: { id: string }) => d.id)).toEqual([
			'disqualified',
			'mql',
			'new',
			'won',
		]);
		expect(data.contract.personas.type).toBe('object');
		const bad = playbook(['export'], playbookWith('missing-marketing-owner'));
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('Not exported: 1 error.');
	});
});
