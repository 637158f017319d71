import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatProblem } from '../checks/problems/reporters.ts';
import { problem } from '../checks/problems/problems.ts';
import { codeowners, codeownersDrift } from '../review/codeowners.ts';
import { readContent } from '../checks/read/read-content.ts';
import { parseOptions } from './usage.ts';

/** `playbook codeowners [--check] [--content DIR] [--out FILE]`. */
export function runCodeowners(args: string[]): number {
	// 1. Generate the file from the owners, as the checker reads them.
	const { values } = parseOptions(args, {
		check: { type: 'boolean', default: false },
		content: { type: 'string', default: 'content' },
		out: { type: 'string', default: '.github/CODEOWNERS' },
	});
	const read = readContent(values.content);
	const { text, problems } = codeowners(read.playbook, values.content.replace(/^\.\//, ''));
	// A path the checker refuses is in no rule: say so, rather than leave it out in silence.
	problems.unshift(
		...read.problems.filter((p) => p.code === 'NotAFile' || p.code === 'ControlCharacterInPath'),
	);

	// 2. With --check, compare with the committed file instead of writing it.
	if (values.check) {
		// Rule by rule, as GitHub reads them, so a rule hidden among the comments or spacing
		// is named with its line.
		const current = existsSync(values.out) ? readFileSync(values.out, 'utf8') : undefined;
		const drift = current === undefined ? ['does not exist'] : codeownersDrift(current, text);
		for (const difference of drift) {
			problems.push(
				problem(
					'StaleCodeowners',
					values.out,
					'-',
					difference,
					'Run npm run codeowners and commit the result.',
				),
			);
		}
	} else {
		mkdirSync(dirname(values.out), { recursive: true });
		writeFileSync(values.out, text);
	}

	// 3. Report: every owner without a handle, and drift.
	for (const found of problems) console.log(formatProblem(found));
	const verdict = values.check ? `${values.out} is up to date.` : `Wrote ${values.out}.`;
	console.log(problems.length === 0 ? verdict : `CODEOWNERS has problems: ${problems.length}.`);
	return problems.length === 0 ? 0 : 1;
}
