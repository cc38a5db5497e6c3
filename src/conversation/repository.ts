/**
 * All SQL of conversations and messages. Every function takes the Db (or a Tx) so callers can
 * compose them inside one transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../storage/ports.ts';
import { isUniqueViolation } from '../storage/ports.ts';
import { rawRows } from '../storage/raw.ts';
import { locks } from '../storage/keys.ts';
import type { Content, ConversationState, MessageFrame, SenderRole } from '../protocol/frames.ts';
import { CONVERSATION_STATES, NEXT_STATES, QUEUE_PRIORITY } from '../protocol/conversation.ts';

export interface ConversationRow {
  id: string;
  shopId: string;
  buyerId: string;
  buyerName: string | null;
  state: ConversationState;
  agentId: string | null;
  agentName: string | null;
  lastSeq: number;
  createdAt: Date;
  updatedAt: Date;
  /** While assigned and the holder has not answered since: when the reply timer started. */
  awaitingReplySince: Date | null;
  /** The number of state changes so far (`stateVersion` on the wire): orders a conversation's frames. */
  stateVersion: number;
}

export interface Sender {
  role: SenderRole;
  id: string;
  name?: string | undefined;
}

/** kefu itself, as the sender of its notices (a hand-over, a rating request, a return to the queue). */
export const SYSTEM_SENDER = { role: 'system', id: 'kefu-system' } as const satisfies Sender;

const newConversationId = () => `c_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;

type ConvSelect = {
  id: string;
  shop_id: string;
  buyer_id: string;
  buyer_name: string | null;
  state: ConversationState;
  agent_id: string | null;
  agent_name: string | null;
  last_seq: number;
  created_at: Date;
  updated_at: Date;
  awaiting_reply_since: Date | null;
  state_version: number;
};

const toConversation = (r: ConvSelect): ConversationRow => ({
  id: r.id,
  shopId: r.shop_id,
  buyerId: r.buyer_id,
  buyerName: r.buyer_name,
  state: r.state,
  agentId: r.agent_id,
  agentName: r.agent_name,
  lastSeq: Number(r.last_seq),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  awaitingReplySince: r.awaiting_reply_since,
  stateVersion: Number(r.state_version),
});

const CONV_COLS = ['id', 'shop_id', 'buyer_id', 'buyer_name', 'state', 'agent_id', 'agent_name', 'last_seq', 'created_at', 'updated_at', 'awaiting_reply_since', 'state_version'] as const;

export async function getConversation(db: Db | Tx, id: string): Promise<ConversationRow | undefined> {
  const r = await db.selectFrom('conversations').select(CONV_COLS).where('id', '=', id).executeTakeFirst();
  return r ? toConversation(r) : undefined;
}

/**
 * The buyer's open conversation with the shop, created when there is none. The partial unique
 * index (one open conversation per shop and buyer) settles concurrent creators: the loser's
 * insert does nothing and it reads the winner's row.
 */
export async function openConversation(db: Db, shopId: string, buyerId: string, buyerName: string | undefined): Promise<{ conversation: ConversationRow; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await db
      .selectFrom('conversations')
      .select(CONV_COLS)
      .where('shop_id', '=', shopId)
      .where('buyer_id', '=', buyerId)
      .where('state', '<>', 'closed')
      .executeTakeFirst();
    if (existing) return { conversation: toConversation(existing), created: false };
    const inserted = await db
      .insertInto('conversations')
      .values({ id: newConversationId(), shop_id: shopId, buyer_id: buyerId, buyer_name: buyerName ?? null, state: 'bot', agent_id: null, last_seq: 0 })
      // The predicate is SQL text, not a parameter: PostgreSQL matches it against the partial
      // index's own predicate when planning, which a prepared statement's parameter cannot do.
      .onConflict((oc) => oc.columns(['shop_id', 'buyer_id']).where(sql<boolean>`state <> 'closed'`).doNothing())
      .returning(CONV_COLS)
      .executeTakeFirst();
    if (inserted) return { conversation: toConversation(inserted), created: true };
  }
  throw new Error(`could not open a conversation for ${shopId}/${buyerId}`);
}

export interface OpenRequest {
  shopId: string;
  buyerId: string;
  buyerName: string | undefined;
}

export type Opened = { conversation: ConversationRow; created: boolean };

type MsgRow = {
  conversation_id: string;
  seq: number;
  shop_id: string;
  sender_role: SenderRole;
  sender_id: string;
  sender_name: string | null;
  client_msg_id: string | null;
  content: unknown;
  created_at: Date;
};

export function toMessageFrame(r: MsgRow): MessageFrame {
  return {
    type: 'message',
    conversationId: r.conversation_id,
    shopId: r.shop_id,
    seq: Number(r.seq),
    ...(r.client_msg_id ? { clientMsgId: r.client_msg_id } : {}),
    sender: { role: r.sender_role, id: r.sender_id, ...(r.sender_name ? { name: r.sender_name } : {}) },
    content: r.content as Content,
    ts: r.created_at.getTime(),
  };
}

export interface AppendGuard {
  /** Only append when the conversation belongs to this buyer. */
  buyerId?: string;
  /** Only append when the conversation belongs to this shop. */
  shopId?: string;
  /** Only append while the conversation is in this state (the robot's replies: `bot`). */
  state?: ConversationState;
}

export type AppendResult =
  /** `created`: the request opened the conversation (an OpenAppendRequest only). */
  | { ok: true; message: MessageFrame; duplicate: boolean; state: ConversationState; buyerId: string; agentId: string | null; created?: boolean }
  /** No open conversation with that id passes the guard (missing, closed, or someone else's). */
  | { ok: false };

const APPEND_SQL = new Map<string, string>();

/** appendMessage's statement for one combination of guards ($7 on are the guards present, in AppendGuard's order). */
function appendSql(byBuyer: boolean, byShop: boolean, byState: boolean): string {
  const key = `${byBuyer}${byShop}${byState}`;
  let text = APPEND_SQL.get(key);
  if (text) return text;
  let n = 7;
  const guards = `${byBuyer ? ` and buyer_id = $${n++}` : ''}${byShop ? ` and shop_id = $${n++}` : ''}${byState ? ` and state = $${n++}` : ''}`;
  text = `with s as (
      update conversations set last_seq = last_seq + 1, updated_at = now()
      where id = $1 and state <> 'closed'${guards}
      returning id, last_seq, shop_id, state, buyer_id, agent_id
    ), i as (
      insert into messages (conversation_id, seq, shop_id, sender_role, sender_id, sender_name, client_msg_id, content)
      select s.id, s.last_seq, s.shop_id, $2, $3, $4, $5, $6::jsonb from s
      returning conversation_id, seq, shop_id, sender_role, sender_id, sender_name, client_msg_id, content, created_at
    )
    select i.*, s.state, s.buyer_id, s.agent_id from i, s`;
  APPEND_SQL.set(key, text);
  return text;
}

/**
 * Stores one message with the next seq of its conversation, in ONE statement: the seq bump and
 * the insert commit or fail together, so a refused insert (a duplicate clientMsgId) leaves no
 * gap, and concurrent writers to one conversation serialise on its row lock. The guard is part
 * of the same statement, so a message never lands in a closed or foreign conversation.
 * A resend of a clientMsgId already stored by the same sender returns the stored message with
 * `duplicate: true` and stores nothing. Must not run inside a transaction (a conflict aborts it).
 */
export async function appendMessage(db: Db, conversationId: string, sender: Sender, clientMsgId: string | undefined, content: Content, guard: AppendGuard = {}): Promise<AppendResult> {
  // Insert first and look up only on conflict: resends are rare, so the common path is one round trip.
  try {
    const params: unknown[] = [conversationId, sender.role, sender.id, sender.name ?? null, clientMsgId ?? null, JSON.stringify(content)];
    if (guard.buyerId !== undefined) params.push(guard.buyerId);
    if (guard.shopId !== undefined) params.push(guard.shopId);
    if (guard.state !== undefined) params.push(guard.state);
    const sqlText = appendSql(guard.buyerId !== undefined, guard.shopId !== undefined, guard.state !== undefined);
    const rows = await rawRows<MsgRow & { state: ConversationState; buyer_id: string; agent_id: string | null }>(db, sqlText, params);
    const row = rows[0];
    if (!row) return { ok: false };
    return { ok: true, message: toMessageFrame(row), duplicate: false, state: row.state, buyerId: row.buyer_id, agentId: row.agent_id };
  } catch (e) {
    // A resend (or a concurrent twin) of a clientMsgId this sender already stored.
    if (clientMsgId && isUniqueViolation(e)) {
      const prior = await resent(db, sender.id, clientMsgId);
      if (prior) return prior;
    }
    throw e;
  }
}

export interface AppendRequest {
  conversationId: string;
  sender: Sender;
  clientMsgId: string | undefined;
  content: Content;
  guard?: AppendGuard;
}

/**
 * A buyer's message to a shop whose conversation this node does not know: the batch function
 * finds the buyer's open conversation with the shop, or opens one (state `bot`), and stores the
 * message in it, in the same statement and commit.
 */
export interface OpenAppendRequest {
  open: OpenRequest;
  sender: Sender;
  clientMsgId: string | undefined;
  content: Content;
}

export type WriteRequest = AppendRequest | OpenAppendRequest;

export const opens = (r: WriteRequest): r is OpenAppendRequest => 'open' in r;

type BatchRow = { i: number; seq: number | string; shop_id: string; state: ConversationState; buyer_id: string; agent_id: string | null; created_at: Date; c: string; created: boolean };

/**
 * Stores many messages (of any conversations) in ONE statement: one round trip and one commit
 * for the lot, which is what lets a busy node keep up. Seqs are allocated as in appendMessage,
 * in the order of `reqs`.
 *
 * Returns a result for every request it stored and `undefined` for every request it skipped: a
 * guard that did not pass, a closed conversation, or a clientMsgId this sender already stored.
 * The caller settles those one by one with appendMessage, which tells them apart (they are rare;
 * an OpenAppendRequest with openConversation first). Throws when the statement fails (for example
 * a concurrent twin of a clientMsgId); nothing of the batch is then stored. Must not run inside a
 * transaction.
 */
export async function appendMessages(db: Db, reqs: readonly WriteRequest[]): Promise<Array<Extract<AppendResult, { ok: true }> | undefined>> {
  const input = reqs.map((r, i) => ({
    i,
    role: r.sender.role,
    sid: r.sender.id,
    sname: r.sender.name ?? null,
    cmid: r.clientMsgId ?? null,
    body: r.content,
    ...(opens(r)
      ? { c: null, gb: r.open.buyerId, gs: r.open.shopId, nc: newConversationId(), bname: r.open.buyerName ?? null }
      : { c: r.conversationId, gb: r.guard?.buyerId ?? null, gs: r.guard?.shopId ?? null, gst: r.guard?.state ?? null }),
  }));
  // One call of a function (migrations 005, 012, 013, 014) that takes appendMessage's steps for each
  // request, opening the conversation first for an OpenAppendRequest.
  const rows = await rawRows<BatchRow>(
    db,
    'select o_i as i, o_seq as seq, o_shop_id as shop_id, o_state as state, o_buyer_id as buyer_id, o_agent_id as agent_id, o_created_at as created_at, o_c as c, o_created as created from kefu_append_messages($1::jsonb)',
    [JSON.stringify(input)],
  );
  const out: Array<Extract<AppendResult, { ok: true }> | undefined> = new Array(reqs.length).fill(undefined);
  for (const row of rows) {
    const q = reqs[row.i]!;
    // The stored row is what was asked for plus the seq, shop and time the function returned.
    const message = toMessageFrame({
      conversation_id: row.c,
      seq: Number(row.seq),
      shop_id: row.shop_id,
      sender_role: q.sender.role,
      sender_id: q.sender.id,
      sender_name: q.sender.name ?? null,
      client_msg_id: q.clientMsgId ?? null,
      content: q.content,
      created_at: new Date(row.created_at),
    });
    out[row.i] = { ok: true, message, duplicate: false, state: row.state, buyerId: row.buyer_id, agentId: row.agent_id, ...(opens(q) ? { created: row.created } : {}) };
  }
  return out;
}

/** The message this sender already stored under `clientMsgId`, as appendMessage reports a resend; undefined when there is none. */
export async function resent(db: Db, senderId: string, clientMsgId: string): Promise<Extract<AppendResult, { ok: true }> | undefined> {
  const prior = await findByClientMsgId(db, senderId, clientMsgId);
  const conv = prior && (await getConversation(db, prior.conversationId));
  return conv ? { ok: true, message: prior, duplicate: true, state: conv.state, buyerId: conv.buyerId, agentId: conv.agentId } : undefined;
}

async function findByClientMsgId(db: Db | Tx, senderId: string, clientMsgId: string): Promise<MessageFrame | undefined> {
  const r = await db.selectFrom('messages').selectAll().where('sender_id', '=', senderId).where('client_msg_id', '=', clientMsgId).executeTakeFirst();
  return r ? toMessageFrame(r as MsgRow) : undefined;
}

/** Messages with seq in (afterSeq, afterSeq + limit], oldest first. */
export async function listMessages(db: Db, conversationId: string, afterSeq: number, limit: number): Promise<MessageFrame[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => toMessageFrame(r as MsgRow));
}

/** Moves the read mark forward only (a late, lower read never moves it back). Returns the mark. */
export async function markRead(db: Db, conversationId: string, userId: string, seq: number): Promise<number> {
  const r = await db
    .insertInto('conversation_reads')
    .values({ conversation_id: conversationId, user_id: userId, seq })
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'user_id']).doUpdateSet({
        seq: sql`greatest(conversation_reads.seq, excluded.seq)`,
        updated_at: sql`now()`,
      }),
    )
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(r.seq);
}

/**
 * A move of the lifecycle. `to: 'queued'` is a hand-over (joins the back of the queue at
 * `priority`) unless `returned` (an agent went offline or let the reply timer lapse: it goes to
 * the head, keeping its old place among the returned ones, and `skipAgentId` is remembered).
 */
export type StatePatch =
  | { state: 'queued'; priority?: number; returned?: { skipAgentId?: string } }
  | { state: 'assigned'; agentId: string; agentName?: string | undefined }
  | { state: 'closed' }
  | { state: 'bot' };

/**
 * Takes the shop's queue lock (`locks.shopQueue`) for the rest of the transaction: a hand-over
 * joins the queue under it, so the queue's order is the order in which hand-overs committed.
 */
export async function lockQueueOf(tx: Tx, conversationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${locks.shopQueue('')} || shop_id)) from conversations where id = ${conversationId}`.execute(tx);
}

export type StateChange = ConversationRow & { previous: ConversationState; previousAgentId: string | null };

/**
 * A person served the conversation: a member of staff wrote in it. Held alone is not served: routing gives a seat for a
 * moment, and an admin closing it then asked the buyer to rate a service nobody gave ("1分 根本没人理我": a Shanghai shop,
 * forty-third session). What a rating is of, and when closing asks for one.
 */
// The first response (routing's, kept on the conversation) too: message retention may have deleted the agent's messages, and
// a closed conversation served on day 1 was no longer ratable on day 3 (found in review). The message, for the moment between
// an agent's reply committing and routing marking it.
export const servedSql = (conversationId: RawBuilder<unknown> | string) =>
  sql<boolean>`(exists (select 1 from conversations sc where sc.id = ${conversationId} and sc.first_response_at is not null) or exists (select 1 from messages m where m.conversation_id = ${conversationId} and m.sender_role = 'agent'))`;

export async function everServed(db: Db, conversationId: string): Promise<boolean> {
  const r = await sql<{ served: boolean }>`select ${servedSql(conversationId)} as served`.execute(db);
  return r.rows[0]?.served === true;
}

/** The columns a move writes: the lifecycle's timestamps are kept here, where the state is. */
function columnsFor(patch: StatePatch) {
  const now = new Date();
  switch (patch.state) {
    case 'queued':
      return patch.returned
        ? { state: patch.state, agent_id: null, agent_name: null, priority: sql<number>`greatest(c.priority, ${QUEUE_PRIORITY.returned})`, awaiting_reply_since: null, skip_agent_id: patch.returned.skipAgentId ?? null, queued_at: sql<Date>`coalesce(c.queued_at, now())` }
        : { state: patch.state, agent_id: null, agent_name: null, priority: patch.priority ?? QUEUE_PRIORITY.normal, queued_at: sql<Date>`clock_timestamp()`, handed_over_at: sql<Date>`coalesce(c.handed_over_at, now())`, skip_agent_id: null };
    case 'assigned':
      // Taken over straight from the robot, the conversation is handed over now (the shop's figures count it).
      return { state: patch.state, agent_id: patch.agentId, agent_name: patch.agentName ?? null, assigned_at: now, awaiting_reply_since: now, handed_over_at: sql<Date>`coalesce(c.handed_over_at, now())` };
    case 'closed':
      return { state: patch.state, closed_at: now, awaiting_reply_since: null };
    case 'bot':
      return { state: patch.state };
  }
}

/**
 * The one order in which a transaction that writes several conversations takes their row locks:
 * the id's, byte-wise (the batch function, migration 013, sorts by `id collate "C"`; ids are
 * ASCII, so UTF-16 order is the same). Two writers that both follow it can wait for each other
 * but never in a cycle, which PostgreSQL would break only after `deadlock_timeout` (1 s).
 */
export function inLockOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a move needs to find, or it moves nothing. */
export interface MoveExpectation {
  /** One of these states. */
  from?: readonly ConversationState[];
  /** Held by this agent. */
  agentId?: string;
  /** Never held by a person (`assigned_at` null): the idle close. */
  neverAssigned?: boolean;
  /** No member of staff wrote in it (`everServed`): a close that asks for no rating. */
  unserved?: boolean;
  /** Nothing written in it since this time (`updated_at` before it): the idle close, which a message just sent must win over. */
  idleBefore?: Date;
}

/**
 * Moves a conversation to another state (and holder), if `NEXT_STATES` allows the move from the
 * state it is in: a closed conversation is never reopened. `expect` narrows further (for example
 * "only while still queued"). Returns the row after the change with the state and holder it
 * left, or undefined when there is no such conversation or the move is not allowed. The row
 * lock of the UPDATE orders concurrent moves of one conversation; it is the no-key lock an UPDATE
 * takes anyway, not FOR UPDATE, which would also hold up every insert that only references the
 * conversation (read marks, notes, ratings) until the move commits.
 */
export async function setState(db: Db | Tx, conversationId: string, patch: StatePatch, expect: MoveExpectation = {}): Promise<StateChange | undefined> {
  const from = CONVERSATION_STATES.filter((s) => NEXT_STATES[s].includes(patch.state) && (!expect.from || expect.from.includes(s)));
  if (from.length === 0) return undefined;
  let q = db
    .updateTable('conversations as c')
    .from(sql<{ id: string; state: ConversationState; agent_id: string | null; assigned_at: Date | null; updated_at: Date }>`(select id, state, agent_id, assigned_at, updated_at from conversations where id = ${conversationId} for no key update)`.as('old'))
    .set({ ...columnsFor(patch), updated_at: new Date(), state_version: sql<number>`c.state_version + 1` })
    .whereRef('c.id', '=', 'old.id')
    .where('old.state', 'in', from);
  if (expect.agentId !== undefined) q = q.where('old.agent_id', '=', expect.agentId);
  if (expect.neverAssigned) q = q.where('old.assigned_at', 'is', null);
  if (expect.unserved) q = q.where(sql<boolean>`not ${servedSql(sql.ref('old.id'))}`);
  if (expect.idleBefore) q = q.where('old.updated_at', '<', expect.idleBefore);
  const r = await q.returning([...CONV_COLS.map((k) => `c.${k}` as const), 'old.state as previous', 'old.agent_id as previous_agent_id']).executeTakeFirst();
  return r ? { ...toConversation(r), previous: r.previous, previousAgentId: r.previous_agent_id } : undefined;
}

/**
 * The robot's conversations never handed over that nobody has written in since `before`, oldest opened first: what the idle
 * close closes (migration 019's index). One handed over and taken back is left open: a person may have served it.
 */
export async function idleBotConversations(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('state', '=', 'bot')
    .where('updated_at', '<', before)
    .where('handed_over_at', 'is', null)
    .where('assigned_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The database's clock: what `updated_at` is mostly written with (`now()` in the message's statement). */
export async function databaseNow(db: Db): Promise<Date> {
  const r = await sql<{ t: Date }>`select now() as t`.execute(db);
  return new Date(r.rows[0]!.t);
}

/**
 * Moves a queued conversation up to `priority` (never down), keeping its time in the queue: an
 * emergency told while waiting goes ahead of the rest. False when it is no longer queued or
 * was that far ahead already (then nothing moved).
 */
export async function raiseQueuePriority(db: Db | Tx, conversationId: string, priority: number): Promise<boolean> {
  const r = await db
    .updateTable('conversations')
    .set({ priority, updated_at: new Date() })
    .where('id', '=', conversationId)
    .where('state', '=', 'queued')
    // Only a move up counts: one already ahead is not moved, nor said to be (found in review).
    .where('priority', '<', priority)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A conversation as listed: with its place in the queue's order while queued. */
export interface ListedConversation extends ConversationRow {
  readonly priority: number;
  readonly queuedAt: Date | null;
}

export async function listConversations(
  db: Db,
  filter: { shopId?: string; buyerId?: string; agentId?: string; state?: ConversationState; limit: number; before?: Date; queueOrder?: boolean },
): Promise<ListedConversation[]> {
  let q = db.selectFrom('conversations').select([...CONV_COLS, 'priority', 'queued_at']);
  if (filter.shopId) q = q.where('shop_id', '=', filter.shopId);
  if (filter.buyerId) q = q.where('buyer_id', '=', filter.buyerId);
  if (filter.agentId) q = q.where('agent_id', '=', filter.agentId);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.before) q = q.where('updated_at', '<', filter.before);
  // The queue in the order routing serves it (priority, then time in the queue): an agent reading it saw a gas leak among the
  // plain hand-overs, by last change (a Nanjing shop, thirty-eighth session).
  // Only a first page: `before` pages by last change, and an order by queue standing would repeat or skip rows (found in review).
  const ordered = filter.queueOrder && filter.state === 'queued' && !filter.before ? q.orderBy('priority', 'desc').orderBy('queued_at').orderBy('id') : q.orderBy('updated_at', 'desc');
  const rows = await ordered.limit(filter.limit).execute();
  return rows.map((r) => ({ ...toConversation(r), priority: Number(r.priority ?? 0), queuedAt: r.queued_at ?? null }));
}

/** The buyer's latest texts in a conversation, newest first (at most `limit`): for an agent's reply and routing's notices. */
export async function lastCustomerTexts(db: Db, conversationId: string, limit = 20): Promise<string[]> {
  const r = await sql<{ text: string | null }>`select content->>'text' as text from messages
    where conversation_id = ${conversationId} and sender_role = 'customer' and content->>'kind' = 'text' order by seq desc limit ${limit}`.execute(db);
  return r.rows.map((x) => x.text ?? '').filter(Boolean);
}

/** Queued conversations per shop (the backlog waiting for a human). */
export async function queuedByShop(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('conversations').select(['shop_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'queued').groupBy('shop_id').execute();
  return new Map(rows.map((r) => [r.shop_id, Number(r.n)]));
}

/** Whether the user has (or had) a conversation with the shop as its buyer. */
export async function hasBuyer(db: Db, shopId: string, buyerId: string): Promise<boolean> {
  const r = await db.selectFrom('conversations').select('id').where('buyer_id', '=', buyerId).where('shop_id', '=', shopId).limit(1).executeTakeFirst();
  return r !== undefined;
}
