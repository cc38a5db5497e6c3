/**
 * A clientMsgId names one message of its sender. Sent again for the same message (a resend) it is
 * acked again and stores nothing; sent for another message (another shop, another conversation,
 * other words) it is refused, never acked as if that other message were stored. On every SQL adapter.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ConversationEventBus, ConversationService } from '../../src/conversation/index.ts';
import * as repo from '../../src/conversation/repository.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import type { Principal, Role } from '../../src/auth/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';

after(dropTestSchemas);

const who = (userId: string, role: Role, shopId?: string): Principal => ({ userId, roles: new Set([role]), shopId, name: undefined, expiresAt: undefined });
let n = 0;
const send = (where: { shopId?: string; conversationId?: string }, clientMsgId: string, text: string) => ({ id: `f${++n}`, clientMsgId, content: { kind: 'text' as const, text }, ...where });
const refused = (e: unknown) => e instanceof KefuError && e.code === 'BAD_FRAME' && /clientMsgId/.test(e.message);

for (const f of SQL_FACTORIES) {
  describe(`clientMsgId reuse on ${f.name}`, { skip: f.skip }, () => {
    // Found from outside: the second send was acked with the first message's conversation and
    // text, and stored nowhere; a client numbering per conversation lost messages that way.
    test('a resend is acked again; the same id for another message is refused and stores nothing', async () => {
      const s = await f.create();
      try {
        const metrics = createMetrics();
        const log = pino({ level: 'silent' });
        const svc = new ConversationService({ sql: s, cache: new MemoryCache(), sink: { emit() {} }, events: new ConversationEventBus({ log, errors: metrics.eventListenerErrors }), metrics, log });
        const buyer = who('dup_buyer', 'customer');
        const first = await svc.send(buyer, send({ shopId: 'shop_a' }, '1', 'to shop a'));
        const again = await svc.send(buyer, send({ shopId: 'shop_a' }, '1', 'to shop a'));
        assert.equal(again.duplicate, true);
        assert.equal(again.ack.seq, first.ack.seq);
        await assert.rejects(svc.send(buyer, send({ shopId: 'shop_b' }, '1', 'to shop b')), refused, 'another shop');
        await assert.rejects(svc.send(buyer, send({ shopId: 'shop_a' }, '1', 'other words')), refused, 'other words');

        // An agent numbering per conversation.
        const convs = await Promise.all(['b1', 'b2'].map(async (b) => (await svc.send(who(b, 'customer'), send({ shopId: 'shop_a' }, `${b}-1`, 'hi'))).ack.conversationId));
        for (const c of convs) {
          await svc.setState(c, { state: 'queued' });
          await svc.setState(c, { state: 'assigned', agentId: 'agent_9' });
        }
        const agent = who('agent_9', 'agent', 'shop_a');
        await svc.send(agent, send({ conversationId: convs[0]! }, '1', 'hello'));
        await assert.rejects(svc.send(agent, send({ conversationId: convs[1]! }, '1', 'hello')), refused, 'another conversation');
        const second = await repo.listMessages(s.db, convs[1]!, 0, 10);
        assert.deepEqual(second.map((m) => m.sender.role), ['customer'], 'nothing stored or acked for the second conversation');

        // The same staff id in another shop may be someone else: refused, but shop_a's conversation is not named (found from outside).
        const other = (await svc.send(who('b3', 'customer'), send({ shopId: 'shop_b' }, 'b3-1', 'hi'))).ack.conversationId;
        await svc.setState(other, { state: 'queued' });
        await svc.setState(other, { state: 'assigned', agentId: 'agent_9' });
        const elsewhere = await svc.send(who('agent_9', 'agent', 'shop_b'), send({ conversationId: other }, '1', 'hello from b')).then(() => undefined, (e: unknown) => e);
        assert.ok(refused(elsewhere));
        assert.doesNotMatch((elsewhere as Error).message, new RegExp(convs[0]!));
        await assert.rejects(svc.send(agent, send({ conversationId: convs[1]! }, '1', 'hello')), (e: Error) => e.message.includes(convs[0]!), 'in its own shop the conversation is named');
      } finally {
        await s.close();
      }
    });
  });
}
