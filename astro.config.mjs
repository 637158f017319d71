// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import {
	playbookCheck,
	playbookEditor,
	playbookPageCache,
	playbookSearchIndex,
	playbookSettings,
} from './src/integration.ts';
import { astroCacheDir, outDir } from './src/site/out-dir.ts';
import { editorSettings } from './src/site/editor/settings.ts';
import { contentSecurityPolicy } from './src/site/csp.ts';
import { siteNames, siteSummary } from './src/site/site-names.ts';
import { COLLECTIONS, PAGE_COLLECTIONS } from './src/schemas/index.ts';

// Every PLAYBOOK_* variable, parsed once; a bad value stops here in one line (src/schemas/settings.ts).
const settings = playbookSettings();
// PLAYBOOK_REPO=owner/name links every page to its file on GitHub and fills the editor's backend.
const github = editorSettings();
// The site's name and its company's are the team's own, in content/site.yaml (src/schemas/site.ts).
const names = siteNames();

/** @type {import('@astrojs/starlight/types').StarlightUserConfig} */
const starlightOptions = {
	title: names.title,
	description: siteSummary(names),
	disable404Route: false,
	...(github.repo && {
		editLink: { baseUrl: `https://github.com/${github.repo}/edit/${github.branch}/` },
	}),
	// A playbook is internal by default: search engines are asked not to index or follow it.
	head: settings.public
		? []
		: [{ tag: 'meta', attrs: { name: 'robots', content: 'noindex, nofollow' } }],
	sidebar: [
		{ label: 'Home', link: '/' },
		{ label: 'Find content', link: '/find/' },
		...PAGE_COLLECTIONS.map((name) => ({ label: COLLECTIONS[name].label, link: `/${name}/` })),
		{
			label: 'For the teams',
			items: [
				{ label: 'Content coverage', link: '/coverage/' },
				{ label: 'Monthly meeting', link: '/meeting/' },
				{ label: 'Reviews due', link: '/review/' },
				{ label: 'Recent changes', link: '/changes/' },
			],
		},
	],
	// Page titles come from the content: written as text, never as markup.
	components: {
		Head: './src/components/Head.astro',
		PageTitle: './src/components/PageTitle.astro',
		Search: './src/components/Search.astro',
	},
	customCss: ['./src/styles/playbook.css'],
	// Starlight would index the site inside Astro's build; the playbook indexes it afterwards
	// (src/cli/build.ts), and its search box is Starlight's own (src/components/Search.astro)
	// started with the playbook's ranking (src/browser/search-box.ts).
	pagefind: false,
};

export default defineConfig({
	// Astro's cache (loaded content, and the pages a build keeps) is one per project and content
	// folder (src/site/out-dir.ts).
	cacheDir: astroCacheDir(fileURLToPath(new URL('.', import.meta.url)), settings.content),
	site: settings.site,
	outDir: outDir(fileURLToPath(new URL('.', import.meta.url))),
	// A sub-folder to serve from, such as /playbook on GitHub Pages; links follow it.
	base: settings.base,
	// Only scripts Astro bundled or hashed run, so markup that slips into a page cannot.
	security: { csp: contentSecurityPolicy() },
	// Two files that claim one id, or two pages one address, fail the build: a warning would
	// let one silently replace the other on the site.
	prerenderConflictBehavior: 'error',
	vite: {
		resolve: {
			// Bodies may import Starlight's components; a content folder outside the project has no
			// node_modules of its own to find them in, so the import points at the project's copy.
			alias: [
				// Starlight's search dialog starts Pagefind's search box from this package; the
				// playbook's stand-in sets the ranking and leaves the filters to Find content.
				{
					find: /^@pagefind\/default-ui$/,
					replacement: fileURLToPath(new URL('./src/browser/search-box.ts', import.meta.url)),
				},
				{
					find: /^@astrojs\/starlight\/components$/,
					replacement: fileURLToPath(import.meta.resolve('@astrojs/starlight/components')),
				},
			],
		},
		build: {
			rolldownOptions: {
				// Astro's MDX output carries a directive Rolldown warns about once per file; it is
				// harmless, and a wall of it would hide the checker's lines.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	},
	// A build keeps the pages of the last one that nothing they show has changed in; the keys
	// come from what each page read (src/site/page-cache.ts).
	experimental: { incrementalBuild: true },
	integrations: [
		playbookCheck(),
		playbookPageCache(),
		playbookEditor(),
		starlight(starlightOptions),
		playbookSearchIndex(),
	],
});
