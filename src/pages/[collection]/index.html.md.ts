import type { APIRoute } from 'astro';
import { collectionMarkdown } from '../../site/markdown-twin.ts';
import { sitePlaybook } from '../../site/site-playbook.ts';
import { markdownResponse, siteRoot } from '../../site/url.ts';
import { isPageCollection, PAGE_COLLECTIONS } from '../../schemas/index.ts';
import { withPageKeys } from '../../site/page-cache.ts';

/** `/<collection>/index.html.md`: a collection's index as Markdown, each entry with its summary. */
export function getStaticPaths() {
	return withPageKeys(
		'/[collection]/index.html.md',
		PAGE_COLLECTIONS.map((collection) => ({ params: { collection } })),
	);
}

export const GET: APIRoute = async ({ params, site }) => {
	const { collection = '' } = params;
	if (!isPageCollection(collection)) throw new Error(`No pages for collection "${collection}".`);
	return markdownResponse(
		collectionMarkdown(await sitePlaybook(), collection, { site: siteRoot(site) }),
	);
};
