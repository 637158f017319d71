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
 * PLAYBOOK_SITE is set, else the base alone (`/docs`, or '' at the root).
 */
export function siteRoot(site: URL | undefined): string {
	const base = import.meta.env.BASE_URL;
	return (site ? new URL(base, site).href : base).replace(/\/$/, '');
}

/** A Markdown response; `.md` files served by a static host get the same type from their name. */
export function markdownResponse(text: string, type = 'text/markdown'): Response {
	return new Response(text, { headers: { 'content-type': `${type}; charset=utf-8` } });
}
