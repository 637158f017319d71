import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runPlaybookInProcess, useBuildTurn } from '../support/helpers.ts';
import { buildSite, ROOT } from '../support/sites.ts';

// One build of its own: no shared test site is a starter, and the issue asks that one builds. The
// other two lifecycles are checked without building (tests/unit/cli/init.test.ts).
useBuildTurn();

const root = mkdtempSync(join(tmpdir(), 'playbook-starter-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a starter made by npm run init', () => {
	test('builds, names Acme and never Ledgerline, keeps crawlers out, and its guides link only to pages it has', async () => {
		// HubSpot's lifecycle: stage ids the example's guides never knew.
		cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
		const init = await runPlaybookInProcess(
			[
				'init',
				'--company',
				'Acme',
				'--person',
				'Dana Lee, VP of Sales, sales',
				'--person',
				'Marco Ruiz, Head of Marketing, marketing',
				'--person',
				'Rae Okafor, Revenue operations lead, revenue-operations',
				'--person',
				'Sam Seller, Account executive, sales',
				'--lifecycle',
				'hubspot',
				'--yes',
			],
			root,
		);
		expect(init.code).toBe(0);

		const outDir = join(root, 'dist');
		const build = buildSite(join(root, 'content'), outDir);
		expect(build.code, build.output).toBe(0);

		const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.html'),
		);
		expect(pages).toContain(join('lead-stages', 'marketing-qualified-lead', 'index.html'));
		expect(pages).toContain(join('guides', 'start-here', 'index.html'));
		const home = readFileSync(join(outDir, 'index.html'), 'utf8');
		expect(home).toContain('<title>Acme Revenue Playbook');
		expect(home).toContain('The definitions sales and marketing at Acme agree on');
		for (const page of pages) {
			const html = readFileSync(join(outDir, page), 'utf8');
			expect(html, page).not.toContain('Ledgerline');
			expect(html, page).toMatch(/<meta name="robots" content="noindex, nofollow"\/?>/);
		}
		expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
	});
});
