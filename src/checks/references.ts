import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { entriesOf, exists, type Playbook } from '../lib/playbook.ts';
import { type Problem, problem } from './problems.ts';

/** A field holding ids of entries in another collection. Owners are checked by the ownership rule. */
export interface ReferenceField {
	from: CollectionName;
	field: string;
	to: CollectionName;
}

/** Every reference of the content contract, besides owners. */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
	{ from: 'personas', field: 'icp', to: 'icp' },
	{ from: 'library', field: 'stages', to: 'buyer-stages' },
	{ from: 'library', field: 'personas', to: 'personas' },
	{ from: 'lead-stages', field: 'next', to: 'lead-stages' },
	{ from: 'slas', field: 'lead_stage', to: 'lead-stages' },
	{ from: 'glossary', field: 'see_also', to: 'glossary' },
	{ from: 'metrics', field: 'lead_stages', to: 'lead-stages' },
];

/** The ids a reference field holds in an entry's data, whether it is a list or a single id. */
export function referencedIds(data: object, field: string): string[] {
	const value = (data as Record<string, unknown>)[field];
	if (value === undefined) return [];
	return Array.isArray(value) ? (value as string[]) : [value as string];
}

/** Every reference names an entry that exists (valid or not: a broken target has its own lines). */
export function checkReferences(playbook: Playbook): Problem[] {
	const problems: Problem[] = [];
	for (const { from, field, to } of REFERENCE_FIELDS) {
		for (const entry of entriesOf(playbook, from)) {
			for (const id of referencedIds(entry.data, field)) {
				if (exists(playbook, to, id)) continue;
				problems.push(
					problem(
						'DanglingReference',
						entry.file,
						field,
						`names "${id}", but there is no ${COLLECTIONS[to].singular.toLowerCase()} with that id in content/${to}`,
						`Use the id of an existing file in content/${to}, or add content/${to}/${id}.mdx.`,
					),
				);
			}
		}
	}
	return problems;
}
