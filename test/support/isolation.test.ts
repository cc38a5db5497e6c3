// The tests leave nothing on the shared servers: keys under a test prefix and test schemas are
// removed when a test file ends (test/support/services.ts), with SCAN + UNLINK, never KEYS.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient } from 'redis';
import { sql } from 'kysely';
import type { SqlStore } from '../../src/storage/ports.ts';
import { asOwner, deleteRedisKeys, needsPg, needsRedis, PG_URL, REDIS_URL, SQL_FACTORIES, testRedisPrefix } from '../support/services.ts';

const newClient = () => createClient({ url: REDIS_URL! });
type Redis = ReturnType<typeof newClient>;

async function withRedis<T>(fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = newClient();
  await r.connect();
  try {
    return await fn(r);
  } finally {
    r.destroy();
  }
}

async function countKeys(r: Redis, match: string): Promise<number> {
  let n = 0;
  for await (const keys of r.scanIterator({ MATCH: match, COUNT: 1000 })) n += keys.length;
  return n;
}

describe('test isolation on the real servers', { skip: needsRedis || needsPg }, () => {
  test('deleteRedisKeys removes every key under a prefix, past one SCAN page, and nothing else', async () => {
    const prefix = testRedisPrefix('kefuclean');
    // Glob characters in a prefix are literal: `p*` must not match `pX`.
    const globby = `${prefix}a*[b]:`;
    await withRedis(async (r) => {
      const multi = r.multi();
      for (let i = 0; i < 1200; i++) multi.set(`${prefix}k${i}`, String(i));
      multi.set(`${globby}x`, '1');
      multi.set(`${prefix}aZbZ:x`, 'sibling');
      multi.set(`${prefix.slice(0, -1)}-outside`, 'not under the prefix');
      await multi.exec();
      assert.equal(await deleteRedisKeys(REDIS_URL!, [globby]), 1);
      assert.equal(await r.get(`${prefix}aZbZ:x`), 'sibling');
      assert.equal(await deleteRedisKeys(REDIS_URL!, [prefix]), 1201);
      assert.equal(await countKeys(r, `${prefix}*`), 0);
      assert.equal(await r.get(`${prefix.slice(0, -1)}-outside`), 'not under the prefix');
      await r.unlink(`${prefix.slice(0, -1)}-outside`);
    });
  });

  test('a test file that leaves keys and schemas behind gets them removed when it ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-leave-'));
    const out = join(dir, 'created.json');
    try {
      const root = new URL('../..', import.meta.url).pathname;
      const r = spawnSync(process.execPath, ['--test', '--test-reporter=dot', 'test/support/fixtures/leave-data.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH, KEFU_TEST_PG_URL: PG_URL, KEFU_TEST_REDIS_URL: REDIS_URL, LEAVE_DATA_OUT: out },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const created = JSON.parse(readFileSync(out, 'utf8')) as { prefixes: string[]; schemas: string[] };
      assert.equal(created.prefixes.length, 2);
      await withRedis(async (redis) => {
        for (const p of created.prefixes) assert.equal(await countKeys(redis, `${p}*`), 0, `keys under ${p}`);
      });
      const db = new pg.Client({ connectionString: PG_URL });
      await db.connect();
      const left = await db.query('select nspname from pg_namespace where nspname = any($1)', [created.schemas]);
      await db.end();
      assert.deepEqual(left.rows, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const pglite of SQL_FACTORIES) describe(`test stores kept for the next test on ${pglite.name}`, { skip: pglite.skip }, () => {
  const conversationColumns = async (s: SqlStore) => (await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_schema = current_schema() and table_name = 'conversations'`.execute(s.db)).rows[0]!.n;

  // The same database (its transaction counter went on) or the same schema: the store was kept.
  const identity = async (st: SqlStore) =>
    pglite.name === 'pglite' ? Number((await sql<{ x: string }>`select txid_current() as x`.execute(st.db)).rows[0]!.x) : (await sql<{ x: string }>`select current_schema() as x`.execute(st.db)).rows[0]!.x;

  test('the next store starts empty, migrated, as the app role, in a fresh session', async () => {
    const first = await pglite.create();
    const was = await identity(first);
    await asOwner(first.db, (owner) => sql`insert into sensitive_words (scope, word, created_at) values ('shop_kept', 'kept', now())`.execute(owner));
    await sql`select set_config('kefu.probe', 'left behind', false)`.execute(first.db);
    await first.close();
    const next = await pglite.create();
    try {
      const left = await asOwner(next.db, (owner) => sql<{ n: number }>`select count(*)::int as n from sensitive_words where scope = 'shop_kept'`.execute(owner));
      assert.equal(left.rows[0]!.n, 0, 'rows are gone');
      assert.ok((await next.db.selectFrom('kefu_migrations').select('version').execute()).length > 0, 'the migrations are kept');
      const { rows } = await sql<{ who: string; probe: string | null }>`select current_user as who, current_setting('kefu.probe', true) as probe`.execute(next.db);
      assert.notEqual(rows[0]!.who, 'postgres', 'not the superuser: row-level security binds');
      assert.ok(!rows[0]!.probe, 'session settings are discarded');
      const is = await identity(next);
      if (typeof was === 'number') assert.ok((is as number) > was, 'the same database, kept');
      else assert.equal(is, was, 'the same schema, kept');
    } finally {
      await next.close();
    }
  });

  test('a role granted to the app role is not handed on (embedded: the server\'s roles are shared)', { skip: pglite.name !== 'pglite' }, async () => {
    const first = await pglite.create();
    await asOwner(first.db, async (owner) => {
      await sql`create role probe_member`.execute(owner);
      const app = (await sql<{ r: string }>`select rolname as r from pg_roles where rolname not like 'pg%' and rolname not in ('postgres', 'probe_member') and not rolsuper`.execute(owner)).rows[0]!.r;
      await sql`grant probe_member to ${sql.id(app)}`.execute(owner);
    });
    await first.close();
    const next = await pglite.create();
    try {
      const { rows } = await asOwner(next.db, (owner) => sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = 'probe_member'`.execute(owner));
      assert.equal(rows[0]!.n, 0, 'a fresh database instead');
    } finally {
      await next.close();
    }
  });

  test('a store whose schema a test changed is not handed on', async () => {
    const first = await pglite.create();
    const before = await conversationColumns(first);
    await asOwner(first.db, (owner) => sql`alter table conversations add column probe int`.execute(owner));
    assert.equal(await conversationColumns(first), before + 1);
    await first.close();
    const next = await pglite.create();
    try {
      assert.equal(await conversationColumns(next), before, 'a fresh database instead');
    } finally {
      await next.close();
    }
  });
});
