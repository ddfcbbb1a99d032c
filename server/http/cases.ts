import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { setCaseMeta } from '../../src/core/commands/meta.ts';
import { newId } from '../../src/core/ids.ts';
import { migrateCaseDoc } from '../../src/core/migrations.ts';
import { isOffenceRef } from '../../src/core/offences.ts';
import {
  canEdit,
  caseMetaInputSchema,
  caseMetaPatchSchema,
  ROLES,
  type Role,
} from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import { ApiError } from '../errors.ts';
import type { CaseRecord } from '../store/Store.ts';
import { requireUser, type Services } from './context.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const memberParams = idParams.extend({ username: z.string().trim().toLowerCase().min(1).max(64) });
const roleBody = z.object({ role: z.enum(ROLES) });

/** The first state of a new case's document: the current schema and its metadata. */
function initialSnapshot(meta: z.infer<typeof caseMetaInputSchema>): Uint8Array {
  const doc = new Y.Doc();
  migrateCaseDoc(doc, 'server');
  setCaseMeta(doc, meta, 'server');
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return snapshot;
}

/** Offences are Penal Code articles (`BLHS-173`); free text that names none is refused. */
function checkOffences(offences: readonly string[] | undefined): void {
  const bad = offences?.find((offence) => !isOffenceRef(offence));
  if (bad !== undefined) throw new ApiError('case.badOffence', { offence: bad });
}

export function caseRoutes(app: FastifyInstance, services: Services): void {
  const { store, rooms, audit } = services;

  /** The case and the caller's role in it; 404 for non-members so case ids are not confirmed. */
  async function memberCase(
    request: FastifyRequest,
  ): Promise<{ user: PublicUser; record: CaseRecord; role: Role }> {
    const user = await requireUser(services, request);
    const { id } = idParams.parse(request.params);
    const role = await store.getRole(id, user.id);
    const record = role ? await store.getCase(id) : null;
    if (!role || !record) throw new ApiError('case.notFound');
    return { user, record, role };
  }

  app.get('/api/cases', async (request) => {
    const user = await requireUser(services, request);
    const cases = await store.listCasesOf(user.id);
    // Open review notes that mention the caller, per case (docs/api.md, docs/review.md).
    const mentions = await Promise.all(cases.map((c) => services.mentions.of(c.id, user.id)));
    return { cases: cases.map((c, i) => ({ ...c, mentions: mentions[i] })) };
  });

  app.post('/api/cases', async (request, reply) => {
    const user = await requireUser(services, request);
    const input = caseMetaInputSchema.parse(request.body);
    checkOffences(input.offences);
    const now = new Date().toISOString();
    const record: CaseRecord = {
      id: newId(),
      title: input.title,
      caseNumber: input.caseNumber ?? '',
      offences: input.offences ?? [],
      classification: input.classification ?? 'none',
      archived: false,
      createdAt: now,
      updatedAt: now,
    };
    await store.createCase(record, user.id, initialSnapshot({ ...input, ...record }));
    await audit.record(user.username, 'case.created', record.id, {
      title: record.title,
      caseNumber: record.caseNumber,
      classification: record.classification,
    });
    return reply.code(201).send({ ...record, role: 'owner' });
  });

  app.get('/api/cases/:id', async (request) => {
    const { record, role } = await memberCase(request);
    return { ...record, role };
  });

  app.patch('/api/cases/:id', async (request) => {
    const { user, record, role } = await memberCase(request);
    const patch = caseMetaPatchSchema.parse(request.body);
    checkOffences(patch.offences);
    const ownerOnly = patch.classification !== undefined || patch.archived !== undefined;
    if (!canEdit(role) || (ownerOnly && role !== 'owner')) throw new ApiError('case.forbidden');
    const updatedAt = new Date().toISOString();
    await store.updateCase(record.id, { ...patch, updatedAt });
    const { title, archived, ...others } = patch;
    if (title !== undefined && title !== record.title)
      await audit.record(user.username, 'case.renamed', record.id, {
        from: record.title,
        to: title,
      });
    if (archived !== undefined && archived !== record.archived)
      await audit.record(user.username, archived ? 'case.archived' : 'case.unarchived', record.id);
    const changed = Object.fromEntries(
      Object.entries(others).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(record[key as keyof CaseRecord]),
      ),
    );
    if (Object.keys(changed).length > 0)
      await audit.record(user.username, 'case.updated', record.id, { changed });
    const { archived: _archived, ...meta } = patch;
    if (Object.keys(meta).length > 0) {
      // Every open page shows the new title at once; the database row above is what lists read.
      await rooms
        .change(record.id, (doc) => setCaseMeta(doc, meta, 'server'))
        .catch((err: unknown) => {
          request.log.error(
            { err, caseId: record.id },
            'could not write case metadata into the document',
          );
        });
    }
    return { ...record, ...patch, updatedAt, role };
  });

  app.get('/api/cases/:id/members', async (request) => {
    const { record } = await memberCase(request);
    const members = await store.listMembers(record.id);
    return {
      // The id is what review notes store for a mention (docs/review.md).
      members: members.map(({ userId, username, displayName, role }) => ({
        id: userId,
        username,
        displayName,
        role,
      })),
    };
  });

  app.put('/api/cases/:id/members/:username', async (request) => {
    const { user, record, role } = await memberCase(request);
    if (role !== 'owner') throw new ApiError('case.forbidden');
    const { username } = memberParams.parse(request.params);
    const { role: newRole } = roleBody.parse(request.body);
    const member = await store.getUserByUsername(username);
    if (!member) throw new ApiError('user.notFound', { username });
    const before = await store.getRole(record.id, member.id);
    if (!(await store.setMember(record.id, member.id, newRole)))
      throw new ApiError('member.lastOwner');
    rooms.setAccess(record.id, member.id, newRole);
    if (before !== newRole)
      await audit.record(user.username, before ? 'member.role' : 'member.added', record.id, {
        member: member.username,
        role: newRole,
        ...(before ? { from: before } : {}),
      });
    return { username: member.username, displayName: member.displayName, role: newRole };
  });

  app.delete('/api/cases/:id/members/:username', async (request, reply) => {
    const { user, record, role } = await memberCase(request);
    if (role !== 'owner') throw new ApiError('case.forbidden');
    const { username } = memberParams.parse(request.params);
    const member = await store.getUserByUsername(username);
    const before = member ? await store.getRole(record.id, member.id) : null;
    if (!member || !before) throw new ApiError('user.notFound', { username });
    if (!(await store.removeMember(record.id, member.id))) throw new ApiError('member.lastOwner');
    rooms.setAccess(record.id, member.id, null);
    await audit.record(user.username, 'member.removed', record.id, {
      member: member.username,
      role: before,
    });
    return reply.code(204).send();
  });
}
