import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readContent } from '../../src/checks/read/read-content.ts';
import { coverage, coverageGaps } from '../../src/model/coverage.ts';
import type { Entry } from '../../src/model/playbook.ts';
import { isRecommended, listingMark, recommended } from '../../src/model/recommend.ts';
import {
	libraryByPersonaForStage,
	libraryByStageForPersona,
	sameStageItems,
} from '../../src/model/views.ts';
import { callPlan } from '../../src/site/call-plan.ts';
import { finderOptions } from '../../src/site/finder-options.ts';
import { searchFacets } from '../../src/site/search-facets.ts';
import { useBuildTurn } from '../support/helpers.ts';
import { buildSite } from '../support/sites.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The minimal playbook with one deprecated item (for everyone) and one draft (for the controller), both at decision. */
function writePlaybook(): string {
	const root = mkdtempSync(join(tmpdir(), 'playbook-recommend-'));
	cpSync(join(FIXTURES, 'minimal'), join(root, 'content'), { recursive: true });
	cpSync(join(FIXTURES, 'deprecated-and-draft'), join(root, 'content'), { recursive: true });
	return root;
}

const root = writePlaybook();
const made = [root];
afterAll(() => {
	for (const folder of made) rmSync(folder, { recursive: true, force: true });
});
const { playbook, problems } = readContent(join(root, 'content'));
const item = (id: string) => playbook.entries.library.get(id)!;
const ids = (items: readonly Entry<'library'>[]) => items.map((i) => i.id).sort();

describe('the one rule for what the playbook recommends', () => {
	const withStatus = (status: 'draft' | 'approved' | 'deprecated') =>
		({ data: { ...item('roi-case').data, status } }) as Entry<'library'>;

	test('a deprecated item is never recommended; drafts and approved items are', () => {
		expect(isRecommended(withStatus('deprecated'))).toBe(false);
		expect(isRecommended(withStatus('draft'))).toBe(true);
		expect(isRecommended(withStatus('approved'))).toBe(true);
		expect(
			recommended([withStatus('approved'), withStatus('deprecated'), withStatus('draft')]).map(
				(i) => i.data.status,
			),
		).toEqual(['approved', 'draft']);
	});

	test('only a draft is marked where it is listed', () => {
		expect(listingMark(withStatus('draft'))).toBe('draft');
		expect(listingMark(withStatus('approved'))).toBeUndefined();
	});
});

describe('every list that suggests content follows it', () => {
	test('the fixture is a valid playbook', () => {
		expect(problems).toEqual([]);
		expect(item('retired-deck').data.status).toBe('deprecated');
		expect(item('savings-calculator').data.status).toBe('draft');
	});

	test('call plans', () => {
		expect(ids(callPlan(playbook, 'controller', 'decision').content)).toEqual([
			'roi-case',
			'savings-calculator',
		]);
		expect(ids(callPlan(playbook, 'cfo', 'decision').content)).toEqual(['roi-case']);
	});

	test('a persona by stage, a stage by persona, and the same stage', () => {
		const decision = libraryByStageForPersona(playbook, 'cfo').find(
			(group) => group.group.id === 'decision',
		)!;
		expect(ids(decision.items)).toEqual(['roi-case']);
		const byPersona = libraryByPersonaForStage(playbook, 'decision').flatMap((g) => g.items);
		expect(ids([...new Set(byPersona)])).toEqual(['roi-case', 'savings-calculator']);
		expect(ids(sameStageItems(playbook, item('roi-case')))).toEqual(['savings-calculator']);
	});

	test('coverage counts and gaps', () => {
		const cells = coverage(playbook).rows.flat();
		const cell = (persona: string, stage: string) =>
			cells.find((c) => c.persona.id === persona && c.stage.id === stage)!;
		expect(ids(cell('cfo', 'decision').items)).toEqual(['roi-case']);
		// A retired item for everyone fills no gap, in the page's counts or in the checker's.
		const other = writePlaybook();
		made.push(other);
		rmSync(join(other, 'content', 'library', 'roi-case.mdx'));
		const without = readContent(join(other, 'content')).playbook;
		const gaps = coverageGaps(without).map((gap) => `${gap.persona.id} ${gap.stage.id}`);
		expect(gaps).toContain('cfo decision');
		expect(coverage(without).gaps.map((gap) => `${gap.persona.id} ${gap.stage.id}`)).toEqual(
			expect.arrayContaining(['cfo decision']),
		);
	});

	test('the finder: no retired item among library items, a draft says so', () => {
		expect(searchFacets(playbook, item('retired-deck')).filters.kind).toBeUndefined();
		expect(searchFacets(playbook, item('savings-calculator')).meta.status).toBe('Draft');
		expect(finderOptions(playbook).format.map((f) => f.value)).not.toContain('deck');
	});
});

describe('the built pages', () => {
	useBuildTurn();
	const out = join(root, 'site');
	beforeAll(() => {
		const { code, output } = buildSite(join(root, 'content'), out);
		if (code !== 0) throw new Error(`The build failed:\n${output}`);
	}, 240_000);
	const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
	/** The list item that links to a library item, as HTML. */
	const listed = (html: string, id: string) =>
		new RegExp(`<li[^>]*>(?:(?!</li>).)*?href="/library/${id}/"(?:(?!</li>).)*</li>`, 's').exec(
			html,
		)?.[0];

	test.each([
		'prep/controller/decision',
		'prep/cfo/decision',
		'buyer-stages/decision',
		'personas/controller',
		'personas/cfo',
		'library/roi-case',
	])('/%s/ suggests no retired item and marks the draft', (path) => {
		const html = page(path);
		expect(html).not.toContain('href="/library/retired-deck/"');
		expect(html).not.toContain('Retired pricing deck');
		const draft = listed(html, 'savings-calculator');
		if (path.includes('cfo')) expect(draft).toBeUndefined();
		else expect(draft).toMatch(/class="pb-badge pb-status" data-value="draft">Draft</);
		const approved = listed(html, 'roi-case');
		if (approved) expect(approved).not.toContain('data-value="draft"');
	});

	test('coverage counts neither the retired item nor lists it', () => {
		const html = page('coverage');
		expect(html).toContain('aria-label="1 item for CFO at Decision"');
		expect(html).not.toContain('Retired pricing deck');
		expect(html).toMatch(/Savings calculator<\/a>\s*\(draft\)/);
	});

	test('the retired item keeps its own page, which says it is retired', () => {
		expect(page('library/retired-deck')).toContain('Deprecated: no longer in use');
	});

	test('the Markdown copies say plainly which entry is deprecated and which is a draft', () => {
		const copy = (path: string) => readFileSync(join(out, path), 'utf8');
		expect(copy('library/retired-deck/index.html.md')).toContain(
			'- Status: **Deprecated: no longer in use.**',
		);
		expect(copy('library/savings-calculator/index.html.md')).toContain(
			'- Status: **Draft: under discussion.**',
		);
		for (const list of ['library/index.html.md', 'library/llms.txt', 'llms.txt']) {
			expect(copy(list), list).toMatch(/\[Retired pricing deck\]\([^)]+\): Deprecated: no longer/);
			expect(copy(list), list).toMatch(/\[Savings calculator\]\([^)]+\): Draft: under discussion/);
		}
	});
});
