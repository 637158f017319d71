import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../../src/checks/read/read-content.ts';
import type { Playbook } from '../../../src/model/playbook.ts';
import { monthsEnding } from '../../../src/model/results.ts';
import { funnel, stageFlow } from '../../../src/site/funnel.ts';
import { monthBars, labelledBars } from '../../../src/site/bar-charts.ts';
import {
	quarterReasons,
	rankedReasons,
	reasonChart,
	stageRejectionHistory,
	topReasons,
} from '../../../src/site/rejections.ts';
import { slaScorecard } from '../../../src/site/scorecard.ts';
import { ROOT } from '../../support/sites.ts';
import { exampleMonthFile, type MonthFile } from '../../support/example-results.ts';

const { playbook } = readContent(join(ROOT, 'content'));
const months = monthsEnding('2026-11', 12);

const file = exampleMonthFile;

/** The example with one month's data changed, everything else as it is. */
function withMonth(month: string, change: (data: MonthFile) => void): Playbook {
	const results = new Map(playbook.entries.results);
	const entry = results.get(month)!;
	const data = structuredClone(entry.data) as unknown as MonthFile;
	change(data);
	results.set(month, { ...entry, data: data as unknown as typeof entry.data });
	return { ...playbook, entries: { ...playbook.entries, results } };
}

describe('the SLA scorecard', () => {
	const rows = slaScorecard(playbook, [...playbook.entries.slas.values()], months);

	test('each commitment: its value each month is the one in the files, kept or missed by its direction', () => {
		expect(rows).toHaveLength(12);
		for (const row of rows)
			row.marks.forEach((mark, index) => {
				const written = file(months[index]!).slas[row.sla.id]?.[row.index] ?? undefined;
				expect(mark.value, `${row.sla.id}[${row.index}] ${mark.month}`).toBe(written);
			});
		const followUp = rows.find((row) => row.sla.id === 'mql-follow-up' && row.index === 0)!;
		expect(followUp.target).toBe('at most 2 business hours per lead');
		expect(followUp.valueText).toBe('2.8 business hours');
		expect(followUp.verdict).toBe('Missed');
		// Round-robin routing in June: under two hours for the first time, until the SDR gap.
		expect(followUp.marks.map((mark) => mark.mark).join('')).toBe('✗✗✗✗✗✗✓✓✗✓✓✗');
		const window = rows.find((row) => row.sla.id === 'mql-follow-up' && row.index === 2)!;
		expect(window.target).toBe('at least 95 percent per month');
		expect(window.marks.map((mark) => mark.verdict).slice(6, 8)).toEqual(['Kept', 'Kept']);
		const unworked = rows.find((row) => row.sla.id === 'mql-acceptance' && row.index === 1)!;
		expect(unworked.target).toBe('at most 2 percent per week');
		expect(unworked.marks.at(-2)).toMatchObject({ value: 1.2, verdict: 'Kept' });
	});

	test('a month not measured is no data, in the row, the marks and the words, never zero', () => {
		const record = rows.find((row) => row.sla.id === 'rejection-feedback' && row.index === 1)!;
		expect(record.marks[0]).toMatchObject({
			month: '2025-12',
			value: undefined,
			verdict: 'No data',
			mark: '–',
		});
		expect(record.description).toContain('December 2025: no data;');
		expect(record.description).toContain('kept 5 of 11 measured months');
		const empty = withMonth('2026-11', (data) => {
			data.slas['sql-handoff'] = [null, 0];
		});
		const [meeting, rate] = slaScorecard(empty, [empty.entries.slas.get('sql-handoff')!], months);
		expect(meeting).toMatchObject({ valueText: 'no data', verdict: 'No data' });
		expect(rate).toMatchObject({ valueText: '0 percent', verdict: 'Missed' });
	});
});

describe('why leads were rejected', () => {
	test('the month ranked, each count and the month before as the files have them', () => {
		const ranked = rankedReasons(playbook, '2026-11');
		const now = file('2026-11').rejections;
		const before = file('2026-10').rejections;
		expect(ranked).toHaveLength(8);
		for (const row of ranked) {
			expect(row.count).toBe(now[row.stage.id]![row.reason]);
			expect(row.previous).toBe(before[row.stage.id]![row.reason]);
		}
		expect(ranked.map((row) => row.count)).toEqual(
			[...ranked.map((row) => row.count)].sort((a, b) => b - a),
		);
		const students = ranked.find((row) => row.reason === 'Student or job seeker')!;
		// The webinar push brought students and job seekers in.
		expect(students.change).toBe(
			`Up ${now.mql!['Student or job seeker']! - before.mql!['Student or job seeker']!} from ${before.mql!['Student or job seeker']}`,
		);
	});

	test('no counts the month before is said, not taken as zero', () => {
		const gap = withMonth('2026-10', (data) => {
			delete (data as Partial<MonthFile>).rejections;
		});
		const ranked = rankedReasons(gap, '2026-11');
		expect(ranked.every((row) => row.previous === undefined)).toBe(true);
		expect(ranked[0]!.change).toBe('No data the month before');
		const chart = reasonChart(gap, ranked[0]!, months);
		expect(chart.description).toContain('October 2026: no data;');
		expect(chart.bars[10]).toMatchObject({ value: undefined, text: 'no data', height: 0 });
	});

	test('the top reasons over the months are the summed counts of the files', () => {
		const top = topReasons(playbook, months, 3);
		for (const reason of top)
			expect(reason.count).toBe(
				months.reduce(
					(sum, month) => sum + (file(month).rejections[reason.stage.id]?.[reason.reason] ?? 0),
					0,
				),
			);
		const chart = reasonChart(playbook, top[0]!, months);
		for (const month of months)
			expect(chart.description).toContain(
				`: ${file(month).rejections[top[0]!.stage.id]![top[0]!.reason]} leads`,
			);
		const quarter = quarterReasons(playbook);
		expect(quarter.months).toEqual(['2026-09', '2026-10', '2026-11']);
		expect(quarter.reasons).toHaveLength(5);
	});

	test("a stage's rejections month by month, one column per reason it lists", () => {
		const mql = playbook.entries['lead-stages'].get('mql')!;
		const history = stageRejectionHistory(playbook, mql, months);
		expect(history.reasons).toEqual(mql.data.rejection_reasons);
		history.rows.forEach((row) =>
			expect(row.counts).toEqual(
				history.reasons.map((reason) => file(row.month).rejections.mql![reason]),
			),
		);
	});
});

describe('the funnel', () => {
	test('counts along the main path and the conversion between them, from the files', () => {
		const november = funnel(playbook, '2026-11');
		const stages = file('2026-11').stages;
		expect(november.steps.map((step) => [step.stage.id, step.count])).toEqual(
			['inquiry', 'mql', 'sal', 'sql', 'sao', 'closed-won'].map((id) => [id, stages[id]]),
		);
		const [, toSal] = november.conversions;
		expect(toSal!.rate).toBe(Math.round((stages.sal! / stages.mql!) * 1000) / 10);
		expect(toSal!.metric?.id).toBe('mql-to-sal-acceptance');
		expect(toSal!.againstTarget).toBe('Off target (at least 65 percent per month)');
		expect(november.spans.map((span) => [span.from.id, span.to.id, span.metric?.id])).toEqual([
			['mql', 'sql', 'mql-to-sql-conversion'],
		]);
		for (const step of november.steps)
			expect(november.chart.description).toContain(`: ${step.count!.toLocaleString('en')} leads`);
		expect(funnel(playbook, '2026-10').conversions[1]!.againstTarget).toMatch(/^On target/);
	});

	test('a stage with no count is no data, and so is every conversion that needs it', () => {
		const gap = funnel(
			withMonth('2026-11', (data) => {
				delete data.stages.sal;
				data.stages.sao = 0;
			}),
			'2026-11',
		);
		expect(gap.steps[2]).toMatchObject({ count: undefined });
		expect(gap.conversions[1]).toMatchObject({ rate: undefined, againstTarget: undefined });
		expect(gap.conversions[2]!.rate).toBeUndefined();
		expect(gap.conversions[3]!.rate).toBe(0);
		expect(gap.chart.description).toContain('SAL: no data; SQL');
		expect(gap.chart.description).toContain('SAO: 0 leads');
	});

	test("a stage's volume by month, and where its leads went", () => {
		const mql = playbook.entries['lead-stages'].get('mql')!;
		const flow = stageFlow(playbook, mql, months);
		expect(flow.volume.bars.map((bar) => bar.value)).toEqual(
			months.map((month) => file(month).stages.mql),
		);
		const stages = file('2026-11').stages;
		expect(flow.next.map((next) => [next.stage.id, next.rate, next.shared])).toEqual([
			['sal', Math.round((stages.sal! / stages.mql!) * 1000) / 10, false],
			// Recycle and Disqualified take leads from several stages: a count, not a rate.
			['recycle', undefined, true],
			['disqualified', undefined, true],
		]);
	});
});

describe('bar charts', () => {
	test('no bar for no data, a bar of nothing for zero, the tallest bar the largest count', () => {
		const chart = monthBars('Leads', [
			{ month: '2026-01', value: 0 },
			{ month: '2026-02', value: undefined },
			{ month: '2026-03', value: 40 },
		]);
		expect(chart.bars.map((bar) => [bar.label, bar.text, bar.height > 0])).toEqual([
			['Jan', '0', false],
			['Feb', 'no data', false],
			['Mar', '40', true],
		]);
		expect(chart.description).toBe(
			'Leads by month. January 2026: 0 leads; February 2026: no data; March 2026: 40 leads.',
		);
		const rows = labelledBars('Stages', [
			{ label: 'MQL', value: 10 },
			{ label: 'SAL', value: 5 },
		]);
		expect(rows.bars[0]!.width).toBe(2 * rows.bars[1]!.width);
	});
});
