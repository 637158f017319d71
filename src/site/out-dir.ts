import {
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { settings } from '../schemas/settings.ts';

/** Where the site is built: `PLAYBOOK_OUT_DIR`, else `dist/` in the project. */
export function outDir(root: string): string {
	return resolve(root, settings().outDir);
}

/** The line a build that failed ends with, once the site folder is gone. */
export function siteNotBuilt(site: string): string {
	return `The site was not built: ${site} was removed. Fix the error above, then build again.`;
}

/**
 * Astro's cache folder: `node_modules/.astro` for the project's own content folder. Another
 * content folder gets one of its own, named for the project and the folder, so entries of one
 * playbook never linger in the build of another, nor pages built by other code. It is in the
 * user's own temp folder: on a shared machine, one made by someone else could not be written.
 */
export function astroCacheDir(root: string, content: string): string {
	if (content === 'content') return join(root, 'node_modules', '.astro');
	const name = createHash('sha256')
		.update(`${resolve(root)}\n${resolve(content)}`)
		.digest('hex')
		.slice(0, 12);
	return join(tmpdir(), `playbook-astro-cache-${process.getuid?.() ?? 'user'}`, name);
}

/**
 * The folder a build writes the site into before it is swapped in whole: beside the site, so on
 * its disk, named for the build's process (`dist.building-4242`).
 */
export function asideDir(site: string, pid = process.pid): string {
	return `${site}.building-${pid}`;
}

/**
 * Puts the complete site `built` in the place of `site`, by renames on one disk: whoever reads
 * `site` finds the last complete site, or (for the moment between two renames) nothing, never a
 * site half written.
 */
export function swapIn(built: string, site: string): void {
	const old = `${site}.old-${process.pid}`;
	rmSync(old, { recursive: true, force: true });
	if (existsSync(site)) renameSync(site, old);
	renameSync(built, site);
	rmSync(old, { recursive: true, force: true });
}

/**
 * Removes what builds stopped hard (killed, or out of memory) left beside the site: the folders
 * `<site>.building-<pid>` and `<site>.old-<pid>` of processes that have ended.
 */
export function removeLeftovers(site: string): void {
	const parent = dirname(site);
	if (!existsSync(parent)) return;
	for (const name of readdirSync(parent)) {
		const match = /^(.*)\.(?:building|old)-(\d+)$/.exec(name);
		if (match?.[1] === basename(site) && !isRunning(Number(match[2])))
			rmSync(join(parent, name), { recursive: true, force: true });
	}
}

/** The build lock: held by this process (release it when done), or by another that runs. */
export type BuildLock = { release: () => void } | { heldBy: number };

/**
 * Takes the lock file at `path`, holding this process's id. A lock whose process has ended (a
 * build that was killed) is taken over. The file is written whole before it takes the lock's
 * name, so another build never reads it half written.
 */
export function takeBuildLock(path: string): BuildLock {
	mkdirSync(dirname(path), { recursive: true });
	const mine = `${path}.${process.pid}`;
	writeFileSync(mine, `${process.pid}\n`);
	try {
		for (let attempt = 0; attempt < 2; attempt++) {
			try {
				linkSync(mine, path);
				return {
					release: () => {
						if (holderOf(path) === process.pid) rmSync(path, { force: true });
					},
				};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			const holder = holderOf(path);
			if (holder !== undefined && isRunning(holder)) return { heldBy: holder };
			rmSync(path, { force: true }); // its build was stopped before it could remove it
		}
		return { heldBy: holderOf(path) ?? 0 };
	} finally {
		rmSync(mine, { force: true });
	}
}

function holderOf(path: string): number | undefined {
	try {
		const pid = Number(readFileSync(path, 'utf8').trim());
		return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

/** True while a process with this id runs (one of another user counts too). */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
