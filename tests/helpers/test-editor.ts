/**
 * A headless editor for boards, in the manner of tldraw's TestEditor: a case document with one
 * board, the board's action context built without a browser, actions run by id, the document read
 * back, and an undo manager like the case session's (one transaction of this person's origin is
 * one undo step).
 */
import * as Y from 'yjs';
import { addBoard } from '../../src/core/commands/boards.ts';
import {
  addSceneObject,
  listSceneObjects,
  type SceneObjectInput,
} from '../../src/core/commands/scene.ts';
import type { Point, SceneObject } from '../../src/core/scene.ts';
import { SCENE_ACTION_BY_ID, type SceneActionContext } from '../../src/boards/scene/actions.ts';
import type { SceneTool } from '../../src/boards/scene/tools.ts';
import { canRun, runAction } from '../../src/ui/actions.ts';

/** The case session's undo manager, on a bare document. */
export function caseUndoManager(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager(
    ['boards', 'register', 'deck', 'files'].map((name) => doc.getMap(name)),
    { trackedOrigins: new Set([origin]), captureTimeout: 0 },
  );
}

/** A scene board with no browser: what a person's keys and buttons do, read from the document. */
export class SceneTestEditor {
  readonly doc = new Y.Doc();
  readonly origin = { person: 'ksv.lan' };
  readonly boardId: string;
  readonly undo: Y.UndoManager;
  selection: string[] = [];
  tool: SceneTool = 'select';
  draft: Point[] = [];
  readOnly = false;
  readonly clipboard: { current: SceneObject[] } = { current: [] };
  /** What the view was asked to do: "fit", "zoom 1.25", "help" … */
  readonly requests: string[] = [];

  constructor() {
    this.boardId = addBoard(this.doc, { kind: 'scene', title: 'Sơ đồ hiện trường' }, 'setup');
    this.undo = caseUndoManager(this.doc, this.origin);
  }

  /** Adds an object outside the undo history (as if a colleague had drawn it); returns its id. */
  add(object: SceneObjectInput): string {
    return addSceneObject(this.doc, { boardId: this.boardId, object }, 'setup');
  }

  /** The board's objects, bottom to top. */
  objects(): SceneObject[] {
    return listSceneObjects(this.doc, this.boardId);
  }

  object(id: string): SceneObject {
    const o = this.objects().find((x) => x.id === id);
    if (!o) throw new Error(`No object ${id} on the board.`);
    return o;
  }

  select(...ids: string[]): this {
    this.selection = ids;
    return this;
  }

  /** The context the board would build now. */
  context(): SceneActionContext {
    const objects = this.objects();
    const byId = new Map(objects.map((o) => [o.id, o]));
    return {
      readOnly: this.readOnly,
      transact: (fn) => this.doc.transact(fn, this.origin),
      doc: this.doc,
      boardId: this.boardId,
      origin: this.origin,
      objects,
      selected: this.selection.map((id) => byId.get(id)).filter((o): o is SceneObject => !!o),
      tool: this.tool,
      draft: this.draft,
      clipboard: this.clipboard,
      select: (ids) => {
        this.selection = ids;
      },
      setTool: (tool) => {
        this.tool = tool;
        this.draft = [];
      },
      cancelDraft: () => {
        this.draft = [];
      },
      finishDraft: () => {
        this.requests.push('finish');
        this.draft = [];
      },
      fit: () => this.requests.push('fit'),
      zoom: (factor) => this.requests.push(`zoom ${factor}`),
      openHelp: () => this.requests.push('help'),
    };
  }

  /** Whether the action could run now (viewer rules and its own condition). */
  can(id: string): boolean {
    return canRun(this.action(id), this.context());
  }

  /** Runs an action by id as the board would; says whether it did something. */
  run(id: string): boolean {
    return runAction(this.action(id), this.context());
  }

  /** How many undo steps there are. */
  undoSteps(): number {
    return this.undo.undoStack.length;
  }

  private action(id: string) {
    const action = SCENE_ACTION_BY_ID.get(id);
    if (!action) throw new Error(`No scene action ${id}.`);
    return action;
  }
}
