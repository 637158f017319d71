/**
 * The browser for the browser tests and the benchmark (`npm run bench`): chooses one
 * (`CHROMIUM_PATH`, else a Chromium or Chrome on the machine, else the one in
 * `@sparticuz/chromium`) and launches it. Never downloads one.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** A browser the tests and the benchmark can drive: where it is and how to start it. */
export interface BrowserChoice {
	/** What the test output calls it, e.g. "the Chromium on this machine (/usr/bin/chromium)". */
	label: string;
	executablePath: string;
	/** Command-line flags beyond the ones every launch gets. */
	args: string[];
	/** Environment the browser's own process needs (the bundled one's libraries and fonts). */
	env: Record<string, string>;
}

/** A place a browser may be; `bundled` is the Chromium inside the `@sparticuz/chromium` package. */
export type BrowserCandidate =
	| { kind: 'CHROMIUM_PATH' | 'machine'; label: string; path: string }
	| { kind: 'bundled'; label: string };

/** What the chooser needs to know of the machine, so that it can be tested on any machine. */
export interface Machine {
	env: Record<string, string | undefined>;
	platform: NodeJS.Platform;
	arch: string;
	/** True where an executable file is at that path. */
	isExecutable: (path: string) => boolean;
	/** True where the `@sparticuz/chromium` package is installed. */
	hasBundledChromium: boolean;
}

/** The names Chromium and Chrome go by on a Linux `PATH` (Debian, Ubuntu, Google's packages). */
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where macOS keeps the apps. */
const MACOS_APPS = [
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The package ships one build, for Linux on x86-64. */
const BUNDLED_LABEL = 'the Chromium inside the @sparticuz/chromium package';

/**
 * The browsers to try, in order: `CHROMIUM_PATH` alone when it is set (a person who names a
 * browser means that one); else every Chromium or Chrome on the machine; else the bundled one.
 */
export function browserCandidates(machine: Machine): BrowserCandidate[] {
	const named = machine.env['CHROMIUM_PATH'];
	if (named) return [{ kind: 'CHROMIUM_PATH', label: `CHROMIUM_PATH (${named})`, path: named }];
	const places =
		machine.platform === 'darwin'
			? MACOS_APPS
			: (machine.env['PATH'] ?? '')
					.split(delimiter)
					.filter(Boolean)
					.flatMap((folder) => LINUX_NAMES.map((name) => join(folder, name)));
	const onMachine: BrowserCandidate[] = [...new Set(places)]
		.filter((path) => machine.isExecutable(path))
		.map((path) => ({ kind: 'machine', label: `the browser at ${path}`, path }));
	const bundled: BrowserCandidate[] =
		machine.hasBundledChromium && machine.platform === 'linux' && machine.arch === 'x64'
			? [{ kind: 'bundled', label: BUNDLED_LABEL }]
			: [];
	return [...onMachine, ...bundled];
}

/** The one line `npm test` ends with when no browser can run: what was tried, and what to do. */
export function noBrowserMessage(machine: Machine, failures: string[]): string {
	const tried = failures.length
		? failures.join('; ')
		: machine.platform === 'darwin'
			? `no Chrome or Chromium in /Applications`
			: `no ${LINUX_NAMES.join(', ')} on the PATH, and no bundled Chromium for ${machine.platform} on ${machine.arch}`;
	return (
		`No browser could run the browser tests (${tried}). ` +
		'Install Chromium or Google Chrome, or set CHROMIUM_PATH to one, e.g. ' +
		'CHROMIUM_PATH=/usr/bin/chromium npm test.'
	);
}

/** This machine, as the chooser sees it. */
export function thisMachine(): Machine {
	return {
		env: process.env,
		platform: process.platform,
		arch: process.arch,
		isExecutable: (path) => {
			try {
				accessSync(path, constants.X_OK);
				return true;
			} catch {
				return false;
			}
		},
		hasBundledChromium: resolvesBundledChromium(),
	};
}

function resolvesBundledChromium(): boolean {
	try {
		createRequire(import.meta.url).resolve('@sparticuz/chromium');
		return true;
	} catch {
		return false;
	}
}

/**
 * The first browser that starts, tried in `browserCandidates` order. Each is started once and
 * closed, so a browser that is there but cannot run (a missing library, another architecture)
 * passes the turn to the next. Rejects with `noBrowserMessage` when none starts.
 */
export async function chooseBrowser(machine = thisMachine()): Promise<BrowserChoice> {
	const failures: string[] = [];
	for (const candidate of browserCandidates(machine)) {
		if (candidate.kind === 'CHROMIUM_PATH' && !machine.isExecutable(candidate.path)) {
			failures.push(`${candidate.label} is not an executable file`);
			continue;
		}
		try {
			const choice = await prepare(candidate);
			await (await launch(choice)).close();
			return choice;
		} catch (error) {
			failures.push(`${candidate.label} did not start: ${launchFailureReason(error)}`);
		}
	}
	throw new NoBrowserError(noBrowserMessage(machine, failures));
}

/** The error `chooseBrowser` rejects with; its message is the whole, one-line explanation. */
export class NoBrowserError extends Error {
	override name = 'NoBrowserError';
}

async function prepare(candidate: BrowserCandidate): Promise<BrowserChoice> {
	if (candidate.kind !== 'bundled')
		return { label: candidate.label, executablePath: candidate.path, args: [], env: {} };
	// The package unpacks its binary, fonts and libraries into the temp folder once.
	const { default: Chromium, inflate } = await import('@sparticuz/chromium');
	const executablePath = await Chromium.executablePath();
	const libraries = join(await inflate(bundledFile('al2023.tar.br')), 'lib');
	const ownLibraries = process.env['LD_LIBRARY_PATH'];
	return {
		label: `${BUNDLED_LABEL} (unpacked at ${executablePath})`,
		executablePath,
		// Of the package's own flags, the ones a headless-shell build needs to start as any user.
		args: ['--no-zygote', '--use-angle=swiftshader'],
		env: {
			// Its own NSS libraries, for machines that have none, and its own fonts.
			LD_LIBRARY_PATH: ownLibraries ? `${libraries}${delimiter}${ownLibraries}` : libraries,
			FONTCONFIG_PATH: join(executablePath, '..', 'fonts'),
		},
	};
}

function bundledFile(name: string): string {
	return join(
		createRequire(import.meta.url).resolve('@sparticuz/chromium'),
		'..',
		'..',
		'bin',
		name,
	);
}

/** Starts the chosen browser headless, with the flags this closed network needs. */
export function launch(choice: BrowserChoice) {
	return chromium.launch({
		executablePath: choice.executablePath,
		env: { ...process.env, ...choice.env },
		timeout: 60_000,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			...choice.args,
		],
	});
}

/** Why a launch failed, in one line: the browser's own first error line where it printed one. */
export function launchFailureReason(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	const said = /^\[pid=\d+\]\[err\] *(.+)$/m.exec(text)?.[1];
	return (
		(said ?? text.replace(/^browserType\.launch: /, '').split('\n')[0] ?? '').trim() ||
		'no reason given'
	);
}

let chosen: Promise<BrowserChoice> | undefined;

/**
 * Starts a headless browser: the one given, else the first that `chooseBrowser` finds (chosen once
 * per process). Never downloads one.
 */
export async function launchChromium(choice?: BrowserChoice): Promise<Browser> {
	return launch(choice ?? (await (chosen ??= chooseBrowser())));
}
