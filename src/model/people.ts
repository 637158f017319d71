import type { Person } from '../schemas/team.ts';
import { OWNING_SIDES, type OwningSide } from '../schemas/vocabulary.ts';

/** True when the person has left by `today` (`YYYY-MM-DD`): the day they left counts. */
export function hasLeft(person: Pick<Person, 'left'>, today: string): boolean {
	return person.left !== undefined && person.left <= today;
}

/**
 * The side of the ownership rule a person counts for on `today`: sales or marketing, or none
 * for other departments and for someone who has left.
 */
export function sideOf(
	person: Pick<Person, 'department' | 'left'> | undefined,
	today: string,
): OwningSide | undefined {
	if (!person || hasLeft(person, today)) return undefined;
	return OWNING_SIDES.find((side) => side === person.department);
}

/** The sides (sales, marketing) that none of `owners` counts for on `today`. */
export function missingSides(
	owners: readonly string[],
	personOf: (id: string) => Pick<Person, 'department' | 'left'> | undefined,
	today: string,
): OwningSide[] {
	return OWNING_SIDES.filter((side) => !owners.some((id) => sideOf(personOf(id), today) === side));
}

/** An owners list with `from` replaced by `to`, or, where `to` is already listed, without `from`. */
export function ownersAfterMove(owners: readonly string[], from: string, to: string): string[] {
	return owners.includes(to)
		? owners.filter((owner) => owner !== from)
		: owners.map((owner) => (owner === from ? to : owner));
}
