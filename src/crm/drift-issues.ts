import { hasLeft } from '../model/people.ts';
import type { Playbook } from '../model/playbook.ts';
import { pathOf } from '../model/views.ts';
import {
	markdownCode,
	markdownText,
	markdownUrl,
	mention,
	plainTitle,
} from '../review/markdown-text.ts';
import {
	type GithubIssue,
	planIssues,
	type ReviewAction,
	type WantedIssue,
} from '../review/reminders.ts';
import { type Crm, labelOf } from '../schemas/vocabulary.ts';
import type { Difference } from './drift.ts';

/**
 * The drift workflow's issues: one open GitHub issue per lead stage the CRM drifts from,
 * assigned to its owners, kept up to date, and closed once the CRM agrees again. The steps have
 * the review reminders' shape, so the reminders' GitHub client carries them out.
 */

/** The label every drift issue carries; the planner reads and writes only issues that have it. */
export const DRIFT_LABEL = 'playbook-crm-drift';

const MARKER = /<!-- playbook-crm-drift: (hubspot|salesforce) (lead-stages\/[^\s/]+) -->/;

export interface DriftIssueInput {
	playbook: Playbook;
	crm: Crm;
	/** Drift's differences; only errors open issues. */
	differences: readonly Difference[];
	/** The repository's issues with {@link DRIFT_LABEL}, open and closed. */
	issues: readonly GithubIssue[];
	siteUrl: string;
	today: string;
}

/**
 * What to do so that exactly one open drift issue stands for each lead stage `crm` drifts from:
 * create the missing ones, update (or reopen) those out of date, close the rest saying why.
 * Pure: the same input gives the same plan, and a plan carried out leaves nothing to do.
 */
export function planDriftIssues(input: DriftIssueInput): ReviewAction[] {
	const { playbook, crm, today } = input;
	const crmName = labelOf(crm);
	const ours = input.issues.filter((issue) => {
		const marked = MARKER.exec(issue.body ?? '');
		return !issue.pull_request && marked?.[1] === crm;
	});
	const drifted = Map.groupBy(
		input.differences.filter((d) => d.severity === 'error' && d.definition),
		(d) => d.definition!,
	);
	const wanted: WantedIssue[] = [];

	for (const [definition, differences] of drifted) {
		const id = definition.slice('lead-stages/'.length);
		const stage = playbook.entries['lead-stages'].get(id);
		if (!stage) continue;
		const owners = stage.data.owners.flatMap((owner) => {
			const person = playbook.entries.team.get(owner)?.data;
			return person && !hasLeft(person, today) ? [person] : [];
		});
		const assignees = owners.flatMap((person) => (person.github ? [person.github] : []));
		const page = `${input.siteUrl.replace(/\/$/, '')}${pathOf('lead-stages', id)}`;
		const body = [
			`<!-- playbook-crm-drift: ${crm} ${definition} -->`,
			`${crmName} no longer matches **${markdownText(stage.data.title)}** as the playbook defines it.`,
			'',
			...differences.map(
				(d) =>
					`- ${markdownCode(d.field)}: in ${crmName}, ${markdownText(d.crm)}; in the playbook, ${markdownText(d.playbook)}. ${markdownText(d.fix)}`,
			),
			'',
			`- Page: ${markdownUrl(page)}`,
			`- File: ${markdownCode(stage.file)}`,
			`- Owners: ${owners.map((p) => (p.github ? mention(p.github) : markdownText(p.name))).join(', ') || 'none here any more'}`,
			'',
			'Either change the CRM to match (RevOps: see the playbook README, CRM), or change the definition in a pull request. This issue closes by itself once they agree.',
		].join('\n');
		wanted.push({
			definition,
			title: `CRM drift: ${plainTitle(stage.data.title)} in ${crmName}`,
			assignees,
			due: today,
			body,
			reopenComment: `Reopened: ${crmName} drifts from the playbook again.`,
		});
	}
	return planIssues(wanted, {
		label: DRIFT_LABEL,
		byDefinition: Map.groupBy(ours, (issue) => MARKER.exec(issue.body ?? '')![2]!),
		duplicateComment: (kept, definition) =>
			`Closed: #${kept} is the drift issue for ${markdownCode(definition)}.`,
		closeComment: (definition) =>
			`Closed: ${crmName} agrees with the playbook on ${markdownCode(definition)} again.`,
	});
}
