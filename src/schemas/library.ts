import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, HttpUrlSchema, ProseSchema } from './fields.ts';
import { FORMATS, USES } from './vocabulary.ts';

/** A piece of content for buyers, in `content/library/<id>.mdx`. */
export const LibraryItemSchema = z.strictObject({
	...definitionShape,
	/** Ids of the buyer stages it serves. Required, non-empty. */
	stages: z.array(reference('buyer-stages')).min(1, {
		error: 'is an empty list. Name at least one buyer stage id from content/buyer-stages.',
	}),
	/** Ids of the personas it serves; empty means every persona. */
	personas: z.array(reference('personas')).default([]),
	/** What kind of asset it is, e.g. `case-study`. */
	format: z.enum(FORMATS),
	/** Who uses it with buyers: marketing | sales | both. */
	use: z.enum(USES),
	/** Where the asset lives; http(s) only. Optional. */
	url: HttpUrlSchema.optional(),
	/** How a rep uses it on a call. Optional. */
	talk_track: ProseSchema.optional(),
});

export type LibraryItem = z.output<typeof LibraryItemSchema>;
