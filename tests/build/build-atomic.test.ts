import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MINIMAL, useBuildTurn } from '../support/helpers.ts';
import { buildInBackground, buildSite, ROOT } from '../support/sites.ts';

// Its builds watch the project's one build lock: no other file's build may run meanwhile.
useBuildTurn();

const out = mkdtempSync(join(tmpdir(), 'playbook-atomic-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const LOCK = join(ROOT, 'node_modules', '.playbook', 'build.lock');

/** The folder and what is beside it, by name, leaving out other tests' folders. */
const besideSite = (outDir: string) =>
	readdirSync(out)
		.filter((name) => name.startsWith('site'))
		.sort()
		.map((name) => (name === 'site' ? `site: ${readdirSync(outDir).sort().join(', ')}` : name));

describe('the site is built aside and swapped in whole', () => {
	test('killed hard while it builds, a build leaves the last complete site; one build at a time, and the next one tidies up', async () => {
		const outDir = join(out, 'site');
		// The last complete site, from an earlier build.
		mkdirSync(outDir);
		writeFileSync(join(outDir, 'index.html'), '<p>the last complete site</p>');

		// 1. Killed (as the out-of-memory killer does) once Astro has written the whole site and
		// the search index is being made, with a stand-in indexer that takes its time.
		const pidFile = join(out, 'indexer.pid');
		const indexer = join(out, 'slow-indexer.sh');
		writeFileSync(indexer, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`, { mode: 0o755 });
		const killed = buildInBackground(MINIMAL, outDir, { PAGEFIND_EXTENDED_BINARY_PATH: indexer });
		await killed.says('Building the search index');
		await expect.poll(() => existsSync(pidFile), { timeout: 20_000 }).toBe(true);
		killed.build.kill('SIGKILL');
		process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
		expect(await killed.exited).toBe(null);
		const pid = killed.build.pid!;
		expect(besideSite(outDir)).toEqual([`site: index.html`, `site.building-${pid}`]);
		expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('<p>the last complete site</p>');
		expect(readFileSync(LOCK, 'utf8').trim()).toBe(String(pid)); // left by the killed build

		// 2. The next build takes the killed build's lock over; a build started while it runs
		// says so in one line and leaves the site alone.
		const next = buildInBackground(MINIMAL, outDir);
		await next.says('[build]');
		expect(readFileSync(LOCK, 'utf8').trim()).toBe(String(next.build.pid));
		const second = buildSite(MINIMAL, outDir, {}, { wait: false });
		expect(second.code).toBe(1);
		expect(second.output.trim()).toBe(
			`Another build of this playbook is running (process ${next.build.pid}). Wait for it to finish, then build again; if none is running, delete ${LOCK}.`,
		);

		// 3. It ends with the new site in place, nothing left beside it, and the lock free.
		expect(await next.exited, next.output()).toBe(0);
		expect(existsSync(join(outDir, 'lead-stages', 'mql', 'index.html'))).toBe(true);
		expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
		expect(besideSite(outDir).filter((name) => !name.startsWith('site:'))).toEqual([]);
		expect(existsSync(LOCK)).toBe(false);
	});
});
