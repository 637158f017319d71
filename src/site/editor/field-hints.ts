import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

/**
 * The documentation comment of every key of every collection's schema, read from the schema
 * files themselves, so the hint under a field in the editor is the sentence written beside the
 * rule in `src/schemas`. Keys are `collection` then the key's path: `icp:firmographics.employees.min`.
 */
export type FieldHints = ReadonlyMap<string, string>;

/** The text of each schema file, by file name (`index.ts`, `personas.ts`…). */
export type SchemaSourceTexts = Readonly<Record<string, string>>;

/** The schema files as they are on disk, for the command line and tests. */
export function schemaSourcesOnDisk(dir = join(import.meta.dirname, '..', '..', 'schemas')) {
	return Object.fromEntries(
		readdirSync(dir)
			.filter((name) => name.endsWith('.ts'))
			.map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
	);
}

/** The hints of every collection named in the schemas' `index.ts`. */
export function readFieldHints(sources: SchemaSourceTexts): FieldHints {
	const reader = new SchemaSources(sources);
	const hints = new Map<string, string>();
	const index = reader.source('index.ts');
	if (!index) return hints;
	const table = findConst(index, 'COLLECTIONS');
	if (!table || !ts.isObjectLiteralExpression(table)) return hints;
	for (const collection of table.properties) {
		if (
			!ts.isPropertyAssignment(collection) ||
			!ts.isObjectLiteralExpression(collection.initializer)
		)
			continue;
		const name = propertyName(collection.name);
		const schema = collection.initializer.properties.find(
			(property) => property.name && propertyName(property.name) === 'schema',
		);
		if (!name || !schema || !ts.isPropertyAssignment(schema)) continue;
		reader.collectHints(schema.initializer, index, '', (path, hint) =>
			hints.set(`${name}:${path}`, READER_HINTS[`${name}:${path}`] ?? READER_HINTS[path] ?? hint),
		);
	}
	return hints;
}

/**
 * The hint in a marketer's words where the schema's comment is written for whoever maintains
 * the code (ids, folders, lists of raw values, date formats). By key, or by `collection:key`
 * where one collection's key needs its own words. A key not listed shows its comment.
 */
const READER_HINTS: Readonly<Record<string, string>> = {
	owners: 'People who own this: at least one from sales and one from marketing.',
	status:
		'Draft while you write it; Approved once both sides agree; Deprecated when it is retired.',
	reviewed: 'The day both sides last checked that it is still right.',
	aliases:
		'Other words reps use for it, so search finds it by them too, for example marketing lead or hand-raiser. Optional.',
	review_every: 'How many months until it is checked again. Leave it empty for every 6 months.',
	'team:github':
		'Their GitHub user name, without the @, so they are asked to review changes to what they own. Optional.',
	'team:left':
		'The day the person left the company. From that day they count for neither sales nor marketing, so what they owned needs a new owner. Optional.',
	'personas:buying_role': 'Their part in the buying decision.',
	'personas:icp': 'The ICP tiers this persona is found in.',
	'icp:firmographics.industries': 'Industries, for example Software and Fintech.',
	'icp:firmographics.employees': 'How many people work there, for example 200 to 2,000.',
	'icp:firmographics.employees.min': 'The fewest employees, this number included.',
	'icp:firmographics.employees.max':
		'The most employees, this number included. Leave it empty for no upper limit.',
	'icp:firmographics.regions': 'Regions, for example North America and EMEA.',
	'lead-stages:order':
		'Where the stage sits in the lifecycle: lower numbers come first, and the lowest is where every lead enters.',
	'lead-stages:entry_criteria': 'What makes a lead enter this stage. At least one.',
	'lead-stages:next':
		'The stages a lead can move to from here. Leave it empty for a stage that ends the lifecycle.',
	'buyer-stages:order': 'Where the stage sits in the journey: lower numbers come first.',
	'library:stages': 'The buyer stages it serves. At least one.',
	'library:personas': 'The personas it serves. Leave it empty for every persona.',
	'library:format': 'What kind of asset it is.',
	'library:use': 'Who uses it with buyers.',
	'library:url': 'Where the asset lives: a web address starting with https://. Optional.',
	'slas:lead_stage': 'The lead stage it governs. Optional.',
	'slas:commitments': 'The promises, each one measurable. At least one.',
	'glossary:see_also': 'Related terms.',
	'metrics:lead_stages': 'The lead stages it spans, for example MQL and SQL.',
	'metrics:better': 'Whether a higher or a lower value is better. Leave it empty for higher.',
	'tracks:order':
		'Where the track sits among the tracks on the home page: lower numbers come first. Optional.',
	'guides:description': 'The same as the summary. Optional.',
	'guides:order': 'Where the guide sits in the list of guides: lower numbers come first. Optional.',
	'tracks:steps': 'The steps, in order. At least one.',
	'tracks:steps.read': 'The page to read.',
	'tracks:steps.check.choices':
		'The answers to pick from, the right one among them, in the order shown. At least two.',
};

class SchemaSources {
	private readonly files = new Map<string, ts.SourceFile>();
	constructor(sources: SchemaSourceTexts) {
		this.sources = sources;
	}
	private readonly sources: SchemaSourceTexts;

	source(name: string): ts.SourceFile | undefined {
		let source = this.files.get(name);
		const text = this.sources[name];
		if (!source && text !== undefined) {
			source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
			this.files.set(name, source);
		}
		return source;
	}

	/** The expression a name stands for in a file: a const there, or one it imports. */
	resolve(
		name: string,
		file: ts.SourceFile,
	): { node: ts.Expression; file: ts.SourceFile } | undefined {
		const local = findConst(file, name);
		if (local) return { node: local, file };
		for (const statement of file.statements) {
			if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
				continue;
			// Only the project's own schema files; a package's names hold no keys of the contract.
			if (!statement.moduleSpecifier.text.startsWith('.')) continue;
			const bindings = statement.importClause?.namedBindings;
			if (!bindings || !ts.isNamedImports(bindings)) continue;
			const imported = bindings.elements.find((element) => element.name.text === name);
			if (!imported) continue;
			// The schemas are one folder, so an import names a file by its base name.
			const target = this.source(basename(statement.moduleSpecifier.text));
			return target && this.resolve(imported.propertyName?.text ?? name, target);
		}
		return undefined;
	}

	/**
	 * Walks a schema expression to the object literals that declare its keys, following calls
	 * (`z.array(…)`, `.optional()`), spreads and names of other schemas.
	 */
	collectHints(
		node: ts.Node,
		file: ts.SourceFile,
		prefix: string,
		add: (path: string, hint: string) => void,
		seen = new Set<ts.Node>(),
	): void {
		if (seen.has(node)) return;
		seen.add(node);
		if (ts.isIdentifier(node)) {
			const target = this.resolve(node.text, file);
			if (target) this.collectHints(target.node, target.file, prefix, add, seen);
			return;
		}
		if (ts.isObjectLiteralExpression(node)) {
			for (const property of node.properties) {
				if (ts.isSpreadAssignment(property)) {
					this.collectHints(property.expression, file, prefix, add, seen);
					continue;
				}
				if (!ts.isPropertyAssignment(property)) continue;
				const key = propertyName(property.name);
				if (!key) continue;
				const path = prefix ? `${prefix}.${key}` : key;
				const hint = jsDocText(property);
				if (hint) add(path, hint);
				this.collectHints(property.initializer, file, path, add, seen);
			}
			return;
		}
		if (ts.isCallExpression(node)) {
			// `z.strictObject({…})`, `z.array(X)`, `X.min(1)`: the keys are in the callee or the arguments.
			this.collectHints(node.expression, file, prefix, add, seen);
			for (const argument of node.arguments) this.collectHints(argument, file, prefix, add, seen);
			return;
		}
		if (ts.isPropertyAccessExpression(node)) {
			this.collectHints(node.expression, file, prefix, add, seen);
		}
	}
}

function findConst(file: ts.SourceFile, name: string): ts.Expression | undefined {
	for (const statement of file.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (ts.isIdentifier(declaration.name) && declaration.name.text === name) {
				let initializer = declaration.initializer;
				while (
					initializer &&
					(ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))
				)
					initializer = initializer.expression;
				return initializer;
			}
		}
	}
	return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
	return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** A comment's text as a marketer reads it: one line, code marks dropped. */
function jsDocText(node: ts.Node): string | undefined {
	const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
	const text = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' ');
	const plain = text
		.replace(/`([^`]*)`/g, '$1')
		.replace(/\be\.g\./g, 'for example')
		.replace(/\s+/g, ' ')
		.trim();
	return plain || undefined;
}
