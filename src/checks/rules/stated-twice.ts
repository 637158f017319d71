import { entriesOf } from '../../model/playbook.ts';
import { formatAmount } from '../../model/words.ts';
import { quote } from '../problems/problems.ts';
import type { RuleContext } from './rule.ts';

/**
 * The scores a sentence names: the number after the word "score" (`Lead score of 100 or more`,
 * `score ≥ 100`, `scores at least 1,000`), read only where nothing but words and symbols stand
 * between, so "score in 2 systems" is not mistaken for one.
 */
export function scoresNamedIn(text: string): number[] {
	return [
		...text.matchAll(
			/\bscores?\b[^\d.;:!?]{0,24}?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\d|[.,]\d|\s*%)/gi,
		),
	]
		.filter((match) => !/\b(?:in|across|for|per|from)\b/i.test(match[0]))
		.map((match) => Number(match[1]!.replace(/,/g, '')));
}

/**
 * The figures a commitment's sentence gives in its own unit: `within 2 business hours` when the
 * unit is `business hours`. Other numbers (`top 3 accounts`) are left alone.
 */
export function figuresInUnit(text: string, unit: string): number[] {
	const escaped = unit
		.trim()
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/s$/i, '');
	return [...text.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${escaped}s?\\b`, 'gi'))].map(
		(match) => Number(match[1]),
	);
}

const number = (value: number) => value.toLocaleString('en-US');

/**
 * A definition that states one number twice, in two ways that disagree: a lead stage whose
 * criteria name another score than its `score_threshold`, an SLA commitment whose sentence gives
 * another figure than its `target`. Which one is meant cannot be told, so it is a warning that
 * names both; the CRM, the diagram and the knowledge checks read the field, readers the text.
 */
export function checkStatedTwice({ playbook, reportIn }: RuleContext): void {
	for (const stage of entriesOf(playbook, 'lead-stages')) {
		const threshold = stage.data.score_threshold;
		if (threshold === undefined) continue;
		for (const field of ['entry_criteria', 'exit_criteria'] as const) {
			stage.data[field].forEach((criterion, index) => {
				const other = scoresNamedIn(criterion).find((score) => score !== threshold);
				if (other === undefined) return;
				reportIn(stage.file)(
					'NumberStatedTwice',
					field,
					`item ${index + 1}, ${quote(criterion)}, names a score of ${number(other)}, but score_threshold is ${number(threshold)}`,
					'Make the two agree: write the same score in the criterion and in score_threshold.',
				);
			});
		}
	}
	for (const sla of entriesOf(playbook, 'slas')) {
		sla.data.commitments.forEach((commitment, index) => {
			const other = figuresInUnit(commitment.what, commitment.unit).find(
				(figure) => figure !== commitment.target,
			);
			if (other === undefined) return;
			reportIn(sla.file)(
				'NumberStatedTwice',
				`commitments[${index}].what`,
				`says ${formatAmount(other, commitment.unit)}, but the target is ${formatAmount(commitment.target, commitment.unit)}`,
				'Make the two agree: change the sentence or the target, or leave the number out of the sentence.',
			);
		});
	}
}
