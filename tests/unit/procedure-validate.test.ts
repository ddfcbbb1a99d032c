import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { validateCaseDoc } from '../../src/core/validate.ts';
import {
  addProcedureEvent,
  deleteProcedureEvent,
  readProcedure,
  setChargeClass,
  updateProcedureEvent,
} from '../../src/core/procedure/index.ts';
import { DocumentGuard } from '../../server/sync/DocumentGuard.ts';
import { CommandError } from '../../src/core/commands/boards.ts';

function changeOf(room: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

it('writes events through commands, one transaction each, and reads them back', () => {
  const doc = new Y.Doc();
  let transactions = 0;
  doc.on('afterTransaction', () => transactions++);
  const id = addProcedureEvent(
    doc,
    {
      kind: 'detention',
      date: '2026-03-03',
      person: 'p1',
      decision: 'Lệnh tạm giam số 12',
      by: 'ksv1',
    },
    'me',
  );
  updateProcedureEvent(doc, { id, kind: 'detention', date: '2026-03-04', person: 'p1' }, 'me');
  setChargeClass(
    doc,
    { ref: 'BLHS-173.1', override: 'serious', reason: 'Lý do', by: 'ksv1' },
    'me',
  );
  expect(transactions).toBe(3);
  const read = readProcedure(doc);
  expect(read.events).toMatchObject([{ id, date: '2026-03-04', person: 'p1' }]);
  expect(read.charges).toMatchObject([{ ref: 'BLHS-173.1', override: 'serious', by: 'ksv1' }]);
  expect(validateCaseDoc(doc)).toEqual([]);
  deleteProcedureEvent(doc, { id }, 'me');
  expect(readProcedure(doc).events).toEqual([]);
});

it('refuses a malformed event with a clear message, changing nothing', () => {
  const doc = new Y.Doc();
  const before = Y.encodeStateAsUpdate(doc);
  const bad = () =>
    addProcedureEvent(doc, { kind: 'detention', date: '2026-02-30' } as never, 'me');
  expect(bad).toThrow(CommandError);
  expect(bad).toThrow(/date: not a day written YYYY-MM-DD; person: a person is required/);
  expect(() => setChargeClass(doc, { ref: 'BLHS-173.1', override: 'serious' }, 'me')).toThrow(
    /reason: an override needs a reason/,
  );
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
});

it('has the server refuse an update that writes a malformed event, and keep good ones', () => {
  const room = new Y.Doc();
  const guard = new DocumentGuard(room);
  const good = changeOf(room, (d) =>
    addProcedureEvent(d, { kind: 'case-initiated', date: '2026-03-02' }, 'me'),
  );
  expect(guard.check(good)).toEqual([]);
  Y.applyUpdate(room, good);
  const evil = changeOf(room, (d) =>
    d.transact(() => {
      d.getMap('procedure').set('x1', {
        type: 'event',
        id: 'x1',
        kind: 'detention',
        date: '2026-13-01',
        person: 'p1',
        months: -1,
      });
      d.getMap('procedure').set('x2', {
        type: 'event',
        id: 'x2',
        kind: 'case-initiated',
        date: '2026-03-02',
      });
    }),
  );
  const problems = guard.check(evil);
  expect(problems).toEqual(
    expect.arrayContaining([
      { path: 'procedure/x1.date', problem: 'not a day written YYYY-MM-DD' },
      expect.objectContaining({ path: 'procedure/x1.months' }),
    ]),
  );
  expect(validateCaseDoc(room)).toEqual([]);
  expect(readProcedure(room).events).toHaveLength(1);
  const nested = changeOf(room, (d) => d.getMap('procedure').set('x3', new Y.Map()));
  expect(guard.check(nested)).toEqual([
    { path: 'procedure/x3', problem: 'not a procedural event or charge class' },
  ]);
  const misfiled = changeOf(room, (d) =>
    d
      .getMap('procedure')
      .set('x4', { type: 'event', id: 'other', kind: 'offence', date: '2026-01-01' }),
  );
  expect(guard.check(misfiled)).toEqual([
    { path: 'procedure/x4.id', problem: 'differs from its key' },
  ]);
});

it('converges when two peers change the procedure at once, and stays valid', () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const shared = addProcedureEvent(a, { kind: 'case-initiated', date: '2026-03-02' }, 'a');
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  // Offline: a edits the event and adds one; b deletes the event and sets a class.
  updateProcedureEvent(a, { id: shared, kind: 'case-initiated', date: '2026-03-03' }, 'a');
  addProcedureEvent(a, { kind: 'detention', date: '2026-03-04', person: 'p1' }, 'a');
  deleteProcedureEvent(b, { id: shared }, 'b');
  setChargeClass(b, { ref: 'BLHS-173', maximum: 3 }, 'b');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  expect(readProcedure(a)).toEqual(readProcedure(b));
  expect(readProcedure(a).charges).toHaveLength(1);
  expect(validateCaseDoc(a)).toEqual([]);
});
