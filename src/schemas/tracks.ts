import { z } from 'zod';
import { SummarySchema, TextListSchema, TextSchema, TitleSchema } from './fields.ts';

/** A reference to any entry, written `collection/id`, e.g. `lead-stages/mql`. */
export const EntryRefSchema = z.string().regex(/^[a-z-]+\/[A-Za-z0-9][A-Za-z0-9._-]*$/, {
	error: 'is not an entry reference. Write the collection and the id, for example lead-stages/mql.',
});

/** A question a track's authors ask after a step, to check what was read. */
export const CheckQuestionSchema = z
	.strictObject({
		/** The question, e.g. `How many lead score points make an MQL?` */
		question: TextSchema,
		/** The answers to pick from, the right one among them, in the order shown. At least two. */
		choices: TextListSchema.min(2, {
			error: 'has fewer than two choices. List the right answer and at least one wrong one.',
		}),
		/** The right choice, written exactly as in `choices`. */
		answer: TextSchema,
		/** Why it is right, shown after answering. */
		why: TextSchema,
	})
	.superRefine((check, context) => {
		const seen = new Map<string, number>();
		check.choices.forEach((choice, index) => {
			const key = choice.trim().toLowerCase();
			const first = seen.get(key);
			if (first === undefined) seen.set(key, index);
			else
				context.addIssue({
					code: 'custom',
					path: ['choices', index],
					input: choice,
					message: `repeats choice ${first + 1}. Make every choice different, or remove the repeat.`,
				});
		});
		if (!check.choices.some((choice) => choice.trim() === check.answer.trim()))
			context.addIssue({
				code: 'custom',
				path: ['answer'],
				input: check.answer,
				message: `is not one of the choices. Copy the right choice into answer word for word.`,
			});
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
				/** Questions to answer after reading, written by the track's authors. Optional. */
				check: z.array(CheckQuestionSchema).default([]),
			}),
		)
		.min(1, { error: 'is an empty list. Add at least one step with read, take and minutes.' }),
});

export type Track = z.output<typeof TrackSchema>;
export type CheckQuestion = z.output<typeof CheckQuestionSchema>;
