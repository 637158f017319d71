import type { Entry, Playbook } from '../model/playbook.ts';
import { monthBefore } from '../model/results.ts';
import { lastTwelveMonths, resultsByMonth, stageRejections } from '../model/results-sections.ts';
import { entriesOf } from '../model/playbook.ts';
import { monthBars, type BarChart } from './bar-charts.ts';
import { stageLabel } from './lifecycle.ts';

/**
 * Why leads were rejected: the reasons ranked for a month with the change from the month
 * before, the top reasons over a span of months, and one reason's counts month by month. Only
 * counts written in a results file are data: a reason a month leaves out is "no data", not zero.
 */

export interface ReasonCount {
	stage: Entry<'lead-stages'>;
	reason: string;
	count: number;
}

export interface RankedReason extends ReasonCount {
	/** The count the month before, when that month has one. */
	previous: number | undefined;
	/** `Up 4 from 12`, `Down 3 from 9`, `No change`, `No data the month before`. */
	change: string;
}

/** A reason with its stage, as a reader tells reasons of two stages apart: `Student (MQL)`. */
export function reasonLabel(reason: Pick<ReasonCount, 'stage' | 'reason'>): string {
	return `${reason.reason} (${stageLabel(reason.stage)})`;
}

/** Every count written for `month`, in lifecycle order of stages. */
function countsOf(playbook: Playbook, month: string): ReasonCount[] {
	const results = resultsByMonth(playbook).get(month);
	return entriesOf(playbook, 'lead-stages')
		.sort((a, b) => a.data.order - b.data.order)
		.flatMap((stage) =>
			Object.entries(stageRejections(results, stage.id) ?? {}).map(([reason, count]) => ({
				stage,
				reason,
				count,
			})),
		);
}

/** The reasons of `month`, most rejections first, each against the month before. */
export function rankedReasons(playbook: Playbook, month: string): RankedReason[] {
	const before = new Map(
		countsOf(playbook, monthBefore(month)).map((row) => [key(row), row.count]),
	);
	return countsOf(playbook, month)
		.sort((a, b) => b.count - a.count)
		.map((row) => {
			const previous = before.get(key(row));
			return { ...row, previous, change: changeOf(row.count, previous) };
		});
}

function changeOf(count: number, previous: number | undefined): string {
	if (previous === undefined) return 'No data the month before';
	if (count === previous) return 'No change';
	return `${count > previous ? 'Up' : 'Down'} ${Math.abs(count - previous)} from ${previous}`;
}

const key = (row: Pick<ReasonCount, 'stage' | 'reason'>) => `${row.stage.id}\n${row.reason}`;

/** The `limit` reasons with the most rejections summed over `months`, most first. */
export function topReasons(
	playbook: Playbook,
	months: readonly string[],
	limit: number,
): ReasonCount[] {
	const totals = new Map<string, ReasonCount>();
	for (const month of months)
		for (const row of countsOf(playbook, month)) {
			const total = totals.get(key(row));
			totals.set(key(row), { ...row, count: (total?.count ?? 0) + row.count });
		}
	return [...totals.values()]
		.sort((a, b) => b.count - a.count || reasonLabel(a).localeCompare(reasonLabel(b)))
		.slice(0, limit);
}

/** One reason's rejections month by month, as a chart: a month without its count says no data. */
export function reasonChart(
	playbook: Playbook,
	reason: Pick<ReasonCount, 'stage' | 'reason'>,
	months: readonly string[],
): BarChart {
	const byMonth = resultsByMonth(playbook);
	return monthBars(
		`Leads rejected from ${reason.stage.data.title} for "${reason.reason}"`,
		months.map((month) => ({
			month,
			value: stageRejections(byMonth.get(month), reason.stage.id)?.[reason.reason],
		})),
	);
}

/** A stage's rejections month by month, one column per reason it lists; undefined is no data. */
export function stageRejectionHistory(
	playbook: Playbook,
	stage: Entry<'lead-stages'>,
	months: readonly string[],
): { reasons: string[]; rows: { month: string; counts: (number | undefined)[] }[] } {
	const byMonth = resultsByMonth(playbook);
	const reasons = stage.data.rejection_reasons ?? [];
	return {
		reasons,
		rows: months.map((month) => {
			const counts = stageRejections(byMonth.get(month), stage.id);
			return { month, counts: reasons.map((reason) => counts?.[reason]) };
		}),
	};
}

/**
 * The `limit` most frequent rejection reasons of the last three months on record: the evidence a
 * persona or ICP review needs. `months` is empty without results.
 */
export function quarterReasons(
	playbook: Playbook,
	limit = 5,
): { months: string[]; reasons: ReasonCount[] } {
	const months = lastTwelveMonths(playbook).slice(-3);
	return { months, reasons: topReasons(playbook, months, limit) };
}
