import {
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  ConnectionMode,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addNode, deleteNodes, moveNodes, setNodeLabel } from '../core/commands/nodes.ts';
import { CanvasCaseContext, nodeTypes } from './CanvasNode.tsx';
import { NodeLabelEditor } from './NodeLabelEditor.tsx';
import { BoardProjection, type CanvasNode, type CanvasNodeData } from './projection.ts';
import { LinkProjection, type LinkEdge, type LinkEdgeData } from './links.ts';
import { edgeTypes } from './LinkEdge.tsx';
import { deleteLinks } from '../core/commands/links.ts';
import { useFlowFrame, type PresentFrame } from './boardViews.ts';
import { FrameOverlay } from './FrameOverlay.tsx';
import { LevelOfDetail, levelOfDetailEnabled } from './LevelOfDetail.tsx';
import { flowLabels } from './flowLabels.ts';
import { useStableCallback } from '../ui/useStableCallback.ts';
import { useMeasuredNodes } from './useMeasuredNodes.ts';
import { useDecoratedNodes, type LocalView } from './useDecoratedNodes.ts';
import { canvasLabel, canvasLook, edgeColor, minimapFill, minimapStroke } from './canvasLook.ts';
import { useCanvasDrop } from './useCanvasDrop.ts';
import { MINIMAP, useOpeningView } from './useOpeningView.ts';

const NO_EDGES: Edge[] = [];
const noEdges = (): LinkEdge[] => NO_EDGES as LinkEdge[];
const noSubscribe = () => () => undefined;

export interface BoardCanvasProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  /** A node to select and bring into view (from the register's "used on" links). */
  focusNodeId?: string | null;
  /**
   * Nodes to select (the first) and fit into view, or only to select (`fit: false`); a new object
   * each time it is asked for. No ids clears the selection.
   */
  focus?: { ids: string[]; fit?: boolean } | null;
  /** Draws the board's typed links; an editor draws new ones from a node's dot to another. */
  links?: {
    onConnect(source: string, target: string): void;
    onSelect(id: string | null): void;
    /** Extra edge data (a relationship chart dims what is outside a neighbourhood). */
    decorate?(edge: LinkEdge): Partial<LinkEdgeData> | undefined;
  };
  /** Extra node data, such as a fact's proof status; a node keeps its identity while it is equal. */
  decorate?(node: CanvasNode): Partial<CanvasNodeData> | undefined;
  /** Told the selected node ids whenever they change. */
  onSelection?(ids: string[]): void;
  /** Replaces adding a free node on a double-click of the empty board. */
  onPaneDoubleClick?(position: { x: number; y: number }): void;
  /** Drawn inside the flow (panels that use the viewport). */
  children?: ReactNode;
  /** Drawn above the flow, with access to it (a board's toolbar). */
  header?: ReactNode;
  /** Shown on a slide: read-only, the camera on the frame, builds applied, no chrome. */
  present?: PresentFrame | null;
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

function BoardCanvasInner({
  doc,
  boardId,
  origin,
  readOnly,
  focusNodeId,
  focus,
  links,
  decorate,
  onSelection,
  onPaneDoubleClick: onPaneAdd,
  children,
  header,
  present,
}: BoardCanvasProps) {
  const { t, i18n } = useTranslation('register');
  const flow = useReactFlow();
  const caseId = useContext(CanvasCaseContext);
  const projection = useMemo(() => new BoardProjection(doc, boardId), [doc, boardId]);
  useEffect(() => () => projection.destroy(), [projection]);
  const projected = useSyncExternalStore(projection.subscribe, projection.getSnapshot);

  // Local view state: selection, and positions while a drag is under way.
  const [local, setLocal] = useState<LocalView>({ selected: new Set(), dragging: new Map() });
  const [editing, setEditing] = useState<string | null>(null);
  const [lod] = useState(levelOfDetailEnabled);
  const linkProjection = useMemo(
    () => (links ? new LinkProjection(doc, boardId) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- whether the board has links, not the handlers
    [doc, boardId, !!links],
  );
  useEffect(() => () => linkProjection?.destroy(), [linkProjection]);
  const projectedLinks = useSyncExternalStore(
    linkProjection?.subscribe ?? noSubscribe,
    linkProjection?.getSnapshot ?? noEdges,
  );
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);

  const nodes = useDecoratedNodes(projected, local, decorate);

  const waiting = present && present.waiting.size > 0 ? present : null;
  const built = useMemo(
    () =>
      waiting
        ? nodes.map((node) =>
            waiting.waiting.has(node.id)
              ? waiting.dim
                ? { ...node, className: 'is-build-dim' }
                : { ...node, hidden: true }
              : node,
          )
        : nodes,
    [nodes, waiting],
  );
  const measured = useMeasuredNodes(built);
  const selectionRef = useRef(local.selected);
  selectionRef.current = local.selected;
  useFlowFrame(boardId, () => [...selectionRef.current], present);

  const decorateEdge = links?.decorate;
  const edges = useMemo(
    () =>
      projectedLinks.map((edge) => {
        const extra = decorateEdge?.(edge);
        const selected = edge.id === selectedEdge;
        const held =
          waiting && (waiting.waiting.has(edge.source) || waiting.waiting.has(edge.target));
        if (!extra && !selected && !held) return edge;
        return {
          ...edge,
          selected,
          ...(extra ? { data: { ...edge.data!, ...extra } } : {}),
          ...(held ? (waiting.dim ? { className: 'is-build-dim' } : { hidden: true }) : {}),
        };
      }),
    [projectedLinks, selectedEdge, decorateEdge, waiting],
  );

  const selectedIds = useMemo(() => [...local.selected].join(' '), [local.selected]);
  useEffect(
    () => onSelection?.(selectedIds ? selectedIds.split(' ') : []),
    [selectedIds, onSelection],
  );

  const onSelectEdge = links?.onSelect;
  const selectEdge = useCallback(
    (id: string | null) => {
      setSelectedEdge(id);
      onSelectEdge?.(id);
    },
    [onSelectEdge],
  );
  const onEdgesChange = useStableCallback((changes: EdgeChange<LinkEdge>[]) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0 && !readOnly) {
      deleteLinks(doc, { boardId, ids: removed }, origin);
      selectEdge(null);
    }
    for (const change of changes)
      if (change.type === 'select') {
        if (change.selected) selectEdge(change.id);
        else if (change.id === selectedEdge) selectEdge(null);
      }
  });
  const onConnect = useStableCallback((connection: Connection) => {
    if (!readOnly && connection.source && connection.target)
      links?.onConnect(connection.source, connection.target);
  });

  const onNodesChange = useStableCallback((changes: NodeChange<CanvasNode>[]) => {
    measured.onChanges(changes);
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length > 0 && !readOnly) deleteNodes(doc, { boardId, ids: removed }, origin);
    setLocal((state) => {
      const next = applyNodeChanges(
        changes.filter((c) => c.type === 'select' || c.type === 'position'),
        nodes,
      );
      // In the order of selection: "link the two selected" links the first to the second.
      const now = new Set(next.filter((n) => n.selected).map((n) => n.id));
      const selected = new Set([...state.selected].filter((id) => now.has(id)));
      for (const id of now) selected.add(id);
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
    if (!focus) return;
    setLocal((state) => ({ ...state, selected: new Set(focus.ids.slice(0, 1)) }));
    if (focus.ids.length === 0 || focus.fit === false) return;
    void flow.fitView({
      nodes: focus.ids.map((id) => ({ id })),
      duration: 300,
      padding: 0.3,
      maxZoom: 1.2,
    });
  }, [focus, flow]);

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

  const { onDragOver, onDrop } = useCanvasDrop(
    caseId,
    doc,
    boardId,
    origin,
    readOnly,
    i18n.language,
  );
  const onPaneDoubleClick = (event: React.MouseEvent) => {
    if (readOnly || !(event.target as Element).classList.contains('react-flow__pane')) return;
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    if (onPaneAdd) return onPaneAdd(position);
    setEditing(
      addNode(doc, { boardId, x: position.x, y: position.y, label: t('canvas.newNode') }, origin),
    );
  };

  // The board's width decides whether the minimap has room; the camera opens once nodes are
  // measured, readable and clear of the controls and the minimap.
  const { surface, wide } = useOpeningView(present, focusNodeId);

  const editingNode = editing ? projected.find((n) => n.id === editing) : undefined;

  return (
    <>
      {!present && header}
      <div
        ref={surface}
        className="board-canvas"
        onDragOver={onDragOver}
        onDrop={onDrop}
        onDoubleClick={onPaneDoubleClick}
        data-testid="board-canvas"
      >
        <ReactFlow
          ariaLabelConfig={flowLabels(i18n)}
          nodes={measured.nodes}
          nodeTypes={nodeTypes}
          edges={links ? edges : noEdges()}
          edgeTypes={edgeTypes}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          connectionMode={ConnectionMode.Loose}
          onPaneClick={() => selectEdge(null)}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          nodesDraggable={!readOnly && !present}
          nodesConnectable={!!links && !readOnly && !present}
          elementsSelectable={!present}
          panOnDrag={!present}
          zoomOnScroll={!present}
          zoomOnPinch={!present}
          maxZoom={present ? 8 : 2}
          deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
          zoomOnDoubleClick={false}
          proOptions={{ hideAttribution: true }}
        >
          {!present && <Background gap={24} />}
          {!present && wide && projected.length > 0 && (
            <MiniMap
              pannable
              zoomable
              style={{ width: MINIMAP.width, height: MINIMAP.height }}
              nodeColor={minimapFill}
              nodeStrokeColor={minimapStroke}
              nodeStrokeWidth={3}
            />
          )}
          {!present && <Controls showInteractive={false} />}
          {!present && <FrameOverlay doc={doc} boardId={boardId} />}
          {lod && (
            <LevelOfDetail
              nodes={measured.nodes}
              edges={links ? edges : NO_EDGES}
              look={canvasLook}
              label={canvasLabel}
              edgeColor={edgeColor}
              onNodeClick={onLodClick}
            />
          )}
          {!present && children}
        </ReactFlow>
        {projected.length === 0 && !present && (
          <p className="board-canvas__empty">{t('canvas.empty')}</p>
        )}
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
    </>
  );
}
