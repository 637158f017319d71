/**
 * `npm run bench -- [--sizes 1000,5000,10000] [--build-up-to 5000] [--dev-at 1000] [--pr-at 1000]`
 *
 * Generates synthetic playbooks and builds each with this project (`npm run build`) and, in the
 * same run, with two baselines holding the same pages: a bare Starlight site (plain docs) and
 * the floor, bare Astro with `@astrojs/mdx` in one minimal layout with Pagefind run over it.
 * Times the checker; times `npm run dev` until a page answers and from saving a file to the page
 * showing it, against bare Starlight; weighs the pages, the search index and the pages' Markdown
 * copies; times warm builds after one definition edit (and holds the last against a cold build
 * of the same content) and a content pull request's checks as CI runs them; prints a table and
 * writes tests/bench/results.json. A build under a minute is timed three times (the median).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlaybook } from '../src/checks/index.ts';
import {
	generatePlaybook,
	writeBareDocs,
	writeFloorSite,
	writePlaybook,
} from './bench/generate.ts';
import {
	copiesWeight,
	editorWeight,
	differentFiles,
	folderBytes,
	pageWeight,
	runMeasured,
} from './bench/measure.ts';
import { firstQueryBytes } from './bench/search-weight.ts';
import { measureMcp } from './bench/mcp.ts';
import { median, startDev, updateTimes } from './bench/dev-loop.ts';
import { createPlaybook } from '../src/model/playbook.ts';
import { readContent } from '../src/checks/read/read-content.ts';
import { COLLECTION_NAMES } from '../src/schemas/index.ts';
import { astroCacheDir } from '../src/site/out-dir.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

// 1. Read the options.
const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,5000,10000' },
		'build-up-to': { type: 'string', default: '5000' },
		// The size at which `npm run dev` is timed.
		'dev-at': { type: 'string', default: '1000' },
		// The size at which a content pull request's checks are timed.
		'pr-at': { type: 'string', default: '1000' },
		out: { type: 'string', default: join(ROOT, 'tests', 'bench', 'results.json') },
		// Entry bodies as MDX (the default in the content contract) or plain Markdown.
		'body-format': { type: 'string', default: 'mdx' },
	},
});
const sizes = values.sizes
	.split(',')
	.map(Number)
	.filter((n) => n > 0);
const buildUpTo = Number(values['build-up-to']);
const devAt = Number(values['dev-at']);
const prAt = Number(values['pr-at']);
const extension = values['body-format'] === 'md' ? '.md' : '.mdx';
const work = mkdtempSync(join(tmpdir(), 'playbook-bench-'));

/**
 * A baseline project beside this one, sharing this project's packages through hard links: its
 * package.json, Astro config and any other files, by path.
 */
function baselineProject(
	name: string,
	dependencies: string[],
	files: Record<string, string>,
): string {
	const dir = join(work, name);
	mkdirSync(join(dir, 'src'), { recursive: true });
	execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
	rmSync(join(dir, 'node_modules', '.astro'), { recursive: true, force: true });
	const packageJson = {
		name,
		private: true,
		type: 'module',
		dependencies: Object.fromEntries(dependencies.map((dependency) => [dependency, '*'])),
	};
	writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
	for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
	return dir;
}

// 2. A bare Starlight project, with the pages as plain docs.
const bare = baselineProject('bare-starlight', ['astro', '@astrojs/starlight'], {
	'astro.config.mjs':
		"import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'https://bare.example', integrations: [starlight({ title: 'Bare Starlight' })] });\n",
	'src/content.config.ts':
		"import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
});

// 3. The floor: bare Astro and its MDX integration, nothing else.
const floor = baselineProject('floor', ['astro', '@astrojs/mdx'], {
	'astro.config.mjs':
		"import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://floor.example', integrations: [mdx()] });\n",
});

/** Runs a build; again twice more if it took under a minute; the median time, the highest peak. */
async function timedBuild(build: () => Promise<{ seconds: number; peakRssMb: number }>) {
	const first = await build();
	const runs = [first];
	if (first.seconds < 60) runs.push(await build(), await build());
	return {
		seconds: median(runs.map((run) => run.seconds)),
		peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
		times: runs.map((run) => round(run.seconds, 1)),
	};
}

/** Runs a command, or stops the benchmark with its output when it fails. */
async function mustRun(what: string, command: string, args: string[], cwd: string, env = {}) {
	const result = await runMeasured(command, args, {
		cwd,
		env: { ...process.env, NODE_ENV: 'production', ...env },
	});
	if (result.code !== 0) throw new Error(`${what} failed:\n${result.output.slice(-3000)}`);
	return result;
}

/** Edits one definition, differently each time: persona-1's summary. */
function editDefinition(content: string, edit: number) {
	const file = join(content, 'personas', `persona-1${extension}`);
	writeFileSync(
		file,
		readFileSync(file, 'utf8').replace(
			/^summary: (.*?)( \(edit \d+\))?$/m,
			`summary: $1 (edit ${edit})`,
		),
	);
}

/** The content pull request path, on a repository holding the generated playbook. */
async function contentPullRequest(generated: string, size: number) {
	const repo = join(work, `pr-${size}`);
	const git = (...args: string[]) =>
		execFileSync('git', args, {
			cwd: repo,
			encoding: 'utf8',
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 'Bench',
				GIT_AUTHOR_EMAIL: 'bench@example.com',
				GIT_COMMITTER_NAME: 'Bench',
				GIT_COMMITTER_EMAIL: 'bench@example.com',
			},
		}).trim();
	mkdirSync(repo, { recursive: true });
	cpSync(generated, join(repo, 'content'), { recursive: true });
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-q', '-m', 'The playbook');
	const base = git('rev-parse', 'HEAD');
	const content = join(repo, 'content');
	const site = join(work, `pr-site-${size}`);
	const cli = join(ROOT, 'src', 'cli', 'playbook.ts');
	const env = { PLAYBOOK_CONTENT: content, PLAYBOOK_OUT_DIR: site, PLAYBOOK_TODAY: '2026-11-24' };
	// main's last build, which CI keeps in its cache.
	rmSync(astroCacheDir(ROOT, content), { recursive: true, force: true });
	await mustRun('The build of main', NODE, [cli, 'build'], ROOT, env);
	editDefinition(content, 1);
	git('commit', '-q', '-am', 'Sharpen the first persona');
	const head = git('rev-parse', 'HEAD');

	// The install, from the npm cache, into a folder of its own.
	const install = join(work, 'install');
	mkdirSync(install, { recursive: true });
	for (const file of ['package.json', 'package-lock.json'])
		cpSync(join(ROOT, file), join(install, file));
	const installed = await runMeasured(
		'npm',
		['install', '--no-audit', '--no-fund', '--prefer-offline'],
		{ cwd: install },
	);
	if (installed.code !== 0)
		throw new Error(`npm install failed:\n${installed.output.slice(-3000)}`);
	rmSync(install, { recursive: true, force: true });

	const check = await mustRun('The check', NODE, [cli, 'check', '--content', content], ROOT);
	const build = await mustRun('The warm build', NODE, [cli, 'build'], ROOT, env);
	const diff = await mustRun('The diff', NODE, [cli, 'diff', base, head], repo);
	// Exit 1 (not yet approved) is an answer too: only the time is taken here.
	const approvals = await runMeasured(
		NODE,
		[cli, 'approvals', '--base', base, '--head', head, '--approved-by', 'person1,person2'],
		{ cwd: repo },
	);
	rmSync(site, { recursive: true, force: true });
	rmSync(repo, { recursive: true, force: true });
	const jobs = [check.seconds, build.seconds, diff.seconds, approvals.seconds];
	return {
		pr_install_s: round(installed.seconds, 1),
		pr_check_s: round(check.seconds, 1),
		pr_build_s: round(build.seconds, 1),
		pr_diff_s: round(diff.seconds, 1),
		pr_approvals_s: round(approvals.seconds, 1),
		content_pr_s: round(installed.seconds + Math.max(...jobs), 1),
		content_pr_serial_s: round(installed.seconds + jobs.reduce((a, b) => a + b, 0), 1),
	};
}

const runs = [];
try {
	for (const size of sizes) {
		console.error(`\n${size} entries`);
		// 4. Generate the playbook (and the same pages as docs for the baseline).
		const entries = generatePlaybook(size);
		const content = join(work, `content-${size}`);
		writePlaybook(entries, content, extension);

		// 5. Time the checker: the whole command, and its rules on a loaded playbook.
		const check = await runMeasured(
			NODE,
			[join(ROOT, 'src', 'cli', 'playbook.ts'), 'check', '--content', content],
			{ cwd: ROOT },
		);
		if (check.code !== 0)
			throw new Error(`the check failed on the generated playbook:\n${check.output}`);
		const { playbook } = readContent(content);
		const loaded = COLLECTION_NAMES.flatMap((name) => [...playbook.entries[name].values()]);
		const timings = Array.from({ length: 5 }, () => {
			// A fresh playbook each time, so no cache from the run before flatters the figure.
			const fresh = createPlaybook(loaded);
			const start = performance.now();
			checkPlaybook(fresh, { today: '2026-11-24' });
			return performance.now() - start;
		}).sort((a, b) => a - b);
		const run: Record<string, number | null> = {
			entries: size,
			build_s: null,
			bare_build_s: null,
			ratio: null,
			floor_build_s: null,
			floor_ratio: null,
			ms_per_page: null,
			peak_rss_mb: null,
			bare_peak_rss_mb: null,
			check_wall_ms: Math.round(check.seconds * 1000),
			rules_ms: round(timings[2]!, 1),
			pagefind_index_kb: null,
			pagefind_first_query_kb: null,
			page_html_gz_kb: null,
			page_js_gz_kb: null,
			page_css_gz_kb: null,
			markdown_copies_kb: null,
			markdown_copy_bytes_per_page: null,
			dev_ready_s: null,
			bare_dev_ready_s: null,
			dev_update_ms: null,
			bare_dev_update_ms: null,
		};
		console.error(`  check ${run.check_wall_ms} ms, rules ${run.rules_ms} ms`);

		// 5b. Time `npm run mcp`: its start, and the median answer of define and find_content.
		const mcp = await measureMcp(
			NODE,
			join(ROOT, 'src', 'cli', 'playbook.ts'),
			content,
			['mql', 'SQL', 'Term 7', 'term-12', 'disqualified'],
			['awareness', 'consideration', 'decision'].flatMap((stage) =>
				['persona-1', 'persona-2'].map((persona) => ({ stage, persona })),
			),
		);
		Object.assign(run, {
			mcp_start_ms: Math.round(mcp.startMs),
			mcp_define_ms: round(mcp.defineMs, 1),
			mcp_find_content_ms: round(mcp.findContentMs, 1),
		});
		console.error(
			`  npm run mcp: start ${run.mcp_start_ms} ms, define ${run.mcp_define_ms} ms, find_content ${run.mcp_find_content_ms} ms`,
		);

		if (size <= buildUpTo) {
			// 6. Build this project as `npm run build` does, then the two baselines, one after the
			// other on the same machine.
			const dist = join(work, `dist-${size}`);
			const buildOurs = (into = dist) =>
				mustRun(
					'The playbook build',
					NODE,
					[join(ROOT, 'src', 'cli', 'playbook.ts'), 'build'],
					ROOT,
					{
						PLAYBOOK_CONTENT: content,
						PLAYBOOK_OUT_DIR: into,
						PLAYBOOK_TODAY: '2026-11-24',
					},
				);
			// A cold build starts with no cache: no content Astro read before, no page kept.
			const coldBuild = (into = dist) => {
				rmSync(astroCacheDir(ROOT, content), { recursive: true, force: true });
				return buildOurs(into);
			};
			const ours = await timedBuild(() => coldBuild());
			console.error(
				`  playbook build ${round(ours.seconds, 1)} s (${ours.times.join(', ')}), ${Math.round(ours.peakRssMb)} MB`,
			);

			// 6b. Warm builds: one definition edited before each (a persona's summary, so its page,
			// the pages that list it and the call plans change), timed from the last build's cache.
			// The last warm site is then held against a cold build of the same content.
			const warmTimes: number[] = [];
			for (let edit = 1; edit <= (ours.seconds < 60 ? 3 : 1); edit++) {
				editDefinition(content, edit);
				warmTimes.push((await buildOurs()).seconds);
			}
			const coldDist = join(work, `dist-cold-${size}`);
			await coldBuild(coldDist);
			const stale = differentFiles(dist, coldDist);
			rmSync(coldDist, { recursive: true, force: true });
			Object.assign(run, {
				warm_build_s: round(median(warmTimes), 1),
				warm_ratio: round(median(warmTimes) / ours.seconds),
				warm_identical: stale.length === 0,
			});
			console.error(
				`  warm build after one definition edit ${run.warm_build_s} s (${warmTimes.map((t) => round(t, 1)).join(', ')}), ${run.warm_ratio}× the cold build; ${stale.length === 0 ? 'the same site as a cold build' : `differs from a cold build in ${stale.length} files: ${stale.slice(0, 5).join(', ')}`}`,
			);
			rmSync(join(bare, 'src', 'content'), { recursive: true, force: true });
			writeBareDocs(entries, join(bare, 'src', 'content', 'docs'), extension);
			const baseline = await timedBuild(() => {
				rmSync(join(bare, 'dist'), { recursive: true, force: true });
				rmSync(join(bare, 'node_modules', '.astro'), { recursive: true, force: true });
				return mustRun('The bare Starlight build', NODE, [ASTRO, 'build'], bare);
			});
			console.error(
				`  bare Starlight build ${round(baseline.seconds, 1)} s (${baseline.times.join(', ')}), ${Math.round(baseline.peakRssMb)} MB`,
			);
			rmSync(join(floor, 'src'), { recursive: true, force: true });
			writeFloorSite(entries, floor, extension);
			const floorBuild = await timedBuild(async () => {
				rmSync(join(floor, 'dist'), { recursive: true, force: true });
				rmSync(join(floor, 'node_modules', '.astro'), { recursive: true, force: true });
				const astro = await mustRun('The floor build', NODE, [ASTRO, 'build'], floor);
				const index = await mustRun(
					'Pagefind on the floor',
					NODE,
					[PAGEFIND, '--site', 'dist'],
					floor,
				);
				return {
					seconds: astro.seconds + index.seconds,
					peakRssMb: Math.max(astro.peakRssMb, index.peakRssMb),
				};
			});
			console.error(
				`  floor (Astro + MDX + Pagefind) ${round(floorBuild.seconds, 1)} s (${floorBuild.times.join(', ')})`,
			);

			// 7. Weigh a definition page and the search index, and what a first search downloads.
			const pages = entries.length; // one page per entry
			const weight = pageWeight(dist, 'library/item-1');
			const editor = editorWeight(dist);
			const copies = copiesWeight(dist);
			Object.assign(run, {
				build_s: round(ours.seconds, 1),
				bare_build_s: round(baseline.seconds, 1),
				ratio: round(ours.seconds / baseline.seconds),
				floor_build_s: round(floorBuild.seconds, 1),
				floor_ratio: round(ours.seconds / floorBuild.seconds),
				warm_floor_ratio: round(median(warmTimes) / floorBuild.seconds),
				ms_per_page: round((ours.seconds * 1000) / pages, 1),
				peak_rss_mb: Math.round(ours.peakRssMb),
				bare_peak_rss_mb: Math.round(baseline.peakRssMb),
				pagefind_index_kb: kb(
					folderBytes(
						join(dist, 'pagefind'),
						(path) => !/pagefind[-_](component-|modular-)?ui|highlight/.test(path),
					),
				),
				pagefind_first_query_kb: kb(
					await firstQueryBytes(dist, '/library/item-1/', 'reconciliation', (line) =>
						console.error(line),
					),
				),
				page_html_gz_kb: kb(weight.html),
				page_js_gz_kb: kb(weight.js),
				page_css_gz_kb: kb(weight.css),
				// The editor at /admin/, which only editors open, weighed apart from the site.
				site_kb: kb(editor.site),
				bare_site_kb: kb(folderBytes(join(bare, 'dist'))),
				admin_first_load_gz_kb: kb(editor.firstLoadGz),
				admin_files_kb: kb(editor.files),
				// The Markdown copies and llms.txt files, in all and per copied page.
				markdown_copies_kb: kb(copies.bytes),
				markdown_copy_bytes_per_page: Math.round(copies.bytes / Math.max(1, copies.copies)),
			});
			console.error(
				`  Markdown copies and llms.txt: ${run.markdown_copies_kb} kB for ${copies.copies} pages, ${run.markdown_copy_bytes_per_page} bytes a page`,
			);
			// The baseline's first query too, to tell Pagefind's own cost from ours (printed only).
			const bareQuery = await firstQueryBytes(
				join(bare, 'dist'),
				'/library/item-1/',
				'reconciliation',
			);
			console.error(
				`  first search: playbook ${run.pagefind_first_query_kb} kB, bare Starlight ${kb(bareQuery)} kB`,
			);
			rmSync(dist, { recursive: true, force: true });
		}

		if (size === prAt) {
			// 8a. A content pull request, as CI judges it (.github/workflows): each job installs from
			// the npm cache, then checks the content, builds warm from main's last build, describes the
			// change and judges its approvals. The jobs run side by side, so the path takes the
			// install and the longest of them.
			Object.assign(run, await contentPullRequest(content, size));
			console.error(
				`  content pull request: install ${run.pr_install_s} s, check ${run.pr_check_s} s, warm build ${run.pr_build_s} s, diff ${run.pr_diff_s} s, approvals ${run.pr_approvals_s} s: ${run.content_pr_s} s side by side`,
			);
		}

		if (size === devAt) {
			// 8. The editing loop: `npm run dev` until the page answers (three starts), then five
			// saves of the entry's file until the open page shows them; bare Starlight the same.
			const page = '/library/item-1/';
			const devLoop = async (cwd: string, env: NodeJS.ProcessEnv, file: string) => {
				const ready: number[] = [];
				for (let start = 1; start <= 3; start++) {
					const server = await startDev(NODE, ASTRO, { cwd, env, pagePath: page });
					ready.push(server.readySeconds);
					if (start < 3) await server.stop();
					else
						try {
							return {
								ready: median(ready),
								update: median(await updateTimes(server, page, file)),
							};
						} finally {
							await server.stop();
						}
				}
				throw new Error('unreachable');
			};
			if (size > buildUpTo) {
				rmSync(join(bare, 'src', 'content'), { recursive: true, force: true });
				writeBareDocs(entries, join(bare, 'src', 'content', 'docs'), extension);
			}
			const oursDev = await devLoop(
				ROOT,
				{ ...process.env, PLAYBOOK_CONTENT: content, PLAYBOOK_TODAY: '2026-11-24' },
				join(content, 'library', `item-1${extension}`),
			);
			const bareDev = await devLoop(
				bare,
				process.env,
				join(bare, 'src', 'content', 'docs', 'library', `item-1${extension}`),
			);
			Object.assign(run, {
				dev_ready_s: round(oursDev.ready, 1),
				bare_dev_ready_s: round(bareDev.ready, 1),
				dev_update_ms: Math.round(oursDev.update),
				bare_dev_update_ms: Math.round(bareDev.update),
			});
			console.error(
				`  npm run dev ready ${run.dev_ready_s} s (bare ${run.bare_dev_ready_s} s); save to page ${run.dev_update_ms} ms (bare ${run.bare_dev_update_ms} ms)`,
			);
		}
		runs.push(run);
		rmSync(content, { recursive: true, force: true });
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

// 9. Print the table and write the results.
const columns = Object.keys(runs[0] ?? {});
console.log(`| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
for (const run of runs) console.log(`| ${columns.map((c) => run[c] ?? '–').join(' | ')} |`);
mkdirSync(resolve(values.out, '..'), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ runs }, null, 2)}\n`);
console.error(`\nWrote ${values.out}`);
