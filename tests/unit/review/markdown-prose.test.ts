import { describe, expect, test } from 'vitest';
import { markdownProse, proseLink } from '../../../src/review/markdown-text.ts';
import { elementsOf, HOSTILE_MARKDOWN, renderGfm, textOf } from '../../support/github-markdown.ts';

/** What a reader sees: one line, without the bidirectional overrides the text drops. */
const shown = (text: string) =>
	text
		.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
		.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
		.trim();

describe('text in a Markdown copy opens nothing', () => {
	// Where content lands in a copy: a line's start, a heading, a list item, bold, a link's words.
	const places: [string, (text: string) => string, string[]][] = [
		['a line of its own', (t) => markdownProse(t), ['p']],
		['a heading', (t) => `# ${markdownProse(t)}`, ['h1']],
		['a list item', (t) => `- Owners: ${markdownProse(t)} (Sales)`, ['ul', 'li']],
		['bold', (t) => `- Status: **${markdownProse(t)}.**`, ['ul', 'li', 'strong']],
		[
			'a link',
			(t) => `- ${proseLink(t, 'https://playbook.test/x/index.html.md')}: note`,
			['ul', 'li', 'a'],
		],
	];
	test.each(places)('in %s', (_, place, elements) => {
		for (const hostile of HOSTILE_MARKDOWN) {
			const html = renderGfm(`${place(hostile)}\n`);
			expect(elementsOf(html), hostile).toEqual(elements);
			// The same words, with no invisible characters put in.
			expect(textOf(html), hostile).toContain(shown(hostile));
			if (elements.includes('a'))
				expect(html).toContain('href="https://playbook.test/x/index.html.md"');
		}
	});

	test('escapes only what could open something, so a copy reads as written', () => {
		const plain = 'Lead score of 100 or more (fit plus behaviour), within 2 business hours.';
		expect(markdownProse(plain)).toBe(plain);
		expect(markdownProse("the contact's title: CFO; VP Finance")).toBe(
			"the contact's title: CFO; VP Finance",
		);
		expect(markdownProse('2. Call within *2* hours')).toBe('2\\. Call within \\*2\\* hours');
	});
});
