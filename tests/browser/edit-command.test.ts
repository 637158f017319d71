import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { GIT_IDENTITY } from '../support/git-repo.ts';
import { freePort } from '../../src/cli/editor-backend.ts';
import { MINIMAL, useBuildTurn } from '../support/helpers.ts';
import { ROOT } from '../support/sites.ts';

/** `npm run edit`: the site and the editor, saving to branches of the repository on this machine. */

const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');
// npm run edit runs Astro's dev server in the project, where a build keeps its content store.
useBuildTurn();
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function playbookRepo(commit = true): string {
	const root = mkdtempSync(join(tmpdir(), 'playbook-edit-'));
	made.push(root);
	cpSync(MINIMAL, join(root, 'content'), { recursive: true });
	if (commit) {
		const git = (...args: string[]) =>
			execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_IDENTITY } });
		git('init', '-q', '-b', 'main');
		git('add', '-A');
		git('commit', '-q', '-m', 'Start');
	}
	return root;
}

function edit(args: string[], env: NodeJS.ProcessEnv = { ...process.env, ...GIT_IDENTITY }) {
	const result = spawnSync(process.execPath, [CLI, 'edit', ...args], {
		encoding: 'utf8',
		timeout: 30_000,
		env,
	});
	return { code: result.status, stderr: result.stderr };
}

/** The environment of a person who has never told git their name: no settings, no variables. */
function withoutGitIdentity(): NodeJS.ProcessEnv {
	const home = mkdtempSync(join(tmpdir(), 'playbook-home-'));
	made.push(home);
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !/^GIT_(AUTHOR|COMMITTER)_/.test(key) && key !== 'EMAIL',
		),
	);
	return { ...env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
}

describe('npm run edit', () => {
	test('refuses a folder that is not in git, in one line', () => {
		const root = playbookRepo(false);
		const { code, stderr } = edit(['--content', join(root, 'content')]);
		expect(code).toBe(1);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toContain('is not in a git repository, and the editor saves to git.');
	});

	test('refuses a repository with uncommitted changes, which a save would take with it', () => {
		const root = playbookRepo();
		writeFileSync(join(root, 'content', 'notes.txt'), 'half-written');
		const { code, stderr } = edit(['--content', join(root, 'content')]);
		expect(code).toBe(1);
		expect(stderr.trim()).toMatch(
			/^content\/notes\.txt {2}- {2}has changes that are not committed.*Commit or stash them/,
		);
	});

	test('refuses, in one line, when git has no name and email to make the saves with', () => {
		const root = playbookRepo();
		// Where git would guess an address from the machine's name, it must not here.
		execFileSync('git', ['config', 'user.useConfigOnly', 'true'], { cwd: root });
		const { code, stderr } = edit(['--content', join(root, 'content')], withoutGitIdentity());
		expect(code).toBe(1);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr.trim()).toBe(
			'git  -  has no name and email for you, and each save in the editor is a commit made in your name. Set them once with git config --global user.name "Your Name" and git config --global user.email "you@example.com", then run npm run edit again.',
		);
	});

	test('a port that is not one is a usage error', () => {
		const { code, stderr } = edit(['--port', 'web']);
		expect(code).toBe(2);
		expect(stderr).toContain('--port must be a port number, such as 4321, not "web".');
	});

	test('refuses a port another program holds, in one line, before starting anything', async () => {
		const taken = await holdPort();
		try {
			const root = playbookRepo();
			for (const option of ['--port', '--backend-port']) {
				const { code, stderr } = edit([
					'--content',
					join(root, 'content'),
					option,
					String(taken.port),
				]);
				expect(code).toBe(1);
				expect(stderr.trim()).toBe(
					`${option}  -  ${taken.port} is in use (another npm run edit?). Stop it, or choose another port: npm run edit -- ${option} ${taken.port + 1}.`,
				);
			}
		} finally {
			taken.server.close();
		}
	});
});

/** A port held by another program for the length of a test. */
async function holdPort(): Promise<{ server: Server; port: number }> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, port: (server.address() as { port: number }).port };
}

describe('npm run edit, running', () => {
	const root = playbookRepo();
	let child: ReturnType<typeof spawn>;
	let output = '';
	let site = '';
	let backendPort = 0;
	let session = '';

	beforeAll(async () => {
		const port = await freePort();
		backendPort = await freePort();
		child = spawn(
			process.execPath,
			[
				CLI,
				'edit',
				'--content',
				join(root, 'content'),
				'--port',
				String(port),
				'--backend-port',
				String(backendPort),
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
				// As a person runs it: not inside the test runner, whose variables change how Astro serves.
				env: {
					...Object.fromEntries(
						Object.entries(process.env).filter(
							([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV',
						),
					),
					...GIT_IDENTITY,
				},
			},
		);
		child.stdout!.on('data', (chunk: Buffer) => (output += String(chunk)));
		child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)));
		site = `http://127.0.0.1:${port}`;
		// Up once the editor page answers; Astro's first start reads the whole playbook.
		for (let waited = 0; ; waited += 500) {
			const status = await fetch(`${site}/admin/`).then(
				(r) => r.status,
				() => 0,
			);
			if (status === 200) break;
			if (waited > 60_000) throw new Error(`npm run edit did not serve the editor:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		session = /#session=([A-Za-z0-9_-]+)/.exec(output)?.[1] ?? '';
	}, 90_000);

	afterAll(() => {
		if (child?.pid) process.kill(-child.pid, 'SIGTERM');
	});

	/** A call to the local backend as the editor page makes it. */
	const backend = (body: unknown, key = session) =>
		fetch(`http://127.0.0.1:${backendPort}/api/v1?session=${key}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: site },
			body: JSON.stringify(body),
		});

	test('serves the site with edit links, the editor, its configuration and the local backend', async () => {
		expect(output).toContain(`The editor: ${site}/admin/#session=${session}`);
		expect(session.length).toBeGreaterThanOrEqual(32);
		const config = yaml.load(await (await fetch(`${site}/admin/config.yml`)).text()) as {
			local_backend: { url: string };
			collections: { name: string; folder: string }[];
		};
		expect(config.local_backend.url).toBe(`http://localhost:${backendPort}/api/v1`);
		expect(config.collections[0]).toMatchObject({ name: 'team', folder: 'content/team' });
		const script = await fetch(`${site}/admin/decap/decap-cms.js`);
		expect(script.status).toBe(200);
		expect(script.headers.get('content-type')).toContain('javascript');
		expect(await (await backend({ action: 'info' })).json()).toMatchObject({ type: 'local_git' });
		const page = await (await fetch(`${site}/lead-stages/mql/`)).text();
		expect(page).toContain('href="/admin/#/collections/lead-stages/entries/mql"');
		expect(page).toContain('Edit this definition');
	});

	test('the session key is in no page the site serves, and the backend refuses calls without it', async () => {
		for (const path of ['/admin/', '/admin/config.yml', '/lead-stages/mql/']) {
			expect(await (await fetch(`${site}${path}`)).text()).not.toContain(session);
		}
		const refused = await backend({ action: 'info' }, 'guessed-key');
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { error: string }).error).toContain(
			'session  is missing or not this run',
		);
		await expect.poll(() => output).toContain("The editor's backend refused POST /api/v1  session");
	});

	describe('in Chromium', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchChromium(inject('browser'));
		});
		afterAll(() => browser?.close());

		test('two saves in a row each land on their branch, and the editor never reloads between them', async () => {
			const page = await browser.newPage();
			page.on('dialog', (dialog) => void dialog.accept());
			let loads = 0;
			page.on('load', () => loads++);
			await page.goto(`${site}/admin/#session=${session}`);
			// The key leaves the address once the editor has it.
			await expect.poll(() => page.url(), { timeout: 30_000 }).not.toContain('session=');
			await page.getByRole('button', { name: 'Login' }).click();
			await page
				.getByRole('link', { name: /Contents/ })
				.first()
				.waitFor({ timeout: 30_000 });
			// Moves within the editor as its own links do, so any load counted is a reload.
			const go = (hash: string) =>
				page.evaluate((to) => {
					location.hash = to;
				}, hash);
			const saveEntry = async (id: string, label: string | RegExp, from: string, to: string) => {
				await go('#/collections/lead-stages');
				await page.getByLabel('Lead score threshold').waitFor({ state: 'detached' });
				await go(`#/collections/lead-stages/entries/${id}`);
				const field = page.getByLabel(label);
				await expect.poll(() => field.inputValue(), { timeout: 20_000 }).toBe(from);
				await field.fill(to);
				const saved = page.waitForResponse(
					(response) =>
						response.ok() && (response.request().postData() ?? '').includes('"persistEntry"'),
				);
				await page.getByRole('button', { name: 'Save' }).click();
				await saved;
			};
			const served = join(root, 'content');
			const times = () =>
				readdirSync(served, { recursive: true, encoding: 'utf8' })
					.map((file) => `${file} ${statSync(join(served, file)).mtimeMs}`)
					.sort();
			const before = times();
			await saveEntry('mql', 'Lead score threshold', '100', '120');
			const afterFirst = loads;
			// Reloads came every few seconds after the first save, on the board of changes most.
			await go('#/workflow');
			await page.waitForTimeout(15_000);
			expect(loads, 'reloads while the board of changes was open').toBe(afterFirst);
			await saveEntry(
				'won',
				/^Summary/,
				'The customer signed.',
				'The customer signed the contract.',
			);
			await page.waitForTimeout(3_000);
			expect(loads).toBe(afterFirst);
			await page.close();
			// The site's own files never changed under it: the saves are branches, made aside.
			expect(times()).toEqual(before);
			const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
			expect(git('show', 'cms/lead-stages/mql:content/lead-stages/mql.mdx')).toContain(
				'score_threshold: 120',
			);
			expect(git('show', 'cms/lead-stages/won:content/lead-stages/won.mdx')).toContain(
				'summary: The customer signed the contract.',
			);
			expect(git('status', '--porcelain')).toBe('');
		}, 120_000);
	});
});
