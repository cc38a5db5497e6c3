/** Helpers of the migration tests, which migrate a schema of their own step by step. */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.ts';

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
