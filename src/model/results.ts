import type { Metric } from '../schemas/metrics.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';

/**
 * Facts about the monthly results: the latest month, a metric's history, whether a value meets
 * its target. Pure, so the meeting page, the metric pages and the checker agree.
 */

/** True for a unit that is a share out of a hundred: `percent`, `%`, `percent of MQLs`. */
export function isPercentUnit(unit: string): boolean {
	return /\bpercent\b|%/i.test(unit);
}

/** The month before, `2026-01` → `2025-12`. */
export function monthBefore(month: string): string {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
	const months = [last];
	while (months.length < count) months.unshift(monthBefore(months[0]!));
	return months;
}

/** The results of the latest month on record, if any. */
export function latestMonth(playbook: Playbook): Entry<'results'> | undefined {
	return entriesOf(playbook, 'results').reduce<Entry<'results'> | undefined>(
		(latest, entry) => (!latest || entry.data.month > latest.data.month ? entry : latest),
		undefined,
	);
}

export interface MonthValue {
	month: string;
	value: number;
}

/** A metric's values month by month, oldest first; months without a value are left out. */
export function metricHistory(playbook: Playbook, metricId: string): MonthValue[] {
	return entriesOf(playbook, 'results')
		.flatMap((entry) => {
			const value = entry.data.metrics?.[metricId];
			return value === undefined ? [] : [{ month: entry.data.month, value }];
		})
		.sort((a, b) => a.month.localeCompare(b.month));
}

/** True when a value meets its target in the direction that counts (at least, or at most). */
export function meetsTarget(metric: Pick<Metric, 'target' | 'better'>, value: number): boolean {
	return metric.better === 'higher' ? value >= metric.target : value <= metric.target;
}

export interface MetricMonth {
	metric: Entry<'metrics'>;
	/** The latest month's value, if the metric has one. */
	value: number | undefined;
	/** The value of the month before the latest, if recorded. */
	previous: number | undefined;
	onTarget: boolean | undefined;
}

/** One month's results: each metric's value against its target and the month before. */
export interface ResultsMonth {
	month: string;
	source: string;
	notes: string | undefined;
	rows: MetricMonth[];
}

/**
 * The results of one month on record, one row per metric in `metrics`, each against its target
 * and the month before; undefined when no results file is for that month.
 */
export function resultsFor(
	playbook: Playbook,
	month: string,
	metrics: readonly Entry<'metrics'>[],
): ResultsMonth | undefined {
	const entries = entriesOf(playbook, 'results');
	const entry = entries.find((candidate) => candidate.data.month === month);
	if (!entry) return undefined;
	const before = entries.find((candidate) => candidate.data.month === monthBefore(month));
	return {
		month,
		source: entry.data.source,
		notes: entry.data.notes,
		rows: metrics.map((metric) => {
			const value = entry.data.metrics?.[metric.id];
			return {
				metric,
				value,
				previous: before?.data.metrics?.[metric.id],
				onTarget: value === undefined ? undefined : meetsTarget(metric.data, value),
			};
		}),
	};
}

/** Each metric's value in the latest month, against its target and the month before. */
export function latestResults(
	playbook: Playbook,
	metrics: readonly Entry<'metrics'>[],
): ResultsMonth | undefined {
	const latest = latestMonth(playbook);
	return latest && resultsFor(playbook, latest.data.month, metrics);
}

/** Every month from `first` to `last`, oldest first. */
export function monthsFrom(first: string, last: string): string[] {
	const months = [last];
	while (months[0]! > first) months.unshift(monthBefore(months[0]!));
	return months;
}
