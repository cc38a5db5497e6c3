import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetFromEvents, parsePlatformEvent } from '../../src/commerce/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { aftersaleEvent, logisticsEvent, logisticsRemovedEvent, orderEvent } from './fixtures.ts';

function badField(body: unknown, field: string, message?: RegExp) {
  assert.throws(
    () => parsePlatformEvent(body),
    (e: unknown) => {
      assert.ok(e instanceof KefuError, String(e));
      assert.equal(e.code, 'BAD_REQUEST');
      assert.equal(e.details?.field, field);
      assert.ok(e.message.startsWith(`${field} `), e.message);
      if (message) assert.match(e.message, message);
      return true;
    },
  );
}

// Malformed bodies are the point here, so the copy is deliberately untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const mutate = (body: unknown, fn: (b: Loose) => void) => {
  const copy = structuredClone(body) as Loose;
  fn(copy);
  return copy;
};

describe('parsePlatformEvent', () => {
  test('accepts the three contract event types and normalises amounts', () => {
    const o = parsePlatformEvent(orderEvent({ price: '059.5' }));
    assert.equal(o.type, 'order.upserted');
    if (o.type !== 'order.upserted') return;
    assert.equal(o.data.items[0]!.price, '59.50');
    assert.equal(o.data.totalAmount, '119.00');
    assert.equal(parsePlatformEvent(logisticsEvent()).type, 'logistics.upserted');
    const a = parsePlatformEvent(aftersaleEvent({ amount: '10' }));
    assert.ok(a.type === 'aftersale.upserted' && a.data.amount === '10.00');
  });

  test('names the bad field', () => {
    badField(orderEvent({ price: 12.5 }), 'data.items[0].price', /string/);
    badField(orderEvent({ price: '12.345' }), 'data.items[0].price', /decimal/);
    badField(orderEvent({ price: '-1' }), 'data.items[0].price');
    badField(orderEvent({ price: '1e5' }), 'data.items[0].price');
    badField(orderEvent({ price: '12345678901234567' }), 'data.items[0].price');
    badField(orderEvent({ status: 'lost' }), 'data.status', /one of pending_payment, paid/);
    badField(orderEvent({ updatedAt: '2026-11-20 10:00' }), 'data.updatedAt', /ISO 8601/);
    badField(orderEvent({ updatedAt: '2026-11-20T10:00:00' }), 'data.updatedAt', /zone/);
    badField(orderEvent({ updatedAt: '0000-01-01T00:00:00Z' }), 'data.updatedAt', /between 1970 and 2200/);
    badField(orderEvent({ orderId: '' }), 'data.orderId', /empty/);
    badField(orderEvent({ userId: 'x'.repeat(129) }), 'data.userId', /at most 128/);
    badField(orderEvent({ userId: 'a\u0001b' }), 'data.userId', /control/);
    badField(orderEvent({ userId: 'a\u0000b' }), 'data.userId', /contains a NUL character or an unpaired surrogate/);
    badField({ ...orderEvent(), type: 'order.deleted' }, 'type', /one of order\.upserted, logistics\.upserted, logistics\.removed, aftersale\.upserted/);
    badField(mutate(orderEvent(), (b) => delete b.id), 'id', /required/);
    badField(mutate(orderEvent(), (b) => (b.data.items = [])), 'data.items', /at least 1/);
    badField(
      mutate(orderEvent(), (b) => (b.data.items = Array.from({ length: 201 }, () => b.data.items[0]))),
      'data.items',
      /at most 200/,
    );
    badField(mutate(orderEvent(), (b) => (b.data.items[0].quantity = 1.5)), 'data.items[0].quantity', /integer/);
    badField(mutate(orderEvent(), (b) => (b.data.receiver.phone = 'call me')), 'data.receiver.phone');
    badField(mutate(orderEvent(), (b) => (b.data.receiver.phone = '(-) -')), 'data.receiver.phone');
    // The documented characters in any order, an area code in parentheses first included.
    for (const phone of ['(0755) 8888-1234', '(0755)88881234', '+1 (555) 010-9999', '0755 8888-1234', '+86 138 1234 5678']) {
      assert.equal(parsePlatformEvent(mutate(orderEvent(), (b) => (b.data.receiver.phone = phone))).shopId.length > 0, true, phone);
    }
    badField(mutate(orderEvent(), (b) => (b.data.currency = 'rmb')), 'data.currency');
    badField(mutate(logisticsEvent(), (b) => (b.data.events[1].time = 'yesterday')), 'data.events[1].time');
    badField(mutate(aftersaleEvent(), (b) => (b.data.type = 'chargeback')), 'data.type', /refund, return, exchange/);
    // Any string PostgreSQL cannot store (a NUL, an unpaired surrogate) is refused by name, so the
    // webhook answers 400 (not retried) rather than a 500 the platform would retry for ever.
    const unstorable = /^.* contains a NUL character or an unpaired surrogate$/;
    badField(mutate(orderEvent(), (b) => (b.data.receiver.address = '杭州\ud800')), 'data.receiver.address', unstorable);
    badField(mutate(orderEvent(), (b) => (b.data.items[0].title = 'cup\u0000')), 'data.items[0].title', unstorable);
    badField(mutate(logisticsEvent(), (b) => (b.data.events[0].description = '\udc00到达')), 'data.events[0].description', unstorable);
    badField(mutate(aftersaleEvent(), (b) => (b.data.reason = 'broken\u0000')), 'data.reason', unstorable);
    badField(mutate(orderEvent(), (b) => (b.shopId = 'shop\ud83d')), 'shopId', unstorable);
    // A shop id a socket frame could not name (found from outside: "shop demo;" was applied).
    badField(mutate(orderEvent(), (b) => (b.shopId = 'shop demo;')), 'shopId', /letters, digits/);
  });

  test('logistics.removed: an order id, a tracking number and a time, bounded like the others', () => {
    const r = parsePlatformEvent({ ...logisticsRemovedEvent({ trackingNo: 'JD0088112233', updatedAt: '2026-11-21T20:00:00+08:00' }), extra: 1 });
    assert.ok(r.type === 'logistics.removed');
    assert.deepEqual(r.data, { orderId: 'O1', trackingNo: 'JD0088112233', updatedAt: '2026-11-21T20:00:00+08:00' });
    badField(mutate(logisticsRemovedEvent(), (b) => delete b.data.trackingNo), 'data.trackingNo', /required/);
    badField(logisticsRemovedEvent({ trackingNo: '' }), 'data.trackingNo', /empty/);
    badField(logisticsRemovedEvent({ trackingNo: 'x'.repeat(129) }), 'data.trackingNo', /at most 128/);
    badField(logisticsRemovedEvent({ trackingNo: 'JD\u0000' }), 'data.trackingNo', /NUL/);
    badField(logisticsRemovedEvent({ orderId: 'a\u0001b' }), 'data.orderId', /control/);
    badField(logisticsRemovedEvent({ updatedAt: '2026-11-21T12:00:00' }), 'data.updatedAt', /zone/);
    badField(mutate(logisticsRemovedEvent(), (b) => delete b.data.updatedAt), 'data.updatedAt');
    badField(mutate(logisticsRemovedEvent(), (b) => (b.shopId = 'shop demo;')), 'shopId', /letters, digits/);
  });

  test('order terms (extension): optional; times and the reason bounded like the other times and single-line texts', () => {
    const terms = { shipBy: '2026-12-15T18:00:00+08:00', payBy: '2026-11-20T09:30:00Z', cancelReason: '超时未支付，系统自动取消' };
    const e = parsePlatformEvent(orderEvent({ status: 'cancelled', ...terms }));
    assert.ok(e.type === 'order.upserted');
    assert.deepEqual({ shipBy: e.data.shipBy, payBy: e.data.payBy, cancelReason: e.data.cancelReason }, terms);
    // Times come out in one spelling, as createdAt does, whichever zone the platform wrote.
    const [order] = datasetFromEvents([e]).orders;
    assert.deepEqual({ shipBy: order!.shipBy, payBy: order!.payBy, cancelReason: order!.cancelReason }, { shipBy: '2026-12-15T10:00:00.000Z', payBy: '2026-11-20T09:30:00.000Z', cancelReason: terms.cancelReason });
    assert.equal(parsePlatformEvent(orderEvent({ cancelReason: 'x'.repeat(500) })).type, 'order.upserted');
    // An old body without them stays valid, and its order has none (absent, not null).
    const [plain] = datasetFromEvents([parsePlatformEvent(orderEvent())]).orders;
    assert.deepEqual(['shipBy', 'payBy', 'cancelReason'].filter((k) => k in plain!), []);

    badField(orderEvent({ shipBy: '2026-12-15' }), 'data.shipBy', /ISO 8601/);
    badField(orderEvent({ shipBy: '2026-12-15T18:00:00' }), 'data.shipBy', /zone/);
    badField(orderEvent({ payBy: '2300-01-01T00:00:00Z' }), 'data.payBy', /between 1970 and 2200/);
    badField(orderEvent({ payBy: 'in 30 minutes' }), 'data.payBy', /ISO 8601/);
    badField(mutate(orderEvent(), (b) => (b.data.payBy = 1_763_631_000_000)), 'data.payBy', /ISO 8601/);
    badField(mutate(orderEvent(), (b) => (b.data.shipBy = null)), 'data.shipBy');
    badField(orderEvent({ cancelReason: 'x'.repeat(501) }), 'data.cancelReason', /at most 500/);
    badField(orderEvent({ cancelReason: '' }), 'data.cancelReason', /empty/);
    badField(orderEvent({ cancelReason: '   ' }), 'data.cancelReason', /blank/);
    badField(orderEvent({ cancelReason: 'out of\u0007stock' }), 'data.cancelReason', /control/);
    badField(orderEvent({ cancelReason: 'out of\nstock' }), 'data.cancelReason', /control/);
    badField(orderEvent({ cancelReason: 'out of stock\u0000' }), 'data.cancelReason', /NUL/);
  });

  test('refuses non-objects', () => {
    for (const body of [null, [], 'x', 3]) badField(body, 'body');
  });

  test('drops unknown keys and __proto__ without polluting prototypes', () => {
    const raw = JSON.parse(
      JSON.stringify(orderEvent()).replace('"data":{', '"data":{"__proto__":{"polluted":true},"extra":1,').replace('"sku"', '"constructor":{"prototype":{"polluted":true}},"sku"'),
    );
    const e = parsePlatformEvent(raw);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(e.data), Object.prototype);
    assert.ok(!Object.hasOwn(e.data, '__proto__') && !Object.hasOwn(e.data, 'extra'));
    if (e.type === 'order.upserted') assert.deepEqual(Object.keys(e.data.items[0]!).sort(), ['price', 'quantity', 'sku', 'title']);
  });
});

describe('datasetFromEvents', () => {
  test('keeps the newest version per record, whatever the arrival order', () => {
    const newer = parsePlatformEvent(orderEvent({ status: 'delivered', updatedAt: '2026-11-21T00:00:00Z' }));
    const older = parsePlatformEvent(orderEvent({ status: 'paid', updatedAt: '2026-11-20T00:00:00Z' }));
    const ds = datasetFromEvents([newer, older, parsePlatformEvent(logisticsEvent())]);
    assert.equal(ds.orders.length, 1);
    assert.equal(ds.orders[0]!.status, 'delivered');
    assert.deepEqual(
      ds.logistics[0]!.events.map((x) => x.description),
      ['已揽收', '到达杭州转运中心'],
    );
  });

  test('parcels are per tracking number: an order keeps each, in the order they first came; a removal withdraws one', () => {
    const p = (trackingNo: string, status: string, updatedAt: string) => parsePlatformEvent(logisticsEvent({ trackingNo, status, updatedAt }));
    const removed = (trackingNo: string, updatedAt: string) => parsePlatformEvent(logisticsRemovedEvent({ trackingNo, updatedAt }));
    const tracking = (events: Parameters<typeof datasetFromEvents>[0]) => datasetFromEvents(events).logistics.map((l) => `${l.orderId}:${l.trackingNo}:${l.status}`);
    const tablet = p('JD0088112233', 'in_transit', '2026-11-21T10:00:00Z');
    const caseAndCharger = p('JD0088112299', 'pending', '2026-11-21T09:00:00Z');
    assert.deepEqual(tracking([tablet, caseAndCharger]), ['O1:JD0088112233:in_transit', 'O1:JD0088112299:pending']);
    // The rule holds per parcel: an older version of one leaves it, and the other, as they are.
    assert.deepEqual(tracking([tablet, caseAndCharger, p('JD0088112233', 'pending', '2026-11-21T08:00:00Z')]), ['O1:JD0088112233:in_transit', 'O1:JD0088112299:pending']);
    // A removal withdraws its parcel in either order of delivery, and wins a tie; only a newer parcel comes back.
    const wrong = p('JD0000000000', 'pending', '2026-11-21T10:00:00Z');
    for (const events of [
      [tablet, wrong, removed('JD0000000000', '2026-11-21T10:00:00Z')],
      [tablet, removed('JD0000000000', '2026-11-21T10:00:00Z'), wrong],
      [tablet, removed('JD0000000000', '2026-11-21T11:00:00Z'), wrong, removed('JD0000000000', '2026-11-21T11:00:00Z')],
    ]) {
      assert.deepEqual(tracking(events), ['O1:JD0088112233:in_transit']);
    }
    assert.deepEqual(tracking([removed('JD0000000000', '2026-11-21T10:00:00Z'), tablet, p('JD0000000000', 'in_transit', '2026-11-21T10:00:01Z')]), ['O1:JD0000000000:in_transit', 'O1:JD0088112233:in_transit']);
  });

  test('without split a parcel is the order\'s only one, in the dataset as in the database', () => {
    const only = (trackingNo: string, updatedAt: string) => parsePlatformEvent(logisticsEvent({ trackingNo, updatedAt, split: false }));
    const tracking = (events: Parameters<typeof datasetFromEvents>[0]) => datasetFromEvents(events).logistics.map((l) => l.trackingNo);
    assert.deepEqual(tracking([only('SF_WRONG', '2026-11-21T10:00:00Z'), only('SF_RIGHT', '2026-11-21T11:00:00Z')]), ['SF_RIGHT']);
    assert.deepEqual(tracking([only('SF_RIGHT', '2026-11-21T11:00:00Z'), only('SF_WRONG', '2026-11-21T10:00:00Z')]), ['SF_RIGHT']);
  });

  test('two versions stamped in the same second end at the later status, in either order', () => {
    const requested = parsePlatformEvent(aftersaleEvent({ status: 'requested', updatedAt: '2026-11-22T10:00:00Z' }));
    const approved = parsePlatformEvent(aftersaleEvent({ status: 'approved', updatedAt: '2026-11-22T10:00:00Z' }));
    assert.equal(datasetFromEvents([requested, approved]).aftersales[0]!.status, 'approved');
    assert.equal(datasetFromEvents([approved, requested]).aftersales[0]!.status, 'approved');
  });
});
