import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { playbookAt } from '../../../src/cli/git-playbooks.ts';
import {
	diffFields,
	diffPlaybooks,
	formatFieldChange,
	proseDiff,
} from '../../../src/model/diff.ts';
import { diffMarkdown } from '../../../src/review/diff-markdown.ts';
import { playbookHistory } from '../../../src/review/history.ts';
import { dependantsOf } from '../../../src/model/references.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { ROOT } from '../../support/sites.ts';
import { runPlaybookInProcess } from '../../support/helpers.ts';
import { elementsOf, GITHUB_TEXT_LINKS, renderGfm, textOf } from '../../support/github-markdown.ts';

const MQL = 'content/lead-stages/mql.mdx';
const SLA = 'content/slas/mql-follow-up.mdx';
let repo: TestRepo;
beforeEach(() => {
	repo = new TestRepo();
	repo.git('checkout', '-q', '-b', 'change');
});

/** The CLI in the repository, run in this process (tests/support/helpers.ts), under its environment. */
const cli = async (args: string[]) => {
	const { code, stdout, stderr } = await runPlaybookInProcess(args, repo.root, {});
	return { status: code, stdout, stderr };
};

describe('the diff between two refs, in the reader’s terms', () => {
	test('field by field: a threshold, an SLA target, owners and status', () => {
		repo.commit('Raise the MQL bar', {
			...repo.edit(MQL, (t) =>
				t
					.replace('score_threshold: 100', 'score_threshold: 120')
					.replace('status: approved', 'status: draft')
					.replace('Scored by fit and behaviour.', 'Scored by fit, behaviour and intent.'),
			),
			...repo.edit(SLA, (t) =>
				t
					.replace('    target: 2', '    target: 4')
					.replace(
						'owners: [sam-seller, mia-marketer]',
						'owners: [sam-seller, mia-marketer, rae-ops]',
					),
			),
		});
		const changes = diffPlaybooks(
			playbookAt(repo.root, 'main', 'content'),
			playbookAt(repo.root, 'HEAD', 'content'),
		);
		expect(
			changes.map((c) => [c.collection, c.id, c.status, c.fields.map(formatFieldChange)]),
		).toEqual([
			['lead-stages', 'mql', 'changed', ['status: approved → draft', 'score_threshold: 100 → 120']],
			['slas', 'mql-follow-up', 'changed', ['owners: + rae-ops', 'commitments[0].target: 2 → 4']],
		]);
		expect(changes[0]!.body).toBe(
			'Scored by ~~fit and behaviour.~~ **fit, behaviour and intent.**',
		);
	});

	test('added, removed and renamed definitions', () => {
		repo.git('mv', 'content/personas/cfo.mdx', 'content/personas/chief-financial-officer.mdx');
		repo.commit('Rename, add, remove', {
			'content/library/roi-case.mdx': null,
			'content/library/pricing-faq.mdx':
				'---\ntitle: Pricing FAQ\nsummary: Answers.\nowners: [sam-seller, mia-marketer]\nstatus: draft\nreviewed: 2026-11-01\nstages: [decision]\nformat: one-pager\nuse: sales\n---\n',
		});
		const changes = diffPlaybooks(
			playbookAt(repo.root, 'main', 'content'),
			playbookAt(repo.root, 'HEAD', 'content'),
		);
		expect(changes.map((c) => [c.id, c.status, c.previousId])).toEqual([
			['chief-financial-officer', 'renamed', 'cfo'],
			['pricing-faq', 'added', undefined],
			['roi-case', 'removed', undefined],
		]);
	});

	test('a person replaced by another with the same job title is not a rename', () => {
		repo.commit('Sam leaves, Kim joins', {
			'content/team/sam-seller.yaml': null,
			'content/team/kim-closer.yaml':
				'name: Kim Closer\ntitle: Account Executive\ndepartment: sales\n',
		});
		const changes = diffPlaybooks(
			playbookAt(repo.root, 'main', 'content'),
			playbookAt(repo.root, 'HEAD', 'content'),
		).filter((c) => c.collection === 'team');
		expect(changes.map((c) => [c.id, c.status])).toEqual([
			['kim-closer', 'added'],
			['sam-seller', 'removed'],
		]);
	});

	test('npm run diff prints Markdown for the pull request, with links, what else it touches and who must approve', async () => {
		repo.commit(
			'Raise the MQL bar',
			repo.edit(MQL, (t) => t.replace('score_threshold: 100', 'score_threshold: 120')),
		);
		const { status, stdout } = await cli(['diff', 'main', '--site', 'https://playbook.test']);
		expect(status).toBe(0);
		expect(stdout).toMatchInlineSnapshot(`
			"<!-- playbook-diff -->
			## Playbook changes

			1 entry: 1 changed.

			### Changed: [Marketing Qualified Lead \\(MQL\\)](https://playbook.test/lead-stages/mql/) · Lead stage

			\`content/lead-stages/mql.mdx\`

			- \`score_threshold\`\\: 100 → 120

			What else this touches: Lead stages: [New lead](https://playbook.test/lead-stages/new/); Service-level agreements: [MQL follow\\-up](https://playbook.test/slas/mql-follow-up/); Shared metrics: [MQL to won](https://playbook.test/metrics/mql-to-won/); Onboarding tracks: [SDR onboarding](https://playbook.test/tracks/sdr/).

			Needs approval from one sales owner (Sam Seller @samseller) and one marketing owner (Mia Marketer @miamarketer).

			"
		`);
	});

	test('a bad ref is a usage error, outside a repository too', async () => {
		expect((await cli(['diff', 'no-such-branch'])).status).toBe(2);
		expect((await cli(['diff', 'no-such-branch'])).stderr).toContain(
			'"no-such-branch" is not a commit in this repository',
		);
		const outside = spawnSync(
			process.execPath,
			[join(ROOT, 'src', 'cli', 'playbook.ts'), 'diff', 'main'],
			{
				cwd: mkdtempSync(join(tmpdir(), 'not-a-repo-')),
				encoding: 'utf8',
			},
		);
		expect(outside.status).toBe(2);
	});

	test('a hostile title, summary and text cannot open a link, a heading, a list, a mention or a second marker', async () => {
		const title =
			'[Win](https://evil.example) @everyone fixes #1 GH-2 ~~x~~ <!-- playbook-diff -->';
		const summary = '# Head\\n- item <img src=x> www.evil.example acme/repo#3 @acme/sales';
		repo.commit(
			'Hostile words',
			repo.edit(MQL, (t) =>
				t
					.replace('title: Marketing Qualified Lead', `title: ${JSON.stringify(title)}`)
					.replace(
						'summary: A lead that fits and has shown intent.',
						`summary: ${JSON.stringify(summary)}`,
					)
					.replace(
						'Scored by fit and behaviour.',
						'Scored by [fit](https://evil.example) and @behaviour #4.',
					),
			),
		);
		const { status, stdout, stderr } = await cli([
			'diff',
			'main',
			'--site',
			'https://playbook.test',
		]);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const html = renderGfm(stdout);
		// One marker, at the top; the headings and the lists are the comment's own.
		expect(stdout.match(/<!--/g)).toEqual(['<!--']);
		expect(stdout.startsWith('<!-- playbook-diff -->\n')).toBe(true);
		expect(elementsOf(html).filter((e) => /^h\d$|^ul$|^img$|^blockquote$|^table$/.test(e))).toEqual(
			['h2', 'h3', 'ul'],
		);
		// Every link goes to the playbook's own site.
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toMatch(/^https:\/\/playbook\.test\//);
		// The only mentions are the owners who must approve.
		const text = textOf(html).replace(/ @(samseller|miamarketer)\b/g, ' owner');
		expect(text).not.toMatch(GITHUB_TEXT_LINKS);
		expect(text.replaceAll('\u200b', '')).toContain(title);
		expect(text.replaceAll('\u200b', '')).toContain(
			'[fit](https://evil.example) and @behaviour #4.',
		);
		// The diff's own strikethrough and bold are still there.
		expect(elementsOf(html)).toContain('del');
	});

	test('a change too long for one comment is cut to fit, and the whole of it goes to the job summary', async () => {
		const long = Array.from({ length: 400 }, (_, i) => `Criterion ${i} of the new bar`);
		repo.commit(
			'Many criteria',
			repo.edit(MQL, (t) =>
				t.replace(
					'entry_criteria: [Lead score of 100 or more]',
					`entry_criteria: ${JSON.stringify(long)}`,
				),
			),
		);
		const summary = join(repo.root, 'summary.md');
		const full = await cli(['diff', 'main', '--site', 'https://playbook.test']);
		const cut = await cli([
			'diff',
			'main',
			'--site',
			'https://playbook.test',
			'--max-length',
			'4000',
			'--summary',
			summary,
			'--run-url',
			'https://github.com/acme/playbook/actions/runs/1',
		]);
		expect(cut.status).toBe(0);
		expect(full.stdout.length).toBeGreaterThan(8000);
		expect(cut.stdout.length).toBeLessThanOrEqual(4000);
		expect(cut.stdout.startsWith('<!-- playbook-diff -->\n## Playbook changes')).toBe(true);
		expect(cut.stdout).toContain(
			'*This change is too long for one comment, so the list stops here. The whole list is in the [summary of this run](https://github.com/acme/playbook/actions/runs/1).*',
		);
		expect(readFileSync(summary, 'utf8')).toBe(full.stdout.replace(/\n$/, ''));
		expect((await cli(['diff', 'main', '--max-length', '12'])).status).toBe(2);
	});

	test('nothing changed says so', () => {
		const base = playbookAt(repo.root, 'main', 'content');
		expect(diffMarkdown([], base, base, 'https://x')).toContain('No definitions change.');
	});
});

describe('pieces of the diff', () => {
	test('lists of values show what was added and removed; nested objects show their path', () => {
		expect(diffFields({ a: ['x', 'y'] }, { a: ['y', 'z'] }).map(formatFieldChange)).toEqual([
			'a: + z, − x',
		]);
		expect(
			diffFields({ f: { e: { min: 1 } } }, { f: { e: { min: 1, max: 9 } } }).map(formatFieldChange),
		).toEqual(['f.e.max: added, 9']);
		expect(diffFields({ a: ['x', 'y'] }, { a: ['y', 'x'] }).map(formatFieldChange)).toEqual([
			'a: x, y → y, x',
		]);
	});
	test('the prose diff keeps a little context around each change', () => {
		const before =
			'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen end';
		expect(proseDiff(before, before.replace('end', 'finish'))).toBe(
			'… ten eleven twelve thirteen fourteen fifteen ~~end~~ **finish**',
		);
	});
});

describe('history per definition, from git', () => {
	test('each change with date, author, subject and the old and new values; renames followed', () => {
		repo.commit(
			'Raise the MQL bar',
			repo.edit(MQL, (t) => t.replace('score_threshold: 100', 'score_threshold: 120')),
			'2026-11-02T10:00:00Z',
		);
		repo.git('mv', MQL, 'content/lead-stages/marketing-qualified.mdx');
		repo.commit('Rename the MQL file', {}, '2026-11-03T10:00:00Z');
		const history = playbookHistory(join(repo.root, 'content'));
		if (!history.available) throw new Error(history.reason);
		const events = history.byFile.get(
			resolve(repo.root, 'content/lead-stages/marketing-qualified.mdx'),
		)!;
		expect(
			events.map((e) => [e.date, e.author, e.subject, e.status, e.fields.map(formatFieldChange)]),
		).toEqual([
			['2026-11-03', 'Ada Author', 'Rename the MQL file', 'renamed', []],
			['2026-11-02', 'Ada Author', 'Raise the MQL bar', 'changed', ['score_threshold: 100 → 120']],
			[
				expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				'Ada Author',
				'Start the playbook',
				'added',
				[],
			],
		]);
		expect(history.recent[0]).toMatchObject({
			id: 'marketing-qualified',
			subject: 'Rename the MQL file',
		});
	});

	test('a shallow clone marks history as unavailable instead of showing part of it', () => {
		repo.commit(
			'Second',
			repo.edit(MQL, (t) => t.replace('score_threshold: 100', 'score_threshold: 110')),
		);
		const clone = mkdtempSync(join(tmpdir(), 'playbook-shallow-'));
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone]);
		expect(playbookHistory(join(clone, 'content'))).toEqual({
			available: false,
			reason: 'this build ran on a shallow clone of the repository',
		});
	});

	test('outside git, history is unavailable', () => {
		const folder = mkdtempSync(join(tmpdir(), 'playbook-nogit-'));
		expect(playbookHistory(folder)).toMatchObject({ available: false });
	});
});

describe('npm run codeowners', () => {
	test('writes CODEOWNERS, then --check passes, fails on drift, and names owners without handles', async () => {
		// In the minimal playbook, Rae (revenue operations, who guards the team) has no handle.
		expect((await cli(['codeowners'])).stdout).toContain(
			'content/team/rae-ops.yaml  owners  rae-ops has no github handle',
		);
		repo.commit(
			'Give Rae a handle',
			repo.edit('content/team/rae-ops.yaml', (t) => `${t}github: raeops\n`),
		);
		expect((await cli(['codeowners'])).status).toBe(0);
		repo.commit('Generate CODEOWNERS');
		expect((await cli(['codeowners', '--check'])).status).toBe(0);

		repo.commit(
			'New owner',
			repo.edit(MQL, (t) =>
				t.replace(
					'owners: [sam-seller, mia-marketer]',
					'owners: [sam-seller, mia-marketer, cole-success]',
				),
			),
		);
		const drift = await cli(['codeowners', '--check']);
		expect(drift.status).toBe(1);
		expect(drift.stdout.split('\n')[0]).toBe(
			`${MQL}  owners  cole-success has no github handle, so CODEOWNERS cannot ask them to review. Add github: <handle> to content/team/cole-success.yaml.`,
		);

		repo.commit('Hand edit', {
			'.github/CODEOWNERS': `${repo.read('.github/CODEOWNERS')}/content/ @someone\n`,
		});
		repo.commit(
			'Cole gets a handle',
			repo.edit('content/team/cole-success.yaml', (t) => `${t}github: colesuccess\n`),
		);
		const stale = await cli(['codeowners', '--check']);
		expect(stale.status).toBe(1);
		expect(stale.stdout.split('\n')[0]).toBe(
			'.github/CODEOWNERS  -  line 14 gives /content/lead-stages/mql.mdx to @samseller @miamarketer, but its owners are @samseller @miamarketer @colesuccess. Run npm run codeowners and commit the result.',
		);
		// The hand-added rule is named too: it would hand every file under content/ to @someone.
		expect(stale.stdout).toMatch(
			/line \d+ gives \/content\/ to @someone, a rule no owner in content\/ makes/,
		);
	});
	test('the committed CODEOWNERS of this playbook is up to date', () => {
		const result = spawnSync(
			process.execPath,
			[join(ROOT, 'src', 'cli', 'playbook.ts'), 'codeowners', '--check'],
			{ cwd: ROOT, encoding: 'utf8' },
		);
		expect(result.stdout).toContain('.github/CODEOWNERS is up to date.');
		expect(result.status).toBe(0);
	});
});

describe('npm run approvals', () => {
	test('exit 1 with a line per waiting definition, 0 once both sides approve', async () => {
		repo.commit(
			'Raise the MQL bar',
			repo.edit(MQL, (t) => t.replace('score_threshold: 100', 'score_threshold: 120')),
		);
		const one = await cli(['approvals', '--base', 'main', '--approved-by', 'samseller']);
		expect(one.status).toBe(1);
		expect(one.stdout).toBe(
			`${MQL}  approvals  waiting for a marketing owner (Mia Marketer @miamarketer).\nWaiting for approval: 1 of 1 changed items (approved by samseller).\n`,
		);
		expect(
			(await cli(['approvals', '--base', 'main', '--approved-by', 'samseller,miamarketer'])).status,
		).toBe(0);
		expect(
			(
				await cli([
					'approvals',
					'--base',
					'main',
					'--approved-by',
					'samseller,miamarketer',
					'--author',
					'miamarketer',
				])
			).status,
		).toBe(1);
	});
	test('usage errors exit 2', async () => {
		expect((await cli(['approvals', '--approved-by', 'x'])).status).toBe(2);
		expect((await cli(['approvals', '--base', 'main'])).status).toBe(2);
		expect(
			(await cli(['approvals', '--base', 'main', '--reviews', 'missing.json', '--head-sha', 'abc']))
				.status,
		).toBe(2);
	});
});

describe('what else a change touches', () => {
	const playbook = playbookAt(ROOT, 'HEAD', 'content');
	const names = (collection: Parameters<typeof dependantsOf>[1], id: string) =>
		dependantsOf(playbook, collection, id).map((entry) => `${entry.collection}/${entry.id}`);

	test('a persona: the library items made for it, and the tracks that read it', () => {
		const found = names('personas', 'controller');
		const items = [...playbook.entries.library.values()].filter((item) =>
			item.data.personas.includes('controller'),
		);
		expect(found).toEqual(expect.arrayContaining(items.map((item) => `library/${item.id}`)));
		expect(found.every((ref) => /^(library|tracks)\//.test(ref))).toBe(true);
	});

	test('a buyer stage: its library items; a removed entry: what it leaves pointing at nothing', () => {
		const stage = names('buyer-stages', 'decision');
		expect(stage.length).toBeGreaterThan(0);
		expect(stage.every((ref) => ref.startsWith('library/') || ref.startsWith('tracks/'))).toBe(
			true,
		);
		expect(names('glossary', 'no-such-term')).toEqual([]);
	});
});
