import { hasLeft } from '../model/people.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import { parseEntryRef } from '../model/entry-refs.ts';
import { reviewOf, reviewsDue } from '../model/review-dates.ts';
import { pathOf } from '../model/views.ts';
import type { DefinitionCollection } from '../schemas/index.ts';
import { markdownCode, markdownText, markdownUrl, mention, plainTitle } from './markdown-text.ts';

/** The label every reminder carries; the planner reads and writes only issues that have it. */
export const REVIEW_LABEL = 'playbook-review';

/** A definition gets its reminder this many days before its review falls due. */
export const REMIND_DAYS_AHEAD = 14;

/** An issue as GitHub's REST API lists it (`GET /repos/{owner}/{repo}/issues`), the parts read. */
export interface GithubIssue {
	number: number;
	title: string;
	body?: string | null;
	state: 'open' | 'closed';
	labels: (string | { name?: string })[];
	assignees?: { login: string }[] | null;
	/** Present on pull requests, which the issues endpoint lists too. */
	pull_request?: unknown;
}

/** A commit that touched a definition's file since its last review. */
export interface Commit {
	sha: string;
	date: string;
	subject: string;
}

export interface ReviewPlanInput {
	playbook: Playbook;
	/** The day the plan is made for, `YYYY-MM-DD`. */
	today: string;
	/** The repository's `playbook-review` issues, open and closed. */
	issues: readonly GithubIssue[];
	/** The site's address, for the page link. */
	siteUrl: string;
	/** The editor's address for an entry, where the site has one. */
	editorUrl?: ((collection: DefinitionCollection, id: string) => string) | undefined;
	/** The commits since the last review, per file; undefined where the history is not known. */
	commitsSince?: ((entry: Entry<DefinitionCollection>) => Commit[] | undefined) | undefined;
}

interface Planned {
	/** `collection/id`. */
	definition: string;
	title: string;
	assignees: string[];
}

/** One step of the plan; JSON plans print these as they are. */
export type ReviewAction =
	| (Planned & { action: 'create'; due: string; body: string; labels: string[] })
	| (Planned & {
			action: 'update';
			number: number;
			due: string;
			body: string;
			/** Set when the issue was closed by hand while the definition is still due. */
			reopen: boolean;
			comment?: string;
	  })
	| (Planned & { action: 'close'; number: number; due?: string; comment: string });

const MARKER = /<!-- playbook-review: ([^\s/]+\/[^\s/]+) -->/;

/** The definition a reminder is about, from the marker in its body. */
export function markedDefinition(issue: Pick<GithubIssue, 'body'>): string | undefined {
	return MARKER.exec(issue.body ?? '')?.[1];
}

/**
 * What to do so that exactly one open `playbook-review` issue stands for each definition that is
 * overdue or due within 14 days: create the missing ones, update those whose title, text or
 * assignees are out of date (reopening one closed by hand), and close, saying why, those whose
 * definition was reviewed again or is gone. Pure: the same playbook, day and issues give the same
 * plan, and a plan carried out leaves nothing for the next run to do.
 */
export function planReviews(input: ReviewPlanInput): ReviewAction[] {
	const { playbook, today } = input;
	const reminders = input.issues.filter(
		(issue) => !issue.pull_request && hasReviewLabel(issue) && markedDefinition(issue),
	);
	const due = reviewsDue(playbook, today, REMIND_DAYS_AHEAD);
	const wanted = due.map(({ entry, review }) => ({
		...reminderFor(input, entry, review.due, review.overdue),
		reopenComment: `Reopened: ${markdownText(entry.data.title)} is still ${review.overdue ? 'overdue' : 'due'} for review. An owner confirms it with ${markdownCode(`npm run verify -- ${entry.collection}/${entry.id}`)}, or changes it, in a pull request.`,
	}));
	return planIssues(wanted, {
		label: REVIEW_LABEL,
		byDefinition: Map.groupBy(reminders, (issue) => markedDefinition(issue)!),
		duplicateComment: (kept, definition) =>
			`Closed: #${kept} is the reminder for ${markdownCode(definition)}.`,
		closeComment: (definition) => closeReason(playbook, definition, today),
	});
}

/** One issue that should stand open for a definition, and what to say if it is reopened. */
export interface WantedIssue extends Planned {
	due: string;
	body: string;
	reopenComment: string;
}

/** The issues of one kind (reminders, drift issues) a plan keeps in step. */
export interface IssueKind {
	/** The label a new issue of this kind carries. */
	label: string;
	/** The repository's issues of this kind, by the definition their marker names. */
	byDefinition: ReadonlyMap<string, GithubIssue[]>;
	/** Why a second open issue for a definition closes. */
	duplicateComment: (kept: number, definition: string) => string;
	/** Why an open issue closes when its definition wants none any more. */
	closeComment: (definition: string) => string;
}

/**
 * What to do so that exactly one open issue of a kind stands for each wanted one: create the
 * missing ones, update those whose title, text or assignees are out of date (reopening one
 * closed by hand), close the duplicates and, saying why, those no longer wanted. Shared by the
 * review reminders and the CRM drift issues, which GitHub's client carries out alike.
 */
export function planIssues(wanted: readonly WantedIssue[], kind: IssueKind): ReviewAction[] {
	const plan: ReviewAction[] = [];
	for (const { reopenComment, ...issue } of wanted) {
		const { definition } = issue;
		const issues = [...(kind.byDefinition.get(definition) ?? [])].sort(
			(a, b) => a.number - b.number,
		);
		const open = issues.filter((existing) => existing.state === 'open');
		const kept = open[0] ?? issues.at(-1);
		if (!kept) {
			plan.push({ action: 'create', ...issue, labels: [kind.label] });
			continue;
		}
		const reopen = kept.state === 'closed';
		if (reopen || !sameIssue(kept, issue))
			plan.push({
				action: 'update',
				number: kept.number,
				...issue,
				reopen,
				...(reopen && { comment: reopenComment }),
			});
		for (const duplicate of open.slice(1))
			plan.push(closing(duplicate, definition, kind.duplicateComment(kept.number, definition)));
	}

	const stillWanted = new Set(wanted.map((issue) => issue.definition));
	for (const [definition, issues] of kind.byDefinition) {
		if (stillWanted.has(definition)) continue;
		for (const issue of issues.filter((i) => i.state === 'open'))
			plan.push(closing(issue, definition, kind.closeComment(definition)));
	}
	return plan.sort((a, b) => a.definition.localeCompare(b.definition, 'en') || order(a) - order(b));
}

const order = (action: ReviewAction) => ('number' in action ? action.number : 0);

function hasReviewLabel(issue: GithubIssue): boolean {
	return issue.labels.some(
		(label) => (typeof label === 'string' ? label : label.name) === REVIEW_LABEL,
	);
}

function closing(issue: GithubIssue, definition: string, comment: string): ReviewAction {
	return {
		action: 'close',
		number: issue.number,
		definition,
		title: issue.title,
		assignees: (issue.assignees ?? []).map((a) => a.login),
		comment,
	};
}

/** Why a reminder closes: its definition was reviewed, or is no longer in the playbook. */
function closeReason(playbook: Playbook, definition: string, today: string): string {
	const target = parseEntryRef(definition);
	const entry = target && playbook.entries[target.collection].get(target.id);
	if (!entry || !('reviewed' in entry.data))
		return `Closed: ${markdownCode(definition)} is no longer in the playbook (removed or renamed), so it needs no review.`;
	const { reviewed, due } = reviewOf(entry.data, today);
	return `Closed: ${markdownText(entry.data.title)} was reviewed on ${reviewed}; the next review is due on ${due}.`;
}

function sameIssue(issue: GithubIssue, wanted: Planned & { body: string }): boolean {
	const assignees = (issue.assignees ?? []).map((a) => a.login.toLowerCase()).sort();
	return (
		issue.title === wanted.title &&
		(issue.body ?? '') === wanted.body &&
		JSON.stringify(assignees) ===
			JSON.stringify(wanted.assignees.map((a) => a.toLowerCase()).sort())
	);
}

/** The issue a definition's owners should see: title, text and who it is assigned to. */
function reminderFor(
	input: ReviewPlanInput,
	entry: Entry<DefinitionCollection>,
	due: string,
	overdue: boolean,
): Planned & { due: string; body: string } {
	const { playbook, today } = input;
	const definition = `${entry.collection}/${entry.id}`;
	const team = playbook.entries.team;
	const owners = entry.data.owners.map((id) => ({ id, person: team.get(id)?.data }));
	const here = owners.filter(({ person }) => person && !hasLeft(person, today));
	const assignees = here.flatMap(({ person }) => (person?.github ? [person.github] : []));
	const named = owners.map(({ id, person }) => {
		if (!person) return `${markdownText(id)} (not in content/team)`;
		if (hasLeft(person, today)) return `${markdownText(person.name)} (left on ${person.left})`;
		return person.github
			? mention(person.github)
			: `${markdownText(person.name)} (no GitHub handle: tell them)`;
	});
	const page = `${input.siteUrl.replace(/\/$/, '')}${pathOf(entry.collection, entry.id)}`;
	const commits = input.commitsSince?.(entry);
	const file = entry.path ? `content/${entry.path}` : entry.file;
	const body = [
		`<!-- playbook-review: ${definition} -->`,
		`**${markdownText(entry.data.title)}** ${overdue ? 'was' : 'is'} due for review on ${due}. It was last reviewed on ${entry.data.reviewed}; its owners review it every ${entry.data.review_every} months.`,
		'',
		`- Page: ${markdownUrl(page)}`,
		...(input.editorUrl
			? [`- Edit in the form: ${markdownUrl(input.editorUrl(entry.collection, entry.id))}`]
			: []),
		`- File: ${markdownCode(file)}`,
		`- Owners: ${named.join(', ')}`,
		'',
		commits === undefined
			? ''
			: commits.length === 0
				? 'No commit has changed the file since it was last reviewed.'
				: [
						'Changed since it was last reviewed:',
						...commits.map((c) => `- ${c.sha} ${c.date} ${markdownText(c.subject)}`),
					].join('\n'),
		'',
		'**If it is still true**, an owner confirms it in one step and opens a pull request:',
		'',
		'```sh',
		`npm run verify -- ${definition}`,
		'```',
		'',
		'If it needs changing, change it in the same pull request. This issue closes by itself once `reviewed` moves.',
	]
		.join('\n')
		.replace(/\n{3,}/g, '\n\n');
	return {
		definition,
		title: `Review ${overdue ? 'overdue' : 'due'}: ${plainTitle(entry.data.title)} (${overdue ? 'since' : 'by'} ${due})`,
		assignees,
		due,
		body,
	};
}
