import type { APIRoute } from 'astro';
import { contentDir } from '../../checks/read/content-dir.ts';
import { editorConfigYaml, editorSettings } from '../../site/editor/index.ts';
import { sitePlaybook } from '../../site/site-playbook.ts';

// The schema files' text, for the hint under each field: the comment written beside its rule.
const schemaSources = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>('../../schemas/*.ts', {
			query: '?raw',
			import: 'default',
			eager: true,
		}),
	).map(([path, text]) => [path.split('/').at(-1)!, text]),
);

/** `/admin/config.yml`: the editor's configuration, made from the schemas on every build. */
export const GET: APIRoute = async () =>
	new Response(
		editorConfigYaml(await sitePlaybook(), contentDir(), editorSettings(), schemaSources),
		{
			headers: { 'content-type': 'text/yaml; charset=utf-8' },
		},
	);
