import type { Html, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { entriesOf, type Entry } from '../../../model/playbook.ts';
import { COLLECTION_NAMES } from '../../../schemas/index.ts';
import { type Position, quote, type ReportProblem } from '../../problems/problems.ts';
import type { RuleContext } from '../rule.ts';
import {
	COMPONENT_LIST,
	ComponentScope,
	importedComponents,
	isComment,
	isStarlightImport,
	misfitOf,
	STARLIGHT_COMPONENTS,
} from './components.ts';
import type { BodyContext } from './context.ts';
import { checkElement } from './elements.ts';
import { readHtml } from './html.ts';
import { checkImage, checkLink } from './links.ts';
import { isScriptUrl } from './urls.ts';

export { ASIDE_TYPES, importedComponents, STARLIGHT_COMPONENTS } from './components.ts';
export { htmlStartTags, readHtml } from './html.ts';
export { pageExists, SITE_PAGES } from './site-pages.ts';
export { internalPath, isRemote, isScriptUrl } from './urls.ts';

const MAY_HOLD_MARKUP = /[<{}]|\]\(|\]:|^\s*(import|export)\b/m;

/**
 * The bodies of Markdown and MDX entries: they parse; they run no code, at build time or in a
 * reader's browser; they load nothing from other sites and nothing that acts on the whole page;
 * the components they use are imported and renderable; and every link and image inside the
 * site points at something that exists.
 */
export function checkBodies({ playbook, reportIn }: RuleContext): void {
	for (const collection of COLLECTION_NAMES) {
		for (const entry of entriesOf(playbook, collection)) {
			// Parsing is the slow part; text without these marks has no link, tag or code to find.
			if (!MAY_HOLD_MARKUP.test(entry.body)) continue;
			const report = reportIn(entry.file);
			const tree = parseBody(entry, report);
			if (!tree) continue;
			const context: BodyContext = {
				playbook,
				entry,
				report: (code, node, message, fix) =>
					report(code, 'body', message, fix, placeOf(entry, node)),
			};
			visit(context, readImports(context, tree), tree);
		}
	}
}

/** The file's line for a line of the body. */
const fileLine = (entry: Entry, line: number) => line + (entry.bodyLine ?? 1) - 1;
/** Where a node starts in the file; every node the parser makes has a position. */
const placeOf = (entry: Entry, node: Nodes): Position => ({
	line: fileLine(entry, node.position!.start.line),
	column: node.position!.start.column,
});

/** The body's syntax tree; or, when it does not parse, nothing, and the one problem reported. */
function parseBody(entry: Entry, report: ReportProblem): Root | undefined {
	try {
		return entry.file.endsWith('.mdx')
			? fromMarkdown(entry.body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] })
			: fromMarkdown(entry.body);
	} catch (error) {
		const { line, column, reason } = parseFailure(error);
		// Some messages hold a place in the body, such as "(3:1-3:6)". It is taken out of the text
		// (a body's lines are not the file's) and gives the line when the error has none of its own.
		const place = / \((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
		const at = line ?? (place ? Number(place[1]) : undefined);
		report(
			'InvalidBody',
			'body',
			`the MDX body does not parse: ${place ? reason.replace(place[0], '') : reason}`,
			'In MDX, write a literal < or { as \\< or \\{, and close every tag you open.',
			at ? { line: fileLine(entry, at), column: line ? column : Number(place![2]) } : {},
		);
		return undefined;
	}
}

/** What a parser's error says: its place in the body, where it has one, and its reason. */
function parseFailure(error: unknown): { line?: number; column?: number; reason: string } {
	const failure = typeof error === 'object' && error !== null ? error : {};
	return {
		...('line' in failure && typeof failure.line === 'number' && { line: failure.line }),
		...('column' in failure && typeof failure.column === 'number' && { column: failure.column }),
		reason:
			'reason' in failure && typeof failure.reason === 'string' ? failure.reason : String(error),
	};
}

/**
 * Judges every import of the body once, and returns the components they bring in: image
 * references resolve through definitions, and components through imports, anywhere in the body.
 */
function readImports({ report }: BodyContext, tree: Root): ComponentScope {
	const scope = new ComponentScope();
	const collect = (node: Nodes) => {
		if (node.type === 'mdxjsEsm' && !isStarlightImport(node.value))
			report(
				'CodeInBody',
				node,
				`${quote(node.value.split('\n')[0])} runs code when the site is built`,
				'Remove it: a body is Markdown. Only components from @astrojs/starlight/components may be imported.',
			);
		else if (node.type === 'mdxjsEsm') {
			const imported = importedComponents(node.value);
			scope.add(imported);
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
	return scope;
}

/** The image URLs of a body's reference definitions (`[logo]: /images/logo.png`), by identifier. */
function definitionsOf(tree: Root): Map<string, string> {
	const definitions = new Map<string, string>();
	const collect = (node: Nodes) => {
		if (node.type === 'definition') definitions.set(node.identifier, node.url);
		if ('children' in node) for (const child of node.children) collect(child);
	};
	collect(tree);
	return definitions;
}

/** Walks the body and hands each node to the rule for its kind. */
function visit(context: BodyContext, scope: ComponentScope, tree: Root) {
	const { report } = context;
	const definitions = definitionsOf(tree);
	const rawHtml: Html[] = [];
	const walk = (node: Nodes) => {
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
				if (node.name && scope.isMissing(node.name))
					report(
						'UnknownComponent',
						node,
						`<${node.name}> is not imported, so the page cannot be built`,
						STARLIGHT_COMPONENTS.includes(node.name)
							? `Add import { ${node.name} } from '@astrojs/starlight/components'; below the frontmatter.`
							: `Use one of Starlight's components (${COMPONENT_LIST}), imported from '@astrojs/starlight/components', or write the content as Markdown.`,
					);
				else if (node.name) {
					checkElement(context, node.name, attributes, node);
					const component = scope.componentOf(node.name);
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
				rawHtml.push(node);
				break;
			case 'image':
				checkImage(context, node.url, node);
				break;
			case 'imageReference': {
				const url = definitions.get(node.identifier);
				if (url !== undefined) checkImage(context, url, node);
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
				else checkLink(context, node.url, node);
				break;
		}
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(tree);
	checkRawHtml(context, rawHtml);
}

/** The raw HTML of a Markdown body, read as one document, as it will stand in the page. */
function checkRawHtml(context: BodyContext, pieces: readonly Html[]) {
	if (pieces.length === 0) return;
	const html = readHtml(pieces.map((piece) => piece.value));
	for (const tag of html.tags) checkElement(context, tag.name, tag.attributes, pieces[tag.piece]!);
	for (const tag of html.unclosed)
		context.report(
			'InvalidBody',
			pieces[tag.piece]!,
			`the HTML ends inside <${tag.name}>, before its >, so a browser would read the text after it as part of that tag`,
			'Close the tag with > (and a quoted value with its closing quote), or write the text as Markdown.',
		);
}
