import { type FinderState, pagefindFilters, type FinderOptions } from '../browser/finder-state.ts';
import { entriesOf, type Entry, type Playbook } from '../model/playbook.ts';
import { listingMark } from '../model/recommend.ts';
import { commitmentDirection } from '../model/results-sections.ts';
import { slasForLeadStage, sorted, titleOf } from '../model/views.ts';
import type { Department } from '../schemas/vocabulary.ts';
import { labelOf } from '../schemas/vocabulary.ts';
import { callPlan, callPlanPath } from '../site/call-plan.ts';
import { finderOptions } from '../site/finder-options.ts';
import { commitmentTarget } from '../site/scorecard.ts';
import { searchFacets, type SearchFacets } from '../site/search-facets.ts';
import {
	type Answer,
	type AskContext,
	closestNames,
	entryRef,
	inert,
	joinBlocks,
	notFound,
	provenanceLines,
	refHeading,
	withoutLines,
} from './answer.ts';
import { unknownFilter } from './lookups.ts';

/**
 * `find_content`, `call_plan` and `sla`: what a rep sends and says to a buyer, and what the teams
 * owe each other on a lead, read through the same rules as `/find/`, `/prep/` and the SLA tables.
 */

/** The finder's choices and each library item's filters, once per playbook. */
const finderCache = new WeakMap<
	Playbook,
	{ options: FinderOptions; items: { item: Entry<'library'>; filters: SearchFacets['filters'] }[] }
>();

function finderOf(playbook: Playbook) {
	let finder = finderCache.get(playbook);
	if (!finder) {
		finder = {
			options: finderOptions(playbook),
			items: sorted(playbook, 'library').map((item) => ({
				item,
				filters: searchFacets(playbook, item).filters,
			})),
		};
		finderCache.set(playbook, finder);
	}
	return finder;
}

/**
 * True when an item's filters meet the finder's: every filter asked for, any of its values
 * (Pagefind's own rule, which the finder's page relies on).
 */
function meets(
	filters: SearchFacets['filters'],
	wanted: ReturnType<typeof pagefindFilters>,
): boolean {
	return Object.entries(wanted).every(([name, condition]) => {
		const values: readonly string[] = filters[name as keyof typeof filters] ?? [];
		return typeof condition === 'string'
			? values.includes(condition)
			: condition.any.some((value) => values.includes(value));
	});
}

/** A library item as the finder and the call plan list it: its talk track above all. */
function libraryLine(ask: AskContext, item: Entry<'library'>) {
	const ref = entryRef(ask, item);
	return {
		...ref,
		format: item.data.format,
		use: item.data.use,
		stages: item.data.stages,
		personas: item.data.personas,
		talkTrack: item.data.talk_track,
		link: item.data.url,
		draft: listingMark(item) === 'draft',
		lines: [
			...refHeading(ref, '###'),
			'',
			`Format: ${labelOf(item.data.format)} · Use: ${labelOf(item.data.use)}`,
			item.data.talk_track
				? `Talk track: ${inert(item.data.talk_track)}`
				: 'Talk track: none written yet.',
			...(item.data.url ? [`Asset: ${inert(item.data.url)}`] : []),
			'',
			...provenanceLines(ref.provenance),
		],
	};
}

export interface FindContentInput {
	stage: string;
	persona: string;
	format?: string | undefined;
	use?: string | undefined;
	/** How many items to give at most; the answer says how many there are in all. */
	limit?: number | undefined;
}

/** The library items `/find/` lists for a buyer stage and a persona, and a format and use if given. */
export function findContent(ask: AskContext, input: FindContentInput): Answer {
	const unknown = unknownFilter(ask, input.stage, input.persona);
	if (unknown) return unknown;
	const finder = finderOf(ask.playbook);
	const state: FinderState = {
		query: '',
		selected: {
			stage: [input.stage],
			persona: [input.persona],
			format: input.format ? [input.format] : [],
			use: input.use ? [input.use] : [],
		},
	};
	const wanted = pagefindFilters(state, finder.options);
	const matching = finder.items.filter(({ filters }) => meets(filters, wanted));
	const limit = input.limit ?? 20;
	const items = matching.slice(0, limit).map(({ item }) => libraryLine(ask, item));
	const stage = titleOf(ask.playbook, 'buyer-stages', input.stage);
	const persona = titleOf(ask.playbook, 'personas', input.persona);
	const narrowed = [input.format && labelOf(input.format), input.use && labelOf(input.use)]
		.filter(Boolean)
		.join(', ');
	const total = matching.length;
	const head = `${total} library ${total === 1 ? 'item serves' : 'items serve'} ${persona} at ${stage}${narrowed ? ` (${narrowed})` : ''}${total > limit ? `; the first ${limit} follow` : ''}.`;
	return {
		ok: true,
		text: joinBlocks([[inert(head)], ...items.map((item) => item.lines)]),
		data: {
			stage: input.stage,
			persona: input.persona,
			...(input.format && { format: input.format }),
			...(input.use && { use: input.use }),
			total,
			items: items.map(withoutLines),
		},
	};
}

/** An SLA with its commitments, each target in words. */
function slaLine(ask: AskContext, sla: Entry<'slas'>) {
	const ref = entryRef(ask, sla);
	const commitments = sla.data.commitments.map((commitment) => ({
		what: commitment.what,
		target: commitment.target,
		unit: commitment.unit,
		period: commitment.period,
		better: commitmentDirection(commitment),
		targetInWords: commitmentTarget(commitment),
	}));
	const stage = sla.data.lead_stage;
	return {
		...ref,
		from: sla.data.from,
		to: sla.data.to,
		leadStage: stage,
		commitments,
		measuredIn: sla.data.measured_in,
		escalation: sla.data.escalation,
		lines: [
			...refHeading(ref, '###'),
			'',
			`${labelOf(sla.data.from)} commits to ${labelOf(sla.data.to)}${stage ? ` on ${inert(titleOf(ask.playbook, 'lead-stages', stage))}` : ''}.`,
			...commitments.map(
				(commitment) => `- ${inert(commitment.what)}: ${inert(commitment.targetInWords)}`,
			),
			`Measured in: ${inert(sla.data.measured_in)}`,
			`Escalation: ${inert(sla.data.escalation)}`,
			'',
			...provenanceLines(ref.provenance),
		],
	};
}

/** What `/prep/<persona>/<stage>/` shows: who, what they ask, objections, content, SLAs. */
export function callPlanAnswer(ask: AskContext, input: { persona: string; stage: string }): Answer {
	const unknown = unknownFilter(ask, input.stage, input.persona);
	if (unknown) return unknown;
	const plan = callPlan(ask.playbook, input.persona, input.stage);
	const { persona, stage } = plan;
	const content = plan.content.map((item) => libraryLine(ask, item));
	const slas = plan.slas.map((sla) => slaLine(ask, sla));
	const personaRef = entryRef(ask, persona);
	const stageRef = entryRef(ask, stage);
	const list = (items: readonly string[], empty: string) =>
		items.length === 0 ? [empty] : items.map((item) => `- ${inert(item)}`);
	return {
		ok: true,
		text: joinBlocks([
			[`# Call plan: ${inert(persona.data.title)} at ${inert(stage.data.title)}`],
			...(plan.missing.length > 0
				? [[inert(`This plan is missing ${plan.missing.join('; ')}.`)]]
				: []),
			[
				'## Who you are talking to',
				`Role: ${inert(persona.data.role)} · Buying role: ${labelOf(persona.data.buying_role)}`,
				'Goals:',
				...list(persona.data.goals, 'No goals recorded yet.'),
				'Pains:',
				...list(persona.data.pains, 'No pains recorded yet.'),
				'',
				...provenanceLines(personaRef.provenance),
			],
			[
				`## What they are asking at ${inert(stage.data.title)}`,
				inert(stage.data.buyer_question),
				'',
				...provenanceLines(stageRef.provenance),
			],
			[
				'## Objections and responses',
				...(persona.data.objections.length === 0
					? ['No objections recorded yet.']
					: persona.data.objections.map(
							(o) => `- ${inert(o.objection)} Response: ${inert(o.response)}`,
						)),
			],
			[
				'## In their words',
				...(persona.data.quotes.length === 0
					? ['No quotes from calls yet.']
					: persona.data.quotes.map((q) => `- ${inert(q.quote)} (${inert(q.source)})`)),
			],
			['## What to send and say', ...(content.length === 0 ? ['No content yet.'] : [])],
			...content.map((item) => item.lines),
			['## What you owe on every lead', ...(slas.length === 0 ? ['No SLAs yet.'] : [])],
			...slas.map((sla) => sla.lines),
		]),
		data: {
			path: callPlanPath(persona.id, stage.id),
			url: `${ask.site}${callPlanPath(persona.id, stage.id)}`,
			persona: {
				...personaRef,
				role: persona.data.role,
				buyingRole: persona.data.buying_role,
				goals: persona.data.goals,
				pains: persona.data.pains,
				objections: persona.data.objections,
				quotes: persona.data.quotes,
			},
			stage: { ...stageRef, buyerQuestion: stage.data.buyer_question },
			content: content.map(withoutLines),
			slas: slas.map(withoutLines),
			missing: plan.missing,
		},
	};
}

export interface SlaInput {
	leadStage?: string | undefined;
	from?: Department | undefined;
	to?: Department | undefined;
}

/** The SLAs that govern a lead stage, or that one team owes another, with their targets. */
export function slaAnswer(ask: AskContext, input: SlaInput): Answer {
	let slas: Entry<'slas'>[];
	let about: string;
	if (input.leadStage !== undefined) {
		const stage = ask.playbook.entries['lead-stages'].get(input.leadStage);
		if (!stage) {
			const stages = entriesOf(ask.playbook, 'lead-stages');
			const byAbbreviation = stages.find(
				(s) => s.data.abbreviation?.toLowerCase() === input.leadStage!.toLowerCase(),
			);
			if (!byAbbreviation)
				return notFound(
					'lead stage',
					input.leadStage,
					closestNames(
						input.leadStage,
						stages.map((s) => s.id),
					),
				);
			return slaAnswer(ask, { ...input, leadStage: byAbbreviation.id });
		}
		slas = slasForLeadStage(ask.playbook, stage.id);
		about = `the lead stage ${stage.data.title}`;
	} else if (input.from !== undefined || input.to !== undefined) {
		slas = sorted(ask.playbook, 'slas').filter(
			(sla) =>
				(input.from === undefined || sla.data.from === input.from) &&
				(input.to === undefined || sla.data.to === input.to),
		);
		about = [
			input.from && `${labelOf(input.from)} commits`,
			input.to && `${labelOf(input.to)} is served`,
		]
			.filter(Boolean)
			.join(' and ');
		about = `what ${about}`;
	} else {
		return {
			ok: false,
			text: 'Give a lead stage (leadStage, such as mql) or the teams (from, to, such as marketing and sales).',
		};
	}
	const lines = slas.map((sla) => slaLine(ask, sla));
	const head = `${lines.length} ${lines.length === 1 ? 'SLA applies' : 'SLAs apply'} to ${about}.`;
	return {
		ok: true,
		text: joinBlocks([[inert(head)], ...lines.map((sla) => sla.lines)]),
		data: { ...input, slas: lines.map(withoutLines) },
	};
}
