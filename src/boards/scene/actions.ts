/**
 * Every action of the scene board, defined once: the key handler, the toolbar's tools, the
 * selection bar and the `?` sheet are generated from this table.
 */
import type * as Y from 'yjs';
import {
  alignSceneObjects,
  distributeSceneObjects,
  groupSceneObjects,
  lockSceneObjects,
  moveSceneObjects,
  pasteSceneObjects,
  reorderSceneObjects,
} from '../../core/commands/sceneArrange.ts';
import { deleteSceneObjects } from '../../core/commands/scene.ts';
import type { Point, SceneObject } from '../../core/scene.ts';
import type { Action, ActionContext } from '../../ui/actions.ts';
import { TOOLBAR, VIEWER_TOOLS, type SceneTool } from './tools.ts';

/** What the scene's actions read and do; the board builds it, tests build it without a browser. */
export interface SceneActionContext extends ActionContext {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  /** The board's objects, bottom to top. */
  objects: readonly SceneObject[];
  /** The selected objects that exist, in selection order. */
  selected: readonly SceneObject[];
  tool: SceneTool;
  /** The points of a wall, polygon or line being drawn. */
  draft: readonly Point[];
  /** What Ctrl+C or Ctrl+X copied (this session only). */
  clipboard: { current: SceneObject[] };
  select(ids: string[]): void;
  /** Picks a tool (dropping a drawing in progress). */
  setTool(tool: SceneTool): void;
  cancelDraft(): void;
  finishDraft(): void;
  fit(): void;
  /** Zooms about the canvas's centre. */
  zoom(factor: number): void;
  openHelp(): void;
}

/** A scene action, with where it shows besides the keys. */
export interface SceneAction extends Action<SceneActionContext> {
  /** Shown on the selection bar, with this label when it depends on the selection. */
  bar?: boolean | ((c: SceneActionContext) => string);
  testId?: string;
  /** Listed in the `?` sheet (default true). */
  help?: boolean;
}

const ids = (c: SceneActionContext) => c.selected.map((o) => o.id);
const some = (c: SceneActionContext) => c.selected.length > 0;
/** Nudges move 5 cm, or 50 cm with Shift. */
const NUDGE = 0.05;

const toolActions: SceneAction[] = TOOLBAR.map(({ tool, key }) => ({
  id: `scene.tool.${tool}`,
  label: `scene:tools.${tool}`,
  keys: key ? [key] : undefined,
  group: 'tools',
  viewer: VIEWER_TOOLS.has(tool),
  noTransaction: true,
  testId: `scene-tool-${tool}`,
  perform: (c) => c.setTool(tool),
}));

const nudges: SceneAction[] = (
  [
    ['Left', -1, 0],
    ['Right', 1, 0],
    ['Up', 0, -1],
    ['Down', 0, 1],
  ] as const
).flatMap(([side, x, y]) =>
  [1, 10].map((times) => ({
    id: `scene.nudge${side}${times === 10 ? 'Far' : ''}`,
    label: `scene:actions.nudge${side}`,
    keys: [times === 10 ? `Shift+Arrow${side}` : `Arrow${side}`],
    group: 'arrange',
    help: times === 1,
    enabled: some,
    perform: (c: SceneActionContext) =>
      moveSceneObjects(
        c.doc,
        { boardId: c.boardId, ids: ids(c), dx: x * NUDGE * times, dy: y * NUDGE * times },
        c.origin,
      ),
  })),
);

const order = (to: 'front' | 'back' | 'forward' | 'backward', keys: string[]): SceneAction => ({
  id: `scene.${to}`,
  label: `scene:actions.${to}`,
  keys,
  group: 'arrange',
  bar: to === 'front' || to === 'back',
  enabled: some,
  perform: (c) => reorderSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c), to }, c.origin),
});

export const SCENE_ACTIONS: readonly SceneAction[] = [
  ...toolActions,
  {
    id: 'scene.cancel',
    label: 'scene:actions.cancel',
    keys: ['Escape'],
    group: 'draw',
    viewer: true,
    noTransaction: true,
    perform: (c) => {
      if (c.draft.length > 0) c.cancelDraft();
      else if (c.tool !== 'select') c.setTool('select');
      else c.select([]);
    },
  },
  {
    id: 'scene.finish',
    label: 'scene:actions.finish',
    keys: ['Enter'],
    group: 'draw',
    enabled: (c) => c.draft.length > 0,
    perform: (c) => c.finishDraft(),
  },
  {
    id: 'scene.duplicate',
    label: 'scene:duplicate',
    keys: ['Mod+D'],
    group: 'edit',
    bar: true,
    enabled: some,
    perform: (c) =>
      c.select(
        pasteSceneObjects(
          c.doc,
          { boardId: c.boardId, objects: c.selected, dx: 0.5, dy: 0.5 },
          c.origin,
        ),
      ),
  },
  {
    id: 'scene.delete',
    label: 'scene:delete',
    keys: ['Delete', 'Backspace'],
    group: 'edit',
    bar: true,
    testId: 'scene-delete',
    enabled: some,
    perform: (c) => {
      deleteSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c) }, c.origin);
      c.select([]);
    },
  },
  {
    id: 'scene.copy',
    label: 'scene:actions.copy',
    keys: ['Mod+C'],
    group: 'edit',
    noTransaction: true,
    enabled: some,
    perform: (c) => {
      c.clipboard.current = [...c.selected];
    },
  },
  {
    id: 'scene.cut',
    label: 'scene:actions.cut',
    keys: ['Mod+X'],
    group: 'edit',
    enabled: some,
    perform: (c) => {
      c.clipboard.current = [...c.selected];
      deleteSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c) }, c.origin);
      c.select([]);
    },
  },
  {
    id: 'scene.paste',
    label: 'scene:actions.paste',
    keys: ['Mod+V'],
    group: 'edit',
    enabled: (c) => c.clipboard.current.length > 0,
    perform: (c) =>
      c.select(
        pasteSceneObjects(
          c.doc,
          { boardId: c.boardId, objects: c.clipboard.current, dx: 0.5, dy: 0.5 },
          c.origin,
        ),
      ),
  },
  {
    id: 'scene.lock',
    label: 'scene:actions.lock',
    keys: ['Mod+L'],
    group: 'arrange',
    bar: (c) => (c.selected.every((o) => o.locked) ? 'scene:unlock' : 'scene:lock'),
    testId: 'scene-lock',
    enabled: some,
    perform: (c) =>
      lockSceneObjects(
        c.doc,
        { boardId: c.boardId, ids: ids(c), locked: !c.selected.every((o) => o.locked) },
        c.origin,
      ),
  },
  {
    id: 'scene.group',
    label: 'scene:group',
    keys: ['Mod+G'],
    group: 'arrange',
    bar: true,
    enabled: (c) => c.selected.length > 1,
    perform: (c) =>
      void groupSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c), group: true }, c.origin),
  },
  {
    id: 'scene.ungroup',
    label: 'scene:ungroup',
    keys: ['Mod+Shift+G'],
    group: 'arrange',
    bar: true,
    enabled: (c) => c.selected.some((o) => o.group),
    perform: (c) =>
      void groupSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c), group: false }, c.origin),
  },
  order('front', ['Mod+]']),
  order('back', ['Mod+[']),
  order('forward', [']']),
  order('backward', ['[']),
  ...(['left', 'top'] as const).map((edge): SceneAction => ({
    id: edge === 'left' ? 'scene.alignLeft' : 'scene.alignTop',
    label: edge === 'left' ? 'scene:alignLeft' : 'scene:alignTop',
    group: 'arrange',
    bar: true,
    testId: edge === 'left' ? 'scene-align-left' : undefined,
    enabled: (c) => c.selected.length > 1,
    perform: (c) => alignSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c), edge }, c.origin),
  })),
  {
    id: 'scene.distribute',
    label: 'scene:distribute',
    group: 'arrange',
    bar: true,
    testId: 'scene-distribute',
    enabled: (c) => c.selected.length > 2,
    perform: (c) => distributeSceneObjects(c.doc, { boardId: c.boardId, ids: ids(c) }, c.origin),
  },
  ...nudges,
  {
    id: 'scene.fit',
    label: 'scene:keys.fit',
    keys: ['0'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.fit(),
  },
  {
    id: 'scene.zoomIn',
    label: 'scene:actions.zoomIn',
    keys: ['+', '='],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.zoom(1.25),
  },
  {
    id: 'scene.zoomOut',
    label: 'scene:actions.zoomOut',
    keys: ['-'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.zoom(0.8),
  },
  {
    id: 'scene.help',
    label: 'scene:keys.help',
    keys: ['?'],
    group: 'view',
    viewer: true,
    noTransaction: true,
    perform: (c) => c.openHelp(),
  },
];

/** The actions by id. */
export const SCENE_ACTION_BY_ID: ReadonlyMap<string, SceneAction> = new Map(
  SCENE_ACTIONS.map((a) => [a.id, a]),
);
