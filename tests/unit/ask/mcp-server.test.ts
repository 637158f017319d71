import { commitmentDirection } from '../../../src/model/results-sections.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Node, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/checks/index.ts';
import { formatProblem } from '../../../src/checks/problems/reporters.ts';
import { entriesOf, type Playbook } from '../../../src/model/playbook.ts';
import { dependantsOf } from '../../../src/model/references.ts';
import { markdownProse } from '../../../src/review/markdown-text.ts';
import { PAGE_COLLECTIONS } from '../../../src/schemas/index.ts';
import { TestRepo } from '../../support/git-repo.ts';
import { check, MINIMAL, playbookWith, runPlaybook, TODAY } from '../../support/helpers.ts';
import { payload, writeHostilePlaybook } from '../../support/hostile.ts';
import { ROOT } from '../../support/sites.ts';

/**
 * `npm run mcp`, driven as an assistant drives it: the SDK's own client starts the real server
 * over stdio and calls its tools. Expected values are read from the content files themselves.
 */

const SITE = 'https://playbook.ledgerline.test';
const CLI = join(ROOT, 'src', 'cli', 'playbook.ts');

type Result = Awaited<ReturnType<Client['callTool']>>;

/** A running server and its client, on a content folder, from `cwd`. */
async function startServer(contentDir: string, cwd = ROOT) {
	const transport = new StdioClientTransport({
		command: process.execPath,
		args: [CLI, 'mcp', '--content', contentDir],
		cwd,
		stderr: 'pipe',
		env: {
			...(process.env as Record<string, string>),
			PLAYBOOK_TODAY: TODAY,
			PLAYBOOK_SITE: SITE,
			GITHUB_ACTIONS: '',
		},
	});
	const client = new Client({ name: 'playbook-test', version: '1.0.0' });
	await client.connect(transport);
	const call = (name: string, args: Record<string, unknown>) =>
		client.callTool({ name, arguments: args });
	return { client, call, close: () => client.close() };
}

function textOf(result: Result): string {
	const [first] = result.content as { type: string; text: string }[];
	return first?.text ?? '';
}

function data<T = Record<string, unknown>>(result: Result): T {
	expect(result.isError, textOf(result)).toBeFalsy();
	return result.structuredContent as T;
}

interface Ref {
	collection: string;
	id: string;
	title: string;
	provenance: {
		owners: { id: string; name: string; department?: string }[];
		status?: string;
		reviewed?: string;
		nextReview?: string;
		overdue: boolean;
		file: string;
		url: string;
	};
}

/** The owners of a definition as the team files name them: name and department. */
function ownersFrom(playbook: Playbook, owners: readonly string[]) {
	return owners.map((id) => {
		const person = playbook.entries.team.get(id)!.data;
		return { id, name: person.name, department: person.department };
	});
}

/** Every node of a Markdown tree. */
function nodes(node: Node): Node[] {
	return [node, ...('children' in node ? (node as Parent).children.flatMap(nodes) : [])];
}

describe('npm run mcp on the example playbook', () => {
	const playbook = checkContent(join(ROOT, 'content'), { today: TODAY, cwd: ROOT }).playbook;
	let server: Awaited<ReturnType<typeof startServer>>;
	beforeAll(async () => {
		server = await startServer('content');
	}, 120_000);
	afterAll(() => server?.close());

	it('lists its seven tools, each argument described for the assistant', async () => {
		const { tools } = await server.client.listTools();
		expect(tools.map((tool) => tool.name).sort()).toEqual(
			['call_plan', 'define', 'find_content', 'get_entry', 'search', 'sla', 'what_changed'].sort(),
		);
		for (const tool of tools) {
			expect(tool.description, tool.name).toBeTruthy();
			expect(tool.outputSchema, tool.name).toBeDefined();
			expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
			const properties = Object.values(tool.inputSchema.properties ?? {}) as {
				description?: string;
			}[];
			expect(properties.length, tool.name).toBeGreaterThan(0);
			for (const property of properties) expect(property.description, tool.name).toBeTruthy();
		}
	});

	it('define: an abbreviation names its lead stage, with its criteria and provenance', async () => {
		for (const stage of entriesOf(playbook, 'lead-stages').filter((s) => s.data.abbreviation)) {
			const result = await server.call('define', { term: stage.data.abbreviation! });
			const answer = data<{ matchedAs: string; matches: (Ref & Record<string, unknown>)[] }>(
				result,
			);
			expect(answer.matchedAs).toBe('name');
			const [match] = answer.matches;
			expect(match).toMatchObject({
				collection: 'lead-stages',
				id: stage.id,
				title: stage.data.title,
				definition: stage.data.summary,
				entryCriteria: stage.data.entry_criteria,
				exitCriteria: stage.data.exit_criteria,
			});
			expect(match!.provenance).toEqual({
				owners: ownersFrom(playbook, stage.data.owners),
				status: stage.data.status,
				reviewed: stage.data.reviewed,
				nextReview: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				overdue: match!.provenance.nextReview! < TODAY,
				file: `content/${stage.collection}/${stage.id}.mdx`,
				url: `${SITE}/lead-stages/${stage.id}/`,
			});
			// The text says the same: each criterion, each owner with their team, the page.
			const text = textOf(result);
			for (const criterion of stage.data.entry_criteria)
				expect(text).toContain(markdownProse(criterion));
			for (const owner of match!.provenance.owners) expect(text).toContain(owner.name);
			expect(text).toMatch(/Overdue: (yes|no)/);
			expect(text).toContain(`<${SITE}/lead-stages/${stage.id}/>`);
		}
	});

	it('define: a word to avoid points to the agreed term', async () => {
		const term = entriesOf(playbook, 'glossary').find((t) => t.data.avoid.length > 0)!;
		const word = term.data.avoid[0]!;
		const result = await server.call('define', { term: word.toUpperCase() });
		const answer = data<{ matchedAs: string; matches: Ref[] }>(result);
		expect(answer.matchedAs).toBe('avoid');
		expect(answer.matches.map((match) => match.id)).toContain(term.id);
		expect(textOf(result)).toContain('word to avoid');
		expect(textOf(result)).toContain(markdownProse(term.data.title));
	});

	it('define: an unknown term gets the closest names, as a tool error, not an exception', async () => {
		const result = await server.call('define', { term: 'MQLL' });
		expect(result.isError).toBe(true);
		expect(textOf(result)).toContain('MQLL');
		expect(textOf(result)).toContain(markdownProse('Did you mean "MQL"?'));
		const far = await server.call('define', { term: 'zzzzqqqq' });
		expect(far.isError).toBe(true);
		expect(textOf(far)).toContain('No name in the playbook is close to it');
	});

	it('search: an abbreviation ranks its own entry first; filters keep only what they name', async () => {
		for (const stage of entriesOf(playbook, 'lead-stages').filter((s) => s.data.abbreviation)) {
			const { results } = data<{ results: Ref[] }>(
				await server.call('search', { text: stage.data.abbreviation! }),
			);
			expect(results[0]?.id, stage.data.abbreviation).toBe(stage.id);
		}
		const { results: inLibrary } = data<{ results: Ref[] }>(
			await server.call('search', { text: '', collection: 'library', limit: 50 }),
		);
		const library = entriesOf(playbook, 'library');
		expect(inLibrary.length).toBe(Math.min(50, library.length));
		expect(new Set(inLibrary.map((r) => r.collection))).toEqual(new Set(['library']));
		const { results: atStage } = data<{ results: Ref[] }>(
			await server.call('search', {
				text: '',
				collection: 'library',
				stage: 'decision',
				limit: 50,
			}),
		);
		expect(atStage.map((r) => r.id).sort()).toEqual(
			library.filter((item) => item.data.stages.includes('decision')).map((item) => item.id),
		);
	});

	it('get_entry: the fields, the body and what references it', async () => {
		const stage = playbook.entries['lead-stages'].get('sql')!;
		const result = await server.call('get_entry', { collection: 'lead-stages', id: 'sql' });
		const answer = data<{
			entry: Ref;
			fields: Record<string, unknown>;
			body: string;
			referencedBy: { collection: string; id: string }[];
		}>(result);
		expect(answer.fields).toEqual(JSON.parse(JSON.stringify(stage.data)));
		expect(answer.body).toBe(stage.body);
		expect(answer.referencedBy.map((r) => `${r.collection}/${r.id}`)).toEqual(
			dependantsOf(playbook, 'lead-stages', 'sql').map((e) => `${e.collection}/${e.id}`),
		);
		expect(answer.referencedBy.length).toBeGreaterThan(0);
		expect(textOf(result)).toContain(stage.body.trim().split('\n')[0]);
	});

	it('get_entry: an unknown id gets the closest ids of its collection', async () => {
		const result = await server.call('get_entry', { collection: 'lead-stages', id: 'sqll' });
		expect(result.isError).toBe(true);
		expect(textOf(result)).toContain(markdownProse('Did you mean "sql"?'));
	});

	it('find_content: the recommended items for the persona at the stage, with talk tracks', async () => {
		for (const [stage, persona] of [
			['consideration', 'controller'],
			['decision', 'vp-finance'],
		] as const) {
			const { items } = data<{ items: (Ref & { talkTrack?: string })[] }>(
				await server.call('find_content', { stage, persona }),
			);
			const expected = entriesOf(playbook, 'library').filter(
				(item) =>
					item.data.status !== 'deprecated' &&
					item.data.stages.includes(stage) &&
					(item.data.personas.length === 0 || item.data.personas.includes(persona)),
			);
			expect(items.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort());
			expect(items.length).toBeGreaterThan(0);
			for (const item of items)
				expect(item.talkTrack).toBe(playbook.entries.library.get(item.id)!.data.talk_track);
		}
		const few = data<{ total: number; items: Ref[] }>(
			await server.call('find_content', {
				stage: 'consideration',
				persona: 'controller',
				limit: 2,
			}),
		);
		expect(few.items).toHaveLength(2);
		expect(few.total).toBeGreaterThan(2);
		const format = entriesOf(playbook, 'library')[0]!.data.format;
		const { items } = data<{ items: { id: string; format: string }[] }>(
			await server.call('find_content', { stage: 'consideration', persona: 'controller', format }),
		);
		expect(items.every((item) => item.format === format)).toBe(true);
	});

	it('call_plan: what /prep/<persona>/<stage>/ shows', async () => {
		const persona = playbook.entries.personas.get('controller')!;
		const answer = data<{
			url: string;
			persona: Ref & { role: string; objections: unknown[] };
			stage: Ref & { buyerQuestion: string };
			content: Ref[];
			slas: Ref[];
		}>(await server.call('call_plan', { persona: 'controller', stage: 'decision' }));
		expect(answer.url).toBe(`${SITE}/prep/controller/decision/`);
		expect(answer.persona.role).toBe(persona.data.role);
		expect(answer.persona.objections).toEqual(persona.data.objections);
		expect(answer.stage.buyerQuestion).toBe(
			playbook.entries['buyer-stages'].get('decision')!.data.buyer_question,
		);
		expect(answer.slas.map((sla) => sla.id).sort()).toEqual(
			entriesOf(playbook, 'slas')
				.filter((sla) => sla.data.from === 'sales' && sla.data.lead_stage !== undefined)
				.map((sla) => sla.id)
				.sort(),
		);
		const unknown = await server.call('call_plan', { persona: 'controler', stage: 'decision' });
		expect(unknown.isError).toBe(true);
		expect(textOf(unknown)).toContain(markdownProse('Did you mean "controller"?'));
	});

	it('sla: by lead stage (id or abbreviation) and by the two teams, with targets', async () => {
		const forMql = entriesOf(playbook, 'slas').filter((sla) => sla.data.lead_stage === 'mql');
		for (const leadStage of ['mql', 'MQL']) {
			const result = await server.call('sla', { leadStage });
			const { slas } = data<{
				slas: (Ref & { commitments: { what: string; target: number; better: string }[] })[];
			}>(result);
			expect(slas.map((sla) => sla.id).sort()).toEqual(forMql.map((sla) => sla.id).sort());
			for (const sla of slas)
				expect(sla.commitments.map((c) => [c.what, c.target, c.better])).toEqual(
					playbook.entries.slas
						.get(sla.id)!
						.data.commitments.map((c) => [c.what, c.target, commitmentDirection(c)]),
				);
		}
		const { slas } = data<{ slas: Ref[] }>(
			await server.call('sla', { from: 'marketing', to: 'sales' }),
		);
		expect(slas.map((sla) => sla.id).sort()).toEqual(
			entriesOf(playbook, 'slas')
				.filter((sla) => sla.data.from === 'marketing' && sla.data.to === 'sales')
				.map((sla) => sla.id)
				.sort(),
		);
		const neither = await server.call('sla', {});
		expect(neither.isError).toBe(true);
		expect(textOf(neither)).toContain('Give a lead stage');
	});

	it('bad arguments get a tool error that says what to give', async () => {
		const cases: [string, Record<string, unknown>, string][] = [
			['define', {}, 'Give the term to define'],
			['define', { term: 42 }, 'Give the term to define'],
			[
				'find_content',
				{ stage: 'decision', persona: 'controller', format: 'podcast' },
				'Give one of the formats',
			],
			['get_entry', { collection: 'deals', id: 'x' }, 'Give one of the collections'],
			['what_changed', { since: '2026-02-30' }, 'Give a real date'],
			['search', { text: 'x', limit: 500 }, 'from 1 to 50'],
			[
				'what_changed',
				{ since: '2026-01-01', collection: 'lead-stages' },
				'Give both collection and id',
			],
		];
		for (const [name, args, message] of cases) {
			const result = await server.call(name, args);
			expect(result.isError, name).toBe(true);
			expect(textOf(result), name).toContain(message);
		}
	});
});

describe('npm run mcp on a playbook with errors', () => {
	it('refuses to start: the checker’s line for each error, then one line, exit 1', () => {
		const root = playbookWith('missing-marketing-owner', 'dangling-references');
		const errors = check(root)
			.problems.filter((p) => p.severity === 'error')
			.map(formatProblem);
		expect(errors.length).toBeGreaterThan(1);
		const { code, stdout, stderr } = runPlaybook(['mcp', '--content', 'content'], root);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toEqual([
			...errors,
			`Not started: ${errors.length} errors. Fix them, then start the server again.`,
		]);
		expect(stderr).not.toMatch(/^\s+at /m);
	});
});

describe('npm run mcp in a git repository', () => {
	const repo = new TestRepo(MINIMAL);
	// The playbook's first commit dates from before the changes asked about.
	repo.git('commit', '-q', '--amend', '--no-edit', '--date', '2026-10-01T10:00:00Z');
	const file = 'content/lead-stages/mql.mdx';
	/** The server started after the edit, which the next test asks about the history. */
	let after: Awaited<ReturnType<typeof startServer>> | undefined;
	afterAll(() => after?.close());

	it('answers from the files as they were at start; a restart answers from the edit', async () => {
		const before = await startServer('content', repo.root);
		const threshold = (result: Result) =>
			data<{ matches: { scoreThreshold?: number }[] }>(result).matches[0]?.scoreThreshold;
		const was = threshold(await before.call('define', { term: 'MQL' }));
		expect(was).toBe(100);
		writeFileSync(
			join(repo.root, file),
			readFileSync(join(repo.root, file), 'utf8').replace(
				'score_threshold: 100',
				'score_threshold: 120',
			),
		);
		expect(threshold(await before.call('define', { term: 'MQL' }))).toBe(100);
		await before.close();
		after = await startServer('content', repo.root);
		expect(threshold(await after.call('define', { term: 'MQL' }))).toBe(120);
	}, 120_000);

	it('what_changed: commits made while it runs, in words, for the playbook or one entry', async () => {
		repo.commit(
			'Raise the MQL threshold',
			repo.edit(file, (text) => text.replace('score_threshold: 100', 'score_threshold: 120')),
			'2026-11-20T10:00:00Z',
		);
		repo.commit(
			'Rename the lead score',
			repo.edit('content/glossary/lead-score.mdx', (text) =>
				text.replace(/^title: .*$/m, 'title: Lead points'),
			),
			'2026-11-21T10:00:00Z',
		);
		// The history is read at each question: the running server sees the new commits.
		const server = after!;
		const all = data<{
			total: number;
			commits: { subject: string; changes: { id: string; fields: string[] }[] }[];
		}>(await server.call('what_changed', { since: '2026-11-15' }));
		expect(all.commits.map((c) => c.subject)).toEqual([
			'Rename the lead score',
			'Raise the MQL threshold',
		]);
		expect(all.commits[1]!.changes).toEqual([
			expect.objectContaining({ id: 'mql', fields: ['Lead score threshold: 100 → 120'] }),
		]);
		const one = await server.call('what_changed', {
			since: '2026-11-15',
			collection: 'lead-stages',
			id: 'mql',
		});
		expect(data<{ total: number }>(one).total).toBe(1);
		expect(textOf(one)).toContain(markdownProse('Lead score threshold: 100 → 120'));
		expect(textOf(one)).toContain('Owners:');
		const later = data<{ total: number }>(
			await server.call('what_changed', { since: '2026-11-22' }),
		);
		expect(later.total).toBe(0);

		// A commit's subject comes from whoever made it: it reads as words, and opens nothing.
		repo.commit(
			payload(0),
			repo.edit(file, (text) => text.replace('score_threshold: 120', 'score_threshold: 130')),
			'2026-11-23T10:00:00Z',
		);
		const hostile = textOf(await server.call('what_changed', { since: '2026-11-23' }));
		expect(hostile).toContain('alert(0)');
		expect(nodes(fromMarkdown(hostile)).filter((node) => node.type === 'html')).toEqual([]);
	}, 120_000);
});

describe('npm run mcp on hostile content', () => {
	const root = mkdtempSync(join(tmpdir(), 'playbook-mcp-hostile-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	const { accepted } = writeHostilePlaybook(MINIMAL, join(root, 'content'));
	const playbook = checkContent(join(root, 'content'), { today: TODAY, cwd: root }).playbook;

	it('answers with text Markdown renders as words only: no HTML, no image, no link of its own', async () => {
		expect(accepted.length).toBeGreaterThan(10);
		const server = await startServer('content', root);
		try {
			const texts: string[] = [];
			for (const collection of PAGE_COLLECTIONS)
				for (const entry of entriesOf(playbook, collection))
					texts.push(textOf(await server.call('get_entry', { collection, id: entry.id })));
			for (const term of [
				...entriesOf(playbook, 'glossary'),
				...entriesOf(playbook, 'lead-stages'),
			])
				texts.push(textOf(await server.call('define', { term: term.data.title })));
			texts.push(textOf(await server.call('search', { text: 'alert', limit: 50 })));
			for (const persona of entriesOf(playbook, 'personas'))
				for (const stage of entriesOf(playbook, 'buyer-stages')) {
					texts.push(
						textOf(await server.call('call_plan', { persona: persona.id, stage: stage.id })),
					);
					texts.push(
						textOf(await server.call('find_content', { persona: persona.id, stage: stage.id })),
					);
				}
			texts.push(textOf(await server.call('sla', { from: 'sales' })));
			// A folder outside git has no history; the answer says so.
			const noHistory = await server.call('what_changed', { since: '2026-01-01' });
			expect(noHistory.isError).toBe(true);
			expect(textOf(noHistory)).toContain('not in a git repository');
			// The payloads reached the answers, as words.
			expect(texts.join('\n')).toMatch(/&lt;script&gt;alert\(\d+\)/);
			for (const text of texts) {
				const tree = nodes(fromMarkdown(text));
				expect(
					tree.filter((node) =>
						['html', 'image', 'imageReference', 'definition'].includes(node.type),
					),
				).toEqual([]);
				for (const link of tree.filter((node) => node.type === 'link'))
					expect((link as unknown as { url: string }).url.startsWith(`${SITE}/`)).toBe(true);
			}
		} finally {
			await server.close();
		}
	}, 120_000);
});
