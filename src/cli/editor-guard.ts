import { timingSafeEqual } from 'node:crypto';

/**
 * What the editor's local backend lets through under `npm run edit`. decap-server answers any
 * page and any path in the repository, and can commit to the base branch and merge; the guard
 * in front of it lets through only the editor this command opened (its address, its page, its
 * session) and only what the editor needs: reading the content and uploads folders, and saving
 * to `cms/…` branches. Each rule returns the refusal, one line, or undefined.
 */

/** Who may talk to the backend, and about what. */
export interface GuardRules {
	/** The port the guard listens on, the only one a request's `Host` may name. */
	port: number;
	/** The editor's site, the only `Origin` a request may come from (`http://127.0.0.1:4321`). */
	siteOrigins: readonly string[];
	/** The session secret, given to the editor in its address and nowhere else. */
	secret: string;
	/** The branch saves start from, which nothing here writes to (`main`). */
	branch: string;
	/** Folders, relative to the repository root, the editor may read and save under. */
	folders: readonly string[];
}

/** What the guard reads of one request. */
export interface GuardRequest {
	method: string;
	/** The request's path and query (`/api/v1?session=…`). */
	url: string;
	host?: string | undefined;
	origin?: string | undefined;
}

const FIX_ADDRESS = 'Open the editor at the address npm run edit printed';

/** The refusal of a request by who sent it (address, page, session), or undefined. */
export function requestRefusal(request: GuardRequest, rules: GuardRules): string | undefined {
	const where = `${request.method} ${request.url.split('?')[0]}`;
	const hosts = [`127.0.0.1:${rules.port}`, `localhost:${rules.port}`];
	if (!request.host || !hosts.includes(request.host.toLowerCase()))
		return `${where}  Host  "${printable(request.host)}" is not the editor's address on this machine. ${FIX_ADDRESS}.`;
	if (!request.origin || !rules.siteOrigins.includes(request.origin))
		return `${where}  Origin  "${printable(request.origin)}" is not the editor's page. ${FIX_ADDRESS}.`;
	const url = new URL(request.url, 'http://guard');
	if (url.pathname !== '/api/v1')
		return `${where}  path  is not the editor's backend, which answers at /api/v1 only. ${FIX_ADDRESS}.`;
	if (!sameSecret(url.searchParams.get('session') ?? '', rules.secret))
		return `${where}  session  is missing or not this run's. ${FIX_ADDRESS}, with its #session= part; each npm run edit makes a new one.`;
	if (request.method !== 'POST' && request.method !== 'OPTIONS')
		return `${where}  method  ${request.method} is not one the editor uses. ${FIX_ADDRESS}.`;
	return undefined;
}

/** The statuses a saved change can have in the editor's workflow board. */
const STATUSES = new Set(['draft', 'pending_review', 'pending_publish']);
/** A collection name or an entry id, as the playbook names them: no folders, no dots alone. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

type Params = Record<string, unknown>;

/**
 * The refusal of one backend action (the JSON body of `POST /api/v1`), or undefined when it
 * only reads the editor's folders or saves to a `cms/…` branch.
 */
export function actionRefusal(body: unknown, rules: GuardRules): string | undefined {
	if (!isObject(body) || typeof body.action !== 'string')
		return 'POST /api/v1  action  is missing. Only the editor talks to this address.';
	const action = body.action;
	const at = `POST /api/v1 ${printable(action)}`;
	if (action === 'info') return undefined;
	const params = isObject(body.params) ? body.params : {};
	if (body.branch !== undefined && body.branch !== rules.branch)
		return `${at}  branch  "${printable(body.branch)}" is not ${rules.branch}, the branch the editor starts its changes from. ${FIX_ADDRESS}.`;
	if (params.branch !== rules.branch)
		return `${at}  branch  "${printable(params.branch)}" is not ${rules.branch}, the branch the editor starts its changes from. ${FIX_ADDRESS}.`;
	const path = (field: string, value: unknown) => pathRefusal(at, field, value, rules.folders);
	const names = (...fields: string[]) =>
		fields.map((field) => nameRefusal(at, field, params[field])).find(Boolean);
	switch (action) {
		case 'unpublishedEntries':
		case 'getDeployPreview':
			return undefined;
		case 'entriesByFolder':
			return path('folder', params.folder);
		case 'getMedia':
			return path('mediaFolder', params.mediaFolder);
		case 'getEntry':
		case 'getMediaFile':
			return path('path', params.path);
		case 'entriesByFiles': {
			const files = Array.isArray(params.files) ? (params.files as unknown[]) : [undefined];
			return files.map((file) => path('files', isObject(file) ? file.path : file)).find(Boolean);
		}
		case 'unpublishedEntry':
			if (params.id !== undefined) return idRefusal(at, params.id);
			return names('collection', 'slug');
		case 'unpublishedEntryDataFile':
		case 'unpublishedEntryMediaFile':
			// Their `id` is the file's, which decap-server does not read.
			return names('collection', 'slug') ?? path('path', params.path);
		case 'deleteUnpublishedEntry':
			return names('collection', 'slug');
		case 'updateUnpublishedEntryStatus':
			return (
				names('collection', 'slug') ??
				(STATUSES.has(params.newStatus as string)
					? undefined
					: `${at}  newStatus  "${printable(params.newStatus)}" is not a status of the editor's board (draft, in review, ready).`)
			);
		case 'persistEntry':
			return persistRefusal(at, params, rules);
		case 'publishUnpublishedEntry':
			return `${at}  -  publishing merges into ${rules.branch}, which happens on GitHub once the owners approve the pull request, never from the editor.`;
		case 'persistMedia':
		case 'deleteFile':
		case 'deleteFiles':
			return `${at}  -  would change ${rules.branch} directly. Upload or remove files as part of an entry's change, which is saved on its own branch for review.`;
		default:
			return `${at}  action  is not one the editor uses. ${FIX_ADDRESS}.`;
	}
}

function persistRefusal(at: string, params: Params, rules: GuardRules): string | undefined {
	const options = isObject(params.options) ? params.options : {};
	if (options.useWorkflow !== true)
		return `${at}  options.useWorkflow  is not set, so the save would be a commit straight to ${rules.branch}. Each change is saved on a branch of its own for review; reload the editor.`;
	const nameProblem = nameRefusal(at, 'options.collectionName', options.collectionName);
	if (nameProblem) return nameProblem;
	const files = [
		...(params.entry !== undefined ? [params.entry] : []),
		...(Array.isArray(params.dataFiles) ? (params.dataFiles as unknown[]) : []),
	];
	if (files.length === 0) return `${at}  dataFiles  is empty: there is nothing to save.`;
	for (const file of files) {
		const data = isObject(file) ? file : {};
		const problem =
			nameRefusal(at, 'dataFiles.slug', data.slug) ??
			pathRefusal(at, 'dataFiles.path', data.path, rules.folders) ??
			(data.newPath === undefined
				? undefined
				: pathRefusal(at, 'dataFiles.newPath', data.newPath, rules.folders));
		if (problem) return problem;
	}
	const assets = Array.isArray(params.assets) ? (params.assets as unknown[]) : [];
	for (const asset of assets) {
		const problem = pathRefusal(
			at,
			'assets.path',
			isObject(asset) ? asset.path : asset,
			rules.folders,
		);
		if (problem) return problem;
	}
	if (options.status !== undefined && !STATUSES.has(options.status as string))
		return `${at}  options.status  "${printable(options.status)}" is not a status of the editor's board (draft, in review, ready).`;
	return undefined;
}

/**
 * The refusal of a path outside the editor's folders: absolute, with `..` or `.` parts, hidden
 * names (`.git`), backslashes or control characters, or under none of the folders.
 */
export function pathRefusal(
	at: string,
	field: string,
	value: unknown,
	folders: readonly string[],
): string | undefined {
	const refuse = (why: string) =>
		`${at}  ${field}  "${printable(value)}" ${why}. The editor reads and saves only under ${folders.join(' and ')}.`;
	if (typeof value !== 'string' || value === '') return refuse('is not a path');
	// Control characters, backslashes and drive letters have no place in a content path.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]|^[A-Za-z]:/.test(value)) return refuse('is not a plain path');
	if (value.startsWith('/')) return refuse('is an absolute path');
	const parts = value.replace(/\/$/, '').split('/');
	if (parts.some((part) => part === '..' || part === '.' || part === ''))
		return refuse('steps out of its folder');
	if (parts.some((part) => part.startsWith('.'))) return refuse('names a hidden file, like .git');
	const clean = parts.join('/');
	if (!folders.some((folder) => clean === folder || clean.startsWith(`${folder}/`)))
		return refuse('is outside the folders the editor works in');
	return undefined;
}

function nameRefusal(at: string, field: string, value: unknown): string | undefined {
	if (typeof value === 'string' && NAME.test(value)) return undefined;
	return `${at}  ${field}  "${printable(value)}" is not the name of a collection or an entry. ${FIX_ADDRESS}.`;
}

function idRefusal(at: string, value: unknown): string | undefined {
	const [collection, slug, ...rest] = typeof value === 'string' ? value.split('/') : [];
	if (rest.length === 0 && NAME.test(collection ?? '') && NAME.test(slug ?? '')) return undefined;
	return `${at}  id  "${printable(value)}" is not an entry's change (collection/id). ${FIX_ADDRESS}.`;
}

function sameSecret(given: string, secret: string): boolean {
	const [a, b] = [Buffer.from(given), Buffer.from(secret)];
	return a.length === b.length && timingSafeEqual(a, b);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it can be shown on one line: control characters escaped, long ones cut. */
function printable(value: unknown): string {
	const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
	// eslint-disable-next-line no-control-regex
	const safe = (text ?? '').replace(/[\u0000-\u001f\u007f"]/g, (c) =>
		JSON.stringify(c).slice(1, -1),
	);
	return safe.length > 80 ? `${safe.slice(0, 77)}...` : safe;
}
