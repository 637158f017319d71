// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first, and what each may import. Imports run one way: a folder
 * imports only the folders listed for it, so no two folders lean on each other.
 * @type {Record<string, string[]>}
 */
const LAYERS = {
	schemas: [],
	browser: [],
	model: ['schemas'],
	checks: ['schemas', 'model'],
	review: ['schemas', 'model', 'checks'],
	site: ['schemas', 'model', 'checks', 'review', 'browser'],
	cli: ['schemas', 'model', 'checks', 'review', 'site'],
};
const SRC_FOLDERS = [...Object.keys(LAYERS), 'pages', 'components', 'styles'];

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
		files: [`src/${layer}/**/*.ts`],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `^(\\.\\./)+(${refused.join('|')}|integration|content\\.config|scripts|tests)(/|\\.|$)`,
							message: `src/${layer} may import ${may}: the layers run schemas ← model ← checks ← review ← site ← cli, pages and components (README, How the code is organised).`,
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
			'**/*.astro',
			'.bench/',
			'.stryker-tmp/',
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
