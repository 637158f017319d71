import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { readContent } from '../../src/checks/read/read-content.ts';
import { monthsEnding } from '../../src/model/results.ts';
import { commitmentKept } from '../../src/model/results-sections.ts';
import { formatAmount, monthName } from '../../src/model/words.ts';
import { ROOT } from '../support/sites.ts';
import { exampleMonthFile } from '../support/example-results.ts';

/**
 * The meeting page's SLA scorecard, rejection reasons and funnel, and the SLA, lead stage and
 * review pages, read back from the built example: every number on them is the one in the
 * results files, and a month without data says so.
 */
const example = readContent(join(ROOT, 'content')).playbook;
const months = monthsEnding('2026-11', 12);
const file = exampleMonthFile;

const page = (path: string) =>
	readFileSync(join(inject('sites').example, path, 'index.html'), 'utf8');
/** The text of some HTML, as a reader sees it: tags gone, entities read, spaces collapsed. */
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
const between = (html: string, from: string, to: string) =>
	html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
const desc = (svg: string) => text(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)![1]!);

describe('the meeting page closes the loop', () => {
	const html = page('meeting');

	test('the SLA scorecard: each commitment against its target in November, in words and marks', () => {
		const scorecard = between(html, 'id="scorecard"', 'id="rejections"');
		for (const sla of example.entries.slas.values())
			sla.data.commitments.forEach((commitment, index) => {
				const row = new RegExp(
					`<tr[^>]*data-sla="${sla.id}"[^>]*data-commitment="${index}"[^>]*>([\\s\\S]*?)</tr>`,
				).exec(scorecard)![1]!;
				const november = file('2026-11').slas[sla.id]![index]!;
				const verdict = commitmentKept(commitment, november) ? 'Kept' : 'Missed';
				expect(text(row), `${sla.id}[${index}]`).toContain(
					`${formatAmount(november, commitment.unit)} ${verdict}`,
				);
				const marks = /<svg[^>]*data-marks[^>]*>[\s\S]*?<\/svg>/.exec(row)![0];
				const said = desc(marks);
				const drawn = [...marks.matchAll(/data-month="([^"]+)" data-verdict="([^"]+)"/g)];
				expect(drawn.map(([, month]) => month)).toEqual(months);
				for (const [, month, mark] of drawn) {
					const value = file(month!).slas[sla.id]?.[index] ?? undefined;
					if (value === undefined) {
						expect(mark).toBe('No data');
						expect(said).toContain(`${monthName(month!)}: no data`);
					} else {
						expect(mark).toBe(commitmentKept(commitment, value) ? 'Kept' : 'Missed');
						expect(said).toContain(
							`${monthName(month!)}: ${formatAmount(value, commitment.unit)}, ${mark!.toLowerCase()}`,
						);
					}
				}
			});
		// Not measured in December 2025: no data, never a zero that would read as missed.
		expect(
			/data-sla="rejection-feedback" data-commitment="1"[\s\S]*?data-month="2025-12" data-verdict="No data"/.test(
				scorecard,
			),
		).toBe(true);
		expect(text(scorecard)).toContain('at most 2 business hours per lead');
		expect(text(scorecard)).toContain('at least 95 percent per month');
	});

	test('why leads were rejected: November ranked, each against October, then the top reasons by month', () => {
		const section = between(html, 'id="rejections"', 'id="funnel"');
		const rows = [
			...section.matchAll(/<tr data-stage="([^"]+)" data-reason="([^"]+)">([\s\S]*?)<\/tr>/g),
		];
		const now = file('2026-11').rejections;
		const before = file('2026-10').rejections;
		expect(rows).toHaveLength(Object.values(now).flatMap(Object.keys).length);
		const counts = rows.map(([, stage, reason, cells]) => {
			const written = now[stage!]![text(reason!)]!;
			const previous = before[stage!]![text(reason!)]!;
			const change =
				written === previous
					? 'No change'
					: `${written > previous ? 'Up' : 'Down'} ${Math.abs(written - previous)} from ${previous}`;
			expect(text(cells!)).toContain(`${written} ${change}`);
			return written;
		});
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		const charts = [...section.matchAll(/<svg[^>]*data-chart="reason-\d"[\s\S]*?<\/svg>/g)];
		expect(charts).toHaveLength(3);
		for (const [svg] of charts) {
			const said = desc(svg);
			const [, stageTitle, reason] = /rejected from (.+?) for "(.+?)" by month/.exec(said)!;
			const stage = [...example.entries['lead-stages'].values()].find(
				(s) => s.data.title === stageTitle,
			)!;
			for (const month of months)
				expect(said).toContain(
					`${monthName(month)}: ${file(month).rejections[stage.id]![reason!]} leads`,
				);
		}
	});

	test('the funnel: leads into each stage of the main path, conversions and their targets', () => {
		const section = between(html, 'id="funnel"', 'id="metrics"');
		const stages = file('2026-11').stages;
		const said = desc(/<svg[^>]*data-chart="funnel"[\s\S]*?<\/svg>/.exec(section)![0]);
		expect(said).toBe(
			`Leads that entered each stage in November 2026. Inquiry: ${stages.inquiry!.toLocaleString('en')} leads; MQL: ${stages.mql} leads; SAL: ${stages.sal} leads; SQL: ${stages.sql} leads; SAO: ${stages.sao} leads; Closed Won: ${stages['closed-won']} leads.`,
		);
		const rate = (from: string, to: string) =>
			formatAmount(Math.round((stages[to]! / stages[from]!) * 1000) / 10, 'percent');
		const row = (from: string, to: string) =>
			text(new RegExp(`data-from="${from}" data-to="${to}">([\\s\\S]*?)</tr>`).exec(section)![1]!);
		expect(row('mql', 'sal')).toContain(`${rate('mql', 'sal')} MQL acceptance rate : Off target`);
		expect(row('mql', 'sql')).toContain(`${rate('mql', 'sql')} MQL to SQL conversion : Off target`);
		expect(row('sal', 'sql')).toContain(`${rate('sal', 'sql')} No metric names these stages`);
	});
});

describe('entry pages show the months too', () => {
	test('an SLA page: its commitments kept or missed, month by month', () => {
		const section = between(page('slas/mql-follow-up'), 'id="history"', '</main>');
		const [first] = example.entries.slas.get('mql-follow-up')!.data.commitments;
		const marks = /<svg[^>]*data-marks="marks-mql-follow-up-0"[\s\S]*?<\/svg>/.exec(section)![0];
		for (const month of months)
			expect(desc(marks)).toContain(
				`${monthName(month)}: ${formatAmount(file(month).slas['mql-follow-up']![0]!, first!.unit)}`,
			);
	});

	test('a lead stage page: its volume by month, where its leads went, its rejections by month', () => {
		const html = page('lead-stages/mql');
		const volume = desc(/<svg[^>]*data-chart="volume-mql"[\s\S]*?<\/svg>/.exec(html)![0]);
		for (const month of months)
			expect(volume).toContain(`${monthName(month)}: ${file(month).stages.mql} leads`);
		const stages = file('2026-11').stages;
		const went = text(between(html, 'Where its leads went', '</ul>'));
		expect(went).toContain(
			`${formatAmount(Math.round((stages.sal! / stages.mql!) * 1000) / 10, 'percent')} of this stage's leads`,
		);
		expect(went).toContain(`${stages.recycle} leads entered it, from this and other stages`);
		const table = text(between(html, 'id="rejections"', '</table>'));
		const reasons = example.entries['lead-stages'].get('mql')!.data.rejection_reasons!;
		for (const month of months)
			expect(table).toContain(
				`${monthName(month)} ${reasons.map((reason) => file(month).rejections.mql![reason]).join(' ')}`,
			);
	});

	test('the review page: the top rejection reasons of the last quarter', () => {
		const section = text(between(page('review'), 'id="rejections"', '</ol>'));
		const quarter = ['2026-09', '2026-10', '2026-11'];
		const total = (stage: string, reason: string) =>
			quarter.reduce((sum, month) => sum + file(month).rejections[stage]![reason]!, 0);
		expect(section).toContain(
			`No response after six attempts (SAL): ${total('sal', 'No response after six attempts')} leads from September 2026 to November 2026`,
		);
		expect(section).toContain(
			`Student or job seeker (MQL): ${total('mql', 'Student or job seeker')} leads`,
		);
	});
});
