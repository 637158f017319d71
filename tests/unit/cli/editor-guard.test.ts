import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type EditorBackend, startEditorBackend } from '../../../src/cli/editor-backend.ts';
import { actionRefusal, pathRefusal, type GuardRules } from '../../../src/cli/editor-guard.ts';
import { GIT_IDENTITY, TestRepo } from '../../support/git-repo.ts';

/**
 * The local backend of `npm run edit` answers only its own editor: the real decap-server behind
 * the guard, in a real repository, asked over real HTTP on 127.0.0.1, as a page on another site,
 * another program on this machine or a DNS-rebinding attack would ask it.
 */

const repo = new TestRepo();
const SITE = 'http://127.0.0.1:4399';
const SECRET = 'a-secret-for-this-run-only-0123456789';
const refusals: string[] = [];
let backend: EditorBackend;
let rules: GuardRules;

beforeAll(async () => {
	rules = {
		port: 0,
		siteOrigins: [SITE, 'http://localhost:4399'],
		secret: SECRET,
		branch: 'main',
		folders: ['content', 'public/uploads'],
	};
	backend = await startEditorBackend({
		...rules,
		repo: repo.root,
		env: { ...process.env, ...GIT_IDENTITY },
		onRefuse: (line) => refusals.push(line),
	});
	// Port 0: the guard takes a free port itself, so no other test can take it in between.
	rules.port = backend.port;
}, 30_000);

afterAll(() => backend?.close());

interface Sent {
	host?: string;
	origin?: string | null;
	path?: string;
	method?: string;
	body?: unknown;
}

/** One HTTP request to the guard, with the Host and Origin chosen here. */
function send(sent: Sent = {}): Promise<{ status: number; body: { error?: string } & object }> {
	const {
		host = `127.0.0.1:${rules.port}`,
		origin = SITE,
		path = `/api/v1?session=${SECRET}`,
		method = 'POST',
		body = { action: 'info' },
	} = sent;
	return new Promise((resolve, reject) => {
		const call = request(
			{
				host: '127.0.0.1',
				port: rules.port,
				path,
				method,
				headers: {
					host,
					'content-type': 'application/json',
					...(origin !== null && { origin }),
				},
			},
			(response) => {
				let text = '';
				response.on('data', (chunk: Buffer) => (text += String(chunk)));
				response.on('end', () =>
					resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : {} }),
				);
			},
		);
		call.on('error', reject);
		call.end(method === 'POST' ? JSON.stringify(body) : undefined);
	});
}

const action = (name: string, params: Record<string, unknown> = {}) => ({
	action: name,
	branch: 'main',
	params: { branch: 'main', ...params },
});

const persist = (path: string, useWorkflow = true, slug = 'mql') =>
	action('persistEntry', {
		dataFiles: [{ slug, path, raw: 'changed\n' }],
		assets: [],
		options: {
			collectionName: 'lead-stages',
			commitMessage: 'Change lead-stages “mql”',
			useWorkflow,
			status: 'draft',
		},
	});

/** Sends one request that must be refused, and returns its one line. */
async function refused(sent: Sent): Promise<string> {
	const before = refusals.length;
	const { status, body } = await send(sent);
	expect(status).toBeGreaterThanOrEqual(400);
	expect(body.error).toBeTypeOf('string');
	expect(body.error!.split('\n')).toHaveLength(1);
	expect(refusals.slice(before)).toEqual([body.error]);
	return body.error!;
}

describe('the local backend answers its own editor', () => {
	test('the editor, from its page with its key, reads the content', async () => {
		expect((await send()).body).toMatchObject({ type: 'local_git' });
		const entries = await send({
			body: action('entriesByFolder', {
				folder: 'content/lead-stages',
				extension: 'mdx',
				depth: 1,
			}),
		});
		expect(entries.status).toBe(200);
		expect(JSON.stringify(entries.body)).toContain('content/lead-stages/mql.mdx');
	});

	test('a save lands on its cms/ branch of the repository, and main does not move', async () => {
		const main = repo.git('rev-parse', 'main').trim();
		const saved = await send({ body: persist('content/lead-stages/mql.mdx') });
		expect(saved.status).toBe(200);
		expect(repo.git('show', 'cms/lead-stages/mql:content/lead-stages/mql.mdx')).toBe('changed\n');
		expect(repo.git('rev-parse', 'main').trim()).toBe(main);
		// The repository's own files never changed under the site: the backend works in a copy.
		expect(repo.git('status', '--porcelain')).toBe('');
		const listed = await send({ body: action('unpublishedEntries') });
		expect(listed.body).toEqual(['lead-stages/mql']);
	});

	test('the browser is told it may read the answers, for the editor page only', async () => {
		const preflight = await new Promise<Record<string, unknown>>((resolve, reject) => {
			const call = request(
				{
					host: '127.0.0.1',
					port: rules.port,
					path: `/api/v1?session=${SECRET}`,
					method: 'OPTIONS',
					headers: { origin: SITE, 'access-control-request-method': 'POST' },
				},
				(response) => resolve({ status: response.statusCode, ...response.headers }),
			);
			call.on('error', reject);
			call.end();
		});
		expect(preflight).toMatchObject({ status: 204, 'access-control-allow-origin': SITE });
	});
});

describe('everyone else is refused, in one line', () => {
	test('another Host (a DNS-rebinding page) is refused', async () => {
		expect(await refused({ host: `evil.example:${rules.port}` })).toMatch(
			/^POST \/api\/v1 {2}Host {2}"evil\.example:\d+" is not the editor's address/,
		);
	});

	test('another Origin, or none, is refused', async () => {
		expect(await refused({ origin: 'http://localhost:3000' })).toMatch(
			/^POST \/api\/v1 {2}Origin {2}"http:\/\/localhost:3000" is not the editor's page/,
		);
		expect(await refused({ origin: null })).toContain('Origin  "" is not');
	});

	test('a missing or wrong session key is refused', async () => {
		expect(await refused({ path: '/api/v1' })).toContain('session  is missing or not this run');
		expect(await refused({ path: '/api/v1?session=guess' })).toContain('session  is missing');
	});

	test('a path outside the content and uploads folders is refused', async () => {
		expect(await refused({ body: action('getEntry', { path: 'package.json' }) })).toContain(
			'"package.json" is outside the folders the editor works in',
		);
		expect(
			await refused({ body: action('getEntry', { path: 'content/../.git/config' }) }),
		).toContain('steps out of its folder');
		expect(await refused({ body: action('getEntry', { path: '/etc/passwd' }) })).toContain(
			'is an absolute path',
		);
		expect(
			await refused({
				body: action('entriesByFolder', { folder: '.', extension: 'mdx', depth: 9 }),
			}),
		).toContain('steps out of its folder');
	});

	test('a write to .git/config is refused, and the repository settings stay as they were', async () => {
		const before = repo.git('config', '--list', '--local');
		expect(await refused({ body: persist('.git/config') })).toContain(
			'dataFiles.path  ".git/config" names a hidden file',
		);
		expect(await refused({ body: persist('content/.git/config') })).toContain('hidden file');
		expect(repo.git('config', '--list', '--local')).toBe(before);
	});

	test('a commit straight to main is refused', async () => {
		const main = repo.git('rev-parse', 'main').trim();
		expect(await refused({ body: persist('content/lead-stages/new.mdx', false) })).toMatch(
			/persistEntry {2}options\.useWorkflow {2}is not set, so the save would be a commit straight to main/,
		);
		expect(
			await refused({
				body: action('deleteFiles', {
					paths: ['content/lead-stages/new.mdx'],
					options: { commitMessage: 'x' },
				}),
			}),
		).toContain('would change main directly');
		expect(
			await refused({
				body: action('persistMedia', {
					asset: { path: 'public/uploads/a.png', content: 'AA==', encoding: 'base64' },
					options: { commitMessage: 'x' },
				}),
			}),
		).toContain('would change main directly');
		expect(await refused({ body: { ...action('getEntry'), branch: 'cms/x/y' } })).toContain(
			'branch  "cms/x/y" is not main',
		);
		expect(repo.git('rev-parse', 'main').trim()).toBe(main);
	});

	test('publishing (a merge into main) is refused', async () => {
		await send({ body: persist('content/lead-stages/won.mdx', true, 'won') });
		const main = repo.git('rev-parse', 'main').trim();
		expect(
			await refused({
				body: action('publishUnpublishedEntry', { collection: 'lead-stages', slug: 'won' }),
			}),
		).toContain('publishing merges into main, which happens on GitHub');
		expect(repo.git('rev-parse', 'main').trim()).toBe(main);
		expect(repo.git('branch', '--list', 'cms/lead-stages/won').trim()).not.toBe('');
	});

	test('a branch name made of a crafted collection or entry id is refused', async () => {
		expect(
			await refused({
				body: action('deleteUnpublishedEntry', { collection: '..', slug: 'main' }),
			}),
		).toContain('is not the name of a collection or an entry');
	});

	test('neither the guard nor decap-server answers on another network interface', async () => {
		const outside = Object.values(networkInterfaces())
			.flat()
			.find((address) => address && address.family === 'IPv4' && !address.internal);
		if (!outside) return;
		const reached = await fetch(`http://${outside.address}:${rules.port}/api/v1`).then(
			() => true,
			() => false,
		);
		expect(reached).toBe(false);
	});
});

describe('the rules, one by one', () => {
	const folders = ['content', 'public/uploads'];
	test.each([
		['content/lead-stages/mql.mdx', undefined],
		['public/uploads/logo.png', undefined],
		['contents/x.mdx', 'outside'],
		['content', undefined],
		['content/./x.mdx', 'steps out'],
		['content//x.mdx', 'steps out'],
		['content\\..\\x', 'plain path'],
		['content/x\n.mdx', 'plain path'],
		['C:/x', 'plain path'],
		['content/.gitattributes', 'hidden file'],
	])('%j', (path, problem) => {
		const refusal = pathRefusal('at', 'path', path, folders);
		if (problem === undefined) expect(refusal).toBeUndefined();
		else expect(refusal).toContain(problem);
	});

	test('an action the editor never sends is refused', () => {
		const rules = { port: 1, siteOrigins: [], secret: 'x', branch: 'main', folders };
		expect(
			actionRefusal({ action: 'runCommand', branch: 'main', params: { branch: 'main' } }, rules),
		).toContain('action  is not one the editor uses');
		expect(actionRefusal('not an object', rules)).toContain('action  is missing');
	});
});
