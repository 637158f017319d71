import { COLLECTIONS, type DefinitionCollection } from '../schemas/index.ts';
import { OWNING_SIDES } from '../schemas/vocabulary.ts';
import { CHANGE_VERBS, type EntryChange, formatFieldChange, proseDiff } from '../model/diff.ts';
import { type Entry, isDefinition, type Playbook } from '../model/playbook.ts';
import { dependantsOf } from '../model/references.ts';
import { entryTitle, pathOf } from '../model/views.ts';
import { markdownCode, markdownLink, markdownText as escape, mention } from './markdown-text.ts';

/** The marker the pull-request workflow finds its own comment by, to update it. */
export const COMMENT_MARKER = '<!-- playbook-diff -->';

/** Who must approve a change to a definition: its owners on the base ref by side (proposed owners if new). */
function approversLine(definition: Entry<DefinitionCollection>, base: Playbook): string {
	const sides = OWNING_SIDES.map((side) => {
		const owners = definition.data.owners
			.map((id) => base.entries.team.get(id))
			.filter((person) => person?.data.department === side)
			.map(
				(person) =>
					`${escape(person!.data.name)}${person!.data.github ? ` ${mention(person!.data.github)}` : ''}`,
			);
		return `one ${side} owner (${owners.join(', ') || 'none on the base branch'})`;
	});
	return `Needs approval from ${sides.join(' and ')}.`;
}

/**
 * What else a change touches, so reviewers see its reach: the entries that reference it, on
 * the head branch (on the base branch for a removal, whose dependants are left pointing at
 * nothing). Grouped by kind: `Also touches: SLAs MQL follow-up, MQL acceptance; tracks SDR.`
 */
function touchesLine(change: EntryChange, base: Playbook, head: Playbook, site: string) {
	const playbook = change.status === 'removed' ? base : head;
	const ids = [change.id, ...(change.previousId ? [change.previousId] : [])];
	const seen = new Set<Entry>();
	const dependants = ids
		.flatMap((id) => dependantsOf(playbook, change.collection, id))
		.filter((entry) => !seen.has(entry) && seen.add(entry));
	if (dependants.length === 0) return undefined;
	const groups = new Map<string, string[]>();
	for (const entry of dependants) {
		const kind = COLLECTIONS[entry.collection].label;
		const link = markdownLink(entryTitle(entry), `${site}${pathOf(entry.collection, entry.id)}`);
		groups.set(kind, [...(groups.get(kind) ?? []), link]);
	}
	const parts = [...groups].map(([kind, links]) => `${kind}: ${links.join(', ')}`);
	return `What else this touches: ${parts.join('; ')}.`;
}

/**
 * The word diff of a body, made from escaped words so that the only strikethrough and bold in
 * it are the diff's own marks (`~~removed~~ **added**`).
 */
function bodyDiff(change: EntryChange): string {
	if (!change.before || !change.after) return escape(change.body ?? '');
	return proseDiff(escape(change.before.body), escape(change.after.body));
}

/**
 * The change set as Markdown for a pull-request comment: per definition, what changed in the
 * reader's terms, a link to its page, what else it touches, and who must approve.
 */
export function diffMarkdown(
	changes: EntryChange[],
	base: Playbook,
	head: Playbook,
	siteUrl: string,
): string {
	const lines = [COMMENT_MARKER, '## Playbook changes', ''];
	if (changes.length === 0) return [...lines, 'No definitions change.', ''].join('\n');
	const counts = (['added', 'changed', 'renamed', 'removed'] as const)
		.map((status) => [status, changes.filter((c) => c.status === status).length] as const)
		.filter(([, count]) => count > 0)
		.map(([status, count]) => `${count} ${status}`);
	lines.push(
		`${changes.length} ${changes.length === 1 ? 'entry' : 'entries'}: ${counts.join(', ')}.`,
		'',
	);
	const site = siteUrl.replace(/\/$/, '');
	for (const change of changes) {
		const entry = (change.after ?? change.before)!;
		const heading =
			change.status === 'removed'
				? escape(entryTitle(entry))
				: markdownLink(entryTitle(entry), `${site}${pathOf(change.collection, entry.id)}`);
		lines.push(
			`### ${CHANGE_VERBS[change.status]}: ${heading} · ${COLLECTIONS[change.collection].singular}`,
			'',
		);
		lines.push(
			`${markdownCode(entry.file)}${change.previousId ? ` (was ${markdownCode(change.previousId)})` : ''}`,
			'',
		);
		for (const field of change.fields) {
			const line = formatFieldChange(field);
			const name = line.slice(0, field.field.length);
			lines.push(`- ${markdownCode(name)}${escape(line.slice(field.field.length))}`);
		}
		if (change.status === 'added')
			lines.push(
				'status' in entry.data ? `- New, with status ${escape(entry.data.status)}` : '- New',
			);
		if (change.fields.length > 0 || change.status === 'added') lines.push('');
		if (change.body) lines.push(`Text: ${bodyDiff(change)}`, '');
		const touched = touchesLine(change, base, head, site);
		if (touched) lines.push(touched, '');
		// Who approves: a definition's owners (on the base branch; the proposed ones when it is
		// new); people, who own no one, are approved by revenue operations or an executive.
		const owned = change.status === 'added' ? change.after : change.before;
		if (owned && isDefinition(owned)) lines.push(approversLine(owned, base), '');
		if (COLLECTIONS[change.collection].kind === 'team')
			lines.push('Needs approval from someone in revenue operations or an executive.', '');
	}
	return lines.join('\n');
}

/** The longest comment GitHub takes, in characters. */
export const COMMENT_LIMIT = 65_536;

/** The most a job summary may hold per step, in bytes (GitHub's limit is 1 MiB). */
export const SUMMARY_LIMIT = 1024 * 1024;

/**
 * Markdown cut to fit a limit: whole lines are kept from the top (the marker line first, so the
 * workflow still finds its comment) while they and `note` fit; `note` then says the rest was
 * cut. `measure` counts as the limit does: characters for a comment (UTF-16 units, never fewer
 * than GitHub's count), bytes for a job summary. Text that fits is returned as it is.
 */
export function cutToFit(
	markdown: string,
	limit: number,
	note: string,
	measure: (text: string) => number = (text) => text.length,
): string {
	if (measure(markdown) <= limit) return markdown;
	const ending = `\n\n---\n\n${note}`;
	const room = limit - measure(ending);
	const kept: string[] = [];
	let size = 0;
	for (const line of markdown.split('\n')) {
		const grown = size + measure(line) + (kept.length > 0 ? 1 : 0);
		if (grown > room) break;
		kept.push(line);
		size = grown;
	}
	return `${kept.join('\n').trimEnd()}${ending}`;
}

/** UTF-8 bytes, as GitHub measures a job summary. */
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
