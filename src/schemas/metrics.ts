import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, TextSchema } from './fields.ts';

/** A revenue metric both teams report the same way, in `content/metrics/<id>.mdx`. */
export const MetricSchema = z.strictObject({
	...definitionShape,
	/** How it is computed, in words, e.g. `SQLs created in the quarter ÷ MQLs created in it`. */
	formula: TextSchema,
	/** What is counted on top, for ratios and averages. Optional. */
	numerator: TextSchema.optional(),
	/** What it is divided by. Optional. */
	denominator: TextSchema.optional(),
	/** Unit of the value and target, e.g. `percent`, `days`, `USD`. */
	unit: TextSchema,
	/** The number the teams aim for. */
	target: z.number(),
	/** Whether a higher or a lower value is better. Optional, default `higher`. */
	better: z.enum(['higher', 'lower']).default('higher'),
	/** What the value is counted over, e.g. `per quarter`. Optional. */
	period: TextSchema.optional(),
	/** The system of record, e.g. `CRM funnel report`. */
	source: TextSchema,
	/** Ids of the lead stages it spans, e.g. `[mql, sql]`. */
	lead_stages: z.array(reference('lead-stages')).default([]),
});

export type Metric = z.output<typeof MetricSchema>;
