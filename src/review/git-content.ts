import { posix } from 'node:path';
import { listTree, readBlobs } from './git.ts';
import {
	type ContentSource,
	hasControlCharacter,
	isFolderReadme,
	type RefusedPath,
} from '../checks/read/read-content.ts';

/** Git's modes for a regular file, plain or executable. Anything else is refused. */
const REGULAR_FILE = new Set(['100644', '100755']);

/**
 * The content folder as it is at a git ref, as a source for the same reader the checker uses.
 * `contentPath` is relative to the repository root (`content`). Files are listed with their
 * modes and object ids, and read by those ids in one call, so what the checker reads is exactly
 * the blob the tree names; links (mode 120000), submodules (160000) and names with control
 * characters are refused, never read.
 */
export function gitSource(repo: string, commit: string, contentPath = 'content'): ContentSource {
	const root = contentPath.replace(/\/+$/, '');
	const prefix = `${root}/`;
	const refused: RefusedPath[] = [];
	// The content folder itself must be a folder: a link there would swap the whole playbook.
	const [self] = listTree(repo, commit, [root], false);
	if (self && self.type !== 'tree') refused.push({ path: '.', kind: kindOf(self.mode) });

	const files = new Map<string, string>();
	for (const record of listTree(repo, commit, [prefix])) {
		if (!record.path.startsWith(prefix)) continue;
		const path = record.path.slice(prefix.length);
		if (hasControlCharacter(path)) refused.push({ path, kind: 'control' });
		else if (!REGULAR_FILE.has(record.mode)) refused.push({ path, kind: kindOf(record.mode) });
		else if (!path.split('/').some((part) => part.startsWith('.'))) files.set(path, record.id);
	}
	const paths = [...files.keys()].filter((path) => !isFolderReadme(path.split('/').at(-1)!)).sort();
	const blobs = readBlobs(repo, [...files.values()]);
	const top = (path: string) => path.split('/')[0]!;
	return {
		folders: () => [...new Set(paths.filter((path) => path.includes('/')).map(top))].sort(),
		files: (folder) => paths.filter((path) => top(path) === folder && path.includes('/')),
		read: (path) => blobs.get(files.get(path) ?? '') ?? new Uint8Array(),
		display: (path) => (path === '.' ? root : posix.join(contentPath, path)),
		refused: () => refused,
	};
}

function kindOf(mode: string): RefusedPath['kind'] {
	if (mode === '120000') return 'link';
	if (mode === '160000') return 'submodule';
	return 'special';
}
