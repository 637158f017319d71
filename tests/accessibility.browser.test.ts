import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { exampleSiteInChromium } from './browser.ts';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

/** One page of each type in the example playbook, plus the site's own pages. */
const PAGES = [
	'/',
	'/find/',
	'/personas/',
	'/personas/controller/',
	'/icp/mid-market-saas/',
	'/lead-stages/',
	'/lead-stages/mql/',
	'/buyer-stages/consideration/',
	'/library/northwind-case-study/',
	'/slas/mql-follow-up/',
	'/team/',
	'/team/dana-whitfield/',
	'/glossary/',
	'/glossary/acv/',
	'/metrics/mql-to-sql-conversion/',
	'/tracks/sdr/',
	'/guides/start-here/',
	'/coverage/',
	'/meeting/',
	'/review/',
	'/changes/',
];

const example = exampleSiteInChromium();

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
	test.each(PAGES)('%s has no violations', async (path) => {
		const context = await example.browser.newContext({ colorScheme: theme });
		const page = await context.newPage();
		await page.goto(`${example.url}${path}`);
		await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const result = await (
				window as unknown as {
					axe: {
						run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
					};
				}
			).axe.run();
			return result.violations.map(
				(v) =>
					`${v.id}: ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(' | ')}`,
			);
		});
		await context.close();
		expect(violations).toEqual([]);
	});
});
