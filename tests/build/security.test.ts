import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { exportJson, playbookExport } from '../../src/site/export.ts';
import { inlineScripts, starlightInlineScriptHashes } from '../../src/site/csp.ts';
import { pagefindValue } from '../../src/browser/finder-state.ts';
import { forPagefindIndexer } from '../../src/site/search-facets.ts';
import { check, playbookWith } from '../support/helpers.ts';

describe('the Content Security Policy', () => {
	test('hashes exactly the scripts Starlight writes inline, read from its components', () => {
		expect(
			inlineScripts('<p>x</p><script is:inline>\n\ta();\n</script><script>b()</script>'),
		).toEqual(['\n\ta();\n']);
		expect(starlightInlineScriptHashes().length).toBeGreaterThanOrEqual(5);
	});

	test('every inline script on every page of the example site is in that page’s policy', () => {
		const root = inject('sites').example;
		const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
			f.endsWith('.html'),
		);
		const missing: string[] = [];
		for (const file of pages) {
			const html = readFileSync(join(root, file), 'utf8');
			const policy =
				/<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
			for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
				const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
				if (!policy.includes(hash)) missing.push(`${file}: ${body!.slice(0, 60)}`);
			}
		}
		expect(missing).toEqual([]);
	});
});

describe('no component writes content as HTML', () => {
	test('set:html appears only in the head, which writes Starlight’s configured entries', () => {
		const src = join(import.meta.dirname, '..', '..', 'src');
		const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
			.filter((file) => /\.(astro|ts)$/.test(file))
			.filter((file) => readFileSync(join(src, file), 'utf8').includes('set:html'));
		expect(files).toEqual(['components/Head.astro']);
		// And there the page title, the one entry made from the content, is written as text.
		expect(readFileSync(join(src, 'components', 'Head.astro'), 'utf8')).toMatch(
			/Tag === 'title' \?\s*\(?\s*<title \{\.\.\.attrs\}>\{titleOf\(content\)\}<\/title>/,
		);
	});
});

describe('text from the content in machine-read places', () => {
	test('filter values are stored HTML-escaped, and written so the indexer keeps them so', () => {
		expect(pagefindValue('FP&A <Manager> "x" \'y\'')).toBe(
			'FP&#38;A &#60;Manager&#62; &#34;x&#34; &#39;y&#39;',
		);
		expect(forPagefindIndexer(pagefindValue('Q&A'))).toBe('Q&amp;#38;A');
	});

	test('the export is the same data with no markup characters in its text', () => {
		const report = check(playbookWith());
		const data = playbookExport(report.playbook, 'https://playbook.example/', '2026-11-24');
		const first = Object.values(data.definitions ?? {}).flat()[0] as { title?: string } | undefined;
		if (first) first.title = '<script>alert(1)</script> & </title>\u2028';
		const text = exportJson(data);
		expect(text).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
	});
});
