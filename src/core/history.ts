import * as Y from 'yjs';
import {
  boardsOf,
  eachRecord,
  isRecord,
  readBoard,
  recordAt,
  registerOf,
  textField,
  type YRecord,
} from './doc.ts';

/**
 * Versions of a case: what changed between two states of its document, and restoring one as a new
 * change. A version is an encoded Yjs state kept by the server; `docFromState` opens it.
 */

/**
 * The parts of the document a version restores. `meta` (title, number …) follows the case record;
 * review notes are a conversation about the case, not its content, and are left as they are.
 */
export const RESTORED_ROOTS = [
  'boards',
  'register',
  'deck',
  'files',
  'procedure',
  'report',
] as const;

/** A read-only document of a stored version. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Makes `doc`'s boards, register, deck, case file, procedure and report settings equal to
 * `version`'s, in one transaction with `origin`: a new change every collaborator receives, that the
 * person's undo takes back in one step. Only what differs is written, so a restore of an unchanged
 * case writes nothing.
 */
export function restoreVersion(doc: Y.Doc, version: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    for (const root of RESTORED_ROOTS) syncMap(doc.getMap(root), version.getMap(root));
  }, origin);
}

function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  source.forEach((value, key) => {
    const current = target.get(key);
    if (value instanceof Y.Map) {
      if (current instanceof Y.Map) syncMap(current, value);
      else target.set(key, cloneValue(value));
    } else if (value instanceof Y.Array || value instanceof Y.Text) {
      if (
        current?.constructor !== value.constructor ||
        JSON.stringify((current as Y.AbstractType<unknown>).toJSON()) !==
          JSON.stringify(value.toJSON())
      )
        target.set(key, cloneValue(value));
    } else if (JSON.stringify(current) !== JSON.stringify(value)) {
      target.set(key, cloneValue(value));
    }
  });
}

/** A copy of a value that can be inserted into another document (Yjs types cannot be moved). */
function cloneValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    value.forEach((v, k) => copy.set(k, cloneValue(v)));
    return copy;
  }
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    copy.push(value.toArray().map(cloneValue));
    return copy;
  }
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  return value;
}

/** What changed on one board between two states. */
export interface BoardDiff {
  boardId: string;
  title: string;
  kind: string;
  /** The board itself was added or removed, or only its content changed. */
  status: 'added' | 'removed' | 'changed';
  added: string[];
  removed: string[];
  /** Moved: another parent or order (mind maps), another position (the others). */
  moved: string[];
  relabelled: string[];
  /** Node id → the text it shows, in whichever state has it, to name changes in a list. */
  labels: Record<string, string>;
  /**
   * Node id → what a scene object without a text is (its shape, a marker's number, a symbol's id),
   * for the page to name it in its language ("Dấu vết số 3", "Ô tô con"); only such objects.
   */
  objects: Record<string, SceneObjectName>;
}

/** What a scene object without a text of its own is, to be named in the page's language. */
export interface SceneObjectName {
  shape: string;
  /** A marker's number. */
  number?: number;
  /** A symbol's id in the symbol library. */
  symbol?: string;
}

const POSITION_KEYS = ['x', 'y', 'w', 'h', 'rotation', 'points', 'parent', 'order'] as const;

/**
 * A board that draws register entities rather than nodes of its own (the timeline draws the
 * events): its diff is of those entities; a change of a `positionFields` field is a move (another
 * place on the time axis), a change of any other field a change of content.
 */
export interface DrawnEntities {
  kinds: readonly string[];
  positionFields: readonly string[];
}

/**
 * The boards that differ between `before` and `after`, each with its nodes added, removed, moved
 * and relabelled; boards without a difference are left out.
 * `positionKeys` names, per board kind, the node keys whose change counts as a move (the board
 * registry's descriptors); by default every kind's. `drawnEntities` names the register entities a
 * kind draws instead of nodes (by default none), whose changes are then that board's.
 * @example diffVersions(versionDoc, currentDoc) // [{ title: 'Sơ đồ', added: ['k3'], … }]
 */
export function diffVersions(
  before: Y.Doc,
  after: Y.Doc,
  positionKeys: (kind: string) => readonly string[] = () => POSITION_KEYS,
  drawnEntities: (kind: string) => DrawnEntities | null = () => null,
): BoardDiff[] {
  const out: BoardDiff[] = [];
  const a = boardsOf(before);
  const b = boardsOf(after);
  const ids = new Set([...a.keys(), ...b.keys()]);
  for (const id of [...ids].sort()) {
    const old = recordAt(a, id);
    const now = recordAt(b, id);
    const summary = readBoard(now ?? old);
    if (!summary) continue;
    const diff: BoardDiff = {
      boardId: id,
      title: summary.title,
      kind: summary.kind,
      status: !old ? 'added' : !now ? 'removed' : 'changed',
      added: [],
      removed: [],
      moved: [],
      relabelled: [],
      labels: {},
      objects: {},
    };
    const drawn = drawnEntities(summary.kind);
    const keys = drawn ? drawn.positionFields : positionKeys(summary.kind);
    const oldNodes = drawn ? entitiesOf(before, old ? drawn.kinds : undefined) : nodesOfBoard(old);
    const newNodes = drawn ? entitiesOf(after, now ? drawn.kinds : undefined) : nodesOfBoard(now);
    // An entity a board draws (a timeline's event) is named by its own name.
    const label = drawn ? (e: YRecord) => textField(e, 'name') : labelOf;
    const differs = (a: YRecord, b: YRecord, k: string) =>
      JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k));
    const name = (nodeId: string, node: YRecord, doc: Y.Doc) => {
      diff.labels[nodeId] = label(node, doc);
      const object = drawn || diff.labels[nodeId] ? null : sceneObjectName(node);
      if (object) diff.objects[nodeId] = object;
    };
    for (const [nodeId, node] of newNodes) {
      name(nodeId, node, after);
      const was = oldNodes.get(nodeId);
      if (!was) {
        diff.added.push(nodeId);
        continue;
      }
      if (keys.some((k) => differs(was, node, k))) diff.moved.push(nodeId);
      const content = drawn
        ? [...new Set([...was.keys(), ...node.keys()])].some(
            (k) => !keys.includes(k) && differs(was, node, k),
          )
        : labelOf(was, before) !== labelOf(node, after);
      if (content) diff.relabelled.push(nodeId);
    }
    for (const [nodeId, node] of oldNodes)
      if (!newNodes.has(nodeId)) {
        diff.removed.push(nodeId);
        name(nodeId, node, before);
      }
    const titleChanged = old && now && old.get('title') !== now.get('title');
    if (
      diff.status !== 'changed' ||
      titleChanged ||
      diff.added.length + diff.removed.length + diff.moved.length + diff.relabelled.length > 0
    )
      out.push(diff);
  }
  return out;
}

/** The register's entities of these kinds (none when the board is not in that state). */
function entitiesOf(doc: Y.Doc, kinds: readonly string[] | undefined): Map<string, YRecord> {
  const out = new Map<string, YRecord>();
  if (kinds)
    eachRecord(registerOf(doc), (entity, id) => {
      if (kinds.includes(String(entity.get('kind')))) out.set(id, entity);
    });
  return out;
}

function nodesOfBoard(board: YRecord | undefined): Map<string, YRecord> {
  const nodes = board?.get('nodes');
  const out = new Map<string, YRecord>();
  if (isRecord(nodes)) nodes.forEach((n, id) => isRecord(n) && out.set(id, n));
  return out;
}

/** The text a node shows: its label, or the name of the register entity it links to. */
function labelOf(node: YRecord, doc: Y.Doc): string {
  const entity = node.get('entity');
  if (typeof entity === 'string') {
    const record = recordAt(registerOf(doc), entity);
    const name = record?.get('name');
    if (typeof name === 'string') return name;
  }
  const label = node.get('label');
  return typeof label === 'string' ? label : '';
}

/** What a scene object is, when the node is one (`type: 'scene'`). */
function sceneObjectName(node: YRecord): SceneObjectName | null {
  const shape = node.get('shape');
  if (node.get('type') !== 'scene' || typeof shape !== 'string') return null;
  const out: SceneObjectName = { shape };
  const number = node.get('number');
  if (typeof number === 'number') out.number = number;
  const symbol = node.get('symbol');
  if (typeof symbol === 'string') out.symbol = symbol;
  return out;
}
