import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { quote } from '../../problems/problems.ts';

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
export const COMPONENT_LIST = STARLIGHT_COMPONENTS.join(', ');
/** The kinds of `<Aside>` Starlight draws; a test holds this to the installed package. */
export const ASIDE_TYPES: readonly string[] = ['note', 'tip', 'caution', 'danger'];

/** What a Starlight component refuses to render, which stops the build at that page. */
export function misfitOf(
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

export function isStarlightImport(source: string): boolean {
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

export function isComment(expression: string): boolean {
	return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

/**
 * The components a body's imports make available, read once before its elements are judged,
 * since an import may stand anywhere in the body.
 */
export class ComponentScope {
	readonly #components = new Map<string, string>();
	readonly #namespaces = new Set<string>();

	/** Adds what one Starlight import statement brings in. */
	add(imported: ReturnType<typeof importedComponents>): void {
		for (const [local, exported] of imported.components) this.#components.set(local, exported);
		for (const name of imported.namespaces) this.#namespaces.add(name);
	}

	/** The Starlight component a JSX name stands for through the body's imports, if any. */
	componentOf(name: string): string | undefined {
		const [namespace, member] = name.split('.');
		if (member === undefined) return this.#components.get(name);
		return this.#namespaces.has(namespace!) && STARLIGHT_COMPONENTS.includes(member)
			? member
			: undefined;
	}

	/** True when a JSX name is a component (capitalised or dotted) the body has not imported. */
	isMissing(name: string): boolean {
		return (name.includes('.') || /^[A-Z]/.test(name)) && this.componentOf(name) === undefined;
	}
}
