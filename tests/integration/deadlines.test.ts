/**
 * Procedural deadlines on a real server: computed from the stored documents by the same core
 * function as the page, per case and across the caller's cases, recomputed after the room
 * commits a change, as JSON and as an .ics calendar; members only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addEntity } from '../../src/core/commands/register.ts';
import { addProcedureEvent } from '../../src/core/procedure/index.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let owner: ApiClient;
let stranger: ApiClient;
let caseId: string;
let otherCase: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  owner = await admin.newUser('ksv.lan', 'Trần Thị Lan');
  stranger = await admin.newUser('ksv.binh');
  caseId = (
    await owner.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp, chợ Bến Thành',
      offences: ['BLHS-173.1'],
    })
  ).body.id;
  otherCase = (
    await owner.request('POST', '/api/cases', { title: 'Vụ lừa đảo', offences: ['BLHS-174.4'] })
  ).body.id;
});
afterAll(async () => {
  await server?.dispose();
});

it('computes a case’s deadlines and follows its changes', async () => {
  const empty = await owner.request('GET', `/api/cases/${caseId}/deadlines?today=2026-02-01`);
  expect(empty.status).toBe(200);
  expect(empty.body.deadlines).toEqual([]);

  await server.rooms.change(caseId, (doc) => {
    const person = addEntity(
      doc,
      { kind: 'person', fields: { name: 'Nguyễn Văn Ấn', role: 'suspect' } },
      'server',
    );
    addProcedureEvent(doc, { kind: 'case-initiated', date: '2026-01-05' }, 'server');
    addProcedureEvent(doc, { kind: 'detention', date: '2026-01-08', person }, 'server');
  });
  const res = await owner.request('GET', `/api/cases/${caseId}/deadlines?today=2026-02-01`);
  expect(res.body.deadlines.map((d: { stage: string; due: string }) => [d.stage, d.due])).toEqual([
    ['investigation', '2026-03-05'],
    ['detention', '2026-03-08'],
  ]);
  expect(res.body.deadlines[1]).toMatchObject({
    personName: 'Nguyễn Văn Ấn',
    caseTitle: 'Vụ trộm cắp, chợ Bến Thành',
    source: 'Điều 173 khoản 1 BLTTHS 2015',
    status: 'ok',
  });
});

it('lists every case of the caller nearest first, and only to members', async () => {
  await server.rooms.change(otherCase, (doc) =>
    addProcedureEvent(doc, { kind: 'file-received', date: '2026-02-02' }, 'server'),
  );
  const all = await owner.request('GET', '/api/deadlines?today=2026-02-01');
  expect(all.status).toBe(200);
  expect(all.body.deadlines.map((d: { caseId: string; due: string }) => [d.caseId, d.due])).toEqual(
    [
      [caseId, '2026-03-05'],
      [otherCase, '2026-03-04'],
      [caseId, '2026-03-08'],
    ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
  );
  expect((await stranger.request('GET', '/api/deadlines')).body.deadlines).toEqual([]);
  expect((await stranger.request('GET', `/api/cases/${caseId}/deadlines`)).status).toBe(404);
  expect((await new ApiClient(server.url).request('GET', '/api/deadlines')).status).toBe(401);
  expect(
    (await owner.request('GET', `/api/cases/${caseId}/deadlines?today=2026-02-31`)).status,
  ).toBe(400);
});

it('serves the deadlines as an .ics calendar', async () => {
  for (const path of [`/api/cases/${caseId}/deadlines.ics`, '/api/deadlines.ics']) {
    const res = await fetch(`${server.url}${path}?today=2026-02-01`, {
      headers: { cookie: owner.cookie, 'accept-language': 'vi' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/);
    const text = await res.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260308');
    expect(lines.some((l) => l.startsWith('SUMMARY:Hết hạn tạm giam — Nguyễn Văn Ấn'))).toBe(true);
  }
  const anonymous = await fetch(`${server.url}/api/deadlines.ics`);
  expect(anonymous.status).toBe(401);
});
