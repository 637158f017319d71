import { describe, expect, test } from 'vitest';
import {
	type FinderOptions,
	pagefindFilters,
	personaCount,
	queryFromState,
	resultSummary,
	stateFromQuery,
} from '../../../src/browser/finder-state.ts';
import { finderOptions } from '../../../src/site/finder-options.ts';
import { indexSearchFacets, searchFacets } from '../../../src/site/search-facets.ts';
import { readContent } from '../../../src/checks/read/read-content.ts';
import { MINIMAL } from '../../support/helpers.ts';

const { playbook } = readContent(MINIMAL);
const options: FinderOptions = finderOptions(playbook);

describe('the finder state', () => {
	test('options come from the playbook: every stage and persona, the formats in use', () => {
		expect(options.stage).toEqual([
			{ value: 'awareness', label: 'Awareness' },
			{ value: 'decision', label: 'Decision' },
		]);
		expect(options.persona.map((p) => p.value)).toEqual(['cfo', 'controller']);
		expect(options.format.map((f) => f.value)).toEqual(['case-study', 'whitepaper']);
	});

	test('reads the URL, dropping values that name nothing', () => {
		const state = stateFromQuery(
			'?stage=decision&stage=nope&persona=controller,cfo&q=%20roi%20',
			options,
		);
		expect(state).toEqual({
			query: 'roi',
			selected: { stage: ['decision'], persona: ['controller', 'cfo'], format: [], use: [] },
		});
	});

	test('writes the URL in a stable order, and round-trips', () => {
		const state = stateFromQuery('?persona=controller&stage=decision', options);
		expect(queryFromState(state)).toBe('?stage=decision&persona=controller');
		expect(stateFromQuery(queryFromState(state), options)).toEqual(state);
		expect(queryFromState(stateFromQuery('', options))).toBe('');
	});

	test('OR within a filter, AND across filters, always library items, by label', () => {
		const state = stateFromQuery('?stage=awareness&stage=decision&persona=cfo', options);
		expect(pagefindFilters(state, options)).toEqual({
			kind: 'Library item',
			stage: { any: ['Awareness', 'Decision'] },
			// Items for every persona carry one shared value, so choosing a persona includes it.
			persona: { any: ['CFO', 'Every persona'] },
		});
		expect(pagefindFilters(state, options, 'stage')).toEqual({
			kind: 'Library item',
			persona: { any: ['CFO', 'Every persona'] },
		});
		expect(personaCount({ CFO: 2, 'Every persona': 3 }, 'CFO')).toBe(5);
		expect(personaCount({}, 'CFO')).toBe(0);
	});

	test('the result line says whether filters are on', () => {
		const none = stateFromQuery('', options);
		expect(resultSummary(2, none)).toBe(
			'2 items in the library. Choose a stage or persona to narrow it down.',
		);
		expect(resultSummary(1, stateFromQuery('?stage=decision', options))).toBe(
			'1 item matches your filters.',
		);
	});
});

describe('what each page tells Pagefind', () => {
	test('a library item with no personas carries one value for every persona', () => {
		const facets = searchFacets(playbook, playbook.entries.library.get('benchmark')!);
		expect(facets.filters).toEqual({
			kind: ['Library item'],
			stage: ['Awareness'],
			persona: ['Every persona'],
			format: ['Whitepaper'],
			use: ['Sales and marketing'],
		});
		expect(facets.meta).toMatchObject({
			summary: 'How long finance teams take to close.',
			personas: 'Every persona',
			'talk track': 'Ask where they sit against the median.',
		});
	});

	test('a lead stage is found by its abbreviation; ICP and SLA entries by theirs', () => {
		expect(searchFacets(playbook, playbook.entries['lead-stages'].get('mql')!).meta.keywords).toBe(
			'MQL',
		);
		expect(searchFacets(playbook, playbook.entries.icp.get('tier-one')!).meta.keywords).toBe('ICP');
		expect(searchFacets(playbook, playbook.entries.slas.get('mql-follow-up')!).meta.keywords).toBe(
			'SLA',
		);
		expect(indexSearchFacets('slas')).toMatchObject({
			meta: { collection: 'SLA', keywords: 'SLA, service levels, service level agreements' },
			keywords: ['SLA', 'service levels', 'service level agreements'],
		});
		expect(indexSearchFacets('personas').meta).toEqual({ keywords: 'buyers, buyer personas' });
		expect(searchFacets(playbook, playbook.entries.team.get('rae-ops')!)).toEqual({
			filters: { kind: ['Person'] },
			meta: {},
			keywords: [],
		});
	});
});
