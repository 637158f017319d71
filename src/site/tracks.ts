import { parseEntryRef } from '../model/entry-refs.ts';
import { COLLECTIONS } from '../schemas/index.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import { entryTitle, pathOf, sorted } from '../model/views.ts';
import { type Question, questionsVersion, stepQuestions } from './knowledge-checks.ts';

export interface TrackStep {
	/** Stable key for progress: the `collection/id` it points at. */
	key: string;
	title: string;
	kind: string;
	path: string;
	take: string;
	minutes: number;
	/** The knowledge check after the step: written questions, then those made from its entry. */
	questions: Question[];
	/** Fingerprint of the questions, stored with a pass. */
	version: string;
}

/** A track's steps with the titles and pages they point at, and the total reading time. */
export function trackSteps(
	playbook: Playbook,
	track: Entry<'tracks'>,
): { steps: TrackStep[]; minutes: number } {
	const steps = track.data.steps.flatMap((step) => {
		const ref = parseEntryRef(step.read);
		const target = ref && playbook.entries[ref.collection].get(ref.id);
		if (!ref || !target) return []; // the checker has already failed the build on these
		const questions = stepQuestions(playbook, step);
		return [
			{
				key: step.read,
				title: entryTitle(target),
				kind: COLLECTIONS[ref.collection].singular,
				path: pathOf(ref.collection, ref.id),
				take: step.take,
				minutes: step.minutes,
				questions,
				version: questionsVersion(questions),
			},
		];
	});
	return { steps, minutes: steps.reduce((sum, step) => sum + step.minutes, 0) };
}

/** `1 h 35 min`, `45 min`. */
export function formatMinutes(minutes: number): string {
	const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
	return [hours > 0 ? `${hours} h` : '', rest > 0 || hours === 0 ? `${rest} min` : '']
		.filter(Boolean)
		.join(' ');
}

/** The tracks in the order the home page offers them. */
export function tracksInOrder(playbook: Playbook): readonly Entry<'tracks'>[] {
	return sorted(playbook, 'tracks');
}
