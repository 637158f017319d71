import {
	type CollectionName,
	DEFINITION_COLLECTIONS,
	type DefinitionCollection,
} from '../schemas/index.ts';
import type { Department } from '../schemas/vocabulary.ts';
import {
	entriesOf,
	type Entry,
	nameOf,
	type Playbook,
	summaryOf,
	titleCollator,
} from './playbook.ts';
import { isRecommended, recommended } from './recommend.ts';

/**
 * What the pages show, computed from a loaded playbook. Pure functions, so the pages stay thin
 * and every rule of what links to what is tested without a build.
 */

/** The URL path of a collection index or an entry: `/lead-stages/` or `/lead-stages/mql/`. */
export function pathOf(collection: CollectionName, id?: string): string {
	return id === undefined ? `/${collection}/` : `/${collection}/${id}/`;
}

export interface OwnerView {
	id: string;
	name: string;
	title: string;
	department: Department | undefined;
}

/** A definition's owners with their names and departments, in the order the file lists them. */
export function ownersOf(playbook: Playbook, owners: readonly string[]): OwnerView[] {
	return owners.map((id) => {
		const person = playbook.entries.team.get(id)?.data;
		return {
			id,
			name: person?.name ?? id,
			title: person?.title ?? '',
			department: person?.department,
		};
	});
}

/** Each collection's entries in reading order, per playbook, once computed. */
const sortedCache = new WeakMap<Playbook, Map<CollectionName, readonly unknown[]>>();

/**
 * Entries in the order readers expect: by `order` (or `tier`) where the collection has one,
 * then by name (a person's name, an entry's title). Computed once per playbook and collection: every page of a large playbook
 * asks for the same lists, and sorting them per page would make the build quadratic.
 */
export function sorted<C extends CollectionName>(
	playbook: Playbook,
	collection: C,
): readonly Entry<C>[] {
	let byCollection = sortedCache.get(playbook);
	if (!byCollection)
		sortedCache.set(playbook, (byCollection = new Map<CollectionName, readonly unknown[]>()));
	// Stored under its own collection's name, so what comes back is that collection's entries.
	const cached = byCollection.get(collection);
	// The collection is asked for even when the list is cached, so whoever watches what a page
	// reads (the site's incremental build) sees every page that reads it, not only the first.
	void playbook.entries[collection].size;
	if (cached) return cached as readonly Entry<C>[];
	const result = Object.freeze(
		entriesOf(playbook, collection).sort(
			(a, b) => rankOf(a.data) - rankOf(b.data) || titleCollator.compare(nameOf(a), nameOf(b)),
		),
	);
	byCollection.set(collection, result);
	return result;
}

/** Where an entry's own numbers place it: its `order`, or an ICP's `tier`; 0 for the rest. */
function rankOf(data: object): number {
	if ('order' in data && typeof data.order === 'number') return data.order;
	if ('tier' in data && typeof data.tier === 'number') return data.tier;
	return 0;
}

/** True when a library item serves a persona: it names it, or it names no persona at all. */
export function servesPersona(item: Entry<'library'>, personaId: string): boolean {
	return item.data.personas.length === 0 || item.data.personas.includes(personaId);
}

export interface Group<G, I> {
	group: G;
	items: I[];
}

/**
 * A persona's recommended library items by buyer stage, in journey order; stages with no items
 * are kept.
 */
export function libraryByStageForPersona(
	playbook: Playbook,
	personaId: string,
): Group<Entry<'buyer-stages'>, Entry<'library'>>[] {
	const items = recommended(sorted(playbook, 'library')).filter((item) =>
		servesPersona(item, personaId),
	);
	return sorted(playbook, 'buyer-stages').map((stage) => ({
		group: stage,
		items: items.filter((item) => item.data.stages.includes(stage.id)),
	}));
}

/**
 * A buyer stage's recommended library items grouped by persona. Items for every persona come first, under
 * `undefined`; a persona with nothing specific to this stage is left out.
 */
export function libraryByPersonaForStage(
	playbook: Playbook,
	stageId: string,
): Group<Entry<'personas'> | undefined, Entry<'library'>>[] {
	const items = recommended(sorted(playbook, 'library')).filter((item) =>
		item.data.stages.includes(stageId),
	);
	const forEveryone = items.filter((item) => item.data.personas.length === 0);
	const groups: Group<Entry<'personas'> | undefined, Entry<'library'>>[] = [];
	if (forEveryone.length > 0) groups.push({ group: undefined, items: forEveryone });
	for (const persona of sorted(playbook, 'personas')) {
		const specific = items.filter((item) => item.data.personas.includes(persona.id));
		if (specific.length > 0) groups.push({ group: persona, items: specific });
	}
	return groups;
}

/** The SLAs that govern a lead stage. */
export function slasForLeadStage(playbook: Playbook, stageId: string): Entry<'slas'>[] {
	return sorted(playbook, 'slas').filter((sla) => sla.data.lead_stage === stageId);
}

/** The lead stages whose `next` leads into this one. */
export function leadStagesInto(playbook: Playbook, stageId: string): Entry<'lead-stages'>[] {
	return sorted(playbook, 'lead-stages').filter((stage) => stage.data.next.includes(stageId));
}

/** The personas found in an ICP tier. */
export function personasInIcp(playbook: Playbook, icpId: string): Entry<'personas'>[] {
	return sorted(playbook, 'personas').filter((persona) => persona.data.icp.includes(icpId));
}

/** Every definition a person owns, by collection, in the contract's collection order. */
export function ownedBy(
	playbook: Playbook,
	personId: string,
): Group<DefinitionCollection, Entry<DefinitionCollection>>[] {
	return DEFINITION_COLLECTIONS.map((collection) => ({
		group: collection,
		items: sorted<DefinitionCollection>(playbook, collection).filter((entry) =>
			entry.data.owners.includes(personId),
		),
	})).filter((group) => group.items.length > 0);
}

/** The title of an entry by id, or the id itself when it does not exist. */
export function titleOf(playbook: Playbook, collection: CollectionName, id: string): string {
	const entry = playbook.entries[collection].get(id);
	return entry ? nameOf(entry) : id;
}

/**
 * Sibling library items: the first `limit` other recommended items (in title order) that share a
 * buyer stage with this one. Stopping at the limit keeps a large library from costing every item's page a
 * pass over all the others.
 */
export function sameStageItems(
	playbook: Playbook,
	item: Entry<'library'>,
	limit = Infinity,
): Entry<'library'>[] {
	const siblings: Entry<'library'>[] = [];
	for (const other of sorted(playbook, 'library')) {
		if (siblings.length >= limit) break;
		if (
			other.id !== item.id &&
			isRecommended(other) &&
			other.data.stages.some((stage) => item.data.stages.includes(stage))
		)
			siblings.push(other);
	}
	return siblings;
}

/** The heading of an entry's page: a person's name, any other entry's title. */
export function entryTitle<C extends CollectionName>(entry: Entry<C>): string {
	const title = nameOf(entry);
	const { data } = entry;
	const abbreviation =
		'abbreviation' in data && typeof data.abbreviation === 'string' ? data.abbreviation : '';
	// Reps search by abbreviation; in the title it reads well and ranks the definition first.
	return abbreviation && !title.includes(abbreviation) ? `${title} (${abbreviation})` : title;
}

/** The one-line description of an entry's page: its summary (if any), or a person's job title. */
export function entryDescription(entry: Entry): string {
	return summaryOf(entry);
}
