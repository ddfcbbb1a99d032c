import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import {
  addBoard,
  addEntity,
  addFileRecord,
  addLink,
  addNode,
  addSceneObject,
  attachFile,
  setCaseMeta,
} from '../../src/core/index.ts';
import { addProcedureEvent } from '../../src/core/procedure/index.ts';
import { setReportCover, setReportFigures, setReportSection } from '../../src/core/report/index.ts';

const O = 'test';

/**
 * A theft case (khoản 1 Điều 173) with every section of the report filled, in Vietnamese, with BL
 * citations: people of each role, events with times, facts, an evidence chart with supporting and
 * contradicting links, evidence with files, a scene sketch with numbered markers and reference
 * points, procedural events, and the report's cover fields and free text.
 */
export interface ReportCase {
  doc: Y.Doc;
  /** What each section must show somewhere (names, citations, words). */
  expected: Record<string, string[]>;
  /** Every BL citation the report must carry. */
  citations: string[];
  hash: string;
  chart: string;
  scene: string;
}

/** The case record's fields (the server writes them into `meta`). */
export const REPORT_CASE_META = {
  title: 'Trộm cắp xe máy tại chợ Hòa Bình',
  caseNumber: '12/2026/HS',
  offences: ['BLHS-173.1'],
  classification: 'mat' as const,
};

/**
 * Fills `doc` (a new one by default, with `meta` set; a synced client's, whose meta the server
 * writes from the case record, with `meta: false`).
 */
export function reportCase(
  options: {
    classification?: 'none' | 'mat';
    doc?: Y.Doc;
    meta?: boolean;
    /** A file uploaded to the server, cited by the scene record (default: one not uploaded). */
    file?: { hash: string; name: string; mime: 'image/png' | 'application/pdf'; size: number };
  } = {},
): ReportCase {
  const doc = options.doc ?? new Y.Doc();
  if (options.meta !== false)
    setCaseMeta(doc, { ...REPORT_CASE_META, classification: options.classification ?? 'mat' }, O);
  const person = (name: string, role: string, pages: string, extra: Record<string, string> = {}) =>
    addEntity(doc, { kind: 'person', fields: { name, role, pages, ...extra } }, O);
  const hung = person('Nguyễn Văn Hùng', 'suspect', 'BL 21–24', {
    birthDate: '1990-05-12',
    idNumber: '001090012345',
    address: 'Thôn Khuỷu, xã Hòa Bình',
  });
  const binh = person('Trần Văn Bình', 'victim', 'BL 30');
  person('ĐỖ THỊ LẬP', 'witness', 'BL 41–42');

  const bytes = new TextEncoder().encode('Biên bản khám nghiệm hiện trường');
  const file = options.file ?? {
    hash: createHash('sha256').update(bytes).digest('hex'),
    name: 'Biên bản khám nghiệm.pdf',
    mime: 'application/pdf' as const,
    size: bytes.length,
  };
  const hash = file.hash;
  addFileRecord(doc, file, O);

  const evidence = (
    name: string,
    evidenceType: string,
    pages: string,
    extra: Record<string, string> = {},
  ) => addEntity(doc, { kind: 'evidence', fields: { name, evidenceType, pages, ...extra } }, O);
  const record = evidence('Biên bản khám nghiệm hiện trường', 'record', 'BL 12–15', {
    description: 'Khám nghiệm bãi giữ xe chợ Hòa Bình',
    collectedPlace: 'Bãi giữ xe chợ Hòa Bình',
  });
  attachFile(doc, { entityId: record, hash }, O);
  const statementVictim = evidence('Lời khai bị hại Trần Văn Bình', 'statement', 'BL 30–32');
  const statementWitness = evidence('Lời khai người làm chứng Đỗ Thị Lập', 'statement', 'BL 41–42');
  const confession = evidence('Lời khai bị can Nguyễn Văn Hùng', 'statement', 'BL 45–47');
  const valuation = evidence('Kết luận định giá tài sản', 'expert', 'BL 50', {
    description: 'Xe máy Honda Wave trị giá 18.500.000 đồng',
  });
  const helmet = evidence('Mũ bảo hiểm màu đỏ', 'physical', 'BL 16', {
    collectedPlace: 'Cạnh cột điện số 3',
  });

  const fact = (name: string, factType: string, text: string, pages = '') =>
    addEntity(
      doc,
      { kind: 'fact', fields: { name, factType, text, ...(pages ? { pages } : {}) } },
      O,
    );
  const took = fact(
    'Mặt khách quan: Hành vi lén lút chiếm đoạt tài sản',
    'element-objective',
    'Hùng dắt trộm xe máy Honda Wave của anh Bình',
    'BL 12–15',
  );
  const value = fact('Giá trị tài sản 18.500.000 đồng', 'issue-damage', 'Theo kết luận định giá');
  const present = fact(
    'Bị can có mặt tại chợ lúc 21 giờ',
    'issue-crime',
    'Người làm chứng nhìn thấy',
  );

  const event = (name: string, start: string, place: string, people: string[], pages: string) =>
    addEntity(doc, { kind: 'event', fields: { name, start, place, people, pages } }, O);
  event('Hùng đến chợ Hòa Bình', '14/3/2026 21:00', 'Chợ Hòa Bình', [hung], 'BL 41');
  event('Xe máy bị lấy trộm', '14/3/2026 21:30', 'Bãi giữ xe chợ Hòa Bình', [hung, binh], 'BL 30');
  event('Bị hại trình báo', '15/3/2026', 'Công an xã Hòa Bình', [binh], 'BL 33');

  const chart = addBoard(doc, { kind: 'evidence', title: 'Sơ đồ hóa chứng cứ' }, O);
  const node = (entity: string, x: number, y: number) =>
    addNode(doc, { boardId: chart, x, y, entity }, O);
  const n = {
    took: node(took, 600, 0),
    value: node(value, 600, 160),
    present: node(present, 600, 320),
    record: node(record, 0, 0),
    victim: node(statementVictim, 0, 110),
    witness: node(statementWitness, 0, 220),
    confession: node(confession, 0, 330),
    valuation: node(valuation, 0, 440),
  };
  const link = (source: string, target: string, type: string) =>
    addLink(doc, { boardId: chart, source, target, type }, O);
  link(n.record, n.took, 'supports');
  link(n.victim, n.took, 'supports');
  link(n.confession, n.took, 'contradicts');
  link(n.valuation, n.value, 'supports');
  link(n.witness, n.present, 'supports');

  const scene = addBoard(doc, { kind: 'scene', title: 'Sơ đồ hiện trường bãi giữ xe' }, O);
  addSceneObject(
    doc,
    {
      boardId: scene,
      object: {
        shape: 'wall',
        points: [
          { x: 0, y: 0 },
          { x: 12, y: 0 },
          { x: 12, y: 8 },
          { x: 0, y: 8 },
        ],
        closed: true,
      },
    },
    O,
  );
  addSceneObject(doc, { boardId: scene, object: { shape: 'refpoint', x: 0, y: 0, label: 'A' } }, O);
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'refpoint', x: 12, y: 0, label: 'B' } },
    O,
  );
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'marker', x: 3, y: 4, entity: helmet } },
    O,
  );
  addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'marker', x: 8, y: 5, entity: record } },
    O,
  );

  addProcedureEvent(doc, { kind: 'offence', date: '2026-03-14' }, O);
  addProcedureEvent(doc, { kind: 'case-initiated', date: '2026-03-16' }, O);
  addProcedureEvent(doc, { kind: 'accused-initiated', date: '2026-03-20', person: hung }, O);
  addProcedureEvent(doc, { kind: 'detention', date: '2026-03-20', person: hung }, O);

  setReportCover(
    doc,
    {
      procuracy: 'Viện kiểm sát nhân dân khu vực 1 – Hà Nội',
      prosecutor: 'Nguyễn Văn Ấn',
      date: '2026-04-02',
    },
    O,
  );
  setReportSection(
    doc,
    'summary',
    { before: 'Ngày 16/3/2026, Cơ quan điều tra khởi tố vụ án.' },
    O,
  );
  setReportSection(
    doc,
    'proof',
    { after: 'Đề xuất: truy tố bị can theo khoản 1 Điều 173 BLHS.' },
    O,
  );
  setReportFigures(doc, [chart], O);

  return {
    doc,
    hash,
    chart,
    scene,
    citations: ['BL 12–15', 'BL 21–24', 'BL 30–32', 'BL 41–42', 'BL 45–47', 'BL 50', 'BL 16'],
    expected: {
      cover: [
        'VIỆN KIỂM SÁT NHÂN DÂN KHU VỰC 1 – HÀ NỘI',
        '12/2026/HS',
        'Trộm cắp xe máy tại chợ Hòa Bình',
        'Khoản 1 Điều 173 BLHS — Tội trộm cắp tài sản',
        'Nguyễn Văn Ấn',
      ],
      summary: [
        'Ngày 16/3/2026, Cơ quan điều tra khởi tố vụ án.',
        'Hùng dắt trộm xe máy Honda Wave',
      ],
      people: ['Nguyễn Văn Hùng', 'ĐỖ THỊ LẬP', 'Bị hại', 'Thôn Khuỷu, xã Hòa Bình'],
      chronology: ['21:30 14/03/2026', 'Xe máy bị lấy trộm', 'Bị hại trình báo'],
      elements: ['Hành vi lén lút chiếm đoạt tài sản'],
      proof: ['Có mâu thuẫn', 'Lời khai bị can Nguyễn Văn Hùng', 'Đề xuất: truy tố bị can'],
      evidence: ['Kết luận giám định, định giá tài sản', 'Bãi giữ xe chợ Hòa Bình', hash],
      scene: ['Sơ đồ hiện trường bãi giữ xe', 'Mũ bảo hiểm màu đỏ'],
      figures: ['Hình 1. Sơ đồ hóa chứng cứ'],
      deadlines: ['Tạm giam: Nguyễn Văn Hùng', 'Điều 173'],
    },
  };
}
