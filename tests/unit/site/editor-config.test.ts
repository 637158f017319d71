import yaml from 'js-yaml';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { COLLECTIONS, PAGE_COLLECTIONS, LeadStageSchema } from '../../../src/schemas/index.ts';
import { REFERENCE_FIELDS } from '../../../src/model/references.ts';
import { readContent } from '../../../src/checks/read/read-content.ts';
import {
	editorConfig,
	type EditorField,
	inputJsonSchema,
	schemaFields,
} from '../../../src/site/editor/config.ts';
import { readFieldHints, schemaSourcesOnDisk } from '../../../src/site/editor/field-hints.ts';
import { editorConfigYaml, stepTargets } from '../../../src/site/editor/index.ts';
import {
	editorEntryUrl,
	editorSettings,
	githubEditUrl,
	hasEditor,
	sharedOrigin,
} from '../../../src/site/editor/settings.ts';
import { readFileSync } from 'node:fs';
import { ROOT } from '../../support/sites.ts';
import { join } from 'node:path';

const hints = readFieldHints(schemaSourcesOnDisk());
const settings = editorSettings({});
const input = { settings, contentPath: 'content', hints, stepTargets: [] };
const config = editorConfig(input) as {
	backend: Record<string, unknown>;
	publish_mode: string;
	local_backend: { url: string };
	collections: { name: string; folder: string; format: string; fields: EditorField[] }[];
};

type Json = {
	type?: string;
	format?: string;
	enum?: unknown[];
	items?: Json;
	properties?: Record<string, Json>;
	required?: string[];
};

/** The widget a person expects for a key of this JSON Schema shape. */
function expectedWidget(collection: string, path: string, schema: Json): string {
	if (path === 'owners' && COLLECTIONS[collection as 'personas'].kind === 'definition')
		return 'relation';
	if (REFERENCE_FIELDS.some((field) => field.from === collection && field.field === path))
		return 'relation';
	if (collection === 'tracks' && path === 'steps.read') return 'select';
	if (schema.enum) return 'select';
	if (schema.format === 'date') return 'datetime';
	if (schema.type === 'integer' || schema.type === 'number') return 'number';
	if (schema.type === 'array') return schema.items?.enum ? 'select' : 'list';
	if (schema.type === 'object') return 'object';
	return 'string';
}

/** Every key of a JSON Schema against the fields made for it, nested lists and groups too. */
function compare(collection: string, prefix: string, schema: Json, fields: EditorField[]) {
	const keys = Object.keys(schema.properties ?? {});
	expect(
		fields.map((field) => field.name),
		`${collection} ${prefix}`,
	).toEqual(keys);
	for (const field of fields) {
		const property = schema.properties![field.name]!;
		const path = prefix ? `${prefix}.${field.name}` : field.name;
		expect(field.widget, `${collection}:${path}`).toBe(expectedWidget(collection, path, property));
		const nested =
			property.type === 'object'
				? property
				: property.items?.type === 'object'
					? property.items
					: undefined;
		if (nested && field.widget !== 'relation')
			compare(collection, path, nested, field.fields as EditorField[]);
	}
}

describe('the editor configuration, made from the schemas', () => {
	test('has every collection, in its folder, saving through pull requests', () => {
		expect(config.collections.map((collection) => collection.name)).toEqual(PAGE_COLLECTIONS);
		expect(config.publish_mode).toBe('editorial_workflow');
		// Without PLAYBOOK_REPO it saves only through the local backend of npm run edit.
		expect(config.backend).toMatchObject({
			name: 'proxy',
			proxy_url: 'http://localhost:8081/api/v1',
			branch: 'main',
		});
		expect(config.backend).not.toHaveProperty('repo');
		expect(config.local_backend.url).toBe('http://localhost:8081/api/v1');
		for (const collection of config.collections) {
			expect(collection.folder).toBe(`content/${collection.name}`);
			expect(collection.format).toBe(collection.name === 'team' ? 'yaml' : 'frontmatter');
			expect(collection).toMatchObject({ create: true, delete: false, slug: '{{slug}}' });
		}
	});

	test.each(PAGE_COLLECTIONS)(
		'%s: every key of its schema is a field with the right widget',
		(name) => {
			const collection = config.collections.find((c) => c.name === name)!;
			const fields = collection.fields.filter((field) => field.name !== 'body');
			compare(name, '', inputJsonSchema(COLLECTIONS[name].schema), fields);
			const body = collection.fields.find((field) => field.name === 'body');
			// The body is kept verbatim: a plain text area, never the rich-text editor that escapes JSX.
			if (name === 'team') expect(body).toBeUndefined();
			else expect(body).toMatchObject({ widget: 'text', required: false });
		},
	);

	test.each(PAGE_COLLECTIONS)(
		'%s: required and optional as the schema says, each with its hint',
		(name) => {
			const schema = inputJsonSchema(COLLECTIONS[name].schema) as Json;
			const fields = schemaFields(name, input);
			for (const field of fields) {
				expect(field.required, `${name}:${field.name}`).toBe(schema.required!.includes(field.name));
				expect(field.hint, `${name}:${field.name}`).toBe(hints.get(`${name}:${field.name}`));
				expect(field.hint, `${name}:${field.name} has no comment in src/schemas`).toBeTruthy();
			}
		},
	);

	test('enums are selects with readable labels; references name their collection', () => {
		const fields = schemaFields('library', input);
		expect(fields.find((f) => f.name === 'format')!.options).toContainEqual({
			label: 'Case study',
			value: 'case-study',
		});
		expect(fields.find((f) => f.name === 'stages')).toMatchObject({
			widget: 'relation',
			collection: 'buyer-stages',
			multiple: true,
			min: 1,
		});
		const owners = fields.find((f) => f.name === 'owners')!;
		expect(owners).toMatchObject({ collection: 'team', value_field: '{{slug}}', multiple: true });
		expect(owners.display_fields).toEqual(['{{name}} ({{department}})']);
		const sla = schemaFields('slas', input);
		expect(sla.find((f) => f.name === 'lead_stage')).toMatchObject({
			widget: 'relation',
			collection: 'lead-stages',
			multiple: false,
			required: false,
		});
	});

	test('dates are stored YYYY-MM-DD; numbers keep their bounds; lists their minimum', () => {
		const fields = schemaFields('lead-stages', input);
		expect(fields.find((f) => f.name === 'reviewed')).toMatchObject({
			widget: 'datetime',
			format: 'YYYY-MM-DD',
			time_format: false,
		});
		expect(fields.find((f) => f.name === 'review_every')).toMatchObject({
			value_type: 'int',
			min: 1,
			max: 60,
			default: 6,
		});
		expect(fields.find((f) => f.name === 'score_threshold')).toMatchObject({
			value_type: 'float',
			min: 0,
		});
		expect(fields.find((f) => f.name === 'entry_criteria')).toMatchObject({
			widget: 'list',
			min: 1,
		});
		const github = schemaFields('team', input).find((f) => f.name === 'github')!;
		const [pattern] = github.pattern as [string, string];
		expect(new RegExp(pattern).test('dana-whitfield')).toBe(true);
		expect(new RegExp(pattern).test('@dana')).toBe(false);
	});

	test("inside an optional group nothing is required until it is used (an ICP's revenue range)", () => {
		const firmographics = schemaFields('icp', input).find((f) => f.name === 'firmographics')!;
		const groups = firmographics.fields as EditorField[];
		const employees = groups.find((f) => f.name === 'employees')!;
		const revenue = groups.find((f) => f.name === 'annual_revenue_usd')!;
		expect((employees.fields as EditorField[]).find((f) => f.name === 'min')!.required).toBe(true);
		expect((revenue.fields as EditorField[]).every((f) => f.required === false)).toBe(true);
	});

	test('a key added to a schema appears in the editor with no other change', () => {
		const extended = LeadStageSchema.extend({
			/** Days a lead may wait here. Optional. */
			max_days: z.int().min(1).optional(),
		});
		const fields = schemaFields('lead-stages', input, extended);
		expect(fields.at(-1)).toMatchObject({
			name: 'max_days',
			label: 'Max days',
			widget: 'number',
			value_type: 'int',
			min: 1,
			required: false,
		});
	});

	test('track steps point at any entry, offered by name', () => {
		const { playbook } = readContent(join(ROOT, 'content'));
		const targets = stepTargets(playbook);
		expect(targets).toContainEqual({
			value: 'lead-stages/mql',
			label: 'Lead stage: Marketing Qualified Lead',
		});
		const steps = schemaFields('tracks', { ...input, stepTargets: targets }).find(
			(f) => f.name === 'steps',
		)!;
		const read = (steps.fields as EditorField[]).find((f) => f.name === 'read')!;
		expect(read.options).toEqual(targets);
	});

	test("every hint is in a marketer's words: no ids, folders, raw values or date formats", () => {
		const developerWords =
			/\bids?\b|YYYY|\s\|\s|content\/|npm |[[\]{}]|→|CODEOWNERS|e\.g\.|non-empty|collection\/id|inclusive|components|Starlight|\bdefault\b/i;
		const hintsOf = (collection: string, fields: EditorField[], prefix = ''): string[] =>
			fields.flatMap((field) => [
				...(typeof field.hint === 'string' && developerWords.test(field.hint)
					? [`${collection}:${prefix}${field.name}  ${field.hint}`]
					: []),
				...hintsOf(
					collection,
					(field.fields as EditorField[] | undefined) ?? [],
					`${prefix}${field.name}.`,
				),
			]);
		expect(config.collections.flatMap((c) => hintsOf(c.name, c.fields))).toEqual([]);
		const mql = schemaFields('lead-stages', input);
		const hint = (name: string) => mql.find((field) => field.name === name)!.hint;
		expect(hint('owners')).toBe(
			'People who own this: at least one from sales and one from marketing.',
		);
		expect(hint('status')).toBe(
			'Draft while you write it; Approved once both sides agree; Deprecated when it is retired.',
		);
	});

	test('a collapsed list item shows its own text, not the word for an item', () => {
		const lists = config.collections.flatMap((collection) =>
			collection.fields.flatMap(function listsIn(field: EditorField): EditorField[] {
				const nested = ((field.fields as EditorField[] | undefined) ?? []).flatMap(listsIn);
				return field.widget === 'list' && field.field ? [field, ...nested] : nested;
			}),
		);
		expect(lists.map((list) => list.name)).toEqual(
			expect.arrayContaining(['aliases', 'entry_criteria', 'rejection_reasons']),
		);
		for (const list of lists)
			expect(list.summary, list.name).toBe(`{{fields.${(list.field as EditorField).name}}}`);
	});

	test('config.yml is YAML Decap reads, with the repository and branch from one setting', () => {
		const { playbook } = readContent(join(ROOT, 'content'));
		const text = editorConfigYaml(
			playbook,
			join(ROOT, 'content'),
			editorSettings({ PLAYBOOK_REPO: 'ledgerline/playbook', PLAYBOOK_BRANCH: 'live' }),
			schemaSourcesOnDisk(),
		);
		const parsed = yaml.load(text) as typeof config;
		expect(parsed.backend).toMatchObject({
			name: 'github',
			repo: 'ledgerline/playbook',
			branch: 'live',
		});
		expect(parsed.collections.find((c) => c.name === 'personas')!.folder).toBe('content/personas');
	});
});

describe('the editor settings', () => {
	test('without PLAYBOOK_REPO there is no editor link, unless the editor runs locally', () => {
		expect(hasEditor(editorSettings({}))).toBe(false);
		expect(githubEditUrl(editorSettings({}), 'content/lead-stages/mql.mdx')).toBeUndefined();
		expect(hasEditor(editorSettings({ PLAYBOOK_EDITOR: 'local' }))).toBe(true);
	});

	test('PLAYBOOK_REPO and PLAYBOOK_BRANCH make the links', () => {
		const github = editorSettings({
			PLAYBOOK_REPO: 'ledgerline/playbook',
			PLAYBOOK_BRANCH: 'live',
		});
		expect(hasEditor(github)).toBe(true);
		expect(githubEditUrl(github, 'content/lead-stages/mql.mdx')).toBe(
			'https://github.com/ledgerline/playbook/edit/live/content/lead-stages/mql.mdx',
		);
		expect(editorEntryUrl('/playbook', 'lead-stages', 'mql')).toBe(
			'/playbook/admin/#/collections/lead-stages/entries/mql',
		);
		expect(editorEntryUrl('/', 'team', 'dana-whitfield')).toBe(
			'/admin/#/collections/team/entries/dana-whitfield',
		);
	});

	test.each([
		[
			{ PLAYBOOK_REPO: 'https://github.com/ledgerline/playbook' },
			'PLAYBOOK_REPO  is "https://github.com/ledgerline/playbook", which is not a GitHub repository. Set it to owner/name, for example PLAYBOOK_REPO=ledgerline/playbook.',
		],
		[
			{ PLAYBOOK_BRANCH: 'main..live' },
			'PLAYBOOK_BRANCH  is "main..live", which is not a branch name. Set it to the branch pull requests merge into, for example main.',
		],
		[
			{ PLAYBOOK_EDITOR_PORT: 'eighty' },
			'PLAYBOOK_EDITOR_PORT  is "eighty", which is not a port. Leave it unset for 8081, or set a number such as 8082.',
		],
	])('a setting that makes no sense is one line: %o', (env, line) => {
		expect(() => editorSettings(env)).toThrow(line);
	});
});

describe("the deployed editor's GitHub token", () => {
	const githubBackend = (env: Record<string, string>) =>
		(
			yaml.load(
				editorConfigYaml(
					readContent(join(ROOT, 'content')).playbook,
					join(ROOT, 'content'),
					editorSettings({ PLAYBOOK_REPO: 'ledgerline/playbook', ...env }),
					schemaSourcesOnDisk(),
				),
			) as { backend: Record<string, unknown> }
		).backend;

	test('the sign-in asks GitHub for public repositories only, or repo where the playbook is private', () => {
		expect(githubBackend({})).toMatchObject({ name: 'github', auth_scope: 'public_repo' });
		expect(githubBackend({ PLAYBOOK_REPO_PRIVATE: 'true' })).toMatchObject({
			auth_scope: 'repo',
		});
		expect(() => editorSettings({ PLAYBOOK_REPO_PRIVATE: 'yes' })).toThrow(
			'PLAYBOOK_REPO_PRIVATE  is "yes", which is neither true nor false. Set true when the repository on GitHub is private.',
		);
	});

	test('PLAYBOOK_EDITOR=off leaves the editor out, links included', () => {
		expect(hasEditor(editorSettings({ PLAYBOOK_REPO: 'ledgerline/playbook' }))).toBe(true);
		expect(
			hasEditor(editorSettings({ PLAYBOOK_REPO: 'ledgerline/playbook', PLAYBOOK_EDITOR: 'off' })),
		).toBe(false);
		expect(() => editorSettings({ PLAYBOOK_EDITOR: 'no' })).toThrow(
			'PLAYBOOK_EDITOR  is "no", which is not a choice.',
		);
	});

	test('an origin on github.io is shared by every Pages site of its owner; a domain of its own is not', () => {
		expect(sharedOrigin('https://ledgerline.github.io')).toBe(true);
		expect(sharedOrigin('https://LedgerLine.GitHub.io/')).toBe(true);
		expect(sharedOrigin('https://playbook.ledgerline.com')).toBe(false);
		expect(sharedOrigin('https://github.io.example.com')).toBe(false);
		expect(() =>
			editorSettings({
				PLAYBOOK_REPO: 'ledgerline/playbook',
				PLAYBOOK_SITE: 'https://ledgerline.github.io',
			}),
		).toThrow(
			/^PLAYBOOK_EDITOR {2}is on for https:\/\/ledgerline\.github\.io, an address every GitHub Pages site/,
		);
		expect(
			editorSettings({
				PLAYBOOK_REPO: 'ledgerline/playbook',
				PLAYBOOK_SITE: 'https://ledgerline.github.io',
				PLAYBOOK_EDITOR: 'off',
			}).enabled,
		).toBe(false);
	});

	test('the deploy builds without the editor unless the site has an origin of its own', () => {
		const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');
		expect(workflow).toContain(
			"PLAYBOOK_EDITOR: ${{ (vars.PLAYBOOK_EDITOR == 'on' && !endsWith(steps.pages.outputs.host, '.github.io')) && 'on' || 'off' }}",
		);
		expect(workflow).toContain('PLAYBOOK_REPO_PRIVATE: ${{ github.event.repository.private }}');
	});
});
