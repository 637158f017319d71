import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MINIMAL } from './helpers.ts';
import { tempFolder } from './temp-folders.ts';

/**
 * The name and email the test repositories' commits are made with, the editor's saves among them,
 * so that no test depends on the git settings of the machine it runs on.
 */
export const GIT_IDENTITY = {
	GIT_AUTHOR_NAME: 'Ada Author',
	GIT_AUTHOR_EMAIL: 'ada@example.com',
	GIT_COMMITTER_NAME: 'Ada Author',
	GIT_COMMITTER_EMAIL: 'ada@example.com',
};

/** Files to write (text) or delete (null), by path relative to the repository root. */
export type Edits = Record<string, string | null>;

/** Each content folder's started repository, in a temp folder of its own, by content folder. */
const started = new Map<string, string>();

/** A real git repository in a temp folder, holding a playbook (the minimal one) under content/. */
export class TestRepo {
	readonly root = tempFolder('playbook-git-');

	constructor(content = MINIMAL) {
		// The first repository of a content folder in a test file is made with git; the next ones
		// are copies of it, the same commit, as a clone would be (without git's processes).
		const first = started.get(content);
		if (first && existsSync(first)) {
			cpSync(first, this.root, { recursive: true });
			return;
		}
		this.git('init', '-q', '-b', 'main');
		cpSync(content, join(this.root, 'content'), { recursive: true });
		this.commit('Start the playbook');
		const copy = tempFolder('playbook-git-start-');
		cpSync(this.root, copy, { recursive: true });
		started.set(content, copy);
	}

	git(...args: string[]): string {
		return execFileSync('git', args, {
			cwd: this.root,
			encoding: 'utf8',
			env: { ...process.env, ...GIT_IDENTITY },
		});
	}

	/** Applies edits and commits them; returns the new commit id. */
	commit(message: string, edits: Edits = {}, date?: string): string {
		for (const [path, text] of Object.entries(edits)) {
			const file = join(this.root, path);
			if (text === null) rmSync(file);
			else {
				mkdirSync(dirname(file), { recursive: true });
				writeFileSync(file, text);
			}
		}
		this.git('add', '-A');
		this.git('commit', '-q', '--allow-empty', '-m', message, ...(date ? ['--date', date] : []));
		return this.git('rev-parse', 'HEAD').trim();
	}

	/** A file's text as it is now in the working tree's HEAD. */
	read(path: string): string {
		return this.git('show', `HEAD:${path}`);
	}

	/** Edits a file with a function of its text, returning the edit. */
	edit(path: string, change: (text: string) => string): Edits {
		return { [path]: change(this.read(path)) };
	}
}
