/**
 * Every error the server shows a person, in one place, by code, in Vietnamese and English.
 * Routes throw `ApiError`; the error handler answers `{ error, message }` in the caller's language.
 */

export type Lang = 'vi' | 'en';

const messages = {
  'request.invalid': { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  'request.tooLarge': { status: 413, vi: 'Yêu cầu quá lớn.', en: 'The request is too large.' },
  'request.notFound': { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
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

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
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
  params: Record<string, string | number> = {},
): string {
  return messages[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** The caller's language from an Accept-Language header: the first of vi or en, else Vietnamese. */
export function langFrom(acceptLanguage: string | undefined): Lang {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'en') return tag;
  }
  return 'vi';
}
