import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { launchChromium } from '../chromium.ts';

/** A free port on 127.0.0.1. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export interface DevServer {
	url: string;
	/** Seconds from starting `astro dev` until the page first answered 200. */
	readySeconds: number;
	stop: () => Promise<void>;
}

/**
 * Starts `astro dev` and waits until `pagePath` answers 200, which is when a person who runs
 * `npm run dev` can see the page: Astro has loaded the content and rendered the page once.
 */
export async function startDev(
	node: string,
	astro: string,
	options: { cwd: string; env: NodeJS.ProcessEnv; pagePath: string },
): Promise<DevServer> {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(node, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const url = `http://127.0.0.1:${port}`;
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill();
		});
	for (;;) {
		if (child.exitCode !== null) throw new Error(`astro dev stopped:\n${output.slice(-2000)}`);
		if (performance.now() - started > 300_000) {
			await stop();
			throw new Error(`astro dev did not answer in 5 minutes:\n${output.slice(-2000)}`);
		}
		const status = await fetch(`${url}${options.pagePath}`).then(
			(response) => response.status,
			() => 0,
		);
		if (status === 200) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { url, readySeconds: (performance.now() - started) / 1000, stop };
}

/**
 * Milliseconds from saving a file to an open page showing the change, `saves` times: the page
 * is open in Chromium, the file gains a new sentence, and the clock stops when the page's text
 * has it (after Astro's reload). The file is left as it was.
 */
export async function updateTimes(
	server: DevServer,
	pagePath: string,
	file: string,
	saves = 5,
): Promise<number[]> {
	const original = readFileSync(file, 'utf8');
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}${pagePath}`);
		await page.waitForLoadState('networkidle');
		const times: number[] = [];
		for (let save = 1; save <= saves; save++) {
			const marker = `Saved change number ${save} reads here`;
			const started = performance.now();
			writeFileSync(file, `${original.trimEnd()}\n\n${marker}.\n`);
			await page.waitForFunction((text) => document.body?.innerText.includes(text), marker, {
				timeout: 60_000,
				polling: 10,
			});
			times.push(performance.now() - started);
			// Let the reload settle before the next save.
			await page.waitForLoadState('networkidle');
		}
		return times;
	} finally {
		writeFileSync(file, original);
		await browser.close();
	}
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
