// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first, and what each may import. Imports run one way: a folder
 * imports only the folders listed for it, so no two folders lean on each other. Pages and
 * components sit at the top beside cli: they render what the layers below make, and the command
 * line is none of their business.
 * @type {Record<string, string[]>}
 */
const LAYERS = {
	schemas: [],
	browser: [],
	model: ['schemas'],
	checks: ['schemas', 'model'],
	review: ['schemas', 'model', 'checks'],
	crm: ['schemas', 'model', 'checks', 'review'],
	site: ['schemas', 'model', 'checks', 'review', 'crm', 'browser'],
	ask: ['schemas', 'model', 'checks', 'review', 'crm', 'site', 'browser'],
	cli: ['schemas', 'model', 'checks', 'review', 'crm', 'site', 'ask'],
	components: ['schemas', 'model', 'checks', 'review', 'crm', 'site', 'browser'],
	pages: ['schemas', 'model', 'checks', 'review', 'crm', 'site', 'browser', 'components'],
};
const SRC_FOLDERS = [...Object.keys(LAYERS), 'styles'];

/**
 * One no-restricted-imports rule per layer: every folder above it, and anything outside src/.
 * @type {import('eslint').Linter.Config[]}
 */
const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
	const refused = SRC_FOLDERS.filter((folder) => folder !== layer && !allowed.includes(folder));
	const may = allowed.length
		? `only from src/${allowed.join(', src/')}`
		: 'nothing else in the project';
	return {
		// .astro files too, and the scripts inside them (linted as `<file>.astro/<n>_<n>.ts`).
		files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.astro`, `src/${layer}/**/*.astro/*.ts`],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `^(\\.\\./)+(${refused.join('|')}|integration|content\\.config|scripts|tests)(/|\\.|$)`,
							message: `src/${layer} may import ${may}: the layers run schemas ← model ← checks ← review ← crm ← site ← ask ← cli, pages and components (CONTRIBUTING.md, How the code is organised).`,
						},
					],
				},
			],
		},
	};
});

export default defineConfig(
	{
		ignores: [
			'dist/',
			'.astro/',
			'node_modules/',
			'tests/fixtures/',
			'.bench/',
			'.stryker-tmp/',
			'tests/.tmp/',
			'reports/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: { globals: { process: 'readonly' } },
	},
	// .astro files are parsed by astro-eslint-parser, so the layer rule sees their imports.
	...astro.configs['flat/recommended'],
	{
		// Their frontmatter and scripts are TypeScript: the core rules TypeScript makes needless
		// (a type and a value of one name) are off, as typescript-eslint turns them off in .ts files.
		// TypeScript's checker cannot read .astro files; `astro check` (npm run typecheck) types them.
		files: ['**/*.astro', '**/*.astro/*.ts'],
		...tseslint.configs.disableTypeChecked,
		rules: {
			...tseslint.configs.eslintRecommended.rules,
			...tseslint.configs.disableTypeChecked.rules,
		},
	},
	...layerRules,
	{
		// typescript-eslint cannot read .astro modules, so what they export looks untyped here;
		// `astro check` (npm run typecheck) types these files with the components' own props.
		files: ['src/components/**/*.ts'],
		rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
	},
	{
		// Tests parse the JSON the CLI and the build print, and assert its shape field by field.
		files: ['tests/**/*.ts'],
		rules: {
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
		},
	},
);
