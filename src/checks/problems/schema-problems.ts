import type { z } from 'zod';
import { closest } from './closest.ts';
import { quote, type ReportProblem, visible } from './problems.ts';

/**
 * Reports zod's issues for one file as problem lines. Messages of our own refinements are written
 * as "<predicate>. <Fix.>" (see src/schemas/fields.ts); zod's built-in issues get wording here.
 */
export function reportSchemaIssues(
	report: ReportProblem,
	schema: z.ZodType,
	issues: readonly z.core.$ZodIssue[],
	data: unknown,
): void {
	for (const issue of issues) reportIssue(report, schema, issue, data);
}

function reportIssue(
	report: ReportProblem,
	schema: z.ZodType,
	issue: z.core.$ZodIssue,
	data: unknown,
): void {
	const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
	const input = valueAt(data, path);
	const field = fieldName(path);
	if (input === undefined && issue.code === 'custom') {
		// A key our own rule asks for (results: metrics, or another section) says what it wants.
		const [predicate, fix] = splitMessage(issue.message);
		report('MissingField', field, predicate, fix);
		return;
	}
	if (input === undefined && issue.code !== 'unrecognized_keys') {
		const key = path.at(-1);
		const expected =
			issue.code === 'invalid_type'
				? describeType(issue.expected)
				: issue.code === 'invalid_value'
					? `one of ${issue.values.map(String).join(', ')}`
					: 'a value';
		report(
			'MissingField',
			field,
			'is required but missing',
			`Add ${typeof key === 'string' ? `${key}: ` : 'it '}with ${expected}.`,
		);
		return;
	}
	switch (issue.code) {
		case 'unrecognized_keys': {
			const allowed = keysAt(schema, path);
			for (const key of issue.keys) {
				const guess = closest(key, allowed);
				report(
					'UnknownKey',
					// The full path: a stray key in a list item is `commitments[0].owner`.
					fieldName([...path, key]),
					'is not a key of the content contract',
					guess
						? `Rename it to ${guess} if that is what you meant, or remove it.`
						: `Remove it; the keys allowed here are ${allowed.join(', ')}.`,
				);
			}
			return;
		}
		case 'invalid_type': {
			const expected = describeType(issue.expected);
			report(
				'InvalidValue',
				field,
				`${itemPrefix(path)}${quote(input)} is ${describeValue(input)}, not ${expected}`,
				`Write ${expected} instead.`,
			);
			return;
		}
		case 'invalid_value': {
			const values = issue.values.map(String);
			const guess = typeof input === 'string' ? closest(input, values) : undefined;
			report(
				'InvalidValue',
				field,
				`${itemPrefix(path)}${quote(input)} is not one of ${values.join(', ')}`,
				guess
					? `Did you mean ${guess}? Use one of the listed values.`
					: 'Use one of the listed values.',
			);
			return;
		}
		default: {
			const [predicate, fix] = splitMessage(issue.message);
			const subject = input === undefined ? 'it' : quote(input);
			report('InvalidValue', field, `${itemPrefix(path)}${subject} ${predicate}`, fix);
		}
	}
}

/** `commitments[0].target`; a trailing list index is dropped (`owners`, not `owners[1]`). */
export function fieldName(path: readonly (string | number)[]): string {
	const trimmed = typeof path.at(-1) === 'number' ? path.slice(0, -1) : path;
	if (trimmed.length === 0) return 'frontmatter';
	return trimmed.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : joinField(name, visible(key))),
		'',
	);
}

function joinField(parent: string, key: string): string {
	return parent === '' || parent === 'frontmatter' ? key : `${parent}.${key}`;
}

/** "item 2: " when the problem is about one element of a list of scalars. */
function itemPrefix(path: readonly (string | number)[]): string {
	const last = path.at(-1);
	return typeof last === 'number' ? `item ${last + 1}, ` : '';
}

function splitMessage(message: string): [string, string] {
	const at = message.search(/\. [A-Z]/);
	if (at === -1) return [message.replace(/\.$/, ''), 'Correct the value.'];
	return [message.slice(0, at), message.slice(at + 2)];
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
	}
	return value;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list, such as [a, b]',
	object: 'a set of key: value lines',
	date: 'a date written YYYY-MM-DD',
};

function describeType(expected: string): string {
	return TYPE_NAMES[expected] ?? expected;
}

function describeValue(value: unknown): string {
	if (value === null) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a set of keys';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
	if (typeof value === 'boolean') return 'true or false';
	return typeof value;
}

/**
 * The parts of a schema's definition (zod's `_zod.def`) that lead to the keys inside it; each is
 * there only for the kinds of schema that have it (`shape` for objects, `element` for arrays).
 */
type SchemaDef = {
	type: string;
	shape?: Record<string, z.ZodType>;
	innerType?: z.ZodType;
	element?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
};

/** The keys a strict object in `schema` allows at `path`, for "did you mean" hints. */
function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
	let current: z.ZodType | undefined = schema;
	let remaining = [...path];
	while (current) {
		const def: SchemaDef = current._zod.def;
		if (def.innerType) current = def.innerType;
		else if (def.type === 'pipe')
			current = def.in?._zod.def.type === 'transform' ? def.out : def.in;
		else if (remaining.length === 0) return def.shape ? Object.keys(def.shape) : [];
		else if (def.type === 'array') [current, remaining] = [def.element, remaining.slice(1)];
		else if (def.shape)
			[current, remaining] = [def.shape[String(remaining[0])], remaining.slice(1)];
		else return [];
	}
	return [];
}
