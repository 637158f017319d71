import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroUserConfig } from 'astro';

type Csp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * The site's Content Security Policy, for Astro's `security.csp`. Astro hashes every script and
 * stylesheet it bundles; anything else that looks like a script, such as a payload that slipped
 * through as markup, is refused by the browser.
 */
export function contentSecurityPolicy(): Csp {
	return {
		directives: [
			"default-src 'self'",
			"object-src 'none'",
			"base-uri 'none'",
			"form-action 'self'",
			"img-src 'self' data:",
			// Pagefind searches in a worker it starts from its own files.
			"worker-src 'self' blob:",
		],
		scriptDirective: {
			// Pagefind compiles its WebAssembly search engine in the browser.
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: starlightInlineScriptHashes(),
		},
		styleDirective: {
			// Starlight sizes its icons with style attributes; a style attribute cannot run code.
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}

/**
 * Hashes of the scripts Starlight writes inline (theme, sidebar state, search shortcut), read
 * from its own component files, so the policy allows exactly Starlight's code and no other
 * inline script. An upgrade that changes them changes the hashes with it.
 */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
	// The package's entry point is dist/index.js; its components sit beside it.
	const dist = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight')));
	const hashes = new Set<`sha256-${string}`>();
	for (const file of astroFilesUnder(dist)) {
		for (const script of inlineScripts(readFileSync(file, 'utf8'))) hashes.add(sha256(script));
	}
	return [...hashes].sort();
}

/** The bodies of `<script is:inline>` elements in an Astro component's source. */
export function inlineScripts(source: string): string[] {
	return [...source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map(
		(match) => match[1]!,
	);
}

function sha256(text: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function astroFilesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.astro'))
		.map((name) => join(dir, name));
}
