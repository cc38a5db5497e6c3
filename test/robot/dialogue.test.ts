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
    // The shop's own word on when refunded money arrives replaces the built-in one (twenty-first session), and on how long a review takes (twenty-second).
    assert.deepEqual(plan(s, input('我的退款进度')).needs, { orders: true, aftersales: true, logistics: false, faq: false, knownOrderIds: [], shopSays: ['refund_time', 'review_time', 'return_ship', 'returns'] });
    // A policy question also asks the FAQ for the shop's own entry on its topic.
    assert.deepEqual(plan(s, input('能开发票吗')).needs, { orders: false, aftersales: false, logistics: false, faq: true, knownOrderIds: [], faqTopic: 'invoice' });
    // An id typed may be an after-sales request's: those are read too, if they come in time.
    assert.deepEqual(plan(s, input('2024112500001111 到哪了')).needs, { orders: true, aftersales: true, bestEffort: ['aftersales'], logistics: true, faq: false, knownOrderIds: ['2024112500001111'], shopSays: ['ship_time', 'pre_order', 'made_to_order', 'digital_time', 'find_code', 'delivery_time'] });
  });

  test('a data question that names no order also asks the FAQ; one about the buyer\'s own order does not', () => {
    const s = initialState();
    assert.deepEqual(plan(s, input('付款后多久发货？')).needs, { orders: true, aftersales: false, logistics: true, faq: true, knownOrderIds: [], shopSays: ['ship_time', 'pre_order', 'made_to_order', 'digital_time', 'find_code', 'delivery_time'] });
    assert.equal(plan(s, input('我的快递什么时候到')).needs.faq, false);
    assert.equal(plan(s, input('2024112500001111 到哪了')).needs.faq, false);
    // A policy question about an order the buyer names also loads the orders, to show that one.
    assert.equal(plan(s, input('我买的耳机能退吗')).needs.orders, true);
    assert.equal(plan(s, input('发票怎么开')).needs.orders, false);
    // A returns question also reads the buyer's requests, to show one under way.
    // The shop's times are asked too, for a request under way (thirtieth session).
    // And the parcels: the days to return count from the delivered scan (thirty-eighth session).
    assert.deepEqual(plan(s, input('退货运费谁出')).needs, { orders: true, aftersales: true, logistics: true, faq: true, knownOrderIds: [], bestEffort: ['orders', 'aftersales'], shopSays: ['refund_time', 'review_time', 'return_ship', 'returns', 'cancel', 'pre_order', 'made_to_order'], faqTopic: 'return_policy' });
    // Asked about the buyer's own purchase, the orders are needed for the answer itself.
    assert.deepEqual(plan(s, input('我买的耳机能退吗')).needs.bestEffort, ['aftersales']);
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
    assert.deepEqual(asked.state.pending, { intent: 'track_parcel', orderIds: [b.orderId, a.orderId], kinds: ['earphones', 'tshirt', 'clothing'] });
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

  test('a returns question from a buyer whose request is under way shows that request first, then the policy', () => {
    const refund = aftersale({ aftersaleId: 'R1', orderId: a.orderId, status: 'requested', amount: '88.00' });
    const r = step(initialState(), input('退货怎么弄'), { orders: ok([a, b]), aftersales: ok([refund]), faq: ok(null) });
    assert.equal(r.intent, 'return_policy');
    assert.equal(r.replies.length, 2);
    assert.match(r.replies[0]!.text, /2024112500001111.*¥88\.00/);
    assert.match(r.replies[1]!.text, /7 天无理由/);
    assert.equal(r.state.focusOrderId, a.orderId);
    // A later "那进度呢" is about that request.
    assert.equal(r.state.topic, 'aftersale_progress');
    // With two under way, the order the buyer describes picks one.
    const both = [refund, aftersale({ aftersaleId: 'R2', orderId: b.orderId, status: 'returning', amount: '59.00' })];
    const tee = step(initialState(), input('纯棉T恤能退吗'), { orders: ok([a, b]), aftersales: ok(both), faq: ok(null) });
    assert.equal(tee.replies.length, 2);
    assert.match(tee.replies[0]!.text, /2024112600002222.*¥59\.00/);
  });

  test('a returns question shows no request when none is under way, several could be meant, or the buyer describes another order', () => {
    const done = aftersale({ aftersaleId: 'R1', orderId: a.orderId, status: 'refunded' });
    const policyOnly = (text: string, aftersales: ReturnType<typeof aftersale>[]) => {
      const r = step(initialState(), input(text), { orders: ok([a, b]), aftersales: ok(aftersales), faq: ok(null) });
      assert.equal(r.intent, 'return_policy', text);
      assert.equal(r.replies.length, 1, text);
      assert.match(r.replies[0]!.text, /7 天无理由/, text);
    };
    policyOnly('退货怎么弄', [done]);
    policyOnly('退货怎么弄', [aftersale({ aftersaleId: 'R1', orderId: a.orderId, status: 'requested' }), aftersale({ aftersaleId: 'R2', orderId: b.orderId, status: 'returning' })]);
    // The T-shirt (order b) has no request; the one under way is order a's. Named, the T-shirt's own order is
    // shown with the policy (its goods named, though not "my": a Chongqing shop, thirty-eighth session).
    const tee = step(initialState(), input('纯棉T恤能退吗'), { orders: ok([a, b]), aftersales: ok([aftersale({ aftersaleId: 'R1', orderId: a.orderId, status: 'requested' })]), faq: ok(null) });
    assert.deepEqual([tee.intent, tee.replies.length], ['return_policy', 2]);
    assert.match(tee.replies[0]!.text, new RegExp(b.orderId));
    assert.doesNotMatch(tee.replies[0]!.text, new RegExp(a.orderId));
    assert.match(tee.replies[1]!.text, /7 天无理由/);
    // Goods no order of theirs holds (a brand's earbuds, a bottle) are not the T-shirt under way.
    policyOnly('保温杯能退吗', [aftersale({ aftersaleId: 'R2', orderId: b.orderId, status: 'requested' })]);
    // An English word of the message inside another order's title ("how" in "Shower Gel") describes nothing.
    const gel = order({ orderId: '2024112600007777', items: [{ sku: 'G-1', title: 'Shower Gel', quantity: 1, price: '9.00' }] });
    const en = step(initialState(), input('how do i return it'), { orders: ok([a, gel]), aftersales: ok([aftersale({ aftersaleId: 'R1', orderId: a.orderId, status: 'requested' })]), faq: ok(null) });
    assert.equal(en.replies.length, 2);
    assert.match(en.replies[0]!.text, /2024112500001111/);
    // The after-sales lookup failing leaves the policy answer as it was.
    const r = step(initialState(), input('退货怎么弄'), { orders: ok([a]), aftersales: { ok: false, reason: 'timeout' }, faq: ok(null) });
    assert.equal(r.replies.length, 1);
    assert.match(r.replies[0]!.text, /7 天无理由/);
    assert.deepEqual(r.unavailable, []);
    // So does the orders lookup failing: the request's order cannot be told from the one described, nor its currency shown.
    const noOrders = step(initialState(), input('纯棉T恤能退吗'), { orders: { ok: false, reason: 'timeout' }, aftersales: ok([aftersale({ aftersaleId: 'R1', orderId: a.orderId, status: 'requested' })]), faq: ok(null) });
    assert.equal(noOrders.replies.length, 1);
    assert.deepEqual(noOrders.unavailable, []);
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
    const yes = step(addr.state, input('需要'), {});
    assert.deepEqual(yes.handover, { reason: 'requested' });
    // The person was mentioned, not asked about: "好的", "ok", a 👍 acknowledge the answer (found from outside: a 👍 handed over).
    for (const ack of ['好的', 'ok', '👍']) assert.equal(step(addr.state, input(ack), {}).handover, undefined, ack);
  });

  test('delivery estimate follows the parcel status', () => {
    const o = order({ orderId: '2024112600005555' });
    const today = [{ time: '2024-11-27T08:10:00+08:00', location: '杭州', description: '快递员正在派送' }];
    const r = step(initialState(), input('什么时候能到'), { orders: ok([o]), logistics: ok([logistics({ orderId: o.orderId, status: 'out_for_delivery', events: today })]) });
    assert.match(r.replies[0]!.text, /正在派送中，预计今天送达/);
    // Out for delivery since yesterday evening, asked the next morning: late, not "today" (found from outside).
    const yesterday = [{ time: '2024-11-26T18:30:00+08:00', location: '杭州', description: '快递员正在派送' }];
    const late = step(initialState(), input('今天能到吗'), { orders: ok([o]), logistics: ok([logistics({ orderId: o.orderId, status: 'out_for_delivery', events: yesterday })]) });
    assert.doesNotMatch(late.replies.map((x) => x.text).join('\n'), /预计今天送达/);
    assert.equal(late.state.offeredHuman, true);
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

const hit = (id: string, question: string, answer: string, confidence = 0.9): TurnData['faq'] =>
  ok({ entry: { id, question, answer, alternates: [] }, score: 10, confidence });

describe('the shop FAQ against order intents', () => {
  const shipTime = hit('zh-ship-time', '付款后多久发货？', '付款后 48 小时内发货。');

  test('a stored FAQ question asked word for word gets the shop answer, not "no orders found"', () => {
    const r = step(initialState(), input('付款后多久发货？'), { orders: ok([]), logistics: ok([]), faq: shipTime });
    assert.deepEqual(r.replies.map((x) => x.text), ['付款后 48 小时内发货。']);
  });

  test('asked in general by a buyer with one matching open order: the shop answer and that order', () => {
    const r = step(initialState(), input('付款后多久发货？'), { orders: ok([c]), logistics: ok([]), faq: shipTime });
    assert.equal(r.replies[0]!.text, '付款后 48 小时内发货。');
    assert.match(r.replies[1]!.text, /2024112700003333/);
    assert.equal(r.state.focusOrderId, c.orderId);
  });

  test('asked in general by a buyer with several orders: the shop answer, no choice card', () => {
    const r = step(initialState(), input('付款后多久发货？'), { orders: ok([a, b]), logistics: ok([]), faq: shipTime });
    assert.deepEqual(r.replies.map((x) => x.text), ['付款后 48 小时内发货。']);
    assert.equal(r.state.pending, undefined);
  });

  test('about the buyer\'s own order, or with an FAQ hit below confidence, the order answer stands', () => {
    const own = step(initialState(), input('我的快递什么时候到'), { orders: ok([a, b]), logistics: ok([]), faq: shipTime });
    assert.equal(own.replies[0]!.card?.kind, 'choice');
    const weak = step(initialState(), input('付款后多久发货？'), { orders: ok([c]), logistics: ok([]), faq: hit('zh-ship-time', '付款后多久发货？', 'x', 0.52) });
    assert.match(weak.replies[0]!.text, /2024112700003333/);
    // A buyer with no orders asking in general is not told "no orders found" (found from outside): not sure, a person?
    const none = step(initialState(), input('付款后多久发货？'), { orders: ok([]), logistics: ok([]), faq: hit('zh-ship-time', '付款后多久发货？', 'x', 0.52) });
    assert.match(none.replies[0]!.text, /不太确定/);
    assert.equal(none.state.offeredHuman, true);
  });

  test('a question only a parcel can answer keeps the parcel, unless it is the FAQ\'s own question word for word', () => {
    const carrier = (confidence: number) => hit('zh-carrier', '走什么物流', '默认发中通快递。', confidence);
    const data = (confidence: number): TurnData => ({ orders: ok([a]), logistics: ok([logistics({ orderId: a.orderId })]), faq: carrier(confidence) });
    const parcel = step(initialState(), input('物流到哪儿了'), data(0.76));
    assert.equal(parcel.replies.length, 1);
    assert.equal(parcel.replies[0]!.card?.kind, 'logistics');
    // As the shop typed it (the index's verbatim match); near enough is not ("快递到了吗" covered "走什么物流": found from outside).
    const own = step(initialState(), input('门店地址在哪'), { orders: ok([]), faq: ok({ entry: { id: 'zh-store', question: '门店地址在哪', answer: '门店在杭州西湖区。' }, score: 0, confidence: 1, lexical: 1, verbatim: true }) });
    assert.deepEqual(own.replies.map((x) => x.text), ['门店在杭州西湖区。']);
    const near = step(initialState(), input('物流到了吗'), { orders: ok([a]), logistics: ok([logistics({ orderId: a.orderId })]), faq: carrier(1) });
    assert.equal(near.replies[0]!.card?.kind, 'logistics');
  });

  // Found from outside: "wl" (物流) and "🙏快递呢" got the shop's shipping entry before the parcel.
  test('a bare "my parcel?" is about the buyer\'s parcel, not the FAQ\'s', () => {
    for (const text of ['wl', '🙏快递呢', 'my parcel?']) {
      const r = step(initialState(), input(text), { orders: ok([a]), logistics: ok([logistics({ orderId: a.orderId })]), faq: hit('zh-ship', '发什么快递', '默认顺丰。', 0.9) });
      assert.doesNotMatch(r.replies.map((x) => x.text).join(' '), /默认顺丰/, text);
    }
  });

  // Found from outside: "发货了吗" by a buyer with several orders got only the shop's shipping time.
  test('"has it shipped?" is about the buyer\'s order even beside a confident FAQ entry on shipping', () => {
    const r = step(initialState(), input('发货了吗'), { orders: ok([a, b]), logistics: ok([]), faq: hit('zh-ship-time', '什么时候发货', '付款后 48 小时内发货。') });
    assert.equal(r.replies[0]!.card?.kind, 'choice');
  });

  test('an index that reports bands: only the answer band outranks the orders', () => {
    const banded = (band: string): TurnData['faq'] => ok({ entry: { id: 'f', question: 'q', answer: 'SHOP' }, score: 1, confidence: 0.95, band } as never);
    assert.equal(step(initialState(), input('付款后多久发货？'), { orders: ok([]), faq: banded('answer') }).replies[0]!.text, 'SHOP');
    assert.notEqual(step(initialState(), input('付款后多久发货？'), { orders: ok([]), faq: banded('clarify') }).replies[0]!.text, 'SHOP');
  });

  test('a policy question: the shop entry wins over the built-in text, and a named open order is shown with it', () => {
    const policy = hit('zh-return', '怎么退货？', '本店退货请先联系客服登记。');
    const general = step(initialState(), input('怎么退货'), { faq: policy });
    assert.deepEqual(general.replies.map((x) => x.text), ['本店退货请先联系客服登记。']);
    const mine = step(initialState(), input('我买的耳机能退吗'), { orders: ok([a, b]), faq: policy });
    assert.match(mine.replies[0]!.text, /2024112500001111/);
    assert.equal(mine.replies[1]!.text, '本店退货请先联系客服登记。');
  });
});

describe('when the FAQ is unsure', () => {
  // Answers in the entries' language (an English answer in a Chinese conversation is framed as the shop's word in English).
  const cand = (id: string, question: string) => ({ entry: { id, question, answer: `答案 ${id}` }, score: 1, confidence: 0.4 });
  test('it offers the shop questions it hesitates between, and a number picks one', () => {
    const asked = step(initialState(), input('这个怎么弄'), { faq: ok(null), faqCandidates: [cand('a', '怎么开发票？'), cand('b', '怎么申请售后？')] });
    assert.match(asked.replies[0]!.text, /1\. 怎么开发票？\n2\. 怎么申请售后？/);
    assert.deepEqual(asked.state.faqOptions, ['怎么开发票？', '怎么申请售后？']);
    assert.equal(asked.state.failures, 0);
    const stored = parseState(JSON.parse(JSON.stringify(asked.state)));
    const p = plan(stored, input('2'));
    assert.equal(p.intent, 'faq');
    assert.equal(p.needs.faqText, '怎么申请售后？');
    const r = step(stored, input('2'), { faq: ok(cand('b', '怎么申请售后？')) });
    assert.equal(r.replies[0]!.text, '答案 b');
    assert.equal(r.state.faqOptions, undefined);
  });

  // Found from outside: "不是，我问的是退货运费谁出" after "did you mean…?" handed the buyer over, the question unanswered.
  test('a no that goes on to ask something is that question; a bare no is a no', () => {
    const asked = step(initialState(), input('能发新疆吗'), { faq: ok(null), faqCandidates: [cand('remote', '偏远地区能发货吗？')] });
    assert.deepEqual(asked.state.faqOptions, ['偏远地区能发货吗？']);
    for (const [text, intent] of [['不是，我问的是退货运费谁出', 'return_policy'], ['no, i mean do you ship to tibet', 'faq'], ['不用，帮我查下快递', 'track_parcel']] as const) {
      const p = plan(asked.state, input(text));
      assert.equal(p.intent, intent, text);
      const r = step(asked.state, input(text), { orders: ok([]), faq: ok(cand('fee', '退货运费谁承担？')) });
      assert.equal(r.handover, undefined, `${text}: not handed over`);
    }
    for (const text of ['不是', '不对', '不用了，谢谢', 'no thanks']) assert.equal(plan(asked.state, input(text)).intent, 'unknown', text);
    const offered = { ...initialState(), offeredHuman: true };
    assert.equal(plan(offered, input('不用，帮我查下快递')).intent, 'track_parcel', 'the question after the no is asked');
    assert.equal(step(offered, input('不用了'), {}).replies[0]!.text, step(offered, input('不用'), {}).replies[0]!.text, 'a bare no declines, as before');
  });

  // Found in this project's own use: a shop with each entry in Chinese and in English offered both to one buyer.
  test('the buyer is offered questions in their language only, never another language\'s', () => {
    const both = [cand('zh', '怎么开发票？'), cand('en', 'How do I get an invoice?'), cand('zh2', '能开专票吗？')];
    const zh = step(initialState(), input('这个怎么弄'), { faq: ok(null), faqCandidates: both });
    assert.deepEqual(zh.state.faqOptions, ['怎么开发票？', '能开专票吗？']);
    const en = step(initialState(), input('how do i do this'), { faq: ok(null), faqCandidates: both });
    assert.deepEqual(en.state.faqOptions, ['How do I get an invoice?']);
    const onlyZh = step(initialState(), input('how do i do this'), { faq: ok(null), faqCandidates: [cand('zh', '怎么开发票？'), cand('zh2', '能开专票吗？')] });
    assert.equal(onlyZh.state.faqOptions, undefined);
  });
});

describe('orders named any way the buyer writes them', () => {
  const hash = order({ orderId: '#A-77', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'S1', title: 'Wireless Headphones', quantity: 1, price: '9.00' }] });
  const long = order({ orderId: `ORD-${'9'.repeat(96)}`, createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'S2', title: '保温杯', quantity: 1, price: '9.00' }] });
  const data: TurnData = { orders: ok([hash, long]), logistics: ok([]) };

  test('a pending choice survives the stored state with ids of any shape and up to 128 characters', () => {
    const asked = step(initialState(), input('订单状态'), data);
    assert.deepEqual(asked.state.pending?.orderIds, [hash.orderId, long.orderId]);
    const stored = parseState(JSON.parse(JSON.stringify(asked.state)));
    assert.deepEqual(stored.pending, asked.state.pending);
    assert.equal(parseState({ v: 1, failures: 0, focusOrderId: 'x'.repeat(129) }).focusOrderId, undefined);
    assert.equal(parseState({ v: 1, failures: 0, focusOrderId: 'a\u0000b' }).focusOrderId, undefined);
  });

  for (const [reply, id] of [
    ['A77', '#A-77'],
    ['#a-77', '#A-77'],
    ['9999结尾的那个', `ORD-${'9'.repeat(96)}`],
    ['the headphones', '#A-77'],
    ['保温杯那个', `ORD-${'9'.repeat(96)}`],
  ] as const) {
    test(`after a choice list, "${reply}" picks the order`, () => {
      const asked = step(initialState(), input('订单状态'), data);
      const r = step(parseState(JSON.parse(JSON.stringify(asked.state))), input(reply), data);
      assert.equal(r.state.focusOrderId, id, reply);
      assert.equal(r.state.pending, undefined);
    });
  }

  test('a product word that is also an FAQ cue still answers the choice ("the leather one")', () => {
    const wallet = order({ orderId: 'C-1', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'S3', title: 'Leather Wallet', quantity: 1, price: '9.00' }] });
    const cable = order({ orderId: 'C-2', createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'S4', title: 'USB-C Cable', quantity: 1, price: '9.00' }] });
    const both: TurnData = { orders: ok([wallet, cable]), logistics: ok([]) };
    const asked = step(initialState(), input('where is my package'), both);
    const r = step(asked.state, input('the leather one'), both);
    assert.equal(r.state.focusOrderId, 'C-1');
  });

  test('an id the extractor does not take for one is still found among the buyer\'s orders', () => {
    const r = step(initialState(), input('订单#A-77到哪了'), data);
    assert.equal(r.state.focusOrderId, '#A-77');
    const bare = step({ v: 1, failures: 0, topic: 'order_status' }, input('#A-77'), data);
    assert.equal(bare.state.focusOrderId, '#A-77');
  });
});

describe('dates about the delivery are not the order date', () => {
  const one = order({ orderId: '2024112400007777', createdAt: '2024-11-24T09:00:00+08:00', status: 'paid' });
  for (const text of ['今天能到吗', '周五前能到吗', 'will it arrive by friday', 'yesterday i paid, when do you ship', '昨天付的款 什么时候发货', 'it said out for delivery today']) {
    test(`"${text}" with exactly one order answers that order`, () => {
      const r = step(initialState(), input(text), { orders: ok([one]), logistics: ok([]) });
      assert.match(r.replies[0]!.text, /2024112400007777/, text);
    });
  }

  test('a purchase day still picks among several orders, and a day matching none narrows nothing', () => {
    const r = step(initialState(), input('昨天买的那个发货了吗'), { orders: ok([a, b]), logistics: ok([]) });
    assert.equal(r.state.focusOrderId, b.orderId);
    const none = step(initialState(), input('上个月买的那个发货了吗'), { orders: ok([a, b]), logistics: ok([]) });
    assert.equal(none.replies[0]!.card?.kind, 'choice');
  });

  test('a span ("上周", a dateRange) picks the order placed in it', () => {
    const lastWeek = order({ orderId: '2024112000004444', createdAt: '2024-11-20T09:00:00+08:00' });
    const r = step(initialState(), input('上周买的那个发货了吗'), { orders: ok([a, lastWeek]), logistics: ok([]) });
    assert.equal(r.state.focusOrderId, lastWeek.orderId);
  });

  test('"a week ago" is the days around it: the order placed six days ago is the one meant', () => {
    const sixDays = order({ orderId: '2024112100005555', createdAt: '2024-11-21T09:00:00+08:00' });
    const r = step(initialState(), input('did the thing i ordered a week ago ship'), { orders: ok([a, sixDays]), logistics: ok([]) });
    assert.equal(r.state.focusOrderId, sixDays.orderId);
  });
});

describe('asking who answers', () => {
  test('"are you a bot?" gets an honest answer and the way to a person, not an FAQ entry; asking for a person still hands over', async () => {
    const { asksWhoAnswers } = await import('../../src/robot/nlu/identity.ts');
    for (const t of ['你是真人吗', '你是机器人吧', '您是不是真人', 'are you a real person?', 'r u a bot', 'am I talking to a bot', 'is this a robot?', '你叫什么名字', '您是哪位', "what's your name", 'who are you']) assert.ok(asksWhoAnswers(t), t);
    for (const t of ['我要真人客服', 'real person please', 'the robot vacuum arrived broken', '扫地机器人能退吗', 'are you open on sunday', '你们叫什么快递', 'who are you shipping with']) assert.ok(!asksWhoAnswers(t), t);
    const faqHours = { entry: { id: 'hours', question: '客服几点上班？', answer: '客服每天9点到21点在线。' }, score: 9, confidence: 0.99 };
    const zh = step(initialState(), input('你是真人吗'), { faq: ok(faqHours) });
    assert.equal(zh.intent, 'unknown');
    assert.match(zh.replies[0]!.text, /机器人.*转人工/);
    assert.equal(zh.handover, undefined);
    const en = step(initialState(), input('are you a real person'), { faq: ok(null) });
    assert.match(en.replies[0]!.text, /automated assistant.*"human"/);
    const wants = step(initialState(), input('你是真人还是机器人，我要找真人'), {});
    assert.equal(wants.intent, 'human');
    assert.ok(wants.handover);
  });
});

describe('the conversation language', () => {
  test('a short message does not switch a Chinese conversation to English; a sentence does', () => {
    const zh: DialogueState = { v: 1, failures: 0, lang: 'zh' };
    for (const text of ['ok', 'ok ok', 'hi', 'ty', 'tk', 'dd?']) assert.equal(step(zh, input(text), { faq: ok(null), orders: ok([]), aftersales: ok([]) }).lang, 'zh', text);
    const en = step(zh, input('where is my package please'), { orders: ok([]), logistics: ok([]) });
    assert.equal(en.lang, 'en');
    assert.equal(en.state.lang, 'en');
    assert.equal(step(en.state, input('我的快递呢'), { orders: ok([]), logistics: ok([]) }).lang, 'zh');
  });
});

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
    assert.equal(maskPhone('12345'), '****5');
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('Alice'), 'A*');
  });
});
