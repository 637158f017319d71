import { progressSummary, readProgress, writeProgress } from './track-progress-store.ts';

/**
 * Turns a track's reading list into a checklist kept in this browser's local storage. Without
 * scripts the checkboxes stay hidden and the page is a plain reading list.
 */
export function startTrackProgress(): void {
	for (const list of document.querySelectorAll<HTMLOListElement>('ol.pb-track')) {
		const track = list.dataset.track!;
		const status = document.querySelector<HTMLElement>(
			`.pb-track-progress[data-track="${CSS.escape(track)}"]`,
		);
		const boxes = [...list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
		const done = readProgress(localStorage, track);
		const show = () => {
			if (status)
				status.textContent = progressSummary(
					boxes.filter((box) => box.checked).length,
					boxes.length,
				);
		};
		for (const box of boxes) {
			box.checked = done.has(box.dataset.key!);
			box.closest('label')!.hidden = false;
			box.addEventListener('change', () => {
				writeProgress(
					localStorage,
					track,
					boxes.filter((b) => b.checked).map((b) => b.dataset.key!),
				);
				show();
			});
		}
		if (status) status.hidden = false;
		show();
	}
}
