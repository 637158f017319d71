import { entriesOf } from '../../model/playbook.ts';
import { monthName } from '../../model/words.ts';
import { latestMonth, isPercentUnit } from '../../model/results.ts';
import { closest } from '../problems/closest.ts';
import type { RuleContext } from './rule.ts';

/**
 * Monthly results against the metrics they report: each file is its month, one file a month, no
 * month still to come, every metric id known, every percent a percent. A metric the latest month
 * leaves out is information, never a failure: some numbers arrive late.
 */
export function checkResults({ playbook, today, reportIn }: RuleContext): void {
	const metrics = playbook.entries.metrics;
	const metricIds = [...metrics.keys()];
	const thisMonth = today.slice(0, 7);
	const firstFileOfMonth = new Map<string, string>();
	const results = entriesOf(playbook, 'results');
	for (const month of results) {
		const { data, file, id } = month;
		const report = reportIn(file);
		if (data.month !== id)
			report(
				'ResultsFileName',
				'month',
				`is ${data.month}, but the file is named for ${id}`,
				`Name the file ${data.month}.yaml, or correct the month; the file name is its month.`,
			);
		const first = firstFileOfMonth.get(data.month);
		if (first)
			report(
				'DuplicateMonth',
				'month',
				`${data.month} already has results in ${first}`,
				`Keep one file per month: move these values into ${first} and delete this file.`,
			);
		else firstFileOfMonth.set(data.month, file);
		if (data.month > thisMonth)
			report(
				'FutureMonth',
				'month',
				`${data.month} has not started yet (this month is ${thisMonth})`,
				'Results are for months that have begun; check the year and the month.',
			);
		for (const [metricId, value] of Object.entries(data.metrics ?? {})) {
			const metric = metrics.get(metricId);
			// A metric whose own file is broken has its own error; naming it here is not another.
			if (!metric && playbook.invalid.metrics.has(metricId)) continue;
			if (!metric) {
				const guess = closest(metricId, metricIds);
				report(
					'UnknownMetric',
					`metrics.${metricId}`,
					`names no metric in content/metrics`,
					guess
						? `Did you mean ${guess}? Use the id of a file in content/metrics.`
						: `Use the id of a file in content/metrics: ${metricIds.join(', ')}.`,
				);
				continue;
			}
			if (isPercentUnit(metric.data.unit) && (value < 0 || value > 100))
				report(
					'PercentOutOfRange',
					`metrics.${metricId}`,
					`is ${value}, but ${metric.data.title} is a percent, from 0 to 100`,
					'Write the percent itself (27.5 for 27.5%), not a ratio or a count.',
				);
		}
	}
	const latest = latestMonth(playbook);
	if (latest)
		for (const metric of entriesOf(playbook, 'metrics'))
			if (!(metric.id in (latest.data.metrics ?? {})))
				reportIn(latest.file)(
					'MissingLatestResult',
					'metrics',
					`has no value for ${metric.data.title} (${metric.id}) in ${monthName(latest.data.month)}`,
					`Add ${metric.id}: with the month's value when it is in; until then the meeting shows no value for it.`,
				);
}
