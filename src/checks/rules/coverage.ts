import { coverageGaps } from '../../model/coverage.ts';
import type { Playbook } from '../../model/playbook.ts';
import { type Problem, problem } from '../problems/problems.ts';

/** Persona × buyer stage cells with no content, reported as information for planning. */
export function checkCoverage(playbook: Playbook): Problem[] {
	// A broken library, persona or stage file has its own error; gaps it causes would be noise.
	const { invalid } = playbook;
	if (invalid.library.size + invalid.personas.size + invalid['buyer-stages'].size > 0) return [];
	return coverageGaps(playbook).map(({ persona, stage }) =>
		problem(
			'CoverageGap',
			persona.file,
			'coverage',
			`no library item serves ${persona.data.title} at the ${stage.data.title} stage`,
			`Plan an item with stages: [${stage.id}] for this persona (see /coverage/).`,
		),
	);
}
