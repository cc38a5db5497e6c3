// Learning from agents: suggestions from agents' replies, accepted or dismissed by the admin, on
// PGlite and on real PostgreSQL (when it answers; the app role is bound by row-level security).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { sql } from 'kysely';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { FaqSuggestionService, KnowledgeService, registerSuggestionRoutes } from '../../src/knowledge/index.ts';
import type { Principal, Role } from '../../src/auth/principal.ts';
import { FaqIndexProvider } from '../../src/robot/index.ts';
import { ConversationEventBus, type ConversationEvents } from '../../src/conversation/events.ts';
import { KefuError, isKefuError } from '../../src/protocol/errors.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { dropTestSchemas, SQL_FACTORIES } from '../support/services.ts';

after(dropTestSchemas);

const log = pino({ level: 'silent' });
type Sender = 'customer' | 'bot' | 'agent';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof KefuError, String(e));
    return e.code;
  }
  return 'OK';
}

for (const factory of SQL_FACTORIES) {
  describe(`FAQ suggestions from agents' replies on ${factory.name}`, { skip: factory.skip }, () => {
    let store: SqlStore;
    let knowledge: KnowledgeService;
    let faq: FaqIndexProvider;
    let suggestions: FaqSuggestionService;
    let shop: string;
    let invoiceId: string;

    before(async () => {
      store = await factory.create();
      knowledge = new KnowledgeService(store);
      // A strict answer threshold on the lexical score alone (no confidence model), so that a question near an entry lands in the clarify band.
      faq = new FaqIndexProvider({ load: (s) => knowledge.listFaq(s), versionOf: (s) => knowledge.version(s), recheckMs: 0, threshold: 0.99, clarifyThreshold: 0.3, model: null });
      suggestions = new FaqSuggestionService({ sql: store, faq, log });
      shop = `shop-${randomUUID().slice(0, 8)}`;
      await knowledge.createFaq(shop, { question: '运费怎么算', answer: '满 99 元包邮，不满 99 元收 8 元。' });
      invoiceId = (await knowledge.createFaq(shop, { question: '可以开发票吗？', answer: '可以开电子普通发票，下单时填写抬头。' })).id;
    });
    after(async () => {
      await store?.close();
    });

    /** A conversation with these messages (seq 1..n); returns the messageStored event of message `at`. */
    async function conversation(messages: [Sender, string, object?][], at = messages.length, shopId = shop): Promise<ConversationEvents['messageStored']> {
      const id = randomUUID();
      await sql`insert into conversations (id, shop_id, buyer_id, state, last_seq) values (${id}, ${shopId}, ${`b-${id.slice(0, 6)}`}, 'assigned', ${messages.length})`.execute(store.db);
      for (const [i, [role, text, card]] of messages.entries()) {
        await sql`insert into messages (conversation_id, seq, shop_id, sender_role, sender_id, content) values (${id}, ${i + 1}, ${shopId}, ${role}, ${role}, ${JSON.stringify({ kind: 'text', text, ...(card ? { card } : {}) })})`.execute(store.db);
      }
      const [role, text] = messages[at - 1]!;
      return {
        shopId,
        conversationId: id,
        buyerId: 'b',
        senderRole: role,
        state: 'assigned',
        message: { seq: at, content: { kind: 'text', text } } as unknown as ConversationEvents['messageStored']['message'],
      };
    }

    // Found from outside: a canned reply filled in for one buyer ("您好 张伟，您的订单 SO2611230001 …")
    // was offered as the FAQ's answer to a question the robot had answered from that buyer's data.
    test('an answer about one buyer, or to a question the robot answered, is not suggested', async () => {
      for (const answer of ['您好，您的订单 SO2611230001 已发货，顺丰单号 SF1428573920166', '您的手机 138-1234-5678 已登记', '您的快递单号 YT 8812 3456 已经在派送了', '您的订单 SO-2611-0001 已发出，寄往杭州市西湖区文三路100号。', '已为您补发新卡密，请在订单详情查看，原退款申请我们会关闭。', "I've refunded your order, it should show in 3 days.", '已帮您改了地址，明天发出', 'your refund has been processed',
        // Thirty-fifth session, found from outside: greeted by the name on the order; something arranged for this buyer.
        "Hi Aoife, Sam from Hearth & Leaf here. DPD say it was mis-sorted at the Belfast depot; it's on a van for Monday.", "Dear Mr Le Brocq, the warehouse is in Bristol.", "Thanks for the photos, I've added a replacement Darjeeling to a new parcel going out Monday.",
        // A Taipei shop: a surname and a title, in traditional characters.
        '李先生您好，已經幫您退款了，3-5個工作天到帳。', '郭老闆您好，少的那箱我們明天補寄給您。',
        // A Chengdu shop (thirty-sixth session): something done for this buyer, their own parcel.
        '红油的退款我已经审核通过了，清油底料给您补发一袋，明天发出。', '您寄乌鲁木齐的礼盒我已经联系圆通核实了，今天会安排发出。',
        // Thirty-eighth session, three shops: everyday titles and given names, this buyer's own payment read out, an exception made.
        '陈同学您好，我查了一下，11月30日那笔电池订单后台没有收到这399元，支付宝显示的是预授权。', '赵大爷您好，多扣的958元原路退回，3个工作日内到账。', '张总您好，发票开好后退给公司账户。', '小于您好，漠河现在大雪封路，晚几天到。', '冰冰！人先离远点，控制不住马上打119。',
        'Hola Ana! Nia here. I looked at your Niacinamide return and I\'m making a one-time exception: I will refund the $24.00 today.']) {
        assert.equal(await suggestions.fromAgentReply(await conversation([['customer', '你们的仓库在哪个城市'], ['bot', '抱歉，我没太明白。'], ['agent', answer]])), null, answer);
      }
      // How refunds go in general is every buyer's answer (found in review: it was taken for one buyer's).
      // "要得嘛 转" says yes to a person; it asks nothing an entry could answer.
      assert.equal(await suggestions.fromAgentReply(await conversation([['customer', '要得嘛 转'], ['bot', '抱歉，我没太明白。'], ['agent', '仓库在成都。']])), null, 'a yes to a person');
      for (const [ask, general] of [['有3C认证吗', '我们已经通过了3C认证，放心使用。'], ['退款一般多久到账', '您的退款会退回到原支付账户，一般3-5个工作日到账。'], ['how long do refunds take', 'Your refund will be processed within 3-5 business days.'], ['where is your warehouse', 'Hi there, our warehouse is in Bristol.'], ['where is your warehouse', 'Hello! Our warehouse is in Bristol.']]) {
        assert.notEqual(await suggestions.fromAgentReply(await conversation([['customer', ask!], ['bot', '抱歉，我没太明白。'], ['agent', general!]])), null, general);
      }
      const named = await conversation([['customer', '你们的仓库在哪个城市'], ['bot', '抱歉，我没太明白。'], ['agent', '李雷您好，仓库在杭州。']]);
      await sql`update conversations set buyer_name = '李雷' where id = ${named.conversationId}`.execute(store.db);
      assert.equal(await suggestions.fromAgentReply(named), null, "the buyer's name");
      const titled = await conversation([['customer', '你们的仓库在哪个城市'], ['bot', '抱歉，我没太明白。'], ['agent', '李先生您好，仓库在杭州。']]);
      await sql`update conversations set buyer_name = '李雷' where id = ${titled.conversationId}`.execute(store.db);
      assert.equal(await suggestions.fromAgentReply(titled), null, 'their surname and a title');
      const strict = new FaqSuggestionService({ sql: store, faq, log, couldNotAnswer: (t) => t.startsWith('这个问题我不太确定') });
      const answered = await conversation([['customer', '退款怎么还没到呀'], ['bot', '没有查到您的售后申请。'], ['customer', '转人工'], ['bot', '好的，正在为您转接人工客服，请稍候。'], ['agent', '退款一般三个工作日内到账。']]);
      assert.equal(await strict.fromAgentReply(answered), null, 'the robot had answered it');
      const missed = await conversation([['customer', '你们周末发货吗'], ['bot', '这个问题我不太确定，需要为您转接人工客服吗？'], ['customer', '是'], ['bot', '好的，正在为您转接人工客服，请稍候。'], ['agent', '周末也发货，下午四点前付款当天发出。']]);
      assert.equal((await strict.fromAgentReply(missed))?.question, '你们周末发货吗');
    });

    // Found from outside (thirty-eighth session, three shops): "嗯呐" became a new entry whose answer was one buyer's fire-safety
    // message; a store's hours asked in the queue were paired with the reply to a refund asked before; a danger report was offered.
    // Found from outside (fortieth session, a Chengdu and a Shanghai shop): every suggestion paired a question with another
    // question's reply, or with a reply to one family (a name before 您好 or 久等了, a doubled name, a note left in the
    // back office, a parcel's route, a difference refunded, a hospital, an ID number asked for).
    test('a reply to another question, or to one family, is not suggested', async () => {
      const missed = '这个问题我不太确定，需要为您转接人工客服吗？';
      for (const [ask, answer] of [
        ['公司要买50份礼盒 有没有批发价', '孕妇少量吃没问题，但辣度高建议选微辣。'],
        ['人呢？？？', '您久等了，兰州发往乌鲁木齐的车今天走。'],
        ['牛肉干开了袋子能放好久', '亲，三袋全部改成微辣可以的！我已经在后台给仓库备注了。'],
        ['我要申请价保 降了20', '萌萌，核实了，给您退20元差价。'],
        ['扎西德勒 麻烦你们了', '卓玛您好，包裹在西宁等车，明天到拉萨。'],
        ['宝宝三天没拉了 肚子硬 要紧吗', '王妈妈您好，宝宝三天没拉、肚子硬的话请马上去医院。'],
        ['特辣有好辣', '王哥久等了！特辣是我们最辣的一款。'],
      ]) {
        assert.equal(await suggestions.fromAgentReply(await conversation([['customer', ask!], ['bot', missed], ['agent', answer!]])), null, answer);
      }
      // A reply on the question's topic, in other words, is suggested; so are general answers that open with the shop's usual words
      // or name a price, a hospital's street, an ID the law asks for (found in review: all had been taken for one buyer's).
      for (const [ask, answer] of [
        ['特辣有好辣', '特辣是我们最辣的一款，不太能吃辣的建议选微辣。'], ['can i send it back if i change my mind', 'Returns are free within 7 days.'], ['包装环保吗', '是的，纸箱和填充物都可回收。'],
        ['满多少包邮', '亲，满120元包邮，偏远地区除外。'], ['这款容量多大', '这款是120ml的。'], ['where is your store', 'Our store is next to the hospital on Queen St.'],
        ['发货要多久', '让您久等了，现货48小时内发货。'], ['有没有赠品', '顾客您好，满299送赠品试用装。'], ['清关需要什么', '跨境商品清关需要提供身份证号码，姓名要和付款人一致。'],
        ['快递能拦截吗', '如果快递已经在派送途中，就无法拦截了。'], ['发货后能改地址吗', '货已经从仓库发出后就不能修改地址了。'],
        ['how long is delivery to penang', 'Usually 3-5 working days via J&T.'], ['多少天能到新加坡', '一般3-5个工作日送达。'], ['when will u restock the blue one', 'Next batch arrives end of March.'],
      ]) {
        assert.equal((await suggestions.fromAgentReply(await conversation([['customer', ask!], ['bot', missed], ['agent', answer!]])))?.answer, answer, answer);
      }
    });

    test('a yes is no question, and a danger told or two questions waiting for one reply suggest nothing', async () => {
      const missed = '这个问题我不太确定，需要为您转接人工客服吗？';
      for (const yes of ['嗯呐', '昂', '要', 'yes pls']) {
        assert.equal((await suggestions.fromAgentReply(await conversation([['customer', '羽绒服能机洗吗'], ['bot', missed], ['customer', yes], ['bot', missed], ['agent', '可以机洗，选羽绒服模式。']])))?.question, '羽绒服能机洗吗', `${yes} is no question`);
        assert.equal(await suggestions.fromAgentReply(await conversation([['customer', yes], ['bot', missed], ['agent', '可以机洗，选羽绒服模式。']])), null, yes);
      }
      assert.equal(await suggestions.fromAgentReply(await conversation([['customer', '马甲又冒烟了 我放阳台了 会不会着火啊'], ['bot', missed], ['agent', '先别碰它，远离易燃物，起火马上打119。']])), null, 'a danger');
      const two = await conversation([['customer', '退款多久到账'], ['bot', missed], ['customer', '你们门店在哪 几点开门'], ['bot', missed], ['agent', '退款3个工作日内原路退回。']]);
      assert.equal(await suggestions.fromAgentReply(two), null, 'two questions waiting');
      const one = await conversation([['customer', '退款多久到账'], ['bot', missed], ['customer', '在吗'], ['bot', missed], ['agent', '退款3个工作日内原路退回。']]);
      assert.equal((await suggestions.fromAgentReply(one))?.question, '退款多久到账', 'chatter after it is no second question');
      // A message after it that nobody answered (kept in the queue) may be what the reply is to (forty-third session, a Houston
      // shop: "and how long to get there" paired with "take her to the ER" given for a battery swallowed in the queue).
      const queued = await conversation([['customer', 'and how long to get there'], ['bot', "Sorry, I'm not sure about that one."], ['customer', 'she seems fine tho, running around'], ['agent', 'Please take her to the ER right now, even if she seems fine.']]);
      assert.equal(await suggestions.fromAgentReply(queued), null, 'a later message nobody answered');
    });

    // Forty-third session: a Shanghai and a Manchester shop's only suggestions were a reply arranging something for one buyer.
    test('a reply arranging something for this buyer (a request made, a photo asked, a weekday set) is not suggested', async () => {
      const missed = '这个问题我不太确定，需要为您转接人工客服吗？';
      for (const reply of ['您好，那个电话不是我们打的。泡腾片的退款我帮您申请复核，请把味道异常那一管拍照发给我。', '这个我们下周三安排上门取件。']) {
        assert.equal(await suggestions.fromAgentReply(await conversation([['customer', '只吃了一片 味道不对 是不是假的'], ['bot', missed], ['agent', reply]])), null, reply);
      }
      const bin = "I'm not sure about that one. Would you like me to connect you to a human agent?";
      for (const reply of ['Please do not put it in the bin: our courier will collect it in a special fire-safe bag on Wednesday.', "Please don't bin it, we'll collect it tomorrow in a fire-safe bag."]) {
        assert.equal(await suggestions.fromAgentReply(await conversation([['customer', 'is it safe to put the old battery in the bin?'], ['bot', bin], ['agent', reply]])), null, reply);
      }
      // The days a shop works or ships, and a photo asked of anyone, are no arrangement (found in review).
      for (const reply of ['Our battery collection runs Monday to Friday, 9am to 5pm.', 'Battery collections are booked for the next working day; none run on Sunday.', 'If the battery arrives damaged, send us a photo of the label and we will replace it.']) {
        const s = await suggestions.fromAgentReply(await conversation([['customer', `when is the battery collection service running ${reply.length}`], ['bot', bin], ['agent', reply]]));
        assert.equal(s?.answer, reply, reply);
      }
    });

    test('an agent answering what the robot could not becomes a new-entry suggestion, once', async () => {
      const e = await conversation([
        ['customer', '你们的仓库在哪个城市'],
        ['bot', '抱歉，我没太明白，已为您转接人工客服。'],
        ['agent', '我们的仓库在浙江杭州，所有订单从杭州发出。'],
      ]);
      const s = await suggestions.fromAgentReply(e);
      assert.equal(s?.kind, 'entry');
      assert.equal(s?.question, '你们的仓库在哪个城市');
      assert.equal(s?.answer, '我们的仓库在浙江杭州，所有订单从杭州发出。');
      assert.equal(s?.faqEntryId, null);
      assert.equal(await suggestions.fromAgentReply(e), null, 'the same event twice records one suggestion');
    });

    test('a question close to an entry becomes an alternate of it', async () => {
      const s = await suggestions.fromAgentReply(await conversation([['customer', '发票寄到哪里'], ['bot', '您是想问：可以开发票吗？'], ['agent', '电子发票会发到您下单时填的邮箱。']]));
      assert.equal(s?.kind, 'alternate');
      assert.equal(s?.faqEntryId, invoiceId);
      assert.ok(s!.confidence > 0 && s!.confidence < 1);
    });

    test('nothing is suggested when the FAQ answers, when the robot never replied, or for a later agent message', async () => {
      assert.equal(await suggestions.fromAgentReply(await conversation([['customer', '运费怎么算'], ['bot', '满 99 元包邮'], ['agent', '是的']])), null);
      assert.equal(await suggestions.fromAgentReply(await conversation([['customer', '你们周末上班吗'], ['agent', '周末也有人在']])), null);
      const later = await conversation([['customer', '你们卖不卖帐篷'], ['bot', '没明白'], ['agent', '有的'], ['agent', '链接发您']], 4);
      assert.equal(await suggestions.fromAgentReply(later), null);
    });

    test("the robot's answer from the buyer's own data is no miss; an agent's greeting is neither answer nor a sign of one", async () => {
      const parcel = { type: 'logistics', orderId: 'SO1', carrier: '顺丰', trackingNo: 'SF1', status: 'in_transit', events: [] };
      // Asked where their parcel is, answered with its card, then 转人工: the agent's greeting and
      // "let me check" are not suggested, and the parcel question is not FAQ material at all.
      const flow: [Sender, string, object?][] = [['customer', '我的快递到哪了'], ['bot', '您的包裹在路上', parcel], ['customer', '转人工'], ['bot', '已为您转接人工客服'], ['agent', '您好，我是小王，请问有什么可以帮您？'], ['agent', '好的，马上帮您看看'], ['agent', '您的快递明天上午送到。']];
      for (let at = 5; at <= 7; at++) assert.equal(await suggestions.fromAgentReply(await conversation(flow, at)), null, `message ${at}`);
      // A real miss, then the greeting, then the answer: the answer is suggested for the question, not for 转人工.
      const missed: [Sender, string][] = [['customer', '你们的包装是环保材料吗'], ['bot', '抱歉，我没太明白'], ['customer', '转人工'], ['bot', '已为您转接人工客服'], ['agent', '您好，请问有什么可以帮您？'], ['agent', '是的，我们的纸箱和填充物都可回收。']];
      assert.equal(await suggestions.fromAgentReply(await conversation(missed, 5)), null, 'the greeting');
      const s = await suggestions.fromAgentReply(await conversation(missed, 6));
      assert.deepEqual([s?.question, s?.answer], ['你们的包装是环保材料吗', '是的，我们的纸箱和填充物都可回收。']);
    });

    test('an agent introducing themselves is no answer, in English or Chinese (eighteenth session)', async () => {
      for (const hello of ["Hi, this is Li from the shop, I'm looking into it now.", '您好，我是售后客服小李，正在帮您核实。']) {
        const flow: [Sender, string][] = [['customer', 'is it safe to leave it plugged in overnight'], ['bot', "I'm not sure about that one."], ['customer', 'human'], ['bot', 'Connecting you'], ['agent', hello]];
        assert.equal(await suggestions.fromAgentReply(await conversation(flow, 5)), null, hello);
      }
      // An introduction followed by an answer is an answer (found in review).
      for (const [ask, answer] of [['这款能戴着游泳吗', '我是客服小美，这款是防水的，可以放心游泳用'], ['can i send it back if i change my mind', "I'm Li from the store, returns are free within 7 days"], ['how long is the warranty', 'we will look into it and the warranty is one year']]) {
        const flow: [Sender, string][] = [['customer', ask!], ['bot', '抱歉，我没太明白'], ['customer', '转人工'], ['bot', '已为您转接人工客服'], ['agent', answer!]];
        assert.equal((await suggestions.fromAgentReply(await conversation(flow, 5)))?.answer, answer, answer);
      }
    });

    test('the listener on the event bus records it without the publisher waiting', async () => {
      const events = new ConversationEventBus({ log });
      const off = suggestions.subscribe(events);
      const e = await conversation([['customer', '可以刻字吗'], ['bot', '没明白'], ['agent', '可以免费刻 10 个字以内。']]);
      events.publish('messageStored', e);
      off();
      let found = false;
      for (let i = 0; i < 50 && !found; i++) {
        found = (await suggestions.list(shop)).some((s) => s.question === '可以刻字吗');
        if (!found) await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(found);
    });

    test('accepting adds the entry or the alternate in one transaction and bumps the FAQ version', async () => {
      const open = await suggestions.list(shop);
      const entry = open.find((s) => s.kind === 'entry' && s.question === '你们的仓库在哪个城市')!;
      const alt = open.find((s) => s.kind === 'alternate')!;
      const v0 = await knowledge.version(shop);
      const a = await suggestions.accept(shop, entry.id, 'admin_1');
      assert.equal(a.suggestion.status, 'accepted');
      assert.equal(a.entry.question, '你们的仓库在哪个城市');
      assert.equal(a.entry.answer, entry.answer);
      assert.ok((await knowledge.version(shop)) > v0);
      const b = await suggestions.accept(shop, alt.id, 'admin_1');
      assert.deepEqual(b.entry.alternates, ['发票寄到哪里']);
      assert.deepEqual((await knowledge.getFaq(shop, invoiceId)).alternates, ['发票寄到哪里']);
      // The robot's FAQ now answers both questions word for word.
      assert.equal((await faq.search(shop, '你们的仓库在哪个城市'))?.entry.id, a.entry.id);
      assert.equal((await faq.search(shop, '发票寄到哪里'))?.entry.id, invoiceId);
      const left = await suggestions.list(shop);
      assert.ok(!left.some((s) => s.id === entry.id || s.id === alt.id), 'decided suggestions leave the list');
      assert.equal(await code(suggestions.accept(shop, entry.id, 'admin_1')), 'CONFLICT');
    });

    test('two agents answered the same question: the second accept is refused, naming the entry, and adds nothing', async () => {
      const ask = '你们支持货到付款吗';
      const first = await suggestions.fromAgentReply(await conversation([['customer', ask], ['bot', '没明白'], ['agent', '支持，部分地区。']]));
      // Found from outside: the same question with a question mark was accepted as a second entry.
      const second = await suggestions.fromAgentReply(await conversation([['customer', ` ${ask}？`], ['bot', '没明白'], ['agent', '不支持。']]));
      assert.ok(first && second);
      const a = await suggestions.accept(shop, first.id, 'admin_1');
      const count = (await knowledge.listFaq(shop)).length;
      await assert.rejects(suggestions.accept(shop, second.id, 'admin_1'), (e: KefuError) => e.code === 'CONFLICT' && e.details?.faqEntryId === a.entry.id);
      assert.equal((await knowledge.listFaq(shop)).length, count, 'no second entry');
      assert.ok((await suggestions.list(shop)).some((s) => s.id === second.id), 'still open: the admin can dismiss it or edit the entry');
    });

    test('dismiss, other shops, unknown ids and a deleted entry: clear codes, nothing half-written', async () => {
      const s = await suggestions.fromAgentReply(await conversation([['customer', '能寄到国外吗'], ['bot', '没明白'], ['agent', '目前只发国内。']]));
      assert.equal(await code(suggestions.accept('other-shop', s!.id, 'x')), 'NOT_FOUND');
      assert.equal(await code(suggestions.dismiss(shop, 'nope', 'x')), 'NOT_FOUND');
      assert.equal((await suggestions.dismiss(shop, s!.id, 'admin_1')).status, 'dismissed');
      assert.equal(await code(suggestions.accept(shop, s!.id, 'admin_1')), 'CONFLICT');

      const entry = await knowledge.createFaq(shop, { question: '支持花呗吗', answer: '支持花呗分期。' });
      faq.invalidate(shop);
      const alt = await suggestions.fromAgentReply(await conversation([['customer', '花呗能分几期'], ['bot', '您是想问：支持花呗吗？'], ['agent', '3 期免息。']]));
      assert.equal(alt?.kind, 'alternate');
      assert.equal(alt?.faqEntryId, entry.id);
      await knowledge.deleteFaq(shop, entry.id);
      const v = await knowledge.version(shop);
      assert.equal(await code(suggestions.accept(shop, alt!.id, 'admin_1')), 'NOT_FOUND');
      assert.equal(await knowledge.version(shop), v, 'the version bump rolled back');
      assert.ok((await suggestions.list(shop)).some((x) => x.id === alt!.id), 'still open');
    });
  });
}

/** The caller from test headers instead of a JWT, with the contract's 401/403 checks. */
async function fakeAuthorize(req: FastifyRequest, opts: { roles: Role[]; shopId?: string }): Promise<Principal> {
  const role = req.headers['x-test-role'];
  if (typeof role !== 'string') throw new KefuError('UNAUTHORIZED', 'missing token');
  const p: Principal = { userId: 'admin_1', roles: new Set([role as Role]), shopId: req.headers['x-test-shop'] as string | undefined, name: undefined, expiresAt: undefined };
  if (!opts.roles.some((r) => p.roles.has(r))) throw new KefuError('FORBIDDEN', `requires role ${opts.roles.join(' or ')}`);
  if (opts.shopId !== undefined && p.shopId !== opts.shopId) throw new KefuError('FORBIDDEN', 'token may not act for this shop');
  return p;
}

for (const factory of SQL_FACTORIES) {
  describe(`FAQ suggestions REST on ${factory.name}`, { skip: factory.skip }, () => {
    let store: SqlStore;
    let app: FastifyInstance;
    const changed: string[] = [];
    const shop = `shop-${randomUUID().slice(0, 8)}`;
    let id = '';

    before(async () => {
      store = await factory.create();
      const knowledge = new KnowledgeService(store);
      const faq = new FaqIndexProvider({ load: (s) => knowledge.listFaq(s) });
      const suggestions = new FaqSuggestionService({ sql: store, faq, log });
      app = Fastify({ logger: false });
      app.setErrorHandler((err, _req, reply) => (isKefuError(err) ? reply.code(err.status).send(err.toBody()) : reply.code(500).send({ error: { code: 'INTERNAL' } })));
      app.register(async (api) => registerSuggestionRoutes(api, { suggestions, authorize: fakeAuthorize, onChanged: (s) => changed.push(s) }), { prefix: '/api/v1' });
      await app.ready();
      const c = randomUUID();
      await sql`insert into conversations (id, shop_id, buyer_id, state, last_seq) values (${c}, ${shop}, 'b1', 'assigned', 3)`.execute(store.db);
      for (const [seq, role, text] of [[1, 'customer', '可以送货上门安装吗'], [2, 'bot', '没明白'], [3, 'agent', '可以，同城免费上门安装。']] as const) {
        await sql`insert into messages (conversation_id, seq, shop_id, sender_role, sender_id, content) values (${c}, ${seq}, ${shop}, ${role}, ${role}, ${JSON.stringify({ kind: 'text', text })})`.execute(store.db);
      }
      const e = { shopId: shop, conversationId: c, buyerId: 'b1', senderRole: 'agent', state: 'assigned', message: { seq: 3, content: { kind: 'text', text: '可以，同城免费上门安装。' } } };
      id = (await suggestions.fromAgentReply(e as unknown as ConversationEvents['messageStored']))!.id;
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    const admin = { 'x-test-role': 'admin', 'x-test-shop': shop };
    const base = `/api/v1/shops/${shop}/faq/suggestions`;

    test('only the shop admin lists and decides; agents and other shops get 403', async () => {
      assert.equal((await app.inject({ method: 'GET', url: base, headers: { 'x-test-role': 'agent', 'x-test-shop': shop } })).statusCode, 403);
      assert.equal((await app.inject({ method: 'GET', url: base, headers: { 'x-test-role': 'admin', 'x-test-shop': 'other' } })).statusCode, 403);
      assert.equal((await app.inject({ method: 'POST', url: `${base}/${id}/accept`, headers: { 'x-test-role': 'agent', 'x-test-shop': shop } })).statusCode, 403);
      assert.equal((await app.inject({ method: 'GET', url: base })).statusCode, 401);
      const list = await app.inject({ method: 'GET', url: base, headers: admin });
      assert.equal(list.statusCode, 200);
      assert.deepEqual((list.json() as { items: { id: string; question: string; kind: string }[] }).items.map((x) => [x.id, x.question, x.kind]), [[id, '可以送货上门安装吗', 'entry']]);
    });

    test('accept answers the suggestion and the new entry and tells every node; a second decision is 409', async () => {
      const r = await app.inject({ method: 'POST', url: `${base}/${id}/accept`, headers: admin });
      assert.equal(r.statusCode, 200);
      const body = r.json() as { suggestion: { status: string }; entry: { question: string; answer: string } };
      assert.equal(body.suggestion.status, 'accepted');
      assert.deepEqual([body.entry.question, body.entry.answer], ['可以送货上门安装吗', '可以，同城免费上门安装。']);
      assert.deepEqual(changed, [shop]);
      const again = await app.inject({ method: 'POST', url: `${base}/${id}/dismiss`, headers: admin });
      assert.equal(again.statusCode, 409);
      assert.equal((again.json() as { error: { code: string } }).error.code, 'CONFLICT');
      assert.equal((await app.inject({ method: 'POST', url: `${base}/nope/accept`, headers: admin })).statusCode, 404);
    });
  });
}
