import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../../src/checks/read/read-content.ts';
import {
	commitmentDirection,
	commitmentKept,
	conversion,
	conversionMetric,
	lastTwelveMonths,
	mainPath,
} from '../../../src/model/results-sections.ts';
import { ROOT } from '../../support/sites.ts';

const { playbook } = readContent(join(ROOT, 'content'));

describe('which way an SLA commitment is kept', () => {
	test('every commitment of the example, by its meaning', () => {
		const directions = [...playbook.entries.slas.values()].flatMap((sla) =>
			sla.data.commitments.map((c) => [sla.id, c.what, commitmentDirection(c)]),
		);
		expect(directions).toEqual([
			['mql-acceptance', 'MQLs accepted or rejected after it reaches the queue', 'lower'],
			['mql-acceptance', 'MQLs left neither accepted nor rejected', 'lower'],
			['mql-follow-up', 'First contact attempt on a new MQL', 'lower'],
			['mql-follow-up', 'Contact attempts before a lead may be recycled', 'higher'],
			['mql-follow-up', 'MQLs with a first attempt inside the window', 'higher'],
			['mql-volume', 'MQLs delivered to the SDR team', 'higher'],
			['mql-volume', 'Share of MQLs from tier 1 ICP accounts', 'higher'],
			['mql-volume', 'MQL to SAL acceptance rate', 'higher'],
			['rejection-feedback', 'Rejected leads with a reason from the agreed list', 'higher'],
			['rejection-feedback', 'Time to record the reason after rejecting', 'lower'],
			['sql-handoff', 'First meeting booked after an SQL is handed over', 'lower'],
			['sql-handoff', 'SQLs converted to SAO', 'higher'],
		]);
	});

	test('a time is kept at or under, anything else at or over, unless better says otherwise', () => {
		const within = { target: 2, unit: 'business hours' };
		expect(commitmentKept(within, 2)).toBe(true);
		expect(commitmentKept(within, 2.1)).toBe(false);
		expect(commitmentKept(within, 0.5)).toBe(true);
		const atLeast = { target: 95, unit: 'percent' };
		expect(commitmentKept(atLeast, 95)).toBe(true);
		expect(commitmentKept(atLeast, 94.9)).toBe(false);
		const atMost = { target: 2, unit: 'percent', better: 'lower' as const };
		expect(commitmentKept(atMost, 1.5)).toBe(true);
		expect(commitmentKept(atMost, 3)).toBe(false);
		expect(commitmentDirection({ unit: 'minutes', better: 'higher' })).toBe('higher');
		expect(commitmentDirection({ unit: 'attempts' })).toBe('higher');
		expect(commitmentDirection({ unit: 'weeks' })).toBe('lower');
	});
});

describe('the funnel along the main path', () => {
	test('from the entry stage, each step to the next stage with the lowest order above', () => {
		expect(mainPath(playbook).map((stage) => stage.id)).toEqual([
			'inquiry',
			'mql',
			'sal',
			'sql',
			'sao',
			'closed-won',
		]);
	});

	test('conversion is a percent to a tenth, and no data without both counts or from zero', () => {
		expect(conversion(612, 386)).toBe(63.1);
		expect(conversion(undefined, 386)).toBeUndefined();
		expect(conversion(612, undefined)).toBeUndefined();
		expect(conversion(0, 0)).toBeUndefined();
		expect(conversion(10, 0)).toBe(0);
	});

	test('a conversion metric names exactly the two stages, in order', () => {
		expect(conversionMetric(playbook, 'mql', 'sal')?.id).toBe('mql-to-sal-acceptance');
		expect(conversionMetric(playbook, 'mql', 'sql')?.id).toBe('mql-to-sql-conversion');
		expect(conversionMetric(playbook, 'sal', 'mql')).toBeUndefined();
		// SLA attainment spans MQL, SAL and SQL: not a conversion.
		expect(conversionMetric(playbook, 'sql', 'closed-won')).toBeUndefined();
	});

	test('the twelve months end with the latest month on record', () => {
		const months = lastTwelveMonths(playbook);
		expect(months).toHaveLength(12);
		expect(months[0]).toBe('2025-12');
		expect(months.at(-1)).toBe('2026-11');
	});
});
