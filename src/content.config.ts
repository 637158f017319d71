import { basename, extname } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './checks/content-dir.ts';
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

export const collections = {
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
};
