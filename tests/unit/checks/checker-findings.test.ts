import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scoresNamedIn, figuresInUnit } from '../../../src/checks/rules/stated-twice.ts';
import { check, lines, playbookWith, runPlaybook, TODAY } from '../../support/helpers.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { ROOT } from '../../support/sites.ts';
import { writeFileSync } from 'node:fs';

/** What the checker says a newcomer meets: numbers stated twice, departures, nothing to approve. */
describe('a number stated twice', () => {
	test('scores are read after the word score, and only there', () => {
		expect(scoresNamedIn('Lead score of 100 or more')).toEqual([100]);
		expect(scoresNamedIn('Score ≥ 1,000 points')).toEqual([1000]);
		expect(scoresNamedIn('Scores at least 75 on fit')).toEqual([75]);
		expect(scoresNamedIn('Visited pricing 3 times')).toEqual([]);
		expect(scoresNamedIn('Score in 2 systems agrees')).toEqual([]);
		expect(scoresNamedIn('Fit score above 80%')).toEqual([]);
		expect(scoresNamedIn('Lead score of 100, or a demo request')).toEqual([100]);
	});
	test('an SLA figure is read only in the commitment’s own unit', () => {
		expect(figuresInUnit('First contact within 4 business hours', 'business hours')).toEqual([4]);
		expect(figuresInUnit('Call within 1 business hour', 'business hours')).toEqual([1]);
		expect(figuresInUnit('Top 3 accounts first', 'business hours')).toEqual([]);
	});
	test('the example playbook states every number once, or the same twice', () => {
		expect(lines(check(ROOT)).filter((line) => line.includes('score_threshold is'))).toEqual([]);
	});
});

describe('someone leaving on a day still to come', () => {
	test('is a note on their own file, saying when they stop counting', () => {
		const root = playbookWith();
		const file = join(root, 'content', 'team', 'mia-marketer.yaml');
		writeFileSync(
			file,
			'name: Mia Marketer\ntitle: Demand Generation Lead\ndepartment: marketing\ngithub: miamarketer\nleft: 2027-03-31\n',
		);
		const report = check(root);
		const note = report.problems.find((p) => p.code === 'PersonLeaving');
		expect(note).toMatchObject({
			file: 'content/team/mia-marketer.yaml',
			field: 'left',
			severity: 'info',
			message:
				'is March 31, 2027, a day still to come: until then Mia Marketer counts for marketing, and from that day for neither side',
		});
		expect(report.errorCount).toBe(0);
		expect(TODAY < '2027-03-31').toBe(true);
	});
});

describe('npm run approvals on a change that touches no definition', () => {
	test('says there is nothing to approve, and passes', () => {
		const repo = new TestRepo();
		repo.git('checkout', '-q', '-b', 'change');
		repo.commit('Only a readme', { 'README.md': 'Hello\n' });
		const result = runPlaybook(['approvals', '--base', 'main', '--approved-by', ''], repo.root);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(
			'Nothing to approve: this change touches no definition and no one in content/team.\n',
		);
	});
});
