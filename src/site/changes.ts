import type { HistoryEvent } from '../review/history.ts';

/** One commit's changes to the playbook: who made it, when, and each definition it touched. */
export interface CommitChanges {
	commit: string;
	date: string;
	author: string;
	subject: string;
	events: HistoryEvent[];
}

/**
 * Events grouped by the commit that made them, newest first, so a commit that touched twenty
 * definitions says its subject once. Events arrive newest first and a commit's are adjacent.
 */
export function groupByCommit(events: readonly HistoryEvent[]): CommitChanges[] {
	const groups: CommitChanges[] = [];
	for (const event of events) {
		const last = groups.at(-1);
		if (last?.commit === event.commit) last.events.push(event);
		else
			groups.push({
				commit: event.commit,
				date: event.date,
				author: event.author,
				subject: event.subject,
				events: [event],
			});
	}
	return groups;
}

/** The first `limit` items and how many more there are, for a list cut short with a link. */
export function capped<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
	return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}
