import { z } from 'zod';
import { COLLECTIONS, DEFINITION_COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { entriesOf, type Playbook } from '../model/playbook.ts';
import { reviewOf } from '../model/review-dates.ts';
import { ownersOf, pathOf } from '../model/views.ts';
import { stageMappings } from '../model/crm-mapping.ts';
import { hubspotPropertyBody } from '../crm/hubspot.ts';
import { wantedPicklists } from '../crm/picklist.ts';

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
		// The monthly values of the shared metrics, oldest first.
		results: entriesOf(playbook, 'results').map((month) => ({ file: month.file, ...month.data })),
		crm: crmExport(playbook),
		contract: contractJsonSchema(),
	};
}

/**
 * Each lead stage's CRM values (stated in `crm:` or derived from its title, and which), and the
 * HubSpot property bodies `npm run crm -- export --to hubspot` writes, so RevOps can check a CRM
 * against the published site without the repository.
 */
export function crmExport(playbook: Playbook) {
	return {
		stages: stageMappings(playbook).map(({ stage, hubspot, salesforce }) => ({
			id: stage.id,
			hubspot: hubspot ?? null,
			salesforce: salesforce ?? null,
		})),
		hubspot: wantedPicklists(playbook, 'hubspot').map(hubspotPropertyBody),
	};
}

/**
 * The export as JSON text. `<`, `>` and `&` are written as \u escapes (the same data to any JSON
 * reader), so text from the content never appears as markup, even if the file is pasted into a
 * page or shown by a browser that sniffs it as HTML.
 */
export function exportJson(data: ReturnType<typeof playbookExport>): string {
	return `${JSON.stringify(data, null, '\t').replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
