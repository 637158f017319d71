import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { APPROVALS_CONTEXT, approvalRuleset } from '../../../src/review/ruleset.ts';
import { ROOT } from '../../support/sites.ts';

describe('the recommended ruleset', () => {
	test('requires the status the approvals workflow posts, from GitHub Actions only', () => {
		const ruleset = approvalRuleset({ slug: 's', id: 1 }, { slug: 'm', id: 2 });
		expect(ruleset.rules[1]).toEqual({
			type: 'required_status_checks',
			parameters: {
				strict_required_status_checks_policy: false,
				do_not_enforce_on_create: false,
				required_status_checks: [{ context: 'playbook/approvals', integration_id: 15368 }],
			},
		});
		expect(ruleset.bypass_actors).toEqual([]);
		expect(ruleset.conditions.ref_name.include).toEqual(['~DEFAULT_BRANCH']);
	});

	test('names the context the workflow posts', () => {
		const gate = readFileSync(join(ROOT, '.github', 'workflows', 'approvals-gate.yml'), 'utf8');
		expect(gate).toContain(`-f context=${APPROVALS_CONTEXT}`);
	});
});
