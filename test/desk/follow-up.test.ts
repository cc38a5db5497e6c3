/**
 * A buyer answering the question an agent asked just before closing goes back to a person, on every SQL adapter; thanks, an
 * agent's last words that ask nothing, an old close or a later message stay the robot's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { sql } from 'kysely';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { closedQuestionAnswered, type TypedMessage } from '../../src/desk/index.ts';
import type { Principal } from '../../src/auth/index.ts';
import type { Taken } from '../../src/robot/index.ts';
import { closeConversation, createDesk, openConversation, type Desk } from './support.ts';

after(dropTestSchemas);

const buyer = (userId: string): Principal => ({ userId, roles: new Set(['customer']), shopId: undefined, name: undefined, expiresAt: undefined });

for (const factory of SQL_FACTORIES) {
  // Found from outside (forty-fifth session, a Hangzhou tea shop): "您看换哪个？", closed; "换菊花茶吧 谢谢你" was "不客气，祝您购物愉快".
  describe(`an answer to an agent's closing question on ${factory.name}`, { skip: factory.skip }, () => {
    const st = {} as { desk: Desk; take: (m: TypedMessage) => Promise<Taken> };
    before(async () => {
      st.desk = await createDesk(factory);
      st.take = closedQuestionAnswered({ db: st.desk.sql.db, log: pino({ level: 'silent' }) });
    });
    after(() => st.desk?.close());

    const say = async (buyerId: string, text: string): Promise<TypedMessage> => {
      const r = await st.desk.conversations.send(buyer(buyerId), { id: `t${text}${Math.random()}`, shopId: 'shop_fu', clientMsgId: `c${Math.random()}`, content: { kind: 'text', text } });
      return { shopId: 'shop_fu', buyerId, conversationId: r.ack.conversationId, seq: r.ack.seq, text };
    };
    const closedAsking = async (buyerId: string, last: string): Promise<string> => {
      const id = await openConversation(st.desk, 'shop_fu', buyerId);
      await closeConversation(st.desk, id, 'agent_fu');
      // The agent's words before the close: set as the last message a person wrote.
      await st.desk.sql.db.updateTable('messages').set({ content: JSON.stringify({ kind: 'text', text: last }) }).where('conversation_id', '=', id).where('sender_role', '=', 'agent').execute();
      return id;
    };

    test('the answer goes back to a person with a notice in the buyer\'s language', async () => {
      await closedAsking('fu1', '您看换哪个？');
      assert.deepEqual(await st.take(await say('fu1', '换菊花茶吧 谢谢你 我现在好多了')), { handOver: '您是在回复客服刚才的问题吧？已为您转给人工客服继续处理，请稍候。' });
      await closedAsking('fu2', 'Which colour would you like instead?');
      const en = await st.take(await say('fu2', 'the grey one please'));
      assert.ok(typeof en === 'object' && 'handOver' in en && /answering our agent/.test(en.handOver), JSON.stringify(en));
    });

    test('not taken: thanks only, words that ask nothing, a close long ago, a later message', async () => {
      await closedAsking('fu3', '您看换哪个？');
      assert.equal(await st.take(await say('fu3', '好的 谢谢')), false);
      await closedAsking('fu4', '已经给您换好了，祝您生活愉快');
      assert.equal(await st.take(await say('fu4', '换菊花茶吧')), false);
      const old = await closedAsking('fu5', '您看换哪个？');
      await st.desk.sql.db.updateTable('conversations').set({ closed_at: sql<Date>`now() - interval '2 hours'` }).where('id', '=', old).execute();
      assert.equal(await st.take(await say('fu5', '换菊花茶吧')), false);
      await closedAsking('fu6', '您看换哪个？');
      const first = await say('fu6', '换菊花茶吧');
      assert.notEqual(await st.take(first), false);
      assert.equal(await st.take({ ...first, seq: 3, text: '还有个问题' }), false);
    });
  });
}
