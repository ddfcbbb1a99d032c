import type { SqlDialect } from './sql.ts';
import type { AuditFilter } from './Store.ts';

/**
 * The one query behind `Store.queryAudit`: the newest `limit` entries that match `filter`, oldest
 * first. Returns null when the filter can match nothing (an empty list of cases), so the store
 * answers `[]` without asking the database. Rows come back as `AuditRow`s (see `toAuditEvent`).
 *
 * @example
 * const query = auditQuery({ actor: 'lan', action: 'version.' }, POSTGRES);
 * const rows = query ? (await pool.query(query.sql, query.params)).rows : [];
 */
export function auditQuery(
  filter: AuditFilter,
  dialect: SqlDialect,
): { sql: string; params: unknown[] } | null {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  if (filter.caseIds) {
    if (filter.caseIds.length === 0) return null;
    where.push(dialect.anyOf('case_id', filter.caseIds, param));
  }
  if (filter.actor) where.push(`actor = ${param(filter.actor)}`);
  if (filter.action) {
    // A prefix ending in '.' (`version.`) matches every action of that family.
    if (filter.action.endsWith('.'))
      where.push(`substr(action, 1, ${param(filter.action.length)}) = ${param(filter.action)}`);
    else where.push(`action = ${param(filter.action)}`);
  }
  if (filter.from) where.push(`at >= ${param(filter.from)}`);
  if (filter.to) where.push(`at <= ${param(filter.to)}`);
  const limit = param(Math.min(filter.limit ?? 10_000, Number.MAX_SAFE_INTEGER));
  const sql = `SELECT * FROM (SELECT * FROM audit_events
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq DESC LIMIT ${limit}) AS newest ORDER BY seq`;
  return { sql, params };
}
