import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { outDir } from '../site/out-dir.ts';
import { indexSite } from '../site/search-index.ts';
import { UsageError } from './usage.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `npm run build`: checks the content and builds the site with Astro, then indexes it for search.
 *
 * Astro's build and Pagefind each take about as much memory as the other on a large playbook
 * (1.8 GB and 1.5 GB at 5,000 entries). Run inside Astro, as Starlight does, the two add up;
 * run after Astro has exited, the build peaks at the larger of them. `astro build` on its own
 * still builds the whole site, search included, in one process.
 */
export async function runBuild(args: string[]): Promise<number> {
	if (args.length > 0) throw new UsageError(`build takes no options (got ${args.join(' ')}).`);
	const astro = spawn(
		process.execPath,
		[join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
		{
			cwd: ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				// The site's own integration hands Starlight's search step to this command.
				PLAYBOOK_SEARCH_AFTER_BUILD: 'true',
				// The bundler (Rolldown, in Astro's process) keeps memory it has freed unless told to
				// return it; returned, Astro's peak at 5,000 entries falls from 2.3 GB to 1.8 GB.
				MIMALLOC_PURGE_DECOMMITS: '1',
			},
		},
	);
	const code = await new Promise<number>((done) => astro.once('exit', (exit) => done(exit ?? 1)));
	if (code !== 0) return 1; // Astro and the checker have said why

	const site = outDir(ROOT);
	const started = performance.now();
	console.log('Building the search index with Pagefind…');
	try {
		const { pages } = await indexSite(site);
		const seconds = (performance.now() - started) / 1000;
		console.log(`Search index: ${pages} pages in ${seconds.toFixed(1)} s. The site is in ${site}.`);
		return 0;
	} catch (error) {
		rmSync(site, { recursive: true, force: true });
		console.error(
			`The search index could not be built (${error instanceof Error ? error.message : String(error)}), so ${site} was removed. Build again; if it fails the same way, reinstall with npm install.`,
		);
		return 1;
	}
}
