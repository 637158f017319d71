import { entriesOf } from '../../model/playbook.ts';
import { isPercentUnit } from '../../model/results.ts';
import { closest } from '../problems/closest.ts';
import type { RuleContext } from './rule.ts';

/**
 * The SLA measurements, rejection counts and stage volumes of the monthly results: every SLA and
 * lead stage id known, one value per commitment at most, no time below zero or percent above
 * 100, every rejection reason one of its stage's. The ids are keys of a section, not values of a
 * field, so `reference()` cannot declare them; this rule holds them to their collections.
 */
export function checkResultsSections({ playbook, reportIn }: RuleContext): void {
	const slas = playbook.entries.slas;
	const stages = playbook.entries['lead-stages'];
	const slaIds = [...slas.keys()];
	const stageIds = [...stages.keys()];
	/** The fix for an id that names nothing: the near miss, or the ids there are. */
	const idFix = (id: string, ids: string[], folder: string) => {
		const guess = closest(id, ids);
		return guess
			? `Did you mean ${guess}? Use the id of a file in content/${folder}.`
			: `Use the id of a file in content/${folder}: ${ids.join(', ') || 'there are none yet'}.`;
	};
	for (const { data, file } of entriesOf(playbook, 'results')) {
		const report = reportIn(file);
		for (const [slaId, values] of Object.entries(data.slas ?? {})) {
			const sla = slas.get(slaId);
			// An SLA whose own file is broken has its own error; naming it here is not another.
			if (!sla && playbook.invalid.slas.has(slaId)) continue;
			if (!sla) {
				report(
					'UnknownResultsSla',
					`slas.${slaId}`,
					'names no SLA in content/slas',
					idFix(slaId, slaIds, 'slas'),
				);
				continue;
			}
			const { commitments } = sla.data;
			if (values.length > commitments.length)
				report(
					'ExtraSlaValue',
					`slas.${slaId}`,
					`has ${values.length} values, but ${sla.data.title} has ${commitments.length} ${commitments.length === 1 ? 'commitment' : 'commitments'}`,
					"Give one value per commitment, in the SLA's order, and ~ for one not measured.",
				);
			values.forEach((value, index) => {
				const commitment = commitments[index];
				if (value === null || !commitment) return;
				const percent = isPercentUnit(commitment.unit);
				if (value >= 0 && (!percent || value <= 100)) return;
				report(
					'SlaValueOutOfRange',
					`slas.${slaId}[${index}]`,
					`is ${value}, but "${commitment.what}" is measured in ${commitment.unit.trim()}${percent ? ', from 0 to 100' : ', never below zero'}`,
					percent
						? 'Write the percent itself (96 for 96%), not a ratio or a count.'
						: `Write the month's measured value in ${commitment.unit.trim()}.`,
				);
			});
		}
		for (const section of ['rejections', 'stages'] as const)
			for (const stageId of Object.keys(data[section] ?? {}))
				if (!stages.has(stageId) && !playbook.invalid['lead-stages'].has(stageId))
					report(
						'UnknownResultsStage',
						`${section}.${stageId}`,
						'names no lead stage in content/lead-stages',
						idFix(stageId, stageIds, 'lead-stages'),
					);
		for (const [stageId, counts] of Object.entries(data.rejections ?? {})) {
			const stage = stages.get(stageId);
			if (!stage) continue;
			const reasons = stage.data.rejection_reasons ?? [];
			for (const reason of Object.keys(counts)) {
				if (reasons.includes(reason)) continue;
				const guess = closest(reason, reasons);
				report(
					'UnknownRejectionReason',
					`rejections.${stageId}.${reason}`,
					reasons.length === 0
						? `is a reason, but ${stage.data.title} lists no rejection reasons`
						: `is not one of the rejection reasons of ${stage.data.title}`,
					reasons.length === 0
						? `Count rejections under a stage that lists its reasons, or add rejection_reasons to content/lead-stages/${stageId}.`
						: guess
							? `Did you mean "${guess}"? Write the reason as the stage lists it.`
							: `Write one of the stage's reasons: ${reasons.map((r) => `"${r}"`).join(', ')}.`,
				);
			}
		}
	}
}
