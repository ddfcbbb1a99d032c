import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeadlineCache } from '../deadlines/DeadlineCache.ts';
import { z } from 'zod';
import type { Role } from '../../src/core/schema.ts';
import type { ServerConfig } from '../config.ts';
import type { LoginThrottle } from '../auth/throttle.ts';
import type { PublicUser, Sessions } from '../auth/sessions.ts';
import { ApiError } from '../errors.ts';
import type { Store } from '../store/Store.ts';
import type { RoomManager } from '../sync/RoomManager.ts';
import type { AuditTrail } from '../audit.ts';
import type { VersionKeeper } from '../versions.ts';
import type { PresentationHub } from '../present/hub.ts';
import type { RedisFanout } from '../sync/fanout.ts';
import type { MentionIndex } from '../review/mentions.ts';
import { credentialOf, SESSION_COOKIE } from './session.ts';

/** What every route needs, built once by the composition root. */
export interface Services {
  config: ServerConfig;
  store: Store;
  sessions: Sessions;
  rooms: RoomManager;
  /** Failed log-ins of an account from anywhere: slows down, never refuses. */
  userThrottle: LoginThrottle;
  /** Failed log-ins of an account from one address: slows down, then refuses that address. */
  pairThrottle: LoginThrottle;
  /** Failed log-ins from one address, whatever the account (a password spray). */
  addressThrottle: LoginThrottle;
  audit: AuditTrail;
  versions: VersionKeeper;
  /** What presenters show to hearing-link holders. */
  hub: PresentationHub;
  /** Set with several instances (`REDIS_URL`). */
  fanout: RedisFanout | undefined;
  /** What each case's procedural deadlines are computed from, per case (server/deadlines/). */
  deadlines: DeadlineCache;
  /** Open review notes that mention each member, for the case list. */
  mentions: MentionIndex;
}

/** The logged-in user, or a 401 `auth.required`. */
export async function requireUser(
  services: Services,
  request: FastifyRequest,
): Promise<PublicUser> {
  const user = await services.sessions.resolve(credentialOf(request));
  if (!user) throw new ApiError('auth.required');
  return user;
}

const caseParams = z.object({ id: z.string().min(1).max(64) });

/**
 * The caller, the case named by the route's `:id` and the caller's role in it. Non-members get
 * 404 `case.notFound`, the same as for a case that does not exist, so case ids are not confirmed.
 */
export async function requireMember(
  services: Services,
  request: FastifyRequest,
): Promise<{ user: PublicUser; caseId: string; role: Role }> {
  const user = await requireUser(services, request);
  const { id } = caseParams.parse(request.params);
  const role = await services.store.getRole(id, user.id);
  if (!role) throw new ApiError('case.notFound');
  return { user, caseId: id, role };
}

export async function requireAdmin(
  services: Services,
  request: FastifyRequest,
): Promise<PublicUser> {
  const user = await requireUser(services, request);
  if (!user.admin) throw new ApiError('auth.adminOnly');
  return user;
}

export function setSessionCookie(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Secure whenever the browser reached us over HTTPS (directly, or through a trusted proxy).
    secure: services.config.cookieSecure || request.protocol === 'https',
    path: '/',
    maxAge: Math.round(services.config.sessionDays * 24 * 3600),
  });
}
