import * as Y from 'yjs';
import { addBoard, addEntity, addEntityNode, addLink, addNode } from '../../src/core/index.ts';
import { updateEntity } from '../../src/core/commands/register.ts';
import { recordAt, registerOf } from '../../src/core/doc.ts';
import { nodesIn } from '../../src/core/commands/nodes.ts';

/**
 * A Vietnamese theft case drawn for the chart and timeline renderers: an evidence chart of 12
 * nodes (facts, evidence, an event, a person) with every proof link type and each proof verdict, a
 * relationship chart of people, phones, a motorbike, an account and a place, and a register of 10
 * timed events (two spans) over three people and one untimed event. One name is stored in NFD, as
 * a hostile or old peer may write it.
 */
export interface RenderCase {
  doc: Y.Doc;
  evidence: string;
  relationship: string;
  timeline: string;
  /** Node ids of the evidence chart by name. */
  nodes: Record<string, string>;
  /** Event ids in time order. */
  events: string[];
  /** Every name a reader must find on the pictures (NFC). */
  names: { evidence: string[]; relationship: string[]; timeline: string[]; lanes: string[] };
}

const O = 'test';

export function renderCase(): RenderCase {
  const doc = new Y.Doc();
  const evidence = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ vụ trộm xe' }, O);
  const relationship = addBoard(doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, O);
  const timeline = addBoard(doc, { kind: 'timeline', title: 'Diễn biến vụ việc' }, O);
  const nodes: Record<string, string> = {};
  const node = (
    boardId: string,
    kind: 'fact' | 'evidence' | 'person' | 'place' | 'event',
    name: string,
    x: number,
    y: number,
    fields?: Record<string, unknown>,
  ) => {
    const id = addEntityNode(doc, { boardId, kind, name, x, y, ...(fields ? { fields } : {}) }, O);
    if (boardId === evidence) nodes[name.normalize('NFC')] = id;
    return id;
  };
  const link = (
    boardId: string,
    source: string,
    target: string,
    type: string,
    extra: Record<string, unknown> = {},
  ) => addLink(doc, { boardId, source, target, type, ...extra }, O);

  // Facts on the right, evidence on the left, as the layered layout places them.
  const took = node(evidence, 'fact', 'Bị can lấy chiếc xe máy Honda Wave', 700, 0);
  const value = node(evidence, 'fact', 'Giá trị tài sản 18.500.000 đồng', 700, 200);
  const present = node(evidence, 'fact', 'Bị can có mặt tại chợ lúc 21 giờ', 700, 400);
  node(evidence, 'fact', 'Động cơ: trả nợ cờ bạc', 700, 600);
  const scene = node(evidence, 'evidence', 'Biên bản khám nghiệm hiện trường', 0, 0, {
    pages: 'BL 12–15',
  });
  const victim = node(evidence, 'evidence', 'Lời khai người bị hại Trần Văn Bình', 0, 110, {
    evidenceType: 'statement',
    pages: 'BL 21',
  });
  // Its name is rewritten in NFD below: the renderer must draw it in NFC.
  const witness = node(
    evidence,
    'evidence',
    'Lời khai nhân chứng Lê Thị Cúc'.normalize('NFD'),
    0,
    220,
  );
  const valuation = node(evidence, 'evidence', 'Kết luận định giá tài sản số 45/KL-HĐĐG', 0, 330, {
    pages: 'BL 40–42',
  });
  const camera = node(evidence, 'evidence', 'Trích xuất camera chợ Bến Thành', 0, 440);
  const confession = node(evidence, 'evidence', 'Lời khai bị can Nguyễn Văn Hùng', 0, 550);
  const pawn = node(evidence, 'event', 'Hùng cầm xe tại tiệm Phát Đạt', 360, 650);
  const suspect = node(evidence, 'person', 'Nguyễn Văn Hùng', 360, 780);
  // Commands store NFC; an old or hostile peer may write NFD straight into the register.
  const nfd = (entity: unknown) => {
    const record = recordAt(registerOf(doc), String(entity));
    record?.set('name', String(record.get('name')).normalize('NFD'));
  };
  const entityOf = (nodeId: string) =>
    String(recordAt(nodesIn(doc, evidence), nodeId)?.get('entity'));
  nfd(entityOf(witness));
  link(evidence, scene, took, 'supports', { strength: 'strong' });
  link(evidence, victim, took, 'supports');
  link(evidence, witness, present, 'supports');
  link(evidence, valuation, value, 'supports', { label: 'định giá ngày 20/3' });
  link(evidence, camera, witness, 'corroborates', { strength: 'weak' });
  link(evidence, confession, present, 'contradicts');
  link(evidence, camera, present, 'supports');
  link(evidence, pawn, took, 'relation');
  link(evidence, suspect, pawn, 'relation');

  const hung = node(relationship, 'person', 'Nguyễn Văn Hùng', 0, 0);
  const binh = node(relationship, 'person', 'Trần Văn Bình', 560, 0);
  const cuc = node(relationship, 'person', 'Lê Thị Cúc', 560, 280);
  const tam = node(relationship, 'person', 'Phạm Minh Tâm', 0, 400);
  const phone = addNode(
    doc,
    { boardId: relationship, x: 40, y: 200, label: '0912 345 678', type: 'phone' },
    O,
  );
  const phone2 = addNode(
    doc,
    { boardId: relationship, x: 300, y: 500, label: '0987 654 321', type: 'phone' },
    O,
  );
  const bike = addNode(
    doc,
    { boardId: relationship, x: 300, y: 130, label: 'Xe máy 59-X1 234.56', type: 'vehicle' },
    O,
  );
  const account = addNode(
    doc,
    {
      boardId: relationship,
      x: 300,
      y: 330,
      label: 'TK Vietcombank 0071000123456',
      type: 'account',
    },
    O,
  );
  const market = node(relationship, 'place', 'Chợ Bến Thành', 880, 150);
  link(relationship, hung, phone, 'owns');
  link(relationship, tam, phone2, 'owns');
  link(relationship, phone, phone2, 'called', { label: '14 cuộc gọi' });
  link(relationship, binh, bike, 'owns');
  link(relationship, hung, bike, 'related');
  link(relationship, hung, market, 'met');
  link(relationship, cuc, market, 'met');
  link(relationship, tam, account, 'owns');
  link(relationship, hung, account, 'paid', { strength: 'strong' });

  const person = (name: string) => addEntity(doc, { kind: 'person', fields: { name } }, O);
  const p1 = person('Nguyễn Văn Hùng (bị can)');
  const p2 = person('Trần Văn Bình (bị hại)');
  const p3 = person('Lê Thị Cúc (nhân chứng)');
  nfd(p3);
  const events: string[] = [];
  const event = (name: string, start: string, people: readonly string[], end?: string) => {
    const id = addEntity(
      doc,
      { kind: 'event', fields: { name, start, ...(end ? { end } : {}), people } },
      O,
    );
    events.push(id);
    return id;
  };
  const names = [
    ['Bình gửi xe tại cổng chợ', '20h40 ngày 14/3/2026', [p2]],
    ['Cúc bán hàng tại sạp số 12', '19h ngày 14/3/2026', [p3], '22h ngày 14/3/2026'],
    ['Hùng đến chợ', '20h55 ngày 14/3/2026', [p1]],
    ['Cúc thấy một người dắt xe', '21h05 ngày 14/3/2026', [p3]],
    ['Hùng dắt xe ra khỏi bãi', '21h10 ngày 14/3/2026', [p1]],
    ['Bình phát hiện mất xe và trình báo', '21h30 ngày 14/3/2026', [p2], '22h30 ngày 14/3/2026'],
    ['Hùng về nhà trọ', '23h ngày 14/3/2026', [p1]],
    ['Hùng bán xe cho tiệm cầm đồ', '9h ngày 15/3/2026', [p1]],
    ['Công an triệu tập Hùng', '14h ngày 15/3/2026', [p1, p2]],
    ['Cúc nhận dạng Hùng qua ảnh', '16h ngày 15/3/2026', [p3]],
  ] as const;
  // Added out of time order: the renderer sorts them.
  for (const i of [3, 0, 7, 1, 9, 2, 5, 4, 8, 6]) {
    const [name, start, people, end] = names[i]! as readonly [
      string,
      string,
      readonly string[],
      string?,
    ];
    const id = event(name, start, people, end);
    // The camera footage shows the motorbike leaving: a badge beside the event.
    if (name === 'Hùng dắt xe ra khỏi bãi')
      updateEntity(doc, { id, fields: { evidence: [entityOf(camera)] } }, O);
  }
  addEntity(doc, { kind: 'event', fields: { name: 'Hùng vay tiền', start: 'đầu năm' } }, O);

  return {
    doc,
    evidence,
    relationship,
    timeline,
    nodes,
    events,
    names: {
      evidence: [
        'Bị can lấy chiếc xe máy Honda Wave',
        'Giá trị tài sản 18.500.000 đồng',
        'Bị can có mặt tại chợ lúc 21 giờ',
        'Động cơ: trả nợ cờ bạc',
        'Biên bản khám nghiệm hiện trường',
        'Lời khai người bị hại Trần Văn Bình',
        'Lời khai nhân chứng Lê Thị Cúc',
        'Kết luận định giá tài sản số 45/KL-HĐĐG',
        'Trích xuất camera chợ Bến Thành',
        'Lời khai bị can Nguyễn Văn Hùng',
        'Hùng cầm xe tại tiệm Phát Đạt',
        'Nguyễn Văn Hùng',
      ],
      relationship: [
        'Nguyễn Văn Hùng',
        'Trần Văn Bình',
        'Lê Thị Cúc',
        'Phạm Minh Tâm',
        '0912 345 678',
        '0987 654 321',
        'Xe máy 59-X1 234.56',
        'TK Vietcombank 0071000123456',
        'Chợ Bến Thành',
      ],
      timeline: names.map(([name]) => name),
      lanes: ['Nguyễn Văn Hùng (bị can)', 'Trần Văn Bình (bị hại)', 'Lê Thị Cúc (nhân chứng)'],
    },
  };
}
