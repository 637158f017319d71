import { closest } from '../checks/problems/closest.ts';
import { type Entry, nameOf, type Playbook, summaryOf } from '../model/playbook.ts';
import { type Provenance, provenanceOf } from '../model/provenance.ts';
import { formatDate, kindInSentence } from '../model/words.ts';
import { markdownCode, markdownProse, markdownUrl } from '../review/markdown-text.ts';
import type { CollectionName } from '../schemas/index.ts';
import { labelOf } from '../schemas/vocabulary.ts';

/**
 * What every answer to an assistant is made of: the playbook it is read from, the entries it
 * names (each with its provenance), a Markdown text in which content can open nothing, and the
 * answer for a name the playbook does not have. Pure: the server (src/cli/mcp.ts) only wires it.
 */

/** What an answer is read from. */
export interface AskContext {
	playbook: Playbook;
	/** The day reviews are measured against (YYYY-MM-DD). */
	today: string;
	/** The published site's address with its base, no trailing slash; '' when none is set. */
	site: string;
	/** The content folder, for the git history `what_changed` reads. */
	contentDir: string;
}

/**
 * An answer: a Markdown text and the same facts as data; or, for a question the playbook cannot
 * answer as asked (an unknown id, a missing argument), the text alone, which says what to ask.
 */
export type Answer =
	{ ok: true; text: string; data: Record<string, unknown> } | { ok: false; text: string };

/** An entry named in an answer: which one, what it is called, its summary and its provenance. */
export interface EntryRef {
	collection: CollectionName;
	id: string;
	title: string;
	summary: string;
	provenance: Provenance;
}

export function entryRef(ask: AskContext, entry: Entry): EntryRef {
	return {
		collection: entry.collection,
		id: entry.id,
		title: nameOf(entry),
		summary: summaryOf(entry),
		provenance: provenanceOf(ask.playbook, entry, ask.today, ask.site),
	};
}

/**
 * Content text for the Markdown answer, escaped as the site's Markdown copies are: it shows as
 * the same words and opens no link, image or HTML.
 */
export const inert = markdownProse;

/** A yes or no, as the provenance line says it. */
function yesNo(value: boolean): string {
	return value ? 'yes' : 'no';
}

/**
 * The provenance of an entry as lines of the text answer: owners with their departments, status,
 * reviews, the source file and the page.
 */
export function provenanceLines(provenance: Provenance): string[] {
	const lines: string[] = [];
	if (provenance.owners.length > 0)
		lines.push(
			`Owners: ${provenance.owners
				.map(
					(owner) =>
						`${inert(owner.name)} (${owner.department ? labelOf(owner.department) : 'no department'})`,
				)
				.join(', ')}`,
		);
	if (provenance.status !== undefined)
		lines.push(
			[
				`Status: ${labelOf(provenance.status)}`,
				`Reviewed: ${provenance.reviewed ? formatDate(provenance.reviewed) : 'never'}`,
				`Next review: ${provenance.nextReview ? formatDate(provenance.nextReview) : 'none'}`,
				`Overdue: ${yesNo(provenance.overdue)}`,
			].join(' · '),
		);
	lines.push(`Source: ${markdownCode(provenance.file)}`);
	// The site's own address, as an autolink no character of it can end early.
	lines.push(
		`Page: ${/^https?:\/\//.test(provenance.url) ? `<${markdownUrl(provenance.url)}>` : markdownCode(provenance.url)}`,
	);
	return lines;
}

/** The heading of an entry in a text answer: its name and kind, then its summary. */
export function refHeading(ref: EntryRef, level = '##'): string[] {
	const warning =
		ref.provenance.status === 'deprecated'
			? ' (deprecated: do not use)'
			: ref.provenance.status === 'draft'
				? ' (draft: not approved yet)'
				: '';
	return [
		`${level} ${inert(ref.title)} — ${kindInSentence(ref.collection)}${warning}`,
		...(ref.summary ? ['', inert(ref.summary)] : []),
	];
}

/** An entry in a list of a text answer: its heading, then its provenance. */
export function refBlock(ref: EntryRef, level = '##'): string[] {
	return [...refHeading(ref, level), '', ...provenanceLines(ref.provenance)];
}

/**
 * The names closest to one the playbook does not know: one within two edits (a typo), then
 * those that contain it or that it contains, at most five.
 */
export function closestNames(word: string, names: readonly string[]): string[] {
	const lower = word.toLowerCase().trim();
	const typo = closest(lower, names);
	const containing = names.filter((name) => {
		const other = name.toLowerCase();
		return lower.length > 1 && (other.includes(lower) || lower.includes(other));
	});
	const unique = new Map(
		[...(typo ? [typo] : []), ...containing].map((name) => [name.toLowerCase(), name]),
	);
	return [...unique.values()].slice(0, 5);
}

/** The answer for a name the playbook does not have: what was asked, and what is close. */
export function notFound(what: string, asked: string, didYouMean: string[]): Answer {
	const problem = `No ${what} is called "${asked}".`;
	const hint =
		didYouMean.length > 0
			? ` Did you mean ${didYouMean.map((name) => `"${name}"`).join(', ')}?`
			: ' No name in the playbook is close to it.';
	return { ok: false, text: inert(problem + hint) };
}

/** An answer's text: blocks of lines, a blank line between blocks. */
export function joinBlocks(blocks: readonly (readonly string[])[]): string {
	return blocks.map((lines) => lines.join('\n')).join('\n\n');
}

/** The data of an item listed in an answer, without the lines of its text. */
export function withoutLines<T extends { lines: string[] }>(item: T): Omit<T, 'lines'> {
	return Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'lines')) as Omit<
		T,
		'lines'
	>;
}
