/**
 * The read model as the robot and the agent console read it, over the SQL of repository.ts.
 * CommerceRepository decrypts the receiver fields, with the row's own shop id as the bound data;
 * BatchedReadModel gathers concurrent lookups into one query per kind.
 *
 * Invariants: every buyer list is filtered by shop id AND user id in SQL, logistics by order id
 * never cross shops (repository.ts), and a lookup whose signal has already fired does not start.
 */
import { Batcher, type BatcherOptions } from '../ops/batcher.ts';
import { decryptPii, type Keyring } from '../privacy/pii.ts';
import type { SqlStore } from '../storage/ports.ts';
import {
  selectBuyersAftersales,
  selectBuyersOrdersWithParcels,
  selectBuyersOrderRows,
  selectLogistics,
  selectLogisticsMany,
  selectOrderRow,
  type BuyerKey,
  type OrderRow,
  type OrderWithParcelRow,
} from './repository.ts';
import type { Aftersale, BuyerDataSource, Logistics, Order } from './types.ts';
import type { CommerceChange, OrdersMemo, OrdersWithParcels } from './orders-memo.ts';

/** What createBuyerDataSource needs of the read model; CommerceRepository implements it. */
export interface CommerceReadModel extends BuyerDataSource {
  getOrder(shopId: string, orderId: string): Promise<Order | null>;
}

export type { OrdersWithParcels } from './orders-memo.ts';

function parcelOf(r: OrderWithParcelRow): Logistics {
  return {
    shopId: r.shop_id,
    orderId: r.order_id,
    carrier: r.l_carrier!,
    trackingNo: r.l_tracking_no!,
    status: r.l_status!,
    events: r.l_events!,
    updatedAt: new Date(r.l_updated_at!).toISOString(),
  };
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

  #order(r: Omit<OrderRow, 'last_event_id' | 'stored_at'>): Order {
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
      ...(r.ship_by !== null ? { shipBy: r.ship_by.toISOString() } : {}),
      ...(r.pay_by !== null ? { payBy: r.pay_by.toISOString() } : {}),
      ...(r.cancel_reason !== null ? { cancelReason: r.cancel_reason } : {}),
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
    const r = await selectOrderRow(this.#sql.db, shopId, orderId);
    return r ? this.#order(r) : null;
  }

  /**
   * Shop-scoped only (BuyerDataSource has no user here): pass order ids taken from listOrders of
   * the same buyer. Every parcel of each order, grouped in the order of `orderIds`.
   */
  async getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    return selectLogistics(this.#sql.db, shopId, orderIds);
  }

  async listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]> {
    signal?.throwIfAborted();
    return (await this.listAftersalesMany([{ shopId, userId }]))[0]!;
  }

  /**
   * listOrdersMany with each order's parcels from the same query (none: an empty list), for
   * BatchedReadModel: the robot asks for the parcels of the orders it just read, and they are
   * already there. The query yields one row per parcel; an order is taken once, from its first row.
   */
  async listOrdersWithParcelsMany(keys: readonly BuyerKey[]): Promise<OrdersWithParcels[]> {
    const out: OrdersWithParcels[] = keys.map(() => ({ orders: [], parcels: new Map() }));
    if (keys.length === 0) return out;
    for (const r of await selectBuyersOrdersWithParcels(this.#sql.db, keys)) {
      const o = out[r.k_i]!;
      let parcels = o.parcels.get(r.order_id);
      if (!parcels) {
        o.orders.push(this.#order(r));
        o.parcels.set(r.order_id, (parcels = []));
      }
      if (r.l_tracking_no !== null) parcels.push(parcelOf(r));
    }
    return out;
  }

  /** listOrders for many buyers in one query; one list per key, in the order of `keys`. */
  async listOrdersMany(keys: readonly BuyerKey[]): Promise<Order[][]> {
    return (await selectBuyersOrderRows(this.#sql.db, keys)).map((rows) => rows.map((r) => this.#order(r)));
  }

  /** getLogistics for many requests in one query; one list per request, each in its orderIds order. */
  getLogisticsMany(reqs: ReadonlyArray<{ shopId: string; orderIds: readonly string[] }>): Promise<Logistics[][]> {
    return selectLogisticsMany(this.#sql.db, reqs);
  }

  /** listAftersales for many buyers in one query. */
  listAftersalesMany(keys: readonly BuyerKey[]): Promise<Aftersale[][]> {
    return selectBuyersAftersales(this.#sql.db, keys);
  }
}

/**
 * How long parcels read with a buyer's orders answer getLogistics without a query: long enough
 * for the robot's turn, which asks for them right after the orders, short enough that a parcel
 * update is seen by the next turn as it would be with a query of its own.
 */
export const PARCEL_MEMO_MS = 1000;
const PARCEL_MEMO_MAX = 20_000;
const parcelKey = (shopId: string, orderId: string) => `${shopId}\u0000${orderId}`;

/**
 * The same lists for many buyers in one query each (src/ops/batcher.ts gathers them): the robot
 * answers a busy shop's buyers with three queries per batch of turns instead of three per turn.
 * A buyer's orders come with their parcels (one join), so the turn's logistics lookup that follows
 * is answered from what was just read instead of a second query.
 * Each list keeps its per-buyer order and limit (a LATERAL subquery per key, on the buyer index;
 * LATERAL also keeps prepared plans probing indexes per key instead of scanning a whole table).
 */
export class BatchedReadModel implements CommerceReadModel {
  readonly #repo: CommerceRepository;
  readonly #orders: Batcher<BuyerKey, OrdersWithParcels>;
  /** Parcels read with a buyer's orders, by shop and order id, kept briefly for the turn's getLogistics. */
  readonly #parcels = new Map<string, { at: number; parcels: readonly Logistics[] }>();
  /** Orders reads in flight, per shop: a parcel lookup started beside one waits for its parcels. */
  readonly #reading = new Map<string, Set<Promise<unknown>>>();
  readonly #aftersales: Batcher<BuyerKey, Aftersale[]>;
  readonly #byOrderIds: Batcher<{ shopId: string; orderIds: readonly string[] }, Logistics[]>;

  /** Buyers' orders as last read, kept while no change is announced (orders-memo.ts); none: always read. */
  readonly #memo: OrdersMemo | undefined;
  /** Announced changes so far: a read that saw one begin and end around it is not kept. */
  #changes = 0;

  readonly #onMemo: ((result: 'hit' | 'miss') => void) | undefined;

  constructor(repo: CommerceRepository, opts: Omit<BatcherOptions, 'onBatch'> & { onBatch?: (kind: string, size: number) => void; memo?: OrdersMemo; onMemo?: (result: 'hit' | 'miss') => void } = {}) {
    this.#repo = repo;
    this.#memo = opts.memo;
    this.#onMemo = opts.memo && opts.onMemo;
    const o = (kind: string): BatcherOptions => ({ ...opts, onBatch: opts.onBatch && ((n) => opts.onBatch!(kind, n)) });
    this.#orders = new Batcher((keys) => repo.listOrdersWithParcelsMany(keys), o('orders'));
    this.#aftersales = new Batcher((keys) => repo.listAftersalesMany(keys), o('aftersales'));
    this.#byOrderIds = new Batcher((reqs) => repo.getLogisticsMany(reqs), o('parcels_by_order'));
  }

  async listOrders(shopId: string, userId: string, signal?: AbortSignal): Promise<Order[]> {
    signal?.throwIfAborted();
    const kept = this.#memo?.get(shopId, userId);
    this.#onMemo?.(kept ? 'hit' : 'miss');
    const { r, fresh } = kept ? { r: kept, fresh: true } : await this.#readOrders(shopId, userId);
    // Rows read across an announced change may be the old ones: answer with them, keep nothing.
    if (!fresh) return [...r.orders];
    const now = Date.now();
    this.#forget(now);
    for (const [orderId, parcels] of r.parcels) {
      const key = parcelKey(shopId, orderId);
      // Re-inserted, so the map stays in time order for #forget.
      this.#parcels.delete(key);
      this.#parcels.set(key, { at: now, parcels });
    }
    // A copy: the list may be the memo's, and callers sort and filter what they are given.
    return [...r.orders];
  }

  /** One buyer's orders through the batcher, marked as in flight for getLogistics, then kept. */
  async #readOrders(shopId: string, userId: string): Promise<{ r: OrdersWithParcels; fresh: boolean }> {
    const changes = this.#changes;
    const epoch = this.#memo?.epoch ?? 0;
    const read = this.#orders.add({ shopId, userId });
    const reading = this.#reading.get(shopId) ?? new Set();
    this.#reading.set(shopId, reading);
    reading.add(read);
    try {
      const r = await read;
      const fresh = changes === this.#changes;
      if (fresh) this.#memo?.put(shopId, userId, r, epoch);
      return { r, fresh };
    } finally {
      reading.delete(read);
      if (reading.size === 0 && this.#reading.get(shopId) === reading) this.#reading.delete(shopId);
    }
  }

  /**
   * A record of the read model changed (a webhook or an erasure committed, here or on another
   * node): what was kept of it is dropped, and reads in flight keep nothing. The turn-long parcel
   * copy is small (one second of turns) and goes whole.
   */
  changed(c: CommerceChange): void {
    this.#changes++;
    this.#memo?.changed(c);
    this.#parcels.clear();
  }

  /** Changes may have been missed (the bus was away): nothing kept is trusted. */
  forgetAll(): void {
    this.#changes++;
    this.#memo?.clear();
    this.#parcels.clear();
  }

  /** Drops parcels read more than PARCEL_MEMO_MS ago (the map is in time order), and bounds it. */
  #forget(now: number): void {
    for (const [k, v] of this.#parcels) {
      if (now - v.at <= PARCEL_MEMO_MS && this.#parcels.size < PARCEL_MEMO_MAX) break;
      this.#parcels.delete(k);
    }
  }

  /** The parcels of `orderIds` read with their orders just now, or undefined when any is not known. */
  #remembered(shopId: string, orderIds: readonly string[]): Logistics[] | undefined {
    const now = Date.now();
    const out: Logistics[] = [];
    for (const id of new Set(orderIds)) {
      const m = this.#parcels.get(parcelKey(shopId, id));
      if (!m || now - m.at > PARCEL_MEMO_MS) return undefined;
      out.push(...m.parcels);
    }
    return out;
  }

  listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]> {
    signal?.throwIfAborted();
    return this.#aftersales.add({ shopId, userId });
  }

  getOrder(shopId: string, orderId: string): Promise<Order | null> {
    return this.#repo.getOrder(shopId, orderId);
  }

  async getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    if (orderIds.length === 0) return [];
    const known = this.#remembered(shopId, orderIds);
    if (known) return known;
    // The robot asks for the parcels of orders it knows from the conversation alongside the
    // buyer's order list: that list brings them, so wait for it rather than query beside it.
    const reading = this.#reading.get(shopId);
    if (reading?.size) {
      await Promise.allSettled([...reading]);
      const after = this.#remembered(shopId, orderIds);
      if (after) return after;
    }
    return this.#byOrderIds.add({ shopId, orderIds });
  }
}
