import { spawnSync } from 'node:child_process';

/** A git command that failed, with git's own first line of explanation. */
export class GitError extends Error {}

/** Runs git in `cwd` and returns its stdout; throws GitError with git's message on failure. */
export function git(cwd: string, args: string[], input?: string): Buffer {
	const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
	if (result.error) throw new GitError(`git could not be run: ${result.error.message}`);
	if (result.status !== 0) {
		const message = result.stderr.toString().trim().split('\n')[0] ?? '';
		throw new GitError(message.replace(/^fatal: /, '') || `git ${args[0]} failed`);
	}
	return result.stdout;
}

/** The full commit id a ref names, or a GitError saying it names none. */
export function resolveCommit(cwd: string, ref: string): string {
	try {
		return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
			.toString()
			.trim();
	} catch {
		throw new GitError(`"${ref}" is not a commit in this repository`);
	}
}

/**
 * Reads many blobs with one `git cat-file --batch`, by their object ids (as `git ls-tree -z`
 * and `git log --raw` give them), keyed by id. Never by `<commit>:<path>`: a path may hold a line
 * break, which would split one request into two and pair every later answer with the wrong file.
 * Each answer is checked against the id it was asked for.
 */
export function readBlobs(cwd: string, ids: readonly string[]): Map<string, Buffer> {
	const blobs = new Map<string, Buffer>();
	const wanted = [...new Set(ids)];
	if (wanted.length === 0) return blobs;
	for (const id of wanted) {
		if (!OBJECT_ID.test(id)) throw new GitError(`"${id}" is not a git object id`);
	}
	const output = git(cwd, ['cat-file', '--batch'], `${wanted.join('\n')}\n`);
	let offset = 0;
	for (const id of wanted) {
		const end = output.indexOf(0x0a, offset);
		const [answered, type, size] = output.subarray(offset, end).toString().split(' ');
		offset = end + 1;
		if (answered !== id || (type !== 'blob' && type !== 'missing')) {
			throw new GitError(`git answered for ${answered ?? 'nothing'} when ${id} was asked for`);
		}
		if (type === 'missing') continue;
		blobs.set(id, output.subarray(offset, offset + Number(size)));
		offset += Number(size) + 1;
	}
	return blobs;
}

/** A full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Git's empty id, which `git log --raw` gives for the side of a change where a file is absent. */
export function isNullId(id: string): boolean {
	return /^0+$/.test(id);
}

/** One record of `git ls-tree -r -z`: the file's mode, object type, id and path. */
export interface TreeRecord {
	mode: string;
	type: string;
	id: string;
	path: string;
}

/** Every record under `paths` at a commit, recursively, parsed from NUL-separated output. */
export function listTree(
	cwd: string,
	commit: string,
	paths: string[],
	recursive = true,
): TreeRecord[] {
	const output = git(cwd, [
		'ls-tree',
		...(recursive ? ['-r'] : []),
		'-z',
		'--full-tree',
		commit,
		'--',
		...paths,
	]);
	return output
		.toString()
		.split('\0')
		.filter(Boolean)
		.map((record) => {
			const tab = record.indexOf('\t');
			const [mode = '', type = '', id = ''] = record.slice(0, tab).split(' ');
			return { mode, type, id, path: record.slice(tab + 1) };
		});
}

/**
 * The commits that changed `path` after the day `since` (`YYYY-MM-DD`), newest first, as
 * short id, day and subject; undefined where `cwd` is not in a git repository.
 */
export function commitsTouching(
	cwd: string,
	path: string,
	since: string,
): { sha: string; date: string; subject: string }[] | undefined {
	try {
		const log = git(cwd, [
			'log',
			'--format=%h%x09%ad%x09%s',
			'--date=short',
			`--since=${since}T23:59:59`,
			'--',
			path,
		]).toString();
		return log
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [sha = '', date = '', ...subject] = line.split('\t');
				return { sha, date, subject: subject.join('\t') };
			});
	} catch {
		return undefined;
	}
}
