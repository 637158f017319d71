import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	BODY,
	ORIGINAL_TEXT,
	readEntryFile,
	writeEntryFile,
	type EntryFormat,
} from '../../../src/browser/entry-file.ts';
import { parseEntryText } from '../../../src/checks/read/frontmatter.ts';
import { COLLECTION_NAMES } from '../../../src/schemas/index.ts';
import { ROOT } from '../../support/sites.ts';

const files = COLLECTION_NAMES.flatMap((collection) =>
	readdirSync(join(ROOT, 'content', collection)).map((file) => `${collection}/${file}`),
);
const formatOf = (file: string): EntryFormat => (file.endsWith('.yaml') ? 'yaml' : 'frontmatter');
// The form's values pass through the editor's store as plain data, as JSON would carry them.
const throughTheForm = (values: Record<string, unknown>) =>
	JSON.parse(JSON.stringify(values)) as Record<string, unknown>;

const MQL = readFileSync(join(ROOT, 'content', 'lead-stages', 'mql.mdx'), 'utf8');

describe('the editor reads and writes entry files', () => {
	test.each(files)('%s saved unchanged is the same file, byte for byte', (file) => {
		const text = readFileSync(join(ROOT, 'content', file), 'utf8');
		const values = throughTheForm(readEntryFile(text, formatOf(file)));
		expect(writeEntryFile(values, formatOf(file))).toBe(text);
	});

	test('the form sees what the checker sees: dates as text, the body verbatim', () => {
		const values = readEntryFile(MQL, 'frontmatter');
		const checked = parseEntryText(MQL, 'markdown');
		if (!checked.ok) throw new Error('mql.mdx does not parse');
		const { [BODY]: body, [ORIGINAL_TEXT]: original, ...data } = values;
		expect(data).toEqual(checked.data);
		expect(values.reviewed).toBe('2026-11-03');
		expect(body).toBe(checked.body);
		expect(original).toBe(MQL);
	});

	test('a changed key is the only line that changes; comments and list styles stay', () => {
		const text = [
			'---',
			'# Agreed at the October pipeline review.',
			'title: Marketing Qualified Lead',
			'score_threshold: 100 # fit plus behaviour',
			'next: [sal, recycle]',
			'entry_criteria:',
			'  - Lead score of 100 or more',
			'---',
			'',
			'<Aside>Body with a component.</Aside>',
			'',
		].join('\n');
		const values = throughTheForm(readEntryFile(text, 'frontmatter'));
		values.score_threshold = 120;
		expect(writeEntryFile(values, 'frontmatter')).toBe(
			text.replace('score_threshold: 100 # fit plus behaviour', 'score_threshold: 120'),
		);
	});

	test('a key the file did not have goes where the form lists it', () => {
		const values = throughTheForm(readEntryFile(MQL, 'frontmatter'));
		values.abbreviation = undefined;
		delete values.abbreviation;
		const order = Object.keys(readEntryFile(MQL, 'frontmatter'));
		const text = writeEntryFile({ ...values, review_every: 3 }, 'frontmatter', [
			...order.slice(0, 5),
			'review_every',
			...order.slice(5),
		]);
		expect(text).toMatch(/reviewed: 2026-11-03\nreview_every: 3\n/);
		expect(text).not.toMatch(/^abbreviation:/m);
	});

	test('an optional field left blank is left out, not written empty', () => {
		const values = throughTheForm(readEntryFile(MQL, 'frontmatter'));
		values.abbreviation = '';
		values.aliases = [];
		values.exit_criteria = [];
		values.rejection_reasons = null;
		values.see_also = [];
		const text = writeEntryFile(values, 'frontmatter');
		expect(text).not.toMatch(/^abbreviation:/m);
		expect(text).not.toMatch(/^rejection_reasons:/m);
		// A list the file had is kept as an empty list; one it never had is not added.
		expect(text).toMatch(/^aliases: \[\]$/m);
		expect(text).not.toMatch(/^see_also:/m);
	});

	test('a new entry is written in the form order, its body after a blank line', () => {
		const text = writeEntryFile(
			{
				status: 'draft',
				title: 'Head of RevOps',
				owners: ['dana-whitfield', 'marco-silva'],
				reviewed: '2026-12-01',
				aliases: [],
				[BODY]: 'Owns the CRM.\n',
			},
			'frontmatter',
			['title', 'owners', 'status', 'reviewed', 'aliases', BODY],
		);
		expect(text).toBe(
			"---\ntitle: Head of RevOps\nowners:\n  - dana-whitfield\n  - marco-silva\nstatus: draft\nreviewed: '2026-12-01'\n---\n\nOwns the CRM.\n",
		);
		const checked = parseEntryText(text, 'markdown');
		expect(checked.ok && checked.data).toMatchObject({ reviewed: '2026-12-01' });
	});

	test('a person file is YAML alone, kept as written', () => {
		const text =
			'# Joined from the Berlin office.\nname: Dana Whitfield\ntitle: VP of Sales\ndepartment: sales\n';
		const values = throughTheForm(readEntryFile(text, 'yaml'));
		expect(values).not.toHaveProperty(BODY);
		values.title = 'CRO';
		expect(writeEntryFile(values, 'yaml')).toBe(text.replace('VP of Sales', 'CRO'));
	});

	test('a layout it cannot cut safely is written afresh, still saying what the form holds', () => {
		const text = '---\n{ title: Odd, status: draft }\n---\nBody\n';
		const values = throughTheForm(readEntryFile(text, 'frontmatter'));
		values.status = 'approved';
		const written = writeEntryFile(values, 'frontmatter', ['title', 'status']);
		expect(written).toBe('---\ntitle: Odd\nstatus: approved\n---\nBody\n');
	});

	test('a text that looks like another type keeps its type', () => {
		const values = throughTheForm(readEntryFile(MQL, 'frontmatter'));
		values.abbreviation = 'yes';
		values.summary = '2026-01-01';
		const text = writeEntryFile(values, 'frontmatter');
		const checked = parseEntryText(text, 'markdown');
		expect(checked.ok && checked.data).toMatchObject({
			abbreviation: 'yes',
			summary: '2026-01-01',
		});
		// Astro's reader takes an unquoted 2026-01-01 for a date; quoted, both read text.
		expect(text).toContain("summary: '2026-01-01'\n");
	});

	test('a file that is not YAML opens with its text, for the checker to name the problem', () => {
		expect(readEntryFile('no frontmatter here', 'frontmatter')).toEqual({
			[BODY]: 'no frontmatter here',
		});
		expect(readEntryFile('---\ntitle: [unclosed\n---\nBody', 'frontmatter')).toEqual({
			[BODY]: 'Body',
		});
	});
});
