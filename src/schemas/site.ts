import { z } from 'zod';
import { TitleSchema } from './fields.ts';

/**
 * What the site calls itself and whose playbook it is, in `content/site.yaml`: the one place a
 * team writes its own name, so no page, guide or setting repeats it. Every key is optional.
 */

/** The file, at the top of the content folder, that holds the site's names. */
export const SITE_FILE = 'site.yaml';

/** The site's name while `title` is unset. */
export const DEFAULT_SITE_TITLE = 'Revenue Playbook';

/** A SHA-256 in hex: how `example` is written. */
const SHA256 = /^[0-9a-f]{64}$/;

export const SiteSchema = z.strictObject({
	/** The site's name, at the top of every page and in the browser tab. Default `Revenue Playbook`. */
	title: TitleSchema.default(DEFAULT_SITE_TITLE),
	/** The company whose playbook it is, as the home page names it, such as `Acme`. Optional. */
	company: TitleSchema.optional(),
	/**
	 * Set only in the example playbook the project ships: the fingerprint of its content, by which
	 * `npm run init` knows the example is untouched. A team's own playbook leaves it out.
	 */
	example: z
		.string()
		.regex(SHA256, {
			error:
				'is not the fingerprint npm run init wrote. Remove the line: only the shipped example has one.',
		})
		.optional(),
});

export type Site = z.output<typeof SiteSchema>;
