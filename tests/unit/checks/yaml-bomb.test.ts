import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseEntryText } from '../../../src/checks/read/frontmatter.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { playbookWith, TODAY } from '../../support/helpers.ts';
import { ROOT } from '../../support/sites.ts';

/**
 * A few hundred bytes of nested YAML anchors and aliases ("billion laughs") stand for nine to the
 * ninth values. Every reader of the content (check, build, diff, approvals) goes through one
 * YAML reader, which must refuse them at once, naming the file and the line.
 */
const MQL = 'content/lead-stages/mql.mdx';
const names = 'abcdefghi'.split('');
const BOMB = names
	.map((name, i) =>
		i === 0
			? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`
			: `${name}: &${name} [${Array(9)
					.fill(`*${names[i - 1]}`)
					.join(',')}]\n`,
	)
	.join('');
const bombed = (text: string) => text.replace(/^---\n/, `---\n${BOMB}`);

const cli = (args: string[], cwd: string) => {
	const started = performance.now();
	const run = spawnSync(process.execPath, [join(ROOT, 'src', 'cli', 'playbook.ts'), ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, PLAYBOOK_TODAY: TODAY, GITHUB_ACTIONS: '' },
		timeout: 60_000,
	});
	return { ...run, seconds: (performance.now() - started) / 1000 };
};

/**
 * Far above what a refused bomb takes (about a second), far below what one that went off takes
 * (minutes, or a crash): room for a machine loaded by the rest of the test run.
 */
const BOMB_SECONDS = 25;

const REFUSED =
	'repeats text through aliases (*name) until it would hold more than 1,000,000 characters, far more than any entry needs. Write the values out instead of repeating them with & anchors and * aliases.';

describe('a YAML alias bomb is refused at once, with its file and line', () => {
	test('the reader stops at the alias that goes past the limit', () => {
		expect(BOMB.length).toBeLessThan(500);
		const started = performance.now();
		const parsed = parseEntryText(bombed('---\ntitle: x\n---\nText.\n'), 'markdown');
		expect(performance.now() - started).toBeLessThan(1000);
		// The opening --- is line 1, so a: is line 2 and f: (whose fourth *e passes the limit) line 7.
		expect(parsed).toMatchObject({ ok: false, code: 'AliasExpansion', line: 7 });
		expect(parseEntryText(BOMB, 'yaml')).toMatchObject({ code: 'AliasExpansion', line: 6 });
	});

	test('a few aliases of a sensible size still read', () => {
		const parsed = parseEntryText(
			'base: &base [Lead score of 100 or more]\nentry: *base\nlist:\n  - *base\n  - *base\n',
			'yaml',
		);
		expect(parsed).toMatchObject({ ok: true, data: { entry: ['Lead score of 100 or more'] } });
	});

	test('npm run check names the file and line, exits 1, in seconds', () => {
		const root = playbookWith();
		const file = join(root, MQL);
		writeFileSync(file, bombed(readFileSync(file, 'utf8')));
		const run = cli(['check', '--content', 'content'], root);
		expect(run.seconds).toBeLessThan(BOMB_SECONDS);
		expect(run.status).toBe(1);
		expect(run.stdout.split('\n')[0]).toBe(
			`${MQL}  frontmatter  line 7: the frontmatter ${REFUSED}`,
		);
		expect(run.stdout + run.stderr).not.toMatch(/Invalid string length|\n\s+at .+:\d+:\d+/);
	});

	test('npm run diff and npm run approvals end in seconds; approvals names the file and line', () => {
		const repo = new TestRepo();
		repo.git('checkout', '-q', '-b', 'change');
		repo.commit('Repeat the lead stage', repo.edit(MQL, bombed));
		const diff = cli(['diff', 'main'], repo.root);
		const approvals = cli(
			['approvals', '--base', 'main', '--approved-by', 'samseller,miamarketer'],
			repo.root,
		);
		for (const run of [diff, approvals]) {
			expect(run.seconds).toBeLessThan(BOMB_SECONDS);
			expect(run.stdout + run.stderr).not.toMatch(/Invalid string length|\n\s+at .+:\d+:\d+/);
		}
		expect(approvals.status).toBe(1);
		expect(approvals.stdout).toContain(`${MQL}  frontmatter  line 7: the frontmatter ${REFUSED}`);
	});
});
