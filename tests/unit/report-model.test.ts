import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setCaseMeta } from '../../src/core/index.ts';
import {
  moveReportSection,
  readReportSettings,
  setReportFigures,
  setReportSection,
} from '../../src/core/report/index.ts';
import { buildReport, type ReportBlock } from '../../src/export/report/model.ts';
import { reportCase } from '../helpers/report-case.ts';

const O = 'test';
const DATE = new Date('2026-04-02T03:00:00Z');
const vi = (doc: Y.Doc) =>
  buildReport(doc, { language: 'vi', date: DATE, timeZone: 'Asia/Ho_Chi_Minh' });

/** The text of the blocks of one section (from its heading to the next level-1 heading). */
function sectionText(blocks: ReportBlock[], section: string): string {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.section === section);
  if (start < 0) return '';
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return blocks
    .slice(start, end < 0 ? undefined : end)
    .map((b) =>
      b.kind === 'table'
        ? [b.columns.map((c) => c.title).join(' | '), ...b.rows.map((r) => r.join(' | '))].join(
            '\n',
          )
        : b.kind === 'figure'
          ? `[figure ${b.boardId}] ${b.caption}`
          : b.text,
    )
    .join('\n');
}

const headings = (blocks: ReportBlock[]) =>
  blocks
    .filter((b) => b.kind === 'heading' && b.level === 1)
    .map((b) => (b as { section: string }).section);

describe('the report model', () => {
  const filled = reportCase();
  const model = vi(filled.doc);

  it('puts the case on the cover: procuracy, number, title, charge by clause, class, marking, prosecutor, date', () => {
    expect(model.cover.procuracy).toBe('Viện kiểm sát nhân dân khu vực 1 – Hà Nội');
    expect(model.cover.marking).toBe('MẬT');
    expect(Object.fromEntries(model.cover.lines.map((l) => [l.label, l.value]))).toEqual({
      'Số vụ án': '12/2026/HS',
      'Vụ án': 'Trộm cắp xe máy tại chợ Hòa Bình',
      'Tội danh': 'Khoản 1 Điều 173 BLHS — Tội trộm cắp tài sản',
      'Loại tội phạm': 'Tội phạm ít nghiêm trọng',
      'Độ mật': 'MẬT',
      'Kiểm sát viên': 'Nguyễn Văn Ấn',
      'Ngày báo cáo': '02/04/2026',
    });
  });

  it('writes each section with its content, numbered in the default order', () => {
    expect(headings(model.blocks)).toEqual(
      readReportSettings(filled.doc).sections.map((s) => s.id),
    );
    expect(model.blocks[0]).toMatchObject({ kind: 'heading', text: 'I. Tóm tắt nội dung vụ án' });
    for (const [section, words] of Object.entries(filled.expected)) {
      if (section === 'cover') continue;
      const text = sectionText(model.blocks, section);
      for (const word of words) expect(text, `${section}: ${word}`).toContain(word);
    }
  });

  it('lists people by role with their birth date written day first', () => {
    const text = sectionText(model.blocks, 'people');
    expect(text).toContain(
      '1 | Nguyễn Văn Hùng | Bị can | 12/05/1990 | 001090012345 | Thôn Khuỷu, xã Hòa Bình | BL 21–24',
    );
    expect(text.indexOf('Bị can')).toBeLessThan(text.indexOf('Bị hại'));
  });

  it('reads the chronology in time order, as the timeline does', () => {
    const table = model.blocks.find(
      (b, i) =>
        b.kind === 'table' &&
        model.blocks.slice(0, i).some((h) => h.kind === 'heading' && h.section === 'chronology'),
    ) as Extract<ReportBlock, { kind: 'table' }>;
    expect(table.rows.map((r) => r[0])).toEqual([
      '21:00 14/03/2026',
      '21:30 14/03/2026',
      '15/03/2026',
    ]);
  });

  it('gives each issue its status and the evidence for and against it with BL pages', () => {
    const text = sectionText(model.blocks, 'proof');
    expect(text).toContain('Đã chứng minh 2/3 vấn đề.');
    expect(text).toContain(
      'Mặt khách quan: Hành vi lén lút chiếm đoạt tài sản (BL 12–15) | Có mâu thuẫn | Biên bản khám nghiệm hiện trường (BL 12–15); Lời khai bị hại Trần Văn Bình (BL 30–32) | Lời khai bị can Nguyễn Văn Hùng (BL 45–47)',
    );
    expect(text).toContain(
      'Giá trị tài sản 18.500.000 đồng | Đã chứng minh | Kết luận định giá tài sản (BL 50)',
    );
  });

  it("lists the evidence with its Article 87 source, where found, pages and each file's SHA-256", () => {
    const text = sectionText(model.blocks, 'evidence');
    expect(text).toContain(
      `Biên bản khám nghiệm hiện trường: Khám nghiệm bãi giữ xe chợ Hòa Bình | Biên bản | Bãi giữ xe chợ Hòa Bình | BL 12–15 | Biên bản khám nghiệm.pdf ${filled.hash}`,
    );
    expect(text).toContain('Mũ bảo hiểm màu đỏ | Vật chứng | Cạnh cột điện số 3 | BL 16');
  });

  it('draws the scene with its evidence table: marker numbers, positions, distances to the reference points', () => {
    const text = sectionText(model.blocks, 'scene');
    expect(text).toContain(`[figure ${filled.scene}]`);
    expect(text).toContain('1 | Mũ bảo hiểm màu đỏ (BL 16) | 3; 4 | A: 5; B: 9,85');
    expect(text).toContain('2 | Biên bản khám nghiệm hiện trường (BL 12–15) | 8; 5');
  });

  it('draws the boards chosen as numbered figures, and the deadlines with their legal basis', () => {
    expect(sectionText(model.blocks, 'figures')).toContain(
      `[figure ${filled.chart}] Hình 1. Sơ đồ hóa chứng cứ`,
    );
    const deadlines = sectionText(model.blocks, 'deadlines');
    expect(deadlines).toMatch(/Tạm giam: Nguyễn Văn Hùng \| 20\/03\/2026 \| \d\d\/\d\d\/2026 \|/);
    expect(deadlines).toContain('Điều 173');
  });

  it('writes every text in NFC, even what was typed decomposed', () => {
    const doc = reportCase().doc;
    setReportSection(doc, 'people', { before: 'Người làm chứng khuỷu tay'.normalize('NFD') }, O);
    const all = JSON.stringify(vi(doc));
    expect(all).toBe(all.normalize('NFC'));
    expect(all).toContain('Người làm chứng khuỷu tay');
  });

  it('speaks English when asked', () => {
    const en = buildReport(filled.doc, { language: 'en', date: DATE });
    expect(en.cover.title).toBe('CASE REPORT');
    expect(en.blocks[0]).toMatchObject({ text: 'I. Summary of the facts' });
    expect(sectionText(en.blocks, 'proof')).toContain('Disputed');
  });
});

describe("the user's order, sections on and off, free text", () => {
  it('follows the order, leaves out what is off and numbers what is left', () => {
    const { doc } = reportCase();
    moveReportSection(doc, 'deadlines', 0, O);
    setReportSection(doc, 'people', { enabled: false }, O);
    setReportSection(doc, 'summary', { enabled: false }, O);
    const model = vi(doc);
    expect(headings(model.blocks).slice(0, 3)).toEqual(['deadlines', 'chronology', 'elements']);
    expect(headings(model.blocks)).not.toContain('people');
    expect(model.blocks[0]).toMatchObject({ text: 'I. Thời hạn tố tụng' });
    expect(JSON.stringify(model)).not.toContain('Thôn Khuỷu');
  });

  it('puts the free text before and after the section content, a paragraph per line', () => {
    const { doc } = reportCase();
    setReportSection(
      doc,
      'evidence',
      { before: 'Dòng một\n\nDòng hai', after: 'Kết luận về chứng cứ' },
      O,
    );
    const model = vi(doc);
    const start = model.blocks.findIndex((b) => b.kind === 'heading' && b.section === 'evidence');
    expect(model.blocks.slice(start + 1, start + 4).map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'table',
    ]);
    expect(model.blocks[start + 1]).toMatchObject({ text: 'Dòng một', tone: 'free' });
    expect(model.blocks[start + 2]).toMatchObject({ text: 'Dòng hai' });
    expect(model.blocks[start + 4]).toMatchObject({ text: 'Kết luận về chứng cứ', tone: 'free' });
  });

  it('says a section is empty rather than leaving a bare heading, and skips deleted figure boards', () => {
    const doc = new Y.Doc();
    setCaseMeta(doc, { title: 'Vụ án trống', caseNumber: '1/2026/HS', offences: [] }, O);
    setReportFigures(doc, ['gone'], O);
    const model = vi(doc);
    expect(sectionText(model.blocks, 'people')).toContain('Chưa có dữ liệu.');
    expect(sectionText(model.blocks, 'figures')).toContain('Chưa chọn sơ đồ nào để minh họa.');
    expect(sectionText(model.blocks, 'scene')).toContain('Vụ án chưa có sơ đồ hiện trường.');
  });
});

describe('templates per offence', () => {
  const elementsOf = (offences: string[]) => {
    const doc = new Y.Doc();
    setCaseMeta(doc, { title: 'Vụ án', caseNumber: '2/2026/HS', offences }, O);
    return sectionText(vi(doc).blocks, 'elements');
  };

  it('checks theft (Article 173) against its own objective side, not that of injury (Article 134)', () => {
    const theft = elementsOf(['BLHS-173.1']);
    const injury = elementsOf(['BLHS-134.2']);
    expect(theft).toContain('Cấu thành Khoản 1 Điều 173 BLHS — Tội trộm cắp tài sản');
    expect(theft).toContain('Mặt khách quan: Hành vi lén lút chiếm đoạt tài sản');
    expect(theft).not.toContain('Tỷ lệ tổn thương cơ thể');
    expect(injury).toContain('Mặt khách quan: Tỷ lệ tổn thương cơ thể (kết luận giám định)');
    expect(injury).not.toContain('lén lút');
  });

  it('gives each charged offence its table, and an offence without a template the six issues of Article 85', () => {
    const both = elementsOf(['BLHS-173', 'BLHS-134']);
    expect(both).toContain('Điều 173 BLHS');
    expect(both).toContain('Điều 134 BLHS');
    const other = elementsOf(['BLHS-199']);
    expect(other).toContain('Các vấn đề phải chứng minh (Điều 85 BLTTHS)');
    expect(other).toContain('(6) Tình tiết loại trừ, miễn trách nhiệm');
  });
});
