import { type DefaultTreeAdapterTypes, ErrorCodes, parseFragment } from 'parse5';

/** A start tag as the browser made it into an element: names lower-cased, values decoded. */
export interface HtmlTag {
	name: string;
	attributes: [string, string][];
	/** Which of the pieces of HTML the tag was written in. */
	piece: number;
}

/** What a body's raw HTML holds, read by a spec-compliant HTML parser. */
export interface ReadHtml {
	/** The elements it makes, in document order. */
	tags: HtmlTag[];
	/**
	 * Tags a piece ends inside of, before their `>`: on the page, the text after them would be
	 * read as their attributes.
	 */
	unclosed: { name: string; piece: number }[];
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

/**
 * Reads a body's pieces of raw HTML, in order, as one document, as a reader's browser reads the
 * page they end up in (parse5, the HTML standard's parser): so `<svg>` in one piece makes the
 * `<image>` of the next an SVG image, and a `<textarea>` holds what follows it as text. Foreign
 * content (`<svg>`, `<math>`), raw-text elements, character references and malformed markup are
 * read as the standard says. Scripting is taken as off, so what a `<noscript>` holds, which a
 * reader without JavaScript gets, is read too; so is what a `<template>` holds.
 */
export function readHtml(pieces: readonly string[]): ReadHtml {
	// Markdown text stands between the pieces on the page; a line break stands in for it.
	const starts: number[] = [];
	let html = '';
	for (const piece of pieces) {
		starts.push(html.length);
		html += `${piece}\n`;
	}
	const pieceAt = (offset: number) => starts.findLastIndex((start) => start <= offset);
	const { fragment, ends } = parse(html);
	const tags: HtmlTag[] = [];
	const unclosed: ReadHtml['unclosed'] = [];
	const walk = (node: Node) => {
		if ('tagName' in node && node.sourceCodeLocation?.startTag) {
			const { startOffset, endOffset } = node.sourceCodeLocation.startTag;
			const [piece, end] = [pieceAt(startOffset), pieceAt(endOffset - 1)];
			const name = node.tagName.toLowerCase();
			tags.push({
				name,
				attributes: node.attrs.map(({ prefix, name, value }) => [
					(prefix ? `${prefix}:${name}` : name).toLowerCase(),
					value,
				]),
				piece,
			});
			if (end !== piece) unclosed.push({ name, piece });
		}
		if ('childNodes' in node) for (const child of node.childNodes) walk(child);
		if ('content' in node) walk(node.content);
	};
	walk(fragment);
	if (ends === 'in-tag') {
		const at = openTagAtEnd(html);
		unclosed.push({ name: at.name, piece: pieceAt(at.offset) });
	}
	return { tags, unclosed };
}

/** The start tags in one piece of raw HTML, as `readHtml` reads them. */
export function htmlStartTags(html: string): { name: string; attributes: [string, string][] }[] {
	return readHtml([html]).tags.map(({ name, attributes }) => ({ name, attributes }));
}

/** The parsed fragment, and whether the text ends inside a tag or a comment. */
function parse(html: string) {
	let ends: 'in-tag' | 'in-comment' | undefined;
	const fragment = parseFragment(html, {
		scriptingEnabled: false,
		sourceCodeLocationInfo: true,
		onParseError: ({ code }) => {
			if (code === ErrorCodes.eofInTag) ends = 'in-tag';
			else if (code === ErrorCodes.eofInComment) ends = 'in-comment';
		},
	});
	return { fragment, ends };
}

/**
 * The tag the text ends inside of, which the parser drops: the last `<name` that stands where a
 * tag may begin, that is, where the text before it ends inside no tag and no comment.
 */
function openTagAtEnd(html: string): { name: string; offset: number } {
	const candidates = [...html.matchAll(/<([a-z][^\t\n\f\r />]*)/gi)].reverse();
	const start = candidates.find((match) => parse(html.slice(0, match.index)).ends === undefined);
	return { name: start?.[1]?.toLowerCase() ?? 'tag', offset: start?.index ?? 0 };
}
