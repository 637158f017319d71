import { z } from 'zod';
import { SummarySchema, TextSchema, TitleSchema } from './fields.ts';

/**
 * A prose page, in `content/guides/<id>.mdx`: start here, how to propose a change, and so on.
 * The content contract names the folder but not its keys, so only a title is required, and
 * the summary may also be written `description`, as Starlight pages do.
 */
export const GuideSchema = z
	.strictObject({
		/** Page title. */
		title: TitleSchema,
		/** One sentence shown in lists and search results. Optional. */
		summary: SummarySchema.optional(),
		/** The same as `summary`, under the name Starlight pages use. Optional. */
		description: TextSchema.optional(),
		/** Position in the guides list; lower comes first. Optional, default 100. */
		order: z.number().default(100),
	})
	.transform(({ description, ...guide }) => ({ ...guide, summary: guide.summary ?? description }));

export type Guide = z.output<typeof GuideSchema>;
