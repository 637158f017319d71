import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { entriesOf } from '../../model/playbook.ts';
import { isPlaceholderBody, isPlaceholderSummary } from '../../model/placeholders.ts';
import type { RuleContext } from './rule.ts';

/**
 * A summary or body still holding the stand-in `npm run new` wrote: the entry was created and
 * never written. A warning, so a draft can be committed; an error with `--strict`.
 */
export function checkPlaceholders({ playbook, reportIn }: RuleContext): void {
	for (const collection of COLLECTION_NAMES) {
		for (const entry of entriesOf(playbook, collection)) {
			const report = reportIn(entry.file);
			const summary = 'summary' in entry.data ? entry.data.summary : undefined;
			if (summary && isPlaceholderSummary(summary))
				report(
					'PlaceholderText',
					'summary',
					`is still "${summary.trim()}", the text npm run new wrote`,
					'Write the one sentence a reader should see in search results and on the index.',
				);
			if (isPlaceholderBody(entry.body))
				report(
					'PlaceholderText',
					'body',
					'is still the sentence npm run new wrote',
					'Write the page: what it means for both teams, with examples.',
				);
		}
	}
}
