import type { CollectionName } from '../schemas/index.ts';

export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/**
 * The sections a detail page renders, for Starlight's "On this page" list. Kept beside the
 * detail components' headings; optional sections appear only when the entry has them.
 */
export function sectionHeadings(
	collection: CollectionName,
	data: Record<string, unknown>,
): Heading[] {
	const h = (slug: string, text: string): Heading => ({ depth: 2, slug, text });
	switch (collection) {
		case 'personas':
			return [
				h('goals', 'Goals'),
				h('pains', 'Pains'),
				h('quotes', 'In their words'),
				h('objections', 'Objections and responses'),
				h('content-by-stage', 'Content by buyer stage'),
			];
		case 'icp':
			return [
				h('signals', 'Buying signals'),
				h('disqualifiers', 'Disqualifiers'),
				h('personas', 'Personas found here'),
			];
		case 'lead-stages':
			return [
				h('entry-criteria', 'Entry criteria'),
				h('exit-criteria', 'Exit criteria'),
				h('transitions', 'Where leads come from and go'),
				...(data.rejection_reasons ? [h('rejection-reasons', 'Rejection reasons')] : []),
				h('slas', 'Service-level agreements for this stage'),
			];
		case 'buyer-stages':
			return [h('content', 'Content for this stage')];
		case 'library':
			return [
				...(data.talk_track ? [h('talk-track', 'Talk track')] : []),
				h('same-stage', 'For the same stage'),
			];
		case 'slas':
			return [h('commitments', 'Commitments'), h('escalation', 'When it is missed')];
		case 'team':
			return [h('owns', 'Owns')];
		case 'glossary':
			return [
				h('definition', 'Definition'),
				h('avoid', 'Words not to use for it'),
				h('see-also', 'See also'),
			];
		case 'metrics':
			return [h('formula', 'How it is computed')];
		case 'tracks':
			return [h('steps', 'Steps')];
		case 'guides':
			return [];
	}
}
