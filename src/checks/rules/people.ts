import { formatDate } from '../../model/words.ts';
import { entriesOf } from '../../model/playbook.ts';
import type { RuleContext } from './rule.ts';

/**
 * A person whose `left` is still to come: said once, on their own file, so the day they stop
 * counting for their side is never a surprise. Their definitions get their own warning within
 * 30 days of it (see the ownership rule).
 */
export function checkDepartures({ playbook, today, reportIn }: RuleContext): void {
	for (const person of entriesOf(playbook, 'team')) {
		const { left, name, department } = person.data;
		if (!left || left <= today) continue;
		reportIn(person.file)(
			'PersonLeaving',
			'left',
			`is ${formatDate(left)}, a day still to come: until then ${name} counts for ${department}, and from that day for neither side`,
			`Before then, move their definitions to a colleague: npm run reassign -- --from ${person.id} --to <a colleague's id>.`,
		);
	}
}
