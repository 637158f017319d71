/**
 * `npm run mutation`: Stryker mutates the schemas and the checker and runs their in-process
 * tests against every mutant (stryker.config.mjs). The run fails below a 90% mutation score,
 * and, as the ownership rule is the promise the whole playbook rests on, below 100% on it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');
/** Files that must have every mutant killed. */
const MUST_KILL_ALL = ['src/checks/rules/ownership.ts'];

const stryker = spawnSync(
	process.execPath,
	[
		join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'),
		'run',
		...process.argv.slice(2),
	],
	{ cwd: ROOT, stdio: 'inherit' },
);

interface Mutant {
	status: string;
	location: { start: { line: number } };
	mutatorName: string;
	replacement?: string;
}
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
	files: Record<string, { mutants: Mutant[] }>;
};

/** Killed or timed out, over every mutant that some test reached or could have. */
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
function score(mutants: Mutant[]): number {
	const counted = mutants.filter((m) => COUNTED.has(m.status));
	return counted.length === 0
		? 100
		: (100 * counted.filter((m) => DETECTED.has(m.status)).length) / counted.length;
}

let failed = stryker.status !== 0;
for (const file of MUST_KILL_ALL) {
	const mutants = report.files[file]?.mutants ?? [];
	const survivors = mutants.filter((m) => COUNTED.has(m.status) && !DETECTED.has(m.status));
	console.log(
		`${file}: ${score(mutants).toFixed(2)}% of ${mutants.length} mutants detected (must be 100%).`,
	);
	for (const m of survivors)
		console.log(
			`  ${file}:${m.location.start.line}  ${m.mutatorName}  ${m.status}: ${m.replacement ?? ''}`,
		);
	if (survivors.length > 0 || mutants.length === 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
