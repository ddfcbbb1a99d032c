import { createHash, randomBytes } from 'node:crypto';
import type { Store, UserRecord } from '../store/Store.ts';

/** A user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  admin: boolean;
}

export const toPublicUser = (u: UserRecord): PublicUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  admin: u.admin,
});

/** What the store keeps of a token: its SHA-256, so a leaked database logs no one in. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** How long a sync token from `POST /api/auth/token` lasts. */
export const SYNC_TOKEN_MS = 10 * 60 * 1000;

/**
 * Server-side sessions: the browser holds a random token in an HttpOnly cookie; the store holds only
 * its SHA-256, so a leaked database does not log anyone in. Logout deletes the row (revocation).
 */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly sessionMs: number,
  ) {}

  /** Starts a browser session for `userId`; returns the secret token. */
  async issue(userId: string): Promise<{ token: string; expiresAt: number }> {
    return this.create(userId, 'session', null, this.sessionMs);
  }

  /**
   * A short-lived sync token minted by the session `sessionToken`: it opens the sync endpoint and
   * nothing else, and ends with that session (log-out, password change).
   */
  async issueSyncToken(
    userId: string,
    sessionToken: string,
  ): Promise<{ token: string; expiresAt: number }> {
    return this.create(userId, 'token', hashToken(sessionToken), SYNC_TOKEN_MS);
  }

  private async create(
    userId: string,
    kind: 'session' | 'token',
    parent: string | null,
    lifetimeMs: number,
  ): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = Date.now() + lifetimeMs;
    await this.store.createSession({
      tokenHash: hashToken(token),
      userId,
      kind,
      expiresAt,
      parent,
    });
    return { token, expiresAt };
  }

  /**
   * The user a browser session belongs to, or null when the token is unknown, expired, its user is
   * gone, or it is a sync token (those open the sync endpoint only: `resolveForSync`).
   */
  async resolve(token: string | undefined): Promise<PublicUser | null> {
    const found = await this.find(token);
    return found?.session.kind === 'session' ? found.user : null;
  }

  /**
   * For the sync endpoint: the user of a session or sync token, with the credential its sockets
   * are ended by (a sync token's is its session's, so log-out ends both).
   */
  async resolveForSync(
    token: string | undefined,
  ): Promise<{ user: PublicUser; credential: string; kind: 'session' | 'token' } | null> {
    const found = await this.find(token);
    if (!found) return null;
    const { session } = found;
    return {
      user: found.user,
      credential: session.parent ?? session.tokenHash,
      kind: session.kind,
    };
  }

  private async find(token: string | undefined) {
    if (!token || token.length > 200) return null;
    const session = await this.store.getSession(hashToken(token));
    if (!session) return null;
    if (session.expiresAt <= Date.now()) {
      await this.store.deleteSession(session.tokenHash);
      return null;
    }
    const user = await this.store.getUserById(session.userId);
    return user ? { session, user: toPublicUser(user) } : null;
  }

  /** Ends a session and the sync tokens it minted. */
  async revoke(token: string): Promise<void> {
    await this.store.deleteSession(hashToken(token));
  }

  /** Ends every other session of a user and every sync token they minted (after a password change). */
  async revokeOthers(userId: string, keepToken: string | undefined): Promise<number> {
    return this.store.deleteSessionsOf(userId, keepToken ? hashToken(keepToken) : null);
  }
}
