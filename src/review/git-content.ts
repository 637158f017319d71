import { posix } from 'node:path';
import { git, readBlobs } from './git.ts';
import { type ContentSource, isFolderReadme } from '../checks/read-content.ts';

/**
 * The content folder as it is at a git ref, as a source for the same reader the checker uses.
 * `contentPath` is relative to the repository root (`content`); all blobs are read in one call.
 */
export function gitSource(repo: string, commit: string, contentPath = 'content'): ContentSource {
	const prefix = `${contentPath.replace(/\/+$/, '')}/`;
	const paths = git(repo, ['ls-tree', '-r', '-z', '--name-only', commit, '--', prefix])
		.toString()
		.split('\0')
		.filter((path) => path.startsWith(prefix))
		.map((path) => path.slice(prefix.length))
		.filter((path) => !path.split('/').some((part) => part.startsWith('.')))
		.filter((path) => !isFolderReadme(path.split('/').at(-1)!))
		.sort();
	const blobs = readBlobs(
		repo,
		paths.map((path) => `${commit}:${prefix}${path}`),
	);
	const top = (path: string) => path.split('/')[0]!;
	return {
		folders: () => [...new Set(paths.filter((path) => path.includes('/')).map(top))].sort(),
		files: (folder) => paths.filter((path) => top(path) === folder && path.includes('/')),
		read: (path) => blobs.get(`${commit}:${prefix}${path}`) ?? new Uint8Array(),
		display: (path) => posix.join(contentPath, path),
	};
}
