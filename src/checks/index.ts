import { type ContentSource, folderSource, readSource } from './read/read-content.ts';
import type { Playbook } from '../model/playbook.ts';
import { checkBodies } from './rules/bodies/index.ts';
import { checkCoverage } from './rules/coverage.ts';
import { checkCrmMapping } from './rules/crm.ts';
import { checkLeadGraph } from './rules/lead-graph.ts';
import { checkTrackSteps } from './rules/tracks.ts';
import { checkOwnership } from './rules/ownership.ts';
import { collectProblems, type Problem, sortProblems } from './problems/problems.ts';
import { checkDeprecatedReferences, checkReferences } from './rules/references.ts';
import { todayIso } from '../model/review-dates.ts';
import { checkReviews } from './rules/review.ts';
import { checkResults } from './rules/results.ts';
import { checkResultsSections } from './rules/results-sections.ts';
import { checkSlaStages } from './rules/slas.ts';
import { checkStatedTwice } from './rules/stated-twice.ts';
import { checkBuyerStageOrder } from './rules/buyer-stages.ts';
import { checkDepartures } from './rules/people.ts';
import { checkPlaceholders } from './rules/placeholders.ts';
import type { Rule } from './rules/rule.ts';

export interface CheckOptions {
	/**
	 * Raise the problems the registry marks `strict: 'error'` (overdue reviews, text npm run new
	 * left unwritten) as errors, not warnings.
	 */
	strict?: boolean | undefined;
	/** The day reviews are measured against, `YYYY-MM-DD`; defaults to today. */
	today?: string | undefined;
}

/** Every cross-entry rule, in the order their problems are listed before sorting. */
export const RULES: readonly Rule[] = [
	checkOwnership,
	checkDepartures,
	checkReferences,
	checkDeprecatedReferences,
	checkLeadGraph,
	checkBuyerStageOrder,
	checkReviews,
	checkTrackSteps,
	checkBodies,
	checkCoverage,
	checkResults,
	checkResultsSections,
	checkSlaStages,
	checkStatedTwice,
	checkPlaceholders,
	checkCrmMapping,
];

/** Runs `rules` on a loaded playbook and returns what they raise. Pure: same input, same problems. */
export function runRules(
	rules: readonly Rule[],
	playbook: Playbook,
	options: CheckOptions = {},
): Problem[] {
	const { problems, reportIn } = collectProblems({ strict: options.strict ?? false });
	const context = { playbook, today: options.today ?? todayIso(), reportIn };
	for (const rule of rules) rule(context);
	return problems;
}

/** Every cross-entry rule, run on a loaded playbook. Pure: same playbook, same problems. */
export function checkPlaybook(playbook: Playbook, options: CheckOptions = {}): Problem[] {
	return runRules(RULES, playbook, options);
}

/** What one run of the checker found. */
export interface Report {
	problems: Problem[];
	errorCount: number;
	warningCount: number;
	/**
	 * Findings for planning, never failures: coverage gaps, metrics without a latest result, an
	 * SLA whose commitments speak of another stage.
	 */
	infoCount: number;
	fileCount: number;
	playbook: Playbook;
}

/** Reads a content folder, validates every file and runs every rule: the one checker. */
export function checkContent(
	contentDir: string,
	options: CheckOptions & { cwd?: string | undefined } = {},
): Report {
	return checkSource(folderSource(contentDir, options.cwd), options);
}

/** The checker on any source of content: a folder, a git ref, or files held in memory. */
export function checkSource(source: ContentSource, options: CheckOptions = {}): Report {
	const { playbook, problems, fileCount } = readSource(source);
	const all = sortProblems([...problems, ...checkPlaybook(playbook, options)]);
	return {
		problems: all,
		errorCount: all.filter((p) => p.severity === 'error').length,
		warningCount: all.filter((p) => p.severity === 'warning').length,
		infoCount: all.filter((p) => p.severity === 'info').length,
		fileCount,
		playbook,
	};
}
