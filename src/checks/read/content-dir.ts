/**
 * The content folder the site is built from: `content/` unless `PLAYBOOK_CONTENT` names another,
 * so another team's playbook (or a test fixture) builds with the same code.
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
	return env.PLAYBOOK_CONTENT || 'content';
}
