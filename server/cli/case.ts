import * as Y from 'yjs';
import { AuditTrail } from '../audit.ts';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/Store.ts';
import { AUTO_NAMES, VersionKeeper, writeVersion } from '../versions.ts';

const usage = `Usage:
  npm run case -- versions CASE                  lists a case's versions, newest first
  npm run case -- restore-version CASE VERSION   writes VERSION into the case document

Recovers a case without its page (e.g. one that no longer opens): the version is written into the
stored document as one new change, the state before it is kept as the version "auto:before-restore",
and the audit trail records it (person "cli"). Run it with the server stopped: a server that has the
case open would not see the change.`;

/** Reads a case document as stored: its snapshot and every later update. */
async function loadDoc(store: Store, caseId: string): Promise<Y.Doc> {
  const stored = await store.loadDocument(caseId);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

async function restore(store: Store, caseId: string, versionId: string): Promise<number> {
  const version = (await store.listVersions(caseId)).find((v) => v.id === versionId);
  const state = version ? await store.getVersionState(caseId, versionId) : null;
  if (!version || !state) {
    console.error(`No version ${versionId} in case ${caseId}.`);
    return 1;
  }
  const audit = new AuditTrail(store);
  const keeper = new VersionKeeper(store, audit, 3_600_000, (err) => console.error(err));
  const doc = await loadDoc(store, caseId);
  const before = await keeper.make(
    caseId,
    'auto',
    AUTO_NAMES.beforeRestore,
    'cli',
    Y.encodeStateAsUpdate(doc),
  );
  const written: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => written.push(update));
  writeVersion(doc, state, 'cli');
  if (written.length > 0) await store.appendUpdate(caseId, Y.mergeUpdates(written));
  await audit.record('cli', 'version.restored', caseId, {
    version: version.id,
    name: version.name,
    madeAt: version.createdAt,
    before: before.id,
    written: 'cli',
  });
  doc.destroy();
  console.log(
    written.length > 0
      ? `Restored version ${version.id} (${version.name}, ${version.createdAt}) of case ${caseId}; the state before is version ${before.id}.`
      : `Case ${caseId} already holds version ${version.id}; nothing written (the state is kept as version ${before.id}).`,
  );
  return 0;
}

async function main(args: string[]): Promise<number> {
  const [command, caseId, versionId] = args;
  if (!caseId || (command !== 'versions' && command !== 'restore-version')) {
    console.error(usage);
    return 2;
  }
  if (command === 'restore-version' && !versionId) {
    console.error(usage);
    return 2;
  }
  const store = await openStore(loadConfig(process.env));
  try {
    if (!(await store.getCase(caseId))) {
      console.error(`No case ${caseId}.`);
      return 1;
    }
    if (command === 'versions') {
      for (const v of await store.listVersions(caseId))
        console.log(`${v.id}\t${v.createdAt}\t${v.kind}\t${v.name}\t${v.author}`);
      return 0;
    }
    return await restore(store, caseId, versionId!);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
