import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { planHubspotApply } from '../../../src/crm/apply.ts';
import {
	CrmError,
	readHubspotProperties,
	readSalesforcePicklists,
} from '../../../src/crm/clients.ts';
import { hubspotPropertyBody } from '../../../src/crm/hubspot.ts';
import { leadStatusXml } from '../../../src/crm/salesforce.ts';
import { wantedPicklists } from '../../../src/crm/picklist.ts';
import { main } from '../../../src/cli/playbook.ts';
import { type FakeCrm, hubspotServer, type HubspotState, salesforceServer } from './crm-servers.ts';
import { EXAMPLE, examplePlaybook } from './crm-fixtures.ts';

const playbook = examplePlaybook();
const wanted = wantedPicklists(playbook, 'hubspot');

/** HubSpot as a portal that imported the export, with `change` made to it by hand since. */
function portal(change: (properties: HubspotState['properties']) => void = () => {}): HubspotState {
	const properties = new Map<string, Record<string, unknown>>(
		wanted.map((p) => [
			p.name,
			{
				...hubspotPropertyBody(p),
				hubspotDefined: p.name !== 'playbook_rejection_reason',
				modificationMetadata: {
					archivable: false,
					readOnlyDefinition: false,
					readOnlyValue: false,
				},
			},
		]),
	);
	properties.set('email', {
		name: 'email',
		label: 'Email',
		type: 'string',
		fieldType: 'text',
		options: [],
	});
	change(properties);
	return { token: 'pat-test', properties };
}

type Option = { label: string; value: string; displayOrder: number; hidden: boolean };

/** Runs `npm run crm -- …` in this process: its exit code and what it printed. */
async function crm(...args: string[]) {
	const out: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
	const error = vi
		.spyOn(console, 'error')
		.mockImplementation((line: string) => void out.push(line));
	try {
		const code = await main(['crm', ...args, '--content', EXAMPLE]);
		return { code, out: out.join('\n') };
	} finally {
		log.mockRestore();
		error.mockRestore();
	}
}

let server: FakeCrm | undefined;
beforeEach(() => {
	vi.stubEnv('PLAYBOOK_TODAY', '2026-11-24');
});
afterEach(async () => {
	vi.unstubAllEnvs();
	await server?.close();
	server = undefined;
});

async function hubspot(state: HubspotState) {
	server = await hubspotServer(state);
	vi.stubEnv('HUBSPOT_API_URL', server.url);
	vi.stubEnv('HUBSPOT_TOKEN', state.token);
	return server;
}

describe('HubSpot, live', () => {
	test('drift follows the list of properties from page to page', async () => {
		const state = { ...portal(), pageSize: 1 };
		const { requests } = await hubspot(state);
		expect(await crm('drift', '--from', 'hubspot')).toEqual({
			code: 0,
			out: 'HubSpot agrees with the playbook.',
		});
		expect(requests.map((r) => r.url)).toEqual([
			'/crm/v3/properties/contacts',
			'/crm/v3/properties/contacts?after=1',
			'/crm/v3/properties/contacts?after=2',
			'/crm/v3/properties/contacts?after=3',
		]);
	});

	test('a 429 is waited out once, for its Retry-After', async () => {
		const state = { ...portal(), rateLimited: 1, retryAfter: '2' };
		const { url, requests } = await hubspot(state);
		const sleep = vi.fn(() => Promise.resolve());
		await readHubspotProperties({ baseUrl: url, token: state.token, sleep }, ['lifecyclestage']);
		expect(sleep).toHaveBeenCalledExactlyOnceWith(2);
		expect(requests).toHaveLength(2);
	});

	test('a second 429 is one line, and no third request', async () => {
		const state = { ...portal(), rateLimited: 2 };
		const { url, requests } = await hubspot(state);
		await expect(
			readHubspotProperties({ baseUrl: url, token: state.token, sleep: async () => {} }, ['x']),
		).rejects.toThrow(
			new CrmError(
				'HubSpot is limiting requests (429) (RATE_LIMITS: You have reached your secondly limit.). Wait a few minutes, then run it again.',
			),
		);
		expect(requests).toHaveLength(2);
	});

	test('a token HubSpot refuses is one line, exit 1, and never retried', async () => {
		const { requests } = await hubspot(portal());
		vi.stubEnv('HUBSPOT_TOKEN', 'pat-wrong');
		expect(await crm('drift', '--from', 'hubspot')).toEqual({
			code: 1,
			out: 'HubSpot refused the token for GET /crm/v3/properties/contacts: 401 (INVALID_AUTHENTICATION: Authentication credentials not found.). Check HUBSPOT_TOKEN: a private app token with the crm.schemas.contacts.read scope (and crm.schemas.contacts.write for apply).',
		});
		expect(requests).toHaveLength(1);
	});

	test('without a token, drift says what to set (exit 2)', async () => {
		vi.stubEnv('HUBSPOT_TOKEN', '');
		const { code, out } = await crm('drift', '--from', 'hubspot');
		expect(code).toBe(2);
		expect(out.split('\n')[0]).toBe(
			'HUBSPOT_TOKEN is not set. Set it to a HubSpot private app token, or give --file with a saved answer.',
		);
	});
});

describe('apply --to hubspot', () => {
	/** A portal where hs_lead_status lost "Recycle", relabelled "Disqualified", and has HubSpot's NEW. */
	const drifted = () =>
		portal((properties) => {
			const status = properties.get('hs_lead_status')!;
			status.options = [
				{ label: 'New', value: 'NEW', displayOrder: 0, hidden: false },
				{ label: 'Unqualified', value: 'UNQUALIFIED', displayOrder: 1, hidden: false },
			];
			properties.delete('playbook_rejection_reason');
			const lifecycle = properties.get('lifecyclestage')!;
			(lifecycle.options as Option[]).find((o) => o.value === 'customer')!.label = 'Customer';
		});

	test('prints the plan and changes nothing without --yes', async () => {
		const state = drifted();
		const { requests } = await hubspot(state);
		const { code, out } = await crm('apply', '--to', 'hubspot');
		expect(code).toBe(0);
		expect(out).toBe(
			[
				'lifecyclestage: not changed by apply: HubSpot edits lifecycle stages in Settings › Objects › Contacts › Lifecycle stage, not through its Properties API. Make these changes there:',
				'  relabel "Customer" (customer) → "Closed Won"',
				'hs_lead_status:',
				'  add "Recycle" (BAD_TIMING)',
				'  relabel "Unqualified" (UNQUALIFIED) → "Disqualified"',
				'playbook_rejection_reason:',
				'  create the contact property "Rejection Reason"',
				...wanted.at(-1)!.options.map((o) => `  add "${o.label}" (${o.value})`),
				'Nothing changed yet: run it again with --yes to make these changes.',
			].join('\n'),
		);
		expect(requests.map((r) => r.method)).toEqual(['GET']);
	});

	test('with --yes sends exactly the planned requests; a second run sends none', async () => {
		const state = drifted();
		const { requests } = await hubspot(state);
		expect((await crm('apply', '--to', 'hubspot', '--yes')).code).toBe(0);
		expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
			'GET /crm/v3/properties/contacts',
			'PATCH /crm/v3/properties/contacts/hs_lead_status',
			'POST /crm/v3/properties/contacts',
		]);
		// HubSpot keeps the options it is sent: the playbook's in its order, then NEW, kept and shown.
		expect(requests[1]!.body).toEqual({
			options: [
				{
					label: 'Recycle',
					value: 'BAD_TIMING',
					description: wanted[1]!.options[0]!.description,
					hidden: false,
					displayOrder: 0,
				},
				{ label: 'Disqualified', value: 'UNQUALIFIED', hidden: false, displayOrder: 1 },
				{ label: 'New', value: 'NEW', hidden: false, displayOrder: 2 },
			],
		});
		expect(requests[2]!.body).toEqual(hubspotPropertyBody(wanted.at(-1)!));

		requests.length = 0;
		const again = await crm('apply', '--to', 'hubspot', '--yes');
		expect(again.out).toBe(
			[
				'lifecyclestage: not changed by apply: HubSpot edits lifecycle stages in Settings › Objects › Contacts › Lifecycle stage, not through its Properties API. Make these changes there:',
				'  relabel "Customer" (customer) → "Closed Won"',
			].join('\n'),
		);
		expect(requests.map((r) => r.method)).toEqual(['GET']);
	});

	test('hides an option no stage maps only with --allow-hide', () => {
		const state = drifted();
		const actual = new Map([...state.properties.values()].map((p) => [p.name as string, p]));
		void actual;
		const picklists = new Map([
			[
				'hs_lead_status',
				{
					name: 'hs_lead_status',
					options: [
						{ value: 'BAD_TIMING', label: 'Recycle', order: 0, hidden: false },
						{ value: 'UNQUALIFIED', label: 'Disqualified', order: 1, hidden: false },
						{ value: 'NEW', label: 'New', order: 2, hidden: false },
					],
				},
			],
		]);
		const leadStatus = wanted.filter((p) => p.name === 'hs_lead_status');
		expect(planHubspotApply(leadStatus, picklists)).toEqual([]);
		const [step] = planHubspotApply(leadStatus, picklists, { allowHide: true });
		expect(step).toMatchObject({ action: 'update', lines: ['hide "New" (NEW)'] });
		expect(step!.action === 'update' && step!.options.at(-1)).toEqual({
			label: 'New',
			value: 'NEW',
			hidden: true,
			displayOrder: 2,
		});
	});

	test('refuses a playbook with errors', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'crm-broken-'));
		const out: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((line: string) => void out.push(line));
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const code = await main(['crm', 'apply', '--to', 'hubspot', '--content', dir]);
		vi.restoreAllMocks();
		expect(code).toBe(1);
		expect(out.at(-1)).toMatch(
			/^Nothing done: 1 error in the playbook\. Fix them, then run it again\.$/,
		);
	});
});

describe('Salesforce, live', () => {
	test('reads Lead Status and the reasons field through the UI API', async () => {
		const status = wantedPicklists(playbook, 'salesforce')[0]!;
		server = await salesforceServer({
			token: 'sf-token',
			picklists: new Map([
				[
					'Status',
					{
						controllerValues: {},
						defaultValue: { value: status.options[0]!.value },
						url: '/services/data/v63.0/ui-api/object-info/Lead/picklist-values/012000000000000AAA/Status',
						values: status.options.map((o) => ({
							attributes: { converted: o.converted, picklistAtrributesValueType: 'LeadStatus' },
							label: o.label,
							validFor: [],
							value: o.value,
						})),
					},
				],
			]),
		});
		const found = await readSalesforcePicklists(
			{ baseUrl: server.url, token: 'sf-token' },
			'Rejection_Reason__c',
		);
		expect([...found.keys()]).toEqual(['LeadStatus']);
		vi.stubEnv('SF_INSTANCE_URL', server.url);
		vi.stubEnv('SF_ACCESS_TOKEN', 'sf-token');
		const { code, out } = await crm('drift', '--from', 'salesforce');
		expect(code).toBe(1);
		expect(out).toMatch(
			/content\/lead-stages\/ {2}rejection_reasons {2}CRM: no field Rejection_Reason__c;/,
		);
		expect(out.split('\n')).toHaveLength(2);

		vi.stubEnv('SF_ACCESS_TOKEN', 'expired');
		expect((await crm('drift', '--from', 'salesforce')).out).toBe(
			'Salesforce refused the token for GET /services/data/v63.0/ui-api/object-info/Lead: 401 (INVALID_SESSION_ID: Session expired or invalid). Check SF_ACCESS_TOKEN (sf org display --verbose shows a fresh one) and SF_INSTANCE_URL.',
		);
	});
});

describe('saved answers (--file)', () => {
	test.each([
		[
			'hubspot',
			'lifecyclestage.json',
			'{ "name": "lifecyclestage", ',
			/lifecyclestage\.json {2}is not JSON \(.*\)\. Save what HubSpot answers to GET \/crm\/v3\/properties\/contacts\/<property> in .*lifecyclestage\.json\.$/,
		],
		[
			'hubspot',
			'lifecyclestage.json',
			'{ "name": "lifecyclestage" }',
			/lifecyclestage\.json {2}is not a HubSpot property \(type: .*\)\. Save what HubSpot answers/,
		],
		[
			'salesforce',
			'LeadStatus.standardValueSet-meta.xml',
			'{"values": []}',
			/LeadStatus\.standardValueSet-meta\.xml {2}is not a Salesforce picklist file: line 1 has text where an element should start\. Retrieve it with sf project retrieve start -m StandardValueSet:LeadStatus\.$/,
		],
	])(
		'%s %s that is not the expected answer: one line naming the file, exit 2',
		async (from, name, text, line) => {
			const dir = mkdtempSync(join(tmpdir(), 'crm-answer-'));
			writeFileSync(join(dir, name), text);
			const { code, out } = await crm('drift', '--from', from, '--file', join(dir, name));
			expect(code).toBe(2);
			expect(out).toMatch(line);
			expect(out.split('\n')).toHaveLength(1);
		},
	);

	test('a missing option in a saved answer makes drift exit 1 with one line, and --format json lists it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'crm-answer-'));
		for (const picklist of wanted) {
			const body = hubspotPropertyBody(picklist);
			if (picklist.name === 'lifecyclestage')
				body.options = body.options.filter((o) => o.value !== 'lead');
			writeFileSync(join(dir, `${picklist.name}.json`), JSON.stringify(body));
		}
		const text = await crm('drift', '--from', 'hubspot', '--file', dir);
		expect(text.code).toBe(1);
		expect(text.out.split('\n')).toEqual([
			expect.stringMatching(
				/^content\/lead-stages\/inquiry\.mdx {2}crm\.hubspot\.value {2}CRM: no option lead/,
			),
			'HubSpot drifts from the playbook: 1 difference.',
		]);
		const json = await crm('drift', '--from', 'hubspot', '--file', dir, '--format', 'json');
		expect(JSON.parse(json.out)).toMatchObject([
			{ kind: 'missing', definition: 'lead-stages/inquiry', severity: 'error' },
		]);
	});

	test('one saved file is compared for the field it holds; the others are named as not compared', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'crm-answer-'));
		const status = wantedPicklists(playbook, 'salesforce')[0]!;
		const file = join(dir, 'LeadStatus.standardValueSet-meta.xml');
		writeFileSync(file, leadStatusXml(status).replace('>Sales Accepted Lead<', '>SAL (old)<'));
		const { code, out } = await crm('drift', '--from', 'salesforce', '--file', file);
		expect(code).toBe(1);
		expect(out.split('\n')).toEqual([
			`Not compared: Rejection_Reason__c, which ${file} does not hold.`,
			expect.stringMatching(
				/^content\/lead-stages\/sal\.mdx {2}crm\.salesforce\.status {2}CRM: labelled "SAL \(old\)"/,
			),
			'Salesforce drifts from the playbook: 1 difference.',
		]);
	});

	test('usage mistakes exit 2', async () => {
		expect((await crm('drift', '--from', 'pipedrive')).code).toBe(2);
		expect((await crm('export', '--to', 'xml')).code).toBe(2);
		expect((await crm('apply', '--to', 'salesforce')).code).toBe(2);
		expect((await crm('sync')).code).toBe(2);
		expect((await crm('export', '--to', 'csv', '--hubspot-reasons', 'Bad Name')).code).toBe(2);
	});
});
