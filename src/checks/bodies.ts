import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parseEntities } from 'parse-entities';
import { COLLECTION_NAMES, isCollectionName } from '../schemas/index.ts';
import { entriesOf, exists, type Entry, type Playbook } from '../model/playbook.ts';
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
/** What `@astrojs/starlight/components` exports; a test holds this to the installed package. */
export const STARLIGHT_COMPONENTS: readonly string[] = [
	'Aside',
	'Badge',
	'Card',
	'CardGrid',
	'Code',
	'FileTree',
	'Icon',
	'LinkButton',
	'LinkCard',
	'Steps',
	'TabItem',
	'Tabs',
];
const COMPONENT_LIST = STARLIGHT_COMPONENTS.join(', ');
/** The kinds of `<Aside>` Starlight draws; a test holds this to the installed package. */
export const ASIDE_TYPES: readonly string[] = ['note', 'tip', 'caution', 'danger'];

type BodyProblemCode =
	| 'CodeInBody'
	| 'ScriptInBody'
	| 'RemoteFileInBody'
	| 'PageMarkupInBody'
	| 'UnknownComponent'
	| 'MissingImage';

interface Refusal {
	code: BodyProblemCode;
	why: string;
	fix: string;
}
const RUNS_CODE: Refusal = {
	code: 'ScriptInBody',
	why: "would run or embed code in a reader's browser",
	fix: 'Remove the element; link to the page or asset instead.',
};
// SVG animation can rewrite a link into a script URL after the page has loaded.
const ANIMATES: Refusal = {
	code: 'ScriptInBody',
	why: "can turn a link into script in a reader's browser",
	fix: 'Remove the element; show the diagram as an image with a text alternative.',
};
const actsOnPage = (why: string): Refusal => ({
	code: 'PageMarkupInBody',
	why,
	fix: 'Remove the element; a body is the text of its page, written in Markdown.',
});

/** Elements a body may not hold, by name, with why and what to do instead. */
const REFUSED_ELEMENTS: ReadonlyMap<string, Refusal> = new Map([
	...['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal'].map(
		(name) => [name, RUNS_CODE] as const,
	),
	['animate', ANIMATES],
	['set', ANIMATES],
	['base', actsOnPage('would send every link of the page somewhere else')],
	['meta', actsOnPage('could send readers to another address')],
	['link', actsOnPage('would load files into the page')],
	['style', actsOnPage('would restyle the whole page, not just this text')],
	['form', actsOnPage('would send what readers type to another address')],
]);

/**
 * Attributes that make the browser fetch a file, or (`ping`) call another address, on any
 * element, except `href` on a link to a page.
 */
const FILE_ATTRIBUTES = new Set([
	'src',
	'srcset',
	'poster',
	'data',
	'background',
	'lowsrc',
	'ping',
	'href',
	'xlink:href',
]);
/** Elements whose href is a link a reader follows, not a file the page loads. */
const LINK_ELEMENTS = new Set(['a', 'area']);

/** A stand-in host for the site, to resolve a body's URLs the way a reader's browser would. */
const SITE_HOST = 'playbook.invalid';

const MAY_HOLD_MARKUP = /[<{}]|\]\(|\]:|^\s*(import|export)\b/m;

/**
 * The bodies of Markdown and MDX entries: they parse; they run no code, at build time or in a
 * reader's browser; they load nothing from other sites and nothing that acts on the whole page;
 * the components they use are imported and renderable; and every link and image inside the
 * site points at something that exists.
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
	/** The file's line for a line of the body. */
	const fileLine = (line: number) => line + (entry.bodyLine ?? 1) - 1;
	// Every node the parser makes has a position.
	const lineOf = (node: Nodes) => fileLine(node.position!.start.line);
	let tree: Root;
	try {
		tree = isMdx
			? fromMarkdown(entry.body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] })
			: fromMarkdown(entry.body);
	} catch (error) {
		const { line, reason = String(error) } = error as { line?: number; reason?: string };
		// Some messages hold a place in the body, such as "(3:1-3:6)". It is taken out of the text
		// (a body's lines are not the file's) and gives the line when the error has none of its own.
		const place = / \((\d+):\d+(?:-\d+:\d+)?\)/.exec(reason);
		const at = line ?? (place ? Number(place[1]) : undefined);
		return [
			problem(
				'InvalidBody',
				entry.file,
				'body',
				`${at ? `line ${fileLine(at)}: ` : ''}the MDX body does not parse: ${place ? reason.replace(place[0], '') : reason}`,
				'In MDX, write a literal < or { as \\< or \\{, and close every tag you open.',
			),
		];
	}
	const problems: Problem[] = [];
	const report = (
		code: BodyProblemCode | 'BrokenLink',
		node: Nodes,
		message: string,
		fix: string,
	) => problems.push(problem(code, entry.file, 'body', `line ${lineOf(node)}: ${message}`, fix));

	/** One rule for an element, whether written as MDX (JSX) or as raw HTML in Markdown. */
	const checkElement = (name: string, attributes: [string, string][], node: Nodes) => {
		const element = name.toLowerCase();
		const refused = REFUSED_ELEMENTS.get(element);
		// One line for a refused element: whatever its attributes do goes with it.
		if (refused) {
			report(refused.code, node, `<${name}> ${refused.why}`, refused.fix);
			return;
		}
		for (const [attribute, value] of attributes) {
			const key = attribute.toLowerCase();
			if (key.startsWith('on') || isScriptUrl(value)) {
				report(
					'ScriptInBody',
					node,
					`<${name} ${attribute}=…> would run script in a reader's browser`,
					'Remove the attribute; link with an https:// address or a page of the site.',
				);
				continue;
			}
			const remote = (
				FILE_ATTRIBUTES.has(key) && !(key === 'href' && LINK_ELEMENTS.has(element))
					? urlsIn(key, value)
					: key === 'style'
						? cssUrls(value)
						: []
			).find(isRemote);
			if (remote !== undefined)
				report(
					'RemoteFileInBody',
					node,
					`<${name} ${attribute}=…> loads ${quote(remote)} from another site, which the site's security policy blocks`,
					REMOTE_FILE_FIX,
				);
		}
		const href = attributes.find(([attribute]) => attribute.toLowerCase() === 'href')?.[1];
		if (LINK_ELEMENTS.has(element) && href !== undefined && !isScriptUrl(href))
			checkLink(href, node);
	};

	const checkImage = (url: string, node: Nodes) => {
		if (isScriptUrl(url))
			report(
				'ScriptInBody',
				node,
				`the image ${quote(url)} would run script in a reader's browser`,
				'Point at an image file in public/, such as /images/logo.png.',
			);
		else if (isRemote(url))
			report(
				'RemoteFileInBody',
				node,
				`the image ${quote(url)} loads from another site, which the site's security policy blocks`,
				REMOTE_FILE_FIX,
			);
		else {
			const missing = missingBesideEntry(url, entry, playbook);
			if (missing)
				report(
					'MissingImage',
					node,
					`the image ${quote(url)} points at ${missing}, which is not in the content folder`,
					'Add the file there, or put it in public/ and point at it from the site root, such as /images/chart.png.',
				);
		}
	};

	// Imports are judged here, once: image references resolve through definitions, and
	// components through imports, anywhere in the body.
	const definitions = new Map<string, string>();
	const components = new Map<string, string>();
	const namespaces = new Set<string>();
	const collect = (node: Nodes) => {
		if (node.type === 'definition') definitions.set(node.identifier, node.url);
		if (node.type === 'mdxjsEsm' && !isStarlightImport(node.value))
			report(
				'CodeInBody',
				node,
				`${quote(node.value.split('\n')[0])} runs code when the site is built`,
				'Remove it: a body is Markdown. Only components from @astrojs/starlight/components may be imported.',
			);
		else if (node.type === 'mdxjsEsm') {
			const imported = importedComponents(node.value);
			for (const [local, exported] of imported.components) components.set(local, exported);
			for (const name of imported.namespaces) namespaces.add(name);
			for (const name of imported.unknown)
				report(
					'UnknownComponent',
					node,
					`${quote(name)} is not one of Starlight's components`,
					`Import one of ${COMPONENT_LIST}, or write the content as Markdown.`,
				);
			for (const name of imported.defaults)
				report(
					'UnknownComponent',
					node,
					`${quote(name)} is imported as a default, which @astrojs/starlight/components does not have`,
					`Name the component in braces, as in import { ${name} } from '@astrojs/starlight/components'.`,
				);
		}
		if ('children' in node) for (const child of node.children) collect(child);
	};
	collect(tree);

	/** The Starlight component a JSX name stands for through the body's imports, if any. */
	const componentOf = (name: string) => {
		const [namespace, member] = name.split('.');
		if (member === undefined) return components.get(name);
		return namespaces.has(namespace!) && STARLIGHT_COMPONENTS.includes(member) ? member : undefined;
	};

	/** True when a JSX name is a component (capitalised or dotted) the body has not imported. */
	const isMissingComponent = (name: string) =>
		(name.includes('.') || /^[A-Z]/.test(name)) && componentOf(name) === undefined;

	const visit = (node: Nodes) => {
		switch (node.type) {
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
			case 'mdxJsxTextElement': {
				const attributes: [string, string][] = [];
				for (const attribute of node.attributes) {
					if (attribute.type !== 'mdxJsxAttribute') {
						report(
							'CodeInBody',
							node,
							// A fragment, <>, the one tag without a name, takes no attributes.
							`a spread {${attribute.value}} in <${node.name!}> runs code when the site is built`,
							'Write each attribute out with a plain value.',
						);
					} else if (typeof attribute.value === 'object' && attribute.value !== null) {
						report(
							'CodeInBody',
							node,
							`the attribute ${attribute.name}={${attribute.value.value}} runs code when the site is built`,
							'Give the attribute a plain quoted value.',
						);
					} else attributes.push([attribute.name, attribute.value ?? '']);
				}
				if (node.name && isMissingComponent(node.name))
					report(
						'UnknownComponent',
						node,
						`<${node.name}> is not imported, so the page cannot be built`,
						STARLIGHT_COMPONENTS.includes(node.name)
							? `Add import { ${node.name} } from '@astrojs/starlight/components'; below the frontmatter.`
							: `Use one of Starlight's components (${COMPONENT_LIST}), imported from '@astrojs/starlight/components', or write the content as Markdown.`,
					);
				else if (node.name) {
					checkElement(node.name, attributes, node);
					const component = componentOf(node.name);
					const misfit = component && misfitOf(component, node);
					if (misfit)
						report(
							'UnknownComponent',
							node,
							`<${node.name}> ${misfit.problem}, so the page cannot be built`,
							misfit.fix,
						);
				}
				break;
			}
			case 'html':
				for (const tag of htmlStartTags(node.value)) checkElement(tag.name, tag.attributes, node);
				break;
			case 'image':
				checkImage(node.url, node);
				break;
			case 'imageReference': {
				const url = definitions.get(node.identifier);
				if (url !== undefined) checkImage(url, node);
				break;
			}
			case 'link':
			case 'definition':
				if (isScriptUrl(node.url))
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
 * The site path a link points at, resolved from its entry's page as a reader's browser resolves
 * it, without query or fragment; undefined when it leaves the site (another scheme or host) or
 * does not parse as a URL at all.
 */
export function internalPath(
	url: string,
	entry: Pick<Entry, 'collection' | 'id'>,
): string | undefined {
	const here = new URL(`https://${SITE_HOST}/${entry.collection}/${entry.id}/`);
	const target = URL.parse(url, here);
	return target?.origin === here.origin ? decodedPath(target.pathname) : undefined;
}

/** A URL's path with its %-escapes decoded, or as written when they do not decode. */
function decodedPath(pathname: string): string {
	try {
		return decodeURIComponent(pathname);
	} catch {
		return pathname;
	}
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
	return /\.[a-z0-9]+$/i.test(path) && !/\.html?$/i.test(path) && !SITE_PAGES.has(path);
}

/** The nearest page to suggest for a broken path: its collection's index, else the home page. */
function suggestPage(path: string): string {
	const collection = path.split('/')[1]!; // a site path starts with /
	return isCollectionName(collection) ? `/${collection}/` : '/';
}

/** What a Starlight component refuses to render, which stops the build at that page. */
function misfitOf(
	component: string,
	node: MdxJsxFlowElement | MdxJsxTextElement,
): { problem: string; fix: string } | undefined {
	// White space between tags and comments put nothing on the page.
	const renders = (child: Nodes) => {
		if (child.type === 'text') return child.value.trim() !== '';
		if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression')
			return !isComment(child.value);
		return true;
	};
	// MDX unwraps a paragraph that holds only tags; a paragraph that holds more is more than a
	// list whether it is unwrapped or not, so every paragraph is looked through.
	const children = node.children
		.flatMap((child) => (child.type === 'paragraph' ? child.children : [child]))
		.filter(renders);
	// A Markdown list, or the same list written as an <ol> or <ul> tag.
	const onlyList = (ordered: boolean) => {
		const [list, ...more] = children;
		return (
			more.length === 0 &&
			(list?.type === 'list'
				? list.ordered === ordered
				: list !== undefined && 'name' in list && list.name === (ordered ? 'ol' : 'ul'))
		);
	};
	if (component === 'Steps' && !onlyList(true))
		return {
			problem: 'must hold a single numbered list and nothing else',
			fix: 'Write the steps as one list, 1. 2. 3., each on its own line, between <Steps> and </Steps>.',
		};
	if (component === 'FileTree' && !onlyList(false))
		return {
			problem: 'must hold a single bulleted list and nothing else',
			fix: 'Write the files as one - list between <FileTree> and </FileTree>.',
		};
	const attribute = (name: string) =>
		node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
	if (component === 'TabItem' && !attribute('label'))
		return {
			problem: 'has no label',
			fix: 'Name the tab: <TabItem label="…">.',
		};
	const type = attribute('type');
	if (component === 'Aside' && typeof type === 'string' && !ASIDE_TYPES.includes(type))
		return {
			problem: `has the type ${quote(type)}, which Starlight does not have`,
			fix: `Use one of ${ASIDE_TYPES.join(', ')}, or leave type out for a note.`,
		};
	return undefined;
}

/** One import statement per item of an ESM block, or undefined when it is not such an import. */
function importsOf(source: string): { specifiers: string; from: string }[] | undefined {
	const imports = [];
	for (const statement of source.split(/\n(?=\s*(?:import|export)\b)/)) {
		const match = /^\s*import\s+([\w\s{},*]+?)\s+from\s+['"]([^'"]+)['"];?\s*$/.exec(statement);
		if (!match) return undefined;
		imports.push({ specifiers: match[1]!, from: match[2]! });
	}
	return imports;
}

function isStarlightImport(source: string): boolean {
	return importsOf(source)?.every((i) => IMPORTABLE.test(i.from)) ?? false;
}

/**
 * The components a body's Starlight imports make available, by the name the body uses, and
 * the names it asks for that Starlight does not have.
 */
export function importedComponents(source: string): {
	components: Map<string, string>;
	namespaces: Set<string>;
	unknown: string[];
	defaults: string[];
} {
	const components = new Map<string, string>();
	const namespaces = new Set<string>();
	const unknown: string[] = [];
	const defaults: string[] = [];
	for (const { specifiers } of importsOf(source) ?? []) {
		const named = /\{([^}]*)\}/.exec(specifiers)?.[1];
		for (const specifier of named?.split(',') ?? []) {
			const [exported, local = exported] = specifier.trim().split(/\s+as\s+/);
			if (!exported) continue;
			if (STARLIGHT_COMPONENTS.includes(exported)) components.set(local!, exported);
			else unknown.push(exported);
		}
		const namespace = /\*\s*as\s+(\w+)/.exec(specifiers)?.[1];
		if (namespace) namespaces.add(namespace);
		const rest = specifiers.replace(/\{[^}]*\}/, '').replace(/\*\s*as\s+\w+/, '');
		const defaultName = /\w+/.exec(rest)?.[0];
		if (defaultName) defaults.push(defaultName);
	}
	return { components, namespaces, unknown, defaults };
}

function isComment(expression: string): boolean {
	return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

const REMOTE_FILE_FIX =
	'Save the file in public/ and point at it from the site root, such as /images/logo.png, or link to it with [text](https://…).';

/**
 * A URL as a browser reads it: tabs and line breaks anywhere are dropped and leading control
 * characters and spaces trimmed, so `java\tscript:` is still a script URL.
 */
function asBrowserReads(url: string): string {
	let from = 0;
	// Past the end, charCodeAt gives NaN, which ends the loop.
	while (url.charCodeAt(from) <= 0x20) from++;
	return url.slice(from).replace(/[\t\n\r]/g, '');
}

/** True for a URL that runs script (or carries a whole document) when followed or loaded. */
export function isScriptUrl(url: string): boolean {
	return /^(javascript|vbscript|data):/i.test(asBrowserReads(url));
}

/**
 * True for a URL that names another host, by scheme or by `//`, as a reader's browser parses it
 * (which drops tabs and line breaks and trims control characters and spaces).
 */
export function isRemote(url: string): boolean {
	const host = URL.parse(url, `https://${SITE_HOST}/page/`)?.host;
	return host !== undefined && host !== '' && host !== SITE_HOST;
}

/**
 * The file a relative image path names within the content folder, when that file belongs beside
 * the entries and is not there (the build would stop on it); otherwise undefined.
 */
function missingBesideEntry(url: string, entry: Entry, playbook: Playbook): string | undefined {
	const trimmed = url.trim();
	if (
		!entry.path ||
		!playbook.assets ||
		trimmed === '' ||
		/^([a-z][a-z0-9+.-]*:|\/)/i.test(trimmed)
	)
		return undefined;
	const target = URL.parse(trimmed, `file:///${entry.path}`);
	if (!target) return undefined;
	const path = decodedPath(target.pathname).slice(1);
	const folder = path.split('/')[0] ?? '';
	return isCollectionName(folder) && !playbook.assets.has(path) ? path : undefined;
}

/** The URLs an attribute names: one, each candidate of a `srcset`, or each address to `ping`. */
function urlsIn(attribute: string, value: string): string[] {
	if (attribute === 'srcset')
		return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!);
	return attribute === 'ping' ? value.trim().split(/\s+/) : [value];
}

/** The URLs of `url(…)` in a style attribute. */
function cssUrls(style: string): string[] {
	return [...style.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)].map((match) => match[2]!);
}

/**
 * The start tags in a piece of raw HTML with their attributes, names lower-cased and values
 * decoded, read the way a browser's tokenizer reads them: a `/` separates attributes as a space
 * does, values may be unquoted, and character references such as `&#x61;` are decoded.
 */
export function htmlStartTags(html: string): { name: string; attributes: [string, string][] }[] {
	const tags: { name: string; attributes: [string, string][] }[] = [];
	const space = /[\t\n\f\r ]/;
	let at = 0;
	const skip = (pattern: RegExp) => {
		while (at < html.length && pattern.test(html[at]!)) at++;
	};
	const readUntil = (pattern: RegExp) => {
		const from = at;
		while (at < html.length && !pattern.test(html[at]!)) at++;
		return html.slice(from, at);
	};
	while ((at = html.indexOf('<', at)) !== -1) {
		at++;
		if (html.startsWith('!--', at)) {
			// A comment ends as a browser ends it: <!--> and <!---> are whole, and --!> closes too.
			const end = /--!?>/g;
			end.lastIndex = at;
			at = end.exec(html) ? end.lastIndex : html.length;
			continue;
		}
		if (!/[a-z]/i.test(html[at] ?? '')) continue;
		const name = readUntil(/[\t\n\f\r />]/).toLowerCase();
		const attributes: [string, string][] = [];
		for (;;) {
			skip(/[\t\n\f\r /]/);
			if (at >= html.length || html[at] === '>') break;
			// An attribute's name may begin with "=", which a browser keeps as part of the name.
			const attribute = html[at++]! + readUntil(/[\t\n\f\r />=]/);
			skip(space);
			let value = '';
			if (html[at] === '=') {
				at++;
				skip(space);
				const mark = html[at];
				if (mark === '"' || mark === "'") {
					at++;
					value = readUntil(mark === '"' ? /"/ : /'/);
					at++;
				} else value = readUntil(/[\t\n\f\r >]/);
			}
			attributes.push([attribute.toLowerCase(), parseEntities(value, { attribute: true })]);
		}
		tags.push({ name, attributes });
	}
	return tags;
}
