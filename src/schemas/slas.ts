import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, TextSchema } from './fields.ts';
import { DEPARTMENTS } from './vocabulary.ts';

/**
 * The largest target that still makes a promise between two teams, for units that have one: a
 * response time beyond a quarter is no service level (10,000 hours is more than a year), and a
 * rate beyond 100 percent cannot be met. Other units (MQLs, attempts) have no ceiling.
 */
export function targetCeiling(unit: string): { max: number; why: string } | undefined {
	const words = unit.toLowerCase();
	const QUARTER = 'longer than a quarter';
	if (/\bpercent\b|%/.test(words)) return { max: 100, why: 'which no team can reach' };
	if (/\bminutes?\b/.test(words)) return { max: 129_600, why: QUARTER };
	if (/\bhours?\b/.test(words)) return { max: 2_160, why: QUARTER };
	if (/\bdays?\b/.test(words)) return { max: 90, why: QUARTER };
	if (/\bweeks?\b/.test(words)) return { max: 13, why: QUARTER };
	if (/\bmonths?\b/.test(words)) return { max: 3, why: QUARTER };
	return undefined;
}

/** One measurable promise inside an SLA. */
const CommitmentShape = z.strictObject({
	/** What is promised, e.g. `First contact attempt on a new MQL`. */
	what: TextSchema,
	/** The number promised, e.g. `2`. */
	target: z.number().positive({ error: 'is not more than zero. Set a target above zero.' }),
	/** Unit of the target, e.g. `business hours`. */
	unit: TextSchema,
	/** What the target is counted over, e.g. `per lead`. */
	period: TextSchema,
	/**
	 * Whether the commitment is kept at or over its target (`higher`) or at or under it (`lower`).
	 * Optional: left out, a time (minutes, hours, days, weeks, months) is kept at or under, and
	 * anything else at or over. Write it where the unit says otherwise: `lower` for "at most 2
	 * percent of MQLs left unworked".
	 */
	better: z.enum(['higher', 'lower']).optional(),
});

export const CommitmentSchema = CommitmentShape.superRefine((commitment, context) => {
	const ceiling = targetCeiling(commitment.unit);
	if (ceiling && commitment.target > ceiling.max) {
		context.addIssue({
			code: 'custom',
			path: ['target'],
			input: commitment.target,
			message: `is more than ${ceiling.max} ${commitment.unit.trim()}, ${ceiling.why}. Set a target both teams can meet and measure.`,
		});
	}
});

/** A service-level agreement between two departments, in `content/slas/<id>.mdx`. */
export const SlaSchema = z.strictObject({
	...definitionShape,
	/** The department that commits. */
	from: z.enum(DEPARTMENTS),
	/** The department it serves. */
	to: z.enum(DEPARTMENTS),
	/** Id of the lead stage it governs. Optional. */
	lead_stage: reference('lead-stages').optional(),
	/** The promises, each measurable. Required, non-empty. */
	commitments: z.array(CommitmentSchema).min(1, {
		error: 'is an empty list. Add at least one commitment with what, target, unit and period.',
	}),
	/** Where attainment is measured, e.g. `CRM SLA dashboard`. */
	measured_in: TextSchema,
	/** What happens when the SLA is missed. */
	escalation: TextSchema,
});

export type Sla = z.output<typeof SlaSchema>;
export type Commitment = z.output<typeof CommitmentSchema>;
