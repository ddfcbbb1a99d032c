/**
 * Run by tests/integration/crash.test.ts in its own process, to be SIGKILLed: appends updates to a
 * case document and compacts them, for ever, printing `stored KEY` once each append is durable and
 * `compacted` after each compaction. Usage: compact-child.ts DATA_DIR ROUND
 */
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/sqlite.ts';

const [dataDir, round] = process.argv.slice(2) as [string, string];
const caseId = 'crash-case';
const store = new SqliteStore(dataDir);

if (!(await store.getUserById('crash-owner')))
  await store.createUser({
    id: 'crash-owner',
    username: 'crash-owner',
    displayName: 'Crash',
    passwordHash: 'x',
    admin: false,
  });
if (!(await store.getCase(caseId))) {
  const now = new Date().toISOString();
  await store.createCase(
    {
      id: caseId,
      title: 'Crash',
      caseNumber: '',
      offences: [],
      classification: 'none',
      archived: false,
      createdAt: now,
      updatedAt: now,
    },
    'crash-owner',
    Y.encodeStateAsUpdate(new Y.Doc()),
  );
}

const doc = new Y.Doc();
for (const update of (await store.loadDocument(caseId)).updates) Y.applyUpdate(doc, update);
const edits = doc.getMap('edits');
let n = 0;
for (;;) {
  let lastSeq = 0;
  for (let i = 0; i < 30; i++) {
    const key = `${round}:${n++}`;
    let update: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (update = u));
    edits.set(key, 'Biên bản khám nghiệm hiện trường '.repeat(60));
    lastSeq = await store.appendUpdate(caseId, update!);
    console.log(`stored ${key}`);
  }
  await store.compactDocument(caseId, Y.encodeStateAsUpdate(doc), lastSeq);
  console.log('compacted');
}
