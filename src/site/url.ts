import { PLACEHOLDER_SITE } from '../schemas/settings.ts';

/** Prefixes a site path with the configured base, for sites served from a sub-folder. */
export function link(path: string): string {
	return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}

/** A path as the site knows it, without the base it is served under: `/docs/find/` → `/find/`. */
export function sitePath(pathname: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	return base && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

/**
 * What the site's paths are prefixed with in text that leaves the site (Markdown copies,
 * `llms.txt`): its address with the base (`https://playbook.example.com/docs`) when
 * PLAYBOOK_SITE is set, else the base alone (`/docs`, or '' at the root), so links stay on the
 * site the copy was read from.
 */
export function siteRoot(site: URL | undefined): string {
	const base = import.meta.env.BASE_URL;
	// The placeholder address is no site: a copy read from it would link nowhere.
	const known = site && site.origin !== new URL(PLACEHOLDER_SITE).origin;
	return (known ? new URL(base, site).href : base).replace(/\/$/, '');
}

/** A Markdown response; `.md` files served by a static host get the same type from their name. */
export function markdownResponse(text: string, type = 'text/markdown'): Response {
	return new Response(text, { headers: { 'content-type': `${type}; charset=utf-8` } });
}
