import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { driftOf } from '../../../src/crm/drift.ts';
import { salesforceFiles } from '../../../src/crm/export.ts';
import { wantedPicklists } from '../../../src/crm/picklist.ts';
import {
	leadStatusXml,
	readSalesforceMetadata,
	reasonFieldXml,
} from '../../../src/crm/salesforce.ts';
import { escapeXml, readXml, XmlError } from '../../../src/crm/xml.ts';
import { examplePlaybook, ROOT } from './crm-fixtures.ts';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'crm');
const playbook = examplePlaybook();

describe('the Salesforce export', () => {
	test.each(salesforceFiles(playbook).map((file) => [file.path, file.text] as const))(
		'%s matches its golden file',
		(path, text) => {
			expect(text).toBe(readFileSync(join(GOLDEN, path), 'utf8'));
		},
	);

	test('every XML file is well formed, and the value sets read back with no difference', () => {
		const [status, reasons] = wantedPicklists(playbook, 'salesforce');
		for (const file of salesforceFiles(playbook).filter((f) => f.path.endsWith('.xml')))
			expect(() => readXml(file.text)).not.toThrow();
		expect(driftOf(status!, readSalesforceMetadata(leadStatusXml(status!), 'LeadStatus'))).toEqual(
			[],
		);
		expect(
			driftOf(reasons!, readSalesforceMetadata(reasonFieldXml(reasons!), reasons!.name)),
		).toEqual([]);
	});
});

describe('XML text from the playbook', () => {
	const HOSTILE = [
		'</label><converted>true</converted><label>',
		'Tom & Jerry <b>',
		'ends the CDATA ]]> here',
		`"double" and 'single' quotes`,
		'bell\u0007 and escape\u001b[31m and NUL\u0000',
		'&amp; already escaped',
		'emoji 🎯 and ü',
	];

	test.each(HOSTILE)('%j is written as text and read back as the same words', (label) => {
		const [status] = wantedPicklists(playbook, 'salesforce');
		const picklist = { ...status!, options: [{ ...status!.options[0]!, label, value: label }] };
		const xml = leadStatusXml(picklist);
		const read = readSalesforceMetadata(xml, 'LeadStatus');
		// Control characters cannot be written in XML 1.0 at all: they are dropped, not smuggled.
		// eslint-disable-next-line no-control-regex -- control characters are what is removed
		const visible = label.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
		expect(read.options).toHaveLength(1);
		expect(read.options[0]).toMatchObject({ label: visible, value: visible, converted: false });
		expect(xml).not.toMatch(/<b>|]]>|<\/label><converted>true/);
	});

	test('escapeXml escapes every mark that could end text or open markup', () => {
		expect(escapeXml(`<a href="x">&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
		);
	});

	test.each([
		['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', 'declares a DTD'],
		['<a><b></a></b>', 'closes <a> where <b> is open'],
		['<a></a><b></b>', 'has more after the closing </a>'],
		['<a>&bogus;</a>', 'which is not a character XML knows'],
		['<a>', 'ends inside <a>'],
		['not xml at all', 'has text where an element should start'],
		['{"options": []}', 'has text where an element should start'],
	])('the reader refuses %j', (xml, said) => {
		expect(() => readXml(xml)).toThrow(XmlError);
		expect(() => readXml(xml)).toThrow(said);
	});

	test('a file that is XML but not a value set says what it found', () => {
		expect(() =>
			readSalesforceMetadata('<Package><version>63.0</version></Package>', 'LeadStatus'),
		).toThrow('its root element is <Package>, not <StandardValueSet> or <CustomField>');
	});
});
