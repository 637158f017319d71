import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../checks/index.ts';
import { parseEntryRef } from '../model/entry-refs.ts';
import { setReviewed } from '../review/frontmatter-edits.ts';
import { COLLECTIONS } from '../schemas/index.ts';
import { contentFolder, dateOption, parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook verify <collection>/<id>… [--date YYYY-MM-DD] [--content DIR]`: the owners confirm
 * definitions as still true. Sets each one's `reviewed` to the day (today by default) and changes
 * no other byte of its file. An unknown entry writes nothing and exits 1.
 */
export function runVerify(args: string[]): number {
	// 1. Read the options and the definitions named.
	const { values, positionals } = parseOptions(
		args,
		{ content: { type: 'string', default: 'content' }, date: { type: 'string' } },
		true,
	);
	if (positionals.length === 0)
		throw new UsageError('Name the definitions to confirm, as collection/id (lead-stages/mql).');
	const date = values.date === undefined ? today() : dateOption('date', values.date);
	const content = contentFolder(values.content);

	// 2. Find each one; say every one that is not a definition before writing anything.
	const { playbook } = checkContent(content, { today: date });
	const found = positionals.map((ref) => {
		const target = parseEntryRef(ref);
		const entry = target && playbook.entries[target.collection].get(target.id);
		const isDefinition = target && COLLECTIONS[target.collection].kind === 'definition';
		return { ref, entry: isDefinition ? entry : undefined };
	});
	const unknown = found.filter((item) => !item.entry);
	for (const { ref } of unknown)
		console.error(
			`${ref}  -  is not a definition of this playbook. Name it as collection/id, such as lead-stages/mql, for a valid file under ${content}.`,
		);
	if (unknown.length > 0) return 1;

	// 3. Set each reviewed date in place, checking every edit before writing any.
	const edits = found.map(({ entry }) => {
		const path = join(content, entry!.path!);
		return { entry: entry!, path, edited: setReviewed(readFileSync(path, 'utf8'), date) };
	});
	const refused = edits.filter((edit) => 'refused' in edit.edited);
	for (const { entry, edited } of refused)
		console.error(
			`${entry.file}  reviewed  ${'refused' in edited ? edited.refused : ''}. Set reviewed: ${date} by hand.`,
		);
	if (refused.length > 0) return 1;
	for (const { entry, path, edited } of edits) {
		if ('text' in edited) writeFileSync(path, edited.text);
		const was = (entry.data as { reviewed: string }).reviewed;
		console.log(`${entry.file}  reviewed  ${was} → ${date}`);
	}
	return 0;
}
