import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, TextListSchema, TextSchema } from './fields.ts';
import { BUYING_ROLES } from './vocabulary.ts';

/** A buyer persona, in `content/personas/<id>.mdx`. */
export const PersonaSchema = z.strictObject({
	...definitionShape,
	/** Job title of the buyer, e.g. `VP of Finance`. */
	role: TextSchema,
	/** Part in the buying decision: economic-buyer | champion | technical-evaluator | user | influencer. */
	buying_role: z.enum(BUYING_ROLES),
	/** Ids of the ICP tiers this persona is found in. */
	icp: z.array(reference('icp')).default([]),
	/** What they are measured on, in their words. */
	goals: TextListSchema.default([]),
	/** What hurts today. */
	pains: TextListSchema.default([]),
	/** What they say to push back, and how we answer. */
	objections: z.array(z.strictObject({ objection: TextSchema, response: TextSchema })).default([]),
	/** Verbatim quotes heard by sales or success, with where they were heard. */
	quotes: z.array(z.strictObject({ quote: TextSchema, source: TextSchema })).default([]),
});

export type Persona = z.output<typeof PersonaSchema>;
