import { writeFileSync } from 'node:fs';
import { githubClientFromEnv, GithubError, teamId } from '../review/github-api.ts';
import { approvalRuleset, type TeamRef } from '../review/ruleset.ts';
import { contentFolder, parseOptions, UsageError } from './usage.ts';

/**
 * `playbook ruleset --sales-team SLUG[:ID] --marketing-team SLUG[:ID] [--out FILE] [--content DIR]`:
 * a GitHub ruleset that asks one approval from each team for changes to the content folder and
 * the `playbook/approvals` status from GitHub Actions, to import in Settings → Rules. A team given without its id is looked up with `GITHUB_TOKEN` in the
 * organisation of `GITHUB_REPOSITORY`.
 */
export async function runRuleset(args: string[]): Promise<number> {
	// 1. Read the options.
	const { values } = parseOptions(args, {
		'sales-team': { type: 'string' },
		'marketing-team': { type: 'string' },
		out: { type: 'string' },
		content: { type: 'string', default: 'content' },
	});
	const sales = values['sales-team'];
	const marketing = values['marketing-team'];
	if (!sales || !marketing)
		throw new UsageError('Name both teams: --sales-team SLUG --marketing-team SLUG.');
	const content = contentFolder(values.content).replace(/^\.\//, '');

	// 2. Each team's id: given after a colon, or looked up on GitHub.
	try {
		const [salesTeam, marketingTeam] = [await team(sales), await team(marketing)];

		// 3. Print the ruleset, or write it where asked.
		const json = `${JSON.stringify(approvalRuleset(salesTeam, marketingTeam, content), null, 2)}\n`;
		if (values.out) {
			writeFileSync(values.out, json);
			console.log(
				`Wrote ${values.out}. Import it in the repository's Settings → Rules → Rulesets.`,
			);
		} else process.stdout.write(json);
		return 0;
	} catch (error) {
		if (!(error instanceof GithubError)) throw error;
		console.error(error.message);
		return 1;
	}
}

async function team(given: string): Promise<TeamRef> {
	const match = /^([A-Za-z0-9][\w.-]*)(?::(\d+))?$/.exec(given);
	if (!match)
		throw new UsageError(
			`"${given}" is not a team slug (such as sales-leaders, or sales-leaders:1234567).`,
		);
	const [, slug, id] = match as unknown as [string, string, string | undefined];
	if (id) return { slug, id: Number(id) };
	const client = githubClientFromEnv();
	if (!client)
		throw new UsageError(
			`A ruleset names teams by id. Write --sales-team ${slug}:ID (gh api orgs/ORG/teams/${slug} --jq .id shows it), or set GITHUB_TOKEN and GITHUB_REPOSITORY to look it up.`,
		);
	return { slug, id: await teamId(client, slug) };
}
