import { z } from 'zod';
import { reference, IsoDateSchema, SummarySchema, TextSchema, TitleSchema } from './fields.ts';
import { STATUSES } from './vocabulary.ts';

/**
 * Keys every definition carries (personas, ICP, lead stages, buyer stages, library items, SLAs).
 * Spread into each collection's strict object so unknown keys stay errors.
 */
export const definitionShape = {
	/** Name of the definition, e.g. `Marketing Qualified Lead`. Required. */
	title: TitleSchema,
	/** One sentence a rep can read in a search result. Required. */
	summary: SummarySchema,
	/**
	 * Ids of people in `content/team`. At least one must be in sales and one in marketing
	 * (checked across entries). Example: `[dana-whitfield, marco-silva]`.
	 */
	owners: z.array(reference('team')),
	/** `draft` | `approved` | `deprecated`. */
	status: z.enum(STATUSES),
	/** Day it was last reviewed, `YYYY-MM-DD`. */
	reviewed: IsoDateSchema,
	/**
	 * Other words reps use for it, so search finds it by them too, e.g.
	 * `[marketing lead, hand-raiser]`. Optional.
	 */
	aliases: z.array(TextSchema).default([]),
	/** Months between reviews. Optional, default 6. */
	review_every: z
		.int()
		.min(1, { error: 'is less than 1 month. Use a whole number of months, 1 or more.' })
		.max(60, { error: 'is more than 60 months. Review at least every five years.' })
		.default(6),
};
