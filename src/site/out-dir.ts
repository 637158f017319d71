import { resolve } from 'node:path';

/** Where the site is built: `PLAYBOOK_OUT_DIR`, else `dist/` in the project. */
export function outDir(root: string): string {
	return resolve(root, process.env.PLAYBOOK_OUT_DIR || 'dist');
}
