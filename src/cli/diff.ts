import { appendFileSync } from 'node:fs';
import { diffPlaybooks } from '../model/diff.ts';
import {
	COMMENT_LIMIT,
	cutToFit,
	diffMarkdown,
	SUMMARY_LIMIT,
	utf8Bytes,
} from '../review/diff-markdown.ts';
import { markdownUrl } from '../review/markdown-text.ts';
import { playbookAt, repositoryRoot } from './git-playbooks.ts';
import { parseOptions, UsageError } from './usage.ts';

/**
 * `playbook diff <base> [<head>] [--content DIR] [--site URL] [--max-length N] [--summary FILE]
 * [--run-url URL]`. Prints Markdown; exit 0. `--max-length` cuts what is printed to fit a
 * GitHub comment, saying so; `--summary` appends the whole description (cut at GitHub's 1 MiB)
 * to FILE, the job summary; `--run-url` is the run whose summary the cut comment points to.
 */
export function runDiff(args: string[]): number {
	// 1. Two refs: head defaults to HEAD.
	const { values, positionals } = parseOptions(
		args,
		{
			content: { type: 'string', default: 'content' },
			site: { type: 'string', default: process.env.PLAYBOOK_SITE || 'https://playbook.example' },
			'max-length': { type: 'string' },
			summary: { type: 'string' },
			'run-url': { type: 'string' },
		},
		true,
	);
	const [base, head = 'HEAD', ...extra] = positionals;
	if (!base || extra.length > 0)
		throw new UsageError('diff needs a base ref and at most a head ref.');
	const maxLength = values['max-length'] === undefined ? undefined : Number(values['max-length']);
	if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength >= 1000))
		throw new UsageError(
			`--max-length must be a whole number of characters, at least 1000 (GitHub takes ${COMMENT_LIMIT}), not "${values['max-length']}".`,
		);

	// 2. Read the playbook at both refs with the checker's own reader, and compare.
	const repo = repositoryRoot();
	const before = playbookAt(repo, base, values.content);
	const after = playbookAt(repo, head, values.content);
	const markdown = diffMarkdown(diffPlaybooks(before, after), before, after, values.site);

	// 3. The whole description to the job summary, then the comment, cut to fit where asked.
	if (values.summary)
		appendFileSync(
			values.summary,
			cutToFit(
				markdown,
				SUMMARY_LIMIT,
				'*The rest is cut: a job summary holds at most 1 MiB. Run `npm run diff` on your computer for the whole list.*',
				utf8Bytes,
			),
		);
	const where = values['run-url']
		? `the [summary of this run](${markdownUrl(values['run-url'])})`
		: 'the summary of the Playbook diff run';
	console.log(
		maxLength === undefined
			? markdown
			: cutToFit(
					markdown,
					maxLength - 1, // room for the line end printed after it
					`*This change is too long for one comment, so the list stops here. The whole list is in ${where}.*`,
				),
	);
	return 0;
}
