import type { Entry, Playbook } from '../model/playbook.ts';
import { recommended } from '../model/recommend.ts';
import { servesPersona, sorted } from '../model/views.ts';

/**
 * A rep's one-page call plan for a persona at a buyer stage: who they are, what they ask at this
 * stage, what they push back with, what to send and say, and what the rep owes on the lead.
 * Pure, so what a plan holds is tested without a build.
 */
export interface CallPlan {
	persona: Entry<'personas'>;
	stage: Entry<'buyer-stages'>;
	/**
	 * Recommended library items for this persona (or every persona) at this stage, in library
	 * order: no deprecated item.
	 */
	content: Entry<'library'>[];
	/** SLAs sales owes on leads: sales commits, and the SLA governs a lead stage. */
	slas: Entry<'slas'>[];
	/** What the plan lacks, in words, for the owners to fill. */
	missing: string[];
}

/** The URL path of a call plan: `/prep/controller/consideration/`. */
export function callPlanPath(personaId: string, stageId: string): string {
	return `/prep/${personaId}/${stageId}/`;
}

/** Every persona × buyer stage, in the order the site lists them. */
export function callPlanPairs(
	playbook: Playbook,
): { persona: Entry<'personas'>; stage: Entry<'buyer-stages'> }[] {
	return sorted(playbook, 'personas').flatMap((persona) =>
		sorted(playbook, 'buyer-stages').map((stage) => ({ persona, stage })),
	);
}

export function callPlan(playbook: Playbook, personaId: string, stageId: string): CallPlan {
	const persona = playbook.entries.personas.get(personaId)!;
	const stage = playbook.entries['buyer-stages'].get(stageId)!;
	const content = recommended(sorted(playbook, 'library')).filter(
		(item) => item.data.stages.includes(stageId) && servesPersona(item, personaId),
	);
	const slas = sorted(playbook, 'slas').filter(
		(sla) => sla.data.from === 'sales' && sla.data.lead_stage !== undefined,
	);
	const { data } = persona;
	const missing = [
		content.length === 0 && `content for ${data.title} at ${stage.data.title}`,
		data.objections.length === 0 && `objections ${data.title} raises, with responses`,
		data.quotes.length === 0 && `quotes heard from ${data.title}`,
		content.length > 0 &&
			content.every((item) => item.data.talk_track === undefined) &&
			'a talk track for any of this content',
	].filter((gap): gap is string => typeof gap === 'string');
	return { persona, stage, content, slas, missing };
}
