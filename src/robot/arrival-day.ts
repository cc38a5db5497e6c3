/**
 * Whether a parcel on its way is likely to arrive by a day the buyer names ("will it be here by
 * thursday", "周四能到吗"): the delivery time the answer itself gave ("一般 1-3 天送达", the shop's
 * "3-5 working days"), counted from the parcel's first scan, against that day. Pure: no clock of
 * its own, no I/O. Found from outside: the question was answered with the usual time and no word
 * on the day asked.
 */

const DAY_MS = 86_400_000;

/** The time a text gives for delivery, in days from sending. */
export interface DaysRange {
  readonly min: number;
  readonly max: number;
  /** Counted in working days (Monday to Friday): "3-5 个工作日", "2-4 business days". */
  readonly working: boolean;
}

const UNIT = String.raw`(?:个)?\s*(工作日|(?:business|working) days?|天|日|days?)`;
const RANGE = new RegExp(String.raw`(?<![\d月/])(\d{1,2})\s*(?:-|–|—|~|～|至|到|to)\s*(\d{1,2})\s*${UNIT}`, 'i');
const WITHIN = new RegExp(String.raw`(?<![\d月/])(\d{1,2})\s*${UNIT}`, 'i');
const NEXT_DAY = /次日达|次日送达|次日到|次日可达|隔日达|隔天到|隔天送达|第二天到|第二天送到|(?<![a-z])next[- ]day(?![a-z])/i;

/**
 * Words of delivery, as against processing or sending out ("processed within 1-2 business days, then
 * delivery takes 3-5"); also what makes a shop's sentence on sending out one on arriving (dialogue.ts).
 */
export const DELIVERY = /送达|送到|到货|收到|能到|天到|(?<![a-z])(?:deliver\w*|arriv\w*)(?![a-z])/i;

/**
 * The delivery time a text names: of several clauses with a time, the one on delivery; undefined
 * when it names none, several and none on delivery, or more than a month (found in review).
 */
export function daysRangeIn(text: string): DaysRange | undefined {
  const timed = text.split(/[，,；;。.!！]|(?<![a-z])then(?![a-z])/).map(rangeOf).filter((x): x is { r: DaysRange; clause: string } => x !== undefined);
  const onDelivery = timed.filter((x) => DELIVERY.test(x.clause));
  // Days added for somewhere ("Rural and remote areas can take an extra 2-4 business days") are no time of their own
  // beside the courier's ("StarTrack (bulky items) 3-7 business days": a Sydney shop, thirty-third session).
  const base = timed.filter((x) => !EXTRA.test(x.clause));
  const one = onDelivery.length ? onDelivery[0] : timed.length === 1 ? timed[0] : base.length === 1 ? base[0] : undefined;
  if (one) return one.r;
  return NEXT_DAY.test(text) ? { min: 1, max: 1, working: false } : undefined;
}

const EXTRA = /额外|另加|多加|再加|(?<![a-z])(?:extra|additional|an? (?:further|other))(?![a-z])/i;

function rangeOf(clause: string): { r: DaysRange; clause: string } | undefined {
  const range = RANGE.exec(clause);
  const m = range ?? WITHIN.exec(clause);
  if (!m) return undefined;
  const unit = range ? m[3]! : m[2]!;
  const max = Number(range ? m[2] : m[1]);
  const min = range ? Number(m[1]) : 1;
  return max >= 1 && max <= 31 && min <= max ? { r: { min, max, working: /工作|business|working/i.test(unit) }, clause } : undefined;
}

/** Days ahead past which a day asked is no question of this parcel (a date read as next year's). */
const FURTHEST_DAYS = 45;

export type ArrivalVerdict =
  /** The day asked is at or after the last usual day: it should be there. */
  | { readonly kind: 'by' }
  /** Within the usual days: it may be; `last` is the last usual day. */
  | { readonly kind: 'maybe'; readonly last: string }
  /** Before the first usual day. */
  | { readonly kind: 'unlikely'; readonly first: string; readonly last: string }
  /** The usual days are already over and it has not come. */
  | { readonly kind: 'overdue' };

/**
 * The verdict for `asked` (`YYYY-MM-DD` in the shop's calendar) on a parcel sent at `sentMs`; days
 * are the shop's calendar days (`tzMinutes` from UTC). Undefined for a day already past or more than FURTHEST_DAYS ahead.
 */
export function arrivalVerdict(asked: string, sentMs: number, range: DaysRange, nowMs: number, tzMinutes: number): ArrivalVerdict | undefined {
  const day = (ms: number) => Math.floor((ms + tzMinutes * 60_000) / DAY_MS);
  const askedDay = Math.floor(Date.parse(`${asked}T00:00:00Z`) / DAY_MS);
  const today = day(nowMs);
  if (!Number.isFinite(askedDay) || !Number.isFinite(sentMs) || askedDay < today || askedDay - today > FURTHEST_DAYS) return undefined;
  const first = addDays(day(sentMs), range.min, range.working);
  const last = addDays(day(sentMs), range.max, range.working);
  if (today > last) return { kind: 'overdue' };
  if (askedDay >= last) return { kind: 'by' };
  if (askedDay < first) return { kind: 'unlikely', first: isoDay(first), last: isoDay(last) };
  return { kind: 'maybe', last: isoDay(last) };
}

/** `n` days after `day` (days since the epoch), counting only Monday to Friday when `working`. */
function addDays(day: number, n: number, working: boolean): number {
  if (!working) return day + n;
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d;
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
