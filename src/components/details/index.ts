import type { Entry, Playbook } from '../../model/playbook.ts';
import type { CollectionName, PageCollection } from '../../schemas/index.ts';
import BuyerStageDetails from './BuyerStageDetails.astro';
import GlossaryDetails from './GlossaryDetails.astro';
import IcpDetails from './IcpDetails.astro';
import LeadStageDetails from './LeadStageDetails.astro';
import LibraryItemDetails from './LibraryItemDetails.astro';
import MetricDetails from './MetricDetails.astro';
import PersonaDetails from './PersonaDetails.astro';
import PersonDetails from './PersonDetails.astro';
import SlaDetails from './SlaDetails.astro';
import TrackDetails from './TrackDetails.astro';

/** A component that lays out the structured fields of one entry of collection `C`. */
export type Details<C extends CollectionName = CollectionName> = (props: {
	playbook: Playbook;
	entry: Entry<C>;
}) => unknown;

/**
 * The details component of each collection's entry pages (none for guides, which are prose);
 * the sections each renders are listed in `src/site/collections.ts`. Typed over every collection,
 * so a new collection must say what its pages show.
 */
export const DETAILS: { [C in PageCollection]: Details<C> | undefined } = {
	team: PersonDetails,
	personas: PersonaDetails,
	icp: IcpDetails,
	'lead-stages': LeadStageDetails,
	'buyer-stages': BuyerStageDetails,
	library: LibraryItemDetails,
	slas: SlaDetails,
	guides: undefined,
	glossary: GlossaryDetails,
	metrics: MetricDetails,
	tracks: TrackDetails,
};
