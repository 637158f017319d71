import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/sites.ts';

/**
 * The project's own lint configuration, running only the import rule: it needs no type
 * information, so the TypeScript program the other rules build (most of the time) is not made.
 */
const eslint = new ESLint({
	cwd: ROOT,
	ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

/** Lints `source` as if it were the file at `path`, and returns the import-rule messages. */
async function importProblems(path: string, source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath: join(ROOT, path) });
	return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** What the file at `path` holds, with one more import line at the top. */
function withImport(path: string, line: string): string {
	return `${line}\n${readFileSync(join(ROOT, path), 'utf8')}`;
}

describe('imports run one way through the layers', () => {
	it('refuses an upward import in a lower layer, naming what the layer may import', async () => {
		const path = 'src/model/playbook.ts';
		const upward = withImport(path, "import { checkContent } from '../checks/index.ts';");
		expect(await importProblems(path, upward)).toEqual([
			expect.stringContaining(
				"'../checks/index.ts' import is restricted from being used by a pattern. src/model may import only from src/schemas",
			),
		]);
	});

	it.each([
		['src/schemas/fields.ts', "import type { Playbook } from '../model/playbook.ts';"],
		['src/checks/problems/problems.ts', "import { codeowners } from '../review/codeowners.ts';"],
		['src/review/git.ts', "import { sitePlaybook } from '../site/site-playbook.ts';"],
		['src/site/url.ts', "import { runCheck } from '../cli/check.ts';"],
		['src/site/call-plan.ts', "import { define } from '../ask/lookups.ts';"],
		['src/ask/answer.ts', "import { runMcp } from '../cli/mcp.ts';"],
		['src/browser/finder.ts', "import { pathOf } from '../model/views.ts';"],
		['src/checks/rules/bodies/urls.ts', "import { csp } from '../../site/csp.ts';"],
		['src/model/views.ts', "import { serve } from '../../scripts/serve-site.ts';"],
	])('refuses in %s: %s', async (path, line) => {
		expect(await importProblems(path, withImport(path, line))).toHaveLength(1);
	});

	it.each([
		['src/components/Badge.astro', "import { runCheck } from '../cli/check.ts';", 'src/components'],
		[
			'src/components/EntryLink.astro',
			"import Home from '../pages/index.astro';",
			'src/components',
		],
		['src/pages/find.astro', "import { runCheck } from '../cli/check.ts';", 'src/pages'],
	])('refuses in the frontmatter of %s: %s', async (path, line, layer) => {
		const source = readFileSync(join(ROOT, path), 'utf8').replace(/^---\n/, `---\n${line}\n`);
		expect(await importProblems(path, source)).toEqual([
			expect.stringContaining(`${layer} may import only from src/schemas`),
		]);
	});

	it('refuses an upward import in the script of an .astro file, which runs in the browser', async () => {
		const path = 'src/components/Badge.astro';
		const script =
			"<script>\n\timport { runCheck } from '../cli/check.ts';\n\trunCheck([]);\n</script>\n";
		const source = `${readFileSync(join(ROOT, path), 'utf8')}\n${script}`;
		expect(await importProblems(path, source)).toHaveLength(1);
	});

	it('lets a page import components and the layers, and a component the layers', async () => {
		const page = 'src/pages/find.astro';
		const component = 'src/components/Badge.astro';
		const add = (path: string, line: string) =>
			readFileSync(join(ROOT, path), 'utf8').replace(/^---\n/, `---\n${line}\n`);
		expect(
			await importProblems(page, add(page, "import Badge from '../components/Badge.astro';")),
		).toEqual([]);
		expect(
			await importProblems(
				component,
				add(component, "import { pathOf } from '../model/views.ts';"),
			),
		).toEqual([]);
	});

	it('lets a layer import the ones below it', async () => {
		const path = 'src/site/url.ts';
		const line = "import { checkContent } from '../checks/index.ts';";
		expect(await importProblems(path, withImport(path, line))).toEqual([]);
		const ask = 'src/ask/answer.ts';
		const site = "import { callPlan } from '../site/call-plan.ts';";
		expect(await importProblems(ask, withImport(ask, site))).toEqual([]);
	});
});

describe("CONTRIBUTING's map of the code", () => {
	const readme = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
	const map = /## How the code is organised\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
	/** The sub-folders the map lists under a top-level folder (`src/`), as `name/`. */
	const listed = (top: string) => {
		const block = new RegExp(`^${top}/\\n((?: {2}.*\\n)*)`, 'm').exec(map)?.[1] ?? '';
		return [...block.matchAll(/^ {2}([\w-]+\/)/gm)].map((match) => match[1]!).sort();
	};
	const folders = (dir: string) =>
		readdirSync(join(ROOT, dir), { withFileTypes: true })
			// Hidden folders are scratch space no one edits (tests/.tmp, made and emptied by tests).
			.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
			.map((entry) => `${entry.name}/`)
			.sort();

	it('names every folder of src/, scripts/ and tests/, and no folder that is gone', () => {
		expect(listed('src')).toEqual(folders('src'));
		expect(listed('scripts')).toEqual(folders('scripts'));
		expect(listed('tests')).toEqual(folders('tests'));
	});

	it('has a folder in tests/unit/ only for a layer of src/ (or the project as a whole)', () => {
		const layers = [...folders('src'), 'project/'];
		expect(folders('tests/unit').filter((folder) => !layers.includes(folder))).toEqual([]);
	});

	it.each([
		['a rule', 'src/checks/', 'src/checks/rules/ownership.ts'],
		["a page's data", 'src/site/', 'src/site/meeting.ts'],
		["a collection's keys", 'src/schemas/', 'src/schemas/lead-stages.ts'],
	])('says in one row where %s lives (%s)', (what, folder, example) => {
		const row = readme.split('\n').find((line) => line.startsWith(`| ${what}`)) ?? '';
		expect(row).toContain(`\`${folder}`);
		expect(existsSync(join(ROOT, example))).toBe(true);
	});
});
