import yaml from 'js-yaml';

/**
 * How the editor reads an entry's file into form values and writes them back. Saving changes
 * only what the form changed: every top-level key whose value is the same keeps its lines as the
 * owners wrote them (comments, quoting, key order, list style), and the body is written back
 * byte for byte. Only a key the form changed is written afresh. Pure, so the rules are tested
 * without a browser; the editor registers these as its `frontmatter` and `yaml` formats.
 */

export type EntryFormat = 'frontmatter' | 'yaml';

/** Form values: the file's keys, the body (frontmatter files) and the text the file was read from. */
export type EntryValues = Record<string, unknown>;

/** The form value that holds the file as it was read; the editor carries it along unseen. */
export const ORIGINAL_TEXT = 'playbook_original_text';

/** The form value that holds a Markdown file's body. */
export const BODY = 'body';

// The same delimiters as the checker's frontmatter reader (src/checks/read/frontmatter.ts).
const FRONTMATTER = /^(\uFEFF?|\s*\n)---([\s\S]*?\n)---(\r?\n|$)/;

/** YAML is read the checker's way: dates stay text, as the date fields store them. */
const READ = { schema: yaml.CORE_SCHEMA };
/**
 * Written so that every YAML reader agrees: text that another reader would take for a date or a
 * number (Astro reads 2026-12-01 as a date) is quoted.
 */
const WRITE: yaml.DumpOptions = { schema: yaml.DEFAULT_SCHEMA, lineWidth: -1, noRefs: true };

interface SplitFile {
	/** Everything before the YAML: a byte-order mark and the opening `---` line. */
	head: string;
	yaml: string;
	/** The closing `---` line. */
	close: string;
	body: string;
}

function splitFile(text: string, format: EntryFormat): SplitFile | undefined {
	if (format === 'yaml') return { head: '', yaml: text, close: '', body: '' };
	const match = FRONTMATTER.exec(text);
	if (!match) return undefined;
	// The line break after the opening --- belongs to it, not to the YAML.
	const lineBreak = /^\r?\n/.exec(match[2]!)?.[0] ?? '';
	return {
		head: `${match[1]}---${lineBreak}`,
		yaml: match[2]!.slice(lineBreak.length),
		close: `---${match[3]}`,
		body: text.slice(match[0].length),
	};
}

function readYaml(text: string): Record<string, unknown> {
	const data = yaml.load(text, READ);
	return data && typeof data === 'object' && !Array.isArray(data)
		? (data as Record<string, unknown>)
		: {};
}

/** The form values of a file; a file that cannot be read opens with its text as the body. */
export function readEntryFile(text: string, format: EntryFormat): EntryValues {
	const split = splitFile(text, format);
	if (!split) return { [BODY]: text };
	let data: Record<string, unknown>;
	try {
		data = readYaml(split.yaml);
	} catch {
		// The checker names the YAML problem; the form opens empty rather than not at all.
		return format === 'yaml' ? {} : { [BODY]: split.body };
	}
	return {
		...data,
		...(format === 'frontmatter' && { [BODY]: split.body }),
		[ORIGINAL_TEXT]: text,
	};
}

/**
 * The file for the form values. `keyOrder` is the order of the form's fields, used for keys
 * the file did not have and for a new entry.
 */
export function writeEntryFile(
	values: EntryValues,
	format: EntryFormat,
	keyOrder: readonly string[] = [],
): string {
	const { [BODY]: body, [ORIGINAL_TEXT]: original, ...fields } = values;
	const originalSplit = typeof original === 'string' ? splitFile(original, format) : undefined;
	let originalData: Record<string, unknown> | undefined;
	try {
		originalData = originalSplit && readYaml(originalSplit.yaml);
	} catch {
		originalData = undefined;
	}
	const data = withoutEmpty(fields, originalData ?? {});
	const yamlText =
		(originalSplit &&
			originalData &&
			editedYaml(originalSplit.yaml, originalData, data, keyOrder)) ??
		freshYaml(data, keyOrder);
	if (format === 'yaml') return yamlText;
	const bodyText = typeof body === 'string' ? body : '';
	const head = originalSplit?.head ?? '---\n';
	const close = originalSplit?.close ?? '---\n';
	// A new entry's body starts after a blank line, as the example entries do.
	const separated = originalSplit || bodyText === '' || bodyText.startsWith('\n') ? '' : '\n';
	return `${head}${yamlText}${close}${separated}${bodyText}`;
}

/**
 * The values with what the form leaves empty taken out: an optional field left blank is
 * absent, not `''`, and an empty list the file never had is not added.
 */
function withoutEmpty(
	values: Record<string, unknown>,
	original: Record<string, unknown>,
): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) {
		const cleaned = cleanValue(value);
		if (cleaned === undefined) continue;
		if (!(key in original) && isEmptyCollection(cleaned)) continue;
		kept[key] = cleaned;
	}
	return kept;
}

function cleanValue(value: unknown): unknown {
	if (value === null || value === undefined || value === '') return undefined;
	if (Array.isArray(value)) return value.map((item) => cleanValue(item) ?? null);
	if (typeof value === 'object') {
		const entries = Object.entries(value)
			.map(([key, item]) => [key, cleanValue(item)] as const)
			.filter(([, item]) => item !== undefined);
		return entries.length ? Object.fromEntries(entries) : undefined;
	}
	return value;
}

function isEmptyCollection(value: unknown): boolean {
	return Array.isArray(value) && value.length === 0;
}

function freshYaml(data: Record<string, unknown>, keyOrder: readonly string[]): string {
	const keys = orderKeys(Object.keys(data), keyOrder);
	return keys.map((key) => dumpKey(key, data[key])).join('');
}

/** Keys in the form's order; keys the form does not know keep their place at the end. */
function orderKeys(keys: string[], keyOrder: readonly string[]): string[] {
	const rank = (key: string) => {
		const at = keyOrder.indexOf(key);
		return at === -1 ? keyOrder.length : at;
	};
	return [...keys].sort((a, b) => rank(a) - rank(b));
}

function dumpKey(key: string, value: unknown): string {
	return yaml.dump({ [key]: value }, WRITE);
}

/** One top-level key of a YAML text: the comment lines above it and its own lines. */
interface KeyBlock {
	key: string;
	lead: string;
	text: string;
}

/**
 * The original YAML with only the changed keys rewritten, or undefined when its layout is not
 * one this can edit safely (the caller then writes the YAML afresh).
 */
function editedYaml(
	originalYaml: string,
	originalData: Record<string, unknown>,
	data: Record<string, unknown>,
	keyOrder: readonly string[],
): string | undefined {
	const split = keyBlocks(originalYaml, originalData);
	if (!split) return undefined;
	const { blocks, tail } = split;
	const result: KeyBlock[] = [];
	for (const block of blocks) {
		if (!(block.key in data)) continue;
		const unchanged = sameValue(data[block.key], originalData[block.key]);
		result.push(unchanged ? block : { ...block, text: dumpKey(block.key, data[block.key]) });
	}
	const ordered = orderKeys(Object.keys(data), keyOrder);
	for (const key of ordered) {
		if (key in originalData) continue;
		// A new key goes before the first key that follows it in the form's order.
		const after = keyOrder.includes(key) ? keyOrder.slice(keyOrder.indexOf(key) + 1) : [];
		const at = result.findIndex((block) => after.includes(block.key));
		const block = { key, lead: '', text: dumpKey(key, data[key]) };
		if (at === -1) result.push(block);
		else result.splice(at, 0, block);
	}
	const text = result.map((block) => block.lead + block.text).join('') + tail;
	// The edit must say exactly what the form holds, or it is not made.
	try {
		return sameValue(readYaml(text), data) ? text : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The top-level keys of a YAML mapping, each with its lines. Each block must read back as
 * exactly its key and value, so an unusual layout (anchors, a `? key`, a flow mapping) is left
 * to a fresh write rather than cut in the wrong place.
 */
function keyBlocks(
	text: string,
	data: Record<string, unknown>,
): { blocks: KeyBlock[]; tail: string } | undefined {
	const lines = text.split(/(?<=\n)/);
	const blocks: KeyBlock[] = [];
	let lead = '';
	let current: KeyBlock | undefined;
	for (const line of lines) {
		const key = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|\r?\n|$)/.exec(line)?.[1];
		const blankOrComment = /^[ \t]*(?:#.*)?\r?\n?$/.test(line);
		if (key) {
			current = { key, lead, text: line };
			blocks.push(current);
			lead = '';
		} else if (blankOrComment && !/^[ \t]/.test(line)) {
			// A comment or blank line at the margin belongs to the key below it.
			lead += line;
		} else if (current) {
			current.text += lead + line;
			lead = '';
		} else {
			return undefined;
		}
	}
	const keys = blocks.map((block) => block.key);
	if (new Set(keys).size !== keys.length) return undefined;
	if (keys.length !== Object.keys(data).length) return undefined;
	for (const block of blocks) {
		let parsed: Record<string, unknown>;
		try {
			parsed = readYaml(block.text);
		} catch {
			return undefined;
		}
		const parsedKeys = Object.keys(parsed);
		if (parsedKeys.length !== 1 || parsedKeys[0] !== block.key) return undefined;
		if (!sameValue(parsed[block.key], data[block.key])) return undefined;
	}
	return { blocks, tail: lead };
}

/** Deep equality of YAML values: mappings by key, lists by position. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		return (
			Array.isArray(a) &&
			Array.isArray(b) &&
			a.length === b.length &&
			a.every((item, i) => sameValue(item, b[i]))
		);
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const aKeys = Object.keys(a);
		const bKeys = Object.keys(b);
		return (
			aKeys.length === bKeys.length &&
			aKeys.every(
				(key) =>
					key in b &&
					sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
			)
		);
	}
	return false;
}
