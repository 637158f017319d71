import type { Metric } from '../schemas/metrics.ts';
import { formatAmount } from '../model/words.ts';

/** A metric's target as a sentence fragment: `at least 30 percent per quarter`. */
export function formatTarget(
	metric: Pick<Metric, 'target' | 'unit' | 'better' | 'period'>,
): string {
	const value = formatAmount(metric.target, metric.unit);
	return `${metric.better === 'higher' ? 'at least' : 'at most'} ${value}${metric.period ? ` ${metric.period}` : ''}`;
}
