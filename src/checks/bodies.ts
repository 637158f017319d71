import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { COLLECTION_NAMES, isCollectionName } from '../schemas/index.ts';
import { entriesOf, exists, type Entry, type Playbook } from '../lib/playbook.ts';
import { type Problem, problem, quote } from './problems.ts';

/** Pages of the site that are not entries, by path. */
export const SITE_PAGES: ReadonlySet<string> = new Set([
	'/',
	'/find/',
	'/review/',
	'/changes/',
	'/coverage/',
	'/meeting/',
	'/playbook.json',
	...COLLECTION_NAMES.map((name) => `/${name}/`),
]);

/** Components a body may import: Starlight's own, which render content and run no code of ours. */
const IMPORTABLE = /^@astrojs\/starlight\/components$/;

/** Elements and attributes that run script in a reader's browser. */
const SCRIPT_ELEMENTS = new Set([
	'script',
	'iframe',
	'object',
	'embed',
	'frame',
	'frameset',
	'base',
]);
/** The same elements, handlers and script URLs in raw HTML (a `.md` body), found by pattern. */
const SCRIPT_IN_HTML = new RegExp(
	`<\\s*\\/?\\s*(${[...SCRIPT_ELEMENTS].join('|')})\\b|\\son[a-z]+\\s*=|(href|src|action|formaction)\\s*=\\s*["']?\\s*(javascript|vbscript|data):`,
	'i',
);
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;
const MAY_HOLD_MARKUP = /[<{}]|\]\(|\]:|^\s*(import|export)\b/m;

/**
 * The bodies of Markdown and MDX entries: they parse, they run no code (at build time or in a
 * reader's browser), and every link inside the site points at a page that exists.
 */
export function checkBodies(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	for (const collection of COLLECTION_NAMES) {
		for (const entry of entriesOf(playbook, collection)) {
			// Parsing is the slow part; text without these marks has no link, tag or code to find.
			if (!MAY_HOLD_MARKUP.test(entry.body)) continue;
			problems.push(...checkBody(playbook, entry));
		}
	}
	return problems;
}

function checkBody(playbook: Playbook, entry: Entry): Problem[] {
	const isMdx = entry.file.endsWith('.mdx');
	const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + (entry.bodyLine ?? 1) - 1;
	let tree: Root;
	try {
		tree = isMdx
			? fromMarkdown(entry.body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] })
			: fromMarkdown(entry.body);
	} catch (error) {
		const { line, place } = error as { line?: number; place?: { start?: { line?: number } } };
		const at = line ?? place?.start?.line;
		const reason = ((error as { reason?: string }).reason ?? String(error))
			.replace(/ \(\d+:\d+(-\d+:\d+)?\)$/, '')
			.replace(/\.$/, '');
		return [
			problem(
				'InvalidBody',
				entry.file,
				'body',
				`${at ? `line ${at + (entry.bodyLine ?? 1) - 1}: ` : ''}the MDX body does not parse: ${reason}`,
				'In MDX, write a literal < or { as \\< or \\{, and close every tag you open.',
			),
		];
	}
	const problems: Problem[] = [];
	const report = (
		code: 'CodeInBody' | 'ScriptInBody' | 'BrokenLink',
		node: Nodes,
		message: string,
		fix: string,
	) => problems.push(problem(code, entry.file, 'body', `line ${lineOf(node)}: ${message}`, fix));

	const visit = (node: Nodes) => {
		switch (node.type) {
			case 'mdxjsEsm':
				if (!isStarlightImport(node.value))
					report(
						'CodeInBody',
						node,
						`${quote(node.value.split('\n')[0])} runs code when the site is built`,
						'Remove it: a body is Markdown. Only components from @astrojs/starlight/components may be imported.',
					);
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (!isComment(node.value))
					report(
						'CodeInBody',
						node,
						`the expression {${quote(node.value.trim()).slice(1, -1)}} runs code when the site is built`,
						'Write the text itself, or escape the brace as \\{ if you meant a literal {.',
					);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				for (const attribute of node.attributes) {
					if (attribute.type !== 'mdxJsxAttribute') {
						report(
							'CodeInBody',
							node,
							`a spread {${attribute.value}} in <${node.name ?? ''}> runs code when the site is built`,
							'Write each attribute out with a plain value.',
						);
					} else if (typeof attribute.value === 'object' && attribute.value !== null) {
						report(
							'CodeInBody',
							node,
							`the attribute ${attribute.name}={${attribute.value.value}} runs code when the site is built`,
							'Give the attribute a plain quoted value.',
						);
					} else if (
						/^on/i.test(attribute.name) ||
						(typeof attribute.value === 'string' && SCRIPT_URL.test(attribute.value))
					) {
						report(
							'ScriptInBody',
							node,
							`<${node.name ?? ''} ${attribute.name}=…> would run script in a reader's browser`,
							'Remove the attribute; link with an https:// address or a page of the site.',
						);
					}
				}
				if (node.name && SCRIPT_ELEMENTS.has(node.name.toLowerCase()))
					report(
						'ScriptInBody',
						node,
						`<${node.name}> would run or embed code in a reader's browser`,
						'Remove the element; link to the page or asset instead.',
					);
				if (node.name === 'a') {
					const href = node.attributes.find(
						(a) => a.type === 'mdxJsxAttribute' && a.name === 'href',
					)?.value;
					if (typeof href === 'string') checkLink(href, node);
				}
				break;
			case 'html':
				if (SCRIPT_IN_HTML.test(node.value))
					report(
						'ScriptInBody',
						node,
						`${quote(node.value)} would run or embed code in a reader's browser`,
						'Remove the HTML; write the content as Markdown.',
					);
				break;
			case 'link':
			case 'definition':
				if (SCRIPT_URL.test(node.url))
					report(
						'ScriptInBody',
						node,
						`the link ${quote(node.url)} would run script in a reader's browser`,
						'Link with an https:// address or a page of the site.',
					);
				else checkLink(node.url, node);
				break;
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};

	const checkLink = (url: string, node: Nodes) => {
		const path = internalPath(url, entry);
		if (path === undefined || isAsset(path) || pageExists(playbook, path)) return;
		report(
			'BrokenLink',
			node,
			`links to ${url}, which is not a page of this playbook`,
			`Link to a page that exists, such as ${suggestPage(path)}, or add the entry it should point at.`,
		);
	};

	visit(tree);
	return problems;
}

/**
 * The site path a link points at, without query or fragment, or undefined when it leaves the
 * site (another scheme or host) or stays on the page (a bare #fragment).
 */
export function internalPath(
	url: string,
	entry: Pick<Entry, 'collection' | 'id'>,
): string | undefined {
	const trimmed = url.trim();
	if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return undefined;
	if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
	const here = new URL(`https://playbook.invalid/${entry.collection}/${entry.id}/`);
	const target = new URL(trimmed, here);
	if (target.host !== here.host) return undefined;
	return decodeURIComponent(target.pathname);
}

/** True when a site path is a page the playbook builds, with or without its final slash. */
export function pageExists(playbook: Playbook, path: string): boolean {
	const page = path.endsWith('/') || path.includes('.') ? path : `${path}/`;
	if (SITE_PAGES.has(page)) return true;
	const match = /^\/([^/]+)\/([^/]+)\/$/.exec(page);
	if (!match) return false;
	const [, collection, id] = match as unknown as [string, string, string];
	return isCollectionName(collection) && exists(playbook, collection, id);
}

/**
 * A file served beside the pages (a PDF or an image in `public/`), which the checker cannot see:
 * its last segment has an extension, and it is not a page of the site.
 */
function isAsset(path: string): boolean {
	const last = path.split('/').at(-1) ?? '';
	return /\.[a-z0-9]+$/i.test(last) && !/\.html?$/i.test(last) && !SITE_PAGES.has(path);
}

/** The nearest page to suggest for a broken path: its collection's index, else the home page. */
function suggestPage(path: string): string {
	const collection = /^\/([^/]+)\//.exec(path)?.[1];
	return collection && isCollectionName(collection) ? `/${collection}/` : '/';
}

function isStarlightImport(source: string): boolean {
	const statements = source.split(/\n(?=\s*(?:import|export)\b)/);
	return statements.every((statement) => {
		const match = /^\s*import\s+[\w\s{},*]+\s+from\s+['"]([^'"]+)['"];?\s*$/.exec(statement);
		return match !== null && IMPORTABLE.test(match[1]!);
	});
}

function isComment(expression: string): boolean {
	return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}
