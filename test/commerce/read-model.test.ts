import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BUYER_LIST_LIMIT,
  BatchedReadModel,
  CommerceRepository,
  DemoPlatformConnector,
  applyPlatformEvent,
  createBuyerDataSource,
  datasetFromEvents,
  parsePlatformEvent,
  reencryptCommercePii,
  type CommerceReadModel,
  type Order,
  type PlatformConnector,
  type PlatformEventInput,
} from '../../src/commerce/index.ts';
import { DEMO_BUYERS, DEMO_EVENTS, DEMO_SHOP_ID, createDemoConnector, seedDemo } from '../../src/demo/index.ts';
import { PiiError } from '../../src/privacy/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { KEYRING, aftersaleEvent, logisticsEvent, orderEvent } from './fixtures.ts';

const elapsed = async <T>(p: Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await p;
  return [v, performance.now() - t0];
};

for (const factory of SQL_FACTORIES) {
  describe(`commerce read model on ${factory.name}`, { skip: factory.skip }, () => {
    let sql: SqlStore;
    let repo: CommerceRepository;
    const apply = (e: PlatformEventInput) => applyPlatformEvent(sql, KEYRING, parsePlatformEvent(e));

    before(async () => {
      sql = await factory.create();
      repo = new CommerceRepository(sql, KEYRING);
      // Two shops that reuse the same order and user ids: only the pair (shop, user) may match.
      await apply(orderEvent({ shopId: 'shop_a', orderId: 'O1', userId: 'u1', createdAt: '2026-11-01T00:00:00Z' }));
      await apply(orderEvent({ shopId: 'shop_a', orderId: 'O3', userId: 'u1', status: 'paid', createdAt: '2026-11-03T00:00:00Z' }));
      await apply(orderEvent({ shopId: 'shop_a', orderId: 'O2', userId: 'u2', createdAt: '2026-11-02T00:00:00Z' }));
      await apply(orderEvent({ shopId: 'shop_b', orderId: 'O1', userId: 'u1', status: 'delivered' }));
      await apply(logisticsEvent({ shopId: 'shop_a', orderId: 'O1' }));
      await apply(logisticsEvent({ shopId: 'shop_a', orderId: 'O2' }));
      await apply(logisticsEvent({ shopId: 'shop_b', orderId: 'O1', status: 'delivered' }));
      await apply(aftersaleEvent({ shopId: 'shop_a', aftersaleId: 'A1', orderId: 'O1', userId: 'u1', amount: '59.5' }));
      await apply(aftersaleEvent({ shopId: 'shop_a', aftersaleId: 'A2', orderId: 'O2', userId: 'u2' }));
      await apply(aftersaleEvent({ shopId: 'shop_b', aftersaleId: 'A1', orderId: 'O1', userId: 'u1' }));
      await seedDemo(sql, KEYRING);
    });
    after(async () => {
      await sql?.close();
      await dropTestSchemas();
    });

    describe('CommerceRepository', () => {
      test("returns only the buyer's own orders in that shop, newest first, receiver decrypted", async () => {
        const orders = await repo.listOrders('shop_a', 'u1');
        assert.deepEqual(
          orders.map((o) => [o.shopId, o.orderId, o.userId]),
          [
            ['shop_a', 'O3', 'u1'],
            ['shop_a', 'O1', 'u1'],
          ],
        );
        assert.deepEqual(orders[1]!.receiver, { name: '测试用户', phone: '13812345678', address: '浙江省杭州市西湖区文三路100号' });
        assert.equal(orders[1]!.totalAmount, '119.00');
        assert.deepEqual(orders[1]!.items, [{ sku: 'SKU-1', title: '保温杯 500ml', quantity: 2, price: '59.50' }]);
        assert.equal(orders[1]!.createdAt, '2026-11-01T00:00:00.000Z');
        assert.deepEqual(
          (await repo.listOrders('shop_b', 'u1')).map((o) => [o.shopId, o.orderId, o.status]),
          [['shop_b', 'O1', 'delivered']],
        );
        assert.deepEqual(await repo.listOrders('shop_b', 'u2'), []);
        assert.deepEqual(await repo.listOrders('shop_c', 'u1'), []);
      });

      test('after-sales are scoped by shop and user', async () => {
        const a = await repo.listAftersales('shop_a', 'u1');
        assert.deepEqual(
          a.map((x) => [x.shopId, x.aftersaleId, x.amount]),
          [['shop_a', 'A1', '59.50']],
        );
        assert.equal(a[0]!.reason, undefined);
        assert.deepEqual(
          (await repo.listAftersales('shop_b', 'u1')).map((x) => [x.shopId, x.aftersaleId, 'amount' in x]),
          [['shop_b', 'A1', false]],
        );
      });

      test("a buyer cannot reach another buyer's parcel, even by naming the order id", async () => {
        const own = await repo.listBuyerLogistics('shop_a', 'u1');
        assert.deepEqual(
          own.map((l) => [l.shopId, l.orderId]),
          [['shop_a', 'O1']],
        );
        assert.deepEqual(
          own[0]!.events.map((e) => e.time),
          ['2026-11-20T12:00:00.000Z', '2026-11-21T00:00:00.000Z'],
        );
        assert.deepEqual(await repo.listBuyerLogistics('shop_a', 'u1', ['O2']), []);
        assert.deepEqual(await repo.listBuyerLogistics('shop_b', 'u2', ['O1']), []);
        assert.deepEqual(await repo.listBuyerLogistics('shop_a', 'u1', []), []);
        // The shop-scoped lookup never crosses shops.
        const shopOnly = await repo.getLogistics('shop_b', ['O1', 'O2']);
        assert.deepEqual(
          shopOnly.map((l) => [l.shopId, l.orderId, l.status]),
          [['shop_b', 'O1', 'delivered']],
        );
      });

      test('batched lookups (many buyers per query) return exactly what one lookup per buyer returns', async () => {
        const batched = new BatchedReadModel(repo, { maxInFlight: 1 });
        const keys: Array<[string, string]> = [
          ['shop_a', 'u1'],
          ['shop_b', 'u1'],
          ['shop_a', 'u2'],
          ['shop_b', 'u2'],
          ['shop_c', 'u1'],
          ['shop_a', 'u1'],
          ...Object.keys(DEMO_BUYERS).map((b): [string, string] => [DEMO_SHOP_ID, b]),
        ];
        const [orders, logistics, aftersales] = await Promise.all([
          Promise.all(keys.map(([s, u]) => batched.listOrders(s, u))),
          Promise.all(keys.map(([s, u]) => batched.listBuyerLogistics(s, u))),
          Promise.all(keys.map(([s, u]) => batched.listAftersales(s, u))),
        ]);
        for (const [i, [s, u]] of keys.entries()) {
          assert.deepEqual(orders[i], await repo.listOrders(s, u), `orders of ${s}/${u}`);
          assert.deepEqual(logistics[i], await repo.listBuyerLogistics(s, u), `logistics of ${s}/${u}`);
          assert.deepEqual(aftersales[i], await repo.listAftersales(s, u), `after-sales of ${s}/${u}`);
        }
        assert.ok(orders.some((o) => o.length > 1) && orders.some((o) => o.length === 0), 'the fixture has buyers with several orders and with none');
        assert.ok(batched instanceof BatchedReadModel);
        const byIds: Array<[string, string[]]> = [
          ['shop_a', ['O2', 'O1']],
          ['shop_b', ['O1', 'O2']],
          ['shop_a', ['O9']],
          ['shop_a', []],
          ['shop_a', ['O1', 'O2']],
        ];
        const got = await Promise.all(byIds.map(([shop, ids]) => batched.getLogistics(shop, ids)));
        for (const [i, [shop, ids]] of byIds.entries()) assert.deepEqual(got[i], await repo.getLogistics(shop, ids), `logistics of ${shop} ${ids.join(',')}`);
        assert.deepEqual(got[0]!.map((l) => l.orderId), ['O2', 'O1'], 'in the order asked for');
        // Only the order-id filtered lookup bypasses the batch; it still cannot cross buyers.
        assert.deepEqual(await batched.listBuyerLogistics('shop_a', 'u1', ['O2']), []);
      });

      test('batched lookups respect the per-buyer limit', async () => {
        for (let i = 0; i < BUYER_LIST_LIMIT + 3; i++) {
          await apply(orderEvent({ shopId: 'shop_many', orderId: `M${String(i).padStart(3, '0')}`, userId: 'um', createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }));
        }
        await apply(orderEvent({ shopId: 'shop_many', orderId: 'N1', userId: 'un' }));
        const batched = new BatchedReadModel(repo);
        const [many, one] = await Promise.all([batched.listOrders('shop_many', 'um'), batched.listOrders('shop_many', 'un')]);
        assert.equal(many.length, BUYER_LIST_LIMIT);
        assert.equal(many[0]!.orderId, `M${String(BUYER_LIST_LIMIT + 2).padStart(3, '0')}`, 'newest first');
        assert.deepEqual(one.map((o) => o.orderId), ['N1']);
      });

      test('getOrder is shop-scoped', async () => {
        assert.equal((await repo.getOrder('shop_a', 'O2'))?.userId, 'u2');
        assert.equal(await repo.getOrder('shop_b', 'O2'), null);
      });

      test("a receiver token copied into another shop's row does not decrypt", async () => {
        await apply(orderEvent({ shopId: 'shop_x', orderId: 'X1', userId: 'ux' }));
        await apply(orderEvent({ shopId: 'shop_y', orderId: 'Y1', userId: 'uy' }));
        const src = await sql.db.selectFrom('shop_orders').select('receiver_phone_enc').where('shop_id', '=', 'shop_x').executeTakeFirstOrThrow();
        await sql.db.updateTable('shop_orders').set({ receiver_phone_enc: src.receiver_phone_enc }).where('shop_id', '=', 'shop_y').execute();
        await assert.rejects(repo.listOrders('shop_y', 'uy'), (e: unknown) => e instanceof PiiError && e.reason === 'AUTH_FAILED');
        assert.equal((await repo.listOrders('shop_x', 'ux'))[0]!.receiver.phone, '13812345678');
      });

      test('with lazyReceiver the receiver is decrypted on first access only, with the same result and the same failure', async () => {
        await apply(orderEvent({ shopId: 'shop_l', orderId: 'L1', userId: 'ul' }));
        const lazy = new CommerceRepository(sql, KEYRING, { lazyReceiver: true });
        const [o] = await lazy.listOrders('shop_l', 'ul');
        assert.equal(Object.getOwnPropertyDescriptor(o, 'receiver')?.get !== undefined, true, 'not decrypted yet');
        assert.deepEqual(o!.receiver, (await repo.listOrders('shop_l', 'ul'))[0]!.receiver);
        assert.deepEqual(JSON.parse(JSON.stringify(o)).receiver, o!.receiver);
        const src = await sql.db.selectFrom('shop_orders').select('receiver_phone_enc').where('shop_id', '=', 'shop_x').executeTakeFirstOrThrow();
        await sql.db.updateTable('shop_orders').set({ receiver_phone_enc: src.receiver_phone_enc }).where('shop_id', '=', 'shop_l').execute();
        const [bad] = await lazy.listOrders('shop_l', 'ul');
        assert.equal(bad!.status, 'shipped', 'the rest of the order is readable');
        assert.throws(() => bad!.receiver, (e: unknown) => e instanceof PiiError && e.reason === 'AUTH_FAILED');
      });
    });

    describe('seedDemo', () => {
      test('is idempotent and leaves the documented buyers', async () => {
        const before = await sql.db.selectFrom('shop_orders').selectAll().where('shop_id', '=', DEMO_SHOP_ID).orderBy('order_id').execute();
        assert.deepEqual(await seedDemo(sql, KEYRING), { created: false });
        const afterRows = await sql.db.selectFrom('shop_orders').selectAll().where('shop_id', '=', DEMO_SHOP_ID).orderBy('order_id').execute();
        // Re-encryption would change the tokens: equal rows prove nothing was rewritten.
        assert.deepEqual(afterRows, before);
        const events = await sql.db.selectFrom('webhook_events').select('event_id').where('shop_id', '=', DEMO_SHOP_ID).execute();
        assert.equal(events.length, DEMO_EVENTS.length);

        for (const b of Object.values(DEMO_BUYERS)) {
          const orders = await repo.listOrders(DEMO_SHOP_ID, b.id);
          assert.deepEqual(
            orders.map((o) => o.orderId),
            [...b.orderIds],
            b.id,
          );
        }
        const b1 = await repo.listBuyerLogistics(DEMO_SHOP_ID, 'buyer_1');
        assert.equal(b1.length, 1);
        assert.ok(b1[0]!.events.length >= 4 && b1[0]!.events.length <= 5);
        assert.equal((await repo.listOrders(DEMO_SHOP_ID, 'buyer_1'))[0]!.status, 'shipped');
        const b2 = await repo.listOrders(DEMO_SHOP_ID, 'buyer_2');
        assert.deepEqual(b2.map((o) => o.status).sort(), ['delivered', 'shipped', 'shipped']);
        const refund = await repo.listAftersales(DEMO_SHOP_ID, 'buyer_3');
        assert.deepEqual(
          refund.map((a) => [a.type, a.status, a.amount]),
          [['refund', 'approved', '45.90']],
        );
      });
    });

    describe('createBuyerDataSource', () => {
      test('read model only: answers from the read model, nothing unavailable', async () => {
        const ds = createBuyerDataSource({ readModel: repo, budgetMs: 1000 });
        const s = await ds.lookupAll(DEMO_SHOP_ID, 'buyer_2');
        assert.deepEqual(
          s.orders.map((o) => o.orderId),
          [...DEMO_BUYERS.buyer_2.orderIds],
        );
        assert.deepEqual(
          s.logistics.map((l) => l.orderId),
          [...DEMO_BUYERS.buyer_2.orderIds],
        );
        assert.deepEqual(s.unavailable, []);
        assert.deepEqual(await ds.lookupAll(DEMO_SHOP_ID, 'buyer_4'), { orders: [], logistics: [], aftersales: [], unavailable: [] });
      });

      test('a slow connector: returns within the budget and lists the sources it could not check', async () => {
        const connector = createDemoConnector({ delayMs: 5000 });
        const errors: string[] = [];
        const ds = createBuyerDataSource({ readModel: repo, connector, budgetMs: 150, onSourceError: (s) => errors.push(s) });
        const [s, ms] = await elapsed(ds.lookupAll(DEMO_SHOP_ID, DEMO_BUYERS.buyer_1.id));
        assert.ok(ms < 1000, `took ${ms} ms`);
        // Orders and logistics were in the read model; only the empty after-sales list needed the platform.
        assert.deepEqual(s.unavailable, ['aftersales']);
        assert.deepEqual(
          s.orders.map((o) => o.orderId),
          [...DEMO_BUYERS.buyer_1.orderIds],
        );
        assert.equal(s.logistics.length, 1);
        assert.deepEqual(connector.calls, { orders: 0, logistics: 0, aftersales: 1 });
        assert.deepEqual(errors, ['aftersales']);

        const [none, ms4] = await elapsed(ds.lookupAll(DEMO_SHOP_ID, DEMO_BUYERS.buyer_4.id));
        assert.ok(ms4 < 1000, `took ${ms4} ms`);
        // Without the order list, the parcels cannot be vouched for either.
        assert.deepEqual(none.unavailable, ['orders', 'logistics', 'aftersales']);

        await assert.rejects(ds.listOrders(DEMO_SHOP_ID, 'buyer_4'), (e: unknown) => e instanceof KefuError && e.code === 'UNAVAILABLE');
      });

      test('a caller abort ends the lookup early too', async () => {
        const ds = createBuyerDataSource({ readModel: repo, connector: createDemoConnector({ delayMs: 5000 }), budgetMs: 5000 });
        const [s, ms] = await elapsed(ds.lookupAll(DEMO_SHOP_ID, 'buyer_4', AbortSignal.timeout(100)));
        assert.ok(ms < 1000, `took ${ms} ms`);
        assert.deepEqual(s.unavailable, ['orders', 'logistics', 'aftersales']);
      });

      test("the connector fills what the read model lacks: a shipped order's parcel, an unknown buyer's orders", async () => {
        const shopId = 'shop_fill';
        const order = orderEvent({ shopId, orderId: 'F1', userId: 'uf', status: 'shipped' });
        await apply(order);
        const platform = datasetFromEvents(
          [order, logisticsEvent({ shopId, orderId: 'F1', status: 'out_for_delivery' }), orderEvent({ shopId, orderId: 'F9', userId: 'new_buyer', status: 'paid' })].map(parsePlatformEvent),
        );
        const connector = new DemoPlatformConnector({ dataset: platform });
        const ds = createBuyerDataSource({ readModel: repo, connector, budgetMs: 1000 });
        const s = await ds.lookupAll(shopId, 'uf');
        assert.deepEqual(s.unavailable, []);
        assert.deepEqual(
          s.logistics.map((l) => [l.orderId, l.status]),
          [['F1', 'out_for_delivery']],
        );
        assert.equal(connector.calls.orders, 0);
        assert.deepEqual(
          (await ds.getLogistics(shopId, ['F1'])).map((l) => l.status),
          ['out_for_delivery'],
        );
        const fresh = await ds.lookupAll(shopId, 'new_buyer');
        assert.deepEqual(
          fresh.orders.map((o) => o.orderId),
          ['F9'],
        );
      });

      test('a failing connector marks the source unavailable but keeps what the read model had', async () => {
        const shopId = 'shop_fail';
        await apply(orderEvent({ shopId, orderId: 'P1', userId: 'up', status: 'shipped', createdAt: '2026-11-02T00:00:00Z' }));
        await apply(orderEvent({ shopId, orderId: 'P0', userId: 'up', status: 'delivered', createdAt: '2026-11-01T00:00:00Z' }));
        await apply(logisticsEvent({ shopId, orderId: 'P0', status: 'delivered' }));
        const ds = createBuyerDataSource({ readModel: repo, connector: createDemoConnector({ fail: ['logistics', 'aftersales'] }), budgetMs: 1000 });
        const s = await ds.lookupAll(shopId, 'up');
        assert.deepEqual(s.unavailable, ['logistics', 'aftersales']);
        assert.deepEqual(
          s.logistics.map((l) => l.orderId),
          ['P0'],
        );
        await assert.rejects(ds.getLogistics(shopId, ['P1', 'P0']), (e: unknown) => e instanceof KefuError && e.code === 'UNAVAILABLE');
      });

      test("records of other buyers or shops from a misbehaving connector are dropped", async () => {
        const foreign: Order = { ...(await repo.listOrders('shop_a', 'u2'))[0]! };
        const rogue: PlatformConnector = {
          listOrders: async () => [foreign, { ...foreign, shopId: 'shop_z', userId: 'u9' }],
          getLogistics: async () => null,
          listAftersales: async () => [],
        };
        const ds = createBuyerDataSource({ readModel: repo, connector: rogue, budgetMs: 1000 });
        const s = await ds.lookupAll('shop_z', 'nobody');
        assert.deepEqual(s.orders, []);
        assert.deepEqual(s.unavailable, []);
      });

      test('a hanging or failing read model is bounded too', async () => {
        const hanging: CommerceReadModel = {
          listOrders: () => new Promise(() => {}),
          listAftersales: async () => {
            throw new Error('db down');
          },
          getLogistics: () => new Promise(() => {}),
          listBuyerLogistics: () => new Promise(() => {}),
          getOrder: async () => null,
        };
        const ds = createBuyerDataSource({ readModel: hanging, budgetMs: 100 });
        const [s, ms] = await elapsed(ds.lookupAll(DEMO_SHOP_ID, 'buyer_1'));
        assert.ok(ms < 1000, `took ${ms} ms`);
        assert.deepEqual(s.unavailable, ['orders', 'logistics', 'aftersales']);
        // With a connector, the platform answers for a read model that failed fast.
        const down = new Error('db down');
        const failing: CommerceReadModel = {
          listOrders: () => Promise.reject(down),
          listAftersales: () => Promise.reject(down),
          getLogistics: () => Promise.reject(down),
          listBuyerLogistics: () => Promise.reject(down),
          getOrder: () => Promise.reject(down),
        };
        const ds2 = createBuyerDataSource({ readModel: failing, connector: createDemoConnector(), budgetMs: 1000 });
        const s2 = await ds2.lookupAll(DEMO_SHOP_ID, 'buyer_3');
        assert.deepEqual(s2.unavailable, []);
        assert.deepEqual(
          s2.aftersales.map((a) => a.status),
          ['approved'],
        );
        assert.deepEqual(
          s2.logistics.map((l) => l.orderId),
          [...DEMO_BUYERS.buyer_3.orderIds],
        );
      });
    });

    // Last: it moves every row of this store to a new key.
    describe('reencryptCommercePii', () => {
      test('rewrites old-key tokens with the current key, skips undecryptable rows, and is re-runnable', async () => {
        const oldRing = [{ kid: 'old', key: randomBytes(32) }];
        const newRing = [{ kid: 'new', key: randomBytes(32) }, ...oldRing, ...KEYRING];
        for (const id of ['R1', 'R2', 'R3']) await applyPlatformEvent(sql, oldRing, parsePlatformEvent(orderEvent({ shopId: 'shop_rot', orderId: id, userId: 'ur' })));
        // One row of an unknown key: reported, left alone, not retried forever.
        await applyPlatformEvent(sql, [{ kid: 'lost', key: randomBytes(32) }], parsePlatformEvent(orderEvent({ shopId: 'shop_rot', orderId: 'R4', userId: 'ur' })));
        const rotFailures = (x: { failed: { shopId: string; orderId: string }[] }) => x.failed.filter((f) => f.shopId === 'shop_rot').map((f) => f.orderId);
        const r = await reencryptCommercePii(sql, newRing, { batchSize: 2 });
        assert.deepEqual(rotFailures(r), ['R4']);
        assert.equal(r.rewritten, r.scanned - r.failed.length);
        // Every decryptable row of every shop (the seeded ones under KEYRING too) moved to the new key.
        const failedKeys = new Set(r.failed.map((f) => `${f.shopId}/${f.orderId}`));
        const rows = await sql.db.selectFrom('shop_orders').select(['shop_id', 'order_id', 'receiver_phone_enc']).execute();
        assert.ok(rows.length >= 4);
        for (const row of rows) if (!failedKeys.has(`${row.shop_id}/${row.order_id}`)) assert.match(row.receiver_phone_enc, /^v1\.new\./);
        const fresh = new CommerceRepository(sql, [newRing[0]!]);
        const orders = await fresh.listOrders('shop_rot', 'ur').catch((e: unknown) => e);
        assert.ok(orders instanceof PiiError, 'R4 still needs the lost key');
        assert.equal((await fresh.getOrder('shop_rot', 'R1'))?.receiver.phone, '13812345678');
        const again = await reencryptCommercePii(sql, newRing);
        assert.equal(again.rewritten, 0);
        assert.deepEqual(rotFailures(again), ['R4']);
      });
    });
  });
}
