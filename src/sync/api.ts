import type { Classification, Role } from '../core/schema.ts';
import { currentLanguage } from '../ui/language.ts';
import { ApiError } from '../ui/errorReason.ts';

export { ApiError };

export interface User {
  id: string;
  username: string;
  displayName: string;
  admin: boolean;
}

export interface CaseSummary {
  id: string;
  title: string;
  caseNumber: string;
  offences: string[];
  classification: Classification;
  archived: boolean;
  role: Role;
  createdAt: string;
  updatedAt: string;
  /** Open review notes that mention the caller (the case list only; docs/api.md). */
  mentions?: {
    count: number;
    notes: Array<{ note: string; authorName: string; createdAt: string; text: string }>;
  };
}

export interface Member {
  /** The account's id (review notes store mentions by it); absent from older servers. */
  id?: string;
  username: string;
  displayName: string;
  role: Role;
}

/** Failed log-ins under a user name since its last successful log-in, told to its owner. */
export interface FailedLogins {
  count: number;
  lastAt: string;
  addresses: string[];
}

/** An error from the server, with its code and the message in the person's language. */
/** Calls the API in the person's language; throws `ApiError` (status 0 when the server is unreachable). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        'Accept-Language': currentLanguage(),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok)
    throw new ApiError(
      res.status,
      data.error ?? `http.${res.status}`,
      data.message ?? res.statusText,
    );
  return data as T;
}

/** A stored version of a case document (the server's `VersionRecord`). */
export interface Version {
  id: string;
  caseId: string;
  kind: 'named' | 'auto';
  name: string;
  author: string;
  createdAt: string;
  bytes: number;
}

export interface AuditEntry {
  seq: number;
  caseId: string;
  caseTitle: string;
  at: string;
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
}

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const endpoints = {
  me: () => api<{ user: User }>('GET', '/api/me'),
  login: (username: string, password: string) =>
    api<{ user: User; failedLogins: FailedLogins | null }>('POST', '/api/auth/login', {
      username,
      password,
    }),
  logout: () => api<void>('POST', '/api/auth/logout'),
  changePassword: (current: string, next: string) =>
    api<void>('POST', '/api/auth/password', { current, next }),
  cases: () => api<{ cases: CaseSummary[] }>('GET', '/api/cases'),
  getCase: (id: string) => api<CaseSummary>('GET', `/api/cases/${encodeURIComponent(id)}`),
  createCase: (input: {
    title: string;
    caseNumber?: string;
    offences?: string[];
    classification?: Classification;
  }) => api<CaseSummary>('POST', '/api/cases', input),
  patchCase: (
    id: string,
    patch: Partial<
      Pick<CaseSummary, 'title' | 'caseNumber' | 'offences' | 'classification' | 'archived'>
    >,
  ) => api<CaseSummary>('PATCH', `/api/cases/${encodeURIComponent(id)}`, patch),
  members: (id: string) =>
    api<{ members: Member[] }>('GET', `/api/cases/${encodeURIComponent(id)}/members`),
  setMember: (id: string, username: string, role: Role) =>
    api<Member>(
      'PUT',
      `/api/cases/${encodeURIComponent(id)}/members/${encodeURIComponent(username)}`,
      { role },
    ),
  removeMember: (id: string, username: string) =>
    api<void>(
      'DELETE',
      `/api/cases/${encodeURIComponent(id)}/members/${encodeURIComponent(username)}`,
    ),
  versions: (id: string) =>
    api<{ versions: Version[]; retentionDays: number }>('GET', `${casePath(id)}/versions`),
  makeVersion: (id: string, name: string) =>
    api<{ version: Version }>('POST', `${casePath(id)}/versions`, { name }),
  /** The encoded document state of a version. */
  versionState: async (id: string, versionId: string): Promise<Uint8Array> => {
    const res = await fetch(`${casePath(id)}/versions/${encodeURIComponent(versionId)}`, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLanguage() },
    });
    if (!res.ok) {
      const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
      throw new ApiError(res.status, data.error ?? `http.${res.status}`, data.message ?? '');
    }
    return new Uint8Array(await res.arrayBuffer());
  },
  restoreVersion: (id: string, versionId: string) =>
    api<{ version: Version; before: Version }>(
      'POST',
      `${casePath(id)}/versions/${encodeURIComponent(versionId)}/restore`,
      // The page writes the version itself, so that restoring is one step of the person's undo.
      { write: false },
    ),
  settings: () => api<{ autoVersionDays: number }>('GET', '/api/admin/settings'),
  setSettings: (settings: { autoVersionDays: number }) =>
    api<{ autoVersionDays: number; dropped: number }>('PUT', '/api/admin/settings', settings),
  audit: (query: URLSearchParams) =>
    api<{ events: AuditEntry[]; actions: string[]; names?: Record<string, string> }>(
      'GET',
      `/api/audit?${query}`,
    ),
  /** Tells the audit trail about an export made in the page; a failure does not stop the export. */
  recordExport: (
    id: string,
    body: { what: string; format: string; source?: string; title?: string },
  ) => api<void>('POST', `${casePath(id)}/audit/export`, body).catch(() => undefined),
};
