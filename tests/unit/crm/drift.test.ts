import { describe, expect, test } from 'vitest';
import { driftOf, formatDifference, type Difference } from '../../../src/crm/drift.ts';
import {
	type HubspotPropertyBody,
	hubspotPicklist,
	hubspotPropertyBody,
	HubspotPropertySchema,
} from '../../../src/crm/hubspot.ts';
import { type CrmPicklist, wantedPicklists } from '../../../src/crm/picklist.ts';
import { leadStatusXml, readSalesforceMetadata } from '../../../src/crm/salesforce.ts';
import { examplePlaybook } from './crm-fixtures.ts';

const playbook = examplePlaybook();
const hubspot = wantedPicklists(playbook, 'hubspot');
const salesforce = wantedPicklists(playbook, 'salesforce');
const lifecycle = hubspot.find((p) => p.name === 'lifecyclestage')!;
const reasons = hubspot.find((p) => p.kind === 'reasons')!;
const leadStatus = salesforce.find((p) => p.kind === 'stages')!;

/** What HubSpot answers once the export is imported, edited by `change`. */
function hubspotAnswer(
	picklist = lifecycle,
	change: (body: HubspotPropertyBody) => void = () => {},
): CrmPicklist {
	const body = structuredClone(hubspotPropertyBody(picklist));
	change(body);
	return hubspotPicklist(HubspotPropertySchema.parse(body));
}

function linesOf(differences: Difference[]): string[] {
	return differences.map(formatDifference);
}

describe('drift: the export read back agrees with the playbook', () => {
	test.each(hubspot.map((p) => [p.name, p] as const))('HubSpot %s', (_, picklist) => {
		expect(driftOf(picklist, hubspotAnswer(picklist))).toEqual([]);
	});
	test('Salesforce LeadStatus, through its XML', () => {
		const answer = readSalesforceMetadata(leadStatusXml(leadStatus), 'LeadStatus');
		expect(driftOf(leadStatus, answer)).toEqual([]);
	});
});

describe('drift: each kind of difference gives exactly its one line', () => {
	test('a mapped value missing in the CRM', () => {
		const answer = hubspotAnswer(
			lifecycle,
			(b) => (b.options = b.options.filter((o) => o.value !== 'lead')),
		);
		expect(linesOf(driftOf(lifecycle, answer))).toEqual([
			'content/lead-stages/inquiry.mdx  crm.hubspot.value  CRM: no option lead in HubSpot\'s lifecyclestage; playbook: "Inquiry" (lead). Add the option to HubSpot\'s lifecyclestage (npm run crm -- apply --to hubspot), or set crm.hubspot.value to the value HubSpot uses for this stage.',
		]);
	});

	test('a label that differs', () => {
		const answer = hubspotAnswer(
			lifecycle,
			(b) => (b.options.find((o) => o.value === 'customer')!.label = 'Customer'),
		);
		expect(linesOf(driftOf(lifecycle, answer))).toEqual([
			'content/lead-stages/closed-won.mdx  crm.hubspot.value  CRM: labelled "Customer" in HubSpot\'s lifecyclestage; playbook: "Closed Won". Relabel the option in HubSpot (npm run crm -- apply --to hubspot) so reps and the CRM use one name, or retitle the stage.',
		]);
	});

	test('an order that differs: one option moved is one line', () => {
		const answer = hubspotAnswer(
			lifecycle,
			(b) => (b.options.find((o) => o.value === 'lead')!.displayOrder = 99),
		);
		const differences = driftOf(lifecycle, answer);
		expect(differences.map((d) => [d.kind, d.file, d.field])).toEqual([
			['order', 'content/lead-stages/inquiry.mdx', 'order'],
		]);
		expect(differences[0]!.playbook).toBe(
			'before "Marketing Qualified Lead" (marketingqualifiedlead)',
		);
	});

	test('an option hidden in the CRM that the playbook uses', () => {
		const answer = hubspotAnswer(
			lifecycle,
			(b) => (b.options.find((o) => o.value === 'opportunity')!.hidden = true),
		);
		expect(driftOf(lifecycle, answer).map((d) => [d.kind, d.file, d.crm])).toEqual([
			[
				'hidden',
				'content/lead-stages/sao.mdx',
				'"Sales Accepted Opportunity" (opportunity) is hidden in HubSpot\'s lifecyclestage',
			],
		]);
	});

	test('an option no stage maps: information, or an error with --strict', () => {
		const extra = (b: HubspotPropertyBody) =>
			b.options.push({ label: 'Evangelist', value: 'evangelist', displayOrder: 6, hidden: false });
		const [info] = driftOf(lifecycle, hubspotAnswer(lifecycle, extra));
		expect(formatDifference(info!)).toBe(
			'content/lead-stages/  crm.hubspot  CRM: "Evangelist" (evangelist) in HubSpot\'s lifecyclestage; playbook: no stage maps to it. Map a stage to it (crm.hubspot in the stage\'s file), or retire the option in HubSpot once no lead holds it.',
		);
		expect(info!.severity).toBe('info');
		expect(driftOf(lifecycle, hubspotAnswer(lifecycle, extra), { strict: true })[0]!.severity).toBe(
			'error',
		);
	});

	test('converted that differs (Salesforce)', () => {
		const xml = leadStatusXml(leadStatus).replace(
			/(<fullName>Closed - Converted<\/fullName>[\s\S]*?<converted>)true/,
			'$1false',
		);
		expect(linesOf(driftOf(leadStatus, readSalesforceMetadata(xml, 'LeadStatus')))).toEqual([
			'content/lead-stages/sao.mdx  crm.salesforce.converted  CRM: "Sales Accepted Opportunity" (Closed - Converted) does not convert the lead; playbook: converted: true. Change "Converted" on the status in Salesforce Setup (or deploy the export), or set crm.salesforce.converted: false.',
		]);
	});

	test('an inactive Salesforce status the playbook uses', () => {
		const xml = leadStatusXml(leadStatus).replace(
			'<fullName>Nurture</fullName>',
			'<fullName>Nurture</fullName>\n        <isActive>false</isActive>',
		);
		expect(
			driftOf(leadStatus, readSalesforceMetadata(xml, 'LeadStatus')).map((d) => [d.kind, d.file]),
		).toEqual([['hidden', 'content/lead-stages/recycle.mdx']]);
	});

	test('a rejection reason missing in the CRM, and one the CRM has in addition', () => {
		const missing = hubspotAnswer(reasons, (b) => b.options.splice(1, 1));
		expect(driftOf(reasons, missing).map((d) => [d.kind, d.file, d.field])).toEqual([
			['missing', 'content/lead-stages/mql.mdx', 'rejection_reasons[1]'],
		]);
		const added = hubspotAnswer(reasons, (b) =>
			b.options.push({
				label: 'Bought elsewhere',
				value: 'bought_elsewhere',
				displayOrder: 50,
				hidden: false,
			}),
		);
		expect(linesOf(driftOf(reasons, added))).toEqual([
			'content/lead-stages/  rejection_reasons  CRM: "Bought elsewhere" (bought_elsewhere) in HubSpot\'s playbook_rejection_reason; playbook: no stage lists this reason. Add the reason to the stage that rejects for it, or retire the option in HubSpot.',
		]);
	});

	test('a field the CRM does not have', () => {
		expect(driftOf(reasons, undefined).map((d) => [d.kind, d.file, d.field])).toEqual([
			['missing-field', 'content/lead-stages/', 'rejection_reasons'],
		]);
	});

	test('descriptions are not compared: the score threshold lives there', () => {
		const answer = hubspotAnswer(lifecycle, (b) =>
			b.options.forEach((o) => (o.description = 'edited in HubSpot')),
		);
		expect(driftOf(lifecycle, answer)).toEqual([]);
		expect(hubspotPropertyBody(lifecycle).options[1]!.description).toMatch(
			/Lead score threshold: 100 or more\.$/,
		);
	});
});
