import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SHA256 } from '../../src/core/commands/files.ts';
import { canEdit } from '../../src/core/schema.ts';
import { ApiError } from '../errors.ts';
import { UploadAborted, UploadError, type BlobStore } from '../files/BlobStore.ts';
import { requireMember, type Services } from './context.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const fileParams = idParams.extend({ hash: z.string().regex(SHA256) });
// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const UNSAFE_NAME_CHARS = /[\\/\u0000-\u001f]/g;
const uploadQuery = z.object({
  name: z
    .string()
    // Path separators and control characters have no place in a shown file name.
    .transform((s) => s.normalize('NFC').replace(UNSAFE_NAME_CHARS, '_').trim())
    .pipe(z.string().min(1).max(255)),
});

/**
 * The content types an upload may be sent with: raw bytes, or the type of an accepted file. The
 * type that counts is still the one sniffed from the bytes.
 */
const UPLOAD_TYPES = new Set([
  'application/octet-stream',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
]);

/**
 * The digitised case file: upload (raw body, type checked by content), list, read and re-check.
 * Files are stored once per SHA-256; a case lists the hashes it holds.
 */
export function fileRoutes(
  app: FastifyInstance,
  services: Services & { blobs: BlobStore; reader?: { add(hash: string): Promise<void> } },
): void {
  const { store, blobs, config, audit } = services;
  /** When each person last read each file, so the trail says "read" once an hour, not per page. */
  const lastRead = new Map<string, number>();
  async function recordRead(
    username: string,
    caseId: string,
    file: { hash: string; name: string },
  ) {
    const key = `${username}\n${caseId}\n${file.hash}`;
    const now = Date.now();
    if (now - (lastRead.get(key) ?? 0) < 3_600_000) return;
    lastRead.set(key, now);
    if (lastRead.size > 50_000)
      for (const [k, at] of lastRead) if (now - at >= 3_600_000) lastRead.delete(k);
    await audit.record(username, 'file.read', caseId, { hash: file.hash, name: file.name });
  }
  const limitMb = Math.round(config.maxUploadBytes / (1024 * 1024));

  // Upload bodies are streamed to disk by the route, never buffered by a parser: without this,
  // the JSON and text parsers Fastify keeps by default would read a `text/plain` upload first,
  // leaving the route an exhausted stream that never ends (and a temporary file that never goes).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const member = (request: Parameters<typeof requireMember>[1]) => requireMember(services, request);

  app.post(
    '/api/cases/:id/files',
    { bodyLimit: Number.MAX_SAFE_INTEGER },
    async (request, reply) => {
      const { user, caseId, role } = await member(request);
      if (!canEdit(role)) throw new ApiError('case.forbidden');
      const { name } = uploadQuery.parse(request.query);
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!UPLOAD_TYPES.has(type)) {
        // Refused before a byte of it is read; the connection goes, the body with it.
        reply.header('Connection', 'close');
        throw new ApiError('files.badContentType', { type: type.slice(0, 100) });
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > config.maxUploadBytes)
        throw new ApiError('files.tooLarge', { limit: limitMb });
      let blob;
      try {
        blob = await blobs.put(request.raw, config.maxUploadBytes);
      } catch (err) {
        // The client left half-way: the temporary file is gone, and there is no one to answer.
        if (err instanceof UploadAborted) throw new ApiError('request.invalid');
        if (err instanceof UploadError) {
          // Stop reading the rest of a refused upload, and say why at once.
          reply.header('Connection', 'close');
          throw new ApiError(err.code, { limit: limitMb });
        }
        throw err;
      }
      const record = {
        caseId,
        hash: blob.hash,
        name,
        mime: blob.mime,
        size: blob.size,
        uploadedBy: user.username,
        uploadedAt: new Date().toISOString(),
      };
      const added = await store.addCaseFile(record);
      const saved = added ? record : ((await store.getCaseFile(caseId, blob.hash)) ?? record);
      // Its text is read in the background (server/ocr/), once per stored file.
      await services.reader?.add(blob.hash);
      if (added)
        await audit.record(user.username, 'file.uploaded', caseId, {
          hash: record.hash,
          name: record.name,
          mime: record.mime,
          size: record.size,
        });
      return reply
        .code(added ? 201 : 200)
        .send({ ...publicFile(saved), deduplicated: !added || !blob.created });
    },
  );

  app.get('/api/cases/:id/files', async (request) => {
    const { caseId } = await member(request);
    return { files: (await store.listCaseFiles(caseId)).map(publicFile) };
  });

  app.get('/api/cases/:id/files/:hash', async (request, reply) => {
    const { user, caseId } = await member(request);
    const { hash } = fileParams.parse(request.params);
    const file = await store.getCaseFile(caseId, hash);
    if (!file || !(await blobs.has(hash))) throw new ApiError('files.notFound');
    await recordRead(user.username, caseId, file);
    return reply
      .header('Content-Type', file.mime)
      .header('Content-Length', await blobs.size(hash))
      .header('X-Content-Type-Options', 'nosniff')
      .header(
        'Content-Security-Policy',
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      )
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('Content-Disposition', servedDisposition(file.name, file.mime))
      .send(blobs.open(hash));
  });

  app.post('/api/cases/:id/files/:hash/verify', async (request) => {
    const { caseId } = await member(request);
    const { hash } = fileParams.parse(request.params);
    const file = await store.getCaseFile(caseId, hash);
    if (!file || !(await blobs.has(hash))) throw new ApiError('files.notFound');
    const actual = await blobs.rehash(hash);
    return { hash, sha256: actual, ok: actual === hash, checkedAt: new Date().toISOString() };
  });
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/**
 * How a case file is handed to a browser that opens its address: pictures inline (a browser only
 * draws them, and `nosniff` keeps it so), anything else, PDFs above all (their JavaScript runs in
 * the browser's viewer), as an attachment. The name keeps the sniffed type's extension, never the
 * one the uploader gave: "x.html" holding a PDF is served as "x.pdf".
 */
export function servedDisposition(name: string, mime: string): string {
  const ext = EXTENSIONS[mime] ?? 'bin';
  const base = name.replace(/\.[^./\\]{1,10}$/, '') || 'tep';
  const how = mime.startsWith('image/') ? 'inline' : 'attachment';
  return `${how}; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`;
}

function publicFile(f: {
  hash: string;
  name: string;
  mime: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}) {
  return {
    hash: f.hash,
    name: f.name,
    mime: f.mime,
    size: f.size,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.uploadedAt,
  };
}
