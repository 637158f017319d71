import type { Crm } from '../schemas/vocabulary.ts';
import { entriesOf, type Entry, type Playbook } from './playbook.ts';

/**
 * Which CRM value each lead stage is (its `crm:` key, or the defaults derived from its title),
 * and the rejection reasons as one list of options. The checker's CRM rule, `npm run crm`, the
 * export and the lead stage page all read the mapping from here, so they name the same values.
 */

/** The HubSpot contact property a stage is a value of when `crm.hubspot.property` is unset. */
export const DEFAULT_HUBSPOT_PROPERTY = 'lifecyclestage';

/** The contact property (HubSpot) rejection reasons are kept in, unless told otherwise. */
export const DEFAULT_HUBSPOT_REASONS_PROPERTY = 'playbook_rejection_reason';

/** The Lead picklist field (Salesforce) rejection reasons are kept in, unless told otherwise. */
export const DEFAULT_SALESFORCE_REASONS_FIELD = 'Rejection_Reason__c';

/** Where a value came from: written in the stage's `crm:` key, or derived from its title. */
export type Source = 'stated' | 'derived';

export interface HubspotMapping {
	property: string;
	value: string;
	/** Whether the value was written in `crm.hubspot.value` or derived from the title. */
	valueSource: Source;
}

export interface SalesforceMapping {
	/** The Lead Status value's API name (full name). */
	status: string;
	converted: boolean;
	statusSource: Source;
}

/** One lead stage and its CRM values; a CRM the stage is `not_in` has none. */
export interface StageMapping {
	stage: Entry<'lead-stages'>;
	hubspot?: HubspotMapping | undefined;
	salesforce?: SalesforceMapping | undefined;
}

/**
 * The HubSpot value derived from a title, written as HubSpot writes its own lifecycle stages:
 * lower case, letters and digits only (`Marketing Qualified Lead` → `marketingqualifiedlead`).
 */
export function derivedHubspotValue(title: string): string {
	return title
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.slice(0, 100);
}

/** True when the stage says it is not kept in `crm`. */
function leftOutOf(stage: Entry<'lead-stages'>, crm: Crm): boolean {
	return stage.data.crm?.not_in?.includes(crm) ?? false;
}

/** A stage's CRM values: stated in `crm:`, else derived from its title. */
export function mappingOf(stage: Entry<'lead-stages'>): StageMapping {
	const { hubspot, salesforce } = stage.data.crm ?? {};
	const derived = derivedHubspotValue(stage.data.title) || derivedHubspotValue(stage.id);
	return {
		stage,
		hubspot: leftOutOf(stage, 'hubspot')
			? undefined
			: {
					property: hubspot?.property ?? DEFAULT_HUBSPOT_PROPERTY,
					value: hubspot?.value ?? derived,
					valueSource: hubspot?.value === undefined ? 'derived' : 'stated',
				},
		salesforce: leftOutOf(stage, 'salesforce')
			? undefined
			: {
					status: salesforce?.status ?? stage.data.title,
					converted: salesforce?.converted ?? false,
					statusSource: salesforce?.status === undefined ? 'derived' : 'stated',
				},
	};
}

/** Every lead stage's mapping, in lifecycle order (then by id, for stages that share an order). */
export function stageMappings(playbook: Playbook): StageMapping[] {
	return entriesOf(playbook, 'lead-stages')
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id, 'en'))
		.map(mappingOf);
}

/** Two or more stages that name one CRM value. */
export interface Clash {
	crm: Crm;
	/** The value as the CRM knows it: `lifecyclestage = lead`, or a Lead Status. */
	value: string;
	/** The field of the stage files that holds it. */
	field: string;
	mappings: StageMapping[];
}

/**
 * The CRM values more than one stage maps to. A CRM value is one stage: two stages on one value
 * would count each other's leads. Salesforce compares picklist values without regard to case.
 */
export function crmClashes(mappings: readonly StageMapping[]): Clash[] {
	const hubspot = Map.groupBy(
		mappings.filter((m) => m.hubspot),
		(m) => `${m.hubspot!.property} = ${m.hubspot!.value}`,
	);
	const salesforce = Map.groupBy(
		mappings.filter((m) => m.salesforce),
		(m) => m.salesforce!.status.toLowerCase(),
	);
	return [
		...[...hubspot].map(([value, group]) => ({
			crm: 'hubspot' as const,
			value,
			field: 'crm.hubspot.value',
			mappings: group,
		})),
		...[...salesforce].map(([, group]) => ({
			crm: 'salesforce' as const,
			value: group[0]!.salesforce!.status,
			field: 'crm.salesforce.status',
			mappings: group,
		})),
	].filter((clash) => clash.mappings.length > 1);
}

/** One rejection reason, as an option of the CRM's reasons field, and the stages that list it. */
export interface ReasonOption {
	/** The reason as written in the playbook: the option's label (and Salesforce's API name). */
	label: string;
	/** HubSpot's internal value: the words in lower case joined by `_`. */
	value: string;
	/** Where the playbook lists it first: the stage and the field (`rejection_reasons[2]`). */
	stage: Entry<'lead-stages'>;
	field: string;
}

/** A reason's HubSpot value: `Student or job seeker` → `student_or_job_seeker`. */
export function reasonValue(label: string): string {
	return (
		label
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 100) || 'reason'
	);
}

/**
 * Every rejection reason of every stage, once (the first stage that lists it, in lifecycle
 * order), as the options of one CRM field. Reasons that differ only in case are one option.
 */
export function reasonOptions(playbook: Playbook): ReasonOption[] {
	const seen = new Set<string>();
	const options: ReasonOption[] = [];
	for (const { stage } of stageMappings(playbook))
		(stage.data.rejection_reasons ?? []).forEach((label, index) => {
			const value = reasonValue(label);
			if (seen.has(value)) return;
			seen.add(value);
			options.push({ label, value, stage, field: `rejection_reasons[${index}]` });
		});
	return options;
}
