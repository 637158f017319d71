import { COLLECTION_SPECS, COLLECTIONS, type PageCollection } from '../schemas/index.ts';
import { labelOf } from '../schemas/vocabulary.ts';
import { type Entry, isDefinition, type Playbook, summaryOf } from '../model/playbook.ts';
import { provenanceOf } from '../model/provenance.ts';
import { REFERENCE_FIELDS } from '../model/references.ts';
import { entryTitle, pathOf, sorted } from '../model/views.ts';
import { fieldLabel, formatDate, readerValue, statusNote } from '../model/words.ts';
import { markdownCode, proseLink, markdownProse } from '../review/markdown-text.ts';
import { COLLECTION_PAGES } from './collections.ts';
import { bodyMarkdown } from './markdown-body.ts';

/**
 * The Markdown copies of the site's pages ("twins") and its `llms.txt` files, for assistants and
 * anyone who reads the playbook outside a browser. Every copy of an entry starts with who stands
 * behind it: owners with departments, status, last and next review, and the source file.
 *
 * Text from the content is escaped for Markdown (`src/review/markdown-text.ts`): a copy opens no
 * link, image or HTML that the playbook itself did not put there.
 */

export interface TwinOptions {
	/** The day the site is built (review dates are judged against it). */
	today: string;
	/**
	 * What the site's paths are prefixed with: its address with its base path
	 * (`https://playbook.example.com/docs`), the base path alone (`/docs`), or ''.
	 */
	site: string;
}

/**
 * Where a page's Markdown copy is: the page's address with `index.html.md` appended, as the
 * llms.txt proposal asks of addresses that end in a folder (`/lead-stages/mql/` →
 * `/lead-stages/mql/index.html.md`).
 */
export function twinPath(pagePath: string): string {
	return `${pagePath.endsWith('/') ? pagePath : `${pagePath}/`}index.html.md`;
}

/** Where an `llms.txt` is: the site's own, or one per collection folder (`/lead-stages/llms.txt`). */
export function llmsTxtPath(collection?: PageCollection): string {
	return collection ? `${pathOf(collection)}llms.txt` : '/llms.txt';
}

/**
 * The Markdown copy a site path has, or undefined: entry pages and collection indexes have one.
 * `pagePath` is the path without the site's base (`/lead-stages/mql/`).
 */
export function twinOfPage(pagePath: string): string | undefined {
	const match = /^\/([a-z0-9-]+)\/(?:([^/]+)\/)?$/.exec(pagePath);
	if (!match || !isPageCollectionName(match[1]!)) return undefined;
	return twinPath(pagePath);
}

/** The `llms.txt` that describes a site path: its collection's, or the site's. */
export function llmsTxtOfPage(pagePath: string): string {
	const first = /^\/([a-z0-9-]+)\//.exec(pagePath)?.[1];
	return first && isPageCollectionName(first) ? llmsTxtPath(first) : llmsTxtPath();
}

function isPageCollectionName(name: string): name is PageCollection {
	return name in COLLECTION_PAGES;
}

/** The link to an entry's copy, titled with its name. */
function entryTwinLink(entry: Entry, site: string): string {
	return proseLink(entryTitle(entry), `${site}${twinPath(pathOf(entry.collection, entry.id))}`);
}

/**
 * The provenance block: the list every entry's copy opens with. A draft or deprecated
 * definition says so in its status line.
 */
function provenanceLines(playbook: Playbook, entry: Entry, { today, site }: TwinOptions) {
	const said = provenanceOf(playbook, entry, today, site);
	const lines: string[] = [];
	if (said.status) {
		const note = statusNote(said.status);
		lines.push(
			`- Status: ${note ? `**${markdownProse(note)}.**` : markdownProse(labelOf(said.status))}`,
		);
	}
	if (isDefinition(entry)) {
		const owners = said.owners.map((owner) => {
			const person = playbook.entries.team.get(owner.id);
			const name = person ? entryTwinLink(person, site) : markdownProse(owner.name);
			return owner.department ? `${name} (${markdownProse(labelOf(owner.department))})` : name;
		});
		lines.push(`- Owners: ${owners.join(', ')}`);
	}
	if (said.reviewed) lines.push(`- Last review: ${markdownProse(formatDate(said.reviewed))}`);
	if (said.nextReview)
		lines.push(
			`- Next review: ${markdownProse(formatDate(said.nextReview))}${said.overdue ? ' (**overdue**)' : ''}`,
		);
	lines.push(`- Source file: ${markdownCode(said.file)}`);
	lines.push(`- Page: ${proseLink(entryTitle(entry), said.url)}`);
	return lines;
}

/** Keys the copy shows elsewhere: the name, the summary and the provenance block's. */
const SHOWN_ABOVE = new Set(['owners', 'status', 'reviewed', 'review_every', 'abbreviation']);

/**
 * The entry's fields in words, as a nested list: each key by its label (`fieldLabel`), each
 * value as a reader reads it (`readerValue`), each reference as a link to the entry's copy.
 */
function fieldLines(playbook: Playbook, entry: Entry, site: string): string[] {
	const spec = COLLECTION_SPECS[entry.collection];
	const references = new Map(
		REFERENCE_FIELDS.filter((ref) => ref.from === entry.collection).map((ref) => [
			ref.field as string,
			ref.to,
		]),
	);
	const lines: string[] = [];
	for (const [key, value] of Object.entries(entry.data as Record<string, unknown>)) {
		if (key === spec.nameKey || key === spec.summaryKey || SHOWN_ABOVE.has(key)) continue;
		if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
		const to = references.get(key);
		if (to) {
			const ids = Array.isArray(value) ? (value as string[]) : [value as string];
			const links = ids.map((id) => {
				const target = playbook.entries[to].get(id);
				return target ? entryTwinLink(target, site) : markdownProse(id);
			});
			lines.push(`- ${markdownProse(fieldLabel(key))}: ${links.join(', ')}`);
			continue;
		}
		lines.push(...valueLines(fieldLabel(key), value, ''));
	}
	return lines;
}

/** One labelled value as list lines; lists and records nest under their label. */
function valueLines(label: string, value: unknown, indent: string): string[] {
	const head = `${indent}- ${markdownProse(label)}:`;
	if (Array.isArray(value)) {
		if (value.every((item) => !isRecord(item)))
			return [head, ...value.map((item) => `${indent}  - ${scalar(item)}`)];
		return [
			head,
			...value.flatMap((item, index) => valueLines(`Item ${index + 1}`, item, `${indent}  `)),
		];
	}
	if (isRecord(value))
		return [
			head,
			...Object.entries(value)
				.filter(([, inner]) => inner !== undefined)
				.flatMap(([key, inner]) => valueLines(fieldLabel(key), inner, `${indent}  `)),
		];
	return [`${head} ${scalar(value)}`];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
	);
}

const NUMBER = new Intl.NumberFormat('en-US');

/** One value in words: a date or a listed value by its label, a number with separators. */
function scalar(value: unknown): string {
	if (typeof value === 'number') return markdownProse(NUMBER.format(value));
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (value instanceof Date) return markdownProse(formatDate(value.toISOString().slice(0, 10)));
	return markdownProse(readerValue(String(value)));
}

/**
 * An entry's page as Markdown: its name, the provenance block, its summary, its fields in
 * words, then its body.
 */
export function entryMarkdown(playbook: Playbook, entry: Entry, options: TwinOptions): string {
	const { label } = COLLECTIONS[entry.collection];
	const parts = [
		`# ${markdownProse(entryTitle(entry))}`,
		provenanceLines(playbook, entry, options).join('\n'),
	];
	const summary = summaryOf(entry);
	if (summary) parts.push(markdownProse(summary));
	parts.push(
		`${markdownProse(COLLECTIONS[entry.collection].singular)} in ${proseLink(label, `${options.site}${twinPath(pathOf(entry.collection))}`)}.`,
	);
	const fields = fieldLines(playbook, entry, options.site);
	if (fields.length > 0) parts.push('## Details', fields.join('\n'));
	const body = bodyMarkdown(entry, options.site);
	if (body) parts.push(...(isDefinition(entry) ? ['## Notes'] : []), body);
	return `${parts.join('\n\n')}\n`;
}

/** One line of a list of entries: a link to its copy, its summary, and a draft's or deprecated's note. */
function entryListLine(entry: Entry, site: string): string {
	const summary = summaryOf(entry);
	const status = isDefinition(entry) ? statusNote(entry.data.status) : undefined;
	const notes = [status && `${status}.`, summary].filter(Boolean).join(' ');
	return `- ${entryTwinLink(entry, site)}${notes ? `: ${markdownProse(notes)}` : ''}`;
}

/** A collection's index page as Markdown: its title, what it is for, and its entries in page order. */
export function collectionMarkdown(
	playbook: Playbook,
	collection: PageCollection,
	options: Pick<TwinOptions, 'site'>,
): string {
	const page = COLLECTION_PAGES[collection];
	const entries = sorted(playbook, collection);
	return [
		`# ${markdownProse(page.indexTitle ?? COLLECTIONS[collection].label)}`,
		markdownProse(page.intro),
		entries.length > 0
			? entries.map((entry) => entryListLine(entry, options.site)).join('\n')
			: 'Nothing here yet.',
		'',
	].join('\n\n');
}

/** What every llms.txt says below its summary: what a copy holds. */
const COPIES_NOTE =
	'Each link goes to the Markdown copy of a page. The copy of an entry starts with its owners and their departments, its status, its last and next review (or that it is overdue) and its source file; draft and deprecated entries say so. Each copy links to its page.';

/**
 * The site's `llms.txt` (llmstxt.org): the playbook's name, a summary, what the copies hold,
 * then one section per collection with its index and every entry's copy and summary.
 */
export function llmsTxt(
	playbook: Playbook,
	collections: readonly PageCollection[],
	{ name, summary, site }: { name: string; summary: string; site: string },
): string {
	const sections = collections
		.filter((collection) => playbook.entries[collection].size > 0)
		.map((collection) => collectionSection(playbook, collection, site));
	return [
		`# ${markdownProse(name)}`,
		`> ${markdownProse(summary)}`,
		COPIES_NOTE,
		...sections,
		'',
	].join('\n\n');
}

/** A collection folder's own `llms.txt`: the collection alone, under the playbook's name. */
export function collectionLlmsTxt(
	playbook: Playbook,
	collection: PageCollection,
	{ name, site }: { name: string; site: string },
): string {
	const page = COLLECTION_PAGES[collection];
	return [
		`# ${markdownProse(`${name}: ${page.indexTitle ?? COLLECTIONS[collection].label}`)}`,
		`> ${markdownProse(page.intro)}`,
		COPIES_NOTE,
		collectionSection(playbook, collection, site),
		'',
	].join('\n\n');
}

function collectionSection(playbook: Playbook, collection: PageCollection, site: string): string {
	const page = COLLECTION_PAGES[collection];
	const title = page.indexTitle ?? COLLECTIONS[collection].label;
	const index = `- ${proseLink(title, `${site}${twinPath(pathOf(collection))}`)}: ${markdownProse(page.intro)}`;
	const entries = sorted(playbook, collection).map((entry) => entryListLine(entry, site));
	return [`## ${markdownProse(title)}`, [index, ...entries].join('\n')].join('\n\n');
}
