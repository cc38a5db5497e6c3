/**
 * The read model as the robot and the agent console read it. Every buyer query is filtered by
 * shop id AND user id in SQL; logistics for a buyer are reached through the buyer's own orders,
 * so an order id typed into the chat cannot reveal someone else's parcel. Receiver fields are
 * decrypted here, with the row's own shop id as the bound data.
 */
import type { Selectable } from 'kysely';
import { rawRows } from '../storage/raw.ts';
import { Batcher, type BatcherOptions } from '../ops/batcher.ts';
import { decryptPii, type Keyring } from '../privacy/pii.ts';
import type { SqlStore } from '../storage/ports.ts';
import type { ShopAftersalesTable, ShopLogisticsTable, ShopOrdersTable } from '../storage/tables/commerce.ts';
import type { Aftersale, BuyerDataSource, Logistics, Order } from './types.ts';

/** Newest first, at most this many: the robot talks about recent orders, not the archive. */
export const BUYER_LIST_LIMIT = 50;

/** What createBuyerDataSource needs of the read model; CommerceRepository implements it. */
export interface CommerceReadModel extends BuyerDataSource {
  getOrder(shopId: string, orderId: string): Promise<Order | null>;
  /** Logistics of the buyer's own orders (all of them, or only `orderIds`), newest order first. */
  listBuyerLogistics(shopId: string, userId: string, orderIds?: readonly string[], signal?: AbortSignal): Promise<Logistics[]>;
}

export class CommerceRepository implements CommerceReadModel {
  readonly #sql: SqlStore;
  readonly #keyring: Keyring;

  readonly #lazyReceiver: boolean;

  /**
   * `lazyReceiver`: decrypt an order's receiver on first access instead of when it is read. For
   * the robot, which reads a buyer's orders on every turn and almost never shows the receiver
   * (decryption was a tenth of its CPU); a corrupt receiver then fails only where it is used.
   */
  constructor(sql: SqlStore, keyring: Keyring, opts: { lazyReceiver?: boolean } = {}) {
    this.#sql = sql;
    this.#keyring = keyring;
    this.#lazyReceiver = opts.lazyReceiver ?? false;
  }

  #order(r: Selectable<ShopOrdersTable>): Order {
    const k = this.#keyring;
    const decrypt = () => ({
      name: decryptPii(k, r.shop_id, r.receiver_name_enc),
      phone: decryptPii(k, r.shop_id, r.receiver_phone_enc),
      address: decryptPii(k, r.shop_id, r.receiver_address_enc),
    });
    const order = {
      shopId: r.shop_id,
      orderId: r.order_id,
      userId: r.user_id,
      status: r.status,
      items: r.items,
      totalAmount: r.total_amount,
      currency: r.currency,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
    if (!this.#lazyReceiver) return { ...order, receiver: decrypt() };
    let receiver: Order['receiver'] | undefined;
    Object.defineProperty(order, 'receiver', { enumerable: true, get: () => (receiver ??= decrypt()) });
    return order as typeof order & Pick<Order, 'receiver'>;
  }

  /** The buyer's orders in that shop, newest first (the batched statement with one key). */
  async listOrders(shopId: string, userId: string, signal?: AbortSignal): Promise<Order[]> {
    signal?.throwIfAborted();
    return (await this.listOrdersMany([{ shopId, userId }]))[0]!;
  }

  /** For the agent console, which is already limited to its shop; null when the shop has no such order. */
  async getOrder(shopId: string, orderId: string): Promise<Order | null> {
    const r = await this.#sql.db.selectFrom('shop_orders').selectAll().where('shop_id', '=', shopId).where('order_id', '=', orderId).executeTakeFirst();
    return r ? this.#order(r) : null;
  }

  /**
   * Shop-scoped only (BuyerDataSource has no user here): pass order ids taken from
   * listOrders of the same buyer, or use listBuyerLogistics.
   */
  async getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    if (orderIds.length === 0) return [];
    const rows = await this.#sql.db
      .selectFrom('shop_logistics')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('order_id', 'in', [...new Set(orderIds)])
      .execute();
    const rank = new Map(orderIds.map((id, i) => [id, i]));
    return rows.map(toLogistics).sort((a, b) => (rank.get(a.orderId) ?? 0) - (rank.get(b.orderId) ?? 0));
  }

  async listBuyerLogistics(shopId: string, userId: string, orderIds?: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    if (!orderIds) return (await this.listBuyerLogisticsMany([{ shopId, userId }]))[0]!;
    if (orderIds.length === 0) return [];
    const rows = await this.#sql.db
      .selectFrom('shop_logistics as l')
      .innerJoin('shop_orders as o', (j) => j.onRef('o.shop_id', '=', 'l.shop_id').onRef('o.order_id', '=', 'l.order_id'))
      .selectAll('l')
      .where('l.shop_id', '=', shopId)
      .where('o.user_id', '=', userId)
      .where('l.order_id', 'in', [...new Set(orderIds)])
      .orderBy('o.created_at', 'desc')
      .orderBy('l.order_id', 'desc')
      .limit(BUYER_LIST_LIMIT)
      .execute();
    return rows.map(toLogistics);
  }

  async listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]> {
    signal?.throwIfAborted();
    return (await this.listAftersalesMany([{ shopId, userId }]))[0]!;
  }

  /** listOrders for many buyers in one query; one list per key, in the order of `keys`. */
  listOrdersMany(keys: readonly BuyerKey[]): Promise<Order[][]> {
    return this.#perBuyer<ShopOrdersTable, Order>(ORDERS_MANY, keys, (row) => this.#order(row));
  }

  /** getLogistics for many requests in one query; one list per request, each in its orderIds order. */
  async getLogisticsMany(reqs: ReadonlyArray<{ shopId: string; orderIds: readonly string[] }>): Promise<Logistics[][]> {
    const pairs: Array<{ i: number; s: string; o: string; r: number }> = [];
    reqs.forEach((q, i) => [...new Set(q.orderIds)].forEach((o, r) => pairs.push({ i, s: q.shopId, o, r })));
    if (pairs.length === 0) return reqs.map(() => []);
    const rows = await rawRows<Selectable<ShopLogisticsTable> & { k_i: number }>(this.#sql.db, LOGISTICS_BY_ORDER_MANY, [JSON.stringify(pairs)]);
    return groupByKey(reqs.length, rows, toLogistics);
  }

  /** listBuyerLogistics (all of the buyer's parcels) for many buyers in one query. */
  listBuyerLogisticsMany(keys: readonly BuyerKey[]): Promise<Logistics[][]> {
    return this.#perBuyer<ShopLogisticsTable, Logistics>(BUYER_LOGISTICS_MANY, keys, toLogistics);
  }

  /** listAftersales for many buyers in one query. */
  listAftersalesMany(keys: readonly BuyerKey[]): Promise<Aftersale[][]> {
    return this.#perBuyer<ShopAftersalesTable, Aftersale>(AFTERSALES_MANY, keys, toAftersale);
  }

  /** Runs one of the per-buyer statements below for `keys`: one list per key, newest first, at most BUYER_LIST_LIMIT. */
  async #perBuyer<Row, T>(text: string, keys: readonly BuyerKey[], map: (r: Selectable<Row>) => T): Promise<T[][]> {
    const rows = await rawRows<Selectable<Row> & { k_i: number }>(this.#sql.db, text, [keysJson(keys), BUYER_LIST_LIMIT]);
    return groupByKey(keys.length, rows, map);
  }
}

// The per-buyer statements, one LATERAL subquery per key: the single lookups run them with one
// key, BatchedReadModel with many, so both keep the same order and limit.
const KEYS = `jsonb_to_recordset($1::jsonb) as k(i int, s text, u text)`;
const ORDERS_MANY = `select x.*, k.i as k_i from ${KEYS} cross join lateral (
    select * from shop_orders where shop_id = k.s and user_id = k.u order by created_at desc, order_id desc limit $2
  ) x order by k.i`;
const BUYER_LOGISTICS_MANY = `select x.*, k.i as k_i from ${KEYS} cross join lateral (
    select l.* from shop_logistics l join shop_orders o on o.shop_id = l.shop_id and o.order_id = l.order_id
    where l.shop_id = k.s and o.user_id = k.u order by o.created_at desc, l.order_id desc limit $2
  ) x order by k.i`;
const AFTERSALES_MANY = `select x.*, k.i as k_i from ${KEYS} cross join lateral (
    select * from shop_aftersales where shop_id = k.s and user_id = k.u order by updated_at desc, aftersale_id desc limit $2
  ) x order by k.i`;
const LOGISTICS_BY_ORDER_MANY = `select l.*, k.i as k_i from jsonb_to_recordset($1::jsonb) as k(i int, s text, o text, r int)
  cross join lateral (select * from shop_logistics where shop_id = k.s and order_id = k.o offset 0) l
  order by k.i, k.r`;

/** One buyer of one shop: the key of the batched lookups. */
export interface BuyerKey {
  shopId: string;
  userId: string;
}

const keysJson = (keys: readonly BuyerKey[]) => JSON.stringify(keys.map((k, i) => ({ i, s: k.shopId, u: k.userId })));

/** Rows tagged with their key's index `k_i`, back into one list per key. */
function groupByKey<R extends { k_i: number }, T>(n: number, rows: readonly R[], map: (r: R) => T): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  for (const r of rows) out[r.k_i]!.push(map(r));
  return out;
}

/**
 * The same lists for many buyers in one query each (src/ops/batcher.ts gathers them): the robot
 * answers a busy shop's buyers with three queries per batch of turns instead of three per turn.
 * Each list keeps its per-buyer order and limit (a LATERAL subquery per key, on the buyer index;
 * LATERAL also keeps prepared plans probing indexes per key instead of scanning a whole table).
 */
export class BatchedReadModel implements CommerceReadModel {
  readonly #repo: CommerceRepository;
  readonly #orders: Batcher<BuyerKey, Order[]>;
  readonly #logistics: Batcher<BuyerKey, Logistics[]>;
  readonly #aftersales: Batcher<BuyerKey, Aftersale[]>;
  readonly #byOrderIds: Batcher<{ shopId: string; orderIds: readonly string[] }, Logistics[]>;

  constructor(repo: CommerceRepository, opts: Omit<BatcherOptions, 'onBatch'> & { onBatch?: (kind: string, size: number) => void } = {}) {
    this.#repo = repo;
    const o = (kind: string): BatcherOptions => ({ ...opts, onBatch: opts.onBatch && ((n) => opts.onBatch!(kind, n)) });
    this.#orders = new Batcher((keys) => repo.listOrdersMany(keys), o('orders'));
    this.#logistics = new Batcher((keys) => repo.listBuyerLogisticsMany(keys), o('parcels'));
    this.#aftersales = new Batcher((keys) => repo.listAftersalesMany(keys), o('aftersales'));
    this.#byOrderIds = new Batcher((reqs) => repo.getLogisticsMany(reqs), o('parcels_by_order'));
  }

  listOrders(shopId: string, userId: string, signal?: AbortSignal): Promise<Order[]> {
    signal?.throwIfAborted();
    return this.#orders.add({ shopId, userId });
  }

  listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]> {
    signal?.throwIfAborted();
    return this.#aftersales.add({ shopId, userId });
  }

  listBuyerLogistics(shopId: string, userId: string, orderIds?: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    if (orderIds) return this.#repo.listBuyerLogistics(shopId, userId, orderIds, signal);
    signal?.throwIfAborted();
    return this.#logistics.add({ shopId, userId });
  }

  getOrder(shopId: string, orderId: string): Promise<Order | null> {
    return this.#repo.getOrder(shopId, orderId);
  }

  getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.#byOrderIds.add({ shopId, orderIds });
  }
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
