import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRobot, FaqIndex, FaqIndexProvider, safetyOf, type FaqProvider, type AnswerRequest, type FaqEntry, type LlmClient, type Robot, type RobotAnswer } from '../../src/robot/index.ts';
import type { Aftersale, BuyerDataSource, Logistics, Order } from '../../src/commerce/types.ts';
import { createBuyerDataSource, type CommerceReadModel, type PlatformConnector } from '../../src/commerce/index.ts';
import { readDemoFaq } from '../../src/robot/eval/evaluate.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { aftersale, fakeDataSource, logistics, NOW, order, SHOP, type FakeData } from './fixtures.ts';
import { BEST_EFFORT_BUDGET_MS } from '../../src/robot/robot.ts';
import { adviceKind } from '../../src/robot/safety.ts';
import { toTaiwanese, toTraditional } from '../../src/robot/traditional.ts';
import { chineseScript, createNlu, detectLanguage, withdrawsHandover } from '../../src/robot/nlu/index.ts';
import { isSmallTalk } from '../../src/robot/nlu/identity.ts';
import { neverPaid, TEXTS } from '../../src/robot/replies.ts';
import { asksDisposal, MISSES_KEPT_S, returnDays } from '../../src/robot/dialogue.ts';
import { dangerGoesOn } from '../../src/robot/safety.ts';

const faq = new FaqIndexProvider();
faq.setEntries(SHOP, readDemoFaq());

const EARBUDS = '2024112500001111';
const TSHIRT = '2024112600002222';

const earbuds = order({ orderId: EARBUDS, createdAt: '2024-11-25T09:00:00+08:00' });
const tshirt = order({
  orderId: TSHIRT,
  createdAt: '2024-11-26T10:00:00+08:00',
  items: [{ sku: 'SKU-TS-1', title: '纯棉T恤', quantity: 2, price: '59.00' }],
  totalAmount: '118.00',
});
const earbudsTrack = logistics({
  orderId: EARBUDS,
  carrier: '中通快递',
  trackingNo: 'ZT7700001111',
  events: [
    { time: '2024-11-25T18:00:00+08:00', location: '杭州', description: '快件已揽收' },
    { time: '2024-11-26T21:40:00+08:00', location: '上海转运中心', description: '快件已到达上海转运中心' },
  ],
});
const tshirtTrack = logistics({
  orderId: TSHIRT,
  carrier: '顺丰速运',
  trackingNo: 'SF1400000002222',
  status: 'out_for_delivery',
  events: [{ time: '2024-11-27T08:10:00+08:00', location: '杭州西湖营业点', description: '快递员正在派送' }],
});

function conversation(robot: Robot, userId = 'u-1001', shopId = SHOP) {
  let state: unknown;
  return async (text: string): Promise<RobotAnswer> => {
    const r = await robot.answer({ shopId, userId, conversationId: 'c-1', text, state });
    state = r.state;
    assert.ok(r.replies.length > 0 && r.replies.every((x) => typeof x.text === 'string' && x.text.length > 0), 'every reply has text');
    return r;
  };
}

const robotWith = (data: FakeData, extra: { budgetMs?: number; llm?: LlmClient; dataSource?: BuyerDataSource } = {}) =>
  createRobot({ dataSource: extra.dataSource ?? fakeDataSource(data), faq, clock: () => NOW, ...extra });
const robotWithBudget = robotWith;

const textOf = (r: RobotAnswer) => r.replies.map((x) => x.text).join('\n');

describe('parcel tracking', () => {
  oneOrderTrackingTests();
  severalOrdersTrackingTests();
});

function oneOrderTrackingTests(): void {
  const phrasings = [
    ['我的快递到哪了', 'zh'],
    ['快递咋还没到啊😭', 'zh'],
    ['物流到哪儿了？？', 'zh'],
    ['帮我查下物流', 'zh'],
    ['包裹現在到哪裡了', 'zh'],
    ['kuaidi 到哪了', 'zh'],
    ['我的package到哪了', 'zh'],
    ['where is my package??', 'en'],
    ["where's my pkg", 'en'],
    ['can u track my order pls', 'en'],
    ['ＷＨＥＲＥ ＩＳ ＭＹ ＰＡＲＣＥＬ', 'en'],
  ] as const;
  for (const [text, lang] of phrasings) {
    test(`one shipped order: "${text}" gets carrier, tracking number and latest event`, async () => {
      const r = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.intent, 'track_parcel');
      const t = textOf(r);
      // A buyer writing traditional characters is answered in them (the card keeps the platform's data).
      const said = (s: string) => (chineseScript(text) === 'hant' ? toTraditional(s) : s);
      assert.ok(t.includes(lang === 'en' ? 'ZTO Express' : said('中通快递')), t);
      assert.match(t, /ZT7700001111/);
      assert.ok(t.includes(said('上海转运中心')), t);
      const card = r.replies[0]!.card;
      assert.equal(card?.kind, 'logistics');
      assert.equal(card.kind === 'logistics' && card.events[0]!.description, '快件已到达上海转运中心', 'timeline newest first');
      assert.equal(r.lang, lang);
      assert.ok(t.includes(lang === 'zh' ? said('最新物流') : 'Latest update'), t);
    });
  }

  test('answers in English to an English question', async () => {
    const r = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my package' });
    assert.match(textOf(r), /^Your order 2024112500001111 .* is with ZTO Express, tracking number ZT7700001111, currently in transit\. Latest update \(in the carrier's words\): Nov 26, 21:40, 上海转运中心: /);
  });

  test('an order that has not shipped says so instead of inventing tracking', async () => {
    const r = await robotWith({ orders: [order({ orderId: '2024112700003333', status: 'paid' })] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '快递到哪了' });
    assert.match(textOf(r), /2024112700003333.*已付款待发货.*还没有物流信息/);
  });
}

function severalOrdersTrackingTests(): void {
  test('two shipped orders: asks which one, then answers the one chosen by ordinal', async () => {
    for (const [ask, pick, lang] of [
      ['我的快递到哪了', '第二个', 'zh'],
      ['where is my package', 'the second one', 'en'],
      ['快递到哪了', '2', 'zh'],
      ['查物流', '最后一个', 'zh'],
    ] as const) {
      const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
      const first = await say(ask);
      const card = first.replies[0]!.card;
      assert.equal(card?.kind, 'choice');
      // Newest first: the T-shirt (ordered the 26th) is option 1, the earbuds option 2.
      assert.deepEqual(card.kind === 'choice' && card.options.map((o) => o.orderId), [TSHIRT, EARBUDS]);
      assert.doesNotMatch(textOf(first), /ZT7700001111|SF1400000002222/);
      const second = await say(pick);
      assert.equal(second.intent, 'track_parcel');
      assert.match(textOf(second), /ZT7700001111/, `${ask} / ${pick}`);
      assert.doesNotMatch(textOf(second), /SF1400000002222/);
      assert.equal(second.lang, lang);
    }
  });

  test('two shipped orders: the order number answers the choice', async () => {
    const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    await say('where is my package?');
    const r = await say(TSHIRT);
    assert.match(textOf(r), /SF Express.*SF1400000002222.*out for delivery/);
    assert.equal(r.lang, 'en', 'an order number alone keeps the conversation language');
  });

  test('a product word or the purchase day picks the order too', async () => {
    let say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    await say('快递到哪了');
    assert.match(textOf(await say('耳机那个')), /ZT7700001111/);
    say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    assert.match(textOf(await say('昨天买的那个快递到哪了')), /SF1400000002222/);
  });

  test('follow-ups keep the chosen order: "那退款呢" and "什么时候到"', async () => {
    const say = conversation(
      robotWith({
        orders: [earbuds, tshirt],
        logistics: [earbudsTrack, tshirtTrack],
        aftersales: [aftersale({ aftersaleId: 'AS-9', orderId: EARBUDS, status: 'requested', amount: '199.00' }), aftersale({ aftersaleId: 'AS-8', orderId: TSHIRT, amount: '59.00' })],
      }),
    );
    await say('我的快递到哪了');
    await say('第二个');
    const refund = await say('那退款呢');
    assert.equal(refund.intent, 'aftersale_progress');
    assert.match(textOf(refund), /2024112500001111.*待审核.*¥199\.00/);
    const eta = await say('什么时候到');
    assert.equal(eta.intent, 'delivery_estimate');
    assert.match(textOf(eta), /2024112500001111.*运输途中/);
  });
}

describe('after-sales', () => {
  test('a refund in progress: status and amount, in both languages', async () => {
    const data = { orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'AS-1', orderId: EARBUDS, status: 'approved', amount: '199.00' })] };
    const zh = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退款怎么还没到' });
    assert.equal(zh.intent, 'aftersale_progress');
    // When it was approved, so the buyer can count the working days (found from outside).
    assert.match(textOf(zh), /退款申请（订单 2024112500001111）当前状态：已同意（11-26 12:00），金额 ¥199\.00/);
    assert.equal(zh.replies[0]!.card?.kind, 'aftersale');
    const en = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my refund??' });
    assert.match(textOf(en), /refund request \(order 2024112500001111\) is approved \(since Nov 26, 12:00\), amount ¥199\.00/);
  });

  test('no after-sales request: told so', async () => {
    const r = await robotWith({ orders: [earbuds], aftersales: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退款进度查一下' });
    assert.match(textOf(r), /没有查到您的售后申请/);
  });
});

describe('a returns question from a buyer with a request under way', () => {
  const underway = aftersale({ aftersaleId: 'AS-2', orderId: EARBUDS, status: 'requested', amount: '199.00' });

  test('shows the request, then the policy', async () => {
    const r = await robotWith({ orders: [earbuds], aftersales: [underway] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退货怎么弄' });
    assert.equal(r.intent, 'return_policy');
    // The policy is the demo shop's own entry on returns, not the built-in text.
    assert.match(textOf(r), /退款申请（订单 2024112500001111）当前状态：[^\n]+\n(?:您想问的是哪一个|您是想问)/);
    assert.deepEqual(r.unavailable, []);
  });

  test('slow or failing after-sales hold the answer for the short budget only, and are not reported', async () => {
    const slow = fakeDataSource({ orders: [earbuds], aftersales: [underway] }, { listAftersales: { delayMs: 3000 } });
    const started = performance.now();
    const r = await robotWith({}, { dataSource: slow, budgetMs: 2000 }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退货怎么弄' });
    assert.ok(performance.now() - started < BEST_EFFORT_BUDGET_MS + 300, 'not held for the whole budget');
    assert.match(textOf(r), /您想问的是哪一个|您是想问/);
    assert.doesNotMatch(textOf(r), /退款申请/);
    assert.deepEqual(r.unavailable, []);
    const failing = fakeDataSource({ orders: [earbuds], aftersales: [underway] }, { listOrders: { fail: true } });
    const f = await robotWith({}, { dataSource: failing }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退货怎么弄' });
    // Without the orders the request's order and currency are unknown: the policy alone.
    assert.doesNotMatch(textOf(f), /退款申请/);
    assert.deepEqual(f.unavailable, []);
  });

  test('an after-sales question still reports a failing lookup', async () => {
    const failing = fakeDataSource({ orders: [earbuds], aftersales: [underway] }, { listAftersales: { fail: true } });
    const r = await robotWith({}, { dataSource: failing }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退款进度查一下' });
    assert.deepEqual(r.unavailable, ['aftersales']);
  });
});

describe('no orders, other buyers', () => {
  test('a buyer without orders is told so', async () => {
    for (const [text, re] of [
      ['我的快递到哪了', /没有查到您在本店的订单/],
      ['where is my order', /can't find any orders from you in this shop/],
      ['取消订单', /没有查到您在本店的订单/],
    ] as const) {
      const r = await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.match(textOf(r), re);
    }
  });

  test("another buyer's records are never shown, even when the data source returns them", async () => {
    const leaky: BuyerDataSource = {
      listOrders: async () => [order({ orderId: '2024112599990000', userId: 'someone-else' }), order({ orderId: '2024112588880000', shopId: 'other-shop' })],
      getLogistics: async () => [logistics({ orderId: '2024112599990000', trackingNo: 'SECRET123456' })],
      listAftersales: async () => [aftersale({ aftersaleId: 'X', orderId: '2024112599990000', userId: 'someone-else', amount: '888.00' })],
    };
    const robot = createRobot({ dataSource: leaky, faq, clock: () => NOW });
    for (const text of ['我的快递到哪了', '退款进度', '2024112599990000 到哪了', '订单状态']) {
      const t = textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text }));
      assert.doesNotMatch(t, /2024112599990000|2024112588880000|SECRET123456|888\.00/, text);
    }
  });

  test('phone numbers are masked in what the robot says', async () => {
    const r = await robotWith({ orders: [order({ orderId: '2024112700004444', status: 'paid' })] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '地址写错了能改吗' });
    assert.equal(r.intent, 'change_address');
    assert.match(textOf(r), /138\*\*\*\*5678/);
    assert.doesNotMatch(JSON.stringify(r.replies), /13812345678|张三|文三路/);
  });
});

describe('FAQ', () => {
  test('a paraphrase finds the shop answer, or offers its entry first when unsure', async () => {
    const robot = robotWith({});
    for (const [text, re] of [
      ['你们一般发哪个快递呀', /默认发中通快递/],
      ['能开发票吗', /申请开票/],
      // 0.956 against the answer threshold of 0.96 (docs/robot-evaluation.md, part 10): offered.
      ['can i pay with paypal', /Alipay, WeChat Pay|Did you mean "What payment methods do you accept\?"/],
    ] as const) {
      assert.match(textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })), re, text);
    }
  });

  test('out of the FAQ: "not sure, want a human?", and yes hands over', async () => {
    const say = conversation(robotWith({}));
    const r = await say('这个手机壳适合苹果15吗');
    assert.match(textOf(r), /不太确定，需要为您转接人工客服吗/);
    assert.equal(r.handover, undefined);
    const yes = await say('好的');
    assert.deepEqual(yes.handover, { reason: 'requested' });
  });

  test('policy questions fall back to the built-in answer when the shop FAQ has none', async () => {
    const empty = new FaqIndexProvider();
    const r = await createRobot({ dataSource: fakeDataSource({}), faq: empty, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u', conversationId: 'c', text: '怎么退货' });
    assert.match(textOf(r), /7 天无理由/);
  });
});

describe("the shop's own policy over the built-in text (issue #12)", () => {
  // Found from outside: "怎么退货" got the built-in returns text (which leaves out who pays the
  // return postage) while "我要退货" got the shop's entry, and "can I get an invoice?" a built-in
  // English text that contradicted the shop's. The same shop must state one policy.
  const shopFaq = new FaqIndexProvider();
  shopFaq.setEntries('shop_own', [
    { id: 'ship', question: '发什么快递？', answer: '默认发顺丰。' },
    { id: 'returns', question: '退货运费谁承担？', answer: '支持7天无理由退货，退货运费由买家承担。' },
    { id: 'invoice', question: '可以开发票吗？', answer: '请在订单页申请发票，3个工作日内发到邮箱。' },
  ]);
  const ask = (text: string) => createRobot({ dataSource: fakeDataSource({ orders: [], aftersales: [] }), faq: shopFaq, clock: () => NOW }).answer({ shopId: 'shop_own', userId: 'u-own', conversationId: 'c-own', text });

  test('a returns or invoice question in any words, either language, gets the shop entry on that topic, or the offer of it', async () => {
    for (const [text, re] of [
      ['怎么退货', /退货运费由买家承担/],
      ['我要退货', /退货运费由买家承担/],
      ['能不能退', /退货运费由买家承担/],
      ['发票怎么弄', /3个工作日内发到邮箱/],
      ['can I get an invoice?', /3个工作日内发到邮箱/],
    ] as const) {
      let state: unknown;
      const say = async (t: string) => {
        const r = await createRobot({ dataSource: fakeDataSource({ orders: [], aftersales: [] }), faq: shopFaq, clock: () => NOW }).answer({ shopId: 'shop_own', userId: 'u-own', conversationId: 'c-own', text: t, state });
        state = r.state;
        return r;
      };
      const r = await say(text);
      assert.doesNotMatch(textOf(r), /7 天无理由|Request invoice|accept returns/, `${text}: no built-in text`);
      // Answered at once, or the shop's own question offered; a yes gets its answer.
      const got = re.test(textOf(r)) ? r : await say(/[a-z]/i.test(text) ? 'yes' : '是');
      assert.match(textOf(got), re, text);
    }
  });

  test('an entry on the topic that answers another question is offered, not asserted (found in review)', async () => {
    const custom = new FaqIndexProvider();
    custom.setEntries('shop_custom', [{ id: 'custom', question: '定制商品可以退货吗？', answer: '定制商品一经制作，不支持退换货。' }]);
    const r = await createRobot({ dataSource: fakeDataSource({ orders: [], aftersales: [] }), faq: custom, clock: () => NOW }).answer({ shopId: 'shop_custom', userId: 'u-c', conversationId: 'c-c', text: '怎么退货' });
    assert.doesNotMatch(textOf(r), /不支持退换货/);
    assert.match(textOf(r), /您是想问“定制商品可以退货吗？”吗/);
  });

  // Found from outside: "牙刷用了半年坏了怎么办" is a returns question sharing no word with the
  // shop's returns entry, so none was ranked and the built-in "7 天无理由" text spoke for the shop.
  test('a policy question that shares no word with the shop entry on its topic is offered that entry, not the built-in text', async () => {
    const r = await ask('牙刷用了半年坏了怎么办');
    assert.doesNotMatch(textOf(r), /7 天无理由/);
    // Broken goods are the shop's to sort out: a person is offered (since the twelfth session), or else the shop's entry.
    assert.match(textOf(r), /退货运费谁承担|转人工/);
    const plain = await ask('七天无理由怎么算');
    assert.doesNotMatch(textOf(plain), /7 天无理由/);
  });

  // Found from outside: an English buyer was offered the entry's Chinese question beside its English alternate.
  test('an entry is offered in the buyer\'s language when it has an alternate in it; a yes gets its answer', async () => {
    const bilingual = new FaqIndexProvider();
    bilingual.setEntries('shop_bi', [{ id: 'r', question: '支持七天无理由退货吗？', answer: '支持七天无理由退货，食品拆封后不支持退货。', alternates: ['可以退货吗', 'Can I return an item?'] }]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [], aftersales: [] }), faq: bilingual, clock: () => NOW });
    const r = await robot.answer({ shopId: 'shop_bi', userId: 'u-bi', conversationId: 'c-bi', text: 'how do returns work' });
    assert.match(textOf(r), /Did you mean "Can I return an item\?"/);
    const yes = await robot.answer({ shopId: 'shop_bi', userId: 'u-bi', conversationId: 'c-bi', text: 'yes', state: r.state });
    assert.match(textOf(yes), /食品拆封后不支持退货/);
    const zh = await robot.answer({ shopId: 'shop_bi', userId: 'u-bi', conversationId: 'c-bi2', text: '退换货怎么弄' });
    assert.doesNotMatch(textOf(zh), /Can I return/, 'a Chinese buyer still sees the question');
  });

  test('a topic the shop wrote nothing on still gets the built-in text', async () => {
    const r = await ask('有优惠券吗');
    assert.doesNotMatch(textOf(r), /退货运费|发到邮箱|顺丰/);
  });
});

describe('small things found from outside', () => {
  test('"在？" is greeted, not asked "did you mean this question?" about nothing', async () => {
    for (const text of ['在？', '在?']) {
      const r = await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.doesNotMatch(textOf(r), /这个问题/, text);
      assert.match(textOf(r), /您好/, text);
    }
  });

  test("the shop's own phrasing that names a person is answered from the FAQ; asking for one still hands over", async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_hours', [
      { id: 'hours', question: '客服几点上班？', answer: '人工客服每天 9:00-22:00 在线。', alternates: ['人工客服什么时候在线'] },
      { id: 'ship', question: '发什么快递？', answer: '默认发顺丰。' },
    ]);
    const ask = (text: string) => createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_hours', userId: 'u-h', conversationId: 'c-h', text });
    const asked = await ask('人工客服什么时候在线');
    assert.match(textOf(asked), /9:00-22:00/);
    assert.equal(asked.handover, undefined);
    for (const text of ['转人工', '人工客服', '我要找人工']) assert.deepEqual((await ask(text)).handover, { reason: 'requested' }, text);
    // A shop entry about reaching a person does not keep a buyer who asks for one from it (found in review).
    const contact = new FaqIndexProvider();
    contact.setEntries('shop_contact', [{ id: 'contact', question: '怎么联系人工客服？', answer: '在对话框输入“人工”即可。' }]);
    const asks = await createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: contact, clock: () => NOW }).answer({ shopId: 'shop_contact', userId: 'u-h', conversationId: 'c-h', text: '我要联系人工客服' });
    assert.deepEqual(asks.handover, { reason: 'requested' });
  });

  // Found from outside: "预计今天送达" for a parcel whose last event, out for delivery, was six days old.
  test('a parcel whose tracking stopped moving is said to be late, with a person offered, not due today', async () => {
    const stale = logistics({ orderId: TSHIRT, carrier: '顺丰速运', trackingNo: 'SF1400000002222', status: 'out_for_delivery', events: [{ time: '2024-11-21T08:10:00+08:00', location: '杭州西湖营业点', description: '快递员正在派送' }] });
    const say = conversation(robotWith({ orders: [tshirt], logistics: [stale] }));
    const r = await say('什么时候能到');
    assert.doesNotMatch(textOf(r), /预计今天送达/);
    assert.match(textOf(r), /6 天没有更新/);
    assert.deepEqual((await say('好的')).handover, { reason: 'requested' }, 'yes to the offer hands over');
    const fresh = await robotWith({ orders: [tshirt], logistics: [tshirtTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '什么时候能到' });
    assert.match(textOf(fresh), /预计今天送达/, 'on time: the estimate stands');
  });

  test('after "which order?", the latest one is the one placed last', async () => {
    for (const pick of ['最新的那个', '最近的', 'the latest one', 'newest']) {
      const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
      assert.equal((await say('订单状态')).replies[0]!.card?.kind, 'choice');
      const r = await say(pick);
      assert.equal(r.state.focusOrderId, TSHIRT, pick);
    }
  });

  test('"催一下发货" is about the order not shipped yet, not a list of every order', async () => {
    const unshipped = order({ orderId: '2024112700003333', status: 'paid', createdAt: '2024-11-27T08:00:00+08:00' });
    for (const text of ['催一下发货', '怎么还不发货', 'hurry up and ship my order']) {
      const r = await robotWith({ orders: [earbuds, tshirt, unshipped], logistics: [earbudsTrack, tshirtTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.state.focusOrderId, '2024112700003333', text);
      assert.notEqual(r.replies[0]!.card?.kind, 'choice', text);
    }
    // Nothing unshipped: the usual answer about the orders there are.
    const none = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '催一下发货' });
    assert.equal(none.state.focusOrderId, EARBUDS);
  });

  test('an order id typed in groups inside a sentence is that order', async () => {
    const spaced = order({ orderId: 'PDD 7788 9900', status: 'paid', createdAt: '2024-11-26T08:00:00+08:00' });
    for (const text of ['PDD 7788 9900 发货了吗', '我的pdd77889900发货了吗', 'has PDD 7788 9900 shipped']) {
      const r = await robotWith({ orders: [earbuds, tshirt, spaced], logistics: [earbudsTrack, tshirtTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.state.focusOrderId, 'PDD 7788 9900', text);
    }
  });

  test('after a pick from the list, "那另一个呢" and "the 2nd one" are about the rest of it', async () => {
    const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    const list = await say('订单状态');
    const listed = (list.state as { pending?: { orderIds: string[] } }).pending!.orderIds;
    const first = await say('第一个');
    assert.equal(first.state.focusOrderId, listed[0]);
    const other = await say('那另一个呢');
    assert.equal(other.state.focusOrderId, listed[1], '那另一个呢');
    assert.ok(textOf(other).includes(listed[1]!));
    const back = await say('and the 1st one?');
    assert.equal(back.state.focusOrderId, listed[0], 'by its place in the list');
    // Another question is not "the other one" (found in review).
    const other2 = await say('另外一个问题，能开发票吗');
    assert.equal(other2.intent, 'invoice');
  });

  test('words near the pick rules that are not picks (found in review)', async () => {
    const unshipped = order({ orderId: '2024112700003333', status: 'paid', createdAt: '2024-11-27T08:00:00+08:00' });
    for (const text of ['快递显示签收了，但我还没发现包裹', '为什么没发票，快递到哪了']) {
      const r = await robotWith({ orders: [earbuds, unshipped], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.notEqual(r.state.focusOrderId, '2024112700003333', `${text}: not about the unshipped order`);
    }
    for (const pick of ['不是最新的那个', 'not the latest one']) {
      const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
      await say('订单状态');
      assert.notEqual((await say(pick)).state.focusOrderId, TSHIRT, pick);
    }
  });

  test('a weekday said alone is the last such day an order was placed on, a week back too', async () => {
    // Said on Wednesday 2024-11-27: this week's Tuesday (11-26) has no order, last week's (11-19) does.
    const tue = order({ orderId: '2024111900007777', createdAt: '2024-11-19T10:00:00+08:00' });
    const wed = order({ orderId: '2024112000008888', createdAt: '2024-11-20T10:00:00+08:00' });
    // (Only whole day names in English: "sun", "sat" and "mon" are words too; found in review.)
    for (const pick of ['周二那个', '星期二买的', 'the one from tuesday']) {
      const say = conversation(robotWith({ orders: [tue, wed], logistics: [] }));
      assert.equal((await say('订单状态')).replies[0]!.card?.kind, 'choice');
      assert.equal((await say(pick)).state.focusOrderId, '2024111900007777', pick);
    }
  });

  // Found from outside: "the order I made on tuesday" asked which of three.
  test('a day said with how the order was made narrows the orders in one message', async () => {
    const three = [earbuds, tshirt, order({ orderId: '2024112000003333', createdAt: '2024-11-20T10:00:00+08:00' })];
    for (const text of ['status of the order I made on tuesday', 'the order i submitted tuesday, whats the status']) {
      const r = await robotWith({ orders: three, logistics: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.state.focusOrderId, TSHIRT, `${text}: ${textOf(r)}`);
    }
  });

  test('an English arrival estimate and its latest update are two sentences', async () => {
    const r = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'when will my order arrive' });
    assert.match(textOf(r), /\. Latest update(?: \(in the carrier's words\))?: /);
  });
});

describe('what buyers actually type (issue #12)', () => {
  test('the shop FAQ asked word for word, or in general, is answered from the FAQ, not "no orders found"', async () => {
    const robot = robotWith({ orders: [] });
    for (const text of ['付款后多久发货？', '一般几天发货', '西藏能送到吗']) {
      const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.doesNotMatch(textOf(r), /没有查到您在本店的订单/, text);
      assert.match(textOf(r), /48 小时内发货|新疆、西藏/, text);
    }
  });

  test('a choice between orders with ids of any shape survives the stored state and is answered by a short id or a product', async () => {
    const ids = ['#SO-1001', `P${'7'.repeat(99)}`];
    const orders = [
      order({ orderId: ids[0]!, createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'H', title: 'Wireless Headphones', quantity: 1, price: '9.00' }] }),
      order({ orderId: ids[1]!, createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'C', title: '保温杯', quantity: 1, price: '9.00' }] }),
    ];
    for (const [pick, id] of [['so1001', ids[0]!], ['保温杯那个', ids[1]!], ['the headphones one', ids[0]!]] as const) {
      const say = conversation(robotWith({ orders, logistics: [] }));
      const asked = await say('订单状态');
      assert.equal(asked.replies[0]!.card?.kind, 'choice');
      const r = await say(pick);
      assert.equal(r.state.focusOrderId, id, pick);
      assert.ok(textOf(r).includes(id), pick);
    }
  });

  /**
   * A shop FAQ that is unsure (clarify band, these candidates) about every text but a candidate's
   * own question, which it answers with `answer <id>`; `searched` records what it was asked.
   */
  function unsureFaq(candidates: ReadonlyArray<readonly [id: string, question: string]>, confidence: number) {
    const entry = (id: string, question: string) => ({ entry: { id, question, answer: `answer ${id}` }, score: 1, confidence });
    const searched: string[] = [];
    const faq = {
      search: async () => null,
      lookup: async (_shop: string, text: string) => {
        searched.push(text);
        const picked = candidates.find(([, q]) => q === text);
        return picked
          ? { band: 'answer' as const, hit: entry(picked[0], text), candidates: [entry(picked[0], text)] }
          : { band: 'clarify' as const, hit: null, candidates: candidates.map(([id, q]) => entry(id, q)) };
      },
    };
    return { faq, searched };
  }

  test('an unsure FAQ (clarify band): the robot offers its candidates and searches the one picked', async () => {
    const { faq: unsure, searched } = unsureFaq([['a', '怎么开发票？'], ['b', '怎么申请售后？']], 0.4);
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq: unsure, clock: () => NOW }));
    assert.match(textOf(await say('这个要怎么弄啊')), /1\. 怎么开发票？/);
    assert.equal(textOf(await say('第二个')), 'answer b');
    assert.deepEqual(searched, ['这个要怎么弄啊', '怎么申请售后？']);
  });

  test('an unsure FAQ with one plausible entry: the robot asks whether it was that one; yes answers it, no asks again', async () => {
    const { faq: one, searched } = unsureFaq([['ship', 'How much does shipping cost?']], 0.5);
    let say = conversation(createRobot({ dataSource: fakeDataSource({}), faq: one, clock: () => NOW }));
    assert.match(textOf(await say('do i gotta pay for delivery')), /Did you mean "How much does shipping cost\?"/);
    assert.equal(textOf(await say('yes')), 'answer ship');
    assert.deepEqual(searched, ['do i gotta pay for delivery', 'How much does shipping cost?']);
    say = conversation(createRobot({ dataSource: fakeDataSource({}), faq: one, clock: () => NOW }));
    await say('do i gotta pay for delivery');
    const no = await say('no');
    assert.doesNotMatch(textOf(no), /answer ship/);
    // A "no" answers our question: asked to put it in other words, not handed over (found from
    // outside: a buyer who declined one "did you mean" was queued); the next miss hands over, or
    // offers a person beside what it still has to offer, so the buyer is not asked forever.
    assert.equal(no.handover, undefined);
    assert.match(textOf(no), /other words/);
    const again = await say('zzz qqq');
    assert.ok(again.handover?.reason === 'not_understood' || /say "human"/i.test(textOf(again)), textOf(again));
  });

  test('a Chinese conversation stays Chinese through "ok" and pinyin, and follows a buyer who switches', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    assert.equal((await say('我的快递到哪了')).lang, 'zh');
    assert.equal((await say('ok ok')).lang, 'zh');
    assert.equal((await say('kd')).lang, 'zh');
    assert.equal((await say('when will it arrive?')).lang, 'en');
  });

  test('a greeting before the question and thanks after it: the question is answered', async () => {
    const paid = order({ orderId: '2024112700003333', status: 'paid', createdAt: '2024-11-27T08:00:00+08:00' });
    const robot = robotWith({ orders: [paid], logistics: [] });
    for (const text of ['亲 在吗 我的货咋还没发', 'hi, quick question: did u ship it yet? thanks']) {
      const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.intent, 'order_status', text);
      assert.match(textOf(r), /2024112700003333/, text);
    }
  });
});

describe('handover', () => {
  test('two turns not understood → handover not_understood', async () => {
    const say = conversation(robotWith({}));
    const first = await say('asdfgh');
    assert.equal(first.handover, undefined);
    assert.equal(first.state.failures, 1);
    const second = await say('1+1等于几');
    assert.deepEqual(second.handover, { reason: 'not_understood' });
    assert.match(textOf(second), /转接人工/);
    assert.equal(second.state.failures, 0);
  });

  test('a miss after a "did you mean" offers a person; the next miss hands over (thirty-first session)', async () => {
    const say = conversation(robotWith({}));
    // Any question the demo FAQ only offers ("物流 status 一直是 in transit" was, until the shop-balanced fit, thirty-fifth session).
    assert.match(textOf(await say('do i gotta pay for delivery')), /Did you mean/);
    const second = await say('zzz qqq');
    assert.equal(second.handover, undefined);
    assert.equal(textOf(second).match(/say "human"/gi)?.length, 1, textOf(second));
    assert.equal(second.state.failures, 2);
    assert.deepEqual((await say('asdfgh')).handover, { reason: 'not_understood' });
    // Two misses with no "did you mean" before them still hand over at the second.
    const plain = conversation(robotWith({}));
    await plain('asdfgh');
    assert.deepEqual((await plain('1+1等于几')).handover, { reason: 'not_understood' });
  });

  // Found from outside (a Wuhan shop, thirty-sixth session): two unclear messages twenty minutes apart handed over.
  test('a miss more than ten minutes old no longer counts toward the hand-over', async () => {
    let now = NOW.getTime();
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq, clock: () => new Date(now) }));
    const first = await say('asdfgh');
    assert.equal(first.state.failures, 1);
    now += (MISSES_KEPT_S + 60) * 1000;
    const later = await say('1+1等于几');
    assert.equal(later.handover, undefined, textOf(later));
    assert.equal(later.state.failures, 1, 'counted afresh');
    now += 60_000;
    assert.deepEqual((await say('qwerty')).handover, { reason: 'not_understood' }, 'a minute later the count stands');
  });

  // Found from outside (a Wuhan shop, thirty-sixth session): what followed a take-back, not understood, was a miss.
  test('the rest of a take-back that is not understood is let be: nothing said, no miss counted', async () => {
    const robot = robotWith({});
    const ask = (text: string, state: unknown, restOfTakeBack = false) => robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-1', text, state, ...(restOfTakeBack ? { restOfTakeBack } : {}) });
    const rest = await ask('asdfgh', undefined, true);
    assert.deepEqual([rest.replies, rest.state.failures, rest.handover], [[], 0, undefined]);
    const next = await ask('1+1等于几', rest.state);
    assert.equal(next.handover, undefined, 'the first miss');
    // Understood, it is answered as ever.
    assert.match(textOf(await ask('退货怎么退', undefined, true)), /退/);
    // Not understood without the mark: a miss, as before.
    assert.equal((await ask('asdfgh', undefined)).state.failures, 1);
  });

  test('an understood turn in between resets the count', async () => {
    const say = conversation(robotWith({}));
    await say('asdfgh');
    await say('你好');
    assert.equal((await say('qwerty')).handover, undefined);
  });

  test('complaint → handover complaint; explicit request → handover requested', async () => {
    const robot = robotWith({ orders: [earbuds] });
    for (const [text, reason] of [
      ['我要投诉你们', 'complaint'],
      ['什么破服务，差评！😡', 'complaint'],
      ['this is a scam', 'complaint'],
      ['转人工', 'requested'],
      ['talk to a human', 'requested'],
    ] as const) {
      const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.deepEqual(r.handover, { reason }, text);
    }
  });

  test('an unsure guess is confirmed before acting on it when the answer would change something', async () => {
    const paid = order({ orderId: '2024112700003333', status: 'paid', createdAt: '2024-11-27T08:00:00+08:00' });
    const say = conversation(robotWith({ orders: [paid] }));
    const q = await say('改一下');
    assert.match(textOf(q), /您是想.*吗/);
    assert.equal(q.intent, 'unknown');
    const yes = await say('是的');
    assert.equal(yes.intent, 'change_address');
  });

  test('an unsure guess that only reads is answered at once', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    const r = await say('我的单子');
    assert.equal(r.intent, 'order_status');
    assert.match(textOf(r), /2024112500001111.*已发货/);
  });
});

describe('budget and degraded answers', () => {
  budgetTests();
  lookupPlanTests();
});

function budgetTests(): void {
  test('slow logistics: answers within budget and says what it could not check', async () => {
    const ds = fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }, { getLogistics: { delayMs: 2000 } });
    const robot = createRobot({ dataSource: ds, faq, clock: () => NOW, budgetMs: 80 });
    const started = performance.now();
    const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我的快递到哪了' });
    const ms = performance.now() - started;
    assert.ok(ms < 80 * 2 + 100, `took ${ms.toFixed(0)} ms`);
    assert.match(textOf(r), /2024112500001111.*已发货.*物流信息暂时查不到，稍后再试/);
    assert.deepEqual(r.unavailable, ['logistics']);
    assert.equal(ds.calls.aborted, 1, 'the slow lookup was told to stop');
  });

  test('slow order list that ignores its signal: abandoned at the deadline', async () => {
    const ds = fakeDataSource({ orders: [earbuds] }, { listOrders: { delayMs: 3000, ignoreSignal: true } });
    const robot = createRobot({ dataSource: ds, faq, clock: () => NOW, budgetMs: 60 });
    const started = performance.now();
    const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my package' });
    assert.ok(performance.now() - started < 60 + 150);
    assert.match(textOf(r), /can't reach the order system/);
    assert.deepEqual(r.unavailable, ['orders']);
  });

  test("with the commerce data source, the robot's budget is the one deadline: a slow platform is told to stop and the lookup fails", async () => {
    const readModel: CommerceReadModel = { listOrders: async () => [], listAftersales: async () => [], getLogistics: async () => [], getOrder: async () => null };
    const aborted: string[] = [];
    const hang = <T>(kind: string, signal: AbortSignal) =>
      new Promise<T>((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted.push(kind);
          reject(signal.reason);
        }),
      );
    const platform: PlatformConnector = { listOrders: (_s, _u, signal) => hang('orders', signal), getLogistics: (_s, _u, _o, signal) => hang('logistics', signal), listAftersales: (_s, _u, signal) => hang('aftersales', signal) };
    // A data-source budget far beyond the robot's: only the robot's signal can stop the platform call in time.
    const ds = createBuyerDataSource({ readModel, connector: platform, budgetMs: 60_000 });
    const started = performance.now();
    const r = await createRobot({ dataSource: ds, faq, clock: () => NOW, budgetMs: 80 }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my package' });
    assert.ok(performance.now() - started < 80 + 150);
    assert.match(textOf(r), /can't reach the order system/);
    assert.deepEqual(r.unavailable, ['orders']);
    assert.deepEqual(aborted, ['orders'], 'the platform call was aborted by the robot deadline');
  });

  test('a failing after-sales lookup still lets the rest answer', async () => {
    const ds = fakeDataSource({ orders: [earbuds] }, { listAftersales: { fail: true } });
    const r = await createRobot({ dataSource: ds, faq, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退款到账了吗' });
    assert.match(textOf(r), /售后信息暂时查不到/);
    assert.deepEqual(r.unavailable, ['aftersales']);
  });
}

function lookupPlanTests(): void {
  test('lookups run in parallel, and only the ones the intent needs', async () => {
    const ds = fakeDataSource(
      { orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'A', orderId: EARBUDS })] },
      { listOrders: { delayMs: 120 }, listAftersales: { delayMs: 120 } },
    );
    const robot = createRobot({ dataSource: ds, faq, clock: () => NOW, budgetMs: 1000 });
    const started = performance.now();
    await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退款进度' });
    const ms = performance.now() - started;
    assert.ok(ms < 220, `orders and after-sales took ${ms.toFixed(0)} ms, not in parallel`);
    assert.equal(ds.calls.listOrders, 1);
    assert.equal(ds.calls.listAftersales, 1);
    assert.equal(ds.calls.getLogistics.length, 0);

    await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '你好' });
    await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '能开发票吗' });
    assert.equal(ds.calls.listOrders, 1, 'greeting and FAQ touch no order data');
  });

  test('the focused order\'s logistics are fetched alongside the order list', async () => {
    const ds = fakeDataSource({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] });
    const say = conversation(createRobot({ dataSource: ds, faq, clock: () => NOW }));
    await say('快递到哪了');
    await say('第一个');
    ds.calls.getLogistics.length = 0;
    await say('什么时候到');
    assert.deepEqual(ds.calls.getLogistics[0], [TSHIRT]);
  });
}

describe('optional LLM', () => {
  const llm = (impl: LlmClient['classifyIntent']): LlmClient & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      classifyIntent: (text, opts) => {
        calls.push(text);
        return impl(text, opts);
      },
    };
  };

  test('consulted only when the engine did not understand, and its intent is answered from real data', async () => {
    const client = llm(async () => 'track_parcel');
    const robot = robotWith({ orders: [earbuds], logistics: [earbudsTrack] }, { llm: client });
    await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我的快递到哪了' });
    assert.equal(client.calls.length, 0);
    const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '俺那玩意儿' });
    assert.deepEqual(client.calls, ['俺那玩意儿']);
    assert.equal(r.intent, 'track_parcel');
    assert.match(textOf(r), /ZT7700001111/);
  });

  test('a guess the engine took is checked with the LLM, and stands when the LLM does not know', async () => {
    const knows = llm(async () => 'aftersale_progress');
    const r = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }, { llm: knows }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我的单子' });
    assert.deepEqual([knows.calls, r.intent], [['我的单子'], 'aftersale_progress']);
    const unsure = llm(async () => 'unknown');
    const s = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }, { llm: unsure }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我的单子' });
    assert.deepEqual([unsure.calls, s.intent], [['我的单子'], 'order_status']);
    assert.match(textOf(s), /2024112500001111/);
  });

  test('an LLM that fails or is too slow leaves the engine answer', async () => {
    for (const client of [
      llm(async () => {
        throw new Error('boom');
      }),
      llm((_t, o) => new Promise((_, reject) => o?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))),
    ]) {
      const robot = robotWith({}, { llm: client, budgetMs: 50 });
      const started = performance.now();
      const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'qwertyuiop' });
      assert.ok(performance.now() - started < 200);
      assert.equal(r.intent, 'unknown');
      assert.match(textOf(r), /didn't quite get that/);
    }
  });
});

describe('input and state', () => {
  test('bad requests are refused with BAD_REQUEST', async () => {
    const robot = robotWith({});
    const base: AnswerRequest = { shopId: SHOP, userId: 'u', conversationId: 'c', text: 'hi' };
    for (const bad of [{ ...base, text: '' }, { ...base, text: '   ' }, { ...base, shopId: '' }, { ...base, userId: 42 }, { ...base, text: undefined }, null]) {
      await assert.rejects(robot.answer(bad as AnswerRequest), (e: unknown) => e instanceof KefuError && e.code === 'BAD_REQUEST');
    }
    assert.throws(() => createRobot({ dataSource: fakeDataSource({}), faq, budgetMs: -1 }), KefuError);
  });

  test('a corrupted stored state starts a fresh conversation instead of failing', async () => {
    const robot = robotWith({ orders: [earbuds], logistics: [earbudsTrack] });
    for (const state of ['garbage', 42, { v: 2 }, { v: 1, failures: 'x', pending: { intent: 'track_parcel', orderIds: [{}] } }, { v: 1, failures: 99 }]) {
      const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '快递到哪了', state });
      assert.match(textOf(r), /ZT7700001111/);
      assert.deepEqual(JSON.parse(JSON.stringify(r.state)), r.state, 'state is plain JSON');
    }
  });

  test('the state may arrive as a promise (the cache read in flight): a pending choice is honoured, a failed read is a fresh conversation', async () => {
    const orders = [
      order({ orderId: 'SO-1', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'H', title: 'Wireless Headphones', quantity: 1, price: '9.00' }] }),
      order({ orderId: 'SO-2', createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'C', title: '保温杯', quantity: 1, price: '9.00' }] }),
    ];
    const robot = robotWith({ orders, logistics: [] });
    const asked = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '订单状态' });
    assert.equal(asked.replies[0]!.card?.kind, 'choice');
    const later = new Promise<unknown>((r) => setTimeout(() => r(asked.state), 20));
    const picked = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '第二个', state: later });
    assert.equal((picked.state as { focusOrderId?: string }).focusOrderId, 'SO-2', 'the awaited state carried the choice');
    // "第二个" means nothing without the list it picks from (a product's name would still name its order).
    const failed = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '第二个', state: Promise.reject(new Error('cache down')) });
    assert.equal((failed.state as { focusOrderId?: string }).focusOrderId, undefined, 'no state: the pick is not a choice');
  });

  test('answers report version and timings', async () => {
    const r = await createRobot({ dataSource: fakeDataSource({}), faq, version: 'v7' }).answer({ shopId: SHOP, userId: 'u', conversationId: 'c', text: '你好' });
    assert.equal(r.version, 'v7');
    assert.ok(r.timings.cpuMs >= 0 && r.timings.totalMs >= r.timings.cpuMs);
  });
});

// Three orders named by their goods in the tests below.
const brush = order({ orderId: 'SO-BRUSH-1', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'B1', title: '米家声波电动牙刷 T300 白色', quantity: 1, price: '99.00' }] });
const nuts = order({ orderId: 'SO-NUTS-2', createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'N1', title: '三只松鼠 每日坚果混合果仁 750g', quantity: 1, price: '89.00' }] });
const jacket = order({ orderId: 'SO-JACKET-3', status: 'delivered', createdAt: '2024-11-20T10:00:00+08:00', items: [{ sku: 'J1', title: '优衣库 摇粒绒拉链茄克 L码', quantity: 1, price: '199.00' }] });

// Found from outside: after a choice card, "the toothbrush" (for 电动牙刷), "外套那个" (for 茄克) and,
// once one order was picked, "那牙刷呢" or "and the nuts?" were not understood, answered from the FAQ,
// or handed over; a parcel tracked as delivered that the buyer never got was only re-read to them.
describe('naming an order by its goods, in other words or another language', () => {
  const data: FakeData = {
    orders: [brush, nuts, jacket],
    logistics: [logistics({ orderId: brush.orderId }), logistics({ orderId: nuts.orderId }), logistics({ orderId: jacket.orderId, status: 'delivered', events: [{ time: '2024-11-22T18:00:00+08:00', location: '上海', description: '快件已签收' }] })],
  };
  const about = (r: RobotAnswer) => /SO-[A-Z]+-\d/.exec(textOf(r))?.[0];

  test('at a choice, goods named in English or another word pick the order', async () => {
    const say = conversation(robotWith(data));
    assert.equal((await say('where is my package')).replies[0]!.card?.kind, 'choice');
    assert.equal(about(await say('the toothbrush')), brush.orderId);
    const zh = conversation(robotWith(data));
    await zh('我的订单');
    assert.equal(about(await zh('外套那个')), jacket.orderId);
  });

  test('"衣服", "clothes" name the clothing order, delivered or not (found from outside: only the shipped were offered)', async () => {
    assert.equal(about(await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-c', text: '衣服到哪了' })), jacket.orderId);
    assert.equal(about(await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-c', text: 'where are my clothes' })), jacket.orderId);
    // "衣服" is one kind of its own: a T-shirt title does not outscore a 上衣 by counting it several times (found in review).
    const top = order({ orderId: 'SO-TOP-4', items: [{ sku: 'T4', title: '男士摇粒绒上衣', quantity: 1, price: '99.00' }] });
    const tee = order({ orderId: 'SO-TEE-5', items: [{ sku: 'T5', title: '纯棉T恤', quantity: 1, price: '59.00' }] });
    const two = robotWith({ orders: [top, tee], logistics: [logistics({ orderId: top.orderId }), logistics({ orderId: tee.orderId })] });
    assert.equal(about(await two.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-c', text: 'T恤到哪了' })), tee.orderId);
  });

  test('after a pick, another listed order named by its goods is answered on the same topic', async () => {
    const say = conversation(robotWith(data));
    await say('我的快递到哪了');
    assert.equal(about(await say('第二个')), nuts.orderId);
    const next = await say('那牙刷呢');
    assert.equal(next.intent, 'track_parcel');
    assert.equal(about(next), brush.orderId);
    const en = conversation(robotWith(data));
    await en('where is my package');
    await en('the 1st one');
    assert.equal(about(await en('and the nuts?')), nuts.orderId);
    assert.equal(about(await en('go back to the toothbrush')), brush.orderId);
  });

  // Found from outside: at "which order?", a bare "坚果" (read as a weak FAQ question) was offered a
  // person, and "两个都查" or "both" brought the same list back again and again.
  test('at a choice: goods named alone pick the order; "both" answers each listed order; "neither" is not a loop', async () => {
    const two = { ...data, orders: [brush, nuts] };
    const zh = conversation(robotWith(two));
    assert.equal((await zh('我的快递到哪了')).replies[0]!.card?.kind, 'choice');
    assert.equal(about(await zh('坚果')), nuts.orderId);
    for (const [ask, all] of [['我的快递到哪了', '两个都查'], ['where is my package', 'both'], ['订单状态', '都看看吧'], ['where is my package', 'all of them please']] as const) {
      const say = conversation(robotWith(two));
      assert.equal((await say(ask)).replies[0]!.card?.kind, 'choice', ask);
      const each = await say(all);
      const ids = each.replies.map((x) => /SO-[A-Z]+-\d/.exec(x.text)?.[0]);
      assert.deepEqual(ids, [brush.orderId, nuts.orderId], `${all}: ${textOf(each)}`);
      assert.ok(each.replies.every((x) => x.card?.kind !== 'choice'), all);
      // The list stays: "the 2nd one" still names an order of it.
      assert.equal(about(await say(ask.startsWith('where') ? 'the 2nd one' : '第二个')), nuts.orderId);
    }
    for (const [ask, none] of [['我的快递到哪了', '都不是'], ['where is my package', 'neither']] as const) {
      const say = conversation(robotWith(two));
      await say(ask);
      const r = await say(none);
      assert.ok(r.replies.every((x) => x.card?.kind !== 'choice'), `${none}: not the list again`);
      assert.match(textOf(r), /订单号|order number/);
      assert.match(textOf(r), /人工|human/);
      // English sentences joined with a space (found: "check it.Say").
      assert.doesNotMatch(textOf(r), /\.[A-Z]/);
    }
  });

  test('after a direct answer (no list shown), another order named by its goods or as "the other one"', async () => {
    const say = conversation(robotWith(data));
    assert.equal(about(await say('坚果到哪了')), nuts.orderId);
    const brushed = await say('那牙刷呢');
    assert.equal(brushed.intent, 'track_parcel');
    assert.equal(about(brushed), brush.orderId);
    const other = await say('另一个呢');
    assert.notEqual(about(other), brush.orderId, 'not the order just answered');
    const en = conversation(robotWith({ ...data, orders: [brush, nuts] }));
    assert.equal(about(await en('where are my nuts')), nuts.orderId);
    assert.equal(about(await en('thank u! and the toothbrush one?')), brush.orderId);
    assert.equal(about(await en('and the other one?')), nuts.orderId);
    // A question of its own about the goods is no pick of an order (found in review).
    for (const q of ['那牙刷多少钱', '牙刷好用吗', 'how much is the toothbrush']) {
      const again = conversation(robotWith(data));
      await again('坚果到哪了');
      assert.notEqual(about(await again(q)), brush.orderId, q);
    }
    // Goods none of the orders has: said so, not "I did not understand".
    const none = conversation(robotWith(data));
    await none('坚果到哪了');
    const r = await none('那耳机呢');
    assert.doesNotMatch(textOf(r), /没太理解/);
  });

  test("a shipped order's status says its carrier and tracking number (found from outside: asked for, not given)", async () => {
    const r = await robotWith({ ...data, orders: [brush] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-t', text: '我的order 发货了吗 tracking number给我一下' });
    assert.match(textOf(r), /运单号 ZTSO-BRUSH-1/);
  });

  test('"lost" or 催 about something else offers no chase', async () => {
    for (const text of ['I lost my order number, where is my toothbrush parcel', '我把单号丢了，帮我查下牙刷快递到哪了', '不是催你们哈，就问问牙刷快递到哪了']) {
      const r = await robotWith({ ...data, orders: [brush] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-l', text });
      assert.equal(about(r), brush.orderId, text);
      assert.doesNotMatch(textOf(r), /没法直接联系快递|can't contact the carrier/, text);
    }
  });

  test('asked to chase the carrier, or fearing a loss: the parcel, and a person offered (the same tracking again answers nothing)', async () => {
    for (const text of ['那你帮我催一下快递', '牙刷两天没更新了 是不是丢件了', 'can you chase the courier for the toothbrush']) {
      const say = conversation(robotWith({ ...data, orders: [brush] }));
      const r = await say(text);
      assert.equal(about(r), brush.orderId, text);
      assert.match(textOf(r), /转接人工客服|human agent/, text);
      assert.deepEqual((await say(/[a-z]/.test(text) ? 'yes' : '好的')).handover, { reason: 'requested' }, text);
    }
  });

  test('a clear question about the goods is still the shop FAQ\'s, not a pick', async () => {
    const withFaq = new FaqIndexProvider();
    withFaq.setEntries(SHOP, [{ id: 'w', question: '电动牙刷保修多久？', answer: '主机保修一年。', alternates: ['牙刷坏了能保修吗'] }]);
    const say = conversation(createRobot({ dataSource: fakeDataSource(data), faq: withFaq, clock: () => NOW }));
    await say('我的快递到哪了');
    await say('第二个');
    const r = await say('那牙刷保修多久呢');
    assert.equal(about(r), undefined, textOf(r));
  });

  test('delivered but not received: the parcel, and a person offered to check with the carrier', async () => {
    const say = conversation(robotWith(data));
    const r = await say('外套显示签收了但我没收到');
    assert.equal(about(r), jacket.orderId);
    assert.match(textOf(r), /还没有收到.*转接人工客服/s);
    assert.deepEqual((await say('好的')).handover, { reason: 'requested' });
    const en = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-en', text: 'the jacket says delivered but I never got it' });
    assert.match(textOf(en), /you have not received it/);
  });
});

// Found from outside: a refund approved days ago was still told "一般 1-3 个工作日到账".
describe('a request late in its step', () => {
  const o = order({ orderId: 'SO-LATE-1', status: 'delivered' });
  const late = aftersale({ aftersaleId: 'AS-LATE', orderId: o.orderId, status: 'approved', updatedAt: '2024-11-20T10:00:00+08:00' });
  test('is said to be late, with a person offered; on time, the usual promise', async () => {
    const say = conversation(robotWith({ orders: [o], aftersales: [late] }));
    const r = await say('退款怎么还没到');
    assert.match(textOf(r), /已经 7 天没有进展/);
    assert.doesNotMatch(textOf(r), /1-3 个工作日到账/);
    assert.deepEqual((await say('好的')).handover, { reason: 'requested' });
    const onTime = await robotWith({ orders: [o], aftersales: [{ ...late, updatedAt: '2024-11-26T10:00:00+08:00' }] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c2', text: 'has my refund gone through yet' });
    assert.match(textOf(onTime), /1-3 business days/);
  });
});

// Found in review: after a pick, any goods word had picked an order, even goods no listed order has,
// and a phone number ("手机号") named the phone case.
describe('goods that no listed order has', () => {
  const brush = order({ orderId: 'SO-BR-1', status: 'paid', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'B1', title: '电动牙刷', quantity: 1, price: '99.00' }] });
  const caseOrder = order({ orderId: 'SO-CASE-2', status: 'paid', createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'C1', title: 'iPhone 15 透明手机壳', quantity: 1, price: '29.00' }] });
  const data: FakeData = { orders: [brush, caseOrder], logistics: [logistics({ orderId: brush.orderId })] };
  test('are not a pick; a phone number is not a phone', async () => {
    const say = conversation(robotWith(data));
    await say('我的订单');
    await say('第一个');
    const other = await say('你们有卖耳机吗');
    assert.doesNotMatch(textOf(other), /SO-CASE-2|SO-BR-1/, textOf(other));
    const phoneNo = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-p', text: '我要改一下收货手机号' });
    assert.equal(phoneNo.replies[0]!.card?.kind, 'choice', 'which order, not the phone case');
  });
});

// Found from outside: a parcel stuck for six days, one with a delivery exception, and an order paid
// three days ago and not shipped were each told as if all were well, with no person offered.
describe('a parcel or an order in trouble', () => {
  const stuck = order({ orderId: 'SO-STUCK-1' });
  const stuckTrack = logistics({ orderId: stuck.orderId, events: [{ time: '2024-11-21T08:00:00+08:00', location: '广州', description: '已发往上海' }] });
  const trouble = order({ orderId: 'SO-EXC-2' });
  const troubleTrack = logistics({ orderId: trouble.orderId, status: 'exception', events: [{ time: '2024-11-27T08:00:00+08:00', location: '上海', description: '派送异常：收件地址无法联系' }] });
  const unshipped = order({ orderId: 'SO-PAID-3', status: 'paid', updatedAt: '2024-11-24T09:00:00+08:00' });
  const ask = (orders: Order[], l: Logistics[], text: string) => conversation(robotWith({ orders, logistics: l }))(text);
  test('is said to be in trouble, and a yes gets a person', async () => {
    for (const [orders, l, text, re] of [
      [[stuck], [stuckTrack], '我的快递到哪了', /物流已经 6 天没有更新了/],
      [[stuck], [stuckTrack], 'where is my parcel', /has not moved for 6 days/],
      [[trouble], [troubleTrack], '我的快递到哪了', /物流出现异常，需要为您转接人工客服跟进吗/],
      [[unshipped], [], '我的快递到哪了', /付款已经 3 天还没有发货/],
    ] as const) {
      const say = conversation(robotWith({ orders: [...orders], logistics: [...l] }));
      const r = await say(text);
      assert.match(textOf(r), re, text);
      assert.deepEqual((await say(/[a-z]/.test(text) ? 'yes' : '好的')).handover, { reason: 'requested' }, text);
    }
    assert.doesNotMatch(textOf(await ask([order({ orderId: 'SO-OK-4' })], [logistics({ orderId: 'SO-OK-4' })], '我的快递到哪了')), /没有更新|异常/, 'on time: nothing said');
  });
});

// Found from outside: "尾号8841" was taken for a phone's tail and found nothing, "#bt20261126 5520"
// for the id "#bt20261126", and "8841这单" without a list got "which order?".
describe('an order named by its tail, or typed in groups, without a list', () => {
  const sony = order({ orderId: 'BT20261130-8841', status: 'paid', updatedAt: '2024-11-27T09:00:00+08:00' });
  const serum = order({ orderId: 'BT20261126-5520', createdAt: '2024-11-26T09:00:00+08:00' });
  const data: FakeData = { orders: [sony, serum], logistics: [logistics({ orderId: serum.orderId })] };
  test('picks that order', async () => {
    for (const [text, id] of [['订单尾号8841发货了吗', sony.orderId], ['#bt20261126 5520 where is it', serum.orderId], ['8841这单什么状态', sony.orderId], ['5520 到哪了', serum.orderId]] as const) {
      const r = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-t', text });
      assert.notEqual(r.replies[0]!.card?.kind, 'choice', text);
      assert.match(textOf(r), new RegExp(id), text);
    }
  });
});

// Found from outside: after a pick, "最新的那个" was answered with the picked order's after-sales,
// and "那另一个呢" of a three-order list was not understood.
describe('after a pick from a longer list', () => {
  const mk = (id: string, day: number) => order({ orderId: id, createdAt: `2024-11-${day}T10:00:00+08:00` });
  const [o1, o2, o3] = [mk('SO-A-21', 21), mk('SO-B-25', 25), mk('SO-C-23', 23)];
  const data: FakeData = { orders: [o1, o2, o3], logistics: [o1, o2, o3].map((o) => logistics({ orderId: o.orderId })) };
  test('"the latest one" is the listed order placed last, on the same topic; "the other one" asks among the rest', async () => {
    const say = conversation(robotWith(data));
    await say('我的快递到哪了');
    const picked = await say('第三个');
    const first = /SO-[A-C]-\d+/.exec(textOf(picked))![0];
    const newest = await say('最新的那个呢');
    assert.equal(newest.intent, 'track_parcel');
    assert.match(textOf(newest), /SO-B-25/);
    const again = conversation(robotWith(data));
    await again('我的快递到哪了');
    const pickedAgain = /SO-[A-C]-\d+/.exec(textOf(await again('第一个')))![0];
    const other = await again('那另一个呢');
    assert.equal(other.replies[0]!.card?.kind, 'choice');
    const options = (other.replies[0]!.card as unknown as { options: Array<{ orderId: string }> }).options.map((o) => o.orderId);
    assert.equal(options.length, 2);
    assert.ok(!options.includes(pickedAgain) && first !== undefined, 'the other two, not the one picked');
  });

  // Found in review: "latest" about the tracking switched orders; on the after-sales topic the new
  // choices answered the order picked; "手机尾号" matched an order id's tail.
  test('"the latest tracking" stays on the order picked; after-sales follow the same picks; a phone tail is a phone\'s', async () => {
    const say = conversation(robotWith(data));
    await say('我的快递到哪了');
    const picked = /SO-[A-C]-\d+/.exec(textOf(await say('第三个')))![0];
    assert.match(textOf(await say('最新的物流信息呢')), new RegExp(picked));
    const requests = [o1, o2, o3].map((o, i) => aftersale({ aftersaleId: `AS-${i}`, orderId: o.orderId }));
    const as = conversation(robotWith({ ...data, aftersales: requests }));
    await as('退款到哪了');
    await as('第一个');
    const rest = await as('那另一个呢');
    assert.equal(rest.replies[0]!.card?.kind, 'choice');
    const as2 = conversation(robotWith({ ...data, aftersales: requests }));
    await as2('退款到哪了');
    await as2('第一个');
    assert.match(textOf(await as2('最新的那个呢')), /SO-B-25/);
    const byPhone = order({ orderId: 'BT20261126-5520', receiver: { name: '李', phone: '13900008841', address: '上海' } });
    const byId = order({ orderId: 'BT20261130-8841', receiver: { name: '李', phone: '13800000000', address: '上海' } });
    const r = await robotWith({ orders: [byPhone, byId], logistics: [logistics({ orderId: byPhone.orderId }), logistics({ orderId: byId.orderId })] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-ph', text: '手机尾号8841的订单到哪了' });
    assert.match(textOf(r), /BT20261126-5520/);
  });
});

// Found in review: a paid order past the 48-hour promise was called late only when asked where it is.
test('a paid order past the shipping promise is said to be late however it is asked about', async () => {
  const paid = order({ orderId: 'SO-PAID-9', status: 'paid', updatedAt: '2024-11-24T09:00:00+08:00' });
  for (const text of ['什么时候发货', '订单状态', 'when will it arrive']) {
    const say = conversation(robotWith({ orders: [paid] }));
    const r = await say(text);
    assert.match(textOf(r), /付款已经 3 天|paid 3 days ago/, text);
  }
});

// Found from outside: "几天能到账啊" after a refund answer was read as a parcel's delivery; a joke or
// the weather asked twice handed the buyer to a person.
describe('money arriving, and small talk', () => {
  const data: FakeData = { orders: [earbuds], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-1', orderId: EARBUDS, status: 'approved', amount: '199.00' })] };

  test('what is small talk and what is not', async () => {
    const { isSmallTalk } = await import('../../src/robot/nlu/identity.ts');
    for (const t of ['讲个笑话呗', '今天北京天气怎么样', 'tell me a joke', 'how are you', '你几岁']) assert.ok(isSmallTalk(t), t);
    // The weather where the buyer is (a Shenzhen shop, forty-eighth session: its shipping entry was offered); not goods that are hot.
    for (const t of ['今天深圳好热啊', '我们这边好冷啊']) assert.ok(isSmallTalk(t), t);
    assert.ok(!isSmallTalk('今天电池好热啊'));
    // Found in review: questions about the goods, and a buyer kept waiting, are not.
    for (const t of ['这把伞下雨天能用吗', '这个温度计能测气温吗', 'what is the weather resistance of this jacket', 'how are you guys handling the delay', '你们干嘛呢？我等了半天了']) assert.ok(!isSmallTalk(t), t);
  });

  // Found from outside: "台湾是不是中国的" was asked "您是想问'能寄到港澳台吗？'吗", and a yes got the entry.
  test('a political question gets the word on what the robot does, never one of the shop\'s entries', async () => {
    const { isPolitical } = await import('../../src/robot/nlu/identity.ts');
    const asks = ['你觉得台湾是一个国家吗', '台湾是不是中国的', '香港是国家吗', '美国大选你支持谁', 'is taiwan a country', 'is tibet part of china'];
    for (const text of asks) {
      assert.ok(isPolitical(text), text);
      const r = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-p', text });
      assert.match(textOf(r), /不太在行|not my strong suit/, text);
      assert.equal(r.state.faqOptions, undefined, `${text}: nothing offered`);
    }
    for (const t of ['能寄到台湾吗', '国家补贴能用吗', 'do you ship to taiwan', 'is this a country of origin label', "Presidents' Day sale?", '台湾是中国的，能寄吗']) assert.ok(!isPolitical(t), t);
  });

  test('"几天能到账啊", "钱什么时候能到" ask after the refund, not the parcel', async () => {
    for (const text of ['几天能到账啊', '钱什么时候能到', '多久到账']) {
      const r = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-m', text });
      assert.equal(r.intent, 'aftersale_progress', text);
      assert.match(textOf(r), /退款/, text);
    }
    for (const text of ['付了钱什么时候到', '运费多少钱什么时候能到', '加钱什么时候能到']) {
      const paid = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-m', text });
      assert.equal(paid.intent, 'delivery_estimate', `${text}: money paid or priced is about the goods arriving`);
    }
  });

  test('small talk gets a word on what the robot does, and twice is no hand-over', async () => {
    const say = conversation(robotWith(data));
    for (const text of ['讲个笑话呗', '今天北京天气怎么样', 'tell me a joke']) {
      const r = await say(text);
      assert.equal(r.handover, undefined, text);
      assert.match(textOf(r), /不太在行|not my strong suit/, text);
    }
  });
});

describe('a buyer with no orders asking in general', () => {
  test("is offered the shop's likely entries, not \"no orders found\" (found from outside)", async () => {
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [] }), faq, clock: () => NOW });
    const r = await robot.answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-new', text: 'how long does shipping take' });
    assert.doesNotMatch(textOf(r), /can't find any orders/);
    assert.match(textOf(r), /How soon do you ship after I pay\?/);
    const mine = await robot.answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-new2', text: '我的快递到哪了' });
    assert.match(textOf(mine), /没有查到您在本店的订单/, 'about their own parcel: still none found');
  });
});

// Found from outside: "快递到哪了 另外能开发票吗" and "where is it and can I still cancel?" got one answer.
describe('two questions in one message', () => {
  const data: FakeData = { orders: [earbuds], logistics: [earbudsTrack] };
  // The parts are answered only when the whole's lookups were quick (a quarter of the budget): a wide
  // budget here, so that a loaded test machine does not decide what is tested (the first test failed
  // once in a clean-clone run, its in-memory lookups over 75 ms).
  const robotWith = (d: FakeData, extra: { budgetMs?: number; llm?: LlmClient; dataSource?: BuyerDataSource } = {}) => robotWithBudget(d, { budgetMs: 3000, ...extra });

  test('both are answered, in order, in the language of the message', async () => {
    const r = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: '快递到哪了 另外能开发票吗' });
    assert.equal(r.replies.length >= 2, true, textOf(r));
    assert.match(r.replies[0]!.text, /ZT7700001111/);
    assert.match(r.replies.at(-1)!.text, /发票|开票/);
    assert.equal(r.lang, 'zh');
    const en = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: 'where is it and can I still cancel?' });
    assert.match(textOf(en), /ZT7700001111/);
    assert.match(textOf(en), /cancel/i);
    assert.match(textOf(en), /^Your order[^]*can't be cancelled/, 'both in English');
  });

  // Found from outside: "快递到哪了，退款呢" answered the refund only, two of the shop's questions got "which one?".
  test('a second question as a bare "X呢", and two of the shop\'s questions, are both answered', async () => {
    const refund: FakeData = { orders: [earbuds], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-2q', orderId: EARBUDS, status: 'approved', type: 'refund' })] };
    const r = await robotWith(refund).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: '快递到哪了，退款呢' });
    assert.match(r.replies[0]!.text, /ZT7700001111/);
    assert.match(textOf(r), /退款申请/);
    // A space does what the comma does (twenty-sixth session: "退款到哪了 快递呢" answered the parcel only).
    for (const text of ['快递到哪了 退款呢', '退款到哪了 快递呢']) {
      const spaced = textOf(await robotWith(refund).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text }));
      assert.match(spaced, /退款申请/, text);
      assert.match(spaced, /ZT7700001111|已发货|运输中/, text);
    }
    const faqs = await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: '满多少包邮？从哪里发货？' });
    assert.equal(faqs.replies.length, 2, textOf(faqs));
    assert.match(faqs.replies[0]!.text, /包邮/);
    assert.match(faqs.replies[1]!.text, /杭州/);
  });

  // Found from outside: "能开发票吗？还有我的快递到哪了" answered the parcel only, and "where is my parcel,
  // and do you gift wrap?" neither ("not sure, a person?").
  test('"还有" after a question mark opens a second question; a whole the robot was unsure of is split too', async () => {
    for (const text of ['能开发票吗？还有我的快递到哪了', '保修多久？另外我的快递到哪了']) {
      const r = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text });
      assert.equal(r.replies.length, 2, `${text}: ${textOf(r)}`);
      assert.match(r.replies[1]!.text, /ZT7700001111/, text);
    }
    const en = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: 'where is my parcel, and do you gift wrap?' });
    assert.match(en.replies[0]!.text, /ZT7700001111/, textOf(en));
    assert.match(en.replies[1]!.text, /gift box/i);
    assert.equal(en.state.offeredHuman, undefined, 'no person offered: both were answered');
  });

  test('one question, or two about the same parcel, is not split', async () => {
    const { twoQuestions } = await import('../../src/robot/robot.ts');
    const { createNlu } = await import('../../src/robot/index.ts');
    const nlu = createNlu();
    const intentOf = (t: string) => nlu.understand(t, NOW).intent;
    assert.deepEqual(twoQuestions('快递到哪了 另外能开发票吗', intentOf), ['快递到哪了', '能开发票吗']);
    for (const t of ['我的快递到哪了？谢谢', '快递到哪了？什么时候能到？', 'where is my parcel and when will it arrive', '退款什么时候到账']) assert.equal(twoQuestions(t, intentOf), undefined, t);
    // A second part that says more about the first, or a first that asks nothing, is no second question.
    for (const t of ['rfnd status pls? nothin in my acct yet', '订单显示cancelled了？我没取消啊', '谢谢你们发货这么快，东西收到了质量也不错。顺便问一下，我单位要电子发票，能不能开到我邮箱里', '退货都寄回去好些天了，钱呢']) {
      assert.equal(twoQuestions(t, intentOf), undefined, t);
    }
  });

  // Found from outside: with two orders, "快递到哪了，退款呢" asked which order and dropped the refund.
  test('a question back about one part comes last, after the other part\'s answer', async () => {
    const two: FakeData = { orders: [earbuds, { ...tshirt, status: 'shipped' }], logistics: [earbudsTrack, tshirtTrack], aftersales: [aftersale({ aftersaleId: 'AS-2q', orderId: TSHIRT })] };
    for (const [text, other] of [['快递到哪了 另外能开发票吗', /发票/], ['快递到哪了，退款呢', /退款申请（订单 2024112600002222）/]] as const) {
      const say = conversation(robotWith(two));
      const asked = await say(text);
      assert.equal(asked.replies.length, 2, textOf(asked));
      assert.match(asked.replies[0]!.text, other);
      assert.match(asked.replies[1]!.text, /哪一个/, 'which order? is asked last');
      assert.ok(asked.state.pending, 'the question back is kept');
      const chosen = await say('第二个');
      assert.match(textOf(chosen), /ZT7700001111/, 'the choice answers the parcel question');
    }
    // Two questions back cannot both be asked: the first part's stands alone.
    const refunds: FakeData = { ...two, aftersales: [aftersale({ aftersaleId: 'AS-a', orderId: TSHIRT }), aftersale({ aftersaleId: 'AS-b', orderId: EARBUDS, status: 'requested' })] };
    const one = await robotWith(refunds).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: '快递到哪了，退款呢' });
    assert.equal(one.replies.length, 1, textOf(one));
    assert.ok(one.state.pending);
  });

  // The first version (reverted after a review) split these and lost the complaint, or handed over for a part.
  test('a complaint or a request for a person is the whole message, as before', async () => {
    for (const text of ['快递到哪了？太慢了我要投诉你们', '快递到哪了 还有我要找人工客服']) {
      const whole = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text });
      assert.ok(whole.handover, `${text}: handed over as a whole (${textOf(whole)})`);
    }
  });
});

// Found from outside: "包裹現在到哪裡了" was answered in simplified characters.
describe('a buyer who writes traditional characters', () => {
  test('is answered in them, through messages that tell neither script, until they write simplified', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    const first = await say('包裹現在到哪裡了');
    assert.match(textOf(first), /訂單/, textOf(first));
    assert.match(textOf(first), /ZT7700001111/);
    assert.doesNotMatch(textOf(first), /订单|单号/);
    assert.equal(first.state.hant, true);
    const thanks = await say('好的');
    assert.doesNotMatch(textOf(thanks), /[还问题时]/, `kept: ${textOf(thanks)}`);
    const back = await say('退货怎么退');
    assert.equal(back.state.hant, undefined);
    assert.doesNotMatch(textOf(back), /[貨還請這]/, `simplified again: ${textOf(back)}`);
  });

  // Found in a check of npm start: "包裹現在到哪裡了？另外能開發票嗎" got one "did you mean", its simplified twin both answers.
  test('two questions in traditional characters are both answered, in them', async () => {
    const r = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '包裹現在到哪裡了？另外能開發票嗎' });
    assert.match(r.replies[0]!.text, /ZT7700001111/, textOf(r));
    assert.match(textOf(r), /發票/);
    assert.doesNotMatch(textOf(r), /发票|订单/);
  });

  test('the script is told by the characters only one of them has', async () => {
    const { chineseScript } = await import('../../src/robot/nlu/index.ts');
    assert.equal(chineseScript('貨到哪裡了'), 'hant');
    assert.equal(chineseScript('货到哪里了'), 'hans');
    assert.equal(chineseScript('好的 2024112500001111'), undefined);
    assert.equal(chineseScript('where is it'), undefined);
  });
});

// Found from outside: a coupon that did not apply and invoice details sent in the chat got generic texts, the tax number taken for an order.
describe('what the robot cannot do for a policy question', () => {
  for (const [text, want] of [
    // The demo shop has entries on coupons and invoices: its procedure stands, and beside it only the
    // way to a person (the usual causes and "I can't issue it" read as a second policy: eighteenth session).
    // None of its coupon entries answers these: the usual causes, not "after checking the above" alone (twenty-second session).
    ['优惠券用不了', /常见原因/],
    ['my coupon didnt apply at checkout', /usually because/],
    ['开发票 抬头上海某某科技有限公司 税号91310115MA1K4ABCDE', /代为申请/],
    ['can you put my company tax id on the invoice', /request it with the details you sent/],
    ['发错货了', /发错、少发/],
    ['the item arrived broken', /wrong, missing, damaged/],
  ] as const) {
    test(`"${text}": the usual causes or the way to do it, and a person offered`, async () => {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
      const r = await say(text);
      assert.match(textOf(r), want);
      assert.equal(r.state.offeredHuman, true);
      assert.equal(r.state.focusOrderId, undefined, 'no order taken from a tax number');
      assert.ok((await say(text.match(/[a-z]/) ? 'yes' : '好的')).handover, 'a yes hands over');
    });
  }

  // Found from outside: "抬头写我们公司名字行不行" got "在订单详情页申请开票时填写" against the shop's "下单时填写抬头".
  test('the built-in procedure only for a shop that wrote none of its own on the topic', async () => {
    const text = '开发票 抬头上海某某科技有限公司 税号91310115MA1K4ABCDE';
    const bare = await createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: new FaqIndexProvider(), clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.match(textOf(bare), /抬头和税号请在订单详情页/);
    const own = await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.doesNotMatch(textOf(own), /订单详情页/);
    assert.equal(own.state.offeredHuman, true);
  });

  test('asking where coupons are, or how invoices work, is no trouble', async () => {
    for (const text of ['发票怎么开', 'do you have any coupons', '怎么退货', 'i ordered the wrong size, can i exchange it']) {
      const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.notEqual(r.state.offeredHuman, true, `${text}: ${textOf(r)}`);
    }
  });
});

// Found from outside: "how long does shipping usually take to beijing" asked a buyer with orders which one.
describe('a question about what usually happens', () => {
  test('is offered the shop entries it may mean, not which order; about their own parcel it is the order', async () => {
    const transit = new FaqIndexProvider();
    transit.setEntries(SHOP, [
      { id: 'transit', question: '发货后几天能收到？', answer: '江浙沪次日达，其他地区 2-4 天。' },
      { id: 'transit-en', question: 'How many days does delivery take after dispatch?', answer: '1-4 days after dispatch.' },
    ]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [earbuds, tshirt], logistics: [] }), faq: transit, clock: () => NOW });
    const ask = (text: string) => robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    for (const text of ['发北京一般要几天到', 'how long does delivery usually take to beijing']) {
      const r = await ask(text);
      assert.ok(r.state.faqOptions?.length || /2-4 天|1-4 days/.test(textOf(r)), `${text}: ${textOf(r)}`);
      assert.equal(r.state.pending, undefined, text);
    }
    assert.ok((await ask('我的快递几天能到')).state.pending, 'their own parcel: which order?');
  });
});

// Found from outside: "快递到了吗" got the shop's default courier, "耳机到了吗" was not understood, "鞋子到哪了" answered the keyboard.
describe('arrival asked with the goods or the parcel named alone', () => {
  const keyboard = order({ orderId: 'K-1003', status: 'delivered', createdAt: '2024-11-20T10:00:00+08:00', items: [{ sku: 'K', title: '罗技 MX Keys 无线键盘', quantity: 1, price: '9.00' }] });
  const cup = order({ orderId: 'C-1002', status: 'paid', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'C', title: '膳魔师 保温杯 500ml', quantity: 1, price: '9.00' }] });
  const keyboardTrack = logistics({ orderId: 'K-1003', carrier: '京东快递', trackingNo: 'JD0001112223', status: 'delivered' });

  for (const text of ['快递到了吗', '快递', '物流', 'courier', '耳机到了吗', 'did my earbuds arrive?', 'are my headphones here yet']) {
    test(`"${text}": the parcel, not the shop's courier entry`, async () => {
      const r = await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.intent, 'track_parcel');
      assert.match(textOf(r), /ZT7700001111/);
      assert.doesNotMatch(textOf(r), /默认发|by default/);
    });
  }

  test('goods that the only order with a parcel does not have: which order?, not that order', async () => {
    for (const text of ['帽子到哪了', "where's my hat?"]) {
      const r = await robotWith({ orders: [keyboard, cup], logistics: [keyboardTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.deepEqual(r.state.pending?.orderIds.slice().sort(), ['C-1002', 'K-1003'], `${text}: ${textOf(r)}`);
    }
    const kb = await robotWith({ orders: [keyboard, cup], logistics: [keyboardTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '键盘到哪了' });
    assert.match(textOf(kb), /JD0001112223/);
  });

  test('goods named alone are asked after ("我的鞋子呢", "my shoes?"), not "not understood"', async () => {
    const shoes = order({ orderId: 'S-1001', status: 'paid', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'S', title: '李宁 男子跑步鞋 42码', quantity: 1, price: '9.00' }] });
    for (const text of ['我的鞋子呢', 'my shoes?']) {
      const r = await robotWith({ orders: [keyboard, shoes], logistics: [keyboardTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.state.focusOrderId, 'S-1001', `${text}: ${textOf(r)}`);
    }
    const none = await robotWith({ orders: [keyboard, shoes], logistics: [keyboardTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '那个呢' });
    assert.equal(none.intent, 'unknown', 'no goods named: still not understood');
  });

  test('a noun without its suffix names the goods ("鞋子" for 跑步鞋, "帽子" for 棒球帽)', async () => {
    const shoes = order({ orderId: 'S-1001', status: 'paid', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'S', title: '李宁 男子跑步鞋 42码', quantity: 1, price: '9.00' }] });
    const r = await robotWith({ orders: [keyboard, shoes], logistics: [keyboardTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '鞋子到哪了' });
    assert.equal(r.state.focusOrderId, 'S-1001', textOf(r));
  });
});

// Found from outside: "bye" and "再见" got "You're welcome", a first "👍" "不客气".
describe('closing words', () => {
  for (const [text, want] of [
    ['谢谢', /不客气/],
    ['ok thanks', /welcome/],
    ['再见', /^再见/],
    ['bye', /^Goodbye/],
    ['好的', /^好的/],
    ['👍', /^好的/],
  ] as const) {
    test(`"${text}" is answered as what it is`, async () => {
      const r = await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.intent, 'bye');
      assert.match(textOf(r), want);
    });
  }
});

// Found from outside: a client that shows only content.text saw "which order?" without the orders.
test('the "which order?" text lists the orders, one line each, as the card does', async () => {
  const r = await robotWith({ orders: [earbuds, tshirt], logistics: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '订单状态' });
  const [question, ...lines] = r.replies[0]!.text.split('\n');
  assert.match(question!, /哪/);
  assert.equal(lines.length, 2);
  const card = r.replies[0]!.card;
  assert.equal(card?.kind, 'choice');
  if (card?.kind === 'choice') card.options.forEach((o, i) => assert.ok(lines[i]!.startsWith(`${i + 1}. ${o.orderId} `), lines[i]));
  assert.match(lines.join('\n'), /纯棉T恤/);
});

// Found from outside: "已经4天了还没到" got the same refund text again, then "到底什么时候到" the delivered parcel.
describe('a buyer pressing on a refund', () => {
  const cup = order({ orderId: 'SO1', status: 'delivered', items: [{ sku: 'x', title: '保温杯', quantity: 1, price: '45.90' }] });
  const data = (status: 'approved' | 'refunded'): FakeData => ({
    orders: [cup],
    logistics: [logistics({ orderId: 'SO1', status: 'delivered' })],
    aftersales: [aftersale({ aftersaleId: 'AS-SO1', orderId: 'SO1', status, type: 'refund', updatedAt: '2024-11-25T10:00:00+08:00' })],
  });

  test('is offered a person when they say it is late, and a bare "when" stays on the refund', async () => {
    const say = conversation(robotWith(data('approved')));
    const first = await say('退款怎么还没到');
    assert.notEqual(first.state.offeredHuman, true, 'within its promise: the status alone');
    const again = await say('已经4天了还没到');
    assert.equal(again.intent, 'aftersale_progress');
    assert.equal(again.state.offeredHuman, true);
    assert.match(textOf(again), /转接人工/);
    const when = await say('到底什么时候到');
    assert.equal(when.intent, 'aftersale_progress', textOf(when));
    assert.ok((await say('好的')).handover ?? (await say('转人工')).handover);
  });

  test('in English, and after a refund marked done that the buyer did not get', async () => {
    const en = conversation(robotWith(data('approved')));
    await en('where is my refund');
    assert.equal((await en("it's been 4 days, still nothing")).state.offeredHuman, true);
    const zh = conversation(robotWith(data('refunded')));
    await zh('退款到了吗');
    assert.equal((await zh('可是我没收到钱啊')).state.offeredHuman, true);
  });

  test('a parcel named after a refund is the parcel', async () => {
    const say = conversation(robotWith(data('approved')));
    await say('退款怎么还没到');
    assert.equal((await say('快递到哪了')).intent, 'track_parcel');
  });
});

// Found from outside: "我这单发的顺丰吗" was told the shop's default courier, and that 顺丰 costs extra.
test("the carrier of the buyer's own parcel is its tracking's, not the shop's default-courier entry", async () => {
  const sf = logistics({ orderId: EARBUDS, carrier: '顺丰速运', trackingNo: 'SF1400000001111' });
  for (const text of ['我这单发的顺丰吗', '发的什么快递', '我的订单是哪家快递', 'which courier is my order with']) {
    const r = await robotWith({ orders: [earbuds], logistics: [sf] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.match(textOf(r), /顺丰速运|SF Express/, text);
    assert.doesNotMatch(textOf(r), /默认发|by default/, text);
  }
  const presale = await robotWith({ orders: [earbuds], logistics: [sf] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '你们发什么快递' });
  assert.match(textOf(presale), /默认发中通/, 'asked of the shop: its entry');
});

// Found in review of the twelfth session's changes: each of these worked before them, or was made wrong by them.
describe('review of the twelfth session', () => {
  const one = (text: string, data: FakeData = { orders: [earbuds], logistics: [earbudsTrack] }) => robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });

  test('"正常吗" about a stuck parcel is the parcel, not an FAQ offer', async () => {
    for (const text of ['物流三天没更新了，正常吗？', '快递一直没动，这正常吗']) assert.match(textOf(await one(text)), /ZT7700001111/, text);
  });

  test("a shop question near word for word is the shop's answer for a buyer with orders too", async () => {
    for (const [text, want] of [
      ['亲 退货寄到哪', /退货|寄/],
      ['退貨寄到哪', /退|寄/],
      ['hi, where is your warehouse?', /Hangzhou|warehouse/i],
    ] as const) {
      const r = await one(text);
      assert.doesNotMatch(textOf(r), /没有查到您的售后|沒有查到您的售後/, text);
      assert.match(textOf(r), want, `${text}: ${textOf(r)}`);
    }
  });

  test('goods named after a refund are those goods, not the refund', async () => {
    const data: FakeData = { orders: [earbuds, tshirt], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-r', orderId: TSHIRT, status: 'approved', type: 'refund' })] };
    const say = conversation(robotWith(data));
    await say('退款到哪了');
    const r = await say('那耳机到底什么时候到？');
    assert.match(textOf(r), /2024112500001111|耳机/, textOf(r));
    assert.doesNotMatch(textOf(r), /抱歉让您久等了/);
  });

  test('a buyer with no orders asking which courier the shop uses gets its entry', async () => {
    for (const text of ['你们发的什么快递', '你们一般走的什么快递？']) assert.match(textOf(await one(text, { orders: [] })), /默认发中通/, text);
  });

  test('"单子" is no 床单, and policy questions are no trouble reports', async () => {
    const sheet = order({ orderId: '2024112600009999', status: 'shipped', items: [{ sku: 'B', title: '纯棉床单四件套', quantity: 1, price: '9.00' }] });
    const r = await one('我的单子到哪了', { orders: [earbuds, sheet], logistics: [earbudsTrack] });
    assert.equal(r.state.focusOrderId, undefined, textOf(r));
    for (const text of ['优惠券什么时候失效？', '开票需要提供税号吗？', '用坏了还能退货吗', '如果有质量问题怎么退货']) {
      const p = await one(text);
      assert.notEqual(p.state.offeredHuman, true, `${text}: ${textOf(p)}`);
    }
  });

  test('slow data: a message of two questions is answered as one, within about one budget', async () => {
    const slow = fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack], aftersales: [] }, { listOrders: { delayMs: 1000 }, listAftersales: { delayMs: 1000 } });
    const robot = createRobot({ dataSource: slow, faq, clock: () => NOW, budgetMs: 300 });
    const t0 = performance.now();
    await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '快递到哪了，退款呢' });
    assert.ok(performance.now() - t0 < 700, `took ${Math.round(performance.now() - t0)} ms`);
  });
});

// Found from outside: "怎么申请" (apply how?) alone was read as a returns question and answered with
// the invoice entry, whose alternate "电子发票怎么申请" covers it: two topics, and nothing said to pick one.
describe('a few words placed on one policy topic by the robot and on another by the FAQ', () => {
  test('are asked about, the FAQ entry offered first; a longer question on the shared ground is answered', async () => {
    const robot = robotWith({});
    const ask = (text: string) => robot.answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-p', text });
    const r = await ask('怎么申请');
    assert.match(textOf(r), /您想问的是哪一个？\n1\. 怎么开发票？\n2\. 退货/);
    const picked = await robot.answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-p', text: '1', state: r.state });
    assert.match(textOf(picked), /申请开票/);
    assert.match(textOf(await ask('买贵了能退差价吗')), /价保/, 'price protection is answered, not asked about');
    assert.match(textOf(await ask('怎么开发票')), /申请开票/, 'the topics agree: answered');
  });

  // Found from outside: "华为耳机坏了能修吗" was offered the return-shipping entry, and "who pays
  // shipping" answered with the shop's dispatch times.
  test("a policy question the FAQ is unsure of offers the FAQ's own first candidate first; 'who pays shipping' is the shipping fee", async () => {
    const robot = robotWith({});
    const ask = (text: string) => robot.answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-w', text });
    // With the brand set aside (the FAQ names no 华为) it is the stored "耳机坏了能修吗": answered.
    assert.match(textOf(await ask('华为耳机坏了能修吗')), /^电子产品享受 1 年保修/);
    assert.match(textOf(await ask('my earbuds broke, can you fix them?')), /\n1\. What is the warranty on electronics\?/);
    assert.match(textOf(await ask('who pays shipping')), /free on orders over 99/);
  });
});

// Found from outside (fourteenth session's tester): context lost in the turns after an answer.
describe('the turns after an answer, as a buyer types them', () => {
  const data: FakeData = {
    orders: [brush, nuts, jacket],
    logistics: [brush, nuts, jacket].map((o) => logistics({ orderId: o.orderId })),
    aftersales: [aftersale({ aftersaleId: 'AS-1', orderId: nuts.orderId, amount: '45.90' })],
  };
  const ids = (r: RobotAnswer) => r.replies.map((x) => /SO-[A-Z]+-\d/.exec(x.text)?.[0]).filter(Boolean);

  test('"多少钱", "退到哪里", "how much?", "to which account?" after a refund answer are about that refund; shipping costs are not', async () => {
    for (const [first, ...next] of [['我的退款', '多少钱', '退到哪里'], ['where is my refund', 'how much?', 'to which account?']]) {
      const say = conversation(robotWith(data));
      await say(first!);
      for (const q of next) {
        const r = await say(q);
        assert.equal(r.intent, 'aftersale_progress', q);
        assert.match(textOf(r), /45\.90/, q);
      }
    }
    const say = conversation(robotWith(data));
    await say('where is my refund');
    assert.notEqual((await say('how much is shipping to beijing')).intent, 'aftersale_progress');
    // "那快递呢" after the refund is the parcel alone, not the shop's default-carrier entry before it (found from outside).
    const next = conversation(robotWith(data));
    await next('我的退款');
    const parcel = await next('那快递呢');
    assert.equal(parcel.replies.length, 1, textOf(parcel));
    assert.equal(parcel.replies[0]!.card?.kind, 'logistics');
  });

  test('"不是这两个，是衣服" at a choice finds the order not listed; goods named together are each answered', async () => {
    for (const [ask, none] of [['快递到哪了', '不是这两个，是衣服'], ['where is my package', 'neither, I mean the jacket']] as const) {
      const say = conversation(robotWith(data));
      assert.equal((await say(ask)).replies[0]!.card?.kind, 'choice');
      assert.deepEqual(ids(await say(none)), [jacket.orderId], none);
    }
    for (const both of ['我买的牙刷和坚果分别到哪了', 'where are my toothbrush and nuts']) {
      assert.deepEqual(ids(await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-b', text: both })), [brush.orderId, nuts.orderId], both);
    }
  });

  test('a buyer who says the parcel is late or needed soon is told sorry and offered a person; a plain question is not', async () => {
    for (const [text, said] of [['我的牙刷啥时候到啊 急用', /了解您着急用/], ['牙刷怎么还没到', /抱歉让您久等了/], ['the toothbrush is taking forever, still not here!!', /Sorry for the wait/]] as const) {
      const r = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-l', text });
      assert.match(textOf(r), said, text);
      assert.equal((r.state as { offeredHuman?: boolean }).offeredHuman, true, text);
    }
    const plain = await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-l', text: '牙刷到哪了' });
    assert.doesNotMatch(textOf(plain), /抱歉/);
  });

  test('goods in trouble told, not asked ("我的保温杯漏水了", "耳机没声音了", "my bottle leaks"): an apology and a person, not "not understood"', async () => {
    for (const text of ['我的保温杯漏水了', '耳机没声音了', 'my bottle leaks']) {
      const r = await robotWith({}).answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-t', text });
      assert.equal(r.intent, 'return_policy', text);
      assert.match(textOf(r), /很抱歉给您添麻烦了|Sorry about that/, text);
      assert.equal((r.state as { offeredHuman?: boolean }).offeredHuman, true, text);
    }
  });

  test('after a returns answer, "衣服那个" is the jacket order on returns; a list of questions declined in Chinese is not "not understood"', async () => {
    const say = conversation(robotWith(data));
    await say('我要退货');
    const r = await say('衣服那个');
    assert.equal(r.intent, 'return_policy');
    assert.deepEqual(ids(r), [jacket.orderId]);
    const faq = conversation(robotWith({}));
    assert.match(textOf(await faq('你们包邮吗')), /您想问的是哪一个/);
    for (const no of ['不是']) {
      const declined = await faq(no);
      assert.doesNotMatch(textOf(declined), /没太理解/);
      assert.match(textOf(declined), /换个说法/);
    }
  });
});

// Found in review of the fourteenth session's changes: readings that went too far.
describe('what the new follow-up rules must not catch', () => {
  const two: FakeData = { orders: [brush, nuts], logistics: [brush, nuts].map((o) => logistics({ orderId: o.orderId })), aftersales: [aftersale({ aftersaleId: 'AS-9', orderId: nuts.orderId })] };
  const idsOf = (r: RobotAnswer) => r.replies.map((x) => /SO-[A-Z]+-\d/.exec(x.text)?.[0]).filter(Boolean);

  test('a no to a list of FAQ questions that goes on to ask is that question', async () => {
    const say = conversation(robotWith(two));
    await say('你们包邮吗');
    assert.equal((await say('都不是，我的快递呢')).intent, 'track_parcel');
  });

  test('after a refund, "退货地址是多少" is not the refund again; "不着急" gets no apology; "all good thanks" at a choice answers nothing', async () => {
    const say = conversation(robotWith(two));
    await say('我的退款');
    assert.notEqual((await say('退货地址是多少')).intent, 'aftersale_progress');
    for (const text of ['不着急，帮我看看牙刷到哪了', 'not urgent, where is my toothbrush']) {
      assert.doesNotMatch(textOf(await robotWith(two).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-n', text })), /抱歉让您久等了|Sorry for the wait/, text);
    }
    const choice = conversation(robotWith(two));
    await choice('where is my package');
    assert.deepEqual(idsOf(await choice('all good thanks')), [], 'no tracking dumped');
  });

  test('both goods named while asked which order, with exactly two orders: each answered once, the apology once and last', async () => {
    const say = conversation(robotWith(two));
    await say('快递到哪了');
    assert.deepEqual(idsOf(await say('我买的牙刷和坚果分别到哪了')), [brush.orderId, nuts.orderId]);
    const late = conversation(robotWith(two));
    await late('快递到哪了');
    const r = await late('两个都查，急用');
    assert.equal(r.replies.filter((x) => /了解您着急用/.test(x.text)).length, 1);
    assert.match(r.replies.at(-1)!.text, /了解您着急用/);
  });

  test('"能退差价吗", the price-protection entry in its own words, is answered though the robot reads returns', async () => {
    assert.match(textOf(await robotWith({}).answer({ shopId: SHOP, userId: 'u-new', conversationId: 'c-d', text: '能退差价吗' })), /价保/);
  });
});

/** One conversation of a buyer with no orders with a shop of these FAQ entries. */
/** A conversation with a shop of these FAQ entries and no orders. */
const shopChat = (shopId: string, entries: FaqEntry[]) => shopChat2(shopId, entries, { orders: [], aftersales: [] }, 'u-s');

// Found from outside (fifteenth session's tester, a pet-supplies shop of their own).
describe('a yes or no said on the way to a question, and a miss after a miss', () => {
  const petShop = () =>
    shopChat('shop_pets', [
      { id: 'litter', question: '猫砂可以冲马桶吗？', answer: '只有豆腐猫砂可以少量冲入马桶。' },
      { id: 'kitten', question: '幼猫可以吃成猫粮吗？', answer: '不建议，12 个月以下请吃幼猫粮。', alternates: ['小猫能吃成猫粮吗'] },
      { id: 'grain', question: 'Is your dog food grain-free?', answer: 'Our Wildpaw line is grain-free.', alternates: ['does the dog food contain grain'] },
    ]);

  test('"不用，<question>" and "ok. <question>" to "shall I get a person?" answer the question; a bare yes or no is still one', async () => {
    for (const [first, then, re] of [
      ['猫粮多少钱一袋', '不用，猫砂可以冲马桶吗？', /豆腐猫砂/],
      ['do you sell fish tanks', 'ok. does the dog food contain grain', /Wildpaw|grain-free/],
    ] as const) {
      const again = petShop();
      await again(first);
      const r = await again(then);
      assert.equal(r.handover, undefined, then);
      assert.match(textOf(r), re, then);
    }
    const yes = petShop();
    await yes('猫粮多少钱一袋');
    assert.ok((await yes('好的')).handover, 'a bare yes is a yes');
    const no = petShop();
    await no('猫粮多少钱一袋');
    assert.match(textOf(await no('不用了，谢谢')), /还有什么可以帮您/);
  });

  test('after a miss, a question the FAQ has a "did you mean" for is offered it, with the way to a person, not handed over', async () => {
    const say = petShop();
    await say('猫粮多少钱一袋');
    const r = await say('小猫咪能不能吃大猫的粮');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /幼猫可以吃成猫粮吗/);
    assert.match(textOf(r), /转人工/);
    // A third miss with nothing to offer hands over, as before.
    assert.ok((await say('啊啊啊')).handover);
  });

  test('a buyer with no orders here asking about "my" something the FAQ knows gets the FAQ; with nothing to offer, not "no orders"', async () => {
    const subs = new FaqIndexProvider();
    subs.setEntries('shop_subs', [{ id: 'subs', question: 'Do you offer a subscription for pet food?', answer: 'Yes: Subscribe & Save, cancel any time under My Account.', alternates: ['subscribe and save'] }]);
    let searches = 0;
    const counting = { ...subs, lookup: (...a: Parameters<typeof subs.lookup>) => (searches++, subs.lookup(...a)), search: subs.search.bind(subs) } as unknown as FaqIndexProvider;
    const ask = (orders: Order[], text: string) => createRobot({ dataSource: fakeDataSource({ orders, aftersales: [] }), faq: counting, clock: () => NOW }).answer({ shopId: 'shop_subs', userId: 'u-s', conversationId: 'c-s', text });
    assert.match(textOf(await ask([], 'can i cancel my pet food subscription')), /Subscribe & Save/);
    assert.match(textOf(await ask([], '猫砂多久换一次')), /不太确定/);
    assert.match(textOf(await ask([], '我的快递到哪了')), /没有查到您在本店的订单/);
    // A buyer with orders asking about theirs does not wait for the FAQ.
    searches = 0;
    await ask([order({ orderId: 'SO-1', userId: 'u-s', shopId: 'shop_subs' })], '我的快递到哪了');
    assert.equal(searches, 0);
  });

  test('a bare yes to a list of questions asks for the number, and the number then answers', async () => {
    const say = conversation(robotWith({}), 'u-list');
    // ("包邮吗" was such a list, until a clause of the shop's own question answered its entry.)
    assert.match(textOf(await say('免运费吗')), /\n1\. /);
    assert.match(textOf(await say('是')), /序号/);
    assert.match(textOf(await say('1')), /99 元包邮/);
  });

  test('an English "did you mean" does not double the stored question\'s question mark', async () => {
    const say = petShop();
    const r = await say('does yr dog food have grain or not');
    if (/Did you mean/.test(textOf(r))) assert.doesNotMatch(textOf(r), /\?"\?/);
    assert.doesNotMatch(TEXTS.en.faqConfirm('Is it free?'), /\?"\?/);
    assert.match(TEXTS.en.faqConfirm('Free shipping'), /"Free shipping"\?/);
  });
});

// Found from outside (fifteenth session): "which order?" answered by several places, by when it was
// ordered, by its price, or by where it stood; "both please" had handed the buyer over (" bot" in "both").
describe('"which order?" answered by places, age, price and position', () => {
  const cup = order({ orderId: 'SO-CUP-1', createdAt: '2024-11-26T10:00:00+08:00', totalAmount: '39.00', items: [{ sku: 'C1', title: '保温杯', quantity: 1, price: '39.00' }] });
  const tent = order({ orderId: 'SO-TENT-2', createdAt: '2024-11-24T10:00:00+08:00', totalAmount: '599.00', items: [{ sku: 'T1', title: '帐篷', quantity: 1, price: '599.00' }] });
  const lamp = order({ orderId: 'SO-LAMP-3', createdAt: '2024-11-25T10:00:00+08:00', totalAmount: '129.00', items: [{ sku: 'L1', title: '台灯', quantity: 1, price: '129.00' }] });
  const data: FakeData = { orders: [cup, tent, lamp], logistics: [cup, tent, lamp].map((o) => logistics({ orderId: o.orderId })) };
  const idsOf = (r: RobotAnswer) => [...new Set(r.replies.flatMap((x) => [...x.text.matchAll(/SO-[A-Z]+-\d/g)].map((m) => m[0])))];
  const after = async (reply: string) => {
    const say = conversation(robotWith(data));
    // Listed newest first: cup (11-26), lamp (11-25), tent (11-24).
    assert.deepEqual(idsOf(await say('where is my parcel?')), ['SO-CUP-1', 'SO-LAMP-3', 'SO-TENT-2']);
    return say(reply);
  };

  test('several places at once are each answered; all of them is all', async () => {
    for (const reply of ['1 and 3', '1和3', '第一个和第三个都要', 'the first and the third one']) assert.deepEqual(idsOf(await after(reply)), ['SO-CUP-1', 'SO-TENT-2'], reply);
    assert.deepEqual(idsOf(await after('1, 2 and 3')), ['SO-CUP-1', 'SO-LAMP-3', 'SO-TENT-2']);
    for (const reply of ['both please', 'all of them pls']) {
      const r = await after(reply);
      assert.equal(r.handover, undefined, reply);
      assert.equal(idsOf(r).length, 3, reply);
    }
    // A place not on the list is no pick of several.
    assert.deepEqual(idsOf(await after('1 and 5')).length, 3, 'the list again');
  });

  test('by when it was ordered, what it cost, or where it stood', async () => {
    for (const [reply, id] of [
      ['the one I ordered first', 'SO-TENT-2'],
      ['最早买的那个', 'SO-TENT-2'],
      ['the cheaper one', 'SO-CUP-1'],
      ['最便宜的那个', 'SO-CUP-1'],
      ['the most expensive one', 'SO-TENT-2'],
      ['贵的那个', 'SO-TENT-2'],
      ['the top one', 'SO-CUP-1'],
      ['the bottom one', 'SO-TENT-2'],
    ] as const) assert.deepEqual(idsOf(await after(reply)), [id], reply);
  });

  test('"both" and "bottle" are not "bot"', () => {
    const nlu = createNlu();
    for (const text of ['both please', 'check both please', 'the bottle please']) assert.notEqual(nlu.understand(text, NOW).intent, 'human', text);
    for (const text of ['stupid bot!', 'i hate bots']) assert.equal(nlu.understand(text, NOW).intent, 'human', text);
  });
});

describe('the turns after an order answer (fifteenth session)', () => {
  test('"是什么快递", "which courier?" right after a parcel answer are that parcel\'s carrier; asked of the shop, the FAQ', async () => {
    for (const q of ['是什么快递', 'which courier?']) {
      const say = conversation(robotWith({ orders: [tshirt], logistics: [tshirtTrack] }));
      await say('我的快递到哪了');
      const r = await say(q);
      assert.equal(r.intent, 'track_parcel', q);
      assert.match(textOf(r), /顺丰|SF Express/, q);
    }
    const say = conversation(robotWith({ orders: [tshirt], logistics: [tshirtTrack] }));
    await say('我的快递到哪了');
    assert.equal((await say('你们一般发什么快递')).intent, 'faq');
  });
});

describe('a refund later than its promise (fifteenth session)', () => {
  test('"能快点吗", "how much will I get back?", "那还要多久" after the refund answer are about that refund; a hurry is a chase', async () => {
    const data: FakeData = { orders: [earbuds], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-H', orderId: EARBUDS, status: 'approved', amount: '45.90', updatedAt: '2024-11-26T12:00:00+08:00' })] };
    const say = conversation(robotWith(data));
    await say('退款怎么还没到');
    const hurry = await say('能快点吗');
    assert.equal(hurry.intent, 'aftersale_progress');
    assert.match(textOf(hurry), /转接人工客服/);
    for (const q of ['how much will I get back?', '那还要多久']) {
      const r = await say(q);
      assert.equal(r.intent, 'aftersale_progress', q);
      assert.match(textOf(r), /45\.90/, q);
    }
  });

  // NOW is Wednesday 2024-11-27 10:00 (+08:00); "一般 1-3 个工作日到账" counts working days.
  const refundApproved = (updatedAt: string) => robotWith({ orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'AS-L', orderId: EARBUDS, status: 'approved', updatedAt })] });
  test('four working days after the approval is late: sorry, and a person offered; three (over a weekend) is not', async () => {
    const late = conversation(refundApproved('2024-11-21T10:00:00+08:00')); // Thursday
    assert.match(textOf(await late('退款怎么还没到')), /比平常慢了/);
    const onTime = conversation(refundApproved('2024-11-22T10:00:00+08:00')); // Friday: Mon, Tue, Wed
    assert.doesNotMatch(textOf(await onTime('退款怎么还没到')), /比平常慢了/);
    assert.match(textOf(await onTime('退款怎么还没到')), /1-3 个工作日/);
  });
});

describe('a follow-up right after an FAQ answer (fifteenth session)', () => {
  const chat = () =>
    shopChat('shop_shelf', [
      { id: 'open', question: '猫粮开封后能放多久？', answer: '开封后请夹紧封口保存，建议 6 周内吃完；未开封的保质期为 18 个月。' },
      { id: 'ret', question: 'Can I return opened pet food?', answer: 'Opened food cannot be returned for hygiene reasons, unless it arrived damaged. Unopened bags can be returned within 7 days of delivery.' },
      { id: 'ship', question: '运费怎么算？', answer: '满 99 元包邮。' },
    ]);

  test('the sentence of the answer that holds its words, not a "did you mean" of the entry just given', async () => {
    const zh = chat();
    await zh('猫粮开封后能放多久？');
    assert.equal(textOf(await zh('那未开封的呢')), '未开封的保质期为 18 个月。');
    for (const q of ['and unopened?', 'what if it is unopened?']) {
      const en = chat();
      await en('Can I return opened pet food?');
      assert.equal(textOf(await en(q)), 'Unopened bags can be returned within 7 days of delivery.', q);
    }
  });

  test('another confident question, or words the answer lacks, are not read as the follow-up', async () => {
    const say = chat();
    await say('猫粮开封后能放多久？');
    assert.match(textOf(await say('那运费怎么算')), /99 元包邮/);
    const en = chat();
    await en('Can I return opened pet food?');
    assert.doesNotMatch(textOf(await en('and how much is it?')), /Did you mean "Can I return opened pet food/);
  });
});

describe('a buyer who asks for a language (fifteenth session)', () => {
  test('"sorry, can you say that in English?", "中文可以吗" switch the conversation, and it stays switched', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    await say('包邮吗');
    const en = await say('sorry, can you say that in English?');
    assert.equal(en.lang, 'en');
    assert.match(textOf(en), /reply in English/);
    // Typed in Chinese after asking for English: answered in English.
    assert.match(textOf(await say('我的快递到哪了')), /Your order/);
    assert.match(textOf(await say('中文可以吗')), /用中文为您服务/);
    assert.match(textOf(await say('where is my parcel')), /您的订单/);
    // A product question naming a language is not a request for one.
    assert.notEqual((await robotWith({}).answer({ shopId: SHOP, userId: 'u-x', conversationId: 'c-x', text: '英文说明书有吗' })).lang, 'en');
  });
});

describe('an FAQ answer beside the buyer\'s order (fifteenth session)', () => {
  test('goods named that the open order does not hold: the FAQ answer alone, not that order\'s parcel', async () => {
    const faqOf = new FaqIndexProvider();
    faqOf.setEntries(SHOP, [{ id: 'open', question: '猫粮开封后能放多久？', answer: '开封后建议 6 周内吃完。', alternates: ['猫粮开袋后保质期多久'] }, { id: 'ship', question: '付款后多久发货？', answer: '付款后 48 小时内发货。' }]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }), faq: faqOf, clock: () => NOW });
    const ask = (text: string) => robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-g', text });
    assert.equal(textOf(await ask('我刚买的猫粮开封后能放多久')), '开封后建议 6 周内吃完。');
    // Asked in general, the one open order still follows the shop's answer.
    assert.match(textOf(await ask('付款后多久发货？')), new RegExp(EARBUDS));
  });
});


// Found from outside (fifteenth session, second tester): the order under discussion was acted on
// though the buyer named another ("乐高帮我取消吧" cancelled the hair dryer's order).
describe('the order the buyer names, not the one under discussion', () => {
  const dryer = order({ orderId: 'SO-DRYER-1', status: 'paid', createdAt: '2024-11-27T02:00:00+08:00', totalAmount: '2999.00', items: [{ sku: 'D1', title: '戴森 Supersonic 吹风机 HD15', quantity: 1, price: '2999.00' }] });
  const lego = order({ orderId: 'SO-LEGO-2', status: 'paid', createdAt: '2024-11-26T12:00:00+08:00', totalAmount: '599.00', items: [{ sku: 'L1', title: '乐高 机械组 保时捷 42096', quantity: 1, price: '599.00' }] });
  const mat = order({ orderId: 'SO-MAT-3', createdAt: '2024-11-25T12:00:00+08:00', items: [{ sku: 'M1', title: 'Lululemon yoga mat 5mm', quantity: 1, price: '688.00' }] });
  const pods = order({ orderId: 'SO-PODS-4', status: 'delivered', createdAt: '2024-11-05T12:00:00+08:00', items: [{ sku: 'P1', title: 'Apple AirPods Pro 2 无线耳机', quantity: 1, price: '1899.00' }] });
  const refund = aftersale({ aftersaleId: 'AS-P', orderId: pods.orderId, status: 'approved', amount: '1899.00', updatedAt: '2024-11-26T12:00:00+08:00' });

  test('"which order?" by a price shown nowhere but known ("599的那个", "the 599 one"), "the expensive one", "新下的那个", "都取消"', async () => {
    for (const [reply, ids] of [
      ['599的那个', ['SO-LEGO-2']],
      ['the 2999 one', ['SO-DRYER-1']],
      ['the expensive one', ['SO-DRYER-1']],
      ['the cheap one', ['SO-LEGO-2']],
      ['新下的那个', ['SO-DRYER-1']],
      ['the older one', ['SO-LEGO-2']],
      ['两个都取消', ['SO-DRYER-1', 'SO-LEGO-2']],
    ] as const) {
      const say = conversation(robotWith({ orders: [dryer, lego] }));
      await say('我想取消订单');
      const r = await say(reply);
      assert.deepEqual([...new Set([...textOf(r).matchAll(/SO-[A-Z]+-\d/g)].map((m) => m[0]))].sort(), [...ids].sort(), reply);
    }
  });

  test('"and the airpods?", "what about the yoga mat", "好的谢谢，耳机呢" after a parcel answer: that order\'s', async () => {
    const data: FakeData = { orders: [mat, pods], logistics: [logistics({ orderId: mat.orderId })] };
    for (const [first, then, id] of [
      ['where is my yoga mat', 'and the airpods?', 'SO-PODS-4'],
      ['where is my yoga mat', 'thanks! how about the airpods', 'SO-PODS-4'],
      ['where are my airpods', 'what about the yoga mat', 'SO-MAT-3'],
      ['我的瑜伽垫到哪了', '好的谢谢，耳机呢', 'SO-PODS-4'],
    ] as const) {
      const say = conversation(robotWith(data));
      await say(first);
      const r = await say(then);
      assert.equal(r.handover, undefined, then);
      assert.match(textOf(r), new RegExp(id), then);
    }
  });

  test('no parcel record: a delivered order is told delivered; shipped days ago with nothing, a person is offered', async () => {
    assert.match(textOf(await conversation(robotWith({ orders: [pods] }))('AirPods到哪了')), /已签收/);
    const quiet = order({ orderId: 'SO-QUIET-5', status: 'shipped', updatedAt: '2024-11-22T10:00:00+08:00' });
    const r = await conversation(robotWith({ orders: [quiet] }))('我的快递到哪了');
    assert.match(textOf(r), /5 天还没有物流信息/);
    assert.equal(r.state && (r.state as { offeredHuman?: boolean }).offeredHuman, true);
  });

  test('a shop question while "which order?" waits leaves it waiting: "第二个" next answers the address change', async () => {
    for (const [ask, aside, pick] of [
      ['我想改地址', '从哪里发货的', '第二个'],
      ['I want to change my address', 'where do you ship from', 'ok, the second one'],
    ] as const) {
      const say = conversation(robotWith({ orders: [dryer, lego] }));
      await say(ask);
      assert.equal((await say(aside)).intent, 'faq', aside);
      const r = await say(pick);
      assert.equal(r.intent, 'change_address', pick);
      assert.match(textOf(r), /SO-LEGO-2/, pick);
    }
  });

  test('a name the segmenter does not know ("乐高") picks its order over the one just discussed', async () => {
    const say = conversation(robotWith({ orders: [dryer, lego] }));
    await say('吹风机什么时候发货');
    const r = await say('乐高帮我取消吧');
    assert.equal(r.intent, 'cancel_order');
    assert.match(textOf(r), /SO-LEGO-2/);
    assert.doesNotMatch(textOf(r), /SO-DRYER-1/);
  });

  test('"AirPods的退款", "what\'s the status of my AirPods refund?" after the yoga mat: the AirPods refund; "那退款呢" is still the mat\'s', async () => {
    for (const q of ['AirPods的退款到哪一步了', "what's the status of my AirPods refund?", '耳机的退款呢']) {
      const say = conversation(robotWith({ orders: [mat, pods], logistics: [logistics({ orderId: mat.orderId })], aftersales: [refund] }));
      await say('我的瑜伽垫到哪了');
      assert.match(textOf(await say(q)), /1899\.00/, q);
    }
    const say = conversation(robotWith({ orders: [mat, pods], logistics: [logistics({ orderId: mat.orderId })], aftersales: [refund] }));
    await say('我的瑜伽垫到哪了');
    assert.match(textOf(await say('那退款呢')), /SO-MAT-3 没有售后申请/);
  });
});

describe('answers to our questions that are no miss (fifteenth session, second tester)', () => {
  test('"不是这个" to a "did you mean" asks again instead of handing over; "ok，谢谢" to "a person?" is thanks', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    await say('我是用信用卡付的');
    const no = await say('不是这个');
    assert.equal(no.handover, undefined);
    assert.match(textOf(no), /换个说法/);
    const unshipped = order({ orderId: 'SO-LATE-1', status: 'paid', createdAt: '2024-11-20T10:00:00+08:00', updatedAt: '2024-11-20T10:00:00+08:00' });
    for (const thanks of ['ok，谢谢', 'ok, thanks', '好，谢谢']) {
      const late = conversation(robotWith({ orders: [unshipped] }));
      assert.match(textOf(await late('什么时候发货')), /付款已经 7 天还没有发货/);
      const r = await late(thanks);
      assert.equal(r.handover, undefined, thanks);
      assert.equal(r.intent, 'bye', thanks);
    }
    const yes = conversation(robotWith({ orders: [unshipped] }));
    await yes('什么时候发货');
    assert.ok((await yes('好的')).handover, 'a bare yes still gets a person');
  });
});


// Found in review (fifteenth session): the new rules must not catch these.
describe('what this session\'s rules must not catch', () => {
  test('a long "1,1,1,…" after "which order?" is answered at once (no regex backtracking)', async () => {
    const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    await say('快递到哪了');
    const started = performance.now();
    await say(`${'1,'.repeat(30)}1x`);
    assert.ok(performance.now() - started < 200, `${(performance.now() - started).toFixed(0)} ms`);
  });

  test('goods named decide over a price or age word; "上面一直显示已发货" is no pick of the top one', async () => {
    for (const [reply, id] of [
      ['便宜的那个耳机', EARBUDS],
      ['先买的T恤', TSHIRT],
    ] as const) {
      const say = conversation(robotWith({ orders: [earbuds, { ...tshirt, totalAmount: '118.00' }], logistics: [earbudsTrack, tshirtTrack] }));
      await say('快递到哪了');
      const r = await say(reply);
      assert.match(textOf(r), new RegExp(id), reply);
      assert.doesNotMatch(textOf(r), new RegExp(id === EARBUDS ? TSHIRT : EARBUDS), reply);
    }
    const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    await say('快递到哪了');
    assert.equal((await say('上面一直显示已发货')).replies[0]!.card?.kind, 'choice');
  });

  test('language words about goods, or beside a request for a person, are no language request', async () => {
    for (const text of ['is the manual in english?', '刻字用英文可以吗', '包装印英文可以吗']) {
      assert.doesNotMatch(textOf(await robotWith({}).answer({ shopId: SHOP, userId: 'u-l', conversationId: 'c-l', text })), /reply in English|用中文为您服务/, text);
    }
    for (const text of ['can i speak to a human in english', '转人工，说中文']) assert.ok((await robotWith({}).answer({ shopId: SHOP, userId: 'u-l', conversationId: 'c-l', text })).handover, text);
  });

  test('a yes to a person that asks about the wait is still a yes; changing carrier is not this parcel\'s carrier', async () => {
    const late = order({ orderId: 'SO-LATE-2', status: 'paid', createdAt: '2024-11-20T10:00:00+08:00', updatedAt: '2024-11-20T10:00:00+08:00' });
    for (const text of ['yes please, how long will it take?', '好的，多久能接通？']) {
      const say = conversation(robotWith({ orders: [late] }));
      await say('什么时候发货');
      assert.ok((await say(text)).handover, text);
    }
    for (const text of ['能换顺丰吗', '下次能发顺丰吗']) {
      const say = conversation(robotWith({ orders: [tshirt], logistics: [tshirtTrack] }));
      await say('我的快递到哪了');
      assert.notEqual((await say(text)).intent, 'track_parcel', text);
    }
  });

  test('the entry just answered, asked again in other words, is answered again, not its other-language twin offered', async () => {
    const say = conversation(robotWith({}), 'u-again');
    const first = textOf(await say('能开发票吗'));
    assert.match(first, /申请开票/);
    const again = await say('鼠标能开发票吗');
    assert.equal(textOf(again), first);
    assert.doesNotMatch(textOf(again), /How do I get an invoice/);
  });

  test('a follow-up whose new words the answer does not hold is not answered from it', async () => {
    const say = shopChat('shop_wk', [{ id: 'ship', question: '付款后多久发货？', answer: '现货商品付款后 48 小时内发货。' }]);
    await say('付款后多久发货？');
    assert.doesNotMatch(textOf(await say('那周末发货吗')), /48 小时内发货/);
  });
});

// Found from outside (fifteenth session's second tester, changed in the sixteenth): a refusal's
// reason was never shown, an exchange was told "amount to be confirmed", a request named by its
// kind was asked "which order?", and English replies named Chinese couriers.
describe('after-sales named by kind, refusals with their reason (sixteenth session)', () => {
  const jacket = order({ orderId: 'SO-JKT-3', status: 'delivered', items: [{ sku: 'J', title: '冲锋衣', quantity: 1, price: '599.00' }], totalAmount: '599.00' });
  const brush = order({ orderId: 'SO-BR-1', items: [{ sku: 'B', title: '电动牙刷', quantity: 1, price: '299.00' }], totalAmount: '299.00' });
  const refused = aftersale({ aftersaleId: 'AS-R', orderId: 'SO-JKT-3', type: 'return', status: 'rejected', amount: '599.00', reason: '商品已剪标，不符合退货条件' });
  const swap = aftersale({ aftersaleId: 'AS-X', orderId: 'SO-BR-1', type: 'exchange', status: 'approved' });
  const data = { orders: [jacket, brush], aftersales: [refused, swap] };

  test('"why was it rejected" picks the rejected request of two and says its reason, in the text and on the card', async () => {
    for (const [text, said] of [['为什么退货被拒了', /原因：商品已剪标，不符合退货条件。/], ['why was my return rejected?', /Reason given: 商品已剪标，不符合退货条件\./]] as const) {
      const r = await conversation(robotWith(data))(text);
      assert.match(textOf(r), said, text);
      assert.match(textOf(r), /SO-JKT-3/, text);
      const card = r.replies[0]!.card as { kind: string; reason?: string };
      assert.equal(card.kind, 'aftersale');
      assert.equal(card.reason, '商品已剪标，不符合退货条件');
    }
  });

  test('a request under way keeps the buyer\'s own reason to itself; an exchange is told no amount', async () => {
    const asked = aftersale({ aftersaleId: 'AS-Q', orderId: 'SO-JKT-3', type: 'refund', status: 'requested', reason: '不想要了' });
    const r = await conversation(robotWith({ orders: [jacket], aftersales: [asked] }))('退款到哪一步了');
    assert.doesNotMatch(textOf(r), /不想要了/);
    assert.equal((r.replies[0]!.card as { reason?: string }).reason, undefined);
    for (const text of ['换货进度怎么样了', 'how is my exchange going']) {
      const told = textOf(await conversation(robotWith({ orders: [brush], aftersales: [swap] }))(text));
      assert.match(told, /SO-BR-1/, text);
      assert.doesNotMatch(told, /金额|amount/i, text);
    }
  });

  test('"换货的呢", "and the return?" after an answer are that kind of request, even after a person was offered', async () => {
    const say = conversation(robotWith(data));
    assert.match(textOf(await say('为什么退货被拒了')), /SO-JKT-3/);
    const next = await say('换货的呢');
    assert.equal(next.intent, 'aftersale_progress');
    assert.match(textOf(next), /换货申请（订单 SO-BR-1）/);
    assert.match(textOf(await say('and the return?')), /return request \(order SO-JKT-3\)/);
  });

  test('English replies name a Chinese courier in English and mark the latest event as the carrier\'s words', async () => {
    const r = await conversation(robotWith({ orders: [tshirt], logistics: [tshirtTrack] }))('where is my parcel');
    assert.match(textOf(r), /with SF Express, tracking number SF1400000002222/);
    assert.doesNotMatch(textOf(r), /顺丰/);
    assert.match(textOf(r), /Latest update \(in the carrier's words\)/);
    assert.equal((r.replies[0]!.card as { carrier: string }).carrier, '顺丰速运');
    assert.match(textOf(await conversation(robotWith({ orders: [tshirt], logistics: [tshirtTrack] }))('我的快递到哪了')), /由顺丰速运承运/);
  });
});

describe('orders by how many goods, a new address typed out (sixteenth session)', () => {
  const nuts = order({ orderId: 'SO-NUT-2', status: 'paid', items: [{ sku: 'N', title: '每日坚果礼盒', quantity: 2, price: '89.00' }], totalAmount: '178.00', createdAt: '2024-11-26T20:00:00+08:00' });
  const brush = order({ orderId: 'SO-BR-1', items: [{ sku: 'B', title: '电动牙刷', quantity: 1, price: '299.00' }], totalAmount: '299.00' });
  const mugs = order({ orderId: 'SO-MUG-3', status: 'delivered', items: [{ sku: 'M', title: '马克杯', quantity: 1, price: '39.00' }, { sku: 'C', title: '杯垫', quantity: 3, price: '9.00' }], totalAmount: '66.00' });

  test('"两件的那个", "the one with 2 items", "买了4个的" pick the order holding that many goods', async () => {
    for (const [ask, pick, id] of [['查下我的订单', '两件的那个', 'SO-NUT-2'], ['check my orders', 'the one with 2 items', 'SO-NUT-2'], ['查下我的订单', '买了4个的那个', 'SO-MUG-3']] as const) {
      const say = conversation(robotWith({ orders: [nuts, brush, mugs] }));
      assert.match(textOf(await say(ask)), /SO-BR-1[\s\S]*SO-MUG-3|SO-MUG-3[\s\S]*SO-BR-1/, ask);
      const r = await say(pick);
      assert.equal(r.replies.length > 0 && (r.replies[0]!.card as { kind: string }).kind, 'order', pick);
      assert.match(textOf(r), new RegExp(id), pick);
    }
    // A place in our list is not a count: "第二个" is the second order.
    const say = conversation(robotWith({ orders: [nuts, brush, mugs] }));
    await say('查下我的订单');
    assert.match(textOf(await say('第二个')), /SO-BR-1/);
  });

  test('the new address typed after "change my address" is met with a person offered, never a goodbye or the same text', async () => {
    for (const [ask, address, yes] of [['地址改一下', '北京市朝阳区建国路88号', '好的'], ['我要改地址', '改成北京市朝阳区建国路88号', '是'], ['change my address please', '12 baker street, london', 'yes']] as const) {
      const say = conversation(robotWith({ orders: [nuts] }));
      const first = textOf(await say(ask));
      const r = await say(address);
      assert.equal(r.intent, 'change_address', address);
      assert.notEqual(textOf(r), first, address);
      assert.match(textOf(r), /人工|human agent/, address);
      assert.ok((await say(yes)).handover, `${address} → ${yes}`);
    }
    // Asking whether the shop delivers somewhere is not a change of address.
    assert.notEqual((await conversation(robotWith({}))('寄到新疆乌鲁木齐市天山区可以吗')).intent, 'change_address');
  });
});

// Found from outside (sixteenth session, a baby-goods shop): agreeing to our offer of a person in
// more words than "好的" was lost, and goods the lexicon does not know ("奶瓶", "磨牙棒") were not
// understood as naming the buyer's order.
describe('a yes in more words, goods by their title alone (sixteenth session)', () => {
  const NOW_B = new Date('2026-12-04T09:03:00+08:00');
  const diapers = order({ orderId: 'XB-DIAPER-1', status: 'paid', items: [{ sku: 'NB', title: '好奇金装纸尿裤L码', quantity: 2, price: '99.00' }], totalAmount: '198.00', createdAt: '2026-11-29T10:12:00+08:00' });
  const bottle = order({ orderId: 'XB-BOTTLE-2', status: 'shipped', items: [{ sku: 'PP', title: '贝亲宽口径PPSU奶瓶240ml', quantity: 1, price: '89.00' }], totalAmount: '89.00', createdAt: '2026-11-26T21:40:00+08:00' });
  const teether = order({ orderId: 'XB-TEETH-3', status: 'shipped', items: [{ sku: 'TT', title: '宝宝磨牙棒 原味', quantity: 2, price: '14.95' }], totalAmount: '29.90', createdAt: '2026-12-02T11:00:00+08:00' });
  const wipes = order({ orderId: 'XB-WIPE-4', status: 'delivered', items: [{ sku: 'WP', title: '婴儿湿巾80抽', quantity: 1, price: '59.90' }], totalAmount: '59.90', createdAt: '2026-11-28T09:00:00+08:00' });
  const stuck = logistics({ orderId: 'XB-BOTTLE-2', events: [{ time: '2026-11-28T06:30:00+08:00', location: '广州', description: '快件已从广州转运中心发出' }], updatedAt: '2026-11-28T06:30:00+08:00' });
  const moving = logistics({ orderId: 'XB-TEETH-3', carrier: '圆通速递', events: [{ time: '2026-12-03T22:00:00+08:00', location: '成都', description: '快件已到达成都转运中心' }], updatedAt: '2026-12-03T22:00:00+08:00' });
  const refund = aftersale({ aftersaleId: 'AS-W', orderId: 'XB-WIPE-4', type: 'refund', status: 'requested', amount: '11.98', updatedAt: '2026-12-02T10:00:00+08:00' });
  const data = { orders: [diapers, bottle, teether, wipes], logistics: [stuck, moving], aftersales: [refund] };
  const chat = (d: FakeData = data) => {
    const robot = createRobot({ dataSource: fakeDataSource(d), faq, clock: () => NOW_B });
    let state: unknown;
    return async (text: string) => {
      const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-b', text, state });
      state = r.state;
      return r;
    };
  };

  test('"嗯嗯 好的", "可以 帮我催下", "都一个礼拜了 能不能催一下", "是的 我要补发" accept the person offered; "好的我知道了", "不用了 我再等等" do not', async () => {
    for (const [text, person] of [['嗯嗯 好的', true], ['可以 帮我催下', true], ['都一个礼拜了 能不能催一下', true], ['是的 我要补发', true], ['对对对', true], ['好的我知道了', false], ['不用了 我再等等', false]] as const) {
      const say = chat({ orders: [bottle], logistics: [stuck] });
      const first = await say('物流好几天没动了');
      assert.match(textOf(first), /6 天没有更新/, text);
      assert.equal(Boolean((await say(text)).handover), person, text);
    }
  });

  test('"kd到哪了" after an order not shipped yet is the parcel on its way; "它到哪了" stays on that order', async () => {
    const say = chat();
    assert.match(textOf(await say('我的纸尿裤怎么还没发货啊')), /XB-DIAPER-1/);
    assert.match(textOf(await say('kd到哪了')), /XB-TEETH-3|XB-BOTTLE-2/);
    const again = chat();
    await again('我的纸尿裤怎么还没发货啊');
    assert.match(textOf(await again('它到哪了')), /XB-DIAPER-1/);
  });

  test('goods named alone pick the order whose title names them: in our list, after an answer, and after a refund', async () => {
    const say = chat();
    assert.match(textOf(await say('我的快递到哪了')), /XB-TEETH-3[\s\S]*XB-BOTTLE-2|XB-BOTTLE-2[\s\S]*XB-TEETH-3/);
    assert.match(textOf(await say('磨牙棒')), /您的订单 XB-TEETH-3/);
    assert.match(textOf(await say('那奶瓶呢')), /您的订单 XB-BOTTLE-2/);
    const after = chat();
    await after('tk进度咋样了');
    assert.match(textOf(await after('奶瓶的呢')), /订单 XB-BOTTLE-2 没有售后申请/);
    // Words that name no order stay not understood, never another order's answer.
    const none = chat();
    await none('我的纸尿裤怎么还没发货啊');
    const r = await none('蓝莓那个');
    // Since the twenty-first session 蓝莓 is a kind of goods the lexicon knows: naming goods no order has asks which order, as "鞋子到哪了" does; still no other order's answer.
    assert.doesNotMatch(textOf(r), /您的订单 XB-(?:BOTTLE|TEETH|WIPE)/);
  });
});

// Found from outside (sixteenth session, an English electronics shop): an order's second request
// could never be seen, a cancellation already asked for was offered again, and a question asked
// beside our "shall I get a person?" was lost.
describe('requests of one order, a cancellation asked before (sixteenth session)', () => {
  const dock = order({ orderId: 'TG5002', status: 'delivered', items: [{ sku: 'D', title: 'USB-C Dock', quantity: 1, price: '89.00' }, { sku: 'P', title: 'Power bank', quantity: 1, price: '39.00' }], totalAmount: '128.00', currency: 'USD' });
  const keyboard = order({ orderId: 'TG4001', status: 'paid', items: [{ sku: 'K', title: 'Mechanical keyboard', quantity: 1, price: '119.00' }], totalAmount: '119.00', currency: 'USD', createdAt: '2024-11-22T08:00:00+08:00', updatedAt: '2024-11-22T08:00:00+08:00' });
  const cable = aftersale({ aftersaleId: 'AS5002', orderId: 'TG5002', type: 'refund', status: 'closed', amount: '14.50', reason: 'Missing cable: found in the box', updatedAt: '2024-11-24T10:00:00+08:00' });
  const bank = aftersale({ aftersaleId: 'AS5003', orderId: 'TG5002', type: 'refund', status: 'approved', amount: '39.00', updatedAt: '2024-11-26T10:00:00+08:00' });
  const cancelled = aftersale({ aftersaleId: 'AS4001', orderId: 'TG4001', type: 'refund', status: 'requested', amount: '119.00', updatedAt: '2024-11-27T09:00:00+08:00' });
  const data = { orders: [dock, keyboard], aftersales: [cable, bank, cancelled] };

  test('an order with two requests: both told when none is named; the one named by reason, state or id alone', async () => {
    const both = textOf(await conversation(robotWith({ orders: [dock], aftersales: [cable, bank] }))('where is my refund'));
    assert.match(both, /\$39\.00[\s\S]*\$14\.50/);
    const say = conversation(robotWith(data));
    const byReason = textOf(await say('what about the refund for the missing cable'));
    assert.match(byReason, /closed/);
    assert.doesNotMatch(byReason, /\$39\.00/);
    assert.match(byReason, /Reason given: Missing cable: found in the box\./);
    assert.match(textOf(await say('why is it closed')), /\$14\.50/);
    const byId = await conversation(robotWith(data))('AS5003');
    assert.match(textOf(byId), /TG5002[\s\S]*39\.00/);
    assert.doesNotMatch(textOf(byId), /找到订单号|can't find an order/);
  });

  test('cancelling an order whose refund is already asked for tells where it stands', async () => {
    const r = await conversation(robotWith(data))('i asked to cancel my keyboard order, is it cancelled?');
    assert.match(textOf(r), /already asked for a refund on order TG4001[\s\S]*waiting for review/);
    assert.doesNotMatch(textOf(r), /you can cancel it on the order page/);
    assert.match(textOf(await conversation(robotWith(data))('键盘那单取消吧')), /已经申请过退款/);
    // With no request, the usual answer.
    assert.match(textOf(await conversation(robotWith({ orders: [keyboard] }))('cancel my keyboard order')), /cancel it on the order page/);
  });

  test('a question of the buyer\'s own data beside our "shall I get a person?" is answered', async () => {
    for (const text of ['ok. also did my refund go through', 'no thanks. was my keyboard refund approved?', 'sure but first, was my keyboard refund approved?']) {
      const say = conversation(robotWith({ orders: [keyboard], aftersales: [cancelled] }));
      const first = await say('has my keyboard shipped');
      assert.equal((first.state as { offeredHuman?: boolean }).offeredHuman, true, text);
      const r = await say(text);
      assert.equal(r.handover, undefined, text);
      assert.match(textOf(r), /refund request \(order TG4001\)/, text);
    }
  });
});

describe('small talk, who answers, goods coming today (sixteenth session)', () => {
  test('"is my monitor coming today", with "yo"/"hey" before it, asks after the parcel, not a greeting', async () => {
    const monitor = order({ orderId: 'TG-MON-1', items: [{ sku: 'M', title: '27 inch 4K Monitor', quantity: 1, price: '329.00' }], totalAmount: '329.00', currency: 'USD' });
    for (const text of ['is my monitor coming today', 'yo is my monitor coming today', 'hey is my monitor coming today']) {
      const r = await conversation(robotWith({ orders: [monitor], logistics: [logistics({ orderId: 'TG-MON-1' })] }))(text);
      assert.equal(r.intent, 'delivery_estimate', text);
      assert.match(textOf(r), /TG-MON-1/, text);
    }
  });

  test('asked whether a bot or a person answers: told honestly, not handed over; asked for a person, handed over', async () => {
    for (const text of ['你是机器人还是真人', 'are you a bot or a real person']) {
      const r = await conversation(robotWith({}))(text);
      assert.equal(r.handover, undefined, text);
      assert.match(textOf(r), /智能客服机器人|automated assistant/, text);
    }
    assert.ok((await conversation(robotWith({}))('我要转人工')).handover);
  });

  test('the weather somewhere is small talk, not an FAQ entry that shares a word with it', async () => {
    const say = shopChat('shop_wx', [{ id: 'intl', question: 'Do you ship internationally?', answer: 'Yes, to Canada, the UK, the EU and Australia (Sydney too).' }]);
    assert.match(textOf(await say('whats the weather in sydney lol')), /not my strong suit/);
    assert.match(textOf(await say('附近有什么好吃的')), /不太在行/);
    assert.match(textOf(await say('do you ship to sydney')), /Canada, the UK/);
  });
});

describe('the price of what was just answered, a refund under review, a return waybill (sixteenth session)', () => {
  test('"how much is it" after an FAQ answer gets its sentence with the price; an answer with no price is no answer to it', async () => {
    const say = shopChat('shop_gw', [{ id: 'gift', question: 'Do you offer gift wrapping?', answer: 'Yes, we wrap any item in recycled paper. Gift wrapping is $4.99 per item. Prices are never printed on the packing slip.' }, { id: 'pm', question: 'Do you price match?', answer: 'We match Best Buy within 14 days.' }]);
    await say('do you offer gift wrapping');
    assert.equal(textOf(await say('how much is it')), 'Gift wrapping is $4.99 per item.');
    const zh = shopChat('shop_gw2', [{ id: 'wrap', question: '可以礼品包装吗？', answer: '可以的，礼品包装每件加收 10 元。' }, { id: 'inv', question: '能开发票吗？', answer: '可以开电子发票。' }]);
    await zh('可以礼品包装吗');
    assert.match(textOf(await zh('多少钱')), /10 元/);
    await zh('能开发票吗');
    assert.doesNotMatch(textOf(await zh('多少钱')), /^可以开电子发票。$/);
  });

  test('a refund under review says when the money follows; a return under review says the goods go back first', async () => {
    const o = order({ orderId: 'SO-RV-1' });
    const refund = textOf(await conversation(robotWith({ orders: [o], aftersales: [aftersale({ aftersaleId: 'A1', orderId: 'SO-RV-1', status: 'requested' })] }))('退款进度'));
    // Since the twenty-second session no review time of the robot's own ("1-2 个工作日" was said for shops that review the same day).
    assert.match(refund, /审核通过后，款项原路退回/);
    const ret = textOf(await conversation(robotWith({ orders: [o], aftersales: [aftersale({ aftersaleId: 'A2', orderId: 'SO-RV-1', type: 'return', status: 'requested' })] }))('退货进度'));
    assert.match(ret, /寄回商品/);
  });

  test('a waybill typed with the goods sent back is the return\'s, not an unknown order number', async () => {
    const shoe = order({ orderId: 'XB-SHOE-2', status: 'delivered', items: [{ sku: 'S', title: '学步鞋 13码', quantity: 1, price: '79.00' }], totalAmount: '79.00' });
    const back = aftersale({ aftersaleId: 'AS-S', orderId: 'XB-SHOE-2', type: 'exchange', status: 'approved' });
    // "我寄的是顺丰 …" of the goods returned (a Beijing shop, thirty-sixth session: "order SF… has no request").
    for (const text of ['顺丰寄回的 单号SF1688990011', 'i shipped it back, tracking SF1688990011', '你好 退货的学步鞋 我寄的是顺丰 SF1688990011 你们仓库签收了吗', '算了 直接帮我查下退货到仓库没有 SF1688990011', '顺丰单号SF1688990011 你们收到没']) {
      const r = await conversation(robotWith({ orders: [shoe], aftersales: [back] }))(text);
      assert.match(textOf(r), /SF1688990011[\s\S]*XB-SHOE-2/, text);
      assert.doesNotMatch(textOf(r), /没有找到|can't find|没有售后申请/, text);
      // Never "收到" first: it read as "yes, received" to a buyer asking whether it arrived (a Shenzhen shop, forty-third session).
      assert.doesNotMatch(textOf(r), /^收到/, text);
    }
    // No return waiting: still an unknown number.
    assert.match(textOf(await conversation(robotWith({ orders: [shoe] }))('顺丰寄回的 单号SF1688990011')), /没有找到/);
  });
});

test('after a returns answer, goods the lexicon does not know ("the dock") are tried against the orders\' titles (sixteenth session)', async () => {
  const dock = order({ orderId: 'TG-DOCK-2', status: 'delivered', items: [{ sku: 'D', title: 'USB-C Dock', quantity: 1, price: '89.00' }], totalAmount: '89.00', currency: 'USD' });
  const stand = order({ orderId: 'TG-STAND-3', status: 'delivered', items: [{ sku: 'S', title: 'Laptop stand', quantity: 1, price: '49.00' }], totalAmount: '49.00', currency: 'USD' });
  const say = conversation(robotWith({ orders: [dock, stand] }));
  await say('i want to return something');
  const r = await say('the dock');
  assert.equal(r.handover, undefined);
  assert.match(textOf(r), /TG-DOCK-2/);
  assert.doesNotMatch(textOf(r), /TG-STAND-3/);
});

test('the shops\' time zone: a robot told UTC−8 shows a parcel\'s time and reads "yesterday" there (sixteenth session)', async () => {
  const robot = createRobot({ dataSource: fakeDataSource({ orders: [tshirt], logistics: [tshirtTrack] }), faq, clock: () => NOW, tzOffsetMinutes: -480 });
  const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-tz', text: 'where is my parcel' });
  // 2024-11-27T08:10+08:00 is Nov 26, 16:10 in UTC−8.
  assert.match(textOf(r), /Nov 26, 16:10/);
});

test('a second question after an answer that offers a person is answered before the offer (sixteenth session)', async () => {
  const late = order({ orderId: 'TG-KB-1', status: 'paid', items: [{ sku: 'K', title: 'Mechanical keyboard', quantity: 1, price: '119.00' }], totalAmount: '119.00', currency: 'USD', createdAt: '2024-11-20T10:00:00+08:00', updatedAt: '2024-11-20T10:00:00+08:00' });
  const robot = createRobot({ dataSource: fakeDataSource({ orders: [late] }), faq: (() => { const p = new FaqIndexProvider(); p.setEntries(SHOP, [{ id: 'intl', question: 'Do you ship to Canada?', answer: 'Yes, we ship to Canada in 7-14 business days.' }]); return p; })(), clock: () => NOW });
  const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: 'is my keyboard shipped yet and do you ship to canada' });
  const texts = r.replies.map((x) => x.text);
  assert.match(texts[0]!, /TG-KB-1/);
  assert.ok(texts.some((x) => /ship to Canada in 7-14/.test(x)), texts.join(' | '));
  assert.match(texts.at(-1)!, /Shall I get a human agent/);
  assert.ok((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-2q', text: 'yes', state: r.state })).handover);
});

// Found from outside: "TG1002", "??", a 👋 opening a conversation were answered in Chinese to a buyer whose device and earlier chats were English.
test('a first message that tells no language is answered in the device\'s (langHint); one that tells is answered in its own (sixteenth session)', async () => {
  const robot = robotWith({ orders: [earbuds], logistics: [earbudsTrack] });
  for (const text of [EARBUDS, '??', '👋']) {
    const r = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: `c-h-${text}`, text, langHint: 'en' });
    assert.equal(r.lang, 'en', text);
    assert.doesNotMatch(textOf(r), /您|抱歉|你好/, text);
  }
  assert.equal((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-h-zh', text: '我的快递到哪了', langHint: 'en' })).lang, 'zh');
  assert.equal((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-h-none', text: '??' })).lang, 'zh');
});

// The sixteenth session's review: each case broke with the session's first fixes.
describe('the sixteenth session\'s review', () => {
  test('acknowledgements after an answer or a list are a goodbye, never goods named or a hand-over', async () => {
    for (const [ask, ...acks] of [['where is my parcel', 'ok', 'thanks', 'cool', 'got it'], ['我的快递到哪了', '明白了', '拜拜', '辛苦了']]) {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
      await say(ask!);
      for (const ack of acks) {
        const r = await say(ack);
        assert.equal(r.handover, undefined, ack);
        assert.doesNotMatch(textOf(r), /didn't quite get|没太理解/, ack);
      }
    }
    const list = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }));
    await list('where is my parcel');
    for (const ack of ['thanks', 'never mind']) assert.equal((await list(ack)).handover, undefined, ack);
  });

  test('declining the person offered, or asking about it, is no yes', async () => {
    const stuck = logistics({ orderId: EARBUDS, status: 'exception', events: [{ time: '2024-11-26T10:00:00+08:00', location: '杭州', description: '地址不详，无法派送' }] });
    for (const text of ['没事 我不着急', '不催了 我再等等', '好的 我明天再来问', '好的 先这样吧', 'ok let me think about it', 'okay no worries', '补发要多久']) {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [stuck] }));
      const first = await say('快递到哪了');
      assert.equal((first.state as { offeredHuman?: boolean }).offeredHuman, true, text);
      assert.equal((await say(text)).handover, undefined, text);
    }
  });

  test('the order named wins over a reason that shares a word; a return under review too long is late', async () => {
    const a = aftersale({ aftersaleId: 'R-E', orderId: EARBUDS, reason: '收到商品破损', status: 'requested' });
    const b = aftersale({ aftersaleId: 'R-T', orderId: TSHIRT, reason: '不想要了', status: 'requested' });
    for (const text of [`${TSHIRT} 的退款什么时候能收到`, 'T恤的退款什么时候能收到']) assert.match(textOf(await conversation(robotWith({ orders: [earbuds, tshirt], aftersales: [a, b] }))(text)), new RegExp(`订单 ${TSHIRT}`), text);
    const old = aftersale({ aftersaleId: 'R-O', orderId: EARBUDS, type: 'return', status: 'requested', updatedAt: '2024-11-16T10:00:00+08:00' });
    const r = await conversation(robotWith({ orders: [earbuds], aftersales: [old] }))('退货进度');
    assert.match(textOf(r), /没有进展/);
    assert.equal((r.state as { offeredHuman?: boolean }).offeredHuman, true);
  });

  test('a delivered order under discussion stays the tracking question\'s; an id typed does not wait on after-sales', async () => {
    const delivered = order({ orderId: EARBUDS, status: 'delivered' });
    const say = conversation(robotWith({ orders: [delivered, tshirt], logistics: [logistics({ orderId: EARBUDS, status: 'delivered' }), tshirtTrack] }));
    await say('耳机那个订单状态');
    assert.match(textOf(await say('物流信息呢')), new RegExp(EARBUDS));
    const slow = createRobot({ dataSource: fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }, { listAftersales: { delayMs: 3000 } }), faq, clock: () => NOW, budgetMs: 2000 });
    const t0 = performance.now();
    const r = await slow.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-slow', text: `${EARBUDS} 到哪了` });
    assert.ok(performance.now() - t0 < 1000, 'answered without waiting the after-sales budget');
    assert.deepEqual(r.unavailable, []);
  });

  test('"四件套" is a title, not four items; a price follow-up is about the entry only', async () => {
    const bedding = order({ orderId: 'SO-BED-1', items: [{ sku: 'B', title: '纯棉床上四件套', quantity: 1, price: '299.00' }], totalAmount: '299.00' });
    const socks = order({ orderId: 'SO-SOCK-2', items: [{ sku: 'S', title: '男士棉袜', quantity: 4, price: '9.90' }], totalAmount: '39.60' });
    assert.match(textOf(await conversation(robotWith({ orders: [bedding, socks], logistics: [logistics({ orderId: 'SO-BED-1' }), logistics({ orderId: 'SO-SOCK-2' })] }))('四件套到哪了')), /SO-BED-1/);
    const say = shopChat('shop_rv', [{ id: 'gift', question: 'Do you offer gift wrapping?', answer: 'Yes, gift wrapping is $4.99 per item.' }]);
    await say('do you offer gift wrapping');
    for (const text of ['how much are the earbuds?', 'how do I charge it']) assert.doesNotMatch(textOf(await say(text)), /\$4\.99/, text);
  });

  test('a bot question that also asks for a person hands over; other questions after a refund are their own', async () => {
    for (const text of ['are you a bot? i want a real person', '是机器人吗？人工！']) assert.ok((await conversation(robotWith({}))(text)).handover, text);
    const refund = aftersale({ aftersaleId: 'R-1', orderId: EARBUDS, status: 'approved' });
    for (const text of ['能通过微信付款吗', 'are you closed on weekends?', 'can I leave a review?']) {
      const say = conversation(robotWith({ orders: [earbuds], aftersales: [refund] }));
      await say('退款到哪了');
      assert.notEqual((await say(text)).intent, 'aftersale_progress', text);
    }
  });

  test('a courier question naming places is no new address; "附近" of the shop is no small talk; a partial refund leaves the order to cancel', async () => {
    const paid = order({ orderId: 'SO-P-1', status: 'paid' });
    assert.notEqual((await conversation(robotWith({ orders: [paid] }))('能换成顺丰吗？我们这里是县城，别的快递到不了乡镇')).intent, 'change_address');
    assert.doesNotMatch(textOf(await conversation(robotWith({}))('附近有什么门店可以试穿吗')), /不太在行/);
    const part = aftersale({ aftersaleId: 'R-P', orderId: 'SO-P-1', status: 'refunded', amount: '20.00' });
    assert.match(textOf(await conversation(robotWith({ orders: [paid], aftersales: [part] }))('我要取消订单')), /还未发货，可以在订单详情页点“申请退款”取消/);
  });
});

describe('a household-appliances shop (seventeenth session)', () => {
  const pot = order({ orderId: 'HA-POT-1', status: 'delivered', createdAt: '2024-11-20T09:00:00+08:00', items: [{ sku: 'MF', title: '摩飞多功能料理锅 MR1088', quantity: 1, price: '399.00' }], totalAmount: '399.00' });
  const filters = order({ orderId: 'HA-BR-2', status: 'shipped', createdAt: '2024-11-22T09:00:00+08:00', items: [{ sku: 'BR', title: 'Brita 滤水壶滤芯 4只装', quantity: 2, price: '129.00' }], totalAmount: '258.00' });
  const fan = order({ orderId: 'HA-FAN-3', status: 'paid', createdAt: '2024-11-25T09:00:00+08:00', items: [{ sku: 'DY', title: '戴森无叶风扇', quantity: 1, price: '2999.00' }, { sku: 'DF', title: '戴森滤网', quantity: 1, price: '199.00' }], totalAmount: '3198.00' });
  const kettle = order({ orderId: 'HA-KT-4', status: 'delivered', createdAt: '2024-11-18T09:00:00+08:00', items: [{ sku: 'MD', title: '美的电热水壶', quantity: 1, price: '99.00' }], totalAmount: '99.00' });
  const rice = order({ orderId: 'HA-RC-5', status: 'shipped', createdAt: '2024-11-26T09:00:00+08:00', items: [{ sku: 'SP', title: '苏泊尔电饭锅 4L', quantity: 1, price: '299.00' }], totalAmount: '299.00' });
  const potReturn = aftersale({ aftersaleId: 'AS-R-1', orderId: 'HA-POT-1', type: 'return', status: 'returning', amount: '399.00' });
  const kettleRefund = aftersale({ aftersaleId: 'AS-F-2', orderId: 'HA-KT-4', type: 'refund', status: 'requested', amount: '20.00' });
  const kettleSwap = aftersale({ aftersaleId: 'AS-X-3', orderId: 'HA-KT-4', type: 'exchange', status: 'approved' });
  const shop = () => robotWith({ orders: [pot, filters, fan, kettle, rice], logistics: [logistics({ orderId: 'HA-BR-2' }), logistics({ orderId: 'HA-RC-5' })], aftersales: [potReturn, kettleRefund, kettleSwap] });

  test('small talk and "are you a bot?" while "which order?" waits are answered, and the list still takes "第一个"', async () => {
    const say = conversation(shop());
    assert.match(textOf(await say('锅到哪了')), /HA-RC-5[\s\S]*HA-BR-2/);
    for (const text of ['今天天气好热啊😂', 'r u a real person?']) {
      const r = await say(text);
      assert.equal(r.handover, undefined, text);
      assert.doesNotMatch(textOf(r), /哪一个|Which of these|没太理解/, text);
    }
    assert.match(textOf(await say('第一个')), /HA-RC-5/);
    // Not small talk: a remark with a question about the goods, or "好了".
    assert.equal(isSmallTalk('天气这么热 巧克力会化吗'), false);
    assert.equal(isSmallTalk('好了'), false);
    assert.equal(isSmallTalk('so hot today lol'), true);
  });

  test('an order named by its brand though our list held others; a pack size; "等2件" as our list counts', async () => {
    let say = conversation(shop());
    await say('锅到哪了');
    assert.match(textOf(await say('摩飞的')), /HA-POT-1/);
    for (const [pick, id] of [['the 4-pack one', 'HA-BR-2'], ['4只装的', 'HA-BR-2'], ['等2件那个', 'HA-FAN-3']] as const) {
      say = conversation(shop());
      await say(/^[a-z]/.test(pick) ? 'order status' : '订单状态');
      assert.match(textOf(await say(pick)), new RegExp(id), pick);
    }
  });

  test('a return waybill typed as an after-sales question is the return\'s', async () => {
    for (const text of ['我退货寄回去了 单号SF9988776655', 'i sent it back, tracking SF9988776655']) {
      const r = await conversation(shop())(text);
      assert.match(textOf(r), /SF9988776655[\s\S]*HA-POT-1/, text);
      assert.doesNotMatch(textOf(r), /没有售后|no return or refund/, text);
    }
  });

  test('when and where the money goes: the refund after a return is no delivery, and the route is told', async () => {
    const say = conversation(shop());
    await say('摩飞锅的退货怎么样了');
    const r = await say('那退款大概啥时候到');
    assert.equal(r.intent, 'aftersale_progress');
    assert.match(textOf(r), /原路退回/);
    // No payment channel named: 微信 and 支付宝 mean nothing to a Taiwanese card payer (twenty-fifth session).
    const route = textOf(await say('是退到微信还是银行卡'));
    assert.match(route, /原路退回您付款的账户/);
    assert.doesNotMatch(route, /支付宝/);
    const en = conversation(shop());
    await en('my return for the pot?');
    assert.match(textOf(await en('so when do i get my refund')), /goes back the way you paid/);
  });

  test('withdrawing a request: the one just told, the one named, or how; never a new request or a cancelled order', async () => {
    let say = conversation(shop());
    await say('水壶的退款怎么样了');
    let r = await say('cancel it');
    assert.equal(r.intent, 'aftersale_progress');
    assert.match(textOf(r), /refund request \(order HA-KT-4\)[\s\S]*Withdraw request/);
    assert.ok((await say('yes')).handover, 'the person offered is taken');
    r = await conversation(shop())('摩飞的退货不退了');
    assert.match(textOf(r), /HA-POT-1[\s\S]*寄回途中/);
    assert.match(textOf(await conversation(shop())('怎么撤销退款申请')), /撤销申请/);
    r = await conversation(robotWith({ orders: [kettle], aftersales: [aftersale({ aftersaleId: 'AS-D', orderId: 'HA-KT-4', status: 'refunded' })] }))('撤销退款申请');
    assert.match(textOf(r), /不需要再撤销/);
    say = conversation(shop());
    await say('水壶的退款怎么样了');
    assert.match(textOf(await say('那另一个申请呢')), /换货申请（订单 HA-KT-4）/);
  });

  test('"收到 谢谢" closes; "免费吗" and "is it free tho" are answered from the entry just given', async () => {
    const say = conversation(shop());
    await say('摩飞锅的退货怎么样了');
    const r = await say('收到 谢谢');
    assert.equal(r.intent, 'bye');
    const own = shopChat('shop_fee', [{ id: 'ret', question: 'Who pays for return shipping?', answer: 'We pay return shipping for defective items; for no-reason returns the buyer pays.', alternates: ['退货运费谁出'] }]);
    await own('who pays for return shipping');
    assert.match(textOf(await own('is it free tho')), /We pay return shipping/);
  });

  test('venting at the queue is no retraction; "你们太慢了" is a complaint', () => {
    assert.equal(withdrawsHandover('算了 你们太慢了'), undefined);
    assert.equal(withdrawsHandover('forget it, you guys are so slow'), undefined);
    assert.equal(withdrawsHandover('算了不用了，我的快递到哪了'), '我的快递到哪了');
    const nlu = createNlu();
    for (const text of ['你们太慢了', 'you guys are too slow']) assert.equal(nlu.understand(text, NOW).intent, 'complaint', text);
    assert.equal(nlu.understand('快递太慢了', NOW).intent, 'track_parcel');
  });
});

describe('left from the sixteenth session', () => {
  test('goods no lexicon knows, named by two orders\' titles, ask which of them', async () => {
    const a = order({ orderId: 'SO-MY-1', items: [{ sku: 'M1', title: '宠物磨牙棒 牛肉味', quantity: 1, price: '29.00' }], createdAt: '2024-11-24T09:00:00+08:00' });
    const b = order({ orderId: 'SO-MY-2', items: [{ sku: 'M2', title: '磨牙棒 鸡肉味', quantity: 1, price: '25.00' }], createdAt: '2024-11-25T09:00:00+08:00' });
    const c = order({ orderId: 'SO-OT-3', items: [{ sku: 'O', title: '猫砂', quantity: 1, price: '39.00' }], createdAt: '2024-11-26T09:00:00+08:00' });
    const say = conversation(robotWith({ orders: [a, b, c], logistics: [logistics({ orderId: 'SO-MY-1' }), logistics({ orderId: 'SO-MY-2' }), logistics({ orderId: 'SO-OT-3' })] }));
    await say('SO-OT-3到哪了');
    const r = await say('磨牙棒那个呢');
    const text = textOf(r);
    assert.match(text, /SO-MY-2[\s\S]*SO-MY-1/);
    assert.doesNotMatch(text, /SO-OT-3|没太理解/);
  });

  test('requests of one order listed together still offer a person for a late one', async () => {
    const kettle = order({ orderId: 'SO-KT-1', status: 'delivered' });
    const late = aftersale({ aftersaleId: 'AS-L', orderId: 'SO-KT-1', status: 'requested', updatedAt: '2024-11-20T12:00:00+08:00' });
    const swap = aftersale({ aftersaleId: 'AS-S', orderId: 'SO-KT-1', type: 'exchange', status: 'approved' });
    const say = conversation(robotWith({ orders: [kettle], aftersales: [late, swap] }));
    const r = await say('售后进度');
    assert.equal(r.replies.length, 2);
    assert.match(textOf(r), /没有进展/);
    assert.ok((await say('好的')).handover, 'the offer is taken');
  });
});

describe('several offered FAQ questions picked at once', () => {
  test('"both pls", "1 and 2", "两个都说说" answer each picked entry in turn', async () => {
    const entries: FaqEntry[] = [
      { id: 'ship', question: 'How much is shipping?', answer: 'Shipping is 8 CNY, free over 99 CNY.', alternates: ['运费多少'] },
      { id: 'ret', question: 'Who pays for return shipping?', answer: 'We pay it for defective items.', alternates: ['退货运费谁出'] },
    ];
    for (const [pick, want] of [['both pls', 2], ['1 and 2', 2], ['两个都说说', 2]] as const) {
      const own = new FaqIndexProvider();
      own.setEntries('shop_two', entries);
      const state = { v: 1, failures: 0, faqOptions: entries.map((e) => e.question) };
      const r = await createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }).answer({ shopId: 'shop_two', userId: 'u', conversationId: 'c', text: pick, state });
      assert.equal(r.replies.length, want, pick);
      assert.match(textOf(r), /8 CNY[\s\S]*defective/, pick);
    }
  });
});

describe('the shop\'s own shipping time, not the built-in promise', () => {
  const paidAt = (hoursAgo: number, id = 'SO-PD-1') => order({ orderId: id, status: 'paid', updatedAt: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString(), createdAt: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString() });
  const robotFor = (entries: FaqEntry[], o: Order) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: own, clock: () => NOW }));
  };
  const slow: FaqEntry = { id: 'ship', question: '付款后多久发货？', answer: '本店商品均为现做，付款后 72 小时内发货。', alternates: ['How soon do you ship after I pay?'] };
  const slowEn: FaqEntry = { id: 'ship-en', question: 'How soon do you ship after I pay?', answer: 'Everything is made to order and ships within 3-5 business days.' };

  test('an unshipped order is told the shop\'s entry, and is late only past the time it names', async () => {
    let r = await robotFor([slow], paidAt(50))('我的快递到哪了');
    assert.match(textOf(r), /72 小时内发货/);
    assert.doesNotMatch(textOf(r), /48 小时|比平常慢/);
    r = await robotFor([slow], paidAt(80))('什么时候能到');
    assert.match(textOf(r), /还未发货。本店商品均为现做[\s\S]*比平常慢/);
    r = await robotFor([slowEn], paidAt(100))('when will my order arrive');
    assert.match(textOf(r), /3-5 business days/);
    assert.doesNotMatch(textOf(r), /later than usual/, 'five business days and a weekend have not passed');
  });

  test('the shop\'s own way to cancel an order or change its address replaces the robot\'s', async () => {
    const cancel: FaqEntry = { id: 'cx', question: '怎么取消订单？', answer: '未发货订单请联系客服取消，我们会在 24 小时内处理退款。' };
    const address: FaqEntry = { id: 'ad', question: '怎么修改收货地址？', answer: '地址只能由客服修改，请把新地址发给我们。' };
    let text = textOf(await robotFor([cancel, address], paidAt(5))('我要取消订单'));
    assert.match(text, /还未发货。未发货订单请联系客服取消/);
    assert.doesNotMatch(text, /订单详情页点“申请退款”/);
    text = textOf(await robotFor([cancel, address], paidAt(5))('我要改地址'));
    assert.match(text, /还未发货。地址只能由客服修改[\s\S]*当前收货人/);
    assert.doesNotMatch(text, /订单详情页修改收货地址/);
    assert.match(textOf(await robotFor([slow], paidAt(5))('我要取消订单')), /订单详情页点“申请退款”/);
  });

  // One in another language is the shop's word, not the built-in promise beside it (thirty-seventh session: a Guangzhou
  // shop's English buyer was promised 48 hours against its own Monday).
  test('no entry on it: the built-in promise; one in another language: the shop\'s note', async () => {
    const other: FaqEntry = { id: 'inv', question: '能开发票吗？', answer: '可以开电子发票。' };
    assert.match(textOf(await robotFor([other], paidAt(10))('我的快递到哪了')), /48 小时内发出/);
    const en = textOf(await robotFor([slowEn], paidAt(10))('我的快递到哪了'));
    assert.match(en, /店铺对此的说明是英文的：.*3-5 business days/);
    assert.doesNotMatch(en, /48 小时/);
    assert.match(textOf(await robotFor([other], paidAt(50))('我的快递到哪了')), /比平常慢/);
  });
});

describe('the seventeenth session\'s review', () => {
  const P = order({ orderId: 'P-1', status: 'paid' });
  const ref = aftersale({ aftersaleId: 'R-1', orderId: 'P-1', status: 'requested', amount: '199.00' });

  test('"cancel" means withdrawing a request only right after that request was told on its own', async () => {
    let say = conversation(robotWith({ orders: [P], aftersales: [ref] }));
    await say('我要取消订单');
    assert.doesNotMatch(textOf(await say('那就取消吧')), /撤销申请/);
    say = conversation(robotWith({ orders: [P], aftersales: [ref] }));
    await say('退款进度');
    await say('好的');
    assert.doesNotMatch(textOf(await say('取消吧')), /撤销申请/);
  });

  test('"don\'t want a refund" followed by what the buyer wants is no withdrawal; money words keep the review time', async () => {
    const sh = order({ orderId: 'S-1', status: 'shipped' });
    const req = aftersale({ aftersaleId: 'R-2', orderId: 'S-1', status: 'requested' });
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [sh], logistics: [logistics({ orderId: 'S-1' })], aftersales: [req] }))('i dont want a refund i want my parcel where is it')), /撤销|Withdraw/);
    // Since the twenty-first session another colour instead of the refund is how to turn it into an exchange, not a bare withdrawal.
    const instead = textOf(await conversation(robotWith({ orders: [sh], logistics: [logistics({ orderId: 'S-1' })], aftersales: [req] }))('不想退了，能换个颜色吗'));
    assert.match(instead, /换货/);
    assert.doesNotMatch(instead, /没法直接撤销/);
    for (const text of ['where is my refund', '我的退款什么时候审核']) assert.match(textOf(await conversation(robotWith({ orders: [sh], aftersales: [req] }))(text)), /审核通过后|Once the shop approves/, text);
  });

  test('"我都想哭了" is no pick of every order; a pick beside "你是机器人吗" stands; "one other request" is no other order', async () => {
    const a = order({ orderId: 'A-1' });
    const b = order({ orderId: 'B-2', items: [{ sku: 'T', title: '纯棉T恤', quantity: 1, price: '59.00' }], createdAt: '2024-11-26T10:00:00+08:00' });
    const data = { orders: [a, b], logistics: [logistics({ orderId: 'A-1' }), logistics({ orderId: 'B-2' })] };
    let say = conversation(robotWith(data));
    await say('我的快递到哪了');
    assert.equal((await say('我都想哭了')).replies.length, 1);
    say = conversation(robotWith(data));
    await say('我的快递到哪了');
    assert.match(textOf(await say('你是机器人吗 我要查耳机那个')), /A-1/);
    say = conversation(robotWith(data));
    await say('我的快递到哪了');
    await say('第一个');
    assert.match(textOf(await say('one other request: can i change the address')), /B-2/);
  });

  test('the small-talk pattern does not backtrack on a long run of particles', () => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) isSmallTalk(`热${'死了'.repeat(18)}x`);
    assert.ok(performance.now() - t0 < 50, 'twenty calls well under 50 ms');
  });

  test('a venting retraction is narrow: "算了不用了 快递半天没动 我自己查" still takes the hand-over back', () => {
    assert.notEqual(withdrawsHandover('算了不用了 快递半天没动 我自己查'), undefined);
    assert.notEqual(withdrawsHandover('never mind, no one needs to call me, where is my parcel'), undefined);
    assert.equal(withdrawsHandover('算了 半天没人理'), undefined);
  });

  test('asked to hurry an unshipped order: a person is offered, and "好的 帮我催一下" is a yes, not a goodbye', async () => {
    const nuts = order({ orderId: 'N-1', status: 'paid', updatedAt: '2024-11-27T09:00:00+08:00', createdAt: '2024-11-27T09:00:00+08:00' });
    for (const [first, second] of [['我的坚果今天能发吗', '好的 帮我催一下'], ['N-1什么时候发货', '帮我催一下']] as const) {
      const say = conversation(robotWith({ orders: [nuts] }));
      const r = await say(first);
      assert.ok(r.replies.length >= 1, first);
      const next = await say(second);
      assert.ok(next.handover || /催/.test(textOf(next)), second);
      assert.notEqual(next.intent, 'bye', second);
    }
    const r = await conversation(robotWith({ orders: [nuts] }))('能不能今天发 急着吃');
    assert.match(textOf(r), /没法直接催仓库发货/);
  });

  test('the shop\'s shipping entry: only its sentences on sending out, no dates as days, no pre-order entry for an in-stock order', async () => {
    const paid = (hoursAgo: number) => order({ orderId: 'SO-PD-2', status: 'paid', updatedAt: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString() });
    const chat = (answer: string, hoursAgo: number, question = '付款后多久发货？') => {
      const own = new FaqIndexProvider();
      own.setEntries(SHOP, [{ id: 's', question, answer }]);
      return conversation(createRobot({ dataSource: fakeDataSource({ orders: [paid(hoursAgo)] }), faq: own, clock: () => NOW }))('我的快递到哪了');
    };
    let text = textOf(await chat('全部走顺丰冷运：泡沫箱加冰袋。付款后 48 小时内从嘉兴仓发出，江浙沪一般次日达。坚果走中通。', 10));
    assert.match(text, /付款后 48 小时内从嘉兴仓发出/);
    assert.doesNotMatch(text, /泡沫箱|坚果走中通/);
    assert.match(textOf(await chat('付款后48小时内发货，11月11日活动订单顺延发出。', 60)), /比平常慢/);
    assert.match(textOf(await chat('现货付款后48小时内发货，定制款需要10个工作日。', 60)), /比平常慢/);
    text = textOf(await chat('一般付款后 15 天内发出。', 10, '预售商品什么时候发货？'));
    assert.doesNotMatch(text, /15 天/);
  });
});

describe('a fresh-food shop (seventeenth session, second tester)', () => {
  const mango = order({ orderId: 'FX-MG-1', status: 'delivered', items: [{ sku: 'MG', title: 'Hainan Golden Mango 5kg', quantity: 1, price: '79.00' }], totalAmount: '79.00' });
  const grapes = order({ orderId: 'FX-GR-2', status: 'delivered', items: [{ sku: 'GR', title: '阳光玫瑰葡萄 2kg', quantity: 1, price: '89.90' }], totalAmount: '89.90' });
  const dumplings = order({ orderId: 'FX-DP-3', status: 'shipped', items: [{ sku: 'DP', title: 'Pork & Chive Dumplings 1kg (frozen)', quantity: 2, price: '36.00' }], createdAt: '2024-11-26T21:00:00+08:00' });
  const kit = order({ orderId: 'FX-MT-4', status: 'completed', items: [{ sku: 'MT', title: 'Milk Tea Kit', quantity: 1, price: '79.00' }], createdAt: '2024-11-15T19:00:00+08:00' });
  const cancelled = order({ orderId: 'FX-BT-5', status: 'cancelled', items: [{ sku: 'BT', title: 'Bubble Tea Starter Kit', quantity: 1, price: '99.00' }], createdAt: '2024-11-22T10:00:00+08:00' });
  const lobster = order({ orderId: 'FX-LB-6', status: 'shipped', items: [{ sku: 'LB', title: 'Live Boston Lobster 600g', quantity: 1, price: '268.00' }], createdAt: '2024-11-26T08:00:00+08:00' });
  const spoiledEntry: FaqEntry = { id: 'bad', question: '收到时化冻了或者坏了怎么办？', answer: '非常抱歉！请在签收后 24 小时内拍照在订单页申请售后，选“生鲜质量问题”。', alternates: ['水果烂了怎么办'] };
  const spoiledEn: FaqEntry = { id: 'bad-en', question: 'What if my order arrives thawed or damaged?', answer: 'We are sorry! Within 24 hours of delivery, take photos and request after-sales on the order page.' };
  const shop = (data: FakeData) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [spoiledEntry, spoiledEn]);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  };

  test('fresh goods arrived rotten or thawed: the shop\'s own procedure and a person, not "not understood"', async () => {
    for (const [text, want] of [['葡萄也烂了好几颗 怎么办😭', /24 小时内拍照/], ['虾到了 但是全化了 软趴趴的', /24 小时内拍照/], ['the mangoes are rotten', /Within 24 hours/]] as const) {
      const r = await shop({ orders: [mango, grapes] })(text);
      assert.equal(r.intent, 'return_policy', text);
      assert.match(textOf(r), want, text);
    }
  });

  test('"neither, I\'m asking about the dumplings delivery" is the parcel, not the refund list again', async () => {
    const say = shop({ orders: [mango, dumplings, kit], logistics: [logistics({ orderId: 'FX-DP-3' })], aftersales: [aftersale({ aftersaleId: 'A1', orderId: 'FX-MG-1', status: 'rejected' }), aftersale({ aftersaleId: 'A2', orderId: 'FX-MT-4', type: 'return', status: 'refunded' })] });
    assert.match(textOf(await say('refund status')), /Which of these/);
    const r = await say('neither, im asking about the dumplings delivery');
    assert.equal(r.intent, 'track_parcel');
    assert.match(textOf(r), /FX-DP-3/);
  });

  test('after a refusal, the buyer\'s case is met with a person offered, and a yes takes it', async () => {
    const say = shop({ orders: [mango], aftersales: [aftersale({ aftersaleId: 'A1', orderId: 'FX-MG-1', status: 'rejected', reason: 'Photos show normal ripening spots' })] });
    await say('mango refund?');
    const r = await say('the mangoes had black spots all over, thats not normal');
    assert.match(textOf(r), /human agent/);
    assert.ok((await say('yes')).handover);
  });

  test('"why was it cancelled", "我没取消" are about the cancelled order, with a person offered for why', async () => {
    for (const text of ['why was my bubble tea kit order cancelled', '为什么被取消了', 'i didnt cancel it']) {
      const r = await shop({ orders: [cancelled, lobster] })(text);
      assert.equal(r.intent, 'order_status', text);
      assert.match(textOf(r), /FX-BT-5/, text);
      assert.match(textOf(r), /human agent|人工客服/, text);
    }
    assert.match(textOf(await shop({ orders: [cancelled, lobster] })('我要取消订单')), /FX-LB-6/);
  });
});

describe('a fresh-food shop: numbers typed after a return, and goods asked after in other words', () => {
  test('a waybill in the message after "我已经寄回去了" is the return\'s; a whole new phone number is no order tail', async () => {
    const pecans = order({ orderId: 'FX-PC-1', status: 'completed', items: [{ sku: 'PC', title: '美国碧根果 奶油味 500g', quantity: 2, price: '45.00' }] });
    const swap = aftersale({ aftersaleId: 'AS-X', orderId: 'FX-PC-1', type: 'exchange', status: 'returning' });
    const say = conversation(robotWith({ orders: [pecans], aftersales: [swap] }));
    await say('碧根果换货的那个 我已经寄回去了');
    const r = await say('单号是775566778899 中通的');
    assert.match(textOf(r), /775566778899[\s\S]*FX-PC-1/);
    assert.doesNotMatch(textOf(r), /没有找到/);
    const lobster = order({ orderId: 'FX-LB-6', status: 'shipped', items: [{ sku: 'LB', title: 'Live Boston Lobster 600g', quantity: 1, price: '268.00' }], totalAmount: '268.00' });
    const phone = await conversation(robotWith({ orders: [lobster], logistics: [logistics({ orderId: 'FX-LB-6' })] }))('the lobster courier has the wrong phone number, can i update it to 13700002222');
    assert.match(textOf(phone), /FX-LB-6/);
    assert.doesNotMatch(textOf(phone), /can't find a matching order/);
  });

  test('"whats happening with my lobster??" is the lobster order\'s status', async () => {
    const lobster = order({ orderId: 'FX-LB-6', status: 'shipped', items: [{ sku: 'LB', title: 'Live Boston Lobster 600g', quantity: 1, price: '268.00' }], totalAmount: '268.00' });
    const nuts = order({ orderId: 'FX-NT-7', status: 'paid', items: [{ sku: 'NT', title: 'Roasted Cashews 500g', quantity: 1, price: '58.00' }] });
    const r = await conversation(robotWith({ orders: [lobster, nuts], logistics: [logistics({ orderId: 'FX-LB-6' })] }))('whats happening with my lobster?? its alive i hope lol');
    assert.equal(r.intent, 'order_status');
    assert.match(textOf(r), /Your order FX-LB-6/);
  });
});

describe('orders named by their number\'s end or total after the list is gone (seventeenth session)', () => {
  test('"0021结尾的那个呢", "7715那个", "258那个" after a pick are those orders, not an after-sales guess', async () => {
    const nuts = order({ orderId: 'FX261204060021', status: 'paid', totalAmount: '258.00', createdAt: '2024-11-27T09:15:00+08:00' });
    const dumplings = order({ orderId: 'FX261202047715', status: 'shipped', totalAmount: '151.60', createdAt: '2024-11-26T20:30:00+08:00' });
    const cherries = order({ orderId: 'FX261129018832', status: 'delivered', totalAmount: '357.90', createdAt: '2024-11-25T10:12:00+08:00' });
    const say = conversation(robotWith({ orders: [nuts, dumplings, cherries], logistics: [logistics({ orderId: 'FX261202047715' }), logistics({ orderId: 'FX261129018832', status: 'delivered' })] }));
    await say('帮我查下订单');
    assert.match(textOf(await say('第二个')), /FX261202047715/);
    for (const [text, id] of [['0021结尾的那个呢', 'FX261204060021'], ['7715那个', 'FX261202047715'], ['258那个', 'FX261204060021']] as const) {
      const r = await say(text);
      assert.equal(r.intent, 'order_status', text);
      assert.match(textOf(r), new RegExp(`订单 ${id}`), text);
    }
    assert.doesNotMatch(textOf(await say('9999那个')), /您的订单 FX/, 'a number no order has picks none');
  });
});

describe('the seventeenth session\'s second review', () => {
  const a = order({ orderId: '2024112500001111' });
  const b = order({ orderId: '2024112600002222', items: [{ sku: 'T', title: '纯棉T恤', quantity: 1, price: '59.00' }], createdAt: '2024-11-26T10:00:00+08:00' });
  const c = order({ orderId: '2024112700003333', status: 'paid', items: [{ sku: 'C', title: '保温杯', quantity: 1, price: '99.00' }], createdAt: '2024-11-27T08:00:00+08:00' });
  const data = { orders: [a, b, c], logistics: [logistics({ orderId: a.orderId }), logistics({ orderId: b.orderId })] };

  test('asking to cancel, or about a refund or coupon cancelled, is no "why was it cancelled"', async () => {
    for (const text of ['帮我把订单给取消了', '保温杯那单帮我给取消了', "you didn't cancel my order like I asked", "I didn't cancel in time, can I still cancel the cup order?"]) {
      assert.equal((await conversation(robotWith(data))(text)).intent, 'cancel_order', text);
    }
    for (const text of ['为什么我取消了订单还没退款', 'why was my refund cancelled', '我的优惠券怎么被取消了']) assert.notEqual((await conversation(robotWith(data))(text)).intent, 'order_status', text);
  });

  test('"订单号…" on the after-sales topic is an order number, not a return waybill', async () => {
    const say = conversation(robotWith({ ...data, aftersales: [aftersale({ aftersaleId: 'R', orderId: b.orderId, type: 'return', status: 'approved' })] }));
    await say('退货进度');
    assert.doesNotMatch(textOf(await say('订单号2024112699998888')), /寄回的运单号/);
  });

  test('spoiled words not about goods received are no goods in trouble; a worry is no report', async () => {
    for (const text of ['我想退货 最近价格变化了', '心都化了', '你们物流也太烂了', 'I missed the delivery because my phone was dead', '饺子到了吗 别都化了', '冰袋都化了 但是虾还是冰的 没事']) {
      assert.doesNotMatch(textOf(await conversation(robotWith(data))(text)), /很抱歉给您添麻烦了|Sorry about that! For a wrong/, text);
    }
  });

  test('"发错货了" is not answered with the entry on spoiled food', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'bad', question: '收到时化冻了或者坏了怎么办？', answer: '请在签收后 24 小时内拍照申请“生鲜质量问题”。' }]);
    const r = await conversation(createRobot({ dataSource: fakeDataSource({ orders: [a] }), faq: own, clock: () => NOW }))('我的耳机发错货了');
    assert.doesNotMatch(textOf(r), /生鲜质量问题/);
  });

  test('a phone tail that names the order stays; the new number typed is no tail', async () => {
    const other = order({ orderId: '2024112700004444', status: 'paid', receiver: { name: '李四', phone: '13900007777', address: '上海市' }, createdAt: '2024-11-27T09:00:00+08:00' });
    const paidA = order({ orderId: '2024112500001111', status: 'paid' });
    const r = await conversation(robotWith({ orders: [paidA, other] }))('尾号5678那单 电话改成13900001111');
    assert.match(textOf(r), /2024112500001111/);
    assert.doesNotMatch(textOf(r), /2024112700004444/);
  });

  test('a number after an FAQ answer is no order ("满减怎么算" then "500块呢")', async () => {
    const say = conversation(robotWith(data));
    await say('我的快递到哪了');
    await say('第一个');
    await say('优惠券怎么用');
    assert.doesNotMatch(textOf(await say('500块呢')), /没有找到符合条件的订单/);
  });
});

describe('a clothing and shoes shop (seventeenth session, third tester)', () => {
  const dress = order({ orderId: 'CW-DR-1', status: 'shipped', items: [{ sku: 'DR', title: 'Red wrap dress, size S', quantity: 1, price: '399.00' }], totalAmount: '399.00' });
  const sneakers = order({ orderId: 'CW-SN-2', status: 'delivered', items: [{ sku: 'SN', title: 'White canvas sneakers', quantity: 1, price: '299.00' }], totalAmount: '299.00', createdAt: '2024-11-20T09:00:00+08:00' });
  const swap = aftersale({ aftersaleId: 'AS-SW', orderId: 'CW-SN-2', type: 'exchange', status: 'approved' });
  const data = { orders: [dress, sneakers], logistics: [logistics({ orderId: 'CW-DR-1' }), logistics({ orderId: 'CW-SN-2', status: 'delivered' })], aftersales: [swap] };

  test('"can you ask them to hurry" after a parcel is that parcel; "yes get someone to chase it" hands over', async () => {
    const say = conversation(robotWith(data));
    await say('where is my red dress');
    const r = await say('can you ask them to hurry');
    assert.match(textOf(r), /CW-DR-1/);
    assert.doesNotMatch(textOf(r), /exchange request/);
    assert.ok((await say('the DRESS. yes get someone to chase it')).handover);
  });

  test('a refusal asked about is the request; disputing it, "申诉", "帮我转一下" reach a person', async () => {
    const jeans = order({ orderId: 'CW-JN-3', status: 'delivered', items: [{ sku: 'JN', title: '牛仔裤', quantity: 1, price: '259.00' }] });
    const refused = aftersale({ aftersaleId: 'AS-RJ', orderId: 'CW-JN-3', type: 'return', status: 'rejected', reason: '商品已洗涤且吊牌已剪' });
    for (const text of ['退货为啥被拒', '我那个牛仔裤tk被拒了为啥']) assert.match(textOf(await conversation(robotWith({ orders: [jeans], aftersales: [refused] }))(text)), /吊牌已剪/, text);
    for (const text of ['凭什么拒绝', '我不服', '你们就是不想退吧', '我要申诉', '可以 帮我转一下']) assert.ok((await conversation(robotWith({ orders: [jeans], aftersales: [refused] }))(text)).handover, text);
  });

  test('a waybill with "shipped the jeans back", or for a request still under review, is the return\'s', async () => {
    const jeans = order({ orderId: 'CW-JN-4', status: 'delivered', items: [{ sku: 'JN', title: 'Slim fit jeans W32', quantity: 1, price: '259.00' }] });
    const returning = aftersale({ aftersaleId: 'AS-JX', orderId: 'CW-JN-4', type: 'exchange', status: 'returning' });
    assert.match(textOf(await conversation(robotWith({ orders: [jeans], aftersales: [returning] }))('i shipped the jeans back for the exchange, tracking YT9911223344556')), /YT9911223344556[\s\S]*CW-JN-4/);
    const requested = aftersale({ aftersaleId: 'AS-RQ', orderId: 'CW-SN-2', type: 'exchange', status: 'requested' });
    const r = await conversation(robotWith({ orders: [sneakers], aftersales: [requested] }))('我已经寄出去了 顺丰SF1400998877665');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /SF1400998877665[\s\S]*CW-SN-2/);
  });

  test('"我是问我的换货申请进度" after another order is the buyer\'s exchange, not "this order has none"', async () => {
    const say = conversation(robotWith(data));
    await say('where is my red dress');
    const r = await say('我是问我的换货申请进度');
    assert.match(textOf(r), /换货申请（订单 CW-SN-2）/);
    assert.doesNotMatch(textOf(r), /没有售后申请/);
  });

  test('"I need to check on an order" asks which order, never an FAQ entry', async () => {
    const r = await conversation(robotWith(data))('I need to check on an order');
    assert.equal(r.intent, 'order_status');
    assert.match(textOf(r), /CW-DR-1[\s\S]*CW-SN-2|CW-SN-2[\s\S]*CW-DR-1/);
  });

  test('"今天天气好冷啊哈哈" is small talk; "等下 不转了 …" takes the hand-over back', () => {
    assert.equal(isSmallTalk('今天天气好冷啊哈哈'), true);
    assert.equal(withdrawsHandover('等下 不转了 退货运费谁出啊'), '退货运费谁出啊');
  });
});

describe('the goods of an exchange asked after (seventeenth session)', () => {
  test('"鞋子换43码大概多久能收到", "how long till i get the new jeans" are the exchange, not the delivered original; "能换大一码吗" stays a policy question', async () => {
    const shoes = order({ orderId: 'CW-SH-1', status: 'delivered', items: [{ sku: 'SH', title: '小白鞋 42码', quantity: 1, price: '299.00' }] });
    const swap = aftersale({ aftersaleId: 'AS-42', orderId: 'CW-SH-1', type: 'exchange', status: 'requested' });
    for (const text of ['鞋子换43码大概多久能收到', 'how long till i get the new jeans then']) {
      const r = await conversation(robotWith({ orders: [shoes], logistics: [logistics({ orderId: 'CW-SH-1', status: 'delivered' })], aftersales: [swap] }))(text);
      assert.equal(r.intent, 'aftersale_progress', text);
      assert.match(textOf(r), /CW-SH-1/, text);
    }
    assert.equal((await conversation(robotWith({ orders: [shoes], aftersales: [swap] }))('能换大一码吗')).intent, 'return_policy');
  });
});

describe('how long an unpaid order is kept (eighteenth session)', () => {
  const unpaid = order({ orderId: 'UP-1', status: 'pending_payment', items: [{ sku: 'L', title: '口红 #999', quantity: 1, price: '320.00' }] });
  const paid = order({ orderId: 'PD-2', status: 'paid' });
  test('"多久不付会自动取消", "what if i dont pay, will it cancel" tell that an unpaid order closes by itself, never how to cancel the paid one', async () => {
    for (const text of ['多久不付会自动取消', "what happens if i don't pay, will it cancel", '未付款的订单多久关闭']) {
      const r = await conversation(robotWith({ orders: [paid, unpaid] }))(text);
      assert.match(textOf(r), /UP-1/, text);
      assert.match(textOf(r), /自动关闭|closes by itself/, text);
      assert.doesNotMatch(textOf(r), /PD-2|申请退款|Request refund/, text);
    }
    const none = await conversation(robotWith({ orders: [paid] }))('不付款会自动取消吗');
    assert.match(textOf(none), /自动关闭/);
    assert.doesNotMatch(textOf(none), /PD-2|申请退款/);
  });
  test('two unpaid orders: the one named, else the rule with how many; paid, charged, "how do I cancel" and refunds are not this question (found in review)', async () => {
    const hoodie = order({ orderId: 'UP-2', status: 'pending_payment', items: [{ sku: 'H', title: '加绒卫衣', quantity: 1, price: '159.00' }] });
    let text = textOf(await conversation(robotWith({ orders: [unpaid, hoodie] }))('多久不付会自动取消'));
    assert.match(text, /您有 2 个待付款的订单/);
    assert.doesNotMatch(text, /没有待付款/);
    text = textOf(await conversation(robotWith({ orders: [unpaid, hoodie] }))('卫衣那单多久不付会自动取消'));
    assert.match(text, /UP-2 还未付款/);
    assert.match(textOf(await conversation(robotWith({ orders: [unpaid] }))('还没付款怎么取消订单')), /取消订单/);
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [unpaid] }))('还没付款怎么取消订单')), /自动关闭/);
    const gone = order({ orderId: 'CX-9', status: 'cancelled' });
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [gone] }))('我明明付了钱 怎么显示未付款被取消了')), /不会扣款/);
  });

  test('"不付" is no sound-alike slip for "不服", and "我想取消订单" still says how to cancel', async () => {
    assert.match((await createNlu().understand('多久不付会自动取消')).normalized, /不付/);
    const r = await conversation(robotWith({ orders: [paid] }))('我想取消订单');
    assert.match(textOf(r), /PD-2[\s\S]*申请退款/);
  });
});

describe('why an order was cancelled, through a "which order?" list (eighteenth session)', () => {
  const scarf = order({ orderId: 'CX-1', status: 'cancelled', items: [{ sku: 'S', title: '羊毛围巾', quantity: 1, price: '129.00' }] });
  const mask = order({ orderId: 'CX-2', status: 'cancelled', createdAt: '2024-11-23T09:00:00+08:00', items: [{ sku: 'M', title: '真丝眼罩', quantity: 1, price: '59.00' }] });
  test('the order picked by goods, by position or after an out-of-range pick is told with "I can\'t see why" and a person offered; a plain status list is not', async () => {
    for (const picks of [['围巾那个'], ['第二个'], ['第五个', '第二个']]) {
      const say = conversation(robotWith({ orders: [scarf, mask] }));
      assert.match(textOf(await say('为什么我的订单被取消了')), /CX-1[\s\S]*CX-2/);
      let r: RobotAnswer | undefined;
      for (const p of picks) r = await say(p);
      assert.match(textOf(r!), /原因我这边查不到/, picks.join(' / '));
      assert.match(textOf(r!), /转接人工/, picks.join(' / '));
    }
    const plain = conversation(robotWith({ orders: [scarf, mask] }));
    await plain('我的订单状态');
    assert.doesNotMatch(textOf(await plain('第二个')), /原因我这边查不到/);
  });
});

describe('a pre-order ships on its own terms (eighteenth session, cosmetics shop)', () => {
  const paidAt = (hoursAgo: number, title: string) => order({ orderId: 'PRE-1', status: 'paid', items: [{ sku: 'SER', title, quantity: 2, price: '399.00' }], updatedAt: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString(), createdAt: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString() });
  const entries: FaqEntry[] = [
    { id: 'pre', question: '预售商品什么时候发货？', answer: '预售商品付款后15天内发货，具体以商品页标的发货日期为准；预售订单付款后不支持无理由取消。', alternates: ['预售要等多久'] },
    { id: 'ship', question: '付款后多久发货？', answer: '现货商品付款后48小时内发出，周末节假日顺延。' },
  ];
  const chat = (o: Order, faqEntries = entries) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, faqEntries);
    return conversation(createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: own, clock: () => NOW }));
  };
  const title = '【预售 付款后15天内发货】玻尿酸修护精华 30ml';

  test('paid 5 days ago of 15: the shop\'s pre-order entry and the day it is due, never the in-stock 48 hours nor "later than usual"', async () => {
    const say = chat(paidAt(5 * 24, title));
    let text = textOf(await say('亲 我买的精华啥时候发货啊 都5天了'));
    assert.match(text, /预售商品付款后15天内发货[\s\S]*预计12月7日前发出/);
    assert.doesNotMatch(text, /48小时|48 小时|比平常慢/);
    // The entry asked about beside the order is said once.
    text = textOf(await say('预售是15天对吧 那还要等多久'));
    assert.equal(text.split('预售商品付款后15天内发货').length - 1, 1, text);
    text = textOf(await say('那我不要了 退款'));
    assert.match(text, /不支持无理由取消/);
    assert.doesNotMatch(text, /订单详情页点“申请退款”/);
  });

  test('past its own 15 days it is late; without an entry, the title\'s terms; asked to hurry, a person is offered', async () => {
    assert.match(textOf(await chat(paidAt(16 * 24, title))('我的精华什么时候发货')), /比平常慢/);
    const text = textOf(await chat(paidAt(3 * 24, title), [entries[1]!])('我的精华什么时候发货'));
    assert.match(text, /这是预售商品，按商品页写明的时间发货。按付款时间算，预计12月9日前发出/);
    assert.doesNotMatch(text, /48小时内发出|比平常慢/);
    const say = chat(paidAt(2 * 24, title));
    await say('我的精华什么时候发货');
    assert.match(textOf(await say('能加急吗🙏')), /催一下/);
  });

  test('a booked cake and in-stock goods beside a pre-sale item are no pre-order; a pre-sale title\'s own day decides; a bad time does not crash (found in review)', async () => {
    const cake = paidAt(6 * 24, '生日蛋糕 6寸 需提前1天预订');
    assert.match(textOf(await chat(cake)('蛋糕什么时候发货')), /比平常慢/);
    const mixed = order({ orderId: 'MX-1', status: 'paid', updatedAt: new Date(NOW.getTime() - 6 * 24 * 3600_000).toISOString(), items: [{ sku: 'E', title: '无线蓝牙耳机', quantity: 1, price: '199.00' }, { sku: 'C', title: '【预售】耳机保护套', quantity: 1, price: '29.00' }] });
    assert.match(textOf(await chat(mixed)('耳机什么时候发货')), /比平常慢/);
    const coat = paidAt(17 * 24, '【预售】冬季羽绒服 11月20日发货');
    let text = textOf(await chat(coat)('羽绒服什么时候发货'));
    assert.match(text, /预计11月20日前发出[\s\S]*比平常慢/);
    const early = paidAt(3 * 24, '【预售】冬季羽绒服 12月5日发货');
    text = textOf(await chat(early)('羽绒服什么时候发货'));
    assert.match(text, /预计12月5日前发出/);
    assert.doesNotMatch(text, /比平常慢/);
    const broken = order({ orderId: 'BAD-1', status: 'paid', updatedAt: 'unknown', items: [{ sku: 'S', title, quantity: 1, price: '1.00' }] });
    assert.match(textOf(await chat(broken)('什么时候发货')), /BAD-1/);
  });

  test('an in-stock order still gets the shop\'s shipping entry, and a pre-order naming no time is never called late', async () => {
    const inStock = order({ orderId: 'IS-1', status: 'paid', items: [{ sku: 'C', title: '修护保湿面霜 50ml', quantity: 1, price: '580.00' }] });
    const text = textOf(await chat(inStock)('我的面霜什么时候发货'));
    assert.match(text, /现货商品付款后48小时内发出/);
    assert.doesNotMatch(text, /预售/);
    const vague = textOf(await chat(paidAt(30 * 24, '【预售】限定礼盒'), [entries[1]!])('礼盒什么时候发货'));
    assert.match(vague, /这是预售商品，按商品页写明的时间发货。/);
    assert.doesNotMatch(vague, /比平常慢|预计/);
  });
});

// Found from outside (a fruit shop, twenty-sixth session): the in-stock 48 hours were said first, then the pre-sale's terms, and "开采发货" gave no day.
test('a pre-order asked in the words of the in-stock entry gets its own terms only; "12月15日开采发货" is read as its day (twenty-sixth session)', async () => {
  const own = new FaqIndexProvider();
  own.setEntries(SHOP, [
    { id: 'ship', question: '付款后多久发货', answer: '现货水果付款后48小时内从果园现摘现发。', alternates: ['什么时候发货', '下单了啥时候发'] },
    { id: 'pre', question: '预售商品什么时候发货', answer: '预售水果按商品标题写的开采日期统一发货，开采后3天内陆续发完。', alternates: ['预售的啥时候发'] },
  ]);
  const pre = order({ orderId: 'FF-PRE', status: 'paid', createdAt: '2024-11-25T10:00:00+08:00', updatedAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'WG', title: '【预售】云南高山沃柑 10斤装 12月15日开采发货', quantity: 1, price: '59.00' }] });
  const text = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [pre] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '沃柑什么时候发货' }));
  assert.doesNotMatch(text, /48小时/);
  assert.match(text, /开采日期统一发货[\s\S]*商品标题写明12月15日起发货/);
  assert.doesNotMatch(text, /预计12月\d+日前发出/, 'no end day of the robot\'s own beside the shop\'s (thirty-ninth session)');
  const inStock = order({ orderId: 'FF-NOW', status: 'paid', items: [{ sku: 'MG', title: '海南贵妃芒果 5斤装', quantity: 1, price: '49.90' }] });
  assert.match(textOf(await createRobot({ dataSource: fakeDataSource({ orders: [inStock] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '芒果什么时候发货' })), /48小时/);
});

describe('an English buyer in a shop that wrote in Chinese (eighteenth session, electronics shop)', () => {
  const zhOnly = new FaqIndexProvider();
  zhOnly.setEntries('shop_zh', [
    { id: 'inv', question: '可以开发票吗？', answer: '可以开增值税普通发票和专用发票，确认收货后在订单页申请。' },
    { id: 'cc', question: '有3C认证吗？', answer: '所有充电器和充电宝都有3C认证。' },
  ]);
  const chat = () => {
    let state: unknown;
    return async (text: string) => {
      const r = await createRobot({ dataSource: fakeDataSource({ orders: [], aftersales: [] }), faq: zhOnly, clock: () => NOW }).answer({ shopId: 'shop_zh', userId: 'u-en', conversationId: 'c-en', text, state });
      state = r.state;
      return r;
    };
  };
  test('the shop\'s Chinese entry is said as the shop\'s, with a person to explain it; never "Did you mean <Chinese>?"', async () => {
    const text = textOf(await chat()('can i get a VAT invoice for it, its for my company'));
    assert.match(text, /in Chinese[\s\S]*增值税[\s\S]*human/);
    assert.doesNotMatch(text, /Did you mean|Which of these/);
  });
  test('a weak on-topic entry is no answer: "do you have any coupons?" gets the built-in text, not a price-protection entry (found in review)', async () => {
    const text = textOf(await conversation(robotWith({ orders: [earbuds] }))('do you have any coupons?'));
    assert.doesNotMatch(text, /价保|in Chinese/);
  });
  test('"我不会英文 快递到哪了" is answered, not only switched (found in review)', async () => {
    assert.match(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))('我不会英文 快递到哪了')), /ZT7700001111/);
  });
  test('"sorry i cant read chinese" switches to English; "我看不懂英文" to Chinese', async () => {
    const r = await chat()('sorry i cant read chinese');
    assert.equal(r.lang, 'en');
    assert.doesNotMatch(textOf(r), /didn't quite get/);
    assert.equal((await chat()('我看不懂英文')).lang, 'zh');
  });
});

describe('goods that overheat, smoke or swell (eighteenth session, electronics shop)', () => {
  test('what to do now, then a person with priority; a question before buying and "hot pink" are not', async () => {
    for (const text of ['那个已经收到的charger充电的时候很烫 正常吗', '充电宝鼓包了', 'the gan charger gets super hot when i charge my macbook, is that normal?', 'my power bank is smoking!!', '手机充电的时候冒烟了', '充电器着火了']) {
      const r = await conversation(robotWith({ orders: [earbuds] }))(text);
      assert.equal(r.handover?.reason, 'complaint', text);
      assert.match(textOf(r), /拔掉电源|unplug it/, text);
    }
    // Found in review: weather, slang, food and goods asked about before buying are no danger.
    for (const text of ['is it safe to leave it plugged in overnight', 'hot pink case available?', '充电宝会不会发烫', '天气很烫 快递到哪了', '快递还没到 我要气炸了', '发货速度着火了吗 哈哈 到哪了', 'the spark of joy! where is my parcel', 'the weather is hot, can you ship faster', 'my parcel box was bulging, was it opened? where is my parcel', 'Is this a non-smoking packaging? when will my order arrive', '这个暖手宝很烫吗', '火锅底料太烫了吗，能退吗', '衣服有烟味，可以退吗', '爆炸款还有货吗', 'does the smoke detector come with batteries', 'will the chocolate melt in shipping', 'Does the hot water bottle get super hot? want to buy']) {
      const r = await conversation(robotWith({ orders: [earbuds] }))(text);
      assert.equal(r.handover, undefined, text);
      assert.doesNotMatch(textOf(r), /拔掉电源|unplug it/, text);
    }
  });
});

describe('the request asked about is the one the buyer means (eighteenth session)', () => {
  const mask = order({ orderId: 'CZ-MK-1', status: 'delivered', items: [{ sku: 'MK', title: '面膜礼盒 30片装', quantity: 1, price: '199.00' }] });
  const sun = order({ orderId: 'CZ-SN-2', status: 'cancelled', items: [{ sku: 'SN', title: '清透防晒乳 SPF50+ 50ml', quantity: 1, price: '199.00' }] });
  const maskRefund = aftersale({ aftersaleId: 'AS-MK', orderId: 'CZ-MK-1', status: 'refunded' });
  test('"防晒那单我取消了 钱退了吗": the cancelled sunscreen order\'s money, not the face mask\'s refund', async () => {
    const text = textOf(await conversation(robotWith({ orders: [mask, sun], aftersales: [maskRefund] }))('防晒那单我取消了 钱退了吗'));
    assert.match(text, /CZ-SN-2 已经取消了，款项会原路退回/);
    assert.doesNotMatch(text, /CZ-MK-1/);
  });
  test('"was i refunded for it tho?" right after the cancelled order was told: its money goes back, not "no request" (forty-fifth session)', async () => {
    const card = order({ orderId: 'DT-380', status: 'cancelled', currency: 'EUR', cancelReason: 'Out of stock; full refund issued 28 Nov', items: [{ sku: 'BB', title: 'Carcassonne Big Box', quantity: 1, price: '69.99' }] });
    const say = conversation(robotWith({ orders: [card, mask], aftersales: [maskRefund] }));
    await say('why did my big box order get cancelled?');
    const text = textOf(await say('was i refunded for it tho? havent seen it on my card'));
    assert.match(text, /DT-380 is already cancelled[\s\S]*goes back/);
    assert.doesNotMatch(text, /no return or refund request/);
  });
  test('after a refund\'s status, whether the goods are fit to eat and how much may be bought are no longer the refund (forty-fifth session)', async () => {
    const formula = order({ orderId: 'NF-77', status: 'cancelled', items: [{ sku: 'AP', title: '爱他美 配方奶粉 2段 900g', quantity: 1, price: '597.00' }] });
    const refunded = aftersale({ aftersaleId: 'AS-77', orderId: 'NF-77', status: 'refunded' });
    for (const text of ['奶粉结块了还能喝不', '之前在别家买的奶粉冲出来有黑点 你们家的会有这情况不', '一年能买多少钱的 我这已经买了两万多了']) {
      const say = conversation(robotWith({ orders: [formula], aftersales: [refunded] }));
      assert.match(textOf(await say('钱退了没 退哪了')), /AS-77|NF-77/);
      const r = await say(text);
      assert.notEqual(r.intent, 'aftersale_progress', text);
    }
  });
  test('"我取消了 钱退了吗" naming no goods: the one cancelled order\'s money goes back (found in review)', async () => {
    const text = textOf(await conversation(robotWith({ orders: [mask, sun], aftersales: [maskRefund] }))('我取消了 钱退了吗'));
    assert.match(text, /CZ-SN-2 已经取消了，款项会原路退回/);
  });
  test('a refund asked after another order is talked about: "that one has none", then the buyer\'s refund', async () => {
    const tablet = order({ orderId: 'PT-TB-1', status: 'paid', items: [{ sku: 'TB', title: 'Tablet 11 inch', quantity: 1, price: '1999.00' }] });
    const charger = order({ orderId: 'PT-CH-2', status: 'completed', createdAt: '2024-10-20T10:00:00+08:00', items: [{ sku: 'CH', title: '65W GaN Charger', quantity: 1, price: '199.00' }] });
    const say = conversation(robotWith({ orders: [tablet, charger], aftersales: [aftersale({ aftersaleId: 'AS-CH', orderId: 'PT-CH-2', status: 'refunded' })] }));
    await say('when will my tablet ship?');
    let text = textOf(await say('what about the refund from last month, did it go through'));
    assert.match(text, /PT-TB-1 has no[\s\S]*PT-CH-2[\s\S]*refunded/i);
    await say('when will my tablet ship?');
    text = textOf(await say('and the refund of this order?'));
    assert.match(text, /PT-TB-1/);
    assert.doesNotMatch(text, /PT-CH-2/);
  });
  test('"精华那个审核要多久啊" is the request under review; "那个粉底液为啥不给退" the refused one', async () => {
    const serum = order({ orderId: 'CZ-SR-3', status: 'delivered', items: [{ sku: 'SR', title: '维C亮白精华 30ml', quantity: 1, price: '420.00' }] });
    const base = order({ orderId: 'CZ-FD-4', status: 'delivered', items: [{ sku: 'FD', title: '持妆粉底液 W10 30ml', quantity: 1, price: '450.00' }] });
    const data = { orders: [serum, base], logistics: [logistics({ orderId: 'CZ-SR-3', status: 'delivered' })], aftersales: [aftersale({ aftersaleId: 'AS-SR', orderId: 'CZ-SR-3', type: 'return', status: 'requested' }), aftersale({ aftersaleId: 'AS-FD', orderId: 'CZ-FD-4', type: 'return', status: 'rejected', reason: '商品已拆封使用' })] };
    let text = textOf(await conversation(robotWith(data))('精华那个审核要多久啊'));
    assert.match(text, /CZ-SR-3[\s\S]*待审核/);
    text = textOf(await conversation(robotWith(data))('那个粉底液为啥不给退 我也是过敏啊'));
    assert.match(text, /CZ-FD-4[\s\S]*未通过[\s\S]*商品已拆封使用/);
  });
});

describe('an exchange of shade followed up (eighteenth session, cosmetics shop)', () => {
  const foundation = order({ orderId: 'CX-FD-1', status: 'delivered', items: [{ sku: 'FD', title: '持妆粉底液 W10 象牙白 30ml', quantity: 1, price: '450.00' }] });
  const data = { orders: [foundation], logistics: [logistics({ orderId: 'CX-FD-1', status: 'delivered' })], aftersales: [aftersale({ aftersaleId: 'AS-X', orderId: 'CX-FD-1', type: 'exchange', status: 'approved' })] };
  test('"那我要寄到哪个地址" after its status is where to send it back, not a change of address; "新的N20什么时候发给我" the exchange', async () => {
    const say = conversation(robotWith(data));
    await say('换色号的申请通过了吗');
    let text = textOf(await say('那我要寄到哪个地址'));
    assert.match(text, /换货申请[\s\S]*售后页面的地址寄回/);
    assert.doesNotMatch(text, /无法修改/);
    const again = conversation(robotWith(data));
    await again('换色号的申请通过了吗');
    text = textOf(await again('新的N20什么时候发给我'));
    assert.match(text, /换货申请（订单 CX-FD-1）/);
    assert.doesNotMatch(text, /已经签收/);
    // Not after an after-sales answer, a new colour is goods in stock (found in review).
    for (const t of ['新颜色什么时候上架', 'when will the new colour be back in stock?']) assert.notEqual((await conversation(robotWith(data))(t)).intent, 'aftersale_progress', t);
    assert.match(textOf(await conversation(robotWith(data))('how many days for the replacement to reach KL')), /exchange request \(order CX-FD-1\)/);
    assert.equal((await conversation(robotWith(data))('我要改收货地址')).intent, 'change_address');
  });
});

describe('an order shipped in several parcels (eighteenth session, electronics shop)', () => {
  const split = order({ orderId: 'PT-SP-1', status: 'shipped', items: [{ sku: 'TB', title: '平板电脑 11英寸', quantity: 1, price: '1999.00' }, { sku: 'CS', title: '手机壳', quantity: 1, price: '59.00' }] });
  const tablet = logistics({ orderId: 'PT-SP-1', carrier: '京东快递', trackingNo: 'JD0088112233', status: 'in_transit', events: [{ time: '2024-11-26T20:00:00+08:00', location: '上海', description: '包裹1/2 运输中' }] });
  const rest = logistics({ orderId: 'PT-SP-1', carrier: '京东快递', trackingNo: 'JD0088112299', status: 'pending', events: [{ time: '2024-11-27T08:00:00+08:00', location: '杭州', description: '包裹2/2 已打包，等待揽收' }], updatedAt: '2024-11-27T08:00:00+08:00' });
  const robot = () => conversation(robotWith({ orders: [split], logistics: [tablet, rest] }));
  test('where it is: both parcels, each with its number and latest event; a typed number is that parcel alone', async () => {
    let text = textOf(await robot()('我的平板到哪了'));
    assert.match(text, /分 2 个包裹发出[\s\S]*JD0088112233[\s\S]*包裹1\/2[\s\S]*JD0088112299[\s\S]*包裹2\/2/);
    text = textOf(await robot()('JD0088112233 这个单号是我的吗 到哪了'));
    assert.match(text, /JD0088112233/);
    assert.doesNotMatch(text, /JD0088112299|分 2 个包裹/);
    text = textOf(await robot()('订单状态'));
    assert.match(text, /JD0088112233[\s\S]*JD0088112299/);
    assert.match(textOf(await robot()('when will it arrive')), /2 parcels[\s\S]*JD0088112233[\s\S]*JD0088112299/);
  });
  test('a parcel held at customs is said in the order\'s status too, with a person', async () => {
    const held = logistics({ orderId: 'PT-SP-1', trackingNo: 'SF1', status: 'exception', events: [{ time: '2024-11-26T20:00:00+08:00', location: 'Singapore', description: 'Held by customs - awaiting duty payment' }] });
    const r = await conversation(robotWith({ orders: [split], logistics: [held] }))('订单状态');
    assert.match(textOf(r), /Held by customs/);
    assert.match(textOf(r), /人工/);
  });
});

describe('goods broken or a gift missing (eighteenth session, cosmetics shop)', () => {
  const lip1 = order({ orderId: 'LP-1', status: 'shipped', items: [{ sku: 'LP', title: '丝绒哑光口红 #999 正红色', quantity: 1, price: '320.00' }] });
  const lip2 = order({ orderId: 'LP-2', status: 'delivered', createdAt: '2024-11-20T09:00:00+08:00', items: [{ sku: 'LP', title: '丝绒哑光口红 #999 正红色', quantity: 2, price: '320.00' }] });
  const gifts: FaqEntry = { id: 'gift', question: '赠品没收到怎么办？', answer: '如果赠品缺了，请在签收后48小时内拍照联系客服，核实后给您补发。', alternates: ['小样没收到', '少发了赠品'] };
  const chat = (data: FakeData) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [gifts, { id: 'wrap', question: '可以包装成礼盒吗？', answer: '可以加购9.9元的礼盒包装。' }]);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  };
  test('"这单的口红收到一支是断的" after a pick from the list is trouble with a person, not the list again', async () => {
    const say = chat({ orders: [lip1, lip2] });
    await say('查下我的订单');
    await say('第二个');
    const r = await say('这单的口红收到一支是断的');
    assert.equal(r.intent, 'return_policy');
    assert.match(textOf(r), /转人工/);
    assert.doesNotMatch(textOf(r), /哪一个/);
  });
  test('a gift missing is trouble, never the gift-wrap entry; the shop\'s entry on missing gifts is said when found', async () => {
    let text = textOf(await chat({ orders: [lip2] })('礼盒收到了 但是化妆包没有啊😢'));
    assert.match(text, /转人工/);
    assert.doesNotMatch(text, /礼盒包装/);
    text = textOf(await chat({ orders: [lip2] })('小样少了两个 化妆包也没有'));
    assert.match(text, /核实后给您补发/);
  });
});

describe('trouble beside the shop\'s own entry (eighteenth session)', () => {
  test('a shop with no coupon entry gets the usual causes; with one, its entry and only the way to a person', async () => {
    const none = new FaqIndexProvider();
    none.setEntries(SHOP, [{ id: 'x', question: '发什么快递？', answer: '默认顺丰。' }]);
    const r = await createRobot({ dataSource: fakeDataSource({ orders: [earbuds] }), faq: none, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '优惠券用不了' });
    assert.match(textOf(r), /使用门槛/);
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'cp', question: '优惠券怎么用？', answer: '满减券在提交订单时自动抵扣，预售商品不参与满减。', alternates: ['券用不了', '优惠券没抵扣'] }]);
    const text = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [earbuds] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '优惠券用不了' }));
    assert.match(text, /预售商品不参与满减[\s\S]*转人工/);
    assert.doesNotMatch(text, /使用门槛/);
  });
});

describe('where to find something on the goods (eighteenth session, electronics shop)', () => {
  test('"where can i find the serial no of the watch", "序列号在哪看啊" get the shop\'s entry, never a tracking card; "where can i find my tracking number" is still the parcel', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'sn', question: 'Where is the serial number?', answer: 'The serial number is on the back of the box and in Settings > About.', alternates: ['where do i find the serial number'] },
      { id: 'sn-zh', question: '序列号在哪里看？', answer: '序列号印在包装盒背面，也可以在设置-关于本机里查看。' },
    ]);
    const say = (text: string) => createRobot({ dataSource: fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    for (const [text, want] of [['where can i find the serial no of the watch', /back of the box|Did you mean "Where is the serial number\?"/], ['序列号在哪看啊', /包装盒背面/]] as const) {
      const r = await say(text);
      assert.match(textOf(r), want, text);
      assert.doesNotMatch(textOf(r), /ZT7700001111/, text);
    }
    assert.match(textOf(await say('where can i find my tracking number')), /ZT7700001111/);
  });
});

describe('lists and offers read as the buyer reads them (eighteenth session, cosmetics shop)', () => {
  const lip1 = order({ orderId: 'LP-1', status: 'shipped', items: [{ sku: 'LP', title: '丝绒哑光口红 #999', quantity: 1, price: '320.00' }], totalAmount: '320.00' });
  const lip2 = order({ orderId: 'LP-2', status: 'delivered', createdAt: '2024-11-20T09:00:00+08:00', items: [{ sku: 'LP', title: '丝绒哑光口红 #999', quantity: 2, price: '320.00' }], totalAmount: '640.00' });
  test('the list says the date is when it was ordered, and tells orders of the same goods apart by amount', async () => {
    const text = textOf(await conversation(robotWith({ orders: [lip1, lip2] }))('查下我的订单'));
    assert.match(text, /LP-1 丝绒哑光口红 #999（已发货，¥320\.00，11-25 09:00 下单）/);
    assert.match(text, /LP-2 丝绒哑光口红 #999（已签收，¥640\.00，11-20 09:00 下单）/);
    assert.match(textOf(await conversation(robotWith({ orders: [lip1, earbuds] }))('check my orders')), /\(shipped, ordered Nov 25, 09:00\)/);
  });
  test('"都4天了还没到账" to "shall I get a person to follow up?" is a yes; "钱多久到" is a question', async () => {
    const late = aftersale({ aftersaleId: 'AS-L', orderId: EARBUDS, status: 'approved', updatedAt: '2024-11-18T09:00:00+08:00' });
    const say = conversation(robotWith({ orders: [earbuds], aftersales: [late] }));
    assert.match(textOf(await say('退款批了没')), /转接人工客服跟进吗/);
    assert.notEqual((await say('钱多久到')).intent, 'human');
    assert.equal((await say('都4天了还没到账')).intent, 'human');
    // Calm, or about another order: no hand-over (found in review).
    for (const text of ['还没收到 只是先问问', '还没到账，没关系', 'still not received but no rush', '另一单的退款也还没到账']) {
      const s2 = conversation(robotWith({ orders: [earbuds, tshirt], aftersales: [late] }));
      await s2('退款批了没');
      assert.notEqual((await s2(text)).intent, 'human', text);
    }
  });
});

describe('a receiver abroad (eighteenth session, electronics shop)', () => {
  test('no built-in number of days for Singapore or Hong Kong; a mainland address keeps them', async () => {
    const sg = order({ orderId: 'SG-1', status: 'paid', receiver: { name: 'Tan Wei', phone: '+65 9123 4567', address: '10 Anson Road, #12-01, Singapore 079903' } });
    let text = textOf(await conversation(robotWith({ orders: [sg] }))('hello, when will my order arrive?'));
    assert.doesNotMatch(text, /2-4 days/);
    const none = new FaqIndexProvider();
    text = textOf(await conversation(createRobot({ dataSource: fakeDataSource({ orders: [sg] }), faq: none, clock: () => NOW }))('hello, when will my order arrive?'));
    assert.match(text, /ship within 48 hours of payment; a cross-border delivery depends on the carrier and customs/);
    const hk = order({ orderId: 'HK-1', status: 'shipped', receiver: { name: '陳美玲', phone: '+852 9123 4567', address: '香港九龍旺角彌敦道600號' } });
    text = textOf(await conversation(robotWith({ orders: [hk], logistics: [logistics({ orderId: 'HK-1' })] }))('几天能到'));
    assert.match(text, /以承运商和清关为准/);
    assert.doesNotMatch(text, /1-3 天/);
    assert.match(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))('几天能到')), /1-3 天/);
    // Streets named after places, a mainland address in Latin letters (found in review).
    for (const address of ['上海市普陀区澳门路 168 号', '青岛市市南区香港中路 8 号', 'Room 1201, No. 100 Wensan Road, Hangzhou, China', '江苏省苏州工业园区 Singapore Industrial Park']) {
      const home = order({ orderId: 'CN-1', status: 'shipped', receiver: { name: '张三', phone: '13812345678', address } });
      assert.match(textOf(await conversation(robotWith({ orders: [home], logistics: [logistics({ orderId: 'CN-1' })] }))('几天能到')), /1-3 天/, address);
    }
  });
});

describe('Singapore English and a lost parcel sent again (eighteenth session, electronics shop)', () => {
  test('"ok lor", "can lah" to "shall I get a person?" are a yes; "no lah" a no', async () => {
    const stuck = logistics({ orderId: EARBUDS, status: 'exception', events: [{ time: '2024-11-26T10:00:00+08:00', description: 'Held by customs' }] });
    for (const [yes, intent] of [['ok lor', 'human'], ['can lah', 'human'], ['no lah', 'unknown'], ['ok ah?', 'bye']] as const) {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [stuck] }));
      assert.match(textOf(await say('where is my parcel??')), /human agent/);
      assert.equal((await say(yes)).intent, intent, yes);
    }
  });
  test('"can u just send a new pair instead" after a lost parcel is a person\'s to arrange, not a change of address; coupons, invoices and policy questions are not (found in review)', async () => {
    const lost = logistics({ orderId: EARBUDS, status: 'exception', events: [{ time: '2024-11-26T10:00:00+08:00', description: 'Parcel lost in transit' }] });
    const say = conversation(robotWith({ orders: [earbuds], logistics: [lost] }));
    await say('where is my parcel');
    const r = await say('can u just send a new pair instead');
    assert.equal(r.intent, 'human');
    assert.doesNotMatch(textOf(r), /address/);
    for (const text of ['能再发一个优惠券吗', 'can you resend the invoice', '如果丢了会补发吗', 'can you send me another coupon']) {
      const again = conversation(robotWith({ orders: [earbuds], logistics: [lost] }));
      await again('where is my parcel');
      assert.notEqual((await again(text)).intent, 'human', text);
    }
    const calm = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    await calm('where is my parcel');
    assert.notEqual((await calm('can you send me another one')).intent, 'human', 'no person offered: nothing to answer');
  });
});

describe('a question about the goods while "which order?" waits (eighteenth session, cosmetics shop)', () => {
  test('"礼盒的面霜保质期到什么时候" is the shop\'s shelf-life entry, not a pick of the gift-box order', async () => {
    const box = order({ orderId: 'GB-1', status: 'delivered', items: [{ sku: 'GB', title: '圣诞限定护肤礼盒（面霜+精华）', quantity: 1, price: '1280.00' }] });
    const toner = order({ orderId: 'TN-2', status: 'completed', createdAt: '2024-11-10T09:00:00+08:00', items: [{ sku: 'TN', title: '氨基酸爽肤水 200ml', quantity: 1, price: '159.00' }] });
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'life', question: '产品保质期多久？', answer: '未开封一般保质期3年，开封后建议6-12个月内用完。', alternates: ['生产日期是什么时候', '开封后能用多久'] }]);
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [box, toner], logistics: [logistics({ orderId: 'GB-1', status: 'delivered' })] }), faq: own, clock: () => NOW }));
    assert.match(textOf(await say('快递到哪了')), /GB-1[\s\S]*TN-2/);
    const text = textOf(await say('礼盒的面霜保质期到什么时候'));
    assert.match(text, /保质期/);
    assert.doesNotMatch(text, /中通快递|运单号/);
  });
  test('a pick naming a title\'s words ("the manual one", "正品那个") is still a pick (found in review)', async () => {
    const manual = order({ orderId: 'CG-1', status: 'shipped', items: [{ sku: 'M', title: 'Manual Coffee Grinder', quantity: 1, price: '99.00' }] });
    const electric = order({ orderId: 'CG-2', status: 'shipped', createdAt: '2024-11-24T09:00:00+08:00', items: [{ sku: 'E', title: 'Electric Coffee Grinder', quantity: 1, price: '199.00' }] });
    const say = conversation(robotWith({ orders: [manual, electric], logistics: [logistics({ orderId: 'CG-1' }), logistics({ orderId: 'CG-2' })] }));
    await say('where are my parcels?');
    assert.match(textOf(await say('the manual one')), /CG-1/);
    const genuine = order({ orderId: 'FW-1', status: 'shipped', items: [{ sku: 'F', title: '正品保障 氨基酸洗面奶', quantity: 1, price: '59.00' }] });
    const say2 = conversation(robotWith({ orders: [genuine, electric], logistics: [logistics({ orderId: 'FW-1' }), logistics({ orderId: 'CG-2' })] }));
    await say2('快递到哪了');
    assert.match(textOf(await say2('正品那个')), /FW-1/);
  });
});

describe('goods that stopped working and the shop\'s warranty (eighteenth session, electronics shop)', () => {
  test('"我的耳机左边没声音了", "my earbuds stopped working": the shop\'s warranty entry and a person; an ordinary returns question asks no warranty', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'w', question: '保修多久？', answer: '所有电子产品保修一年，凭订单号联系客服寄修。', alternates: ['保修怎么申请'] }, { id: 'w-en', question: 'How long is the warranty?', answer: 'One year for all electronics; contact us with your order number.' }]);
    const say = (text: string) => createRobot({ dataSource: fakeDataSource({ orders: [earbuds] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.match(textOf(await say('我的耳机左边没声音了')), /保修一年[\s\S]*转人工/);
    assert.match(textOf(await say('my earbuds stopped working')), /One year[\s\S]*human/);
    assert.doesNotMatch(textOf(await say('我要退货')), /保修一年/);
    assert.match(textOf(await say('耳机坏了')), /保修一年/);
    const shirt = (text: string) => createRobot({ dataSource: fakeDataSource({ orders: [tshirt] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.doesNotMatch(textOf(await shirt('T恤质量有问题 起球了')), /保修一年/, 'a shirt is no device (found in review)');
  });
});

describe('refusing the delivery, right after it was suggested (eighteenth session)', () => {
  test('"拒收可以吗" after "you can refuse the delivery" says how refusing goes for that order; asked cold it is not this', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    assert.match(textOf(await say(`我要取消订单 ${EARBUDS}`)), /可以拒收|您可以拒收/);
    const r = await say('拒收可以吗');
    assert.match(textOf(r), new RegExp(`订单 ${EARBUDS} 可以拒收`));
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [earbuds] }))('拒收可以吗')), /可以拒收：/);
  });
});

// Found from outside (the eighteenth session's third tester, a furniture shop).
describe('a furniture shop: made to order, freight parcels, delivery days and services around delivery (nineteenth session)', () => {
  const H = 3600_000;
  const ago = (h: number) => new Date(NOW.getTime() - h * H).toISOString();
  const entries: FaqEntry[] = [
    { id: 'custom', question: '定制款多久发货？', answer: '定制款下单后20-30天内生产完成发货，定制款开始生产后不支持取消。', alternates: ['定做的沙发要等多久'] },
    { id: 'ship', question: '付款后多久发货？', answer: '现货付款后48小时内发出，大件走物流专线。' },
    { id: 'upstairs', question: '送货上楼收费吗？', answer: '有电梯免费送货上楼；无电梯3楼以上每层加收20元。', alternates: ['送货上门吗'] },
    { id: 'install', question: '包安装吗？', answer: '沙发、床、柜子都包安装，师傅会在货到后48小时内联系您预约上门安装。', alternates: ['谁来安装', '怎么预约安装'] },
    { id: 'date', question: '可以改送货日期吗？', answer: '可以，请在物流公司联系您预约时告知想要的日期，或转人工帮您改约。', alternates: ['能不能晚几天送'] },
    { id: 'en-install', question: 'Do you assemble the furniture?', answer: 'Yes, assembly is free for sofas, beds and wardrobes; the fitter calls within 48 hours of delivery.', alternates: ['who assembles it'] },
  ];
  const shop = (data: FakeData, faqEntries = entries) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, faqEntries);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  };
  const sofa = (hoursAgo: number, title = '【定制】北欧布艺沙发 三人位（定制20-30天发货）') =>
    order({ orderId: 'FN-1', status: 'paid', items: [{ sku: 'SOFA', title, quantity: 1, price: '4999.00' }], totalAmount: '4999.00', createdAt: ago(hoursAgo), updatedAt: ago(hoursAgo) });
  const freight = order({ orderId: 'FN-2', status: 'shipped', items: [{ sku: 'BED', title: '实木双人床 1.8m', quantity: 1, price: '3299.00' }], createdAt: ago(6 * 24), updatedAt: ago(5 * 24) });
  const stuck = logistics({ orderId: 'FN-2', carrier: '德邦物流', trackingNo: 'DPK300001', events: [{ time: ago(5 * 24), location: '佛山', description: '已揽收' }, { time: ago(3 * 24), location: '石家庄分拨中心', description: '到达石家庄分拨中心' }], updatedAt: ago(3 * 24) });
  const split = order({ orderId: 'FN-3', status: 'shipped', items: [{ sku: 'SOFA2', title: '真皮沙发 四人位', quantity: 1, price: '8999.00' }], createdAt: ago(6 * 24), updatedAt: ago(5 * 24) });
  const box1 = logistics({ orderId: 'FN-3', carrier: '德邦物流', trackingNo: 'DPK400001', status: 'delivered', events: [{ time: ago(24), location: '杭州', description: '已签收' }], updatedAt: ago(24) });
  const box2 = logistics({ orderId: 'FN-3', carrier: '德邦物流', trackingNo: 'DPK400002', events: [{ time: ago(30), location: '上海分拨中心', description: '到达上海分拨中心' }], updatedAt: ago(30) });

  test('made to order, 12 days into 20-30: its own terms and the day it is due, never the in-stock 48 hours nor "late"; cancelling follows the shop\'s rule on it', async () => {
    const say = shop({ orders: [sofa(12 * 24)] });
    let text = textOf(await say('我的沙发什么时候发货'));
    assert.match(text, /定制款下单后20-30天内生产完成发货[\s\S]*预计12月15日前发出/);
    assert.doesNotMatch(text, /48小时内发出|比平常慢/);
    text = textOf(await say('不想要了 取消吧'));
    assert.match(text, /开始生产后不支持取消/);
    assert.doesNotMatch(text, /申请退款”取消/);
    // Past its 30 days it is late; without the shop's entry the title's time decides.
    assert.match(textOf(await shop({ orders: [sofa(31 * 24)] })('沙发什么时候发货')), /比平常慢/);
    text = textOf(await shop({ orders: [sofa(12 * 24)] }, [entries[1]!])('沙发什么时候发货'));
    assert.match(text, /这是定制商品[\s\S]*预计12月15日前发出/);
    assert.doesNotMatch(text, /比平常慢/);
  });

  test('a listing that only may be customised is in stock; a shipping entry\'s range is read to its end ("3-5个工作日" is 5 working days)', async () => {
    const pen = sofa(4 * 24, '钢笔 可定制刻字');
    assert.match(textOf(await shop({ orders: [pen] })('钢笔什么时候发货')), /48小时内发出[\s\S]*比平常慢/);
    const ranged: FaqEntry[] = [{ id: 'ship', question: '付款后多久发货？', answer: '付款后3-5个工作日内发货。' }];
    const inStock = sofa(4 * 24, '布艺沙发 三人位');
    assert.doesNotMatch(textOf(await shop({ orders: [inStock] }, ranged)('沙发什么时候发货')), /比平常慢/, '4 days is within 5 working days');
    assert.match(textOf(await shop({ orders: [sofa(9 * 24, '布艺沙发 三人位')] }, ranged)('沙发什么时候发货')), /比平常慢/);
  });

  test('a freight parcel three days at one depot is stalled, and "都3天了还在石家庄 咋回事" is about it', async () => {
    const say = shop({ orders: [freight], logistics: [stuck] });
    assert.match(textOf(await say('我的床到哪了')), /3 天没有更新[\s\S]*人工/);
    await say('不用');
    const text = textOf(await say('都3天了还在石家庄 咋回事'));
    assert.match(text, /DPK300001[\s\S]*3 天没有更新/);
  });

  test('"另一个包裹到哪了" and "我的沙发只到了一半" are the split order\'s parcel still on its way, not "no matching order"', async () => {
    const say = shop({ orders: [split], logistics: [box1, box2] });
    assert.match(textOf(await say('我的沙发到哪了')), /分 2 个包裹/);
    let text = textOf(await say('另一个包裹到哪了'));
    assert.match(text, /DPK400002/);
    assert.doesNotMatch(text, /DPK400001|没有找到/);
    text = textOf(await shop({ orders: [split], logistics: [box1, box2] })('我的沙发只到了一半'));
    assert.match(text, /DPK400002/);
    assert.doesNotMatch(text, /DPK400001|没太理解/);
    assert.match(textOf(await shop({ orders: [split], logistics: [box1, box2] })('where is the other parcel')), /DPK400002/);
    // Sent as one parcel and delivered: something is missing from it, a person's to check.
    const one = order({ ...split, orderId: 'FN-4', status: 'delivered' });
    text = textOf(await shop({ orders: [one], logistics: [logistics({ ...box1, orderId: 'FN-4' })] })('我的沙发只到了一半'));
    assert.match(text, /只发了这一个包裹[\s\S]*人工/);
  });

  test('"一个到了 另一个咋没见着": the one still moving is the missing one, not the delivered one to look for (forty-fifth session)', async () => {
    for (const t of ['沙发到了一半 另一个包裹咋没见着', '一个包裹收到了 另一个怎么还没收到']) {
      const text = textOf(await shop({ orders: [split], logistics: [box1, box2] })(t));
      assert.match(text, /DPK400002/, t);
      assert.doesNotMatch(text, /驿站、快递柜/, t);
    }
    // Nothing said to have come, or only the carrier's word disputed: the delivered parcel is the one to look for (found in review).
    assert.match(textOf(await shop({ orders: [split], logistics: [box1, box2] })('沙发咋没见着 显示签收了')), /驿站、快递柜/);
    for (const t of ['显示到了 但是我没收到', '物流显示到了 可我没收到货啊']) assert.match(textOf(await shop({ orders: [split], logistics: [box1, box2] })(t)), /驿站、快递柜/, t);
  });

  test('another delivery day is no address change: the shop\'s entry on it, or what can be done, with a person', async () => {
    // And a Nanjing shop's (thirty-eighth session: an address change, three times).
    for (const ask of ['能不能改到周六送', '送货时间能改吗', '能不能晚几天送', '能不能改到礼拜三下午送', '我20号那周出差 家里没人 改到25号以后送行不行', '那改日期到底行不行啊，不是改地址，地址不变']) {
      const text = textOf(await shop({ orders: [freight], logistics: [stuck] })(ask));
      assert.match(text, /物流公司联系您预约时告知想要的日期[\s\S]*人工/, ask);
      assert.doesNotMatch(text, /收货地址|地址无法/, ask);
    }
    const text = textOf(await shop({ orders: [freight], logistics: [stuck] })('change the delivery date'));
    assert.match(text, /can't change the delivery day of order FN-2[\s\S]*human agent/);
    assert.match(textOf(await shop({ orders: [freight], logistics: [stuck] })('地址能改吗')), /地址无法在线修改/, 'an address is still an address');
  });

  test('"过了48小时就不管了？", "那我已经拆了", "质量问题也不行吗" right after the shop\'s entry: its words on that condition and a person, not a list or "not understood"', async () => {
    const mattress = order({ orderId: 'FN-5', status: 'delivered', items: [{ sku: 'MAT', title: '乳胶弹簧床垫 1.8m', quantity: 1, price: '2599.00' }] });
    const withRules: FaqEntry[] = [
      ...entries,
      { id: 'damage', question: '收到货有破损怎么办？', answer: '请在签收后48小时内拍照联系客服，我们补发配件或换新。' },
      { id: 'mattress', question: '床垫拆封了还能退吗？', answer: '床垫拆封后影响二次销售，不支持无理由退货，质量问题除外。' },
    ];
    let say = shop({ orders: [mattress] }, withRules);
    assert.match(textOf(await say('床垫到了 有个角压坏了')), /48小时内拍照/);
    let r = await say('过了48小时就不管了？');
    assert.match(textOf(r), /店里的说明是：请在签收后48小时内拍照联系客服[\s\S]*人工客服来看/);
    assert.equal(r.state.offeredHuman, true);
    for (const next of ['那我已经拆了', '质量问题也不行吗']) {
      say = shop({ orders: [mattress] }, withRules);
      assert.match(textOf(await say('床垫拆封了 睡着不舒服 能退吗')), /不支持无理由退货/);
      assert.match(textOf(await say(next)), /店里的说明是：床垫拆封后影响二次销售[\s\S]*转接/, next);
    }
    // Nothing of the answer's condition in it: no exception.
    say = shop({ orders: [mattress] }, withRules);
    await say('送货上楼收费吗');
    r = await say('我已经下单了 什么时候到');
    assert.doesNotMatch(textOf(r), /店里的说明是/);
  });

  test('installing and carrying upstairs, asked beside parcel words, get the shop\'s entry (with a person when asked to arrange it), not the tracking', async () => {
    const say = shop({ orders: [split], logistics: [box1, box2] });
    let text = textOf(await say('我没找到预约安装在哪 你帮我约一下吧'));
    assert.match(text, /都包安装[\s\S]*没法直接帮您预约/);
    assert.doesNotMatch(text, /DPK4000/);
    assert.match(textOf(await say('好的')), /转接人工/);
    text = textOf(await shop({ orders: [split], logistics: [box1, box2] })('到了能给我送到6楼吗 要加钱不'));
    assert.match(text, /每层加收20元/);
    assert.doesNotMatch(text, /DPK4000/);
    assert.match(textOf(await shop({ orders: [split], logistics: [box1, box2] })('who assembles it')), /assembly is free/);
    // No entry on it: the parcel question stands.
    assert.match(textOf(await shop({ orders: [split], logistics: [box1, box2] }, [entries[1]!])('安装师傅跟快递一起到吗 我的沙发到哪了')), /DPK4000/);
  });
});

// Found in review of the furniture shop's fixes: each new reading took ordinary turns.
describe('what the furniture shop\'s fixes must not take (nineteenth session, review)', () => {
  const H = 3600_000;
  const ago = (h: number) => new Date(NOW.getTime() - h * H).toISOString();
  const shipped = order({ orderId: 'O-1', status: 'shipped' });
  const moving = logistics({ orderId: 'O-1', events: [{ time: ago(20), location: '上海', description: '运输中' }] });
  const say = (data: FakeData) => conversation(robotWith(data));

  test('"预计送达时间是哪天", "配送时间多久", "改一下配送方式" are no new delivery day; a delivered order asked for another day is told where it stands', async () => {
    for (const ask of ['预计送达时间是哪天', '配送时间多久', '改一下配送方式 我要顺丰', 'change the delivery method to SF']) {
      assert.doesNotMatch(textOf(await say({ orders: [shipped], logistics: [moving] })(ask)), /送货日期我这边改不了|delivery day/, ask);
    }
    const done = order({ orderId: 'O-3', status: 'delivered' });
    const text = textOf(await say({ orders: [done] })('能不能改到周六送'));
    assert.match(text, /O-3[\s\S]*已签收/);
    assert.doesNotMatch(text, /地址已无法修改/);
  });

  test('定制 as a selling word of goods in stock is no made-to-order: late as any order', async () => {
    for (const title of ['中秋月饼 定制礼盒装 6枚', 'LOGO定制 保温杯 现货', '私人定制 情侣T恤', '钢笔 可以定制刻字', '不锈钢保温杯 (支持个性定制)']) {
      const o = order({ orderId: 'M-1', status: 'paid', items: [{ sku: 'x', title, quantity: 1, price: '99.00' }], updatedAt: ago(5 * 24) });
      const text = textOf(await say({ orders: [o] })('什么时候发货'));
      assert.match(text, /比平常慢/, title);
      assert.doesNotMatch(text, /定制商品/, title);
    }
  });

  test('"另一个包裹能改地址吗", "…的退款到哪了" keep their own question; small talk about being home or away is no chase', async () => {
    const a = order({ orderId: 'FN-3', status: 'shipped' });
    const parcels = [logistics({ orderId: 'FN-3', trackingNo: 'P1', status: 'delivered' }), logistics({ orderId: 'FN-3', trackingNo: 'P2' })];
    assert.match(textOf(await say({ orders: [a], logistics: parcels })('另一个包裹能改地址吗')), /地址/);
    assert.match(textOf(await say({ orders: [a], logistics: parcels, aftersales: [aftersale({ aftersaleId: 'AS-9', orderId: 'FN-3' })] })('另一个包裹的退款到哪了')), /退款申请/);
    for (const remark of ['好的 我这几天一直在家', '我2天了还在出差 晚点收可以吗', '好的 车停在楼下了 到了打电话']) {
      const chat = say({ orders: [shipped], logistics: [moving] });
      await chat('快递到哪了');
      assert.doesNotMatch(textOf(await chat(remark)), /催一下|联系快递公司/, remark);
    }
  });

  test('a service word said in passing keeps the tracking; a service asked beside a parcel question gets both', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'install', question: '包安装吗？', answer: '沙发都包安装，师傅会在货到后48小时内联系您。', alternates: ['谁来安装'] },
      { id: 'upstairs', question: '送货上楼收费吗？', answer: '有电梯免费送货上楼。' },
    ]);
    const chat = () => conversation(createRobot({ dataSource: fakeDataSource({ orders: [shipped], logistics: [moving] }), faq: own, clock: () => NOW }));
    for (const remark of ['物流到哪了 送到1楼就行', '沙发到哪了 师傅说明天上门安装']) {
      const text = textOf(await chat()(remark));
      assert.match(text, /ZTO-1|运输中/, remark);
      assert.doesNotMatch(text, /包安装|免费送货上楼/, remark);
    }
    const text = textOf(await chat()('发货了吗 需要自己安装吗'));
    assert.match(text, /包安装[\s\S]*O-1/);
  });

  test('a parcel to Xinjiang three days between scans is not yet stalled; "3天-5天" is five days; "2" to one question offered hands no one over', async () => {
    const far = order({ orderId: 'X-1', status: 'shipped', receiver: { name: '张三', phone: '13812345678', address: '新疆维吾尔自治区乌鲁木齐市天山区1号' } });
    const slow = logistics({ orderId: 'X-1', events: [{ time: ago(73), location: '兰州', description: '运输中' }] });
    assert.doesNotMatch(textOf(await say({ orders: [far], logistics: [slow] })('快递到哪了')), /没有更新/);
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'ship', question: '付款后多久发货？', answer: '付款后3天-5天发货。' }]);
    const paid = order({ orderId: 'P-1', status: 'paid', updatedAt: ago(4 * 24) });
    assert.doesNotMatch(textOf(await conversation(createRobot({ dataSource: fakeDataSource({ orders: [paid] }), faq: own, clock: () => NOW }))('什么时候发货')), /比平常慢/);
    const chat = shopChat('shop_one_q', [
      { id: 'time', question: '充值多久到账？', answer: '话费和游戏直充一般付款后10分钟内到账，高峰期（月初、晚上8点后）最长24小时。超过24小时未到账请联系人工客服，我们会核实后补充或全额退款。', alternates: ['话费多久到账', '充了怎么还没到'] },
      { id: 'code', question: '卡密在哪里看？', answer: '卡密/激活码自动发货：付款后在【我的订单-订单详情-查看卡密】里查看，同时会发到您下单时填写的手机短信。', alternates: ['卡密在哪', '激活码在哪里查看'] },
      { id: 'refund', question: '虚拟商品可以退款吗？', answer: '虚拟商品一经发货不支持无理由退款。未发货或充值失败的订单会在24小时内原路自动退款。', alternates: ['卡密能退吗'] },
      { id: 'invalid', question: '激活码无效怎么办？', answer: '请先确认兑换平台和区服是否正确，复制时不要带空格。仍提示无效，请截图错误提示并提供订单号，联系人工客服为您核实换码。', alternates: ['激活码用不了', '卡密无效'] },
      { id: 'account', question: '会员充到哪个账号？', answer: '会员直充会充到您下单时填写的手机号或QQ号对应的账号，请登录该账号查看。', alternates: ['会员充到哪里了'] },
      { id: 'en-code', question: 'Where can I find my code?', answer: 'Codes are delivered instantly: open My Orders > Order details > View code. We also text it to the phone number on the order.', alternates: ['where is my code', 'where is my key'] },
      { id: 'en-time', question: 'How long does a top-up take?', answer: 'Mobile and game top-ups usually arrive within 10 minutes, up to 24 hours at peak times.', alternates: ['my top up has not arrived'] },
      { id: 'en-invalid', question: 'My code is invalid, what should I do?', answer: 'Check the region and platform first; if it still fails, send a screenshot and the order number to an agent.', alternates: ['the code does not work'] },
    ]);
    assert.match(textOf(await chat('how long does it usually take')), /Did you mean/);
    const r = await chat('2');
    assert.equal(r.handover, undefined);
  });

  test('an answer with an order\'s data or a person offered is not "from the FAQ" (the queue hears only the FAQ\'s own answers)', async () => {
    const late = order({ orderId: '2024112200001111', status: 'paid', updatedAt: ago(5 * 24) });
    let r = await say({ orders: [late] })('我这单退货地址是哪里？');
    assert.equal(r.fromFaq, undefined, textOf(r));
    r = await say({ orders: [] })('退货地址是哪里？');
    assert.equal(r.fromFaq, true, textOf(r));
  });
});

describe('when an order was placed, and both of them after one was picked (nineteenth session, noted before)', () => {
  const scarf = order({ orderId: 'SO-A1', status: 'shipped', totalAmount: '320.00', items: [{ sku: 'a', title: '羊毛围巾', quantity: 1, price: '320.00' }], createdAt: '2024-11-20T10:00:00+08:00' });
  const cup = order({ orderId: 'SO-B2', status: 'paid', totalAmount: '89.00', items: [{ sku: 'b', title: '保温杯', quantity: 1, price: '89.00' }], createdAt: '2024-11-25T10:00:00+08:00' });
  const data = { orders: [scarf, cup], logistics: [logistics({ orderId: 'SO-A1' })] };

  test('"320那单是啥时候下的" is when it was ordered (its status), not when it arrives', async () => {
    const text = textOf(await conversation(robotWith(data))('320那单是啥时候下的'));
    assert.match(text, /SO-A1[\s\S]*下单时间 11-20 10:00/);
    assert.doesNotMatch(text, /SO-B2|一般 1-3 天送达/);
  });

  test('"两个都查一下" after one order answered without a list answers every open order', async () => {
    const say = conversation(robotWith(data));
    assert.match(textOf(await say('我的围巾到哪了')), /SO-A1/);
    const text = textOf(await say('两个都查一下'));
    assert.match(text, /SO-B2/);
    assert.match(text, /SO-A1/);
  });
});

// Found from outside (the nineteenth session's tester, a shop of top-ups, codes and memberships).
describe('digital goods: top-ups, codes and memberships have no parcel (nineteenth session)', () => {
  const H = 3600_000;
  const ago = (h: number) => new Date(NOW.getTime() - h * H).toISOString();
  const virt = { name: '李', phone: '13800000000', address: '北京市朝阳区建国路1号' };
  const entries: FaqEntry[] = [
    { id: 'time', question: '充值多久到账？', answer: '话费和游戏直充一般付款后10分钟内到账，高峰期最长24小时。', alternates: ['话费多久到账'] },
    { id: 'code', question: '卡密在哪里看？', answer: '卡密/激活码自动发货：付款后在【我的订单-订单详情-查看卡密】里查看。', alternates: ['卡密在哪', '激活码在哪里查看'] },
    { id: 'invalid', question: '激活码无效怎么办？', answer: '请先确认兑换平台和区服是否正确；仍提示无效，请截图并提供订单号联系人工客服换码。', alternates: ['激活码用不了'] },
    { id: 'en-code', question: 'Where can I find my code?', answer: 'Codes are delivered instantly: open My Orders > Order details > View code.', alternates: ['where is my code'] },
    { id: 'ship', question: '付款后多久发货？', answer: '实体卡付款后48小时内顺丰发出。' },
  ];
  const digital = (id: string, status: Order['status'], title: string, hoursAgo: number) => order({ orderId: id, status, receiver: virt, items: [{ sku: id, title, quantity: 1, price: '99.50' }], createdAt: ago(hoursAgo), updatedAt: ago(hoursAgo) });
  const shop = (data: FakeData) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  };
  const topUp = digital('D1', 'paid', '中国移动话费充值 100元 (24小时内到账)', 2);

  test('a top-up not credited yet: no parcel, the shop\'s entry on how soon, late only past its day, with a person', async () => {
    const say = shop({ orders: [topUp] });
    let text = textOf(await say('我充的话费怎么还没到'));
    assert.match(text, /D1[\s\S]*虚拟商品，不走快递[\s\S]*10分钟内到账/);
    assert.doesNotMatch(text, /物流|48 小时|48小时|送达|快递员/);
    text = textOf(await say('那多久能到'));
    assert.doesNotMatch(text, /2-4 天|发出后/);
    const late = digital('D21', 'paid', '爱奇艺黄金会员月卡 1个月 直充', 58);
    const r = await shop({ orders: [late] })('爱奇艺会员什么时候能到');
    assert.match(textOf(r), /58 小时还没有到账[\s\S]*人工/);
    assert.equal(r.state.offeredHuman, true);
  });

  test('"话费到账了吗" is the top-up, not an old refund; "密钥激活不了", "my psn code still not here" are the order, not the coupon text', async () => {
    const old = digital('D3', 'cancelled', '中国联通话费充值 50元', 72);
    let text = textOf(await shop({ orders: [topUp, old], aftersales: [aftersale({ aftersaleId: 'AS3', orderId: 'D3', status: 'refunded', amount: '49.80' })] })('话费到账了吗'));
    assert.match(text, /D1[\s\S]*还没有发放或到账/);
    assert.doesNotMatch(text, /退款|49\.80/);
    const key = digital('D12', 'completed', '【自动发货】Windows 11 专业版 激活密钥 永久 1PC', 14 * 24);
    text = textOf(await shop({ orders: [key] })('密钥激活不了'));
    assert.match(text, /D12[\s\S]*已经发放[\s\S]*查看卡密[\s\S]*转接人工/);
    assert.doesNotMatch(text, /优惠券|签收/);
    const psn = digital('D31', 'paid', 'PlayStation Store Gift Card $20 (US) digital code', 1);
    text = textOf(await shop({ orders: [psn] })('my psn code still not here'));
    assert.match(text, /D31[\s\S]*digital item/);
    assert.doesNotMatch(text, /Coupons|coupon|ship within 48/);
  });

  test('"where is my code" with only digital orders is the shop\'s entry; "steam的卡密在哪" of a delivered card is where the code is; a posted card keeps its parcel', async () => {
    const steam = digital('D11', 'delivered', 'Steam钱包充值卡 $50 美区 【自动发货】', 30);
    const key = digital('D12', 'completed', '【自动发货】Windows 11 专业版 激活密钥 永久 1PC', 14 * 24);
    assert.match(textOf(await shop({ orders: [steam, key] })('where is my code')), /Order details > View code/);
    const text = textOf(await shop({ orders: [steam, key] })('steam的卡密在哪'));
    assert.match(text, /D11[\s\S]*已经发放[\s\S]*查看卡密/);
    assert.doesNotMatch(text, /签收|哪一个/);
    const posted = order({ orderId: 'D20', status: 'shipped', items: [{ sku: 'J', title: '【实体卡】京东E卡 500元 实体礼品卡 顺丰包邮', quantity: 1, price: '500.00' }] });
    assert.match(textOf(await shop({ orders: [posted], logistics: [logistics({ orderId: 'D20', carrier: '顺丰速运', trackingNo: 'SF100200' })] })('京东卡寄到哪了')), /SF100200/);
    // Goods with 会员 in the title are no membership ("会员专享 羊毛衫"), a wallet is no top-up.
    const sweater = order({ orderId: 'W1', status: 'paid', items: [{ sku: 'S', title: '会员专享 羊毛衫', quantity: 1, price: '299.00' }, { sku: 'B', title: '真皮钱包', quantity: 1, price: '199.00' }], updatedAt: ago(72) });
    assert.match(textOf(await shop({ orders: [sweater] })('我的毛衣什么时候发货')), /48小时内顺丰发出[\s\S]*比平常慢/);
  });
});

// Found from outside (the nineteenth session's second tester, a shop of flowers and cakes its riders bring).
describe('a flowers and cakes shop: a chosen day and time slot, notes for the order, and what a person needs (nineteenth session)', () => {
  const at = (iso: string) => new Date(iso);
  const e = (id: string, question: string, answer: string, alternates: string[] = []): FaqEntry => ({ id, question, answer, alternates });
  const entries: FaqEntry[] = [
    e('card', '贺卡怎么写？', '每单免费赠送贺卡一张。已下单的可以把留言内容直接发给客服，我们手写后随花送出。', ['贺卡写什么']),
    e('wilt', '收到花蔫了怎么办？', '很抱歉！请在签收后2小时内拍照发给客服，我们免费重新制作补送一束，或者全额退款。', ['花蔫了']),
    e('date', '能改配送日期吗？', '可以。原定送达日前一天20:00前联系客服即可免费改期一次。', ['可以改期吗']),
    e('ship', '付款后多久发货？', '鲜花和蛋糕不走快递，按您选择的送达日期和时段由骑手送达。永生花付款后48小时内顺丰发出。'),
    e('slot', '可以指定送达时间吗？', '可以。下单时选择送达日期和时间段。', ['几点送到']),
  ];
  const shop = (data: FakeData, now: Date) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => now }));
  };
  const bouquet = (title: string) => order({ orderId: 'F1', status: 'paid', items: [{ sku: 'f', title, quantity: 1, price: '199.00' }], createdAt: '2024-12-03T15:00:00+08:00', updatedAt: '2024-12-03T15:00:00+08:00' });
  const tonight = bouquet('【同城鲜花】郁金香花束 送达日期12月4日 18:00-21:00');

  test('a bouquet due in a slot is told that slot, never courier terms; past it, an apology and a person', async () => {
    let text = textOf(await shop({ orders: [tonight] }, at('2024-12-04T20:50:00+08:00'))('花怎么还没到啊 都快九点了'));
    assert.match(text, /同城配送[\s\S]*12月4日 18:00-21:00 送达[\s\S]*还在预约的送达时间内/);
    assert.doesNotMatch(text, /顺丰|48小时|物流信息|2-4 天/);
    const r = await shop({ orders: [tonight] }, at('2024-12-04T21:30:00+08:00'))('花怎么还没到');
    assert.match(textOf(r), /已经过了预约的送达时间[\s\S]*人工/);
    assert.equal(r.state.offeredHuman, true);
    text = textOf(await shop({ orders: [bouquet('【同城鲜花】粉色芍药花束 Pink peony bouquet 送达日期12月5日')] }, at('2024-12-04T20:00:00+08:00'))('my order is for tomorrow, will it arrive before 10?'));
    assert.match(text, /local delivery[\s\S]*Dec 5/);
    assert.doesNotMatch(text, /48 hours|2-4 days/);
    // A gift sent nationwide by courier is no local delivery.
    const posted = bouquet('永生花礼盒 玫瑰小熊款（全国顺丰）');
    assert.doesNotMatch(textOf(await shop({ orders: [posted] }, at('2024-12-04T20:00:00+08:00'))('什么时候发货')), /同城配送/);
  });

  test('"好的 那就改到后天 上午" to a person offered hands over; "好 我再等等" declines; "好的 我明天再来问" is no yes', async () => {
    const due = bouquet('【同城鲜花】33朵红玫瑰花束 送达日期12月5日 09:00-12:00');
    let say = shop({ orders: [due] }, at('2024-12-04T10:00:00+08:00'));
    assert.match(textOf(await say('能改到后天送吗')), /改期[\s\S]*人工/);
    assert.equal((await say('好的 那就改到后天 上午')).handover?.reason, 'requested');
    say = shop({ orders: [tonight] }, at('2024-12-04T20:50:00+08:00'));
    await say('花怎么还没到');
    const r = await say('好 我再等等');
    assert.equal(r.handover, undefined);
    assert.doesNotMatch(textOf(r), /没太理解/);
  });

  test('a card\'s message or a delivery instruction is noted by a person, with the shop\'s entry on cards', async () => {
    const due = bouquet('【同城鲜花】33朵红玫瑰花束 送达日期12月5日 09:00-12:00');
    let r = await shop({ orders: [due] }, at('2024-12-04T10:00:00+08:00'))('贺卡上写生日快乐 署名小王');
    assert.match(textOf(r), /手写后随花送出[\s\S]*备注到订单上/);
    assert.equal(r.state.offeredHuman, true);
    r = await shop({ orders: [due] }, at('2024-12-04T10:00:00+08:00'))('明天的花送达前别给收花人打电话 是惊喜');
    assert.match(textOf(r), /备注到订单上/);
    assert.equal(r.handover, undefined);
  });

  test('wilted flowers: the shop\'s entry, the refund already asked, a person; "那怎么办" then hands over', async () => {
    const got = order({ orderId: 'F2', status: 'delivered', items: [{ sku: 'f', title: '【同城鲜花】向日葵混搭花束', quantity: 1, price: '199.00' }] });
    const say = shop({ orders: [got], aftersales: [aftersale({ aftersaleId: 'AS2', orderId: 'F2', status: 'requested', reason: '花到了都蔫了' })] }, at('2024-12-04T10:00:00+08:00'));
    const text = textOf(await say('花到了都蔫了 叶子全黄了'));
    assert.match(text, /2小时内拍照[\s\S]*退款申请（订单 F2）[\s\S]*转人工/);
    // A request for something else is not this one (found in review).
    const other = shop({ orders: [got], aftersales: [aftersale({ aftersaleId: 'AS3', orderId: 'F2', status: 'requested', reason: '不想要了' })] }, at('2024-12-04T10:00:00+08:00'));
    assert.doesNotMatch(textOf(await other('花到了都蔫了')), /退款申请（订单 F2）/);
    assert.equal((await say('那怎么办')).handover?.reason, 'requested');
    // In English, a cake that arrived crushed is goods in trouble, not its delivery status.
    const cake = order({ orderId: 'F8', status: 'delivered', items: [{ sku: 'c', title: 'Red velvet cake', quantity: 1, price: '268.00' }] });
    assert.match(textOf(await shop({ orders: [cake] }, at('2024-12-04T10:00:00+08:00'))('the cake arrived completely crushed')), /damaged|human/);
  });

  test('asked for the FAQ only (a buyer waiting in the queue): questions of delivery days and cancelling are the shop\'s entries; one about the buyer\'s own order is not answered', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [tonight] }), faq: own, clock: () => at('2024-12-04T10:00:00+08:00') });
    const ask = (text: string) => robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-q', text, faqOnly: true });
    for (const q of ['能改配送日期吗？', '可以指定送达时间吗？']) {
      const r = await ask(q);
      assert.equal(r.fromFaq, true, `${q}: ${textOf(r)}`);
    }
    assert.equal((await ask('我的花什么时候到')).fromFaq, undefined);
    assert.equal((await ask('转人工')).fromFaq, undefined);
  });

  test('"钱退给我了吗" with no request and one cancelled order is that order\'s money; "确定取消" after how to cancel goes to a person', async () => {
    const open = order({ orderId: 'F1001', status: 'paid', items: [{ sku: 'a', title: '红玫瑰花束', quantity: 1, price: '399.00' }] });
    const gone = order({ orderId: 'F1002', status: 'cancelled', items: [{ sku: 'b', title: '香水百合花束', quantity: 1, price: '199.00' }] });
    assert.match(textOf(await conversation(robotWith({ orders: [open, gone], aftersales: [] }))('钱退给我了吗')), /F1002 已经取消了，款项会原路退回/);
    const say = conversation(robotWith({ orders: [open, gone], aftersales: [] }));
    assert.match(textOf(await say('我要取消订单')), /申请退款/);
    assert.equal((await say('确定取消')).handover?.reason, 'requested');
    // A question about cancelling is not "do it for me".
    const ask = conversation(robotWith({ orders: [open, gone], aftersales: [] }));
    await ask('我要取消订单');
    assert.equal((await ask('取消的话钱多久到')).handover, undefined);
  });

  test('"what happens if the recipient doesnt answer the phone" is no address change; "地址填错了", "送到公司可以吗" are', async () => {
    const due = bouquet('【同城鲜花】粉色芍药花束 送达日期12月5日');
    assert.doesNotMatch(textOf(await shop({ orders: [due] }, at('2024-12-04T10:00:00+08:00'))('what happens if the recipient doesnt answer the phone')), /change the address/);
    for (const ask of ['地址填错了', '送到公司可以吗']) assert.match(textOf(await shop({ orders: [due] }, at('2024-12-04T10:00:00+08:00'))(ask)), /收货地址|地址/, ask);
  });
});

// Found from outside (the nineteenth session's third tester, a cross-border import shop).
describe('a cross-border shop: customs, goods sent from abroad, codes on the goods (nineteenth session)', () => {
  const H = 3600_000;
  const ago = (h: number) => new Date(NOW.getTime() - h * H).toISOString();
  const e = (id: string, question: string, answer: string, alternates: string[] = []): FaqEntry => ({ id, question, answer, alternates });
  const entries: FaqEntry[] = [
    e('time', '清关需要多久？', '海外直邮包裹清关一般3-7个工作日，清关期间物流信息可能几天不更新，属于正常情况。', ['清关要多久']),
    e('tax', '要交税吗？', '跨境商品需缴纳跨境综合税，税费已含在商品价格中，收货时不需要另外付钱。', ['要交税吗', '税费怎么算']),
    e('trace', '怎么辨别正品？', '所有商品均可扫描包装上的溯源码查询来源，支持海关备案查询。', ['溯源码怎么扫', '是正品吗']),
    e('id', '为什么要身份证？', '跨境商品清关需要订购人实名信息，订购人须与支付人一致，请在订单详情页上传身份证。', ['身份证在哪上传']),
  ];
  const shop = (data: FakeData) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  };
  const milk = order({ orderId: 'KJ1', status: 'shipped', items: [{ sku: 'a', title: '【海外直邮】a2白金奶粉 3段 澳洲直邮', quantity: 1, price: '298.00' }] });
  const inCustoms = logistics({ orderId: 'KJ1', carrier: 'EMS国际', trackingNo: 'EA123456789AU', events: [{ time: ago(10 * 24), location: '悉尼', description: '已交航' }, { time: ago(4 * 24), location: '上海浦东海关', description: '清关中' }] });

  test('"清关到哪一步了", "清关好了没" are the parcel\'s latest event, not "no after-sales request"; four days in customs is not yet late', async () => {
    for (const ask of ['我的奶粉清关到哪一步了', '清关好了没']) {
      const text = textOf(await shop({ orders: [milk], logistics: [inCustoms] })(ask));
      assert.match(text, /EA123456789AU[\s\S]*清关中/, ask);
      assert.doesNotMatch(text, /售后申请|没有更新/, ask);
    }
    const text = textOf(await shop({ orders: [milk], logistics: [inCustoms] })('清关正常要几天'));
    assert.match(text, /3-7个工作日/);
    assert.doesNotMatch(text, /1-3 天|没有更新了/);
    // From Shenzhen to Hong Kong, customs is a day or two: four days at "快件清关中" is late (a Shenzhen shop, forty-third session).
    const toHk = { ...milk, receiver: { name: '陳生', phone: '91234567', address: '香港九龍旺角彌敦道 600 號' } };
    assert.match(textOf(await shop({ orders: [toHk], logistics: [inCustoms] })('係咪卡咗喺海關？')), /没有更新|沒有更新/);
  });

  test('a parcel sent from abroad is never promised "1-3 days"; a foreign post keeps its own name in English', async () => {
    const serum = order({ orderId: 'KJ2', status: 'shipped', items: [{ sku: 'b', title: '【海外直邮】雪花秀精华 韩国直邮', quantity: 1, price: '598.00' }] });
    const text = textOf(await shop({ orders: [serum], logistics: [logistics({ orderId: 'KJ2', carrier: '韩国邮政', trackingNo: 'KR111', events: [{ time: ago(30), location: '仁川', description: '已交航，等待起飞' }] })] })('多久能到'));
    assert.match(text, /承运商和清关为准/);
    assert.doesNotMatch(text, /1-3 天/);
    const jp = order({ orderId: 'KJ3', status: 'shipped', items: [{ sku: 'c', title: 'Shiseido serum 【海外直邮】', quantity: 1, price: '500.00' }] });
    assert.match(textOf(await shop({ orders: [jp], logistics: [logistics({ orderId: 'KJ3', carrier: '日本邮政EMS', trackingNo: 'EJ9' })] })('where is my parcel')), /Japan Post/);
  });

  test('a code on the goods is the shop\'s entry, not a coupon; "我妈的身份证" is no abuse; a skin reaction after use is goods in trouble; a name for customs is no address change', async () => {
    const sk = order({ orderId: 'KJ4', status: 'delivered', items: [{ sku: 'd', title: 'SK-II神仙水 230ml 保税仓发货', quantity: 1, price: '1299.00' }] });
    let text = textOf(await shop({ orders: [sk] })('溯源码在哪扫'));
    assert.match(text, /溯源码查询来源/);
    assert.doesNotMatch(textOf(await shop({ orders: [sk] })('盒子上没找到溯源码啊')), /优惠券/);
    const r = await shop({ orders: [sk] })('我用我妈的身份证下单可以吗');
    assert.notEqual(r.intent, 'complaint');
    assert.equal(r.handover, undefined);
    text = textOf(await shop({ orders: [sk] })('神仙水用了过敏 脸都红了'));
    assert.match(text, /转人工/);
    assert.doesNotMatch(textOf(await shop({ orders: [milk], logistics: [inCustoms] })('是我老公付的款 要改成他的名字吗')), /改派|地址无法/);
  });
});

// Found in review of the digital-goods and flower-shop fixes: ordinary goods must keep their parcels.
describe('what the digital and local readings must not take (nineteenth session, second review)', () => {
  test('goods whose titles share a word with codes or riders are posted goods: their tracking, their shipping terms', async () => {
    for (const title of ['波点卡通连衣裙', '数显电子卡尺', 'VIP卡套 会员卡包', 'VR眼镜 虚拟现实', 'License Plate Frame', 'Birthday Gift Card Set with Envelopes', 'Coffee Beans Subscription Box', 'USB Recharge Hand Warmer']) {
      const o = order({ orderId: 'T-1', status: 'shipped', items: [{ sku: 'x', title, quantity: 1, price: '99.00' }] });
      assert.match(textOf(await conversation(robotWith({ orders: [o], logistics: [logistics({ orderId: 'T-1' })] }))('我的快递到哪了')), /ZTT-1/, title);
    }
    for (const title of ['摩托车骑手服', '【当日达】蒙牛纯牛奶', '【预售】年货坚果礼盒 配送时间12月20日开始']) {
      const o = order({ orderId: 'T-2', status: 'paid', items: [{ sku: 'x', title, quantity: 1, price: '99.00' }] });
      assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [o] }))('什么时候发货')), /同城配送/, title);
    }
  });

  test('an order whose receiver cannot be decrypted (a PII key missing on this node) is still answered: its parcel and its estimate, a stall too (found in CI)', async () => {
    const o = order({ orderId: 'T-9', status: 'shipped' });
    Object.defineProperty(o, 'receiver', { enumerable: true, get: () => { throw new Error('no key for this receiver'); } });
    const quiet = logistics({ orderId: 'T-9', events: [{ time: '2024-11-20T10:00:00+08:00', location: '杭州', description: '运输中' }] });
    for (const ask of ['我的快递到哪了', '多久能到']) {
      const text = textOf(await conversation(robotWith({ orders: [o], logistics: [quiet] }))(ask));
      assert.match(text, /T-9/, ask);
    }
    // A status answer carries the order's card: the card leaves the receiver out rather than handing over.
    const paid = order({ orderId: 'T-8', status: 'paid' });
    Object.defineProperty(paid, 'receiver', { enumerable: true, get: () => { throw new Error('no key for this receiver'); } });
    for (const ask of ['我的订单怎么样了', '我想改地址']) {
      const r = await conversation(robotWith({ orders: [paid] }))(ask);
      assert.match(textOf(r), /T-8/, ask);
      assert.equal(r.handover, undefined, ask);
      const card = r.replies.find((x) => x.card?.kind === 'order')?.card;
      assert.ok(card && !('receiver' in card), ask);
    }
    // A phone's tail cannot be checked: it narrows nothing, and the one order is answered.
    const tail = await conversation(robotWith({ orders: [paid] }))('尾号5678的订单');
    assert.equal(tail.handover, undefined);
    assert.match(textOf(tail), /T-8/);
  });

  test('an address change in other words is still one; a coupon code is no digital order; a complaint about a note is no note', async () => {
    const o = order({ orderId: 'O-1', status: 'paid' });
    for (const ask of ['收货地址写成老家了', '地址少写了门牌号', 'chg addr pls', 'please ship to my work address instead', 'typo in my zip code']) {
      assert.match(textOf(await conversation(robotWith({ orders: [o] }))(ask)), /change the address|修改收货地址/, ask);
    }
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [o] }))('where do i put the code')), /digital item/);
    const got = order({ orderId: 'O-2', status: 'delivered' });
    for (const ask of ['我备注了要发顺丰，结果发了中通', '快递员直接放快递柜了 我根本没收到通知', 'please note I was charged twice for this order']) {
      assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [got], logistics: [logistics({ orderId: 'O-2', status: 'delivered' })] }))(ask)), /备注到订单上|add notes/, ask);
    }
  });

  test('the corpus\'s own turns the new readings must not take: a recipient\'s phone changed, a typed tracking number, money after a return, a pet\'s allergy, pinyin shorthand', async () => {
    const shipped = order({ orderId: 'TG1001' });
    const paid = order({ orderId: 'TG1002', status: 'paid' });
    const data = { orders: [shipped, paid], logistics: [logistics({ orderId: 'TG1001' })], aftersales: [aftersale({ aftersaleId: 'AS1', orderId: 'TG1001' })] };
    for (const ask of ['收货人电话填错了', '我要改收货人名字', 'change the recipient name']) assert.match(textOf(await conversation(robotWith(data))(ask)), /收货地址|change the address|哪一个|Which of these/, ask);
    assert.match(textOf(await conversation(robotWith(data))('Tracking LX 0099 8812 3CN stuck in customs')), /LX009988123CN/);
    assert.match(textOf(await conversation(robotWith(data))('you got my parcel back, so where is the money')), /refund request/);
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('你好，我家猫对鸡肉过敏，我下单的时候没注意成分，到了我原封不动寄回去可以吗')), /商品损坏、有质量问题/);
    for (const ask of ['fa shen me kd', 'kd ming tian neng song dao ma']) {
      const r = await conversation(robotWith(data))(ask);
      assert.equal(r.lang, 'zh', `${ask}: ${textOf(r)}`);
    }
  });

  test('third review: a wait with a comma declines; only a recent cancel answers a plain refund question; an account number is no order; cleared customs stalls again; check-them-all words; a note with "但是"', async () => {
    const a = { orders: [order({ orderId: 'TG1001' }), order({ orderId: 'TG1002', status: 'paid', items: [{ sku: 'S2', title: '纯棉T恤 白色 M', quantity: 1, price: '59.00' }] })], logistics: [logistics({ orderId: 'TG1001' })], aftersales: [] };
    for (const w of ['好的，我再等等', 'ok，我再等等', '那我等等吧']) {
      const say = conversation(robotWith(a));
      await say('物流三天没更新了，什么情况');
      const r = await say(w);
      assert.equal(r.handover, undefined, w);
      assert.match(textOf(r), /还有什么可以帮您/, w);
    }
    const old = { ...a, orders: [order({ orderId: 'TG1003', status: 'cancelled', updatedAt: '2024-06-27T10:00:00+08:00' }), ...a.orders] };
    for (const ask of ['退货寄回去一周了还没退款', 'where is my refund']) assert.doesNotMatch(textOf(await conversation(robotWith(old))(ask)), /TG1003/, ask);
    const topUp = order({ orderId: 'D1', status: 'paid', items: [{ sku: 'c', title: '中国移动话费充值 100元', quantity: 1, price: '99.00' }], updatedAt: '2024-11-25T09:00:00+08:00' });
    assert.match(textOf(await conversation(robotWith({ orders: [topUp] }))('充值账号 8800123456 话费还没到账')), /D1[\s\S]*还没有到账/);
    const cleared = logistics({ orderId: 'TG1001', events: [{ time: '2024-11-21T10:00:00+08:00', location: '上海', description: '清关完成，已交国内快递派送' }] });
    assert.match(textOf(await conversation(robotWith({ orders: [order({ orderId: 'TG1001' })], logistics: [cleared] }))('快递到哪了')), /没有更新/);
    for (const all of ['都查查', 'all']) {
      const say = conversation(robotWith(a));
      await say('T恤发货了吗');
      assert.match(textOf(await say(all)), /TG1001[\s\S]*TG1002/, all);
    }
    const say = conversation(robotWith(a));
    await say('T恤那单怎么取消');
    assert.equal((await say('帮我把耳机那单取消')).handover, undefined);
    assert.doesNotMatch(textOf(await conversation(robotWith(a))('我用了三年了从来没过敏过 回购')), /商品损坏、有质量问题/);
  });

  test('"好的 不用了 我明天自己去改地址" declines; "要 我等着" is no decline; plain follow-ups after an entry are no exception; a stuck parcel still asks for a chase', async () => {
    const o = order({ orderId: 'O-1', status: 'paid' });
    let say = conversation(robotWith({ orders: [o] }));
    await say('怎么还没发货');
    assert.equal((await say('好的 不用了 我明天自己去改地址')).handover, undefined);
    say = conversation(robotWith({ orders: [o] }));
    await say('怎么还没发货');
    assert.doesNotMatch(textOf(await say('要 我等着')), /还有什么可以帮您/);
    for (const [first, next] of [['运费怎么算', '超过99包邮吗'], ['尺码怎么选？', '我已经穿M了 还要大一码吗'], ['怎么开发票？', '已经确认收货了']] as const) {
      const chat = conversation(robotWith({ orders: [o] }));
      await chat(first);
      assert.doesNotMatch(textOf(await chat(next)), /店里的说明是/, next);
    }
    const moving = order({ orderId: 'T-1', status: 'shipped' });
    for (const ask of ['新买的这单物流好像停在半路了，能帮我问问快递吗', '物流卡在转运中心不走了是闹哪样', 'package 停在 hub 三天了']) {
      assert.match(textOf(await conversation(robotWith({ orders: [moving], logistics: [logistics({ orderId: 'T-1' })] }))(ask)), /催一下|chase/, ask);
    }
  });
});

describe('an apparel shop and an online pharmacy (twentieth session, outside testers)', () => {
  const paid = order({ orderId: 'P-1', status: 'paid', createdAt: '2024-11-24T09:00:00+08:00', updatedAt: '2024-11-24T09:00:00+08:00' });

  test('"不用" after a message not understood, and "不用 我自己等" to a chase offered, decline without a person', async () => {
    let say = conversation(robotWith({ orders: [paid] }));
    assert.ok((await say('胡说八道乱码qwe')).replies.length);
    const no = await say('不用');
    assert.equal(no.handover, undefined);
    assert.match(textOf(no), /还有什么可以帮您/);
    say = conversation(robotWith({ orders: [paid] }));
    assert.match(textOf(await say('怎么还没发货')), /转接人工|催/);
    const waits = await say('不用 我自己等');
    assert.equal(waits.handover, undefined);
    assert.match(textOf(waits), /还有什么可以帮您/);
  });

  test('a dose, who may take it, a reaction after taking it: no advice and no order card, a person (a reaction ahead in the queue)', async () => {
    const vitamins = order({ orderId: 'V-1', status: 'delivered', items: [{ sku: 'v', title: 'Centrum Women multivitamin 100 tablets', quantity: 1, price: '168.00' }] });
    const data = { orders: [vitamins], logistics: [logistics({ orderId: 'V-1', status: 'delivered' })] };
    for (const ask of ['这个药一天吃几次啊', '孕妇能吃维生素D吗', '胰岛素打多少单位合适 我血糖15', 'how many centrum tablets per day', '布洛芬和连花清瘟能一起吃吗']) {
      const r = await conversation(robotWith(data))(ask);
      assert.equal(r.handover?.reason, 'requested', ask);
      assert.match(textOf(r), /医生或药师|doctor or pharmacist/, ask);
      assert.ok(!r.replies.some((x) => x.card), ask);
    }
    for (const ask of ['吃了连花清瘟身上起疹子了 过敏了', '戴隐形眼镜眼睛红了还能戴吗']) {
      const r = await conversation(robotWith(data))(ask);
      assert.equal(r.handover?.reason, 'complaint', ask);
      assert.match(textOf(r), /停止使用/, ask);
    }
    // Not health: a coupon "还能用吗", two coupons together, how to eat a snack, a typo of "does", a skin reaction with a return asked.
    for (const ask of ['优惠券还能用吗', '能同时用两张券吗', '这个零食怎么吃', 'refund still pendng, how long dose it take to hit my card', '纸尿裤用了两片就起红疹子了，没开的那包能不能退']) {
      const r = await conversation(robotWith(data))(ask);
      assert.doesNotMatch(textOf(r), /医生或药师|doctor or pharmacist|停止使用/, ask);
    }
    // The shop's own confident entry answers it.
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'p', question: '孕妇能吃维生素D吗？', answer: '孕期补充维生素D请遵医嘱，一般每日400单位。' }]);
    const r = await conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }))('孕妇能吃维生素D吗');
    assert.match(textOf(r), /遵医嘱/);
  });

  test('asked for a pharmacist or a doctor by trade: a person; asked about their hours: not', async () => {
    for (const ask of ['我要找药师', '帮我转药师', '我要跟药师说话', 'ok get me a pharmacist pls']) {
      assert.equal((await conversation(robotWith({ orders: [paid] }))(ask)).handover?.reason, 'requested', ask);
    }
    assert.equal((await conversation(robotWith({ orders: [paid] }))('药师几点上班')).handover, undefined);
  });

  test('pinyin with words the table lacks beside one it knows stays Chinese; "啥意思 我看不懂英文" switches to Chinese; English of pinyin letters stays English', async () => {
    for (const ask of ['xuetangyi keyi kai fapiao ma']) assert.equal(detectLanguage(ask).lang, 'zh', ask);
    // English words split into syllables too: never Chinese without a word the pinyin table knows (found in review).
    for (const ask of ['Do you do engraving?', 'change the color', 'he can be one', 'the banana arrived rotten', 'waiting since june', 'Sending to Canada?', 'manager come here', 'waiting to go home', 'pending since june']) assert.equal(detectLanguage(ask).lang, 'en', ask);
    const say = conversation(robotWith({ orders: [paid] }));
    await say('where is my package');
    assert.equal((await say('啥意思 我看不懂英文')).lang, 'zh');
  });

  test('a question about other goods right after an order\'s answer is that question, not the same answer for their order', async () => {
    const dress = order({ orderId: 'D-1', status: 'pending_payment', items: [{ sku: 'd', title: '法式碎花连衣裙 黑色 M码', quantity: 1, price: '259.00' }] });
    const shoes = order({ orderId: 'S-1', status: 'paid', items: [{ sku: 's', title: '经典小白鞋 白色 38码', quantity: 1, price: '399.00' }] });
    const say = conversation(robotWith({ orders: [dress, shoes] }));
    assert.match(textOf(await say('小白鞋地址填错了 能改吗')), /S-1/);
    for (const ask of ['裙子有色差吗']) assert.doesNotMatch(textOf(await say(ask)), /修改收货地址|change the address/, ask);
  });
});

describe('goods that keep, and a prescription under review (twentieth session, pharmacy)', () => {
  test('"保质期到什么时候" is the goods\' question, not an arrival; a prescription\'s review is the order\'s standing, not after-sales', async () => {
    const drops = order({ orderId: 'VD-1', status: 'delivered', items: [{ sku: 'vd', title: '星鲨 维生素D滴剂 400单位*60粒', quantity: 1, price: '39.90' }] });
    const rx = order({ orderId: 'RX-1', status: 'paid', items: [{ sku: 'rx', title: '【处方药】立普妥 阿托伐他汀钙片 20mg*7片', quantity: 1, price: '61.50' }] });
    const data = { orders: [drops, rx], logistics: [logistics({ orderId: 'VD-1', status: 'delivered' })] };
    for (const ask of ['维生素D滴剂保质期到什么时候', '连花清瘟有效期到什么时候']) {
      const r = await conversation(robotWith(data))(ask);
      assert.notEqual(r.intent, 'delivery_estimate', ask);
      assert.ok(!r.replies.some((x) => x.card?.kind === 'logistics'), ask);
    }
    const review = await conversation(robotWith(data))('我的处方药审核通过了吗');
    assert.equal(review.intent, 'order_status');
    assert.match(textOf(review), /RX-1/);
  });
});

describe('after one order was answered (twentieth session, apparel shop)', () => {
  const shoes = order({ orderId: 'S-42', status: 'shipped', items: [{ sku: 's', title: '男士复古板鞋 白色 42码', quantity: 1, price: '459.00' }] });
  const tees = order({ orderId: 'T-L', status: 'delivered', createdAt: '2024-11-20T09:00:00+08:00', items: [{ sku: 't', title: '纯棉圆领T恤 黑色 L码', quantity: 2, price: '89.00' }] });
  const data = { orders: [shoes, tees], logistics: [logistics({ orderId: 'S-42' }), logistics({ orderId: 'T-L', status: 'delivered' })] };

  test('"两个都查" after one was picked from the list answers both (the README\'s own example)', async () => {
    for (const pick of ['鞋子那个', '第一个']) {
      const say = conversation(robotWith(data));
      await say('帮我查下订单');
      await say(pick);
      for (const all of ['两个都查']) assert.match(textOf(await say(all)), /S-42[\s\S]*T-L|T-L[\s\S]*S-42/, `${pick} → ${all}`);
    }
  });

  test('delivery to another place after talking of a delivered order is the order still coming', async () => {
    const say = conversation(robotWith(data));
    await say('那T恤那单呢');
    const r = await say('快递员能不能送到公司 我白天不在家');
    assert.match(textOf(r), /S-42/);
    assert.doesNotMatch(textOf(r), /T-L/);
  });

  test('"怎么只到了羽绒服" is the rest of a split order; "只到了广州" is how far a parcel got', async () => {
    const split = order({ orderId: 'SP-1', items: [{ sku: 'j', title: '轻薄羽绒服 米色 S码', quantity: 1, price: '699.00' }, { sku: 'p', title: '高腰直筒牛仔裤 浅蓝 26码', quantity: 1, price: '299.00' }] });
    const parcels = [logistics({ orderId: 'SP-1', trackingNo: 'SF1', status: 'delivered' }), logistics({ orderId: 'SP-1', trackingNo: 'YD2' })];
    const rest = textOf(await conversation(robotWith({ orders: [split], logistics: parcels }))('牛仔裤那个包裹呢 怎么只到了羽绒服'));
    assert.match(rest, /YD2/);
    assert.doesNotMatch(rest, /SF1/);
    assert.match(textOf(await conversation(robotWith({ orders: [split], logistics: parcels }))('快递怎么只到了广州')), /SF1[\s\S]*YD2/);
  });

  test('"好吧 那等退款吧 谢谢" after a refund\'s status is a goodbye', async () => {
    const say = conversation(robotWith({ orders: [tees], aftersales: [aftersale({ aftersaleId: 'A-1', orderId: 'T-L' })] }));
    await say('我的退款到哪了');
    for (const bye of ['好吧 那等退款吧 谢谢']) assert.equal((await say(bye)).intent, 'bye', bye);
  });
});

describe('a follow-up about the goods just talked of (twentieth session, pharmacy)', () => {
  test('"要冷藏吗" after the insulin\'s parcel is the shop\'s cold-chain entry; the goods are kept while the order stays in focus', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      ...readDemoFaq(),
      { id: 'cold', question: '冷链药品怎么配送？', answer: '胰岛素等需冷藏的药品全程顺丰冷运，保温箱加冰袋，2-8℃。', alternates: ['胰岛素路上会不会化', '胰岛素怎么保证冷藏'] },
      { id: 'invoice', question: '可以开发票吗？', answer: '可以，在订单页申请。' },
    ]);
    const insulin = order({ orderId: 'CC-1', items: [{ sku: 'i', title: '【冷链】【处方药】诺和锐 门冬胰岛素注射液 笔芯 3ml:300单位', quantity: 5, price: '75.00' }] });
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [insulin], logistics: [logistics({ orderId: 'CC-1' })] }), faq: own, clock: () => NOW });
    const say = conversation(robot);
    const first = await say('我的胰岛素到哪了');
    assert.equal((first.state as { focusGoods?: string }).focusGoods, '冷链 处方药 诺和锐 门冬胰岛素注射液 笔芯');
    assert.match(textOf(await say('会不会化')), /2-8℃/);
    assert.match(textOf(await say('要冷藏吗')), /2-8℃/);
    // A fresh conversation has no goods in focus: the same words are not sure of the entry.
    assert.doesNotMatch(textOf(await conversation(robot)('会不会化')), /2-8℃/);
    // A longer message says what it is about: no goods added.
    assert.doesNotMatch(textOf(await say('这个冬天快递路上会不会冻坏啊我好担心')), /2-8℃/);
  });

  test('a stored state keeps its goods only beside an order in focus, and only short', async () => {
    const { parseState } = await import('../../src/robot/dialogue.ts');
    assert.equal(parseState({ v: 1, failures: 0, focusOrderId: 'A-1', focusGoods: '胰岛素' }).focusGoods, '胰岛素');
    assert.equal(parseState({ v: 1, failures: 0, focusGoods: '胰岛素' }).focusGoods, undefined);
    assert.equal(parseState({ v: 1, failures: 0, focusOrderId: 'A-1', focusGoods: 'x'.repeat(41) }).focusGoods, undefined);
  });
});

describe('guesses that are no question on their topic, and waiting to pay (twentieth session, pharmacy)', () => {
  test('a weak guess without a word of its topic is no built-in policy text; a parcel "寄了几天都没到" is the parcel unless a request is under way', async () => {
    const meter = order({ orderId: 'M-1', status: 'delivered', items: [{ sku: 'm', title: '三诺 安稳+ 血糖仪 套装', quantity: 1, price: '139.00' }] });
    const r = await conversation(robotWith({ orders: [meter] }))('血糖仪怎么用啊 第一次用');
    assert.doesNotMatch(textOf(r), /优惠券/);
    const jeans = order({ orderId: 'J-1', items: [{ sku: 'j', title: '高腰直筒牛仔裤 浅蓝 26码', quantity: 1, price: '299.00' }] });
    const parcel = await conversation(robotWith({ orders: [jeans], logistics: [logistics({ orderId: 'J-1' })], aftersales: [] }))('我嘅牛仔裤寄咗幾日都未到');
    assert.match(textOf(parcel), /ZT|运输/);
    const returning = await conversation(robotWith({ orders: [jeans], logistics: [logistics({ orderId: 'J-1' })], aftersales: [aftersale({ aftersaleId: 'R-1', orderId: 'J-1', type: 'return' })] }))('我寄了几天了都没到');
    assert.match(textOf(returning), /退货|申请/);
  });

  test('"how long can i wait before paying", "多久之内要付款": the unpaid order\'s time runs out, nothing is charged', async () => {
    const unpaid = order({ orderId: 'U-1', status: 'pending_payment' });
    for (const ask of ['how long can i wait before paying', '多久之内要付款']) {
      assert.match(textOf(await conversation(robotWith({ orders: [unpaid, order({ orderId: 'U-2' })], logistics: [logistics({ orderId: 'U-2' })] }))(ask)), /closes by itself|自动关闭/, ask);
    }
  });
});

describe('what the twentieth session\'s readings must not take (review)', () => {
  test('shop questions with dose-like, pregnancy-like or symptom-like words are no health question', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    const shop = ['现在打多少折', '打多少折能包邮', '定金要打多少钱', '打印机一次能打多少张', '洗衣液洗衣服一次用多少', '猫粮一天吃几包', '孕妇服什么时候发货', '我要退这件孕妇服', '买的哺乳衣服到哪了',
      '这个手机老人能用吗', '这个杯子宝宝能用吗', '手表进水了还能戴吗', '打印机没墨了还能打吗', '这个咖啡胶囊怎么用', '猫砂颗粒怎么用', '药妆面霜怎么用', 'how do I use this tablet', 'how do I use the coffee capsules',
      'can I take it with me on the plane', 'can i take it with a coupon', 'how many orders can you take per day', 'is this toy safe for kids to use', '快递员打了好几次电话，恶心', '吃了一口发现有头发，恶心死了',
      '我吃了你们家的零食拉肚子了，要退款'];
    for (const t of shop) assert.equal(healthAsked(normalize(t).text), undefined, t);
    // A pet unwell after the food is the vet's first (thirtieth session: a pet reply of its own, no doctor or pharmacist).
    for (const t of ['猫吃了这个猫粮拉肚子', '狗吃了你们的狗粮呕吐了']) assert.equal(healthAsked(normalize(t).text), 'pet', t);
    assert.equal(healthAsked(normalize('I took the tablets and got a rash, no one answers').text), 'reaction');
  });

  test('the shop\'s entry answering a health question is an FAQ answer, not a request for a person', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'p', question: '孕妇能吃维生素D吗？', answer: '孕期补充维生素D请遵医嘱。' }]);
    const r = await conversation(createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }))('孕妇能吃维生素D吗');
    assert.equal(r.intent, 'faq');
    assert.equal(r.handover, undefined);
  });

  test('a doctor or pharmacist spoken of is no request for one; an order or a coupon that expires is no shelf life; how reviews are done is the FAQ\'s', async () => {
    const rx = order({ orderId: 'RX-2', status: 'paid', items: [{ sku: 'rx', title: '【处方药】立普妥', quantity: 1, price: '61.50' }] });
    for (const ask of ['没有处方怎么办，要医生开处方', '我跟药师聊过了', '处方是要医生签字的那种']) {
      assert.equal((await conversation(robotWith({ orders: [rx] }))(ask)).handover, undefined, ask);
    }
    for (const ask of ['订单过期了吗', 'my order expired?']) assert.notEqual((await conversation(robotWith({ orders: [rx] }))(ask)).intent, 'faq', ask);
    for (const ask of ['处方审核时间是几点', 'do you verify prescriptions']) assert.notEqual((await conversation(robotWith({ orders: [rx] }))(ask)).intent, 'order_status', ask);
  });

  test('a size label naming goods is still a pick of that order', async () => {
    const jeans = order({ orderId: 'J-26', status: 'delivered', items: [{ sku: 'j', title: '高腰直筒牛仔裤 浅蓝 26码', quantity: 1, price: '299.00' }] });
    const coat = order({ orderId: 'C-S', status: 'shipped', items: [{ sku: 'c', title: '轻薄羽绒服 米色 S码', quantity: 1, price: '699.00' }] });
    const data = { orders: [jeans, coat], logistics: [logistics({ orderId: 'C-S' }), logistics({ orderId: 'J-26', status: 'delivered' })] };
    const say = conversation(robotWith(data));
    await say('我的订单怎么样了');
    assert.match(textOf(await say('26码牛仔裤那条')), /J-26/);
  });
});

describe('an appliance that stopped working (twentieth session, an English home & kitchen shop)', () => {
  const fryer = order({ orderId: 'HC-1', status: 'delivered', items: [{ sku: 'af', title: 'AirCrisp 5.5L Digital Air Fryer', quantity: 1, price: '159.00' }] });
  const kettle = order({ orderId: 'HC-2', status: 'delivered', items: [{ sku: 'k', title: 'Glass Electric Kettle 1.7L', quantity: 1, price: '49.00' }] });
  const data = { orders: [fryer, kettle], logistics: [logistics({ orderId: 'HC-1', status: 'delivered' }), logistics({ orderId: 'HC-2', status: 'delivered' })], aftersales: [] };

  test('"stopped heating", "won\'t turn on", "不加热了" are goods in trouble, with a greeting before them too', async () => {
    for (const ask of ['hi my air fryer stopped heating after 2 months, fan still spinning but no heat', 'my air fryer stopped heating after 2 months', "the air fryer won't heat up anymore", "my kettle won't turn on", 'hi my kettle stopped working after 1 month', '空气炸锅不加热了']) {
      const r = await conversation(robotWith(data))(ask);
      assert.match(textOf(r), /faulty item|质量问题|转人工|human/, ask);
      assert.doesNotMatch(textOf(r), /^Hi! I'm the shop's assistant|no return or refund request/, ask);
    }
  });

  test('a burning smell and smoke from a kettle is a safety report, ahead in the queue', async () => {
    const r = await conversation(robotWith(data))('the kettle i bought from u last time got burning smell and smoke when boiling!!');
    assert.equal(r.handover?.reason, 'complaint');
    assert.match(textOf(r), /stop using it/);
  });

  test('the request under way for the same fault is told beside it', async () => {
    const request = aftersale({ aftersaleId: 'AS-9', orderId: 'HC-1', type: 'exchange', status: 'requested', reason: 'Warranty: stopped heating after 2 months' });
    const r = await conversation(robotWith({ ...data, aftersales: [request] }))('hi my air fryer stopped heating, no heat at all');
    assert.match(textOf(r), /exchange request \(order HC-1\)/);
  });
});

describe('a shop outside China, and several orders asked at once (twentieth session, English shop)', () => {
  test('a Singapore shop\'s parcel to Singapore is no cross-border delivery; to Malaysia it is', async () => {
    const home = order({ orderId: 'SG-1', currency: 'SGD', receiver: { name: 'Tan', phone: '+65 9345 6789', address: 'Singapore 650210, Blk 210 Bukit Batok St 21' } });
    const away = order({ orderId: 'MY-1', currency: 'SGD', receiver: { name: 'Raj', phone: '+60 12-345 6789', address: '12 Jalan Harmonium, 81100 Johor Bahru, Malaysia' } });
    const local = textOf(await conversation(robotWith({ orders: [home], logistics: [logistics({ orderId: 'SG-1' })] }))('when will my parcel arrive'));
    assert.doesNotMatch(local, /cross-border/);
    assert.match(local, /Latest update[^:]*: [A-Z][a-z]{2} \d+, \d\d:\d\d, [^:]+: /, 'the place and the carrier\'s words set apart');
    assert.match(textOf(await conversation(robotWith({ orders: [away], logistics: [logistics({ orderId: 'MY-1' })] }))('when will my parcel arrive')), /cross-border/);
  });

  test('"where are they both" answers each of a few orders, a split order\'s header before its parcels', async () => {
    const one = order({ orderId: 'B-1' });
    const split = order({ orderId: 'B-2', createdAt: '2024-11-24T09:00:00+08:00' });
    const data = { orders: [one, split], logistics: [logistics({ orderId: 'B-1' }), logistics({ orderId: 'B-2', trackingNo: 'P1', status: 'delivered' }), logistics({ orderId: 'B-2', trackingNo: 'P2' })] };
    for (const ask of ["Hi, I've got two orders coming, can you tell me where they both are?", '两个订单都到哪了']) {
      const text = textOf(await conversation(robotWith(data))(ask));
      assert.match(text, /B-1[\s\S]*B-2[\s\S]*P1[\s\S]*P2/, ask);
    }
  });
});

describe('English follow-ups (twentieth session, English shop)', () => {
  test('"ok so when" after an order\'s answer is when it comes; leaving it at the door is a note for a person; "sorry i cant read chinese very well, english pls" switches', async () => {
    const o = order({ orderId: 'E-1' });
    const data = { orders: [o], logistics: [logistics({ orderId: 'E-1' })] };
    let say = conversation(robotWith(data));
    await say('where is my parcel');
    assert.match(textOf(await say('ok so when')), /usually arrives|1-3 days/);
    say = conversation(robotWith(data));
    await say('where is my parcel');
    assert.match(textOf(await say('can the driver leave it at the front door if im not home')), /note/);
    say = conversation(robotWith(data));
    await say('我的快递到哪了');
    assert.equal((await say('sorry i cant read chinese very well, english pls')).lang, 'en');
  });
});

describe('Singapore English and goods with a hole (twentieth session, English shop)', () => {
  const blender = order({ orderId: 'BL-1', items: [{ sku: 'b', title: 'PowerBlend 1200W High-Speed Blender', quantity: 1, price: '189.00' }] });
  const data = { orders: [blender], logistics: [logistics({ orderId: 'BL-1' })] };

  test('"wru my blender bro", "alamak the blender still never come ah", "my parcel reach already?" are the parcel', async () => {
    for (const ask of ['wru my blender bro', 'alamak the blender still never come ah, already 3 days', 'my parcel reach already?']) {
      assert.match(textOf(await conversation(robotWith(data))(ask)), /BL-1/, ask);
    }
  });

  test('a bag with a hole, a hoodie that pills ("正常吗" too) are goods in trouble', async () => {
    for (const ask of ['one of the vacuum bags got hole, cannot hold vacuum, how', '卫衣起球了 正常吗']) {
      assert.match(textOf(await conversation(robotWith(data))(ask)), /faulty item|质量问题/, ask);
    }
  });

  test('"请问寄去马来西亚要几天" is asked of the shop, not of an order', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [...readDemoFaq(), { id: 'my', question: '可以寄到马来西亚吗？', answer: '可以，西马3-5个工作日。', alternates: ['寄马来西亚多久'] }]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [blender, order({ orderId: 'BL-2', status: 'delivered' })], logistics: [logistics({ orderId: 'BL-1' })] }), faq: own, clock: () => NOW });
    const text = textOf(await conversation(robot)('请问寄去马来西亚要几天?'));
    assert.match(text, /马来西亚/);
    assert.doesNotMatch(text, /BL-1|下单/, 'no list of orders');
  });
});

describe('taking back a return in other words (twentieth session, apparel shop)', () => {
  test('"算了 不退了 能取消退货吗" is taking the return back; "取消退货后运费怎么算" is not', async () => {
    const hoodie = order({ orderId: 'H-1', status: 'delivered' });
    const data = { orders: [hoodie], aftersales: [aftersale({ aftersaleId: 'R-1', orderId: 'H-1', type: 'return', status: 'approved' })] };
    assert.match(textOf(await conversation(robotWith(data))('算了 不退了 能取消退货吗')), /撤销/);
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('取消退货后运费怎么算')), /撤销申请/);
  });
});

describe('goods said to be sent back (twentieth session, apparel shop)', () => {
  test('a return\'s status after "我已经寄回了", or after its waybill was given, says no "please send it back" again; "怎么寄回" still does', async () => {
    const hoodie = order({ orderId: 'H-2', status: 'delivered' });
    const data = { orders: [hoodie], aftersales: [aftersale({ aftersaleId: 'R-2', orderId: 'H-2', type: 'return', status: 'approved' })] };
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('我已经寄回了 多久能退到微信')), /请按售后页面的地址寄回/);
    const say = conversation(robotWith(data));
    await say('退货单号YT8812345678');
    assert.doesNotMatch(textOf(await say('多久能退到微信')), /请按售后页面的地址寄回/);
    assert.match(textOf(await conversation(robotWith(data))('退款进度')), /请按售后页面的地址寄回/);
  });
});

describe('another size or colour for an order (twentieth session, apparel and English shops)', () => {
  test('before shipping: cancel and order again, or a person; after: an exchange; never the status again', async () => {
    const paid = order({ orderId: 'SZ-1', status: 'paid', items: [{ sku: 's', title: '经典小白鞋 白色 38码', quantity: 1, price: '399.00' }] });
    for (const ask of ['那个小白鞋能不能改成39码 还没发货', 'can i change it to the black colour instead?']) {
      const r = await conversation(robotWith({ orders: [paid] }))(ask);
      assert.match(textOf(r), /取消后重新下单|cancel it on the order page/, ask);
    }
    const got = order({ orderId: 'SZ-2', status: 'delivered', items: [{ sku: 'r', title: '气垫跑步鞋 黑色 41码', quantity: 1, price: '529.00' }] });
    assert.match(textOf(await conversation(robotWith({ orders: [got] }))('鞋子能换成42码吗')), /已经签收[\s\S]*换货/);
    // An exchange asked in its own words stays a returns question.
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [got] }))('鞋子小了想换货 换成42码')), /已经签收，尺码/);
  });
});

describe('what the later readings must not take (twentieth session, second review)', () => {
  const insulin = order({ orderId: 'IN-1', items: [{ sku: 'i', title: '【冷链】【处方药】诺和锐 门冬胰岛素注射液 笔芯 3ml:300单位', quantity: 5, price: '75.00' }] });
  const coldFaq = () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [...readDemoFaq(), { id: 'cold', question: '冷链药品怎么配送？', answer: '胰岛素等需冷藏的药品全程顺丰冷运，保温箱加冰袋，2-8℃。', alternates: ['胰岛素路上会不会化', '胰岛素怎么保证冷藏'] }]);
    return own;
  };
  const robotOf = () => createRobot({ dataSource: fakeDataSource({ orders: [insulin], logistics: [logistics({ orderId: 'IN-1' })] }), faq: coldFaq(), clock: () => NOW });

  test('after a medicine\'s parcel, "吃了以后头晕" is a reaction and "一天吃几片" a dose question, with no medicine word in the message', async () => {
    let say = conversation(robotOf());
    await say('我的胰岛素到哪了');
    assert.equal((await say('打了以后红肿')).handover?.reason, 'complaint');
    say = conversation(robotOf());
    await say('我的胰岛素到哪了');
    assert.equal((await say('一天吃几片')).handover?.reason, 'requested');
    for (const ask of ['how many tablets should I take a day', "can i take it if i'm pregnant", '孕妇能不能吃', '感冒灵颗粒一天喝几包']) {
      assert.match(textOf(await conversation(robotWith({}))(ask)), /医生或药师|doctor or pharmacist/, ask);
    }
  });

  test('the goods in focus never make a contentless follow-up an entry, and are dropped once the buyer moves on', async () => {
    for (const ask of ['怎么办', '那咋办', '怎么联系']) {
      const say = conversation(robotOf());
      await say('我的胰岛素到哪了');
      assert.doesNotMatch(textOf(await say(ask)), /2-8℃/, ask);
    }
    const say = conversation(robotOf());
    await say('我的胰岛素到哪了');
    await say('好的谢谢');
    assert.doesNotMatch(textOf(await say('会不会化')), /^胰岛素等需冷藏/);
  });

  test('a refund\'s "ok so when" is no parcel; "钱怎么还没到" is the money; a wrong address stays the order talked of; "can\'t start the return" is no fault; smoke asked about is no report', async () => {
    const tee = order({ orderId: 'TE-1', status: 'delivered' });
    const shoes = order({ orderId: 'SH-1' });
    const data = { orders: [tee, shoes], logistics: [logistics({ orderId: 'TE-1', status: 'delivered' }), logistics({ orderId: 'SH-1' })], aftersales: [aftersale({ aftersaleId: 'RF-1', orderId: 'TE-1' })] };
    let say = conversation(robotWith(data));
    await say('我的退款到哪了');
    assert.doesNotMatch(textOf(await say('ok so when')), /SH-1/);
    assert.match(textOf(await conversation(robotWith(data))('钱怎么还没到')), /退款|refund/);
    say = conversation(robotWith(data));
    await say('TE-1到哪了');
    assert.doesNotMatch(textOf(await say('地址写错了')), /SH-1/);
    for (const ask of ['i cannot start the return process', 'does the air fryer produce smoke when cooking fatty food', 'the new pan gives off smoke when heated first time, is that normal', 'do you sell heat and smoke alarms']) {
      const r = await conversation(robotWith(data))(ask);
      assert.doesNotMatch(textOf(r), /unplug|faulty item/, ask);
    }
  });

  test('expiry of the items in an order is their shelf life; "还会降价吗" keeps the coupon text; a Singapore Road in Malaysia is abroad; a complaint about the door is no note', async () => {
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [order({ orderId: 'X-1' }), order({ orderId: 'X-2' })] }))("what's the expiry date of the items in my order")), /Which of these/);
    assert.doesNotMatch(textOf(await conversation(robotWith({}))('还会降价吗')), /不太确定/);
    const kl = order({ orderId: 'KL-1', currency: 'SGD', receiver: { name: 'A', phone: '+60 1', address: '8 Singapore Road, Kuala Lumpur, Malaysia' } });
    assert.match(textOf(await conversation(robotWith({ orders: [kl], logistics: [logistics({ orderId: 'KL-1' })] }))('when will my parcel arrive')), /cross-border/);
    const say = conversation(robotWith({ orders: [shoesOf()], logistics: [logistics({ orderId: 'D-1', status: 'delivered' })] }));
    await say('where is my kettle');
    assert.doesNotMatch(textOf(await say('they were supposed to leave it at the front door but nothing is there')), /add notes/);
  });
});
const shoesOf = () => order({ orderId: 'D-1', status: 'delivered' });

describe('the other order named with its goods (twentieth session, English shop)', () => {
  test('"and the other order, the storage containers?" after one order is the other order', async () => {
    const oven = order({ orderId: 'OV-1', items: [{ sku: 'o', title: 'Cast Iron Dutch Oven 5.5L', quantity: 1, price: '129.00' }] });
    const boxes = order({ orderId: 'ST-1', createdAt: '2024-11-24T09:00:00+08:00', items: [{ sku: 's', title: 'Stackable Pantry Storage Containers (Set of 12)', quantity: 1, price: '59.00' }] });
    const say = conversation(robotWith({ orders: [oven, boxes], logistics: [logistics({ orderId: 'OV-1' }), logistics({ orderId: 'ST-1' })] }));
    await say('where is my dutch oven');
    assert.match(textOf(await say('and the other order, the storage containers?')), /ST-1/);
  });
});

describe('what the last fixes must not take (twentieth session, third review)', () => {
  test('the order\'s medicine is no reason to read a complaint or a hurry as a reaction', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const goods = '冷链 处方药 诺和锐 门冬胰岛素注射液 笔芯';
    for (const t of ['快递这么慢 真恶心', '我拉肚子了 能快点送吗', '买给怀孕的老婆吃']) assert.equal(healthAsked(t, goods), undefined, t);
    assert.equal(healthAsked('吃了以后头晕', goods), 'reaction');
  });

  test('taking a return back is not asked, nor done by the shop, nor a refund wanted instead; "要我寄回去了吗" is not sent; sent back is remembered', async () => {
    const hoodie = order({ orderId: 'H-3', status: 'delivered' });
    const data = { orders: [hoodie], aftersales: [aftersale({ aftersaleId: 'R-3', orderId: 'H-3', type: 'return', status: 'approved' })] };
    for (const ask of ['不退了吗？', '商家取消退货了 怎么回事', '取消退货会影响信用吗', '不换了，直接退款吧']) {
      assert.doesNotMatch(textOf(await conversation(robotWith(data))(ask)), /撤销申请/, ask);
    }
    assert.match(textOf(await conversation(robotWith(data))('退货是要我寄回去了吗')), /请按售后页面的地址寄回/);
    const say = conversation(robotWith(data));
    assert.doesNotMatch(textOf(await say('我已经寄回了 多久能退到微信')), /请按售后页面的地址寄回/);
    await say('好的谢谢');
    assert.doesNotMatch(textOf(await say('退货进度怎么样了')), /请按售后页面的地址寄回/);
  });

  test('"尺码换算表有吗", "颜色改变了", "收到了小了 能换成大一码吗" are no change of an order\'s size', async () => {
    const got = order({ orderId: 'SZ-3', status: 'delivered' });
    for (const ask of ['尺码换算表有吗', '洗了一次颜色改变了', '收到了小了 能换成大一码吗']) {
      assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [got] }))(ask)), /尺码、颜色不能再改/, ask);
    }
  });
});

describe('a size is no insult (twentieth session, review)', () => {
  test('"42码的板鞋呢", "另一单L码的呢" pick the order, never a complaint', async () => {
    const shoes = order({ orderId: 'S-42B', items: [{ sku: 's', title: '男士复古板鞋 白色 42码', quantity: 1, price: '459.00' }] });
    const tees = order({ orderId: 'T-LB', status: 'delivered', createdAt: '2024-11-20T09:00:00+08:00', items: [{ sku: 't', title: '纯棉圆领T恤 黑色 L码', quantity: 2, price: '89.00' }] });
    for (const ask of ['42码的板鞋呢', '另一单L码的呢']) {
      const say = conversation(robotWith({ orders: [shoes, tees], logistics: [logistics({ orderId: 'S-42B' })] }));
      await say('我的订单');
      const r = await say(ask);
      assert.equal(r.handover, undefined, ask);
      assert.notEqual(r.intent, 'complaint', ask);
    }
  });
});

describe('a return turned into an exchange (twenty-first session)', () => {
  const hoodie = order({ orderId: 'H-7', status: 'delivered' });
  const withRequest = (status: 'requested' | 'returning' | 'refunded' | 'rejected', type: 'return' | 'exchange' = 'return') =>
    robotWith({ orders: [hoodie], aftersales: [aftersale({ aftersaleId: 'R-7', orderId: 'H-7', type, status })] });
  test('"不退了 我想换L码" on a request under review: withdraw it and ask for the exchange, not the return FAQ again', async () => {
    const text = textOf(await conversation(withRequest('requested'))('不退了 我想换L码'));
    assert.match(text, /H-7/);
    assert.match(text, /撤销申请/);
    assert.match(text, /换货/);
    assert.doesNotMatch(text, /您想问的是哪一个/);
    for (const text of ['i dont want a refund anymore, can i exchange it for a bigger size', "i don't want to return it anymore, can i exchange for size M", "actually i'd rather exchange it than get a refund"]) {
      assert.match(textOf(await conversation(withRequest('requested'))(text)), /withdraw it .*request an exchange/i, text);
    }
    for (const text of ['不想退款了，想换个新的', '退货改换货', '不退了 换一个新的给我吧']) assert.match(textOf(await conversation(withRequest('requested'))(text)), /再申请“换货”/, text);
    assert.match(textOf(await conversation(withRequest('requested'))('i dont want to return it anymore')), /can't withdraw it myself/);
  });
  test('each state of the request says what is possible', async () => {
    assert.match(textOf(await conversation(withRequest('returning'))('退款能改成换货吗')), /寄回途中.*人工客服和仓库/);
    assert.match(textOf(await conversation(withRequest('refunded'))('不想退了 能换个颜色吗')), /重新下单/);
    assert.match(textOf(await conversation(withRequest('rejected'))('不退了 换成黑色')), /重新申请“换货”/);
    assert.match(textOf(await conversation(withRequest('requested', 'exchange'))('不退了 换个大一码的')), /人工客服在申请里修改/);
    assert.match(textOf(await conversation(robotWith({ orders: [hoodie], aftersales: [] }))('不退了 我想换L码')), /售后页面申请“换货”/);
  });
  test('a plain withdrawal and a parcel question stay what they were', async () => {
    assert.match(textOf(await conversation(withRequest('requested'))('算了不退了')), /没法直接撤销/);
    assert.doesNotMatch(textOf(await conversation(withRequest('requested'))('不退了，快递到哪了')), /换货/);
  });
});

describe('"在？人呢" is a buyer checking someone is there (twenty-first session)', () => {
  test('a bare 在 or 人呢 clause greets; an order question or a person asked for beside it still wins', async () => {
    const data = { orders: [order({ orderId: 'P-1' })], logistics: [logistics({ orderId: 'P-1' })] };
    for (const text of ['在？？？人呢', '人呢', '在?在?']) {
      const r = await conversation(robotWith(data))(text);
      assert.equal(r.intent, 'greeting', text);
      assert.doesNotMatch(textOf(r), /P-1/, text);
    }
    assert.equal((await conversation(robotWith(data))('人呢？快递到哪了')).intent, 'track_parcel');
    assert.equal((await conversation(robotWith(data))('人呢？给我找个能做主的')).intent, 'human');
    assert.notEqual((await conversation(robotWith(data))('收件人呢')).intent, 'greeting');
  });
});

describe('trouble told again after its answer (twenty-first session)', () => {
  const buds = order({ orderId: 'E-9', status: 'delivered' });
  const talk = () => conversation(robotWith({ orders: [buds], logistics: [logistics({ orderId: 'E-9' })], aftersales: [] }));
  test('"还是没声音", "they still dont work", the same report again: a person, not the warranty entry or an order list again', async () => {
    for (const [first, again] of [['耳机坏了 没声音了', '还是没声音'], ['耳机坏了 没声音了', '耳机没声音了'], ['耳机坏了 没声音了', '我试过重启了还是不行'], ['my earbuds stopped working', 'they still dont work']] as const) {
      const say = talk();
      const told = await say(first);
      assert.equal(told.intent, 'return_policy', first);
      const r = await say(again);
      assert.equal(r.handover?.reason, 'requested', again);
      assert.doesNotMatch(textOf(r), /保修|warranty/i, again);
    }
  });
  test('a question about it, thanks, or a longer new story is no second report', async () => {
    for (const next of ['还是不行的话能退吗', '好的谢谢', '是直接退款还是要先寄回去', 'ok thanks']) {
      const say = talk();
      await say('耳机坏了 没声音了');
      assert.equal((await say(next)).handover, undefined, next);
    }
  });
});

describe('out for delivery across midnight (twenty-first session, jewellery shop)', () => {
  const at = (clock: string, scan: string) => {
    const o = order({ orderId: 'J-4', status: 'shipped' });
    const l = logistics({ orderId: 'J-4', status: 'out_for_delivery', events: [{ time: scan, location: '深圳福田营业点', description: '快递员正在派送' }], updatedAt: scan });
    return createRobot({ dataSource: fakeDataSource({ orders: [o], logistics: [l] }), faq, clock: () => new Date(clock) });
  };
  test('a scan at 23:26 read at 02:30 is out for delivery, not a day without an update; yesterday morning\'s read the next morning is late', async () => {
    const fresh = textOf(await conversation(at('2024-11-27T02:30:00+08:00', '2024-11-26T23:26:00+08:00'))('我的金豆几时到'));
    assert.doesNotMatch(fresh, /没有更新/);
    assert.match(fresh, /派送/);
    assert.match(textOf(await conversation(at('2024-11-27T06:54:00+08:00', '2024-11-26T09:30:00+08:00'))('我的金豆几时到')), /1 天没有更新/);
  });
});

describe('an engraving to change is no address (twenty-first session, jewellery shop)', () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_jw', [
    { id: 'e1', question: '付款后可以修改刻字内容吗？', answer: '付款后24小时内、尚未开始制作的，可以联系人工客服修改刻字内容；已开始制作的无法修改。', alternates: ['改刻字', '刻字写错了'] },
    { id: 'e2', question: '怎么修改收货地址？', answer: '未发货前可在订单详情页修改收货地址。', alternates: ['地址写错了'] },
  ]);
  const ring = order({ orderId: 'JW-6', status: 'paid', items: [{ sku: 'R', title: '【刻字定制】足金情侣对戒', quantity: 1, price: '2999.00' }] });
  const say = () => conversation(createRobot({ dataSource: fakeDataSource({ orders: [ring] }), faq: own, clock: () => NOW }), 'u-1001', 'shop_jw');
  test('"刻字写错了，想改成…" and "地址不用改，我是要改刻的字": the shop\'s engraving entry and a person, never the address answer', async () => {
    for (const text of ['你好，我刚下单的情侣对戒，刻字写错了，想改成“LY♥ZQ”', '地址不用改，我是要改刻的字', '钻戒刻字写错了']) {
      const r = await say()(text);
      assert.notEqual(r.intent, 'change_address', text);
      assert.doesNotMatch(textOf(r), /收货地址|收货人/, text);
      assert.match(textOf(r), /刻字/, text);
    }
    const talk = say();
    await talk('刻字写错了，想改成LY');
    assert.equal((await talk('是')).handover?.reason, 'requested');
    assert.match(textOf(await say()('can i change the engraving to LY')), /engraving/);
  });
});

describe('fresh goods in trouble: the shop\'s entry for that trouble (twenty-first session, fruit and seafood, flowers)', () => {
  const fresh = new FaqIndexProvider();
  fresh.setEntries('shop_fr', [
    { id: 'rot', question: '收到烂果坏果了怎么办？', answer: '坏果包赔：请在签收后24小时内上传坏果照片，按坏果个数退款。', alternates: ['水果坏了怎么赔', '收到的水果烂了'] },
    { id: 'dead', question: '活鲜到货死了怎么办？', answer: '鲜活海鲜请签收后2小时内开箱检查，如有死亡请拍视频，按死亡只数全额退款。', alternates: ['螃蟹死了', '龙虾死了怎么办'] },
    { id: 'thaw', question: '冷冻海鲜到货化冻了怎么办？', answer: '冷冻海鲜到货如已完全化冻，请在签收后2小时内拍照申请售后。', alternates: ['冰袋都化了'] },
    { id: 'kg', question: '重量不够、缺斤少两怎么办？', answer: '收到后去掉包装称重，拍一段称重视频，在签收后24小时内申请售后，误差超过3%按差额退款。', alternates: ['缺斤少两'] },
    { id: 'ship', question: '付款后多久发货？', answer: '现货付款后24小时内发出。' },
  ]);
  fresh.setEntries('shop_fl', [
    { id: 'w', question: 'My flowers arrived wilted or damaged. What should I do?', answer: 'We are so sorry. Please send us a photo of the flowers in this chat within 24 hours of delivery. We will send a fresh replacement.', alternates: ['flowers are drooping'] },
    { id: 's', question: 'Do you offer same-day delivery?', answer: 'Yes, order by 1pm.' },
  ]);
  const talk = (shopId: string, orders: Order[]) => {
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders, logistics: orders.map((o) => logistics({ orderId: o.orderId, status: 'delivered' })), aftersales: [] }), faq: fresh, clock: () => NOW }), 'u-1001', shopId);
    return async (text: string) => textOf(await say(text));
  };
  const fruit = [order({ orderId: 'FR-1', status: 'delivered', items: [{ sku: 'M', title: '海南贵妃芒 5斤装', quantity: 1, price: '69.90' }] })];
  test('rotten fruit is the rotten-fruit entry, not the thawed seafood\'s (24 h, not 2 h)', async () => {
    for (const text of ['收到的芒果烂了好几个 怎么办', '我昨天到的芒果 打开烂了好几个😡 我拍了照 烂了三个 怎么赔']) {
      const a = await talk('shop_fr', fruit)(text);
      assert.match(a, /坏果包赔/, text);
      assert.doesNotMatch(a, /化冻/, text);
    }
  });
  test('dead crabs after a greeting are the live-seafood entry, though returns hold no such topic', async () => {
    const crabs = [order({ orderId: 'FR-2', status: 'delivered', items: [{ sku: 'C', title: '阳澄湖大闸蟹 8只装', quantity: 1, price: '398.00' }] })];
    const a = await talk('shop_fr', crabs)('你好 今天早上收到的大闸蟹 死了三只 😭');
    assert.match(a, /死亡只数/);
    assert.doesNotMatch(a, /您好，我是/);
  });
  test('past the entry\'s own time limit ("过了24小时了 … 咋整", "is it too late?"): the condition and a person, not a parcel list', async () => {
    const two = [...fruit, order({ orderId: 'FR-3', status: 'completed' })];
    const say = talk('shop_fr', two);
    await say('重量不够怎么办');
    const a = await say('过了24小时了 前天签收的 视频没拍 咋整');
    assert.match(a, /24小时内/);
    assert.match(a, /人工/);
    assert.doesNotMatch(a, /哪一个/);
    const flowers = [order({ orderId: 'BL-1', status: 'delivered', items: [{ sku: 'T', title: 'Spring Tulip Bouquet', quantity: 1, price: '35.00' }], currency: 'GBP' }), order({ orderId: 'BL-2', status: 'completed', currency: 'GBP' })];
    const en = talk('shop_fl', flowers);
    assert.match(await en('Hi, the tulips I ordered for my wife arrived this morning and honestly they\'re completely wilted, heads drooping over the vase. Really disappointed'), /send us a photo/);
    const late = await en("its been more than 24 hours now since they came, is it too late?");
    assert.match(late, /within 24 hours/);
    assert.doesNotMatch(late, /Which of these/);
    assert.match(await talk('shop_fl', flowers)('the flowers are wilted. what do i do'), /send us a photo/);
  });
});

describe('a day the order names, in English or as a tag (twenty-first session, flower and jewellery shops)', () => {
  const at = (orders: Order[], now: string) => createRobot({ dataSource: fakeDataSource({ orders, logistics: [], aftersales: [] }), faq, clock: () => new Date(now) });
  const ask = async (robot: Robot, text: string) => textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text }));
  const roses = order({ orderId: 'BL-81', status: 'paid', currency: 'GBP', createdAt: '2026-12-01T10:12:00Z', items: [{ sku: 'R', title: 'Luxury Red Rose Bouquet (12 stems) – Delivery Sat 5 Dec', quantity: 1, price: '45.00' }] });
  test('"– Delivery Sat 5 Dec" paid on Tuesday is booked for Saturday on Friday, not late; past it, late with a person', async () => {
    const friday = await ask(at([roses], '2026-12-04T18:30:00Z'), 'will my roses come on Saturday?');
    assert.match(friday, /booked for delivery on Dec 5/);
    assert.doesNotMatch(friday, /later than usual|chase/);
    assert.match(await ask(at([roses], '2026-12-06T18:30:00Z'), 'where are my roses?'), /has passed/);
    const slot = order({ orderId: 'BL-99', status: 'paid', currency: 'GBP', createdAt: '2026-12-01T10:00:00Z', items: [{ sku: 'P', title: 'Pink Rose Bouquet – delivery date 5 December 2026, 08:00-12:00', quantity: 1, price: '40.00' }] });
    assert.match(await ask(at([slot], '2026-12-04T18:30:00Z'), 'when will it arrive'), /Dec 5 08:00-12:00/);
  });
  test('"【刻字定制】" and "【改圈口】" are made to order; "【免费刻字】" is not; "12月10日起发货" is not late before the 10th', async () => {
    const engraved = order({ orderId: 'JW-2', status: 'paid', createdAt: '2024-11-24T10:00:00+08:00', items: [{ sku: 'R', title: '【刻字定制】18K白金钻戒 刻字“CH&LY”', quantity: 1, price: '8999.00' }] });
    assert.doesNotMatch(await ask(at([engraved], '2024-11-27T10:00:00+08:00'), '付款三天了还没发货'), /比平常慢/);
    const free = order({ orderId: 'JW-3', status: 'paid', createdAt: '2024-11-21T10:00:00+08:00', items: [{ sku: 'R', title: '【免费刻字】足金手镯', quantity: 1, price: '5999.00' }] });
    assert.match(await ask(at([free], '2024-11-27T10:00:00+08:00'), '付款好几天了还没发货'), /比平常慢/);
    const oranges = order({ orderId: 'FR-4', status: 'paid', createdAt: '2024-11-21T10:00:00+08:00', items: [{ sku: 'O', title: '【预售】四川爱媛38号果冻橙 10斤 12月10日起发货', quantity: 1, price: '59.00' }] });
    assert.doesNotMatch(await ask(at([oranges], '2024-11-27T10:00:00+08:00'), '我的果冻橙啥时候发货啊 都付款好几天了'), /比平常慢/);
  });
});

describe('the shop\'s own time for refunded money (twenty-first session, fruit and flower shops)', () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_rt', [
    { id: 'r', question: '退款多久到账？', answer: '退款审核通过后原路退回，微信/支付宝一般1-3个工作日到账，银行卡3-7个工作日。', alternates: ['钱什么时候退回来'] },
    { id: 'e', question: 'How long does a refund take?', answer: 'Once a refund is approved we send it the same day. It reaches your card or PayPal in 3–5 working days, depending on your bank.' },
  ]);
  const ask = (status: 'approved' | 'refunded', text: string, now = NOW) => {
    const o = order({ orderId: 'RT-1', status: 'delivered', shopId: 'shop_rt' });
    const a = aftersale({ aftersaleId: 'AS-RT', orderId: 'RT-1', type: 'refund', status, updatedAt: '2024-11-22T12:00:00+08:00', shopId: 'shop_rt' });
    return createRobot({ dataSource: fakeDataSource({ orders: [o], aftersales: [a] }), faq: own, clock: () => now }).answer({ shopId: 'shop_rt', userId: 'u-1001', conversationId: 'c', text }).then(textOf);
  };
  test('a refunded or approved request says the shop\'s time, not the built-in 1-3 days', async () => {
    const zh = await ask('refunded', '上次那30块退款退到哪了 我支付宝没看到');
    assert.match(zh, /银行卡3-7个工作日/);
    assert.doesNotMatch(zh, /一般 1-3 个工作日到账/);
    assert.match(await ask('approved', 'the refund was approved but still nothing on my card, is that normal?'), /3–5 working days/);
  });
  test('the shop\'s longer time is the promise: approved Friday 22 Nov, on Friday 29 Nov it is within 7 working days (the built-in 3 would be late)', async () => {
    assert.doesNotMatch(await ask('approved', '退款怎么还没到', new Date('2024-11-29T15:00:00+08:00')), /已经\s*\d+\s*天|超过|比平常/);
  });
});

describe('another delivery day asked in other words (twenty-first session, fruit and flower shops)', () => {
  const box = order({ orderId: 'GB-1', status: 'paid', items: [{ sku: 'B', title: '【节日礼盒】进口水果礼盒', quantity: 1, price: '299.00' }] });
  const crab = order({ orderId: 'GB-2', status: 'pending_payment', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'K', title: '阿拉斯加帝王蟹 礼盒', quantity: 1, price: '699.00' }] });
  test('"指定12月25号送到", "下周三再送", "晚点发 先别发", "could it be the afternoon instead": another day, not the shipping time, a cancellation or "not understood"', async () => {
    for (const text of ['海鲜礼包能指定12月25号送到吗', '能不能下周三再送 周三家里才有人', '草莓能不能晚点发 先别发', 'could it be the afternoon instead, she\'s popped out now till 12']) {
      const r = await conversation(robotWith({ orders: [box] }))(text);
      assert.equal(r.intent, 'change_address', text);
      assert.doesNotMatch(textOf(r), /收货地址|the address|取消|cancel/i, text);
    }
    assert.equal((await conversation(robotWith({ orders: [box] }))('先别发了 取消吧')).intent, 'cancel_order');
    assert.match(textOf(await conversation(robotWith({ orders: [box] }))("I'll be away tomorrow, can you deliver to my office instead?")), /address/);
  });
  test('with two orders the list asks which one to change the day of, and the pick is still about the day', async () => {
    const say = conversation(robotWith({ orders: [box, crab] }));
    const list = textOf(await say('礼盒能改到周六送吗'));
    assert.match(list, /改送货日期/);
    const picked = textOf(await say('GB-1'));
    assert.doesNotMatch(picked, /修改收货地址|收货人/);
  });
});

describe('"did you mean X?" and the question after an ok (twenty-first session, jewellery shop)', () => {
  const hk = new FaqIndexProvider();
  hk.setEntries('shop_hk', [
    { id: 'hk', question: '港澳台可以发货吗？', answer: '可以寄到香港、澳门和台湾，使用顺丰国际，含清关一般5-10个工作日送达，关税由收件人承担。', alternates: ['能寄台湾吗'] },
    { id: 'w', question: '保修多久？', answer: '手表享受2年全国联保，珠宝饰品一年内免费清洗。', alternates: ['保固多久'] },
    { id: 'i', question: '可以开发票吗？', answer: '可以开电子发票。' },
  ]);
  const talk = () => {
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: hk, clock: () => NOW }), 'u-1001', 'shop_hk');
    return async (text: string) => textOf(await say(text));
  };
  test('"好的，那手錶的保固是多久" after "did you mean the customs entry?" is the warranty; "是的" and "对，那要多久" are the entry offered', async () => {
    const a = talk();
    assert.match(await a('清關要多久呀？需要我付關稅嗎'), /港澳/);
    assert.match(await a('好的，那手錶的保固是多久'), /2年全國聯保/);
    const b = talk();
    await b('清關要多久呀？需要我付關稅嗎');
    assert.match(await b('是的'), /5-10個工作日/);
    const c = talk();
    await c('清關要多久呀？需要我付關稅嗎');
    assert.match(await c('对，那要多久'), /5-10个工作日/);
  });
  test('two questions whose second only asks "did you mean" the entry the first answered: that question is not asked', async () => {
    const beads = order({ orderId: 'JW-30', shopId: 'shop_hk', status: 'shipped', receiver: { name: '陳', phone: '0912345678', address: '台灣台北市信義區' }, items: [{ sku: 'Z', title: '足金999轉運珠紅繩手鍊', quantity: 1, price: '1999.00' }] });
    const parcel = logistics({ orderId: 'JW-30', shopId: 'shop_hk', carrier: '順豐速運', events: [{ time: '2024-11-26T02:39:00+08:00', location: '臺灣', description: '快件已到達【臺灣清關中心】，清關中' }] });
    const customs = new FaqIndexProvider();
    customs.setEntries('shop_hk', [
      { id: 'hk', question: '港澳台可以发货吗？', answer: '可以寄到香港、澳门和台湾，使用顺丰国际，含清关一般5-10个工作日送达，关税由收件人承担。', alternates: ['能寄台湾吗', '清关要多久'] },
      { id: 'w', question: '保修多久？', answer: '手表享受2年全国联保，珠宝饰品一年内免费清洗。', alternates: ['保固多久'] },
    ]);
    const chat = conversation(createRobot({ dataSource: fakeDataSource({ orders: [beads], logistics: [parcel] }), faq: customs, clock: () => NOW }), 'u-1001', 'shop_hk');
    const say = async (text: string) => textOf(await chat(text));
    await say('你好，我買的轉運珠怎麼還沒到？已經一個禮拜了');
    const both = await say('清關要多久呀？需要我付關稅嗎');
    assert.match(both, /5-10個工作日/);
    assert.doesNotMatch(both, /您是想問/);
    assert.equal(both.split('可以寄到香港').length, 2, 'the entry said once');
    // Both parts finding the one entry: said once.
    const none = await createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: customs, clock: () => NOW }).answer({ shopId: 'shop_hk', userId: 'u-2', conversationId: 'c2', text: '清關要多久呀？需要我付關稅嗎' });
    assert.equal(textOf(none).split('可以寄到香港').length, 2, textOf(none));
    assert.match(await say('好的，那手錶的保固是多久'), /2年全國聯保/);
    // The check asks the FAQ once more, within a deadline: a probe that never answers costs the check, not the answer.
    const hung = { search: (shop: string, text: string) => customs.search(shop, text), lookup: customs.lookup.bind(customs), probe: (shop: string, text: string) => (text === '港澳台可以发货吗？' ? new Promise<null>(() => {}) : customs.probe(shop, text)) };
    const slowChat = conversation(createRobot({ dataSource: fakeDataSource({ orders: [beads], logistics: [parcel] }), faq: hung, clock: () => NOW }), 'u-1001', 'shop_hk');
    await slowChat('你好，我買的轉運珠怎麼還沒到？已經一個禮拜了');
    const started = Date.now();
    const slow = await Promise.race([slowChat('清關要多久呀？需要我付關稅嗎'), new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000))]);
    assert.ok(slow && slow.replies.length > 0, 'answered');
    assert.ok(Date.now() - started < 2000, `answered in ${Date.now() - started} ms`);
  });
});

describe('someone asked to do it (twenty-first session, flower shop)', () => {
  test('"can someone chase DPD", "can someone just do it for me", "有人能帮我催一下吗" hand over; "can someone else sign for it?", "will someone help with sizing?", "can someone check where it is" do not', async () => {
    const data = { orders: [order({ orderId: 'DP-1' })], logistics: [logistics({ orderId: 'DP-1' })] };
    for (const text of ["its been stuck at Oldbury since Tuesday, thats 4 days. can someone chase DPD", 'can someone just do it for me', '有人能帮我催一下吗']) {
      assert.equal((await conversation(robotWith(data))(text)).handover?.reason, 'requested', text);
    }
    for (const text of ['can someone else sign for it?', 'If I visit your store on Friday will someone help with sizing?', "tracking hasn't updated since the 23rd, can someone check where it is"]) {
      assert.equal((await conversation(robotWith(data))(text)).handover, undefined, text);
    }
  });
});

describe('every order asked for at once (twenty-first session, fruit shop)', () => {
  test('"三个订单都帮我查下 分别啥状态", "帮我查下所有订单的状态": each order told, no "which one?"', async () => {
    const data = { orders: [order({ orderId: 'AL-1' }), order({ orderId: 'AL-2', status: 'delivered', createdAt: '2024-11-26T09:00:00+08:00' }), order({ orderId: 'AL-3', status: 'paid', createdAt: '2024-11-27T09:00:00+08:00' })], logistics: [logistics({ orderId: 'AL-1' })] };
    for (const text of ['三个订单都帮我查下 分别啥状态', '帮我查下所有订单的状态']) {
      const a = textOf(await conversation(robotWith(data))(text));
      assert.doesNotMatch(a, /哪一个/, text);
      for (const id of ['AL-1', 'AL-2', 'AL-3']) assert.match(a, new RegExp(id), `${text}: ${id}`);
    }
    assert.equal((await conversation(robotWith(data))('所有订单都帮我取消')).intent, 'cancel_order');
  });
});

describe('the shop\'s shipping sentence cut at a semicolon (twenty-first session, fruit shop)', () => {
  test('ends as a sentence, not with "；"', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_sc', [{ id: 's', question: '付款后多久发货？', answer: '现货商品付款后24小时内发出（每天16点前付款当天发），全部走顺丰冷链；预售商品按预售时间发货。' }]);
    const o = order({ orderId: 'SC-1', shopId: 'shop_sc', status: 'paid' });
    const a = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_sc', userId: 'u-1001', conversationId: 'c', text: '什么时候发货' }));
    assert.match(a, /顺丰冷链。/);
    assert.doesNotMatch(a, /；(?:\n|$|按付款)/);
  });
});

describe('the buyer\'s own request asked after by its kind (twenty-first session, jewellery shop)', () => {
  test('"我的价保申请怎么样了", "为什么拒绝？" tell the refused request and the shop\'s reason, not the price-protection entry', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_pp', [{ id: 'p', question: '降价了可以补差价吗？', answer: '一口价商品签收后7天内降价，可申请价格保护，补差价；按克计价的黄金饰品不在价格保护范围内。', alternates: ['价保', '保价'] }]);
    const beans = order({ orderId: 'PP-1', shopId: 'shop_pp', status: 'delivered' });
    const refused = aftersale({ aftersaleId: 'AS-PP', orderId: 'PP-1', shopId: 'shop_pp', type: 'refund', status: 'rejected', amount: '120.00', reason: '金价随市场实时波动，不属于价格保护范围' });
    for (const text of ['我的价保申请怎么样了', '为什么拒绝？你们页面上写了保价的']) {
      const a = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [beans], aftersales: [refused] }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_pp', userId: 'u-1001', conversationId: 'c', text }));
      assert.match(a, /未通过/, text);
      assert.match(a, /金价随市场实时波动/, text);
    }
  });
});

describe('how to ripen, keep or eat the goods (twenty-first session, fruit shop)', () => {
  test('"榴莲怎么催熟", "放几天能开口" after the durian\'s order ask the FAQ, not the parcel', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_dr', [{ id: 'k', question: '水果收到后怎么保存？', answer: '榴莲常温放置2-3天开口即可食用，芒果常温催熟。', alternates: ['芒果怎么催熟', '榴莲怎么放'] }]);
    const durian = order({ orderId: 'DR-1', shopId: 'shop_dr', status: 'delivered', items: [{ sku: 'D', title: '泰国金枕榴莲 整个 4-5斤', quantity: 1, price: '199.00' }] });
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [durian], logistics: [logistics({ orderId: 'DR-1', shopId: 'shop_dr', status: 'delivered' })] }), faq: own, clock: () => NOW }), 'u-1001', 'shop_dr');
    await say('榴莲到了吗');
    for (const text of ['榴莲怎么催熟', '放几天能开口']) {
      const r = await say(text);
      assert.equal(r.intent, 'faq', text);
      assert.doesNotMatch(textOf(r), /签收|最新物流/, text);
    }
  });
});

describe('a subscription\'s deliveries (twenty-first session, flower shop)', () => {
  test('"can i pause it over xmas?", "can i skip january\'s delivery" ask the shop, not the first box\'s parcel; "where is my subscription box" is the parcel', async () => {
    const sub = order({ orderId: 'SB-1', status: 'delivered', currency: 'GBP', items: [{ sku: 'S', title: 'Monthly Flower Subscription – Seasonal Bouquet (3 months, prepaid)', quantity: 1, price: '90.00' }] });
    const data = { orders: [sub], logistics: [logistics({ orderId: 'SB-1', status: 'delivered' })] };
    for (const text of ["can i pause it over xmas? we're away 19th dec to 3rd jan", "hiya can i skip january's delivery, we're away", "when's my next subscription box due?"]) {
      const r = await conversation(robotWith(data))(text);
      assert.equal(r.intent, 'faq', text);
      assert.doesNotMatch(textOf(r), /has already been delivered/, text);
    }
    assert.equal((await conversation(robotWith(data))('where is my subscription box')).intent, 'track_parcel');
  });
});

describe('the twenty-first session\'s review', () => {
  const two = (a: Partial<Order> = {}) => ({ orders: [order({ orderId: 'RV-1', status: 'paid', ...a }), order({ orderId: 'RV-2', status: 'delivered', createdAt: '2024-11-26T09:00:00+08:00', items: [{ sku: 'T', title: '纯棉T恤', quantity: 1, price: '59.00' }] })] });
  test('an unpaid order booked for an English date is told unpaid, not "booked, not late"', async () => {
    const unpaid = order({ orderId: 'RV-U', status: 'pending_payment', currency: 'GBP', items: [{ sku: 'R', title: 'Red Rose Bouquet – Delivery Sat 5 Dec', quantity: 1, price: '40.00' }] });
    for (const text of ["what's the status of my order", 'when will my roses arrive?']) {
      const a = textOf(await conversation(robotWith({ orders: [unpaid] }))(text));
      assert.doesNotMatch(a, /booked for delivery/, text);
      assert.match(a, /awaiting payment|isn't paid/, text);
    }
  });
  test('goods named by their engraving are no engraving change; a courier, a ship-time complaint or a day later asked about is no other delivery day', async () => {
    const ring = { orders: [order({ orderId: 'RV-R', status: 'paid', items: [{ sku: 'R', title: '【刻字定制】钻戒', quantity: 1, price: '8999.00' }] })] };
    for (const text of ['刻字的戒指 收货地址写错了 帮我改一下', 'I need to change the delivery address for my engraved ring', '刻字的钻戒什么时候发货 能改顺丰吗', '刻字的戒指圈口能改大一号吗']) {
      assert.doesNotMatch(textOf(await conversation(robotWith(ring))(text)), /刻字、定制内容|engraving or personalisation/, text);
    }
    for (const text of ['能指定顺丰送吗', '怎么明天才发货', '客服说5号才发 能快点吗', '预售是不是过几天发', 'can it come this evening? she\'s home after 6']) {
      assert.doesNotMatch(textOf(await conversation(robotWith(two()))(text)), /送货日期我这边|delivery day of order/, text);
    }
  });
  test('"是的，那具体要怎么操作呢", "yes, and how long does it take?" after "did you mean X?" are X; a complaint about the cancel button is no "don\'t cancel"', async () => {
    for (const [a, b] of [['电子发票在哪里下载', '是的，那具体要怎么操作呢'], ['how do i download the invoice', 'yes, and how long does it take?']] as const) {
      const say = conversation(robotWith(two()));
      await say(a);
      assert.match(textOf(await say(b)), /开票|invoice/i, b);
    }
    for (const text of ['订单页面没有取消按钮', '为什么还没取消成功', '别取消 我明天付款']) {
      assert.doesNotMatch(textOf(await conversation(robotWith(two()))(text)), /您是想取消订单吗/, text);
    }
    assert.equal((await conversation(robotWith(two()))('订单页面没有取消按钮')).intent, 'cancel_order');
  });
  test('a refused request is not promised money; a crab\'s broken string is no rotten-fruit claim; 长毛猫 is no spoiled goods; 手机号 is no exchange', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'r', question: '退款多久到账？', answer: '退款审核通过后原路退回，微信/支付宝一般1-3个工作日到账，银行卡3-7个工作日。' },
      { id: 'f', question: '收到烂果坏果了怎么办？', answer: '坏果包赔：请在签收后24小时内上传坏果照片。', alternates: ['水果坏了怎么赔', '收到的水果烂了'] },
    ]);
    const kiwi = order({ orderId: 'RV-K', status: 'delivered' });
    const refused = aftersale({ aftersaleId: 'AS-K', orderId: 'RV-K', type: 'return', status: 'rejected', reason: '生鲜易腐商品不支持七天无理由退货' });
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [kiwi], aftersales: [refused] }), faq: own, clock: () => NOW });
    assert.doesNotMatch(textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退款什么时候到账' })), /1-3个工作日到账/);
    const crab = order({ orderId: 'RV-C', status: 'delivered', items: [{ sku: 'C', title: '大闸蟹礼盒', quantity: 1, price: '398.00' }] });
    const c = createRobot({ dataSource: fakeDataSource({ orders: [crab], aftersales: [] }), faq: own, clock: () => NOW });
    assert.doesNotMatch(textOf(await c.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '螃蟹的绳子断了 包装坏了' })), /坏果包赔/);
    assert.doesNotMatch(textOf(await conversation(robotWith(two()))('长毛猫适合吃哪款猫粮')), /很抱歉给您添麻烦了/);
    assert.doesNotMatch(textOf(await conversation(robotWith({ ...two(), aftersales: [aftersale({ aftersaleId: 'AS-2', orderId: 'RV-2', type: 'refund', status: 'requested' })] }))('我不想退款了 能换一下手机号吗')), /改成换货/);
  });
  test('giving up a return for goods of an order with no request says that order has none; "人呢" after "shall I get a person?" gets one', async () => {
    const data = { orders: [order({ orderId: 'RV-E', status: 'delivered' }), order({ orderId: 'RV-T', status: 'delivered', createdAt: '2024-11-26T09:00:00+08:00', items: [{ sku: 'T', title: '纯棉T恤', quantity: 1, price: '59.00' }] })], aftersales: [aftersale({ aftersaleId: 'AS-T', orderId: 'RV-T', type: 'return', status: 'requested' })] };
    const a = textOf(await conversation(robotWith(data))('耳机不退了 换个新的吧'));
    assert.match(a, /RV-E 没有售后申请/);
    assert.doesNotMatch(a, /RV-T/);
    const say = conversation(robotWith({ orders: [order({ orderId: 'RV-E', status: 'delivered' })], aftersales: [] }));
    await say('耳机坏了 没声音了');
    assert.equal((await say('人呢？？')).handover?.reason, 'requested');
  });
});

describe('the twenty-first session\'s second review', () => {
  const buds = () => ({ orders: [order({ orderId: 'R2-1', status: 'delivered' }), order({ orderId: 'R2-2', status: 'paid', createdAt: '2024-11-25T09:00:00+08:00', items: [{ sku: 'B', title: '保温杯', quantity: 1, price: '89.00' }] })], aftersales: [] as ReturnType<typeof aftersale>[] });
  test('after a person was offered, a question beside "在吗" is answered, and "得，先这样吧", "没问题了" are no yes', async () => {
    for (const next of ['在吗，我的退款什么时候到', 'hello? can I still cancel it', '得，先这样吧', '没问题了']) {
      const say = conversation(robotWith(buds()));
      await say('耳机坏了 没声音了');
      assert.equal((await say(next)).handover, undefined, next);
    }
  });
  test('the shipping sentence is said once; "已经超过48小时了还没发货" after its entry is the order, late', async () => {
    const a = textOf(await conversation(robotWith(buds()))('多久发货'));
    assert.equal(a.split('付款后 48 小时内发货').length, 2, a);
    const say = conversation(robotWith(buds()));
    await say('下单后多久发货');
    assert.match(textOf(await say('已经超过48小时了还没发货')), /R2-2/);
  });
  test('past its booked day an order is not also "booked, not late"; a workshop ticket\'s hours are no delivery', async () => {
    const roses = order({ orderId: 'R2-R', status: 'paid', currency: 'GBP', createdAt: '2026-12-01T10:12:00Z', items: [{ sku: 'R', title: 'Luxury Red Rose Bouquet – Delivery Sat 5 Dec', quantity: 1, price: '45.00' }] });
    const late = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [roses] }), faq, clock: () => new Date('2026-12-06T12:00:00Z') }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my order' }));
    assert.doesNotMatch(late, /booked for delivery/);
    assert.match(late, /has passed/);
    const ticket = order({ orderId: 'R2-W', status: 'paid', currency: 'GBP', createdAt: '2026-12-01T10:12:00Z', items: [{ sku: 'W', title: 'Wreath-making workshop ticket – Sat 12 Dec 10:00-12:00', quantity: 1, price: '45.00' }] });
    assert.doesNotMatch(textOf(await createRobot({ dataSource: fakeDataSource({ orders: [ticket] }), faq, clock: () => new Date('2026-12-04T12:00:00Z') }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my order' })), /booked for delivery|has passed/);
  });
  test('"有人能帮我查一下物流吗" is the tracking; a courier or a missed day is no other delivery day; a damaged subscription delivery is trouble; "怎么拒绝收货" is no request', async () => {
    const data = { ...buds(), logistics: [logistics({ orderId: 'R2-1', status: 'delivered' })] };
    assert.equal((await conversation(robotWith(data))('有人能帮我查一下物流吗')).handover, undefined);
    for (const text of ['可以指定顺丰明天送到吗', '你们客服说周三再送，结果今天也没来']) assert.doesNotMatch(textOf(await conversation(robotWith(data))(text)), /送货日期我这边/, text);
    const sub = { orders: [order({ orderId: 'R2-S', status: 'delivered', currency: 'GBP', items: [{ sku: 'S', title: 'Monthly Flower Subscription', quantity: 1, price: '90.00' }] })] };
    assert.notEqual((await conversation(robotWith(sub))("this month's subscription flowers came damaged")).intent, 'faq');
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('怎么拒绝收货')), /售后申请/);
  });
});

describe('an order\'s status names a stalled parcel (twenty-first session, fruit shop)', () => {
  test('a split order\'s parcel three days without a scan is said late, with a person offered; one just scanned is not', async () => {
    const o = order({ orderId: 'ST-1', status: 'shipped', createdAt: '2024-11-20T08:30:00+08:00' });
    const parcels = [
      logistics({ orderId: 'ST-1', trackingNo: 'SF001', status: 'delivered', events: [{ time: '2024-11-26T11:30:00+08:00', location: '杭州市', description: '快件已签收' }] }),
      logistics({ orderId: 'ST-1', trackingNo: 'SF002', status: 'in_transit', events: [{ time: '2024-11-23T20:00:00+08:00', location: '济南市', description: '快件已到达【济南中转场】' }] }),
    ];
    const r = await conversation(robotWith({ orders: [o], logistics: parcels }))('ST-1 订单状态');
    assert.match(textOf(r), /包裹 2[^\n]*没有更新/);
    assert.equal(r.state.offeredHuman, true);
    const fresh = [parcels[0]!, logistics({ orderId: 'ST-1', trackingNo: 'SF002', status: 'in_transit', events: [{ time: '2024-11-27T08:00:00+08:00', location: '济南市', description: '快件已到达【济南中转场】' }] })];
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [o], logistics: fresh }))('ST-1 订单状态')), /没有更新/);
  });
});

describe('a UK postcode typed as the new address (twenty-first session, flower shop)', () => {
  test('"should be G42 8BB not G42 7AA" with the address named is the address given, a person offered; a postcode alone in another question is not', async () => {
    const o = order({ orderId: 'PC-1', status: 'paid', currency: 'GBP' });
    const r = await conversation(robotWith({ orders: [o] }))('hi i need to change the address on my order, typed the wrong postcode. should be G42 8BB not G42 7AA');
    assert.match(textOf(r), /Got your new address/);
    assert.equal(r.state.offeredHuman, true);
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [o] }))('do you deliver to G42 8BB?')), /Got your new address/);
  });
});

describe('asked whether it can be done, after a person was offered to do it (twenty-second session)', () => {
  test('"can you update it or not", "到底能不能改啊" after the new address was taken hand over; the same words with nothing offered do not', async () => {
    const o = order({ orderId: 'AD-1', status: 'paid' });
    const en = conversation(robotWith({ orders: [o] }));
    await en('I want to change my delivery address');
    assert.match(textOf(await en('5 Main Street, Hangzhou 310000')), /Got your new address/);
    assert.ok((await en('can you update it or not')).handover);
    const zh = conversation(robotWith({ orders: [o] }));
    await zh('我要改地址');
    assert.match(textOf(await zh('杭州市西湖区文二路 99 号')), /收到您的新地址/);
    assert.ok((await zh('到底能不能改啊')).handover);
    assert.equal((await conversation(robotWith({ orders: [o] }))('can you update it or not')).handover, undefined);
  });
});

describe('three questions in one message (twenty-second session)', () => {
  test('each of three questions is answered, in Chinese after marks and in English after a comma and "and"', async () => {
    const data = { orders: [earbuds], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-3Q', orderId: EARBUDS, status: 'approved' })] };
    const zh = textOf(await conversation(robotWith(data))('我的快递到哪了？退款到账没？能开发票吗？'));
    assert.match(zh, /ZT7700001111/);
    assert.match(zh, /退款申请/);
    assert.match(zh, /申请开票/);
    const en = textOf(await conversation(robotWith(data))("where's my parcel, did my refund go through, and can I get an invoice?"));
    assert.match(en, /ZT7700001111/);
    assert.match(en, /refund request/);
    assert.match(en, /Request invoice/);
    // A story before its question is one question, not two.
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('Support told me yesterday the money would be refunded, where is it?')), /ZT7700001111/);
  });
});

describe('another colour asked before shipping, and the wrong colour sent (twenty-second session)', () => {
  test('"can i swap the red t-shirt for a blue one?" on an unshipped order is the size-or-colour answer; "you sent me red instead of white" and "wrong colour" are trouble, a person offered', async () => {
    const paid = { orders: [order({ orderId: 'SP-1', status: 'paid', items: [{ sku: 'TS', title: 'Red cotton T-shirt', quantity: 1, price: '59.00' }] })] };
    assert.match(textOf(await conversation(robotWith(paid))('can i swap the red t-shirt for a blue one?')), /can't change its size or colour myself/);
    assert.match(textOf(await conversation(robotWith(paid))('could it be white roses instead of red?')), /can't change its size or colour myself/);
    const got = { orders: [order({ orderId: 'SP-2', status: 'delivered' })] };
    for (const text of ['you sent me red instead of white', 'got a blue one instead of the black i ordered', 'you sent me the wrong colour']) {
      assert.match(textOf(await conversation(robotWith(got))(text)), /wrong, missing, damaged or faulty/, text);
    }
  });
});

describe('a pre-order\'s day in an English title (twenty-second session, electronics shop in Malaysia)', () => {
  test('"- ships from 20 Dec" counts from that day, "dispatch by Dec 10" by it, not from payment', async () => {
    const pre = (title: string) => ({ orders: [order({ orderId: 'PO-1', status: 'paid', currency: 'MYR', updatedAt: '2024-11-26T09:00:00+08:00', items: [{ sku: 'P', title, quantity: 1, price: '5999.00' }] })] });
    const from = textOf(await conversation(robotWith(pre('[Pre-order] Galaxy S25 Ultra 512GB - ships from 20 Dec')))('when will my pre-order ship?'));
    assert.match(from, /ships from Dec 20/);
    assert.doesNotMatch(from, /Dec 27/, 'no end day of its own (thirty-ninth session)');
    assert.match(textOf(await conversation(robotWith(pre('[Pre-order] Galaxy S25 Ultra - dispatch by Dec 10')))('when will my pre-order ship?')), /Dec 10/);
    // Found in review: other ways titles say it.
    assert.match(textOf(await conversation(robotWith(pre('Phone pre-order - Est. ship date: 20 Dec')))('when will my pre-order ship?')), /Dec 20/);
    assert.match(textOf(await conversation(robotWith(pre('Pre-order Shipping 3 Dec to 10 Dec')))('when will my pre-order ship?')), /Dec 10/);
  });
});

describe('a code that does not work, with the shop\'s coupon entry not sure (twenty-second session, US grocery)', () => {
  test('the usual causes are said, never "after checking the above" with nothing above', async () => {
    const shopFaq = new FaqIndexProvider();
    shopFaq.setEntries('shop_g', [{ id: 'promo', question: 'Why is my promo code not working?', answer: 'Codes need a minimum subtotal.', alternates: ['promo code', 'coupon not working', 'discount code invalid'] },
      { id: 'slot', question: 'Can I change my delivery slot?', answer: 'Yes, until 10pm the day before.' }]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [], aftersales: [] }), faq: shopFaq, clock: () => NOW });
    const r = await robot.answer({ shopId: 'shop_g', userId: 'u-g', conversationId: 'c-g', text: 'my promo code FRESH20 isnt working at checkout' });
    assert.doesNotMatch(textOf(r), /^If it still doesn't apply after checking the above/);
    assert.match(textOf(r), /minimum/);
  });
});

describe('a returns question not about the request under way (twenty-second session, resale shop)', () => {
  test('"what if" and before-buying questions get the policy without the unrelated refund card; "我退的货你们收到了吗" keeps it', async () => {
    const data = { orders: [earbuds], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-W', orderId: EARBUDS, status: 'approved' })] };
    for (const text of ['要是收到不喜欢，能退不', 'can i get a refund if i dont like it', '有质量问题的话可以换新的吗']) {
      assert.doesNotMatch(textOf(await conversation(robotWith(data))(text)), /退款申请|refund request/, text);
    }
    assert.match(textOf(await conversation(robotWith(data))('退货的钱退了吗')), /退款申请/);
  });
});

describe('how long a review takes, in the shop\'s words or none (twenty-second session, resale shop and US grocery)', () => {
  test('a request not reviewed yet names no review time of the robot\'s own; the shop\'s entry on reviews is said when it has one', async () => {
    const data = { orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'AS-R', orderId: EARBUDS, status: 'requested', updatedAt: '2024-11-27T09:00:00+08:00' })] };
    const plain = textOf(await conversation(robotWith(data))('我的退款审核了吗'));
    assert.match(plain, /待审核/);
    assert.doesNotMatch(plain, /1-2 个工作日/);
    const shopFaq = new FaqIndexProvider();
    shopFaq.setEntries(SHOP, [...readDemoFaq(), { id: 'review', question: '售后申请多久审核？', answer: '售后申请当天审核，最晚不超过24小时。', alternates: ['退款多久审核'] }]);
    const robot = createRobot({ dataSource: fakeDataSource(data), faq: shopFaq, clock: () => NOW });
    assert.match(textOf(await conversation(robot)('我的退款审核了吗')), /当天审核/);
  });
});

describe('Malaysian English and other readings (twenty-second session, electronics shop in Malaysia)', () => {
  test('"tq" thanks; "still not received leh" and "我的iPad寄到古晋了吗" are the parcel, not a request; "screen keeps flickering" is a fault', async () => {
    assert.equal((await conversation(robotWith({ orders: [earbuds] }))('ok tq')).intent, 'bye');
    for (const text of ['still not received leh', 'hi, my earbuds still not received', '你好，我的耳机寄到杭州了吗？']) {
      const r = await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))(text);
      assert.match(textOf(r), /ZT7700001111/, text);
    }
    const fault = textOf(await conversation(robotWith({ orders: [order({ orderId: 'L-1', status: 'delivered', items: [{ sku: 'L', title: 'ASUS Vivobook 15 laptop', quantity: 1, price: '2999.00' }] })] }))('my asus laptop screen keeps flickering'));
    assert.match(fault, /faulty|human/);
  });
  test('"ok fine, I\'ll wait. thanks" is a goodbye; "how long will the review take" after a request is that request', async () => {
    const say = conversation(robotWith({ orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'AS-M', orderId: EARBUDS, type: 'return', status: 'requested' })] }));
    await say("what's the status of my return?");
    assert.equal((await say('how long will the review take')).intent, 'aftersale_progress');
    assert.equal((await say("ok fine, I'll wait. thanks")).intent, 'bye');
  });
});

describe('"the other one" with its goods named (twenty-second session, resale shop)', () => {
  test('"那另一个呢 保温杯什么时候发货" after one order\'s answer is the other order with the cup, not a list of every other', async () => {
    const cup = order({ orderId: 'CUP-3', status: 'paid', createdAt: '2024-11-26T12:00:00+08:00', items: [{ sku: 'C', title: '不锈钢保温杯 500ml', quantity: 1, price: '89.00' }] });
    const say = conversation(robotWith({ orders: [earbuds, tshirt, cup], logistics: [earbudsTrack, tshirtTrack] }));
    assert.match(textOf(await say('我的耳机到哪了')), /ZT7700001111/);
    const r = await say('那另一个呢 保温杯什么时候发货');
    assert.match(textOf(r), /CUP-3/);
    assert.doesNotMatch(textOf(r), /哪一个/);
  });
});

describe('a children\'s books and toys shop\'s parents (twenty-second session)', () => {
  const kidsFaq = new FaqIndexProvider();
  kidsFaq.setEntries('shop_k', [
    { id: 'parts', question: '收到少了零件或者零件坏了怎么办？', answer: '拍照联系客服，免费补发配件。', alternates: ['缺件', '配件坏了', '零件断了'] },
    { id: 'pen', question: '点读笔点了没声音/不读怎么办？', answer: '先下载对应书的音频包，再重启点读笔。', alternates: ['点读笔不出声', '点读笔没反应', '怎么下载音频'] },
    { id: 'battery', question: '遥控车带电池吗？', answer: '充电版自带锂电池，USB 充电约 2 小时。', alternates: ['要充电吗', '送电池吗'] },
  ]);
  const kid = (title: string, p: Partial<Parameters<typeof order>[0]> = {}) => order({ orderId: `K-${title.length}`, shopId: 'shop_k', status: 'delivered', items: [{ sku: 'K', title, quantity: 1, price: '259.00' }], ...p });
  const ask = (orders: ReturnType<typeof order>[], logs: ReturnType<typeof logistics>[] = []) => {
    const robot = createRobot({ dataSource: fakeDataSource({ orders, logistics: logs }), faq: kidsFaq, clock: () => NOW });
    return conversation(robot, 'u-1001', 'shop_k');
  };
  test('"点读笔点了没反应 是不是坏了" gets the reading pen\'s entry, not the missing-parts one; "要下载啥 在哪下" is no parcel', async () => {
    const pen = kid('小达人点读笔X1 16G');
    const say = ask([pen], [logistics({ orderId: pen.orderId, shopId: 'shop_k', status: 'delivered' })]);
    const r = textOf(await say('点读笔点了没反应 是不是坏了'));
    assert.match(r, /音频包/);
    assert.doesNotMatch(r, /补发配件/);
    assert.doesNotMatch(textOf(await ask([pen], [logistics({ orderId: pen.orderId, shopId: 'shop_k' })])('要下载啥 在哪下')), /运单号/);
  });
  test('"我孙子的那个书到了没" is the parcel; "充电的时候特别烫 还有股糊味" is a danger; "冲电" is 充电', async () => {
    const book = kid('恐龙大百科立体书 3-6岁', { status: 'shipped' });
    assert.match(textOf(await ask([book], [logistics({ orderId: book.orderId, shopId: 'shop_k', trackingNo: 'YT6600554433' })])('我孙子的那个书到了没')), /YT6600554433/);
    const hot = await ask([kid('小达人点读笔X1 16G')])('点读笔充电的时候特别烫 还有股糊味');
    assert.ok(hot.handover);
    assert.match(textOf(await ask([])('遥控车要冲电吗')), /USB 充电/);
  });
  test('"怎么还没发货" of a pre-order says the day its title names, with no chase offer unless hurried', async () => {
    const pre = kid('【预售】神奇校车新版第三辑 全10册 12月18日发货', { status: 'paid', updatedAt: '2024-11-26T09:00:00+08:00' });
    const r = await ask([pre])('我买的神奇校车怎么还没发货');
    assert.match(textOf(r), /12月18日/);
    assert.notEqual(r.state.offeredHuman, true);
  });
});

describe('the order talked about, and goods to add to it (twenty-second session, US grocery)', () => {
  const sat = order({ orderId: 'GR-88', status: 'paid', currency: 'USD', createdAt: '2024-11-26T14:20:00+08:00', items: [{ sku: 'B', title: 'Bananas, bunch', quantity: 1, price: '1.99' }, { sku: 'D', title: 'Local delivery – Sat 30 Nov, 10:00-12:00', quantity: 1, price: '0.00' }] });
  const pantry = order({ orderId: 'GR-90', status: 'shipped', currency: 'USD', createdAt: '2024-11-24T14:20:00+08:00', items: [{ sku: 'K', title: 'Black beans, 15 oz can, case of 12', quantity: 1, price: '14.00' }] });
  const data = { orders: [sat, pantry], logistics: [logistics({ orderId: 'GR-90', carrier: 'UPS', trackingNo: '1Z999' })] };
  test('"cancel it" is the order talked about, not the one with a can of beans in it; "saturday" finds the title\'s "Sat"', async () => {
    const say = conversation(robotWith(data));
    assert.match(textOf(await say('did my order for saturday go through? i paid')), /GR-88/);
    const r = textOf(await say("cancel it then i'll reorder"));
    assert.match(r, /GR-88/);
    assert.doesNotMatch(r, /GR-90/);
  });
  test('"no wait dont cancel!! i just want to add stuff" and "can i add tortillas to it" are goods to add, with a person offered', async () => {
    const say = conversation(robotWith(data));
    await say('did my order for saturday go through? i paid');
    const add = await say('can i add tortillas to it');
    assert.match(textOf(add), /can't add items[\s\S]*GR-88|GR-88[\s\S]*can't add items/);
    assert.equal(add.state.offeredHuman, true);
    assert.doesNotMatch(textOf(await say('no wait dont cancel!! i just want to add stuff')), /cancel/i);
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('可以帮忙包成礼品，加个贺卡吗')), /没法加商品/);
  });
});

describe('the review of the twenty-second session\'s first fixes', () => {
  const paid = { orders: [order({ orderId: 'RV-1', status: 'paid' })] };
  test('a colour word in a place is an address; rice and bread are food; "change it to blue" is a colour', async () => {
    for (const text of ['please ship it to orange county instead', 'send it to white plains instead of brooklyn']) assert.equal((await conversation(robotWith(paid))(text)).intent, 'change_address', text);
    for (const text of ['can i get brown rice instead of white', 'can i swap the white bread for brown', 'do you have it in black instead?']) assert.doesNotMatch(textOf(await conversation(robotWith(paid))(text)), /size or colour/, text);
    assert.match(textOf(await conversation(robotWith(paid))('can i change it to blue')), /size or colour/);
  });
  test('undecided is no "can it be done"; "ok, I\'ll wait. thanks" to an offer is a goodbye, not a hand-over', async () => {
    const say = conversation(robotWith(paid));
    await say('i want to change my delivery address');
    assert.equal((await say('not sure yet whether to change it or not')).handover, undefined);
    const wait = conversation(robotWith({ orders: [order({ orderId: 'RV-2', status: 'paid', updatedAt: '2024-11-20T09:00:00+08:00' })] }));
    assert.equal((await wait('has my order shipped?')).state.offeredHuman, true);
    const r = await wait("ok, i'll wait. thanks");
    assert.equal(r.handover, undefined);
    assert.equal(r.intent, 'bye');
  });
  test('a review beside another question, or of the goods, is no request\'s review; "wanna know if" is no "what if"', async () => {
    const data = { orders: [earbuds], logistics: [earbudsTrack], aftersales: [aftersale({ aftersaleId: 'AS-V', orderId: EARBUDS, status: 'requested' })] };
    const say = conversation(robotWith(data));
    await say('我的退款怎么样了');
    assert.match(textOf(await say('审核通过了，我的快递到哪了')), /ZT7700001111/);
    const en = conversation(robotWith(data));
    await en('where is my refund');
    assert.notEqual((await en('the review said it runs small')).intent, 'aftersale_progress');
    assert.match(textOf(await conversation(robotWith(data))('wanna know if the return i sent last week even got there')), /refund request/);
  });
  test('"not yet arrive leh", "寄到杭州没" are the parcel; store credit instead of a refund is no wrong item; anger beside a wrong colour is a complaint', async () => {
    for (const text of ['not yet arrive leh', 'havent receive yet', '我的耳机寄到杭州没']) assert.match(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))(text)), /ZT7700001111/, text);
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [earbuds] }))('I received store credit instead of a refund')), /wrong, missing/);
    assert.ok((await conversation(robotWith({ orders: [earbuds] }))('wtf i received wrong colour watch, so lousy service')).handover);
  });
  test('a stored phrasing beside a topic or goods of its own is no answer; a story after a comma is no second question', async () => {
    // The demo shop's shipping-fee, service-hours and electronics-warranty entries hold these phrasings; none is asserted.
    for (const text of ['换货要运费吗', '快递员几点下班', 'How long is the warranty on the pens?', 'how long is the warranty if i drop it']) {
      assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [] }))(text)), /^(?:全场满 99 元包邮|人工客服每天|Electronics come with)/, text);
    }
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [earbuds, tshirt] }))('can i get an invoice, when i ordered i forgot to ask')), /Which of these 2 orders/);
  });
});

describe('a message that tells no language, in a shop whose FAQ is English (twenty-second session, US grocery and Malaysian electronics)', () => {
  test('"👋" is a greeting and a bare order number is answered in the FAQ\'s language; the demo shop\'s mixed FAQ keeps Chinese', async () => {
    const en = new FaqIndexProvider();
    en.setEntries('shop_en', [
      { id: 'a', question: 'What is the minimum order?', answer: '$35.' },
      { id: 'b', question: 'Do you deliver on Sundays?', answer: 'Yes.' },
      { id: 'c', question: 'Can I pay with EBT?', answer: 'Yes, for eligible items.' },
    ]);
    const o = order({ orderId: 'GR100277', shopId: 'shop_en', status: 'paid', currency: 'USD' });
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: en, clock: () => NOW });
    const wave = await conversation(robot, 'u-1001', 'shop_en')('👋');
    assert.equal(wave.intent, 'greeting');
    assert.match(textOf(wave), /^Hi/);
    assert.match(textOf(await conversation(robot, 'u-1001', 'shop_en')('GR100277')), /Your order GR100277/);
    assert.match(textOf(await conversation(robotWith({ orders: [] }))('👋')), /您好/);
  });
});

describe('short readings from the resale shop and the Malaysian shop (twenty-second session)', () => {
  test('"哦" is heard, not a miss; "wer my fone" is where; "那个香奈儿cf还在吗" is no greeting', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    const oh = await say('哦');
    assert.equal(oh.state.failures, 0);
    assert.equal((await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))('wer my fone')).intent, 'track_parcel');
    assert.notEqual((await conversation(robotWith({ orders: [] }))('那个香奈儿cf还在吗')).intent, 'greeting');
  });
});

describe('only a person can call the courier, or send one again (twenty-second session, US grocery and kids\' shop)', () => {
  test('"can u call the driver pls", "帮我联系一下快递员", "能不能给我重新发一本" after a late parcel hand over', async () => {
    for (const text of ['can u call the driver pls', '帮我联系一下快递员']) assert.ok((await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))(text)).handover, text);
    const late = logistics({ orderId: EARBUDS, events: [{ time: '2024-11-22T18:00:00+08:00', location: '郑州', description: '快件已到达郑州转运中心' }] });
    const say = conversation(robotWith({ orders: [earbuds], logistics: [late] }));
    assert.equal((await say('我的快递怎么还没到啊 是不是丢了')).state.offeredHuman, true);
    assert.ok((await say('能不能给我重新发一个')).handover);
  });
});

describe('the second review of the twenty-second session', () => {
  test('"i got a phone case instead of the earbuds" is a wrong item; "how do i contact the courier" hands nobody over; notes and haste are no goods to add', async () => {
    assert.match(textOf(await conversation(robotWith({ orders: [order({ orderId: 'SR-1', status: 'delivered' })] }))('i got a phone case instead of the earbuds i ordered')), /wrong, missing/);
    for (const text of ['how do i contact the courier', '怎么联系快递员']) assert.equal((await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))(text)).handover, undefined, text);
    const paidOrder = { orders: [order({ orderId: 'SR-2', status: 'paid' })] };
    for (const text of ['订单能加急吗', '订单能加个备注吗', 'can i add a note to my order']) assert.doesNotMatch(textOf(await conversation(robotWith(paidOrder))(text)), /没法加商品|can't add items/, text);
    assert.match(textOf(await conversation(robotWith(paidOrder))('can i add another shirt to my order')), /can't add items/);
  });
  test('a Latin word is English whatever the shop\'s FAQ; done after an offer is a goodbye', async () => {
    const zh = new FaqIndexProvider();
    zh.setEntries('shop_zh', [{ id: 'a', question: '发什么快递？', answer: '顺丰。' }, { id: 'b', question: '可以开发票吗？', answer: '可以。' }, { id: 'c', question: '包邮吗？', answer: '满99包邮。' }]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: zh, clock: () => NOW });
    assert.match(textOf(await conversation(robot, 'u-1001', 'shop_zh')('hello')), /^Hi/);
    const say = conversation(robotWith({ orders: [order({ orderId: 'SR-3', status: 'paid', updatedAt: '2024-11-20T09:00:00+08:00' })] }));
    assert.equal((await say('我的订单发货了吗')).state.offeredHuman, true);
    const r = await say('好的，谢谢，没有别的问题了');
    assert.equal(r.handover, undefined);
  });
  test('a FAQ store that hangs is asked the shop\'s language once, not on every turn', async () => {
    let asked = 0;
    const hung: FaqProvider = { search: async () => null, language: () => { asked++; return new Promise(() => {}); } };
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: hung, clock: () => NOW });
    for (let i = 0; i < 3; i++) await robot.answer({ shopId: 'shop_h', userId: `u-${i}`, conversationId: `c-${i}`, text: '👋' });
    assert.equal(asked, 1);
  });
});

describe('a shipping promise in working days (twenty-second session, resale shop)', () => {
  test('"3个工作日内发出" paid on a Tuesday is late on Saturday morning, not before Friday night', async () => {
    const shipFaq = new FaqIndexProvider();
    shipFaq.setEntries('shop_w', [{ id: 's', question: '付款后多久发货', answer: '付款后由鉴定师复检，3个工作日内顺丰发出。', alternates: ['什么时候发货'] }]);
    const paid = order({ orderId: 'WD-1', shopId: 'shop_w', status: 'paid', updatedAt: '2024-11-26T10:00:00+08:00' }); // a Tuesday
    const at = (iso: string) => createRobot({ dataSource: fakeDataSource({ orders: [paid] }), faq: shipFaq, clock: () => new Date(iso) });
    assert.match(textOf(await conversation(at('2024-11-30T05:00:00+08:00'), 'u-1001', 'shop_w')('我的订单什么时候发货')), /比平常慢/);
    assert.doesNotMatch(textOf(await conversation(at('2024-11-29T20:00:00+08:00'), 'u-1001', 'shop_w')('我的订单什么时候发货')), /比平常慢/);
  });
});

describe("a shop's own time zone (twenty-third session)", () => {
  // NOW is 2024-11-27 10:00 in China, 2024-11-26 21:00 in New York: the earbuds were ordered on
  // the 24th there (20:00), the T-shirt on the 25th (21:00).
  const inZone = (timeZone?: string) => {
    const faq = new FaqIndexProvider();
    faq.setEntries(SHOP, readDemoFaq(), undefined, timeZone ? { timeZone } : {});
    return createRobot({ dataSource: fakeDataSource({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack] }), faq, clock: () => NOW });
  };
  test('order times are told in the zone the shop set, not the robot\'s', async () => {
    const nyAnswer = await inZone('America/New_York').answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my package' });
    const ny = textOf(nyAnswer);
    assert.match(ny, /Nov 24, 20:00/);
    // The card says which zone its times are in, so a page shows them as the text does.
    assert.ok(nyAnswer.replies.some((x) => x.card) && nyAnswer.replies.every((x) => !x.card || x.card.timeZone === 'America/New_York'));
    assert.doesNotMatch(ny, /Nov 25, 09:00/);
    assert.match(textOf(await inZone().answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is my package' })), /Nov 25, 09:00/);
  });
  test('a day the buyer names is the shop\'s day', async () => {
    const ask = async (robot: Robot) => textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '11月25日下的单到哪了' }));
    assert.match(await ask(inZone('America/New_York')), new RegExp(TSHIRT));
    assert.match(await ask(inZone()), new RegExp(EARBUDS));
  });
  test('a store that hangs on the zone: the answer comes within the budget in the robot\'s zone, and the store is not asked every turn', async () => {
    let asked = 0;
    const faq = new FaqIndexProvider();
    faq.setEntries(SHOP, readDemoFaq());
    const hung: FaqProvider = { search: (s, t) => faq.search(s, t), lookup: faq.lookup.bind(faq), probe: faq.probe.bind(faq), timeZone: () => { asked++; return new Promise(() => {}); } };
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }), faq: hung, clock: () => NOW, budgetMs: 100 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) assert.match(textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: `c-${i}`, text: '我的快递到哪了' })), /中通快递/);
    assert.ok(performance.now() - started < 1000);
    assert.equal(asked, 1);
  });
});

describe("a Taiwanese shop's own times (twenty-third session, pet shop)", () => {
  const twFaq = new FaqIndexProvider();
  twFaq.setEntries('shop_tw', [
    { id: 'ship', question: '付款後多久出貨？', answer: '現貨商品付款後 24 小時內出貨（週日及國定假日順延一天）。' },
    { id: 'refund', question: '退款多久到帳？', answer: '信用卡退刷約 7-14 個工作天（依發卡銀行入帳時間）；ATM 轉帳、LINE Pay 約 3-5 個工作天。' },
    { id: 'review', question: '售後申請多久審核？', answer: '退貨、退款、換貨申請會在 1 個工作天內審核完成。' },
  ]);
  const tw = (data: FakeData) => conversation(createRobot({ dataSource: fakeDataSource(data), faq: twFaq, clock: () => NOW }), 'u-1001', 'shop_tw');
  test('"7-14 個工作天" is the shop\'s refund time, said instead of the built-in one', async () => {
    const o = order({ orderId: 'TW-1', shopId: 'shop_tw', status: 'cancelled' });
    const t = textOf(await tw({ orders: [o], aftersales: [aftersale({ aftersaleId: 'R1', orderId: 'TW-1', shopId: 'shop_tw', status: 'refunded' })] })('我之前取消的那張單 錢退了沒'));
    assert.match(t, /7-14 個工作天/);
    assert.doesNotMatch(t, /1-3/);
  });
  test('"1 個工作天內審核" is the shop\'s review time', async () => {
    const o = order({ orderId: 'TW-2', shopId: 'shop_tw', status: 'delivered' });
    assert.match(textOf(await tw({ orders: [o], aftersales: [aftersale({ aftersaleId: 'R2', orderId: 'TW-2', shopId: 'shop_tw', status: 'requested' })] })('我已經申請退款了 什麼時候會處理')), /1 個工作天內審核/);
  });
  test('"24 小時內出貨" makes an order paid 33 hours ago late', async () => {
    const paid = order({ orderId: 'TW-3', shopId: 'shop_tw', status: 'paid', updatedAt: new Date(NOW.getTime() - 33 * 3_600_000).toISOString() });
    const t = textOf(await tw({ orders: [paid] })('狗飼料什麼時候出貨？我前天晚上就付款了耶'));
    assert.match(t, /24 小時內出貨/);
    assert.match(t, /比平常慢/);
  });
});

describe('an emergency with medicine (twenty-third session, pharmacy)', () => {
  test('swallowed medicine, too much of it, someone who will not wake: call for help first, then a person ahead in the queue', async () => {
    const texts = ['HELP my 2 year old got into the motrin bottle and drank some, what do i do', 'my son swallowed a few of my blood pressure pills', 'I think I took too many tylenol', '孩子误食了布洛芬怎么办', '我妈药吃多了 叫不醒'];
    for (const text of texts) {
      const r = await conversation(robotWith({}))(text);
      assert.equal(r.handover?.reason, 'complaint', text);
      assert.match(textOf(r), /911|120/, text);
    }
    // A pet's: the vet's own emergency (forty-fifth session).
    const dog = await conversation(robotWith({}))('my dog ate some of the ibuprofen tablets');
    assert.equal(dog.handover?.reason, 'complaint');
    assert.equal(textOf(dog), TEXTS.en.healthPetEmergency);
  });
  test('a dose asked another way, and feeling awful after it, are health questions too', async () => {
    assert.match(textOf(await conversation(robotWith({}))('it says my pressure is 165 over 100. is that bad should I take another pill')), /doctor or pharmacist/);
    assert.match(textOf(await conversation(robotWith({}))('is it 1 or 2 gummies for a 4 year old')), /doctor or pharmacist/);
    assert.match(textOf(await conversation(robotWith({}))('I took 6 of the unisom and they made me feel awful')), /stop using it/);
  });
  test('poison as goods, a seizure by customs, a pet food question: no emergency', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const t of ['do you sell rat poison', 'is this plant poisonous to cats', 'my parcel was seized by customs', 'the box of pills arrived crushed', 'can my cat eat this food', '游戏中的中毒状态怎么解']) {
      assert.notEqual(healthAsked(normalize(t).text), 'emergency', t);
    }
  });
});

describe('waiting in the queue with nobody online (twenty-third session)', () => {
  test('"算了不用了 … 客服時間是幾點？" takes the hand-over back: the people\'s hours asked, not a person', () => {
    assert.equal(withdrawsHandover('算了不用了 我自己查 客服時間是幾點？'), '客服時間是幾點?');
    assert.equal(withdrawsHandover('算了 不用了 what time are your agents online?'), 'what time are your agents online?');
    assert.equal(withdrawsHandover('算了不用了 我要找人工'), undefined);
  });
  test('unsure, the shop\'s own question is offered as the FAQ\'s answer; about the buyer\'s own order, nothing', async () => {
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }), faq, clock: () => NOW });
    const offered = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-q1', text: '发什么快递公司', faqOnly: true });
    assert.equal(offered.fromFaq, true);
    assert.match(textOf(offered), /默认发什么快递/);
    const yes = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-q1', text: '是', state: offered.state, faqOnly: true });
    assert.equal(yes.fromFaq, true);
    assert.match(textOf(yes), /默认发中通快递/);
    assert.equal((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-q2', text: '我的耳机什么时候到', faqOnly: true })).fromFaq, undefined);
  });
});

describe('thanks that closes, and thanks before another question (twenty-third session)', () => {
  test('"before Thanksgiving" and "if that helps" are no goodbye; "ok i\'ll try another card. tysm" is', async () => {
    const nlu = createNlu();
    assert.equal(nlu.understand('I had cancelled the probiotic order before Thanksgiving because it could not go to my PO box. Did my money come back? I don\'t see it on my statement yet.', NOW).intent === 'bye', false);
    assert.notEqual(nlu.understand('lot number is 2JL4416 if that helps', NOW).intent, 'bye');
    for (const t of ["ok i'll try another card. tysm", '好的 我再等等 谢谢']) assert.equal(nlu.understand(t, NOW).intent, 'bye', t);
    // A question after it is still the question.
    assert.notEqual(nlu.understand("ok i'll wait, when will it ship? thanks", NOW).intent, 'bye');
  });
  test('thanks or an ok, then 顺便 / 另外 and a question: the question is answered, not "不客气"', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_k', [{ id: 'iqiyi', question: '爱奇艺月卡怎么兑换？', answer: '打开爱奇艺APP - 我的 - 兑换VIP，输入卡密即可。' }, { id: 'ys', question: '原神月卡每天要自己领吗？', answer: '要每天登录游戏领取90原石。' }]);
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }), 'u-1001', 'shop_k');
    assert.match(textOf(await say('话费到了！！谢谢 顺便问下爱奇艺月卡怎么兑换')), /兑换VIP/);
    assert.match(textOf(await say('好的 另外原神月卡每天要自己领吗')), /90原石/);
  });
});

describe('a parcel waiting at a pickup point (twenty-third session, Taiwan)', () => {
  const atStore = (description: string, status: Logistics['status'] = 'delivered') => logistics({ orderId: EARBUDS, status, events: [{ time: '2024-11-26T11:00:00+08:00', location: '板桥府中门市', description }] });
  test('told as waiting to be collected, not as signed for, whether sent as delivered or in transit', async () => {
    // A freight company's depot for self-pickup too (twenty-fourth session, auto parts).
    for (const [event, status] of [['商品已到店，请于 12/11 前取件', 'delivered'], ['已放入丰巢快递柜，取件码 1234', 'in_transit'], ['货物已到达郑州管城营业部，请携带身份证到网点自提', 'in_transit']] as const) {
      const t = textOf(await conversation(robotWith({ orders: [earbuds], logistics: [atStore(event, status)] }))('我的快递到哪了'));
      assert.match(t, /已到自提点待取件/, event);
      assert.doesNotMatch(t, /已经签收|已签收|物流已经/, event);
    }
    const en = textOf(await conversation(robotWith({ orders: [earbuds], logistics: [atStore('Ready for collection at the Post Office')] }))('where is my parcel'));
    assert.match(en, /waiting at the pickup point/);
    assert.match(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [atStore('顾客已取件')] }))('我的快递到哪了')), /已签收/);
  });
  test('"到店了吗" and "取件码" are parcel questions', async () => {
    assert.match(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [atStore('商品已到店，请于 12/11 前取件')] }))('我的耳机到店了吗 要去哪间拿')), /待取件/);
  });
});

describe('numbers that are no order, and a person asked for in one word (twenty-third session)', () => {
  test('an address unit ("#05-1234") and an error code ("0xC004F050") are not order numbers; "order #05-1234" still is', () => {
    const nlu = createNlu();
    const ids = (t: string) => nlu.understand(t, NOW).entities.filter((e) => e.type === 'orderId' || e.type === 'ordinal').map((e) => e.value);
    assert.deepEqual(ids('Blk 520 Ang Mo Kio Ave 10 #05-1234 S560520'), []);
    assert.deepEqual(ids('win11激活码激活不了 提示0xC004F050'), []);
    assert.deepEqual(ids('order #05-1234 where is it'), ['#05-1234']);
  });
  // Found from outside (an auto-parts wholesaler, twenty-fourth session): "no order numbered 11537600446".
  test('a part\'s or a vehicle\'s number is no order number; an order\'s own model still names the order', () => {
    const nlu = createNlu();
    const ids = (t: string) => nlu.understand(t, NOW).entities.filter((e) => e.type === 'orderId').map((e) => e.value);
    for (const t of ['16100-29415这个型号我也能用不', '换成11537600446这个型号行不', 'OE号04465-33480 有没有', 'VIN码LVGBE40K8KG123456 帮查下', 'OE 5Q0615301F', 'part no. 5Q0615301F in stock?', '车架号LVGBE40K8KG123456']) assert.deepEqual(ids(t), [], t);
    assert.deepEqual(ids('订单号 AP20261129031 发了吗'), ['AP20261129031']);
    assert.deepEqual(ids('AP20261129031 的型号不对'), ['AP20261129031']);
    assert.deepEqual(ids('AP20261129031型号发错了'), ['AP20261129031']);
  });
  test('"人工！！！" hands over even when the shop has "有人工吗" as an alternate of its hours entry', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_h', [{ id: 'hours', question: '人工客服几点上班？', answer: '人工客服每天9:00-24:00在线。', alternates: ['客服几点上班', '有人工吗'] }]);
    const robot = createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW });
    assert.equal((await conversation(robot, 'u-1001', 'shop_h')('人工！！！')).handover?.reason, 'requested');
    assert.match(textOf(await conversation(robot, 'u-1001', 'shop_h')('人工客服几点上班')), /9:00-24:00/);
  });
  // Found in review (twenty-third session): "客服！！！" was read as nothing, and the hours entry offered.
  test('"客服", "客服！！！", "有客服吗", "customer service!!!" call a person; "客服几点上班" and "客服在吗" do not', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_h', [{ id: 'hours', question: '客服几点上班？', answer: '人工客服每天9:00-24:00在线。', alternates: ['customer service hours'] }]);
    const robot = createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW });
    for (const text of ['客服', '客服！！！', '客服？', '有客服吗', '客服客服', 'customer service!!!', 'Customer support']) {
      assert.equal((await conversation(robot, 'u-1001', 'shop_h')(text)).handover?.reason, 'requested', text);
    }
    assert.match(textOf(await conversation(robot, 'u-1001', 'shop_h')('客服几点上班')), /9:00-24:00/);
    assert.equal((await conversation(robot, 'u-1001', 'shop_h')('客服在吗')).handover, undefined);
  });
});

describe('a shop that delivers itself, and a question after an ok (twenty-third session, furniture)', () => {
  const furniture = new FaqIndexProvider();
  furniture.setEntries('shop_f', [
    { id: 'ship', question: 'How soon do you ship after payment?', answer: 'In-stock items are delivered within 7 working days after payment, on the slot you choose.' },
    { id: 'inst', question: 'Do you offer instalment payments?', answer: 'Yes. Atome splits any order into 3 interest-free payments.', alternates: ['can i pay by credit card instalments'] },
  ]);
  const sofa = order({ orderId: 'HN-1', shopId: 'shop_f', status: 'paid', updatedAt: new Date(NOW.getTime() - 3 * 86_400_000).toISOString(), items: [{ sku: 's', title: 'Bergen 3-Seater Sofa', quantity: 1, price: '1299.00' }] });
  const say = () => conversation(createRobot({ dataSource: fakeDataSource({ orders: [sofa] }), faq: furniture, clock: () => NOW }), 'u-1001', 'shop_f');
  test('"delivered within 7 working days after payment" is the shipping promise: said, and a 3-day-old order is not late', async () => {
    const t = textOf(await say()('when will my sofa come?'));
    assert.match(t, /within 7 working days after payment/);
    assert.doesNotMatch(t, /48 hours|later than usual/);
  });
  test('"ok. and my new bergen sofa when deliver?" after "did you mean …?" asks about the sofa, not yes', async () => {
    const s = say();
    assert.match(textOf(await s('i paid with credit card')), /instalment/);
    const t = textOf(await s('ok. and my new bergen sofa when deliver? paid on 1 dec'));
    assert.match(t, /HN-1/);
    assert.doesNotMatch(t, /Atome/);
  });
});

describe('top-ups named by their face value (twenty-third session, digital goods)', () => {
  const topUp = (id: string, value: number, status: Order['status'], paidAgoHours: number) =>
    order({ orderId: id, status, updatedAt: new Date(NOW.getTime() - paidAgoHours * 3_600_000).toISOString(), createdAt: new Date(NOW.getTime() - paidAgoHours * 3_600_000).toISOString(), items: [{ sku: `hf${value}`, title: `中国移动 话费充值${value}元 全国快充 24小时内到账`, quantity: 1, price: `${value - 0.6}` }], totalAmount: `${value - 0.6}` });
  const data = { orders: [topUp('KQ-200', 200, 'paid', 32), topUp('KQ-50', 50, 'completed', 400)] };
  test('"200话费昨天充的 到现在都没到" is the 200元 top-up (paid 199.40), late past its title\'s 24 hours', async () => {
    const t = textOf(await conversation(robotWith(data))('200话费昨天充的 到现在都没到！！！'));
    assert.match(t, /KQ-200/);
    assert.doesNotMatch(t, /KQ-50/);
    assert.match(t, /比平常慢/);
  });
  test('"200那单" picks it from the list; "hf到了吗" and "还在充值中" are about the top-up', async () => {
    const say = conversation(robotWith(data));
    assert.match(textOf(await say('话费到账没')), /哪一个/);
    assert.match(textOf(await say('200那单')), /KQ-200/);
    assert.match(textOf(await conversation(robotWith({ orders: [data.orders[0]!] }))('hf到了吗')), /KQ-200/);
    assert.match(textOf(await conversation(robotWith({ orders: [data.orders[0]!] }))('我那200的话费还在充值中 咋回事啊')), /KQ-200/);
  });
});

describe('a digital order already sent, asked to be cancelled (twenty-third session)', () => {
  test('no "7 天无理由" for a top-up: usually no refund, the shop\'s terms, a person offered', async () => {
    const sent = order({ orderId: 'KQ-9', status: 'completed', items: [{ sku: 'hf', title: '中国联通 话费充值50元 快充', quantity: 1, price: '49.80' }], totalAmount: '49.80' });
    const r = await conversation(robotWith({ orders: [sent], logistics: [] }))('话费充错了 能取消吗');
    assert.doesNotMatch(textOf(r), /7 天无理由/);
    assert.match(textOf(r), /虚拟商品/);
    assert.equal(r.state.offeredHuman, true);
  });
});

describe('the twenty-third session\'s readings must not take (review)', () => {
  test('no emergency without medicine or a body in danger; a report with "会不会有事" or a brand name still is one', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const t of ['shipping took too much time, when will my order arrive?', 'your website is unresponsive, I can\'t pay', 'we drank a bottle of the wine you sent, can I order 6 more?', 'my baby drank half the bottle and then spit up, is the new formula batch ok?', 'I overdosed on shopping this black friday haha, can I cancel one order', "I'm having a stroke trying to use your checkout", 'lol i can\'t breathe, the box came upside down', 'my dog chewed up the bottle of shampoo, can I get a new one?', '昨天吃了一盒你们家的巧克力 太好吃了 还有货吗', '我笑到抽搐 快递员把包裹扔进了鱼缸', '我已经中毒了 这个零食还有吗', 'can i take another look at the receipt?', 'the tshirts run small, is it 2 or 3 for a 4 year old', '双胞胎两岁了，想买你们的磁力片，下单前想问问有没有小零件，会不会有误吞风险', 'the vitamins got into the wrong box, I received fish oil instead', '我家狗狗吃了驅蟲藥 多久可以洗澡', '孩子吃了退烧药 什么时候能退烧', '这个胶囊太大了 吞了好几次才吞下去', 'what happens if my dog accidentally ate one of these', 'if a child accidentally swallowed a piece, is it toxic?', '干燥剂误食有毒吗', '药吃多了会不会上瘾', 'I accidentally took the wrong size, can I exchange', 'we are overdosing on cute cat toys haha']) {
      assert.equal(healthAsked(normalize(t).text), undefined, t);
    }
    for (const t of ['孩子误服了两片退烧药 会不会有危险', '我家狗误食了布洛芬 会不会有事', 'my dog ate my advil', 'my son swallowed 5 tylenol what do i do', 'my kid ate like 8 of the melatonin gummies', '宝宝偷吃了我的维生素 好几颗', 'my son swallowed a few of the gummies, would it be dangerous?', 'my son swallowed 10 tylenol, is there a risk to his liver?', '孩子误吞了一颗纽扣电池 有没有风险', 'my daughter passed out after using your face mask']) {
      assert.equal(healthAsked(normalize(t).text), 'emergency', t);
    }
  });
  test('a transit scan, a store not reached yet or a parcel collected is no parcel waiting for pickup', async () => {
    const at = (description: string, status: Logistics['status']) => logistics({ orderId: EARBUDS, status, events: [{ time: '2024-11-26T11:00:00+08:00', description }] });
    for (const [d, st] of [['Arrived at Post Office', 'in_transit'], ['商品配送中，尚未到店', 'in_transit'], ['包裹已出货，预计 12/10 到店', 'in_transit'], ['快件已到达【杭州西湖服务站】,快递员正在派送', 'out_for_delivery'], ['【菜鸟驿站】您的快件已取出', 'delivered']] as const) {
      assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [at(d, st)] }))('我的快递到哪了')), /待取件/, d);
    }
  });
  test('thanks and a request, a complaint or a threat is no goodbye; "happy thanksgiving" is one; "thank you also for …" stays thanks', () => {
    const nlu = createNlu();
    for (const t of ["we'll be away next week, hold the delivery please", "i'll be reporting this to paypal, thanks", '我去 包装全压扁了 谢谢']) assert.notEqual(nlu.understand(t, NOW).intent, 'bye', t);
    for (const t of ['happy thanksgiving!', 'thank you also for the quick reply', "ok I'll wait for it to be delivered, thanks!"]) assert.equal(nlu.understand(t, NOW).intent, 'bye', t);
  });
  test('"營業日" is a working day; a delivery time "from order" does not replace a shipping promise', async () => {
    const tw = new FaqIndexProvider();
    tw.setEntries('shop_tw2', [{ id: 'refund', question: '退款多久到帳？', answer: '信用卡退刷約 7-14 個營業日。' }]);
    const o = order({ orderId: 'TW-9', shopId: 'shop_tw2', status: 'cancelled' });
    const t = textOf(await conversation(createRobot({ dataSource: fakeDataSource({ orders: [o], aftersales: [aftersale({ aftersaleId: 'R9', orderId: 'TW-9', shopId: 'shop_tw2', status: 'refunded' })] }), faq: tw, clock: () => NOW }), 'u-1001', 'shop_tw2')('錢退了沒'));
    assert.match(t, /7-14 個營業日/);
    const us = new FaqIndexProvider();
    us.setEntries('shop_us', [{ id: 'ship', question: 'How soon do you ship after payment?', answer: 'Orders ship within 24 hours of payment. Delivery takes 5-7 days from order.' }]);
    const paid = order({ orderId: 'US-1', shopId: 'shop_us', status: 'paid', updatedAt: new Date(NOW.getTime() - 3 * 86_400_000).toISOString() });
    assert.match(textOf(await conversation(createRobot({ dataSource: fakeDataSource({ orders: [paid] }), faq: us, clock: () => NOW }), 'u-1001', 'shop_us')('when will my order ship')), /later than usual/);
  });
  test('asking when the person comes, waiting on, is no taking back', () => {
    for (const t of ['算了，客服什么时候能回我', '算了 人工什么时候上班 我等他', 'nvm, when can someone call me back', '算了 人工几点能来']) assert.equal(withdrawsHandover(t), undefined, t);
  });
});

// Found from outside (a Singapore furniture shop with English entries only): "包安装吗", "可以分期付款吗"
// went to a person, and "送货要多久" got the built-in delivery text.
describe('a question answered by the shop entry in the other language alone (twenty-fourth session)', () => {
  const english = new FaqIndexProvider();
  english.setEntries('shop_sg', [
    { id: 'del', question: 'How long does delivery take?', answer: 'Delivery within 7 working days after payment.' },
    { id: 'asm', question: 'Do you offer assembly?', answer: 'Free assembly for all beds and wardrobes.' },
    { id: 'inst', question: 'Can I pay by instalments?', answer: 'Yes, Atome splits into 3 interest-free payments.' },
    { id: 'room', question: 'Do you have a showroom?', answer: 'Our showroom is at 10 Ubi Crescent, open 11am-8pm daily.' },
  ]);
  const chinese = new FaqIndexProvider();
  chinese.setEntries('shop_cn', [{ id: 'gift', question: '可以提供礼品包装吗？', answer: '可以，礼品包装每单加收5元。' }, { id: 'hours', question: '客服几点上班？', answer: '每天9:00-22:00。' }]);
  const ask = (faq: FaqIndexProvider, shop: string, text: string) => createRobot({ dataSource: fakeDataSource({ orders: [] }), faq, clock: () => NOW }).answer({ shopId: shop, userId: 'u-x', conversationId: 'c-x', text });

  test('is said as the shop wrote it, named as in the other language, with a person to explain', async () => {
    for (const [text, re] of [['包安装吗', /Free assembly/], ['可以分期付款吗', /Atome/], ['有没有展厅', /Ubi Crescent/], ['送货要多久', /7 working days/]] as const) {
      const r = await ask(english, 'shop_sg', text);
      assert.match(textOf(r), re, text);
      assert.match(textOf(r), /店铺说明是英文的/, text);
      assert.equal(r.handover, undefined, text);
    }
    const r = await ask(chinese, 'shop_cn', 'gift wrap 🎁?');
    assert.match(textOf(r), /is in Chinese.*礼品包装每单加收5元/s);
  });

  // Found in a check: "下单后多久发货" against "付款后多久发货？" with the English alternate "How soon do you
  // ship?" matched the alternate best, and the entry was weighed down as another language's.
  test('an entry that answers in the buyer\'s language is no other language\'s because an alternate of it matched best', async () => {
    const mixed = new FaqIndexProvider();
    mixed.setEntries('shop_m', [
      { id: 'ship', question: '付款后多久发货？', answer: '付款后48小时内发货。', alternates: ['How soon do you ship?'] },
      { id: 'inv', question: '怎么开发票？', answer: '在订单页申请开票。' },
    ]);
    const r = await ask(mixed, 'shop_m', '下单后多久发货');
    assert.equal(textOf(r), '付款后48小时内发货。');
  });

  test('a question the other-language entries do not cover is not answered from them', async () => {
    for (const text of ['今天天气怎么样', '你们卖床垫吗', '我想投诉']) assert.doesNotMatch(textOf(await ask(english, 'shop_sg', text)), /店铺说明是英文的/, text);
    assert.doesNotMatch(textOf(await ask(chinese, 'shop_cn', 'do you sell mattresses')), /is in Chinese/);
  });
});

// Found from outside: "1. … 2. … 3. …" got one "did you mean" for all three questions.
describe('a numbered list of questions (twenty-fourth session)', () => {
  const shop = new FaqIndexProvider();
  shop.setEntries('shop_n', [
    { id: 'ship', question: '付款后多久发货？', answer: '付款后48小时内发货。', alternates: ['How soon do you ship?'] },
    { id: 'post', question: '运费怎么算，包邮吗？', answer: '满99元包邮。' },
    { id: 'remote', question: '新疆西藏等偏远地区能发吗？', answer: '偏远地区可发，运费另计。' },
    { id: 'inv', question: '怎么开发票？', answer: '在订单页申请开票，3个工作日内开出。' },
    { id: 'pay', question: 'What payment methods do you accept?', answer: 'Alipay, WeChat Pay and cards.' },
  ]);
  const ask = (text: string) => createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: shop, clock: () => NOW }).answer({ shopId: 'shop_n', userId: 'u-n', conversationId: 'c-n', text });

  test('is split at its numbers, and each question answered', async () => {
    const { twoQuestions } = await import('../../src/robot/robot.ts');
    const intentOf = (t: string) => createNlu().understand(t, NOW).intent;
    // The rest keeps its marker while more of the list follows, and is split again.
    assert.deepEqual(twoQuestions('1. 下单后多久发货 2. 包邮吗 3. 可以开发票吗', intentOf), ['下单后多久发货', '2. 包邮吗 3. 可以开发票吗']);
    assert.deepEqual(twoQuestions('2. 包邮吗 3. 可以开发票吗', intentOf), ['包邮吗', '可以开发票吗']);
    // Found in review: a number in a sentence is no list ("size 8.", "1.5米").
    assert.equal(twoQuestions('do you have size 8. how long is delivery to London?', intentOf), undefined);
    assert.deepEqual(twoQuestions('hi, 2 questions: 1) can I get an invoice? 2) do you accept paypal?', intentOf), ['can I get an invoice?', 'do you accept paypal?']);
    // A number that is no list: a size, a price, a version.
    for (const t of ['iPhone 15 2.5米的数据线有吗', '我买了 2.5kg 的狗粮 到哪了']) assert.equal(twoQuestions(t, intentOf), undefined, t);
    const r = await ask('1. 付款后多久发货 2. 怎么开发票 3. 新疆能发吗');
    assert.match(textOf(r), /48小时内发货/);
    assert.match(textOf(r), /3个工作日内开出/);
    assert.match(textOf(r), /偏远地区可发/);
  });

  test('a part the shop\'s FAQ is unsure of is offered last, after the other answers, and the next message picks it', async () => {
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: shop, clock: () => NOW }), 'u-n', 'shop_n');
    const r = await say('1. 运费多少 2. 怎么开发票');
    assert.match(r.replies[0]!.text, /3个工作日内开出/, textOf(r));
    assert.match(r.replies.at(-1)!.text, /哪一个/);
    assert.match(textOf(await say('1')), /满99元包邮/);
  });
});

// Found from outside (a Hong Kong cosmetics shop, written Cantonese in traditional characters).
describe('Hong Kong buyers: Cantonese, their script and English words in Chinese (twenty-fourth session)', () => {
  const hk = new FaqIndexProvider();
  hk.setEntries('shop_hk', [
    { id: 'ship', question: '落單後幾耐發貨？', answer: '付款後 2 個工作天內發貨。' },
    { id: 'fee', question: '運費幾錢？幾多錢免運？', answer: '順豐送貨上門 HK$30，買滿 HK$400 免運費。' },
    { id: 'pay', question: '有咩付款方式？', answer: '接受 Visa、PayMe 同 FPS 轉數快。' },
  ]);
  const hkOrder = order({ orderId: 'HK-1', shopId: 'shop_hk', userId: 'hk-1', status: 'shipped', items: [{ sku: 's', title: 'SK-II 護膚精華露 神仙水 230ml', quantity: 1, price: '1290.00' }] });
  const robot = () => createRobot({ dataSource: fakeDataSource({ orders: [hkOrder], logistics: [logistics({ orderId: 'HK-1', shopId: 'shop_hk' })] }), faq: hk, clock: () => NOW });

  test('Cantonese ways of asking after an order, a person and an order named by a day read as the Mandarin the robot knows', () => {
    const nlu = createNlu();
    const intent = (t: string) => nlu.understand(t, NOW).intent;
    for (const t of ['我買咗支神仙水 寄咗未呀', 'hi 我嘅嘢到咗未', '咁即係今日到唔到？']) assert.ok(['track_parcel', 'order_status', 'delivery_estimate'].includes(intent(t)), t);
    assert.equal(intent('搵人幫我跟'), 'human');
    assert.match(nlu.understand('咁尋日落嗰張呢', NOW).normalized, /昨天下的那个订单/);
    assert.match(nlu.understand('點解仲未寄 我尋日已經俾咗錢', NOW).normalized, /为什么.*付了钱/);
  });

  test('a message of written Cantonese is answered in traditional characters though none of its characters tells the script', async () => {
    const say = conversation(robot(), 'hk-1', 'shop_hk');
    const r = await say('hi 我嘅嘢到咗未');
    assert.match(textOf(r), /訂單/);
    assert.doesNotMatch(textOf(r), /订单/);
  });

  test('a shop writing in traditional characters answers a first message that tells no script in them', async () => {
    assert.match(textOf(await conversation(robot(), 'hk-2', 'shop_hk')('好')), /[還隨問題]/);
    // A shop in simplified characters stays so.
    assert.match(textOf(await conversation(robotWith({ orders: [] }), 'u-9')('好')), /[还随问题]/);
    // A bare tracking or order number tells no language nor script: the shop's (a Taiwanese shop, twenty-fifth session).
    const numbered = order({ ...hkOrder, orderId: '2026120200071234' });
    const bareRobot = createRobot({ dataSource: fakeDataSource({ orders: [numbered] }), faq: hk, clock: () => NOW });
    const bare = textOf(await conversation(bareRobot, 'hk-1', 'shop_hk')('2026120200071234'));
    assert.match(bare, /訂單 2026120200071234/);
    assert.doesNotMatch(bare, /订单/);
  });

  test('English words in a Chinese sentence: the shop\'s language first, and no switch of a Chinese conversation', async () => {
    assert.match(textOf(await conversation(robot(), 'hk-1', 'shop_hk')('Hello 我想check下order status')), /訂單 HK-1/);
    const say = conversation(robot(), 'hk-1', 'shop_hk');
    await say('我條order幾時到呀');
    assert.match(textOf(await say('ok明白 thanks')), /不客氣/);
    // A Latin word alone is English whatever the shop writes.
    assert.match(textOf(await conversation(robot(), 'hk-3', 'shop_hk')('hello')), /^Hi/);
  });
});

// Found from outside (a UK shoe shop, twenty-fourth session): right after a refund's or a return's
// status, "when will i get my £45 back?" and "what date was it processed?" got the goods' delivery.
describe('a follow-up on a request\'s money and dates (twenty-fourth session)', () => {
  const shop = new FaqIndexProvider();
  shop.setEntries('shop_uk', [
    { id: 'refund', question: 'How long does a refund take to arrive?', answer: 'We refund within 5 working days of your return reaching our warehouse.' },
    { id: 'ship', question: 'How long does delivery take?', answer: 'Standard delivery takes 2-3 working days.' },
  ]);
  const dress = order({ orderId: 'UK1', shopId: 'shop_uk', userId: 'uk', status: 'delivered', currency: 'GBP', items: [{ sku: 'd', title: 'Satin Midi Dress', quantity: 1, price: '45.00' }] });
  const delivered = logistics({ orderId: 'UK1', shopId: 'shop_uk', status: 'delivered', events: [{ time: '2024-11-20T10:00:00+08:00', location: 'Bristol', description: 'Delivered - handed to resident' }] });
  const say = (status: Aftersale['status']) =>
    conversation(createRobot({ dataSource: fakeDataSource({ orders: [dress], logistics: [delivered], aftersales: [aftersale({ aftersaleId: 'R1', orderId: 'UK1', shopId: 'shop_uk', userId: 'uk', type: 'return', status, amount: '45.00' })] }), faq: shop, clock: () => NOW }), 'uk', 'shop_uk');

  test('stays on the request, and says the shop\'s refund time while the goods are on their way back', async () => {
    const s = say('returning');
    assert.match(textOf(await s('hi, i dropped my return off at evri, have you got it yet?')), /5 working days/);
    for (const text of ['when will i get my £45 back?', 'ok so when should i expect it', 'what date was it processed?']) {
      const r = await s(text);
      assert.equal(r.intent, 'aftersale_progress', text);
      assert.doesNotMatch(textOf(r), /handed to resident|already been delivered/, text);
    }
  });
  test('a question naming the parcel or its arrival is still about the parcel', async () => {
    const s = say('approved');
    await s('has my refund been approved?');
    assert.notEqual((await s('when will the parcel arrive')).intent, 'aftersale_progress');
  });
});

// Found from outside (a Hong Kong shop): "【預購】Jo Malone 聖誕限定香水禮盒 12月15日發貨" was "later than usual".
test('a pre-order titled 預購, its day in traditional characters, ships on that day and is not late (twenty-fourth session)', async () => {
  const paidAt = new Date(NOW.getTime() - 8 * 86_400_000).toISOString();
  const pre = order({ orderId: 'HK-P', status: 'paid', createdAt: paidAt, updatedAt: paidAt, items: [{ sku: 'jm', title: '【預購】Jo Malone 聖誕限定香水禮盒 12月15日發貨', quantity: 1, price: '980.00' }] });
  const t = textOf(await conversation(robotWith({ orders: [pre] }))('我預購嗰盒jo malone幾時寄'));
  assert.match(t, /預售商品|预售商品/);
  assert.match(t, /12月15日前/);
  assert.doesNotMatch(t, /比平常慢|慢了/);
});

// Found from outside (twenty-fourth session, a UK and a Hong Kong shop): "how long before it cancels"
// got the shop's how-to-cancel entry, "咁唔俾錢會點" the payment methods.
test('how long an unpaid order waits, asked in other words, is told that it closes by itself (twenty-fourth session)', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_u', [{ id: 'cancel', question: 'How do I cancel my order?', answer: 'You can cancel within 1 hour of ordering in My Account.' }, { id: 'pay', question: '有咩付款方式？', answer: '接受 Visa 同 PayMe。' }]);
  const unpaid = order({ orderId: 'UP-1', shopId: 'shop_u', userId: 'u-up', status: 'pending_payment' });
  for (const text of ['how long before it cancels', 'will it cancel itself if i dont pay', 'is the scarf order still reserved for me?', '咁唔俾錢會點', '我未俾錢 會唔會自動取消']) {
    const t = textOf(await conversation(createRobot({ dataSource: fakeDataSource({ orders: [unpaid] }), faq: own, clock: () => NOW }), 'u-up', 'shop_u')(text));
    assert.match(t, /closes by itself|自动关闭|自動關閉/, text);
    assert.doesNotMatch(t, /within 1 hour|PayMe/, text);
  }
});

// Found from outside (twenty-fourth session): a UK buyer with a hoodie paid yesterday and trainers
// delivered days ago asked "wheres my order" and heard of the trainers; "where are both my orders"
// of one; an auto-parts shop's 【调货】 order, promised in 3 working days, was late at 57 hours.
describe('which orders a question is about (twenty-fourth session)', () => {
  const paidAt = new Date(NOW.getTime() - 20 * 3_600_000).toISOString();
  const hoodie = order({ orderId: 'UK-H', status: 'paid', createdAt: paidAt, updatedAt: paidAt, items: [{ sku: 'h', title: 'Heavyweight Hoodie', quantity: 1, price: '40.00' }] });
  const trainers = order({ orderId: 'UK-T', status: 'delivered', items: [{ sku: 't', title: 'Air Max 90 Trainers', quantity: 1, price: '120.00' }] });
  const tTrack = logistics({ orderId: 'UK-T', status: 'delivered' });
  test('"where is my order": the one paid and not sent before the one delivered; "both" answers both', async () => {
    const r = await conversation(robotWith({ orders: [trainers, hoodie], logistics: [tTrack] }))('wheres my order mate');
    assert.match(textOf(r), /UK-H/);
    assert.doesNotMatch(textOf(r), /UK-T/);
    const both = textOf(await conversation(robotWith({ orders: [trainers, hoodie], logistics: [tTrack] }))('where are both my orders'));
    assert.match(both, /UK-H[^]*UK-T/);
    const zh = textOf(await conversation(robotWith({ orders: [trainers, hoodie], logistics: [tTrack] }))('两张单都帮我查下'));
    assert.match(zh, /UK-H[^]*UK-T/);
    // Delivered to a locker and waiting there: not come yet either, and it has a parcel to tell.
    const locker = logistics({ orderId: 'UK-T', status: 'delivered', events: [{ time: '2024-11-26T10:00:00+08:00', location: '沙田', description: '快件已放入順豐智能櫃，請於 12/07 前憑取件碼取件' }] });
    assert.match(textOf(await conversation(robotWith({ orders: [trainers, hoodie], logistics: [locker] }))('我的快递到了没')), /UK-T/);
  });
  test('goods the shop orders in ship on the shop\'s clause for them, not the in-stock one', async () => {
    const shop = new FaqIndexProvider();
    shop.setEntries('shop_ap', [{ id: 'ship', question: '付款后多久发货？', answer: '现货件当天16:00前付款当天发出，16:00以后次日发出；需要调货的配件3个工作日内发出。' }]);
    // Paid on a Monday evening, asked on Wednesday evening: 48 hours, within the 3 working days.
    const mon = new Date('2024-11-25T20:00:00+08:00');
    const wed = new Date('2024-11-27T20:30:00+08:00');
    const turbo = order({ orderId: 'AP-1', shopId: 'shop_ap', userId: 'ap', status: 'paid', createdAt: mon.toISOString(), updatedAt: mon.toISOString(), items: [{ sku: 'x', title: '【调货】涡轮增压器', quantity: 1, price: '3200.00' }] });
    const ask = (o: Order) => createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: shop, clock: () => wed }).answer({ shopId: 'shop_ap', userId: 'ap', conversationId: 'c-ap', text: '涡轮那单啥时候发' });
    assert.doesNotMatch(textOf(await ask(turbo)), /慢了/);
    assert.match(textOf(await ask({ ...turbo, items: [{ sku: 'y', title: '刹车片', quantity: 1, price: '200.00' }] })), /慢了/, 'an in-stock order is late');
  });
});

// Found from outside (twenty-fourth session): praise got a refund's status and a returns list; a
// mistyped order number put right got "change the delivery address?"; "ok how" to "shall I get a
// person?" got a list of entries.
describe('praise, a number put right, and "ok how" (twenty-fourth session)', () => {
  test('praise is thanked; praise with a question is the question', async () => {
    for (const text of ['收到货了 点个赞👍 下次还找你们', 'great service, will order again']) {
      const r = await conversation(robotWith({ orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'P1', orderId: EARBUDS })] }))(text);
      assert.equal(r.intent, 'bye', text);
      assert.match(textOf(r), /认可|means a lot/, text);
    }
    assert.notEqual((await conversation(robotWith({ orders: [earbuds], aftersales: [] }))('5 stars but where is my refund')).intent, 'bye');
  });
  test('"sorry wrong number, its …" asks again of the number given', async () => {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    await say('wheres my order UK10231');
    const r = await say(`sorry wrong number, its ${EARBUDS}`);
    assert.match(textOf(r), new RegExp(EARBUDS));
    assert.doesNotMatch(textOf(r), /address/);
  });
  test('"ok how" to an offered person is a yes', async () => {
    const say = conversation(robotWith({ orders: [order({ orderId: 'OK-1', status: 'paid', updatedAt: '2024-11-20T09:00:00+08:00' })] }));
    assert.equal((await say('我的订单发货了吗')).state.offeredHuman, true);
    assert.equal((await say('好的 怎么弄')).handover?.reason, 'requested');
  });
});

// Found from outside (twenty-fourth session): "delivered but theyre not here" got the tracking alone
// beside the shop's entry for it; "收到的刹车片少了2盒" a returns list; "外箱是好的 没拆过的痕迹" a goodbye.
describe('goods delivered and not there, or short (twenty-fourth session)', () => {
  test('a parcel shown delivered and not found gets the shop\'s own entry on it', async () => {
    const shop = new FaqIndexProvider();
    shop.setEntries('shop_dnr', [
      { id: 'dnr', question: 'My parcel says delivered but I have not received it', answer: 'Check your safe place and neighbours, then wait until the end of the next working day.' },
      { id: 'ret', question: 'What is your returns policy?', answer: '30 days.' },
    ]);
    const t = logistics({ orderId: 'D-1', shopId: 'shop_dnr', status: 'delivered' });
    const r = await createRobot({ dataSource: fakeDataSource({ orders: [order({ orderId: 'D-1', shopId: 'shop_dnr', userId: 'd', status: 'delivered' })], logistics: [t] }), faq: shop, clock: () => NOW })
      .answer({ shopId: 'shop_dnr', userId: 'd', conversationId: 'c-d', text: 'DPD says my trainers were delivered on tuesday but theyre not here, checked the porch' });
    assert.match(textOf(r), /safe place and neighbours/);
    assert.equal(r.state.offeredHuman, true);
  });
  test('goods short by a count are a claim; the evidence told after it goes to a person', async () => {
    const shop = new FaqIndexProvider();
    shop.setEntries('shop_short', [
      { id: 'claim', question: '发错货或者少件怎么办？', answer: '请在签收后48小时内提供外箱面单照片和开箱视频。', alternates: ['少件了', '发错货了'] },
      { id: 'ret', question: '退换货政策是什么？', answer: '签收后7天内可以退换。' },
    ]);
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [order({ orderId: 'AP-9', shopId: 'shop_short', userId: 's', status: 'delivered' })] }), faq: shop, clock: () => NOW }), 's', 'shop_short');
    assert.match(textOf(await say('AP-9 收到的刹车片少了2盒')), /48小时内/);
    assert.equal((await say('外箱是好的 没拆过的痕迹')).handover?.reason, 'requested');
  });
});

// Found from outside (twenty-fourth session, a UK click-and-collect order): "are my doc martens ready
// to collect yet?", "which store is it at" got the shop's click-and-collect entry; "can you hold them
// longer?" a "did you mean".
test('goods ready to collect are the parcel; where and until when follow it; a longer hold is a person\'s (twenty-fourth session)', async () => {
  const cc = new FaqIndexProvider();
  cc.setEntries('shop_cc', [{ id: 'cc', question: 'Do you offer click and collect?', answer: 'Yes, free click and collect from our stores.' }]);
  const boots = order({ orderId: 'CC-1', shopId: 'shop_cc', userId: 'cc', status: 'delivered', items: [{ sku: 'b', title: 'Dr. Martens 1460 Boots', quantity: 1, price: '150.00' }] });
  const ready = logistics({ orderId: 'CC-1', shopId: 'shop_cc', status: 'delivered', events: [{ time: '2024-11-26T15:00:00+08:00', location: 'Manchester Arndale store', description: 'Ready for collection - please collect by 11 Dec' }] });
  const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [boots], logistics: [ready] }), faq: cc, clock: () => NOW }), 'cc', 'shop_cc');
  for (const text of ['are my doc martens ready to collect yet?', 'which store is it at', 'until when do i have to pick them up']) assert.match(textOf(await say(text)), /Manchester Arndale store/, text);
  assert.equal((await say("I can't collect my boots until the 14th, can you hold them longer?")).handover?.reason, 'requested');
});

// Found from outside (twenty-fourth session): "why did you cancel my order?? i didnt ask you to" and
// "點解我張Dr.Jart單俾人取消咗" were read as asking to cancel, of another order.
test('"why did you cancel my order" and "为什么…被人取消了" ask after the cancelled order (twenty-fourth session)', async () => {
  const cancelled = order({ orderId: 'CX-1', status: 'cancelled', items: [{ sku: 'd', title: 'Dr.Jart+ 积雪草修护霜', quantity: 1, price: '299.00' }] });
  const shipped = order({ orderId: 'CX-2', status: 'shipped' });
  for (const text of ['why did you cancel my order?? i didnt ask you to', '點解我張Dr.Jart單俾人取消咗', '为什么我的订单被商家取消了']) {
    const r = await conversation(robotWith({ orders: [shipped, cancelled] }))(text);
    assert.match(textOf(r), /CX-1/, text);
    assert.doesNotMatch(textOf(r), /CX-2/, text);
  }
});

// Found from outside (twenty-fourth session, Hong Kong): "幾點到" about a parcel out for delivery got
// the staff's hours; "可唔可以星期一先送" the hours offered; "收到喇 唔該" the parcel again.
test('"幾點到" is the parcel\'s, "星期一先送" a day asked for, "收到喇 唔該" a thanks (twenty-fourth session)', async () => {
  const hours = new FaqIndexProvider();
  hours.setEntries('shop_h2', [{ id: 'h', question: '客服幾點有人？', answer: '真人客服時間：星期一至六 10:00-19:00。', alternates: ['幾點有真人'] }]);
  const out = order({ orderId: 'HK-9', shopId: 'shop_h2', userId: 'h2', status: 'shipped' });
  const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [out], logistics: [logistics({ orderId: 'HK-9', shopId: 'shop_h2' })] }), faq: hours, clock: () => NOW }), 'h2', 'shop_h2');
  const when = textOf(await say('幾點到'));
  assert.match(when, /HK-9/);
  assert.doesNotMatch(when, /真人客服時間/);
  assert.doesNotMatch(textOf(await say('我公司星期六冇人 可唔可以星期一先送')), /客服幾點有人/);
  assert.equal((await say('收到喇 唔該')).intent, 'bye');
  // A span of hours is the hours' question still.
  assert.match(textOf(await say('请问你们客服时间是几点到几点？')), /真人客服時間|真人客服时间/);
  assert.equal(createNlu().understand('蓝牙喇叭坏了', NOW).normalized.includes('喇叭'), true, '喇叭 is no Cantonese particle');
});

// Found from outside (twenty-fourth session, a mother-and-baby shop and a fruit shop): a baby with a
// rash or vomiting after its formula got "not understood"; "你们的水果打药吗 小孩能吃吗" was told to see a doctor.
test('a baby unwell after a feed is a reaction told to get help first; pesticide on fruit is no medicine (twenty-fourth session)', async () => {
  const { healthAsked } = await import('../../src/robot/nlu/health.ts');
  const { normalize } = await import('../../src/robot/nlu/index.ts');
  for (const t of ['宝宝喝了你家奶粉身上起了好多红点点 怎么办啊 急', 'my baby drank expired formula and he threw up twice', '宝宝吃了米粉拉肚子', '奶粉打开发现结块了 还有股酸味 宝宝已经喝了一顿 会不会有事', 'my baby drank formula that was expired, what should i do', '宝宝拉肚子了 是不是奶粉的问题 刚换了你们家的飞鹤', '亲亲 宝宝红屁股了 是不是尿不湿的问题', 'baby been throwing up after every bottle of the 360 and now she got a rash all over her chest, is it the formula??']) {
    assert.equal(healthAsked(normalize(t).text), 'reaction', t);
  }
  // Asked beforehand (the forty-third session's English causes must not take these).
  for (const t of ['is the formula safe for a baby with a rash', 'which formula is best after a feed with spit up?']) assert.notEqual(healthAsked(normalize(t).text), 'reaction', t);
  for (const t of ['你们的水果打药吗 小孩能吃吗', '有没有打农药', '我吃了你们家的零食拉肚子了，要退款', '宝宝吐奶是正常的吗 奶瓶要买几个', '宝宝多大能吃米粉', '纸尿裤过期了还能用吗']) assert.notEqual(healthAsked(normalize(t).text), 'reaction', t);
  assert.equal(healthAsked(normalize('这个精华孕妇能用吗').text), 'advice', 'pregnancy stays a medical question');
  const r = await conversation(robotWith({ orders: [earbuds] }))('宝宝喝了你家奶粉身上起了好多红点点 怎么办啊 急');
  assert.equal(r.handover?.reason, 'complaint');
  assert.match(textOf(r), /就医|急救/);
});

// Found from outside (twenty-fourth session, a fruit shop): "我的车厘子还在哈尔滨吗" was not understood,
// "晚上几点还有人工" handed over, "yyds 上次买的超甜👍" queued for a person.
test('"还在哈尔滨吗" asks where the parcel is; when people are there is the hours; fruit praised is thanked (twenty-fourth session)', async () => {
  const say = () => conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
  assert.equal((await say()('我的耳机还在上海吗')).intent, 'track_parcel');
  assert.notEqual((await say()('双十一买的，现在还在退货期内吗')).intent, 'track_parcel', 'a span of time is no place');
  const hours = new FaqIndexProvider();
  hours.setEntries('shop_ph', [{ id: 'h', question: '客服几点上班？', answer: '人工客服每天9:00-22:00在线。' }]);
  const r = await createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: hours, clock: () => NOW }).answer({ shopId: 'shop_ph', userId: 'u', conversationId: 'c', text: '晚上几点还有人工' });
  assert.equal(r.handover, undefined);
  assert.match(textOf(r), /9:00-22:00|客服几点上班/, 'the hours entry, said or offered');
  assert.equal((await say()('yyds 上次买的超甜👍')).intent, 'bye');
});

// Found in review (twenty-fourth session): the new readings took messages they should not.
describe('what the twenty-fourth session\'s readings must not take (review)', () => {
  test('praise with a request in it is the request', async () => {
    for (const text of ['已经给了五星好评了 返现呢', '我是回头客了 给点优惠呗', '收到了 很满意 发票开一下', 'great service! please send me the invoice', 'love it, do you have it in blue', '5 stars from me, my voucher code please']) {
      assert.notEqual((await conversation(robotWith({ orders: [earbuds] }))(text)).intent, 'bye', text);
    }
  });
  test('"delivered but not received" is about the delivered order, not one paid and not sent', async () => {
    const paid = order({ orderId: 'DN-P', status: 'paid' });
    const delivered = order({ orderId: 'DN-D', status: 'delivered' });
    const t = logistics({ orderId: 'DN-D', status: 'delivered' });
    for (const text of ['快递显示签收了但我没收到', "where is my parcel? it says it was delivered yesterday but it's not here"]) {
      assert.match(textOf(await conversation(robotWith({ orders: [paid, delivered], logistics: [t] }))(text)), /DN-D/, text);
    }
  });
  test('a wrong item, a house number, a price or a size is no order number put right', async () => {
    const nlu = createNlu();
    for (const text of ['you sent me the wrong one, I ordered SO2611230001 in white', '门牌号写错了，应该是1502', '价格应该是1299吧', 'i meant the 2000mAh one, is it in stock?']) {
      const r = await conversation(robotWith({ orders: [earbuds] }))(text);
      assert.doesNotMatch(textOf(r), /没有找到订单号为|can't find an order numbered/, text);
    }
    // An order's model said wrong still names the order; a name before a number is no OE.
    const ids = (t: string) => nlu.understand(t, NOW).entities.filter((e) => e.type === 'orderId').map((e) => e.value);
    assert.deepEqual(ids('AP20261126007型号不符，装不上'), ['AP20261126007']);
    assert.deepEqual(ids('hi its Joe 2026112903120001 where is it'), ['2026112903120001']);
  });
  test('after a refund\'s status, another order asked after is that order; goods\' expiry is no unpaid order\'s', async () => {
    const say = conversation(robotWith({ orders: [earbuds, tshirt], logistics: [earbudsTrack, tshirtTrack], aftersales: [aftersale({ aftersaleId: 'R9', orderId: TSHIRT, status: 'approved' })] }));
    await say('退款进度怎么样');
    assert.notEqual((await say('好的 那另一个订单要等多久')).intent, 'aftersale_progress');
    const unpaid = order({ orderId: 'UP-9', status: 'pending_payment' });
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [unpaid] }))('this serum, how long before it expires once opened?')), /closes by itself/);
  });
  test('a parcel collected at the depot is no parcel waiting there', async () => {
    const { atPickup } = await import('../../src/robot/dialogue.ts');
    for (const d of ['已签收，客户已到网点自提，签收人：本人', '货物已由收货人到营业部自提签收', '已签收（无需到网点自提）']) assert.equal(atPickup(logistics({ orderId: 'X', events: [{ time: '2024-11-26T10:00:00+08:00', location: '郑州', description: d }] })), false, d);
    assert.equal(atPickup(logistics({ orderId: 'X', events: [{ time: '2024-11-26T10:00:00+08:00', location: '郑州', description: '货物已到达郑州管城营业部，请携带身份证到网点自提' }] })), true);
  });
  test('Mandarin 重点解释 is no Cantonese 点解', () => {
    assert.doesNotMatch(createNlu().understand('能重点解释一下退货规则吗', NOW).normalized, /为什么/);
  });
});

// Found from outside (twenty-fourth session, a mother-and-baby shop): "是不是正品…有人说保税仓都是假货" was queued as a complaint.
test('asked whether goods are genuine is the shop\'s question; told they got a fake is a complaint (twenty-fourth session)', async () => {
  for (const text of ['你们卖的奶粉是不是正品啊 有人说保税仓都是假货', 'is your formula genuine? how can i check']) assert.notEqual((await conversation(robotWith({ orders: [] }))(text)).intent, 'complaint', text);
  assert.equal((await conversation(robotWith({ orders: [earbuds] }))('你们卖假货 收到的是假的 我要投诉')).intent, 'complaint');
});

// Found from outside (twenty-fourth session, an Australian outdoor shop).
test('a warranty claim asked after is the buyer\'s request; paid and shown unpaid is a person\'s; a gas smell is a danger; "ok do that pls" takes the offer', async () => {
  const tent = order({ orderId: 'AU-T', status: 'delivered' });
  const claim = aftersale({ aftersaleId: 'RMA1', orderId: 'AU-T', type: 'exchange', status: 'requested' });
  for (const text of ['any news on my tent pole warranty claim? lodged it thursday', 'AU-T tent - whats the status of my claim']) {
    const r = await conversation(robotWith({ orders: [tent], aftersales: [claim] }))(text);
    assert.equal(r.intent, 'aftersale_progress', text);
    assert.match(textOf(r), /AU-T/, text);
  }
  const unpaid = order({ orderId: 'AU-U', status: 'pending_payment' });
  for (const text of ['hey i paid for the pocketrocket but it says unpaid??', '我付了款还显示待付款']) assert.equal((await conversation(robotWith({ orders: [unpaid] }))(text)).handover?.reason, 'requested', text);
  for (const text of ['the trangia smells of gas when i screw the canister on', 'one canister is hissing a bit', '卡式炉有股燃气味']) assert.equal((await conversation(robotWith({ orders: [tent] }))(text)).handover?.reason, 'complaint', text);
  for (const text of ['my air mattress is leaking air', '充气床垫漏气了']) assert.notEqual((await conversation(robotWith({ orders: [tent] }))(text)).intent, 'complaint', text);
  const say = conversation(robotWith({ orders: [order({ orderId: 'AU-P', status: 'paid', updatedAt: '2024-11-20T09:00:00+08:00' })] }));
  assert.equal((await say('has my order shipped')).state.offeredHuman, true);
  assert.equal((await say('ok do that pls')).handover?.reason, 'requested');
});

// Found from outside (twenty-fourth session, a fruit shop): "我给我女儿寄的苹果她收到没有" got "no after-sales request".
test('whether someone got the goods is the parcel; money received is not (twenty-fourth session)', async () => {
  const gift = order({ orderId: 'GF-1', status: 'delivered', items: [{ sku: 'a', title: '烟台红富士苹果礼盒', quantity: 1, price: '99.00' }] });
  const t = logistics({ orderId: 'GF-1', status: 'delivered' });
  for (const text of ['我给我女儿寄的苹果她收到没有 她在上海', '我妈收到了吗']) assert.equal((await conversation(robotWith({ orders: [gift], logistics: [t] }))(text)).intent, 'track_parcel', text);
  assert.equal((await conversation(robotWith({ orders: [gift], logistics: [t], aftersales: [] }))('退款收到没有')).intent, 'aftersale_progress');
});

// Found from outside (twenty-fourth session, a mother-and-baby shop): switching an exchange to a refund, or a refund to a new can, got the status and a list.
test('"不换了 我想直接退" withdraws the exchange first; "我不退款了 想换一罐新的" changes the refund to an exchange (twenty-fourth session)', async () => {
  const o = order({ orderId: 'SW-1', status: 'delivered' });
  const ex = aftersale({ aftersaleId: 'E1', orderId: 'SW-1', type: 'exchange', status: 'requested' });
  const r1 = await conversation(robotWith({ orders: [o], aftersales: [ex] }))('不换了 我想直接退');
  assert.match(textOf(r1), /撤销申请/);
  assert.doesNotMatch(textOf(r1), /您想问的是哪一个/);
  const rf = aftersale({ aftersaleId: 'R1', orderId: 'SW-1', type: 'refund', status: 'requested' });
  assert.match(textOf(await conversation(robotWith({ orders: [o], aftersales: [rf] }))('奶粉罐子瘪了那个 我不退款了 想换一罐新的可以吗')), /改成换货/);
});

// Found in the fifth review (twenty-fourth session): the later readings took messages they should not.
describe('what the twenty-fourth session\'s later readings must not take (review)', () => {
  test('not delivered yet is the parcel on its way; shown delivered and not found, the latest delivered', async () => {
    const moving = order({ orderId: 'ND-S', status: 'shipped' });
    const old = order({ orderId: 'ND-D', status: 'delivered', updatedAt: '2024-11-10T10:00:00+08:00' });
    const data = { orders: [moving, old], logistics: [logistics({ orderId: 'ND-S' }), logistics({ orderId: 'ND-D', status: 'delivered' })] };
    for (const text of ['物流到哪了？还没送达', '快递还没签收 到哪了', "my order hasnt been delivered yet, where is it"]) assert.match(textOf(await conversation(robotWith(data))(text)), /ND-S/, text);
  });
  test('pre-sale baby questions, a child with a fever, slang and a smell are no reaction or danger', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const t of ['宝宝喝这个奶粉会不会拉肚子', '宝宝湿疹 推荐什么纸尿裤', '宝宝的奶粉到了 吐槽一下快递太慢', '孩子发烧了 奶粉什么时候能到', 'which formula is best for a baby with reflux and vomiting', '发烧了能吃这个感冒药吗', '我吐了 快递这么慢']) {
      assert.notEqual(healthAsked(normalize(t).text), 'reaction', t);
    }
    for (const text of ['新买的奶瓶闻到一股气味 正常吗', '衣服打开闻到很大的气味 能退吗', 'how do I check my stove for a gas leak before a trip?']) assert.notEqual((await conversation(robotWith({ orders: [earbuds] }))(text)).intent, 'complaint', text);
    assert.match(textOf(await conversation(robotWith({ orders: [earbuds] }))('one canister is hissing a bit')), /canister's valve[\s\S]*gas company or the emergency number/);
  });
  test('到账 and 到期 are no arrival; a sale or a season is no place; taste praise with a complaint is the complaint', async () => {
    assert.notEqual((await conversation(robotWith({ orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'A', orderId: EARBUDS })] }))('退款几点到账')).intent, 'delivery_estimate');
    for (const text of ['车厘子还在打折吗', '还在做满减吗', '我还在考虑要不要订货呢']) assert.notEqual((await conversation(robotWith({ orders: [earbuds] }))(text)).intent, 'track_parcel', text);
    for (const text of ['超甜 就是少了两个', 'yyds 就是快递太慢了', '超甜的 再来两箱 地址改成北京']) assert.notEqual((await conversation(robotWith({ orders: [earbuds] }))(text)).intent, 'bye', text);
  });
  test('not paid yet is no payment to match; a fake with a complaint is a complaint; a number put right in other words; a request beside the hours', async () => {
    assert.equal((await conversation(robotWith({ orders: [order({ orderId: 'NP', status: 'pending_payment' })] }))("I haven't paid yet and it still says awaiting payment, how long do I have to pay?")).handover, undefined);
    assert.equal((await conversation(robotWith({ orders: [earbuds] }))('我买的奶粉是不是假的 喝起来味道跟专柜不一样 我要投诉')).intent, 'complaint');
    for (const text of [`sorry i meant ${EARBUDS}`, `打错了 应该是${EARBUDS}`]) assert.match(textOf(await conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }))(text)), new RegExp(EARBUDS), text);
    assert.equal((await conversation(robotWith({ orders: [earbuds] }))('几点有人工 帮我退款')).handover?.reason, 'requested');
  });
});

// Found from outside (twenty-fourth session, four shops): a parcel on its way was promised the
// built-in "usually arrives within 1-3 days" beside the shop's own "2-3 working days".
test('a parcel on its way is told the shop\'s own delivery time, not the built-in one; a sentence on sending out is not (twenty-fourth session)', async () => {
  const uk = new FaqIndexProvider();
  uk.setEntries('shop_dt', [
    { id: 'del', question: 'How long does delivery take?', answer: 'Standard delivery takes 2-3 working days after dispatch. Express is next working day.' },
    { id: 'ship', question: 'How soon do you ship after payment?', answer: 'We dispatch within 1 working day.' },
  ]);
  const o = order({ orderId: 'DT-1', shopId: 'shop_dt', userId: 'dt', status: 'shipped' });
  const t = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [o], logistics: [logistics({ orderId: 'DT-1', shopId: 'shop_dt' })] }), faq: uk, clock: () => NOW }).answer({ shopId: 'shop_dt', userId: 'dt', conversationId: 'c', text: 'when will my order arrive' }));
  assert.match(t, /2-3 working days/);
  assert.doesNotMatch(t, /1-3 days/);
  const hk = new FaqIndexProvider();
  hk.setEntries('shop_dh', [
    { id: 'd', question: '順豐送貨要幾耐？', answer: '發貨後順豐一般 1-2 個工作天送到。', alternates: ['寄出後幾耐到', '幾日送到', '要等幾耐先收到'] },
    { id: 's', question: '付款後多久發貨？', answer: '付款後 2 個工作天內發貨。', alternates: ['幾時寄出'] },
    { id: 'f', question: '運費幾錢？', answer: '順豐送貨上門 HK$30。' },
    { id: 'r', question: '點樣退貨？', answer: '7 日內未開封可退。' },
  ]);
  const h = order({ orderId: 'DH-1', shopId: 'shop_dh', userId: 'dh', status: 'shipped' });
  assert.match(textOf(await createRobot({ dataSource: fakeDataSource({ orders: [h], logistics: [logistics({ orderId: 'DH-1', shopId: 'shop_dh' })] }), faq: hk, clock: () => NOW }).answer({ shopId: 'shop_dh', userId: 'dh', conversationId: 'c', text: '我條order幾時到呀' })), /1-2 個工作天送到/);
  // A shop whose only entry is on sending out: the built-in time stays.
  const only = new FaqIndexProvider();
  only.setEntries('shop_do', [{ id: 's', question: '付款后多久发货？', answer: '付款后48小时内发货。' }, { id: 'x', question: '可以开发票吗？', answer: '可以。' }]);
  const d = order({ orderId: 'DO-1', shopId: 'shop_do', userId: 'do', status: 'shipped' });
  assert.match(textOf(await createRobot({ dataSource: fakeDataSource({ orders: [d], logistics: [logistics({ orderId: 'DO-1', shopId: 'shop_do' })] }), faq: only, clock: () => NOW }).answer({ shopId: 'shop_do', userId: 'do', conversationId: 'c', text: '什么时候到' })), /一般 1-3 天送达/);
});

// Found from outside (twenty-fifth session: a furniture shop, a cross-border shop, a Taiwanese tea
// shop): buyers' closings handed over, complaints and questions about the robot not understood.
describe('closings, complaints, the robot asked about, and 老闆 (twenty-fifth session)', () => {
  test('who answers, and small talk, in traditional characters too: the robot says what it is, no hand-over', async () => {
    for (const text of ['你叫什麼名字', '請問你們是機器人嗎', '你们客服是机器人吗']) {
      const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.match(textOf(r), /智能客服機器人|智能客服机器人/, text);
      assert.equal(r.handover, undefined, text);
    }
    const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '今天天氣好冷喔' });
    assert.match(textOf(r), /不太在行/);
  });
  test('"我要客訴", "八千多的沙发你们就这么对待客户？？", "服務爛透了": a complaint, handed over ahead; praise and rotten goods are not', async () => {
    for (const text of ['我要客訴', '八千多的沙发你们就这么对待客户？？', '幹 你們寄錯口味又拖這麼久 服務爛透了', '你們是不是都不處理啊 很扯耶']) {
      const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.handover?.reason, 'complaint', text);
    }
    // Found in review: the same words in praise, about the goods, or a fabric that stretches.
    for (const text of ['你们对待客户真好 谢谢', '草莓烂透了 能退吗', '这裤子很扯 弹性好吗']) {
      const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.notEqual(r.handover?.reason, 'complaint', text);
    }
  });
  test('"好 我再等等", "好吧等你们消息", "那算了", "行吧", "哦看到了 谢谢", "哈哈 掰掰" after an answer close it: no person, no "not understood"', async () => {
    for (const closing of ['好 我再等等', '好吧等你们消息', '那算了', '行吧', '哦看到了 谢谢', '哈哈 掰掰']) {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
      await say('我的快递到哪了');
      const r = await say(closing);
      assert.equal(r.handover, undefined, closing);
      assert.doesNotMatch(textOf(r), /没太理解|不太确定/, closing);
    }
  });
  test('"老闆 …" calls the shop and asks: the question decides; "老板 转人工" still asks for a person', async () => {
    const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '老闆 耳機可以放到過年嗎' });
    assert.notEqual(r.handover?.reason, 'requested');
    assert.match(textOf(await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '老板 我的快递到哪了' })), /ZT7700001111/);
    assert.equal((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '老板 转人工' })).handover?.reason, 'requested');
  });
});

// Found from outside (twenty-fifth session: furniture, cross-border and Taiwanese shops).
describe('chases, a cancelled order\'s money, customs trouble and goods made to order (twenty-fifth session)', () => {
  test('"太慢了吧 帮我催一下" after an exchange\'s status, and "行 那你催一下" with nothing told, go to a person', async () => {
    const delivered = logistics({ orderId: EARBUDS, status: 'delivered', events: [{ time: '2024-11-20T10:00:00+08:00', location: '杭州', description: '已签收' }] });
    const say = conversation(robotWith({ orders: [earbuds], logistics: [delivered], aftersales: [aftersale({ aftersaleId: 'EX-1', orderId: EARBUDS, type: 'exchange', status: 'approved' })] }));
    assert.match(textOf(await say('我的换货怎么样了')), /换货申请/);
    const r = await say('太慢了吧 帮我催一下');
    assert.equal(r.handover?.reason, 'requested');
    assert.doesNotMatch(textOf(r), /已签收|签收了/);
    assert.equal((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '行 那你催一下' })).handover?.reason, 'requested');
  });
  test('"钱退了没" right after a cancelled order is that order\'s money, not another order\'s refused return', async () => {
    const sofa = order({ orderId: 'JJ-CAN-1', status: 'cancelled', updatedAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 's', title: '布艺贵妃位转角沙发', quantity: 1, price: '4599.00' }] });
    const table = order({ orderId: 'JJ-TBL-2', status: 'delivered', items: [{ sku: 't', title: '岩板茶几', quantity: 1, price: '1299.00' }] });
    const say = conversation(robotWith({ orders: [sofa, table], aftersales: [aftersale({ aftersaleId: 'R-1', orderId: 'JJ-TBL-2', status: 'rejected', reason: '已超过7天无理由退货期限' })] }));
    await say('我的贵妃沙发为啥被取消了？？我没点取消啊');
    const text = textOf(await say('钱退了没'));
    assert.match(text, /JJ-CAN-1 已经取消了，款项会原路退回/);
    assert.doesNotMatch(text, /未通过|7天无理由/);
  });
  test('"那个单显示清关异常 什么情况" is the parcel\'s exception, with a person offered', async () => {
    const cream = order({ orderId: 'HT-1', items: [{ sku: 'w', title: '【韩国直邮】后Whoo天气丹华泫水乳套装', quantity: 1, price: '1280.00' }] });
    const held = logistics({ orderId: 'HT-1', status: 'exception', events: [{ time: '2024-11-26T15:20:00+08:00', location: '青岛海关', description: '清关异常：订购人身份信息与支付人信息不一致，请补充资料' }] });
    const text = textOf(await robotWith({ orders: [cream], logistics: [held] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '天气丹那个单显示清关异常 什么情况' }));
    assert.match(text, /订购人身份信息与支付人信息不一致[\s\S]*人工/);
    // A code on the goods leaning to after-sales is the shop's question, not "no request" (found from outside).
    assert.doesNotMatch(textOf(await robotWith({ orders: [cream] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '亲 a2的溯源码怎么查啊 罐底那个扫了没反应' })), /售后申请/);
  });
  test('"衣柜做好了没有" of goods made to order is told their terms and the day they are due', async () => {
    const wardrobe = order({ orderId: 'JJ-W-1', status: 'paid', createdAt: '2024-11-15T10:00:00+08:00', updatedAt: '2024-11-15T10:00:00+08:00', items: [{ sku: 'w', title: '【定制】实木整体衣柜（定制20-30天发货）', quantity: 1, price: '6880.00' }] });
    const text = textOf(await robotWith({ orders: [wardrobe] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '衣柜做好了没有' }));
    assert.match(text, /JJ-W-1[\s\S]*预计12月15日前发出/);
  });
});

// Found from outside (a furniture and a cross-border shop, twenty-fifth session): the built-in coupon text
// ("可在店铺首页领取优惠券") was said for shops that have no coupons page.
test('a shop that wrote its own FAQ, with nothing on the topic, is told no policy of the robot\'s making; a shop with no FAQ keeps the built-in text', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_own', [
    { id: 'ship', question: '付款后多久发货？', answer: '付款后72小时内发货。' },
    { id: 'install', question: '包安装吗？', answer: '送装一体，免费安装。' },
    { id: 'floor', question: '上楼费怎么收？', answer: '有电梯免费。' },
  ]);
  const ask = async (faq: FaqIndexProvider, shopId: string, text: string) => textOf(await createRobot({ dataSource: fakeDataSource({}), faq, clock: () => NOW }).answer({ shopId, userId: 'x', conversationId: 'c', text }));
  const told = await ask(own, 'shop_own', '有优惠券吗');
  assert.match(told, /优惠活动我这边没有查到[\s\S]*转人工/);
  assert.doesNotMatch(told, /店铺首页领取优惠券/);
  assert.match(await ask(own, 'shop_own', 'do you have any coupons'), /don't have this shop's current promotions/);
  assert.match(await ask(new FaqIndexProvider(), 'shop_none', '有优惠券吗'), /店铺首页领取优惠券/);
});

// Found from outside (a Taiwanese tea shop, twenty-fifth session): replies in traditional characters kept the
// mainland's words (當前狀態, 發貨, 到賬) and prices read "1800.00 TWD".
test('a shop in Taiwan\'s time zone is answered in Taiwan\'s words and NT$; a Hong Kong shop keeps its characters only', async () => {
  const entries: FaqEntry[] = [{ id: 'ship', question: '下單後多久會出貨？', answer: '付款後 24 小時內出貨。' }, { id: 'pay', question: '有哪些付款方式？', answer: '信用卡、ATM 轉帳。' }];
  const tea = order({ orderId: '2026120200071111', shopId: 'shop_tw', userId: 'tw', status: 'shipped', currency: 'TWD', totalAmount: '1800.00', items: [{ sku: 't', title: '梨山高山茶 75g 罐裝', quantity: 1, price: '1800.00' }] });
  const ask = async (zone: string | undefined) => {
    const faq = new FaqIndexProvider();
    faq.setEntries('shop_tw', entries, 1, zone ? { timeZone: zone } : {});
    return textOf(await createRobot({ dataSource: fakeDataSource({ orders: [tea] }), faq, clock: () => NOW }).answer({ shopId: 'shop_tw', userId: 'tw', conversationId: 'c', text: '請問我的訂單狀態' }));
  };
  const tw = await ask('Asia/Taipei');
  assert.match(tw, /目前狀態：已出貨，金額 NT\$1,800/);
  assert.doesNotMatch(tw, /當前|發貨|TWD/);
  assert.match(await ask(undefined), /當前狀態：已發貨，金額 NT\$1,800/);
});

// Found from outside (a Taiwanese tea shop, twenty-fifth session).
describe('paid by transfer, cancels asked after, a way of sending asked before buying, thanks with a question (twenty-fifth session)', () => {
  const unpaid = order({ orderId: 'CY-UNPAID-1', status: 'pending_payment', createdAt: '2024-11-26T10:00:00+08:00' });
  const gone = order({ orderId: 'CY-CANCEL-2', status: 'cancelled', createdAt: '2024-11-20T10:00:00+08:00', updatedAt: '2024-11-23T10:00:00+08:00' });
  const shipped = order({ orderId: 'CY-SHIP-3', status: 'shipped', createdAt: '2024-11-25T10:00:00+08:00' });
  const ask = (text: string, data: FakeData = { orders: [unpaid] }) => robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
  test('"我转账了可是订单还是显示待付款" goes to a person; "我怕被自动取消" is how long an unpaid order waits', async () => {
    assert.equal((await ask('我转账了可是订单还是显示待付款??')).handover?.reason, 'requested');
    const t = textOf(await ask('我怕被自动取消欸'));
    assert.match(t, /超时会自动关闭/);
    assert.doesNotMatch(t, /申请退款|取消订单/);
  });
  test('"为什么上次那张会被取消 我又没有要取消" with another order in focus is the cancelled one', async () => {
    const say = conversation(robotWith({ orders: [unpaid, gone] }));
    await say('我的订单付款了吗');
    const t = textOf(await say('为什么上次那张会被取消 我又没有要取消'));
    assert.match(t, /CY-CANCEL-2[\s\S]*取消的原因/);
  });
  test('"寄顺丰的话要几天" asks the shop first; "寄到菜鸟驿站了没" is the parcel', async () => {
    // The shop's answer first (its own parcel may follow, as for any policy question asked beside an open order).
    assert.match(textOf(await ask('寄顺丰的话要几天', { orders: [shipped], logistics: [logistics({ orderId: 'CY-SHIP-3' })] })), /^默认发中通快递/);
    assert.match(textOf(await ask('请问我的耳机寄到菜鸟驿站了没', { orders: [shipped], logistics: [logistics({ orderId: 'CY-SHIP-3' })] })), /CY-SHIP-3[\s\S]*运单号/);
  });
  test('"谢谢~~ 那几号会到" after an order keeps its question; a card\'s "感谢…" in quotes is no goodbye', async () => {
    const say = conversation(robotWith({ orders: [shipped], logistics: [logistics({ orderId: 'CY-SHIP-3' })] }));
    await say('我的订单到哪了');
    assert.doesNotMatch(textOf(await say('谢谢~~ 那几号会到')), /不客气/);
    assert.doesNotMatch(textOf(await ask('可以帮我每盒附一张卡片吗 写「感谢您一年来的支持 大安科技 敬上」')), /不客气/);
  });
});

// Found in review (twenty-fifth session) of the readings above.
describe('what the twenty-fifth session\'s readings must not take (review)', () => {
  test('a chase declined is no chase; a grudging yes to a person is a yes; "老板呢", "老板 回我一下" still call someone', async () => {
    for (const text of ['不用帮我催一下', '我自己去催一下', '算了我自己催下吧']) {
      assert.notEqual((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })).handover?.reason, 'requested', text);
    }
    for (const yes of ['那好吧', '好啦']) {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
      await say('帮我查下物流');
      await say('帮我催一下快递');
      assert.equal((await say(yes)).handover?.reason, 'requested', yes);
    }
    for (const text of ['老板呢', '老板 回我一下']) {
      assert.equal((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })).handover?.reason, 'requested', text);
    }
  });
  test('"你们是机器绣的吗" asks about the goods; "你们是人工智能吗" asks who answers, and wants no person', async () => {
    const embroidered = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '你们是机器绣的吗' });
    assert.doesNotMatch(textOf(embroidered), /智能客服机器人/);
    const ai = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '你们是人工智能吗' });
    assert.match(textOf(ai), /智能客服机器人/);
    assert.equal(ai.handover, undefined);
  });
  test('"退货手续做完了吗" is no goods made to order; "茶几那单的退款呢" after a cancelled sofa is the table\'s request', async () => {
    const wardrobe = order({ orderId: 'JJ-W-2', status: 'paid', items: [{ sku: 'w', title: '【定制】实木整体衣柜（定制20-30天发货）', quantity: 1, price: '6880.00' }] });
    assert.doesNotMatch(textOf(await robotWith({ orders: [wardrobe] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '退货手续做完了吗' })), /预计.*发出/);
    const sofa = order({ orderId: 'JJ-CAN-9', status: 'cancelled', updatedAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 's', title: '布艺贵妃位转角沙发', quantity: 1, price: '4599.00' }] });
    const table = order({ orderId: 'JJ-TBL-9', status: 'delivered', items: [{ sku: 't', title: '岩板茶几', quantity: 1, price: '1299.00' }] });
    const say = conversation(robotWith({ orders: [sofa, table], aftersales: [aftersale({ aftersaleId: 'R-9', orderId: 'JJ-TBL-9', status: 'rejected', reason: '已超过7天无理由退货期限' })] }));
    await say('我的贵妃沙发为啥被取消了');
    assert.match(textOf(await say('茶几那单的退款呢')), /JJ-TBL-9/);
  });
});

// Found from outside (a US gadget shop and a liquor shop, twenty-fifth session).
test('"order 100175" is the shop\'s GS-100175; "视频我已经拍了 发给谁" goes to a person (twenty-fifth session)', async () => {
  const gs = order({ orderId: 'GS-100175', status: 'delivered' });
  const r = await robotWith({ orders: [gs], aftersales: [aftersale({ aftersaleId: 'AS-5031', orderId: 'GS-100175', type: 'exchange', status: 'requested' })] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'my earbuds r the white ones, order 100175. can u check if the exchange got approved' });
  assert.match(textOf(r), /exchange request \(order GS-100175\)/);
  assert.doesNotMatch(textOf(r), /no return or refund request/);
  assert.equal((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '视频我已经拍了 发给谁' })).handover?.reason, 'requested');
});

// Found from outside (a pet-supplies shop, twenty-fifth session): "小猫吃了猫砂怎么办！！急！" was offered two entries.
test('a pet that ate what harms pets is told to reach a vet and goes ahead; a supposition or its own food is not (twenty-fifth session)', async () => {
  for (const text of ['小猫吃了猫砂怎么办！！急！', '狗狗吃了葡萄 会不会有事', 'my dog ate chocolate']) {
    const r = await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.match(textOf(r), /宠物医院|vet/, text);
    assert.equal(r.handover?.reason, 'complaint', text);
  }
  for (const text of ['猫砂会不会被猫吃了', '猫咪吃了这款猫粮吐了']) {
    assert.doesNotMatch(textOf(await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })), /宠物医院/, text);
  }
});

// Found from outside (a US gadget shop, twenty-fifth session).
test('right after a return\'s status, "did you guys get it yet" and "it goes back on my visa right?" stay on the return; "whats going on with my warranty claim" is the request (twenty-fifth session)', async () => {
  const plug = order({ orderId: 'GS-100150', status: 'delivered' });
  const out = logistics({ orderId: 'GS-100150', status: 'delivered', events: [{ time: '2024-11-20T13:22:00+08:00', location: 'SCRANTON, PA', description: 'Delivered - Left at front door' }] });
  const back = aftersale({ aftersaleId: 'AS-150', orderId: 'GS-100150', type: 'refund', status: 'returning', amount: '39.99' });
  const say = conversation(robotWith({ orders: [plug], logistics: [out], aftersales: [back] }));
  await say('status of my return pls');
  for (const next of ['did you guys get it yet', 'how long till u process it once it arrives', 'ok and it goes back on my visa right?']) {
    const t = textOf(await say(next));
    assert.match(t, /refund request \(order GS-100150\)/, next);
    assert.doesNotMatch(t, /Left at front door/, next);
  }
  // The same in Chinese, which the engine only guessed and which was offered FAQ entries (twenty-sixth session).
  const zh = conversation(robotWith({ orders: [plug], logistics: [out], aftersales: [back] }));
  await zh('退货进度');
  for (const next of ['收到了吗', '仓库收到没']) assert.match(textOf(await zh(next)), /退款申请（订单 GS-100150）/, next);
  const claim = textOf(await robotWith({ orders: [plug], aftersales: [aftersale({ aftersaleId: 'AS-151', orderId: 'GS-100150', type: 'exchange', status: 'requested' })] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'whats going on with my warranty claim' }));
  assert.match(claim, /exchange request/);
});

// Found from outside (a liquor shop's same-day delivery, twenty-fifth session): the slot was said again.
test('"骑手说找不到地方", "电话打不通 急死了" go to a person; "快递员电话多少" does not (twenty-fifth session)', async () => {
  for (const text of ['骑手说找不到地方', '电话打不通 急死了 客户等着呢', 'the driver cant find my address']) {
    assert.equal((await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })).handover?.reason, 'requested', text);
  }
  assert.notEqual((await robotWith({ orders: [earbuds], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '快递员电话多少' })).handover?.reason, 'requested');
});

// Found in review (twenty-fifth session) of the later readings.
describe('what the pet, evidence, return and chase readings must not take (review)', () => {
  const ask = async (text: string, data: FakeData = { orders: [earbuds] }) => robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
  test('everyday pet talk is no emergency; the pet, its eating and the harm, in order, is', async () => {
    for (const text of ['猫吃了你们家的猫粮以后便便好臭，用什么猫砂能除臭', 'my cat ate the new food fine, which litter do you recommend?', '狗狗咬了绳子玩具 质量太差了 一天就断了', '豆腐猫砂 猫咪吃了没事吗', '猫会不会吃了猫砂啊', 'my cat got into the litter box right away, love it']) {
      assert.doesNotMatch(textOf(await ask(text)), /宠物医院|vet/, text);
    }
    for (const text of ['my dog just ate a whole bar of chocolate', 'my cat ate a lily']) assert.match(textOf(await ask(text)), /vet/, text);
  });
  test('evidence asked where to send, with a comma or in other words, goes to a person; 怎么发货, 发哪个快递 do not', async () => {
    for (const text of ['视频我已经拍了，发给谁？', 'where do i send the pics', 'how do i send you a video', 'who do i send these photos to']) assert.equal((await ask(text)).handover?.reason, 'requested', text);
    for (const text of ['图片上的猫砂发哪个快递', '照片上这个颜色还有吗 怎么发货']) assert.equal((await ask(text)).handover, undefined, text);
  });
  test('after a return\'s status, "have you got the black ones in stock" is no question about the return', async () => {
    const back = aftersale({ aftersaleId: 'AS-R1', orderId: EARBUDS, type: 'refund', status: 'returning' });
    const say = conversation(robotWith({ orders: [earbuds], aftersales: [back] }));
    await say('my return?');
    assert.doesNotMatch(textOf(await say('have you got the black ones in stock')), /request/);

  });
  test('"不要再拖了 帮我催一下" after a request\'s status asks a chase', async () => {
    const say = conversation(robotWith({ orders: [earbuds], aftersales: [aftersale({ aftersaleId: 'EX-2', orderId: EARBUDS, type: 'exchange', status: 'approved' })] }));
    await say('我的换货怎么样了');
    assert.equal((await say('都一个星期了 不要再拖了 帮我催一下')).handover?.reason, 'requested');
  });
});

// Found in review (twenty-fifth session): with GS-100175 and RP-100175, "order 100175" took the first.
test('a number that two orders end with after their letters asks which one; typed whole, it is that one', async () => {
  const gs = order({ orderId: 'GS-100175', status: 'shipped' });
  const rp = order({ orderId: 'RP-100175', status: 'paid', items: [{ sku: 'r', title: 'Phone case', quantity: 1, price: '9.00' }] });
  const data = { orders: [gs, rp], logistics: [logistics({ orderId: 'GS-100175' })] };
  const both = textOf(await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is order 100175' }));
  assert.match(both, /GS-100175[\s\S]*RP-100175|RP-100175[\s\S]*GS-100175/);
  const one = textOf(await robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'where is order RP-100175' }));
  assert.match(one, /RP-100175/);
  assert.doesNotMatch(one, /GS-100175/);
});

// Found from outside (twenty-sixth session: a fruit shop, a Hong Kong cosmetics shop, a UK running shop).
describe('a no to a person, a courier\'s own time, Cantonese readings (twenty-sixth session)', () => {
  const unsure = async (reply: string, first = '你们有卖榴莲吗') => {
    const say = conversation(robotWith({ orders: [] }));
    assert.match(textOf(await say(first)), /转接人工客服吗|human agent\?/);
    return say(reply);
  };

  test('"不用啦", "不用 我自己看吧", "唔好啦 我自己打去顺丰问", "no its ok ill wait till tuesday" decline; "好啊" still takes one', async () => {
    for (const reply of ['不用啦', '不用 我自己看吧', '算啦 唔使', '唔好啦 我自己打去順豐問', '没事 我自己看看', '算了不急了 我自己等']) {
      const r = await unsure(reply);
      assert.equal(r.handover, undefined, reply);
      assert.match(textOf(r), /还有什么可以帮您|還有什麼可以幫您/, reply);
    }
    for (const reply of ['no its ok ill wait till tuesday', 'nah ill do it on the order page ta']) {
      const r = await unsure(reply, 'do you sell durians?');
      assert.equal(r.handover, undefined, reply);
    }
    assert.equal((await unsure('好啊')).handover?.reason, 'requested');
    // Not a no with a demand or a question after it, nor "不要等了" (found in review).
    for (const reply of ['不要等了 直接给我退款', '没关系 我先等等 什么时候能到', 'no, i will cancel it then. how do i cancel']) {
      assert.doesNotMatch(textOf(await unsure(reply)), /^好的，还有什么可以帮您？$|^OK, what else can I help with\?$/, reply);
    }
    assert.equal((await unsure('不用谢 帮我转人工吧')).handover?.reason, 'requested');
  });

  // Found from outside (thirty-sixth session: a Beijing, a Chengdu and a Toronto shop): "not understood", or a hand-over.
  test('a no, then a shrug that asks nothing ("先不用 到货再说", "甭了 …", "nah its fine") declines the person', async () => {
    for (const reply of ['先不用 到货再说', '不用 我就随便问问 88', '甭了 我自己去店里瞅瞅', '甭了', '不用不用 下单的时候我备注一下就行', '不用 没得就算了']) {
      const r = await unsure(reply);
      assert.equal(r.handover, undefined, reply);
      assert.doesNotMatch(textOf(r), /没太理解/, reply);
    }
    assert.equal((await unsure('nah its fine', 'do you sell durians?')).handover, undefined);
    assert.doesNotMatch(textOf(await unsure('nah its fine', 'do you sell durians?')), /didn't quite get/);
    // A no with something wanted after it is not a shrug.
    assert.doesNotMatch(textOf(await unsure('不用 帮我查一下物流就行')), /^好的，还有什么可以帮您？$/);
  });

  test('"好嘛转嘛" to "shall I get a person?" takes one (a Chengdu shop, thirty-sixth session: a goodbye)', async () => {
    assert.equal((await unsure('好嘛转嘛')).handover?.reason, 'requested');
  });

  test('a parcel is told its own courier\'s time from an entry that gives each courier\'s', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'del', question: 'How long does delivery take?', answer: 'Royal Mail Tracked 48 arrives 2-3 working days after dispatch. DPD Next Day arrives the next working day after dispatch.', alternates: ['how long will it take to arrive'] }]);
    const shoes = order({ orderId: 'RG-1', status: 'shipped', items: [{ sku: 'H', title: 'Hoka Clifton 9', quantity: 1, price: '135.00' }] });
    const ask = (carrier: string) =>
      createRobot({ dataSource: fakeDataSource({ orders: [shoes], logistics: [logistics({ orderId: 'RG-1', carrier, trackingNo: 'T1', events: [{ time: '2024-11-27T08:30:00+08:00', location: 'Leeds', description: 'Collected' }] })] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'when will it get to me' });
    const dpd = textOf(await ask('DPD'));
    assert.match(dpd, /DPD Next Day arrives the next working day/);
    assert.doesNotMatch(dpd, /Royal Mail Tracked 48/);
    const rm = textOf(await ask('Royal Mail'));
    assert.match(rm, /Royal Mail Tracked 48 arrives 2-3 working days/);
    assert.doesNotMatch(rm, /DPD Next Day/);
    // A courier no sentence names: the entry as it is.
    assert.match(textOf(await ask('Evri')), /Royal Mail[\s\S]*DPD/);
  });

  test('a Hong Kong shop\'s delivery entry is found for a parcel on its way, not the built-in 1-3 days', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'ship', question: '付款後幾耐發貨？', answer: '現貨訂單付款後 1-2 個工作天內由順豐寄出。' },
      { id: 'del', question: '寄到香港要幾耐先收到？', answer: '寄出後順豐一般 1-2 個工作天送到香港。', alternates: ['送貨要幾多日'] },
    ]);
    const r = await createRobot({ dataSource: fakeDataSource({ orders: [earbuds], logistics: [earbudsTrack] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我啲耳機今日會唔會到呀' });
    assert.match(textOf(r), /1-2 個工作天送到香港/);
    assert.doesNotMatch(textOf(r), /1-3 天/);
  });

  // Asked by testers of several rounds: the platform may send the order's own terms (docs/api.md, "Order terms").
  test('an order\'s promised shipping day, payment deadline and cancel reason are told when asked; without them, as before', async () => {
    const paid = order({ orderId: 'T-PAID', status: 'paid', updatedAt: '2024-11-26T10:00:00+08:00', shipBy: '2024-11-30T18:00:00+08:00' });
    let text = textOf(await robotWith({ orders: [paid] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '什么时候发货' }));
    assert.match(text, /预计11月30日前发出/);
    assert.doesNotMatch(text, /48 小时|比平常慢/);
    const past = order({ ...paid, shipBy: '2024-11-26T18:00:00+08:00' });
    assert.match(textOf(await robotWith({ orders: [past] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '什么时候发货' })), /比平常慢/);
    const unpaid = order({ orderId: 'T-UNPAID', status: 'pending_payment', payBy: '2024-11-27T12:30:00+08:00' });
    text = textOf(await robotWith({ orders: [unpaid] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '多久不付款会自动取消' }));
    assert.match(text, /请在 11-27 12:30 前付款/);
    assert.doesNotMatch(text, /倒计时/);
    const en = textOf(await robotWith({ orders: [unpaid] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'whats the status of my order' }));
    assert.match(en, /please pay by Nov 27, 12:30/i);
    const gone = order({ orderId: 'T-GONE', status: 'cancelled', cancelReason: '超时未支付，系统自动取消' });
    text = textOf(await robotWith({ orders: [gone] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我的订单为什么被取消了' }));
    assert.match(text, /取消原因：超时未支付，系统自动取消。/);
    assert.doesNotMatch(text, /查不到/);
    text = textOf(await robotWith({ orders: [order({ ...gone, cancelReason: undefined })] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我的订单为什么被取消了' }));
    assert.match(text, /取消的原因我这边查不到/);
  });

  test('goods that came beside goods that did not are the rest of a split order, in Chinese and English', async () => {
    const split = order({ orderId: 'SP-2', items: [{ sku: 'm', title: '海南贵妃芒果 5斤装', quantity: 1, price: '49.90' }, { sku: 'b', title: '云南蓝莓 125g*4盒', quantity: 1, price: '69.00' }] });
    const parcels = [logistics({ orderId: 'SP-2', trackingNo: 'SF-A', status: 'delivered' }), logistics({ orderId: 'SP-2', trackingNo: 'SF-B' })];
    const zh = textOf(await conversation(robotWith({ orders: [split], logistics: parcels }))('芒果收到了 蓝莓怎么没有？？'));
    assert.match(zh, /SF-B/);
    assert.doesNotMatch(zh, /您是想问/);
    const kit = order({ orderId: 'SP-3', items: [{ sku: 'w', title: 'Garmin Forerunner watch', quantity: 1, price: '299.00' }, { sku: 'j', title: 'Ronhill running jacket', quantity: 1, price: '90.00' }] });
    const en = await conversation(robotWith({ orders: [kit], logistics: [logistics({ orderId: 'SP-3', trackingNo: 'RM-1', status: 'delivered' }), logistics({ orderId: 'SP-3', trackingNo: 'RM-2' })] }))('got the watch, ta! still no jacket tho');
    assert.equal(en.intent, 'track_parcel');
    assert.match(textOf(en), /RM-2/);
  });

  test('after a cancelled order\'s refund, asking to buy the goods again is no refund question; the shop\'s phone or where to send photos goes to a person', async () => {
    const gone = order({ orderId: 'CX-1', status: 'cancelled', items: [{ sku: 's', title: '丹东草莓 3斤装', quantity: 1, price: '128.00' }] });
    const say = conversation(robotWith({ orders: [gone] }));
    await say('草莓那单钱退回来了吗');
    assert.doesNotMatch(textOf(await say('那你们还有草莓卖吗 想重新下单')), /已经取消了/);
    for (const text of ['照片拍好了 发哪', '你们客服电话多少', 'have u got a phone number']) {
      assert.equal((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })).handover?.reason, 'requested', text);
    }
    assert.notEqual((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '收件人电话能改吗' })).handover?.reason, 'requested');
  });

  test('"has my order been dispatched yet?" looks at the order on its way, not one completed weeks ago', async () => {
    const old = order({ orderId: 'OLD-1', status: 'completed', createdAt: '2024-11-01T09:00:00+08:00', items: [{ sku: 's', title: 'Running socks', quantity: 1, price: '12.00' }] });
    const r = await robotWith({ orders: [earbuds, old], logistics: [earbudsTrack] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'hiya, has my order been dispatched yet?' });
    assert.match(textOf(r), new RegExp(EARBUDS));
    assert.doesNotMatch(textOf(r), /OLD-1/);
    assert.equal(createNlu().understand('what time is the driver coming roughly', NOW).intent, 'delivery_estimate');
  });

  test('a fake bought elsewhere is why the buyer asks (the entry); one bought here is a complaint; a Chinese entry is no "English" shop word', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'real', question: '你哋啲貨係咪正貨？', answer: '全店產品 100% 正貨，唔賣水貨。', alternates: ['係咪正品', '是正品吗'] },
      { id: 'pay', question: '有咩付款方式？', answer: '我哋接受 FPS 轉數快、PayMe 同 Visa / Mastercard 信用卡。暫時唔接受 AlipayHK、WeChat Pay 同貨到付款。', alternates: ['可以用PayMe俾嗎', 'payment method'] },
    ]);
    const robot = () => createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: own, clock: () => NOW });
    const ask = (text: string) => robot().answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
    assert.notEqual((await ask('你哋啲面膜係咪真貨嚟？之前喺第二間買到假貨 😩')).handover?.reason, 'complaint');
    assert.equal((await ask('你们的面膜是正品吗 我上次在你们家买到假货')).handover?.reason, 'complaint');
    const say = conversation(robot());
    await say('可以用PayMe俾嗎');
    const t = textOf(await say('AlipayHK呢？'));
    assert.match(t, /AlipayHK/);
    assert.doesNotMatch(t, /英文/);
  });

  test('after a delivered order\'s refund: the money not seen is the refund, late; "派咗未呀" is the parcel on its way; asked to reach the rider, a person', async () => {
    const old = order({ orderId: 'HK-OLD', status: 'completed', createdAt: '2024-11-15T10:00:00+08:00' });
    const paid = aftersale({ aftersaleId: 'AS-HK', orderId: 'HK-OLD', status: 'refunded', updatedAt: '2024-11-24T10:00:00+08:00' });
    const data: FakeData = { orders: [earbuds, old], logistics: [earbudsTrack], aftersales: [paid] };
    let say = conversation(robotWith(data));
    await say('上次個退款到咗未');
    const late = textOf(await say('我見唔到筆錢喎 已經3日'));
    assert.match(late, /退款申請（訂單 HK-OLD）/);
    assert.match(late, /轉接人工|转接人工/);
    say = conversation(robotWith(data));
    await say('上次個退款到咗未');
    assert.match(textOf(await say('派咗未呀 個派件員話打咗俾我但我冇收到call')), /ZT7700001111/);
    assert.equal((await say('可唔可以幫我聯絡派件員 我而家喺屋企啦')).handover?.reason, 'requested');
  });

  test('after a request\'s status: "so when should i expect it then" is no delivery entry; "its been over a day now" is the request, late', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'del', question: 'How long does delivery take?', answer: 'Royal Mail Tracked 48 arrives 2-3 working days after dispatch.', alternates: ['when should i expect it', 'when will it arrive'] }]);
    const shorts = order({ orderId: 'RG-1', status: 'delivered', items: [{ sku: 's', title: 'Running shorts', quantity: 1, price: '30.00' }] });
    const robot = (a: ReturnType<typeof aftersale>) => createRobot({ dataSource: fakeDataSource({ orders: [shorts], aftersales: [a] }), faq: own, clock: () => NOW });
    let say = conversation(robot(aftersale({ aftersaleId: 'AS-1', orderId: 'RG-1', status: 'refunded', amount: '30.00' })));
    await say('did my refund go through?');
    const t = textOf(await say('so when should i expect it then'));
    assert.match(t, /refund request \(order RG-1\)/);
    assert.doesNotMatch(t, /Royal Mail/);
    say = conversation(robot(aftersale({ aftersaleId: 'AS-2', orderId: 'RG-1', type: 'exchange', status: 'requested' })));
    await say('whats happening with my exchange');
    const late = textOf(await say('its been over a day now'));
    assert.match(late, /exchange request \(order RG-1\)/);
    assert.match(late, /human agent/);
  });

  test('Cantonese: "點解仲喺…", "唔該 想問下…", "星期日開唔開", "幾多日" are read; thanks before "想问下" is no goodbye', async () => {
    const nlu = createNlu();
    const read = (t: string) => nlu.understand(t, NOW);
    assert.match(read('點解仲喺葵涌 尋日已經喺度').normalized, /为什么还在葵涌/);
    assert.match(read('星期日開唔開').normalized, /开不开/);
    assert.match(read('唔係呀 我問送貨要幾多日').normalized, /几天/);
    assert.equal(read('我啲綠茶精華今日會唔會到呀').intent, 'delivery_estimate');
    assert.notEqual(read('唔該 想問下有冇得上門自取').intent, 'bye');
    assert.notEqual(read('谢谢 想问下有没有上门自取').intent, 'bye');
    assert.equal(read('好 唔該晒').intent, 'bye');
    // "到付" is paying on delivery, not a delivery day.
    assert.notEqual(read('会不会到付啊').intent, 'delivery_estimate');
  });
});

// Found in review (twenty-sixth session) of the readings above.
describe('what the session\'s new readings must not take (review, twenty-sixth session)', () => {
  const ask = async (text: string, data: FakeData = { orders: [earbuds], logistics: [earbudsTrack] }) => robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });

  test('goods named with 手机/电话, and the buyer\'s own phone number, are no request for the shop\'s phone; "发哪家快递" beside a picture is no evidence to send', async () => {
    for (const text of ['你们手机是正品吗', '你们电话手表能插卡吗', '能不能把收货人的手机号改一下', 'i forgot to add a phone number to my order', '图片上这款一般发哪家快递']) {
      assert.notEqual((await ask(text)).handover?.reason, 'requested', text);
    }
  });

  test('"发货了吗" with one order paid and one shipped asks which; "耳机收到了 耳机没有声音" is the earphones\' trouble, not the rest of an order', async () => {
    const paid = order({ orderId: 'P-1', status: 'paid', items: [{ sku: 'c', title: '保温杯', quantity: 1, price: '59.00' }] });
    const r = await ask('发货了吗', { orders: [earbuds, paid], logistics: [earbudsTrack] });
    assert.match(textOf(r), /哪一个/);
    assert.match(textOf(r), /P-1/);
    assert.notEqual((await ask('耳机收到了 耳机没有声音')).intent, 'track_parcel');
  });

  test('after "shall I get a person?": "好嘞 谢谢老板" thanks, "好的 那旧空调能不能顺便拉走" asks; an unpaid order asked "要多久之内付" gets its deadline', async () => {
    const offer = async (reply: string) => {
      const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
      await say('怎么还没到 太慢了');
      return say(reply);
    };
    const thanks = await offer('好嘞 谢谢老板');
    assert.equal(thanks.handover, undefined);
    assert.equal(thanks.intent, 'bye');
    const asks = await offer('好的 那旧空调能不能顺便拉走');
    assert.equal(asks.handover, undefined);
    assert.notEqual(asks.intent, 'bye');
    const unpaid = order({ orderId: 'UP-1', status: 'pending_payment', payBy: '2024-11-28T14:53:00+08:00' });
    assert.match(textOf(await ask('好的谢谢 还有个热水器我还没付钱 要多久之内付', { orders: [unpaid] })), /请在 11-28 14:53 前付款/);
  });

  test('shops of the second round: a tracking number with a guessed word, "yeh", "how ya going", "how long have i got to pay", a cancelled order\'s money, "发货了？单号给我下" after an unpaid order', async () => {
    const data: FakeData = { orders: [earbuds], logistics: [earbudsTrack] };
    assert.match(textOf(await ask('ZT7700001111 any news?', data)), /ZT7700001111/);
    const nlu = createNlu();
    assert.equal(nlu.understand('yeh', NOW).yesNo, 'yes');
    assert.equal(nlu.understand('how ya going', NOW).intent, 'greeting');
    const unpaid = order({ orderId: 'UP-2', status: 'pending_payment', payBy: '2024-11-28T14:53:00+08:00' });
    assert.match(textOf(await ask('how long have i got to pay for it', { orders: [unpaid] })), /please pay by Nov 28, 14:53/);
    const gone = order({ orderId: 'CX-3', status: 'cancelled' });
    const swap = aftersale({ aftersaleId: 'AS-X', orderId: EARBUDS, type: 'exchange', status: 'returning' });
    const say = conversation(robotWith({ orders: [earbuds, gone], aftersales: [swap] }));
    await say('换货到哪了');
    assert.match(textOf(await say('那个取消的 钱退回来没有')), /CX-3 已经取消了/);
    const talk = conversation(robotWith({ orders: [earbuds, unpaid], logistics: [earbudsTrack] }));
    await talk('UP-2 现在啥状态');
    assert.match(textOf(await talk('刚看到发货了？单号给我下')), /ZT7700001111/);
  });

  test('"怎么退货 运费呢" asks on about returns; a cancellation said against ("我明明付款了") gets a person offered outright', async () => {
    const r = await ask('怎么退货 运费呢', { orders: [] });
    assert.doesNotMatch(textOf(r), /满 99 元包邮/);
    const gone = order({ orderId: 'CX-2', status: 'cancelled', cancelReason: '超时未支付，系统自动取消' });
    const say = conversation(robotWith({ orders: [gone] }));
    assert.match(textOf(await say('为什么我的订单被取消了 我明明付款了')), /取消原因/);
    assert.equal((await say('好的')).handover?.reason, 'requested');
  });
});

// Found in the second review (twenty-sixth session).
describe('second review of the twenty-sixth session\'s readings', () => {
  const ask = async (text: string, data: FakeData) => robotWith(data).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });

  test('a number beside a complaint is no "any news"; "前几天付的" is paid, not a payment deadline; "订单号是多少" is no shipping question', async () => {
    const delivered = order({ orderId: 'FF-1', status: 'delivered' });
    assert.doesNotMatch(textOf(await ask('FF-1 牛油果有好几个烂了', { orders: [delivered] })), /中通快递承运|运单号/);
    const paid = order({ orderId: 'PD-1', status: 'paid' });
    const unpaid = order({ orderId: 'UP-3', status: 'pending_payment', payBy: '2024-11-28T14:53:00+08:00' });
    assert.doesNotMatch(textOf(await ask('我前几天付的钱 怎么还没发', { orders: [paid, unpaid] })), /请在 11-28 14:53 前付款/);
    const talk = conversation(robotWith({ orders: [earbuds, unpaid], logistics: [earbudsTrack] }));
    await talk('UP-3 现在啥状态');
    assert.match(textOf(await talk('订单号发我一下 我去付')), /UP-3/);
    const again = conversation(robotWith({ orders: [earbuds, unpaid], logistics: [earbudsTrack] }));
    await again('UP-3 现在啥状态');
    assert.match(textOf(await again('我刚付了 发货了吗')), /UP-3/);
  });

  test('"how\'s it going with my order" is the order, "g\'day, how ya going?" a hello, "ya go ahead" a yes; "bonded fleece" is no bonded warehouse; "我想取消的 钱能退回来吗" is no cancelled order', async () => {
    const nlu = createNlu();
    assert.notEqual(nlu.understand("how's it going with my order", NOW).intent, 'greeting');
    assert.equal(nlu.understand("g'day, how ya going?", NOW).intent, 'greeting');
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    await say('can you chase the courier');
    assert.equal((await say('ya go ahead')).handover?.reason, 'requested');
    const fleece = order({ orderId: 'RG-9', status: 'shipped', items: [{ sku: 'j', title: "Ronhill Women's Bonded Fleece Running Jacket", quantity: 1, price: '80.00' }] });
    assert.doesNotMatch(textOf(await ask('when will the jacket arrive', { orders: [fleece], logistics: [logistics({ orderId: 'RG-9' })] })), /customs/);
    assert.doesNotMatch(textOf(await ask('我想取消的 钱能退回来吗', { orders: [earbuds, order({ orderId: 'CX-9', status: 'cancelled' })] })), /CX-9 已经取消了/);
  });
});

/** The twenty-seventh session's shops: a conversation with the robot over these data and these FAQ entries, at NOW. */
const session27 = {
  ago: (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString(),
  shop: (data: FakeData, entries: FaqEntry[] = []) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  },
};

describe('a snack shop, a plant nursery and a bedding shop (twenty-seventh session)', () => {
  const { ago, shop } = session27;
  const nuts = order({ orderId: 'SN-1', status: 'shipped', items: [{ sku: 'N', title: '【每日坚果】混合坚果礼盒 750g/30包', quantity: 1, price: '129.00' }], createdAt: ago(60) });
  const nutsTrack = logistics({ orderId: 'SN-1', trackingNo: 'ZT5550001', events: [{ time: ago(20), location: '成都转运中心', description: '快件已到达成都转运中心' }], updatedAt: ago(20) });
  const allergy: FaqEntry = { id: 'allergy', question: '花生坚果过敏的人能吃吗？', answer: '我们的零食在同一个车间生产，可能含有花生、坚果，过敏的朋友请不要购买。' };
  const monstera = order({ orderId: 'PL-1', status: 'delivered', items: [{ sku: 'M', title: 'Monstera Deliciosa – 6" Grower Pot', quantity: 1, price: '45.95' }], currency: 'USD', createdAt: ago(120) });
  const monsteraTrack = logistics({ orderId: 'PL-1', carrier: 'UPS Ground', trackingNo: '1Z001', status: 'delivered', events: [{ time: ago(50), location: 'Austin, TX', description: 'Delivered, Front Porch' }], updatedAt: ago(50) });
  const leaves: FaqEntry = { id: 'leaves', question: 'Is it normal for leaves to turn yellow or droop after shipping?', answer: 'Yes, a few yellow or droopy leaves are normal shipping stress.' };

  test('what is in the goods, who may have them and how a plant is kept is the FAQ, not the parcel of the goods named', async () => {
    const say = shop({ orders: [nuts], logistics: [nutsTrack] }, [allergy]);
    assert.match(textOf(await say('我买的坚果到哪了')), /ZT5550001/);
    const r = textOf(await say('我老公花生过敏 每日坚果里面有花生吗'));
    assert.match(r, /花生坚果过敏的人能吃吗|同一个车间/);
    assert.doesNotMatch(r, /ZT5550001|成都转运中心/);
    const en = shop({ orders: [monstera], logistics: [monsteraTrack] }, [leaves]);
    const yellow = textOf(await en('Hi there! My monstera has 2 leaves that turned yellow since it arrived on wednesday, should I be worried?'));
    assert.match(yellow, /Is it normal for leaves to turn yellow|shipping stress/);
    assert.doesNotMatch(yellow, /Front Porch/);
  });

  test('a cancelled order is promised its money back only when its reason does not say it was never paid; "我都付钱了" still asks why', async () => {
    const unpaid = order({ orderId: 'SN-2', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', items: [{ sku: 'C', title: '巧克力礼盒', quantity: 1, price: '99.00' }] });
    const paid = order({ orderId: 'SN-3', status: 'cancelled', cancelReason: '冷链商品暂不配送新疆地区，商家已取消订单并原路全额退款', items: [{ sku: 'Y', title: '【冷链】鲜肉月饼 20只装', quantity: 1, price: '88.00' }] });
    const gone = textOf(await shop({ orders: [unpaid] })('另外我之前那个巧克力礼盒的单怎么没了？？'));
    assert.match(gone, /超时未支付/);
    assert.doesNotMatch(gone, /原路退回/);
    const asked = shop({ orders: [unpaid] });
    await asked('另外我之前那个巧克力礼盒的单怎么没了？？');
    const money = textOf(await asked('那钱退了吗'));
    assert.match(money, /没有付款，不会扣款/);
    assert.doesNotMatch(money, /原路退回/);
    assert.match(textOf(await shop({ orders: [paid] })('钱退给我了吗')), /已付的款项会原路退回/);
    assert.match(textOf(await shop({ orders: [paid] })('我的鲜肉月饼订单怎么被取消了？？我都付钱了')), /取消原因：冷链商品暂不配送新疆地区/);
    const en = order({ orderId: 'PL-2', status: 'cancelled', cancelReason: 'unpaid, cancelled automatically', currency: 'USD' });
    assert.match(textOf(await shop({ orders: [en] })('did i get my money back for PL-2?')), /never paid, so nothing was charged/);
  });

  test('yes and no to "shall I get a person?" in more words: 麻烦了 and 快啲 are yes; 算啦 after 唔系, 没事 and waiting, "nah im good" are no', async () => {
    const offered = async (reply: string, first = '你们有卖榴莲吗') => {
      const say = shop({ orders: [] });
      assert.match(textOf(await say(first)), /转接人工客服吗|human agent\?/);
      return say(reply);
    };
    for (const yes of ['嗯嗯 麻烦了', '係呀 快啲']) assert.equal((await offered(yes)).handover?.reason, 'requested', yes);
    for (const no of ['唔系 算啦', '哈哈好吧 没事 等收到再说', '没事']) assert.equal((await offered(no)).handover, undefined, no);
    assert.equal((await offered('nah im good. later ✌️', 'do you sell durians?')).handover, undefined);
  });

  test('photos to send go to a person, in Chinese, Cantonese and English', async () => {
    for (const text of ['图我拍好了 怎么发给你', '影咗相喇 點send俾你', 'no. should i send you pics or what']) {
      assert.equal((await shop({ orders: [nuts], logistics: [nutsTrack] })(text)).handover?.reason, 'requested', text);
    }
  });

  test('paid but shown unpaid goes to a person; how long an unpaid order waits is its deadline', async () => {
    const waiting = order({ orderId: 'BD-1', status: 'pending_payment', payBy: ago(-20), items: [{ sku: 'S', title: '四件套', quantity: 1, price: '299.00' }] });
    assert.equal((await shop({ orders: [waiting] })('我刚fk了 为啥还显示待付款啊 钱都扣了😡')).handover?.reason, 'requested');
    assert.equal((await shop({ orders: [waiting] })('hey so i paid for the order like an hour ago and it still says awaiting payment. money is gone from my account tho')).handover?.reason, 'requested');
    assert.match(textOf(await shop({ orders: [waiting] })('仲有张四件套单我未俾钱 几时之前要俾')), /请在 .+ 前付款/);
    assert.match(textOf(await shop({ orders: [waiting] })('i dont want to cancel it lol i want to pay. how long do i have')), /please pay by/);
  });

  test('a refused request asked after in other words gets its reason', async () => {
    const cashews = order({ orderId: 'SN-4', status: 'completed', items: [{ sku: 'K', title: '炭烧腰果 500g', quantity: 1, price: '49.90' }] });
    const refused = aftersale({ aftersaleId: 'AS-4', orderId: 'SN-4', type: 'exchange', status: 'rejected', reason: '商品已拆封且已食用过半，不符合换货条件' });
    for (const text of ['你直接告诉我拒绝的原因是啥', '另外我上次换腰果点解唔得？', '我问换货 点解拒绝我']) {
      assert.match(textOf(await shop({ orders: [cashews], aftersales: [refused] })(text)), /已食用过半/, text);
    }
  });

  test('when it was signed for is the parcel; the shop signing for a return is not', async () => {
    const jerky = order({ orderId: 'SN-5', status: 'delivered', items: [{ sku: 'J', title: '手撕牛肉干 五香味 500g', quantity: 1, price: '59.00' }] });
    const signed = logistics({ orderId: 'SN-5', trackingNo: 'ZT5550005', status: 'delivered', events: [{ time: ago(72), location: '成都市武侯区', description: '已签收，签收人：本人' }], updatedAt: ago(72) });
    for (const text of ['不是 我问牛肉干 SN-5 什么时候签收的', '11月买的牛肉干那单是哪天签收的来着']) {
      assert.match(textOf(await shop({ orders: [jerky], logistics: [signed] })(text)), /ZT5550005[\s\S]*已签收/, text);
    }
    const back = aftersale({ aftersaleId: 'AS-5', orderId: 'SN-5', type: 'return', status: 'returning' });
    assert.match(textOf(await shop({ orders: [jerky], logistics: [signed], aftersales: [back] })('退货寄回去了 仓库什么时候签收')), /退货/);
  });

  test('Cantonese 寄到边 asks where the parcel is', async () => {
    assert.match(textOf(await shop({ orders: [nuts], logistics: [nutsTrack] })('hi 我啲坚果寄到边啦')), /ZT5550001/);
  });

  test('"when then?" after a paid order, "any idea what time?" after one out for delivery, "has it shipped?" of a paid order: that order\'s times', async () => {
    const plant = order({ orderId: 'PL-3', status: 'paid', currency: 'USD', items: [{ sku: 'C', title: 'Calathea Orbifolia – 6" Grower Pot', quantity: 1, price: '42.95' }], createdAt: ago(30) });
    const ship: FaqEntry = { id: 'ship', question: 'How soon do you ship after payment?', answer: 'Orders are sent out within 3 business days of payment.' };
    const refund: FaqEntry = { id: 'refund', question: 'How long does a refund take to arrive?', answer: 'Card refunds take 5-10 business days.' };
    const say = shop({ orders: [plant] }, [ship, refund]);
    assert.match(textOf(await say('my calathea order still says processing, has it shipped?')), /within 3 business days/);
    const then = textOf(await say('when then?'));
    assert.match(then, /PL-3[\s\S]*within 3 business days/);
    assert.doesNotMatch(then, /Which of these/);
    const out = order({ orderId: 'PL-4', status: 'shipped', currency: 'USD', items: [{ sku: 'S', title: 'String of Pearls – 4" Hanging Basket', quantity: 1, price: '24.95' }] });
    const van = logistics({ orderId: 'PL-4', carrier: 'USPS', trackingNo: '9405001', status: 'out_for_delivery', events: [{ time: ago(3), location: 'COLUMBUS, OH', description: 'Out for Delivery' }], updatedAt: ago(3) });
    const en = shop({ orders: [out], logistics: [van] });
    await en('where is my package');
    const when = textOf(await en('oh nice today!! any idea what time? dont want it freezing on the porch'));
    assert.match(when, /out for delivery/);
    assert.doesNotMatch(when, /not sure/);
  });

  test('a duvet is not the sheet set whose title says 被套; the rest of an order that came in part is its other parcel', async () => {
    const sheets = order({ orderId: 'BD-2', status: 'completed', items: [{ sku: 'S', title: '60支长绒棉四件套 1.8m床 被套220x240', quantity: 1, price: '399.00' }], createdAt: ago(400) });
    const sheetsTrack = logistics({ orderId: 'BD-2', trackingNo: 'ZT0002', status: 'delivered', events: [{ time: ago(300), location: '杭州', description: '已签收' }], updatedAt: ago(300) });
    const duvet = order({ orderId: 'BD-3', status: 'shipped', items: [{ sku: 'D', title: '95白鹅绒羽绒被 冬季加厚 200x230cm', quantity: 1, price: '1299.00' }], createdAt: ago(60) });
    const duvetTrack = logistics({ orderId: 'BD-3', carrier: '韵达快递', trackingNo: 'YD0003', events: [{ time: ago(10), location: '杭州转运中心', description: '已发出' }], updatedAt: ago(10) });
    assert.match(textOf(await shop({ orders: [sheets, duvet], logistics: [sheetsTrack, duvetTrack] })('在吗 我的被子到哪了')), /YD0003/);
    const gifts = order({ orderId: 'SN-6', status: 'shipped', items: [{ sku: 'G', title: '坚果礼盒 臻选8件套 企业团购款', quantity: 60, price: '168.00' }] });
    const half = logistics({ orderId: 'SN-6', carrier: '德邦快递', trackingNo: 'DPK0001', status: 'delivered', events: [{ time: ago(30), location: '北京', description: '已签收' }], updatedAt: ago(30) });
    const rest = logistics({ orderId: 'SN-6', carrier: '德邦快递', trackingNo: 'DPK0002', events: [{ time: ago(40), location: '嘉兴分拨中心', description: '货物已到达嘉兴分拨中心' }], updatedAt: ago(40) });
    const r = textOf(await shop({ orders: [gifts], logistics: [half, rest] })('我们上周下的60份坚果礼盒，前台说只收到30箱，另外一半呢？'));
    assert.match(r, /DPK0002/);
    assert.doesNotMatch(r, /不太确定/);
  });

  test('an ok, then an either-or question of its own, is the question', async () => {
    const down: FaqEntry = { id: 'down', question: '羽绒被含绒量多少？', answer: '95%白鹅绒，1500g适合南方没有暖气的冬天。', alternates: ['是鸭绒还是鹅绒', '羽绒被保暖吗'] };
    const r = textOf(await shop({ orders: [] }, [down])('好的 羽绒被是白鸭绒还是鹅绒 冬天南方没暖气够不够暖'));
    assert.match(r, /95%白鹅绒|羽绒被含绒量多少/);
    assert.doesNotMatch(r, /还有问题随时找我/);
  });
});

describe('requests in a conversation, notes asked as questions, praise in Cantonese (twenty-seventh session)', () => {
  const { ago, shop } = session27;
  const sheet = order({ orderId: 'BD-9', status: 'delivered', items: [{ sku: 'S', title: '纯棉床单 1.8m', quantity: 1, price: '129.00' }] });
  const swap = aftersale({ aftersaleId: 'AS-9', orderId: 'BD-9', type: 'exchange', status: 'approved' });
  const fern = order({ orderId: 'PL-9', status: 'shipped', currency: 'USD', items: [{ sku: 'F', title: "Bird's Nest Fern – 6\" Grower Pot", quantity: 1, price: '29.95' }] });
  const crushed = logistics({ orderId: 'PL-9', carrier: 'UPS Ground', trackingNo: '1Z009', status: 'exception', events: [{ time: ago(30), location: 'Commerce City, CO', description: 'Exception: Damage reported' }], updatedAt: ago(30) });

  test('"寄到哪里啊 地址发我一下" after an exchange is where to send the goods back, not the buyer\'s own address', async () => {
    const say = shop({ orders: [sheet], aftersales: [swap] });
    await say('床单换货通过了 然后我要干嘛');
    const r = textOf(await say('寄到哪里啊 地址发我一下'));
    assert.match(r, /换货申请[\s\S]*寄回/);
    assert.doesNotMatch(r, /地址已无法修改/);
  });

  test('after a damaged parcel: "send a new fern instead" is a person; "the address is fine, forget it" changes nothing', async () => {
    const say = shop({ orders: [fern], logistics: [crushed] });
    assert.match(textOf(await say("UPS says my package is 'damaged'??? is my fern dead")), /delivery problem/);
    assert.equal((await say('can u just send a new fern instead, this one is obviously toast')).handover?.reason, 'requested');
    const fine = await shop({ orders: [fern], logistics: [crushed] })('what?? no. the address is fine. forget it ill call ups myself');
    assert.doesNotMatch(textOf(fine), /redirect|address can't be changed|change the delivery address/);
    assert.equal(fine.handover, undefined);
  });

  test('asked to be contacted, with a phone or of "你们", is a person; a courier who did not call is not that', async () => {
    const r = await shop({ orders: [sheet] })('公司名叫北京某某科技有限公司 80份 预算每份200左右 你们联系我 电话13601122334');
    assert.equal(r.handover?.reason, 'requested');
    assert.doesNotMatch(textOf(await shop({ orders: [sheet] })('快递员根本没联系我')), /正在为您转接人工客服，请稍候/);
  });

  test('where the courier leaves it and the goods in one parcel, asked as questions, are notes for a person; not a cancellation', async () => {
    const pillows = order({ orderId: 'BD-8', status: 'paid', items: [{ sku: 'P', title: '泰国乳胶枕 2只装', quantity: 1, price: '259.00' }] });
    for (const text of ['两个枕头是一起发吧 别给我分两次', '我今天加班不在家 能让快递员放丰巢吗', '咁可唔可以叫佢放樓下管理處']) {
      const r = textOf(await shop({ orders: [pillows] })(text));
      assert.match(r, /备注|備註/, text);
      assert.doesNotMatch(r, /取消/, text);
    }
  });

  test('how paid and when, after a refund, is the refund; a refund not seen on the card is the refund, not the parcel of the goods named', async () => {
    const cakes = order({ orderId: 'SN-9', status: 'delivered', items: [{ sku: 'Y', title: '【冷链】鲜肉月饼 20只装', quantity: 1, price: '88.00' }] });
    const cakesTrack = logistics({ orderId: 'SN-9', status: 'delivered', trackingNo: 'SF0009', events: [{ time: ago(50), location: '南京', description: '已签收' }], updatedAt: ago(50) });
    const back = aftersale({ aftersaleId: 'AS-8', orderId: 'SN-9', type: 'refund', status: 'approved', amount: '88.00' });
    const say = shop({ orders: [cakes], logistics: [cakesTrack], aftersales: [back] });
    await say('我的月饼退款批了吗');
    const r = textOf(await say('我是银行卡付的，那几天能到？'));
    assert.match(r, /退款申请/);
    assert.doesNotMatch(r, /SF0009/);
    const planter = order({ orderId: 'PL-8', status: 'delivered', currency: 'USD', items: [{ sku: 'P', title: 'Ceramic Planter – Cracked Glaze', quantity: 1, price: '28.00' }] });
    const planterTrack = logistics({ orderId: 'PL-8', status: 'delivered', trackingNo: '1Z008', events: [{ time: ago(100), location: 'Austin, TX', description: 'Delivered' }], updatedAt: ago(100) });
    const paid = aftersale({ aftersaleId: 'AS-7', orderId: 'PL-8', type: 'refund', status: 'refunded', amount: '28.00' });
    const en = textOf(await shop({ orders: [planter], logistics: [planterTrack], aftersales: [paid] })("Hello, I was told my refund for the cracked planter was processed but I don't see it on my card yet. When will it show up?"));
    assert.match(en, /refund request/);
    assert.doesNotMatch(en, /1Z008/);
  });

  test('a return waybill typed in the chat names no time of the robot\'s own', async () => {
    const topper = order({ orderId: 'BD-7', status: 'delivered', items: [{ sku: 'T', title: '乳胶床垫 5cm', quantity: 1, price: '899.00' }] });
    const returning = aftersale({ aftersaleId: 'AS-6', orderId: 'BD-7', type: 'return', status: 'returning', amount: '899.00' });
    const say = shop({ orders: [topper], aftersales: [returning] });
    await say('我的退款到哪一步了');
    const r = textOf(await say('中通单号78951200663418 昨天物流显示已经签收了 你们查下'));
    assert.match(r, /78951200663418/);
    assert.doesNotMatch(r, /1-3 个工作日/);
  });

  test('a demand on the courier right after a person was offered for the parcel is for that person', async () => {
    const snack = order({ orderId: 'SN-8', status: 'shipped', items: [{ sku: 'D', title: '蛋黄酥 12枚礼盒装', quantity: 1, price: '59.00' }] });
    const held = logistics({ orderId: 'SN-8', carrier: '韵达快递', trackingNo: 'YD0008', status: 'exception', events: [{ time: ago(2), location: '南京市江宁区', description: '派件异常：收件人电话无人接听，快件暂存网点' }], updatedAt: ago(2) });
    const other = order({ orderId: 'SN-7', status: 'delivered', items: [{ sku: 'M', title: '鲜肉月饼', quantity: 1, price: '88.00' }] });
    const say = shop({ orders: [snack, other], logistics: [held] });
    assert.match(textOf(await say('蛋黄酥的快递呢，怎么还没送来')), /转接人工客服跟进吗/);
    assert.equal((await say('我手机一直开着的 根本没人打给我！让他今天必须给我送过来')).handover?.reason, 'requested');
  });

  test('Cantonese praise is thanked; an invoice asked with 能…不 offers the shop\'s entry, not only the way to a person', async () => {
    for (const text of ['hi 猪肉脯拎咗喇 好好食 下次再帮衬 👍', '月饼收到啦 冰袋仲系硬嘅 正👍']) {
      const r = await shop({ orders: [] })(text);
      assert.equal(r.intent, 'bye', text);
    }
    const invoice: FaqEntry = { id: 'inv', question: '可以开发票吗', answer: '可以开电子普通发票，在订单详情页申请开票，填写公司抬头和税号。' };
    const r = textOf(await shop({ orders: [] }, [invoice, { id: 'x', question: '羽绒被怎么洗', answer: '干洗。' }, { id: 'y', question: '发什么快递', answer: '中通。' }])('ok 那羽绒被到了以后能开发票不 我要开公司抬头报销'));
    assert.match(r, /可以开发票吗|电子普通发票/);
  });
});

describe('an eyewear shop, a Singapore boutique and a Taiwanese accessories shop (twenty-seventh session)', () => {
  const { ago, shop } = session27;
  const glasses = order({ orderId: 'YJ-1', status: 'paid', shipBy: ago(-7 * 24), items: [{ sku: 'G', title: '【定制】渐进多焦点镜片 1.60 按验光单加工 + 轻钛半框镜架 金色', quantity: 1, price: '1280.00' }], createdAt: ago(72) });

  test('glasses made to order asked "做到哪一步了 什么时候能寄出来" are their dispatch day, also after "我没说要退货" and "到底哪天发货"', async () => {
    const say = shop({ orders: [glasses] });
    const first = textOf(await say('你好，我前几天配了一副渐进多焦点眼镜，想问一下现在做到哪一步了，什么时候能寄出来呀？'));
    assert.match(first, /预计.+前发出/);
    assert.doesNotMatch(first, /售后申请/);
    assert.match(textOf(await say('我没说要退货啊，我是问眼镜什么时候能寄出来')), /预计.+前发出/);
    assert.match(textOf(await say('那到底哪天发货？')), /预计.+前发出/);
  });

  test('a reaction to contact lenses worn is a reaction: stop, a doctor, a person first', async () => {
    const lenses = order({ orderId: 'YJ-2', status: 'delivered', items: [{ sku: 'C', title: '美瞳 月抛 棕色 2片装', quantity: 1, price: '89.00' }] });
    const r = await shop({ orders: [lenses] })('上次买的美瞳戴了半天眼睛就红了 现在还有点疼 是不是你们质量有问题😭');
    assert.equal(r.handover?.reason, 'complaint');
    assert.match(textOf(r), /停止使用|就医/);
  });

  test('sent again, held back a few days, redelivered or held longer: a person; "好 那我明天去寄" declines one', async () => {
    const frames = order({ orderId: 'YJ-3', status: 'shipped', items: [{ sku: 'F', title: '试戴镜架 3副', quantity: 1, price: '0.00' }] });
    const broken = logistics({ orderId: 'YJ-3', status: 'exception', trackingNo: 'SF0003', events: [{ time: ago(5), location: '上海', description: '外包装破损 暂停派送' }], updatedAt: ago(5) });
    const say = shop({ orders: [frames], logistics: [broken] });
    assert.match(textOf(await say('我申请的试戴镜架寄出来了吗')), /SF0003/);
    assert.equal((await say('能不能直接重新给我寄一套 我周末想试')).handover?.reason, 'requested');
    const later = textOf(await shop({ orders: [glasses] })('不是改地址，地址不变，就是晚几天寄'));
    assert.match(later, /改约|送货日期/);
    for (const text of ['no im not changing address. ninja van waiting for YOU to instruct them. pls arrange redelivery', 'salam. i cannot collect the dress by 11 dec, im in bangkok till 14th. can ask 7-11 hold longer?']) {
      assert.equal((await shop({ orders: [frames], logistics: [broken] })(text)).handover?.reason, 'requested', text);
    }
    const decline = shop({ orders: [] });
    assert.match(textOf(await decline('你们有卖榴莲吗')), /转接人工客服吗/);
    assert.equal((await decline('好 那我明天去寄')).handover, undefined);
  });

  test('paid and still unpaid, in Singapore and Taiwan words; "ok pls chase for me" to a chase offered is a yes', async () => {
    const sequin = order({ orderId: 'SG-1', status: 'pending_payment', currency: 'SGD', payBy: ago(-6), items: [{ sku: 'S', title: 'Holiday Sequin Wrap Dress - Gold (XS)', quantity: 1, price: '98.00' }] });
    assert.equal((await shop({ orders: [sequin] })('eh i paid the sequin dress with paynow already but the app still say unpaid??')).handover?.reason, 'requested');
    assert.equal((await shop({ orders: [sequin] })('我剛剛ATM轉帳1290了 可是訂單還是顯示待付款欸 是不是沒轉成功')).handover?.reason, 'requested');
    const late = order({ orderId: 'SG-2', status: 'shipped', currency: 'SGD', items: [{ sku: 'K', title: 'Pastel Kaftan Dress - Lilac XL', quantity: 1, price: '89.00' }], createdAt: ago(24 * 9) });
    const stuck = logistics({ orderId: 'SG-2', carrier: 'Ninja Van', trackingNo: 'NV0002', events: [{ time: ago(24 * 6), location: 'Skudai', description: 'In transit to delivery station' }], updatedAt: ago(24 * 6) });
    const say = shop({ orders: [late], logistics: [stuck] });
    assert.match(textOf(await say('my parcel to JB already 1 week still not reach')), /human agent/);
    assert.equal((await say('ok pls chase for me')).handover?.reason, 'requested');
  });

  test('a charger that gets hot right after it was told is a danger; "不用轉人工啦" and "先不用 我週一再看看" ask for no one', async () => {
    const charger = order({ orderId: 'TW-1', status: 'delivered', items: [{ sku: 'C', title: 'GaN 65W 快充充電器', quantity: 1, price: '890.00' }] });
    const say = shop({ orders: [charger] });
    await say('我上禮拜買的充電器 到了嗎');
    const hot = await say('而且充一下就超燙 有點怕');
    assert.equal(hot.handover?.reason, 'complaint');
    assert.match(textOf(hot), /拔掉電源|拔掉电源/);
    assert.equal((await shop({ orders: [charger] })('不用轉人工啦 我只是說一下')).handover, undefined);
    const offered = shop({ orders: [] });
    assert.match(textOf(await offered('你们有卖榴莲吗')), /转接人工客服吗/);
    assert.equal((await offered('先不用 我週一再看看有沒有動')).handover, undefined);
  });

  test('a hole found in goods that arrived is goods in trouble, not the tracking', async () => {
    const kaftan = order({ orderId: 'SG-3', status: 'delivered', currency: 'SGD', items: [{ sku: 'K', title: 'Embroidered Kaftan - Ivory', quantity: 1, price: '79.00' }] });
    const r = textOf(await shop({ orders: [kaftan], logistics: [logistics({ orderId: 'SG-3', trackingNo: 'NV0003', status: 'delivered' })] })('hi, my parcel reached already!! but the kaftan got a small hole near the armpit 😭'));
    assert.doesNotMatch(r, /NV0003/);
    assert.match(r, /human/);
  });
});

describe('taking a hand-over back in more words (twenty-seventh session)', () => {
  test('declining the person named, at the end or in traditional characters, takes it back; asking for one does not', () => {
    for (const [text, rest] of [
      ['cancel that. I dont want agent', ''],
      ['no no dont need person. is the size chart in inches or cm', 'is the size chart in inches or cm'],
      ['哦刷新了一下好了 显示已付款 不用人工了', '哦刷新了一下好了 显示已付款'],
      ['算了不用找真人了 我自己再看看', '我自己再看看'],
      ['算了 不用等客服了', ''],
    ] as const) assert.equal(withdrawsHandover(text), rest, text);
    assert.ok(withdrawsHandover('欸還是算了 等等 我先打給黑貓好了 不用轉了') !== undefined);
    for (const text of ['算了 我还是要真人', '算了 转人工吧', '我要人工']) assert.equal(withdrawsHandover(text), undefined, text);
  });
});

describe('what the twenty-seventh session\'s readings must not take (review)', () => {
  const { ago, shop } = session27;
  const nuts = order({ orderId: 'RV-1', status: 'shipped', items: [{ sku: 'N', title: '三只松鼠 每日坚果 750g', quantity: 1, price: '129.00' }] });
  const nutsTrack = logistics({ orderId: 'RV-1', trackingNo: 'ZT0101', events: [{ time: ago(10), location: '上海', description: '运输中' }], updatedAt: ago(10) });
  const refund = aftersale({ aftersaleId: 'RV-A', orderId: 'RV-1', type: 'refund', status: 'approved', amount: '129.00' });

  test('"X什么时候给" of money, a gift or a number is no payment deadline', async () => {
    for (const text of ['退的钱什么时候给', '说好的赔偿什么时候给', '赠品什么时候给', '单号什么时候给啊']) {
      assert.doesNotMatch(textOf(await shop({ orders: [nuts], logistics: [nutsTrack], aftersales: [refund] })(text)), /未付款的订单|前付款/, text);
    }
  });

  test('a parcel question naming who the goods are for or what is in them is the parcel\'s; damage beside a care word is trouble', async () => {
    for (const text of ['给孩子吃的坚果到哪了', '坚果能吃吗 什么时候到']) assert.match(textOf(await shop({ orders: [nuts], logistics: [nutsTrack] })(text)), /RV-1[\s\S]*(?:运输中|运输途中)/, text);
    const leaves: FaqEntry = { id: 'l', question: 'Is it normal for leaves to turn yellow after shipping?', answer: 'Yes, shipping stress.' };
    const pot: FaqEntry = { id: 'p', question: 'My pot arrived broken, what do I do?', answer: 'Send us a photo of the broken pot.' };
    const r = textOf(await shop({ orders: [] }, [leaves, pot])('the ZZ plant arrived with leaves turning yellow and the pot was cracked'));
    assert.match(r, /broken pot|pot arrived broken/);
  });

  test('a return slip, a waybill or a bill gone is no cancelled order; a return window is no signing date; a refusal asked of policy is policy', async () => {
    for (const text of ['我的退货单怎么没了', '运单怎么没了 物流页面空白', '账单怎么没了']) assert.doesNotMatch(textOf(await shop({ orders: [nuts], logistics: [nutsTrack] })(text)), /取消原因|已取消/, text);
    for (const text of ['七天无理由是从签收时间开始算吗', '签收时间超过7天了还能退吗']) assert.doesNotMatch(textOf(await shop({ orders: [nuts], logistics: [nutsTrack] })(text)), /ZT0101/, text);
    const delivered = order({ orderId: 'RV-2', status: 'delivered', currency: 'USD', items: [{ sku: 'M', title: 'Monstera', quantity: 1, price: '45.95' }] });
    const porch = logistics({ orderId: 'RV-2', trackingNo: '1Z0202', status: 'delivered', events: [{ time: ago(50), location: 'Austin, TX', description: 'Delivered, Front Porch' }], updatedAt: ago(50) });
    assert.match(textOf(await shop({ orders: [delivered], logistics: [porch] })('what day was it delivered?')), /Front Porch/);
    for (const text of ['退货为什么不能上门取件', '退款为什么不能原路返回']) assert.doesNotMatch(textOf(await shop({ orders: [nuts] })(text)), /没有查到您的售后申请/, text);
  });

  test('paying one order while another is paid, or a deposit, is no paid-but-unpaid; "显示未付款 钱都扣了" is', async () => {
    const shoes = order({ orderId: 'RV-3', status: 'paid', items: [{ sku: 'S', title: '跑鞋', quantity: 1, price: '369.00' }] });
    const cooker = order({ orderId: 'RV-4', status: 'pending_payment', payBy: ago(-20), items: [{ sku: 'C', title: '电饭煲', quantity: 1, price: '299.00' }] });
    assert.equal((await shop({ orders: [shoes, cooker] })('跑鞋付了 电饭煲还是待付款 要怎么付')).handover, undefined);
    assert.equal((await shop({ orders: [cooker] })('我付了定金 尾款还是待付款吗')).handover, undefined);
    assert.equal((await shop({ orders: [cooker] })('付款了怎么还显示未付款 钱都扣了')).handover?.reason, 'requested');
  });

  test('a deposit kept is not "nothing was charged"; a payment timeout is', async () => {
    const kept = order({ orderId: 'RV-5', status: 'cancelled', cancelReason: '尾款未支付，订单关闭，定金不退' });
    const say = shop({ orders: [kept] });
    await say('我的订单怎么没了');
    assert.doesNotMatch(textOf(await say('那钱退了吗')), /没有付款，不会扣款/);
    const timedOut = order({ orderId: 'RV-6', status: 'cancelled', cancelReason: '支付超时，订单自动关闭' });
    const again = shop({ orders: [timedOut] });
    await again('我的订单怎么没了');
    assert.match(textOf(await again('那钱退了吗')), /没有付款，不会扣款/);
  });

  test('"好麻烦了" is no yes; a size-chart picture asked before buying is no evidence; "what about when it arrives damaged?" is no arrival time', async () => {
    const say = shop({ orders: [] });
    await say('你们有卖榴莲吗');
    assert.equal((await say('好麻烦了')).handover, undefined);
    assert.equal((await shop({ orders: [] })('do you need pictures of the size chart before I order?')).handover, undefined);
    const out = order({ orderId: 'RV-7', status: 'shipped', currency: 'USD', items: [{ sku: 'S', title: 'String of Pearls', quantity: 1, price: '24.95' }] });
    const van = logistics({ orderId: 'RV-7', trackingNo: '9405007', status: 'out_for_delivery', events: [{ time: ago(3), location: 'COLUMBUS, OH', description: 'Out for Delivery' }], updatedAt: ago(3) });
    const en = shop({ orders: [out], logistics: [van] });
    await en('where is my package');
    assert.doesNotMatch(textOf(await en('what about when it arrives damaged?')), /should arrive today/);
  });
});

describe('Singapore English, once more (twenty-seventh session)', () => {
  test('"why my other order the olive dress kena cancel?" asks why it was cancelled', async () => {
    const olive = order({ orderId: 'SG-9', status: 'cancelled', currency: 'SGD', cancelReason: 'Payment not received within 24 hours', items: [{ sku: 'O', title: 'Linen Button Midi Dress - Olive', quantity: 1, price: '74.00' }] });
    assert.match(textOf(await session27.shop({ orders: [olive] })('oh ya why my other order the olive dress kena cancel? i wanted to pay one')), /Payment not received within 24 hours/);
  });
});

describe('what the twenty-seventh session\'s readings must not take (second review)', () => {
  const { ago, shop } = session27;
  const buds = order({ orderId: 'R2-1', status: 'shipped', items: [{ sku: 'E', title: '无线蓝牙耳机', quantity: 1, price: '199.00' }] });
  const budsTrack = logistics({ orderId: 'R2-1', trackingNo: 'ZT2001', events: [{ time: ago(8), location: '上海', description: '运输中' }], updatedAt: ago(8) });
  const said = async (first: string, then: string, data: FakeData = { orders: [buds], logistics: [budsTrack] }) => {
    const say = shop(data);
    await say(first);
    return say(then);
  };

  test('anger or the weather beside a device in focus is no fire', async () => {
    for (const text of ['等了这么久我快气炸了', '今天好烫啊 外面 能放门口吗', 'the weather is so hot, can the driver leave it in the shade?']) {
      assert.notEqual((await said('我的快递到哪了', text)).handover?.reason, 'complaint', text);
    }
  });

  test('a question about people or a no with a request after it is no decline; a manager asked for is no take-back', async () => {
    assert.doesNotMatch(textOf(await shop({ orders: [buds] })('为什么不用人工客服')), /还有什么可以帮您/);
    assert.doesNotMatch(textOf(await shop({ orders: [buds] })('不需要客服 直接帮我退款')), /还有什么可以帮您/);
    assert.equal(withdrawsHandover('i dont want agent, i want a manager'), undefined);
    assert.equal(withdrawsHandover('i dont want people to see my address'), undefined);
  });

  test('a plant\'s care asked after "I know it arrived" is the FAQ\'s', async () => {
    const monstera = order({ orderId: 'R2-2', status: 'delivered', currency: 'USD', items: [{ sku: 'M', title: 'Monstera Deliciosa', quantity: 1, price: '45.95' }] });
    const leaves: FaqEntry = { id: 'l', question: 'Is it normal for leaves to turn yellow or droop after shipping?', answer: 'Yes, a few yellow leaves are normal shipping stress.' };
    assert.match(textOf(await shop({ orders: [monstera] }, [leaves])("I know it arrived 🙂 I'm asking about the yellow leaves")), /shipping stress|Is it normal/);
  });

  test('the address right but something else wrong, goods sent together asked, a redelivery told or priced, a late dispatch asked: none is the new reading', async () => {
    assert.doesNotMatch(textOf(await shop({ orders: [buds] })('地址没问题 就是电话写错了 帮我改一下')), /还有什么可以帮您/);
    for (const text of ['两件是一起发的吗', 'did you ship them together?']) assert.doesNotMatch(textOf(await shop({ orders: [buds] })(text)), /备注|notes? to the order/, text);
    for (const text of ['how do i arrange pickup for my return?', 'the courier said they will redeliver tomorrow, ok thanks', '重新派送要加钱吗']) {
      assert.equal((await shop({ orders: [buds], logistics: [budsTrack] })(text)).handover, undefined, text);
    }
    const shoes = order({ orderId: 'R2-3', status: 'paid', shipBy: ago(-48), items: [{ sku: 'S', title: '跑鞋', quantity: 1, price: '369.00' }] });
    assert.doesNotMatch(textOf(await shop({ orders: [shoes] })('跑鞋会不会晚几天发货')), /改约/);
  });

  test('"why was it cancelled" beside a return not asked for; a signing date asked to check the return window', async () => {
    const gone = order({ orderId: 'R2-4', status: 'cancelled', cancelReason: '买家申请取消：拍错尺码' });
    assert.match(textOf(await shop({ orders: [gone] })('我没申请退货 为什么订单被取消了')), /拍错尺码/);
    const jerky = order({ orderId: 'R2-5', status: 'delivered', items: [{ sku: 'J', title: '手撕牛肉干 500g', quantity: 1, price: '59.00' }] });
    const signed = logistics({ orderId: 'R2-5', trackingNo: 'ZT2005', status: 'delivered', events: [{ time: ago(200), location: '成都', description: '已签收' }], updatedAt: ago(200) });
    assert.match(textOf(await shop({ orders: [jerky], logistics: [signed] })('11月买的牛肉干那单是哪天签收的来着 我想看看还在不在退货期')), /ZT2005/);
  });

  test('money, declines and reactions in the second review\'s words', async () => {
    assert.equal(neverPaid('Unpaid - no refund needed'), true);
    assert.equal(neverPaid('尾款未支付，订单关闭，定金不退'), false);
    const offered = shop({ orders: [buds], logistics: [budsTrack] });
    assert.match(textOf(await offered('我的快递到哪了')), /ZT2001/);
    await offered('怎么还没到 能帮我催一下吗');
    assert.notEqual((await offered('不用 我叫她今天去驿站问问')).handover?.reason, 'requested');
    for (const text of ['点样煮先好食', '太贵了 下次再买']) assert.notEqual((await shop({ orders: [] })(text)).intent, 'bye', text);
    const unpaid = order({ orderId: 'R2-6', status: 'pending_payment', payBy: ago(-10) });
    assert.equal((await shop({ orders: [unpaid] })('转账失败了 还显示待付款 怎么办')).handover, undefined);
    assert.doesNotMatch(textOf(await shop({ orders: [buds] })('我想申请退款 但是还没收到货')), /没有查到您的售后申请/);
    assert.equal((await shop({ orders: [buds], logistics: [budsTrack] })('driver pls call me when he arrives')).handover, undefined);
  });

  test('"寄到哪里了" after a refund is the parcel', async () => {
    const back = aftersale({ aftersaleId: 'R2-A', orderId: 'R2-1', type: 'refund', status: 'approved' });
    assert.match(textOf(await said('退款到哪了', '寄到哪里了', { orders: [buds], logistics: [budsTrack], aftersales: [back] })), /ZT2001/);
  });
});

describe('a shop whose returns are picked up (twenty-eighth session)', () => {
  const { shop } = session27;
  const coat = order({ orderId: 'PU-1', status: 'delivered', items: [{ sku: 'C', title: '羊毛大衣 驼色 M', quantity: 1, price: '899.00' }] });
  const back = aftersale({ aftersaleId: 'PU-A', orderId: 'PU-1', type: 'return', status: 'approved', amount: '899.00' });
  const pickup: FaqEntry = { id: 'pickup', question: '退货怎么寄回？', answer: '退货审核通过后，我们会安排顺丰上门取件，运费由我们承担，您不用自己寄回。' };
  const enCoat = order({ orderId: 'PU-2', status: 'delivered', currency: 'USD', items: [{ sku: 'C', title: 'Wool coat, camel, M', quantity: 1, price: '199.00' }] });
  const enBack = aftersale({ aftersaleId: 'PU-B', orderId: 'PU-2', type: 'return', status: 'approved', amount: '199.00' });
  const label: FaqEntry = { id: 'label', question: 'How do I send my return back?', answer: 'Once your return is approved we email you a prepaid UPS label; drop the parcel at any UPS store.' };

  test('an approved return is told the shop\'s own way back, not the built-in "send it to the address"', async () => {
    const r = textOf(await shop({ orders: [coat], aftersales: [back] }, [pickup])('我的退货怎么样了'));
    assert.match(r, /上门取件/);
    assert.doesNotMatch(r, /按售后页面的地址寄回/);
    const en = textOf(await shop({ orders: [enCoat], aftersales: [enBack] }, [label])('how is my return going?'));
    assert.match(en, /prepaid UPS label/);
  });

  test('a delivery entry\'s time for the receiver\'s region, and only for it', async () => {
    const days: FaqEntry = { id: 'days', question: '几天能收到？', answer: '默认发中通快递，江浙沪一般次日送达，其他地区2-4天，新疆、西藏、青海5-7天。' };
    const at = (orderId: string, address: string) => ({
      o: order({ orderId, status: 'shipped', receiver: { name: '王五', phone: '13900001111', address } }),
      l: logistics({ orderId, trackingNo: `ZT${orderId}`, status: 'in_transit' }),
    });
    const far = at('RG-1', '新疆乌鲁木齐市天山区解放南路 8 号');
    const farText = textOf(await shop({ orders: [far.o], logistics: [far.l] }, [days])('我的快递几天能到'));
    assert.match(farText, /5-7天/);
    assert.doesNotMatch(farText, /次日|2-4天/);
    const near = at('RG-2', '上海市浦东新区世纪大道 100 号');
    const nearText = textOf(await shop({ orders: [near.o], logistics: [near.l] }, [days])('我的快递几天能到'));
    assert.match(nearText, /次日/);
    assert.doesNotMatch(nearText, /5-7天|2-4天/);
    const elsewhere = at('RG-3', '北京市朝阳区建国路 1 号');
    const elseText = textOf(await shop({ orders: [elsewhere.o], logistics: [elsewhere.l] }, [days])('我的快递几天能到'));
    assert.match(elseText, /2-4天/);
    assert.doesNotMatch(elseText, /5-7天|次日/);
    // Found in review: a street named after a region is no region; a region left out gives no time of its own.
    const street = at('RG-4', '北京市海淀区江苏路 8 号');
    assert.match(textOf(await shop({ orders: [street.o], logistics: [street.l] }, [days])('我的快递几天能到')), /2-4天/);
    const except: FaqEntry = { id: 'except', question: '几天能收到？', answer: '全国包邮（新疆、西藏除外），一般3-5天送达。' };
    assert.match(textOf(await shop({ orders: [far.o], logistics: [far.l] }, [except])('我的快递几天能到')), /3-5天/);
  });

  test('an entry asked as "how long does delivery take" gives its timed sentences, by the receiver\'s region and courier', async () => {
    const days: FaqEntry = { id: 'my', question: 'How long does delivery take?', answer: 'Klang Valley: same day by Lalamove for orders paid before 12:00 noon, otherwise next day. Other states in Peninsular Malaysia: J&T Express 2-3 working days. Sabah and Sarawak: Pos Laju 5-7 working days.' };
    const at = (orderId: string, carrier: string, address: string) => ({
      o: order({ orderId, status: 'shipped', currency: 'MYR', items: [{ sku: orderId, title: 'Santan kelapa 1L x 6', quantity: 1, price: '32.90' }], receiver: { name: 'Aisyah', phone: '0123456789', address } }),
      l: logistics({ orderId, carrier, trackingNo: `TR${orderId}`, status: 'in_transit', events: [{ time: '2024-11-26T21:40:00+08:00', location: 'Shah Alam Hub', description: 'Departed' }] }),
    });
    const ask = async (p: ReturnType<typeof at>) => textOf(await shop({ orders: [p.o], logistics: [p.l] }, [days])('how many days more until my parcel arrives?'));
    const kk = await ask(at('MY-1', 'Pos Laju', 'Lot 5, Jalan Lintas, 88300 Kota Kinabalu, Sabah'));
    assert.match(kk, /5-7 working days/);
    assert.doesNotMatch(kk, /1-3 days|2-3 working days|next day/);
    const penang = await ask(at('MY-2', 'J&T Express', '12 Lebuh Pantai, 10300 George Town, Penang'));
    assert.match(penang, /2-3 working days/);
    assert.doesNotMatch(penang, /5-7|same day/);
    const pj = await ask(at('MY-3', 'Lalamove', '8 Jalan SS2/24, 47300 Petaling Jaya, Selangor'));
    assert.match(pj, /same day|next day/);
    assert.doesNotMatch(pj, /5-7|2-3 working days/);
  });

  test('a request named by its amount among several', async () => {
    const nuts = order({ orderId: 'AM-1', status: 'delivered', items: [{ sku: 'P', title: '开心果 500g', quantity: 1, price: '45.90' }], totalAmount: '45.90' });
    const dates = order({ orderId: 'AM-2', status: 'delivered', items: [{ sku: 'D', title: '新疆红枣 1kg', quantity: 1, price: '39.90' }], totalAmount: '39.90' });
    const jam = order({ orderId: 'AM-3', status: 'delivered', items: [{ sku: 'J', title: '蓝莓果酱', quantity: 2, price: '25.00' }], totalAmount: '50.00' });
    const requests = [
      // Part refunds: the amount is neither an order's total nor a price.
      aftersale({ aftersaleId: 'AM-A', orderId: 'AM-1', type: 'refund', status: 'approved', amount: '12.50' }),
      aftersale({ aftersaleId: 'AM-B', orderId: 'AM-2', type: 'refund', status: 'requested', amount: '39.90' }),
      aftersale({ aftersaleId: 'AM-C', orderId: 'AM-3', type: 'refund', status: 'refunded', amount: '8.00' }),
    ];
    const data = { orders: [nuts, dates, jam], aftersales: requests };
    const picked = textOf(await shop(data)('那个12.5的退款到哪一步了'));
    assert.match(picked, /AM-1/);
    assert.doesNotMatch(picked, /AM-2|AM-3/);
    const eight = textOf(await shop(data)('退8块那个怎么样了'));
    assert.match(eight, /AM-3/);
    assert.doesNotMatch(eight, /AM-1|AM-2/);
    const suit = order({ orderId: 'AM-4', status: 'delivered', currency: 'USD', items: [{ sku: 'S', title: 'Linen set, 2 pieces', quantity: 1, price: '89.00' }], totalAmount: '89.00' });
    const dress = order({ orderId: 'AM-5', status: 'delivered', currency: 'USD', items: [{ sku: 'R', title: 'Wrap dress', quantity: 1, price: '64.00' }], totalAmount: '64.00' });
    const en = { orders: [suit, dress], aftersales: [aftersale({ aftersaleId: 'AM-D', orderId: 'AM-4', type: 'refund', status: 'approved', amount: '55.00' }), aftersale({ aftersaleId: 'AM-E', orderId: 'AM-5', type: 'refund', status: 'requested', amount: '20.00' })] };
    const dollars = textOf(await shop(en)('hi, any news on that $55 refund?'));
    assert.match(dollars, /AM-4/);
    assert.doesNotMatch(dollars, /AM-5/);
    // Found in review: a time or a weight is no amount; thousands are one number.
    for (const text of ['我12.30申请的退款怎么样了', '2.5kg那个的退款呢']) assert.match(textOf(await shop(data)(text)), /AM-2/, text);
    const tv = order({ orderId: 'AM-6', status: 'delivered', items: [{ sku: 'T', title: '电视机 55寸', quantity: 1, price: '2999.00' }], totalAmount: '2999.00' });
    const big = { orders: [tv, dates], aftersales: [aftersale({ aftersaleId: 'AM-F', orderId: 'AM-6', type: 'refund', status: 'approved', amount: '1299.00' }), requests[1]!] };
    assert.match(textOf(await shop(big)('退1,299.00那个到账了吗')), /AM-6/);
    assert.doesNotMatch(textOf(await shop(big)('退1,299.00那个到账了吗')), /AM-2/);
    const asked = textOf(await shop(data)('我的退款到哪一步了'));
    assert.match(asked, /AM-1/);
    assert.match(asked, /AM-2/, 'no amount named: all offered');
  });

  test('"枕头套", "duvet cover" and "隐形眼镜" name one kind of goods, not also the pillow, the duvet and the glasses', async () => {
    const goods = (orderId: string, title: string) => ({
      o: order({ orderId, status: 'shipped', items: [{ sku: orderId, title, quantity: 1, price: '59.00' }] }),
      l: logistics({ orderId, trackingNo: `ZT${orderId}`, status: 'in_transit' }),
    });
    const pick = async (a: ReturnType<typeof goods>, b: ReturnType<typeof goods>, text: string) => textOf(await shop({ orders: [a.o, b.o], logistics: [a.l, b.l] })(text));
    const pillow = goods('KD-1', '乳胶枕头 成人护颈枕');
    const cases = goods('KD-2', '纯棉枕头套 一对装 48x74cm');
    const cased = await pick(pillow, cases, '枕头套到哪了');
    assert.match(cased, /ZTKD-2/);
    assert.doesNotMatch(cased, /ZTKD-1/);
    const duvet = goods('KD-3', 'Goose down duvet, king size');
    const cover = goods('KD-4', 'Linen duvet cover, king size');
    const covered = await pick(duvet, cover, 'where is my duvet cover?');
    assert.match(covered, /ZTKD-4/);
    assert.doesNotMatch(covered, /ZTKD-3/);
    const frames = goods('KD-5', '防蓝光眼镜 TR90 镜框');
    const lenses = goods('KD-6', '隐形眼镜 月抛 2片装');
    const lensText = await pick(frames, lenses, '隐形眼镜发了吗 到哪了');
    assert.match(lensText, /ZTKD-6/);
    assert.doesNotMatch(lensText, /ZTKD-5/);
  });

  test('someone else\'s words quoted are no take-back of the hand-over', () => {
    for (const text of ['机器人跟我说 不用转人工了', '刚才客服说 不用人工了', 'the bot told me no need for a human']) assert.equal(withdrawsHandover(text), undefined, text);
    assert.notEqual(withdrawsHandover('哦刷新了一下好了 显示已付款 不用人工了'), undefined, 'the buyer\'s own take-back stays one');
    // Found from outside (a Malaysian shop): waiting on, in Singapore and Malaysian English.
    for (const text of ['never mind lah, i wait', 'nvm la i can wait']) assert.equal(withdrawsHandover(text), undefined, text);
  });

  test('without such an entry, or with one on something else, the built-in step stays', async () => {
    assert.match(textOf(await shop({ orders: [coat], aftersales: [back] })('我的退货怎么样了')), /按售后页面的地址寄回/);
    const other: FaqEntry = { id: 'size', question: '大衣尺码偏大吗？', answer: '版型偏大，建议选小一码。' };
    assert.match(textOf(await shop({ orders: [coat], aftersales: [back] }, [other])('我的退货怎么样了')), /按售后页面的地址寄回/);
    // Found in review: an entry only on who pays, or one saying there is no pickup, took the step away.
    for (const answer of ['退货寄回运费由买家承担，质量问题由我们承担。', '退货不支持上门取件，请自行寄回，运费先垫付。']) {
      const fee: FaqEntry = { id: 'fee', question: '退货怎么寄回？', answer };
      assert.match(textOf(await shop({ orders: [coat], aftersales: [back] }, [fee])('我的退货怎么样了')), /按售后页面的地址寄回/, answer);
    }
  });
});

describe('a Malaysian grocery, on from the last round (twenty-ninth session)', () => {
  const { shop } = session27;
  const keyboard = order({ orderId: 'A-1001', status: 'cancelled', cancelReason: 'Item out of stock', items: [{ sku: 'k', title: 'Mechanical keyboard', quantity: 1, price: '59.00' }], totalAmount: '59.00', currency: 'USD' });

  test('why an order was cancelled and when the money comes back: the reason said once, both answered', async () => {
    const r = textOf(await shop({ orders: [keyboard] })('Why was it cancelled and when do I get my money back'));
    assert.equal(r.split('Item out of stock').length - 1, 1, r);
    assert.match(r, /goes back to your payment method/);
    assert.match(textOf(await shop({ orders: [keyboard] })('why was my order cancelled?')), /The reason given: Item out of stock/);
  });

  // Found from outside: Malay words in a Malaysian buyer's English were goodbyes, cancel requests or not understood.
  test('Malay mixed into English is read as its English', () => {
    const nlu = createNlu();
    const cases: Array<[string, string]> = [
      ['ok nak cakap dengan orang', 'human'],
      ['ok. boleh tukar alamat tak?', 'change_address'],
      ['bila barang saya sampai?', 'delivery_estimate'],
      ['berapa lama penghantaran?', 'delivery_estimate'],
      ['parcel saya kat mana?', 'track_parcel'],
      ['barang belum sampai lagi', 'track_parcel'],
      ['barang rosak, nak pulangkan', 'return_policy'],
      ['terima kasih', 'bye'],
      ['salam boss, barang saya dah sampai ke belum?', 'track_parcel'],
      ['my item already arrive or not yet?', 'track_parcel'],
      // Indonesian's own words ("kapan" had been spelling-corrected to "japan").
      ['ok kak, barangnya kapan sampai?', 'delivery_estimate'],
      ['paket saya belum sampai', 'track_parcel'],
    ];
    for (const [text, intent] of cases) assert.equal(nlu.understand(text).intent, intent, text);
    assert.equal(nlu.understand('order saya').normalized, 'my order');
    // Pinyin and names keep their reading: "wang" (网), "Tanya" are no Malay words here (found in review).
    assert.doesNotMatch(nlu.understand('wo de wang gou dao na le').normalized, /money/);
    assert.doesNotMatch(nlu.understand('Tanya here, where is my parcel').normalized, /ask/);
    // Nor does a slow website or reply become a parcel (found in review).
    for (const text of ['why your website so slow', 'why reply so slow']) assert.notEqual(nlu.understand(text).intent, 'track_parcel', text);
  });

  test('why an order was cancelled, in Malaysian English or Malay, is that question, not a cancel request', async () => {
    const santan = order({ orderId: 'M-1', status: 'cancelled', items: [{ sku: 's', title: 'Santan Kara 200ml x 6', quantity: 1, price: '12.90' }], currency: 'MYR' });
    const oil = order({ orderId: 'M-2', status: 'shipped', items: [{ sku: 'o', title: 'Minyak Masak Saji 5kg', quantity: 1, price: '32.90' }], currency: 'MYR' });
    for (const text of ['kenapa order saya cancel?', 'why my order got cancel?', 'why the order cancel']) {
      const r = textOf(await shop({ orders: [santan, oil] })(text));
      assert.match(r, /M-1.*is cancelled/, text);
      assert.doesNotMatch(r, /can't be cancelled/, text);
    }
  });

  test('a slow delivery and goods past their date on arrival are understood', () => {
    const nlu = createNlu();
    assert.equal(nlu.understand('J&T so slow one lah, sudah 2 days').intent, 'track_parcel');
    for (const text of ['the milk already expired when i received', 'the milk I received is expired']) assert.equal(nlu.understand(text).intent, 'return_policy', text);
    assert.equal(nlu.understand('coupon received but already expired').intent, 'coupon');
  });

  test('a question announced after a greeting is that question, not a greeting', async () => {
    const delivery: FaqEntry = { id: 'd', question: 'How long does delivery take?', answer: 'West Malaysia: 2-3 working days. Sabah and Sarawak: Pos Laju 5-7 working days.' };
    for (const text of ['hello, i want to ask about delivery to sabah', 'Assalamualaikum, saya nak tanya pasal penghantaran ke Sabah']) {
      const r = await shop({ orders: [] }, [delivery])(text);
      assert.notEqual(r.intent, 'greeting', text);
      assert.match(textOf(r), /How long does delivery take|Pos Laju 5-7/, text);
    }
    assert.equal((await shop({ orders: [] }, [delivery])('hello')).intent, 'greeting');
  });

  test('goods said not to be meant pick nothing: "不是枕头！床笠！" is the fitted sheet only', async () => {
    const pillow = order({ orderId: 'B-1', items: [{ sku: 'p', title: '乳胶枕头 一对装', quantity: 1, price: '99.00' }] });
    const sheet = order({ orderId: 'B-2', items: [{ sku: 'f', title: '纯棉床笠 1.8m', quantity: 1, price: '79.00' }] });
    const data = { orders: [pillow, sheet], logistics: [logistics({ orderId: 'B-1', trackingNo: 'ZT111' }), logistics({ orderId: 'B-2', trackingNo: 'ZT222' })] };
    const say = shop(data);
    assert.match(textOf(await say('枕头到哪了')), /ZT111/);
    const r = textOf(await say('不是枕头！床笠！'));
    assert.match(r, /ZT222/);
    assert.doesNotMatch(r, /ZT111/);
    for (const text of ['不是枕头 是床笠 到哪了', '不是枕头是床笠到哪了']) {
      const one = textOf(await shop(data)(text));
      assert.match(one, /ZT222/, text);
      assert.doesNotMatch(one, /ZT111/, text);
    }
    const both = textOf(await shop(data)('枕头和床笠分别到哪了'));
    assert.match(both, /ZT111/);
    assert.match(both, /ZT222/);
  });

  test('among Malay words an unknown word is not corrected to English ("hujan" is rain, not "human")', () => {
    const nlu = createNlu();
    const u = nlu.understand('haha tq sis. hari ni hujan lebat kat KK, harap2 parcel tak basah');
    assert.doesNotMatch(u.normalized, /human/);
    assert.notEqual(u.intent, 'human');
    assert.equal(nlu.understand('my parcle still not arrive lah').normalized, 'my parcel still not arrive lah', 'English typos are still corrected');
  });

  test('Malay "no need" and "no need agent" take a hand-over back, and nothing is left to answer', () => {
    for (const text of ['tak payah, i dont need agent', 'tak payah', 'takpe, no need agent', 'no need agent']) assert.equal(withdrawsHandover(text), '', text);
    // Asked, or "it did not work", is no take-back (found in review).
    for (const text of ['tak perlu ke saya tunggu?', 'takpa ke kalau lambat?', 'tak jadi, masih rosak lagi']) assert.equal(withdrawsHandover(text), undefined, text);
    assert.equal(withdrawsHandover('tak payah lah, where is my parcel'), 'where is my parcel');
    assert.equal(withdrawsHandover('actually forget it, no need agent. can i buy another 20000mah and pay with atome?'), 'can i buy another 20000mah and pay with atome?');
  });

  test('"ok" opening another matter is no yes to the person offered, nor to "did you mean …?"', async () => {
    const buds = order({ orderId: 'GB-1', status: 'delivered', items: [{ sku: 'b', title: 'Xiaomi Redmi Buds 5', quantity: 1, price: '119.00' }], currency: 'MYR' });
    const bank = order({ orderId: 'GB-2', status: 'pending_payment', payBy: '2024-11-28T23:10:00+08:00', items: [{ sku: 'a', title: 'Anker PowerCore 10000mAh Power Bank', quantity: 1, price: '99.00' }], currency: 'MYR', createdAt: '2024-11-26T21:00:00+08:00' });
    const refund = aftersale({ aftersaleId: 'R1', orderId: 'GB-1', status: 'approved', amount: '119.00', updatedAt: '2024-11-22T12:00:00+08:00' });
    const say = shop({ orders: [buds, bank], aftersales: [refund] });
    await say('where is my refund');
    assert.match(textOf(await say('its been like 3 days already. when will i get it?')), /Shall I get a human agent/);
    const r = await say('ok. another thing, the anker powerbank i order last night i havent pay yet, how long i got to pay?');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /GB-2 isn't paid yet: please pay by/);
    const again = shop({ orders: [buds, bank], aftersales: [refund] });
    await again('where is my refund');
    await again('its been like 3 days already. when will i get it?');
    assert.ok((await again('ok, how long do i wait for the agent?')).handover, 'a yes that asks about the person stays a yes');
    const warranty: FaqEntry = { id: 'w', question: 'How long is the warranty?', answer: 'All our electronics come with a 12-month warranty from the delivery date.' };
    const cable = order({ orderId: 'GB-3', status: 'paid', items: [{ sku: 'c', title: 'UGREEN USB-C Cable 2m', quantity: 2, price: '19.00' }], currency: 'MYR' });
    const offered = shop({ orders: [cable] }, [warranty]);
    assert.match(textOf(await offered('warranty how')), /Did you mean "How long is the warranty\?"/);
    assert.doesNotMatch(textOf(await offered('ok. the cable order, can i change to 1 cable only? i accidentally put 2')), /12-month warranty/);
  });

  test('a delivery entry naming regions and couriers: the receiver\'s region first, then the courier', async () => {
    const delivery: FaqEntry = {
      id: 'd',
      question: 'How long does delivery take?',
      answer: 'We ship from Petaling Jaya. Klang Valley (Kuala Lumpur and Selangor): 1-2 working days by J&T or Ninja Van. Other West Malaysia states: 2-3 working days by J&T. Sabah, Sarawak and Labuan (East Malaysia): Pos Laju 4-7 working days. Singapore: Ninja Van 3-5 working days.',
    };
    const to = (address: string, carrier: string) => ({ orders: [order({ orderId: 'G-1', status: 'shipped', currency: 'MYR', receiver: { name: 'X', phone: '60123456789', address } })], logistics: [logistics({ orderId: 'G-1', carrier, trackingNo: 'NV123' })] });
    for (const address of ['12 Jalan Tebrau, 80300 Johor Bahru, Johor', '5 Lebuh Pantai, 10300 George Town, Penang']) {
      const r = textOf(await shop(to(address, 'Ninja Van'), [delivery])('when will my parcel arrive'));
      assert.match(r, /Other West Malaysia states: 2-3 working days/, address);
      assert.doesNotMatch(r, /Singapore/, address);
    }
    assert.match(textOf(await shop(to('8 Jalan Ampang, 50450 Kuala Lumpur', 'Ninja Van'), [delivery])('when will my parcel arrive')), /Klang Valley \(Kuala Lumpur and Selangor\): 1-2 working days/);
    // A Kuala Lumpur street named after a state is no state (found in review).
    const pahang = textOf(await shop(to('8 Jalan Pahang, 53000 Kuala Lumpur', 'Ninja Van'), [delivery])('when will my parcel arrive'));
    assert.match(pahang, /Klang Valley/);
    assert.doesNotMatch(pahang, /Other West Malaysia/);
    // "江浙沪次日达" and an entry asked "几天能收到" are times of arriving; the couriers an SF parcel is not with are not said.
    const days: FaqEntry = { id: 'days', question: '几天能收到', answer: '默认发中通或韵达快递，江浙沪次日达，其他地区2-4天，新疆、西藏、青海、内蒙古、甘肃、宁夏、海南等偏远地区5-7天。' };
    const sf = { orders: [order({ orderId: 'W-1', status: 'shipped', receiver: { name: '王', phone: '13800000000', address: '辽宁省沈阳市浑南区创新路100号' } })], logistics: [logistics({ orderId: 'W-1', carrier: '顺丰速运', trackingNo: 'SF1456789012345' })] };
    const zh = textOf(await shop(sf, [days])('我的快递几天能到'));
    assert.match(zh, /其他地区2-4天/);
    assert.doesNotMatch(zh, /1-3 天|默认发中通|次日达|5-7天/);
    // Sending as a label before a colon ("顺丰冷链发货：…") is no sentence on sending out: its times are the parcel's (a Xi'an shop, thirty-seventh session).
    const labelled: FaqEntry = { id: 'lab', question: '几天能收到', answer: '顺丰冷链发货：陕西省内次日达，江浙沪和京津冀1-2天，其他地区2-3天。收到请尽快开箱检查。' };
    const beijing = { ...sf, orders: [order({ orderId: 'W-1', status: 'shipped', receiver: { name: '王', phone: '13800000000', address: '北京市朝阳区建国路88号' } })] };
    const bj = textOf(await shop(beijing, [labelled])('我的快递几天能到'));
    assert.match(bj, /京津冀1-2天/, bj);
    assert.doesNotMatch(bj, /1-3 天|其他地区/);
  });

  test('an overheating charger in Malaysian English or Malay is a danger; the service called stupid is a complaint; "ya boleh" is a yes', async () => {
    for (const text of ['sorry my english not so good. the baseus charger very hot when charging phone, got smell also', 'the baseus charger i received become very hot when charging, is it dangerous?', 'Pengecas Baseus yang saya terima minggu lepas jadi panas sangat masa cas telefon. Bahaya tak?']) {
      const r = await shop({ orders: [] })(text);
      assert.match(textOf(r), /stop using it and unplug it/, text);
      assert.equal(r.handover?.reason, 'complaint', text);
    }
    for (const text of ['the weather very hot, can deliver faster?', 'the weather so hot, can i leave my power bank in the car?', 'this power bank very hot selling, still got stock?']) {
      assert.doesNotMatch(textOf(await shop({ orders: [] })(text)), /unplug/, text);
    }
    const nlu = createNlu();
    for (const text of ['你们这客服太笨了 问啥都不知道', 'you are so stupid']) assert.equal(nlu.understand(text).intent, 'complaint', text);
    assert.equal(nlu.understand('ya boleh').yesNo, 'yes');
    assert.equal(nlu.understand('Berapa lama tempoh waranti?').normalized, 'how long period warranty?');
  });

  test('how long delivery takes to a place, and why an order named by its goods was cancelled', async () => {
    const delivery: FaqEntry = { id: 'd', question: 'How long does delivery take?', answer: 'Klang Valley: 1-2 working days. Other West Malaysia states: 2-3 working days by J&T.' };
    const got = order({ orderId: 'G-9', status: 'delivered', currency: 'MYR', receiver: { name: 'X', phone: '60123456789', address: '8 Jalan Ampang, 50450 Kuala Lumpur' } });
    assert.match(textOf(await shop({ orders: [got], logistics: [logistics({ orderId: 'G-9', status: 'delivered' })] }, [delivery])('how many days to deliver to penang?')), /Other West Malaysia states: 2-3 working days/);
    const charger = order({ orderId: 'GB-240110', status: 'cancelled', cancelReason: 'Payment expired - unpaid', items: [{ sku: 'u', title: 'UGREEN 20W charger', quantity: 1, price: '39.00' }], currency: 'MYR' });
    const cable = order({ orderId: 'GB-240112', status: 'shipped', items: [{ sku: 'c', title: 'UGREEN USB-C Cable 2m', quantity: 1, price: '19.00' }], currency: 'MYR' });
    const r = textOf(await shop({ orders: [charger, cable] })('kenapa order charger UGREEN saya cancel?'));
    assert.match(r, /GB-240110/);
    assert.doesNotMatch(r, /to cancel an order|can't be cancelled/);
    for (const text of ['why order cannot cancel', 'why my order cannot cancel?', 'kenapa order saya tak boleh cancel?']) assert.doesNotMatch(textOf(await shop({ orders: [cable] })(text)), /is cancelled/, text);
  });

  test('a baby shop\'s buyers: when it ships, both orders, a cracked bottle, money to the card, a size by weight', async () => {
    const milk = order({ orderId: 'BB-1', status: 'paid', items: [{ sku: 'm', title: '【官方正品】飞鹤星飞帆3段奶粉 700g×2罐', quantity: 1, price: '398.00' }] });
    const diapers = order({ orderId: 'BB-2', status: 'shipped', items: [{ sku: 'd', title: '帮宝适一级帮纸尿裤 L码 120片', quantity: 1, price: '199.00' }] });
    const data = { orders: [milk, diapers], logistics: [logistics({ orderId: 'BB-2', trackingNo: 'ZT784' })] };
    for (const text of ['啥时候发货', '奶粉啥时候fh']) {
      const r = textOf(await shop(data)(text));
      assert.match(r, /BB-1/, text);
      assert.doesNotMatch(r, /哪一个|BB-2/, text);
    }
    // A question, not a push: an order on time is not told the robot cannot hurry the warehouse (found in the final check).
    const fresh = order({ orderId: 'BB-4', status: 'paid', createdAt: session27.ago(2), updatedAt: session27.ago(2), items: [{ sku: 'm', title: '飞鹤奶粉', quantity: 1, price: '398.00' }] });
    assert.doesNotMatch(textOf(await shop({ orders: [fresh, diapers], logistics: data.logistics })('啥时候发货')), /没法直接催仓库/);
    assert.match(textOf(await shop({ orders: [fresh, diapers], logistics: data.logistics })('怎么还不发货')), /没法直接催仓库/);
    const both = textOf(await shop(data)('两个单子一起查一下'));
    assert.match(both, /BB-1/);
    assert.match(both, /BB-2/);
    const nlu = createNlu();
    assert.equal(nlu.understand('奶瓶那单 收到一个奶瓶是裂的 咋整').intent, 'return_policy');
    for (const text of ['几天能到我卡里 我不会弄手机', '我问的是钱 不是快递']) assert.equal(nlu.understand(text).intent, 'aftersale_progress', text);
    assert.notEqual(nlu.understand('尿布湿M号能穿到几斤啊').intent, 'delivery_estimate');
    assert.equal(nlu.understand('尿布湿').normalized, '尿不湿');
  });

  test('delivered but not received, in Malaysian English and of one parcel of two; a parcel picked by its courier', async () => {
    const bank = order({ orderId: 'GB-77', status: 'delivered', items: [{ sku: 'p', title: 'Baseus Magnetic Power Bank 6000mAh', quantity: 1, price: '99.00' }], currency: 'MYR' });
    const left = logistics({ orderId: 'GB-77', carrier: 'J&T Express', trackingNo: 'JT630', status: 'delivered', events: [{ time: '2024-11-26T14:22:00+08:00', location: 'Johor Bahru', description: 'Delivered, left at door (guardhouse)' }] });
    const say = shop({ orders: [bank], logistics: [left] });
    assert.match(textOf(await say('hi, my magnetic powerbank tracking says delivered but i never receive anything!')), /you have not received it/);
    assert.ok((await say('guardhouse also say no parcel for me. how now?')).handover, '"how now" to the person offered is a yes');
    const split = order({ orderId: 'W-1', status: 'shipped' });
    const sf = logistics({ orderId: 'W-1', carrier: '顺丰速运', trackingNo: 'SF1456789012345' });
    const yd = logistics({ orderId: 'W-1', carrier: '韵达快递', trackingNo: '4312567890123', status: 'delivered', events: [{ time: '2024-11-26T05:02:00+08:00', location: '沈阳', description: '快件已签收，签收人：门卫' }] });
    const zh = await shop({ orders: [split], logistics: [sf, yd] })('签收人是门卫？我们没收到啊 门卫说没有');
    assert.match(textOf(zh), /物流显示已签收，但您还没有收到/);
    assert.equal(zh.state && (zh.state as { offeredHuman?: boolean }).offeredHuman, true);
    const picked = textOf(await shop({ orders: [split], logistics: [sf, yd] })('顺丰那个到哪了'));
    assert.match(picked, /SF1456789012345/);
    assert.doesNotMatch(picked, /4312567890123/);
    // Named to set it aside, it is not picked (found in review).
    assert.match(textOf(await shop({ orders: [split], logistics: [sf, yd] })('不是顺丰那个，另一个到哪了')), /4312567890123/);
    assert.doesNotMatch(textOf(await shop({ orders: [bank], logistics: [left] })('never come back to this shop')), /you have not received it/);
  });

  test('an exchange: "换货怎样了" with a fault named is its progress; sent back, said beside a question, is sent', async () => {
    const buds = order({ orderId: 'GB-239870', status: 'delivered', items: [{ sku: 'b', title: 'Xiaomi Redmi Buds 5', quantity: 1, price: '119.00' }], currency: 'MYR' });
    const swap = aftersale({ aftersaleId: 'AS-7001', orderId: 'GB-239870', type: 'exchange', status: 'approved' });
    const data = { orders: [buds], logistics: [logistics({ orderId: 'GB-239870', status: 'delivered' })], aftersales: [swap] };
    assert.match(textOf(await shop(data)('还有我的耳机保修换货怎样了？左边没声音那个')), /换货申请（订单 GB-239870）/);
    const sent = textOf(await shop(data)('不用。换货的耳机你们收到了吗？我星期五用J&T寄回去了'));
    assert.match(sent, /仓库签收后/);
    assert.doesNotMatch(sent, /请按售后页面的地址寄回/);
    // A question, comma or not, is not "sent" (found in review: "please send it back" was dropped).
    for (const text of ['退货是要我寄回去了吗', '所以现在是要我寄回去了，对吗？']) assert.match(textOf(await shop(data)(text)), /请按售后页面的地址寄回/, text);
  });

  test('after an unpaid order, "the refund" is another order\'s, without "that order has no request"', async () => {
    const buds = order({ orderId: 'GB-1', status: 'delivered', items: [{ sku: 'b', title: 'Xiaomi Redmi Buds 5', quantity: 1, price: '119.00' }], currency: 'MYR' });
    const bank = order({ orderId: 'GB-2', status: 'pending_payment', payBy: '2024-11-28T23:10:00+08:00', items: [{ sku: 'a', title: 'Anker PowerCore 10000mAh Power Bank', quantity: 1, price: '99.00' }], currency: 'MYR' });
    const say = shop({ orders: [buds, bank], aftersales: [aftersale({ aftersaleId: 'R1', orderId: 'GB-1', status: 'approved', amount: '119.00' })] });
    assert.match(textOf(await say('the anker powerbank i havent pay yet, how long i got to pay?')), /GB-2/);
    const r = textOf(await say('duit balik bila? refund tu'));
    assert.match(r, /refund request \(order GB-1\)/);
    assert.doesNotMatch(r, /GB-2 has no/);
  });

  test('Singapore English: a chase asked inside a longer message is a yes; "the driver can leave at door" is a note for a person', async () => {
    const stuck = order({ orderId: 'GB-50', status: 'shipped', currency: 'SGD', receiver: { name: 'J', phone: '6591234567', address: 'Blk 123 Jurong West St 41, #08-231, Singapore 640123' } });
    const hub = logistics({ orderId: 'GB-50', carrier: 'Ninja Van', trackingNo: 'NVSG1', events: [{ time: '2024-11-21T10:15:00+08:00', location: 'Jurong Hub', description: 'Parcel arrived at sorting hub' }], updatedAt: '2024-11-21T10:15:00+08:00' });
    const say = shop({ orders: [stuck], logistics: [hub] });
    assert.match(textOf(await say('where is my parcel')), /Shall I get a human agent to follow up/);
    assert.ok((await say('walao, why stuck so long one? can help chase ninja van or not')).handover);
    const note = textOf(await shop({ orders: [stuck], logistics: [hub] })('my unit is #08-231, the driver can leave at door if nobody home?'));
    assert.match(note, /can't add notes to the order myself/);
  });

  test('small talk with a word more, and sport on TV, are small talk, not misses', () => {
    for (const text of ['今天天气好冷啊 宝宝都不愿意出门', 'haha ok. you guys watching the football tonight?']) assert.equal(isSmallTalk(text), true, text);
    for (const text of ['今天好冷啊 快递到了吗', 'did you watch the game, my order is late', '天气好冷 能发顺丰吗']) assert.equal(isSmallTalk(text), false, text);
  });

  test('a shipping entry\'s sentence "sent out the next working day" names a time and is said', async () => {
    const cable = order({ orderId: 'GB-240115', status: 'paid', currency: 'MYR', items: [{ sku: 'c', title: 'UGREEN USB-C Cable 2m', quantity: 2, price: '19.00' }], createdAt: session27.ago(13), updatedAt: session27.ago(13) });
    const ship: FaqEntry = { id: 's', question: 'How soon do you ship after payment?', answer: 'Orders paid before 3pm on a working day are sent out the same day. Orders paid after 3pm, on weekends or on public holidays are sent out the next working day. Every order is sent out within 2 working days of payment.' };
    assert.match(textOf(await shop({ orders: [cable] }, [ship])('the UGREEN cable order, when you ship?')), /on weekends or on public holidays are sent out the next working day/);
  });

  test('正货 is 正品: an English entry on original goods answers it, framed as found in English', async () => {
    const original: FaqEntry = { id: 'o', question: 'Are your products original?', answer: 'Yes, 100% original: we are an authorised reseller of Anker, Baseus, UGREEN and Xiaomi.' };
    assert.match(textOf(await shop({ orders: [] }, [original])('你们的东西是正货吗？上次在别家买到假的Anker')), /店铺说明是英文的（“Are your products original\?”）/);
  });

  test('cancelling sent goods is told the shop\'s own word on returns, not the built-in "return it after it arrives"', async () => {
    const oil = order({ orderId: 'M-2', status: 'shipped', items: [{ sku: 'o', title: 'Minyak Masak Saji 5kg', quantity: 1, price: '32.90' }], currency: 'MYR' });
    const noReturns: FaqEntry = { id: 'r', question: 'Can I return items?', answer: 'Sorry, we do not accept returns on groceries for food safety reasons.' };
    const r = textOf(await shop({ orders: [oil] }, [noReturns])('how to cancel if i change mind'));
    assert.match(r, /M-2 has already shipped/);
    assert.match(r, /do not accept returns on groceries/);
    assert.doesNotMatch(r, /return it after it arrives/);
    const food: FaqEntry = { id: 'r', question: '退换货政策', answer: '食品类商品一经售出不支持退换，质量问题请在签收后24小时内拍照联系客服。' };
    const got = order({ orderId: 'M-3', status: 'delivered' });
    const zh = textOf(await shop({ orders: [got] }, [food])('不想要了 能取消吗'));
    assert.match(zh, /M-3 已签收。店铺的退货说明：食品类商品一经售出不支持退换/);
    assert.doesNotMatch(zh, /7 天无理由/);
    // An entry only on who pays a return's postage is no word on whether goods go back.
    const postage: FaqEntry = { id: 'p', question: 'Who pays the postage for returns?', answer: 'Return postage is paid by the buyer unless the item is faulty.' };
    assert.match(textOf(await shop({ orders: [oil] }, [postage])('can i cancel my order')), /return it after it arrives/);
  });
});

describe('a Hong Kong skincare shop and a US pet shop (thirtieth session)', () => {
  const { ago, shop } = session27;
  const food = order({ orderId: 'PP-1', status: 'delivered', items: [{ sku: 'F', title: 'Purina Pro Plan Adult Salmon & Rice Cat Food 16 lb', quantity: 1, price: '42.99' }], currency: 'USD', createdAt: ago(80) });
  const fish = order({ orderId: 'PP-2', status: 'delivered', items: [{ sku: 'T', title: 'Live Neon Tetra x12', quantity: 1, price: '29.99' }], currency: 'USD', createdAt: ago(80) });
  const fishTrack = logistics({ orderId: 'PP-2', carrier: 'UPS', trackingNo: '1Z777', status: 'delivered', events: [{ time: ago(20), location: 'New Orleans, LA', description: 'Delivered, left at front door' }], updatedAt: ago(20) });
  const cleanser = order({ orderId: 'HB-1', status: 'delivered', items: [{ sku: 'B', title: 'Bioderma 舒敏高效潔膚液（卸妝水）500ml', quantity: 1, price: '298.00' }], currency: 'HKD', createdAt: ago(100) });

  test('a pet unwell after the food, or in need now, is told to stop and call the vet, ahead in the queue', async () => {
    for (const ask of ['my cat is vomiting after eating the new food', 'mi gato esta vomitando after eating the new food', '猫咪吃了你们家的猫粮一直吐 怎么办']) {
      const r = await shop({ orders: [food] })(ask);
      assert.match(textOf(r), /vet|宠物医生/, ask);
      assert.equal(r.handover?.reason, 'complaint', ask);
    }
    // The goods just talked of are the animals: "2 of them" are the tetras.
    const say = shop({ orders: [fish], logistics: [fishTrack] });
    await say('my fish order arrived today');
    assert.match(textOf(await say('2 of them look sick, floating sideways. what do i do')), /call your vet/);
    // Asked whether it is normal, before anything happened, or a person's own stomach: no vet.
    for (const ask of ['is it normal for my cat to throw up after switching food', 'what if my dog gets diarrhea from the new food', '我吃了你们的鱼以后拉肚子']) {
      assert.doesNotMatch(textOf(await shop({ orders: [food] })(ask)), /vet|宠物医生/, ask);
    }
  });

  test('skin that reacts to what was put on it, in Cantonese, is a reaction; with a return asked it stays the goods\' trouble', async () => {
    for (const ask of ['我塊面搽完卸妝水之後又紅又腫 好痛 點算好', '但係佢令我起晒紅疹 好痕', '個卸妝水我用完成塊面紅晒 你哋啲貨係咪有問題', 'my face broke out after using the cleanser']) {
      const r = await shop({ orders: [cleanser] })(ask);
      assert.match(textOf(r), /停止使用|stop using/, ask);
      assert.equal(r.handover?.reason, 'complaint', ask);
    }
    assert.equal((await shop({ orders: [cleanser] })('用了两片就起红疹子了，没开的那包能不能退')).handover?.reason, undefined);
  });

  test('Spanish is said to be unread, not taken for an ok or a goodbye; its hello and thanks are understood', async () => {
    const say = shop({ orders: [food] });
    for (const ask of ['ok. puedo cambiar el cat food por el de chicken en vez de salmon?', 'oh ok. y cuanto tarda el vet approval normalmente?']) {
      assert.match(textOf(await shop({ orders: [food] })(ask)), /only read English and Chinese/, ask);
    }
    assert.match(textOf(await say('hola, cuando llega mi orden?')), /PP-1/);
    assert.match(textOf(await say('gracias!!')), /welcome/i);
    assert.match(textOf(await shop({})('hola')), /help/i);
  });

  test('Cantonese hellos are greetings, and a hello in English keeps a Chinese conversation Chinese', async () => {
    for (const ask of ['早晨', '哈佬']) assert.match(textOf(await shop({})(ask)), /您好/, ask);
    const say = shop({ orders: [cleanser] });
    await say('我買嘅卸妝水到咗未');
    assert.match(textOf(await say('hello??')), /您好|你好/);
  });

  test('a parcel put in a locker with a code waits to be collected, though the platform says out for delivery', async () => {
    const sun = order({ orderId: 'HB-2', status: 'shipped', items: [{ sku: 'S', title: 'ANESSA 金鑽高效防曬露 60ml', quantity: 1, price: '198.00' }], currency: 'HKD', createdAt: ago(60) });
    const locker = logistics({ orderId: 'HB-2', carrier: '順豐速運', trackingNo: 'SF1428855566778', status: 'out_for_delivery', events: [{ time: ago(30), location: '觀塘 APM 順便智能櫃', description: '快件已存入順便智能櫃，請憑取件碼取件' }], updatedAt: ago(30) });
    const text = textOf(await shop({ orders: [sun], logistics: [locker] })('我啲防曬去到邊'));
    assert.match(text, /自提點|自提点/);
    assert.doesNotMatch(text, /延誤|延误/);
    // Out for delivery past a station's name is still on its way to the door.
    const door = { ...locker, events: [{ time: ago(2), location: '觀塘', description: '派送中，快遞員將送往順便智能櫃附近的地址' }] };
    assert.doesNotMatch(textOf(await shop({ orders: [sun], logistics: [door] })('我啲防曬去到邊')), /自提點|自提点/);
  });

  test('a courier named picks the order it carries, though another order is in focus', async () => {
    const toys = order({ orderId: 'PP-3', status: 'paid', items: [{ sku: 'K', title: 'KONG Classic Dog Toy Large', quantity: 2, price: '13.99' }], currency: 'USD', createdAt: ago(20) });
    const bed = order({ orderId: 'PP-4', status: 'shipped', items: [{ sku: 'B', title: 'FurHaven Orthopedic Dog Bed Large', quantity: 1, price: '79.99' }], currency: 'USD', createdAt: ago(70) });
    const bedTrack = logistics({ orderId: 'PP-4', carrier: 'FedEx', trackingNo: '794612345678', status: 'out_for_delivery', events: [{ time: ago(3), location: 'Saint Paul, MN', description: 'On FedEx vehicle for delivery' }], updatedAt: ago(3) });
    const say = shop({ orders: [toys, bed], logistics: [bedTrack] });
    assert.match(textOf(await say('when do the toys ship')), /PP-3/);
    const r = textOf(await say('fedex says out for delivery but i wont be home till 6, can they leave it at the door?'));
    assert.match(r, /794612345678|PP-4/);
    assert.doesNotMatch(r, /no tracking yet/);
  });

  test('a request taken back wholly is no miss: "forget it" after a miss does not hand over', async () => {
    const toys = order({ orderId: 'PP-5', status: 'paid', items: [{ sku: 'K', title: 'KONG Classic Dog Toy Large', quantity: 1, price: '13.99' }], currency: 'USD', createdAt: ago(20) });
    const say = shop({ orders: [toys] });
    await say('can u cancel the toys one, found them at target');
    assert.match(textOf(await say('no dont bother actually ill keep them')), /what else can I help/);
    const miss = await say('blorp zzkq');
    assert.equal(miss.handover, undefined);
    const r = await say('forget it');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /what else can I help/);
    assert.match(textOf(await shop({})('算了 唔使喇 我自己睇')), /还有什么可以帮您|還有什麼可以幫您/);
  });

  test('a returns question shows a refund under way with the shop\'s own time, not the built-in one', async () => {
    const food2 = order({ orderId: 'PP-6', status: 'delivered', items: [{ sku: 'H', title: "Hill's Science Diet Adult 15 lb", quantity: 1, price: '56.99' }], currency: 'USD', createdAt: ago(200) });
    const refund = aftersale({ aftersaleId: 'AS-6', orderId: 'PP-6', type: 'refund', status: 'approved', amount: '56.99', updatedAt: ago(90) });
    const time: FaqEntry = { id: 'rt', question: 'How long does a refund take?', answer: 'Once your refund is approved it reaches your card within 5-7 business days.' };
    const text = textOf(await shop({ orders: [food2], aftersales: [refund] }, [time])('how do i return something'));
    assert.match(text, /5-7 business days/);
    assert.doesNotMatch(text, /1-3 business days/);
  });

  test('"你係咪機械人" asks who answers', async () => {
    assert.match(textOf(await shop({})('lol 你係咪機械人')), /智能客服/);
  });

  test('a shelf life asked in Taiwan\'s word is the goods\' question, not the parcel\'s', async () => {
    const cream = order({ orderId: 'HB-3', status: 'shipped', items: [{ sku: 'C', title: '倩碧 Clinique 特效潤膚露 125ml', quantity: 1, price: '240.00' }], currency: 'HKD', createdAt: ago(50) });
    const held = logistics({ orderId: 'HB-3', status: 'exception', events: [{ time: ago(5), location: '澳門', description: '海關查驗中' }], updatedAt: ago(5) });
    const expiry: FaqEntry = { id: 'exp', question: '產品嘅有效期係幾耐？', answer: '所有產品出貨時有效期最少 12 個月。' };
    assert.doesNotMatch(textOf(await shop({ orders: [cream], logistics: [held] }, [expiry])('倩碧的乳液保存期限到什麼時候')), /海關|海关/);
  });

  test('a restock asked is the shop\'s question, not the buyer\'s orders', async () => {
    const cancelled = order({ orderId: 'HB-4', status: 'cancelled', createdAt: ago(50) });
    assert.doesNotMatch(textOf(await shop({ orders: [cancelled] })('幾時有返貨 我好想要呢隻色')), /已取消/);
  });

  test('a bare yes with nothing asked: what else, no miss and no list of entries', async () => {
    const expiry: FaqEntry = { id: 'exp', question: '產品嘅有效期係幾耐？', answer: '所有產品出貨時有效期最少 12 個月。' };
    for (const ask of ['係', 'yes']) {
      const r = await shop({}, [expiry])(ask);
      assert.match(textOf(r), /还有什么可以帮您|還有什麼可以幫您|what else can I help/, ask);
      assert.equal(r.state.failures, 0, ask);
    }
  });

  test('"sweet. and the kong toys i ordered last night?" asks after that order; another flavour or size of goods is a change of the order', async () => {
    const toys = order({ orderId: 'PP-7', status: 'paid', items: [{ sku: 'K', title: 'KONG Classic Dog Toy Large Red', quantity: 1, price: '13.99' }], currency: 'USD', createdAt: ago(14) });
    const bed = order({ orderId: 'PP-8', status: 'shipped', items: [{ sku: 'B', title: 'FurHaven Orthopedic Dog Bed Large', quantity: 1, price: '79.99' }], currency: 'USD', createdAt: ago(70) });
    const bedTrack = logistics({ orderId: 'PP-8', carrier: 'FedEx', trackingNo: '7946001', events: [{ time: ago(3), location: 'Saint Paul, MN', description: 'In transit' }], updatedAt: ago(3) });
    const say = shop({ orders: [toys, bed], logistics: [bedTrack] });
    assert.match(textOf(await say('where is the dog bed')), /7946001/);
    const r = textOf(await say('sweet. and the kong toys i ordered last night?'));
    assert.match(r, /PP-7/);
    assert.doesNotMatch(r, /cancel/i);
    const litter = order({ orderId: 'PP-9', status: 'paid', items: [{ sku: 'L', title: 'Tidy Cats Lightweight Clumping Litter 17 lb', quantity: 1, price: '18.99' }], currency: 'USD', createdAt: ago(10) });
    for (const ask of ['can i change the litter to the unscented clumping 35 lb instead', 'i want to swap the salmon one for the chicken flavor pls']) {
      assert.match(textOf(await shop({ orders: [litter] })(ask)), /can't change its size or colour myself/, ask);
    }
    assert.doesNotMatch(textOf(await shop({ orders: [litter] })('can i change the address to 12 smith st instead')), /size or colour/);
  });

  test('"yall" is "you", as the shop\'s own question says it', async () => {
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const ask of ['do yall ship live fish?', "do ya'll ship live fish?", 'do yous ship live fish?']) assert.equal(normalize(ask).text, 'do you ship live fish?', ask);
  });

  test('an entry found by an English alternate but answered in Chinese is framed as the shop\'s word in Chinese', async () => {
    const genuine: FaqEntry = { id: 'gen', question: '你哋啲貨係咪正貨？', answer: '本店所有產品都係品牌授權代理入貨嘅正貨，絕不售賣水貨。', alternates: ['係咪水貨', 'are your products authentic?'] };
    const text = textOf(await shop({}, [genuine])('are ur products authentic?'));
    assert.match(text, /in Chinese/);
    assert.match(text, /正貨/);
  });

  test('a Taiwanese store pickup waits to be collected; a weekend does not make a paid order late when the shop says so; Taiwan\'s quotes', async () => {
    const ship = '現貨商品於付款完成後 24 小時內出貨，週六、日及國定假日順延至下一個工作天。';
    const entries: FaqEntry[] = [{ id: 'ship', question: '付款後多久出貨？', answer: ship }, { id: 'pay', question: '有哪些付款方式？', answer: '信用卡、ATM 轉帳。' }];
    const robotAt = (data: FakeData, at: string) => {
      const faq = new FaqIndexProvider();
      faq.setEntries('shop_tw', entries, 1, { timeZone: 'Asia/Taipei' });
      return conversation(createRobot({ dataSource: fakeDataSource(data), faq, clock: () => new Date(at) }), 'tw', 'shop_tw');
    };
    const caseOrder = order({ orderId: 'TW-1', shopId: 'shop_tw', userId: 'tw', status: 'shipped', currency: 'TWD', items: [{ sku: 'C', title: 'Spigen iPhone 16 Pro 防摔手機殼', quantity: 1, price: '890' }], createdAt: '2026-12-01T10:00:00+08:00' });
    const store = logistics({ orderId: 'TW-1', shopId: 'shop_tw', carrier: '7-11 交貨便', trackingNo: 'F523', status: 'out_for_delivery', events: [{ time: '2026-12-04T14:20:00+08:00', location: '7-ELEVEN 新莊福營門市', description: '包裹已送達取件門市，請於 12/11 前攜帶證件至門市取件' }], updatedAt: '2026-12-04T14:20:00+08:00' });
    const atStore = textOf(await robotAt({ orders: [caseOrder], logistics: [store] }, '2026-12-05T20:00:00Z')('我的包裹到了嗎'));
    assert.match(atStore, /自提點/);
    assert.doesNotMatch(atStore, /延誤/);
    // Paid on a Friday night: on Sunday it is not late; on Tuesday evening it is.
    const pods = order({ orderId: 'TW-2', shopId: 'shop_tw', userId: 'tw', status: 'paid', currency: 'TWD', items: [{ sku: 'A', title: 'Apple AirPods Pro 2 (USB-C)', quantity: 1, price: '7490' }], createdAt: '2026-12-04T22:00:00+08:00', updatedAt: '2026-12-04T22:00:00+08:00' });
    assert.doesNotMatch(textOf(await robotAt({ orders: [pods] }, '2026-12-06T04:00:00+08:00')('我的耳機什麼時候出貨')), /比平常慢/);
    assert.match(textOf(await robotAt({ orders: [pods] }, '2026-12-08T17:00:00+08:00')('我的耳機什麼時候出貨')), /比平常慢/);
    const lost = textOf(await robotAt({}, '2026-12-05T20:00:00Z')('阿阿阿阿阿'));
    assert.doesNotMatch(lost, /[“”]/);
  });

  // Found from outside (forty-third session, a Manchester bike shop): a DPD parcel to Stornoway was told the mainland's days,
  // starting mid-sentence ("2-3 working days, or DPD Next Day…"), and then told it was late by them.
  test("the UK's islands and Northern Ireland are regions of their own, an address's by its postcode; a pallet courier is a courier", async () => {
    const uk: FaqEntry = { id: 'uk', question: 'How long does delivery take?', answer: 'Small parcels (parts, chargers, accessories) go by Royal Mail Tracked 48, 2-3 working days, or DPD Next Day, the next working day. Boxed bikes and e-bikes go by DPD, 1-2 working days to mainland England and Wales. Scottish Highlands and islands: 3-5 working days. Northern Ireland: 3-5 working days. Pallet deliveries (e-scooters over 25kg, cargo bikes) go by Pallet Network, 3-5 working days, with a call the day before.' };
    const bike = (address: string) => ({
      orders: [order({ orderId: 'MB-1', status: 'shipped', currency: 'GBP', items: [{ sku: 'B', title: 'Carrera Crossfire E', quantity: 1, price: '1299.00' }], receiver: { name: 'Fiona', phone: '07700900000', address }, createdAt: ago(30) })],
      logistics: [logistics({ orderId: 'MB-1', carrier: 'DPD', trackingNo: '155098', events: [{ time: ago(20), location: 'Inverness Depot', description: 'Awaiting ferry' }], updatedAt: ago(20) })],
    });
    const lewis = textOf(await shop(bike('7 Bayhead, Stornoway, Isle of Lewis HS1 2DU'), [uk])('when will my bike arrive'));
    assert.match(lewis, /Scottish Highlands and islands: 3-5 working days\./);
    assert.doesNotMatch(lewis, /mainland|Pallet|^2-3 working days|Northern Ireland/);
    const belfast = textOf(await shop(bike('12 Lisburn Rd, Belfast BT7 1AA'), [uk])('when will my bike arrive'));
    assert.match(belfast, /Northern Ireland: 3-5 working days\./);
    assert.doesNotMatch(belfast, /Scottish|Pallet/);
  });

  // Found from outside (forty-fifth session, a Dublin toy shop): a Kilkenny parcel was told "England, Scotland and Wales: 3-5 working days".
  test('the Republic of Ireland and Great Britain are regions too, an address\'s by its county or Eircode and by its postcode', async () => {
    const ie: FaqEntry = { id: 'ie', question: 'How long does delivery take?', answer: 'An Post: 1-2 working days within Ireland. Northern Ireland: 2-3 working days. England, Scotland and Wales: 3-5 working days. Scottish Highlands and islands: 5-7 working days.' };
    const to = (address: string) => ({
      orders: [order({ orderId: 'DT-1', status: 'shipped', currency: 'EUR', items: [{ sku: 'C', title: 'Carcassonne (2021 edition)', quantity: 1, price: '39.99' }], receiver: { name: 'Padraig', phone: '0871234567', address }, createdAt: ago(30) })],
      logistics: [logistics({ orderId: 'DT-1', carrier: 'An Post', trackingNo: 'CE482913557IE', events: [{ time: ago(20), location: 'Dublin Mail Centre', description: 'In transit' }], updatedAt: ago(20) })],
    });
    const kilkenny = textOf(await shop(to('3 Patrick Street, Kilkenny R95 E2P3'), [ie])('when will it arrive'));
    assert.match(kilkenny, /1-2 working days within Ireland/);
    assert.doesNotMatch(kilkenny, /England|Northern Ireland|Highlands/);
    const cork = textOf(await shop(to('Apt 7, The Elysian, Eglinton Street, Cork T12 XR99'), [ie])('when will it arrive'));
    assert.doesNotMatch(cork, /England|Northern Ireland/);
    const manchester = textOf(await shop(to('41 Wilmslow Road, Rusholme, Manchester M14 5TB'), [ie])('when will it arrive'));
    assert.match(manchester, /England, Scotland and Wales: 3-5 working days/);
    assert.doesNotMatch(manchester, /within Ireland|Northern Ireland|Highlands/);
    const belfast = textOf(await shop(to('9 Rugby Avenue, Belfast BT7 1RD'), [ie])('when will it arrive'));
    assert.match(belfast, /Northern Ireland: 2-3 working days/);
    assert.doesNotMatch(belfast, /England|within Ireland/);
  });

  test('a delivery entry read by Australian state (a list of states is one clause) and by Hong Kong apart from Macau', async () => {
    const au: FaqEntry = { id: 'dt', question: 'How long does delivery take?', answer: 'AusPost Parcel Post: NSW, VIC, QLD, SA and ACT metro 2-5 business days. WA, NT and Tasmania 5-8 business days. New Zealand: 7-14 business days plus customs clearance.' };
    const stove = order({ orderId: 'OZ-1', status: 'shipped', currency: 'AUD', items: [{ sku: 'J', title: 'Jetboil Flash Cooking System', quantity: 1, price: '199.95' }], receiver: { name: 'Dave', phone: '0400000000', address: '7 Hampden Road, Nedlands WA 6009' }, createdAt: ago(40) });
    const stoveTrack = logistics({ orderId: 'OZ-1', carrier: 'Australia Post', trackingNo: '33XYZ', events: [{ time: ago(10), location: 'Welshpool WA', description: 'Arrived at facility' }], updatedAt: ago(10) });
    const wa = textOf(await shop({ orders: [stove], logistics: [stoveTrack] }, [au])('when will my parcel arrive'));
    assert.match(wa, /WA, NT and Tasmania 5-8 business days/);
    assert.doesNotMatch(wa, /2-5 business days|New Zealand/);
    // A capital's metro days are no word on a regional town of its state; a region's part ("NSW regional") is one list with the
    // rest (forty-second session: a Dubbo parcel was told "Sydney metro: 1-2 business days. NSW regional.").
    const byState: FaqEntry = { id: 'ds', question: 'How long does delivery take?', answer: 'Sydney metro: 1-2 business days. NSW regional, VIC, QLD, SA and ACT: 2-5 business days. WA, NT and Tasmania: 5-8 business days.' };
    const to = (address: string) => ({ orders: [{ ...stove, receiver: { name: 'Mick', phone: '0400000000', address } }], logistics: [stoveTrack] });
    const dubbo = textOf(await shop(to('12 Macquarie St, Dubbo NSW 2830'), [byState])('when will my parcel arrive'));
    assert.match(dubbo, /NSW regional, VIC, QLD, SA and ACT: 2-5 business days\./);
    assert.doesNotMatch(dubbo, /Sydney metro|5-8/);
    const sydney = textOf(await shop(to('1 George St, Sydney NSW 2000'), [byState])('when will my parcel arrive'));
    assert.match(sydney, /Sydney metro: 1-2 business days\./);
    assert.doesNotMatch(sydney, /5-8/);
    // A suburb by its metropolitan postcode, and a street named after a capital (found in review).
    assert.match(textOf(await shop(to('5 Church St, Parramatta NSW 2150'), [byState])('when will my parcel arrive')), /Sydney metro: 1-2 business days\./);
    const brunswick = textOf(await shop(to('40 Sydney Rd, Brunswick VIC 3056'), [byState])('when will my parcel arrive'));
    assert.doesNotMatch(brunswick, /Sydney metro/);
    assert.match(brunswick, /2-5 business days/);
    const hk: FaqEntry = { id: 'hk', question: '寄香港、澳門要幾耐先收到？', answer: '香港：順豐 1-2 個工作天。港澳：澳門順豐 2-4 個工作天。' };
    const cream = order({ orderId: 'HB-9', status: 'shipped', currency: 'HKD', items: [{ sku: 'C', title: 'CeraVe 長效潤澤修護霜 454g', quantity: 1, price: '239.00' }], receiver: { name: '陳', phone: '91234567', address: '香港新界沙田正街 18 號' }, createdAt: ago(30) });
    const creamTrack = logistics({ orderId: 'HB-9', carrier: '順豐速運', trackingNo: 'SF900', events: [{ time: ago(8), location: '香港沙田', description: '快件已到達沙田營業點' }], updatedAt: ago(8) });
    const said = textOf(await shop({ orders: [cream], logistics: [creamTrack] }, [hk])('我嘅面霜幾時到'));
    assert.match(said, /順豐 1-2 個工作天/);
    assert.doesNotMatch(said, /澳門順豐/);
  });

  test('Australian buyers: a question after "how ya going", both orders checked, goods added to an order named by its goods, nothing at the door, "ignore me"', async () => {
    const freight: FaqEntry = { id: 'fr', question: 'How do you deliver oversized or freight items like kayaks?', answer: 'Kayaks go by road freight; someone 18+ must be home to sign.', alternates: ['Do I need to be home for freight delivery?'] };
    const match: FaqEntry = { id: 'pm', question: 'Do you price match?', answer: 'Yes, we match major Australian retailers.' };
    const kayak = textOf(await shop({}, [freight, match])('how ya going. if i order a kayak do i need to be home for the delivery'));
    assert.match(kayak, /freight/);
    assert.doesNotMatch(kayak, /shop's assistant/);
    const pack = order({ orderId: 'OZ-2', status: 'paid', currency: 'AUD', items: [{ sku: 'O', title: 'Osprey Atmos AG 65 Backpack', quantity: 1, price: '449.95' }], createdAt: ago(30) });
    const poles = order({ orderId: 'OZ-3', status: 'shipped', currency: 'AUD', items: [{ sku: 'P', title: 'Black Diamond Trekking Poles', quantity: 1, price: '229.95' }], createdAt: ago(200) });
    const polesTrack = logistics({ orderId: 'OZ-3', carrier: 'Australia Post', trackingNo: '33P', events: [{ time: ago(20), location: 'Melbourne VIC', description: 'In transit' }], updatedAt: ago(20) });
    const both = textOf(await shop({ orders: [pack, poles], logistics: [polesTrack] })('can u check both of them for me'));
    assert.match(both, /OZ-2/);
    assert.match(both, /OZ-3/);
    assert.match(textOf(await shop({ orders: [pack] }, [match])('ok can you add another pair of the darn tough socks to the backpack order before it goes, size M')), /can't add items/);
    const tent = order({ orderId: 'OZ-4', status: 'delivered', currency: 'AUD', items: [{ sku: 'T', title: 'MSR Hubba Hubba NX 2 Tent', quantity: 1, price: '699.95' }], createdAt: ago(300) });
    const tentTrack = logistics({ orderId: 'OZ-4', carrier: 'Australia Post', trackingNo: '33T', status: 'delivered', events: [{ time: ago(50), location: 'Sandy Bay TAS', description: 'Delivered - left at front door' }], updatedAt: ago(50) });
    assert.match(textOf(await shop({ orders: [tent], logistics: [tentTrack] })('um so apparently my order was left at the front door but theres nothing there?? been checking all arvo')), /have not received it/);
    assert.match(textOf(await shop({ orders: [tent] }, [match])('oh wait sorry thats the old order, we did get the tent. ignore me')), /what else can I help/);
  });

  test('a weekday with someone asked is the hours entry; what a word means is no complaint', async () => {
    const hours: FaqEntry = { id: 'h', question: '客服幾點上班？', answer: '客服時間：週一至週五 09:00-18:00。' };
    assert.doesNotMatch(textOf(await shop({}, [hours])('禮拜六有人嗎')), /您好，我是/);
    const r = await shop({}, [hours])('非人為損壞是什麼意思');
    assert.notEqual(r.handover?.reason, 'complaint');
    assert.doesNotMatch(textOf(r), /添麻烦|添麻煩/);
  });

  test('a refund asked after while on time by the shop\'s own time is told the day it is due, not an apology', async () => {
    const bag = order({ orderId: 'PP-20', status: 'delivered', currency: 'USD', items: [{ sku: 'H', title: "Hill's Science Diet 15 lb", quantity: 1, price: '56.99' }], createdAt: '2024-11-10T10:00:00+08:00' });
    // Approved on Monday the 25th; the shop says 5-7 business days: due by Wednesday December 4th.
    const refund = aftersale({ aftersaleId: 'AS-20', orderId: 'PP-20', type: 'refund', status: 'approved', amount: '56.99', updatedAt: '2024-11-25T10:00:00+08:00' });
    const time: FaqEntry = { id: 'rt', question: 'How long does a refund take to arrive?', answer: 'Once your refund is approved it reaches your card within 5-7 business days.' };
    const say = shop({ orders: [bag], aftersales: [refund] }, [time]);
    await say('where is my refund');
    const r = textOf(await say('ok so my refund, is it late or what'));
    assert.match(r, /due by Dec 4/);
    assert.doesNotMatch(r, /Sorry for the wait/);
  });

  test('a traditional conversation keeps the shop\'s 台 as written', async () => {
    const tw: FaqEntry = { id: 'tw', question: '寄台灣要幾天？', answer: '寄台灣一般 5-7 個工作天。' };
    const r = await shop({}, [tw])('寄台灣要幾耐');
    assert.match(textOf(r), /寄台灣一般/);
    assert.equal(toTraditional('台风天柜台照常营业，寄台湾'), '颱風天櫃檯照常營業，寄台灣');
  });
});

describe('what the thirtieth session\'s readings must not take (review)', () => {
  const { ago, shop } = session27;

  test('no vet for a picky eater with a return asked, goods asked for, a person or a hot dog; no reaction for goods that peel or skin asked about beforehand', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const t of ["my cat won't eat the new food, can i return it?", 'my dog refuses to eat the kibble, can i exchange it for another flavor?', 'help, which food is good for a cat that vomits a lot?',
      'do you have food for dogs with diarrhea? need help choosing', 'my son threw up after eating the new cat treats, help', 'hot dog made me throw up after eating',
      'the phone case is peeling after using it 2 weeks', 'sofa cover after using 1 month is peeling, can claim warranty?', 'after applying the screen protector it keeps peeling at the corner',
      '这个面霜适合容易长痘的皮肤吗 用了以后保湿吗', 'is this safe for sensitive skin? i get hives easily after using new products', 'does this cleanser help with itchy skin after using it?', '擦完以后刺痛感是酸类的正常反应吗']) {
      assert.equal(healthAsked(normalize(t).text), undefined, t);
    }
  });

  test('place names, English and Malay words are no Spanish; a request after "don\'t bother" or "唔使" is no withdrawal', async () => {
    const { readsSpanish, withdrawsHandover } = await import('../../src/robot/nlu/index.ts');
    for (const t of ['do you ship to El Paso and Las Vegas?', 'ship it to Los Angeles por favor', 'apa ongkir gratis untuk para member?', 'can you do me a favor and add a gratis sample to my order']) assert.equal(readsSpanish(t), false, t);
    for (const t of ['唔使俾運費咩', '唔使講 你哋啲貨一定有問題', 'dont bother calling me, just refund me', 'ill keep them, but i want a partial refund for the broken one', "don't bother the courier, just leave it at the guardhouse"]) {
      assert.equal(withdrawsHandover(t), undefined, t);
    }
  });

  test('morning and a sheet mask in Cantonese keep their words', async () => {
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    assert.match(normalize('聽日早晨送唔送到').text, /早晨/);
    assert.match(normalize('我買咗十塊面膜 收到得九塊').text, /面膜/);
  });

  test('a postcode is no courier, goods named pick their order, a locker "if" is no pickup, the mail is no restock, a bare no is still read', async () => {
    const down = order({ orderId: 'DJ-1', status: 'paid', items: [{ sku: 'D', title: '羽绒服 黑色 L', quantity: 1, price: '599.00' }], createdAt: ago(20) });
    const tea = order({ orderId: 'TE-1', status: 'shipped', items: [{ sku: 'T', title: '西湖龙井 250g', quantity: 1, price: '199.00' }], createdAt: ago(60) });
    const teaTrack = logistics({ orderId: 'TE-1', carrier: '中国邮政', trackingNo: 'YZ001', events: [{ time: ago(5), location: '杭州', description: '运输中' }], updatedAt: ago(5) });
    assert.doesNotMatch(textOf(await shop({ orders: [down, tea], logistics: [teaTrack] })('羽绒服那单邮政编码填错了 能改地址吗')), /TE-1/);
    const toys = order({ orderId: 'PP-10', status: 'paid', items: [{ sku: 'K', title: 'KONG Dog Toys', quantity: 1, price: '13.99' }], currency: 'USD', createdAt: ago(14) });
    const bed = order({ orderId: 'PP-11', status: 'shipped', items: [{ sku: 'B', title: 'Orthopedic Dog Bed', quantity: 1, price: '79.99' }], currency: 'USD', createdAt: ago(70) });
    const bedTrack = logistics({ orderId: 'PP-11', carrier: 'FedEx', trackingNo: '79460', events: [{ time: ago(3), location: 'Saint Paul, MN', description: 'In transit' }], updatedAt: ago(3) });
    assert.doesNotMatch(textOf(await shop({ orders: [toys, bed], logistics: [bedTrack] })('change the address for the dog toys? fedex has my old one')), /79460|PP-11/);
    const maybe = logistics({ orderId: 'PP-11', carrier: 'FedEx', trackingNo: '79460', status: 'out_for_delivery', events: [{ time: ago(1), location: 'Saint Paul, MN', description: 'Out for delivery; if no one is home it will be placed in a parcel locker and you will get a pickup code' }], updatedAt: ago(1) });
    assert.doesNotMatch(textOf(await shop({ orders: [bed], logistics: [maybe] })('where is my dog bed')), /collect|pickup point/i);
    assert.match(textOf(await shop({ orders: [bed], logistics: [bedTrack] })('when will i get it in the mail?')), /79460|PP-11/);
    const say = shop({ orders: [bed], logistics: [bedTrack] });
    await say('where is my dog bed');
    assert.doesNotMatch(textOf(await say('no')), /what else can I help/);
  });
});

// The second review of the thirtieth session's readings: each case was proved against the commit before them.
describe('what the thirtieth session\'s later readings must not take (second review)', () => {
  const ago = session27.ago;
  const shop = (data: FakeData, entries: FaqEntry[] = [], opts: { now?: Date; tz?: string; shopId?: string } = {}) => {
    const own = new FaqIndexProvider();
    const shopId = opts.shopId ?? SHOP;
    if (opts.tz) own.setEntries(shopId, entries, 1, { timeZone: opts.tz });
    else own.setEntries(shopId, entries);
    const robot = createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => opts.now ?? NOW });
    let state: unknown;
    return async (text: string) => {
      const r = await robot.answer({ shopId, userId: opts.shopId ? 'tw' : 'u-1001', conversationId: 'c-1', text, state });
      state = r.state;
      return { text: r.replies.map((x) => x.text).join('\n'), handover: r.handover?.reason, r };
    };
  };
  const hoursZh = { id: 'h', question: '客服幾點上班？', answer: '客服時間：週一至週五 09:00-18:00。' };
  const hoursEn = { id: 'he', question: 'What are your customer service hours?', answer: 'Our team is online Monday to Friday 9am-6pm.' };
  const paid = order({ orderId: 'AA-1', status: 'paid', createdAt: ago(60), updatedAt: ago(60) });
  const pack = order({ orderId: 'OZ-2', status: 'paid', currency: 'AUD', items: [{ sku: 'O', title: 'Osprey Atmos AG 65 Backpack', quantity: 1, price: '449.95' }], receiver: { name: 'Dave', phone: '0400', address: '7 Hampden Road, Nedlands WA 6009' }, createdAt: ago(30), updatedAt: ago(30) });
  const tent = order({ orderId: 'OZ-4', status: 'delivered', currency: 'AUD', items: [{ sku: 'T', title: 'MSR Hubba Hubba NX 2 Tent', quantity: 1, price: '699.95' }], createdAt: ago(300) });

  test('a person asked for with a weekday named is still handed over', async () => {
    for (const m of ['我要转人工 周末下的单到现在还没发货', '转人工，周六买的东西到现在还没发', 'i want to speak to a person, my saturday delivery never came', 'can i talk to a real person about the order i placed on sunday']) {
      assert.equal((await shop({ orders: [paid] }, [hoursZh, hoursEn])(m)).handover, 'requested', m);
    }
  });
  test('an angry complaint with 什么意思 or "what do you mean by" stays a complaint', async () => {
    const r = await shop({ orders: [paid] }, [hoursEn])('what do you mean by non-refundable?? this is a scam, the zipper broke');
    assert.equal(r.handover, 'complaint');
    assert.match((await shop({ orders: [paid] }, [])('你们什么意思？发错货还不给退')).text, /发错/);
  });
  test('"ignore my last message" does not take back a complaint said before it', async () => {
    const r = await shop({ orders: [tent] })('the tent arrived with a broken pole and a ripped fly, ignore my last message');
    assert.doesNotMatch(r.text, /what else can I help/);
  });
  test('"no, forget it" after a miss is taken back, not handed over', async () => {
    const say = shop({ orders: [tent] });
    await say('blorp zzkq');
    const r = await say('no, forget it');
    assert.equal(r.handover, undefined);
  });
  test('thanks with "if i have…" or "have the best weekend" stays a goodbye', async () => {
    for (const m of ['thanks! if i have any more questions ill get back to you', 'cheers, have the best weekend']) {
      assert.match((await shop({ orders: [tent] }, [{ id: 're', question: 'What is your return policy?', answer: 'Returns within 30 days.' }])(m)).text, /welcome/i, m);
    }
  });
  test('recipient, suburb, postage and courier changes are no change of the goods', async () => {
    for (const m of ['can i change the recipient to my mum instead', 'please change the suburb to richmond instead, typo', 'can i switch the standard post to express post instead', 'can i change the courier to dhl instead']) {
      assert.doesNotMatch((await shop({ orders: [pack] })(m)).text, /size or colour/, m);
    }
  });
  test('a unit number, insurance or express shipping added is no goods', async () => {
    assert.doesNotMatch((await shop({ orders: [pack] })('can you add my unit number to the backpack order, its unit 4')).text, /can't add items/);
    const ins = { id: 'ins', question: 'Can I add shipping insurance to my order?', answer: 'Yes, shipping insurance can be added for $3 until the order ships.' };
    for (const m of ['can i add shipping insurance to my order?', 'can you add insurance to the backpack order', 'can i add express shipping to my order?']) {
      assert.doesNotMatch((await shop({ orders: [pack] }, [ins])(m)).text, /can't add items/, m);
    }
  });
  test('a 浙江 buyer is not told 新疆\'s days', async () => {
    const o = order({ orderId: 'R-1', status: 'shipped', receiver: { name: 'X', phone: '1', address: '浙江省杭州市西湖区文三路 100 号' }, createdAt: ago(40) });
    const l = logistics({ orderId: 'R-1', events: [{ time: ago(10), location: '', description: '运输中' }], updatedAt: ago(10) });
    const t = (await shop({ orders: [o], logistics: [l] }, [{ id: 'd', question: '快递几天能到？', answer: '江浙沪包邮，新疆、西藏 7-10 天，其他地区 3-5 天。' }])('我的快递几天能到')).text;
    assert.doesNotMatch(t, /7-10/);
  });
  test('NT$ is no Northern Territory: a Taipei buyer is told 本島\'s days', async () => {
    const o = order({ orderId: 'R-1', status: 'shipped', currency: 'TWD', receiver: { name: 'X', phone: '1', address: '台灣台北市大安區忠孝東路四段 1 號' }, createdAt: ago(40) });
    const l = logistics({ orderId: 'R-1', events: [{ time: ago(10), location: '', description: '运输中' }], updatedAt: ago(10) });
    const t = (await shop({ orders: [o], logistics: [l] }, [{ id: 'd', question: '快遞幾天能到？', answer: '滿 NT$990 免運，本島 1-2 個工作天到貨，離島 3-5 個工作天。' }])('我的快遞幾天能到')).text;
    assert.match(t, /本島 1-2/);
  });
  test('节假日顺延 and 周末客服休息 do not stop weekends counting', async () => {
    const fri = '2024-11-22T10:00:00+08:00';
    const o = order({ orderId: 'CN-1', status: 'paid', createdAt: fri, updatedAt: fri, items: [{ sku: 'a', title: '羊毛围巾', quantity: 1, price: '99.00' }] });
    for (const answer of ['付款后48小时内发货（法定节假日顺延）。', '现货付款后48小时内发货，周末客服休息，仓库正常发货。']) {
      const t = (await shop({ orders: [o] }, [{ id: 's', question: '付款后多久发货？', answer }], { now: new Date('2024-11-25T12:00:00+08:00') })('我的围巾什么时候发货')).text;
      assert.match(t, /比平常慢/, answer);
    }
  });
  test('Taiwan\'s words leave 詳情頁面 and 好消息 of a shop\'s entry as written', async () => {
    const tw = { tz: 'Asia/Taipei', shopId: 'shop_tw', now: new Date('2026-12-05T12:00:00+08:00') };
    assert.doesNotMatch((await shop({}, [{ id: 'a', question: '哪裡可以看商品規格？', answer: '請至商品詳情頁面查看完整規格。' }], tw)('哪裡可以看商品規格')).text, /頁面面/);
    assert.doesNotMatch((await shop({}, [{ id: 'a', question: '有什麼優惠活動？', answer: '好消息！雙11全館滿千免運。' }], tw)('有什麼優惠活動')).text, /好訊息/);
  });
  test('an answer with product names in the other language is not framed as that language\'s', async () => {
    assert.doesNotMatch((await shop({}, [{ id: 'p', question: '耳机支持什么协议？', answer: 'AirPods Pro 2：Bluetooth 5.3，AAC codec，支持 Spatial Audio。' }])('耳机支持什么协议')).text, /英文/);
    assert.doesNotMatch((await shop({}, [{ id: 'p', question: 'Do you sell 龙井 tea?', answer: 'Yes: 西湖龙井 Xihu Longjing, 250g tins.' }])('do you sell longjing tea')).text, /in Chinese/);
  });
  test('"check all the parts are in the box" is no list of every order', async () => {
    const tentT = order({ orderId: 'OZ-5', status: 'shipped', currency: 'AUD', createdAt: ago(100) });
    const t = (await shop({ orders: [pack, tentT] })('can you check all the parts are in the box before you ship')).text;
    assert.ok(!(t.includes('OZ-2') && t.includes('OZ-5')), t);
  });
});

describe('the day asked of a parcel, and what is said beside it (thirty-first session)', () => {
  const { shop } = session27;
  test('a day named for a parcel on its way is answered against the usual time said, the built-in one or the shop\'s', async () => {
    // Scanned Monday Nov 25, asked Wednesday Nov 27: the built-in 1-3 days end on Thursday Nov 28.
    const say = shop({ orders: [earbuds], logistics: [earbudsTrack] });
    assert.match(textOf(await say('will it be here by friday?')), /should be there by Nov 29/);
    assert.match(textOf(await say('will it reach by friday?')), /should be there by Nov 29/, 'Singlish "reach" (thirty-first session)');
    assert.match(textOf(await say('今天能到吗')), /今天有可能送到，按一般时效最晚11月28日/);
    // Two days named, one of them why (thirty-second session): the one in the sentence that asks of arriving.
    assert.match(textOf(await say('周五之前能到不？周六要用')), /11月29日应该能送到/);
    const own: FaqEntry = { id: 'time', question: 'How long does delivery take?', answer: 'Delivery takes 3-5 business days after dispatch.' };
    const en = shop({ orders: [earbuds], logistics: [earbudsTrack] }, [own]);
    const today = textOf(await en('will it arrive today?'));
    assert.match(today, /3-5 business days/);
    assert.match(today, /unlikely to be there by today: expect it between Nov 28 and Dec 2/);
    // No day named: no verdict.
    assert.doesNotMatch(textOf(await shop({ orders: [earbuds], logistics: [earbudsTrack] })('when will it arrive?')), /should be there by|unlikely|may be there/);
  });

  // Found from outside (thirty-sixth session, a Singapore furniture shop): "Delivery slot confirmed: Mon 7 Dec",
  // then "unlikely to be there by Dec 7" from the usual 2-4 days.
  test('a day the courier\'s newest event gives goes before the usual time', async () => {
    const slot = (description: string) => ({ ...earbudsTrack, events: [...earbudsTrack.events, { time: '2024-11-26T22:00:00+08:00', location: '上海', description }] });
    const say = shop({ orders: [earbuds], logistics: [slot('Delivery slot confirmed: Sat 30 Nov, 2pm-6pm')] });
    assert.match(textOf(await say('will it be here on saturday?')), /courier's latest update gives Nov 30/);
    assert.doesNotMatch(textOf(await say('will it be here on saturday?')), /unlikely|should be there/);
    assert.match(textOf(await say('will it reach by monday?')), /gives Nov 30 for the delivery, before Dec 2/);
    assert.match(textOf(await say('今天能到吗')), /11月30日送，今天恐怕还送不到/);
    // A day before the event, or no day: the usual time, as before.
    assert.match(textOf(await shop({ orders: [earbuds], logistics: [slot('预计派送中')] })('will it be here by friday?')), /should be there by Nov 29/);
  });

  test('beside a parcel\'s answer, an entry that is not about sending is not said ("before the weekend" is no question of the staff\'s hours)', async () => {
    const hours: FaqEntry = { id: 'hours', question: 'What are your customer service hours?', answer: 'Agents are online 9:00-22:00 every day.', alternates: ['are you open on weekends'] };
    const r = textOf(await shop({ orders: [earbuds], logistics: [earbudsTrack] }, [hours])('can I get it before the weekend?'));
    assert.match(r, /2024112500001111/);
    assert.doesNotMatch(r, /Agents are online/);
    // Asked as such, the hours are still the answer.
    assert.match(textOf(await shop({ orders: [earbuds], logistics: [earbudsTrack] }, [hours])('are you open on weekends?')), /Agents are online/);
  });
});

describe('four more outside shops: a Manchester fashion shop, a Singapore gadget shop, a Guangzhou furniture shop, a Shanghai baby shop (thirty-first session)', () => {
  const { ago, shop } = session27;
  test('"don\'t cancel, I\'ll keep it" after the cancel steps: nothing is cancelled, said once, no miss', async () => {
    const paid = order({ orderId: 'LC-1', status: 'paid', createdAt: ago(5) });
    for (const [ask, keep, said] of [
      ['can i cancel my order', 'ok dont cancel, i keep it. sorry ah', /nothing is cancelled/],
      ['can i cancel my order', 'no wait dont cancel, ill keep them', /nothing is cancelled/],
      ['我想取消订单', '算了还是要吧 不取消了', /订单不取消/],
    ] as const) {
      const say = shop({ orders: [paid] });
      assert.match(textOf(await say(ask)), /LC-1/);
      const r = await say(keep);
      assert.match(textOf(r), said, keep);
      assert.equal(r.state.failures, 0, keep);
    }
    // Not without the cancel spoken of: "为什么不取消了" out of the blue is no such answer.
    assert.doesNotMatch(textOf(await shop({ orders: [paid] })('dont cancel, i keep it')), /nothing is cancelled/);
  });

  test('"老板在不在", "alright mate" are hellos; "is this just a bot" is told who answers, not queued', async () => {
    for (const hello of ['老板在不在', '老板在吗', 'alright mate']) {
      const r = await shop({})(hello);
      assert.equal(r.handover, undefined, hello);
      assert.equal(r.intent, 'greeting', hello);
    }
    const bot = await shop({})('is anyone actually there or is this just a bot 🙄');
    assert.equal(bot.handover, undefined);
    assert.match(textOf(bot), /automated assistant/);
    assert.equal((await shop({})('老板 转人工')).handover?.reason, 'requested');
  });

  test('a returns question right after the request was told: the policy, not the request again', async () => {
    const hoodie = order({ orderId: 'TS-2', status: 'delivered', currency: 'GBP', items: [{ sku: 'H', title: 'Oversized Hoodie Grey M', quantity: 1, price: '45.00' }], createdAt: ago(200) });
    const refund = aftersale({ aftersaleId: 'AS-2', orderId: 'TS-2', status: 'approved', amount: '45.00', updatedAt: ago(30) });
    const returns: FaqEntry = { id: 'ret', question: 'How do I send a return back?', answer: 'Use the free prepaid Royal Mail label from your order page and drop it at any Post Office.' };
    const say = shop({ orders: [hoodie], aftersales: [refund] }, [returns]);
    assert.match(textOf(await say('where is my refund')), /TS-2/);
    const again = textOf(await say('how do i send the return back'));
    assert.match(again, /prepaid Royal Mail label/);
    assert.doesNotMatch(again, /TS-2/);
  });
  test('an address change is not answered with the shop\'s entry on where returns go; "怕买到假货" asks, "先不说了" leaves', async () => {
    const paid = order({ orderId: 'BB-1', status: 'paid', createdAt: ago(5) });
    const returns: FaqEntry = { id: 'ret', question: '退货怎么寄回', answer: '在订单页申请退货，可以预约上门取件，也可以自己寄回到：上海市闵行区七莘路1888号售后部。', alternates: ['退货寄到哪里', '能上门取件吗'] };
    const genuine: FaqEntry = { id: 'real', question: '你们家奶粉是正品吗', answer: '所有奶粉都是品牌授权渠道进货，可扫码查验真伪。', alternates: ['会不会是假货'] };
    const say = shop({ orders: [paid] }, [returns, genuine]);
    const address = textOf(await say('怎么修改收货地址'));
    assert.match(address, /BB-1/);
    assert.doesNotMatch(address, /七莘路|售后部/);
    const fear = await shop({}, [returns, genuine])('第一次在你们家买 奶粉是真的吗 怕买到假货');
    assert.equal(fear.handover, undefined);
    assert.match(textOf(fear), /授权渠道/);
    assert.equal((await shop({}, [genuine])('我买到假货了 你们卖假货吗')).handover?.reason, 'complaint');
    const gone = await shop({})('啊啊啊 宝宝哭了 先不说了');
    assert.equal(gone.intent, 'bye');
    assert.equal(gone.state.failures, 0);
  });
  test('a 【定制】 order is due by the custom clause of a shipping entry on all goods, not its 48 hours in stock', async () => {
    const wardrobe = order({ orderId: 'MJ-1', status: 'paid', items: [{ sku: 'W', title: '【定制】北欧白橡木衣柜 尺寸定制 2.0x2.2m 三门', quantity: 1, price: '4680.00' }], createdAt: ago(20), updatedAt: ago(20) });
    const ship: FaqEntry = { id: 'ship', question: '付款后多久发货', answer: '现货家具付款后48小时内发出；定制款需要15-20个工作日生产后再发出。', alternates: ['定制的多久发货'] };
    const r = textOf(await shop({ orders: [wardrobe] }, [ship])('衣柜什么时候发'));
    assert.match(r, /MJ-1/);
    // Paid Tuesday Nov 26, 10:00 + 20 working days and their weekends: late December, never Nov 28.
    assert.match(r, /预计12月2\d日前发出/);
  });
  test('what the thirty-first session\'s readings must not take (review): a cancel asked again, a keep with another request, a day the buyer is away', async () => {
    const paid = order({ orderId: 'LC-2', status: 'paid', createdAt: ago(5) });
    for (const next of ['i changed my mind, please cancel it', '不用取消了，帮我改一下地址', "don't cancel the whole order, just one of the shirts", 'if i keep it can i still return it later?']) {
      const say = shop({ orders: [paid] });
      await say('can i cancel my order');
      assert.doesNotMatch(textOf(await say(next)), /nothing is cancelled|订单不取消/, next);
    }
    const away = textOf(await shop({ orders: [earbuds], logistics: [earbudsTrack] })("not home on friday, will it come thursday?"));
    assert.match(away, /2024112500001111/);
    assert.doesNotMatch(away, /should be there by|may be there|unlikely/);
  });
  test('an entry is on invoices by an alternate when its question names none; Singlish "havent reach", "shipped already?" ask after the parcel', async () => {
    const gst: FaqEntry = { id: 'gst', question: 'Do your prices include GST?', answer: 'Yes, all prices include 9% GST. A GST tax invoice is emailed once the order is paid.', alternates: ['Is GST included?', 'Can I get a tax invoice?'] };
    const hours: FaqEntry = { id: 'hours', question: 'What are your customer service hours?', answer: 'Mon-Sat 10am-7pm.' };
    const pay: FaqEntry = { id: 'pay', question: 'What payment methods do you accept?', answer: 'PayNow, cards and Atome.' };
    const r = textOf(await shop({}, [gst, hours, pay])('need tax invoice for company claim'));
    assert.match(r, /Do your prices include GST\?|GST tax invoice/);
    assert.doesNotMatch(r, /I don't have how this shop issues invoices/);
    const speaker = order({ orderId: 'LCG-1', status: 'shipped', currency: 'SGD', items: [{ sku: 'J', title: 'JBL Flip 6 Bluetooth Speaker (Blue)', quantity: 1, price: '149.00' }], createdAt: ago(150) });
    const track = logistics({ orderId: 'LCG-1', carrier: 'Qxpress', trackingNo: 'QX551', events: [{ time: ago(120), location: 'Woodlands', description: 'Departed for Malaysia customs clearance' }], updatedAt: ago(120) });
    assert.match(textOf(await shop({ orders: [speaker], logistics: [track] })('hi, my jbl speaker still havent reach JB, how come so long?')), /QX551/);
    assert.match(textOf(await shop({ orders: [speaker], logistics: [track] })('my jbl speaker shipped already?')), /LCG-1/);
  });
  test('"ive paid now", "paid liao" tell the unpaid order\'s state and how a payment shows; a delivery\'s price or an order not placed is no delivered order\'s status', async () => {
    const unpaid = order({ orderId: 'LCG-9', status: 'pending_payment', createdAt: ago(2), items: [{ sku: 'M', title: 'Logitech MX Master 3S', quantity: 1, price: '139.00' }] });
    const old = order({ orderId: 'LCG-8', status: 'completed', createdAt: ago(400) });
    for (const said of ['ive paid now', 'paid liao', '我已经付款了']) {
      const r = textOf(await shop({ orders: [old, unpaid] })(said));
      assert.match(r, /LCG-9/, said);
      assert.match(r, /few minutes|几分钟/, said);
    }
    const jacket = order({ orderId: 'TS-7', status: 'delivered', createdAt: ago(200) });
    const nextDay: FaqEntry = { id: 'nd', question: 'What is the cut-off time for next-day delivery?', answer: 'Order by 2pm with DPD Next Day (£5.95).', alternates: ['Do you do next day delivery?'] };
    for (const q of ['how much is next day delivery', 'if I order a new dress now will it get to Dublin before Christmas?']) {
      assert.doesNotMatch(textOf(await shop({ orders: [jacket] }, [nextDay])(q)), /TS-7/, q);
    }
    assert.match(textOf(await shop({ orders: [jacket] }, [nextDay])('where is my order')), /TS-7/);
  });
  test('a request waiting to be sent back is told the way back the shop\'s returns entry gives, when no entry says how to send it', async () => {
    const sofa = order({ orderId: 'MJ-9', status: 'delivered', items: [{ sku: 'S', title: '北欧科技布沙发 三人位', quantity: 1, price: '6999.00' }], createdAt: ago(200) });
    const request = aftersale({ aftersaleId: 'AS-9', orderId: 'MJ-9', type: 'return', status: 'requested', amount: '6999.00', updatedAt: ago(10) });
    const returns: FaqEntry = { id: 'ret', question: '支持七天无理由退货吗', answer: '非定制商品签收后7天内支持无理由退货，商品需未安装使用、包装完好。无理由退货的物流运费由买家承担，大件按距离计算；质量问题退货运费由我们承担。退货时我们联系物流上门取件。', alternates: ['不喜欢能退吗', '退货运费谁出', '沙发退货要多少运费', '装了还能退吗'] };
    const damaged: FaqEntry = { id: 'dmg', question: '收到货有磕碰破损怎么办', answer: '发现磕碰、划痕或破损，请拍照并在签收后48小时内联系客服，严重的直接换新或退货，来回运费由我们承担。', alternates: ['家具磕坏了怎么办', '到货有划痕怎么办'] };
    const custom: FaqEntry = { id: 'cus', question: '可以定制尺寸吗', answer: '衣柜、床、餐桌支持尺寸定制。定制款15-20个工作日发货，定制商品不支持七天无理由退货。', alternates: ['能按我家尺寸做吗'] };
    const r = textOf(await shop({ orders: [sofa], aftersales: [request] }, [custom, damaged, returns])('我申请的退货怎么样了'));
    assert.match(r, /MJ-9/);
    assert.match(r, /上门取件/);
    assert.doesNotMatch(r, /售后页面的地址/);
  });
  test('"好啦唔使啦" takes a hand-over back in Cantonese, what follows it is the rest', () => {
    assert.equal(withdrawsHandover('好啦唔使啦，我自己等师傅电话'), '我自己等师傅电话');
    assert.equal(withdrawsHandover('好啦唔使啦'), '');
    assert.equal(withdrawsHandover('好啦 我要转人工'), undefined);
  });
  test('"师傅今日会唔会送过嚟" asks after the parcel; "能帮我把旧床垫拉走吗" is no cancel; "walao … also cannot answer" is a complaint', async () => {
    const table = order({ orderId: 'MJ-5', status: 'shipped', items: [{ sku: 'T', title: '意式岩板餐桌 1.4米', quantity: 1, price: '3999.00' }], createdAt: ago(80) });
    const track = logistics({ orderId: 'MJ-5', carrier: '德邦物流', trackingNo: 'DB001', events: [{ time: ago(30), location: '广州', description: '已到达广州天河营业部' }], updatedAt: ago(30) });
    assert.match(textOf(await shop({ orders: [table], logistics: [track] })('师傅今日会唔会送过嚟？')), /DB001|MJ-5/);
    const mattress = order({ orderId: 'MJ-6', status: 'delivered', items: [{ sku: 'M', title: '乳胶床垫 1.8米', quantity: 1, price: '2999.00' }], createdAt: ago(200) });
    const haul = await shop({ orders: [mattress] })('床垫到了能帮我把旧床垫拉走吗');
    assert.doesNotMatch(textOf(haul), /取消/);
    assert.equal((await shop({})('walao why so many question also cannot answer')).handover?.reason, 'complaint');
  });
  test('what the thirty-first session\'s later readings must not take (second review)', async () => {
    const dress = order({ orderId: 'TS-20', status: 'delivered', createdAt: ago(200) });
    const back = aftersale({ aftersaleId: 'AS-20', orderId: 'TS-20', type: 'return', status: 'approved', amount: '45.00', updatedAt: ago(10) });
    const sale: FaqEntry = { id: 'ret', question: 'Can I return an item?', answer: 'Unworn items can be returned within 30 days. Items from the Sale Collection are final sale. For faulty items we arrange a free collection; otherwise post it back at your own cost.', alternates: ['What is your returns policy?'] };
    const r = textOf(await shop({ orders: [dress], aftersales: [back] }, [sale])('whats happening with my return'));
    assert.match(r, /TS-20/);
    assert.doesNotMatch(r, /Sale Collection|faulty items/);
    assert.equal((await shop({})('walao the speaker so nice')).handover, undefined);
    assert.notEqual((await shop({})('买两件会不会送小礼物')).intent, 'delivery_estimate');
    assert.notEqual((await shop({})('i call your hotline but can not reach anyone')).intent, 'track_parcel');
    const paid = order({ orderId: 'BB-30', status: 'paid', createdAt: ago(5) });
    assert.equal((await shop({ orders: [paid] })('我想取消订单，顺便问下旧床垫能拉走吗')).intent, 'cancel_order');
    const old = order({ orderId: 'LCG-80', status: 'completed', createdAt: ago(400) });
    assert.doesNotMatch(textOf(await shop({ orders: [old] })('ive paid now')), /LCG-80/);
    const gift: FaqEntry = { id: 'gift', question: 'Gift cards', answer: 'Gift cards are sold in £10-£100 values and never expire.', alternates: ['Can I return a gift card?'] };
    const returns: FaqEntry = { id: 'r', question: 'What is your returns policy?', answer: 'Returns within 30 days, free.' };
    assert.doesNotMatch(textOf(await shop({}, [gift, returns, { id: 'x', question: 'Do you ship abroad?', answer: 'Yes.' }])('how do i return something i bought')), /Gift cards/);
  });
  test('an entry whose question and answer name other goods is not said as the answer ("纸尿裤有没有保质期" is not the formula\'s dates)', async () => {
    const formula: FaqEntry = { id: 'date', question: '奶粉的生产日期是什么时候', answer: '现货奶粉都是8月以后生产的新鲜日期，保质期2-3年。', alternates: ['保质期多久', '是新鲜日期吗'] };
    const warranty: FaqEntry = { id: 'w', question: '电子产品保修多久？', answer: '电子产品享受 1 年保修。', alternates: ['耳机坏了能修吗', '保修期是多久'] };
    assert.doesNotMatch(textOf(await shop({}, [formula])('纸尿裤有没有保质期')), /新鲜日期/);
    assert.match(textOf(await shop({}, [formula])('奶粉保质期多久')), /新鲜日期/);
    // An alternate's example goods are no limit: a watch's warranty is the electronics entry.
    assert.match(textOf(await shop({}, [warranty])('手表保修期是多久')), /1 年保修/);
  });
  test('"I won\'t be in, can the driver leave it with a neighbour?" is a note for a person; "can change to the 100W one?" is other goods, no address change', async () => {
    const boots = order({ orderId: 'TS-31', status: 'shipped', createdAt: ago(30) });
    const note = await shop({ orders: [boots] })("I won't be in, can the driver leave it with a neighbour?");
    assert.match(textOf(note), /note/i);
    const charger = order({ orderId: 'LCG-32', status: 'paid', items: [{ sku: 'C', title: 'UGREEN Nexode 65W GaN Charger', quantity: 1, price: '59.90' }], createdAt: ago(3) });
    const other = textOf(await shop({ orders: [charger] })('order LCG-32 can change to the 100W one?'));
    assert.match(other, /LCG-32/);
    assert.doesNotMatch(other, /address/i);
  });
  test('how long delivery takes, asked in general with a place or "reach", is the shop\'s own delivery entry, not "did you mean" it', async () => {
    const time: FaqEntry = { id: 'time', question: 'How long does delivery take?', answer: 'Singapore: Ninja Van 1-3 working days. Johor and other West Malaysia states: 4-7 working days.', alternates: ['How many days to receive?', 'When will my parcel reach?'] };
    const pay: FaqEntry = { id: 'pay', question: 'What payment methods do you accept?', answer: 'PayNow and cards.' };
    const hours: FaqEntry = { id: 'hours', question: 'What are your customer service hours?', answer: 'Mon-Sat 10am-7pm.' };
    for (const q of ['how many days usually to johor?', 'ok how long take to reach JB']) {
      assert.match(textOf(await shop({}, [time, pay, hours])(q)), /4-7 working days/, q);
    }
  });
  test('a person declined with a goodbye ("nvm. bye", "no thanks, bye") is told goodbye, not "what else can I help with?"', async () => {
    for (const [bye, said] of [['nvm. bye', /Goodbye/], ['no thanks, bye', /Happy shopping/]] as const) {
      const say = shop({});
      assert.match(textOf(await say('what colours does the watch come in')), /human agent\?/);
      const r = await say(bye);
      assert.match(textOf(r), said, bye);
      assert.equal(r.handover, undefined);
    }
    const say = shop({});
    await say('what colours does the watch come in');
    assert.match(textOf(await say('no')), /what else/);
  });
  test('open on a day, asked, when the one entry the FAQ was unsure of gives days or hours: that entry, not "did you mean" it', async () => {
    const hours: FaqEntry = { id: 'h', question: 'What are your customer service hours?', answer: 'Our staff answer chats Monday to Saturday, 10am to 7pm. We are closed on Sundays.', alternates: ['When are your agents online?'] };
    const pay: FaqEntry = { id: 'p', question: 'What payment methods do you accept?', answer: 'PayNow and cards.' };
    assert.match(textOf(await shop({}, [hours, pay])('u guys open on sunday?')), /closed on Sundays/);
    // Not without a day: "are you open" alone, or another question on a Sunday, is left to the FAQ as before.
    assert.doesNotMatch(textOf(await shop({}, [hours, pay])('can i pay on sunday?')), /closed on Sundays/);
  });
});

describe('outside shops and the noticed items (thirty-second session)', () => {
  const { shop } = session27;
  test('a gift sent without its price ("can you not include the receipt?") is a note for a person, not the invoice entry', async () => {
    const invoice: FaqEntry = { id: 'inv', question: 'Can I get a tax invoice?', answer: 'After you confirm receipt, request an invoice on the order page.' };
    const gift: FaqEntry = { id: 'gift', question: '可以礼品包装吗？', answer: '可以，下单时选择礼盒包装，包裹里不放价格单。' };
    for (const q of ["it's a gift, can you not include the receipt?", 'no receipt in the box please']) {
      const r = textOf(await shop({}, [invoice])(q));
      assert.match(r, /note it for you/, q);
      assert.doesNotMatch(r, /request an invoice/, q);
    }
    assert.match(textOf(await shop({}, [gift])('是送人的，能不放小票吗')), /不放价格单[\s\S]*备注/);
    // Asking for an invoice, or one that was left out, is still the invoice.
    assert.match(textOf(await shop({}, [invoice])('can I get a tax invoice please')), /request an invoice/);
  });
  test('paid and still shown unpaid, the payment said after the status, goes to a person (two shops: the unpaid status again)', async () => {
    const unpaid = order({ orderId: 'UP-1', status: 'pending_payment', createdAt: session27.ago(3) });
    for (const q of ['wait it still says unpaid on my end but i paid', 'my karipap order still show unpaid but i already bank in, how ah', '还显示未付款 我明明付了']) {
      assert.equal((await shop({ orders: [unpaid] })(q)).handover?.reason, 'requested', q);
    }
    // Not paid yet, said so: the order's state, no person.
    assert.equal((await shop({ orders: [unpaid] })('it still says unpaid because i have not paid yet')).handover, undefined);
  });
  test('evidence offered ("i can send pics", "照片我有拍，要发去哪里", "拍照发哪 就发这吗") goes to a person', async () => {
    for (const q of ['i can send pics', 'i have photos of the box from the driver, can i send them', '照片我有拍，要发去哪里', '拍照发哪 就发这吗']) {
      assert.equal((await shop({})(q)).handover?.reason, 'requested', q);
    }
    assert.equal((await shop({})('can you send photos of the product')).handover, undefined);
  });
  test('goods sent again, asked outright of the order talked about, is a person\'s ("能给我重新发一个不", "i prefer resend", "can u just send new pots")', async () => {
    const pots = order({ orderId: 'PT-1', status: 'shipped', items: [{ sku: 'P', title: 'Glazed ceramic pot 6"', quantity: 1, price: '24.00' }], createdAt: session27.ago(70) });
    const stuck = logistics({ orderId: 'PT-1', status: 'exception', trackingNo: 'PUR1', events: [{ time: session27.ago(20), location: 'Toronto', description: 'Damaged in transit, held at terminal' }], updatedAt: session27.ago(20) });
    for (const [first, again] of [['whats going on with my order', 'u all will resend or refund? i prefer resend'], ['yo whats going on with my pots order', 'can u just send new pots'], ['PT-1 到哪了', '能给我重新发一个不']]) {
      const say = shop({ orders: [pots], logistics: [stuck] });
      await say(first!);
      assert.equal((await say(again!)).handover?.reason, 'requested', again);
    }
    // A code or a link sent again is no goods.
    const say = shop({ orders: [pots], logistics: [stuck] });
    await say('whats going on with my order');
    assert.equal((await say('can you resend the tracking link')).handover, undefined);
  });
  test('"喂", "有人没" are hellos; "宝宝喂奶粉几次" is none', async () => {
    for (const q of ['喂', '喂？', '有人没']) assert.equal((await shop({})(q)).intent, 'greeting', q);
    assert.notEqual((await shop({})('宝宝喂奶粉几次')).intent, 'greeting');
  });
  test('"ok. then my … order when ship?" to "shall I get a person?" asks of the order, no hand-over', async () => {
    const refunded = aftersale({ aftersaleId: 'AS-1', orderId: 'PR-1', status: 'refunded', updatedAt: session27.ago(60) });
    const prawns = order({ orderId: 'PR-1', status: 'cancelled', createdAt: session27.ago(120) });
    const kuih = order({ orderId: 'KB-2', status: 'paid', items: [{ sku: 'K', title: 'Kuih Bahulu (dry) 300g', quantity: 1, price: '30.00' }], createdAt: session27.ago(20) });
    const say = shop({ orders: [prawns, kuih], aftersales: [refunded] });
    await say('my prawn order cancelled, the money refund already or not?');
    assert.match(textOf(await say('but i check my bank still havent see leh')), /human agent/);
    const r = await say('ok. then my bahulu order when ship?');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /KB-2/);
  });
  test('leaving to do it oneself ("no its fine ill check later", "要得 那我先下单了") is a goodbye, not the parcel or an entry', async () => {
    for (const q of ['no its fine ill check later', '要得 那我先下单了', 'ok 那我换个号问']) assert.equal((await shop({})(q)).intent, 'bye', q);
  });
  test('an English sentence with a semicolon is said whole: "everything else ships within 2 business days" is not said of nothing', async () => {
    const ship: FaqEntry = { id: 's', question: 'How soon do you ship after payment?', answer: 'Orders paid before noon on a weekday go out the same day; everything else ships within 2 business days. Live plants only ship Monday to Wednesday.' };
    const unpaid = order({ orderId: 'GN-1', status: 'pending_payment', createdAt: session27.ago(3) });
    const r = textOf(await shop({ orders: [unpaid] }, [ship])('where is my parcel'));
    assert.match(r, /Orders paid before noon on a weekday go out the same day; everything else ships within 2 business days\./);
  });
  test('a parcel is told its own region\'s clause and time, in Chinese and English, and not a remark on another courier\'s goods', async () => {
    const zh: FaqEntry = { id: 'd', question: '几天能收到？', answer: '巴生谷（吉隆坡、雪兰莪）：我们自己的冷链车次日送达。西马其他州属（槟城、柔佛、霹雳等）：快递，保温箱加冰袋，1-2个工作日。东马（沙巴、砂拉越、纳闽）只寄干货，Pos Laju 5-7个工作日。' };
    const en: FaqEntry = { id: 'e', question: 'How long does delivery take?', answer: 'Klang Valley (Kuala Lumpur and Selangor): our own van delivers the next day, in the slot you choose (10am-1pm, 2pm-5pm or 6pm-9pm), Monday to Saturday. Other West Malaysia states (Penang, Johor, Perak and the rest): courier in an insulated box with ice packs, 1-2 working days. Sabah, Sarawak and Labuan: dry groceries only, by Pos Laju, 5-7 working days.' };
    const penang = order({ orderId: 'FK-1', status: 'shipped', receiver: { name: 'Tan', phone: '+60 16-422 8899', address: '21, Lorong Kulit 3, 10460 George Town, Pulau Pinang' }, createdAt: session27.ago(50) });
    const track = logistics({ orderId: 'FK-1', carrier: 'J&T Express', trackingNo: 'JT1', events: [{ time: session27.ago(20), location: 'George Town', description: 'Arrived at J&T George Town station' }], updatedAt: session27.ago(20) });
    const zhSaid = textOf(await shop({ orders: [penang], logistics: [track] }, [zh])('我的货几时送到？'));
    assert.match(zhSaid, /西马其他州属（槟城、柔佛、霹雳等）：快递，保温箱加冰袋，1-2个工作日/);
    assert.doesNotMatch(zhSaid, /冷链车|沙巴/);
    const enSaid = textOf(await shop({ orders: [penang], logistics: [track] }, [en])('when will my order arrive'));
    assert.match(enSaid, /Other West Malaysia states \(Penang, Johor, Perak and the rest\): courier in an insulated box with ice packs, 1-2 working days\./);
    assert.doesNotMatch(enSaid, /6pm-9pm|Sabah/);
    const music: FaqEntry = { id: 'm', question: '几天能收到？', answer: '吉他、尤克里里、小提琴和配件发顺丰快递：江浙沪2-3天，其他地区2-4天，新疆、西藏5-7天。数码钢琴等大件走德邦物流，全国3-7天，到了当地物流会先打电话和您预约送货时间。' };
    const guitar = order({ orderId: 'MU-1', status: 'shipped', receiver: { name: '李', phone: '13800001111', address: '浙江省杭州市萧山区宁围街道 8 号' }, createdAt: session27.ago(50) });
    const sf = logistics({ orderId: 'MU-1', carrier: '顺丰速运', trackingNo: 'SF1', events: [{ time: session27.ago(10), location: '杭州', description: '快件已到达【杭州萧山中转场】' }], updatedAt: session27.ago(10) });
    const said = textOf(await shop({ orders: [guitar], logistics: [sf] }, [music])('大概好久能到杭州'));
    assert.match(said, /江浙沪2-3天/);
    assert.doesNotMatch(said, /打电话|德邦/);
    // Found in review: not past "其他地区" to another region's time; a caveat after it is everyone's.
    const other: FaqEntry = { id: 'o', question: '几天能收到？', answer: '江浙沪：顺丰，次日达，其他地区：中通，3-5天送达。新疆、西藏：邮政，7-10天。' };
    const zj = textOf(await shop({ orders: [guitar], logistics: [sf] }, [other])('大概好久能到杭州'));
    assert.match(zj, /江浙沪：顺丰，次日达/);
    assert.doesNotMatch(zj, /3-5天/);
    const caveat: FaqEntry = { id: 'c', question: '几天能收到？', answer: '江浙沪2-3天送达，其他地区3-5天，遇节假日和恶劣天气顺延。新疆、西藏7-10天。' };
    const xinjiang = order({ orderId: 'XJ-1', status: 'shipped', receiver: { name: '王', phone: '13800002222', address: '新疆乌鲁木齐市天山区 1 号' }, createdAt: session27.ago(50) });
    const xjTrack = logistics({ orderId: 'XJ-1', events: [{ time: session27.ago(10), location: '乌鲁木齐', description: '快件已到达乌鲁木齐' }], updatedAt: session27.ago(10) });
    assert.match(textOf(await shop({ orders: [xinjiang], logistics: [xjTrack] }, [caveat])('我的快递几天能到')), /遇节假日和恶劣天气顺延.*新疆、西藏7-10天/);
  });
  test('"钱扣了没", "was i charged?" of an order cancelled unpaid: nothing was charged, no hand-over; the deadline asked is payBy', async () => {
    const cancelled = order({ orderId: 'AP-21', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', createdAt: session27.ago(70) });
    const unpaid = order({ orderId: 'AP-33', status: 'pending_payment', payBy: session27.ago(-10), createdAt: session27.ago(14) });
    for (const [why, charged, said] of [['我的单子咋被取消了', '钱扣了没', /没有付款，不会扣款/], ['why was my order cancelled', 'was i charged?', /nothing was charged/]] as const) {
      const say = shop({ orders: [cancelled] });
      await say(why);
      const r = await say(charged);
      assert.equal(r.handover, undefined, charged);
      assert.match(textOf(r), said);
    }
    // The money said gone is still a person's.
    const say = shop({ orders: [cancelled] });
    await say('我的单子咋被取消了');
    assert.equal((await say('钱都扣了')).handover?.reason, 'requested');
    for (const q of ['那个单子付款截止到几点', '最晚几点付款']) assert.match(textOf(await shop({ orders: [unpaid] })(q)), /AP-33 还未付款，请在 .+ 前付款/, q);
  });
  test('a payment declined took nothing, asked mid-message too (forty-fifth session: the card alone)', async () => {
    const declined = order({ orderId: 'GL-88', status: 'cancelled', currency: 'USD', cancelReason: 'Klarna payment was declined', createdAt: session27.ago(70) });
    const say = shop({ orders: [declined] });
    await say('hi why did my order get cancelled??');
    assert.match(textOf(await say('omg klarna is so annoying. so was i charged anything?? my bank app shows a pending $13')), /GL-88[\s\S]*nothing was charged/);
    const zh = order({ orderId: 'GL-89', status: 'cancelled', cancelReason: '支付失败，订单关闭', createdAt: session27.ago(70) });
    const sayZh = shop({ orders: [zh] });
    await sayZh('我的单子咋被取消了');
    assert.match(textOf(await sayZh('钱扣了没')), /没有付款，不会扣款/);
  });
  test('a question that leans to a goodbye is still a question ("u all got sell ikan patin?" was "You\'re welcome!")', async () => {
    assert.doesNotMatch(textOf(await shop({})('u all got sell ikan patin?')), /welcome/i);
  });
  test('a buyer with no order asking before buying ("i havent order yet la", "where r u guys located, can i pick up") is not told "no orders"', async () => {
    for (const q of ['i havent order yet la, just asking. the musang king is real MSK or not?', 'where r u guys located, can i pick up']) {
      assert.doesNotMatch(textOf(await shop({ orders: [] })(q)), /can't find any orders/, q);
    }
    // Their own order said politely is still theirs ("不是催哈，就是问问…": found in the corpus).
    const mine = order({ orderId: 'JA-1', status: 'paid', createdAt: session27.ago(72) });
    assert.match(textOf(await shop({ orders: [mine] })('where is my parcel, just asking')), /JA-1/);
    assert.match(textOf(await shop({ orders: [mine] })('不是催你们哈，就是问问，付完款都三天了怎么还是显示待发货')), /JA-1/);
  });
  test('a pickup code forgotten: the parcel waiting at the locker, not the other one, and where the code is', async () => {
    const guitar = order({ orderId: 'EG-1', status: 'shipped', createdAt: session27.ago(70) });
    const capo = order({ orderId: 'CP-2', status: 'delivered', createdAt: session27.ago(200) });
    const out = logistics({ orderId: 'EG-1', status: 'out_for_delivery', trackingNo: 'SF11', events: [{ time: session27.ago(2), location: '武汉', description: '快件交给快递员，正在派送途中' }], updatedAt: session27.ago(2) });
    const locker = logistics({ orderId: 'CP-2', status: 'delivered', trackingNo: 'SF22', events: [{ time: session27.ago(120), location: '武汉', description: '已存入丰巢智能柜，请凭取件码取件' }], updatedAt: session27.ago(120) });
    const r = textOf(await shop({ orders: [guitar, capo], logistics: [out, locker] })('丰巢取件码忘了咋办'));
    assert.match(r, /CP-2/);
    assert.doesNotMatch(r, /EG-1/);
    assert.match(r, /短信/);
    assert.match(textOf(await shop({ orders: [capo], logistics: [locker] })('i forgot the pickup code')), /text message/);
  });
  test('a rejected return says no amount "to be confirmed"; "did my tulips ship yet" is told the ship-by day; "几时会进我的户口" is the refund', async () => {
    const rejected = aftersale({ aftersaleId: 'AS-9', orderId: 'GN-9', type: 'return', status: 'rejected', amount: undefined, reason: 'Live plants cannot be returned.' });
    const fig = order({ orderId: 'GN-9', status: 'delivered', createdAt: session27.ago(300) });
    const r = textOf(await shop({ orders: [fig], aftersales: [rejected] })('why was my return rejected?'));
    assert.match(r, /rejected/);
    assert.doesNotMatch(r, /amount to be confirmed/);
    const tulips = order({ orderId: 'GN-8', status: 'paid', shipBy: session27.ago(-48), createdAt: session27.ago(20) });
    assert.match(textOf(await shop({ orders: [tulips] })('yo did my tulips ship yet')), /due to be sent out by/);
    const approved = aftersale({ aftersaleId: 'AS-8', orderId: 'DU-1', status: 'approved' });
    const durian = order({ orderId: 'DU-1', status: 'delivered', createdAt: session27.ago(300) });
    const parcel = logistics({ orderId: 'DU-1', status: 'delivered', trackingNo: 'JT8', events: [{ time: session27.ago(200), location: 'George Town', description: 'Delivered' }], updatedAt: session27.ago(200) });
    assert.match(textOf(await shop({ orders: [durian], logistics: [parcel], aftersales: [approved] })('几时会进我的户口？')), /退款申请/);
  });
  test('whether goods named after their parcel is normal, smells or fits is a question of the goods, not their parcel again', async () => {
    const shoes = order({ orderId: 'SH-1', status: 'shipped', items: [{ sku: 'S', title: '李宁 超轻跑步鞋 42码', quantity: 1, price: '369.00' }], createdAt: session27.ago(50) });
    const say = shop({ orders: [shoes], logistics: [logistics({ orderId: 'SH-1' })] });
    assert.match(textOf(await say('我的鞋子到哪了')), /ZTSH-1/);
    assert.doesNotMatch(textOf(await say('鞋子有异味正常不')), /ZTSH-1/);
  });
  test('a place named after a parcel\'s answer: its region\'s clauses said once, not the whole entry before them', async () => {
    const entry: FaqEntry = { id: 'd', question: '几天能收到', answer: '默认发中通，加5元可改顺丰。北京同城次日达，其他地区2-4天，新疆、西藏5-7天。', alternates: ['快递几天到', '多久能到货', '发什么快递', '能发顺丰吗'] };
    const mats = order({ orderId: 'AP-17', status: 'shipped', receiver: { name: '李', phone: '13800004444', address: '河北省石家庄市长安区 9 号' }, createdAt: session27.ago(50) });
    const sf = logistics({ orderId: 'AP-17', carrier: '顺丰速运', trackingNo: 'SF17', events: [{ time: session27.ago(10), location: '石家庄市', description: '快件到达【石家庄转运中心】' }], updatedAt: session27.ago(10) });
    const say = shop({ orders: [mats], logistics: [sf] }, [entry]);
    await say('我脚垫到哪了');
    const r = textOf(await say('啥时候能到石家庄'));
    assert.match(r, /其他地区2-4天/);
    assert.doesNotMatch(r, /默认发中通|新疆/);
  });
  test('the shop\'s word on weekends is said with its sending times (two shops: "4点前付款当天发出" alone, read on a Sunday)', async () => {
    const ship: FaqEntry = { id: 's', question: '付款后多久发货', answer: '工作日下午4点前付款的订单当天发出，4点后付款的次日发出；周六、日付款的订单顺延至下一个工作日发出。默认发顺丰快递，不支持指定其他快递。' };
    const paid = order({ orderId: 'RF-2', status: 'paid', createdAt: session27.ago(20) });
    const r = textOf(await shop({ orders: [paid] }, [ship])('那明天一定能发吗 急用'));
    assert.match(r, /周六、日付款的订单顺延至下一个工作日发出/);
    assert.doesNotMatch(r, /默认发顺丰/);
  });
  test('why an order was cancelled, asked after it ("oppo那个也取消了 为啥"), is told its reason', async () => {
    const a = order({ orderId: 'OP-1', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', items: [{ sku: 'O', title: 'OPPO Find X6 12+256G 99新', quantity: 1, price: '2899.00' }], createdAt: session27.ago(70) });
    const b = order({ orderId: 'IP-2', status: 'cancelled', cancelReason: '缺货，商家取消', items: [{ sku: 'I', title: 'iPhone 15 128G 99新', quantity: 1, price: '4399.00' }], createdAt: session27.ago(60) });
    assert.match(textOf(await shop({ orders: [a, b] })('oppo那个也取消了 为啥')), /超时未支付/);
  });
  test('Cantonese: "好啦，等多陣" to "shall I get a person?" waits; "算啦唔使轉人工喇" takes a hand-over back', async () => {
    const say = shop({});
    assert.match(textOf(await say('这款手表有几个颜色')), /转接人工客服吗/);
    assert.equal((await say('好啦，等多陣')).handover, undefined);
    for (const t of ['算啦唔使轉人工喇', '算啦，唔使轉人工喇']) assert.equal(withdrawsHandover(t), '', t);
  });
  test('Irish buyers: a reaction to a cream is told to stop and queued ahead; "ah no its grand, ill check…" declines a person; "go raibh maith agat" thanks', async () => {
    for (const q of ['my face went all red and itchy after the retinal cream, what should i do', 'i used the retinal night cream and now my skin is burning and swollen']) {
      const r = await shop({})(q);
      assert.equal(r.handover?.reason, 'complaint', q);
      assert.match(textOf(r), /stop using it/i, q);
    }
    assert.equal((await shop({})('after the cream my skin is so soft')).handover, undefined);
    for (const no of ['ah no its grand, ill check with the neighbours first', 'no leave it, ill give it till monday']) {
      const say = shop({});
      await say('what colours does the watch come in');
      const r = await say(no);
      assert.equal(r.handover, undefined, no);
      assert.doesNotMatch(textOf(r), /not sure|didn't quite get/, no);
    }
    assert.equal((await shop({})('go raibh maith agat')).intent, 'bye');
    assert.equal((await shop({})('要得 晓得了')).intent, 'bye');
  });
  test('the courier\'s phone asked: the parcel out for delivery, whose tracking has it, or that it shows once it is; "nvm. <question>" is the question', async () => {
    const box = order({ orderId: 'CQ-60', status: 'delivered', createdAt: session27.ago(200) });
    const base = order({ orderId: 'CQ-70', status: 'shipped', createdAt: session27.ago(40) });
    const done = logistics({ orderId: 'CQ-60', status: 'delivered', trackingNo: 'SF60', events: [{ time: session27.ago(150), location: '重庆', description: '快件已签收' }], updatedAt: session27.ago(150) });
    const out = logistics({ orderId: 'CQ-70', status: 'out_for_delivery', trackingNo: 'SF70', events: [{ time: session27.ago(2), location: '重庆', description: '快递员正在派件，电话 13912341234' }], updatedAt: session27.ago(2) });
    const say = shop({ orders: [box, base], logistics: [done, out] });
    await say('礼盒那单到哪了');
    assert.match(textOf(await say('快递员电话好多')), /13912341234/);
    const moving = order({ orderId: 'AP-17', status: 'shipped', createdAt: session27.ago(50) });
    const one = shop({ orders: [moving], logistics: [logistics({ orderId: 'AP-17' })] });
    await one('我的快递到哪了');
    assert.match(textOf(await one('快递员电话多少')), /派送时才会出现在物流信息里/);
    assert.notEqual((await shop({})('nvm. do u guys sell the beef jerky in non spicy')).intent, 'bye');
  });
  test('"好 thank you", "ok byebye" in a Chinese conversation are answered in Chinese (a Hong Kong shop: in English)', async () => {
    for (const bye of ['好 thank you', 'ok byebye']) {
      const say = shop({});
      await say('你们几点下班');
      assert.match(textOf(await say(bye)), /[\u4e00-\u9fff]/, bye);
    }
  });
  test('Dublin: An Post is a courier of its own; "ye are a joke…" is a complaint; "so was i charged for that one?" is asked', async () => {
    const entry: FaqEntry = { id: 'd', question: 'How long does delivery take?', answer: 'Within the Republic of Ireland, An Post delivers in 1-2 working days. To England, Scotland and Wales, DPD delivers in 2-4 working days.' };
    const set = order({ orderId: 'GL-1', status: 'shipped', createdAt: session27.ago(50) });
    const post = logistics({ orderId: 'GL-1', carrier: 'An Post', trackingNo: 'CE1IE', events: [{ time: session27.ago(20), location: 'Cork Mail Centre', description: 'Item arrived at Cork Mail Centre' }], updatedAt: session27.ago(20) });
    const r = textOf(await shop({ orders: [set], logistics: [post] }, [entry])('when will it arrive'));
    assert.match(r, /An Post delivers in 1-2 working days/);
    assert.doesNotMatch(r, /DPD/);
    assert.equal((await shop({})('ye are a joke, cancelling my order after taking my money')).intent, 'complaint');
    const cancelled = order({ orderId: 'GL-2', status: 'cancelled', cancelReason: 'Unpaid order closed automatically', createdAt: session27.ago(80) });
    const say = shop({ orders: [cancelled] });
    await say('why was my order cancelled');
    assert.match(textOf(await say('so was i charged for that one?')), /nothing was charged/);
  });
  test('slow to send, against others who send the same day ("怎么这么慢啊 别家都是当天发"), is the order not sent yet, not a list or an entry', async () => {
    const unpaid = order({ orderId: 'SL-1', status: 'pending_payment', createdAt: session27.ago(2) });
    const paid = order({ orderId: 'SL-2', status: 'paid', createdAt: session27.ago(30) });
    const refund: FaqEntry = { id: 'r', question: '退款多久到账？', answer: '退款审核通过后 1-3 个工作日原路退回。' };
    for (const q of ['怎么这么慢啊 别家都是当天发', '发货太慢了吧']) {
      const r = textOf(await shop({ orders: [unpaid, paid] }, [refund])(q));
      assert.match(r, /SL-2/, q);
      assert.doesNotMatch(r, /SL-1|退款/, q);
    }
  });
});

describe("what the thirty-second session's readings must not take (review)", () => {
  const { ago, shop } = session27;
  test('not paid yet is no "paid and still shown unpaid"; the payment said in other words still is', async () => {
    const unpaid = order({ orderId: 'UP-1', status: 'pending_payment', payBy: ago(-10), createdAt: ago(3) });
    for (const q of ['我还没付款，现在付了今天能发货吗', '订单还是待付款，付款了能马上发吗']) assert.equal((await shop({ orders: [unpaid] })(q)).handover, undefined, q);
    for (const q of ['still show unpaid but i transfer already', 'it shows unpaid but i made payment this morning']) assert.equal((await shop({ orders: [unpaid] })(q)).handover?.reason, 'requested', q);
  });
  test('a yes with the parcel it was offered for is still a yes; the payment deadline is not the day\'s cut-off', async () => {
    const late = order({ orderId: 'LT-1', status: 'shipped', createdAt: ago(200) });
    const stuck = logistics({ orderId: 'LT-1', events: [{ time: ago(150), location: '杭州', description: '快件已揽收' }], updatedAt: ago(150) });
    for (const yes of ['yes please, when will my parcel come?', '好的，我的快递什么时候能到？']) {
      const say = shop({ orders: [late], logistics: [stuck] });
      await say(yes.startsWith('yes') ? 'where is my parcel' : '我的快递到哪了');
      assert.equal((await say(yes)).handover?.reason, 'requested', yes);
    }
    const cutOff: FaqEntry = { id: 'c', question: '几点前付款当天发货？', answer: '每天下午4点前付款的订单当天发货，4点后付款的次日发出。' };
    const unpaid = order({ orderId: 'AP-33', status: 'pending_payment', payBy: ago(-10), createdAt: ago(14) });
    assert.match(textOf(await shop({ orders: [unpaid] }, [cutOff])('最晚几点付款能当天发货？')), /下午4点前/);
  });
  test('a message, a video or a photo sent again is no goods sent again; photos for made-to-order work are no evidence', async () => {
    const o = order({ orderId: 'RS-1', status: 'shipped', createdAt: ago(30) });
    for (const q of ['你刚才说的能重新发一遍吗', '可以重新发一下安装视频吗', 'can you resend the photo you sent just now']) {
      const say = shop({ orders: [o], logistics: [logistics({ orderId: 'RS-1' })] });
      await say('where is my parcel');
      assert.equal((await say(q)).handover, undefined, q);
    }
    for (const q of ['照片我有拍，要发去哪里定制', 'i can send photos of my cat for the portrait, how does it work?']) assert.equal((await shop({})(q)).handover, undefined, q);
  });
  test('"if i send it back…" is the buyer\'s return; "另一个快递怎么还没到驿站" is not the parcel at the station', async () => {
    const ret = aftersale({ aftersaleId: 'RT', orderId: 'RT-1', type: 'return', status: 'approved' });
    const o = order({ orderId: 'RT-1', status: 'delivered', createdAt: ago(200) });
    assert.match(textOf(await shop({ orders: [o], aftersales: [ret] })('if i send it back today, when will the refund come?')), /RT-1/);
    const guitar = order({ orderId: 'EG-1', status: 'shipped', createdAt: ago(70) });
    const capo = order({ orderId: 'CP-2', status: 'delivered', createdAt: ago(200) });
    const onWay = logistics({ orderId: 'EG-1', trackingNo: 'SF11' });
    const atStation = logistics({ orderId: 'CP-2', status: 'delivered', trackingNo: 'SF22', events: [{ time: ago(120), location: '武汉', description: '已到达菜鸟驿站，请凭取件码取件' }], updatedAt: ago(120) });
    assert.doesNotMatch(textOf(await shop({ orders: [guitar, capo], logistics: [onWay, atStation] })('另一个快递怎么还没到驿站')), /已到自提点/);
  });
  test('"钱扣了没" of an order cancelled for no reason given promises no refund; "did i get charged?" is asked too', async () => {
    const cancelled = order({ orderId: 'CX-1', status: 'cancelled', createdAt: ago(70) });
    const say = shop({ orders: [cancelled] });
    await say('我的单子咋被取消了');
    const r = await say('钱扣了没');
    assert.doesNotMatch(textOf(r), /原路退回/);
    const unpaidCancel = order({ orderId: 'AP-21', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', createdAt: ago(70) });
    const en = shop({ orders: [unpaidCancel] });
    await en('why was my order cancelled');
    assert.match(textOf(await en('did i get charged?')), /nothing was charged/);
  });
  test('芙蓉 (Changsha) is no Malaysia; a missing invoice is no "leave it out"; 礼拜 is no gift; 有人没 with a question is the question', async () => {
    const entry: FaqEntry = { id: 'cs', question: '几天能收到？', answer: '长沙市内（芙蓉、天心、岳麓、开福、雨花区）当天送达，湖南省内次日达，其他地区2-3天。' };
    const cs = order({ orderId: 'CS-1', status: 'shipped', receiver: { name: '刘', phone: '13800003333', address: '湖南省长沙市岳麓区麓山路 1 号' }, createdAt: ago(20) });
    assert.match(textOf(await shop({ orders: [cs], logistics: [logistics({ orderId: 'CS-1' })] }, [entry])('我的快递几天能到')), /当天送达/);
    assert.doesNotMatch(textOf(await shop({})('there was no invoice in the box, can you email me one?')), /note it for you/);
    assert.match(textOf(await shop({})("it's a gift, can you leave out the receipt?")), /note it for you/);
    const sunday: FaqEntry = { id: 'sun', question: '礼拜天发货吗？', answer: '礼拜天仓库休息不发货。' };
    assert.doesNotMatch(textOf(await shop({}, [sunday])('可以让快递放门卫吗，礼拜天家里没人')), /仓库休息/);
    const paid = order({ orderId: 'YM-1', status: 'paid', createdAt: ago(5) });
    assert.match(textOf(await shop({ orders: [paid] })('有人没 问下什么时候发货')), /YM-1/);
  });
  test('"那我先下单 可以发顺丰不" asks; "发货这么慢 不想要了 怎么退款" is no push to send; a pickup code not found in other words', async () => {
    const sf: FaqEntry = { id: 'sf', question: '发什么快递？可以发顺丰吗？', answer: '默认中通，加5元发顺丰。' };
    assert.notEqual((await shop({}, [sf])('那我先下单 可以发顺丰不')).intent, 'bye');
    const paid = order({ orderId: 'SL-2', status: 'paid', createdAt: ago(30) });
    assert.doesNotMatch(textOf(await shop({ orders: [paid] })('发货这么慢 不想要了 怎么退款')), /催/);
    const capo = order({ orderId: 'CP-2', status: 'delivered', createdAt: ago(200) });
    const locker = logistics({ orderId: 'CP-2', status: 'delivered', trackingNo: 'SF22', events: [{ time: ago(120), location: '武汉', description: '已存入丰巢智能柜，请凭取件码取件' }], updatedAt: ago(120) });
    for (const q of ["i can't find the pickup code", '取貨碼忘記了怎麼辦', '我唔記得咗個取件碼']) assert.match(textOf(await shop({ orders: [capo], logistics: [locker] })(q)), /text message|短信|簡訊/, q);
  });
});

describe("what the thirty-second session's later readings must not take (second review)", () => {
  const { ago, shop } = session27;
  test('the courier\'s phone: not with "shown delivered, not received", not the courier having called or not answering', async () => {
    const shoes = order({ orderId: 'DL-1', status: 'delivered', createdAt: ago(100) });
    const other = order({ orderId: 'DL-2', status: 'shipped', createdAt: ago(20) });
    const done = logistics({ orderId: 'DL-1', status: 'delivered', trackingNo: 'SF111', events: [{ time: ago(20), location: '重庆', description: '快件已签收' }], updatedAt: ago(20) });
    const out = logistics({ orderId: 'DL-2', status: 'out_for_delivery', trackingNo: 'SF222', events: [{ time: ago(1), location: '重庆', description: '派送中，电话 13900000000' }], updatedAt: ago(1) });
    const say = shop({ orders: [shoes, other], logistics: [done, out] });
    await say('运动鞋到哪了');
    assert.doesNotMatch(textOf(await say('显示签收了但我没收到 快递员电话多少')), /SF222/);
    const moving = order({ orderId: 'AP-17', status: 'shipped', createdAt: ago(50) });
    for (const q of ['快递员电话说今天送不了，改明天', '快递员电话打了好几次都没人接']) assert.doesNotMatch(textOf(await shop({ orders: [moving], logistics: [logistics({ orderId: 'AP-17' })] })(q)), /派送时才会出现/, q);
  });
  test('a cancel asked for is no "why was it cancelled"; Cantonese venting stays queued; a colour meant is no reaction; "oh no" declines nothing', async () => {
    const shipped = order({ orderId: 'JK-9', status: 'shipped', createdAt: ago(30) });
    const old = order({ orderId: 'OLD-1', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', createdAt: ago(900) });
    for (const q of ['我申请取消了 为什么还发货了', '点了取消，为什么没反应']) assert.doesNotMatch(textOf(await shop({ orders: [shipped, old] })(q)), /OLD-1/, q);
    for (const q of ['算啦，等咗成個鐘都冇人理', '唔使人工審核咩']) assert.equal(withdrawsHandover(q), undefined, q);
    assert.equal((await shop({})('i tried the tinted lip balm and my lips are so red, the colour is gorgeous')).handover, undefined);
    assert.equal((await shop({})('since the retinol serum my face is burning and red')).handover?.reason, 'complaint');
    const say = shop({});
    await say('what colours does the watch come in');
    assert.doesNotMatch(textOf(await say('oh no, let me know asap please its a birthday present')), /what else can I help/);
  });
});

describe('the thirty-third session', () => {
  const brush = order({ orderId: 'SO-BRUSH-1', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'B1', title: '米家声波电动牙刷 T300 白色', quantity: 1, price: '99.00' }] });
  const nuts = order({ orderId: 'SO-NUTS-2', createdAt: '2024-11-25T10:00:00+08:00', items: [{ sku: 'N1', title: '三只松鼠 每日坚果混合果仁 750g', quantity: 1, price: '89.00' }] });
  const jacket = order({ orderId: 'SO-JACKET-3', status: 'delivered', createdAt: '2024-11-20T10:00:00+08:00' });
  const data: FakeData = {
    orders: [brush, nuts, jacket],
    logistics: [logistics({ orderId: brush.orderId }), logistics({ orderId: nuts.orderId }), logistics({ orderId: jacket.orderId, status: 'delivered' })],
  };
  test('"两个都查" after a list of two answers those two, not a delivered third the list left out (the README\'s example)', async () => {
    for (const [ask, all] of [['我的快递到哪了', '两个都查'], ['where is my package', 'check them both']] as const) {
      const say = conversation(robotWith(data));
      assert.equal((await say(ask)).replies[0]!.card?.kind, 'choice', ask);
      const ids = textOf(await say(all)).match(/SO-[A-Z]+-\d/g);
      assert.deepEqual([...new Set(ids)], [brush.orderId, nuts.orderId], all);
    }
  });

  test('a Taiwanese shop answers a first Chinese message after English ones in its own script', async () => {
    const faq = new FaqIndexProvider();
    faq.setEntries('shop_tw', [{ id: 'pay', question: '有哪些付款方式？', answer: '信用卡、ATM 轉帳。' }], 1, { timeZone: 'Asia/Taipei' });
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq, clock: () => NOW }), 'tw', 'shop_tw');
    await say('hello, can I pay by credit card');
    const r = textOf(await say('早安'));
    assert.match(r, /店鋪/);
    assert.doesNotMatch(r, /店铺|发货/);
  });

  test('evidence said to be at hand goes to a person; "hows it goin" is a hello; "yeah nah" is a no', async () => {
    const { shop } = session27;
    for (const q of ['ive got photos of the snapped bracket', '要拍照嗎？我拍好了', '我拍了照片']) assert.equal((await shop({})(q)).intent, 'human', q);
    // A platform's stand-in for a picture beside the words is the picture shown (found from outside: "[图片]" read as a word).
    for (const q of ['收到的鞋子开胶了 [图片]', 'the box was crushed [Photo]', '【视频】']) assert.equal((await shop({})(q)).intent, 'human', q);
    const shipped = { orders: [order({ orderId: 'OZ-8', status: 'shipped' })], logistics: [logistics({ orderId: 'OZ-8', status: 'in_transit' })] };
    assert.equal((await shop(shipped)('[图片] 我的快递到哪了')).intent, 'track_parcel', 'beside a question about the buyer\'s own parcel it is answered');
    const sticker = await shop({})('[表情]');
    assert.notEqual(sticker.intent, 'human');
    assert.notEqual(sticker.intent, 'unknown', 'a sticker is no message the robot did not understand');
    // Taobao's 拍 is to order: "先拍个样 拍了哈" sends no photos; nor do photos to be printed.
    for (const q of ['好滴 先拍个样 拍了哈', 'i have photos of my dog can you print them on a mug']) assert.notEqual((await shop({})(q)).intent, 'human', q);
    for (const q of ['hey hows it goin', 'hows it going']) assert.equal((await shop({})(q)).intent, 'greeting', q);
    assert.equal((await shop({ orders: [order({ orderId: 'OZ-7', status: 'shipped' })] })("how's it going with my order")).intent, 'order_status');
    const say = shop({}, [{ id: 'promo', question: 'Do you have any discount codes or promotions?', answer: '10% off your first order with WELCOME10.' }]);
    await say('any promos on at the moment');
    assert.doesNotMatch(textOf(await say('yeah nah')), /didn't quite get that/);
  });
});

describe('orders and parcels of the thirty-third session\'s shops', () => {
  const { ago, shop } = session27;
  test('why an order named by its goods was cancelled: that order and its reason, not a delivered one', async () => {
    const candles = order({ orderId: 'YW-1', status: 'completed', items: [{ sku: 'C', title: '生日数字蜡烛 金色（10盒/组）', quantity: 1, price: '36.00' }], createdAt: ago(200) });
    const garland = order({ orderId: 'YW-2', status: 'cancelled', cancelReason: '买家申请取消：拍错规格', items: [{ sku: 'G', title: '派对拉花彩带 10米', quantity: 10, price: '8.00' }], createdAt: ago(30) });
    const r = textOf(await shop({ orders: [candles, garland] })('还有拉花那单怎么取消了'));
    assert.match(r, /YW-2/);
    assert.match(r, /拍错规格/);
    assert.doesNotMatch(r, /YW-1/);
    // "怎么取消" is still how to cancel.
    assert.doesNotMatch(textOf(await shop({ orders: [order({ orderId: 'YW-3', status: 'paid' }), garland] })('拉花那单怎么取消')), /拍错规格/);
    const chairs = order({ orderId: 'SC-9', status: 'cancelled', cancelReason: 'Out of stock - colour Olive sold out', currency: 'AUD', items: [{ sku: 'CH', title: 'Low Camp Chair', quantity: 2, price: '119.00' }], createdAt: ago(20) });
    const bag = order({ orderId: 'SC-8', status: 'delivered', currency: 'AUD', items: [{ sku: 'SB', title: 'Sleeping Bag -5C', quantity: 1, price: '159.00' }], createdAt: ago(200) });
    assert.match(textOf(await shop({ orders: [bag, chairs] })('and the chairs order got cancelled?? whats the go with that')), /Olive sold out/);
    // 犬粮 in a title is dog food.
    const kibble = order({ orderId: 'HP-4', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', items: [{ sku: 'K', title: '冠能 中小型犬成犬粮 10kg', quantity: 1, price: '428.00' }], createdAt: ago(40) });
    const treats = order({ orderId: 'HP-3', status: 'delivered', items: [{ sku: 'T', title: '冻干鸡肉粒 猫狗零食 500g', quantity: 1, price: '59.00' }], createdAt: ago(300) });
    assert.match(textOf(await shop({ orders: [treats, kibble] })('那我另一单狗粮咋没了 被取消了？')), /HP-4[\s\S]*超时未支付/);
  });

  test('a delivery entry by Taiwan\'s main island and islands, by a courier named in brackets, and by a courier\'s own sentence', async () => {
    const tw: FaqEntry = { id: 'd', question: '下單後幾天能收到？', answer: '台灣本島宅配（黑貓宅急便）出貨後1-2天送達；7-11、全家超商取貨出貨後2-3天到店；外島（澎湖、金門、馬祖）3-5個工作天。' };
    const to = (address: string, carrier: string, currency = 'TWD') => ({ orders: [order({ orderId: 'TP-1', status: 'shipped', currency, receiver: { name: 'X', phone: '0933222111', address } })], logistics: [logistics({ orderId: 'TP-1', carrier, trackingNo: '9051' })] });
    const taichung = textOf(await shop(to('台中市西屯區台灣大道三段99號', '黑貓宅急便'), [tw])('什麼時候會到'));
    assert.match(taichung, /台灣本島宅配（黑貓宅急便）出貨後1-2天送達/);
    assert.doesNotMatch(taichung, /外島|超商/);
    assert.match(textOf(await shop(to('澎湖縣馬公市中正路1號', '黑貓宅急便'), [tw])('什麼時候會到')), /外島（澎湖、金門、馬祖）3-5個工作天/);
    const au: FaqEntry = { id: 'au', question: 'How long does delivery take?', answer: 'Australia Post parcel post: Sydney metro and NSW 1-3 business days, VIC, QLD, ACT and SA 2-5 business days, WA, NT and Tasmania 5-8 business days. StarTrack (bulky items) 3-7 business days. Couriers Please (Sydney, Melbourne, Brisbane metro) 1-3 business days.' };
    const brisbane = 'Unit 4, 88 Queen St, Brisbane City QLD 4000';
    const fridge = textOf(await shop(to(brisbane, 'StarTrack', 'AUD'), [au])('when will my fridge arrive'));
    assert.match(fridge, /StarTrack \(bulky items\) 3-7 business days/);
    assert.doesNotMatch(fridge, /2-5 business days|metro\) 1-3/);
    const post = textOf(await shop(to(brisbane, 'Australia Post', 'AUD'), [au])('when will my parcel arrive'));
    assert.match(post, /QLD, ACT and SA 2-5 business days/);
    assert.doesNotMatch(post, /StarTrack|Melbourne, Brisbane metro\)/);
  });
});

describe('what the thirty-third session\'s buyers said, read', () => {
  const { ago, shop } = session27;
  test('small talk and "is it a robot" are answered, not counted as misses that hand over', async () => {
    for (const q of ['今天天气咋样', '今天天氣好好喔', 'who won the cricket last night']) {
      const say = shop({});
      await say(q);
      assert.equal((await say(q)).handover, undefined, q);
    }
    const r = await shop({})('你們的客服是機器人喔');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /機器人/);
  });

  test('a payment said made is the unpaid order with a word on when it shows; said again, a person', async () => {
    const fridge = order({ orderId: 'SC-1', status: 'pending_payment', currency: 'AUD', createdAt: ago(1) });
    for (const q of ['ok paid now with afterpay 👍', 'but i paid it 10 min ago??', '诶 狗粮我付完了', '算了 付好了']) assert.match(textOf(await shop({ orders: [fridge] })(q)), /SC-1[\s\S]*(?:few minutes|几分钟)/, q);
    const say = shop({ orders: [fridge] });
    await say('ok paid now with afterpay 👍');
    assert.equal((await say('but i paid it 10 min ago??')).intent, 'human');
  });

  test('"我不取消 你别给我取消啊" cancels nothing; a pet unwell from the shop\'s food and something found in food go to a person first', async () => {
    const two = [order({ orderId: 'HP-1', status: 'pending_payment', createdAt: ago(2) }), order({ orderId: 'HP-2', status: 'paid', createdAt: ago(20) })];
    for (const q of ['我不取消 你别给我取消啊', '不取消了']) assert.notEqual((await shop({ orders: two })(q)).intent, 'cancel_order', q);
    assert.equal((await shop({ orders: two })('为什么不取消')).intent, 'cancel_order');
    for (const q of ['猫拉稀三天了 还吃你家猫粮吃的', '人呢 猫都拉脱水了 急死人了']) assert.match(textOf(await shop({})(q)), /宠物医生/, q);
    for (const q of ['我猫粮开袋了 里面有虫子！！！', 'i found a hair in the jerky']) assert.equal((await shop({})(q)).intent, 'complaint', q);
    assert.notEqual((await shop({})('猫粮放久了会不会长虫')).intent, 'complaint');
  });

  test('a consumer body threatened is a complaint; the payment deadline asked before "过了会咋样"; a region named of an unsent order is told its days', async () => {
    assert.equal((await shop({})("if they knock it back i'm going to fair trading")).intent, 'complaint');
    const unpaid = order({ orderId: 'HP-9', status: 'pending_payment', createdAt: ago(1) });
    const tree = order({ orderId: 'HP-8', status: 'paid', createdAt: ago(20) });
    assert.match(textOf(await shop({ orders: [unpaid, tree] })('啥时候之前得付 过了会咋样')), /HP-9[\s\S]*自动关闭/);
    const days: FaqEntry = { id: 'd', question: '几天能到', answer: '发货后江浙沪1-2天，其他地区2-4天，新疆、西藏7-10天。' };
    const ship: FaqEntry = { id: 's', question: '多久发货', answer: '每天下午4点前付款的订单当天发出。' };
    const drops = order({ orderId: 'HP-7', status: 'paid', createdAt: ago(1) });
    const r = textOf(await shop({ orders: [drops] }, [days, ship])('到拉萨得几天'));
    assert.match(r, /新疆、西藏7-10天/);
    assert.doesNotMatch(r, /江浙沪1-2天/);
  });

  test('who pays the postage, asked right after an entry that says so, is that sentence', async () => {
    const back: FaqEntry = { id: 'b', question: '退货怎么寄回？', answer: '质量问题退货请先联系客服登记，按售后页面的地址寄回，运费我们出，请勿发到付。' };
    const fee: FaqEntry = { id: 'f', question: '运费怎么算？', answer: '满300元包邮，不满300元首重5元。' };
    const say = shop({}, [back, fee]);
    await say('退货怎么寄回？');
    assert.match(textOf(await say('运费谁出')), /运费我们出/);
  });

  test('an address asked before any order is the checkout\'s; a parcel left with the building\'s management is a note for a person', async () => {
    for (const q of ['可以寄到公司嗎 我白天不在家', 'can you deliver to my office']) {
      const r = textOf(await shop({})(q));
      assert.match(r, /下單時填寫|checkout/, q);
      assert.doesNotMatch(r, /沒有查到|can't find any orders/, q);
    }
    // A change asked of an order the buyer thinks they have: no orders found is the honest answer.
    for (const q of ['帮我把地址改成公司的', 'can you send it to my new place']) assert.match(textOf(await shop({})(q)), /没有查到|can't find any orders/, q);
    const out = order({ orderId: 'TP-5', status: 'shipped', createdAt: ago(30) });
    const r = await shop({ orders: [out], logistics: [logistics({ orderId: 'TP-5', status: 'out_for_delivery' })] })('我不在家欸 可以放管理室嗎');
    assert.match(textOf(r), /備註|备注/);
  });
});

describe('a Sydney shop\'s days (thirty-third session)', () => {
  const at = '2026-12-06T02:40:00Z';
  const robotAt = (data: FakeData, entries: FaqEntry[]) => {
    const faq = new FaqIndexProvider();
    faq.setEntries('au', entries, 1, { timeZone: 'Australia/Sydney' });
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq, clock: () => new Date(at) }), 'lachie', 'au');
  };
  test('a day named of a split order is the parcel still on its way\'s, against its courier\'s days, not the extra days of remote areas', async () => {
    const delivery: FaqEntry = { id: 'd', question: 'How long does delivery take?', answer: 'Australia Post parcel post: NSW 1-3 business days, VIC, QLD and SA 2-5 business days. Rural and remote areas can take an extra 2-4 business days. StarTrack (bulky items) 3-7 business days.' };
    const o = order({ orderId: 'SC-88', shopId: 'au', userId: 'lachie', status: 'shipped', currency: 'AUD', receiver: { name: 'L', phone: '0499', address: '88 Queen St, Brisbane City QLD 4000' }, createdAt: '2026-11-30T23:00:00Z' });
    const post = logistics({ orderId: 'SC-88', shopId: 'au', carrier: 'Australia Post', trackingNo: 'AP1', status: 'delivered', events: [{ time: '2026-12-04T00:30:00Z', location: 'Brisbane QLD', description: 'Delivered to parcel locker' }], updatedAt: '2026-12-04T00:30:00Z' });
    const star = logistics({ orderId: 'SC-88', shopId: 'au', carrier: 'StarTrack', trackingNo: 'ST2', status: 'in_transit', events: [{ time: '2026-12-02T02:00:00Z', location: 'Alexandria NSW', description: 'Picked up' }, { time: '2026-12-04T09:00:00Z', location: 'Brisbane Airport QLD', description: 'Arrived at depot' }], updatedAt: '2026-12-04T09:00:00Z' });
    for (const q of ['will the fridge be here by friday?', 'need it by friday for a trip to fraser 😬']) {
      const r = textOf(await robotAt({ orders: [o], logistics: [post, star] }, [delivery])(q));
      assert.match(r, /should be there by Dec 11/, q);
    }
  });
  test('a shipping entry\'s "go out" sentence is said, and a piece left out leaves no semicolon before a capital', async () => {
    const ship: FaqEntry = { id: 's', question: 'How soon do you ship after payment?', answer: 'Orders paid before 1pm Sydney time on a business day are packed and sent out the same day; orders paid after 1pm go out the next business day. Orders paid on weekends or public holidays ship the next business day. We use recycled boxes; Packing is done by hand.' };
    const r = textOf(await robotAt({ orders: [order({ orderId: 'SC-9', shopId: 'au', userId: 'lachie', status: 'paid', currency: 'AUD', createdAt: '2026-12-05T23:00:00Z' })] }, [ship])('when will my order ship'));
    assert.match(r, /same day; orders paid after 1pm go out the next business day\./);
    assert.doesNotMatch(r, /; [A-Z]/);
  });
});

describe("what the thirty-third session's readings must not take (review)", () => {
  const { ago, shop } = session27;
  test('what a product holds, dehydrated treats, 拍 as ordering, a cancel chased, goods frozen: none of them what they look like', async () => {
    for (const q of ['这款礼盒里面有虫草吗', '套装里面有玻璃杯吗', 'does this spray kill bugs in the kitchen', 'are there bugs in the flour you sell', 'i found a hair clip in the parcel, is it a gift?', '我家猫吃了你家的脱水鸡肉干 很爱吃 再来两包']) {
      assert.equal((await shop({})(q)).handover, undefined, q);
    }
    for (const q of ['图片上这款我已经拍了 有赠品吗', '视频里那个我拍了两件 有赠品吗', '我拍了几张贴纸 有赠品吗']) assert.notEqual((await shop({})(q)).intent, 'human', q);
    const paid = order({ orderId: 'HP-1', status: 'paid', createdAt: ago(5) });
    for (const q of ['为什么还不取消', '都申请了 还不取消？']) assert.equal((await shop({ orders: [paid] })(q)).intent, 'cancel_order', q);
    const plant = order({ orderId: 'PL-3', status: 'delivered', items: [{ sku: 'P', title: '绿萝盆栽', quantity: 1, price: '39.00' }], createdAt: ago(50) });
    const say = shop({ orders: [plant] });
    await say('绿萝今天收到了 叶子全黑了');
    assert.doesNotMatch(textOf(await say('冻死了！！')), /不太在行/);
  });

  test('Taiwanese addresses after a postal code, and an island county after 台灣; an English phrasing with three words after it', async () => {
    const tw: FaqEntry = { id: 'd', question: '下單後幾天能收到？', answer: '台灣本島宅配（黑貓宅急便）出貨後1-2天送達；7-11、全家超商取貨出貨後2-3天到店；外島（澎湖、金門、馬祖）3-5個工作天。' };
    const to = (address: string) => ({ orders: [order({ orderId: 'TP-2', status: 'shipped', currency: 'TWD', receiver: { name: 'X', phone: '0933222111', address } })], logistics: [logistics({ orderId: 'TP-2', carrier: '黑貓宅急便', trackingNo: '9052' })] });
    for (const a of ['407台中市西屯區台灣大道三段99號', '10491 臺北市中山區南京東路二段1號']) assert.match(textOf(await shop(to(a), [tw])('什麼時候會到')), /台灣本島宅配/, a);
    const penghu = textOf(await shop(to('台灣澎湖縣馬公市中正路1號'), [tw])('什麼時候會到'));
    assert.match(penghu, /外島/);
    assert.doesNotMatch(penghu, /本島/);
    const nz = new FaqIndex([{ id: 'nz', question: 'Do you ship to New Zealand?', answer: 'Yes, 5-8 business days.' }, { id: 'r', question: 'Can I return an item?', answer: '30 days.' }]);
    assert.equal(nz.lookup('do you ship to new zealand as well mate').hit?.entry.id, 'nz');
  });
});

describe('a Melbourne coffee shop (thirty-third session, third round)', () => {
  const { ago, shop } = session27;
  test('"how do i cancel my order" while queued is the shop\'s entry; no person needed in other words; thanks then stale beans is no goodbye', async () => {
    const faq = new FaqIndexProvider();
    faq.setEntries(SHOP, [{ id: 'c', question: 'How do I cancel my order?', answer: 'If your order hasn\'t shipped yet, message us with your order number and we cancel it.' }]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [order({ orderId: 'MC-1', status: 'paid', createdAt: ago(5) })] }), faq, clock: () => NOW });
    const queued = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'q', text: 'how do i cancel my order', faqOnly: true });
    assert.equal(queued.fromFaq, true);
    assert.match(textOf(queued), /message us with your order number/);
    const where = await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'q2', text: 'where is my order', faqOnly: true });
    assert.notEqual(where.fromFaq, true);
    assert.notEqual((await shop({})('yeah nah dont worry about a person. is the decaf swiss water processed')).intent, 'human');
    assert.notEqual((await shop({})('cheers. also the beans from my last order were stale af, roast date was like 2 months ago')).intent, 'bye');
  });
});

describe('a Hangzhou livestream shop (thirty-third session, third round)', () => {
  const { ago, shop } = session27;
  test('why a 秒杀 order was cancelled ("咋给我取消了", "为啥取消") is that order and its reason; "好哒", "主播你好" before a size question are no goodbye or hello', async () => {
    const knit = order({ orderId: 'HZ-90', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', items: [{ sku: 'K', title: '【秒杀】圆领纯色基础款打底针织衫 M码 黑色', quantity: 1, price: '79.80' }], createdAt: ago(30) });
    const coat = order({ orderId: 'HZ-66', status: 'completed', items: [{ sku: 'C', title: '白色羽绒服', quantity: 1, price: '199.00' }], createdAt: ago(300) });
    const refund = aftersale({ aftersaleId: 'AS-66', orderId: 'HZ-66', type: 'refund', status: 'refunded', amount: '199.00' });
    for (const q of ['那我秒杀的打底衫咋给我取消了？？我还要的', '秒杀的那单为啥取消']) {
      const r = textOf(await shop({ orders: [knit, coat], aftersales: [refund] })(q));
      assert.match(r, /HZ-90[\s\S]*超时未支付/, q);
      assert.doesNotMatch(r, /HZ-66/, q);
    }
    assert.notEqual((await shop({})('好哒 那我160 98斤穿M可以吗 会不会大')).intent, 'bye');
    assert.notEqual((await shop({})('主播你好 我165 120斤 梨形身材 那个碎花裙拍什么码')).intent, 'greeting');
  });
});

describe('a parcel status quoted after a delivered order\'s refund (thirty-third session)', () => {
  const { ago, shop } = session27;
  test('"it says onboard for delivery but its 5pm and nothing" is the parcel that says so, not the delivered jug just talked of', async () => {
    const grinder = order({ orderId: 'MC-63', status: 'shipped', currency: 'AUD', items: [{ sku: 'G', title: 'DF64 Gen 2 Grinder', quantity: 1, price: '549.00' }], createdAt: ago(50) });
    const jug = order({ orderId: 'MC-11', status: 'delivered', currency: 'AUD', items: [{ sku: 'J', title: 'Barista Milk Jug 350ml', quantity: 1, price: '29.95' }], createdAt: ago(300) });
    const out = logistics({ orderId: 'MC-63', carrier: 'Australia Post', trackingNo: 'AP63', status: 'out_for_delivery', events: [{ time: ago(8), location: 'Newtown NSW', description: 'Onboard for delivery' }], updatedAt: ago(8) });
    const done = logistics({ orderId: 'MC-11', carrier: 'Australia Post', trackingNo: 'AP11', status: 'delivered', events: [{ time: ago(200), location: 'Newtown NSW', description: 'Delivered' }], updatedAt: ago(200) });
    const refund = aftersale({ aftersaleId: 'RF-1', orderId: 'MC-11', type: 'refund', status: 'requested', amount: '29.95' });
    const say = shop({ orders: [grinder, jug], logistics: [out, done], aftersales: [refund] });
    await say('whats happening with my refund for the dented jug');
    const r = textOf(await say('it says onboard for delivery but its 5pm and nothing 🙄'));
    assert.match(r, /MC-63/);
    assert.doesNotMatch(r, /MC-11/);
  });
});

describe('Cantonese in simplified characters (thirty-third session, second round)', () => {
  const robotFor = (entries: FaqEntry[]) => {
    const faq = new FaqIndexProvider();
    faq.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource({ orders: [order({ orderId: 'GZ-1', status: 'paid' })] }), faq, clock: () => NOW }));
  };
  const gz: FaqEntry[] = [{ id: 'sf', question: '可以发顺丰吗？', answer: '默认发中通快递，想发顺丰可以在下单时备注，补差价10元。' }];
  const hk: FaqEntry[] = [{ id: 'sf', question: '可唔可以寄順豐？', answer: '預設寄中通，想寄順豐可以喺落單時備註，補差價10蚊。' }];
  test('a Guangzhou shop\'s buyer writing Cantonese in simplified characters is answered in simplified ones throughout; a Hong Kong shop\'s in traditional', async () => {
    const say = robotFor(gz);
    await say('可唔可以发顺丰？加钱都得');
    const r = textOf(await say('我想改地址 寄去我公司 得唔得'));
    assert.match(r, /订单 GZ-1/);
    assert.doesNotMatch(r, /訂單/);
    assert.doesNotMatch(textOf(await robotFor(gz)('喂 有冇人')), /[訂單轉節]/);
    assert.match(textOf(await robotFor(hk)('我想改地址 寄去我公司 得唔得')), /訂單/);
    // No shop's script to go by: written Cantonese is traditional, as before.
    assert.match(textOf(await robotFor([])('我想改地址 寄去我公司 得唔得')), /訂單/);
  });
});

describe('Guangzhou, Toronto and Xi\'an buyers (thirty-third session, second round)', () => {
  const { ago, shop } = session27;
  test('Cantonese on money: paid and still shown unpaid goes to a person, "钱几时返到我张卡" is the refund, "唔该 可以…" a question', async () => {
    const unpaid = order({ orderId: 'GZ-6', status: 'pending_payment', createdAt: ago(1) });
    assert.equal((await shop({ orders: [unpaid] })('我已经俾咗钱啦 点解仲话未付款')).intent, 'human');
    const uniform = order({ orderId: 'GZ-7', status: 'paid', createdAt: ago(30) });
    const refund = aftersale({ aftersaleId: 'AS-7', orderId: 'GZ-7', type: 'refund', status: 'approved', amount: '168.00' });
    assert.equal((await shop({ orders: [uniform], aftersales: [refund] })('钱几时返到我张卡')).intent, 'aftersale_progress');
    assert.notEqual((await shop({})('唔该 可以送去万锦吗')).intent, 'bye');
    const socks = order({ orderId: 'GZ-8', status: 'completed', createdAt: ago(300) });
    const gone = order({ orderId: 'GZ-9', status: 'cancelled', createdAt: ago(50) });
    const done = aftersale({ aftersaleId: 'AS-8', orderId: 'GZ-8', type: 'refund', status: 'refunded', amount: '59.00' });
    // The Guangzhou shop's own entries (its FAQ's words decide what the guess is offered beside).
    const ret: FaqEntry[] = [
      {id: "g0", question: "付款后多久发货", answer: "现货下单付款后48小时内发出，下午4点前付款的当天发。周六、日顺延至下一个工作日。预售款以商品标题写的日期为准。", alternates: ["什么时候发货", "几时发货", "今日落单几时寄", "几时发货呀", "咋还不发货", "今天下单明天能发吗", "几天能发出", "点解仲未发货", "幾時寄出"]},
      {id: "g1", question: "几天能收到", answer: "默认发中通，广东省内1-2天，江浙沪及其他地区2-4天，新疆、西藏5-7天。顺丰广东省内次日达，其他地区1-3天。", alternates: ["多久能到", "寄到北京要几天", "幾耐到", "几耐收到", "快递要几天", "中通要几天到", "顺丰几天到"]},
      {id: "g2", question: "发什么快递", answer: "默认发中通快递，满199元包邮。想发顺丰可以在下单时备注，补差价10元（偏远地区另计）。", alternates: ["可以发顺丰吗", "有冇顺丰", "用边间快递", "默认什么快递", "可以指定快递吗"]},
      {id: "g3", question: "运费多少", answer: "全场满199元包邮（新疆、西藏、港澳台除外），不满199元运费8元。新疆、西藏运费20元。", alternates: ["包邮吗", "包唔包邮", "几钱运费", "运费几钱", "满多少包邮", "邮费怎么算"]},
      {id: "g4", question: "可以寄香港吗", answer: "可以寄香港、澳门，只发顺丰，运费25元起，3-5天到，可能需要收件人缴付关税。暂时不寄台湾和海外。", alternates: ["寄唔寄香港", "可以寄澳门吗", "能发海外吗", "寄得去香港嗎"]},
      {id: "g5", question: "支持七天无理由退换吗", answer: "收货7天内，吊牌齐全、未洗未穿的商品支持无理由退换货。内衣、袜子、已剪吊牌或洗过的不退换。质量问题由我们承担来回运费。", alternates: ["不合适可以退吗", "唔啱可以退吗", "可以退货吗", "穿唔落可以退吗", "拆了还能退吗", "洗过还能退吗"]},
      {id: "g6", question: "尺码不合适可以换吗", answer: "可以换码，收货7天内在订单里申请换货，吊牌完整未洗即可。换码每单包一次来回运费，换其他款式的运费由买家承担。", alternates: ["可以换大一码吗", "换码要运费吗", "细咗可以换吗", "大咗可以换细码吗", "买小了怎么办", "换尺码"]},
      {id: "g7", question: "退货怎么寄回", answer: "在订单里申请退换货，审核通过后可以预约中通上门取件，或自己寄回到：广州市白云区棠景街XX路XX号 小童衣仓 收（电话020-XXXXXXXX），请不要寄到付。", alternates: ["退货地址是什么", "退货寄去边度", "点样寄返", "可以上门取件吗"]},
      {id: "g8", question: "退款多久到账", answer: "退款审核通过后，原路退回，微信、支付宝一般1-3个工作日到账，信用卡最长7个工作日。", alternates: ["几时退钱", "退款几耐到", "钱什么时候退回", "退款要多久", "點解仲未退錢"]},
      {id: "g9", question: "售后申请多久审核", answer: "退换货申请我们会在24小时内审核（周末顺延），审核结果会短信通知您。", alternates: ["申请退货多久处理", "售后几时审核", "退款申请多久有人处理"]},
      {id: "g10", question: "怎么选尺码", answer: "按宝宝身高选：身高73cm穿73码，80cm穿80码，90cm穿90码，以此类推；110码适合身高105-115cm。宝宝偏胖或想穿两年的可以拿大一码。每个商品页都有详细尺码表。", alternates: ["我个仔100cm着咩码", "宝宝两岁穿多大", "身高90穿几码", "点拣码", "要拍大一码吗", "尺码怎么选", "着几码"]},
      {id: "g11", question: "洗了会缩水吗", answer: "全棉款第一次洗会缩水约3%，建议冷水手洗、不要烘干；羽绒服请干洗或手洗，不要机洗暴晒。担心缩水的可以拿大一码。", alternates: ["会唔会缩水", "洗完会细咗吗", "怎么洗", "可以机洗吗", "羽绒服点洗"]},
      {id: "g12", question: "衣服是纯棉的吗", answer: "婴儿连体衣、内衣都是A类100%纯棉，婴幼儿可以贴身穿；卫衣为95%棉加5%氨纶；羽绒服面料为防泼水聚酯纤维，填充90%白鸭绒。", alternates: ["系唔系纯棉", "是什么面料", "A类吗", "宝宝可以贴身穿吗", "羽绒服充绒量多少"]},
      {id: "g13", question: "可以开发票吗", answer: "可以开电子普通发票，确认收货后在订单页点「申请开票」，填写抬头和税号，3个工作日内发到您的邮箱。暂不开增值税专用发票。", alternates: ["能开发票吗", "有冇发票", "要开公司抬头", "发票怎么开", "能开专票吗"]},
      {id: "g14", question: "支持什么付款方式", answer: "支持微信支付、支付宝、花呗和信用卡，暂不支持货到付款。", alternates: ["可以货到付款吗", "可以用花呗吗", "可以用微信俾钱吗", "点样俾钱"]},
      {id: "g15", question: "可以包装成礼物吗", answer: "可以，下单备注「礼物」我们会不放价格单，并免费加礼盒和贺卡（贺卡内容请写在备注里）。满月、百日宴送礼都可以。", alternates: ["可以送礼吗", "有冇礼盒", "可以写贺卡吗", "送人可以唔放价钱单吗", "可以不放发票吗"]},
      {id: "g16", question: "有什么优惠活动", answer: "新客首单立减10元，全场满299减30，会员生日月9折。双十二活动12月10日至12月12日全场8.5折。", alternates: ["有冇优惠", "有优惠券吗", "有冇折", "双十二有活动吗", "可以便宜点吗"]},
      {id: "g17", question: "质量问题怎么办", answer: "收到货有开线、破洞、污渍、拉链坏等质量问题，请在收货15天内拍照联系客服，我们包来回运费退换，或补偿部分金额。羽绒服跑绒严重的同样按质量问题处理。", alternates: ["收到有破洞怎么办", "开线怎么办", "拉链坏了", "跑绒", "有污渍点算", "保修多久"]},
      {id: "g18", question: "客服几点上班", answer: "人工客服每天9:00-22:00在线（节假日照常），其他时间留言，客服上线后按顺序回复。", alternates: ["几点有人工", "客服几时返工", "有冇真人客服", "夜晚有冇人"]},
    ];
    assert.match(textOf(await shop({ orders: [socks, gone], aftersales: [done] }, ret)('退咗嘅钱去咗边 我冇收到喎')), /GZ-8/);
  });
  test('after a refund\'s status, whether the goods are ripe is no request, and the van not here is the parcel', async () => {
    const mango = order({ orderId: 'TA-5', status: 'shipped', currency: 'CAD', items: [{ sku: 'M', title: 'Ataulfo Mango Box (12 pcs)', quantity: 1, price: '24.99' }], createdAt: ago(30) });
    const wontons = order({ orderId: 'TA-1', status: 'completed', currency: 'CAD', createdAt: ago(200) });
    const refund = aftersale({ aftersaleId: 'AS-1', orderId: 'TA-1', type: 'refund', status: 'refunded', amount: '8.99' });
    const van = logistics({ orderId: 'TA-5', carrier: 'TorontoAsia Van', trackingNo: 'VAN-1', status: 'out_for_delivery' });
    for (const [q, not] of [['芒果熟唔熟㗎？', /售後申請|售后申请/], ['van still not here its 10pm wtf', /refund request/]] as const) {
      const say = shop({ orders: [mango, wontons], aftersales: [refund], logistics: [van] });
      await say('and my refund for the wontons did it go thru?');
      assert.doesNotMatch(textOf(await say(q)), not, q);
    }
  });

  test('the order number alone, right after it was told how to cancel, goes to a person to cancel it', async () => {
    const rice = order({ orderId: 'TA10228', status: 'paid', currency: 'CAD', createdAt: ago(10) });
    const say = shop({ orders: [rice] });
    await say('actually pls cancel my order, found it cheaper');
    assert.equal((await say('TA10228')).intent, 'human');
    // Asked of another topic, the number is still that order's answer.
    const other = shop({ orders: [rice] });
    await other('where is my order');
    assert.notEqual((await other('TA10228')).intent, 'human');
  });

  test('Shaanxi: 额 is I ("额要找人", "额付了哈 刚付的", "额有照片 箱子都湿透了"), not in 金额 or 额外; a burst bag is the shop\'s damage entry', async () => {
    assert.equal((await shop({})('你是机器人吧 额要找人')).intent, 'human');
    const unpaid = order({ orderId: 'XF-1', status: 'pending_payment', createdAt: ago(1) });
    for (const q of ['额付了哈 刚付的', '付好了 你看看']) assert.match(textOf(await shop({ orders: [unpaid] })(q)), /XF-1[\s\S]*几分钟/, q);
    assert.equal((await shop({})('额有照片 箱子都湿透了')).intent, 'human');
    assert.notEqual((await shop({})('金额有问题')).intent, 'human');
    assert.equal((await shop({})('嘹咋咧 那额再等等')).intent, 'bye');
    const damaged: FaqEntry = { id: 'dmg', question: '收到货坏了怎么办', answer: '请在签收后24小时内拍照联系客服，核实后免费补发或全额退款。', alternates: ['包装破了咋办'] };
    const ret: FaqEntry = { id: 'ret', question: '可以退货吗', answer: '生鲜食品不支持无理由退货。' };
    const cold = order({ orderId: 'XF-2', status: 'delivered', items: [{ sku: 'L', title: '秦镇米皮凉皮 5份装 冷链', quantity: 1, price: '59.00' }], createdAt: ago(30) });
    assert.match(textOf(await shop({ orders: [cold] }, [damaged, ret])('快递到了 凉皮有一包袋子破了 汤汁流出来了')), /24小时内拍照/);
  });
  test('Sichuan: 好久 asks how long or when, 好多 how much, 啥子 what; Mandarin\'s "a long time" and "many" stay', async () => {
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    const said = (t: string) => normalize(t).text;
    assert.match(said('那保质期好久哦'), /保质期多久/);
    assert.match(said('今天拍好久发'), /多久发/);
    assert.match(said('最晚好久下单'), /最晚什么时候下单/);
    assert.match(said('顺丰到西藏补好多'), /补多少/);
    assert.match(said('礼盒里面装的啥子'), /装的什么$/);
    for (const t of ['等了好久了', '好久没到了', '好多人买', '花了好多钱', '买了好多']) assert.equal(said(t), t, t);
    const shelf: FaqEntry = { id: 'shelf', question: '保质期多久？', answer: '牛油底料保质期18个月。', alternates: ['能放多久'] };
    assert.match(textOf(await shop({}, [shelf])('底料能放好久')), /18个月/);
  });

  test('how many days to arrive, asked of an order not sent yet, is told the shop\'s delivery days beside its sending', async () => {
    const ship: FaqEntry = { id: 's', question: '付款后多久发货', answer: '现货商品付款后48小时内从西安发出，下午4点前付款的当天发。' };
    const days: FaqEntry = { id: 'd', question: '几天能收到', answer: '冷链商品统一发顺丰冷运：陕西省内次日达，其他地区2-3天，新疆、西藏、青海、海南4-6天。' };
    const o = order({ orderId: 'XF-4', status: 'paid', receiver: { name: '李', phone: '13800000000', address: '广东省广州市天河区体育西路1号' }, createdAt: ago(2) });
    const r = textOf(await shop({ orders: [o] }, [ship, days])('广州那边冷链要几天'));
    assert.match(r, /48小时内从西安发出/);
    assert.match(r, /其他地区2-3天/);
    assert.doesNotMatch(r, /海南4-6天/);
  });

  test('a shipping entry\'s weekend deferral that names no sending is said with it; the staff\'s weekend hours are not', async () => {
    const ship: FaqEntry = { id: 's', question: '付款后多久发货', answer: '现货商品付款后48小时内从西安发出，下午4点前付款的当天发；周六、日顺延至下一个工作日。客服周末休息，留言顺延到周一回复。' };
    const paid = order({ orderId: 'XF-3', status: 'paid', createdAt: ago(2) });
    const r = textOf(await shop({ orders: [paid] }, [ship])('啥时候发'));
    assert.match(r, /周六、日顺延至下一个工作日/);
    assert.doesNotMatch(r, /客服周末休息/);
  });
});

describe('a London furniture shop (thirty-third session, second round)', () => {
  const { ago, shop } = session27;
  test('a split order\'s parcel said stuck is chased: a person offered, not the lines alone', async () => {
    const o = order({ orderId: 'LV-4', status: 'shipped', currency: 'GBP', createdAt: ago(100) });
    const done = logistics({ orderId: 'LV-4', carrier: 'Royal Mail', trackingNo: 'QF9GB', status: 'delivered', events: [{ time: ago(50), location: 'Glasgow', description: 'Delivered' }], updatedAt: ago(50) });
    const moving = logistics({ orderId: 'LV-4', carrier: 'Parcelforce', trackingNo: 'PB9GB', status: 'in_transit', events: [{ time: ago(30), location: 'Glasgow depot', description: 'At depot' }], updatedAt: ago(30) });
    const r = await shop({ orders: [o], logistics: [done, moving] })('its been at the glasgow depot since yesterday morning, is it stuck??');
    assert.match(textOf(r), /human agent/);
    assert.equal(r.state.offeredHuman, true);
  });

  test('"when is my chair being sent" is when it ships, not a return\'s progress; a refund being sent still is the refund', async () => {
    const chair = order({ orderId: 'LV-3', status: 'paid', currency: 'GBP', items: [{ sku: 'C', title: 'Ercol Windsor armchair', quantity: 1, price: '450.00' }], createdAt: ago(20) });
    assert.equal((await shop({ orders: [chair] })('oi when is my chair being sent')).intent, 'delivery_estimate');
    assert.equal((await shop({ orders: [chair] })('when is my refund being sent')).intent, 'aftersale_progress');
  });
  const delivery: FaqEntry = { id: 'd', question: 'How long does delivery take?', answer: 'Royal Mail Tracked 48: 2-3 working days after dispatch. DPD Next Day: the next working day after dispatch. Furniture goes with our own two-person delivery team in a booked 4-hour slot, usually within 5-10 working days of payment.' };
  const ship: FaqEntry = { id: 's', question: 'How soon do you ship after payment?', answer: 'Small items paid before 2pm on a working day are sent out the same day; otherwise they are sent out within 2 working days. Furniture is delivered by our own team: we ring or email within 2 working days of payment to book your slot.' };
  test('a vase\'s parcel is not told the furniture team\'s days, nor a sideboard the small items\' sending', async () => {
    const vase = order({ orderId: 'LV-1', status: 'shipped', currency: 'GBP', items: [{ sku: 'V', title: 'Poole Pottery Delphis vase, orange, 1970s', quantity: 1, price: '85.00' }], createdAt: ago(40) });
    const r = textOf(await shop({ orders: [vase], logistics: [logistics({ orderId: 'LV-1', carrier: 'Royal Mail', trackingNo: 'QF1GB' })] }, [delivery, ship])('when will it actually get here?'));
    assert.match(r, /Royal Mail Tracked 48: 2-3 working days/);
    assert.doesNotMatch(r, /Furniture|two-person/);
    const sideboard = order({ orderId: 'LV-2', status: 'pending_payment', currency: 'GBP', items: [{ sku: 'S', title: 'G-Plan Fresco teak sideboard, 1960s, 4 drawers', quantity: 1, price: '895.00' }], createdAt: ago(1) });
    const s2 = textOf(await shop({ orders: [sideboard] }, [delivery, ship])('When might the sideboard be delivered? We are in Bristol.'));
    assert.match(s2, /Furniture is delivered by our own team/);
    assert.doesNotMatch(s2, /Small items/);
  });
});

describe("what the thirty-third session's second round must not take (second review)", () => {
  const { ago, shop } = session27;
  test('small goods named after furniture are small; a sentence on all goods stays; who pays postage is a sentence on postage', async () => {
    const ship: FaqEntry = { id: 's', question: 'How soon do you ship after payment?', answer: 'Small items paid before 2pm on a working day are sent out the same day; otherwise they are sent out within 2 working days. Furniture is delivered by our own team: we ring or email within 2 working days of payment to book your slot.' };
    for (const title of ['Anglepoise table lamp, brass', 'Fridge magnet set (6)', 'Mattress protector, double']) {
      const o = order({ orderId: 'LV-9', status: 'paid', currency: 'GBP', items: [{ sku: 'X', title, quantity: 1, price: '20.00' }], createdAt: ago(1) });
      assert.match(textOf(await shop({ orders: [o] }, [ship])('when will my order ship?')), /Small items/, title);
    }
    const all: FaqEntry = { id: 'a', question: 'How soon do you ship after payment?', answer: 'All orders, including furniture, are dispatched within 2 working days of payment. Orders placed on bank holidays are dispatched the next working day.' };
    const vase = order({ orderId: 'LV-1', status: 'paid', currency: 'GBP', items: [{ sku: 'V', title: 'Poole Pottery vase', quantity: 1, price: '85.00' }], createdAt: ago(1) });
    assert.match(textOf(await shop({ orders: [vase] }, [all])('when will my order ship?')), /All orders, including furniture/);
    const wrap: FaqEntry = { id: 'w', question: '可以礼品包装吗？', answer: '可以的，礼品包装每件加收5元，下单时备注即可。' };
    const fee: FaqEntry = { id: 'f', question: '运费怎么算？', answer: '满99包邮。' };
    const say = shop({}, [wrap, fee]);
    await say('可以礼品包装吗？');
    assert.doesNotMatch(textOf(await say('运费谁出')), /礼品包装每件/);
  });
  test('photos held beside a question, 唔该 可以了, 湿透 of sweat, a soaked box, and Cantonese after a neutral 你好', async () => {
    for (const q of ['我有图片，你们有这个款式吗？', '我有图片，这个有现货没有', '我有视频，是怎么安装的']) assert.notEqual((await shop({})(q)).intent, 'human', q);
    for (const q of ['唔该 可以了', '唔该 可以啦 冇问题']) assert.equal((await shop({})(q)).intent, 'bye', q);
    assert.equal((await shop({})('四件套很舒服 昨晚睡得满身汗都湿透了哈哈')).handover, undefined);
    const en = new FaqIndexProvider();
    en.setEntries(SHOP, [{ id: 'e', question: 'How long does shipping take?', answer: 'Usually 3-5 business days.' }]);
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [order({ orderId: 'HK-1', status: 'shipped' })], logistics: [logistics({ orderId: 'HK-1' })] }), faq: en, clock: () => NOW }));
    await say('你好');
    assert.match(textOf(await say('我嘅嘢到咗未')), /訂單/);
  });
  test('paid and still shown unpaid with 我 between; "I paid, have a look" with a comma or other words', async () => {
    const unpaid = order({ orderId: 'GZ-6', status: 'pending_payment', createdAt: ago(1) });
    for (const q of ['我已经俾咗钱啦 点解仲话我未付款', '付了钱 还说我没付款']) assert.equal((await shop({ orders: [unpaid] })(q)).intent, 'human', q);
    for (const q of ['付好了，你看看', '付好了 你看一下', '额付了哈 刚付的哈', '付完了 你查下']) assert.match(textOf(await shop({ orders: [unpaid] })(q)), /GZ-6[\s\S]*几分钟/, q);
  });
});

describe("what the thirty-third session's third round must not take (third review)", () => {
  const { ago, shop } = session27;
  test('a return cancelled is the request\'s; sending asked is no days of arriving; "why am i being sent the wrong colour" is trouble; trouble said over is a thanks', async () => {
    const coat = order({ orderId: 'HZ-66', status: 'delivered', createdAt: ago(300) });
    const knit = order({ orderId: 'HZ-90', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', createdAt: ago(30) });
    const closed = aftersale({ aftersaleId: 'AS-66', orderId: 'HZ-66', type: 'return', status: 'closed', amount: '199.00' });
    assert.doesNotMatch(textOf(await shop({ orders: [coat, knit], aftersales: [closed] })('我的退货为啥取消')), /超时未支付/);
    for (const q of ['咋给取消了', '怎么帮我取消了', '咋把我订单给取消了', '秒杀的那单为啥取消呢']) assert.match(textOf(await shop({ orders: [knit] })(q)), /超时未支付/, q);
    const ship: FaqEntry = { id: 's', question: '付款后多久发货', answer: '现货商品付款后48小时内发出。' };
    const days: FaqEntry = { id: 'd', question: '几天能收到', answer: '发货后江浙沪1-2天，其他地区2-4天。' };
    const paid = order({ orderId: 'XF-9', status: 'paid', createdAt: ago(2) });
    for (const q of ['还要几天发货', '付款后多少天内发货']) assert.doesNotMatch(textOf(await shop({ orders: [paid] }, [ship, days])(q)), /其他地区2-4天/, q);
    assert.notEqual((await shop({ orders: [coat] })('why am i being sent the wrong colour chair')).intent, 'delivery_estimate');
    assert.equal((await shop({})("cheers! it's not leaking anymore after i tightened the lid")).intent, 'bye');
  });
  test('the bare number goes to a person only after a paid order\'s cancel offered one; other ways of saying no person; "ok did not cancel" is a cancel chased', async () => {
    const unpaid = order({ orderId: 'TA-31', status: 'pending_payment', createdAt: ago(2) });
    const say = shop({ orders: [unpaid] });
    await say('cancel my order');
    assert.notEqual((await say('TA-31')).intent, 'human');
    const paid = order({ orderId: 'TA10228', status: 'paid', createdAt: ago(10) });
    const back = shop({ orders: [paid] });
    await back('can i cancel my order');
    await back('nvm dont cancel');
    assert.notEqual((await back('TA10228')).intent, 'human');
    const polite = shop({ orders: [paid] });
    await polite('pls cancel my order');
    assert.equal((await polite('TA10228 pls')).intent, 'human');
    for (const q of ['yeah nah dont worry about a real person. is the decaf swiss water processed', "nah don't worry bout a person, is the decaf swiss water processed"]) assert.notEqual((await shop({})(q)).intent, 'human', q);
    assert.equal((await shop({ orders: [paid] })('ok did not cancel my order??')).intent, 'cancel_order');
    assert.notEqual((await shop({ orders: [paid] })('nevermind dont cancel')).intent, 'cancel_order');
  });
});

describe('taking the hand-over back in the queue (thirty-third session)', () => {
  test('Taiwanese, Northeastern and Australian ways of saying no person is needed; staying on is not leaving', () => {
    // Found from outside: left in the queue, or queued again in the next bubble.
    const back: [string, string][] = [
      ['nah dont need anyone now', ''], ['沒事了 我自己看官網好了', '我自己看官網好了'], ['不要了啦 不用找人 我自己取消好了', '我自己取消好了'],
      ['好啦開玩笑的 掰', '掰'], ['不用了 不找人了', ''], ['行了行了 不用了', ''], ['算了不用找人了 我自己等着吧', ''],
    ];
    for (const [q, rest] of back) assert.equal(withdrawsHandover(q), rest, q);
    // "I will wait" stays; another quantity chosen still wants the price; the goods given up and a joke doubted are not the person.
    for (const q of ['never mind, I will wait', '算了 还是先拿20打', '不要了', '不要了 退款吧', '开玩笑的吧 发这种货', '开玩笑的，这种货也敢发？', '没事了 但是猫粮还是要退']) assert.equal(withdrawsHandover(q), undefined, q);
  });
});

describe('a Chengdu, a Houston and a Shanghai shop (thirty-fourth session)', () => {
  const { shop } = session27;
  test('a take-back after a nod or an acknowledgement, at the end with a particle, or in the other word order takes the hand-over back', () => {
    for (const [text, rest] of [
      ['要得 不要人工了 另外问下 能开发票不', '另外问下 能开发票不'],
      ['晓得了 不用人工了哈', ''],
      ['好的 不要人工了 拜拜', '拜拜'],
      ['算了 人工不用了 我先去医院看看', '我先去医院看看'],
      // The complaint taken back with it is the take-back's too (thirty-seventh session; its rest had been '不投诉了 退款到了就行').
      ['算了算了 不投诉了 退款到了就行', '退款到了就行'],
      ['nah no agent, im good', 'im good'],
      ['bruh. no agent. forget it', ''],
    ] as const) assert.equal(withdrawsHandover(text), rest, text);
    assert.equal(withdrawsHandover('？？我就问个保存 转啥子人工'), '??我就问个保存');
    // Not taken back: a person is still wanted, or the words are about people who did not answer.
    for (const text of ['no agent answered me yet', 'ya i need an agent', 'yeah no agent is replying', 'im good but where is my refund']) assert.equal(withdrawsHandover(text), undefined, text);
  });

  test('the person just offered, declined in the same message as a new miss, is not forced on the buyer', async () => {
    const say = shop({});
    assert.match(textOf(await say('高原上气压低 瓶子会不会胀开')), /需要为您转接人工客服吗/);
    const r = await say('不用转 寄这么远会胀开不');
    assert.equal(r.handover, undefined, 'no hand-over right after "不用转"');
    // A miss without the no still hands over.
    const again = shop({});
    await again('高原上气压低 瓶子会不会胀开');
    assert.ok((await again('寄这么远会胀开不')).handover);
    const no = shop({});
    await no('高原上气压低 瓶子会不会胀开');
    assert.equal((await no('我说了不用转！')).handover, undefined);
  });
});

describe('a Bristol and a Kuala Lumpur shop (thirty-fifth session)', () => {
  const teaShop = () =>
    shopChat('shop_tea35', [
      { id: 'allergens', question: 'Do your teas and coffees contain allergens?', answer: 'Only our Chai Spice blend contains almonds.' },
      { id: 'pause', question: 'Can I pause or skip a month of my subscription?', answer: 'Yes: My Account > Subscriptions > Skip next box.' },
      { id: 'ni', question: 'Do you deliver to Northern Ireland?', answer: 'Yes, at the usual UK rates.' },
      { id: 'halal', question: 'Are your products halal?', answer: 'Yes, all our snacks are JAKIM-certified halal.' },
    ]);
  test('a British yes to "did you mean…?" gives the entry, not a new question', async () => {
    for (const yes of ['go on then', 'yes go on', 'ye go on then', 'Indeed.', 'yes obviously']) {
      const say = teaShop();
      // Offered, not answered, by today's FAQ confidence (a model that answers it outright makes this test moot: change the question).
      assert.match(textOf(await say('is the chai one the one with nuts in? mate\'s allergic')), /Did you mean "Do your teas and coffees contain allergens\?"/);
      assert.match(textOf(await say(yes)), /Chai Spice blend contains almonds/, yes);
    }
  });
  test('an ok before a question answers the question, not "message me any time"', async () => {
    const say = teaShop();
    for (const text of ['ok. so halal or not?', 'ok i place new order la. btw ur products halal kan?']) {
      const r = await say(text);
      assert.notEqual(r.intent, 'bye', text);
      assert.doesNotMatch(textOf(r), /Message me any time/, text);
    }
  });
  test('"no. thanks, bye" to "did you mean…?" says goodbye; a bare no asks for other words', async () => {
    for (const [no, said] of [['no. thanks, bye', /You're welcome|Message me any time/], ['no. laters', /You're welcome|Message me any time/], ['no', /in other words/]] as const) {
      const say = teaShop();
      assert.match(textOf(await say('is the chai one the one with nuts in? mate\'s allergic')), /Did you mean/);
      assert.match(textOf(await say(no)), said, no);
    }
  });
  test('"2 lah obviously" picks the second of the entries offered', async () => {
    const say = teaShop();
    assert.match(textOf(await say('can i skip or pause the subscription while in belfast, northern ireland')), /1\. Can I pause.*\n2\. Do you deliver to Northern Ireland/s);
    assert.match(textOf(await say('2 lah obviously')), /usual UK rates/);
  });
});

describe('dangers said in Cantonese, pregnancy asked of a tea (thirty-fifth session)', () => {
  test('a power bank hot with a burnt smell, or swollen, in Cantonese: safety first and a person with priority', async () => {
    for (const text of ['呢個尿袋用咗幾日之後好熱 仲有陣燶味 係咪有危險', '唔好意思再問 塊充電寶而家好似脹咗少少 仲可唔可以用']) {
      const r = await conversation(robotWith({}))(text);
      assert.match(textOf(r), /停止使用/, text);
      assert.equal(r.handover?.reason, 'complaint', text);
    }
    // Hot weather, a popular power bank: no danger.
    for (const text of ['今天好热 我的充电宝到了吗', '充电宝好热门啊 还有货吗']) assert.doesNotMatch(textOf(await conversation(robotWith({}))(text)), /停止使用/, text);
  });
  test('"the serum made my face go all red and blotchy" is a skin reaction: stop using it first (a Melbourne shop)', async () => {
    assert.match(textOf(await conversation(robotWith({}))('the rosehip serum made my face go all red and blotchy, still itchy today…')), /stop using it/i);
    assert.doesNotMatch(textOf(await conversation(robotWith({}))('my face went red when i saw the price lol')), /stop using it/i);
  });
  test('a swollen battery\'s request asked after is the request; asked whether it is safe at home, the danger', async () => {
    assert.doesNotMatch(textOf(await conversation(robotWith({}))('hi 我那块鼓包的电池申请换新了 进度咋样了')), /停止使用/);
    assert.match(textOf(await conversation(robotWith({}))('鼓包的电池放家里安全吗 有点怕')), /停止使用/);
    assert.match(textOf(await conversation(robotWith({}))('充电宝冒烟了 要退货')), /停止使用/);
    // A return asked for now is no request already made: the danger first.
    assert.match(textOf(await conversation(robotWith({}))('充电宝鼓包了 要退货')), /停止使用/);
    assert.match(textOf(await conversation(robotWith({}))('my battery is swollen, can i return it')), /stop using it/i);
  });
  // Found from outside (thirty-sixth session, a Beijing pet shop): swollen cans of cat food were told to unplug them.
  test('a swollen can of food is spoiled goods, not a battery', async () => {
    for (const text of ['那罐头有几罐是鼓包的 算质量问题不', '鼓包的罐头算质量问题吧 能重新申请不', '罐头鼓包了', 'my cans arrived bulging']) {
      const t = textOf(await conversation(robotWith({}))(text));
      assert.doesNotMatch(t, /停止使用|拔掉电源|stop using it/i, text);
      assert.match(t, /质量问题|转人工|damaged or faulty|human/i, text);
    }
    assert.match(textOf(await conversation(robotWith({}))('罐头没事 充电宝鼓包了')), /停止使用/, 'a swollen power bank is still one');
  });
  test('"ok for someone who\'s pregnant?" of a tea needs a doctor; of a dress it does not', async () => {
    const tea = await conversation(robotWith({}))("Is the Darjeeling first flush ok for someone who's pregnant? how much caffeine is in it");
    assert.match(textOf(tea), /doctor or pharmacist/);
    assert.doesNotMatch(textOf(await conversation(robotWith({}))("is this dress ok for someone who's pregnant")), /doctor or pharmacist/);
  });
});

describe('orders, requests and goods in trouble (thirty-fifth session)', () => {
  const orders = [order({ orderId: 'SY1201005', status: 'delivered' }), order({ orderId: 'SY1120011', status: 'delivered', items: [{ sku: 'P', title: '真丝睡衣', quantity: 1, price: '699.00' }] })];
  test('"查下我所有订单" tells every order, not "which one?"', async () => {
    const text = textOf(await conversation(robotWith({ orders }))('查下我所有订单'));
    assert.match(text, /SY1201005[\s\S]*SY1120011/);
    assert.doesNotMatch(text, /哪一个/);
  });
  test('goods named in traditional characters find the order listed in simplified ones; "寄咗未" asks whether it was sent', async () => {
    const bank = order({ orderId: 'YC018', status: 'shipped', items: [{ sku: 'PB', title: '20000mAh 65W 快充充电宝', quantity: 1, price: '199.00' }] });
    const film = order({ orderId: 'YC040', status: 'paid', items: [{ sku: 'F', title: '小米15 防窥钢化膜', quantity: 1, price: '39.00' }] });
    const say = conversation(robotWith({ orders: [bank, film], logistics: [logistics({ orderId: 'YC018' })] }));
    assert.match(textOf(await say('我d單去到邊')), /YC018/);
    const r = await say('仲有塊防窺膜呢 寄咗未');
    assert.match(textOf(r), /YC040/);
    assert.doesNotMatch(textOf(r), /售後申請|售后申请/);
  });
  test('washing, ironing, see-through asked of goods ordered: the shop\'s word, not the order\'s card', async () => {
    const shirt = order({ orderId: 'SY77', status: 'shipped', items: [{ sku: 'S', title: '真丝衬衫 白色 M', quantity: 1, price: '399.00' }] });
    for (const text of ['衬衫是真丝的洗了会不会皱成咸菜😂 要熨吗', '那件衬衫会不会很透 要不要穿打底']) {
      const say = conversation(robotWith({ orders: [shirt], logistics: [logistics({ orderId: 'SY77' })] }));
      assert.ok((await say('我的快递到哪了')).replies.some((x) => x.card), 'the parcel first');
      const r = await say(text);
      assert.ok(!r.replies.some((x) => x.card), text);
    }
  });
  test('"那我不退了 申请能撤销吗" is how to withdraw the request, not a new one', async () => {
    const r = await conversation(robotWith({ orders, aftersales: [aftersale({ aftersaleId: 'AS1', orderId: 'SY1201005', status: 'requested' })] }))('那我不退了 申请能撤销吗');
    assert.match(textOf(r), /撤销/);
    assert.doesNotMatch(textOf(r), /不用重复申请/);
  });
  test('what the goods do, asked after their order\'s status, is no question about the order', async () => {
    const charger = order({ orderId: 'YC001', status: 'shipped', items: [{ sku: 'c', title: '20W PD快充充电器 白色 (iPhone适用)', quantity: 1, price: '59.00' }, { sku: 'k', title: 'iPhone16 Pro 磁吸手机壳', quantity: 1, price: '39.00' }] });
    const say = conversation(robotWith({ orders: [charger], logistics: [logistics({ orderId: 'YC001' })] }));
    assert.ok((await say('我的快递到哪了')).replies.some((x) => x.card));
    const r = await say('iphone16pro個殼有冇磁吸嫁？同埋20w夠唔夠快叉');
    assert.ok(!r.replies.some((x) => x.card), textOf(r));
  });
  test('a question about goods no entry answers offers a person, not "I didn\'t get that"', async () => {
    for (const text of ['鞋子能加宽吗', 'batt life on the pulse buds?']) assert.match(textOf(await conversation(robotWith({}))(text)), /不太确定|not sure/, text);
    assert.match(textOf(await conversation(robotWith({}))('asdf qwer')), /没太理解|didn't quite get/);
  });
  test('"付好了 这次真付了😂" said again is a payment made, not a miss', async () => {
    const unpaid = order({ orderId: 'SY1206007', status: 'pending_payment' });
    const r = await conversation(robotWith({ orders: [unpaid] }))('付好了 这次真付了😂');
    assert.match(textOf(r), /几分钟内会更新/);
    assert.equal(r.handover, undefined);
  });
  test('"i have photos, where to send?" goes to a person; received goods past their date are a complaint', async () => {
    assert.equal((await conversation(robotWith({ orders }))('i have photos, where to send?')).handover?.reason, 'requested');
    for (const text of ['the expiry date on pack is 20/11/2026, i received 23 nov. u send me expired stock!!', '收到的货已经过期了']) {
      assert.equal((await conversation(robotWith({ orders }))(text)).handover?.reason, 'complaint', text);
    }
    // Asked before, not received so: no complaint.
    assert.notEqual((await conversation(robotWith({ orders }))('收到的会不会过期')).handover?.reason, 'complaint');
  });
});

describe('a parcel to Hong Kong and the shop\'s own word on it (thirty-fifth session)', () => {
  const withEntry = (answer: string) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'days', question: '几天能收到？', answer }]);
    const o = order({ orderId: 'HK1', receiver: { name: '陈', phone: '85291234567', address: '香港九龙旺角弥敦道 100 号' } });
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [o], logistics: [logistics({ orderId: 'HK1', carrier: '顺丰速运', trackingNo: 'SF1432887765012' })] }), faq: own, clock: () => NOW });
    return (text: string) => robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-hk', text });
  };
  test('an entry naming 香港 is told for a Hong Kong parcel; without one, the carrier and customs decide', async () => {
    const named = textOf(await withEntry('广东省内次日达，其他地区3-5天。香港、澳门走顺丰，3-5个工作日。')('我的快递几天能到'));
    assert.match(named, /香港、澳门走顺丰，3-5个工作日/);
    const unnamed = textOf(await withEntry('江浙沪次日达，其他地区3-5天。')('我的快递几天能到'));
    assert.doesNotMatch(unnamed, /3-5天/);
  });
});

describe('the day a paid order goes out, by the shop\'s rule (thirty-fifth session)', () => {
  const withRule = (updatedAt: string, answer = '现货订单当天16:00前付款当天发出，16:00后付款次日发出；周日及法定节假日顺延至下一个工作日发出。', title = '小米15 防窥钢化膜') => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [{ id: 'ship', question: '付款后多久发货？', answer }]);
    const o = order({ orderId: 'YC040', status: 'paid', createdAt: updatedAt, updatedAt, items: [{ sku: 'F', title, quantity: 1, price: '39.00' }] });
    return createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: own, clock: () => new Date('2026-12-06T14:00:00+08:00') });
  };
  test('paid on Saturday after the cut-off: Monday, with the shop\'s sentence', async () => {
    const r = await withRule('2026-12-05T17:30:00+08:00').answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-sd', text: '几时发货' });
    assert.match(textOf(r), /16:00前付款当天发出[\s\S]*预计12月7日（周一）发出/);
  });
  test('a rule in traditional characters, 出貨 (a Taipei shop): read as the shop\'s other sentences, the same day', async () => {
    const rule = '平日（週一至週五）下午3點前付款，當天出貨；週六、週日順延至下一個工作日出貨。';
    const r = await withRule('2026-12-05T11:00:00+08:00', rule).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-sd3', text: '几时发货' });
    assert.match(textOf(r), /预计12月7日（周一）发出/);
  });
  // Found from outside (forty-fifth session, a Xiamen e-bike shop): a lithium pack promised "today" by the parts' cut-off.
  test('the entry\'s own sentence on this order\'s goods, not its general cut-off', async () => {
    const rule = '现货配件工作日16:00前付款当天发出，16:00后付款次日发出；周日及法定节假日顺延到下一个工作日。锂电池组要走物流专线，付款后48小时内发出。';
    const pack = textOf(await withRule('2026-12-05T17:30:00+08:00', rule, '72V30Ah 三元锂电池组 雅迪爱玛通用').answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-sd4', text: '今天能发吗' }));
    assert.match(pack, /付款后48小时内发出/);
    assert.doesNotMatch(pack, /预计12月7日/);
    const part = textOf(await withRule('2026-12-05T17:30:00+08:00', rule, '电动车 控制器 72V').answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-sd5', text: '今天能发吗' }));
    assert.match(part, /预计12月7日（周一）发出/);
  });
  test('a day already past is no promise (the order is late): no day', async () => {
    const r = await withRule('2026-12-01T10:00:00+08:00').answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-sd2', text: '几时发货' });
    assert.doesNotMatch(textOf(r), /预计12月1日/);
  });
});

describe('a stalled parcel told beside its order status (thirty-fifth session)', () => {
  test('the stalled line stands as a sentence of its own, in English too', async () => {
    const o = order({ orderId: 'SB-1', status: 'shipped' });
    const stale = logistics({ orderId: 'SB-1', events: [{ time: '2024-11-20T10:00:00+08:00', location: 'Adelaide', description: 'In transit' }], updatedAt: '2024-11-20T10:00:00+08:00' });
    const r = await conversation(robotWith({ orders: [o], logistics: [stale] }))('whats the status of my order');
    const bubbles = r.replies.map((x) => x.text);
    assert.ok(bubbles.length >= 2, bubbles.join(' | '));
    for (const b of bubbles) assert.match(b, /^[A-Z"]/, `a bubble starts a sentence: ${b}`);
  });
});

// Found from outside (thirty-sixth session, a Chengdu shop): the same gift box sent to relatives in three cities; only
// the receiver's city tells the orders apart, and the robot listed them alike and never read "寄哈尔滨那个".
describe('orders told apart by where they go', () => {
  const box = (orderId: string, address: string, status: Order['status'], createdAt: string) =>
    order({ orderId, status, createdAt, receiver: { name: '赵丽', phone: '13800000000', address }, items: [{ sku: 'G', title: '年货礼盒·川味团圆', quantity: 1, price: '168.00' }], totalAmount: '168.00' });
  const orders = [
    box('GB-101', '上海市浦东新区张江路500弄3号', 'delivered', '2024-11-25T09:00:00+08:00'),
    box('GB-102', '广东省广州市天河区体育西路100号', 'shipped', '2024-11-25T09:05:00+08:00'),
    box('GB-103', '黑龙江省哈尔滨市南岗区西大直街200号', 'shipped', '2024-11-25T09:10:00+08:00'),
  ];
  const data: FakeData = { orders, logistics: orders.map((o) => logistics({ orderId: o.orderId, trackingNo: `T${o.orderId}` })) };
  test('the list names each one\'s city, and a city picks one', async () => {
    const say = conversation(robotWith(data));
    const list = textOf(await say('我的快递到哪了'));
    assert.match(list, /寄往哈尔滨市[\s\S]*寄往广州市/);
    const picked = textOf(await say('寄哈尔滨那个'));
    assert.match(picked, /GB-103/);
    assert.doesNotMatch(picked, /GB-102/);
    // After the list, one that was not in it (delivered) is found by its city too.
    const again = conversation(robotWith(data));
    await again('我的快递到哪了');
    assert.match(textOf(await again('上海那个呢')), /GB-101/);
  });
  test('goods that differ are still told by their price, and a word in no address narrows nothing', async () => {
    const say = conversation(robotWith(data));
    await say('我的快递到哪了');
    assert.match(textOf(await say('北京那个')), /哪一个|Which/);
  });
});

// Found from outside (thirty-sixth session: a Beijing, a Chengdu and a Toronto shop): the regions of mainland China beyond a
// few remote ones, and Canada's, were unknown, so every parcel was told every region's days ("北京市内次日达…" to Tianjin,
// "四川、重庆一般次日到" to Beijing, Ontario's and the US's to Calgary), and a next-day region was given "其他地区"'s days.
describe('the receiver\'s region picks its clause of a delivery entry', () => {
  const { shop } = session27;
  const to = (orderId: string, address: string, location: string) => ({
    orders: [order({ orderId, status: 'shipped', receiver: { name: 'A', phone: '13800000000', address } })],
    logistics: [logistics({ orderId, trackingNo: `T${orderId}`, events: [{ time: '2024-11-26T08:00:00+08:00', location, description: '运输中' }] })],
  });
  const beijingShop: FaqEntry = { id: 'd', question: '几天能收到', answer: '默认发中通，北京市内次日达，京津冀1-2天，江浙沪2-3天，其他地区2-4天，新疆、西藏、青海5-7天。' };
  const chengduShop: FaqEntry = { id: 'd', question: '几天能收到', answer: '默认发中通快递。四川、重庆一般次日到；江浙沪2-3天，其他地区3-5天。' };
  const torontoShop: FaqEntry = { id: 'd', question: 'How long does delivery take?', answer: 'Within Ontario and Quebec, Canada Post Expedited takes 1-3 business days. Western Canada and Atlantic Canada take 3-6 business days. US orders go by UPS and take 4-8 business days.' };
  test('a city before the group it is in, a province, a Canadian province by its postcode', async () => {
    const tianjin = textOf(await shop(to('TJ-1', '天津市南开区卫津路1号', '天津'), [beijingShop])('多久能到'));
    assert.match(tianjin, /京津冀1-2天/);
    assert.doesNotMatch(tianjin, /北京市内|其他地区/);
    const beijing = textOf(await shop(to('BJ-1', '北京市朝阳区望京街1号', '北京'), [beijingShop])('多久能到'));
    assert.match(beijing, /北京市内次日达/);
    assert.doesNotMatch(beijing, /京津冀1-2天/);
    assert.match(textOf(await shop(to('GZ-1', '广东省广州市天河区体育西路100号', '广州'), [beijingShop])('我的快递多久能到')), /其他地区2-4天/);
    const sichuan = textOf(await shop(to('CD-1', '四川省乐山市市中区嘉定路1号', '乐山'), [chengduShop])('明天能送到吗'));
    assert.match(sichuan, /四川、重庆一般次日到/);
    assert.doesNotMatch(sichuan, /其他地区|恐怕/);
    const calgary = textOf(await shop(to('CA-1', '200 8 Ave SW, Calgary, AB T2P 1J9', 'Calgary, AB'), [torontoShop])('when will it get here'));
    assert.match(calgary, /Western Canada/);
    assert.doesNotMatch(calgary, /Ontario|US orders/);
  });
  test('北京时间 is the shop\'s clock, no region', async () => {
    const clock: FaqEntry = { id: 'd', question: '几天能收到', answer: '下午4点（北京时间）前付款当天发，江浙沪次日达，其他地区2-4天。' };
    assert.match(textOf(await shop(to('BJ-2', '广东省广州市天河区体育西路100号', '广州'), [clock])('我的快递多久能到')), /其他地区2-4天/);
  });
});

// Found from outside (thirty-sixth session, a Chengdu shop): "我说我付好了 你帮我看下花椒那单到账没得" was read as a refund.
test('a payment said done and asked whether it arrived is the order\'s payment, not a refund', async () => {
  const unpaid = order({ orderId: 'HJ-1', status: 'pending_payment', items: [{ sku: 'H', title: '汉源大红袍花椒 250g', quantity: 1, price: '79.80' }] });
  const done = order({ orderId: 'OLD-1', status: 'completed' });
  for (const text of ['我说我付好了 你帮我看下花椒那单到账没得', '钱付了 你们收到没']) {
    const t = textOf(await conversation(robotWith({ orders: [done, unpaid], aftersales: [] }))(text));
    assert.match(t, /HJ-1/, text);
    assert.doesNotMatch(t, /售后申请/, text);
  }
  assert.match(textOf(await conversation(robotWith({ orders: [done, unpaid], aftersales: [] }))('退款到账了吗')), /售后|退款/);
});

// Found from outside (thirty-sixth session, a Singapore furniture shop): furniture was no kind of goods, so "我的边桌什么时候再送"
// got a bookshelf's refund, "还有那个大理石边桌呢" was not understood, and "ok lor. then bed frame need to assemble myself…"
// to "did you mean the mattress trial?" was given the trial.
describe('furniture is goods', () => {
  test('a Chinese word for an English title, and another kind after an ok is another question', async () => {
    const table = order({ orderId: 'SGF-611', status: 'shipped', currency: 'SGD', items: [{ sku: 'T', title: 'Marble Side Table (White)', quantity: 1, price: '149.00' }] });
    const shelf = order({ orderId: 'SGF-876', status: 'shipped', currency: 'SGD', items: [{ sku: 'B', title: 'Oak Bookshelf 5-tier', quantity: 1, price: '229.00' }] });
    const t = textOf(await conversation(robotWith({ orders: [table, shelf], logistics: [logistics({ orderId: 'SGF-611' }), logistics({ orderId: 'SGF-876', trackingNo: 'T876' })] }))('我的边桌什么时候到'));
    assert.match(t, /SGF-611/);
    assert.doesNotMatch(t, /SGF-876/);
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'trial', question: 'How many trial nights for the mattress?', answer: 'All mattresses come with a 100-night home trial.' },
      { id: 'assembly', question: 'Do you provide assembly?', answer: 'Assembly is free for bed frames and wardrobes.', alternates: ['got assembly service or not'] },
    ]);
    // The state after "Did you mean "How many trial nights for the mattress?"" (the shop's FAQ was unsure of the buyer's words).
    const offered = { v: 1, lang: 'en', failures: 0, faqOptions: ['How many trial nights for the mattress?'] };
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: own, clock: () => NOW });
    const next = (text: string) => robot.answer({ shopId: SHOP, userId: 'u-f', conversationId: 'c-f', text, state: offered });
    assert.match(textOf(await next('ok lor')), /100-night/, 'the ok alone takes the entry offered');
    const moved = textOf(await next('ok lor. then bed frame need to assemble myself or your guys do?'));
    assert.doesNotMatch(moved, /100-night/);
    assert.match(moved, /Assembly|assembly/);
  });
});

// Found from outside (thirty-sixth session, a Chengdu shop): "咋个自己就取消了" got a delivered order's returns policy, and
// "哦 我以为付了 那钱扣了没得" about the order cancelled unpaid was handed over as if charged.
test('"咋个自己就取消了" asks why the cancelled order was, and "我以为付了 那钱扣了没得" of it is told nothing was charged', async () => {
  const gone = order({ orderId: 'HJ-9', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', items: [{ sku: 'H', title: '汉源大红袍花椒 250g', quantity: 1, price: '39.90' }] });
  const eaten = order({ orderId: 'HJ-1', status: 'delivered' });
  const say = conversation(robotWith({ orders: [eaten, gone], aftersales: [] }));
  const why = textOf(await say('我4号晚上拍的花椒 咋个自己就取消了'));
  assert.match(why, /HJ-9[\s\S]*超时未支付/);
  const charged = await say('哦 我以为付了 那钱扣了没得');
  assert.equal(charged.handover, undefined);
  assert.match(textOf(charged), /不会扣款|没有付款/);
});

// Found from outside (thirty-sixth session, a Beijing pet shop): the shop's entry on cancelling a subscription was told to a
// buyer cancelling a scratching board.
test('an entry on cancelling a subscription is no word on cancelling other goods', async () => {
  const own = new FaqIndexProvider();
  own.setEntries(SHOP, [
    { id: 'sub', question: '怎么取消或暂停包月订阅', answer: '在「我的-我的订阅」里可以随时暂停或取消，每月5号之前操作当月不发。', alternates: ['订阅怎么取消', '包月能取消吗'] },
    { id: 'time', question: '几天能收到', answer: '北京市内次日达，其他地区2-4天。' },
  ]);
  const ask = (title: string) =>
    createRobot({ dataSource: fakeDataSource({ orders: [order({ orderId: 'BJ-1', status: 'paid', items: [{ sku: 'S', title, quantity: 1, price: '59.00' }] })], aftersales: [] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '还没发货的能直接取消不 怎么取消' });
  assert.doesNotMatch(textOf(await ask('瓦楞纸猫抓板 大号')), /我的订阅/);
  assert.match(textOf(await ask('【包月订阅】豆腐猫砂 6L×4')), /我的订阅/);
});

// Found from outside (thirty-sixth session): a baby's mouth swelling and breath quickening after milk got FAQ entries (a
// Shanghai baby shop), and a phone "boiling hot when it charges" its exchange's status (a Manchester phone shop).
describe('an allergic reaction\'s danger and a phone too hot to hold are dangers', () => {
  test('breathing and a swelling mouth: call for help, a person with priority', async () => {
    for (const text of ['宝宝刚喝完奶嘴巴周围肿起来了，呼吸有点急', '喘不上气了！！', 'my baby lips are swelling after the formula, she is wheezing']) {
      const r = await conversation(robotWith({}))(text);
      assert.equal(r.handover?.reason, 'complaint', text);
      assert.match(textOf(r), /急救|120|emergency|call/i, text);
    }
    for (const text of ['气得我喘不上气', 'lol i can\'t breathe', 'my lips are swollen after the lip balm']) {
      assert.doesNotMatch(textOf(await conversation(robotWith({}))(text)), /急救|emergency number|call your local emergency/i, text);
    }
  });
  test('a phone boiling hot, or too hot to hold, when it charges', async () => {
    const phone = order({ orderId: 'MP-1', status: 'delivered', currency: 'GBP', items: [{ sku: 'P', title: 'iPhone 13 128GB Midnight - Excellent (refurbished)', quantity: 1, price: '329.00' }] });
    assert.match(textOf(await conversation(robotWith({ orders: [phone] }))("phone's boiling hot when it charges")), /stop using it/i);
    const say = conversation(robotWith({ orders: [phone], logistics: [logistics({ orderId: 'MP-1', status: 'delivered' })] }));
    await say('where is my iphone');
    assert.match(textOf(await say('its getting really hot mate, like too hot to hold. is that dangerous?')), /stop using it/i);
    assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [phone] }))('is the iphone 13 a hot seller')), /stop using it/i);
  });
});

// Found from outside (thirty-sixth session, a Shanghai baby shop): an English buyer was told the shop had no return rules, though
// its Chinese entry on returns was the first the lexicon ranked.
test('a returns question in English finds the shop\'s Chinese returns entry before saying it has none', async () => {
  const own = new FaqIndexProvider();
  own.setEntries(SHOP, [
    { id: 'ret', question: '支持七天无理由退货吗', answer: '签收后7天内，未拆封的支持7天无理由退货；奶粉一经拆封不支持无理由退货，质量问题除外。', alternates: ['拆封了还能退吗', '奶粉开罐了可以退吗', '不想要了能退吗', '退货要运费吗'] },
    { id: 'date', question: '奶粉的生产日期和保质期是多久', answer: '都是半年内生产的，保质期两年。' },
    { id: 'allergy', question: '宝宝喝奶粉过敏怎么办', answer: '请立即停喝并就医。' },
    { id: 'door', question: '推车和安全座椅送货上门吗', answer: '德邦送货上门。' },
  ]);
  const t = textOf(await createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: own, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-e', conversationId: 'c-e', text: 'can i return opened formula?' }));
  assert.match(t, /奶粉一经拆封/);
  assert.doesNotMatch(t, /don't have this shop's return rules/);
});

// Found from outside (a Sydney shop, thirty-seventh session).
describe('an order named by a code of a product code\'s shape, or by its goods with a day misremembered', () => {
  const tent = order({ orderId: 'SO-10231', status: 'delivered', createdAt: '2024-11-06T12:00:00+08:00', items: [{ sku: 'T-2', title: 'Hiker Venture 2-Person Hiking Tent', quantity: 1, price: '299.00' }] });
  const bag = order({ orderId: 'SO-10288', createdAt: '2024-11-21T12:00:00+08:00', items: [{ sku: 'B-5', title: 'Alpine -5C Down Sleeping Bag', quantity: 1, price: '249.00' }] });
  const data: FakeData = { orders: [tent, bag], logistics: [logistics({ orderId: tent.orderId, status: 'delivered' }), logistics({ orderId: bag.orderId })] };

  test('"not the tent, the sleeping bag one. SO-10288": the buyer\'s own order, though its id looks like a product code', async () => {
    const say = conversation(robotWith(data));
    assert.match(textOf(await say('where is my tent')), /SO-10231/);
    const r = await say('nah mate not the tent, the sleeping bag one. SO-10288');
    assert.match(textOf(r), /SO-10288/, textOf(r));
    assert.doesNotMatch(textOf(r), /SO-10231|did you mean/i);
    // A code that is none of the buyer's orders stays a product code.
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('is B-7781 in stock')), /SO-10288/);
  });

  test('"wheres my sleeping bag at? ordered it wednesday": the goods named outrank a Wednesday weeks back', async () => {
    const r = await conversation(robotWith(data))('g day mate, wheres my sleeping bag at? ordered it wednesday');
    assert.match(textOf(r), /SO-10288/, textOf(r));
    // The day alone still picks the order of that day.
    assert.match(textOf(await conversation(robotWith(data))('where is the one i ordered on wednesday the 6th')), /SO-10231/);
  });
});

// Found from outside (thirty-seventh session: a Guangzhou, a Xi'an, a Taipei and a Sydney shop).
describe('take-backs, declines and a complaint taken back, and a reaction said in Cantonese', () => {
  test('take-backs in more words: an apology first, "scratch that", "didnt mean to ask for a person", a complaint taken back', () => {
    for (const [text, rest] of [
      ['不好意思 不用了 我再等黑貓通知就好', '我再等黑貓通知就好'],
      ['？？我说了不投诉 不用人工', ''],
      ['不用了 不投诉了 周一发就行', '周一发就行'],
      ['actually no worries, forget it, i\'ll sort it on the website myself', "i'll sort it on the website myself"],
      ['actually scratch that, i\'ll come back monday when youre open', "i'll come back monday when youre open"],
      ['sorry didnt mean to ask for a person, can the bot just tell me if you price match', 'can the bot just tell me if you price match'],
    ] as const) assert.equal(withdrawsHandover(text), rest, text);
    // Still wanting the person, or complaining.
    for (const text of ['不好意思 我要投诉', 'sorry, can i get a person', '不投诉不行了是吧？']) assert.equal(withdrawsHandover(text), undefined, text);
  });

  test('"不投诉了" is no complaint; "不找人了 就这样吧" after "shall I get a person?" declines it', async () => {
    const nlu = createNlu();
    for (const t of ['不投诉了 周一发就行', '我说了不投诉 不用人工']) assert.notEqual(nlu.understand(t).intent, 'complaint', t);
    assert.equal(nlu.understand('我要投诉你们').intent, 'complaint');
    const say = conversation(robotWith({}));
    await say('asdfgh');
    const r = await say('那算了算了 不找人了 就这样吧');
    assert.equal(r.handover, undefined, textOf(r));
  });

  test('"我系用咗一次就过敏啊，塊面又紅又腫": a reaction, told to stop and handed over first', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const t of ['我系用咗一次就过敏啊，塊面又紅又腫，唔系质量问题咩？', '用了一次就过敏了 脸又红又肿']) assert.equal(healthAsked(normalize(t).text), 'reaction', t);
    for (const t of ['用了一次就爱上了', '这个面霜用了一次就过敏了，能退吗']) assert.equal(healthAsked(normalize(t).text), undefined, t);
  });
});

// Found from outside (thirty-seventh session: a Sydney, a Taipei and a Guangzhou shop).
describe('the shop\'s own word before the built-in text, in the same language or the other', () => {
  const withData = (entries: FaqEntry[], data: FakeData) => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, entries);
    return conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  };

  test('a general returns entry that singles out tents answers a question about boots; never the built-in "7 days"', async () => {
    const outdoor = (JSON.parse(readFileSync(new URL('./faq.sydney-outdoor.json', import.meta.url), 'utf8')) as { entries: FaqEntry[] }).entries;
    const r = await withData(outdoor, {})('the boots return, not the headlamps. do we need the box for the boots');
    assert.match(textOf(r), /within 30 days/, textOf(r));
    assert.doesNotMatch(textOf(r), /7 days/);
  });

  test('asked on right after the shop\'s entry was given: its word and a person for the case, not "no rules found"', async () => {
    const returnsZh: FaqEntry = { id: 'r', question: '可以退貨嗎？', answer: '新書享有收到商品後7天鑑賞期，書況完好、未拆封可以退貨；二手書恕不接受退貨。', alternates: ['拆封了還能退嗎'] };
    const say = withData([returnsZh, { id: 'a', question: '運費怎麼算？', answer: '超商取貨運費NT$60。' }, { id: 'b', question: '客服幾點上班？', answer: '週二至週日 10:00-18:00。' }], {});
    assert.match(textOf(await say('可以退貨嗎？')), /7天鑑賞期/);
    const r = await say('那我可以整套退嗎');
    assert.match(textOf(r), /7天鑑賞期[\s\S]*人工客服/, textOf(r));
    assert.doesNotMatch(textOf(r), /沒有查到/);
  });

  test('an English buyer of a shop whose refund and shipping rules are in Chinese: the shop\'s note and its day, not the built-in times', async () => {
    const refundZh: FaqEntry = { id: 'rt', question: '退款多久會入帳？', answer: '我們收到退貨並確認後，信用卡退刷約7-14個工作天入帳。', alternates: ['how long does a refund take'] };
    const shipZh: FaqEntry = { id: 'st', question: '付款后多久发货？', answer: '工作日16:00前付款当天发出，16:00后付款次日发出；周六、周日付款顺延至周一发出。' };
    const refund = aftersale({ aftersaleId: 'AS-9', orderId: 'SO-9', status: 'approved', amount: '560.00' });
    const r = await withData([refundZh, shipZh, { id: 'x', question: '能开发票吗？', answer: '可以。' }], { orders: [order({ orderId: 'SO-9', status: 'delivered' })], aftersales: [refund] })('when will I get my refund');
    assert.match(textOf(r), /in Chinese: 我們收到退貨並確認後/, textOf(r));
    assert.doesNotMatch(textOf(r), /1-3 business days/);
    // Paid on a Wednesday at 18:00 (NOW is Wednesday 10:00, a week on): the rule's next day, in English.
    const paid = order({ orderId: 'SO-10', status: 'paid', updatedAt: '2024-11-26T18:00:00+08:00', createdAt: '2024-11-26T18:00:00+08:00' });
    const s = textOf(await withData([shipZh, { id: 'x', question: '能开发票吗？', answer: '可以。' }, { id: 'y', question: '包邮吗', answer: '包邮。' }], { orders: [paid] })('when does my order ship'));
    assert.match(s, /dispatch rules .* Wednesday, Nov 27/, s);
    assert.doesNotMatch(s, /48 hours/);
  });
});

// Found from outside (a Sydney shop, thirty-seventh session).
describe('a payment said with the goods, and another size asked of a cancelled order', () => {
  test('"i just paid for the boots btw", "ive paid for the boots now": the order awaiting payment, and that payments take minutes to show', async () => {
    const boots = order({ orderId: 'SO-15', status: 'pending_payment', items: [{ sku: 'B', title: 'Merrell Moab 3 Hiking Boots', quantity: 1, price: '219.95' }] });
    for (const text of ['i just paid for the boots btw', 'ive paid for the boots now']) {
      const r = textOf(await conversation(robotWith({ orders: [boots] }))(text));
      assert.match(r, /SO-15[\s\S]*payment usually shows/, text);
      assert.doesNotMatch(r, /address|Did you mean/, text);
    }
    // Thirty-eighth session: the goods before 付好了 with no 我 (a goodbye), a payment asked after past two commas ("no after-sales request").
    const camera = order({ orderId: 'DR-17', status: 'pending_payment', items: [{ sku: 'C', title: 'ActionCam 4 运动相机 潜水套装', quantity: 1, price: '2399.00' }] });
    for (const text of ['潜水相机付好了', '小姑娘我又来了，相机我刚刚付好了，用的国补，你看看到账没']) {
      const r = textOf(await conversation(robotWith({ orders: [camera] }))(text));
      assert.match(r, /DR-17[\s\S]*待付款[\s\S]*几分钟内会更新/, text);
    }
  });

  test('another size of a cancelled order is not "already shipped"', async () => {
    const lamp = order({ orderId: 'SO-79', status: 'cancelled', items: [{ sku: 'L', title: 'Petzl Headlamp', quantity: 1, price: '99.90' }] });
    const r = textOf(await conversation(robotWith({ orders: [lamp] }))('can she swap them for a US10 instead of a refund'));
    assert.match(r, /SO-79 was cancelled/, r);
    assert.doesNotMatch(r, /already shipped/);
  });
});

// Found from outside (a Xi'an shop, thirty-seventh session).
describe('goods the FAQ\'s one unsure entry asks of, in a message guessed to be about the parcel', () => {
  test('"那个猕猴桃上礼拜收到的 到现在还是硬邦邦的": the entry on hard kiwis offered, not the delivered parcel', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'hard', question: '猕猴桃收到是硬的怎么办', answer: '猕猴桃是后熟水果，收到偏硬是正常的，常温放3-5天变软即可食用。', alternates: ['猕猴桃怎么催熟'] },
      { id: 'ship', question: '付款后多久发货', answer: '16:00前付款当天发出。' },
      { id: 'bad', question: '坏果怎么赔', answer: '签收后24小时内拍照联系客服，坏一个赔一个。' },
    ]);
    const kiwi = order({ orderId: 'XA-1', status: 'delivered', items: [{ sku: 'K', title: '周至徐香猕猴桃 5斤装', quantity: 1, price: '59.00' }] });
    const say = conversation(createRobot({ dataSource: fakeDataSource({ orders: [kiwi], logistics: [logistics({ orderId: 'XA-1', status: 'delivered' })] }), faq: own, clock: () => NOW }));
    const r = textOf(await say('那个猕猴桃上礼拜收到的 到现在还是硬邦邦的 咋回事嘛'));
    assert.match(r, /猕猴桃收到是硬的怎么办|后熟/, r);
    assert.doesNotMatch(r, /签收了/);
  });
});

// Found from outside (a Taipei shop, thirty-seventh session, twice: "the address can't be changed now").
describe('where an order goes, checked', () => {
  const kevin = order({ orderId: 'TB-12', status: 'shipped', receiver: { name: '陳大文', phone: '0912345678', address: '台中市西屯區台灣大道三段99號12樓' } });
  const data = { orders: [kevin], logistics: [logistics({ orderId: 'TB-12' })] };
  test('"送到公司 台灣大道那個地址 對嗎", "我沒有要改地址 我只是確認一下地址對不對": the address, its numbers hidden; nothing changed', async () => {
    for (const text of ['貨到是送到公司 台灣大道那個地址 對嗎', '我沒有要改地址 我只是確認一下地址對不對', 'is it going to my work address?', 'is it going to taichung or to my old address??', 'which order is going to Taichung?']) {
      const r = textOf(await conversation(robotWith(data))(text));
      assert.match(r, /台灣大道三段\*\*號\*\*樓/, text);
      assert.doesNotMatch(r, /99|12樓|無法|can't be changed/, text);
    }
    // A change asked is still a change.
    assert.doesNotMatch(textOf(await conversation(robotWith(data))('地址填错了 能改成公司地址吗')), /台灣大道三段/);
  });
});

// Found from outside (thirty-seventh session, second round: a Chongqing, a Kuala Lumpur, a Hangzhou and a London shop).
describe('a buyer who was wrong, a payment that does not show, and a parcel asked in French or held at customs', () => {
  test('"算了 可能是我记错了 不用查了", "never mind, my mistake": no miss, no hand-over', async () => {
    for (const text of ['算了 可能是我记错了 不用查了', 'never mind, my mistake']) {
      const say = conversation(robotWith({}));
      await say('asdfgh');
      const r = await say(text);
      assert.equal(r.handover, undefined, text);
      assert.equal(r.state.failures, 1, text);
    }
  });

  test('"我已经付了猫砂的钱了，可是还是显示待付款？", "…已经对公打款了，怎么还显示未付款": a person checks it, not "please pay"', async () => {
    const unpaid = order({ orderId: 'KL-7', status: 'pending_payment' });
    for (const text of ['我已经付了猫砂的钱了，可是还是显示待付款？', '陈总又来了，50盒那单我已经对公打款了，怎么还显示未付款']) {
      const r = await conversation(robotWith({ orders: [unpaid] }))(text);
      assert.equal(r.handover?.reason, 'requested', text);
    }
  });

  test('"Bonjour, où est mon colis ? I ordered…", "it says held at customs, what do I need to do?": the parcel', async () => {
    const o = order({ orderId: 'LF-1', status: 'shipped' });
    const data = { orders: [o], logistics: [logistics({ orderId: 'LF-1', carrier: 'DPD', status: 'exception', events: [{ time: '2024-11-26T09:30:00+08:00', location: 'Roissy', description: 'Held at customs: import VAT to pay by recipient' }] })] };
    for (const text of ['Bonjour, où est mon colis ? I ordered a jumper and a dress last week, to Paris', 'it says held at customs, what do I need to do?']) {
      const r = await conversation(robotWith(data))(text);
      assert.equal(r.intent, 'track_parcel', text);
      assert.match(textOf(r), /Held at customs/, text);
    }
  });
});

// Found from outside (a Kuala Lumpur shop, thirty-seventh session).
describe('goods named set aside the orders of other goods', () => {
  test('"我的猫粮到哪里了": not the cat litter awaiting payment, but the shipped order whose title names no kind', async () => {
    const litter = order({ orderId: 'KL-LIT', status: 'pending_payment', items: [{ sku: 'L', title: 'Tofu Cat Litter Original 7L', quantity: 1, price: '50.70' }] });
    const food = order({ orderId: 'KL-RC', status: 'shipped', items: [{ sku: 'R', title: 'Royal Canin Kitten 4kg', quantity: 1, price: '189.00' }] });
    const r = textOf(await conversation(robotWith({ orders: [litter, food], logistics: [logistics({ orderId: 'KL-RC' })] }))('你好，我的猫粮到哪里了？'));
    assert.match(r, /KL-RC/, r);
    assert.doesNotMatch(r, /KL-LIT/);
  });
});

// Found from outside (a Kuala Lumpur shop, thirty-seventh session).
describe('a delivery entry written only in English, for a Chinese buyer; "how many working days"', () => {
  const own = new FaqIndexProvider();
  own.setEntries(SHOP, [
    { id: 'd', question: 'How long does delivery take?', answer: 'Klang Valley: our own van, same day if ordered before 12pm. Other West Malaysia states: J&T Express 2-3 working days. East Malaysia: J&T Express 4-7 working days.', alternates: ['几天能收到'] },
    { id: 'p', question: 'Do you sell halal treats?', answer: 'Yes, our KL Paws treats are halal certified.' },
    { id: 'h', question: 'What are your hours?', answer: 'Monday to Saturday 9am-6pm.' },
  ]);
  const penang = order({ orderId: 'KL-9', status: 'shipped', currency: 'MYR', receiver: { name: 'Mei', phone: '60123456789', address: '12 Lebuh Pantai, 10300 George Town, Penang' } });
  const data = { orders: [penang], logistics: [logistics({ orderId: 'KL-9', carrier: 'J&T Express' })] };
  const say = () => conversation(createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW }));
  test('the region\'s sentence in English, marked as such, not the built-in 1-3 days', async () => {
    const r = textOf(await say()('我的快递几天能到'));
    assert.match(r, /（英文）Other West Malaysia states: J&T Express 2-3 working days/, r);
    assert.doesNotMatch(r, /1-3 天|Klang Valley/);
  });
  test('"my parcel to penang, how many working days usually" is told the days', async () => {
    const r = await say()('sorry can reply english? my parcel to penang, how many working days usually');
    assert.equal(r.intent, 'delivery_estimate');
    assert.match(textOf(r), /2-3 working days/);
  });
});

// Found from outside (a Kuala Lumpur shop, thirty-seventh session): "not sure", one message after the parcel was called stuck.
describe('at home all day and nobody came', () => {
  test('"我昨天整天在家，门铃都没响", "yesterday whole day i at home leh, nobody come": a person checks with the courier', async () => {
    for (const text of ['我昨天整天在家，门铃都没响', 'wait yesterday whole day i at home leh, nobody come. today also no 😤']) {
      assert.equal((await conversation(robotWith({}))(text)).handover?.reason, 'requested', text);
    }
    assert.equal((await conversation(robotWith({}))('我整天在家 可以送货上门吗')).handover, undefined);
  });
});

// Found from outside (a Chongqing shop, thirty-seventh session).
describe('an order gone, its money, and Sichuan 好多天', () => {
  const charger = order({ orderId: 'CQ-11', status: 'cancelled', cancelReason: '超时未支付，系统自动取消', items: [{ sku: 'P', title: '磁吸无线充电宝 5000mAh', quantity: 1, price: '89.00' }] });
  const refundZh: FaqEntry = { id: 'rt', question: '退款多久到账？', answer: '退款审核通过后1-3个工作日原路退回，微信、支付宝一般当天到账。' };
  const shop = () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [refundZh, { id: 'd', question: '几天能收到', answer: '川渝地区次日达，其他地区2-4天，新疆、西藏5-7天。' }, { id: 'x', question: '能开发票吗', answer: '可以。' }]);
    return conversation(createRobot({ dataSource: fakeDataSource({ orders: [charger] }), faq: own, clock: () => NOW }));
  };
  test('"我之前还买了个磁吸充电宝 咋个没得了呢", then "那钱退没退给我嘛": why it was cancelled, and that nothing was charged, with no refund times', async () => {
    const say = shop();
    assert.match(textOf(await say('我之前还买了个磁吸充电宝 咋个没得了呢？？')), /超时未支付/);
    const r = textOf(await say('那钱退没退给我嘛 我记得好像付了的'));
    assert.match(r, /没有付款，不会扣款/, r);
    assert.doesNotMatch(r, /1-3个工作日/);
  });
  test('"新疆一般要好多天嘛", "拉萨好多天到" ask the days', async () => {
    for (const text of ['新疆一般要好多天嘛', '拉萨好多天到']) assert.match(textOf(await shop()(text)), /5-7天/, text);
  });
});

// Found from outside (a Hangzhou shop, thirty-seventh session): "默认发顺丰速运，其他地区2-3天，其他地区3-5天".
describe('a sentence on another courier that opens with choosing it', () => {
  test('"选中通快递的订单…其他地区3-5天" is not told of an SF parcel to Beijing', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'd', question: '发什么快递，几天能收到', answer: '默认发顺丰速运，江浙沪次日达，其他地区2-3天，新疆、西藏5-7天。选中通快递的订单江浙沪2天，其他地区3-5天。', alternates: ['几天能收到'] },
      { id: 'x', question: '能开发票吗', answer: '可以。' },
      { id: 'y', question: '有优惠活动吗', answer: '满300减30。' },
    ]);
    const box = order({ orderId: 'HZ-11', status: 'shipped', receiver: { name: '陈', phone: '13800000000', address: '北京市朝阳区建国路88号' } });
    const r = textOf(await conversation(createRobot({ dataSource: fakeDataSource({ orders: [box], logistics: [logistics({ orderId: 'HZ-11', carrier: '顺丰速运', trackingNo: 'SF1234567890' })] }), faq: own, clock: () => NOW }))('我的快递几天能到'));
    assert.match(r, /其他地区2-3天/, r);
    assert.doesNotMatch(r, /3-5天/);
  });
});

// Found from outside (a Hangzhou shop, thirty-seventh session): "no after-sales request" told to both.
describe('goods asked whether they came, in Shanghainese; a return given up', () => {
  test('"我上礼拜买额明前龙井礼盒收到了伐？屋里厢人讲没看到" asks after the parcel', async () => {
    const box = order({ orderId: 'HZ-1', status: 'delivered', items: [{ sku: 'T', title: '明前特级西湖龙井礼盒 250g', quantity: 1, price: '688.00' }] });
    const r = await conversation(robotWith({ orders: [box], logistics: [logistics({ orderId: 'HZ-1', status: 'delivered' })] }))('侬好，我上礼拜买额明前龙井礼盒收到了伐？屋里厢人讲没看到');
    assert.equal(r.intent, 'track_parcel', textOf(r));
    assert.doesNotMatch(textOf(r), /售后申请/);
  });
  test('"nvm 不退了 等就等吧": nothing to do, no "no after-sales request"', async () => {
    const r = await conversation(robotWith({ orders: [order({ orderId: 'HZ-2', status: 'paid' })] }))('nvm 不退了 等就等吧');
    assert.doesNotMatch(textOf(r), /售后申请/, textOf(r));
    assert.equal(r.handover, undefined);
    // Not a question that follows it.
    assert.notEqual((await conversation(robotWith({}))('不退了 那什么时候发货')).intent, 'unknown');
  });
});

// Found from outside (a Hangzhou shop's Chengdu buyer, thirty-seventh session): the entry offered was told.
describe('a yes to "did you mean…?" with a question of its own after it', () => {
  test('"要得，今天拍明天能发不" asks its own question; "是的，那…" still leans on the entry offered', async () => {
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [
      { id: 'grade', question: '明前和雨前龙井有什么区别', answer: '明前龙井是清明前采摘的嫩芽，雨前龙井滋味更浓。' },
      { id: 'ship', question: '付款后多久发货', answer: '现货订单当天16:00前付款当天发出，16:00后付款次日发出。', alternates: ['今天拍明天能发吗'] },
      { id: 'inv', question: '可以开发票吗', answer: '可以开电子发票。' },
    ]);
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }));
    assert.match(textOf(await say('你们那个明前龙井礼盒是好多钱嘛')), /明前和雨前龙井有什么区别/);
    const r = textOf(await say('要得，今天拍明天能发不'));
    assert.match(r, /16:00前付款当天发出/, r);
    assert.doesNotMatch(r, /嫩芽/);
  });
});

// Found replaying this session's testers (thirty-seventh session).
describe('what follows a take-back, an order by its day, and how many working days', () => {
  test('the rest of a take-back that asks nothing is let be; one that asks is answered, in traditional characters too', async () => {
    const robot = robotWith({ orders: [order({ orderId: 'SO-97', status: 'paid' })], aftersales: [] });
    for (const text of ["i'll sort it on the website myself", "i'll come back monday when youre open"]) {
      assert.deepEqual((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text, restOfTakeBack: true })).replies, [], text);
    }
    for (const text of ['再問一次 二手書可以退嗎', 'where is my order?']) {
      assert.ok((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text, restOfTakeBack: true })).replies.length > 0, text);
    }
  });
  test('"請問我12/4訂的那筆現在怎樣了" is that order\'s status', async () => {
    const a = order({ orderId: 'TB-04', status: 'paid', createdAt: '2024-11-04T16:20:00+08:00' });
    const b = order({ orderId: 'TB-05', status: 'paid', createdAt: '2024-11-05T10:00:00+08:00' });
    const r = await conversation(robotWith({ orders: [a, b] }))('請問我11/4訂的那筆現在怎樣了');
    assert.equal(r.intent, 'order_status');
    assert.match(textOf(r), /TB-04/);
  });
  test('"my parcel to penang, how many working days" asks the delivery time; "the refund, how many working days" the refund', () => {
    const nlu = createNlu();
    assert.equal(nlu.understand('sorry can reply english? my parcel to penang, how many working days usually').intent, 'delivery_estimate');
    assert.equal(nlu.understand('no i mean the refund, how many working days?').intent, 'aftersale_progress');
  });
});

// Found from outside (a Chongqing shop, thirty-seventh session): the refund told again.
describe('the buyer found it', () => {
  test('"等下 我看到了 微信到账了 不好意思哈": acknowledged, no status again; "好多钱嘛" asks the price', async () => {
    const r = await conversation(robotWith({ orders: [order({ orderId: 'CQ-40' })], aftersales: [aftersale({ aftersaleId: 'AS-40', orderId: 'CQ-40' })] }))('等下 我看到了 微信到账了 不好意思哈');
    assert.doesNotMatch(textOf(r), /AS-40|CQ-40|退款申请/, textOf(r));
    assert.equal(r.handover, undefined);
    assert.match(createNlu().understand('你们那个明前龙井礼盒是好多钱嘛').normalized, /多少钱/);
  });
});

// Found from outside (thirty-seventh session's testers, mended in the thirty-eighth).
describe('a returns question of the buyer\'s own order: the days left to return, and an order not sent yet', () => {
  const charger = order({ orderId: 'CQ-8', status: 'delivered', createdAt: '2024-11-15T10:00:00+08:00', items: [{ sku: 'C1', title: '绿联 65W 氮化镓充电器', quantity: 1, price: '129.00' }] });
  const signed = (day: string) => logistics({ orderId: 'CQ-8', status: 'delivered', events: [{ time: `${day}T15:00:00+08:00`, location: '重庆', description: '已签收' }] });
  const returns: FaqEntry[] = [
    { id: 'ret', question: '支持七天无理由退货吗？', answer: '支持，签收后 7 天内、不影响二次销售即可申请退货。' },
    { id: 'ship', question: '多久发货？', answer: '付款后 48 小时内发货。' },
    { id: 'hours', question: '客服几点上班？', answer: '每天 9:00-21:00。' },
  ];
  const say = (data: FakeData, entries = returns) => shopChat2(SHOP, entries, data);

  test('delivered 8 days before a 7-day window: told it has passed, with a person; 3 days in: told until when', async () => {
    let r = await say({ orders: [charger], logistics: [signed('2024-11-19')] })('这个充电器还能退吗');
    assert.match(textOf(r), /CQ-8[\s\S]*11月19日签收的，到今天已经 8 天，过了 7 天的退换期/);
    assert.equal(r.state.offeredHuman, true);
    r = await say({ orders: [charger], logistics: [signed('2024-11-24')] })('can I still return the charger?');
    assert.match(textOf(r), /delivered on Nov 24; its 7-day return window runs until Dec 1/);
    // Goods of another kind named, or a purchase not made yet: no window of this order.
    assert.doesNotMatch(textOf(await say({ orders: [charger], logistics: [signed('2024-11-19')] })('如果买了耳机不喜欢能退吗')), /退换期/);
  });

  test('money back asked of a paid order not sent: the cancel answer (a pre-order\'s own rule first), not the signed-goods returns text', async () => {
    const tea = order({ orderId: 'HZ-1', status: 'paid', items: [{ sku: 'T1', title: '【预售】明前龙井礼盒 250g（12月15日起发货）', quantity: 1, price: '399.00' }] });
    const r = await say({ orders: [tea] })('我买的龙井能退吗');
    assert.match(textOf(r), /HZ-1 还未发货[\s\S]*申请退款/);
    assert.doesNotMatch(textOf(r), /签收后 7 天内/);
    const pre: FaqEntry[] = [...returns, { id: 'pre', question: '预售商品什么时候发货', answer: '预售款按商品标题写的日期发货。预售订单付款后不支持无理由取消，到货后可以正常7天无理由退换。', alternates: ['预售能取消吗'] }];
    assert.match(textOf(await say({ orders: [tea] }, pre)('这个龙井礼盒不想要了 能退吗')), /预售订单付款后不支持无理由取消/);
    // Worn goods are goods received: shoes not sent yet are not the pair worn.
    const shoes = order({ orderId: 'SH-2', status: 'paid', items: [{ sku: 'S1', title: '李宁 超轻跑步鞋 42码', quantity: 1, price: '369.00' }] });
    assert.doesNotMatch(textOf(await say({ orders: [shoes] })('登山鞋有点磨脚，穿了一次，想退掉')), /SH-2/);
  });
});

/** A conversation with a shop of these FAQ entries and this buyer data. */
function shopChat2(shopId: string, entries: FaqEntry[], data: FakeData, userId = 'u-1001') {
  const own = new FaqIndexProvider();
  own.setEntries(shopId, entries);
  const robot = createRobot({ dataSource: fakeDataSource(data), faq: own, clock: () => NOW });
  let state: unknown;
  return async (text: string): Promise<RobotAnswer> => {
    const r = await robot.answer({ shopId, userId, conversationId: `c-${shopId}`, text, state });
    state = r.state;
    return r;
  };
}

// Found from outside (thirty-eighth session, four shops): a double charge got the order's status, "not sure", or return entries.
describe('charged twice', () => {
  test('a double charge goes to a person first, with what they need to check it; the shop\'s entry on it when it answers; a worry beforehand does not', async () => {
    const say = () => shopChat2(SHOP, [{ id: 'ship', question: '多久发货？', answer: '付款后 48 小时内发货。' }], { orders: [earbuds] });
    for (const text of ['昨天买的运动相机 扣了我两次钱！！2098扣了两遍 你们系统怎么回事', '银行卡扣了我两回958 短信我都留着呢', '我被扣了两次钱 要退一笔', 'why u charge me 2 times for the same order 223.98 twice 😡']) {
      const r = await say()(text);
      assert.deepEqual([r.intent, r.handover?.reason], ['complaint', 'complaint'], text);
      assert.match(textOf(r), /两笔扣款的截图[\s\S]*优先转接|screenshots of both charges[\s\S]*priority/, text);
    }
    const en = await say()('bruh my bank app shows TWO pending charges of $28 from yall. thats a double charge fr');
    assert.match(textOf(en), /screenshots of both charges[\s\S]*priority/);
    const own = shopChat2(SHOP, [{ id: 'twice', question: 'why was I charged twice?', answer: 'A pending hold from a declined payment drops off in 3-5 business days.', alternates: ['i got charged twice'] }], { orders: [earbuds] });
    assert.match(textOf(await own('i got charged twice')), /^A pending hold[\s\S]*priority/);
    assert.notEqual((await say()('会不会扣两次钱啊')).handover?.reason, 'complaint');
  });
  test('a charge already taken, asked with question marks, is one too; a question beforehand is not (forty-fifth session)', async () => {
    const say = () => shopChat2(SHOP, [{ id: 'ship', question: '多久发货？', answer: '付款后 48 小时内发货。' }], { orders: [earbuds] });
    for (const text of ['hey so i got charged twice by klarna for the black friday kit?? two $16.25 payments on the same day', '扣了我两次钱？？']) {
      assert.equal((await say()(text)).handover?.reason, 'complaint', text);
    }
    for (const text of ['will i be charged twice if i pay again?', '付两次运费吗？', '如果我下单两次 会被扣了两次钱吗', "if i click pay twice i'll get charged twice", '会被重复扣费']) assert.notEqual((await say()(text)).handover?.reason, 'complaint', text);
    // The bank shows it taken: a person checks it, a pending hold or not.
    for (const text of ['你们扣了我两次钱 要是不退我就报警', "you charged me twice, if i don't get a refund today i'm calling my bank", 'my bank says i was charged twice, is that just a pending hold?', "I was double charged, if I don't get a refund I'll call my bank", '支付宝显示扣了两次 万一不退怎么办']) assert.equal((await say()(text)).handover?.reason, 'complaint', text);
  });
});

// Found from outside (thirty-eighth session, a New York shop): every mainland parcel was told Alaska's and Hawaii's days.
describe('a US shop\'s delivery times by region', () => {
  const entries: FaqEntry[] = [
    { id: 'del', question: 'how long does delivery take?', answer: 'Standard shipping in the lower 48 states: 3-5 business days after it ships. Alaska, Hawaii and Puerto Rico: 7-10 business days (USPS Priority). Expedited 2-day shipping is available at checkout for the lower 48 only.' },
    { id: 'ship', question: 'how soon do you ship?', answer: 'Orders paid before 2pm ship the same day.' },
    { id: 'ret', question: 'can I return an item?', answer: 'Unopened items within 30 days.' },
  ];
  const to = (address: string, carrier: string) => {
    const o = order({ orderId: 'NYS-1', currency: 'USD', items: [{ sku: 'S', title: 'Vitamin C Serum 30ml', quantity: 1, price: '38.00' }], receiver: { name: 'Maya Chen', phone: '+1 312-555-0148', address } });
    return shopChat2(SHOP, entries, { orders: [o], logistics: [logistics({ orderId: 'NYS-1', carrier, status: 'in_transit' })] });
  };
  test('a lower-48 address is told the lower 48\'s days, an Alaska or Hawaii one theirs, whichever courier the other clause names', async () => {
    const chicago = textOf(await to('2250 N Clark St Apt 4B, Chicago, IL 60614', 'USPS')('when will it arrive'));
    assert.match(chicago, /lower 48 states: 3-5 business days/);
    assert.doesNotMatch(chicago, /Alaska/);
    const seattle = textOf(await to('400 Pine St, Seattle, WA 98101', 'UPS')('when will it arrive'));
    assert.match(seattle, /lower 48 states: 3-5 business days/);
    const honolulu = textOf(await to('2255 Kuhio Ave, Honolulu, HI 96815', 'USPS')('when will it arrive'));
    assert.match(honolulu, /Alaska, Hawaii and Puerto Rico: 7-10 business days/);
    assert.doesNotMatch(honolulu, /lower 48 states: 3-5/);
  });

  // The same shop: "ships from 15 Dec" was told "counting from payment, it should ship by Dec 22", the 15th unsaid.
  // Two rounds of testers later (thirty-ninth session) the robot's own week of spread ("by Dec 22") was read as invented, and
  // a Qingdao shop's "预计1月25日前发出" contradicted its own "2月3日前全部发完": the title's day, and no end of the robot's.
  test('a pre-order whose title says it ships from a day is told that day, and no end day the shop did not give', async () => {
    const pre = order({ orderId: 'NYS-2', status: 'paid', currency: 'USD', updatedAt: '2024-11-20T10:00:00+08:00', items: [{ sku: 'P', title: 'Pre-order: Vitamin C Serum 50ml - ships from 15 Dec', quantity: 1, price: '52.00' }] });
    const en = textOf(await shopChat2(SHOP, entries, { orders: [pre] })('when is the serum shipping?'));
    assert.match(en, /title says it ships from Dec 15; orders go out in turn from then\./);
    assert.doesNotMatch(en, /by Dec \d+/);
    assert.doesNotMatch(en, /Counting from payment/);
    const zh = order({ ...pre, items: [{ sku: 'P', title: '【预售】羽绒服 12月15日起发货', quantity: 1, price: '599.00' }], currency: 'CNY' });
    assert.match(textOf(await shopChat2(SHOP, entries, { orders: [zh] })('羽绒服什么时候发货')), /商品标题写明12月15日起发货，按付款先后陆续发出。$/);
  });
});

// Found from outside (thirty-eighth session, a Harbin shop): her own parcel was told four times to "not my order".
describe('a question about someone else\'s purchase, or none of the buyer\'s', () => {
  test('is answered as for a buyer with no orders: the shop\'s entry, not the buyer\'s parcel; "my order" still is theirs', async () => {
    const entries: FaqEntry[] = [
      { id: 'del', question: '几天能收到', answer: '东北三省1-3天到；其他地区3-5天。' },
      { id: 'wash', question: '羽绒服怎么洗', answer: '羽绒服可以手洗，水温30度以下。', alternates: ['羽绒服能机洗吗'] },
      { id: 'ret', question: '支持七天无理由退货吗', answer: '支持。' },
    ];
    const coat = order({ orderId: 'HRB-1', status: 'delivered', items: [{ sku: 'C', title: '女款短款羽绒服 白色 L', quantity: 1, price: '699.00' }] });
    const data = { orders: [coat], logistics: [logistics({ orderId: 'HRB-1', status: 'delivered' })] };
    for (const text of ['不是我的单！！给别人买 海南多久能到', '我闺蜜在三亚 也想整一件 发海南得几天啊']) {
      const r = await shopChat2(SHOP, entries, data)(text);
      assert.match(textOf(r), /其他地区3-5天/, text);
      assert.doesNotMatch(textOf(r), /HRB-1/, text);
    }
    assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, data)('跟订单没关系！问洗羽绒服')), /HRB-1/);
    assert.match(textOf(await shopChat2(SHOP, entries, data)('我的羽绒服到哪了')), /HRB-1/);
  });
});

// Found from outside (thirty-eighth session, a Shenzhen shop): "支付宝还没到" was given the bank card's five working days.
describe('a refund\'s time by the way it was paid', () => {
  test('the shop\'s time for the way of paying named (calendar days when it gives those), else the longest', async () => {
    const entries: FaqEntry[] = [
      { id: 'rt', question: '退款多久到账', answer: '退款审核通过后原路退回：支付宝、微信1-3天到账，银行卡3-5个工作日到账。' },
      { id: 'x', question: '多久发货', answer: '48小时内发货。' },
      { id: 'y', question: '客服几点上班', answer: '9:00-22:00。' },
    ];
    const data = { orders: [order({ orderId: 'R-1', status: 'delivered' })], aftersales: [aftersale({ aftersaleId: 'A1', orderId: 'R-1', type: 'refund', status: 'approved', updatedAt: '2024-11-25T10:00:00+08:00' })] };
    assert.match(textOf(await shopChat2(SHOP, entries, data)('退款都2天了 支付宝还没到 是不是卡住了')), /最晚11月28日前完成/);
    assert.match(textOf(await shopChat2(SHOP, entries, data)('退款都2天了 银行卡还没到 是不是卡住了')), /最晚12月2日前完成/);
  });
});

// Found from outside (thirty-eighth session): an outdoor unit about to fall was told its delivery's tracking; a cut finger, the broken-item entry.
describe('something about to fall, or someone hurt by the goods', () => {
  test('what to do now, and a person ahead of the queue', async () => {
    const say = () => shopChat2(SHOP, [{ id: 'x', question: '多久发货', answer: '48小时内发货。' }], { orders: [order({ orderId: 'AC-1', status: 'delivered' })] });
    const fall = await say()('装好之后外机那个架子一直在晃，风一吹咯噔咯噔响，六楼外面，我怕掉下去砸到人');
    assert.deepEqual([fall.handover?.reason, fall.replies[0]?.text], ['complaint', TEXTS.zh.hazardFirst.fall]);
    const cut = await say()('the retinol bottle is cracked, glass everywhere and i cut my finger on it 🩸 do i still send it back??');
    assert.deepEqual([cut.handover?.reason, cut.replies[0]?.text], ['complaint', TEXTS.en.hazardFirst.injury]);
  });
});

// Found from outside (thirty-eighth session, a Nanjing shop).
describe('an order\'s total, and a word for the driver', () => {
  test('"我周二买的那一单 总共多少钱来着" is the order with its amount; "帮我跟司机说一声，十点以后再来" goes to a person', async () => {
    const say = () => conversation(robotWith({ orders: [earbuds] }));
    const total = await say()('我买的那一单 总共多少钱来着 我要报账');
    assert.equal(total.intent, 'order_status');
    assert.match(textOf(total), /金额 ¥199\.00/);
    const driver = await say()('那你帮我跟司机说一声，十点以后再来，我怕到时候家里没人');
    assert.equal(driver.handover?.reason, 'requested');
  });
});

// Found from outside (thirty-eighth session, an Austin and a Vancouver shop): told how to cancel, the order's deadline unsaid.
test('"whats the deadline before it cancels on me?" is told the unpaid order\'s payment deadline', async () => {
  const unpaid = order({ orderId: 'ATX-1', status: 'pending_payment', payBy: '2024-11-28T07:50:00+08:00' });
  for (const text of ['while I wait, whats the deadline before it cancels on me?', 'like whats the deadline before it gets cancelled', 'when does it get cancelled if i dont pay']) {
    assert.match(textOf(await conversation(robotWith({ orders: [unpaid] }))(text)), /ATX-1[\s\S]*(?:pay by|11-28|Nov 28)/, text);
  }
});

// Found from outside (thirty-eighth session, a Harbin and a Hangzhou shop): "cancel it and order again" of a pre-order that cannot be cancelled.
test('another size of a paid pre-order whose rule allows no cancelling: that rule and a person, not "cancel and order again"', async () => {
  const pre = order({ orderId: 'PRE-1', status: 'paid', items: [{ sku: 'P', title: '【预售】极寒长款羽绒服 M 12月15日发货', quantity: 1, price: '1099.00' }] });
  const entries: FaqEntry[] = [
    { id: 'pre', question: '预售商品什么时候发货', answer: '预售款按商品标题写的日期发货。预售订单付款后不支持无理由取消，到货后可以正常7天无理由退换。' },
    { id: 'x', question: '客服几点上班', answer: '8:30-22:00。' },
    { id: 'y', question: '羽绒服怎么洗', answer: '手洗。' },
  ];
  const r = textOf(await shopChat2(SHOP, entries, { orders: [pre] })('那我这单能从M改成L不 还没发呢'));
  assert.match(r, /PRE-1[\s\S]*付款后不支持无理由取消[\s\S]*人工/);
  assert.doesNotMatch(r, /取消后重新下单/);
});

// Found from outside (thirty-eighth session, a Vancouver shop): "嗰把刀" lost to a misremembered Tuesday, the rice cooker told instead.
test('a knife named outranks a weekday that picks another order', async () => {
  const cooker = order({ orderId: 'VK-1', status: 'delivered', createdAt: '2024-11-19T10:00:00+08:00', items: [{ sku: 'R', title: 'Zojirushi Micom Rice Cooker 5.5 cup', quantity: 1, price: '299.00' }] });
  const knife = order({ orderId: 'VK-2', status: 'shipped', createdAt: '2024-11-26T10:00:00+08:00', items: [{ sku: 'K', title: 'Tojiro DP Gyuto Chef Knife 210mm', quantity: 1, price: '159.00' }] });
  const r = textOf(await conversation(robotWith({ orders: [cooker, knife], logistics: [logistics({ orderId: 'VK-2' })] }))('我上个礼拜二买的那把刀几时到'));
  assert.match(r, /VK-2/);
  assert.doesNotMatch(r, /VK-1/);
});

// Found from outside (thirty-eighth session, a Hangzhou shop): an approved exchange's new size asked five ways, told to book a pickup each time.
test('the new item of an exchange asked after is told when it goes out, also once the courier took the old one', async () => {
  const tee = order({ orderId: 'EX-1', status: 'delivered' });
  const ex = aftersale({ aftersaleId: 'X1', orderId: 'EX-1', type: 'exchange', status: 'approved' });
  const say = conversation(robotWith({ orders: [tee], aftersales: [ex] }));
  for (const text of ['换的M码啥时候能寄给我', '我问的是新的啥时候发给我！！！', '我今天已经让快递上门取走了 新的M码啥时候发']) {
    const r = textOf(await say(text));
    assert.match(r, /仓库收到您寄回的商品后寄出/, text);
    assert.doesNotMatch(r, /请按售后页面的地址寄回商品/, text);
  }
});

// Found in review (thirty-eighth session): the session's wider readings, held to what they were for.
test('questions and statements near the new readings are not read as them', async () => {
  const say = async (text: string, orders = [earbuds, tshirt]) => conversation(robotWith({ orders, logistics: [earbudsTrack, tshirtTrack] }))(text);
  for (const text of ['买两件要付两次运费吗', '支付两次都失败了', 'can i split it into two payments', 'do you take 2 payments with afterpay']) {
    assert.notEqual((await say(text)).handover?.reason, 'complaint', text);
  }
  for (const text of ['这不是我的订单，快递送错了，我的呢', '我朋友也要买一件同款，我的什么时候到']) assert.doesNotMatch(textOf(await say(text)), /没有查到您在本店的订单/, text);
  const unpaid = order({ orderId: 'U-9', status: 'pending_payment' });
  for (const text of ['不付了', '我不想付了', '准备付了']) assert.doesNotMatch(textOf(await say(text, [unpaid])), /几分钟内会更新/, text);
  assert.notEqual((await say('我已经跟快递员说好了放门口')).handover?.reason, 'requested');
  assert.notEqual((await say('帮我找小的')).handover?.reason, 'requested');
  assert.notEqual((await say('这单再加多少钱能包邮')).intent, 'order_status');
});

// Found from outside (thirty-ninth session, four shops): dry ice, a scam, food gone bad, fumes, a cat and a lily, an allergy asked
// before buying, a reaction to a cream, the buyer's own throat: "not understood", a claim entry, a parcel card, or "stop using it".
describe('dangers of the thirty-ninth session', () => {
  const say = () => shopChat2(SHOP, [{ id: 'x', question: '多久发货', answer: '48小时内发货。' }, { id: 'y', question: 'How soon do you ship?', answer: 'Within 48 hours.' }], { orders: [order({ orderId: 'SF-1', status: 'delivered' })] });
  const first = async (text: string) => {
    const r = await say()(text);
    return [r.handover?.reason, r.replies[0]?.text];
  };
  test('dry ice: frostbite is warmed, a closed room is left; asked beforehand it is neither', async () => {
    assert.deepEqual(await first('哎呀 上回箱子里那个冒白烟的干冰 俺小孙子拿手抓了 手指头都白了 咋整啊'), ['complaint', TEXTS.zh.hazardFirst.cold]);
    assert.deepEqual(await first('嫚儿 问个事 箱子里剩的干冰俺倒卫生间了 关着门冒了一屋白烟 小孙子在里面玩 有事没啊'), ['complaint', TEXTS.zh.hazardFirst.air]);
    assert.deepEqual(await first('孩子出来说头晕 这干冰是不是有毒啊'), ['complaint', TEXTS.zh.hazardFirst.air]);
    assert.deepEqual(await first('my son grabbed the dry ice from the box and his fingers went white and numb'), ['complaint', TEXTS.en.hazardFirst.cold]);
    for (const t of ['干冰会不会冻伤手', '干冰可以放卫生间吗', '箱子里的干冰怎么处理', 'is there dry ice in the box?']) {
      const [, said] = await first(t);
      assert.ok(said !== TEXTS.zh.hazardFirst.cold && said !== TEXTS.zh.hazardFirst.air && said !== TEXTS.en.hazardFirst.cold, t);
    }
  });
  test('fumes with a breath or a throat failing: out into fresh air; a smell alone is the goods\' trouble', async () => {
    assert.deepEqual(await first('random q, the bag had a really strong chemical smell when I opened it and my eyes were streaming and my throat went tight. is it treated with something?'), ['complaint', TEXTS.en.hazardFirst.air]);
    assert.deepEqual(await first('新买的柜子甲醛味太大了 熏得我头晕胸闷'), ['complaint', TEXTS.zh.hazardFirst.air]);
    for (const t of ['the bag has a strong chemical smell, is that normal?', '柜子有味道 会不会有甲醛', 'will the smell make me dizzy?']) assert.notEqual((await first(t))[1], TEXTS.en.hazardFirst.air, t);
  });
  test('a scam: stop, the bank and the police; a question of payment or of the real shop alone is none', async () => {
    assert.deepEqual(await first('刚才有个人打电话说是你们店的客服 说俺的海参有质量问题要给俺退款 让俺加他微信扫个码 是你们的人不'), ['complaint', TEXTS.zh.hazardFirst.fraud]);
    assert.deepEqual(await first('俺没买过你们海参啊 他让俺扫码领退款 俺扫了 还让俺输了个验证码'), ['complaint', TEXTS.zh.hazardFirst.fraud]);
    assert.deepEqual(await first('hi there, is this the real shop? someone on instagram called ldn.bags.official DM\'d me offering a Birkin 25 for 4k if I pay by bank transfer today'), ['complaint', TEXTS.en.hazardFirst.fraud]);
    for (const t of ['can I pay by bank transfer?', '付款可以扫码吗', '验证码收不到怎么办', 'is this the official store of the brand?', '能转账吗']) {
      const [, said] = await first(t);
      assert.ok(said !== TEXTS.zh.hazardFirst.fraud && said !== TEXTS.en.hazardFirst.fraud, t);
    }
  });
  test('food gone bad asked of: not to be eaten; eaten with a stomach now: a reaction', async () => {
    assert.deepEqual(await first('虾有味了还能吃不 俺老伴说煮煮透了就没事'), ['complaint', TEXTS.zh.hazardFirst.spoiled]);
    assert.deepEqual(await first('the salmon smells off, is it still safe to eat if I cook it well?'), ['complaint', TEXTS.en.hazardFirst.spoiled]);
    assert.deepEqual(await first('救命 礼盒里最后一个鲜花饼我咬了一口才发现长毛了 绿色的 我吃进去了咋办 肚子有点不舒服'), ['complaint', TEXTS.zh.healthReaction]);
    for (const t of ['海鲜收到后能放几天', '化冻了还能再冻吗', 'how long does the salmon keep?']) {
      const [, said] = await first(t);
      assert.ok(said !== TEXTS.zh.hazardFirst.spoiled && said !== TEXTS.en.hazardFirst.spoiled, t);
    }
  });
  // Found from outside (forty-second session): a parent whose toddler swallowed a button battery was told the general signs to watch for.
  test('a button battery or a magnet swallowed: the emergency department even if the child seems fine, first in line', async () => {
    for (const t of ['HELP my son 2 years old just put the small button battery from the smart remote in his mouth, i think he swallowed it', 'my 2yo might have swallowed a button battery from the headlamp', '宝宝刚才吞了一颗纽扣电池 看着好像没事了 怎么办', 'my 2 year old swallowed a magnet, is it ok now or do we need the ER?']) {
      assert.deepEqual(await first(t), ['complaint', /[\u4e00-\u9fff]/.test(t) ? TEXTS.zh.healthBattery : TEXTS.en.healthBattery], t);
    }
    assert.match(TEXTS.zh.healthBattery, /即使看起来没事也要马上去医院急诊/);
    // "2 yr old" is a child's age, not "2 your old"; any battery put in the mouth, not only a button cell named so (forty-third
    // session, a Houston baby shop: silence in the queue, and "not sure").
    for (const t of ['my 2 yr old swallowed a button battery from the remote omg what do i do', 'Oh my goodness my grandson just put something in his mouth, I think its the little battery from the thermometer. I cant find it']) {
      assert.deepEqual(await first(t), ['complaint', TEXTS.en.healthBattery], t);
    }
    // A sharp thing, the SIM pin that comes in a phone's box, the same (a Shenzhen shop, forty-third session: the general signs).
    for (const t of ['我儿子把卡针吞下去了！！！就是手机盒里那根取卡针 怎么办', 'my son swallowed the sim ejector tool']) {
      assert.deepEqual(await first(t), ['complaint', /[\u4e00-\u9fff]/.test(t) ? TEXTS.zh.healthBattery : TEXTS.en.healthBattery], t);
    }
    assert.equal(safetyOf('宝宝吃了针织衫上的毛球'), undefined);
    // Only the sharp thing swallowed: not a glass of mouthwash, nail polish, an insulin needle used (found in review: the battery's advice).
    for (const t of ['my 2 yr old drank nail polish remover', 'my toddler drank a glass of mouthwash', '我爸用了胰岛素针 现在叫不醒']) assert.equal(safetyOf(t), 'emergency', t);
    // Other things swallowed keep the general advice.
    assert.deepEqual(await first('my toddler swallowed a coin'), ['complaint', TEXTS.en.healthEmergency]);
  });
  // Found from outside (forty-third session, a Shanghai supplements shop): bleeding after the vitamins and blood pressure shooting up
  // after ginseng were told "if it is severe"; a whole bottle of children's gummies eaten up, vomiting counted, got "did you mean" or
  // "noted" in the queue.
  test('a doctor now for bleeding, blood pressure or fainting after taking it; a bottle eaten up by a child and vomiting counted are dangers', async () => {
    for (const t of ['我老婆吃了那个维生素以后肚子疼 还有点出血 怎么办', '我老伴吃了你们人参片 血压一下子高上去了 头晕得厉害', 'my wife is 12 weeks pregnant and spotting after the prenatal vitamins']) {
      assert.deepEqual(await first(t), ['complaint', /[\u4e00-\u9fff]/.test(t) ? TEXTS.zh.healthDoctor : TEXTS.en.healthDoctor], t);
      assert.equal(safetyOf(t), 'doctor', t);
    }
    assert.doesNotMatch(TEXTS.zh.healthDoctor, /如果症状/);
    assert.deepEqual(await first('我孙子把一整瓶儿童维生素软糖吃光了 会不会中毒啊'), ['complaint', TEXTS.zh.healthEmergency]);
    assert.equal(safetyOf('吃了你们钙片以后胃很难受 吐了两次'), 'reaction');
    // A risk asked of, a supply finished, a supposition: no danger; nor gums bled, a joke, a question whether it may be taken (found in review).
    for (const t of ['那我妈鱼油跟阿司匹林一起吃 会不会容易出血啊', '钙片吃完了 再买一瓶', '孩子的钙片吃完了 再买一瓶', '如果孩子把一整瓶吃光了怎么办', '牙龈出血 吃维生素c有用吗', '吐了两次了 这个快递太慢了', '孩子把这瓶钙片吃完了 再买两瓶', '孩子把药都吃完了 还是咳嗽 要不要再买一盒', '我怀孕了 牙龈出血 能吃你们的维C吗', 'I ate your cereal and my gums are bleeding lol']) {
      assert.equal(safetyOf(t), undefined, t);
    }
    // A pet's is the vet's; a whole tub eaten in English is the emergency.
    assert.equal(safetyOf('my dog ate the chew and now there is blood in his poop'), 'pet');
    assert.equal(safetyOf('my toddler ate a whole tub of the gummies'), 'emergency');
  });
  test('a cat and a lily, however it got at it: the vet now', async () => {
    for (const t of ['救命救命 我家猫把今天到的百合叶子啃了两口 会不会有事啊😭😭', '猫咬了百合怎么办', '我的猫吃了你们的百合 现在在吐！！', 'my cat licked the lily pollen off her fur']) {
      assert.deepEqual(await first(t), ['complaint', /[\u4e00-\u9fff]/.test(t) ? TEXTS.zh.healthPetEmergency : TEXTS.en.healthPetEmergency], t);
    }
    assert.notEqual((await first('家里有猫能买百合吗'))[1], TEXTS.zh.healthPetEmergency);
  });
  test('an allergy asked before buying is the shop\'s question; a cream\'s reaction and the buyer\'s own throat are not', async () => {
    assert.notEqual((await first('我妈妈对 shellfish 过敏, 鱼油可以吃吗？'))[1], TEXTS.zh.healthReaction);
    assert.notEqual((await first('my wife is allergic to soy, is the plant protein ok for her?'))[1], TEXTS.en.healthReaction);
    assert.deepEqual(await first('ta. also the leather cream you sent with the Félicie, I used it and now my hands are red and itchy and swelling a bit'), ['complaint', TEXTS.en.healthReaction]);
    assert.deepEqual(await first("it's getting worse, my lips feel a bit swollen too now. is that cream safe?"), ['complaint', TEXTS.en.healthReaction]);
    // The buyer's own throat closing is an emergency; lips alone a reaction (a lip balm's, as before).
    assert.deepEqual(await first('my throat went tight and it is hard to swallow'), ['complaint', TEXTS.en.healthEmergency]);
  });
  test('the emergency numbers of the shops that write Chinese abroad are in the Chinese advice', () => {
    for (const text of [TEXTS.zh.healthEmergency, TEXTS.zh.healthReaction, TEXTS.zh.hazardFirst.air]) assert.match(text, /911/);
  });
  // An allergy's emergency read as an overdose's: the advice opened with medicine swallowed (a Sydney shop, thirty-ninth session).
  test('an allergic emergency is told to call for help and use an adrenaline pen, not to bring a medicine package first', async () => {
    for (const [text, lang, pen] of [
      ["my son ate the cookies and now his lips are swelling and he's wheezing", 'en', /adrenaline pen|EpiPen/],
      ['我女儿对花生过敏 吃了一口饼干 喉咙肿了', 'zh', /肾上腺素笔/],
    ] as const) {
      const [intent, reply] = await first(text);
      assert.equal(intent, 'complaint', text);
      assert.equal(reply, TEXTS[lang].healthEmergency, text);
      assert.match(reply!, pen, text);
      // Danger is named before medicine: the advice reads for an allergy too.
      assert.ok(reply!.search(/呼吸困难|trouble breathing/) < reply!.search(/误服|swallowed medicine/), text);
    }
  });
});

// Found from outside (forty-third session, a Houston baby shop): "and is enfamil gentlease on recall rn?", "no mames the price went
// up 5 dollars since last week" were answered with an order's tracking, the NLU's guess.
test('a parcel only guessed at, in English words naming no parcel or news of one, is not answered with the tracking', async () => {
  const pack = order({ orderId: 'TX-1', status: 'shipped', currency: 'USD', items: [{ sku: 'P', title: "Graco Pack 'n Play", quantity: 1, price: '99.99' }] });
  const track = logistics({ orderId: 'TX-1', carrier: 'FedEx', trackingNo: '7712', events: [{ time: '2024-11-26T08:20:00-06:00', location: 'San Antonio, TX', description: 'At local FedEx facility' }] });
  const chat = () => conversation(robotWith({ orders: [pack], logistics: [track] }));
  for (const t of ['and is enfamil gentlease on recall rn? my sister said smth on facebook', 'no mames the price went up 5 dollars since last week', 'my husband is in the army, any perks for us?']) {
    assert.doesNotMatch(textOf(await chat()(t)), /7712|FedEx/, t);
  }
  // Words of a parcel keep it: the tracking.
  for (const t of ['The carrier says it was left at a pickup point, but I can\'t find it there.', 'half my peaches showed up mushy, what now', 'where is my parcel']) {
    assert.match(textOf(await chat()(t)), /7712/, t);
  }
});

// Found from outside (forty-third session, a Shanghai supplements shop): "那这单能退吗 还没发货吧" was offered a person to hurry the
// warehouse; "what the hell 我要退款 不要了" of a parcel damaged on the way was told the no-reason returns (postage the buyer's).
test('a return asked of an order not sent is cancelling it; the money wanted back of a parcel in trouble goes to a person', async () => {
  const paid = order({ orderId: 'MP-1', status: 'paid', items: [{ sku: 'V', title: '爱乐维 复合维生素片', quantity: 1, price: '278.00' }] });
  for (const t of ['老婆检查了没事 医生说先别吃了 那这单能退吗 还没发货吧', "can i get a refund, it hasn't shipped yet"]) {
    const r = await conversation(robotWith({ orders: [paid] }))(t);
    assert.equal(r.intent, 'cancel_order', t);
    assert.doesNotMatch(textOf(r), /催|hurry/, t);
  }
  // Not a return refused, nor the buyer's own parcel not sent back, nor an address asked (found in review).
  for (const t of ['我不想退 还没发货的话能改地址吗', '我要退货 但是我还没发 退货地址是哪']) assert.notEqual((await conversation(robotWith({ orders: [paid] }))(t)).intent, 'cancel_order', t);
  const whey = order({ orderId: 'TM-9', status: 'shipped', items: [{ sku: 'W', title: '金标乳清蛋白粉 5磅', quantity: 1, price: '459.00' }] });
  const broken = logistics({ orderId: 'TM-9', carrier: '中通快递', trackingNo: 'ZT788', status: 'exception', events: [{ time: '2024-11-25T09:00:00+08:00', location: '兰州', description: '快件外包装破损，等待处理' }] });
  const r = await conversation(robotWith({ orders: [whey], logistics: [broken], aftersales: [] }))('what the hell 我要退款 不要了');
  assert.equal(r.handover?.reason, 'complaint');
  assert.match(textOf(r), /TM-9[\s\S]*不用您承担运费/);
  assert.doesNotMatch(textOf(r), /无理由|由买家承担/);
  // A refund's progress asked of the same order reads no parcels and says what it says.
  assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [whey], logistics: [broken], aftersales: [] }))('退款怎么还没到')), /不用您承担运费/);
});

// Found from outside (forty-third session, a Manchester bike shop): "…came off his bike and the front brake lever snapped clean off,
// its one of yours. is that normal??" was a plain hand-over.
test('a part that gives way in use (a brake, a handlebar, a stroller) is a danger: stop using it, first in line', async () => {
  for (const t of ['quick one, my neighbours lad came off his bike and the front brake lever snapped clean off, its one of yours. is that normal??', 'the handlebar snapped while riding', '刹车失灵了 孩子摔了', '推车突然塌了 宝宝在里面']) {
    assert.equal(safetyOf(t), 'broke', t);
    const r = await conversation(robotWith({}))(t);
    assert.equal(r.handover?.reason, 'complaint', t);
    assert.match(textOf(r), /stop using it now|停止使用它/, t);
  }
  for (const t of ['what if the brakes fail', 'the strap on my bag came off', 'do the brakes need adjusting when it arrives', '这个车把能调高吗', 'the photo frame broke in the post', 'the frame of my sunglasses snapped', 'the wheel came off my suitcase', 'the fork broke in half', '行李箱把手断了', '杯子把手掉了']) assert.equal(safetyOf(t), undefined, t);
  // A wheel of a ride is one: "the back wheel came off while he was riding the scooter".
  assert.equal(safetyOf('the back wheel came off while he was riding the scooter'), 'broke');
});

// Found from outside (forty-third session, a Manchester bike shop): asked of the time it arrives, a charging question was told the
// parcel's status.
test('a question of using the goods once they arrive is the shop\'s entry, not the parcel\'s status', async () => {
  const entries: FaqEntry[] = [{ id: 'charge', question: 'How should I charge my e-bike battery?', answer: 'Charge indoors, not overnight; let a cold battery warm up first.', alternates: ['can I leave my battery charging overnight'] }];
  const bike = order({ orderId: 'MB-2', status: 'shipped', currency: 'GBP', items: [{ sku: 'E', title: 'Carrera Subway E', quantity: 1, price: '1199.00' }] });
  const chat = () => shopChat2(SHOP, entries, { orders: [bike], logistics: [logistics({ orderId: 'MB-2', carrier: 'DPD', trackingNo: 'DPD77' })] });
  assert.match(textOf(await chat()('Also when it arrives, can I leave the battery on charge overnight in the shed?')), /Charge indoors/);
  assert.doesNotMatch(textOf(await chat()('when will it arrive')), /Charge indoors/);
});

// Found from outside (forty-third session, a Shenzhen phone shop): "13mini那单帮我留到晚上8点呗 中午没空付" was "not understood".
test('an unpaid order asked to be held is told by when it must be paid', async () => {
  const unpaid = order({ orderId: 'SZ-20', status: 'pending_payment', payBy: '2024-11-27T12:20:00+08:00', items: [{ sku: 'M', title: 'iPhone 13 mini 128G 粉色', quantity: 1, price: '2199.00' }] });
  for (const t of ['13mini那单帮我留到晚上8点呗 中午没空付', "can you hold the order till tonight, i haven't paid yet"]) {
    assert.match(textOf(await conversation(robotWith({ orders: [unpaid] }))(t)), /12:20/, t);
  }
  // A model typed without its spaces names its order among others ("13mini" of "iPhone 13 mini": the paid Xiaomi order was picked).
  const paidOne = order({ orderId: 'SZ-12', status: 'paid', items: [{ sku: 'X', title: '小米13 Ultra 16+512G 黑色', quantity: 1, price: '3599.00' }] });
  assert.match(textOf(await conversation(robotWith({ orders: [paidOne, unpaid] }))('还有一单13mini我还没付 能保留到晚上吗')), /SZ-20[\s\S]*12:20/);
  // How long an unpaid one is kept, beside a shipped order (a Guangzhou appliance shop, forty-ninth session: the shipped one's status).
  const shipped = order({ orderId: 'SZ-9', status: 'shipped', items: [{ sku: 'H', title: '油汀取暖器', quantity: 1, price: '399.00' }] });
  for (const t of ['未付款的订单会保留多久', '没付款的那单什么时候过期', '还有一单我还没付 能保留到晚上吗']) {
    const said = textOf(await conversation(robotWith({ orders: [shipped, unpaid] }))(t));
    assert.match(said, /SZ-20[\s\S]*12:20/, t);
    assert.doesNotMatch(said, /SZ-9/, t);
  }
});

describe('a danger going on, and help already called', () => {
  test('"is it dangerous?" after a danger goes on about it; "已经打了120 …" asks something of its own', () => {
    assert.equal(dangerGoesOn('she seems fine right now, is it dangerous?'), true);
    assert.equal(dangerGoesOn("I've got asthma and I've had to use my inhaler twice"), true);
    assert.equal(dangerGoesOn('已经打了120 剩下的扇贝要留着给医生看吗'), false);
    assert.equal(dangerGoesOn('we already called poison control, they said watch her'), false);
    // Forty-third session: a bulging battery still charging, a Shenzhen parent back from the doctor (told the emergency again).
    for (const t of ['its in the kitchen charging right now', 'its making a hissing noise now', '他现在看起来没事 还在玩 要不要去医院', '啊？那我马上去 他现在说肚子不舒服']) assert.equal(dangerGoesOn(t), true, t);
    for (const t of ['去医院拍了片 医生说没事会排出来 吓死我了 谢谢', 'the doctor said its fine, it will pass', '难受死了 快递这么慢', 'ok is the replacement charging cable included']) assert.equal(dangerGoesOn(t), false, t);
    // Worse after the doctor is still the danger (found in review).
    for (const t of ['医生说要住院观察 现在还在吐 怎么办', 'the doctor said to go to the ER if she vomits again, she just vomited']) assert.equal(dangerGoesOn(t), true, t);
  });
});

// Found from outside (thirty-ninth session, a Qingdao seafood shop): "发出来几天能到" was told no days, and "带回北京" the days of
// the shop's other regions (Beijing is in its 京津冀 clause).
describe('days to arrive of an order not sent yet', () => {
  test('asked "after it is sent", and of a city inside a region the shop names', async () => {
    const entries: FaqEntry[] = [
      { id: 'd', question: '几天能收到？', answer: '冷冻生鲜全程顺丰冷链：山东省内次日达；江浙沪、京津冀1-2天；东北、河南、安徽、山西2-3天；其他地区3-4天。新疆、西藏、青海、海南不发冷冻生鲜，干货礼盒发这些地区5-7天。' },
      { id: 's', question: '多久发货', answer: '下午3点前付款当天发货。' },
    ];
    const paid = order({ orderId: 'QD-1', status: 'paid', receiver: { name: '赵', phone: '13589876543', address: '山东省潍坊市奎文区东风东街300号' }, items: [{ sku: 'X', title: '海参礼盒', quantity: 1, price: '599.00' }] });
    const after = textOf(await shopChat2(SHOP, entries, { orders: [paid] })('俺家在潍坊 发出来几天能到'));
    assert.match(after, /山东省内次日达/);
    const beijing = textOf(await shopChat2(SHOP, entries, { orders: [paid] })('能不能早点发 想让她带回北京 北京几天到'));
    assert.match(beijing, /京津冀1-2天/);
    assert.doesNotMatch(beijing, /其他地区3-4天/);
    // Still of sending when sending is what is asked.
    assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, { orders: [paid] })('还要几天发货')), /山东省内次日达/);
  });
});

// Found from outside (thirty-ninth session, a Los Angeles shop): "California addresses: 1-2 business days" was never told to a
// California address, only the other states' days.
describe('a US shop\'s delivery days by state', () => {
  const entries: FaqEntry[] = [
    { id: 'd', question: 'How long does delivery take?', answer: 'California addresses: 1-2 business days with USPS or UPS Ground. Other states in the continental US: 3-5 business days. Alaska, Hawaii and Puerto Rico: 5-8 business days by USPS Priority Mail.' },
    { id: 'z', question: '几天能收到', answer: '加州地址1-2个工作日送达；美国本土其他州3-5个工作日；阿拉斯加、夏威夷、波多黎各5-8个工作日。' },
    { id: 's', question: 'When do you ship?', answer: 'Orders paid before noon ship the same day.' },
  ];
  const toAddress = (address: string) => ({ orders: [order({ orderId: 'LV-1', status: 'shipped', currency: 'USD', receiver: { name: 'W', phone: '6265550100', address } })], logistics: [logistics({ orderId: 'LV-1', status: 'in_transit', carrier: 'USPS' })] });
  test('the state\'s own clause for an address in it; the other states\' for one elsewhere; in either language', async () => {
    const ca = textOf(await shopChat2(SHOP, entries, toAddress('123 Main St, San Gabriel, CA 91776'))('when will it get here? how many more days'));
    assert.match(ca, /California addresses: 1-2 business days/);
    assert.doesNotMatch(ca, /Other states/);
    const ny = textOf(await shopChat2(SHOP, entries, toAddress('5 Park Ave, New York, NY 10016'))('when will it get here? how many more days'));
    assert.match(ny, /Other states in the continental US: 3-5 business days/);
    assert.doesNotMatch(ny, /California addresses/);
    assert.match(textOf(await shopChat2(SHOP, entries, toAddress('123 Main St, San Gabriel, CA 91776'))('什么时候能到？')), /加州地址1-2个工作日送达/);
    assert.match(textOf(await shopChat2(SHOP, entries, toAddress('1 Kuhio Ave, Honolulu, HI 96815'))('什么时候能到？')), /阿拉斯加、夏威夷、波多黎各5-8个工作日/);
  });
});

// Found from outside (thirty-ninth session, a Los Angeles supplements shop): a pregnancy question in Spanish and English, a
// supplement beside another one or beside anxiety medicine, were "not understood" or handed over as misses.
test('a question of who may take it in more words: pregnant in Spanish, with another supplement, with a medicine named', async () => {
  const ask = async (text: string) => (await shopChat2(SHOP, [{ id: 'x', question: 'Do you ship to Hawaii?', answer: 'Yes.' }], {})(text)).replies[0]?.text;
  for (const text of ['estoy embarazada de 5 meses, is the prenatal safe for the baby?', 'is the prenatal ok to take with the D3 5000? my doctor said only 2000', 'and ashwagandha, can I take it with my anxiety meds? I take sertraline']) {
    assert.equal(await ask(text), TEXTS.en.healthAdvice, text);
  }
  for (const text of ['is the stroller safe for the baby?', 'can i take it with me on the plane', 'is it ok to take with food?']) assert.notEqual(await ask(text), TEXTS.en.healthAdvice, text);
});

// Found from outside (thirty-ninth session, a Qingdao and a Los Angeles shop): "转吧 …" to "shall I get a person?" had the same
// card and offer again; the rest of "算了不用找人工了 俺自己下单 能开发票不 单位报销用" was dropped; "never mind, no need for a
// person. got any coupon code…" left the buyer in the queue.
describe('a yes to a person in more words, and take-backs that ask on', () => {
  test('"转吧 …" after a person was offered hands over; "不转了" does not', async () => {
    const parcel = { orders: [order({ orderId: 'EX-1', status: 'shipped' })], logistics: [logistics({ orderId: 'EX-1', status: 'exception' })] };
    const say = conversation(robotWith(parcel));
    const first = await say('我的快递到哪了');
    assert.match(textOf(first), /人工/);
    assert.equal((await say('转吧 里头两斤海参一箱扇贝 放了三天了还能要吗')).handover?.reason, 'requested');
    const other = conversation(robotWith(parcel));
    await other('我的快递到哪了');
    assert.equal((await other('不转了 我自己问顺丰')).handover, undefined);
  });
  test('what follows a take-back is answered when it asks, northern "能…不" too; "no need for a person" takes it back', async () => {
    assert.equal(withdrawsHandover('算了不用找人工了 俺自己下单 能开发票不 单位报销用'), '俺自己下单 能开发票不 单位报销用');
    assert.equal(withdrawsHandover('never mind, no need for a person. got any coupon code for the fish oil?'), 'got any coupon code for the fish oil?');
    assert.equal(withdrawsHandover('is there no need for a person to sign?'), undefined);
    const faq = new FaqIndexProvider();
    faq.setEntries(SHOP, [{ id: 'inv', question: '能开发票吗', answer: '可以开电子普通发票和增值税专用发票。' }, { id: 'x', question: '多久发货', answer: '48小时内。' }]);
    const r = await createRobot({ dataSource: fakeDataSource({}), faq, clock: () => NOW }).answer({ shopId: SHOP, userId: 'u-1', conversationId: 'c-rest', text: '俺自己下单 能开发票不 单位报销用', restOfTakeBack: true });
    assert.match(textOf(r), /增值税专用发票/);
  });
});

// Found from outside (thirty-ninth session, a Qingdao and a Kunming shop): "俺不问快递…", "我问的是干花 不是我现在这单！" were told
// the buyer's parcel again.
test('the order said not to be the question: the shop\'s FAQ, not the parcel', async () => {
  const entries: FaqEntry[] = [{ id: 'dry', question: '干花能放多久', answer: '干花放在干燥避光处可以保存1-2年。' }, { id: 'x', question: '多久发货', answer: '48小时内。' }];
  const data = { orders: [order({ orderId: 'KM-1', status: 'shipped' })], logistics: [logistics({ orderId: 'KM-1', status: 'in_transit' })] };
  for (const text of ['我问的是干花 不是我现在这单！满天星干花能放多久', '不问快递 干花能放多久', "I'm not asking about my parcel, how long do dried flowers last"]) {
    const r = await shopChat2(SHOP, entries, data)(text);
    assert.doesNotMatch(textOf(r), /KM-1/, text);
  }
  assert.match(textOf(await shopChat2(SHOP, entries, data)('我问的是干花 不是我现在这单！满天星干花能放多久')), /1-2年/);
  // Said of the parcel itself, it is still the parcel.
  assert.match(textOf(await shopChat2(SHOP, entries, data)('我的快递到哪了')), /KM-1/);
});

// Found from outside (thirty-ninth session, a Los Angeles shop): a charge after the subscription was cancelled was "not sure".
test('charged after cancelling a subscription: what a person needs, ahead in the queue; a question how to cancel is not', async () => {
  const say = () => shopChat2(SHOP, [{ id: 'sub', question: 'How do I skip, pause or cancel my subscription?', answer: 'Go to My Subscriptions and choose Skip, Pause or Cancel.' }, { id: 'x', question: 'Do you ship to Hawaii?', answer: 'Yes.' }], {});
  for (const [text, reply] of [['Hi, I cancelled my subscription last week, why did you charge me again today??', TEXTS.en.chargedAfterCancel], ['我上周就取消了自动续费 怎么又扣钱了', TEXTS.zh.chargedAfterCancel], ['you charged me even though I cancelled the autoship', TEXTS.en.chargedAfterCancel]] as const) {
    const r = await say()(text);
    assert.deepEqual([r.handover?.reason, r.replies[0]?.text], ['complaint', reply], text);
  }
  for (const text of ['how do I cancel my subscription?', 'if I cancel the autoship will I still be charged this month?']) assert.notEqual((await say()(text)).replies[0]?.text, TEXTS.en.chargedAfterCancel, text);
});

// Found from outside (thirty-ninth session, second round: a Sydney pet pharmacy, a Toronto grocery, a Taipei and a Guangzhou shop).
describe('dangers of the thirty-ninth session, second round', () => {
  const say = () => shopChat2(SHOP, [{ id: 'x', question: '多久发货', answer: '48小时内发货。' }, { id: 'y', question: 'How soon do you ship?', answer: 'Within 48 hours.' }], {});
  const first = async (text: string) => {
    const r = await say()(text);
    return [r.handover?.reason, r.replies[0]?.text];
  };
  test('a pet and flea or tick medicine, insulin and a tremor, a child with an ice pack, an epipen: the emergency', async () => {
    // A breed the words of pets do not name is the general emergency, which says to call the vet too.
    for (const text of ['our jack russell got into the cupboard and ate 2 of the big nexgard chews from the old box. shes only 6kg', 'URGENT my 2 year old was chewing the blue ice pack from your box and some gel came out in his mouth, is it poison??', 'my son swallowed some of the ice pack gel', 'she has an epipen, should i use it?? her voice sounds funny']) {
      assert.deepEqual(await first(text), ['complaint', TEXTS.en.healthEmergency], text);
    }
    // A pet's: the vet's own emergency (forty-fifth session).
    assert.deepEqual(await first('my dog ate flea treatment'), ['complaint', TEXTS.en.healthPetEmergency]);
    assert.deepEqual(await first('我家猫今天打完胰岛素以后一直在发抖 走路不稳 是不是打多了'), ['complaint', TEXTS.zh.healthPetEmergency]);
    for (const text of ['which nexgard size do i need for a dog thats about 15.5 kg', 'do you sell epipen cases', 'my baby chews on everything, are the ice packs safe?', 'how much insulin should my dog get']) {
      assert.notEqual((await first(text))[1], TEXTS.en.healthEmergency, text);
    }
  });
  test('food eaten or cooked and a stomach now: a reaction; a scam in Taiwanese, Cantonese and English ways', async () => {
    assert.deepEqual(await first('bhai my wife already cooked some of that chicken breast last night, now she has stomach cramps and vomiting since morning'), ['complaint', TEXTS.en.healthReaction]);
    assert.notEqual((await first('the chicken was delicious, we ate it all'))[1], TEXTS.en.healthReaction);
    for (const text of ['剛剛有人打電話說是你們客服 說我訂單被設成分期付款 要我去ATM操作解除 這是真的嗎', '這是不是詐騙啊 他還叫我不要掛電話直接去ATM', '今日有个人加我微信，话系你哋店嘅客服，叫我转500蚊保证金先可以开批发价，系唔系你哋嘅人？']) {
      const [reason, said] = await first(text);
      assert.equal(reason, 'complaint', text);
      assert.match(said ?? '', /诈骗|詐騙/, text);
    }
    for (const text of ['also i got a text from "TO Halal" saying my delivery is on hold and i need to e-transfer 4.99 to reschedule to a gmail address. is that you??', 'its a scam isnt it. i gave them my card number. what do i do']) {
      assert.deepEqual(await first(text), ['complaint', TEXTS.en.hazardFirst.fraud], text);
    }
    for (const text of ['你们是不是骗子 货一直不发', 'can I pay by e-transfer?', '我要转人工']) assert.doesNotMatch((await first(text))[1] ?? '', /诈骗|scam/, text);
  });
  test('a machine plugged in smelling burnt, in traditional characters; sour pearls asked of; a charge that "came out twice"', async () => {
    assert.deepEqual(await first('還有剛剛機器插著 後面一直有燒焦味 還有啪啪的聲音'), ['complaint', toTraditional(TEXTS.zh.safetyFirst)]);
    const [, sour] = await first('上禮拜在你們家買的珍珠 今天煮完聞起來酸酸的 還可以喝嗎');
    assert.match(sour ?? '', /不要再吃/);
    assert.deepEqual(await first('also checked my statement and the $119 for the dog food came out twice on friday'), ['complaint', TEXTS.en.doubleCharge]);
  });
});

// Found in the replay of a Sydney pet pharmacy's turns: once Caninsulin was read as medicine, "one dose left for tonight" of its
// late parcel was taken for a question of dose.
test('"one dose left" of a late medicine parcel is the parcel\'s question, not a dose asked', async () => {
  const data = { orders: [order({ orderId: 'AP-1', status: 'shipped', items: [{ sku: 'C', title: 'Caninsulin 10mL vial (cold chain, prescription)', quantity: 1, price: '89.00' }] })], logistics: [logistics({ orderId: 'AP-1', status: 'in_transit' })] };
  const r = await shopChat2(SHOP, [{ id: 'x', question: 'Do you ship to Darwin?', answer: 'Yes.' }], data)("its been sitting at the darwin depot since thursday in 35 degree heat, no way thats still cold. we've got one dose left for tonight. what happens now?");
  assert.notEqual(r.replies[0]?.text, TEXTS.en.healthAdvice);
  assert.equal((await shopChat2(SHOP, [{ id: 'x', question: 'Do you ship to Darwin?', answer: 'Yes.' }], data)('what dose of insulin should I take tonight?')).replies[0]?.text, TEXTS.en.healthAdvice);
});

// Found in review (thirty-ninth session): the session's readings held to what they were for.
describe('the thirty-ninth session\'s readings, narrowed in review', () => {
  const say = () => shopChat2(SHOP, [{ id: 'x', question: '多久发货', answer: '48小时内发货。' }, { id: 'y', question: 'How soon do you ship?', answer: 'Within 48 hours.' }], {});
  const first = async (text: string) => (await say()(text)).replies[0]?.text ?? '';
  const dangers = new Set([...(['zh', 'en'] as const).flatMap((l) => [TEXTS[l].healthEmergency, TEXTS[l].healthReaction, ...Object.values(TEXTS[l].hazardFirst)])]);
  test('none of these is a danger, a scam or food gone bad', async () => {
    for (const text of [
      '你们是骗子吧，付了定金两个月了还不发货', '物流说是快递还在路上，我付的定金什么时候能退', 'Someone from your team emailed me asking me to pay the balance of my pre-order. Where do I pay it?',
      'your shop is a scam, I paid by bank transfer and never got anything', '胰岛素笔按下去没反应 是坏了吗', 'my insulin pen is a bit wobbly when i dial it', '孩子把玩具上的电池盖咬坏了 能补发一个电池盖吗',
      'My 6 month old is teething, does the cooling gel teether go in the fridge? she loves chewing it', 'Is the epipen case big enough to use for two pens?', '肾上腺素笔收纳包有现货吗 孩子上学要用',
      '这几天感冒了 嗓子都肿了 你们的胖大海什么时候发货', 'got a cold and my throat feels tight, when does my order ship', 'our cat chewed string all day, great toy', 'I have asthma, is the smell of this candle strong?',
      '我有哮喘，这款香薰蜡烛味道大不大？', '这款香薰味道很好闻 头疼的时候闻一下很舒服', '干冰装在泡沫箱里了，放在卫生间里可以吗', '这个酸奶酸酸的还能吃吗', 'the blue cheese smells funny, is it still safe to eat',
    ]) {
      assert.ok(!dangers.has(await first(text)), text);
    }
  });
  test('a reaction after an allergy said, ahead charges asked, a refund asked beside "not the order", a parcel "went out twice"', async () => {
    assert.equal(await first('我儿子对牛奶过敏 刚喝了你家的奶昔 起疹子了 能吃氯雷他定吗'), TEXTS.zh.healthReaction);
    for (const text of ["I just cancelled my subscription - will I still be charged for this month's box?", '我取消了自动续费 下个月还扣吗', "I paused my autoship, when will I be charged again once I resume?"]) {
      assert.notEqual(await first(text), TEXTS.en.chargedAfterCancel, text);
      assert.notEqual(await first(text), TEXTS.zh.chargedAfterCancel, text);
    }
    assert.notEqual(await first('my order went out twice, I received two boxes. I\'ll send one back.'), TEXTS.en.doubleCharge);
    const refund = await conversation(robotWith({ orders: [order({ orderId: 'R-1', status: 'delivered' })], aftersales: [aftersale({ aftersaleId: 'A-1', orderId: 'R-1', type: 'refund', status: 'approved' })] }))('我不是问订单 我问退款到哪了');
    assert.match(textOf(refund), /A-1|退款/);
    assert.equal(dangerGoesOn('要去醫院嗎'), true);
    assert.equal(dangerGoesOn('我剛剛已經轉帳了怎麼辦'), true);
  });
  test('a titled pre-order is not called late against an end of the robot\'s own', async () => {
    const entries: FaqEntry[] = [{ id: 'pre', question: '预售什么时候发货', answer: '预售商品11月15日起陆续发出，12月3日前全部发完。' }, { id: 'x', question: '多久发货', answer: '48小时内发货。' }];
    const pre = order({ orderId: 'PRE-1', status: 'paid', updatedAt: '2024-11-10T10:00:00+08:00', items: [{ sku: 'P', title: '【预售】羽绒服 11月15日起发货', quantity: 1, price: '599.00' }] });
    const text = textOf(await shopChat2(SHOP, entries, { orders: [pre] })('羽绒服什么时候发货'));
    assert.match(text, /11月15日起发货/);
    assert.doesNotMatch(text, /比平常慢/);
  });
});

// Found from outside (thirty-ninth session, a Guangzhou shop): "已签收，已放入丰巢快递柜后取出" was told to be waiting in a locker.
test('a parcel put in a locker and taken out is collected; one put in is waiting', async () => {
  const { atPickup } = await import('../../src/robot/dialogue.ts');
  const at = (description: string) => atPickup(logistics({ orderId: 'X', status: 'delivered', events: [{ time: '2024-11-26T10:00:00+08:00', location: '广州', description }] }));
  assert.equal(at('已签收，已放入丰巢快递柜后取出'), false);
  assert.equal(at('已到达丰巢快递柜，请凭取件码取件'), true);
});

// Found from outside (thirty-ninth session, a Taipei shop): "花蓮、台東2-3天" was cut out of the delivery entry for a Hualien question.
test('Hualien and Taitung are a region of their own in a Taiwanese delivery entry', async () => {
  const entries: FaqEntry[] = [{ id: 'd', question: '寄送要幾天會到？', answer: '黑貓宅急便：台灣本島出貨後隔日送達（次日到）；花蓮、台東2-3天；外島（澎湖、金門、馬祖）3-5個工作天。' }, { id: 'x', question: '運費多少', answer: 'NT$130。' }];
  const hualien = { orders: [order({ orderId: 'TW-1', status: 'shipped', currency: 'TWD', receiver: { name: 'X', phone: '0933222111', address: '970花蓮縣花蓮市中山路100號' } })], logistics: [logistics({ orderId: 'TW-1', status: 'in_transit', carrier: '黑貓宅急便' })] };
  const told = textOf(await shopChat2(SHOP, entries, hualien)('什麼時候會到'));
  assert.match(told, /花蓮、台東2-3天/);
  assert.doesNotMatch(told, /次日到/);
  assert.match(textOf(await shopChat2(SHOP, entries, {})('你好 想問寄到花蓮大概要幾天')), /花蓮、台東2-3天/);
});

// Found from outside (thirty-ninth session, a Toronto grocery): "hello, … it still hasnt come" was answered with a hello.
test('a greeting with the order said not to have come is the parcel\'s question', async () => {
  const data = { orders: [order({ orderId: 'TH-2', status: 'shipped' })], logistics: [logistics({ orderId: 'TH-2', status: 'in_transit' })] };
  for (const text of ['hello, i ordered lamb leg on friday morning and it still hasnt come. i had guests yesterday!!', '你好 我周五买的羊腿还没到']) {
    const r = await conversation(robotWith(data))(text);
    assert.equal(r.intent, 'track_parcel', text);
    assert.match(textOf(r), /TH-2/, text);
  }
  assert.equal((await conversation(robotWith(data))('hi there, hope you are well')).intent, 'greeting');
});

// Found from outside (thirty-ninth session, a Guangzhou shop): "唔使住" (not yet) was "not sure", and "唔洗喇" (唔使 typed
// as 唔洗) was offered the washing entry.
test('Cantonese "not yet" and 唔洗 for 唔使 take a person back or decline one', async () => {
  assert.equal(withdrawsHandover('唔使住 我自己睇下先'), '');
  assert.equal(withdrawsHandover('唔洗喇 我搵到啦'), '');
  assert.equal(withdrawsHandover('唔使住，呢單幾時到'), '呢單幾時到');
  assert.equal(withdrawsHandover('唔使俾運費咩'), undefined);
  assert.equal(withdrawsHandover('唔洗錢嘅?'), undefined);
  for (const text of ['唔洗喇 唔該', '唔使住']) {
    const say = conversation(robotWith({}));
    await say('找到了吗');
    const r = await say(text);
    assert.doesNotMatch(textOf(r), /洗|機|机/, text);
    assert.equal(r.handover, undefined, text);
  }
});

// Found from outside (thirty-ninth session, a Toronto grocery): a Greater Toronto Area clause was unknown, and an order not sent
// yet was told the robot's own "arrive 2-4 days later" beside the shop's next-day delivery.
describe('the shop\'s delivery days for an order not sent yet, and the Greater Toronto Area', () => {
  const entries: FaqEntry[] = [
    { id: 'd', question: 'How long does delivery take?', answer: 'GTA (Toronto, Mississauga, Markham, Richmond Hill): next-day delivery. Rest of Ontario: 2-3 business days. Other provinces: 3-7 business days.' },
    { id: 'h', question: 'Is the meat halal certified?', answer: 'Yes, all our meat is HMA certified.' },
  ];
  const paidTo = (address: string) => ({ orders: [order({ orderId: 'T-1', status: 'paid', currency: 'CAD', receiver: { name: 'A', phone: '4165551234', address } })] });
  test('a paid order is told the shop\'s days to its region, not the robot\'s', async () => {
    for (const [address, days, not] of [
      ['88 Main St, Markham, ON L3R 1A1', /next-day delivery/, /Rest of Ontario|2-4 days/],
      ['12 Bank St, Ottawa, ON K1P 5N2', /Rest of Ontario: 2-3 business days/, /next-day|2-4 days/],
      ['5 Robson St, Vancouver, BC V6B 1A1', /Other provinces: 3-7 business days/, /next-day|Ontario|2-4 days/],
    ] as const) {
      const told = textOf(await shopChat2(SHOP, entries, paidTo(address))('when will my order arrive'));
      assert.match(told, /T-1/, address);
      assert.match(told, days, address);
      assert.doesNotMatch(told, not, address);
    }
  });
  test('without the shop\'s delivery days the robot\'s own stand', async () => {
    const told = textOf(await shopChat2(SHOP, entries.slice(1), paidTo('88 Main St, Markham, ON L3R 1A1'))('when will my order arrive'));
    assert.match(told, /2-4 days/);
  });
});

test('"when will it arrive" of an order not sent adds the shop\'s days to its region to its sending terms', async () => {
  const entries: FaqEntry[] = [
    { id: 's', question: '付款后多久发货？', answer: '付款后 24 小时内发货。' },
    { id: 'd', question: '发货后几天能到？', answer: '江浙沪次日达，其他地区 2-4 天，新疆、西藏 5-7 天。' },
  ];
  const data = { orders: [order({ orderId: 'W-1', status: 'paid', receiver: { name: '张三', phone: '13812345678', address: '新疆乌鲁木齐市天山区解放北路 1 号' } })] };
  for (const text of ['什么时候能到', '啥时候能收到', 'when will my order arrive']) {
    const told = textOf(await shopChat2(SHOP, entries, data)(text));
    assert.match(told, /24 小时|24 hours/, text);
    // The region's days, not the whole entry.
    if (/[\u4e00-\u9fff]/.test(text)) assert.match(told, /^(?![\s\S]*江浙沪)[\s\S]*新疆、西藏 5-7 天/, text);
  }
  assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, data)('什么时候发货')), /5-7 天/);
});

// Found from outside (thirty-ninth session, a Toronto grocery): a parcel scanned every day but on its way far past the shop's
// "2-3 business days" was only "in transit".
test('a parcel on its way past the shop\'s own delivery days is said to be late, with a person offered', async () => {
  const entries: FaqEntry[] = [{ id: 'd', question: 'How long does delivery take?', answer: 'GTA: next-day delivery. Rest of Ontario: 2-3 business days. Other provinces: 3-7 business days.' }, { id: 'x', question: 'Is the meat halal?', answer: 'Yes.' }];
  const moving = (first: string, address = '12 Bank St, Ottawa, ON K1P 5N2') => ({
    orders: [order({ orderId: 'S-1', status: 'shipped', currency: 'CAD', receiver: { name: 'A', phone: '4165551234', address } })],
    logistics: [logistics({ orderId: 'S-1', carrier: 'Canada Post', status: 'in_transit', events: [{ time: first, location: 'Toronto', description: 'Item accepted' }, { time: '2024-11-26T20:00:00+08:00', location: 'Ottawa', description: 'Item processed' }] })],
  });
  for (const text of ['where is my order', 'when will it arrive', "what's the status of my order"]) {
    const r = await shopChat2(SHOP, entries, moving('2024-11-20T10:00:00+08:00'))(text);
    assert.match(textOf(r), /5 business days since the courier picked it up, longer than the 3 business days the shop gives/, text);
    assert.equal(r.state.offeredHuman, true, text);
    // Within the shop's days, and with no days of the shop's, nothing is said.
    assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, moving('2024-11-25T10:00:00+08:00'))(text)), /longer than/, text);
    assert.doesNotMatch(textOf(await shopChat2(SHOP, entries.slice(1), moving('2024-11-20T10:00:00+08:00'))(text)), /longer than/, text);
  }
  // Next-day to the GTA: two working days on is late; a label printed days before the courier's first scan does not count.
  assert.match(textOf(await shopChat2(SHOP, entries, moving('2024-11-25T10:00:00+08:00', '88 Main St, Markham, ON L3R 1A1'))('where is my order')), /longer than the 1 business day the shop gives/);
  const labelled = moving('2024-11-25T10:00:00+08:00');
  const withLabel = { ...labelled, logistics: [{ ...labelled.logistics[0]!, events: [{ time: '2024-11-15T10:00:00+08:00', location: 'Toronto', description: 'Shipping label created' }, ...labelled.logistics[0]!.events] }] };
  assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, withLabel)('where is my order')), /longer than/);
  // The days to send ("dispatched within 2 working days") are no days to deliver.
  const dispatchToo: FaqEntry[] = [{ id: 'd', question: 'How long does delivery take?', answer: 'Orders are dispatched within 2 working days and delivery takes 3-7 days.' }, entries[1]!];
  assert.doesNotMatch(textOf(await shopChat2(SHOP, dispatchToo, moving('2024-11-23T10:00:00+08:00'))('where is my order')), /longer than/);
});

describe('dangers of the fortieth session', () => {
  const first = async (text: string) => {
    const r = await conversation(robotWith({}))(text);
    return [r.intent, r.replies[0]?.text] as const;
  };
  // A Chengdu shop: 娃娃 is a child in Sichuan ("not understood").
  test('a child called 娃娃 or 娃儿 who swallowed a desiccant is an emergency; a doll is none', async () => {
    for (const text of ['急急急 我家娃娃把兔头袋子里那个小包包吃了 就是写的干燥剂那个 咋个办啊', '我家娃儿把干燥剂吃了']) assert.deepEqual(await first(text), ['complaint', TEXTS.zh.healthEmergency], text);
    assert.notEqual((await first('这个芭比娃娃掉色吗'))[0], 'complaint');
  });
  // A Berlin shop: a phishing mail asking to pay again to a new IBAN got "not sure".
  test('a mail or text asking to pay again, or to an IBAN, "is that you?", is a scam', async () => {
    for (const text of ['i got email from "berlin-refurb-payments" that my payment failed and i should pay again with bank transfer to a lithuanian IBAN. is that you?', 'I got a text that I need to pay again for the delivery, is that you?']) {
      assert.deepEqual(await first(text), ['complaint', TEXTS.en.hazardFirst.fraud], text);
    }
    for (const text of ['i got an email with my order confirmation, can you resend the invoice', 'my payment failed, can i pay again?']) assert.notEqual((await first(text))[1], TEXTS.en.hazardFirst.fraud, text);
  });
  // A Singapore shop: a sofa's strong chemical smell with an asthmatic son, then a cough, got the tracking twice.
  test('goods smelling strong with someone who breathes badly, asked if safe, or a cough now, is bad air', async () => {
    for (const text of ['bro the sofa reach already, but the cushion got one stain and the smell very strong like chemical. my son got asthma, is it safe?', 'i not asking tracking!! the sofa smell damn strong, my boy coughing now. what should i do', '沙发味道好重 孩子一直咳 怎么办']) {
      assert.deepEqual(await first(text), ['complaint', /[\u4e00-\u9fff]/.test(text) ? TEXTS.zh.hazardFirst.air : TEXTS.en.hazardFirst.air], text);
    }
    for (const text of ['I have asthma, is the smell of this candle strong?', 'does the sofa have a strong chemical smell? my son has asthma']) assert.notEqual((await first(text))[1], TEXTS.en.hazardFirst.air, text);
    assert.doesNotMatch(TEXTS.en.hazardFirst.air, /dry ice/);
  });
});

// Found from outside (fortieth session, a Shanghai baby shop): a baby who ate a skin lotion was greeted, a child who drank hand
// cream "not understood"; a baby with a fever or a hard belly, crying, help asked, was "your message is kept" in the queue.
test('a child who swallowed a cream or a wash is an emergency; a baby unwell now with help asked is told to see a doctor, first in line', async () => {
  const first = async (text: string) => {
    const r = await conversation(robotWith({}))(text);
    return [r.intent, r.replies[0]?.text] as const;
  };
  for (const text of ['救命 宝宝刚才把贝亲的润肤乳挤出来吃了好几口 怎么办啊啊啊', '孩子喝了一口大人的护手霜 要紧吗', 'my toddler just drank some of the baby shampoo']) {
    assert.deepEqual(await first(text), ['complaint', /[\u4e00-\u9fff]/.test(text) ? TEXTS.zh.healthEmergency : TEXTS.en.healthEmergency], text);
  }
  for (const text of ['宝宝现在有点发烧 还在哭 我是不是该去医院', '我宝宝肚子胀得硬邦邦的 一直哭 怎么办', "my baby has a high fever and won't stop crying, should i go to the hospital"]) {
    assert.deepEqual(await first(text), ['complaint', /[\u4e00-\u9fff]/.test(text) ? TEXTS.zh.healthEmergency : TEXTS.en.healthEmergency], text);
    assert.equal(safetyOf(text), 'emergency', text);
  }
  // Found in review: a meal and a cream in one message, good news, a vegetable called 娃娃菜, goods asked beside a fever.
  for (const text of ['孩子吃了你们的面霜以后皮肤好多了', '宝宝吃了辅食以后我给他擦了润肤乳，现在皮肤很滑，回购了', '孩子喝了乳酸菌饮料 乳液什么时候发货', 'my daughter ate breakfast, and the perfume is arriving when?', 'my son licked the lotion off his hand lol is that ok', '娃娃菜吃了 好像有股酒精味 是不是坏了',
    '宝宝最近肚子胀气 换哪款奶粉好 怎么办', '孩子发烧了 退烧贴什么时候发货 急用 怎么办', '宝宝发烧了 你们的体温计准不准 医生说要测腋温', '孩子高烧刚退 医生让喝电解质水 你们有吗', 'the baby hat is a bit floppy on the brim, what should i do', 'er my baby has a fever, does the forehead thermometer work for newborns']) {
    assert.notEqual((await first(text))[0], 'complaint', text);
  }
  assert.deepEqual(await first('纸尿裤那单 花王的 宝宝穿了屁股红了一片 是不是质量问题'), ['complaint', TEXTS.zh.healthReaction]);
  for (const text of ['宝宝用这个润肤乳会不会过敏', '如果宝宝发烧了 奶粉要换吗', '护手霜多少钱', '纸尿裤穿了会不会红屁股']) assert.notEqual((await first(text))[0], 'complaint', text);
});

describe('a person asked for or offered, in the fortieth session\'s words', () => {
  // A Chengdu shop: "要得 谢谢亲" to "shall I get a person?" was a goodbye; "好的 谢谢" stays a thank-you. A Berlin shop: "ja".
  test('a yes that wants it, with thanks, and a German yes, hand over; an "ok, thanks" does not', async () => {
    for (const [yes, person] of [['要得 谢谢亲', true], ['yes thanks', true], ['ja', true], ['好的 谢谢', false], ['nein danke', false]] as const) {
      const say = conversation(robotWith({}));
      assert.match(textOf(await say('有没有防腐剂')), /转接人工客服吗/);
      assert.equal((await say(yes)).handover?.reason, person ? 'requested' : undefined, yes);
    }
  });
  // A Singapore and a Berlin shop: entries offered or "didn't get that".
  test('"get me someone", "is anybody working there", "Bitte einen Mitarbeiter", "i want somebody check…" ask for a person', async () => {
    for (const text of ['i never order yet!! cannot pay. get me someone', 'is anybody working there', 'Bitte einen Mitarbeiter. This is for a business order.', 'none of this. i want somebody check my return parcel']) {
      assert.equal((await conversation(robotWith({}))(text)).handover?.reason, 'requested', text);
    }
  });
  // A Chengdu shop: "好 帮我催一下" got the card and the offer to chase again.
  test('a chase agreed to and asked at once calls a person; a chase asked alone, or a loss feared, offers one', async () => {
    const data = { orders: [order({ orderId: 'C-1', status: 'shipped' })], logistics: [logistics({ orderId: 'C-1', status: 'in_transit' })] };
    const asked = await conversation(robotWith(data))('好 帮我催一下快递');
    assert.equal(asked.handover?.reason, 'requested');
    assert.match(textOf(asked), /正在为您转接人工客服帮您向快递核实/);
    for (const text of ['快递怎么还没动 催一下', '那你帮我催一下快递', '是不是丢了哦 我们这边冬天路不好走']) {
      const slow = await conversation(robotWith(data))(text);
      assert.equal(slow.handover, undefined, text);
      assert.match(textOf(slow), /需要为您转接人工客服，帮您向快递核实、催一下吗/, text);
    }
  });
  // A Singapore shop: "nvm i go buy from other shop" got "Great."
  test('a buyer leaving for another shop is told sorry and offered a person, and a yes hands over', async () => {
    for (const text of ['nvm i go buy from other shop', '算了 我去别家买了']) {
      const say = conversation(robotWith({}));
      const r = await say(text);
      assert.equal(r.replies[0]!.text, /[\u4e00-\u9fff]/.test(text) ? TEXTS.zh.leaving : TEXTS.en.leaving, text);
      assert.equal((await say(/[\u4e00-\u9fff]/.test(text) ? '要' : 'yes')).handover?.reason, 'requested', text);
    }
    assert.notEqual((await conversation(robotWith({}))('ok thanks bye')).replies[0]!.text, TEXTS.en.leaving);
  });
  // A Berlin shop: "can you do it for me pls" after how to cancel got the cancel text again.
  test('"can you do it for me" after how to cancel hands over', async () => {
    const say = conversation(robotWith({ orders: [order({ orderId: 'P-1', status: 'paid' })] }));
    assert.match(textOf(await say('cancel my order')), /cancel/i);
    assert.equal((await say('can you do it for me pls, and the 69 euro ram payment i did also refund')).handover?.reason, 'requested');
  });
});

// Found from outside (fortieth session, a Singapore furniture shop): "leave our Tuas warehouse within 2 working days … processed
// the same day" was no word on sending, so the robot's own 48 hours were told and a Friday afternoon payment called late on Monday.
test('an entry that says the goods leave the warehouse or are processed is the shop\'s word on sending', async () => {
  const entries: FaqEntry[] = [
    { id: 's', question: 'How soon do you ship after payment?', answer: 'In-stock items leave our Tuas warehouse within 2 working days after payment. Orders paid before 2pm on a working day are processed the same day; orders paid on weekends or public holidays are processed the next working day.' },
    { id: 'x', question: 'Do you assemble the furniture?', answer: 'Yes, assembly is free.' },
  ];
  // Paid on Friday 29 Nov 2024 at 15:20, asked on Monday 2 Dec at 02:40: 59 hours, past the robot's 48, within two working days.
  const data = { orders: [order({ orderId: 'SF-1', status: 'paid', currency: 'SGD', createdAt: '2024-11-29T15:20:00+08:00', updatedAt: '2024-11-29T15:20:00+08:00' })] };
  const faq = new FaqIndexProvider();
  faq.setEntries(SHOP, entries);
  const robot = createRobot({ dataSource: fakeDataSource(data), faq, clock: () => new Date('2024-12-02T02:40:00+08:00') });
  const told = textOf(await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c-sg', text: 'when will my mattress be delivered' }));
  assert.match(told, /leave our Tuas warehouse within 2 working days/);
  assert.doesNotMatch(told, /48 hours|later than usual/);
});

// Found from outside (fortieth session): "and price of shipping?" was "not sure" beside "How much does shipping cost?" (a Berlin
// shop); Sichuan 好久 (how long) and 有好辣 (how spicy) were "not sure" beside the entries asking them (a Chengdu shop).
test('"price of shipping", "how much for shipping" find the shipping cost; Sichuan 好久 and 有好辣 find how long and how spicy', async () => {
  const en: FaqEntry[] = [{ id: 'c', question: 'How much does shipping cost?', answer: 'Free within Germany; 9.90 EUR to other EU countries.' }, { id: 'w', question: 'How long is the warranty?', answer: '12 months.' }];
  for (const text of ['and price of shipping?', 'how much for shipping', "what's the price of delivery to poland"]) {
    assert.match(textOf(await shopChat2(SHOP, en, {})(text)), /9\.90 EUR/, text);
  }
  const zh: FaqEntry[] = [
    { id: 'b', question: '保质期多久', answer: '牛油火锅底料保质期12个月，手撕牛肉干保质期9个月。' },
    { id: 's', question: '火锅底料有多辣', answer: '微辣适合不太能吃辣的，特辣是我们最辣的一款。' },
    { id: 'r', question: '退款多久到账', answer: '1-3个工作日。' },
  ];
  for (const [text, entry] of [['保质期好久 我买了6袋怕吃不完', '保质期'], ['牛肉干开了袋子能放好久', '保质期'], ['特辣到底有好辣哦', '有多辣']] as const) {
    const told = textOf(await shopChat2(SHOP, zh, {})(text));
    assert.match(told, new RegExp(entry), text);
    assert.doesNotMatch(told, /不太确定/, text);
  }
});

// Found from outside (fortieth session, a Singapore furniture shop): "can postpone to saturday instead?" was asked whether the
// address should change, and "no!! not address. the DATE. thursday to saturday" was given the address entry.
test('postponing a delivery to a day, and "not address, the date", is another delivery day', async () => {
  const entries: FaqEntry[] = [
    { id: 'd', question: 'Can I change the delivery date?', answer: 'Yes. You can move your delivery slot for free up to 48 hours before it.' },
    { id: 'a', question: 'How do I change my shipping address?', answer: 'Tell us the new address here with your order number.' },
  ];
  const data = { orders: [order({ orderId: 'SF-2', status: 'paid', currency: 'SGD' })] };
  for (const text of ['can postpone to saturday instead? thursday suddenly got meeting', 'no!! not address. the DATE. thursday to saturday', 'can you move the delivery to next week']) {
    const told = textOf(await shopChat2(SHOP, entries, data)(text));
    assert.match(told, /move your delivery slot/, text);
    assert.doesNotMatch(told, /new address|change the delivery address/, text);
  }
});

// Found from outside (fortieth session): "why only 600? i paid 699 leh" was offered the Malaysia entry (a Singapore shop); "I
// transfered 459€ … where is this money now?" was told money goes back by itself (a Berlin shop, no refund on record).
test('a refund\'s amount disputed, or money sent by transfer asked after, goes to a person; "where is my money" stays the refund', async () => {
  const refund = { orders: [order({ orderId: 'R-1', status: 'completed', totalAmount: '699.00' })], aftersales: [aftersale({ aftersaleId: 'A-1', orderId: 'R-1', type: 'return', status: 'approved', amount: '600.00' })] };
  for (const text of ['why only 600? i paid 699 leh', 'the refund amount wrong', '退款金额不对 为什么只退了600', 'I transfered 459€ on 24.11 from my Sparkasse account, reference BRL-2026-46020. where is this money now?']) {
    const r = await conversation(robotWith(refund))(text);
    assert.equal(r.handover?.reason, 'requested', text);
    assert.equal(r.replies[0]!.text, /[\u4e00-\u9fff]/.test(text) ? TEXTS.zh.moneyHandover : TEXTS.en.moneyHandover, text);
  }
  for (const text of ['where is my money', "it's been 2 weeks, where is my money", '我的退款到哪了']) {
    const r = await conversation(robotWith(refund))(text);
    assert.equal(r.intent, 'aftersale_progress', text);
    assert.equal(r.handover, undefined, text);
  }
});

// Found from outside (fortieth session, a Singapore shop): "both la" after "which one?" got "which one?" again.
test('"both la", "all lor" after a list of orders pick them all', async () => {
  const two = { orders: [order({ orderId: 'B-1', status: 'shipped' }), order({ orderId: 'B-2', status: 'shipped', items: [{ sku: 'x', title: '蓝牙音箱', quantity: 1, price: '99.00' }] })], logistics: [logistics({ orderId: 'B-1' }), logistics({ orderId: 'B-2' })] };
  for (const text of ['both la', 'all lor']) {
    const say = conversation(robotWith(two));
    assert.match(textOf(await say('where are my orders')), /Which of these 2 orders/);
    const told = textOf(await say(text));
    assert.match(told, /B-1/, text);
    assert.match(told, /B-2/, text);
    assert.doesNotMatch(told, /Which of these/, text);
  }
});

// Found from outside (fortieth session, a Singapore shop): "the bed frame tmr the crew will call before come?" was told "Yes: … Dec 8",
// a yes to a question not asked.
test('whether the courier calls first, asked beside a day, gets no verdict on the day', async () => {
  const booked = [{ time: '2024-11-26T15:10:00+08:00', location: 'Tuas warehouse', description: 'Delivery slot booked: Thu 28 Nov, 9am-1pm' }];
  const data = { orders: [order({ orderId: 'T-9', status: 'shipped' })], logistics: [logistics({ orderId: 'T-9', status: 'in_transit', events: booked, updatedAt: booked[0]!.time })] };
  // Asked of the day alone, the courier's day is weighed.
  assert.match(textOf(await conversation(robotWith(data))('the bed frame will come tmr?')), /Yes/);
  assert.doesNotMatch(textOf(await conversation(robotWith(data))('the bed frame tmr the crew will call before come?')), /Yes/);
});

// Found from outside (fortieth session, a Singapore shop): "can i change the colour from grey to dark green?" of an order not
// sent was offered the refund-time and mattress-trial entries.
test('changing the colour "from grey to dark green", "能换个颜色吗" of an order not sent is a change to its goods', async () => {
  const data = { orders: [order({ orderId: 'CL-1', status: 'paid' })] };
  for (const text of ['can i change the colour from grey to dark green? still can?', '鞋子能换个颜色吗 还没发货吧']) {
    const told = textOf(await conversation(robotWith(data))(text));
    assert.match(told, /CL-1/, text);
    assert.match(told, /size or colou?r|尺码、颜色/, text);
  }
});

// Found from outside (fortieth session, a Berlin shop): a company's NIP sent as the invoice entry asked got "You're welcome!", a
// serial with the fault got the order's status; nobody saw either.
test('a tax number or a serial sent is passed to a person, said so; asked about, it is not', async () => {
  for (const text of ['ok so here: Nowak Design sp. z o.o., ul. Długa 14/3, 31-147 Kraków, NIP PL6762475813. thx', 'Order BRL-2026-47215, serial PF-2A7K9X, keyboard keys stopped working. Please replace instead of refund.', 'VAT number: DE 123456789, company Brandt GmbH']) {
    const r = await conversation(robotWith({}))(text);
    assert.equal(r.handover?.reason, 'requested', text);
    assert.equal(r.replies[0]!.text, TEXTS.en.detailsHandover, text);
  }
  for (const text of ['where do i find the serial number?', 'what is your VAT number?', 'do you need my VAT number: DE123456789?']) assert.notEqual((await conversation(robotWith({}))(text)).replies[0]?.text, TEXTS.en.detailsHandover, text);
});

// The review of the fortieth session's readings: ordinary messages they took, each no longer taken.
describe('the fortieth session\'s readings, narrowed in review', () => {
  const first = async (text: string, data: FakeData = {}) => {
    const r = await conversation(robotWith(data))(text);
    return [r.intent, r.replies.map((x) => x.text).join('\n'), r.handover?.reason] as const;
  };
  test('a smell asked of beforehand, or of food or a scent, is no bad air; a checkout problem is no scam', async () => {
    for (const text of ['does the new rug have a strong smell? is it safe for a baby room', '新沙发味道好大 家里有小孩 多久能散 怎么办', '这个螺蛳粉味道好重 孩子能吃吗 有事吗', 'the coffee smell is really strong, my daughter loves it, is it safe for kids', 'the candle smell is so strong, is it ok to burn around kids?']) {
      assert.notEqual((await first(text))[1], TEXTS.en.hazardFirst.air, text);
      assert.notEqual((await first(text))[0], 'complaint', text);
    }
    for (const text of ['got a message that my card was declined, can i pay again?', 'I got an email saying payment failed, how do I pay again?', 'i got an email after i paid by bank transfer but the order still says unpaid', 'got a mail with the link to pay, paid already but still pending. should i pay again?']) {
      assert.doesNotMatch((await first(text))[1], /scammer/, text);
    }
    // Money sent to the account a mail named is the scam's, told so.
    assert.match((await first('I transfered 459€ to the IBAN from the email last week, where is this money now?'))[1], /scammer/);
  });
  test('"not my address" is still an address to change; counts and invoices are no refund disputed; opening days are no reschedule', async () => {
    const paid = { orders: [order({ orderId: 'AD-1', status: 'paid' })] };
    for (const text of ["that's not my address, can you change it to 12 Orchard Road #05-01", 'not my address! pls update to Blk 123 Tampines St 11']) assert.equal((await first(text, paid))[0], 'change_address', text);
    for (const text of ['why only 2? i ordered 3 bottles', '为什么只有1个 我买了两个', '发票金额不对 要重开', 'refund was transferred to my bank on monday, where is my money']) {
      assert.notEqual((await first(text))[1], /[\u4e00-\u9fff]/.test(text) ? TEXTS.zh.moneyHandover : TEXTS.en.moneyHandover, text);
    }
    assert.doesNotMatch((await first('do you deliver monday to friday', paid))[1], /rearrange|another delivery day|delivery day/i);
  });
  test('a day asked beside whether the courier calls keeps its verdict; a Cantonese "but" keeps the buyer waiting', async () => {
    const data = { orders: [order({ orderId: 'CF-1', status: 'shipped' })], logistics: [logistics({ orderId: 'CF-1', status: 'in_transit' })] };
    const [, both] = await first('周五能到吗 到了会先打电话吗', data);
    const [, alone] = await first('周五能到吗', data);
    assert.equal(both, alone);
    assert.equal(withdrawsHandover('搵到咗，但系个杯烂咗'), undefined);
  });
  test('"returns are processed within 14 days" is no word on sending', async () => {
    const entries: FaqEntry[] = [{ id: 's', question: 'How soon do you ship after payment?', answer: 'Orders ship within 24 hours after payment. Returns are processed within 14 days.' }, { id: 'x', question: 'Do you gift wrap?', answer: 'Yes.' }];
    const late = { orders: [order({ orderId: 'SP-1', status: 'paid', createdAt: '2024-11-23T09:00:00+08:00', updatedAt: '2024-11-23T09:00:00+08:00' })] };
    const told = textOf(await shopChat2(SHOP, entries, late)('has my order shipped'));
    assert.doesNotMatch(told, /Returns are processed/);
    assert.match(told, /later than usual/);
  });
});

// Found from outside (fortieth session, a Chengdu shop): a buyer with no orders asking "今天下午拍的话好久能到成都" was told no
// orders were found, though the shop's entries answer when it ships and how long it takes to Sichuan.
test('ordered when, to arrive where, from a buyer with no orders: the sending terms and the days to the place named', async () => {
  const entries: FaqEntry[] = [
    { id: 's', question: '付款后多久发货', answer: '现货订单每天16:00前付款当天发出，16:00后付款次日发出。' },
    { id: 'd', question: '几天能收到', answer: '默认发中通快递。四川、重庆次日达，江浙沪、京津冀、广东2-3天，其他地区2-4天。' },
  ];
  const told = textOf(await shopChat2(SHOP, entries, {})('那我买两袋微辣的，今天下午拍的话好久能到成都'));
  assert.match(told, /16:00前付款当天发出/);
  assert.match(told, /四川、重庆次日达/);
  assert.doesNotMatch(told, /没有查到|江浙沪/);
});

// Found while mending the fortieth session's leftovers: a new address with its receiver's mobile number found "no matching
// order" (the number read as a phone tail), and the address of a parcel already sent got "can't be changed online" again.
test('a new address with its receiver\'s number is the address given; one for a parcel already sent is passed on, not refused again', async () => {
  const paid = order({ orderId: 'NA-1', status: 'paid' });
  const zh = conversation(robotWith({ orders: [paid] }));
  await zh('我想改地址');
  const given = await zh('上海市浦东新区张江路88号 李四 13812345678');
  assert.match(textOf(given), /收到您的新地址/);
  assert.equal(given.state.offeredHuman, true);
  const sent = order({ orderId: 'NA-2', status: 'shipped' });
  const track = logistics({ orderId: 'NA-2', carrier: 'SF', trackingNo: 'SF9000000001', status: 'in_transit' });
  const en = conversation(robotWith({ orders: [sent], logistics: [track] }));
  assert.match(textOf(await en('can I change my address')), /can't be changed online/);
  const redirect = await en('12 Baker Street, London NW1 6XE');
  assert.match(textOf(redirect), /Got your new address[^]*redirect it to the address you sent/);
  assert.equal(redirect.state.offeredHuman, true);
  assert.ok((await en('yes please')).handover);
  const cn = conversation(robotWith({ orders: [sent], logistics: [track] }));
  await cn('地址能改吗');
  assert.match(textOf(await cn('北京市朝阳区建国路88号 王五 13900001111')), /收到您的新地址[^]*改派/);
});

// Found from outside (forty-first session, a Beijing and a London shop): "咋给我取消了 我都付了钱了" got "您在本店的订单都已取消",
// "为啥取消 钱退了没" another order's refund, "why was my Black Cat 4s order cancelled?" a list of orders to cancel.
test('why an order was cancelled, with the money beside it or goods named with a digit: that order and its reason', async () => {
  const hood = order({ orderId: 'WC-1', status: 'cancelled', items: [{ sku: 'H', title: '方太 侧吸式 油烟机', quantity: 1, price: '3599.00' }], cancelReason: '库存不足，商家取消订单，货款已原路退回' });
  const ac = order({ orderId: 'WC-2', status: 'cancelled', items: [{ sku: 'A', title: '美的 壁挂式空调', quantity: 1, price: '2699.00' }], cancelReason: '买家申请取消订单' });
  const refund = aftersale({ aftersaleId: 'AS-WC', orderId: 'WC-2', status: 'approved' });
  for (const text of ['还有那个油烟机 咋给我取消了 我都付了钱了', '油烟机那单为啥取消 钱退了没']) {
    const told = textOf(await conversation(robotWith({ orders: [hood, ac], aftersales: [refund] }))(text));
    assert.match(told, /WC-1[^]*库存不足/, text);
  }
  const shoes = order({ orderId: 'WC-3', status: 'cancelled', items: [{ sku: 'J4', title: "Air Jordan 4 Retro 'Black Cat' UK 9", quantity: 1, price: '380.00' }], cancelReason: 'The pair failed our authentication check.', currency: 'GBP' });
  const live = order({ orderId: 'WC-4', status: 'paid', items: [{ sku: 'D', title: 'Nike SB Dunk Low', quantity: 1, price: '200.00' }], currency: 'GBP' });
  const why = textOf(await conversation(robotWith({ orders: [shoes, live] }))('Hi, why was my Black Cat 4s order cancelled?'));
  assert.match(why, /WC-3[^]*authentication check/);
  // Still a question of cancelling, not of why: "为什么取消不了".
  assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [live] }))('为什么取消不了')), /取消原因/);
});

// Found from outside (forty-first session, a Beijing and a US shop): the question after a take-back was dropped ("你就说安装收费标准是啥",
// "actually can i cancel the friday order…", "i'll just do it myself. how do i change the address…"), "算了不退了 就是问问 周三送成不"
// was answered as a return, and "周三送成不" / "能约后天送不" were not heard as another delivery day.
test('the question after a take-back is answered; what was given up is the take-back\'s; a day asked for the northern way', async () => {
  const robot = robotWith({ orders: [order({ orderId: 'TB-1', status: 'paid' })], aftersales: [] });
  for (const text of ['你就说安装收费标准是啥', 'actually can i cancel the friday order and just reorder w a bigger size later', "i'll just do it myself. how do i change the address on my account"]) {
    assert.ok((await robot.answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text, restOfTakeBack: true })).replies.length > 0, text);
  }
  assert.equal(withdrawsHandover('算了不退了 就是问问 周三送成不'), '周三送成不');
  assert.equal(withdrawsHandover('算了不退了'), '不退了');
  const shipped = { orders: [order({ orderId: 'TB-2', status: 'shipped' })], logistics: [logistics({ orderId: 'TB-2', status: 'in_transit' })] };
  for (const text of ['周三送成不', '那能约后天送不 明天我不在家']) {
    const r = await conversation(robotWith(shipped))(text);
    assert.equal(r.intent, 'change_address', text);
    assert.match(textOf(r), /送货日期|改约|重新约/, text);
  }
});

// Found from outside (forty-first session, a Beijing appliance shop): "装空调的师傅啥时候来啊", "装的师傅还没来 他们啥时候联系我" got the
// delivery's tracking three times, though the shop has an entry on when the installer comes.
test('when the installer comes, asked the northern way or in the clause after, is the shop\'s entry on installing', async () => {
  const entries: FaqEntry[] = [
    { id: 'i', question: '送货后多久上门安装？', answer: '北京城区一般送货当天或第二天上门安装，货到后师傅会提前电话联系您。', alternates: ['师傅什么时候上门装', '啥时候来安装'] },
    { id: 'f', question: '安装要收费吗？', answer: '基础安装免费。' },
  ];
  const data = { orders: [order({ orderId: 'IN-1', status: 'delivered' })], logistics: [logistics({ orderId: 'IN-1', status: 'delivered' })] };
  for (const text of ['装空调的师傅啥时候来啊 跟送货一块儿来吗', '空调到了 装的师傅还没来 他们啥时候联系我']) {
    assert.match(textOf(await shopChat2(SHOP, entries, data)(text)), /上门安装/, text);
  }
  assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, data)('空调到哪了')), /上门安装/);
});

// Found from outside (forty-first session): a price difference asked back was told "15 天的退换期" from the price-protection entry
// (a Beijing shop), and an opened tub was given the 60-day window the shop keeps for unopened goods (a US vitamins shop).
test('no returns window for a price difference asked back, nor one the shop keeps for goods unopened when these were opened', async () => {
  const delivered = (id: string) => ({ orders: [order({ orderId: id, status: 'delivered', items: [{ sku: 'W', title: 'Whey Protein Powder Chocolate', quantity: 1, price: '39.99' }] })], logistics: [logistics({ orderId: id, status: 'delivered', events: [{ time: '2024-11-25T10:00:00+08:00', location: '北京', description: '已签收' }] })] });
  const gap: FaqEntry[] = [{ id: 'p', question: '买完降价了能退差价吗？', answer: '本店支持价保：签收后15天内同一商品降价，在订单页点“价格保护”申请，差价原路退回。' }, { id: 'x', question: '保修多久？', answer: '整机一年。' }];
  const told = textOf(await shopChat2(SHOP, gap, delivered('PG-1'))('这款冰箱现在降到4299了 我买的4599 能退差价吗'));
  assert.match(told, /价保/);
  assert.doesNotMatch(told, /退换期/);
  const tub: FaqEntry[] = [{ id: 'r', question: 'Can I return an item?', answer: 'Unopened items can be returned within 60 days of delivery for a full refund. Opened bottles are covered by our 30-day satisfaction guarantee.' }, { id: 'y', question: 'Do you ship to Alaska?', answer: 'Yes.' }];
  assert.doesNotMatch(textOf(await shopChat2(SHOP, tub, delivered('PG-2'))('can i still return the protein powder? the tub is opened')), /return window runs until/);
  assert.match(textOf(await shopChat2(SHOP, tub, delivered('PG-3'))('can i still return the protein powder?')), /60-day return window/);
});

// Found from outside (forty-first session, a Guangzhou shop): "我说我付款了！！怎么还显示没付" was told the order awaits payment and
// when to pay by: a buyer who says she paid is not told to pay again.
test('"我付款了 怎么还显示没付": paid and shown unpaid, a person checks it', async () => {
  const unpaid = { orders: [order({ orderId: 'PU-1', status: 'pending_payment' })] };
  const r = await conversation(robotWith(unpaid))('我说我付款了！！怎么还显示没付');
  assert.equal(r.intent, 'human');
  assert.doesNotMatch(textOf(r), /请在.*前付款/);
});

// Found from outside (forty-first session, a Guangzhou shop): "我的cardigan shipped了吗" got the jeans' order: 开衫 is a cardigan.
test('"我的cardigan shipped了吗" is the 开衫\'s order', async () => {
  const data = {
    orders: [order({ orderId: 'CG-1', status: 'delivered', items: [{ sku: 'J', title: '高腰阔腿牛仔裤 深蓝 28码', quantity: 1, price: '149.00' }] }), order({ orderId: 'CG-2', status: 'shipped', items: [{ sku: 'K', title: '【现货】圆领短款开衫 雾霾灰 M码', quantity: 1, price: '129.00' }] })],
    logistics: [logistics({ orderId: 'CG-2', status: 'in_transit' })],
  };
  assert.match(textOf(await conversation(robotWith(data))('hi 我的cardigan shipped了吗 tracking number pls')), /CG-2/);
});

// Found from outside (forty-first session, a London shop): "cheers. does it work on the jordan 1s or nah" was "You're welcome!".
test('thanks, then a question begun by its verb: the question is what is asked; thanks and a promise to come back is a goodbye', () => {
  const nlu = createNlu();
  assert.notEqual(nlu.understand('cheers. does it work on the jordan 1s or nah').intent, 'bye');
  assert.equal(nlu.understand('thanks! if i have any more questions ill get back to you').intent, 'bye');
  assert.equal(nlu.understand('cheers mate').intent, 'bye');
});

// Found from outside (forty-first session, a London shop): "its been sat in manchester since friday morning … is that normal" got
// the greeting menu: a morning in the middle of a sentence is a time of day.
test('a weekday\'s morning is a time, not a hello; "morning!" still greets', () => {
  const nlu = createNlu();
  assert.notEqual(nlu.understand('its been sat in manchester since friday morning bruv is that normal').intent, 'greeting');
  assert.equal(nlu.understand('i ordered lamb leg on friday morning and it still hasnt come').intent, 'track_parcel');
  assert.equal(nlu.understand('morning').intent, 'greeting');
});

// Found from outside (forty-first session, a US vitamins shop): "Yes please. Also if it is lost can you send a new one?" to a person
// offered got the tracking and the offer again; "yes dear" to "did you mean…?" was not understood.
test('"yes please" with more after it takes the person offered; "yes dear" is a yes', async () => {
  const stalled = { orders: [order({ orderId: 'YP-1', status: 'shipped', createdAt: '2024-11-01T10:00:00+08:00' })], logistics: [logistics({ orderId: 'YP-1', status: 'in_transit', events: [{ time: '2024-11-05T10:00:00+08:00', location: 'Seattle, WA', description: 'Departed USPS regional facility' }] })] };
  const say = conversation(robotWith(stalled));
  const first = await say('my order still has not arrived, its been weeks');
  assert.equal(first.state.offeredHuman, true, textOf(first));
  assert.ok((await say('Yes please. Also if it is lost can you send a new one?')).handover);
  assert.equal(createNlu().understand('yes dear').yesNo, 'yes');
});

// Found from outside (forty-first session, a US vitamins shop): "my subscribe and save order says awaiting payment? … What's going on"
// was offered the subscription entry; "my order says awaiting payment?" listed three orders.
test('an order quoted as awaiting payment is the unpaid one', async () => {
  const data = {
    orders: [
      order({ orderId: 'AP-1', status: 'pending_payment', items: [{ sku: 'M', title: "Subscribe & Save: Men's Multivitamin", quantity: 1, price: '25.49' }], currency: 'USD' }),
      order({ orderId: 'AP-2', status: 'delivered', currency: 'USD' }),
      order({ orderId: 'AP-3', status: 'shipped', currency: 'USD' }),
    ],
  };
  const entries: FaqEntry[] = [{ id: 's', question: 'How does Subscribe & Save work?', answer: 'You get 15% off every delivery.' }, { id: 'x', question: 'Do you ship to Alaska?', answer: 'Yes.' }];
  for (const text of ["Hi - my subscribe and save order says awaiting payment? Card on file should be good. What's going on", 'my order says awaiting payment? whats going on']) {
    assert.match(textOf(await shopChat2(SHOP, entries, data)(text)), /AP-1[^]*awaiting payment/, text);
  }
  // The money said to be gone beside it: a person checks the payment, nobody is told to pay again.
  for (const text of ['money was taken but the order says unpaid', '钱都扣了订单咋显示未付款呢']) assert.equal((await shopChat2(SHOP, entries, data)(text)).handover?.reason, 'requested', text);
});

// Found from outside (forty-first session, a US and a London shop): "open the order and tap After-sales", a button those shops do
// not have, was the answer to a refund asked after with no request, and no entry of the shop's could replace it.
test('no request found: a shop with its own FAQ is told its returns entry or a person, never the built-in button', async () => {
  const own: FaqEntry[] = [
    { id: 'r', question: 'Can I return an item?', answer: 'Start your return under My Orders in your account within 14 days.' },
    { id: 'h', question: 'What are your hours?', answer: 'Mon-Fri 9-6.' },
    { id: 'k', question: 'Do you take Klarna?', answer: 'Yes.' },
  ];
  const data = { orders: [order({ orderId: 'NR-1', status: 'delivered' })], aftersales: [] };
  const told = textOf(await shopChat2(SHOP, own, data)('whats happening with my refund'));
  assert.match(told, /can't find any return or refund request[^]*My Orders/);
  assert.doesNotMatch(told, /After-sales/);
  const noReturns: FaqEntry[] = [own[1]!, own[2]!, { id: 'g', question: 'Do you sell gift cards?', answer: 'Yes.' }];
  const plain = textOf(await shopChat2(SHOP, noReturns, data)('whats happening with my refund'));
  assert.match(plain, /can't find any return or refund request[^]*human/);
  assert.doesNotMatch(plain, /After-sales/);
});

// Found from outside (forty-first session, a London shop): a sent parcel's address change was told to ask Royal Mail to redirect
// it, which the shop's own entry says cannot be done.
test('the address of a parcel already sent: the shop\'s entry on changing it, not the robot\'s "ask the courier"', async () => {
  const entries: FaqEntry[] = [
    { id: 'a', question: 'How do I change my shipping address?', answer: "Message us before your order is sent out and we'll change it. After dispatch, DPD parcels can be redirected in the DPD app; Royal Mail parcels can't be redirected." },
    { id: 'h', question: 'What are your hours?', answer: 'Mon-Fri 9-6.' },
  ];
  const data = { orders: [order({ orderId: 'SA-1', status: 'shipped' })], logistics: [logistics({ orderId: 'SA-1', carrier: 'Royal Mail', trackingNo: 'JT1', status: 'in_transit' })] };
  const told = textOf(await shopChat2(SHOP, entries, data)('can i get it sent to my uni halls instead, im not gonna be home'));
  assert.match(told, /SA-1 has already shipped[^]*Royal Mail parcels can't be redirected/);
  assert.doesNotMatch(told, /ask Royal Mail to redirect/);
});

// Found from outside (forty-first session, a Guangzhou shop): "从广州仓发出，默认中通快递：广东省内1-2天，江浙沪2-3天…" was passed over
// for the built-in "一般 1-3 天送达": the warehouse it is sent from leads the times, it is no sentence on sending.
test('an entry led by where parcels are sent from gives the receiver\'s region its days', async () => {
  const entries: FaqEntry[] = [
    { id: 'd', question: '几天能收到', answer: '从广州仓发出，默认中通快递：广东省内1-2天，江浙沪2-3天，其他地区3-5天，新疆、西藏5-7天。' },
    { id: 'x', question: '发什么快递', answer: '默认中通。' },
  ];
  const data = {
    orders: [order({ orderId: 'GZ-1', status: 'shipped', receiver: { name: '陈小美', phone: '13857112233', address: '浙江省杭州市西湖区文三路388号' } })],
    logistics: [logistics({ orderId: 'GZ-1', carrier: '中通快递', status: 'in_transit' })],
  };
  const told = textOf(await shopChat2(SHOP, entries, data)('大概啥时候能到啊'));
  assert.match(told, /江浙沪2-3天/);
  assert.doesNotMatch(told, /一般 1-3 天/);
});

// Found from outside (forty-first session, a Guangzhou shop): "袖口开线了 才穿了一次" got the built-in "发错、少发…回复转人工" though the
// shop's quality entry lists "开线了怎么办".
test('a garment coming apart is the shop\'s entry that names it', async () => {
  const entries: FaqEntry[] = [
    { id: 'q', question: '收到衣服有质量问题怎么办', answer: '收到有脱线、破洞、污渍等质量问题，请在签收后48小时内拍照在订单页提交售后。', alternates: ['开线了怎么办', '衣服破了个洞怎么办'] },
    { id: 'r', question: '支持七天无理由退货吗', answer: '支持7天无理由退换。' },
    { id: 's', question: '发什么快递', answer: '中通。' },
  ];
  const data = { orders: [order({ orderId: 'SM-1', status: 'delivered', items: [{ sku: 'K', title: '粗针高领毛衣 米白', quantity: 1, price: '129.00' }] })] };
  assert.match(textOf(await shopChat2(SHOP, entries, data)('还有上周买的米白高领毛衣 袖口开线了 才穿了一次')), /48小时内拍照/);
});

// Found from outside (forty-first session, a Guangzhou shop): "刚看物流写丢失了？？？？我等了10天你告诉我丢了" was offered a person.
test('a parcel the courier reports lost, asked about as lost: an apology and a person at once', async () => {
  const data = { orders: [order({ orderId: 'LO-1', status: 'shipped' })], logistics: [logistics({ orderId: 'LO-1', status: 'exception', events: [{ time: '2024-11-26T10:00:00+08:00', location: '西安', description: '快件异常：包裹破损丢失，已登记理赔' }] })] };
  const r = await conversation(robotWith(data))('刚看物流写丢失了？？？？我等了10天你告诉我丢了');
  assert.equal(r.handover?.reason, 'complaint');
  assert.match(textOf(r), /丢失了[^]*补发或退款/);
  const plain = await conversation(robotWith(data))('我的快递到哪了');
  assert.equal(plain.handover, undefined);
  assert.match(textOf(plain), /物流出现异常/);
});

// Found in review of the forty-first session's readings.
describe('the forty-first session\'s readings, narrowed in review', () => {
  test('大约 and 预约 are no other delivery day; a courier is no installer; a cancel asked how is no "why cancelled"', async () => {
    assert.notEqual((await conversation(robotWith({ orders: [order({ orderId: 'RN-1', status: 'shipped' })], logistics: [logistics({ orderId: 'RN-1', status: 'in_transit' })] }))('大约明天送到吗')).intent, 'change_address');
    const install: FaqEntry[] = [{ id: 'i', question: '送货后多久上门安装？', answer: '送货当天或第二天上门安装。' }, { id: 'x', question: '发什么快递', answer: '京东。' }];
    const shipped = { orders: [order({ orderId: 'RN-2', status: 'shipped' })], logistics: [logistics({ orderId: 'RN-2', status: 'in_transit' })] };
    assert.doesNotMatch(textOf(await shopChat2(SHOP, install, shipped)('快递师傅什么时候来')), /上门安装/);
    for (const text of ['为什么取消要审核', '为啥取消还要收手续费']) assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [order({ orderId: 'RN-3', status: 'paid' })] }))(text)), /取消原因/, text);
    assert.equal(withdrawsHandover('算了 不用人工了 也不咋急'), '也不咋急');
    assert.deepEqual((await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '也不咋急', restOfTakeBack: true })).replies, []);
  });
  test('unopened said is no opened tub; an entry on changing an address before sending is no word on a sent parcel; a refund "still not paid" is the refund', async () => {
    const delivered = { orders: [order({ orderId: 'RN-4', status: 'delivered', items: [{ sku: 'W', title: 'Whey Protein Powder', quantity: 1, price: '39.99' }] })], logistics: [logistics({ orderId: 'RN-4', status: 'delivered', events: [{ time: '2024-11-25T10:00:00+08:00', location: 'x', description: 'delivered' }] })] };
    const tub: FaqEntry[] = [{ id: 'r', question: 'Can I return an item?', answer: 'Unopened items can be returned within 60 days of delivery for a full refund.' }, { id: 'y', question: 'Do you ship to Alaska?', answer: 'Yes.' }];
    assert.match(textOf(await shopChat2(SHOP, tub, delivered)('can i still return the protein powder? i never opened it')), /60-day return window/);
    const before: FaqEntry[] = [{ id: 'a', question: 'How do I change my address?', answer: 'Yes! You can change it yourself on the order page any time before we ship.' }, { id: 'y', question: 'Do you ship to Alaska?', answer: 'Yes.' }];
    const sent = { orders: [order({ orderId: 'RN-5', status: 'shipped' })], logistics: [logistics({ orderId: 'RN-5', status: 'in_transit' })] };
    assert.doesNotMatch(textOf(await shopChat2(SHOP, before, sent)('can I change the address of my order?')), /already shipped\. Yes!/);
    const refund = { orders: [order({ orderId: 'RN-6', status: 'delivered' })], aftersales: [aftersale({ aftersaleId: 'AS-RN', orderId: 'RN-6', status: 'approved' })] };
    assert.equal((await conversation(robotWith(refund))('my refund is still not paid')).intent, 'aftersale_progress');
  });
});

// Found from outside (forty-first session, a London shop): "my travis 1s say delivered on friday but theres nothing here" got the
// built-in advice beside the shop's own entry on exactly this (48 hours, a claim, a reship).
test('delivered and not received: the shop\'s entry on it, found by the robot\'s own question', async () => {
  const entries: FaqEntry[] = [
    { id: 'n', question: "My parcel says delivered but I haven't received it, what should I do?", answer: "Check your safe place and neighbours. If it still hasn't turned up 48 hours after the delivered scan, message us and we'll open a claim." },
    { id: 'k', question: 'Can I pay with Klarna?', answer: 'Yes.' },
    { id: 'h', question: 'What are your hours?', answer: 'Mon-Fri.' },
  ];
  const data = { orders: [order({ orderId: 'DN-1', status: 'delivered' })], logistics: [logistics({ orderId: 'DN-1', status: 'delivered', events: [{ time: '2024-11-25T13:12:00+08:00', location: 'Birmingham', description: 'Delivered: left in safe place (porch)' }] })] };
  const told = textOf(await shopChat2(SHOP, entries, data)('my travis 1s say delivered on friday but theres nothing here. no parcel on the porch nothing. this is not ok'));
  assert.match(told, /48 hours after the delivered scan/);
  assert.doesNotMatch(told, /pickup point or in a parcel locker/);
});

// Found from outside (forty-first session, a London shop): cancelling an unpaid order quoted the shop's "message us… we'll refund
// you in full" and not that an unpaid order closes by itself, with nothing charged.
test('cancelling an unpaid order: when it closes by itself, then the shop\'s way', async () => {
  const entries: FaqEntry[] = [{ id: 'c', question: 'How do I cancel my order?', answer: "Message us with your order number and we'll cancel it." }, { id: 'h', question: 'What are your hours?', answer: 'Mon-Fri.' }];
  const data = { orders: [order({ orderId: 'UC-1', status: 'pending_payment', payBy: '2024-11-28T19:50:00+08:00' })] };
  assert.match(textOf(await shopChat2(SHOP, entries, data)('actually cancel it, found it cheaper elsewhere')), /UC-1 isn't paid yet: left unpaid, it closes by itself after Nov 28, 19:50[^]*Message us/);
});

// Found from outside (forty-first session, a US vitamins shop): "How long will I have to wait for someone?" to a person offered got the
// tracking and the offer again.
test('how long to wait for someone, asked of a person offered, takes the person', async () => {
  const stalled = { orders: [order({ orderId: 'WF-1', status: 'shipped', createdAt: '2024-11-01T10:00:00+08:00' })], logistics: [logistics({ orderId: 'WF-1', status: 'in_transit', events: [{ time: '2024-11-05T10:00:00+08:00', location: 'Seattle, WA', description: 'Departed USPS regional facility' }] })] };
  const say = conversation(robotWith(stalled));
  assert.equal((await say('my order still has not arrived, its been weeks')).state.offeredHuman, true);
  assert.ok((await say('How long will I have to wait for someone?')).handover);
  assert.equal((await conversation(robotWith(stalled))('How long will I have to wait for someone?')).handover, undefined);
});

// Found from outside (forty-second session, a Chengdu tea and snack shop).
describe('the forty-second session\'s buyers, read', () => {
  const { ago, shop } = session27;
  const base = order({ orderId: 'AY-1', status: 'shipped', items: [{ sku: 'H', title: '老成都牛油火锅底料 中辣 500g', quantity: 2, price: '39.90' }], createdAt: ago(48) });
  const box = order({ orderId: 'AY-2', status: 'paid', items: [{ sku: 'T', title: '蒙顶甘露茶叶礼盒 送长辈', quantity: 1, price: '268.00' }], createdAt: ago(3) });
  const keeps: FaqEntry = { id: 'keeps', question: '保质期多久', answer: '牛油火锅底料保质期12个月，清油底料9个月；茶叶保质期18个月。', alternates: ['能放多久', '保质期是好久'] };
  const spice: FaqEntry = { id: 'spice', question: '辣度怎么选', answer: '火锅底料分微辣、中辣、特辣三档：不太吃辣的老人、小孩建议微辣；四川本地口味选中辣。' };
  const address: FaqEntry = { id: 'addr', question: '怎么修改收货地址', answer: '还没发货的订单可以改：在订单里点“修改地址”，或者直接发消息告诉客服新地址。' };
  test('how long goods keep, in Sichuan words or beside the goods, is the shelf-life entry, not the parcel or the entry just answered', async () => {
    const say = shop({ orders: [base] }, [keeps, spice, address]);
    assert.match(textOf(await say('火锅底料能放多久')), /保质期12个月/);
    assert.match(textOf(await say('底料放得到好久 过年还吃得到不')), /保质期12个月/);
    // Among the shop's own 23 entries the shelf-life one is only offered; the spice levels' sentence was said instead.
    const chengdu = (JSON.parse(readFileSync(new URL('./chengdu-shop.json', import.meta.url), 'utf8')) as { entries: FaqEntry[] }).entries;
    const after = shop({ orders: [base] }, chengdu);
    assert.match(textOf(await after('辣度怎么选')), /三档/);
    const r = textOf(await after('那算了 我问下 底料放得到好久 过年还吃得到不'));
    assert.doesNotMatch(r, /三档/);
    assert.match(r, /保质期/);
  });
  test('the address said to be right after all, and "不退了 还是要" after how to cancel, change nothing', async () => {
    const say = shop({ orders: [box] }, [keeps, spice, address]);
    await say('我爸那边小区门牌号写错了 是602不是502 还来得及改不');
    assert.equal(textOf(await say('算了我看了下是对的 没写错 那不改了')), TEXTS.zh.addressKept);
    const keep = shop({ orders: [box] }, [keeps, spice, address]);
    await keep('那个礼盒我不想要了 退了嘛 钱退给我');
    assert.equal(textOf(await keep('算了算了 不退了 还是要')), TEXTS.zh.cancelDeclined);
    // Something else wrong beside it is answered.
    const phone = shop({ orders: [box] }, [keeps, spice, address]);
    await phone('我爸那边小区门牌号写错了 是602不是502 还来得及改不');
    assert.notEqual(textOf(await phone('地址没问题 但是电话写错了')), TEXTS.zh.addressKept);
    // Found in review: a new address, another request, a why, or a refusal at the door is no "nothing changes".
    for (const t of ['没问题 新地址是成都市武侯区xx路12号602', '不用改了 帮我取消订单吧']) {
      const again = shop({ orders: [box] }, [keeps, spice, address]);
      await again('我爸那边小区门牌号写错了 是602不是502 还来得及改不');
      assert.notEqual(textOf(await again(t)), TEXTS.zh.addressKept, t);
    }
    for (const t of ['为什么不退款了', '不退款了吗？那我直接拒收']) {
      const again = shop({ orders: [box] }, [keeps, spice, address]);
      await again('那个礼盒我不想要了 退了嘛 钱退给我');
      assert.notEqual(textOf(await again(t)), TEXTS.zh.cancelDeclined, t);
    }
  });
  // A Singapore shop: asked to say it in other words.
  test('a no to "did you mean" with an order number after it looks the order up', async () => {
    const plug: FaqEntry = { id: 'plug', question: 'What plug do your chargers and gadgets come with?', answer: 'All our chargers come with the 3-pin UK type plug (Type G).', alternates: ['Is it 3 pin plug?', 'Need adaptor or not?', 'Is the plug UK type?', 'Can use in Malaysia?'] };
    const gone = order({ orderId: 'SG-23990', status: 'cancelled', currency: 'SGD', items: [{ sku: 'C', title: 'Xiaomi Smart Camera C300', quantity: 1, price: '59.00' }], createdAt: ago(30) });
    const own = new FaqIndexProvider();
    own.setEntries(SHOP, [plug]);
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [gone] }), faq: own, clock: () => NOW });
    const ask = { shopId: SHOP, userId: 'u-1001', conversationId: 'c-sg' };
    const first = await robot.answer({ ...ask, text: 'hi' });
    // As after "Did you mean "What plug do your chargers and gadgets come with?"".
    const offered = { ...first.state, faqOptions: [plug.question] };
    const r = textOf(await robot.answer({ ...ask, text: 'no lah. the one SG-23990', state: offered }));
    assert.match(r, /SG-23990/);
    assert.doesNotMatch(r, /other words/);
  });
  // A Singapore shop's Kuala Lumpur buyer: her new address was told her shipped order "has already shipped".
  test('"the new order i just paid" while an older order is in focus is the one placed last', async () => {
    const band = order({ orderId: 'SG-23960', status: 'shipped', currency: 'SGD', items: [{ sku: 'P', title: 'UGREEN 20000mAh Power Bank 20W', quantity: 1, price: '49.00' }], createdAt: ago(160) });
    const bandTrack = logistics({ orderId: 'SG-23960', carrier: 'J&T Express', trackingNo: 'JT6300', events: [{ time: ago(20), location: 'Kuala Lumpur', description: 'In transit' }], updatedAt: ago(20) });
    const camera = order({ orderId: 'SG-24008', status: 'paid', currency: 'SGD', items: [{ sku: 'C', title: 'TP-Link Tapo C210 Home Security Camera', quantity: 1, price: '39.00' }], createdAt: ago(2) });
    const say = shop({ orders: [band, camera], logistics: [bandTrack] }, []);
    assert.match(textOf(await say('hi, where is my power bank?')), /SG-23960/);
    const r = textOf(await say('the new order i just paid, can change address to my office?'));
    assert.match(r, /SG-24008/);
    assert.doesNotMatch(r, /SG-23960/);
    // The old one said not to be meant (found in review).
    const again = shop({ orders: [band, camera], logistics: [bandTrack] }, []);
    await again('hi, where is my power bank?');
    assert.match(textOf(await again('the new order i just paid, not the power bank, can change address?')), /SG-24008/);
  });
  // A Singapore shop whose entries are in English: "the shop's return rules were not found".
  test('a return asked for beside the trouble, of a shop whose entries are in the other language: its entry on faulty goods, said as it is', async () => {
    const en: FaqEntry[] = [
      { id: 'ret', question: 'Can I return an item?', answer: 'Unopened items can be returned within 7 days of delivery. Opened items only if faulty.' },
      { id: 'bad', question: 'What if my item arrived damaged or not working?', answer: 'Sorry about that! Please take photos or a video within 48 hours and message us.' },
      { id: 'pay', question: 'What payment methods do you accept?', answer: 'PayNow, GrabPay, Visa and Mastercard.' },
    ];
    const plugOrder = order({ orderId: 'SG-24010', status: 'delivered', currency: 'SGD', items: [{ sku: 'T', title: 'Tapo P110 Smart Plug (2-pack)', quantity: 1, price: '32.90' }], createdAt: ago(100) });
    const r = textOf(await shop({ orders: [plugOrder] }, en)('我想退货 那个插座连不上wifi'));
    assert.doesNotMatch(r, /没有查到/);
    assert.match(r, /英文|Can I return an item|not working/);
  });
  // A Chengdu shop: "not sure, shall I get a person?".
  test('a moment asked to ask someone at home is let be; "我问下" alone, which a question follows, is not', async () => {
    for (const t of ['等哈 我问下我老汉', '我跟老公商量一下', 'hold on, let me ask my husband']) assert.equal((await shop({ orders: [box] }, [])(t)).intent, 'bye', t);
    assert.notEqual((await shop({ orders: [box] }, [])('我问下')).intent, 'bye');
  });
  // A Hangzhou toy shop: both were moved up the queue as complaints.
  test('a complaint feared from the neighbours, and the buyer\'s own tone apologised for, are no complaint', async () => {
    for (const t of ['这个琴音量能调吗 宝宝3岁 太吵了怕邻居投诉', '钱到了 刚才态度不好 不好意思哈']) {
      const r = await shop({ orders: [box] }, [keeps, spice, address])(t);
      assert.notEqual(r.intent, 'complaint', t);
      assert.notEqual(r.handover?.reason, 'complaint', t);
    }
    assert.equal((await shop({ orders: [box] }, [])('你们客服态度不好 我要投诉')).intent, 'complaint');
    assert.equal((await shop({ orders: [box] }, [])('琴太吵了 害我被邻居投诉了 我要投诉你们')).intent, 'complaint');
  });
});

describe('the forty-fourth session\'s buyers, read', () => {
  const { ago, shop } = session27;
  const base = order({ orderId: 'CD-1', status: 'shipped', items: [{ sku: 'H', title: '牛油火锅底料 中辣 500g', quantity: 3, price: '38.00' }], createdAt: ago(90) });
  const meat = order({ orderId: 'CD-2', status: 'paid', items: [{ sku: 'R', title: '四川烟熏腊肉 五花 1斤装', quantity: 1, price: '89.80' }, { sku: 'S', title: '麻辣香肠 500g', quantity: 1, price: '89.80' }], createdAt: ago(10) });
  const cancel: FaqEntry = { id: 'cancel', question: '怎么取消订单', answer: '未发货的订单在订单页点“取消订单”，款项原路退回；已经发货的请拒收，或收到后未拆封申请退货。' };
  // A Chengdu shop: "…剩下两包能退不" of the hotpot base was told how to cancel the two-item order of cured meat.
  test('what is left or opened of the goods is no count of an order\'s items', async () => {
    for (const t of ['火锅底料剩下两包能退不', '我上个月买的特辣的火锅底料拆了一包 太辣了吃不下来 剩下两包能退不']) {
      const r = textOf(await shop({ orders: [base, meat] }, [cancel])(t));
      assert.doesNotMatch(r, /CD-2/, t);
      assert.match(r, /CD-1/, t);
    }
  });
  // Three shops: "不好意思发错了😂" was told how to report goods sent wrong; "sorry wrong chat" handed over.
  test('a message of the buyer\'s own sent by mistake asks nothing; the shop\'s goods sent wrong are still the goods\' trouble', async () => {
    for (const t of ['不好意思，刚才那条是发给同事的，发错了', '不好意思发错了😂', '发错人了', 'sorry wrong chat 😅', 'oops sent to the wrong person', '抱歉傳錯了 那是要給我朋友的']) {
      const r = await shop({ orders: [base] }, [cancel])(t);
      assert.equal(r.handover, undefined, t);
      assert.ok(r.replies.every((x) => !/发错、少发|wrong, missing/.test(x.text)), t);
      assert.ok([TEXTS.zh.humanDeclined, toTraditional(TEXTS.zh.humanDeclined), TEXTS.en.humanDeclined].includes(r.replies[0]?.text ?? ''), t);
    }
    for (const t of ['你们发错了 我买的中辣发成微辣了', '不好意思 你们发错货了', 'sorry you sent the wrong size', 'the parcel was sent to the wrong person']) {
      assert.notEqual(textOf(await shop({ orders: [base] }, [cancel])(t)), TEXTS.zh.humanDeclined, t);
    }
  });
  // A Singapore shop: "not sure, shall I get a person?".
  test('"ytd" is yesterday, and "when u all send out" asks when it ships', () => {
    const u = createNlu().understand('nvm i wait first. the charger i ordered ytd night when u all send out?');
    assert.equal(u.intent, 'delivery_estimate');
    assert.ok(u.entities.some((e) => e.type === 'date'));
  });
  // A Toronto, a Singapore and a Taipei shop: "Order TF-2026 has no return or refund request", "I can't find an order numbered 99001".
  test('an order id of any shape, or a whole group of its digits, names the buyer\'s own order', async () => {
    const slash = order({ orderId: 'TF-2026/11-000123-A', status: 'delivered', currency: 'CAD', items: [{ sku: 'B', title: 'Walnut Bookshelf', quantity: 1, price: '499.00' }], createdAt: ago(400) });
    const other = order({ orderId: 'TF-2026/11-000188-B', status: 'shipped', currency: 'CAD', items: [{ sku: 'M', title: 'Queen Mattress', quantity: 1, price: '899.00' }], createdAt: ago(100) });
    const refund = aftersale({ aftersaleId: 'AS-5488', orderId: slash.orderId, userId: slash.userId, status: 'approved', amount: '250.00', updatedAt: ago(300) });
    const r = textOf(await shop({ orders: [slash, other], aftersales: [refund] }, [])('My refund of $250 for the price drop on order TF-2026/11-000123-A was approved and I still havent seen it'));
    assert.match(r, /TF-2026\/11-000123-A/);
    assert.doesNotMatch(r, /no return or refund request/);
    const sg = order({ orderId: 'ORD#SG/2026/11/99001-A', status: 'completed', currency: 'SGD', items: [{ sku: 'C', title: '3-in-1 Braided Cable 2m', quantity: 1, price: '18.40' }], createdAt: ago(500) });
    const sg2 = order({ orderId: 'ORD#SG/2026/11/99817-B', status: 'paid', currency: 'SGD', items: [{ sku: 'P', title: '20000mAh Power Bank', quantity: 1, price: '59.00' }], createdAt: ago(10) });
    assert.match(textOf(await shop({ orders: [sg, sg2] }, [])('where is order 99001')), /99001-A/);
    const tw = order({ orderId: 'TPE-BEAUTY-20261201-000987654321-SPLIT-A', status: 'delivered', currency: 'TWD', items: [{ sku: 'S', title: '資生堂 安耐曬 60ml', quantity: 1, price: '690' }], createdAt: ago(100) });
    const tw2 = order({ orderId: 'TPE-BEAUTY-20261201-000987654322-SPLIT-B', status: 'paid', currency: 'TWD', items: [{ sku: 'L', title: '唇膏', quantity: 1, price: '720' }], createdAt: ago(100) });
    assert.match(textOf(await shop({ orders: [tw, tw2] }, [])('000987654321那筆到哪了')), /000987654321-SPLIT-A/);
    // A parcel's tracking number stays the parcel's, though another order's id holds the same digits (found in the read-through).
    const byParcel = order({ orderId: 'SO-1', status: 'shipped', items: [{ sku: 'P', title: 'Power bank', quantity: 1, price: '59.00' }], createdAt: ago(50) });
    const lookalike = order({ orderId: 'ORD-773012345678-A', status: 'paid', items: [{ sku: 'C', title: 'Cable', quantity: 1, price: '9.00' }], createdAt: ago(20) });
    const parcel = logistics({ orderId: 'SO-1', trackingNo: '773012345678' });
    const tracked = textOf(await shop({ orders: [byParcel, lookalike], logistics: [parcel] }, [])('where is 773012345678'));
    assert.match(tracked, /SO-1/);
    assert.doesNotMatch(tracked, /ORD-773012345678-A/);
  });
  // A Taipei shop: "孕婦可以擦A醇嗎" (擦, Taiwan's word for putting it on) was offered the sensitive-skin entry.
  test('whether someone pregnant may put it on, in Taiwan\'s word too, is a doctor\'s or a pharmacist\'s question', async () => {
    const skin: FaqEntry = { id: 'skin', question: '敏感肌可以用嗎？', answer: '敏感肌建議先在耳後試擦，觀察 24 小時沒有泛紅再上臉。' };
    const r = await shop({ orders: [] }, [skin])('孕婦可以擦A醇嗎 我懷孕四個月');
    assert.match(textOf(r), /醫生或藥師|医生或药师/);
    assert.ok(r.handover);
  });
  // A Toronto shop: a made-to-order sofa beside cushions in stock was "26 days, later than usual" at three weeks of six to eight.
  test('one piece made to order holds the order, and its title\'s weeks are its time', async () => {
    const sofa = order({ orderId: 'TF-100180', status: 'paid', currency: 'CAD', items: [{ sku: 'S', title: 'Made to order Velvet Sofa - Emerald (6-8 weeks)', quantity: 1, price: '1899.00' }, { sku: 'C', title: 'Velvet Cushion Set', quantity: 1, price: '59.00' }], createdAt: ago(26 * 24), updatedAt: ago(26 * 24) });
    const r = textOf(await shop({ orders: [sofa] }, [])('when will the sofa ship'));
    assert.doesNotMatch(r, /later than usual|slower than usual|比平常慢/);
    assert.match(r, /made to order/i);
    assert.match(r, /by [A-Z][a-z]{2} \d{1,2}/);
  });
  // A Chengdu shop: a request under review for 52 hours against the shop's "24小时内审核" was told the 24 hours, nothing of being late.
  test('a review the shop promises in hours is late past them', async () => {
    const sausage = order({ orderId: 'CD-3', status: 'delivered', items: [{ sku: 'S', title: '甜味香肠 500g', quantity: 1, price: '79.80' }], createdAt: ago(300) });
    const review: FaqEntry = { id: 'rv', question: '售后申请多久审核', answer: '售后申请我们在24小时内审核，周末也审核。' };
    const late = aftersale({ aftersaleId: 'RF-1', orderId: 'CD-3', type: 'refund', status: 'requested', amount: '79.80', updatedAt: ago(52) });
    assert.match(textOf(await shop({ orders: [sausage], aftersales: [late] }, [review])('申请退款两天了没人管 你们到底有没有人在')), /比平常慢了/);
    const fresh = aftersale({ aftersaleId: 'RF-2', orderId: 'CD-3', type: 'refund', status: 'requested', amount: '79.80', updatedAt: ago(20) });
    assert.doesNotMatch(textOf(await shop({ orders: [sausage], aftersales: [fresh] }, [review])('退款进度')), /比平常慢了/);
  });
  // A Taipei shop: built-in texts said 「我的快遞到哪了」, 智能櫃, 轉賬, as the mainland does.
  test('a shop in Taiwan\'s zone is answered in Taiwan\'s words: 包裹, 取貨櫃, 轉帳', async () => {
    const faq = new FaqIndexProvider();
    faq.setEntries('shop_tw', [{ id: 'pay', question: '有哪些付款方式？', answer: '信用卡、ATM 轉帳。' }], 1, { timeZone: 'Asia/Taipei' });
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq, clock: () => NOW }), 'tw', 'shop_tw');
    const r = textOf(await say('欸欸欸 那個那個 嗯嗯'));
    assert.match(r, /我的包裹到哪了/);
    assert.doesNotMatch(r, /快遞到哪/);
    assert.equal(toTaiwanese('在智能櫃（如豐巢）取件，不要轉賬'), '在取貨櫃取件，不要轉帳');
  });
  // A Toronto shop: "ugh. yes please" to "Shall I get a human agent to chase it?" was asked "Do you want to cancel an order?".
  test('a sigh before a yes is still the yes', () => {
    for (const [t, yn] of [['ugh. yes please', 'yes'], ['fine. no', 'no']] as const) assert.equal(createNlu().understand(t).yesNo, yn, t);
    assert.equal(createNlu().understand('ugh').yesNo, undefined);
  });
  // A Toronto shop: left in the queue, "your message is saved".
  test('"forget the agent" takes the hand-over back, at the end of a message too', () => {
    assert.notEqual(withdrawsHandover('actually nvm about cancelling, ill keep the chair. forget the agent'), undefined);
    assert.equal(withdrawsHandover('where is my parcel, no need for an agent'), 'where is my parcel,');
    assert.equal(withdrawsHandover('forget the agent, i want a manager'), undefined);
  });
  // A Singapore and a Chengdu shop: greeted back, and offered "有春节礼盒吗".
  test('a payment said done after a hello, or beside the goods\' name, is told the order\'s state', async () => {
    const box = order({ orderId: 'CD-5', status: 'pending_payment', items: [{ sku: 'G', title: '春节年货礼盒 288型', quantity: 1, price: '288.00' }], createdAt: ago(2) });
    const gift: FaqEntry = { id: 'gift', question: '有春节礼盒吗', answer: '有，188 和 288 两种，1月15日前下单年前送到。' };
    for (const t of ['hello girl, just now i paid already', '礼盒付好了']) {
      const r = await shop({ orders: [box] }, [gift])(t);
      assert.equal(r.intent, 'order_status', t);
      assert.match(textOf(r), /CD-5/, t);
    }
  });
  // A Chengdu shop: "not understood".
  test('food said to be unsafe, with "负得起责不", is a complaint', () => {
    assert.equal(createNlu().understand('你们香肠是不是拿病猪肉做的哦 才买一个礼拜就胀袋 吃出问题你们负得起责不').intent, 'complaint');
    assert.notEqual(createNlu().understand('吃了会不会吃出问题').intent, 'complaint');
  });
  // A Taipei shop: "😂😂" after a miss handed the buyer over; "哈哈哈哈 好喔" was not understood.
  test('laughter alone, or with an ok, asks nothing and is no miss', async () => {
    for (const t of ['😂😂', '哈哈哈哈 好喔', 'lol', 'hahaha']) {
      const say = shop({ orders: [base] }, [cancel]);
      await say('嗯嗯那个那个');
      const r = await say(t);
      assert.equal(r.handover, undefined, t);
      assert.ok([TEXTS.zh.humanDeclined, toTraditional(TEXTS.zh.humanDeclined), TEXTS.en.humanDeclined].includes(textOf(r)), t);
    }
    assert.equal((await shop({ orders: [base] }, [cancel])('哈哈哈 火锅底料到哪了')).intent, 'track_parcel');
  });
  // A Taipei shop: "照片要傳到哪裡" was given a list of orders to track.
  test('where to send photos, asked in Chinese, goes to a person as in English', async () => {
    for (const t of ['照片要傳到哪裡', '我不是要查物流 我是要傳破損的照片給你們']) assert.equal((await shop({ orders: [base, meat] }, [cancel])(t)).intent, 'human', t);
  });
  // A Taipei shop: "sorry i cant read chinese, what does that say??" after the shop's Chinese entry: "didn't quite get that".
  test('a buyer who cannot read the shop\'s language is offered a person to explain; a yes gets one', async () => {
    const say = shop({ orders: [base] }, [cancel]);
    const r = await say('sorry i cant read chinese, what does that say??');
    assert.equal(textOf(r), TEXTS.en.cannotRead);
    assert.equal((await say('yes')).intent, 'human');
    assert.match(textOf(await shop({ orders: [base] }, [cancel])('能说中文吗')), /中文为您服务/);
  });
  // A Taipei shop: an approved exchange was told to post the item back, where the shop sends T-Cat to collect it.
  test('a return way of "到府收件" is the shop\'s, said in its language rather than the built-in "ship it to the address"', async () => {
    const way: FaqEntry = { id: 'way', question: '退貨要怎麼寄回？', answer: '退貨申請通過後，我們會安排黑貓到府收件（運費由我們負擔），收件人員會在 1-2 個工作日內和您聯繫。' };
    const found = order({ orderId: 'TB-30', status: 'delivered', currency: 'TWD', items: [{ sku: 'F', title: 'Foundation 220', quantity: 1, price: '1200' }], createdAt: ago(300) });
    const ex = aftersale({ aftersaleId: 'EX-1', orderId: 'TB-30', userId: found.userId, type: 'exchange', status: 'approved', updatedAt: ago(100) });
    const r = textOf(await shop({ orders: [found], aftersales: [ex] }, [way])('the foundation exchange was approved last week. do i send it back myself?'));
    assert.match(r, /到府收件/);
    assert.doesNotMatch(r, /address on the after-sales page/);
  });
  // Found in review.
  test('a correction, a request after the mistake, or laughter with a yes to a question of ours are not let be', async () => {
    for (const t of ['不好意思 下单的时候收件人名字打错了', '抱歉 手机号打错了 应该是13812345678', '刚才客服说发错了 让我寄回来 寄到哪里', '抱歉 刚刚那条打错了 我要退款', '上一条发错了 我要的是黑色的M码', 'sorry wrong chat, where is my refund']) {
      const r = await shop({ orders: [base] }, [cancel])(t);
      assert.ok(![TEXTS.zh.humanDeclined, TEXTS.en.humanDeclined].includes(textOf(r)), t);
    }
    const fresh = order({ orderId: 'CD-9', status: 'paid', items: [{ sku: 'R', title: '四川烟熏腊肉 五花 1斤装', quantity: 1, price: '89.80' }], createdAt: ago(10) });
    const keeps: FaqEntry = { id: 'keeps', question: '礼盒怎么包装', answer: '礼盒用牛皮纸盒包装。' };
    for (const t of ['好哈', '哈哈哈哈 好喔', 'yes haha']) {
      const say = shop({ orders: [fresh] }, [keeps]);
      await say('腊肉是今年新熏的不 保质期好久哦 我怕放不到过年');
      assert.equal((await say(t)).intent, 'human', t);
    }
  });
  test('"when … send out my refund" is the refund; "我负得起责" is no complaint; the goods\' own wording is no language asked; "don\'t forget the agent" keeps the person', async () => {
    assert.notEqual(createNlu().understand('when will u send out my refund').intent, 'delivery_estimate');
    for (const t of ['放门口就行 丢了我负得起责', '我负得起责 我自己签收']) assert.notEqual(createNlu().understand(t).intent, 'complaint', t);
    for (const t of ['刻字可以写中文吗', '说明书全是英文 我看不懂英文 有中文说明书吗', "the label is all in chinese, i can't read chinese. what are the ingredients"]) assert.notEqual(textOf(await shop({ orders: [base] }, [cancel])(t)), TEXTS.zh.cannotRead, t);
    for (const t of ['pls dont forget the agent', "don't forget the agent", 'never forget the agent']) assert.equal(withdrawsHandover(t), undefined, t);
  });
  test('周年 and 周岁 in a title are no weeks; a title\'s time in a clause of its own is still read', async () => {
    for (const title of ['【定制】结婚10周年纪念相册 刻字', '【定制】儿童名字书包 适合3周岁以上']) {
      const o = order({ orderId: 'MT-1', status: 'paid', items: [{ sku: 'A', title, quantity: 1, price: '99' }], createdAt: ago(72), updatedAt: ago(72) });
      assert.doesNotMatch(textOf(await shop({ orders: [o] }, [])('什么时候发货')), /预计/, title);
    }
    const oak = order({ orderId: 'MT-2', status: 'paid', items: [{ sku: 'O', title: 'Made to order oak table, 1 year warranty (ships in 4-6 weeks)', quantity: 1, price: '999' }], createdAt: ago(72), updatedAt: ago(72) });
    assert.match(textOf(await shop({ orders: [oak] }, [])('when will it ship')), /ship by [A-Z][a-z]{2} \d{1,2}/);
  });
  test('a review promised in hours is read from its own clause, and late by whole days', async () => {
    const sausage = order({ orderId: 'CD-3', status: 'delivered', items: [{ sku: 'S', title: '甜味香肠 500g', quantity: 1, price: '79.80' }], createdAt: ago(300) });
    const late = (entry: string, hours: number) => shop({ orders: [sausage], aftersales: [aftersale({ aftersaleId: 'RF-9', orderId: 'CD-3', type: 'refund', status: 'requested', updatedAt: ago(hours) })] }, [{ id: 'rv', question: '售后申请多久审核', answer: entry }])('退款进度');
    assert.doesNotMatch(textOf(await late('客服在线时间内2小时内回复，售后申请24小时内审核。', 6)), /比平常慢了/);
    assert.match(textOf(await late('提交申请后请在48小时内寄回，我们收到后24小时内审核。', 30)), /比平常慢了/);
  });
  test('"can ask ur staff?" asks for a person', () => {
    for (const t of ['none. can ask ur staff?', 'can ask ur staff?']) assert.equal(createNlu().understand(t).intent, 'human', t);
  });
});

describe('the forty-fifth session\'s buyers, read', () => {
  const { ago, shop } = session27;
  const gear = order({ orderId: 'OB-1', status: 'paid', currency: 'AUD', items: [{ sku: 'S', title: 'Mummy Sleeping Bag -5C', quantity: 1, price: '129.00' }], createdAt: ago(10) });
  const english: FaqEntry[] = [
    { id: 'lockers', question: 'Do you deliver to PO boxes and parcel lockers?', answer: 'PO boxes and parcel lockers are fine for normal gear, but not for gas canisters.' },
    { id: 'returns', question: 'How do I send my return back?', answer: 'Start the return in My Account, then post it to our Scoresby warehouse.' },
    { id: 'hours', question: 'When are you open?', answer: 'Our team is online 9am-5pm Melbourne time, Monday to Friday.' },
  ];
  // An Australian and a UK shop, every entry English: "english please" beside other words was told "some of the shop's answers are
  // written in Chinese only, and I can't translate them".
  test('a language asked beside other words is switched to, and what else is asked is answered in it', async () => {
    for (const t of ['sorry can u reply in english, my friend wants to read', 'eh?? english please 😂 i was just rating kirsty']) {
      const say = shop({ orders: [gear] }, english);
      await say('退货的话怎么寄回去');
      const r = await say(t);
      assert.equal(textOf(r), TEXTS.en.langSwitched, t);
      assert.equal(r.state.langAsked, 'en', t);
    }
    const say = shop({ orders: [gear] }, english);
    await say('退货的话怎么寄回去');
    const r = await say('ok in english pls. do you deliver to parcel lockers?');
    assert.equal(r.lang, 'en');
    assert.match(textOf(r), /parcel lockers are fine/);
    assert.equal((await say('那周末呢')).lang, 'en', 'kept for the next message');
    // Not being able to read the shop's language is still the offer of a person; the goods' own wording is no request.
    assert.equal(textOf(await shop({ orders: [gear] }, english)('sorry i cant read chinese, what does that say??')), TEXTS.en.cannotRead);
    assert.notEqual(textOf(await shop({ orders: [gear] }, english)('can you write the card in english please')), TEXTS.en.langSwitched);
  });
  // A Guangzhou shop: "sorry i cant read chinese well. is the ZIWI refund done?" was offered a person to translate.
  test('not reading the shop\'s language beside a question of the buyer\'s own data answers it in the buyer\'s', async () => {
    const cans = order({ orderId: 'ZW-1', status: 'completed', items: [{ sku: 'Z', title: 'ZIWI 罐头 2盒', quantity: 1, price: '196.00' }], createdAt: ago(300) });
    const refund = aftersale({ aftersaleId: 'ZR', orderId: 'ZW-1', userId: cans.userId, status: 'approved', amount: '196.00', updatedAt: ago(5) });
    const chinese: FaqEntry[] = [{ id: 'a', question: '发什么快递', answer: '默认中通。' }, { id: 'b', question: '包邮吗', answer: '满99包邮。' }, { id: 'c', question: '几点发货', answer: '16点前付款当天发。' }];
    const r = await shop({ orders: [cans], aftersales: [refund] }, chinese)('sorry i cant read chinese well. is the ZIWI refund done? when will money come back');
    assert.equal(r.lang, 'en');
    assert.match(textOf(r), /refund request \(order ZW-1\) is approved/);
    assert.equal(r.state.langAsked, 'en');
  });
  // A UK shop: a buyer's "4 x" (a rating with a kiss) opened a conversation answered in Chinese.
  test('a first message whose language the NLU cannot tell is answered in the language of the shop\'s FAQ', async () => {
    for (const t of ['4 x', 'ok']) assert.equal((await shop({ orders: [gear] }, english)(t)).lang, 'en', t);
    const chinese: FaqEntry[] = [{ id: 'a', question: '发什么快递', answer: '默认中通。' }, { id: 'b', question: '包邮吗', answer: '满99包邮。' }, { id: 'c', question: '几点发货', answer: '16点前付款当天发。' }];
    assert.equal((await shop({ orders: [gear] }, chinese)('ok')).lang, 'zh');
  });
});

describe('the forty-fifth session\'s take-backs', () => {
  // A Hangzhou and an Australian shop: the refund and the address asked with the take-back were lost, and the place in the queue.
  test('what only a person does, asked with the take-back, keeps the place; a dash after "never mind the agent" and a Cantonese sorry take it back', () => {
    for (const t of ['算啦 我唔要啦 你哋直接退钱俾我', 'never mind, ill ring startrack meself. can you change the address on the solar blanket order to my mates place in derby tho? 14 Loch St Derby WA 6728', 'forget it, just refund me']) {
      assert.equal(withdrawsHandover(t), undefined, t);
    }
    assert.equal(withdrawsHandover('never mind the agent - was the gift box delivered now?'), 'was the gift box delivered now?');
    assert.equal(withdrawsHandover('啊唔好意思 唔使喇 我睇吓说明书先'), '');
    assert.equal(withdrawsHandover('我看了说明书还是不会用'), undefined);
    for (const [t, rest] of [['算了 不用人工了 帮我查下快递', '帮我查下快递'], ['算了 我自己申请退款', '我自己申请退款'], ['never mind, where is my parcel', 'where is my parcel']]) assert.equal(withdrawsHandover(t!), rest, t);
  });
});

describe('the forty-fifth session\'s orders and refunds', () => {
  const { ago, shop } = session27;
  const refundTime: FaqEntry = { id: 'refund', question: 'How long does a refund take?', answer: 'Once your return reaches our warehouse we refund you within 3 working days. Your bank can then take up to 5 working days to show it.' };
  const pram = order({ orderId: 'NB-1', status: 'completed', currency: 'GBP', items: [{ sku: 'P', title: 'Joie Pram', quantity: 1, price: '649.00' }], createdAt: ago(600) });
  // A UK and an Australian shop: refunds paid 7 working days before, against "up to 5 working days", read as on time.
  test('a refund paid longer ago than the shop\'s own time for it to show is called late, with a person offered', async () => {
    const old = aftersale({ aftersaleId: 'R1', orderId: 'NB-1', userId: pram.userId, type: 'return', status: 'refunded', amount: '649.00', updatedAt: ago(24 * 11) });
    const r = textOf(await shop({ orders: [pram], aftersales: [old] }, [refundTime])('u said refunded but the money is NOT in my account'));
    assert.match(r, /refunded 11 days ago, longer than the shop's own time/);
    const fresh = aftersale({ aftersaleId: 'R2', orderId: 'NB-1', userId: pram.userId, type: 'return', status: 'refunded', amount: '649.00', updatedAt: ago(24 * 2) });
    assert.doesNotMatch(textOf(await shop({ orders: [pram], aftersales: [fresh] }, [refundTime])('u said refunded but the money is NOT in my account')), /longer than/);
  });
  // A UK shop: a new address typed for a sent parcel was offered a person to ask Royal Mail to redirect it, against the shop's entry.
  test('a new address typed for a sent parcel gets the shop\'s own word on sent parcels', async () => {
    const sent = order({ orderId: 'NB-2', status: 'shipped', currency: 'GBP', items: [{ sku: 'B', title: 'Bottle Set', quantity: 1, price: '24.00' }], createdAt: ago(40) });
    const track = logistics({ orderId: 'NB-2', carrier: 'Royal Mail Tracked 48', trackingNo: 'QJ1GB', updatedAt: ago(20) });
    const address: FaqEntry = { id: 'addr', question: 'How do I change my shipping address?', answer: 'Before dispatch, message us and we will change it. After dispatch we cannot change it, but you can ask Royal Mail to redeliver to a local Post Office.' };
    const r = textOf(await shop({ orders: [sent], logistics: [track] }, [address])('ive moved, can u change it to 9 Elm Rd E17?'));
    assert.match(r, /After dispatch we cannot change it/);
    assert.doesNotMatch(r, /can ask Royal Mail Tracked 48/);
  });
  // A UK shop: "morning, pram being delivered today? what time roughly…" was offered the delivery-time entries.
  test('a message only offered the shop\'s questions is answered by its first question when that is the buyer\'s own order', async () => {
    const pram = order({ orderId: 'NB-7', status: 'shipped', currency: 'GBP', items: [{ sku: 'P', title: 'iCandy Peach 7 Pushchair', quantity: 1, price: '999.00' }], createdAt: ago(50) });
    const track = logistics({ orderId: 'NB-7', carrier: 'DPD', trackingNo: 'DPD1', status: 'out_for_delivery', events: [{ time: ago(1), location: 'Manchester', description: 'Out for delivery, expected between 10:14 and 11:14' }], updatedAt: ago(1) });
    const entries: FaqEntry[] = [
      { id: 'time', question: 'How long does delivery take?', answer: 'DPD next working day.' },
      { id: 'date', question: 'Can I change the delivery date?', answer: 'Use the DPD app.' },
      { id: 'hours', question: 'When are you open?', answer: '9-5.' },
    ];
    const r = textOf(await shop({ orders: [pram], logistics: [track] }, entries)('morning, pram being delivered today? what time roughly, got to do nursery drop off at 9'));
    assert.match(r, /NB-7/);
    assert.doesNotMatch(r, /Which of these did you mean/);
  });
  // A Guangzhou shop: "预计12月5日前发出" on Dec 7, beside "later than usual".
  test('a promised dispatch day already past is said as passed', async () => {
    const late = order({ orderId: 'PG-1', status: 'paid', items: [{ sku: 'C', title: '爱肯拿 猫粮 1.8kg', quantity: 1, price: '198.00' }], createdAt: ago(80), updatedAt: ago(80), shipBy: ago(48) });
    assert.match(textOf(await shop({ orders: [late] }, [])('猫粮发了没')), /原定.+前发出，已经过了这个时间还没发出/);
    const soon = order({ orderId: 'PG-2', status: 'paid', items: [{ sku: 'C', title: '爱肯拿 猫粮 1.8kg', quantity: 1, price: '198.00' }], createdAt: ago(10), updatedAt: ago(10), shipBy: ago(-48) });
    const r = textOf(await shop({ orders: [soon] }, [])('猫粮发了没'));
    assert.match(r, /这一单预计.+前发出/);
    assert.doesNotMatch(r, /已经过了/);
  });
});

describe('the forty-fifth session\'s words', () => {
  const { ago, shop } = session27;
  const uk: FaqEntry[] = [
    { id: 'uk', question: 'Do you deliver outside the UK?', answer: 'We deliver to all UK addresses, including Northern Ireland, the Channel Islands and the Isle of Man. We do not deliver outside the UK.', alternates: ['do you ship to ireland', 'can you send to france', 'do you ship internationally'] },
    { id: 'pay', question: 'Do you take Afterpay?', answer: 'Yes, we take Afterpay and Zip.', alternates: ['can i pay with afterpay', 'do you have zip pay', 'can i pay in 4'] },
    { id: 'time', question: 'How long does delivery take?', answer: 'Tasmania 4-8 business days.', alternates: ['how long will it take to get to me', 'how long to get to tassie', 'delivery time to darwin'] },
    { id: 'gas', question: 'Can you post gas canisters and fuel?', answer: 'Yes, by road within Australia only.', alternates: ['can you send butane canisters to tassie', 'do you ship gas bottles'] },
    { id: 'codes', question: 'Do you have any discount codes or sales?', answer: 'We run sales at Black Friday.' },
  ];
  test('Jersey is a Channel Island; a jersey for sale is not', async () => {
    // Answered or offered, by the shop's FAQ (with a UK shop's 23 entries it is answered): it was "didn't quite get that".
    assert.match(textOf(await shop({}, uk)('do u deliver to jersey?')), /Channel Islands|Do you deliver outside the UK/);
    assert.doesNotMatch(textOf(await shop({}, uk)('do you sell a jersey for babies')), /Channel Islands/);
  });
  test('"all of em" and "ffs 1" pick from the questions offered', async () => {
    const ask = 'hey do u ship to tassie, how much would it be and can i use afterpay? want to send my daughter a tent for xmas';
    const first = shop({}, uk);
    const offered = await first(ask);
    assert.ok((offered.state.faqOptions?.length ?? 0) > 1, textOf(offered));
    const all = textOf(await first('all of em'));
    for (const q of offered.state.faqOptions!) assert.ok(all.includes(q), q);
    const second = shop({}, uk);
    await second(ask);
    assert.ok(textOf(await second('ffs 1')).includes(uk.find((e) => e.question === offered.state.faqOptions![0])!.answer));
  });
  test('an order told what to do while queued is the buyer\'s own: it waits for the person', async () => {
    const fridge = order({ orderId: 'OB-9', status: 'pending_payment', currency: 'AUD', items: [{ sku: 'F', title: 'Dual Zone Fridge', quantity: 1, price: '899.00' }], createdAt: ago(5) });
    const robot = createRobot({ dataSource: fakeDataSource({ orders: [fridge] }), faq: (() => { const f = new FaqIndexProvider(); f.setEntries(SHOP, uk); return f; })(), clock: () => NOW });
    const r = await robot.answer({ shopId: SHOP, userId: fridge.userId, conversationId: 'c-q', text: "actually cancel the fridge order, found one cheaper at a mate's shop", faqOnly: true });
    assert.equal(r.fromFaq, undefined);
  });
});

describe('the forty-fifth session\'s questions in one message', () => {
  test('", do you …" starts a second question; ", do I …" goes on about the first', async () => {
    const { twoQuestions } = await import('../../src/robot/robot.ts');
    const nlu = createNlu();
    const intentOf = (t: string) => nlu.understand(t).intent;
    assert.deepEqual(twoQuestions('where is my parcel, do you do gift wrap', intentOf), ['where is my parcel', 'do you do gift wrap']);
    assert.equal(twoQuestions("what's the deal with returns, do I pay shipping", intentOf), undefined);
  });
});

describe('the forty-fifth session\'s readings, narrowed in review', () => {
  const { ago, shop } = session27;
  test('a take-back that says the job is done is a take-back', () => {
    for (const t of ['算了 不用了 你们已经退款给我了', '算了 不用人工了 你们退款到账了', '算了 不用了 你们换成顺丰了是吧 那没事了']) assert.notEqual(withdrawsHandover(t), undefined, t);
    assert.equal(withdrawsHandover('算啦 我唔要啦 你哋直接退钱俾我'), undefined);
  });
  test('a language named of the goods, denied or a fruit is no request; what it says asked is still the offer of a person', async () => {
    const english: FaqEntry[] = [{ id: 'a', question: 'How long does delivery take?', answer: '2-5 days.' }, { id: 'b', question: 'Do you ship to NZ?', answer: 'No.' }, { id: 'c', question: 'Can I return it?', answer: 'Yes, 30 days.' }];
    for (const t of ['我不会说中文 can u help', 'can i get 2kg of mandarin please', '这个点读笔能说中文吗', 'does the talking doll speak in mandarin?']) {
      const r = await shop({}, english)(t);
      assert.notEqual(textOf(r), TEXTS.zh.langSwitched, t);
      assert.equal(r.state.langAsked, undefined, t);
    }
    for (const t of ['sorry i cant read chinese, what did u say?', 'sorry i cant read chinese, what is this?', 'in english pls, i dont understand']) assert.equal(textOf(await shop({}, english)(t)), TEXTS.en.cannotRead, t);
    for (const [t, lang] of [['嗯', 'zh'], ['hi', 'en'], ['ty', 'en']] as const) assert.equal((await shop({}, english)(t)).lang, lang, t);
  });
  test('a passed shipBy of an unpaid order, or on its own day, is not said as passed', async () => {
    const unpaid = order({ orderId: 'PG-3', status: 'pending_payment', items: [{ sku: 'C', title: '猫粮 1.8kg', quantity: 1, price: '198.00' }], createdAt: ago(80), updatedAt: ago(80), shipBy: ago(48) });
    // Neither passed nor promised (found in the second review: "预计11月25日前发出" on Nov 27).
    assert.doesNotMatch(textOf(await shop({ orders: [unpaid] }, [])('猫粮什么时候发')), /已经过了这个时间|预计.{0,8}前发出/);
    assert.doesNotMatch(textOf(await shop({ orders: [unpaid] }, [])('when will the cat food ship')), /due to be sent out by/);
    const today = order({ orderId: 'PG-4', status: 'paid', items: [{ sku: 'C', title: '猫粮 1.8kg', quantity: 1, price: '198.00' }], createdAt: ago(30), updatedAt: ago(30), shipBy: ago(0.5) });
    assert.doesNotMatch(textOf(await shop({ orders: [today] }, [])('猫粮什么时候发')), /已经过了这个时间/);
  });
  test('a refund paid is late by the time for the money to show, not the time to process it', async () => {
    const pram = order({ orderId: 'NB-5', status: 'completed', currency: 'GBP', items: [{ sku: 'P', title: 'Pram', quantity: 1, price: '649.00' }], createdAt: ago(600) });
    const paid = aftersale({ aftersaleId: 'R5', orderId: 'NB-5', userId: pram.userId, type: 'return', status: 'refunded', amount: '649.00', updatedAt: ago(24 * 6) });
    const processingOnly: FaqEntry = { id: 'r', question: 'How long does a refund take?', answer: 'We process refunds within 2 working days of receiving your return.' };
    assert.doesNotMatch(textOf(await shop({ orders: [pram], aftersales: [paid] }, [processingOnly])('where is my refund, not in my account')), /longer than/);
    const both: FaqEntry = { id: 'r', question: 'How long does a refund take?', answer: 'Refunds are processed within 10 working days of receiving your return. Your bank then takes 3 working days to show it.' };
    assert.match(textOf(await shop({ orders: [pram], aftersales: [paid] }, [both])('where is my refund, not in my account')), /longer than the shop's own time/);
  });
});

describe('the forty-fifth session\'s readings, narrowed in the second review', () => {
  const { shop } = session27;
  const english: FaqEntry[] = [{ id: 'a', question: 'How long does delivery take?', answer: '2-5 days.' }, { id: 'b', question: 'Do you ship to NZ?', answer: 'No.' }, { id: 'c', question: 'Can I return it?', answer: 'Yes, 30 days.' }];
  test('a language asked of us switches; the goods\' voice does not; a kiss or an ok with an emoji tells no language', async () => {
    for (const t of ['can you speak mandarin please', '跟我说中文', '讲中文啦 我睇唔明']) assert.equal((await shop({}, english)(t)).state.langAsked, 'zh', t);
    for (const t of ['这个娃娃可以说中文吗', '这个故事机可以讲普通话吗']) assert.notEqual(textOf(await shop({}, english)(t)), TEXTS.zh.langSwitched, t);
    for (const t of ['4 x 😊', 'ok 👍']) assert.equal((await shop({}, english)(t)).lang, 'en', t);
  });
  test('a refund asked with the take-back keeps the place, whatever else it says', () => {
    for (const t of ['算了 不用了 你们直接退钱给我吧 东西我已经收到了 是坏的', 'never mind the agent, i already sent it back, just refund me']) assert.equal(withdrawsHandover(t), undefined, t);
  });
});

// The learned danger reading (src/robot/danger-model.ts, forty-sixth session): what no rule reads gets the same answer as a rule's.
describe('a danger only the learned reading reads', () => {
  const say = () => shopChat2(SHOP, [{ id: 'x', question: '多久发货', answer: '48小时内发货。' }], { orders: [order({ orderId: 'LD-1', status: 'delivered' })] });
  test('is told what to do now and goes to a person ahead of the queue, in the robot\'s answer as in the queue', async () => {
    const ladder = await say()('人字梯的腿突然折了 我爸从上面摔下来了');
    assert.deepEqual([ladder.handover?.reason, ladder.replies[0]?.text], ['complaint', TEXTS.zh.hazardFirst.broke]);
    const scam = await say()('a woman on the phone said she was from your billing team and got me to read out the code from my bank app');
    assert.deepEqual([scam.handover?.reason, scam.replies[0]?.text], ['complaint', TEXTS.en.hazardFirst.fraud]);
    const fish = await say()('用了你们的驱虫药 狗狗站都站不稳');
    assert.deepEqual([fish.handover?.reason, fish.replies[0]?.text], ['complaint', TEXTS.zh.healthPetEmergency]);
  });
  test('a danger told as over, or a bare name, is no danger in the robot\'s answer either', async () => {
    for (const text of ['my son drank some of the dishwasher liquid earlier, turned out fine', '煤气罐', 'gas heater', '上次那个充电器冒烟的事已经处理好了，谢谢你们换了新的']) {
      const r = await say()(text);
      assert.ok(!r.replies.some((x) => adviceKind(x.text) !== undefined), text);
      assert.notEqual(r.handover?.reason, 'complaint', text);
    }
  });
});

// A fire told by itself (forty-sixth session, found in review): its own advice, not a device's "unplug it".
describe('a fire now', () => {
  test('everyone out and the fire number, first in line, in the robot\'s answer', async () => {
    const say = () => shopChat2(SHOP, [{ id: 'x', question: '多久发货', answer: '48小时内发货。' }], { orders: [order({ orderId: 'F-1', status: 'delivered' })] });
    const zh = await say()('家里着火了');
    assert.deepEqual([zh.handover?.reason, zh.replies[0]?.text], ['complaint', TEXTS.zh.hazardFirst.fire]);
    const en = await say()('the kitchen is on fire');
    assert.deepEqual([en.handover?.reason, en.replies[0]?.text], ['complaint', TEXTS.en.hazardFirst.fire]);
    assert.equal(adviceKind(TEXTS.en.hazardFirst.fire), 'fire');
  });
});

// A Taipei shop (forty-eighth session): "包裹不見了啦 找人幫我查" was told the tracking again.
test('a person asked to look into a parcel is a person, not the tracking again', async () => {
  const r = await conversation(robotWith({ orders: [order({ orderId: 'P-1' })], logistics: [logistics({ orderId: 'P-1' })] }))('包裹不見了啦 找人幫我查');
  assert.equal(r.handover?.reason, 'requested');
  const own = await conversation(robotWith({ orders: [order({ orderId: 'P-1' })], logistics: [logistics({ orderId: 'P-1' })] }))('帮我查一下包裹到哪了');
  assert.equal(own.handover, undefined);
});

// A Taipei baby shop (forty-eighth session): "那奶粉那罐我沒開可以換成3號嗎" was told the 7-day window of the shop's returns entry,
// which itself says formula never goes back, and "奶粉沒開可以退嗎" the formula entry then a 3-day window "passed" (its days to report a dent).
test('no returns window for goods the shop says never go back; goods it does not name keep theirs', async () => {
  const delivered = (id: string, title: string) => ({ orders: [order({ orderId: id, status: 'delivered', items: [{ sku: 'M', title, quantity: 1, price: '1350' }] })], logistics: [logistics({ orderId: id, status: 'delivered', events: [{ time: '2024-11-25T10:00:00+08:00', location: '板橋', description: '已送達' }] })] });
  const entries: FaqEntry[] = [
    { id: 'r', question: '可以退貨嗎？', answer: '收到商品後7天鑑賞期內，商品未拆封、包裝完整可以申請退貨。奶粉（食品）不論有沒有拆封都無法退貨；已拆封的尿布也無法退貨。' },
    { id: 'm', question: '奶粉可以退換嗎？', answer: '奶粉屬於食品，依規定不論是否拆封都無法退換貨喔。如果收到時罐身凹陷，請在收到3天內拍照傳給客服。' },
  ];
  for (const text of ['奶粉沒開可以退嗎', '那奶粉那罐我沒開可以換成3號嗎']) assert.doesNotMatch(textOf(await shopChat2(SHOP, entries, delivered('MF-1', '明治 金選 奶粉 2號 850g'))(text)), /退换期|退換期/, text);
  // A bottle is none of those: its 7 days are told.
  assert.match(textOf(await shopChat2(SHOP, entries, delivered('MF-2', 'PPSU 奶瓶 240ml'))('那奶瓶我沒開可以換成大的嗎')), /7 天的退[换換]期/);
});

// A Brisbane pet shop's Chinese-speaking buyer (forty-eighth session): "怎么这么慢，已经好几天了" with a parcel on its way was told there
// was no after-sales request and the returns policy.
test('"怎么这么慢，已经好几天了" with a parcel on its way is the parcel; slowness beside a refund stays the refund', async () => {
  const data = { orders: [order({ orderId: 'SL-1' })], logistics: [logistics({ orderId: 'SL-1' })], aftersales: [] };
  const r = await conversation(robotWith(data))('怎么这么慢，已经好几天了');
  assert.match(textOf(r), /运输中|ZT/);
  assert.doesNotMatch(textOf(r), /售后申请/);
});

// A Taipei baby shop (forty-eighth session): "can I return it if the wifi doesnt work with my router?" of a baby monitor was given
// the shop's (Chinese) entry on formula, the first of its entries on returns.
test('the shop\'s entry on returns in the other language is not one on other goods when one on none is there', async () => {
  const entries: FaqEntry[] = [
    { id: 'm', question: '奶粉可以退換嗎？', answer: '奶粉屬於食品，不論是否拆封都無法退換貨喔。' },
    { id: 'r', question: '可以退貨嗎？', answer: '收到商品後7天鑑賞期內，商品未拆封可以申請退貨。' },
    { id: 'p', question: '有哪些付款方式？', answer: '信用卡、LINE Pay。' },
  ];
  const data = { orders: [order({ orderId: 'BM-1', status: 'delivered', items: [{ sku: 'B', title: '嬰兒監視器 WiFi款', quantity: 1, price: '2700' }] })], logistics: [logistics({ orderId: 'BM-1', status: 'delivered' })] };
  const said = textOf(await shopChat2(SHOP, entries, data)('can I return it if the wifi doesnt work with my router?'));
  assert.doesNotMatch(said, /奶粉/);
  assert.match(said, /可以退貨嗎/);
});

// The same shop: "收到商品3天內，拍下外箱…傳給客服" (a damage report's days) was read as a 3-day return window and told as passed.
test('the days of a report are no return window; the days to return are', () => {
  assert.equal(returnDays('很抱歉！請在收到商品3天內，拍下外箱、商品破損處跟出貨單的照片傳給客服，我們確認後會幫您免費換新或退款。'), undefined);
  assert.equal(returnDays('收到后3天内联系客服反馈问题'), undefined);
  assert.equal(returnDays('收到商品後7天鑑賞期內，商品未拆封、包裝完整可以申請退貨。'), 7);
  assert.equal(returnDays('签收后7天内可以无理由退货'), 7);
  assert.equal(returnDays('Unopened items can be returned within 30 days of delivery.'), 30);
});

describe('three outside shops of the fiftieth session', () => {
  const refund = aftersale({ aftersaleId: 'AS-50', orderId: EARBUDS, type: 'refund', status: 'approved' });

  test('a refund asked on about: the answer without its card again; "为什么这么慢", "why is it taking so long" offer a person', async () => {
    for (const [ask, follow, slow] of [
      ['我的退款怎么样了', '那钱什么时候到账', '为什么这么慢'],
      ['hows my refund going', 'when will it hit my card', 'why is it taking so long'],
    ] as const) {
      const say = conversation(robotWith({ orders: [earbuds], aftersales: [refund] }));
      assert.equal((await say(ask)).replies[0]!.card?.kind, 'aftersale', ask);
      const again = await say(follow);
      assert.equal(again.intent, 'aftersale_progress', follow);
      assert.ok(again.replies.every((x) => x.card === undefined), follow);
      assert.match(textOf(again), /原路退回|the way you paid/, follow);
      const late = await say(slow);
      assert.equal(late.intent, 'aftersale_progress', slow);
      assert.ok(textOf(late).includes(TEXTS[late.lang].aftersaleChase), textOf(late));
    }
  });

  test('"can you check all three of my orders" tells each; "重新寄一份吧" after a lost parcel\'s offer is a person\'s', async () => {
    const third = order({ orderId: '2024112600003333', createdAt: '2024-11-26T12:00:00+08:00', items: [{ sku: 'MUG', title: '陶瓷马克杯', quantity: 1, price: '39.00' }] });
    const all = await robotWith({ orders: [earbuds, tshirt, third] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'can you check all three of my orders' });
    assert.equal(all.replies.filter((x) => x.card?.kind === 'order').length, 3, textOf(all));
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    assert.ok((await say('我的快递好像丢了，一直没更新')).replies.length > 0);
    assert.equal((await say('重新寄一份吧')).handover?.reason, 'requested');
  });

  test('"哦 那我钱扣了没" after an order cancelled unpaid: nothing was taken, not a hand-over', async () => {
    const gone = order({ orderId: 'DD-0345', status: 'cancelled', cancelReason: '超时未支付，系统自动取消' });
    const say = conversation(robotWith({ orders: [gone] }));
    await say('我那个订单咋被取消了？？我没点取消啊');
    const r = await say('哦 那我钱扣了没');
    assert.equal(r.handover, undefined);
    assert.match(textOf(r), /不会扣款/);
  });

  test('a "did you mean …?" still waits after another entry is answered in between, for one turn', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_sz', [
      { id: 'w', question: '保修多久？', answer: '充电器、充电宝、无线耳机保修12个月。' },
      { id: 'c', question: '充电器支持苹果手机快充吗？', answer: '支持。20W/30W PD充电头配C to Lightning线都能快充；65W氮化镓支持笔记本。' },
      { id: 'r', question: '支持7天无理由退换吗？', answer: '支持7天无理由退换货。' },
    ]);
    const say = conversation(createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }), 'u-sz', 'shop_sz');
    assert.match(textOf(await say('对了这个65w的能给macbook air充吗 还有华为mate60能快充不')), /充电器支持苹果手机快充吗/);
    assert.match(textOf(await say('质保多久啊')), /保修12个月/);
    assert.match(textOf(await say('是')), /65W氮化镓支持笔记本/);
    assert.doesNotMatch(textOf(await say('是')), /65W氮化镓/);
  });

  test('a delivery entry by state: Adelaide is SA\'s clause; no region read leaves the whole entry, never "Once dispatched." alone; 保養幾耐 is the warranty', async () => {
    const own = new FaqIndexProvider();
    own.setEntries('shop_au', [
      { id: 'd', question: 'How long does delivery take?', answer: 'Once dispatched, Australia Post delivery times are: Melbourne metro 1-2 business days; regional Victoria, NSW, ACT and SA 2-4 business days; QLD and Tasmania 3-5 business days; WA and NT 5-8 business days.' },
      { id: 'w', question: '保修多久？', answer: '所有手機享一年原廠保修。' },
    ]);
    const ask = (text: string) => createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }).answer({ shopId: 'shop_au', userId: 'u-au', conversationId: 'c', text });
    assert.match(textOf(await ask('wat r ur delivery times to adelaide anyway')), /SA 2-4 business days/);
    assert.match(textOf(await ask('how long does delivery take to brisbane')), /QLD and Tasmania 3-5 business days/);
    assert.match(textOf(await ask('部機保養幾耐呀')), /一年原廠保修/);
  });
});

describe('three outside shops of the fiftieth session, the second half', () => {
  test('"ok I wait for the person" asks for one; "i wait for the person to deliver it" does not', async () => {
    for (const text of ['ok I wait for the person. Thank you dear, you are very kind', "i'll wait for an agent", '那我等人工吧']) {
      assert.equal((await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })).handover?.reason, 'requested', text);
    }
    assert.equal((await robotWith({ orders: [earbuds] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'i wait for the person to deliver it' })).handover, undefined);
  });

  test('"theres nothing on my porch" of a parcel shown delivered offers a person; "can u just send another one" then hands over', async () => {
    const done = order({ orderId: 'MK-10420', status: 'delivered' });
    const track = logistics({ orderId: 'MK-10420', status: 'delivered', events: [{ time: '2024-11-26T14:00:00+08:00', location: 'Richmond VIC', description: 'Delivered - left in a safe place (front porch)' }] });
    const say = conversation(robotWith({ orders: [done], logistics: [track] }));
    const first = await say('says my order was deliverd last thurs but theres nothing on my porch??');
    assert.match(textOf(first), /Shall I get a human agent/);
    assert.equal((await say('checked with the neighbours, nothing. can u just send another one')).handover?.reason, 'requested');
    // Two orders on their way, none shown delivered: which one is asked, not the newest told.
    const two = await robotWith({ orders: [earbuds, tshirt] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'tracking says delivered yesterday but nothing on my porch' });
    assert.equal(two.replies[0]!.card?.kind, 'choice');
  });

  test('a payment made at a convenience store and still shown unpaid goes to a person; a new order\'s dispatch and an opened product\'s life are the shop\'s questions', async () => {
    const unpaid = order({ orderId: 'TG-011', status: 'pending_payment', items: [{ sku: 'S', title: '維他命C精華 30ml', quantity: 1, price: '890' }] });
    assert.equal((await robotWith({ orders: [unpaid] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: '我剛剛用超商代碼繳費了 但訂單還是顯示未付款欸' })).intent, 'human');
    const done = order({ orderId: 'TG-005', status: 'delivered' });
    for (const text of ['欸 我要重新下訂面膜 如果今天下午兩點前付款 今天會出貨ㄇ', '請問睫毛膏開了之後大概可以用多久啊 怕放太久會長細菌']) {
      const r = await robotWith({ orders: [done] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
      assert.equal(r.intent, 'faq', text);
      assert.ok(r.replies.every((x) => x.card === undefined), text);
    }
  });
});

test('after a refund\'s status, a slow website or another parcel is not the refund\'s slowness; checking each item for scratches is no list of orders (the fiftieth session\'s review)', async () => {
  const refund = aftersale({ aftersaleId: 'AS-51', orderId: EARBUDS, type: 'refund', status: 'approved' });
  for (const text of ['你们的网站太慢了 打不开', 'your app is so slow, takes forever to load']) {
    const say = conversation(robotWith({ orders: [earbuds], aftersales: [refund] }));
    await say('我的退款怎么样了');
    const r = await say(text);
    assert.ok(!textOf(r).includes(TEXTS[r.lang].aftersaleChase), text);
  }
  const r = await robotWith({ orders: [earbuds, tshirt] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'please check all of them for scratches before you ship' });
  assert.ok(r.replies.filter((x) => x.card?.kind === 'order').length < 2, textOf(r));
});

test('"可以不要退款 直接補寄一支給我嗎" after a refund\'s status is the refund switched for goods, told how, with a person (a Taipei shop, fiftieth session)', async () => {
  const refund = aftersale({ aftersaleId: 'AS-52', orderId: EARBUDS, type: 'refund', status: 'approved' });
  const say = conversation(robotWith({ orders: [earbuds], aftersales: [refund] }));
  await say('少寄的那支眉筆 退款退了沒');
  const r = await say('可以不要退款 直接補寄一支給我嗎');
  assert.equal(r.intent, 'aftersale_progress');
  assert.match(textOf(r), /撤銷申請/);
});

test('a Kuala Lumpur shop\'s buyers (fiftieth session): paid by FPX and still shown unpaid goes to a person, never told to pay; "ok lah connect" to a person offered is a yes', async () => {
  const unpaid = order({ orderId: 'KL-10260', status: 'pending_payment', currency: 'MYR', items: [{ sku: 'W', title: 'Huawei Watch GT 5', quantity: 1, price: '499' }] });
  for (const text of ['hi again. dah 2 jam, my huawei watch order still unpaid. bank statement shows rm499 debited 7/12 10.05pm', 'i paid but status unpaid']) {
    assert.equal((await robotWith({ orders: [unpaid] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text })).intent, 'human', text);
  }
  for (const yes of ['ok lah connect', 'yes connect', 'can connect']) {
    const say = conversation(robotWith({ orders: [earbuds], logistics: [earbudsTrack] }));
    await say('my parcel seems lost, tracking hasnt moved in a week');
    assert.equal((await say(yes)).handover?.reason, 'requested', yes);
  }
});

test('"Before I order – do you guys post to Christchurch" is a question before buying, not "no orders"; New Zealand\'s cities name it (a Melbourne shop, fiftieth session)', async () => {
  const r = await robotWith({ orders: [] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text: 'Before I order – do you guys post to Christchurch, and roughly how many days?' });
  assert.equal(r.intent, 'faq');
  assert.doesNotMatch(textOf(r), /can't find any orders/);
});

test('paid and still unpaid in Malay, after normalising ("duit dah tolak tapi status still unpaid"), goes to a person; a question whether it will be debited does not (the second round\'s review)', async () => {
  const unpaid = order({ orderId: 'KL-10261', status: 'pending_payment', currency: 'MYR' });
  const ask = (text: string) => robotWith({ orders: [unpaid] }).answer({ shopId: SHOP, userId: 'u-1001', conversationId: 'c', text });
  assert.equal((await ask('salam, sy dah order huawei watch semalam tapi fpx tak jadi, duit dah tolak tapi status still unpaid??')).intent, 'human');
  for (const text of ['the status unpaid, i will pay tomorrow after salary debited', 'is the rm499 debited only when shipped? status unpaid now']) assert.notEqual((await ask(text)).intent, 'human', text);
});

test('whether the charger just told of fast-charges a phone, or which cable it needs, is the shop\'s question, not the parcel again (a Shenzhen shop, fiftieth session)', async () => {
  const charger = order({ orderId: 'DD-0888', items: [{ sku: 'C30', title: '30W PD快充充电器', quantity: 1, price: '69.00' }] });
  const say = conversation(robotWith({ orders: [charger], logistics: [logistics({ orderId: 'DD-0888' })] }));
  await say('另外昨天买的那个30w的到哪了');
  const r = await say('对了你们30w那个头 iphone16pro max能快充不 要配啥线');
  assert.equal(r.intent, 'faq');
  assert.ok(r.replies.every((x) => x.card?.kind !== 'logistics'), textOf(r));
});

test('Taiwan\'s words for a Taipei shop: 對話, 取貨點, 取貨櫃, 管理室, a payment platform for the mainland\'s wallets (fiftieth session)', () => {
  assert.equal(toTaiwanese(toTraditional('请马上打银行卡背面的电话（或支付宝、微信客服）冻结；包裹可能在驿站、快递柜或门卫那里。这个会话')), '請馬上打銀行卡背面的電話（或支付平台客服）凍結；包裹可能在取貨點、取貨櫃或管理室那裡。這個對話');
});

test('"do you deliver to Leeds" is a shop question, and Highlands places are its remote areas; "这个要不要寄回给你们" after a swollen power bank is the battery\'s advice, not by post (fiftieth session)', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_uk', [
    { id: 'ship', question: 'How much is delivery?', answer: 'Standard UK delivery is £3.95. Deliveries to the Scottish Highlands and Islands cost £9.95.' },
    { id: 'ret', question: 'What is your returns policy?', answer: 'Unused items can be returned within 30 days.' },
  ]);
  const ask = (text: string) => createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }).answer({ shopId: 'shop_uk', userId: 'u-uk', conversationId: 'c', text });
  assert.equal((await ask('do you deliver to leeds')).intent, 'faq');
  assert.match(textOf(await ask('do you deliver to inverness')), /Highlands and Islands cost/);
  assert.ok(asksDisposal('这个要不要寄回给你们'));
  assert.ok(asksDisposal('should i post it back to you?'));
  assert.ok(!asksDisposal('退货怎么处理'));
});

test('goods named by their own kind among one shop\'s kinds: a serum, not the sheet masks, and in traditional titles; "还是都要吧 不取消了" keeps the queue (fifty-first session)', async () => {
  // Found from outside (a Taipei shop): "vit C serum" told the parcel of the newest order, the masks, as 精華 and 面膜 were both
  // skin care and a title in traditional characters named no kind at all.
  const serum = order({ orderId: 'TW-2001', createdAt: '2024-11-20T10:00:00+08:00', items: [{ sku: 'V1', title: '維他命C精華液 30ml', quantity: 1, price: '890' }] });
  const masks = order({ orderId: 'TW-2002', createdAt: '2024-11-24T10:00:00+08:00', items: [{ sku: 'M1', title: '玻尿酸保濕面膜 10片', quantity: 1, price: '450' }] });
  const data: FakeData = { orders: [serum, masks], logistics: [logistics({ orderId: 'TW-2001' }), logistics({ orderId: 'TW-2002' })] };
  assert.match(textOf(await conversation(robotWith(data))('my vit C serum where already')), /TW-2001/);
  assert.match(textOf(await conversation(robotWith(data))('面膜到哪了')), /TW-2002/);
  assert.doesNotMatch(textOf(await conversation(robotWith(data))('my vit C serum where already')), /TW-2002/);
  // A power bank is no wall charger: "充电头" picks the charger head.
  const bank = order({ orderId: 'SZ-1', items: [{ sku: 'P', title: '20000mAh 快充充电宝', quantity: 1, price: '129.00' }] });
  const head = order({ orderId: 'SZ-2', items: [{ sku: 'H', title: '30W 氮化镓充电头', quantity: 1, price: '89.00' }] });
  const both: FakeData = { orders: [bank, head], logistics: [logistics({ orderId: 'SZ-1' }), logistics({ orderId: 'SZ-2' })] };
  assert.match(textOf(await conversation(robotWith(both))('充电头到哪了')), /SZ-2/);
  assert.match(textOf(await conversation(robotWith(both))('where is my power bank')), /SZ-1/);
  // The goods kept after all, in the queue: the person reads it (what else was asked of them is not lost); alone, a cancellation given up is the robot's.
  for (const q of ['算了 还是都要吧 不取消了', '算了 不取消了 两件都要', '算了 都要了']) assert.equal(withdrawsHandover(q), undefined, q);
  assert.equal(withdrawsHandover('算了不取消了'), '不取消了');
});

test('"两单分别什么时候发" of two orders paid and one delivered long ago: the two told, not "which one?" nor the third (fifty-first session)', async () => {
  const a = order({ orderId: 'SZ-31', status: 'paid', createdAt: '2024-11-26T10:00:00+08:00' });
  const b = order({ orderId: 'SZ-32', status: 'paid', createdAt: '2024-11-27T08:00:00+08:00' });
  const old = order({ orderId: 'SZ-33', status: 'delivered', createdAt: '2024-11-10T08:00:00+08:00' });
  const r = await conversation(robotWith({ orders: [a, b, old] }))('两单分别什么时候发');
  assert.match(textOf(r), /SZ-31/);
  assert.match(textOf(r), /SZ-32/);
  assert.doesNotMatch(textOf(r), /SZ-33|哪一个/);
});

test('"delivery times to brisbane?" found with confidence is told Brisbane\'s clause; "Alaska delivery?" of a one-sentence list the whole entry; the day\'s cut-off is no unpaid countdown; "i can send back to you?" asks a battery\'s disposal (fifty-first session)', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_au', [
    { id: 'ship', question: 'How long does delivery take?', answer: 'We ship from Melbourne. Metro Melbourne and Sydney: 1-3 business days. Brisbane, Adelaide and Perth: 3-5 business days. Regional areas and Tasmania: 5-8 business days. New Zealand: 7-12 business days.' },
    { id: 'ret', question: 'What is your returns policy?', answer: 'Unused items can be returned within 30 days.' },
  ]);
  const ask = (text: string, shopId = 'shop_au') => createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }).answer({ shopId, userId: 'u-au', conversationId: 'c', text });
  assert.equal(textOf(await ask('delivery times to brisbane?')), 'Brisbane, Adelaide and Perth: 3-5 business days.');
  assert.equal(textOf(await ask('how long to auckland')), 'New Zealand: 7-12 business days.');
  own.setEntries('shop_us', [{ id: 'ak', question: 'Do you ship to Alaska?', answer: 'We ship accessories and apparel to Alaska, Hawaii and Puerto Rico via USPS. Complete bikes can only ship within the contiguous 48 states.' }]);
  for (const q of ['Alaska delivery?', 'how long does shipping to alaska take?']) assert.doesNotMatch(textOf(await ask(q, 'shop_us')), /Alaska,\s*Complete/, q);
  own.setEntries('shop_sz', [{ id: 'ship', question: '付款后多久发货', answer: '现货工作日16:00前付款当天发出，16:00后付款次日发出。' }]);
  const cutOff = await ask('几点之前付款今天能发', 'shop_sz');
  assert.doesNotMatch(textOf(cutOff), /超时会自动关闭|待付款的订单/);
  assert.match(textOf(cutOff), /付款后多久发货|16:00前付款/);
  assert.ok(asksDisposal('ok i unplug it. now what i do with battery, i can send back to you?'));
});

test('Cardiff is Great Britain and Derry Northern Ireland in a delivery entry; a street named after a city is not (fifty-first session)', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_ie', [
    { id: 'ship', question: 'How long does delivery take to Ireland, Northern Ireland and the UK?', answer: 'Republic of Ireland: An Post, 1-2 working days. Northern Ireland: DPD, 2-3 working days. Great Britain (England, Scotland and Wales): DPD, 3-5 working days.' },
    { id: 'ret', question: 'Can I return an item?', answer: 'Unused parts can be returned within 30 days.' },
  ]);
  const ask = (text: string) => createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }).answer({ shopId: 'shop_ie', userId: 'u-ie', conversationId: 'c', text });
  assert.equal(textOf(await ask('hiya do u deliver to cardiff and how long')), 'Great Britain (England, Scotland and Wales): DPD, 3-5 working days.');
  const derry = order({ shopId: 'shop_ie', userId: 'u-ie', orderId: 'IE-1', status: 'paid', receiver: { name: 'Orla', phone: '07700900123', address: '12 Shipquay Street, Derry' } });
  const r = await createRobot({ dataSource: fakeDataSource({ orders: [derry] }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_ie', userId: 'u-ie', conversationId: 'c', text: 'how many days will it take to arrive' });
  assert.doesNotMatch(textOf(r), /Great Britain|Republic of Ireland/, textOf(r));
});

test('the fifty-first session\'s review: "两单" of three paid orders is a choice; one place where it goes to, not where it comes from; posting back asked outright, not a replacement sent back; "都要吧，不用转人工了" takes the hand-over back', async () => {
  const paid = ['P-1', 'P-2', 'P-3'].map((orderId) => order({ orderId, status: 'paid' }));
  assert.match(textOf(await conversation(robotWith({ orders: paid }))('两单分别什么时候发')), /哪一个/);
  const own = new FaqIndexProvider();
  own.setEntries('shop_au2', [
    { id: 'ship', question: 'How long does delivery take?', answer: 'We ship from Melbourne. Metro Melbourne and Sydney: 1-3 business days. Brisbane, Adelaide and Perth: 3-5 business days. New Zealand: 7-12 business days.' },
    { id: 'ret', question: 'What is your returns policy?', answer: 'Unused items can be returned within 30 days.' },
  ]);
  const ask = (text: string) => createRobot({ dataSource: fakeDataSource({}), faq: own, clock: () => NOW }).answer({ shopId: 'shop_au2', userId: 'u', conversationId: 'c', text });
  for (const q of ['how long does delivery take from Melbourne to Darwin?', 'how long to Sydney or Brisbane?']) assert.doesNotMatch(textOf(await ask(q)), /^Metro Melbourne and Sydney: 1-3 business days\.$|^Brisbane, Adelaide and Perth: 3-5 business days\.$/, q);
  for (const q of ['can you send back a replacement?', 'I will post back the warranty card later']) assert.ok(!asksDisposal(q), q);
  assert.ok(asksDisposal('要不要退回给你们'));
  assert.equal(withdrawsHandover('都要吧，不用转人工了'), '都要吧');
});

test('a Dublin and a Hong Kong shop\'s turns (fifty-first session): "any sign of me battery", "the tyres", "actually no leave it", a refund not seen in the account, 幾時入返我戶口, an exchange asked for and its status', async () => {
  const battery = order({ orderId: 'DB-31', items: [{ sku: 'B', title: '36V 13Ah E-bike Battery', quantity: 1, price: '349.00' }] });
  assert.match(textOf(await conversation(robotWith({ orders: [battery], logistics: [logistics({ orderId: 'DB-31' })] }))('howya, any sign of me battery? ordered it saturday')), /DB-31/);
  const tyres = order({ orderId: 'DB-40', items: [{ sku: 'T', title: 'Schwalbe Marathon Tyres 700x35c (pair)', quantity: 1, price: '79.00' }] });
  const light = order({ orderId: 'DB-01', status: 'delivered', createdAt: '2024-11-01T10:00:00+08:00', items: [{ sku: 'L', title: 'USB Rear Light', quantity: 1, price: '19.00' }] });
  const say = conversation(robotWith({ orders: [tyres, light], logistics: [logistics({ orderId: 'DB-40' })] }));
  await say("where's me order lads");
  assert.match(textOf(await say('the tyres')), /DB-40/);
  const pre = order({ orderId: 'DB-62', status: 'paid' });
  const cancel = conversation(robotWith({ orders: [pre] }));
  await cancel('can i cancel the order');
  assert.match(textOf(await cancel('actually no leave it')), /nothing is cancelled/i);
  const refunded = aftersale({ aftersaleId: 'AS-501', orderId: 'DB-01', status: 'refunded', amount: '25.00', updatedAt: '2024-11-23T12:00:00+08:00' });
  for (const [first, then] of [['did the refund go through', 'i cant see it in my account'], ['退款到了吗', '我卡里没看到啊']] as const) {
    const s = conversation(robotWith({ orders: [tyres, light], logistics: [logistics({ orderId: 'DB-40' })], aftersales: [refunded] }));
    await s(first);
    const r = await s(then);
    assert.equal(r.intent, 'aftersale_progress', then);
    assert.match(textOf(r), /human agent|人工客服/, then);
  }
  const hk = conversation(robotWith({ orders: [tyres, light], logistics: [logistics({ orderId: 'DB-40' })], aftersales: [refunded] }));
  await hk('我嘅退款點呀');
  assert.equal((await hk('幾時入返我戶口')).intent, 'aftersale_progress');
  const helmet = order({ orderId: 'DB-50', status: 'delivered', items: [{ sku: 'H', title: 'Commuter Helmet Large', quantity: 1, price: '59.00' }] });
  const swap = aftersale({ aftersaleId: 'AS-510', orderId: 'DB-50', type: 'exchange', status: 'requested' });
  const r = await conversation(robotWith({ orders: [helmet], aftersales: [swap] }))('Hello, I ask for change helmet to medium size, what is status?');
  assert.equal(r.intent, 'aftersale_progress');
  assert.doesNotMatch(textOf(r), /request an exchange on the order page/);
});

test('an order paid before the cut-off of the shop\'s same-day rule and not sent by the end of that day is late (a Hong Kong phone shop, fifty-first session)', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_hk', [{ id: 'ship', question: '付款後幾耐發貨？', answer: '工作日（星期一至五）下午3點前付款，當日發貨；下午3點後付款，下一個工作日發貨。' }]);
  const ask = (o: Order, text: string) => createRobot({ dataSource: fakeDataSource({ orders: [o] }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_hk', userId: 'u-1001', conversationId: 'c', text });
  // Paid on Tuesday at 14:44, asked on Wednesday at 10:00: due on Tuesday.
  const late = order({ shopId: 'shop_hk', orderId: 'HK-1', status: 'paid', createdAt: '2024-11-26T14:44:00+08:00', updatedAt: '2024-11-26T14:44:00+08:00' });
  assert.match(textOf(await ask(late, '我嘅單幾時寄')), /比平常慢了|比平常慢/);
  // Paid after the cut-off: due today, not late.
  const due = order({ shopId: 'shop_hk', orderId: 'HK-2', status: 'paid', createdAt: '2024-11-26T16:10:00+08:00', updatedAt: '2024-11-26T16:10:00+08:00' });
  const r = await ask(due, '我嘅單幾時寄');
  assert.doesNotMatch(textOf(r), /比平常慢/);
  assert.match(textOf(r), /11月27日/);
});

test('a London and a Singapore shop (fifty-first session): Inverness told the Highlands line whole; "how long have I got before it cancels?" is the payment deadline; "can choose morning slot?" is no greeting', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_ldn', [
    { id: 'ship', question: 'How long does delivery take?', answer: 'Royal Mail Tracked 48: 2-3 working days across mainland UK, free over £30. Scottish Highlands and islands, Northern Ireland, the Channel Islands and the Isle of Man: 3-5 working days. EU: DPD 3-6 working days.' },
    { id: 'slot', question: 'Can I choose a delivery time slot?', answer: 'Yes. At checkout you can choose a slot: 9am-1pm, 1pm-6pm or 6pm-10pm.' },
  ]);
  const balm = order({ shopId: 'shop_ldn', orderId: 'LDN-36', items: [{ sku: 'C', title: 'Cleansing Balm 100ml', quantity: 1, price: '24.00' }], receiver: { name: 'Morag', phone: '07700900456', address: '12 Castle Street, Inverness IV2 3DU' } });
  const ask = (text: string, orders: Order[] = []) => createRobot({ dataSource: fakeDataSource({ orders, logistics: orders.map((o) => logistics({ shopId: 'shop_ldn', orderId: o.orderId })) }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_ldn', userId: 'u-1001', conversationId: 'c', text });
  assert.match(textOf(await ask("Hiya, when's my cleansing balm coming? I'm up in Inverness", [balm])), /Scottish Highlands and islands, Northern Ireland, the Channel Islands and the Isle of Man: 3-5 working days\./);
  const unpaid = order({ shopId: 'shop_ldn', orderId: 'LDN-50', status: 'pending_payment', payBy: '2024-11-28T20:00:00+00:00' });
  assert.match(textOf(await ask('how long have I got before it cancels?', [unpaid])), /isn't paid yet: please pay by/);
  const slot = await ask('can choose morning slot?');
  assert.notEqual(slot.intent, 'greeting');
  assert.match(textOf(slot), /time slot|choose a slot/);
  assert.equal((await ask('good morning')).intent, 'greeting');
});

test('"is the spf one vegan??" beside a parcel on its way is the shop\'s question; "我係用信用卡俾嘅" right after a refund\'s times is that refund (fifty-first session)', async () => {
  const spf = order({ orderId: 'LDN-31', items: [{ sku: 'S', title: 'Daily SPF 50 Sunscreen 50ml', quantity: 1, price: '18.00' }] });
  const r = await conversation(robotWith({ orders: [spf], logistics: [logistics({ orderId: 'LDN-31' })] }))('is the spf one vegan?? lowkey need to know b4 i open it');
  assert.ok(r.replies.every((x) => x.card?.kind !== 'logistics'), textOf(r));
  const refunded = aftersale({ aftersaleId: 'AS-9', orderId: 'LDN-31', status: 'refunded', updatedAt: '2024-11-23T12:00:00+08:00' });
  for (const [first, then] of [['我嘅退款點呀', '我係用信用卡俾嘅'], ['did the refund go through', 'i paid by credit card']] as const) {
    const say = conversation(robotWith({ orders: [spf], aftersales: [refunded] }));
    await say(first);
    assert.equal((await say(then)).intent, 'aftersale_progress', then);
  }
});

test('"my parfum is blocked at the customs since 4 days" is the parcel held there (a London shop\'s French buyer, fifty-first session)', async () => {
  const perfume = order({ orderId: 'LDN-40', items: [{ sku: 'P', title: 'Eau de Parfum 50ml', quantity: 1, price: '68.00' }] });
  const held = logistics({ orderId: 'LDN-40', status: 'exception', events: [{ time: '2024-11-23T10:00:00+00:00', location: 'Roissy', description: 'Held by customs' }] });
  const r = await conversation(robotWith({ orders: [perfume], logistics: [held] }))('Bonjour, my parfum is blocked at the customs since 4 days, what is happening?');
  assert.match(textOf(r), /LDN-40/);
  assert.match(textOf(r), /Held by customs/);
});

test('the second review (fifty-first session): an order paid before a weekend the rule defers is late by Monday\'s end; a cancellation asked of the shop is no unpaid countdown; small talk with a time of day is a greeting', async () => {
  const own = new FaqIndexProvider();
  own.setEntries('shop_hk2', [{ id: 'ship', question: '付款後幾耐發貨？', answer: '工作日（星期一至五）下午3點前付款，當日發貨；下午3點後付款，下一個工作日發貨。星期六、日及公眾假期付款，順延至下一個工作日發貨。' }]);
  const ask = (orders: Order[], text: string) => createRobot({ dataSource: fakeDataSource({ orders }), faq: own, clock: () => NOW }).answer({ shopId: 'shop_hk2', userId: 'u-1001', conversationId: 'c', text });
  // Paid on Saturday the 23rd, asked on Wednesday the 27th: due on Monday.
  const sat = order({ shopId: 'shop_hk2', orderId: 'HK-SAT', status: 'paid', createdAt: '2024-11-23T11:00:00+08:00', updatedAt: '2024-11-23T11:00:00+08:00' });
  assert.match(textOf(await ask([sat], '我嘅單幾時寄')), /比平常慢/);
  const paid = order({ shopId: 'shop_hk2', orderId: 'HK-P', status: 'paid' });
  assert.doesNotMatch(textOf(await ask([paid], 'I asked you to cancel it, how much time is left before my order is cancelled?')), /closes by itself|no unpaid order/);
  assert.equal((await ask([], "afternoon folks, how's it going?")).intent, 'greeting');
});

test('"what do I do now then?" and "那怎么办" right after an order\'s answer get a person (fifty-first session)', async () => {
  const two = order({ orderId: 'LDN-33', status: 'delivered', items: [{ sku: 'N', title: 'Niacinamide Serum 30ml', quantity: 1, price: '12.00' }, { sku: 'C', title: 'Ceramide Moisturiser 50ml', quantity: 1, price: '22.00' }] });
  const data: FakeData = { orders: [two], logistics: [logistics({ orderId: 'LDN-33', status: 'delivered' })] };
  for (const [first, then] of [['the moisturiser was missing from my parcel', 'what do I do now then?'], ['我的快递到哪了', '那怎么办']] as const) {
    const say = conversation(robotWith(data));
    await say(first);
    assert.equal((await say(then)).intent, 'human', then);
  }
  // Without an answer before it, nothing to sort out: not a hand-over.
  assert.notEqual((await conversation(robotWith(data))('那怎么办')).intent, 'human');
});

test('"can the driver leave at my door" is a note for the order, not the parcel again (a Singapore shop, fifty-first session)', async () => {
  const paid = order({ orderId: 'SG-1', status: 'paid' });
  const r = await conversation(robotWith({ orders: [paid] }))('can the driver leave at my door');
  assert.doesNotMatch(textOf(r), /not shipped yet/);
});

test('an Auckland outdoor shop (fifty-first session): a redelivery-fee text paid "at" a look-alike site is a scam; "haven\'t paid yet, how long do I have?" is the deadline; "will u get more in before summer?" asks of stock', async () => {
  assert.equal(safetyOf('Got a txt saying my NZ Post parcel is held and I need to pay $3.50 redelivery fee at nzpost-redeliver.co, is that from you guys? I already put my card in'), 'fraud');
  const unpaid = order({ orderId: 'AK-1', status: 'pending_payment', payBy: '2024-11-28T12:10:00+00:00' });
  assert.match(textOf(await conversation(robotWith({ orders: [unpaid] }))("hi I just put an order through but haven't paid yet, how long do I have?")), /isn't paid yet: please pay by/);
  const cancelled = order({ orderId: 'AK-2', status: 'cancelled' });
  assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [cancelled] }))('ugh. will u get more in before summer?')), /cancelled/);
});

test('"我申請咗退款，幾時有錢退返？" asks when the refund\'s money comes back (a Guilin shop\'s Hong Kong buyer, fifty-first session: the parcel\'s delivery)', () => {
  assert.equal(createNlu().understand('桂花糕有一盒發霉喇，我申請咗退款，幾時有錢退返？', NOW).intent, 'aftersale_progress');
});

test('the third review (fifty-first session): "why did the driver leave it at the door?" is no note; a customs fee unpaid is no order deadline; "we get more in our order" asks no stock; 幾時有錢退返 alone is the refund', async () => {
  const paid = order({ orderId: 'R3-1', status: 'paid' });
  assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [paid] }))('why did the driver leave it at the door?')), /add notes/);
  const unpaid = order({ orderId: 'R3-2', status: 'pending_payment', payBy: '2024-11-28T12:10:00+00:00' });
  assert.doesNotMatch(textOf(await conversation(robotWith({ orders: [unpaid] }))('I did not paid the customs fee, how long do I have?')), /please pay by/);
  assert.notEqual(createNlu().understand('幾時有錢退返', NOW).intent, 'delivery_estimate');
});
