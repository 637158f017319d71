import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import type { Playbook } from '../model/playbook.ts';
import { pathOf, sorted } from '../model/views.ts';

export interface RoleStart {
	role: string;
	why: string;
	steps: { title: string; path: string }[];
}

/**
 * Where each role starts reading, built from what this playbook actually holds: the entry lead
 * stage, its SLAs, the tier 1 ICP and so on. A step whose page does not exist is left out.
 */
export function roleStarts(playbook: Playbook): RoleStart[] {
	const first = <C extends CollectionName>(collection: C) => sorted(playbook, collection)[0];
	const entryPath = <C extends CollectionName>(
		collection: C,
		id: string | undefined,
		title: string,
	) =>
		id && playbook.entries[collection].has(id) ? [{ title, path: pathOf(collection, id) }] : [];
	const indexPath = (collection: CollectionName) =>
		playbook.entries[collection].size > 0
			? [{ title: COLLECTIONS[collection].label, path: pathOf(collection) }]
			: [];
	const mql = sorted(playbook, 'lead-stages').find((stage) => stage.data.abbreviation === 'MQL');
	const guide = (id: string) => {
		const entry = playbook.entries.guides.get(id);
		return entry ? [{ title: entry.data.title, path: pathOf('guides', id) }] : [];
	};
	return [
		{
			role: 'SDRs',
			why: 'What makes a lead worth calling, how fast to call, and who is on the other end.',
			steps: [
				...indexPath('lead-stages'),
				...entryPath('lead-stages', mql?.id, mql?.data.title ?? ''),
				...indexPath('slas'),
				...indexPath('personas'),
			],
		},
		{
			role: 'Account executives',
			why: 'Which companies fit, who buys, and what to send at each buyer stage.',
			steps: [
				...entryPath('icp', first('icp')?.id, first('icp')?.data.title ?? ''),
				...indexPath('personas'),
				...indexPath('buyer-stages'),
				...indexPath('library'),
			],
		},
		{
			role: 'Marketers',
			why: 'What sales hears on calls, what counts as qualified, and what marketing commits to.',
			steps: [
				...indexPath('personas'),
				...entryPath('lead-stages', mql?.id, mql?.data.title ?? ''),
				...indexPath('slas'),
				...indexPath('library'),
			],
		},
		{
			role: 'Sales and marketing leaders',
			why: 'How definitions are owned, changed and approved.',
			steps: [...guide('propose-a-change'), ...guide('statuses'), ...indexPath('team')],
		},
	].map((start) => ({ ...start, steps: start.steps.filter((step) => step.title !== '') }));
}
