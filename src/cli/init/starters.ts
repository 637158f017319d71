import type { z } from 'zod';
import type { BuyerStageSchema } from '../../schemas/buyer-stages.ts';
import type { GlossaryTermSchema } from '../../schemas/glossary.ts';
import type { LeadStageSchema } from '../../schemas/lead-stages.ts';
import type { SlaSchema } from '../../schemas/slas.ts';

/**
 * What `npm run init` lays down, as data: the three lifecycles a team can start from, the buyer
 * stages, the two SLAs and the glossary. Each entry holds only its collection's own keys, typed
 * against the collection's schema; the keys every definition carries (summary, owners, status,
 * reviewed) and the text still to write are added by the starter (./starter.ts), the same way
 * `npm run new` writes them.
 */

/** Keys the starter writes itself on every definition. */
type Common = 'summary' | 'owners' | 'status' | 'reviewed';
type Fields<S extends z.ZodType> = Omit<z.input<S>, Common>;

/** One starting entry: its id and its collection's keys (the title among them). */
export interface StarterEntry<S extends z.ZodType> {
	id: string;
	fields: Fields<S>;
}

export type StarterStage = StarterEntry<typeof LeadStageSchema>;
export type StarterTerm = StarterEntry<typeof GlossaryTermSchema>;

export interface Lifecycle {
	/** How the choice reads in the prompt. */
	label: string;
	/** The stages, in order, with their CRM values mapped for the template. */
	stages: StarterStage[];
	/** The stage a lead is in when marketing hands it to sales: the SLAs govern it. */
	handoff: string;
	/** The glossary: the lifecycle's abbreviations, and the words both teams use with it. */
	glossary: StarterTerm[];
}

const stage = (id: string, fields: Fields<typeof LeadStageSchema>): StarterStage => ({
	id,
	fields,
});
const term = (id: string, fields: Fields<typeof GlossaryTermSchema>): StarterTerm => ({
	id,
	fields,
});

/** Terms every lifecycle shares. */
const SHARED_TERMS: StarterTerm[] = [
	term('sla', {
		title: 'Service-level agreement',
		abbreviation: 'SLA',
		definition:
			'A commitment one team makes to the other, in numbers: what, how fast or how many, and where it is measured.',
	}),
	term('rejection-reason', {
		title: 'Rejection reason',
		definition:
			'The reason, from the agreed list, that sales gives when it sends a lead back to marketing.',
	}),
];

const MQL_TERM = term('mql', {
	title: 'Marketing qualified lead',
	abbreviation: 'MQL',
	definition:
		'A lead marketing judges ready for sales to contact, by the criteria both teams agreed.',
	see_also: ['sql'],
});
const SQL_TERM = term('sql', {
	title: 'Sales qualified lead',
	abbreviation: 'SQL',
	definition: 'A lead sales has qualified as a real buying opportunity after talking to them.',
	see_also: ['mql'],
});

/**
 * The classic waterfall: inquiry, MQL, SAL, SQL, opportunity, then won or lost, with recycle and
 * disqualified. Mapped to HubSpot's lifecycle stages and lead statuses and to Salesforce's
 * standard Lead Status values; stages after conversion live on the deal or the opportunity.
 */
const WATERFALL: Lifecycle = {
	label: 'the classic waterfall: inquiry → MQL → SAL → SQL → opportunity → won / lost',
	handoff: 'mql',
	stages: [
		stage('inquiry', {
			title: 'Inquiry',
			order: 1,
			worked_by: 'marketing',
			entry_criteria: ['A person gives us their details: a form, an event, a trial'],
			next: ['mql', 'recycle', 'disqualified'],
			crm: { hubspot: { value: 'lead' }, salesforce: { status: 'Open - Not Contacted' } },
		}),
		stage('mql', {
			title: 'Marketing Qualified Lead',
			abbreviation: 'MQL',
			order: 2,
			worked_by: 'sales',
			entry_criteria: ['Fits the ideal customer profile and has shown enough interest'],
			exit_criteria: ['Sales accepts the lead or rejects it with a reason'],
			next: ['sal', 'recycle', 'disqualified'],
			rejection_reasons: ['Not our ideal customer', 'No interest when contacted'],
			crm: {
				hubspot: { value: 'marketingqualifiedlead' },
				salesforce: { status: 'Marketing Qualified' },
			},
		}),
		stage('sal', {
			title: 'Sales Accepted Lead',
			abbreviation: 'SAL',
			order: 3,
			worked_by: 'sales',
			entry_criteria: ['A rep accepts the MQL and starts working it'],
			next: ['sql', 'recycle', 'disqualified'],
			crm: {
				hubspot: { property: 'hs_lead_status', value: 'IN_PROGRESS' },
				salesforce: { status: 'Working - Contacted' },
			},
		}),
		stage('sql', {
			title: 'Sales Qualified Lead',
			abbreviation: 'SQL',
			order: 4,
			worked_by: 'sales',
			entry_criteria: ['A conversation confirms a need, a buyer and a time frame'],
			next: ['opportunity', 'recycle', 'disqualified'],
			crm: {
				hubspot: { value: 'salesqualifiedlead' },
				salesforce: { status: 'Qualified' },
			},
		}),
		stage('opportunity', {
			title: 'Opportunity',
			order: 5,
			worked_by: 'sales',
			entry_criteria: ['Sales opens a deal with an amount and a close date'],
			next: ['won', 'lost'],
			crm: {
				hubspot: { value: 'opportunity' },
				salesforce: { status: 'Closed - Converted', converted: true },
			},
		}),
		stage('won', {
			title: 'Closed won',
			order: 6,
			worked_by: 'customer-success',
			entry_criteria: ['The customer signs'],
			crm: { hubspot: { value: 'customer' }, not_in: ['salesforce'] },
		}),
		stage('lost', {
			title: 'Closed lost',
			order: 7,
			worked_by: 'sales',
			entry_criteria: ['The buyer chooses another vendor or no decision'],
			next: ['recycle'],
			crm: { not_in: ['hubspot', 'salesforce'] },
		}),
		stage('recycle', {
			title: 'Recycle',
			order: 8,
			worked_by: 'marketing',
			entry_criteria: ['A lead that is not ready now goes back to marketing to nurture'],
			next: ['mql', 'disqualified'],
			crm: {
				hubspot: { property: 'hs_lead_status', value: 'BAD_TIMING' },
				salesforce: { status: 'Nurture' },
			},
		}),
		stage('disqualified', {
			title: 'Disqualified',
			order: 9,
			worked_by: 'marketing',
			entry_criteria: ['Will never buy: not our market, a competitor, a student'],
			crm: {
				hubspot: { property: 'hs_lead_status', value: 'UNQUALIFIED' },
				salesforce: { status: 'Closed - Not Converted' },
			},
		}),
	],
	glossary: [
		MQL_TERM,
		term('sal', {
			title: 'Sales accepted lead',
			abbreviation: 'SAL',
			definition: 'An MQL that sales has accepted and is working.',
			see_also: ['mql', 'sql'],
		}),
		SQL_TERM,
		...SHARED_TERMS,
	],
};

/**
 * HubSpot's default lifecycle stages with their internal values, plus two of its lead statuses
 * (`hs_lead_status`) for leads sales sends back.
 */
const HUBSPOT: Lifecycle = {
	label:
		"HubSpot's lifecycle: subscriber → lead → MQL → SQL → opportunity → customer → evangelist, plus lead statuses",
	handoff: 'marketing-qualified-lead',
	stages: [
		stage('subscriber', {
			title: 'Subscriber',
			order: 1,
			worked_by: 'marketing',
			entry_criteria: ['Signs up for the blog or the newsletter'],
			next: ['lead'],
			crm: { hubspot: { value: 'subscriber' } },
		}),
		stage('lead', {
			title: 'Lead',
			order: 2,
			worked_by: 'marketing',
			entry_criteria: ['Gives us more than an e-mail address: a form, an event, a trial'],
			next: ['marketing-qualified-lead', 'bad-timing', 'unqualified'],
			crm: { hubspot: { value: 'lead' } },
		}),
		stage('marketing-qualified-lead', {
			title: 'Marketing Qualified Lead',
			abbreviation: 'MQL',
			order: 3,
			worked_by: 'sales',
			entry_criteria: ['Fits the ideal customer profile and has shown enough interest'],
			exit_criteria: ['Sales qualifies the lead or sends it back with a reason'],
			next: ['sales-qualified-lead', 'bad-timing', 'unqualified'],
			rejection_reasons: ['Not our ideal customer', 'No interest when contacted'],
			crm: { hubspot: { value: 'marketingqualifiedlead' } },
		}),
		stage('sales-qualified-lead', {
			title: 'Sales Qualified Lead',
			abbreviation: 'SQL',
			order: 4,
			worked_by: 'sales',
			entry_criteria: ['A conversation confirms a need, a buyer and a time frame'],
			next: ['opportunity', 'bad-timing', 'unqualified'],
			crm: { hubspot: { value: 'salesqualifiedlead' } },
		}),
		stage('opportunity', {
			title: 'Opportunity',
			order: 5,
			worked_by: 'sales',
			entry_criteria: ['Sales opens a deal with an amount and a close date'],
			next: ['customer', 'bad-timing'],
			crm: { hubspot: { value: 'opportunity' } },
		}),
		stage('customer', {
			title: 'Customer',
			order: 6,
			worked_by: 'customer-success',
			entry_criteria: ['The deal is closed won'],
			next: ['evangelist'],
			crm: { hubspot: { value: 'customer' } },
		}),
		stage('evangelist', {
			title: 'Evangelist',
			order: 7,
			worked_by: 'customer-success',
			entry_criteria: ['A customer who refers others, speaks for us or gives a reference'],
			crm: { hubspot: { value: 'evangelist' } },
		}),
		stage('bad-timing', {
			title: 'Bad timing',
			order: 8,
			worked_by: 'marketing',
			entry_criteria: ['Sales sends the lead back: interested, but not now'],
			next: ['marketing-qualified-lead', 'unqualified'],
			crm: { hubspot: { property: 'hs_lead_status', value: 'BAD_TIMING' } },
		}),
		stage('unqualified', {
			title: 'Unqualified',
			order: 9,
			worked_by: 'marketing',
			entry_criteria: ['Will never buy: not our market, a competitor, a student'],
			crm: { hubspot: { property: 'hs_lead_status', value: 'UNQUALIFIED' } },
		}),
	],
	glossary: [
		MQL_TERM,
		SQL_TERM,
		term('lead-status', {
			title: 'Lead status',
			definition:
				"Where a lead stands inside its stage (HubSpot's lead status): new, attempted to contact, bad timing, unqualified.",
			see_also: ['mql'],
		}),
		...SHARED_TERMS,
	],
};

/** The least a team needs: lead, MQL, SQL, customer, and a way out. */
const MINIMAL: Lifecycle = {
	label: 'a minimal one: lead → MQL → SQL → customer, or disqualified',
	handoff: 'mql',
	stages: [
		stage('lead', {
			title: 'Lead',
			order: 1,
			worked_by: 'marketing',
			entry_criteria: ['A person gives us their details'],
			next: ['mql', 'disqualified'],
			crm: { hubspot: { value: 'lead' }, salesforce: { status: 'Open - Not Contacted' } },
		}),
		stage('mql', {
			title: 'Marketing Qualified Lead',
			abbreviation: 'MQL',
			order: 2,
			worked_by: 'sales',
			entry_criteria: ['Fits the ideal customer profile and has shown enough interest'],
			next: ['sql', 'disqualified'],
			rejection_reasons: ['Not our ideal customer', 'No interest when contacted'],
			crm: {
				hubspot: { value: 'marketingqualifiedlead' },
				salesforce: { status: 'Working - Contacted' },
			},
		}),
		stage('sql', {
			title: 'Sales Qualified Lead',
			abbreviation: 'SQL',
			order: 3,
			worked_by: 'sales',
			entry_criteria: ['A conversation confirms a need, a buyer and a time frame'],
			next: ['customer', 'disqualified'],
			crm: {
				hubspot: { value: 'salesqualifiedlead' },
				salesforce: { status: 'Closed - Converted', converted: true },
			},
		}),
		stage('customer', {
			title: 'Customer',
			order: 4,
			worked_by: 'customer-success',
			entry_criteria: ['The customer signs'],
			crm: { hubspot: { value: 'customer' }, not_in: ['salesforce'] },
		}),
		stage('disqualified', {
			title: 'Disqualified',
			order: 5,
			worked_by: 'marketing',
			entry_criteria: ['Will never buy, or sales rejected it with a reason'],
			crm: {
				hubspot: { property: 'hs_lead_status', value: 'UNQUALIFIED' },
				salesforce: { status: 'Closed - Not Converted' },
			},
		}),
	],
	glossary: [MQL_TERM, SQL_TERM, ...SHARED_TERMS],
};

export const LIFECYCLES = { waterfall: WATERFALL, hubspot: HUBSPOT, minimal: MINIMAL } as const;
export type LifecycleName = keyof typeof LIFECYCLES;
export const LIFECYCLE_NAMES = Object.keys(LIFECYCLES) as LifecycleName[];

/** Three buyer stages: the question the buyer asks at each. */
export const BUYER_STAGES: StarterEntry<typeof BuyerStageSchema>[] = [
	{
		id: 'awareness',
		fields: {
			title: 'Awareness',
			order: 1,
			buyer_question: 'Do we have a problem worth solving?',
		},
	},
	{
		id: 'consideration',
		fields: {
			title: 'Consideration',
			order: 2,
			buyer_question: 'Which ways of solving it fit a team like ours?',
		},
	},
	{
		id: 'decision',
		fields: {
			title: 'Decision',
			order: 3,
			buyer_question: 'Is this vendor worth the money and the risk?',
		},
	},
];

/**
 * The two SLAs every source on sales and marketing alignment starts with: sales follows up each
 * hand-off quickly, and says why when it rejects one. `lead_stage` is the lifecycle's hand-off.
 */
export const SLAS: StarterEntry<typeof SlaSchema>[] = [
	{
		id: 'mql-follow-up',
		fields: {
			title: 'MQL follow-up',
			from: 'sales',
			to: 'marketing',
			commitments: [
				{
					what: 'First contact attempt on a new MQL',
					target: 4,
					unit: 'business hours',
					period: 'per lead',
				},
			],
			measured_in: 'The CRM report of MQLs and their first activity',
			escalation:
				'MQLs with no attempt by the end of the next business day go to the sales manager.',
		},
	},
	{
		id: 'rejection-feedback',
		fields: {
			title: 'Rejection feedback',
			from: 'sales',
			to: 'marketing',
			commitments: [
				{
					what: 'Rejected MQLs with a reason from the agreed list',
					target: 100,
					unit: 'percent',
					period: 'per month',
				},
			],
			measured_in: 'The CRM report of rejected leads without a reason',
			escalation: 'Rejections without a reason are raised in the monthly meeting.',
		},
	},
];
