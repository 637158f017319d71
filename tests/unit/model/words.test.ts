import { describe, expect, test } from 'vitest';
import {
	countOf,
	dueInWords,
	fieldLabel,
	formatAmount,
	formatDate,
	kindInSentence,
	coverageInWords,
	monthName,
	placeInWords,
	readerValue,
} from '../../../src/model/words.ts';
import { join } from 'node:path';
import { readContent } from '../../../src/checks/read/read-content.ts';
import { changeInWords } from '../../../src/site/changes.ts';
import { ROOT } from '../../support/sites.ts';

describe('the one formatter for what a reader sees', () => {
	test('amounts: one loses the plural, dollars lead, thousands are grouped', () => {
		expect(formatAmount(1, 'business days')).toBe('1 business day');
		expect(formatAmount(1, 'business hours')).toBe('1 business hour');
		expect(formatAmount(2, 'business hours')).toBe('2 business hours');
		expect(formatAmount(2_400_000, 'USD')).toBe('$2,400,000');
		expect(formatAmount(1, 'percent')).toBe('1 percent');
	});
	test('counts and dates', () => {
		expect(countOf(1, 'day')).toBe('1 day');
		expect(countOf(0, 'day')).toBe('0 days');
		expect(countOf(2, 'person', 'people')).toBe('2 people');
		expect(countOf(1200, 'item')).toBe('1,200 items');
		expect(formatDate('2026-12-02')).toBe('December 2, 2026');
		expect(formatDate('not a date')).toBe('not a date');
		expect(monthName('2026-11')).toBe('November 2026');
		expect(dueInWords(-1)).toBe('overdue by 1 day');
		expect(dueInWords(12)).toBe('in 12 days');
	});
	test('field names, values and kinds in words', () => {
		expect(fieldLabel('review_every')).toBe('Review every (months)');
		expect(fieldLabel('score_threshold')).toBe('Lead score threshold');
		expect(fieldLabel('commitments[0].target')).toBe('Commitments › item 1 › target');
		expect(fieldLabel('firmographics.annual_revenue_usd.min')).toBe(
			'Firmographics › annual revenue (USD) › at least',
		);
		expect(fieldLabel('lead_stage')).toBe('Lead stage');
		expect(readerValue('2026-10-01')).toBe('October 1, 2026');
		expect(readerValue('revenue-operations')).toBe('Revenue operations');
		expect(readerValue('120')).toBe('120');
		expect(kindInSentence('slas')).toBe('SLA');
		expect(kindInSentence('icp')).toBe('ICP tier');
		expect(kindInSentence('lead-stages')).toBe('lead stage');
	});
	test('a place in a list and the coverage, counted as a reader counts', () => {
		expect(placeInWords(2, 9, 'stage')).toBe('Stage 2 of 9');
		expect(coverageInWords(0, 16)).toBe('Every persona has content at every buyer stage.');
		expect(coverageInWords(3, 16)).toBe('3 of 16 persona and buyer stage pairs have no content.');
		expect(coverageInWords(1, 16)).toBe('1 of 16 persona and buyer stage pairs has no content.');
		expect(coverageInWords(4, 4)).toBe('No persona has content at any buyer stage yet.');
		expect(coverageInWords(0, 0)).toBe('There are no personas or buyer stages to cover yet.');
	});
	test('a changed reference names the entries by their titles, and people by their names', () => {
		const { playbook } = readContent(join(ROOT, 'content'));
		expect(
			changeInWords(playbook, 'slas', { field: 'lead_stage', before: 'sal', after: 'mql' }),
		).toBe('Lead stage: Sales Accepted Lead → Marketing Qualified Lead');
		expect(
			changeInWords(playbook, 'personas', {
				field: 'owners',
				added: ['dana-whitfield'],
				removed: ['gone-person'],
			}),
		).toBe('Owners: + Dana Whitfield, − gone-person');
		expect(changeInWords(playbook, 'slas', { field: 'escalation', before: 'a', after: 'b' })).toBe(
			'Escalation: a → b',
		);
	});
});
