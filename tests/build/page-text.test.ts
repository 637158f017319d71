import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, test } from 'vitest';

/** Every page of a built site a reader opens (the editor and search files are not pages). */
function pagesOf(site: string): string[] {
	const walk = (folder: string): string[] =>
		readdirSync(folder).flatMap((name) => {
			const path = join(folder, name);
			if (statSync(path).isDirectory())
				return name === 'admin' || name === 'pagefind' ? [] : walk(path);
			return name.endsWith('.html') ? [path] : [];
		});
	return walk(site).sort();
}

/**
 * The words of a page as a reader reads them: no scripts, styles, drawings or code (a guide
 * may show a key as the file spells it), block elements apart, inline ones run together as a
 * browser runs them.
 */
function readerText(html: string): string {
	return (
		html
			.replace(/<(script|style|svg|code|pre|title)\b[\s\S]*?<\/\1>/g, ' ')
			.replace(/<div hidden data-pagefind-ignore>[\s\S]*?<\/div>/g, ' ')
			// A change's old and new values quote the content as it was written.
			.replace(/<ul class="pb-field-changes">[\s\S]*?<\/ul>/g, ' ')
			.replace(
				/<\/?(div|p|li|td|th|dt|dd|h\d|tr|br|section|ul|ol|table|nav|header|footer|summary|details|caption|figure|figcaption|button|label|option|select|main|aside)\b[^>]*>/g,
				' ',
			)
			.replace(/<[^>]+>/g, '')
			.replace(/&#39;/g, "'")
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&')
			.replace(/\s+/g, ' ')
	);
}

/** Each way a page's words can go wrong, with what it looks like. */
const MISTAKES: [string, RegExp][] = [
	['a raw frontmatter key', /\b[A-Za-z]+_[a-z]+(_[a-z]+)*\b/],
	['a date written as the file spells it', /\b\d{4}-\d{2}-\d{2}\b/],
	[
		'a plural after one',
		/(?<![\d.,])\b1 (days|weeks|months|hours|minutes|steps|checks|items|definitions|changes|fields|owners|people|questions|reviews|leads|gaps)\b/,
	],
	['a word run into the next', /\b(as of|every|by|on|since)(?=\d|[A-Z][a-z])/],
	['a word run into a separator', /[^\s(]·/],
	['a position as the file numbers it', /\bOrder \d/],
];

describe.each(['example', 'hostile'] as const)('the words on every page of the %s site', (name) => {
	const site = inject('sites')[name];
	const pages = pagesOf(site);
	test('has its pages', () => expect(pages.length).toBeGreaterThan(name === 'example' ? 100 : 15));
	test.each(pages.map((page) => [relative(site, page)]))('%s', (page) => {
		const html = readFileSync(join(site, page), 'utf8');
		const text = readerText(html);
		for (const [mistake, pattern] of MISTAKES) {
			const found = pattern.exec(text);
			expect(found && text.slice(Math.max(0, found.index - 40), found.index + 40), mistake).toBe(
				null,
			);
		}
		const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
		const [first, second] = title.split(' | ');
		expect(first, 'the title says the site name twice').not.toBe(second);
	});
});
