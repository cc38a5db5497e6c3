/**
 * Migration 017 (an order's terms) on a read model that already holds orders: every row stays,
 * with no terms (NULL), and takes them from the next event, on every adapter. The schema is
 * migrated up to 016 first, as a running install was, in a schema of its own.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { acrossMigration, asSystem } from './support.ts';

after(dropTestSchemas);

/** An order row as the webhook wrote it before 017. */
const order = (orderId: string) =>
  sql`insert into shop_orders (shop_id, order_id, user_id, status, items, total_amount, currency, receiver_name_enc, receiver_phone_enc, receiver_address_enc, created_at, updated_at, last_event_id)
    values ('shop_m', ${orderId}, 'u1', 'paid', '[]'::jsonb, 9.90, 'CNY', 'n', 'p', 'a', '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z', ${`e_${orderId}`})`;

for (const f of SQL_FACTORIES) {
  describe(`migration 017 on ${f.name}`, { skip: f.skip }, () => {
    test('existing orders are kept, with no terms; the columns take a time and a text', async () => {
      await acrossMigration(
        f,
        'order_terms',
        async (tx) => {
          await order('O1').execute(tx);
        },
        async (owner) => {
          await asSystem(owner, async (tx) => {
            const kept = await tx.selectFrom('shop_orders').select(['order_id', 'status', 'ship_by', 'pay_by', 'cancel_reason']).execute();
            assert.deepEqual(kept, [{ order_id: 'O1', status: 'paid', ship_by: null, pay_by: null, cancel_reason: null }]);
            await tx.updateTable('shop_orders').set({ ship_by: '2026-12-15T18:00:00+08:00', cancel_reason: 'out of stock' }).where('order_id', '=', 'O1').execute();
            const row = await tx.selectFrom('shop_orders').select(['ship_by', 'pay_by', 'cancel_reason']).executeTakeFirstOrThrow();
            assert.deepEqual([row.ship_by?.toISOString(), row.pay_by, row.cancel_reason], ['2026-12-15T10:00:00.000Z', null, 'out of stock']);
          });
          const columns = await sql<{ column_name: string; data_type: string; is_nullable: string }>`select column_name, data_type, is_nullable from information_schema.columns
            where table_schema = current_schema() and table_name = 'shop_orders' and column_name in ('ship_by', 'pay_by', 'cancel_reason') order by column_name`.execute(owner);
          assert.deepEqual(columns.rows, [
            { column_name: 'cancel_reason', data_type: 'text', is_nullable: 'YES' },
            { column_name: 'pay_by', data_type: 'timestamp with time zone', is_nullable: 'YES' },
            { column_name: 'ship_by', data_type: 'timestamp with time zone', is_nullable: 'YES' },
          ]);
        },
      );
    });
  });
}
