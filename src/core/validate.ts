import * as Y from 'yjs';
import { isRecord, typeName, type YRecord } from './doc.ts';
import { checkProcedure } from './procedure/validate.ts';
import { checkReport } from './report/settings.ts';
import { ENTITY_FIELD_NAMES, ENTITY_KINDS, type EntityKind } from './register.ts';
import { BOARD_KINDS, CLASSIFICATIONS } from './schema.ts';
import { MARK_KEY, PASSAGE_KEY, statementKeyProblem } from './statements.ts';
import {
  NOTE_MENTIONS_MAX,
  NOTE_REPLIES_MAX,
  NOTE_STATES,
  NOTE_TEXT_MAX,
  readAnchor,
} from './notes.ts';

/**
 * The document schema as a validator: what each record of a case document may hold, by type. The
 * readers skip what breaks these rules (`recordAt`, `eachRecord`, `textField` in doc.ts); the server
 * refuses an update that would break them (server/sync/DocumentGuard.ts). Rules are about types,
 * not content: a peer may write any text it could type, never a value of the wrong type where a
 * record, a list or a string is read. See docs/document-model.md, "Validation".
 */

/** One broken rule: where (`boards/k3/nodes/n1.label`) and what was found. */
export interface SchemaProblem {
  path: string;
  problem: string;
  /** Set when the problem is a rule of a role rather than of the schema (a reviewer's update). */
  rule?: 'reviewer';
}

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';
type Fields = Readonly<Record<string, Kind>>;

/** Meta fields; absent or null is fine for every one. */
const META: Fields = {
  schema: 'number',
  title: 'string',
  caseNumber: 'string',
  offences: 'array',
  classification: 'string',
  stage: 'string',
};

const NODE: Fields = {
  id: 'string',
  type: 'string',
  label: 'string',
  entity: 'string',
  file: 'string',
  parent: 'string',
  order: 'string',
  note: 'string',
  color: 'string',
  pages: 'string',
  image: 'string',
  boundary: 'string',
  side: 'string',
  from: 'string',
  to: 'string',
  shape: 'string',
  z: 'string',
  symbol: 'string',
  group: 'string',
  x: 'number',
  y: 'number',
  w: 'number',
  h: 'number',
  rotation: 'number',
  thickness: 'number',
  number: 'number',
  opacity: 'number',
  collapsed: 'boolean',
  closed: 'boolean',
  locked: 'boolean',
  background: 'boolean',
  markers: 'array',
  points: 'array',
  pins: 'array',
  times: 'array',
};

const EDGE: Fields = {
  id: 'string',
  source: 'string',
  target: 'string',
  type: 'string',
  label: 'string',
  note: 'string',
  strength: 'string',
  control: 'object',
};

const SLIDE: Fields = {
  id: 'string',
  order: 'string',
  kind: 'string',
  title: 'string',
  notes: 'string',
  boardId: 'string',
  file: 'string',
  text: 'string',
  build: 'string',
  page: 'number',
  frame: 'object',
  steps: 'array',
  passages: 'array',
};

const FILE: Fields = {
  hash: 'string',
  name: 'string',
  mime: 'string',
  size: 'number',
  pages: 'number',
  firstBl: 'number',
};

const REPLY: Fields = {
  id: 'string',
  author: 'string',
  authorName: 'string',
  createdAt: 'string',
  text: 'string',
  mentions: 'array',
};

const NOTE: Fields = {
  ...REPLY,
  anchor: 'object',
  state: 'string',
  resolvedBy: 'string',
  resolvedByName: 'string',
  resolvedAt: 'string',
};

function kindOf(value: unknown): Kind | string {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array || value instanceof Y.AbstractType) return typeName(value);
  return typeof value;
}

/**
 * Checks a record's plain fields: the known ones have their type, and no field holds a Yjs type
 * unless `containers` names it (their contents are checked by the caller).
 */
function checkFields(
  record: YRecord,
  path: string,
  fields: Fields,
  out: SchemaProblem[],
  containers: ReadonlySet<string> = new Set(),
  required: readonly string[] = [],
): void {
  for (const key of required)
    if (!record.has(key)) out.push({ path: `${path}.${key}`, problem: 'missing' });
  record.forEach((value, key) => {
    if (containers.has(key) || value === null || value === undefined) return;
    const expected = fields[key];
    const found = kindOf(value);
    if (value instanceof Y.AbstractType || value instanceof Uint8Array)
      out.push({
        path: `${path}.${key}`,
        problem: `${found} where ${expected ?? 'a value'} belongs`,
      });
    else if (expected && found !== expected)
      out.push({ path: `${path}.${key}`, problem: `${found} where ${expected} belongs` });
  });
}

/** `value` as a record, or undefined after reporting it. */
function asRecord(value: unknown, path: string, out: SchemaProblem[]): YRecord | undefined {
  if (isRecord(value)) return value;
  out.push({ path, problem: `${typeName(value)} where a record belongs` });
  return undefined;
}

function checkEnum(value: unknown, allowed: readonly string[], path: string, out: SchemaProblem[]) {
  if (!allowed.includes(value as string))
    out.push({
      path,
      problem: `${JSON.stringify(value) ?? typeName(value)} is not one of ${allowed.join(', ')}`,
    });
}

/** A map's entries are records, each checked by `check`. */
function checkEntries(
  map: unknown,
  path: string,
  out: SchemaProblem[],
  check: (record: YRecord, path: string) => void,
): void {
  if (map === undefined) return;
  const records = asRecord(map, path, out);
  records?.forEach((value, key) => {
    const record = asRecord(value, `${path}/${key}`, out);
    if (record) check(record, `${path}/${key}`);
  });
}

const checkNode = (record: YRecord, path: string, out: SchemaProblem[]) =>
  checkFields(record, path, NODE, out, undefined, ['id']);

const checkEdge = (record: YRecord, path: string, out: SchemaProblem[]) =>
  checkFields(record, path, EDGE, out, undefined, ['id']);

/** A board's own fields, and (when `deep` names them) the records of its nodes, edges, settings. */
function checkBoard(
  board: YRecord,
  path: string,
  out: SchemaProblem[],
  deep: ReadonlySet<string> | 'all',
): void {
  checkFields(
    board,
    path,
    { id: 'string', kind: 'string', title: 'string', order: 'string' },
    out,
    new Set(['nodes', 'edges', 'settings']),
    ['id', 'kind', 'nodes', 'edges'],
  );
  if (board.has('kind')) checkEnum(board.get('kind'), BOARD_KINDS, `${path}.kind`, out);
  for (const key of ['nodes', 'edges', 'settings'] as const) {
    if (board.get(key) === undefined) continue;
    const value = asRecord(board.get(key), `${path}.${key}`, out);
    if (!value) continue;
    if (deep !== 'all' && !deep.has(key)) continue;
    if (key === 'settings') checkFields(value, `${path}/settings`, {}, out);
    else
      checkEntries(value, `${path}/${key}`, out, (r, p) =>
        (key === 'nodes' ? checkNode : checkEdge)(r, p, out),
      );
  }
}

function checkEntity(record: YRecord, path: string, out: SchemaProblem[]): void {
  const kind = record.get('kind');
  checkEnum(kind, ENTITY_KINDS, `${path}.kind`, out);
  const fields: Record<string, Kind> = { id: 'string', kind: 'string' };
  for (const name of ENTITY_FIELD_NAMES[kind as EntityKind] ?? [])
    fields[name] = name === 'people' || name === 'evidence' ? 'array' : 'string';
  checkFields(record, path, fields, out, new Set(['files']), ['id', 'kind']);
  // A statement's passages and comparison marks: flat keys with checked contents.
  record.forEach((value, key) => {
    if (!key.startsWith(PASSAGE_KEY) && !key.startsWith(MARK_KEY)) return;
    const problem =
      kind === 'evidence' ? statementKeyProblem(key, value) : 'only evidence holds statement keys';
    if (problem) out.push({ path: `${path}.${key}`, problem });
  });
  const files = record.get('files');
  if (files === undefined) return;
  if (!(files instanceof Y.Array))
    out.push({ path: `${path}.files`, problem: `${typeName(files)} where Y.Array belongs` });
  else if (files.toArray().some((f) => typeof f !== 'string'))
    out.push({ path: `${path}.files`, problem: 'a list entry that is not a file hash' });
}

function checkFile(record: YRecord, path: string, out: SchemaProblem[]): void {
  checkFields(record, path, FILE, out, new Set(['marks']), ['hash']);
  if (record.get('marks') === undefined) return;
  asRecord(record.get('marks'), `${path}.marks`, out)?.forEach((mark, id) => {
    if (
      typeof mark !== 'object' ||
      mark === null ||
      Array.isArray(mark) ||
      mark instanceof Y.AbstractType ||
      mark instanceof Uint8Array
    )
      out.push({ path: `${path}/marks/${id}`, problem: `${typeName(mark)} where a mark belongs` });
  });
}

/** A note's or reply's text and mentions, within their limits. */
function checkNoteText(record: YRecord, path: string, out: SchemaProblem[]): void {
  const text = record.get('text');
  if (typeof text === 'string' && text.length > NOTE_TEXT_MAX)
    out.push({ path: `${path}.text`, problem: `longer than ${NOTE_TEXT_MAX} characters` });
  const mentions = record.get('mentions');
  if (
    Array.isArray(mentions) &&
    (mentions.length > NOTE_MENTIONS_MAX || mentions.some((m) => typeof m !== 'string'))
  )
    out.push({ path: `${path}.mentions`, problem: 'not a list of up to 50 user ids' });
}

/** A review note: its fields, a readable anchor, a known state, and its replies (records). */
function checkNote(record: YRecord, path: string, out: SchemaProblem[]): void {
  checkFields(record, path, NOTE, out, new Set(['replies']), ['id', 'author', 'anchor']);
  checkNoteText(record, path, out);
  if (record.has('anchor') && !readAnchor(record.get('anchor')))
    out.push({ path: `${path}.anchor`, problem: 'not an anchor' });
  if (record.has('state')) checkEnum(record.get('state'), NOTE_STATES, `${path}.state`, out);
  const replies = record.get('replies');
  if (replies === undefined) return;
  const map = asRecord(replies, `${path}.replies`, out);
  if (map && map.size > NOTE_REPLIES_MAX)
    out.push({ path: `${path}.replies`, problem: `more than ${NOTE_REPLIES_MAX} replies` });
  checkEntries(map, `${path}/replies`, out, (reply, p) => {
    checkFields(reply, p, REPLY, out, undefined, ['id', 'author']);
    checkNoteText(reply, p, out);
  });
}

/**
 * Checks the part of `doc` that `scope` names, or all of it: each entry is a path of keys from a
 * root (`['boards', id, 'nodes', nodeId]`); the record it falls in is checked.
 * @example validateCaseDoc(doc) // [] for a well-formed case
 * @example validateCaseDoc(doc, [['boards', 'evil']]) // [{ path: 'boards/evil', problem: 'string where a record belongs' }]
 */
export function validateCaseDoc(doc: Y.Doc, scope?: Iterable<readonly string[]>): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const paths = scope
    ? [...scope]
    : ['meta', 'boards', 'register', 'deck', 'files', 'procedure', 'report', 'notes'].map((r) => [
        r,
      ]);
  const seen = new Set<string>();
  for (const path of paths) {
    const [root, id, field, child] = path;
    // The record a path falls in, narrowed to a board's node or edge when it names one.
    const unit =
      root === 'meta'
        ? ['meta']
        : root === 'boards' && child !== undefined && (field === 'nodes' || field === 'edges')
          ? [root, id, field, child]
          : root === 'boards' && field !== undefined
            ? [root, id, field]
            : id !== undefined
              ? [root, id]
              : [root];
    const key = unit.join('/');
    if (seen.has(key)) continue;
    seen.add(key);
    checkUnit(doc, unit as string[], out);
  }
  return out;
}

function checkUnit(doc: Y.Doc, unit: readonly string[], out: SchemaProblem[]): void {
  const [root, id, field, child] = unit;
  if (root === 'meta') {
    const meta = doc.getMap('meta');
    checkFields(meta, 'meta', META, out);
    if (meta.has('classification') && typeof meta.get('classification') === 'string')
      checkEnum(meta.get('classification'), CLASSIFICATIONS, 'meta.classification', out);
    return;
  }
  if (root === 'procedure') {
    out.push(...checkProcedure(doc, id));
    return;
  }
  if (root === 'report') {
    out.push(...checkReport(doc, id));
    return;
  }
  if (
    root !== 'boards' &&
    root !== 'register' &&
    root !== 'deck' &&
    root !== 'files' &&
    root !== 'notes'
  )
    return;
  const map = doc.getMap(root);
  const check = (record: YRecord, path: string) => {
    if (root === 'boards') checkBoard(record, path, out, 'all');
    else if (root === 'notes') checkNote(record, path, out);
    else if (root === 'register') checkEntity(record, path, out);
    else if (root === 'deck') checkFields(record, path, SLIDE, out, undefined, ['id']);
    else checkFile(record, path, out);
  };
  if (id === undefined) {
    checkEntries(map, root, out, check);
    return;
  }
  const path = `${root}/${id}`;
  if (map.get(id) === undefined) return; // deleted: nothing to check
  const record = asRecord(map.get(id), path, out);
  if (!record) return;
  if (root !== 'boards' || field === undefined) return check(record, path);
  checkBoard(record, path, out, child === undefined ? new Set([field]) : new Set());
  if (child === undefined) return;
  const container = record.get(field);
  const value = isRecord(container) ? container.get(child) : undefined;
  if (value === undefined) return;
  const entry = asRecord(value, `${path}/${field}/${child}`, out);
  if (entry) (field === 'nodes' ? checkNode : checkEdge)(entry, `${path}/${field}/${child}`, out);
}

/**
 * The paths a transaction changed, for `validateCaseDoc`'s scope: each changed map key or list,
 * as keys from its root. Types made in the transaction are reached through the key they were set
 * under, so checking that key's record covers them.
 */
export function changedPaths(tr: Y.Transaction): string[][] {
  const roots = new Map<unknown, string>();
  tr.doc.share.forEach((type, name) => roots.set(type, name));
  const out: string[][] = [];
  tr.changed.forEach((keys, type) => {
    const chain: Array<string | null> = [];
    let t = type as Y.AbstractType<unknown>;
    while (t._item) {
      chain.unshift(t._item.parentSub);
      t = t._item.parent as Y.AbstractType<unknown>;
    }
    const root = roots.get(t);
    if (root === undefined) return;
    // Inside a list a position has no key: the record holding the list is checked whole.
    const inList = chain.indexOf(null);
    const path = (inList === -1 ? chain : chain.slice(0, inList)) as string[];
    if (inList !== -1 || keys.size === 0 || keys.has(null)) out.push([root, ...path]);
    if (inList === -1) for (const key of keys) if (key !== null) out.push([root, ...path, key]);
  });
  return out;
}
