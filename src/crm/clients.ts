import { z } from 'zod';
import { HubspotPropertySchema, hubspotPicklist, type HubspotPropertyBody } from './hubspot.ts';
import type { CrmPicklist } from './picklist.ts';
import { PicklistValuesSchema, picklistFromUiApi } from './salesforce.ts';

/**
 * The live CRMs, over HTTP with `fetch`: HubSpot's CRM Properties API and Salesforce's UI API.
 * Every failure is a `CrmError` whose message is one line a RevOps person can act on. A 429 is
 * waited out once (its `Retry-After`); a refused token (401, 403) is never retried.
 */

/** A CRM call that failed, in one line. */
export class CrmError extends Error {}

export interface CrmConnection {
	/** `https://api.hubapi.com`, or the instance URL of a Salesforce org. */
	baseUrl: string;
	token: string;
	/** Waits `seconds`; tests may wait less. */
	sleep?: (seconds: number) => Promise<void>;
}

/** The longest `Retry-After` waited out; a CRM asking for longer is told to try later. */
const MAX_WAIT_SECONDS = 60;

/** Text from a CRM's answer, made one short line: it may hold anything. */
function oneLine(text: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what is replaced
	const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** The message of an error answer: HubSpot's `{ message }`, Salesforce's `[{ message, errorCode }]`. */
function errorMessage(body: unknown): string {
	const first: unknown = Array.isArray(body) ? body[0] : body;
	if (first && typeof first === 'object') {
		const { message, errorCode, category } = first as Record<string, unknown>;
		const code =
			typeof errorCode === 'string' ? errorCode : typeof category === 'string' ? category : '';
		if (typeof message === 'string') return oneLine(code ? `${code}: ${message}` : message);
	}
	return '';
}

type Crm = 'HubSpot' | 'Salesforce';

const TOKEN_FIX: Record<Crm, string> = {
	HubSpot:
		'Check HUBSPOT_TOKEN: a private app token with the crm.schemas.contacts.read scope (and crm.schemas.contacts.write for apply).',
	Salesforce:
		'Check SF_ACCESS_TOKEN (sf org display --verbose shows a fresh one) and SF_INSTANCE_URL.',
};

/**
 * One request; answers its JSON, or `undefined` for a 404 when `missingOk`. A 429 is waited out
 * once, for its `Retry-After` (one second when it has none).
 */
async function call(
	crm: Crm,
	connection: CrmConnection,
	method: string,
	path: string,
	options: { body?: unknown; missingOk?: boolean } = {},
): Promise<unknown> {
	const url = new URL(path, connection.baseUrl.replace(/\/?$/, '/'));
	const sleep = connection.sleep ?? ((s: number) => new Promise((r) => setTimeout(r, s * 1000)));
	for (let attempt = 0; ; attempt++) {
		let response: Response;
		try {
			response = await fetch(url, {
				method,
				headers: {
					authorization: `Bearer ${connection.token}`,
					accept: 'application/json',
					...(options.body !== undefined && { 'content-type': 'application/json' }),
				},
				...(options.body !== undefined && { body: JSON.stringify(options.body) }),
				redirect: 'error',
			});
		} catch (error) {
			const cause =
				error instanceof Error && error.cause instanceof Error
					? error.cause.message
					: String(error);
			throw new CrmError(
				`${crm} could not be reached at ${url.origin} (${oneLine(cause)}). Check the address and the network, then run it again.`,
			);
		}
		const text = await response.text();
		let body: unknown;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			body = undefined;
		}
		if (response.ok) return body;
		const said = errorMessage(body);
		const why = said ? ` (${said})` : '';
		if (response.status === 401 || response.status === 403)
			throw new CrmError(
				`${crm} refused the token for ${method} ${url.pathname}: ${response.status}${why}. ${TOKEN_FIX[crm]}`,
			);
		if (response.status === 404 && options.missingOk) return undefined;
		if (response.status === 429 && attempt === 0) {
			const wait = Number(response.headers.get('retry-after') ?? '1');
			if (Number.isFinite(wait) && wait >= 0 && wait <= MAX_WAIT_SECONDS) {
				await sleep(wait);
				continue;
			}
		}
		if (response.status === 429)
			throw new CrmError(
				`${crm} is limiting requests (429)${why}. Wait a few minutes, then run it again.`,
			);
		throw new CrmError(`${crm} answered ${method} ${url.pathname} with ${response.status}${why}.`);
	}
}

/** Parses an answer with `schema`, or says in one line that the CRM answered something else. */
function shaped<T extends z.ZodType>(
	crm: Crm,
	what: string,
	schema: T,
	body: unknown,
): z.output<T> {
	const parsed = schema.safeParse(body);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new CrmError(
		`${crm} answered ${what} in a shape this command does not know (${issue?.path.join('.') || 'the answer'}: ${issue?.message ?? 'unexpected'}).`,
	);
}

const HubspotListSchema = z.object({
	results: z.array(z.unknown()),
	paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * The contact properties named, read live: `GET /crm/v3/properties/contacts` (following its
 * paging, should HubSpot page it), each as a picklist; a name HubSpot does not have is absent.
 */
export async function readHubspotProperties(
	connection: CrmConnection,
	names: readonly string[],
): Promise<Map<string, CrmPicklist>> {
	const found = new Map<string, CrmPicklist>();
	let after: string | undefined;
	const seen = new Set<string>();
	do {
		const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
		const page = shaped(
			'HubSpot',
			'the list of contact properties',
			HubspotListSchema,
			await call('HubSpot', connection, 'GET', `crm/v3/properties/contacts${query}`),
		);
		for (const result of page.results) {
			const name = (result as { name?: unknown } | null)?.name;
			if (typeof name !== 'string' || !names.includes(name)) continue;
			found.set(
				name,
				hubspotPicklist(shaped('HubSpot', `the property ${name}`, HubspotPropertySchema, result)),
			);
		}
		after = page.paging?.next?.after;
		// A cursor seen before would loop for ever.
		if (after !== undefined && seen.has(after)) break;
		if (after !== undefined) seen.add(after);
	} while (after !== undefined);
	return found;
}

/** Replaces a property's options (HubSpot keeps only the list it is sent). */
export async function updateHubspotOptions(
	connection: CrmConnection,
	name: string,
	options: HubspotPropertyBody['options'],
): Promise<void> {
	await call(
		'HubSpot',
		connection,
		'PATCH',
		`crm/v3/properties/contacts/${encodeURIComponent(name)}`,
		{ body: { options } },
	);
}

/** Creates a contact property from its export body. */
export async function createHubspotProperty(
	connection: CrmConnection,
	body: HubspotPropertyBody,
): Promise<void> {
	await call('HubSpot', connection, 'POST', 'crm/v3/properties/contacts', { body });
}

/** The Salesforce REST API version the UI API is called at. */
export const SALESFORCE_REST_VERSION = 'v63.0';

const ObjectInfoSchema = z.object({
	defaultRecordTypeId: z.string().regex(/^[A-Za-z0-9]{15,18}$/),
});

/**
 * Lead Status and the reasons' field, read live through the UI API's picklist values for the
 * Lead's default record type (one answer each: the UI API does not page them). A reasons field
 * the org does not have is absent.
 */
export async function readSalesforcePicklists(
	connection: CrmConnection,
	reasonField: string | undefined,
): Promise<Map<string, CrmPicklist>> {
	const base = `services/data/${SALESFORCE_REST_VERSION}/ui-api/object-info/Lead`;
	const info = shaped(
		'Salesforce',
		'the Lead object',
		ObjectInfoSchema,
		await call('Salesforce', connection, 'GET', base),
	);
	const found = new Map<string, CrmPicklist>();
	const read = async (field: string, name: string) => {
		const body = await call(
			'Salesforce',
			connection,
			'GET',
			`${base}/picklist-values/${encodeURIComponent(info.defaultRecordTypeId)}/${encodeURIComponent(field)}`,
			{ missingOk: true },
		);
		if (body !== undefined)
			found.set(
				name,
				picklistFromUiApi(
					name,
					shaped('Salesforce', `the ${field} picklist`, PicklistValuesSchema, body),
				),
			);
	};
	await read('Status', 'LeadStatus');
	if (reasonField) await read(reasonField, reasonField);
	return found;
}
