import { z } from 'zod';
import { definitionShape } from './definition.ts';
import { reference, TextListSchema, TextSchema } from './fields.ts';
import { CRMS, DEPARTMENTS } from './vocabulary.ts';

/**
 * A HubSpot property's internal name, as HubSpot writes them: lower-case letters, digits and
 * underscores, starting with a letter (`lifecyclestage`, `hs_lead_status`, `lead_stage`).
 */
export const HUBSPOT_PROPERTY_NAME = /^[a-z][a-z0-9_]{0,99}$/;

/**
 * Which CRM value a lead stage is, in `crm:` (optional; a contract addition). Every key has a
 * default, so a stage without `crm:` is still mapped: `npm run crm` says how it derived each value.
 */
export const CrmMappingSchema = z.strictObject({
	/** The stage in HubSpot: a contact property and one of its values. */
	hubspot: z
		.strictObject({
			/**
			 * The HubSpot contact property that holds the stage: lifecyclestage when left blank,
			 * hs_lead_status, or the internal name of your own dropdown property.
			 */
			property: z
				.string()
				.regex(HUBSPOT_PROPERTY_NAME, {
					error:
						'is not a HubSpot property name. Write its internal name: lower-case letters, digits and _, starting with a letter (for example lifecyclestage or hs_lead_status).',
				})
				.optional(),
			/**
			 * The property's internal value for this stage, as HubSpot shows it (marketingqualifiedlead,
			 * OPEN, or the number HubSpot gave a stage of your own). Left blank: the title in lower
			 * case, letters and digits only.
			 */
			value: TextSchema.max(100, {
				error: 'is longer than 100 characters. Use the internal value HubSpot shows.',
			}).optional(),
		})
		.optional(),
	/** The stage in Salesforce: a value of the Lead `Status` picklist (`LeadStatus`). */
	salesforce: z
		.strictObject({
			/** The Lead Status value's API name, as Salesforce Setup shows it. Left blank: the title. */
			status: TextSchema.max(255, {
				error:
					'is longer than 255 characters, more than a Salesforce picklist value holds. Shorten it.',
			}).optional(),
			/** True when a lead in this status is converted to a contact and an opportunity. */
			converted: z.boolean().optional(),
		})
		.optional(),
	/** The CRMs that do not keep this stage at all (`hubspot`, `salesforce`); it is left out of them. */
	not_in: z.array(z.enum(CRMS)).optional(),
});

export type CrmMapping = z.output<typeof CrmMappingSchema>;

/** A stage of the lead lifecycle, in `content/lead-stages/<id>.mdx`. */
export const LeadStageSchema = z.strictObject({
	...definitionShape,
	/** Short name reps use, e.g. `MQL`. Optional. */
	abbreviation: TextSchema.optional(),
	/** Position in the lifecycle; the stage with the lowest order is the entry stage. */
	order: z.number(),
	/** The department that works leads in this stage. */
	worked_by: z.enum(DEPARTMENTS),
	/** What makes a lead enter this stage. Required, non-empty. */
	entry_criteria: TextListSchema.min(1, {
		error: 'is an empty list. List at least one criterion that puts a lead in this stage.',
	}),
	/** What moves a lead out of this stage. */
	exit_criteria: TextListSchema.default([]),
	/** Lead score needed to enter. Optional. */
	score_threshold: z.number().nonnegative({ error: 'is below zero. Use zero or more.' }).optional(),
	/** Ids of the stages a lead can move to; empty for a terminal stage. */
	next: z.array(reference('lead-stages')).default([]),
	/** Reasons a lead is rejected from this stage. Optional. */
	rejection_reasons: TextListSchema.optional(),
	/** Which CRM value this stage is, in HubSpot and Salesforce. Optional: left blank, each value follows from the title. */
	crm: CrmMappingSchema.optional(),
});

export type LeadStage = z.output<typeof LeadStageSchema>;
