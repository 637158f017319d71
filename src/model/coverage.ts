import { entriesOf, type Entry, type Playbook } from './playbook.ts';
import { isRecommended, recommended } from './recommend.ts';
import { sorted } from './views.ts';

export interface CoverageCell {
	persona: Entry<'personas'>;
	stage: Entry<'buyer-stages'>;
	/**
	 * Recommended library items that serve this persona at this stage (items for every persona
	 * included); deprecated items do not count.
	 */
	items: Entry<'library'>[];
}

export interface Coverage {
	personas: readonly Entry<'personas'>[];
	stages: readonly Entry<'buyer-stages'>[];
	/** One row per persona, one cell per buyer stage, in journey order. */
	rows: CoverageCell[][];
	/** The cells with no content: where marketing plans next. */
	gaps: CoverageCell[];
}

/**
 * The persona × buyer-stage matrix of library items. Built in one pass over the library (not a
 * scan per cell), since a large playbook has thousands of items and hundreds of cells.
 */
export function coverage(playbook: Playbook): Coverage {
	const personas = sorted(playbook, 'personas');
	const stages = sorted(playbook, 'buyer-stages');
	const items = recommended(sorted(playbook, 'library'));
	const forEveryone = new Map<string, Entry<'library'>[]>();
	const forPersona = new Map<string, Entry<'library'>[]>();
	const push = (map: Map<string, Entry<'library'>[]>, key: string, item: Entry<'library'>) => {
		const list = map.get(key);
		if (list) list.push(item);
		else map.set(key, [item]);
	};
	for (const item of items) {
		for (const stage of item.data.stages) {
			if (item.data.personas.length === 0) push(forEveryone, stage, item);
			else
				for (const persona of new Set(item.data.personas))
					push(forPersona, `${stage}\n${persona}`, item);
		}
	}
	const position = new Map(items.map((item, index) => [item, index]));
	const rows = personas.map((persona) =>
		stages.map((stage) => ({
			persona,
			stage,
			// Items for everyone and items for this persona, back in library order.
			items: [
				...(forEveryone.get(stage.id) ?? []),
				...(forPersona.get(`${stage.id}\n${persona.id}`) ?? []),
			].sort((a, b) => position.get(a)! - position.get(b)!),
		})),
	);
	return { personas, stages, rows, gaps: rows.flat().filter((cell) => cell.items.length === 0) };
}

/**
 * Only the empty cells (deprecated items do not fill one), without ordering anything: what the checker needs on every run, at a
 * fraction of the cost of the full matrix.
 */
export function coverageGaps(
	playbook: Playbook,
): { persona: Entry<'personas'>; stage: Entry<'buyer-stages'> }[] {
	const servedForEveryone = new Set<string>();
	const served = new Set<string>();
	for (const item of playbook.entries.library.values()) {
		if (!isRecommended(item)) continue;
		for (const stage of item.data.stages) {
			if (item.data.personas.length === 0) servedForEveryone.add(stage);
			else for (const persona of item.data.personas) served.add(`${stage}\n${persona}`);
		}
	}
	const personas = entriesOf(playbook, 'personas');
	return entriesOf(playbook, 'buyer-stages')
		.filter((stage) => !servedForEveryone.has(stage.id))
		.flatMap((stage) =>
			personas
				.filter((persona) => !served.has(`${stage.id}\n${persona.id}`))
				.map((persona) => ({ persona, stage })),
		);
}
