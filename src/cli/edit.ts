import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EDITOR_PORT, gitRootOf } from '../site/editor/settings.ts';
import { contentFolder, parseOptions, UsageError } from './usage.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `playbook edit [--content DIR] [--port N] [--backend-port N]`: the site with live reload and
 * the editor at /admin/, saving through Decap's local backend (`decap-server`, MODE=git) into
 * this machine's repository. Each save is a `cms/<collection>/<id>` branch, as a pull request
 * would be on GitHub; nothing leaves the machine.
 */
export async function runEdit(args: string[]): Promise<number> {
	const { values } = parseOptions(args, {
		content: { type: 'string', default: 'content' },
		port: { type: 'string', default: '4321' },
		'backend-port': {
			type: 'string',
			default: process.env.PLAYBOOK_EDITOR_PORT || String(DEFAULT_EDITOR_PORT),
		},
	});
	const content = resolve(contentFolder(values.content));
	const port = portOption('port', values.port);
	const backendPort = portOption('backend-port', values['backend-port']);

	// The editor commits to branches of the repository the content is in, so it must be one,
	// and one with nothing uncommitted: a save takes every change in the folder with it.
	const repo = gitRootOf(content);
	if (!repo) {
		console.error(
			`${values.content}  -  is not in a git repository, and the editor saves to git. Clone the playbook with git, then run npm run edit in it.`,
		);
		return 1;
	}
	const changed = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' });
	if (changed.trim() !== '') {
		const first = changed.split('\n')[0]!.slice(3);
		console.error(
			`${first}  -  has changes that are not committed, and each save in the editor commits everything in ${repo}. Commit or stash them (git stash), then run npm run edit again.`,
		);
		return 1;
	}

	// Each save is a commit, and git makes none without a name and email to sign it with.
	if (!gitKnowsWhoYouAre(repo)) {
		console.error(
			'git  -  has no name and email for you, and each save in the editor is a commit made in your name. Set them once with git config --global user.name "Your Name" and git config --global user.email "you@example.com", then run npm run edit again.',
		);
		return 1;
	}

	const require = createRequire(import.meta.url);
	const children: ChildProcess[] = [];
	const env = {
		...process.env,
		PLAYBOOK_CONTENT: content,
		PLAYBOOK_EDITOR: 'local',
		PLAYBOOK_EDITOR_PORT: String(backendPort),
	};
	const backend = spawn(process.execPath, [require.resolve('decap-server/dist/index.js')], {
		env: { ...env, MODE: 'git', PORT: String(backendPort), GIT_REPO_DIRECTORY: repo },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.push(backend);
	// decap-server logs every request; only its failure to start is worth a line here.
	let backendLog = '';
	backend.stdout.on('data', (chunk: Buffer) => (backendLog += String(chunk)));
	backend.stderr.on('data', (chunk: Buffer) => (backendLog += String(chunk)));
	backend.once('exit', (code) => {
		if (code === null) return;
		const inUse = /EADDRINUSE/.test(backendLog);
		console.error(
			inUse
				? `--backend-port  -  ${backendPort} is in use (another npm run edit?). Stop it, or choose another port: npm run edit -- --backend-port ${backendPort + 1}.`
				: `The editor's local backend stopped: ${backendLog.trim().split('\n').at(-1) ?? `exit code ${code}`}`,
		);
	});
	const site = spawn(
		process.execPath,
		[
			join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
			'dev',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{ cwd: ROOT, env, stdio: 'inherit' },
	);
	children.push(site);
	console.log(
		[
			`The editor: http://localhost:${port}/admin/ (press Login; no GitHub account needed here).`,
			`Each save is a branch of ${repo}: list them with git log --all --oneline,`,
			'and read one as its pull request would show it with npm run diff -- main cms/<collection>/<id>.',
			'Press Ctrl+C to stop.',
		].join('\n'),
	);

	const stop = () => children.forEach((child) => child.kill());
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return new Promise((done) => {
		let exited = false;
		for (const child of children) {
			child.once('exit', (code) => {
				if (exited) return;
				exited = true;
				stop();
				done(code && code !== 0 ? 1 : 0);
			});
		}
	});
}

/** True where git can sign a commit in this repository (its settings, yours, or the variables). */
function gitKnowsWhoYouAre(repo: string): boolean {
	return ['GIT_AUTHOR_IDENT', 'GIT_COMMITTER_IDENT'].every(
		(ident) => spawnSync('git', ['var', ident], { cwd: repo, stdio: 'ignore' }).status === 0,
	);
}

function portOption(name: string, value: string): number {
	const port = Number(value);
	if (!/^\d+$/.test(value) || port < 1 || port > 65535)
		throw new UsageError(`--${name} must be a port number, such as 4321, not "${value}".`);
	return port;
}
