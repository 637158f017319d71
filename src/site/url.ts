/** Prefixes a site path with the configured base, for sites served from a sub-folder. */
export function link(path: string): string {
	return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
