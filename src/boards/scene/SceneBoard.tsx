import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { setBoardSetting } from '../../core/commands/boards.ts';
import {
  addSceneObject,
  setSceneScale,
  updateSceneObjects,
  type SceneObjectInput,
} from '../../core/commands/scene.ts';
import { calibrateBackground, moveSceneObjects } from '../../core/commands/sceneArrange.ts';
import { PX } from '../../core/scene/view.ts';
import {
  centreOf,
  markerNumbers,
  referencePoints,
  type Point,
  type SceneObject,
} from '../../core/scene.ts';
import { handleActionKey } from '../../ui/actions.ts';
import { useRemoteSelections } from '../../canvas/useRemoteSelections.ts';
import { useNoteSelection } from '../../canvas/noteBadges.tsx';
import { SCENE_ACTIONS, type SceneActionContext } from './actions.ts';
import { CalibrateDialog } from './CalibrateDialog.tsx';
import {
  doubleClick,
  draftObject,
  pointerDown,
  pointerMove,
  pointerUp,
  snapPoint,
  type Effect,
  type Gesture,
  type GestureScene,
} from './gesture.ts';
import { ScenePanel } from './ScenePanel.tsx';
import { SceneItems } from './SceneItems.tsx';
import { SceneOverlay } from './SceneOverlay.tsx';
import { SceneProperties } from './SceneProperties.tsx';
import { SceneSelectionBar } from './SceneSelectionBar.tsx';
import { SceneToolbar } from './SceneToolbar.tsx';
import { SceneDefs } from './SceneDefs.tsx';
import { SceneHelp } from './SceneHelp.tsx';
import { SceneTextEditor } from './SceneTextEditor.tsx';
import { applyEffects, objectAt, pointerInput } from './pointer.ts';
import { FIXED_SHAPES, MULTI_POINT, type SceneTool } from './tools.ts';
import { ErrorNotice, useCommandErrors } from '../../ui/commandErrors.tsx';
import { useDrawnScene } from './useDrawnScene.ts';
import { useScene, useSceneAwareness } from './useScene.ts';
import { useSceneView, useSceneWindow } from './useSceneView.ts';
import { useSidePanel } from './useSidePanel.ts';
import './scene.css';

export interface SceneBoardProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
  /** False: no toolbar and no side panel (the version view). */
  chrome?: boolean;
  /** An object to select and bring into view (from the case checklist). */
  focusNodeId?: string | null;
}

/** The crime-scene diagram: to scale, with symbols, measurements and numbered evidence markers. */
export function SceneBoard({
  caseId,
  doc,
  boardId,
  origin,
  readOnly,
  awareness,
  chrome = true,
  focusNodeId = null,
}: SceneBoardProps) {
  const { t, i18n } = useTranslation('scene');
  const language = i18n.language || 'vi';
  const { objects, settings } = useScene(doc, boardId);
  const svg = useRef<SVGSVGElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const camera = useSceneView(svg, objects);
  const { view } = camera;
  const [tool, setToolState] = useState<SceneTool>('select');
  const [selection, setSelection] = useState<string[]>([]);
  const [draft, setDraft] = useState<Point[]>([]);
  const [pointer, setPointer] = useState<Point | null>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [editing, setEditing] = useState<{ at: Point; id?: string; initial: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  /** A line drawn over the background, waiting for its real length. */
  const [calibrating, setCalibrating] = useState<[Point, Point] | null>(null);
  const panel = useSidePanel(root);
  const clipboard = useRef<SceneObject[]>([]);
  const remoteSelections = useRemoteSelections(awareness, boardId, selection);
  useNoteSelection(selection[0]);
  const { remote, publish } = useSceneAwareness(awareness, boardId);

  const byId = useMemo(() => new Map(objects.map((o) => [o.id, o])), [objects]);
  // Asked to show an object: it is selected and brought into view once, when it first exists.
  const focused = useRef<string | null>(null);
  const { reveal } = camera;
  useEffect(() => {
    const target = focusNodeId ? byId.get(focusNodeId) : undefined;
    if (!target || focused.current === target.id) return;
    focused.current = target.id;
    setSelection([target.id]);
    reveal(centreOf(target));
  }, [focusNodeId, byId, reveal]);
  const references = useMemo(
    () => referencePoints(objects, settings.references),
    [objects, settings.references],
  );
  const numbers = useMemo(
    () => markerNumbers(objects.filter((o) => o.shape === 'marker')),
    [objects],
  );
  const grid = settings.gridMetres;
  const focusCanvas = () => container.current?.focus({ preventScroll: true });

  const { run, error } = useCommandErrors();

  const add = (object: SceneObjectInput): string | null => {
    let id: string | null = null;
    run(() => {
      id = addSceneObject(doc, { boardId, object }, origin);
    });
    return id;
  };

  const finishDraft = (closed: boolean, points: readonly Point[] = draft) => {
    setDraft([]);
    const object = draftObject(tool, points, closed);
    const id = object ? add(object) : null;
    if (id) setSelection([id]);
  };

  const setTool = (next: SceneTool) => {
    setToolState(next);
    setDraft([]);
  };

  const selected = selection.map((id) => byId.get(id)).filter((o): o is SceneObject => !!o);

  const context: SceneActionContext = {
    readOnly,
    transact: (fn) => run(() => doc.transact(fn, origin)),
    doc,
    boardId,
    origin,
    objects,
    selected,
    tool,
    draft,
    clipboard,
    select: setSelection,
    setTool,
    cancelDraft: () => setDraft([]),
    finishDraft: () => finishDraft(false),
    fit: camera.fit,
    zoom: camera.zoom,
    openHelp: () => setHelpOpen(true),
  };

  const scene: GestureScene = {
    objects,
    byId,
    selection,
    tool,
    draft,
    view,
    gridMetres: grid,
    readOnly,
  };

  const apply = (effects: readonly Effect[]) =>
    applyEffects(effects, {
      select: setSelection,
      draft: setDraft,
      finishDraft,
      add: (object, then) => {
        const id = add(object);
        if (id) setSelection([id]);
        if (then) setTool(then);
      },
      text: (at) => setEditing({ at, initial: '' }),
      label: (id, at, initial) => setEditing({ id, at, initial }),
      move: (ids, dx, dy) => run(() => moveSceneObjects(doc, { boardId, ids, dx, dy }, origin)),
      update: (id, patch) =>
        run(() => updateSceneObjects(doc, { boardId, patches: [{ id, patch }] }, origin)),
      calibrate: (line) => {
        setCalibrating(line);
        setTool('select');
      },
      view: camera.setView,
      drag: (drag) => publish({ drag }),
    });

  const input = (event: ReactPointerEvent<SVGSVGElement>) =>
    pointerInput(event, svg.current!, view, byId);

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    camera.touch();
    focusCanvas();
    (event.target as Element).setPointerCapture?.(event.pointerId);
    const step = pointerDown(scene, input(event));
    setGesture(step.gesture);
    apply(step.effects);
  };

  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const at = input(event);
    publish({ cursor: at.world });
    if (MULTI_POINT.has(tool) && draft.length > 0) setPointer(snapPoint(at.world, grid, at.alt));
    if (!gesture) return;
    const step = pointerMove(scene, gesture, at);
    setGesture(step.gesture);
    apply(step.effects);
  };

  const onPointerUp = () => {
    setGesture(null);
    if (gesture) apply(pointerUp(scene, gesture));
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    // The text box and the key sheet have their own keys (Escape closes them).
    if (editing || helpOpen || calibrating) return;
    camera.touched.current = true;
    handleActionKey(SCENE_ACTIONS, event.nativeEvent, context);
  };

  const scale = PX * view.k;
  const { drawn, drawnById, labelMetres, labelPlaces } = useDrawnScene(
    objects,
    gesture,
    remote.drags,
    scale,
    language,
  );

  const sceneWindow = useSceneWindow(svg, view, scale, objects.length);

  const single = selected.length === 1 ? drawnById.get(selected[0]!.id) : undefined;
  const transformable =
    single && !single.locked && !readOnly && !FIXED_SHAPES.has(single.shape) ? single : undefined;
  const onScreen = (p: Point) => ({ x: view.x + p.x * scale, y: view.y + p.y * scale });

  return (
    <div className="scene" data-testid="scene" ref={root}>
      {chrome && (
        <SceneToolbar
          context={context}
          gridMetres={grid}
          notToScale={settings.notToScale}
          onScale={(gridMetres) => run(() => setSceneScale(doc, { boardId, gridMetres }, origin))}
          onNotToScale={(value) =>
            run(() => setBoardSetting(doc, { id: boardId, key: 'notToScale', value }, origin))
          }
          focusCanvas={focusCanvas}
        />
      )}
      <ErrorNotice error={error} />
      <div className="scene__body">
        <div
          ref={container}
          className={`scene__canvas tool-${tool.replace(':', '-')}`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="scene-canvas"
        >
          <svg
            ref={svg}
            className="scene-svg"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerLeave={() => publish({ cursor: null })}
            onDoubleClick={(event) => apply(doubleClick(scene, objectAt(event.target, byId)))}
          >
            <SceneDefs view={view} gridMetres={grid} scale={scale} />
            {!settings.notToScale && grid * scale >= 6 && (
              <rect width="100%" height="100%" fill="url(#scene-grid)" />
            )}
            <g transform={`translate(${view.x} ${view.y}) scale(${scale})`}>
              <SceneItems
                drawn={drawn}
                drawnById={drawnById}
                numbers={numbers}
                language={language}
                caseId={caseId}
                northLabel={t('north')}
                gridMetres={grid}
                labelMetres={labelMetres}
                labelPlaces={labelPlaces}
                area={sceneWindow}
              />
              <SceneOverlay
                scale={scale}
                language={language}
                labelMetres={labelMetres}
                tool={tool}
                draft={draft}
                pointer={pointer}
                gesture={gesture}
                drawnById={drawnById}
                selection={selection}
                remoteSelections={remoteSelections}
                references={references}
                single={single}
                transformable={transformable}
                cursors={remote.cursors}
              />
            </g>
          </svg>
          {MULTI_POINT.has(tool) && <p className="scene__hint">{t('finishHint')}</p>}
          {selected.length > 0 && !readOnly && <SceneSelectionBar context={context} run={run} />}
          {single && !readOnly && (
            <SceneProperties
              doc={doc}
              boardId={boardId}
              origin={origin}
              object={selected[0]!}
              language={language}
              run={run}
            />
          )}
          {calibrating && (
            <CalibrateDialog
              at={onScreen(calibrating[1])}
              onClose={() => {
                setCalibrating(null);
                focusCanvas();
              }}
              onCommit={(metres) => {
                const [from, to] = calibrating;
                run(() => calibrateBackground(doc, { boardId, from, to, metres }, origin));
              }}
            />
          )}
          {editing && (
            <SceneTextEditor
              at={onScreen(editing.at)}
              initial={editing.initial}
              onClose={() => {
                setEditing(null);
                focusCanvas();
              }}
              onCommit={(text) => {
                if (editing.id) {
                  const patches = [{ id: editing.id, patch: { label: text } }];
                  run(() => updateSceneObjects(doc, { boardId, patches }, origin));
                } else if (text.trim()) {
                  const id = add({ shape: 'text', x: editing.at.x, y: editing.at.y, label: text });
                  if (id) setSelection([id]);
                }
              }}
            />
          )}
        </div>
        {chrome && (
          <ScenePanel
            collapsed={panel.collapsed}
            onToggle={panel.toggle}
            caseId={caseId}
            doc={doc}
            boardId={boardId}
            origin={origin}
            readOnly={readOnly}
            objects={objects}
            settings={settings}
            numbers={numbers}
            language={language}
            tool={tool}
            onTool={(next) => {
              setToolState(next);
              focusCanvas();
            }}
            onSelect={(id) => setSelection([id])}
            run={run}
          />
        )}
      </div>
      {helpOpen && (
        <SceneHelp
          readOnly={readOnly}
          onClose={() => {
            setHelpOpen(false);
            focusCanvas();
          }}
        />
      )}
    </div>
  );
}
