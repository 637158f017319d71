import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { schemaProblems } from './schema-problems.ts';
import { type Problem, problem, quote } from './problems.ts';
import {
	COLLECTION_NAMES,
	COLLECTIONS,
	type CollectionName,
	isCollectionName,
} from '../schemas/index.ts';
import { ID_PATTERN } from '../schemas/fields.ts';
import { parseEntryText } from './frontmatter.ts';
import { byCodePoint, createPlaybook, type Entry, type Playbook } from '../model/playbook.ts';

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

/** The entry files of one collection folder, recursively, as absolute paths in a stable order. */
export function listEntryFiles(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter(
			(dirent) =>
				dirent.isFile() &&
				!isHidden(relative(folder, join(dirent.parentPath, dirent.name))) &&
				!isFolderReadme(dirent.name),
		)
		.map((dirent) => join(dirent.parentPath, dirent.name))
		.sort();
}

/** A README beside the entries explains the folder; it is not an entry. */
export function isFolderReadme(name: string): boolean {
	return /^readme\.(md|mdx|txt)$/i.test(name);
}

function isHidden(relativePath: string): boolean {
	return relativePath.split(sep).some((part) => part.startsWith('.'));
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
}

/** The content folder on disk, as a source. */
export function folderSource(contentDir: string, cwd = process.cwd()): ContentSource {
	return {
		folders: () =>
			readdirSync(contentDir)
				.filter((name) => !name.startsWith('.') && statSync(join(contentDir, name)).isDirectory())
				.sort(),
		files: (folder) =>
			listEntryFiles(join(contentDir, folder)).map((path) =>
				relative(contentDir, path).split(sep).join('/'),
			),
		read: (path) => readFileSync(join(contentDir, path)),
		display: (path) => displayPath(join(contentDir, path), cwd),
	};
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
	const problems: Problem[] = [];
	const entries: Entry[] = [];
	const invalid: { collection: CollectionName; id: string }[] = [];
	const assets: string[] = [];
	let fileCount = 0;
	// Sorted here, whatever order the source lists them in, so the first of two files sharing an
	// id is always the same one and the report never depends on the order of the disk or git.
	const folders = [...source.folders()].sort(byCodePoint);

	for (const name of folders) {
		if (!isCollectionName(name)) {
			problems.push(
				problem(
					'UnknownFolder',
					source.display(name),
					'-',
					`is not a collection, so nothing in it is checked or published`,
					`Move its files into one of ${COLLECTION_NAMES.join(', ')}.`,
				),
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
			const extension = extname(path).toLowerCase();
			if (!(extensions as readonly string[]).includes(extension)) {
				if (ASSET_EXTENSIONS.has(extension)) assets.push(path);
				else {
					problems.push(
						problem(
							'IgnoredFile',
							file,
							'-',
							`is not read: ${collection} entries are ${extensions.join(' or ')} files`,
							`Rename it to end in ${extensions[0]}, or move it out of content/.`,
						),
					);
				}
				continue;
			}
			fileCount++;
			const id = idOf(path);
			if (!ID_PATTERN.test(id)) {
				problems.push(
					problem(
						'InvalidId',
						file,
						'id',
						`the file name gives the id ${quote(id)}, which is not a valid id`,
						`Rename the file using letters, digits, - and _ only, for example ${suggestId(id)}${extension}.`,
					),
				);
				continue;
			}
			const earlier = firstFileById.get(id);
			if (earlier) {
				problems.push(
					problem(
						'DuplicateId',
						file,
						'id',
						`the id "${id}" is already used by ${earlier}`,
						'Rename one of the two files, or delete the one that is out of date.',
					),
				);
				continue;
			}
			firstFileById.set(id, file);

			let text: string;
			try {
				text = new TextDecoder('utf-8', { fatal: true }).decode(source.read(path));
			} catch {
				problems.push(
					problem(
						'UnreadableFile',
						file,
						'-',
						'is not UTF-8 text',
						'Save the file as UTF-8 in your editor.',
					),
				);
				invalid.push({ collection, id });
				continue;
			}
			const parsed = parseEntryText(
				text,
				extension === '.yaml' || extension === '.yml' ? 'yaml' : 'markdown',
			);
			if (!parsed.ok) {
				problems.push(
					problem(parsed.code, file, 'frontmatter', parsed.message, parsed.fix, parsed),
				);
				invalid.push({ collection, id });
				continue;
			}
			const result = schema.safeParse(parsed.data, { reportInput: true });
			if (!result.success) {
				problems.push(...schemaProblems(file, schema, result.error.issues, parsed.data));
				invalid.push({ collection, id });
				continue;
			}
			entries.push({
				collection,
				id,
				file,
				path,
				data: result.data,
				body: parsed.body,
				bodyLine: parsed.bodyLine,
			});
		}
	}
	const hasTeam = folders.includes('team') && source.files('team').length > 0;
	if (!hasTeam) {
		problems.push(
			problem(
				'MissingTeam',
				source.display('team'),
				'-',
				'has no people, so no definition can have owners',
				'Add a file per person, such as team/dana-whitfield.yaml with name, title and department.',
			),
		);
	}
	return { playbook: createPlaybook(entries, invalid, assets), problems, fileCount };
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
