import type { CaseSummary, User } from '../sync/api.ts';

/**
 * What the page keeps in localStorage so it can start offline: the last user, case list and opened
 * cases. Cleared at logout together with the cached case documents.
 */
const PREFIX = 'caseboard.cache.';

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the page still works online.
  }
}

export const offlineCache = {
  user: () => read<User>('user'),
  setUser: (user: User) => write('user', user),
  cases: () => read<CaseSummary[]>('cases'),
  setCases: (cases: CaseSummary[]) => write('cases', cases),
  caseRecord: (id: string) => read<CaseSummary>(`case.${id}`),
  setCaseRecord: (record: CaseSummary) => write(`case.${record.id}`, record),
  /** Forgets everything of the logged-out person, including their cached case documents. */
  async clear(): Promise<void> {
    const caseIds: string[] = [];
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      if (key.startsWith(PREFIX + 'case.')) caseIds.push(key.slice((PREFIX + 'case.').length));
      localStorage.removeItem(key);
    }
    await Promise.all(
      caseIds.map(
        (id) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(caseDatabaseName(id));
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
    );
  },
};

/** The IndexedDB database y-indexeddb keeps a case in. */
export function caseDatabaseName(caseId: string): string {
  return `caseboard-case-${caseId}`;
}
