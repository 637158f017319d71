import { settings } from '../../schemas/settings.ts';

/**
 * The content folder the site is built from: `content/` unless `PLAYBOOK_CONTENT` names another,
 * so another team's playbook (or a test fixture) builds with the same code.
 */
export function contentDir(): string {
	return settings().content;
}
