import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkContent } from '../../checks/read/read-content.ts';
import { SITE_FILE } from '../../schemas/site.ts';

/**
 * The fingerprint of a content folder: a SHA-256 over every file's path and text (line endings
 * made `\n`, so a checkout on Windows counts as the same), hidden files and `site.yaml` aside,
 * since it holds the fingerprint and the names. The example playbook carries its own in
 * `site.yaml` (`example:`); `npm run init` replaces the example only while the two agree, that
 * is, while nobody has changed, added or removed a file of it.
 */
export function contentFingerprint(contentDir: string): string {
	const hash = createHash('sha256');
	for (const path of walkContent(contentDir).files) {
		// Hidden files (.DS_Store, an editor's swap file) are no part of the playbook: the checker
		// skips them too.
		if (path === SITE_FILE || path.split('/').some((part) => part.startsWith('.'))) continue;
		const text = readFileSync(join(contentDir, path), 'latin1').replace(/\r\n/g, '\n');
		hash.update(`${path}\0${text}\0`, 'latin1');
	}
	return hash.digest('hex');
}
