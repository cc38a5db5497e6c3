/** Helpers of the migration tests, which migrate a schema of their own step by step. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';
import { runMigrations } from '../../src/storage/migrations/runner.ts';
import { rowSecurity } from '../../src/storage/keys.ts';
import type { Database } from '../../src/storage/schema.ts';
import { asOwner, type SqlFactory } from '../support/services.ts';

/** Runs fn in a fresh schema (`<prefix>_<random>`) of the owner's session (search_path moved there and back). */
export async function inFreshSchema(owner: Kysely<Database>, prefix: string, fn: () => Promise<void>): Promise<void> {
  const before = (await sql<{ p: string }>`select current_setting('search_path') as p`.execute(owner)).rows[0]!.p;
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  await sql`create schema ${sql.id(schema)}`.execute(owner);
  await sql`select set_config('search_path', ${schema}, false)`.execute(owner);
  try {
    await fn();
  } finally {
    await sql`select set_config('search_path', ${before}, false)`.execute(owner);
    await sql`drop schema ${sql.id(schema)} cascade`.execute(owner);
  }
}

/** A transaction that row-level security lets see every shop, as migrations and the system see them. */
export const asSystem = <T>(owner: Kysely<Database>, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> =>
  owner.transaction().execute(async (tx) => {
    await sql`select set_config(${rowSecurity.setting}, ${rowSecurity.system}, true)`.execute(tx);
    return fn(tx);
  });

/**
 * A migration applied to a read model that already holds rows, as a running install meets it: a
 * fresh store of the factory, migrated in a schema of its own up to the named migration; `seed`
 * writes the rows of before; then the rest are applied (each asserted), and `check` looks at the result.
 */
export async function acrossMigration(f: SqlFactory, name: string, seed: (tx: Transaction<Database>) => Promise<void>, check: (owner: Kysely<Database>) => Promise<void>): Promise<void> {
  const at = MIGRATIONS.findIndex((m) => m.name === name);
  assert.ok(at > 0, `migration ${name} is registered`);
  const s = await f.create();
  try {
    await asOwner(s.db, (owner) =>
      inFreshSchema(owner, `m${String(MIGRATIONS[at]!.version).padStart(3, '0')}`, async () => {
        await runMigrations(owner, { migrations: MIGRATIONS.slice(0, at) });
        await asSystem(owner, seed);
        assert.deepEqual((await runMigrations(owner)).applied, MIGRATIONS.slice(at).map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`));
        await check(owner);
      }),
    );
  } finally {
    await s.close();
  }
}
