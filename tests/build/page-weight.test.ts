import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { pageWeight } from '../../scripts/bench/measure.ts';

const budgets = JSON.parse(
	readFileSync(join(import.meta.dirname, '..', 'bench', 'budgets.json'), 'utf8'),
);
const kb = (bytes: number) => bytes / 1024;

/** Page sizes are deterministic, unlike build times, so they are checked on every test run. */
describe('every definition page type stays within its size budget', () => {
	const site = inject('sites').example;
	test.each([
		'personas/controller',
		'icp/mid-market-saas',
		'lead-stages/mql',
		'buyer-stages/consideration',
		'library/northwind-case-study',
		'slas/mql-follow-up',
		'glossary/acv',
		'metrics/mql-to-sql-conversion',
	])('%s', (path) => {
		const weight = pageWeight(site, path);
		expect(kb(weight.html)).toBeLessThanOrEqual(budgets.page_html_gz_kb_max);
		expect(kb(weight.js)).toBeLessThanOrEqual(budgets.page_js_gz_kb_max);
		expect(kb(weight.css)).toBeLessThanOrEqual(budgets.page_css_gz_kb_max);
		expect(weight.html).toBeGreaterThan(1000); // a real page was weighed
	});
});
