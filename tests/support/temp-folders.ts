import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temp folders the test helpers make, removed after the file that made them (the set-up file
 * tests/setup/temp-folders.ts registers that for every file). Test files share their modules in
 * a worker, so the list lives on the process, not in a module a later file may load afresh.
 */
const MADE = Symbol.for('playbook.tests.tempFolders');
const made = ((globalThis as { [MADE]?: string[] })[MADE] ??= []);

/** A new, empty folder in the temp folder, removed once the test file that asked for it ends. */
export function tempFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	made.push(folder);
	return folder;
}

/** Removes every temp folder made so far. */
export function removeTempFolders(): void {
	for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
