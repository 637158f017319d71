import type { z } from 'zod';
import { BuyerStageSchema } from './buyer-stages.ts';
import { GlossaryTermSchema } from './glossary.ts';
import { GuideSchema } from './guides.ts';
import { MetricSchema } from './metrics.ts';
import { TrackSchema } from './tracks.ts';
import { IcpSchema } from './icp.ts';
import { LeadStageSchema } from './lead-stages.ts';
import { LibraryItemSchema } from './library.ts';
import { PersonaSchema } from './personas.ts';
import { SlaSchema } from './slas.ts';
import { TeamSchema } from './team.ts';
import { ResultsSchema } from './results.ts';

/**
 * Every collection of the content contract: its folder under `content/`, its schema, the file
 * extensions it reads, how the site names it, and which keys name and summarise an entry. The
 * build, the checker, the pages and the editor all loop over this one table; `COLLECTION_SPECS`
 * below holds each row's keys to its own schema.
 */
export const COLLECTIONS = {
	team: {
		schema: TeamSchema,
		kind: 'team',
		extensions: ['.yaml', '.yml'],
		label: 'Team',
		singular: 'Person',
		// A person's `title` is their job: they are called by name, and their job says who they are.
		nameKey: 'name',
		summaryKey: 'title',
	},
	personas: {
		schema: PersonaSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Personas',
		singular: 'Persona',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	icp: {
		schema: IcpSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Ideal customer profile',
		abbreviation: 'ICP',
		singular: 'ICP tier',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	'lead-stages': {
		schema: LeadStageSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Lead stages',
		singular: 'Lead stage',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	'buyer-stages': {
		schema: BuyerStageSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Buyer stages',
		singular: 'Buyer stage',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	library: {
		schema: LibraryItemSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Content library',
		singular: 'Library item',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	slas: {
		schema: SlaSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Service-level agreements',
		abbreviation: 'SLA',
		singular: 'SLA',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	glossary: {
		schema: GlossaryTermSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Glossary',
		singular: 'Glossary term',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	metrics: {
		schema: MetricSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Shared metrics',
		singular: 'Metric',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	tracks: {
		schema: TrackSchema,
		kind: 'track',
		extensions: ['.mdx', '.md'],
		label: 'Onboarding tracks',
		singular: 'Onboarding track',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	guides: {
		schema: GuideSchema,
		kind: 'guide',
		extensions: ['.mdx', '.md'],
		label: 'Guides',
		singular: 'Guide',
		nameKey: 'title',
		summaryKey: 'summary',
	},
	results: {
		schema: ResultsSchema,
		kind: 'results',
		extensions: ['.yaml', '.yml'],
		label: 'Monthly results',
		singular: 'Monthly results',
		nameKey: 'month',
	},
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export type DefinitionCollection = {
	[C in CollectionName]: (typeof COLLECTIONS)[C]['kind'] extends 'definition' ? C : never;
}[CollectionName];

/** The validated data of an entry of collection `C`. */
export type EntryData<C extends CollectionName> = z.output<(typeof COLLECTIONS)[C]['schema']>;

/** The keys of collection `C`'s data that hold one line of text. */
type TextKey<C extends CollectionName> = {
	[K in keyof EntryData<C>]-?: EntryData<C>[K] extends string | undefined ? K : never;
}[keyof EntryData<C>];

/** What the table says of collection `C`, in terms of its own schema. */
export interface CollectionSpec<C extends CollectionName> {
	kind: (typeof COLLECTIONS)[C]['kind'];
	/** The key that holds what an entry is called in headings, links and lists. */
	nameKey: TextKey<C>;
	/** The key that holds the line read under its name, where it has one. */
	summaryKey?: TextKey<C>;
}

/**
 * The table seen one collection at a time: `COLLECTION_SPECS[entry.collection]` speaks of the
 * entry's own keys, which a lookup in the plain table cannot. Assigning the table here is also
 * the check that every row's keys are keys of its schema.
 */
export const COLLECTION_SPECS: { readonly [C in CollectionName]: CollectionSpec<C> } = COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/**
 * Collections with pages, index and form of their own. Monthly results have none: the meeting
 * page and each metric's page show them, and revenue operations commits them from the CRM.
 */
export type PageCollection = Exclude<CollectionName, 'results'>;
export const PAGE_COLLECTIONS = COLLECTION_NAMES.filter(isPageCollection);

/** True when a folder name, URL segment or reference prefix names a collection. */
export function isCollectionName(name: string): name is CollectionName {
	return Object.hasOwn(COLLECTIONS, name);
}

/** True when a URL segment names a collection with pages of its own. */
export function isPageCollection(name: string): name is PageCollection {
	return isCollectionName(name) && COLLECTIONS[name].kind !== 'results';
}

/** True when a collection holds definitions, co-owned by sales and marketing. */
export function isDefinitionCollection(name: CollectionName): name is DefinitionCollection {
	return COLLECTIONS[name].kind === 'definition';
}
export const DEFINITION_COLLECTIONS = COLLECTION_NAMES.filter(isDefinitionCollection);

export { BuyerStageSchema, GuideSchema, IcpSchema, LeadStageSchema, LibraryItemSchema };
export { PersonaSchema, SlaSchema, TeamSchema, GlossaryTermSchema, MetricSchema, TrackSchema };
export { ResultsSchema };

/** The abbreviation reps use for a whole collection (ICP, SLA), if any. */
export function collectionAbbreviation(name: CollectionName): string | undefined {
	const collection = COLLECTIONS[name];
	return 'abbreviation' in collection ? collection.abbreviation : undefined;
}
