import { crmClashes, type Clash, stageMappings } from '../../model/crm-mapping.ts';
import type { RuleContext } from './rule.ts';
import { labelOf } from '../../schemas/vocabulary.ts';

/** HubSpot's own contact properties that hold a lead's stage: `hs_` names are HubSpot's to make. */
const HUBSPOT_STAGE_PROPERTIES = new Set(['lifecyclestage', 'hs_lead_status']);

/** True when a clash involves a value some stage states in `crm:` (not only derived ones). */
function isStated(clash: Clash): boolean {
	return clash.mappings.some((m) =>
		clash.crm === 'hubspot'
			? m.hubspot?.valueSource === 'stated' || m.stage.data.crm?.hubspot?.property !== undefined
			: m.salesforce?.statusSource === 'stated',
	);
}

/**
 * Lead stages whose CRM values (`crm:`) cannot be right: two stages on one CRM value, which would
 * count each other's leads, and a HubSpot property name only HubSpot could have made. A clash of
 * values derived from titles alone is left to `npm run crm`, so a playbook that never wrote
 * `crm:` checks as it always did.
 */
export function checkCrmMapping({ playbook, reportIn }: RuleContext): void {
	const mappings = stageMappings(playbook);
	for (const clash of crmClashes(mappings).filter(isStated)) {
		const [first, ...others] = clash.mappings;
		for (const other of others)
			reportIn(other.stage.file)(
				'CrmValueMappedTwice',
				clash.field,
				`is ${clash.value} in ${labelOf(clash.crm)}, which ${first!.stage.id} (${first!.stage.data.title}) is too`,
				`Give each stage its own CRM value: set ${clash.field} in one of them, or add ${clash.crm} to crm.not_in for a stage the CRM does not keep.`,
			);
	}
	for (const { stage, hubspot } of mappings) {
		const property = hubspot?.property;
		if (!property?.startsWith('hs_') || HUBSPOT_STAGE_PROPERTIES.has(property)) continue;
		reportIn(stage.file)(
			'UnknownCrmProperty',
			'crm.hubspot.property',
			`is ${property}: names starting hs_ are HubSpot's own properties, and of those only hs_lead_status holds lead stages`,
			'Use lifecyclestage, hs_lead_status, or the internal name of your own property (which cannot start with hs_).',
		);
	}
}
