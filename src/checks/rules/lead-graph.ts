import type { Entry, Playbook } from '../../model/playbook.ts';
import { leadGraph } from '../../model/lead-graph.ts';
import type { RuleContext } from './rule.ts';

/**
 * The lead-stage graph: one entry stage (lowest order), every stage reachable from it, and from
 * every stage some terminal stage (one with no `next`) reachable, so no lead loops for ever.
 * Missing `next` targets are reported by the reference check; a stage whose file is invalid
 * suspends the graph checks until it is fixed.
 */
export function checkLeadGraph({ playbook, reportIn }: RuleContext): void {
	// With a stage that failed its schema the graph has a hole; judging it would blame the stages
	// after the hole for a problem that has its own line already.
	if (playbook.invalid['lead-stages'].size > 0) return;
	const { entry, stages, reachable } = leadGraph(playbook);
	if (!entry) return;
	const tied = stages.filter((stage) => stage !== entry && stage.data.order === entry.data.order);
	for (const stage of tied)
		reportIn(stage.file)(
			'AmbiguousEntryStage',
			'order',
			`is ${stage.data.order}, the same as ${entry.id}, so the lifecycle has two entry stages`,
			`Give the entry stage the lowest order and this one a higher order.`,
		);
	for (const stage of stages) {
		if (reachable.has(stage.id) || tied.includes(stage)) continue;
		reportIn(stage.file)(
			'UnreachableStage',
			'next',
			`no stage leads here from the entry stage ${entry.id}, so no lead can ever reach ${stage.id}`,
			`Add ${stage.id} to the next list of the stage that leads into it.`,
		);
	}
	for (const stage of stagesWithoutExit(stages, playbook))
		reportIn(stage.file)(
			'NoExit',
			'next',
			`from ${stage.id} every path loops back without reaching a stage that ends the lifecycle`,
			'Give one stage on the loop a next stage with an empty next list (for example disqualified).',
		);
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
