/**
 * The flow as a graph on an @xyflow/react canvas: steps as nodes, actions (solid, titled) and
 * automatic transitions (dashed) as edges. Dragging from a step's bottom handle to another step
 * adds an action; clicking selects. Positions come from the layout; a dragged node keeps its
 * place for the session only.
 */
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  Panel,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../../../../engine/kinds/workflow';
import { textOf, type Text } from '../../api/definitions';
import { actionEdgeId, branchEdgeId, flowGraph, layoutGraph, structureKey, type FlowEdgeData } from './flow-graph';
import { StepNode, type StepFlowNode } from './StepNode';

export type FlowSelection =
  | { kind: 'step'; step: string }
  | { kind: 'action'; step: string; action: string }
  | { kind: 'branch'; step: string; index: number }
  | undefined;

const nodeTypes = { step: StepNode };

function selectedEdgeId(selection: FlowSelection): string | undefined {
  if (selection?.kind === 'action') return actionEdgeId(selection.step, selection.action);
  if (selection?.kind === 'branch') return branchEdgeId(selection.step, selection.index);
  return undefined;
}

export function FlowCanvas({
  workflow,
  flags,
  selection,
  onSelect,
  onConnect,
}: {
  workflow: Workflow;
  flags: ReadonlyMap<string, string[]>;
  selection: FlowSelection;
  onSelect: (selection: FlowSelection) => void;
  onConnect: (from: string, to: string) => void;
}) {
  const { t, i18n } = useTranslation('flows');
  const graph = useMemo(() => flowGraph(workflow, flags), [workflow, flags]);
  const structure = structureKey(workflow);
  // Laid out again only when steps or links change, not on every title edit.
  const layout = useMemo(() => layoutGraph(graph, workflow.start), [structure]);
  const [dragged, setDragged] = useState<Record<string, { x: number; y: number }>>({});
  const [nodes, setNodes] = useState<StepFlowNode[]>([]);
  const [instance, setInstance] = useState<ReactFlowInstance<StepFlowNode, Edge<FlowEdgeData>> | undefined>(undefined);
  // A step added or linked can land outside the view: fit the whole flow again once it is drawn.
  useEffect(() => {
    const frame = requestAnimationFrame(() => void instance?.fitView({ padding: 0.08 }));
    return () => cancelAnimationFrame(frame);
  }, [instance, structure]);
  const selectedStep = selection?.kind === 'step' ? selection.step : undefined;

  useEffect(() => {
    setNodes((current) =>
      graph.nodes.map((n) => {
        const measured = current.find((c) => c.id === n.id)?.measured;
        return { id: n.id, type: 'step', data: n.data, position: dragged[n.id] ?? layout[n.id] ?? { x: 0, y: 0 }, selected: n.id === selectedStep, ...(measured ? { measured } : {}) };
      }),
    );
  }, [graph, layout, dragged, selectedStep]);

  const edgeId = selectedEdgeId(selection);
  const edges: Array<Edge<FlowEdgeData>> = graph.edges.map((e) => {
    const isAction = e.data.kind === 'action';
    const label = e.data.kind === 'action' ? textOf(e.data.title as Text, i18n.language) : e.data.hasRule ? `${t('branches')} · ${t('when')}` : t('branches');
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      data: e.data,
      label,
      selected: e.id === edgeId,
      type: e.source === e.target ? 'default' : 'smoothstep',
      markerEnd: { type: MarkerType.ArrowClosed },
      style: isAction ? { strokeWidth: e.id === edgeId ? 2.5 : 1.5 } : { strokeDasharray: '6 4', strokeWidth: e.id === edgeId ? 2.5 : 1.5 },
      labelStyle: { fontSize: 11 },
      labelBgStyle: { fill: isAction ? '#fff' : '#f0f5ff' },
    };
  });

  const onNodesChange = (changes: Array<NodeChange<StepFlowNode>>) => {
    setNodes((current) => applyNodeChanges(changes, current));
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging === false) {
        const { id, position } = change;
        setDragged((d) => ({ ...d, [id]: position }));
      }
      if (change.type === 'select' && change.selected) onSelect({ kind: 'step', step: change.id });
    }
  };
  const onEdgesChange = (changes: Array<EdgeChange<Edge<FlowEdgeData>>>) => {
    for (const change of changes) {
      if (change.type !== 'select' || !change.selected) continue;
      const data = graph.edges.find((e) => e.id === change.id)?.data;
      if (data?.kind === 'action') onSelect({ kind: 'action', step: data.step, action: data.action });
      if (data?.kind === 'branch') onSelect({ kind: 'branch', step: data.step, index: data.index });
    }
  };

  return (
    <div style={{ height: 660, border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="flow-canvas">
      <ReactFlow<StepFlowNode, Edge<FlowEdgeData>>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(c: Connection) => c.source && c.target && onConnect(c.source, c.target)}
        onPaneClick={() => onSelect(undefined)}
        deleteKeyCode={null}
        onInit={setInstance}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.2}
      >
        <Panel position="top-right" style={{ fontSize: 12, color: '#8c8c8c', maxWidth: 360, background: 'rgba(255,255,255,0.85)', padding: '2px 6px' }}>
          {t('connectHint')}
        </Panel>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
