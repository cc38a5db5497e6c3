/**
 * The idle close of the robot's conversations (src/conversation/idle-close.ts), on each SQL adapter:
 * a conversation the robot alone served and nobody wrote in for the idle time is closed, counted as
 * contained in the shop's figures; one handed over, held, or written in since is not.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { closeIdleBotConversations, ConversationEventBus, ConversationService } from '../../src/conversation/index.ts';
import { shopStats } from '../../src/desk/stats.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import type { Principal } from '../../src/auth/index.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';

after(dropTestSchemas);

const SHOP = 'shop_idle';
const buyer = (id: string): Principal => ({ userId: id, roles: new Set(['customer']), shopId: undefined, name: undefined, expiresAt: undefined });
let n = 0;
const say = (text: string) => ({ id: `i${++n}`, shopId: SHOP, clientMsgId: `im${n}`, content: { kind: 'text' as const, text } });
const MIN = 60_000;

function setup(sql: SqlStore) {
  const log = pino({ level: 'silent' });
  const metrics = createMetrics();
  const events = new ConversationEventBus({ log, errors: metrics.eventListenerErrors });
  const closed: string[] = [];
  events.on('conversationClosed', 'test', (e) => void closed.push(e.conversationId));
  return { conversations: new ConversationService({ sql, cache: new MemoryCache(), sink: { emit() {} }, events, metrics, log }), closed };
}

for (const f of SQL_FACTORIES) {
  describe(`idle close on ${f.name}`, { skip: f.skip }, () => {
    test("the robot's idle conversations close, counted as contained; handed over, held or written in since, they stay", async () => {
      const s = await f.create();
      try {
        const { conversations, closed } = setup(s);
        const open = async (who: string) => (await conversations.send(buyer(who), say('我的快递到哪了'))).ack.conversationId;
        const [idle, queued, held, fresh, back] = [await open('b_idle'), await open('b_queued'), await open('b_held'), await open('b_fresh'), await open('b_back')];
        await conversations.setState(queued, { state: 'queued' }, { from: ['bot'] });
        await conversations.setState(held, { state: 'assigned', agentId: 'ag_idle' });
        // Handed over and taken back: a person may have served it (found in review: closed with no rating).
        await conversations.setState(back, { state: 'queued' }, { from: ['bot'] });
        await conversations.setState(back, { state: 'bot' }, { from: ['queued'] });
        const later = new Date(Date.now() + 31 * MIN);
        // Written in just now, as seen 31 minutes on: moved back, so only `fresh` is recent.
        await s.db.updateTable('conversations').set({ updated_at: new Date(Date.now() - 40 * MIN) }).where('id', 'in', [idle, queued, held, back]).execute();
        await s.db.updateTable('conversations').set({ updated_at: new Date(later.getTime() - 5 * MIN) }).where('id', '=', fresh).execute();
        assert.equal(await closeIdleBotConversations({ db: s.db, conversations }, 30 * MIN, later), 1);
        assert.deepEqual(closed, [idle]);
        const states = Object.fromEntries((await s.db.selectFrom('conversations').select(['id', 'state']).where('shop_id', '=', SHOP).execute()).map((r) => [r.id, r.state]));
        assert.deepEqual([states[idle], states[queued], states[held], states[fresh], states[back]], ['closed', 'queued', 'assigned', 'bot', 'bot']);
        // Again: nothing more to close; the buyer's next message opens a new conversation.
        assert.equal(await closeIdleBotConversations({ db: s.db, conversations }, 30 * MIN, later), 0);
        assert.notEqual(await open('b_idle'), idle);
        const stats = await shopStats(s.db, SHOP, new Date(Date.now() - 60 * MIN), new Date(Date.now() + 60 * MIN));
        assert.deepEqual(stats.containment, { closed: 1, withoutHuman: 1, share: 1 });
      } finally {
        await s.close();
      }
    });

    test("on the database's clock when no time is given; nothing idle, nothing closed", async () => {
      const s = await f.create();
      try {
        const { conversations } = setup(s);
        const id = (await conversations.send(buyer('b_clock'), say('在吗'))).ack.conversationId;
        assert.equal(await closeIdleBotConversations({ db: s.db, conversations }, 30 * MIN), 0);
        await s.db.updateTable('conversations').set({ updated_at: new Date(Date.now() - 31 * MIN) }).where('id', '=', id).execute();
        assert.equal(await closeIdleBotConversations({ db: s.db, conversations }, 30 * MIN), 1);
      } finally {
        await s.close();
      }
    });

    test('a message that lands before the close keeps the conversation open (the close is guarded by the idle time)', async () => {
      const s = await f.create();
      try {
        const { conversations } = setup(s);
        const id = (await conversations.send(buyer('b_race'), say('在吗'))).ack.conversationId;
        const before = new Date(Date.now() - 30 * MIN);
        // Found idle by the look, then written in before its move: the move finds it no longer idle.
        await s.db.updateTable('conversations').set({ updated_at: new Date(Date.now() - 40 * MIN) }).where('id', '=', id).execute();
        await conversations.send(buyer('b_race'), say('还在吗'));
        assert.equal(await conversations.setState(id, { state: 'closed' }, { from: ['bot'], idleBefore: before }), undefined);
        assert.equal((await s.db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, 'bot');
      } finally {
        await s.close();
      }
    });
  });
}
