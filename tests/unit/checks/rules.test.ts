import { describe, expect, test } from 'vitest';
import { checkPlaybook } from '../../../src/checks/index.ts';
import { leadGraph } from '../../../src/model/lead-graph.ts';
import { reviewDue } from '../../../src/model/review-dates.ts';
import { readContent } from '../../../src/checks/read/read-content.ts';
import { createPlaybook, type Entry } from '../../../src/model/playbook.ts';
import { COLLECTIONS, type CollectionName } from '../../../src/schemas/index.ts';
import { check, MINIMAL, playbookWith, TODAY, where } from '../../support/helpers.ts';

/** An entry built through the real schema, so fake data can never drift from the contract. */
function entry<C extends CollectionName>(
	collection: C,
	id: string,
	data: Record<string, unknown>,
): Entry<C> {
	const parsed = COLLECTIONS[collection].schema.parse(data);
	return {
		collection,
		id,
		file: `content/${collection}/${id}.mdx`,
		data: parsed,
		body: '',
	} as Entry<C>;
}
const person = (id: string, department: string) =>
	entry('team', id, { name: id, title: 'T', department });
const definition = { summary: 'S.', status: 'approved', reviewed: '2026-10-01' };
const stage = (id: string, order: number, next: string[]) =>
	entry('lead-stages', id, {
		...definition,
		title: id,
		owners: ['s', 'm'],
		order,
		worked_by: 'sales',
		entry_criteria: ['x'],
		next,
	});

describe('the ownership rule', () => {
	const team = [
		person('s', 'sales'),
		person('m', 'marketing'),
		person('r', 'revenue-operations'),
		person('e', 'executive'),
	];
	const persona = (owners: string[]) =>
		entry('personas', 'p', { ...definition, title: 'P', owners, role: 'R', buying_role: 'user' });
	const codes = (owners: string[]) =>
		checkPlaybook(createPlaybook([...team, persona(owners)]), { today: TODAY }).map((p) => p.code);

	test('one owner from each side passes, in either order, with others beside them', () => {
		expect(codes(['s', 'm'])).toEqual([]);
		expect(codes(['m', 's'])).toEqual([]);
		expect(codes(['r', 's', 'e', 'm'])).toEqual([]);
	});
	test('revenue operations and executives count for neither side', () => {
		expect(codes(['r', 'e'])).toEqual(['OneSidedOwnership']);
		expect(codes(['s', 'r'])).toEqual(['OneSidedOwnership']);
		expect(codes(['m', 'e'])).toEqual(['OneSidedOwnership']);
	});
	test('an unknown owner is one line: the side it leaves empty is checked once it is right', () => {
		expect(codes(['s', 'ghost'])).toEqual(['UnknownOwner']);
	});
	test('no owners at all is its own problem', () => {
		expect(codes([])).toEqual(['NoOwners']);
	});
});

describe('people who leave', () => {
	// TODAY is 2026-11-24.
	const leaver = (left: string) =>
		entry('team', 'm', { name: 'Marco', title: 'T', department: 'marketing', left });
	const persona = (owners: string[]) =>
		entry('personas', 'p', { ...definition, title: 'P', owners, role: 'R', buying_role: 'user' });
	const found = (team: Entry[], owners: string[]) =>
		checkPlaybook(createPlaybook([person('s', 'sales'), ...team, persona(owners)]), {
			today: TODAY,
		})
			// The note on the leaver's own file is held by tests/checker-findings.test.ts.
			.filter((p) => p.code !== 'PersonLeaving')
			.map((p) => `${p.code} ${p.field}: ${p.message}. ${p.fix}`);

	test('from the day they left, a side whose only owner left fails, naming them and the fix', () => {
		expect(found([leaver('2026-11-24')], ['s', 'm'])).toEqual([
			"OneSidedOwnership owners: needs an owner from marketing; has s (sales), m (marketing, left on 2026-11-24). Add a marketing owner from content/team, or run npm run reassign -- --from m --to <a colleague's id>.",
		]);
	});
	test('within 30 days before they leave, it is a warning', () => {
		expect(found([leaver('2026-12-24')], ['s', 'm'])).toEqual([
			"OwnerLeaving owners: m, its only marketing owner, leaves on 2026-12-24; from then it has no marketing owner. Add another marketing owner, or run npm run reassign -- --from m --to <a colleague's id> before then.",
		]);
		expect(found([leaver('2026-12-25')], ['s', 'm'])).toEqual([]);
	});
	test('a colleague from the same side still there keeps the definition whole', () => {
		const colleague = person('m2', 'marketing');
		expect(found([leaver('2026-01-01'), colleague], ['s', 'm', 'm2'])).toEqual([]);
		expect(found([leaver('2026-12-01'), colleague], ['s', 'm', 'm2'])).toEqual([]);
	});
	test('when every owner of a side leaves soon, the last to go is named', () => {
		const second = entry('team', 'm2', {
			name: 'M2',
			title: 'T',
			department: 'marketing',
			left: '2026-12-10',
		});
		expect(found([leaver('2026-12-01'), second], ['s', 'm', 'm2'])).toEqual([
			"OwnerLeaving owners: m2, the last marketing owner, leaves on 2026-12-10; from then it has no marketing owner. Add another marketing owner, or run npm run reassign -- --from m2 --to <a colleague's id> before then.",
		]);
	});
});

describe('the lead-stage graph', () => {
	const graph = (...stages: Entry<'lead-stages'>[]) => createPlaybook(stages);
	test('the lowest order is the entry and reachability follows next', () => {
		const playbook = graph(
			stage('b', 2, ['c']),
			stage('a', 1, ['b']),
			stage('c', 3, []),
			stage('z', 9, []),
		);
		const { entry: first, reachable } = leadGraph(playbook);
		expect(first?.id).toBe('a');
		expect([...reachable].sort()).toEqual(['a', 'b', 'c']);
		expect(checkPlaybook(playbook, { today: TODAY }).map((p) => [p.code, p.file])).toEqual([
			['UnreachableStage', 'content/lead-stages/z.mdx'],
		]);
	});
	test('a loop with an exit is fine; a loop without one is reported per stage', () => {
		expect(
			checkPlaybook(graph(stage('a', 1, ['b']), stage('b', 2, ['a', 'c']), stage('c', 3, [])), {
				today: TODAY,
			}),
		).toEqual([]);
		const codes = checkPlaybook(graph(stage('a', 1, ['b']), stage('b', 2, ['a'])), {
			today: TODAY,
		}).map((p) => p.code);
		expect(codes).toEqual(['NoExit', 'NoExit']);
	});
	test('no lead stages at all is allowed (the folder may be absent)', () => {
		expect(checkPlaybook(createPlaybook([]), { today: TODAY })).toEqual([]);
	});
});

describe('the review interval', () => {
	test('due dates add months and clamp to the end of the month', () => {
		expect(reviewDue('2026-10-01', 6)).toBe('2027-04-01');
		expect(reviewDue('2026-08-31', 6)).toBe('2027-02-28');
		expect(reviewDue('2027-08-31', 6)).toBe('2028-02-29');
	});
	test('overdue is a warning, an error with strict, and nothing before the due day', () => {
		const root = playbookWith();
		expect(check(root, { today: '2027-04-01' }).problems).toEqual([]);
		const late = check(root, { today: '2027-04-02' });
		expect(late.errorCount).toBe(0);
		expect(late.warningCount).toBe(14);
		expect(where(late)[0]).toEqual([
			'content/buyer-stages/awareness.mdx',
			'reviewed',
			'ReviewOverdue',
		]);
		expect(check(root, { today: '2027-04-02', strict: true }).errorCount).toBe(14);
	});
	test('review_every changes the interval', () => {
		const persona = entry('personas', 'p', {
			...definition,
			title: 'P',
			owners: [],
			role: 'R',
			buying_role: 'user',
			review_every: 1,
		});
		expect(persona.data.review_every).toBe(1);
		expect(reviewDue(persona.data.reviewed, persona.data.review_every)).toBe('2026-11-01');
	});
});

describe('reading content', () => {
	test('the minimal fixture loads every collection with ids from file names', () => {
		const { playbook, problems, fileCount } = readContent(MINIMAL);
		expect(problems).toEqual([]);
		expect(fileCount).toBe(21);
		expect([...playbook.entries['lead-stages'].keys()].sort()).toEqual([
			'disqualified',
			'mql',
			'new',
			'won',
		]);
		expect(playbook.entries.library.get('roi-case')?.data.personas).toEqual(['controller', 'cfo']);
		// Defaults from the schema are applied: an absent list is empty, review_every is 6.
		expect(playbook.entries.personas.get('cfo')?.data).toMatchObject({
			goals: [],
			quotes: [],
			review_every: 6,
		});
	});
	test('the report does not depend on the order problems were found in', () => {
		const report = check(playbookWith('dangling-references', 'bad-enum', 'unknown-owner'));
		const files = report.problems.map((p) => `${p.file} ${p.field}`);
		expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b, 'en')));
	});
});

describe('reviews due', () => {
	test('lists overdue and soon-due definitions, most urgent first', async () => {
		const { reviewsDue } = await import('../../../src/model/review-dates.ts');
		const { playbook } = readContent(MINIMAL);
		expect(reviewsDue(playbook, '2027-03-01')).toEqual([]);
		const due = reviewsDue(playbook, '2027-03-15');
		expect(due).toHaveLength(14);
		expect(due[0]).toMatchObject({ daysLeft: 17, review: { due: '2027-04-01', overdue: false } });
		expect(reviewsDue(playbook, '2027-04-10')[0]).toMatchObject({
			daysLeft: -9,
			review: { overdue: true },
		});
	});
});

describe('names', () => {
	test('people are called and ordered by name, not by job title', async () => {
		const { sorted, titleOf } = await import('../../../src/model/views.ts');
		const { playbook } = readContent(MINIMAL);
		expect(titleOf(playbook, 'team', 'rae-ops')).toBe('Rae Ops');
		expect(sorted(playbook, 'team').map((p) => p.data.name)).toEqual([
			'Cole Success',
			'Mia Marketer',
			'Rae Ops',
			'Sam Seller',
		]);
	});
});
