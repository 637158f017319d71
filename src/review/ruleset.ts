/** The commit status the approvals workflow (approvals-gate.yml) posts on each checked commit. */
export const APPROVALS_CONTEXT = 'playbook/approvals';

/**
 * GitHub Actions' app id. Requiring the status from this app means a person cannot post it by
 * hand with their own token; only a workflow run can.
 */
export const GITHUB_ACTIONS_APP_ID = 15368;

/** A team as a ruleset names it: GitHub's numeric id, and the slug people know it by. */
export interface TeamRef {
	slug: string;
	id: number;
}

/**
 * A repository ruleset, in the JSON that Settings → Rules → Rulesets → Import takes: pull
 * requests into the default branch need one approval from the sales team and one from the
 * marketing team for any change under the content folder, and the `playbook/approvals` status,
 * posted by GitHub Actions, on the pull request's head commit. GitHub's "required reviewers" rule
 * is a preview feature; the playbook's own approvals check stays the gate, since it knows each
 * file's own owners.
 */
export function approvalRuleset(sales: TeamRef, marketing: TeamRef, contentPath = 'content') {
	const reviewer = (team: TeamRef) => ({
		minimum_approvals: 1,
		file_patterns: [`${contentPath.replace(/\/$/, '')}/**`],
		reviewer: { id: team.id, type: 'Team' },
	});
	return {
		name: 'Playbook: sales and marketing approve content changes',
		target: 'branch',
		enforcement: 'active',
		conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
		bypass_actors: [],
		rules: [
			{
				type: 'pull_request',
				parameters: {
					required_approving_review_count: 0,
					dismiss_stale_reviews_on_push: true,
					require_code_owner_review: false,
					require_last_push_approval: false,
					required_review_thread_resolution: false,
					required_reviewers: [reviewer(sales), reviewer(marketing)],
				},
			},
			{
				type: 'required_status_checks',
				parameters: {
					strict_required_status_checks_policy: false,
					do_not_enforce_on_create: false,
					required_status_checks: [
						{ context: APPROVALS_CONTEXT, integration_id: GITHUB_ACTIONS_APP_ID },
					],
				},
			},
		],
	};
}
