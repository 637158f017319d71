/** The fields of a pull-request review the gate reads (GitHub REST: GET /pulls/{n}/reviews). */
export interface GithubReview {
	user: { login: string } | null;
	state: string;
	commit_id: string | null;
	submitted_at?: string | null;
}

/**
 * The handles whose approval stands on the pull request's latest commit. Each reviewer's
 * latest approve / request-changes / dismissal decides; comments do not change it. An approval
 * given on an earlier commit does not count once new commits are pushed.
 */
export function standingApprovals(reviews: readonly GithubReview[], headSha: string): string[] {
	const latest = new Map<string, GithubReview>();
	const ordered = [...reviews].sort((a, b) =>
		(a.submitted_at ?? '').localeCompare(b.submitted_at ?? ''),
	);
	for (const review of ordered) {
		if (!review.user || !['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state))
			continue;
		latest.set(review.user.login.toLowerCase(), review);
	}
	return [...latest.values()]
		.filter((review) => review.state === 'APPROVED' && review.commit_id === headSha)
		.map((review) => review.user!.login)
		.sort();
}
