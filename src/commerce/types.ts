/**
 * The commerce read model's records, as the platform sends them (docs/api.md, platform webhooks) and as
 * the robot and the agent console read them. Amounts are decimal strings; times are ISO strings.
 */
import type { AftersaleStatus, AftersaleType, LogisticsEvent, LogisticsStatus, OrderItem, OrderStatus } from '../protocol/commerce.ts';

export type { AftersaleStatus, AftersaleType, LogisticsEvent, LogisticsStatus, OrderItem, OrderStatus };

export interface Order {
  readonly shopId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly items: readonly OrderItem[];
  readonly totalAmount: string;
  readonly currency: string;
  /** Decrypted only for callers that need it (the agent console); the robot never shows it whole. */
  readonly receiver: { readonly name: string; readonly phone: string; readonly address: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The latest time the shop promised to send the order out (a pre-sale, made to order); absent when the platform sent none. */
  readonly shipBy?: string;
  /** For an order awaiting payment: when it is cancelled if still unpaid. */
  readonly payBy?: string;
  /** For a cancelled order: why, in the platform's words ("超时未支付，系统自动取消"). */
  readonly cancelReason?: string;
}

/**
 * One parcel of an order: an order shipped in several parcels (a split shipment) has one record per
 * tracking number, which identifies the parcel within its order.
 */
export interface Logistics {
  readonly shopId: string;
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNo: string;
  readonly status: LogisticsStatus;
  /** Oldest first. */
  readonly events: readonly LogisticsEvent[];
  readonly updatedAt: string;
}

export interface Aftersale {
  readonly shopId: string;
  readonly aftersaleId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly type: AftersaleType;
  readonly status: AftersaleStatus;
  readonly amount?: string;
  readonly reason?: string;
  readonly updatedAt: string;
}

/**
 * What the robot may read about one buyer in one shop. Implementations never return another
 * buyer's or another shop's records. Each call may be slow or fail; the robot bounds it with a
 * time budget and answers with what it has.
 */
export interface BuyerDataSource {
  listOrders(shopId: string, userId: string, signal?: AbortSignal): Promise<Order[]>;
  /**
   * The parcels of those orders: every parcel of each (an order may have several, one per
   * tracking number, or none), grouped by order in the order of `orderIds`; an order's parcels in
   * the read model's order (first stored first, then by tracking number), or the platform's own
   * order for those only the platform knows. A parcel the platform withdrew is not among them.
   */
  getLogistics(shopId: string, orderIds: readonly string[], signal?: AbortSignal): Promise<Logistics[]>;
  listAftersales(shopId: string, userId: string, signal?: AbortSignal): Promise<Aftersale[]>;
}
