/**
 * All SQL of routing: agents (status, capacity, last seen) and the shop's queue as routing reads
 * it. Free functions over `Db | Tx`, like src/conversation/repository.ts; conversation state
 * moves themselves go through the conversation module's `moveState`.
 *
 * Invariants:
 * - Every statement names the shop; agents are keyed by (shop, agent), so the same person
 *   working for two shops is two agents that never share load.
 * - `lockShop` serialises routing decisions of one shop across every node for the rest of the
 *   transaction (a transaction-scoped advisory lock): with it held, "load the queue and the
 *   agents' load, plan, write" cannot assign a conversation twice or push an agent over capacity.
 * - Times are the database's (`now()`), so nodes with skewed clocks agree on who is stale.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../storage/ports.ts';
import { locks } from '../storage/keys.ts';
import type { AgentStatus } from '../protocol/conversation.ts';
import type { AvailableAgent, QueuedConversation } from './policy.ts';
import { lastCustomerTexts } from '../conversation/index.ts';

export interface AgentRow {
  shopId: string;
  agentId: string;
  name: string | null;
  status: AgentStatus;
  capacity: number;
  active: number;
  lastSeenAt: Date | null;
}

/** Days within which a returning buyer goes back to the agent they talked to. */
export const STICKY_DAYS = 3;

export async function lockShop(tx: Tx, shopId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${locks.shopQueue(shopId)}))`.execute(tx);
}

/** Creates the agent on first sight (status offline) and refreshes the name; returns nothing. */
export async function ensureAgent(db: Db | Tx, shopId: string, agentId: string, name: string | undefined): Promise<void> {
  await db
    .insertInto('agents')
    .values({ shop_id: shopId, agent_id: agentId, name: name ?? null })
    .onConflict((oc) => oc.columns(['shop_id', 'agent_id']).doUpdateSet(name ? { name } : { name: sql`agents.name` }))
    .execute();
}

export async function setAgentStatus(db: Db | Tx, shopId: string, agentId: string, patch: { status: AgentStatus; capacity?: number | undefined; name?: string | undefined }): Promise<void> {
  await db
    .insertInto('agents')
    .values({ shop_id: shopId, agent_id: agentId, name: patch.name ?? null, status: patch.status, ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}), ...(patch.status === 'online' ? { last_seen_at: sql<Date>`now()` } : {}) })
    .onConflict((oc) =>
      oc.columns(['shop_id', 'agent_id']).doUpdateSet({
        status: patch.status,
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        ...(patch.name ? { name: patch.name } : {}),
        // Going online is a sign of presence: it starts the grace period before a console's socket is seen, and a tool
        // with no console stays available by setting it again (docs/api.md).
        ...(patch.status === 'online' ? { missed_in_row: 0, last_seen_at: sql<Date>`now()` } : {}),
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** The shop's agents with the conversations each holds (one agent when `agentId` is given). */
export async function listAgents(db: Db | Tx, shopId: string, agentId?: string): Promise<AgentRow[]> {
  let q = db
    .selectFrom('agents as a')
    .select(['a.shop_id', 'a.agent_id', 'a.name', 'a.status', 'a.capacity', 'a.last_seen_at'])
    .select((eb) => eb.selectFrom('conversations as c').select(eb.fn.countAll<number>().as('n')).where('c.shop_id', '=', shopId).whereRef('c.agent_id', '=', 'a.agent_id').where('c.state', '=', 'assigned').as('active'))
    .where('a.shop_id', '=', shopId);
  if (agentId !== undefined) q = q.where('a.agent_id', '=', agentId);
  const rows = await q.orderBy('a.agent_id').execute();
  return rows.map((r) => ({ shopId: r.shop_id, agentId: r.agent_id, name: r.name, status: r.status, capacity: r.capacity, active: Number(r.active ?? 0), lastSeenAt: r.last_seen_at }));
}

/** Agents who may take a conversation now: status online and a console seen within `freshMs`. */
export async function availableAgents(tx: Tx, shopId: string, freshMs: number): Promise<Array<AvailableAgent & { name: string | null }>> {
  const rows = await tx
    .selectFrom('agents as a')
    .select(['a.agent_id', 'a.name', 'a.capacity', 'a.idle_since'])
    .select((eb) => eb.selectFrom('conversations as c').select(eb.fn.countAll<number>().as('n')).where('c.shop_id', '=', shopId).whereRef('c.agent_id', '=', 'a.agent_id').where('c.state', '=', 'assigned').as('active'))
    .where('a.shop_id', '=', shopId)
    .where('a.status', '=', 'online')
    .where('a.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${freshMs / 1000})`)
    .execute();
  return rows.map((r) => ({ agentId: r.agent_id, name: r.name, capacity: r.capacity, active: Number(r.active ?? 0), idleSince: r.idle_since.getTime() }));
}

/** The shop's queue in serving order, with the agent each returning buyer last talked to. */
export async function queueOf(db: Db | Tx, shopId: string, limit: number): Promise<Array<QueuedConversation & { buyerId: string; stateVersion: number }>> {
  const rows = await db
    .selectFrom('conversations as q')
    .select(['q.id', 'q.buyer_id', 'q.skip_agent_id', 'q.state_version'])
    .select((eb) =>
      eb
        .selectFrom('conversations as p')
        .select('p.agent_id')
        .where('p.shop_id', '=', shopId)
        .whereRef('p.buyer_id', '=', 'q.buyer_id')
        .where('p.state', '=', 'closed')
        .where('p.agent_id', 'is not', null)
        .where('p.closed_at', '>', sql<Date>`now() - make_interval(days => ${STICKY_DAYS})`)
        .orderBy('p.closed_at', 'desc')
        .limit(1)
        .as('preferred'),
    )
    .where('q.shop_id', '=', shopId)
    .where('q.state', '=', 'queued')
    .orderBy('q.priority', 'desc')
    .orderBy('q.queued_at')
    .orderBy('q.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ conversationId: r.id, buyerId: r.buyer_id, preferredAgentId: r.preferred ?? undefined, skipAgentId: r.skip_agent_id ?? undefined, stateVersion: Number(r.state_version) }));
}

export async function markIdle(tx: Tx, shopId: string, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) return;
  await tx.updateTable('agents').set({ idle_since: sql<Date>`now()` }).where('shop_id', '=', shopId).where('agent_id', 'in', agentIds).execute();
}

/** Refreshes last_seen_at of agents whose console this node holds. */
export async function touchAgents(db: Db, agents: ReadonlyArray<{ shopId: string; agentId: string }>): Promise<void> {
  for (const shopId of new Set(agents.map((a) => a.shopId))) {
    const ids = agents.filter((a) => a.shopId === shopId).map((a) => a.agentId);
    await db.updateTable('agents').set({ last_seen_at: sql<Date>`now()` }).where('shop_id', '=', shopId).where('agent_id', 'in', ids).execute();
  }
}

/** Online agents whose every console has been gone longer than `graceMs` (or never seen). */
export async function staleOnlineAgents(db: Db | Tx, graceMs: number): Promise<Array<{ shopId: string; agentId: string }>> {
  const rows = await db
    .selectFrom('agents')
    .select(['shop_id', 'agent_id'])
    .where('status', '=', 'online')
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', sql<Date>`now() - make_interval(secs => ${graceMs / 1000})`)]))
    .limit(500)
    .execute();
  return rows.map((r) => ({ shopId: r.shop_id, agentId: r.agent_id }));
}

/** Assigned conversations whose holder has not answered within `timeoutMs` of the assignment. */
export async function lapsedReplies(db: Db, timeoutMs: number): Promise<Array<{ shopId: string; conversationId: string; agentId: string }>> {
  const rows = await db
    .selectFrom('conversations')
    .select(['shop_id', 'id', 'agent_id'])
    .where('state', '=', 'assigned')
    .where('awaiting_reply_since', '<', sql<Date>`now() - make_interval(secs => ${timeoutMs / 1000})`)
    .limit(500)
    .execute();
  return rows.flatMap((r) => (r.agent_id ? [{ shopId: r.shop_id, conversationId: r.id, agentId: r.agent_id }] : []));
}

/**
 * The holder answered: the reply timer stops and the first response is recorded. Returns the
 * seconds from the hand-over to this first response when this message was it.
 */
export async function markReplied(db: Db, shopId: string, conversationId: string, agentId: string): Promise<number | undefined> {
  const held = db.updateTable('conversations').where('id', '=', conversationId).where('shop_id', '=', shopId).where('agent_id', '=', agentId).where('state', '=', 'assigned');
  const first = await held
    .set({ awaiting_reply_since: null, first_response_at: sql<Date>`now()` })
    .where('first_response_at', 'is', null)
    .returning(sql<number>`extract(epoch from now() - coalesce(handed_over_at, assigned_at))::float8`.as('seconds'))
    .executeTakeFirst();
  if (first) return Number(first.seconds);
  await held.set({ awaiting_reply_since: null }).where('awaiting_reply_since', 'is not', null).execute();
  return undefined;
}

/** The text of the conversation's last message when kefu's own notice is it (sender `system`), else undefined. */
export async function lastSystemText(db: Db, conversationId: string): Promise<string | undefined> {
  const r = await sql<{ text: string | null }>`select m.content->>'text' as text from conversations c join messages m on m.conversation_id = c.id and m.seq = c.last_seq
    where c.id = ${conversationId} and m.sender_role = 'system'`.execute(db);
  return r.rows[0]?.text ?? undefined;
}

/** Who wrote the conversation's last message but the system's notices: 'agent' when a person's answer is the last word. */
export async function lastWriter(db: Db, conversationId: string): Promise<string | undefined> {
  const r = await sql<{ role: string }>`select sender_role as role from messages where conversation_id = ${conversationId} and sender_role <> 'system' order by seq desc limit 1`.execute(db);
  return r.rows[0]?.role;
}

/** The buyer's latest text messages in the conversation (newest first, a few), for the language of a notice: the conversation's own query. */
export const lastBuyerTexts = (db: Db, conversationId: string, limit = 5): Promise<string[]> => lastCustomerTexts(db, conversationId, limit);

export async function resetMisses(db: Db, shopId: string, agentId: string): Promise<void> {
  await db.updateTable('agents').set({ missed_in_row: 0 }).where('shop_id', '=', shopId).where('agent_id', '=', agentId).where('missed_in_row', '>', 0).execute();
}

/** Counts a missed reply; returns the new count in a row. */
export async function countMiss(tx: Tx, shopId: string, agentId: string): Promise<number> {
  const r = await tx.updateTable('agents').set({ missed_in_row: sql<number>`missed_in_row + 1` }).where('shop_id', '=', shopId).where('agent_id', '=', agentId).returning('missed_in_row').executeTakeFirst();
  return r?.missed_in_row ?? 0;
}

/** Assigned conversations of an agent, oldest hand-over first (to return them in their old order). */
export async function heldBy(tx: Tx, shopId: string, agentId: string): Promise<string[]> {
  const rows = await tx.selectFrom('conversations').select('id').where('shop_id', '=', shopId).where('agent_id', '=', agentId).where('state', '=', 'assigned').orderBy('queued_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Average seconds from assignment to close over the shop's recent conversations (for wait estimates). */
export async function recentHandleSeconds(db: Db, shopId: string): Promise<number | undefined> {
  const r = await sql<{ avg: number | null }>`select avg(extract(epoch from closed_at - assigned_at))::float8 as avg from (select closed_at, assigned_at from conversations where shop_id = ${shopId} and state = 'closed' and assigned_at is not null order by closed_at desc limit 50) t`.execute(db);
  const v = r.rows[0]?.avg;
  return v === null || v === undefined ? undefined : Number(v);
}
