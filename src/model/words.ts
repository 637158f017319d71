import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { labelOf } from '../schemas/vocabulary.ts';

/**
 * How numbers, dates, counts and field names read on a page: one place, so that every page says
 * "1 business day", "December 2, 2026" and "Review every" the same way.
 */

const NUMBER = new Intl.NumberFormat('en-US');

/**
 * A number with its unit as a reader says it: `2 business hours`, `1 business day`, `$2,400,000`,
 * `30 percent`. A unit written in the plural loses its last `s` for exactly one.
 */
export function formatAmount(value: number, unit: string): string {
	const number = NUMBER.format(value);
	const trimmed = unit.trim();
	if (trimmed === 'USD') return `$${number}`;
	const said = value === 1 && /[^s]s$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
	return `${number} ${said}`;
}

/** `1 day`, `3 days`, `1 person`, `2 people`: a count with its noun. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
	return `${NUMBER.format(count)} ${count === 1 ? singular : plural}`;
}

/** When a review falls due, from the days left: `in 3 days`, `overdue by 1 day`. */
export function dueInWords(daysLeft: number): string {
	return daysLeft < 0
		? `overdue by ${countOf(-daysLeft, 'day')}`
		: `in ${countOf(daysLeft, 'day')}`;
}

/** `December 2, 2026` for `2026-12-02`; anything else as it is. */
export function formatDate(date: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!match) return date;
	const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return LONG_DATE.format(day);
}

// One formatter for every date: making one per call costs a millisecond, on every page.
const LONG_DATE = new Intl.DateTimeFormat('en-US', {
	month: 'long',
	day: 'numeric',
	year: 'numeric',
	timeZone: 'UTC',
});
const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `November 2026` for `2026-11`; anything else as it is. */
export function monthName(month: string): string {
	const match = /^(\d{4})-(\d{2})$/.exec(month);
	if (!match) return month;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
	return MONTH.format(date);
}

/** Words of a key or an id that a reader writes in capitals (or in their own mixed case). */
const KNOWN_WORDS: Record<string, string> = Object.fromEntries(
	[
		'ABM',
		'ACV',
		'AE',
		'AI',
		'API',
		'ARR',
		'B2B',
		'CAC',
		'CEO',
		'CFO',
		'CMO',
		'COO',
		'CRM',
		'CRO',
		'CSM',
		'CTO',
		'ERP',
		'FAQ',
		'FP&A',
		'GTM',
		'ICP',
		'IT',
		'KPI',
		'LTV',
		'MQL',
		'MRR',
		'NPS',
		'PQL',
		'QBR',
		'ROI',
		'RFP',
		'SAL',
		'SAO',
		'SDR',
		'SEO',
		'SLA',
		'SMB',
		'SQL',
		'TCV',
		'UK',
		'URL',
		'US',
		'USD',
		'VP',
		'SaaS',
		'NetSuite',
	].map((word) => [word.toLowerCase(), word]),
);

/**
 * An id or a key as words, in sentence case, capitals only where the word is known to take
 * them: `roi-calculator` → `ROI calculator`, `review_every` → `Review every`.
 */
export function wordsOf(id: string): string {
	const text = id
		.split(/[-_]/)
		.filter(Boolean)
		.map((word) => KNOWN_WORDS[word.toLowerCase()] ?? word.toLowerCase())
		.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Keys whose words are not the key's own, in a marketer's words: the label of the editor's field,
 * the diff's line and the pages all read them from here.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
	icp: 'ICP tiers',
	next: 'Next stages',
	review_every: 'Review every (months)',
	annual_revenue_usd: 'Annual revenue (USD)',
	url: 'Link',
	buyer_question: "The buyer's question",
	score_threshold: 'Lead score threshold',
	take: 'What to take from it',
	min: 'At least',
	max: 'At most',
	github: 'GitHub handle',
	email: 'E-mail',
	left: 'Left the company on',
	crm: 'CRM values',
	hubspot: 'HubSpot',
	salesforce: 'Salesforce',
	not_in: 'Not kept in',
	converted: 'Converts the lead',
};

/** Names that keep their capitals inside a label, as abbreviations do. */
const PROPER_NAMES = /^(?:[A-Z]{2}|HubSpot\b|Salesforce\b)/;

/**
 * A frontmatter key, or a path into one, as a reader reads it: `lead_stage` → `Lead stage`,
 * `score_threshold` → `Lead score threshold`, `commitments[0].target` → `Commitments › item 1 ›
 * target`, `firmographics.employees.max` → `Firmographics › employees › at most`.
 */
export function fieldLabel(path: string): string {
	const parts = path
		.split(/\.|(?=\[)/)
		.filter(Boolean)
		.map((part) => {
			const index = /^\[(\d+)\]$/.exec(part);
			if (index) return `item ${Number(index[1]) + 1}`;
			const words = FIELD_WORDS[part] ?? wordsOf(part);
			return PROPER_NAMES.test(words) ? words : words.charAt(0).toLowerCase() + words.slice(1);
		});
	const text = parts.join(' › ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What one entry of a collection is called inside a sentence: `lead stage`, `glossary term`,
 * but `SLA` and `ICP tier`, whose abbreviation stays in capitals.
 */
export function kindInSentence(collection: CollectionName): string {
	const singular: string = COLLECTIONS[collection].singular;
	return /^[A-Z]{2,}\b/.test(singular) ? singular : singular.toLowerCase();
}

/**
 * What a definition's status says beside its name when it is not approved, on its page and in its
 * Markdown copy: `Draft: under discussion`, `Deprecated: no longer in use`.
 */
export function statusNote(status: string): string | undefined {
	if (status === 'draft') return 'Draft: under discussion';
	if (status === 'deprecated') return 'Deprecated: no longer in use';
	return undefined;
}

/** A field's value as a reader reads it: a date in words, a listed value by its label. */
export function readerValue(value: string): string {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : labelOf(value);
}

/**
 * Where an entry stands in an ordered list, as a reader counts it: `Stage 2 of 9`. `place` counts
 * from 1.
 */
export function placeInWords(place: number, total: number, noun: string): string {
	const text = `${noun} ${NUMBER.format(place)} of ${NUMBER.format(total)}`;
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The coverage of personas by buyer stages in one sentence: how many of the persona and stage
 * pairs have no content, or that every one has some.
 */
export function coverageInWords(gaps: number, pairs: number): string {
	if (pairs === 0) return 'There are no personas or buyer stages to cover yet.';
	if (gaps === 0) return 'Every persona has content at every buyer stage.';
	if (gaps === pairs) return 'No persona has content at any buyer stage yet.';
	return `${NUMBER.format(gaps)} of ${countOf(pairs, 'persona and buyer stage pair')} ${gaps === 1 ? 'has' : 'have'} no content.`;
}
