import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../../src/checks/read/read-content.ts';
import { provenanceOf } from '../../../src/model/provenance.ts';
import { ROOT } from '../../support/sites.ts';

const { playbook } = readContent(join(ROOT, 'content'));

describe('provenance: who stands behind an entry, and how fresh it is', () => {
	const mql = playbook.entries['lead-stages'].get('mql')!;

	test('a definition names its owners with departments, its status, reviews and source file', () => {
		const said = provenanceOf(playbook, mql, '2000-01-01', 'https://playbook.example.com/');
		expect(said.owners.length).toBeGreaterThanOrEqual(2);
		for (const owner of said.owners) {
			expect(owner.name).toBe(playbook.entries.team.get(owner.id)!.data.name);
			expect(owner.department).toBe(playbook.entries.team.get(owner.id)!.data.department);
		}
		expect(said.status).toBe(mql.data.status);
		expect(said.reviewed).toBe(mql.data.reviewed);
		expect(said.nextReview! > said.reviewed!).toBe(true);
		expect(said.overdue).toBe(false);
		expect(said.file).toBe(mql.file);
		expect(said.url).toBe('https://playbook.example.com/lead-stages/mql/');
	});

	test('overdue once the next review is past; the path alone without a site', () => {
		const said = provenanceOf(playbook, mql, '2999-01-01');
		expect(said.overdue).toBe(true);
		expect(said.url).toBe('/lead-stages/mql/');
	});

	test('an entry that is not a definition has no owners, status or review', () => {
		const person = [...playbook.entries.team.values()][0]!;
		const said = provenanceOf(playbook, person, '2026-12-04');
		expect(said).toMatchObject({
			owners: [],
			status: undefined,
			reviewed: undefined,
			overdue: false,
		});
		expect(said.file).toBe(person.file);
	});
});
