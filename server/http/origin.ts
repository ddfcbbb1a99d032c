import type { IncomingHttpHeaders } from 'node:http';

/** Methods that change something; only these are checked (reading carries no forged intent). */
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Whether a request comes from a page of this server, as far as the browser says: its `Origin`
 * (or, without one, its `Referer`) names this server's host. A request that names neither is not
 * from a browser page (curl, the CLI, a stock sync client) and passes; `Origin: null` (a sandboxed
 * frame, a `file:` page) does not. `SameSite=Strict` alone lets same-site origins through (another
 * port, a sibling subdomain), so this is the check that keeps them out.
 */
export function fromOwnOrigin(headers: IncomingHttpHeaders): boolean {
  const claimed = headers.origin ?? headers.referer;
  if (claimed === undefined) return true;
  const host = hostOf(claimed);
  return host !== null && host === headers.host;
}

/** Whether a request must come from this server's own pages (it changes something). */
export const isChanging = (method: string): boolean => CHANGING.has(method.toUpperCase());
