// Tables of the commerce read model (orders, logistics, after-sales, webhook events).
// Owned by src/commerce/; created by its migration (002_commerce.ts); parcels keyed by tracking
// number since 015_parcels_by_tracking_no.ts; an order's terms since 017_order_terms.ts.
import type { ColumnType } from 'kysely';
import type { Timestamp } from './conversation.ts';
import type { AftersaleStatus, AftersaleType, LogisticsEvent, LogisticsStatus, OrderItem, OrderStatus } from '../../protocol/commerce.ts';

/** jsonb: read back parsed; written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
/** numeric(18,2): read back as a decimal string (never a float). */
type Decimal = ColumnType<string, string, string>;
/** timestamptz that may be NULL; named on every insert, so an event without it stores NULL. */
type OptionalTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface ShopOrdersTable {
  shop_id: string;
  order_id: string;
  user_id: string;
  status: OrderStatus;
  items: Json<OrderItem[]>;
  total_amount: Decimal;
  currency: string;
  /** PII tokens (src/privacy), never plaintext. */
  receiver_name_enc: string;
  receiver_phone_enc: string;
  receiver_address_enc: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_event_id: string;
  stored_at: Timestamp;
  /** The order's terms (migration 017); NULL when the latest event had none. */
  ship_by: OptionalTimestamp;
  pay_by: OptionalTimestamp;
  cancel_reason: ColumnType<string | null, string | null, string | null>;
}

export interface ShopLogisticsTable {
  shop_id: string;
  order_id: string;
  carrier: string;
  tracking_no: string;
  status: LogisticsStatus;
  events: Json<LogisticsEvent[]>;
  updated_at: Timestamp;
  last_event_id: string;
  stored_at: Timestamp;
  /** When kefu first stored this tracking number for the order (migration 015); never updated. */
  first_stored_at: Timestamp;
  /** Withdrawn by `logistics.removed`: a tombstone no read returns (migration 015). */
  removed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ShopAftersalesTable {
  shop_id: string;
  aftersale_id: string;
  order_id: string;
  user_id: string;
  type: AftersaleType;
  status: AftersaleStatus;
  amount: ColumnType<string | null, string | null, string | null>;
  reason: string | null;
  updated_at: Timestamp;
  last_event_id: string;
  stored_at: Timestamp;
}

export interface WebhookEventsTable {
  shop_id: string;
  event_id: string;
  type: string;
  received_at: Timestamp;
}

export interface CommerceTables {
  shop_orders: ShopOrdersTable;
  shop_logistics: ShopLogisticsTable;
  shop_aftersales: ShopAftersalesTable;
  webhook_events: WebhookEventsTable;
}
