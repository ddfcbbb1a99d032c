import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { ApiClient } from './server.ts';

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

/**
 * Two editors of a new case beside the one under test; `latencies` fills with how long one's change
 * takes to reach the other, every 25 ms, until `stop()` (which answers how many never arrived).
 * The clients go into `clients`, for the test to destroy.
 */
export async function watchNeighbourCase(baseUrl: string, admin: ApiClient, clients: SyncClient[]) {
  const id = (await admin.request('POST', '/api/cases', { title: 'Vụ án bên cạnh' })).body.id;
  const b1 = connectClient(baseUrl, id, await admin.token());
  const b2 = connectClient(baseUrl, id, await admin.token());
  clients.push(b1, b2);
  await Promise.all([synced(b1), synced(b2)]);
  const latencies: number[] = [];
  let running = true;
  let lost = 0;
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const probe = b2.doc.getMap('probe');
      let onChange = () => {};
      const arrived = new Promise<boolean>((resolve) => {
        onChange = () => probe.get('n') === n && resolve(true);
        probe.observe(onChange);
        setTimeout(() => resolve(false), 5000);
      });
      const start = performance.now();
      b1.doc.getMap('probe').set('n', n);
      if (await arrived) latencies.push(performance.now() - start);
      else lost++;
      probe.unobserve(onChange);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    latencies,
    stop: async () => {
      running = false;
      await loop;
      return lost;
    },
  };
}

/** The p-th percentile (0–100) of `values`, 0 when there are none. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
