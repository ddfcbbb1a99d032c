import * as Y from 'yjs';
import {
  boardsOf,
  eachRecord,
  isRecord,
  mapField,
  recordAt,
  registerOf,
  textField,
  type YRecord,
} from '../doc.ts';
import { newId } from '../ids.ts';
import {
  ENTITY_FIELD_NAMES,
  ENTITY_KINDS,
  entityFieldSchemas,
  type EntityFields,
  type EntityKind,
} from '../register.ts';
import { compareVietnamese } from '../text.ts';
import { CommandError } from './boards.ts';

/** An entity of the register as the page reads it. */
export type Entity = { id: string; kind: EntityKind; files: string[] } & EntityFields;

/** Where an entity appears: a node on a board. */
export interface EntityUsage {
  boardId: string;
  boardTitle: string;
  nodeId: string;
}

function parseFields(kind: EntityKind, fields: unknown, partial: boolean): Record<string, unknown> {
  const schema = partial ? entityFieldSchemas[kind].partial() : entityFieldSchemas[kind];
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const coded = parsed.error.issues.find((i) => i.message.startsWith('register.'));
    throw new CommandError(
      coded ? coded.message : 'register.badFields',
      parsed.error.issues[0]?.message ?? 'invalid',
    );
  }
  return parsed.data as Record<string, unknown>;
}

/** Reads one register record, or null when it is not a well-formed entity. */
export function readEntity(record: unknown): Entity | null {
  if (!isRecord(record)) return null;
  const id = record.get('id');
  const kind = record.get('kind') as EntityKind;
  if (typeof id !== 'string' || !ENTITY_KINDS.includes(kind)) return null;
  const entity: Record<string, unknown> = { id, kind, name: '' };
  for (const field of ENTITY_FIELD_NAMES[kind]) {
    const value = record.get(field);
    // Fields are text, but for an event's lists of ids; anything else is skipped.
    if (LIST_FIELDS.has(field)) {
      if (Array.isArray(value))
        entity[field] = value.filter((v): v is string => typeof v === 'string');
    } else if (typeof value === 'string') entity[field] = value;
  }
  const files = record.get('files');
  entity.files =
    files instanceof Y.Array
      ? files.toArray().filter((f): f is string => typeof f === 'string')
      : [];
  return entity as Entity;
}

/** Entity fields that hold lists of entity ids rather than text. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['people', 'evidence']);

/**
 * The register's entities, of one kind or all, sorted by name in Vietnamese order.
 * @example listEntities(doc, 'person').map((p) => p.name) // ['Đỗ Thị Lập', 'Nguyễn Văn Ấn']
 */
export function listEntities(doc: Y.Doc, kind?: EntityKind): Entity[] {
  const entities: Entity[] = [];
  eachRecord(registerOf(doc), (record) => {
    const entity = readEntity(record);
    if (entity && (!kind || entity.kind === kind)) entities.push(entity);
  });
  return entities.sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

export function getEntity(doc: Y.Doc, id: string): Entity | null {
  return readEntity(registerOf(doc).get(id));
}

/**
 * Adds an entity to the register and returns its id.
 * @example addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn Ấn', role: 'suspect' } }, origin)
 */
export function addEntity(
  doc: Y.Doc,
  args: { kind: EntityKind; fields: unknown; id?: string },
  origin: unknown,
): string {
  if (!ENTITY_KINDS.includes(args.kind))
    throw new CommandError('register.badKind', `Unknown entity kind: ${args.kind}`);
  const fields = parseFields(args.kind, args.fields, false);
  const id = args.id ?? newId();
  doc.transact(() => {
    const record: YRecord = new Y.Map();
    record.set('id', id);
    record.set('kind', args.kind);
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) record.set(key, value);
    if (args.kind === 'evidence') record.set('files', new Y.Array<string>());
    registerOf(doc).set(id, record);
  }, origin);
  return id;
}

/** Changes the given fields of an entity; an empty string clears a field (but never the name). */
export function updateEntity(
  doc: Y.Doc,
  args: { id: string; fields: unknown },
  origin: unknown,
): void {
  const record = requireEntity(doc, args.id);
  const kind = record.get('kind') as EntityKind;
  const given =
    typeof args.fields === 'object' && args.fields !== null
      ? (args.fields as Record<string, unknown>)
      : {};
  const cleared = Object.keys(given).filter(
    (key) => key !== 'name' && given[key] === '' && ENTITY_FIELD_NAMES[kind].includes(key),
  );
  const rest = Object.fromEntries(Object.entries(given).filter(([key]) => !cleared.includes(key)));
  const fields = parseFields(kind, rest, true);
  doc.transact(() => {
    for (const key of cleared) record.delete(key);
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) record.set(key, value);
  }, origin);
}

/**
 * Every node on every board linked to an entity: what a person is told before deleting it.
 */
export function entityUsages(doc: Y.Doc, id: string): EntityUsage[] {
  const usages: EntityUsage[] = [];
  eachRecord(boardsOf(doc), (board, boardId) => {
    eachRecord(mapField(board, 'nodes'), (node, nodeId) => {
      if (node.get('entity') === id) {
        usages.push({ boardId, boardTitle: textField(board, 'title'), nodeId });
      }
    });
  });
  return usages;
}

/**
 * Deletes an entity. Nodes linked to it keep its last name as their own label and lose the link;
 * events stop listing it among their people.
 */
export function deleteEntity(doc: Y.Doc, args: { id: string }, origin: unknown): void {
  const record = requireEntity(doc, args.id);
  const name = textField(record, 'name');
  const usages = entityUsages(doc, args.id);
  doc.transact(() => {
    for (const usage of usages) {
      const node = recordAt(
        mapField(recordAt(boardsOf(doc), usage.boardId), 'nodes'),
        usage.nodeId,
      );
      node?.set('label', name);
      node?.delete('entity');
    }
    eachRecord(registerOf(doc), (other) => {
      const people = other.get('people');
      if (Array.isArray(people) && people.includes(args.id))
        other.set(
          'people',
          people.filter((p) => p !== args.id),
        );
    });
    registerOf(doc).delete(args.id);
  }, origin);
}

/** Lists a case-file file (by its SHA-256) on an evidence item; a file already listed is left as is. */
export function attachFile(
  doc: Y.Doc,
  args: { entityId: string; hash: string },
  origin: unknown,
): void {
  const files = evidenceFiles(doc, args.entityId);
  if (files.toArray().includes(args.hash)) return;
  doc.transact(() => files.push([args.hash]), origin);
}

export function detachFile(
  doc: Y.Doc,
  args: { entityId: string; hash: string },
  origin: unknown,
): void {
  const files = evidenceFiles(doc, args.entityId);
  doc.transact(() => {
    // Concurrent attaches may have listed it twice: remove every copy, from the end.
    const list = files.toArray();
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === args.hash) files.delete(i, 1);
  }, origin);
}

function evidenceFiles(doc: Y.Doc, entityId: string): Y.Array<string> {
  const record = requireEntity(doc, entityId);
  const files = record.get('files');
  if (!(files instanceof Y.Array))
    throw new CommandError('register.notEvidence', 'Only evidence items list files.');
  return files as Y.Array<string>;
}

function requireEntity(doc: Y.Doc, id: string): YRecord {
  const record = recordAt(registerOf(doc), id);
  if (!record) throw new CommandError('register.notFound', `No entity ${id} in this case.`);
  return record;
}
