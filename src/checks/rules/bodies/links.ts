import type { Nodes } from 'mdast';
import { quote } from '../../problems/problems.ts';
import type { BodyContext } from './context.ts';
import { isAsset, pageExists, suggestPage } from './site-pages.ts';
import { internalPath, isRemote, isScriptUrl, missingBesideEntry } from './urls.ts';

export const REMOTE_FILE_FIX =
	'Save the file in public/ and point at it from the site root, such as /images/logo.png, or link to it with [text](https://…).';

/** A link inside the site points at a page the playbook builds. */
export function checkLink({ playbook, entry, report }: BodyContext, url: string, node: Nodes) {
	const path = internalPath(url, entry);
	if (path === undefined || isAsset(path) || pageExists(playbook, path)) return;
	report(
		'BrokenLink',
		node,
		`links to ${url}, which is not a page of this playbook`,
		`Link to a page that exists, such as ${suggestPage(path)}, or add the entry it should point at.`,
	);
}

/** An image runs no script, loads from no other site, and, beside the entry, exists. */
export function checkImage({ playbook, entry, report }: BodyContext, url: string, node: Nodes) {
	if (isScriptUrl(url))
		report(
			'ScriptInBody',
			node,
			`the image ${quote(url)} would run script in a reader's browser`,
			'Point at an image file in public/, such as /images/logo.png.',
		);
	else if (isRemote(url))
		report(
			'RemoteFileInBody',
			node,
			`the image ${quote(url)} loads from another site, which the site's security policy blocks`,
			REMOTE_FILE_FIX,
		);
	else {
		const missing = missingBesideEntry(url, entry, playbook);
		if (missing)
			report(
				'MissingImage',
				node,
				`the image ${quote(url)} points at ${missing}, which is not in the content folder`,
				'Add the file there, or put it in public/ and point at it from the site root, such as /images/chart.png.',
			);
	}
}
