import { describe, expect, test } from 'vitest';
import { planDriftIssues, DRIFT_LABEL } from '../../../src/crm/drift-issues.ts';
import { driftOf, type Difference } from '../../../src/crm/drift.ts';
import {
	hubspotPicklist,
	hubspotPropertyBody,
	HubspotPropertySchema,
} from '../../../src/crm/hubspot.ts';
import { wantedPicklists } from '../../../src/crm/picklist.ts';
import type { GithubIssue } from '../../../src/review/reminders.ts';
import { examplePlaybook } from './crm-fixtures.ts';

const playbook = examplePlaybook();
const lifecycle = wantedPicklists(playbook, 'hubspot')[0]!;

/** Drift where HubSpot relabelled "customer" to a hostile label. */
function drift(label = 'Customer'): Difference[] {
	const body = hubspotPropertyBody(lifecycle);
	body.options.find((o) => o.value === 'customer')!.label = label;
	return driftOf(lifecycle, hubspotPicklist(HubspotPropertySchema.parse(body)));
}

const input = (differences: Difference[], issues: GithubIssue[] = []) => ({
	playbook,
	crm: 'hubspot' as const,
	differences,
	issues,
	siteUrl: 'https://playbook.example',
	today: '2026-11-24',
});

describe('the drift workflow: one issue per drifted lead stage', () => {
	test('creates one, assigned to the owners; carried out, the next run does nothing; fixed, it closes', () => {
		const [create, ...rest] = planDriftIssues(input(drift()));
		expect(rest).toEqual([]);
		expect(create).toMatchObject({
			action: 'create',
			definition: 'lead-stages/closed-won',
			title: 'CRM drift: Closed Won in HubSpot',
			labels: [DRIFT_LABEL],
		});
		expect(create!.assignees.length).toBeGreaterThan(0);
		const issue: GithubIssue = {
			number: 7,
			title: create!.title,
			body: create!.action === 'create' ? create!.body : '',
			state: 'open',
			labels: [DRIFT_LABEL],
			assignees: create!.assignees.map((login) => ({ login })),
		};
		expect(planDriftIssues(input(drift(), [issue]))).toEqual([]);
		expect(planDriftIssues(input([], [issue]))).toMatchObject([
			{
				action: 'close',
				number: 7,
				comment: 'Closed: HubSpot agrees with the playbook on `lead-stages/closed-won` again.',
			},
		]);
	});

	test('a label from the CRM cannot mention, link or inject markup into the issue', () => {
		const [create] = planDriftIssues(
			input(drift('@org/team #1 <img src=x onerror=alert(1)> https://evil.example ](x)')),
		);
		const body = create!.action === 'create' ? create!.body : '';
		expect(body).not.toMatch(/<img|@org|#1\b|https:\/\/evil/);
		expect(body).toContain('&lt;img');
	});
});
