import type { Playbook } from '../model/playbook.ts';
import { pathOf, sorted } from '../model/views.ts';

export interface GlossaryLine {
	term: string;
	abbreviation?: string | undefined;
	meaning: string;
	path: string;
	/** Words not to use for it. */
	avoid: string[];
	/** Where the line comes from: a glossary term, or a lead stage's abbreviation. */
	from: 'glossary' | 'lead-stages';
	/** The definition's status and review dates, which the index shows beside it. */
	review: { status: string; reviewed: string; review_every: number };
}

/**
 * The glossary as readers see it, A to Z: every glossary term, plus every lead stage that has
 * an abbreviation (MQL, SQL…) unless a glossary term already carries that abbreviation.
 */
export function glossaryLines(playbook: Playbook): GlossaryLine[] {
	const terms = sorted(playbook, 'glossary').map((entry) => ({
		term: entry.data.title,
		abbreviation: entry.data.abbreviation,
		meaning: entry.data.definition,
		path: pathOf('glossary', entry.id),
		avoid: entry.data.avoid,
		from: 'glossary' as const,
		review: entry.data,
	}));
	const taken = new Set(terms.map((line) => line.abbreviation?.toLowerCase()).filter(Boolean));
	const stages = sorted(playbook, 'lead-stages')
		.filter((stage) => stage.data.abbreviation && !taken.has(stage.data.abbreviation.toLowerCase()))
		.map((stage) => ({
			term: stage.data.title,
			abbreviation: stage.data.abbreviation,
			meaning: stage.data.summary,
			path: pathOf('lead-stages', stage.id),
			avoid: [],
			from: 'lead-stages' as const,
			review: stage.data,
		}));
	return [...terms, ...stages].sort((a, b) =>
		a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }),
	);
}
