import yaml from 'js-yaml';

export type Parsed =
	| { ok: true; data: unknown; body: string; bodyLine: number }
	| {
			ok: false;
			code: 'MalformedFrontmatter' | 'MissingFrontmatter';
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
		data = yaml.load(source, { schema: yaml.CORE_SCHEMA });
	} catch (error) {
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
 * A `key: text: more text` line, the commonest YAML mistake in prose: the key and the whole
 * text after it, or undefined when the line is something else.
 */
function unquotedColon(line: string): { key: string; text: string } | undefined {
	const match = /^\s*(?:- )?([A-Za-z_][\w-]*): (?!["'|>[{])(.*\S: .*)$/.exec(line);
	return match ? { key: match[1]!, text: match[2]!.trim() } : undefined;
}
