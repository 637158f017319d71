import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { readContent } from '../../src/checks/read/read-content.ts';
import { parseCsv } from '../../src/model/csv.ts';
import { formatAmount, monthName } from '../../src/model/words.ts';
import {
	latestResults,
	meetsTarget,
	metricHistory,
	monthBefore,
	monthsFrom,
} from '../../src/model/results.ts';
import { parseValue, resultsFromCsv } from '../../src/model/results-import.ts';
import { changeInWords, targetInWords, trendChart, trendMonths } from '../../src/site/results.ts';
import { check, lines, MINIMAL, playbookWith, TODAY } from '../support/helpers.ts';
import { ROOT } from '../support/sites.ts';

const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');
const example = readContent(join(ROOT, 'content')).playbook;
const minimal = readContent(MINIMAL).playbook;

function results(args: string[], cwd: string) {
	const run = spawnSync(process.execPath, [CLI, 'results', ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, PLAYBOOK_TODAY: TODAY },
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('CSV as CRMs export it', () => {
	test('a byte-order mark, CRLF, quoted commas, doubled quotes and line breaks in quotes', () => {
		const rows = parseCsv(
			'\uFEFFMetric,Value,Comment\r\n"Pipeline, sourced","$2,440,000","She said ""ok""\r\nthen left"\r\n\r\nmql,27.5,\r\n',
		);
		expect(rows).toEqual([
			{ line: 1, cells: ['Metric', 'Value', 'Comment'] },
			{ line: 2, cells: ['Pipeline, sourced', '$2,440,000', 'She said "ok"\r\nthen left'] },
			{ line: 5, cells: ['mql', '27.5', ''] },
		]);
	});
	test('semicolons or tabs where the header has no comma', () => {
		expect(parseCsv('Metric;Value\nmql;27,5').map((r) => r.cells)).toEqual([
			['Metric', 'Value'],
			['mql', '27,5'],
		]);
		expect(parseCsv('Metric\tValue\nmql\t3').at(1)!.cells).toEqual(['mql', '3']);
	});
	test('values as reports write them', () => {
		expect(parseValue('27.5', 'percent')).toBe(27.5);
		expect(parseValue('27.5%', 'percent')).toBe(27.5);
		expect(parseValue('27.5%', 'days')).toBeUndefined();
		expect(parseValue('$2,440,000', 'USD')).toBe(2_440_000);
		expect(parseValue('1 234', 'MQLs')).toBe(1234);
		expect(parseValue('(12)', 'USD')).toBe(-12);
		expect(parseValue('n/a', 'days')).toBeUndefined();
		expect(parseValue('', 'days')).toBeUndefined();
		expect(parseValue('1,5', 'days')).toBeUndefined(); // a decimal comma is refused, not misread
	});
});

describe('matching report rows to metrics', () => {
	const csv = (text: string) => parseCsv(text);
	test('by id, by title or by alias, any case', () => {
		const result = resultsFromCsv(
			example,
			csv(
				'Metric,Value\nmql-to-sql-conversion,27.5\nMEDIAN SPEED TO LEAD,1.6\nMarketing-sourced pipeline,"$2,440,000"',
			),
		);
		expect(result.refusals).toEqual([]);
		expect([...result.values!]).toEqual([
			['mql-to-sql-conversion', 27.5],
			['speed-to-lead-median', 1.6],
			['marketing-sourced-pipeline', 2_440_000],
		]);
	});
	test('each row it cannot match is refused, with its row number', () => {
		const result = resultsFromCsv(
			example,
			csv(
				'Metric,Value\nPipeline velocity,3\nmql-to-sql-conversion,lots\nmql-to-sql-conversion,140\nsla-attainment-rate,90\nSLA attainment,91',
			),
		);
		expect(result.values).toBeUndefined();
		expect(result.refusals.map((r) => `${r.where}: ${r.message}`)).toEqual([
			'row 2: "Pipeline velocity" is not a metric of the playbook',
			'row 3: the value of MQL to SQL conversion is "lots", not a number',
			'row 4: MQL to SQL conversion is 140, but it is a percent, from 0 to 100',
			'row 6: SLA attainment is also on row 5',
		]);
	});
	test('a missing column is named, with the headers the file has', () => {
		const result = resultsFromCsv(example, csv('KPI name,Amount\nx,1'), { value: 'Result' });
		expect(result.refusals.map((r) => `${r.where}: ${r.message}. ${r.fix}`)).toEqual([
			'header: has no metric column (it has "KPI name", "Amount"). Name the column of metric ids or titles with --metric-column "Its header".',
			'header: has no "Result" column (it has "KPI name", "Amount"). Name the column of values with --value-column "Its header".',
		]);
		expect(
			resultsFromCsv(example, csv('KPI name,Amount\nSLA attainment,90'), {
				metric: 'kpi name',
				value: 'AMOUNT',
			}).values,
		).toEqual(new Map([['sla-attainment-rate', 90]]));
	});
});

describe('npm run results -- import', () => {
	const report = '\uFEFF"Metric","Value","Owner note"\r\n"MQL to won","4.5%","up, finally"\r\n';

	test('writes the month from a CRM export, which then checks clean', () => {
		const root = playbookWith();
		writeFileSync(join(root, 'report.csv'), report);
		const run = results(
			['import', 'report.csv', '--month', '2026-11', '--source', 'CRM funnel report'],
			root,
		);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(
			'content/results/2026-11.yaml  written: 1 metrics for 2026-11 from report.csv\n',
		);
		expect(readFileSync(join(root, 'content', 'results', '2026-11.yaml'), 'utf8')).toBe(
			'month: 2026-11\nsource: "CRM funnel report"\nmetrics:\n  mql-to-won: 4.5\n',
		);
		const checked = check(root);
		expect(lines(checked)).toEqual([]);
		expect(checked.fileCount).toBe(22);
		// The month is there now: importing it again needs --replace.
		const again = results(['import', 'report.csv', '--month', '2026-11'], root);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(
			/^content\/results\/2026-11\.yaml {2}month {2}already holds 2026-11\. Add --replace/,
		);
		expect(results(['import', 'report.csv', '--month', '2026-11', '--replace'], root).code).toBe(0);
		expect(readFileSync(join(root, 'content', 'results', '2026-11.yaml'), 'utf8')).toMatch(
			/^source: "report\.csv, imported 2026-11-24"$/m,
		);
	});

	test.each([
		[
			'a missing column',
			'Metric,Figure\nMQL to won,4\n',
			/report\.csv {2}header {2}has no value column/,
		],
		[
			'an unknown metric',
			'Metric,Value\nMQL to won,4\nWin rate,20\n',
			/report\.csv {2}row 3 {2}"Win rate" is not a metric/,
		],
		[
			'a value that is not a number',
			'Metric,Value\nMQL to won,four\n',
			/row 2 {2}the value of MQL to won is "four", not a number/,
		],
	])('refuses %s in one line and writes nothing', (_name, csv, line) => {
		const root = playbookWith();
		writeFileSync(join(root, 'report.csv'), csv);
		const run = results(['import', 'report.csv', '--month', '2026-11'], root);
		expect(run.code).toBe(1);
		const said = run.stderr.trim().split('\n');
		expect(said).toHaveLength(2);
		expect(said[0]).toMatch(line);
		expect(said[1]).toBe('Nothing was written: 1 row was refused.');
		expect(existsSync(join(root, 'content', 'results', '2026-11.yaml'))).toBe(false);
	});

	test.each([
		[['import', 'report.csv'], /needs --month YYYY-MM/],
		[['import', 'report.csv', '--month', '11-2026'], /--month must be a month written YYYY-MM/],
		[['import', 'report.csv', '--month', '2026-12'], /--month 2026-12 has not started yet/],
		[['import', '--month', '2026-11'], /needs the CSV file/],
		[['export'], /results has one action, import/],
		[['import', 'missing.csv', '--month', '2026-11'], /missing\.csv is not a file/],
	])('a usage mistake exits 2: %j', (args, message) => {
		const root = playbookWith();
		writeFileSync(join(root, 'report.csv'), report);
		const run = results(args, root);
		expect(run.code).toBe(2);
		expect(run.stderr.split('\n')[0]).toMatch(message);
		expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	});
});

describe('results against targets, in words', () => {
	const conversion = example.entries.metrics.get('mql-to-sql-conversion')!.data;
	const speed = example.entries.metrics.get('speed-to-lead-median')!.data;
	test('on or off target by the direction that counts, and by how much', () => {
		expect(meetsTarget(conversion, 30)).toBe(true);
		expect(meetsTarget(speed, 1)).toBe(true);
		expect(meetsTarget(speed, 1.6)).toBe(false);
		expect(targetInWords(conversion, 27.5)).toBe('Off target by 2.5 percentage points');
		expect(targetInWords(speed, 1.6)).toBe('Off target by 0.6 business hours');
		expect(targetInWords(speed, 0.8)).toBe('On target');
	});
	test('the change from the month before says better or worse', () => {
		expect(changeInWords(conversion, 27.5, 31.5)).toBe('Down 4 percentage points, worse');
		expect(changeInWords(speed, 1.6, 0.9)).toBe('Up 0.7 business hours, worse');
		expect(changeInWords(speed, 0.9, 0.9)).toBe('No change');
		expect(changeInWords(speed, 0.9, undefined)).toBe('No value the month before');
	});
	test('the latest month leads, with the month before beside it', () => {
		const last = latestResults(example, [...example.entries.metrics.values()])!;
		expect(last.month).toBe('2026-11');
		const row = last.rows.find((r) => r.metric.id === 'mql-to-sql-conversion')!;
		expect([row.value, row.previous, row.onTarget]).toEqual([27.5, 31.5, false]);
		expect(latestResults(minimal, [])!.month).toBe('2026-10');
		expect(monthBefore('2026-01')).toBe('2025-12');
		expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(trendMonths('2026-11')).toHaveLength(12);
		expect(monthName('2026-11')).toBe('November 2026');
	});
});

describe('trend charts, drawn at build time', () => {
	const metric = example.entries.metrics.get('speed-to-lead-median')!.data;
	const history = metricHistory(example, 'speed-to-lead-median');

	test('put each month on the line, the target on its own line, lower values lower', () => {
		const chart = trendChart(metric, history, trendMonths('2026-11'));
		expect(chart.points.map((p) => [p.month, p.value])).toEqual(
			history.map((h) => [h.month, h.value]),
		);
		const y = (month: string) => chart.points.find((p) => p.month === month)!.y;
		// 3.4 hours in December 2025 sits above 0.8 in September 2026 (SVG y grows downwards).
		expect(y('2025-12')).toBeLessThan(y('2026-09'));
		const at1 = chart.points.find((p) => p.value === 0.9)!.y;
		expect(chart.targetY).toBeGreaterThan(at1 - 10);
		expect(chart.path.startsWith('M')).toBe(true);
		expect(chart.description).toContain('November 2026: 1.6 business hours');
	});

	test('the built meeting page draws every result of the last twelve months, and lists them in words', () => {
		const html = readFileSync(join(inject('sites').example, 'meeting', 'index.html'), 'utf8');
		const months = trendMonths('2026-11');
		for (const metric of example.entries.metrics.values()) {
			const svg = new RegExp(
				`<svg[^>]*data-chart="trend-${metric.id}"[^>]*>([\\s\\S]*?)</svg>`,
			).exec(html)![1]!;
			const drawn = [...svg.matchAll(/data-month="([^"]+)" data-value="([^"]+)"/g)].map(
				([, month, value]) => [month, Number(value)],
			);
			const expected = metricHistory(example, metric.id)
				.filter((point) => months.includes(point.month))
				.map((point) => [point.month, point.value]);
			expect(drawn, metric.id).toEqual(expected);
			const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1]!.replace(/&amp;/g, '&');
			for (const [month, value] of expected)
				expect(desc, metric.id).toContain(
					`${monthName(month as string)}: ${formatAmount(value as number, metric.data.unit)}`,
				);
		}
		expect(html).toContain('November 2026 against the targets');
		expect(html).toMatch(
			/data-metric="speed-to-lead-median"[\s\S]*?Off target by 0\.6 business hours/,
		);
	});

	test('a metric page shows its whole history as chart and table', () => {
		const html = readFileSync(
			join(inject('sites').example, 'metrics', 'mql-to-sql-conversion', 'index.html'),
			'utf8',
		);
		const history = metricHistory(example, 'mql-to-sql-conversion');
		expect([...html.matchAll(/<circle[^>]*data-month="([^"]+)"/g)].map((m) => m[1])).toEqual(
			history.map((h) => h.month),
		);
		for (const point of history)
			expect(html).toContain(`<th scope="row">${monthName(point.month)}</th>`);
	});
});

describe('npm run results -- import writes only what the checker accepts', () => {
	const report = 'Metric,Value\nMQL to won,4.5\n';
	const imported = (root: string) => join(root, 'content', 'results', '2026-11.yaml');
	const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|Maximum/);

	test.each([
		['an empty --source', '', /^content\/results\/2026-11\.yaml {2}source {2}"" is empty\./],
		[
			'a --source over 2,000 characters',
			'x'.repeat(2001),
			/^content\/results\/2026-11\.yaml {2}source {2}"x{57}\.\.\." is longer than 2,000 characters\./,
		],
	])('%s is refused in one line, and nothing is written', (_name, source, line) => {
		const root = playbookWith();
		writeFileSync(join(root, 'report.csv'), report);
		const run = results(['import', 'report.csv', '--month', '2026-11', '--source', source], root);
		expect(run.code).toBe(1);
		const said = run.stderr.trim().split('\n');
		expect(said[0]).toMatch(line);
		expect(said.slice(1)).toEqual([
			'Nothing was written: the file would not pass npm run check (1 problem). The source is what --source says.',
		]);
		expect(existsSync(imported(root))).toBe(false);
	});

	test('a value too large for a number is refused, not written as Infinity', () => {
		const root = playbookWith();
		writeFileSync(join(root, 'report.csv'), `Metric,Value\nMQL to won,${'9'.repeat(400)}\n`);
		const run = results(['import', 'report.csv', '--month', '2026-11'], root);
		expect(run.code).toBe(1);
		expect(run.stderr.trim().split('\n')).toEqual([
			`report.csv  row 2  the value of MQL to won is "${'9'.repeat(57)}...", too large for any result. Check the export: write the number alone in the metric's unit (percent).`,
			'Nothing was written: 1 row was refused.',
		]);
		expect(existsSync(imported(root))).toBe(false);
	});

	test('150,000 refused rows: the first 20, then one line for the rest', () => {
		const root = playbookWith();
		const rows = Array.from({ length: 150_000 }, (_, i) => `Win rate ${i},1`);
		writeFileSync(join(root, 'report.csv'), `Metric,Value\n${rows.join('\n')}\n`);
		const run = results(['import', 'report.csv', '--month', '2026-11'], root);
		expect(run.code).toBe(1);
		noStackTrace(run.stderr);
		const said = run.stderr.trim().split('\n');
		expect(said).toHaveLength(22);
		expect(said[19]).toMatch(/^report\.csv {2}row 21 {2}"Win rate 19" is not a metric/);
		expect(said.slice(20)).toEqual([
			'...and 149,980 more refused rows, not shown. Fix the rows above and import again to see the rest.',
			'Nothing was written: 150000 rows were refused.',
		]);
	});

	test('a 50 MB header is not echoed back', () => {
		const root = playbookWith();
		const header = Array.from({ length: 50_000 }, () => 'h'.repeat(1000)).join(',');
		writeFileSync(join(root, 'report.csv'), `${header}\nMQL to won,1\n`);
		const run = results(['import', 'report.csv', '--month', '2026-11'], root);
		expect(run.code).toBe(1);
		noStackTrace(run.stderr);
		expect(run.stderr.length).toBeLessThan(2000);
		expect(run.stderr.split('\n')[0]).toMatch(
			/^report\.csv {2}header {2}has no metric column \(it has "h{57}\.\.\.", .* and 49988 more\)\./,
		);
	});
});
