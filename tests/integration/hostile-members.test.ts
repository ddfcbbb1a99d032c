/**
 * Issue 19, server side: each attack done the way it was found (raw requests with hand-set headers,
 * raw sockets), against a real server on port 0.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readdirSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makePng } from '../helpers/files.ts';
import { presentState } from '../helpers/live.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { closeCode, eventually, rawSocket, upgradeStatus } from '../helpers/sync.ts';

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

describe('point 12: no control characters in text, no internal message shown', () => {
  const NUL = 'Vụ án\u0000ẩn';

  it('refuses a NUL or another control character in every text field of the API, naming the field', async () => {
    const refusals: Array<[string, string, unknown, string]> = [
      ['POST', '/api/cases', { title: NUL }, 'title'],
      ['POST', '/api/cases', { title: 'Được', caseNumber: '12\u001b[31m/HS' }, 'caseNumber'],
      ['POST', '/api/cases', { title: 'Được', offences: ['BLHS-173', 'BLHS\u0007'] }, 'offences.1'],
      ['PATCH', `/api/cases/${caseId}`, { title: NUL }, 'title'],
      ['POST', `/api/cases/${caseId}/versions`, { name: `Bản ${NUL}` }, 'name'],
      [
        'POST',
        `/api/cases/${caseId}/links`,
        { label: `Phiên\u0000tòa`, expiresAt: new Date(Date.now() + 3600_000).toISOString() },
        'label',
      ],
      [
        'POST',
        '/api/users',
        { username: 'hm-nul', password: 'password-123', displayName: `Tên\u0000giả` },
        'displayName',
      ],
    ];
    for (const [method, path, body, field] of refusals) {
      const client = path === '/api/users' ? admin : owner;
      const res = await client.request(method, path, body, { 'accept-language': 'vi' });
      expect({ path, status: res.status, error: res.body.error }).toEqual({
        path,
        status: 400,
        error: 'request.controlCharacter',
      });
      expect(res.body.message).toBe(
        `Trường "${field}" có ký tự điều khiển không in được (ví dụ ký tự NUL); hãy xoá ký tự đó.`,
      );
    }
    // A file's name comes in the query string.
    const upload = await fetch(
      `${server.url}/api/cases/${caseId}/files?name=${encodeURIComponent('scan\u0000.pdf')}`,
      {
        method: 'POST',
        headers: { cookie: owner.cookie, 'content-type': 'application/octet-stream' },
        body: Buffer.from('%PDF-1.4\n%%EOF\n'),
      },
    );
    expect(upload.status).toBe(400);
    expect(((await upload.json()) as { error: string }).error).toBe('request.controlCharacter');

    // Nothing of it was kept.
    expect((await titles()).some((t) => t.includes('\u0000'))).toBe(false);
    expect((await owner.request('GET', `/api/cases/${caseId}`)).body.title).toBe('Vụ án thử');
    const versions = (await owner.request('GET', `/api/cases/${caseId}/versions`)).body.versions;
    expect(versions.filter((v: { name: string }) => v.name.includes('\u0000'))).toEqual([]);
    expect((await owner.request('GET', `/api/cases/${caseId}/links`)).body.links).toEqual([]);
    expect(
      (await admin.request('GET', '/api/users')).body.users.map(
        (u: { username: string }) => u.username,
      ),
    ).not.toContain('hm-nul');
    // A password is a secret, not text: whatever it holds is only compared.
    expect(
      (await raw('POST', '/api/auth/login', {}, { username: 'hm-owner', password: 'x\u0000y' }))
        .status,
    ).toBe(401);
  });

  it('refuses a NUL in the `user add` command', async () => {
    const { createUser } = await import('../../server/users.ts');
    await expect(
      createUser(server.store, {
        username: 'hm-cli',
        password: 'password-123',
        displayName: 'A\u0000B',
      }),
    ).rejects.toThrow(/Control characters/);
    expect(await server.store.getUserByUsername('hm-cli')).toBeNull();
  });

  /** A restore of a backup made from this case with `change` applied to its entries. */
  async function restoreAltered(change: (entries: Record<string, Uint8Array>) => void) {
    const backup = await fetch(`${server.url}/api/cases/${caseId}/backup`, {
      headers: { cookie: owner.cookie },
    });
    const entries = unzipSync(new Uint8Array(await backup.arrayBuffer()));
    change(entries);
    const res = await fetch(`${server.url}/api/cases/restore`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/zip', 'accept-language': 'vi' },
      body: zipSync(entries) as BodyInit,
    });
    return { status: res.status, body: (await res.json()) as { error: string; message: string } };
  }

  it('refuses a NUL in a restored backup’s manifest, and explains a broken one in the person’s language only', async () => {
    const before = (await titles()).length;
    const nulTitle = await restoreAltered((entries) => {
      const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
      manifest.case.title = NUL;
      entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    expect(nulTitle).toEqual({
      status: 400,
      body: {
        error: 'backup.bad',
        message: 'Tệp sao lưu không hợp lệ: manifest.json không hợp lệ.',
      },
    });

    // A document that Yjs cannot read, with the right hash: the library's words stay in the log.
    const garbage = new Uint8Array([1, 2, 3, 200, 200, 200, 200]);
    const broken = await restoreAltered((entries) => {
      const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
      manifest.document.sha256 = createHash('sha256').update(garbage).digest('hex');
      entries['manifest.json'] = strToU8(JSON.stringify(manifest));
      entries['document.yjs'] = garbage;
    });
    expect(broken).toEqual({
      status: 400,
      body: {
        error: 'backup.bad',
        message: 'Tệp sao lưu không hợp lệ: không đọc được tài liệu vụ án (document.yjs).',
      },
    });
    expect(broken.body.message).not.toMatch(/Unexpected|array/i);
    expect((await titles()).length).toBe(before);
  });
});

describe('point 3: every upload answers, and leaves no temporary file or descriptor', () => {
  const tmpDir = () => join(server.dataDir, 'tmp');
  /** Temporary upload files on disk, and this process's descriptors open on them. */
  const leftovers = () => ({
    files: readdirSync(tmpDir()).length,
    fds: readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(tmpDir());
      } catch {
        return false; // closed while we looked
      }
    }).length,
  });

  it('refuses a body of another content type at once with a clear message, many times over', async () => {
    const png = makePng(4, 4);
    const bodies = {
      'text/plain': 'Biên bản khám nghiệm',
      'application/json': '{"title":"Biên bản"}',
      'application/x-www-form-urlencoded': 'title=x',
    };
    for (const [type, text] of Object.entries(bodies)) {
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${server.url}/api/cases/${caseId}/files?name=a.png`, {
          method: 'POST',
          headers: { cookie: owner.cookie, 'content-type': type, 'accept-language': 'en' },
          body: text,
        });
        const body = (await res.json()) as { error: string; message: string };
        expect({ type, status: res.status, error: body.error }).toEqual({
          type,
          status: 415,
          error: 'files.badContentType',
        });
        expect(body.message).toBe(
          `A file must be sent as its raw bytes (Content-Type: application/octet-stream, or its image or PDF type); “${type}” is not accepted.`,
        );
      }
    }
    // Sent as documented, the same picture is accepted; its own type is accepted too.
    for (const type of ['application/octet-stream', 'image/png']) {
      const res = await fetch(`${server.url}/api/cases/${caseId}/files?name=a.png`, {
        method: 'POST',
        headers: { cookie: owner.cookie, 'content-type': type },
        body: new Uint8Array(png),
      });
      expect(res.status).toBeLessThan(300);
    }
    await eventually(() => leftovers().files === 0 && leftovers().fds === 0, 3000, 'no leftovers');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('releases the temporary file and its descriptor when the client leaves half-way', async () => {
    const png = makePng(64, 64);
    const head = png.subarray(0, 64);
    for (let i = 0; i < 10; i++) {
      const socket = connect(server.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        [
          `POST /api/cases/${caseId}/files?name=half.png HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Cookie: ${owner.cookie}`,
          'Content-Type: application/octet-stream',
          'Content-Length: 1000000',
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(head);
      // The server has its temporary file open once the first bytes arrived.
      await eventually(() => leftovers().files > 0, 3000, 'the upload to begin');
      socket.destroy();
      await eventually(
        () => leftovers().files === 0 && leftovers().fds === 0,
        3000,
        'the temporary file and descriptor to be released',
      );
    }
  });
});

describe('point 6: only the member presenting publishes to hearing links, and it is audited', () => {
  it('refuses a viewer’s title and picture, lets the presenter alone publish and end, and records each', async () => {
    const id = (await owner.request('POST', '/api/cases', { title: 'Phiên tòa' })).body.id;
    const viewer = await admin.newUser('hm-viewer', 'User hung');
    const editor = await admin.newUser('hm-editor', 'Kiểm sát viên Lan');
    const second = await admin.newUser('hm-editor2', 'Kiểm sát viên Minh');
    for (const [name, role] of [
      ['hm-viewer', 'viewer'],
      ['hm-editor', 'editor'],
      ['hm-editor2', 'editor'],
    ] as const)
      await owner.request('PUT', `/api/cases/${id}/members/${name}`, { role });
    const token = (
      await owner.request('POST', `/api/cases/${id}/links`, {
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      })
    ).body.token as string;
    const live = async () => (await (await fetch(`${server.url}/api/live/${token}`)).json()).state;
    const putImage = (client: ApiClient, bytes: Buffer) =>
      fetch(`${server.url}/api/cases/${id}/presentation/image`, {
        method: 'PUT',
        headers: { cookie: client.cookie, 'content-type': 'image/png', 'accept-language': 'en' },
        body: new Uint8Array(bytes),
      });

    // The viewer, as found: a title, a picture, an end. All refused; holders see nothing of it.
    const forged = await viewer.request('PUT', `/api/cases/${id}/presentation`, {
      ...presentState(0),
      title: 'Bị cáo vô tội',
    });
    expect({ status: forged.status, error: forged.body.error }).toEqual({
      status: 403,
      error: 'case.forbidden',
    });
    expect((await putImage(viewer, makePng(16, 9, [255, 0, 0]))).status).toBe(403);
    expect(await live()).toBeNull();
    expect((await fetch(`${server.url}/api/live/${token}/image`)).status).toBe(404);

    // The editor presents: holders see the slide, the presenter's name and the picture.
    expect(
      (await editor.request('PUT', `/api/cases/${id}/presentation`, presentState(1))).status,
    ).toBe(200);
    const picture = makePng(16, 9, [10, 20, 30]);
    expect((await putImage(editor, picture)).status).toBe(200);
    // Only the pointer moves: shown to holders, not a new entry in the trail.
    await editor.request('PUT', `/api/cases/${id}/presentation`, {
      ...presentState(1),
      pointer: { x: 0.1, y: 0.9 },
    });
    expect(await live()).toMatchObject({ slide: 1, presenter: 'Kiểm sát viên Lan' });

    // While the editor presents, the viewer still cannot end it, nor another editor send a picture.
    expect((await viewer.request('DELETE', `/api/cases/${id}/presentation`)).status).toBe(403);
    const notPresenter = await putImage(second, makePng(16, 9, [0, 255, 0]));
    expect(notPresenter.status).toBe(409);
    expect(((await notPresenter.json()) as { error: string }).error).toBe('present.notPresenter');
    expect((await second.request('DELETE', `/api/cases/${id}/presentation`)).status).toBe(409);
    const shown = await fetch(`${server.url}/api/live/${token}/image`);
    expect(Buffer.from(await shown.arrayBuffer()).equals(picture)).toBe(true);
    expect(await live()).toMatchObject({ slide: 1, presenter: 'Kiểm sát viên Lan' });

    // The owner may end a presentation (a presenter whose laptop died).
    expect((await owner.request('DELETE', `/api/cases/${id}/presentation`)).status).toBe(204);
    expect(await live()).toBeNull();

    const trail = (await owner.request('GET', `/api/cases/${id}/audit`)).body.events as Array<{
      actor: string;
      action: string;
      detail: Record<string, unknown>;
    }>;
    const presenting = trail
      .filter((e) => e.action.startsWith('present.'))
      .map((e) => [e.actor, e.action, e.detail]);
    expect(presenting).toEqual([
      ['hm-editor', 'present.started', {}],
      ['hm-editor', 'present.shown', { slide: 1, step: 0, title: 'Sơ đồ vụ án', black: false }],
      [
        'hm-editor',
        'present.image',
        {
          sha256: createHash('sha256').update(picture).digest('hex'),
          bytes: picture.length,
          slide: 1,
        },
      ],
      ['hm-owner', 'present.ended', { presenter: 'Kiểm sát viên Lan' }],
    ]);
  });
});

describe('point 5: a sync token belongs to its session and opens the sync endpoint only', () => {
  /** A socket to the sync endpoint with the token as the stock client's subprotocol. */
  const protocolSocket = (id: string, token: string) =>
    new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${id}`, [
      'caseboard',
      `caseboard-token.${token}`,
    ]);

  it('opens nothing but the sync endpoint, cannot mint tokens, and ends with log-out', async () => {
    const session = await ApiClient.login(server.url, 'hm-owner', 'hm-owner-password');
    const token = await session.token();
    const bearer = { authorization: `Bearer ${token}` };

    // The sync endpoint, as documented: subprotocol (answered with the plain one), header, query.
    const ws = protocolSocket(caseId, token);
    expect(await upgradeStatus(ws)).toBe(101);
    expect(ws.protocol).toBe('caseboard');
    const viaHeader = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${caseId}`, {
      headers: bearer,
    });
    expect(await upgradeStatus(viaHeader)).toBe(101);
    expect(await upgradeStatus(rawSocket(server.url, caseId, token))).toBe(101);

    // Nothing else, as found: /api/me, /api/cases, the cookie, and minting a fresh token.
    const asCookie = { cookie: `cb_session=${token}` };
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/cases'],
      ['POST', '/api/auth/token'],
    ] as const) {
      for (const headers of [bearer, asCookie]) {
        const res = await fetch(server.url + path, { method, headers });
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 401`);
      }
    }
    const cookieSocket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${caseId}`, {
      headers: asCookie,
    });
    expect(await upgradeStatus(cookieSocket)).toBe(401);

    // Log-out ends the session, the token it minted, and the sockets opened with either.
    const open = protocolSocket(caseId, token);
    await new Promise((resolve) => open.once('open', resolve));
    const closed = closeCode(open);
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await closed).toBe(4401);
    expect(await upgradeStatus(protocolSocket(caseId, token))).toBe(401);
    expect(await upgradeStatus(rawSocket(server.url, caseId, token))).toBe(401);
    // The owner's other session and its tokens are untouched.
    expect(await upgradeStatus(protocolSocket(caseId, await owner.token()))).toBe(101);
  });

  it('ends with a password change, the changer’s own session’s tokens aside', async () => {
    const here = await admin.newUser('hm-changer');
    const elsewhere = await ApiClient.login(server.url, 'hm-changer', 'hm-changer-password');
    const id = (await here.request('POST', '/api/cases', { title: 'Đổi mật khẩu' })).body.id;
    const stolen = await elsewhere.token();
    const own = await here.token();
    expect(
      (
        await here.request('POST', '/api/auth/password', {
          current: 'hm-changer-password',
          next: 'a-new-password-2026',
        })
      ).status,
    ).toBe(204);
    expect(await upgradeStatus(protocolSocket(id, stolen))).toBe(401);
    expect(await upgradeStatus(protocolSocket(id, own))).toBe(101);
  });
});

describe('point 10: failed log-ins slow down and refuse the guesser, never lock out the owner', () => {
  it(
    'keeps the owner able to log in from elsewhere after ten wrong passwords, and tells them',
    { timeout: 90_000 },
    async () => {
      // Behind a trusted proxy, so the test can speak from two addresses.
      const proxied = await startTestServer({ trustProxy: true });
      try {
        const boss = await (
          await ApiClient.login(proxied.url, ADMIN.username, ADMIN.password)
        ).newUser('vien-truong', 'Viện trưởng');
        await boss.request('POST', '/api/auth/logout');
        const from = async (address: string, username: string, password: string) => {
          const res = await fetch(`${proxied.url}/api/auth/login`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'accept-language': 'vi',
              'x-forwarded-for': address,
            },
            body: JSON.stringify({ username, password }),
          });
          return { status: res.status, body: await res.json() };
        };
        // The attack as found: ten wrong passwords, then more.
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await from('10.1.1.1', 'vien-truong', `sai-${i}`)).status);
        expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
        // The guesser's address stays refused for this account, the right password included.
        expect((await from('10.1.1.1', 'vien-truong', 'vien-truong-password')).status).toBe(429);

        // The owner, from their own desk, gets in, and is told what happened.
        const owner = await from('10.2.2.2', 'vien-truong', 'vien-truong-password');
        expect(owner.status).toBe(200);
        expect(owner.body.failedLogins).toMatchObject({ count: 10, addresses: ['10.1.1.1'] });
        // Told once: the next log-in has nothing new to say.
        const again = await from('10.2.2.2', 'vien-truong', 'vien-truong-password');
        expect(again.body.failedLogins).toBeNull();
        // The guesser's address is not locked out of other accounts.
        expect((await from('10.1.1.1', ADMIN.username, ADMIN.password)).status).toBe(200);
      } finally {
        await proxied.dispose();
      }
    },
  );
});
