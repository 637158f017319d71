/**
 * `npm run bench -- [--sizes 1000,5000,10000] [--build-up-to 5000]`
 *
 * Generates synthetic playbooks, builds each with this project and, in the same run, a bare
 * Starlight site with the same pages as plain docs; times the checker; weighs the pages and the
 * search index; prints a table and writes tests/bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlaybook } from '../src/checks/index.ts';
import { generatePlaybook, writeBareDocs, writePlaybook } from './bench/generate.ts';
import { editorWeight, folderBytes, pageWeight, runMeasured } from './bench/measure.ts';
import { firstQueryBytes } from './bench/search-weight.ts';
import { createPlaybook } from '../src/model/playbook.ts';
import { readContent } from '../src/checks/read-content.ts';
import { COLLECTION_NAMES } from '../src/schemas/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

// 1. Read the options.
const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,5000,10000' },
		'build-up-to': { type: 'string', default: '5000' },
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
const extension = values['body-format'] === 'md' ? '.md' : '.mdx';
const work = mkdtempSync(join(tmpdir(), 'playbook-bench-'));

// 2. A bare Starlight project beside it, sharing this project's packages through hard links.
const bare = join(work, 'bare');
mkdirSync(join(bare, 'src'), { recursive: true });
execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(bare, 'node_modules')]);
rmSync(join(bare, 'node_modules', '.astro'), { recursive: true, force: true });
writeFileSync(
	join(bare, 'package.json'),
	JSON.stringify({
		name: 'bare-starlight',
		private: true,
		type: 'module',
		dependencies: { astro: '*', '@astrojs/starlight': '*' },
	}),
);
writeFileSync(
	join(bare, 'astro.config.mjs'),
	"import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'https://bare.example', integrations: [starlight({ title: 'Bare Starlight' })] });\n",
);
writeFileSync(
	join(bare, 'src', 'content.config.ts'),
	"import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
);

const runs = [];
try {
	for (const size of sizes) {
		console.error(`\n${size} entries`);
		// 3. Generate the playbook (and the same pages as docs for the baseline).
		const entries = generatePlaybook(size);
		const content = join(work, `content-${size}`);
		writePlaybook(entries, content, extension);

		// 4. Time the checker: the whole command, and its rules on a loaded playbook.
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
		};
		console.error(`  check ${run.check_wall_ms} ms, rules ${run.rules_ms} ms`);

		if (size <= buildUpTo) {
			// 5. Build this project, then the bare baseline, one after the other on the same machine.
			const dist = join(work, `dist-${size}`);
			const ours = await runMeasured(NODE, [ASTRO, 'build'], {
				cwd: ROOT,
				env: {
					...process.env,
					NODE_ENV: 'production',
					PLAYBOOK_CONTENT: content,
					PLAYBOOK_OUT_DIR: dist,
					PLAYBOOK_TODAY: '2026-11-24',
				},
			});
			if (ours.code !== 0)
				throw new Error(`the playbook build failed:\n${ours.output.slice(-3000)}`);
			console.error(
				`  playbook build ${round(ours.seconds, 1)} s, ${Math.round(ours.peakRssMb)} MB`,
			);
			rmSync(join(bare, 'src', 'content'), { recursive: true, force: true });
			writeBareDocs(entries, join(bare, 'src', 'content', 'docs'), extension);
			rmSync(join(bare, 'dist'), { recursive: true, force: true });
			rmSync(join(bare, 'node_modules', '.astro'), { recursive: true, force: true });
			const baseline = await runMeasured(NODE, [ASTRO, 'build'], {
				cwd: bare,
				env: { ...process.env, NODE_ENV: 'production' },
			});
			if (baseline.code !== 0)
				throw new Error(`the bare Starlight build failed:\n${baseline.output.slice(-3000)}`);
			console.error(
				`  bare Starlight build ${round(baseline.seconds, 1)} s, ${Math.round(baseline.peakRssMb)} MB`,
			);

			// 6. Weigh a definition page and the search index, and what a first search downloads.
			const pages = entries.length; // one page per entry
			const weight = pageWeight(dist, 'library/item-1');
			const editor = editorWeight(dist);
			Object.assign(run, {
				build_s: round(ours.seconds, 1),
				bare_build_s: round(baseline.seconds, 1),
				ratio: round(ours.seconds / baseline.seconds),
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
				admin_first_load_gz_kb: kb(editor.firstLoadGz),
				admin_files_kb: kb(editor.files),
			});
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
		runs.push(run);
		rmSync(content, { recursive: true, force: true });
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

// 7. Print the table and write the results.
const columns = Object.keys(runs[0] ?? {});
console.log(`| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
for (const run of runs)
	console.log(`| ${columns.map((c) => (run[c] === null ? '–' : run[c])).join(' | ')} |`);
mkdirSync(resolve(values.out, '..'), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ runs }, null, 2)}\n`);
console.error(`\nWrote ${values.out}`);
