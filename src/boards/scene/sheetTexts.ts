/**
 * The words the scene's renderer and printed sheet add, in Vietnamese and English. The renderers
 * are pure TypeScript shared with the server, where i18next is not loaded, so their few words live
 * here rather than in locales.ts (the editor's words, which say the same things on screen).
 */

export interface SheetTexts {
  heading: string;
  caseNumber: string;
  caseTitle: string;
  offence: string;
  board: string;
  place: string;
  time: string;
  scale: (denominator: number) => string;
  notToScale: string;
  author: string;
  checker: string;
  date: string;
  legend: string;
  evidence: string;
  noDescription: string;
  references: string;
  more: (count: number) => string;
  /** The letter over the north arrow. */
  north: string;
}

const vi: SheetTexts = {
  heading: 'SƠ ĐỒ HIỆN TRƯỜNG',
  caseNumber: 'Vụ án số',
  caseTitle: 'Vụ án',
  offence: 'Tội danh',
  board: 'Sơ đồ',
  place: 'Địa điểm',
  time: 'Thời gian',
  scale: (d) => `Tỷ lệ 1:${d}`,
  notToScale: 'Không theo tỷ lệ',
  author: 'Người vẽ',
  checker: 'Người kiểm tra',
  date: 'Ngày lập',
  legend: 'Chú giải',
  evidence: 'Dấu vết, vật chứng',
  noDescription: '(chưa mô tả)',
  references: 'Điểm mốc',
  more: (count) => `… và ${count} mục khác`,
  north: 'B',
};

const en: SheetTexts = {
  heading: 'SCENE DIAGRAM',
  caseNumber: 'Case no.',
  caseTitle: 'Case',
  offence: 'Offence',
  board: 'Diagram',
  place: 'Place',
  time: 'Time',
  scale: (d) => `Scale 1:${d}`,
  notToScale: 'Not to scale',
  author: 'Drawn by',
  checker: 'Checked by',
  date: 'Date',
  legend: 'Legend',
  evidence: 'Traces and exhibits',
  noDescription: '(no description)',
  references: 'Reference points',
  more: (count) => `… and ${count} more`,
  north: 'N',
};

/** The words in `language` ('vi…' or anything else: English). */
export function sheetTexts(language: string): SheetTexts {
  return language.startsWith('vi') ? vi : en;
}
