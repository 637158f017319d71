import type { APIRoute } from 'astro';
import { siteNames, siteSummary } from '../site/site-names.ts';
import { llmsTxt } from '../site/markdown-twin.ts';
import { sitePlaybook } from '../site/site-playbook.ts';
import { markdownResponse, siteRoot } from '../site/url.ts';
import { PAGE_COLLECTIONS } from '../schemas/index.ts';

/** `/llms.txt` (llmstxt.org): what the playbook is, and every page's Markdown copy by section. */
export const GET: APIRoute = async ({ site }) => {
	const text = llmsTxt(await sitePlaybook(), PAGE_COLLECTIONS, {
		name: siteNames().title,
		summary: siteSummary(),
		site: siteRoot(site),
	});
	return markdownResponse(text, 'text/plain');
};
