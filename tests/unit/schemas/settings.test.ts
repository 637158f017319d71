import { describe, expect, test } from 'vitest';
import {
	parseSettings,
	PLACEHOLDER_SITE,
	SETTING_NAMES,
	SettingsError,
} from '../../../src/schemas/settings.ts';

/** The lines a bad environment gets, or [] when it is accepted. */
function linesFor(env: Record<string, string>): string[] {
	try {
		parseSettings(env);
		return [];
	} catch (error) {
		if (error instanceof SettingsError) return error.lines;
		throw error;
	}
}

describe('the settings', () => {
	test('every variable has a default, so an empty environment is a working one', () => {
		expect(parseSettings({ PLAYBOOK_TODAY: '2026-11-24' })).toEqual({
			content: 'content',
			outDir: 'dist',
			site: PLACEHOLDER_SITE,
			base: '/',
			public: false,
			today: '2026-11-24',
			strict: false,
			searchAfterBuild: false,
			repo: undefined,
			branch: 'main',
			editor: 'on',
			editorPort: 8081,
			repoPrivate: false,
			oauthUrl: undefined,
			oauthEndpoint: undefined,
			hosting: 'github-pages',
		});
		expect(parseSettings({}).today).toBe(new Date().toISOString().slice(0, 10));
	});

	test('values are read into their types; a blank one counts as unset', () => {
		const read = parseSettings({
			PLAYBOOK_CONTENT: 'other/content',
			PLAYBOOK_STRICT: 'true',
			PLAYBOOK_PUBLIC: ' true ',
			PLAYBOOK_EDITOR_PORT: '8082',
			PLAYBOOK_OAUTH_URL: 'https://auth.ledgerline.com///',
			PLAYBOOK_BASE: '',
			PLAYBOOK_BRANCH: '  ',
			PLAYBOOK_REPO: 'ledgerline/playbook',
		});
		expect(read).toMatchObject({
			content: 'other/content',
			strict: true,
			public: true,
			editorPort: 8082,
			oauthUrl: 'https://auth.ledgerline.com',
			base: '/',
			branch: 'main',
			repo: 'ledgerline/playbook',
		});
	});

	test('variables of other programs are left alone', () => {
		expect(linesFor({ PATH: '', CI: 'yes', PLAYBOOK: 'x' })).toEqual([]);
		expect(SETTING_NAMES.every((name) => name.startsWith('PLAYBOOK_'))).toBe(true);
	});

	test.each([
		[
			'not a real date',
			{ PLAYBOOK_TODAY: '2026-02-30' },
			'PLAYBOOK_TODAY  is "2026-02-30", which is not a real date written YYYY-MM-DD. Leave it unset for today, or set a real day such as 2026-11-24.',
		],
		[
			'neither true nor false',
			{ PLAYBOOK_STRICT: 'yes' },
			'PLAYBOOK_STRICT  is "yes", which is neither true nor false. Set true to fail the build on overdue reviews, or leave it unset to warn about them.',
		],
		[
			'not one of the choices',
			{ PLAYBOOK_EDITOR: 'no' },
			'PLAYBOOK_EDITOR  is "no", which is not a choice. Leave it unset for the editor at /admin/, or set off to build the site without it.',
		],
		[
			'not a port',
			{ PLAYBOOK_EDITOR_PORT: '70000' },
			'PLAYBOOK_EDITOR_PORT  is "70000", which is not a port. Leave it unset for 8081, or set a number such as 8082.',
		],
		[
			'not a web address',
			{ PLAYBOOK_SITE: 'playbook.ledgerline.com' },
			'PLAYBOOK_SITE  is "playbook.ledgerline.com", which is not a web address. Set it to the address the site is served from, for example https://playbook.ledgerline.com.',
		],
		[
			'a web address that is not http(s)',
			{ PLAYBOOK_OAUTH_URL: 'ftp://auth.ledgerline.com' },
			'PLAYBOOK_OAUTH_URL  is "ftp://auth.ledgerline.com", which is not a web address. Set it to the address of the sign-in service, for example https://auth.ledgerline.com.',
		],
		[
			'not a folder of the site',
			{ PLAYBOOK_BASE: 'https://ledgerline.github.io/playbook' },
			'PLAYBOOK_BASE  is "https://ledgerline.github.io/playbook", which is not a folder of the site. Leave it unset to serve the site from /, or set the sub-folder, for example /playbook.',
		],
		[
			'not a repository',
			{ PLAYBOOK_REPO: 'https://github.com/ledgerline/playbook' },
			'PLAYBOOK_REPO  is "https://github.com/ledgerline/playbook", which is not a GitHub repository. Set it to owner/name, for example PLAYBOOK_REPO=ledgerline/playbook.',
		],
		[
			'not a branch',
			{ PLAYBOOK_BRANCH: 'main..live' },
			'PLAYBOOK_BRANCH  is "main..live", which is not a branch name. Set it to the branch pull requests merge into, for example main.',
		],
		[
			'two settings that do not go together',
			{ PLAYBOOK_REPO: 'ledgerline/playbook', PLAYBOOK_SITE: 'https://ledgerline.github.io' },
			"PLAYBOOK_EDITOR  is on for https://ledgerline.github.io, an address every GitHub Pages site of its owner shares, and any of them could read the editor's GitHub sign-in. Set PLAYBOOK_EDITOR=off, or give the site a domain of its own.",
		],
		[
			'not a host',
			{ PLAYBOOK_HOSTING: 'vercel' },
			'PLAYBOOK_HOSTING  is "vercel", which is not a host the playbook deploys to. Set one of github-pages, cloudflare, netlify, or leave it unset for GitHub Pages.',
		],
		[
			'a host where the editor could not sign in',
			{ PLAYBOOK_REPO: 'ledgerline/playbook', PLAYBOOK_HOSTING: 'cloudflare' },
			'PLAYBOOK_OAUTH_URL  is unset, and the site is on Cloudflare Pages (PLAYBOOK_HOSTING=cloudflare), which has no GitHub sign-in for the editor. Set it to your sign-in service, for example https://auth.ledgerline.com, or set PLAYBOOK_EDITOR=off.',
		],
	])('a value that is %s is one line naming the variable and the fix', (_kind, env, line) => {
		expect(linesFor(env)).toEqual([line]);
	});

	test("the editor's sign-in follows the host: Netlify's own, or the team's service elsewhere", () => {
		const repo = { PLAYBOOK_REPO: 'ledgerline/playbook' };
		expect(linesFor({ ...repo, PLAYBOOK_HOSTING: 'netlify' })).toEqual([]);
		expect(linesFor({ ...repo, PLAYBOOK_HOSTING: 'cloudflare', PLAYBOOK_EDITOR: 'off' })).toEqual(
			[],
		);
		expect(
			linesFor({
				...repo,
				PLAYBOOK_HOSTING: 'cloudflare',
				PLAYBOOK_OAUTH_URL: 'https://auth.ledgerline.com',
			}),
		).toEqual([]);
		// Without a repository there is no GitHub sign-in to make.
		expect(linesFor({ PLAYBOOK_HOSTING: 'cloudflare' })).toEqual([]);
	});

	test('every bad value is reported at once, one line each', () => {
		const lines = linesFor({
			PLAYBOOK_TODAY: 'tomorrow',
			PLAYBOOK_PUBLIC: 'TRUE',
			PLAYBOOK_SEARCH_AFTER_BUILD: '1',
			PLAYBOOK_REPO_PRIVATE: 'no',
		});
		expect(lines.map((line) => line.split('  ')[0])).toEqual([
			'PLAYBOOK_PUBLIC',
			'PLAYBOOK_TODAY',
			'PLAYBOOK_SEARCH_AFTER_BUILD',
			'PLAYBOOK_REPO_PRIVATE',
		]);
		expect(lines.every((line) => !line.includes('\n'))).toBe(true);
	});
});
