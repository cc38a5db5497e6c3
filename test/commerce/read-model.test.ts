import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  BUYER_LIST_LIMIT,
  BatchedReadModel,
  CommerceRepository,
  OrdersMemo,
  changeOfEvent,
  DemoPlatformConnector,
  applyPlatformEvent,
  createBuyerDataSource,
  datasetFromEvents,
  parsePlatformEvent,
  reencryptCommercePii,
  type ApplyResult,
  type Order,
  type PlatformConnector,
  type PlatformEventInput,
} from '../../src/commerce/index.ts';
import { DEMO_BUYERS, DEMO_EVENTS, DEMO_SHOP_ID, createDemoConnector, seedDemo } from '../../src/demo/index.ts';
import { PiiError } from '../../src/privacy/index.ts';
import { PARCEL_MEMO_MS } from '../../src/commerce/read-model.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { KEYRING, aftersaleEvent, logisticsEvent, logisticsRemovedEvent, orderEvent } from './fixtures.ts';

const elapsed = async <T>(p: Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await p;
  return [v, performance.now() - t0];
};

const isUnavailable = (e: unknown) => e instanceof KefuError && e.code === 'UNAVAILABLE';

/** One suite's store and repository, filled in by its `before`. */
interface Fixture {
  sql: SqlStore;
  repo: CommerceRepository;
  apply(e: PlatformEventInput): Promise<ApplyResult>;
}

for (const factory of SQL_FACTORIES) {
  describe(`commerce read model on ${factory.name}`, { skip: factory.skip }, () => {
    const f = { apply: (e: PlatformEventInput) => applyPlatformEvent(f.sql, KEYRING, parsePlatformEvent(e)) } as Fixture;

    before(async () => {
      f.sql = await factory.create();
      f.repo = new CommerceRepository(f.sql, KEYRING);
      await seed(f);
    });
    after(async () => {
      await f.sql?.close();
      await dropTestSchemas();
    });

    describe('CommerceRepository', () => {
      scopingTests(f);
      batchingTests(f);
      splitShipmentTests(f);
      receiverTests(f);
      orderTermsTests(f);
    });
    describe('seedDemo', () => seedDemoTests(f));
    describe('createBuyerDataSource', () => {
      readModelFirstTests(f);
      degradedSourceTests(f);
    });
    // Last: it moves every row of this store to a new key.
    describe('reencryptCommercePii', () => rotationTests(f));
  });
}

/** Two shops that reuse the same order and user ids: only the pair (shop, user) may match. And the demo shop. */
async function seed({ sql, apply }: Fixture): Promise<void> {
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
}

function scopingTests(f: Fixture): void {
  test("returns only the buyer's own orders in that shop, newest first, receiver decrypted", async () => {
    const orders = await f.repo.listOrders('shop_a', 'u1');
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
      (await f.repo.listOrders('shop_b', 'u1')).map((o) => [o.shopId, o.orderId, o.status]),
      [['shop_b', 'O1', 'delivered']],
    );
    assert.deepEqual(await f.repo.listOrders('shop_b', 'u2'), []);
    assert.deepEqual(await f.repo.listOrders('shop_c', 'u1'), []);
  });

  test('after-sales are scoped by shop and user', async () => {
    const a = await f.repo.listAftersales('shop_a', 'u1');
    assert.deepEqual(
      a.map((x) => [x.shopId, x.aftersaleId, x.amount]),
      [['shop_a', 'A1', '59.50']],
    );
    assert.equal(a[0]!.reason, undefined);
    assert.deepEqual(
      (await f.repo.listAftersales('shop_b', 'u1')).map((x) => [x.shopId, x.aftersaleId, 'amount' in x]),
      [['shop_b', 'A1', false]],
    );
  });

  test('logistics by order id never cross shops; events come oldest first', async () => {
    const own = await f.repo.getLogistics('shop_a', ['O1']);
    assert.deepEqual(
      own[0]!.events.map((e) => e.time),
      ['2026-11-20T12:00:00.000Z', '2026-11-21T00:00:00.000Z'],
    );
    assert.deepEqual(await f.repo.getLogistics('shop_a', []), []);
    const shopOnly = await f.repo.getLogistics('shop_b', ['O1', 'O2']);
    assert.deepEqual(
      shopOnly.map((l) => [l.shopId, l.orderId, l.status]),
      [['shop_b', 'O1', 'delivered']],
    );
  });

  test('getOrder is shop-scoped', async () => {
    assert.equal((await f.repo.getOrder('shop_a', 'O2'))?.userId, 'u2');
    assert.equal(await f.repo.getOrder('shop_b', 'O2'), null);
  });
}

function batchingTests(f: Fixture): void {
  test('batched lookups (many buyers per query) return exactly what one lookup per buyer returns', async () => {
    const { repo } = f;
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
    const [orders, aftersales] = await Promise.all([Promise.all(keys.map(([s, u]) => batched.listOrders(s, u))), Promise.all(keys.map(([s, u]) => batched.listAftersales(s, u)))]);
    for (const [i, [s, u]] of keys.entries()) {
      assert.deepEqual(orders[i], await repo.listOrders(s, u), `orders of ${s}/${u}`);
      assert.deepEqual(aftersales[i], await repo.listAftersales(s, u), `after-sales of ${s}/${u}`);
    }
    assert.ok(orders.some((o) => o.length > 1) && orders.some((o) => o.length === 0), 'the fixture has buyers with several orders and with none');
    const byIds: Array<[string, string[]]> = [
      ['shop_a', ['O2', 'O1']],
      ['shop_b', ['O1', 'O2']],
      ['shop_a', ['O9']],
      ['shop_a', []],
      ['shop_a', ['O1', 'O2']],
      [DEMO_SHOP_ID, [...DEMO_BUYERS.buyer_2.orderIds]],
    ];
    const got = await Promise.all(byIds.map(([shop, ids]) => batched.getLogistics(shop, ids)));
    for (const [i, [shop, ids]] of byIds.entries()) assert.deepEqual(got[i], await repo.getLogistics(shop, ids), `logistics of ${shop} ${ids.join(',')}`);
    assert.deepEqual(got[0]!.map((l) => l.orderId), ['O2', 'O1'], 'in the order asked for');
  });

  test("a buyer's parcels come with their orders: the turn's logistics lookup that follows runs no query of its own", async () => {
    const { repo, apply } = f;
    const batched = new BatchedReadModel(repo, { maxInFlight: 1 });
    let queries = 0;
    const own = repo.getLogisticsMany.bind(repo);
    repo.getLogisticsMany = (reqs) => {
      queries++;
      return own(reqs);
    };
    try {
      for (const [shop, user] of [['shop_a', 'u1'], [DEMO_SHOP_ID, 'buyer_2'], ['shop_c', 'nobody']] as const) {
        const ids = (await batched.listOrders(shop, user)).map((o) => o.orderId);
        const got = await batched.getLogistics(shop, ids);
        assert.deepEqual(got, await repo.getLogistics(shop, ids), `parcels of ${shop}/${user}, as a query of their own returns them`);
      }
      assert.equal(queries, 0, 'answered from the orders just read');
      // Asked beside the order list (the robot's parcels of an order it already knows): waits for that list.
      const fresh2 = new BatchedReadModel(repo);
      const [list, beside] = await Promise.all([fresh2.listOrders(DEMO_SHOP_ID, 'buyer_2'), fresh2.getLogistics(DEMO_SHOP_ID, [...DEMO_BUYERS.buyer_2.orderIds])]);
      assert.ok(list.length > 0);
      assert.deepEqual(beside, await repo.getLogistics(DEMO_SHOP_ID, [...DEMO_BUYERS.buyer_2.orderIds]));
      assert.equal(queries, 0, 'no query beside the order list');
      await batched.getLogistics('shop_a', ['O9']);
      assert.equal(queries, 1, 'an order not read with its buyer is looked up');
      // Another shop's order of the same id is never answered from this shop's read.
      await batched.getLogistics('shop_b', ['O1']);
      assert.equal(queries, 2);
      // Later than PARCEL_MEMO_MS, an update is seen: the parcel is read again.
      const ids = (await batched.listOrders('shop_a', 'u1')).map((o) => o.orderId);
      await apply(logisticsEvent({ shopId: 'shop_a', orderId: ids[0]!, status: 'delivered', updatedAt: new Date(Date.now() + 60_000).toISOString() }));
      await new Promise((r) => setTimeout(r, PARCEL_MEMO_MS + 50));
      const fresh = await batched.getLogistics('shop_a', [ids[0]!]);
      assert.equal(queries, 3);
      assert.equal(fresh[0]!.status, 'delivered');
    } finally {
      delete (repo as { getLogisticsMany?: unknown }).getLogisticsMany;
    }
  });

  test('with a memo, a buyer’s later turns run no query until a change to their records is announced', async () => {
    const { repo, apply } = f;
    const batched = new BatchedReadModel(repo, { memo: new OrdersMemo() });
    let reads = 0;
    const own = repo.listOrdersWithParcelsMany.bind(repo);
    repo.listOrdersWithParcelsMany = (keys) => {
      reads++;
      return own(keys);
    };
    const announce = async (e: PlatformEventInput) => {
      const event = parsePlatformEvent(e);
      assert.equal((await applyPlatformEvent(f.sql, KEYRING, event)).applied, true);
      batched.changed(changeOfEvent(event)!);
    };
    try {
      await apply(orderEvent({ shopId: 'shop_m', orderId: 'M1', userId: 'um1' }));
      const first = await batched.listOrders('shop_m', 'um1');
      first.pop(); // a caller's change to its list is its own
      assert.deepEqual((await batched.listOrders('shop_m', 'um1')).map((o) => o.orderId), ['M1']);
      assert.equal(reads, 1);
      await announce(logisticsEvent({ shopId: 'shop_m', orderId: 'M1', status: 'delivered', updatedAt: new Date(Date.now() + 60_000).toISOString() }));
      const ids = (await batched.listOrders('shop_m', 'um1')).map((o) => o.orderId);
      assert.equal(reads, 2, 'read again after the parcel changed');
      assert.equal((await batched.getLogistics('shop_m', ids))[0]!.status, 'delivered');
      await announce(orderEvent({ shopId: 'shop_m', orderId: 'M2', userId: 'um1', createdAt: new Date().toISOString() }));
      assert.deepEqual((await batched.listOrders('shop_m', 'um1')).map((o) => o.orderId), ['M2', 'M1'], 'a new order of the buyer');
      assert.equal(reads, 3);
      // A change announced while a read is in flight: that read answers its caller, and is not kept.
      await apply(orderEvent({ shopId: 'shop_m', orderId: 'M3', userId: 'um2' }));
      const inFlight = batched.listOrders('shop_m', 'um2');
      batched.changed({ shopId: 'shop_m', userId: 'someone_else' });
      assert.deepEqual((await inFlight).map((o) => o.orderId), ['M3']);
      await batched.listOrders('shop_m', 'um2');
      assert.equal(reads, 5, 'the read that saw a change was not kept');
      await batched.listOrders('shop_m', 'um1');
      assert.equal(reads, 5, 'a change of another buyer leaves this one');
      batched.forgetAll();
      await batched.listOrders('shop_m', 'um1');
      assert.equal(reads, 6);
    } finally {
      delete (repo as { listOrdersWithParcelsMany?: unknown }).listOrdersWithParcelsMany;
    }
  });

  test('batched lookups respect the per-buyer limit', async () => {
    for (let i = 0; i < BUYER_LIST_LIMIT + 3; i++) {
      await f.apply(orderEvent({ shopId: 'shop_many', orderId: `M${String(i).padStart(3, '0')}`, userId: 'um', createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }));
    }
    await f.apply(orderEvent({ shopId: 'shop_many', orderId: 'N1', userId: 'un' }));
    const batched = new BatchedReadModel(f.repo);
    const [many, one] = await Promise.all([batched.listOrders('shop_many', 'um'), batched.listOrders('shop_many', 'un')]);
    assert.equal(many.length, BUYER_LIST_LIMIT);
    assert.equal(many[0]!.orderId, `M${String(BUYER_LIST_LIMIT + 2).padStart(3, '0')}`, 'newest first');
    assert.deepEqual(one.map((o) => o.orderId), ['N1']);
  });
}

/**
 * One buyer's three orders in shop_s: S1 shipped as three parcels (the tablet, then the case and
 * charger, then a late cable whose tracking number sorts first) plus one sent by mistake and
 * withdrawn; S2 with one parcel; S3 with none.
 */
async function seedSplit({ apply }: Fixture): Promise<void> {
  const shopId = 'shop_s';
  await apply(orderEvent({ shopId, orderId: 'S1', userId: 'us', createdAt: '2026-11-01T00:00:00Z' }));
  await apply(orderEvent({ shopId, orderId: 'S2', userId: 'us', createdAt: '2026-11-02T00:00:00Z' }));
  await apply(orderEvent({ shopId, orderId: 'S3', userId: 'us', status: 'paid', createdAt: '2026-11-03T00:00:00Z' }));
  await apply(logisticsEvent({ shopId, orderId: 'S1', carrier: '京东物流', trackingNo: 'JD0088112233' }));
  await apply(logisticsEvent({ shopId, orderId: 'S1', carrier: '京东物流', trackingNo: 'JD0088112299', status: 'pending' }));
  await apply(logisticsEvent({ shopId, orderId: 'S1', carrier: '京东物流', trackingNo: 'JD9999999999' }));
  await apply(logisticsRemovedEvent({ shopId, orderId: 'S1', trackingNo: 'JD9999999999', updatedAt: '2026-11-21T11:00:00Z' }));
  await apply(logisticsEvent({ shopId, orderId: 'S1', carrier: '顺丰速运', trackingNo: 'AB0001' }));
  await apply(logisticsEvent({ shopId, orderId: 'S2', trackingNo: 'SF9' }));
  // A later event of the first parcel does not move it.
  await apply(logisticsEvent({ shopId, orderId: 'S1', carrier: '京东物流', trackingNo: 'JD0088112233', status: 'delivered', updatedAt: '2026-11-23T10:00:00Z' }));
}

const S1_PARCELS = ['S1:JD0088112233:delivered', 'S1:JD0088112299:pending', 'S1:AB0001:in_transit'];
const named = (list: readonly { orderId: string; trackingNo: string; status: string }[]) => list.map((l) => `${l.orderId}:${l.trackingNo}:${l.status}`);

function splitShipmentTests(f: Fixture): void {
  before(() => seedSplit(f));

  test('an order shipped in several parcels: every read returns each, first stored first, the withdrawn one never', async () => {
    const { repo } = f;
    assert.deepEqual(named(await repo.getLogistics('shop_s', ['S1'])), S1_PARCELS);
    assert.deepEqual(named(await repo.getLogistics('shop_s', ['S2', 'S3', 'S1', 'S2'])), ['S2:SF9:in_transit', ...S1_PARCELS], 'grouped in the order asked for');
    const reqs = [
      { shopId: 'shop_s', orderIds: ['S1'] },
      { shopId: 'shop_s', orderIds: ['S2', 'S1'] },
      { shopId: 'shop_a', orderIds: ['O1'] },
      { shopId: 'shop_s', orderIds: ['S3'] },
    ];
    const many = await repo.getLogisticsMany(reqs);
    for (const [i, q] of reqs.entries()) assert.deepEqual(many[i], await repo.getLogistics(q.shopId, q.orderIds), `batched ${q.orderIds.join(',')}`);
    assert.deepEqual(named(many[1]!), ['S2:SF9:in_transit', ...S1_PARCELS]);
  });

  test('orders read with their parcels: each order once, with all its parcels', async () => {
    const { repo } = f;
    const [mine, other] = await repo.listOrdersWithParcelsMany([
      { shopId: 'shop_s', userId: 'us' },
      { shopId: 'shop_a', userId: 'u1' },
    ]);
    assert.deepEqual(mine!.orders.map((o) => o.orderId), ['S3', 'S2', 'S1'], 'three orders, not one row per parcel');
    assert.deepEqual(mine!.orders, await repo.listOrders('shop_s', 'us'));
    assert.deepEqual(named(mine!.parcels.get('S1')!), S1_PARCELS);
    assert.deepEqual(named(mine!.parcels.get('S2')!), ['S2:SF9:in_transit']);
    assert.deepEqual(mine!.parcels.get('S3'), []);
    assert.deepEqual(other!.orders, await repo.listOrders('shop_a', 'u1'));
    // Through the batcher and its turn-long copy: the same lists, no duplicate order.
    const batched = new BatchedReadModel(repo, { memo: new OrdersMemo() });
    assert.deepEqual(await batched.listOrders('shop_s', 'us'), mine!.orders);
    assert.deepEqual(named(await batched.getLogistics('shop_s', ['S1', 'S2'])), [...S1_PARCELS, 'S2:SF9:in_transit']);
  });

  test('the buyer data source returns every parcel, from the read model or, for an order it has none of, from the platform', async () => {
    const { repo, apply } = f;
    await apply(orderEvent({ shopId: 'shop_s', orderId: 'S4', userId: 'us', createdAt: '2026-11-04T00:00:00Z' }));
    const platform = datasetFromEvents(
      [
        orderEvent({ shopId: 'shop_s', orderId: 'S4', userId: 'us' }),
        logisticsEvent({ shopId: 'shop_s', orderId: 'S4', trackingNo: 'YT2' }),
        logisticsEvent({ shopId: 'shop_s', orderId: 'S4', trackingNo: 'YT1' }),
      ].map(parsePlatformEvent),
    );
    const ds = createBuyerDataSource({ readModel: repo, connector: new DemoPlatformConnector({ dataset: platform }), budgetMs: 2000 });
    assert.deepEqual(named(await ds.getLogistics('shop_s', ['S4', 'S1'])), ['S4:YT2:in_transit', 'S4:YT1:in_transit', ...S1_PARCELS]);
  });
}

function receiverTests(f: Fixture): void {
  test("a receiver token copied into another shop's row does not decrypt", async () => {
    const { sql, repo, apply } = f;
    await apply(orderEvent({ shopId: 'shop_x', orderId: 'X1', userId: 'ux' }));
    await apply(orderEvent({ shopId: 'shop_y', orderId: 'Y1', userId: 'uy' }));
    const src = await sql.db.selectFrom('shop_orders').select('receiver_phone_enc').where('shop_id', '=', 'shop_x').executeTakeFirstOrThrow();
    await sql.db.updateTable('shop_orders').set({ receiver_phone_enc: src.receiver_phone_enc }).where('shop_id', '=', 'shop_y').execute();
    await assert.rejects(repo.listOrders('shop_y', 'uy'), (e: unknown) => e instanceof PiiError && e.reason === 'AUTH_FAILED');
    assert.equal((await repo.listOrders('shop_x', 'ux'))[0]!.receiver.phone, '13812345678');
  });

  test('with lazyReceiver the receiver is decrypted on first access only, with the same result and the same failure', async () => {
    const { sql, repo, apply } = f;
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
}

const TERMS = ['shipBy', 'payBy', 'cancelReason'] as const;
const termsOf = (o: Order | undefined) => Object.fromEntries(TERMS.filter((k) => o !== undefined && k in o).map((k) => [k, o![k]]));

function orderTermsTests(f: Fixture): void {
  test("an order's terms (extension) are stored and read back by every read; absent when not sent, cleared by a later event without them", async () => {
    const { repo, apply } = f;
    const shopId = 'shop_t';
    const withTerms = orderEvent({ shopId, orderId: 'T1', userId: 'ut', status: 'pending_payment', createdAt: '2026-11-02T00:00:00Z', shipBy: '2026-12-15T18:00:00+08:00', payBy: '2026-11-02T00:30:00Z', cancelReason: '超时未支付，系统自动取消' });
    const without = orderEvent({ shopId, orderId: 'T2', userId: 'ut', status: 'paid', createdAt: '2026-11-01T00:00:00Z' });
    await apply(withTerms);
    await apply(without);
    const expected = { shipBy: '2026-12-15T10:00:00.000Z', payBy: '2026-11-02T00:30:00.000Z', cancelReason: '超时未支付，系统自动取消' };
    const [t1, t2] = await repo.listOrders(shopId, 'ut');
    assert.deepEqual([t1?.orderId, termsOf(t1)], ['T1', expected]);
    assert.deepEqual([t2?.orderId, termsOf(t2)], ['T2', {}], 'not sent: absent, not null');
    assert.deepEqual(termsOf((await repo.getOrder(shopId, 'T1')) ?? undefined), expected);
    assert.deepEqual(termsOf((await new CommerceRepository(f.sql, KEYRING, { lazyReceiver: true }).listOrders(shopId, 'ut'))[0]), expected);
    assert.deepEqual((await repo.listOrdersWithParcelsMany([{ shopId, userId: 'ut' }]))[0]!.orders, [t1, t2]);
    assert.deepEqual(await new BatchedReadModel(repo, { memo: new OrdersMemo() }).listOrders(shopId, 'ut'), [t1, t2]);
    // The platform's answers (the HTTP and demo connectors map them as webhooks are) give the same orders.
    assert.deepEqual(datasetFromEvents([withTerms, without].map(parsePlatformEvent)).orders, [t1, t2]);

    // The newer record replaces the stored one whole: terms it does not carry are gone.
    assert.equal((await apply(orderEvent({ shopId, orderId: 'T1', userId: 'ut', status: 'cancelled', createdAt: '2026-11-02T00:00:00Z', updatedAt: '2026-11-21T10:00:00Z', cancelReason: 'out of stock' }))).applied, true);
    assert.deepEqual(termsOf((await repo.getOrder(shopId, 'T1')) ?? undefined), { cancelReason: 'out of stock' });
    assert.equal((await apply(orderEvent({ shopId, orderId: 'T1', userId: 'ut', status: 'cancelled', createdAt: '2026-11-02T00:00:00Z', updatedAt: '2026-11-21T11:00:00Z' }))).applied, true);
    assert.deepEqual(termsOf((await repo.listOrders(shopId, 'ut'))[0]), {});
    const row = await f.sql.db.selectFrom('shop_orders').select(['ship_by', 'pay_by', 'cancel_reason']).where('shop_id', '=', shopId).where('order_id', '=', 'T1').executeTakeFirstOrThrow();
    assert.deepEqual(row, { ship_by: null, pay_by: null, cancel_reason: null });
    // An older event carrying terms is not applied: they do not come back.
    assert.equal((await apply({ ...withTerms, id: 'evt-t1-late' })).applied, false);
    assert.deepEqual(termsOf((await repo.getOrder(shopId, 'T1')) ?? undefined), {});
  });
}

function seedDemoTests(f: Fixture): void {
  test('is idempotent and leaves the documented buyers', async () => {
    const { sql, repo } = f;
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
    const b1 = await repo.getLogistics(DEMO_SHOP_ID, DEMO_BUYERS.buyer_1.orderIds);
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
}

function readModelFirstTests(f: Fixture): void {
  test('read model only: answers from the read model', async () => {
    const ds = createBuyerDataSource({ readModel: f.repo, budgetMs: 1000 });
    const orders = await ds.listOrders(DEMO_SHOP_ID, 'buyer_2');
    assert.deepEqual(
      orders.map((o) => o.orderId),
      [...DEMO_BUYERS.buyer_2.orderIds],
    );
    assert.deepEqual(
      (await ds.getLogistics(DEMO_SHOP_ID, orders.map((o) => o.orderId))).map((l) => l.orderId),
      [...DEMO_BUYERS.buyer_2.orderIds],
    );
    assert.deepEqual(await ds.listOrders(DEMO_SHOP_ID, 'buyer_4'), []);
    assert.deepEqual(await ds.listAftersales(DEMO_SHOP_ID, 'buyer_4'), []);
  });

  test("the connector fills what the read model lacks: a shipped order's parcel, an unknown buyer's orders", async () => {
    const shopId = 'shop_fill';
    const order = orderEvent({ shopId, orderId: 'F1', userId: 'uf', status: 'shipped' });
    await f.apply(order);
    const platform = datasetFromEvents(
      [order, logisticsEvent({ shopId, orderId: 'F1', status: 'out_for_delivery' }), orderEvent({ shopId, orderId: 'F9', userId: 'new_buyer', status: 'paid' })].map(parsePlatformEvent),
    );
    const connector = new DemoPlatformConnector({ dataset: platform });
    const ds = createBuyerDataSource({ readModel: f.repo, connector, budgetMs: 1000 });
    assert.deepEqual(
      (await ds.listOrders(shopId, 'uf')).map((o) => o.orderId),
      ['F1'],
    );
    assert.equal(connector.calls.orders, 0);
    assert.deepEqual(
      (await ds.getLogistics(shopId, ['F1'])).map((l) => [l.orderId, l.status]),
      [['F1', 'out_for_delivery']],
    );
    assert.deepEqual(
      (await ds.listOrders(shopId, 'new_buyer')).map((o) => o.orderId),
      ['F9'],
    );
  });

  test('records of other buyers or shops from a misbehaving connector are dropped', async () => {
    const foreign: Order = { ...(await f.repo.listOrders('shop_a', 'u2'))[0]! };
    const rogue: PlatformConnector = {
      listOrders: async () => [foreign, { ...foreign, shopId: 'shop_z', userId: 'u9' }],
      getLogistics: async () => [],
      listAftersales: async () => [],
    };
    const ds = createBuyerDataSource({ readModel: f.repo, connector: rogue, budgetMs: 1000 });
    assert.deepEqual(await ds.listOrders('shop_z', 'nobody'), []);
  });
}

function degradedSourceTests(f: Fixture): void {
  test('a slow connector: fails within the budget only the lookups that needed it', async () => {
    const connector = createDemoConnector({ delayMs: 5000 });
    const errors: string[] = [];
    const ds = createBuyerDataSource({ readModel: f.repo, connector, budgetMs: 150, onSourceError: (s) => errors.push(s) });
    // Orders and logistics are in the read model; only the empty after-sales list needs the platform.
    const orders = await ds.listOrders(DEMO_SHOP_ID, DEMO_BUYERS.buyer_1.id);
    assert.deepEqual(
      orders.map((o) => o.orderId),
      [...DEMO_BUYERS.buyer_1.orderIds],
    );
    assert.equal((await ds.getLogistics(DEMO_SHOP_ID, DEMO_BUYERS.buyer_1.orderIds)).length, 1);
    const [late, ms] = await elapsed(ds.listAftersales(DEMO_SHOP_ID, DEMO_BUYERS.buyer_1.id).catch((e: unknown) => e));
    assert.ok(ms < 1000, `took ${ms} ms`);
    assert.ok(isUnavailable(late), 'failed, not empty');
    assert.deepEqual(connector.calls, { orders: 0, logistics: 0, aftersales: 1 });
    assert.deepEqual(errors, ['aftersales']);

    const [none, ms4] = await elapsed(ds.listOrders(DEMO_SHOP_ID, DEMO_BUYERS.buyer_4.id).catch((e: unknown) => e));
    assert.ok(ms4 < 1000, `took ${ms4} ms`);
    assert.ok(isUnavailable(none), 'failed, not empty');
  });

  test('a failing connector fails the lookups that needed it but keeps what the read model had', async () => {
    const shopId = 'shop_fail';
    await f.apply(orderEvent({ shopId, orderId: 'P1', userId: 'up', status: 'shipped', createdAt: '2026-11-02T00:00:00Z' }));
    await f.apply(orderEvent({ shopId, orderId: 'P0', userId: 'up', status: 'delivered', createdAt: '2026-11-01T00:00:00Z' }));
    await f.apply(logisticsEvent({ shopId, orderId: 'P0', status: 'delivered' }));
    const ds = createBuyerDataSource({ readModel: f.repo, connector: createDemoConnector({ fail: ['logistics', 'aftersales'] }), budgetMs: 1000 });
    assert.deepEqual(
      (await ds.listOrders(shopId, 'up')).map((o) => o.orderId),
      ['P1', 'P0'],
    );
    assert.deepEqual(
      (await ds.getLogistics(shopId, ['P0'])).map((l) => l.orderId),
      ['P0'],
    );
    await assert.rejects(ds.getLogistics(shopId, ['P1', 'P0']), isUnavailable);
    await assert.rejects(ds.listAftersales(shopId, 'up'), isUnavailable);
  });
}

function rotationTests(f: Fixture): void {
  test('rewrites old-key tokens with the current key, skips undecryptable rows, and is re-runnable', async () => {
    const { sql } = f;
    const oldRing = [{ kid: 'old', key: randomBytes(32) }];
    const newRing = [{ kid: 'new', key: randomBytes(32) }, ...oldRing, ...KEYRING];
    for (const id of ['R1', 'R2', 'R3']) await applyPlatformEvent(sql, oldRing, parsePlatformEvent(orderEvent({ shopId: 'shop_rot', orderId: id, userId: 'ur' })));
    // One row of an unknown key: reported, left alone, not retried forever.
    await applyPlatformEvent(sql, [{ kid: 'lost', key: randomBytes(32) }], parsePlatformEvent(orderEvent({ shopId: 'shop_rot', orderId: 'R4', userId: 'ur' })));
    const rotFailures = (x: { failed: { shopId: string; orderId: string }[] }) => x.failed.filter((y) => y.shopId === 'shop_rot').map((y) => y.orderId);
    const r = await reencryptCommercePii(sql, newRing, { batchSize: 2 });
    assert.deepEqual(rotFailures(r), ['R4']);
    assert.equal(r.rewritten, r.scanned - r.failed.length);
    // Every decryptable row of every shop (the seeded ones under KEYRING too) moved to the new key.
    const failedKeys = new Set(r.failed.map((x) => `${x.shopId}/${x.orderId}`));
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
}
