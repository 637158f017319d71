import { extname, relative, resolve } from 'node:path';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { diffFields, type FieldChange } from '../model/diff.ts';
import { parseEntryText } from '../checks/read/frontmatter.ts';
import { git, isNullId, readBlobs } from './git.ts';
import { idOf } from '../checks/read/read-content.ts';

/** One commit's change to one entry file. */
export interface HistoryEvent {
	commit: string;
	/** `YYYY-MM-DD`, the author date. */
	date: string;
	author: string;
	subject: string;
	status: 'added' | 'changed' | 'removed' | 'renamed';
	collection: CollectionName;
	/** The entry's id at the time of the commit. */
	id: string;
	fields: FieldChange[];
	bodyChanged: boolean;
}

export type History =
	| { available: true; byFile: Map<string, HistoryEvent[]>; recent: HistoryEvent[] }
	| { available: false; reason: string };

interface FileChange {
	status: HistoryEvent['status'];
	path: string;
	previousPath?: string;
	/** The blob ids before and after the commit, as `git log --raw` gives them. */
	before?: string;
	after?: string;
}

/**
 * The change history of every entry under `contentDir`, from git: who changed what and when,
 * field by field (the same diff as pull-request comments). Keys of `byFile` are absolute paths
 * of the files as they are now, renames followed. Unavailable outside git or in a shallow clone,
 * where history would be partial and so misleading.
 */
export function playbookHistory(contentDir: string): History {
	const folder = resolve(contentDir);
	let repo: string;
	try {
		repo = git(folder, ['rev-parse', '--show-toplevel']).toString().trim();
	} catch {
		return { available: false, reason: 'the content folder is not in a git repository' };
	}
	if (git(repo, ['rev-parse', '--is-shallow-repository']).toString().trim() === 'true') {
		return { available: false, reason: 'this build ran on a shallow clone of the repository' };
	}
	const contentPath = relative(repo, folder) || '.';
	let log: string;
	try {
		// Quoting off, so a path is the file's own name: one with a control character is still
		// quoted, and is skipped below (the checker refuses such names).
		log = git(repo, [
			'-c',
			'core.quotePath=false',
			'log',
			'-M',
			'--raw',
			'--no-abbrev',
			'--format=%x1e%H%x1f%aI%x1f%an%x1f%s',
			'--',
			contentPath,
		]).toString();
	} catch {
		return { available: false, reason: 'the repository has no commits yet' };
	}

	// 1. Parse the log: commits, newest first, with the entry files each one touched.
	const commits = log
		.split('\x1e')
		.filter(Boolean)
		.map((block) => {
			const [header = '', ...lines] = block.split('\n');
			const [commit = '', date = '', author = '', subject = ''] = header.split('\x1f');
			const files = lines.flatMap((line): FileChange[] => {
				// `:<mode> <mode> <id> <id> <status>\t<path>[\t<path>]`; only regular files count.
				const match =
					/^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t([^\t]+)(?:\t(.+))?$/.exec(line);
				if (!match) return [];
				const [, oldMode, newMode, before, after, code, first = '', second] = match;
				const regular = (mode?: string) => ['000000', '100644', '100755'].includes(mode ?? '');
				if (!regular(oldMode) || !regular(newMode) || first.startsWith('"')) return [];
				const ids = {
					...(before && !isNullId(before) && { before }),
					...(after && !isNullId(after) && { after }),
				};
				if (code === 'R' && second && !second.startsWith('"'))
					return [{ status: 'renamed', path: second, previousPath: first, ...ids }];
				return [
					{
						status: code === 'A' ? 'added' : code === 'D' ? 'removed' : 'changed',
						path: first,
						...ids,
					},
				];
			});
			return { commit, date: date.slice(0, 10), author, subject, files };
		});

	// 2. Read every version of every touched file in one batch, by blob id.
	const blobs = readBlobs(
		repo,
		commits.flatMap(({ files }) =>
			files.flatMap((file) => [file.before, file.after].filter((id) => id !== undefined)),
		),
	);

	// 3. Diff each version against the one before, following renames back from today's names.
	const byFile = new Map<string, HistoryEvent[]>();
	const recent: HistoryEvent[] = [];
	const currentName = new Map<string, string>();
	for (const { commit, date, author, subject, files } of commits) {
		for (const file of files) {
			const collection = collectionOf(file.path, contentPath);
			if (!collection) continue;
			const key = currentName.get(file.path) ?? file.path;
			if (file.previousPath) currentName.set(file.previousPath, key);
			const before = entryData(
				collection,
				file.before ? blobs.get(file.before) : undefined,
				file.path,
			);
			const after = entryData(
				collection,
				file.after ? blobs.get(file.after) : undefined,
				file.path,
			);
			const event: HistoryEvent = {
				commit,
				date,
				author,
				subject,
				status: file.status,
				collection,
				id: idOf(file.path),
				fields: before && after ? diffFields(before.data, after.data) : [],
				bodyChanged: !!before && !!after && before.body.trim() !== after.body.trim(),
			};
			const absolute = resolve(repo, key);
			byFile.set(absolute, [...(byFile.get(absolute) ?? []), event]);
			recent.push(event);
		}
	}
	return { available: true, byFile, recent };
}

function collectionOf(path: string, contentPath: string): CollectionName | undefined {
	const inside = contentPath === '.' ? path : path.slice(contentPath.length + 1);
	const folder = inside.split('/')[0] as CollectionName;
	if (!COLLECTION_NAMES.includes(folder)) return undefined;
	return (COLLECTIONS[folder].extensions as readonly string[]).includes(extname(path))
		? folder
		: undefined;
}

/** An entry's data at one version, through the real schema; undefined if that version was invalid. */
function entryData(collection: CollectionName, blob: Buffer | undefined, path: string) {
	if (!blob) return undefined;
	const parsed = parseEntryText(
		blob.toString('utf8'),
		extname(path) === '.yaml' || extname(path) === '.yml' ? 'yaml' : 'markdown',
	);
	if (!parsed.ok) return undefined;
	const result = COLLECTIONS[collection].schema.safeParse(parsed.data);
	return result.success ? { data: result.data, body: parsed.body } : undefined;
}
