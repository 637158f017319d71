import { contentDir } from './content-dir.ts';
import { type History, playbookHistory } from './history.ts';

let cached: History | undefined;

/** The playbook's git history, read once per build. */
export function siteHistory(): History {
	cached ??= playbookHistory(contentDir());
	return cached;
}
