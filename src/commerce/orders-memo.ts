/**
 * A node's copy of buyers' orders with their parcels, as the robot last read them, so that a
 * buyer's second and later questions cost no query. Correct only while every change to the read
 * model reaches it, so the rules are:
 *
 * - Every change is announced (`CommerceChange`): a webhook that changed a record after its
 *   commit, an erasure after its commit; on this node at once and on the others through the bus.
 *   An announcement drops the buyer's entry (or, for a parcel, the entry that holds the order).
 * - The bus loses what is published while a subscriber is away: on its reconnect the whole copy
 *   is dropped (`clear`).
 * - A read that was in flight when a change was announced may carry the old rows: it is not kept
 *   (`epoch`: any drop since the read began makes `put` a no-op).
 * - `ORDERS_MEMO_MS` bounds the rest (an announcement lost without a reconnect, such as a publish
 *   that failed while the bus stayed up on this node); `ORDERS_MEMO_MAX` and `ORDERS_MEMO_MAX_WEIGHT` bound the memory.
 */
import type { Logistics, Order } from './types.ts';

/** A buyer's orders, and the parcels of each of them by order id (empty: none in the read model), in the read model's order. */
export interface OrdersWithParcels {
  orders: Order[];
  parcels: Map<string, Logistics[]>;
}

/** What changed in a shop's read model: a buyer's records, an order's, or both. */
export interface CommerceChange {
  readonly shopId: string;
  readonly userId?: string;
  readonly orderId?: string;
}

export const ORDERS_MEMO_MS = 30_000;
/** Buyers kept; a typical entry (3 orders, their parcels with 6 events each) is about 5 KB. */
export const ORDERS_MEMO_MAX = 5_000;
/**
 * Orders plus parcel events kept, all buyers together: a buyer with 20 orders of 200 events each
 * weighs 4,000, so a few such buyers cannot fill the memory that 5,000 ordinary ones use.
 */
export const ORDERS_MEMO_MAX_WEIGHT = 100_000;

const weightOf = (v: OrdersWithParcels): number => {
  let w = v.orders.length;
  for (const list of v.parcels.values()) for (const p of list) w += p.events.length;
  return w;
};

const key = (a: string, b: string) => `${a}\u0000${b}`;

/** The bus message of a change, and back; null for a message this version cannot read. */
export function encodeChange(c: CommerceChange): string {
  return JSON.stringify([c.shopId, c.userId ?? null, c.orderId ?? null]);
}

export function decodeChange(message: string): CommerceChange | null {
  try {
    const v: unknown = JSON.parse(message);
    if (!Array.isArray(v) || typeof v[0] !== 'string') return null;
    const [shopId, userId, orderId] = v as [string, unknown, unknown];
    return { shopId, ...(typeof userId === 'string' ? { userId } : {}), ...(typeof orderId === 'string' ? { orderId } : {}) };
  } catch {
    return null;
  }
}

export class OrdersMemo {
  /** By shop and user; in insertion order, which is time order (entries are re-inserted). */
  readonly #byBuyer = new Map<string, { at: number; value: OrdersWithParcels; weight: number }>();
  /** Shop and order id → the buyer key whose entry lists it. */
  readonly #byOrder = new Map<string, string>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #maxWeight: number;
  readonly #now: () => number;
  #epoch = 0;
  #weight = 0;

  constructor(opts: { ttlMs?: number; max?: number; maxWeight?: number; now?: () => number } = {}) {
    this.#ttlMs = opts.ttlMs ?? ORDERS_MEMO_MS;
    this.#max = opts.max ?? ORDERS_MEMO_MAX;
    this.#maxWeight = opts.maxWeight ?? ORDERS_MEMO_MAX_WEIGHT;
    this.#now = opts.now ?? Date.now;
  }

  /** Taken before a read; `put` keeps its result only if nothing was dropped since. */
  get epoch(): number {
    return this.#epoch;
  }

  get size(): number {
    return this.#byBuyer.size;
  }

  get(shopId: string, userId: string): OrdersWithParcels | undefined {
    const k = key(shopId, userId);
    const e = this.#byBuyer.get(k);
    if (!e) return undefined;
    if (this.#now() - e.at > this.#ttlMs) {
      this.#drop(k);
      return undefined;
    }
    return e.value;
  }

  put(shopId: string, userId: string, value: OrdersWithParcels, epoch: number): void {
    if (epoch !== this.#epoch) return;
    const k = key(shopId, userId);
    this.#drop(k);
    const weight = weightOf(value);
    // One buyer heavier than the whole bound is simply not kept.
    if (weight > this.#maxWeight) return;
    this.#byBuyer.set(k, { at: this.#now(), value, weight });
    this.#weight += weight;
    for (const o of value.orders) this.#byOrder.set(key(shopId, o.orderId), k);
    this.#trim();
  }

  /** Drops what `c` may have changed. */
  changed(c: CommerceChange): void {
    this.#epoch++;
    if (c.userId !== undefined) this.#drop(key(c.shopId, c.userId));
    if (c.orderId !== undefined) {
      const owner = this.#byOrder.get(key(c.shopId, c.orderId));
      if (owner !== undefined) this.#drop(owner);
    }
    // A change that names neither is a whole shop's: rare (none is sent today), so a full scan.
    if (c.userId === undefined && c.orderId === undefined) {
      const prefix = key(c.shopId, '');
      for (const k of [...this.#byBuyer.keys()]) if (k.startsWith(prefix)) this.#drop(k);
    }
  }

  clear(): void {
    this.#epoch++;
    this.#byBuyer.clear();
    this.#byOrder.clear();
    this.#weight = 0;
  }

  /** Orders plus parcel events kept now. */
  get weight(): number {
    return this.#weight;
  }

  #drop(k: string): void {
    const e = this.#byBuyer.get(k);
    if (!e) return;
    this.#byBuyer.delete(k);
    this.#weight -= e.weight;
    const shopId = k.slice(0, k.indexOf('\u0000'));
    for (const o of e.value.orders) {
      const ok = key(shopId, o.orderId);
      if (this.#byOrder.get(ok) === k) this.#byOrder.delete(ok);
    }
  }

  /** Oldest first, past either bound or the time limit. */
  #trim(): void {
    const now = this.#now();
    for (const [k, e] of this.#byBuyer) {
      if (this.#byBuyer.size <= this.#max && this.#weight <= this.#maxWeight && now - e.at <= this.#ttlMs) break;
      this.#drop(k);
    }
  }
}

/**
 * What a webhook's event changed of what the memo keeps (orders and their parcels); null for
 * after-sales, which it does not keep.
 */
export function changeOfEvent(e: { type: string; shopId: string; data: { orderId: string; userId?: string } }): CommerceChange | null {
  if (e.type === 'order.upserted') return { shopId: e.shopId, orderId: e.data.orderId, ...(e.data.userId !== undefined ? { userId: e.data.userId } : {}) };
  if (e.type === 'logistics.upserted' || e.type === 'logistics.removed') return { shopId: e.shopId, orderId: e.data.orderId };
  return null;
}
