import { defineMiddleware } from 'astro:middleware';
import { renderWatched } from './site/page-cache.ts';
import { separatedForSearch } from './site/search-text.ts';

/**
 * Every page the site renders, its words kept apart for the search index (see search-text.ts).
 * A page of a route with parameters is watched while it renders, so the next build knows whether
 * it can keep it (see page-cache.ts).
 */
export const onRequest = defineMiddleware((context, next) =>
	context.routePattern.includes('[')
		? renderWatched(context.routePattern, context.params, () => rendered(next))
		: rendered(next),
);

/** The page, rendered to its end (so everything it reads is read while it is watched). */
async function rendered(next: () => Promise<Response>): Promise<Response> {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = separatedForSearch(await response.text());
	return new Response(html, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
}
