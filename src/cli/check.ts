import { checkContent } from '../checks/index.ts';
import { formatGithubAnnotations, formatJson, formatText } from '../checks/problems/reporters.ts';
import { contentFolder, parseOptions, today, UsageError } from './usage.ts';

/** `playbook check [--content DIR] [--strict] [--format text|json]`. Returns the exit code. */
export function runCheck(args: string[]): number {
	// 1. Read the options; a bad one is a usage error.
	const { values } = parseOptions(args, {
		content: { type: 'string', default: 'content' },
		strict: { type: 'boolean', default: false },
		format: { type: 'string', default: 'text' },
	});
	if (values.format !== 'text' && values.format !== 'json') {
		throw new UsageError(`--format must be text or json, not "${values.format}".`);
	}
	contentFolder(values.content);

	// 2. Read, validate and cross-check the whole playbook in one pass.
	const report = checkContent(values.content, { strict: values.strict, today: today() });

	// 3. Print every problem, one line each, then the summary; annotate the pull request in CI.
	console.log(values.format === 'json' ? formatJson(report) : formatText(report));
	if (
		values.format === 'text' &&
		process.env.GITHUB_ACTIONS === 'true' &&
		report.problems.length > 0
	) {
		console.log(formatGithubAnnotations(report));
	}
	return report.errorCount > 0 ? 1 : 0;
}
