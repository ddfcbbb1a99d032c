import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { writeZip } from '../../src/core/interop/zip.ts';
import type { Role } from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import { ApiError } from '../errors.ts';
import type { BlobStore } from '../files/BlobStore.ts';
import type { CaseRecord } from '../store/Store.ts';
import { requireUser, type Services } from './context.ts';
import { BACKUP_FORMAT, restoreCase } from './restore.ts';

/**
 * A whole case in one file and back: a zip with the document, its case-file files and a manifest of
 * SHA-256 hashes. A restore checks everything first and then makes a new case, so a bad file changes
 * nothing; it works on another server, too. Both are recorded in the audit trail.
 */

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function backupRoutes(
  app: FastifyInstance,
  services: Services & { blobs: BlobStore },
): void {
  const { store, rooms, blobs } = services;
  // The body stays a stream: a restore writes it to a temporary file, counting (restore.ts).
  app.addContentTypeParser(['application/zip', 'application/octet-stream'], (_r, body, done) =>
    done(null, body),
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
      format: BACKUP_FORMAT,
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

  const restore = restoreCase(services);
  app.post('/api/cases/restore', async (request, reply) => {
    const user = await requireUser(services, request);
    const record = await restore(user, request.body);
    return reply.code(201).send({ ...record, role: 'owner' });
  });

  app.get('/api/cases/:id/audit', async (request) => {
    const { record } = await owner(request);
    return { events: await store.listAudit(record.id) };
  });
}
