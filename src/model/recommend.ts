import type { Entry } from './playbook.ts';

/**
 * Which library items the playbook recommends, and how a listed item is marked. One rule for
 * every list that suggests content (call plans, persona and buyer-stage pages, "for the same
 * stage", the finder, coverage): a `deprecated` item is retired and is never suggested; a
 * `draft` is suggested but marked, so a rep knows it is not approved yet.
 */

/** How a listed library item is marked: `draft` for a draft, nothing for an approved item. */
export type ListingMark = 'draft' | undefined;

/** True when a library item may be suggested to reps: anything but a deprecated item. */
export function isRecommended(item: Pick<Entry<'library'>, 'data'>): boolean {
	return item.data.status !== 'deprecated';
}

/** The items of a list that may be suggested, in the same order. */
export function recommended<T extends Pick<Entry<'library'>, 'data'>>(items: Iterable<T>): T[] {
	return [...items].filter(isRecommended);
}

/** The mark a recommended item carries where it is listed: drafts say so. */
export function listingMark(item: Pick<Entry<'library'>, 'data'>): ListingMark {
	return item.data.status === 'draft' ? 'draft' : undefined;
}
