// @ts-expect-error: Pagefind's search box ships no types.
import { PagefindUI as untypedSearchBox } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';

const PagefindSearchBox = untypedSearchBox as new (options: Record<string, unknown>) => object;

/**
 * Starlight's ranking for Pagefind (short pages and repeated words count for little), with
 * metadata weights: a definition's abbreviation and aliases (the `keywords` metadata) outrank
 * pages that merely mention them, so "MQL" finds the MQL definition first; a collection's index
 * also carries its abbreviation as `collection`, so "SLA" finds the SLAs index first.
 */
const SEARCH_RANKING = {
	pageLength: 0.1,
	termFrequency: 0.1,
	termSaturation: 2,
	termSimilarity: 9,
	diacriticSimilarity: 0.8,
	metaWeights: { collection: 10, keywords: 10, title: 5 },
};

/**
 * Pagefind's search box as Starlight's search dialog starts it (this module stands in for
 * `@pagefind/default-ui`, see astro.config.mjs), with two changes: the ranking that puts a
 * definition above pages that mention it, and an index without filters, so the first search
 * downloads only what it needs to show results. Filters live on the Find content page.
 */
export class PagefindUI extends PagefindSearchBox {
	constructor(options: { bundlePath: string } & Record<string, unknown>) {
		super({
			...options,
			ranking: SEARCH_RANKING,
			bundlePath: options.bundlePath.replace(/pagefind\/$/, 'search/'),
		});
	}
}
