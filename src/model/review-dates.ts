import { DEFINITION_COLLECTIONS, type DefinitionCollection } from '../schemas/index.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';

/** The day a review falls due: `reviewed` plus `months`, clamped to the month's last day. */
export function reviewDue(reviewed: string, months: number): string {
	const [year, month, day] = reviewed.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(year, month - 1 + months, 1));
	const lastDay = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
	).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return target.toISOString().slice(0, 10);
}

/** Today's date as `YYYY-MM-DD` (UTC), the default for review checks. */
export function todayIso(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

export interface ReviewView {
	reviewed: string;
	due: string;
	overdue: boolean;
}

/** When a definition was reviewed, when the next review falls due, and whether it is late. */
export function reviewOf(
	data: { reviewed: string; review_every: number },
	today: string,
): ReviewView {
	const due = reviewDue(data.reviewed, data.review_every);
	return { reviewed: data.reviewed, due, overdue: due < today };
}

export interface ReviewItem {
	entry: Entry<DefinitionCollection>;
	review: ReviewView;
	/** Days until the review is due; negative when overdue. */
	daysLeft: number;
}

const DAY = 86_400_000;

/** Definitions whose review is overdue or due within `withinDays`, most urgent first. */
export function reviewsDue(playbook: Playbook, today: string, withinDays = 30): ReviewItem[] {
	return reviewSchedule(playbook, today).filter((item) => item.daysLeft <= withinDays);
}

/** The `count` reviews that fall due after the next `withinDays`, soonest first. */
export function reviewsAfter(
	playbook: Playbook,
	today: string,
	withinDays = 30,
	count = 10,
): ReviewItem[] {
	return reviewSchedule(playbook, today)
		.filter((item) => item.daysLeft > withinDays)
		.slice(0, count);
}

/** Every definition's next review, most urgent first. */
function reviewSchedule(playbook: Playbook, today: string): ReviewItem[] {
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
		.sort((a, b) => a.daysLeft - b.daysLeft || a.entry.id.localeCompare(b.entry.id, 'en'));
}
