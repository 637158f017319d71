import type { APIRoute } from 'astro';
import { siteNames } from '../../site/site-names.ts';
import { collectionLlmsTxt } from '../../site/markdown-twin.ts';
import { sitePlaybook } from '../../site/site-playbook.ts';
import { markdownResponse, siteRoot } from '../../site/url.ts';
import { isPageCollection, PAGE_COLLECTIONS } from '../../schemas/index.ts';
import { withPageKeys } from '../../site/page-cache.ts';

/** `/<collection>/llms.txt`: the collection folder's own list of Markdown copies. */
export function getStaticPaths() {
	return withPageKeys(
		'/[collection]/llms.txt',
		PAGE_COLLECTIONS.map((collection) => ({ params: { collection } })),
	);
}

export const GET: APIRoute = async ({ params, site }) => {
	const { collection = '' } = params;
	if (!isPageCollection(collection)) throw new Error(`No pages for collection "${collection}".`);
	const text = collectionLlmsTxt(await sitePlaybook(), collection, {
		name: siteNames().title,
		site: siteRoot(site),
	});
	return markdownResponse(text, 'text/plain');
};
