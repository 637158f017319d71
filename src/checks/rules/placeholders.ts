import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { entriesOf, type Playbook } from '../../model/playbook.ts';
import { isPlaceholderBody, isPlaceholderSummary } from '../../model/placeholders.ts';
import { type Problem, problem } from '../problems/problems.ts';

/**
 * A summary or body still holding the stand-in `npm run new` wrote: the entry was created and
 * never written. A warning, so a draft can be committed; an error with `--strict`.
 */
export function checkPlaceholders(playbook: Playbook, strict: boolean): Problem[] {
	const problems: Problem[] = [];
	const raise = (file: string, field: string, message: string, fix: string) => {
		const found = problem('PlaceholderText', file, field, message, fix);
		problems.push(strict ? { ...found, severity: 'error' } : found);
	};
	for (const collection of COLLECTION_NAMES) {
		for (const entry of entriesOf(playbook, collection)) {
			const { summary } = entry.data as { summary?: string };
			if (summary && isPlaceholderSummary(summary))
				raise(
					entry.file,
					'summary',
					`is still "${summary.trim()}", the text npm run new wrote`,
					'Write the one sentence a reader should see in search results and on the index.',
				);
			if (isPlaceholderBody(entry.body))
				raise(
					entry.file,
					'body',
					'is still the sentence npm run new wrote',
					'Write the page: what it means for both teams, with examples.',
				);
		}
	}
	return problems;
}
