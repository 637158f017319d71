import { z } from 'zod';
import { isRealDate } from './fields.ts';

/**
 * The playbook's settings: every `PLAYBOOK_*` environment variable, with its meaning and default,
 * parsed once (as Starlight parses its config) by the build, the CLI and the site. A bad value is
 * one line that names the variable, what is wrong and what to set instead.
 */

/** The address the site is built for while `PLAYBOOK_SITE` is unset: a placeholder, not a site. */
export const PLACEHOLDER_SITE = 'https://playbook.example';

/** The port of the editor's local backend (`decap-server`) while `PLAYBOOK_EDITOR_PORT` is unset. */
export const DEFAULT_EDITOR_PORT = 8081;

const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const BRANCH = /^(?!\/|.*(?:\.\.|\/\/|@\{|\.lock$|\/$))[A-Za-z0-9._/-]+$/;

/** A value the schema refuses: `is "<value>", <problem>. <fix>` (the variable's name goes first). */
function refused(problem: string, fix: string) {
	return (issue: { input?: unknown }) => `is "${String(issue.input)}", ${problem}. ${fix}`;
}

/** A string the test accepts, or the line saying why not. */
function text(test: (value: string) => boolean, problem: string, fix: string) {
	return z.string().refine(test, { error: refused(problem, fix) });
}

/** `true` or `false`, read as a boolean. */
function flag(fix: string) {
	return z
		.enum(['true', 'false'], { error: refused('which is neither true nor false', fix) })
		.transform((value) => value === 'true');
}

function isWebAddress(value: string): boolean {
	return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * True where an origin is shared by every GitHub Pages site of its owner (`owner.github.io`):
 * any of them could read what the editor keeps in the browser, its GitHub token among it.
 */
export function sharedOrigin(origin: string): boolean {
	return /^https?:\/\/[^/]+\.github\.io(?::\d+)?\/?$/i.test(origin.trim());
}

/**
 * Where the site is published, one deploy workflow each (.github/workflows/deploy*.yml): GitHub
 * Pages, public unless the organisation has Enterprise Cloud's private Pages; Cloudflare Pages
 * behind Cloudflare Access; Netlify with its visitor access protection.
 */
export const HOSTS = ['github-pages', 'cloudflare', 'netlify'] as const;

/** The variables, as set in the environment (blank ones removed), each with its default. */
const VariablesSchema = z.object({
	/** The content folder the site is built from. Default `content`. */
	PLAYBOOK_CONTENT: z.string().default('content'),
	/** Where `npm run build` writes the site, from the project folder. Default `dist`. */
	PLAYBOOK_OUT_DIR: z.string().default('dist'),
	/** The address the site is served from, for its links and exports. Default the placeholder. */
	PLAYBOOK_SITE: text(
		isWebAddress,
		'which is not a web address',
		'Set it to the address the site is served from, for example https://playbook.ledgerline.com.',
	).default(PLACEHOLDER_SITE),
	/** A sub-folder the site is served from, such as `/playbook` on GitHub Pages. Default `/`. */
	PLAYBOOK_BASE: text(
		(value) => /^\/?[^\s?#:\\]*$/.test(value),
		'which is not a folder of the site',
		'Leave it unset to serve the site from /, or set the sub-folder, for example /playbook.',
	).default('/'),
	/** `true` lets search engines index the site; by default it asks them not to. */
	PLAYBOOK_PUBLIC: flag(
		'Set true to let search engines index the site, or leave it unset to keep it internal.',
	).default(false),
	/** The day reviews are measured against, `YYYY-MM-DD`. Default today. */
	PLAYBOOK_TODAY: text(
		isRealDate,
		'which is not a real date written YYYY-MM-DD',
		'Leave it unset for today, or set a real day such as 2026-11-24.',
	).default(() => new Date().toISOString().slice(0, 10)),
	/** `true` makes the build fail on definitions past their review date, as `--strict` does. */
	PLAYBOOK_STRICT: flag(
		'Set true to fail the build on overdue reviews, or leave it unset to warn about them.',
	).default(false),
	/** Set by `npm run build`, which indexes the site for search once Astro has exited. */
	PLAYBOOK_SEARCH_AFTER_BUILD: flag('npm run build sets it itself; leave it unset.').default(false),
	/** `owner/name` on GitHub: links each page to its file and fills the editor's backend. */
	PLAYBOOK_REPO: text(
		(value) => REPO.test(value),
		'which is not a GitHub repository',
		'Set it to owner/name, for example PLAYBOOK_REPO=ledgerline/playbook.',
	).optional(),
	/** The branch pull requests merge into. Default `main`. */
	PLAYBOOK_BRANCH: text(
		(value) => BRANCH.test(value),
		'which is not a branch name',
		'Set it to the branch pull requests merge into, for example main.',
	).default('main'),
	/** `on` (the editor at /admin/), `off` (built without it) or `local` (set by `npm run edit`). */
	PLAYBOOK_EDITOR: z
		.enum(['on', 'off', 'local'], {
			error: refused(
				'which is not a choice',
				'Leave it unset for the editor at /admin/, or set off to build the site without it.',
			),
		})
		.default('on'),
	/** The port of the editor's local backend. Default 8081. */
	PLAYBOOK_EDITOR_PORT: text(
		(value) => /^\d{2,5}$/.test(value) && Number(value) <= 65535,
		'which is not a port',
		`Leave it unset for ${DEFAULT_EDITOR_PORT}, or set a number such as 8082.`,
	)
		.transform(Number)
		.default(DEFAULT_EDITOR_PORT),
	/** `true` when the repository is private: the editor then asks GitHub for the `repo` scope. */
	PLAYBOOK_REPO_PRIVATE: flag('Set true when the repository on GitHub is private.').default(false),
	/** The GitHub sign-in service (an OAuth provider) the deployed editor uses, when not Netlify's. */
	PLAYBOOK_OAUTH_URL: text(
		isWebAddress,
		'which is not a web address',
		'Set it to the address of the sign-in service, for example https://auth.ledgerline.com.',
	)
		.transform((value) => value.replace(/\/+$/, ''))
		.optional(),
	/**
	 * Where the site is published: `github-pages` (default), `cloudflare` or `netlify`. The deploy
	 * workflows read the repository variable of the same name; the editor's sign-in follows it.
	 */
	PLAYBOOK_HOSTING: z
		.enum(HOSTS, {
			error: refused(
				'which is not a host the playbook deploys to',
				`Set one of ${HOSTS.join(', ')}, or leave it unset for GitHub Pages.`,
			),
		})
		.default('github-pages'),
	/** The sign-in service's path, when not `auth`. */
	PLAYBOOK_OAUTH_ENDPOINT: z.string().optional(),
});

/**
 * Every `PLAYBOOK_*` variable, parsed into the settings the code reads. The editor is refused on
 * an address every GitHub Pages site of its owner shares: any of them could read its sign-in.
 */
export const SettingsSchema = VariablesSchema.superRefine((variables, context) => {
	const site = variables.PLAYBOOK_SITE;
	const shared = URL.canParse(site) && sharedOrigin(new URL(site).origin);
	if (variables.PLAYBOOK_REPO && variables.PLAYBOOK_EDITOR === 'on' && shared) {
		context.addIssue({
			code: 'custom',
			path: ['PLAYBOOK_EDITOR'],
			input: variables.PLAYBOOK_EDITOR,
			message: `is on for ${site}, an address every GitHub Pages site of its owner shares, and any of them could read the editor's GitHub sign-in. Set PLAYBOOK_EDITOR=off, or give the site a domain of its own.`,
		});
	}
	// Without a sign-in service of its own, the editor signs in through Netlify's, which answers
	// only sites Netlify hosts: on Cloudflare Pages nobody could sign in.
	const editing = variables.PLAYBOOK_REPO && variables.PLAYBOOK_EDITOR === 'on';
	if (editing && variables.PLAYBOOK_HOSTING === 'cloudflare' && !variables.PLAYBOOK_OAUTH_URL) {
		context.addIssue({
			code: 'custom',
			path: ['PLAYBOOK_OAUTH_URL'],
			input: undefined,
			message: `is unset, and the site is on Cloudflare Pages (PLAYBOOK_HOSTING=cloudflare), which has no GitHub sign-in for the editor. Set it to your sign-in service, for example https://auth.ledgerline.com, or set PLAYBOOK_EDITOR=off.`,
		});
	}
}).transform((variables) => ({
	content: variables.PLAYBOOK_CONTENT,
	outDir: variables.PLAYBOOK_OUT_DIR,
	site: variables.PLAYBOOK_SITE,
	base: variables.PLAYBOOK_BASE,
	public: variables.PLAYBOOK_PUBLIC,
	today: variables.PLAYBOOK_TODAY,
	strict: variables.PLAYBOOK_STRICT,
	searchAfterBuild: variables.PLAYBOOK_SEARCH_AFTER_BUILD,
	repo: variables.PLAYBOOK_REPO,
	branch: variables.PLAYBOOK_BRANCH,
	editor: variables.PLAYBOOK_EDITOR,
	editorPort: variables.PLAYBOOK_EDITOR_PORT,
	repoPrivate: variables.PLAYBOOK_REPO_PRIVATE,
	oauthUrl: variables.PLAYBOOK_OAUTH_URL,
	oauthEndpoint: variables.PLAYBOOK_OAUTH_ENDPOINT,
	hosting: variables.PLAYBOOK_HOSTING,
}));

export type Settings = z.output<typeof SettingsSchema>;

/** The names of the variables, for tests and for whoever lists them. */
export const SETTING_NAMES = Object.keys(VariablesSchema.shape) as (keyof z.input<
	typeof VariablesSchema
>)[];

/** Settings that make no sense: one line per bad value (`PLAYBOOK_X  is "…", which… Set…`). */
export class SettingsError extends Error {
	readonly lines: string[];
	constructor(lines: string[]) {
		super(lines.join('\n'));
		this.lines = lines;
	}
}

type Env = Record<string, string | undefined>;

/**
 * Parses the `PLAYBOOK_*` variables of an environment into settings; a variable set to blanks
 * counts as unset. Throws a `SettingsError` with a line for every bad value, not only the first.
 */
export function parseSettings(env: Env): Settings {
	const set = Object.fromEntries(
		SETTING_NAMES.flatMap((name) => {
			const value = env[name]?.trim();
			return value ? [[name, value]] : [];
		}),
	);
	const parsed = SettingsSchema.safeParse(set);
	if (parsed.success) return parsed.data;
	throw new SettingsError(
		parsed.error.issues.map((issue) => `${issue.path.join('.')}  ${issue.message}`),
	);
}

let cached: Settings | undefined;

/** This process's settings, parsed from its environment the first time they are asked for. */
export function settings(): Settings {
	cached ??= parseSettings(process.env);
	return cached;
}
