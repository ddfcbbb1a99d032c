import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CommandError } from '../../core/commands/boards.ts';
import {
  addRelationship,
  addSummary,
  addTopic,
  childrenOf,
  deleteTopics,
  descendantsOf,
  insertOutline,
  moveTopic,
  setRelationship,
  setRelationshipControl,
  setSummary,
  setTopic,
  subtreeOutline,
} from '../../core/commands/mindmap.ts';
import { formatOutline, parseOutline } from '../../core/outline.ts';
import { handleMindMapKey, type MindMapContext } from './keys.ts';
import { MindMapToolbar } from './MindMapToolbar.tsx';
import { OutlineView } from './OutlineView.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { TopicEditor } from './TopicEditor.tsx';
import { TopicTextContext, topicTypes } from './TopicNode.tsx';
import { useStableCallback } from '../../ui/useStableCallback.ts';
import { edgeTypes, RelationshipControlContext } from './RelationshipEdge.tsx';
import { CanvasCaseContext } from '../../canvas/CanvasNode.tsx';
import { LevelOfDetail, levelOfDetailEnabled, type LodLook } from '../../canvas/LevelOfDetail.tsx';
import { flowLabels } from '../../canvas/flowLabels.ts';
import type { Edge, Node } from '@xyflow/react';
import { decorations, decorationTypes, type DecorationNode } from './decorations.tsx';
import { boundsOf, fitCamera, openingCamera } from './camera.ts';
import { ZoomBar } from './ZoomBar.tsx';

const nodeTypes = { ...topicTypes, ...decorationTypes };

/** How topics and decorations look when the map is drawn simplified (zoomed out). */
function lodLook(node: Node): LodLook {
  if (node.type !== 'topic') return { fill: 'rgba(148, 163, 184, 0.08)', stroke: '#cbd5e1' };
  const data = node.data as TopicNode['data'];
  const remote = (node.style as Record<string, string> | undefined)?.['--remote'];
  return {
    fill: data.root ? (data.color ?? '#1d4ed8') : data.rescued ? '#fef3c7' : '#ffffff',
    stroke: data.color ?? '#94a3b8',
    ...(node.selected ? { ring: '#1d4ed8' } : remote ? { ring: remote, dashed: true } : {}),
  };
}
function lodLabel(node: Node): string {
  return String((node.data as { label?: unknown }).label ?? '');
}
/** Few enough moving topics to animate a layout change; more jump at once. */
const ANIMATE_MAX = 60;

interface DropSlot {
  parent: string;
  index: number;
  /** The sibling the drop line is drawn against, and on which side. */
  ref: string;
  after: boolean;
}

interface DragState {
  id: string;
  x: number;
  y: number;
  /** A topic the dragged one would become a child of. */
  target: string | null;
  /** Or a place among siblings. */
  slot: DropSlot | null;
}

/**
 * The place among siblings nearest to a dragged topic's centre: just before or after the closest
 * topic that lies across the branch from it (above or below; left or right in an org chart).
 */
function siblingSlot(
  nodes: readonly TopicNode[],
  topics: readonly Topic[],
  dragged: string,
  excluded: Set<string>,
  centre: { x: number; y: number },
): DropSlot | null {
  let best: { node: TopicNode; distance: number } | null = null;
  for (const node of nodes) {
    if (node.id === dragged || excluded.has(node.id) || node.data.root) continue;
    const down = node.data.side === 'down';
    const along = down
      ? Math.abs(centre.y - (node.position.y + node.data.height / 2))
      : Math.abs(centre.x - (node.position.x + node.data.width / 2));
    const across = down
      ? Math.abs(centre.x - (node.position.x + node.data.width / 2))
      : Math.abs(centre.y - (node.position.y + node.data.height / 2));
    const reach = down ? node.data.width : node.data.height;
    if (along > (down ? node.data.height : node.data.width) || across > reach * 1.5) continue;
    if (!best || across < best.distance) best = { node, distance: across };
  }
  if (!best) return null;
  const topic = topics.find((t) => t.id === best.node.id);
  if (!topic?.parent) return null;
  const siblings = childrenOf(topics, topic.parent).filter((t) => t.id !== dragged);
  const down = best.node.data.side === 'down';
  const after = down
    ? centre.x > best.node.position.x + best.node.data.width / 2
    : centre.y > best.node.position.y + best.node.data.height / 2;
  return {
    parent: topic.parent,
    index: siblings.findIndex((t) => t.id === topic.id) + (after ? 1 : 0),
    ref: topic.id,
    after,
  };
}
import { useRemoteSelections } from './useRemoteSelections.ts';
import { useTopics } from './useTopics.ts';
import { MindMapView, type TopicNode } from './view.ts';
import type { Topic } from '../../core/commands/mindmap.ts';
import { HelpSheet } from './HelpSheet.tsx';
import { TopicDetails } from './TopicDetails.tsx';
import { useFlowFrame, type PresentFrame } from '../../canvas/boardViews.ts';
import { ExportSlot } from '../../canvas/exportSlot.tsx';
import { importFile } from '../../canvas/importFile.ts';
import { importedText, importFailureText, uploadDropped } from '../../export/drop.ts';
import { boardTitleOf, boardsOf } from '../../core/doc.ts';
import { useYValue } from '../../files/useYValue.ts';
import { FrameOverlay } from '../../canvas/FrameOverlay.tsx';
import { ENTITY_DRAG_TYPE } from '../../register/drag.ts';

export interface MindMapBoardProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
  /** A topic to select and show (the register's "used on" links). */
  focusNodeId?: string | null;
  /** Shown on a slide: only the map, read-only, the camera on the frame, builds applied. */
  present?: PresentFrame | null;
}

/** The case mind map: XMind-style keyboard editing on an automatic layout. */
export function MindMapBoard(props: MindMapBoardProps) {
  return (
    <ReactFlowProvider>
      <CanvasCaseContext.Provider value={props.caseId}>
        <MindMapInner {...props} />
      </CanvasCaseContext.Provider>
    </ReactFlowProvider>
  );
}

function MindMapInner({
  caseId,
  doc,
  boardId,
  origin,
  readOnly,
  awareness,
  focusNodeId,
  present,
}: MindMapBoardProps) {
  const { t, i18n } = useTranslation('mindmap');
  const { t: tInterop } = useTranslation('interop');
  const flow = useReactFlow();
  const { topics, relationships, summaries, kind, lookup } = useTopics(doc, boardId);
  const view = useRef(new MindMapView());
  const {
    nodes: laidOut,
    edges,
    byId,
    moved,
  } = useMemo(
    () => view.current.compute(topics, kind, lookup, relationships),
    [topics, kind, lookup, relationships],
  );
  const [selection, setSelection] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ id: string; replace: boolean } | null>(null);
  const [mode, setMode] = useState<'map' | 'outline'>('map');
  const [findOpen, setFindOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [drag, setDrag] = useState<DragState | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** What the last dropped mind-map file brought in. */
  const [imported, setImported] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const clipboard = useRef<string>('');
  const remote = useRemoteSelections(awareness, boardId, selection);
  const [lod] = useState(levelOfDetailEnabled);
  // While the map is drawn simplified, React Flow keeps the nodes it had (its DOM is not drawn) and
  // is handed the current ones when the map is drawn in full again: no React Flow work per change.
  type Drawn = { nodes: Array<TopicNode | DecorationNode>; edges: Edge[] };
  const [frozen, setFrozen] = useState<Drawn | null>(null);
  const current = useRef<Drawn>({ nodes: [], edges: [] });

  const decorated = useMemo(
    () => decorations(topics, summaries, new Map(laidOut.map((n) => [n.id, n]))),
    [topics, summaries, laidOut],
  );
  const topicNodes = useMemo(
    () =>
      laidOut.map((node) => {
        const selected = selection.includes(node.id);
        const color = remote.get(node.id);
        const dragging = drag?.id === node.id;
        const target = drag?.target === node.id;
        const slot =
          drag?.slot?.ref === node.id ? (drag.slot.after ? 'drop-after' : 'drop-before') : '';
        if (!selected && !color && !dragging && !target && !slot) return node;
        return {
          ...node,
          selected,
          ...(dragging ? { position: { x: drag.x, y: drag.y } } : {}),
          className: [
            color ? 'has-remote' : '',
            target ? 'is-drop-target' : '',
            slot,
            slot ? `side-${node.data.side}` : '',
          ].join(' '),
          style: color ? ({ '--remote': color } as React.CSSProperties) : undefined,
        };
      }),
    [laidOut, selection, remote, drag],
  );
  // On a slide, topics waiting for a later build step wait with their whole branch.
  const waiting = useMemo(() => {
    if (!present || present.waiting.size === 0) return null;
    const children = new Map<string, string[]>();
    for (const topic of topics)
      if (topic.parent)
        children.set(topic.parent, [...(children.get(topic.parent) ?? []), topic.id]);
    const all = new Set<string>();
    const stack = [...present.waiting];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (all.has(id)) continue;
      all.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return all;
  }, [present, topics]);
  const nodes = useMemo(() => {
    const all = [...decorated, ...topicNodes];
    if (!waiting) return all;
    return all.map((node) =>
      waiting.has(node.id)
        ? present!.dim
          ? { ...node, className: `${node.className ?? ''} is-build-dim` }
          : { ...node, hidden: true }
        : node,
    );
  }, [decorated, topicNodes, waiting, present]);
  const shownEdges = useMemo(
    () =>
      waiting
        ? edges.map((edge) =>
            waiting.has(edge.target) || waiting.has(edge.source)
              ? present!.dim
                ? { ...edge, className: 'is-build-dim' }
                : { ...edge, hidden: true }
              : edge,
          )
        : edges,
    [edges, waiting, present],
  );
  const boardTitle = useYValue(boardsOf(doc), () => boardTitleOf(doc, boardId));
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  useFlowFrame(boardId, () => selectionRef.current, present);
  useEffect(() => {
    current.current = { nodes, edges };
  }, [nodes, edges]);
  const onSimplified = useCallback((on: boolean) => setFrozen(on ? current.current : null), []);

  // The camera works from the current layout's boxes, not from React Flow's nodes: those are the
  // previous layout's while the map is drawn simplified.
  const laidOutRef = useRef(laidOut);
  laidOutRef.current = laidOut;
  const placeCamera = useCallback(
    (how: 'open' | 'fit') => {
      const box = container.current?.getBoundingClientRect();
      const topicsNow = laidOutRef.current;
      const bounds = boundsOf(
        topicsNow.map((n) => ({ ...n.position, width: n.data.width, height: n.data.height })),
      );
      if (!box || box.width === 0 || !bounds) return;
      const root = topicsNow.find((n) => n.data.root) ?? topicsNow[0]!;
      const screen = { width: box.width, height: box.height };
      void flow.setViewport(
        how === 'open'
          ? openingCamera(
              bounds,
              { ...root.position, width: root.data.width, height: root.data.height },
              screen,
            )
          : fitCamera(bounds, screen),
        how === 'fit' ? { duration: 200 } : undefined,
      );
    },
    [flow],
  );
  const onInit = useCallback(() => {
    if (!present) placeCamera('open');
  }, [present, placeCamera]);

  // Closing the find box hands the keys back to the map, or they would go nowhere.
  const onFind = useCallback((open: boolean) => {
    setFindOpen(open);
    if (!open) container.current?.focus();
  }, []);

  const run = useCallback(
    (action: () => void) => {
      try {
        action();
        setError(null);
      } catch (err) {
        setError(
          err instanceof CommandError
            ? t(`errors.${err.code}`, {
                defaultValue: t('errors.generic', { message: err.message }),
              })
            : String(err),
        );
      }
    },
    [t],
  );

  const edit = useCallback((id: string, replace = false) => {
    // Mounted within the keydown, so a typed character lands in the editor (see TopicEditor).
    flushSync(() => {
      setSelection([id]);
      setEditing({ id, replace });
    });
  }, []);

  // The child of each topic selected last, for → (see keys.ts).
  const visited = useRef(new Map<string, string>());
  useEffect(() => {
    const id = selection.length === 1 ? selection[0]! : null;
    const parent = id ? byId.get(id)?.parent : null;
    if (id && parent) visited.current.set(parent, id);
  }, [selection, byId]);

  const context = (): MindMapContext => ({
    doc,
    boardId,
    origin,
    topics,
    nodes: laidOut,
    selection,
    visited: visited.current,
    newLabel: t('newTopic'),
    select: setSelection,
    edit,
    openFind: () => setFindOpen(true),
    closeFind: () => {
      if (!findOpen) return false;
      onFind(false);
      return true;
    },
    openHelp: () => setHelpOpen(true),
    copy: (cut) => {
      const text = formatOutline(subtreeOutline(topics, selection));
      clipboard.current = text;
      void navigator.clipboard?.writeText(text).catch(() => undefined);
      if (!cut) return;
      // Cut is a copy then a delete, with the same rule as the Delete key: never the central topic.
      const ids = selection.filter((id) => byId.get(id)?.parent !== null);
      const parent = byId.get(ids[0] ?? '')?.parent ?? null;
      deleteTopics(doc, { boardId, ids }, origin);
      setSelection(parent ? [parent] : []);
    },
  });

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    // The editor handles its own keys; a viewer may only look around.
    const target = event.target as HTMLElement;
    if (
      editing ||
      target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
    )
      return;
    const looking =
      event.key.startsWith('Arrow') ||
      event.key === 'Escape' ||
      event.key === '?' ||
      ((event.ctrlKey || event.metaKey) && ['f', 'c'].includes(event.key));
    if (readOnly && (!looking || event.altKey)) return;
    let handled = false;
    run(() => {
      handled = handleMindMapKey(event.nativeEvent, context());
    });
    if (handled) event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly || editing) return;
    const text = event.clipboardData.getData('text/plain') || clipboard.current;
    const outline = parseOutline(text);
    if (outline.length === 0) return;
    event.preventDefault();
    const parent = selection.at(-1) ?? topics.find((tp) => tp.parent === null)?.id ?? null;
    run(() => setSelection(insertOutline(doc, { boardId, parent, nodes: outline }, origin)));
  };

  const commitEdit = (text: string, then?: 'child' | 'sibling') => {
    const id = editing?.id;
    setEditing(null);
    container.current?.focus();
    if (!id) return;
    run(() => {
      if (text.trim() && text !== byId.get(id)?.label)
        setTopic(doc, { boardId, id, patch: { label: text } }, origin);
      if (then === 'child')
        edit(addTopic(doc, { boardId, parent: id, label: t('newTopic') }, origin));
    });
  };

  // Dragging a topic onto another makes it that topic's last child; dropping it just before or
  // after a topic puts it there among that topic's siblings. The layout does the rest.
  const onNodesChange = useStableCallback((changes: NodeChange<TopicNode | DecorationNode>[]) => {
    for (const change of changes) {
      // Selection is ours (click, Shift+click, keys); React Flow's own select changes are ignored.
      if (change.type !== 'position' || !change.position || !change.dragging || readOnly) continue;
      const moving = laidOut.find((n) => n.id === change.id);
      if (!moving) continue;
      const centre = {
        x: change.position.x + moving.data.width / 2,
        y: change.position.y + moving.data.height / 2,
      };
      const excluded = descendantsOf(topics, [change.id]);
      const target = laidOut.find(
        (n) =>
          n.id !== change.id &&
          !excluded.has(n.id) &&
          centre.x >= n.position.x &&
          centre.x <= n.position.x + n.data.width &&
          centre.y >= n.position.y &&
          centre.y <= n.position.y + n.data.height,
      );
      setDrag({
        id: change.id,
        x: change.position.x,
        y: change.position.y,
        target: target?.id ?? null,
        slot: target ? null : siblingSlot(laidOut, topics, change.id, excluded, centre),
      });
    }
  });
  const onNodeDragStop = useStableCallback(() => {
    const slot = drag?.slot;
    if (drag && slot) {
      run(() =>
        moveTopic(doc, { boardId, id: drag.id, parent: slot.parent, index: slot.index }, origin),
      );
    }
    if (drag?.target) {
      const target = drag.target;
      run(() =>
        moveTopic(
          doc,
          { boardId, id: drag.id, parent: target, index: childrenOf(topics, target).length },
          origin,
        ),
      );
    }
    setDrag(null);
  });

  const onNodeClick = useCallback((event: { shiftKey: boolean }, node: Node) => {
    if (node.type !== 'topic') return;
    setSelection((s) =>
      event.shiftKey ? [...s.filter((id) => id !== node.id), node.id] : [node.id],
    );
    container.current?.focus();
  }, []);

  const onNodeDoubleClick = useStableCallback((_: unknown, node: Node) => {
    if (readOnly) return;
    if (node.type === 'topic') return edit(node.id);
    const summary = (node.data as { summary?: string }).summary;
    if (!summary) return;
    const label = window.prompt(
      t('summaryLabel'),
      String((node.data as { label?: string }).label ?? ''),
    );
    if (label !== null)
      run(() =>
        setSummary(
          doc,
          { boardId, id: summary, label: label.trim() === '-' ? null : label },
          origin,
        ),
      );
  });
  const onPaneClick = useCallback(() => setSelection([]), []);
  const onEdgeDoubleClick = useStableCallback((_: unknown, edge: Edge) => {
    const rel = (edge.data as { relationship?: string } | undefined)?.relationship;
    if (!rel || readOnly) return;
    const label = window.prompt(t('relationLabel'), String(edge.label ?? ''));
    if (label === null) return;
    run(() =>
      setRelationship(
        doc,
        { boardId, id: rel, label: label.trim() === '-' ? null : label },
        origin,
      ),
    );
  });

  const onRelationshipControl = useCallback(
    (id: string, control: { dx: number; dy: number }) =>
      run(() => setRelationshipControl(doc, { boardId, id, control }, origin)),
    [doc, boardId, origin, run],
  );

  // An entity dropped from the register becomes a linked topic under the topic it lands on.
  const onEntityDrop = (event: React.DragEvent) => {
    const files = [...event.dataTransfer.files];
    if (!readOnly && files.length > 0) {
      // A mind-map file becomes a branch; an image becomes a topic showing it (and a case-file
      // document). Anything else falls through to the case file.
      const mapFile = files.find((f) => /\.(xmind|mm|opml|md|markdown)$/i.test(f.name));
      const images = files.filter((f) => /^image\/(png|jpeg|webp)$/.test(f.type));
      if (mapFile || images.length > 0) {
        event.preventDefault();
        const parent = selection.at(-1) ?? topics.find((tp) => tp.parent === null)?.id ?? null;
        if (mapFile)
          void importFile(doc, boardId, origin, mapFile, parent).then(
            ({ ids, count }) => {
              setError(null);
              setImported(importedText(tInterop, mapFile.name, count));
              setSelection(ids);
            },
            (err: unknown) => {
              setImported(null);
              setError(importFailureText(tInterop, mapFile.name, err));
            },
          );
        for (const image of images)
          void uploadDropped(caseId, doc, origin, image, i18n.language).then(
            (hash) =>
              run(() => {
                const id = addTopic(
                  doc,
                  { boardId, parent, label: image.name.replace(/\.[a-z]+$/i, '') },
                  origin,
                );
                setTopic(doc, { boardId, id, patch: { image: hash } }, origin);
                setSelection([id]);
              }),
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          );
        return;
      }
    }
    const entity = event.dataTransfer.getData(ENTITY_DRAG_TYPE);
    if (readOnly || !entity) return;
    event.preventDefault();
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const hit = laidOut.find(
      (n) =>
        p.x >= n.position.x &&
        p.x <= n.position.x + n.data.width &&
        p.y >= n.position.y &&
        p.y <= n.position.y + n.data.height,
    );
    const parent = hit?.id ?? topics.find((tp) => tp.parent === null)?.id ?? null;
    run(() => {
      const id = addTopic(doc, { boardId, parent, label: lookup(entity)?.name ?? '' }, origin);
      setTopic(doc, { boardId, id, patch: { entity } }, origin);
      setSelection([id]);
    });
  };

  useEffect(() => {
    if (!focusNodeId || !byId.has(focusNodeId)) return;
    setSelection([focusNodeId]);
  }, [focusNodeId, byId]);

  // Keep the selected topic in view when the keyboard moves it.
  const selected = selection.at(-1);
  useEffect(() => {
    const node = laidOut.find((n) => n.id === selected);
    if (!node) return;
    const { x, y, zoom } = flow.getViewport();
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const sx = node.position.x * zoom + x;
    const sy = node.position.y * zoom + y;
    if (
      sx < 0 ||
      sy < 0 ||
      sx + node.data.width * zoom > box.width ||
      sy + node.data.height * zoom > box.height
    ) {
      void flow.setCenter(
        node.position.x + node.data.width / 2,
        node.position.y + node.data.height / 2,
        { zoom, duration: 200 },
      );
    }
  }, [selected, laidOut, flow]);

  const editingNode = editing ? laidOut.find((n) => n.id === editing.id) : undefined;
  const editRect = editingNode
    ? (() => {
        const p = flow.flowToScreenPosition(editingNode.position);
        const box = container.current?.getBoundingClientRect();
        const zoom = flow.getViewport().zoom;
        return {
          x: p.x - (box?.left ?? 0),
          y: p.y - (box?.top ?? 0),
          width: editingNode.data.width * zoom,
          height: editingNode.data.height * zoom,
        };
      })()
    : null;

  if (topics.length === 0 && !present) {
    return readOnly ? (
      <p className="muted board-empty">{t('start')}</p>
    ) : (
      <TemplatePicker
        onPick={(outline) =>
          run(() =>
            setSelection(insertOutline(doc, { boardId, parent: null, nodes: outline }, origin)),
          )
        }
      />
    );
  }

  return (
    <div
      className={`mindmap${drag ? ' is-dragging' : ''}${moved <= ANIMATE_MAX ? ' is-animated' : ''}`}
      data-testid="mindmap"
    >
      {!present && (
        <>
          <MindMapToolbar
            doc={doc}
            boardId={boardId}
            origin={origin}
            kind={kind}
            mode={mode}
            readOnly={readOnly}
            topics={topics}
            findOpen={findOpen}
            onMode={setMode}
            onFind={onFind}
            onHelp={() => setHelpOpen(true)}
            canRelate={!readOnly && selection.length === 2}
            canSummarize={
              !readOnly &&
              selection.length > 0 &&
              new Set(selection.map((id) => byId.get(id)?.parent ?? null)).size === 1 &&
              byId.get(selection[0]!)?.parent !== null
            }
            onSummarize={() =>
              run(() =>
                addSummary(doc, { boardId, topics: selection, label: t('summary') }, origin),
              )
            }
            onRelate={() =>
              run(() =>
                addRelationship(
                  doc,
                  { boardId, source: selection[0]!, target: selection[1]! },
                  origin,
                ),
              )
            }
            detailsOpen={detailsOpen}
            onDetails={() => setDetailsOpen((open) => !open)}
            onReveal={(id) => {
              const node = laidOut.find((n) => n.id === id);
              setSelection([id]);
              if (node)
                void flow.setCenter(
                  node.position.x + node.data.width / 2,
                  node.position.y + node.data.height / 2,
                  { duration: 200, zoom: flow.getViewport().zoom },
                );
            }}
          >
            <ExportSlot
              caseId={caseId}
              doc={doc}
              boardId={boardId}
              boardTitle={boardTitle}
              origin={origin}
              readOnly={readOnly}
              mindMap={{ selection, onImported: setSelection }}
            />
          </MindMapToolbar>
        </>
      )}
      {error && (
        <p className="notice notice--danger" role="alert">
          {error}
        </p>
      )}
      {imported && (
        <p className="notice" role="status" data-testid="import-message">
          {imported}
        </p>
      )}
      {mode === 'outline' && !present ? (
        <OutlineView
          doc={doc}
          boardId={boardId}
          origin={origin}
          topics={topics}
          readOnly={readOnly}
          newLabel={t('newTopic')}
        />
      ) : (
        <div
          ref={container}
          className="mindmap__canvas"
          tabIndex={0}
          onKeyDown={present ? undefined : onKeyDown}
          onPaste={onPaste}
          onDragOver={(event) => {
            if (
              !readOnly &&
              (event.dataTransfer.types.includes(ENTITY_DRAG_TYPE) ||
                event.dataTransfer.types.includes('Files'))
            )
              event.preventDefault();
          }}
          onDrop={onEntityDrop}
          data-testid="mindmap-canvas"
          aria-label={t('map')}
        >
          <TopicTextContext.Provider value={t}>
            <RelationshipControlContext.Provider value={readOnly ? null : onRelationshipControl}>
              <ReactFlow
                ariaLabelConfig={flowLabels(i18n)}
                nodes={frozen?.nodes ?? nodes}
                edges={frozen?.edges ?? shownEdges}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                onNodesChange={onNodesChange}
                onNodeDragStop={onNodeDragStop}
                onNodeClick={onNodeClick}
                onNodeDoubleClick={onNodeDoubleClick}
                onPaneClick={onPaneClick}
                onEdgeDoubleClick={onEdgeDoubleClick}
                nodesDraggable={!readOnly && !present}
                elementsSelectable={!present}
                panOnDrag={!present}
                zoomOnScroll={!present}
                zoomOnPinch={!present}
                nodeDragThreshold={0}
                nodesConnectable={false}
                deleteKeyCode={null}
                selectionKeyCode={null}
                multiSelectionKeyCode={null}
                zoomOnDoubleClick={false}
                disableKeyboardA11y
                onInit={onInit}
                minZoom={0.05}
                maxZoom={present ? 8 : 2}
                proOptions={{ hideAttribution: true }}
              >
                {!present && <Background gap={24} />}
                {!present && <FrameOverlay doc={doc} boardId={boardId} />}
                {lod && (
                  <LevelOfDetail
                    nodes={nodes}
                    edges={shownEdges}
                    look={lodLook}
                    label={lodLabel}
                    onNodeClick={onNodeClick}
                    onSimplified={onSimplified}
                  />
                )}
              </ReactFlow>
            </RelationshipControlContext.Provider>
          </TopicTextContext.Provider>
          {editing && editRect && editingNode && (
            <TopicEditor
              key={editing.id}
              initial={byId.get(editing.id)?.label ?? ''}
              rect={editRect}
              replace={editing.replace}
              onCommit={commitEdit}
              onCancel={() => {
                setEditing(null);
                container.current?.focus();
              }}
            />
          )}
        </div>
      )}
      {!present && mode === 'map' && <ZoomBar onFit={() => placeCamera('fit')} />}
      {!present && detailsOpen && selection.length === 1 && byId.get(selection[0]!) && (
        <TopicDetails
          doc={doc}
          boardId={boardId}
          origin={origin}
          topic={byId.get(selection[0]!)!}
          readOnly={readOnly}
          onClose={() => setDetailsOpen(false)}
        />
      )}
      {!present && helpOpen && <HelpSheet onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
