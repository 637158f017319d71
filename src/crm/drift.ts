import { labelOf } from '../schemas/vocabulary.ts';
import type { CrmOption, CrmPicklist, WantedOption, WantedPicklist } from './picklist.ts';

/**
 * Drift: where a CRM's fields and the playbook's lead stages disagree, one difference a line,
 * each naming the playbook's file and field, the CRM's value, the playbook's value and what to do.
 * Pure: the same playbook and CRM answer give the same differences, in the same order.
 */

export type DriftKind =
	'missing-field' | 'missing' | 'hidden' | 'label' | 'order' | 'converted' | 'unmapped';

/** One difference between the CRM and the playbook. */
export interface Difference {
	kind: DriftKind;
	/** `error` makes drift exit 1; an option no stage maps is `info` unless `--strict`. */
	severity: 'error' | 'info';
	/** The playbook file the difference is about (the lead stages' folder for CRM-only options). */
	file: string;
	field: string;
	/** `lead-stages/<id>`: the definition whose owners hear about it; absent for CRM-only options. */
	definition?: string | undefined;
	/** The option's value, where the difference is about one option. */
	value?: string | undefined;
	/** The option's label in the CRM, where it has the option. */
	crmLabel?: string | undefined;
	/** The CRM's value, in words. */
	crm: string;
	/** The playbook's value, in words. */
	playbook: string;
	fix: string;
}

/** `"Marketing Qualified Lead" (marketingqualifiedlead)`, or just the label when both are one. */
function named(option: Pick<CrmOption, 'label' | 'value'>): string {
	return option.label === option.value
		? `"${option.label}"`
		: `"${option.label}" (${option.value})`;
}

/**
 * The positions of `sequence` that lie on one longest increasing run: the options in the right
 * order. The others are the ones out of place, so one option moved gives one difference.
 */
function inOrder(sequence: readonly number[]): Set<number> {
	const length = sequence.map(() => 1);
	const previous = sequence.map(() => -1);
	for (let i = 0; i < sequence.length; i++)
		for (let j = 0; j < i; j++)
			if (sequence[j]! < sequence[i]! && length[j]! + 1 > length[i]!) {
				length[i] = length[j]! + 1;
				previous[i] = j;
			}
	let at = length.indexOf(Math.max(0, ...length));
	const kept = new Set<number>();
	while (at >= 0) {
		kept.add(at);
		at = previous[at]!;
	}
	return kept;
}

/** Where a wanted option lives, and what the fix says to change in the playbook. */
function place(option: WantedOption, found?: CrmOption) {
	return {
		file: option.stage.file,
		field: option.field,
		definition: `lead-stages/${option.stage.id}`,
		value: option.value,
		...(found && { crmLabel: found.label }),
	};
}

export interface DriftOptions {
	/** Count options the CRM has and no stage maps as drift (exit 1), not only as information. */
	strict?: boolean | undefined;
	/** The lead stages' folder, for differences that belong to no one stage. */
	folder?: string | undefined;
}

/**
 * The differences between a field as the playbook wants it and as the CRM has it (`undefined`:
 * the CRM has no such field). Options are matched by value; labels, order, visibility and
 * (Salesforce Lead Status) `converted` are compared; descriptions are not, since the export
 * writes numbers the CRM has no field for into them and drift does not guess at those.
 */
export function driftOf(
	wanted: WantedPicklist,
	actual: CrmPicklist | undefined,
	options: DriftOptions = {},
): Difference[] {
	const crm = labelOf(wanted.crm);
	const where = `${crm}'s ${wanted.name}`;
	const folder = options.folder ?? 'content/lead-stages/';
	const isReasons = wanted.kind === 'reasons';
	const applyHint =
		wanted.crm === 'hubspot'
			? 'npm run crm -- apply --to hubspot'
			: 'npm run crm -- export --to salesforce, then sf project deploy start';
	const differences: Difference[] = [];

	if (!actual)
		return [
			{
				kind: 'missing-field',
				severity: 'error',
				file: folder,
				// Its issue goes to the owners of the first stage the field would hold.
				definition: wanted.options[0] && `lead-stages/${wanted.options[0].stage.id}`,
				field: isReasons ? 'rejection_reasons' : `crm.${wanted.crm}`,
				crm: `no field ${wanted.name}`,
				playbook: `${wanted.options.length} option${wanted.options.length === 1 ? '' : 's'} for ${wanted.name}`,
				fix: isReasons
					? `Create the field in ${crm} (${applyHint}), or name the field you use with --${wanted.crm}-reasons.`
					: `Create the field in ${crm} (${applyHint}), or set crm.hubspot.property to the property you use.`,
			},
		];

	const byValue = new Map(actual.options.map((option) => [option.value, option]));
	const present: { option: WantedOption; found: CrmOption }[] = [];
	for (const option of wanted.options) {
		const found = byValue.get(option.value);
		const at = place(option, found);
		if (!found) {
			differences.push({
				kind: 'missing',
				severity: 'error',
				...at,
				crm: `no option ${option.value} in ${where}`,
				playbook: named(option),
				fix: isReasons
					? `Add the reason to ${where} (${applyHint}), or remove it from the stage.`
					: `Add the option to ${where} (${applyHint}), or set ${option.field} to the value ${crm} uses for this stage.`,
			});
			continue;
		}
		present.push({ option, found });
		if (found.hidden)
			differences.push({
				kind: 'hidden',
				severity: 'error',
				...at,
				crm: `${named(found)} is ${wanted.crm === 'hubspot' ? 'hidden' : 'inactive'} in ${where}`,
				playbook: `${named(option)}, in use`,
				fix: `Show the option again in ${crm} (${applyHint}), or map the stage to another value.`,
			});
		if (found.label !== option.label)
			differences.push({
				kind: 'label',
				severity: 'error',
				...at,
				crm: `labelled "${found.label}" in ${where}`,
				playbook: `"${option.label}"`,
				fix: `Relabel the option in ${crm} (${applyHint}) so reps and the CRM use one name, or retitle the ${isReasons ? 'reason' : 'stage'}.`,
			});
		if (
			!isReasons &&
			wanted.crm === 'salesforce' &&
			(found.converted ?? false) !== (option.converted ?? false)
		)
			differences.push({
				kind: 'converted',
				severity: 'error',
				...at,
				field: 'crm.salesforce.converted',
				crm: `${named(found)} ${found.converted ? 'converts' : 'does not convert'} the lead`,
				playbook: `converted: ${String(option.converted ?? false)}`,
				fix: `Change "Converted" on the status in Salesforce Setup (or deploy the export), or set crm.salesforce.converted: ${String(found.converted ?? false)}.`,
			});
	}

	// Order: only among the options both sides have, so a missing one is not also out of order.
	const sequence = present.map(({ found }) => found.order);
	const kept = inOrder(sequence);
	present.forEach(({ option, found }, index) => {
		if (kept.has(index)) return;
		const before = present
			.slice(0, index)
			.filter((_, i) => kept.has(i))
			.at(-1);
		differences.push({
			kind: 'order',
			severity: 'error',
			...place(option, found),
			field: isReasons ? option.field : 'order',
			crm: `${named(found)} at place ${actual.options.indexOf(found) + 1} of ${actual.options.length} in ${where}`,
			playbook: before
				? `after ${named(before.option)}`
				: `before ${named(present.find((_, i) => kept.has(i))!.option)}`,
			fix: `Move the option in ${crm} (${applyHint}), or change the ${isReasons ? 'order of the reasons' : "stage's order"} in the playbook.`,
		});
	});

	const wantedValues = new Set(wanted.options.map((option) => option.value));
	for (const option of actual.options) {
		if (wantedValues.has(option.value) || option.hidden) continue;
		differences.push({
			kind: 'unmapped',
			severity: options.strict ? 'error' : 'info',
			file: folder,
			field: isReasons ? 'rejection_reasons' : `crm.${wanted.crm}`,
			value: option.value,
			crmLabel: option.label,
			crm: `${named(option)} in ${where}`,
			playbook: isReasons ? 'no stage lists this reason' : 'no stage maps to it',
			fix: isReasons
				? `Add the reason to the stage that rejects for it, or retire the option in ${crm}.`
				: `Map a stage to it (crm.${wanted.crm} in the stage's file), or retire the option in ${crm} once no lead holds it.`,
		});
	}
	return differences;
}

/** A difference as one line: `file  field  CRM: …; playbook: …. Fix.` */
export function formatDifference(difference: Difference): string {
	return `${difference.file}  ${difference.field}  CRM: ${difference.crm}; playbook: ${difference.playbook}. ${difference.fix}`;
}
