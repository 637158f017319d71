import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of every file under a folder, recursively. */
export function folderBytes(folder: string, keep: (path: string) => boolean = () => true): number {
	if (!existsSync(folder)) return 0;
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((dirent) => dirent.isFile() && keep(join(dirent.parentPath, dirent.name)))
		.reduce((sum, dirent) => sum + statSync(join(dirent.parentPath, dirent.name)).size, 0);
}

/**
 * The files two sites do not share byte for byte (in one only, or different in each), by path,
 * sorted: what makes a warm build's site differ from a cold build of the same content.
 */
export function differentFiles(a: string, b: string): string[] {
	const files = (site: string) =>
		readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((name) =>
			statSync(join(site, name)).isFile(),
		);
	return [...new Set([...files(a), ...files(b)])].sort().filter((name) => {
		try {
			return !readFileSync(join(a, name)).equals(readFileSync(join(b, name)));
		} catch {
			return true; // in one site only
		}
	});
}

const gzipBytes = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

export interface PageWeight {
	/** The page's HTML, gzipped (inline scripts and styles included). */
	html: number;
	/** Every script the page loads at start (module scripts and preloads), gzipped. */
	js: number;
	/** Every stylesheet the page links, gzipped. */
	css: number;
}

/**
 * What a reader's browser downloads for one page before any interaction, gzipped as a static
 * host would serve it. Scripts loaded only on demand (the search index) are not counted.
 */
export function pageWeight(siteDir: string, pagePath: string): PageWeight {
	const html = readFileSync(join(siteDir, pagePath, 'index.html'), 'utf8');
	const local = (url: string) => join(siteDir, decodeURI(url.split(/[?#]/)[0]!));
	const assets = (pattern: RegExp) =>
		[...new Set([...html.matchAll(pattern)].map((match) => match[1]!))].filter((url) =>
			url.startsWith('/'),
		);
	const sum = (urls: string[]) =>
		urls.reduce(
			(total, url) => total + (existsSync(local(url)) ? gzipBytes(readFileSync(local(url))) : 0),
			0,
		);
	return {
		html: gzipBytes(html),
		js: sum([
			...assets(/<script[^>]*\bsrc="([^"]+)"/g),
			...assets(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
		]),
		css: sum(assets(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)),
	};
}

export interface Measured {
	code: number | null;
	seconds: number;
	/** Highest resident memory of the process and its children together, in MB. */
	peakRssMb: number;
	output: string;
}

/** The resident memory of a process and all its descendants, in kB, read from /proc. */
function treeRssKb(pid: number): number {
	const children = (id: number): number[] => {
		try {
			return readFileSync(`/proc/${id}/task/${id}/children`, 'utf8')
				.split(' ')
				.filter(Boolean)
				.map(Number);
		} catch {
			return [];
		}
	};
	const rss = (id: number) => {
		try {
			return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
		} catch {
			return 0;
		}
	};
	let total = 0;
	const queue = [pid];
	while (queue.length > 0) {
		const id = queue.pop()!;
		total += rss(id);
		queue.push(...children(id));
	}
	return total;
}

/** Runs a command to its end, timing it and sampling its memory every 50 ms. */
export function runMeasured(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Measured> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		let peak = 0;
		const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50);
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({
				code,
				seconds: (performance.now() - started) / 1000,
				peakRssMb: peak / 1024,
				output,
			});
		});
	});
}

/**
 * The editor's weight, apart from the site's: what `/admin/` downloads on opening (its page,
 * its start-up script and Decap CMS's entry script, gzipped), and the editor's files on disk.
 * Readers never load any of it.
 */
export function editorWeight(siteDir: string): {
	firstLoadGz: number;
	files: number;
	site: number;
} {
	const page = pageWeight(siteDir, 'admin');
	const entry = join(siteDir, 'admin', 'decap', 'decap-cms.js');
	const entryGz = existsSync(entry) ? gzipBytes(readFileSync(entry)) : 0;
	return {
		firstLoadGz: page.html + page.js + page.css + entryGz,
		files: folderBytes(join(siteDir, 'admin')),
		site: folderBytes(siteDir, (path) => !path.startsWith(join(siteDir, 'admin'))),
	};
}

/**
 * What the Markdown copies add to a site: the bytes of every page's copy (`index.html.md`) and
 * of the `llms.txt` files that list them, and how many copies there are.
 */
export function copiesWeight(siteDir: string): { bytes: number; copies: number } {
	const isCopy = (path: string) => path.endsWith('.html.md');
	const copies = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter(isCopy);
	return {
		bytes: folderBytes(siteDir, (path) => isCopy(path) || path.endsWith('llms.txt')),
		copies: copies.length,
	};
}
