import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { folderSource, idOf, listEntryFiles, walkContent } from '../checks/read/read-content.ts';
import { readSiteFile } from '../checks/read/site-file.ts';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { SiteSchema } from '../schemas/site.ts';
import { type Person, TeamSchema } from '../schemas/team.ts';
import { quote } from '../checks/problems/problems.ts';
import { DEPARTMENTS } from '../schemas/vocabulary.ts';
import { contentFingerprint } from './init/fingerprint.ts';
import { personId, type StarterAnswers, starterFiles } from './init/starter.ts';
import { LIFECYCLE_NAMES, LIFECYCLES, type LifecycleName } from './init/starters.ts';
import { parseOptions, today, UsageError } from './usage.ts';

/** The line a person is written on, in a flag and in the prompt. */
const PERSON_FORM = '"Name, Title, department[, github]"';

/**
 * `playbook init [--company NAME] [--title TEXT] [--person "Name, Title, department[, github]"]...
 * [--lifecycle waterfall|hubspot|minimal] [--yes] [--force] [--content DIR]`: replaces the example
 * playbook with a team's own starter. What the flags leave out is asked, a line at a time.
 */
export async function runInit(args: string[]): Promise<number> {
	// 1. Read the flags.
	const { values } = parseOptions(args, {
		company: { type: 'string' },
		title: { type: 'string' },
		person: { type: 'string', multiple: true },
		lifecycle: { type: 'string' },
		yes: { type: 'boolean', default: false },
		force: { type: 'boolean', default: false },
		content: { type: 'string', default: 'content' },
	});
	const content = values.content;
	if (values.lifecycle !== undefined) lifecycleOf(values.lifecycle);

	// 2. Refuse to replace a playbook someone has written.
	if (!values.force && !isUntouchedExample(content)) {
		console.error(
			`${content} is not the untouched example playbook, so npm run init would replace a playbook someone has written; nothing was changed. Run it with --force to replace it anyway.`,
		);
		return 1;
	}

	// 3. Ask for what the flags left out; --yes asks nothing.
	const ask = values.yes ? undefined : lineReader();
	try {
		const answers = await gather(values, ask);
		if (ask) {
			const sure = await ask(
				`Replace everything in ${content}/ but the guides with a starter for ${answers.company}? (yes/no) `,
			);
			if (!/^y(es)?$/i.test(sure?.trim() ?? '')) {
				console.error('Nothing was changed.');
				return 1;
			}
		}

		// 4. Make every file first, then replace the example's collections with them.
		const guides = listEntryFiles(join(content, 'guides')).map(idOf);
		const files = starterFiles(answers, today(), guides);
		for (const collection of COLLECTION_NAMES)
			if (collection !== 'guides')
				rmSync(join(content, collection), { recursive: true, force: true });
		for (const [path, text] of files) {
			mkdirSync(dirname(join(content, path)), { recursive: true });
			writeFileSync(join(content, path), text);
		}

		// 5. Say what comes next.
		console.log(
			[
				`Wrote a starter playbook for ${answers.company} in ${content}/: ${files.size} files, every definition a draft.`,
				'Next: npm run check -- --strict lists what is still to write; npm run dev shows the site as you write.',
				'Then publish it where only your team can read it: README.md, "Deploy where only the team can read it".',
			].join('\n'),
		);
		return 0;
	} finally {
		ask?.close();
	}
}

/** True when the content folder is the example as shipped, or holds no files at all. */
function isUntouchedExample(content: string): boolean {
	if (!existsSync(content) || walkContent(content).files.length === 0) return true;
	const { example } = readSiteFile(folderSource(content));
	return example !== undefined && example === contentFingerprint(content);
}

type Ask = ((question: string) => Promise<string | undefined>) & { close: () => void };

/**
 * Questions on standard output, answers a line at a time from standard input: in a terminal or
 * from a pipe alike, since lines are queued until a question takes them. At the end of the input,
 * an answer is undefined.
 */
function lineReader(): Ask {
	const reader = createInterface({ input: process.stdin, terminal: false });
	const lines = reader[Symbol.asyncIterator]();
	const ask = async (question: string) => {
		process.stdout.write(question);
		const next = await lines.next();
		return next.done ? undefined : String(next.value);
	};
	return Object.assign(ask, { close: () => reader.close() });
}

interface Flags {
	company?: string | undefined;
	title?: string | undefined;
	person?: string[] | undefined;
	lifecycle?: string | undefined;
}

/** The answers: each from its flag, else asked, else a usage error naming the flag. */
async function gather(flags: Flags, ask: Ask | undefined): Promise<StarterAnswers> {
	const company = (flags.company ?? (await ask?.("Your company's name: ")))?.trim();
	if (!company) throw new UsageError('init needs the company\'s name: --company "Acme".');
	const title =
		flags.title?.trim() ||
		(await ask?.(`The site's title (Enter for "${company} Revenue Playbook"): `))?.trim() ||
		`${company} Revenue Playbook`;
	// The names go through the schema site.yaml is read with, so the starter checks clean.
	const names = SiteSchema.safeParse({ company, title });
	if (!names.success) {
		// The company first: a title made from it fails with it.
		const { issues } = names.error;
		const issue = issues.find((i) => i.path[0] === 'company') ?? issues[0]!;
		const flag = String(issue.path[0]);
		throw new UsageError(
			`--${flag} ${quote(flag === 'company' ? company : title)} ${issue.message}`,
		);
	}

	const lines = flags.person ?? [];
	if (lines.length === 0 && ask) {
		console.log(
			`The people, one a line, as ${PERSON_FORM}; department is one of ${DEPARTMENTS.join(', ')}. An empty line ends the list.`,
		);
		for (;;) {
			const line = (await ask('Person: '))?.trim();
			if (!line) break;
			lines.push(line);
		}
	}
	const taken = new Set<string>();
	const people = lines.map((line) => {
		const person = personOf(line);
		const id = personId(person.name, taken);
		taken.add(id);
		return { id, person };
	});
	for (const side of ['sales', 'marketing'])
		if (!people.some(({ person }) => person.department === side))
			throw new UsageError(
				`init needs at least one person from ${side}: every definition is owned by both sides. Add --person ${PERSON_FORM} with department ${side}.`,
			);

	let lifecycle = flags.lifecycle;
	if (lifecycle === undefined && ask) {
		console.log('The lifecycle to start from:');
		LIFECYCLE_NAMES.forEach((name, index) =>
			console.log(`  ${index + 1}. ${name}: ${LIFECYCLES[name].label}`),
		);
		const answer = (await ask('Lifecycle (Enter for waterfall): '))?.trim() || 'waterfall';
		lifecycle = LIFECYCLE_NAMES[Number(answer) - 1] ?? answer;
	}
	return { company, title, people, lifecycle: lifecycleOf(lifecycle ?? 'waterfall') };
}

function lifecycleOf(name: string): LifecycleName {
	const found = LIFECYCLE_NAMES.find((known) => known === name);
	if (!found)
		throw new UsageError(`--lifecycle is "${name}"; use one of ${LIFECYCLE_NAMES.join(', ')}.`);
	return found;
}

/** A person from `Name, Title, department[, github]`, held to the team schema. */
function personOf(line: string): Person {
	const [name, title, department, github, ...extra] = line.split(',').map((part) => part.trim());
	if (!name || !title || !department || extra.length > 0)
		throw new UsageError(
			`--person ${quote(line)} is not ${PERSON_FORM}: write the name, the job title and the department, separated by commas.`,
		);
	const parsed = TeamSchema.safeParse({ name, title, department, ...(github && { github }) });
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0]!;
	const field = String(issue.path[0] ?? 'person');
	const fix =
		field === 'department'
			? `Use one of ${DEPARTMENTS.join(', ')}.`
			: issue.message.replace(/^is /, 'It is ');
	throw new UsageError(`--person ${quote(line)}: its ${field} is not valid. ${fix}`);
}
