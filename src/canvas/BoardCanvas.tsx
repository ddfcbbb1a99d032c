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
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  ConnectionMode,
  useReactFlow,
  useStore,
  useStoreApi,
  getViewportForBounds,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type Rect,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addNode, deleteNodes, moveNodes, setNodeLabel } from '../core/commands/nodes.ts';
import { CanvasCaseContext, nodeTypes } from './CanvasNode.tsx';
import { NodeLabelEditor } from './NodeLabelEditor.tsx';
import { BoardProjection, type CanvasNode, type CanvasNodeData } from './projection.ts';
import { LinkProjection, type LinkEdge, type LinkEdgeData } from './links.ts';
import { EdgeLabelLayer, edgeTypes } from './LinkEdge.tsx';
import { BoardLinks } from './BoardLinks.tsx';
import { BoardContents } from './boardContents.ts';
import { nodeBox, useDrawnBoard } from './useDrawnBoard.ts';
import { useViewWindow } from './viewWindow.ts';
import { deleteLinks } from '../core/commands/links.ts';
import { useFlowFrame, type PresentFrame } from './boardViews.ts';
import { FrameOverlay } from './FrameOverlay.tsx';
import { LOD_THRESHOLD, LevelOfDetail, levelOfDetailEnabled } from './LevelOfDetail.tsx';
import { flowLabels } from './flowLabels.ts';
import { useStableCallback } from '../ui/useStableCallback.ts';
import { useMeasuredNodes } from './useMeasuredNodes.ts';
import { useDecoratedNodes, type LocalView } from './useDecoratedNodes.ts';
import { canvasLabel, canvasLook, edgeColor, minimapFill, minimapStroke } from './canvasLook.ts';
import { useCanvasDrop } from './useCanvasDrop.ts';
import { MINIMAP, useOpeningView } from './useOpeningView.ts';

const NO_EDGES: Edge[] = [];
const labelLayer = (s: { domNode: HTMLDivElement | null }) =>
  s.domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null;

/** React Flow's "fit view" picture, for the button that fits a big board from its own nodes. */
function FitViewIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

/** The bounds of nodes in board coordinates (measured sizes where known, else a guess). */
function boundsOf(nodes: readonly Node[]): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const node of nodes) {
    if (node.hidden) continue;
    const b = nodeBox(node);
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
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
  const store = useStoreApi();
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

  // A big board gives React Flow only what is near the view (`useDrawnBoard.ts`).
  const viewWindow = useViewWindow(LOD_THRESHOLD);
  const selectedLink = selectedEdge ? projectedLinks.find((e) => e.id === selectedEdge) : undefined;
  const keep = useMemo(() => {
    const ids = new Set<string>([...local.selected, ...local.dragging.keys()]);
    if (editing) ids.add(editing);
    if (focusNodeId) ids.add(focusNodeId);
    if (selectedLink) ids.add(selectedLink.source).add(selectedLink.target);
    return ids;
  }, [local, editing, focusNodeId, selectedLink]);
  const drawn = useDrawnBoard({
    nodes: measured.nodes,
    edges: links ? edges : (NO_EDGES as LinkEdge[]),
    window: lod ? viewWindow : 'all',
    keep,
  });
  const edgeLabels = useStore(labelLayer);
  const boundsRef = useRef(() => boundsOf(measured.nodes));
  boundsRef.current = () => boundsOf(measured.nodes);

  /** Fits the view to some nodes, or the whole board; every node counts, drawn or not. */
  const fitBoard = useCallback(
    (ids?: readonly string[], options: { padding?: number; maxZoom?: number } = {}) => {
      const { width, height, minZoom, maxZoom } = store.getState();
      const wanted = ids ? new Set(ids) : null;
      const all = nodesRef.current;
      const bounds = boundsOf(wanted ? all.filter((n) => wanted.has(n.id)) : all);
      if (!bounds || width === 0) return;
      void flow.setViewport(
        getViewportForBounds(
          bounds,
          width,
          height,
          minZoom,
          Math.min(maxZoom, options.maxZoom ?? maxZoom),
          options.padding ?? 0.1,
        ),
        { duration: 300 },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store and flow are stable
    [flow],
  );
  const windowedRef = useRef(drawn.windowed);
  windowedRef.current = drawn.windowed;
  const nodesRef = useRef(measured.nodes);
  nodesRef.current = measured.nodes;
  const edgesRef = useRef<Edge[]>(edges);
  edgesRef.current = links ? edges : NO_EDGES;
  const contents = useMemo(
    () => ({
      nodes: () => nodesRef.current,
      edges: () => edgesRef.current,
      fit: (padding?: number) =>
        windowedRef.current
          ? fitBoard(undefined, padding === undefined ? {} : { padding })
          : void flow.fitView({ duration: 300, ...(padding === undefined ? {} : { padding }) }),
    }),
    [fitBoard, flow],
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
    if (!drawn.windowed) {
      void flow.fitView({
        nodes: focus.ids.map((id) => ({ id })),
        duration: 300,
        padding: 0.3,
        maxZoom: 1.2,
      });
      return;
    }
    // A big board's React Flow has only the nodes near the view: fitted from the board's own.
    fitBoard(focus.ids, { padding: 0.3, maxZoom: 1.2 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new focus only
  }, [focus, flow, fitBoard]);

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
  const { surface, wide } = useOpeningView(
    present,
    focusNodeId,
    drawn.windowed
      ? {
          bounds: () => boundsRef.current() ?? { x: 0, y: 0, width: 0, height: 0 },
          ready: viewWindow !== null && drawn.flowNodes.length === 0,
        }
      : null,
  );

  const editingNode = editing ? projected.find((n) => n.id === editing) : undefined;

  return (
    <BoardContents.Provider value={contents}>
      {!present && header}
      <div
        ref={surface}
        className="board-canvas"
        onDragOver={onDragOver}
        onDrop={onDrop}
        onDoubleClick={onPaneDoubleClick}
        data-testid="board-canvas"
      >
        <EdgeLabelLayer.Provider value={edgeLabels}>
          <ReactFlow
            ariaLabelConfig={flowLabels(i18n)}
            nodes={drawn.flowNodes}
            nodeTypes={nodeTypes}
            edges={links ? drawn.flowEdges : noEdges()}
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
            // Far enough out to see a big chart whole (drawn simplified below LOD_THRESHOLD).
            minZoom={0.05}
            deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
            zoomOnDoubleClick={false}
            proOptions={{ hideAttribution: true }}
          >
            {!present && <Background gap={24} />}
            {!present && wide && projected.length > 0 && !drawn.windowed && (
              <MiniMap
                pannable
                zoomable
                style={{ width: MINIMAP.width, height: MINIMAP.height }}
                nodeColor={minimapFill}
                nodeStrokeColor={minimapStroke}
                nodeStrokeWidth={3}
              />
            )}
            {!present && (
              <Controls showInteractive={false} showFitView={!drawn.windowed}>
                {drawn.windowed && (
                  <ControlButton
                    className="react-flow__controls-fitview"
                    onClick={() => fitBoard()}
                    title={flowLabels(i18n)['controls.fitView.ariaLabel'] as string}
                    aria-label={flowLabels(i18n)['controls.fitView.ariaLabel'] as string}
                  >
                    <FitViewIcon />
                  </ControlButton>
                )}
              </Controls>
            )}
            {!present && <FrameOverlay doc={doc} boardId={boardId} />}
            {lod && (
              <LevelOfDetail
                nodes={drawn.sized}
                edges={links ? edges : NO_EDGES}
                look={canvasLook}
                label={canvasLabel}
                edgeColor={edgeColor}
                onNodeClick={onLodClick}
                cull={!drawn.windowed}
              />
            )}
            {links && drawn.windowed && (
              <BoardLinks
                lines={drawn.lines}
                area={viewWindow && !viewWindow.simplified ? viewWindow.area : null}
                onSelect={selectEdge}
              />
            )}
            {!present && children}
          </ReactFlow>
        </EdgeLabelLayer.Provider>
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
    </BoardContents.Provider>
  );
}
