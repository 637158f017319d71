import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Where the playbook lives on GitHub and how the editor reaches it, from the environment. One
 * setting, `PLAYBOOK_REPO=owner/name`, fills the editor's backend, its "Edit this definition"
 * links and Starlight's link to the file on GitHub; without it the site shows neither link.
 */
export interface EditorSettings {
	/** `owner/name` on GitHub, when the playbook has one. */
	repo?: string;
	/** The branch pull requests merge into. */
	branch: string;
	/** True under `npm run edit`: the editor saves to this machine's git through Decap's local backend. */
	local: boolean;
	/**
	 * False with `PLAYBOOK_EDITOR=off`: the site is built without `/admin/` and without links to
	 * it. The deploy sets it where the site shares its origin with other sites (`*.github.io`),
	 * which could read the GitHub token the editor keeps in the browser.
	 */
	enabled: boolean;
	/**
	 * True with `PLAYBOOK_REPO_PRIVATE=true`: GitHub grants the editor access to private
	 * repositories only with the `repo` scope (every repository the person can reach); a public
	 * one needs only `public_repo`.
	 */
	privateRepo: boolean;
	/** Decap's local backend (`decap-server`), tried first when the editor runs on this machine. */
	localBackendUrl: string;
	/** The sign-in service for GitHub (an OAuth provider), when it is not Netlify's. */
	oauthUrl?: string;
	oauthEndpoint?: string;
	siteUrl?: string;
}

export const DEFAULT_EDITOR_PORT = 8081;

/** A problem with the settings, worded for the person who set them. */
export class EditorSettingsError extends Error {}

const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const BRANCH = /^(?!\/|.*(?:\.\.|\/\/|@\{|\.lock$|\/$))[A-Za-z0-9._/-]+$/;

export function editorSettings(
	env: Record<string, string | undefined> = process.env,
): EditorSettings {
	const repo = env.PLAYBOOK_REPO?.trim() || undefined;
	if (repo && !REPO.test(repo)) {
		throw new EditorSettingsError(
			`PLAYBOOK_REPO  is "${repo}", which is not a GitHub repository. Set it to owner/name, for example PLAYBOOK_REPO=ledgerline/playbook.`,
		);
	}
	const branch = env.PLAYBOOK_BRANCH?.trim() || 'main';
	if (!BRANCH.test(branch)) {
		throw new EditorSettingsError(
			`PLAYBOOK_BRANCH  is "${branch}", which is not a branch name. Set it to the branch pull requests merge into, for example main.`,
		);
	}
	const port = env.PLAYBOOK_EDITOR_PORT?.trim() || String(DEFAULT_EDITOR_PORT);
	if (!/^\d{2,5}$/.test(port) || Number(port) > 65535) {
		throw new EditorSettingsError(
			`PLAYBOOK_EDITOR_PORT  is "${port}", which is not a port. Leave it unset for ${DEFAULT_EDITOR_PORT}, or set a number such as 8082.`,
		);
	}
	const mode = env.PLAYBOOK_EDITOR?.trim() || 'on';
	if (!['on', 'off', 'local'].includes(mode)) {
		throw new EditorSettingsError(
			`PLAYBOOK_EDITOR  is "${mode}", which is not a choice. Leave it unset for the editor at /admin/, or set off to build the site without it.`,
		);
	}
	const privateRepo = env.PLAYBOOK_REPO_PRIVATE?.trim() || 'false';
	if (privateRepo !== 'true' && privateRepo !== 'false') {
		throw new EditorSettingsError(
			`PLAYBOOK_REPO_PRIVATE  is "${privateRepo}", which is neither true nor false. Set true when the repository on GitHub is private.`,
		);
	}
	if (
		repo &&
		mode === 'on' &&
		env.PLAYBOOK_SITE &&
		sharedOrigin(new URL(env.PLAYBOOK_SITE).origin)
	) {
		throw new EditorSettingsError(
			`PLAYBOOK_EDITOR  is on for ${env.PLAYBOOK_SITE}, an address every GitHub Pages site of its owner shares, and any of them could read the editor's GitHub sign-in. Set PLAYBOOK_EDITOR=off, or give the site a domain of its own.`,
		);
	}
	return {
		...(repo && { repo }),
		branch,
		local: mode === 'local',
		enabled: mode !== 'off',
		privateRepo: privateRepo === 'true',
		localBackendUrl: `http://localhost:${port}/api/v1`,
		...(env.PLAYBOOK_OAUTH_URL && { oauthUrl: env.PLAYBOOK_OAUTH_URL.replace(/\/+$/, '') }),
		...(env.PLAYBOOK_OAUTH_ENDPOINT && { oauthEndpoint: env.PLAYBOOK_OAUTH_ENDPOINT }),
		...(env.PLAYBOOK_SITE && { siteUrl: env.PLAYBOOK_SITE }),
	};
}

/**
 * True when entry pages link to the editor: it is built, and there is a repository or the
 * editor runs locally.
 */
export function hasEditor(settings: EditorSettings): boolean {
	return settings.enabled && (settings.repo !== undefined || settings.local);
}

/**
 * True where an origin is shared by every GitHub Pages site of its owner (`owner.github.io`):
 * any of them could read what the editor keeps in the browser, its GitHub token among it.
 */
export function sharedOrigin(origin: string): boolean {
	return /^https?:\/\/[^/]+\.github\.io(?::\d+)?\/?$/i.test(origin.trim());
}

/** The origin the local backend answers on, for the editor page's `connect-src`. */
export function localBackendOrigin(settings: EditorSettings): string {
	return new URL(settings.localBackendUrl).origin;
}

/** The editor's address for one entry, under the site's base. */
export function editorEntryUrl(base: string, collection: string, id: string): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	return `${root}admin/#/collections/${encodeURIComponent(collection)}/entries/${encodeURIComponent(id)}`;
}

/** The file's page on GitHub, in its edit view, or undefined without a repository. */
export function githubEditUrl(settings: EditorSettings, repoPath: string): string | undefined {
	if (!settings.repo) return undefined;
	const path = repoPath.split(/[\\/]/).map(encodeURIComponent).join('/');
	return `https://github.com/${settings.repo}/edit/${settings.branch}/${path}`;
}

/**
 * The root of the git repository a folder is in (the nearest folder above it with `.git`), or
 * undefined when it is in none.
 */
export function gitRootOf(folder: string): string | undefined {
	let current = resolve(folder);
	for (;;) {
		if (existsSync(join(current, '.git'))) return current;
		const parent = dirname(current);
		if (parent === current) return undefined;
		current = parent;
	}
}

/** A path relative to the repository root, written with `/` as git and the editor write it. */
export function repoRelativePath(path: string): string {
	const root = gitRootOf(path) ?? process.cwd();
	return relative(root, resolve(path)).split(sep).join('/');
}
