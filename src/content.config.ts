import { basename, extname } from 'node:path';
import { defineCollection, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { contentDir } from './checks/read/content-dir.ts';
import { COLLECTIONS, type CollectionName } from './schemas/index.ts';

/**
 * Loads each collection from the top-level content folder with the same schema the checker
 * uses. The checker has already run (see src/integration.ts), so these never see bad content.
 */
function collection<C extends CollectionName>(name: C) {
	const { extensions, schema } = COLLECTIONS[name];
	return defineCollection({
		loader: glob({
			// From the content root, so a collection without a folder is simply empty.
			base: contentDir(),
			pattern: [
				`${name}/**/*.{${extensions.map((extension) => extension.slice(1)).join(',')}}`,
				// A README explains its folder; it is not an entry (the checker skips it too).
				'!**/[Rr][Ee][Aa][Dd][Mm][Ee].{md,mdx}',
			],
			// The id is the file name, as in the content contract (Astro would slugify the path).
			generateId: ({ entry }) => basename(entry, extname(entry)),
		}),
		schema: schema as (typeof COLLECTIONS)[C]['schema'],
	});
}

/**
 * Starlight's own docs collection, which a playbook leaves empty: its pages come from the
 * collections above. Starlight checks each page's frontmatter against this collection's schema,
 * and builds Starlight's whole schema anew for every page unless one is given ready-made, so it
 * is built once here (a millisecond a page, minutes on a large playbook).
 */
const docs = defineCollection({
	loader: () => [],
	schema: docsSchema()({
		// As Starlight's own page component checks an image given to it.
		image: (() =>
			z.custom(
				(value) => typeof value === 'object' && value !== null && 'src' in value,
				'Expected an imported image.',
			)) as unknown as SchemaContext['image'],
	}),
});

// Typed over every collection, so one added to the table and missing here fails the type check.
export const collections = {
	docs,
	team: collection('team'),
	personas: collection('personas'),
	icp: collection('icp'),
	'lead-stages': collection('lead-stages'),
	'buyer-stages': collection('buyer-stages'),
	library: collection('library'),
	slas: collection('slas'),
	glossary: collection('glossary'),
	metrics: collection('metrics'),
	tracks: collection('tracks'),
	guides: collection('guides'),
	results: collection('results'),
} satisfies Record<CollectionName | 'docs', unknown>;
