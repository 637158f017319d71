import yaml from 'js-yaml';

export type Parsed =
	| { ok: true; data: unknown; body: string; bodyLine: number }
	| {
			ok: false;
			code: 'MalformedFrontmatter' | 'MissingFrontmatter' | 'AliasExpansion';
			message: string;
			fix: string;
			/** The file's line (and column) the YAML error is on, where the parser says. */
			line?: number;
			column?: number;
	  };

// Same delimiters as Astro's own frontmatter reader, so both see the same block.
const FRONTMATTER = /^(?:\uFEFF?|\s*\n)---([\s\S]*?\n)---(?:\r?\n|$)/;

/** Where a Markdown file's frontmatter YAML stands: its text and the offset it starts at. */
export function frontmatterBlock(text: string): { yaml: string; start: number } | undefined {
	const match = FRONTMATTER.exec(text);
	if (!match) return undefined;
	return { yaml: match[1]!, start: match.index + match[0].indexOf('---') + 3 };
}

/**
 * Reads the YAML frontmatter of a Markdown/MDX file, or a whole YAML file.
 * YAML is read with the core schema, so dates stay text and an impossible day is not silently
 * moved to the next month.
 */
export function parseEntryText(text: string, format: 'markdown' | 'yaml'): Parsed {
	const source = text.replace(/^\uFEFF/, '');
	// js-yaml counts lines from 0; the file's first line is line 1.
	if (format === 'yaml') return parseYaml(source, 'the file', 1, '', 1);
	const match = FRONTMATTER.exec(source);
	if (!match && /^\s*---[ \t]*\r?\n/.test(source)) {
		return {
			ok: false,
			code: 'MissingFrontmatter',
			message: 'the frontmatter opens with --- but has no closing --- line',
			line: source.slice(0, source.indexOf('---')).split('\n').length,
			fix: 'Add a line holding only --- after the last key, before the text of the page.',
		};
	}
	if (!match) {
		return {
			ok: false,
			code: 'MissingFrontmatter',
			message: 'the file does not start with a --- frontmatter block',
			fix: 'Start the file with ---, the keys of the content contract, and a closing ---.',
		};
	}
	const offset = source.slice(0, match.index).split('\n').length; // line of the opening ---
	const bodyLine = source.slice(0, match.index + match[0].length).split('\n').length;
	return parseYaml(match[1]!, 'the frontmatter', offset, source.slice(match[0].length), bodyLine);
}

function parseYaml(
	source: string,
	what: string,
	lineOffset: number,
	body: string,
	bodyLine: number,
): Parsed {
	let data: unknown;
	try {
		data = yaml.load(source, { schema: yaml.CORE_SCHEMA, listener: aliasGuard(source) });
	} catch (error) {
		if (error instanceof TooManyCopies) {
			return {
				ok: false,
				code: 'AliasExpansion',
				message: `${what} repeats text through aliases (*name) until it would hold more than ${ALIAS_LIMIT.toLocaleString('en')} characters, far more than any entry needs`,
				line: source.slice(0, error.at).split('\n').length - 1 + lineOffset,
				fix: 'Write the values out instead of repeating them with & anchors and * aliases.',
			};
		}
		if (!(error instanceof yaml.YAMLException)) throw error;
		const where = error.mark && {
			line: error.mark.line + lineOffset,
			column: error.mark.column + 1,
		};
		const colon = error.mark && unquotedColon(source.split('\n')[error.mark.line] ?? '');
		if (colon)
			return {
				ok: false,
				code: 'MalformedFrontmatter',
				message: `the text of ${colon.key} holds ": ", which YAML reads as the start of another key`,
				...where,
				fix: `Put the text in quotes: ${colon.key}: "${colon.text.replace(/"/g, '\\"')}".`,
			};
		return {
			ok: false,
			code: 'MalformedFrontmatter',
			message: `${what} is not valid YAML: ${error.reason}`,
			...where,
			fix: 'Fix the YAML syntax there (indent with spaces, quote text that contains ": " or starts with a symbol).',
		};
	}
	if (data === null || data === undefined) data = {};
	if (typeof data !== 'object' || Array.isArray(data)) {
		return {
			ok: false,
			code: 'MalformedFrontmatter',
			message: `${what} is ${Array.isArray(data) ? 'a list' : 'a single value'}, not a set of key: value lines`,
			fix: 'Write one key: value per line, as in the content contract.',
		};
	}
	return { ok: true, data, body, bodyLine };
}

/**
 * How many characters aliases may copy in one file. js-yaml shares an aliased value rather than
 * copying it, so reading is cheap; but the schema and everything after walk the copies, and a few
 * hundred bytes of nested aliases stand for billions of values.
 */
const ALIAS_LIMIT = 1_000_000;

class TooManyCopies extends Error {
	/** Where in the YAML text the alias that went past the limit starts. */
	readonly at: number;
	constructor(at: number) {
		super('aliases expand past the limit');
		this.at = at;
	}
}

/**
 * A js-yaml listener that adds up what each alias copies, and stops reading (throws
 * TooManyCopies) at the alias that takes the total past ALIAS_LIMIT, before anything walks the
 * copies.
 */
function aliasGuard(source: string): (event: 'open' | 'close', state: yaml.State) => void {
	const opened: number[] = [];
	const counted = new Set<number>(); // js-yaml closes a block list's alias twice
	const sizes = new WeakMap<object, number>();
	let copied = 0;
	return (event, state) => {
		if (event === 'open') {
			opened.push(state.position);
			return;
		}
		let at = opened.pop() ?? state.position;
		while (/\s/.test(source[at] ?? '')) at++;
		if (source[at] !== '*' || counted.has(at)) return;
		counted.add(at);
		copied += sizeOf(state.result, sizes);
		if (copied > ALIAS_LIMIT) throw new TooManyCopies(at);
	};
}

/** About how many characters a value stands for once its aliases are written out. */
function sizeOf(value: unknown, sizes: WeakMap<object, number>): number {
	if (typeof value === 'string') return value.length;
	if (typeof value !== 'object' || value === null) return 1;
	const known = sizes.get(value);
	if (known !== undefined) return known;
	let size = 1;
	for (const [key, item] of Object.entries(value)) {
		size += (Array.isArray(value) ? 0 : key.length) + sizeOf(item, sizes);
		if (size > ALIAS_LIMIT) break; // enough to refuse; no need to walk the rest
	}
	sizes.set(value, size);
	return size;
}

/**
 * A `key: text: more text` line, the commonest YAML mistake in prose: the key and the whole
 * text after it, or undefined when the line is something else.
 */
function unquotedColon(line: string): { key: string; text: string } | undefined {
	const match = /^\s*(?:- )?([A-Za-z_][\w-]*): (?!["'|>[{])(.*\S: .*)$/.exec(line);
	return match ? { key: match[1]!, text: match[2]!.trim() } : undefined;
}
