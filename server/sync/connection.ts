import type { WebSocket } from 'ws';
import type { Role } from '../../src/core/schema.ts';
import type { PublicUser } from '../auth/sessions.ts';
import { CloseCode } from './protocol.ts';

/** One socket in a room. */
export interface Connection {
  readonly ws: WebSocket;
  readonly user: PublicUser;
  role: Role;
  /** SHA-256 of the session or token the socket was opened with, so revoking it closes the socket. */
  readonly credential: string;
  /** Messages this socket may still send now (a token bucket the room manager refills). */
  budget: number;
  /** Awareness client ids this connection controls, removed when it closes. */
  readonly awarenessIds: Set<number>;
}

/** The origin of changes that came from another instance (already stored; not sent back). */
export const REMOTE = Symbol('remote instance');

/** Sends `message` to `conn` if it is open; a failed send ends the socket. */
export function send(conn: Connection, message: Uint8Array): void {
  if (conn.ws.readyState !== conn.ws.OPEN) return;
  conn.ws.send(message, (err) => {
    if (err) conn.ws.terminate();
  });
}

/** Closes every socket of `userId` among `connections` (access removed) or changes its role. */
export function setAccess(connections: Iterable<Connection>, userId: string, role: Role | null) {
  for (const conn of connections) {
    if (conn.user.id !== userId) continue;
    if (role === null) conn.ws.close(CloseCode.accessRemoved, 'access removed');
    else conn.role = role;
  }
}

/** Closes the sockets of `userId` opened with a credential `ends` says is revoked. */
export function endSessions(
  connections: Iterable<Connection>,
  userId: string,
  ends: (credential: string) => boolean,
): void {
  for (const conn of connections)
    if (conn.user.id === userId && ends(conn.credential))
      conn.ws.close(CloseCode.sessionEnded, 'session ended');
}
