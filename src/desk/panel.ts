/**
 * The buyer panel beside a conversation: the buyer's orders, parcels and after-sales in the
 * conversation's shop, read through the commerce read model (never another shop's or buyer's:
 * every lookup is keyed by the conversation's shop and buyer), with the receiver masked.
 *
 * Invariants:
 * - A receiver leaves this module masked (name `张*`, phone `138****5678`, address
 *   `北京市朝阳区****`) unless through `revealValue`, whose caller writes the audit row first.
 * - `revealValue` answers only for an order of this buyer in this shop; anything else is
 *   NOT_FOUND, worded the same whether the order is missing or someone else's.
 */
import type { Aftersale, CommerceReadModel, Logistics, Order } from '../commerce/index.ts';
import { maskAddress as maskCoarseAddress, maskPhone } from '../privacy/index.ts';
import { maskName } from '../robot/index.ts';
import { KefuError } from '../protocol/errors.ts';
import type { PiiField } from './validation.ts';

/** What the desk reads of commerce; the app passes its CommerceRepository (receivers decrypted). */
export type DeskCommerce = Pick<CommerceReadModel, 'listOrders' | 'getLogistics' | 'listAftersales' | 'getOrder'>;

// A district, county or banner (区, 县, 旗; 區, 縣 in traditional characters, as Taiwan writes them:
// "台北市大安區" had kept only its city, found from outside) of at most 5 characters after the province and city.
const DISTRICT = /^[\u4e00-\u9fff]{1,5}?(?:区|县|旗|區|縣)/u;
const ROAD_NEXT = /^[\u4e00-\u9fff\d]{0,1}(?:路|街|道|巷|弄|段)/u;

/**
 * Keeps the beginning of an address, down to the district: `北京市朝阳区建国路88号` →
 * `北京市朝阳区****`. The province and city come from the privacy module's rule (an address in
 * another shape is masked whole); a district is kept only when something follows it.
 */
export function maskAddress(address: string): string {
  const coarse = maskCoarseAddress(address);
  if (!coarse.endsWith('****')) return coarse;
  const kept = coarse.slice(0, -4);
  const s = address.trim().replace(/\s+/g, '');
  const district = kept ? DISTRICT.exec(s.slice(kept.length)) : null;
  // "新竹市園區二路", "台中市社區巷": a street holding 區, not a district (found in review).
  if (district && ROAD_NEXT.test(s.slice(kept.length + district[0].length))) return `${kept}****`;
  const withDistrict = district ? kept + district[0] : kept;
  return withDistrict.length < s.length ? `${withDistrict}****` : `${kept}****`;
}

export interface PanelParcel {
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNo: string;
  readonly status: Logistics['status'];
  readonly events: Logistics['events'];
  readonly updatedAt: string;
}

const toParcel = (l: Logistics): PanelParcel => ({ orderId: l.orderId, carrier: l.carrier, trackingNo: l.trackingNo, status: l.status, events: l.events, updatedAt: l.updatedAt });

function toPanelOrder(o: Order, parcel: Logistics | undefined) {
  return {
    orderId: o.orderId,
    status: o.status,
    items: o.items,
    totalAmount: o.totalAmount,
    currency: o.currency,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    ...(o.shipBy !== undefined ? { shipBy: o.shipBy } : {}),
    ...(o.payBy !== undefined ? { payBy: o.payBy } : {}),
    ...(o.cancelReason !== undefined ? { cancelReason: o.cancelReason } : {}),
    receiver: { name: maskName(o.receiver.name), phone: maskPhone(o.receiver.phone), address: maskAddress(o.receiver.address) },
    ...(parcel ? { logistics: toParcel(parcel) } : {}),
  };
}

const toPanelAftersale = (a: Aftersale) => ({
  aftersaleId: a.aftersaleId,
  orderId: a.orderId,
  type: a.type,
  status: a.status,
  ...(a.amount !== undefined ? { amount: a.amount } : {}),
  ...(a.reason !== undefined ? { reason: a.reason } : {}),
  updatedAt: a.updatedAt,
});

/**
 * `{ buyerId, buyerName?, orders, logistics, aftersales }`, newest first. `logistics` lists every
 * parcel of those orders (an order may have several, one per tracking number), grouped by order,
 * each order's in the read model's order. Each order carries its first parcel as `logistics` too,
 * as it did when an order had one: a console shows an order's parcels from the list.
 */
export async function buyerPanel(commerce: DeskCommerce, c: { shopId: string; buyerId: string; buyerName: string | null }) {
  const [orders, aftersales] = await Promise.all([commerce.listOrders(c.shopId, c.buyerId), commerce.listAftersales(c.shopId, c.buyerId)]);
  const parcels = orders.length ? await commerce.getLogistics(c.shopId, orders.map((o) => o.orderId)) : [];
  const byOrder = new Map<string, Logistics>();
  for (const p of parcels) if (!byOrder.has(p.orderId)) byOrder.set(p.orderId, p);
  return {
    buyerId: c.buyerId,
    ...(c.buyerName ? { buyerName: c.buyerName } : {}),
    orders: orders.map((o) => toPanelOrder(o, byOrder.get(o.orderId))),
    logistics: parcels.map(toParcel),
    aftersales: aftersales.map(toPanelAftersale),
  };
}

/** The buyer's most recent order in the shop and its (first) parcel (for canned-reply variables). */
export async function latestOrder(commerce: DeskCommerce, c: { shopId: string; buyerId: string }): Promise<{ order?: Order; parcel?: Logistics }> {
  const order = (await commerce.listOrders(c.shopId, c.buyerId))[0];
  if (!order) return {};
  const parcel = (await commerce.getLogistics(c.shopId, [order.orderId]))[0];
  return parcel ? { order, parcel } : { order };
}

/** The order, when it is this buyer's in this shop; NOT_FOUND otherwise. Nothing is revealed yet. */
export async function revealableOrder(commerce: DeskCommerce, c: { shopId: string; buyerId: string }, orderId: string): Promise<Order> {
  const order = await commerce.getOrder(c.shopId, orderId);
  if (!order || order.userId !== c.buyerId || order.shopId !== c.shopId) throw new KefuError('NOT_FOUND', 'no such order');
  return order;
}

export const revealValue = (order: Order, field: PiiField): string => order.receiver[field];
