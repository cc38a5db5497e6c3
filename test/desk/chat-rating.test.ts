/**
 * A score typed in the chat after the rating request rates the closed conversation (a buyer on a
 * text-only client), on every SQL adapter; anything else stays the robot's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { sql } from 'kysely';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { chatRating, typedScore, type TypedMessage } from '../../src/desk/index.ts';
import type { Principal } from '../../src/auth/index.ts';
import type { Taken } from '../../src/robot/index.ts';
import { as, closeConversation, createDesk, openConversation, type Desk } from './support.ts';

after(dropTestSchemas);

describe('a score typed in the chat', () => {
  test('scores in Chinese and English, with a short comment after a unit', () => {
    const cases: Array<[string, number, string?]> = [
      ['5', 5],
      ['5分', 5],
      ['５分！', 5],
      ['五星好评', 5],
      ['打4分吧', 4],
      ['5，谢谢', 5],
      ['5 thanks', 5],
      ['给你五星', 5],
      ['3分，回复有点慢', 3, '回复有点慢'],
      ['满分', 5],
      ['4 stars', 4],
      ['5/5 very helpful', 5, 'very helpful'],
      ['I give you five stars', 5],
      ['2 👎', 2],
      ['1', 1],
      // A particle before the comment (twenty-fourth session, found from outside).
      ['4星吧 等太久了', 4, '等太久了'],
      // Singlish particles, and thanks before a score with its unit (a Singapore shop, thirty-sixth session).
      ['5 thanks ah', 5],
      ['4 stars lor, still waiting for my table', 4, 'still waiting for my table'],
      ['oh solid, thanks! 5 stars for u', 5],
      ['谢谢 5分', 5],
      // Thirty-eighth session, from outside: a 呢 that tells after 分, Spanish stars, praise run on after 分.
      ['3分 东西还没到手呢 先给3分', 3, '东西还没到手呢 先给3分'],
      ['5 estrellas!! super helpful', 5, 'super helpful'],
      ['给你打五分那个那个五星好评', 5, '那个那个五星好评'],
      // Minnan's 粒 for stars (a Xiamen shop).
      ['给你五粒星 服务足好', 5, '服务足好'],
    ];
    for (const [text, score, comment] of cases) assert.deepEqual(typedScore(text), comment ? { score, comment } : { score }, text);
  });

  test('numbers that are not a rating stay the robot\'s', () => {
    for (const text of ['5分钟了还没人回', '3星期了还没到', '3号那单', '2 items missing', '6分', '0', '12', '5号发货吗', '我的快递到哪了', '5块钱的券', 'five days late', '4件都没到',
      // Found in review: a brand, a unit going on into another word, a question after the score.
      '三星手机有货吗', '五星好评有返现吗', '一分钱都没退给我', '5分多钟了还没人回', '两分半钟了没人理', '五分裤有黑色吗', '三分糖可以吗', '四分之一的货没到', '4/5 items arrived', '3 points missing',
      // After thanks or an ok, only with a unit: "ok 2" may pick from a list.
      'ok 2', 'thanks 5', 'ok 3 days?', '2 days ah']) {
      assert.equal(typedScore(text), undefined, text);
    }
  });
});

const buyer = (userId: string): Principal => ({ userId, roles: new Set(['customer']), shopId: undefined, name: undefined, expiresAt: undefined });

for (const factory of SQL_FACTORIES) {
  describe(`a rating typed in the chat on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk; take: (m: TypedMessage) => Promise<Taken> };
    before(async () => {
      st.desk = await createDesk(factory);
      st.take = chatRating({ db: st.desk.sql.db, conversations: st.desk.conversations, log: pino({ level: process.env.DBG ? 'debug' : 'silent' }), onRated: (r) => void st.desk.rated.push(r) });
    });
    after(() => st.desk?.close());

    /** The buyer's next message to the shop: a new conversation once the last one closed. */
    const say = async (shopId: string, buyerId: string, text: string): Promise<TypedMessage> => {
      const r = await st.desk.conversations.send(buyer(buyerId), { id: `t${text}${Math.random()}`, shopId, clientMsgId: `c${Math.random()}`, content: { kind: 'text', text } });
      return { shopId, buyerId, conversationId: r.ack.conversationId, seq: r.ack.seq, text };
    };

    test('"5分" after a person closed: the rating is stored with its holder, the buyer thanked, once', async () => {
      const { desk, take } = st;
      const old = await openConversation(desk, 'shop_cr', 'buyer_cr1');
      await closeConversation(desk, old, 'agent_cr');
      desk.rated.length = 0;
      const m = await say('shop_cr', 'buyer_cr1', '5分 很耐心');
      assert.notEqual(m.conversationId, old, 'a new conversation');
      assert.equal(await take(m), true);
      const rows = await desk.sql.db.selectFrom('conversation_ratings').selectAll().where('conversation_id', '=', old).execute();
      assert.deepEqual(rows.map((x) => [x.agent_id, x.score, x.comment]), [['agent_cr', 5, '很耐心']]);
      assert.deepEqual(desk.rated.map((x) => x.score), [5]);
      const history = await desk.conversations.sync({ ...buyer('buyer_cr1') }, m.conversationId, 0);
      assert.deepEqual(history.messages.map((x) => [x.sender.role, x.content.kind === 'text' && /感谢您的评价（5 分）/.test(x.content.text)]), [['customer', false], ['system', true]]);
      // A question left in the comment is the robot's after the thanks (forty-third session, a Shanghai shop: the refund asked dropped).
      const asks = await openConversation(desk, 'shop_cr', 'buyer_cr7');
      await closeConversation(desk, asks, 'agent_cr');
      assert.deepEqual(await take(await say('shop_cr', 'buyer_cr7', '1分 根本没人理我 钱到底退没退')), { rest: '根本没人理我 钱到底退没退' });
      assert.equal((await desk.sql.db.selectFrom('conversation_ratings').select('score').where('conversation_id', '=', asks).executeTakeFirstOrThrow()).score, 1);
      // Rated already (on another device, over REST): thanked for the one given, nothing changed.
      const rated = await openConversation(desk, 'shop_cr', 'buyer_cr6');
      await closeConversation(desk, rated, 'agent_cr');
      const rest = await desk.app.inject({ method: 'POST', url: `/api/v1/conversations/${rated}/rating`, headers: as.buyer('buyer_cr6'), payload: { score: 2 } });
      assert.equal(rest.statusCode, 201);
      const again = await say('shop_cr', 'buyer_cr6', '5分');
      assert.equal(await take(again), true);
      assert.equal((await desk.sql.db.selectFrom('conversation_ratings').select('score').where('conversation_id', '=', rated).executeTakeFirstOrThrow()).score, 2);
      const told = (await desk.conversations.sync(buyer('buyer_cr6'), again.conversationId, 0)).messages.at(-1);
      assert.match(told?.content.kind === 'text' ? told.content.text : '', /已经评价过了/);
    });

    // Found from outside (thirty-ninth session, a Taipei shop): "5", "5分 感恩" were thanked in simplified characters.
    test('a score that tells no script is thanked in the script of the rated conversation', async () => {
      const { desk, take } = st;
      const old = await openConversation(desk, 'shop_cr', 'buyer_cr_tw');
      await desk.conversations.send(buyer('buyer_cr_tw'), { id: 'tw-1', shopId: 'shop_cr', clientMsgId: 'tw-1', content: { kind: 'text', text: '請問封口機幾時出貨' } });
      await closeConversation(desk, old, 'agent_cr');
      const m = await say('shop_cr', 'buyer_cr_tw', '5分 感恩');
      assert.equal(await take(m), true);
      const told = (await desk.conversations.sync(buyer('buyer_cr_tw'), m.conversationId, 0)).messages.at(-1);
      assert.match(told?.content.kind === 'text' ? told.content.text : '', /感謝您的評價（5 分）/);
    });

    test('not taken: a conversation only the robot saw, one closed too long ago, a second message, no score', async () => {
      const { desk, take } = st;
      const botOnly = await openConversation(desk, 'shop_cr', 'buyer_cr2');
      await desk.conversations.setState(botOnly, { state: 'closed' });
      assert.equal(await take(await say('shop_cr', 'buyer_cr2', '5')), false, 'nobody served the last one');

      const stale = await openConversation(desk, 'shop_cr', 'buyer_cr3');
      await closeConversation(desk, stale, 'agent_cr');
      await sql`update conversations set closed_at = now() - interval '25 hours' where id = ${stale}`.execute(desk.sql.db);
      assert.equal(await take(await say('shop_cr', 'buyer_cr3', '5')), false, 'asked more than a day ago');

      const served = await openConversation(desk, 'shop_cr', 'buyer_cr4');
      await closeConversation(desk, served, 'agent_cr');
      const first = await say('shop_cr', 'buyer_cr4', '我的快递到哪了');
      assert.equal(await take(first), false, 'a question');
      assert.equal(await take(await say('shop_cr', 'buyer_cr4', '5')), false, 'a bare score, not the first message of the new conversation');
      assert.equal((await desk.sql.db.selectFrom('conversation_ratings').select('score').where('conversation_id', '=', served).execute()).length, 0);
      // Another shop's closed conversation is not this shop's to rate.
      assert.equal(await take(await say('shop_cr_other', 'buyer_cr4', '5')), false, 'another shop');
    });

    // Found from outside: "3 - slow at first…" was not read, and the buyer's "3/5" after it was refused.
    test('a score with a unit typed again in the first messages rates; a bare one or a late one does not', async () => {
      const { desk, take } = st;
      const served = await openConversation(desk, 'shop_cr', 'buyer_cr9');
      await closeConversation(desk, served, 'agent_cr');
      assert.equal(await take(await say('shop_cr', 'buyer_cr9', 'did you get it')), false, 'no score');
      assert.equal(await take(await say('shop_cr', 'buyer_cr9', '4')), false, 'bare, later: it may answer the robot');
      const again = await say('shop_cr', 'buyer_cr9', '3/5 took ages tbh');
      assert.equal(again.seq, 3);
      assert.equal(await take(again), true);
      const rows = await desk.sql.db.selectFrom('conversation_ratings').select(['score', 'comment']).where('conversation_id', '=', served).execute();
      assert.deepEqual(rows, [{ score: 3, comment: 'took ages tbh' }]);
      const late = await openConversation(desk, 'shop_cr', 'buyer_cr10');
      await closeConversation(desk, late, 'agent_cr');
      for (let i = 0; i < 6; i++) await say('shop_cr', 'buyer_cr10', `question ${i}`);
      const seventh = await say('shop_cr', 'buyer_cr10', '5 stars');
      assert.equal(seventh.seq, 7);
      assert.equal(await take(seventh), false, 'well into the new conversation');
    });

    // Forty-fifth session: "… 5 for shane" rates when Shane served; "perfect. 3 for xmas" names nobody who did.
    test('a score given for someone by name rates only when that person served', async () => {
      const { desk, take } = st;
      const served = async (buyerId: string, name: string | undefined = 'Shane Murphy', before = 0) => {
        const id = await openConversation(desk, 'shop_cr', buyerId);
        await desk.conversations.setState(id, { state: 'queued' });
        await desk.conversations.setState(id, { state: 'assigned', agentId: 'agent_sm' });
        for (let i = 0; i < before; i++) await desk.conversations.postAs(id, { role: 'agent', id: 'agent_tj', name: 'Tom Jones' }, { kind: 'text', text: `step ${i}` });
        await desk.conversations.postAs(id, { role: 'agent', id: 'agent_sm', ...(name ? { name } : {}) }, { kind: 'text', text: 'all sorted now' });
        await desk.conversations.setState(id, { state: 'closed' });
        return id;
      };
      const shane = await served('buyer_cr_sh');
      assert.equal(await take(await say('shop_cr', 'buyer_cr_sh', 'hes ok, doc says all good. 5 for shane')), true);
      assert.equal((await desk.sql.db.selectFrom('conversation_ratings').select('score').where('conversation_id', '=', shane).executeTakeFirstOrThrow()).score, 5);
      const xmas = await served('buyer_cr_xm');
      assert.equal(await take(await say('shop_cr', 'buyer_cr_xm', 'perfect. 3 for xmas')), false);
      assert.equal(await desk.sql.db.selectFrom('conversation_ratings').select('score').where('conversation_id', '=', xmas).executeTakeFirst(), undefined);
      // Found in review: a fada, a hyphen, another agent's 25 messages first, an agent with no name (then thanks before it stands).
      await served('buyer_cr_sean', 'Seán Ó Briain');
      assert.equal(await take(await say('shop_cr', 'buyer_cr_sean', 'grand. 5 for sean')), true);
      await served('buyer_cr_hy', 'Shane-Murphy');
      assert.equal(await take(await say('shop_cr', 'buyer_cr_hy', 'thanks. 5 for shane')), true);
      await served('buyer_cr_25', 'Shane Murphy', 25);
      assert.equal(await take(await say('shop_cr', 'buyer_cr_25', 'thanks. 5 for shane')), true);
      await served('buyer_cr_sa', 'Seán Ó Briain');
      assert.equal(await take(await say('shop_cr', 'buyer_cr_sa', 'thanks so much. 5 for Seán')), true);
      await served('buyer_cr_mk', 'Mary-Kate Byrne');
      assert.equal(await take(await say('shop_cr', 'buyer_cr_mk', 'cheers. 5 for mary-kate')), true);
      // No agent's name on record: "for <name>" cannot be told from "3 for xmas", so nothing is stored.
      await served('buyer_cr_nn', undefined);
      assert.equal(await take(await say('shop_cr', 'buyer_cr_nn', 'perfect. 3 for xmas')), false);
    });

    // Found in review (forty-fifth session): "perfect thanks, 2" answering "How many would you like?" was stored as two stars.
    test('a bare score answering the agent\'s "how many?" is no rating; with its unit it is', async () => {
      const { desk, take } = st;
      const asked = async (buyerId: string, question: string) => {
        const id = await openConversation(desk, 'shop_cr', buyerId);
        await desk.conversations.setState(id, { state: 'queued' });
        await desk.conversations.setState(id, { state: 'assigned', agentId: 'agent_sm' });
        await desk.conversations.postAs(id, { role: 'agent', id: 'agent_sm', name: 'Shane Murphy' }, { kind: 'text', text: question });
        await desk.conversations.setState(id, { state: 'closed' });
      };
      // A rating asked is no number asked; an emoji after the question still asks (found in a sixth review).
      const cases: Array<[string, string, boolean]> = [
        ['How many would you like me to send?', 'perfect thanks, 2', false],
        ['您要几个？', '2', false],
        ['您要几个？', '4分', true],
        ['Is there anything else?', 'thanks, 5', true],
        ['How many stars would you give us today?', '5', true],
        ['How many do you need? 😊', '2', false],
        ['Which size do you need?', 'ok thanks, 4', false],
        ['宝宝几岁了？', '2', false],
        ['您星期几方便收货？', '5', false],
        ['您的身高多少公分？', '5', false],
        ['How many Star Wars figures would you like?', '2', false],
        ['您觉得可以打多少分？', '5', true],
        ['请问您给这次服务评几颗星？', '5', true],
        ['满分5分 您会给多少？', '5', true],
        ['How many stars should we get today?', '5', true],
        ['快递大概还要几天，您耐心等一下哈，还有别的问题吗？', '谢谢，5', true],
      ];
      for (const [i, [question, answer, rated]] of cases.entries()) {
        await asked(`buyer_cr_hm${i}`, question);
        assert.equal(await take(await say('shop_cr', `buyer_cr_hm${i}`, answer)), rated, `${question} → ${answer}`);
      }
    });

    test('English gets English thanks; a store that fails leaves it to the robot', async () => {
      const { desk, take } = st;
      const old = await openConversation(desk, 'shop_cr', 'buyer_cr5');
      await closeConversation(desk, old, 'agent_cr');
      const m = await say('shop_cr', 'buyer_cr5', '4 stars');
      assert.equal(await take(m), true);
      const last = (await desk.conversations.sync(buyer('buyer_cr5'), m.conversationId, 0)).messages.at(-1);
      assert.match(last?.content.kind === 'text' ? last.content.text : '', /Thank you for your rating \(4 out of 5\)/);
      // A bare "5" from a buyer who wrote English before: thanked in English.
      const en = await desk.conversations.send(buyer('buyer_cr7'), { id: 'en1', shopId: 'shop_cr', clientMsgId: 'en1', content: { kind: 'text', text: 'where is my parcel' } });
      await closeConversation(desk, en.ack.conversationId, 'agent_cr');
      const bare = await say('shop_cr', 'buyer_cr7', '5');
      assert.equal(await take(bare), true);
      const thanked = (await desk.conversations.sync(buyer('buyer_cr7'), bare.conversationId, 0)).messages.at(-1);
      assert.match(thanked?.content.kind === 'text' ? thanked.content.text : '', /Thank you for your rating \(5 out of 5\)/);
      // Traditional characters typed: thanked in them.
      const hant = await openConversation(desk, 'shop_cr', 'buyer_cr8');
      await closeConversation(desk, hant, 'agent_cr');
      const trad = await say('shop_cr', 'buyer_cr8', '5分，客服態度很好');
      assert.equal(await take(trad), true);
      const told = (await desk.conversations.sync(buyer('buyer_cr8'), trad.conversationId, 0)).messages.at(-1);
      assert.match(told?.content.kind === 'text' ? told.content.text : '', /感謝您的評價/);
      const broken = chatRating({ db: { selectFrom: () => { throw new Error('connection refused'); } } as never, conversations: desk.conversations, log: pino({ level: 'silent' }) });
      assert.equal(await broken({ ...m, seq: 1 }), false);
    });
  });
}

describe('comments after a typed score (second review)', () => {
  test('a comment that says something is kept, whatever its words; one that asks is no rating', () => {
    for (const [text, score, comment] of [['5 stars, service is great', 5, 'service is great'], ['3 stars, could be faster', 3, 'could be faster'], ['4 stars, took 3 days to reply', 4, 'took 3 days to reply'], ['1 star do better', 1, 'do better'], ['1分 什么破服务', 1, '什么破服务'], ['3 out of 5, the robot is useless', 3, 'the robot is useless']] as const) {
      assert.deepEqual(typedScore(text), { score, comment }, text);
    }
    for (const text of ['5分，有没有优惠', '5 stars, can you send me the invoice', '4 stars? how do i rate']) assert.equal(typedScore(text), undefined, text);
  });

  // Found from outside (thirty-fifth session): a dash or a comma after a bare score, and the buyer thought they had rated.
  test('a bare score with a comment set apart by a dash or a comma; not a range or a list of numbers', () => {
    for (const [text, score, comment] of [['3 - slow at first but Ah Ka was helpful', 3, 'slow at first but Ah Ka was helpful'], ['5, thank you ever so much', 5, 'thank you ever so much'], ['5 - thanks Sam, you\'re a star', 5, 'thanks Sam, you\'re a star'], ['4 — 很好', 4, '很好']] as const) {
      assert.deepEqual(typedScore(text), { score, comment }, text);
    }
    for (const text of ['3-5 days', '2-3', '3, 4', '1, 2 and 3', '3 - 4 days?', '5, where is my order', '5 -', '2.5 stars?', '2.5kg', '3. where is my order?']) assert.equal(typedScore(text), undefined, text);
    // A full stop and a space (forty-second session, a Sydney shop: a new conversation handed to a person instead).
    assert.deepEqual(typedScore('2. had to wait ages for the bot to get it'), { score: 2, comment: 'had to wait ages for the bot to get it' });
    // A list, not a rating (found in review).
    for (const text of ['1. i need a refund', '1. cancel my order', '2. the blue one please']) assert.equal(typedScore(text), undefined, text);
    // A space and words of the service (forty-third session, a Houston shop: "thank u" and a new conversation handed to a person).
    assert.deepEqual(typedScore('5 she passed it, doctors said lucky. thank u'), { score: 5, comment: 'she passed it, doctors said lucky. thank u' });
    assert.deepEqual(typedScore('2 the bot was useless but Rosa was great'), { score: 2, comment: 'the bot was useless but Rosa was great' });
    // Things counted, a request, or nothing of the service: no rating.
    for (const text of ['2 kids loved it thanks', '3 boxes came thanks', '2 slow cookers arrived broken', '2 the bot gave me the wrong order, i want a refund', '1 more thing, can you check', '3 of them were great', '1 thank you card was missing from the box', '3 support straps arrived broken', '4 robot vacuums arrived today', '2 staff shirts still missing', '1 service charge appeared on my card', '2 kind of cable came, I ordered usb-c']) assert.equal(typedScore(text), undefined, text);
    // A name ending in s, and praise of the service (found in review).
    for (const text of ['5 james was so helpful', '5 as always great service']) assert.equal(typedScore(text)?.score, 5, text);
    // Taiwan's particles (a Taipei shop, thirty-fifth session: "3分啦 …" lost).
    assert.deepEqual(typedScore('3分啦 船期的事早點講嘛'), { score: 3, comment: '船期的事早點講嘛' });
    assert.deepEqual(typedScore('5分喔'), { score: 5 });
  });
});

// Found from outside (thirty-ninth session, four shops): a score after words of the buyer's own was lost, and "…4分吧 机器人有点笨😂"
// sent a buyer back to the queue.
describe('a score after words of the buyer\'s own', () => {
  test('with its unit anywhere, or bare closing thanks; the rest is the comment', () => {
    const cases = [
      ['好滴 爱你们 4分吧 机器人有点笨😂', 4, '好滴 爱你们 机器人有点笨😂'],
      ['好吧 那我明天再看看 3分', 3, '好吧 那我明天再看看'],
      ['sound, photos coming. 4/5', 4, 'sound, photos coming'],
      ["ok washed them, it's calming down now. 5 stars for that, thank you", 5, "ok washed them, it's calming down now. thank you"],
      ['omg thank you, I nearly paid them. 5', 5, 'omg thank you, I nearly paid them'],
    ] as const;
    for (const [text, score, comment] of cases) assert.deepEqual(typedScore(text), { score, comment }, text);
  });
  test('no score given before, two scores, a question, a unit going on into a word, or a bare number without thanks', () => {
    for (const text of ['上次那个客服我给了1分 这次好多了', 'I gave it 1 star last time, this time better', '住5星酒店', '五星红旗有卖吗', '等了5分钟了', '我买了3星期了', '这个评分4分吗', 'please send 3 of them. 5', '想想 3分 还是 4分 纠结', 'Harriet was lovely btw, 4 is for the wait', 'is it 5 stars?',
      // Found in review: Samsung, items counted, a date or a size after thanks, a score given before.
      '我手机是三星，壳子尺寸不对 要换', '我的是三星 S23 发来的壳子装不上', 'I only received 3/5, the other two are missing', 'Thanks, I need it by Dec. 5', 'Thanks. The box says size no. 5', '之前评的2星，这次的客服好多了', '上次打的1分 这次的货也有问题']) {
      assert.equal(typedScore(text), undefined, text);
    }
  });
});

// Found from outside (forty-fourth session): Taiwan's 顆星 and 給, a star emoji, Cantonese 俾你哋 and "give u" were not stored, or
// stored with the words that gave the score as the comment.
describe('scores given in more words', () => {
  test('顆星, 給, 俾你哋, ⭐, "give u"; the giving words are no comment', () => {
    const cases: Array<[string, number, string | undefined]> = [
      ['5顆星', 5, undefined],
      ['五顆星', 5, undefined],
      ['5⭐️ 超讚', 5, '超讚'],
      ['給五顆星 不過你們的機器人有夠笨', 5, '不過你們的機器人有夠笨'],
      ['俾你哋5星！', 5, undefined],
      ['片子照了没得事 虚惊一场 给你们5分 小李服务好', 5, '片子照了没得事 虚惊一场 小李服务好'],
      ['give u 5 star girl', 5, 'girl'],
    ];
    for (const [text, score, comment] of cases) assert.deepEqual(typedScore(text), comment === undefined ? { score } : { score, comment }, text);
    for (const text of ['5⭐ hotel nearby?', '我手机是三星', '給我5顆', '俾5蚊']) assert.equal(typedScore(text), undefined, text);
    // Found in review: a chance or days given is no score; 好评 and 差评 keep their 评.
    for (const text of ['给你们1次机会 客服再不回我就投诉', '給你們3天 客服再不回就投訴', '俾你哋3日時間 客服唔好再拖', 'give u 1 more chance, thanks', 'give you 2 more days, thank you']) assert.equal(typedScore(text), undefined, text);
    assert.deepEqual(typedScore('差评 1星 东西都是坏的'), { score: 1, comment: '差评 东西都是坏的' });
    assert.deepEqual(typedScore('必须好评 5星 小哥送货快'), { score: 5, comment: '必须好评 小哥送货快' });
    assert.deepEqual(typedScore('i give 5'), { score: 5 });
  });
});

// Found from outside (forty-fifth session): a kiss after the score, stars typed as the score, a no before it, a score given to
// the agent by name closing a sentence were not stored (one answered in Chinese in an English shop).
describe('scores as British, Australian and Guangzhou buyers typed them', () => {
  test('"4 x", "⭐⭐⭐⭐⭐ 谢谢…", "no. 4 stars for kirsty", "… 5 for shane"', () => {
    const cases: Array<[string, number, string | undefined]> = [
      ['4 x', 4, undefined],
      ['5 xx', 5, undefined],
      ['⭐⭐⭐⭐⭐ 谢谢小美姐姐', 5, '谢谢小美姐姐'],
      ['⭐️⭐️⭐️', 3, undefined],
      ['no. 4 stars for kirsty', 4, 'for kirsty'],
    ];
    for (const [text, score, comment] of cases) assert.deepEqual(typedScore(text), comment === undefined ? { score } : { score, comment }, text);
    // Given for someone by name: stored only if that person served (checked against the conversation below).
    assert.deepEqual(typedScore('hes ok, doc says all good. 5 for shane'), { score: 5, comment: 'hes ok, doc says all good', forName: 'shane' });
    for (const text of ['4 x 2', 'no 2', '⭐⭐⭐⭐⭐⭐', '⭐⭐ 东西到了吗', 'got 2. 5 for shane', 'size 4 xl']) assert.equal(typedScore(text), undefined, text);
    // After a comma, with or without the kiss ("thanks, 5": found in review, lost); "how many?" answered is read against the conversation.
    assert.deepEqual(typedScore('grand job, 4 x'), { score: 4, comment: 'grand job' });
    for (const [text, score] of [['thanks, 5', 5], ['谢谢，5', 5], ['great service, 5', 5]] as const) assert.equal(typedScore(text)?.score, score, text);
    assert.equal(typedScore('thanks so much. 5 for Seán')?.forName, 'seán');
  });
});

// Found in review (forty-fifth session): one star beside praise, a number of things for a day or a place, a no before a star of
// something else, and a question in the comment after stars.
describe('scores, narrowed in review', () => {
  test('not ratings: "⭐ 好评", "perfect. 3 for xmas", "no, 1 star reviews are fake"', () => {
    for (const text of ['⭐ 好评', '⭐谢谢', "⭐️ you're a star, thanks", 'no, 1 star reviews are fake', 'no 4 star hotel near here']) {
      assert.equal(typedScore(text), undefined, text);
    }
    // A number for a day, a place or things reads "for" a word that is no name of the person who served: refused when stored (below).
    assert.equal(typedScore('perfect. 3 for xmas')?.forName, 'xmas');
    assert.deepEqual(typedScore('great. 5 for kirsty!'), { score: 5, comment: 'great', forName: 'kirsty' });
  });
});
