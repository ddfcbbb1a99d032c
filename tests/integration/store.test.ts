/**
 * The storage suite: one set of tests, run against every `Store` implementation (SQLite always,
 * PostgreSQL when DATABASE_URL is set), so that the server behaves the same on either.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CaseRecord, Store } from '../../server/store/Store.ts';
import { CHUNK_BYTES } from '../../server/files/PgBlobStore.ts';
import { openBlobStore } from '../../server/store/open.ts';
import { makePng } from '../helpers/files.ts';
import {
  DATABASE_URL,
  PG_SKIP_REASON,
  postgresBackend,
  sqliteBackend,
  type Backend,
} from '../helpers/stores.ts';

if (!DATABASE_URL) console.warn(`store suite: ${PG_SKIP_REASON}`);

const backends: Array<[string, () => Backend, boolean]> = [
  ['sqlite', sqliteBackend, true],
  ['postgres', postgresBackend, Boolean(DATABASE_URL)],
];

const now = () => new Date().toISOString();

function caseRecord(id: string, title = id): CaseRecord {
  return {
    id,
    title,
    caseNumber: '',
    offences: [],
    classification: 'none',
    archived: false,
    createdAt: now(),
    updatedAt: now(),
  };
}

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

/** The document a store holds for a case. */
async function docOf(store: Store, caseId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await store.loadDocument(caseId)).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Pushes `value` onto the array `n` of `doc` and returns the update it made. */
function push(doc: Y.Doc, value: number): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getArray<number>('n').push([value]);
  return update!;
}

for (const [name, make, enabled] of backends) {
  describe.skipIf(!enabled)(`store: ${name}`, () => {
    let backend: Backend;
    let store: Store;

    beforeAll(async () => {
      backend = make();
      store = await backend.open();
      for (const [id, admin] of [
        ['u1', true],
        ['u2', false],
        ['u3', false],
      ] as const)
        await store.createUser({
          id,
          username: `ksv.${id}`,
          displayName: `Kiểm sát viên ${id}`,
          passwordHash: `hash-${id}`,
          admin,
        });
    });
    afterAll(async () => {
      await store?.close();
      await backend?.dispose();
    });

    it('keeps users and refuses a second user of the same name', async () => {
      expect(await store.getUserByUsername('ksv.u1')).toMatchObject({
        id: 'u1',
        displayName: 'Kiểm sát viên u1',
        passwordHash: 'hash-u1',
        admin: true,
      });
      expect((await store.getUserById('u2'))?.admin).toBe(false);
      expect(await store.getUserById('nobody')).toBeNull();
      expect((await store.listUsers()).map((u) => u.username)).toEqual([
        'ksv.u1',
        'ksv.u2',
        'ksv.u3',
      ]);
      await expect(
        store.createUser({
          id: 'u9',
          username: 'ksv.u1',
          displayName: '',
          passwordHash: '',
          admin: false,
        }),
      ).rejects.toThrow();
      await store.setPasswordHash('u3', 'new-hash');
      expect((await store.getUserById('u3'))?.passwordHash).toBe('new-hash');
    });

    it('keeps sessions, ends them by token, by age and all but one of a user', async () => {
      const later = Date.now() + 60_000;
      for (const [tokenHash, userId, expiresAt] of [
        ['s1', 'u1', later],
        ['s2', 'u1', later],
        ['s3', 'u1', later],
        ['s4', 'u2', Date.now() - 1],
      ] as const)
        await store.createSession({ tokenHash, userId, kind: 'session', expiresAt, parent: null });
      expect(await store.getSession('s1')).toEqual({
        tokenHash: 's1',
        userId: 'u1',
        kind: 'session',
        expiresAt: later,
        parent: null,
      });
      expect(await store.deleteExpiredSessions(Date.now())).toBe(1);
      expect(await store.getSession('s4')).toBeNull();
      // Sync tokens end with the session that minted them.
      for (const [tokenHash, parent] of [
        ['t1', 's1'],
        ['t2', 's2'],
        ['t3', 's3'],
      ] as const)
        await store.createSession({
          tokenHash,
          userId: 'u1',
          kind: 'token',
          expiresAt: later,
          parent,
        });
      expect((await store.getSession('t1'))?.parent).toBe('s1');
      await store.deleteSession('s1');
      expect(await store.getSession('s1')).toBeNull();
      expect(await store.getSession('t1')).toBeNull();
      expect(await store.deleteSessionsOf('u1', 's2')).toBe(2);
      expect(await store.getSession('s2')).not.toBeNull();
      expect(await store.getSession('t2')).not.toBeNull();
      expect(await store.getSession('t3')).toBeNull();
      expect(await store.deleteSessionsOf('u1', null)).toBe(2);
      expect(await store.getSession('s2')).toBeNull();
    });

    it('keeps cases with their owner and members, and never leaves a case without an owner', async () => {
      await store.createCase(caseRecord('c1', 'Vụ án Nguyễn Văn A'), 'u1', emptyState());
      expect(await store.getCase('c1')).toMatchObject({
        title: 'Vụ án Nguyễn Văn A',
        offences: [],
        archived: false,
      });
      await store.updateCase('c1', {
        title: 'Vụ án Nguyễn Văn Ă',
        offences: ['173', '174'],
        archived: true,
        classification: 'mat',
        caseNumber: '12/2025/HS',
      });
      expect(await store.getCase('c1')).toMatchObject({
        title: 'Vụ án Nguyễn Văn Ă',
        // Offences typed as numbers by older versions are read by article.
        offences: ['BLHS-173', 'BLHS-174'],
        archived: true,
        classification: 'mat',
        caseNumber: '12/2025/HS',
      });
      expect(await store.getRole('c1', 'u1')).toBe('owner');
      expect(await store.getRole('c1', 'u2')).toBeNull();
      expect(await store.setMember('c1', 'u2', 'editor')).toBe(true);
      expect(await store.setMember('c1', 'u2', 'viewer')).toBe(true);
      expect((await store.listMembers('c1')).map((m) => [m.username, m.role])).toEqual([
        ['ksv.u1', 'owner'],
        ['ksv.u2', 'viewer'],
      ]);
      expect(await store.setMember('c1', 'u1', 'editor')).toBe(false);
      expect(await store.removeMember('c1', 'u1')).toBe(false);
      expect(await store.removeMember('c1', 'u2')).toBe(true);
      expect(await store.getRole('c1', 'u2')).toBeNull();
      const listed = await store.listCasesOf('u1');
      expect(listed.map((c) => [c.id, c.role])).toEqual([['c1', 'owner']]);
      expect(await store.listCasesOf('u2')).toEqual([]);
      expect(await store.getCase('nothing')).toBeNull();
    });

    it('stores updates in group commits, in order, durable once resolved and after reopening', async () => {
      await store.createCase(caseRecord('a'), 'u1', emptyState());
      await store.createCase(caseRecord('b'), 'u1', emptyState());
      const docs = { a: new Y.Doc(), b: new Y.Doc() };
      const appends: Array<Promise<number>> = [];
      for (let i = 0; i < 100; i++)
        for (const [id, doc] of Object.entries(docs))
          appends.push(store.appendUpdate(id, push(doc, i)));
      const seqs = await Promise.all(appends);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
      await store.close();
      store = await backend.open();
      for (const id of ['a', 'b']) {
        const loaded = await store.loadDocument(id);
        expect(loaded.updatesSinceSnapshot).toBe(100);
        expect(loaded.lastSeq).toBe(
          Math.max(...seqs.filter((_, i) => i % 2 === (id === 'a' ? 0 : 1))),
        );
        expect((await docOf(store, id)).getArray('n').toArray()).toEqual(
          Array.from({ length: 100 }, (_, i) => i),
        );
      }
    });

    it('compacts into one snapshot without losing an update stored meanwhile', async () => {
      await store.createCase(caseRecord('k'), 'u1', emptyState());
      const doc = new Y.Doc();
      let last = 0;
      for (let i = 0; i < 20; i++) last = await store.appendUpdate('k', push(doc, i));
      // Another writer (another instance) stores an update this copy of the document lacks.
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      const late = store.appendUpdate('k', push(other, 999));
      await store.compactDocument('k', Y.encodeStateAsUpdate(doc), last);
      await late;
      const loaded = await store.loadDocument('k');
      expect(loaded.updatesSinceSnapshot).toBeLessThanOrEqual(1);
      expect(
        [...(await docOf(store, 'k')).getArray<number>('n').toArray()].sort((x, y) => x - y),
      ).toEqual([...Array.from({ length: 20 }, (_, i) => i), 999]);
      // A second compaction leaves one snapshot and nothing beside it.
      await store.compactDocument('k', Y.encodeStateAsUpdate(other), loaded.lastSeq);
      expect((await store.loadDocument('k')).updatesSinceSnapshot).toBe(0);
      expect((await docOf(store, 'k')).getArray('n').length).toBe(21);
    });

    // Several instances share PostgreSQL only (SQLite serves one instance, which holds the whole
    // document when it compacts; the server refuses REDIS_URL without DATABASE_URL), so this
    // test exists for PostgreSQL alone.
    if (name === 'postgres')
      it('lets two instances compact the same case at once without losing or doubling anything', async () => {
        await store.createCase(caseRecord('k2'), 'u1', emptyState());
        const second = await backend.open();
        try {
          const docs = [new Y.Doc(), new Y.Doc()];
          for (let round = 0; round < 5; round++) {
            const appends: Array<Promise<number>> = [];
            docs.forEach((doc, d) => {
              for (let i = 0; i < 20; i++)
                appends.push(
                  (d ? second : store).appendUpdate('k2', push(doc, d * 1000 + round * 20 + i)),
                );
            });
            const seqs = await Promise.all(appends);
            // Each instance compacts with its own copy of the document, at the same moment.
            await Promise.all([
              store.compactDocument('k2', Y.encodeStateAsUpdate(docs[0]!), Math.max(...seqs)),
              second.compactDocument('k2', Y.encodeStateAsUpdate(docs[1]!), Math.max(...seqs)),
            ]);
          }
          const values = (await docOf(second, 'k2')).getArray<number>('n').toArray();
          expect(values).toHaveLength(200);
          expect(new Set(values).size).toBe(200);
          expect((await store.loadDocument('k2')).updatesSinceSnapshot).toBe(0);
        } finally {
          await second.close();
        }
      });

    it('keeps the case file list, once per hash', async () => {
      const file = {
        caseId: 'c1',
        hash: 'a'.repeat(64),
        name: 'Biên bản.pdf',
        mime: 'application/pdf',
        size: 1234,
        uploadedBy: 'ksv.u1',
        uploadedAt: now(),
      };
      expect(await store.addCaseFile(file)).toBe(true);
      expect(await store.addCaseFile({ ...file, name: 'again.pdf' })).toBe(false);
      expect(await store.listCaseFiles('c1')).toEqual([file]);
      expect(await store.getCaseFile('c1', file.hash)).toEqual(file);
      expect(await store.getCaseFile('a', file.hash)).toBeNull();
    });

    it('keeps case-file bytes once per hash, whole, and nothing of a refused upload', async () => {
      const blobs = openBlobStore(store, backend.dir);
      // Over two chunks in PostgreSQL, so reading back crosses chunk boundaries.
      const bytes = Buffer.concat([makePng(20, 10), randomBytes(CHUNK_BYTES * 2 + 12_345)]);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const first = await blobs.put(Readable.from([bytes]), 10 * 1024 * 1024);
      expect(first).toEqual({ hash, mime: 'image/png', size: bytes.length, created: true });
      expect(await blobs.has(hash)).toBe(true);
      expect(await blobs.size(hash)).toBe(bytes.length);
      const back = Buffer.concat(await blobs.open(hash).toArray());
      expect(back.equals(bytes)).toBe(true);
      expect(await blobs.rehash(hash)).toBe(hash);
      // The same bytes again, and from two uploads at once: stored once, both answered.
      expect((await blobs.put(Readable.from([bytes]), 10 * 1024 * 1024)).created).toBe(false);
      const pdf = Buffer.from(`%PDF-1.7\n${'Biên bản khám nghiệm hiện trường\n'.repeat(2000)}`);
      const both = await Promise.all([
        blobs.put(Readable.from([pdf]), 10 * 1024 * 1024),
        blobs.put(Readable.from([pdf]), 10 * 1024 * 1024),
      ]);
      expect(both.map((b) => b.hash)).toEqual([both[0]!.hash, both[0]!.hash]);
      expect(Buffer.concat(await blobs.open(both[0]!.hash).toArray()).equals(pdf)).toBe(true);
      // Refused uploads keep nothing, not even a temporary file.
      const tooLarge = Buffer.concat([makePng(4, 3), randomBytes(4096)]);
      await expect(blobs.put(Readable.from([tooLarge]), 1024)).rejects.toMatchObject({
        code: 'files.tooLarge',
      });
      const script = Buffer.from('#!/bin/sh\necho pwned\n'.repeat(10));
      await expect(blobs.put(Readable.from([script]), 1024 * 1024)).rejects.toMatchObject({
        code: 'files.badType',
      });
      for (const refused of [tooLarge, script])
        expect(await blobs.has(createHash('sha256').update(refused).digest('hex'))).toBe(false);
      expect(readdirSync(join(backend.dir, 'tmp'))).toEqual([]);
    });

    it('keeps hearing links, their uses, and revokes once', async () => {
      const link = {
        id: 'l1',
        caseId: 'c1',
        label: 'Phiên tòa',
        createdBy: 'ksv.u1',
        createdAt: now(),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        revokedAt: null,
      };
      await store.createLink(link, 'token-hash');
      await store.recordLinkUse({
        linkId: 'l1',
        at: now(),
        what: 'open',
        address: '10.0.0.1',
        agent: 'x',
      });
      await store.recordLinkUse({
        linkId: 'l1',
        at: now(),
        what: 'follow',
        address: '10.0.0.1',
        agent: 'x',
      });
      expect(await store.getLinkByHash('token-hash')).toEqual({ ...link, uses: 2 });
      expect(await store.listLinks('c1')).toEqual([{ ...link, uses: 2 }]);
      expect((await store.listLinkUses('l1')).map((u) => u.what)).toEqual(['open', 'follow']);
      expect(await store.revokeLink('c1', 'l1', now())).toBe(true);
      expect(await store.revokeLink('c1', 'l1', now())).toBe(false);
      expect((await store.getLinkByHash('token-hash'))?.revokedAt).not.toBeNull();
      expect(await store.getLinkByHash('other')).toBeNull();
    });

    it('keeps versions, newest first, and drops only old automatic ones', async () => {
      const state = Y.encodeStateAsUpdate(await docOf(store, 'a'));
      const version = (id: string, kind: 'named' | 'auto', daysAgo: number) => ({
        id,
        caseId: 'a',
        kind,
        name: kind === 'named' ? `Phiên bản ${id}` : 'auto:hourly',
        author: 'ksv.u1',
        createdAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        bytes: state.byteLength,
      });
      const made = [
        version('v1', 'named', 100),
        version('v2', 'auto', 50),
        version('v3', 'auto', 1),
      ];
      for (const v of made) await store.createVersion(v, state);
      expect(await store.listVersions('a')).toEqual([...made].reverse());
      const back = new Y.Doc();
      Y.applyUpdate(back, (await store.getVersionState('a', 'v1'))!);
      expect(back.getArray('n').length).toBe(100);
      expect(await store.getVersionState('b', 'v1')).toBeNull();
      expect(
        await store.deleteAutoVersions(new Date(Date.now() - 10 * 86_400_000).toISOString()),
      ).toBe(1);
      expect((await store.listVersions('a')).map((v) => v.id)).toEqual(['v3', 'v1']);
    });

    it('keeps settings', async () => {
      expect(await store.getSetting('autoVersionDays')).toBeNull();
      await store.setSetting('autoVersionDays', '30');
      await store.setSetting('autoVersionDays', '45');
      expect(await store.getSetting('autoVersionDays')).toBe('45');
    });

    it('chains the audit trail in one order under concurrent writers, filters it, and detects tampering', async () => {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          store.recordAudit({
            caseId: i % 3 === 0 ? '' : `c${i % 2}`,
            at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
            actor: `ksv.u${(i % 3) + 1}`,
            action: i % 2 ? 'version.created' : 'login',
            detail: { i, tên: 'Nguyễn Văn Ă' },
          }),
        ),
      );
      const all = await store.queryAudit({ limit: 1000 });
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(all[0]?.detail).toHaveProperty('tên', 'Nguyễn Văn Ă');
      expect((await store.queryAudit({ actor: 'ksv.u2' })).every((e) => e.actor === 'ksv.u2')).toBe(
        true,
      );
      const versions = await store.queryAudit({ action: 'version.' });
      expect(versions).toHaveLength(30);
      expect(await store.queryAudit({ action: 'version' })).toHaveLength(0);
      expect((await store.queryAudit({ caseIds: ['c1'] })).every((e) => e.caseId === 'c1')).toBe(
        true,
      );
      expect(await store.queryAudit({ caseIds: [] })).toEqual([]);
      const window = await store.queryAudit({
        from: new Date(Date.UTC(2026, 0, 1, 0, 10)).toISOString(),
        to: new Date(Date.UTC(2026, 0, 1, 0, 19)).toISOString(),
      });
      expect(window).toHaveLength(10);
      const newest = await store.queryAudit({ limit: 5 });
      expect(newest.map((e) => e.seq)).toEqual([56, 57, 58, 59, 60]);
      expect((await store.listAudit('c1')).length).toBeGreaterThan(0);

      const check = await store.verifyAudit();
      expect(check).toMatchObject({ ok: true, checked: 60 });
      expect(check.head).toMatch(/^[0-9a-f]{64}$/);
      await expect(backend.tryUpdate(store, 7)).rejects.toThrow(/cannot be changed/);
      await backend.tamper(store, 7, 'người khác');
      expect(await store.verifyAudit()).toMatchObject({ ok: false, brokenAt: 7, checked: 6 });
    });
  });
}
