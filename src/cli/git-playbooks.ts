import { gitSource } from '../review/git-content.ts';
import { git, GitError, resolveCommit } from '../review/git.ts';
import type { Playbook } from '../model/playbook.ts';
import { readSource } from '../checks/read/read-content.ts';
import { checkSource, type Report } from '../checks/index.ts';
import { UsageError } from './usage.ts';

/** The repository the working folder is in, or a usage error saying it is not in one. */
export function repositoryRoot(cwd = process.cwd()): string {
	try {
		return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
	} catch {
		throw new UsageError('This command compares git refs; run it inside the playbook repository.');
	}
}

/**
 * The playbook at a ref (a commit, branch or tag). Bad refs are usage errors; content
 * problems are ignored here (the check job reports them).
 */
export function playbookAt(repo: string, ref: string, contentPath: string): Playbook {
	try {
		return readSource(gitSource(repo, resolveCommit(repo, ref), contentPath)).playbook;
	} catch (error) {
		if (error instanceof GitError) throw new UsageError(error.message);
		throw error;
	}
}

/**
 * The whole checker's report on the playbook at a ref, as `npm run check` would give it on a
 * checkout of that ref: what the approvals gate and the diff refuse to judge past.
 */
export function checkAt(repo: string, ref: string, contentPath: string, today: string): Report {
	try {
		return checkSource(gitSource(repo, resolveCommit(repo, ref), contentPath), { today });
	} catch (error) {
		if (error instanceof GitError) throw new UsageError(error.message);
		throw error;
	}
}
