import yaml from 'js-yaml';
import { frontmatterBlock } from '../checks/read/frontmatter.ts';
import { ownersAfterMove } from '../model/people.ts';

/**
 * Edits of one key in an entry's frontmatter that change no other byte of the file: key order,
 * comments, quoting and the body stay as the owners wrote them. Each edit is checked by parsing
 * the result; an edit that cannot be made safely returns a reason instead of a text.
 */
export type Edited = { text: string } | { refused: string };

/** The file with its top-level `reviewed` date set to `date`. */
export function setReviewed(text: string, date: string): Edited {
	return editFrontmatter(
		text,
		'reviewed',
		(yamlText) => {
			const line = /^(reviewed:[ \t]*)(['"]?)([^'"\s#]*)\2/m.exec(yamlText);
			if (!line) return undefined;
			const at = line.index + line[1]!.length + line[2]!.length;
			return yamlText.slice(0, at) + date + yamlText.slice(at + line[3]!.length);
		},
		(data) => data.reviewed === date,
	);
}

/**
 * The file with `from` replaced by `to` in its top-level `owners` list, written as `[a, b]` or as
 * one `- a` line per owner. Where `to` is already an owner, `from` is removed instead.
 */
export function replaceOwner(text: string, from: string, to: string): Edited {
	let expected: string[] = [];
	return editFrontmatter(
		text,
		'owners',
		(yamlText, data) => {
			const owners = Array.isArray(data.owners) ? data.owners.map(String) : [];
			if (!owners.includes(from)) return undefined;
			expected = ownersAfterMove(owners, from, to);
			const dropping = owners.includes(to);
			const flow = /^owners:[ \t]*\[([^\]\n]*)\]/m.exec(yamlText);
			if (flow) {
				const start = flow.index + flow[0].indexOf('[') + 1;
				const items = flow[1]!.split(',');
				const edited = items
					.filter((item) => !(dropping && unquoted(item) === from))
					.map((item) => (unquoted(item) === from ? item.replace(from, to) : item));
				// Keep the spacing the file uses after a comma.
				const joined = dropping
					? edited.map((item, i) => (i === 0 ? item.trimStart() : item)).join(',')
					: edited.join(',');
				return yamlText.slice(0, start) + joined + yamlText.slice(start + flow[1]!.length);
			}
			const block = /^owners:[ \t]*(?:#.*)?\n((?:[ \t]*-[^\n]*\n)+)/m.exec(yamlText);
			if (!block) return undefined;
			const start = block.index + block[0].length - block[1]!.length;
			const lines = block[1]!.split(/(?<=\n)/);
			const edited = lines
				.filter((line) => !(dropping && unquoted(line.replace(/^[ \t]*-/, '')) === from))
				.map((line) =>
					unquoted(line.replace(/^[ \t]*-/, '')) === from ? line.replace(from, to) : line,
				);
			return yamlText.slice(0, start) + edited.join('') + yamlText.slice(start + block[1]!.length);
		},
		(data) =>
			Array.isArray(data.owners) &&
			JSON.stringify(data.owners.map(String)) === JSON.stringify(expected),
	);
}

/** A list item's text without spaces, quotes or a trailing comment. */
function unquoted(item: string): string {
	return item
		.replace(/#.*$/, '')
		.trim()
		.replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * Applies `change` to the frontmatter of a file and keeps the result only when it still parses,
 * `holds` of what it now says, and every key but `key` is as before.
 */
function editFrontmatter(
	text: string,
	key: string,
	change: (yamlText: string, data: Record<string, unknown>) => string | undefined,
	holds: (data: Record<string, unknown>) => boolean,
): Edited {
	const block = frontmatterBlock(text);
	if (!block) return { refused: 'has no frontmatter block' };
	const before = parse(block.yaml);
	if (!before) return { refused: 'has frontmatter that is not valid YAML' };
	const changed = change(block.yaml, before);
	if (changed === undefined) return { refused: 'does not have the key written as expected' };
	const after = parse(changed);
	const same = (k: string) => JSON.stringify(before[k]) === JSON.stringify(after?.[k]);
	const changedKeys = Object.keys({ ...before, ...after }).filter((k) => !same(k));
	if (!after || !holds(after) || changedKeys.some((k) => k !== key))
		return { refused: 'could not be edited without changing more than that key' };
	return {
		text: text.slice(0, block.start) + changed + text.slice(block.start + block.yaml.length),
	};
}

function parse(yamlText: string): Record<string, unknown> | undefined {
	try {
		const data: unknown = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
		return data && typeof data === 'object' && !Array.isArray(data)
			? (data as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
