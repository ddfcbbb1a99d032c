import {
  useCallback,
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
import { commandErrorText } from '../../ui/commandErrors.tsx';
import {
  addSceneObject,
  deleteSceneObjects,
  groupSceneObjects,
  reorderSceneObjects,
  setSceneScale,
  updateSceneObjects,
  type SceneObjectInput,
  type ScenePatch,
} from '../../core/commands/scene.ts';
import { setBoardSetting } from '../../core/commands/boards.ts';
import {
  boundsOf,
  calibrationFactor,
  centreOf,
  distance,
  distribute,
  formatMetres,
  markerNumbers,
  referencePoints,
  measureEnds,
  snap,
  snapAngle,
  type Point,
  type SceneObject,
} from '../../core/scene.ts';
import { areaLabelPlaces, measureLabelPlaces, type LabelCache } from '../../core/sceneLabels.ts';
import { InlineEdit } from '../../ui/InlineEdit.tsx';
import { useRemoteSelections } from '../mindmap/useRemoteSelections.ts';
import { ScenePanel } from './ScenePanel.tsx';
import { BASE_TEXT, SceneItem } from './SceneItem.tsx';
import { SceneProperties } from './SceneProperties.tsx';
import { SceneSelectionBar, type SelectionActions } from './SceneSelectionBar.tsx';
import { useSidePanel } from './useSidePanel.ts';
import { symbolById } from './symbols.ts';
import { SceneHelp } from './SceneHelp.tsx';
import { useScene, useSceneAwareness } from './useScene.ts';
import './scene.css';

/** Pixels per metre at zoom 1. */
export const PX = 50;

export type SceneTool =
  | 'select'
  | 'pan'
  | 'wall'
  | 'rect'
  | 'ellipse'
  | 'polygon'
  | 'line'
  | 'arrow'
  | 'text'
  | 'measure'
  | 'marker'
  | 'refpoint'
  | 'scalebar'
  | 'north'
  | 'calibrate'
  | `symbol:${string}`;

const TOOL_KEYS: Record<string, SceneTool> = {
  v: 'select',
  h: 'pan',
  w: 'wall',
  r: 'rect',
  o: 'ellipse',
  p: 'polygon',
  l: 'line',
  a: 'arrow',
  t: 'text',
  m: 'measure',
  e: 'marker',
  f: 'refpoint',
};
const TOOLBAR: SceneTool[] = [
  'select',
  'pan',
  'wall',
  'rect',
  'ellipse',
  'polygon',
  'line',
  'arrow',
  'text',
  'measure',
  'marker',
  'refpoint',
  'scalebar',
  'north',
];
const MULTI_POINT = new Set<SceneTool>(['wall', 'polygon', 'line', 'arrow']);
const DRAG_SHAPE = new Set<SceneTool>(['rect', 'ellipse', 'measure', 'calibrate']);

export interface SceneBoardProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
}

type Gesture =
  | { kind: 'pan'; start: Point; view: View }
  | { kind: 'marquee'; start: Point; end: Point; base: string[] }
  | { kind: 'move'; start: Point; ids: string[]; dx: number; dy: number }
  | { kind: 'rotate'; id: string; centre: Point; angle: number }
  | { kind: 'resize'; id: string; origin: Point; w: number; h: number; ratio: number | null }
  | {
      kind: 'shape';
      tool: SceneTool;
      start: Point;
      end: Point;
      pins: [string | null, string | null];
    };

interface View {
  x: number;
  y: number;
  k: number;
}

function shifted(o: SceneObject, dx: number, dy: number): SceneObject {
  return {
    ...o,
    x: o.x + dx,
    y: o.y + dy,
    points: o.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
  };
}

/** The patch that moves an object by (dx, dy). */
function movePatch(o: SceneObject, dx: number, dy: number): ScenePatch {
  return o.points.length > 0
    ? { x: o.x + dx, y: o.y + dy, points: o.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) }
    : { x: o.x + dx, y: o.y + dy };
}

/** The crime-scene diagram: to scale, with symbols, measurements and numbered evidence markers. */
export function SceneBoard({ caseId, doc, boardId, origin, readOnly, awareness }: SceneBoardProps) {
  const { t, i18n } = useTranslation('scene');
  const language = i18n.language || 'vi';
  const { objects, settings } = useScene(doc, boardId);
  const [view, setView] = useState<View>({ x: 80, y: 60, k: 1 });
  const [tool, setTool] = useState<SceneTool>('select');
  const [selection, setSelection] = useState<string[]>([]);
  const [draft, setDraft] = useState<Point[]>([]);
  const [pointer, setPointer] = useState<Point | null>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [editing, setEditing] = useState<{ at: Point; id?: string; initial: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  /** A line drawn over the background, waiting for its real length. */
  const [calibrating, setCalibrating] = useState<[Point, Point] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  /** The person has clicked, scrolled or typed on the scene: the view is theirs. */
  const touched = useRef(false);
  const panel = useSidePanel(root);
  const clipboard = useRef<SceneObject[]>([]);
  const remoteSelections = useRemoteSelections(awareness, boardId, selection);
  const { remote, publish } = useSceneAwareness(awareness, boardId);

  const byId = useMemo(() => new Map(objects.map((o) => [o.id, o])), [objects]);
  const references = useMemo(
    () => referencePoints(objects, settings.references),
    [objects, settings.references],
  );
  const numbers = useMemo(
    () => markerNumbers(objects.filter((o) => o.shape === 'marker')),
    [objects],
  );
  const grid = settings.gridMetres;

  const run = useCallback(
    (action: () => void) => {
      try {
        action();
        setError(null);
      } catch (err) {
        setError(commandErrorText(t, err));
      }
    },
    [t],
  );

  const toWorld = useCallback(
    (clientX: number, clientY: number): Point => {
      const box = svg.current!.getBoundingClientRect();
      return {
        x: (clientX - box.left - view.x) / (PX * view.k),
        y: (clientY - box.top - view.y) / (PX * view.k),
      };
    },
    [view],
  );
  // Points snap to half a grid square (Alt: no snapping).
  const snapped = (p: Point, free: boolean): Point =>
    free ? p : { x: snap(p.x, grid / 2), y: snap(p.y, grid / 2) };

  /** Selected ids with the rest of their groups. */
  const withGroups = (ids: string[]): string[] => {
    const groups = new Set(ids.map((id) => byId.get(id)?.group).filter(Boolean));
    if (groups.size === 0) return ids;
    return [
      ...new Set([
        ...ids,
        ...objects.filter((o) => o.group && groups.has(o.group)).map((o) => o.id),
      ]),
    ];
  };

  const add = (object: SceneObjectInput): string | null => {
    let id: string | null = null;
    run(() => {
      id = addSceneObject(doc, { boardId, object }, origin);
    });
    return id;
  };

  const finishDraft = (closed: boolean) => {
    const points = draft;
    setDraft([]);
    if (points.length < 2) return;
    const shape = tool as 'wall' | 'polygon' | 'line' | 'arrow';
    const id = add({
      shape,
      points,
      closed: shape === 'polygon' ? true : shape === 'wall' ? closed : false,
      ...(shape === 'wall' ? { thickness: 0.2 } : {}),
    });
    if (id) setSelection([id]);
  };

  const objectAt = (target: EventTarget | null): SceneObject | null => {
    const el = (target as Element | null)?.closest?.('[data-id]');
    const id = el?.getAttribute('data-id');
    const o = id ? byId.get(id) : undefined;
    return o && !o.background ? o : null;
  };

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    fitted.current = true;
    touched.current = true;
    container.current?.focus({ preventScroll: true });
    const world = toWorld(event.clientX, event.clientY);
    const p = snapped(world, event.altKey);
    (event.target as Element).setPointerCapture?.(event.pointerId);
    if (event.button === 1 || tool === 'pan') {
      setGesture({ kind: 'pan', start: { x: event.clientX, y: event.clientY }, view });
      return;
    }
    const handle = (event.target as Element).getAttribute('data-handle');
    if (handle && selection.length === 1 && !readOnly) {
      const o = byId.get(selection[0]!)!;
      if (handle === 'rotate')
        setGesture({ kind: 'rotate', id: o.id, centre: centreOf(o), angle: o.rotation });
      else
        setGesture({
          kind: 'resize',
          id: o.id,
          origin: { x: o.x, y: o.y },
          w: o.w,
          h: o.h,
          ratio: o.shape === 'symbol' ? o.w / Math.max(o.h, 1e-6) : null,
        });
      return;
    }
    if (tool === 'select') {
      const hit = objectAt(event.target);
      if (!hit) {
        // Shift+drag on the empty scene selects what the rectangle touches; a plain drag pans.
        if (event.shiftKey)
          setGesture({ kind: 'marquee', start: world, end: world, base: selection });
        else {
          setSelection([]);
          setGesture({ kind: 'pan', start: { x: event.clientX, y: event.clientY }, view });
        }
        return;
      }
      const picked = withGroups([hit.id]);
      const next = event.shiftKey
        ? selection.includes(hit.id)
          ? selection.filter((id) => !picked.includes(id))
          : [...selection, ...picked]
        : selection.includes(hit.id)
          ? selection
          : picked;
      setSelection(next);
      if (!readOnly && next.includes(hit.id))
        setGesture({ kind: 'move', start: world, ids: next, dx: 0, dy: 0 });
      return;
    }
    if (readOnly) return;
    if (MULTI_POINT.has(tool)) {
      if (tool === 'wall' && draft.length >= 3 && distance(p, draft[0]!) < Math.max(grid, 0.25)) {
        finishDraft(true);
        return;
      }
      setDraft((d) => [...d, p]);
      return;
    }
    if (DRAG_SHAPE.has(tool)) {
      const pin = tool === 'measure' ? objectAt(event.target) : null;
      const start = pin ? centreOf(pin) : p;
      setGesture({ kind: 'shape', tool, start, end: start, pins: [pin?.id ?? null, null] });
      return;
    }
    if (tool === 'text') {
      setEditing({ at: p, initial: '' });
      return;
    }
    if (tool === 'marker' || tool === 'refpoint') {
      const label =
        tool === 'refpoint'
          ? String.fromCharCode(65 + (objects.filter((o) => o.shape === 'refpoint').length % 26))
          : '';
      const id = add({ shape: tool, x: p.x, y: p.y, label });
      if (id) setSelection([id]);
      return;
    }
    if (tool === 'scalebar' || tool === 'north') {
      const id = add({ shape: tool, x: p.x, y: p.y });
      if (id) setSelection([id]);
      setTool('select');
      return;
    }
    if (tool.startsWith('symbol:')) {
      const symbol = symbolById(tool.slice(7));
      if (!symbol) return;
      const id = add({
        shape: 'symbol',
        symbol: symbol.id,
        x: p.x - symbol.w / 2,
        y: p.y - symbol.h / 2,
        w: symbol.w,
        h: symbol.h,
      });
      if (id) setSelection([id]);
      setTool('select');
    }
  };

  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const world = toWorld(event.clientX, event.clientY);
    publish({ cursor: world });
    if (MULTI_POINT.has(tool) && draft.length > 0) setPointer(snapped(world, event.altKey));
    if (!gesture) return;
    switch (gesture.kind) {
      case 'pan':
        setView({
          ...gesture.view,
          x: gesture.view.x + event.clientX - gesture.start.x,
          y: gesture.view.y + event.clientY - gesture.start.y,
        });
        break;
      case 'marquee':
        setGesture({ ...gesture, end: world });
        break;
      case 'move': {
        let dx = event.altKey
          ? world.x - gesture.start.x
          : snap(world.x - gesture.start.x, grid / 5);
        let dy = event.altKey
          ? world.y - gesture.start.y
          : snap(world.y - gesture.start.y, grid / 5);
        if (!event.altKey) [dx, dy] = snapToEdges(gesture.ids, dx, dy);
        setGesture({ ...gesture, dx, dy });
        publish({ drag: { ids: gesture.ids, dx, dy } });
        break;
      }
      case 'rotate': {
        const raw =
          (Math.atan2(world.y - gesture.centre.y, world.x - gesture.centre.x) * 180) / Math.PI + 90;
        setGesture({
          ...gesture,
          angle: event.shiftKey ? snapAngle(raw) : ((raw % 360) + 360) % 360,
        });
        break;
      }
      case 'resize': {
        let w = Math.max(0.05, world.x - gesture.origin.x);
        let h = Math.max(0.05, world.y - gesture.origin.y);
        if (gesture.ratio && !event.shiftKey) h = w / gesture.ratio;
        if (!event.altKey && !gesture.ratio) {
          w = Math.max(grid / 5, snap(w, grid / 5));
          h = Math.max(grid / 5, snap(h, grid / 5));
        }
        setGesture({ ...gesture, w, h });
        break;
      }
      case 'shape': {
        const pin = gesture.tool === 'measure' ? objectAt(event.target) : null;
        const end =
          pin && pin.id !== gesture.pins[0] ? centreOf(pin) : snapped(world, event.altKey);
        setGesture({
          ...gesture,
          end,
          pins: [gesture.pins[0], pin && pin.id !== gesture.pins[0] ? pin.id : null],
        });
        break;
      }
    }
  };

  /**
   * Moves (dx, dy) a little further so that an edge or centre of what is dragged lines up with an
   * edge or centre of another object, when one is within 6 pixels.
   */
  const snapToEdges = (ids: string[], dx: number, dy: number): [number, number] => {
    const moving = new Set(ids);
    const boxes = ids
      .map((id) => byId.get(id))
      .filter((o): o is SceneObject => !!o)
      .map(boundsOf);
    if (boxes.length === 0) return [dx, dy];
    const own = {
      x0: Math.min(...boxes.map((b) => b.x0)) + dx,
      x1: Math.max(...boxes.map((b) => b.x1)) + dx,
      y0: Math.min(...boxes.map((b) => b.y0)) + dy,
      y1: Math.max(...boxes.map((b) => b.y1)) + dy,
    };
    const reach = 6 / (PX * view.k);
    let bestX: number | null = null;
    let bestY: number | null = null;
    for (const o of objects) {
      if (moving.has(o.id) || o.background) continue;
      const b = boundsOf(o);
      for (const target of [b.x0, b.x1, (b.x0 + b.x1) / 2])
        for (const edge of [own.x0, own.x1, (own.x0 + own.x1) / 2]) {
          const d = target - edge;
          if (Math.abs(d) <= reach && (bestX === null || Math.abs(d) < Math.abs(bestX))) bestX = d;
        }
      for (const target of [b.y0, b.y1, (b.y0 + b.y1) / 2])
        for (const edge of [own.y0, own.y1, (own.y0 + own.y1) / 2]) {
          const d = target - edge;
          if (Math.abs(d) <= reach && (bestY === null || Math.abs(d) < Math.abs(bestY))) bestY = d;
        }
    }
    return [dx + (bestX ?? 0), dy + (bestY ?? 0)];
  };

  const onPointerUp = () => {
    const g = gesture;
    setGesture(null);
    if (!g) return;
    if (g.kind === 'marquee') {
      const x0 = Math.min(g.start.x, g.end.x);
      const x1 = Math.max(g.start.x, g.end.x);
      const y0 = Math.min(g.start.y, g.end.y);
      const y1 = Math.max(g.start.y, g.end.y);
      const inside = objects
        .filter((o) => {
          if (o.background) return false;
          const b = boundsOf(o);
          return b.x1 >= x0 && b.x0 <= x1 && b.y1 >= y0 && b.y0 <= y1;
        })
        .map((o) => o.id);
      setSelection(withGroups([...new Set([...g.base, ...inside])]));
      return;
    }
    if (g.kind === 'move') {
      publish({ drag: null });
      if (g.dx === 0 && g.dy === 0) return;
      run(() =>
        updateSceneObjects(
          doc,
          {
            boardId,
            patches: g.ids
              .map((id) => byId.get(id))
              .filter((o): o is SceneObject => !!o && !o.locked)
              .map((o) => ({ id: o.id, patch: movePatch(o, g.dx, g.dy) })),
          },
          origin,
        ),
      );
    } else if (g.kind === 'rotate') {
      run(() =>
        updateSceneObjects(
          doc,
          { boardId, patches: [{ id: g.id, patch: { rotation: g.angle } }] },
          origin,
        ),
      );
    } else if (g.kind === 'resize') {
      run(() =>
        updateSceneObjects(
          doc,
          { boardId, patches: [{ id: g.id, patch: { w: g.w, h: g.h } }] },
          origin,
        ),
      );
    } else if (g.kind === 'shape') {
      const { start, end } = g;
      if (distance(start, end) < 0.05) return;
      if (g.tool === 'calibrate') {
        setCalibrating([start, end]);
        setTool('select');
        return;
      }
      const id =
        g.tool === 'measure'
          ? add({ shape: 'measure', points: [start, end], pins: g.pins })
          : add({
              shape: g.tool as 'rect' | 'ellipse',
              x: Math.min(start.x, end.x),
              y: Math.min(start.y, end.y),
              w: Math.abs(end.x - start.x),
              h: Math.abs(end.y - start.y),
            });
      if (id) setSelection([id]);
    }
  };

  const onWheel = useCallback((event: WheelEvent) => {
    event.preventDefault();
    touched.current = true;
    const box = svg.current!.getBoundingClientRect();
    const mx = event.clientX - box.left;
    const my = event.clientY - box.top;
    setView((v) => {
      const k = Math.min(40, Math.max(0.02, v.k * Math.exp(-event.deltaY * 0.0015)));
      return { k, x: mx - ((mx - v.x) * k) / v.k, y: my - ((my - v.y) * k) / v.k };
    });
  }, []);
  useEffect(() => {
    const el = svg.current;
    el?.addEventListener('wheel', onWheel, { passive: false });
    return () => el?.removeEventListener('wheel', onWheel);
  }, [onWheel]);

  const selected = selection.map((id) => byId.get(id)).filter((o): o is SceneObject => !!o);

  /** Zooms to show the whole scene (the key 0, and once when the board opens). */
  const fit = useCallback(() => {
    const box = svg.current?.getBoundingClientRect();
    const shown = objects.filter((o) => o.shape !== 'measure' || o.points.length > 0);
    if (!box || box.width === 0 || shown.length === 0) return;
    const bounds = shown.map(boundsOf);
    const x0 = Math.min(...bounds.map((b) => b.x0));
    const y0 = Math.min(...bounds.map((b) => b.y0));
    const x1 = Math.max(...bounds.map((b) => b.x1));
    const y1 = Math.max(...bounds.map((b) => b.y1));
    const k = Math.min(
      4,
      Math.max(
        0.02,
        Math.min(
          (box.width - 80) / ((x1 - x0 || 1) * PX),
          (box.height - 80) / ((y1 - y0 || 1) * PX),
        ),
      ),
    );
    setView({
      k,
      x: box.width / 2 - ((x0 + x1) / 2) * PX * k,
      y: box.height / 2 - ((y0 + y1) / 2) * PX * k,
    });
  }, [objects]);
  // A scene that opens with objects (or receives them while it loads) is shown whole; one that
  // the person has started to work on is never moved under their hands.
  const fitted = useRef(false);
  const [openedAt] = useState(() => Date.now());
  useEffect(() => {
    if (fitted.current || objects.length === 0) return;
    fitted.current = true;
    if (Date.now() - openedAt < 3000) fit();
  }, [objects, fit, openedAt]);
  // The canvas may still change size as the page settles (the side panel folds away beside the
  // register): a scene nobody has touched yet is fitted again.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (fitted.current && !touched.current && Date.now() - openedAt < 3000) fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit, openedAt]);

  /** What the selection bar and the keys do to the selection. */
  const actions: SelectionActions = {
    paste: (source: SceneObject[]) => {
      if (source.length === 0) return;
      const ids: string[] = [];
      run(() =>
        doc.transact(() => {
          for (const o of source) {
            const { id: _id, z: _z, number: _n, ...rest } = shifted(o, 0.5, 0.5);
            ids.push(addSceneObject(doc, { boardId, object: { ...rest, locked: false } }, origin));
          }
        }, origin),
      );
      setSelection(ids);
    },
    remove: () => {
      run(() => deleteSceneObjects(doc, { boardId, ids: selection }, origin));
      setSelection([]);
    },
    group: (on: boolean) =>
      run(() => groupSceneObjects(doc, { boardId, ids: selection, group: on }, origin)),
    lock: () => {
      const lock = !selected.every((o) => o.locked);
      run(() =>
        updateSceneObjects(
          doc,
          { boardId, patches: selected.map((o) => ({ id: o.id, patch: { locked: lock } })) },
          origin,
        ),
      );
    },
    order: (to: 'front' | 'back' | 'forward' | 'backward') =>
      run(() => reorderSceneObjects(doc, { boardId, ids: selection, to }, origin)),
    /** Lines up the selection's left (or top) edges with the outermost one. */
    align: (edge: 'left' | 'top') => {
      const movable = selected.filter((o) => !o.locked);
      const target = Math.min(...movable.map((o) => boundsOf(o)[edge === 'left' ? 'x0' : 'y0']));
      run(() =>
        updateSceneObjects(
          doc,
          {
            boardId,
            patches: movable.map((o) => {
              const d = target - boundsOf(o)[edge === 'left' ? 'x0' : 'y0'];
              return { id: o.id, patch: edge === 'left' ? movePatch(o, d, 0) : movePatch(o, 0, d) };
            }),
          },
          origin,
        ),
      );
    },
    /** Spaces the selection's centres evenly from left to right. */
    distribute: () => {
      const movable = selected.filter((o) => !o.locked);
      const places = distribute(movable.map((o) => ({ id: o.id, centre: centreOf(o).x })));
      run(() =>
        updateSceneObjects(
          doc,
          {
            boardId,
            patches: movable
              .filter((o) => places.has(o.id))
              .map((o) => ({
                id: o.id,
                patch: movePatch(o, places.get(o.id)! - centreOf(o).x, 0),
              })),
          },
          origin,
        ),
      );
    },
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (editing || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    touched.current = true;
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (
      !ctrl &&
      !event.altKey &&
      TOOL_KEYS[key] &&
      (!readOnly || TOOL_KEYS[key] === 'select' || TOOL_KEYS[key] === 'pan')
    ) {
      setTool(TOOL_KEYS[key]);
      setDraft([]);
      event.preventDefault();
      return;
    }
    if (event.key === '?') {
      setHelpOpen(true);
      event.preventDefault();
      return;
    }
    if (event.key === '0' && !ctrl) {
      fit();
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      if (draft.length > 0) setDraft([]);
      else if (tool !== 'select') setTool('select');
      else setSelection([]);
      return;
    }
    if (event.key === 'Enter' && draft.length > 0) {
      finishDraft(false);
      event.preventDefault();
      return;
    }
    if (readOnly) return;
    if ((event.key === 'Delete' || event.key === 'Backspace') && selection.length > 0) {
      actions.remove();
      event.preventDefault();
      return;
    }
    if (event.key.startsWith('Arrow') && selected.length > 0) {
      const step = event.shiftKey ? 0.5 : 0.05;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      run(() =>
        updateSceneObjects(
          doc,
          { boardId, patches: selected.map((o) => ({ id: o.id, patch: movePatch(o, dx, dy) })) },
          origin,
        ),
      );
      event.preventDefault();
      return;
    }
    if (ctrl && (key === 'c' || key === 'x') && selected.length > 0) {
      clipboard.current = selected;
      if (key === 'x') actions.remove();
      event.preventDefault();
      return;
    }
    if (ctrl && (key === 'v' || key === 'd')) {
      actions.paste(key === 'd' ? selected : clipboard.current);
      event.preventDefault();
      return;
    }
    if (ctrl && key === 'g' && selected.length > 0) {
      actions.group(!event.shiftKey);
      event.preventDefault();
      return;
    }
    if (ctrl && key === 'l' && selected.length > 0) {
      actions.lock();
      event.preventDefault();
      return;
    }
    if ((event.key === ']' || event.key === '[') && selected.length > 0) {
      actions.order(event.key === ']' ? (ctrl ? 'front' : 'forward') : ctrl ? 'back' : 'backward');
      event.preventDefault();
    }
  };

  // What is drawn: the stored objects, with drags in progress (ours and other people's) applied.
  const drawn = useMemo(() => {
    const local = gesture?.kind === 'move' ? gesture : null;
    return objects.map((o) => {
      if (local?.ids.includes(o.id) && !o.locked) return shifted(o, local.dx, local.dy);
      const theirs = remote.drags.get(o.id);
      if (theirs && !o.locked) return shifted(o, theirs.dx, theirs.dy);
      if (gesture?.kind === 'rotate' && gesture.id === o.id)
        return { ...o, rotation: gesture.angle };
      if (gesture?.kind === 'resize' && gesture.id === o.id)
        return { ...o, w: gesture.w, h: gesture.h };
      return o;
    });
  }, [objects, gesture, remote.drags]);
  const drawnById = useMemo(() => new Map(drawn.map((o) => [o.id, o])), [drawn]);

  const scale = PX * view.k;
  const px = (n: number) => n / scale; // a length in screen pixels, in metres
  // Labels keep their real size until that would be under 11 px; then they keep 11 px, in steps
  // of a quarter octave so that zooming re-draws the objects only now and then.
  const labelMetres = Math.max(BASE_TEXT, 2 ** (Math.ceil(Math.log2(11 / scale) * 4) / 4));
  // Measurement labels first (clear of symbols and markers), then area labels clear of them too.
  const labelCache = useRef<{ measures: LabelCache; areas: LabelCache }>({
    measures: new Map(),
    areas: new Map(),
  });
  const labelPlaces = useMemo(() => {
    const cache = labelCache.current;
    const measures = measureLabelPlaces(drawn, labelMetres, cache.measures);
    const areas = areaLabelPlaces(drawn, labelMetres * 1.2, language, measures, cache.areas);
    return new Map([...measures, ...areas]);
  }, [drawn, labelMetres, language]);

  const selectionBox = (o: SceneObject, color: string, dashed: boolean, key: string) => {
    const b = boundsOf(o);
    return (
      <rect
        key={key}
        x={b.x0 - px(4)}
        y={b.y0 - px(4)}
        width={b.x1 - b.x0 + px(8)}
        height={b.y1 - b.y0 + px(8)}
        className="scene-selection"
        stroke={color}
        strokeDasharray={dashed ? '6 4' : undefined}
        data-testid={dashed ? 'scene-remote-selection' : 'scene-selection'}
      />
    );
  };

  const single = selected.length === 1 ? drawnById.get(selected[0]!.id) : undefined;
  const canTransform =
    single &&
    !single.locked &&
    !readOnly &&
    !['wall', 'polygon', 'line', 'arrow', 'measure', 'marker', 'refpoint', 'scalebar'].includes(
      single.shape,
    );

  return (
    <div className="scene" data-testid="scene" ref={root}>
      <div className="scene__toolbar" role="toolbar">
        {TOOLBAR.map((name) => (
          <button
            key={name}
            type="button"
            className={`scene-tool${tool === name ? ' is-active' : ''}`}
            aria-pressed={tool === name}
            title={t(`tools.${name}`)}
            data-testid={`scene-tool-${name}`}
            disabled={readOnly && name !== 'select' && name !== 'pan'}
            onClick={() => {
              setTool(name);
              setDraft([]);
              container.current?.focus({ preventScroll: true });
            }}
          >
            {t(`tools.${name}`).replace(/ \(.\)$/, '')}
          </button>
        ))}
        <button
          type="button"
          className="scene-tool"
          onClick={() => setHelpOpen(true)}
          title={t('help')}
          data-testid="scene-help-button"
        >
          ?
        </button>
        <button
          type="button"
          className="scene-tool"
          onClick={fit}
          title={t('fitKey')}
          data-testid="scene-fit"
        >
          {t('fit')}
        </button>
        <label className="scene__scale">
          {t('scale')}{' '}
          <input
            type="number"
            min={0.01}
            step={0.1}
            key={grid}
            defaultValue={grid}
            disabled={readOnly}
            data-testid="scene-scale"
            onBlur={(event) => {
              const value = Number(event.currentTarget.value.replace(',', '.'));
              if (value !== grid)
                run(() => setSceneScale(doc, { boardId, gridMetres: value }, origin));
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.currentTarget.blur();
              container.current?.focus({ preventScroll: true });
            }}
          />{' '}
          {t('metres')}
        </label>
        <label className="scene__scale">
          <input
            type="checkbox"
            checked={settings.notToScale}
            disabled={readOnly}
            onChange={(event) =>
              run(() =>
                setBoardSetting(
                  doc,
                  { id: boardId, key: 'notToScale', value: event.currentTarget.checked },
                  origin,
                ),
              )
            }
          />{' '}
          {t('notToScale')}
        </label>
      </div>
      {error && (
        <p className="notice notice--danger" role="alert">
          {error}
        </p>
      )}
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
            onDoubleClick={(event) => {
              if (draft.length > 0) {
                // The double-click's second click added a point where the first one did.
                setDraft((d) => d.slice(0, -1));
                finishDraft(false);
                return;
              }
              const hit = objectAt(event.target);
              if (
                hit &&
                !readOnly &&
                (hit.shape === 'text' ||
                  hit.shape === 'refpoint' ||
                  hit.shape === 'rect' ||
                  hit.shape === 'ellipse')
              )
                setEditing({ at: { x: hit.x, y: hit.y }, id: hit.id, initial: hit.label });
            }}
          >
            <defs>
              <pattern
                id="scene-grid"
                patternUnits="userSpaceOnUse"
                width={grid * scale}
                height={grid * scale}
                x={view.x}
                y={view.y}
              >
                <path
                  d={`M ${grid * scale} 0 L 0 0 0 ${grid * scale}`}
                  className="scene-grid-line"
                />
              </pattern>
              <marker
                id="scene-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="8"
                markerHeight="8"
                orient="auto-start-reverse"
              >
                <path d="M0 0 L10 5 L0 10 Z" fill="#1f2937" />
              </marker>
              <marker
                id="scene-tick"
                viewBox="0 0 10 10"
                refX="5"
                refY="5"
                markerWidth="10"
                markerHeight="10"
                orient="auto"
              >
                <path d="M5 0 V10" stroke="#b45309" strokeWidth="1.5" />
              </marker>
            </defs>
            {!settings.notToScale && grid * scale >= 6 && (
              <rect width="100%" height="100%" fill="url(#scene-grid)" />
            )}
            <g transform={`translate(${view.x} ${view.y}) scale(${scale})`}>
              {drawn.map((o) => (
                <SceneItem
                  key={o.id}
                  object={o}
                  ends={o.shape === 'measure' ? measureEnds(o, drawnById) : undefined}
                  number={o.shape === 'marker' ? numbers.get(o.id) : undefined}
                  language={language}
                  caseId={caseId}
                  northLabel={t('north')}
                  gridMetres={grid}
                  labelMetres={labelMetres}
                  labelAt={labelPlaces.get(o.id)}
                />
              ))}
              {draft.length > 0 && (
                <polyline
                  points={[...draft, ...(pointer ? [pointer] : [])]
                    .map((p) => `${p.x},${p.y}`)
                    .join(' ')}
                  className="scene-draft"
                  strokeWidth={tool === 'wall' ? 0.2 : px(2)}
                />
              )}
              {gesture?.kind === 'shape' &&
                (gesture.tool === 'measure' || gesture.tool === 'calibrate' ? (
                  <line
                    x1={gesture.start.x}
                    y1={gesture.start.y}
                    x2={gesture.end.x}
                    y2={gesture.end.y}
                    className="scene-draft"
                    strokeWidth={px(2)}
                  />
                ) : (
                  <rect
                    x={Math.min(gesture.start.x, gesture.end.x)}
                    y={Math.min(gesture.start.y, gesture.end.y)}
                    width={Math.abs(gesture.end.x - gesture.start.x)}
                    height={Math.abs(gesture.end.y - gesture.start.y)}
                    className="scene-draft"
                    strokeWidth={px(2)}
                  />
                ))}
              {gesture?.kind === 'marquee' && (
                <rect
                  x={Math.min(gesture.start.x, gesture.end.x)}
                  y={Math.min(gesture.start.y, gesture.end.y)}
                  width={Math.abs(gesture.end.x - gesture.start.x)}
                  height={Math.abs(gesture.end.y - gesture.start.y)}
                  className="scene-draft"
                />
              )}
              {single?.shape === 'marker' &&
                references.map((ref) => {
                  const r = drawnById.get(ref);
                  if (!r) return null;
                  const mid = { x: (single.x + r.x) / 2, y: (single.y + r.y) / 2 };
                  return (
                    <g
                      key={`tri-${ref}`}
                      className="scene-triangulation"
                      data-testid="scene-triangulation"
                    >
                      <line x1={single.x} y1={single.y} x2={r.x} y2={r.y} />
                      <text x={mid.x} y={mid.y} className="scene-label" fontSize={0.24}>
                        {formatMetres(distance(single, r), language)}
                      </text>
                    </g>
                  );
                })}
              {selection.map((id) => {
                const o = drawnById.get(id);
                return o ? selectionBox(o, '#1d4ed8', false, `s-${id}`) : null;
              })}
              {[...remoteSelections].map(([id, color]) => {
                const o = drawnById.get(id);
                return o ? selectionBox(o, color, true, `r-${id}`) : null;
              })}
              {canTransform && single && (
                <>
                  <circle
                    cx={centreOf(single).x}
                    cy={boundsOf(single).y0 - px(24)}
                    r={px(7)}
                    className="scene-handle"
                    data-handle="rotate"
                    data-testid="scene-rotate-handle"
                  >
                    <title>{t('rotate')}</title>
                  </circle>
                  {single.shape !== 'north' && single.shape !== 'text' && (
                    <rect
                      x={single.x + single.w - px(6)}
                      y={single.y + single.h - px(6)}
                      width={px(12)}
                      height={px(12)}
                      className="scene-handle"
                      data-handle="resize"
                      data-testid="scene-resize-handle"
                      transform={
                        single.rotation
                          ? `rotate(${single.rotation} ${centreOf(single).x} ${centreOf(single).y})`
                          : undefined
                      }
                    >
                      <title>{t('resize')}</title>
                    </rect>
                  )}
                </>
              )}
              {remote.cursors.map((c) => (
                <g
                  key={c.client}
                  transform={`translate(${c.x} ${c.y}) scale(${px(1)})`}
                  className="scene-cursor"
                  data-testid="scene-remote-cursor"
                >
                  <path
                    d="M0 0 L0 16 L4 12 L8 20 L11 18 L7 11 L13 11 Z"
                    fill={c.color}
                    stroke="#fff"
                    strokeWidth="1"
                  />
                  <text x="14" y="24" fill={c.color} fontSize="12">
                    {c.name}
                  </text>
                </g>
              ))}
            </g>
          </svg>
          {MULTI_POINT.has(tool) && <p className="scene__hint">{t('finishHint')}</p>}
          {selected.length > 0 && !readOnly && (
            <SceneSelectionBar
              doc={doc}
              boardId={boardId}
              origin={origin}
              selected={selected}
              actions={actions}
              run={run}
            />
          )}
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
            <div
              className="scene__editor"
              style={{
                left: view.x + calibrating[1].x * scale,
                top: view.y + calibrating[1].y * scale,
              }}
            >
              <InlineEdit
                initial=""
                label={t('calibrateLength')}
                testId="scene-calibrate-input"
                onCommit={(text) => {
                  const [a, b] = calibrating;
                  setCalibrating(null);
                  container.current?.focus({ preventScroll: true });
                  const known = Number(text.replace(',', '.'));
                  const background = objects.find((o) => o.background);
                  if (!background || !(known > 0)) return;
                  const f = calibrationFactor(distance(a, b), known);
                  run(() =>
                    updateSceneObjects(
                      doc,
                      {
                        boardId,
                        patches: [
                          {
                            id: background.id,
                            patch: {
                              locked: background.locked ? false : undefined,
                              x: a.x + (background.x - a.x) * f,
                              y: a.y + (background.y - a.y) * f,
                              w: background.w * f,
                              h: background.h * f,
                            },
                          },
                          ...(background.locked
                            ? [{ id: background.id, patch: { locked: true } }]
                            : []),
                        ],
                      },
                      origin,
                    ),
                  );
                }}
                onCancel={() => {
                  setCalibrating(null);
                  container.current?.focus({ preventScroll: true });
                }}
              />
            </div>
          )}
          {editing && (
            <div
              className="scene__editor"
              style={{ left: view.x + editing.at.x * scale, top: view.y + editing.at.y * scale }}
            >
              <InlineEdit
                initial={editing.initial}
                label={t('textPrompt')}
                testId="scene-text-input"
                onCommit={(text) => {
                  const target = editing;
                  setEditing(null);
                  container.current?.focus({ preventScroll: true });
                  if (target.id) {
                    const id = target.id;
                    run(() =>
                      updateSceneObjects(
                        doc,
                        { boardId, patches: [{ id, patch: { label: text } }] },
                        origin,
                      ),
                    );
                  } else if (text.trim()) {
                    const id = add({ shape: 'text', x: target.at.x, y: target.at.y, label: text });
                    if (id) setSelection([id]);
                  }
                }}
                onCancel={() => {
                  setEditing(null);
                  container.current?.focus({ preventScroll: true });
                }}
              />
            </div>
          )}
        </div>
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
            setTool(next);
            container.current?.focus({ preventScroll: true });
          }}
          onSelect={(id) => setSelection([id])}
          run={run}
        />
      </div>
      {helpOpen && (
        <SceneHelp
          onClose={() => {
            setHelpOpen(false);
            container.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </div>
  );
}
