import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP load balancer like an nginx upstream: each new connection goes to the next backend in
 * turn; a backend that refuses is skipped. WebSocket upgrades pass through untouched, so a client
 * whose instance died reconnects here and lands on a live one.
 */
export interface Balancer {
  url: string;
  /** Which backend port each open connection went to. */
  connections(): Map<Socket, number>;
  close(): Promise<void>;
}

export async function startBalancer(ports: readonly number[]): Promise<Balancer> {
  let next = 0;
  const open = new Map<Socket, number>();
  const server: Server = createServer((client) => {
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= ports.length) {
        client.destroy();
        return;
      }
      const port = ports[next++ % ports.length]!;
      const upstream = connect(port, '127.0.0.1');
      upstream.once('error', () => {
        upstream.destroy();
        if (!open.has(client)) tryBackend(attempt + 1);
        else client.destroy();
      });
      upstream.once('connect', () => {
        open.set(client, port);
        client.pipe(upstream).pipe(client);
        client.resume();
        const end = () => {
          open.delete(client);
          client.destroy();
          upstream.destroy();
        };
        client.once('close', end);
        upstream.once('close', end);
        client.on('error', end);
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => open,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open.keys()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
