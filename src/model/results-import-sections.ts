import type { Results } from '../schemas/results.ts';
import type { CsvRow } from './csv.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';
import { isPercentUnit } from './results.ts';
import { normalise, parseValue, quote, type Refusal } from './results-import.ts';

/**
 * The SLA measurements, rejection counts and stage volumes of a CRM report, for
 * `npm run results -- import --kind slas|rejections|stages`. Pure; every row it cannot match is
 * refused with a reason, and a caller writes nothing when any is.
 */

export const IMPORT_KINDS = ['metrics', 'slas', 'rejections', 'stages'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type SectionKind = Exclude<ImportKind, 'metrics'>;

/**
 * The columns each kind reads, by what it means: the first header name is the one `--help` and
 * the README give; the others are what CRM reports also call it. Any case.
 */
export const SECTION_COLUMNS = {
	slas: {
		sla: ['sla', 'sla id', 'agreement'],
		commitment: ['commitment', 'measure', 'what'],
		value: ['value', 'result', 'actual'],
	},
	rejections: {
		stage: ['stage', 'lead stage', 'lifecycle stage', 'lead status'],
		reason: ['reason', 'rejection reason'],
		count: ['count', 'leads', 'total', 'number'],
	},
	stages: {
		stage: ['stage', 'lead stage', 'lifecycle stage', 'lead status'],
		count: ['count', 'leads', 'total', 'number'],
	},
} as const satisfies Record<SectionKind, Record<string, readonly string[]>>;

export type SectionResult =
	| { section: NonNullable<Results[SectionKind]>; rows: number; refusals: [] }
	| { section?: undefined; refusals: Refusal[] };

/** The rows of a report as one section of a month's results. */
export function sectionFromCsv(
	playbook: Playbook,
	kind: SectionKind,
	rows: readonly CsvRow[],
): SectionResult {
	const [header, ...body] = rows;
	if (!header)
		return {
			refusals: [
				{
					where: 'header',
					message: 'the file is empty',
					fix: 'Export the report again, with its header row.',
				},
			],
		};
	const names = header.cells.map(normalise);
	const wanted: Record<string, readonly string[]> = SECTION_COLUMNS[kind];
	const at: Record<string, number> = {};
	const missing: Refusal[] = [];
	for (const [meaning, headers] of Object.entries(wanted)) {
		const index = headers.map((name) => names.indexOf(name)).find((found) => found >= 0);
		if (index === undefined)
			missing.push({
				where: 'header',
				message: `has no ${headers[0]} column (it has ${header.cells
					.slice(0, 12)
					.map((cell) => quote(cell.trim()))
					.join(', ')})`,
				fix: `Name the columns ${Object.values(wanted)
					.map((h) => `"${h[0]}"`)
					.join(', ')} in the report's header row.`,
			});
		else at[meaning] = index;
	}
	if (missing.length > 0) return { refusals: missing };
	const cell = (row: CsvRow, meaning: string) => (row.cells[at[meaning]!] ?? '').trim();
	const refusals: Refusal[] = [];
	const seen = new Map<string, number>();
	/** False, with a refusal, when the row repeats one before it. */
	const first = (row: CsvRow, key: string, what: string) => {
		const before = seen.get(key);
		if (before === undefined) {
			seen.set(key, row.line);
			return true;
		}
		refusals.push({
			where: `row ${row.line}`,
			message: `${what} is also on row ${before}`,
			fix: 'Keep one row for it in the report.',
		});
		return false;
	};
	const stageOf = stageFinder(playbook);
	const body_ = body.filter((row) => row.cells.some((text) => text.trim() !== ''));

	if (kind === 'stages') {
		const section: Record<string, number> = {};
		for (const row of body_) {
			const stage = stageOf(cell(row, 'stage'), row, refusals);
			if (!stage) continue;
			const count = leadCount(cell(row, 'count'), stage.data.title, row, refusals);
			if (count === undefined || !first(row, stage.id, stage.data.title)) continue;
			section[stage.id] = count;
		}
		return done(section, Object.keys(section).length, refusals);
	}

	if (kind === 'rejections') {
		const section: Record<string, Record<string, number>> = {};
		let count = 0;
		for (const row of body_) {
			const stage = stageOf(cell(row, 'stage'), row, refusals);
			if (!stage) continue;
			const named = cell(row, 'reason');
			const reasons = stage.data.rejection_reasons ?? [];
			const reason = reasons.find((listed) => normalise(listed) === normalise(named));
			if (!reason) {
				refusals.push({
					where: `row ${row.line}`,
					message: named
						? `${quote(named)} is not a rejection reason of ${stage.data.title}`
						: 'has no reason',
					fix:
						reasons.length > 0
							? `Use one of the stage's reasons: ${reasons.map((r) => `"${r}"`).join(', ')}.`
							: `${stage.data.title} lists no rejection reasons; count rejections under a stage that does.`,
				});
				continue;
			}
			const value = leadCount(cell(row, 'count'), reason, row, refusals);
			if (value === undefined || !first(row, `${stage.id}\n${reason}`, `"${reason}"`)) continue;
			(section[stage.id] ??= {})[reason] = value;
			count++;
		}
		return done(section, count, refusals);
	}

	const slas = entriesOf(playbook, 'slas');
	const byName = new Map<string, Entry<'slas'>>();
	for (const sla of slas)
		for (const name of [sla.id, sla.data.title, ...sla.data.aliases])
			byName.set(normalise(name), sla);
	const section: Record<string, (number | null)[]> = {};
	let count = 0;
	for (const row of body_) {
		const named = cell(row, 'sla');
		const sla = byName.get(normalise(named));
		if (!sla) {
			refusals.push({
				where: `row ${row.line}`,
				message: named ? `${quote(named)} is not an SLA of the playbook` : 'has no SLA',
				fix: `Use an SLA id or title from content/slas: ${slas.map((s) => s.id).join(', ')}.`,
			});
			continue;
		}
		const { commitments } = sla.data;
		const which = cell(row, 'commitment');
		const index = /^\d+$/.test(which)
			? Number(which) - 1
			: commitments.findIndex((c) => normalise(c.what) === normalise(which));
		const commitment = commitments[index];
		if (!commitment) {
			refusals.push({
				where: `row ${row.line}`,
				message: `${sla.data.title} has no commitment ${which ? quote(which) : 'named'}`,
				fix: `Give the commitment's number, 1 to ${commitments.length}, or its words as the SLA writes them.`,
			});
			continue;
		}
		const text = cell(row, 'value');
		const value = parseValue(text, commitment.unit);
		const percent = isPercentUnit(commitment.unit);
		if (value === undefined || !Number.isFinite(value) || value < 0 || (percent && value > 100)) {
			refusals.push({
				where: `row ${row.line}`,
				message: `the value of "${commitment.what}" is ${text ? quote(text) : 'empty'}, not ${percent ? 'a percent from 0 to 100' : `a number of ${commitment.unit.trim()}`}`,
				fix: `Write the month's measured value alone, in ${commitment.unit.trim()}.`,
			});
			continue;
		}
		if (!first(row, `${sla.id}\n${index}`, `"${commitment.what}"`)) continue;
		const values = (section[sla.id] ??= []);
		while (values.length < index) values.push(null);
		values[index] = value;
		count++;
	}
	return done(section, count, refusals);
}

function done<S extends NonNullable<Results[SectionKind]>>(
	section: S,
	rows: number,
	refusals: Refusal[],
): SectionResult {
	if (refusals.length > 0) return { refusals };
	if (rows === 0)
		return {
			refusals: [
				{
					where: 'header',
					message: 'the report has no rows under its header',
					fix: 'Export the report again with its rows.',
				},
			],
		};
	return { section, rows, refusals: [] };
}

/** A lead stage by id, title, abbreviation or alias, any case; a refusal when none matches. */
function stageFinder(playbook: Playbook) {
	const stages = entriesOf(playbook, 'lead-stages');
	const byName = new Map<string, Entry<'lead-stages'>>();
	for (const stage of stages)
		for (const name of [
			stage.id,
			stage.data.title,
			...(stage.data.abbreviation ? [stage.data.abbreviation] : []),
			...stage.data.aliases,
		])
			byName.set(normalise(name), stage);
	return (named: string, row: CsvRow, refusals: Refusal[]) => {
		const stage = byName.get(normalise(named));
		if (!stage)
			refusals.push({
				where: `row ${row.line}`,
				message: named ? `${quote(named)} is not a lead stage of the playbook` : 'has no stage',
				fix: `Use a lead stage id, title or abbreviation from content/lead-stages: ${stages.map((s) => s.id).join(', ')}.`,
			});
		return stage;
	};
}

/** A whole number of leads, 0 or more; a refusal otherwise. */
function leadCount(
	text: string,
	what: string,
	row: CsvRow,
	refusals: Refusal[],
): number | undefined {
	const value = parseValue(text, 'leads');
	if (value !== undefined && Number.isSafeInteger(value) && value >= 0) return value;
	refusals.push({
		where: `row ${row.line}`,
		message: `the count for ${quote(what)} is ${text ? quote(text) : 'empty'}, not a whole number of leads`,
		fix: 'Write how many leads, a whole number 0 or more, for example 12.',
	});
	return undefined;
}
