import { FORMATS, labelOf, USES } from '../schemas/vocabulary.ts';
import type { FinderOptions } from '../browser/finder-state.ts';
import type { Playbook } from '../model/playbook.ts';
import { recommended } from '../model/recommend.ts';
import { sorted } from '../model/views.ts';

/**
 * The choices the finder offers: every buyer stage and persona, and the formats and uses the
 * library actually recommends. Values are ids (for the URL); labels are what Pagefind indexes.
 */
export function finderOptions(playbook: Playbook): FinderOptions {
	const items = recommended(sorted(playbook, 'library'));
	const present = (values: readonly string[], key: 'format' | 'use') =>
		values.filter((value) => items.some((item) => item.data[key] === value));
	return {
		stage: sorted(playbook, 'buyer-stages').map((s) => ({ value: s.id, label: s.data.title })),
		persona: sorted(playbook, 'personas').map((p) => ({ value: p.id, label: p.data.title })),
		format: present(FORMATS, 'format').map((value) => ({ value, label: labelOf(value) })),
		use: present(USES, 'use').map((value) => ({ value, label: labelOf(value) })),
	};
}
