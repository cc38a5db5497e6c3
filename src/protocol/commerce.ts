/**
 * The platform's names, as its webhooks carry them (docs/api.md, "Platform webhooks"), defined
 * once for the webhook validation, the tables, the robot's cards and the docs.
 */
export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export const LOGISTICS_STATUSES = ['pending', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export const AFTERSALE_TYPES = ['refund', 'return', 'exchange'] as const;
export const AFTERSALE_STATUSES = ['requested', 'approved', 'rejected', 'returning', 'refunded', 'closed'] as const;

/**
 * Whether a platform record replaces the stored one: a newer `updatedAt`, or the same `updatedAt`
 * with a status later in its list above. A platform that stamps times to the second sends
 * "requested" then "approved" within one second; in whichever order they arrive, the record ends
 * at "approved". The read model's SQL applies the same rule (commerce/apply.ts).
 */
export function replacesRecord(statuses: readonly string[], stored: { updatedAt: string; status: string } | undefined, next: { updatedAt: string; status: string }): boolean {
  if (!stored) return true;
  const a = Date.parse(stored.updatedAt);
  const b = Date.parse(next.updatedAt);
  return a < b || (a === b && statuses.indexOf(next.status) > statuses.indexOf(stored.status));
}

/**
 * replacesRecord for a parcel, which `logistics.removed` may withdraw: `next` without a status is
 * a removal. A removal ranks after every status, so it wins a tie with the parcel's own
 * `updatedAt`; a removed parcel comes back only with a newer one. The SQL applies the same rule.
 */
export function replacesParcel(stored: { updatedAt: string; status: string; removed: boolean } | undefined, next: { updatedAt: string; status?: string }): boolean {
  if (!stored) return true;
  const a = Date.parse(stored.updatedAt);
  const b = Date.parse(next.updatedAt);
  if (a !== b) return a < b;
  if (stored.removed) return false;
  return next.status === undefined || LOGISTICS_STATUSES.indexOf(next.status as LogisticsStatus) > LOGISTICS_STATUSES.indexOf(stored.status as LogisticsStatus);
}

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type LogisticsStatus = (typeof LOGISTICS_STATUSES)[number];
export type AftersaleType = (typeof AFTERSALE_TYPES)[number];
export type AftersaleStatus = (typeof AFTERSALE_STATUSES)[number];

export interface OrderItem {
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly price: string;
}

export interface LogisticsEvent {
  readonly time: string;
  readonly location?: string;
  readonly description: string;
}
