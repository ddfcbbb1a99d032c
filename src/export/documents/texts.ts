import type { Classification } from '../../core/schema.ts';

/**
 * The words exports add to a document, in Vietnamese and English. The pipeline runs in Node too
 * (server routes, `npm run export`), where i18next is not loaded, so they live here as a typed
 * dictionary; the classification words are those of src/app/locales (`classification.*`).
 */
export interface ExportTexts {
  /** "Trang 2/5". */
  page(n: number, total: number): string;
  exported: string;
  caseNumber: string;
  board: string;
  date: string;
  author: string;
  notes: string;
  /** The words stamped on every page of a classified case. */
  classification: Record<Exclude<Classification, 'none'>, string>;
  /** A document slide whose file is missing from the case file. */
  missingFile: string;
  missingBoard: string;
  /** A statements slide whose passage is gone; a statement whose person is not recorded. */
  missingPassage: string;
  unknownPerson: string;
  /** The one page of a deck without slides. */
  emptyDeck: string;
  /** The date as the language writes it, in `timeZone` (IANA name) or the machine's zone. */
  formatDate(date: Date, timeZone?: string): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Day, month (1–12) and year of `date` in `timeZone`, or in the machine's zone. */
function calendarDay(date: Date, timeZone?: string): { day: number; month: number; year: number } {
  if (!timeZone)
    return { day: date.getDate(), month: date.getMonth() + 1, year: date.getFullYear() };
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { day: part('day'), month: part('month'), year: part('year') };
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const EXPORT_TEXTS: Record<'vi' | 'en', ExportTexts> = {
  vi: {
    page: (n, total) => `Trang ${n}/${total}`,
    exported: 'Ngày xuất',
    caseNumber: 'Số vụ án',
    board: 'Sơ đồ',
    date: 'Ngày lập',
    author: 'Người lập',
    notes: 'Ghi chú',
    classification: { mat: 'MẬT', 'toi-mat': 'TỐI MẬT' },
    missingFile: 'Không tìm thấy tệp trong hồ sơ',
    missingBoard: 'Không tìm thấy sơ đồ',
    missingPassage: 'Đoạn trích này không còn trong vụ án',
    unknownPerson: 'Chưa rõ người khai',
    emptyDeck: 'Bộ trình chiếu chưa có trang nào',
    // 03/12/2026, as the timeline axis and the rest of the page write dates.
    formatDate: (date, timeZone) => {
      const { day, month, year } = calendarDay(date, timeZone);
      return `${pad(day)}/${pad(month)}/${year}`;
    },
  },
  en: {
    page: (n, total) => `Page ${n}/${total}`,
    exported: 'Exported',
    caseNumber: 'Case number',
    board: 'Board',
    date: 'Date',
    author: 'Drawn by',
    notes: 'Notes',
    classification: { mat: 'MẬT (SECRET)', 'toi-mat': 'TỐI MẬT (TOP SECRET)' },
    missingFile: 'File not found in the case file',
    missingBoard: 'Board not found',
    missingPassage: 'This passage is no longer in the case',
    unknownPerson: 'Unknown person',
    emptyDeck: 'The deck has no slides yet',
    formatDate: (date, timeZone) => {
      const { day, month, year } = calendarDay(date, timeZone);
      return `${day} ${MONTHS[month - 1]} ${year}`;
    },
  },
};

/** The words of a language; English for 'en…', Vietnamese otherwise (the app's default). */
export function exportTexts(language: string): ExportTexts {
  return language.startsWith('en') ? EXPORT_TEXTS.en : EXPORT_TEXTS.vi;
}

/**
 * The marking of a classification, or null for an unclassified case. A value this version does
 * not know (a document from elsewhere) is marked as written rather than left unmarked.
 * @example markingWord(exportTexts('vi'), 'toi-mat') // 'TỐI MẬT'
 */
export function markingWord(texts: ExportTexts, classification: string): string | null {
  if (classification === 'none' || !classification.trim()) return null;
  const known = (texts.classification as Record<string, string>)[classification];
  return known ?? classification.toUpperCase();
}
