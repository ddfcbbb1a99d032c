import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
});
afterAll(() => server.dispose());

describe('health and errors', () => {
  it('answers health with its version', async () => {
    const res = await new ApiClient(server.url).request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: expect.any(String) });
  });

  it('answers errors as JSON in the caller language', async () => {
    const vi = await new ApiClient(server.url, 'vi-VN,vi;q=0.9').request('GET', '/api/me');
    expect(vi.status).toBe(401);
    expect(vi.body).toEqual({ error: 'auth.required', message: 'Bạn cần đăng nhập.' });
    const en = await new ApiClient(server.url, 'en-US').request('GET', '/api/me');
    expect(en.body.message).toBe('Please log in.');
  });

  it('refuses malformed JSON with a clear 400', async () => {
    const res = await admin.request('POST', '/api/cases', undefined, {
      'content-type': 'application/json',
    });
    const bad = await fetch(server.url + '/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'request.invalid' });
  });
});

describe('accounts and sessions', () => {
  it('logs in, tells who is logged in, and revokes the session at logout', async () => {
    const client = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
    expect(client.cookie).toMatch(/^cb_session=/);
    const me = await client.request('GET', '/api/me');
    expect(me.body.user).toMatchObject({ username: 'admin', admin: true });
    const oldCookie = client.cookie;
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    const again = await fetch(server.url + '/api/me', { headers: { cookie: oldCookie } });
    expect(again.status).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const res = await fetch(server.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('answers 401 to a wrong password and to an unknown user alike', async () => {
    const anon = new ApiClient(server.url);
    const wrong = await anon.request('POST', '/api/auth/login', {
      username: 'admin',
      password: 'not-it',
    });
    const unknown = await anon.request('POST', '/api/auth/login', {
      username: 'nobody',
      password: 'not-it',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toBe('auth.invalidCredentials');
  });

  it('issues short-lived sync tokens for the sync endpoint only; a session also works as a bearer', async () => {
    const token = await admin.token();
    expect(token.length).toBeGreaterThan(20);
    const bearer = (secret: string) =>
      new ApiClient(server.url).request('GET', '/api/me', undefined, {
        authorization: `Bearer ${secret}`,
      });
    expect((await bearer(token)).status).toBe(401);
    const session = admin.cookie.slice('cb_session='.length);
    expect((await bearer(session)).body.user.username).toBe('admin');
  });

  it('lets only administrators create and list users', async () => {
    const lan = await admin.newUser('ksv.lan', 'Trần Thị Lan');
    const denied = await lan.request('POST', '/api/users', {
      username: 'x1',
      password: 'password-1',
    });
    expect(denied.status).toBe(403);
    expect((await lan.request('GET', '/api/users')).status).toBe(403);
    const list = await admin.request('GET', '/api/users');
    expect(list.body.users.map((u: { username: string }) => u.username)).toContain('ksv.lan');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);
    const dup = await admin.request('POST', '/api/users', {
      username: 'KSV.LAN',
      password: 'password-1',
    });
    expect(dup.status).toBe(409);
    const bad = await admin.request('POST', '/api/users', { username: 'a b', password: 'short' });
    expect(bad.status).toBe(400);
  });
});

describe('case offences', () => {
  it('stores offences by Penal Code article and refuses text that names none', async () => {
    const owner = await admin.newUser('offences1');
    const created = await owner.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản',
      offences: ['BLHS-173', 'Điều 174', '321'],
    });
    expect(created.status).toBe(201);
    expect(created.body.offences).toEqual(['BLHS-173', 'BLHS-174', 'BLHS-321']);
    const id = created.body.id as string;

    const vi = new ApiClient(server.url, 'vi');
    vi.cookie = owner.cookie;
    const bad = await vi.request('PATCH', `/api/cases/${id}`, { offences: ['trộm xe'] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'case.badOffence' });
    expect(bad.body.message).toContain('"trộm xe" không phải một điều của Bộ luật Hình sự');
    for (const offences of [['BLHS-51'], ['BLHS-426'], ['Điều 1000']]) {
      const refused = await owner.request('PATCH', `/api/cases/${id}`, { offences });
      expect(refused.body.error).toBe('case.badOffence');
    }
    expect((await owner.request('GET', `/api/cases/${id}`)).body.offences).toEqual([
      'BLHS-173',
      'BLHS-174',
      'BLHS-321',
    ]);
    const patched = await owner.request('PATCH', `/api/cases/${id}`, { offences: ['BLHS-199'] });
    expect(patched.status).toBe(200);
    expect(patched.body.offences).toEqual(['BLHS-199']);
  });
});

describe('cases and members', () => {
  it('creates a case owned by its creator and lists it only for members', async () => {
    const owner = await admin.newUser('owner1');
    const other = await admin.newUser('other1');
    const created = await owner.request('POST', '/api/cases', {
      title: '  Vụ trộm cắp tài sản tại chợ Đồng Xuân ',
      caseNumber: '12/2026/HS',
      offences: ['BLHS-173'],
      classification: 'mat',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Vụ trộm cắp tài sản tại chợ Đồng Xuân',
      role: 'owner',
      classification: 'mat',
    });
    const id = created.body.id as string;
    expect(
      (await owner.request('GET', '/api/cases')).body.cases.map((c: { id: string }) => c.id),
    ).toContain(id);
    expect((await other.request('GET', '/api/cases')).body.cases).toEqual([]);
    expect((await other.request('GET', `/api/cases/${id}`)).status).toBe(404);
    expect((await owner.request('POST', '/api/cases', { title: '' })).status).toBe(400);
  });

  it('stores titles in NFC', async () => {
    const owner = await admin.newUser('owner-nfc');
    const decomposed = 'Vie\u0323\u0302t Nam';
    const res = await owner.request('POST', '/api/cases', { title: decomposed });
    expect(res.body.title).toBe('Việt Nam');
  });

  it('lets owners manage members and roles, and keeps at least one owner', async () => {
    const owner = await admin.newUser('owner2');
    const editor = await admin.newUser('editor2');
    const viewer = await admin.newUser('viewer2');
    const id = (await owner.request('POST', '/api/cases', { title: 'Vụ án 2' })).body.id as string;
    expect(
      (await owner.request('PUT', `/api/cases/${id}/members/editor2`, { role: 'editor' })).status,
    ).toBe(200);
    expect(
      (await owner.request('PUT', `/api/cases/${id}/members/viewer2`, { role: 'viewer' })).status,
    ).toBe(200);
    const missing = await owner.request('PUT', `/api/cases/${id}/members/ghost`, {
      role: 'viewer',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('ghost');

    const members = await viewer.request('GET', `/api/cases/${id}/members`);
    expect(
      members.body.members
        .map((m: { username: string; role: string }) => `${m.username}:${m.role}`)
        .sort(),
    ).toEqual(['editor2:editor', 'owner2:owner', 'viewer2:viewer']);

    // Editors rename; only owners archive, classify or manage members; viewers change nothing.
    expect(
      (await editor.request('PATCH', `/api/cases/${id}`, { title: 'Vụ án 2 (sửa)' })).status,
    ).toBe(200);
    expect((await editor.request('PATCH', `/api/cases/${id}`, { archived: true })).status).toBe(
      403,
    );
    expect(
      (await editor.request('PUT', `/api/cases/${id}/members/viewer2`, { role: 'editor' })).status,
    ).toBe(403);
    expect((await viewer.request('PATCH', `/api/cases/${id}`, { title: 'x' })).status).toBe(403);
    const archived = await owner.request('PATCH', `/api/cases/${id}`, { archived: true });
    expect(archived.body).toMatchObject({ archived: true, title: 'Vụ án 2 (sửa)' });

    const lastOwner = await owner.request('PUT', `/api/cases/${id}/members/owner2`, {
      role: 'editor',
    });
    expect(lastOwner.status).toBe(409);
    expect((await owner.request('DELETE', `/api/cases/${id}/members/owner2`)).status).toBe(409);
    expect((await owner.request('DELETE', `/api/cases/${id}/members/viewer2`)).status).toBe(204);
    expect((await viewer.request('GET', `/api/cases/${id}`)).status).toBe(404);
  });
});
