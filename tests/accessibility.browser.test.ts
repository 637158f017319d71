import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { exampleSiteInChromium, PAGE_TYPES } from './browser.ts';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

const example = exampleSiteInChromium();

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
	test.each(PAGE_TYPES)('%s has no violations', async (path) => {
		// axe is injected as an inline script, which the site's own policy rightly refuses.
		const context = await example.browser.newContext({ colorScheme: theme, bypassCSP: true });
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
