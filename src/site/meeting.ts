import { type DefinitionCollection, isDefinitionCollection } from '../schemas/index.ts';
import type { History, HistoryEvent } from '../review/history.ts';
import type { Playbook } from '../model/playbook.ts';
import { reviewsDue } from '../model/review-dates.ts';
import { sorted } from '../model/views.ts';

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
