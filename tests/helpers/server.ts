import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server and starts a new one on the same data directory (and the same port). */
  restart(overrides?: Partial<ServerConfig>): Promise<TestServer>;
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>;
}

/** A real server on 127.0.0.1, port 0, with a fresh DATA_DIR and the administrator `admin`. */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'caseboard-test-'));
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    staticDir: 'dist',
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    logRequests: false,
    roomGraceMs: 200,
    ...overrides,
    dataDir,
  });
  const server: TestServer = {
    ...running,
    dataDir,
    restart: async (more = {}) => {
      await running.close();
      return startTestServer({ ...overrides, ...more, dataDir, port: running.port });
    },
    dispose: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A logged-in HTTP client: keeps the session cookie like a browser would. */
export class ApiClient {
  cookie = '';
  constructor(
    readonly baseUrl: string,
    readonly lang = 'en',
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const res = await client.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`login failed for ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const send = () =>
      fetch(this.baseUrl + path, {
        method,
        headers: {
          'accept-language': this.lang,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let res: Response;
    try {
      res = await send();
    } catch (err) {
      // After a test restarts the server on the same port, fetch may reuse a kept-alive socket
      // the old server closed ("other side closed"): the request never reached a server, so it
      // is sent once more on a new connection.
      const code = (err as { cause?: { code?: string } }).cause?.code;
      if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw err;
      res = await send();
    }
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever came back
    const parsed: any = text ? JSON.parse(text) : null;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** Creates a user as this (admin) client and returns a client logged in as them. */
  async newUser(username: string, displayName = username): Promise<ApiClient> {
    const password = `${username}-password`;
    const res = await this.request('POST', '/api/users', { username, password, displayName });
    if (res.status !== 201)
      throw new Error(`could not create ${username}: ${JSON.stringify(res.body)}`);
    return ApiClient.login(this.baseUrl, username, password);
  }

  async token(): Promise<string> {
    const res = await this.request('POST', '/api/auth/token');
    return res.body.token as string;
  }
}
