import { parseEntities } from 'parse-entities';

/**
 * The start tags in a piece of raw HTML with their attributes, names lower-cased and values
 * decoded, read the way a browser's tokenizer reads them: a `/` separates attributes as a space
 * does, values may be unquoted, and character references such as `&#x61;` are decoded.
 */
export function htmlStartTags(html: string): { name: string; attributes: [string, string][] }[] {
	const tags: { name: string; attributes: [string, string][] }[] = [];
	const space = /[\t\n\f\r ]/;
	let at = 0;
	const skip = (pattern: RegExp) => {
		while (at < html.length && pattern.test(html[at]!)) at++;
	};
	const readUntil = (pattern: RegExp) => {
		const from = at;
		while (at < html.length && !pattern.test(html[at]!)) at++;
		return html.slice(from, at);
	};
	while ((at = html.indexOf('<', at)) !== -1) {
		at++;
		if (html.startsWith('!--', at)) {
			// A comment ends as a browser ends it: <!--> and <!---> are whole, and --!> closes too.
			const end = /--!?>/g;
			end.lastIndex = at;
			at = end.exec(html) ? end.lastIndex : html.length;
			continue;
		}
		if (!/[a-z]/i.test(html[at] ?? '')) continue;
		const name = readUntil(/[\t\n\f\r />]/).toLowerCase();
		const attributes: [string, string][] = [];
		for (;;) {
			skip(/[\t\n\f\r /]/);
			if (at >= html.length || html[at] === '>') break;
			// An attribute's name may begin with "=", which a browser keeps as part of the name.
			const attribute = html[at++]! + readUntil(/[\t\n\f\r />=]/);
			skip(space);
			let value = '';
			if (html[at] === '=') {
				at++;
				skip(space);
				const mark = html[at];
				if (mark === '"' || mark === "'") {
					at++;
					value = readUntil(mark === '"' ? /"/ : /'/);
					at++;
				} else value = readUntil(/[\t\n\f\r >]/);
			}
			attributes.push([attribute.toLowerCase(), parseEntities(value, { attribute: true })]);
		}
		tags.push({ name, attributes });
	}
	return tags;
}
