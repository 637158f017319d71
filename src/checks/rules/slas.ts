import { entriesOf, type Entry } from '../../model/playbook.ts';
import type { RuleContext } from './rule.ts';

/** The words an SLA's commitments may use for a lead stage: its abbreviation, title and id. */
function namesOf(stage: Entry<'lead-stages'>): RegExp[] {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const names: RegExp[] = [new RegExp(`\\b${escape(stage.data.title)}s?\\b`, 'i')];
	// An id of one plain word (`new`, `won`) is too common a word to mean the stage in a sentence.
	if (stage.id.includes('-')) names.push(new RegExp(`\\b${escape(stage.id)}s?\\b`));
	if (stage.data.abbreviation) names.push(new RegExp(`\\b${escape(stage.data.abbreviation)}s?\\b`));
	return names;
}

/** The lead stages a text speaks of, by abbreviation, title or id. */
export function stagesNamedIn(
	text: string,
	stages: Entry<'lead-stages'>[],
): Entry<'lead-stages'>[] {
	return stages.filter((stage) => namesOf(stage).some((name) => name.test(text)));
}

/**
 * An SLA whose commitments speak only of other lead stages than the one it governs: the diagram
 * would draw it on the wrong arrow. Information, since a team may mean it (an SLA on SALs that
 * counts the MQLs they came from), but worth a look.
 */
export function checkSlaStages({ playbook, reportIn }: RuleContext): void {
	const stages = entriesOf(playbook, 'lead-stages');
	for (const sla of entriesOf(playbook, 'slas')) {
		const governed =
			sla.data.lead_stage && playbook.entries['lead-stages'].get(sla.data.lead_stage);
		if (!governed) continue;
		const named = stagesNamedIn(sla.data.commitments.map((c) => c.what).join('\n'), stages);
		if (named.length === 0 || named.includes(governed)) continue;
		const said = named.map((stage) => stage.data.abbreviation ?? stage.data.title).join(' and ');
		reportIn(sla.file)(
			'SlaStageMismatch',
			'lead_stage',
			`is ${governed.id} (${governed.data.title}), but the commitments speak of ${said}`,
			`If the SLA governs ${said}, set lead_stage: ${named[0]!.id}; otherwise name the ${governed.data.abbreviation ?? governed.data.title} in the commitments.`,
		);
	}
}
