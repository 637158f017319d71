import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionRefusal, type GuardRules, requestRefusal } from './editor-guard.ts';

/**
 * The editor's local backend under `npm run edit`: Decap's `decap-server` (MODE=git) on an
 * internal port of 127.0.0.1, working in a copy of the repository, behind the guard of
 * editor-guard.ts on the port the editor talks to.
 *
 * Why a copy: decap-server checks out each `cms/…` branch to read it, every few seconds while
 * the editor is open. In the repository the site is served from, each checkout changed the
 * content under the dev server, which reloaded every page, the editor with it. The copy shares
 * the repository's objects (`git clone --shared`); each save's branch is fetched back at once.
 */

export interface EditorBackendOptions extends GuardRules {
	/** The repository the content is in, where the saves' branches land. */
	repo: string;
	/** Variables for decap-server (git's name and email among them). */
	env?: NodeJS.ProcessEnv;
	/** Told each refusal, one line. */
	onRefuse?: (line: string) => void;
}

export interface EditorBackend {
	/** The port the guard listens on (the one asked for, or the one given for port 0). */
	port: number;
	/** Resolves when decap-server stops, with its exit code and its last lines. */
	exited: Promise<{ code: number | null; log: string }>;
	close(): Promise<void>;
}

/** A port that another program already listens on. */
export class PortInUseError extends Error {
	readonly port: number;
	constructor(port: number) {
		super(`Port ${port} is in use.`);
		this.port = port;
	}
}

const MAX_BODY = 50 * 1024 * 1024;

/**
 * Starts the guard on `options.port` (0: any free port, read back as `port`) and decap-server
 * behind it; rejects when the port is taken.
 */
export async function startEditorBackend(options: EditorBackendOptions): Promise<EditorBackend> {
	const guard = createServer();
	await listen(guard, options.port);
	const rules = { ...options, port: (guard.address() as { port: number }).port };
	const folder = mkdtempSync(join(tmpdir(), 'playbook-editor-'));
	const copy = join(folder, 'repo');
	let backend: ChildProcess | undefined;
	const close = async () => {
		backend?.kill();
		await new Promise((done) => guard.close(done));
		guard.closeAllConnections();
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		copyRepository(options.repo, copy, options.branch);
		// The internal port is chosen before decap-server takes it; another program may take it
		// first. Then decap-server stops, or someone else answers: start again on another port.
		// The guard forwards nothing until decap-server has answered as itself.
		let internal = 0;
		let exited: ReturnType<typeof started> | undefined;
		for (let attempt = 1; !exited; attempt++) {
			internal = await freePort();
			backend = spawnDecapServer(internal, copy, options.env);
			const run = started(backend);
			const failure = await Promise.race([
				run.ready.then(() => answersAsDecap(internal).then((ok) => (ok ? undefined : 'taken'))),
				run.done.then(({ log }) => log.trim().split('\n').at(-1) ?? 'decap-server stopped'),
			]);
			if (failure === undefined) exited = run;
			else {
				backend.kill();
				if (attempt === 3) throw new Error(failure);
			}
		}
		let queue = Promise.resolve();
		guard.on('request', (request: IncomingMessage, response: ServerResponse) => {
			// The body is read first, outside the queue: a page closed mid-request never ends its
			// body, and must not hold up the calls behind it.
			void readBody(request).then((text) => {
				// One action at a time: decap-server refuses any that waits for another over 3 s,
				// and the copy is brought up to date between them.
				queue = queue.then(() =>
					answer(request, text, response, rules, copy, internal).catch(() => {
						if (!response.headersSent) response.writeHead(500).end();
					}),
				);
			});
		});
		return { port: rules.port, exited: exited.done, close };
	} catch (error) {
		await close();
		throw error;
	}
}

function spawnDecapServer(port: number, copy: string, env = process.env): ChildProcess {
	return spawn(
		process.execPath,
		[createRequire(import.meta.url).resolve('decap-server/dist/index.js')],
		{
			env: {
				...env,
				MODE: 'git',
				PORT: String(port),
				BIND_HOST: '127.0.0.1',
				GIT_REPO_DIRECTORY: copy,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
}

/**
 * True when the program on this port answers as decap-server in git mode does. decap-server
 * listens before its routes are in place (it does not wait for its own git check), so for a
 * moment it answers "Cannot POST" to everything: ask again until it answers, for up to 15 s.
 */
async function answersAsDecap(port: number): Promise<boolean> {
	const until = Date.now() + 15_000;
	while (Date.now() < until) {
		try {
			const answered = await fetch(`http://127.0.0.1:${port}/api/v1`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ action: 'info' }),
				signal: AbortSignal.timeout(5_000),
			});
			if (answered.status !== 404) {
				const info = (await answered.json()) as { type?: unknown };
				return info.type === 'local_git';
			}
		} catch {
			return false;
		}
		await new Promise((wait) => setTimeout(wait, 50));
	}
	return false;
}

async function answer(
	request: IncomingMessage,
	text: string | undefined | null,
	response: ServerResponse,
	options: EditorBackendOptions,
	copy: string,
	internal: number,
): Promise<void> {
	const refuse = (line: string, status = 403) => {
		options.onRefuse?.(line);
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ error: line }));
	};
	const origin = request.headers.origin;
	const refusal = requestRefusal(
		{ method: request.method ?? '', url: request.url ?? '', host: request.headers.host, origin },
		options,
	);
	if (refusal) return refuse(refusal);
	// From here the page is the editor's, so it may read the answers.
	response.setHeader('access-control-allow-origin', origin!);
	response.setHeader('vary', 'Origin');
	if (request.method === 'OPTIONS') {
		response.writeHead(204, {
			'access-control-allow-methods': 'POST',
			'access-control-allow-headers': 'Content-Type',
			'access-control-max-age': '600',
		});
		return void response.end();
	}
	if (text === null) return void response.destroy();
	if (text === undefined)
		return refuse('POST /api/v1  body  is over 50 MB. Save smaller files.', 413);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return refuse('POST /api/v1  body  is not JSON. Only the editor talks to this address.', 400);
	}
	const problem = actionRefusal(body, options);
	if (problem) return refuse(problem);
	const { action, params } = body as { action: string; params?: Record<string, string> };
	if (action !== 'info') catchUp(options.repo, copy, options.branch);
	const answered = await fetch(`http://127.0.0.1:${internal}/api/v1`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: text,
		// A call that hangs must not hold up every one behind it.
		signal: AbortSignal.timeout(60_000),
	});
	const reply = await answered.text();
	if (answered.ok) bringBack(action, params ?? {}, options.repo, copy);
	response.writeHead(answered.status, { 'content-type': 'application/json' });
	response.end(reply);
}

/** The copy decap-server works in: the base branch, the saves' branches and their statuses. */
function copyRepository(repo: string, copy: string, branch: string) {
	try {
		execFileSync('git', ['rev-parse', '--verify', '-q', `refs/heads/${branch}`], {
			cwd: repo,
			stdio: 'pipe',
		});
	} catch {
		throw new Error(
			`${branch} is not a branch of ${repo}, and the editor starts each change from it. Set PLAYBOOK_BRANCH to the branch pull requests merge into.`,
		);
	}
	execFileSync('git', ['clone', '-q', '--shared', '--branch', branch, repo, copy], {
		stdio: 'pipe',
	});
	const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, stdio: 'pipe' });
	git('fetch', '-q', 'origin', '+refs/heads/cms/*:refs/heads/cms/*');
	// The saves are made in the person's name, as set in their repository.
	for (const key of ['user.name', 'user.email']) {
		const value = gitConfig(repo, key);
		if (value) git('config', key, value);
	}
	copyStatuses(repo, copy);
}

/** Brings the copy's base branch to the repository's, when a commit landed there meanwhile. */
function catchUp(repo: string, copy: string, branch: string) {
	const ref = `refs/heads/${branch}`;
	const [theirs, ours] = [repo, copy].map((cwd) =>
		execFileSync('git', ['rev-parse', ref], { cwd, encoding: 'utf8' }).trim(),
	);
	if (theirs === ours) return;
	execFileSync('git', ['fetch', '-q', 'origin', ref], { cwd: copy, stdio: 'pipe' });
	execFileSync('git', ['reset', '-q', '--hard', 'FETCH_HEAD'], { cwd: copy, stdio: 'pipe' });
}

/** Copies what an action changed in the copy back into the repository. */
function bringBack(action: string, params: Record<string, string>, repo: string, copy: string) {
	if (action === 'persistEntry') {
		execFileSync('git', ['fetch', '-q', copy, '+refs/heads/cms/*:refs/heads/cms/*'], {
			cwd: repo,
			stdio: 'pipe',
		});
		copyStatuses(copy, repo);
	} else if (action === 'updateUnpublishedEntryStatus') {
		copyStatuses(copy, repo);
	} else if (action === 'deleteUnpublishedEntry') {
		const branch = `cms/${params.collection}/${params.slug}`;
		execFileSync('git', ['branch', '-q', '-D', branch], { cwd: repo, stdio: 'ignore' });
	}
}

/** The editor's board keeps each change's status as its branch's description. */
function copyStatuses(from: string, to: string) {
	const lines = gitConfig(from, '--get-regexp', '^branch\\.cms/.*\\.description$');
	for (const line of lines.split('\n').filter(Boolean)) {
		const [key, ...value] = line.split(' ');
		execFileSync('git', ['config', key!, value.join(' ')], { cwd: to, stdio: 'pipe' });
	}
}

function gitConfig(cwd: string, ...args: string[]): string {
	try {
		return execFileSync('git', ['config', ...args], { cwd, encoding: 'utf8' }).trim();
	} catch {
		return '';
	}
}

function started(child: ChildProcess) {
	let log = '';
	let ready!: () => void;
	const readyPromise = new Promise<void>((resolve) => (ready = resolve));
	const listen = (chunk: Buffer) => {
		log = (log + String(chunk)).slice(-4000);
		if (/listening on/.test(log)) ready();
	};
	child.stdout!.on('data', listen);
	child.stderr!.on('data', listen);
	const done = new Promise<{ code: number | null; log: string }>((resolve) =>
		child.once('exit', (code) => resolve({ code, log })),
	);
	return { ready: readyPromise, done };
}

/** The request's body; undefined when it is over the limit, null when the caller went away. */
function readBody(request: IncomingMessage): Promise<string | undefined | null> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY) chunks.push(chunk);
		});
		request.on('end', () =>
			resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')),
		);
		request.on('error', () => resolve(null));
		request.on('close', () => {
			if (!request.complete) resolve(null);
		});
	});
}

function listen(server: Server, port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
		);
		server.listen(port, '127.0.0.1', () => resolve());
	});
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
	const server = createServer();
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** True when a program already listens on this port of 127.0.0.1. */
export async function portInUse(port: number): Promise<boolean> {
	const server = createServer();
	try {
		await listen(server, port);
		await new Promise((done) => server.close(done));
		return false;
	} catch (error) {
		if (error instanceof PortInUseError) return true;
		throw error;
	}
}
