import { resolve } from 'node:path';
import { CHANGE_VERBS } from '../model/diff.ts';
import { formatDate, kindInSentence } from '../model/words.ts';
import { type HistoryEvent, playbookHistory } from '../review/history.ts';
import { type CollectionName, isDefinitionCollection } from '../schemas/index.ts';
import { changeInWords, groupByCommit } from '../site/changes.ts';
import { titleOf } from '../model/views.ts';
import {
	type Answer,
	type AskContext,
	closestNames,
	entryRef,
	inert,
	joinBlocks,
	notFound,
	provenanceLines,
	withoutLines,
} from './answer.ts';
import { markdownCode } from '../review/markdown-text.ts';

/**
 * `what_changed`: the definitions changed since a day, from the git history, field by field in
 * the words of the site's Changes page. Read afresh on every question, so a commit made while
 * the server runs is in the next answer.
 */

export interface WhatChangedInput {
	/** The first day to include (YYYY-MM-DD). */
	since: string;
	/** One entry only, when given with `id`. */
	collection?: CollectionName | undefined;
	id?: string | undefined;
}

/** Definition changes since a day, newest first, grouped by the commit that made them. */
export function whatChanged(ask: AskContext, input: WhatChangedInput): Answer {
	// 1. The one entry asked about, if any: it must exist today.
	let file: string | undefined;
	if (input.collection !== undefined && input.id !== undefined) {
		const entry = ask.playbook.entries[input.collection].get(input.id);
		if (!entry)
			return notFound(
				kindInSentence(input.collection),
				input.id,
				closestNames(input.id, [...ask.playbook.entries[input.collection].keys()]),
			);
		file = resolve(entry.file);
	} else if (input.collection !== undefined || input.id !== undefined) {
		return {
			ok: false,
			text: 'Give both collection and id to ask about one entry, or neither for the whole playbook.',
		};
	}

	// 2. The history, from git; a folder outside git has none, and the answer says why.
	const history = playbookHistory(ask.contentDir);
	if (!history.available) {
		return { ok: false, text: inert(`The change history is not available: ${history.reason}.`) };
	}
	const events = (file ? (history.byFile.get(file) ?? []) : history.recent).filter(
		(event) => event.date >= input.since && isDefinitionCollection(event.collection),
	);

	// 3. Each commit once, each change in words, each entry with its provenance as it is today.
	const commits = groupByCommit(events).map((commit) => ({
		commit: commit.commit,
		date: commit.date,
		author: commit.author,
		subject: commit.subject,
		changes: commit.events.map((event) => eventAnswer(ask, event)),
	}));
	const head = `${events.length} ${events.length === 1 ? 'change' : 'changes'} to definitions since ${formatDate(input.since)}, in ${commits.length} ${commits.length === 1 ? 'commit' : 'commits'}.`;
	return {
		ok: true,
		text: joinBlocks([
			[head],
			...commits.map((commit) => [
				`## ${formatDate(commit.date)}: ${inert(commit.subject)}`,
				`By ${inert(commit.author)}, commit ${markdownCode(commit.commit.slice(0, 7))}`,
				...commit.changes.flatMap((change) => ['', ...change.lines]),
			]),
		]),
		data: {
			since: input.since,
			...(input.collection && { collection: input.collection, id: input.id }),
			total: events.length,
			commits: commits.map(({ changes, ...commit }) => ({
				...commit,
				changes: changes.map(withoutLines),
			})),
		},
	};
}

/** One entry's change in one commit, as data and as lines of the text answer. */
function eventAnswer(ask: AskContext, event: HistoryEvent) {
	const now = ask.playbook.entries[event.collection].get(event.id);
	const title = titleOf(ask.playbook, event.collection, event.id);
	const fields = event.fields.map((field) => changeInWords(ask.playbook, event.collection, field));
	const provenance = now ? entryRef(ask, now).provenance : undefined;
	return {
		status: event.status,
		collection: event.collection,
		id: event.id,
		title,
		fields,
		bodyChanged: event.bodyChanged,
		...(provenance && { provenance }),
		lines: [
			`### ${CHANGE_VERBS[event.status]} ${kindInSentence(event.collection)} ${inert(title)}`,
			...fields.map((field) => `- ${inert(field)}`),
			...(event.bodyChanged ? ['- The text was edited.'] : []),
			...(provenance
				? ['', ...provenanceLines(provenance)]
				: ['', 'It is no longer in the playbook.']),
		],
	};
}
