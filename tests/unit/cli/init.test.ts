import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentFingerprint } from '../../../src/cli/init/fingerprint.ts';
import { LIFECYCLE_NAMES, LIFECYCLES } from '../../../src/cli/init/starters.ts';
import { readSiteFile } from '../../../src/checks/read/site-file.ts';
import { folderSource, walkContent } from '../../../src/checks/read/read-content.ts';
import { SITE_PAGES } from '../../../src/checks/rules/bodies/index.ts';
import { check, runPlaybookInProcess, TODAY } from '../../support/helpers.ts';
import { ROOT } from '../../support/sites.ts';

const made: string[] = [];
afterAll(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding a copy of the example playbook in `content/`, and nothing else. */
function exampleCopy(): string {
	const root = mkdtempSync(join(tmpdir(), 'playbook-init-'));
	made.push(root);
	cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
	return root;
}

const ACME = [
	'--company',
	'Acme',
	'--person',
	'Dana Lee, VP of Sales, sales, dana-lee',
	'--person',
	'Marco Ruiz, Head of Marketing, marketing, marco-ruiz',
	'--person',
	'Rae Okafor, Revenue operations lead, revenue-operations',
	'--person',
	'Sam Seller, Account executive, sales',
];

/** Every file under a folder with its text, to show what a refused run left alone. */
function snapshotOf(folder: string): Record<string, string> {
	return Object.fromEntries(
		walkContent(folder).files.map((path) => [path, readFileSync(join(folder, path), 'utf8')]),
	);
}

describe('the example playbook', () => {
	test('carries the fingerprint of its content, so npm run init knows it is untouched', () => {
		const content = join(ROOT, 'content');
		const stated = readSiteFile(folderSource(content)).example;
		expect(
			stated,
			`The example's content changed: set example: ${contentFingerprint(content)} in content/site.yaml.`,
		).toBe(contentFingerprint(content));
	});

	test('its guides, which every starter keeps, link to no entry: only to pages every playbook has and to each other', () => {
		const guides = join(ROOT, 'content', 'guides');
		const links = readdirSync(guides).flatMap((name) =>
			[...readFileSync(join(guides, name), 'utf8').matchAll(/\]\((\/[^)\s]*)\)/g)].map(
				(m) => [name, m[1]!] as const,
			),
		);
		expect(links.length).toBeGreaterThan(10);
		// The guides link to each other: they are kept together.
		const guidePages = readdirSync(guides).map((name) => `/guides/${name.replace(/\.mdx?$/, '')}/`);
		for (const [name, link] of links)
			expect(SITE_PAGES.has(link) || guidePages.includes(link), `${name}: ${link}`).toBe(true);
	});
});

describe('npm run init with flags', () => {
	test.each(LIFECYCLE_NAMES)(
		'the %s lifecycle: a starter for Acme with four people that checks, lists its gaps and exports to the CRM',
		async (lifecycle) => {
			const root = exampleCopy();
			const run = await runPlaybookInProcess(
				['init', ...ACME, '--lifecycle', lifecycle, '--yes'],
				root,
			);
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			expect(run.stdout).toContain('Wrote a starter playbook for Acme');

			// Only content/ was written: the temp folder holds nothing else.
			expect(readdirSync(root)).toEqual(['content']);
			const content = join(root, 'content');
			const site = readSiteFile(folderSource(content));
			expect(site).toEqual({ title: 'Acme Revenue Playbook', company: 'Acme' });
			for (const [path, text] of Object.entries(snapshotOf(content)))
				expect(text, path).not.toMatch(/Ledgerline/);
			expect(readdirSync(join(content, 'team')).sort()).toEqual([
				'dana-lee.yaml',
				'marco-ruiz.yaml',
				'rae-okafor.yaml',
				'sam-seller.yaml',
			]);
			expect(readdirSync(join(content, 'lead-stages')).sort()).toEqual(
				LIFECYCLES[lifecycle].stages.map((s) => `${s.id}.mdx`).sort(),
			);
			// The example's other collections are gone; its guides stay.
			for (const gone of ['personas', 'icp', 'library', 'metrics', 'results'])
				expect(existsSync(join(content, gone)), gone).toBe(false);
			expect(readdirSync(join(content, 'guides')).sort()).toEqual(
				readdirSync(join(ROOT, 'content', 'guides')).sort(),
			);

			// The check passes; --strict names the text still to write, and nothing else.
			const report = check(root);
			expect(report.errorCount).toBe(0);
			expect(report.problems.filter((p) => p.code !== 'PlaceholderText')).toEqual([]);
			const strict = check(root, { strict: true });
			const gaps = strict.problems.filter((p) => p.severity === 'error');
			expect(gaps.every((p) => p.code === 'PlaceholderText')).toBe(true);
			const definitions = report.playbook;
			for (const collection of ['lead-stages', 'buyer-stages', 'slas', 'glossary'] as const)
				for (const entry of definitions.entries[collection].values()) {
					expect(entry.data.status).toBe('draft');
					expect(entry.data.owners).toEqual(['dana-lee', 'marco-ruiz']);
					expect(
						gaps.filter((p) => p.file === `content/${entry.path}`).map((p) => p.field),
					).toEqual(['body', 'summary']);
				}
			// One track per role: the departments of the people given.
			expect([...definitions.entries.tracks.keys()].sort()).toEqual([
				'marketing',
				'revenue-operations',
				'sales',
			]);
			const handoff = definitions.entries.slas.get('mql-follow-up')!.data.lead_stage;
			expect(handoff).toBe(LIFECYCLES[lifecycle].handoff);

			// The lifecycle's stages export to both CRMs, with the template's HubSpot values.
			for (const crm of ['hubspot', 'salesforce']) {
				const exported = await runPlaybookInProcess(
					['crm', 'export', '--to', crm, '--out', 'crm'],
					root,
				);
				expect(exported.stderr).toBe('');
				expect(exported.code).toBe(0);
			}
			const lifecycleJson = JSON.parse(
				readFileSync(join(root, 'crm', 'hubspot', 'lifecyclestage.json'), 'utf8'),
			) as { options: { value: string }[] };
			expect(lifecycleJson.options.map((o) => o.value)).toContain('marketingqualifiedlead');
		},
	);

	test('refuses in one line to replace a playbook someone has changed, unless --force', async () => {
		const root = exampleCopy();
		const mql = join(root, 'content', 'lead-stages', 'mql.mdx');
		writeFileSync(mql, readFileSync(mql, 'utf8').replace('score of 100', 'score of 120'));
		const before = snapshotOf(join(root, 'content'));
		const refused = await runPlaybookInProcess(['init', ...ACME, '--yes'], root);
		expect(refused.code).toBe(1);
		expect(refused.stderr.trim().split('\n')).toEqual([
			'content is not the untouched example playbook, so npm run init would replace a playbook someone has written; nothing was changed. Run it with --force to replace it anyway.',
		]);
		expect(snapshotOf(join(root, 'content'))).toEqual(before);

		// A hidden file a computer leaves behind is no change.
		const finder = exampleCopy();
		writeFileSync(join(finder, 'content', 'personas', '.DS_Store'), 'Bud1');
		expect(contentFingerprint(join(finder, 'content'))).toBe(
			contentFingerprint(join(ROOT, 'content')),
		);
		// An added file counts as a change too; a starter is not an example either.
		const added = exampleCopy();
		writeFileSync(
			join(added, 'content', 'team', 'new-hire.yaml'),
			before['team/dana-whitfield.yaml']!,
		);
		expect((await runPlaybookInProcess(['init', ...ACME, '--yes'], added)).code).toBe(1);

		const forced = await runPlaybookInProcess(['init', ...ACME, '--yes', '--force'], root);
		expect(forced.code).toBe(0);
		expect((await runPlaybookInProcess(['init', ...ACME, '--yes'], root)).code).toBe(1);
	});

	test('bad answers are one line each and exit 2, before anything is written', async () => {
		const root = exampleCopy();
		const before = snapshotOf(join(root, 'content'));
		const cases: [string[], RegExp][] = [
			[
				['--company', 'Acme', '--person', 'Dana Lee, VP Sales, sales'],
				/at least one person from marketing/,
			],
			[['--person', 'Dana Lee, VP Sales, sales'], /needs the company's name/],
			[
				[...ACME, '--lifecycle', 'spiral'],
				/--lifecycle is "spiral"; use one of waterfall, hubspot, minimal/,
			],
			[
				[...ACME, '--person', 'Ann Smith, CFO, finance'],
				/its department is not valid\. Use one of sales, marketing/,
			],
			[['--company', 'Acme\nInc', ...ACME.slice(2)], /^--company "Acme Inc" holds a line break/],
			[[...ACME, '--title', 'x'.repeat(121)], /^--title "x+\.\.\." is longer than 120 characters/],
			[[...ACME, '--person', 'Ann Smith'], /is not "Name, Title, department\[, github\]"/],
			[[...ACME, '--person', 'Ann Smith, CFO, sales, @not a handle'], /its github is not valid/],
		];
		for (const [flags, line] of cases) {
			const run = await runPlaybookInProcess(['init', ...flags, '--yes'], root);
			expect(run.code, flags.join(' ')).toBe(2);
			expect(run.stderr.split('\n')[0]).toMatch(line);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
		expect(snapshotOf(join(root, 'content'))).toEqual(before);
	});

	test("the example's guides check clean in a playbook of another shape: other stage ids, no glossary", async () => {
		const root = exampleCopy();
		await runPlaybookInProcess(['init', ...ACME, '--lifecycle', 'hubspot', '--yes'], root);
		// Without a glossary, and without the tracks that would point into it.
		rmSync(join(root, 'content', 'glossary'), { recursive: true });
		rmSync(join(root, 'content', 'tracks'), { recursive: true });
		const report = check(root);
		expect(report.playbook.entries['lead-stages'].has('mql')).toBe(false);
		expect(report.problems.filter((p) => p.code !== 'PlaceholderText')).toEqual([]);
	});
});

/** util-linux's `script`, which gives a command a pseudo-terminal (macOS's takes other options). */
const HAS_SCRIPT = /util-linux/.test(
	spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '',
);

describe.skipIf(!HAS_SCRIPT)('npm run init in a terminal', () => {
	test('asks each question in turn through a pseudo-terminal and writes the starter', () => {
		const root = exampleCopy();
		const command = [process.execPath, join(ROOT, 'src', 'cli', 'playbook.ts'), 'init']
			.map((part) => `'${part}'`)
			.join(' ');
		const answers = [
			'Acme',
			'',
			'Dana Lee, VP of Sales, sales',
			'Marco Ruiz, Head of Marketing, marketing',
			'Rae Okafor, Revenue operations lead, revenue-operations',
			'Sam Seller, Account executive, sales',
			'',
			'2',
			'yes',
			'',
		].join('\n');
		// util-linux script runs the command on a pseudo-terminal, as a person's terminal would.
		const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
			cwd: root,
			input: answers,
			encoding: 'utf8',
			env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' },
			timeout: 60_000,
		});
		expect(run.status, run.stdout + run.stderr).toBe(0);
		for (const question of [
			"Your company's name:",
			'The site\'s title (Enter for "Acme Revenue Playbook"):',
			'Person:',
			'2. hubspot:',
			'Replace everything in content/ but the guides with a starter for Acme? (yes/no)',
		])
			expect(run.stdout).toContain(question);
		const content = join(root, 'content');
		expect(readSiteFile(folderSource(content)).company).toBe('Acme');
		expect(readdirSync(join(content, 'lead-stages'))).toContain('marketing-qualified-lead.mdx');
		expect(readdirSync(join(content, 'team'))).toHaveLength(4);
		expect(check(root).errorCount).toBe(0);
	});

	test('answering no to the last question changes nothing', () => {
		const root = exampleCopy();
		const before = snapshotOf(join(root, 'content'));
		const command = `'${process.execPath}' '${join(ROOT, 'src', 'cli', 'playbook.ts')}' init --company Acme --lifecycle minimal --person 'Dana Lee, VP, sales' --person 'Marco Ruiz, CMO, marketing'`;
		const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
			cwd: root,
			input: 'Acme playbook\nno\n',
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('Nothing was changed.');
		expect(snapshotOf(join(root, 'content'))).toEqual(before);
	});
});
