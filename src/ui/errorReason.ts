import i18n from 'i18next';

/** An error from the server, with its code and the message in the person's language (status 0: unreachable). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The sentence for an HTTP status that came without a message of the server's own. */
function statusReason(status: number): string {
  if (status === 0) return i18n.t('errors.network');
  if (status === 401) return i18n.t('errors.session');
  if (status === 403) return i18n.t('errors.forbidden');
  if (status === 404 || status === 410) return i18n.t('errors.notFound');
  if (status === 413) return i18n.t('errors.tooLarge');
  if (status === 429) return i18n.t('errors.tooMany');
  if (status >= 500) return i18n.t('errors.server', { status });
  return i18n.t('errors.status', { status });
}

/**
 * Why something failed, as a sentence in the UI language, whatever was thrown: an `ApiError` (the
 * server's own translated message when it sent one), fetch's `TypeError: Failed to fetch`, an error
 * `Event` (XHR, WebSocket), a `Response`, an `Error` or a string. Never empty.
 *
 * @example t('failed', { message: errorReason(err) }) // "Không làm được: Không kết nối được máy chủ."
 */
export function errorReason(error: unknown): string {
  if (error instanceof ApiError) {
    // Without a code of its own the server (or a proxy) sent no message worth showing.
    if (error.code === 'network' || error.code.startsWith('http.') || !error.message)
      return statusReason(error.status);
    return error.message;
  }
  if (typeof Response !== 'undefined' && error instanceof Response)
    return statusReason(error.status);
  // fetch rejects with a TypeError when the server cannot be reached ("Failed to fetch",
  // "NetworkError when attempting to fetch resource", "Load failed").
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message))
    return i18n.t('errors.network');
  if (typeof Event !== 'undefined' && error instanceof Event) return i18n.t('errors.network');
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error.trim()) return error;
  return i18n.t('errors.unknown');
}
