import { z } from 'zod';
import { COLLECTIONS, DEFINITION_COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { entriesOf, type Playbook } from './playbook.ts';
import { ownersOf, pathOf, reviewOf } from './views.ts';

/** The content contract as JSON Schema, one schema per collection, generated from the zod schemas. */
export function contractJsonSchema(): Record<CollectionName, unknown> {
	return Object.fromEntries(
		Object.entries(COLLECTIONS).map(([name, { schema }]) => [
			name,
			// Input side: what an editor writes. Dates are written YYYY-MM-DD.
			z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
		]),
	) as Record<CollectionName, unknown>;
}

/**
 * Every definition with its fields, owners (with departments) and URL, plus the people and the
 * contract, for revenue operations to check CRM and marketing-automation settings against.
 */
export function playbookExport(playbook: Playbook, siteUrl: string, today: string) {
	const site = siteUrl.replace(/\/$/, '');
	return {
		generated: today,
		site,
		definitions: Object.fromEntries(
			DEFINITION_COLLECTIONS.map((collection) => [
				collection,
				entriesOf(playbook, collection).map((entry) => ({
					id: entry.id,
					url: `${site}${pathOf(collection, entry.id)}`,
					file: entry.file,
					...entry.data,
					owners: ownersOf(playbook, entry.data.owners).map(({ id, name, department }) => ({
						id,
						name,
						department,
					})),
					next_review: reviewOf(entry.data, today).due,
				})),
			]),
		),
		team: entriesOf(playbook, 'team').map((person) => ({
			id: person.id,
			url: `${site}${pathOf('team', person.id)}`,
			...person.data,
		})),
		contract: contractJsonSchema(),
	};
}
