import { entriesOf, type Entry, type Playbook } from './playbook.ts';

/** The lead lifecycle as the checks and the pages see it. */
export interface LeadGraph {
	/** The stage with the lowest order, where every lead starts; undefined when there are none. */
	entry: Entry<'lead-stages'> | undefined;
	/** Stages in lifecycle order (by `order`, then id). */
	stages: Entry<'lead-stages'>[];
	/** Stage ids reachable from the entry stage, the entry included. */
	reachable: Set<string>;
}

/** Orders the lead stages and finds what the entry stage reaches. */
export function leadGraph(playbook: Playbook): LeadGraph {
	const stages = entriesOf(playbook, 'lead-stages').sort((a, b) => a.data.order - b.data.order);
	const entry = stages[0];
	const byId = playbook.entries['lead-stages'];
	const reachable = new Set<string>();
	const queue = entry ? [entry.id] : [];
	while (queue.length > 0) {
		const id = queue.shift()!;
		if (reachable.has(id)) continue;
		reachable.add(id);
		for (const next of byId.get(id)!.data.next) if (byId.has(next)) queue.push(next);
	}
	return { entry, stages, reachable };
}
