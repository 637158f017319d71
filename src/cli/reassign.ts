import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../checks/index.ts';
import { hasLeft, missingSides, ownersAfterMove } from '../model/people.ts';
import { entriesOf } from '../model/playbook.ts';
import { replaceOwner } from '../review/frontmatter-edits.ts';
import { DEFINITION_COLLECTIONS, type DefinitionCollection } from '../schemas/index.ts';
import { contentFolder, parseOptions, today, UsageError } from './usage.ts';

/**
 * `playbook reassign --from <id> --to <id> [--collection NAME] [--content DIR]`: moves every
 * definition one person owns (or one collection's) to another, changing only the owners lists.
 * Refuses, naming the files and writing nothing, where a definition would be left without an
 * owner from sales and one from marketing.
 */
export function runReassign(args: string[]): number {
	// 1. Read the options.
	const { values } = parseOptions(args, {
		from: { type: 'string' },
		to: { type: 'string' },
		collection: { type: 'string' },
		content: { type: 'string', default: 'content' },
	});
	if (!values.from || !values.to)
		throw new UsageError('Say whose definitions move and to whom: --from <id> --to <id>.');
	if (values.from === values.to) throw new UsageError('--from and --to name the same person.');
	const collections = collectionsOf(values.collection);
	const content = contentFolder(values.content);
	const [from, to, day] = [values.from, values.to, today()];

	// 2. Both must be people of the team, and the one taking over still at the company.
	const { playbook } = checkContent(content, { today: day });
	const team = playbook.entries.team;
	const person = (id: string) => team.get(id)?.data;
	const said: string[] = [];
	if (!person(from)) said.push(`--from ${from} is not a person in ${content}/team.`);
	if (!person(to)) said.push(`--to ${to} is not a person in ${content}/team.`);
	else if (hasLeft(person(to)!, day))
		said.push(`--to ${to} left on ${person(to)!.left}; choose someone still here.`);
	if (said.length > 0) {
		for (const line of said) console.error(line);
		return 1;
	}

	// 3. Work out every definition's new owners, and refuse any left one-sided.
	const moving = collections.flatMap((collection) =>
		entriesOf(playbook, collection).filter((entry) => entry.data.owners.includes(from)),
	);
	if (moving.length === 0) {
		console.log(
			`${from} owns no definitions${values.collection ? ` in ${values.collection}` : ''}; nothing to move.`,
		);
		return 0;
	}
	const plans = moving.map((entry) => {
		const path = join(content, entry.path!);
		const edited = replaceOwner(readFileSync(path, 'utf8'), from, to);
		const missing = missingSides(ownersAfterMove(entry.data.owners, from, to), person, day);
		return { entry, path, edited, missing };
	});
	const refused = plans.filter((plan) => plan.missing.length > 0 || 'refused' in plan.edited);
	for (const { entry, edited, missing } of refused)
		console.error(
			'refused' in edited
				? `${entry.file}  owners  ${edited.refused}. Change ${from} to ${to} by hand.`
				: `${entry.file}  owners  would have no owner from ${missing.join(' or ')} with ${to} instead of ${from}. Add a ${missing.join(' and a ')} owner to it first, or move it to someone from ${missing.join(' and ')}.`,
		);
	if (refused.length > 0) {
		console.error(
			`Nothing moved: ${refused.length} of ${plans.length} definitions would be refused.`,
		);
		return 1;
	}

	// 4. Write the new owners lists, and say what moved.
	for (const { entry, path, edited } of plans) {
		if ('text' in edited) writeFileSync(path, edited.text);
		console.log(`${entry.file}  owners  ${from} → ${to}`);
	}
	console.log(
		`Moved ${plans.length} definition${plans.length === 1 ? '' : 's'} from ${from} to ${to}. Run npm run codeowners so reviews go to ${to}.`,
	);
	return 0;
}

function collectionsOf(name: string | undefined): readonly DefinitionCollection[] {
	if (name === undefined) return DEFINITION_COLLECTIONS;
	const collection = DEFINITION_COLLECTIONS.find((c) => c === name);
	if (!collection)
		throw new UsageError(
			`--collection must be one of ${DEFINITION_COLLECTIONS.join(', ')}, not "${name}".`,
		);
	return [collection];
}
