import type { CollectionName, EntryData, PageCollection } from '../schemas/index.ts';

export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** What the site shows for one collection, beside what its schema says. */
interface CollectionPage<C extends CollectionName> {
	/** The sentence under the index page's title: what the collection is for. */
	intro: string;
	/**
	 * Other words readers search for when they want the whole collection; with the collection's
	 * abbreviation (ICP, SLA) they rank the index page as a definition's aliases rank it.
	 */
	searchWords: string[];
	/** The index page's title, when it says more than the collection's label. */
	indexTitle?: string;
	/**
	 * The sections its entry pages render, for Starlight's "On this page" list, in page order;
	 * optional sections only when the entry has them. Each slug is an `id` in the details
	 * component; a test holds them to the built pages.
	 */
	sections: (data: EntryData<C>) => Heading[];
}

const h = (slug: string, text: string): Heading => ({ depth: 2, slug, text });

/**
 * The site's one table per collection. Typed over every collection, so a collection added to
 * the schemas without its page here fails the type check. The details component each entry page
 * shows is in `src/components/details/index.ts`, typed the same way.
 */
export const COLLECTION_PAGES: { [C in PageCollection]: CollectionPage<C> } = {
	team: {
		searchWords: ['people', 'owners'],
		intro:
			'The people who own the playbook, by department. Every definition has an owner from sales and one from marketing.',
		sections: () => [h('owns', 'Owns')],
	},
	personas: {
		searchWords: ['buyers', 'buyer personas'],
		intro:
			'Who we sell to, in their own words, with the objections reps hear and how we answer them.',
		sections: () => [
			h('goals', 'Goals'),
			h('pains', 'Pains'),
			h('quotes', 'In their words'),
			h('objections', 'Objections and responses'),
			h('content-by-stage', 'Content by buyer stage'),
		],
	},
	icp: {
		searchWords: ['ideal customer', 'target accounts'],
		indexTitle: 'Ideal customer profile (ICP)',
		intro: 'The companies we fit best, by tier. Tier 1 is the best fit.',
		sections: () => [
			h('signals', 'Buying signals'),
			h('disqualifiers', 'Disqualifiers'),
			h('personas', 'Personas found here'),
		],
	},
	'lead-stages': {
		searchWords: ['funnel', 'lead lifecycle'],
		intro:
			'The lead lifecycle, from first inquiry to a closed deal, in order. The first stage is where every lead enters.',
		sections: (data) => [
			h('entry-criteria', 'Entry criteria'),
			h('exit-criteria', 'Exit criteria'),
			h('transitions', 'Where leads come from and go'),
			...(data.rejection_reasons ? [h('rejection-reasons', 'Rejection reasons')] : []),
			h('crm', 'In the CRM'),
			h('slas', 'Service-level agreements for this stage'),
			h('volume', 'Volume and conversion'),
			...(data.rejection_reasons?.length ? [h('rejections', 'Rejections by month')] : []),
		],
	},
	'buyer-stages': {
		searchWords: ['buyer journey', 'buying stages'],
		intro:
			'The buyer’s journey and the question they ask at each step, with the content that answers it.',
		sections: () => [h('call-plans', 'Call plans'), h('content', 'Content for this stage')],
	},
	library: {
		searchWords: ['content', 'collateral', 'sales content'],
		intro: 'Content for buyers, with the stages and personas it fits and how to use it on a call.',
		sections: (data) => [
			...(data.talk_track ? [h('talk-track', 'Talk track')] : []),
			h('same-stage', 'For the same stage'),
		],
	},
	slas: {
		searchWords: ['service levels', 'service level agreements'],
		indexTitle: 'Service-level agreements (SLAs)',
		intro:
			'What each team commits to the other, in numbers, and what happens when a commitment is missed.',
		sections: () => [
			h('commitments', 'Commitments'),
			h('escalation', 'When it is missed'),
			h('history', 'Month by month'),
		],
	},
	guides: {
		searchWords: ['help', 'how-to guides'],
		intro: 'How the playbook works and how to change it.',
		sections: () => [],
	},
	glossary: {
		searchWords: ['terms', 'vocabulary'],
		intro:
			'The words both teams use, and what they mean. Lead-stage abbreviations are listed here too, linking to their definitions.',
		sections: () => [
			h('definition', 'Definition'),
			h('avoid', 'Words not to use for it'),
			h('see-also', 'See also'),
		],
	},
	metrics: {
		searchWords: ['KPIs', 'targets'],
		intro:
			'The revenue numbers both teams report the same way: how each is computed, its target and where it is measured.',
		sections: () => [h('formula', 'How it is computed'), h('results', 'Results month by month')],
	},
	tracks: {
		searchWords: ['onboarding', 'training'],
		intro: 'A reading path per role for your first two weeks, with the time each step takes.',
		sections: () => [h('steps', 'Steps')],
	},
};

/** The sections an entry's page renders, for Starlight's "On this page" list. */
export function sectionHeadings<C extends PageCollection>(
	collection: C,
	data: EntryData<C>,
): Heading[] {
	return COLLECTION_PAGES[collection].sections(data);
}
