import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'caseboard-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('commits updates appended together as a group, each durable once its promise resolves, in order', async () => {
  const store = new SqliteStore(dir);
  await store.createUser({
    id: 'u',
    username: 'u',
    displayName: 'u',
    passwordHash: 'x',
    admin: false,
  });
  const now = new Date().toISOString();
  for (const id of ['a', 'b']) {
    await store.createCase(
      {
        id,
        title: id,
        caseNumber: '',
        offences: [],
        classification: 'none',
        archived: false,
        createdAt: now,
        updatedAt: now,
      },
      'u',
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
  }
  const docs = { a: new Y.Doc(), b: new Y.Doc() };
  const appends: Array<Promise<number>> = [];
  for (let i = 0; i < 100; i++) {
    for (const [id, doc] of Object.entries(docs)) {
      const captured: Uint8Array[] = [];
      doc.once('update', (u: Uint8Array) => captured.push(u));
      doc.getArray<number>('n').push([i]);
      appends.push(store.appendUpdate(id, captured[0]!));
    }
  }
  const seqs = await Promise.all(appends);
  expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  await store.close();

  const reopened = new SqliteStore(dir);
  for (const id of ['a', 'b']) {
    const doc = new Y.Doc();
    for (const update of (await reopened.loadDocument(id)).updates) Y.applyUpdate(doc, update);
    expect(doc.getArray<number>('n').toArray()).toEqual(Array.from({ length: 100 }, (_, i) => i));
  }
  await reopened.close();
});
