import type { Entry, Playbook } from '../model/playbook.ts';
import {
	commitmentDirection,
	commitmentKept,
	commitmentValue,
	resultsByMonth,
} from '../model/results-sections.ts';
import { formatAmount, monthName } from '../model/words.ts';
import type { Commitment } from '../schemas/slas.ts';
import { NO_DATA } from './bar-charts.ts';

/**
 * The SLA scorecard: each commitment's target, its value in the last month, kept or missed in
 * words, and a row of marks for the months before. Pure, so the page's words and marks are
 * tested against the results files.
 */

export type Verdict = 'Kept' | 'Missed' | 'No data';

export interface CommitmentMark {
	month: string;
	value: number | undefined;
	verdict: Verdict;
	/** The mark drawn for it, told apart by shape, not colour: ✓ kept, ✗ missed, – no data. */
	mark: '✓' | '✗' | '–';
}

export interface ScorecardRow {
	sla: Entry<'slas'>;
	/** The commitment's position in its SLA, from 0: its place in a results file's list. */
	index: number;
	commitment: Commitment;
	/** `at most 2 business hours per lead`. */
	target: string;
	/** The last month's value in its unit, or `no data`. */
	valueText: string;
	verdict: Verdict;
	/** One mark a month, oldest first. */
	marks: CommitmentMark[];
	/** The marks in words, for the picture's description. */
	description: string;
}

const MARKS = { Kept: '✓', Missed: '✗', 'No data': '–' } as const;

/** A commitment's target as a reader says it: `at most 2 business hours per lead`. */
export function commitmentTarget(commitment: Commitment): string {
	const direction = commitmentDirection(commitment) === 'higher' ? 'at least' : 'at most';
	return `${direction} ${formatAmount(commitment.target, commitment.unit)} ${commitment.period}`;
}

/** Kept, missed, or no data, for a value that may be missing. */
export function verdictOf(commitment: Commitment, value: number | undefined): Verdict {
	if (value === undefined) return 'No data';
	return commitmentKept(commitment, value) ? 'Kept' : 'Missed';
}

/**
 * One row per commitment of each SLA, over `months` (oldest first; the last is the month the
 * scorecard is for).
 */
export function slaScorecard(
	playbook: Playbook,
	slas: readonly Entry<'slas'>[],
	months: readonly string[],
): ScorecardRow[] {
	const byMonth = resultsByMonth(playbook);
	return slas.flatMap((sla) =>
		sla.data.commitments.map((commitment, index) => {
			const marks = months.map((month) => {
				const value = commitmentValue(byMonth.get(month), sla.id, index);
				const verdict = verdictOf(commitment, value);
				return { month, value, verdict, mark: MARKS[verdict] };
			});
			const last = marks.at(-1);
			const kept = marks.filter((mark) => mark.verdict === 'Kept').length;
			const measured = marks.filter((mark) => mark.verdict !== 'No data').length;
			const told = marks
				.map(
					(mark) =>
						`${monthName(mark.month)}: ${mark.value === undefined ? NO_DATA : `${formatAmount(mark.value, commitment.unit)}, ${mark.verdict.toLowerCase()}`}`,
				)
				.join('; ');
			return {
				sla,
				index,
				commitment,
				target: commitmentTarget(commitment),
				valueText: last?.value === undefined ? NO_DATA : formatAmount(last.value, commitment.unit),
				verdict: last?.verdict ?? 'No data',
				marks,
				description: `${commitment.what}, target ${commitmentTarget(commitment)}: kept ${kept} of ${measured} measured months. ${told}.`,
			};
		}),
	);
}
