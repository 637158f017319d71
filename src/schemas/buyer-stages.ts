import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { TextSchema } from './fields.ts';

/** A stage of the buyer's journey, in `content/buyer-stages/<id>.mdx`. */
export const BuyerStageSchema = z.strictObject({
	...definitionShape,
	/** Position in the journey, from first awareness to decision. */
	order: z.number(),
	/** The question the buyer is asking in this stage. */
	buyer_question: TextSchema,
});

export type BuyerStage = z.output<typeof BuyerStageSchema>;
