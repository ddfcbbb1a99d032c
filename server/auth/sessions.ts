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

  /** Starts a browser session or a short-lived sync token for `userId`; returns the secret token. */
  async issue(
    userId: string,
    kind: 'session' | 'token',
  ): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = Date.now() + (kind === 'session' ? this.sessionMs : SYNC_TOKEN_MS);
    await this.store.createSession({ tokenHash: hashToken(token), userId, kind, expiresAt });
    return { token, expiresAt };
  }

  /** The user a token belongs to, or null when it is unknown, expired or its user is gone. */
  async resolve(token: string | undefined): Promise<PublicUser | null> {
    if (!token || token.length > 200) return null;
    const session = await this.store.getSession(hashToken(token));
    if (!session) return null;
    if (session.expiresAt <= Date.now()) {
      await this.store.deleteSession(session.tokenHash);
      return null;
    }
    const user = await this.store.getUserById(session.userId);
    return user ? toPublicUser(user) : null;
  }

  async revoke(token: string): Promise<void> {
    await this.store.deleteSession(hashToken(token));
  }

  /** Ends every other session and sync token of a user (after a password change). */
  async revokeOthers(userId: string, keepToken: string | undefined): Promise<number> {
    return this.store.deleteSessionsOf(userId, keepToken ? hashToken(keepToken) : null);
  }
}
