import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { GIT_IDENTITY } from './git-repo.ts';
import { MINIMAL } from './helpers.ts';
import { ROOT } from './sites.ts';

/** `npm run edit`: the site and the editor, saving to branches of the repository on this machine. */

const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');
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

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
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

	test('serves the site with edit links, the editor, its configuration and the local backend', async () => {
		const root = playbookRepo();
		const [port, backendPort] = [await freePort(), await freePort()];
		const child = spawn(
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
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
		child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
		try {
			const site = `http://127.0.0.1:${port}`;
			await expect
				.poll(
					() =>
						fetch(`${site}/admin/`).then(
							(r) => r.status,
							() => 0,
						),
					{ timeout: 60_000, interval: 500 },
				)
				.toBe(200);
			expect(output).toContain(`The editor: http://localhost:${port}/admin/`);
			const config = yaml.load(await (await fetch(`${site}/admin/config.yml`)).text()) as {
				local_backend: { url: string };
				collections: { name: string; folder: string }[];
			};
			expect(config.local_backend.url).toBe(`http://localhost:${backendPort}/api/v1`);
			expect(config.collections[0]).toMatchObject({ name: 'team', folder: 'content/team' });
			const script = await fetch(`${site}/admin/decap/decap-cms.js`);
			expect(script.status).toBe(200);
			expect(script.headers.get('content-type')).toContain('javascript');
			const info = await fetch(`http://127.0.0.1:${backendPort}/api/v1`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ action: 'info' }),
			});
			expect(await info.json()).toMatchObject({ type: 'local_git' });
			const page = await (await fetch(`${site}/lead-stages/mql/`)).text();
			expect(page).toContain('href="/admin/#/collections/lead-stages/entries/mql"');
			expect(page).toContain('Edit this definition');
		} finally {
			process.kill(-child.pid!, 'SIGTERM');
		}
	}, 90_000);
});
