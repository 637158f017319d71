import { driftOf, type Difference } from './drift.ts';
import { hubspotPropertyBody, type HubspotOption, type HubspotPropertyBody } from './hubspot.ts';
import type { CrmPicklist, WantedPicklist } from './picklist.ts';

/**
 * What `npm run crm -- apply --to hubspot` changes, planned before anything is sent: options to
 * add, relabel, show again or move, and (only with `--allow-hide`) to hide. Pure; a plan carried
 * out leaves nothing for the next run to do, and a property nothing differs on is not touched.
 */

/**
 * HubSpot's Properties API does not edit lifecycle stages: HubSpot keeps them in the contacts'
 * lifecycle pipeline, set in Settings. Apply reads and plans them, and leaves the change to a person.
 */
export const SETTINGS_ONLY_PROPERTIES = new Set(['lifecyclestage']);

export type ApplyStep =
	| { action: 'create'; property: string; body: HubspotPropertyBody; lines: string[] }
	| { action: 'update'; property: string; options: HubspotOption[]; lines: string[] }
	/** Changes apply leaves to a person, in HubSpot's settings, and why. */
	| { action: 'by-hand'; property: string; lines: string[] };

export interface ApplyOptions {
	/** Hide options no stage maps (contacts that hold them keep them). Off by default. */
	allowHide?: boolean | undefined;
}

/** A difference as a change: `add "Marketing Qualified Lead" (marketingqualifiedlead)`. */
function changeLine(difference: Difference, wanted: WantedPicklist): string | undefined {
	const option = wanted.options.find((o) => o.value === difference.value);
	const value = difference.value ?? '';
	const name = `"${option?.label ?? difference.crmLabel ?? value}" (${value})`;
	switch (difference.kind) {
		case 'missing':
			return `add ${name}`;
		case 'label':
			return `relabel "${difference.crmLabel ?? ''}" (${value}) → "${option?.label ?? ''}"`;
		case 'hidden':
			return `show ${name} again`;
		case 'order':
			return `move ${name} ${difference.playbook}`;
		case 'unmapped':
			return `hide "${difference.crmLabel ?? value}" (${value})`;
		default:
			return undefined;
	}
}

/** The option list a property should end with, for a PATCH (HubSpot keeps only what it is sent). */
function finalOptions(
	wanted: WantedPicklist,
	actual: CrmPicklist,
	renumber: boolean,
	hide: boolean,
): HubspotOption[] {
	const wantedByValue = new Map(wanted.options.map((o) => [o.value, o]));
	const kept = actual.options.map((option) => {
		const playbook = wantedByValue.get(option.value);
		return {
			label: playbook?.label ?? option.label,
			value: option.value,
			...(option.description !== undefined && { description: option.description }),
			hidden: playbook ? false : option.hidden || hide,
		};
	});
	const added = wanted.options
		.filter((o) => !actual.options.some((a) => a.value === o.value))
		.map((o) => ({
			label: o.label,
			value: o.value,
			...(o.description !== undefined && { description: o.description }),
			hidden: false,
		}));
	const all = [...kept, ...added];
	// Renumbered: the playbook's options in its order, then the rest as the CRM had them.
	const ordered = renumber
		? [
				...wanted.options.map((o) => all.find((a) => a.value === o.value)!),
				...all.filter((a) => !wantedByValue.has(a.value)),
			]
		: all;
	return ordered.map((option, index) => ({ ...option, displayOrder: index }));
}

/** The steps that bring HubSpot's properties to what the playbook wants. */
export function planHubspotApply(
	wanted: readonly WantedPicklist[],
	actual: ReadonlyMap<string, CrmPicklist>,
	options: ApplyOptions = {},
): ApplyStep[] {
	const steps: ApplyStep[] = [];
	for (const picklist of wanted) {
		const found = actual.get(picklist.name);
		if (SETTINGS_ONLY_PROPERTIES.has(picklist.name)) {
			const lines = driftOf(picklist, found)
				.filter((d) => d.kind !== 'unmapped')
				.flatMap((d) => changeLine(d, picklist) ?? []);
			if (lines.length)
				steps.push({
					action: 'by-hand',
					property: picklist.name,
					lines: [
						'not changed by apply: HubSpot edits lifecycle stages in Settings › Objects › Contacts › Lifecycle stage, not through its Properties API. Make these changes there:',
						...lines,
					],
				});
			continue;
		}
		if (!found) {
			const body = hubspotPropertyBody(picklist);
			steps.push({
				action: 'create',
				property: picklist.name,
				body,
				lines: [
					`create the contact property "${body.label}"`,
					...body.options.map((o) => `add "${o.label}" (${o.value})`),
				],
			});
			continue;
		}
		const differences = driftOf(picklist, found).filter(
			(d) => d.kind !== 'unmapped' || (options.allowHide ?? false),
		);
		if (differences.length === 0) continue;
		const lines = differences.flatMap((d) => changeLine(d, picklist) ?? []);
		if (found.readOnly) {
			steps.push({
				action: 'by-hand',
				property: picklist.name,
				lines: [
					'not changed by apply: HubSpot marks its options read-only. Make these changes in HubSpot:',
					...lines,
				],
			});
			continue;
		}
		const renumber = differences.some((d) => d.kind === 'missing' || d.kind === 'order');
		steps.push({
			action: 'update',
			property: picklist.name,
			options: finalOptions(picklist, found, renumber, options.allowHide ?? false),
			lines,
		});
	}
	return steps;
}

/** The plan as text: a heading line per property, a line per change. */
export function formatApplyPlan(steps: readonly ApplyStep[]): string {
	if (steps.length === 0) return 'Nothing to apply: HubSpot already holds what the playbook says.';
	return steps
		.map((step) => {
			const [first, ...rest] = step.lines;
			const head = step.action === 'by-hand' ? `${step.property}: ${first}` : `${step.property}:`;
			const body = step.action === 'by-hand' ? rest : step.lines;
			return [head, ...body.map((line) => `  ${line}`)].join('\n');
		})
		.join('\n');
}
