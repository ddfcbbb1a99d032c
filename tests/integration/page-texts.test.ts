import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageTexts } from '../../server/ocr/PageTexts.ts';
import { foldWord } from '../../server/ocr/textSearch.ts';
import type { Store } from '../../server/store/Store.ts';
import {
  DATABASE_URL,
  PG_SKIP_REASON,
  postgresBackend,
  sqliteBackend,
  type Backend,
} from '../helpers/stores.ts';

if (!DATABASE_URL) console.warn(`page texts: ${PG_SKIP_REASON}`);

const backends: Array<[string, () => Backend, boolean]> = [
  ['sqlite', sqliteBackend, true],
  ['postgres', postgresBackend, Boolean(DATABASE_URL)],
];

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const word = (text: string, x: number, eol = false) => ({
  text,
  x,
  y: 0.5,
  w: 0.1,
  h: 0.02,
  ...(eol ? { eol: true } : {}),
});

for (const [name, make, enabled] of backends) {
  describe.skipIf(!enabled)(`read page texts in ${name}`, () => {
    let backend: Backend;
    let store: Store;
    let texts: PageTexts;
    beforeAll(async () => {
      backend = make();
      store = await backend.open();
      texts = PageTexts.of(store);
    });
    afterAll(async () => {
      await store.close();
      await backend.dispose();
    });

    it('keeps each page’s words and boxes, replaced when read again, and finds pages by folded words', async () => {
      await texts.putPage({
        hash: A,
        page: 1,
        source: 'ocr',
        encoding: null,
        confidence: 91.5,
        words: [
          word('Nguyễn', 0.1),
          word('Văn', 0.2),
          word('Hùng,', 0.3, true),
          word('100%_x', 0.4),
        ],
      });
      await texts.putPage({
        hash: A,
        page: 2,
        source: 'text',
        encoding: 'tcvn3',
        confidence: null,
        words: [word('Đà', 0.1), word('Lạt', 0.2)],
      });
      await texts.putPage({
        hash: B,
        page: 1,
        source: 'text',
        encoding: null,
        confidence: null,
        words: [word('Hùng', 0)],
      });
      const found = await texts.pagesWith([A], ['nguyen', 'hung'], 100);
      expect(found).toEqual([
        {
          hash: A,
          page: 1,
          source: 'ocr',
          encoding: null,
          confidence: 91.5,
          words: [
            word('Nguyễn', 0.1),
            word('Văn', 0.2),
            word('Hùng,', 0.3, true),
            word('100%_x', 0.4),
          ],
        },
      ]);
      expect((await texts.pagesWith([A], ['da', 'lat'], 100))[0]).toMatchObject({
        page: 2,
        encoding: 'tcvn3',
      });
      // Only the files asked for; LIKE's wildcards are taken literally.
      expect((await texts.pagesWith([A, B], ['hung'], 100)).map((p) => p.hash)).toEqual([A, B]);
      expect(await texts.pagesWith([A], ['1%'], 100)).toEqual([]);
      expect(await texts.pagesWith([A], [foldWord('100%_x')], 100)).toHaveLength(1);
      // Read again: the page is replaced, not doubled.
      await texts.putPage({
        hash: B,
        page: 1,
        source: 'ocr',
        encoding: null,
        confidence: 50,
        words: [word('Tâm', 0)],
      });
      expect(await texts.pagesWith([B], ['hung'], 100)).toEqual([]);
      expect([...(await texts.ocrPages(A))]).toEqual([1]);
    });

    it('keeps how far each file got, and what to read again at start', async () => {
      expect(await texts.queue(C)).toBe(true);
      expect(await texts.queue(C)).toBe(false);
      await texts.setFile({ hash: A, state: 'done', pages: 2, done: 2, reason: null });
      await texts.setFile({ hash: B, state: 'off', pages: 1, done: 0, reason: null });
      expect(await texts.file(C)).toMatchObject({ state: 'queued', pages: null, done: 0 });
      expect((await texts.files([A, B])).map((f) => [f.hash, f.state, f.pages, f.done])).toEqual(
        expect.arrayContaining([
          [A, 'done', 2, 2],
          [B, 'off', 1, 0],
        ]),
      );
      expect(await texts.unfinished(false)).toEqual([C]);
      expect((await texts.unfinished(true)).sort()).toEqual([B, C]);
      // A case file stored before there was reading is read too.
      const D = 'd'.repeat(64);
      await store.createCase(
        {
          id: 'k1',
          title: 'k',
          caseNumber: '',
          offences: [],
          classification: 'none',
          archived: false,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
        await makeOwner(store),
        Y.encodeStateAsUpdate(new Y.Doc()),
      );
      await store.addCaseFile({
        caseId: 'k1',
        hash: D,
        name: 'x.pdf',
        mime: 'application/pdf',
        size: 1,
        uploadedBy: 'u',
        uploadedAt: '2026-01-01T00:00:00Z',
      });
      expect((await texts.unfinished(false)).sort()).toEqual([C, D]);
    });
  });
}

async function makeOwner(store: Store): Promise<string> {
  await store.createUser({
    id: 'u1',
    username: 'u1',
    displayName: 'U',
    passwordHash: 'x',
    admin: false,
  });
  return 'u1';
}
