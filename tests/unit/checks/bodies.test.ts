import { describe, expect, test } from 'vitest';
import {
	checkBodies,
	htmlStartTags,
	importedComponents,
	internalPath,
	isRemote,
	readHtml,
} from '../../../src/checks/rules/bodies/index.ts';
import { runRules } from '../../../src/checks/index.ts';
import { formatProblem } from '../../../src/checks/problems/reporters.ts';
import { createPlaybook, type Entry } from '../../../src/model/playbook.ts';

const IMPORTS = "import { Aside, FileTree, Steps, TabItem } from '@astrojs/starlight/components';";
const FIX_MARKDOWN = 'Remove it: a body is Markdown.';
const PARSE_FIX = 'In MDX, write a literal < or { as \\< or \\{, and close every tag you open.';
const REMOTE_FIX =
	'Save the file in public/ and point at it from the site root, such as /images/logo.png, or link to it with [text](https://…).';
const MISSING_FIX =
	'Add the file there, or put it in public/ and point at it from the site root, such as /images/chart.png.';

/**
 * The lines `npm run check` prints for one body of the CFO persona, whose body starts on line 5
 * of its file, beside which `personas/chart.png` is kept (`assets: null`: the files beside the
 * entries are not known). The playbook also holds one ICP.
 */
function bodyLines(
	body: string,
	options: { file?: string; path?: string; bodyLine?: number; assets?: string[] | null } = {},
): string[] {
	const {
		file = 'content/personas/cfo.mdx',
		path = 'personas/cfo.mdx',
		bodyLine = 5,
		assets = ['personas/chart.png'],
	} = options;
	const entry = (collection: Entry['collection'], id: string, text: string) =>
		({
			collection,
			id,
			file,
			...(path && { path }),
			...(bodyLine && { bodyLine }),
			data: {},
			body: text,
		}) as Entry;
	const playbook = createPlaybook(
		[entry('personas', 'cfo', body), entry('icp', 'mid-market', '')],
		[],
		assets ?? undefined,
	);
	return runRules([checkBodies], playbook).map(formatProblem);
}

/** The problem part of each line, after the file and field. */
const problems = (body: string, options?: Parameters<typeof bodyLines>[1]) =>
	bodyLines(body, options).map((line) => line.replace(/^\S+ {2}body {2}/, ''));

describe('a body that does not parse', () => {
	test('names the line the parser names, in the file, and the problem without its place', () => {
		expect(problems('Intro.\n\n<div>')).toEqual([
			`line 7: the MDX body does not parse: Expected a closing tag for \`<div>\`. ${PARSE_FIX}`,
		]);
		expect(problems('Intro.\n\n<a title={1 +}>')).toEqual([
			`line 7: the MDX body does not parse: Could not parse expression with acorn. ${PARSE_FIX}`,
		]);
		expect(problems(`${'\n'.repeat(11)}Some text <div>`, { bodyLine: 1 })).toEqual([
			`line 12: the MDX body does not parse: Expected a closing tag for \`<div>\` before the end of \`paragraph\`. ${PARSE_FIX}`,
		]);
		expect(problems('<Steps>\n\n- a\n\n</Foo>', { bodyLine: 1 })).toEqual([
			`line 5: the MDX body does not parse: Unexpected closing tag \`</Foo>\`, expected corresponding closing tag for \`<Steps>\`. ${PARSE_FIX}`,
		]);
	});

	test('a Markdown file is read as Markdown, where < and { are text', () => {
		expect(problems('a < b and {c}', { file: 'content/personas/cfo.md' })).toEqual([]);
	});
});

describe('imports', () => {
	test('Starlight imports across lines, with or without semicolons, open its components', () => {
		expect(
			problems(
				'import { Aside } from \'@astrojs/starlight/components\'\n  import { Steps } from  "@astrojs/starlight/components";  \n\n<Aside>a</Aside>\n\n<Steps>\n1. a\n</Steps>',
			),
		).toEqual([]);
	});

	test('anything else in an import block runs code, even after a Starlight import', () => {
		expect(
			problems("import { Aside } from '@astrojs/starlight/components'; import fs from 'node:fs'"),
		).toEqual([
			`line 5: "import { Aside } from '@astrojs/starlight/components'; im..." runs code when the site is built. ${FIX_MARKDOWN} Only components from @astrojs/starlight/components may be imported.`,
		]);
		expect(
			problems("export const a = 1; import { Aside } from '@astrojs/starlight/components';"),
		).toHaveLength(1);
		expect(
			problems("import { Aside } from '@astrojs/starlight/components';\nexport const a = 1;"),
		).toHaveLength(1);
	});

	test('names that Starlight does not export, and default imports, are named', () => {
		expect(
			problems(
				"import Card, { Nope, Aside } from '@astrojs/starlight/components';\n\n<Aside>a</Aside>",
			),
		).toEqual([
			`line 5: "Nope" is not one of Starlight's components. Import one of Aside, Badge, Card, CardGrid, Code, FileTree, Icon, LinkButton, LinkCard, Steps, TabItem, Tabs, or write the content as Markdown.`,
			`line 5: "Card" is imported as a default, which @astrojs/starlight/components does not have. Name the component in braces, as in import { Card } from '@astrojs/starlight/components'.`,
		]);
	});

	test('renamed and namespaced components resolve; a trailing comma names nothing', () => {
		expect(
			problems(
				"import { TabItem  as  Tab, Aside, } from '@astrojs/starlight/components';\nimport *  as   SL from '@astrojs/starlight/components';\nimport *as S from '@astrojs/starlight/components';\n\n<Tab label=\"a\">x</Tab> <SL.Aside>y</SL.Aside> <S.Aside>z</S.Aside> <myWidget>w</myWidget>",
			),
		).toEqual([]);
	});

	test('a component not imported, or not Starlight’s, is named with the fix that fits it', () => {
		const other =
			"Use one of Starlight's components (Aside, Badge, Card, CardGrid, Code, FileTree, Icon, LinkButton, LinkCard, Steps, TabItem, Tabs), imported from '@astrojs/starlight/components', or write the content as Markdown.";
		expect(
			problems(
				"import * as SL from '@astrojs/starlight/components';\n\n<Aside>a</Aside> <Cards /> <SL.Nope /> <Other.Aside />",
			),
		).toEqual([
			"line 7: <Aside> is not imported, so the page cannot be built. Add import { Aside } from '@astrojs/starlight/components'; below the frontmatter.",
			`line 7: <Cards> is not imported, so the page cannot be built. ${other}`,
			`line 7: <SL.Nope> is not imported, so the page cannot be built. ${other}`,
			`line 7: <Other.Aside> is not imported, so the page cannot be built. ${other}`,
		]);
	});
});

describe('components given what they can render', () => {
	const misfit = (body: string) => problems(`${IMPORTS}\n\n${body}`);

	test('Steps and FileTree hold one list, in Markdown or as a tag, around comments and space', () => {
		expect(
			misfit(
				[
					'<Steps>\n{/* first */}\n1. a\n2. b\n</Steps>',
					'<Steps>\n  <ol><li>a</li></ol>  \n</Steps>',
					'<Steps>\n<ol><li>a</li></ol> {/* second */}\n</Steps>',
					'<FileTree>\n- deck.pdf\n</FileTree>',
					'<FileTree>\n<ul><li>deck.pdf</li></ul>\n</FileTree>',
				].join('\n\n'),
			),
		).toEqual([]);
	});

	test('anything else in Steps or FileTree stops the build, and says how to write it', () => {
		const steps =
			'<Steps> must hold a single numbered list and nothing else, so the page cannot be built. Write the steps as one list, 1. 2. 3., each on its own line, between <Steps> and </Steps>.';
		const tree =
			'<FileTree> must hold a single bulleted list and nothing else, so the page cannot be built. Write the files as one - list between <FileTree> and </FileTree>.';
		expect(
			misfit(
				[
					'<Steps>\n</Steps>',
					'<Steps>\nIntro\n\n1. a\n</Steps>',
					'<Steps>\n- a\n</Steps>',
					'<Steps>\n<ul><li>a</li></ul>\n</Steps>',
					'<Steps>\n<ol><li>a</li></ol> <Aside>b</Aside>\n</Steps>',
					'<Steps>\n<ol><li>a</li></ol> and more\n</Steps>',
					'<Steps>\n{/* only a comment */}\n</Steps>',
					'<FileTree>\n1. a\n</FileTree>',
					'<FileTree>\n<ol><li>a</li></ol>\n</FileTree>',
				].join('\n\n'),
			),
		).toEqual([
			`line 7: ${steps}`,
			`line 10: ${steps}`,
			`line 16: ${steps}`,
			`line 20: ${steps}`,
			`line 24: ${steps}`,
			`line 28: ${steps}`,
			`line 32: ${steps}`,
			`line 36: ${tree}`,
			`line 40: ${tree}`,
		]);
	});

	test('a tab needs a label; an aside only the types Starlight draws', () => {
		expect(
			misfit(
				'<TabItem label="One" type="x">a</TabItem> <TabItem>b</TabItem> <TabItem title="Two">c</TabItem>\n\n<Aside>d</Aside> <Aside type="tip">e</Aside> <Aside type="warning">f</Aside>',
			),
		).toEqual([
			'line 7: <TabItem> has no label, so the page cannot be built. Name the tab: <TabItem label="…">.',
			'line 7: <TabItem> has no label, so the page cannot be built. Name the tab: <TabItem label="…">.',
			'line 9: <Aside> has the type "warning", which Starlight does not have, so the page cannot be built. Use one of note, tip, caution, danger, or leave type out for a note.',
		]);
	});
});

describe('code in a body', () => {
	test('comments pass; any expression, spread or computed attribute runs code', () => {
		expect(
			problems(
				'{/* a */} { /* b */ } {x /* c */} {/* d */ x}\n\n<div {...props} title={name} lang="en">e</div>\n\n<>fragment</> <details open>f</details> { y }',
			),
		).toEqual([
			'line 5: the expression {x /* c */} runs code when the site is built. Write the text itself, or escape the brace as \\{ if you meant a literal {.',
			'line 5: the expression {/* d */ x} runs code when the site is built. Write the text itself, or escape the brace as \\{ if you meant a literal {.',
			'line 7: a spread {...props} in <div> runs code when the site is built. Write each attribute out with a plain value.',
			'line 7: the attribute title={name} runs code when the site is built. Give the attribute a plain quoted value.',
			'line 9: the expression {y} runs code when the site is built. Write the text itself, or escape the brace as \\{ if you meant a literal {.',
		]);
	});
});

describe('elements and attributes, in MDX and in raw HTML', () => {
	test('a link element may point anywhere; any other element may not load from another site', () => {
		expect(
			problems(
				'<a href="https://example.com/">a</a> <area href="https://example.com/" /> <use href="https://evil.example/i.svg#a" /> <img src="/images/x.png" srcSet="/a.png 1x,https://evil.example/b.png   2x" /> <a href="/personas/nobody/">b</a>\n\n<a name="top" title="url(https://example.com/x.png)">c</a> <a href="/find/" ping=" /log  https://tracker.example/p">d</a> <img src="https://evil.example/a,b.png" alt="" />',
			),
		).toEqual([
			`line 5: <use href=…> loads "https://evil.example/i.svg#a" from another site, which the site's security policy blocks. ${REMOTE_FIX}`,
			`line 5: <img srcSet=…> loads "https://evil.example/b.png" from another site, which the site's security policy blocks. ${REMOTE_FIX}`,
			'line 5: links to /personas/nobody/, which is not a page of this playbook. Link to a page that exists, such as /personas/, or add the entry it should point at.',
			`line 7: <a ping=…> loads "https://tracker.example/p" from another site, which the site's security policy blocks. ${REMOTE_FIX}`,
			`line 7: <img src=…> loads "https://evil.example/a,b.png" from another site, which the site's security policy blocks. ${REMOTE_FIX}`,
		]);
	});

	test('styles load nothing from another site, however url() is written', () => {
		const styles = [
			'background: url(https://evil.example/a.png)',
			'background: url( "https://evil.example/b.png" )',
			"background: URL('//evil.example/c.png')",
			'background: url(/images/local.png)',
		];
		expect(
			problems(
				styles.map((style) => `<div style='${style.replace(/'/g, '&#39;')}'>x</div>`).join('\n\n'),
				{ file: 'content/personas/cfo.md' },
			).map((line) => /loads ("[^"]+")/.exec(line)?.[1]),
		).toEqual([
			'"https://evil.example/a.png"',
			'"https://evil.example/b.png"',
			'"//evil.example/c.png"',
		]);
	});

	test('an event handler or a script URL runs script, once per attribute; a refused element is one line', () => {
		expect(
			problems(
				'<img src="javascript:alert(1)" onLoad="x()" alt="" /> <a href="vbscript:x">a</a>\n\n<iframe src="https://evil.example/" onload="x()"></iframe>',
			),
		).toEqual([
			"line 5: <img src=…> would run script in a reader's browser. Remove the attribute; link with an https:// address or a page of the site.",
			"line 5: <img onLoad=…> would run script in a reader's browser. Remove the attribute; link with an https:// address or a page of the site.",
			"line 5: <a href=…> would run script in a reader's browser. Remove the attribute; link with an https:// address or a page of the site.",
			"line 7: <iframe> would run or embed code in a reader's browser. Remove the element; link to the page or asset instead.",
		]);
	});

	test('raw HTML comments end where a browser ends them', () => {
		const md = (body: string) => problems(body, { file: 'content/personas/cfo.md' });
		expect(md('<!-- <script>a()</script> -->\n\nText.')).toEqual([]);
		expect(md('<!-- never closed <script>a()</script>')).toEqual([]);
		for (const comment of ['<!---->', '<!-->', '<!--->', '<!-- x --!>'])
			expect(md(`${comment}<script>a()</script>`), comment).toEqual([
				"line 5: <script> would run or embed code in a reader's browser. Remove the element; link to the page or asset instead.",
			]);
	});
});

describe('images', () => {
	test('script, remote, missing and present images, inline and by reference', () => {
		expect(
			problems(
				'![a](javascript:alert(1)) ![b](https://cdn.example/b.png) ![c][c] ![d](./chart.png) ![e](chart.png) ![f](./gone.png)\n\n![g](/personas/public.png) ![g2](< /personas/public.png>) ![h](foo:/personas/x.png) ![h2](\\\\\\\\[x) ![i]() ![j][nowhere] ![k](./%zz.png)\n\n[c]: //cdn.example/c.png',
			),
		).toEqual([
			`line 5: the image "javascript:alert(1)" would run script in a reader's browser. Point at an image file in public/, such as /images/logo.png.`,
			`line 5: the image "https://cdn.example/b.png" loads from another site, which the site's security policy blocks. ${REMOTE_FIX}`,
			`line 5: the image "//cdn.example/c.png" loads from another site, which the site's security policy blocks. ${REMOTE_FIX}`,
			`line 5: the image "./gone.png" points at personas/gone.png, which is not in the content folder. ${MISSING_FIX}`,
			`line 7: the image "./%zz.png" points at personas/%zz.png, which is not in the content folder. ${MISSING_FIX}`,
		]);
	});

	test('where the files beside the entries are not known, images beside them are not judged', () => {
		expect(problems('![a](./gone.png)', { path: '' })).toEqual([]);
		expect(problems('![a](./gone.png)', { assets: null })).toEqual([]);
	});
});

describe('links', () => {
	test('every way of pointing inside the site is resolved; the rest leave it', () => {
		expect(
			problems(
				[
					'[a](#top) [b](mailto:x@example.com) [c](//other.example/x) [d](https://example.com/)',
					'[e](/personas/cfo) [f](../cfo/) [g](../../icp/mid-market/#fit) [h](/find) [i](/playbook.json) [j](/files/deck.pdf) [j2](/files/page.html.pdf) [k](/personas/)',
					'[l](/nowhere) [m](/personas/nobody/) [n](/extra/personas/cfo/) [o](/files/deck.pdf-old) [p](/files/page.htm) [q](/personas/%zz/) [r]',
					'[r]: javascript:alert(1)',
				].join('\n\n'),
			),
		).toEqual([
			'line 9: links to /nowhere, which is not a page of this playbook. Link to a page that exists, such as /, or add the entry it should point at.',
			'line 9: links to /personas/nobody/, which is not a page of this playbook. Link to a page that exists, such as /personas/, or add the entry it should point at.',
			'line 9: links to /extra/personas/cfo/, which is not a page of this playbook. Link to a page that exists, such as /, or add the entry it should point at.',
			'line 9: links to /files/deck.pdf-old, which is not a page of this playbook. Link to a page that exists, such as /, or add the entry it should point at.',
			'line 9: links to /files/page.htm, which is not a page of this playbook. Link to a page that exists, such as /, or add the entry it should point at.',
			'line 9: links to /personas/%zz/, which is not a page of this playbook. Link to a page that exists, such as /personas/, or add the entry it should point at.',
			`line 11: the link "javascript:alert(1)" would run script in a reader's browser. Link with an https:// address or a page of the site.`,
		]);
	});

	test('the path a link points at, from the page of its entry', () => {
		const cfo = { collection: 'personas', id: 'cfo' } as const;
		expect(internalPath('../../icp/mid-market/?x=1#fit', cfo)).toBe('/icp/mid-market/');
		expect(internalPath('#top', cfo)).toBe('/personas/cfo/');
		expect(internalPath('/a%20b/', cfo)).toBe('/a b/');
		expect(internalPath('/a%zz/', cfo)).toBe('/a%zz/');
		for (const away of [
			'https://example.com/',
			'//example.com/',
			'mailto:a@example.com',
			'http://[',
		])
			expect(internalPath(away, cfo), away).toBeUndefined();
	});
});

describe('reading raw HTML as a browser does', () => {
	test('attributes without values, values with ampersands, and a tag cut off at the end', () => {
		expect(htmlStartTags('<b>x</b> <')).toEqual([{ name: 'b', attributes: [] }]);
		expect(
			htmlStartTags('<input disabled checked><a href="?a=1&copy=2&amp;b">x</a><p hidden'),
		).toEqual([
			{
				name: 'input',
				attributes: [
					['disabled', ''],
					['checked', ''],
				],
			},
			{ name: 'a', attributes: [['href', '?a=1&copy=2&b']] },
		]);
		// A browser makes no element of a tag the text ends inside; the checker says so instead.
		expect(readHtml(['<a href="/">x</a><p hidden']).unclosed).toEqual([{ name: 'p', piece: 0 }]);
	});

	test('pieces of one body are read as one page: an SVG opened in one holds the next', () => {
		const { tags } = readHtml([
			'<svg>',
			'<image href="/a.png"/>',
			'</svg>',
			'<image src="/b.png">',
		]);
		// Outside SVG, the HTML standard turns <image> into <img>.
		expect(tags.map((tag) => [tag.name, tag.piece])).toEqual([
			['svg', 0],
			['image', 1],
			['img', 3],
		]);
	});

	test('a tag left open at the end of a piece is named with the piece it was written in', () => {
		const { tags, unclosed } = readHtml(['<p>a</p><img alt="x', 'more text', '<b>']);
		expect(unclosed).toEqual([{ name: 'img', piece: 0 }]);
		// The open value runs on to the end, so the <b> after it is text, as a browser reads it.
		expect(tags.map((tag) => tag.name)).toEqual(['p']);
		expect(readHtml(['<i title="a', '">', '<b>']).tags.map((t) => [t.name, t.piece])).toEqual([
			['i', 0],
			['b', 2],
		]);
		expect(readHtml(['<i title="a', '">', '<b>']).unclosed).toEqual([{ name: 'i', piece: 0 }]);
	});

	test('raw-text elements hold text, and noscript and template content is read', () => {
		expect(htmlStartTags('<textarea><script>x</script></textarea>').map((t) => t.name)).toEqual([
			'textarea',
		]);
		expect(htmlStartTags('<noscript><img src=x></noscript>').map((t) => t.name)).toEqual([
			'noscript',
			'img',
		]);
		expect(htmlStartTags('<template><iframe></iframe></template>').map((t) => t.name)).toEqual([
			'template',
			'iframe',
		]);
	});

	test('an import that is not one from Starlight opens no component', () => {
		expect(importedComponents('const x = 1;')).toEqual({
			components: new Map(),
			namespaces: new Set(),
			unknown: [],
			defaults: [],
		});
	});

	test('a URL that does not parse names no host', () => {
		expect(isRemote('https://[x')).toBe(false);
		expect(isRemote('ws://a.example/')).toBe(true);
		expect(isRemote('ht\ttps://a.example/')).toBe(true);
	});
});
