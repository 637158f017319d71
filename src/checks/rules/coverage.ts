import { coverageGaps } from '../../model/coverage.ts';
import type { RuleContext } from './rule.ts';

/** Persona × buyer stage cells with no content, reported as information for planning. */
export function checkCoverage({ playbook, reportIn }: RuleContext): void {
	// A broken library, persona or stage file has its own error; gaps it causes would be noise.
	const { invalid } = playbook;
	if (invalid.library.size + invalid.personas.size + invalid['buyer-stages'].size > 0) return;
	for (const { persona, stage } of coverageGaps(playbook))
		reportIn(persona.file)(
			'CoverageGap',
			'coverage',
			`no library item serves ${persona.data.title} at the ${stage.data.title} stage`,
			`Plan an item with stages: [${stage.id}] for this persona (see /coverage/).`,
		);
}
