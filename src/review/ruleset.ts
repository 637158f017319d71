/** A team as a ruleset names it: GitHub's numeric id, and the slug people know it by. */
export interface TeamRef {
	slug: string;
	id: number;
}

/**
 * A repository ruleset, in the JSON that Settings → Rules → Rulesets → Import takes: pull
 * requests into the default branch need one approval from the sales team and one from the
 * marketing team for any change under the content folder. GitHub's "required reviewers" rule is
 * a preview feature; the playbook's own approvals check stays the gate, since it knows each
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
		],
	};
}
