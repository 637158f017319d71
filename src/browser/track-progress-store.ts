/** Where a track's progress is kept in the browser. */
export const progressKey = (track: string) => `playbook:track:${track}`;

/** The keys of the steps marked done; anything unreadable counts as no progress. */
export function readProgress(storage: Pick<Storage, 'getItem'>, track: string): Set<string> {
	try {
		const value: unknown = JSON.parse(storage.getItem(progressKey(track)) ?? '[]');
		return new Set(
			Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [],
		);
	} catch {
		return new Set();
	}
}

/** Saves the keys of the steps marked done. Storage can be full or blocked; progress is a nicety. */
export function writeProgress(
	storage: Pick<Storage, 'setItem'>,
	track: string,
	keys: string[],
): void {
	try {
		storage.setItem(progressKey(track), JSON.stringify(keys));
	} catch {
		// Private windows and full storage refuse writes; the page still works as a reading list.
	}
}

/** `3 of 11 steps done.` */
export function progressSummary(done: number, total: number): string {
	return done === total ? `All ${total} steps done.` : `${done} of ${total} steps done.`;
}
