import { type DefinitionCollection, isDefinitionCollection } from '../schemas/index.ts';
import type { History, HistoryEvent } from '../review/history.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import { reviewsDue } from '../model/review-dates.ts';
import { sorted } from '../model/views.ts';
import { funnel } from './funnel.ts';
import { rankedReasons, reasonChart, reasonLabel, topReasons } from './rejections.ts';
import { slaScorecard } from './scorecard.ts';

/** The first day of the month before `today`'s: the default "changed since" of the meeting. */
export function startOfPreviousMonth(today: string): string {
	const [year, month] = today.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
}

/** A change to a definition, as the history tells it. */
type DefinitionEvent = HistoryEvent & { collection: DefinitionCollection };

/** Everything the monthly sales and marketing meeting looks at, as of `today`. */
export function meetingAgenda(playbook: Playbook, history: History, today: string) {
	const since = startOfPreviousMonth(today);
	const changed = history.available
		? history.recent.filter(
				(event): event is DefinitionEvent =>
					event.date >= since && isDefinitionCollection(event.collection),
			)
		: [];
	return {
		since,
		metrics: sorted(playbook, 'metrics'),
		slas: sorted(playbook, 'slas'),
		changed,
		historyAvailable: history.available,
		due: reviewsDue(playbook, today),
	};
}

/**
 * What the meeting reads of the month's SLA measurements, rejections and stage volumes, over
 * `months` (oldest first, the last the month of the meeting): the scorecard, the reasons ranked
 * with the `topCount` most frequent over the months drawn, and the funnel.
 */
export function meetingLoop(
	playbook: Playbook,
	slas: readonly Entry<'slas'>[],
	months: readonly string[],
	topCount = 3,
) {
	const month = months.at(-1)!;
	return {
		month,
		scorecard: slaScorecard(playbook, slas, months),
		reasons: rankedReasons(playbook, month),
		trends: topReasons(playbook, months, topCount).map((reason) => ({
			...reason,
			label: reasonLabel(reason),
			chart: reasonChart(playbook, reason, months),
		})),
		funnel: funnel(playbook, month),
	};
}
