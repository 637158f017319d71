import { contentDir } from '../checks/read/content-dir.ts';
import { type History, playbookHistory } from '../review/history.ts';
import { watchedHistory } from './page-reads.ts';

let loaded: History | undefined;
let watched: History | undefined;

/** The playbook's git history, read once per build; watched, as the playbook is (page-reads.ts). */
export function siteHistory(): History {
	watched ??= watchedHistory(loadedHistory());
	return watched;
}

/** The same history, unwatched: what pages' keys are taken of. */
export function loadedHistory(): History {
	loaded ??= playbookHistory(contentDir());
	return loaded;
}
