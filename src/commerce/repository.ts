/**
 * All SQL of the read model's lookups. Every function takes the Db (or a Tx) as its first
 * argument; read-model.ts wraps them with decryption and batching.
 *
 * Invariants:
 * - Every buyer query is filtered by shop id AND user id in SQL; the logistics lookups by order
 *   id are filtered by shop id, so they never cross shops.
 * - Per-buyer lists are newest first and hold at most BUYER_LIST_LIMIT records. One key or many,
 *   the same statement runs (one LATERAL subquery per key), so a batched list is exactly the
 *   list a single lookup returns.
 * - Orders come back as stored rows, receiver still encrypted: decrypting needs the keyring, which
 *   is the caller's. Logistics and after-sales carry no secret and come back as records.
 * - An order may have several parcels (one per tracking number): every read returns all of them,
 *   an order's in PARCEL_ORDER (the order kefu first stored them, then by tracking number), and
 *   never a removed one (a tombstone of `logistics.removed`).
 */
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../storage/ports.ts';
import { rawRows } from '../storage/raw.ts';
import type { ShopAftersalesTable, ShopLogisticsTable, ShopOrdersTable } from '../storage/tables/commerce.ts';
import type { Aftersale, Logistics } from './types.ts';

/** Newest first, at most this many: the robot talks about recent orders, not the archive. */
export const BUYER_LIST_LIMIT = 50;

/** One buyer of one shop: the key of the batched lookups. */
export interface BuyerKey {
  shopId: string;
  userId: string;
}

/** An order as stored: the receiver fields are PII tokens bound to the shop. */
export type OrderRow = Selectable<ShopOrdersTable>;

/** undefined when the shop has no such order. */
export async function selectOrderRow(db: Db | Tx, shopId: string, orderId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('shop_orders').selectAll().where('shop_id', '=', shopId).where('order_id', '=', orderId).executeTakeFirst();
}

/**
 * The order of an order's parcels, in every read: first stored first (a later event of a parcel
 * does not move it), then by tracking number, compared byte by byte so both adapters agree.
 */
const PARCEL_ORDER = (t: string) => `${t}.first_stored_at, ${t}.tracking_no collate "C"`;
// selectLogistics spells the same order in kysely.

/** The shop's parcels of those orders, grouped in the order of `orderIds`, each order's in PARCEL_ORDER (shop-scoped only: no buyer here). */
export async function selectLogistics(db: Db | Tx, shopId: string, orderIds: readonly string[]): Promise<Logistics[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('shop_logistics')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', [...new Set(orderIds)])
    .where('removed', '=', false)
    .orderBy('first_stored_at')
    .orderBy(sql`tracking_no collate "C"`)
    .execute();
  // An id asked for twice ranks where it was first asked for, as in selectLogisticsMany.
  const rank = new Map([...new Set(orderIds)].map((id, i) => [id, i]));
  // A stable sort: each order's parcels stay in PARCEL_ORDER.
  return rows.map(toLogistics).sort((a, b) => (rank.get(a.orderId) ?? 0) - (rank.get(b.orderId) ?? 0));
}

/** selectLogistics for many requests in one query; one list per request, each as selectLogistics orders it. */
export async function selectLogisticsMany(db: Db | Tx, reqs: ReadonlyArray<{ shopId: string; orderIds: readonly string[] }>): Promise<Logistics[][]> {
  const pairs: Array<{ i: number; s: string; o: string; r: number }> = [];
  reqs.forEach((q, i) => [...new Set(q.orderIds)].forEach((o, r) => pairs.push({ i, s: q.shopId, o, r })));
  if (pairs.length === 0) return reqs.map(() => []);
  const rows = await rawRows<Selectable<ShopLogisticsTable> & { k_i: number }>(db, LOGISTICS_BY_ORDER_MANY, [JSON.stringify(pairs)]);
  return groupByKey(reqs.length, rows, toLogistics);
}

/** Each buyer's orders, newest first: one list per key, in the order of `keys`. */
export function selectBuyersOrderRows(db: Db | Tx, keys: readonly BuyerKey[]): Promise<OrderRow[][]> {
  return perBuyer<ShopOrdersTable, OrderRow>(db, ORDERS_MANY, keys, (r) => r);
}

/** Each buyer's after-sales, most recently updated first: one list per key, in the order of `keys`. */
export function selectBuyersAftersales(db: Db | Tx, keys: readonly BuyerKey[]): Promise<Aftersale[][]> {
  return perBuyer<ShopAftersalesTable, Aftersale>(db, AFTERSALES_MANY, keys, toAftersale);
}

// The per-buyer statements, one LATERAL subquery per key: the single lookups run them with one
// key, BatchedReadModel with many, so both keep the same order and limit.
const KEYS = `jsonb_to_recordset($1::jsonb) as k(i int, s text, u text)`;
const ORDERS_MANY = `select x.*, k.i as k_i from ${KEYS} cross join lateral (
    select * from shop_orders where shop_id = k.s and user_id = k.u order by created_at desc, order_id desc limit $2
  ) x order by k.i`;
const AFTERSALES_MANY = `select x.*, k.i as k_i from ${KEYS} cross join lateral (
    select * from shop_aftersales where shop_id = k.s and user_id = k.u order by updated_at desc, aftersale_id desc limit $2
  ) x order by k.i`;
const LOGISTICS_BY_ORDER_MANY = `select l.*, k.i as k_i from jsonb_to_recordset($1::jsonb) as k(i int, s text, o text, r int)
  cross join lateral (select * from shop_logistics where shop_id = k.s and order_id = k.o and not removed offset 0) l
  order by k.i, k.r, ${PARCEL_ORDER('l')}`;

const keysJson = (keys: readonly BuyerKey[]) => JSON.stringify(keys.map((k, i) => ({ i, s: k.shopId, u: k.userId })));

export type OrderWithParcelRow = Omit<Selectable<ShopOrdersTable>, 'last_event_id' | 'stored_at'> & {
  k_i: number;
  l_carrier: string | null;
  l_tracking_no: string | null;
  l_status: Logistics['status'] | null;
  l_events: Logistics['events'] | null;
  l_updated_at: Date | null;
};

// ORDERS_MANY (a LATERAL per buyer, same order and limit) with each order's parcels joined on
// the start of the logistics primary key: an order with several parcels comes as several rows,
// one per parcel in PARCEL_ORDER, which the caller groups back into one order. Only the columns
// an Order and a parcel are made of: every column costs parsing (a timestamp most of all) on every turn.
const ORDER_COLS = 'shop_id, order_id, user_id, status, items, total_amount, currency, receiver_name_enc, receiver_phone_enc, receiver_address_enc, created_at, updated_at, ship_by, pay_by, cancel_reason';
const ORDERS_WITH_PARCELS_MANY = `select x.*, k.i as k_i, l.carrier as l_carrier, l.tracking_no as l_tracking_no, l.status as l_status,
    l.events as l_events, l.updated_at as l_updated_at
  from jsonb_to_recordset($1::jsonb) as k(i int, s text, u text)
  cross join lateral (
    select ${ORDER_COLS} from shop_orders where shop_id = k.s and user_id = k.u order by created_at desc, order_id desc limit $2
  ) x
  left join shop_logistics l on l.shop_id = x.shop_id and l.order_id = x.order_id and not l.removed
  order by k.i, x.created_at desc, x.order_id desc, ${PARCEL_ORDER('l')}`;

/**
 * Each buyer's orders with their parcels, newest first, rows tagged with their key's index `k_i`:
 * one row per parcel (an order's rows together, its parcels in PARCEL_ORDER), or one row with
 * l_* null for an order without any.
 */
export function selectBuyersOrdersWithParcels(db: Db | Tx, keys: readonly BuyerKey[]): Promise<OrderWithParcelRow[]> {
  return rawRows<OrderWithParcelRow>(db, ORDERS_WITH_PARCELS_MANY, [keysJson(keys), BUYER_LIST_LIMIT]);
}

/** Runs one of the per-buyer statements for `keys`: one list per key, newest first, at most BUYER_LIST_LIMIT. */
async function perBuyer<Row, T>(db: Db | Tx, text: string, keys: readonly BuyerKey[], map: (r: Selectable<Row>) => T): Promise<T[][]> {
  const rows = await rawRows<Selectable<Row> & { k_i: number }>(db, text, [keysJson(keys), BUYER_LIST_LIMIT]);
  return groupByKey(keys.length, rows, map);
}

/** Rows tagged with their key's index `k_i`, back into one list per key. */
function groupByKey<R extends { k_i: number }, T>(n: number, rows: readonly R[], map: (r: R) => T): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  for (const r of rows) out[r.k_i]!.push(map(r));
  return out;
}

function toLogistics(r: Selectable<ShopLogisticsTable>): Logistics {
  return {
    shopId: r.shop_id,
    orderId: r.order_id,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    status: r.status,
    events: r.events,
    updatedAt: r.updated_at.toISOString(),
  };
}

function toAftersale(r: Selectable<ShopAftersalesTable>): Aftersale {
  return {
    shopId: r.shop_id,
    aftersaleId: r.aftersale_id,
    orderId: r.order_id,
    userId: r.user_id,
    type: r.type,
    status: r.status,
    ...(r.amount !== null ? { amount: r.amount } : {}),
    ...(r.reason !== null ? { reason: r.reason } : {}),
    updatedAt: r.updated_at.toISOString(),
  };
}

export type OrderKey = { shopId: string; orderId: string };
export type ReceiverTokens = { receiver_name_enc: string; receiver_phone_enc: string; receiver_address_enc: string };

/**
 * Orders holding a receiver token not encrypted with the key whose tokens start with `prefix`,
 * in key order after `after` (keyset pagination, so rows that fail to decrypt are passed over
 * instead of being read again for ever).
 */
export async function selectStaleReceivers(db: Db | Tx, prefix: string, after: OrderKey | undefined, limit: number): Promise<Array<{ shop_id: string; order_id: string } & ReceiverTokens>> {
  const stale = (col: keyof ReceiverTokens) => sql<boolean>`left(${sql.ref(col)}, ${prefix.length}) <> ${prefix}`;
  let q = db
    .selectFrom('shop_orders')
    .select(['shop_id', 'order_id', 'receiver_name_enc', 'receiver_phone_enc', 'receiver_address_enc'])
    .where((eb) => eb.or([stale('receiver_name_enc'), stale('receiver_phone_enc'), stale('receiver_address_enc')]));
  if (after) q = q.where((eb) => eb.or([eb('shop_id', '>', after.shopId), eb.and([eb('shop_id', '=', after.shopId), eb('order_id', '>', after.orderId)])]));
  return q.orderBy('shop_id').orderBy('order_id').limit(limit).execute();
}

/** Writes the new tokens only if the row still holds the ones read (a webhook may have won). */
export async function replaceReceiverTokens(db: Db | Tx, read: { shop_id: string; order_id: string } & ReceiverTokens, next: ReceiverTokens): Promise<boolean> {
  const res = await db
    .updateTable('shop_orders')
    .set(next)
    .where('shop_id', '=', read.shop_id)
    .where('order_id', '=', read.order_id)
    .where('receiver_name_enc', '=', read.receiver_name_enc)
    .where('receiver_phone_enc', '=', read.receiver_phone_enc)
    .where('receiver_address_enc', '=', read.receiver_address_enc)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
