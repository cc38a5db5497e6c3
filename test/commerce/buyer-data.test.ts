/**
 * createBuyerDataSource without a database: the deadline of one lookup (the caller's signal when
 * it passes one, otherwise a timer of `budgetMs`, never both) and read models that hang or fail.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DemoPlatformConnector, createBuyerDataSource, type CommerceReadModel } from '../../src/commerce/index.ts';
import { DEMO_BUYERS, DEMO_SHOP_ID, createDemoConnector } from '../../src/demo/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';

/** A read model that knows nothing, at once: every list falls through to the connector. */
const emptyReadModel: CommerceReadModel = {
  listOrders: async () => [],
  listAftersales: async () => [],
  getLogistics: async () => [],
  getOrder: async () => null,
};

const slowPlatform = (delayMs: number) => new DemoPlatformConnector({ dataset: { orders: [], logistics: [], aftersales: [] }, delayMs });

const isUnavailable = (e: unknown) => e instanceof KefuError && e.code === 'UNAVAILABLE';

async function timed<T>(p: Promise<T>): Promise<{ value: T | undefined; error: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    return { value: await p, error: undefined, ms: performance.now() - t0 };
  } catch (error) {
    return { value: undefined, error, ms: performance.now() - t0 };
  }
}

describe('createBuyerDataSource deadline', () => {
  test('without a signal, budgetMs cuts a slow source off and the lookup fails, not empty', async () => {
    const errors: string[] = [];
    const ds = createBuyerDataSource({ readModel: emptyReadModel, connector: slowPlatform(5000), budgetMs: 80, onSourceError: (s) => errors.push(s) });
    const r = await timed(ds.listOrders('shop', 'u'));
    assert.ok(r.ms < 1000, `took ${r.ms.toFixed(0)} ms`);
    assert.ok(isUnavailable(r.error), 'failed, not empty');
    assert.deepEqual(errors, ['orders']);
  });

  test("a caller's signal is the deadline: it ends the lookup early", async () => {
    const ds = createBuyerDataSource({ readModel: emptyReadModel, connector: slowPlatform(5000), budgetMs: 5000 });
    const r = await timed(ds.listAftersales('shop', 'u', AbortSignal.timeout(80)));
    assert.ok(r.ms < 1000, `took ${r.ms.toFixed(0)} ms`);
    assert.ok(isUnavailable(r.error), 'failed, not empty');
  });

  test("a caller's signal is the only deadline: budgetMs arms no second timer", async () => {
    const platform = slowPlatform(150);
    const ds = createBuyerDataSource({ readModel: emptyReadModel, connector: platform, budgetMs: 20 });
    const r = await timed(ds.listOrders('shop', 'u', AbortSignal.timeout(5000)));
    assert.equal(r.error, undefined);
    assert.deepEqual(r.value, []);
    assert.ok(r.ms >= 100, `answered after ${r.ms.toFixed(0)} ms: the platform was waited for past budgetMs`);
    assert.equal(platform.calls.orders, 1);
  });

  test('an aborted signal fails the lookup at once', async () => {
    const ds = createBuyerDataSource({ readModel: emptyReadModel, connector: slowPlatform(0), budgetMs: 5000 });
    await assert.rejects(ds.getLogistics('shop', ['O1'], AbortSignal.abort()), isUnavailable);
  });
});

describe('createBuyerDataSource over a broken read model', () => {
  test('a hanging or failing read model is bounded too', async () => {
    const hanging: CommerceReadModel = {
      listOrders: () => new Promise(() => {}),
      listAftersales: async () => {
        throw new Error('db down');
      },
      getLogistics: () => new Promise(() => {}),
      getOrder: async () => null,
    };
    const ds = createBuyerDataSource({ readModel: hanging, budgetMs: 100 });
    const all = await timed(Promise.allSettled([ds.listOrders(DEMO_SHOP_ID, 'buyer_1'), ds.getLogistics(DEMO_SHOP_ID, ['SO2611230001']), ds.listAftersales(DEMO_SHOP_ID, 'buyer_1')]));
    assert.ok(all.ms < 1000, `took ${all.ms.toFixed(0)} ms`);
    assert.deepEqual(
      all.value!.map((r) => r.status === 'rejected' && isUnavailable(r.reason)),
      [true, true, true],
    );
    // With a connector, the platform answers the buyer lists for a read model that failed fast.
    const down = new Error('db down');
    const failing: CommerceReadModel = {
      listOrders: () => Promise.reject(down),
      listAftersales: () => Promise.reject(down),
      getLogistics: () => Promise.reject(down),
      getOrder: () => Promise.reject(down),
    };
    const ds2 = createBuyerDataSource({ readModel: failing, connector: createDemoConnector(), budgetMs: 1000 });
    assert.deepEqual(
      (await ds2.listOrders(DEMO_SHOP_ID, 'buyer_3')).map((o) => o.orderId),
      [...DEMO_BUYERS.buyer_3.orderIds],
    );
    assert.deepEqual(
      (await ds2.listAftersales(DEMO_SHOP_ID, 'buyer_3')).map((a) => a.status),
      ['approved'],
    );
    // Parcels by order id need the read model to tell whose order it is: no guessing.
    await assert.rejects(ds2.getLogistics(DEMO_SHOP_ID, [...DEMO_BUYERS.buyer_3.orderIds]), isUnavailable);
  });
});
