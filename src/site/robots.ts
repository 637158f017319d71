/**
 * `/robots.txt`: a playbook holds pricing answers, objections and talk tracks, so crawlers are
 * turned away from all of it unless the site is declared public (`PLAYBOOK_PUBLIC=true`). Every
 * page also carries `noindex` (astro.config.mjs), for crawlers that read pages they were told
 * to leave.
 */
export function robotsTxt(isPublic: boolean): string {
	return ['User-agent: *', isPublic ? 'Allow: /' : 'Disallow: /', ''].join('\n');
}
