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
  selectBuyersOrderRows,
  selectLogistics,
  selectLogisticsMany,
  selectOrderRow,
  type BuyerKey,
  type OrderRow,
} from './repository.ts';
import type { Aftersale, BuyerDataSource, Logistics, Order } from './types.ts';

/** What createBuyerDataSource needs of the read model; CommerceRepository implements it. */
export interface CommerceReadModel extends BuyerDataSource {
  getOrder(shopId: string, orderId: string): Promise<Order | null>;
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

  #order(r: OrderRow): Order {
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
    const r = await selectOrderRow(this.#sql.db, shopId, orderId);
    return r ? this.#order(r) : null;
  }

  /**
   * Shop-scoped only (BuyerDataSource has no user here): pass order ids taken from listOrders of
   * the same buyer.
   */
  async getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    return selectLogistics(this.#sql.db, shopId, orderIds);
  }

  async listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]> {
    signal?.throwIfAborted();
    return (await this.listAftersalesMany([{ shopId, userId }]))[0]!;
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
 * The same lists for many buyers in one query each (src/ops/batcher.ts gathers them): the robot
 * answers a busy shop's buyers with three queries per batch of turns instead of three per turn.
 * Each list keeps its per-buyer order and limit (a LATERAL subquery per key, on the buyer index;
 * LATERAL also keeps prepared plans probing indexes per key instead of scanning a whole table).
 */
export class BatchedReadModel implements CommerceReadModel {
  readonly #repo: CommerceRepository;
  readonly #orders: Batcher<BuyerKey, Order[]>;
  readonly #aftersales: Batcher<BuyerKey, Aftersale[]>;
  readonly #byOrderIds: Batcher<{ shopId: string; orderIds: readonly string[] }, Logistics[]>;

  constructor(repo: CommerceRepository, opts: Omit<BatcherOptions, 'onBatch'> & { onBatch?: (kind: string, size: number) => void } = {}) {
    this.#repo = repo;
    const o = (kind: string): BatcherOptions => ({ ...opts, onBatch: opts.onBatch && ((n) => opts.onBatch!(kind, n)) });
    this.#orders = new Batcher((keys) => repo.listOrdersMany(keys), o('orders'));
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

  getOrder(shopId: string, orderId: string): Promise<Order | null> {
    return this.#repo.getOrder(shopId, orderId);
  }

  getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]> {
    signal?.throwIfAborted();
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.#byOrderIds.add({ shopId, orderIds });
  }
}
