import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPlaybook, entriesOf } from '../model/playbook.ts';
import { idOf, listEntryFiles, readContent } from '../checks/read/read-content.ts';
import { ID_PATTERN } from '../schemas/fields.ts';
import {
	COLLECTIONS,
	isCollectionName,
	PAGE_COLLECTIONS,
	type PageCollection,
} from '../schemas/index.ts';
import { scaffold } from './scaffold.ts';
import { parseOptions, today, UsageError } from './usage.ts';

/** `playbook new <collection> <id> [--content DIR] [--owners a,b]`. Returns the exit code. */
export function runNew(args: string[]): number {
	// 1. Read the arguments; a bad collection or id is a usage error.
	const { values, positionals } = parseOptions(
		args,
		{ content: { type: 'string', default: 'content' }, owners: { type: 'string', default: '' } },
		true,
	);
	const [collection, id, ...extra] = positionals;
	if (!collection || !id) throw new UsageError('new needs a collection and an id.');
	if (extra.length > 0)
		throw new UsageError(
			`new takes a collection and an id; "${extra.join(' ')}" is extra. Quote nothing and use - between words.`,
		);
	if (collection === 'results') {
		throw new UsageError(
			'monthly results come from the CRM: npm run results -- import FILE.csv --month YYYY-MM writes the file.',
		);
	}
	if (!isCollectionName(collection)) {
		throw new UsageError(
			`"${collection}" is not a collection; use one of ${PAGE_COLLECTIONS.join(', ')}.`,
		);
	}
	if (!ID_PATTERN.test(id)) {
		throw new UsageError(`"${id}" is not a valid id; use letters, digits, - and _.`);
	}
	const name = collection as PageCollection; // results were refused above
	const folder = join(values.content, name);

	// 2. Refuse an id that is taken, whatever its extension.
	const taken = listEntryFiles(folder).find((path) => idOf(path) === id);
	if (taken) {
		console.error(`${taken}  id  "${id}" is already used. Choose another id, or edit that file.`);
		return 1;
	}

	// 3. Offer the people and buyer stages that exist, so the draft starts from real ids.
	const playbook = existsSync(values.content)
		? readContent(values.content).playbook
		: createPlaybook([]);
	const people = entriesOf(playbook, 'team').filter((p) =>
		['sales', 'marketing'].includes(p.data.department),
	);
	const [firstStage] = entriesOf(playbook, 'buyer-stages').sort(
		(a, b) => a.data.order - b.data.order,
	);
	const owners = values.owners
		.split(',')
		.map((owner) => owner.trim())
		.filter(Boolean);
	const text = scaffold(name, id, {
		today: today(),
		owners,
		ownerHint:
			people.map((p) => `${p.id} (${p.data.department})`).join(', ') || 'none in content/team yet',
		firstBuyerStage: firstStage?.id,
	});

	// 4. Write the file and say what to do next.
	mkdirSync(folder, { recursive: true });
	const file = join(folder, `${id}${COLLECTIONS[name].extensions[0]}`);
	writeFileSync(file, text, { flag: 'wx' });
	console.log(`Created ${file}. Fill in its keys, then run npm run check.`);
	if (owners.length > 0 && COLLECTIONS[name].kind === 'definition')
		console.log(
			`It names ${owners.join(' and ')} as owners: run npm run codeowners so that GitHub asks them to review changes to it.`,
		);
	return 0;
}
