import { PAGE_COLLECTIONS } from '../schemas/index.ts';
import { settings } from '../schemas/settings.ts';
import { editorSettings } from './editor/settings.ts';
import {
	Fingerprints,
	keyFor,
	noteRecord,
	pageCacheDir,
	pageName,
	type PageRecord,
	readRecords,
} from './page-keys.ts';
import { watchReads } from './page-reads.ts';
import { loadedHistory } from './site-history.ts';
import { siteNames } from './site-names.ts';
import { loadedPlaybook } from './site-playbook.ts';

/**
 * The pages' side of Astro's incremental build, for a build the integration has started
 * (src/site/warm-build.ts): pages give their paths keys (`withPageKeys`), and the middleware
 * watches each page it renders (`renderWatched`).
 */

let fingerprints: Promise<Fingerprints> | undefined;
let records: Record<string, PageRecord> | undefined;

/** The fingerprints of this build's data, and the last build's records, taken once. */
async function keysOfThisBuild(cacheDir: string) {
	fingerprints ??= loadedPlaybook().then((playbook) => {
		// The site folder and how it is indexed are not shown on pages; the day is a read of its own.
		const { today, ...shown } = { ...settings(), outDir: '', searchAfterBuild: false };
		return new Fingerprints({
			playbook,
			history: loadedHistory(),
			today,
			siteWide: { settings: shown, editor: editorSettings(), names: siteNames() },
		});
	});
	records ??= readRecords(cacheDir);
	return { fingerprints: await fingerprints, records };
}

/** A route's paths with their keys, where this build keeps pages; as they are, where not. */
export async function withPageKeys<P extends { params: Record<string, string | undefined> }>(
	route: string,
	paths: P[],
): Promise<(P & { cacheKey?: string })[]> {
	const cacheDir = pageCacheDir();
	if (!cacheDir) return paths;
	const { fingerprints, records } = await keysOfThisBuild(cacheDir);
	return paths.map((path) => ({
		...path,
		cacheKey: keyFor(records[pageName(route, path.params)], fingerprints),
	}));
}

/** The parameters of every entry's page, keyed: for entry pages and their Markdown copies. */
export async function entryPagePaths(route: string) {
	const playbook = await loadedPlaybook();
	return withPageKeys(
		route,
		PAGE_COLLECTIONS.flatMap((collection) =>
			[...playbook.entries[collection].keys()].map((id) => ({ params: { collection, id } })),
		),
	);
}

/**
 * Renders a page of a route with keys while watching what it reads, and notes that for the next
 * build along with the key the page has in this one.
 */
export async function renderWatched<T>(
	route: string,
	params: Record<string, string | undefined>,
	render: () => Promise<T>,
): Promise<T> {
	const cacheDir = pageCacheDir();
	if (!cacheDir) return render();
	const { result, reads } = await watchReads(render);
	const { fingerprints, records } = await keysOfThisBuild(cacheDir);
	const page = pageName(route, params);
	noteRecord(cacheDir, page, {
		reads,
		fingerprint: fingerprints.of(reads),
		key: keyFor(records[page], fingerprints),
	});
	return result;
}
