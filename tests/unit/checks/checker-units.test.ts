import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { approvalGate } from '../../../src/review/approvals.ts';
import {
	ASIDE_TYPES,
	checkBodies,
	htmlStartTags,
	importedComponents,
	isRemote,
	isScriptUrl,
	STARLIGHT_COMPONENTS,
} from '../../../src/checks/rules/bodies/index.ts';
import {
	formatGithubAnnotations,
	formatJson,
	formatSummary,
	formatText,
} from '../../../src/checks/problems/reporters.ts';
import { type Report, runRules } from '../../../src/checks/index.ts';
import {
	PROBLEM_KINDS,
	problem,
	quote,
	severityOf,
	sortProblems,
	visible,
} from '../../../src/checks/problems/problems.ts';
import { todayIso } from '../../../src/model/review-dates.ts';
import { diffPlaybooks } from '../../../src/model/diff.ts';
import { createPlaybook, type Entry } from '../../../src/model/playbook.ts';
import {
	collectionAbbreviation,
	COLLECTIONS,
	COLLECTION_NAMES,
} from '../../../src/schemas/index.ts';
import {
	BUYING_ROLES,
	DEPARTMENTS,
	FORMATS,
	labelOf,
	STATUSES,
	USES,
} from '../../../src/schemas/vocabulary.ts';
import { check, lines, playbookWith } from '../../support/helpers.ts';

describe('words shown for the contract’s values', () => {
	test('every value of every list has its label, and an unknown value shows as itself', () => {
		const values = [...DEPARTMENTS, ...STATUSES, ...BUYING_ROLES, ...FORMATS, ...USES];
		expect(Object.fromEntries(values.map((value) => [value, labelOf(value)])))
			.toMatchInlineSnapshot(`
			{
			  "approved": "Approved",
			  "battlecard": "Battlecard",
			  "blog-post": "Blog post",
			  "both": "Sales and marketing",
			  "calculator": "Calculator",
			  "case-study": "Case study",
			  "champion": "Champion",
			  "customer-success": "Customer success",
			  "deck": "Deck",
			  "deprecated": "Deprecated",
			  "draft": "Draft",
			  "economic-buyer": "Economic buyer",
			  "email-template": "Email template",
			  "executive": "Executive",
			  "influencer": "Influencer",
			  "marketing": "Marketing",
			  "one-pager": "One-pager",
			  "revenue-operations": "Revenue operations",
			  "sales": "Sales",
			  "talk-track": "Talk track",
			  "technical-evaluator": "Technical evaluator",
			  "user": "User",
			  "video": "Video",
			  "webinar": "Webinar",
			  "whitepaper": "Whitepaper",
			}
		`);
		expect(labelOf('something-new')).toBe('something-new');
	});

	test('ICP and SLA have abbreviations; other collections do not', () => {
		expect(
			Object.fromEntries(
				COLLECTION_NAMES.map((name) => [name, collectionAbbreviation(name) ?? null]),
			),
		).toMatchInlineSnapshot(`
			{
			  "buyer-stages": null,
			  "glossary": null,
			  "guides": null,
			  "icp": "ICP",
			  "lead-stages": null,
			  "library": null,
			  "metrics": null,
			  "personas": null,
			  "results": null,
			  "slas": "SLA",
			  "team": null,
			  "tracks": null,
			}
		`);
	});
});

describe('defaults the schemas fill in', () => {
	const common = {
		title: 'T',
		summary: 'S.',
		owners: ['a', 'b'],
		status: 'draft',
		reviewed: '2026-10-01',
	};
	test.each([
		['personas', { ...common, role: 'CFO', buying_role: 'champion' }],
		['icp', { ...common, tier: 1, firmographics: { employees: { min: 10 } } }],
		['lead-stages', { ...common, order: 1, worked_by: 'sales', entry_criteria: ['x'] }],
		['library', { ...common, stages: ['a'], format: 'deck', use: 'sales' }],
		['glossary', { ...common, definition: 'D.' }],
		[
			'metrics',
			{
				...common,
				formula: 'F',
				numerator: 'N',
				denominator: 'D',
				unit: 'percent',
				target: 5,
				period: 'per quarter',
				source: 'CRM',
			},
		],
		['guides', { title: 'G', description: 'From the description.' }],
		['guides', { title: 'G', summary: 'From the summary.', description: 'Not this.' }],
	] as const)('%s', (collection, data) => {
		expect(COLLECTIONS[collection].schema.parse(data)).toMatchSnapshot();
	});
});

describe('report formats', () => {
	const sample = (problems: ReturnType<typeof problem>[]): Report => ({
		problems,
		errorCount: problems.filter((p) => p.severity === 'error').length,
		warningCount: problems.filter((p) => p.severity === 'warning').length,
		infoCount: problems.filter((p) => p.severity === 'info').length,
		fileCount: 1,
		playbook: createPlaybook([]),
	});

	test('annotations escape what GitHub reads as syntax', () => {
		const report = sample([
			problem('InvalidValue', 'content/a,b:c%.mdx', 'x', '50% of\nleads\r', 'Fix: it, now.'),
			problem('ReviewOverdue', 'content/b.mdx', 'reviewed', 'was due', 'Review it.'),
			problem('CoverageGap', 'content/c.mdx', 'coverage', 'no item', 'Plan one.'),
		]);
		expect(formatGithubAnnotations(report).split('\n')).toEqual([
			'::error file=content/a%2Cb%3Ac%25.mdx,title=A value has the wrong type or shape (x)::50%25 of%0Aleads%0D. Fix: it, now.',
			'::warning file=content/b.mdx,title=A definition is past its review date (reviewed)::was due. Review it.',
			'::notice file=content/c.mdx,title=A persona has no content at a buyer stage (coverage)::no item. Plan one.',
		]);
		expect(formatText(report).split('\n')).toEqual([
			'content/a,b:c%.mdx  x  50% of\nleads\r. Fix: it, now.'.split('\n')[0],
			'leads\r. Fix: it, now.',
			'content/b.mdx  reviewed  warning: was due. Review it.',
			'content/c.mdx  coverage  info: no item. Plan one.',
			'Playbook has problems: 1 error, 1 warning in 1 file. 1 coverage gap noted.',
		]);
		expect(JSON.parse(formatJson(report))).toMatchObject({
			ok: false,
			errorCount: 1,
			warningCount: 1,
			infoCount: 1,
			fileCount: 1,
		});
	});

	test('a problem at a place in the file carries its line and column in every format', () => {
		const link = (line: number) =>
			problem('BrokenLink', 'content/guides/a.md', 'body', 'links to /x/', 'Link to a page.', {
				line,
				column: 3,
			});
		// Sorted by line as a number, where the text alone would put 11 before 8.
		const report = sample(sortProblems([link(11), link(8)]));
		expect(formatText(report).split('\n').slice(0, 2)).toEqual([
			'content/guides/a.md  body  line 8: links to /x/. Link to a page.',
			'content/guides/a.md  body  line 11: links to /x/. Link to a page.',
		]);
		expect(formatGithubAnnotations(report).split('\n')[1]).toBe(
			'::error file=content/guides/a.md,line=11,col=3,title=A link in a body points at no page of the site (body)::links to /x/. Link to a page.',
		);
		expect(JSON.parse(formatJson(report)).problems[1]).toMatchObject({ line: 11, column: 3 });
		// A problem without a place has no position keys at all.
		expect(Object.keys(problem('NoOwners', 'a', 'owners', 'b', 'c.'))).not.toContain('line');
		expect(problem('NoOwners', 'a', 'owners', 'b', 'c.', { column: 2 })).not.toHaveProperty(
			'column',
		);
	});

	test('a body problem found by the checker is annotated on its line', () => {
		const entry = {
			collection: 'guides',
			id: 'start-here',
			file: 'content/guides/start-here.md',
			data: { title: 'Start here' },
			body: 'Intro.\n\nSee [the CTO](/personas/cto/).\n',
			bodyLine: 5,
		} as unknown as Entry;
		const [found] = runRules([checkBodies], createPlaybook([entry]));
		expect(found).toMatchObject({ code: 'BrokenLink', line: 7, column: 5 });
		expect(formatGithubAnnotations({ ...sample([found!]) })).toContain(
			'file=content/guides/start-here.md,line=7,col=5,',
		);
	});

	test('a summary counts in words, singular and plural', () => {
		expect(formatSummary(sample([]))).toBe('Playbook is valid: 0 errors, 0 warnings in 1 file.');
		const two = sample([
			problem('CoverageGap', 'a', 'b', 'c', 'd.'),
			problem('CoverageGap', 'a', 'b', 'c', 'd.'),
		]);
		expect(formatSummary({ ...two, fileCount: 3 })).toBe(
			'Playbook is valid: 0 errors, 0 warnings in 3 files. 2 coverage gaps noted.',
		);
	});
});

describe('values quoted in messages', () => {
	test('are shortened to 60 characters and made visible', () => {
		expect(quote('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
		expect(quote('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
		expect(quote(42)).toBe('42');
		expect(quote({ a: [1] })).toBe('{"a":[1]}');
		expect(quote(undefined)).toBe('undefined');
		expect(quote('a\tb\nc\u0000d\u007fe\u0085f\u2028g')).toBe('"a b c d e f g"');
		expect(visible('a\u200bb\u200fc\u202ad\u202ee\u2060f\u2069g\ufeffh')).toBe('a?b?c?d?e?f?g?h');
		expect(visible('plain text, “quoted” é')).toBe('plain text, “quoted” é');
	});
});

describe('the day reviews are measured against', () => {
	test('is the UTC calendar day', () => {
		expect(todayIso(new Date('2026-11-24T23:59:59Z'))).toBe('2026-11-24');
	});

	test('an overdue review is a warning with the day it fell due, or an error when strict', () => {
		const root = playbookWith();
		expect(lines(check(root, { today: '2027-06-01' }))).toContain(
			'content/personas/cfo.mdx  reviewed  warning: was 2026-10-01; the review every 6 months fell due on 2027-04-01. Have the owners review it, then set reviewed to the day they did.',
		);
		const strict = check(root, { today: '2027-06-01', strict: true });
		expect(strict.problems.find((p) => p.code === 'ReviewOverdue')?.severity).toBe('error');
	});

	test('--strict promotes what the registry marks, and nothing else', () => {
		const codes = Object.keys(PROBLEM_KINDS) as (keyof typeof PROBLEM_KINDS)[];
		const promoted = codes.filter((code) => severityOf(code, true) !== severityOf(code));
		expect(promoted).toEqual(['ReviewOverdue', 'PlaceholderText']);
		expect(promoted.map((code) => severityOf(code, true))).toEqual(['error', 'error']);
	});
});

describe('the approval gate reads handles as people type them', () => {
	const base = check(playbookWith()).playbook;
	const changedRoot = playbookWith();
	writeFileSync(
		join(changedRoot, 'content', 'personas', 'cfo.mdx'),
		'---\ntitle: CFO\nsummary: Signs the order, now sooner.\nowners: [sam-seller, mia-marketer]\nstatus: approved\nreviewed: 2026-10-01\nrole: Chief Financial Officer\nbuying_role: economic-buyer\n---\n',
	);
	writeFileSync(
		join(changedRoot, 'content', 'team', 'new-hire.yaml'),
		'name: New Hire\ntitle: SDR\ndepartment: sales\n',
	);
	const changes = diffPlaybooks(base, check(changedRoot).playbook);

	test('with @, spaces and capitals, and ignoring empty entries', () => {
		const result = approvalGate({ base, changes, approvedBy: [' @SamSeller ', '', 'MIAMARKETER'] });
		expect(result.checked).toBe(2);
		expect(result.waiting).toEqual([
			{
				file: 'content/team/new-hire.yaml',
				needs: 'someone in revenue operations or an executive (Rae Ops (no GitHub handle))',
			},
		]);
	});

	test('only definitions: nothing to wait for, one item checked', () => {
		const only = changes.filter((change) => change.collection !== 'team');
		expect(approvalGate({ base, changes: only, approvedBy: ['samseller', 'miamarketer'] })).toEqual(
			{
				waiting: [],
				checked: 1,
			},
		);
	});
});

describe('reading bodies as a browser and Starlight read them', () => {
	const starlightFile = (path: string) =>
		readFileSync(
			join(
				import.meta.dirname,
				'..',
				'..',
				'..',
				'node_modules',
				'@astrojs',
				'starlight',
				'dist',
				path,
			),
			'utf8',
		);

	test('the component list is what the installed Starlight exports, and the aside types what it draws', () => {
		const exported = [
			...starlightFile('components.ts').matchAll(/export \{ (?:default as )?(\w+) \}/g),
		].map((m) => m[1]);
		expect([...STARLIGHT_COMPONENTS].sort()).toEqual(exported.sort());
		const variants = /asideVariants: readonly \[([^\]]+)\]/.exec(
			starlightFile('integrations/aside-utils.d.ts'),
		)![1]!;
		expect(ASIDE_TYPES).toEqual(variants.split(',').map((v) => v.trim().replace(/"/g, '')));
	});

	test('start tags are read with / as a separator, unquoted values and decoded references', () => {
		expect(
			htmlStartTags(
				'<IMG/SRC="x.png"/onError=alert(1)><!-- <script> --><a href=\'jav&#x61;script:x\' title=&quot;t>x</a></b>< p>',
			),
		).toEqual([
			{
				name: 'img',
				attributes: [
					['src', 'x.png'],
					['onerror', 'alert(1)'],
				],
			},
			{
				name: 'a',
				attributes: [
					['href', 'javascript:x'],
					['title', '"t'],
				],
			},
		]);
		expect(htmlStartTags('<div hidden =  "a" =b>')).toEqual([
			{
				name: 'div',
				attributes: [
					['hidden', 'a'],
					['=b', ''],
				],
			},
		]);
		// A tag the text ends inside makes no element; readHtml names it as unclosed.
		expect(htmlStartTags('<p title="never closed')).toEqual([]);
	});

	test('script URLs are found as a browser follows them', () => {
		for (const url of [
			'javascript:x',
			' JavaScript:x',
			'java\tscript:x',
			'\u0001vbscript:x',
			'data:text/html,x',
		])
			expect(isScriptUrl(url), url).toBe(true);
		for (const url of ['https://x.example/javascript:', '/javascript/', 'mailto:a@b.co'])
			expect(isScriptUrl(url), url).toBe(false);
	});

	test('a URL is remote when it names another host, however it is written', () => {
		for (const url of [
			'https://a.example/x.png',
			'//a.example/x.png',
			'http:a.example/x',
			' ftp://a.example/x',
			'wss://a.example',
		])
			expect(isRemote(url), url).toBe(true);
		for (const url of [
			'/images/x.png',
			'./x.png',
			'../x.png',
			'x.png',
			'#top',
			'',
			'mailto:a@b.co',
			'data:image/png;base64,AA',
		])
			expect(isRemote(url), url).toBe(false);
	});

	test('Starlight imports: named, renamed, namespaced, unknown and default', () => {
		const imported = importedComponents(
			"import { Aside, TabItem as Tab, Nope } from '@astrojs/starlight/components';\nimport * as S from '@astrojs/starlight/components';\nimport Card from '@astrojs/starlight/components';",
		);
		expect(Object.fromEntries(imported.components)).toEqual({ Aside: 'Aside', Tab: 'TabItem' });
		expect([...imported.namespaces]).toEqual(['S']);
		expect(imported.unknown).toEqual(['Nope']);
		expect(imported.defaults).toEqual(['Card']);
	});
});
