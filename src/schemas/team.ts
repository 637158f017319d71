import { z } from 'zod';
import { IsoDateSchema, TitleSchema } from './fields.ts';
import { DEPARTMENTS } from './vocabulary.ts';

/** A person, in `content/team/<id>.yaml`. Owners of definitions are people by id. */
export const TeamSchema = z.strictObject({
	/** Full name, e.g. `Dana Whitfield`. */
	name: TitleSchema,
	/** Job title, e.g. `VP of Sales`. */
	title: TitleSchema,
	/** One of the departments; only `sales` and `marketing` count for ownership. */
	department: z.enum(DEPARTMENTS),
	/** GitHub handle without `@`, used for CODEOWNERS. Optional. */
	github: z
		.string()
		.regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, {
			error: 'is not a GitHub handle. Write the handle without @, for example dana-whitfield.',
		})
		.optional(),
	/** Work e-mail address. Optional. */
	email: z.email({ error: 'is not an e-mail address. Write it as name@company.com.' }).optional(),
	/**
	 * The day the person left the company, `YYYY-MM-DD`. From that day they count for neither
	 * side of the ownership rule; `npm run reassign` moves what they owned. Optional.
	 */
	left: IsoDateSchema.optional(),
});

export type Person = z.output<typeof TeamSchema>;
