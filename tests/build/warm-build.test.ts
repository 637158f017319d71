import { spawn, execFileSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { astroCacheDir } from '../../src/site/out-dir.ts';
import { differentFiles } from '../../scripts/bench/measure.ts';
import { TestRepo } from '../support/git-repo.ts';
import { buildEnvironment, ROOT } from '../support/sites.ts';

/**
 * A build keeps the pages of the last one that nothing they show has changed in. This holds it
 * to never being stale: after each edit of a series, the warm build's site is compared, file by
 * file, with a cold build of the same tree.
 *
 * Two copies of the project build side by side, so the file needs no turn with other files'
 * builds: `warm` keeps its cache from build to build, `cold` loses its cache before each one.
 * They sit side by side, so the content folder is the same path from each.
 */
// In the project, so the copies' packages can be hard links (a link cannot cross from one disk to
// another, and the temp folder may be on another), and not under node_modules, where Node runs no
// TypeScript.
mkdirSync(join(ROOT, 'tests', '.tmp'), { recursive: true });
const work = mkdtempSync(join(ROOT, 'tests', '.tmp', 'warm-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const repo = new TestRepo();
const content = join(repo.root, 'content');

/** A copy of the project: its code copied (so it can be edited), its packages hard-linked. */
function projectCopy(name: string): string {
	const copy = join(work, name);
	for (const file of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
		cpSync(join(ROOT, file), join(copy, file), { recursive: true });
	// What builds write in node_modules is the copy's own, not linked to the project's.
	const written = new Set(['.astro', '.playbook', '.vite']);
	const packages = readdirSync(join(ROOT, 'node_modules'))
		.filter((name) => !written.has(name))
		.map((name) => join(ROOT, 'node_modules', name));
	mkdirSync(join(copy, 'node_modules'));
	execFileSync('cp', ['-al', ...packages, join(copy, 'node_modules')]);
	return copy;
}
const warm = projectCopy('warm');
const cold = projectCopy('cold');

/** `npm run build` in a project copy, into a site folder of that copy. */
function build(project: string, site: string): Promise<{ code: number | null; output: string }> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [join(project, 'src', 'cli', 'playbook.ts'), 'build'], {
			cwd: project,
			env: buildEnvironment(content, join(project, site)),
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('exit', (code) => done({ code, output }));
	});
}

/** Pages a build kept from the last one, as Astro lists them. */
const kept = (output: string) =>
	output.split('\n').filter((line) => /\((?:cached|restored)\)/.test(line));

/** Builds both copies at once: the warm one from its cache, the cold one from nothing. */
async function buildBoth() {
	rmSync(astroCacheDir(cold, content), { recursive: true, force: true });
	const [warmBuild, coldBuild] = await Promise.all([build(warm, 'site'), build(cold, 'site')]);
	expect(warmBuild.code, warmBuild.output).toBe(0);
	expect(coldBuild.code, coldBuild.output).toBe(0);
	expect(differentFiles(join(warm, 'site'), join(cold, 'site'))).toEqual([]);
	return warmBuild.output;
}

/** Edits a file of the content with a function of its text, and commits it. */
function editContent(message: string, path: string, change: (text: string) => string) {
	repo.commit(message, repo.edit(`content/${path}`, change));
}

/** Edits a file of both copies' code alike. */
function editCode(path: string, change: (text: string) => string) {
	for (const project of [warm, cold]) {
		const file = join(project, path);
		writeFileSync(file, change(readFileSync(file, 'utf8')));
	}
}

// Each edit of the series, in order, and a page it changes, which the warm build must not keep.
const series: [string, () => void, string][] = [
	[
		'a title',
		() =>
			editContent('Rename the CFO persona', 'personas/cfo.mdx', (text) =>
				text.replace(/^title: .*$/m, 'title: Chief Financial Officer'),
			),
		'/personas/cfo/index.html',
	],
	[
		"an owner's name",
		() =>
			editContent('Mia took her new name', 'team/mia-marketer.yaml', (text) =>
				text.replace(/^name: .*$/m, 'name: Mia Marketer-Okafor'),
			),
		'/personas/cfo/index.html',
	],
	[
		'a new entry',
		() =>
			repo.commit('Add a checklist', {
				'content/library/close-checklist.mdx': repo
					.read('content/library/benchmark.mdx')
					.replace(/^title: .*$/m, 'title: Close checklist')
					.replace(/^url: .*$/m, 'url: https://example.com/checklist.pdf'),
			}),
		'/library/index.html',
	],
	[
		'a deleted entry',
		() => repo.commit('Retire the benchmark', { 'content/library/benchmark.mdx': null }),
		'/library/index.html',
	],
	[
		'a reference added',
		() =>
			editContent('The checklist is for controllers', 'library/close-checklist.mdx', (text) =>
				text.replace(/^personas: \[\]$/m, 'personas: [controller]'),
			),
		'/personas/controller/index.html',
	],
	[
		'a person who left',
		() => editContent('Cole left', 'team/cole-success.yaml', (text) => `${text}left: 2026-11-01\n`),
		'/team/cole-success/index.html',
	],
	[
		'a results month',
		() =>
			repo.commit('November results', {
				'content/results/2026-11.yaml': repo
					.read('content/results/2026-10.yaml')
					.replaceAll('2026-10', '2026-11')
					.replace('4.2', '5.1'),
			}),
		'/metrics/mql-to-won/index.html',
	],
];

/** How long one edit may take: two builds side by side, on a machine busy with the other tests. */
const EDIT_TIME_LIMIT_MS = 5 * 60_000;

// The tests run in order, each on the site the one before it left.
describe('a warm build is never stale', () => {
	test(
		'the first build builds every page',
		async () => {
			// Only the warm copy: with no earlier build, it is a cold build, and the cold copy loses
			// its cache before each of its builds anyway.
			const first = await build(warm, 'site');
			expect(first.code, first.output).toBe(0);
			expect(first.output).toContain('Building every page: there is no earlier build to reuse.');
			expect(kept(first.output)).toEqual([]);
		},
		EDIT_TIME_LIMIT_MS,
	);

	test.each(series)(
		'after %s, the warm build writes the same site as a cold build, keeping the pages the edit does not touch',
		async (edit, apply, changedPage) => {
			apply();
			const output = await buildBoth();
			expect(output, edit).toContain('Reusing the pages of the last build');
			const keptPages = kept(output);
			expect(keptPages.length, `${edit}: pages kept`).toBeGreaterThan(0);
			expect(keptPages.join('\n'), `${edit}: ${changedPage}`).not.toContain(` ${changedPage} `);
		},
		EDIT_TIME_LIMIT_MS,
	);

	test(
		'after a code change, every page is built again, the same as a cold build',
		async () => {
			editCode('src/components/EntryHistory.astro', (text) =>
				text.replace('<h2 id="history">History</h2>', '<h2 id="history">History of changes</h2>'),
			);
			const changed = await buildBoth();
			expect(changed).toContain(
				"Building every page: the site's code has changed since the last build.",
			);
			expect(kept(changed)).toEqual([]);
			expect(readFileSync(join(warm, 'site', 'personas', 'cfo', 'index.html'), 'utf8')).toContain(
				'History of changes',
			);
		},
		EDIT_TIME_LIMIT_MS,
	);
});
