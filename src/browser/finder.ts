import {
	callPlanHref,
	FINDER_FILTERS,
	type FinderFilter,
	type FinderOptions,
	type FinderState,
	pagefindFilters,
	pagefindValue,
	personaCount,
	queryFromState,
	resultSummary,
	stateFromQuery,
	TALK_TRACK_META,
} from './finder-state.ts';

/** The part of Pagefind's browser API the finder uses. */
interface Pagefind {
	options(options: { baseUrl: string }): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(
		query: string | null,
		options: { filters: Record<string, unknown> },
	): Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>> }>;
}
interface PagefindResult {
	data(): Promise<{ url: string; meta: Record<string, string | undefined> }>;
}

const PAGE_SIZE = 30;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Wires the server-rendered finder form to Pagefind; the page works as links without it. */
export async function startFinder(): Promise<void> {
	const form = document.getElementById('pb-finder') as HTMLFormElement;
	const status = document.getElementById('pb-finder-status')!;
	const list = document.getElementById('pb-finder-results')!;
	const more = document.getElementById('pb-finder-more') as HTMLButtonElement;
	const query = form.elements.namedItem('q') as HTMLInputElement;
	const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
	form.hidden = false;

	// 1. The choices come from the checkboxes the server rendered; the state from the URL.
	const options = Object.fromEntries(
		FINDER_FILTERS.map((filter) => [
			filter,
			boxes
				.filter((box) => box.name === filter)
				.map((box) => ({ value: box.value, label: box.dataset.label ?? box.value })),
		]),
	) as FinderOptions;
	let state = stateFromQuery(location.search, options);
	query.value = state.query;
	for (const box of boxes)
		box.checked =
			state.selected[box.name as keyof FinderState['selected']]?.includes(box.value) ?? false;

	status.textContent = 'Loading the library…';
	let pagefind: Pagefind;
	try {
		pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
		await pagefind.options({ baseUrl: base });
		// Pagefind loads filter indexes lazily; without this, counts for filters not yet used
		// in a search (format, use) come back empty.
		await pagefind.filters();
	} catch {
		status.textContent =
			'The search index is not available. Build the site (npm run build) to use the finder.';
		return;
	}

	let shown: PagefindResult[] = [];
	let run = 0;
	// 2. On every change: search, list the first page of results, and count each choice.
	async function update(): Promise<void> {
		const current = ++run;
		const term = state.query || null;
		const search = await pagefind.search(term, { filters: pagefindFilters(state, options) });
		// Each count leaves its own filter out: it says what ticking that box would give.
		// One search at a time: Pagefind's searches share state and are not safe to overlap.
		const counts: [FinderFilter, Record<string, number>][] = [];
		for (const filter of FINDER_FILTERS) {
			const without = await pagefind.search(term, {
				filters: pagefindFilters(state, options, filter),
			});
			counts.push([filter, without.filters[filter] ?? {}]);
		}
		if (current !== run) return; // a newer change has started; drop this one
		for (const [filter, values] of counts) {
			for (const option of options[filter]) {
				const count = form.querySelector(
					`[data-count-for="${CSS.escape(`${filter}:${option.label}`)}"]`,
				);
				const value = pagefindValue(option.label);
				const n = filter === 'persona' ? personaCount(values, value) : (values[value] ?? 0);
				if (count) count.textContent = `(${n})`;
			}
		}
		shown = search.results;
		list.replaceChildren();
		status.textContent = resultSummary(shown.length, state);
		await showMore(current);
	}

	async function showMore(current: number): Promise<void> {
		const start = list.children.length;
		const page = await Promise.all(
			shown.slice(start, start + PAGE_SIZE).map((result) => result.data()),
		);
		if (current !== run) return;
		list.append(...page.map(resultItem));
		more.hidden = list.children.length >= shown.length;
	}

	// 3. Keep the URL in step, so a rep can share exactly what they see.
	function readForm(): void {
		state = {
			query: query.value.trim(),
			selected: Object.fromEntries(
				FINDER_FILTERS.map((filter) => [
					filter,
					boxes.filter((b) => b.name === filter && b.checked).map((b) => b.value),
				]),
			) as FinderState['selected'],
		};
		history.replaceState(null, '', `${location.pathname}${queryFromState(state)}`);
		showCallPlan();
		void update();
	}

	// 4. One persona and one stage chosen: offer the call plan for exactly that pair.
	const plan = document.getElementById('pb-finder-plan')!;
	function showCallPlan(): void {
		const href = callPlanHref(state, plan.dataset.pattern!);
		plan.hidden = href === undefined;
		if (href === undefined) return;
		const label = (filter: 'persona' | 'stage') =>
			boxes.find((box) => box.name === filter && box.checked)?.dataset.label ?? '';
		const anchor = plan.querySelector('a')!;
		anchor.href = href;
		anchor.textContent = `Call plan for a ${label('persona')} at ${label('stage')}`;
	}

	let typing: ReturnType<typeof setTimeout> | undefined;
	form.addEventListener('change', (event) => {
		if (event.target !== query) readForm();
	});
	query.addEventListener('input', () => {
		clearTimeout(typing);
		typing = setTimeout(readForm, 200);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		readForm();
	});
	form.addEventListener('reset', () => setTimeout(readForm));
	more.addEventListener('click', () => void showMore(run));
	showCallPlan();
	await update();
}

/** One result, built from text nodes only: nothing from the index is parsed as HTML. */
function resultItem(data: {
	url: string;
	meta: Record<string, string | undefined>;
}): HTMLLIElement {
	const item = document.createElement('li');
	const heading = document.createElement('h3');
	const anchor = document.createElement('a');
	anchor.href = data.url;
	anchor.textContent = data.meta.title ?? data.url;
	heading.append(anchor);
	item.append(heading);
	const line = (className: string, text: string | undefined) => {
		if (!text) return;
		const paragraph = document.createElement('p');
		paragraph.className = className;
		paragraph.textContent = text;
		item.append(paragraph);
	};
	line('pb-result-summary', data.meta.summary);
	line(
		'pb-result-facts',
		[data.meta.status, data.meta.format, data.meta.stages, data.meta.personas]
			.filter(Boolean)
			.join(' · '),
	);
	// The key is the one searchFacets writes: Pagefind shows it as the chip's label.
	const talk = data.meta[TALK_TRACK_META];
	line('pb-result-talk', talk && `Talk track: ${talk}`);
	return item;
}
