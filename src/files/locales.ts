import type { i18n as I18n } from 'i18next';

/** Texts of searching the case file and of its reading (namespace `caseFile`). */
const vi = {
  search: {
    label: 'Tìm trong toàn bộ hồ sơ',
    placeholder: 'Tìm tên, biển số, từ ngữ… (gõ không dấu cũng được)',
    searching: 'Đang tìm…',
    none: 'Không tìm thấy “{{q}}” trong hồ sơ.',
    count_one: '{{count}} trang có “{{q}}”',
    count_other: '{{count}} trang có “{{q}}”',
    more: 'Hiện {{shown}} trang đầu trong {{count}} trang tìm thấy.',
    page: 'Trang {{page}}',
    bl: 'BL {{bl}}',
    ocr: 'Chữ đọc từ ảnh quét (OCR)',
    converted: 'Chữ đã chuyển từ mã {{encoding}} sang Unicode',
    failed: 'Không tìm được: {{message}}',
    open: 'Mở trang {{page}} của {{name}}',
  },
  action: {
    evidence: 'Tạo chứng cứ',
    passage: 'Thêm vào lời khai',
    cite: 'Thêm trích dẫn vào…',
    citeTo: 'Trích dẫn trang này vào',
    citeNoBl: 'Chỉ gắn được tệp vào chứng cứ: tệp chưa có số bút lục',
    madeEvidence: 'Đã tạo chứng cứ “{{name}}”.',
    cited: 'Đã thêm {{what}} vào “{{name}}”.',
    fileOnly: 'tệp',
    evidenceName: '{{file}}, {{where}}',
    failed: 'Không thực hiện được: {{message}}',
  },
  reading: {
    queued: 'Đang chờ đọc chữ',
    reading: 'Đang đọc chữ {{done}}/{{pages}} trang',
    readingStart: 'Đang đọc chữ…',
    done: 'Đã đọc chữ, tìm được',
    off: 'Chưa đọc được ảnh quét: OCR đang tắt',
    failed: 'Không đọc được chữ: {{reason}}',
    ocrOff:
      'OCR đang tắt: máy chủ chưa cài tesseract với tiếng Việt (tesseract-ocr, tesseract-ocr-vie). Chỉ tìm được trong PDF có sẵn lớp chữ.',
  },
  firstBl: {
    label: 'BL trang đầu',
    hint: 'Số bút lục của trang 1 trong tệp này; những trang tiếp theo được đánh số liền sau.',
    bad: 'Số bút lục là số nguyên từ 1.',
  },
};

const en: typeof vi = {
  search: {
    label: 'Search the whole case file',
    placeholder: 'Search names, plates, words… (diacritics optional)',
    searching: 'Searching…',
    none: '“{{q}}” was not found in the case file.',
    count_one: '{{count}} page with “{{q}}”',
    count_other: '{{count}} pages with “{{q}}”',
    more: 'Showing the first {{shown}} of {{count}} pages found.',
    page: 'Page {{page}}',
    bl: 'BL {{bl}}',
    ocr: 'Text read from a scan (OCR)',
    converted: 'Text converted from {{encoding}} to Unicode',
    failed: 'Could not search: {{message}}',
    open: 'Open page {{page}} of {{name}}',
  },
  action: {
    evidence: 'Make evidence item',
    passage: 'Add to a statement',
    cite: 'Add citation to…',
    citeTo: 'Cite this page in',
    citeNoBl: 'The file has no BL numbering: it can only be attached to evidence',
    madeEvidence: 'Evidence item “{{name}}” made.',
    cited: 'Added {{what}} to “{{name}}”.',
    fileOnly: 'the file',
    evidenceName: '{{file}}, {{where}}',
    failed: 'Could not do it: {{message}}',
  },
  reading: {
    queued: 'Waiting to be read',
    reading: 'Reading text: {{done}} of {{pages}} pages',
    readingStart: 'Reading text…',
    done: 'Text read, searchable',
    off: 'Scanned pages not read: OCR is off',
    failed: 'Could not read the text: {{reason}}',
    ocrOff:
      'OCR is off: the server lacks tesseract with Vietnamese (tesseract-ocr, tesseract-ocr-vie). Only PDFs with a text layer can be searched.',
  },
  firstBl: {
    label: 'BL of page 1',
    hint: 'The BL (case-file page) number of this file’s first page; later pages follow on.',
    bad: 'A BL number is a whole number from 1.',
  },
};

export function installCaseFileTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', 'caseFile', vi, true, true);
  i18n.addResourceBundle('en', 'caseFile', en, true, true);
}
