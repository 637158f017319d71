import { z } from 'zod';
import type { CrmPicklist, WantedPicklist } from './picklist.ts';
import {
	childrenNamed,
	childText,
	readXml,
	writeXml,
	XmlError,
	type XmlElement,
	type XmlNode,
} from './xml.ts';

/**
 * Salesforce in its own formats: the DX source files `sf project deploy start` deploys (the
 * LeadStatus standard value set, the rejection reasons' Lead picklist field, a package.xml), the
 * same files read back as `sf project retrieve start` saves them, and the UI API's picklist values.
 */

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** The Metadata API version the package.xml names. */
export const SALESFORCE_API_VERSION = '63.0';

/** Where the files go in a DX project, from its root. */
export const SALESFORCE_PATHS = {
	leadStatus: 'force-app/main/default/standardValueSets/LeadStatus.standardValueSet-meta.xml',
	field: (name: string) => `force-app/main/default/objects/Lead/fields/${name}.field-meta.xml`,
	packageXml: 'package.xml',
	project: 'sfdx-project.json',
};

const bool = (value: boolean) => String(value);

/** `LeadStatus.standardValueSet-meta.xml`: one standardValue per mapped stage, in lifecycle order. */
export function leadStatusXml(picklist: WantedPicklist): string {
	return writeXml({
		name: 'StandardValueSet',
		attributes: { xmlns: METADATA_NS },
		children: [
			{ name: 'sorted', text: 'false' },
			// Elements in the order Salesforce retrieves them, so a retrieve gives the same file.
			...picklist.options.map((option): XmlNode => ({
				name: 'standardValue',
				children: [
					{ name: 'fullName', text: option.value },
					{ name: 'default', text: bool(option.isDefault ?? false) },
					{ name: 'label', text: option.label },
					{ name: 'converted', text: bool(option.converted ?? false) },
				],
			})),
		],
	});
}

/** The rejection reasons' Lead picklist field (`<Name>.field-meta.xml`), restricted to its values. */
export function reasonFieldXml(picklist: WantedPicklist): string {
	return writeXml({
		name: 'CustomField',
		attributes: { xmlns: METADATA_NS },
		children: [
			{ name: 'fullName', text: picklist.name },
			{ name: 'externalId', text: 'false' },
			{ name: 'label', text: picklist.label },
			{ name: 'required', text: 'false' },
			{ name: 'type', text: 'Picklist' },
			{
				name: 'valueSet',
				children: [
					{ name: 'restricted', text: 'true' },
					{
						name: 'valueSetDefinition',
						children: [
							{ name: 'sorted', text: 'false' },
							...picklist.options.map((option): XmlNode => ({
								name: 'value',
								children: [
									{ name: 'fullName', text: option.value },
									{ name: 'default', text: 'false' },
									{ name: 'label', text: option.label },
								],
							})),
						],
					},
				],
			},
		],
	});
}

/** `package.xml`: the value set, and the reasons' field when there is one. */
export function packageXml(reasonField: string | undefined): string {
	const types: XmlNode[] = [
		...(reasonField
			? [
					{
						name: 'types',
						children: [
							{ name: 'members', text: `Lead.${reasonField}` },
							{ name: 'name', text: 'CustomField' },
						],
					},
				]
			: []),
		{
			name: 'types',
			children: [
				{ name: 'members', text: 'LeadStatus' },
				{ name: 'name', text: 'StandardValueSet' },
			],
		},
	];
	return writeXml({
		name: 'Package',
		attributes: { xmlns: METADATA_NS },
		children: [...types, { name: 'version', text: SALESFORCE_API_VERSION }],
	});
}

/** The smallest `sfdx-project.json` that makes the export folder a project `sf` deploys from. */
export function sfdxProjectJson(): string {
	return `${JSON.stringify(
		{
			packageDirectories: [{ path: 'force-app', default: true }],
			namespace: '',
			sourceApiVersion: SALESFORCE_API_VERSION,
		},
		null,
		'\t',
	)}\n`;
}

/** A metadata file that is XML but not the file expected: says what was found instead. */
export class MetadataShapeError extends Error {}

const flag = (element: XmlElement, name: string, fallback: boolean) => {
	const text = childText(element, name)?.trim();
	if (text === undefined || text === '') return fallback;
	if (text !== 'true' && text !== 'false')
		throw new MetadataShapeError(`<${name}> is "${text}", where true or false belongs`);
	return text === 'true';
};

function values(parent: XmlElement, name: string) {
	return childrenNamed(parent, name).map((value, index) => {
		const fullName = childText(value, 'fullName')?.trim();
		if (!fullName) throw new MetadataShapeError(`a <${name}> has no <fullName>`);
		return {
			value: fullName,
			label: childText(value, 'label')?.trim() ?? fullName,
			order: index,
			hidden: !flag(value, 'isActive', true),
			converted: flag(value, 'converted', false),
			isDefault: flag(value, 'default', false),
		};
	});
}

/**
 * A retrieved metadata file (`LeadStatus.standardValueSet-meta.xml` or a picklist field's
 * `.field-meta.xml`) as a picklist named `name`. Throws `XmlError` for text that is not XML and
 * `MetadataShapeError` for XML that is neither file.
 */
export function readSalesforceMetadata(xml: string, name: string): CrmPicklist {
	const root = readXml(xml);
	if (root.name === 'StandardValueSet') return { name, options: values(root, 'standardValue') };
	if (root.name === 'CustomField') {
		const definition = childrenNamed(root, 'valueSet')
			.flatMap((set) => childrenNamed(set, 'valueSetDefinition'))
			.at(0);
		if (!definition)
			throw new MetadataShapeError(
				'the field has no <valueSet><valueSetDefinition>, so it is not a picklist of its own',
			);
		return {
			name: childText(root, 'fullName')?.trim() || name,
			options: values(definition, 'value').map((option) => ({ ...option, converted: undefined })),
		};
	}
	throw new MetadataShapeError(
		`its root element is <${root.name}>, not <StandardValueSet> or <CustomField>`,
	);
}

export { XmlError };

/** The UI API's picklist values (`…/ui-api/object-info/Lead/picklist-values/{recordType}/{field}`). */
export const PicklistValuesSchema = z.object({
	defaultValue: z.object({ value: z.string() }).nullable().optional(),
	values: z.array(
		z.object({
			label: z.string(),
			value: z.string(),
			attributes: z.object({ converted: z.boolean().optional() }).nullable().optional(),
		}),
	),
});

/**
 * UI API picklist values as a picklist. The UI API lists active values only, so nothing read
 * this way is hidden; `converted` comes from Lead Status's attributes.
 */
export function picklistFromUiApi(
	name: string,
	answer: z.output<typeof PicklistValuesSchema>,
): CrmPicklist {
	return {
		name,
		options: answer.values.map((value, index) => ({
			value: value.value,
			label: value.label,
			order: index,
			hidden: false,
			converted: value.attributes?.converted ?? false,
			isDefault: answer.defaultValue?.value === value.value,
		})),
	};
}
