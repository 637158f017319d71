import { describe, expect, test } from 'vitest';
import { separatedForSearch } from '../../../src/site/search-text.ts';
import { answerWords } from '../../../src/site/search-facets.ts';
import { datesInWords } from '../../../src/site/results.ts';

const body = (html: string) => `<main data-pagefind-body>${html}</main>`;

describe('the words of a searchable page are kept apart', () => {
	test('a term and its description, and row headers, are separated by a space', () => {
		expect(separatedForSearch(body('<dl><div><dt>Status</dt><dd>Approved</dd></div></dl>'))).toBe(
			body('<dl><div><dt>Status</dt> <dd>Approved</dd></div></dl>'),
		);
		expect(separatedForSearch(body('<tr><th scope="row">May</th><td>4</td></tr>'))).toBe(
			body('<tr><th scope="row">May</th> <td>4</td></tr>'),
		);
	});

	test('column headers and the team badge beside an owner stay out of the index', () => {
		expect(separatedForSearch(body('<table><thead><tr><th>A</th><th>B</th></tr></thead>'))).toBe(
			body('<table><thead data-pagefind-ignore><tr><th>A</th> <th>B</th> </tr></thead>'),
		);
		expect(
			separatedForSearch(body('<a href="/team/d/">Dana</a><span class="pb-badge pb-department">')),
		).toBe(
			body('<a href="/team/d/">Dana</a><span data-pagefind-ignore class="pb-badge pb-department">'),
		);
	});

	test('a badge is a word of its own', () => {
		expect(
			separatedForSearch(
				body('<span class="pb-badge pb-status">Approved</span><span>Where we win</span>'),
			),
		).toBe(body('<span class="pb-badge pb-status">Approved</span> <span>Where we win</span>'));
	});

	test('a page that is not searched is left as it is', () => {
		const html = '<dl><dt>Status</dt><dd>Approved</dd></dl><thead>';
		expect(separatedForSearch(html)).toBe(html);
	});
});

describe('what a library item answers', () => {
	test('an FAQ and a battlecard are found as objection handling; other items add nothing', () => {
		expect(
			answerWords({ title: 'Pricing and packaging FAQ', summary: 'Prices.', format: 'one-pager' }),
		).toContain('objection');
		expect(answerWords({ title: 'Versus X', summary: 'Win.', format: 'battlecard' })).toContain(
			'objection',
		);
		expect(answerWords({ title: 'Case study', summary: 'A story.', format: 'case-study' })).toEqual(
			[],
		);
	});
});

describe("a month's notes", () => {
	test('say their dates in words', () => {
		expect(datesInWords('Scoring went live on 2026-03-10.')).toBe(
			'Scoring went live on March 10, 2026.',
		);
	});
});
