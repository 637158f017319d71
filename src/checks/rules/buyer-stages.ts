import { entriesOf } from '../../model/playbook.ts';
import type { RuleContext } from './rule.ts';

/**
 * The buyer's journey has one first stage, as the lead lifecycle has one entry stage: two buyer
 * stages that share the lowest `order` leave the finder, the coverage matrix and the call plans
 * to guess which comes first. The first in id order is taken as the first; the others are named.
 */
export function checkBuyerStageOrder({ playbook, reportIn }: RuleContext): void {
	const stages = entriesOf(playbook, 'buyer-stages');
	if (stages.length < 2) return;
	const lowest = Math.min(...stages.map((stage) => stage.data.order));
	const [first, ...tied] = stages.filter((stage) => stage.data.order === lowest);
	for (const stage of tied)
		reportIn(stage.file)(
			'AmbiguousFirstBuyerStage',
			'order',
			`is ${stage.data.order}, the same as ${first!.id}, so the buyer's journey has two first stages`,
			'Give the first buyer stage the lowest order and this one a higher order.',
		);
}
