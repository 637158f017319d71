import { readFileSync } from 'node:fs';
import { approvalGate } from '../review/approvals.ts';
import { diffPlaybooks } from '../model/diff.ts';
import { type GithubReview, standingApprovals } from '../review/github-reviews.ts';
import { formatProblem } from '../checks/problems/reporters.ts';
import { checkAt, playbookAt, repositoryRoot } from './git-playbooks.ts';
import { parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook approvals --base <ref> [--head <ref>] --approved-by <a,b> [--author <handle>]`,
 * or `--reviews <file.json> --head-sha <sha>` with GitHub's review list instead of
 * `--approved-by`. Exit 0 when every touched definition has both sides' approval, 1 if not.
 */
export function runApprovals(args: string[]): number {
	// 1. Who approved: named, or read from the pull request's reviews.
	const { values } = parseOptions(args, {
		base: { type: 'string' },
		head: { type: 'string', default: 'HEAD' },
		content: { type: 'string', default: 'content' },
		'approved-by': { type: 'string' },
		reviews: { type: 'string' },
		'head-sha': { type: 'string' },
		author: { type: 'string' },
	});
	if (!values.base) throw new UsageError('approvals needs --base <ref>.');
	let approvedBy: string[];
	if (values.reviews !== undefined) {
		if (!values['head-sha'])
			throw new UsageError('--reviews needs --head-sha, the commit the approvals must be on.');
		approvedBy = standingApprovals(readReviews(values.reviews), values['head-sha']);
	} else if (values['approved-by'] !== undefined) {
		approvedBy = values['approved-by'].split(',');
	} else {
		throw new UsageError('approvals needs --approved-by <handles> or --reviews <file>.');
	}

	// 2. What the change touches, with owners and departments read from the base ref only.
	const repo = repositoryRoot();
	const base = playbookAt(repo, values.base, values.content);
	// The head is judged only when the checker passes it: a file it cannot read, a link, a name
	// that hides another, would otherwise leave a change out of what needs approving.
	const headReport = checkAt(repo, values.head, values.content, today());
	if (headReport.errorCount > 0) {
		for (const found of headReport.problems.filter((p) => p.severity === 'error'))
			console.log(formatProblem(found));
		console.log(
			`Approvals cannot be judged: the pull request's content has ${headReport.errorCount} ${headReport.errorCount === 1 ? 'problem' : 'problems'} (listed above). Fix them, push, and the check runs again.`,
		);
		return 1;
	}
	const result = approvalGate({
		base,
		changes: diffPlaybooks(base, headReport.playbook),
		approvedBy,
		author: values.author,
		today: today(),
	});

	// 3. One line per definition still waiting, then a summary.
	for (const waiting of result.waiting)
		console.log(`${waiting.file}  approvals  waiting for ${waiting.needs}.`);
	const approvers = approvedBy.length > 0 ? approvedBy.join(', ') : 'nobody yet';
	if (result.checked === 0) {
		console.log(
			'Nothing to approve: this change touches no definition and no one in content/team.',
		);
		return 0;
	}
	console.log(
		result.waiting.length === 0
			? `Approvals complete: ${result.checked} changed ${result.checked === 1 ? 'item has' : 'items have'} approval from both sides (approved by ${approvers}).`
			: `Waiting for approval: ${result.waiting.length} of ${result.checked} changed items (approved by ${approvers}).`,
	);
	return result.waiting.length === 0 ? 0 : 1;
}

function readReviews(file: string): GithubReview[] {
	try {
		const reviews: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (!Array.isArray(reviews)) throw new Error('not a list');
		return reviews as GithubReview[];
	} catch (error) {
		throw new UsageError(
			`--reviews ${file} is not a JSON list of reviews (${error instanceof Error ? error.message : String(error)}).`,
		);
	}
}
