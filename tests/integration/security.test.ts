import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addBoard, listBoards } from '../../src/core/index.ts';
import { hashToken } from '../../server/auth/sessions.ts';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { closeCode, eventually, rawSocket, upgradeStatus } from '../helpers/sync.ts';

let server: TestServer;
let owner: ApiClient;
let outsider: ApiClient;
let caseId: string;

/** Routes anyone may call: the health check, logging in, the page itself, and hearing links. */
const PUBLIC = [
  /^GET \/api\/health$/,
  /^POST \/api\/auth\/(login|logout)$/,
  /^GET \/api\/live\//,
  /^GET \/(\*)?$/,
];

const fill = (url: string, id: string) =>
  url
    .replace(':id', id)
    .replace(':hash', 'a'.repeat(64))
    .replace(':username', 'sec-owner')
    .replace(':linkId', 'nolink')
    .replace(':token', 'A'.repeat(43))
    .replace('*', '');

async function call(
  method: string,
  path: string,
  cookie = '',
  body?: string,
  type = 'application/json',
) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { 'content-type': type } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('sec-owner');
  outsider = await admin.newUser('sec-outsider');
  caseId = (
    await owner.request('POST', '/api/cases', {
      title: 'Hồ sơ mật ĐẶC-BIỆT-42',
      classification: 'mat',
    })
  ).body.id;
});
afterAll(async () => {
  await server?.dispose();
});

describe('no one in', () => {
  const guarded = () =>
    server.routes.filter(
      (r) => !PUBLIC.some((p) => p.test(`${r.method} ${r.url}`)) && r.url.startsWith('/api/'),
    );

  it('walks every registered route: refused without a session, with no case data in the answer', async () => {
    // 25 today; a new route joins the walk by being registered.
    expect(guarded().length).toBeGreaterThanOrEqual(25);
    for (const route of guarded()) {
      const res = await call(
        route.method,
        fill(route.url, caseId),
        '',
        route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
      );
      expect({ route: `${route.method} ${route.url}`, status: res.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(res.text).not.toContain('ĐẶC-BIỆT-42');
    }
  });

  it('refuses a logged-out session everywhere, and another person’s case to a non-member', async () => {
    const gone = await ApiClient.login(server.url, 'sec-outsider', 'sec-outsider-password');
    await gone.request('POST', '/api/auth/logout');
    for (const route of guarded()) {
      const res = await call(
        route.method,
        fill(route.url, caseId),
        gone.cookie,
        route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
      );
      expect(`${route.method} ${route.url} ${res.status}`).toBe(`${route.method} ${route.url} 401`);
    }
    // A member of nothing sees nothing of this case: every case route answers without its data.
    for (const route of guarded().filter((r) => r.url.includes(':id'))) {
      const res = await call(
        route.method,
        fill(route.url, caseId),
        outsider.cookie,
        route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
      );
      expect(res.status, `${route.method} ${route.url}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${route.method} ${route.url}`).toBeLessThan(500);
      expect(res.text).not.toContain('ĐẶC-BIỆT-42');
    }
  });

  it('sets session cookies HttpOnly and SameSite=Strict, and security headers on every answer', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sec-owner', password: 'sec-owner-password' }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    for (const path of ['/', '/cases/x', '/api/health', '/api/cases']) {
      const page = await call('GET', path);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

/** A sync socket opened with a browser's session cookie, as the page opens it. */
function cookieSocket(cookie: string, id: string): WebSocket {
  return new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${id}`, { headers: { cookie } });
}

const opened = (ws: WebSocket) =>
  new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade ${res.statusCode}`)));
  });

describe('sessions', () => {
  it('refuses an expired session over HTTP and on the sync endpoint', async () => {
    const token = 'expired-session-token-for-the-test-0123456789';
    const user = await server.store.getUserByUsername('sec-owner');
    await server.store.createSession({
      tokenHash: hashToken(token),
      userId: user!.id,
      kind: 'session',
      expiresAt: Date.now() - 1000,
      parent: null,
    });
    const cookie = `cb_session=${token}`;
    expect((await call('GET', '/api/me', cookie)).status).toBe(401);
    expect((await call('GET', `/api/cases/${caseId}`, cookie)).status).toBe(401);
    expect(await upgradeStatus(cookieSocket(cookie, caseId))).toBe(401);
    expect(await upgradeStatus(rawSocket(server.url, caseId, token))).toBe(401);
  });

  it('log-out revokes the session and closes the sockets opened with it', async () => {
    const a = await ApiClient.login(server.url, 'sec-owner', 'sec-owner-password');
    const b = await ApiClient.login(server.url, 'sec-owner', 'sec-owner-password');
    const wsA = cookieSocket(a.cookie, caseId);
    const wsB = cookieSocket(b.cookie, caseId);
    await Promise.all([opened(wsA), opened(wsB)]);
    const closedA = closeCode(wsA);
    expect((await a.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await closedA).toBe(4401);
    expect(wsB.readyState).toBe(WebSocket.OPEN);
    expect((await call('GET', '/api/me', a.cookie)).status).toBe(401);
    expect(await upgradeStatus(cookieSocket(a.cookie, caseId))).toBe(401);
    expect((await b.request('GET', '/api/me')).status).toBe(200);
    wsB.close();
  });

  it('changing the password ends every other session and socket of the account', async () => {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const here = await admin.newUser('sec-changer');
    const elsewhere = await ApiClient.login(server.url, 'sec-changer', 'sec-changer-password');
    const token = await elsewhere.token();
    const id = (await here.request('POST', '/api/cases', { title: 'Đổi mật khẩu' })).body.id;
    const wsHere = cookieSocket(here.cookie, id);
    const wsElsewhere = cookieSocket(elsewhere.cookie, id);
    const wsToken = rawSocket(server.url, id, token);
    await Promise.all([opened(wsHere), opened(wsElsewhere), opened(wsToken)]);
    const closes = Promise.all([closeCode(wsElsewhere), closeCode(wsToken)]);

    const wrong = await here.request('POST', '/api/auth/password', {
      current: 'not-it',
      next: 'a-new-password-2026',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toBe('The current password is wrong.');
    const weak = await here.request('POST', '/api/auth/password', {
      current: 'sec-changer-password',
      next: 'short',
    });
    expect(weak.status).toBe(400);

    const ok = await here.request('POST', '/api/auth/password', {
      current: 'sec-changer-password',
      next: 'a-new-password-2026',
    });
    expect(ok.status).toBe(204);
    expect(await closes).toEqual([4401, 4401]);
    expect(wsHere.readyState).toBe(WebSocket.OPEN);
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(401);
    expect((await call('GET', '/api/me', `cb_session=${token}`)).status).toBe(401);
    expect((await here.request('GET', '/api/me')).status).toBe(200);
    await expect(
      ApiClient.login(server.url, 'sec-changer', 'sec-changer-password'),
    ).rejects.toThrow(/401/);
    await ApiClient.login(server.url, 'sec-changer', 'a-new-password-2026');
    wsHere.close();
  });

  it('marks the cookie Secure when the browser came over HTTPS through a trusted proxy', async () => {
    const proxied = await startTestServer({ trustProxy: true });
    try {
      const login = (headers: Record<string, string>) =>
        fetch(`${proxied.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
        });
      const https = await login({ 'x-forwarded-proto': 'https' });
      expect(https.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      const plain = await login({});
      expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    } finally {
      await proxied.dispose();
    }
    // Without TRUST_PROXY a forged header changes nothing.
    const forged = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
    });
    expect(forged.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('stores and forwards nothing a viewer sends by hand-made protocol messages, and counts it', async () => {
    const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    const viewer = await admin.newUser('sec-viewer');
    await owner.request('PUT', `/api/cases/${caseId}/members/sec-viewer`, { role: 'viewer' });
    const ownerSocket = rawSocket(server.url, caseId, await owner.token());
    const received: Buffer[] = [];
    ownerSocket.on('message', (data: Buffer) => received.push(data));
    await opened(ownerSocket);
    const ws = rawSocket(server.url, caseId, await viewer.token());
    await opened(ws);
    const before = server.rooms.stats().droppedViewerMessages;
    const forged = new Y.Doc();
    addBoard(forged, { kind: 'mindmap', title: 'Bảng giả mạo' }, 'x');
    const update = Y.encodeStateAsUpdate(forged);
    ws.send(encodeUpdate(update));
    ws.send(Buffer.from([0, 1, ...[(update.length & 0x7f) | 0x80, update.length >> 7], ...update]));
    await eventually(() => server.rooms.stats().droppedViewerMessages >= before + 2, 3000, 'drops');
    const stored = new Y.Doc();
    for (const u of (await server.store.loadDocument(caseId)).updates) Y.applyUpdate(stored, u);
    expect(listBoards(stored).map((b) => b.title)).not.toContain('Bảng giả mạo');
    expect(received.some((m) => m.includes(Buffer.from('Bảng giả mạo')))).toBe(false);
    ws.close();
    ownerSocket.close();
  });
});

const TAKES_BODY = [
  'POST /api/auth/login',
  'POST /api/users',
  'POST /api/cases',
  'PATCH /api/cases/:id',
  'PUT /api/cases/:id/members/:username',
  'POST /api/cases/:id/links',
  'PUT /api/cases/:id/presentation',
];

describe('hostile HTTP bodies', () => {
  const bodies: Array<[string, string, string]> = [
    ['wrong types', '{"title": 42, "classification": ["x"], "role": {"a": 1}}', 'application/json'],
    ['missing fields', '{}', 'application/json'],
    ['not JSON', '{"title": "x", ', 'application/json'],
    ['deep nesting', '['.repeat(100_000) + ']'.repeat(100_000), 'application/json'],
    ['megabytes', JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024) }), 'application/json'],
    ['wrong content type', 'title=x', 'application/x-www-form-urlencoded'],
  ];

  it('answers each with a 4xx and a message a person can read, never a 500, and keeps serving', async () => {
    const writes = server.routes.filter(
      (r) =>
        ['POST', 'PUT', 'PATCH'].includes(r.method) &&
        r.url.startsWith('/api/') &&
        r.url !== '/api/auth/logout',
    );
    for (const route of writes) {
      for (const [what, body, type] of bodies) {
        const res = await call(route.method, fill(route.url, caseId), owner.cookie, body, type);
        const where = `${what} → ${route.method} ${route.url}: ${res.status}`;
        expect(res.status, where).toBeLessThan(500);
        // Routes that read a body refuse every one of these; others ignore the body.
        // (An empty patch is a valid no-op.)
        const noop = what === 'missing fields' && route.method === 'PATCH';
        if ((TAKES_BODY.includes(`${route.method} ${route.url}`) && !noop) || what === 'megabytes')
          expect(res.status, where).toBeGreaterThanOrEqual(400);
        if (res.status >= 400)
          expect((JSON.parse(res.text) as { message?: string }).message, where).toBeTruthy();
      }
    }
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await owner.request('GET', `/api/cases/${caseId}`)).body.title).toBe(
      'Hồ sơ mật ĐẶC-BIỆT-42',
    );
  });
});
