// Contract suite of the SqlStore port (src/storage/ports.ts), run against every adapter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { isUniqueViolation, type SqlStore } from '../../src/storage/ports.ts';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';

after(dropTestSchemas);

for (const f of SQL_FACTORIES) {
  describe(`SqlStore contract: ${f.name}`, { skip: f.skip }, () => {
    let s: SqlStore;
    before(async () => {
      s = await f.create();
    });
    after(() => s?.close());

    const conv = (id: string) => ({ id, shop_id: 'shop_a', buyer_id: `b_${id}`, buyer_name: null, state: 'bot' as const, agent_id: null, last_seq: 0 });

    test('migrations are recorded once and re-running applies nothing', async () => {
      const rows = await s.db.selectFrom('kefu_migrations').select(['version', 'name']).orderBy('version').execute();
      assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
      assert.deepEqual(await s.migrate(), { applied: [] });
    });

    test('a transaction that throws leaves no write behind', async () => {
      await assert.rejects(
        s.transaction(async (tx) => {
          await tx.insertInto('conversations').values(conv('c_rollback')).execute();
          throw new Error('boom');
        }),
        /boom/,
      );
      const row = await s.db.selectFrom('conversations').select('id').where('id', '=', 'c_rollback').executeTakeFirst();
      assert.equal(row, undefined);
    });

    test('a committed transaction is visible afterwards', async () => {
      await s.transaction(async (tx) => {
        await tx.insertInto('conversations').values(conv('c_commit')).execute();
      });
      const row = await s.db.selectFrom('conversations').select(['id', 'last_seq']).where('id', '=', 'c_commit').executeTakeFirstOrThrow();
      assert.equal(row.last_seq, 0);
      assert.equal(typeof row.last_seq, 'number', 'int8 columns read as numbers on every adapter');
    });

    test('unique violations are recognisable on every adapter', async () => {
      await s.db.insertInto('conversations').values(conv('c_dup')).execute();
      const err = await s.db.insertInto('conversations').values(conv('c_dup')).execute().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err, 'second insert must fail');
      assert.equal(isUniqueViolation(err), true);
      assert.equal(isUniqueViolation(new Error('other')), false);
    });

    test('statements outside a transaction wait for it instead of joining it', async () => {
      let releaseTx!: () => void;
      const gate = new Promise<void>((r) => (releaseTx = r));
      const tx = s.transaction(async (t) => {
        await t.insertInto('conversations').values(conv('c_iso')).execute();
        await gate;
        throw new Error('rollback on purpose');
      });
      // Give the transaction time to start and insert.
      await new Promise((r) => setTimeout(r, 50));
      const outside = s.db.insertInto('conversations').values(conv('c_outside')).execute();
      releaseTx();
      await assert.rejects(tx, /rollback on purpose/);
      await outside;
      const ids = (await s.db.selectFrom('conversations').select('id').where('id', 'in', ['c_iso', 'c_outside']).execute()).map((r) => r.id);
      assert.deepEqual(ids, ['c_outside'], 'the outside write survives the rollback, the inside one does not');
    });

    test('jsonb round-trips objects and timestamps come back as Date', async () => {
      await s.db.insertInto('conversations').values(conv('c_json')).execute();
      await s.db
        .insertInto('messages')
        .values({ conversation_id: 'c_json', seq: 1, shop_id: 'shop_a', sender_role: 'customer', sender_id: 'b', sender_name: null, client_msg_id: 'm1', content: JSON.stringify({ kind: 'text', text: '你好 😀' }) })
        .execute();
      const m = await s.db.selectFrom('messages').selectAll().where('conversation_id', '=', 'c_json').executeTakeFirstOrThrow();
      assert.deepEqual(m.content, { kind: 'text', text: '你好 😀' });
      assert.ok(m.created_at instanceof Date);
    });

    test('ping answers', async () => {
      await s.ping();
      const r = await sql<{ one: number }>`select 1::int as one`.execute(s.db);
      assert.equal(r.rows[0]?.one, 1);
    });
  });
}
