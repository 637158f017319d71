import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { reportSchemaIssues } from '../problems/schema-problems.ts';
import {
	collectProblems,
	type Problem,
	quote,
	type ReportProblem,
	visible,
} from '../problems/problems.ts';
import {
	COLLECTION_NAMES,
	COLLECTIONS,
	type CollectionName,
	isCollectionName,
} from '../../schemas/index.ts';
import { ID_PATTERN } from '../../schemas/fields.ts';
import { parseEntryText } from './frontmatter.ts';
import { readSiteFile } from './site-file.ts';
import {
	byCodePoint,
	createPlaybook,
	type Entry,
	type PartialEntry,
	type Playbook,
} from '../../model/playbook.ts';

/** Files that may sit beside entries (images for MDX bodies) without being reported. */
const ASSET_EXTENSIONS = new Set([
	'.png',
	'.jpg',
	'.jpeg',
	'.gif',
	'.svg',
	'.webp',
	'.avif',
	'.pdf',
]);

export interface ReadResult {
	playbook: Playbook;
	/** Problems found file by file: unreadable files, YAML, schema, ids, duplicates. */
	problems: Problem[];
	/** How many entry files were read. */
	fileCount: number;
}

/**
 * The entry files of one collection folder, recursively, as absolute paths in a stable order.
 * Only regular files: a link is never followed (the checker reports it, see `walkContent`).
 */
export function listEntryFiles(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return walkContent(folder)
		.files.filter((path) => !isHidden(path) && !isFolderReadme(path.split('/').at(-1)!))
		.map((path) => join(folder, path))
		.sort();
}

/**
 * Why a path under the content folder is refused whatever it holds: a link (git mode 120000)
 * the site would follow to a file no check and no owner sees, a submodule (160000), another
 * special file, or a name with a control character, which could pass for another file in git's
 * output and in CODEOWNERS.
 */
export type RefusedKind = 'link' | 'submodule' | 'special' | 'control';

export interface RefusedPath {
	/** Relative to the content folder, with `/` separators. */
	path: string;
	kind: RefusedKind;
}

// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL_IN_PATH = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** True when a path holds a character no file name under content may hold. */
export function hasControlCharacter(path: string): boolean {
	return CONTROL_IN_PATH.test(path);
}

/**
 * Every regular file under a folder, hidden ones too, and every path refused by kind, each
 * relative to the folder with `/` separators. Links are reported, never followed, and nothing
 * under a refused folder is read.
 */
export function walkContent(root: string): {
	files: string[];
	folders: string[];
	refused: RefusedPath[];
} {
	const files: string[] = [];
	const folders: string[] = [];
	const refused: RefusedPath[] = [];
	const visit = (folder: string, prefix: string) => {
		let dirents: Dirent[];
		try {
			dirents = readdirSync(folder, { withFileTypes: true });
		} catch {
			return;
		}
		for (const dirent of dirents) {
			const path = `${prefix}${dirent.name}`;
			if (hasControlCharacter(dirent.name)) refused.push({ path, kind: 'control' });
			else if (dirent.isSymbolicLink()) refused.push({ path, kind: 'link' });
			else if (dirent.isDirectory()) {
				folders.push(path);
				visit(join(folder, dirent.name), `${path}/`);
			} else if (dirent.isFile()) files.push(path);
			else refused.push({ path, kind: 'special' });
		}
	};
	visit(root, '');
	return {
		files: files.sort(byCodePoint),
		folders: folders.sort(byCodePoint),
		refused: refused.sort((a, b) => byCodePoint(a.path, b.path)),
	};
}

/** A README beside the entries explains the folder; it is not an entry. */
export function isFolderReadme(name: string): boolean {
	return /^readme\.(md|mdx|txt)$/i.test(name);
}

function isHidden(relativePath: string): boolean {
	return relativePath.split(/[\\/]/).some((part) => part.startsWith('.'));
}

/** The id of an entry file: its name without extension. */
export function idOf(path: string): string {
	const name = path.split(/[\\/]/).at(-1)!;
	return name.slice(0, name.length - extname(name).length);
}

/** A path relative to the working folder, with `/` separators, as problem lines show it. */
export function displayPath(path: string, cwd = process.cwd()): string {
	const shown = relative(cwd, path) || '.';
	// Outside the working folder, the absolute path reads better than a chain of ../
	return (shown.startsWith('..') ? resolve(path) : shown).split(sep).join('/');
}

/**
 * Where content comes from: a folder on disk, or a git ref (see src/review/git-content.ts).
 * Paths are relative to the content folder, with `/` separators.
 */
export interface ContentSource {
	/** Names of the folders at the top of the content folder. */
	folders(): string[];
	/** Every non-hidden file under one top-level folder, sorted: `personas/cfo.mdx`. */
	files(folder: string): string[];
	/** The bytes of one file. */
	read(path: string): Uint8Array;
	/** How a path is shown in problem lines: `content/personas/cfo.mdx`. */
	display(path: string): string;
	/** Paths that are refused whatever they hold: links, submodules, special files, bad names. */
	refused(): RefusedPath[];
}

/** The content folder on disk, as a source. It is walked once, and no link is followed. */
export function folderSource(contentDir: string, cwd = process.cwd()): ContentSource {
	let walked: ReturnType<typeof walkContent> | undefined;
	const walk = () => (walked ??= walkContent(contentDir));
	const top = (path: string) => path.split('/')[0]!;
	return {
		folders: () => walk().folders.filter((path) => !path.includes('/') && !path.startsWith('.')),
		files: (folder) =>
			walk().files.filter(
				(path) =>
					top(path) === folder &&
					path.includes('/') &&
					!isHidden(path) &&
					!isFolderReadme(path.split('/').at(-1)!),
			),
		read: (path) => readFileSync(join(contentDir, path)),
		display: (path) => displayPath(join(contentDir, path), cwd),
		refused: () => walk().refused,
	};
}

const REFUSALS: Record<RefusedKind, { message: string; fix: string }> = {
	link: {
		message:
			'is a link to another file, which the site would publish although no check and no owner sees it',
		fix: 'Put the file itself here instead of the link (git rm the link, copy the file in, commit).',
	},
	submodule: {
		message: 'is a git submodule, whose files no check and no owner sees',
		fix: 'Remove it with git rm and commit the files themselves.',
	},
	special: {
		message: 'is not a file or a folder',
		fix: 'Remove it; content/ holds only entry files, images and folders.',
	},
	control: {
		message:
			'has a line break or another control character in its name, which lets it pass for another file in git and CODEOWNERS',
		fix: 'Rename it using letters, digits, - and _ only.',
	},
};

/** One problem per refused path, the path shown on one line whatever its name holds. */
function reportRefused(source: ContentSource, reportIn: (file: string) => ReportProblem): void {
	for (const { path, kind } of source.refused())
		reportIn(visible(source.display(path)))(
			kind === 'control' ? 'ControlCharacterInPath' : 'NotAFile',
			'-',
			REFUSALS[kind].message,
			REFUSALS[kind].fix,
		);
}

/**
 * Reads every collection under `contentDir` and validates each file against its schema.
 * Never throws on bad content: every finding becomes a problem, and the entries that passed
 * their schema form the playbook the cross-entry checks run on.
 */
export function readContent(contentDir: string, cwd = process.cwd()): ReadResult {
	return readSource(folderSource(contentDir, cwd));
}

/** Reads and validates a playbook from any source: the disk, or a git ref. */
export function readSource(source: ContentSource): ReadResult {
	const { problems, reportIn } = collectProblems();
	reportRefused(source, reportIn);
	readSiteFile(source, reportIn);
	const entries: Entry[] = [];
	const invalid: { collection: CollectionName; id: string }[] = [];
	const partial: PartialEntry[] = [];
	const assets: string[] = [];
	let fileCount = 0;
	// Sorted here, whatever order the source lists them in, so the first of two files sharing an
	// id is always the same one and the report never depends on the order of the disk or git.
	const folders = [...source.folders()].sort(byCodePoint);

	for (const name of folders) {
		if (!isCollectionName(name)) {
			reportIn(source.display(name))(
				'UnknownFolder',
				'-',
				`is not a collection, so nothing in it is checked or published`,
				`Move its files into one of ${COLLECTION_NAMES.join(', ')}.`,
			);
		}
	}

	for (const collection of COLLECTION_NAMES) {
		const { schema, extensions } = COLLECTIONS[collection];
		const firstFileById = new Map<string, string>();
		const paths = folders.includes(collection)
			? [...source.files(collection)].sort(byCodePoint)
			: [];
		for (const path of paths) {
			const file = source.display(path);
			const report = reportIn(file);
			const extension = extname(path).toLowerCase();
			if (!extensions.some((allowed) => allowed === extension)) {
				if (ASSET_EXTENSIONS.has(extension)) assets.push(path);
				else {
					report(
						'IgnoredFile',
						'-',
						`is not read: ${collection} entries are ${extensions.join(' or ')} files`,
						`Rename it to end in ${extensions[0]}, or move it out of content/.`,
					);
				}
				continue;
			}
			fileCount++;
			const id = idOf(path);
			if (!ID_PATTERN.test(id)) {
				report(
					'InvalidId',
					'id',
					`the file name gives the id ${quote(id)}, which is not a valid id`,
					`Rename the file using letters, digits, - and _ only, for example ${suggestId(id)}${extension}.`,
				);
				continue;
			}
			const earlier = firstFileById.get(id);
			if (earlier) {
				report(
					'DuplicateId',
					'id',
					`the id "${id}" is already used by ${earlier}`,
					'Rename one of the two files, or delete the one that is out of date.',
				);
				continue;
			}
			firstFileById.set(id, file);

			let text: string;
			try {
				text = new TextDecoder('utf-8', { fatal: true }).decode(source.read(path));
			} catch {
				report(
					'UnreadableFile',
					'-',
					'is not UTF-8 text',
					'Save the file as UTF-8 in your editor.',
				);
				invalid.push({ collection, id });
				continue;
			}
			const parsed = parseEntryText(
				text,
				extension === '.yaml' || extension === '.yml' ? 'yaml' : 'markdown',
			);
			if (!parsed.ok) {
				report(parsed.code, 'frontmatter', parsed.message, parsed.fix, parsed);
				invalid.push({ collection, id });
				continue;
			}
			const result = schema.safeParse(parsed.data, { reportInput: true });
			if (!result.success) {
				reportSchemaIssues(report, schema, result.error.issues, parsed.data);
				invalid.push({ collection, id });
				partial.push({
					collection,
					id,
					file,
					data: withoutFailedKeys(parsed.data, result.error.issues),
				});
				continue;
			}
			// The data is what this collection's own schema gave, which the type checker cannot
			// pair with the collection's name inside a loop over every collection.
			entries.push({
				collection,
				id,
				file,
				path,
				data: result.data,
				body: parsed.body,
				bodyLine: parsed.bodyLine,
			} as Entry);
		}
	}
	const hasTeam = folders.includes('team') && source.files('team').length > 0;
	if (!hasTeam) {
		reportIn(source.display('team'))(
			'MissingTeam',
			'-',
			'has no people, so no definition can have owners',
			'Add a file per person, such as team/dana-whitfield.yaml with name, title and department.',
		);
	}
	return { playbook: createPlaybook(entries, invalid, assets, partial), problems, fileCount };
}

/** An entry's keys without the ones a schema issue is about (an unknown key is one of them). */
function withoutFailedKeys(
	data: unknown,
	issues: readonly { path: readonly PropertyKey[]; code: string; keys?: readonly string[] }[],
): Record<string, unknown> {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
	const failed = new Set<PropertyKey>();
	for (const issue of issues) {
		if (issue.path.length > 0) failed.add(issue.path[0]!);
		else if (issue.code === 'unrecognized_keys') issue.keys?.forEach((key) => failed.add(key));
	}
	return Object.fromEntries(Object.entries(data).filter(([key]) => !failed.has(key)));
}

function suggestId(id: string): string {
	return (
		id
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9_-]+/g, '-')
			.replace(/^[-_]+|-+$/g, '') || 'new-id'
	);
}
