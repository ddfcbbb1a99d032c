import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { hashToken, toPublicUser } from '../auth/sessions.ts';
import { newUserSchema } from '../users.ts';
import { ApiError } from '../errors.ts';
import { requireUser, setSessionCookie, type Services } from './context.ts';
import { credentialOf, SESSION_COOKIE } from './session.ts';

const loginSchema = z.object({
  username: z.string().trim().toLowerCase().max(64),
  password: z.string().max(256),
});

const passwordSchema = z.object({
  current: z.string().max(256),
  next: newUserSchema.shape.password,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What failed log-ins are counted under: the address (a password spray), the account from that
 * address (guessing one person's password), and the account from anywhere. The last only slows
 * down, never refuses: anyone could otherwise lock anyone out, the right password included.
 */
function loginKeys(username: string, address: string) {
  return {
    address: `address:${address}`,
    pair: `pair:${username}\n${address}`,
    user: `user:${username}`,
  };
}

/** Waits as long as the worst count asks; refuses (429) when the address or the pair is over. */
async function waitOrRefuse(
  services: Services,
  reply: FastifyReply,
  keys: ReturnType<typeof loginKeys>,
): Promise<void> {
  let delayMs = 0;
  for (const [throttle, key] of [
    [services.addressThrottle, keys.address],
    [services.pairThrottle, keys.pair],
    [services.userThrottle, keys.user],
  ] as const) {
    const verdict = await throttle.check([key]);
    if (verdict.refuse) {
      reply.header('Retry-After', Math.ceil(verdict.retryAfterMs / 1000));
      throw new ApiError('auth.tooManyAttempts', {
        minutes: Math.ceil(verdict.retryAfterMs / 60_000),
      });
    }
    delayMs = Math.max(delayMs, verdict.delayMs);
  }
  if (delayMs > 0) await sleep(delayMs);
}

/** Failed log-ins under `username` since its last successful one (from the audit trail). */
async function failuresSinceLastLogin(
  services: Services,
  username: string,
): Promise<{ count: number; lastAt: string; addresses: string[] } | null> {
  const [last] = await services.store.queryAudit({ actor: username, action: 'login', limit: 1 });
  const failed = await services.store.queryAudit({
    actor: username,
    action: 'login.failed',
    ...(last ? { from: last.at } : {}),
    limit: 10_000,
  });
  if (failed.length === 0) return null;
  const addresses = [...new Set(failed.map((e) => String(e.detail?.address ?? '')))].filter(
    Boolean,
  );
  return { count: failed.length, lastAt: failed.at(-1)!.at, addresses: addresses.slice(0, 20) };
}

export function authRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/login', async (request, reply) => {
    const { username, password } = loginSchema.parse(request.body);
    const keys = loginKeys(username, request.ip);
    await waitOrRefuse(services, reply, keys);
    const user = await services.store.getUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
    if (!user || !ok) {
      await services.addressThrottle.fail([keys.address]);
      await services.pairThrottle.fail([keys.pair]);
      await services.userThrottle.fail([keys.user]);
      // Under the name typed (an account or not), with the address it came from.
      await services.audit.record(username.slice(0, 64), 'login.failed', '', {
        address: request.ip,
        known: Boolean(user),
      });
      throw new ApiError('auth.invalidCredentials');
    }
    await services.pairThrottle.succeed(keys.pair);
    await services.userThrottle.succeed(keys.user);
    // Told to the owner: what failed against this account since they last logged in.
    const failedLogins = await failuresSinceLastLogin(services, user.username);
    const { token } = await services.sessions.issue(user.id);
    await services.audit.record(user.username, 'login', '', { address: request.ip });
    setSessionCookie(services, request, reply, token);
    return { user: toPublicUser(user), failedLogins };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = credentialOf(request);
    if (token) {
      const user = await services.sessions.resolve(token);
      await services.sessions.revoke(token);
      // Sockets opened with this session end with it.
      if (user) {
        services.rooms.endSessions(user.id, { credential: hashToken(token) });
        await services.audit.record(user.username, 'logout', '', { address: request.ip });
      }
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post('/api/auth/password', async (request, reply) => {
    const user = await requireUser(services, request);
    const { current, next } = passwordSchema.parse(request.body);
    const keys = loginKeys(user.username, request.ip);
    await waitOrRefuse(services, reply, keys);
    const record = await services.store.getUserById(user.id);
    if (!record || !(await verifyPassword(current, record.passwordHash))) {
      await services.pairThrottle.fail([keys.pair]);
      await services.userThrottle.fail([keys.user]);
      throw new ApiError('auth.wrongPassword');
    }
    await services.store.setPasswordHash(user.id, await hashPassword(next));
    // Whoever else held a session of this account (a stolen one, too) is logged out.
    const keep = credentialOf(request);
    await services.sessions.revokeOthers(user.id, keep);
    services.rooms.endSessions(user.id, { keep: keep ? hashToken(keep) : null });
    await services.audit.record(user.username, 'password.changed', '', { address: request.ip });
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => ({ user: await requireUser(services, request) }));

  // Only a session mints a sync token (`requireUser` refuses sync tokens), so a token cannot renew
  // itself, and it ends with the session that minted it.
  app.post('/api/auth/token', async (request) => {
    const user = await requireUser(services, request);
    const { token, expiresAt } = await services.sessions.issueSyncToken(
      user.id,
      credentialOf(request)!,
    );
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  });
}
