import { parseEntryRef } from '../model/entry-refs.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import { entryTitle, pathOf, sorted } from '../model/views.ts';
import type { CollectionName } from '../schemas/index.ts';
import { targetCeiling } from '../schemas/slas.ts';
import type { CheckQuestion } from '../schemas/tracks.ts';
import { formatTarget } from './metrics.ts';
import { formatAmount } from '../model/words.ts';

/**
 * Knowledge checks for a track's steps: the questions the track's authors wrote, and questions
 * made from the definition a step reads. A made question takes its right answer and its wrong
 * choices from the playbook being built, so it changes when the definition changes and can never
 * contradict it. Pure, so every rule is tested without a build.
 */

export interface Question {
	/** Stable within its step: `written-0`, `threshold`, `commitment-1`… */
	id: string;
	question: string;
	/** In the order shown; the answer is one of them. */
	choices: string[];
	answer: string;
	why: string;
	/** The page that holds the answer. */
	source: { title: string; path: string };
	/** True when made from the definition, false when written by the track's authors. */
	generated: boolean;
}

/** Wrong choices offered beside the right one, at most. */
const WRONG_CHOICES = 3;
/** SLA commitments asked about per SLA, at most: a long SLA should not swamp a step. */
const COMMITMENT_QUESTIONS = 3;

/** A step's questions: the written ones first, then those made from what it reads. */
export function stepQuestions(
	playbook: Playbook,
	step: { read: string; check: readonly CheckQuestion[] },
): Question[] {
	const ref = parseEntryRef(step.read);
	const target = ref && playbook.entries[ref.collection].get(ref.id);
	if (!ref || !target) return []; // the checker has already failed the build on these
	const source = { title: entryTitle(target), path: pathOf(ref.collection, ref.id) };
	const written = step.check.map((check, index): Question => ({
		id: `written-${index}`,
		question: check.question,
		choices: [...check.choices],
		answer: check.choices.find((choice) => choice.trim() === check.answer.trim())!,
		why: check.why,
		source,
		generated: false,
	}));
	return [...written, ...generatedQuestions(playbook, ref.collection, target)];
}

/** Makes the questions one entry of collection `C` asks, before their choices are picked. */
type QuestionMaker<C extends CollectionName> = (playbook: Playbook, entry: Entry<C>) => Draft[];

/**
 * What each collection asks about its entries; `undefined` where there is nothing to ask. Typed
 * over every collection, so a new collection must say whether its entries make questions.
 */
const QUESTIONS: { [C in CollectionName]: QuestionMaker<C> | undefined } = {
	team: undefined,
	personas: personaQuestions,
	icp: undefined,
	'lead-stages': leadStageQuestions,
	'buyer-stages': undefined,
	library: undefined,
	slas: slaQuestions,
	glossary: glossaryQuestions,
	metrics: metricQuestions,
	tracks: undefined,
	guides: undefined,
	results: undefined,
};

/** The questions made from one entry; collections with nothing to ask about give none. */
export function generatedQuestions<C extends CollectionName>(
	playbook: Playbook,
	collection: C,
	entry: Entry<C>,
): Question[] {
	const source = { title: entryTitle(entry), path: pathOf(collection, entry.id) };
	const drafts = QUESTIONS[collection]?.(playbook, entry) ?? [];
	return drafts.flatMap((draft) => {
		const wrong = distinct(draft.wrong, draft.answer).slice(0, WRONG_CHOICES);
		if (wrong.length === 0) return []; // nothing to choose between: no question
		return [
			{
				id: draft.id,
				question: draft.question,
				choices: shuffled([draft.answer, ...wrong], draft.question),
				answer: draft.answer,
				why: draft.why,
				source,
				generated: true,
			},
		];
	});
}

/** A question before its choices are picked and ordered. */
interface Draft {
	id: string;
	question: string;
	answer: string;
	/** Candidates, best first; repeats and the answer itself are dropped. */
	wrong: string[];
	why: string;
}

function leadStageQuestions(playbook: Playbook, stage: Entry<'lead-stages'>): Draft[] {
	const { data } = stage;
	const name = data.abbreviation ?? data.title;
	const others = sorted(playbook, 'lead-stages').filter((other) => other.id !== stage.id);
	const drafts: Draft[] = [];
	if (data.score_threshold !== undefined) {
		const threshold = data.score_threshold;
		drafts.push({
			id: 'threshold',
			question: `How many lead score points does a lead need to become ${article(name)} ${name}?`,
			answer: points(threshold),
			wrong: [
				...others.flatMap((other) =>
					other.data.score_threshold === undefined ? [] : [points(other.data.score_threshold)],
				),
				...nearbyNumbers(threshold).map(points),
			],
			why: `A lead becomes ${article(name)} ${name} at ${points(threshold)} of lead score.`,
		});
	}
	const own = new Set(data.entry_criteria.map(normalise));
	drafts.push({
		id: 'entry',
		question: `Which of these puts a lead in ${name}?`,
		answer: data.entry_criteria[0]!,
		wrong: hashOrder(
			others.flatMap((other) =>
				other.data.entry_criteria.filter((criterion) => !own.has(normalise(criterion))),
			),
			stage.id,
		),
		why: `A lead enters ${name} when: ${data.entry_criteria.join('; ')}.`,
	});
	const next = data.next.flatMap((id) => {
		const target = playbook.entries['lead-stages'].get(id);
		return target ? [target] : [];
	});
	if (next.length > 0) {
		const nextNames = next.map((target) => target.data.title);
		drafts.push({
			id: 'next',
			question: `Which stage can a lead move to straight from ${name}?`,
			answer: next[0]!.data.title,
			wrong: others
				.filter((other) => !data.next.includes(other.id))
				.map((other) => other.data.title),
			why: `From ${name} a lead moves to ${listInWords(nextNames, 'or')}.`,
		});
	}
	return drafts;
}

function slaQuestions(playbook: Playbook, sla: Entry<'slas'>): Draft[] {
	const amount = (target: number, unit: string, period: string) =>
		`${formatAmount(target, unit)} ${period.trim()}`;
	const elsewhere = sorted(playbook, 'slas').flatMap((other) => other.data.commitments);
	return sla.data.commitments.slice(0, COMMITMENT_QUESTIONS).map((commitment, index) => {
		const answer = amount(commitment.target, commitment.unit, commitment.period);
		const sameUnit = (unit: string) => normalise(unit) === normalise(commitment.unit);
		const ceiling = targetCeiling(commitment.unit)?.max;
		return {
			id: `commitment-${index}`,
			question: `${sla.data.title}: what is the target for “${commitment.what}”?`,
			answer,
			wrong: [
				...elsewhere
					.filter((other) => sameUnit(other.unit) && other.target !== commitment.target)
					.map((other) => amount(other.target, commitment.unit, commitment.period)),
				...nearbyNumbers(commitment.target, ceiling).map((n) =>
					amount(n, commitment.unit, commitment.period),
				),
			],
			why: `${sla.data.title} sets “${commitment.what}” at ${answer}.`,
		};
	});
}

function glossaryQuestions(playbook: Playbook, term: Entry<'glossary'>): Draft[] {
	const { data } = term;
	const others = sorted(playbook, 'glossary').filter((other) => other.id !== term.id);
	const drafts: Draft[] = [
		{
			id: 'definition',
			question: `What does “${data.title}” mean?`,
			answer: data.definition,
			wrong: hashOrder(
				others.map((other) => other.data.definition),
				term.id,
			),
			why: `Both teams agreed: ${data.title} is “${data.definition}”`,
		},
	];
	if (data.avoid.length > 0)
		drafts.push({
			id: 'avoid',
			question: `Which word do both teams use for “${data.definition}”?`,
			answer: data.title,
			wrong: data.avoid,
			why: `Say “${data.title}”. Avoid ${listInWords(
				data.avoid.map((word) => `“${word}”`),
				'and',
			)}: they mean something else to the other team.`,
		});
	return drafts;
}

function metricQuestions(playbook: Playbook, metric: Entry<'metrics'>): Draft[] {
	const { data } = metric;
	const others = sorted(playbook, 'metrics').filter((other) => other.id !== metric.id);
	const answer = formatTarget(data);
	const ceiling = targetCeiling(data.unit)?.max;
	return [
		{
			id: 'target',
			question: `What is the target for ${data.title}?`,
			answer,
			wrong: [
				// The same number the wrong way round is the mistake that matters most.
				formatTarget({ ...data, better: data.better === 'higher' ? 'lower' : 'higher' }),
				...nearbyNumbers(data.target, ceiling).map((target) => formatTarget({ ...data, target })),
			],
			why: `${data.title} aims for ${answer}; ${data.better === 'higher' ? 'higher' : 'lower'} is better.`,
		},
		{
			id: 'formula',
			question: `How is ${data.title} computed?`,
			answer: data.formula,
			wrong: hashOrder(
				others.map((other) => other.data.formula),
				metric.id,
			),
			why: `Both teams compute it this way, from ${data.source}.`,
		},
	];
}

function personaQuestions(playbook: Playbook, persona: Entry<'personas'>): Draft[] {
	const [top, ...rest] = persona.data.objections;
	if (!top) return [];
	const elsewhere = sorted(playbook, 'personas')
		.filter((other) => other.id !== persona.id)
		.flatMap((other) => other.data.objections);
	return [
		{
			id: 'objection',
			question: `${article(persona.data.title, true)} ${persona.data.title} says: “${top.objection}” What do you answer?`,
			answer: top.response,
			wrong: hashOrder(
				[...rest, ...elsewhere].map((objection) => objection.response),
				persona.id,
			),
			why: `It is the response agreed for ${persona.data.title}'s first objection.`,
		},
	];
}

/**
 * Wrong numbers near a right one: double, half, half as much again, one more, triple. Whole
 * numbers stay whole; none is the number itself, below zero or past the unit's ceiling.
 */
export function nearbyNumbers(value: number, max?: number): number[] {
	const whole = Number.isInteger(value);
	const round = (n: number) => (whole ? Math.round(n) : Math.round(n * 10) / 10);
	const candidates =
		value === 0
			? [1, 2, 5]
			: [value * 2, value / 2, value * 1.5, value + (whole ? 1 : 0.5), value * 3].map(round);
	return [...new Set(candidates)].filter(
		(n) => n !== value && n >= 0 && (max === undefined || n <= max),
	);
}

const points = (n: number) => formatAmount(n, 'points');

const normalise = (text: string) => text.trim().toLowerCase();

/** Texts in order, without repeats and without the answer. */
function distinct(texts: readonly string[], answer: string): string[] {
	const seen = new Set([normalise(answer)]);
	return texts.filter((text) => {
		const key = normalise(text);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** `a` or `an` before a word, as said: an MQL, a SAL, an IT director. */
function article(word: string, capital = false): string {
	// An abbreviation is said letter by letter (an MQL, a VP); a word by its first sound.
	const an = /^[A-Z]{2,}/.test(word) ? /^[AEFHILMNORSX]/.test(word) : /^[aeiou]/i.test(word);
	const text = an ? 'an' : 'a';
	return capital ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** `A`, `A or B`, `A, B or C`. */
function listInWords(items: readonly string[], last: 'and' | 'or'): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** A string's FNV-1a hash: the same text always gives the same number, in any build. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** Texts in an order fixed by `seed`, so picks vary between questions but not between builds. */
function hashOrder(texts: readonly string[], seed: string): string[] {
	return [...texts].sort((a, b) => hash(seed + a) - hash(seed + b) || a.localeCompare(b));
}

/** The choices in an order fixed by the question, so the right one is not always first. */
function shuffled(choices: readonly string[], question: string): string[] {
	return hashOrder(choices, question);
}

/**
 * A short fingerprint of a step's questions and answers. Progress stores it with a pass, so
 * a pass stops counting when a definition (and so a question) changes.
 */
export function questionsVersion(questions: readonly Question[]): string {
	return hash(JSON.stringify(questions.map((q) => [q.question, q.choices, q.answer]))).toString(36);
}
