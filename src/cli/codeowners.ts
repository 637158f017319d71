import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatProblem } from '../checks/format.ts';
import { problem } from '../checks/problems.ts';
import { codeowners } from '../review/codeowners.ts';
import { readContent } from '../checks/read-content.ts';
import { parseOptions } from './usage.ts';

/** `playbook codeowners [--check] [--content DIR] [--out FILE]`. */
export function runCodeowners(args: string[]): number {
	// 1. Generate the file from the owners, as the checker reads them.
	const { values } = parseOptions(args, {
		check: { type: 'boolean', default: false },
		content: { type: 'string', default: 'content' },
		out: { type: 'string', default: '.github/CODEOWNERS' },
	});
	const { text, problems } = codeowners(
		readContent(values.content).playbook,
		values.content.replace(/^\.\//, ''),
	);

	// 2. With --check, compare with the committed file instead of writing it.
	if (values.check) {
		const current = existsSync(values.out) ? readFileSync(values.out, 'utf8') : undefined;
		if (current !== text) {
			problems.push(
				problem(
					'StaleCodeowners',
					values.out,
					'-',
					current === undefined ? 'does not exist' : 'does not match the owners in content/',
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
