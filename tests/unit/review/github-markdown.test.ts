import { describe, expect, test } from 'vitest';
import { COMMENT_LIMIT, cutToFit, utf8Bytes } from '../../../src/review/diff-markdown.ts';
import {
	markdownCode,
	markdownLink,
	markdownText,
	mention,
	plainTitle,
} from '../../../src/review/markdown-text.ts';
import {
	elementsOf,
	GITHUB_TEXT_LINKS,
	HOSTILE_MARKDOWN,
	renderGfm,
	textOf,
} from '../../support/github-markdown.ts';

/** What a reader sees: one line, the invisible link breaks left out. */
const shown = (text: string) =>
	text
		.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
		.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
		.trim();
const visible = (text: string) => text.replaceAll('\u200b', '');

describe('text sent to GitHub opens nothing', () => {
	// Where content lands in the comment and the reminders: a line's start, a heading, a list
	// item, bold, a link's words, the middle of a sentence.
	const places: [string, (text: string) => string, string[]][] = [
		['a line of its own', (t) => markdownText(t), ['p']],
		['a heading', (t) => `### Changed: ${markdownText(t)} · Lead stage`, ['h3']],
		['a list item', (t) => `- ${markdownText(t)}`, ['ul', 'li']],
		['bold', (t) => `**${markdownText(t)}** is due`, ['p', 'strong']],
		['a link', (t) => markdownLink(t, 'https://playbook.test/x/'), ['p', 'a']],
		['a sentence', (t) => `Closed: ${markdownText(t)} was reviewed.`, ['p']],
	];
	test.each(places)('in %s', (_, place, elements) => {
		for (const hostile of HOSTILE_MARKDOWN) {
			const html = renderGfm(`${place(hostile)}\n`);
			expect(elementsOf(html), hostile).toEqual(elements);
			expect(visible(textOf(html)), hostile).toContain(shown(hostile));
			expect(textOf(html), hostile).not.toMatch(GITHUB_TEXT_LINKS);
			if (elements.includes('a')) expect(html).toContain('href="https://playbook.test/x/"');
		}
	});

	test('the hostile strings do open what they try, unescaped', () => {
		const opened = HOSTILE_MARKDOWN.filter((hostile) => {
			const html = renderGfm(`${hostile}\n`);
			return !/^<p>[^<]*<\/p>\s*$/.test(html) || GITHUB_TEXT_LINKS.test(textOf(html));
		});
		expect(opened.length).toBeGreaterThan(35);
	});

	test('a code span holds any path, backticks included, and shows it exactly', () => {
		const paths = [
			'content/lead-stages/mql.mdx',
			'content/a`b/mql.mdx',
			'content/``x``/mql.mdx',
			'`leading and trailing`',
			'` <!-- playbook-diff --> `',
			'x`\n* @user #1 [a](https://evil.example)',
			'back\\slash\\`',
			' ',
		];
		for (const path of paths) {
			const html = renderGfm(`- ${markdownCode(path)}\n`);
			expect(elementsOf(html), path).toEqual(['ul', 'li', 'code']);
			expect(textOf(/<code>([\s\S]*)<\/code>/.exec(html)![1]!), path).toBe(shown(path) || ' ');
		}
	});

	test('an issue title is one line with no mention, reference or address', () => {
		for (const hostile of HOSTILE_MARKDOWN) {
			const title = plainTitle(hostile);
			expect(title).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
			expect(title).not.toMatch(GITHUB_TEXT_LINKS);
			expect(visible(title)).toBe(shown(hostile));
		}
	});

	test('a GitHub handle is mentioned on purpose; anything else is text', () => {
		expect(mention('dana-whitfield')).toBe('@dana-whitfield');
		expect(textOf(renderGfm(mention('acme/team [x](y)')))).not.toMatch(GITHUB_TEXT_LINKS);
	});

	test('plain words stay as they are', () => {
		expect(
			textOf(renderGfm(markdownText('Marketing Qualified Lead (MQL): 100 → 120'))).trim(),
		).toBe('Marketing Qualified Lead (MQL): 100 → 120');
	});
});

describe('a comment cut to fit', () => {
	const marker = '<!-- playbook-diff -->';
	const long = [
		marker,
		'## Playbook changes',
		'',
		...Array.from({ length: 5000 }, (_, i) => `- line ${i} ${'é'.repeat(20)}`),
	].join('\n');

	test('fits the limit, keeps the marker and whole lines, and says it was cut', () => {
		const cut = cutToFit(long, 10_000, '*The rest is in the summary.*');
		expect(cut.length).toBeLessThanOrEqual(10_000);
		expect(cut.length).toBeGreaterThan(9_900);
		expect(cut.startsWith(`${marker}\n## Playbook changes`)).toBe(true);
		expect(cut.endsWith('\n\n---\n\n*The rest is in the summary.*')).toBe(true);
		const lines = cut.split('\n');
		expect(lines.slice(3, -4).every((line) => /^- line \d+ é{20}$/.test(line))).toBe(true);
	});

	test('measured in bytes for a job summary', () => {
		const cut = cutToFit(long, 50_000, 'cut', utf8Bytes);
		expect(utf8Bytes(cut)).toBeLessThanOrEqual(50_000);
		expect(utf8Bytes(cut)).toBeGreaterThan(49_900);
		expect(cut.length).toBeLessThan(utf8Bytes(cut) * 0.7);
	});

	test('text that fits is left as it is', () => {
		expect(cutToFit(long, long.length, 'cut')).toBe(long);
		expect(COMMENT_LIMIT).toBe(65_536);
	});
});
