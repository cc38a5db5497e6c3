/**
 * The read model as the robot and the agent console read it. Every buyer query is filtered by
 * shop id AND user id in SQL; logistics for a buyer are reached through the buyer's own orders,
 * so an order id typed into the chat cannot reveal someone else's parcel. Receiver fields are
 * decrypted here, with the row's own shop id as the bound data.
 */
import type { Selectable } from 'kysely';
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

  async listOrders(shopId: string, userId: string, signal?: AbortSignal): Promise<Order[]> {
    signal?.throwIfAborted();
    const rows = await this.#sql.db
      .selectFrom('shop_orders')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('order_id', 'desc')
      .limit(BUYER_LIST_LIMIT)
      .execute();
    return rows.map((r) => this.#order(r));
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
    if (orderIds && orderIds.length === 0) return [];
    let q = this.#sql.db
      .selectFrom('shop_logistics as l')
      .innerJoin('shop_orders as o', (j) => j.onRef('o.shop_id', '=', 'l.shop_id').onRef('o.order_id', '=', 'l.order_id'))
      .selectAll('l')
      .where('l.shop_id', '=', shopId)
      .where('o.user_id', '=', userId);
    if (orderIds) q = q.where('l.order_id', 'in', [...new Set(orderIds)]);
    const rows = await q.orderBy('o.created_at', 'desc').orderBy('l.order_id', 'desc').limit(BUYER_LIST_LIMIT).execute();
    return rows.map(toLogistics);
  }

  async listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]> {
    signal?.throwIfAborted();
    const rows = await this.#sql.db
      .selectFrom('shop_aftersales')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .orderBy('aftersale_id', 'desc')
      .limit(BUYER_LIST_LIMIT)
      .execute();
    return rows.map(toAftersale);
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
