import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropRecords, mergeRecords, pageCacheDir, setPageCacheDir } from './page-keys.ts';

/**
 * A build that keeps the pages of the last one (Astro's `experimental.incrementalBuild`), as the
 * integration starts and ends it; what a page's key is, is in page-keys.ts and page-cache.ts.
 */

/** Astro's own record of the pages it kept, in its cache folder. */
const ASTRO_MANIFEST = 'incremental-build.json';
/** What the last complete build was built with: the Astro version and the site's code. */
const STAMP_FILE = 'playbook-build-stamp.json';

export interface Stamp {
	astro: string;
	code: string;
}

/** A build that keeps pages, as it starts: the line that says how, and what it is built with. */
export interface StartedPageCache {
	says: string;
	/** Taken as the build starts, so it names the code the pages were built from. */
	stamp: Stamp;
}

/**
 * Starts a build that keeps pages: the last build's pages are reused only when it completed
 * with this Astro and this code, otherwise they are forgotten and every page renders. Says
 * which, in one line.
 */
export function startPageCache(
	cacheDir: string,
	root: string,
	astroVersion: string,
): StartedPageCache {
	setPageCacheDir(cacheDir);
	mkdirSync(cacheDir, { recursive: true });
	const now = stampOf(root, astroVersion);
	const last = readStamp(cacheDir);
	const reason = !last
		? 'there is no earlier build to reuse'
		: last.astro !== now.astro
			? `the last build used Astro ${last.astro}, this one Astro ${now.astro}`
			: last.code !== now.code
				? "the site's code has changed since the last build"
				: undefined;
	// The stamp is written again only when this build completes, so a build that fails half way
	// leaves none, and the next build starts afresh.
	rmSync(join(cacheDir, STAMP_FILE), { force: true });
	if (reason || !existsSync(join(cacheDir, ASTRO_MANIFEST))) {
		rmSync(join(cacheDir, ASTRO_MANIFEST), { force: true });
		dropRecords(cacheDir);
		const says = `Building every page: ${reason ?? 'there is no earlier build to reuse'}.`;
		return { says, stamp: now };
	}
	return {
		says: 'Reusing the pages of the last build that nothing they show has changed in.',
		stamp: now,
	};
}

/**
 * Ends a build that kept pages: its records, and the stamp it started with, are what the next
 * build reuses.
 */
export function finishPageCache(stamp: Stamp): number | undefined {
	const cacheDir = pageCacheDir();
	if (!cacheDir) return undefined;
	const rendered = mergeRecords(cacheDir);
	writeFileSync(join(cacheDir, STAMP_FILE), JSON.stringify(stamp));
	return rendered;
}

/** The Astro version and a fingerprint of the site's code: its source, config and packages. */
function stampOf(root: string, astro: string): Stamp {
	const hash = createHash('sha256');
	const files = [
		...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
			.map((name) => join('src', name))
			.sort(),
		'astro.config.mjs',
		'package.json',
		'package-lock.json',
		'tsconfig.json',
	];
	for (const file of files) {
		let text: Buffer;
		try {
			text = readFileSync(join(root, file));
		} catch {
			continue; // a folder, or a file this project does not have
		}
		hash.update(`${file}\n`).update(text).update('\n');
	}
	return { astro, code: hash.digest('hex') };
}

function readStamp(cacheDir: string): Stamp | undefined {
	try {
		return JSON.parse(readFileSync(join(cacheDir, STAMP_FILE), 'utf8')) as Stamp;
	} catch {
		return undefined;
	}
}
