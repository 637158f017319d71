import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { checkContent } from '../../src/checks/index.ts';

/**
 * A payload that tries every way out of where a string lands: an attribute (either quote), the
 * page title, an element, an inline handler, and a tag written as character references for
 * whatever decodes text twice. `n` numbers the field, so a leak says which one. It fits in a
 * title (120 characters), so titles are tried too.
 */
export function payload(n: number): string {
	return `"'></title><script>alert(${n})</script><img src=x onerror=alert(${n})>&lt;img src=x onerror=alert(${n})&gt;`;
}

/** One string in one file's frontmatter, by its path of keys and indexes. */
export interface Leaf {
	file: string;
	path: (string | number)[];
	n: number;
}

export interface HostileResult {
	/** Fields whose payload the checker refused, with the field it named. */
	rejected: (Leaf & { reportedField: string })[];
	/** Fields that took the payload; the hostile site carries all of them at once. */
	accepted: Leaf[];
}

/**
 * Writes the minimal playbook to `contentDir` with a payload in every string of every file's
 * frontmatter that the checker accepts (the payload replaces the string). Each string is tried alone first, so a payload the
 * schema refuses is recorded as refused (with the field the checker named) and left out.
 */
export function writeHostilePlaybook(fixture: string, contentDir: string): HostileResult {
	cpSync(fixture, contentDir, { recursive: true });
	const result: HostileResult = { rejected: [], accepted: [] };
	let n = 0;
	for (const file of entryFiles(contentDir)) {
		const original = readFileSync(join(contentDir, file), 'utf8');
		const { data, write } = editable(original);
		for (const path of stringPaths(data)) {
			const leaf = { file, path, n: ++n };
			const trial = structuredClone(data);
			setAt(trial, path, payload(leaf.n));
			writeFileSync(join(contentDir, file), write(trial));
			const shown = `${relative(join(contentDir, '..'), join(contentDir, file))}`;
			const found = checkContent(contentDir, {
				today: '2026-11-24',
				cwd: join(contentDir, '..'),
			}).problems.filter((p) => p.severity === 'error' && p.file === shown);
			if (found.length > 0) result.rejected.push({ ...leaf, reportedField: found[0]!.field });
			else result.accepted.push(leaf);
			writeFileSync(join(contentDir, file), original);
		}
	}
	// Now every accepted payload at once: the site the browser test opens.
	const byFile = Map.groupBy(result.accepted, (leaf) => leaf.file);
	for (const [file, leaves] of byFile) {
		const { data, write } = editable(readFileSync(join(contentDir, file), 'utf8'));
		for (const leaf of leaves) setAt(data, leaf.path, payload(leaf.n));
		writeFileSync(join(contentDir, file), write(data));
	}
	return result;
}

function entryFiles(contentDir: string): string[] {
	return readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.(mdx?|ya?ml)$/.test(name))
		.sort();
}

function editable(text: string) {
	const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
	const data = yaml.load(match ? match[1]! : text, { schema: yaml.CORE_SCHEMA }) as object;
	const dump = (value: object) => yaml.dump(value, { lineWidth: -1, schema: yaml.CORE_SCHEMA });
	return {
		data,
		write: (value: object) => (match ? `---\n${dump(value)}---\n${match[2]}` : dump(value)),
	};
}

function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
	if (typeof value === 'string') return [path];
	if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
	return [];
}

function getAt(value: unknown, path: (string | number)[]): unknown {
	return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

function setAt(value: unknown, path: (string | number)[], to: unknown): void {
	const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
	parent[path.at(-1)!] = to;
}
