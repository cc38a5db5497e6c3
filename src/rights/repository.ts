/**
 * All SQL of buyers' data rights: what the export reads about one buyer (across every shop: a
 * buyer is not bound to one), what an erasure changes in one shop (in the caller's transaction),
 * the retention settings and the sweep's batches. Every statement names the shop, or for the
 * export the buyer, in SQL.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../storage/ports.ts';
import { locks } from '../storage/keys.ts';

/** What replaces an erased message's content, note or name: the row stays, so seqs keep no gap. */
export const ERASED_TEXT = '[erased]';
const ERASED_CONTENT = JSON.stringify({ kind: 'text', text: ERASED_TEXT });

export interface ConversationRow {
  id: string;
  shop_id: string;
  state: string;
  agent_name: string | null;
  created_at: Date;
  closed_at: Date | null;
}

export interface MessageRow {
  conversation_id: string;
  seq: number;
  sender_role: string;
  sender_name: string | null;
  content: unknown;
  created_at: Date;
}

export interface RatingRow {
  conversation_id: string;
  score: number;
  comment: string | null;
  created_at: Date;
}

export interface OrderRow {
  shop_id: string;
  order_id: string;
  status: string;
  items: unknown;
  total_amount: string;
  currency: string;
  receiver_name_enc: string;
  receiver_phone_enc: string;
  receiver_address_enc: string;
  created_at: Date;
  updated_at: Date;
  ship_by: Date | null;
  pay_by: Date | null;
  cancel_reason: string | null;
}

export interface LogisticsRow {
  shop_id: string;
  order_id: string;
  carrier: string;
  tracking_no: string;
  status: string;
  events: unknown;
  updated_at: Date;
}

export interface AftersaleRow {
  shop_id: string;
  aftersale_id: string;
  order_id: string;
  type: string;
  status: string;
  amount: string | null;
  reason: string | null;
  updated_at: Date;
}

export interface BuyerRecords {
  conversations: ConversationRow[];
  messages: MessageRow[];
  ratings: RatingRow[];
  orders: OrderRow[];
  logistics: LogisticsRow[];
  aftersales: AftersaleRow[];
}

/** Everything kefu holds about one buyer, in every shop (read in one transaction: one snapshot). */
export async function selectBuyerRecords(tx: Tx, buyerId: string): Promise<BuyerRecords> {
  const conversations = (await sql<ConversationRow>`select id, shop_id, state, agent_name, created_at, closed_at from conversations where buyer_id = ${buyerId} order by created_at, id`.execute(tx)).rows;
  const messages = (
    await sql<MessageRow>`select m.conversation_id, m.seq, m.sender_role, m.sender_name, m.content, m.created_at
      from messages m join conversations c on c.id = m.conversation_id and c.shop_id = m.shop_id
      where c.buyer_id = ${buyerId} order by m.conversation_id, m.seq`.execute(tx)
  ).rows;
  const ratings = (await sql<RatingRow>`select conversation_id, score, comment, created_at from conversation_ratings where buyer_id = ${buyerId} order by created_at`.execute(tx)).rows;
  const orders = (
    await sql<OrderRow>`select shop_id, order_id, status, items, total_amount, currency, receiver_name_enc, receiver_phone_enc, receiver_address_enc, created_at, updated_at,
      ship_by, pay_by, cancel_reason
      from shop_orders where user_id = ${buyerId} order by shop_id, created_at, order_id`.execute(tx)
  ).rows;
  const logistics = (
    // Every parcel of every order (one per tracking number), in the read model's order; a
    // withdrawn parcel (a tombstone of logistics.removed) is no record of the buyer's.
    await sql<LogisticsRow>`select l.shop_id, l.order_id, l.carrier, l.tracking_no, l.status, l.events, l.updated_at
      from shop_logistics l join shop_orders o on o.shop_id = l.shop_id and o.order_id = l.order_id
      where o.user_id = ${buyerId} and not l.removed order by l.shop_id, l.order_id, l.first_stored_at, l.tracking_no collate "C"`.execute(tx)
  ).rows;
  const aftersales = (
    await sql<AftersaleRow>`select shop_id, aftersale_id, order_id, type, status, amount, reason, updated_at
      from shop_aftersales where user_id = ${buyerId} order by shop_id, updated_at, aftersale_id`.execute(tx)
  ).rows;
  return { conversations, messages, ratings, orders, logistics, aftersales };
}

export interface ErasureCounts {
  conversations: number;
  messages: number;
  notes: number;
  ratings: number;
  orders: number;
  parcels: number;
  aftersales: number;
  /** FAQ suggestions made of the buyer's questions: deleted, or the question erased from one accepted into the FAQ. */
  suggestions: number;
}

const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/**
 * Erases one buyer in one shop, in the caller's transaction: the text of every message of the
 * buyer's conversations with the shop (both sides: replies quote orders and addresses) and of
 * the staff's notes on them, the buyer's name, rating comments, and the read-model copies of the
 * buyer's orders, parcels and after-sales (the PII). Rows already erased are not counted again,
 * so a second erasure reports zeros. Returns the counts and the conversation ids (their cache
 * entries are dropped after the commit).
 */
export async function eraseBuyer(tx: Tx, shopId: string, buyerId: string): Promise<{ counts: ErasureCounts; conversationIds: string[] }> {
  // The shop's retention sweep deletes old messages in time order while this updates them by
  // conversation: the sweep's lock keeps the two from locking the same rows in opposite orders.
  await sql`select pg_advisory_xact_lock(hashtext(${locks.retentionShop(shopId)}))`.execute(tx);
  // Conversation rows in the one order every writer of several conversations takes them.
  const convs = (await sql<{ id: string; named: boolean }>`select id, buyer_name is not null as named from conversations where shop_id = ${shopId} and buyer_id = ${buyerId} order by id collate "C" for update`.execute(tx)).rows;
  const ids = convs.map((c) => c.id);
  await sql`update conversations set buyer_name = null where shop_id = ${shopId} and buyer_id = ${buyerId} and buyer_name is not null`.execute(tx);
  const messages = await sql`update messages set content = ${ERASED_CONTENT}::jsonb, sender_name = case when sender_role = 'customer' then null else sender_name end
    where shop_id = ${shopId} and conversation_id = any(${ids}::text[]) and content <> ${ERASED_CONTENT}::jsonb`.execute(tx);
  const notes = await sql`update conversation_notes set text = ${ERASED_TEXT} where shop_id = ${shopId} and conversation_id = any(${ids}::text[]) and text <> ${ERASED_TEXT}`.execute(tx);
  const ratings = await sql`update conversation_ratings set comment = null where shop_id = ${shopId} and buyer_id = ${buyerId} and comment is not null`.execute(tx);
  // Every parcel of the buyer's orders, and the tombstones of withdrawn ones (they name a tracking
  // number too); only parcels are counted.
  const parcels = await sql<{ removed: boolean }>`delete from shop_logistics l using shop_orders o where l.shop_id = ${shopId} and o.shop_id = l.shop_id and o.order_id = l.order_id and o.user_id = ${buyerId} returning l.removed`.execute(tx);
  const aftersales = await sql`delete from shop_aftersales where shop_id = ${shopId} and user_id = ${buyerId}`.execute(tx);
  const orders = await sql`delete from shop_orders where shop_id = ${shopId} and user_id = ${buyerId}`.execute(tx);
  // A suggestion quotes the buyer's question (found from outside: a phone number in one outlived
  // the erasure). One the admin accepted keeps its record, without the buyer's words.
  const dropped = await sql`delete from faq_suggestions where shop_id = ${shopId} and conversation_id = any(${ids}::text[]) and status <> 'accepted'`.execute(tx);
  const blanked = await sql`update faq_suggestions set question = ${ERASED_TEXT} where shop_id = ${shopId} and conversation_id = any(${ids}::text[]) and status = 'accepted' and question <> ${ERASED_TEXT}`.execute(tx);
  const counts: ErasureCounts = {
    conversations: convs.filter((c) => c.named).length,
    messages: count(messages),
    notes: count(notes),
    ratings: count(ratings),
    orders: count(orders),
    parcels: parcels.rows.filter((r) => !r.removed).length,
    aftersales: count(aftersales),
    suggestions: count(dropped) + count(blanked),
  };
  return { counts, conversationIds: ids };
}

export interface AuditRow {
  id: string;
  shop_id: string;
  buyer_id: string;
  actor_id: string;
  erased_at: Date;
  counts: ErasureCounts;
}

export async function insertAudit(tx: Tx, row: Omit<AuditRow, 'erased_at'>): Promise<AuditRow> {
  const r = await sql<AuditRow>`insert into erasure_audit (id, shop_id, buyer_id, actor_id, counts) values (${row.id}, ${row.shop_id}, ${row.buyer_id}, ${row.actor_id}, ${JSON.stringify(row.counts)}::jsonb)
    returning id, shop_id, buyer_id, actor_id, erased_at, counts`.execute(tx);
  return r.rows[0]!;
}

/** The shop's erasures, newest first, at most `limit`. */
/** The shop's erasures, newest first; with `before` (an erasure's id), those listed after it. Undefined when `before` is not the shop's. */
export async function selectAudits(db: Db, shopId: string, limit: number, before?: string): Promise<AuditRow[] | undefined> {
  if (before === undefined) return (await sql<AuditRow>`select id, shop_id, buyer_id, actor_id, erased_at, counts from erasure_audit where shop_id = ${shopId} order by erased_at desc, id limit ${limit}`.execute(db)).rows;
  const rows = await sql<AuditRow>`with c as (select erased_at, id from erasure_audit where shop_id = ${shopId} and id = ${before})
    select a.id, a.shop_id, a.buyer_id, a.actor_id, a.erased_at, a.counts from erasure_audit a, c
    where a.shop_id = ${shopId} and (a.erased_at < c.erased_at or (a.erased_at = c.erased_at and a.id > c.id))
    order by a.erased_at desc, a.id limit ${limit}`.execute(db);
  if (rows.rows.length > 0) return rows.rows;
  const known = await sql`select 1 from erasure_audit where shop_id = ${shopId} and id = ${before}`.execute(db);
  return known.rows.length ? [] : undefined;
}

export interface RetentionRow {
  message_days: number | null;
  updated_by: string | null;
  updated_at: Date | null;
  last_swept_at: Date | null;
}

export async function selectRetention(db: Db, shopId: string): Promise<RetentionRow | undefined> {
  return (await sql<RetentionRow>`select message_days, updated_by, updated_at, last_swept_at from shop_retention where shop_id = ${shopId}`.execute(db)).rows[0];
}

export async function upsertRetention(db: Db, shopId: string, messageDays: number | null, actorId: string): Promise<RetentionRow> {
  const r = await sql<RetentionRow>`insert into shop_retention (shop_id, message_days, updated_by) values (${shopId}, ${messageDays}, ${actorId})
    on conflict (shop_id) do update set message_days = excluded.message_days, updated_by = excluded.updated_by, updated_at = now()
    returning message_days, updated_by, updated_at, last_swept_at`.execute(db);
  return r.rows[0]!;
}

/**
 * Claims the shops whose sweep is due (a retention set, not swept in the last `everyMs`), marking
 * them swept now, under the sweep lock: tried, not waited for, so a node that does not get it
 * leaves this round to the node that did. Returns undefined when another node holds it.
 */
export async function claimDueShops(tx: Tx, everyMs: number, max: number): Promise<Array<{ shop_id: string; message_days: number }> | undefined> {
  const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext(${locks.retentionSweep})) as ok`.execute(tx);
  if (!got.rows[0]?.ok) return undefined;
  const due = await sql<{ shop_id: string; message_days: number }>`update shop_retention set last_swept_at = now()
    where shop_id in (select shop_id from shop_retention where message_days is not null
      and (last_swept_at is null or last_swept_at < now() - ${everyMs} * interval '1 millisecond') order by last_swept_at nulls first, shop_id limit ${max})
    returning shop_id, message_days`.execute(tx);
  return due.rows;
}

/**
 * One batch of a shop's sweep: at most `limit` of its messages older than `days` days, oldest
 * first, deleted under the shop's sweep lock (waited for: the holder is another node's batch).
 * Returns the conversations touched (their hot history is dropped) and how many went.
 */
export async function deleteOldMessages(tx: Tx, shopId: string, days: number, limit: number): Promise<{ deleted: number; conversationIds: string[] }> {
  await sql`select pg_advisory_xact_lock(hashtext(${locks.retentionShop(shopId)}))`.execute(tx);
  const r = await sql<{ conversation_id: string }>`delete from messages where (conversation_id, seq) in (
      select conversation_id, seq from messages where shop_id = ${shopId} and created_at < now() - ${days} * interval '1 day' order by created_at limit ${limit})
    returning conversation_id`.execute(tx);
  // Suggestions quote buyers' messages: they go with them (an accepted one is the shop's FAQ now).
  await sql`delete from faq_suggestions where shop_id = ${shopId} and status <> 'accepted' and created_at < now() - ${days} * interval '1 day'`.execute(tx);
  return { deleted: r.rows.length, conversationIds: [...new Set(r.rows.map((x) => x.conversation_id))] };
}
