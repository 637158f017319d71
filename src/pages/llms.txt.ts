import type { APIRoute } from 'astro';
import { SITE_NAME, SITE_SUMMARY } from '../site/identity.ts';
import { llmsTxt } from '../site/markdown-twin.ts';
import { sitePlaybook } from '../site/site-playbook.ts';
import { markdownResponse, siteRoot } from '../site/url.ts';
import { PAGE_COLLECTIONS } from '../schemas/index.ts';

/** `/llms.txt` (llmstxt.org): what the playbook is, and every page's Markdown copy by section. */
export const GET: APIRoute = async ({ site }) => {
	const text = llmsTxt(await sitePlaybook(), PAGE_COLLECTIONS, {
		name: SITE_NAME,
		summary: SITE_SUMMARY,
		site: siteRoot(site),
	});
	return markdownResponse(text, 'text/plain');
};
