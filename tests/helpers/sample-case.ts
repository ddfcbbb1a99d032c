import {
  addBoard,
  addEntity,
  addEntityNode,
  addFileRecord,
  addLink,
  addMark,
  addSceneObject,
  addSlide,
  insertOutline,
} from '../../src/core/index.ts';
import type { CaseFile } from '../../src/core/commands/files.ts';
import { ADMIN, ApiClient, type TestServer } from './server.ts';
import { connectClient, synced } from './sync.ts';
import { makePdf, makePng } from './files.ts';

/** What `seedSampleCase` made, for a walk through it. */
export interface SampleCase {
  caseId: string;
  boards: Record<'mindmap' | 'evidence' | 'relationship' | 'timeline' | 'scene', string>;
  pdf: string;
  image: string;
  /** A hearing link's path (`/live/…`), made by the owner. */
  livePath: string;
  owner: { username: string; password: string; displayName: string };
  editor: { username: string; password: string; displayName: string };
}

const ORIGIN = 'sample';

async function upload(client: ApiClient, caseId: string, name: string, bytes: Buffer) {
  const res = await fetch(
    `${client.baseUrl}/api/cases/${caseId}/files?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    },
  );
  if (!res.ok) throw new Error(`upload of ${name} failed: ${res.status}`);
  return (await res.json()) as {
    hash: string;
    name: string;
    mime: string;
    size: number;
    pages?: number;
  };
}

/**
 * A theft case under Article 173 as a prosecutor would have it after a week: two accounts (Trần Thị
 * Lan owns it, Lê Văn Hùng edits), a mind map, an evidence chart, a relationship chart, a timeline
 * and a scene, people, evidence and events in the register, an uploaded PDF with marks and a
 * photo, a deck of three slides, a named version and a hearing link. For screenshots and for tests
 * that need a lived-in case.
 */
export async function seedSampleCase(server: TestServer): Promise<SampleCase> {
  const owner = { username: 'ksv.lan', password: 'ksv.lan-password', displayName: 'Trần Thị Lan' };
  const editor = {
    username: 'ksv.hung',
    password: 'ksv.hung-password',
    displayName: 'Lê Văn Hùng',
  };
  const admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
  await admin.newUser(owner.username, owner.displayName);
  await admin.newUser(editor.username, editor.displayName);
  const lan = await ApiClient.login(server.url, owner.username, owner.password);
  const caseId = (
    await lan.request('POST', '/api/cases', {
      title: 'Vụ trộm cắp tài sản tại số 12 Hàng Bài',
      caseNumber: '35/2026/HS-ST',
      offences: ['BLHS-173'],
      classification: 'mat',
    })
  ).body.id as string;
  await lan.request('POST', '/api/cases', {
    title: 'Vụ cố ý gây thương tích',
    offences: ['BLHS-134'],
  });
  await lan.request('PUT', `/api/cases/${caseId}/members/${editor.username}`, { role: 'editor' });

  const pdfFile = await upload(
    lan,
    caseId,
    'BL 12 - Biên bản khám nghiệm hiện trường.pdf',
    await makePdf(3),
  );
  const imageFile = await upload(
    lan,
    caseId,
    'Ảnh hiện trường.png',
    makePng(320, 240, [200, 214, 230]),
  );

  const client = connectClient(server.url, caseId, await lan.token());
  await synced(client);
  const doc = client.doc;
  for (const f of [pdfFile, imageFile])
    addFileRecord(
      doc,
      {
        hash: f.hash,
        name: f.name,
        mime: f.mime as CaseFile['mime'],
        size: f.size,
        pages: f.mime === 'application/pdf' ? 3 : 1,
      },
      ORIGIN,
    );
  addMark(
    doc,
    { hash: pdfFile.hash, mark: { kind: 'highlight', page: 1, x: 0.1, y: 0.2, w: 0.6, h: 0.06 } },
    ORIGIN,
  );
  addMark(
    doc,
    {
      hash: pdfFile.hash,
      mark: { kind: 'note', page: 1, x: 0.7, y: 0.4, text: 'Dấu vết cạy khoá' },
    },
    ORIGIN,
  );

  const suspect = addEntity(
    doc,
    {
      kind: 'person',
      fields: {
        name: 'Nguyễn Văn Ấn',
        role: 'suspect',
        birthDate: '1990-05-12',
        address: 'Phường Hàng Bài, Hà Nội',
      },
    },
    ORIGIN,
  );
  const victim = addEntity(
    doc,
    { kind: 'person', fields: { name: 'Đỗ Thị Lập', role: 'victim', birthDate: '1985-11-03' } },
    ORIGIN,
  );
  const witness = addEntity(
    doc,
    { kind: 'person', fields: { name: 'Phạm Văn Minh', role: 'witness' } },
    ORIGIN,
  );
  const phone = addEntity(
    doc,
    {
      kind: 'evidence',
      fields: {
        name: 'Điện thoại iPhone 13',
        evidenceType: 'physical',
        collectedAt: '2026-03-15',
        status: 'collected',
      },
    },
    ORIGIN,
  );
  addEntity(
    doc,
    { kind: 'evidence', fields: { name: 'Lời khai người làm chứng', evidenceType: 'statement' } },
    ORIGIN,
  );
  addEntity(
    doc,
    {
      kind: 'event',
      fields: {
        name: 'Ấn đột nhập nhà bà Lập',
        start: '21h30 ngày 14/3/2026',
        place: 'Số 12 Hàng Bài',
        people: [suspect, victim],
      },
    },
    ORIGIN,
  );
  addEntity(
    doc,
    {
      kind: 'event',
      fields: {
        name: 'Ấn bán điện thoại',
        start: '9h ngày 15/3/2026',
        people: [suspect],
        evidence: [phone],
      },
    },
    ORIGIN,
  );
  addEntity(
    doc,
    {
      kind: 'event',
      fields: { name: 'Bắt giữ Ấn', start: '16/3/2026', people: [suspect, witness] },
    },
    ORIGIN,
  );

  const mindmap = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ vụ án' }, ORIGIN);
  insertOutline(
    doc,
    {
      boardId: mindmap,
      parent: null,
      nodes: [
        {
          label: 'Vụ trộm cắp tài sản (Điều 173 BLHS)',
          children: [
            {
              label: 'Bị can: Nguyễn Văn Ấn',
              children: [{ label: 'Sinh năm 1990', children: [] }],
            },
            { label: 'Bị hại: Đỗ Thị Lập', children: [] },
            { label: 'Tài sản: điện thoại iPhone 13, trị giá 18 triệu đồng', children: [] },
            {
              label: 'Chứng cứ',
              children: [
                { label: 'BL 12 - Biên bản khám nghiệm', children: [] },
                { label: 'Lời khai người làm chứng', children: [] },
              ],
            },
          ],
        },
      ],
    },
    ORIGIN,
  );

  const evidence = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, ORIGIN);
  const fact = addEntityNode(
    doc,
    {
      boardId: evidence,
      kind: 'fact',
      name: 'Ấn lấy điện thoại của bà Lập',
      x: 600,
      y: 0,
      fields: { factType: 'issue-crime' },
    },
    ORIGIN,
  );
  const proof = addEntityNode(
    doc,
    {
      boardId: evidence,
      kind: 'evidence',
      name: 'Biên bản thu giữ điện thoại',
      x: 0,
      y: 0,
      fields: { evidenceType: 'physical' },
    },
    ORIGIN,
  );
  const statement = addEntityNode(
    doc,
    {
      boardId: evidence,
      kind: 'evidence',
      name: 'Lời khai của Phạm Văn Minh',
      x: 0,
      y: 200,
      fields: { evidenceType: 'statement' },
    },
    ORIGIN,
  );
  addLink(doc, { boardId: evidence, source: proof, target: fact, type: 'supports' }, ORIGIN);
  addLink(
    doc,
    { boardId: evidence, source: statement, target: fact, type: 'corroborates' },
    ORIGIN,
  );

  const relationship = addBoard(doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, ORIGIN);
  const a = addEntityNode(
    doc,
    {
      boardId: relationship,
      kind: 'person',
      name: 'Trần Văn Bình',
      x: 0,
      y: 0,
      fields: { role: 'related' },
    },
    ORIGIN,
  );
  const b = addEntityNode(
    doc,
    {
      boardId: relationship,
      kind: 'person',
      name: 'Lê Thị Cúc',
      x: 400,
      y: 0,
      fields: { role: 'witness' },
    },
    ORIGIN,
  );
  addLink(
    doc,
    { boardId: relationship, source: a, target: b, type: 'called', label: 'Gọi 3 cuộc ngày 14/3' },
    ORIGIN,
  );

  const timeline = addBoard(doc, { kind: 'timeline', title: 'Diễn biến' }, ORIGIN);

  const scene = addBoard(doc, { kind: 'scene', title: 'Hiện trường số 12 Hàng Bài' }, ORIGIN);
  const room = [
    { x: 0, y: 0 },
    { x: 8, y: 0 },
    { x: 8, y: 6 },
    { x: 0, y: 6 },
  ];
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'wall', points: room, closed: true, thickness: 0.2 } },
    ORIGIN,
  );
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'symbol', symbol: 'car', x: 10, y: 2, w: 4.5, h: 1.8 } },
    ORIGIN,
  );
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'marker', x: 3, y: 2, entity: phone } },
    ORIGIN,
  );

  addSlide(
    doc,
    { kind: 'title', title: 'Báo cáo án: vụ trộm cắp tài sản', text: 'Kiểm sát viên Trần Thị Lan' },
    ORIGIN,
  );
  addSlide(
    doc,
    {
      kind: 'frame',
      boardId: mindmap,
      frame: { x: -800, y: -450, w: 1600, h: 900 },
      title: 'Tổng quan vụ án',
    },
    ORIGIN,
  );
  addSlide(
    doc,
    { kind: 'document', file: pdfFile.hash, page: 1, title: 'Biên bản khám nghiệm' },
    ORIGIN,
  );

  await new Promise((resolve) => setTimeout(resolve, 500));
  client.destroy();

  await lan.request('POST', `/api/cases/${caseId}/versions`, {
    name: 'Trước báo cáo án ngày 12/3',
  });
  const link = await lan.request('POST', `/api/cases/${caseId}/links`, {
    label: 'Phiên toà ngày 20/3',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  return {
    caseId,
    boards: { mindmap, evidence, relationship, timeline, scene },
    pdf: pdfFile.hash,
    image: imageFile.hash,
    livePath: link.body.path as string,
    owner,
    editor,
  };
}
