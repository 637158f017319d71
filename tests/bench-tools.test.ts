import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generatePlaybook, mix, writePlaybook } from '../scripts/bench/generate.ts';
import { movedEntries } from '../src/site/content-cache.ts';
import { check } from './helpers.ts';

describe('the benchmark’s synthetic playbooks', () => {
	test('have the real mix (70% library items) and exactly the size asked for', () => {
		for (const size of [1000, 5000]) {
			const counts = mix(size);
			expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(size);
			expect(counts.library).toBe(size * 0.7);
		}
	});
	test('are valid playbooks, the same every time', () => {
		const root = mkdtempSync(join(tmpdir(), 'playbook-synthetic-'));
		const entries = generatePlaybook(300);
		writePlaybook(entries, join(root, 'content'));
		const report = check(root);
		expect(report.errorCount).toBe(0);
		expect(report.fileCount).toBe(300);
		expect(generatePlaybook(300)).toEqual(entries);
	});
});

describe('the content cache guard', () => {
	test('notices an entry that now comes from another file', () => {
		expect(
			movedEntries(
				{ 'lead-stages/mql': 'lead-stages/mql.md' },
				{ 'lead-stages/mql': 'lead-stages/mql.mdx' },
			),
		).toEqual(['lead-stages/mql']);
		expect(
			movedEntries(
				{ 'lead-stages/mql': 'lead-stages/mql.md' },
				{ 'lead-stages/mql': 'lead-stages/mql.md', 'slas/x': 'slas/x.mdx' },
			),
		).toEqual([]);
	});
});
