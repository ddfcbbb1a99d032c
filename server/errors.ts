/**
 * Every error the server shows a person, in one place, by code, in Vietnamese and English.
 * Routes throw `ApiError`; the error handler answers `{ error, message }` in the caller's language.
 */

export type Lang = 'vi' | 'en';

const messages = {
  'request.invalid': { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  'request.tooLarge': { status: 413, vi: 'Yêu cầu quá lớn.', en: 'The request is too large.' },
  'request.notFound': { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  'request.foreignOrigin': {
    status: 403,
    vi: 'Yêu cầu đến từ một trang khác nên không được thực hiện.',
    en: 'This request came from another site and was not carried out.',
  },
  'request.controlCharacter': {
    status: 400,
    vi: 'Trường "{field}" có ký tự điều khiển không in được (ví dụ ký tự NUL); hãy xoá ký tự đó.',
    en: 'The field "{field}" contains a control character that cannot be printed (such as NUL); please remove it.',
  },
  'request.tooMany': {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
    en: 'Too many requests, please try again later.',
  },
  'auth.required': { status: 401, vi: 'Bạn cần đăng nhập.', en: 'Please log in.' },
  'auth.invalidCredentials': {
    status: 401,
    vi: 'Sai tên đăng nhập hoặc mật khẩu.',
    en: 'Wrong user name or password.',
  },
  'auth.tooManyAttempts': {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many failed logins. Please try again in {minutes} minutes.',
  },
  'auth.wrongPassword': {
    status: 403,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  'auth.adminOnly': {
    status: 403,
    vi: 'Chỉ quản trị viên được làm việc này.',
    en: 'Only an administrator may do this.',
  },
  'user.exists': { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'That user name is taken.' },
  'user.notFound': {
    status: 404,
    vi: 'Không có người dùng "{username}".',
    en: 'There is no user "{username}".',
  },
  'case.notFound': {
    status: 404,
    vi: 'Không tìm thấy vụ án, hoặc bạn không có quyền truy cập.',
    en: 'Case not found, or you have no access to it.',
  },
  'case.badOffence': {
    status: 400,
    vi: '"{offence}" không phải một điều của Bộ luật Hình sự (Điều 108–425). Hãy chọn tội danh trong danh sách.',
    en: '"{offence}" is not an article of the Penal Code (Articles 108–425). Pick the offence from the list.',
  },
  'case.forbidden': {
    status: 403,
    vi: 'Vai trò của bạn trong vụ án không cho phép việc này.',
    en: 'Your role in this case does not allow this.',
  },
  'version.notFound': {
    status: 404,
    vi: 'Vụ án không có phiên bản này.',
    en: 'This case has no such version.',
  },
  'audit.forbidden': {
    status: 403,
    vi: 'Chỉ chủ sở hữu vụ án và quản trị viên được xem nhật ký kiểm tra.',
    en: 'Only case owners and administrators may read the audit trail.',
  },
  'member.lastOwner': {
    status: 409,
    vi: 'Vụ án phải còn ít nhất một chủ sở hữu.',
    en: 'A case must keep at least one owner.',
  },
  'files.tooLarge': {
    status: 413,
    vi: 'Tệp quá lớn: tối đa {limit} MB mỗi tệp.',
    en: 'The file is too large: at most {limit} MB per file.',
  },
  'files.badType': {
    status: 415,
    vi: 'Chỉ nhận ảnh JPEG, PNG, WebP và tệp PDF; nội dung tệp này không phải loại đó.',
    en: 'Only JPEG, PNG and WebP images and PDF files are accepted; this file’s content is none of them.',
  },
  'files.badContentType': {
    status: 415,
    vi: 'Tệp phải được gửi nguyên dạng byte (Content-Type: application/octet-stream, hoặc đúng loại ảnh hay PDF của nó); “{type}” không được nhận.',
    en: 'A file must be sent as its raw bytes (Content-Type: application/octet-stream, or its image or PDF type); “{type}” is not accepted.',
  },
  'files.empty': { status: 400, vi: 'Tệp rỗng.', en: 'The file is empty.' },
  'files.notFound': {
    status: 404,
    vi: 'Vụ án không có tệp này.',
    en: 'This case has no such file.',
  },
  'link.unknown': {
    status: 404,
    vi: 'Liên kết theo dõi phiên tòa không tồn tại.',
    en: 'There is no such hearing link.',
  },
  'link.expired': {
    status: 410,
    vi: 'Liên kết theo dõi phiên tòa đã hết hạn.',
    en: 'This hearing link has expired.',
  },
  'link.revoked': {
    status: 410,
    vi: 'Liên kết theo dõi phiên tòa đã bị thu hồi.',
    en: 'This hearing link was revoked.',
  },
  'link.badExpiry': {
    status: 400,
    vi: 'Thời hạn của liên kết phải ở tương lai và không quá 30 ngày.',
    en: 'A link must expire in the future and within 30 days.',
  },
  'present.none': {
    status: 404,
    vi: 'Chưa có ai trình chiếu.',
    en: 'Nothing is being presented.',
  },
  'present.notPresenter': {
    status: 409,
    vi: 'Người khác đang trình chiếu vụ án này; chỉ người đang trình chiếu được gửi hình hoặc kết thúc.',
    en: 'Someone else is presenting this case; only the presenter may send pictures or end it.',
  },
  'present.badImage': {
    status: 415,
    vi: 'Ảnh trình chiếu phải là PNG hoặc JPEG.',
    en: 'A presentation image must be PNG or JPEG.',
  },
  'backup.bad': {
    status: 400,
    vi: 'Tệp sao lưu không hợp lệ: {reason}',
    en: 'The backup file is not valid: {reason}',
  },
  'backup.tooLarge': {
    status: 413,
    vi: 'Tệp sao lưu quá lớn: tối đa {limit} MB.',
    en: 'The backup is too large: at most {limit} MB.',
  },
  'backup.entryTooLarge': {
    status: 413,
    vi: 'Tệp sao lưu không hợp lệ: mục {name} giải nén ra quá {limit} MB (giới hạn mỗi tệp). Không có gì được lưu.',
    en: 'The backup file is not valid: entry {name} inflates past {limit} MB (the limit per file). Nothing was kept.',
  },
  'backup.busy': {
    status: 429,
    vi: 'Bạn đang khôi phục một bản sao lưu khác. Hãy đợi việc đó xong rồi thử lại.',
    en: 'You are already restoring another backup. Wait for it to finish, then try again.',
  },
  'board.notFound': {
    status: 404,
    vi: 'Vụ án không có bảng này.',
    en: 'This case has no such board.',
  },
  'export.frameNotFound': {
    status: 404,
    vi: 'Bảng này không có khung trình chiếu "{frame}".',
    en: 'This board has no slide frame "{frame}".',
  },
  'export.badQuery': {
    status: 400,
    vi: 'Không xuất được: {reason}',
    en: 'Cannot export: {reason}',
  },
  'export.sceneTooLarge': {
    status: 422,
    vi: 'Ở tỷ lệ 1:{scale} sơ đồ hiện trường không vừa khổ giấy; tỷ lệ 1:{fits} thì vừa.',
    en: 'At 1:{scale} the scene does not fit the paper; it fits at 1:{fits}.',
  },
  'export.busy': {
    status: 429,
    vi: 'Máy chủ đang xuất {limit} tệp khác. Vui lòng thử lại sau ít giây.',
    en: 'The server is already exporting {limit} other files. Please try again in a few seconds.',
  },
  'storage.full': {
    status: 507,
    vi: 'Máy chủ hết chỗ lưu trữ (ổ đĩa đầy). Không có gì bị thay đổi; hãy báo quản trị viên.',
    en: 'The server is out of storage (disk full). Nothing was changed; please tell the administrator.',
  },
  'storage.failed': {
    status: 503,
    vi: 'Máy chủ không lưu được dữ liệu. Không có gì bị thay đổi; vui lòng thử lại sau.',
    en: 'The server could not store data. Nothing was changed; please try again later.',
  },
  'server.error': {
    status: 500,
    vi: 'Lỗi máy chủ. Vui lòng thử lại.',
    en: 'Server error. Please try again.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof messages;

/** A value for a message's `{name}` placeholder: the same in both languages, or one per language. */
export type MessageParam = string | number | Readonly<Record<Lang, string>>;

/**
 * Why a backup was refused, in words for a person (the `{reason}` of `backup.bad`). Exception texts
 * of the libraries that read the file never reach a person: they are logged, and one of these shown.
 */
export const BACKUP_REASONS = {
  empty: { vi: 'tệp rỗng.', en: 'the file is empty.' },
  notZip: { vi: 'không phải tệp zip đọc được.', en: 'it is not a readable zip file.' },
  unsafePath: {
    vi: 'có mục mang đường dẫn không an toàn ("{name}").',
    en: 'an entry has an unsafe path ("{name}").',
  },
  duplicateEntry: {
    vi: 'có hai mục cùng tên ("{name}").',
    en: 'two entries have the same name ("{name}").',
  },
  fileMissing: { vi: 'thiếu tệp {name}.', en: 'the file {name} is missing.' },
  tooManyEntries: { vi: 'có quá nhiều mục.', en: 'it has too many entries.' },
  tooLarge: { vi: 'nội dung giải nén quá lớn.', en: 'its unpacked content is too large.' },
  manifestMissing: { vi: 'thiếu manifest.json.', en: 'manifest.json is missing.' },
  manifest: { vi: 'manifest.json không hợp lệ.', en: 'manifest.json is not valid.' },
  documentHash: {
    vi: 'document.yjs không khớp mã băm của nó.',
    en: 'document.yjs does not match its hash.',
  },
  fileHash: {
    vi: 'tệp {name} không khớp mã băm của nó.',
    en: 'the file {name} does not match its hash.',
  },
  fileType: {
    vi: 'tệp {name} không thuộc loại được phép.',
    en: 'the file {name} is not of an allowed type.',
  },
  document: {
    vi: 'không đọc được tài liệu vụ án (document.yjs).',
    en: 'the case document (document.yjs) cannot be read.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** The `{reason}` of a refused backup, with its own `{name}` filled in. */
export function backupReason(
  reason: keyof typeof BACKUP_REASONS,
  name = '',
): Readonly<Record<Lang, string>> {
  const { vi, en } = BACKUP_REASONS[reason];
  return { vi: vi.replace('{name}', name), en: en.replace('{name}', name) };
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, MessageParam> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.status = messages[code].status;
  }
}

/** The HTTP status an error code is answered with. */
export const messageStatus = (code: ErrorCode): number => messages[code].status;

/** The message for `code` in `lang`, with `{name}` placeholders filled from `params`. */
export function messageFor(
  code: ErrorCode,
  lang: Lang,
  params: Record<string, MessageParam> = {},
): string {
  return messages[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key] ?? '';
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** The caller's language from an Accept-Language header: the first of vi or en, else Vietnamese. */
export function langFrom(acceptLanguage: string | undefined): Lang {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'en') return tag;
  }
  return 'vi';
}
