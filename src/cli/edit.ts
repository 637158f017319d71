import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settings } from '../schemas/settings.ts';
import { gitRootOf } from '../site/editor/settings.ts';
import {
	type EditorBackend,
	portInUse,
	PortInUseError,
	startEditorBackend,
} from './editor-backend.ts';
import { contentFolder, parseOptions, UsageError } from './usage.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `playbook edit [--content DIR] [--port N] [--backend-port N]`: the site with live reload and
 * the editor at /admin/, saving through Decap's local backend (`decap-server`, MODE=git) into
 * this machine's repository. Each save is a `cms/<collection>/<id>` branch, as a pull request
 * would be on GitHub; nothing leaves the machine. The backend answers only on 127.0.0.1, only
 * the editor page this run serves, only with the session key printed in the editor's address,
 * and only for reading the content and uploads folders and saving to `cms/…` branches
 * (editor-guard.ts).
 */
export async function runEdit(args: string[]): Promise<number> {
	const { values } = parseOptions(args, {
		content: { type: 'string', default: 'content' },
		port: { type: 'string', default: '4321' },
		'backend-port': { type: 'string', default: String(settings().editorPort) },
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

	// 1. Both ports must be free: Astro would quietly take the next one, and the editor's address
	// printed below would then be wrong.
	for (const [option, number] of [
		['--port', port],
		['--backend-port', backendPort],
	] as const) {
		if (await portInUse(number)) {
			console.error(portInUseLine(option, number));
			return 1;
		}
	}

	// 2. The local backend, answering only the editor this run opens: its address, its page, and
	// a secret made for this run, handed over in the address printed below.
	const secret = randomBytes(24).toString('base64url');
	const env = {
		...process.env,
		PLAYBOOK_CONTENT: content,
		PLAYBOOK_EDITOR: 'local',
		PLAYBOOK_EDITOR_PORT: String(backendPort),
	};
	let backend: EditorBackend;
	try {
		backend = await startEditorBackend({
			repo,
			branch: settings().branch,
			port: backendPort,
			siteOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
			secret,
			folders: [relative(repo, content).split(sep).join('/') || '.', 'public/uploads'],
			env,
			onRefuse: (line) => console.error(`The editor's backend refused ${line}`),
		});
	} catch (error) {
		console.error(
			error instanceof PortInUseError
				? portInUseLine('--backend-port', backendPort)
				: `The editor's local backend did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
		);
		return 1;
	}
	// 3. The site, with the editor at /admin/.
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
	void backend.exited.then(({ code, log }) => {
		if (code === null) return;
		console.error(
			`The editor's local backend stopped: ${log.trim().split('\n').at(-1) ?? `exit code ${code}`}`,
		);
		site.kill();
	});

	console.log(
		[
			`The editor: http://127.0.0.1:${port}/admin/#session=${secret}`,
			"(press Login; no GitHub account needed here. The address holds this run's key: keep it to yourself.)",
			`Each save is a branch of ${repo}: list them with git log --all --oneline,`,
			'and read one as its pull request would show it with npm run diff -- main cms/<collection>/<id>.',
			'Press Ctrl+C to stop.',
		].join('\n'),
	);

	const stop = () => {
		site.kill();
		void backend.close();
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return new Promise((done) => {
		site.once('exit', (code) => {
			void backend.close().then(() => done(code && code !== 0 ? 1 : 0));
		});
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

function portInUseLine(option: string, port: number): string {
	return `${option}  -  ${port} is in use (another npm run edit?). Stop it, or choose another port: npm run edit -- ${option} ${port + 1}.`;
}
