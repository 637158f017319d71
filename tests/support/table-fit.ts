import type { Page } from 'playwright-core';

/** The widths a reader meets: a phone, and a laptop with Starlight's sidebars showing. */
export const READER_WIDTHS = [390, 1280] as const;

/**
 * What a reader cannot read in the page's tables, one line per problem, measured as Chromium
 * draws the page. A table must show every cell without scrolling sideways: it fits its column, or
 * its rows stack on a narrow screen. Within a cell, no text is clipped, no word is broken across
 * lines, and a cell of four words or more is never squeezed to one word per line.
 */
export function tableProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const viewport = document.documentElement.clientWidth;
		const nameOf = (table: HTMLTableElement, index: number) => {
			const caption = table.caption?.textContent.trim();
			if (caption) return `table "${caption}"`;
			let el: Element | null = table.closest('.pb-table-scroll') ?? table;
			while (el && !el.previousElementSibling) el = el.parentElement;
			for (let s = el?.previousElementSibling; s; s = s.previousElementSibling) {
				const heading = s.matches('h2, h3') ? s : s.querySelector('h2, h3');
				if (heading) return `table under "${heading.textContent.trim()}"`;
			}
			return `table ${index + 1}`;
		};
		const linesOf = (text: Text, from: number, to: number) => {
			const range = document.createRange();
			range.setStart(text, from);
			range.setEnd(text, to);
			return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top)).size;
		};
		if (document.documentElement.scrollWidth > viewport)
			problems.push(
				`the page scrolls sideways (${document.documentElement.scrollWidth} px wide in ${viewport} px)`,
			);
		for (const [index, table] of [...document.querySelectorAll('main table')].entries()) {
			const name = nameOf(table as HTMLTableElement, index);
			// The table and every box around it show their whole width.
			for (let el: Element | null = table; el && el !== document.body; el = el.parentElement)
				if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
					problems.push(
						`${name}: scrolls sideways (${el.scrollWidth} px of table in ${el.clientWidth} px)`,
					);
			for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
				const label = `${name}, cell "${cell.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
				const box = cell.getBoundingClientRect();
				// A header row kept for screen readers only, as stacked rows do, is not read by eye.
				const row = cell.closest('tr')!.getBoundingClientRect();
				if (cell.closest('thead') && row.width <= 1 && row.height <= 1) continue;
				if (box.width === 0 || getComputedStyle(cell).display === 'none') {
					if (cell.textContent.trim() && !cell.closest('thead'))
						problems.push(`${label}: is not shown`);
					continue;
				}
				if (box.left < -1 || box.right > viewport + 1)
					problems.push(`${label}: reaches outside the screen`);
				if (
					cell.scrollWidth > cell.clientWidth + 1 &&
					getComputedStyle(cell).overflowX !== 'visible'
				)
					problems.push(`${label}: its text is cut off`);
				let words = 0;
				const tops = new Set<number>();
				const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const text = node as Text;
					// A word may break after its own hyphen or slash, as a reader expects.
					for (const match of text.data.matchAll(/[^\s\-/–—]+[-/–—]*/g)) {
						const lines = linesOf(text, match.index, match.index + match[0].length);
						if (lines > 1) problems.push(`${label}: breaks "${match[0]}" across lines`);
						const range = document.createRange();
						range.setStart(text, match.index);
						range.setEnd(text, match.index + match[0].length);
						const first = range.getClientRects()[0];
						if (first) tops.add(Math.round(first.top));
						words++;
					}
				}
				if (words >= 4 && tops.size >= words) problems.push(`${label}: shows one word per line`);
			}
		}
		return problems;
	});
}
