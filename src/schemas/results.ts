import { z } from 'zod';
import { ProseSchema, TextSchema } from './fields.ts';

/** A calendar month, written `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, {
	error: 'is not a month. Write it as YYYY-MM, for example 2026-11.',
});

/** A number of leads: whole, and never below zero. */
const LeadCountSchema = z
	.number()
	.int()
	.nonnegative({ error: 'is below zero. Write how many leads, 0 or more.' });

/** The sections a month's file may hold; at least one of them. */
export const RESULTS_SECTIONS = ['metrics', 'slas', 'rejections', 'stages'] as const;

/**
 * One month's values of the shared metrics, in `content/results/<YYYY-MM>.yaml`, committed by
 * revenue operations (or written by `npm run results -- import`). Not a definition: no owners.
 */
export const ResultsSchema = z
	.strictObject({
		/** The month the values are for, `YYYY-MM`; the file is named after it. */
		month: MonthSchema,
		/** Where the values come from, e.g. `CRM funnel report, exported December 1, 2026`. */
		source: TextSchema,
		/**
		 * Metric id → the month's value, in the metric's unit. Non-empty when written; optional when
		 * the file holds `slas`, `rejections` or `stages`.
		 */
		metrics: z
			.record(z.string(), z.number())
			.refine((values) => Object.keys(values).length > 0, {
				error: 'is empty. Add one line per metric id with its value for the month.',
			})
			.optional(),
		/**
		 * SLA id → the month's measured value of each commitment, in the commitment's unit and in the
		 * order the SLA lists its commitments; `~` for one not measured that month. Optional. Example:
		 * `mql-follow-up: [1.4, 6, 96]`.
		 */
		slas: z.record(z.string(), z.array(z.number().nullable())).optional(),
		/**
		 * Lead stage id → rejection reason (one of the stage's `rejection_reasons`) → how many leads
		 * were rejected from the stage for it that month. Optional.
		 */
		rejections: z.record(z.string(), z.record(z.string(), LeadCountSchema)).optional(),
		/** Lead stage id → how many leads entered the stage that month. Optional. */
		stages: z.record(z.string(), LeadCountSchema).optional(),
		/** What happened that month, in a sentence or two. Optional. */
		notes: ProseSchema.optional(),
	})
	.refine((results) => RESULTS_SECTIONS.some((section) => results[section] !== undefined), {
		path: ['metrics'],
		error:
			"is missing. Add the month's metric values, or at least one of slas, rejections and stages.",
	});

export type Results = z.output<typeof ResultsSchema>;
