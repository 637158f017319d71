import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setKeys } from '../../support/catalogue.ts';
import { check, lines, playbookWith, runPlaybookInProcess } from '../../support/helpers.ts';

/** The minimal playbook's October, read back. */
const october = (root: string) =>
	readFileSync(join(root, 'content', 'results', '2026-10.yaml'), 'utf8');

async function importing(root: string, csv: string, args: string[]) {
	writeFileSync(join(root, 'report.csv'), csv);
	return runPlaybookInProcess(['results', 'import', 'report.csv', ...args], root);
}

describe('npm run results -- import --kind slas|rejections|stages', () => {
	test('each kind merges its section into the month, keeping what is there', async () => {
		const root = playbookWith();
		const stages = await importing(
			root,
			'Lifecycle stage,Leads\nNew lead,"1,240"\nMQL,88\nwon,3\n',
			['--month', '2026-10', '--kind', 'stages'],
		);
		expect(stages.stderr).toBe('');
		expect(stages.code).toBe(0);
		expect(stages.stdout).toBe(
			'content/results/2026-10.yaml  written: 3 stages rows for 2026-10 from report.csv\n',
		);
		const rejections = await importing(
			root,
			'Stage,Rejection reason,Count\nmql,student,7\nMarketing Qualified Lead,No budget,0\n',
			['--month', '2026-10', '--kind', 'rejections'],
		);
		expect(rejections.code).toBe(0);
		const slas = await importing(root, 'SLA,Commitment,Value\nMQL follow-up,1,1.5\n', [
			'--month',
			'2026-10',
			'--kind',
			'slas',
		]);
		expect(slas.code).toBe(0);
		expect(october(root)).toBe(
			[
				'month: 2026-10',
				'source: "CRM funnel report, exported 2026-11-01; report.csv, imported 2026-11-24"',
				'metrics:',
				'  mql-to-won: 4.2',
				'slas:',
				'  mql-follow-up: [1.5]',
				'rejections:',
				'  mql:',
				'    No budget: 0',
				'    Student: 7',
				'stages:',
				'  new: 1240',
				'  mql: 88',
				'  won: 3',
				'notes: "First month on the new scoring model."',
				'',
			].join('\n'),
		);
		expect(lines(check(root))).toEqual([]);
	});

	test('a reason that reads as YAML syntax is written quoted, and reads back as itself', async () => {
		const root = playbookWith();
		const reason = 'Bad fit: "enterprise" # not ours, - [x] {y}';
		setKeys(join(root, 'content'), 'lead-stages/mql.mdx', {
			rejection_reasons: [reason, 'Student'],
		});
		const csv = `Stage,Reason,Count\nmql,"${reason.replace(/"/g, '""')}",4\n`;
		const run = await importing(root, csv, ['--month', '2026-10', '--kind', 'rejections']);
		expect(run.stderr).toBe('');
		expect(october(root)).toContain(`    ${JSON.stringify(reason)}: 4\n`);
		expect(lines(check(root))).toEqual([]);
	});

	test('a section the month holds is written anew only with --replace, the rest kept', async () => {
		const root = playbookWith();
		const csv = 'Stage,Count\nmql,88\n';
		expect((await importing(root, csv, ['--month', '2026-10', '--kind', 'stages'])).code).toBe(0);
		const again = await importing(root, 'Stage,Count\nmql,90\n', [
			'--month',
			'2026-10',
			'--kind',
			'stages',
		]);
		expect(again.code).toBe(1);
		expect(again.stderr).toBe(
			"content/results/2026-10.yaml  stages  already holds the stages of 2026-10. Add --replace to write this section again from the report; the file's other sections stay.\n",
		);
		expect(october(root)).toMatch(/^ {2}mql: 88$/m);
		const replaced = await importing(root, 'Stage,Count\nwon,2\n', [
			'--month',
			'2026-10',
			'--kind',
			'stages',
			'--replace',
		]);
		expect(replaced.code).toBe(0);
		expect(october(root)).toMatch(/stages:\n {2}won: 2\nnotes:/);
		expect(october(root)).toMatch(/^ {2}mql-to-won: 4\.2$/m);
	});

	test('a new month may hold a section without metrics', async () => {
		const root = playbookWith();
		const run = await importing(root, 'Stage,Count\nmql,41\n', [
			'--month',
			'2026-11',
			'--kind',
			'stages',
		]);
		expect(run.code).toBe(0);
		expect(readFileSync(join(root, 'content', 'results', '2026-11.yaml'), 'utf8')).toBe(
			'month: 2026-11\nsource: "report.csv, imported 2026-11-24"\nstages:\n  mql: 41\n',
		);
		// The month's metrics are not in yet: information, never a failure.
		expect(lines(check(root)).filter((line) => !/ {2}info: /.test(line))).toEqual([]);
	});

	test.each([
		[
			'stages',
			'Stage,Count\nmql,41\nSQL,4\n',
			/report\.csv {2}row 3 {2}"SQL" is not a lead stage of the playbook\. Use a lead stage id, title or abbreviation/,
		],
		[
			'stages',
			'Stage,Count\nmql,4.5\n',
			/row 2 {2}the count for "Marketing Qualified Lead" is "4\.5", not a whole number of leads\. Write how many leads/,
		],
		['stages', 'Stage,Count\nmql,-3\n', /row 2 {2}the count for .* is "-3", not a whole number/],
		[
			'stages',
			'Stage,Count\nmql,4\nMQL,5\n',
			/row 3 {2}Marketing Qualified Lead is also on row 2\. Keep one row for it/,
		],
		[
			'stages',
			'Stage,Value\nmql,4\n',
			/header {2}has no count column \(it has "Stage", "Value"\)\. Name the columns "stage", "count"/,
		],
		[
			'rejections',
			'Stage,Reason,Count\nmql,Too small,4\n',
			/row 2 {2}"Too small" is not a rejection reason of Marketing Qualified Lead\. Use one of the stage's reasons: "No budget", "Student"\./,
		],
		[
			'rejections',
			'Stage,Reason,Count\nnew,Student,4\n',
			/row 2 {2}"Student" is not a rejection reason of New lead\. New lead lists no rejection reasons/,
		],
		[
			'slas',
			'SLA,Commitment,Value\nmql-follow-up,2,4\n',
			/row 2 {2}MQL follow-up has no commitment "2"\. Give the commitment's number, 1 to 1/,
		],
		[
			'slas',
			'SLA,Commitment,Value\nmql-follow-up,1,soon\n',
			/row 2 {2}the value of "First contact attempt on a new MQL" is "soon", not a number of business hours/,
		],
		[
			'slas',
			'SLA,Commitment,Value\nsql-handoff,1,1\n',
			/row 2 {2}"sql-handoff" is not an SLA of the playbook\. Use an SLA id or title from content\/slas: mql-follow-up\./,
		],
	])('--kind %s refuses a bad row in one line and writes nothing', async (kind, csv, line) => {
		const root = playbookWith();
		const before = october(root);
		const run = await importing(root, csv, ['--month', '2026-10', '--kind', kind]);
		expect(run.code).toBe(1);
		const said = run.stderr.trim().split('\n');
		expect(said).toHaveLength(2);
		expect(said[0]).toMatch(line);
		expect(said[1]).toBe('Nothing was written: 1 row was refused.');
		expect(october(root)).toBe(before);
	});

	test('an unknown kind, or the metric columns with another kind, is a usage mistake', async () => {
		const root = playbookWith();
		const wrong = await importing(root, 'Stage,Count\nmql,4\n', [
			'--month',
			'2026-11',
			'--kind',
			'funnel',
		]);
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toMatch(
			/--kind must be one of metrics, slas, rejections, stages, not "funnel"/,
		);
		const columns = await importing(root, 'Stage,Count\nmql,4\n', [
			'--month',
			'2026-11',
			'--kind',
			'stages',
			'--value-column',
			'Count',
		]);
		expect(columns.code).toBe(2);
		expect(existsSync(join(root, 'content', 'results', '2026-11.yaml'))).toBe(false);
	});
});
