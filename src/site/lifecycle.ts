import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { leadGraph } from '../model/lead-graph.ts';
import type { Entry, Playbook } from '../model/playbook.ts';
import { slasForLeadStage } from '../model/views.ts';

/** One transition of the lead lifecycle, with the SLAs that govern it. */
export interface Transition {
	from: Entry<'lead-stages'>;
	to: Entry<'lead-stages'>;
	slas: Entry<'slas'>[];
}

/**
 * Every `next` transition, in lifecycle order. An SLA on a stage governs the way forward out of
 * it: the transition to its next stage with the lowest order above its own (MQL → SAL), which
 * is where the promised work happens.
 */
export function transitions(playbook: Playbook): Transition[] {
	const { stages } = leadGraph(playbook);
	const byId = playbook.entries['lead-stages'];
	return stages.flatMap((from) => {
		const targets = from.data.next.map((id) => byId.get(id)).filter((to) => to !== undefined);
		const forward = targets
			.filter((to) => to.data.order > from.data.order)
			.sort((a, b) => a.data.order - b.data.order)[0];
		return targets.map((to) => ({
			from,
			to,
			slas: to === forward ? slasForLeadStage(playbook, from.id) : [],
		}));
	});
}

export interface DiagramNode {
	id: string;
	label: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DiagramEdge {
	from: string;
	to: string;
	/** SVG path data for the routed line. */
	path: string;
	/** Where to write the SLA titles, one per line, if any. */
	label?: { lines: string[]; x: number; y: number };
}

export interface Diagram {
	width: number;
	height: number;
	nodes: DiagramNode[];
	edges: DiagramEdge[];
}

const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7.6;

/** The short name a stage box shows: its abbreviation, or its title. */
export function stageLabel(stage: Entry<'lead-stages'>): string {
	return stage.data.abbreviation ?? stage.data.title;
}

/** Lays the lifecycle out top to bottom with ELK's layered algorithm, at build time. */
export async function layoutLifecycle(playbook: Playbook): Promise<Diagram> {
	const { stages } = leadGraph(playbook);
	const edges = transitions(playbook);
	const slaText = (t: Transition) => t.slas.map((sla) => sla.data.title).join('\n');
	const input: ElkNode = {
		id: 'lifecycle',
		layoutOptions: {
			'elk.algorithm': 'layered',
			'elk.direction': 'DOWN',
			'elk.edgeRouting': 'ORTHOGONAL',
			'elk.layered.spacing.nodeNodeBetweenLayers': '56',
			'elk.spacing.nodeNode': '28',
			'elk.spacing.edgeLabel': '4',
			'elk.edgeLabels.inline': 'false',
			'elk.padding': '[top=12,left=12,bottom=12,right=12]',
		},
		children: stages.map((stage) => ({
			id: stage.id,
			width: Math.max(72, stageLabel(stage).length * CHAR_WIDTH + 28),
			height: NODE_HEIGHT,
		})),
		edges: edges.map((t, i) => ({
			id: `e${i}`,
			sources: [t.from.id],
			targets: [t.to.id],
			labels: t.slas.length
				? [
						{
							id: `l${i}`,
							text: slaText(t),
							width: Math.max(...t.slas.map((sla) => sla.data.title.length)) * 6.4 + 8,
							height: 15 * t.slas.length,
						},
					]
				: [],
		})),
	};
	const graph: ElkNode = await new ELK().layout(input);
	return {
		width: Math.ceil(graph.width ?? 0),
		height: Math.ceil(graph.height ?? 0),
		nodes: (graph.children ?? []).map((node) => ({
			id: node.id,
			label: stageLabel(playbook.entries['lead-stages'].get(node.id)!),
			x: node.x ?? 0,
			y: node.y ?? 0,
			width: node.width ?? 0,
			height: node.height ?? 0,
		})),
		edges: (graph.edges ?? []).map((edge, i) => {
			const section = edge.sections?.[0];
			const points = section
				? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]
				: [];
			const label = edge.labels?.[0];
			return {
				from: edges[i]!.from.id,
				to: edges[i]!.to.id,
				path: points
					.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
					.join(' '),
				...(label
					? {
							label: {
								lines: (label.text ?? '').split('\n'),
								x: label.x ?? 0,
								y: (label.y ?? 0) + 11,
							},
						}
					: {}),
			};
		}),
	};
}
