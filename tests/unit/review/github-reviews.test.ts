import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type GithubReview, standingApprovals } from '../../../src/review/github-reviews.ts';
import { FIXTURES } from '../../support/helpers.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { ROOT } from '../../support/sites.ts';

/** Recorded responses of GET /repos/{owner}/{repo}/pulls/{n}/reviews, as the workflow saves them. */
const recorded = (name: string) => join(FIXTURES, 'github', name);
const read = (name: string) => JSON.parse(readFileSync(recorded(name), 'utf8')) as GithubReview[];
const OLD = '3f1c2a9d8e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c';
const NEW = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';

describe('reading the recorded reviews', () => {
	test('approvals re-given on the latest commit stand; a comment does not cancel, a dismissal does', () => {
		expect(standingApprovals(read('reviews-both-sides.json'), NEW)).toEqual([
			'miamarketer',
			'samseller',
		]);
	});
	test('before the new push, only the approval on that commit counted', () => {
		expect(standingApprovals(read('reviews-both-sides.json'), OLD)).toEqual([]);
		expect(standingApprovals(read('reviews-changes-requested.json'), OLD)).toEqual(['samseller']);
	});
});

describe('the gate fed with recorded reviews, as the workflow runs it', () => {
	test('passes with both sides on the latest commit, waits when marketing requested changes', () => {
		const repo = new TestRepo();
		repo.git('checkout', '-q', '-b', 'change');
		repo.commit(
			'Raise the MQL bar',
			repo.edit('content/lead-stages/mql.mdx', (t) =>
				t.replace('score_threshold: 100', 'score_threshold: 120'),
			),
		);
		const gate = (file: string, sha: string) =>
			spawnSync(
				process.execPath,
				[
					join(ROOT, 'src', 'cli', 'playbook.ts'),
					'approvals',
					'--base',
					'main',
					'--head',
					'change',
					'--reviews',
					recorded(file),
					'--head-sha',
					sha,
					'--author',
					'someone-else',
				],
				{ cwd: repo.root, encoding: 'utf8' },
			);
		expect(gate('reviews-both-sides.json', NEW).status).toBe(0);
		const waiting = gate('reviews-changes-requested.json', OLD);
		expect(waiting.status).toBe(1);
		expect(waiting.stdout).toContain(
			'content/lead-stages/mql.mdx  approvals  waiting for a marketing owner (Mia Marketer @miamarketer).',
		);
	});
});
