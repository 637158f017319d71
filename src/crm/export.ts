import { stageMappings } from '../model/crm-mapping.ts';
import type { Playbook } from '../model/playbook.ts';
import { ownersOf, slasForLeadStage } from '../model/views.ts';
import { hubspotPropertyBody } from './hubspot.ts';
import { type ReasonFields, wantedPicklists } from './picklist.ts';
import {
	leadStatusXml,
	packageXml,
	reasonFieldXml,
	SALESFORCE_PATHS,
	sfdxProjectJson,
} from './salesforce.ts';

/**
 * The files `npm run crm -- export` writes, as paths (under the output folder) and text, for a
 * RevOps person to import with the CRM's own tools. Pure: the command writes what this returns.
 */

export type ExportTarget = 'hubspot' | 'salesforce' | 'csv';

export type ExportFiles = { path: string; text: string }[];

/** `hubspot/<property>.json` per property the stages use, and `hubspot/rejection-reasons.json`. */
export function hubspotFiles(playbook: Playbook, reasonFields: ReasonFields = {}): ExportFiles {
	return wantedPicklists(playbook, 'hubspot', reasonFields).map((picklist) => ({
		path: `hubspot/${picklist.kind === 'reasons' ? 'rejection-reasons' : picklist.name}.json`,
		text: `${JSON.stringify(hubspotPropertyBody(picklist), null, '\t')}\n`,
	}));
}

/** A DX project under `salesforce/`: the LeadStatus value set, the reasons' field, package.xml. */
export function salesforceFiles(playbook: Playbook, reasonFields: ReasonFields = {}): ExportFiles {
	const picklists = wantedPicklists(playbook, 'salesforce', reasonFields);
	const status = picklists.find((p) => p.kind === 'stages')!;
	const reasons = picklists.find((p) => p.kind === 'reasons');
	return [
		{ path: `salesforce/${SALESFORCE_PATHS.leadStatus}`, text: leadStatusXml(status) },
		...(reasons
			? [
					{
						path: `salesforce/${SALESFORCE_PATHS.field(reasons.name)}`,
						text: reasonFieldXml(reasons),
					},
				]
			: []),
		{ path: `salesforce/${SALESFORCE_PATHS.packageXml}`, text: packageXml(reasons?.name) },
		{ path: `salesforce/${SALESFORCE_PATHS.project}`, text: sfdxProjectJson() },
	];
}

/**
 * One CSV cell: quoted, quotes doubled, and text a spreadsheet would run as a formula (starting
 * `=`, `+`, `-`, `@`, a tab or a carriage return) led by an apostrophe, so it shows as text.
 */
export function csvCell(text: string): string {
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return `"${safe.replace(/"/g, '""')}"`;
}

/** `stages.csv`: one row per lead stage with its CRM values, criteria, SLA targets and owners. */
export function stagesCsv(playbook: Playbook): string {
	const header = [
		'Stage',
		'Title',
		'Order',
		'HubSpot property',
		'HubSpot value',
		'Salesforce status',
		'Converted',
		'Lead score threshold',
		'Entry criteria',
		'Exit criteria',
		'SLA targets',
		'Owners',
	];
	const rows = stageMappings(playbook).map(({ stage, hubspot, salesforce }) => [
		stage.id,
		stage.data.title,
		String(stage.data.order),
		hubspot?.property ?? 'not kept',
		hubspot?.value ?? '',
		salesforce?.status ?? 'not kept',
		salesforce ? String(salesforce.converted) : '',
		stage.data.score_threshold === undefined ? '' : String(stage.data.score_threshold),
		stage.data.entry_criteria.join('; '),
		stage.data.exit_criteria.join('; '),
		slasForLeadStage(playbook, stage.id)
			.flatMap((sla) =>
				sla.data.commitments.map(
					(c) => `${c.what}: ${c.target} ${c.unit}${c.period ? ` ${c.period}` : ''}`,
				),
			)
			.join('; '),
		ownersOf(playbook, stage.data.owners)
			.map((owner) => `${owner.name} (${owner.department ?? 'unknown'})`)
			.join('; '),
	]);
	// CRLF, as RFC 4180 and spreadsheets write CSV.
	return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The files of one export target. */
export function exportFiles(
	playbook: Playbook,
	target: ExportTarget,
	reasonFields: ReasonFields = {},
): ExportFiles {
	if (target === 'hubspot') return hubspotFiles(playbook, reasonFields);
	if (target === 'salesforce') return salesforceFiles(playbook, reasonFields);
	return [{ path: 'stages.csv', text: stagesCsv(playbook) }];
}
