import { z } from 'zod';
import type { CrmPicklist, WantedPicklist } from './picklist.ts';

/**
 * HubSpot contact properties in the shapes of its CRM Properties API (v3): the body the export
 * writes (what `POST /crm/v3/properties/contacts` takes), and the property `GET
 * /crm/v3/properties/contacts/{name}` answers, read into a picklist.
 */

/** An option as the Properties API writes and reads it. */
export interface HubspotOption {
	label: string;
	value: string;
	description?: string;
	displayOrder: number;
	hidden: boolean;
}

/** A property body, as `POST /crm/v3/properties/contacts` takes it. */
export interface HubspotPropertyBody {
	name: string;
	label: string;
	type: 'enumeration';
	fieldType: 'select';
	groupName: string;
	description: string;
	hidden: boolean;
	options: HubspotOption[];
}

/** The group HubSpot files contact properties under when nothing else fits. */
const GROUP = 'contactinformation';

/** The property the playbook wants, as a HubSpot property body; `displayOrder` is the stage's `order`. */
export function hubspotPropertyBody(picklist: WantedPicklist): HubspotPropertyBody {
	return {
		name: picklist.name,
		label: picklist.label,
		type: 'enumeration',
		fieldType: 'select',
		groupName: GROUP,
		description:
			picklist.kind === 'stages'
				? 'Lead stages as the sales and marketing playbook defines them.'
				: 'Why a lead was rejected, in the words of the sales and marketing playbook.',
		hidden: false,
		options: picklist.options.map((option) => ({
			label: option.label,
			value: option.value,
			...(option.description !== undefined && { description: option.description }),
			displayOrder: option.order,
			hidden: false,
		})),
	};
}

/** The parts of a Property answer drift and apply read; the rest HubSpot may add freely. */
export const HubspotPropertySchema = z.object({
	name: z.string(),
	label: z.string().optional(),
	type: z.string(),
	options: z.array(
		z.object({
			label: z.string(),
			value: z.string(),
			description: z.string().optional(),
			displayOrder: z.number().optional(),
			hidden: z.boolean().default(false),
		}),
	),
	modificationMetadata: z
		.object({
			readOnlyDefinition: z.boolean().optional(),
			readOnlyOptions: z.boolean().optional(),
		})
		.optional(),
});

export type HubspotProperty = z.output<typeof HubspotPropertySchema>;

/**
 * A property answer as a picklist: options in HubSpot's display order (`displayOrder`, lowest
 * first, -1 after the rest), then in the order the answer lists them.
 */
export function hubspotPicklist(property: HubspotProperty): CrmPicklist {
	const rank = (order: number | undefined) => (order === undefined || order < 0 ? Infinity : order);
	const options = property.options
		.map((option, index) => ({ option, index }))
		.sort((a, b) => rank(a.option.displayOrder) - rank(b.option.displayOrder) || a.index - b.index)
		.map(({ option }, index) => ({
			value: option.value,
			label: option.label,
			order: index,
			hidden: option.hidden,
			description: option.description,
		}));
	const meta = property.modificationMetadata;
	return {
		name: property.name,
		options,
		readOnly: Boolean(meta?.readOnlyOptions || meta?.readOnlyDefinition),
	};
}
