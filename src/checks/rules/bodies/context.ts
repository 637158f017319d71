import type { Nodes } from 'mdast';
import type { Entry, Playbook } from '../../../model/playbook.ts';
import type { ProblemCode } from '../../problems/problems.ts';

/** The codes the body rules raise. */
export type BodyProblemCode = Extract<
	ProblemCode,
	| 'CodeInBody'
	| 'ScriptInBody'
	| 'RemoteFileInBody'
	| 'PageMarkupInBody'
	| 'UnknownComponent'
	| 'MissingImage'
	| 'BrokenLink'
	| 'InvalidBody'
>;

/** What every body rule is given: the playbook, the entry whose body it reads, and a reporter. */
export interface BodyContext {
	playbook: Playbook;
	entry: Entry;
	/** Records a problem at the node's line in the file. */
	report: (code: BodyProblemCode, node: Nodes, message: string, fix: string) => void;
}
