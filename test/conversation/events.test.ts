/**
 * The conversation event seam (src/conversation/events.ts): events are published after commit,
 * carry what a listener needs, and a failing listener never breaks the sender's ack or another
 * listener. Run on every SQL adapter, since the state change's previous state comes from SQL.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ConversationEventBus, ConversationService, type ConversationEvents, type EventSink } from '../../src/conversation/index.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import type { Principal, Role } from '../../src/auth/index.ts';
import type { ServerFrame } from '../../src/protocol/frames.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';

after(dropTestSchemas);

const principal = (userId: string, role: Role, shopId?: string): Principal => ({ userId, roles: new Set([role]), shopId, name: undefined, expiresAt: undefined });
const text = (t: string) => ({ kind: 'text' as const, text: t });
let n = 0;
const frame = (extra: { shopId?: string; conversationId?: string; clientMsgId?: string }, t = 'hello') => ({ id: `f${++n}`, clientMsgId: extra.clientMsgId ?? `m${n}`, content: text(t), ...extra });

type Seen = { [E in keyof ConversationEvents]: { event: E; payload: ConversationEvents[E] } }[keyof ConversationEvents];


function makeService(sql: ConstructorParameters<typeof ConversationService>[0]['sql']) {
  const metrics = createMetrics();
  const events = new ConversationEventBus({ log: pino({ level: 'silent' }), errors: metrics.eventListenerErrors });
  const frames: ServerFrame[] = [];
  const sink: EventSink = { emit: (_t, f) => void frames.push(f) };
  const conversations = new ConversationService({ sql, cache: new MemoryCache(), sink, events, metrics, log: pino({ level: 'silent' }) });
  const seen: Seen[] = [];
  for (const e of ['messageStored', 'stateChanged', 'conversationOpened', 'conversationClosed'] as const) {
    events.on(e, 'recorder', (payload) => void seen.push({ event: e, payload } as Seen));
  }
  return { conversations, events, metrics, seen, frames };
}

const errorsCounted = async (metrics: ReturnType<typeof createMetrics>) => (await metrics.eventListenerErrors.get()).values.reduce((a, v) => a + v.value, 0);

describe('ConversationEventBus', () => {
  test('a throwing or rejecting listener is logged and counted; the others still run', async () => {
    const metrics = createMetrics();
    const bus = new ConversationEventBus({ log: pino({ level: 'silent' }), errors: metrics.eventListenerErrors });
    const ran: string[] = [];
    bus.on('conversationOpened', 'thrower', () => {
      throw new Error('boom');
    });
    bus.on('conversationOpened', 'rejecter', async () => {
      throw new Error('later boom');
    });
    const off = bus.on('conversationOpened', 'good', () => void ran.push('good'));
    assert.doesNotThrow(() => bus.publish('conversationOpened', { shopId: 's', conversationId: 'c', buyerId: 'b' }));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(ran, ['good']);
    const v = (await metrics.eventListenerErrors.get()).values;
    assert.deepEqual(v.map((x) => [x.labels.listener, x.value]).sort(), [['rejecter', 1], ['thrower', 1]]);
    off();
    bus.publish('conversationOpened', { shopId: 's', conversationId: 'c', buyerId: 'b' });
    assert.deepEqual(ran, ['good'], 'a removed listener is not called');
  });
});

for (const f of SQL_FACTORIES) {
  describe(`conversation events on ${f.name}`, { skip: f.skip }, () => {
    test('a buyer message opens the conversation, then is stored; a resend publishes nothing', async () => {
      const s = await f.create();
      try {
        const { conversations, seen } = makeService(s);
        const buyer = principal('buyer_e1', 'customer');
        const r = await conversations.send(buyer, frame({ shopId: 'shop_e', clientMsgId: 'same' }, '在吗'));
        assert.deepEqual(seen.map((e) => e.event), ['conversationOpened', 'messageStored']);
        const stored = seen[1]!.payload as ConversationEvents['messageStored'];
        assert.deepEqual({ shopId: stored.shopId, conversationId: stored.conversationId, buyerId: stored.buyerId, senderRole: stored.senderRole, state: stored.state, seq: stored.message.seq }, { shopId: 'shop_e', conversationId: r.ack.conversationId, buyerId: 'buyer_e1', senderRole: 'customer', state: 'bot', seq: 1 });
        await conversations.send(buyer, frame({ shopId: 'shop_e', clientMsgId: 'same' }, '在吗'));
        assert.equal(seen.length, 2, 'a duplicate clientMsgId stores nothing and publishes nothing');
        await conversations.send(buyer, frame({ shopId: 'shop_e' }, '第二条'));
        assert.deepEqual(seen.map((e) => e.event), ['conversationOpened', 'messageStored', 'messageStored'], 'the open conversation is reused: no second opened event');
      } finally {
        await s.close();
      }
    });

    test('a failing listener never breaks the ack; it is counted', async () => {
      const s = await f.create();
      try {
        const { conversations, events, metrics } = makeService(s);
        events.on('messageStored', 'broken', () => {
          throw new Error('listener bug');
        });
        events.on('messageStored', 'broken-async', async () => Promise.reject(new Error('async listener bug')));
        const r = await conversations.send(principal('buyer_e2', 'customer'), frame({ shopId: 'shop_e' }));
        assert.equal(r.ack.seq, 1);
        await new Promise((res) => setImmediate(res));
        assert.equal(await errorsCounted(metrics), 2);
      } finally {
        await s.close();
      }
    });

    test('state changes carry the old and new state; closing publishes closed; a closed conversation never reopens', async () => {
      const s = await f.create();
      try {
        const { conversations, seen, frames } = makeService(s);
        const buyer = principal('buyer_e3', 'customer');
        const first = (await conversations.send(buyer, frame({ shopId: 'shop_e' }))).ack.conversationId;
        seen.length = 0;
        await conversations.setState(first, { state: 'queued' });
        await conversations.setState(first, { state: 'assigned', agentId: 'agent_1' });
        await conversations.setState(first, { state: 'closed' });
        assert.deepEqual(
          seen.map((e) => (e.event === 'stateChanged' ? `${e.payload.from}>${e.payload.to}:${e.payload.agentId ?? '-'}` : `${e.event}:${(e.payload as { agentId?: string | null }).agentId ?? '-'}`)),
          ['bot>queued:-', 'queued>assigned:agent_1', 'assigned>closed:agent_1', 'conversationClosed:agent_1'],
        );
        assert.equal(frames.filter((x) => x.type === 'conversation').at(-1)?.type === 'conversation' && (frames.filter((x) => x.type === 'conversation').at(-1) as { state: string }).state, 'closed');
        seen.length = 0;
        assert.equal(await conversations.setState(first, { state: 'bot' }), undefined, 'closed → bot is refused');
        assert.equal(await conversations.setState(first, { state: 'queued' }), undefined, 'closed → queued is refused');
        assert.equal(await conversations.setState('c_nope', { state: 'queued' }), undefined);
        assert.equal(seen.length, 0, 'a refused move publishes nothing');
        const next = (await conversations.send(buyer, frame({ shopId: 'shop_e' }))).ack.conversationId;
        assert.notEqual(next, first, "the buyer's next message opens a new conversation");
        assert.deepEqual(seen.map((e) => e.event), ['conversationOpened', 'messageStored']);
      } finally {
        await s.close();
      }
    });
  });
}
