/**
 * The playbook's fixed vocabularies. Schemas, checks and pages all read these lists, so a value
 * added here is accepted by the checker and labelled on the site at once.
 */

/** Departments a person can belong to. Only `sales` and `marketing` count for ownership. */
export const DEPARTMENTS = [
	'sales',
	'marketing',
	'revenue-operations',
	'customer-success',
	'executive',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** The two sides that must co-own every definition. */
export const OWNING_SIDES = ['sales', 'marketing'] as const satisfies readonly Department[];
export type OwningSide = (typeof OWNING_SIDES)[number];

/** Lifecycle of a definition. */
export const STATUSES = ['draft', 'approved', 'deprecated'] as const;
export type Status = (typeof STATUSES)[number];

/** A persona's part in the buying decision. */
export const BUYING_ROLES = [
	'economic-buyer',
	'champion',
	'technical-evaluator',
	'user',
	'influencer',
] as const;

/** Formats of a library item. */
export const FORMATS = [
	'case-study',
	'whitepaper',
	'one-pager',
	'deck',
	'email-template',
	'battlecard',
	'video',
	'webinar',
	'calculator',
	'blog-post',
	'talk-track',
] as const;

/** Who uses a library item with buyers. */
export const USES = ['marketing', 'sales', 'both'] as const;

/** Human labels for enum values, shown on the site. */
export const LABELS: Record<string, string> = {
	sales: 'Sales',
	marketing: 'Marketing',
	'revenue-operations': 'Revenue operations',
	'customer-success': 'Customer success',
	executive: 'Executive',
	both: 'Sales and marketing',
	draft: 'Draft',
	approved: 'Approved',
	deprecated: 'Deprecated',
	'economic-buyer': 'Economic buyer',
	champion: 'Champion',
	'technical-evaluator': 'Technical evaluator',
	user: 'User',
	influencer: 'Influencer',
	'case-study': 'Case study',
	whitepaper: 'Whitepaper',
	'one-pager': 'One-pager',
	deck: 'Deck',
	'email-template': 'Email template',
	battlecard: 'Battlecard',
	video: 'Video',
	webinar: 'Webinar',
	calculator: 'Calculator',
	'blog-post': 'Blog post',
	'talk-track': 'Talk track',
	hubspot: 'HubSpot',
	salesforce: 'Salesforce',
};

/** The label for an enum value, or the value itself when it has none. */
export function labelOf(value: string): string {
	return LABELS[value] ?? value;
}

/** The CRMs a lead stage can be mapped to (`crm:` in a lead stage). */
export const CRMS = ['hubspot', 'salesforce'] as const;
export type Crm = (typeof CRMS)[number];
