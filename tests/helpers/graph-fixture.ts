import type * as Y from 'yjs';
import { addBoard, addEntity, addEntityNode, addLink, addNode } from '../../src/core/index.ts';

/**
 * A theft case under Article 173 with the three graph boards filled through the model: an evidence
 * chart (facts, evidence, typed links), a relationship chart (people, phones, a motorbike, a place)
 * and a timeline of events per person.
 */
export function theftCaseBoards(doc: Y.Doc): {
  evidence: string;
  relationship: string;
  timeline: string;
} {
  const evidence = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ chứng cứ' }, 'test');
  const relationship = addBoard(doc, { kind: 'relationship', title: 'Sơ đồ quan hệ' }, 'test');
  const timeline = addBoard(doc, { kind: 'timeline', title: 'Dòng thời gian' }, 'test');

  const node = (
    boardId: string,
    kind: 'fact' | 'evidence' | 'person' | 'place' | 'event',
    name: string,
    x: number,
    y: number,
    fields?: Record<string, unknown>,
  ) => addEntityNode(doc, { boardId, kind, name, x, y, ...(fields ? { fields } : {}) }, 'test');
  const facts = [
    node(evidence, 'fact', 'Bị can lấy chiếc xe máy Honda Wave', 640, 0),
    node(evidence, 'fact', 'Giá trị tài sản 18.500.000 đồng', 640, 160),
    node(evidence, 'fact', 'Bị can có mặt tại chợ lúc 21 giờ', 640, 320),
  ];
  const items = [
    'Biên bản khám nghiệm hiện trường',
    'Lời khai người bị hại Trần Văn Bình',
    'Lời khai nhân chứng Lê Thị Cúc',
    'Kết luận định giá tài sản',
    'Trích xuất camera chợ Bến Thành',
    'Lời khai bị can Nguyễn Văn Hùng',
  ].map((name, i) => node(evidence, 'evidence', name, 0, i * 110));
  const link = (boardId: string, source: string, target: string, type: string) =>
    addLink(doc, { boardId, source, target, type }, 'test');
  link(evidence, items[0]!, facts[0]!, 'supports');
  link(evidence, items[1]!, facts[0]!, 'supports');
  link(evidence, items[2]!, facts[2]!, 'supports');
  link(evidence, items[3]!, facts[1]!, 'supports');
  link(evidence, items[4]!, facts[2]!, 'corroborates');
  link(evidence, items[5]!, facts[0]!, 'contradicts');
  link(evidence, items[4]!, facts[0]!, 'supports');

  const hung = node(relationship, 'person', 'Nguyễn Văn Hùng', 0, 0);
  const binh = node(relationship, 'person', 'Trần Văn Bình', 520, 0);
  const cuc = node(relationship, 'person', 'Lê Thị Cúc', 520, 260);
  const tam = node(relationship, 'person', 'Phạm Minh Tâm', 0, 380);
  const phone = addNode(
    doc,
    { boardId: relationship, x: 40, y: 190, label: '0912 345 678', type: 'phone' },
    'test',
  );
  const phone2 = addNode(
    doc,
    { boardId: relationship, x: 300, y: 480, label: '0987 654 321', type: 'phone' },
    'test',
  );
  const bike = addNode(
    doc,
    { boardId: relationship, x: 300, y: 120, label: 'Xe máy 59-X1 234.56', type: 'vehicle' },
    'test',
  );
  const market = node(relationship, 'place', 'Chợ Bến Thành', 860, 140);
  link(relationship, hung, phone, 'owns');
  link(relationship, tam, phone2, 'owns');
  link(relationship, phone, phone2, 'called');
  link(relationship, binh, bike, 'owns');
  link(relationship, hung, bike, 'related');
  link(relationship, hung, market, 'met');
  link(relationship, cuc, market, 'met');
  link(relationship, hung, tam, 'paid');

  const person = (name: string) => addEntity(doc, { kind: 'person', fields: { name } }, 'test');
  const p1 = person('Nguyễn Văn Hùng (bị can)');
  const p2 = person('Trần Văn Bình (bị hại)');
  const event = (name: string, start: string, people: string[], end?: string) =>
    addEntity(
      doc,
      { kind: 'event', fields: { name, start, ...(end ? { end } : {}), people } },
      'test',
    );
  event('Bình gửi xe tại cổng chợ', '20h40 ngày 14/3/2026', [p2]);
  event('Hùng đến chợ', '20h55 ngày 14/3/2026', [p1]);
  event('Hùng dắt xe ra khỏi bãi', '21h10 ngày 14/3/2026', [p1]);
  event('Bình phát hiện mất xe và trình báo', '21h30 ngày 14/3/2026', [p2], '22h ngày 14/3/2026');
  event('Hùng bán xe cho tiệm cầm đồ', '9h ngày 15/3/2026', [p1]);
  return { evidence, relationship, timeline };
}
