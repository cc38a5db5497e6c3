import type { Lang } from './lang.ts';
import { TIME_ZONE_META } from '../../../src/protocol/cards.ts';
export type { Lang } from './lang.ts';
export { cardLang } from './lang.ts';

/** zh or en, following the browser (navigator.languages): Chinese when its first language is. */
export function browserLang(): Lang {
  const first = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
  return first.startsWith('zh') ? 'zh' : 'en';
}

/** A dictionary per language with the same keys; `t(key, ...args)` fills `{0}`, `{1}`. */
export function translator<K extends string>(dicts: Record<Lang, Record<K, string>>, lang: Lang) {
  const d = dicts[lang];
  return (key: K, ...args: Array<string | number>): string => d[key].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export function setDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

const STATUS_ZH: Record<string, string> = {
  pending_payment: '待付款', paid: '已付款', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消',
  pending: '待揽收', in_transit: '运输中', out_for_delivery: '派送中', exception: '异常',
  refund: '退款', return: '退货', exchange: '换货',
  requested: '已申请', approved: '已同意', rejected: '已拒绝', returning: '退回中', refunded: '已退款', closed: '已关闭',
};
const STATUS_EN: Record<string, string> = {
  pending_payment: 'awaiting payment', paid: 'paid', shipped: 'shipped', delivered: 'delivered', completed: 'completed', cancelled: 'cancelled',
  pending: 'awaiting pickup', in_transit: 'in transit', out_for_delivery: 'out for delivery', exception: 'exception',
  refund: 'refund', return: 'return', exchange: 'exchange',
  requested: 'requested', approved: 'approved', rejected: 'rejected', returning: 'returning', refunded: 'refunded', closed: 'closed',
};

/** A platform status or type (order, parcel, after-sale) in the reader's language. */
export function statusLabel(lang: Lang, s: string): string {
  return (lang === 'zh' ? STATUS_ZH : STATUS_EN)[s] ?? s;
}

/**
 * The zone the robot states times in (KEFU_TIME_ZONE, which kefu writes into every page it serves;
 * China Standard Time without it). A card beside the robot's sentence shows its times in the same
 * zone, or a buyer abroad read "11-25 06:20" in the text and "11/24 14:20" on the card below it.
 */
export const CARD_TIME_ZONE = (typeof document !== 'undefined' && document.querySelector<HTMLMetaElement>(`meta[name="${TIME_ZONE_META}"]`)?.content) || 'Asia/Shanghai';

/** `zone`: an IANA zone for the time (default: the reader's own). */
export function formatTime(lang: Lang, at: string | number, withDate = false, zone?: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const opts: Intl.DateTimeFormatOptions = withDate ? { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  if (zone) opts.timeZone = zone;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', opts);
}

export function money(amount: string, currency = 'CNY'): string {
  return currency === 'CNY' ? `¥${amount}` : `${amount} ${currency}`;
}
