import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

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
