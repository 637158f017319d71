import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { TestRepo } from '../support/git-repo.ts';
import { MINIMAL, playbookWith, useBuildTurn } from '../support/helpers.ts';
import { buildInBackground, buildSite, ROOT } from '../support/sites.ts';
import { DEFINITION_COLLECTIONS, PAGE_COLLECTIONS } from '../../src/schemas/index.ts';
import { indexSite, searchableGlob } from '../../src/site/search-index.ts';

const out = mkdtempSync(join(tmpdir(), 'playbook-site-'));
const site = inject('sites').minimal;
/** A built page of the minimal fixture site, as HTML. */
const page = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
/** HTML as the text a reader sees, spaces collapsed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/**
 * A build's result, made on first use and shared by the tests that read it: each site build
 * waits its turn behind every other, so one build serves every test that can read the same site.
 */
function once<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}

/** A persona body that uses Starlight's components and an image kept beside the entry. */
const COMPONENTS_BODY = [
	"import { Aside, FileTree, Steps } from '@astrojs/starlight/components';",
	'<Aside type="tip">Ask about the close.</Aside>',
	'<Steps>\n{/* The checker and Starlight both pass over comments. */}\n1. Qualify.\n2. Book.\n</Steps>',
	'<Steps>\n<ol><li>Send the deck.</li></ol>\n</Steps>',
	'<FileTree>\n<ul><li>deck.pdf</li></ul>\n</FileTree>',
	'![A chart](./chart.svg)',
].join('\n\n');
const CHART_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';

/** Plain `astro build` of the minimal playbook, with the editor left out. */
const astroOnlyOut = join(out, 'astro-only');
const astroOnlyBuild = once(() =>
	buildSite(
		MINIMAL,
		astroOnlyOut,
		{ PLAYBOOK_REPO: 'ledgerline/playbook', PLAYBOOK_EDITOR: 'off' },
		{ astroOnly: true },
	),
);
afterAll(() => rmSync(out, { recursive: true, force: true }));
// Its builds are many and some watch the project's build lock: one file builds at a time.
useBuildTurn();

describe('the site built from a fixture playbook', () => {
	test('a definition page shows owners with both departments, status, review dates and fields', () => {
		const html = page('lead-stages/mql');
		const body = text(html);
		expect(body).toContain('Marketing Qualified Lead');
		expect(body).toContain('A lead that fits and has shown intent.');
		expect(body).toMatch(/Sam Seller\s*Sales/);
		expect(body).toMatch(/Mia Marketer\s*Marketing/);
		expect(body).toContain('Approved');
		expect(body).toContain('October 1, 2026');
		expect(body).toContain('April 1, 2027'); // next review, six months on
		expect(body).toContain('Lead score of 100 or more');
		expect(body).toContain('100 or more'); // threshold
		expect(body).toMatch(/Next stages\s*Won\s*,\s*Disqualified/);
		expect(body).toContain('No budget');
		expect(body).toContain('Scored by fit and behaviour.'); // the MDX body
		expect(html).toContain('href="/slas/mql-follow-up/"'); // the SLAs that govern it
		expect(html).toContain('href="/team/sam-seller/"');
	});

	test('what refers to an entry: a persona lists its content by buyer stage', () => {
		const body = text(page('personas/controller'));
		expect(body).toMatch(/Awareness\s*Close benchmark/); // serves every persona
		expect(body).toMatch(/Decision\s*ROI case study/);
		expect(body).toContain('I spend two days finding out what is not done.');
		expect(body).toContain('We already have a checklist.');
		const cfo = text(page('personas/cfo'));
		expect(cfo).toMatch(/Decision\s*ROI case study/);
	});

	test('an SLA shows its commitments as a table; a person lists what they own', () => {
		const sla = page('slas/mql-follow-up');
		expect(sla).toMatch(
			/<table[^>]*>[\s\S]*First contact attempt on a new MQL[\s\S]*2 business hours/,
		);
		expect(text(page('team/rae-ops'))).toContain('Owns no definitions.');
		expect(text(page('team/mia-marketer'))).toMatch(/Lead stages.*Marketing Qualified Lead/);
	});

	test('every collection has an index, and the home page sends each role somewhere', () => {
		for (const collection of PAGE_COLLECTIONS) {
			expect(existsSync(join(site, collection, 'index.html'))).toBe(true);
		}
		const home = text(page(''));
		expect(home).toContain('Where to start in your role');
		// With onboarding tracks, each role is sent to its track.
		expect(home).toMatch(/SDR onboarding\s*: 3 steps, about 20 min/);
	});

	test('content pages ship no script of ours and nothing from frontmatter as raw HTML', () => {
		const html = page('library/benchmark');
		expect(html).toContain('href="https://example.com/benchmark.pdf"');
		const scripts = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]);
		expect(scripts.every((src) => src?.includes('/_astro/'))).toBe(true);
	});
});

describe('the search index', () => {
	test('a folder with no pages is refused with Pagefind’s own reason, in one line', async () => {
		const empty = join(out, 'no-pages');
		mkdirSync(empty);
		await expect(indexSite(empty)).rejects.toThrow(
			/^Pagefind: Pagefind was not able to build an index\.$/,
		);
	});

	test('npm run build indexes the site once, after Astro, with the box and the filters-free view', () => {
		// The shared minimal site is npm run build of the fixture; its output is kept beside it.
		const outDir = site;
		const output = readFileSync(`${site}.log`, 'utf8');
		expect(output).toContain(`The site is in ${outDir}.`);
		// Starlight's own indexing inside Astro stays off; the command's runs once Astro has exited.
		expect(output).not.toContain('[starlight:pagefind]');
		expect(output).not.toContain('[playbook-search-index]');
		expect(output).toMatch(/Search index: \d+ pages in [\d.]+ s\./);
		expect(output.indexOf('Search index:')).toBeGreaterThan(output.indexOf('page(s) built'));
		expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
		expect(readdirSync(join(outDir, 'pagefind', 'filter')).length).toBeGreaterThan(0);
		// The search box reads the index through a view without filters (Find content has them).
		expect(readFileSync(join(outDir, 'search', 'pagefind.js'), 'utf8')).toContain(
			"export * from '../pagefind/pagefind.js';",
		);
		const home = readFileSync(join(outDir, 'index.html'), 'utf8');
		expect(home).toContain('<site-search');
		expect(home).toContain('data-pagefind-body');
	});

	test('Pagefind reads only the parts of the site that hold pages marked for search', () => {
		const built = join(out, 'parts');
		const write = (path: string, html: string) => {
			mkdirSync(join(built, path, '..'), { recursive: true });
			writeFileSync(join(built, path), html);
		};
		const marked = '<main data-pagefind-body><h1>Marked</h1></main>';
		write('index.html', marked);
		write('404.html', '<main>Not found</main>');
		write('library/index.html', '<main>A list page that is not searched</main>');
		write('library/item/index.html', marked);
		write('prep/persona/stage/index.html', '<main>A call plan, left out of search</main>');
		write('_astro/style.css', 'main{}');
		expect(searchableGlob(built)).toBe('{index.html,library/**/*.html}');
		// With no page marked, Pagefind indexes every page whole, so it reads them all.
		rmSync(built, { recursive: true });
		write('index.html', '<main>Home</main>');
		expect(searchableGlob(built)).toBe('**/*.{html}');
	});

	test('on the built site, Pagefind reads every folder with a marked page and no call plan', () => {
		const html = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((name) =>
			name.endsWith('.html'),
		);
		const marked = html.filter((name) =>
			readFileSync(join(site, name), 'utf8').includes('data-pagefind-body'),
		);
		expect(marked.some((name) => name.startsWith('prep/'))).toBe(false);
		const glob = searchableGlob(site);
		expect(glob).not.toContain('prep');
		expect(glob).not.toContain('coverage');
		const folders = new Set(
			marked.map((name) => (name.includes('/') ? `${name.split('/')[0]}/**/*.html` : name)),
		);
		expect(glob).toBe(`{${[...folders].sort().join(',')}}`);
	});

	test('plain astro build still indexes the whole site, inside Astro', () => {
		const { code, output } = astroOnlyBuild();
		expect(code).toBe(0);
		expect(output).toMatch(/\[playbook-search-index\] Search index: \d+ pages/);
		expect(existsSync(join(astroOnlyOut, 'pagefind', 'pagefind.js'))).toBe(true);
	});
});

describe('a site built with PLAYBOOK_EDITOR=off', () => {
	test('has no /admin/ and no page links to it', () => {
		expect(astroOnlyBuild().code).toBe(0);
		expect(existsSync(join(astroOnlyOut, 'admin'))).toBe(false);
		const pages = readdirSync(astroOnlyOut, { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('.html'),
		);
		expect(pages.length).toBeGreaterThan(10);
		for (const file of pages)
			expect(readFileSync(join(astroOnlyOut, file), 'utf8'), file).not.toContain('/admin/');
	});
});

describe('a build of a broken playbook', () => {
	test('fails with the checker lines, exit 1, no stack trace and no site', () => {
		const root = playbookWith('missing-marketing-owner');
		const outDir = join(out, 'broken');
		// A site from an earlier build must not survive to be served as if it were current.
		mkdirSync(outDir);
		writeFileSync(join(outDir, 'index.html'), '<p>stale</p>');
		const { code, output } = buildSite(join(root, 'content'), outDir);
		expect(code).toBe(1);
		expect(output).toContain(
			`${join(root, 'content', 'lead-stages', 'mql.mdx')}  owners  needs an owner from marketing; has sam-seller (sales). Add a marketing owner from content/team.`,
		);
		expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(existsSync(outDir)).toBe(false);
		// The checker's lines are all there is: Astro, and its start-up warnings, never start.
		expect(output.trim().split('\n')).toEqual([
			`${join(root, 'content', 'lead-stages', 'mql.mdx')}  owners  needs an owner from marketing; has sam-seller (sales). Add a marketing owner from content/team.`,
			expect.stringMatching(
				/^Playbook has problems: 1 error, 0 warnings in \d+ files\. Nothing was built/,
			),
		]);
	});
});

/** The ids of a process's own child processes. */
const childrenOf = (pid: number) =>
	execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map(Number);

describe('a build stopped before it finishes', () => {
	test('by Ctrl-C or a time limit while Astro builds, it stops Astro too and leaves no site', async () => {
		const outDir = join(out, 'stopped');
		const { build, output, says, exited } = buildInBackground(MINIMAL, outDir);
		await says('[build]');
		const astro = childrenOf(build.pid!);
		expect(astro).toHaveLength(1);
		build.kill('SIGTERM');
		expect(await exited).toBe(1);
		expect(output()).toContain(
			`The build was stopped before it finished, so ${outDir} was removed.`,
		);
		expect(output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(() => process.kill(astro[0]!, 0)).toThrow(/ESRCH/);
		expect(existsSync(outDir)).toBe(false);
	});

	test('while Pagefind indexes, it stops the indexer too, however long it would have taken', async () => {
		const outDir = join(out, 'stopped-indexing');
		const pidFile = join(out, 'indexer.pid');
		const indexer = join(out, 'slow-indexer.sh');
		writeFileSync(indexer, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`, { mode: 0o755 });
		const { build, output, says, exited } = buildInBackground(MINIMAL, outDir, {
			PAGEFIND_EXTENDED_BINARY_PATH: indexer,
		});
		await says('Building the search index');
		await expect.poll(() => existsSync(pidFile)).toBe(true);
		const pid = Number(readFileSync(pidFile, 'utf8'));
		build.kill('SIGTERM');
		expect(await exited).toBe(1);
		expect(output()).toContain(
			`The build was stopped before it finished, so ${outDir} was removed.`,
		);
		await expect.poll(() => isRunning(pid), { timeout: 10_000 }).toBe(false);
		expect(existsSync(outDir)).toBe(false);
	});
});

/** True while a process runs (one that has ended but is not yet reaped does not count). */
function isRunning(pid: number): boolean {
	const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
	return state.status === 0 && !state.stdout.trim().startsWith('Z');
}

describe('a build whose search index cannot be made', () => {
	test('says why in one line, without Pagefind’s stack trace, and leaves no site', () => {
		const outDir = join(out, 'no-index');
		const indexer = join(out, 'stopping-indexer.sh');
		writeFileSync(indexer, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
		const { code, output } = buildSite(MINIMAL, outDir, {
			PAGEFIND_EXTENDED_BINARY_PATH: indexer,
		});
		expect(code).toBe(1);
		expect(output).toMatch(
			new RegExp(
				`^The search index could not be built \\(Pagefind stopped before it finished: .+\\), so ${outDir} was removed\\. Build again; if it fails the same way, reinstall with npm install\\.$`,
				'm',
			),
		);
		expect(output).not.toContain('Service stopped');
		expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(existsSync(outDir)).toBe(false);
	});
});

/** A folder on another disk than the project's, where the machine has one (a memory disk). */
const otherDisk = ['/dev/shm'].find(
	(folder) => existsSync(folder) && statSync(folder).dev !== statSync(ROOT).dev,
);

describe('a build of a playbook with a broken link in a body', () => {
	test('fails, naming the file, the line and the link, and leaves no site', () => {
		const root = playbookWith();
		const guide = join(root, 'content', 'guides', 'start-here.md');
		writeFileSync(
			guide,
			`${readFileSync(guide, 'utf8')}\nRead [the CTO persona](/personas/cto/) first.\n`,
		);
		const outDir = join(out, 'broken-link');
		const { code, output } = buildSite(join(root, 'content'), outDir);
		expect(code).toBe(1);
		expect(output).toMatch(
			new RegExp(
				`${guide.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  body  line \\d+: links to /personas/cto/, which is not a page of this playbook\\.`,
			),
		);
		expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(existsSync(outDir)).toBe(false);
	});
});

describe('a public playbook, built onto another disk and built again after a rename', () => {
	// Onto a memory disk where the machine has one; in the temp folder otherwise.
	const folder = mkdtempSync(join(otherDisk ?? tmpdir(), 'playbook-site-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const root = playbookWith();
	const outDir = join(folder, 'site');
	const build = () => buildSite(join(root, 'content'), outDir, { PLAYBOOK_PUBLIC: 'true' });
	const first = once(build);

	test('with PLAYBOOK_PUBLIC=true no page but the editor asks search engines to stay away', () => {
		expect(first().code, first().output).toBe(0);
		const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.html'),
		);
		expect(pages.length).toBeGreaterThan(10);
		// The editor is for the team, never for search engines, public playbook or not.
		const editor = join('admin', 'index.html');
		expect(readFileSync(join(outDir, editor), 'utf8')).toContain('noindex, nofollow');
		for (const file of pages.filter((page) => page !== editor))
			expect(readFileSync(join(outDir, file), 'utf8')).not.toContain('name="robots"');
		expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
	});

	test.skipIf(!otherDisk)(
		'on another disk it builds there whole, search included, and leaves nothing behind in the project',
		() => {
			const { code, output } = first();
			expect(output).not.toMatch(/EXDEV|\n\s+at .+:\d+:\d+/);
			expect(code).toBe(0);
			expect(output).toContain(`The site is in ${outDir}.`);
			expect(existsSync(join(outDir, 'lead-stages', 'mql', 'index.html'))).toBe(true);
			expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
			expect(existsSync(join(ROOT, 'node_modules', '.playbook', 'site'))).toBe(false);
		},
	);

	test('an entry an editor moved from .mdx to .md builds again, and its page is still there', () => {
		expect(first().code).toBe(0);
		const from = join(root, 'content', 'lead-stages', 'mql.mdx');
		writeFileSync(from.replace(/\.mdx$/, '.md'), readFileSync(from));
		rmSync(from);
		const again = build();
		expect(again.output).not.toContain('failed to resolve');
		expect(again.code).toBe(0);
		expect(readFileSync(join(outDir, 'lead-stages', 'mql', 'index.html'), 'utf8')).toContain(
			'Scored by fit and behaviour.',
		);
	});
});

describe('pages for approvals and revenue operations', () => {
	test('/playbook.json exports every definition with owners, URL and the contract as JSON Schema', () => {
		const data = JSON.parse(readFileSync(join(site, 'playbook.json'), 'utf8'));
		const mql = data.definitions['lead-stages'].find((d: { id: string }) => d.id === 'mql');
		expect(mql).toMatchObject({
			id: 'mql',
			url: 'https://playbook.example/lead-stages/mql/',
			score_threshold: 100,
			next: ['won', 'disqualified'],
			owners: [
				{ id: 'sam-seller', name: 'Sam Seller', department: 'sales' },
				{ id: 'mia-marketer', name: 'Mia Marketer', department: 'marketing' },
			],
			next_review: '2027-04-01',
		});
		expect(Object.keys(data.definitions)).toEqual(DEFINITION_COLLECTIONS);
		expect(data.contract.slas.properties.commitments.minItems).toBe(1);
		expect(data.contract['lead-stages'].additionalProperties).toBe(false);
		expect(data.team.map((p: { id: string }) => p.id)).toContain('rae-ops');
	});
	test('/review/ and /changes/ exist, and definition pages carry their history', () => {
		expect(readFileSync(join(site, 'review', 'index.html'), 'utf8')).toContain(
			'Nothing is due in the next 30 days.',
		);
		expect(existsSync(join(site, 'changes', 'index.html'))).toBe(true);
		expect(readFileSync(join(site, 'lead-stages', 'mql', 'index.html'), 'utf8')).toContain(
			'id="history"',
		);
	});
});

describe('onboarding, glossary, diagram, coverage and the meeting, as built pages', () => {
	test('the lifecycle diagram is an SVG with a text alternative listing the same transitions', () => {
		for (const path of ['lead-stages', '']) {
			const html = page(path);
			expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-label="Diagram of the lead lifecycle/);
			expect(html).toMatch(/<rect[^>]*class="pb-node"/);
			const alternative = text(html.slice(html.indexOf('Transitions, as text')));
			expect(alternative).toContain('New lead → Marketing Qualified Lead (MQL)');
			expect(alternative).toContain(
				'Marketing Qualified Lead (MQL) → Won , governed by MQL follow-up',
			);
			expect(alternative).toContain('Won ends the lifecycle.');
		}
	});

	test('the coverage matrix has a row per persona and a cell per stage', () => {
		const html = page('coverage');
		expect(text(html)).toContain('Every persona has content at every buyer stage.');
		const rows = [...html.matchAll(/<tr>\s*<th scope="row">([\s\S]*?)<\/tr>/g)].map((m) =>
			text(m[1]!).trim(),
		);
		expect(rows).toEqual(['CFO 1 item 1 item', 'Controller 1 item 1 item']);
		expect(text(html)).toMatch(/Items by persona[\s\S]*Close benchmark[\s\S]*ROI case study/);
	});

	test('the glossary lists terms and lead-stage abbreviations; a track shows its steps and time', () => {
		const glossary = text(page('glossary'));
		expect(glossary).toContain('Lead score');
		expect(glossary).toMatch(/Marketing Qualified Lead \( MQL \) · lead stage/);
		const track = text(page('tracks/sdr'));
		expect(track).toContain('3 steps, about 20 min of reading in all');
		expect(track).toMatch(/Start here \(Guide, 5 min\) How the playbook works\./);
	});

	test('the meeting page holds metrics, SLA commitments, changes and reviews', () => {
		const meeting = text(page('meeting'));
		expect(meeting).toMatch(/MQL to won\s*at least 5 percent per quarter\s*CRM funnel report/);
		expect(meeting).toContain('First contact attempt on a new MQL');
		expect(meeting).toContain('Definitions changed since October 1, 2026');
		expect(meeting).toContain('Due for review');
	});
});

describe('a page that fails to render', () => {
	const cfo = (root: string) => join(root, 'content', 'personas', 'cfo.mdx');
	test('stops the build and leaves no site behind', () => {
		const root = playbookWith();
		// The checker passes this; Starlight's <Code> throws when the page renders.
		writeFileSync(
			cfo(root),
			`${readFileSync(cfo(root), 'utf8')}\nimport { Code } from '@astrojs/starlight/components';\n\n<Code />\n`,
		);
		const outDir = join(out, 'render-failure');
		const { code, output } = buildSite(join(root, 'content'), outDir);
		expect(code).toBe(1);
		expect(output).toContain('Failed to render a `<Code>` component');
		expect(output).toContain(`The site was not built: ${outDir}`);
		expect(existsSync(outDir)).toBe(false);
	});
});

/**
 * One site from a repository with a history, read by every test that needs a playbook other than
 * the shared test sites: code and content share commits, the MQL threshold moved, bodies use
 * Starlight components and an image, and there are no monthly results.
 */
describe('a playbook with a history of changes, components in its bodies and no monthly results', () => {
	const historySite = once(() => {
		const repo = new TestRepo();
		const term = repo.read('content/glossary/lead-score.mdx');
		const terms = Object.fromEntries(
			Array.from({ length: 10 }, (_, i) => [
				`content/glossary/term-${i + 1}.mdx`,
				term.replace('title: Lead score', `title: Term ${i + 1}`),
			]),
		);
		repo.commit(
			'Refactor the site styles; add ten glossary terms',
			{ ...terms, 'styles.css': 'body {}' },
			'2026-11-02T10:00:00Z',
		);
		repo.commit(
			'Raise the MQL bar and tighten follow-up',
			{
				'content/lead-stages/mql.mdx': repo
					.read('content/lead-stages/mql.mdx')
					.replace('score_threshold: 100', 'score_threshold: 120'),
				'content/slas/mql-follow-up.mdx': repo
					.read('content/slas/mql-follow-up.mdx')
					.replace(
						'summary: Sales calls every MQL within two business hours.',
						'summary: Sales calls every MQL within one business hour.',
					)
					.replace('reviewed: 2026-10-01', 'reviewed: 2026-11-01')
					.replace('to: marketing', 'to: revenue-operations')
					.replace('First contact attempt', 'First call')
					.replace('target: 2', 'target: 1')
					.replace('unit: business hours', 'unit: business hour')
					.replace('period: per lead', 'period: per new lead')
					.replace('CRM SLA dashboard', 'CRM SLA report')
					.replace('go to the SDR manager', 'go to the sales manager'),
			},
			'2026-11-03T10:00:00Z',
		);
		for (let day = 4; day <= 15; day++)
			repo.commit(
				`Fix a typo (${day})`,
				{
					'content/glossary/lead-score.mdx': repo
						.read('content/glossary/lead-score.mdx')
						.replace(
							/Points for fit and behaviour\.( \d+)?/,
							`Points for fit and behaviour. ${day}`,
						),
				},
				`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`,
			);
		// Not yet committed, as a local build sees them: bodies with Starlight components and an
		// image beside the entry, and no monthly results.
		const cfo = join(repo.root, 'content', 'personas', 'cfo.mdx');
		writeFileSync(join(repo.root, 'content', 'personas', 'chart.svg'), CHART_SVG);
		writeFileSync(cfo, `${readFileSync(cfo, 'utf8')}\n${COMPONENTS_BODY}\n`);
		rmSync(join(repo.root, 'content', 'results'), { recursive: true });
		const outDir = join(out, 'history-site');
		const { code, output } = buildSite(join(repo.root, 'content'), outDir);
		return { code, output, outDir };
	});
	const read = (path: string) =>
		readFileSync(join(historySite().outDir, path, 'index.html'), 'utf8');

	test('it builds', () => {
		expect(historySite().code, historySite().output).toBe(0);
	});

	test('bodies use Starlight components and images, from a content folder outside the project', () => {
		const html = read('personas/cfo');
		expect(html).toContain('Ask about the close.');
		expect(html.match(/<ol[^>]*sl-steps/g)).toHaveLength(2);
		expect(html).toContain('deck.pdf');
		expect(html).toMatch(/<img [^>]*alt="A chart"/);
	});

	/** The threshold question on the SDR track of a built site: its choices and its answer. */
	const thresholdQuestion = (siteDir: string) => {
		const html = readFileSync(join(siteDir, 'tracks', 'sdr', 'index.html'), 'utf8');
		const fieldset = /<fieldset[^>]*data-question="threshold"[^>]*>([\s\S]*?)<\/fieldset>/.exec(
			html.slice(html.indexOf('data-step="lead-stages/mql"')),
		)![1]!;
		return {
			text: text(fieldset),
			right: /data-right[^>]*>\s*([^<]+?)\s*<\/label>/.exec(fieldset)![1],
			answer: /<summary>Show the answer<\/summary>\s*<p><strong>([^<]+)<\/strong>/.exec(
				fieldset,
			)![1],
		};
	};

	test('knowledge checks follow the definitions: after the MQL threshold moves from 100 to 120, 120 is the answer and 100 is gone', () => {
		const before = thresholdQuestion(site);
		expect([before.right, before.answer]).toEqual(['100 points', '100 points']);
		const after = thresholdQuestion(historySite().outDir);
		expect([after.right, after.answer]).toEqual(['120 points', '120 points']);
		expect(after.text).not.toContain('100');
	});

	test('without monthly results the meeting keeps its agenda, with no results section and no chart', () => {
		const html = read('meeting');
		expect(html).not.toContain('id="last-month"');
		expect(html).not.toContain('data-chart=');
		expect(html).toContain('Shared metrics and targets');
		expect(text(read('metrics/mql-to-won'))).toContain('No results recorded yet.');
	});

	test('change pages a leader can read: one entry per commit with each definition’s fields old → new, long lists cut short', () => {
		const changes = text(read('changes'));
		expect(changes.match(/Refactor the site styles/g)).toHaveLength(1);
		expect(changes).toContain('November 2, 2026 · Ada Author');
		expect(read('changes')).toMatch(
			/<details><summary>2 more definitions in this change<\/summary>/,
		);
		expect(changes).toContain(
			'Changed lead stage Marketing Qualified Lead Lead score threshold: 100 → 120',
		);
		expect(changes).toContain('Commitments › item 1 › target: 2 → 1');
		expect(changes).toContain('and 3 more fields');
		expect(changes).toContain('Reviewed: October 1, 2026 → November 1, 2026');
		expect(changes).toContain('To: Marketing → Revenue operations');
		expect(changes).toContain('Changed SLA MQL follow-up');
		expect(changes).not.toContain('score_threshold');

		const history = read('glossary/lead-score');
		const start = history.indexOf('id="history"');
		const shown = history.slice(start, history.indexOf('<details>', start));
		expect(shown.match(/class="pb-change-head"/g)).toHaveLength(10);
		expect(text(history)).toContain('Show 3 older changes');
		expect(text(history)).toContain(
			'Summary: Points for fit and behaviour. 14 → Points for fit and behaviour. 15',
		);

		const meeting = read('meeting');
		const agenda = meeting.slice(meeting.indexOf('id="changed"'), meeting.indexOf('id="due"'));
		expect(agenda.match(/class="pb-change-head"/g)).toHaveLength(10);
		expect(text(agenda)).toContain('See all 15 changes');
		expect(agenda).toContain('href="/changes/"');
	});
});
