import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received: what a test asserts GitHub was sent. */
export interface Received {
	method: string;
	path: string;
	body: unknown;
	authorization: string | undefined;
}

interface StoredIssue {
	number: number;
	title: string;
	body: string | null;
	state: 'open' | 'closed';
	state_reason: string | null;
	labels: { id: number; name: string; color: string }[];
	assignees: { login: string; id: number; type: 'User' }[];
	comments: number;
}

/**
 * GitHub's REST API for issues, played on 127.0.0.1 with the response shapes GitHub documents:
 * list (paginated with a `Link` header), create, update, comment; a team by slug; and, when asked,
 * one `403` with rate-limit headers before it answers. Every request is recorded.
 */
export class GithubStandIn {
	readonly received: Received[] = [];
	readonly issues: StoredIssue[] = [];
	readonly comments: { issue: number; body: string }[] = [];
	readonly teams = new Map<string, number>();
	/** Answer the next request with a spent rate limit, resetting a second later. */
	rateLimitNext = false;
	/** Answer every create with this status and message, as GitHub refuses bad assignees. */
	refuseCreates: { status: number; message: string } | undefined;
	#server: Server | undefined;
	url = '';

	readonly repository = 'ledgerline/playbook';
	/** GitHub's largest page; the list is cut into pages of this many. */
	readonly pageSize = 100;

	async start(): Promise<this> {
		this.#server = createServer((request, response) => void this.#handle(request, response));
		await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
		return this;
	}

	stop(): Promise<void> {
		return new Promise((resolve) =>
			this.#server ? this.#server.close(() => resolve()) : resolve(),
		);
	}

	/** Adds an issue as if someone had opened it earlier. */
	seed(issue: Partial<StoredIssue> & { title: string }): StoredIssue {
		const stored: StoredIssue = {
			number: this.issues.length + 1,
			body: null,
			state: 'open',
			state_reason: null,
			labels: [],
			assignees: [],
			comments: 0,
			...issue,
		};
		this.issues.push(stored);
		return stored;
	}

	/** The requests that changed something: everything but reads. */
	writes(): Received[] {
		return this.received.filter((r) => r.method !== 'GET');
	}

	async #handle(request: IncomingMessage, response: ServerResponse) {
		const url = new URL(request.url ?? '/', this.url);
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const body: unknown = text ? JSON.parse(text) : undefined;
		this.received.push({
			method: request.method ?? 'GET',
			path: url.pathname + url.search,
			body,
			authorization: request.headers.authorization,
		});
		const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
			response.end(JSON.stringify(data));
		};
		if (this.rateLimitNext) {
			this.rateLimitNext = false;
			return send(
				403,
				{
					message: 'API rate limit exceeded for installation ID 1.',
					documentation_url:
						'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
				},
				{
					'x-ratelimit-limit': '5000',
					'x-ratelimit-remaining': '0',
					'x-ratelimit-used': '5000',
					'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
					'x-ratelimit-resource': 'core',
				},
			);
		}
		if (request.headers.authorization !== 'Bearer test-token')
			return send(401, {
				message: 'Bad credentials',
				documentation_url: 'https://docs.github.com/rest',
			});
		const base = `/repos/${this.repository}`;
		const route = url.pathname;
		const number = Number(/\/issues\/(\d+)/.exec(route)?.[1]);
		const issue = this.issues.find((i) => i.number === number);

		if (request.method === 'GET' && route === `${base}/issues`) {
			const label = url.searchParams.get('labels');
			const state = url.searchParams.get('state') ?? 'open';
			const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
			const page = Number(url.searchParams.get('page') ?? 1);
			const matching = this.issues
				.filter((i) => (state === 'all' ? true : i.state === state))
				.filter((i) => !label || i.labels.some((l) => l.name === label))
				.sort((a, b) => b.number - a.number);
			const last = Math.max(1, Math.ceil(matching.length / perPage));
			const link = (p: number) => {
				const next = new URL(url);
				next.searchParams.set('page', String(p));
				return next.toString();
			};
			const links = [
				...(page < last ? [`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : []),
				...(page > 1 ? [`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`] : []),
			];
			return send(
				200,
				matching.slice((page - 1) * perPage, page * perPage).map((i) => this.#view(i)),
				links.length ? { link: links.join(', ') } : {},
			);
		}
		if (request.method === 'POST' && route === `${base}/issues`) {
			if (this.refuseCreates)
				return send(this.refuseCreates.status, {
					message: this.refuseCreates.message,
					documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
				});
			const data = body as {
				title: string;
				body?: string;
				labels?: string[];
				assignees?: string[];
			};
			const created = this.seed({
				title: data.title,
				body: data.body ?? null,
				labels: (data.labels ?? []).map((name, i) => ({ id: i + 1, name, color: 'ededed' })),
				assignees: (data.assignees ?? []).map((login, i) => ({ login, id: i + 1, type: 'User' })),
			});
			return send(201, this.#view(created));
		}
		if (request.method === 'PATCH' && issue && route === `${base}/issues/${number}`) {
			const data = body as Partial<{
				title: string;
				body: string;
				state: 'open' | 'closed';
				state_reason: string;
				assignees: string[];
			}>;
			if (data.title !== undefined) issue.title = data.title;
			if (data.body !== undefined) issue.body = data.body;
			if (data.state !== undefined) issue.state = data.state;
			if (data.state_reason !== undefined) issue.state_reason = data.state_reason;
			if (data.assignees !== undefined)
				issue.assignees = data.assignees.map((login, i) => ({ login, id: i + 1, type: 'User' }));
			return send(200, this.#view(issue));
		}
		if (request.method === 'POST' && issue && route === `${base}/issues/${number}/comments`) {
			const comment = (body as { body: string }).body;
			this.comments.push({ issue: number, body: comment });
			issue.comments++;
			return send(201, {
				id: this.comments.length,
				body: comment,
				user: { login: 'github-actions[bot]' },
			});
		}
		const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(route);
		if (request.method === 'GET' && team && this.teams.has(team[2]!))
			return send(200, { id: this.teams.get(team[2]!), slug: team[2], name: team[2] });
		return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
	}

	/** An issue as GitHub's API shows it. */
	#view(issue: StoredIssue) {
		return {
			url: `${this.url}/repos/${this.repository}/issues/${issue.number}`,
			html_url: `https://github.com/${this.repository}/issues/${issue.number}`,
			id: 1000 + issue.number,
			node_id: `I_${issue.number}`,
			number: issue.number,
			title: issue.title,
			user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
			labels: issue.labels,
			state: issue.state,
			state_reason: issue.state_reason,
			locked: false,
			assignee: issue.assignees[0] ?? null,
			assignees: issue.assignees,
			comments: issue.comments,
			created_at: '2026-11-30T07:00:00Z',
			updated_at: '2026-11-30T07:00:00Z',
			closed_at: issue.state === 'closed' ? '2026-11-30T07:00:00Z' : null,
			author_association: 'NONE',
			body: issue.body,
		};
	}
}
