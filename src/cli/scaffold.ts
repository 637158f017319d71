import yaml from 'js-yaml';
import type { PageCollection } from '../schemas/index.ts';
import { BUYING_ROLES, DEPARTMENTS, FORMATS, USES } from '../schemas/vocabulary.ts';
import { PLACEHOLDER_SUMMARIES, placeholderBody } from '../model/placeholders.ts';
import { wordsOf } from '../model/words.ts';

export interface ScaffoldContext {
	/** Today, `YYYY-MM-DD`, written as the review date. */
	today: string;
	/** Owner ids to fill in; may be empty. */
	owners: string[];
	/** Owner ids an editor can choose from, with departments, listed in a comment. */
	ownerHint: string;
	/** Id of the first buyer stage, so a new library item starts with a real reference. */
	firstBuyerStage: string | undefined;
}

/** A person's name from their id: every word capitalised, `dana-whitfield` → `Dana Whitfield`. */
const personName = (id: string) =>
	id
		.split(/[-_]/)
		.filter(Boolean)
		.map((word) => word[0]!.toUpperCase() + word.slice(1))
		.join(' ');
/** Any other title from its id, in sentence case: `roi-calculator` → `ROI calculator`. */
const title = wordsOf;

/** Writes the text of a new entry of one collection, from its id. */
type Scaffolder = (id: string, context: ScaffoldContext) => string;

/**
 * The text of a new entry: every required key with a value that passes the schema, and a
 * comment on each choice an editor still has to make. Definitions start as drafts.
 */
export function scaffold(collection: PageCollection, id: string, context: ScaffoldContext): string {
	return SCAFFOLDS[collection](id, context);
}

/**
 * The keys every new definition starts with: its title, the summary still to write, its owners,
 * `draft`, and the day. `npm run new` and `npm run init` both start definitions here.
 */
export function draftKeys(name: string, context: ScaffoldContext): string[] {
	return [
		`title: ${yamlScalar(name)}`,
		`summary: ${PLACEHOLDER_SUMMARIES.definition}`,
		`owners: [${context.owners.join(', ')}] # one from sales and one from marketing: ${context.ownerHint}`,
		'status: draft # draft | approved | deprecated',
		`reviewed: ${context.today} # the owners set the day they review it, before approving`,
	];
}

/** A value as one line of YAML, quoted where YAML would read it as something else. */
function yamlScalar(value: string): string {
	return yaml.dump(value, { lineWidth: -1 }).trimEnd();
}

/** A new definition: the keys every definition carries, then its collection's own. */
function definition(lines: string[] | ((context: ScaffoldContext) => string[])): Scaffolder {
	return (id, context) =>
		frontmatter(
			[...draftKeys(title(id), context), ...(typeof lines === 'function' ? lines(context) : lines)],
			id,
		);
}

/**
 * What a new entry of each collection starts with. Typed over every collection with pages, so
 * a new collection must say what `npm run new` writes for it.
 */
const SCAFFOLDS: { [C in PageCollection]: Scaffolder } = {
	team: (id) =>
		[
			`name: ${personName(id)}`,
			'title: Job title',
			`department: sales # ${DEPARTMENTS.join(' | ')}`,
			'# github: handle-without-at',
			'# email: name@company.com',
			'',
		].join('\n'),
	guides: (id) =>
		frontmatter([`title: ${title(id)}`, `summary: ${PLACEHOLDER_SUMMARIES.guide}`], id),
	tracks: (id) =>
		frontmatter(
			[
				`title: ${title(id)}`,
				`summary: ${PLACEHOLDER_SUMMARIES.track}`,
				'role: Role name',
				'steps:',
				`  - read: guides/start-here # collection/id of any entry`,
				'    take: What to take from it.',
				'    minutes: 5',
			],
			id,
		),
	personas: definition([
		'role: Job title of the buyer',
		`buying_role: champion # ${BUYING_ROLES.join(' | ')}`,
		'icp: [] # ids in content/icp',
		'goals: []',
		'pains: []',
		'objections: [] # - objection: ... / response: ...',
		'quotes: [] # - quote: verbatim words / source: Discovery call, AE, 2026-09',
	]),
	icp: definition([
		'tier: 1 # 1 = best fit',
		'firmographics:',
		'  industries: []',
		'  employees: { min: 1 } # max optional',
		'  regions: []',
		'signals: []',
		'disqualifiers: []',
	]),
	'lead-stages': definition([
		'# abbreviation: ABC',
		'order: 1 # the stage with the lowest order is the entry stage',
		`worked_by: marketing # ${DEPARTMENTS.join(' | ')}`,
		'entry_criteria:',
		'  - What puts a lead in this stage',
		'exit_criteria: []',
		'next: [] # lead-stage ids; empty for a terminal stage',
	]),
	'buyer-stages': definition([
		'order: 1',
		'buyer_question: What is the buyer asking at this stage?',
	]),
	library: definition((context) => [
		`stages: [${context.firstBuyerStage ?? ''}] # buyer-stage ids, at least one`,
		'personas: [] # persona ids; empty means every persona',
		`format: one-pager # ${FORMATS.join(' | ')}`,
		`use: both # ${USES.join(' | ')}`,
		'# url: https://example.com/asset',
		'# talk_track: How a rep uses it on a call.',
	]),
	glossary: definition([
		'# abbreviation: ABC',
		'definition: What the term means, in words both teams agree on.',
		'see_also: [] # glossary ids',
		'avoid: [] # words not to use for it',
	]),
	metrics: definition([
		'formula: How it is computed, in words.',
		'# numerator: What is counted',
		'# denominator: What it is divided by',
		'unit: percent',
		'target: 1',
		'better: higher # higher | lower',
		'period: per month',
		'source: The system of record',
		'lead_stages: [] # lead-stage ids it spans',
	]),
	slas: definition([
		'from: marketing # the department that commits',
		'to: sales # the department it serves',
		'# lead_stage: mql',
		'commitments:',
		'  - what: What is promised',
		'    target: 1',
		'    unit: business days',
		'    period: per lead',
		'measured_in: Where attainment is measured',
		'escalation: What happens when it is missed.',
	]),
};

function frontmatter(lines: string[], id: string): string {
	return entryText(lines, title(id));
}

/** An entry file: its frontmatter lines, then the body still to write about `name`. */
export function entryText(lines: string[], name: string): string {
	return ['---', ...lines, '---', '', placeholderBody(name), ''].join('\n');
}
