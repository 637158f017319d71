import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, TextListSchema, TextSchema } from './fields.ts';

/** A term both teams use, in `content/glossary/<id>.mdx`. The title is the term. */
export const GlossaryTermSchema = z.strictObject({
	...definitionShape,
	/** Short form, e.g. `ACV`. Optional. */
	abbreviation: TextSchema.optional(),
	/** What the term means, in the words both teams agreed. Required. */
	definition: TextSchema,
	/** Ids of related glossary terms. */
	see_also: z.array(reference('glossary')).default([]),
	/** Words not to use for it, because they mean something else to the other team. */
	avoid: TextListSchema.default([]),
});

export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;
