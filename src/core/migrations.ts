import type * as Y from 'yjs';
import { metaOf } from './doc.ts';
import { SCHEMA_VERSION } from './schema.ts';

/**
 * Schema migrations. `migrations[n]` turns a schema n-1 document into schema n. A migration runs
 * inside the transaction of `migrateCaseDoc` and must be idempotent: two peers may run it at once
 * on their copies and their changes merge.
 */
const migrations: Record<number, (doc: Y.Doc) => void> = {
  // Schema 1 is the first: a document without a schema gets the root maps it expects.
  1: (doc) => {
    doc.getMap('boards');
    doc.getMap('register');
    doc.getMap('deck');
  },
  // Schema 2 adds the case file: `files`, uploaded files by SHA-256 with their marks.
  2: (doc) => {
    doc.getMap('files');
  },
};

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(
      `The case was saved by a newer CaseBoard (schema ${found}, this one knows ${SCHEMA_VERSION}).`,
    );
  }
}

/**
 * Brings a case document up to `SCHEMA_VERSION`; runs when a case opens, after it is loaded.
 * Returns the versions it applied. Throws `NewerSchemaError` for a document from a newer version,
 * which this code must not edit.
 * @example migrateCaseDoc(doc, localOrigin) // [] when the document is current
 */
export function migrateCaseDoc(doc: Y.Doc, origin: unknown): number[] {
  const meta = metaOf(doc);
  const found = typeof meta.get('schema') === 'number' ? (meta.get('schema') as number) : 0;
  if (found > SCHEMA_VERSION) throw new NewerSchemaError(found);
  if (found === SCHEMA_VERSION) return [];
  const applied: number[] = [];
  doc.transact(() => {
    for (let version = found + 1; version <= SCHEMA_VERSION; version++) {
      migrations[version]?.(doc);
      applied.push(version);
    }
    meta.set('schema', SCHEMA_VERSION);
  }, origin);
  return applied;
}
