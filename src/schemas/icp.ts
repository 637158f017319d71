import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { TextListSchema } from './fields.ts';

const RangeSchema = z
	.strictObject({
		/** Lower bound, inclusive. */
		min: z.number().nonnegative({ error: 'is below zero. Use zero or more.' }),
		/** Upper bound, inclusive. Optional: no upper bound. */
		max: z.number().nonnegative({ error: 'is below zero. Use zero or more.' }).optional(),
	})
	.refine((range) => range.max === undefined || range.max >= range.min, {
		error: 'is below min. Make max at least min, or remove it for no upper bound.',
		path: ['max'],
	});

/** An ideal customer profile tier, in `content/icp/<id>.mdx`. */
export const IcpSchema = z.strictObject({
	...definitionShape,
	/** 1 is the best fit. */
	tier: z.int().min(1, {
		error: 'is below 1. Use 1 for the best fit, 2 for the next tier, and so on.',
	}),
	/** Who the company is. */
	firmographics: z.strictObject({
		/** Industries, e.g. `[Software, Fintech]`. */
		industries: TextListSchema.default([]),
		/** Headcount range, e.g. `{ min: 200, max: 2000 }`. */
		employees: RangeSchema,
		/** Annual revenue in US dollars. Optional. */
		annual_revenue_usd: RangeSchema.optional(),
		/** Regions, e.g. `[North America, EMEA]`. */
		regions: TextListSchema.default([]),
	}),
	/** Events that make an account worth working now. */
	signals: TextListSchema.default([]),
	/** Facts that rule an account out. */
	disqualifiers: TextListSchema.default([]),
});

export type Icp = z.output<typeof IcpSchema>;
