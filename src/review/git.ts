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

/** Reads many blobs with one `git cat-file --batch`, keyed by the names asked for. */
export function readBlobs(cwd: string, names: string[]): Map<string, Buffer> {
	const blobs = new Map<string, Buffer>();
	if (names.length === 0) return blobs;
	const output = git(cwd, ['cat-file', '--batch'], `${names.join('\n')}\n`);
	let offset = 0;
	for (const name of names) {
		const end = output.indexOf(0x0a, offset);
		const header = output.subarray(offset, end).toString();
		offset = end + 1;
		if (header.endsWith(' missing')) continue;
		const size = Number(header.split(' ')[2]);
		blobs.set(name, output.subarray(offset, offset + size));
		offset += size + 1;
	}
	return blobs;
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
