import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkContent } from '../checks/index.ts';
import { formatProblem, plural } from '../checks/problems/reporters.ts';
import { crmClashes, stageMappings } from '../model/crm-mapping.ts';
import type { Playbook } from '../model/playbook.ts';
import { formatApplyPlan, planHubspotApply } from '../crm/apply.ts';
import {
	createHubspotProperty,
	CrmError,
	type CrmConnection,
	readHubspotProperties,
	readSalesforcePicklists,
	updateHubspotOptions,
} from '../crm/clients.ts';
import { type Difference, driftOf, formatDifference } from '../crm/drift.ts';
import { exportFiles } from '../crm/export.ts';
import { HubspotPropertySchema, hubspotPicklist } from '../crm/hubspot.ts';
import { type CrmPicklist, type ReasonFields, wantedPicklists } from '../crm/picklist.ts';
import { MetadataShapeError, readSalesforceMetadata, XmlError } from '../crm/salesforce.ts';
import { HUBSPOT_PROPERTY_NAME } from '../schemas/lead-stages.ts';
import { type Crm, labelOf } from '../schemas/vocabulary.ts';
import { planDriftIssues, DRIFT_LABEL } from '../crm/drift-issues.ts';
import {
	applyAction,
	githubClientFromEnv,
	GithubError,
	listReminderIssues,
} from '../review/github-api.ts';
import type { GithubIssue } from '../review/reminders.ts';
import { settings } from '../schemas/settings.ts';
import { contentFolder, parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook crm export|drift|apply`: the CRM follows the playbook. `export` writes files a CRM's
 * own tools import; `drift` compares a CRM (live, or a saved answer) with the lead stages, one
 * line a difference (exit 1 when they drift); `apply` plans HubSpot's changes and, with `--yes`,
 * makes them. HUBSPOT_TOKEN, HUBSPOT_API_URL, SF_INSTANCE_URL and SF_ACCESS_TOKEN are read here,
 * where they are used, and not among the PLAYBOOK_* settings the site's build reads: a secret
 * never sits in an object the build could print.
 */
export async function runCrm(args: string[]): Promise<number> {
	// 1. The subcommand and its options.
	const [sub, ...rest] = args;
	const { values } = parseOptions(rest, {
		to: { type: 'string' },
		from: { type: 'string' },
		out: { type: 'string', default: 'crm-export' },
		content: { type: 'string', default: 'content' },
		file: { type: 'string' },
		format: { type: 'string', default: 'text' },
		strict: { type: 'boolean', default: false },
		yes: { type: 'boolean', default: false },
		'allow-hide': { type: 'boolean', default: false },
		'hubspot-reasons': { type: 'string' },
		'salesforce-reasons': { type: 'string' },
		apply: { type: 'boolean', default: false },
		'github-issues': { type: 'string' },
		site: { type: 'string', default: settings().site },
	});
	if (sub !== 'export' && sub !== 'drift' && sub !== 'apply' && sub !== 'issues')
		throw new UsageError(
			sub === undefined
				? 'Say what to do: export, drift, apply or issues.'
				: `"${sub}" is not a crm command; use export, drift, apply or issues.`,
		);
	const reasonFields = reasonFieldsOf(values);
	const content = contentFolder(values.content);

	// 2. The playbook, checked: a CRM set from a broken playbook would spread its mistakes.
	const report = checkContent(content);
	const clashes = crmClashes(stageMappings(report.playbook));
	if (report.errorCount > 0 || clashes.length > 0) {
		for (const problem of report.problems.filter((p) => p.severity === 'error'))
			console.error(formatProblem(problem));
		for (const clash of clashes)
			console.error(
				`${clash.mappings[1]!.stage.file}  ${clash.field}  is ${clash.value}, derived from its title, which ${clash.mappings[0]!.stage.id} is too. Set ${clash.field} in one of them.`,
			);
		console.error(
			`Nothing done: ${plural(report.errorCount + clashes.length, 'error')} in the playbook. Fix them, then run it again.`,
		);
		return 1;
	}

	try {
		// 3. The subcommand.
		if (sub === 'export') return runExport(report.playbook, values.to, values.out, reasonFields);
		if (sub === 'drift')
			return await runDrift(report.playbook, {
				from: crmOption('--from', values.from),
				file: values.file,
				format: formatOption(values.format),
				strict: values.strict,
				folder: `${content.replace(/\/$/, '')}/lead-stages/`,
				reasonFields,
			});
		if (sub === 'issues')
			return await runIssues(report.playbook, {
				from: crmOption('--from', values.from),
				file: values.file,
				format: 'text',
				strict: false,
				folder: `${content.replace(/\/$/, '')}/lead-stages/`,
				reasonFields,
				apply: values.apply,
				githubIssues: values['github-issues'],
				site: values.site,
			});
		if (values.to !== 'hubspot')
			throw new UsageError(
				'apply works on HubSpot only: say --to hubspot. For Salesforce, export --to salesforce and deploy with sf project deploy start.',
			);
		return await runApply(report.playbook, values.yes, values['allow-hide'], reasonFields);
	} catch (error) {
		if (!(
			error instanceof CrmError ||
			error instanceof SavedAnswerError ||
			error instanceof GithubError
		))
			throw error;
		console.error(error.message);
		return error instanceof SavedAnswerError ? 2 : 1;
	}
}

/** A saved answer that is not what `--file` should hold: one line naming the file. */
class SavedAnswerError extends Error {}

function reasonFieldsOf(values: {
	'hubspot-reasons'?: string | undefined;
	'salesforce-reasons'?: string | undefined;
}): ReasonFields {
	const hubspot = values['hubspot-reasons'];
	const salesforce = values['salesforce-reasons'];
	if (hubspot !== undefined && !HUBSPOT_PROPERTY_NAME.test(hubspot))
		throw new UsageError(
			`--hubspot-reasons must be a HubSpot property name (lower-case letters, digits and _), not "${hubspot}".`,
		);
	if (salesforce !== undefined && !/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__c$/.test(salesforce))
		throw new UsageError(
			`--salesforce-reasons must be a custom field's API name ending __c (for example Rejection_Reason__c), not "${salesforce}".`,
		);
	return { hubspot, salesforce };
}

function crmOption(flag: string, value: string | undefined): Crm {
	if (value === 'hubspot' || value === 'salesforce') return value;
	throw new UsageError(`${flag} must be hubspot or salesforce${value ? `, not "${value}"` : ''}.`);
}

function formatOption(value: string): 'text' | 'json' {
	if (value === 'text' || value === 'json') return value;
	throw new UsageError(`--format must be text or json, not "${value}".`);
}

function runExport(
	playbook: Playbook,
	to: string | undefined,
	out: string,
	reasonFields: ReasonFields,
): number {
	if (to !== 'hubspot' && to !== 'salesforce' && to !== 'csv')
		throw new UsageError(`--to must be hubspot, salesforce or csv${to ? `, not "${to}"` : ''}.`);
	for (const file of exportFiles(playbook, to, reasonFields)) {
		const path = join(out, file.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, file.text);
		console.log(`wrote ${path}`);
	}
	return 0;
}

interface DriftRun {
	from: Crm;
	file: string | undefined;
	format: 'text' | 'json';
	strict: boolean;
	folder: string;
	reasonFields: ReasonFields;
}

/**
 * Every difference between the CRM and the playbook, for drift and for the drift workflow, and
 * the fields a saved answer does not hold, so not compared.
 */
export async function driftDifferences(
	playbook: Playbook,
	run: DriftRun,
): Promise<{ differences: Difference[]; notCompared: string[] }> {
	const wanted = wantedPicklists(playbook, run.from, run.reasonFields);
	const actual = run.file
		? readSavedAnswer(
				run.from,
				run.file,
				wanted.map((p) => p.name),
			)
		: await readLive(
				run.from,
				wanted.map((p) => p.name),
				run.reasonFields,
			);
	// One saved file holds one field: the others were not asked about, so they are not missing.
	const asked =
		run.file && !statSync(run.file).isDirectory()
			? wanted.filter((picklist) => actual.has(picklist.name))
			: wanted;
	return {
		differences: asked.flatMap((picklist) =>
			driftOf(picklist, actual.get(picklist.name), { strict: run.strict, folder: run.folder }),
		),
		notCompared: wanted.filter((picklist) => !asked.includes(picklist)).map((p) => p.name),
	};
}

/** The line saying a field was not compared, because the saved answer does not hold it. */
function notComparedLine(name: string, file: string | undefined): string {
	return `Not compared: ${name}, which ${file} does not hold.`;
}

async function runDrift(playbook: Playbook, run: DriftRun): Promise<number> {
	const { differences, notCompared } = await driftDifferences(playbook, run);
	if (run.format !== 'json')
		for (const name of notCompared) console.log(notComparedLine(name, run.file));
	const errors = differences.filter((d) => d.severity === 'error').length;
	if (run.format === 'json') {
		console.log(JSON.stringify(differences, null, 2));
	} else {
		for (const difference of differences) console.log(formatDifference(difference));
		const crm = labelOf(run.from);
		const info = differences.length - errors;
		console.log(
			errors === 0
				? `${crm} agrees with the playbook${info ? ` (${plural(info, 'option')} no stage maps, listed above)` : ''}.`
				: `${crm} drifts from the playbook: ${plural(errors, 'difference')}${info ? `, and ${plural(info, 'option')} no stage maps` : ''}.`,
		);
	}
	return errors === 0 ? 0 : 1;
}

async function runApply(
	playbook: Playbook,
	yes: boolean,
	allowHide: boolean,
	reasonFields: ReasonFields,
): Promise<number> {
	const connection = hubspotConnection();
	const wanted = wantedPicklists(playbook, 'hubspot', reasonFields);
	const actual = await readHubspotProperties(
		connection,
		wanted.map((p) => p.name),
	);
	const steps = planHubspotApply(wanted, actual, { allowHide });
	console.log(formatApplyPlan(steps));
	const changes = steps.filter((step) => step.action !== 'by-hand');
	if (!yes) {
		if (changes.length)
			console.log('Nothing changed yet: run it again with --yes to make these changes.');
		return 0;
	}
	for (const step of changes) {
		if (step.action === 'create') await createHubspotProperty(connection, step.body);
		if (step.action === 'update')
			await updateHubspotOptions(connection, step.property, step.options);
		console.log(`${step.property}: done`);
	}
	return 0;
}

function webAddress(name: string, value: string): string {
	if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
	throw new UsageError(
		`${name} is "${value}", which is not a web address. Set it to the address, for example https://api.hubapi.com.`,
	);
}

function hubspotConnection(): CrmConnection {
	const token = process.env.HUBSPOT_TOKEN?.trim();
	if (!token)
		throw new UsageError(
			'HUBSPOT_TOKEN is not set. Set it to a HubSpot private app token, or give --file with a saved answer.',
		);
	const baseUrl = webAddress(
		'HUBSPOT_API_URL',
		process.env.HUBSPOT_API_URL?.trim() || 'https://api.hubapi.com',
	);
	return { baseUrl, token };
}

function salesforceConnection(): CrmConnection {
	const token = process.env.SF_ACCESS_TOKEN?.trim();
	const instance = process.env.SF_INSTANCE_URL?.trim();
	if (!token || !instance)
		throw new UsageError(
			'SF_INSTANCE_URL and SF_ACCESS_TOKEN must both be set (sf org display --verbose shows them), or give --file with a retrieved LeadStatus file.',
		);
	return { baseUrl: webAddress('SF_INSTANCE_URL', instance), token };
}

async function readLive(crm: Crm, names: string[], reasonFields: ReasonFields) {
	if (crm === 'hubspot') return readHubspotProperties(hubspotConnection(), names);
	const reasonField = names.find((name) => name.endsWith('__c')) ?? reasonFields.salesforce;
	return readSalesforcePicklists(salesforceConnection(), reasonField);
}

/** Every file under a folder (or the file itself), with `suffix`. */
function filesIn(path: string, suffix: string): string[] {
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith(suffix))
		.sort()
		.map((name) => join(path, name));
}

/**
 * A saved CRM answer: for HubSpot, the JSON of `GET /crm/v3/properties/contacts/<property>` (or
 * of the whole list), one file or a folder of them; for Salesforce, a retrieved LeadStatus value
 * set or picklist field, or a DX folder holding them.
 */
function readSavedAnswer(crm: Crm, path: string, names: string[]): Map<string, CrmPicklist> {
	try {
		statSync(path);
	} catch {
		throw new UsageError(`--file ${path} does not exist.`);
	}
	const found = new Map<string, CrmPicklist>();
	if (crm === 'hubspot') {
		for (const file of filesIn(path, '.json')) {
			const fix = `Save what HubSpot answers to GET /crm/v3/properties/contacts/<property> in ${file}.`;
			let data: unknown;
			try {
				data = JSON.parse(readFileSync(file, 'utf8'));
			} catch (error) {
				throw new SavedAnswerError(
					`${file}  is not JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ${fix}`,
				);
			}
			const list = data && typeof data === 'object' && 'results' in data ? data.results : [data];
			for (const item of Array.isArray(list) ? list : [list]) {
				const parsed = HubspotPropertySchema.safeParse(item);
				if (!parsed.success) {
					const issue = parsed.error.issues[0]!;
					throw new SavedAnswerError(
						`${file}  is not a HubSpot property (${issue.path.join('.') || 'the file'}: ${issue.message}). ${fix}`,
					);
				}
				found.set(parsed.data.name, hubspotPicklist(parsed.data));
			}
		}
		return found;
	}
	for (const file of filesIn(path, '-meta.xml')) {
		const name = basename(file).replace(/\.(standardValueSet|field)-meta\.xml$/, '');
		// In a retrieved folder, only the files of the fields the playbook maps.
		if (statSync(path).isDirectory() && !names.includes(name)) continue;
		try {
			const picklist = readSalesforceMetadata(readFileSync(file, 'utf8'), name);
			found.set(picklist.name, picklist);
		} catch (error) {
			if (!(error instanceof XmlError || error instanceof MetadataShapeError)) throw error;
			throw new SavedAnswerError(
				`${file}  is not a Salesforce picklist file: ${error.message}. Retrieve it with sf project retrieve start -m StandardValueSet:LeadStatus.`,
			);
		}
	}
	return found;
}

interface IssuesRun extends DriftRun {
	apply: boolean;
	githubIssues: string | undefined;
	site: string;
}

/**
 * `crm issues`: drift, as one GitHub issue per drifted lead stage for its owners. Prints the plan;
 * with `--apply`, reads the issues from GitHub and makes the changes (GITHUB_TOKEN, GITHUB_REPOSITORY).
 */
async function runIssues(playbook: Playbook, run: IssuesRun): Promise<number> {
	const client = run.apply ? githubClientFromEnv() : undefined;
	if (run.apply && !client)
		throw new UsageError(
			'--apply needs GITHUB_TOKEN (a token that may write issues) and GITHUB_REPOSITORY (owner/name), as GitHub Actions sets them.',
		);
	const { differences, notCompared } = await driftDifferences(playbook, run);
	for (const name of notCompared) console.log(notComparedLine(name, run.file));
	const issues = client
		? await listReminderIssues(client, DRIFT_LABEL)
		: savedIssues(run.githubIssues);
	const plan = planDriftIssues({
		playbook,
		crm: run.from,
		differences,
		issues,
		siteUrl: run.site,
		today: today(),
	});
	for (const action of plan) {
		const number = client
			? await applyAction(client, action)
			: 'number' in action
				? action.number
				: undefined;
		console.log(
			`${action.action}  ${number === undefined ? '' : `#${number}  `}${action.definition}  ${action.title}`,
		);
	}
	console.log(
		plan.length === 0
			? 'Nothing to do: every drift issue is up to date.'
			: `${plural(plan.length, 'change')} ${client ? 'made' : 'planned'}.`,
	);
	return 0;
}

/** Issues saved from GitHub's REST API, for a plan without a token. */
function savedIssues(file: string | undefined): GithubIssue[] {
	if (file === undefined) return [];
	try {
		const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (Array.isArray(data)) return data.flat() as GithubIssue[];
	} catch {
		// Said below, in one line.
	}
	throw new SavedAnswerError(
		`${file}  is not a list of GitHub issues. Save what GitHub answers to GET /repos/OWNER/NAME/issues?labels=${DRIFT_LABEL}&state=all.`,
	);
}
