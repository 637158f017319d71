import { defineMiddleware } from 'astro:middleware';
import { separatedForSearch } from './site/search-text.ts';

/** Every page the site renders, its words kept apart for the search index (see search-text.ts). */
export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = separatedForSearch(await response.text());
	return new Response(html, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
});
