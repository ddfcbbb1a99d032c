import type { AuditEvent, Store } from './store/Store.ts';

/**
 * Records what people do, with time and person, into the store's hash-chained trail. Every part of
 * the server records through this; nothing in the product edits or deletes an entry.
 */
export class AuditTrail {
  constructor(private readonly store: Store) {}

  record(
    actor: string,
    action: string,
    caseId = '',
    detail: Record<string, unknown> = {},
    at = new Date(),
  ): Promise<void> {
    return this.store.recordAudit({ caseId, at: at.toISOString(), actor, action, detail });
  }

  /** Records, and reports a failure to `log` instead of failing the caller (for background work). */
  recordQuietly(log: (err: unknown) => void, ...args: Parameters<AuditTrail['record']>): void {
    this.record(...args).catch(log);
  }
}

/** The kinds of entry, for filters and the CSV (docs/history.md explains each). */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'logout',
  'password.changed',
  'case.created',
  'case.renamed',
  'case.updated',
  'case.archived',
  'case.unarchived',
  'member.added',
  'member.role',
  'member.removed',
  'connection',
  'edit',
  'edit.refused',
  'note.created',
  'note.replied',
  'note.resolved',
  'note.reopened',
  'file.uploaded',
  'file.read',
  'export',
  'version.created',
  'version.restored',
  'link.create',
  'link.used',
  'link.revoke',
  'present.started',
  'present.shown',
  'present.image',
  'present.ended',
  'case.backup',
  'case.restore',
  'settings.changed',
] as const;

/** Escapes a CSV field; a leading = + - @ is quoted with ' so spreadsheets do not run it. */
export function csvField(value: unknown): string {
  let text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(events: readonly AuditEvent[], caseTitles: ReadonlyMap<string, string>) {
  const lines = [['seq', 'time', 'person', 'action', 'case', 'case title', 'detail'].join(',')];
  for (const e of events)
    lines.push(
      [e.seq, e.at, e.actor, e.action, e.caseId, caseTitles.get(e.caseId) ?? '', e.detail ?? {}]
        .map(csvField)
        .join(','),
    );
  // A BOM so that spreadsheet programs read Vietnamese as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
