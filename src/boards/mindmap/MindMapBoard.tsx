import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Background, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Node } from '@xyflow/react';
import { addTopic, insertOutline, setTopic } from '../../core/commands/mindmap.ts';
import { fixLegacyText } from '../../core/legacyText.ts';
import { parseOutline } from '../../core/outline.ts';
import { boardTitleOf } from '../../core/doc.ts';
import { CanvasCaseContext } from '../../canvas/CanvasNode.tsx';
import { LevelOfDetail, LOD_THRESHOLD, levelOfDetailEnabled } from '../../canvas/LevelOfDetail.tsx';
import { useViewWindow } from '../../canvas/viewWindow.ts';
import { ImportProgress } from '../../canvas/ImportProgress.tsx';
import { flowLabels } from '../../canvas/flowLabels.ts';
import { boardFieldsWatch, useDoc } from '../../sync/useDoc.ts';
import { useFlowFrame, type PresentFrame } from '../../canvas/boardViews.ts';
import { FrameOverlay } from '../../canvas/FrameOverlay.tsx';
import { ExportSlot } from '../../canvas/exportSlot.tsx';
import { runAction, type Action } from '../../ui/actions.ts';
import { ErrorNotice, useCommandErrors } from '../../ui/commandErrors.tsx';
import { pasteLegacyText, useLegacyNotice } from '../../ui/legacyPaste.ts';
import type { MindMapContext } from './actions.ts';
import { decorationTypes } from './decorations.tsx';
import { HelpSheet } from './HelpSheet.tsx';
import { MindMapToolbar } from './MindMapToolbar.tsx';
import { OutlineView } from './OutlineView.tsx';
import { edgeTypes, RelationshipControlContext } from './RelationshipEdge.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { TopicDetails } from './TopicDetails.tsx';
import { TopicEditor } from './TopicEditor.tsx';
import { TopicTextContext, topicTypes } from './TopicNode.tsx';
import { lodLabel, lodLook, useDrawnMap } from './useDrawnMap.ts';
import { MapLines } from './MapLines.tsx';
import { useLabelPrompts } from './useLabelPrompts.ts';
import { useMapCamera } from './useMapCamera.ts';
import { useMapDrop } from './useMapDrop.ts';
import { useMindMapActions } from './useMindMapActions.ts';
import { useRemoteSelections } from '../../canvas/useRemoteSelections.ts';
import { useNoteSelection } from '../../canvas/noteBadges.tsx';
import { useTopicDrag } from './useTopicDrag.ts';
import { useTopics } from './useTopics.ts';
import { MindMapView } from './view.ts';
import { ZoomBar } from './ZoomBar.tsx';

const nodeTypes = { ...topicTypes, ...decorationTypes };
/** Few enough moving topics to animate a layout change; more jump at once. */
const ANIMATE_MAX = 60;

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
  /** False: no toolbar, the map fitted to its pane (the version view). */
  chrome?: boolean;
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

function MindMapInner(props: MindMapBoardProps) {
  const { caseId, doc, boardId, origin, readOnly, awareness, focusNodeId, present } = props;
  const bare = props.chrome === false;
  const { t, i18n } = useTranslation('mindmap');
  const { topics, relationships, summaries, kind, lookup } = useTopics(doc, boardId);
  const view = useRef(new MindMapView());
  const {
    nodes: laidOut,
    edges,
    byId,
    moved,
    version,
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
  const { error, setError, show, run } = useCommandErrors();
  /** What the last dropped mind-map file brought in, or what a paste converted. */
  const [imported, setImported] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const remote = useRemoteSelections(awareness, boardId, selection);
  useNoteSelection(selection[0]);
  const [lod] = useState(levelOfDetailEnabled);
  const { drag, onNodesChange, onNodeDragStop } = useTopicDrag({
    doc,
    boardId,
    origin,
    readOnly,
    topics,
    laidOut,
    run,
  });
  const viewWindow = useViewWindow(LOD_THRESHOLD);
  const { nodes, shownEdges, flowNodes, flowEdges, lines } = useDrawnMap({
    topics,
    summaries,
    laidOut,
    edges,
    selection,
    remote,
    drag,
    present,
    window: lod ? viewWindow : 'all',
    keep: editing?.id,
  });
  const boardTitle = useDoc(
    doc,
    (d) => boardFieldsWatch(d, boardId),
    (d) => boardTitleOf(d, boardId),
    [boardId],
  );
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  useFlowFrame(boardId, () => selectionRef.current, present);
  const { placeCamera, reveal, screenBox } = useMapCamera(container, laidOut, selection.at(-1));
  const onInit = useCallback(() => {
    if (!present) placeCamera(bare ? 'fit' : 'open');
  }, [present, bare, placeCamera]);

  // Closing the find box hands the keys back to the map, or they would go nowhere.
  const onFind = useCallback((open: boolean) => {
    setFindOpen(open);
    if (!open) container.current?.focus();
  }, []);

  const edit = useCallback((id: string, replace = false) => {
    // Mounted within the keydown, so a typed character lands in the editor (see TopicEditor).
    flushSync(() => {
      setSelection([id]);
      setEditing({ id, replace });
    });
  }, []);

  const { onKeyDown, context, clipboard } = useMindMapActions(
    {
      doc,
      boardId,
      origin,
      readOnly,
      topics,
      nodes: laidOut,
      selection,
      editing: editing !== null,
      modal: helpOpen,
      active: !present,
      run,
    },
    {
      select: setSelection,
      edit,
      openFind: () => setFindOpen(true),
      closeFind: () => {
        if (!findOpen) return false;
        onFind(false);
        return true;
      },
      openHelp: () => setHelpOpen(true),
      toggleDetails: () => setDetailsOpen((open) => !open),
      fit: () => placeCamera('fit'),
    },
  );
  const perform = (action: Action<MindMapContext>) => run(() => runAction(action, context()));

  const { onDragOver, onDrop } = useMapDrop({
    caseId,
    doc,
    boardId,
    origin,
    readOnly,
    topics,
    laidOut,
    selection,
    lookup,
    select: setSelection,
    run,
    onImported: setImported,
    onError: setError,
    showError: show,
  });

  const legacySentence = useLegacyNotice();
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly || editing) return;
    // Text from an old TCVN3 or VNI document comes in as Unicode, and the page says so.
    const { text, encoding } = fixLegacyText(
      event.clipboardData.getData('text/plain') || clipboard.current,
    );
    const outline = parseOutline(text);
    if (outline.length === 0) return;
    event.preventDefault();
    const parent = selection.at(-1) ?? topics.find((tp) => tp.parent === null)?.id ?? null;
    run(() => setSelection(insertOutline(doc, { boardId, parent, nodes: outline }, origin)));
    if (encoding) setImported(legacySentence(encoding));
  };
  const onLabelPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const encoding = pasteLegacyText(event);
    if (encoding) setImported(legacySentence(encoding));
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

  const onNodeClick = useCallback((event: { shiftKey: boolean }, node: Node) => {
    if (node.type !== 'topic') return;
    setSelection((s) =>
      event.shiftKey ? [...s.filter((id) => id !== node.id), node.id] : [node.id],
    );
    container.current?.focus();
  }, []);

  const onPaneClick = useCallback(() => setSelection([]), []);
  const { onNodeDoubleClick, onEdgeDoubleClick, onRelationshipControl } = useLabelPrompts({
    doc,
    boardId,
    origin,
    readOnly,
    edit,
    run,
  });

  useEffect(() => {
    if (!focusNodeId || !byId.has(focusNodeId)) return;
    setSelection([focusNodeId]);
  }, [focusNodeId, byId]);

  const editingNode = editing ? laidOut.find((n) => n.id === editing.id) : undefined;
  const editRect = editingNode ? screenBox(editingNode) : null;

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
      data-layout={version}
    >
      {!present && !bare && (
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
          detailsOpen={detailsOpen}
          context={context}
          onRun={perform}
          onReveal={(id) => {
            setSelection([id]);
            reveal(id);
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
      )}
      <ErrorNotice error={error} />
      <ImportProgress boardId={boardId} />
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
          onDragOver={onDragOver}
          onDrop={onDrop}
          data-testid="mindmap-canvas"
          aria-label={t('map')}
        >
          <TopicTextContext.Provider value={t}>
            <RelationshipControlContext.Provider value={readOnly ? null : onRelationshipControl}>
              <ReactFlow
                ariaLabelConfig={flowLabels(i18n)}
                nodes={flowNodes}
                edges={flowEdges}
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
                {!present && !bare && <FrameOverlay doc={doc} boardId={boardId} />}
                {lod && (
                  <LevelOfDetail
                    nodes={nodes}
                    edges={shownEdges}
                    look={lodLook}
                    label={lodLabel}
                    onNodeClick={onNodeClick}
                    cull={false}
                  />
                )}
                <MapLines lines={lines} />
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
              onPaste={onLabelPaste}
            />
          )}
        </div>
      )}
      {!present && !bare && mode === 'map' && <ZoomBar onFit={() => placeCamera('fit')} />}
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
