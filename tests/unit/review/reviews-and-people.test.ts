import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../../src/checks/index.ts';
import { DEFINITION_COLLECTIONS } from '../../../src/schemas/index.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { runPlaybookInProcess } from '../../support/helpers.ts';
import { GithubStandIn } from '../../support/github-server.ts';
import { ROOT } from '../../support/sites.ts';

/**
 * The CLI's entry function in this process (tests/support/helpers.ts), which also serves the stand-in:
 * the same code as the real command line, without a Node start-up for each run.
 */
function playbook(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
	return runPlaybookInProcess(args, cwd, { PLAYBOOK_TODAY: '2027-04-01', ...env });
}

/** Every definition of a content folder, as `collection/id`. */
function definitionsOf(content: string): string[] {
	const { playbook } = checkContent(content, { today: '2027-04-01' });
	return DEFINITION_COLLECTIONS.flatMap((c) =>
		[...playbook.entries[c].keys()].map((id) => `${c}/${id}`),
	);
}

describe('npm run reviews -- --apply, against GitHub played on 127.0.0.1', () => {
	let github: GithubStandIn;
	let repo: TestRepo;
	let env: Record<string, string>;
	beforeEach(async () => {
		github = await new GithubStandIn().start();
		repo = new TestRepo();
		env = {
			GITHUB_API_URL: github.url,
			GITHUB_TOKEN: 'test-token',
			GITHUB_REPOSITORY: github.repository,
		};
	});
	afterEach(() => github.stop());

	test('opens one issue per definition due, follows pagination and the rate limit, and a second run sends nothing', async () => {
		// 101 old reminders, closed, so the list spans two pages.
		for (let i = 0; i < 101; i++)
			github.seed({
				title: `Review due: gone ${i}`,
				body: `<!-- playbook-review: personas/gone-${i} -->`,
				state: 'closed',
				labels: [{ id: 1, name: 'playbook-review', color: 'ededed' }],
			});
		github.rateLimitNext = true;
		const content = join(repo.root, 'content');
		const started = Date.now();
		const first = await playbook(['reviews', '--apply', '--content', content], env);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		// It waited for the reset GitHub named, then asked again.
		expect(Date.now() - started).toBeGreaterThan(900);
		const lists = github.received.filter((r) => r.method === 'GET').map((r) => r.path);
		expect(lists.filter((path) => path.includes('page=2'))).toHaveLength(1);
		expect(lists.every((path) => path.includes('labels=playbook-review&state=all'))).toBe(true);
		expect(github.received.every((r) => r.authorization === 'Bearer test-token')).toBe(true);

		const due = definitionsOf(content);
		const created = github.issues.filter((i) => i.state === 'open');
		expect(created.map((i) => /playbook-review: (\S+)/.exec(i.body ?? '')?.[1]).sort()).toEqual(
			due.sort(),
		);
		for (const issue of created) {
			expect(issue.labels.map((l) => l.name)).toEqual(['playbook-review']);
			expect(issue.assignees.length).toBeGreaterThan(0);
		}
		expect(first.stdout).toContain(`${due.length} created.`);

		const writes = github.writes().length;
		const second = await playbook(['reviews', '--apply', '--content', content], env);
		expect(second.code).toBe(0);
		expect(second.stdout.trim()).toBe('Nothing to do: every reminder is up to date.');
		expect(github.writes()).toHaveLength(writes);

		// An owner confirms one definition; the next run closes its issue, saying why.
		const [definition] = due;
		expect((await playbook(['verify', definition!, '--content', content], env)).code).toBe(0);
		repo.commit('Confirm the definition');
		const third = await playbook(['reviews', '--apply', '--content', content], env);
		expect(third.code).toBe(0);
		const closed = github.issues.find((i) => i.body?.includes(`playbook-review: ${definition} `));
		expect(closed).toMatchObject({ state: 'closed', state_reason: 'completed' });
		expect(github.comments.at(-1)?.body).toMatch(
			/^Closed: .* was reviewed on 2027-04-01; the next review is due on 2027-10-01\.$/,
		);
		expect(
			github
				.writes()
				.slice(writes)
				.map((r) => r.method),
		).toEqual(['POST', 'PATCH']);
	});

	test('a refusal from GitHub is one line and exit 1', async () => {
		github.refuseCreates = { status: 422, message: 'Validation Failed' };
		const run = await playbook(
			['reviews', '--apply', '--content', join(repo.root, 'content')],
			env,
		);
		expect(run.code).toBe(1);
		expect(run.stderr.trim()).toBe(
			`GitHub answered 422 to POST /repos/${github.repository}/issues: Validation Failed`,
		);
	});

	test('--plan reads saved issues and prints the plan as JSON', async () => {
		const content = join(repo.root, 'content');
		const file = join(repo.root, 'issues.json');
		writeFileSync(file, JSON.stringify([]));
		const run = await playbook([
			'reviews',
			'--plan',
			'--issues',
			file,
			'--format',
			'json',
			'--content',
			content,
		]);
		expect(run.code).toBe(0);
		const plan = JSON.parse(run.stdout) as {
			action: string;
			definition: string;
			due: string;
			assignees: string[];
			title: string;
		}[];
		expect(plan.map((a) => a.definition).sort()).toEqual(definitionsOf(content).sort());
		expect(plan[0]).toMatchObject({
			action: 'create',
			due: '2027-04-01',
			title: expect.stringMatching(/^Review due: /),
		});
	});

	test.each([
		[['reviews'], 'Say --plan to print what would change, or --apply to change it on GitHub.'],
		[
			['reviews', '--plan', '--apply'],
			'Say --plan to print what would change, or --apply to change it on GitHub.',
		],
		[['reviews', '--apply'], '--apply needs GITHUB_TOKEN'],
		[['reviews', '--plan', '--format', 'xml'], '--format must be text or json, not "xml".'],
		[['verify'], 'Name the definitions to confirm'],
		[
			['verify', 'lead-stages/mql', '--date', '2026-02-30'],
			'--date must be a date written YYYY-MM-DD, not "2026-02-30".',
		],
		[['reassign', '--from', 'sam-seller'], 'Say whose definitions move and to whom'],
		[
			['reassign', '--from', 'a', '--to', 'b', '--collection', 'nope'],
			'--collection must be one of',
		],
		[['ruleset', '--sales-team', 'sales'], 'Name both teams'],
		[
			['reassign', '--from', 'a', '--to', 'b', '--content', 'no/such/folder'],
			'--content no/such/folder is not a folder.',
		],
	])('usage error: playbook %j exits 2', async (args, said) => {
		const run = await playbook(args, { GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' });
		expect(run.code).toBe(2);
		expect(run.stderr.split('\n')[0]).toContain(said);
	});

	test('ruleset looks up each team on GitHub and writes the two-team rule', async () => {
		github.teams.set('sales-leaders', 111).set('marketing-leaders', 222);
		const out = join(repo.root, 'ruleset.json');
		const run = await playbook(
			[
				'ruleset',
				'--sales-team',
				'sales-leaders',
				'--marketing-team',
				'marketing-leaders',
				'--out',
				out,
			],
			{ ...env, GITHUB_REPOSITORY: 'ledgerline/playbook' },
		);
		expect(run.code).toBe(0);
		const ruleset = JSON.parse(readFileSync(out, 'utf8'));
		expect(ruleset.rules[0].parameters.required_reviewers).toEqual([
			{ minimum_approvals: 1, file_patterns: ['content/**'], reviewer: { id: 111, type: 'Team' } },
			{ minimum_approvals: 1, file_patterns: ['content/**'], reviewer: { id: 222, type: 'Team' } },
		]);
		expect(ruleset.conditions.ref_name.include).toEqual(['~DEFAULT_BRANCH']);
		const printed = await playbook(
			['ruleset', '--sales-team', 's:1', '--marketing-team', 'unknown-team'],
			env,
		);
		expect(printed.code).toBe(1);
		expect(printed.stderr.trim()).toBe(
			'GitHub answered 404 to GET /orgs/ledgerline/teams/unknown-team: Not Found',
		);
	});
});

describe('verify and reassign change only what they say, in a real git repository', () => {
	test('verify sets reviewed and no other byte', async () => {
		const repo = new TestRepo();
		const file = 'content/lead-stages/mql.mdx';
		const before = repo.read(file);
		const run = await playbook(
			['verify', 'lead-stages/mql', '--content', 'content'],
			{ PLAYBOOK_TODAY: '2026-12-02' },
			repo.root,
		);
		expect(run.code).toBe(0);
		expect(run.stdout.trim()).toBe(
			'content/lead-stages/mql.mdx  reviewed  2026-10-01 → 2026-12-02',
		);
		const after = readFileSync(join(repo.root, file), 'utf8');
		expect(after).toBe(before.replace('reviewed: 2026-10-01', 'reviewed: 2026-12-02'));
		expect(repo.git('diff', '--numstat').trim()).toBe(`1\t1\t${file}`);
	});

	test('verify of an entry that is not a definition writes nothing and exits 1', async () => {
		const repo = new TestRepo();
		const run = await playbook(
			['verify', 'lead-stages/mql', 'lead-stages/nope', 'team/sam-seller', '--content', 'content'],
			{},
			repo.root,
		);
		expect(run.code).toBe(1);
		expect(run.stderr.split('\n').filter(Boolean)).toEqual([
			'lead-stages/nope  -  is not a definition of this playbook. Name it as collection/id, such as lead-stages/mql, for a valid file under content.',
			'team/sam-seller  -  is not a definition of this playbook. Name it as collection/id, such as lead-stages/mql, for a valid file under content.',
		]);
		expect(repo.git('status', '--porcelain')).toBe('');
	});

	test('reassign moves every definition to a colleague from the same side, changing only owners', async () => {
		const repo = new TestRepo();
		const colleague =
			'name: Max Marketer\ntitle: Demand Generation Manager\ndepartment: marketing\ngithub: maxmkt\n';
		repo.commit('Max joins', { 'content/team/max-marketer.yaml': colleague });
		const owned = repo.git('grep', '-l', 'mia-marketer', '--', 'content').trim().split('\n');
		const run = await playbook(
			['reassign', '--from', 'mia-marketer', '--to', 'max-marketer', '--content', 'content'],
			{},
			repo.root,
		);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(
			/Moved \d+ definitions from mia-marketer to max-marketer\. Run npm run codeowners/,
		);
		for (const file of owned.filter((f) => !f.startsWith('content/team/'))) {
			const after = readFileSync(join(repo.root, file), 'utf8');
			expect(after, file).toBe(repo.read(file).replaceAll('mia-marketer', 'max-marketer'));
		}
		// Only owners lines changed, one line per file.
		const changed = repo
			.git('diff', '-U0')
			.split('\n')
			.filter((l) => /^[-+][^-+]/.test(l));
		expect(
			changed.every((line) => /^[-+]owners:/.test(line) || /^[-+]\s+- /.test(line)),
			changed.join('\n'),
		).toBe(true);
		expect((await playbook(['check', '--content', 'content'], {}, repo.root)).code).toBe(0);
	});

	test('reassign refuses, naming the files and writing nothing, where a definition would be one-sided', async () => {
		const repo = new TestRepo();
		const run = await playbook(
			['reassign', '--from', 'mia-marketer', '--to', 'sam-seller', '--content', 'content'],
			{},
			repo.root,
		);
		expect(run.code).toBe(1);
		const lines = run.stderr.trim().split('\n');
		expect(lines[0]).toMatch(
			/^content\/\S+\.mdx? {2}owners {2}would have no owner from marketing with sam-seller instead of mia-marketer\. /,
		);
		expect(lines.at(-1)).toMatch(/^Nothing moved: (\d+) of \1 definitions would be refused\.$/);
		expect(repo.git('status', '--porcelain')).toBe('');
	});

	test('reassign to someone who has left, or to nobody on the team, is refused', async () => {
		const repo = new TestRepo();
		repo.commit('Max left', {
			'content/team/max-marketer.yaml':
				'name: Max Marketer\ntitle: PMM\ndepartment: marketing\nleft: 2026-11-01\n',
		});
		const left = await playbook(
			['reassign', '--from', 'mia-marketer', '--to', 'max-marketer', '--content', 'content'],
			{ PLAYBOOK_TODAY: '2026-12-02' },
			repo.root,
		);
		expect(left.code).toBe(1);
		expect(left.stderr.trim()).toBe(
			'--to max-marketer left on 2026-11-01; choose someone still here.',
		);
		const nobody = await playbook(
			['reassign', '--from', 'mia-marketer', '--to', 'ghost', '--content', 'content'],
			{},
			repo.root,
		);
		expect(nobody.stderr.trim()).toBe('--to ghost is not a person in content/team.');
		expect(repo.git('status', '--porcelain')).toBe('');
	});
});
