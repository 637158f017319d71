import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
	parseSettings,
	PLACEHOLDER_SITE,
	settings as playbookSettings,
} from '../../schemas/settings.ts';

export { DEFAULT_EDITOR_PORT, sharedOrigin } from '../../schemas/settings.ts';

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

/**
 * The editor's settings, from the playbook's settings (this process's, or those of `env`). Bad
 * values throw a `SettingsError`, one line each.
 */
export function editorSettings(env?: Record<string, string | undefined>): EditorSettings {
	const { repo, branch, editor, repoPrivate, editorPort, oauthUrl, oauthEndpoint, site } = env
		? parseSettings(env)
		: playbookSettings();
	return {
		...(repo && { repo }),
		branch,
		local: editor === 'local',
		enabled: editor !== 'off',
		privateRepo: repoPrivate,
		localBackendUrl: `http://localhost:${editorPort}/api/v1`,
		...(oauthUrl && { oauthUrl }),
		...(oauthEndpoint && { oauthEndpoint }),
		// The placeholder address is no site to link to from the editor.
		...(site !== PLACEHOLDER_SITE && { siteUrl: site }),
	};
}

/**
 * True when entry pages link to the editor: it is built, and there is a repository or the
 * editor runs locally.
 */
export function hasEditor(settings: EditorSettings): boolean {
	return settings.enabled && (settings.repo !== undefined || settings.local);
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
