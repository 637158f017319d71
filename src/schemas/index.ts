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
 * extensions it reads and how the site names it. The build, the checker and the pages all loop
 * over this one table.
 */
export const COLLECTIONS = {
	team: {
		schema: TeamSchema,
		kind: 'team',
		extensions: ['.yaml', '.yml'],
		label: 'Team',
		singular: 'Person',
	},
	personas: {
		schema: PersonaSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Personas',
		singular: 'Persona',
	},
	icp: {
		schema: IcpSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Ideal customer profile',
		abbreviation: 'ICP',
		singular: 'ICP tier',
	},
	'lead-stages': {
		schema: LeadStageSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Lead stages',
		singular: 'Lead stage',
	},
	'buyer-stages': {
		schema: BuyerStageSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Buyer stages',
		singular: 'Buyer stage',
	},
	library: {
		schema: LibraryItemSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Content library',
		singular: 'Library item',
	},
	slas: {
		schema: SlaSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Service-level agreements',
		abbreviation: 'SLA',
		singular: 'SLA',
	},
	glossary: {
		schema: GlossaryTermSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Glossary',
		singular: 'Glossary term',
	},
	metrics: {
		schema: MetricSchema,
		kind: 'definition',
		extensions: ['.mdx', '.md'],
		label: 'Shared metrics',
		singular: 'Metric',
	},
	tracks: {
		schema: TrackSchema,
		kind: 'track',
		extensions: ['.mdx', '.md'],
		label: 'Onboarding tracks',
		singular: 'Onboarding track',
	},
	guides: {
		schema: GuideSchema,
		kind: 'guide',
		extensions: ['.mdx', '.md'],
		label: 'Guides',
		singular: 'Guide',
	},
	results: {
		schema: ResultsSchema,
		kind: 'results',
		extensions: ['.yaml', '.yml'],
		label: 'Monthly results',
		singular: 'Monthly results',
	},
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export type DefinitionCollection = {
	[C in CollectionName]: (typeof COLLECTIONS)[C]['kind'] extends 'definition' ? C : never;
}[CollectionName];

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/**
 * Collections with pages, index and form of their own. Monthly results have none: the meeting
 * page and each metric's page show them, and revenue operations commits them from the CRM.
 */
export type PageCollection = Exclude<CollectionName, 'results'>;
export const PAGE_COLLECTIONS = COLLECTION_NAMES.filter(
	(name): name is PageCollection => COLLECTIONS[name].kind !== 'results',
);

/** True when a folder name, URL segment or reference prefix names a collection. */
export function isCollectionName(name: string): name is CollectionName {
	return (COLLECTION_NAMES as string[]).includes(name);
}
export const DEFINITION_COLLECTIONS = COLLECTION_NAMES.filter(
	(name): name is DefinitionCollection => COLLECTIONS[name].kind === 'definition',
);

/** The validated data of an entry of collection `C`. */
export type EntryData<C extends CollectionName> = z.output<(typeof COLLECTIONS)[C]['schema']>;

export { BuyerStageSchema, GuideSchema, IcpSchema, LeadStageSchema, LibraryItemSchema };
export { PersonaSchema, SlaSchema, TeamSchema, GlossaryTermSchema, MetricSchema, TrackSchema };
export { ResultsSchema };

/** The abbreviation reps use for a whole collection (ICP, SLA), if any. */
export function collectionAbbreviation(name: CollectionName): string | undefined {
	const collection = COLLECTIONS[name];
	return 'abbreviation' in collection ? collection.abbreviation : undefined;
}
