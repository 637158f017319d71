import { z } from 'zod';
import { SummarySchema, TextSchema, TitleSchema } from './fields.ts';

/** A reference to any entry, written `collection/id`, e.g. `lead-stages/mql`. */
export const EntryRefSchema = z.string().regex(/^[a-z-]+\/[A-Za-z0-9][A-Za-z0-9._-]*$/, {
	error: 'is not an entry reference. Write the collection and the id, for example lead-stages/mql.',
});

/** An onboarding path for one role, in `content/tracks/<id>.mdx`. */
export const TrackSchema = z.strictObject({
	/** Page title, e.g. `SDR onboarding`. */
	title: TitleSchema,
	/** One sentence on who it is for and what they will know at the end. */
	summary: SummarySchema,
	/** The role it is for, e.g. `SDR`. */
	role: TextSchema,
	/** Position among tracks on the home page; lower comes first. Optional, default 100. */
	order: z.number().default(100),
	/** The steps, in order. Required, non-empty. */
	steps: z
		.array(
			z.strictObject({
				/** What to read, as `collection/id`. */
				read: EntryRefSchema,
				/** What to take from it. */
				take: TextSchema,
				/** Expected reading time in minutes. */
				minutes: z.int().positive({
					error: 'is not a positive number of minutes. Estimate the reading time, for example 10.',
				}),
			}),
		)
		.min(1, { error: 'is an empty list. Add at least one step with read, take and minutes.' }),
});

export type Track = z.output<typeof TrackSchema>;
