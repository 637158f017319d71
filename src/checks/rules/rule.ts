import type { Playbook } from '../../model/playbook.ts';
import type { ReportProblem } from '../problems/problems.ts';

/** What every rule is given: the playbook, the day it is judged on, and where it reports. */
export interface RuleContext {
	playbook: Playbook;
	/** The day reviews and departures are measured against, `YYYY-MM-DD`. */
	today: string;
	/** The `report()` bound to one file; every problem a rule finds is raised through one. */
	reportIn: (file: string) => ReportProblem;
}

/**
 * A cross-entry rule: it reads the playbook and raises what it finds, never returns or throws.
 * Severity is the registry's (and `--strict` is applied where problems are collected).
 */
export type Rule = (context: RuleContext) => void;
