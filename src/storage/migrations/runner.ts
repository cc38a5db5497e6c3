import { sql } from 'kysely';
import { MIGRATIONS, type Migration } from './index.ts';
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

export interface MigrateOptions {
  readonly migrations?: readonly Migration[];
  /**
   * How long one attempt of a migration waits for a lock on what it changes. A long transaction
   * (the daily backup reads every table for minutes) holds its tables; an ALTER waiting behind it
   * would make every later statement on that table wait behind the ALTER, the whole service
   * with it. So an attempt gives up after this, leaving the queue, and tries again.
   */
  readonly lockTimeoutMs?: number;
  /** Attempts per migration before the start fails. */
  readonly attempts?: number;
  /** Pause between attempts. */
  readonly pauseMs?: number;
}

/** Defaults: about two minutes of 2 s attempts before a start gives up. */
export const MIGRATION_LOCK_TIMEOUT_MS = 2000;
const MIGRATION_ATTEMPTS = 30;
const MIGRATION_PAUSE_MS = 2000;
/** lock_not_available: lock_timeout expired. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Applies pending migrations in order. Each migration runs in its own transaction holding a
 * transaction-scoped advisory lock, and re-checks whether it was applied after taking the lock,
 * so concurrent starts apply each migration exactly once. A migration that cannot get a lock on
 * what it changes within `lockTimeoutMs` is rolled back and tried again (see MigrateOptions).
 */
export async function runMigrations(db: Db, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  // Under the same lock as the migrations: two nodes starting on an empty schema would race on
  // the catalog ("duplicate key … pg_type_typname_nsp_index") with a bare IF NOT EXISTS.
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`create table if not exists kefu_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
  });
  const applied: string[] = [];
  for (const m of opts.migrations ?? MIGRATIONS) {
    if (await applyWithRetry(db, m, opts)) applied.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
  }
  return { applied };
}

async function applyWithRetry(db: Db, m: Migration, opts: MigrateOptions): Promise<boolean> {
  const attempts = opts.attempts ?? MIGRATION_ATTEMPTS;
  const lockMs = opts.lockTimeoutMs ?? MIGRATION_LOCK_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOne(db, m, lockMs);
    } catch (e) {
      if ((e as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw e;
      if (attempt >= attempts) {
        throw new Error(`migration ${m.version} (${m.name}) could not lock what it changes in ${attempts} attempts of ${lockMs} ms: a long transaction (a backup?) holds it; start again once it has finished`, { cause: e });
      }
      await new Promise((r) => setTimeout(r, opts.pauseMs ?? MIGRATION_PAUSE_MS));
    }
  }
}

async function applyOne(db: Db, m: Migration, lockMs: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    const row = await tx.selectFrom('kefu_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
    if (row) return false;
    // After the advisory lock: a node waiting for another's migration is not in a hurry.
    await sql`select set_config('lock_timeout', ${`${lockMs}ms`}, true)`.execute(tx);
    // FORCE ROW LEVEL SECURITY binds the owner too: a migration that moves data sees every shop.
    await sql`select set_config(${rowSecurity.setting}, ${rowSecurity.system}, true)`.execute(tx);
    for (const stmt of statements(m.up)) await sql.raw(stmt).execute(tx);
    await tx.insertInto('kefu_migrations').values({ version: m.version, name: m.name, applied_at: new Date() }).execute();
    return true;
  });
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
