import { sql } from 'kysely';
import { MIGRATIONS } from './index.ts';
import type { Db } from '../ports.ts';
import { rowSecurity } from '../keys.ts';

/** Advisory lock held by every schema change (migrations and grants), so nodes starting together take turns. */
const MIGRATION_LOCK = 872301;

// Migration files hold statements separated by `;` at the end of a line, so both adapters can
// run them one statement at a time inside a transaction. A `;` inside a $$-quoted function body
// does not end a statement.
export function statements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const line of script.split('\n')) {
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) quoted = !quoted;
    if (!quoted && /;\s*$/.test(line)) {
      out.push(current.replace(/;\s*$/, ''));
      current = '';
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0 && !/^(--[^\n]*\n?\s*)+$/.test(s));
}

/**
 * Applies pending migrations in order. Each migration runs in its own transaction holding a
 * transaction-scoped advisory lock, and re-checks whether it was applied after taking the lock,
 * so concurrent starts apply each migration exactly once.
 */
export async function runMigrations(db: Db): Promise<{ applied: string[] }> {
  // Under the same lock as the migrations: two nodes starting on an empty schema would race on
  // the catalog ("duplicate key … pg_type_typname_nsp_index") with a bare IF NOT EXISTS.
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`create table if not exists kefu_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
  });
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
      const row = await tx.selectFrom('kefu_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
      if (row) return false;
      // FORCE ROW LEVEL SECURITY binds the owner too: a migration that moves data sees every shop.
      await sql`select set_config(${rowSecurity.setting}, ${rowSecurity.system}, true)`.execute(tx);
      for (const stmt of statements(m.up)) await sql.raw(stmt).execute(tx);
      await tx.insertInto('kefu_migrations').values({ version: m.version, name: m.name, applied_at: new Date() }).execute();
      return true;
    });
    if (done) applied.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
  }
  return { applied };
}

/**
 * What the app role may do in kefu's schema after the owner migrated it: read and write rows
 * (row-level security decides which), nothing else: no DDL, no TRUNCATE, no ownership.
 * Idempotent; run after every migration so new tables are covered.
 */
export async function grantToAppRole(db: Db, schema: string, role: string): Promise<void> {
  // Under the migrations' lock: two nodes granting at once race on the catalog ("tuple
  // concurrently updated").
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`grant usage on schema ${sql.id(schema)} to ${sql.id(role)}`.execute(tx);
    await sql`grant select, insert, update, delete on all tables in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(tx);
    await sql`grant usage, select on all sequences in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(tx);
  });
}
