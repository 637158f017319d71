import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Entry } from '../model/playbook.ts';
import { markdownCode, markdownProse, markdownUrl } from '../review/markdown-text.ts';

/**
 * An entry's body as plain Markdown, for its Markdown copy: the headings, paragraphs, lists,
 * quotes, emphasis, code and links the author wrote, rebuilt from the parsed body with every
 * piece of text escaped (`markdownProse`), so the copy holds no HTML, no component and no link
 * the page does not show. Tags and components give up their text; expressions, imports and
 * comments are left out; an image becomes its text alternative.
 *
 * `root` is prepended to the site's own addresses (`/lead-stages/mql/`), which the page's links
 * resolve against the site; links go only to the web (`http`, `https`, `mailto`) or the site.
 */
export function bodyMarkdown(entry: Entry, root: string): string {
	if (entry.body.trim() === '') return '';
	const tree = parse(entry);
	return tree ? blocks(tree.children, { root }).join('\n\n') : markdownProse(entry.body);
}

interface Context {
	root: string;
}

/** The body's tree; a body the checker passed always parses, but a copy never stops a build. */
function parse(entry: Entry): Root | undefined {
	try {
		return entry.file.endsWith('.mdx')
			? fromMarkdown(entry.body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] })
			: fromMarkdown(entry.body);
	} catch {
		return undefined;
	}
}

/** Block nodes, each as one or more lines of Markdown; nodes that show nothing are dropped. */
function blocks(nodes: readonly Nodes[], context: Context): string[] {
	return nodes.map((node) => block(node, context)).filter((text) => text.trim() !== '');
}

function block(node: Nodes, context: Context): string {
	switch (node.type) {
		case 'heading':
			return `${'#'.repeat(node.depth)} ${inline(node.children, context)}`;
		case 'paragraph':
			return inline(node.children, context);
		case 'blockquote':
			return prefixLines(blocks(node.children, context).join('\n\n'), '> ', '>');
		case 'list':
			return node.children
				.map((item, index) => {
					const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
					const text = blocks(item.children, context).join('\n\n');
					return marker + indentRest(text, ' '.repeat(marker.length));
				})
				.join('\n');
		case 'code':
			return fenced(node.value, node.lang ?? '');
		case 'thematicBreak':
			return '***';
		// A component or a tag keeps its words; what it does is the page's business.
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return blocks(node.children, context).join('\n\n');
		case 'html':
		case 'mdxjsEsm':
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
		case 'definition':
		case 'yaml':
			return '';
		default:
			return 'children' in node
				? blocks(node.children as Nodes[], context).join('\n\n')
				: 'value' in node
					? markdownProse(node.value)
					: '';
	}
}

/** Phrasing content on one line: text escaped, marks and links rebuilt. */
function inline(nodes: readonly Nodes[], context: Context): string {
	return nodes.map((node) => phrase(node, context)).join('');
}

function phrase(node: Nodes, context: Context): string {
	switch (node.type) {
		case 'text': {
			// Escaping trims; the spaces between this text and a mark or link beside it stay.
			const flat = node.value.replace(/\s+/g, ' ');
			if (flat.trim() === '') return flat === '' ? '' : ' ';
			return `${flat.startsWith(' ') ? ' ' : ''}${markdownProse(flat)}${flat.endsWith(' ') ? ' ' : ''}`;
		}
		case 'emphasis':
			return wrap('*', inline(node.children, context));
		case 'strong':
			return wrap('**', inline(node.children, context));
		case 'delete':
			return wrap('~~', inline(node.children, context));
		case 'inlineCode':
			return markdownCode(node.value);
		case 'break':
			return '\\\n';
		case 'link': {
			const words = inline(node.children, context);
			const url = linkAddress(node.url, context);
			return url && words.trim() ? `[${words}](${markdownUrl(url)})` : words;
		}
		case 'image':
			return node.alt ? markdownProse(`(image: ${node.alt})`) : '';
		case 'mdxJsxTextElement':
		case 'mdxJsxFlowElement':
			return inline(node.children, context);
		case 'html':
		case 'mdxTextExpression':
		case 'mdxFlowExpression':
			return '';
		default:
			return 'children' in node
				? inline(node.children as Nodes[], context)
				: 'value' in node
					? markdownProse(node.value)
					: '';
	}
}

/** Where a body's link may go in the copy: the web, e-mail, or the site (under its root). */
function linkAddress(url: string, context: Context): string | undefined {
	if (/^(?:https?:\/\/|mailto:)/i.test(url)) return url;
	if (url.startsWith('/') && !url.startsWith('//')) return `${context.root}${url}`;
	return undefined;
}

/** Emphasis around words; none around nothing (an empty `**` would show as marks). */
function wrap(mark: string, words: string): string {
	return words.trim() ? `${mark}${words}${mark}` : words;
}

/** A code block fenced with more backticks than any run inside it, so nothing can close it. */
function fenced(code: string, lang: string): string {
	const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	// The info string is a word the author wrote; anything else in it is dropped.
	const info = /^[\w+-]+$/.test(lang) ? lang : '';
	return `${fence}${info}\n${code}\n${fence}`;
}

function prefixLines(text: string, prefix: string, emptyPrefix: string): string {
	return text
		.split('\n')
		.map((line) => (line === '' ? emptyPrefix : prefix + line))
		.join('\n');
}

function indentRest(text: string, indent: string): string {
	return text
		.split('\n')
		.map((line, index) => (index === 0 || line === '' ? line : indent + line))
		.join('\n');
}
