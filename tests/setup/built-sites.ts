import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { HostileResult } from '../hostile.ts';
import { writeHostilePlaybook } from '../hostile.ts';
import { buildSite, ROOT } from '../sites.ts';

export interface BuiltSites {
	sites: { minimal: string; example: string; hostile: string };
	hostile: HostileResult;
}

/**
 * The three sites the page and browser tests read, built once for everything that needs them:
 * the `build` and `browser` test projects share them, and a second run on an unchanged tree
 * (same commit, same files) reuses them. They live in the user's temp folder under a key made
 * from every file a build reads, so a change to any of them builds afresh.
 */
export function builtSites(): BuiltSites {
	const home = join(tmpdir(), `playbook-test-sites-${process.getuid?.() ?? 'user'}`);
	const key = inputsKey();
	const folder = join(home, key);
	const sites = {
		minimal: join(folder, 'minimal'),
		example: join(folder, 'example'),
		hostile: join(folder, 'hostile'),
	};
	return withLock(join(home, 'lock'), () => {
		const done = join(folder, 'hostile.json');
		if (existsSync(done)) {
			console.log(`Test sites are unchanged since they were built; reusing ${folder}.`);
			return { sites, hostile: JSON.parse(readFileSync(done, 'utf8')) as HostileResult };
		}
		// Older trees' sites are of no more use once no run can still be reading them.
		for (const name of existsSync(home) ? readdirSync(home) : []) {
			const other = join(home, name);
			if (name !== 'lock' && Date.now() - statSync(other).mtimeMs > STALE_AFTER_MS)
				rmSync(other, { recursive: true, force: true });
		}
		const building = `${folder}.building`;
		rmSync(building, { recursive: true, force: true });
		mkdirSync(building, { recursive: true });
		const sources = {
			minimal: join(ROOT, 'tests', 'fixtures', 'minimal'),
			example: join(ROOT, 'content'),
			hostile: join(building, 'hostile-content', 'content'),
		};
		// The minimal playbook with an XSS payload in every string the checker lets through.
		const hostile = writeHostilePlaybook(sources.minimal, sources.hostile);
		for (const name of ['minimal', 'example', 'hostile'] as const) {
			const started = performance.now();
			const { code, output } = buildSite(sources[name], join(building, name));
			if (code !== 0) throw new Error(`Building the ${name} site failed:\n${output}`);
			console.log(
				`Built the ${name} site in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
			);
		}
		writeFileSync(join(building, 'hostile.json'), JSON.stringify(hostile));
		renameSync(building, folder);
		return { sites, hostile };
	});
}

/** How long another tree's sites are kept: longer than any test run. */
const STALE_AFTER_MS = 3 * 60 * 60_000;

/** What a build reads, as one key: the commit (history pages), the files, and the settings. */
function inputsKey(): string {
	const hash = createHash('sha256');
	try {
		hash.update(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }));
	} catch {
		hash.update('no git');
	}
	const roots = ['src', 'content', 'public', 'tests/fixtures'];
	const files = ['astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'tests/hostile.ts'];
	const walk = (folder: string): string[] =>
		readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) return walk(path);
			return entry.isFile() ? [path] : [];
		});
	const paths = [
		...roots.flatMap((root) => walk(join(ROOT, root))),
		...files.map((file) => join(ROOT, file)),
	].sort();
	for (const path of paths) {
		hash.update(relative(ROOT, path));
		hash.update(readFileSync(path));
	}
	for (const [name, value] of Object.entries(process.env).sort())
		if (name.startsWith('PLAYBOOK_') || name === 'CI') hash.update(`${name}=${value}`);
	return hash.digest('hex').slice(0, 16);
}

/**
 * Runs `work` holding a lock folder, waiting while another test project's set-up holds it; a
 * lock whose process has ended is taken over.
 */
function withLock<T>(lock: string, work: () => T): T {
	mkdirSync(join(lock, '..'), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			if (!holderIsRunning(lock)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
		}
	}
	try {
		return work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

function holderIsRunning(lock: string): boolean {
	const file = join(lock, 'pid');
	if (!existsSync(file)) {
		// Taken a moment ago and not yet signed, or left unsigned by a set-up that died then.
		try {
			return Date.now() - statSync(lock).mtimeMs < 10_000;
		} catch {
			return false;
		}
	}
	try {
		process.kill(Number(readFileSync(file, 'utf8')), 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
