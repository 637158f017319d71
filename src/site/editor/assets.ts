import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The editor's code: Decap CMS's own build from its npm package, served from the site under
 * `/admin/decap/` (nothing loads from another site). Its entry script fetches the chunks beside
 * it as it needs them, so the whole folder goes with it; source maps stay behind.
 */
export const EDITOR_ASSETS_PATH = 'admin/decap';
export const EDITOR_SCRIPT = 'decap-cms.js';

export function editorAssetsDir(): string {
	return join(dirname(fileURLToPath(import.meta.resolve('decap-cms/package.json'))), 'dist');
}

/** The files of the editor's build: its entry script, its chunks and their WebAssembly. */
export function editorAssetFiles(dir = editorAssetsDir()): string[] {
	return readdirSync(dir)
		.filter(
			(name) =>
				name === EDITOR_SCRIPT || /^\d+\.decap-cms\.js$/.test(name) || name.endsWith('.wasm'),
		)
		.sort();
}

/** Copies the editor's build into a built site. */
export function copyEditorAssets(outDir: string): void {
	const from = editorAssetsDir();
	const to = join(outDir, EDITOR_ASSETS_PATH);
	mkdirSync(to, { recursive: true });
	for (const name of editorAssetFiles(from)) copyFileSync(join(from, name), join(to, name));
}

/** The file a request under `/admin/decap/` asks for, or undefined when it is not one of them. */
export function editorAssetFor(requestPath: string, base: string): string | undefined {
	const prefix = `${base.replace(/\/?$/, '/')}${EDITOR_ASSETS_PATH}/`;
	if (!requestPath.startsWith(prefix)) return undefined;
	const name = requestPath.slice(prefix.length).split('?')[0]!;
	return editorAssetFiles().includes(name) ? join(editorAssetsDir(), name) : undefined;
}
