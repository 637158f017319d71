import { readEntryFile, writeEntryFile, type EntryFormat } from './entry-file.ts';
import { PUBLISH_REFUSED } from './editor-text.ts';
import { takeSession, withSession } from './editor-session.ts';

/**
 * Starts the editor at `/admin/`: loads Decap CMS from the site, teaches it to write files the
 * playbook's way (only what the form changed), and stops it from publishing, which is GitHub's
 * to do once the owners approve.
 */

interface Cms {
	registerCustomFormat(
		name: string,
		extension: string,
		format: {
			fromFile: (text: string) => Record<string, unknown>;
			toFile: (data: Record<string, unknown>, sortedKeys?: string[]) => string;
		},
	): void;
	registerEventListener(listener: { name: string; handler: () => unknown }): void;
	init(options?: { config: Record<string, unknown> }): void;
}

declare global {
	interface Window {
		CMS?: Cms;
		CMS_MANUAL_INIT?: boolean;
	}
}

function formatFor(format: EntryFormat) {
	return {
		fromFile: (text: string) => readEntryFile(text, format),
		toFile: (data: Record<string, unknown>, sortedKeys: string[] = []) =>
			writeEntryFile(data, format, sortedKeys),
	};
}

function loadScript(src: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = src;
		script.onload = () => resolve();
		script.onerror = () => reject(new Error(`The editor could not load ${src}.`));
		document.head.append(script);
	});
}

async function start(root: HTMLElement) {
	// Under npm run edit, the local backend answers only calls that carry this run's key; it is
	// taken out of the address before the editor reads its route there.
	const session = takeSession(location, history, sessionStorage);
	const backend = root.dataset.localBackend;
	window.CMS_MANUAL_INIT = true;
	await loadScript(root.dataset.script!);
	const cms = window.CMS!;
	cms.registerCustomFormat('frontmatter', 'mdx', formatFor('frontmatter'));
	cms.registerCustomFormat('yaml', 'yaml', formatFor('yaml'));
	cms.registerEventListener({
		name: 'prePublish',
		handler: () => {
			throw new Error(PUBLISH_REFUSED);
		},
	});
	root.hidden = true;
	cms.init(
		session && backend
			? { config: { local_backend: { url: withSession(backend, session) } } }
			: undefined,
	);
}

const root = document.querySelector<HTMLElement>('#editor-loading');
if (root) {
	start(root).catch((error: unknown) => {
		root.textContent = error instanceof Error ? error.message : String(error);
	});
}
