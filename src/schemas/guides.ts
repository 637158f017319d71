import { z } from 'zod';
import { TextSchema } from './fields.ts';

/** A prose page, in `content/guides/<id>.mdx`: start here, how to propose a change, and so on. */
export const GuideSchema = z.strictObject({
	/** Page title. */
	title: TextSchema,
	/** One sentence shown in lists and search results. */
	summary: TextSchema,
	/** Position in the guides list; lower comes first. Optional, default 100. */
	order: z.number().default(100),
});

export type Guide = z.output<typeof GuideSchema>;
