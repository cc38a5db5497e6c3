/**
 * A buyer answering the question an agent asked just before closing goes back to a person, on every SQL adapter; thanks, an
 * agent's last words that ask nothing, the buyer's own last words, a later message or a second new conversation stay the robot's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { closedQuestionAnswered, noteClosingQuestions, type TypedMessage } from '../../src/desk/index.ts';
import type { Principal } from '../../src/auth/index.ts';
import type { Taken } from '../../src/robot/index.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import { createDesk, openConversation, type Desk } from './support.ts';

after(dropTestSchemas);

const buyer = (userId: string): Principal => ({ userId, roles: new Set(['customer']), shopId: undefined, name: undefined, expiresAt: undefined });

for (const factory of SQL_FACTORIES) {
  // Found from outside (forty-fifth session, a Hangzhou tea shop): "您看换哪个？", closed; "换菊花茶吧 谢谢你" was "不客气，祝您购物愉快".
  describe(`an answer to an agent's closing question on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk; take: (m: TypedMessage) => Promise<Taken> };
    before(async () => {
      st.desk = await createDesk(factory);
      const d = { db: st.desk.sql.db, cache: new MemoryCache(), log: pino({ level: 'silent' }) };
      noteClosingQuestions(d, st.desk.events);
      st.take = closedQuestionAnswered(d);
    });
    after(() => st.desk?.close());

    const say = async (buyerId: string, text: string): Promise<TypedMessage> => {
      const r = await st.desk.conversations.send(buyer(buyerId), { id: `t${text}${Math.random()}`, shopId: 'shop_fu', clientMsgId: `c${Math.random()}`, content: { kind: 'text', text } });
      return { shopId: 'shop_fu', buyerId, conversationId: r.ack.conversationId, seq: r.ack.seq, text };
    };
    /** A conversation a person held, the agent's `last` words (and then the buyer's, when given), closed. */
    const closedAfter = async (buyerId: string, last: string, buyerAfter?: string): Promise<void> => {
      const id = await openConversation(st.desk, 'shop_fu', buyerId);
      await st.desk.conversations.setState(id, { state: 'queued' });
      await st.desk.conversations.setState(id, { state: 'assigned', agentId: 'agent_fu' });
      await st.desk.conversations.postAs(id, { role: 'agent', id: 'agent_fu' }, { kind: 'text', text: last });
      if (buyerAfter) await st.desk.conversations.send(buyer(buyerId), { id: `a${Math.random()}`, shopId: 'shop_fu', conversationId: id, clientMsgId: `a${Math.random()}`, content: { kind: 'text', text: buyerAfter } });
      await st.desk.conversations.setState(id, { state: 'closed' });
      await new Promise((r) => setTimeout(r, 50));
    };

    test('the answer goes back to a person with a notice in the buyer\'s language, once', async () => {
      await closedAfter('fu1', '您看换哪个？');
      assert.deepEqual(await st.take(await say('fu1', '换菊花茶吧 谢谢你 我现在好多了')), { handOver: '您是在回复客服刚才的问题吧？已为您转给人工客服继续处理，请稍候。' });
      await closedAfter('fu2', 'Which colour would you like instead?');
      const en = await st.take(await say('fu2', 'the grey one please'));
      assert.ok(typeof en === 'object' && 'handOver' in en && /answering our agent/.test(en.handOver), JSON.stringify(en));
      // Once: the next new conversation of the same buyer is the robot's.
      await closedAfter('fu7', '您看换哪个？');
      const answered = await say('fu7', '换菊花茶');
      assert.notEqual(await st.take(answered), false);
      await st.desk.conversations.setState(answered.conversationId, { state: 'closed' });
      const next = await say('fu7', '另外问一下发票');
      assert.equal(next.seq, 1);
      assert.equal(await st.take(next), false);
    });

    test('not taken: thanks only, words that ask nothing, the buyer\'s own last words, a later message', async () => {
      await closedAfter('fu3', '您看换哪个？');
      assert.equal(await st.take(await say('fu3', '好的 谢谢')), false);
      await closedAfter('fu4', '已经给您换好了，祝您生活愉快');
      assert.equal(await st.take(await say('fu4', '换菊花茶吧')), false);
      await closedAfter('fu5', '您看换哪个？', '我想想');
      assert.equal(await st.take(await say('fu5', '换菊花茶吧')), false);
      await closedAfter('fu6', '您看换哪个？');
      const first = await say('fu6', '换菊花茶吧');
      assert.equal(await st.take({ ...first, seq: 3, text: '还有个问题' }), false);
    });
  });
}
