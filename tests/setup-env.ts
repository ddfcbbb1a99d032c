/**
 * Run before every test file (and first in `bench/run.ts`): takes the PostgreSQL and Redis that
 * `.ci/run` (or a developer) gives the tests out of the environment, keeping them under names no
 * server reads. Servers and commands the tests start then use SQLite in their own folder, as the
 * tests expect, unless a test passes `DATABASE_URL`/`REDIS_URL` to them itself
 * (`tests/helpers/stores.ts` reads the kept values).
 */
for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) {
  const value = process.env[name];
  if (value !== undefined) {
    process.env[`CASEBOARD_TEST_${name}`] = value;
    delete process.env[name];
  }
}
delete process.env.DATABASE_SCHEMA;

export {};
