import { beforeEach, describe, expect, test } from 'vitest';
import { approvalGate } from '../../../src/review/approvals.ts';
import { playbookAt } from '../../../src/cli/git-playbooks.ts';
import { diffPlaybooks } from '../../../src/model/diff.ts';
import { standingApprovals, type GithubReview } from '../../../src/review/github-reviews.ts';
import { type Edits, TestRepo } from '../../support/git-repo.ts';

/**
 * The approval gate, scenario by scenario, on real git repositories: `main` holds the minimal
 * playbook (Sam Seller @samseller, sales; Mia Marketer @miamarketer, marketing; plus, added in
 * the base here, Rae Ops @raeops, revenue operations; Eve Exec @eveexec, executive; Max Brand
 * @maxbrand, marketing), and each scenario commits a change on a branch.
 */
let repo: TestRepo;
beforeEach(() => {
	repo = new TestRepo();
	repo.commit('Add handles and people', {
		'content/team/rae-ops.yaml':
			'name: Rae Ops\ntitle: Revenue Operations Lead\ndepartment: revenue-operations\ngithub: raeops\n',
		'content/team/eve-exec.yaml':
			'name: Eve Exec\ntitle: Chief Revenue Officer\ndepartment: executive\ngithub: eveexec\n',
		'content/team/max-brand.yaml':
			'name: Max Brand\ntitle: Brand Manager\ndepartment: marketing\ngithub: maxbrand\n',
	});
	repo.git('checkout', '-q', '-b', 'change');
});

const MQL = 'content/lead-stages/mql.mdx';
const SLA = 'content/slas/mql-follow-up.mdx';
const raiseThreshold = (): Edits =>
	repo.edit(MQL, (t) => t.replace('score_threshold: 100', 'score_threshold: 120'));
const setOwners = (path: string, owners: string) =>
	repo.edit(path, (t) => t.replace(/^owners: .*$/m, `owners: [${owners}]`));

/** Commits the change and runs the gate as the CLI does: owners from main, changes main..HEAD. */
function gate(edits: Edits, approvedBy: string[], author?: string) {
	repo.commit('Change', edits);
	const base = playbookAt(repo.root, 'main', 'content');
	const head = playbookAt(repo.root, 'HEAD', 'content');
	const result = approvalGate({ base, changes: diffPlaybooks(base, head), approvedBy, author });
	return result.waiting.map((w) => `${w.file}: ${w.needs}`);
}

describe('a changed definition needs a sales owner and a marketing owner', () => {
	test('1. sales only: waits for marketing', () => {
		expect(gate(raiseThreshold(), ['samseller'])).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('2. marketing only: waits for sales', () => {
		expect(gate(raiseThreshold(), ['miamarketer'])).toEqual([
			`${MQL}: a sales owner (Sam Seller @samseller)`,
		]);
	});
	test('3. both sides: passes', () => {
		expect(gate(raiseThreshold(), ['samseller', 'miamarketer'])).toEqual([]);
	});
	test('4. no approvals: waits for both sides', () => {
		expect(gate(raiseThreshold(), [])).toEqual([
			`${MQL}: a sales owner (Sam Seller @samseller) and a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('5. the author approving their own change does not count', () => {
		expect(gate(raiseThreshold(), ['samseller', 'miamarketer'], 'samseller')).toEqual([
			`${MQL}: a sales owner (the author is its only sales owner, and cannot approve their own change: ask another sales owner to be added in an earlier pull request, then to approve this one)`,
		]);
	});
	test('6. handles match whatever their case or a leading @', () => {
		expect(gate(raiseThreshold(), ['@SamSeller', 'MIAMARKETER'])).toEqual([]);
	});
	test('7. someone who is not an owner cannot approve for a side', () => {
		expect(gate(raiseThreshold(), ['samseller', 'maxbrand'])).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('8. revenue operations counts for neither side', () => {
		expect(gate(raiseThreshold(), ['raeops', 'eveexec'])).toHaveLength(1);
	});
	test('9. an approver who is not in content/team is ignored', () => {
		expect(gate(raiseThreshold(), ['samseller', 'stranger'])).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('10. a person listed twice is still one side', () => {
		repo.commit('Owners twice on main', setOwners(MQL, 'sam-seller, sam-seller, mia-marketer'));
		repo.git('branch', '-f', 'main');
		expect(gate(raiseThreshold(), ['samseller'])).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
});

describe('owners and departments come from the base ref', () => {
	test('11. an owner removed in the change can still approve; the one added cannot', () => {
		const edits = setOwners(MQL, 'sam-seller, max-brand');
		expect(gate(edits, ['samseller', 'maxbrand'])).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('12. 11, approved by the removed owner: passes', () => {
		expect(gate(setOwners(MQL, 'sam-seller, max-brand'), ['samseller', 'miamarketer'])).toEqual([]);
	});
	test('13. making the author an owner in the change does not let them approve', () => {
		const edits = setOwners(MQL, 'sam-seller, mia-marketer, max-brand');
		expect(gate(edits, ['samseller', 'maxbrand'], 'maxbrand')).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('14. moving someone to marketing in the change does not make them marketing', () => {
		const edits = {
			...raiseThreshold(),
			...setOwners(MQL, 'sam-seller, mia-marketer, cole-success'),
			...repo.edit(
				'content/team/cole-success.yaml',
				(t) => t.replace('customer-success', 'marketing') + 'github: colesuccess\n',
			),
		};
		expect(gate(edits, ['samseller', 'colesuccess', 'raeops'])).toEqual([
			`${MQL}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('15. a changed department is a team change, needing revenue operations or an executive', () => {
		const edits = repo.edit('content/team/max-brand.yaml', (t) => t.replace('marketing', 'sales'));
		expect(gate(edits, ['samseller', 'miamarketer'])).toEqual([
			'content/team/max-brand.yaml: someone in revenue operations or an executive (Eve Exec @eveexec, Rae Ops @raeops)',
		]);
	});
});

describe('team, new, removed and renamed entries', () => {
	const newPerson = {
		'content/team/new-rep.yaml': 'name: New Rep\ntitle: SDR\ndepartment: sales\ngithub: newrep\n',
	};
	test('16. a team file edit, approved by revenue operations: passes', () => {
		expect(gate(newPerson, ['raeops'])).toEqual([]);
	});
	test('17. a team file edit, approved by an executive: passes', () => {
		expect(gate(newPerson, ['eveexec'])).toEqual([]);
	});
	test('18. a team file edit approved only by sales and marketing: waits', () => {
		expect(gate(newPerson, ['samseller', 'miamarketer'])).toHaveLength(1);
	});
	test('19. revenue operations editing the team cannot approve it themselves', () => {
		expect(gate(newPerson, ['raeops'], 'raeops')).toEqual([
			'content/team/new-rep.yaml: someone in revenue operations or an executive (Eve Exec @eveexec)',
		]);
	});
	const newItem = (owners: string) => ({
		'content/library/pricing-faq.mdx': `---\ntitle: Pricing FAQ\nsummary: Answers on price.\nowners: [${owners}]\nstatus: draft\nreviewed: 2026-11-01\nstages: [decision]\nformat: one-pager\nuse: sales\n---\n`,
	});
	test('20. a new definition needs its proposed owners from both sides', () => {
		expect(gate(newItem('sam-seller, max-brand'), ['samseller'])).toEqual([
			'content/library/pricing-faq.mdx: a marketing owner (Max Brand @maxbrand)',
		]);
	});
	test('21. a new definition approved by both proposed owners: passes', () => {
		expect(gate(newItem('sam-seller, max-brand'), ['samseller', 'maxbrand'])).toEqual([]);
	});
	test('22. a person added in the same change cannot approve as a proposed owner', () => {
		const edits = { ...newPerson, ...newItem('new-rep, mia-marketer') };
		expect(gate(edits, ['newrep', 'miamarketer', 'raeops'])).toEqual([
			'content/library/pricing-faq.mdx: a sales owner (nobody on the base branch can approve this side)',
		]);
	});
	test('23. a deleted definition needs its owners on the base', () => {
		expect(gate({ [SLA]: null }, ['samseller'])).toEqual([
			`${SLA}: a marketing owner (Mia Marketer @miamarketer)`,
		]);
	});
	test('24. a renamed definition is approved by its owners on the base', () => {
		repo.git('mv', MQL, 'content/lead-stages/marketing-qualified.mdx');
		const edits = repo.edit('content/lead-stages/new.mdx', (t) =>
			t.replace('next: [mql,', 'next: [marketing-qualified,'),
		);
		const waiting = gate(edits, ['samseller']);
		expect(waiting).toEqual([
			'content/lead-stages/marketing-qualified.mdx: a marketing owner (Mia Marketer @miamarketer)',
			'content/lead-stages/new.mdx: a marketing owner (Mia Marketer @miamarketer)',
		]);
		const base = playbookAt(repo.root, 'main', 'content');
		const change = diffPlaybooks(base, playbookAt(repo.root, 'HEAD', 'content')).find(
			(c) => c.status === 'renamed',
		);
		expect(change).toMatchObject({ id: 'marketing-qualified', previousId: 'mql' });
	});
	test('25. several definitions in one change: one line for each still waiting', () => {
		const edits = {
			...raiseThreshold(),
			...repo.edit(SLA, (t) => t.replace('    target: 2', '    target: 1')),
			...setOwners('content/personas/cfo.mdx', 'sam-seller, max-brand'),
		};
		repo.commit('Owners of the SLA on main', setOwners(SLA, 'sam-seller, max-brand'));
		repo.git('branch', '-f', 'main');
		expect(gate(edits, ['samseller', 'miamarketer'])).toEqual([
			`${SLA}: a marketing owner (Max Brand @maxbrand)`,
		]);
	});
	test('26. a change to a guide alone needs no owner approval', () => {
		expect(
			gate(
				{ 'content/guides/start-here.md': '---\ntitle: Start here\nsummary: New words.\n---\n' },
				[],
			),
		).toEqual([]);
	});
});

describe('people who have left', () => {
	test('27. an owner who has left by the day of the check approves for no side', () => {
		repo.git('checkout', '-q', 'main');
		repo.commit('Mia leaves', {
			'content/team/mia-marketer.yaml':
				'name: Mia Marketer\ntitle: Product Marketing Manager\ndepartment: marketing\ngithub: miamarketer\nleft: 2026-11-30\n',
		});
		repo.git('checkout', '-q', '-b', 'after-mia');
		repo.commit('Change', raiseThreshold());
		const base = playbookAt(repo.root, 'main', 'content');
		const head = playbookAt(repo.root, 'HEAD', 'content');
		const run = (today: string) =>
			approvalGate({
				base,
				changes: diffPlaybooks(base, head),
				approvedBy: ['samseller', 'miamarketer'],
				today,
			}).waiting.map((w) => w.file);
		expect(run('2026-11-29')).toEqual([]);
		expect(run('2026-11-30')).toEqual([MQL]);
	});
});

describe('reviews read from the GitHub API', () => {
	const review = (login: string, state: string, commit: string, at: string): GithubReview => ({
		user: { login },
		state,
		commit_id: commit,
		submitted_at: at,
	});
	// Shaped like GET /repos/{owner}/{repo}/pulls/{n}/reviews, trimmed to the fields read.
	const recorded: GithubReview[] = [
		review('samseller', 'APPROVED', 'c1', '2026-11-20T10:00:00Z'),
		review('miamarketer', 'APPROVED', 'c2', '2026-11-21T10:00:00Z'),
		review('maxbrand', 'APPROVED', 'c2', '2026-11-21T11:00:00Z'),
		review('maxbrand', 'CHANGES_REQUESTED', 'c2', '2026-11-21T12:00:00Z'),
		review('raeops', 'APPROVED', 'c2', '2026-11-21T09:00:00Z'),
		review('raeops', 'COMMENTED', 'c2', '2026-11-21T13:00:00Z'),
		review('eveexec', 'APPROVED', 'c2', '2026-11-21T09:00:00Z'),
		review('eveexec', 'DISMISSED', 'c2', '2026-11-21T14:00:00Z'),
		review('priya', 'CHANGES_REQUESTED', 'c1', '2026-11-20T09:00:00Z'),
		review('priya', 'APPROVED', 'c2', '2026-11-22T09:00:00Z'),
		{ user: null, state: 'APPROVED', commit_id: 'c2', submitted_at: '2026-11-22T10:00:00Z' },
	];
	test('27. only approvals on the latest commit stand; later changes requested or dismissal cancel', () => {
		expect(standingApprovals(recorded, 'c2')).toEqual(['miamarketer', 'priya', 'raeops']);
	});
	test('28. a new push makes every earlier approval stale', () => {
		expect(standingApprovals(recorded, 'c3')).toEqual([]);
	});
});
