import { z } from 'zod';
import { ProseSchema, TextSchema } from './fields.ts';

/** A calendar month, written `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, {
	error: 'is not a month. Write it as YYYY-MM, for example 2026-11.',
});

/**
 * One month's values of the shared metrics, in `content/results/<YYYY-MM>.yaml`, committed by
 * revenue operations (or written by `npm run results -- import`). Not a definition: no owners.
 */
export const ResultsSchema = z.strictObject({
	/** The month the values are for, `YYYY-MM`; the file is named after it. */
	month: MonthSchema,
	/** Where the values come from, e.g. `CRM funnel report, exported December 1, 2026`. */
	source: TextSchema,
	/** Metric id → the month's value, in the metric's unit. Required, non-empty. */
	metrics: z.record(z.string(), z.number()).refine((values) => Object.keys(values).length > 0, {
		error: 'is empty. Add one line per metric id with its value for the month.',
	}),
	/** What happened that month, in a sentence or two. Optional. */
	notes: ProseSchema.optional(),
});

export type Results = z.output<typeof ResultsSchema>;
