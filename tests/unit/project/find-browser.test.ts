import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	browserCandidates,
	chooseBrowser,
	launch,
	launchFailureReason,
	type Machine,
	noBrowserMessage,
	NoBrowserError,
	thisMachine,
} from '../../../scripts/chromium.ts';
import { ROOT } from '../../support/sites.ts';

/** A Linux machine on x86-64 with the given executables and, by default, the bundled Chromium. */
function linux(executables: string[], overrides: Partial<Machine> = {}): Machine {
	return {
		env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
		platform: 'linux',
		arch: 'x64',
		isExecutable: (path) => executables.includes(path),
		hasBundledChromium: true,
		...overrides,
	};
}

const labels = (machine: Machine) => browserCandidates(machine).map((c) => c.label);

describe('which browser the tests try', () => {
	it('tries only the browser CHROMIUM_PATH names, even where others are there', () => {
		const machine = linux(['/usr/bin/chromium'], {
			env: { PATH: '/usr/bin', CHROMIUM_PATH: '/opt/chrome/chrome' },
		});
		expect(browserCandidates(machine)).toEqual([
			{
				kind: 'CHROMIUM_PATH',
				label: 'CHROMIUM_PATH (/opt/chrome/chrome)',
				path: '/opt/chrome/chrome',
			},
		]);
	});

	it("tries the machine's Chromium or Chrome first, in PATH order, then the bundled one", () => {
		expect(labels(linux(['/usr/bin/google-chrome', '/usr/local/bin/chromium']))).toEqual([
			'the browser at /usr/local/bin/chromium',
			'the browser at /usr/bin/google-chrome',
			'the Chromium inside the @sparticuz/chromium package',
		]);
	});

	it("finds Ubuntu's chromium-browser and Google's google-chrome-stable", () => {
		expect(labels(linux(['/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable']))).toEqual([
			'the browser at /usr/bin/chromium-browser',
			'the browser at /usr/bin/google-chrome-stable',
			'the Chromium inside the @sparticuz/chromium package',
		]);
	});

	it('falls back to the bundled Chromium on a machine with no browser', () => {
		expect(browserCandidates(linux([]))).toEqual([
			{ kind: 'bundled', label: 'the Chromium inside the @sparticuz/chromium package' },
		]);
	});

	it('offers the bundled Chromium only where it can run: Linux on x86-64, with the package', () => {
		expect(browserCandidates(linux([], { arch: 'arm64' }))).toEqual([]);
		expect(browserCandidates(linux([], { hasBundledChromium: false }))).toEqual([]);
		expect(browserCandidates(linux([], { platform: 'freebsd' }))).toEqual([]);
	});

	it("looks for macOS's Google Chrome and Chromium apps", () => {
		const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
		const machine = linux([chrome, '/usr/bin/chromium'], { platform: 'darwin', arch: 'arm64' });
		expect(labels(machine)).toEqual([`the browser at ${chrome}`]);
	});

	it('lists a folder named twice on the PATH once', () => {
		const machine = linux(['/usr/bin/chromium'], { env: { PATH: '/usr/bin:/usr/bin' } });
		expect(labels(machine)).toHaveLength(2);
	});
});

describe('the bundled Chromium', () => {
	// The package ships its build for Linux on x86-64 only; elsewhere it is never a candidate.
	it.runIf(process.platform === 'linux' && process.arch === 'x64')(
		'starts and renders a page with its own libraries and fonts on a machine with no browser',
		async () => {
			const noBrowser = { ...thisMachine(), env: { ...process.env, PATH: '/nowhere' } };
			const choice = await chooseBrowser({ ...noBrowser, env: withoutChromiumPath(noBrowser.env) });
			expect(choice.label).toMatch(/^the Chromium inside the @sparticuz\/chromium package/);
			const browser = await launch(choice);
			try {
				const page = await browser.newPage();
				await page.setContent('<p style="font-family: sans-serif">Ledgerline</p>');
				expect(await page.textContent('p')).toBe('Ledgerline');
				const width = await page.$eval('p', (p) => p.getBoundingClientRect().width);
				expect(width).toBeGreaterThan(0);
			} finally {
				await browser.close();
			}
		},
	);
});

function withoutChromiumPath(env: Machine['env']): Machine['env'] {
	return Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'CHROMIUM_PATH'));
}

describe('when no browser can run', () => {
	it('says what it tried and how to point CHROMIUM_PATH at a browser, in one line', () => {
		expect(noBrowserMessage(linux([], { arch: 'arm64' }), [])).toMatchInlineSnapshot(
			`"No browser could run the browser tests (no chromium, chromium-browser, google-chrome, google-chrome-stable on the PATH, and no bundled Chromium for linux on arm64). Install Chromium or Google Chrome, or set CHROMIUM_PATH to one, e.g. CHROMIUM_PATH=/usr/bin/chromium npm test."`,
		);
		expect(
			noBrowserMessage(linux([]), ['the browser at /usr/bin/chromium did not start: no display']),
		).toContain('(the browser at /usr/bin/chromium did not start: no display)');
	});

	it("gives the browser's own error line as the reason it did not start", () => {
		const playwright = new Error(
			'browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n\n' +
				'<launched> pid=7\n[pid=7][err] libnss3.so: cannot open shared object file\nCall log:\n',
		);
		expect(launchFailureReason(playwright)).toBe('libnss3.so: cannot open shared object file');
		expect(
			launchFailureReason(new Error('browserType.launch: Timeout 60000ms exceeded.\nmore')),
		).toBe('Timeout 60000ms exceeded.');
	});

	it('tries a browser that is there but cannot start, then the next, then gives up', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'playbook-browser-'));
		const broken = join(folder, 'chromium');
		writeFileSync(
			broken,
			'#!/bin/sh\necho "error while loading shared libraries: libgbm.so.1" >&2\nexit 127\n',
		);
		chmodSync(broken, 0o755);
		const machine = linux([broken], { env: { PATH: folder }, hasBundledChromium: false });
		const choosing = chooseBrowser(machine);
		await expect(choosing).rejects.toBeInstanceOf(NoBrowserError);
		await expect(choosing).rejects.toThrow(
			`No browser could run the browser tests (the browser at ${broken} did not start: error while loading shared libraries: libgbm.so.1).`,
		);
	});

	it('ends npm test before anything is built, with that one line and no stack trace', () => {
		const run = spawnSync(
			process.execPath,
			[
				'--input-type=module',
				'-e',
				"(await import('./tests/setup/browser.setup.ts')).default({ provide() {} })",
			],
			{ cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/no/such/browser' } },
		);
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(
			'No browser could run the browser tests (CHROMIUM_PATH (/no/such/browser) is not an executable file). Install Chromium or Google Chrome, or set CHROMIUM_PATH to one, e.g. CHROMIUM_PATH=/usr/bin/chromium npm test.\n',
		);
	});
});
