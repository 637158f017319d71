import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	formatGithubAnnotations,
	formatJson,
	formatProblem,
	formatText,
} from '../../../src/checks/problems/reporters.ts';
import type { Problem } from '../../../src/checks/problems/problems.ts';
import {
	type Case,
	fieldCases,
	fileCases,
	missingKeyCases,
	SAMPLES,
} from '../../support/catalogue.ts';
import { COLLECTION_NAMES, COLLECTIONS, isCollectionName } from '../../../src/schemas/index.ts';
import { check, playbookWith } from '../../support/helpers.ts';

const CASES: Case[] = [...fieldCases(), ...missingKeyCases(), ...fileCases()];

/** The problems a case must account for: every error and warning (notes on coverage aside). */
const reported = (problems: Problem[]) => problems.filter((p) => p.severity !== 'info');

describe('the bad-input catalogue', () => {
	test('holds at least 200 cases, every name unique', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(200);
		expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
	});

	test('its samples cover every collection, with keys the schemas have', () => {
		const folders = Object.keys(SAMPLES).map((file) => file.split('/')[0]!);
		expect([...folders].sort()).toEqual([...COLLECTION_NAMES].sort());
		for (const [file, fields] of Object.entries(SAMPLES)) {
			const collection = file.split('/')[0]!;
			if (!isCollectionName(collection)) throw new Error(`${file} is in no collection`);
			const schema = COLLECTIONS[collection].schema;
			const shape = 'shape' in schema ? schema.shape : schema.def.in.shape;
			for (const key of Object.keys(fields)) expect(Object.keys(shape), file).toContain(key);
		}
	});

	test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, { edit, expect: expected }) => {
		const root = playbookWith();
		edit(join(root, 'content'));
		const report = check(root);
		const problems = reported(report.problems);
		// What a line says after its file and field: its place in the file, the problem, the fix.
		const said = (p: Problem) => `${p.line ? `line ${p.line}: ` : ''}${p.message}. ${p.fix}`;
		const found = problems.map((p) => `${p.file}  ${p.field}  ${said(p)}`);
		// One line per expected problem, in any order, and nothing else.
		expect(found, found.join('\n')).toHaveLength(expected.length);
		for (const [file, field, message] of expected) {
			const match = problems.find(
				(p) => p.file === file && p.field === field && message.test(said(p)),
			);
			expect(match, `no line for ${file}  ${field}  ${message}\n${found.join('\n')}`).toBeDefined();
		}
		for (const p of problems) {
			// One line each, naming the file and field, a problem and a fix.
			expect(formatProblem(p)).not.toContain('\n');
			expect(p.fix).toMatch(/[.?]$/);
			expect(p.message.length).toBeLessThan(400);
		}
		// Word for word, as the terminal, a pull request and a JSON reader get it: the wording is
		// what editors act on, so a change to it shows up in review.
		const { problems: all, ...counts } = JSON.parse(formatJson(report)) as { problems: unknown[] };
		expect(
			[formatText(report), formatGithubAnnotations(report), JSON.stringify(counts)].join('\n'),
		).toMatchSnapshot();
		expect(all).toEqual(JSON.parse(JSON.stringify(report.problems)));
	});
});
