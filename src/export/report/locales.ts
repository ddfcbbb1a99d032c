import type { i18n as I18n } from 'i18next';
import { reportTexts } from './texts.ts';

/**
 * Texts of the case report panel (namespace `report`). The sections' names are the report's own
 * (texts.ts), so the panel and the file name a section the same way.
 */
const vi = {
  panel: 'Báo cáo án',
  title: 'Báo cáo án',
  intro:
    'Báo cáo gửi lãnh đạo, lập từ dữ liệu của vụ án. Các thiết lập dưới đây dùng chung cho mọi thành viên.',
  readOnly: 'Bạn chỉ có quyền xem: có thể tải báo cáo nhưng không thay đổi thiết lập.',
  cover: 'Trang bìa',
  coverHint: 'Số vụ án, tên vụ án, tội danh và độ mật lấy từ thông tin vụ án.',
  procuracy: 'Viện kiểm sát',
  procuracyPlaceholder: 'VD: Viện kiểm sát nhân dân khu vực 1 – Hà Nội',
  prosecutor: 'Kiểm sát viên',
  date: 'Ngày báo cáo',
  datePlaceholder: 'ngày/tháng/năm (để trống: ngày tải về)',
  sectionsTitle: 'Các phần',
  sections: reportTexts('vi').sections,
  include: 'Đưa vào báo cáo',
  moveUp: 'Chuyển lên',
  moveDown: 'Chuyển xuống',
  before: 'Nội dung trước phần này',
  after: 'Nội dung sau phần này',
  figuresTitle: 'Sơ đồ minh họa',
  figuresHint: 'Các sơ đồ được chọn in thành hình vẽ dạng véc-tơ trong phần "Sơ đồ minh họa".',
  noBoards: 'Vụ án chưa có sơ đồ nào.',
  download: 'Tải về',
  docx: 'Tải DOCX (Word)',
  pdf: 'Tải PDF',
  errors: {
    date: 'Ngày báo cáo chưa đúng: hãy nhập ngày/tháng/năm, ví dụ 02/04/2026.',
    badSettings: 'Không lưu được thiết lập báo cáo: {{detail}}',
  },
};

const en: typeof vi = {
  panel: 'Case report',
  title: 'Case report',
  intro:
    'The report to your leaders, built from what the case holds. The settings below are shared by every member.',
  readOnly: 'You may only view this case: you can download the report but not change its settings.',
  cover: 'Cover',
  coverHint: 'The case number, title, charges and classification come from the case details.',
  procuracy: 'Procuracy',
  procuracyPlaceholder: 'e.g. Viện kiểm sát nhân dân khu vực 1 – Hà Nội',
  prosecutor: 'Prosecutor',
  date: 'Date of report',
  datePlaceholder: 'day/month/year (empty: the day of download)',
  sectionsTitle: 'Sections',
  sections: reportTexts('en').sections,
  include: 'Include in the report',
  moveUp: 'Move up',
  moveDown: 'Move down',
  before: 'Text before this section',
  after: 'Text after this section',
  figuresTitle: 'Figures',
  figuresHint: 'The boards chosen are drawn as vector figures in the "Figures" section.',
  noBoards: 'The case has no boards yet.',
  download: 'Download',
  docx: 'Download DOCX (Word)',
  pdf: 'Download PDF',
  errors: {
    date: 'The date of the report is not valid: type day/month/year, e.g. 02/04/2026.',
    badSettings: 'The report settings could not be saved: {{detail}}',
  },
};

export function installReportTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', 'report', vi, true, true);
  i18n.addResourceBundle('en', 'report', en, true, true);
}
