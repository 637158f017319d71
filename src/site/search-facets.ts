import { collectionAbbreviation, COLLECTIONS, type PageCollection } from '../schemas/index.ts';
import { COLLECTION_PAGES } from './collections.ts';
import { EVERY_PERSONA, pagefindValue, TALK_TRACK_META } from '../browser/finder-state.ts';
import { labelOf } from '../schemas/vocabulary.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import type { LibraryItem } from '../schemas/library.ts';
import { isRecommended, listingMark } from '../model/recommend.ts';
import { titleOf } from '../model/views.ts';

/** The Pagefind filters of the site, in the order the finder shows them. */
export const FILTER_NAMES = ['kind', 'stage', 'persona', 'format', 'use'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface SearchFacets {
	/** Pagefind filter values, by filter name. */
	filters: Partial<Record<FilterName, string[]>>;
	/** Pagefind metadata shown in results. */
	meta: Record<string, string>;
	/** Words readers search for that may not be in the text: abbreviation and aliases. */
	keywords: string[];
}

/**
 * How a filter value is written into the page so that Pagefind stores exactly `value`. Pagefind
 * decodes character references in the text it indexes once more after the HTML parser has, so
 * an `&` must reach it as `&amp;`; otherwise `&lt;img&gt;` typed into a title would be stored,
 * and shown by the search panel, as a tag.
 */
export function forPagefindIndexer(value: string): string {
	return value.replace(/&/g, '&amp;');
}

/** The first sentence of a text, for a one-line preview. */
export function firstSentence(text: string): string {
	return text.split(/(?<=[.!?])\s/)[0] ?? text;
}

/**
 * What an entry page tells Pagefind: its kind, the buyer stages and personas it serves, its
 * format and use, a summary for results, and the abbreviations and aliases it is known by.
 * A library item with no personas serves every persona: it carries one value, EVERY_PERSONA,
 * rather than every persona's title, which would grow the index with the number of personas.
 */
export function searchFacets(playbook: Playbook, entry: Entry): SearchFacets {
	const facets: SearchFacets = {
		filters: { kind: [COLLECTIONS[entry.collection].singular] },
		meta: {},
		keywords: [],
	};
	const data = entry.data as {
		summary?: string;
		abbreviation?: string;
		aliases?: string[];
		avoid?: string[];
	};
	if (data.summary) facets.meta.summary = data.summary;
	if (data.abbreviation) facets.keywords.unshift(data.abbreviation);
	facets.keywords.push(...(data.aliases ?? []));
	// The collection's own abbreviation (ICP, SLA) ranks each of its entries for it too (after
	// the index, which also has it as its `collection`), and a glossary term's words to avoid
	// find the term: "deal size" finds ACV, the word to use instead.
	setKeywords(facets, [
		...facets.keywords,
		...(data.avoid ?? []),
		collectionAbbreviation(entry.collection),
		...(entry.collection === 'library' ? answerWords(entry.data) : []),
	]);

	if (entry.collection === 'library') {
		const item = entry.data;

		const stages = item.stages.map((id) => titleOf(playbook, 'buyer-stages', id));
		facets.filters.stage = stages;
		facets.filters.persona =
			item.personas.length > 0
				? item.personas.map((id) => titleOf(playbook, 'personas', id))
				: [EVERY_PERSONA];
		facets.filters.format = [labelOf(item.format)];
		facets.filters.use = [labelOf(item.use)];
		facets.meta.format = labelOf(item.format);
		facets.meta.stages = stages.join(', ');
		facets.meta.personas = facets.filters.persona.join(', ');
		// Pagefind shows a metadata key as the chip's label, so it is written as a reader reads it.
		if (item.talk_track) facets.meta[TALK_TRACK_META] = firstSentence(item.talk_track);
		if (listingMark({ data: item }) === 'draft') facets.meta.status = labelOf('draft');
		// A retired item keeps its page (and is found by its words) but the finder, which only
		// lists library items, does not suggest it.
		if (!isRecommended({ data: item })) delete facets.filters.kind;
	}
	if (entry.collection === 'buyer-stages')
		facets.filters.stage = [titleOf(playbook, entry.collection, entry.id)];
	if (entry.collection === 'personas')
		facets.filters.persona = [titleOf(playbook, entry.collection, entry.id)];
	for (const [name, values] of Object.entries(facets.filters))
		facets.filters[name as FilterName] = values.map(pagefindValue);
	return facets;
}

/**
 * The words a rep searches with for what a library item answers, when the item does not say
 * them: an FAQ or a battlecard is how a rep handles an objection, so "pricing objection" finds
 * the pricing FAQ. They only rank the item (the `keywords` metadata); the page does not show them.
 */
export function answerWords(item: Pick<LibraryItem, 'title' | 'summary' | 'format'>): string[] {
	const text = `${item.title} ${item.summary ?? ''}`;
	if (/\bFAQs?\b|\bquestions\b/i.test(text)) return ['objection', 'questions'];
	if (item.format === 'battlecard') return ['objection', 'competitor'];
	return [];
}

/**
 * What a collection's index page tells Pagefind: the names a reader gives the whole collection
 * (`SLA`, `service levels`), so that searching for them finds the index before its entries.
 */
export function indexSearchFacets(collection: PageCollection): SearchFacets {
	const abbreviation = collectionAbbreviation(collection);
	const keywords = [
		...(abbreviation ? [abbreviation] : []),
		...COLLECTION_PAGES[collection].searchWords,
	];
	const facets: SearchFacets = { filters: {}, meta: {}, keywords };
	setKeywords(facets, keywords);
	// Only an index has this one, so its abbreviation puts it above every page that uses the word.
	if (abbreviation) facets.meta.collection = abbreviation;
	return facets;
}

/** The `keywords` metadata the ranking weighs (`metaWeights` in the site's config). */
function setKeywords(facets: SearchFacets, words: (string | undefined)[]) {
	const kept = words.filter((word): word is string => !!word);
	if (kept.length > 0) facets.meta.keywords = kept.join(', ');
}

/**
 * The search weight of an entry's kind line ("Ideal customer profile (ICP)"), when its
 * collection has an abbreviation: searching "ICP" lists the index first (its keyword), then the
 * entries, best-fit tier first.
 */
export function kindLineWeight(entry: Entry): number | undefined {
	if (!collectionAbbreviation(entry.collection)) return undefined;
	if (entry.collection !== 'icp') return 10;
	return Math.max(1, 10 - (entry.data.tier - 1));
}
