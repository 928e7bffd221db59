/**
 * A workflow as a graph: one node per step, one edge per action and per automatic branch,
 * laid out top to bottom by dagre (decision 0012). Positions are computed, never stored in the
 * definition. Pure, so the canvas only draws what this returns.
 */
import dagre from '@dagrejs/dagre';
import type { Role, Step, Workflow } from '../../../../engine/kinds/workflow.js';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 92;

export interface StepNodeData extends Record<string, unknown> {
  name: string;
  step: Step;
  isStart: boolean;
  /** Roles that may act in this step (the union of its actions' roles). */
  roles: Role[];
  /** Codes of the engine's problems about this step (dead-end, unreachable …). */
  flags: string[];
}

export type FlowEdgeData = Record<string, unknown> &
  ({ kind: 'action'; step: string; action: string; title: Step['title'] } | { kind: 'branch'; step: string; index: number; hasRule: boolean });

export interface GraphNode {
  id: string;
  data: StepNodeData;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  data: FlowEdgeData;
}

export const actionEdgeId = (step: string, action: string) => `action:${step}:${action}`;
export const branchEdgeId = (step: string, index: number) => `next:${step}:${index}`;

/** Nodes and edges of a workflow; `flags` maps a step name to the codes of its problems. */
export function flowGraph(workflow: Workflow, flags: ReadonlyMap<string, string[]> = new Map()): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const steps = workflow.steps ?? {};
  for (const [name, step] of Object.entries(steps)) {
    const actions = Object.entries(step.actions ?? {});
    const roles = [...new Set(actions.flatMap(([, a]) => a.roles ?? []))];
    nodes.push({ id: name, data: { name, step, isStart: workflow.start === name, roles, flags: flags.get(name) ?? [] } });
    for (const [action, a] of actions) {
      if (Object.hasOwn(steps, a.to)) edges.push({ id: actionEdgeId(name, action), source: name, target: a.to, data: { kind: 'action', step: name, action, title: a.title } });
    }
    (step.next ?? []).forEach((branch, index) => {
      if (Object.hasOwn(steps, branch.to)) edges.push({ id: branchEdgeId(name, index), source: name, target: branch.to, data: { kind: 'branch', step: name, index, hasRule: branch.when !== undefined } });
    });
  }
  return { nodes, edges };
}

/** What the layout depends on: the step names, the start and who leads to whom. */
export function structureKey(workflow: Workflow): string {
  const steps = workflow.steps ?? {};
  const links = Object.entries(steps).map(([name, s]) => `${name}>${[...Object.values(s.actions ?? {}).map((a) => a.to), ...(s.next ?? []).map((b) => b.to)].join(',')}`);
  return `${workflow.start}|${links.join('|')}`;
}

/**
 * Top-left positions of the nodes, ranked from the start step downwards. Edges back to an
 * earlier step (supplement → check) are reversed by dagre to keep ranks acyclic.
 */
export function layoutGraph(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, start?: string): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 48, edgesep: 16, marginx: 16, marginy: 16, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  // The start step first, so dagre's ordering keeps it at the top-left of its rank.
  const ordered = [...graph.nodes].sort((a, b) => Number(b.id === start) - Number(a.id === start));
  for (const node of ordered) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) if (edge.source !== edge.target) g.setEdge(edge.source, edge.target, { minlen: 1, weight: edge.data.kind === 'branch' ? 2 : 1 }, edge.id);
  dagre.layout(g);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of graph.nodes) {
    const laid = g.node(node.id) as { x: number; y: number } | undefined;
    positions[node.id] = laid ? { x: laid.x - NODE_WIDTH / 2, y: laid.y - NODE_HEIGHT / 2 } : { x: 0, y: 0 };
  }
  return positions;
}
