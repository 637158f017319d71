import { z } from 'zod';
import {
	COLLECTION_NAMES,
	COLLECTIONS,
	type CollectionName,
	type EntryData,
	isCollectionName,
} from '../schemas/index.ts';
import { referenceTargets } from '../schemas/fields.ts';
import { byCodePoint, entriesOf, type Entry, type Playbook } from './playbook.ts';

/** A key of collection `C`'s data that holds ids of entries in collection `to`. */
export interface ReferenceFieldOf<C extends CollectionName> {
	from: C;
	field: keyof EntryData<C> & string;
	to: CollectionName;
}

/** A reference field of any collection, narrowing by `from`. */
export type ReferenceField = { [C in CollectionName]: ReferenceFieldOf<C> }[CollectionName];

/**
 * Every reference of the content contract, read from the `reference()` each schema declares on
 * its keys, in the table's collection order. A definition's `owners` are among them.
 */
export const REFERENCE_FIELDS: readonly ReferenceField[] = COLLECTION_NAMES.flatMap(referencesOf);

/** References to entries, without owners: a person is owned by no one and touched by no change. */
export const ENTRY_REFERENCES: readonly ReferenceField[] = REFERENCE_FIELDS.filter(
	(reference) => reference.field !== 'owners',
);

function referencesOf<C extends CollectionName>(collection: C): ReferenceFieldOf<C>[] {
	const { schema } = COLLECTIONS[collection];
	// Guides pass through a transform; their keys hold no references.
	if (!('shape' in schema)) return [];
	return Object.entries<z.core.$ZodType>(schema.shape).flatMap(([field, fieldSchema]) => {
		const to = targetOf(fieldSchema);
		if (to === undefined || !isKeyOf<C>(schema.shape, field)) return [];
		if (!isCollectionName(to))
			throw new Error(`${collection}.${field} references "${to}", which is not a collection.`);
		return [{ from: collection, field, to }];
	});
}

/** The collection a key's schema references, through optional, default and list wrappers. */
function targetOf(schema: z.core.$ZodType): string | undefined {
	if (
		schema instanceof z.ZodOptional ||
		schema instanceof z.ZodDefault ||
		schema instanceof z.ZodArray
	)
		return targetOf(schema instanceof z.ZodArray ? schema.element : schema.unwrap());
	return referenceTargets.get(schema)?.collection;
}

/** True when a key is in an object schema's shape, and so in the data the schema gives. */
function isKeyOf<C extends CollectionName>(
	shape: object,
	key: string,
): key is keyof EntryData<C> & string {
	return Object.hasOwn(shape, key);
}

/** The ids a reference field holds in an entry's data, whether it is a list or a single id. */
export function referencedIds(data: object, field: string): string[] {
	const value: unknown = Reflect.get(data, field);
	if (typeof value === 'string') return [value];
	return Array.isArray(value) ? value.filter((id) => typeof id === 'string') : [];
}

/**
 * What else a change to one entry touches: every entry whose references name it (SLAs and
 * metrics of a lead stage, library items of a persona or buyer stage, personas of an ICP tier,
 * glossary terms that point at a term) and every track with a step that reads it. Sorted by
 * collection, then id.
 */
export function dependantsOf(playbook: Playbook, collection: CollectionName, id: string): Entry[] {
	const found: Entry[] = [];
	for (const reference of ENTRY_REFERENCES) {
		if (reference.to !== collection) continue;
		for (const entry of entriesOf(playbook, reference.from))
			if (
				!(entry.collection === collection && entry.id === id) &&
				referencedIds(entry.data, reference.field).includes(id)
			)
				found.push(entry);
	}
	const ref = `${collection}/${id}`;
	for (const track of entriesOf(playbook, 'tracks'))
		if (track.data.steps.some((step) => step.read === ref)) found.push(track);
	const order = COLLECTION_NAMES;
	return found.sort(
		(a, b) => order.indexOf(a.collection) - order.indexOf(b.collection) || byCodePoint(a.id, b.id),
	);
}

/** The collection a key of `collection` references, when it does: `lead_stage` of an SLA. */
export function referenceTarget(
	collection: CollectionName,
	field: string,
): CollectionName | undefined {
	return REFERENCE_FIELDS.find(
		(reference) => reference.from === collection && reference.field === field,
	)?.to;
}
