import { createRequire } from 'node:module';
import { payload } from './hostile.ts';

// A GitHub Flavored Markdown parser (micromark with its GFM extension: tables, strikethrough,
// autolinked addresses, tag filter), installed with the editor's Markdown widget. Loaded from
// beside the extension so that both come from the same micromark.
const local = createRequire(import.meta.resolve('micromark-extension-gfm'));
const micromark = local('micromark') as (
	doc: string,
	options: { extensions: unknown[]; htmlExtensions: unknown[]; allowDangerousHtml: boolean },
) => string;
const gfm = local('micromark-extension-gfm') as () => unknown;
const gfmHtml = local('micromark-extension-gfm/html') as unknown;

/** Markdown rendered as GitHub renders it (before its own mention and reference filters). */
export function renderGfm(markdown: string): string {
	return micromark(markdown, {
		extensions: [gfm()],
		htmlExtensions: [gfmHtml],
		allowDangerousHtml: true,
	});
}

/** The text of rendered HTML, tags dropped and character references read back. */
export function textOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(lt|gt|amp|quot|#(\d+));/g, (_, name: string, code?: string) =>
			code ? String.fromCodePoint(Number(code)) : { lt: '<', gt: '>', amp: '&', quot: '"' }[name]!,
		);
}

/** The element names in rendered HTML, in order. */
export const elementsOf = (html: string): string[] =>
	[...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase());

/**
 * What GitHub would turn into a mention, an issue or pull-request reference, or a link when it
 * reads the rendered text: `@someone`, `@org/team`, `#12`, `GH-12`, `owner/repo#12`, a bare
 * `https://` or `www.` address, an e-mail address.
 */
export const GITHUB_TEXT_LINKS =
	/(^|[^\w`])@[A-Za-z0-9]|#\d|\bGH-\d|\w\/[\w.-]+#\d|:\/\/|\bwww\.|\w@\w/i;

/**
 * Strings that try every construct GitHub Markdown has, one at a time and all at once: the
 * project's XSS payload, and Markdown, GFM and GitHub's own links, mentions and references,
 * at the start of a line and after a line break; and what other readers of the site's Markdown
 * copies may open (script addresses, directives, MDX expressions).
 */
export const HOSTILE_MARKDOWN: string[] = [
	payload(1),
	'# Heading',
	'## Playbook changes',
	'Title\n# Heading on a new line',
	'Title\r\n\r\n- a list item',
	'- list item',
	'* list item',
	'+ list item',
	'1. ordered',
	'3) ordered',
	'> a quote',
	'| a | b |\n|---|---|\n| 1 | 2 |',
	'a | b',
	'---',
	'===',
	'    indented code',
	'```\nfenced\n```',
	'~~~ fenced',
	'[click here](https://evil.example)',
	'![pixel](https://evil.example/p.png)',
	'[ref][1]\n\n[1]: https://evil.example',
	'<https://evil.example>',
	'<mailto:a@evil.example>',
	'https://evil.example/path',
	'www.evil.example',
	'write to boss@evil.example',
	'@everyone please look',
	'cc @octocat and @acme/sales-leaders',
	'fixes #123',
	'see GH-123',
	'see acme/other-repo#123',
	'acme/other-repo@0123456789abcdef0123456789abcdef01234567',
	'~~struck~~ and ~single~',
	'**bold** __bold__ *em* _em_',
	'*unclosed emphasis',
	'`code` and ``double``',
	'<!-- playbook-diff -->',
	'<!-- playbook-review: lead-stages/mql -->',
	'<details><summary>x</summary>hidden</details>',
	'<img src=x onerror=alert(1)>',
	'&lt;script&gt; &#64;everyone &amp;',
	'line one\u2028line two\u0085three\u000bfour',
	'trailing backslash \\',
	'\u202eevil\u202c right-to-left',
	'- [ ] task',
	'Title with :emoji: and ^sup^',
	'https://playbook.example) [spoof](https://evil.example',
	// What else a Markdown reader other than GitHub may open (the site's Markdown copies).
	'[run](javascript:alert(1)) <javascript:alert(1)>',
	'[x][a]\n\n[a]: javascript:alert(1)',
	'<svg onload=alert(1)>',
	':::danger\nan aside\n:::',
	'{alert(1)} and {/* an MDX comment */}',
	'![x](data:image/svg+xml,<svg onload=alert(1)>)',
];
