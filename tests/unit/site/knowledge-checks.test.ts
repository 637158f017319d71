import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readContent } from '../../../src/checks/read/read-content.ts';
import { createPlaybook, type Entry, type Playbook } from '../../../src/model/playbook.ts';
import {
	generatedQuestions,
	nearbyNumbers,
	type Question,
	questionsVersion,
	stepQuestions,
} from '../../../src/site/knowledge-checks.ts';
import { callPlan, callPlanPairs, callPlanPath } from '../../../src/site/call-plan.ts';
import { formatAmount } from '../../../src/model/words.ts';
import { trackSteps } from '../../../src/site/tracks.ts';
import { dropStaleContentCache, schemaDigest } from '../../../src/site/content-cache.ts';
import {
	checkSummary,
	progressSummary,
	readPassed,
	writePassed,
} from '../../../src/browser/track-progress-store.ts';
import { callPlanHref, type FinderState } from '../../../src/browser/finder-state.ts';
import { MINIMAL } from '../../support/helpers.ts';
import { ROOT } from '../../support/sites.ts';

const { playbook } = readContent(join(ROOT, 'content'));
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The playbook with one entry's data changed, as a colleague's edit would leave it. */
function withChange<C extends keyof Playbook['entries']>(
	collection: C,
	id: string,
	change: (data: Entry<C>['data']) => Entry<C>['data'],
): Playbook {
	const entries = Object.values(playbook.entries).flatMap((byId) => [...byId.values()]);
	return createPlaybook(
		entries.map((entry) =>
			entry.collection === collection && entry.id === id
				? ({ ...entry, data: change(entry.data as Entry<C>['data']) } as Entry)
				: entry,
		),
	);
}

const question = (from: Playbook, ref: string, id: string): Question => {
	const [collection, entryId] = ref.split('/') as [keyof Playbook['entries'], string];
	const found = generatedQuestions(from, collection, from.entries[collection].get(entryId)!).find(
		(q) => q.id === id,
	);
	expect(found, `${ref} has a question ${id}`).toBeDefined();
	return found!;
};

describe('questions made from the definitions', () => {
	test('every one has its answer among two to four distinct choices, and a way to the answer', () => {
		const all = [...playbook.entries.tracks.values()].flatMap((track) =>
			track.data.steps.flatMap((step) => stepQuestions(playbook, step)),
		);
		expect(all.filter((q) => q.generated).length).toBeGreaterThan(20);
		for (const q of all) {
			expect(q.choices, q.question).toContain(q.answer);
			expect(q.choices.length, q.question).toBeGreaterThanOrEqual(2);
			expect(q.choices.length, q.question).toBeLessThanOrEqual(4);
			expect(new Set(q.choices.map((c) => c.toLowerCase())).size, q.question).toBe(
				q.choices.length,
			);
			expect(q.source.path).toMatch(/^\/[a-z-]+\/[^/]+\/$/);
			expect(q.why.length).toBeGreaterThan(10);
		}
	});

	test('the written ones come first, as their authors wrote them', () => {
		const step = playbook.entries.tracks.get('sdr')!.data.steps[0]!;
		const [first] = stepQuestions(playbook, step);
		expect(first).toMatchObject({
			id: 'written-0',
			generated: false,
			question: step.check[0]!.question,
			choices: step.check[0]!.choices,
			answer: step.check[0]!.answer,
			source: { title: 'Start here', path: '/guides/start-here/' },
		});
	});

	test('a lead stage: its score threshold, what puts a lead in it, where it goes next', () => {
		const mql = playbook.entries['lead-stages'].get('mql')!.data;
		const threshold = question(playbook, 'lead-stages/mql', 'threshold');
		expect(threshold.question).toBe(
			'How many lead score points does a lead need to become an MQL?',
		);
		expect(threshold.answer).toBe(`${mql.score_threshold} points`);
		const entry = question(playbook, 'lead-stages/mql', 'entry');
		expect(mql.entry_criteria).toContain(entry.answer);
		for (const wrong of entry.choices.filter((c) => c !== entry.answer)) {
			expect(mql.entry_criteria).not.toContain(wrong);
			// Every wrong choice is another stage's criterion: it comes from the playbook.
			expect(
				[...playbook.entries['lead-stages'].values()].some((s) =>
					s.data.entry_criteria.includes(wrong),
				),
			).toBe(true);
		}
		const next = question(playbook, 'lead-stages/mql', 'next');
		const titles = (ids: string[]) =>
			ids.map((id) => playbook.entries['lead-stages'].get(id)!.data.title);
		expect(titles(mql.next)).toContain(next.answer);
		for (const wrong of next.choices.filter((c) => c !== next.answer))
			expect(titles(mql.next)).not.toContain(wrong);
	});

	test('an SLA commitment: its target, unit and period', () => {
		const sla = playbook.entries.slas.get('mql-follow-up')!.data;
		const [commitment] = sla.commitments;
		const q = question(playbook, 'slas/mql-follow-up', 'commitment-0');
		expect(q.question).toContain(commitment!.what);
		expect(q.answer).toBe(
			`${formatAmount(commitment!.target, commitment!.unit)} ${commitment!.period}`,
		);
		for (const wrong of q.choices.filter((c) => c !== q.answer))
			expect(wrong.endsWith(`${commitment!.period}`)).toBe(true);
	});

	test('a glossary term: its definition, and the word to use instead of those to avoid', () => {
		const acv = playbook.entries.glossary.get('acv')!.data;
		expect(question(playbook, 'glossary/acv', 'definition').answer).toBe(acv.definition);
		const avoid = question(playbook, 'glossary/acv', 'avoid');
		expect(avoid.answer).toBe(acv.title);
		expect(avoid.choices.filter((c) => c !== acv.title).sort()).toEqual([...acv.avoid].sort());
	});

	test('a metric: its target, with the direction that counts, and its formula', () => {
		const metric = playbook.entries.metrics.get('mql-to-sql-conversion')!.data;
		const target = question(playbook, 'metrics/mql-to-sql-conversion', 'target');
		expect(target.answer).toBe('at least 30 percent per quarter');
		expect(target.choices).toContain('at most 30 percent per quarter');
		expect(question(playbook, 'metrics/mql-to-sql-conversion', 'formula').answer).toBe(
			metric.formula,
		);
	});

	test('a persona: the answer to their first objection', () => {
		const persona = playbook.entries.personas.get('controller')!.data;
		const q = question(playbook, 'personas/controller', 'objection');
		expect(q.question).toContain(persona.objections[0]!.objection);
		expect(q.answer).toBe(persona.objections[0]!.response);
	});

	test('a changed threshold changes the question: the new number is the answer, the old one gone', () => {
		const moved = withChange('lead-stages', 'mql', (data) => ({ ...data, score_threshold: 120 }));
		const q = question(moved, 'lead-stages/mql', 'threshold');
		expect(q.answer).toBe('120 points');
		expect(JSON.stringify(q)).not.toContain('100');
		const before = trackSteps(playbook, playbook.entries.tracks.get('sdr')!).steps;
		const after = trackSteps(moved, moved.entries.tracks.get('sdr')!).steps;
		const version = (steps: typeof before) =>
			steps.find((s) => s.key === 'lead-stages/mql')!.version;
		// A pass of the old questions no longer counts for the new ones.
		expect(version(after)).not.toBe(version(before));
		expect(questionsVersion([])).toBe(questionsVersion([]));
	});

	test('no question when the playbook offers nothing wrong to choose', () => {
		const alone = createPlaybook([
			...[...playbook.entries.team.values()],
			{
				...playbook.entries.glossary.get('acv')!,
				data: { ...playbook.entries.glossary.get('acv')!.data, avoid: [] },
			},
		]);
		expect(generatedQuestions(alone, 'glossary', alone.entries.glossary.get('acv')!)).toEqual([]);
	});

	test('wrong numbers sit near the right one, never past a unit’s ceiling', () => {
		expect(nearbyNumbers(100)).toEqual([200, 50, 150, 101, 300]);
		expect(nearbyNumbers(1)).toEqual([2, 3]);
		expect(nearbyNumbers(90, 100)).toEqual([45, 91]);
		expect(nearbyNumbers(1.6)).toEqual([3.2, 0.8, 2.4, 2.1, 4.8]);
		expect(nearbyNumbers(0)).toEqual([1, 2, 5]);
	});

	test('amounts read as said: one business day, 2 business hours, dollars', () => {
		expect(formatAmount(1, 'business days')).toBe('1 business day');
		expect(formatAmount(2, 'business hours')).toBe('2 business hours');
		expect(formatAmount(1, 'percent')).toBe('1 percent');
		expect(formatAmount(2_400_000, 'USD')).toBe('$2,400,000');
		expect(formatAmount(1, 'MQLs')).toBe('1 MQL');
	});
});

describe('progress on knowledge checks', () => {
	const store = new Map<string, string>();
	const storage = {
		getItem: (k: string) => store.get(k) ?? null,
		setItem: (k: string, v: string) => void store.set(k, v),
	};
	test('a pass is kept with the version of the questions passed', () => {
		writePassed(storage, 'sdr', new Map([['lead-stages/mql', 'abc']]));
		expect(readPassed(storage, 'sdr')).toEqual(new Map([['lead-stages/mql', 'abc']]));
		store.set('playbook:track:sdr:passed', '["no-version", 3, "x#y"]');
		expect(readPassed(storage, 'sdr')).toEqual(new Map([['x', 'y']]));
		store.set('playbook:track:sdr:passed', 'garbage');
		expect(readPassed(storage, 'sdr').size).toBe(0);
	});
	test('says what is read and passed, in words', () => {
		expect(progressSummary(3, 11)).toBe('3 of 11 steps done.');
		expect(progressSummary(3, 11, 2, 9)).toBe(
			'3 of 11 steps done. Check passed on 2 of the 9 steps that have one.',
		);
		expect(progressSummary(3, 11, 2, 11)).toBe(
			'3 of 11 steps done. Check passed on 2 of 11 steps.',
		);
		expect(progressSummary(11, 11, 9, 9)).toBe(
			'All 11 steps done. Check passed on all 9 steps that have one.',
		);
		expect(progressSummary(11, 11, 11, 11)).toBe('All 11 steps done. Check passed on every step.');
		expect(progressSummary(2, 3, 0, 1)).toBe(
			'2 of 3 steps done. Check passed on 0 of the 1 step that has one.',
		);
		expect(checkSummary(3, 3)).toBe('All 3 right: check passed.');
		expect(checkSummary(1, 1)).toBe('Right: check passed.');
		expect(checkSummary(1, 3)).toMatch(/^1 of 3 right\. .*try again\.$/);
	});
});

describe('call plans', () => {
	test('one per persona and buyer stage, at /prep/<persona>/<stage>/', () => {
		const pairs = callPlanPairs(playbook);
		expect(pairs.length).toBe(
			playbook.entries.personas.size * playbook.entries['buyer-stages'].size,
		);
		expect(callPlanPath('controller', 'consideration')).toBe('/prep/controller/consideration/');
	});

	test('hold the content for that persona and stage, and the SLAs sales owes on leads', () => {
		const plan = callPlan(playbook, 'controller', 'consideration');
		for (const item of plan.content) {
			expect(item.data.stages).toContain('consideration');
			expect(item.data.personas.length === 0 || item.data.personas.includes('controller')).toBe(
				true,
			);
		}
		const expected = [...playbook.entries.library.values()].filter(
			(item) =>
				item.data.stages.includes('consideration') &&
				(item.data.personas.length === 0 || item.data.personas.includes('controller')),
		);
		expect(plan.content.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
		expect(plan.slas.map((s) => s.id).sort()).toEqual(
			['mql-acceptance', 'mql-follow-up', 'rejection-feedback', 'sql-handoff'].sort(),
		);
		expect(plan.missing).toEqual([]);
	});

	test('an empty pair says what is missing', () => {
		const bare = withChange('personas', 'it-director', (data) => ({
			...data,
			objections: [],
			quotes: [],
		}));
		const noContent = createPlaybook(
			Object.values(bare.entries)
				.flatMap((byId) => [...byId.values()])
				.filter((entry) => entry.collection !== 'library'),
		);
		expect(callPlan(noContent, 'it-director', 'awareness').missing).toEqual([
			'content for Director of IT at Awareness',
			'objections Director of IT raises, with responses',
			'quotes heard from Director of IT',
		]);
	});

	test('the finder offers one when exactly one persona and one stage are chosen', () => {
		const state = (persona: string[], stage: string[]): FinderState => ({
			query: '',
			selected: { persona, stage, format: [], use: [] },
		});
		const pattern = '/base/prep/{persona}/{stage}/';
		expect(callPlanHref(state(['controller'], ['decision']), pattern)).toBe(
			'/base/prep/controller/decision/',
		);
		expect(callPlanHref(state(['controller', 'cfo'], ['decision']), pattern)).toBeUndefined();
		expect(callPlanHref(state(['controller'], []), pattern)).toBeUndefined();
	});
});

describe("Astro's content cache", () => {
	test('is dropped when the schemas change, so new keys and defaults reach every entry', () => {
		const cache = mkdtempSync(join(tmpdir(), 'playbook-cache-'));
		made.push(cache);
		const content = MINIMAL;
		const store = join(cache, 'data-store.json');
		const seed = () => writeFileSync(store, '{}');
		expect(dropStaleContentCache(content, cache, 'one')).toBeUndefined();
		seed();
		expect(dropStaleContentCache(content, cache, 'one')).toBeUndefined();
		expect(existsSync(store)).toBe(true);
		expect(dropStaleContentCache(content, cache, 'two')).toBe('schemas');
		expect(existsSync(store)).toBe(false);
		// A record written before the schemas were part of it counts as a change once.
		mkdirSync(cache, { recursive: true });
		writeFileSync(join(cache, 'playbook-entry-files.json'), JSON.stringify({}));
		seed();
		expect(dropStaleContentCache(content, cache, 'two')).toBe('schemas');
		expect(readFileSync(join(cache, 'playbook-entry-files.json'), 'utf8')).toContain('"two"');
		expect(schemaDigest()).toMatch(/^[0-9a-f]{64}$/);
	});
});
