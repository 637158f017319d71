import yaml from 'js-yaml';
import { COLLECTIONS, PAGE_COLLECTIONS } from '../../schemas/index.ts';
import { entriesOf, nameOf, titleCollator, type Playbook } from '../../model/playbook.ts';
import { editorConfig } from './config.ts';
import { readFieldHints, type SchemaSourceTexts } from './field-hints.ts';
import { repoRelativePath, type EditorSettings } from './settings.ts';

/**
 * `config.yml` for the editor at `/admin/`, for this playbook: its folders in its repository,
 * its GitHub settings, and the entries a track step can point at.
 */
export function editorConfigYaml(
	playbook: Playbook,
	contentDir: string,
	settings: EditorSettings,
	schemaSources: SchemaSourceTexts,
): string {
	const config = editorConfig({
		settings,
		contentPath: repoRelativePath(contentDir),
		hints: readFieldHints(schemaSources),
		stepTargets: stepTargets(playbook),
	});
	return `# Made by the build from src/schemas; changes here are overwritten.\n${yaml.dump(config, {
		lineWidth: -1,
		noRefs: true,
	})}`;
}

/** Every entry a track step may point at, grouped by collection and sorted by title. */
export function stepTargets(playbook: Playbook): { value: string; label: string }[] {
	return PAGE_COLLECTIONS.flatMap((collection) =>
		entriesOf(playbook, collection)
			.map((entry) => ({
				value: `${collection}/${entry.id}`,
				label: `${COLLECTIONS[collection].singular}: ${nameOf(entry)}`,
			}))
			.sort((a, b) => titleCollator.compare(a.label, b.label)),
	);
}

export { editorSettings, hasEditor, editorEntryUrl, githubEditUrl } from './settings.ts';
export type { EditorSettings } from './settings.ts';
