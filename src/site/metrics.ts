import type { Metric } from '../schemas/metrics.ts';

/**
 * A number with its unit as a reader says it: `2 business hours`, `1 business day`, `$2,400,000`,
 * `30 percent`. A unit written in the plural loses its last `s` for exactly one.
 */
export function formatAmount(value: number, unit: string): string {
	const number = new Intl.NumberFormat('en-US').format(value);
	const trimmed = unit.trim();
	if (trimmed === 'USD') return `$${number}`;
	const said = value === 1 && /[^s]s$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
	return `${number} ${said}`;
}

/** A metric's target as a sentence fragment: `at least 30 percent per quarter`. */
export function formatTarget(
	metric: Pick<Metric, 'target' | 'unit' | 'better' | 'period'>,
): string {
	const value = formatAmount(metric.target, metric.unit);
	return `${metric.better === 'higher' ? 'at least' : 'at most'} ${value}${metric.period ? ` ${metric.period}` : ''}`;
}
