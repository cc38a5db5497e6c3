/**
 * Migration 015 (parcels keyed by tracking number) on a read model that already holds parcels:
 * every row stays, with its order's first parcel now one of possibly several, on every adapter.
 * The schema is migrated up to 014 first, as a running install was, in a schema of its own.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { acrossMigration, asSystem } from './support.ts';

after(dropTestSchemas);

/** A parcel row as the webhook wrote it before 015 (one per order). */
const parcel = (orderId: string, trackingNo: string) =>
  sql`insert into shop_logistics (shop_id, order_id, carrier, tracking_no, status, events, updated_at, last_event_id)
    values ('shop_m', ${orderId}, '京东物流', ${trackingNo}, 'in_transit', '[]'::jsonb, '2026-11-21T10:00:00Z', ${`e_${trackingNo}`})`;

for (const f of SQL_FACTORIES) {
  describe(`migration 015 on ${f.name}`, { skip: f.skip }, () => {
    test('existing parcels are kept; an order may then hold a parcel per tracking number', async () => {
      await acrossMigration(
        f,
        'parcels_by_tracking_no',
        async (tx) => {
          await parcel('O1', 'JD0088112233').execute(tx);
          await parcel('O2', 'SF1').execute(tx);
        },
        (owner) =>
          asSystem(owner, async (tx) => {
            // The split shipment's second parcel: a row of its own, no longer a conflict with the first.
            await parcel('O1', 'JD0088112299').execute(tx);
            const rows = await sql<{ order_id: string; tracking_no: string; removed: boolean; first: boolean }>`
              select order_id, tracking_no, removed, first_stored_at is not null as first from shop_logistics order by order_id, tracking_no`.execute(tx);
            assert.deepEqual(rows.rows, [
              { order_id: 'O1', tracking_no: 'JD0088112233', removed: false, first: true },
              { order_id: 'O1', tracking_no: 'JD0088112299', removed: false, first: true },
              { order_id: 'O2', tracking_no: 'SF1', removed: false, first: true },
            ]);
            const key = await sql<{ def: string }>`select pg_get_constraintdef(c.oid) as def from pg_constraint c
              where c.conrelid = 'shop_logistics'::regclass and c.contype = 'p'`.execute(tx);
            assert.deepEqual(key.rows, [{ def: 'PRIMARY KEY (shop_id, order_id, tracking_no)' }]);
          }),
      );
    });
  });
}
