import type { i18n as I18n } from 'i18next';

/** Texts of import and export (namespace `interop`). */
const vi = {
  menu: 'Nhập / Xuất',
  pictureMenu: 'Xuất ảnh, PDF',
  import: 'Nhập sơ đồ (XMind, FreeMind, OPML, Markdown)…',
  importHint: 'Hoặc kéo thả tệp vào sơ đồ.',
  importing: 'Đang nhập “{{name}}”',
  importStep: {
    read: 'Đang đọc “{{name}}”…',
    parse: 'Đang phân tích “{{name}}”…',
    write: 'Đang đưa các chủ đề vào sơ đồ…',
    draw: 'Đang vẽ sơ đồ…',
  },
  importCount: '{{done, number}} / {{total, number}} chủ đề',
  imported: 'Đã nhập {{count, number}} chủ đề từ “{{name}}”.',
  importedSheets:
    'Đã nhập {{count, number}} chủ đề từ “{{name}}”; {{sheets, number}} trang tính khác thành bảng mới.',
  importFailed: 'Không nhập được “{{name}}”: {{reason}}',
  legacyConverted_one:
    '{{count, number}} đoạn văn bản được chuyển từ bảng mã cũ {{encoding}} sang Unicode.',
  legacyConverted_other:
    '{{count, number}} đoạn văn bản được chuyển từ bảng mã cũ {{encoding}} sang Unicode.',
  exportImage: 'Ảnh',
  png: 'PNG {{scale}}×',
  svg: 'SVG',
  transparent: 'Nền trong suốt',
  exportPdf: 'Trang PDF có khung tên',
  paper: 'Khổ giấy',
  landscape: 'Khổ ngang',
  includeNotes: 'Kèm ý kiến (phụ lục PDF)',
  exportMap: 'Định dạng sơ đồ tư duy',
  markdown: 'Markdown (.md)',
  opml: 'OPML (.opml)',
  freemind: 'FreeMind (.mm)',
  xmind: 'XMind (.xmind)',
  selection: 'Chỉ phần đang chọn',
  working: 'Đang xuất… {{done}}/{{total}} trang',
  workingUncounted: 'Đang xuất…',
  scale: 'Tỷ lệ',
  fit: 'Vừa khổ giấy',
  cancel: 'Hủy',
  cancelled: 'Đã hủy.',
  failed: 'Không xuất được: {{message}}',
  deckPdf: 'Xuất PDF',
  restore: 'Khôi phục từ bản sao lưu…',
  restoreCutOff:
    'Không khôi phục được: mất kết nối với máy chủ khi đang gửi tệp. Không có gì được lưu; hãy thử lại.',
  backup: 'Sao lưu vụ án',
  perStep: 'Mỗi bước một trang',
  notesPages: 'Kèm trang ghi chú',
  notesTitle: 'Ghi chú cho người trình bày',
  block: { caseNumber: 'Số vụ án', board: 'Sơ đồ', date: 'Ngày', author: 'Người lập' },
  errors: {
    tooLarge: 'Tệp quá lớn (tối đa {{limit}} MB).',
    tooDeep: 'Sơ đồ lồng quá sâu (quá {{limit}} cấp).',
    tooMany: 'Sơ đồ có quá nhiều chủ đề (quá {{limit}}).',
    xmlEntities: 'Tệp XML khai báo thực thể (ENTITY): không nhận vì lý do an toàn.',
    badXml: 'Tệp XML bị lỗi hoặc không trọn vẹn (dòng {{line}}).',
    badJson: 'Tệp JSON bị lỗi hoặc không trọn vẹn.',
    badZip: 'Tệp nén bị hỏng.',
    zipPath: 'Tệp nén chứa đường dẫn không an toàn: “{{name}}”.',
    zipBomb: 'Tệp nén giải nén ra quá lớn (quá {{limit}} MB).',
    zipEntries: 'Tệp nén có quá nhiều mục (quá {{limit}}).',
    badEncoding: 'Không đọc được bảng mã “{{encoding}}”.',
    notFormat: 'Tệp không phải sơ đồ {{format}}.',
    unknownFormat: 'Không nhận ra định dạng của “{{name}}”.',
    empty: 'Tệp không có chủ đề nào.',
    image: 'trình duyệt không đọc được một hình ảnh của sơ đồ. Hãy tải lại trang rồi thử lại.',
    nothing: 'sơ đồ chưa có gì để xuất.',
    sceneTooLarge:
      'ở tỷ lệ 1:{{scale}} sơ đồ hiện trường không vừa khổ giấy. Hãy chọn tỷ lệ 1:{{fits}} (hoặc nhỏ hơn), khổ A3, hoặc “Vừa khổ giấy”.',
    resource:
      'không tải được phông chữ hoặc tệp của vụ án từ máy chủ. Hãy kiểm tra kết nối rồi thử lại.',
    unknown: 'trình duyệt báo lỗi không rõ nguyên nhân. Hãy thử lại.',
    malformed: 'Nội dung tệp không đúng cấu trúc {{format}}.',
    labelTooLong:
      'Có chủ đề dài {{length, number}} ký tự (tối đa {{limit, number}}), bắt đầu bằng “{{start}}…”.',
    unexpected: 'Đã xảy ra lỗi khi đọc tệp; sơ đồ không bị thay đổi.',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

const en: DeepStrings<typeof vi> = {
  menu: 'Import / Export',
  pictureMenu: 'Export picture, PDF',
  import: 'Import a map (XMind, FreeMind, OPML, Markdown)…',
  importHint: 'Or drop the file onto the map.',
  importing: 'Importing “{{name}}”',
  importStep: {
    read: 'Reading “{{name}}”…',
    parse: 'Reading the map in “{{name}}”…',
    write: 'Adding the topics to the map…',
    draw: 'Drawing the map…',
  },
  importCount: '{{done, number}} / {{total, number}} topics',
  imported: 'Imported {{count, number}} topics from “{{name}}”.',
  importedSheets:
    'Imported {{count, number}} topics from “{{name}}”; new boards for its other sheets: {{sheets, number}}.',
  importFailed: 'Could not import “{{name}}”: {{reason}}',
  legacyConverted_one:
    '{{count, number}} text converted from the old {{encoding}} encoding to Unicode.',
  legacyConverted_other:
    '{{count, number}} texts converted from the old {{encoding}} encoding to Unicode.',
  exportImage: 'Picture',
  png: 'PNG {{scale}}×',
  svg: 'SVG',
  transparent: 'Transparent background',
  exportPdf: 'PDF page with title block',
  paper: 'Paper',
  landscape: 'Landscape',
  includeNotes: 'Include notes (PDF appendix)',
  exportMap: 'Mind-map formats',
  markdown: 'Markdown (.md)',
  opml: 'OPML (.opml)',
  freemind: 'FreeMind (.mm)',
  xmind: 'XMind (.xmind)',
  selection: 'Selection only',
  working: 'Exporting… {{done}}/{{total}} pages',
  workingUncounted: 'Exporting…',
  scale: 'Scale',
  fit: 'Fit to paper',
  cancel: 'Cancel',
  cancelled: 'Cancelled.',
  failed: 'Could not export: {{message}}',
  deckPdf: 'Export PDF',
  restore: 'Restore from a backup…',
  restoreCutOff:
    'Could not restore: the connection to the server broke while sending the file. Nothing was kept; please try again.',
  backup: 'Back up the case',
  perStep: 'A page per build step',
  notesPages: 'With notes pages',
  notesTitle: 'Speaker notes',
  block: { caseNumber: 'Case no.', board: 'Board', date: 'Date', author: 'Author' },
  errors: {
    tooLarge: 'The file is too large (at most {{limit}} MB).',
    tooDeep: 'The map is nested too deep (more than {{limit}} levels).',
    tooMany: 'The map has too many topics (more than {{limit}}).',
    xmlEntities: 'The XML file declares entities (ENTITY): refused for safety.',
    badXml: 'The XML file is broken or incomplete (line {{line}}).',
    badJson: 'The JSON file is broken or incomplete.',
    badZip: 'The archive is damaged.',
    zipPath: 'The archive holds an unsafe path: “{{name}}”.',
    zipBomb: 'The archive unpacks too large (more than {{limit}} MB).',
    zipEntries: 'The archive has too many entries (more than {{limit}}).',
    badEncoding: 'The encoding “{{encoding}}” cannot be read.',
    notFormat: 'The file is not a {{format}} map.',
    unknownFormat: 'The format of “{{name}}” is not recognised.',
    empty: 'The file has no topics.',
    image: 'the browser could not read one of the board’s pictures. Reload the page and try again.',
    nothing: 'the board has nothing to export yet.',
    sceneTooLarge:
      'at 1:{{scale}} the scene does not fit the paper. Choose 1:{{fits}} (or smaller), A3, or “Fit to paper”.',
    resource:
      'a font or a case file could not be fetched from the server. Check the connection and try again.',
    unknown: 'the browser reported an error without a reason. Try again.',
    malformed: 'The file’s content is not laid out as {{format}}.',
    labelTooLong:
      'A topic is {{length, number}} characters long (at most {{limit, number}}), starting “{{start}}…”.',
    unexpected: 'Something went wrong reading the file; the map was not changed.',
  },
};

export const interopTexts = { vi, en };

export function installInteropTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', 'interop', vi, true, true);
  i18n.addResourceBundle('en', 'interop', en, true, true);
}
