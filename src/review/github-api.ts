import type { GithubIssue } from './reminders.ts';
import { REVIEW_LABEL, type ReviewAction } from './reminders.ts';

/** A request GitHub refused or could not answer, with its status and GitHub's message. */
export class GithubError extends Error {}

export interface GithubClient {
	/** `owner/name`. */
	repository: string;
	token: string;
	/** The API's address: `GITHUB_API_URL` in GitHub Actions, else https://api.github.com. */
	apiUrl: string;
	/** The longest wait for a rate limit to reset before giving up, in seconds. */
	maxWaitSeconds?: number;
	/** How to wait; tests pass one that records instead of sleeping. */
	sleep?: (ms: number) => Promise<void>;
}

/**
 * One call to GitHub's REST API. When the rate limit is spent (403 or 429 with
 * `x-ratelimit-remaining: 0`, or a `retry-after`), waits until the reset GitHub names and tries
 * once more, as GitHub's documentation asks.
 */
async function call(
	client: GithubClient,
	method: string,
	url: string,
	body?: unknown,
): Promise<{ data: unknown; next: string | undefined }> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, {
			method,
			headers: {
				accept: 'application/vnd.github+json',
				authorization: `Bearer ${client.token}`,
				'x-github-api-version': '2022-11-28',
				'user-agent': 'playbook-reviews',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		const wait = rateLimitWait(response, Date.now());
		if (wait !== undefined && attempt === 0) {
			if (wait > (client.maxWaitSeconds ?? 900) * 1000)
				throw new GithubError(
					`GitHub's rate limit is spent until ${new Date(Date.now() + wait).toISOString()}; run again after then.`,
				);
			await (client.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(wait);
			continue;
		}
		const text = await response.text();
		if (!response.ok) {
			const message = safeJson(text)?.message;
			throw new GithubError(
				`GitHub answered ${response.status} to ${method} ${new URL(url).pathname}${typeof message === 'string' ? `: ${message}` : ''}`,
			);
		}
		return {
			data: text ? JSON.parse(text) : undefined,
			next: nextLink(response.headers.get('link')),
		};
	}
}

/** How long to wait before trying again, in ms, when GitHub says the rate limit is spent. */
export function rateLimitWait(
	response: Pick<Response, 'status' | 'headers'>,
	now: number,
): number | undefined {
	if (response.status !== 403 && response.status !== 429) return undefined;
	const retryAfter = response.headers.get('retry-after');
	if (retryAfter !== null && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
	if (response.headers.get('x-ratelimit-remaining') !== '0') return undefined;
	const reset = Number(response.headers.get('x-ratelimit-reset'));
	return Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
}

/** The `rel="next"` address of a `Link` header, as GitHub paginates. */
export function nextLink(header: string | null): string | undefined {
	return header
		?.split(',')
		.map((part) => /<([^>]+)>;\s*rel="next"/.exec(part)?.[1])
		.find(Boolean);
}

function safeJson(text: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(text) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

const repoUrl = (client: GithubClient, path: string) =>
	`${client.apiUrl.replace(/\/$/, '')}/repos/${client.repository}${path}`;

/**
 * Every issue with the reminder label (or `label`: the CRM drift issues have their own), open
 * and closed, following GitHub's pagination.
 */
export async function listReminderIssues(
	client: GithubClient,
	label = REVIEW_LABEL,
): Promise<GithubIssue[]> {
	const issues: GithubIssue[] = [];
	let url: string | undefined = repoUrl(
		client,
		`/issues?labels=${encodeURIComponent(label)}&state=all&per_page=100`,
	);
	while (url) {
		const page = await call(client, 'GET', url);
		issues.push(...(page.data as GithubIssue[]));
		url = page.next;
	}
	return issues;
}

/** Carries out one action of a plan; returns the issue number it acted on. */
export async function applyAction(client: GithubClient, action: ReviewAction): Promise<number> {
	const issue = (number: number) => repoUrl(client, `/issues/${number}`);
	switch (action.action) {
		case 'create': {
			const { data } = await call(client, 'POST', repoUrl(client, '/issues'), {
				title: action.title,
				body: action.body,
				labels: action.labels,
				assignees: action.assignees,
			});
			return (data as { number: number }).number;
		}
		case 'update':
			await call(client, 'PATCH', issue(action.number), {
				title: action.title,
				body: action.body,
				assignees: action.assignees,
				...(action.reopen && { state: 'open' }),
			});
			if (action.comment)
				await call(client, 'POST', `${issue(action.number)}/comments`, { body: action.comment });
			return action.number;
		case 'close':
			await call(client, 'POST', `${issue(action.number)}/comments`, { body: action.comment });
			await call(client, 'PATCH', issue(action.number), {
				state: 'closed',
				state_reason: 'completed',
			});
			return action.number;
	}
}

/** The numeric id of a team of the repository's organisation, by its slug. */
export async function teamId(client: GithubClient, slug: string): Promise<number> {
	const org = client.repository.split('/')[0]!;
	const { data } = await call(
		client,
		'GET',
		`${client.apiUrl.replace(/\/$/, '')}/orgs/${org}/teams/${encodeURIComponent(slug)}`,
	);
	return (data as { id: number }).id;
}

/**
 * The client GitHub Actions' environment describes: `GITHUB_TOKEN`, `GITHUB_REPOSITORY`
 * (`owner/name`) and `GITHUB_API_URL`; undefined when the token or repository is missing.
 */
export function githubClientFromEnv(
	env: Record<string, string | undefined> = process.env,
): GithubClient | undefined {
	const token = env.GITHUB_TOKEN;
	const repository = env.GITHUB_REPOSITORY;
	if (!token || !repository || !/^[^/\s]+\/[^/\s]+$/.test(repository)) return undefined;
	return { token, repository, apiUrl: env.GITHUB_API_URL || 'https://api.github.com' };
}
