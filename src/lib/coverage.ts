import type { Entry, Playbook } from './playbook.ts';
import { servesPersona, sorted } from './views.ts';

export interface CoverageCell {
	persona: Entry<'personas'>;
	stage: Entry<'buyer-stages'>;
	/** Library items that serve this persona at this stage (items for every persona included). */
	items: Entry<'library'>[];
}

export interface Coverage {
	personas: Entry<'personas'>[];
	stages: Entry<'buyer-stages'>[];
	/** One row per persona, one cell per buyer stage, in journey order. */
	rows: CoverageCell[][];
	/** The cells with no content: where marketing plans next. */
	gaps: CoverageCell[];
}

/** The persona × buyer-stage matrix of library items. */
export function coverage(playbook: Playbook): Coverage {
	const personas = sorted(playbook, 'personas');
	const stages = sorted(playbook, 'buyer-stages');
	const items = sorted(playbook, 'library');
	const rows = personas.map((persona) =>
		stages.map((stage) => ({
			persona,
			stage,
			items: items.filter(
				(item) => item.data.stages.includes(stage.id) && servesPersona(item, persona.id),
			),
		})),
	);
	return { personas, stages, rows, gaps: rows.flat().filter((cell) => cell.items.length === 0) };
}
