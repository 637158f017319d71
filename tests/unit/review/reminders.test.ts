import { describe, expect, test } from 'vitest';
import { createPlaybook, type Entry } from '../../../src/model/playbook.ts';
import {
	type GithubIssue,
	markedDefinition,
	planReviews,
	type ReviewAction,
	type ReviewPlanInput,
} from '../../../src/review/reminders.ts';
import { COLLECTIONS, type CollectionName } from '../../../src/schemas/index.ts';
import {
	elementsOf,
	GITHUB_TEXT_LINKS,
	HOSTILE_MARKDOWN,
	renderGfm,
	textOf,
} from '../../support/github-markdown.ts';

/** An entry built through the real schema, so fake data can never drift from the contract. */
function entry<C extends CollectionName>(collection: C, id: string, data: object): Entry<C> {
	return {
		collection,
		id,
		file: `content/${collection}/${id}.mdx`,
		path: `${collection}/${id}.mdx`,
		data: COLLECTIONS[collection].schema.parse(data),
		body: '',
	} as Entry<C>;
}

const TODAY = '2026-12-02';
const team = [
	entry('team', 'sam', {
		name: 'Sam Seller',
		title: 'AE',
		department: 'sales',
		github: 'samseller',
	}),
	entry('team', 'mia', {
		name: 'Mia Marketer',
		title: 'PMM',
		department: 'marketing',
		github: 'miamkt',
	}),
	entry('team', 'noor', { name: 'Noor Nohandle', title: 'PMM', department: 'marketing' }),
	entry('team', 'lee', {
		name: 'Lee Left',
		title: 'AE',
		department: 'sales',
		github: 'leeleft',
		left: '2026-11-01',
	}),
];
/** A lead stage reviewed on `reviewed`, so due six months later. */
const stage = (id: string, reviewed: string, owners = ['sam', 'mia']) =>
	entry('lead-stages', id, {
		title: `Stage ${id}`,
		summary: 'S.',
		owners,
		status: 'approved',
		reviewed,
		order: id.length,
		worked_by: 'sales',
		entry_criteria: ['x'],
		next: [],
	});

/** Overdue (due 2026-11-01), due in 9 days (2026-12-11), and not due for months. */
const overdue = stage('mql', '2026-05-01');
const soon = stage('sql', '2026-06-11');
const later = stage('won', '2026-11-20');

function plan(entries: Entry[], issues: GithubIssue[] = [], more: Partial<ReviewPlanInput> = {}) {
	return planReviews({
		playbook: createPlaybook([...team, ...entries]),
		today: TODAY,
		issues,
		siteUrl: 'https://playbook.example/',
		...more,
	});
}

/** The issue GitHub would hold after a plan's create or update was carried out. */
function issueFrom(
	action: ReviewAction,
	number: number,
	state: 'open' | 'closed' = 'open',
): GithubIssue {
	if (action.action === 'close') throw new Error('a closed reminder is not kept');
	return {
		number,
		title: action.title,
		body: action.body,
		state,
		labels: [{ name: 'playbook-review' }],
		assignees: action.assignees.map((login) => ({ login })),
	};
}

const summary = (actions: ReviewAction[]) =>
	actions.map((a) => [a.action, a.definition, 'number' in a ? a.number : null]);

describe('planning review reminders', () => {
	test('creates one issue for an overdue definition and one for a definition due within 14 days', () => {
		const actions = plan([overdue, soon, later]);
		expect(summary(actions)).toEqual([
			['create', 'lead-stages/mql', null],
			['create', 'lead-stages/sql', null],
		]);
		const [mql, sql] = actions as Extract<ReviewAction, { action: 'create' }>[];
		expect(mql).toMatchObject({
			title: 'Review overdue: Stage mql (since 2026-11-01)',
			assignees: ['samseller', 'miamkt'],
			due: '2026-11-01',
			labels: ['playbook-review'],
		});
		expect(sql!.title).toBe('Review due: Stage sql (by 2026-12-11)');
		expect(markedDefinition(mql!)).toBe('lead-stages/mql');
		expect(mql!.body).toContain('- Page: https://playbook.example/lead-stages/mql/');
		expect(mql!.body).toContain('It was last reviewed on 2026-05-01');
		expect(mql!.body).toContain('npm run verify -- lead-stages/mql');
		expect(mql!.body).toContain('- File: `content/lead-stages/mql.mdx`');
	});

	test('a plan carried out leaves nothing for the next run', () => {
		const first = plan([overdue, soon]);
		const issues = first.map((action, i) => issueFrom(action, i + 1));
		expect(plan([overdue, soon], issues)).toEqual([]);
	});

	test('closes the issue, saying why, once the definition is reviewed again', () => {
		const issues = plan([overdue]).map((action) => issueFrom(action, 7));
		const reviewed = stage('mql', '2026-12-01');
		expect(plan([reviewed], issues)).toEqual([
			expect.objectContaining({
				action: 'close',
				number: 7,
				definition: 'lead-stages/mql',
				comment:
					'Closed: Stage mql was reviewed on 2026-12-01; the next review is due on 2027-06-01.',
			}),
		]);
	});

	test('closes the issue of a definition that was removed', () => {
		const issues = plan([overdue]).map((action) => issueFrom(action, 3));
		const [close] = plan([], issues);
		expect(close).toMatchObject({
			action: 'close',
			number: 3,
			comment: expect.stringContaining('`lead-stages/mql` is no longer in the playbook'),
		});
	});

	test('a renamed definition: the old issue closes, the new id gets its own', () => {
		const issues = plan([overdue]).map((action) => issueFrom(action, 3));
		const renamed = stage('marketing-qualified', '2026-05-01');
		expect(summary(plan([renamed], issues))).toEqual([
			['create', 'lead-stages/marketing-qualified', null],
			['close', 'lead-stages/mql', 3],
		]);
	});

	test('owners changed: the issue is updated in place, with the new assignees', () => {
		const issues = plan([overdue]).map((action) => issueFrom(action, 5));
		const reassigned = stage('mql', '2026-05-01', ['sam', 'noor']);
		const [update] = plan([reassigned], issues);
		expect(update).toMatchObject({
			action: 'update',
			number: 5,
			reopen: false,
			assignees: ['samseller'],
		});
		// Noor has no GitHub handle, so the issue names her instead.
		expect((update as { body: string }).body).toContain(
			'- Owners: @samseller, Noor Nohandle (no GitHub handle: tell them)',
		);
	});

	test('an owner who has left is named, not assigned', () => {
		const [create] = plan([stage('mql', '2026-05-01', ['lee', 'sam', 'mia'])]);
		expect(create!.assignees).toEqual(['samseller', 'miamkt']);
		expect((create as { body: string }).body).toContain('Lee Left (left on 2026-11-01)');
	});

	test('an issue closed by hand while its definition is still due is reopened, with a comment', () => {
		const issues = plan([overdue]).map((action) => issueFrom(action, 9, 'closed'));
		const [reopen] = plan([overdue], issues);
		expect(reopen).toMatchObject({
			action: 'update',
			number: 9,
			reopen: true,
			comment: expect.stringContaining('Reopened: Stage mql is still overdue for review.'),
		});
		// A closed reminder of a definition that is not due stays closed.
		expect(
			plan(
				[later],
				plan([stage('won', '2026-05-01')]).map((a) => issueFrom(a, 2, 'closed')),
			),
		).toEqual([]);
	});

	test('two open issues for one definition: the older is kept, the other closed', () => {
		const [action] = plan([overdue]);
		const issues = [issueFrom(action!, 12), issueFrom(action!, 4)];
		expect(summary(plan([overdue], issues))).toEqual([['close', 'lead-stages/mql', 12]]);
	});

	test('issues without the label or the marker, and pull requests, are left alone', () => {
		const [action] = plan([overdue]);
		const kept = issueFrom(action!, 1);
		const issues: GithubIssue[] = [
			{ ...kept, number: 2, labels: [] },
			{ ...kept, number: 3, body: 'No marker here.' },
			{ ...kept, number: 4, pull_request: {} },
		];
		expect(summary(plan([overdue], issues))).toEqual([['create', 'lead-stages/mql', null]]);
	});

	test('more than 100 open reminders are all read, and each is closed or kept', () => {
		const many = Array.from({ length: 130 }, (_, i) => stage(`stage-${i}`, '2026-05-01'));
		const issues = plan(many).map((action, i) => issueFrom(action, i + 1));
		expect(issues).toHaveLength(130);
		expect(plan(many, issues)).toEqual([]);
		const reviewed = many.map((s, i) => (i < 120 ? s : stage(`stage-${i}`, '2026-12-01')));
		const closes = plan(reviewed, issues);
		expect(closes.map((a) => a.action)).toEqual(Array(10).fill('close'));
	});

	test('the commits since the last review are listed, and the editor link where there is one', () => {
		const [create] = plan([overdue], [], {
			commitsSince: () => [
				{ sha: 'abc1234', date: '2026-09-14', subject: 'Raise the MQL score to 120' },
			],
			editorUrl: (collection, id) =>
				`https://playbook.example/admin/#/collections/${collection}/entries/${id}`,
		});
		const body = (create as { body: string }).body;
		expect(body).toContain(
			'Changed since it was last reviewed:\n- abc1234 2026-09-14 Raise the MQL score to 120',
		);
		expect(body).toContain(
			'- Edit in the form: https://playbook.example/admin/#/collections/lead-stages/entries/mql',
		);
		const [quiet] = plan([overdue], [], { commitsSince: () => [] });
		expect((quiet as { body: string }).body).toContain(
			'No commit has changed the file since it was last reviewed.',
		);
	});

	test('titles and commit subjects cannot mention, reference, link or mark up anything', () => {
		for (const hostile of HOSTILE_MARKDOWN.filter((h) => h.length <= 120)) {
			const title = hostile.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
			const [create] = plan([{ ...overdue, data: { ...overdue.data, title } }], [], {
				commitsSince: () => [{ sha: 'abc1234', date: '2026-09-14', subject: hostile }],
			});
			const { title: issueTitle, body } = create as { title: string; body: string };
			expect(issueTitle, hostile).not.toMatch(GITHUB_TEXT_LINKS);
			expect(issueTitle, hostile).not.toMatch(/[\n\r]/);
			const html = renderGfm(body);
			// The reminder's own markup only: its marker, bold title, two lists, the command.
			expect(html.match(/<!--/g), hostile).toEqual(['<!--']);
			expect(
				elementsOf(html).filter((e) => /^(h\d|img|blockquote|table|del|em|hr)$/.test(e)),
				hostile,
			).toEqual([]);
			const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
			expect(hrefs, hostile).toEqual(['https://playbook.example/lead-stages/mql/']);
			const text = textOf(html).replace(/@(samseller|miamkt)\b/g, 'owner');
			// The page address is the site's own and stays a plain address.
			expect(text.replace('https://playbook.example/lead-stages/mql/', ''), hostile).not.toMatch(
				GITHUB_TEXT_LINKS,
			);
		}
	});
});
