/**
 * One sync server in its own process, for the sync benchmark: `ours`, `ours-no-fsync`, the
 * reference y-websocket backend (`@y/websocket-server`, in memory) or Hocuspocus (in memory).
 * Prints `{"port":…}` once listening; answers `rss` on stdin with `{"rss":…}` (bytes, after a GC).
 */
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { WebSocketServer } from 'ws';
import { startTestServer } from '../../tests/helpers/server.ts';

const kind = process.argv[2];

async function start(): Promise<number> {
  if (kind === 'ours' || kind === 'ours-no-fsync') {
    const server = await startTestServer({
      durableWrites: kind === 'ours',
      compactAfterUpdates: 500,
    });
    return server.port;
  }
  if (kind === 'reference') {
    const { setupWSConnection } = await import('@y/websocket-server/utils');
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    wss.on('connection', (ws, req) => setupWSConnection(ws, req));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return (http.address() as { port: number }).port;
  }
  if (kind === 'hocuspocus') {
    const { Server } = await import('@hocuspocus/server');
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
    await server.listen();
    return server.address.port;
  }
  throw new Error(`unknown server kind ${kind}`);
}

const port = await start();
process.stdout.write(JSON.stringify({ port }) + '\n');
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'rss') {
    (globalThis as { gc?: () => void }).gc?.();
    process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + '\n');
  }
});
