import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { siteInChromium } from '../support/browser.ts';
import { GIT_IDENTITY, TestRepo } from '../support/git-repo.ts';
import { ROOT } from '../support/sites.ts';
import { gzipSync } from 'node:zlib';
import { editorWeight } from '../../scripts/bench/measure.ts';
import { PUBLISH_REFUSED } from '../../src/browser/editor-text.ts';
import { readEntryFile } from '../../src/browser/entry-file.ts';
import { DEFAULT_EDITOR_PORT } from '../../src/site/editor/settings.ts';
import { type EditorBackend, startEditorBackend } from '../../src/cli/editor-backend.ts';
import { fieldLabel } from '../../src/model/words.ts';
import { PAGE_COLLECTIONS } from '../../src/schemas/index.ts';

/**
 * The editor as a person uses it: Decap CMS served from the built example site, saving through
 * Decap's own local backend (`decap-server`, MODE=git) into a real git repository that holds a
 * copy of the example playbook. Each save must be a `cms/…` branch the checker, the diff and the
 * approvals gate read like any pull request.
 */

const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');

/**
 * How long a form may take to fill in: Decap lists every unpublished entry (each a cms/ branch)
 * before it opens one, so the later tests wait longer, and on a loaded 2-core machine, with the
 * other test files running beside this one, 15 s was not always enough.
 */
const FORM_LOADS_MS = 45_000;
const repo = new TestRepo(join(ROOT, 'content'));
let backend: EditorBackend | undefined;
const git = (...args: string[]) => repo.git(...args);

/** A playbook command run in the repository, as a reviewer runs it. */
function playbook(...args: string[]) {
	const result = spawnSync(process.execPath, [CLI, ...args], { cwd: repo.root, encoding: 'utf8' });
	return { code: result.status, output: result.stdout + result.stderr };
}

/** The content folder as a branch has it, in a folder of its own. */
function contentOn(branch: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'playbook-branch-'));
	const archive = execFileSync('git', ['archive', branch, 'content'], { cwd: repo.root });
	execFileSync('tar', ['-x', '-C', folder], { input: archive });
	return join(folder, 'content');
}

const site = siteInChromium('example');
const SESSION = 'a-session-key-for-the-editor-tests';
let backendUrl = '';

// The editor's own backend, as npm run edit starts it (decap-server behind its guard), on a free
// port: the built site's editor calls the default port, which each page sends here instead.
beforeAll(async () => {
	backend = await startEditorBackend({
		repo: repo.root,
		branch: 'main',
		port: 0,
		siteOrigins: [site.url],
		secret: SESSION,
		folders: ['content', 'public/uploads'],
		env: { ...process.env, ...GIT_IDENTITY },
	});
	backendUrl = `http://127.0.0.1:${backend.port}`;
}, 30_000);

afterAll(() => backend?.close());

/** The editor, signed in to the local backend, open at one entry (or a collection). */
async function openEditor(hash: string): Promise<Page> {
	const page = await site.browser.newPage();
	page.on('dialog', (dialog) => void dialog.accept());
	await page.addInitScript(() => {
		const violations: string[] = [];
		(window as unknown as { violations: string[] }).violations = violations;
		document.addEventListener('securitypolicyviolation', (event) =>
			violations.push(`${event.violatedDirective} ${event.blockedURI}`),
		);
	});
	await page.route(`http://localhost:${DEFAULT_EDITOR_PORT}/api/v1**`, async (route) => {
		const url = new URL(route.request().url());
		calls++;
		// A page closed in the middle of a call has nobody left to answer.
		await route
			.fetch({ url: `${backendUrl}${url.pathname}${url.search}` })
			.then((response) => route.fulfill({ response }))
			.catch(() => undefined)
			.finally(() => calls--);
	});
	await page.goto(`${site.url}/admin/#session=${SESSION}`);
	await page.getByRole('button', { name: 'Login' }).click();
	await page
		.getByRole('link', { name: /Contents/ })
		.first()
		.waitFor();
	await page.goto(`${site.url}/admin/#${hash}`);
	return page;
}

/** Calls to the local backend the editor's pages have made and not yet had answered. */
let calls = 0;

/**
 * Waits until the editor has had every call to its backend answered and has made no new one for
 * half a second: what it was loading (an entry, its unpublished change) is in the form, and
 * nothing will arrive late to replace what a test types.
 */
async function settled() {
	await expect
		.poll(
			async () => {
				if (calls > 0) return false;
				await new Promise((resolve) => setTimeout(resolve, 500));
				return calls === 0;
			},
			{ timeout: FORM_LOADS_MS },
		)
		.toBe(true);
}

async function save(page: Page) {
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByText('Changes saved').first().waitFor({ timeout: 20_000 });
}

describe('the editor at /admin/', () => {
	test('a changed lead score threshold is a cms/ branch whose only change is that field', async () => {
		const page = await openEditor('/collections/lead-stages/entries/mql');
		const threshold = page.getByLabel('Lead score threshold');
		await expect.poll(() => threshold.inputValue(), { timeout: FORM_LOADS_MS }).toBe('100');
		await threshold.fill('120');
		await save(page);
		await page.close();

		const branches = git('branch', '--list', 'cms/*').trim();
		expect(branches).toContain('cms/lead-stages/mql');
		const diff = git('diff', 'main', 'cms/lead-stages/mql');
		const changed = diff.split('\n').filter((line) => /^[-+][^-+]/.test(line));
		expect(changed).toEqual(['-score_threshold: 100', '+score_threshold: 120']);

		expect(playbook('check', '--content', contentOn('cms/lead-stages/mql')).code).toBe(0);
		const readable = playbook('diff', 'main', 'cms/lead-stages/mql');
		expect(readable.code).toBe(0);
		expect(readable.output).toMatch(/100/);
		expect(readable.output).toMatch(/120/);
		const approvals = playbook(
			'approvals',
			'--base',
			'main',
			'--head',
			'cms/lead-stages/mql',
			'--approved-by',
			'',
		);
		expect(approvals.code).toBe(1);
		expect(approvals.output).toContain('content/lead-stages/mql.mdx  approvals');
		expect(approvals.output).toContain('Dana Whitfield');
		expect(approvals.output).toContain('Marco Silva');
	});

	test('Publish never merges: the pull request and its branch stay for GitHub to merge', async () => {
		const page = await openEditor('/collections/lead-stages/entries/mql');
		const main = git('rev-parse', 'main');
		await page.getByRole('button', { name: /Status:/ }).click();
		await page.getByRole('menuitem', { name: 'Ready' }).click();
		await page.getByText('Entry status updated').first().waitFor();
		await page.getByRole('button', { name: 'Publish', exact: true }).click();
		await page.getByRole('menuitem', { name: 'Publish now' }).click();
		await page.getByText(PUBLISH_REFUSED).first().waitFor();
		await page.close();
		expect(git('rev-parse', 'main')).toBe(main);
		expect(git('branch', '--list', 'cms/lead-stages/mql').trim()).not.toBe('');
	});

	test('a new persona made in the form, owners picked by name and department, passes the check', async () => {
		const page = await openEditor('/collections/personas/new');
		await page.getByLabel('Title', { exact: true }).fill('Head of Revenue Operations');
		await page.getByLabel('Summary').fill('Owns the CRM and the numbers both teams report.');
		await pick(page, 'Owners', 'Dana', 'Dana Whitfield (sales)');
		await pick(page, 'Owners', 'Marco', 'Marco Silva (marketing)');
		await pick(page, 'Status', '', 'Draft');
		await page.getByLabel('Reviewed', { exact: true }).fill('2026-12-01');
		await page.getByLabel('Role', { exact: true }).fill('Head of Revenue Operations');
		await pick(page, 'Buying role', '', 'Technical evaluator');
		await save(page);
		await page.close();
		const branch = 'cms/personas/head-of-revenue-operations';
		expect(git('branch', '--list', branch).trim()).not.toBe('');
		const file = git('show', `${branch}:content/personas/head-of-revenue-operations.mdx`);
		const data = readEntryFile(file, 'frontmatter');
		expect(data).toMatchObject({
			title: 'Head of Revenue Operations',
			owners: ['dana-whitfield', 'marco-silva'],
			status: 'draft',
			reviewed: '2026-12-01',
			buying_role: 'technical-evaluator',
		});
		const checked = playbook('check', '--content', contentOn(branch));
		expect(checked.output).toContain('0 errors');
		expect(checked.code).toBe(0);
	});

	test('a one-sided owner list saves, and the check on the branch names the file and owners', async () => {
		const page = await openEditor('/collections/personas/entries/controller');
		await page
			.getByRole('button', { name: /Remove .*\(marketing\)/ })
			.first()
			.click();
		await save(page);
		await page.close();
		const checked = playbook('check', '--content', contentOn('cms/personas/controller'));
		expect(checked.code).toBe(1);
		expect(checked.output).toMatch(
			/personas\/controller\.mdx {2}owners {2}needs an owner from marketing/,
		);
	});
});

describe('the editor page and the rest of the site', () => {
	const built = inject('sites').example;
	const policyOf = (html: string) =>
		/<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
	const pages = readdirSync(built, { recursive: true, encoding: 'utf8' }).filter((file) =>
		file.endsWith('.html'),
	);

	test("/admin/ has its own policy: the editor's 'unsafe-eval', GitHub's API and the local backend", () => {
		const html = readFileSync(join(built, 'admin', 'index.html'), 'utf8');
		const policy = policyOf(html);
		expect(policy).toMatch(/script-src [^;]*'unsafe-eval'/);
		expect(policy).toMatch(/connect-src 'self' https:\/\/api\.github\.com http:\/\/localhost:8081/);
		expect(policy).toContain("object-src 'none'");
		expect(policy).toContain("base-uri 'none'");
		expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
	});

	test('every other page keeps the site policy and loads none of the editor', () => {
		const others = pages.filter((file) => file !== join('admin', 'index.html'));
		expect(others.length).toBeGreaterThan(100);
		for (const file of others) {
			const html = readFileSync(join(built, file), 'utf8');
			expect(policyOf(html), file).not.toMatch(/'unsafe-eval'|connect-src/);
			expect(html, file).not.toMatch(/decap|admin\/decap/);
		}
	});

	test('the benchmark weighs the editor apart from the site', () => {
		const weight = editorWeight(built);
		const entry = readFileSync(join(built, 'admin', 'decap', 'decap-cms.js'));
		expect(weight.files).toBeGreaterThan(entry.length);
		expect(weight.firstLoadGz).toBeGreaterThan(gzipSync(entry).length);
		expect(weight.firstLoadGz).toBeLessThan(weight.files);
		expect(weight.site).toBeGreaterThan(0);
	});
});

describe('saving never changes what the editor did not touch', () => {
	// One signed-in editor serves the whole series, as one person works through it: Decap starts
	// once, and each entry is opened afresh from its collection's list.
	let editor: Page;
	/** When the editor's page was loaded: the same at the end means the series was one load. */
	let loaded = 0;
	beforeAll(async () => {
		editor = await openEditor('/collections/team');
		loaded = await editor.evaluate(() => performance.timeOrigin);
	}, 60_000);
	afterAll(() => editor?.close());

	/** Opens an entry through its collection's list, so its form is made afresh. */
	async function openEntry(collection: string, id: string) {
		await editor.goto(`${site.url}/admin/#/collections/${collection}`);
		await editor.getByRole('button', { name: 'Save' }).waitFor({ state: 'detached' });
		await editor.goto(`${site.url}/admin/#/collections/${collection}/entries/${id}`);
	}

	test('every entry of the example playbook opens in the form with nothing changed', async () => {
		const errors: string[] = [];
		const onError = (error: Error) => errors.push(error.message);
		editor.on('pageerror', onError);
		const opened: string[] = [];
		for (const collection of PAGE_COLLECTIONS) {
			const folder = join(ROOT, 'content', collection);
			for (const file of readdirSync(folder)) {
				const id = file.replace(/\.[^.]+$/, '');
				const first = editor.getByLabel(collection === 'team' ? 'Name' : 'Title', { exact: true });
				await openEntry(collection, id);
				const text = readFileSync(join(folder, file), 'utf8');
				const data = readEntryFile(text, collection === 'team' ? 'yaml' : 'frontmatter');
				await expect
					.poll(() => first.inputValue(), { timeout: FORM_LOADS_MS })
					.toBe(collection === 'team' ? data.name : data.title);
				// A widget that rewrote a value on opening would mark the entry as changed.
				expect(await editor.getByText('Unsaved changes', { exact: false }).count()).toBe(0);
				opened.push(`${collection}/${id}`);
			}
		}
		editor.off('pageerror', onError);
		expect(errors).toEqual([]);
		expect(opened.length).toBeGreaterThan(80);
	}, 240_000);

	test.each(PAGE_COLLECTIONS.filter((name) => name !== 'lead-stages'))(
		'a saved %s entry differs from its file in the changed field alone',
		async (collection) => {
			const folder = join(ROOT, 'content', collection);
			const file = readdirSync(folder).sort().at(-1)!;
			const id = file.replace(/\.[^.]+$/, '');
			await openEntry(collection, id);
			const key = collection === 'team' ? 'title' : 'summary';
			const field = editor.getByLabel(new RegExp(`^${fieldLabel(key)}( \\(optional\\))?$`, 'i'));
			await expect.poll(() => field.inputValue(), { timeout: FORM_LOADS_MS }).not.toBe('');
			await settled();
			await field.fill('Changed in the editor');
			await save(editor);
			const branch = `cms/${collection}/${id}`;
			const before = readFileSync(join(folder, file), 'utf8');
			const after = git('show', `${branch}:content/${collection}/${file}`);
			const changed = (text: string) =>
				text.split('\n').filter((line) => !line.startsWith(`${key}:`));
			expect(changed(after)).toEqual(changed(before));
			expect(after).toContain(`${key}: Changed in the editor\n`);
		},
	);

	// The series is one load of the editor, so this covers every form it opened and every save.
	test('the editor ran the whole series with no policy violation', async () => {
		await expect(editor.evaluate(() => performance.timeOrigin)).resolves.toBe(loaded);
		const violations = await editor.evaluate(
			() => (window as unknown as { violations: string[] }).violations,
		);
		expect(violations).toEqual([]);
	});
});

/** Picks an option in one of the form's drop-downs (a select or a relation), as a person does. */
async function pick(page: Page, label: string, typed: string, option: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.click();
	if (typed) await input.pressSequentially(typed);
	await page.getByRole('option', { name: option, exact: true }).click();
}
