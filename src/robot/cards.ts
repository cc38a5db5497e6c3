/**
 * Cards and the formatting they share with reply texts: money, times, status names, and masking.
 * The robot's messages are stored in conversation history and shown on every device and to
 * agents, so personal data in them is always masked.
 */
import type { Aftersale, AftersaleStatus, AftersaleType, Logistics, LogisticsStatus, Order, OrderStatus } from '../commerce/types.ts';
import type { AftersaleCard, ChoiceCard, Lang, LogisticsCard, OrderCard } from './types.ts';
// One masking rule for every view of a phone (the agent's panel and the robot's cards).
import { maskPhone } from '../privacy/index.ts';

export { maskPhone };


/** "张三" → "张*", "Alice Smith" → "A*". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length === 0 ? '' : `${chars[0]}*`;
}

// "1800.00 TWD" read as no Taiwanese shop writes it (found from outside): NT$1,800.
const SYMBOL: Record<string, string> = { CNY: '¥', RMB: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$', TWD: 'NT$', SGD: 'S$', MYR: 'RM', AUD: 'A$', NZD: 'NZ$', CAD: 'C$' };
/** Currencies whose prices have no cents in practice: "NT$1,800", "¥3,200" (yen), never ".00". */
const WHOLE = new Set(['TWD', 'JPY']);
export function formatMoney(amount: string, currency: string | undefined): string {
  const code = currency?.toUpperCase();
  const sym = code ? SYMBOL[code] : '¥';
  const shown = code && WHOLE.has(code) && /^\d+(?:\.0+)?$/.test(amount) ? Number(amount).toLocaleString('en-US') : amount;
  return sym ? `${sym}${shown}` : `${amount} ${currency}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO time in the shop's calendar: "11-26 14:30" or "Nov 26, 14:30"; invalid times pass through. */
export function formatTime(iso: string, lang: Lang, tzOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + tzOffsetMinutes * 60_000);
  const hm = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return lang === 'zh' ? `${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${hm}` : `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}, ${hm}`;
}

/** The day of an ISO time in the shop's calendar, as a buyer reads it: "12月14日" or "Dec 14". */
export function formatDay(iso: string, lang: Lang, tzOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + tzOffsetMinutes * 60_000);
  return lang === 'zh' ? `${t.getUTCMonth() + 1}月${t.getUTCDate()}日` : `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}`;
}

/** The calendar day of an ISO time in the shop's calendar, `YYYY-MM-DD`. */
export function localDate(iso: string, tzOffsetMinutes: number): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export const ORDER_STATUS: Record<Lang, Record<OrderStatus, string>> = {
  zh: { pending_payment: '待付款', paid: '已付款待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消' },
  en: { pending_payment: 'awaiting payment', paid: 'paid, not shipped yet', shipped: 'shipped', delivered: 'delivered', completed: 'completed', cancelled: 'cancelled' },
};
export const LOGISTICS_STATUS: Record<Lang, Record<LogisticsStatus, string>> = {
  zh: { pending: '待揽收', in_transit: '运输中', out_for_delivery: '派送中', delivered: '已签收', exception: '物流异常' },
  en: { pending: 'waiting for pickup', in_transit: 'in transit', out_for_delivery: 'out for delivery', delivered: 'delivered', exception: 'held up by a delivery problem' },
};
/** China's couriers by the names English-speaking buyers know them by (the card keeps the platform's own). */
const CARRIERS_EN: readonly (readonly [RegExp, string])[] = [
  [/顺丰/, 'SF Express'], [/中通/, 'ZTO Express'], [/圆通/, 'YTO Express'], [/韵达/, 'Yunda Express'], [/申通/, 'STO Express'],
  [/京东/, 'JD Logistics'], [/极兔/, 'J&T Express'], [/德邦/, 'Deppon Express'], [/百世/, 'Best Express'], [/菜鸟/, 'Cainiao'],
  [/天天/, 'TTK Express'], [/宅急送/, 'ZJS Express'], [/跨越/, 'KY Express'], [/安能/, 'ANE Logistics'], [/优速/, 'UC Express'],
  // Another country's post first: "日本邮政EMS" is Japan Post's (found from outside: "EMS (China Post)").
  [/日本邮政|japan post/i, 'Japan Post'], [/韩国邮政|korea post/i, 'Korea Post'], [/澳洲邮政|澳大利亚邮政|australia post/i, 'Australia Post'],
  [/香港邮政|hongkong post/i, 'Hongkong Post'], [/新加坡邮政|singpost/i, 'SingPost'], [/中华邮政|chunghwa post/i, 'Chunghwa Post'],
  [/中国邮政.*EMS|EMS.*中国邮政/, 'EMS (China Post)'], [/EMS国际|国际EMS/, 'EMS'], [/EMS|ems/, 'EMS (China Post)'], [/邮政/, 'China Post'],
];

/** The carrier as the reply's language names it: in English, a Chinese courier's English name when known. */
export function carrierName(carrier: string, lang: Lang): string {
  if (lang !== 'en' || !/\p{Script=Han}/u.test(carrier)) return carrier;
  return CARRIERS_EN.find(([re]) => re.test(carrier))?.[1] ?? carrier;
}

export const AFTERSALE_STATUS: Record<Lang, Record<AftersaleStatus, string>> = {
  zh: { requested: '待审核', approved: '已同意', rejected: '未通过', returning: '退货寄回中', refunded: '已退款', closed: '已关闭' },
  en: { requested: 'waiting for review', approved: 'approved', rejected: 'rejected', returning: 'in progress, the item on its way back to the shop', refunded: 'refunded', closed: 'closed' },
};
export const AFTERSALE_TYPE: Record<Lang, Record<AftersaleType, string>> = {
  zh: { refund: '退款', return: '退货退款', exchange: '换货' },
  en: { refund: 'refund', return: 'return', exchange: 'exchange' },
};

/** "无线耳机" or "无线耳机 等3件" / "Wireless earbuds + 2 more". */
export function orderTitle(order: Order, lang: Lang): string {
  const first = order.items[0]?.title ?? (lang === 'zh' ? '商品' : 'item');
  const more = order.items.length - 1;
  if (more <= 0) return first;
  return lang === 'zh' ? `${first} 等${order.items.length}件` : `${first} + ${more} more`;
}

/**
 * The order's receiver, or undefined when it cannot be read: the robot's orders decrypt their
 * receiver on first access, and a node missing that order's PII key must still answer (a status
 * answer had failed over to a person).
 */
export function receiverOf(order: Order): Order['receiver'] | undefined {
  try {
    return order.receiver;
  } catch {
    return undefined;
  }
}

/**
 * An address as the buyer may be shown it to check where the order goes: its words kept, its numbers (house, floor,
 * room, postcode) masked, so that a glance over a shoulder gives no door ("台中市西屯區台灣大道三段**號**樓").
 */
export function maskAddress(address: string): string {
  return address.trim().replace(/\d/g, '*');
}

/** The masked name and phone, or undefined when the receiver cannot be read. */
export function maskedReceiver(order: Order): { name: string; phone: string } | undefined {
  const r = receiverOf(order);
  return r && { name: maskName(r.name), phone: maskPhone(r.phone) };
}

export function orderCard(order: Order): OrderCard {
  const receiver = maskedReceiver(order);
  return {
    kind: 'order',
    orderId: order.orderId,
    status: order.status,
    items: order.items.map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantity, price: i.price })),
    totalAmount: order.totalAmount,
    currency: order.currency,
    createdAt: order.createdAt,
    ...(receiver ? { receiver } : {}),
  };
}

/** At most this many events travel in a card; the newest matter. */
const MAX_EVENTS = 20;

export function newestEvents(l: Logistics): Logistics['events'] {
  return [...l.events].sort((a, b) => Date.parse(b.time) - Date.parse(a.time)).slice(0, MAX_EVENTS);
}

export function logisticsCard(l: Logistics): LogisticsCard {
  return {
    kind: 'logistics',
    orderId: l.orderId,
    carrier: l.carrier,
    trackingNo: l.trackingNo,
    status: l.status,
    events: newestEvents(l).map((e) => ({ time: e.time, ...(e.location ? { location: e.location } : {}), description: e.description })),
  };
}

/** The platform's reason is the shop's word on a refusal; on a request under way it is the buyer's own, not news to them. */
export function shownReason(a: Aftersale): string | undefined {
  return a.reason?.trim() && (a.status === 'rejected' || a.status === 'closed') ? a.reason.trim() : undefined;
}

export function aftersaleCard(a: Aftersale, currency: string | undefined): AftersaleCard {
  const reason = shownReason(a);
  return {
    kind: 'aftersale',
    aftersaleId: a.aftersaleId,
    orderId: a.orderId,
    type: a.type,
    status: a.status,
    ...(a.amount !== undefined ? { amount: a.amount } : {}),
    ...(currency ? { currency } : {}),
    ...(reason ? { reason } : {}),
    updatedAt: a.updatedAt,
  };
}

export function choiceCard(orders: readonly Order[], lang: Lang): ChoiceCard {
  return {
    kind: 'choice',
    options: orders.map((o, i) => ({
      index: i + 1,
      orderId: o.orderId,
      title: orderTitle(o, lang),
      status: o.status,
      createdAt: o.createdAt,
      totalAmount: o.totalAmount,
      currency: o.currency,
    })),
  };
}
