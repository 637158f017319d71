import { mappingOf } from '../model/crm-mapping.ts';
import type { Entry } from '../model/playbook.ts';
import { wordsOf } from '../model/words.ts';

/** One line of a lead stage's page: where in the CRM, the name reps see, and what RevOps types. */
export interface CrmValueRow {
	/** `HubSpot lifecycle stage`, `HubSpot lead status`, `Salesforce lead status`. */
	where: string;
	/** The label reps see, or `Not kept in HubSpot`. */
	shown: string;
	/** The internal value or API name, where it differs from the label. */
	value?: string | undefined;
	/** True when the value follows from the title, not from the stage's `crm:` key. */
	derived: boolean;
}

const HUBSPOT_PROPERTY_WORDS: Record<string, string> = {
	lifecyclestage: 'lifecycle stage',
	hs_lead_status: 'lead status',
};

/**
 * A lead stage's CRM values as its page shows them, so a rep and RevOps read the same name:
 * `HubSpot lifecycle stage: Marketing Qualified Lead (marketingqualifiedlead)`.
 */
export function crmValueRows(stage: Entry<'lead-stages'>): CrmValueRow[] {
	const { hubspot, salesforce } = mappingOf(stage);
	const title = stage.data.title;
	return [
		hubspot
			? {
					where: `HubSpot ${HUBSPOT_PROPERTY_WORDS[hubspot.property] ?? wordsOf(hubspot.property).toLowerCase()}`,
					shown: title,
					value: hubspot.value,
					derived: hubspot.valueSource === 'derived',
				}
			: { where: 'HubSpot', shown: 'Not kept in HubSpot', derived: false },
		salesforce
			? {
					where: 'Salesforce lead status',
					shown: `${salesforce.status}${salesforce.converted ? ' (converts the lead)' : ''}`,
					derived: salesforce.statusSource === 'derived',
				}
			: { where: 'Salesforce', shown: 'Not kept in Salesforce', derived: false },
	];
}
