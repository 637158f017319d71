import type { Commitment } from '../schemas/slas.ts';
import { leadGraph } from './lead-graph.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';
import { isPercentUnit, latestMonth, monthsEnding } from './results.ts';

/**
 * Facts about the SLA measurements, rejection counts and stage volumes of the monthly results:
 * whether a commitment was kept, a stage's volume, the lifecycle's main path and the conversion
 * along it. Pure, so the checker, the meeting page and the entry pages agree. A month without a
 * value is `undefined` here, never zero: no data is not the same as none.
 */

export type Direction = 'higher' | 'lower';

/** A time unit: a commitment in it is kept at or under its target when `better` is left out. */
const TIME_UNIT = /\b(?:minutes?|hours?|days?|weeks?|months?)\b/i;

/**
 * Which way a commitment is kept: its `better`, or read from its unit when it has none: within a
 * time (`2 business hours`) is kept at or under, anything else (`95 percent`, `6 attempts`) at or
 * over.
 */
export function commitmentDirection(commitment: Pick<Commitment, 'unit' | 'better'>): Direction {
	return commitment.better ?? (TIME_UNIT.test(commitment.unit) ? 'lower' : 'higher');
}

/** True when a measured value keeps the commitment, at its target counting as kept. */
export function commitmentKept(
	commitment: Pick<Commitment, 'target' | 'unit' | 'better'>,
	value: number,
): boolean {
	return commitmentDirection(commitment) === 'higher'
		? value >= commitment.target
		: value <= commitment.target;
}

/** The twelve months ending with the latest on record, oldest first; none without results. */
export function lastTwelveMonths(playbook: Playbook): string[] {
	const latest = latestMonth(playbook);
	return latest ? monthsEnding(latest.data.month, 12) : [];
}

/** The results of each month on record, by month. */
export function resultsByMonth(playbook: Playbook): Map<string, Entry<'results'>> {
	return new Map(entriesOf(playbook, 'results').map((entry) => [entry.data.month, entry]));
}

/** A commitment's measured value in a month's results; undefined when not measured. */
export function commitmentValue(
	results: Entry<'results'> | undefined,
	slaId: string,
	index: number,
): number | undefined {
	return results?.data.slas?.[slaId]?.[index] ?? undefined;
}

/** How many leads entered a stage in a month; undefined when the month has no count for it. */
export function stageVolume(
	results: Entry<'results'> | undefined,
	stageId: string,
): number | undefined {
	return results?.data.stages?.[stageId];
}

/** A stage's rejections by reason in a month; undefined when the month has none for the stage. */
export function stageRejections(
	results: Entry<'results'> | undefined,
	stageId: string,
): Record<string, number> | undefined {
	return results?.data.rejections?.[stageId];
}

/**
 * The lifecycle's main path: from the entry stage, each step to the next stage with the lowest
 * order above its own (MQL → SAL, never MQL → Recycle), as the lifecycle diagram reads it.
 */
export function mainPath(playbook: Playbook): Entry<'lead-stages'>[] {
	const { entry } = leadGraph(playbook);
	const byId = playbook.entries['lead-stages'];
	const path: Entry<'lead-stages'>[] = [];
	for (let stage = entry; stage && !path.includes(stage);) {
		path.push(stage);
		const from = stage;
		stage = from.data.next
			.map((id) => byId.get(id))
			.filter((to) => to !== undefined && to.data.order > from.data.order)
			.sort((a, b) => a!.data.order - b!.data.order)[0];
	}
	return path;
}

/** The share of `from` that reached `to`, as a percent; undefined without both counts. */
export function conversion(from: number | undefined, to: number | undefined): number | undefined {
	if (from === undefined || to === undefined || from === 0) return undefined;
	return Math.round((to / from) * 1000) / 10;
}

/**
 * The conversion metric between two stages, when one names them: a percent metric whose lead
 * stages are exactly those two (`mql-to-sal-acceptance`: `[mql, sal]`). A metric spanning more
 * stages (`[sql, sao, closed-won]`) measures something else and is not matched.
 */
export function conversionMetric(
	playbook: Playbook,
	from: string,
	to: string,
): Entry<'metrics'> | undefined {
	return entriesOf(playbook, 'metrics').find(
		({ data }) =>
			isPercentUnit(data.unit) &&
			data.lead_stages.length === 2 &&
			data.lead_stages[0] === from &&
			data.lead_stages[1] === to,
	);
}
