import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { setCaseMeta } from '../../src/core/commands/meta.ts';
import { readMeta } from '../../src/core/doc.ts';
import { newId } from '../../src/core/ids.ts';
import { ImportError } from '../../src/core/interop/model.ts';
import { readZip, writeZip } from '../../src/core/interop/zip.ts';
import { migrateCaseDoc } from '../../src/core/migrations.ts';
import { CLASSIFICATIONS, type Role } from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import { ApiError, backupReason } from '../errors.ts';
import { printableText, withoutControlCharacters } from '../text.ts';
import type { BlobStore } from '../files/BlobStore.ts';
import { sniffType } from '../files/sniff.ts';
import type { CaseRecord } from '../store/Store.ts';
import { requireUser, type Services } from './context.ts';

/**
 * A whole case in one file and back: a zip with the document, its case-file files and a manifest of
 * SHA-256 hashes. A restore checks everything first and then makes a new case, so a bad file changes
 * nothing; it works on another server, too. Both are recorded in the audit trail.
 */

const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
const FORMAT = 'caseboard-backup';
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const manifestSchema = z.object({
  format: z.literal(FORMAT),
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

/** What a zip reader's refusal means for a person. */
function zipReason(err: ImportError) {
  switch (err.code) {
    case 'zipPath':
      return backupReason(
        'unsafePath',
        withoutControlCharacters(String(err.params.name ?? '')).slice(0, 120),
      );
    case 'zipEntries':
      return backupReason('tooManyEntries');
    case 'zipBomb':
    case 'tooLarge':
      return backupReason('tooLarge');
    default:
      return backupReason('notZip');
  }
}

export function backupRoutes(
  app: FastifyInstance,
  services: Services & { blobs: BlobStore },
): void {
  const { store, rooms, blobs } = services;
  app.addContentTypeParser(
    ['application/zip', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_BACKUP_BYTES },
    (_r, body, done) => done(null, body),
  );

  async function owner(
    request: FastifyRequest,
  ): Promise<{ user: PublicUser; record: CaseRecord; role: Role }> {
    const user = await requireUser(services, request);
    const { id } = z.object({ id: z.string().min(1).max(64) }).parse(request.params);
    const role = await store.getRole(id, user.id);
    const record = role ? await store.getCase(id) : null;
    if (!role || !record) throw new ApiError('case.notFound');
    if (role !== 'owner') throw new ApiError('case.forbidden');
    return { user, record, role };
  }

  app.get('/api/cases/:id/backup', async (request, reply) => {
    const { user, record } = await owner(request);
    let state: Uint8Array = new Uint8Array();
    // The live document, with every update a room holds, read through the room.
    await rooms.change(record.id, (doc) => {
      state = Y.encodeStateAsUpdate(doc);
    });
    const files = await store.listCaseFiles(record.id);
    const entries: Record<string, Uint8Array> = { 'document.yjs': state };
    for (const file of files) {
      if (!(await blobs.has(file.hash))) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of blobs.open(file.hash)) chunks.push(chunk as Buffer);
      entries[`files/${file.hash}`] = new Uint8Array(Buffer.concat(chunks));
    }
    const manifest = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      createdBy: user.username,
      case: {
        title: record.title,
        caseNumber: record.caseNumber,
        offences: record.offences,
        classification: record.classification,
      },
      document: { path: 'document.yjs', sha256: sha256(state) },
      files: files
        .filter((f) => entries[`files/${f.hash}`])
        .map((f) => ({ hash: f.hash, name: f.name, mime: f.mime, size: f.size })),
    };
    entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
    const zip = writeZip(entries);
    await store.recordAudit({
      caseId: record.id,
      at: manifest.createdAt,
      actor: user.username,
      action: 'case.backup',
      detail: {
        files: manifest.files.length,
        bytes: zip.length,
        document: manifest.document.sha256,
      },
    });
    const name = `${
      record.title
        .normalize('NFC')
        .replace(/[\\/:*?"<>|]+/g, ' ')
        .trim() || 'caseboard'
    }.caseboard.zip`;
    return reply
      .header('Content-Type', 'application/zip')
      .header('Content-Length', zip.length)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });

  app.post('/api/cases/restore', { bodyLimit: MAX_BACKUP_BYTES }, async (request, reply) => {
    const user = await requireUser(services, request);
    const body = request.body;
    if (!(body instanceof Buffer) || body.length === 0)
      throw new ApiError('backup.bad', { reason: backupReason('empty') });
    // Everything is read and checked before anything is written.
    let entries: Record<string, Uint8Array>;
    try {
      entries = readZip(new Uint8Array(body), undefined, {
        bytes: MAX_BACKUP_BYTES,
        entries: 100_010,
      });
    } catch (err) {
      if (err instanceof ImportError) throw new ApiError('backup.bad', { reason: zipReason(err) });
      throw err;
    }
    const manifestBytes = entries['manifest.json'];
    if (!manifestBytes)
      throw new ApiError('backup.bad', { reason: backupReason('manifestMissing') });
    let manifest: z.infer<typeof manifestSchema>;
    try {
      manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(manifestBytes)));
    } catch {
      throw new ApiError('backup.bad', { reason: backupReason('manifest') });
    }
    const state = entries['document.yjs'];
    if (!state || sha256(state) !== manifest.document.sha256)
      throw new ApiError('backup.bad', { reason: backupReason('documentHash') });
    for (const file of manifest.files) {
      const data = entries[`files/${file.hash}`];
      if (!data || sha256(data) !== file.hash)
        throw new ApiError('backup.bad', {
          reason: backupReason('fileHash', `files/${file.hash.slice(0, 12)}…`),
        });
      if (!sniffType(data.subarray(0, 16)))
        throw new ApiError('backup.bad', {
          reason: backupReason('fileType', `files/${file.hash.slice(0, 12)}…`),
        });
    }
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      migrateCaseDoc(doc, 'server');
    } catch (err) {
      // The library's own words ("Unexpected end of array") are for the log, not for a person.
      request.log.warn({ err: String(err) }, 'restore: unreadable document');
      throw new ApiError('backup.bad', { reason: backupReason('document') });
    }
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
    for (const file of manifest.files) {
      const stored = await blobs.put(
        Readable.from([Buffer.from(entries[`files/${file.hash}`]!)]),
        MAX_BACKUP_BYTES,
      );
      if (stored.hash !== file.hash)
        throw new ApiError('backup.bad', {
          reason: backupReason('fileHash', `files/${file.hash.slice(0, 12)}…`),
        });
    }
    await store.createCase(record, user.id, Y.encodeStateAsUpdate(doc));
    for (const file of manifest.files)
      await store.addCaseFile({
        caseId: record.id,
        hash: file.hash,
        name: file.name,
        mime: sniffType(entries[`files/${file.hash}`]!.subarray(0, 16))!,
        size: entries[`files/${file.hash}`]!.length,
        uploadedBy: user.username,
        uploadedAt: now,
      });
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
    doc.destroy();
    return reply.code(201).send({ ...record, role: 'owner' });
  });

  app.get('/api/cases/:id/audit', async (request) => {
    const { record } = await owner(request);
    return { events: await store.listAudit(record.id) };
  });
}
