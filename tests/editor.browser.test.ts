import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteInChromium } from './browser.ts';
import { ROOT } from './sites.ts';
import { PUBLISH_REFUSED } from '../src/browser/editor-text.ts';
import { readEntryFile } from '../src/browser/entry-file.ts';
import { DEFAULT_EDITOR_PORT } from '../src/site/editor/settings.ts';

/**
 * The editor as a person uses it: Decap CMS served from the built example site, saving through
 * Decap's own local backend (`decap-server`, MODE=git) into a real git repository that holds a
 * copy of the example playbook. Each save must be a `cms/…` branch the checker, the diff and the
 * approvals gate read like any pull request.
 */

const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');
const repo = mkdtempSync(join(tmpdir(), 'playbook-editor-'));
let backend: ChildProcess | undefined;

function git(...args: string[]): string {
	return execFileSync('git', args, {
		cwd: repo,
		encoding: 'utf8',
		env: {
			...process.env,
			GIT_AUTHOR_NAME: 'Ada Author',
			GIT_AUTHOR_EMAIL: 'ada@example.com',
			GIT_COMMITTER_NAME: 'Ada Author',
			GIT_COMMITTER_EMAIL: 'ada@example.com',
		},
	});
}

/** A playbook command run in the repository, as a reviewer runs it. */
function playbook(...args: string[]) {
	const result = spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
	return { code: result.status, output: result.stdout + result.stderr };
}

/** The content folder as a branch has it, in a folder of its own. */
function contentOn(branch: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'playbook-branch-'));
	const archive = execFileSync('git', ['archive', branch, 'content'], { cwd: repo });
	execFileSync('tar', ['-x', '-C', folder], { input: archive });
	return join(folder, 'content');
}

beforeAll(async () => {
	git('init', '-q', '-b', 'main');
	cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
	git('add', '-A');
	git('commit', '-q', '-m', 'Start the playbook');
	backend = spawn(
		process.execPath,
		[join(ROOT, 'node_modules', 'decap-server', 'dist', 'index.js')],
		{
			env: {
				...process.env,
				MODE: 'git',
				PORT: String(DEFAULT_EDITOR_PORT),
				GIT_REPO_DIRECTORY: repo,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let log = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`decap-server did not start:\n${log}`)),
			20_000,
		);
		const listen = (chunk: Buffer) => {
			log += String(chunk);
			if (/configured with/.test(log)) {
				clearTimeout(timer);
				resolve();
			}
		};
		backend!.stdout!.on('data', listen);
		backend!.stderr!.on('data', listen);
		backend!.once('exit', (code) => reject(new Error(`decap-server stopped (${code}):\n${log}`)));
	});
}, 30_000);

afterAll(() => {
	backend?.kill();
	rmSync(repo, { recursive: true, force: true });
});

const site = siteInChromium('example');

/** The editor, signed in to the local backend, open at one entry (or a collection). */
async function openEditor(hash: string): Promise<Page> {
	const page = await site.browser.newPage();
	page.on('dialog', (dialog) => void dialog.accept());
	await page.goto(`${site.url}/admin/`);
	await page.getByRole('button', { name: 'Login' }).click();
	await page
		.getByRole('link', { name: /Contents/ })
		.first()
		.waitFor();
	await page.goto(`${site.url}/admin/#${hash}`);
	return page;
}

async function save(page: Page) {
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByText('Changes saved').first().waitFor({ timeout: 20_000 });
}

describe('the editor at /admin/', () => {
	test('a changed lead score threshold is a cms/ branch whose only change is that field', async () => {
		const page = await openEditor('/collections/lead-stages/entries/mql');
		const threshold = page.getByLabel('Lead score threshold');
		await expect.poll(() => threshold.inputValue()).toBe('100');
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
		console.log(readable.output, approvals.output);
		expect(approvals.output).toMatch(/dana-whitfield|Dana Whitfield/);
	});
});
