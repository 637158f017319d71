import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { codeownersDrift } from '../../src/review/codeowners.ts';
import { git, readBlobs } from '../../src/review/git.ts';
import {
	check,
	lines,
	playbookWith,
	runPlaybook as playbook,
	useBuildTurn,
} from '../support/helpers.ts';
import { TestRepo } from '../support/git-repo.ts';
import { buildSite } from '../support/sites.ts';

/**
 * Nothing under content/ reaches the site, the diff or the approvals gate without the checker
 * seeing it: links, submodules and names with control characters are refused on disk and in
 * git, blobs are read by the ids the tree gives, and CODEOWNERS is compared rule by rule.
 */
const MQL = 'content/lead-stages/mql.mdx';

const made: string[] = [];
afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A lead stage that says what an attacker wants: an MQL at a score of 5. */
function lowThresholdOutside(repo: TestRepo): string {
	const outside = mkdtempSync(join(tmpdir(), 'playbook-outside-'));
	made.push(outside);
	const text = repo.read(MQL).replace('score_threshold: 100', 'score_threshold: 5');
	writeFileSync(join(outside, 'mql.mdx'), text);
	return join(outside, 'mql.mdx');
}

describe('a link under content/', () => {
	useBuildTurn();
	test('is refused by npm run check, wherever it is, whatever it points at', () => {
		const root = playbookWith();
		const outside = mkdtempSync(join(tmpdir(), 'playbook-outside-'));
		made.push(outside);
		writeFileSync(join(outside, 'guide.mdx'), '---\ntitle: Moved\n---\n');
		mkdirSync(join(root, 'content', 'lead-stages', 'sub'));
		symlinkSync(join(outside, 'guide.mdx'), join(root, 'content', 'lead-stages', 'sub', 'mql.mdx'));
		symlinkSync(outside, join(root, 'content', 'guides', 'linked-folder'));
		const report = check(root);
		expect(lines(report).filter((line) => line.includes('link'))).toEqual([
			'content/guides/linked-folder  -  is a link to another file, which the site would publish although no check and no owner sees it. Put the file itself here instead of the link (git rm the link, copy the file in, commit).',
			'content/lead-stages/sub/mql.mdx  -  is a link to another file, which the site would publish although no check and no owner sees it. Put the file itself here instead of the link (git rm the link, copy the file in, commit).',
		]);
		expect(report.errorCount).toBe(2);
	});

	test('a linked collection folder is refused too', () => {
		const root = playbookWith();
		const outside = mkdtempSync(join(tmpdir(), 'playbook-outside-'));
		made.push(outside);
		rmSync(join(root, 'content', 'glossary'), { recursive: true, force: true });
		symlinkSync(outside, join(root, 'content', 'glossary'));
		expect(check(root).problems.map((p) => [p.file, p.code])).toContainEqual([
			'content/glossary',
			'NotAFile',
		]);
	});

	test('committed in a pull request, fails the approvals gate with no reviews and shows in the diff', () => {
		const repo = new TestRepo();
		repo.git('checkout', '-q', '-b', 'change');
		mkdirSync(join(repo.root, 'content', 'lead-stages', 'sub'));
		symlinkSync(
			lowThresholdOutside(repo),
			join(repo.root, 'content', 'lead-stages', 'sub', 'mql.mdx'),
		);
		repo.commit('Add a stage');
		expect(repo.git('ls-tree', '-r', 'HEAD', '--', 'content/lead-stages/sub')).toMatch(/^120000 /);

		const approvals = playbook(['approvals', '--base', 'main', '--approved-by', ''], repo.root);
		expect(approvals.code).toBe(1);
		expect(approvals.stdout).toContain(
			'content/lead-stages/sub/mql.mdx  -  is a link to another file',
		);
		expect(approvals.stdout).toContain(
			"Approvals cannot be judged: the pull request's content has",
		);
		noStackTrace(approvals.stdout + approvals.stderr);

		// The pull-request comment opens with the refusal instead of "No definitions change".
		const diff = playbook(['diff', 'main', 'HEAD'], repo.root);
		expect(diff.code).toBe(1);
		expect(diff.stdout.split('\n').slice(0, 3)).toEqual([
			'<!-- playbook-diff -->',
			'## Playbook changes',
			'',
		]);
		expect(diff.stdout).toMatch(/\*\*The checker refuses this change\*\* \(1 problem\)/);
		expect(diff.stdout).toMatch(
			/^- `content\/lead-stages\/sub\/mql\.mdx` is a link to another file/m,
		);
		expect(diff.stderr).toContain('content/lead-stages/sub/mql.mdx  -  is a link');
	});

	test('a submodule under content/ is refused in git', () => {
		const repo = new TestRepo();
		repo.git('checkout', '-q', '-b', 'change');
		const commit = repo.git('rev-parse', 'HEAD').trim();
		repo.git('update-index', '--add', '--cacheinfo', `160000,${commit},content/guides/vendor`);
		repo.git('commit', '-q', '-m', 'Add a submodule');
		const approvals = playbook(
			['approvals', '--base', 'main', '--approved-by', 'samseller,miamarketer'],
			repo.root,
		);
		expect(approvals.code).toBe(1);
		expect(approvals.stdout).toContain(
			'content/guides/vendor  -  is a git submodule, whose files no check and no owner sees. Remove it with git rm and commit the files themselves.',
		);
	});

	test('stops the build before anything is written', () => {
		const root = playbookWith();
		symlinkSync(
			join(root, 'content', MQL.slice('content/'.length)),
			join(root, 'content', 'guides', 'copy.mdx'),
		);
		const out = join(root, 'dist');
		const { code, output } = buildSite(join(root, 'content'), out);
		expect(code, output).toBe(1);
		expect(output).toMatch(/guides\/copy\.mdx {2}- {2}is a link to another file/);
		expect(output).toContain('Nothing was built');
		noStackTrace(output);
		expect(() => readFileSync(join(out, 'index.html'))).toThrow();
	});
});

describe('a file name with a control character', () => {
	/** A team file whose name holds a line break: git keeps it; the checker refuses it. */
	function repoWithCraftedName() {
		const repo = new TestRepo();
		repo.git('checkout', '-q', '-b', 'change');
		// The change the crafted name used to hide: Sam moves to marketing under another handle.
		repo.commit('Crafted', {
			'content/team/a\nx.yaml': 'name: A\ntitle: B\ndepartment: sales\n',
			'content/team/sam-seller.yaml': repo
				.read('content/team/sam-seller.yaml')
				.replace('department: sales', 'department: marketing')
				.replace(/github: .*/, 'github: attacker'),
		});
		return repo;
	}

	test('is refused on disk, the name shown on one line', () => {
		const root = playbookWith();
		writeFileSync(
			join(root, 'content', 'team', 'a\nx.yaml'),
			'name: A\ntitle: B\ndepartment: sales\n',
		);
		const found = lines(check(root)).filter((line) => line.includes('control character'));
		expect(found).toEqual([
			'content/team/a x.yaml  -  has a line break or another control character in its name, which lets it pass for another file in git and CODEOWNERS. Rename it using letters, digits, - and _ only.',
		]);
	});

	test('in git, fails the gate, and every other file is still read as itself', () => {
		const repo = repoWithCraftedName();
		const approvals = playbook(
			['approvals', '--base', 'main', '--approved-by', 'raeops'],
			repo.root,
		);
		expect(approvals.code).toBe(1);
		expect(approvals.stdout).toContain(
			'content/team/a x.yaml  -  has a line break or another control character in its name',
		);
		// The diff still sees the team member's real change (read by blob id, not by position).
		const diff = playbook(['diff', 'main', 'HEAD'], repo.root);
		expect(diff.stdout).toContain('attacker');
	});

	test('blobs are read by id, and each answer is checked against the id asked for', () => {
		const repo = repoWithCraftedName();
		const ids = git(repo.root, ['ls-tree', '-r', '-z', 'HEAD', '--', 'content/team/'])
			.toString()
			.split('\0')
			.filter(Boolean)
			.map((record) => record.split('\t')[0]!.split(' ')[2]!);
		const blobs = readBlobs(repo.root, ids);
		expect([...blobs.keys()].sort()).toEqual([...new Set(ids)].sort());
		for (const id of ids) {
			expect(blobs.get(id)).toEqual(git(repo.root, ['cat-file', 'blob', id]));
		}
		expect(() => readBlobs(repo.root, ['HEAD:content/team/sam-seller.yaml'])).toThrow(
			/is not a git object id/,
		);
	});
});

describe('CODEOWNERS', () => {
	/** The minimal playbook with the CFO persona moved into a folder of the given name. */
	function withCfoIn(folderName: string): string {
		const root = playbookWith();
		const personas = join(root, 'content', 'personas');
		mkdirSync(join(personas, folderName));
		renameSync(join(personas, 'cfo.mdx'), join(personas, folderName, 'cfo.mdx'));
		return root;
	}

	test('a folder name with a line break makes no rule, and --check names the injected one', () => {
		const root = withCfoIn('x\n* @someone #');
		const out = join(root, 'CODEOWNERS');
		const written = playbook(['codeowners', '--content', 'content', '--out', out], root);
		expect(written.code).toBe(1);
		expect(readFileSync(out, 'utf8')).not.toMatch(/^\* @someone/m);
		// A CODEOWNERS written before the fix held the injected rule; --check names it by line.
		writeFileSync(
			out,
			`${readFileSync(out, 'utf8')}/content/personas/x\n* @someone #/cfo.mdx @samseller\n`,
		);
		const checked = playbook(['codeowners', '--check', '--content', 'content', '--out', out], root);
		expect(checked.code).toBe(1);
		expect(checked.stdout).toMatch(/gives \* to @someone, a rule no owner in content\/ makes/);
		noStackTrace(checked.stdout + checked.stderr);
	});

	test('a path CODEOWNERS would read as a pattern or as two owners is refused', () => {
		const root = withCfoIn('a @evil');
		const out = join(root, 'CODEOWNERS');
		const { code, stdout } = playbook(['codeowners', '--content', 'content', '--out', out], root);
		expect(code).toBe(1);
		expect(stdout).toContain(
			'content/personas/a @evil/cfo.mdx  -  cannot be written in CODEOWNERS as it is',
		);
		expect(readFileSync(out, 'utf8')).not.toContain('@evil');
	});

	test('--check compares rules: comments and spacing aside, a changed owner or order is drift', () => {
		const made = '# generated\n/a @x @y\n/b @z\n';
		expect(codeownersDrift('# other words\n/a   @x @y\n\n/b @z # note\n', made)).toEqual([]);
		expect(codeownersDrift('/a @x\n/b @z\n', made)).toEqual([
			'line 1 gives /a to @x, but its owners are @x @y',
		]);
		expect(codeownersDrift('/b @z\n/a @x @y\n', made)).toEqual([
			'holds the right rules in another order, and the last matching rule wins',
		]);
		expect(codeownersDrift('/a @x @y\n', made)).toEqual(['has no rule for /b (@z)']);
	});
});
