import type * as Y from 'yjs';
import type { ZodError } from 'zod';
import { CommandError } from '../commands/boards.ts';
import { newId } from '../ids.ts';
import { findOffence } from '../offences.ts';
import {
  chargeClassSchema,
  chargeKey,
  procedureEventFieldsSchema,
  procedureEventSchema,
  type ChargeClassRecord,
  type ProcedureEventFields,
} from './events.ts';
import { procedureOf } from './model.ts';

/**
 * The commands of the procedure map: add, change and delete procedural events, and set a charge's
 * class by hand. Each checks its arguments first (a refused command changes nothing) and writes in
 * one transaction with the caller's origin.
 */

/** 'date: not a day written YYYY-MM-DD; person: a person is required'. */
function describe(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ');
}

function checkEvent(fields: unknown): ProcedureEventFields {
  const parsed = procedureEventFieldsSchema.safeParse(fields);
  if (!parsed.success) throw new CommandError('procedure.badEvent', describe(parsed.error));
  return parsed.data;
}

/** Who wrote a record and when (ISO time). */
export interface Author {
  by?: string;
  at?: string;
}

const stamp = (author: Author) => ({
  ...(author.by ? { by: author.by.normalize('NFC').slice(0, 200) } : {}),
  at: author.at ?? new Date().toISOString(),
});

/**
 * Adds a procedural event; returns its id.
 * @example addProcedureEvent(doc, { kind: 'case-initiated', date: '2026-03-02' }, origin)
 */
export function addProcedureEvent(
  doc: Y.Doc,
  fields: ProcedureEventFields & Author,
  origin: unknown,
): string {
  const { by, at, ...rest } = fields;
  const event = { type: 'event' as const, id: newId(), ...checkEvent(rest), ...stamp({ by, at }) };
  doc.transact(() => procedureOf(doc).set(event.id, event), origin);
  return event.id;
}

/**
 * Replaces an event's fields (all of them: the form sends the whole event).
 * @example updateProcedureEvent(doc, { id, kind: 'detention', date: '2026-03-03', person }, origin)
 */
export function updateProcedureEvent(
  doc: Y.Doc,
  fields: ProcedureEventFields & Author & { id: string },
  origin: unknown,
): void {
  const { id, by, at, ...rest } = fields;
  const checked = checkEvent(rest);
  const map = procedureOf(doc);
  if (!procedureEventSchema.safeParse(map.get(id)).success)
    throw new CommandError('procedure.notFound', `No procedural event ${id} in this case.`);
  doc.transact(() => map.set(id, { type: 'event', id, ...checked, ...stamp({ by, at }) }), origin);
}

/** Deletes an event; deleting one that is gone does nothing. */
export function deleteProcedureEvent(doc: Y.Doc, { id }: { id: string }, origin: unknown): void {
  const map = procedureOf(doc);
  if (!procedureEventSchema.safeParse(map.get(id)).success) return;
  doc.transact(() => map.delete(id), origin);
}

/**
 * Sets a charge's class by hand: the highest penalty of its frame (an article without clause
 * data) and/or an override of the class with its reason; neither clears the record.
 * @example setChargeClass(doc, { ref: 'BLHS-173.1', override: 'serious', reason: '…', by: 'ksv1' }, origin)
 */
export function setChargeClass(
  doc: Y.Doc,
  args: Pick<ChargeClassRecord, 'ref' | 'maximum' | 'override' | 'reason'> & Author,
  origin: unknown,
): void {
  if (!findOffence(args.ref))
    throw new CommandError('procedure.badCharge', `${args.ref} is not an offence reference.`);
  const id = chargeKey(args.ref);
  if (args.maximum === undefined && args.override === undefined) {
    doc.transact(() => procedureOf(doc).delete(id), origin);
    return;
  }
  const record = {
    type: 'charge' as const,
    id,
    ref: args.ref,
    ...(args.maximum !== undefined ? { maximum: args.maximum } : {}),
    ...(args.override !== undefined ? { override: args.override, reason: args.reason } : {}),
    ...stamp(args),
  };
  const parsed = chargeClassSchema.safeParse(record);
  if (!parsed.success) throw new CommandError('procedure.badCharge', describe(parsed.error));
  doc.transact(() => procedureOf(doc).set(id, parsed.data), origin);
}
