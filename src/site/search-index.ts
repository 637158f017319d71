import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Indexes a built site for search with Pagefind, as Starlight does at the end of `astro build`:
 * the same default settings, the index written to `pagefind/` in the site. Run after Astro has
 * exited, Pagefind's memory comes on top of almost nothing instead of on top of Astro's.
 */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
	const failed = (errors: string[]) => new Error(errors.join('; '));
	try {
		const { index, errors } = await pagefind.createIndex();
		if (!index || errors.length > 0) throw failed(errors);
		const added = await index.addDirectory({ path: siteDir });
		if (added.errors.length > 0) throw failed(added.errors);
		const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
		if (written.errors.length > 0) throw failed(written.errors);
		return { pages: added.page_count };
	} finally {
		await pagefind.close();
	}
}
