import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type DragEvent,
} from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addNode, deleteNodes, moveNodes, setNodeLabel } from '../core/commands/nodes.ts';
import { ENTITY_DRAG_TYPE } from '../register/RegisterPanel.tsx';
import { CanvasCaseContext, nodeTypes } from './CanvasNode.tsx';
import { NodeLabelEditor } from './NodeLabelEditor.tsx';
import { BoardProjection, type CanvasNode } from './projection.ts';
import { LevelOfDetail, levelOfDetailEnabled, type LodLook } from './LevelOfDetail.tsx';
import { useStableCallback } from '../ui/useStableCallback.ts';

const NO_EDGES: Edge[] = [];
const KIND_FILL: Record<string, string> = {
  person: '#dbeafe',
  evidence: '#fef3c7',
  event: '#ede9fe',
  fact: '#dcfce7',
  place: '#fce7f3',
};
function canvasLook(node: Node): LodLook {
  const data = node.data as CanvasNode['data'];
  return {
    fill: (data.entityKind && KIND_FILL[data.entityKind]) || '#ffffff',
    stroke: data.brokenLink ? '#b91c1c' : '#94a3b8',
    ...(node.selected ? { ring: '#1d4ed8' } : {}),
  };
}
function canvasLabel(node: Node): string {
  return String((node.data as CanvasNode['data']).label ?? '');
}

export interface BoardCanvasProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  /** A node to select and bring into view (from the register's "used on" links). */
  focusNodeId?: string | null;
}

/**
 * The React Flow surface every board shares until its kind brings its own: nodes from the document,
 * entities dropped from the register become linked nodes, drags are recorded once at the end.
 */
export function BoardCanvas(props: BoardCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasCaseContext.Provider value={props.caseId}>
        <BoardCanvasInner {...props} />
      </CanvasCaseContext.Provider>
    </ReactFlowProvider>
  );
}

function BoardCanvasInner({ doc, boardId, origin, readOnly, focusNodeId }: BoardCanvasProps) {
  const { t } = useTranslation('register');
  const flow = useReactFlow();
  const projection = useMemo(() => new BoardProjection(doc, boardId), [doc, boardId]);
  useEffect(() => () => projection.destroy(), [projection]);
  const projected = useSyncExternalStore(projection.subscribe, projection.getSnapshot);

  // Local view state: selection, and positions while a drag is under way.
  const [local, setLocal] = useState<{
    selected: Set<string>;
    dragging: Map<string, { x: number; y: number }>;
  }>({ selected: new Set(), dragging: new Map() });
  const [editing, setEditing] = useState<string | null>(null);
  const [lod] = useState(levelOfDetailEnabled);

  const nodes = useMemo(
    () =>
      projected.map((node) => {
        const drag = local.dragging.get(node.id);
        const selected = local.selected.has(node.id);
        if (!drag && !selected) return node;
        return { ...node, selected, ...(drag ? { position: drag } : {}) };
      }),
    [projected, local],
  );

  const onNodesChange = useStableCallback((changes: NodeChange<CanvasNode>[]) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0 && !readOnly) deleteNodes(doc, { boardId, ids: removed }, origin);
    setLocal((state) => {
      const next = applyNodeChanges(
        changes.filter((c) => c.type === 'select' || c.type === 'position'),
        nodes,
      );
      const selected = new Set(next.filter((n) => n.selected).map((n) => n.id));
      const dragging = new Map(state.dragging);
      for (const change of changes) {
        if (change.type !== 'position' || !change.position) continue;
        if (change.dragging) dragging.set(change.id, change.position);
      }
      return { selected, dragging };
    });
  });

  const onNodeDragStop = useCallback(() => {
    setLocal((state) => {
      // One command for the whole drag: one undo step, one stored update.
      if (state.dragging.size > 0 && !readOnly) {
        moveNodes(
          doc,
          { boardId, moves: [...state.dragging].map(([id, p]) => ({ id, x: p.x, y: p.y })) },
          origin,
        );
      }
      return { ...state, dragging: new Map() };
    });
  }, [doc, boardId, origin, readOnly]);

  useEffect(() => {
    if (!focusNodeId) return;
    const node = projected.find((n) => n.id === focusNodeId);
    if (!node) return;
    setLocal((state) => ({ ...state, selected: new Set([focusNodeId]) }));
    void flow.setCenter(node.position.x + 80, node.position.y + 20, { zoom: 1.2, duration: 300 });
  }, [focusNodeId, projected, flow]);

  const onNodeDoubleClick = useCallback(
    (_: unknown, node: CanvasNode) => {
      if (!readOnly && !node.data.entity) setEditing(node.id);
    },
    [readOnly],
  );
  const onLodClick = useCallback((event: MouseEvent, node: Node) => {
    setLocal((state) => {
      const selected = new Set(event.shiftKey ? state.selected : []);
      selected.add(node.id);
      return { ...state, selected };
    });
  }, []);

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(ENTITY_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'link';
  };
  const onDrop = (event: DragEvent) => {
    const entity = event.dataTransfer.getData(ENTITY_DRAG_TYPE);
    if (readOnly || !entity) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNode(doc, { boardId, x: position.x, y: position.y, entity }, origin);
  };
  const onPaneDoubleClick = (event: React.MouseEvent) => {
    if (readOnly || !(event.target as Element).classList.contains('react-flow__pane')) return;
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    setEditing(
      addNode(doc, { boardId, x: position.x, y: position.y, label: t('canvas.newNode') }, origin),
    );
  };

  const editingNode = editing ? projected.find((n) => n.id === editing) : undefined;

  return (
    <div
      className="board-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDoubleClick={onPaneDoubleClick}
      data-testid="board-canvas"
    >
      <ReactFlow
        nodes={nodes}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeDoubleClick={onNodeDoubleClick}
        nodesDraggable={!readOnly}
        nodesConnectable={false}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        zoomOnDoubleClick={false}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
        {lod && (
          <LevelOfDetail
            nodes={nodes}
            edges={NO_EDGES}
            look={canvasLook}
            label={canvasLabel}
            onNodeClick={onLodClick}
          />
        )}
      </ReactFlow>
      {projected.length === 0 && <p className="board-canvas__empty">{t('canvas.empty')}</p>}
      {editingNode && (
        <NodeLabelEditor
          initial={editingNode.data.label}
          label={t('canvas.editLabel')}
          onCommit={(label) => {
            setNodeLabel(doc, { boardId, id: editingNode.id, label }, origin);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}
