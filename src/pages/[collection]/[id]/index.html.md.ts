import type { APIRoute, GetStaticPaths } from 'astro';
import { entryMarkdown } from '../../../site/markdown-twin.ts';
import { sitePlaybook, siteToday } from '../../../site/site-playbook.ts';
import { markdownResponse, siteRoot } from '../../../site/url.ts';
import { isPageCollection } from '../../../schemas/index.ts';
import { entryPagePaths } from '../../../site/page-cache.ts';

/** `/<collection>/<id>/index.html.md`: an entry's page as Markdown, its provenance first. */
export const getStaticPaths = (() =>
	entryPagePaths('/[collection]/[id]/index.html.md')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
	const { collection = '', id = '' } = params;
	// getStaticPaths made only these files, so this never fails; it tells the types so.
	if (!isPageCollection(collection)) throw new Error(`No pages for collection "${collection}".`);
	const playbook = await sitePlaybook();
	const entry = playbook.entries[collection].get(id)!;
	return markdownResponse(
		entryMarkdown(playbook, entry, { today: siteToday(), site: siteRoot(site) }),
	);
};
