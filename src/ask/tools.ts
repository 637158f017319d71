import { z } from 'zod';
import { isRealDate } from '../schemas/fields.ts';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { DEPARTMENTS, FORMATS, STATUSES, USES } from '../schemas/vocabulary.ts';
import type { Answer, AskContext } from './answer.ts';
import { whatChanged } from './changes.ts';
import { callPlanAnswer, findContent, slaAnswer } from './content.ts';
import { define, getEntry, search } from './lookups.ts';

/**
 * The tools an assistant can call, each with what it is for, its arguments (described for the
 * assistant, with the line a bad value gets) and the shape of its answer. The server registers
 * them as they are (src/cli/mcp.ts); the answers are the pure functions beside this file.
 */

/** One tool: its words for the assistant, its arguments, its answer's shape and the answer. */
export interface Tool {
	title: string;
	description: string;
	/** The arguments, each with its description and the line a bad value gets. */
	input: z.ZodRawShape;
	/** The shape of the structured content of a successful answer. */
	output: z.ZodRawShape;
	/** The answer, given arguments the server has already checked against `input`. */
	answer: (ask: AskContext, args: unknown) => Answer;
}

/** A tool whose answer takes exactly the arguments its input schema gives. */
function tool<I extends z.ZodRawShape>(definition: {
	title: string;
	description: string;
	input: I;
	output: z.ZodRawShape;
	answer: (ask: AskContext, args: z.output<z.ZodObject<I>>) => Answer;
}): Tool {
	return {
		...definition,
		answer: (ask, args) => definition.answer(ask, args as z.output<z.ZodObject<I>>),
	};
}

const ProvenanceSchema = z.object({
	owners: z.array(
		z.object({ id: z.string(), name: z.string(), department: z.enum(DEPARTMENTS).optional() }),
	),
	status: z.enum(STATUSES).optional(),
	reviewed: z.string().optional(),
	nextReview: z.string().optional(),
	overdue: z.boolean(),
	file: z.string(),
	url: z.string(),
});

const EntryRefSchema = z.object({
	collection: z.enum(COLLECTION_NAMES),
	id: z.string(),
	title: z.string(),
	summary: z.string(),
	provenance: ProvenanceSchema,
});

const LibraryItemSchema = EntryRefSchema.extend({
	format: z.enum(FORMATS),
	use: z.enum(USES),
	stages: z.array(z.string()),
	personas: z.array(z.string()),
	talkTrack: z.string().optional(),
	link: z.string().optional(),
	draft: z.boolean(),
});

const SlaSchema = EntryRefSchema.extend({
	from: z.enum(DEPARTMENTS),
	to: z.enum(DEPARTMENTS),
	leadStage: z.string().optional(),
	commitments: z.array(
		z.object({
			what: z.string(),
			target: z.number(),
			unit: z.string(),
			period: z.string(),
			/** Which way the commitment is kept: at or over the target (higher), at or under (lower). */
			better: z.enum(['higher', 'lower']),
			targetInWords: z.string(),
		}),
	),
	measuredIn: z.string(),
	escalation: z.string(),
});

/** How many entries an answer lists at most: 1 to 50, `fallback` when not given. */
function limit(fallback: number) {
	const error = 'Give the limit as a whole number from 1 to 50.';
	return z
		.number({ error })
		.int({ error })
		.min(1, { error })
		.max(50, { error })
		.optional()
		.describe(`How many entries to list at most (1 to 50, default ${fallback}).`);
}

/** An id argument: what it names, with an example. */
function idOf(what: string, example: string) {
	return z
		.string({ error: `Give the id of a ${what}, such as ${example}.` })
		.trim()
		.min(1, { error: `Give the id of a ${what}, such as ${example}.` })
		.describe(`The id of a ${what} (its file name without extension), such as "${example}".`);
}

const collection = z
	.enum(COLLECTION_NAMES, { error: `Give one of the collections: ${COLLECTION_NAMES.join(', ')}.` })
	.describe(`The collection: ${COLLECTION_NAMES.join(', ')}.`);

const day = z
	.string({ error: 'Give a date written YYYY-MM-DD, such as 2026-11-01.' })
	.refine(isRealDate, { error: 'Give a real date written YYYY-MM-DD, such as 2026-11-01.' });

export const TOOLS: Record<string, Tool> = {
	search: tool({
		title: 'Search the playbook',
		description:
			'Finds playbook entries (definitions, personas, content, SLAs, glossary terms, guides) by the words a rep uses, best first, each with its summary, owners, status and review state. Narrow by collection, buyer stage or persona.',
		input: {
			text: z
				.string({ error: 'Give the words to search for, such as "pricing objection".' })
				.describe('The words to search for, such as "MQL", "pricing objection" or "ROI".'),
			collection: collection.optional(),
			stage: idOf('buyer stage', 'consideration').optional(),
			persona: idOf('persona', 'controller').optional(),
			limit: limit(10),
		},
		output: { query: z.string(), total: z.number(), results: z.array(EntryRefSchema) },
		answer: search,
	}),
	define: tool({
		title: 'Define a term',
		description:
			'What a term or abbreviation means in the playbook, as sales and marketing agreed it: the glossary term or lead stage it names ("MQL", "hand-raiser"), its definition and criteria, with owners and review state. A word to avoid ("hot lead") points to the agreed term.',
		input: {
			term: z
				.string({ error: 'Give the term to define, such as "MQL".' })
				.trim()
				.min(1, { error: 'Give the term to define, such as "MQL".' })
				.describe('A term, abbreviation or word, such as "MQL", "SQL", "hot lead" or "ACV".'),
		},
		output: {
			term: z.string(),
			matchedAs: z.enum(['name', 'alias', 'avoid']),
			note: z.string().optional(),
			matches: z.array(EntryRefSchema.extend({ definition: z.string() }).loose()),
		},
		answer: define,
	}),
	get_entry: tool({
		title: 'Read one entry',
		description:
			'One playbook entry whole: its fields, its text, what references it, its owners and review state.',
		input: { collection, id: idOf('entry', 'mql') },
		output: {
			entry: EntryRefSchema,
			fields: z.record(z.string(), z.unknown()),
			body: z.string(),
			referencedBy: z.array(
				z.object({ collection: z.enum(COLLECTION_NAMES), id: z.string(), title: z.string() }),
			),
		},
		answer: getEntry,
	}),
	find_content: tool({
		title: 'Find content for a buyer',
		description:
			'The library items to send a persona at a buyer stage, with their talk tracks, as the content finder lists them, and how many there are in all. Narrow by format and use.',
		input: {
			stage: idOf('buyer stage', 'consideration'),
			persona: idOf('persona', 'controller'),
			format: z
				.enum(FORMATS, { error: `Give one of the formats: ${FORMATS.join(', ')}.` })
				.optional()
				.describe(`The format: ${FORMATS.join(', ')}.`),
			use: z
				.enum(USES, { error: `Give one of the uses: ${USES.join(', ')}.` })
				.optional()
				.describe(`Who uses it with buyers: ${USES.join(', ')}.`),
			limit: limit(20),
		},
		output: {
			stage: z.string(),
			persona: z.string(),
			format: z.string().optional(),
			use: z.string().optional(),
			total: z.number(),
			items: z.array(LibraryItemSchema),
		},
		answer: findContent,
	}),
	call_plan: tool({
		title: 'Plan a call',
		description:
			"A rep's call plan for a persona at a buyer stage: who they are, what they ask at this stage, objections with responses, quotes, what to send and say, and the SLAs the rep owes on the lead.",
		input: { persona: idOf('persona', 'controller'), stage: idOf('buyer stage', 'consideration') },
		output: {
			path: z.string(),
			url: z.string(),
			persona: EntryRefSchema.loose(),
			stage: EntryRefSchema.loose(),
			content: z.array(LibraryItemSchema),
			slas: z.array(SlaSchema),
			missing: z.array(z.string()),
		},
		answer: callPlanAnswer,
	}),
	sla: tool({
		title: 'Service levels between the teams',
		description:
			'The SLAs that apply to a lead stage ("mql"), or that one team owes another (from marketing to sales), with each commitment and its target.',
		input: {
			leadStage: idOf('lead stage', 'mql')
				.optional()
				.describe('A lead stage id or abbreviation, such as "mql" or "SQL".'),
			from: z
				.enum(DEPARTMENTS, { error: `Give one of the teams: ${DEPARTMENTS.join(', ')}.` })
				.optional()
				.describe(`The team that commits: ${DEPARTMENTS.join(', ')}.`),
			to: z
				.enum(DEPARTMENTS, { error: `Give one of the teams: ${DEPARTMENTS.join(', ')}.` })
				.optional()
				.describe(`The team it serves: ${DEPARTMENTS.join(', ')}.`),
		},
		output: {
			leadStage: z.string().optional(),
			from: z.string().optional(),
			to: z.string().optional(),
			slas: z.array(SlaSchema),
		},
		answer: slaAnswer,
	}),
	what_changed: tool({
		title: 'What changed',
		description:
			"The definitions changed since a day, from the playbook's git history, field by field in words, with who changed them; for one entry when collection and id are given.",
		input: {
			since: day.describe('The first day to include, written YYYY-MM-DD, such as 2026-11-01.'),
			collection: collection.optional(),
			id: idOf('entry', 'mql').optional(),
		},
		output: {
			since: z.string(),
			collection: z.string().optional(),
			id: z.string().optional(),
			total: z.number(),
			commits: z.array(
				z.object({
					commit: z.string(),
					date: z.string(),
					author: z.string(),
					subject: z.string(),
					changes: z.array(
						z.object({
							status: z.string(),
							collection: z.string(),
							id: z.string(),
							title: z.string(),
							fields: z.array(z.string()),
							bodyChanged: z.boolean(),
							provenance: ProvenanceSchema.optional(),
						}),
					),
				}),
			),
		},
		answer: whatChanged,
	}),
};
