import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, TextListSchema, TextSchema } from './fields.ts';
import { DEPARTMENTS } from './vocabulary.ts';

/** A stage of the lead lifecycle, in `content/lead-stages/<id>.mdx`. */
export const LeadStageSchema = z.strictObject({
	...definitionShape,
	/** Short name reps use, e.g. `MQL`. Optional. */
	abbreviation: TextSchema.optional(),
	/** Position in the lifecycle; the stage with the lowest order is the entry stage. */
	order: z.number(),
	/** The department that works leads in this stage. */
	worked_by: z.enum(DEPARTMENTS),
	/** What makes a lead enter this stage. Required, non-empty. */
	entry_criteria: TextListSchema.min(1, {
		error: 'is an empty list. List at least one criterion that puts a lead in this stage.',
	}),
	/** What moves a lead out of this stage. */
	exit_criteria: TextListSchema.default([]),
	/** Lead score needed to enter. Optional. */
	score_threshold: z.number().nonnegative({ error: 'is below zero. Use zero or more.' }).optional(),
	/** Ids of the stages a lead can move to; empty for a terminal stage. */
	next: z.array(reference('lead-stages')).default([]),
	/** Reasons a lead is rejected from this stage. Optional. */
	rejection_reasons: TextListSchema.optional(),
});

export type LeadStage = z.output<typeof LeadStageSchema>;
