import { type FieldChange, readerFieldChange } from '../model/diff.ts';
import type { Playbook } from '../model/playbook.ts';
import { referenceTarget } from '../model/references.ts';
import { titleOf } from '../model/views.ts';
import type { HistoryEvent } from '../review/history.ts';
import type { CollectionName } from '../schemas/index.ts';

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

/**
 * One changed field as a reader reads it, where the field names other entries by their titles
 * and people by their names: `Lead stage: Sales Accepted Lead → Marketing Qualified Lead`, not
 * `sal → mql`. An id that no longer names an entry stays as it is.
 */
export function changeInWords(
	playbook: Playbook,
	collection: CollectionName,
	change: FieldChange,
): string {
	// The references of the content contract, a definition's owners among them.
	const target = referenceTarget(collection, change.field);
	if (!target) return readerFieldChange(change);
	const title = (id: string) => titleOf(playbook, target, id);
	return readerFieldChange({
		field: change.field,
		...(change.before !== undefined && { before: title(change.before) }),
		...(change.after !== undefined && { after: title(change.after) }),
		...(change.added && { added: change.added.map(title) }),
		...(change.removed && { removed: change.removed.map(title) }),
	});
}
