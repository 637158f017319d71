import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../../../src/checks/index.ts';

/** The project's root, where the example playbook lives in content/. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const EXAMPLE = join(ROOT, 'content');

/** The example playbook, loaded and checked. */
export function examplePlaybook() {
	return checkContent(EXAMPLE, { today: '2026-11-24' }).playbook;
}

/** A copy of the example content with lead stage files edited: `{ mql: (text) => text }`. */
export function contentWith(edits: Record<string, (text: string) => string>): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'crm-')), 'content');
	cpSync(EXAMPLE, dir, { recursive: true });
	for (const [id, edit] of Object.entries(edits)) {
		const file = join(dir, 'lead-stages', `${id}.mdx`);
		writeFileSync(file, edit(readFileSync(file, 'utf8')));
	}
	return dir;
}

/** Replaces a stage's `crm:` block (the lines from `crm:` to the end of the frontmatter). */
export function withCrm(block: string) {
	return (text: string) => text.replace(/\ncrm:\n(?: .*\n)*/, `\n${block.trimEnd()}\n`);
}
