import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { serve } from '../../scripts/serve-site.ts';

/** The static server the browser tests share with the benchmark. */
export { serve };

/** One page of each type in the example playbook, plus the site's own pages. */
export const PAGE_TYPES = [
	'/',
	'/find/',
	'/personas/',
	'/personas/controller/',
	'/icp/mid-market-saas/',
	'/lead-stages/',
	'/lead-stages/mql/',
	'/buyer-stages/consideration/',
	'/library/northwind-case-study/',
	'/slas/mql-follow-up/',
	'/team/',
	'/team/dana-whitfield/',
	'/glossary/',
	'/glossary/acv/',
	'/metrics/mql-to-sql-conversion/',
	'/tracks/sdr/',
	'/guides/start-here/',
	'/prep/controller/consideration/',
	'/coverage/',
	'/meeting/',
	'/review/',
	'/changes/',
	'/no-such-page/',
];

/**
 * The example site served on localhost and a Chromium to read it with, for one test file:
 * started before its tests, stopped after them.
 */
export function exampleSiteInChromium(): { browser: Browser; url: string } {
	return siteInChromium('example');
}

/** One of the built sites served on localhost, with a Chromium, for one test file. */
export function siteInChromium(name: 'minimal' | 'example' | 'hostile'): {
	browser: Browser;
	url: string;
} {
	const state = {} as { browser: Browser; url: string; close: () => Promise<void> };
	beforeAll(async () => {
		const site = await serve(inject('sites')[name]);
		[state.url, state.close] = [site.url, site.close];
		state.browser = await launchChromium(inject('browser'));
	});
	afterAll(async () => {
		await state.browser?.close();
		await state.close?.();
	});
	return state;
}

/**
 * One page a test file keeps and moves from address to address, as a reader does: each address
 * is a new load, while the page's renderer starts once (a new page for each costs a renderer).
 * Opened on first use, in a context of its own with `options`; closed when the file ends.
 */
export function keptPage(
	site: { browser: Browser },
	options: BrowserContextOptions = {},
): () => Promise<Page> {
	let page: Promise<Page> | undefined;
	afterAll(async () => (await page)?.context().close());
	return () => (page ??= site.browser.newContext(options).then((context) => context.newPage()));
}

/** A result's own page link, not the links to its headings nested under it. */
const RESULT_LINK =
	'.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link';

/**
 * Types a term into Starlight's search dialog as a reader does and returns the result pages,
 * best first, once Pagefind has answered for the whole term and every result has loaded. Where
 * the dialog is still open from the last search, the reader clears the box and types the new
 * term: Pagefind is already loaded, and the last term's results are gone before the new ones come.
 */
export async function searchSite(page: Page, term: string): Promise<string[]> {
	const box = page.locator(SEARCH_BOX);
	if (await box.isVisible()) {
		await box.fill('');
		await page.locator('.pagefind-ui__results-area').waitFor({ state: 'detached' });
	} else await openSearchBox(page);
	await box.pressSequentially(term);
	await page.waitForFunction(
		([term, link]) => {
			const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
			if (!message.includes(term) || message.startsWith('Searching')) return false;
			// A result shows a placeholder until its own fragment has loaded.
			return (
				document.querySelectorAll(link).length ===
				document.querySelectorAll('.pagefind-ui__result').length
			);
		},
		[term, RESULT_LINK] as const,
	);
	return page.$$eval(RESULT_LINK, (links) =>
		links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
	);
}

/** One search result as a reader sees it: its page, its title, its sections and its chips. */
export interface SearchResult {
	path: string;
	title: string;
	sections: string[];
	chips: string[];
}

/** The results `searchSite` left on the page, with the sections and visible chips of each. */
export async function searchResults(page: Page, term: string): Promise<SearchResult[]> {
	await searchSite(page, term);
	return page.$$eval('.pagefind-ui__result', (results) =>
		results.map((result) => {
			const link = result.querySelector(
				'.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link',
			) as HTMLAnchorElement;
			const text = (el: Element) => el.textContent.trim();
			return {
				path: new URL(link.href).pathname,
				title: text(link),
				sections: [
					...result.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link'),
				].map(text),
				chips: [...result.querySelectorAll<HTMLElement>('.pagefind-ui__result-tag')]
					.filter((chip) => chip.checkVisibility())
					.map(text),
			};
		}),
	);
}

const SEARCH_BOX = '.pagefind-ui__search-input';

/**
 * Opens the search dialog once Pagefind's box is in it. Starlight makes the box when the browser
 * is next idle, after loading Pagefind's UI; keys pressed before it exists are lost. The test
 * waits for the box before it opens the dialog, as a reader's page has settled before they search.
 * Headless Chromium now and then draws no frame after a page has loaded (1 load in 30 here), and
 * with no frame it is never idle; a reader's hand on the mouse draws one, so the test moves it
 * first. A page whose box has not come after 30 s is reloaded once, as a reader would; the second
 * time, the test fails with what the page had loaded, so a failure says why.
 */
async function openSearchBox(page: Page): Promise<void> {
	const box = page.locator(SEARCH_BOX);
	const comes = async () => {
		await page.mouse.move(1, 1);
		await page.mouse.move(2, 2);
		return box.waitFor({ state: 'attached', timeout: 30_000 }).then(
			() => true,
			() => false,
		);
	};
	const seen: string[] = [];
	const onError = (error: Error) => seen.push(`page error: ${error.message}`);
	page.on('pageerror', onError);
	try {
		for (let attempt = 1; !(await comes()); attempt++) {
			seen.push(`attempt ${attempt}: ${await searchBoxState(page)}`);
			if (attempt === 2)
				throw new Error(
					`Pagefind's search box never appeared on ${page.url()}:\n${seen.join('\n')}`,
				);
			await page.reload();
		}
	} finally {
		page.off('pageerror', onError);
	}
	await page.click('button[data-open-modal]');
	await box.waitFor();
}

/** What a page had done towards making its search box: the facts a failure needs. */
function searchBoxState(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const idle = await Promise.race([
			new Promise<string>((resolve) => requestIdleCallback(() => resolve('fires'))),
			new Promise<string>((resolve) => setTimeout(() => resolve('did not fire in 5 s'), 5000)),
		]);
		const scripts = performance
			.getEntriesByType('resource')
			.filter((entry) => /\/(_astro|pagefind)\//.test(entry.name))
			.map((entry) => {
				const { name, responseStatus, duration } = entry as PerformanceResourceTiming;
				return `${new URL(name).pathname} ${responseStatus} ${Math.round(duration)} ms`;
			});
		return [
			`document ${document.readyState}`,
			`dialog ${document.querySelector('dialog')?.open ? 'open' : 'closed'}`,
			`#starlight__search holds ${document.getElementById('starlight__search')?.childElementCount} elements`,
			`requestIdleCallback ${idle}`,
			`loaded ${scripts.join(', ') || 'nothing from /_astro/ or /pagefind/'}`,
		].join('; ');
	});
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

/**
 * axe-core's violations on the page, one line each (rule and the first elements). axe is
 * injected as an inline script, so the page's context must bypass the site's own policy.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	// Once per page load: a page that axe has already run in keeps it.
	if (!(await page.evaluate(() => 'axe' in window)))
		await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const result = await (
			window as unknown as {
				axe: {
					run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
				};
			}
		).axe.run();
		return result.violations.map(
			(v) =>
				`${v.id}: ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(' | ')}`,
		);
	});
}
