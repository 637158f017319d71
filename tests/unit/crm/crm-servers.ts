import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * HubSpot's CRM Properties API and Salesforce's UI API, played by local servers on 127.0.0.1
 * answering in the shapes their documentation gives, with every request recorded.
 */

export interface Recorded {
	method: string;
	url: string;
	body: unknown;
}

export interface FakeCrm {
	url: string;
	requests: Recorded[];
	close: () => Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
	let text = '';
	for await (const chunk of request) text += String(chunk);
	return text ? JSON.parse(text) : undefined;
}

function send(response: ServerResponse, status: number, body: unknown, headers = {}) {
	response.writeHead(status, { 'content-type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
}

async function listen(
	handle: (request: IncomingMessage, body: unknown, response: ServerResponse) => void,
): Promise<FakeCrm> {
	const requests: Recorded[] = [];
	const server: Server = createServer((request, response) => {
		void bodyOf(request).then((body) => {
			requests.push({ method: request.method!, url: request.url!, body });
			handle(request, body, response);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

export interface HubspotState {
	token: string;
	/** Contact properties by name, as GET answers them. */
	properties: Map<string, Record<string, unknown>>;
	/** Answer this many requests with 429 first. */
	rateLimited?: number;
	retryAfter?: string;
	/** Properties per page of the list (HubSpot does not page it today; the client follows if it does). */
	pageSize?: number;
}

/** HubSpot: list (paged by `after`), read, update (PATCH options) and create contact properties. */
export function hubspotServer(state: HubspotState): Promise<FakeCrm> {
	return listen((request, body, response) => {
		if (request.headers.authorization !== `Bearer ${state.token}`)
			return send(response, 401, {
				status: 'error',
				message: 'Authentication credentials not found.',
				correlationId: '2d1f5c0e-0000-4000-8000-000000000000',
				category: 'INVALID_AUTHENTICATION',
			});
		if (state.rateLimited) {
			state.rateLimited -= 1;
			return send(
				response,
				429,
				{
					status: 'error',
					message: 'You have reached your secondly limit.',
					errorType: 'RATE_LIMIT',
					category: 'RATE_LIMITS',
					policyName: 'SECONDLY',
				},
				{ 'retry-after': state.retryAfter ?? '0' },
			);
		}
		const url = new URL(request.url!, 'http://127.0.0.1');
		const named = /^\/crm\/v3\/properties\/contacts\/([^/]+)$/.exec(url.pathname);
		if (request.method === 'GET' && url.pathname === '/crm/v3/properties/contacts') {
			const all = [...state.properties.values()];
			const size = state.pageSize ?? all.length;
			const from = Number(url.searchParams.get('after') ?? '0');
			const next = from + size < all.length ? { next: { after: String(from + size) } } : undefined;
			return send(response, 200, {
				results: all.slice(from, from + size),
				...(next && { paging: next }),
			});
		}
		if (named && request.method === 'PATCH') {
			const property = state.properties.get(decodeURIComponent(named[1]!));
			if (!property)
				return send(response, 404, {
					status: 'error',
					message: 'Not found',
					category: 'OBJECT_NOT_FOUND',
				});
			Object.assign(property, body);
			return send(response, 200, property);
		}
		if (request.method === 'POST' && url.pathname === '/crm/v3/properties/contacts') {
			const created = body as Record<string, unknown>;
			state.properties.set(String(created.name), {
				...created,
				modificationMetadata: { readOnlyValue: false },
			});
			return send(response, 201, created);
		}
		send(response, 404, { status: 'error', message: 'Not found', category: 'OBJECT_NOT_FOUND' });
	});
}

export interface SalesforceState {
	token: string;
	/** Picklist values answers by field API name. */
	picklists: Map<string, unknown>;
}

/** Salesforce's UI API: the Lead's object info and its picklist values per field. */
export function salesforceServer(state: SalesforceState): Promise<FakeCrm> {
	const base = '/services/data/v63.0/ui-api/object-info/Lead';
	return listen((request, _body, response) => {
		if (request.headers.authorization !== `Bearer ${state.token}`)
			return send(response, 401, [
				{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
			]);
		const url = new URL(request.url!, 'http://127.0.0.1');
		if (url.pathname === base)
			return send(response, 200, { apiName: 'Lead', defaultRecordTypeId: '012000000000000AAA' });
		const field = new RegExp(`^${base}/picklist-values/012000000000000AAA/([^/]+)$`).exec(
			url.pathname,
		)?.[1];
		const answer = field && state.picklists.get(decodeURIComponent(field));
		if (answer) return send(response, 200, answer);
		send(response, 404, [
			{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
		]);
	});
}
