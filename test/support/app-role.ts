/**
 * The login role the tests run kefu as against the real PostgreSQL: neither owner, superuser nor
 * BYPASSRLS, so row-level security binds it as it binds production's app role. No `node:test`
 * import here: scripts/test.ts creates the role once per run with it, and test/support/services.ts
 * again for a file run on its own.
 */
import type pg from 'pg';

export const TEST_APP_ROLE = 'kefu_test_app';

/** Creates the role when the server has none (roles belong to the whole server, shared by every run). */
export async function ensureTestAppRole(c: pg.Client): Promise<void> {
  try {
    await c.query(`do $$ begin if not exists (select 1 from pg_roles where rolname = '${TEST_APP_ROLE}') then create role ${TEST_APP_ROLE} login nosuperuser nobypassrls; end if; end $$`);
  } catch (e) {
    // Two processes creating it at once: one wins, the other sees the duplicate.
    if (!['23505', '42710'].includes((e as { code?: string }).code ?? '')) throw e;
  }
}
