import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkContent } from '../checks/index.ts';
import { commitsTouching } from '../review/git.ts';
import {
	applyAction,
	githubClientFromEnv,
	GithubError,
	listReminderIssues,
} from '../review/github-api.ts';
import { type GithubIssue, planReviews, type ReviewAction } from '../review/reminders.ts';
import { settings } from '../schemas/settings.ts';
import { contentFolder, parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook reviews --plan [--issues FILE] [--format text|json]` or `playbook reviews --apply`:
 * keeps one GitHub issue per definition that is due for review, assigned to its owners. `--plan`
 * prints what would change (FILE: the issues as GitHub's REST API lists them); `--apply` reads
 * the issues from GitHub and makes the changes, with `GITHUB_TOKEN` and `GITHUB_REPOSITORY`.
 */
export async function runReviews(args: string[]): Promise<number> {
	// 1. Read the options.
	const { values } = parseOptions(args, {
		plan: { type: 'boolean', default: false },
		apply: { type: 'boolean', default: false },
		issues: { type: 'string' },
		format: { type: 'string', default: 'text' },
		content: { type: 'string', default: 'content' },
		site: { type: 'string', default: settings().site },
	});
	if (values.plan === values.apply)
		throw new UsageError(
			'Say --plan to print what would change, or --apply to change it on GitHub.',
		);
	if (values.format !== 'text' && values.format !== 'json')
		throw new UsageError(`--format must be text or json, not "${values.format}".`);
	if (values.apply && values.issues)
		throw new UsageError('--issues goes with --plan; --apply reads the issues from GitHub.');
	const content = contentFolder(values.content);
	const client = values.apply ? githubClient() : undefined;

	// 2. Read the playbook and the reminders that exist.
	const day = today();
	const { playbook, errorCount } = checkContent(content, { today: day });
	if (errorCount > 0) {
		console.error(
			`The playbook has ${errorCount} error${errorCount === 1 ? '' : 's'}; run npm run check and fix them before reminders are sent.`,
		);
		return 1;
	}
	try {
		const issues = client ? await listReminderIssues(client) : readIssues(values.issues);

		// 3. Plan: one open issue per definition due, none for the rest.
		const plan = planReviews({
			playbook,
			today: day,
			issues,
			siteUrl: values.site,
			commitsSince: (entry) =>
				entry.path
					? commitsTouching(content, resolve(content, entry.path), entry.data.reviewed)
					: undefined,
		});

		// 4. Print the plan, or carry it out one step at a time.
		if (!client) {
			console.log(values.format === 'json' ? JSON.stringify(plan, null, 2) : formatPlan(plan));
			return 0;
		}
		for (const action of plan) {
			const number = await applyAction(client, action);
			console.log(planLine({ ...action, number } as ReviewAction));
		}
		console.log(summary(plan, 'done'));
		return 0;
	} catch (error) {
		if (!(error instanceof GithubError || error instanceof IssuesFileError)) throw error;
		console.error(error.message);
		return 1;
	}
}

class IssuesFileError extends Error {}

function githubClient() {
	const client = githubClientFromEnv();
	if (!client)
		throw new UsageError(
			'--apply needs GITHUB_TOKEN (a token that may write issues) and GITHUB_REPOSITORY (owner/name), as GitHub Actions sets them.',
		);
	return client;
}

/** The issues in a file saved from GitHub's REST API (one page or several, as a JSON list). */
function readIssues(file: string | undefined): GithubIssue[] {
	if (file === undefined) return [];
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new IssuesFileError(
			`--issues ${file} cannot be read as JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Save the list GitHub's API gives for GET /repos/OWNER/NAME/issues?labels=playbook-review&state=all.`,
		);
	}
	const list = Array.isArray(data) ? data.flat() : undefined;
	if (
		!list?.every((i) => i && typeof i === 'object' && typeof (i as GithubIssue).number === 'number')
	)
		throw new IssuesFileError(
			`--issues ${file} is not a list of GitHub issues. Save the list GitHub's API gives.`,
		);
	return list as GithubIssue[];
}

/** One line a step: what, which issue, which definition, and to whom. */
function planLine(action: ReviewAction): string {
	const who = action.assignees.length
		? `  → ${action.assignees.map((a) => `@${a}`).join(', ')}`
		: '';
	const issue = 'number' in action ? `#${action.number}  ` : '';
	const what = action.action === 'update' && action.reopen ? 'reopen' : action.action;
	const text = action.action === 'close' ? action.comment : action.title;
	return `${what}  ${issue}${action.definition}  ${text}${action.action === 'close' ? '' : who}`;
}

function summary(plan: readonly ReviewAction[], verb: 'to do' | 'done'): string {
	if (plan.length === 0) return 'Nothing to do: every reminder is up to date.';
	const count = (kind: ReviewAction['action']) => plan.filter((a) => a.action === kind).length;
	const parts = [
		[count('create'), 'created'],
		[count('update'), 'updated'],
		[count('close'), 'closed'],
	].filter(([n]) => n) as [number, string][];
	const said = parts
		.map(([n, word]) => `${n} ${verb === 'done' ? word : `to be ${word}`}`)
		.join(', ');
	return `${said.charAt(0).toUpperCase()}${said.slice(1)}.`;
}

function formatPlan(plan: readonly ReviewAction[]): string {
	return [...plan.map(planLine), summary(plan, 'to do')].join('\n');
}
