import { z } from 'zod';

/**
 * Field shapes shared by several collections. Each carries the message the checker prints, so
 * the wording of a problem lives beside the rule that finds it.
 */

/**
 * An entry id: its file name without extension, safe as a URL segment: ASCII letters, digits,
 * `-`, `_` and `.`, starting with a letter or digit. Lower case is the convention (`mql`), but
 * the contract allows any file name, so `SQL` is accepted too. Spaces, slashes and look-alike
 * or invisible Unicode characters are refused: they make ids that read alike but differ.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A reference to another entry, by id. Whether it resolves is a cross-entry check. */
export const EntryIdSchema = z.string().regex(ID_PATTERN, {
	error:
		'is not an entry id. Use the file name of the entry without its extension: letters, digits, - and _.',
});

/**
 * The collection whose ids a reference field holds, recorded by `reference()` on the field.
 * Typed as text: the collection names come from the table built out of these very schemas, so
 * naming them here would make the types go round in a circle. `src/model/references.ts` holds
 * each one to a collection when it reads them.
 */
export const referenceTargets = z.registry<{ collection: string }>();

/**
 * A reference to an entry of `collection`, by id, declared where the field is (as Astro's
 * `reference()` is): the reference table, the editor's pickers and the dangling-reference rule
 * all read the target from here. Each call is a schema of its own, so each field keeps its target.
 */
export function reference(collection: string) {
	return EntryIdSchema.clone().register(referenceTargets, { collection });
}

/** Characters that break a line or drive a terminal: C0 and C1 controls but tab, DEL, U+2028, U+2029. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;
/** The same, but tab and line feed, which a paragraph of prose may hold. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Text a reader sees, at most `max` characters: it must show something other than whitespace,
 * and fit where it is shown. Longer prose belongs in the body, and a megabyte pasted by mistake
 * would bloat every page and the search index. One-line text (`lines: 'one'`) holds no control
 * characters at all: a line break in a title would open a new line in a pull-request comment, a
 * GitHub issue or CODEOWNERS, where it could pass for text the playbook did not write.
 */
function visibleText(max: number, tooLong: string, lines: 'one' | 'many' = 'one') {
	const control = lines === 'one' ? CONTROL : CONTROL_IN_PROSE;
	return (
		z
			.string()
			.trim()
			.min(1, { error: 'is empty. Write some text here.' })
			// Zero-width characters survive trim() but show nothing: a title of them is still empty.
			.refine((text) => text === '' || /[^\s\u200b-\u200f\u2060\ufeff]/.test(text), {
				error: 'shows nothing but invisible characters. Write some text here.',
			})
			.refine((text) => !control.test(text), {
				error:
					lines === 'one'
						? 'holds a line break or another control character. Write it on one line.'
						: 'holds a control character other than a line break. Retype the text, or paste it as plain text.',
			})
			.max(max, { error: `is longer than ${max.toLocaleString('en')} characters. ${tooLong}` })
	);
}

/** Text a reader sees on one line: a criterion, a goal, a list item. */
export const TextSchema = visibleText(2000, 'Shorten it, and move longer prose into the body.');

/** Text that may run over several lines: a talk track, a month's notes. */
export const ProseSchema = visibleText(
	2000,
	'Shorten it, and move longer prose into the body.',
	'many',
);

/** A name or title shown in headings, links and search results. */
export const TitleSchema = visibleText(120, 'Shorten it to a name; put the detail in the summary.');

/** One sentence a rep reads in a search result. */
export const SummarySchema = visibleText(
	300,
	'Keep it to one sentence; put the detail in the body.',
);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a `YYYY-MM-DD` string naming a day that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	// A day or month out of range rolls over into the next month or year, so comparing the year
	// and the day catches every impossible date (2026-02-30 becomes 2 March).
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCDate() === day;
}

/**
 * A calendar day, written `YYYY-MM-DD`, kept as that string.
 * The checker's YAML parser keeps dates as text so an impossible day is caught; Astro's parser
 * turns them into `Date` objects first, which this accepts and writes back as the same day.
 */
export const IsoDateSchema = z.preprocess(
	(value) =>
		value instanceof Date && !Number.isNaN(value.getTime())
			? value.toISOString().slice(0, 10)
			: value,
	z.string().refine(isRealDate, {
		error: 'is not a real date. Write the day as YYYY-MM-DD, for example 2026-10-01.',
	}),
);

/**
 * An absolute `http:` or `https:` address; `javascript:` and other schemes are refused, and so
 * are spaces, quotes and angle brackets, which a browser would silently rewrite or which mark
 * an address pasted with the text around it.
 */
export const HttpUrlSchema = z.string().refine(
	(value) => {
		if (/[\s<>"'`{}|\\^]/.test(value) || !URL.canParse(value)) return false;
		// An http(s) address without a host does not parse, so the scheme is all left to check.
		const { protocol } = new URL(value);
		return protocol === 'http:' || protocol === 'https:';
	},
	{ error: 'is not an http(s) address. Link to the asset with a full https:// address.' },
);

/** A list of short texts (criteria, goals, pains…). */
export const TextListSchema = z.array(TextSchema);
