import { appendFileSync } from 'node:fs';
import { diffPlaybooks } from '../model/diff.ts';
import {
	COMMENT_LIMIT,
	cutToFit,
	diffMarkdown,
	SUMMARY_LIMIT,
	utf8Bytes,
} from '../review/diff-markdown.ts';
import { markdownCode, markdownText, markdownUrl } from '../review/markdown-text.ts';
import { formatProblem } from '../checks/problems/reporters.ts';
import type { Problem } from '../checks/problems/problems.ts';
import { checkAt, playbookAt, repositoryRoot } from './git-playbooks.ts';
import { settings } from '../schemas/settings.ts';
import { parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook diff <base> [<head>] [--content DIR] [--site URL] [--max-length N] [--summary FILE]
 * [--run-url URL]`. Prints Markdown; exit 0, or 1 when the checker refuses the head (the
 * description then opens with what it refuses, and leaves out nothing it could still read). `--max-length` cuts what is printed to fit a
 * GitHub comment, saying so; `--summary` appends the whole description (cut at GitHub's 1 MiB)
 * to FILE, the job summary; `--run-url` is the run whose summary the cut comment points to.
 */
export function runDiff(args: string[]): number {
	// 1. Two refs: head defaults to HEAD.
	const { values, positionals } = parseOptions(
		args,
		{
			content: { type: 'string', default: 'content' },
			site: { type: 'string', default: settings().site },
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
	// The head is checked whole: a link, a submodule or a file the checker cannot read would
	// otherwise be left out of the description without a word.
	const repo = repositoryRoot();
	const before = playbookAt(repo, base, values.content);
	const report = checkAt(repo, head, values.content, today());
	const after = report.playbook;
	const errors = report.problems.filter((p) => p.severity === 'error');
	const markdown = withRefusals(
		diffMarkdown(diffPlaybooks(before, after), before, after, values.site),
		errors,
	);
	for (const found of errors) console.error(formatProblem(found));

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
	return errors.length === 0 ? 0 : 1;
}

/** The description with what the checker refuses first, after the marker and the heading. */
function withRefusals(markdown: string, errors: readonly Problem[]): string {
	if (errors.length === 0) return markdown;
	const [marker = '', heading = '', ...rest] = markdown.split('\n');
	const refused = [
		'',
		`**The checker refuses this change** (${errors.length === 1 ? '1 problem' : `${errors.length} problems`}); the approvals check fails until it is fixed. \`npm run check\` lists the same lines:`,
		'',
		...errors.map(
			(p) =>
				`- ${markdownCode(p.file)}${p.field === '-' ? '' : ` ${markdownCode(p.field)}`} ${markdownText(`${p.message}. ${p.fix}`)}`,
		),
	];
	return [marker, heading, ...refused, ...rest].join('\n');
}
