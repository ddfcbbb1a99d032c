import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ZodError } from 'zod';
import { Sessions } from './auth/sessions.ts';
import { LoginThrottle, MemoryFailureLog, RedisFailureLog } from './auth/throttle.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import { ApiError, langFrom, messageFor, messageStatus, type ErrorCode } from './errors.ts';
import { authRoutes } from './http/auth.ts';
import { caseRoutes } from './http/cases.ts';
import { exportRoutes } from './http/exports.ts';
import { fileRoutes } from './http/files.ts';
import type { Services } from './http/context.ts';
import { userRoutes } from './http/users.ts';
import { openBlobStore, openStore } from './store/open.ts';
import type { BlobStore } from './files/BlobStore.ts';
import { RedisFanout } from './sync/fanout.ts';
import type { Store } from './store/Store.ts';
import { attachSyncEndpoint } from './sync/endpoint.ts';
import { presentRoutes } from './http/present.ts';
import { backupRoutes } from './http/backup.ts';
import { PresentationHub } from './present/hub.ts';
import { relayPresentations } from './present/relay.ts';
import { RoomManager } from './sync/RoomManager.ts';
import { createUser } from './users.ts';
import { AuditTrail } from './audit.ts';
import { VersionKeeper } from './versions.ts';
import { historyRoutes } from './http/history.ts';
import { DeadlineCache } from './deadlines/DeadlineCache.ts';
import { deadlineRoutes } from './deadlines/routes.ts';
import { fromOwnOrigin, isChanging } from './http/origin.ts';
import { controlCharacterAt } from './text.ts';
import { MentionIndex } from './review/mentions.ts';
import { notesAuditHook } from './review/notesAudit.ts';
import { CaseFileReader } from './ocr/CaseFileReader.ts';
import { PageTexts } from './ocr/PageTexts.ts';
import { ocrRoutes } from './ocr/routes.ts';
import packageJson from '../package.json' with { type: 'json' };

export interface RunningServer {
  /** `http://host:port` the server answers on. */
  url: string;
  port: number;
  config: ServerConfig;
  store: Store;
  rooms: RoomManager;
  /** Every HTTP route the server answers, as registered (for the tests that walk them all). */
  routes: ReadonlyArray<{ method: string; url: string }>;
  /** Stops accepting, closes every socket, stores everything and closes the database. */
  close(): Promise<void>;
}

/**
 * A failed write to the database or the disk: a full disk (SQLite's SQLITE_FULL, the system's
 * ENOSPC) or another storage fault. Such a request changed nothing (each write is one transaction).
 */
export function storageErrorOf(err: unknown): 'storage.full' | 'storage.failed' | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'storage.full';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code === 'EROFS')
    return 'storage.failed';
  return null;
}

/** Maps errors Fastify raises itself (bad JSON, body too large …) onto our codes. */
function codeOf(err: FastifyError): ErrorCode {
  if (err.statusCode === 413) return 'request.tooLarge';
  if (err.statusCode === 429) return 'request.tooMany';
  if (err.statusCode === 404) return 'request.notFound';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'request.invalid';
  return 'server.error';
}

/**
 * The page's Content-Security-Policy. Scripts only from this origin (pdf.js's WebAssembly needs
 * 'wasm-unsafe-eval', which allows compiling WebAssembly, not evaluating strings); styles from this
 * origin plus the style attributes React sets; pictures and fonts from here, or as data: and blob:
 * URLs that exports and thumbnails make in the page; sockets to this origin only.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function buildHttp(
  services: Services & {
    caseFile: { blobs: BlobStore; reader: CaseFileReader; texts: PageTexts };
  },
  routes: Array<{ method: string; url: string }> = [],
): FastifyInstance {
  const { config } = services;
  const app = Fastify({
    // Warnings and errors only: one line per request is noise for a case team's server.
    logger: { level: config.logRequests ? 'warn' : 'error' },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    // Shutdown does not wait for idle keep-alive connections of open pages.
    forceCloseConnections: true,
  });

  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });

  // Every answer: a strict policy for the page (its own origin only, no inline script), no framing,
  // no type sniffing, no referrer. Routes that serve files set a stricter policy of their own.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('Content-Security-Policy'))
      reply.header('Content-Security-Policy', PAGE_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    return payload;
  });

  // A change asked by another origin's page, even a same-site one the cookie reaches, is refused.
  app.addHook('onRequest', async (request) => {
    if (isChanging(request.method) && !fromOwnOrigin(request.headers))
      throw new ApiError('request.foreignOrigin');
  });

  // No text field takes control characters (a NUL in a title), wherever it comes in.
  app.addHook('preValidation', async (request) => {
    const field =
      controlCharacterAt(request.params) ??
      controlCharacterAt(request.query) ??
      controlCharacterAt(request.body);
    if (field !== null) throw new ApiError('request.controlCharacter', { field });
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = langFrom(request.headers['accept-language']);
    if (err instanceof ApiError) {
      return reply
        .code(err.status)
        .send({ error: err.code, message: messageFor(err.code, lang, err.params) });
    }
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply
        .code(400)
        .send({ error: 'request.invalid', message: messageFor('request.invalid', lang), details });
    }
    const storage = storageErrorOf(err);
    if (storage) {
      request.log.error({ err }, 'storage failed');
      return reply
        .code(messageStatus(storage))
        .send({ error: storage, message: messageFor(storage, lang) });
    }
    const code = codeOf(err);
    if (code === 'server.error') request.log.error({ err }, 'unhandled error');
    return reply
      .code(err.statusCode && err.statusCode >= 400 ? err.statusCode : 500)
      .send({ error: code, message: messageFor(code, lang) });
  });

  void app.register(fastifyCookie);
  void app.register(fastifyRateLimit, {
    max: 600,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: 'request.tooMany',
      message: messageFor('request.tooMany', langFrom(request.headers['accept-language'])),
      retryAfter: context.after,
    }),
  });

  app.get('/api/health', async () => ({ ok: true, version: packageJson.version }));
  void app.register(async (api) => {
    authRoutes(api, services);
    userRoutes(api, services);
    caseRoutes(api, services);
    historyRoutes(api, services);
    deadlineRoutes(api, services);
  });
  // Its own scope: the image parser for presentation pictures applies to these routes only.
  void app.register(async (present) => presentRoutes(present, services));
  // Its own scope: the raw-body parser for uploads applies to these routes only.
  const { blobs, reader, texts } = services.caseFile;
  void app.register(async (files) => fileRoutes(files, { ...services, blobs, reader }));
  void app.register(async (search) => ocrRoutes(search, { ...services, texts, reader }));
  void app.register(async (exports) => exportRoutes(exports, { ...services, blobs }));
  // Its own scope: the zip body parser applies to backups only.
  void app.register(async (backup) => backupRoutes(backup, { ...services, blobs }));

  const staticDir = config.staticDir ? resolve(config.staticDir) : null;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    void app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        // Built assets carry a content hash in their names; everything else is revalidated.
        res.header(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const lang = langFrom(request.headers['accept-language']);
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/yjs/');
    if (isPage && staticDir && existsSync(join(staticDir, 'index.html'))) {
      // The page routes itself: /cases/:id and the like all get the single page.
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', staticDir);
    }
    return reply
      .code(404)
      .send({ error: 'request.notFound', message: messageFor('request.notFound', lang) });
  });
  return app;
}

/**
 * Builds and starts the whole server: storage, the HTTP API, the page and the sync endpoint.
 * @example const server = await startServer({ port: 0, dataDir: '/tmp/cb' }); await server.close();
 */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...defaultConfig, ...overrides };
  if (config.redisUrl && !config.databaseUrl) {
    throw new Error(
      'REDIS_URL is set without DATABASE_URL: instances that share cases must share one PostgreSQL database.',
    );
  }
  const store = await openStore(config);
  const sessions = new Sessions(store, config.sessionDays * 24 * 3600 * 1000);
  const http = { log: null as FastifyInstance['log'] | null };
  const log = {
    warn: (details: Record<string, unknown>, message: string) => http.log?.warn(details, message),
    error: (details: Record<string, unknown>, message: string) => http.log?.error(details, message),
  };
  const audit = new AuditTrail(store);
  const logFailure = (err: unknown) =>
    http.log?.error({ err: String(err) }, 'could not write the audit trail or a version');
  const versions = new VersionKeeper(store, audit, config.autoVersionMinutes * 60_000, logFailure);
  const fanout = config.redisUrl
    ? await RedisFanout.connect(config.redisUrl, (err) =>
        http.log?.error({ err: err.message }, 'redis'),
      ).catch(async (err: unknown) => {
        await store.close();
        throw err;
      })
    : undefined;
  const deadlines = new DeadlineCache(store);
  // Review notes: the case list's mentions read the open room's document, or the store's.
  const roomsRef: { rooms: RoomManager | null } = { rooms: null };
  const mentions = new MentionIndex(store, (caseId) => roomsRef.rooms?.openDocument(caseId));
  const rooms = new RoomManager(store, {
    fanout,
    hooks: [
      deadlines.hook,
      mentions.hook,
      notesAuditHook((actor, action, caseId, detail) =>
        audit.recordQuietly(logFailure, actor, action, caseId, detail),
      ),
    ],
    graceMs: config.roomGraceMs,
    maxDocumentBytes: config.maxDocumentBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    log,
    audit: (actor, action, caseId, detail) =>
      audit.recordQuietly(logFailure, actor, action, caseId, detail),
    versions,
  });
  // Failed log-ins are counted where every instance sees them: in Redis when there is one, under
  // a prefix of this deployment's database schema (deployments may share a Redis).
  const failureLog = () =>
    fanout
      ? new RedisFailureLog(
          fanout.commands,
          `caseboard:${config.databaseSchema ?? 'public'}:login:`,
          (err) => http.log?.error({ err: err.message }, 'redis (login throttle)'),
        )
      : new MemoryFailureLog();
  const hub = new PresentationHub();
  if (fanout)
    await relayPresentations(hub, fanout, (err) =>
      http.log?.error({ err: err.message }, 'redis (presentation)'),
    );
  roomsRef.rooms = rooms;
  const services: Services = {
    config,
    mentions,
    hub,
    fanout,
    store,
    sessions,
    rooms,
    audit,
    versions,
    deadlines,
    userThrottle: new LoginThrottle(
      { slowAfter: 3, refuseAfter: Infinity, windowMs: 15 * 60 * 1000, maxDelayMs: 2000 },
      failureLog(),
    ),
    pairThrottle: new LoginThrottle(undefined, failureLog()),
    addressThrottle: new LoginThrottle(
      { slowAfter: 10, refuseAfter: 50, windowMs: 15 * 60 * 1000, maxDelayMs: 2000 },
      failureLog(),
    ),
  };

  if (
    config.adminUsername &&
    config.adminPassword &&
    !(await store.getUserByUsername(config.adminUsername.toLowerCase()))
  ) {
    await createUser(store, {
      username: config.adminUsername,
      password: config.adminPassword,
      admin: true,
      displayName: config.adminUsername,
    }).catch(async (err: unknown) => {
      // Several instances starting at once: one of them made the account; that is all we wanted.
      if (!(await store.getUserByUsername(config.adminUsername!.toLowerCase()))) throw err;
    });
  }
  await store.deleteExpiredSessions(Date.now());

  // The case file's text, read in the background (server/ocr/).
  const blobs = openBlobStore(store, config.dataDir);
  const texts = PageTexts.of(store);
  const reader = await CaseFileReader.start(texts, blobs, {
    concurrency: config.ocrConcurrency,
    ocr: config.ocrEnabled,
    dataDir: config.dataDir,
    log: (details, message) => http.log?.warn(details, message),
  });

  const routes: Array<{ method: string; url: string }> = [];
  const app = buildHttp({ ...services, caseFile: { blobs, reader, texts } }, routes);
  http.log = app.log;
  const sync = attachSyncEndpoint(app.server, {
    sessions,
    store,
    rooms,
    maxMessageBytes: config.maxMessageBytes,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    config,
    store,
    rooms,
    routes,
    close: () =>
      (closing ??= (async () => {
        sync.stopAccepting();
        await rooms.close();
        sync.close();
        await app.close();
        await reader.close();
        await versions.close();
        await fanout?.close();
        await store.close();
      })()),
  };
}
