import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Sessions } from '../auth/sessions.ts';
import type { Store } from '../store/Store.ts';
import type { RoomManager } from './RoomManager.ts';
import { sessionCookieIn } from '../http/session.ts';
import { fromOwnOrigin } from '../http/origin.ts';

const SYNC_PATH = /^\/yjs\/([A-Za-z0-9_-]{1,64})$/;

export interface SyncEndpointDeps {
  sessions: Sessions;
  store: Store;
  rooms: RoomManager;
  maxMessageBytes: number;
}

/** The subprotocol a client names to carry its sync token: `caseboard-token.<token>`. */
export const TOKEN_PROTOCOL = 'caseboard-token.';
/** The subprotocol the server answers with, so the token is never echoed back. */
export const SYNC_PROTOCOL = 'caseboard';

/**
 * A token the client sent on purpose, best first: the WebSocket subprotocol or an `Authorization`
 * header (neither lands in a proxy's access log), then `?token=` (kept for older clients).
 */
function explicitToken(request: IncomingMessage, url: URL): string | undefined {
  for (const offered of String(request.headers['sec-websocket-protocol'] ?? '').split(',')) {
    const protocol = offered.trim();
    if (protocol.startsWith(TOKEN_PROTOCOL)) return protocol.slice(TOKEN_PROTOCOL.length);
  }
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return url.searchParams.get('token') ?? undefined;
}

function refuse(socket: Duplex, status: number, text: string): void {
  const body = JSON.stringify({
    error: status === 401 ? 'auth.required' : 'case.notFound',
    message: text,
  });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * A socket's error listener that holds nothing of the upgrade: it stays on the socket for its whole
 * life, and a closure made in the upgrade handler would keep the request (its headers, and the read
 * buffer `head` is a slice of) alive with every idle connection.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}

/**
 * Authenticates an upgrade to `/yjs/:caseId`, checks membership and only then hands the socket to
 * its room. Nothing made here outlives the upgrade.
 */
function admit(
  wss: WebSocketServer,
  deps: SyncEndpointDeps,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = SYNC_PATH.exec(url.pathname);
  if (!match?.[1]) {
    refuse(socket, 404, 'Not Found');
    return;
  }
  const caseId = match[1];
  const explicit = explicitToken(request, url);
  // A browser's cookie only counts when the page is our own origin (no cross-site socket
  // hijacking), and only a session's: a sync token set as the cookie is no session.
  const cookie = fromOwnOrigin(request.headers)
    ? sessionCookieIn(request.headers.cookie)
    : undefined;
  void (async () => {
    const found = await deps.sessions.resolveForSync(explicit ?? cookie);
    if (!found || (explicit === undefined && found.kind !== 'session'))
      return refuse(socket, 401, 'Unauthorized');
    const { user, credential } = found;
    const role = await deps.store.getRole(caseId, user.id);
    if (!role) return refuse(socket, 404, 'Not Found');
    wss.handleUpgrade(request, socket, head, (ws) => {
      // (With noServer, ws does not emit 'connection' by itself; the heartbeat listens to it.)
      wss.emit('connection', ws, request);
      deps.rooms.connect(ws, caseId, user, role, credential);
    });
  })().catch(() => refuse(socket, 500, 'Internal Server Error'));
}

/**
 * The sync endpoint `/yjs/:caseId`: authenticates the upgrade (the session cookie, or a sync token
 * as subprotocol, bearer header or `?token=`), checks
 * membership, and only then accepts the socket, so no document data reaches anyone unchecked.
 */
export function attachSyncEndpoint(server: Server, deps: SyncEndpointDeps): SyncEndpoint {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxMessageBytes,
    // Answer with the plain protocol when offered, so the token protocol is never sent back.
    handleProtocols: (protocols) =>
      protocols.has(SYNC_PROTOCOL) ? SYNC_PROTOCOL : ([...protocols][0] ?? false),
  });
  let closing = false;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', destroySocket);
    if (closing) {
      socket.destroy();
      return;
    }
    admit(wss, deps, request, socket, head);
  });

  // Sockets that stop answering pings are closed, so their awareness (presence) goes away.
  const alive = new WeakSet<object>();
  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  });
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, 30_000);
  heartbeat.unref();
  return {
    stopAccepting: () => {
      closing = true;
    },
    close: () => {
      clearInterval(heartbeat);
      // The rooms have sent every socket its close frame; whatever is left is cut.
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

export interface SyncEndpoint {
  /** Refuses new sockets (a shutdown is under way), so clients do not reconnect into it. */
  stopAccepting(): void;
  /** Ends every remaining socket. */
  close(): void;
}
