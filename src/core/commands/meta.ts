import type * as Y from 'yjs';
import { metaOf } from '../doc.ts';
import { SCHEMA_VERSION, type CaseMetaPatch } from '../schema.ts';

/**
 * Writes case metadata into the document (the server calls it when a case is created or edited,
 * so every open page shows the new title at once). Only the fields given are changed.
 * @example setCaseMeta(doc, { title: 'Vụ trộm cắp tại chợ Bến Thành' }, 'server')
 */
export function setCaseMeta(
  doc: Y.Doc,
  patch: Omit<CaseMetaPatch, 'archived'>,
  origin: unknown,
): void {
  const meta = metaOf(doc);
  doc.transact(() => {
    if (meta.get('schema') === undefined) meta.set('schema', SCHEMA_VERSION);
    if (patch.title !== undefined) meta.set('title', patch.title);
    if (patch.caseNumber !== undefined) meta.set('caseNumber', patch.caseNumber);
    if (patch.offences !== undefined) meta.set('offences', [...patch.offences]);
    if (patch.classification !== undefined) meta.set('classification', patch.classification);
  }, origin);
}
