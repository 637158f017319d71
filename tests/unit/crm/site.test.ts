import { describe, expect, test } from 'vitest';
import { crmValueRows } from '../../../src/site/crm-values.ts';
import { crmExport, exportJson, playbookExport } from '../../../src/site/export.ts';
import { fieldLabel } from '../../../src/model/words.ts';
import { examplePlaybook } from './crm-fixtures.ts';

const playbook = examplePlaybook();
const stage = (id: string) => playbook.entries['lead-stages'].get(id)!;

describe('a lead stage page shows its CRM values', () => {
	test('the name reps see, and the value RevOps types', () => {
		expect(crmValueRows(stage('mql'))).toEqual([
			{
				where: 'HubSpot lifecycle stage',
				shown: 'Marketing Qualified Lead',
				value: 'marketingqualifiedlead',
				derived: false,
			},
			{ where: 'Salesforce lead status', shown: 'Marketing Qualified', derived: false },
		]);
		expect(crmValueRows(stage('sao'))[1]!.shown).toBe('Closed - Converted (converts the lead)');
		expect(crmValueRows(stage('recycle'))[0]!.where).toBe('HubSpot lead status');
		expect(crmValueRows(stage('closed-lost')).map((row) => row.shown)).toEqual([
			'Not kept in HubSpot',
			'Not kept in Salesforce',
		]);
	});

	test('its keys read as words', () => {
		expect(fieldLabel('crm.hubspot.value')).toBe('CRM values › HubSpot › value');
		expect(fieldLabel('crm.salesforce.converted')).toBe(
			'CRM values › Salesforce › converts the lead',
		);
	});
});

describe('/playbook.json carries the mapping and the export', () => {
	test('each stage with its values, and the HubSpot properties', () => {
		const { crm } = playbookExport(playbook, 'https://playbook.example', '2026-11-24');
		expect(crm).toEqual(crmExport(playbook));
		expect(crm.stages.find((s) => s.id === 'sal')).toEqual({
			id: 'sal',
			hubspot: { property: 'lifecyclestage', value: '1083215745', valueSource: 'stated' },
			salesforce: { status: 'Working - Contacted', converted: false, statusSource: 'stated' },
		});
		expect(crm.stages.find((s) => s.id === 'closed-lost')).toMatchObject({
			hubspot: null,
			salesforce: null,
		});
		expect(crm.hubspot.map((p) => p.name)).toEqual([
			'lifecyclestage',
			'hs_lead_status',
			'playbook_rejection_reason',
		]);
		const json = exportJson(playbookExport(playbook, 'https://playbook.example', '2026-11-24'));
		expect(JSON.parse(json).crm).toEqual(JSON.parse(JSON.stringify(crm)));
	});
});
