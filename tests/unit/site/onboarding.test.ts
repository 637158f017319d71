import { describe, expect, test } from 'vitest';
import { coverage } from '../../../src/model/coverage.ts';
import { glossaryLines } from '../../../src/site/glossary.ts';
import { layoutLifecycle, transitions } from '../../../src/site/lifecycle.ts';
import { meetingAgenda, startOfPreviousMonth } from '../../../src/site/meeting.ts';
import { formatTarget } from '../../../src/site/metrics.ts';
import { readContent } from '../../../src/checks/read/read-content.ts';
import {
	progressSummary,
	readProgress,
	writeProgress,
} from '../../../src/browser/track-progress-store.ts';
import { formatMinutes, trackSteps } from '../../../src/site/tracks.ts';
import { check, MINIMAL, playbookWith } from '../../support/helpers.ts';

const { playbook } = readContent(MINIMAL);

describe('the glossary', () => {
	test('lists its terms and the lead stages’ abbreviations, A to Z', () => {
		expect(
			glossaryLines(playbook).map((line) => [line.term, line.abbreviation, line.path]),
		).toEqual([
			['Lead score', undefined, '/glossary/lead-score/'],
			['Marketing Qualified Lead', 'MQL', '/lead-stages/mql/'],
		]);
	});
});

describe('onboarding tracks', () => {
	test('steps resolve to their pages, with the total time', () => {
		const { steps, minutes } = trackSteps(playbook, playbook.entries.tracks.get('sdr')!);
		expect(steps.map((step) => [step.title, step.kind, step.path, step.minutes])).toEqual([
			['Start here', 'Guide', '/guides/start-here/', 5],
			['Marketing Qualified Lead (MQL)', 'Lead stage', '/lead-stages/mql/', 10],
			['MQL follow-up', 'SLA', '/slas/mql-follow-up/', 5],
		]);
		expect(minutes).toBe(20);
		expect([formatMinutes(20), formatMinutes(60), formatMinutes(95)]).toEqual([
			'20 min',
			'1 h',
			'1 h 35 min',
		]);
	});
	test('progress survives in storage and shrugs off garbage', () => {
		const store = new Map<string, string>();
		const storage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v),
		};
		writeProgress(storage, 'sdr', ['lead-stages/mql']);
		expect([...readProgress(storage, 'sdr')]).toEqual(['lead-stages/mql']);
		store.set('playbook:track:sdr', '{not json');
		expect(readProgress(storage, 'sdr').size).toBe(0);
		writeProgress(
			{
				setItem: () => {
					throw new Error('QuotaExceededError');
				},
			},
			'sdr',
			['x'],
		);
		expect(progressSummary(1, 3)).toBe('1 of 3 steps done.');
		expect(progressSummary(3, 3)).toBe('All 3 steps done.');
	});
});

describe('the lead lifecycle diagram', () => {
	test('every next is a transition; an SLA sits on its stage’s way forward', () => {
		expect(
			transitions(playbook).map(
				(t) =>
					`${t.from.id}→${t.to.id}${t.slas.length ? ` [${t.slas.map((s) => s.id).join(',')}]` : ''}`,
			),
		).toEqual(['new→mql', 'new→disqualified', 'mql→won [mql-follow-up]', 'mql→disqualified']);
	});
	test('is laid out at build time with a box per stage and a line per transition', async () => {
		const diagram = await layoutLifecycle(playbook);
		expect(diagram.nodes.map((n) => n.label).sort()).toEqual([
			'Disqualified',
			'MQL',
			'New lead',
			'Won',
		]);
		expect(diagram.edges).toHaveLength(4);
		expect(
			diagram.edges.every((edge) => /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/.test(edge.path)),
		).toBe(true);
		expect(diagram.edges.find((e) => e.from === 'mql' && e.to === 'won')?.label?.lines).toEqual([
			'MQL follow-up',
		]);
	});
});

describe('the coverage matrix', () => {
	test('cells list the items for each persona and stage; an item for every persona fills every row', () => {
		const matrix = coverage(readContent(`${playbookWith('coverage-gap')}/content`).playbook);
		const cells = matrix.rows.map((row) =>
			row.map((cell) => cell.items.map((i) => i.id).join(',') || 'No content'),
		);
		expect(matrix.personas.map((p) => p.id)).toEqual(['cfo', 'controller']);
		expect(matrix.stages.map((s) => s.id)).toEqual(['awareness', 'decision']);
		expect(cells).toEqual([
			['benchmark', 'No content'],
			['benchmark', 'roi-case'],
		]);
		expect(matrix.gaps.map((g) => `${g.persona.id}@${g.stage.id}`)).toEqual(['cfo@decision']);
	});
	test('the example minimal playbook has no gaps, so no notes', () => {
		expect(check(playbookWith()).problems).toEqual([]);
	});
});

describe('the monthly meeting', () => {
	test('looks back to the start of last month, and lists metrics, SLAs and reviews due', () => {
		expect(startOfPreviousMonth('2026-11-24')).toBe('2026-10-01');
		expect(startOfPreviousMonth('2026-01-05')).toBe('2025-12-01');
		const agenda = meetingAgenda(playbook, { available: false, reason: 'test' }, '2027-03-20');
		expect(agenda.metrics.map((m) => m.id)).toEqual(['mql-to-won']);
		expect(agenda.slas.map((s) => s.id)).toEqual(['mql-follow-up']);
		expect(agenda.due).toHaveLength(14);
		expect(formatTarget(agenda.metrics[0]!.data)).toBe('at least 5 percent per quarter');
		expect(formatTarget({ target: 45, unit: 'days', better: 'lower', period: 'per quarter' })).toBe(
			'at most 45 days per quarter',
		);
	});
});
