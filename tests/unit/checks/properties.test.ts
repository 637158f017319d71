import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/checks/problems/reporters.ts';
import { checkSource, type Report } from '../../../src/checks/index.ts';
import type { ContentSource } from '../../../src/checks/read/read-content.ts';
import { DEPARTMENTS, FORMATS, USES } from '../../../src/schemas/vocabulary.ts';
import { TODAY } from '../../support/helpers.ts';

/** Files held in memory, listed in the order given: a content folder without a disk. */
function memorySource(files: Map<string, string | Uint8Array>): ContentSource {
	const encoder = new TextEncoder();
	return {
		folders: () => [...new Set([...files.keys()].map((path) => path.split('/')[0]!))],
		files: (folder) => [...files.keys()].filter((path) => path.startsWith(`${folder}/`)),
		read: (path) => {
			const data = files.get(path)!;
			return typeof data === 'string' ? encoder.encode(data) : data;
		},
		display: (path) => `content/${path}`,
		refused: () => [],
	};
}

const check = (files: Map<string, string | Uint8Array>): Report =>
	checkSource(memorySource(files), { today: TODAY });

const entryText = (data: object, body = '') =>
	`---\n${yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA })}---\n${body}`;

// --- generators --------------------------------------------------------------------------

/**
 * Text a person could type on one line: any Unicode, with something visible, within a title's
 * length, and no line break or other control character (which one-line fields refuse).
 */
const text = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
	.filter((value) => /[^\s\u200b-\u200f\u2060\ufeff]/.test(value))
	// eslint-disable-next-line no-control-regex -- control characters are what is left out
	.filter((value) => !/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/.test(value));
const texts = fc.array(text, { maxLength: 3 });
const ids = (min: number, max: number) =>
	fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/), {
		minLength: min,
		maxLength: max,
	});
const reviewed = fc
	.integer({ min: 0, max: 150 })
	.map((daysAgo) => new Date(Date.parse(TODAY) - daysAgo * 86_400_000).toISOString().slice(0, 10));

interface Model {
	files: Map<string, string>;
	/** Definition files with their data, for mutations. */
	definitions: { path: string; data: Record<string, unknown>; body: string }[];
}

/** A valid playbook: a team with both sides, and definitions all co-owned and all resolving. */
const validPlaybook: fc.Arbitrary<Model> = fc
	.record({
		people: ids(2, 5),
		departments: fc.array(fc.constantFrom(...DEPARTMENTS), { minLength: 5, maxLength: 5 }),
		personas: ids(0, 3),
		icp: ids(0, 2),
		buyerStages: ids(1, 3),
		leadStages: ids(1, 4),
		library: ids(0, 4),
		slas: ids(0, 2),
		titles: fc.array(text, { minLength: 30, maxLength: 30 }),
		lists: fc.array(texts, { minLength: 30, maxLength: 30 }),
		dates: fc.array(reviewed, { minLength: 30, maxLength: 30 }),
		statuses: fc.array(fc.constantFrom('approved', 'draft'), { minLength: 30, maxLength: 30 }),
		picks: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
	})
	.map((m) => {
		const files = new Map<string, string>();
		const definitions: Model['definitions'] = [];
		let n = 0;
		const next = () => n++ % 30;
		// The first person sells and the second markets; the rest are anywhere.
		const departments = ['sales', 'marketing', ...m.departments.slice(2)];
		m.people.forEach((id, i) =>
			files.set(
				`team/${id}.yaml`,
				yaml.dump({ name: m.titles[next()], title: m.titles[next()], department: departments[i] }),
			),
		);
		const owners = [m.people[0]!, m.people[1]!];
		const define = (collection: string, id: string, fields: Record<string, unknown>, body = '') => {
			const i = next();
			const data = {
				title: m.titles[i],
				summary: m.titles[(i + 1) % 30],
				owners,
				status: m.statuses[i],
				reviewed: m.dates[i],
				...fields,
			};
			const path = `${collection}/${id}.mdx`;
			files.set(path, entryText(data, body));
			definitions.push({ path, data, body });
		};
		const subset = <T>(items: T[], pick: number) => items.filter((_, i) => (pick >> i) & 1);
		m.icp.forEach((id, i) =>
			define('icp', id, {
				tier: i + 1,
				firmographics: { employees: { min: 10 * (i + 1) } },
				signals: m.lists[next()],
			}),
		);
		m.personas.forEach((id) =>
			define('personas', id, {
				role: m.titles[next()],
				buying_role: 'champion',
				icp: subset(m.icp, m.picks[next()]!),
				goals: m.lists[next()],
			}),
		);
		m.buyerStages.forEach((id, i) =>
			define('buyer-stages', id, { order: i + 1, buyer_question: m.titles[next()] }),
		);
		// A chain of lead stages from the first to the last, which ends the lifecycle.
		m.leadStages.forEach((id, i) =>
			define(
				'lead-stages',
				id,
				{
					order: i + 1,
					worked_by: 'marketing',
					entry_criteria: [m.titles[next()]],
					next: m.leadStages.slice(i + 1, i + 2),
				},
				// Bodies link to each other, as editors' do.
				i > 0
					? `Leads arrive from [the stage before](/lead-stages/${m.leadStages[i - 1]}/).\n`
					: '',
			),
		);
		m.library.forEach((id) => {
			const pick = m.picks[next()]!;
			define('library', id, {
				stages: [m.buyerStages[pick % m.buyerStages.length]],
				personas: subset(m.personas, pick),
				format: FORMATS[pick % FORMATS.length],
				use: USES[pick % USES.length],
			});
		});
		m.slas.forEach((id) =>
			define('slas', id, {
				from: 'marketing',
				to: 'sales',
				lead_stage: m.leadStages[0],
				commitments: [
					{
						what: m.titles[next()],
						target: 1 + (m.picks[next()]! % 48),
						unit: 'business hours',
						period: 'per lead',
					},
				],
				measured_in: m.titles[next()],
				escalation: m.titles[next()],
			}),
		);
		return { files, definitions };
	});

/** A wrong value for each required key every definition carries. */
const REQUIRED_WRONG: Record<string, fc.Arbitrary<unknown>> = {
	title: fc.constantFrom('', '   ', '\u200b', 42, null, ['a'], 'T'.repeat(121)),
	summary: fc.constantFrom('', 7, { a: 1 }, 's'.repeat(301)),
	owners: fc.constantFrom([], 'sam', [1], ['Not An Id'], null),
	status: fc.constantFrom('Approved', 'final', '', 0),
	reviewed: fc.constantFrom('2026-02-30', 'yesterday', 20261001, '2026-1-1', null),
};

// --- properties ---------------------------------------------------------------------------

describe('properties of the checker', () => {
	test('any valid generated playbook passes, with no errors and no warnings', () => {
		fc.assert(
			fc.property(validPlaybook, ({ files }) => {
				const report = check(files);
				expect(report.problems.filter((p) => p.severity !== 'info').map(formatProblem)).toEqual([]);
			}),
		);
	});

	test('breaking one required key of one definition is reported on that file and key', () => {
		const mutation = validPlaybook
			.filter(({ definitions }) => definitions.length > 0)
			.chain((model) =>
				fc.record({
					model: fc.constant(model),
					which: fc.nat({ max: model.definitions.length - 1 }),
					key: fc.constantFrom(...Object.keys(REQUIRED_WRONG)),
					remove: fc.boolean(),
				}),
			)
			.chain((m) => fc.record({ m: fc.constant(m), value: REQUIRED_WRONG[m.key]! }));
		fc.assert(
			fc.property(mutation, ({ m: { model, which, key, remove }, value }) => {
				const { path, data, body } = model.definitions[which]!;
				const files = new Map(model.files);
				const broken: Record<string, unknown> = { ...data };
				if (remove) delete broken[key];
				else broken[key] = value;
				files.set(path, entryText(broken, body));
				const report = check(files);
				expect(report.errorCount).toBeGreaterThan(0);
				expect(
					report.problems.some((p) => p.file === `content/${path}` && p.field === key),
					report.problems.map(formatProblem).join('\n'),
				).toBe(true);
			}),
		);
	});

	test('the checker never throws, and every problem is one line, whatever a file holds', () => {
		const anything = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc.string({ maxLength: 300 }).map((s) => `---\n${s}\n---\n`),
			fc.uint8Array({ maxLength: 300 }),
			fc
				.dictionary(
					fc.oneof(
						fc.string({ unit: 'binary', maxLength: 12 }),
						fc.constantFrom('a\nb', '\u202etitle', '__proto__', 'constructor', 'title\r'),
					),
					fc.jsonValue({ maxDepth: 4 }),
					{ maxKeys: 6 },
				)
				.map((data) => entryText(data)),
			fc.string({ maxLength: 200 }).map((s) => `---\ntitle: x\n---\n${s}`),
		);
		fc.assert(
			fc.property(validPlaybook, anything, fc.boolean(), ({ files }, content, asTeam) => {
				const all = new Map<string, string | Uint8Array>(files);
				all.set(asTeam ? 'team/someone.yaml' : 'personas/anything.mdx', content);
				const report = check(all);
				for (const problem of report.problems) {
					expect(formatProblem(problem)).not.toMatch(/[\n\r]/);
					expect(problem.file.length).toBeGreaterThan(0);
					expect(problem.fix.length).toBeGreaterThan(0);
				}
			}),
		);
	});

	test('the body check never throws, whatever links, tags and code a body holds', () => {
		const url = fc
			.array(
				fc.constantFrom(
					...['%', '%zz', '%E0%A4', '/', '../', './', '#', '?', ':', '[', ' ', '\t', 'x.png'],
					...['personas', 'cfo', 'https://', '//', 'javascript:', 'data:', 'file:', 'a.example'],
				),
				{ maxLength: 6 },
			)
			.map((parts) => parts.join(''));
		const piece = fc.oneof(
			url.map((u) => `[a](${u})`),
			url.map((u) => `![a](${u})`),
			url.map((u) => `\n\n[r]: ${u}\n\n[r] ![r][r]`),
			url.map((u) => `<a href="${u}">a</a>`),
			url.map((u) => `<img src='${u}' srcset="${u} 2x" style="background: url(${u})" />`),
			fc.constantFrom(
				...['<', '>', '</', '/>', '{', '}', '[', '](', ')', '![', ']:', '"', "'", '=', '&#', ';'],
				...['%', '%zz', '<!--', '-->', '--!>', ' ', '\t', '\n', '\n\n', '1. ', '- ', '{/*', '*/}'],
				...['href=', 'src=', 'srcset=', 'style=', 'url(', 'on', 'javascript:', '//', 'https://'],
				...['../', './', '/', '#', '.png', 'import ', 'export ', ' as ', '* as S', 'S.', ', '],
				...["from '@astrojs/starlight/components'", 'Steps', 'Aside', 'TabItem', 'a', 'img'],
			),
			fc.string({ maxLength: 4 }),
		);
		const body = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
		fc.assert(
			fc.property(validPlaybook, body, fc.boolean(), ({ files }, markup, asMarkdown) => {
				const all = new Map(files);
				const [path] = [...files.keys()].filter((file) => file.endsWith('.mdx'));
				if (!path) return;
				all.delete(path);
				all.set(asMarkdown ? path.replace(/\.mdx$/, '.md') : path, `${files.get(path)}\n${markup}`);
				for (const problem of check(all).problems)
					expect(formatProblem(problem)).not.toMatch(/[\n\r]/);
			}),
		);
	});

	test('the report does not depend on the order files are listed in', () => {
		const withDuplicates = validPlaybook.map(({ files }) => {
			const all = new Map(files);
			// Two files sharing an id: which one is reported must not depend on the order.
			const [first] = [...files.keys()].filter((path) => path.endsWith('.mdx'));
			if (first)
				all.set(
					first.replace(/\.mdx$/, '.md'),
					files.get(first)!.replace('owners:', 'x: 1\nowners:'),
				);
			return all;
		});
		fc.assert(
			fc.property(withDuplicates, fc.integer(), (files, seed) => {
				const shuffled = new Map(
					[...files].sort((a, b) => hash(a[0], seed) - hash(b[0], seed) || (a[0] < b[0] ? -1 : 1)),
				);
				expect(check(shuffled).problems).toEqual(check(files).problems);
			}),
		);
	});
});

function hash(text: string, seed: number): number {
	let h = seed | 0;
	for (const char of text) h = Math.imul(h ^ char.codePointAt(0)!, 0x9e3779b1);
	return h;
}
