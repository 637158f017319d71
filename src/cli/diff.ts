import { diffPlaybooks } from '../model/diff.ts';
import { diffMarkdown } from '../review/diff-markdown.ts';
import { playbookAt, repositoryRoot } from './git-playbooks.ts';
import { parseOptions, UsageError } from './usage.ts';

/** `playbook diff <base> [<head>] [--content DIR] [--site URL]`. Prints Markdown; exit 0. */
export function runDiff(args: string[]): number {
	// 1. Two refs: head defaults to HEAD.
	const { values, positionals } = parseOptions(
		args,
		{
			content: { type: 'string', default: 'content' },
			site: { type: 'string', default: process.env.PLAYBOOK_SITE || 'https://playbook.example' },
		},
		true,
	);
	const [base, head = 'HEAD', ...extra] = positionals;
	if (!base || extra.length > 0)
		throw new UsageError('diff needs a base ref and at most a head ref.');

	// 2. Read the playbook at both refs with the checker's own reader, and compare.
	const repo = repositoryRoot();
	const before = playbookAt(repo, base, values.content);
	const after = playbookAt(repo, head, values.content);

	// 3. Print the comment.
	console.log(diffMarkdown(diffPlaybooks(before, after), before, after, values.site));
	return 0;
}
