import { formatDate } from '../../model/words.ts';
import { entriesOf, type Playbook } from '../../model/playbook.ts';
import { type Problem, problem } from '../problems/problems.ts';

/**
 * A person whose `left` is still to come: said once, on their own file, so the day they stop
 * counting for their side is never a surprise. Their definitions get their own warning within
 * 30 days of it (see the ownership rule).
 */
export function checkDepartures(playbook: Playbook, today: string): Problem[] {
	return entriesOf(playbook, 'team').flatMap((person) => {
		const { left, name, department } = person.data;
		if (!left || left <= today) return [];
		return [
			problem(
				'PersonLeaving',
				person.file,
				'left',
				`is ${formatDate(left)}, a day still to come: until then ${name} counts for ${department}, and from that day for neither side`,
				`Before then, move their definitions to a colleague: npm run reassign -- --from ${person.id} --to <a colleague's id>.`,
			),
		];
	});
}
