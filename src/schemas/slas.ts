import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { EntryIdSchema, TextSchema } from './fields.ts';
import { DEPARTMENTS } from './vocabulary.ts';

/** One measurable promise inside an SLA. */
export const CommitmentSchema = z.strictObject({
	/** What is promised, e.g. `First contact attempt on a new MQL`. */
	what: TextSchema,
	/** The number promised, e.g. `2`. */
	target: z.number().positive({ error: 'is not more than zero. Set a target above zero.' }),
	/** Unit of the target, e.g. `business hours`. */
	unit: TextSchema,
	/** What the target is counted over, e.g. `per lead`. */
	period: TextSchema,
});

/** A service-level agreement between two departments, in `content/slas/<id>.mdx`. */
export const SlaSchema = z.strictObject({
	...definitionShape,
	/** The department that commits. */
	from: z.enum(DEPARTMENTS),
	/** The department it serves. */
	to: z.enum(DEPARTMENTS),
	/** Id of the lead stage it governs. Optional. */
	lead_stage: EntryIdSchema.optional(),
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
