import { describe, expect, test } from 'vitest';
import { scaffold } from '../../../src/cli/scaffold.ts';
import { parseEntryText } from '../../../src/checks/read/frontmatter.ts';
import { isRealDate } from '../../../src/schemas/fields.ts';
import {
	PAGE_COLLECTIONS,
	COLLECTIONS,
	LibraryItemSchema,
	SlaSchema,
	TeamSchema,
} from '../../../src/schemas/index.ts';

const item = {
	title: 'Case study',
	summary: 'A customer story.',
	owners: ['s', 'm'],
	status: 'approved',
	reviewed: '2026-10-01',
	stages: ['decision'],
	format: 'case-study',
	use: 'sales',
};

describe('schemas hold the exact shapes of the content contract', () => {
	test('a valid library item passes, with defaults applied', () => {
		expect(LibraryItemSchema.parse(item)).toMatchObject({ personas: [], review_every: 6 });
	});
	test.each([
		['an unknown key', { ...item, colour: 'red' }],
		['a wrong type', { ...item, stages: 'decision' }],
		['a bad enum', { ...item, format: 'podcast' }],
		['an impossible date', { ...item, reviewed: '2026-02-30' }],
		['a date in another format', { ...item, reviewed: '01/10/2026' }],
		['a javascript: URL', { ...item, url: 'javascript:alert(1)' }],
		['a data: URL', { ...item, url: 'data:text/html,<script>alert(1)</script>' }],
		['a relative URL', { ...item, url: '/assets/file.pdf' }],
		['no stages', { ...item, stages: [] }],
		['a whitespace title', { ...item, title: '  ' }],
		['a review interval of zero', { ...item, review_every: 0 }],
	])('rejects %s', (_, data) => {
		expect(LibraryItemSchema.safeParse(data).success).toBe(false);
	});
	test('dates parsed by Astro as Date objects come back as the same day', () => {
		expect(
			LibraryItemSchema.parse({ ...item, reviewed: new Date('2026-10-01T00:00:00Z') }).reviewed,
		).toBe('2026-10-01');
	});
	test('real dates', () => {
		expect(['2026-02-28', '2028-02-29', '2026-12-31'].every(isRealDate)).toBe(true);
		expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-1', ''].some(isRealDate)).toBe(false);
	});
	test('SLA targets must be above zero', () => {
		const sla = {
			...item,
			from: 'marketing',
			to: 'sales',
			commitments: [{ what: 'MQLs', target: 0, unit: 'MQLs', period: 'per month' }],
			measured_in: 'CRM',
			escalation: 'Meeting.',
		};
		delete (sla as Record<string, unknown>).stages;
		delete (sla as Record<string, unknown>).format;
		delete (sla as Record<string, unknown>).use;
		expect(SlaSchema.safeParse(sla).success).toBe(false);
		sla.commitments[0]!.target = 420;
		expect(SlaSchema.safeParse(sla).success).toBe(true);
	});
	test('a team member needs a department from the list', () => {
		expect(TeamSchema.safeParse({ name: 'A', title: 'B', department: 'finance' }).success).toBe(
			false,
		);
		expect(
			TeamSchema.safeParse({ name: 'A', title: 'B', department: 'executive', github: '@a' })
				.success,
		).toBe(false);
	});
	test('YAML dates stay text, so the checker sees the day as written', () => {
		const parsed = parseEntryText('---\nreviewed: 2026-02-30\n---\n', 'markdown');
		expect(parsed).toMatchObject({ ok: true, data: { reviewed: '2026-02-30' } });
	});
});

describe('npm run new writes a draft that passes its schema', () => {
	test.each(PAGE_COLLECTIONS)('%s', (collection) => {
		const text = scaffold(collection, 'new-thing', {
			today: '2026-11-24',
			owners: ['s', 'm'],
			ownerHint: 's (sales), m (marketing)',
			firstBuyerStage: 'awareness',
		});
		const parsed = parseEntryText(text, collection === 'team' ? 'yaml' : 'markdown');
		if (!parsed.ok) throw new Error(parsed.message);
		const result = COLLECTIONS[collection].schema.safeParse(parsed.data);
		expect(result.error?.issues ?? []).toEqual([]);
		if (COLLECTIONS[collection].kind === 'definition')
			expect(parsed.data).toMatchObject({ status: 'draft', reviewed: '2026-11-24' });
	});
});
