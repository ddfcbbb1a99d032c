import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes this client's socket received, in order. */
  closes: number[];
  destroy(): void;
}

/** A stock y-websocket client, authenticated with a sync token as a non-browser client would be. */
export function connectClient(
  baseUrl: string,
  caseId: string,
  token: string,
  doc = new Y.Doc(),
): SyncClient {
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/yjs', caseId, doc, {
    // The token as a subprotocol, not in the URL, so no access log keeps it.
    protocols: ['caseboard', `caseboard-token.${token}`],
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 200,
    // Providers in one process would otherwise share changes over BroadcastChannel, bypassing the server.
    disableBc: true,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the client has completed its first sync with the server. */
export function synced(client: SyncClient, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls `check` until it returns true or the time is up. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 3000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A raw socket to the sync endpoint, for sending what a well-behaved client never would. */
export function rawSocket(baseUrl: string, caseId: string, token?: string): WebSocket {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${caseId}${query}`);
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
export function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Resolves with the close code of a socket. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}
