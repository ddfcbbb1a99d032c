import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newId } from '../../src/core/ids.ts';
import { canEdit } from '../../src/core/schema.ts';
import { ApiError } from '../errors.ts';
import { presentStateSchema, type LiveEvent } from '../present/hub.ts';
import { REVOKED_CHANNEL } from '../present/relay.ts';
import type { HearingLinkRecord } from '../store/Store.ts';
import { requireMember, type Services } from './context.ts';

/**
 * Presenting to people without an account: an owner creates a read-only hearing link; its holder
 * sees only what the presenter shows (the slide as a picture, the step, the pointer), never the
 * case document, boards or files. Tokens are 256 random bits, stored as their SHA-256; every use is
 * recorded. Members of the case follow through the document's awareness instead.
 */

const idParams = z.object({ id: z.string().min(1).max(64) });
const linkParams = idParams.extend({ linkId: z.string().min(1).max(64) });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const createBody = z.object({
  label: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(120))
    .optional(),
  expiresAt: z.string().datetime({ offset: true }),
});
const MAX_LINK_DAYS = 30;
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

function publicLink(link: HearingLinkRecord) {
  return {
    id: link.id,
    label: link.label,
    createdBy: link.createdBy,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    uses: link.uses ?? 0,
  };
}

export function presentRoutes(app: FastifyInstance, services: Services): void {
  const { store, hub, fanout } = services;
  /** Live streams per link, ended at once when the link is revoked (on any instance). */
  const streams = new Map<string, Set<(reason: string) => void>>();
  const endStreams = (linkId: string) => {
    for (const end of streams.get(linkId) ?? []) end('revoked');
  };
  void fanout
    ?.listen(REVOKED_CHANNEL, (payload) => endStreams(payload.toString()))
    .catch((err: unknown) =>
      // Revocations on other instances would not end this one's streams: say so loudly.
      app.log.error({ err: String(err) }, 'redis: could not follow revoked hearing links'),
    );

  app.addContentTypeParser(
    ['image/png', 'image/jpeg'],
    { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES },
    (_r, body, done) => done(null, body),
  );

  const member = (request: FastifyRequest) => requireMember(services, request);
  async function owner(request: FastifyRequest) {
    const found = await member(request);
    if (found.role !== 'owner') throw new ApiError('case.forbidden');
    return found;
  }

  /** The link a token opens, or the reason it does not. */
  async function linkOf(token: string): Promise<HearingLinkRecord> {
    const link = await store.getLinkByHash(hashToken(token));
    if (!link) throw new ApiError('link.unknown');
    if (link.revokedAt) throw new ApiError('link.revoked');
    if (Date.parse(link.expiresAt) <= Date.now()) throw new ApiError('link.expired');
    return link;
  }
  const use = async (link: HearingLinkRecord, what: 'open' | 'follow', request: FastifyRequest) => {
    const at = new Date().toISOString();
    const agent = String(request.headers['user-agent'] ?? '').slice(0, 300);
    await store.recordLinkUse({ linkId: link.id, at, what, address: request.ip, agent });
    // Someone outside the case saw it: the trail names the link, since the viewer has no account.
    await services.audit.record(`link:${link.id}`, 'link.used', link.caseId, {
      link: link.id,
      label: link.label,
      what,
      address: request.ip,
    });
  };

  app.post('/api/cases/:id/links', async (request, reply) => {
    const { user, caseId } = await owner(request);
    const body = createBody.parse(request.body);
    const expires = Date.parse(body.expiresAt);
    if (!(expires > Date.now()) || expires > Date.now() + MAX_LINK_DAYS * 86_400_000)
      throw new ApiError('link.badExpiry');
    const token = randomBytes(32).toString('base64url');
    const link: HearingLinkRecord = {
      id: newId(),
      caseId,
      label: body.label ?? '',
      createdBy: user.username,
      createdAt: new Date().toISOString(),
      expiresAt: new Date(expires).toISOString(),
      revokedAt: null,
      uses: 0,
    };
    await store.createLink(link, hashToken(token));
    await store.recordAudit({
      caseId,
      at: link.createdAt,
      actor: user.username,
      action: 'link.create',
      detail: { link: link.id, label: link.label, expiresAt: link.expiresAt },
    });
    // The token is shown once, here; the server keeps only its hash.
    return reply.code(201).send({ link: publicLink(link), token, path: `/live/${token}` });
  });

  app.get('/api/cases/:id/links', async (request) => {
    const { caseId } = await owner(request);
    return { links: (await store.listLinks(caseId)).map(publicLink) };
  });

  app.get('/api/cases/:id/links/:linkId/uses', async (request) => {
    const { caseId } = await owner(request);
    const { linkId } = linkParams.parse(request.params);
    if (!(await store.listLinks(caseId)).some((l) => l.id === linkId))
      throw new ApiError('link.unknown');
    return { uses: await store.listLinkUses(linkId) };
  });

  app.delete('/api/cases/:id/links/:linkId', async (request, reply) => {
    const { user, caseId } = await owner(request);
    const { linkId } = linkParams.parse(request.params);
    const at = new Date().toISOString();
    if (!(await store.revokeLink(caseId, linkId, at))) throw new ApiError('link.unknown');
    await store.recordAudit({
      caseId,
      at,
      actor: user.username,
      action: 'link.revoke',
      detail: { link: linkId },
    });
    endStreams(linkId);
    fanout?.send(REVOKED_CHANNEL, Buffer.from(linkId));
    return reply.code(204).send();
  });

  // The presenter's side: what is on the screen now, and a picture of the slide. Only an editor or
  // owner presents (a viewer would choose what people outside the case see); whoever sends a state
  // becomes the presenter, and only the presenter sends pictures and ends. Every start, every slide
  // or step shown, every picture and the end is in the audit trail: it is what outsiders saw.
  async function presenter(request: FastifyRequest) {
    const found = await member(request);
    if (!canEdit(found.role)) throw new ApiError('case.forbidden');
    return found;
  }
  const record = (user: { username: string }, action: string, caseId: string, detail = {}) =>
    services.audit.record(user.username, action, caseId, detail);

  app.put('/api/cases/:id/presentation', async (request) => {
    const { user, caseId } = await presenter(request);
    const state = presentStateSchema.parse(request.body);
    const before = hub.presenterOf(caseId);
    if (before?.id !== user.id)
      await record(user, 'present.started', caseId, {
        ...(before ? { tookOverFrom: before.name } : {}),
      });
    if (
      before?.id !== user.id ||
      before.state.slide !== state.slide ||
      before.state.step !== state.step ||
      before.state.title !== state.title ||
      before.state.black !== state.black
    )
      await record(user, 'present.shown', caseId, {
        slide: state.slide,
        step: state.step,
        title: state.title,
        black: state.black,
      });
    hub.setState(caseId, state, { id: user.id, name: user.displayName });
    return { ok: true };
  });
  app.put('/api/cases/:id/presentation/image', async (request) => {
    const { user, caseId } = await presenter(request);
    const current = hub.presenterOf(caseId);
    if (current && current.id !== user.id) throw new ApiError('present.notPresenter');
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const body = request.body;
    if (!(body instanceof Buffer) || !['image/png', 'image/jpeg'].includes(type))
      throw new ApiError('present.badImage');
    const png = body.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const jpeg = body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff;
    if (!(png || jpeg)) throw new ApiError('present.badImage');
    await record(user, 'present.image', caseId, {
      sha256: createHash('sha256').update(body).digest('hex'),
      bytes: body.length,
      slide: current?.state.slide ?? null,
    });
    return { version: hub.setImage(caseId, body, png ? 'image/png' : 'image/jpeg') };
  });
  app.delete('/api/cases/:id/presentation', async (request, reply) => {
    const { user, caseId, role } = await presenter(request);
    const current = hub.presenterOf(caseId);
    // The presenter ends; an owner may end anyone's (a presenter whose laptop died).
    if (current && current.id !== user.id && role !== 'owner')
      throw new ApiError('present.notPresenter');
    if (current) await record(user, 'present.ended', caseId, { presenter: current.name });
    hub.end(caseId);
    return reply.code(204).send();
  });

  // The link holder's side.
  app.get('/api/live/:token', async (request) => {
    const { token } = tokenParams.parse(request.params);
    const link = await linkOf(token);
    await use(link, 'open', request);
    await hub.ensure(link.caseId);
    const record = await store.getCase(link.caseId);
    return {
      title: record?.title ?? '',
      // The courtroom screen carries the case's state-secret marking, as every screen of it does.
      classification: record?.classification ?? 'none',
      label: link.label,
      expiresAt: link.expiresAt,
      ...hub.current(link.caseId),
    };
  });

  app.get('/api/live/:token/image', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const link = await linkOf(token);
    await hub.ensure(link.caseId);
    const image = hub.image(link.caseId);
    if (!image) throw new ApiError('present.none');
    return reply
      .header('Content-Type', image.mime)
      .header('Cache-Control', 'no-store')
      .send(image.data);
  });

  app.get('/api/live/:token/events', async (request, reply) => {
    const { token } = tokenParams.parse(request.params);
    const link = await linkOf(token);
    await use(link, 'follow', request);
    await hub.ensure(link.caseId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (name: string, data: unknown) =>
      res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    const onState = (event: LiveEvent) => send('state', event);
    let closed = false;
    const end = (reason: string) => {
      if (closed) return;
      closed = true;
      send('end', { reason });
      res.end();
      cleanup();
    };
    const unsubscribe = hub.subscribe(link.caseId, onState);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const expiry = setTimeout(
      () => end('expired'),
      Math.min(Date.parse(link.expiresAt) - Date.now(), 2 ** 31 - 1),
    );
    let set = streams.get(link.id);
    if (!set) streams.set(link.id, (set = new Set()));
    set.add(end);
    function cleanup() {
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
      set!.delete(end);
      if (set!.size === 0) streams.delete(link.id);
    }
    request.raw.on('close', () => {
      closed = true;
      cleanup();
    });
    onState(hub.current(link.caseId));
  });
}
