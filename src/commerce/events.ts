/**
 * The platform's events (docs/api.md, "Platform webhooks") as zod schemas, and the pure mapping from an
 * event's data to the read model's records. Every bound here is also a bound on what a webhook
 * can make kefu store: ids and texts have maximum lengths, lists have maximum sizes, amounts are
 * decimal strings that fit numeric(18,2). Unknown keys (including `__proto__`) are dropped, since
 * the output objects are built from the schema's keys only.
 */
import { z } from 'zod';
import { KefuError } from '../protocol/errors.ts';
import type { Aftersale, Logistics, Order } from './types.ts';
import { decimalString, formatPath, isoTime as isoTimeSchema, lineString, storableString } from '../protocol/validation.ts';

import { AFTERSALE_STATUSES, AFTERSALE_TYPES, LOGISTICS_STATUSES, ORDER_STATUSES, replacesParcel, replacesRecord } from '../protocol/commerce.ts';
import { entityId } from '../protocol/frames.ts';

const LIMITS = {
  id: 128,
  title: 200,
  name: 100,
  phone: 32,
  address: 500,
  text: 500,
  items: 200,
  quantity: 100_000,
  logisticsEvents: 200,
} as const;

// Every string is checked first for text PostgreSQL cannot store (NUL, unpaired surrogates): such
// an event is a 400, which the platform does not retry, rather than a 500 it would retry forever.
const id = lineString(LIMITS.id);
const line = lineString;
const optionalText = (max: number) => storableString().max(max).optional();
const amount = decimalString('129.00');
const isoTime = isoTimeSchema();

const OrderItemSchema = z.object({
  sku: id,
  title: line(LIMITS.title),
  quantity: z.number().int().min(1).max(LIMITS.quantity),
  price: amount,
});

export const OrderDataSchema = z.object({
  orderId: id,
  userId: id,
  status: z.enum(ORDER_STATUSES),
  items: z.array(OrderItemSchema).min(1).max(LIMITS.items),
  totalAmount: amount,
  currency: storableString().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "CNY"'),
  receiver: z.object({
    name: line(LIMITS.name),
    // An area code in parentheses may lead ("(0755) 8888-1234"); at least 3 digits in all.
    phone: storableString().regex(/^(?=(?:\D*\d){3})\+?[0-9(][0-9 ()-]{2,31}$/, 'must be a phone number (digits, spaces, -, parentheses, optional leading +; at most 32)'),
    address: line(LIMITS.address),
  }),
  createdAt: isoTime,
  updatedAt: isoTime,
  // The order's terms (extension, docs/api.md "Order terms"): what the robot tells a buyer who
  // asks when a paid order ships, how long an unpaid one waits, or why one was cancelled.
  shipBy: isoTime.optional(),
  payBy: isoTime.optional(),
  cancelReason: line(LIMITS.text).optional(),
});

const LogisticsEventSchema = z.object({
  time: isoTime,
  location: line(LIMITS.name).optional(),
  description: line(LIMITS.text),
});

export const LogisticsDataSchema = z.object({
  orderId: id,
  carrier: line(LIMITS.name),
  trackingNo: id,
  status: z.enum(LOGISTICS_STATUSES),
  events: z.array(LogisticsEventSchema).max(LIMITS.logisticsEvents),
  updatedAt: isoTime,
  /**
   * One parcel of a split shipment: the order's other parcels stay. Without it (the contract's
   * meaning) the parcel is the order's only one, and a newer number replaces the old (a corrected
   * tracking number; found in review: it had become a second parcel).
   */
  split: z.boolean().optional(),
});

/** Withdraws the parcel of that tracking number from the order (sent by mistake: a wrong number). */
export const LogisticsRemovedDataSchema = z.object({
  orderId: id,
  trackingNo: id,
  updatedAt: isoTime,
});

export const AftersaleDataSchema = z.object({
  aftersaleId: id,
  orderId: id,
  userId: id,
  type: z.enum(AFTERSALE_TYPES),
  status: z.enum(AFTERSALE_STATUSES),
  amount: amount.optional(),
  reason: optionalText(LIMITS.text),
  updatedAt: isoTime,
});

// A shop id a socket frame could not name would be data no buyer ever reaches (found from outside).
const envelope = { id, shopId: entityId, occurredAt: isoTime };

const PlatformEventSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('order.upserted'), data: OrderDataSchema }),
  z.object({ ...envelope, type: z.literal('logistics.upserted'), data: LogisticsDataSchema }),
  z.object({ ...envelope, type: z.literal('logistics.removed'), data: LogisticsRemovedDataSchema }),
  z.object({ ...envelope, type: z.literal('aftersale.upserted'), data: AftersaleDataSchema }),
]);

/** A validated event; amounts are normalised to two decimals. */
export type PlatformEvent = z.output<typeof PlatformEventSchema>;
/** What the platform sends (before normalisation). */
export type PlatformEventInput = z.input<typeof PlatformEventSchema>;
export type OrderData = z.output<typeof OrderDataSchema>;
export type LogisticsData = z.output<typeof LogisticsDataSchema>;
export type LogisticsRemovedData = z.output<typeof LogisticsRemovedDataSchema>;
export type AftersaleData = z.output<typeof AftersaleDataSchema>;


/** The issue in kefu's wording (protocol/validation.ts words zod's own messages); a union names its options. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union') return issue.message;
  if ('options' in issue && Array.isArray(issue.options)) return `must be one of ${issue.options.map(String).join(', ')}`;
  return 'has an invalid shape';
}

/** Turns a failed parse into BAD_REQUEST naming the first bad field; `prefix` roots the path. */
function badRequestFrom(error: z.ZodError, prefix = ''): KefuError {
  const issue = error.issues[0];
  if (!issue) return new KefuError('BAD_REQUEST', 'invalid body');
  const rel = formatPath(issue.path);
  const field = !prefix ? rel || 'body' : !rel ? prefix : rel.startsWith('[') ? prefix + rel : `${prefix}.${rel}`;
  return new KefuError('BAD_REQUEST', `${field} ${describe(issue)}`, { field });
}

/** Validates a decoded JSON body as a platform event, or throws BAD_REQUEST naming the field. */
export function parsePlatformEvent(body: unknown): PlatformEvent {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new KefuError('BAD_REQUEST', 'body must be a JSON object', { field: 'body' });
  // reportInput lets the message tell a missing field from a wrong one; the input itself is never echoed.
  const r = PlatformEventSchema.safeParse(body, { reportInput: true });
  if (!r.success) throw badRequestFrom(r.error);
  return r.data;
}

/**
 * How far ahead of kefu's clock an event's own times may be. A platform whose clock runs ahead
 * would otherwise have the robot say "approved since 13:05" before 13:05 (found from outside), and a
 * record stamped in the future would win over every correct update until that time came.
 */
export const EVENT_CLOCK_SKEW_MS = 10 * 60_000;

/** The first of the event's past times (not `shipBy`/`payBy`, which are promises) ahead of `now` by more than the skew. */
function aheadOfClock(event: PlatformEvent, now: number): string | undefined {
  const limit = now + EVENT_CLOCK_SKEW_MS;
  const d = event.data as { createdAt?: string; updatedAt: string; events?: readonly { time: string }[] };
  const times: [string, string | undefined][] = [['occurredAt', event.occurredAt], ['data.createdAt', d.createdAt], ['data.updatedAt', d.updatedAt]];
  d.events?.forEach((e, i) => times.push([`data.events[${i}].time`, e.time]));
  return times.find(([, t]) => t !== undefined && Date.parse(t) > limit)?.[0];
}

/** Throws BAD_REQUEST naming the field when an event says something happened later than `now` allows. */
export function assertNotAhead(event: PlatformEvent, now = Date.now()): void {
  const field = aheadOfClock(event, now);
  if (field) throw new KefuError('BAD_REQUEST', `${field} is more than ${EVENT_CLOCK_SKEW_MS / 60_000} minutes ahead of kefu's clock (${new Date(now).toISOString()})`, { field });
}

export const toOrder = (shopId: string, d: OrderData): Order => ({
  shopId,
  orderId: d.orderId,
  userId: d.userId,
  status: d.status,
  items: d.items.map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantity, price: i.price })),
  totalAmount: d.totalAmount,
  currency: d.currency,
  receiver: { name: d.receiver.name, phone: d.receiver.phone, address: d.receiver.address },
  createdAt: new Date(d.createdAt).toISOString(),
  updatedAt: new Date(d.updatedAt).toISOString(),
  ...(d.shipBy !== undefined ? { shipBy: new Date(d.shipBy).toISOString() } : {}),
  ...(d.payBy !== undefined ? { payBy: new Date(d.payBy).toISOString() } : {}),
  ...(d.cancelReason !== undefined ? { cancelReason: d.cancelReason } : {}),
});

export const toLogistics = (shopId: string, d: LogisticsData): Logistics => ({
  shopId,
  orderId: d.orderId,
  carrier: d.carrier,
  trackingNo: d.trackingNo,
  status: d.status,
  events: sortEvents(d.events),
  updatedAt: new Date(d.updatedAt).toISOString(),
});

export const toAftersale = (shopId: string, d: AftersaleData): Aftersale => ({
  shopId,
  aftersaleId: d.aftersaleId,
  orderId: d.orderId,
  userId: d.userId,
  type: d.type,
  status: d.status,
  ...(d.amount !== undefined ? { amount: d.amount } : {}),
  ...(d.reason !== undefined ? { reason: d.reason } : {}),
  updatedAt: new Date(d.updatedAt).toISOString(),
});

/** Oldest first (the contract's order for Logistics.events), whatever order the platform sent. */
export function sortEvents<T extends { time: string }>(events: readonly T[]): T[] {
  return events
    .map((e) => ({ e, t: Date.parse(e.time) }))
    .sort((a, b) => a.t - b.t)
    .map(({ e }) => ({ ...e, time: new Date(e.time).toISOString() }));
}

export interface PlatformDataset {
  readonly orders: readonly Order[];
  /** Every parcel (an order may have several, one per tracking number), an order's together. */
  readonly logistics: readonly Logistics[];
  readonly aftersales: readonly Aftersale[];
}

/** A parcel as a sequence of events left it: withdrawn ones are kept as tombstones until the end. */
type ParcelSlot = { updatedAt: string; status: string; removed: boolean; parcel?: Logistics };

/**
 * The records a sequence of events leaves behind: per key, the one that replaces the others
 * (replacesRecord; parcels, keyed by order and tracking number, by replacesParcel). Parcels come
 * grouped by order in the order their tracking numbers first appeared, as the read model lists them.
 */
export function datasetFromEvents(events: readonly PlatformEvent[]): PlatformDataset {
  const orders = new Map<string, Order>();
  const parcels = new Map<string, ParcelSlot>();
  const aftersales = new Map<string, Aftersale>();
  for (const e of events) {
    if (e.type === 'order.upserted') {
      const k = `${e.shopId}\u0000${e.data.orderId}`;
      if (replacesRecord(ORDER_STATUSES, orders.get(k), e.data)) orders.set(k, toOrder(e.shopId, e.data));
    } else if (e.type === 'logistics.upserted' || e.type === 'logistics.removed') {
      const k = `${e.shopId}\u0000${e.data.orderId}\u0000${e.data.trackingNo}`;
      const stored = parcels.get(k);
      if (!replacesParcel(stored, e.data)) continue;
      const only = e.type === 'logistics.upserted' && !e.data.split ? othersOf(parcels, k) : [];
      // The order's only parcel: older than another live one, it is stale; newer, it replaces them.
      if (only.some(([, o]) => !replacesParcel({ ...o, removed: false }, e.data))) continue;
      for (const [ok, o] of only) parcels.set(ok, { ...o, removed: true });
      const slot: ParcelSlot =
        e.type === 'logistics.upserted'
          ? { updatedAt: e.data.updatedAt, status: e.data.status, removed: false, parcel: toLogistics(e.shopId, e.data) }
          : { updatedAt: e.data.updatedAt, status: stored?.status ?? 'pending', removed: true };
      // Set in place: a Map keeps the first insertion's position, so an order's parcels keep theirs.
      parcels.set(k, slot);
    } else {
      const k = `${e.shopId}\u0000${e.data.aftersaleId}`;
      if (replacesRecord(AFTERSALE_STATUSES, aftersales.get(k), e.data)) aftersales.set(k, toAftersale(e.shopId, e.data));
    }
  }
  return { orders: [...orders.values()], logistics: parcelsByOrder(parcels), aftersales: [...aftersales.values()] };
}

/** The other live parcels of the order of parcel key `k`. */
function othersOf(slots: Map<string, ParcelSlot>, k: string): [string, ParcelSlot][] {
  const order = k.slice(0, k.lastIndexOf('\u0000') + 1);
  return [...slots].filter(([ok, o]) => ok !== k && ok.startsWith(order) && !o.removed);
}

/** The live parcels, an order's together (where its first parcel appeared), each order's in first-seen order. */
function parcelsByOrder(slots: Map<string, ParcelSlot>): Logistics[] {
  const byOrder = new Map<string, Logistics[]>();
  for (const [k, slot] of slots) {
    const orderKey = k.slice(0, k.lastIndexOf('\u0000'));
    const list = byOrder.get(orderKey) ?? byOrder.set(orderKey, []).get(orderKey)!;
    if (slot.parcel && !slot.removed) list.push(slot.parcel);
  }
  return [...byOrder.values()].flat();
}
