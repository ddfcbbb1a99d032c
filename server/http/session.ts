import type { FastifyRequest } from 'fastify';

/**
 * The name of the session cookie: the one contract between the log-in route that sets it, the
 * routes that read it, and the sync socket that reads it from the upgrade request. The page never
 * reads it (it is HttpOnly); tests and docs/api.md name it as users' browsers see it.
 */
export const SESSION_COOKIE = 'cb_session';

/** The secret a request authenticates with: the session cookie, or a bearer token. */
export function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies[SESSION_COOKIE];
}

/**
 * The session cookie in a raw `Cookie` header (a socket's upgrade request, which no cookie plugin
 * has parsed).
 *
 * @example
 * sessionCookieIn('theme=dark; cb_session=abc') // 'abc'
 */
export function sessionCookieIn(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
