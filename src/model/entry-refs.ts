import { type CollectionName, isCollectionName } from '../schemas/index.ts';

/** Splits a `collection/id` reference; undefined when the collection is not one. */
export function parseEntryRef(ref: string): { collection: CollectionName; id: string } | undefined {
	const [collection, id] = ref.split('/') as [string, string];
	return isCollectionName(collection) ? { collection, id } : undefined;
}
