import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { entriesOf } from '../../src/model/playbook.ts';
import { readContent } from '../../src/checks/read/read-content.ts';
import { servesPersona, sorted } from '../../src/model/views.ts';
import { firstSentence } from '../../src/site/search-facets.ts';
import { exampleSiteInChromium, keptPage, searchResults, searchSite } from '../support/browser.ts';
import { ROOT } from '../support/sites.ts';

/** The example playbook, read by the checker: the truth the finder's results are compared to. */
const { playbook } = readContent(`${ROOT}/content`);
const stages = sorted(playbook, 'buyer-stages');
const personas = sorted(playbook, 'personas');

const example = exampleSiteInChromium();

async function openPage(path: string, javaScriptEnabled = true): Promise<Page> {
	const context = await example.browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(`${example.url}${path}`);
	return page;
}

/**
 * The searches are one reader's, one after another in the home page's search dialog: each clears
 * the box and types its term, so Pagefind loads once (the first test watches a fresh load).
 */
const searchPage = keptPage(example);
let home: Promise<Page> | undefined;

/** The home page whose search dialog every search uses, loaded by the first of them. */
function searchDialog(): Promise<Page> {
	return (home ??= searchPage().then(async (page) => {
		await page.goto(`${example.url}/`);
		return page;
	}));
}

/** Searches the example site's home page and returns the result pages, best first. */
async function searchFor(term: string): Promise<string[]> {
	return searchSite(await searchDialog(), term);
}

/**
 * The finder at an address, in one page that goes from address to address, as a rep follows
 * links to it: each address is a new load of the finder, and the page's process starts once.
 */
const finderPage = keptPage(example);
async function finderAt(path: string): Promise<Page> {
	const page = await finderPage();
	await page.goto(`${example.url}${path}`);
	return page;
}

/** Waits for the finder to settle and returns the titles it lists. */
async function finderTitles(page: Page): Promise<string[]> {
	await page.waitForFunction(() =>
		/\d+ items? (match|in)/.test(document.getElementById('pb-finder-status')?.textContent ?? ''),
	);
	await page.waitForFunction(() => {
		const count = Number(
			/(\d+) item/.exec(document.getElementById('pb-finder-status')!.textContent)![1],
		);
		return document.querySelectorAll('#pb-finder-results > li').length === Math.min(count, 30);
	});
	return page.$$eval('#pb-finder-results h3', (els) => els.map((el) => el.textContent.trim()));
}

const titlesOf = (items: { data: { title: string } }[]) => items.map((i) => i.data.title).sort();

describe('Starlight search finds definitions by the words reps use', () => {
	test('the first search loads no filters, and the box shows none; Find content keeps them', async () => {
		const page = await openPage('/');
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
		expect((await searchSite(page, 'MQL')).length).toBeGreaterThan(0);
		expect(fetched.some((path) => path.startsWith('/pagefind/index/'))).toBe(true);
		expect(fetched.filter((path) => path.startsWith('/pagefind/filter/'))).toEqual([]);
		expect(await page.locator('.pagefind-ui__filter-panel').count()).toBe(0);
		await page.context().close();

		const context = await example.browser.newContext();
		const finder = await context.newPage();
		const finderFetched: string[] = [];
		finder.on('request', (request) => finderFetched.push(new URL(request.url()).pathname));
		await finder.goto(`${example.url}/find/`);
		await finderTitles(finder);
		expect(finderFetched.some((path) => path.startsWith('/pagefind/filter/'))).toBe(true);
		await context.close();
	});
	test.each(['MQL', 'SQL', 'SAL', 'SAO'])('%s puts its lead stage first', async (abbreviation) => {
		const stage = entriesOf(playbook, 'lead-stages').find(
			(s) => s.data.abbreviation === abbreviation,
		)!;
		expect((await searchFor(abbreviation))[0]).toBe(`/lead-stages/${stage.id}/`);
	});
	test.each([
		['ICP', '/icp/'],
		['SLA', '/slas/'],
		['service levels', '/slas/'],
		['KPIs', '/metrics/'],
	])('%s puts the index of that collection first', async (term, index) => {
		expect((await searchFor(term))[0]).toBe(index);
	});
	test('ICP lists the tiers best fit first, after the index', async () => {
		const tiers = entriesOf(playbook, 'icp')
			.sort((a, b) => a.data.tier - b.data.tier)
			.map((tier) => `/icp/${tier.id}/`);
		const found = (await searchFor('ICP')).filter((path) => tiers.includes(path));
		expect(found).toEqual(tiers);
	});
	// A word to avoid with a note in brackets ("customer (before they sign)") is not typed as is.
	test.each(
		entriesOf(playbook, 'glossary').flatMap((term) =>
			term.data.avoid.filter((word) => !word.includes('(')).map((word) => [word, term.id]),
		),
	)('the word not to use, "%s", finds the term to use instead (%s) first', async (word, id) => {
		expect((await searchFor(word))[0]).toBe(`/glossary/${id}/`);
	});
	test.each([
		['coverage', '/coverage/'],
		['meeting', '/meeting/'],
		['recent changes', '/changes/'],
		['reviews due', '/review/'],
	])('pages that only list others stay out of results ("%s")', async (term, path) => {
		expect(await searchFor(term)).not.toContain(path);
	});
	test('a result does not repeat its own title as a section, and its chips read as words', async () => {
		const page = await searchDialog();
		for (const term of ['SLA', 'talk track', 'MQL']) {
			const results = await searchResults(page, term);
			expect(results.length).toBeGreaterThan(2);
			for (const result of results) {
				expect(result.sections, `${term}: ${result.path}`).not.toContain(result.title);
				for (const chip of result.chips) {
					expect(chip, `${term}: ${result.path}`).toMatch(/^[A-Z][a-z]+( [a-z]+)*: \S/);
					expect(chip).not.toMatch(/^(Keywords|Collection):/);
				}
			}
		}
	});
	test('an alias finds the definition that declares it', async () => {
		const mql = entriesOf(playbook, 'lead-stages').find((s) =>
			s.data.aliases.includes('hand-raiser'),
		)!;
		expect((await searchFor('hand-raiser'))[0]).toBe(`/lead-stages/${mql.id}/`);
	});
});

/** What a reader sees of each result of a search: its page, its sections and its excerpts. */
async function excerptsFor(
	term: string,
): Promise<{ path: string; sections: string[]; text: string[] }[]> {
	const page = await searchDialog();
	await searchSite(page, term);
	return page.$$eval('.pagefind-ui__result', (items) =>
		items.map((item) => ({
			path: new URL(item.querySelector<HTMLAnchorElement>('.pagefind-ui__result-title a')!.href)
				.pathname,
			sections: [
				...item.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link'),
			].map((el) => el.textContent.trim()),
			text: [...item.querySelectorAll('.pagefind-ui__result-excerpt')].map((el) =>
				el.textContent.trim(),
			),
		})),
	);
}

/** Words written in the content itself with a capital inside (SaaS, NetSuite): not glued words. */
const writtenCamelWords = new Set(
	readdirSync(`${ROOT}/content`, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(mdx?|ya?ml)$/.test(file))
		.flatMap(
			(file) => readFileSync(`${ROOT}/content/${file}`, 'utf8').match(/\w*[a-z][A-Z]\w*/g) ?? [],
		),
);

describe('search results read as the playbook, not as a log', () => {
	test('"pricing objection" finds the pricing FAQ and the persona who raises the price', async () => {
		const faq = sorted(playbook, 'library').find((item) => /\bFAQ\b/.test(item.data.title))!;
		const raising = personas.filter((persona) =>
			persona.data.objections.some((o) => /\bpric|expensive/i.test(`${o.objection} ${o.response}`)),
		);
		expect(raising.length).toBeGreaterThan(0);
		const found = await searchFor('pricing objection');
		expect(found).toContain(`/library/${faq.id}/`);
		for (const persona of raising) expect(found).toContain(`/personas/${persona.id}/`);
	});

	test('no result quotes the History section or a commit subject', async () => {
		const subjects = execFileSync('git', ['log', '--format=%s', '--', 'content'], {
			cwd: ROOT,
			encoding: 'utf8',
		})
			.split('\n')
			.map((subject) => subject.split(/\s+/).slice(0, 4).join(' '))
			.filter((start) => start.split(' ').length === 4);
		expect(subjects.length).toBeGreaterThan(0);
		for (const term of ['checker', 'playbook site', 'content model']) {
			for (const result of await excerptsFor(term)) {
				expect(result.sections, `${term}: ${result.path}`).not.toContain('History');
				for (const text of result.text)
					for (const subject of subjects)
						expect(text, `${term}: ${result.path}`).not.toContain(subject);
			}
		}
	});

	test('no excerpt runs a label into its value or column names into each other', async () => {
		for (const term of ['commitment', 'Whitfield', 'VP of Finance', 'next review', 'battlecard']) {
			const results = await excerptsFor(term);
			expect(results.length, term).toBeGreaterThan(0);
			for (const result of results)
				for (const text of result.text) {
					const glued = (text.match(/\w*[a-z][A-Z]\w*/g) ?? []).filter(
						(word) => !writtenCamelWords.has(word),
					);
					expect(glued, `${term}: ${result.path}: ${text}`).toEqual([]);
				}
		}
	});
});

describe('the content finder', () => {
	test('with nothing chosen, it lists every library item', async () => {
		const page = await finderAt('/find/');
		await finderTitles(page);
		await expect(page.textContent('#pb-finder-status')).resolves.toContain(
			`${playbook.entries.library.size} items in the library`,
		);
	});

	test.each([390, 1280])(
		'at %i px, the results have a heading for screen readers above theirs, and none on screen',
		async (width) => {
			const context = await example.browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${example.url}/find/`);
			await finderTitles(page);
			const heading = page.getByRole('heading', { level: 2, name: 'Results', exact: true });
			await expect(heading.count()).resolves.toBe(1);
			const box = await heading.boundingBox();
			expect(box!.width * box!.height).toBeLessThanOrEqual(1);
			// Each result's own heading is one level below it, so no level is skipped.
			const levels = await page.$$eval('main :is(h2, h3)', (found) =>
				found.map((h) => `${h.tagName} ${h.textContent.trim()}`),
			);
			const results = levels.indexOf('H2 Results');
			expect(levels.slice(results + 1, results + 3)).toEqual([
				expect.stringMatching(/^H3 /),
				expect.stringMatching(/^H3 /),
			]);
			await context.close();
		},
	);

	test.each(stages.flatMap((stage) => personas.map((persona) => [stage.id, persona.id] as const)))(
		'stage %s and persona %s list exactly the items the content says',
		async (stage, persona) => {
			const page = await finderAt(`/find/?stage=${stage}&persona=${persona}`);
			const expected = sorted(playbook, 'library').filter(
				(item) => item.data.stages.includes(stage) && servesPersona(item, persona),
			);
			expect((await finderTitles(page)).sort()).toEqual(titlesOf(expected));
		},
	);

	test('picking with the keyboard updates the list and the address, and the link reloads the same', async () => {
		const [stage, persona] = [stages[1]!, personas[0]!];
		const page = await openPage('/find/');
		await finderTitles(page);
		await page.focus(`input[name=stage][value=${stage.id}]`);
		await page.keyboard.press('Space');
		await page.focus(`input[name=persona][value=${persona.id}]`);
		await page.keyboard.press('Space');
		await page.waitForFunction((id) => location.search.includes(`persona=${id}`), persona.id);
		const expected = sorted(playbook, 'library').filter(
			(item) => item.data.stages.includes(stage.id) && servesPersona(item, persona.id),
		);
		// Wait for the list that both choices give, not a list from between the two key presses.
		await page.waitForFunction(
			(count) =>
				document.getElementById('pb-finder-status')?.textContent?.startsWith(`${count} item`),
			expected.length,
		);
		const chosen = await finderTitles(page);
		expect(chosen.sort()).toEqual(titlesOf(expected));
		expect(new URL(page.url()).search).toBe(`?stage=${stage.id}&persona=${persona.id}`);

		await page.reload();
		expect((await finderTitles(page)).sort()).toEqual(chosen);
		await expect(page.isChecked(`input[name=stage][value=${stage.id}]`)).resolves.toBe(true);
		await page.context().close();
	});

	test('values within one filter widen (OR); a text query narrows', async () => {
		const [first, last] = [stages[0]!, stages.at(-1)!];
		const page = await openPage(`/find/?stage=${first.id}&stage=${last.id}`);
		const either = sorted(playbook, 'library').filter((item) =>
			item.data.stages.some((s) => s === first.id || s === last.id),
		);
		expect((await finderTitles(page)).sort()).toEqual(titlesOf(either));

		await page.goto(`${example.url}/find/?q=battlecard`);
		const found = await finderTitles(page);
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThan(playbook.entries.library.size);
		await page.context().close();
	});

	test('each listed item with a talk track shows its first line', async () => {
		const page = await finderAt('/find/');
		const titles = await finderTitles(page);
		const shown = await page.$$eval('#pb-finder-results > li', (items) =>
			items.map((item) => ({
				title: item.querySelector('h3')!.textContent.trim(),
				talk: item.querySelector('.pb-result-talk')?.textContent ?? '',
			})),
		);
		const withTalk = sorted(playbook, 'library').filter(
			(item) => item.data.talk_track && titles.includes(item.data.title),
		);
		expect(withTalk.length).toBeGreaterThan(0);
		for (const item of withTalk) {
			const talk = shown.find((s) => s.title === item.data.title)!.talk;
			expect(talk, item.id).toBe(`Talk track: ${firstSentence(item.data.talk_track!)}`);
		}
	});

	test('each choice shows how many items it would give', async () => {
		const page = await finderAt(`/find/?persona=${personas[0]!.id}`);
		await finderTitles(page);
		const stage = stages[0]!;
		const expected = sorted(playbook, 'library').filter(
			(item) => item.data.stages.includes(stage.id) && servesPersona(item, personas[0]!.id),
		).length;
		await expect(page.textContent(`[data-count-for="stage:${stage.data.title}"]`)).resolves.toBe(
			`(${expected})`,
		);
	});
});

describe('without JavaScript', () => {
	test('the finder says what to do and links to the stage pages', async () => {
		const page = await openPage('/find/', false);
		const text = await page.textContent('main');
		expect(text).toContain('The finder needs JavaScript');
		for (const stage of stages) {
			await expect(page.isVisible(`main a[href="/buyer-stages/${stage.id}/"]`)).resolves.toBe(true);
		}
		await expect(page.isVisible('#pb-finder')).resolves.toBe(false);
		await page.context().close();
	});

	test('a buyer-stage page lists its items by persona as plain HTML', async () => {
		const stage = stages[1]!;
		const page = await openPage(`/buyer-stages/${stage.id}/`, false);
		const listed = await page.$$eval('.pb-library a', (els) =>
			els.map((el) => el.textContent.trim()),
		);
		const expected = sorted(playbook, 'library').filter((item) =>
			item.data.stages.includes(stage.id),
		);
		expect([...new Set(listed)].sort()).toEqual(titlesOf(expected));
		await page.context().close();
	});
});

describe('an onboarding track', () => {
	const track = sorted(playbook, 'tracks')[0]!;
	test('steps marked done with the keyboard are still done after a reload', async () => {
		const page = await openPage(`/tracks/${track.id}/`);
		const status = page.locator('.pb-track-progress');
		await expect(status.textContent()).resolves.toMatch(
			new RegExp(`^0 of ${track.data.steps.length} steps done\\.`),
		);
		await page.focus('ol.pb-track input[type=checkbox] >> nth=0');
		await page.keyboard.press('Space');
		// On past the step's link and its knowledge check, to the next step's checkbox.
		for (let presses = 0; presses < 20; presses++) {
			await page.keyboard.press('Tab');
			const onNext = await page.evaluate(
				() =>
					document.activeElement ===
					document.querySelectorAll('ol.pb-track input[type=checkbox]')[1],
			);
			if (onNext) break;
		}
		await page.keyboard.press('Space');
		await expect(status.textContent()).resolves.toMatch(
			new RegExp(`^2 of ${track.data.steps.length} steps done\\.`),
		);
		await page.reload();
		await expect(page.locator('.pb-track-progress').textContent()).resolves.toMatch(
			new RegExp(`^2 of ${track.data.steps.length} steps done\\.`),
		);
		await expect(page.isChecked('ol.pb-track input[type=checkbox] >> nth=1')).resolves.toBe(true);
		await page.context().close();
	});

	test('without scripts it is a plain reading list', async () => {
		const page = await openPage(`/tracks/${track.id}/`, false);
		await expect(page.isVisible('ol.pb-track input[type=checkbox] >> nth=0')).resolves.toBe(false);
		const links = await page.$$eval('ol.pb-track > li > div > a', (els) => els.length);
		expect(links).toBe(track.data.steps.length);
		await page.context().close();
	});

	test('the home page sends each role to its track', async () => {
		const page = await openPage('/');
		for (const t of sorted(playbook, 'tracks')) {
			await expect(page.isVisible(`main a[href="/tracks/${t.id}/"]`)).resolves.toBe(true);
		}
		await page.context().close();
	});
});
