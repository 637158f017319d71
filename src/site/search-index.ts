import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Indexes a built site for search with Pagefind, as Starlight does at the end of `astro build`:
 * the same default settings, the index written to `pagefind/` in the site. Run after Astro has
 * exited, Pagefind's memory comes on top of almost nothing instead of on top of Astro's.
 */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
	const failed = (errors: string[]) => new Error(errors.join('; '));
	// Pagefind prints a stack trace of its own when its indexer stops (killed, out of memory, not
	// there); the build says why in one line, so the trace is held back and its message kept.
	const print = console.error;
	let stopped: string | undefined;
	console.error = (...args: unknown[]) => {
		if (args[0] !== 'Service stopped') return print(...args);
		stopped = args[1] instanceof Error ? args[1].message : String(args[1]);
	};
	try {
		const { index, errors } = await pagefind.createIndex();
		if (!index || errors.length > 0) throw failed(errors);
		const added = await index.addDirectory({ path: siteDir, glob: searchableGlob(siteDir) });
		if (added.errors.length > 0) throw failed(added.errors);
		const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
		if (written.errors.length > 0) throw failed(written.errors);
		return { pages: added.page_count };
	} catch (error) {
		throw stopped ? new Error(`Pagefind stopped before it finished: ${stopped}`) : error;
	} finally {
		await pagefind.close();
		console.error = print;
	}
}

const ALL_PAGES = '**/*.{html}';
const SEARCHABLE = 'data-pagefind-body';

/**
 * The parts of the site (its top-level pages and folders) that hold a page marked for search.
 * Pagefind skips unmarked pages once one page is marked, but only after parsing them whole, and
 * the large unmarked ones (call plans, coverage) took half its time on a big playbook.
 */
export function searchableGlob(siteDir: string): string {
	const parts = readdirSync(siteDir, { withFileTypes: true })
		.filter((part) =>
			part.isDirectory()
				? htmlFiles(join(siteDir, part.name)).some(isSearchable)
				: part.name.endsWith('.html') && isSearchable(join(siteDir, part.name)),
		)
		.map((part) => (part.isDirectory() ? `${part.name}/**/*.html` : part.name))
		.sort();
	// No page marked: Pagefind indexes every page whole, so every page is read.
	return parts.length === 0 ? ALL_PAGES : `{${parts.join(',')}}`;
}

function htmlFiles(folder: string): string[] {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => join(folder, name));
}

function isSearchable(file: string): boolean {
	return readFileSync(file).includes(SEARCHABLE); // bytes: no text decoding needed
}
