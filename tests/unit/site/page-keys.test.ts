import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readContent } from '../../../src/checks/read/read-content.ts';
import { createPlaybook, type Entry, type Playbook } from '../../../src/model/playbook.ts';
import { libraryByStageForPersona, sorted, titleOf } from '../../../src/model/views.ts';
import type { History } from '../../../src/review/history.ts';
import {
	Fingerprints,
	keyFor,
	mergeRecords,
	noteRecord,
	pageName,
	readRecords,
	type KeyInputs,
} from '../../../src/site/page-keys.ts';
import { watchedHistory, watchedPlaybook, watchReads } from '../../../src/site/page-reads.ts';
import {
	finishPageCache,
	type StartedPageCache,
	startPageCache,
} from '../../../src/site/warm-build.ts';
import { MINIMAL } from '../../support/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'playbook-page-keys-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { playbook } = readContent(MINIMAL);
const noHistory: History = { available: false, reason: 'not in git' };
const inputs = (over: Partial<KeyInputs> = {}): KeyInputs => ({
	playbook,
	history: noHistory,
	today: '2026-11-24',
	siteWide: { title: 'Playbook' },
	...over,
});

/** The playbook with one entry changed. */
function edited(collection: string, id: string, change: (entry: Entry) => object): Playbook {
	const entries = Object.values(playbook.entries).flatMap((byId): Entry[] => [...byId.values()]);
	return createPlaybook(
		entries.map((entry) =>
			entry.collection === collection && entry.id === id ? (change(entry) as Entry) : entry,
		),
	);
}

describe('what a page reads is watched', () => {
	test('a lookup by id notes that entry; going through a collection notes all of it', async () => {
		const watched = watchedPlaybook(playbook);
		const { result, reads } = await watchReads(async () => {
			await Promise.resolve(); // reads after an await are still the page's
			return titleOf(watched, 'personas', 'cfo');
		});
		expect(result).toBe('CFO');
		expect(reads).toEqual(['entry:personas/cfo']);
		const through = await watchReads(() =>
			Promise.resolve(libraryByStageForPersona(watched, 'cfo').length),
		);
		expect(through.reads).toEqual(['collection:buyer-stages', 'collection:library']);
	});

	test('a list cached by the model is seen read by every page that uses it, not only the first', async () => {
		const watched = watchedPlaybook(playbook);
		const first = await watchReads(() => Promise.resolve(sorted(watched, 'slas')));
		const second = await watchReads(() => Promise.resolve(sorted(watched, 'slas')));
		expect(first.reads).toEqual(['collection:slas']);
		expect(second.reads).toEqual(['collection:slas']);
	});

	test('reads outside a watched page note nothing, and two pages do not share their reads', async () => {
		const watched = watchedPlaybook(playbook);
		titleOf(watched, 'team', 'sam-seller'); // getStaticPaths, say
		const [a, b] = await Promise.all([
			watchReads(() => Promise.resolve(titleOf(watched, 'personas', 'cfo'))),
			watchReads(() => Promise.resolve(titleOf(watched, 'personas', 'controller'))),
		]);
		expect(a.reads).toEqual(['entry:personas/cfo']);
		expect(b.reads).toEqual(['entry:personas/controller']);
	});

	test("an entry's history, and the whole history, are reads of their own", async () => {
		const history: History = {
			available: true,
			byFile: new Map([['/p/content/personas/cfo.mdx', []]]),
			recent: [],
		};
		const watched = watchedHistory(history);
		const { reads } = await watchReads(() => {
			if (!watched.available) throw new Error('unreachable');
			watched.byFile.get('/p/content/personas/cfo.mdx');
			return Promise.resolve(watched.recent);
		});
		expect(reads).toEqual(['history:*', 'history:/p/content/personas/cfo.mdx']);
	});
});

describe("a page's key", () => {
	const reads = ['entry:personas/cfo', 'collection:slas', 'today'];
	const record = { reads, fingerprint: new Fingerprints(inputs()).of(reads), key: 'k1' };

	test('is its last key while nothing it read has changed, whatever else changed', () => {
		const elsewhere = edited('personas', 'controller', (e) => ({
			...e,
			data: { ...e.data, title: 'Group controller' },
		}));
		expect(keyFor(record, new Fingerprints(inputs({ playbook: elsewhere })))).toBe('k1');
	});

	test.each([
		[
			'the entry it looked up',
			inputs({
				playbook: edited('personas', 'cfo', (e) => ({
					...e,
					data: { ...e.data, title: 'Finance' },
				})),
			}),
		],
		[
			'its body',
			inputs({ playbook: edited('personas', 'cfo', (e) => ({ ...e, body: 'New notes.' })) }),
		],
		[
			'an entry of a collection it went through',
			inputs({
				playbook: edited('slas', 'mql-follow-up', (e) => ({
					...e,
					data: { ...e.data, title: 'Faster follow-up' },
				})),
			}),
		],
		['the day', inputs({ today: '2026-11-25' })],
		['what every page shows', inputs({ siteWide: { title: 'Our playbook' } })],
	])('changes when %s changed', (_, changed) => {
		const key = keyFor(record, new Fingerprints(changed));
		expect(key).not.toBe('k1');
		// One key for every page that changed in a build; a page no build has seen gets another.
		expect(key).toMatch(/^changed /);
		expect(keyFor(undefined, new Fingerprints(changed))).toMatch(/^new /);
	});

	test('changes when an entry it looked up is gone, or one it looked for is there', () => {
		const without = createPlaybook(
			Object.values(playbook.entries)
				.flatMap((byId): Entry[] => [...byId.values()])
				.filter((entry) => !(entry.collection === 'personas' && entry.id === 'cfo')),
		);
		expect(keyFor(record, new Fingerprints(inputs({ playbook: without })))).not.toBe('k1');
	});

	test('a read it cannot fingerprint never matches', () => {
		const odd = { reads: ['weather:today'], fingerprint: '', key: 'k2' };
		const fingerprints = new Fingerprints(inputs());
		odd.fingerprint = fingerprints.of(odd.reads);
		expect(keyFor(odd, new Fingerprints(inputs()))).not.toBe('k2');
	});

	test('names a page by its route and parameters, in any order', () => {
		expect(pageName('/[collection]/[id]', { id: 'cfo', collection: 'personas' })).toBe(
			pageName('/[collection]/[id]', { collection: 'personas', id: 'cfo' }),
		);
	});
});

describe('the records a build leaves', () => {
	test("a page rendered now has this build's record; a page kept has its old one", () => {
		const cacheDir = join(work, 'records');
		mkdirSync(cacheDir, { recursive: true });
		noteRecord(cacheDir, 'a', { reads: ['today'], fingerprint: 'f1', key: 'k1' });
		noteRecord(cacheDir, 'b', { reads: ['today'], fingerprint: 'f1', key: 'k1' });
		expect(mergeRecords(cacheDir)).toBe(2);
		noteRecord(cacheDir, 'b', { reads: ['today'], fingerprint: 'f2', key: 'k2' });
		expect(mergeRecords(cacheDir)).toBe(1);
		expect(readRecords(cacheDir)).toEqual({
			a: { reads: ['today'], fingerprint: 'f1', key: 'k1' },
			b: { reads: ['today'], fingerprint: 'f2', key: 'k2' },
		});
	});

	test('unreadable records are none', () => {
		const cacheDir = join(work, 'garbled');
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(join(cacheDir, 'playbook-page-reads.json'), '{"pages": ');
		expect(readRecords(cacheDir)).toEqual({});
	});
});

describe('whether a build reuses the last one, in one line', () => {
	/** A project with code of its own, and a cache folder that holds what the last build left. */
	function project(name: string) {
		const root = join(work, name);
		mkdirSync(join(root, 'src'), { recursive: true });
		writeFileSync(join(root, 'src', 'page.ts'), 'export const a = 1;\n');
		writeFileSync(join(root, 'package.json'), '{}\n');
		const cacheDir = join(root, 'cache');
		let started: StartedPageCache | undefined;
		/** Starts a build in the project, and returns the line it begins with. */
		const start = (astroVersion = '7.3.5') => {
			started = startPageCache(cacheDir, root, astroVersion);
			return started.says;
		};
		/** Completes the build last started. */
		const lastBuild = () => {
			writeFileSync(join(cacheDir, 'incremental-build.json'), '{}');
			finishPageCache(started!.stamp);
		};
		return { root, cacheDir, start, lastBuild };
	}

	test('reuses pages when the last build completed with this code and this Astro', () => {
		const { start, lastBuild } = project('same');
		expect(start()).toBe('Building every page: there is no earlier build to reuse.');
		lastBuild();
		expect(start()).toBe(
			'Reusing the pages of the last build that nothing they show has changed in.',
		);
	});

	test('builds every page, saying why, after a code change or with another Astro', () => {
		const { root, cacheDir, start, lastBuild } = project('changed');
		start();
		lastBuild();
		writeFileSync(join(root, 'src', 'page.ts'), 'export const a = 2;\n');
		expect(start()).toBe("Building every page: the site's code has changed since the last build.");
		lastBuild();
		expect(start('7.4.0')).toBe(
			'Building every page: the last build used Astro 7.3.5, this one Astro 7.4.0.',
		);
		// What the last build kept is forgotten, so nothing of it can be reused by mistake.
		expect(() => readFileSync(join(cacheDir, 'incremental-build.json'))).toThrow();
	});

	test('after a build whose code changed while it ran, builds every page', () => {
		const { root, start, lastBuild } = project('edited');
		start();
		// Saved while the build runs: its pages were made from the code it started with.
		writeFileSync(join(root, 'src', 'page.ts'), 'export const a = 3;\n');
		lastBuild();
		expect(start()).toBe("Building every page: the site's code has changed since the last build.");
	});

	test('after a build that did not complete, builds every page', () => {
		const { start, lastBuild } = project('failed');
		start();
		lastBuild();
		start(); // a build that starts, then fails
		expect(start()).toBe('Building every page: there is no earlier build to reuse.');
	});
});
