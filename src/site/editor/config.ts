import { z } from 'zod';
import {
	COLLECTION_SPECS,
	COLLECTIONS,
	PAGE_COLLECTIONS,
	type CollectionName,
	type PageCollection,
} from '../../schemas/index.ts';
import { IsoDateSchema } from '../../schemas/fields.ts';
import { labelOf } from '../../schemas/vocabulary.ts';
import { referenceTarget } from '../../model/references.ts';
import { fieldLabel } from '../../model/words.ts';
import { BODY } from '../../browser/entry-file.ts';
import { COLLECTION_PAGES } from '../collections.ts';
import type { FieldHints } from './field-hints.ts';
import type { EditorSettings } from './settings.ts';

/**
 * The editor's configuration (Decap CMS's `config.yml`), made from the schemas: one collection
 * per folder of the content contract, one field per key, with the widget, the rules a form can
 * enforce and the hint written beside the key in `src/schemas`. A key added to a schema appears
 * in the editor with no other change. Only options both Decap CMS and Sveltia CMS read are used.
 */

export interface EditorConfigInput {
	settings: EditorSettings;
	/** The content folder, relative to the root of its git repository (`content`). */
	contentPath: string;
	hints: FieldHints;
	/** What a track step may point at: every entry, as `collection/id`, with a readable label. */
	stepTargets: readonly { value: string; label: string }[];
}

/** A Decap field, as written in `config.yml`. */
export type EditorField = { name: string; label: string; widget: string } & Record<string, unknown>;

type JsonSchema = {
	type?: string;
	format?: string;
	enum?: unknown[];
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	minItems?: number;
	maxItems?: number;
	default?: unknown;
	items?: JsonSchema;
	properties?: Record<string, JsonSchema>;
	required?: string[];
};

/** What one item of a list of texts is called in the form. */
const LIST_ITEM_LABELS: Record<string, string> = {
	aliases: 'Alias',
	goals: 'Goal',
	pains: 'Pain',
	entry_criteria: 'Criterion',
	exit_criteria: 'Criterion',
	rejection_reasons: 'Reason',
	industries: 'Industry',
	regions: 'Region',
	signals: 'Signal',
	disqualifiers: 'Disqualifier',
	avoid: 'Word to avoid',
};

/** The whole configuration. */
export function editorConfig(input: EditorConfigInput): Record<string, unknown> {
	const { settings } = input;
	return {
		backend: {
			// Without a repository the editor can only save through the local backend of
			// `npm run edit`, which Decap calls its proxy.
			// The GitHub sign-in asks only what saving needs: public repositories alone, unless the
			// playbook's is private, where GitHub has no narrower scope than `repo`.
			...(settings.repo
				? {
						name: 'github',
						repo: settings.repo,
						auth_scope: settings.privateRepo ? 'repo' : 'public_repo',
					}
				: { name: 'proxy', proxy_url: settings.localBackendUrl }),
			branch: settings.branch,
			...(settings.oauthUrl && { base_url: settings.oauthUrl }),
			...(settings.oauthEndpoint && { auth_endpoint: settings.oauthEndpoint }),
			commit_messages: {
				create: 'Add {{collection}} “{{slug}}”',
				update: 'Change {{collection}} “{{slug}}”',
				delete: 'Remove {{collection}} “{{slug}}”',
			},
		},
		// Every save is a branch and a pull request, judged by the diff and the approvals check.
		publish_mode: 'editorial_workflow',
		local_backend: { url: settings.localBackendUrl },
		media_folder: 'public/uploads',
		public_folder: '/uploads',
		...(settings.siteUrl && { site_url: settings.siteUrl, display_url: settings.siteUrl }),
		collections: PAGE_COLLECTIONS.map((name) => collectionConfig(name, input)),
	};
}

/**
 * How the editor lists and picks entries of a collection: by the key that names them. People
 * come with their department, so both sides of an ownership are easy to see.
 */
function namedBy(name: CollectionName) {
	const { kind, nameKey, summaryKey } = COLLECTION_SPECS[name];
	if (kind !== 'team')
		return {
			nameKey,
			summary: `{{${nameKey}}}`,
			sortable: [nameKey],
			search: [nameKey],
			display: [nameKey],
		};
	const withSide = `{{${nameKey}}} ({{department}})`;
	return {
		nameKey,
		summary: withSide,
		sortable: [nameKey, 'department'],
		search: [nameKey, 'department', ...(summaryKey ? [summaryKey] : [])],
		display: [withSide],
	};
}

function collectionConfig(name: PageCollection, input: EditorConfigInput) {
	const collection = COLLECTIONS[name];
	const naming = namedBy(name);
	// YAML files hold data alone; Markdown files carry a page of text below it.
	const hasBody = !collection.extensions.some((extension) => extension === '.yaml');
	const fields = schemaFields(name, input);
	return {
		name,
		label: collection.label,
		label_singular: collection.singular,
		description: COLLECTION_PAGES[name].intro,
		folder: joinPath(input.contentPath, name),
		extension: collection.extensions[0].slice(1),
		format: hasBody ? 'frontmatter' : 'yaml',
		create: true,
		// Removing a definition is a decision for a pull request of its own, made in git.
		delete: false,
		identifier_field: naming.nameKey,
		// The file name is the entry's id: made from the title for a new entry, never changed after.
		slug: '{{slug}}',
		summary: naming.summary,
		sortable_fields: naming.sortable,
		editor: { preview: false },
		fields: hasBody
			? [
					...fields,
					{
						name: BODY,
						label: 'Page text',
						widget: 'text',
						required: false,
						hint: 'The page below the fields, in Markdown. Saved exactly as you write it.',
					},
				]
			: fields,
	};
}

function joinPath(folder: string, name: string): string {
	const trimmed = folder.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
	return trimmed === '' || trimmed === '.' ? name : `${trimmed}/${name}`;
}

/** The JSON Schema of what a collection's files may hold, dates marked as dates. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
	return z.toJSONSchema(schema, {
		io: 'input',
		unrepresentable: 'any',
		override: (context) => {
			if (context.zodSchema === IsoDateSchema) context.jsonSchema.format = 'date';
		},
	}) as JsonSchema;
}

/** One field per key of the collection's schema (or of `schema`, for tests), in its order. */
export function schemaFields(
	name: CollectionName,
	input: EditorConfigInput,
	schema: z.ZodType = COLLECTIONS[name].schema,
): EditorField[] {
	return objectFields(inputJsonSchema(schema), name, '', input);
}

function objectFields(
	schema: JsonSchema,
	collection: CollectionName,
	prefix: string,
	input: EditorConfigInput,
	optionalParent = false,
): EditorField[] {
	// Inside an optional group (an ICP's revenue range) nothing is required until the group is
	// filled in; the form cannot say "required if the group is used", so the checker does.
	const required = new Set(optionalParent ? [] : (schema.required ?? []));
	return Object.entries(schema.properties ?? {}).map(([key, property]) => {
		const path = prefix ? `${prefix}.${key}` : key;
		const hint = input.hints.get(`${collection}:${path}`);
		const field: EditorField = {
			name: key,
			label: fieldLabel(key),
			...widgetFor(property, collection, path, input, !required.has(key)),
			required: required.has(key),
			...(hint && { hint }),
		};
		if (property.default !== undefined && !Array.isArray(property.default))
			field.default = property.default;
		return field;
	});
}

/** The widget and its options for one key. */
function widgetFor(
	schema: JsonSchema,
	collection: CollectionName,
	path: string,
	input: EditorConfigInput,
	optional: boolean,
): { widget: string } & Record<string, unknown> {
	const reference = referenceTarget(collection, path);
	const many = schema.type === 'array';
	if (reference) return relation(reference, many, many ? schema : undefined);
	if (collection === 'tracks' && path === 'steps.read') {
		return { widget: 'select', options: input.stepTargets.map((target) => ({ ...target })) };
	}
	if (schema.enum) return select(schema.enum, false);
	if (schema.format === 'date') {
		// Stored as the day alone, YYYY-MM-DD, as the content contract writes dates.
		return {
			widget: 'datetime',
			format: 'YYYY-MM-DD',
			date_format: 'YYYY-MM-DD',
			time_format: false,
			picker_utc: true,
		};
	}
	if (schema.type === 'integer' || schema.type === 'number') return numberWidget(schema);
	if (schema.type === 'array') {
		const items = schema.items ?? {};
		const bounds = listBounds(schema);
		if (items.enum) return { ...select(items.enum, true), ...bounds };
		if (items.type === 'object') {
			return {
				widget: 'list',
				...bounds,
				fields: objectFields(items, collection, path, input),
			};
		}
		const key = path.split('.').at(-1)!;
		return {
			widget: 'list',
			...bounds,
			// Collapsed, an item shows its text, not the word for one item.
			summary: '{{fields.item}}',
			field: {
				name: 'item',
				label: LIST_ITEM_LABELS[key] ?? 'Item',
				widget: 'string',
				...stringRules(items),
			},
		};
	}
	if (schema.type === 'object') {
		return {
			widget: 'object',
			collapsed: false,
			fields: objectFields(schema, collection, path, input, optional),
		};
	}
	return { widget: 'string', ...stringRules(schema) };
}

function relation(to: CollectionName, multiple: boolean, list?: JsonSchema) {
	const naming = namedBy(to);
	return {
		widget: 'relation',
		collection: to,
		value_field: '{{slug}}',
		search_fields: naming.search,
		display_fields: naming.display,
		multiple,
		...(list && listBounds(list)),
		options_length: 200,
	};
}

function select(values: unknown[], multiple: boolean) {
	return {
		widget: 'select',
		multiple,
		options: values.map((value) => ({ label: labelOf(String(value)), value })),
	};
}

function numberWidget(schema: JsonSchema) {
	const isInt = schema.type === 'integer';
	let min = schema.minimum;
	if (schema.exclusiveMinimum !== undefined && isInt) min = schema.exclusiveMinimum + 1;
	const max =
		schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
			? schema.maximum
			: undefined;
	return {
		widget: 'number',
		value_type: isInt ? 'int' : 'float',
		...(min !== undefined && { min }),
		...(max !== undefined && { max }),
		...(isInt && { step: 1 }),
	};
}

function listBounds(schema: JsonSchema) {
	return {
		...(schema.minItems !== undefined && { min: schema.minItems }),
		...(schema.maxItems !== undefined && { max: schema.maxItems }),
	};
}

/** A text's pattern and length, as the form's `pattern` rule with a message a person can act on. */
function stringRules(schema: JsonSchema): Record<string, unknown> {
	if (schema.pattern) {
		return {
			pattern: [
				schema.pattern,
				schema.format === 'email'
					? 'Write an e-mail address, such as name@company.com.'
					: 'This is not in the form this field needs; see the hint.',
			],
		};
	}
	if (schema.maxLength !== undefined) {
		return {
			pattern: [
				`^[\\s\\S]{0,${schema.maxLength}}$`,
				`Keep it to ${schema.maxLength.toLocaleString('en')} characters or fewer.`,
			],
		};
	}
	return {};
}
