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
	return (OWNING_SIDES as readonly string[]).includes(person.department)
		? (person.department as OwningSide)
		: undefined;
}
