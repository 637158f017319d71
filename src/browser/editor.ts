import { readEntryFile, writeEntryFile, type EntryFormat } from './entry-file.ts';
import { PUBLISH_REFUSED } from './editor-text.ts';

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
	init(): void;
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
	cms.init();
}

const root = document.querySelector<HTMLElement>('#editor-loading');
if (root) {
	start(root).catch((error: unknown) => {
		root.textContent = error instanceof Error ? error.message : String(error);
	});
}
