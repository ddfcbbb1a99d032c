/**
 * Issue 19, server side: each attack done the way it was found (raw requests with hand-set headers,
 * raw sockets), against a real server on port 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: ApiClient;
let owner: ApiClient;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('hm-owner');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Vụ án thử' })).body.id;
});
afterAll(async () => {
  await server?.dispose();
});

/** A request with exactly the headers given, plus the owner's session cookie. */
async function raw(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      cookie: owner.cookie,
      'accept-language': 'vi',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const titles = async () =>
  ((await owner.request('GET', '/api/cases')).body.cases as Array<{ title: string }>).map(
    (c) => c.title,
  );

describe('point 7: the HTTP API checks Origin', () => {
  const ownHost = () => new URL(server.url).host;
  const foreign = () => [
    // Same site, another port: SameSite=Strict sends the cookie along.
    `http://127.0.0.1:${server.port + 1}`,
    `http://evil.${ownHost()}`,
    'null',
  ];

  it('refuses a change asked with the cookie by another origin, and keeps its own page working', async () => {
    for (const origin of foreign()) {
      const res = await raw('POST', '/api/cases', { origin }, { title: `Từ ${origin}` });
      expect({ origin, status: res.status, error: res.body.error }).toEqual({
        origin,
        status: 403,
        error: 'request.foreignOrigin',
      });
      expect(res.body.message).toBe('Yêu cầu đến từ một trang khác nên không được thực hiện.');
    }
    // Without an Origin, a foreign Referer counts the same.
    const referred = await raw(
      'POST',
      '/api/cases',
      { referer: `http://127.0.0.1:${server.port + 1}/form.html` },
      { title: 'Từ Referer' },
    );
    expect(referred.status).toBe(403);
    expect((await titles()).filter((t) => t.startsWith('Từ '))).toEqual([]);

    const own = await raw(
      'POST',
      '/api/cases',
      { origin: `http://${ownHost()}` },
      { title: 'Từ trang của mình' },
    );
    expect(own.status).toBe(201);
    // Reading stays open to any origin's request (it changes nothing and CORS keeps the answer).
    expect((await raw('GET', '/api/cases', { origin: foreign()[0]! })).status).toBe(200);
  });

  it('walks every changing route: a foreign origin is refused before anything else', async () => {
    const changing = server.routes.filter(
      (r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/'),
    );
    expect(changing.length).toBeGreaterThanOrEqual(15);
    for (const route of changing) {
      const path = route.url
        .replace(':id', caseId)
        .replace(':username', 'hm-owner')
        .replace(':hash', 'a'.repeat(64))
        .replace(':linkId', 'nolink')
        .replace(':vid', 'noversion');
      const res = await raw(route.method, path, { origin: foreign()[0]! }, {});
      expect(`${route.method} ${route.url} ${res.status}`).toBe(`${route.method} ${route.url} 403`);
    }
    // The owner is still logged in and still owns the case: nothing above was carried out.
    expect((await owner.request('GET', `/api/cases/${caseId}`)).status).toBe(200);
  });
});
