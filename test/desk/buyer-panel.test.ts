/**
 * The buyer panel: the buyer's own orders, parcels and after-sales in the conversation's shop
 * with the receiver masked; a reveal returns one full value only after its audit row is written,
 * never logs it, and answers 404 for an order that is not this buyer's in this shop. Every SQL
 * adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { maskAddress } from '../../src/desk/index.ts';
import { SQL_FACTORIES, asOwner, dropTestSchemas } from '../support/services.ts';
import { aftersaleEvent, logisticsEvent, logisticsRemovedEvent, orderEvent } from '../commerce/fixtures.ts';
import { as, createDesk, errorOf, openConversation, type Desk } from './support.ts';

after(dropTestSchemas);

// The fixtures' receiver: 测试用户, 13812345678, 浙江省杭州市西湖区文三路100号.
const PHONE = '13812345678';
const ADDRESS = '浙江省杭州市西湖区文三路100号';
const MASKED = { name: '测*', phone: '138****5678', address: '浙江省杭州市西湖区****' };

describe('maskAddress', () => {
  test('keeps the province, city and district, masks the rest', () => {
    assert.equal(maskAddress('北京市朝阳区建国路88号'), '北京市朝阳区****');
    assert.equal(maskAddress(ADDRESS), MASKED.address);
    assert.equal(maskAddress('广东省深圳市南山区粤海街道高新南一道9号'), '广东省深圳市南山区****');
    assert.equal(maskAddress('四川省阿坝藏族羌族自治州汶川县映秀镇'), '四川省阿坝藏族羌族自治州汶川县****');
    // Taiwan writes its districts in traditional characters (found from outside: only the city was kept).
    assert.equal(maskAddress('台北市大安區復興南路一段 219 號 5 樓'), '台北市大安區****');
    assert.equal(maskAddress('新北市板橋區府中路1號'), '新北市板橋區****');
    // A street holding 區 is no district (found in review).
    assert.equal(maskAddress('新竹市園區二路168號'), '新竹市****');
    assert.equal(maskAddress('台中市社區巷5號'), '台中市****');
  });

  test('never shows the whole address, and masks whole what it cannot read', () => {
    assert.equal(maskAddress('北京市朝阳区'), '北京市****', 'a district with nothing after it is not kept');
    assert.equal(maskAddress('221B Baker Street, London'), '****, London');
    assert.equal(maskAddress('221B Baker Street'), '****');
    assert.equal(maskAddress('北京市建国路88号院阳光花园小区3号楼'), '北京市****', 'a long street name is not taken for a district');
  });
});

for (const factory of SQL_FACTORIES) {
  describe(`desk buyer panel on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk; conversationId: string };
    before(async () => {
      st.desk = await createDesk(factory);
      await seed(st.desk);
      st.conversationId = await openConversation(st.desk, 'shop_p', 'buyer_p', '买家甲');
    });
    after(() => st.desk?.close());

    panelTests(st);
    revealTests(st);
  });
}

/** The buyer's three orders in shop_p, and records that must never show: another buyer's, another shop's. */
async function seed(desk: Desk): Promise<void> {
  // P0 was left unpaid and cancelled when its time to pay ran out; P2 had a promised shipping time.
  await desk.apply(orderEvent({ shopId: 'shop_p', orderId: 'P0', userId: 'buyer_p', status: 'cancelled', createdAt: '2026-10-30T00:00:00Z', payBy: '2026-10-30T00:30:00Z', cancelReason: '超时未支付，系统自动取消' }));
  await desk.apply(orderEvent({ shopId: 'shop_p', orderId: 'P1', userId: 'buyer_p', status: 'delivered', createdAt: '2026-11-01T00:00:00Z' }));
  await desk.apply(orderEvent({ shopId: 'shop_p', orderId: 'P2', userId: 'buyer_p', status: 'shipped', createdAt: '2026-11-05T00:00:00Z', shipBy: '2026-11-08T18:00:00+08:00' }));
  await desk.apply(logisticsEvent({ shopId: 'shop_p', orderId: 'P2' }));
  // P2 shipped in two parcels; a third tracking number was sent by mistake and withdrawn.
  await desk.apply(logisticsEvent({ shopId: 'shop_p', orderId: 'P2', trackingNo: 'SF200', status: 'pending' }));
  await desk.apply(logisticsEvent({ shopId: 'shop_p', orderId: 'P2', trackingNo: 'SF999' }));
  await desk.apply(logisticsRemovedEvent({ shopId: 'shop_p', orderId: 'P2', trackingNo: 'SF999' }));
  await desk.apply(aftersaleEvent({ shopId: 'shop_p', aftersaleId: 'AS1', orderId: 'P1', userId: 'buyer_p', amount: '59.5' }));
  await desk.apply(orderEvent({ shopId: 'shop_p', orderId: 'Q1', userId: 'buyer_q', createdAt: '2026-11-06T00:00:00Z' }));
  await desk.apply(aftersaleEvent({ shopId: 'shop_p', aftersaleId: 'AS2', orderId: 'Q1', userId: 'buyer_q' }));
  await desk.apply(orderEvent({ shopId: 'shop_z', orderId: 'Z1', userId: 'buyer_p', createdAt: '2026-11-07T00:00:00Z' }));
}

const panelUrl = (id: string) => `/api/v1/conversations/${id}/buyer`;
const revealUrl = (id: string) => `/api/v1/conversations/${id}/buyer/reveal`;

function panelTests(st: { desk: Desk; conversationId: string }): void {
  test("staff see the buyer's own records in this shop, newest first, receiver masked", async () => {
    const r = await st.desk.app.inject({ method: 'GET', url: panelUrl(st.conversationId), headers: as.agent('ag', 'shop_p') });
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.equal(body.buyerId, 'buyer_p');
    assert.equal(body.buyerName, '买家甲');
    assert.deepEqual(body.orders.map((o: { orderId: string }) => o.orderId), ['P2', 'P1', 'P0']);
    const [p2, p1, p0] = body.orders;
    assert.deepEqual(p2.receiver, MASKED);
    assert.deepEqual(p1.receiver, MASKED);
    assert.deepEqual({ status: p2.status, totalAmount: p2.totalAmount, currency: p2.currency, createdAt: p2.createdAt, items: p2.items.length }, { status: 'shipped', totalAmount: '119.00', currency: 'CNY', createdAt: '2026-11-05T00:00:00.000Z', items: 1 });
    assert.deepEqual({ carrier: p2.logistics.carrier, trackingNo: p2.logistics.trackingNo, events: p2.logistics.events.length }, { carrier: '顺丰速运', trackingNo: 'SF100', events: 2 });
    assert.equal('logistics' in p1, false, 'an order without a parcel has none');
    // The order's terms (extension), where the platform sent them; none otherwise.
    const terms = (o: Record<string, unknown>) => Object.fromEntries(['shipBy', 'payBy', 'cancelReason'].filter((k) => k in o).map((k) => [k, o[k]]));
    assert.deepEqual([terms(p2), terms(p1), terms(p0)], [{ shipBy: '2026-11-08T10:00:00.000Z' }, {}, { payBy: '2026-10-30T00:30:00.000Z', cancelReason: '超时未支付，系统自动取消' }]);
    // Every parcel of the split shipment, first stored first; the order carries the first; the withdrawn one nowhere.
    assert.deepEqual(body.logistics.map((l: { orderId: string; trackingNo: string; status: string }) => [l.orderId, l.trackingNo, l.status]), [
      ['P2', 'SF100', 'in_transit'],
      ['P2', 'SF200', 'pending'],
    ]);
    assert.deepEqual(body.logistics[0], p2.logistics);
    assert.equal(r.body.includes('SF999'), false);
    assert.deepEqual(body.aftersales, [{ aftersaleId: 'AS1', orderId: 'P1', type: 'refund', status: 'requested', amount: '59.50', updatedAt: '2026-11-22T10:00:00.000Z' }]);
    assert.equal(r.body.includes(PHONE), false, 'the full phone is nowhere in the panel');
    assert.equal(r.body.includes('文三路'), false, 'nor the street');
  });

  test('buyers get 403, other shops 404', async () => {
    const buyer = await st.desk.app.inject({ method: 'GET', url: panelUrl(st.conversationId), headers: as.buyer('buyer_p') });
    assert.deepEqual([buyer.statusCode, errorOf(buyer).code], [403, 'FORBIDDEN']);
    const other = await st.desk.app.inject({ method: 'GET', url: panelUrl(st.conversationId), headers: as.admin('adm', 'shop_z') });
    assert.deepEqual([other.statusCode, errorOf(other).code], [404, 'NOT_FOUND']);
  });
}

function reveals(desk: Desk) {
  return desk.sql.db.selectFrom('pii_reveals').select(['shop_id', 'conversation_id', 'actor_id', 'order_id', 'field']).orderBy('revealed_at').execute();
}

function revealTests(st: { desk: Desk; conversationId: string }): void {
  test('a reveal returns the full value after writing who, what and where; the value is never logged', async () => {
    const { desk } = st;
    const phone = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.agent('agent_7', 'shop_p'), payload: { orderId: 'P1', field: 'phone' } });
    assert.deepEqual([phone.statusCode, phone.json()], [200, { orderId: 'P1', field: 'phone', value: PHONE }]);
    const address = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.admin('admin_7', 'shop_p'), payload: { orderId: 'P2', field: 'address' } });
    assert.deepEqual(address.json(), { orderId: 'P2', field: 'address', value: ADDRESS });
    assert.deepEqual(await reveals(desk), [
      { shop_id: 'shop_p', conversation_id: st.conversationId, actor_id: 'agent_7', order_id: 'P1', field: 'phone' },
      { shop_id: 'shop_p', conversation_id: st.conversationId, actor_id: 'admin_7', order_id: 'P2', field: 'address' },
    ]);
    const logged = desk.logs.join('');
    assert.ok(logged.includes('personal data revealed'), 'the reveal is logged');
    assert.equal(logged.includes(PHONE) || logged.includes('文三路'), false, 'without its value');
  });

  test('when the audit row cannot be written, the value is not returned', async () => {
    const { desk } = st;
    // This store only: refuse audit rows of one actor, as a failing write would.
    await asOwner(desk.sql.db, (owner) => sql`alter table pii_reveals add constraint test_refuse_actor check (actor_id <> 'agent_blocked')`.execute(owner));
    try {
      const r = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.agent('agent_blocked', 'shop_p'), payload: { orderId: 'P1', field: 'phone' } });
      assert.equal(r.statusCode, 500);
      assert.equal(r.body.includes(PHONE), false);
    } finally {
      await asOwner(desk.sql.db, (owner) => sql`alter table pii_reveals drop constraint test_refuse_actor`.execute(owner));
    }
  });

  test("another buyer's or shop's order is 404, audits nothing", async () => {
    const { desk } = st;
    const before = (await reveals(desk)).length;
    for (const orderId of ['Q1', 'Z1', 'NOPE']) {
      const r = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.agent('agent_7', 'shop_p'), payload: { orderId, field: 'phone' } });
      assert.deepEqual([r.statusCode, r.json()], [404, { error: { code: 'NOT_FOUND', message: 'no such order' } }], orderId);
    }
    const otherShop = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.agent('agent_z', 'shop_z'), payload: { orderId: 'P1', field: 'phone' } });
    assert.equal(otherShop.statusCode, 404);
    const buyer = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.buyer('buyer_p'), payload: { orderId: 'P1', field: 'phone' } });
    assert.equal(buyer.statusCode, 403);
    assert.equal((await reveals(desk)).length, before);
  });

  test('a bad reveal body is 400 naming the field, and audits nothing', async () => {
    const { desk } = st;
    const before = (await reveals(desk)).length;
    const bodies: Array<[unknown, string]> = [
      [{ field: 'phone' }, 'orderId'],
      [{ orderId: '', field: 'phone' }, 'orderId'],
      [{ orderId: 'P1' }, 'field'],
      [{ orderId: 'P1', field: 'name' }, 'field'],
    ];
    for (const [payload, field] of bodies) {
      const r = await desk.app.inject({ method: 'POST', url: revealUrl(st.conversationId), headers: as.agent('agent_7', 'shop_p'), payload: payload as object });
      assert.deepEqual([r.statusCode, errorOf(r)], [400, { code: 'BAD_REQUEST', field }], JSON.stringify(payload));
    }
    assert.equal((await reveals(desk)).length, before);
  });
}
