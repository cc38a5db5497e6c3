import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, logisticsTargets, parseState, plan, step, type DialogueState, type TurnData, type TurnInput } from '../../src/robot/index.ts';
import { maskName, maskPhone } from '../../src/robot/index.ts';
import { aftersale, logistics, NOW, order, SHOP } from './fixtures.ts';

const input = (text: string): TurnInput => ({ shopId: SHOP, userId: 'u-1001', text, now: NOW });
const ok = <T>(value: T) => ({ ok: true as const, value });

const a = order({ orderId: '2024112500001111', createdAt: '2024-11-25T09:00:00+08:00' });
const b = order({ orderId: '2024112600002222', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'SKU-TS-1', title: '纯棉T恤', quantity: 1, price: '59.00' }] });
const c = order({ orderId: '2024112700003333', createdAt: '2024-11-27T08:00:00+08:00', status: 'paid' });

describe('plan', () => {
  test('only the lookups an intent needs', () => {
    const s = initialState();
    assert.deepEqual(plan(s, input('你好')).needs, { orders: false, aftersales: false, logistics: false, faq: false, knownOrderIds: [] });
    assert.deepEqual(plan(s, input('退款进度')).needs, { orders: true, aftersales: true, logistics: false, faq: false, knownOrderIds: [] });
    assert.deepEqual(plan(s, input('能开发票吗')).needs, { orders: false, aftersales: false, logistics: false, faq: true, knownOrderIds: [] });
    assert.deepEqual(plan(s, input('2024112500001111 到哪了')).needs, { orders: true, aftersales: false, logistics: true, faq: false, knownOrderIds: ['2024112500001111'] });
  });

  test('logistics targets: this buyer\'s shipped orders not fetched yet, newest first', () => {
    const p = plan(initialState(), input('快递到哪了'));
    const foreign = order({ orderId: '2024112699999999', userId: 'other' });
    assert.deepEqual(logisticsTargets(p, [a, b, c, foreign], { shopId: SHOP, userId: 'u-1001' }), [b.orderId, a.orderId]);
    assert.deepEqual(logisticsTargets(plan(initialState(), input('取消订单')), [a, b], { shopId: SHOP, userId: 'u-1001' }), []);
  });
});

describe('step', () => {
  test('a choice is answered by ordinal, by number, by order id, and out of range re-asks', () => {
    const data: TurnData = { orders: ok([a, b]), logistics: ok([logistics({ orderId: a.orderId }), logistics({ orderId: b.orderId })]) };
    const asked = step(initialState(), input('快递到哪了'), data);
    assert.deepEqual(asked.state.pending, { intent: 'track_parcel', orderIds: [b.orderId, a.orderId] });
    for (const [reply, id] of [
      ['第一个', b.orderId],
      ['1', b.orderId],
      ['最后一个', a.orderId],
      [a.orderId, a.orderId],
    ] as const) {
      const r = step(asked.state, input(reply), data);
      assert.equal(r.state.focusOrderId, id, reply);
      assert.equal(r.state.pending, undefined);
      assert.match(r.replies[0]!.text, new RegExp(id));
    }
    const far = step(asked.state, input('第五个'), data);
    assert.match(far.replies[0]!.text, /只有 2 个订单可选/);
    assert.deepEqual(far.state.pending, asked.state.pending);
    assert.equal(far.state.failures, 0);
  });

  test('a new question instead of a choice drops the choice', () => {
    const data: TurnData = { orders: ok([a, b]), logistics: ok([]) };
    const asked = step(initialState(), input('快递到哪了'), data);
    const r = step(asked.state, input('能开发票吗'), { faq: ok(null) });
    assert.equal(r.intent, 'invoice');
    assert.equal(r.state.pending, undefined);
  });

  test('the ordinal applies to the new question when one is asked with it ("第二个的退款呢")', () => {
    const data: TurnData = { orders: ok([a, b]), logistics: ok([]), aftersales: ok([aftersale({ aftersaleId: 'R1', orderId: a.orderId, amount: '88.00' }), aftersale({ aftersaleId: 'R2', orderId: b.orderId, amount: '59.00' })]) };
    const asked = step(initialState(), input('快递到哪了'), data);
    const r = step(asked.state, input('第二个的退款呢'), data);
    assert.equal(r.intent, 'aftersale_progress');
    assert.match(r.replies[0]!.text, /2024112500001111.*¥88\.00/);
  });

  test("records of another buyer or shop are dropped before anything is said", () => {
    const mine = order({ orderId: '2024112500001111' });
    const theirs = order({ orderId: '2024112500009999', userId: 'u-2002' });
    const otherShop = order({ orderId: '2024112500008888', shopId: 'shop-2' });
    const r = step(initialState(), input('订单状态'), { orders: ok([mine, theirs, otherShop]), logistics: ok([logistics({ orderId: theirs.orderId })]) });
    assert.match(r.replies[0]!.text, /2024112500001111/);
    assert.doesNotMatch(JSON.stringify(r.replies), /9999|8888/);
  });

  test('logistics of an order that is not verified as the buyer\'s are not shown', () => {
    // The order lookup failed; only orders this conversation already verified may show tracking.
    const s: DialogueState = { v: 1, failures: 0, focusOrderId: a.orderId };
    const data: TurnData = { orders: { ok: false, reason: 'timeout' }, logistics: ok([logistics({ orderId: a.orderId }), logistics({ orderId: '2024112500009999', trackingNo: 'LEAK' })]) };
    const r = step(s, input('快递到哪了'), data);
    assert.doesNotMatch(JSON.stringify(r), /LEAK/);
    assert.deepEqual(r.unavailable, ['orders']);
  });

  statusAnswerTests();
});

function statusAnswerTests(): void {
  test('cancel and change-address answers depend on the order status', () => {
    const paid = order({ orderId: '2024112700003333', status: 'paid' });
    const shipped = order({ orderId: '2024112700004444', status: 'shipped' });
    assert.match(step(initialState(), input('取消订单'), { orders: ok([paid]) }).replies[0]!.text, /还未发货，可以在订单详情页点“申请退款”取消/);
    assert.match(step(initialState(), input('取消订单'), { orders: ok([shipped]) }).replies[0]!.text, /已经发货，无法直接取消/);
    const addr = step(initialState(), input('改地址'), { orders: ok([shipped]), logistics: ok([logistics({ orderId: shipped.orderId, carrier: '韵达快递', trackingNo: 'YD1' })]) });
    assert.match(addr.replies[0]!.text, /已发货，地址无法在线修改，可联系韵达快递（运单号 YD1）改派/);
    const yes = step(addr.state, input('好的'), {});
    assert.deepEqual(yes.handover, { reason: 'requested' });
  });

  test('delivery estimate follows the parcel status', () => {
    const o = order({ orderId: '2024112600005555' });
    const r = step(initialState(), input('什么时候能到'), { orders: ok([o]), logistics: ok([logistics({ orderId: o.orderId, status: 'out_for_delivery' })]) });
    assert.match(r.replies[0]!.text, /正在派送中，预计今天送达/);
    const en = step(initialState(), input('when will it arrive'), { orders: ok([c]) });
    assert.match(en.replies[0]!.text, /hasn't shipped yet/);
  });

  test('declining the offer of a human is not counted as a failure', () => {
    const s: DialogueState = { v: 1, failures: 1, offeredHuman: true };
    const r = step(s, input('不用了'), {});
    assert.equal(r.handover, undefined);
    assert.equal(r.state.failures, 1);
    assert.equal(r.state.offeredHuman, undefined);
  });

  test('step is pure: same inputs, same outputs, input state untouched', () => {
    const s = initialState();
    const frozen = JSON.stringify(s);
    const data: TurnData = { orders: ok([a]), logistics: ok([logistics({ orderId: a.orderId })]) };
    const one = step(s, input('快递到哪了'), data);
    const two = step(s, input('快递到哪了'), data);
    assert.deepEqual(one, two);
    assert.equal(JSON.stringify(s), frozen);
  });
}

describe('state and masking', () => {
  test('parseState keeps what is valid and drops the rest', () => {
    assert.deepEqual(parseState(undefined), initialState());
    assert.deepEqual(parseState({ v: 1, failures: 1, lang: 'en', focusOrderId: 'A1', topic: 'track_parcel', confirm: 'invoice', offeredHuman: true }), {
      v: 1,
      failures: 1,
      lang: 'en',
      focusOrderId: 'A1',
      topic: 'track_parcel',
      confirm: 'invoice',
      offeredHuman: true,
    });
    assert.deepEqual(parseState({ v: 1, failures: -3, lang: 'fr', topic: 'greeting', focusOrderId: 'x'.repeat(300), pending: { intent: 'track_parcel', orderIds: [] } }), initialState());
  });

  test('masking', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('12345'), '***45');
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('Alice'), 'A*');
  });
});
