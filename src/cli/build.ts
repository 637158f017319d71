import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contentDir } from '../checks/read/content-dir.ts';
import { checkContent } from '../checks/index.ts';
import { formatProblem, formatSummary } from '../checks/problems/reporters.ts';
import {
	asideDir,
	outDir,
	removeLeftovers,
	siteNotBuilt,
	swapIn,
	takeBuildLock,
} from '../site/out-dir.ts';
import { settings } from '../schemas/settings.ts';
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
	const site = outDir(ROOT);

	// 1. One build at a time: Astro keeps files of its own in the project while it builds.
	const lockFile = join(ROOT, 'node_modules', '.playbook', 'build.lock');
	const lock = takeBuildLock(lockFile);
	if ('heldBy' in lock) {
		console.error(
			`Another build of this playbook is running (process ${lock.heldBy}). Wait for it to finish, then build again; if none is running, delete ${lockFile}.`,
		);
		return 1;
	}
	try {
		removeLeftovers(site);
		// 2. The checker first, before Astro starts: a playbook with errors hears only the
		// checker's lines, not Astro's start-up warnings ahead of them. Astro checks again
		// (src/integration.ts), which also serves a plain `astro build`, and prints warnings.
		const report = checkContent(contentDir(), {
			strict: settings().strict,
			today: settings().today,
		});
		if (report.errorCount > 0) {
			for (const found of report.problems) console.error(formatProblem(found));
			rmSync(site, { recursive: true, force: true });
			console.error(
				`${formatSummary(report)} Nothing was built: fix the lines above and build again (npm run check lists them without building).`,
			);
			return 1;
		}
		return await buildAside(site);
	} finally {
		lock.release();
	}
}

/**
 * 3. Builds the site, moves it beside `site` and swaps it in whole once it is complete, search
 * index included, so a build killed at any point (even by the out-of-memory killer, which leaves
 * no time to tidy up) leaves the last complete site, or none.
 */
async function buildAside(site: string): Promise<number> {
	const entries = entryFileCount(resolve(ROOT, contentDir()));
	const aside = asideDir(site);
	// Astro builds in one folder of the project every time: the folder is written into the code
	// Astro bundles, and a folder named anew for each build would change that code, so no page
	// could be kept from the last build (see src/site/warm-build.ts). The finished site then moves
	// beside `site`, by a rename on one disk and a copy across two.
	const building = join(ROOT, 'node_modules', '.playbook', 'site');
	const removeSite = () =>
		[building, aside, site].forEach((folder) => rmSync(folder, { recursive: true, force: true }));
	[building, aside].forEach((folder) => rmSync(folder, { recursive: true, force: true }));
	const astro = spawn(
		process.execPath,
		[join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
		{
			cwd: ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				PLAYBOOK_OUT_DIR: building,
				// The site's own integration leaves the search index to this command.
				PLAYBOOK_SEARCH_AFTER_BUILD: 'true',
				// The bundler (Rolldown, in Astro's process) keeps memory it has freed unless told
				// to give it back at once.
				MIMALLOC_PURGE_DECOMMITS: '1',
				MIMALLOC_PURGE_DELAY: '0',
				// Your own NODE_OPTIONS come after, so a heap size set there wins.
				NODE_OPTIONS:
					`--max-old-space-size=${astroHeapMb(entries)} ${process.env.NODE_OPTIONS ?? ''}`.trim(),
			},
		},
	);
	// Stopped (Ctrl-C, or a time limit's SIGTERM), the command stops Astro or Pagefind with it, so
	// nothing goes on writing the site behind a command that has ended.
	const stopping = new AbortController();
	const stop = (signal: NodeJS.Signals) => {
		stopping.abort();
		astro.kill(signal);
	};
	process.once('SIGINT', stop).once('SIGTERM', stop);
	const stopped = () => {
		removeSite();
		console.error(`The build was stopped before it finished, so ${site} was removed.`);
		return 1;
	};
	try {
		const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
			astro.once('exit', (...exit) => done(exit)),
		);
		if (signal || stopping.signal.aborted) return stopped();
		if (code !== 0) {
			removeSite();
			console.error(siteNotBuilt(site)); // after Astro's own lines, which say why
			return 1;
		}

		try {
			if (onOneDisk(ROOT, site)) renameSync(building, aside);
			else {
				cpSync(building, aside, { recursive: true });
				rmSync(building, { recursive: true, force: true });
			}
		} catch (error) {
			removeSite();
			console.error(
				`The site could not be put beside ${site} (${reason(error)}), so nothing was left there. Make room or choose another PLAYBOOK_OUT_DIR, then build again.`,
			);
			return 1;
		}

		const started = performance.now();
		console.log('Building the search index with Pagefind…');
		let pages: number;
		try {
			({ pages } = await indexSite(aside, { signal: stopping.signal }));
		} catch (error) {
			if (stopping.signal.aborted) return stopped();
			removeSite();
			console.error(
				`The search index could not be built (${reason(error)}), so ${site} was removed. Build again; if it fails the same way, reinstall with npm install.`,
			);
			return 1;
		}
		const seconds = (performance.now() - started) / 1000;
		try {
			swapIn(aside, site);
		} catch (error) {
			removeSite();
			console.error(
				`The site could not be put in ${site} (${reason(error)}), so nothing was left there. Make room or choose another PLAYBOOK_OUT_DIR, then build again.`,
			);
			return 1;
		}
		console.log(`Search index: ${pages} pages in ${seconds.toFixed(1)} s. The site is in ${site}.`);
		return 0;
	} finally {
		process.off('SIGINT', stop).off('SIGTERM', stop);
	}
}

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** True where a folder (or, before it exists, the nearest folder above it) is on the project's disk. */
function onOneDisk(project: string, folder: string): boolean {
	let existing = folder;
	while (!existsSync(existing)) existing = dirname(existing);
	return statSync(existing).dev === statSync(project).dev;
}

/**
 * The heap Astro's process may use, in MB, sized from the playbook. Left to itself, V8 lets the
 * heap grow far past what the build keeps alive (2.2 GB of memory at 5,000 entries, for about
 * 350 MB of live objects); at about twice the live size it collects sooner, in the same time
 * (1.7 GB at 5,000 entries). It grows with the playbook, so a larger one never runs out.
 */
export function astroHeapMb(entries: number): number {
	return Math.round(400 + 0.075 * entries);
}

/** How many entry files a content folder holds (its READMEs included; close enough to size by). */
function entryFileCount(folder: string): number {
	if (!existsSync(folder)) return 0;
	return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
		/\.(mdx?|ya?ml)$/.test(name),
	).length;
}
