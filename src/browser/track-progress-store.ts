/** Where a track's progress is kept in the browser: the steps marked done. */
export const progressKey = (track: string) => `playbook:track:${track}`;

/** Where a track's passed knowledge checks are kept, each as `step#version`. */
export const passedKey = (track: string) => `playbook:track:${track}:passed`;

/** A list of texts kept under `key`; anything unreadable counts as no progress. */
function readList(storage: Pick<Storage, 'getItem'>, key: string): string[] {
	try {
		const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
		return Array.isArray(value)
			? value.filter((item): item is string => typeof item === 'string')
			: [];
	} catch {
		return [];
	}
}

/** Storage can be full or blocked; progress is a nicety. */
function writeList(storage: Pick<Storage, 'setItem'>, key: string, items: string[]): void {
	try {
		storage.setItem(key, JSON.stringify(items));
	} catch {
		// Private windows and full storage refuse writes; the page still works as a reading list.
	}
}

/** The keys of the steps marked done. */
export function readProgress(storage: Pick<Storage, 'getItem'>, track: string): Set<string> {
	return new Set(readList(storage, progressKey(track)));
}

/** Saves the keys of the steps marked done. */
export function writeProgress(
	storage: Pick<Storage, 'setItem'>,
	track: string,
	keys: string[],
): void {
	writeList(storage, progressKey(track), keys);
}

/**
 * The steps whose check was passed, with the version of the questions passed. A pass of other
 * questions (the definition changed since) is returned too, so the page can say so.
 */
export function readPassed(storage: Pick<Storage, 'getItem'>, track: string): Map<string, string> {
	return new Map(
		readList(storage, passedKey(track)).flatMap((item) => {
			const at = item.lastIndexOf('#');
			return at > 0 ? [[item.slice(0, at), item.slice(at + 1)] as const] : [];
		}),
	);
}

/** Saves the steps whose check was passed, each with the version of its questions. */
export function writePassed(
	storage: Pick<Storage, 'setItem'>,
	track: string,
	passed: ReadonlyMap<string, string>,
): void {
	writeList(
		storage,
		passedKey(track),
		[...passed].map(([step, version]) => `${step}#${version}`),
	);
}

/**
 * `3 of 11 steps done.`, with how many of the steps that have a knowledge check had it passed:
 * `Check passed on 2 of 11 steps.`, or `… on 2 of the 9 steps that have one.` when some steps
 * have none. A check belongs to a step, so checks are counted by their steps.
 */
export function progressSummary(done: number, total: number, passed = 0, checks = 0): string {
	const read = done === total ? `All ${total} steps done.` : `${done} of ${total} steps done.`;
	if (checks === 0) return read;
	const every = checks === total;
	if (passed === checks) {
		const all = every
			? 'every step'
			: checks === 1
				? 'the step that has one'
				: `all ${checks} steps that have one`;
		return `${read} Check passed on ${all}.`;
	}
	const steps = every
		? `${total} steps`
		: checks === 1
			? 'the 1 step that has one'
			: `the ${checks} steps that have one`;
	return `${read} Check passed on ${passed} of ${steps}.`;
}

/** What a person sees after checking a step's answers. */
export function checkSummary(right: number, total: number): string {
	if (right === total)
		return total === 1 ? 'Right: check passed.' : `All ${total} right: check passed.`;
	return `${right} of ${total} right. Read the notes under the questions marked “Not yet”, then try again.`;
}
