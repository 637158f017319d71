import type { APIRoute } from 'astro';
import { settings } from '../schemas/settings.ts';
import { robotsTxt } from '../site/robots.ts';

/** `/robots.txt`: every crawler turned away, unless the site is declared public. */
export const GET: APIRoute = () =>
	new Response(robotsTxt(settings().public), {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	});
