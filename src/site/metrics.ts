import type { Metric } from '../schemas/metrics.ts';

/** A metric's target as a sentence fragment: `at least 30 percent per quarter`. */
export function formatTarget(
	metric: Pick<Metric, 'target' | 'unit' | 'better' | 'period'>,
): string {
	const number = new Intl.NumberFormat('en-US').format(metric.target);
	const value = metric.unit === 'USD' ? `$${number}` : `${number} ${metric.unit}`;
	return `${metric.better === 'higher' ? 'at least' : 'at most'} ${value}${metric.period ? ` ${metric.period}` : ''}`;
}
