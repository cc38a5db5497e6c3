/**
 * The routing pass and the message writer lock conversation rows in one order (the id's), on
 * real PostgreSQL: a pass that took them in its plan's order (priority, then queue time) and a
 * batch of buyers' messages to the same queued conversations (a buyer asking "hello?" while
 * waiting) could wait for each other in a cycle, which PostgreSQL breaks only after its
 * deadlock_timeout (1 s), failing one of them. And queue positions are read under the shop's
 * queue lock, so none is told after an accept elsewhere announced the conversation assigned.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pino from 'pino';
import * as convRepo from '../../src/conversation/repository.ts';
import type { Principal } from '../../src/auth/index.ts';
import { ConversationEventBus, ConversationService, type EventSink } from '../../src/conversation/index.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import { QUEUE_PRIORITY } from '../../src/protocol/conversation.ts';
import { RoutingService } from '../../src/routing/service.ts';
import * as routingRepo from '../../src/routing/repository.ts';
import { SQL_FACTORIES, dropTestSchemas } from '../support/services.ts';
import { backendPid, settledFlag, untilWaiting } from '../support/pg-locks.ts';

after(dropTestSchemas);

const pgFactory = SQL_FACTORIES.find((f) => f.name === 'postgres')!;
const SHOP = 'shop_lock';

describe('routing beside concurrent writers on postgres', { skip: pgFactory.skip }, () => {
  test('assigning queued conversations while their buyers write to them does not deadlock', async () => {
    const s = await pgFactory.create();
    try {
      const opened = await Promise.all(['q1', 'q2', 'q3'].map(async (b) => (await convRepo.openConversation(s.db, SHOP, b, undefined)).conversation));
      const [c1, c2, c3] = [...opened].sort((a, b) => (a.id < b.id ? -1 : 1)) as [(typeof opened)[0], (typeof opened)[0], (typeof opened)[0]];
      // Plan order: c3 first (a complaint), then c1, c2; id order is c1, c2, c3.
      await convRepo.setState(s.db, c1.id, { state: 'queued', priority: QUEUE_PRIORITY.normal });
      await convRepo.setState(s.db, c2.id, { state: 'queued', priority: QUEUE_PRIORITY.normal });
      await convRepo.setState(s.db, c3.id, { state: 'queued', priority: QUEUE_PRIORITY.complaint });
      await routingRepo.setAgentStatus(s.db, SHOP, 'agent_1', { status: 'online', capacity: 5, name: 'A' });

      const warnings: string[] = [];
      const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
      const announced: string[] = [];
      const conversations = { announce: (changes: Array<{ id: string }>) => void announced.push(...changes.map((c) => c.id)) } as unknown as ConversationService;
      const routing = new RoutingService({ sql: s, conversations, sink: {} as EventSink, log }, { offlineGraceMs: 60_000, replyTimeoutMs: 60_000 });

      // A third transaction holds c1, so that each side has taken what it takes first and waits.
      // In plan order the pass would hold c3 and wait for c1; the batch holds c2 and waits for
      // c3; once c1 is free the pass comes for c2: a cycle.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let held!: (pid: number) => void;
      const holding = new Promise<number>((r) => (held = r));
      const holder = s.transaction(async (tx) => {
        await sql`select id from conversations where id = ${c1.id} for update`.execute(tx);
        held(await backendPid(tx));
        await gate;
      });
      const holderPid = await holding;
      const pass = routing.route(SHOP);
      // The pass waits for c1 (whatever it took before it); the batch either waits too or, taking
      // its rows in the same order, is already done.
      await untilWaiting(s.db, holderPid, 1);
      const say = (c: typeof c1, k: string) => ({ conversationId: c.id, sender: { role: 'customer' as const, id: c.buyerId }, clientMsgId: k, content: { kind: 'text' as const, text: '还在吗' }, guard: { buyerId: c.buyerId } });
      const batch = convRepo.appendMessages(s.db, [say(c2, 'k2'), say(c3, 'k3')]);
      await untilWaiting(s.db, holderPid, 2, settledFlag(batch));
      const t0 = Date.now();
      release();
      await holder;
      const [b] = await Promise.all([batch, pass]);
      const waited = Date.now() - t0;

      assert.deepEqual(warnings, [], 'the routing pass did not fail');
      assert.ok(waited < 900, `both finished without waiting for deadlock detection (${waited} ms)`);
      assert.deepEqual(b.map((r) => r?.message.conversationId), [c2.id, c3.id], 'both messages stored by the batch');
      assert.deepEqual([...announced].sort(), [c1.id, c2.id, c3.id]);
      for (const c of [c1, c2, c3]) {
        const row = await convRepo.getConversation(s.db, c.id);
        assert.equal(row?.state, 'assigned');
        assert.equal(row?.agentId, 'agent_1');
      }
    } finally {
      await s.close();
    }
  });

  // Found from outside: a queue position read after the pass's commit was told after an accept
  // elsewhere had announced `assigned`, so the buyer's last frame said "#1 in line" while an
  // agent held the conversation. Two routing services (two nodes) on one database, one log of
  // frames in the order they were told.
  // A pass on one node tells positions after its commit; an accept on another can be announced
  // first. No lock orders what happens after a commit, so every frame carries the conversation's
  // state version and a client drops older news: what must hold is that no position is told with
  // a version as new as the assignment's (a client would show "#1 in line" while an agent holds it).
  test('no queue position is told as newer than the assignment', async () => {
    const s = await pgFactory.create();
    try {
      const told: Array<{ id: string; state: string; v: number }> = [];
      const sink = { emit: (_t: unknown, f: { type: string; conversationId: string; state: string; stateVersion: number }) => void told.push({ id: f.conversationId, state: f.state, v: f.stateVersion }) } as unknown as EventSink;
      const conversations = { announce: (changes: Array<{ id: string; state: string; stateVersion: number }>) => void told.push(...changes.map((c) => ({ id: c.id, state: c.state, v: c.stateVersion }))) } as unknown as ConversationService;
      const log = pino({ level: 'silent' });
      const nodeA = new RoutingService({ sql: s, conversations, sink, log }, { offlineGraceMs: 60_000, replyTimeoutMs: 60_000 });
      const nodeB = new RoutingService({ sql: s, conversations, sink, log }, { offlineGraceMs: 60_000, replyTimeoutMs: 60_000 });
      const agent = { userId: 'agent_b', roles: new Set(['agent']), shopId: SHOP, name: 'B' } as unknown as Principal;
      await routingRepo.setAgentStatus(s.db, SHOP, 'agent_b', { status: 'away', capacity: 50, name: 'B' });
      for (let round = 0; round < 8; round++) {
        const convs = await Promise.all(Array.from({ length: 6 }, async (_, k) => (await convRepo.openConversation(s.db, SHOP, `r${round}_${k}`, undefined)).conversation));
        for (const c of convs) await convRepo.setState(s.db, c.id, { state: 'queued', priority: QUEUE_PRIORITY.normal });
        // A pass on A (it tells positions) while B accepts the same conversations one by one.
        await Promise.all([nodeA.route(SHOP), ...convs.map((c) => nodeB.accept(agent, c.id).catch(() => undefined))]);
        await nodeA.idle();
      }
      // What a client applying frames by version shows at the end, and any position as new as an assignment.
      const shown = new Map<string, { state: string; v: number }>();
      const assignedAt = new Map(told.filter((f) => f.state === 'assigned').map((f) => [f.id, f.v]));
      const stale = told.filter((f) => f.state === 'queued' && f.v >= (assignedAt.get(f.id) ?? Infinity)).map((f) => f.id);
      for (const f of told) if (f.v >= (shown.get(f.id)?.v ?? -1)) shown.set(f.id, f);
      assert.deepEqual(stale, [], 'a queued frame as new as the assignment');
      assert.equal(shown.size, 48);
      assert.ok([...shown.values()].every((f) => f.state === 'assigned'), 'every conversation ends assigned');
    } finally {
      await s.close();
    }
  });

  // Found from outside: buyers writing as the agent closed had messages stored after the rating
  // request, in a conversation nobody would read again. Two nodes (two services on one database).
  test('a buyer writing while the agent closes lands before the rating request or in a new conversation', async () => {
    const s = await pgFactory.create();
    try {
      const node = () => {
        const metrics = createMetrics();
        const events = new ConversationEventBus({ log: pino({ level: 'silent' }), errors: metrics.eventListenerErrors });
        const sink: EventSink = { emit: () => {} };
        const conversations = new ConversationService({ sql: s, cache: new MemoryCache(), sink, events, metrics, log: pino({ level: 'silent' }) });
        return { conversations, routing: new RoutingService({ sql: s, conversations, sink, log: pino({ level: 'silent' }) }, { offlineGraceMs: 60_000, replyTimeoutMs: 60_000 }) };
      };
      const a = node();
      const b = node();
      const admin = { userId: 'admin_1', roles: new Set(['admin']), shopId: SHOP, name: 'Admin' } as unknown as Principal;
      let late = 0;
      for (let round = 0; round < 10; round++) {
        const buyerId = `closing_${round}`;
        const buyer = { userId: buyerId, roles: new Set(['customer']), name: buyerId } as unknown as Principal;
        const first = await a.conversations.send(buyer, { id: 'f0', shopId: SHOP, clientMsgId: `${buyerId}-0`, content: { kind: 'text', text: '转人工' } });
        const id = first.message.conversationId;
        await convRepo.setState(s.db, id, { state: 'queued' });
        assert.equal((await convRepo.setState(s.db, id, { state: 'assigned', agentId: 'admin_1' }))?.state, 'assigned');
        const sends = Array.from({ length: 8 }, (_, k) =>
          (k % 2 ? a : b).conversations.send(buyer, { id: `f${k + 1}`, ...(k % 4 < 2 ? { conversationId: id } : { shopId: SHOP }), clientMsgId: `${buyerId}-${k + 1}`, content: { kind: 'text', text: `还在吗 ${k}` } }).catch((e: { code?: string }) => e.code),
        );
        const [closed] = await Promise.all([a.routing.close(admin, id), ...sends]);
        assert.equal(closed.state, 'closed');
        const stored = await convRepo.listMessages(s.db, id, 0, 100);
        const notice = stored.find((m) => m.sender.role === 'system')!;
        assert.equal(stored.at(-1)!.seq, notice.seq, `round ${round}: the rating request is the last message`);
        late += stored.filter((m) => m.sender.role === 'customer' && m.seq > notice.seq).length;
      }
      assert.equal(late, 0);
    } finally {
      await s.close();
    }
  });
});
