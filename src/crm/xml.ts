/**
 * The little XML Salesforce's metadata files need: a writer that escapes every text it is given,
 * and a strict reader for the files `sf project retrieve start` saves. Neither knows DTDs: a
 * `<!DOCTYPE` (where entity tricks live) is refused, not expanded.
 */

/** An element: its name, its attributes, and either child elements or text. */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** The element's text, when it holds text rather than elements ('' when empty). */
	text: string;
}

/** What the writer takes: an element of children, or of one text. */
export type XmlNode = { name: string; attributes?: Record<string, string> } & (
	{ children: XmlNode[] } | { text: string }
);

// XML 1.0 cannot hold these characters at all, not even as references. Content refuses them in
// one-line text already; the writer drops any that come another way rather than write bad XML.
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

/** Text as XML character data: `&`, `<`, `>` and quotes as entity references (`]]>` included). */
export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(
			/[&<>"']/g,
			(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!,
		);
}

function writeNode(node: XmlNode, depth: number): string {
	const indent = '    '.repeat(depth);
	const attributes = Object.entries(node.attributes ?? {})
		.map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
		.join('');
	if ('text' in node)
		return `${indent}<${node.name}${attributes}>${escapeXml(node.text)}</${node.name}>`;
	return [
		`${indent}<${node.name}${attributes}>`,
		...node.children.map((child) => writeNode(child, depth + 1)),
		`${indent}</${node.name}>`,
	].join('\n');
}

/** A whole XML file, indented with four spaces as Salesforce's own files are, ending in a newline. */
export function writeXml(root: XmlNode): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${writeNode(root, 0)}\n`;
}

/** XML the reader refuses: `message` says where and what, in one sentence. */
export class XmlError extends Error {}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

/** Entity and character references in text or an attribute value, decoded. */
function decode(text: string, at: () => string): string {
	return text.replace(/&([^;&\s]{1,10});|&/g, (whole, ref: string | undefined) => {
		const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref ?? ''];
		if (named) return named;
		const code = /^#x([0-9a-f]+)$/i.exec(ref ?? '')?.[1] ?? /^#(\d+)$/.exec(ref ?? '')?.[1];
		const point = code === undefined ? NaN : Number.parseInt(code, ref!.startsWith('#x') ? 16 : 10);
		if (!Number.isNaN(point) && point <= 0x10ffff) return String.fromCodePoint(point);
		throw new XmlError(`${at()} has "${whole}", which is not a character XML knows`);
	});
}

/**
 * Reads an XML document into its root element. Strict: one root, every tag closed in order,
 * attributes quoted, no DTD. Comments, the XML declaration and whitespace between elements are
 * skipped; CDATA sections are read as text.
 */
export function readXml(source: string): XmlElement {
	let pos = 0;
	const line = () => `line ${source.slice(0, pos).split('\n').length}`;
	const fail = (what: string): never => {
		throw new XmlError(`${line()} ${what}`);
	};
	const skipMisc = () => {
		for (;;) {
			const rest = source.slice(pos);
			const space = /^\s+/.exec(rest);
			if (space) pos += space[0].length;
			else if (rest.startsWith('<!--')) {
				const end = source.indexOf('-->', pos + 4);
				if (end < 0) fail('opens a comment that never closes');
				pos = end + 3;
			} else if (rest.startsWith('<?xml')) {
				if (pos > 0 && source.slice(0, pos).trim()) fail('has an XML declaration after the start');
				const end = source.indexOf('?>', pos);
				if (end < 0) fail('opens an XML declaration that never closes');
				pos = end + 2;
			} else if (rest.startsWith('<!DOCTYPE') || rest.startsWith('<!ENTITY'))
				fail('declares a DTD, which a Salesforce metadata file never has');
			else if (rest.startsWith('<?')) fail('holds a processing instruction');
			else return;
		}
	};

	const element = (): XmlElement => {
		if (source[pos] !== '<') fail('has text where an element should start');
		pos += 1;
		const name = NAME.exec(source.slice(pos))?.[0] ?? fail('has a "<" that starts no element');
		pos += name.length;
		const attributes: Record<string, string> = {};
		for (;;) {
			const rest = source.slice(pos);
			const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(rest);
			if (attribute) {
				const [whole, key, double, single] = attribute;
				if (Object.hasOwn(attributes, key!)) fail(`repeats the attribute ${key} of <${name}>`);
				attributes[key!] = decode(double ?? single ?? '', line);
				pos += whole.length;
				continue;
			}
			const close = /^\s*(\/?)>/.exec(rest) ?? fail(`has a malformed tag <${name}>`);
			pos += close[0].length;
			if (close[1]) return { name, attributes, children: [], text: '' };
			break;
		}
		const children: XmlElement[] = [];
		let text = '';
		for (;;) {
			if (pos >= source.length) fail(`ends inside <${name}>`);
			const rest = source.slice(pos);
			if (rest.startsWith('</')) {
				const closing = /^<\/([^\s>]+)\s*>/.exec(rest) ?? fail(`has a malformed closing tag`);
				if (closing[1] !== name) fail(`closes <${closing[1]}> where <${name}> is open`);
				pos += closing[0].length;
				if (children.length && text.trim()) fail(`mixes text and elements in <${name}>`);
				return { name, attributes, children, text: children.length ? '' : text };
			}
			if (rest.startsWith('<![CDATA[')) {
				const end = source.indexOf(']]>', pos);
				if (end < 0) fail('opens a CDATA section that never closes');
				text += source.slice(pos + 9, end);
				pos = end + 3;
			} else if (rest.startsWith('<!--')) {
				skipMisc();
			} else if (rest.startsWith('<!') || rest.startsWith('<?')) {
				fail(`holds markup XML files from Salesforce never have inside <${name}>`);
			} else if (rest.startsWith('<')) {
				children.push(element());
			} else {
				const raw = /^[^<]+/.exec(rest)![0];
				if (raw.includes(']]>')) fail('has "]]>" in text, which XML does not allow');
				text += decode(raw, line);
				pos += raw.length;
			}
		}
	};

	skipMisc();
	if (pos >= source.length) fail('holds no element');
	const root = element();
	skipMisc();
	if (pos < source.length) fail(`has more after the closing </${root.name}>`);
	return root;
}

/** The children of `parent` named `name`. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
	return parent.children.filter((child) => child.name === name);
}

/** The text of the one child named `name`, or undefined when there is none. */
export function childText(parent: XmlElement, name: string): string | undefined {
	return childrenNamed(parent, name)[0]?.text;
}
