import { describe, expect, test } from 'vitest';
import { checkContent } from '../../../src/checks/index.ts';
import { formatProblem } from '../../../src/checks/problems/reporters.ts';
import {
	crmClashes,
	derivedHubspotValue,
	reasonValue,
	stageMappings,
} from '../../../src/model/crm-mapping.ts';
import { contentWith, examplePlaybook, withCrm } from './crm-fixtures.ts';

function crmLines(dir: string): string[] {
	return checkContent(dir, { today: '2026-11-24' })
		.problems.filter((p) => p.field.startsWith('crm') || p.code.startsWith('Crm'))
		.map((p) => formatProblem(p).replace(/^.*content\//, 'content/'));
}

describe('the mapping of lead stages to CRM values', () => {
	test('derived values read as HubSpot writes its own, and reasons as snake case', () => {
		expect(derivedHubspotValue('Marketing Qualified Lead')).toBe('marketingqualifiedlead');
		expect(derivedHubspotValue('Sales-Accepted Lead (SAL)')).toBe('salesacceptedleadsal');
		expect(reasonValue('Student or job seeker')).toBe('student_or_job_seeker');
		expect(reasonValue('  <script>&"')).toBe('script');
	});

	test('the example playbook maps each stage as its crm: key says, and leaves out what it says', () => {
		const rows = stageMappings(examplePlaybook()).map(({ stage, hubspot, salesforce }) => [
			stage.id,
			hubspot ? `${hubspot.property}=${hubspot.value}` : '-',
			salesforce ? `${salesforce.status}${salesforce.converted ? ' (converted)' : ''}` : '-',
		]);
		expect(rows).toEqual([
			['inquiry', 'lifecyclestage=lead', 'Open - Not Contacted'],
			['mql', 'lifecyclestage=marketingqualifiedlead', 'Marketing Qualified'],
			['sal', 'lifecyclestage=1083215745', 'Working - Contacted'],
			['sql', 'lifecyclestage=salesqualifiedlead', 'Qualified'],
			['sao', 'lifecyclestage=opportunity', 'Closed - Converted (converted)'],
			['closed-won', 'lifecyclestage=customer', '-'],
			['closed-lost', '-', '-'],
			['recycle', 'hs_lead_status=BAD_TIMING', 'Nurture'],
			['disqualified', 'hs_lead_status=UNQUALIFIED', 'Closed - Not Converted'],
		]);
		expect(crmClashes(stageMappings(examplePlaybook()))).toEqual([]);
	});

	test('a stage without crm: is mapped from its title', () => {
		const dir = contentWith({ sql: withCrm('') });
		const sql = stageMappings(checkContent(dir).playbook).find((m) => m.stage.id === 'sql')!;
		expect(sql.hubspot).toEqual({
			property: 'lifecyclestage',
			value: 'salesqualifiedlead',
			valueSource: 'derived',
		});
		expect(sql.salesforce).toEqual({
			status: 'Sales Qualified Lead',
			converted: false,
			statusSource: 'derived',
		});
	});
});

describe('the checker on crm:', () => {
	test('the example playbook has no CRM problem', () => {
		expect(crmLines(contentWith({}))).toEqual([]);
	});

	test('a CRM value two stages name is one error, in the second stage', () => {
		const dir = contentWith({
			sql: withCrm(
				'crm:\n  hubspot: { value: marketingqualifiedlead }\n  salesforce: { status: marketing qualified }',
			),
		});
		expect(crmLines(dir)).toEqual([
			'content/lead-stages/sql.mdx  crm.hubspot.value  is lifecyclestage = marketingqualifiedlead in HubSpot, which mql (Marketing Qualified Lead) is too. Give each stage its own CRM value: set crm.hubspot.value in one of them, or add hubspot to crm.not_in for a stage the CRM does not keep.',
			'content/lead-stages/sql.mdx  crm.salesforce.status  is Marketing Qualified in Salesforce, which mql (Marketing Qualified Lead) is too. Give each stage its own CRM value: set crm.salesforce.status in one of them, or add salesforce to crm.not_in for a stage the CRM does not keep.',
		]);
	});

	test('a property only HubSpot could name, and a malformed one, are one line each', () => {
		const dir = contentWith({
			sql: withCrm('crm:\n  hubspot: { property: hs_analytics_source, value: X }'),
			sao: withCrm('crm:\n  hubspot: { property: Lead Stage }'),
		});
		expect(crmLines(dir)).toEqual([
			expect.stringMatching(
				/^content\/lead-stages\/sao\.mdx {2}crm\.hubspot\.property {2}"Lead Stage" is not a HubSpot property name\. Write its internal name/,
			),
			"content/lead-stages/sql.mdx  crm.hubspot.property  is hs_analytics_source: names starting hs_ are HubSpot's own properties, and of those only hs_lead_status holds lead stages. Use lifecyclestage, hs_lead_status, or the internal name of your own property (which cannot start with hs_).",
		]);
	});

	test('an unknown key under crm: is refused like any other', () => {
		const dir = contentWith({ sql: withCrm('crm:\n  hubspot: { valeu: X }') });
		expect(crmLines(dir)).toEqual([expect.stringContaining('crm.hubspot')]);
	});
});
