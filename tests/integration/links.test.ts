import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../helpers/files.ts';
import { liveEvents, presentState as state, untilSlide } from '../helpers/live.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: ApiClient;
let editor: ApiClient;
let outsider: ApiClient;
let caseId: string;

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('link-owner');
  editor = await admin.newUser('link-editor');
  outsider = await admin.newUser('link-outsider');
  caseId = (await owner.request('POST', '/api/cases', { title: 'Vụ án có phiên tòa' })).body.id;
  await owner.request('PUT', `/api/cases/${caseId}/members/link-editor`, { role: 'editor' });
});
afterAll(async () => {
  await server?.dispose();
});

describe('hearing links', () => {
  it('are made by owners only, with a 256-bit token kept only as its hash', async () => {
    expect(
      (await editor.request('POST', `/api/cases/${caseId}/links`, { expiresAt: inAnHour() }))
        .status,
    ).toBe(403);
    expect(
      (await outsider.request('POST', `/api/cases/${caseId}/links`, { expiresAt: inAnHour() }))
        .status,
    ).toBe(404);
    const past = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.error).toBe('link.badExpiry');
    expect(past.body.message).toContain('future');
    const tooLong = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    });
    expect(tooLong.status).toBe(400);

    const made = await owner.request('POST', `/api/cases/${caseId}/links`, {
      label: 'Phòng xử án số 2',
      expiresAt: inAnHour(),
    });
    expect(made.status).toBe(201);
    const token = made.body.token as string;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // The database holds the hash, never the token.
    const db = readFileSync(join(server.dataDir, 'caseboard.db'));
    expect(db.includes(Buffer.from(token))).toBe(false);
    const list = await owner.request('GET', `/api/cases/${caseId}/links`);
    expect(list.body.links).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('lets a holder follow only what is presented, records every use, and ends at revocation', async () => {
    const made = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: inAnHour(),
    });
    const token = made.body.token as string;
    // Nothing presented yet.
    const open = await fetch(`${server.url}/api/live/${token}`);
    expect(open.status).toBe(200);
    expect((await open.json()).state).toBeNull();
    expect((await fetch(`${server.url}/api/live/${token}/image`)).status).toBe(404);

    // A member presents; the holder's stream sees the state and the picture's version.
    const stream = liveEvents(server.url, token, untilSlide(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(
      (await editor.request('PUT', `/api/cases/${caseId}/presentation`, state(1))).status,
    ).toBe(200);
    const png = makePng(16, 9, [10, 20, 30]);
    const image = await fetch(`${server.url}/api/cases/${caseId}/presentation/image`, {
      method: 'PUT',
      headers: { cookie: editor.cookie, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    expect(image.status).toBe(200);
    const seen = await stream;
    expect(seen.at(-1)![1]).toMatchObject({
      state: { slide: 1, presenter: 'link-editor', pointer: { x: 0.5, y: 0.25 } },
    });
    const picture = await fetch(`${server.url}/api/live/${token}/image`);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await picture.arrayBuffer()).equals(png)).toBe(true);

    // Bad presenter input is refused and changes nothing.
    expect(
      (
        await editor.request('PUT', `/api/cases/${caseId}/presentation`, {
          ...state(2),
          pointer: { x: 7, y: 0 },
        })
      ).status,
    ).toBe(400);
    const notImage = await fetch(`${server.url}/api/cases/${caseId}/presentation/image`, {
      method: 'PUT',
      headers: { cookie: editor.cookie, 'content-type': 'image/png' },
      body: new TextEncoder().encode('#!/bin/sh\necho hi'),
    });
    expect(notImage.status).toBe(415);
    expect(
      (await outsider.request('PUT', `/api/cases/${caseId}/presentation`, state(2))).status,
    ).toBe(404);
    expect((await (await fetch(`${server.url}/api/live/${token}`)).json()).state.slide).toBe(1);

    // The holder reaches nothing else.
    for (const path of [
      `/api/cases/${caseId}`,
      `/api/cases/${caseId}/files`,
      `/api/cases/${caseId}/links`,
    ])
      expect(
        (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(401);

    // Revoking ends the open stream at once, and the link is refused afterwards.
    const ending = liveEvents(server.url, token, (name) => name === 'end');
    await new Promise((r) => setTimeout(r, 100));
    const linkId = made.body.link.id as string;
    expect((await owner.request('DELETE', `/api/cases/${caseId}/links/${linkId}`)).status).toBe(
      204,
    );
    const last = await ending;
    expect(last.at(-1)).toEqual(['end', { reason: 'revoked' }]);
    const refused = await fetch(`${server.url}/api/live/${token}`, {
      headers: { 'accept-language': 'vi' },
    });
    expect(refused.status).toBe(410);
    expect((await refused.json()).message).toContain('thu hồi');
    expect((await fetch(`${server.url}/api/live/${token}/image`)).status).toBe(410);

    // Every use was recorded: two opens and two streams (a refused try is no use).
    const uses = await owner.request('GET', `/api/cases/${caseId}/links/${linkId}/uses`);
    expect(uses.body.uses.map((u: { what: string }) => u.what).sort()).toEqual([
      'follow',
      'follow',
      'open',
      'open',
    ]);
  });

  it('expires at its time, and unknown or malformed tokens are refused', async () => {
    const made = await owner.request('POST', `/api/cases/${caseId}/links`, {
      expiresAt: new Date(Date.now() + 1200).toISOString(),
    });
    const token = made.body.token as string;
    expect((await fetch(`${server.url}/api/live/${token}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const expired = await fetch(`${server.url}/api/live/${token}`);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error).toBe('link.expired');
    expect((await fetch(`${server.url}/api/live/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/live/short`)).status).toBe(400);
  });
});
