import { EVERY_PERSONA, pagefindValue } from '../browser/finder-state.ts';
import { entriesOf, type Entry, nameOf } from '../model/playbook.ts';
import { dependantsOf } from '../model/references.ts';
import { titleOf } from '../model/views.ts';
import { fieldLabel, readerValue } from '../model/words.ts';
import { COLLECTIONS, type CollectionName, PAGE_COLLECTIONS } from '../schemas/index.ts';
import { entryMarkdown } from '../site/markdown-twin.ts';
import { searchFacets } from '../site/search-facets.ts';
import {
	type Answer,
	type AskContext,
	closestNames,
	entryRef,
	inert,
	joinBlocks,
	notFound,
	provenanceLines,
	refBlock,
	refHeading,
	withoutLines,
} from './answer.ts';

/**
 * `search`, `define` and `get_entry`: finding an entry by the words a rep uses, a term by its
 * name, abbreviation or a word to avoid, and one entry whole with what references it.
 */

/** What search reads of one entry: its words by weight, and the site search's filters. */
interface SearchDoc {
	entry: Entry;
	title: string;
	/** Abbreviation, aliases, words to avoid: the site search's keywords. */
	keywords: string[];
	summary: string;
	body: string;
	stages: string[];
	personas: string[];
}

const docsCache = new WeakMap<AskContext['playbook'], SearchDoc[]>();

/** Every page's entry as search reads it, once per playbook. */
function searchDocs(ask: AskContext): SearchDoc[] {
	let docs = docsCache.get(ask.playbook);
	if (docs) return docs;
	docs = PAGE_COLLECTIONS.flatMap((collection) =>
		entriesOf(ask.playbook, collection).map((entry) => {
			// The site search's own facets: its keywords rank, its stage and persona filters filter.
			const facets = searchFacets(ask.playbook, entry);
			const ref = entryRef(ask, entry);
			return {
				entry,
				title: `${ref.title} ${entry.id}`.toLowerCase(),
				keywords: (facets.meta.keywords ?? '')
					.split(', ')
					.filter(Boolean)
					.map((word) => word.toLowerCase()),
				summary: ref.summary.toLowerCase(),
				body: entry.body.toLowerCase(),
				stages: facets.filters.stage ?? [],
				personas: facets.filters.persona ?? [],
			};
		}),
	);
	docsCache.set(ask.playbook, docs);
	return docs;
}

/** How well one entry answers the words of a query; 0 when a word is found nowhere in it. */
function score(doc: SearchDoc, words: readonly string[], phrase: string): number {
	let total = 0;
	for (const word of words) {
		const found =
			(doc.title.includes(word) ? 10 : 0) +
			(doc.keywords.some((keyword) => keyword.includes(word)) ? 8 : 0) +
			(doc.summary.includes(word) ? 3 : 0) +
			(doc.body.includes(word) ? 1 : 0);
		if (found === 0) return 0;
		total += found;
	}
	// The name a rep typed whole ("MQL", "hot lead") puts its entry first.
	const exact = doc.keywords.includes(phrase) || nameOf(doc.entry).toLowerCase() === phrase;
	return total + (exact ? 50 : 0);
}

export interface SearchInput {
	text: string;
	collection?: CollectionName | undefined;
	stage?: string | undefined;
	persona?: string | undefined;
	limit?: number | undefined;
}

/** Entries ranked for a query, within a collection, a buyer stage or a persona when given. */
export function search(ask: AskContext, input: SearchInput): Answer {
	const unknown = unknownFilter(ask, input.stage, input.persona);
	if (unknown) return unknown;
	const phrase = input.text.trim().toLowerCase();
	const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
	// Filters as the site search applies them: a buyer stage's or persona's title, or every persona.
	const stage = input.stage && pagefindValue(titleOf(ask.playbook, 'buyer-stages', input.stage));
	const persona = input.persona && pagefindValue(titleOf(ask.playbook, 'personas', input.persona));
	const ranked = searchDocs(ask)
		.filter(
			(doc) =>
				(!input.collection || doc.entry.collection === input.collection) &&
				(!stage || doc.stages.includes(stage)) &&
				(!persona || doc.personas.includes(persona) || doc.personas.includes(EVERY_PERSONA)),
		)
		.map((doc) => ({ doc, score: words.length === 0 ? 1 : score(doc, words, phrase) }))
		.filter((hit) => hit.score > 0)
		.sort((a, b) => b.score - a.score);
	const limit = input.limit ?? 10;
	const results = ranked.slice(0, limit).map(({ doc }) => entryRef(ask, doc.entry));
	const head = `${ranked.length} ${ranked.length === 1 ? 'entry matches' : 'entries match'} "${input.text}"${ranked.length > limit ? `; the best ${limit} follow` : ''}.`;
	return {
		ok: true,
		text: joinBlocks([[inert(head)], ...results.map((ref) => refBlock(ref))]),
		data: { query: input.text, total: ranked.length, results },
	};
}

/** The tool error for a buyer stage or persona id the playbook does not have, if one is given. */
export function unknownFilter(
	ask: AskContext,
	stage: string | undefined,
	persona: string | undefined,
): Answer | undefined {
	if (stage !== undefined && !ask.playbook.entries['buyer-stages'].has(stage))
		return notFound(
			'buyer stage',
			stage,
			closestNames(stage, [...ask.playbook.entries['buyer-stages'].keys()]),
		);
	if (persona !== undefined && !ask.playbook.entries.personas.has(persona))
		return notFound(
			'persona',
			persona,
			closestNames(persona, [...ask.playbook.entries.personas.keys()]),
		);
	return undefined;
}

/** A term `define` can name: a glossary term or a lead stage. */
type Term = Entry<'glossary'> | Entry<'lead-stages'>;

function termsOf(ask: AskContext): Term[] {
	return [...entriesOf(ask.playbook, 'glossary'), ...entriesOf(ask.playbook, 'lead-stages')];
}

/** The names a term is known by, as the playbook writes them. */
function namesOf(term: Term): { own: string[]; aliases: string[]; avoid: string[] } {
	const { data } = term;
	return {
		own: [data.title, term.id, ...(data.abbreviation ? [data.abbreviation] : [])],
		aliases: data.aliases,
		avoid: term.collection === 'glossary' ? term.data.avoid : [],
	};
}

/** A term's definition and criteria, as data and as lines of the text answer. */
function meaningOf(
	ask: AskContext,
	term: Term,
): { data: Record<string, unknown>; lines: string[] } {
	if (term.collection === 'glossary') {
		const { data } = term;
		const seeAlso = data.see_also.map((id) => titleOf(ask.playbook, 'glossary', id));
		return {
			data: {
				abbreviation: data.abbreviation,
				definition: data.definition,
				seeAlso: data.see_also,
				avoid: data.avoid,
			},
			lines: [
				`Definition: ${inert(data.definition)}`,
				...(data.abbreviation ? [`Abbreviation: ${inert(data.abbreviation)}`] : []),
				...(data.avoid.length > 0
					? [`Words to avoid for it: ${data.avoid.map((word) => inert(word)).join(', ')}`]
					: []),
				...(seeAlso.length > 0
					? [`See also: ${seeAlso.map((title) => inert(title)).join(', ')}`]
					: []),
			],
		};
	}
	const { data } = term;
	const list = (label: string, items: readonly string[]) =>
		items.length === 0 ? [] : [`${label}:`, ...items.map((item) => `- ${inert(item)}`)];
	return {
		data: {
			abbreviation: data.abbreviation,
			definition: data.summary,
			workedBy: data.worked_by,
			scoreThreshold: data.score_threshold,
			entryCriteria: data.entry_criteria,
			exitCriteria: data.exit_criteria,
			next: data.next,
			rejectionReasons: data.rejection_reasons,
		},
		// The summary is the lead stage's definition, which the heading already shows.
		lines: [
			`Worked by: ${readerValue(data.worked_by)}`,
			...(data.score_threshold === undefined
				? []
				: [`${fieldLabel('score_threshold')}: ${data.score_threshold}`]),
			...list(fieldLabel('entry_criteria'), data.entry_criteria),
			...list(fieldLabel('exit_criteria'), data.exit_criteria),
			...list(
				fieldLabel('next'),
				data.next.map((id) => titleOf(ask.playbook, 'lead-stages', id)),
			),
			...list(fieldLabel('rejection_reasons'), data.rejection_reasons ?? []),
		],
	};
}

/**
 * The glossary term or lead stage a word names: by its name, id or abbreviation first, then by
 * an alias, then as a word to avoid, which points to the agreed term.
 */
export function define(ask: AskContext, input: { term: string }): Answer {
	const asked = input.term.trim().toLowerCase();
	const terms = termsOf(ask);
	const named = (pick: (names: ReturnType<typeof namesOf>) => string[]) =>
		terms.filter((term) => pick(namesOf(term)).some((name) => name.toLowerCase() === asked));
	const levels = [
		{ how: 'name', found: named((names) => names.own) },
		{ how: 'alias', found: named((names) => names.aliases) },
		{ how: 'avoid', found: named((names) => names.avoid) },
	] as const;
	const level = levels.find((candidate) => candidate.found.length > 0);
	if (!level)
		return notFound(
			'glossary term or lead stage',
			input.term,
			closestNames(
				input.term,
				terms.flatMap((term) => {
					const names = namesOf(term);
					return [...names.own, ...names.aliases, ...names.avoid];
				}),
			),
		);
	const matches = level.found.map((term) => ({ ...entryRef(ask, term), ...meaningOf(ask, term) }));
	const note =
		level.how === 'avoid'
			? `"${input.term}" is a word to avoid: it means something else to the other team. Say ${matches.map((match) => `"${match.title}"`).join(' or ')} instead.`
			: level.how === 'alias'
				? `"${input.term}" is another name for ${matches.map((match) => `"${match.title}"`).join(' and ')}.`
				: undefined;
	return {
		ok: true,
		text: joinBlocks([
			...(note ? [[inert(note)]] : []),
			...matches.map((match) => [
				...refHeading(match),
				'',
				...match.lines,
				'',
				...provenanceLines(match.provenance),
			]),
		]),
		data: {
			term: input.term,
			matchedAs: level.how,
			...(note && { note }),
			matches: matches.map(({ data, ...ref }) => ({ ...withoutLines(ref), ...data })),
		},
	};
}

/** One entry whole: its fields, its body and what references it. */
export function getEntry(
	ask: AskContext,
	input: { collection: CollectionName; id: string },
): Answer {
	const entry = ask.playbook.entries[input.collection].get(input.id);
	if (!entry)
		return notFound(
			COLLECTIONS[input.collection].singular.toLowerCase(),
			input.id,
			closestNames(input.id, [...ask.playbook.entries[input.collection].keys()]),
		);
	const ref = entryRef(ask, entry);
	const referencedBy = dependantsOf(ask.playbook, entry.collection, entry.id).map((other) => ({
		collection: other.collection,
		id: other.id,
		title: nameOf(other),
	}));
	return {
		ok: true,
		// The entry as its page's Markdown copy gives it, then what references it.
		text: joinBlocks([
			[entryMarkdown(ask.playbook, entry, { today: ask.today, site: ask.site }).trimEnd()],
			...(ref.provenance.status === undefined
				? []
				: [[`Overdue: ${ref.provenance.overdue ? 'yes' : 'no'}`]]),
			referencedBy.length === 0
				? ['Nothing references it.']
				: [
						'## Referenced by',
						...referencedBy.map(
							(other) => `- ${inert(other.title)} (${COLLECTIONS[other.collection].singular})`,
						),
					],
		]),
		data: { entry: ref, fields: entry.data, body: entry.body, referencedBy },
	};
}
