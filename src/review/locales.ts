import type { i18n as I18n } from 'i18next';

/** Texts of review notes (namespace `review`): the notes panel, threads and the composer. */
const vi = {
  panel: 'Ý kiến',
  add: 'Thêm ý kiến',
  close: 'Đóng',
  about: 'Về: {{where}}',
  placeholder: 'Ghi ý kiến; gõ @ để nhắc đến thành viên…',
  replyPlaceholder: 'Trả lời; gõ @ để nhắc đến thành viên…',
  send: 'Gửi',
  reply: 'Trả lời',
  cancel: 'Huỷ',
  resolve: 'Đánh dấu đã giải quyết',
  reopen: 'Mở lại',
  resolvedBy: 'Đã giải quyết bởi {{name}}, {{time}}',
  reopened: 'Đã mở lại',
  mentions: 'Nhắc đến: {{names}}',
  replies_one: '{{count}} trả lời',
  replies_other: '{{count}} trả lời',
  badge_one: '{{count}} ý kiến chưa giải quyết',
  badge_other: '{{count}} ý kiến chưa giải quyết',
  none: 'Không có ý kiến nào phù hợp.',
  all: 'Tất cả',
  back: '‹ Mọi ý kiến',
  goTo: 'Đến chỗ này',
  filter: {
    state: 'Trạng thái',
    author: 'Người ghi',
    mentioned: 'Người được nhắc',
    board: 'Sơ đồ',
  },
  state: { open: 'Chưa giải quyết', resolved: 'Đã giải quyết', all: 'Tất cả' },
  where: {
    case: 'Toàn vụ án',
    slide: 'Trang trình chiếu {{title}}',
    page: '{{file}}, trang {{page}}',
    missing: '(đã xoá)',
    link: 'Liên kết {{from}} → {{to}}',
  },
  errors: {
    empty: 'Hãy ghi nội dung ý kiến.',
    tooLong: 'Ý kiến dài quá 5.000 ký tự.',
    failed: 'Không lưu được ý kiến.',
  },
};

const en: typeof vi = {
  panel: 'Notes',
  add: 'Add note',
  close: 'Close',
  about: 'On: {{where}}',
  placeholder: 'Write a note; type @ to mention a member…',
  replyPlaceholder: 'Reply; type @ to mention a member…',
  send: 'Send',
  reply: 'Reply',
  cancel: 'Cancel',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolvedBy: 'Resolved by {{name}}, {{time}}',
  reopened: 'Reopened',
  mentions: 'Mentions: {{names}}',
  replies_one: '{{count}} reply',
  replies_other: '{{count}} replies',
  badge_one: '{{count}} open note',
  badge_other: '{{count}} open notes',
  none: 'No notes match.',
  all: 'All',
  back: '‹ All notes',
  goTo: 'Go there',
  filter: {
    state: 'State',
    author: 'Written by',
    mentioned: 'Mentioned',
    board: 'Board',
  },
  state: { open: 'Open', resolved: 'Resolved', all: 'All' },
  where: {
    case: 'The whole case',
    slide: 'Slide {{title}}',
    page: '{{file}}, page {{page}}',
    missing: '(deleted)',
    link: 'Link {{from}} → {{to}}',
  },
  errors: {
    empty: 'Write the note first.',
    tooLong: 'A note holds at most 5,000 characters.',
    failed: 'The note could not be saved.',
  },
};

export const reviewTexts = { vi, en };

export function installReviewTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', 'review', vi, true, true);
  i18n.addResourceBundle('en', 'review', en, true, true);
}
