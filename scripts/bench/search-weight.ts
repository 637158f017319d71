import { gzipSync } from 'node:zlib';
import { launchChromium } from '../chromium.ts';
import { serve } from '../serve-site.ts';

/**
 * Bytes a reader's browser downloads for a first query: open a page, open Starlight's search,
 * type a word, wait for the results; the search index's files whenever they load, and every
 * other file fetched from opening the dialog to the results. Measured in headless Chromium.
 * Scripts, styles and JSON count gzipped, as any static host serves them; Pagefind's index
 * files are compressed already and count as they are.
 */
export async function firstQueryBytes(
	siteDir: string,
	pagePath: string,
	term: string,
	log: (line: string) => void = () => undefined,
): Promise<number> {
	const site = await serve(siteDir);
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		const sizes = new Map<string, number>();
		const pending: Promise<void>[] = [];
		let dialogOpen = false;
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			// The index, whenever it is fetched (the search box may start early), and anything
			// else fetched once the dialog is open.
			if (!dialogOpen && !/^\/(pagefind|search)\//.test(path)) return;
			pending.push(
				response.body().then(
					(body) =>
						void sizes.set(
							path,
							/\.(js|css|json)$/.test(path) ? gzipSync(body).length : body.length,
						),
					() => undefined,
				),
			);
		});
		await page.goto(`${site.url}${pagePath}`);
		// The page has settled, its search box script included (Starlight loads it when idle).
		await page.waitForLoadState('networkidle');
		dialogOpen = true;
		await page.click('button[data-open-modal]');
		await page.fill('.pagefind-ui__search-input', term); // one query, not one per keystroke
		await page.waitForSelector('.pagefind-ui__result-link', { timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		await Promise.all(pending);
		for (const [path, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 30))
			log(`    ${path} ${bytes} B`);
		return [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
	} finally {
		await browser.close();
		await site.close();
	}
}
