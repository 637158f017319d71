import { contentDir } from '../checks/read/content-dir.ts';
import { type History, playbookHistory } from '../review/history.ts';

let cached: History | undefined;

/** The playbook's git history, read once per build. */
export function siteHistory(): History {
	cached ??= playbookHistory(contentDir());
	return cached;
}
