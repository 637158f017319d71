import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatProblem } from '../checks/problems/reporters.ts';
import { checkContent, checkSource } from '../checks/index.ts';
import { quote } from '../checks/problems/problems.ts';
import { type ContentSource, folderSource } from '../checks/read/read-content.ts';
import { parseCsv } from '../model/csv.ts';
import { entriesOf } from '../model/playbook.ts';
import { monthFileText, resultsFromCsv } from '../model/results-import.ts';
import { IMPORT_KINDS, type ImportKind, sectionFromCsv } from '../model/results-import-sections.ts';
import { MonthSchema } from '../schemas/results.ts';
import { contentFolder, parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook results import FILE.csv --month YYYY-MM [--kind metrics|slas|rejections|stages]
 * [--source TEXT] [--metric-column NAME] [--value-column NAME] [--replace] [--content DIR]`: a CRM
 * report exported as CSV becomes one section of `content/results/<month>.yaml`, merged into the
 * month's file when there is one; `--replace` writes a section the file already holds anew. A row
 * it cannot match is one line each, and nothing is written.
 */
export function runResults(args: string[]): number {
	const [action, ...rest] = args;
	if (action !== 'import')
		throw new UsageError(
			action
				? `results has one action, import; "${action}" is not it.`
				: 'results needs an action: results import FILE.csv --month YYYY-MM.',
		);
	const { values, positionals } = parseOptions(
		rest,
		{
			content: { type: 'string', default: 'content' },
			month: { type: 'string' },
			kind: { type: 'string', default: 'metrics' },
			source: { type: 'string' },
			'metric-column': { type: 'string' },
			'value-column': { type: 'string' },
			replace: { type: 'boolean', default: false },
		},
		true,
	);
	const [csvPath, ...extra] = positionals;
	if (!csvPath) throw new UsageError('results import needs the CSV file exported from the CRM.');
	if (extra.length > 0)
		throw new UsageError(`results import takes one CSV file; "${extra.join(' ')}" is extra.`);
	if (!values.month)
		throw new UsageError('results import needs --month YYYY-MM, the month the report covers.');
	if (!MonthSchema.safeParse(values.month).success)
		throw new UsageError(`--month must be a month written YYYY-MM, not ${quote(values.month)}.`);
	const day = today();
	if (values.month > day.slice(0, 7))
		throw new UsageError(
			`--month ${values.month} has not started yet; this month is ${day.slice(0, 7)}.`,
		);
	if (!(IMPORT_KINDS as readonly string[]).includes(values.kind))
		throw new UsageError(
			`--kind must be one of ${IMPORT_KINDS.join(', ')}, not ${quote(values.kind)}.`,
		);
	const kind = values.kind as ImportKind;
	if (kind !== 'metrics' && (values['metric-column'] || values['value-column']))
		throw new UsageError(
			`--metric-column and --value-column are for --kind metrics; --kind ${kind} reads the columns its --help names.`,
		);
	const content = contentFolder(values.content);
	if (!existsSync(csvPath)) throw new UsageError(`${csvPath} is not a file.`);

	// 1. The playbook's metrics, from a playbook that passes its checks.
	const report = checkContent(content, { today: day });
	if (report.errorCount > 0) {
		console.error(
			`${content}  -  has problems; run npm run check and fix them before importing results.`,
		);
		return 1;
	}
	const { playbook } = report;
	if (entriesOf(playbook, 'metrics').length === 0) {
		console.error(
			`${content}/metrics  -  has no metrics to record results for. Define the shared metrics first.`,
		);
		return 1;
	}

	// 2. Match every row; one refused row and nothing is written.
	const rows = parseCsv(readFileSync(csvPath, 'utf8'));
	const result =
		kind === 'metrics'
			? resultsFromCsv(playbook, rows, {
					metric: values['metric-column'],
					value: values['value-column'],
				})
			: sectionFromCsv(playbook, kind, rows);
	if (result.refusals.length > 0) {
		const { refusals } = result;
		for (const refusal of refusals.slice(0, SHOWN))
			console.error(`${csvPath}  ${refusal.where}  ${refusal.message}. ${refusal.fix}`);
		if (refusals.length > SHOWN)
			console.error(
				`...and ${(refusals.length - SHOWN).toLocaleString('en')} more refused rows, not shown. Fix the rows above and import again to see the rest.`,
			);
		console.error(
			`Nothing was written: ${refusals.length} ${refusals.length === 1 ? 'row was' : 'rows were'} refused.`,
		);
		return 1;
	}

	// 3. Merge the section into the month's file, keeping its other sections; a section it holds
	// already is written anew only with --replace.
	const folder = join(content, 'results');
	const target = join(folder, `${values.month}.yaml`);
	const existing = ['.yaml', '.yml']
		.map((extension) => join(folder, `${values.month}${extension}`))
		.find((path) => existsSync(path));
	const before = playbook.entries.results.get(values.month)?.data;
	if (existing && before?.[kind] !== undefined && !values.replace) {
		console.error(
			kind === 'metrics'
				? `${existing}  month  already holds ${values.month}. Add --replace to write it again from the report, or import another month.`
				: `${existing}  ${kind}  already holds the ${kind} of ${values.month}. Add --replace to write this section again from the report; the file's other sections stay.`,
		);
		return 1;
	}
	const imported = `${basename(csvPath)}, imported ${day}`;
	// The source names every report the month came from; a replaced metrics import is the month.
	const source =
		values.source ??
		(!before || kind === 'metrics'
			? imported
			: before.source.includes(imported)
				? before.source
				: `${before.source}; ${imported}`);
	const written =
		'section' in result && result.section
			? { section: result.section, rows: result.rows }
			: 'values' in result && result.values
				? { section: Object.fromEntries(result.values), rows: result.values.size }
				: undefined;
	if (!written) return 1; // refused above: a result without refusals holds its section
	const { section } = written;
	const data = { ...before, month: values.month, source, [kind]: section };
	const text = monthFileText(playbook, data);

	// 4. The file goes through the checker, with the playbook around it, before it is written: what
	// the import writes, npm run check and the build accept.
	const file = `results/${basename(existing ?? target)}`;
	const after = checkSource(withFile(folderSource(content), file, text), { today: day });
	const errors = after.problems.filter((p) => p.severity === 'error');
	if (errors.length > 0) {
		for (const p of errors.slice(0, SHOWN)) console.error(formatProblem(p));
		if (errors.length > SHOWN) console.error(`...and ${errors.length - SHOWN} more problems.`);
		const fromOption = errors.some((p) => p.field === 'source')
			? ' The source is what --source says.'
			: '';
		console.error(
			`Nothing was written: the file would not pass npm run check (${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}).${fromOption}`,
		);
		return 1;
	}
	mkdirSync(folder, { recursive: true });
	writeFileSync(existing ?? target, text);
	if (kind !== 'metrics') {
		console.log(
			`${existing ?? target}  written: ${written.rows} ${kind} ${written.rows === 1 ? 'row' : 'rows'} for ${values.month} from ${basename(csvPath)}`,
		);
		return 0;
	}
	console.log(
		`${existing ?? target}  written: ${written.rows} metrics for ${values.month} from ${basename(csvPath)}`,
	);
	const missing = entriesOf(playbook, 'metrics').filter((metric) => !(metric.id in section));
	for (const metric of missing)
		console.log(`info: ${metric.id} has no value in the report; add it when it is in.`);
	return 0;
}

/** How many refused rows or problems are listed before the rest is summed up in one line. */
const SHOWN = 20;

/** A content source with one file added or replaced, held in memory. */
function withFile(source: ContentSource, path: string, text: string): ContentSource {
	const folder = path.split('/')[0]!;
	const bytes = new TextEncoder().encode(text);
	return {
		...source,
		folders: () => [...new Set([...source.folders(), folder])],
		files: (name) =>
			name === folder ? [...new Set([...source.files(name), path])].sort() : source.files(name),
		read: (at) => (at === path ? bytes : source.read(at)),
	};
}
