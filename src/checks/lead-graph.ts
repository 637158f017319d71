import { entriesOf, type Entry, type Playbook } from '../model/playbook.ts';
import { type Problem, problem } from './problems.ts';

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

/**
 * The lead-stage graph: one entry stage (lowest order), every stage reachable from it, and from
 * every stage some terminal stage (one with no `next`) reachable, so no lead loops for ever.
 * Missing `next` targets are reported by the reference check; a stage whose file is invalid
 * suspends the graph checks until it is fixed.
 */
export function checkLeadGraph(playbook: Playbook): Problem[] {
	// With a stage that failed its schema the graph has a hole; judging it would blame the stages
	// after the hole for a problem that has its own line already.
	if (playbook.invalid['lead-stages'].size > 0) return [];
	const { entry, stages, reachable } = leadGraph(playbook);
	if (!entry) return [];
	const problems: Problem[] = [];
	const tied = stages.filter((stage) => stage !== entry && stage.data.order === entry.data.order);
	for (const stage of tied) {
		problems.push(
			problem(
				'AmbiguousEntryStage',
				stage.file,
				'order',
				`is ${stage.data.order}, the same as ${entry.id}, so the lifecycle has two entry stages`,
				`Give the entry stage the lowest order and this one a higher order.`,
			),
		);
	}
	for (const stage of stages) {
		if (reachable.has(stage.id) || tied.includes(stage)) continue;
		problems.push(
			problem(
				'UnreachableStage',
				stage.file,
				'next',
				`no stage leads here from the entry stage ${entry.id}, so no lead can ever reach ${stage.id}`,
				`Add ${stage.id} to the next list of the stage that leads into it.`,
			),
		);
	}
	for (const stage of stagesWithoutExit(stages, playbook)) {
		problems.push(
			problem(
				'NoExit',
				stage.file,
				'next',
				`from ${stage.id} every path loops back without reaching a stage that ends the lifecycle`,
				'Give one stage on the loop a next stage with an empty next list (for example disqualified).',
			),
		);
	}
	return problems;
}

/** Stages from which no terminal stage can be reached. */
function stagesWithoutExit(
	stages: Entry<'lead-stages'>[],
	playbook: Playbook,
): Entry<'lead-stages'>[] {
	const byId = playbook.entries['lead-stages'];
	const exits = new Set(stages.filter((stage) => stage.data.next.length === 0).map((s) => s.id));
	// Walk backwards from the terminal stages; whatever is never met cannot exit.
	let grew = true;
	while (grew) {
		grew = false;
		for (const stage of stages) {
			if (exits.has(stage.id)) continue;
			if (stage.data.next.some((next) => exits.has(next) || !byId.has(next))) {
				exits.add(stage.id);
				grew = true;
			}
		}
	}
	return stages.filter((stage) => !exits.has(stage.id));
}
