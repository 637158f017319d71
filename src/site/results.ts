import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { formatAmount, formatDate, monthName } from '../model/words.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import {
	isPercentUnit,
	meetsTarget,
	type MonthValue,
	monthsEnding,
	resultsFor,
	type ResultsMonth,
} from '../model/results.ts';
import type { Metric } from '../schemas/metrics.ts';
import { formatTarget } from './metrics.ts';

/**
 * How the monthly results read on a page: values against targets in words, and trend charts
 * drawn at build time as SVG. Pure, so the numbers a chart draws are tested against the results.
 */

type MetricData = Pick<Metric, 'title' | 'target' | 'unit' | 'better' | 'period'>;

/** `On target` or `Off target`, with how far off, in words: colour is never the only cue. */
export function targetInWords(metric: MetricData, value: number): string {
	if (meetsTarget(metric, value)) return 'On target';
	const gap = round(Math.abs(value - metric.target));
	return `Off target by ${formatDifference(gap, metric.unit)}`;
}

/** The change from the month before: `Up 1.2 percentage points, better`, `No change`. */
export function changeInWords(
	metric: MetricData,
	value: number,
	previous: number | undefined,
): string {
	if (previous === undefined) return 'No value the month before';
	const change = round(value - previous);
	if (change === 0) return 'No change';
	const better = change > 0 === (metric.better === 'higher') ? 'better' : 'worse';
	return `${change > 0 ? 'Up' : 'Down'} ${formatDifference(Math.abs(change), metric.unit)}, ${better}`;
}

/** A difference of two values: percents differ by percentage points. */
function formatDifference(amount: number, unit: string): string {
	return isPercentUnit(unit)
		? `${formatAmount(amount, 'percentage points')}`
		: formatAmount(amount, unit);
}

/** Rounds away floating-point dust (27.5 − 25.1 = 2.3999999999999986). */
const round = (n: number) => Math.round(n * 1000) / 1000;

export interface TrendPoint {
	month: string;
	value: number;
	x: number;
	y: number;
}

export interface TrendChart {
	width: number;
	height: number;
	/** The line through the months that have a value; gaps stay gaps. */
	path: string;
	points: TrendPoint[];
	/** Where the target line is drawn. */
	targetY: number;
	/** Value axis labels, with their positions. */
	ticks: { value: number; label: string; y: number }[];
	/** Month labels under the chart: the first, the last, and each January between. */
	months: { month: string; label: string; x: number }[];
	/** The chart in words, for screen readers and for anyone reading the values. */
	description: string;
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 56 };

/**
 * A metric's trend over `months` (oldest first), its target drawn as a line. Values outside
 * the months are ignored; the value axis always includes the target and zero for percents.
 */
export function trendChart(
	metric: MetricData,
	history: readonly MonthValue[],
	months: readonly string[],
	size = { width: 560, height: 180 },
): TrendChart {
	const shown = history.filter((point) => months.includes(point.month));
	const values = [...shown.map((point) => point.value), metric.target];
	const low = Math.min(...values);
	const high = Math.max(...values);
	const pad = (high - low || Math.abs(high) || 1) * 0.15;
	const domain: [number, number] = [
		isPercentUnit(metric.unit) ? Math.max(0, low - pad) : Math.min(low - pad, low >= 0 ? low : 0),
		isPercentUnit(metric.unit) ? Math.min(100, high + pad) : high + pad,
	];
	const y = scaleLinear()
		.domain(domain)
		.nice(4)
		.range([size.height - MARGIN.bottom, MARGIN.top]);
	const x = scalePoint<string>()
		.domain(months)
		.range([MARGIN.left, size.width - MARGIN.right]);
	const points = shown.map((point) => ({
		...point,
		x: round(x(point.month)!),
		y: round(y(point.value)),
	}));
	const byMonth = new Map(points.map((point) => [point.month, point]));
	const path =
		line<string>()
			.defined((month) => byMonth.has(month))
			.x((month) => byMonth.get(month)!.x)
			.y((month) => byMonth.get(month)!.y)(months) ?? '';
	// A January label too close to the first or the last would overlap it.
	const last = months.length - 1;
	const labelled = months.filter(
		(month, index) =>
			index === 0 || index === last || (month.endsWith('-01') && index >= 2 && index <= last - 2),
	);
	return {
		...size,
		path,
		points,
		targetY: round(y(metric.target)),
		ticks: y.ticks(4).map((value) => ({
			value,
			label: shortAmount(value, metric.unit),
			y: round(y(value)),
		})),
		months: labelled.map((month) => ({ month, label: shortMonth(month), x: round(x(month)!) })),
		description: describeTrend(metric, shown),
	};
}

/** `MQL to SQL conversion by month, target at least 30 percent: November 2025 27.5 percent; …`. */
export function describeTrend(metric: MetricData, history: readonly MonthValue[]): string {
	const values = history
		.map((point) => `${monthName(point.month)}: ${formatAmount(point.value, metric.unit)}`)
		.join('; ');
	return `${metric.title} by month, target ${formatTarget(metric)}. ${values || 'No values yet'}.`;
}

/** `Nov 2025`. */
function shortMonth(month: string): string {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-US', {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC',
	});
}

/** An axis label: `30%`, `1.5`, `$2.4M`. */
function shortAmount(value: number, unit: string): string {
	if (unit.trim() === 'USD')
		return `$${new Intl.NumberFormat('en-US', { notation: 'compact' }).format(value)}`;
	const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
	return isPercentUnit(unit) ? `${number}%` : number;
}

/** The twelve months a trend shows, ending with the latest month on record. */
export function trendMonths(latest: string, count = 12): string[] {
	return monthsEnding(latest, count);
}

/** One month's results as its own page shows them: every metric against its target. */
export interface MonthResults extends ResultsMonth {
	/** The closest earlier month on record, which the page links to. */
	earlier: string | undefined;
	/** The closest later month on record. */
	later: string | undefined;
}

/**
 * The results of `month` (a `content/results/<YYYY-MM>.yaml` entry), one row per metric in
 * `metrics`, each against its target and the month before, with the months on either side and
 * the notes' dates in words; undefined when the month has no file.
 */
export function monthResults(
	playbook: Playbook,
	month: string,
	metrics: readonly Entry<'metrics'>[],
): MonthResults | undefined {
	const results = resultsFor(playbook, month, metrics);
	if (!results) return undefined;
	const months = [...playbook.entries.results.keys()].sort();
	return {
		...results,
		notes: results.notes && datesInWords(results.notes),
		earlier: months.filter((other) => other < month).at(-1),
		later: months.find((other) => other > month),
	};
}

/** A note with its dates written as a reader reads them: `on 2026-03-10` → `on March 10, 2026`. */
export function datesInWords(text: string): string {
	return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, formatDate);
}
