import type { Results } from '../schemas/results.ts';
import type { CsvRow } from './csv.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';
import { isPercentUnit } from './results.ts';

/**
 * Turns the rows of a CRM report into one month's results: each row names a metric (by id,
 * title or alias) and gives its value. Pure; every row it cannot match is refused with a reason,
 * and a caller writes nothing when any is.
 */

/** Header names tried, in order, when no column is named: what CRM reports usually call them. */
export const METRIC_COLUMNS = ['metric id', 'metric', 'id', 'metric name', 'name', 'title', 'kpi'];
export const VALUE_COLUMNS = ['value', 'result', 'actual', 'amount', 'total'];

export interface Refusal {
	/** `row 4`, or `header` for a missing column. */
	where: string;
	message: string;
	fix: string;
}

export type ImportResult =
	{ values: Map<string, number>; refusals: [] } | { values?: undefined; refusals: Refusal[] };

export function resultsFromCsv(
	playbook: Playbook,
	rows: readonly CsvRow[],
	columns: { metric?: string | undefined; value?: string | undefined } = {},
): ImportResult {
	const [header, ...body] = rows;
	if (!header)
		return refused([
			{
				where: 'header',
				message: 'the file is empty',
				fix: 'Export the report again, with its header row.',
			},
		]);
	const names = header.cells.map(normalise);
	const find = (wanted: string | undefined, defaults: string[]) =>
		wanted === undefined
			? defaults.map((name) => names.indexOf(name)).find((index) => index >= 0)
			: names.indexOf(normalise(wanted));
	const metricAt = find(columns.metric, METRIC_COLUMNS);
	const valueAt = find(columns.value, VALUE_COLUMNS);
	const missing: Refusal[] = [];
	// A report with a broken header can hold anything there: each name and the list are cut short.
	const heard = [
		...header.cells.slice(0, HEARD_COLUMNS).map((cell) => quote(cell.trim())),
		...(header.cells.length > HEARD_COLUMNS
			? [`and ${header.cells.length - HEARD_COLUMNS} more`]
			: []),
	].join(', ');
	if (metricAt === undefined || metricAt < 0)
		missing.push({
			where: 'header',
			message: `has no ${columns.metric ? quote(columns.metric) : 'metric'} column (it has ${heard})`,
			fix: 'Name the column of metric ids or titles with --metric-column "Its header".',
		});
	if (valueAt === undefined || valueAt < 0)
		missing.push({
			where: 'header',
			message: `has no ${columns.value ? quote(columns.value) : 'value'} column (it has ${heard})`,
			fix: 'Name the column of values with --value-column "Its header".',
		});
	if (missing.length > 0 || metricAt === undefined || valueAt === undefined)
		return refused(missing);

	const metrics = entriesOf(playbook, 'metrics');
	const byName = new Map<string, Entry<'metrics'>>();
	for (const metric of metrics)
		for (const name of [metric.id, metric.data.title, ...metric.data.aliases])
			byName.set(normalise(name), metric);
	const values = new Map<string, number>();
	const rowOf = new Map<string, number>();
	const refusals: Refusal[] = [];
	const known = `Use a metric id or title from content/metrics: ${metrics.map((m) => m.id).join(', ')}.`;
	for (const row of body) {
		const where = `row ${row.line}`;
		const named = (row.cells[metricAt] ?? '').trim();
		const metric = byName.get(normalise(named));
		if (!metric) {
			refusals.push({
				where,
				message: named ? `${quote(named)} is not a metric of the playbook` : 'has no metric',
				fix: known,
			});
			continue;
		}
		const text = (row.cells[valueAt] ?? '').trim();
		const value = parseValue(text, metric.data.unit);
		if (value === undefined) {
			refusals.push({
				where,
				message: `the value of ${metric.data.title} is ${text ? quote(text) : 'empty'}, not a number`,
				fix: `Write the number alone in the metric's unit (${metric.data.unit}), for example 27.5.`,
			});
			continue;
		}
		if (!Number.isFinite(value)) {
			refusals.push({
				where,
				message: `the value of ${metric.data.title} is ${quote(text)}, too large for any result`,
				fix: `Check the export: write the number alone in the metric's unit (${metric.data.unit}).`,
			});
			continue;
		}
		if (isPercentUnit(metric.data.unit) && (value < 0 || value > 100)) {
			refusals.push({
				where,
				message: `${metric.data.title} is ${value}, but it is a percent, from 0 to 100`,
				fix: 'Export the percent itself (27.5 for 27.5%), not a ratio or a count.',
			});
			continue;
		}
		const first = rowOf.get(metric.id);
		if (first !== undefined) {
			refusals.push({
				where,
				message: `${metric.data.title} is also on row ${first}`,
				fix: 'Keep one row per metric in the report.',
			});
			continue;
		}
		rowOf.set(metric.id, row.line);
		values.set(metric.id, value);
	}
	if (refusals.length > 0) return refused(refusals);
	if (values.size === 0)
		return refused([
			{
				where: 'header',
				message: 'the report has no rows under its header',
				fix: 'Export the report again with its rows.',
			},
		]);
	return { values, refusals: [] };
}

// An array, never spread into arguments: a report can refuse hundreds of thousands of rows.
function refused(refusals: Refusal[]): ImportResult {
	return { refusals };
}

/** How many of a header's column names a refusal lists. */
const HEARD_COLUMNS = 12;

/**
 * Text from the report, quoted for one line of a refusal: cut short, since a broken export can
 * hold megabytes in one cell, and with control characters as spaces, so a line stays one line.
 */
export function quote(text: string): string {
	const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
	// eslint-disable-next-line no-control-regex -- control characters are what is replaced
	return `"${short.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')}"`;
}

export const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A number as reports write it: `27.5`, `27.5%`, `$2,440,000`, `1 234`, `(12)` for minus twelve.
 * A percent sign only on a percent metric; anything else that is not a number gives undefined.
 */
export function parseValue(text: string, unit: string): number | undefined {
	let cleaned = text.replace(/[\s\u00a0]/g, '');
	const negative = /^\(.*\)$/.test(cleaned);
	if (negative) cleaned = cleaned.slice(1, -1);
	if (cleaned.endsWith('%')) {
		if (!isPercentUnit(unit)) return undefined;
		cleaned = cleaned.slice(0, -1);
	}
	if (unit.trim() === 'USD') cleaned = cleaned.replace(/^\$/, '');
	if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
	if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
	const value = Number(cleaned);
	return negative ? -value : value;
}

/** The month's file, in the layout of the content contract, with its metric values alone. */
export function resultsFileText(
	playbook: Playbook,
	month: string,
	source: string,
	values: ReadonlyMap<string, number>,
): string {
	return monthFileText(playbook, { month, source, metrics: Object.fromEntries(values) });
}

/**
 * A month's file with every section it holds, in the layout of the content contract: metrics,
 * then slas, rejections and stages, then the notes. Ids in the playbook's order, so files of
 * different months line up in a diff; an id the playbook does not know keeps its place at the
 * end. Every text is written as a quoted string, so no value can be read as YAML syntax.
 */
export function monthFileText(playbook: Playbook, data: Results): string {
	const quoted = (text: string) => JSON.stringify(text);
	const key = (text: string) =>
		/^[A-Za-z0-9][A-Za-z0-9 ']*$/.test(text) && !/ $/.test(text) ? text : quoted(text);
	const inOrder = <T>(record: Record<string, T>, ids: string[]) => [
		...ids.filter((id) => id in record),
		...Object.keys(record).filter((id) => !ids.includes(id)),
	];
	const ids = {
		metrics: entriesOf(playbook, 'metrics').map((entry) => entry.id),
		slas: entriesOf(playbook, 'slas').map((entry) => entry.id),
		stages: entriesOf(playbook, 'lead-stages')
			.sort((a, b) => a.data.order - b.data.order)
			.map((entry) => entry.id),
	};
	const lines = [`month: ${data.month}`, `source: ${quoted(data.source)}`];
	if (data.metrics) {
		lines.push('metrics:');
		for (const id of inOrder(data.metrics, ids.metrics)) lines.push(`  ${id}: ${data.metrics[id]}`);
	}
	if (data.slas) {
		lines.push('slas:');
		for (const id of inOrder(data.slas, ids.slas))
			lines.push(`  ${id}: [${data.slas[id]!.map((value) => value ?? '~').join(', ')}]`);
	}
	if (data.rejections) {
		lines.push('rejections:');
		for (const id of inOrder(data.rejections, ids.stages)) {
			lines.push(`  ${id}:`);
			const reasons = playbook.entries['lead-stages'].get(id)?.data.rejection_reasons ?? [];
			const counts = data.rejections[id]!;
			for (const reason of inOrder(counts, reasons))
				lines.push(`    ${key(reason)}: ${counts[reason]}`);
		}
	}
	if (data.stages) {
		lines.push('stages:');
		for (const id of inOrder(data.stages, ids.stages)) lines.push(`  ${id}: ${data.stages[id]}`);
	}
	if (data.notes !== undefined) lines.push(`notes: ${quoted(data.notes)}`);
	return `${lines.join('\n')}\n`;
}
