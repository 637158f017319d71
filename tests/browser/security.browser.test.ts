import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { PAGE_TYPES, searchSite, siteInChromium } from '../support/browser.ts';
import { payload } from '../support/hostile.ts';
import { COLLECTION_NAMES } from '../../src/schemas/index.ts';

/** What a page did that it must not: alerts, policy violations, console errors. */
interface Watch {
	alerts: string[];
	violations: string[];
	errors: string[];
}

/**
 * A browser context that records every alert (a payload that ran), every Content Security
 * Policy violation (markup that tried to run and was stopped) and every console error.
 */
async function watchedContext(browser: Browser) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		const seen: string[][] = [[], []];
		(window as unknown as { __seen: string[][] }).__seen = seen;
		window.alert = (message?: unknown) => void seen[0]!.push(String(message));
		document.addEventListener('securitypolicyviolation', (event) =>
			seen[1]!.push(`${event.violatedDirective} ${event.blockedURI} line ${event.lineNumber}`),
		);
	});
	const errors: string[] = [];
	context.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	const watch = async (page: Page): Promise<Watch> => {
		const [alerts, violations] = await page.evaluate(
			() => (window as unknown as { __seen: string[][] }).__seen,
		);
		return { alerts: alerts!, violations: violations!, errors: errors.splice(0) };
	};
	return { context, watch };
}

const clean: Watch = { alerts: [], violations: [], errors: [] };

async function openAndWatch(
	context: BrowserContext,
	watch: (page: Page) => Promise<Watch>,
	url: string,
	use?: (page: Page) => Promise<void>,
) {
	const page = await pageOf(context);
	await page.goto(url);
	// Let module scripts run and settle before reading what the page did.
	await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
	await use?.(page);
	const seen = await watch(page);
	// Any element a payload could have made, found in the live page rather than in the text.
	const injected = await page.$$eval('img[onerror], svg[onload], script:not([src])', (elements) =>
		elements.filter((e) => /alert\(/.test(e.outerHTML)).map((e) => e.outerHTML.slice(0, 80)),
	);
	seen.errors.push(...injected.map((html) => `injected: ${html}`));
	return seen;
}

const openPages = new WeakMap<BrowserContext, Promise<Page>>();

/** One page per context, reused from address to address: a new page for each costs a renderer. */
function pageOf(context: BrowserContext): Promise<Page> {
	let page = openPages.get(context);
	if (!page) {
		page = context.newPage().then((made) => {
			made.on('dialog', (dialog) => void dialog.dismiss());
			return made;
		});
		openPages.set(context, page);
	}
	return page;
}

describe('the Content Security Policy of the example site', () => {
	const site = siteInChromium('example');

	test('allows no inline script and no plugin, and pins the base URL', () => {
		const html = readFileSync(join(inject('sites').example, 'index.html'), 'utf8');
		const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(policy).toBeDefined();
		const directives = new Map(
			policy!
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.filter((d) => d[0])
				.map(([name, ...values]) => [name!, values]),
		);
		expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
		expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
		expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
		expect(directives.get('object-src')).toEqual(["'none'"]);
		expect(directives.get('base-uri')).toEqual(["'none'"]);
		expect(directives.get('default-src')).toEqual(["'self'"]);
	});

	// The page types are read in one watched page, from address to address.
	let watched: ReturnType<typeof watchedContext> | undefined;
	afterAll(async () => (await watched)?.context.close());

	test.each(PAGE_TYPES)('%s runs with no policy violation and no console error', async (path) => {
		const { context, watch } = await (watched ??= watchedContext(site.browser));
		const seen = await openAndWatch(context, watch, `${site.url}${path}`);
		// The missing page answers 404 by design; that one console line is the browser's, not ours.
		if (path === '/no-such-page/') seen.errors = seen.errors.filter((e) => !/404/.test(e));
		expect(seen).toEqual(clean);
	});

	test('search, the finder, the theme switch and track progress run under the policy', async () => {
		const { context, watch } = await watchedContext(site.browser);
		const searched = await openAndWatch(context, watch, `${site.url}/`, async (page) => {
			expect(await searchSite(page, 'MQL')).not.toEqual([]);
		});
		const found = await openAndWatch(context, watch, `${site.url}/find/`, async (page) => {
			await page.waitForFunction(() =>
				/\d+ items?/.test(document.getElementById('pb-finder-status')?.textContent ?? ''),
			);
			await page.locator('#pb-finder input[type="checkbox"]').first().check();
			await page.waitForFunction(() => location.search.length > 0);
			await page.locator('#pb-finder-results > li').first().waitFor();
		});
		const themed = await openAndWatch(
			context,
			watch,
			`${site.url}/lead-stages/mql/`,
			async (page) => {
				await page.selectOption('starlight-theme-select select >> nth=0', 'dark');
				expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
			},
		);
		const tracked = await openAndWatch(context, watch, `${site.url}/tracks/sdr/`, async (page) => {
			await page.locator('input[type="checkbox"]').first().check();
		});
		await context.close();
		expect([searched, found, themed, tracked]).toEqual([clean, clean, clean, clean]);
	});
});

describe('a playbook full of XSS payloads', () => {
	const site = siteInChromium('hostile');
	const { accepted, rejected } = inject('hostile');
	const root = inject('sites').hostile;
	const pages = readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html'))
		.sort();

	test('every string of every collection was tried, and each was refused or carried', () => {
		expect(accepted.length + rejected.length).toBeGreaterThan(100);
		// Ids, dates, enums, e-mail addresses, handles and URLs refuse the payload, naming the field.
		for (const leaf of rejected)
			expect(String(leaf.path[0])).toBe(leaf.reportedField.split(/[.[]/)[0]);
		// Titles, summaries and every other text take it, in every collection.
		const inFolders = accepted.filter((leaf) => leaf.file.includes('/'));
		const collections = new Set(inFolders.map((leaf) => leaf.file.split('/')[0]));
		expect([...collections].sort()).toEqual([...COLLECTION_NAMES].sort());
		// The site's title and company, on every page, take it too.
		expect(
			accepted.filter((leaf) => leaf.file === 'site.yaml').map((leaf) => leaf.path.join('.')),
		).toEqual(['title', 'company']);
	});

	test('no payload comes out as markup in any page; each shows as text somewhere', () => {
		const leaked: string[] = [];
		const shown = new Set<number>();
		for (const file of pages) {
			const html = readFileSync(join(root, file), 'utf8');
			// Inside a quoted attribute value < and > are text; a value can only break out with a
			// raw quote, which would leave the payload's tags outside it.
			const markup = html.replace(/="[^"]*"/g, '=""');
			for (const match of markup.matchAll(/<(img|svg|script)\b[^>]*>(alert\(\d+\))?/gi))
				if (/alert\(|onerror|onload/i.test(match[0])) leaked.push(`${file}: ${match[0]}`);
			for (const match of html.matchAll(/&lt;script&gt;alert\((\d+)\)/g))
				shown.add(Number(match[1]));
		}
		expect(leaked).toEqual([]);
		const unseen = accepted
			.filter((leaf) => !shown.has(leaf.n))
			.map((l) => `${l.file} ${l.path.join('.')}`);
		expect(unseen).toEqual([]);
	});

	test('/playbook.json holds the payloads as data, with no markup in its text', () => {
		const text = readFileSync(join(root, 'playbook.json'), 'utf8');
		expect(text).not.toMatch(/[<>]/);
		const data = JSON.stringify(JSON.parse(text));
		const carried = accepted.filter(
			(leaf) =>
				leaf.file !== 'site.yaml' &&
				!leaf.file.startsWith('team/') &&
				!leaf.file.startsWith('guides/') &&
				!leaf.file.startsWith('tracks/'),
		);
		for (const leaf of carried)
			expect(data).toContain(JSON.stringify(payload(leaf.n)).slice(1, -1));
	});

	test('opening every page, searching and filtering runs no payload', async () => {
		const { context, watch } = await watchedContext(site.browser);
		const seen: Watch[] = [];
		for (const file of pages) {
			const path = `/${file.replace(/index\.html$/, '')}`;
			const isEditor = file.startsWith('admin');
			// The editor is read once it has started: it shows its sign-in once it has looked for
			// the local backend of `npm run edit`, which is not running here.
			const result = await openAndWatch(
				context,
				watch,
				`${site.url}${path}`,
				isEditor ? (page) => page.getByRole('button', { name: /Login/ }).waitFor() : undefined,
			);
			if (file === '404.html') result.errors = [];
			if (isEditor)
				result.errors = result.errors.filter((error) => !/ERR_CONNECTION_REFUSED/.test(error));
			seen.push(result);
		}
		// Results render the payloads' text: the titles and excerpts they were found in.
		for (const term of ['alert', 'onerror img'])
			seen.push(
				await openAndWatch(context, watch, `${site.url}/`, async (page) => {
					expect(await searchSite(page, term)).not.toEqual([]);
				}),
			);
		seen.push(
			await openAndWatch(context, watch, `${site.url}/find/?q=alert`, async (page) => {
				await page.waitForFunction(() =>
					/\d+ items?/.test(document.getElementById('pb-finder-status')?.textContent ?? ''),
				);
			}),
		);
		await context.close();
		const troubled = seen.filter((s) => s.alerts.length + s.violations.length + s.errors.length);
		expect(troubled.map((s) => JSON.stringify(s))).toEqual([]);
	});
});

describe('internal by default', () => {
	test.each(['minimal', 'example', 'hostile'] as const)(
		'every HTML page of the %s site asks search engines not to index or follow it',
		(name) => {
			const root = inject('sites')[name];
			const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
				f.endsWith('.html'),
			);
			expect(files.length).toBeGreaterThan(10);
			const missing = files.filter(
				(file) =>
					!readFileSync(join(root, file), 'utf8').includes(
						'<meta name="robots" content="noindex, nofollow"',
					),
			);
			expect(missing).toEqual([]);
		},
	);
});
