// The search box's view of the site's search index: all of Pagefind but its filters. Pagefind's
// search box loads every filter before its first result (50 kB at 5,000 entries) and the box shows
// none; the filters are on the Find content page, which loads ../pagefind/pagefind.js itself.
export * from '../pagefind/pagefind.js';
export async function filters() {
	return {};
}
