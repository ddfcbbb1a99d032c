import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canEdit } from '../../src/core/schema.ts';
import { AUDIT_ACTIONS, auditCsv } from '../audit.ts';
import { ApiError } from '../errors.ts';
import { AUTO_NAMES, RETENTION_SETTING, writeVersion } from '../versions.ts';
import { requireAdmin, requireMember, requireUser, type Services } from './context.ts';

const versionParams = z.object({ id: z.string().min(1).max(64), vid: z.string().min(1).max(64) });
const versionBody = z.object({ name: z.string().trim().min(1).max(200) });
/** `write: false`: the page writes the version itself, as one step of the person's undo. */
const restoreBody = z.object({ write: z.boolean().default(true) }).default({ write: true });
const exportBody = z.object({
  /** What was exported: `board`, `deck`, `outline` … */
  what: z.string().trim().min(1).max(40),
  format: z.string().trim().min(1).max(20),
  /** The board or file it came from, when there is one. */
  source: z.string().max(200).optional(),
  title: z.string().max(300).optional(),
});
const isoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a time')
  .transform((s) => new Date(s).toISOString());
const auditQuery = z.object({
  case: z.string().min(1).max(64).optional(),
  actor: z.string().trim().toLowerCase().min(1).max(64).optional(),
  action: z.string().min(1).max(40).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});
const settingsBody = z.object({ autoVersionDays: z.number().int().min(0).max(36_500) });

/**
 * Versions of a case and the audit trail: list, make, read and restore versions; read, filter,
 * export and check the trail; the retention an administrator sets for automatic versions.
 */
export function historyRoutes(app: FastifyInstance, services: Services): void {
  const { store, rooms, audit, versions } = services;

  const member = (request: FastifyRequest) => requireMember(services, request);

  async function editor(request: FastifyRequest) {
    const found = await member(request);
    if (!canEdit(found.role)) throw new ApiError('case.forbidden');
    return found;
  }

  app.get('/api/cases/:id/versions', async (request) => {
    const { caseId } = await member(request);
    return {
      versions: await store.listVersions(caseId),
      retentionDays: await versions.retentionDays(),
    };
  });

  app.post('/api/cases/:id/versions', async (request, reply) => {
    const { user, caseId } = await editor(request);
    const { name } = versionBody.parse(request.body);
    const version = await versions.make(
      caseId,
      'named',
      name,
      user.username,
      await rooms.state(caseId),
    );
    return reply.code(201).send({ version });
  });

  app.get('/api/cases/:id/versions/:vid', async (request, reply) => {
    const { caseId } = await member(request);
    const { vid } = versionParams.parse(request.params);
    const state = await store.getVersionState(caseId, vid);
    if (!state) throw new ApiError('version.notFound');
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .send(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
  });

  /**
   * Restoring: the server keeps the state before it as a version, writes the version into the
   * document (every collaborator receives it; no page is needed, so a case whose page no longer
   * opens can be recovered) and records who restored what. The page asks `write: false` and writes
   * the version itself as the person's own change, which the person's undo takes back.
   */
  app.post('/api/cases/:id/versions/:vid/restore', async (request) => {
    const { user, caseId } = await editor(request);
    const { vid } = versionParams.parse(request.params);
    const { write } = restoreBody.parse(request.body ?? undefined);
    const version = (await store.listVersions(caseId)).find((v) => v.id === vid);
    const state = version ? await store.getVersionState(caseId, vid) : null;
    if (!version || !state) throw new ApiError('version.notFound');
    const before = await versions.make(
      caseId,
      'auto',
      AUTO_NAMES.beforeRestore,
      user.username,
      await rooms.state(caseId),
    );
    if (write) await rooms.change(caseId, (doc) => writeVersion(doc, state, 'server'));
    await audit.record(user.username, 'version.restored', caseId, {
      version: version.id,
      name: version.name,
      madeAt: version.createdAt,
      before: before.id,
      written: write ? 'server' : 'page',
    });
    return { version, before };
  });

  app.post('/api/cases/:id/audit/export', async (request, reply) => {
    const { user, caseId } = await member(request);
    const body = exportBody.parse(request.body);
    await audit.record(user.username, 'export', caseId, body);
    return reply.code(204).send();
  });

  /** The trail, filtered: administrators see everything, owners the cases they own. */
  app.get('/api/audit', async (request, reply) => {
    const user = await requireUser(services, request);
    const query = auditQuery.parse(request.query);
    const cases = new Map<string, string>();
    let caseIds: string[] | undefined;
    if (user.admin) {
      if (query.case) caseIds = [query.case];
    } else {
      const owned = (await store.listCasesOf(user.id)).filter((c) => c.role === 'owner');
      for (const c of owned) cases.set(c.id, c.title);
      if (owned.length === 0) throw new ApiError('audit.forbidden');
      if (query.case && !cases.has(query.case)) throw new ApiError('case.notFound');
      caseIds = query.case ? [query.case] : [...cases.keys()];
    }
    const events = await store.queryAudit({
      caseIds,
      actor: query.actor,
      action: query.action,
      from: query.from,
      to: query.to,
      limit: query.limit,
    });
    for (const id of new Set(events.map((e) => e.caseId)))
      if (id && !cases.has(id)) cases.set(id, (await store.getCase(id))?.title ?? '');
    if (query.format === 'csv') {
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="caseboard-audit-${stamp}.csv"`)
        .send(auditCsv(events, cases));
    }
    // The page says "Trần Thị Lan đã đăng nhập", not "ksv.lan": the people an entry names, by name.
    const names: Record<string, string> = {};
    const people = new Set(events.flatMap((e) => [e.actor, e.detail?.member]));
    for (const username of people)
      if (typeof username === 'string' && !username.startsWith('link:')) {
        const person = await store.getUserByUsername(username);
        if (person) names[username] = person.displayName;
      }
    return {
      events: events.map((e) => ({ ...e, caseTitle: cases.get(e.caseId) ?? '' })),
      actions: AUDIT_ACTIONS,
      names,
    };
  });

  app.get('/api/audit/verify', async (request) => {
    await requireAdmin(services, request);
    return store.verifyAudit();
  });

  app.get('/api/admin/settings', async (request) => {
    await requireAdmin(services, request);
    return { autoVersionDays: await versions.retentionDays() };
  });

  app.put('/api/admin/settings', async (request) => {
    const user = await requireAdmin(services, request);
    const { autoVersionDays } = settingsBody.parse(request.body);
    await store.setSetting(RETENTION_SETTING, String(autoVersionDays));
    await audit.record(user.username, 'settings.changed', '', { autoVersionDays });
    const dropped = await versions.applyRetention();
    return { autoVersionDays, dropped };
  });
}
