/**
 * Row-level security (migration 011, storage/scope.ts): the second wall between shops, under
 * the code's own shop checks. On every adapter the app runs as a role the policies bind (the
 * embedded store switches to it after migrating; on PostgreSQL the tests connect as a login role
 * that is neither owner nor superuser, as production should).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { SQL_FACTORIES, appRoleUrl, dropTestSchemas, PG_URL, TEST_APP_ROLE } from '../support/services.ts';
import { asSystem, inScope } from '../../src/storage/scope.ts';
import { rowSecurity } from '../../src/storage/keys.ts';
import type { SqlStore } from '../../src/storage/ports.ts';

after(dropTestSchemas);

/** Tables the policies must cover: those with shop_id, plus the scope-keyed and read-mark tables. */
async function shopTables(s: SqlStore): Promise<string[]> {
  const { rows } = await sql<{ t: string }>`
    select distinct c.table_name as t from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = current_schema() and tb.table_type = 'BASE TABLE'
      and (c.column_name = 'shop_id' or c.table_name in ('sensitive_words', 'knowledge_versions', 'conversation_reads'))
    order by 1`.execute(s.db);
  return rows.map((r) => r.t);
}

async function seed(s: SqlStore): Promise<void> {
  await asSystem(() =>
    s.transaction(async (tx) => {
      for (const shop of ['shop_a', 'shop_b']) {
        await tx.insertInto('conversations').values({ id: `c_${shop}`, shop_id: shop, buyer_id: 'buyer_1', state: 'bot', last_seq: 1 }).execute();
        await tx.insertInto('messages').values({ conversation_id: `c_${shop}`, seq: 1, shop_id: shop, sender_role: 'customer', sender_id: 'buyer_1', content: JSON.stringify({ text: `hello ${shop}` }) }).execute();
        await tx.insertInto('faq_entries').values({ id: `f_${shop}`, shop_id: shop, question: 'q', answer: 'a', alternates: '[]', created_at: new Date(), updated_at: new Date() }).execute();
        await sql`insert into sensitive_words (scope, word) values (${shop}, ${`word_${shop}`})`.execute(tx);
        await sql`insert into conversation_reads (conversation_id, user_id, seq) values (${`c_${shop}`}, 'buyer_1', 1)`.execute(tx);
        await sql`insert into shop_settings (shop_id, time_zone, updated_by) values (${shop}, 'Asia/Singapore', 'admin')`.execute(tx);
      }
      await sql`insert into sensitive_words (scope, word) values (${rowSecurity.system}, 'global_word')`.execute(tx);
    }),
  );
}

/** Rows of a table that belong to a shop (the global word list is the operator's, readable by all). */
const shopRowsSql = (t: string) => (['sensitive_words', 'knowledge_versions'].includes(t) ? `select count(*)::int as n from "${t}" where scope <> '${rowSecurity.system}'` : `select count(*)::int as n from "${t}"`);

const ids = async (s: SqlStore, table: 'conversations' | 'messages' | 'faq_entries') => (await s.db.selectFrom(table).select('shop_id').execute()).map((r) => r.shop_id).sort();

for (const f of SQL_FACTORIES) {
  describe(`row-level security on ${f.name}`, { skip: f.skip }, () => {
    let s: SqlStore;
    before(async () => {
      s = await f.create();
      await seed(s);
    });
    after(() => s?.close());

    test('every shop table has row-level security enabled and forced, with the policy', async () => {
      const tables = await shopTables(s);
      assert.ok(tables.length >= 20, `found ${tables.length} tables`);
      const { rows } = await sql<{ t: string; on: boolean; forced: boolean; policies: number }>`
        select c.relname as t, c.relrowsecurity as on, c.relforcerowsecurity as forced,
          (select count(*)::int from pg_policies p where p.schemaname = current_schema() and p.tablename = c.relname and p.policyname = ${rowSecurity.policy}) as policies
        from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'`.execute(s.db);
      const by = new Map(rows.map((r) => [r.t, r]));
      for (const t of tables) assert.deepEqual([t, by.get(t)?.on, by.get(t)?.forced, by.get(t)?.policies], [t, true, true, 1]);
    });

    test('the app runs as a role the policies bind: not superuser, not BYPASSRLS, not the owner', async () => {
      const { rows } = await sql<{ su: boolean; bypass: boolean; owns: number }>`
        select r.rolsuper as su, r.rolbypassrls as bypass,
          (select count(*)::int from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relowner = r.oid) as owns
        from pg_roles r where r.rolname = current_user`.execute(s.db);
      assert.deepEqual(rows[0], { su: false, bypass: false, owns: 0 });
    });

    test("a shop's scope sees its own rows only, and the global word list", async () => {
      assert.deepEqual(await inScope(() => ids(s, 'conversations'), 'shop_b'), ['shop_b']);
      assert.deepEqual(await inScope(() => ids(s, 'messages'), 'shop_b'), ['shop_b']);
      assert.deepEqual(await inScope(() => ids(s, 'faq_entries'), 'shop_a'), ['shop_a']);
      const words = await inScope(async () => (await sql<{ word: string }>`select word from sensitive_words order by word`.execute(s.db)).rows.map((r) => r.word), 'shop_b');
      assert.deepEqual(words, ['global_word', 'word_shop_b']);
      const reads = await inScope(async () => (await sql<{ c: string }>`select conversation_id as c from conversation_reads`.execute(s.db)).rows.map((r) => r.c), 'shop_a');
      assert.deepEqual(reads, ['c_shop_a']);
      assert.deepEqual(await ids(s, 'conversations'), ['shop_a', 'shop_b'], 'the system scope sees every shop');
    });

    test("a shop's scope can neither write another shop's rows nor change them", async () => {
      await inScope(async () => {
        await assert.rejects(s.db.insertInto('faq_entries').values({ id: 'f_sneaky', shop_id: 'shop_a', question: 'q', answer: 'a', alternates: '[]', created_at: new Date(), updated_at: new Date() }).execute(), (e) => (e as { code?: string }).code === '42501');
        const upd = await s.db.updateTable('faq_entries').set({ answer: 'changed' }).where('id', '=', 'f_shop_a').executeTakeFirst();
        assert.equal(Number(upd.numUpdatedRows), 0);
        const del = await s.db.deleteFrom('messages').where('conversation_id', '=', 'c_shop_a').executeTakeFirst();
        assert.equal(Number(del.numDeletedRows), 0);
        await assert.rejects(sql`insert into sensitive_words (scope, word) values (${rowSecurity.system}, 'planted')`.execute(s.db), (e) => (e as { code?: string }).code === '42501');
        // A shop's time zone is its own: another shop's can be neither read nor set (twenty-third session).
        assert.deepEqual((await sql<{ shop_id: string }>`select shop_id from shop_settings`.execute(s.db)).rows.map((r) => r.shop_id), ['shop_b']);
        const zone = await sql`update shop_settings set time_zone = 'UTC' where shop_id = 'shop_a'`.execute(s.db);
        assert.equal(Number(zone.numAffectedRows ?? 0), 0);
        await assert.rejects(sql`insert into shop_settings (shop_id, time_zone, updated_by) values ('shop_c', 'UTC', 'x')`.execute(s.db), (e) => (e as { code?: string }).code === '42501');
      }, 'shop_b');
      assert.equal((await sql<{ time_zone: string }>`select time_zone from shop_settings where shop_id = 'shop_a'`.execute(s.db)).rows[0]?.time_zone, 'Asia/Singapore');
      const a = await s.db.selectFrom('faq_entries').select('answer').where('id', '=', 'f_shop_a').executeTakeFirstOrThrow();
      assert.equal(a.answer, 'a');
      assert.equal((await ids(s, 'messages')).length, 2);
    });

    test('the scope follows every checkout: alternating shops, transactions and rollbacks never leak into the next', async () => {
      const rollback = new Error('rollback');
      for (let i = 0; i < 24; i++) {
        const shop = i % 2 ? 'shop_a' : 'shop_b';
        assert.deepEqual(await inScope(() => ids(s, 'conversations'), shop), [shop], `lone statement ${i}`);
        const inTx = inScope(
          () =>
            s.transaction(async (tx) => {
              assert.deepEqual((await tx.selectFrom('messages').select('shop_id').execute()).map((r) => r.shop_id), [shop], `transaction ${i}`);
              if (i % 3 === 0) throw rollback;
            }),
          shop,
        );
        await inTx.catch((e: unknown) => assert.equal(e, rollback));
        assert.deepEqual(await ids(s, 'conversations'), ['shop_a', 'shop_b'], `system after ${i}`);
      }
      // Concurrent checkouts of different scopes on one small pool.
      const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? ids(s, 'faq_entries') : inScope(() => ids(s, 'faq_entries'), i % 3 ? 'shop_a' : 'shop_b'))));
      seen.forEach((got, i) => assert.deepEqual(got, i % 3 === 2 ? ['shop_a', 'shop_b'] : [i % 3 ? 'shop_a' : 'shop_b'], `concurrent ${i}`));
    });

    test('a session that never set a shop reads zero rows from every shop table', async () => {
      const tables = await shopTables(s);
      const counts = await s.transaction(async (tx) => {
        // What a connection of the app role sees before kefu's driver sets the scope.
        await sql`select set_config(${rowSecurity.setting}, '', true)`.execute(tx);
        const out: Record<string, number> = {};
        for (const t of tables) out[t] = Number((await sql<{ n: number }>`${sql.raw(shopRowsSql(t))}`.execute(tx)).rows[0]!.n);
        return out;
      });
      assert.ok(Object.keys(counts).length >= 20);
      for (const [t, n] of Object.entries(counts)) assert.equal(n, 0, t);
    });
  });
}

describe('row-level security: a raw connection of the app role', { skip: PG_URL ? false : 'real PostgreSQL not available' }, () => {
  test('connected as the app role with no shop set, every shop table reads zero rows though they hold data', async () => {
    const s = await SQL_FACTORIES.find((x) => x.name === 'postgres')!.create();
    await seed(s);
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(s.db)).rows[0]!.s;
    const tables = await shopTables(s);
    // The store stays open: closing a test store empties its schema for the next (test/support/services.ts).
    const c = new pg.Client({ connectionString: await appRoleUrl(), options: `-c search_path="${schema}"` });
    await c.connect();
    try {
      assert.equal((await c.query('select current_user as u')).rows[0].u, TEST_APP_ROLE);
      for (const t of tables) assert.equal((await c.query(shopRowsSql(t))).rows[0].n, 0, t);
      // The same connection, once it names a shop, sees that shop's seeded rows: the zero above was the policy.
      await c.query(`select set_config($1, 'shop_a', false)`, [rowSecurity.setting]);
      assert.equal((await c.query('select count(*)::int as n from conversations')).rows[0].n, 1);
    } finally {
      await c.end();
      await s.close();
    }
  });
});
