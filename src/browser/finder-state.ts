/**
 * The content finder's state and how it maps to the URL and to Pagefind filters. Pure, so the
 * browser script stays a thin layer over it and the rules are tested without a browser.
 */

/** The finder's filters, in the order they are shown; each is also a Pagefind filter name. */
export const FINDER_FILTERS = ['stage', 'persona', 'format', 'use'] as const;
export type FinderFilter = (typeof FINDER_FILTERS)[number];

/** What a rep has chosen: ids (or enum values) per filter, and an optional text query. */
export interface FinderState {
	query: string;
	selected: Record<FinderFilter, string[]>;
}

/** One choice in a filter: the value in the URL and the label Pagefind indexes. */
export interface FinderOption {
	value: string;
	label: string;
}
export type FinderOptions = Record<FinderFilter, FinderOption[]>;

/** The persona filter value of items that serve every persona (see search-facets.ts). */
export const EVERY_PERSONA = 'Every persona';

/**
 * The Pagefind metadata key of a library item's first talk-track line: written by
 * search-facets.ts, read by the finder. Pagefind shows the key as a chip's label, so it reads
 * as words.
 */
export const TALK_TRACK_META = 'talk track';

/**
 * A persona's count from Pagefind's counts: its own items plus those for every persona,
 * which are never the same items.
 */
export function personaCount(counts: Record<string, number>, label: string): number {
	return (counts[label] ?? 0) + (counts[EVERY_PERSONA] ?? 0);
}

/** The kind every library item page carries, so the finder only lists library items. */
export const LIBRARY_KIND = 'Library item';

/** Reads the state from a URL query (`?stage=consideration&persona=controller&q=roi`). */
export function stateFromQuery(search: string, options: FinderOptions): FinderState {
	const params = new URLSearchParams(search);
	const selected = Object.fromEntries(
		FINDER_FILTERS.map((filter) => {
			const known = new Set(options[filter].map((option) => option.value));
			const values = params.getAll(filter).flatMap((value) => value.split(','));
			// Unknown values (an old link, a typo) are dropped rather than matching nothing.
			return [filter, [...new Set(values.filter((value) => known.has(value)))]];
		}),
	) as FinderState['selected'];
	return { query: (params.get('q') ?? '').trim(), selected };
}

/** Writes the state as a URL query, in a stable order so equal states share one link. */
export function queryFromState(state: FinderState): string {
	const params = new URLSearchParams();
	for (const filter of FINDER_FILTERS)
		for (const value of state.selected[filter]) params.append(filter, value);
	if (state.query) params.set('q', state.query);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/**
 * A filter value as Pagefind stores it: HTML-escaped, because Pagefind's search panel writes
 * filter values into the page as HTML. Every value the site indexes and every value the finder
 * asks for goes through this, so a title like `Q&A <draft>` is text in both.
 */
export function pagefindValue(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

type PagefindFilters = Record<string, string | { any: string[] }>;

/**
 * The Pagefind filters for a state: always library items; within one filter any chosen value
 * matches (OR); across filters all must match (AND). `except` leaves one filter out, to count
 * what each of its values would add.
 */
export function pagefindFilters(
	state: FinderState,
	options: FinderOptions,
	except?: FinderFilter,
): PagefindFilters {
	const filters: PagefindFilters = { kind: LIBRARY_KIND };
	for (const filter of FINDER_FILTERS) {
		if (filter === except || state.selected[filter].length === 0) continue;
		const labels = new Map(options[filter].map((option) => [option.value, option.label]));
		const chosen = state.selected[filter].map((value) => pagefindValue(labels.get(value) ?? value));
		// Items for every persona carry one shared value rather than each persona's title.
		filters[filter] = { any: filter === 'persona' ? [...chosen, EVERY_PERSONA] : chosen };
	}
	return filters;
}

/** A sentence for screen readers and sighted readers alike: how many items match. */
export function resultSummary(count: number, state: FinderState): string {
	const chosen =
		FINDER_FILTERS.some((filter) => state.selected[filter].length > 0) || state.query !== '';
	const items = `${count} ${count === 1 ? 'item' : 'items'}`;
	return chosen
		? `${items} ${count === 1 ? 'matches' : 'match'} your filters.`
		: `${items} in the library. Choose a stage or persona to narrow it down.`;
}

/**
 * The call plan a choice points at: exactly one persona and one buyer stage, written into the
 * page's address pattern (`/prep/{persona}/{stage}/`); otherwise none.
 */
export function callPlanHref(state: FinderState, pattern: string): string | undefined {
	const [persona, ...morePersonas] = state.selected.persona;
	const [stage, ...moreStages] = state.selected.stage;
	if (!persona || !stage || morePersonas.length > 0 || moreStages.length > 0) return undefined;
	return pattern
		.replace('{persona}', encodeURIComponent(persona))
		.replace('{stage}', encodeURIComponent(stage));
}
