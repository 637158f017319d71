import type { Entry, Playbook } from '../model/playbook.ts';
import { meetsTarget } from '../model/results.ts';
import {
	conversion,
	conversionMetric,
	mainPath,
	resultsByMonth,
	stageVolume,
} from '../model/results-sections.ts';
import { leadStagesInto } from '../model/views.ts';
import { formatAmount, monthName } from '../model/words.ts';
import { labelledBars, monthBars, NO_DATA, type BarChart } from './bar-charts.ts';
import { stageLabel } from './lifecycle.ts';
import { formatTarget } from './metrics.ts';

/**
 * Where the funnel leaks: how many leads entered each stage of the lifecycle's main path in a
 * month, the conversion between consecutive stages, and the conversion metrics' targets where a
 * metric names two stages of the path. A stage with no count is "no data", and so is a
 * conversion that needs it.
 */

export interface Conversion {
	from: Entry<'lead-stages'>;
	to: Entry<'lead-stages'>;
	/** Percent of `from`'s leads counted in `to`, or undefined without both counts. */
	rate: number | undefined;
	/** The conversion metric that names the two stages, if one does. */
	metric: Entry<'metrics'> | undefined;
	/** `On target (at least 65 percent per quarter)`, `Below target (…)`, or undefined. */
	againstTarget: string | undefined;
}

export interface Funnel {
	month: string;
	steps: { stage: Entry<'lead-stages'>; count: number | undefined }[];
	/** Between consecutive stages of the path. */
	conversions: Conversion[];
	/** Between two stages of the path a conversion metric names that are not next to each other. */
	spans: Conversion[];
	chart: BarChart;
}

/** The funnel of `month` along the main path. */
export function funnel(playbook: Playbook, month: string): Funnel {
	const results = resultsByMonth(playbook).get(month);
	const path = mainPath(playbook);
	const steps = path.map((stage) => ({ stage, count: stageVolume(results, stage.id) }));
	const between = (from: number, to: number): Conversion => {
		const metric = conversionMetric(playbook, path[from]!.id, path[to]!.id);
		const rate = conversion(steps[from]!.count, steps[to]!.count);
		return {
			from: path[from]!,
			to: path[to]!,
			rate,
			metric,
			againstTarget:
				metric && rate !== undefined
					? `${meetsTarget(metric.data, rate) ? 'On target' : 'Off target'} (${formatTarget(metric.data)})`
					: undefined,
		};
	};
	const conversions = path.slice(1).map((_, index) => between(index, index + 1));
	const spans = path.flatMap((_, from) =>
		path
			.slice(from + 2)
			.map((__, offset) => from + 2 + offset)
			.filter((to) => conversionMetric(playbook, path[from]!.id, path[to]!.id))
			.map((to) => between(from, to)),
	);
	return {
		month,
		steps,
		conversions,
		spans,
		chart: labelledBars(
			`Leads that entered each stage in ${monthName(month)}`,
			steps.map((step) => ({ label: stageLabel(step.stage), value: step.count })),
		),
	};
}

/** A conversion in words: `62.4 percent`, or `no data`. */
export function rateText(rate: number | undefined): string {
	return rate === undefined ? NO_DATA : formatAmount(rate, 'percent');
}

export interface StageFlow {
	/** Leads that entered the stage each month, as a chart. */
	volume: BarChart;
	/**
	 * In the last month, each next stage: the share of this stage's leads counted in it, when
	 * this stage is its only way in; a stage fed from several (Recycle, Disqualified) has only its
	 * count, since its leads are not this stage's alone.
	 */
	next: {
		stage: Entry<'lead-stages'>;
		count: number | undefined;
		rate: number | undefined;
		shared: boolean;
	}[];
}

/** A lead stage's volume over `months` and its conversion to each next stage in the last. */
export function stageFlow(
	playbook: Playbook,
	stage: Entry<'lead-stages'>,
	months: readonly string[],
): StageFlow {
	const byMonth = resultsByMonth(playbook);
	const last = byMonth.get(months.at(-1) ?? '');
	const stages = playbook.entries['lead-stages'];
	return {
		volume: monthBars(
			`Leads that entered ${stage.data.title}`,
			months.map((month) => ({ month, value: stageVolume(byMonth.get(month), stage.id) })),
		),
		next: stage.data.next
			.map((id) => stages.get(id))
			.filter((next) => next !== undefined)
			.map((next) => {
				const shared = leadStagesInto(playbook, next.id).length > 1;
				const count = stageVolume(last, next.id);
				return {
					stage: next,
					count,
					rate: shared ? undefined : conversion(stageVolume(last, stage.id), count),
					shared,
				};
			}),
	};
}
