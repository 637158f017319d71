import { isDefinition, type Entry, type Playbook } from './playbook.ts';
import { reviewOf } from './review-dates.ts';
import { ownersOf, pathOf } from './views.ts';
import type { Department, Status } from '../schemas/vocabulary.ts';

/**
 * Who stands behind an entry and how fresh it is: what every answer the playbook gives away
 * (a page's Markdown copy, an assistant's answer) carries, so a reader can judge it.
 */
export interface Provenance {
	/** The owners, with their departments, in the order the file lists them. */
	owners: { id: string; name: string; department: Department | undefined }[];
	/** `draft`, `approved` or `deprecated`; undefined for entries that are not definitions. */
	status: Status | undefined;
	/** The last review (YYYY-MM-DD); undefined for entries that are not definitions. */
	reviewed: string | undefined;
	/** When the next review falls due (YYYY-MM-DD). */
	nextReview: string | undefined;
	/** True when the next review is already past. */
	overdue: boolean;
	/** The source file, relative to the playbook's folder (`content/lead-stages/mql.mdx`). */
	file: string;
	/** The page's address: the site's URL when one is set, else the path alone. */
	url: string;
}

/**
 * An entry's provenance on `today`. `site` is the published site's address (PLAYBOOK_SITE),
 * without a trailing slash, or '' when only the path is known.
 */
export function provenanceOf(
	playbook: Playbook,
	entry: Entry,
	today: string,
	site = '',
): Provenance {
	const url = `${site.replace(/\/$/, '')}${pathOf(entry.collection, entry.id)}`;
	if (!isDefinition(entry))
		return {
			owners: [],
			status: undefined,
			reviewed: undefined,
			nextReview: undefined,
			overdue: false,
			file: entry.file,
			url,
		};
	const review = reviewOf(entry.data, today);
	return {
		owners: ownersOf(playbook, entry.data.owners).map(({ id, name, department }) => ({
			id,
			name,
			department,
		})),
		status: entry.data.status,
		reviewed: review.reviewed,
		nextReview: review.due,
		overdue: review.overdue,
		file: entry.file,
		url,
	};
}
