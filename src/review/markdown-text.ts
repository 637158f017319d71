/**
 * Text from content, made safe to send to GitHub, where it is rendered as GitHub Flavored
 * Markdown (pull-request comments, issue bodies) or shown as a title. Everything sent to GitHub
 * that a pull request or a content file can influence goes through one of these functions.
 *
 * What they promise: the text shows as the same words, and cannot open a heading, a list, a
 * quote, a table, a code block, emphasis or strikethrough, a link, an image or an autolink (a
 * bare `https://…` or `www.…` address shows as text), raw HTML or an HTML comment, a mention
 * (`@someone`, `@org/team`) or a reference to an issue or pull request (`#12`, `GH-12`,
 * `owner/repo#12`). Line breaks and other control characters become spaces, so one-line text
 * stays on its line.
 */

/**
 * An invisible zero-width space, put after `@` and `#` and inside `GH-` and `://` so that
 * GitHub's mention, reference and autolink filters, which read the rendered text, find nothing
 * to link (the words still read the same).
 */
const BREAK = '\u200b';

/**
 * Line breaks and control characters become one space; bidirectional overrides, which can make
 * text read in another order than it is written, are dropped.
 */
function flatten(text: string): string {
	return text
		.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
		.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
		.trim();
}

/** Puts {@link BREAK} where GitHub would otherwise make a mention, reference or link. */
function breakLinks(text: string): string {
	return text
		.replace(/[@#]/g, `$&${BREAK}`)
		.replace(/\b(gh)-/gi, `$1${BREAK}-`)
		.replace(/:\/\//g, `:${BREAK}//`)
		.replace(/\b(www)\./gi, `$1${BREAK}.`);
}

/**
 * One line of text for GitHub Markdown: flattened to a line, every ASCII punctuation mark
 * backslash-escaped (CommonMark shows an escaped mark as itself, and it starts nothing), `<`,
 * `>` and `&` written as character references, and mentions, references and bare addresses
 * broken with an invisible space.
 */
export function markdownText(text: string): string {
	return breakLinks(flatten(text))
		.replace(/[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g, '\\$&')
		.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
}

/**
 * One line of text for Markdown read outside GitHub (the site's Markdown copies of its pages):
 * the same promise as {@link markdownText} for Markdown itself (no heading, list, quote, table,
 * code, emphasis, link, image, autolink, raw HTML or comment opens, and the words read the same),
 * with only the marks that could open something escaped, so a copy reads cleanly. GitHub's
 * mentions and references mean nothing there and are left as written.
 */
export function markdownProse(text: string): string {
	return (
		flatten(text)
			// Marks that open something wherever they stand.
			.replace(/[\\`*_[\]!~|#]/g, '\\$&')
			// Marks that open a block at the start of a line: a list or a heading's underline (a
			// quote's `>` is written as a character reference below, which opens nothing).
			.replace(/^[-+=]/, '\\$&')
			.replace(/^(\d+)([.)])/, '$1\\$2')
			// A bare address or an e-mail address, which GitHub Flavored Markdown links by itself.
			.replace(/:\/\//g, '\\://')
			.replace(/\b(www)\./gi, '$1\\.')
			.replace(/@/g, '\\@')
			.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
	);
}

/** A link in a Markdown copy: words from the content, an address that is the site's own. */
export function proseLink(text: string, url: string): string {
	return `[${markdownProse(text)}](${markdownUrl(url)})`;
}

/**
 * Text in a code span, such as a file path: shown exactly (backslashes and marks included),
 * fenced with one more backtick than the longest run of backticks inside, so no name can close
 * the span early. Mentions and references are not made inside code.
 */
export function markdownCode(text: string): string {
	const flat = flatten(text);
	if (!flat) return '` `';
	const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	// CommonMark strips one space from each side when both are there: pad when the text starts
	// or ends with a backtick (which would join the fence) or a space (which would be stripped).
	const pad = /^[`\s]|[`\s]$/.test(flat) ? ' ' : '';
	return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * An address for a Markdown link's destination: characters that could end the destination or
 * the link (spaces, parentheses, angle brackets, quotes, backslashes, controls) are
 * percent-encoded, so the link goes where the address says and nowhere else.
 */
export function markdownUrl(url: string): string {
	return flatten(url).replace(/[^\w\-.~:/?#@!$&*+,;=%]/gu, (c) =>
		[...new TextEncoder().encode(c)]
			.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
			.join(''),
	);
}

/** A link whose words come from content and whose address is the site's own. */
export function markdownLink(text: string, url: string): string {
	return `[${markdownText(text)}](${markdownUrl(url)})`;
}

/**
 * A title GitHub shows as plain text (an issue title): flattened to one line, with mentions,
 * references and addresses broken as in {@link markdownText}; no Markdown escapes, since GitHub
 * would show the backslashes.
 */
export function plainTitle(text: string): string {
	return breakLinks(flatten(text));
}

/** A GitHub handle, mentioned on purpose; anything that is not a handle is shown as text. */
export function mention(handle: string): string {
	return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(handle)
		? `@${handle}`
		: markdownText(`@${handle}`);
}
