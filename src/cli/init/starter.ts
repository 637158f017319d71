import yaml from 'js-yaml';
import { SITE_FILE } from '../../schemas/site.ts';
import type { Person } from '../../schemas/team.ts';
import { labelOf } from '../../schemas/vocabulary.ts';
import { PLACEHOLDER_SUMMARIES } from '../../model/placeholders.ts';
import { draftKeys, entryText, type ScaffoldContext } from '../scaffold.ts';
import {
	BUYER_STAGES,
	LIFECYCLES,
	type LifecycleName,
	SLAS,
	type StarterEntry,
} from './starters.ts';
import type { z } from 'zod';

/** What a team answers when it starts its playbook. */
export interface StarterAnswers {
	company: string;
	title: string;
	/** The people, each with the id their file gets. */
	people: { id: string; person: Person }[];
	lifecycle: LifecycleName;
}

/** A person's id from their name: `Dana Whitfield` → `dana-whitfield`; a taken id gets `-2`. */
export function personId(name: string, taken: ReadonlySet<string>): string {
	const base =
		name
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'person';
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** Keys as YAML lines, in block style, each value quoted only where YAML needs it. */
function yamlLines(fields: Record<string, unknown>): string[] {
	const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
	if (Object.keys(defined).length === 0) return [];
	return yaml.dump(defined, { lineWidth: -1 }).trimEnd().split('\n');
}

/** A draft definition: the keys `npm run new` writes, its own keys, and the body still to write. */
function draft(
	entry: StarterEntry<z.ZodType>,
	context: ScaffoldContext,
	extra: Record<string, unknown> = {},
): string {
	const { title, ...fields } = entry.fields as { title: string } & Record<string, unknown>;
	return entryText([...draftKeys(title, context), ...yamlLines({ ...fields, ...extra })], title);
}

/**
 * Every file of a starter playbook, by its path under the content folder: the site's names, the
 * team, the lifecycle's stages, three buyer stages, two SLAs, the glossary and a track per role.
 * Every definition is a draft owned by the first person from sales and the first from marketing,
 * with its summary and body still to write (what `npm run check -- --strict` lists). `guides`
 * are the ids of the guides the playbook keeps, for the tracks to start from.
 */
export function starterFiles(
	answers: StarterAnswers,
	today: string,
	guides: readonly string[],
): Map<string, string> {
	const files = new Map<string, string>();
	const lifecycle = LIFECYCLES[answers.lifecycle];
	const side = (department: string) =>
		answers.people.find(({ person }) => person.department === department)?.id;
	const owners = [side('sales'), side('marketing')].filter((id) => id !== undefined);
	const context: ScaffoldContext = {
		today,
		owners,
		ownerHint: answers.people
			.filter(({ person }) => ['sales', 'marketing'].includes(person.department))
			.map(({ id, person }) => `${id} (${person.department})`)
			.join(', '),
		firstBuyerStage: BUYER_STAGES[0]?.id,
	};

	files.set(
		SITE_FILE,
		[
			"# The site's names: the one place they are written (src/schemas/site.ts).",
			...yamlLines({ title: answers.title, company: answers.company }),
			'',
		].join('\n'),
	);
	for (const { id, person } of answers.people)
		files.set(`team/${id}.yaml`, `${yamlLines(person).join('\n')}\n`);
	for (const stage of lifecycle.stages)
		files.set(`lead-stages/${stage.id}.mdx`, draft(stage, context));
	for (const stage of BUYER_STAGES)
		files.set(`buyer-stages/${stage.id}.mdx`, draft(stage, context));
	for (const sla of SLAS)
		files.set(`slas/${sla.id}.mdx`, draft(sla, context, { lead_stage: lifecycle.handoff }));
	for (const term of lifecycle.glossary) files.set(`glossary/${term.id}.mdx`, draft(term, context));

	// One track per role on the team: the guide to start from, the stages the role works, the
	// SLAs, and the words.
	const departments = [...new Set(answers.people.map(({ person }) => person.department))];
	departments.forEach((department, index) => {
		const role = labelOf(department);
		const worked = lifecycle.stages.filter((s) => s.fields.worked_by === department);
		const steps = [
			...(guides.includes('start-here')
				? [{ read: 'guides/start-here', take: 'How the playbook works.', minutes: 5 }]
				: []),
			...(worked.length > 0 ? worked : lifecycle.stages).map((s) => ({
				read: `lead-stages/${s.id}`,
				take: `What puts a lead in ${s.fields.title}, and what moves it on.`,
				minutes: 5,
			})),
			...SLAS.map((sla) => ({
				read: `slas/${sla.id}`,
				take: `What ${sla.fields.from} promises ${sla.fields.to}, in numbers.`,
				minutes: 5,
			})),
			...lifecycle.glossary.map((t) => ({
				read: `glossary/${t.id}`,
				take: `What ${t.fields.title} means.`,
				minutes: 2,
			})),
		];
		files.set(
			`tracks/${department}.mdx`,
			entryText(
				yamlLines({
					title: `${role} onboarding`,
					summary: PLACEHOLDER_SUMMARIES.track,
					role,
					order: index + 1,
					steps,
				}),
				`${role} onboarding`,
			),
		);
	});
	return files;
}
