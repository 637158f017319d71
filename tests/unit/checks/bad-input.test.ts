import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../../src/checks/problems/reporters.ts';
import { check, lines, playbookWith, where } from '../../support/helpers.ts';

/** Each broken fixture gives exactly these lines: file, field, problem and fix. */
describe('bad input gets one clear line per problem', () => {
	test('valid minimal playbook has no problems', () => {
		const report = check(playbookWith());
		expect(report.problems).toEqual([]);
		expect(report.errorCount).toBe(0);
	});

	test('owners from one side only', () => {
		expect(lines(check(playbookWith('missing-marketing-owner')))).toMatchInlineSnapshot(`
			[
			  "content/lead-stages/mql.mdx  owners  needs an owner from marketing; has sam-seller (sales). Add a marketing owner from content/team.",
			]
		`);
	});

	test('owners from departments that count for neither side', () => {
		expect(lines(check(playbookWith('other-departments-only')))).toMatchInlineSnapshot(`
			[
			  "content/slas/mql-follow-up.mdx  owners  needs an owner from sales and an owner from marketing; has rae-ops (revenue-operations), cole-success (customer-success). Add a sales owner and a marketing owner from content/team.",
			]
		`);
	});

	test('an owner who is not in content/team', () => {
		expect(lines(check(playbookWith('unknown-owner')))).toMatchInlineSnapshot(`
			[
			  "content/personas/cfo.mdx  owners  names mia-marketter, who is not in content/team. Did you mean mia-marketer? Write mia-marketer, or add content/team/mia-marketter.yaml if mia-marketter is someone new.",
			]
		`);
	});

	test('an empty owner list', () => {
		expect(lines(check(playbookWith('empty-owners')))).toMatchInlineSnapshot(`
			[
			  "content/icp/tier-one.mdx  owners  is empty; every definition needs an owner from sales and one from marketing. Add a sales owner and a marketing owner by their ids in content/team.",
			]
		`);
	});

	test('the same person twice does not make two sides', () => {
		expect(lines(check(playbookWith('duplicate-owner')))).toMatchInlineSnapshot(`
			[
			  "content/library/benchmark.mdx  owners  lists sam-seller more than once. List each person once; add a second person for the other side.",
			  "content/library/benchmark.mdx  owners  needs an owner from marketing; has sam-seller (sales). Add a marketing owner from content/team.",
			]
		`);
	});

	test('a person with no department', () => {
		const report = check(playbookWith('team-missing-department'));
		expect(where(report)).toContainEqual([
			'content/team/mia-marketer.yaml',
			'department',
			'MissingField',
		]);
		// The cause is one line, on Mia's own file: the definitions she co-owns do not each add
		// "Add a marketing owner", which would fix nothing. They are judged again once it is fixed.
		expect(report.problems.filter((p) => p.code === 'OneSidedOwnership')).toEqual([]);
		expect(report.errorCount).toBe(1);
	});

	test('dangling references in every reference field, all reported in one run', () => {
		expect(lines(check(playbookWith('dangling-references')))).toMatchInlineSnapshot(`
			[
			  "content/lead-stages/mql.mdx  next  names "sql", but there is no lead stage with that id in content/lead-stages. Use the id of an existing file in content/lead-stages, or add content/lead-stages/sql.mdx.",
			  "content/library/roi-case.mdx  personas  names "controler", but there is no persona with that id in content/personas. Did you mean controller? Write controller, or add content/personas/controler.mdx if it is a new persona.",
			  "content/library/roi-case.mdx  stages  names "consideration", but there is no buyer stage with that id in content/buyer-stages. Use the id of an existing file in content/buyer-stages, or add content/buyer-stages/consideration.mdx.",
			  "content/personas/cfo.mdx  coverage  info: no library item serves CFO at the Decision stage. Plan an item with stages: [decision] for this persona (see /coverage/).",
			  "content/personas/controller.mdx  coverage  info: no library item serves Controller at the Decision stage. Plan an item with stages: [decision] for this persona (see /coverage/).",
			  "content/personas/controller.mdx  icp  names "tier-two", but there is no ICP tier with that id in content/icp. Use the id of an existing file in content/icp, or add content/icp/tier-two.mdx.",
			  "content/slas/mql-follow-up.mdx  lead_stage  names "sal", but there is no lead stage with that id in content/lead-stages. Use the id of an existing file in content/lead-stages, or add content/lead-stages/sal.mdx.",
			]
		`);
	});

	test('a duplicate id across .md and .mdx', () => {
		expect(lines(check(playbookWith('duplicate-id')))).toMatchInlineSnapshot(`
			[
			  "content/lead-stages/won.mdx  id  the id "won" is already used by content/lead-stages/won.md. Rename one of the two files, or delete the one that is out of date.",
			]
		`);
	});

	test('an unreachable lead stage', () => {
		expect(lines(check(playbookWith('unreachable-stage')))).toMatchInlineSnapshot(`
			[
			  "content/lead-stages/nurture.mdx  next  no stage leads here from the entry stage new, so no lead can ever reach nurture. Add nurture to the next list of the stage that leads into it.",
			]
		`);
	});

	test('a cycle with no exit', () => {
		expect(lines(check(playbookWith('cycle-without-exit')))).toMatchInlineSnapshot(`
			[
			  "content/lead-stages/nurture.mdx  next  from nurture every path loops back without reaching a stage that ends the lifecycle. Give one stage on the loop a next stage with an empty next list (for example disqualified).",
			  "content/lead-stages/recontact.mdx  next  from recontact every path loops back without reaching a stage that ends the lifecycle. Give one stage on the loop a next stage with an empty next list (for example disqualified).",
			]
		`);
	});

	test('two stages share the lowest order', () => {
		expect(lines(check(playbookWith('two-entry-stages')))).toMatchInlineSnapshot(`
			[
			  "content/lead-stages/won.mdx  order  is 1, the same as new, so the lifecycle has two entry stages. Give the entry stage the lowest order and this one a higher order.",
			]
		`);
	});

	test('malformed YAML', () => {
		expect(lines(check(playbookWith('malformed-yaml')))).toMatchInlineSnapshot(`
			[
			  "content/personas/cfo.mdx  frontmatter  line 4: the frontmatter is not valid YAML: bad indentation of a mapping entry. Fix the YAML syntax there (indent with spaces, quote text that contains ": " or starts with a symbol).",
			]
		`);
	});

	test('no frontmatter', () => {
		expect(lines(check(playbookWith('missing-frontmatter')))).toMatchInlineSnapshot(`
			[
			  "content/buyer-stages/decision.mdx  frontmatter  the file does not start with a --- frontmatter block. Start the file with ---, the keys of the content contract, and a closing ---.",
			]
		`);
	});

	test('a wrong type', () => {
		expect(lines(check(playbookWith('wrong-type')))).toMatchInlineSnapshot(`
			[
			  "content/buyer-stages/awareness.mdx  order  "first" is text, not a number. Write a number instead.",
			]
		`);
	});

	test('an unknown key, with a spelling hint', () => {
		expect(lines(check(playbookWith('unknown-key')))).toMatchInlineSnapshot(`
			[
			  "content/library/benchmark.mdx  sumary  is not a key of the content contract. Rename it to summary if that is what you meant, or remove it.",
			]
		`);
	});

	test('an impossible date', () => {
		expect(lines(check(playbookWith('impossible-date')))).toMatchInlineSnapshot(`
			[
			  "content/icp/tier-one.mdx  reviewed  "2026-02-30" is not a real date. Write the day as YYYY-MM-DD, for example 2026-10-01.",
			]
		`);
	});

	test('a javascript: URL', () => {
		expect(lines(check(playbookWith('javascript-url')))).toMatchInlineSnapshot(`
			[
			  "content/library/benchmark.mdx  url  "javascript:alert(1)" is not an http(s) address. Link to the asset with a full https:// address.",
			]
		`);
	});

	test('a value outside its enum', () => {
		expect(lines(check(playbookWith('bad-enum')))).toMatchInlineSnapshot(`
			[
			  "content/personas/controller.mdx  status  "aproved" is not one of draft, approved, deprecated. Did you mean approved? Use one of the listed values.",
			]
		`);
	});

	test('a missing required key', () => {
		expect(lines(check(playbookWith('missing-field')))).toMatchInlineSnapshot(`
			[
			  "content/slas/mql-follow-up.mdx  escalation  is required but missing. Add escalation: with text.",
			]
		`);
	});

	test('a file name that is not an id', () => {
		expect(lines(check(playbookWith('invalid-id')))).toMatchInlineSnapshot(`
			[
			  "content/personas/Big Boss.mdx  id  the file name gives the id "Big Boss", which is not a valid id. Rename the file using letters, digits, - and _ only, for example big-boss.mdx.",
			]
		`);
	});

	test('an upper-case file name is a valid id; an invisible character in one is not', () => {
		const root = playbookWith();
		const stages = join(root, 'content', 'lead-stages');
		writeFileSync(
			join(stages, 'SQL.mdx'),
			readFileSync(join(stages, 'won.mdx'), 'utf8').replace('order: 3', 'order: 5'),
		);
		const mql = join(stages, 'mql.mdx');
		writeFileSync(
			mql,
			readFileSync(mql, 'utf8').replace(
				'next: [won, disqualified]',
				'next: [won, disqualified, SQL]',
			),
		);
		expect(check(root).problems).toEqual([]);

		writeFileSync(join(stages, 'wo\u200bn.mdx'), readFileSync(join(stages, 'won.mdx')));
		expect(where(check(root))).toEqual([['content/lead-stages/wo\u200bn.mdx', 'id', 'InvalidId']]);
	});

	test('a file that is not UTF-8', () => {
		expect(lines(check(playbookWith('not-utf8')))).toMatchInlineSnapshot(`
			[
			  "content/team/jose-ruiz.yaml  -  is not UTF-8 text. Save the file as UTF-8 in your editor.",
			]
		`);
	});

	test('a whitespace-only title', () => {
		expect(lines(check(playbookWith('empty-title')))).toMatchInlineSnapshot(`
			[
			  "content/buyer-stages/decision.mdx  title  "   " is empty. Write some text here.",
			]
		`);
	});

	test('a negative SLA target', () => {
		expect(lines(check(playbookWith('negative-target')))).toMatchInlineSnapshot(`
			[
			  "content/slas/mql-follow-up.mdx  commitments[0].target  -2 is not more than zero. Set a target above zero.",
			]
		`);
	});

	test('an onboarding step pointing at nothing, or at no collection', () => {
		expect(lines(check(playbookWith('dangling-track-step')))).toEqual([
			'content/tracks/sdr.mdx  steps[1].read  names "lead-stages/sql", but there is no sql in content/lead-stages. Use the id of an existing file in content/lead-stages.',
			'content/tracks/sdr.mdx  steps[2].read  names "playbooks/x", but playbooks is not a collection. Start it with one of team, personas, icp, lead-stages, buyer-stages, library, slas, glossary, metrics, tracks, guides.',
		]);
	});

	test('glossary and metric references resolve like every other', () => {
		expect(where(check(playbookWith('dangling-see-also', 'dangling-metric-stage')))).toEqual([
			['content/glossary/lead-score.mdx', 'see_also', 'DanglingReference'],
			['content/metrics/mql-to-won.mdx', 'lead_stages', 'DanglingReference'],
		]);
	});

	test('glossary terms and metrics are co-owned like every definition', () => {
		expect(lines(check(playbookWith('one-sided-glossary')))).toEqual([
			'content/glossary/lead-score.mdx  owners  needs an owner from sales; has mia-marketer (marketing). Add a sales owner from content/team.',
		]);
	});

	test('a coverage gap is information, never an error', () => {
		const report = check(playbookWith('coverage-gap'));
		expect(report.errorCount).toBe(0);
		expect(report.warningCount).toBe(0);
		expect(lines(report)).toEqual([
			'content/personas/cfo.mdx  coverage  info: no library item serves CFO at the Decision stage. Plan an item with stages: [decision] for this persona (see /coverage/).',
		]);
	});

	test('an SLA whose commitments speak only of another lead stage is information, with the fix', () => {
		const root = playbookWith();
		const sla = join(root, 'content', 'slas', 'mql-follow-up.mdx');
		writeFileSync(sla, readFileSync(sla, 'utf8').replace('lead_stage: mql', 'lead_stage: won'));
		const report = check(root);
		expect(report.errorCount + report.warningCount).toBe(0);
		expect(lines(report)).toEqual([
			'content/slas/mql-follow-up.mdx  lead_stage  info: is won (Won), but the commitments speak of MQL. If the SLA governs MQL, set lead_stage: mql; otherwise name the Won in the commitments.',
		]);
		expect(formatSummary(report)).toBe(
			'Playbook is valid: 0 errors, 0 warnings in 21 files. 1 SLA naming another lead stage noted.',
		);
		// Naming its own stage beside another is what an SLA on a stage often does: no note.
		writeFileSync(
			sla,
			readFileSync(sla, 'utf8').replace(
				'First contact attempt on a new MQL',
				'First contact attempt on a new MQL, until it is Won or recycled',
			),
		);
		expect(lines(check(root))).toEqual([]);
	});

	test('a YAML mistake in one file leaves the other files checked', () => {
		const root = playbookWith();
		const cfo = join(root, 'content', 'personas', 'cfo.mdx');
		writeFileSync(cfo, readFileSync(cfo, 'utf8').replace(/^role: .*$/m, 'role: CFO: finance'));
		const sla = join(root, 'content', 'slas', 'mql-follow-up.mdx');
		writeFileSync(sla, readFileSync(sla, 'utf8').replace('lead_stage: mql', 'lead_stage: mqll'));
		expect(where(check(root))).toEqual([
			['content/personas/cfo.mdx', 'frontmatter', 'MalformedFrontmatter'],
			['content/slas/mql-follow-up.mdx', 'lead_stage', 'DanglingReference'],
		]);
	});

	test('a README beside the entries explains the folder and is not an entry', () => {
		const root = playbookWith();
		writeFileSync(
			join(root, 'content', 'personas', 'README.md'),
			'# Personas\n\nOne file per persona.\n',
		);
		const report = check(root);
		expect(report.problems).toEqual([]);
		expect(report.fileCount).toBe(21);
	});

	test('a misspelt collection folder is a warning, not silence', () => {
		const report = check(playbookWith('unknown-folder'));
		expect(where(report)).toEqual([['content/persona', '-', 'UnknownFolder']]);
		expect(report.errorCount).toBe(0);
	});

	test('a missing content/team is one line for the folder, not one per definition', () => {
		const root = playbookWith();
		rmSync(join(root, 'content', 'team'), { recursive: true });
		expect(lines(check(root))).toEqual([
			'content/team  -  has no people, so no definition can have owners. Add a file per person, such as team/dana-whitfield.yaml with name, title and department.',
		]);
	});

	test('a team whose every file is broken is one line per file, and no line blames a definition', () => {
		const root = playbookWith();
		for (const person of ['sam-seller', 'mia-marketer', 'rae-ops', 'cole-success'])
			writeFileSync(join(root, 'content', 'team', `${person}.yaml`), 'name: [\n');
		const report = check(root);
		expect(report.problems.filter((p) => p.code === 'MalformedFrontmatter')).toHaveLength(4);
		expect(report.problems.some((p) => p.code === 'MissingTeam')).toBe(false);
		expect(report.errorCount).toBe(4);
	});

	test('an empty content folder reports the missing team and nothing else', () => {
		const root = playbookWith();
		rmSync(join(root, 'content'), { recursive: true });
		mkdirSync(join(root, 'content'));
		expect(where(check(root))).toEqual([['content/team', '-', 'MissingTeam']]);
	});

	test('several kinds at once: every problem is reported, not only the first', () => {
		const report = check(
			playbookWith(
				'missing-marketing-owner',
				'impossible-date',
				'javascript-url',
				'unreachable-stage',
				'malformed-yaml',
			),
		);
		expect(where(report)).toEqual([
			['content/icp/tier-one.mdx', 'reviewed', 'InvalidValue'],
			['content/lead-stages/mql.mdx', 'owners', 'OneSidedOwnership'],
			['content/lead-stages/nurture.mdx', 'next', 'UnreachableStage'],
			['content/library/benchmark.mdx', 'url', 'InvalidValue'],
			['content/personas/cfo.mdx', 'frontmatter', 'MalformedFrontmatter'],
		]);
	});

	test('CRLF line endings and a byte-order mark are read like any other file', () => {
		const root = playbookWith();
		const file = join(root, 'content', 'buyer-stages', 'awareness.mdx');
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
		expect(check(root).problems).toEqual([]);
	});
});

describe('YAML aliases that repeat text past any need', () => {
	test('a team file whose anchors and aliases stand for millions of values is one line, at once', () => {
		const root = playbookWith();
		const file = join(root, 'content', 'team', 'rae-ops.yaml');
		const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
		for (const name of 'bcdefg') {
			const previous = bomb.at(-1)![0];
			bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
		}
		writeFileSync(file, `${readFileSync(file, 'utf8')}${bomb.join('\n')}\n`);
		const started = performance.now();
		const report = check(root);
		expect(performance.now() - started).toBeLessThan(5000);
		expect(lines(report)).toEqual([
			'content/team/rae-ops.yaml  frontmatter  line 9: the file repeats text through aliases (*name) until it would hold more than 1,000,000 characters, far more than any entry needs. Write the values out instead of repeating them with & anchors and * aliases.',
		]);
	});
});
