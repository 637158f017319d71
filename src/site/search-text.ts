/**
 * The page text Pagefind indexes, made to read as words. Astro writes pages without whitespace
 * between tags, and Pagefind ends a sentence after a paragraph, list item, cell or description
 * but joins a label to what follows it: "Status" + "Approved" was indexed "StatusApproved", a
 * table's header row "CommitmentTargetPeriod", an owner and their team "Dana WhitfieldSales".
 * Pure, so the rule is tested on strings; src/middleware.ts applies it to every searchable page.
 */

/** The marker of a page Pagefind indexes (see search-index.ts); other pages are left as they are. */
const SEARCHABLE = 'data-pagefind-body';

/**
 * The HTML of a page with its labels kept apart for search: a space after each term (`dt`) and
 * header cell (`th`) and after a badge; a table's header row and the badge beside a link (an owner's team) stay out
 * of the index, since they say nothing about the page and would run into the words around them.
 * The spaces fall between block or table elements, where a browser draws nothing, or after a
 * badge, which is a word of its own.
 */
export function separatedForSearch(html: string): string {
	if (!html.includes(SEARCHABLE)) return html;
	return html
		.replace(/<thead(?=[\s>])/g, '<thead data-pagefind-ignore')
		.replace(/<\/(dt|th)>(?=<)/g, '</$1> ')
		.replace(/<\/a><span class="pb-badge/g, '</a><span data-pagefind-ignore class="pb-badge')
		.replace(/(<span [^>]*class="pb-badge[^"]*"[^>]*>[^<]*<\/span>)(?=<)/g, '$1 ');
}
