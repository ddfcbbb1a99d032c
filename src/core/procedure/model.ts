import type * as Y from 'yjs';
import { readMeta } from '../doc.ts';
import {
  chargeClassSchema,
  procedureEventSchema,
  type ChargeClassRecord,
  type ProcedureData,
  type ProcedureEvent,
} from './events.ts';

/**
 * The `procedure` root map of a case document: procedural events and charge classes, each a plain
 * object under its key (an event's id, or `class:<ref>`). Flat on purpose: two peers creating a
 * nested map at once would lose one of them. Absent in older documents, where it reads as empty.
 */
export const procedureOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('procedure');

/**
 * Reads the procedure map as plain data; values that break the rules (events.ts) are skipped, as
 * every reader of the document does.
 */
export function readProcedure(doc: Y.Doc): ProcedureData {
  const events: ProcedureEvent[] = [];
  const charges: ChargeClassRecord[] = [];
  procedureOf(doc).forEach((value) => {
    const event = procedureEventSchema.safeParse(value);
    if (event.success) {
      events.push(event.data as ProcedureEvent);
      return;
    }
    const charge = chargeClassSchema.safeParse(value);
    if (charge.success) charges.push(charge.data);
  });
  return { events: sortEvents(events), charges };
}

/** Events in the order they happened: day, time, then id (the same on every peer). */
export function sortEvents(events: readonly ProcedureEvent[]): ProcedureEvent[] {
  return [...events].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.time ?? '').localeCompare(b.time ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** What deadlines are computed from: the charges and the procedure, as plain data. */
export interface DeadlineInput {
  offences: readonly string[];
  procedure: ProcedureData;
}

/** The plain data of a case document that deadlines need (the server caches this per case). */
export function readDeadlineInput(doc: Y.Doc): DeadlineInput {
  return { offences: readMeta(doc).offences, procedure: readProcedure(doc) };
}
