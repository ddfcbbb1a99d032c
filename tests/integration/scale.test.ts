/**
 * Several server processes sharing cases through a real PostgreSQL and a real Redis on loopback:
 * clients on different instances converge, presence crosses instances, sessions are valid on every
 * instance, a viewer stays read-only everywhere, a removed member is cut off everywhere, and an
 * instance killed mid-edit loses nothing: its clients reconnect (through a load balancer) to another.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { addBoard, listBoards, renameBoard, setCaseMeta } from '../../src/core/index.ts';
import { startBalancer, type Balancer } from '../helpers/balancer.ts';
import { makePng } from '../helpers/files.ts';
import { liveEvents, presentState, untilSlide } from '../helpers/live.ts';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { ADMIN, ApiClient } from '../helpers/server.ts';
import {
  DATABASE_URL,
  dropSchema,
  freshSchema,
  PG_SKIP_REASON,
  REDIS_URL,
} from '../helpers/stores.ts';
import { connectClient, eventually, rawSocket, synced, type SyncClient } from '../helpers/sync.ts';
import { PgStore } from '../../server/store/postgres.ts';

const enabled = Boolean(DATABASE_URL && REDIS_URL);
if (!enabled)
  console.warn(
    `scale-out tests skipped: ${DATABASE_URL ? 'REDIS_URL is not set (.ci/run sets it)' : PG_SKIP_REASON}`,
  );

const schema = freshSchema();
const dataDir = mkdtempSync(join(tmpdir(), 'caseboard-scale-'));
const instances: ServerProcess[] = [];
const ports: number[] = [];
const clients: SyncClient[] = [];
let balancer: Balancer;

async function startInstance(port: number): Promise<ServerProcess> {
  // Each instance its own data folder: nothing is shared but PostgreSQL and Redis.
  return startServerProcess(mkdtempSync(join(dataDir, 'instance-')), port, {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    ROOM_GRACE_MS: '500',
  });
}

function client(url: string, caseId: string, token: string): SyncClient {
  const c = connectClient(url, caseId, token);
  clients.push(c);
  return c;
}

const titles = (doc: Y.Doc) =>
  listBoards(doc)
    .map((b) => b.title)
    .sort();

describe.skipIf(!enabled)('several instances with PostgreSQL and Redis', () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) ports.push(await freePort());
    // The first start runs the migrations; the others find them done.
    instances.push(await startInstance(ports[0]!));
    instances.push(...(await Promise.all(ports.slice(1).map(startInstance))));
    balancer = await startBalancer(ports);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await balancer?.close();
    for (const p of instances) p.child.kill('SIGKILL');
    await Promise.all(instances.map((p) => p.exited));
    if (enabled) await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shares sessions, documents and presence between two instances', async () => {
    const [a, b] = instances as [ServerProcess, ServerProcess];
    const admin = await ApiClient.login(a.url, ADMIN.username, ADMIN.password);
    // The session made on A is valid on B.
    const onB = new ApiClient(b.url);
    onB.cookie = admin.cookie;
    expect((await onB.request('GET', '/api/me')).status).toBe(200);
    const caseId = (await onB.request('POST', '/api/cases', { title: 'Vụ án liên tỉnh' })).body.id;

    const left = client(a.url, caseId, await admin.token());
    const right = client(b.url, caseId, await onB.token());
    await Promise.all([synced(left), synced(right)]);
    const boardId = addBoard(left.doc, { kind: 'mindmap', title: 'Sơ đồ A' }, 'a');
    addBoard(right.doc, { kind: 'scene', title: 'Hiện trường B' }, 'b');
    await eventually(
      () => titles(left.doc).length === 2 && titles(right.doc).length === 2,
      5000,
      'both boards on both instances',
    );
    renameBoard(right.doc, { id: boardId, title: 'Sơ đồ vụ án' }, 'b');
    await eventually(
      () => titles(left.doc).join('|') === 'Hiện trường B|Sơ đồ vụ án',
      5000,
      'rename crosses',
    );

    // Presence crosses as instance A stamped it: with the account's real name, not the claimed one.
    const { displayName } = (await admin.request('GET', '/api/me')).body.user;
    left.provider.awareness.setLocalStateField('user', { name: 'Kiểm sát viên A' });
    left.provider.awareness.setLocalStateField('scene', { boardId: 'marker' });
    await eventually(
      () =>
        [...right.provider.awareness.getStates().values()].some(
          (s) =>
            (s.scene as { boardId?: string } | undefined)?.boardId === 'marker' &&
            (s.user as { name?: string } | undefined)?.name === displayName,
        ),
      5000,
      'presence crosses',
    );

    // A third instance that loads the case now has everything the others stored.
    const third = client(instances[2]!.url, caseId, await admin.token());
    await synced(third);
    expect(titles(third.doc)).toEqual(['Hiện trường B', 'Sơ đồ vụ án']);
  });

  it('keeps a viewer read-only on every instance and cuts off a removed member everywhere', async () => {
    const [a, b] = instances as [ServerProcess, ServerProcess];
    const admin = await ApiClient.login(a.url, ADMIN.username, ADMIN.password);
    const viewer = await admin.newUser('ksv.xem');
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án chỉ xem' })).body.id;
    await admin.request('PUT', `/api/cases/${caseId}/members/ksv.xem`, { role: 'viewer' });

    const editor = client(a.url, caseId, await admin.token());
    await synced(editor);
    const viewerOnB = new ApiClient(b.url);
    viewerOnB.cookie = viewer.cookie;
    const token = await viewerOnB.token();
    const watcher = client(b.url, caseId, token);
    await synced(watcher);
    // A hand-made update from the viewer's socket on B: neither stored nor seen on A.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    let update: Uint8Array | null = null;
    forged.once('update', (u: Uint8Array) => (update = u));
    addBoard(forged, { kind: 'mindmap', title: 'Giả mạo' }, 'x');
    const raw = rawSocket(b.url, caseId, token);
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(encodeUpdate(update!));
    addBoard(editor.doc, { kind: 'mindmap', title: 'Thật' }, 'a');
    await eventually(() => titles(watcher.doc).includes('Thật'), 5000, 'the real board on B');
    // A later marker on the forged update's path: a member's change on B, after it, reaches A;
    // had B taken the forged board, it would have reached A first.
    const memberOnB = client(b.url, caseId, await admin.token());
    await synced(memberOnB);
    setCaseMeta(memberOnB.doc, { caseNumber: '7/2026/HS' }, 'b');
    await eventually(
      () => editor.doc.getMap('meta').get('caseNumber') === '7/2026/HS',
      5000,
      'the later change from B on A',
    );
    memberOnB.destroy();
    expect(titles(editor.doc)).toEqual(['Thật']);
    const store = await PgStore.open(DATABASE_URL, { schema });
    const stored = new Y.Doc();
    for (const u of (await store.loadDocument(caseId)).updates) Y.applyUpdate(stored, u);
    await store.close();
    expect(titles(stored)).toEqual(['Thật']);
    raw.close();

    // Removed on A: the viewer's socket on B is closed at once.
    const closed = new Promise<number>((resolve) =>
      watcher.provider.on('connection-close', (event) => event && resolve(event.code)),
    );
    await admin.request('DELETE', `/api/cases/${caseId}/members/ksv.xem`);
    expect(await closed).toBe(4403);
  });

  it('makes one version when everyone has left, though the last person of each instance leaves in turn', async () => {
    const [a, b] = instances as [ServerProcess, ServerProcess];
    const admin = await ApiClient.login(a.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án hai nơi' })).body.id;
    const onA = connectClient(a.url, caseId, await admin.token());
    const onB = connectClient(b.url, caseId, await admin.token());
    await Promise.all([synced(onA), synced(onB)]);
    addBoard(onA.doc, { kind: 'mindmap', title: 'Từ A' }, 'a');
    addBoard(onB.doc, { kind: 'timeline', title: 'Từ B' }, 'b');
    await eventually(
      () => titles(onA.doc).length === 2 && titles(onB.doc).length === 2,
      5000,
      'both boards on both instances',
    );
    const versions = async () =>
      (await admin.request('GET', `/api/cases/${caseId}/versions`)).body.versions as Array<{
        name: string;
      }>;
    // The last person on A leaves: A makes the version, with both boards in it.
    onA.destroy();
    await eventually(async () => (await versions()).length === 1, 5000, 'the version from A');
    // Then the last person on B, who changed nothing since: B finds it made already.
    const adminOnB = await ApiClient.login(b.url, ADMIN.username, ADMIN.password);
    const roomsOnB = async () =>
      ((await adminOnB.request('GET', '/api/admin/stats')).body as { rooms: number }).rooms;
    const openBefore = await roomsOnB();
    onB.destroy();
    await eventually(async () => (await roomsOnB()) < openBefore, 10_000, 'B to unload the case');
    // A later marker: someone changes something on B and leaves, which makes a version; had B's
    // first departure made one too, it would be listed before it.
    const later = connectClient(b.url, caseId, await admin.token());
    await synced(later);
    addBoard(later.doc, { kind: 'scene', title: 'Sau cùng' }, 'b');
    later.destroy();
    await eventually(async () => (await versions()).length >= 2, 10_000, 'the later version');
    expect((await versions()).map((v) => v.name)).toEqual(['auto:left', 'auto:left']);
  });

  it('serves a case file uploaded on one instance from every other, with no shared folder', async () => {
    const admin = await ApiClient.login(instances[0]!.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án có hồ sơ' })).body.id;
    const scan = Buffer.concat([makePng(40, 30, [20, 60, 120]), randomBytes(3 * 1024 * 1024)]);
    const upload = await fetch(
      `${instances[0]!.url}/api/cases/${caseId}/files?name=${encodeURIComponent('Bút lục 12.png')}`,
      {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(scan),
      },
    );
    expect(upload.status).toBe(201);
    const { hash } = (await upload.json()) as { hash: string };
    for (const instance of instances.slice(1)) {
      const file = await fetch(`${instance.url}/api/cases/${caseId}/files/${hash}`, {
        headers: { cookie: admin.cookie },
      });
      expect(file.status).toBe(200);
      expect(Number(file.headers.get('content-length'))).toBe(scan.length);
      expect(Buffer.from(await file.arrayBuffer()).equals(scan)).toBe(true);
      const check = await fetch(`${instance.url}/api/cases/${caseId}/files/${hash}/verify`, {
        method: 'POST',
        headers: { cookie: admin.cookie },
      });
      expect((await check.json()).ok).toBe(true);
    }
  });

  it('counts failed log-ins on every instance: going round them gives no more tries', async () => {
    const admin = await ApiClient.login(instances[0]!.url, ADMIN.username, ADMIN.password);
    await admin.newUser('ksv.doan');
    // Ten wrong passwords, sent round the three instances: none of them saw more than four.
    for (let i = 0; i < 10; i++) {
      const res = await new ApiClient(instances[i % 3]!.url).request('POST', '/api/auth/login', {
        username: 'ksv.doan',
        password: `sai ${i}`,
      });
      expect(res.status).toBe(401);
    }
    // Every instance now refuses this address even the right password for it, and says why.
    for (const instance of instances) {
      const res = await new ApiClient(instance.url).request('POST', '/api/auth/login', {
        username: 'ksv.doan',
        password: 'ksv.doan-password',
      });
      expect(res.status).toBe(429);
      expect(res.body.error).toBe('auth.tooManyAttempts');
    }
    // Another person is not locked out.
    expect(
      (await ApiClient.login(instances[2]!.url, ADMIN.username, ADMIN.password)).cookie,
    ).toBeTruthy();
  }, 30_000);

  it('shows a hearing-link holder on any instance what is presented on another, and revokes everywhere', async () => {
    const [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
    const owner = await ApiClient.login(a.url, ADMIN.username, ADMIN.password);
    const caseId = (await owner.request('POST', '/api/cases', { title: 'Vụ án xét xử trực tuyến' }))
      .body.id;
    const made = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const token = made.body.token as string;

    // The holder follows on B; the presenter presents on A.
    const followed = liveEvents(b.url, token, untilSlide(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      (await owner.request('PUT', `/api/cases/${caseId}/presentation`, presentState(2))).status,
    ).toBe(200);
    expect((await followed).at(-1)![1]).toMatchObject({ state: { slide: 2, presenter: 'admin' } });
    const png = makePng(16, 9, [200, 30, 30]);
    const put = await fetch(`${a.url}/api/cases/${caseId}/presentation/image`, {
      method: 'PUT',
      headers: { cookie: owner.cookie, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    expect(put.status).toBe(200);

    // C had no holder until now: it shows the current slide and picture at once.
    await eventually(
      async () => (await fetch(`${c.url}/api/live/${token}/image`)).status === 200,
      5000,
      'the picture on C',
    );
    const picture = await fetch(`${c.url}/api/live/${token}/image`);
    expect(Buffer.from(await picture.arrayBuffer()).equals(png)).toBe(true);
    expect((await (await fetch(`${c.url}/api/live/${token}`)).json()).state).toMatchObject({
      slide: 2,
      image: 1,
    });

    // Revoked on A: the stream open on B ends at once.
    const ending = liveEvents(b.url, token, (name) => name === 'end');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const linkId = made.body.link.id as string;
    expect((await owner.request('DELETE', `/api/cases/${caseId}/links/${linkId}`)).status).toBe(
      204,
    );
    expect((await ending).at(-1)).toEqual(['end', { reason: 'revoked' }]);

    // Ended on A: C no longer shows it.
    await owner.request('DELETE', `/api/cases/${caseId}/presentation`);
    const again = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    await eventually(
      async () =>
        (await (await fetch(`${c.url}/api/live/${again.body.token}`)).json()).state === null,
      5000,
      'the end on C',
    );
  }, 30_000);

  it('loses nothing when an instance is killed mid-edit: its clients move to another', async () => {
    const admin = await ApiClient.login(balancer.url, ADMIN.username, ADMIN.password);
    const caseId = (await admin.request('POST', '/api/cases', { title: 'Vụ án chịu lỗi' })).body.id;
    const editors = await Promise.all(
      Array.from({ length: 6 }, async () => client(balancer.url, caseId, await admin.token())),
    );
    await Promise.all(editors.map((c) => synced(c, 10_000)));
    const byPort = new Set(balancer.connections().values());
    expect(byPort.size).toBeGreaterThanOrEqual(2);

    let running = true;
    const made = editors.map(() => [] as string[]);
    const loops = editors.map(async (editor, i) => {
      for (let n = 0; running; n++) {
        const title = `Sơ đồ ${i}-${n}`;
        addBoard(editor.doc, { kind: 'mindmap', title }, 'e');
        made[i]!.push(title);
        await new Promise((resolve) => setTimeout(resolve, 20 + i * 3));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Kill the instance that the first editor is on, without warning.
    const victimPort = [...balancer.connections().values()][0]!;
    const victim = instances[ports.indexOf(victimPort)]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    running = false;
    await Promise.all(loops);

    const expected = made.flat().sort();
    await eventually(
      () =>
        editors.every((c) => c.provider.wsconnected && titles(c.doc).length === expected.length),
      20_000,
      'every editor has every board',
    );
    for (const c of editors) expect(titles(c.doc)).toEqual(expected);
    expect(new Set(balancer.connections().values()).has(victimPort)).toBe(false);
    // And it is all stored: a fresh client through a live instance gets the same.
    const fresh = client(balancer.url, caseId, await admin.token());
    await synced(fresh, 10_000);
    expect(titles(fresh.doc)).toEqual(expected);
  }, 60_000);
});
