import type { Report } from '../index.ts';
import { PROBLEM_KINDS, type Problem } from './problems.ts';

/** One problem as one line: `file  field  line N: problem. fix.` Warnings say so. */
export function formatProblem(p: Problem): string {
	const what = p.severity === 'error' ? p.message : `${p.severity}: ${p.message}`;
	return `${p.file}  ${p.field}  ${p.line ? `line ${p.line}: ` : ''}${what}. ${p.fix}`;
}

/** `1 error`, `2 errors`. */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The closing line of a report. */
export function formatSummary(report: Report): string {
	const counts = `${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}`;
	const verdict = report.errorCount === 0 ? 'Playbook is valid' : 'Playbook has problems';
	const gaps = report.problems.filter((p) => p.code === 'CoverageGap').length;
	const unmeasured = report.problems.filter((p) => p.code === 'MissingLatestResult').length;
	const slas = report.problems.filter((p) => p.code === 'SlaStageMismatch').length;
	const noted = [
		gaps > 0 && plural(gaps, 'coverage gap'),
		unmeasured > 0 && `${plural(unmeasured, 'metric')} without a result for the latest month`,
		slas > 0 && `${plural(slas, 'SLA')} naming another lead stage`,
	].filter(Boolean);
	const notes =
		noted.length > 0
			? ` ${noted.slice(0, -1).join(', ')}${noted.length > 1 ? ' and ' : ''}${noted.at(-1)} noted.`
			: '';
	return `${verdict}: ${counts} in ${plural(report.fileCount, 'file')}.${notes}`;
}

/** The text report: one line per problem, then the summary. */
export function formatText(report: Report): string {
	return [...report.problems.map(formatProblem), formatSummary(report)].join('\n');
}

/** The JSON report, for editors and CI tools. */
export function formatJson(report: Report): string {
	const { problems, errorCount, warningCount, infoCount, fileCount } = report;
	return JSON.stringify(
		{ ok: errorCount === 0, errorCount, warningCount, infoCount, fileCount, problems },
		null,
		2,
	);
}

/**
 * GitHub Actions annotations, so problems show on the pull request's files, titled with the
 * kind of problem in words and the field it is on.
 */
export function formatGithubAnnotations(report: Report): string {
	const data = (text: string) =>
		text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return report.problems
		.map(
			(p) =>
				`::${p.severity === 'info' ? 'notice' : p.severity} file=${property(p.file)}${p.line ? `,line=${p.line}` : ''}${p.column ? `,col=${p.column}` : ''},title=${property(`${PROBLEM_KINDS[p.code].title} (${p.field})`)}::${data(`${p.message}. ${p.fix}`)}`,
		)
		.join('\n');
}
