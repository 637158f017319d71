import { DEFINITION_COLLECTIONS, type DefinitionCollection } from '../schemas/index.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';
import { reviewOf, type ReviewView } from './views.ts';

export interface ReviewItem {
	entry: Entry<DefinitionCollection>;
	review: ReviewView;
	/** Days until the review is due; negative when overdue. */
	daysLeft: number;
}

const DAY = 86_400_000;

/** Definitions whose review is overdue or due within `withinDays`, most urgent first. */
export function reviewsDue(playbook: Playbook, today: string, withinDays = 30): ReviewItem[] {
	return DEFINITION_COLLECTIONS.flatMap<Entry<DefinitionCollection>>((collection) =>
		entriesOf(playbook, collection),
	)
		.map((entry) => {
			const review = reviewOf(entry.data, today);
			return {
				entry,
				review,
				daysLeft: Math.round((Date.parse(review.due) - Date.parse(today)) / DAY),
			};
		})
		.filter((item) => item.daysLeft <= withinDays)
		.sort((a, b) => a.daysLeft - b.daysLeft || a.entry.id.localeCompare(b.entry.id, 'en'));
}
