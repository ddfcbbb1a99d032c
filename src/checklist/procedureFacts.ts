import type * as Y from 'yjs';
import type { ProcedureFacts } from '../core/checklist/index.ts';

/** The procedure part of a case as the checklist reads it: charges, offence date, deadlines. */
export function procedureFacts(_doc: Y.Doc, _today: string): ProcedureFacts {
  return { charges: [], deadlines: [] };
}
