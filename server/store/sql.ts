/** How a driver writes parameters: the n-th (1-based), and a column matching any of a list. */
export interface SqlDialect {
  placeholder(n: number): string;
  anyOf(column: string, values: readonly string[], param: (value: unknown) => string): string;
}

export const SQLITE: SqlDialect = {
  placeholder: () => '?',
  anyOf: (column, values, param) => `${column} IN (${values.map((v) => param(v)).join(', ')})`,
};

/** One array parameter, however many values (PostgreSQL takes at most 65,535 parameters). */
export const POSTGRES: SqlDialect = {
  placeholder: (n) => `$${n}`,
  anyOf: (column, values, param) => `${column} = ANY(${param([...values])}::text[])`,
};

/**
 * An INSERT of one row (column names to values; see the row writers of rows.ts), with `tail`
 * after it (`ON CONFLICT ...`).
 *
 * @example
 * const { sql, params } = insertInto('users', userValues(user, bool), SQLITE);
 */
export function insertInto(
  table: string,
  row: Record<string, unknown>,
  dialect: SqlDialect,
  tail = '',
): { sql: string; params: unknown[] } {
  const columns = Object.keys(row);
  const values = columns.map((_, i) => dialect.placeholder(i + 1));
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')}) ${tail}`,
    params: Object.values(row),
  };
}
