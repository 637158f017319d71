import { readSiteFile } from '../checks/read/site-file.ts';
import { folderSource } from '../checks/read/read-content.ts';
import { contentDir } from '../checks/read/content-dir.ts';
import type { Site } from '../schemas/site.ts';

let cached: Site | undefined;

/**
 * The site's title and company, from `site.yaml` in the content folder being built. The checker
 * has already refused a bad file before the build reads this, so the defaults stand in silently.
 */
export function siteNames(): Site {
	cached ??= readSiteFile(folderSource(contentDir()));
	return cached;
}

/** What the playbook is, in one sentence: the site's description and the head of its `llms.txt`. */
export function siteSummary({ company }: Pick<Site, 'company'> = siteNames()): string {
	return `The definitions sales and marketing${company ? ` at ${company}` : ''} agree on, owned by both.`;
}
