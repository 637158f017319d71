import type { APIRoute } from 'astro';
import { exportJson, playbookExport } from '../site/export.ts';
import { sitePlaybook, siteToday } from '../site/site-playbook.ts';

/** `/playbook.json`: every definition as data, for revenue operations. */
export const GET: APIRoute = async ({ site }) => {
	const data = playbookExport(await sitePlaybook(), site?.href ?? '/', siteToday());
	return new Response(exportJson(data), {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
};
