import { SITE_FILE, SiteSchema, type Site } from '../../schemas/site.ts';
import { reportSchemaIssues } from '../problems/schema-problems.ts';
import type { ReportProblem } from '../problems/problems.ts';
import { parseEntryText } from './frontmatter.ts';
import type { ContentSource } from './read-content.ts';

/** The names a site has while `site.yaml` is absent or cannot be read. */
export const DEFAULT_SITE: Site = SiteSchema.parse({});

/**
 * The site's names from `site.yaml` at the top of the content folder. An absent file is the
 * defaults; a file that does not parse is reported (when `reportIn` is given) and read as the
 * defaults, so a page never shows half a name.
 */
export function readSiteFile(
	source: ContentSource,
	reportIn?: (file: string) => ReportProblem,
): Site {
	// A source says "no such file" in its own way: a folder throws, git gives no bytes, a source
	// held in memory (the tests') gives nothing at all.
	let bytes: unknown;
	try {
		bytes = source.read(SITE_FILE);
	} catch {
		return DEFAULT_SITE;
	}
	if (!(bytes instanceof Uint8Array) || bytes.length === 0) return DEFAULT_SITE;
	const report = reportIn?.(source.display(SITE_FILE));
	const parsed = parseEntryText(new TextDecoder().decode(bytes), 'yaml');
	if (!parsed.ok) {
		report?.(parsed.code, 'frontmatter', parsed.message, parsed.fix, parsed);
		return DEFAULT_SITE;
	}
	const result = SiteSchema.safeParse(parsed.data ?? {}, { reportInput: true });
	if (result.success) return result.data;
	if (report) reportSchemaIssues(report, SiteSchema, result.error.issues, parsed.data);
	return DEFAULT_SITE;
}
