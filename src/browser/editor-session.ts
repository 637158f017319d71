/**
 * The session key `npm run edit` prints in the editor's address (`/admin/#session=…`): kept for
 * this tab only and sent with each call to the local backend, which answers nothing without it.
 */

const STORE_KEY = 'playbook-editor-session';
const IN_ADDRESS = /^#session=([A-Za-z0-9_-]{16,})$/;

/** The key in an address's fragment (`#session=…`), or undefined. */
export function sessionInHash(hash: string): string | undefined {
	return IN_ADDRESS.exec(hash)?.[1];
}

/** The local backend's address with the session key on it. */
export function withSession(backendUrl: string, session: string): string {
	const url = new URL(backendUrl);
	url.searchParams.set('session', session);
	return url.href;
}

/**
 * Takes the key out of the page's address (so it is neither shown nor bookmarked) into this
 * tab's storage, and returns the key the tab holds, if any.
 */
export function takeSession(location: Location, history: History, storage: Storage) {
	const key = sessionInHash(location.hash);
	if (key) {
		storage.setItem(STORE_KEY, key);
		history.replaceState(null, '', `${location.pathname}${location.search}`);
	}
	return storage.getItem(STORE_KEY) ?? undefined;
}
