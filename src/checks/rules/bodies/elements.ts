import type { Nodes } from 'mdast';
import { quote } from '../../problems/problems.ts';
import type { BodyContext, BodyProblemCode } from './context.ts';
import { checkLink, REMOTE_FILE_FIX } from './links.ts';
import { cssUrls, isRemote, isScriptUrl, urlsIn } from './urls.ts';

interface Refusal {
	code: BodyProblemCode;
	why: string;
	fix: string;
}
const RUNS_CODE: Refusal = {
	code: 'ScriptInBody',
	why: "would run or embed code in a reader's browser",
	fix: 'Remove the element; link to the page or asset instead.',
};
// SVG animation can rewrite a link into a script URL after the page has loaded.
const ANIMATES: Refusal = {
	code: 'ScriptInBody',
	why: "can turn a link into script in a reader's browser",
	fix: 'Remove the element; show the diagram as an image with a text alternative.',
};
const actsOnPage = (why: string): Refusal => ({
	code: 'PageMarkupInBody',
	why,
	fix: 'Remove the element; a body is the text of its page, written in Markdown.',
});

/** Elements a body may not hold, by name, with why and what to do instead. */
const REFUSED_ELEMENTS: ReadonlyMap<string, Refusal> = new Map([
	...['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal'].map(
		(name) => [name, RUNS_CODE] as const,
	),
	['animate', ANIMATES],
	['set', ANIMATES],
	['base', actsOnPage('would send every link of the page somewhere else')],
	['meta', actsOnPage('could send readers to another address')],
	['link', actsOnPage('would load files into the page')],
	['style', actsOnPage('would restyle the whole page, not just this text')],
	['form', actsOnPage('would send what readers type to another address')],
]);

/**
 * Attributes that make the browser fetch a file, or (`ping`) call another address, on any
 * element, except `href` on a link to a page.
 */
const FILE_ATTRIBUTES = new Set([
	'src',
	'srcset',
	'poster',
	'data',
	'background',
	'lowsrc',
	'ping',
	'href',
	'xlink:href',
]);
/** Elements whose href is a link a reader follows, not a file the page loads. */
const LINK_ELEMENTS = new Set(['a', 'area']);

/**
 * One rule for an element, whether written as MDX (JSX) or as raw HTML in Markdown: no element
 * that runs code or acts on the whole page, no script in an attribute, no file from another site,
 * and a link that points at a page.
 */
export function checkElement(
	context: BodyContext,
	name: string,
	attributes: [string, string][],
	node: Nodes,
) {
	const { report } = context;
	const element = name.toLowerCase();
	const refused = REFUSED_ELEMENTS.get(element);
	// One line for a refused element: whatever its attributes do goes with it.
	if (refused) {
		report(refused.code, node, `<${name}> ${refused.why}`, refused.fix);
		return;
	}
	for (const [attribute, value] of attributes) {
		const key = attribute.toLowerCase();
		if (key.startsWith('on') || isScriptUrl(value)) {
			report(
				'ScriptInBody',
				node,
				`<${name} ${attribute}=…> would run script in a reader's browser`,
				'Remove the attribute; link with an https:// address or a page of the site.',
			);
			continue;
		}
		const remote = (
			FILE_ATTRIBUTES.has(key) && !(key === 'href' && LINK_ELEMENTS.has(element))
				? urlsIn(key, value)
				: key === 'style'
					? cssUrls(value)
					: []
		).find(isRemote);
		if (remote !== undefined)
			report(
				'RemoteFileInBody',
				node,
				`<${name} ${attribute}=…> loads ${quote(remote)} from another site, which the site's security policy blocks`,
				REMOTE_FILE_FIX,
			);
	}
	const href = attributes.find(([attribute]) => attribute.toLowerCase() === 'href')?.[1];
	if (LINK_ELEMENTS.has(element) && href !== undefined && !isScriptUrl(href))
		checkLink(context, href, node);
}
