import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the server can be told, read once from the environment by `loadConfig`. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The built page (`vite build` output); null serves the API only. */
  staticDir: string | null;
  adminUsername: string | null;
  adminPassword: string | null;
  /** PostgreSQL instead of SQLite (every table, for several instances). */
  databaseUrl: string | null;
  /** The PostgreSQL schema to keep the tables in (default: the connection's search path). */
  databaseSchema: string | null;
  /** Redis for several instances serving the same cases; needs `databaseUrl`. */
  redisUrl: string | null;
  maxMessageBytes: number;
  maxDocumentBytes: number;
  /** Largest case-file upload (a scan, photo or PDF). */
  maxUploadBytes: number;
  /** Largest backup restore: the zip received, and everything inflated from it, each counted. */
  maxRestoreBytes: number;
  sessionDays: number;
  cookieSecure: boolean;
  /**
   * Trust `X-Forwarded-For`/`-Proto` from a reverse proxy on this machine or network (nginx with
   * TLS): the client's address for log-in limits, and `Secure` cookies when the proxy says https.
   */
  trustProxy: boolean;
  /** How long a room with nobody connected stays in memory. */
  roomGraceMs: number;
  /** Stored updates of a case after which they are merged into its snapshot. */
  compactAfterUpdates: number;
  /** Minutes between automatic versions of a case that is being changed (at most one per interval). */
  autoVersionMinutes: number;
  /** fsync every stored update (always, but for the benchmark that measures its cost). */
  durableWrites: boolean;
  /** Whether to log warnings (off in tests, which provoke them on purpose). */
  logRequests: boolean;
  /** The time zone export footers are dated in (an IANA name), whatever zone the machine keeps. */
  timeZone: string;
  /** Exports (SVG, PDF) the server draws at once; more wait for a 429 and try again. */
  maxExports: number;
  /** Case files read (text layer or OCR) at once in the background; 0 turns reading off. */
  ocrConcurrency: number;
  /** Whether to look for tesseract at all (tests turn it off to see the page without OCR). */
  ocrEnabled: boolean;
}

export const defaultConfig: ServerConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: resolve('data'),
  staticDir: resolve('dist'),
  adminUsername: null,
  adminPassword: null,
  databaseUrl: null,
  databaseSchema: null,
  redisUrl: null,
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxUploadBytes: 50 * 1024 * 1024,
  maxRestoreBytes: 2 * 1024 * 1024 * 1024,
  sessionDays: 14,
  cookieSecure: false,
  trustProxy: false,
  roomGraceMs: 30_000,
  compactAfterUpdates: 500,
  autoVersionMinutes: 60,
  durableWrites: true,
  logRequests: true,
  timeZone: 'Asia/Ho_Chi_Minh',
  maxExports: 2,
  ocrConcurrency: 1,
  ocrEnabled: true,
};

/** Whether `zone` is a time zone this Node knows. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).optional(),
  STATIC_DIR: z.string().min(1).optional(),
  ADMIN_USERNAME: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _')
    .optional(),
  REDIS_URL: z.string().min(1).optional(),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().optional(),
  MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().optional(),
  MAX_RESTORE_BYTES: z.coerce.number().int().positive().optional(),
  SESSION_DAYS: z.coerce.number().positive().optional(),
  COOKIE_SECURE: z.enum(['true', 'false', '1', '0']).optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
  ROOM_GRACE_MS: z.coerce.number().int().min(0).max(86_400_000).optional(),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).max(1_000_000).optional(),
  AUTO_VERSION_MINUTES: z.coerce.number().min(0.01).max(525_600).optional(),
  TIME_ZONE: z.string().refine(knownZone, 'an IANA time zone such as Asia/Ho_Chi_Minh').optional(),
  MAX_EXPORTS: z.coerce.number().int().min(1).max(64).optional(),
  OCR_CONCURRENCY: z.coerce.number().int().min(0).max(64).optional(),
  OCR: z.enum(['on', 'off']).optional(),
});

/**
 * Reads the configuration from environment variables (see README), with clear errors for bad values.
 * @example loadConfig({ PORT: '9000' }).port // 9000
 */
export function loadConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    ...defaultConfig,
    port: e.PORT ?? defaultConfig.port,
    host: e.HOST ?? defaultConfig.host,
    dataDir: e.DATA_DIR ? resolve(e.DATA_DIR) : defaultConfig.dataDir,
    staticDir: e.STATIC_DIR ? resolve(e.STATIC_DIR) : defaultConfig.staticDir,
    adminUsername: e.ADMIN_USERNAME ?? null,
    adminPassword: e.ADMIN_PASSWORD ?? null,
    databaseUrl: e.DATABASE_URL ?? null,
    databaseSchema: e.DATABASE_SCHEMA ?? null,
    redisUrl: e.REDIS_URL ?? null,
    maxMessageBytes: e.MAX_MESSAGE_BYTES ?? defaultConfig.maxMessageBytes,
    maxDocumentBytes: e.MAX_DOCUMENT_BYTES ?? defaultConfig.maxDocumentBytes,
    maxUploadBytes: e.MAX_UPLOAD_BYTES ?? defaultConfig.maxUploadBytes,
    maxRestoreBytes: e.MAX_RESTORE_BYTES ?? defaultConfig.maxRestoreBytes,
    sessionDays: e.SESSION_DAYS ?? defaultConfig.sessionDays,
    cookieSecure: e.COOKIE_SECURE === 'true' || e.COOKIE_SECURE === '1',
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES ?? defaultConfig.compactAfterUpdates,
    roomGraceMs: e.ROOM_GRACE_MS ?? defaultConfig.roomGraceMs,
    autoVersionMinutes: e.AUTO_VERSION_MINUTES ?? defaultConfig.autoVersionMinutes,
    timeZone: e.TIME_ZONE ?? defaultConfig.timeZone,
    maxExports: e.MAX_EXPORTS ?? defaultConfig.maxExports,
    ocrConcurrency: e.OCR_CONCURRENCY ?? defaultConfig.ocrConcurrency,
    ocrEnabled: e.OCR ? e.OCR === 'on' : defaultConfig.ocrEnabled,
  };
}
