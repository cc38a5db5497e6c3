/**
 * A migration that needs a table a long transaction holds (the daily backup reads every table
 * for minutes) must not freeze the service: an ALTER waiting for its lock makes every later
 * statement on that table wait behind it. On real PostgreSQL: each attempt gives up after its
 * lock timeout, the readers go on meanwhile, the start fails with a clear reason when the holder
 * never lets go, and succeeds once it does.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { runMigrations } from '../../src/storage/migrations/runner.ts';
import type { Database } from '../../src/storage/schema.ts';
import { PG_URL, SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';

after(dropTestSchemas);

const pgFactory = SQL_FACTORIES.find((f) => f.name === 'postgres')!;
const addColumn = (version: number) => [{ version, name: `add_column_${version}`, up: `alter table conversations add column lock_test_${version} int` }];

describe('migrations beside a long transaction on postgres', { skip: pgFactory.skip }, () => {
  test('an ALTER waiting for a held table gives the queue back, fails clearly, and succeeds once the table is free', async () => {
    const s = await pgFactory.create();
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(s.db)).rows[0]!.schema;
    const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL, max: 2, options: `-c search_path="${schema}"` }) }) });
    const backup = new pg.Client({ connectionString: PG_URL, options: `-c search_path="${schema}"` });
    await backup.connect();
    try {
      // What the backup does: a repeatable-read transaction that has read the table.
      await backup.query('begin isolation level repeatable read');
      await backup.query('select count(*) from conversations');

      const t0 = Date.now();
      const failing = runMigrations(owner, { migrations: addColumn(9001), lockTimeoutMs: 300, attempts: 3, pauseMs: 100 });
      const outcome = failing.then(
        () => 'applied',
        (e: Error) => e.message,
      );
      // Readers are held up by an attempt for at most its lock timeout, not for the backup's duration.
      await new Promise((r) => setTimeout(r, 50));
      const r0 = Date.now();
      await sql`select count(*) from conversations`.execute(s.db);
      assert.ok(Date.now() - r0 < 1000, `a reader waited ${Date.now() - r0} ms`);
      const message = await outcome;
      assert.match(message, /migration 9001 \(add_column_9001\) could not lock what it changes in 3 attempts of 300 ms/);
      assert.ok(Date.now() - t0 >= 3 * 300 + 2 * 100 - 50, 'three attempts and two pauses');

      // Once the backup commits, the next attempt goes through.
      const applying = runMigrations(owner, { migrations: addColumn(9002), lockTimeoutMs: 200, attempts: 50, pauseMs: 50 });
      await new Promise((r) => setTimeout(r, 400));
      await backup.query('commit');
      assert.deepEqual(await applying, { applied: ['9002_add_column_9002'] });
      const cols = await sql<{ c: string }>`select column_name as c from information_schema.columns where table_schema = ${schema} and table_name = 'conversations' and column_name like 'lock_test_%'`.execute(owner);
      assert.deepEqual(cols.rows.map((r) => r.c), ['lock_test_9002'], 'the failed attempts left nothing behind');
    } finally {
      await backup.end().catch(() => {});
      await owner.destroy();
      await s.close();
    }
  });
});
