import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pagefind's command line, from the `pagefind` package (it runs the indexer for this machine). */
const PAGEFIND = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));

/**
 * Indexes a built site for search with Pagefind, as Starlight does at the end of `astro build`:
 * the same default settings, the index written to `pagefind/` in the site. Run after Astro has
 * exited, Pagefind's memory comes on top of almost nothing instead of on top of Astro's.
 *
 * It runs Pagefind's command line rather than its Node API: when the indexer dies (killed, out of
 * memory) between two of the API's messages, the API waits for an answer that never comes, while
 * a command's end is always seen. The command has a process group of its own, so that `signal`
 * stops the indexer under it too.
 */
export async function indexSite(
	siteDir: string,
	{ signal }: { signal?: AbortSignal } = {},
): Promise<{ pages: number }> {
	const output = join(siteDir, 'pagefind');
	const args = ['--site', siteDir, '--glob', searchableGlob(siteDir), '--output-path', output];
	const indexer = spawn(process.execPath, [PAGEFIND, ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let said = '';
	indexer.stdout.on('data', (chunk: Buffer) => (said += String(chunk)));
	indexer.stderr.on('data', (chunk: Buffer) => (said += String(chunk)));
	const stop = () => {
		try {
			process.kill(-indexer.pid!, 'SIGTERM');
		} catch {
			// already gone
		}
	};
	signal?.addEventListener('abort', stop, { once: true });
	try {
		const [code, stoppedBy] = await new Promise<[number | null, NodeJS.Signals | null]>(
			(done, fail) => {
				indexer.once('error', fail);
				indexer.once('close', (...end) => done(end));
			},
		);
		if (code !== 0) throw new Error(pagefindFailure(said, code, stoppedBy));
	} finally {
		signal?.removeEventListener('abort', stop);
	}
	return { pages: pagesIndexed(output) };
}

/** Pagefind's own error line where it printed one, else how its command ended. */
function pagefindFailure(said: string, code: number | null, stoppedBy: NodeJS.Signals | null) {
	const error = said
		.split('\n')
		.map((line) => line.trim())
		.find((line) => /^error\b/i.test(line));
	if (error) return `Pagefind: ${error.replace(/^error:?\s*/i, '')}`;
	return `Pagefind stopped before it finished: ${stoppedBy ? `stopped by ${stoppedBy}` : `exit code ${code}`}`;
}

/** The pages in the index Pagefind wrote, from the entry file every search starts from. */
function pagesIndexed(output: string): number {
	const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
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
