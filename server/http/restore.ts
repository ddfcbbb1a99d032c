import { createReadStream, createWriteStream, existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
import { z } from 'zod';
import { setCaseMeta } from '../../src/core/commands/meta.ts';
import { readMeta } from '../../src/core/doc.ts';
import { newId } from '../../src/core/ids.ts';
import { migrateCaseDoc } from '../../src/core/migrations.ts';
import { CLASSIFICATIONS } from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import { ApiError, backupReason } from '../errors.ts';
import { printableText, withoutControlCharacters } from '../text.ts';
import type { BlobStore } from '../files/BlobStore.ts';
import { sniffType } from '../files/sniff.ts';
import type { FileType } from '../../src/core/commands/files.ts';
import { ZipFile, ZipReadError, type ZipProblem } from '../files/ZipFile.ts';
import type { CaseRecord } from '../store/Store.ts';
import type { Services } from './context.ts';

/**
 * Restoring a backup (see backup.ts), built to survive a hostile file: the body streams to a
 * temporary file, each entry is inflated to a temporary file of its own with a limit per entry
 * (the upload limit for case files) and a total per restore, counted while inflating; nothing is
 * kept until everything has been checked, and the temporary folder goes on every path.
 */

export const BACKUP_FORMAT = 'caseboard-backup';
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 100_010;
const MB = 1024 * 1024;

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  createdBy: z.string(),
  case: z.object({
    title: printableText().pipe(z.string().min(1).max(200)),
    caseNumber: printableText().pipe(z.string().max(80)),
    offences: z.array(printableText().pipe(z.string().max(40))).max(30),
    classification: z.enum(CLASSIFICATIONS),
  }),
  document: z.object({
    path: z.literal('document.yjs'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  files: z
    .array(
      z.object({
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        name: printableText().pipe(z.string().min(1).max(500)),
        mime: z.string(),
        size: z.number().int().min(0),
      }),
    )
    .max(100_000),
});

const short = (hash: string) => `${hash.slice(0, 12)}…`;
/** An entry's name as it may be shown: printable, and not too long. */
const safeName = (name: string) => withoutControlCharacters(name).slice(0, 120);

/** The person's message for what the zip reader found; never an internal exception's text. */
function zipProblem(problem: ZipProblem): ApiError {
  switch (problem.code) {
    case 'entryTooLarge':
      return new ApiError('backup.entryTooLarge', {
        name: problem.name.replace(/^files\/([0-9a-f]{12}).*/, 'files/$1…'),
        limit: Math.round(problem.limit / MB),
      });
    case 'totalTooLarge':
      return new ApiError('backup.tooLarge', { limit: Math.round(problem.limit / MB) });
    case 'zipPath':
      return new ApiError('backup.bad', {
        reason: backupReason('unsafePath', safeName(problem.name)),
      });
    case 'zipDuplicate':
      return new ApiError('backup.bad', {
        reason: backupReason('duplicateEntry', safeName(problem.name)),
      });
    case 'zipEntries':
      return new ApiError('backup.bad', { reason: backupReason('tooManyEntries') });
    case 'badZip':
      return new ApiError('backup.bad', { reason: backupReason('notZip') });
  }
}

/** Writes the request body to `to`, refusing past `limit` bytes (counted, not trusted from headers). */
async function receive(body: Readable, to: string, limit: number): Promise<number> {
  const out = createWriteStream(to);
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (err: unknown) => {
        body.off('data', onData);
        body.off('end', onEnd);
        // Let the rest of a refused body drain, so the person gets the answer rather than a reset.
        body.resume();
        reject(err);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit)
          return stop(new ApiError('backup.tooLarge', { limit: Math.round(limit / MB) }));
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      };
      const onEnd = () => out.end(() => resolve());
      body.on('data', onData);
      body.once('end', onEnd);
      body.once('error', stop);
      out.once('error', stop);
    });
    return size;
  } finally {
    out.destroy();
  }
}

/**
 * Makes restore handlers: one restore at a time per account (a second answers 429 `backup.busy`),
 * each in its own temporary folder under `DATA_DIR/tmp`.
 */
export function restoreCase(services: Services & { blobs: BlobStore }) {
  const { config, store, blobs } = services;
  const running = new Set<string>();
  // What a restore cut short by a crash left behind; nothing else uses these folders at start.
  const tmp = join(config.dataDir, 'tmp');
  if (existsSync(tmp))
    for (const name of readdirSync(tmp))
      if (name.startsWith('restore-')) rmSync(join(tmp, name), { recursive: true, force: true });

  return async function restore(user: PublicUser, body: unknown): Promise<CaseRecord> {
    if (running.has(user.id)) {
      (body as Readable | undefined)?.resume?.();
      throw new ApiError('backup.busy');
    }
    running.add(user.id);
    const dir = join(config.dataDir, 'tmp', `restore-${nanoid()}`);
    try {
      await mkdir(dir, { recursive: true });
      return await restoreIn(dir, user, body);
    } catch (err) {
      if (err instanceof ZipReadError) throw zipProblem(err.problem);
      throw err;
    } finally {
      running.delete(user.id);
      await rm(dir, { recursive: true, force: true });
    }
  };

  async function restoreIn(dir: string, user: PublicUser, body: unknown): Promise<CaseRecord> {
    if (!body || typeof (body as Readable).pipe !== 'function')
      throw new ApiError('backup.bad', { reason: backupReason('empty') });
    const zipPath = join(dir, 'backup.zip');
    const received = await receive(body as Readable, zipPath, config.maxRestoreBytes);
    if (received === 0) throw new ApiError('backup.bad', { reason: backupReason('empty') });

    // Everything is read and checked before anything is written.
    const zip = await ZipFile.open(zipPath, {
      entries: MAX_ENTRIES,
      totalBytes: config.maxRestoreBytes,
    });
    if (!zip.has('manifest.json'))
      throw new ApiError('backup.bad', { reason: backupReason('manifestMissing') });
    await zip.extract('manifest.json', join(dir, 'manifest.json'), MAX_MANIFEST_BYTES);
    let manifest: z.infer<typeof manifestSchema>;
    try {
      manifest = manifestSchema.parse(
        JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
      );
    } catch {
      throw new ApiError('backup.bad', { reason: backupReason('manifest') });
    }
    if (!zip.has('document.yjs'))
      throw new ApiError('backup.bad', { reason: backupReason('document') });
    const document = await zip.extract(
      'document.yjs',
      join(dir, 'document.yjs'),
      config.maxDocumentBytes,
    );
    if (document.sha256 !== manifest.document.sha256)
      throw new ApiError('backup.bad', { reason: backupReason('documentHash') });

    const files: { hash: string; name: string; path: string; size: number; mime: FileType }[] = [];
    const seen = new Set<string>();
    for (const file of manifest.files) {
      if (seen.has(file.hash)) continue;
      seen.add(file.hash);
      const name = `files/${file.hash}`;
      if (!zip.has(name))
        throw new ApiError('backup.bad', {
          reason: backupReason('fileMissing', `files/${short(file.hash)}`),
        });
      const path = join(dir, file.hash);
      const got = await zip.extract(name, path, config.maxUploadBytes);
      if (got.sha256 !== file.hash)
        throw new ApiError('backup.bad', {
          reason: backupReason('fileHash', `files/${short(file.hash)}`),
        });
      const mime = sniffType(got.head.subarray(0, 16));
      if (!mime)
        throw new ApiError('backup.bad', {
          reason: backupReason('fileType', `files/${short(file.hash)}`),
        });
      files.push({ hash: file.hash, name: file.name, path, size: got.size, mime });
    }

    const doc = new Y.Doc();
    try {
      try {
        Y.applyUpdate(doc, await readFile(join(dir, 'document.yjs')));
        migrateCaseDoc(doc, 'server');
      } catch {
        throw new ApiError('backup.bad', { reason: backupReason('document') });
      }
      return await keep(doc, manifest, files, user);
    } finally {
      doc.destroy();
    }
  }

  async function keep(
    doc: Y.Doc,
    manifest: z.infer<typeof manifestSchema>,
    files: { hash: string; name: string; path: string; size: number; mime: FileType }[],
    user: PublicUser,
  ): Promise<CaseRecord> {
    const meta = readMeta(doc);
    const now = new Date().toISOString();
    const record: CaseRecord = {
      id: newId(),
      title: manifest.case.title,
      caseNumber: manifest.case.caseNumber,
      offences: manifest.case.offences,
      classification: manifest.case.classification,
      archived: false,
      createdAt: now,
      updatedAt: now,
    };
    setCaseMeta(
      doc,
      {
        title: record.title,
        caseNumber: record.caseNumber,
        offences: record.offences,
        classification: record.classification,
      },
      'server',
    );
    for (const file of files) {
      const stored = await blobs.put(createReadStream(file.path), config.maxUploadBytes);
      if (stored.hash !== file.hash)
        throw new ApiError('backup.bad', {
          reason: backupReason('fileHash', `files/${short(file.hash)}`),
        });
    }
    await store.createCase(record, user.id, Y.encodeStateAsUpdate(doc));
    const byHash = new Map(files.map((f) => [f.hash, f]));
    for (const file of manifest.files) {
      const kept = byHash.get(file.hash);
      if (!kept) continue;
      byHash.delete(file.hash);
      await store.addCaseFile({
        caseId: record.id,
        hash: file.hash,
        name: file.name,
        mime: kept.mime,
        size: kept.size,
        uploadedBy: user.username,
        uploadedAt: now,
      });
    }
    await store.recordAudit({
      caseId: record.id,
      at: now,
      actor: user.username,
      action: 'case.restore',
      detail: {
        from: manifest.createdAt,
        by: manifest.createdBy,
        files: manifest.files.length,
        schema: meta.schema,
      },
    });
    return record;
  }
}
