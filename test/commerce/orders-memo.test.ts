import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OrdersMemo, changeOfEvent, decodeChange, encodeChange, type OrdersWithParcels } from '../../src/commerce/orders-memo.ts';
import type { Order } from '../../src/commerce/index.ts';

const order = (orderId: string, userId = 'u1'): Order =>
  ({ shopId: 's', orderId, userId, status: 'shipped', items: [], totalAmount: '1.00', currency: 'CNY', createdAt: '', updatedAt: '', receiver: { name: '', phone: '', address: '' } }) as Order;
const value = (...ids: string[]): OrdersWithParcels => ({ orders: ids.map((id) => order(id)), parcels: new Map(ids.map((id) => [id, []])) });

describe('OrdersMemo', () => {
  test('keeps a buyer’s orders per shop and user until they expire', () => {
    let now = 0;
    const m = new OrdersMemo({ ttlMs: 1000, now: () => now });
    m.put('s', 'u1', value('O1'), m.epoch);
    assert.deepEqual(m.get('s', 'u1')?.orders.map((o) => o.orderId), ['O1']);
    assert.equal(m.get('s2', 'u1'), undefined, 'another shop');
    assert.equal(m.get('s', 'u2'), undefined, 'another buyer');
    now = 1001;
    assert.equal(m.get('s', 'u1'), undefined, 'expired');
    assert.equal(m.size, 0);
  });

  test('a change drops the buyer named, or the buyer whose list holds the order named', () => {
    const m = new OrdersMemo();
    m.put('s', 'u1', value('O1', 'O2'), m.epoch);
    m.put('s', 'u2', value('O3'), m.epoch);
    m.put('t', 'u1', value('O1'), m.epoch);
    m.changed({ shopId: 's', orderId: 'O2' });
    assert.equal(m.get('s', 'u1'), undefined, 'the owner of O2');
    assert.ok(m.get('s', 'u2') && m.get('t', 'u1'), 'others stay, the same order id in another shop too');
    m.changed({ shopId: 's', userId: 'u2' });
    assert.equal(m.get('s', 'u2'), undefined);
    m.changed({ shopId: 's', orderId: 'O9' });
    assert.ok(m.get('t', 'u1'), 'an order nobody holds drops nothing');
    m.changed({ shopId: 't' });
    assert.equal(m.get('t', 'u1'), undefined, 'a change naming only the shop drops the shop');
  });

  test('a read that began before a change is not kept; clear drops everything', () => {
    const m = new OrdersMemo();
    const before = m.epoch;
    m.changed({ shopId: 's', userId: 'u9' });
    m.put('s', 'u1', value('O1'), before);
    assert.equal(m.get('s', 'u1'), undefined);
    m.put('s', 'u1', value('O1'), m.epoch);
    assert.ok(m.get('s', 'u1'));
    m.clear();
    assert.equal(m.size, 0);
  });

  test('bounded: the oldest entries go first', () => {
    const m = new OrdersMemo({ max: 3 });
    for (const u of ['a', 'b', 'c', 'd']) m.put('s', u, value(`O${u}`), m.epoch);
    assert.equal(m.size, 3);
    assert.equal(m.get('s', 'a'), undefined);
    m.changed({ shopId: 's', orderId: 'Oa' });
    assert.equal(m.size, 3, 'the order index of a dropped entry went with it');
  });

  test('bounded by weight too: orders plus parcel events, so a few huge buyers cannot fill the memory', () => {
    const heavy = (n: number): OrdersWithParcels => ({
      orders: [order(`H${n}`)],
      // Two parcels of one order (a split shipment), 4 and 5 events: every parcel's events count.
      parcels: new Map([[`H${n}`, [4, 5].map((k) => ({ shopId: 's', orderId: `H${n}`, carrier: 'c', trackingNo: `t${k}`, status: 'in_transit' as const, events: Array.from({ length: k }, () => ({ time: '', description: 'x' })), updatedAt: '' }))]]),
    });
    const m = new OrdersMemo({ maxWeight: 25 });
    for (const u of ['a', 'b', 'c']) m.put('s', u, heavy(u.charCodeAt(0)), m.epoch);
    assert.equal(m.size, 2, 'each weighs 10: the third pushes the oldest out');
    assert.equal(m.weight, 20);
    assert.equal(m.get('s', 'a'), undefined);
    m.put('s', 'giant', { orders: Array.from({ length: 30 }, (_, i) => order(`G${i}`)), parcels: new Map() }, m.epoch);
    assert.equal(m.get('s', 'giant'), undefined, 'heavier than the whole bound: not kept');
    assert.equal(m.size, 2);
    m.clear();
    assert.equal(m.weight, 0);
  });

  test('changes travel as bus messages; what the memo does not keep makes none', () => {
    for (const c of [{ shopId: 's', userId: 'u', orderId: 'o' }, { shopId: 's', orderId: 'o' }, { shopId: 's' }]) assert.deepEqual(decodeChange(encodeChange(c)), c);
    assert.equal(decodeChange('not json'), null);
    assert.equal(decodeChange('{"shopId":1}'), null);
    assert.deepEqual(changeOfEvent({ type: 'order.upserted', shopId: 's', data: { orderId: 'o', userId: 'u' } }), { shopId: 's', orderId: 'o', userId: 'u' });
    assert.deepEqual(changeOfEvent({ type: 'logistics.upserted', shopId: 's', data: { orderId: 'o' } }), { shopId: 's', orderId: 'o' });
    assert.deepEqual(changeOfEvent({ type: 'logistics.removed', shopId: 's', data: { orderId: 'o' } }), { shopId: 's', orderId: 'o' });
    assert.equal(changeOfEvent({ type: 'aftersale.upserted', shopId: 's', data: { orderId: 'o', userId: 'u' } }), null);
  });
});
