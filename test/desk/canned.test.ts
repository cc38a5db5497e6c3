/**
 * Canned replies: per-shop CRUD (agents read, admins write; 403 for another shop's path, 404 for
 * another shop's id), the variables' rendering as a pure function, and the rendered list for one
 * conversation from its buyer's latest order and parcel, on every SQL adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORDER_STATUS } from '../../src/robot/index.ts';
import { renderCannedReply } from '../../src/desk/index.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { logisticsEvent, orderEvent } from '../commerce/fixtures.ts';
import { as, createDesk, errorOf, openConversation, type Desk } from './support.ts';

after(dropTestSchemas);

describe('renderCannedReply', () => {
  test('fills known variables, leaves the rest of the text alone', () => {
    const r = renderCannedReply('{{buyer.name}}您好，订单 {{ order.id }}（{{order.status}}）由{{order.carrier}}承运，单号{{order.trackingNo}}。店铺 {{shop.id}} {x} {{ }}', {
      'buyer.name': '李雷',
      'order.id': 'O9',
      'order.status': 'shipped',
      'order.carrier': '顺丰速运',
      'order.trackingNo': 'SF1',
      'shop.id': 'shop_c',
    });
    assert.deepEqual(r, { rendered: '李雷您好，订单 O9（shipped）由顺丰速运承运，单号SF1。店铺 shop_c {x} {{ }}', missing: [] });
  });

  test("order.statusText names the status in the reply's language; without an order it is missing like the rest", () => {
    const vars = { 'order.status': 'shipped' } as const;
    assert.equal(renderCannedReply('您的订单{{order.statusText}}', vars).rendered, '您的订单已发货');
    assert.equal(renderCannedReply('Your order is {{ order.statusText }}', vars).rendered, `Your order is ${ORDER_STATUS.en.shipped}`);
    assert.deepEqual(renderCannedReply('订单{{order.statusText}}', {}), { rendered: '订单', missing: ['order.statusText'] });
  });

  test('missing and unknown variables render empty and are reported once each, in order', () => {
    const r = renderCannedReply('{{order.trackingNo}}/{{buyer.nickname}}/{{order.trackingNo}}/{{buyer.name}}/{{shop.id}}', { 'shop.id': 's', 'buyer.name': '' });
    assert.deepEqual(r, { rendered: '////s', missing: ['order.trackingNo', 'buyer.nickname', 'buyer.name'] });
  });

  // Found from outside (forty-first session): "Hi {{buyer.name}}, your order…" for a buyer whose token has no name read "Hi , your order…".
  test('a missing value leaves no space before the punctuation after it, nor two spaces', () => {
    assert.equal(renderCannedReply('Hi {{buyer.name}}, your order {{order.id}} is here.', { 'order.id': 'O1' }).rendered, 'Hi, your order O1 is here.');
    assert.equal(renderCannedReply('Dear {{buyer.name}} and team', {}).rendered, 'Dear and team');
    assert.equal(renderCannedReply('{{buyer.name}}您好，订单{{order.id}}', { 'order.id': 'O1' }).rendered, '您好，订单O1');
  });

  test('a value is inserted as is, even when it looks like a placeholder', () => {
    assert.deepEqual(renderCannedReply('{{buyer.name}}!', { 'buyer.name': '{{order.id}}' }), { rendered: '{{order.id}}!', missing: [] });
  });
});

for (const factory of SQL_FACTORIES) {
  describe(`desk canned replies on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk };
    before(async () => {
      st.desk = await createDesk(factory);
    });
    after(() => st.desk?.close());

    crudTests(st);
    renderedTests(st);
  });
}

const shopUrl = (shop: string, id?: string) => `/api/v1/shops/${shop}/canned-replies${id ? `/${id}` : ''}`;

function crudTests(st: { desk: Desk }): void {
  test('admin writes, agent reads; other shops get 403 on the path and 404 on the id', async () => {
    const { app } = st.desk;
    const created = await app.inject({ method: 'POST', url: shopUrl('shop_c'), headers: as.admin('adm', 'shop_c'), payload: { title: ' 发货时间 ', text: '亲，{{order.id}} 48 小时内发货' } });
    assert.equal(created.statusCode, 201);
    const reply = created.json();
    assert.deepEqual({ ...reply, id: typeof reply.id }, { id: 'string', shopId: 'shop_c', title: '发货时间', text: '亲，{{order.id}} 48 小时内发货', createdAt: reply.createdAt, updatedAt: reply.createdAt });

    const listed = await app.inject({ method: 'GET', url: shopUrl('shop_c'), headers: as.agent('ag', 'shop_c') });
    assert.deepEqual([listed.statusCode, listed.json()], [200, { items: [reply] }]);

    const agentWrite = await app.inject({ method: 'POST', url: shopUrl('shop_c'), headers: as.agent('ag', 'shop_c'), payload: { title: 't', text: 'x' } });
    assert.deepEqual([agentWrite.statusCode, errorOf(agentWrite).code], [403, 'FORBIDDEN']);
    const buyerRead = await app.inject({ method: 'GET', url: shopUrl('shop_c'), headers: as.buyer('b') });
    assert.equal(buyerRead.statusCode, 403);
    const otherShop = await app.inject({ method: 'GET', url: shopUrl('shop_c'), headers: as.admin('adm2', 'shop_d') });
    assert.equal(otherShop.statusCode, 403);

    for (const method of ['PUT', 'DELETE'] as const) {
      const r = await app.inject({ method, url: shopUrl('shop_d', reply.id), headers: as.admin('adm2', 'shop_d'), ...(method === 'PUT' ? { payload: { title: 'x', text: 'y' } } : {}) });
      assert.deepEqual([r.statusCode, r.json()], [404, { error: { code: 'NOT_FOUND', message: 'no such canned reply' } }], method);
      const cross = await app.inject({ method, url: shopUrl('shop_c', reply.id), headers: as.admin('adm2', 'shop_d'), ...(method === 'PUT' ? { payload: { title: 'x', text: 'y' } } : {}) });
      assert.equal(cross.statusCode, 403, `${method} on another shop's path`);
    }
    const untouched = await app.inject({ method: 'GET', url: shopUrl('shop_c'), headers: as.admin('adm', 'shop_c') });
    assert.deepEqual(untouched.json(), { items: [reply] });
  });

  test('update, delete, and the list sorted by title', async () => {
    const { app } = st.desk;
    const post = (title: string) => app.inject({ method: 'POST', url: shopUrl('shop_e'), headers: as.admin('adm', 'shop_e'), payload: { title, text: `${title} text` } });
    const b = (await post('b 退货')).json<Record<string, string>>();
    const a = (await post('a 发票')).json<Record<string, string>>();
    const updated = await app.inject({ method: 'PUT', url: shopUrl('shop_e', b.id), headers: as.admin('adm', 'shop_e'), payload: { title: 'c 退货', text: '新的文字' } });
    assert.equal(updated.statusCode, 200);
    const u = updated.json<Record<string, string>>();
    assert.deepEqual({ ...u, updatedAt: undefined }, { ...b, title: 'c 退货', text: '新的文字', updatedAt: undefined });
    assert.ok(Date.parse(u.updatedAt!) >= Date.parse(b.updatedAt!));

    const listed = await app.inject({ method: 'GET', url: shopUrl('shop_e'), headers: as.agent('ag', 'shop_e') });
    assert.deepEqual(listed.json().items.map((r: { title: string }) => r.title), ['a 发票', 'c 退货']);

    const del = await app.inject({ method: 'DELETE', url: shopUrl('shop_e', a.id), headers: as.admin('adm', 'shop_e') });
    assert.deepEqual([del.statusCode, del.body], [204, '']);
    const again = await app.inject({ method: 'DELETE', url: shopUrl('shop_e', a.id), headers: as.admin('adm', 'shop_e') });
    assert.equal(again.statusCode, 404);
    const after = await app.inject({ method: 'GET', url: shopUrl('shop_e'), headers: as.agent('ag', 'shop_e') });
    assert.deepEqual(after.json().items.map((r: { id: string }) => r.id), [b.id]);
  });

  test('a bad body is 400 naming the field, and stores or changes nothing', async () => {
    const { app } = st.desk;
    const kept = (await app.inject({ method: 'POST', url: shopUrl('shop_f'), headers: as.admin('adm', 'shop_f'), payload: { title: 't', text: 'x' } })).json();
    const bodies: Array<[unknown, string]> = [
      [{ text: 'x' }, 'title'],
      [{ title: '  ', text: 'x' }, 'title'],
      [{ title: 'x'.repeat(101), text: 'x' }, 'title'],
      [{ title: 't' }, 'text'],
      [{ title: 't', text: 'x'.repeat(4001) }, 'text'],
      [{ title: 't\u0000', text: 'x' }, 'title'],
      [{ title: 't', text: 'x\ud83d' }, 'text'],
      [{ title: 't\u001b', text: 'x' }, 'title'],
      [{ title: 't', text: 'x\u0007' }, 'text'],
      [{ title: 't', text: ['x'] }, 'text'],
    ];
    for (const [payload, field] of bodies) {
      for (const [method, url] of [['POST', shopUrl('shop_f')], ['PUT', shopUrl('shop_f', kept.id)]] as const) {
        const r = await app.inject({ method, url, headers: as.admin('adm', 'shop_f'), payload: payload as object });
        assert.equal(r.statusCode, 400, `${method} ${JSON.stringify(payload).slice(0, 40)}`);
        assert.deepEqual(errorOf(r), { code: 'BAD_REQUEST', field });
      }
    }
    const listed = await app.inject({ method: 'GET', url: shopUrl('shop_f'), headers: as.admin('adm', 'shop_f') });
    assert.deepEqual(listed.json(), { items: [kept] });
  });
}

function renderedTests(st: { desk: Desk }): void {
  test("a conversation's replies are rendered with its buyer's latest order and parcel", async () => {
    const { desk } = st;
    await desk.apply(orderEvent({ shopId: 'shop_g', orderId: 'G-OLD', userId: 'buyer_g', status: 'delivered', createdAt: '2026-10-01T00:00:00Z' }));
    await desk.apply(orderEvent({ shopId: 'shop_g', orderId: 'G-NEW', userId: 'buyer_g', status: 'shipped', createdAt: '2026-11-01T00:00:00Z' }));
    await desk.apply(logisticsEvent({ shopId: 'shop_g', orderId: 'G-NEW' }));
    // Another shop's newer order of the same buyer id must not be used.
    await desk.apply(orderEvent({ shopId: 'shop_other', orderId: 'X-1', userId: 'buyer_g', createdAt: '2026-12-01T00:00:00Z' }));
    const text = '{{buyer.name}}，订单{{order.id}}（{{order.status}}）：{{order.carrier}} {{order.trackingNo}} @{{shop.id}}';
    const reply = (await desk.app.inject({ method: 'POST', url: shopUrl('shop_g'), headers: as.admin('adm', 'shop_g'), payload: { title: '物流', text } })).json();

    const withOrder = await openConversation(desk, 'shop_g', 'buyer_g', '韩梅梅');
    const r = await desk.app.inject({ method: 'GET', url: `/api/v1/conversations/${withOrder}/canned-replies`, headers: as.agent('ag', 'shop_g') });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { items: [{ ...reply, rendered: '韩梅梅，订单G-NEW（shipped）：顺丰速运 SF100 @shop_g', missing: [] }] });

    const noOrder = await openConversation(desk, 'shop_g', 'buyer_g2');
    const bare = await desk.app.inject({ method: 'GET', url: `/api/v1/conversations/${noOrder}/canned-replies`, headers: as.admin('adm', 'shop_g') });
    assert.deepEqual(bare.json().items.map((i: { rendered: string; missing: string[] }) => [i.rendered, i.missing]), [
      ['，订单（）： @shop_g', ['buyer.name', 'order.id', 'order.status', 'order.carrier', 'order.trackingNo']],
    ]);

    const otherShop = await desk.app.inject({ method: 'GET', url: `/api/v1/conversations/${withOrder}/canned-replies`, headers: as.agent('ag', 'shop_other') });
    assert.equal(otherShop.statusCode, 404);
    const buyer = await desk.app.inject({ method: 'GET', url: `/api/v1/conversations/${withOrder}/canned-replies`, headers: as.buyer('buyer_g') });
    assert.equal(buyer.statusCode, 403);
  });
}
