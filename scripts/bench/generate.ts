import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUYING_ROLES, FORMATS, USES } from '../../src/schemas/vocabulary.ts';

/**
 * Synthetic playbooks for the benchmark: the real mix of collections (70% library items),
 * owners from both sides, references that resolve, and bodies of realistic length. The same
 * size and seed always give the same files.
 */

const WORDS = (
	'the of and to in a is that for it as with ' +
	'was on be by this are from or at an which have ' +
	'not but all were when we there can more if out so ' +
	'what up its about into than them only other new some could ' +
	'time these two may first then do any like my now over ' +
	'such our man me even most made after also did many before ' +
	'must through back years where much your way well down should because ' +
	'each just those people how too little state good very make world ' +
	'still own see men work long get here between both life being ' +
	'under never day same another know while last might us great old ' +
	'year off come since against go came right used take three revenue ' +
	'pipeline forecast quarter close reconciliation variance board controller finance audit budget analyst ' +
	'entity ledger report dashboard integration security onboarding renewal expansion churn discount pricing ' +
	'proposal champion buyer evaluation decision awareness consideration benchmark checklist webinar calculator team ' +
	'process spreadsheet automation accuracy timeline approval workflow owner review target account contact ' +
	'lead score intent campaign nurture sequence meeting demo trial contract invoice subscription ' +
	'payment billing procurement legal compliance risk policy vendor partner channel region territory ' +
	'quota commission attainment hiring ramp coaching playbook script objection response competitor battlecard ' +
	'positioning message persona segment industry vertical enterprise midmarket startup growth margin cost ' +
	'savings payback investment return value outcome metric conversion funnel stage handoff qualification ' +
	'discovery stakeholder sponsor executive committee priority initiative project implementation migration deployment training ' +
	'adoption usage retention health support ticket escalation incident feedback survey roadmap feature ' +
	'release update announcement newsletter event conference booth sponsorship content article guide ebook ' +
	'whitepaper case study video podcast interview testimonial reference review rating award analyst ' +
	'report research data insight trend signal alert notification task reminder calendar schedule ' +
	'deadline milestone'
)
	.trim()
	.split(/\s+/);

/** A small deterministic random generator (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface GeneratedEntry {
	collection: string;
	id: string;
	/** Frontmatter as YAML lines (no delimiters); for team, the whole file. */
	yaml: string[];
	title: string;
	summary: string;
	body: string;
}

/** How many entries of each collection a playbook of `size` entries has. */
export function mix(size: number): Record<string, number> {
	const library = Math.round(size * 0.7);
	const team = Math.max(4, Math.round(size * 0.02));
	const personas = Math.max(4, Math.round(size * 0.03));
	const icp = Math.max(2, Math.round(size * 0.005));
	const slas = Math.max(4, Math.round(size * 0.02));
	const metrics = Math.max(6, Math.round(size * 0.01));
	const fixed = 9 + 5; // lead stages and buyer stages, as in a real lifecycle
	const glossary = Math.max(0, size - library - team - personas - icp - slas - metrics - fixed);
	return {
		team,
		personas,
		icp,
		'lead-stages': 9,
		'buyer-stages': 5,
		library,
		slas,
		glossary,
		metrics,
	};
}

/** Every entry of a synthetic playbook with `size` entries in all. */
export function generatePlaybook(size: number, seed = 1): GeneratedEntry[] {
	const rand = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
	const sentence = (min: number, max: number) => {
		const length = min + Math.floor(rand() * (max - min));
		// Word frequencies fall off as in real text: a few words are everywhere, most are rare.
		const words = Array.from({ length }, () => WORDS[Math.floor(WORDS.length * rand() ** 2.5)]!);
		return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
	};
	const paragraph = () =>
		Array.from({ length: 4 + Math.floor(rand() * 4) }, () => sentence(8, 18)).join(' ');
	const body = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, paragraph).join('\n\n');
	const counts = mix(size);
	const ids = (prefix: string, count: number) =>
		Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);

	const team = ids('person', counts.team!);
	const sides = {
		sales: team.filter((_, i) => i % 2 === 0),
		marketing: team.filter((_, i) => i % 2 === 1),
	};
	const owners = () => `owners: [${pick(sides.sales)}, ${pick(sides.marketing)}]`;
	const common = (title: string, summary: string) => [
		`title: ${title}`,
		`summary: ${summary}`,
		owners(),
		'status: approved',
		'reviewed: 2026-11-01',
	];
	const personas = ids('persona', counts.personas!);
	const icps = ids('icp', counts.icp!);
	const buyerStages = ['awareness', 'consideration', 'evaluation', 'decision', 'expansion'];
	const leadStages = [
		'inquiry',
		'mql',
		'sal',
		'sql',
		'sao',
		'won',
		'lost',
		'recycle',
		'disqualified',
	];
	const next: Record<string, string[]> = {
		inquiry: ['mql', 'disqualified'],
		mql: ['sal', 'recycle', 'disqualified'],
		sal: ['sql', 'recycle'],
		sql: ['sao', 'recycle'],
		sao: ['won', 'lost'],
		won: [],
		lost: ['recycle'],
		recycle: ['mql', 'disqualified'],
		disqualified: [],
	};
	const entries: GeneratedEntry[] = [];
	const add = (collection: string, id: string, title: string, summary: string, yaml: string[]) =>
		entries.push({
			collection,
			id,
			title,
			summary,
			yaml,
			body: collection === 'team' ? '' : body(),
		});

	team.forEach((id, i) =>
		entries.push({
			collection: 'team',
			id,
			title: `Person ${i + 1}`,
			summary: '',
			body: '',
			yaml: [
				`name: Person ${i + 1}`,
				'title: Account Executive',
				`department: ${i % 2 === 0 ? 'sales' : 'marketing'}`,
				`github: person${i + 1}`,
			],
		}),
	);
	for (const id of personas) {
		const title = `Persona ${id.split('-')[1]}`;
		const summary = sentence(10, 16);
		add('personas', id, title, summary, [
			...common(title, summary),
			'role: Director of Finance',
			`buying_role: ${pick(BUYING_ROLES)}`,
			`icp: [${pick(icps)}]`,
			'goals:',
			...Array.from({ length: 3 }, () => `  - ${sentence(5, 9)}`),
			'pains:',
			...Array.from({ length: 3 }, () => `  - ${sentence(5, 9)}`),
			'objections:',
			...Array.from({ length: 2 }, () => [
				`  - objection: ${sentence(5, 9)}`,
				`    response: ${sentence(10, 16)}`,
			]).flat(),
			'quotes:',
			`  - quote: ${sentence(8, 14)}`,
			'    source: Discovery call, AE, 2026-09',
		]);
	}
	icps.forEach((id, i) => {
		const title = `ICP tier ${i + 1}`;
		const summary = sentence(10, 16);
		add('icp', id, title, summary, [
			...common(title, summary),
			`tier: ${i + 1}`,
			'firmographics:',
			'  industries: [Software, Fintech]',
			'  employees: { min: 200, max: 2000 }',
			'  regions: [North America, EMEA]',
			'signals:',
			`  - ${sentence(5, 9)}`,
			'disqualifiers:',
			`  - ${sentence(5, 9)}`,
		]);
	});
	leadStages.forEach((id, i) => {
		const title = `Lead stage ${id}`;
		const summary = sentence(10, 16);
		add('lead-stages', id, title, summary, [
			...common(title, summary),
			`order: ${i + 1}`,
			`worked_by: ${i < 2 ? 'marketing' : 'sales'}`,
			'entry_criteria:',
			`  - ${sentence(6, 10)}`,
			'exit_criteria:',
			`  - ${sentence(6, 10)}`,
			`next: [${next[id]!.join(', ')}]`,
		]);
	});
	buyerStages.forEach((id, i) => {
		const title = id[0]!.toUpperCase() + id.slice(1);
		const summary = sentence(10, 16);
		add('buyer-stages', id, title, summary, [
			...common(title, summary),
			`order: ${i + 1}`,
			`buyer_question: ${sentence(6, 10).replace(/\.$/, '?')}`,
		]);
	});
	for (const id of ids('item', counts.library!)) {
		const title = `${sentence(3, 6).replace(/\.$/, '')} (${id})`;
		const summary = sentence(10, 18);
		const stages = [...new Set([pick(buyerStages), pick(buyerStages)])];
		const forWhom = rand() < 0.3 ? [] : [...new Set([pick(personas), pick(personas)])];
		add('library', id, title, summary, [
			...common(title, summary),
			`stages: [${stages.join(', ')}]`,
			`personas: [${forWhom.join(', ')}]`,
			`format: ${pick(FORMATS)}`,
			`use: ${pick(USES)}`,
			`url: https://assets.example.com/${id}.pdf`,
			`talk_track: ${sentence(12, 24)}`,
		]);
	}
	for (const id of ids('sla', counts.slas!)) {
		const title = `SLA ${id.split('-')[1]}`;
		const summary = sentence(10, 16);
		add('slas', id, title, summary, [
			...common(title, summary),
			'from: sales',
			'to: marketing',
			`lead_stage: ${pick(['mql', 'sal', 'sql'])}`,
			'commitments:',
			...Array.from({ length: 2 }, () => [
				`  - what: ${sentence(5, 9)}`,
				'    target: 2',
				'    unit: business hours',
				'    period: per lead',
			]).flat(),
			'measured_in: CRM SLA dashboard',
			`escalation: ${sentence(10, 16)}`,
		]);
	}
	const terms = ids('term', counts.glossary!);
	for (const id of terms) {
		const title = `Term ${id.split('-')[1]}`;
		const summary = sentence(8, 14);
		add('glossary', id, title, summary, [
			...common(title, summary),
			`definition: ${sentence(14, 24)}`,
			`see_also: [${pick(terms)}]`,
			'avoid: []',
		]);
	}
	for (const id of ids('metric', counts.metrics!)) {
		const title = `Metric ${id.split('-')[1]}`;
		const summary = sentence(8, 14);
		add('metrics', id, title, summary, [
			...common(title, summary),
			`formula: ${sentence(10, 16)}`,
			'unit: percent',
			'target: 30',
			'source: CRM funnel report',
			'lead_stages: [mql, sql]',
		]);
	}
	return entries;
}

/** Writes a generated playbook as a content folder, as editors would. */
export function writePlaybook(
	entries: GeneratedEntry[],
	contentDir: string,
	extension: '.mdx' | '.md' = '.mdx',
): void {
	rmSync(contentDir, { recursive: true, force: true });
	for (const entry of entries) {
		const folder = join(contentDir, entry.collection);
		mkdirSync(folder, { recursive: true });
		const text =
			entry.collection === 'team'
				? `${entry.yaml.join('\n')}\n`
				: `---\n${entry.yaml.join('\n')}\n---\n\n${entry.body}\n`;
		writeFileSync(
			join(folder, `${entry.id}${entry.collection === 'team' ? '.yaml' : extension}`),
			text,
		);
	}
}

/**
 * The same pages as plain Starlight docs: title, description, the fields as a list, and the
 * body, so the baseline renders comparable content through Starlight's own pipeline.
 */
export function writeBareDocs(
	entries: GeneratedEntry[],
	docsDir: string,
	extension: '.mdx' | '.md' = '.mdx',
): void {
	rmSync(docsDir, { recursive: true, force: true });
	for (const entry of entries) {
		const folder = join(docsDir, entry.collection);
		mkdirSync(folder, { recursive: true });
		// The fields as a plain list (escaped for MDX), as a docs writer would put them.
		const fields = entry.yaml
			.filter((line) => !/^(title|summary):/.test(line))
			.map(
				(line) =>
					`- ${line
						.trim()
						.replace(/^- /, '')
						.replace(/[{}<>]/g, (c) => `\\${c}`)}`,
			)
			.join('\n');
		const title = entry.title.replace(/"/g, "'");
		const description = (entry.summary || entry.title).replace(/"/g, "'");
		writeFileSync(
			join(folder, `${entry.id}${extension}`),
			`---\ntitle: "${title}"\ndescription: "${description}"\n---\n\n${fields}\n\n${entry.body}\n`,
		);
	}
}

/**
 * The floor: the same pages as `writeBareDocs` as plain Astro MDX pages in one minimal layout
 * (a title, the body, Pagefind's body marker), with nothing of Starlight or this project. It is
 * what Astro and `@astrojs/mdx` need to render these pages at all.
 */
export function writeFloorSite(
	entries: GeneratedEntry[],
	projectDir: string,
	extension: '.mdx' | '.md' = '.mdx',
): void {
	const pages = join(projectDir, 'src', 'pages');
	writeBareDocs(entries, pages, extension);
	mkdirSync(join(projectDir, 'src', 'layouts'), { recursive: true });
	writeFileSync(
		join(projectDir, 'src', 'layouts', 'Page.astro'),
		'---\nconst { frontmatter } = Astro.props;\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{frontmatter.title}</title><meta name="description" content={frontmatter.description} /></head><body><main data-pagefind-body><h1>{frontmatter.title}</h1><slot /></main></body></html>\n',
	);
	// Each page names the layout, as MDX pages in src/pages do.
	for (const entry of entries) {
		const file = join(pages, entry.collection, `${entry.id}${extension}`);
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, text.replace(/^---\n/, '---\nlayout: ../../layouts/Page.astro\n'));
	}
}
