import {
	DEFAULT_HUBSPOT_REASONS_PROPERTY,
	DEFAULT_SALESFORCE_REASONS_FIELD,
	reasonOptions,
	stageMappings,
} from '../model/crm-mapping.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import type { Crm } from '../schemas/vocabulary.ts';

/**
 * A CRM field with a fixed list of options (a HubSpot enumeration property, a Salesforce
 * picklist), in one shape for both CRMs: what the playbook wants it to hold, and what the CRM
 * says it holds. Drift compares the two; the exports and apply write the first.
 */

/** One option of a CRM field. */
export interface CrmOption {
	/** The internal value (HubSpot) or API name (Salesforce full name). */
	value: string;
	label: string;
	/** Position in the field's list; lower first. */
	order: number;
	/** Hidden (HubSpot) or inactive (Salesforce): leads can keep it, but nobody can pick it. */
	hidden: boolean;
	/** Salesforce Lead Status only: a lead in this status is converted. */
	converted?: boolean | undefined;
	/** Salesforce Lead Status only: the status new leads get. */
	isDefault?: boolean | undefined;
	description?: string | undefined;
}

/** The options a field holds, as a CRM reports them. */
export interface CrmPicklist {
	/** The property's internal name, `LeadStatus`, or the Lead field's API name. */
	name: string;
	options: CrmOption[];
	/** HubSpot: its Properties API may not change these options (`readOnlyOptions`). */
	readOnly?: boolean | undefined;
}

/** An option the playbook wants, and where it says so. */
export interface WantedOption extends CrmOption {
	/** The lead stage that states it; the definition a drift issue is about. */
	stage: Entry<'lead-stages'>;
	/** The field of the stage's file that gives the value (`crm.hubspot.value`, `rejection_reasons[1]`). */
	field: string;
}

/** A field as the playbook wants it. */
export interface WantedPicklist {
	crm: Crm;
	/** `stages` for the lead stages' field, `reasons` for the rejection reasons' one. */
	kind: 'stages' | 'reasons';
	name: string;
	/** The field's own label, for a field the export creates. */
	label: string;
	options: WantedOption[];
}

/** The names of the fields rejection reasons are kept in; each has a default. */
export interface ReasonFields {
	hubspot?: string | undefined;
	salesforce?: string | undefined;
}

const HUBSPOT_LABELS: Record<string, string> = {
	lifecyclestage: 'Lifecycle Stage',
	hs_lead_status: 'Lead Status',
};

/** A stage's option description: its summary, and the number the CRM has no field for. */
function stageDescription(stage: Entry<'lead-stages'>): string {
	const threshold = stage.data.score_threshold;
	return threshold === undefined
		? stage.data.summary
		: `${stage.data.summary} Lead score threshold: ${threshold} or more.`;
}

/** The fields the playbook wants in `crm`: one per property its stages use, then the reasons'. */
export function wantedPicklists(
	playbook: Playbook,
	crm: Crm,
	reasonFields: ReasonFields = {},
): WantedPicklist[] {
	const mappings = stageMappings(playbook);
	const stages: WantedPicklist[] = [];
	if (crm === 'hubspot') {
		const byProperty = Map.groupBy(
			mappings.filter((m) => m.hubspot),
			(m) => m.hubspot!.property,
		);
		for (const [property, group] of byProperty)
			stages.push({
				crm,
				kind: 'stages',
				name: property,
				label: HUBSPOT_LABELS[property] ?? 'Lead Stage',
				options: group.map(({ stage, hubspot }) => ({
					value: hubspot!.value,
					label: stage.data.title,
					order: stage.data.order,
					hidden: false,
					description: stageDescription(stage),
					stage,
					field: 'crm.hubspot.value',
				})),
			});
	} else {
		const mapped = mappings.filter((m) => m.salesforce);
		stages.push({
			crm,
			kind: 'stages',
			name: 'LeadStatus',
			label: 'Lead Status',
			options: mapped.map(({ stage, salesforce }, index) => ({
				value: salesforce!.status,
				label: stage.data.title,
				order: stage.data.order,
				hidden: false,
				converted: salesforce!.converted,
				// The entry stage is where every new lead starts: Lead Status's default.
				isDefault: index === 0,
				stage,
				field: 'crm.salesforce.status',
			})),
		});
	}
	const reasons = reasonOptions(playbook);
	if (reasons.length === 0) return stages;
	return [
		...stages,
		{
			crm,
			kind: 'reasons',
			name:
				crm === 'hubspot'
					? (reasonFields.hubspot ?? DEFAULT_HUBSPOT_REASONS_PROPERTY)
					: (reasonFields.salesforce ?? DEFAULT_SALESFORCE_REASONS_FIELD),
			label: 'Rejection Reason',
			options: reasons.map((reason, index) => ({
				// Salesforce names a value by its label unless told otherwise; so does the export.
				value: crm === 'hubspot' ? reason.value : reason.label,
				label: reason.label,
				order: index + 1,
				hidden: false,
				...(crm === 'salesforce' && { isDefault: false }),
				stage: reason.stage,
				field: reason.field,
			})),
		},
	];
}
