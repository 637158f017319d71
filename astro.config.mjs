// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { playbookCheck } from './src/integration.ts';
import { COLLECTIONS, COLLECTION_NAMES } from './src/schemas/index.ts';

export default defineConfig({
	site: process.env.PLAYBOOK_SITE || 'https://playbook.example',
	outDir: process.env.PLAYBOOK_OUT_DIR || './dist',
	integrations: [
		playbookCheck(),
		starlight({
			title: 'Revenue Playbook',
			description: 'The definitions sales and marketing agree on, owned by both.',
			disable404Route: false,
			sidebar: [
				{ label: 'Home', link: '/' },
				...COLLECTION_NAMES.map((name) => ({ label: COLLECTIONS[name].label, link: `/${name}/` })),
			],
			customCss: ['./src/styles/playbook.css'],
		}),
	],
});
