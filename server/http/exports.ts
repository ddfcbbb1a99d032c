import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { listBoards, listSlides } from '../../src/core/index.ts';
import { SceneTooLarge, type ExportContext } from '../../src/export/documents/index.ts';
import { NoSuchBoard } from '../../src/render/board.ts';
import { ApiError, langFrom, type Lang } from '../errors.ts';
import type { BlobStore } from '../files/BlobStore.ts';
import { nodeResources } from '../export/resources.ts';
import { exportInWorker, exportTask } from '../export/workers.ts';
import type { Store } from '../store/Store.ts';
import type { RoomManager } from '../sync/RoomManager.ts';
import { requireMember, type Services } from './context.ts';

const boardParams = z.object({ id: z.string().min(1).max(64), boardId: z.string().min(1).max(64) });
const lang = z.enum(['vi', 'en']).optional();
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const svgQuery = z.object({ frame: z.string().min(1).max(64).optional(), lang });
const pdfQuery = svgQuery.extend({
  paper: z.enum(['A4', 'A3']).default('A4'),
  orientation: z.enum(['portrait', 'landscape']).default('landscape'),
  scale: z.coerce.number().int().min(1).max(100_000).optional(),
  /** "Kèm ý kiến": the board's review notes in an appendix (docs/review.md). */
  notes: flag.default(false),
});
const deckQuery = z.object({ perStep: flag.default(false), notes: flag.default(false), lang });
const reportQuery = z.object({ lang });
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Why a query was refused, per parameter, for people (this code cannot use i18next; the words sit
 * here beside the schema they explain).
 */
const QUERY_PROBLEMS: Record<string, Record<Lang, string>> = {
  paper: { vi: 'khổ giấy (paper) chỉ có thể là A4 hoặc A3.', en: 'paper must be A4 or A3.' },
  orientation: {
    vi: 'hướng giấy (orientation) chỉ có thể là portrait (dọc) hoặc landscape (ngang).',
    en: 'orientation must be portrait or landscape.',
  },
  scale: {
    vi: 'tỉ lệ (scale) phải là một số nguyên từ 1 đến 100000 (1:scale).',
    en: 'scale must be a whole number from 1 to 100000 (1:scale).',
  },
  frame: { vi: 'khung (frame) phải là mã của một trang chiếu.', en: 'frame must be a slide id.' },
  lang: { vi: 'ngôn ngữ (lang) chỉ có thể là vi hoặc en.', en: 'lang must be vi or en.' },
  perStep: { vi: 'perStep chỉ có thể là 0 hoặc 1.', en: 'perStep must be 0 or 1.' },
  notes: { vi: 'notes chỉ có thể là 0 hoặc 1.', en: 'notes must be 0 or 1.' },
};
const UNKNOWN_PROBLEM = {
  vi: 'tham số không hợp lệ.',
  en: 'a parameter is not valid.',
} as const satisfies Record<Lang, string>;

/** Reads a query with `schema`; a bad one is a 400 `export.badQuery` naming the parameter. */
function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  throw new ApiError('export.badQuery', { reason: QUERY_PROBLEMS[field] ?? UNKNOWN_PROBLEM });
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const UNSAFE_NAME_CHARS = /[\\/\u0000-\u001f"]/g;

/** `attachment; filename*=UTF-8''Sơ%20đồ.pdf` (RFC 5987/6266), a Vietnamese name kept whole. */
export function exportDisposition(title: string, ext: 'pdf' | 'svg' | 'docx'): string {
  const base = title.normalize('NFC').replace(UNSAFE_NAME_CHARS, '_').trim().slice(0, 150);
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987's attr-char does not allow them.
  const encoded = encodeURIComponent(`${base || 'caseboard'}.${ext}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}

/** The case document as stored: its snapshot and every later update (`npm run export` reads this). */
export async function storedDocument(store: Store, caseId: string): Promise<Y.Doc> {
  const stored = await store.loadDocument(caseId);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * A copy of the case document: the live room's when the case is open, else as stored. Exports
 * read the copy, so nothing they do can reach the document people edit.
 */
export async function exportDocument(
  rooms: RoomManager,
  store: Store,
  caseId: string,
): Promise<Y.Doc> {
  if (!rooms.isLoaded(caseId)) return storedDocument(store, caseId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await rooms.state(caseId));
  return doc;
}

/**
 * The bytes of a case-file blob, for this case only: a document may name any hash (its author
 * writes it), but an export must never carry another case's file.
 */
export function caseBlobs(
  store: Store,
  blobs: BlobStore,
  caseId: string,
): (hash: string) => Promise<Uint8Array | null> {
  return async (hash) => {
    if (!(await store.getCaseFile(caseId, hash)) || !(await blobs.has(hash))) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of blobs.open(hash)) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  };
}

/** The slide frame `frameId` of `boardId`, or a 404 when the board has no such frame slide. */
function frameOf(doc: Y.Doc, boardId: string, frameId: string | undefined) {
  if (!frameId) return null;
  const slide = listSlides(doc).find((s) => s.id === frameId);
  if (!slide || slide.kind !== 'frame' || slide.boardId !== boardId || !slide.frame)
    throw new ApiError('export.frameNotFound', { frame: frameId });
  return slide.frame;
}

/**
 * Exports drawn from the case document by the server (issue 21): a board as SVG or PDF, the deck as
 * PDF. Any member may export (a viewer may read the case, so may take it away as a file); the
 * server records each export in the audit trail, whatever page asked. At most `config.maxExports` (`MAX_EXPORTS`) run at
 * once, each in a worker thread (server/export/workers.ts), so the server keeps answering while
 * one runs; a client that goes away cancels its export.
 */
export function exportRoutes(
  app: FastifyInstance,
  services: Services & { blobs: BlobStore },
): void {
  const { store, rooms, audit, blobs, config } = services;
  let running = 0;

  type Member = Awaited<ReturnType<typeof requireMember>>;

  /** Runs one export with a slot, a copy of the document and a signal for a client gone away. */
  async function exporting<T>(
    request: FastifyRequest,
    member: Member,
    work: (doc: Y.Doc, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (running >= config.maxExports)
      throw new ApiError('export.busy', { limit: config.maxExports });
    running++;
    const gone = new AbortController();
    const onClose = () => gone.abort();
    const socket = request.raw.socket;
    socket.once('close', onClose);
    let doc: Y.Doc | null = null;
    try {
      doc = await exportDocument(rooms, store, member.caseId);
      return await work(doc, gone.signal);
    } catch (err) {
      if (err instanceof NoSuchBoard) throw new ApiError('board.notFound');
      if (err instanceof SceneTooLarge)
        throw new ApiError('export.sceneTooLarge', { scale: err.scale, fits: err.fits });
      throw err;
    } finally {
      running--;
      socket.off('close', onClose);
      doc?.destroy();
    }
  }

  /** The export's context: what the worker is told, and where it reads the case file. */
  function context(
    request: FastifyRequest,
    caseId: string,
    language: Lang | undefined,
    author: string,
  ): {
    plain: Omit<ExportContext, 'resources'>;
    blob: (hash: string) => Promise<Uint8Array | null>;
  } {
    return {
      plain: {
        language: language ?? langFrom(request.headers['accept-language']),
        date: new Date(),
        timeZone: config.timeZone,
        author,
      },
      blob: nodeResources(caseBlobs(store, blobs, caseId)).blob,
    };
  }

  function boardOf(doc: Y.Doc, request: FastifyRequest) {
    const { boardId } = boardParams.parse(request.params);
    const board = listBoards(doc).find((b) => b.id === boardId);
    if (!board) throw new ApiError('board.notFound');
    return board;
  }

  // No HEAD twin: it would draw (and record) a whole export to send no file.
  const headless = { exposeHeadRoute: false };

  const send = (reply: FastifyReply, type: string, disposition: string, body: string | Buffer) =>
    reply
      .header('Content-Type', type)
      .header('Content-Disposition', disposition)
      .header('Cache-Control', 'private, no-store')
      .send(body);

  app.get('/api/cases/:id/boards/:boardId/export.svg', headless, async (request, reply) => {
    const member = await requireMember(services, request);
    const { user, caseId } = member;
    const query = parseQuery(svgQuery, request.query);
    const svg = await exporting(request, member, async (doc, signal) => {
      const board = boardOf(doc, request);
      const frame = frameOf(doc, board.id, query.frame);
      const { plain, blob } = context(request, caseId, query.lang, user.displayName);
      const task = exportTask(doc, plain, {
        kind: 'boardSvg',
        boardId: board.id,
        options: { frame },
      });
      const made = String(await exportInWorker(task, blob, signal));
      await audit.record(user.username, 'export', caseId, {
        what: 'board',
        format: 'svg',
        source: board.id,
        title: board.title,
        ...(query.frame ? { frame: query.frame } : {}),
        by: 'server',
      });
      return { made, title: board.title };
    });
    return send(
      reply,
      'image/svg+xml; charset=utf-8',
      exportDisposition(svg.title, 'svg'),
      svg.made,
    );
  });

  app.get('/api/cases/:id/boards/:boardId/export.pdf', headless, async (request, reply) => {
    const member = await requireMember(services, request);
    const { user, caseId } = member;
    const query = parseQuery(pdfQuery, request.query);
    const pdf = await exporting(request, member, async (doc, signal) => {
      const board = boardOf(doc, request);
      const frame = frameOf(doc, board.id, query.frame);
      const { plain, blob } = context(request, caseId, query.lang, user.displayName);
      const options = {
        paper: query.paper,
        orientation: query.orientation,
        frame,
        scale: query.scale ?? null,
        includeNotes: query.notes,
      };
      const task = exportTask(doc, plain, { kind: 'boardPdf', boardId: board.id, options });
      const made = (await exportInWorker(task, blob, signal)) as Uint8Array;
      await audit.record(user.username, 'export', caseId, {
        what: 'board',
        format: 'pdf',
        source: board.id,
        title: board.title,
        paper: query.paper,
        orientation: query.orientation,
        ...(query.frame ? { frame: query.frame } : {}),
        ...(query.scale ? { scale: query.scale } : {}),
        ...(query.notes ? { notes: true } : {}),
        by: 'server',
      });
      return { made, title: board.title };
    });
    return send(reply, 'application/pdf', exportDisposition(pdf.title, 'pdf'), asBuffer(pdf.made));
  });

  app.get('/api/cases/:id/deck.pdf', headless, async (request, reply) => {
    const member = await requireMember(services, request);
    const { user, caseId } = member;
    const query = parseQuery(deckQuery, request.query);
    const pdf = await exporting(request, member, async (doc, signal) => {
      const { plain, blob } = context(request, caseId, query.lang, user.displayName);
      const options = { perStep: query.perStep, notes: query.notes };
      const task = exportTask(doc, plain, { kind: 'deckPdf', options });
      const made = (await exportInWorker(task, blob, signal)) as Uint8Array;
      const title = (await store.getCase(caseId))?.title ?? caseId;
      await audit.record(user.username, 'export', caseId, {
        what: 'deck',
        format: 'pdf',
        title,
        slides: listSlides(doc).length,
        perStep: query.perStep,
        notes: query.notes,
        by: 'server',
      });
      return { made, title };
    });
    return send(reply, 'application/pdf', exportDisposition(pdf.title, 'pdf'), asBuffer(pdf.made));
  });

  // The case report ("Báo cáo án", docs/report.md): its sections, order, texts and figures are the
  // report settings of the case document, so a route needs only the format and the language.
  for (const format of ['pdf', 'docx'] as const)
    app.get(`/api/cases/:id/report.${format}`, headless, async (request, reply) => {
      const member = await requireMember(services, request);
      const { user, caseId } = member;
      const query = parseQuery(reportQuery, request.query);
      const report = await exporting(request, member, async (doc, signal) => {
        const { plain, blob } = context(request, caseId, query.lang, user.displayName);
        const kind = format === 'pdf' ? 'reportPdf' : 'reportDocx';
        const made = (await exportInWorker(
          exportTask(doc, plain, { kind }),
          blob,
          signal,
        )) as Uint8Array;
        const title = (await store.getCase(caseId))?.title ?? caseId;
        await audit.record(user.username, 'export', caseId, {
          what: 'report',
          format,
          title,
          by: 'server',
        });
        return { made, title };
      });
      const name = `${query.lang === 'en' ? 'Case report' : 'Báo cáo án'} — ${report.title}`;
      return send(
        reply,
        format === 'pdf' ? 'application/pdf' : DOCX_TYPE,
        exportDisposition(name, format),
        asBuffer(report.made),
      );
    });
}

const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
