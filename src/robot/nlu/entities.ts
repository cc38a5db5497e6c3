/**
 * Entity extraction: order numbers, phone tails, SKUs, dates and ordinal references, in Chinese and
 * English. Dates are resolved against `now` in the shop's time zone (default UTC+8) into calendar
 * days, because orders are compared by the day the buyer remembers ("上周五买的").
 */
import type { Entity } from '../types.ts';

export interface EntityOptions {
  readonly now: Date;
  /** Minutes east of UTC of the calendar the buyer speaks in. */
  readonly tzOffsetMinutes: number;
}

export function extractEntities(display: string, text: string, opts: EntityOptions): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<string>();
  const add = (e: Entity) => {
    const k = `${e.type}=${e.value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(e);
  };
  const skus = extractSkus(display);
  for (const v of skus) add({ type: 'sku', value: v });
  const { orderIds, phoneTails } = extractOrderIdsAndPhones(display, new Set(skus.map((s) => s.toLowerCase())));
  for (const v of orderIds) add({ type: 'orderId', value: v });
  for (const v of extractPhoneTails(text)) add({ type: 'phoneTail', value: v });
  for (const v of phoneTails) add({ type: 'phoneTail', value: v });
  for (const v of extractDates(text, opts)) add({ type: v.includes('/') ? 'dateRange' : 'date', value: v });
  for (const v of extractOrdinals(text)) add({ type: 'ordinal', value: v });
  return out;
}

// ---------------------------------------------------------------- order numbers, phones, SKUs

// A leading `#` stays part of the id ("#A20931" is how Shopify-style shops write order names);
// comparisons with the buyer's own ids ignore it (dialogue.ts `sameId`).
const ALNUM_RUN = /(?<![A-Za-z0-9#_])#?[A-Za-z0-9](?:[A-Za-z]{0,3}#[A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9_-]*[A-Za-z0-9])?(?![A-Za-z0-9_])/g;
/** Digit groups typed with spaces ("SF1502 7783 99102", "138 1234 5678"): one id when joined. */
const SPACED_ID = /(?<![A-Za-z0-9])((?:[A-Z]{2,4}[ \u00a0]?|[A-Za-z]{0,4})\d{2,6})((?:[ \u00a0]\d{1,5}){1,5})(?:([ \u00a0]?)([A-Z]{2}))?(?![A-Za-z0-9])/g;
/** A UPS number typed in groups ("1Z 999 AA1 0123 4567 84"): letters inside the groups too. */
const UPS_SPACED = /(?<![A-Za-z0-9])1Z(?:[ \u00a0]?[0-9A-Z]){16}(?![A-Za-z0-9])/g;
/**
 * A USPS number typed in groups ("9400 1000 0000 0000 0000 00"): 20 to 22 digits starting with
 * 91–95 (its tracking format) or 70 (certified mail). Any long run of digit groups would also take
 * lists of years or prices, bank cards (up to 19 digits), identity numbers (18) and two phone
 * numbers in a row.
 */
const USPS_DIGITS = /^(?:70|9[1-5])\d{18,20}$/;
const CARRIERS = 'usps|ups|dhl|fedex';
/** A carrier's name just before a number ("FedEx 7749 1234 5678", "UPS: …", "my fedex number is …"): its tracking number. */
const CARRIER_BEFORE = new RegExp(`(?:^|[^a-z])(?:${CARRIERS})(?:\\s*(?:tracking|number|no\\.?|#|id)){0,2}\\s*(?:is|was|[:：#])?\\s*$`, 'i');
const carrierBefore = (s: string, at: number) => CARRIER_BEFORE.test(s.slice(Math.max(0, at - 28), at));
/** After a carrier's name, a number of this many digits is its tracking number ("DHL 2024年" stays a year). */
const CARRIER_ID_DIGITS = 8;
/** A postal tracking number (two letters, nine digits, the country): "LX 123 456 789 CN". */
const POSTAL_ID = /^[A-Z]{2}\d{9}[A-Z]{2}$/;
/** A carrier's name typed in front of its number, in the same group ("USPS 9400 …"). */
const CARRIER_WORD = new RegExp(`^(?:${CARRIERS})`, 'i');
/** How far before an id its marker may stand ("my order number is "). */
const MARKER_REACH = 18;
/** An order marker ends the text just before `at` ("订单号 ", "my order number is "). */
const markedBefore = (s: string, at: number) => ORDER_MARKER.test(s.slice(Math.max(0, at - MARKER_REACH), at));
const PHONE_SHAPE = /^(?:\+?86[ \u00a0]?)?1\d{2}[ \u00a0]\d{4}[ \u00a0]\d{4}$/;
/** Codes of several dash-separated parts with four digits or more ("RT-77120-B", "W-9931-US", "HK#20241122-01"). */
// A shop's prefix, a dash and a number ("MP-260472", "TL-10520": a Manchester and a Toronto shop, thirty-sixth session, not read as ids).
const MULTI_PART_ID = /^(?:[A-Za-z0-9]+[-#]){2,}[A-Za-z0-9]+$|^[A-Za-z]{1,4}#[A-Za-z0-9-]{4,}$|^[A-Z]{2,4}-\d{5,}$/;
/** Long machine ids (UUIDs, dashed ids of 16+ characters) carry many letters; they are ids all the same. */
const LONG_ID = (c: string, digits: number) => c.length >= 16 && (c.includes('-') ? digits >= 6 : digits * 3 >= c.length);
const ORDER_MARKER = /(?:订单|单号|订单号|编号|运单|order|\b(?:oder|ordr|odr|ord)|tracking|no\.?|#)\s*(?:号|号码|编号|number|numbr|nmbr|nbr|num|no\.?|id|#)?\s*(?:是|为|[:：]|is|was)?\s*$/i;
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
/** "order#88231": the marker word glued to the id is still a marker, and the id its own run. */
const GLUED_MARKER = /\b(order|tracking)#(?=[A-Za-z0-9])/gi;
const DATE_LIKE = /^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$/;
/** A company's tax number for an invoice ("税号91310115MA1K4…", "VAT number GB…"): no order of the buyer's (found from outside). */
const TAX_ID_MARKER = /(?:税号|纳税人识别号|识别号|信用代码|(?<![a-z])(?:tax|vat|ein|abn|gst)\s*(?:id|no\.?|number|#|reg(?:istration)?(?: number)?)?)\s*(?:是|为|[:：]|is)?\s*$/i;

/**
 * Numbers with an order's shape that are something else: a unit of a Singapore or Malaysian address
 * ("Blk 520 Ang Mo Kio Ave 10 #05-1234"), a software error code ("提示0xC004F050"). Both were
 * looked up as order numbers (found from outside).
 */
/**
 * A phone number typed wrong, or said to be one ("收货电话俺写错了一位 189990011222 多了个2": a Qingdao shop, thirty-ninth session,
 * told no order has that number): a phone word shortly before it, and no order marker.
 */
const PHONE_BEFORE = /(?:电话|手机|联系方式|(?<![a-z])(?:phone|mobile|cell|tel)(?:\s*(?:number|no\.?|#))?)[^，,。.!?？\d]{0,12}$/i;
const UNIT_NUMBER = /^#\d{1,3}-\d{1,5}[A-Za-z]?$/;
// Read only beside a unit-shaped number: "1 Raffles Place #20-01" (found from outside: looked up as an order).
const ADDRESS_WORDS = /(?<![a-z])(?:blk|block|ave|avenue|street|st|road|rd|drive|dr|crescent|jalan|lorong|jln|singapore|s\d{6}|floor|unit|level|tower|condo|hdb|place|way|lane|link|quay|terrace|centre|center|plaza|park|walk|close|view|rise|hill|grove|gardens?|boulevard|blvd|address)(?![a-z])|\d{5,6}\s*(?:singapore|kuala lumpur)|地址|楼|室/i;
const ERROR_CODE = /^0x[0-9a-f]{4,}$/i;
// Or a door it is at, no order named ("can ask driver leave outside my door? #05-67 got shoe rack": a Singapore shop, forty-second
// session, "I can't find an order numbered #05-67").
const AT_THE_DOOR = /(?<![a-z])(?:door|doorstep|outside|gate|driver|rider|leave (?:it|at))(?![a-z])|门口|门外/i;
const ORDER_NAMED = /(?<![a-z])(?:order|ord)(?![a-z])|订单|单号/i;
const notAnOrder = (c: string, text: string): boolean => ERROR_CODE.test(c) || (UNIT_NUMBER.test(c) && (ADDRESS_WORDS.test(text) || (AT_THE_DOOR.test(text) && !ORDER_NAMED.test(text))));
/**
 * A part's number or a vehicle's ("OE号04465-33480", "VIN码LVGBE40K8KG123456", "16100-29415这个型号",
 * "part no. 5Q0615301F"): what fits, not an order (found from outside: an auto-parts wholesaler's
 * buyers were told "no order numbered 11537600446").
 */
const PART_BEFORE = /(?:型号|(?<![a-z])oe\s*(?:号|码|编号)?|原厂号|配件号|零件号|件号|(?<![a-z])vin\s*(?:码|号)?|车架号|底盘号|(?<![a-z])(?:part|model)\s*(?:no\.?|number|#)?)\s*(?:是|为|[:：]|is)?\s*$/i;
// An order's own model said wrong ("AP20261126007型号不符，装不上") still names the order (found in review).
const PART_AFTER = /^\s*(?:这个|这款|那个|那款)(?:型号|配件|零件)|^\s*型号(?![^，,。]{0,4}(?:不对|错|有误|不符|不一样|不同|不匹配|装不上|对不上))/i;

function extractOrderIdsAndPhones(display: string, skus: ReadonlySet<string>): { orderIds: string[]; phoneTails: string[] } {
  const orderIds: string[] = [];
  const phoneTails: string[] = [];
  const ungrouped = display.replace(UPS_SPACED, (ups) => ups.replace(/\s/g, ''));
  const joined = ungrouped.replace(SPACED_ID, (all: string, head: string, rest: string, gap: string | undefined, country: string | undefined, at: number) => {
    const packed = (head + rest).replace(/\s/g, '');
    if (country !== undefined && POSTAL_ID.test(packed + country)) return packed + country;
    const tail = country === undefined ? '' : `${gap ?? ''}${country}`;
    if (country !== undefined) all = all.slice(0, all.length - tail.length);
    // An id, not a list of numbers ("sizes 36 37 38 39 40"): letters in front, an order marker or
    // a carrier's name before it, a phone number's 3-4-4, or a USPS number's shape.
    const shaped = USPS_DIGITS.test(packed) || carrierBefore(ungrouped, at);
    if (!/[A-Za-z]/.test(head) && !markedBefore(ungrouped, at) && !PHONE_SHAPE.test(all) && !shaped) return all + tail;
    // A carrier's name before the number is not part of it ("USPS 9400 1118 …").
    const carrier = CARRIER_WORD.exec(head)?.[0] ?? '';
    const id = (head.slice(carrier.length) + rest).replace(/\s/g, '');
    // Ten digits at least: "2 件 199 元" or "3 pcs 45 each" stay apart.
    if (id.replace(/\D/g, '').length < 10) return all + tail;
    return (carrier ? `${carrier} ${id}` : id) + tail;
  }).replace(GLUED_MARKER, '$1 #');
  for (const m of joined.matchAll(ALNUM_RUN)) {
    const c = m[0];
    if (skus.has(c.toLowerCase())) continue;
    let digits = 0;
    let letters = 0;
    for (const ch of c) {
      if (ch >= '0' && ch <= '9') digits++;
      else if (ch !== '-' && ch !== '#' && ch !== '_') letters++;
    }
    const marked = c.startsWith('#') || markedBefore(joined, m.index) || (digits >= CARRIER_ID_DIGITS && carrierBefore(joined, m.index));
    // After "订单号" or "order #" a short code is an order number ("#88231", "A1234"); bare, it needs more digits.
    const long = LONG_ID(c, digits) || (digits >= 4 && MULTI_PART_ID.test(c));
    if (!long && (marked ? digits < 3 || letters > 12 : digits < 6 || letters > 6)) continue;
    if (MOBILE.test(c)) {
      // A whole phone number is only ever used to find the buyer's order by its tail; keep no more.
      phoneTails.push(c.slice(-4));
      continue;
    }
    const before = joined.slice(Math.max(0, m.index - MARKER_REACH), m.index);
    if (DATE_LIKE.test(c) || TAX_ID_MARKER.test(before) || PART_BEFORE.test(before) || (PHONE_BEFORE.test(before) && !marked) || PART_AFTER.test(joined.slice(m.index + c.length)) || notAnOrder(c, joined)) continue;
    // A bare run of digits is an order number only when long enough not to be a price, a date or a count.
    if (c.length >= 10 || (marked && c.length >= 4) || long) orderIds.push(c);
  }
  return { orderIds, phoneTails };
}

const PHONE_TAIL_ZH = /(?:尾号|尾数|后四位|末四位|后4位|末4位)\s*(?:应该是|应是|改成|改为|是|为|:)?\s*(\d{4})(?!\d)/g;
const PHONE_TAIL_EN =
  /(?:ending\s+(?:in|with)|ends?\s+(?:in|with)|last\s+(?:4|four)\s+(?:digits\s+)?(?:of\s+(?:my\s+|the\s+)?(?:phone|mobile|number)\s*(?:number\s+)?)?(?:is|are)?|phone\s+tail)\s*:?\s*(\d{4})(?!\d)/g;

/** "phone ending 0123", "mobile no. ends 4567": the bare "ending" only right after a phone word ("the number ending 4410" picks an order from a list). */
const PHONE_TAIL_EN_BARE = /(?:phone|mobile|cell|tel|(?<![a-z])ph(?![a-z])|手机号?|电话)(?:\s*(?:number|no\.?|#))?[^|.?!\d]{0,24}?\b(?:ending|ends)(?:\s+(?:in|with))?\s*:?\s*(\d{4})(?!\d)/g;

function extractPhoneTails(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PHONE_TAIL_ZH)) out.push(m[1]!);
  for (const m of text.matchAll(PHONE_TAIL_EN)) out.push(m[1]!);
  for (const m of text.matchAll(PHONE_TAIL_EN_BARE)) out.push(m[1]!);
  return out;
}

const SKU_GLUED = /(?<![A-Za-z0-9])(sku[-_]?[A-Za-z0-9][A-Za-z0-9-]*)/gi;
const SKU_MARKED =
  /(?:(?<![A-Za-z])sku(?:\s*(?:是|为|[:：#])\s*|\s+)|(?:货号|款号|商品编号|商品编码|商品id)\s*(?:是|为|[:：#])?\s*|(?:item|product)\s*(?:no\.?|number|code|id|#)\s*(?:is\s+)?[:#]?\s*)([A-Za-z0-9][A-Za-z0-9-]{1,31})/gi;

/** A product code without a cue word: capitals, a dash, digits ("B-7781"). */
const SKU_BARE = /(?<![A-Za-z0-9#-])([A-Z]{1,3}-\d{3,5})(?![A-Za-z0-9-])/g;

/** The text names an order or tracking number (a product code is not one). */
export function namesOrderId(display: string): boolean {
  return extractOrderIdsAndPhones(display, new Set(extractSkus(display).map((s) => s.toLowerCase()))).orderIds.length > 0;
}

/** The text names a product code ("B-7781", "SKU123", "货号 A12"). */
export function namesProductCode(display: string): boolean {
  return extractSkus(display).length > 0;
}

function extractSkus(display: string): string[] {
  const out: string[] = [];
  for (const m of display.matchAll(SKU_MARKED)) out.push(m[1]!);
  for (const m of display.matchAll(SKU_GLUED)) if (!out.some((v) => m[1]!.toLowerCase().endsWith(v.toLowerCase()))) out.push(m[1]!);
  // Bare, a product code unless an order marker comes right before it ("订单 B-7781" is an order).
  if (out.length === 0) for (const m of display.matchAll(SKU_BARE)) if (!markedBefore(display, m.index)) out.push(m[1]!);
  return out;
}

// ---------------------------------------------------------------- numbers

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "十二", "二十", "二十一", "两" → number; NaN when it is not a small number. */
export function parseSmallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s]! : NaN;
  const hi = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const loPart = s.slice(ten + 1);
  const lo = loPart === '' ? 0 : CN_DIGITS[loPart];
  if (hi === undefined || lo === undefined || ten > 1 || loPart.length > 1) return NaN;
  return hi * 10 + lo;
}

const EN_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

// ---------------------------------------------------------------- dates

interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

const DAY_MS = 86_400_000;
const toUtc = (x: Day) => Date.UTC(x.y, x.m - 1, x.d);
const fromUtc = (ms: number): Day => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const addDays = (x: Day, n: number) => fromUtc(toUtc(x) + n * DAY_MS);
const fmt = (x: Day) => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
const range = (a: Day, b: Day) => `${fmt(a)}/${fmt(b)}`;
/** ISO weekday: Monday 1 … Sunday 7. */
const isoDow = (x: Day) => ((new Date(toUtc(x)).getUTCDay() + 6) % 7) + 1;
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && fromUtc(Date.UTC(y, m - 1, d)).d === d;

/**
 * Which occurrence of a month and day the buyer means: `future`, the coming one (a deadline: "by
 * Dec 3"); `nearest`, whichever is closer (an arrival: "will it arrive on Dec 3" is days ahead,
 * "the delivery from Nov 20" days back); `past`, the most recent (an order placed on it).
 */
type Occurrence = 'future' | 'nearest' | 'past';

function monthDay(today: Day, m: number, d: number, when: Occurrence): string | undefined {
  const past = pastMonthDay(today, m, d);
  if (!past || when === 'past' || toUtc(past) >= toUtc(today)) return past && fmt(past);
  if (when === 'nearest') return fmtOf(nearestOf(today, (y) => (validDay(y, m, d) ? { y, m, d } : undefined)));
  const next = { y: past.y + 1, m, d };
  return fmt(validDay(next.y, m, d) ? next : past);
}

/** The occurrence of a yearly day nearest `today` (last year's, this year's or next year's); on a tie, the earlier. */
function nearestOf(today: Day, of: (y: number) => Day | undefined): Day | undefined {
  let best: { d: Day; gap: number } | undefined;
  for (const y of [today.y - 1, today.y, today.y + 1]) {
    const d = of(y);
    if (!d) continue;
    const gap = Math.abs(toUtc(d) - toUtc(today));
    if (!best || gap < best.gap) best = { d, gap };
  }
  return best?.d;
}

const fmtOf = (d: Day | undefined) => d && fmt(d);

/** Days from `today` to the coming weekday `wd` (1 to 7: a week ahead when it is today's), and back to the last one (0 to 6). */
const daysAhead = (today: Day, wd: number) => (wd - isoDow(today) + 7) % 7 || 7;
const daysBack = (today: Day, wd: number) => (isoDow(today) - wd + 7) % 7;

/** The most recent y-m-d on or before today (buyers talk about past orders). */
function pastMonthDay(today: Day, m: number, d: number): Day | undefined {
  if (!validDay(today.y, m, d) && !validDay(today.y - 1, m, d)) return undefined;
  const thisYear = { y: today.y, m, d };
  return validDay(today.y, m, d) && toUtc(thisYear) <= toUtc(today) ? thisYear : { y: today.y - 1, m, d };
}

const ZH_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const EN_WEEKDAY: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const EN_MONTH: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const EN_WEEKDAYS_RE = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun';
const MONTHS_RE = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const CN_NUM = '[0-9一二三四五六七八九十两]{1,3}';
const NOT_SALE = '(?!\\s*(?:sales?|deals?|discounts?|promos?|promotions?|coupons?|prices?|活动|优惠|折扣|促销|满减|大促|价))';

interface DateRule {
  re: RegExp;
  /** `text`: the whole message, for rules that read its tense. */
  resolve(m: RegExpMatchArray, today: Day, text: string): string | undefined;
}

/** The buyer tells of something done ("I ordered it before Nov 3"): a date in it is past. */
const PAST_DEED = /(?<![a-z])(?:ordered|bought|sent|returned|paid|placed|shipped|received|got|mailed)(?![a-z])|买的|下的单|寄的|寄回|退回|付的/;

/** The buyer asks about a parcel arriving: a month and day is the nearest one, not the last. */
const ARRIVAL = /(?<![a-z])(?:arriv(?:e|es|ing|al)|deliver(?:y|ies|ing)?|be delivered|get here|be here|eta|expected)(?![a-z])/;
/** The same in Chinese, and questions about the shop's service on a day ("周六有人值班吗"). */
const ZH_PLAN = /就要|要去|准备|打算|出差|不在家|搬走|出门|回老家|值班|上班|营业|开门|过生日|婚礼|聚会|派对|开学|考试|面试|出发/;
/** "you promised a refund by Monday, still nothing", "承诺周一前退款，到现在钱还没到": the day has passed. */
const missedPromise = (text: string) =>
  /(?<![a-z])(?:promised|you said|told me)(?![a-z])|承诺|说好|答应/.test(text) && /(?<![a-z])(?:still|nothing|yet|(?:hasn'?t|has not)|(?:haven'?t|have not)|never)(?![a-z])|还没|没到|没收到|没退/.test(text);
/** A day of an event ahead ("my son's birthday party is on Saturday"), whatever was done already. */
const EVENT_AHEAD = /(?<![a-z])(?:birthday|party|wedding|anniversary|trip|flight|exam|interview|graduation)(?:\s+party)?\s+(?:is|'s)\s+(?:on\s+)?$/;
/** A plan told in the present or future ("i'm moving out on friday", "i will be away"): its weekday is the coming one. */
const PLAN = /(?<![a-z])(?:will|going to|i am (?!still|waiting)[a-z]+ing|moving|travel+ing|flying|leaving|away)(?![a-z])/;
/** A deadline ("by", "before") is the coming day unless the buyer tells of a deed done. */
const occurrence = (deadline: boolean, text: string): Occurrence =>
  toldDeed(text) ? 'past' : deadline ? 'future' : 'nearest';
/**
 * A deed told ("I bought it on Dec 5") puts a month and day in the past, unless the buyer also
 * tells of a trip or plan ahead ("bought the case for my trip, I leave on December 5th, will it
 * arrive before then?", "我12月5号出发"): then it is the nearest one.
 */
const toldDeed = (text: string) => PAST_DEED.test(text) && !PLAN.test(text) && !ZH_PLAN.test(text) && !TRIP.test(text);
const TRIP = /(?<![a-z])(?:trip|leave|leaves|depart|departing|vacation|honeymoon)(?![a-z])|旅游|旅行|出国/;

const mondayOf = (x: Day) => addDays(x, 1 - isoDow(x));
/** The fourth Thursday of November. */
const thanksgiving = (y: number): Day => {
  const first = { y, m: 11, d: 1 };
  return addDays(first, ((4 - isoDow(first) + 7) % 7) + 21);
};
/**
 * A shopping holiday, as the occurrence nearest today ("before Thanksgiving" is days ahead, "on
 * Black Friday" days back). Followed by a sale word it names the sale, not a day ("is there a
 * black friday sale").
 */
const holiday = (names: string, of: (y: number) => Day, gifts = false): DateRule => ({
  re: new RegExp(`(\\bfor\\s+)?(?:${names})${NOT_SALE}(礼物)?`, 'g'),
  // "a sweater for Christmas", "圣诞礼物": a gift's occasion, no day the buyer asks about, unless
  // the message is about getting it there ("will it arrive for Christmas"). A sale day is a day
  // ("coupons for Cyber Monday").
  resolve: (m, t, text) => (gifts && (m[1] || m[2]) && !IN_TIME.test(text) ? undefined : fmtOf(nearestOf(t, of))),
});
const IN_TIME = /(?<![a-z])(?:arriv|deliver|ship|in time|get (?:it|here|there)|be here)|到|寄|发货|之前|以前/;
const lastMonth = (x: Day) => {
  const first = { y: x.y, m: x.m, d: 1 };
  const end = addDays(first, -1);
  return range({ y: end.y, m: end.m, d: 1 }, end);
};

/**
 * A dotted month and day is also how prices are written ("9.9买的"): only a day within about two
 * months back or six weeks ahead is taken as a date.
 */
const recent = (t: Day, day: string | undefined): string | undefined => {
  if (!day) return undefined;
  const diff = (Date.parse(`${day}T00:00:00Z`) - toUtc(t)) / 86_400_000;
  return diff >= -62 && diff <= 45 ? day : undefined;
};

/** Days either side of "N weeks ago". */
const WEEKS_AGO_SPREAD = 3;

const DATE_RULES: DateRule[] = [
  // Not inside an id ("ORD/2024/11/0456").
  { re: /(?<![\dA-Za-z/_-])((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d/])\s*[日号]?/g, resolve: (m) => (validDay(+m[1]!, +m[2]!, +m[3]!) ? fmt({ y: +m[1]!, m: +m[2]!, d: +m[3]! }) : undefined) },
  {
    // "12月1号之前能到吗": a delivery day is the coming one; "11月20号买的" a past one.
    re: new RegExp(`(?<![0-9年])(${CN_NUM})\\s*月\\s*(${CN_NUM})\\s*[日号]?(?=(\\s*(?:(?:之前|以前|前)\\s*(?:能|可以|会|要)?|能|可以|会))|)`, 'g'),
    resolve: (m, t, text) => monthDay(t, parseSmallNumber(m[1]!), parseSmallNumber(m[2]!), m[3] !== undefined ? 'future' : toldDeed(text) ? 'past' : 'nearest'),
  },
  {
    re: /(?:\b(by|before|until|till)\s+)?(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    resolve: (m, t, text) => monthDay(t, +m[2]!, +m[3]!, occurrence(m[1] !== undefined, text)),
  },
  {
    // "11.22拍的那单", "12.1前能到吗": a month and day written with a dot, only before a deed, a
    // deadline or an order word (a price is "11.22元", a version "1.2").
    re: /(?<![\d.A-Za-z¥￥$价费花钱版本统]\s?)(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?![\d.%])(?=\s*(?:[号日]\s*)?(?:(之前|以前|前)|拍|买|下单|下的|付款|签收|那单|的单|那个单|订单))/g,
    resolve: (m, t, text) => recent(t, monthDay(t, +m[1]!, +m[2]!, m[3] !== undefined ? 'future' : PAST_DEED.test(text) || /拍|下单|下的|付款/.test(text) ? 'past' : 'nearest')),
  },
  {
    // "本月1号退的货": a day of this month, said so.
    re: new RegExp(`(?:本月|这个月|这月)\\s*(${CN_NUM})\\s*[号日]`, 'g'),
    resolve: (m, t) => {
      const d = parseSmallNumber(m[1]!);
      return validDay(t.y, t.m, d) ? fmt({ y: t.y, m: t.m, d }) : undefined;
    },
  },
  {
    // "20号买的": a day of this month, or of last month when that day has not come yet ("建国路12号" is a
    // house, "这款戒指12号还有货吗" a size, "讲好2-3日到" days to arrive: a Guangzhou shop, thirty-seventh session).
    re: new RegExp(`(?<![0-9月尾单号码第大小加路街巷弄栋幢\\-~～])(${CN_NUM})\\s*[号日](?![码楼院])(?!\\s*(?:还有货|有货|有没有货|有现货|缺货))`, 'g'),
    resolve: (m, t) => {
      const d = parseSmallNumber(m[1]!);
      if (!(d >= 1 && d <= 31)) return undefined;
      if (d <= t.d) return validDay(t.y, t.m, d) ? fmt({ y: t.y, m: t.m, d }) : undefined;
      const prev = addDays({ y: t.y, m: t.m, d: 1 }, -1);
      return validDay(prev.y, prev.m, d) ? fmt({ y: prev.y, m: prev.m, d }) : undefined;
    },
  },
  { re: /大前天/g, resolve: (_m, t) => fmt(addDays(t, -3)) },
  { re: /(?<!大)前天/g, resolve: (_m, t) => fmt(addDays(t, -2)) },
  { re: /昨天|昨日|昨儿|昨晚|昨早/g, resolve: (_m, t) => fmt(addDays(t, -1)) },
  { re: /今天|今日|今儿|今早|今晚|今晨/g, resolve: (_m, t) => fmt(t) },
  { re: /明天|明日|明儿|明早|明晚/g, resolve: (_m, t) => fmt(addDays(t, 1)) },
  { re: /大后天/g, resolve: (_m, t) => fmt(addDays(t, 3)) },
  { re: /(?<!大)后天/g, resolve: (_m, t) => fmt(addDays(t, 2)) },
  {
    re: new RegExp(`(${CN_NUM})\\s*天(?:以)?前`, 'g'),
    resolve: (m, t) => {
      const n = parseSmallNumber(m[1]!);
      return n >= 0 && n <= 90 ? fmt(addDays(t, -n)) : undefined;
    },
  },
  {
    // A weekday is in the past unless the buyer says "下周五", "周五前(能到吗)" or "周五能到吗".
    re: /(上个?|这个?|本|下个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])(之?前|以前)?(能|可以|会)?/g,
    resolve: (m, t, text) => {
      const wd = ZH_WEEKDAY[m[2]!]!;
      const mon = mondayOf(t);
      if (m[1]?.startsWith('上')) return fmt(addDays(mon, wd - 8));
      if (m[1]?.startsWith('下')) return fmt(addDays(mon, wd + 6));
      if (m[1]) return fmt(addDays(mon, wd - 1));
      if (missedPromise(text)) return fmt(addDays(t, -daysBack(t, wd)));
      if (m[3] || m[4] || (ZH_PLAN.test(text) && !PAST_DEED.test(text))) return fmt(addDays(t, daysAhead(t, wd)));
      return fmt(addDays(t, -daysBack(t, wd)));
    },
  },
  { re: /(?:上个?|前一个?)(?:周|星期|礼拜)(?![一二三四五六日天1-7])/g, resolve: (_m, t) => range(addDays(mondayOf(t), -7), addDays(mondayOf(t), -1)) },
  { re: /(?:这个?|本)(?:周|星期|礼拜)(?![一二三四五六日天1-7])/g, resolve: (_m, t) => range(mondayOf(t), t) },
  { re: /上个?月/g, resolve: (_m, t) => lastMonth(t) },
  { re: /(?:这个?|本)月(?!\d)/g, resolve: (_m, t) => range({ y: t.y, m: t.m, d: 1 }, t) },
  // A sale day is the nearest one: 双十二 asked on 11-27 is days ahead, 双十一 days back.
  { re: /双\s*(?:十一|11)/g, resolve: (_m, t) => monthDay(t, 11, 11, 'nearest') },
  { re: /双\s*(?:十二|12)/g, resolve: (_m, t) => monthDay(t, 12, 12, 'nearest') },
  { re: /(?<![\d.])618(?![\d.])/g, resolve: (_m, t) => monthDay(t, 6, 18, 'nearest') },
  holiday('感恩节|\\bthanksgiving\\b', thanksgiving),
  holiday('黑五|黑色星期五|\\bblack friday\\b', (y) => addDays(thanksgiving(y), 1)),
  holiday('网络星期一|\\bcyber monday\\b', (y) => addDays(thanksgiving(y), 4)),
  holiday('平安夜|\\bchristmas eve\\b', (y) => ({ y, m: 12, d: 24 }), true),
  holiday('圣诞节?|\\b(?:christmas|xmas)\\b(?! eve)', (y) => ({ y, m: 12, d: 25 }), true),
  // English
  { re: /\bthe day before yesterday\b/g, resolve: (_m, t) => fmt(addDays(t, -2)) },
  { re: /(?<!before )\byesterday\b/g, resolve: (_m, t) => fmt(addDays(t, -1)) },
  { re: /\btoday\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b/g, resolve: (_m, t) => fmt(t) },
  { re: /\blast night\b/g, resolve: (_m, t) => fmt(addDays(t, -1)) },
  { re: /\bthe day after tomorrow\b/g, resolve: (_m, t) => fmt(addDays(t, 2)) },
  { re: /\btomorrow\b/g, resolve: (_m, t) => fmt(addDays(t, 1)) },
  {
    // "3 days ago" is a day; "a week ago", "two weeks ago" are a span of days around it (nobody
    // counts weeks to the day): a range narrows the buyer's orders without missing the one meant.
    // "a few days ago", "a couple of weeks ago" are vaguer still, and not read at all.
    re: /\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+ago\b/g,
    resolve: (m, t) => {
      const k = m[1]!;
      const n = /^\d+$/.test(k) ? Number(k) : EN_NUMBERS[k];
      if (n === undefined) return undefined;
      if (!m[2]!.startsWith('week')) return fmt(addDays(t, -n));
      return range(addDays(t, -7 * n - WEEKS_AGO_SPREAD), addDays(t, Math.min(-1, -7 * n + WEEKS_AGO_SPREAD)));
    },
  },
  {
    // "tuesday last week", "last week's tuesday", "friday of next week": that week's day.
    re: new RegExp(`\\b(?:(${EN_WEEKDAYS_RE})\\s+(?:of\\s+)?(last|this|next)\\s+week|(last|this|next)\\s+week'?s?\\s+(${EN_WEEKDAYS_RE}))\\b`, 'g'),
    resolve: (m, t) => {
      const wd = EN_WEEKDAY[m[1] ?? m[4]!]!;
      const which = m[2] ?? m[3]!;
      return fmt(addDays(mondayOf(t), wd - 1 + (which === 'last' ? -7 : which === 'next' ? 7 : 0)));
    },
  },
  {
    // "ordered it 11.22", "shipped it back on 11.20": a dotted month and day after a deed or "on"
    // (a price is "$11.22", a size "10.5").
    re: /\b(?:(ordered|bought|placed|paid|shipped|sent|returned|mailed|received|got)(?:\s+(?:it|them|this|that|mine|one|the order))?(?:\s+(?:back|bk))?\s+(?:on\s+)?|(on|since|by|before|until|till)\s+)(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?![\d.%]|\s*(?:usd|dollars?|bucks|kg|lbs?|oz|in|inch|cm|mm)\b)/g,
    resolve: (m, t, text) => recent(t, monthDay(t, +m[3]!, +m[4]!, m[1] ? 'past' : occurrence(m[2] !== 'on' && m[2] !== 'since', text))),
  },
  {
    re: new RegExp(`(?<!black |cyber )\\b(?:(last|this|on|past|by|before|until|till|next|since)\\s+)?(${EN_WEEKDAYS_RE})\\b`, 'g'),
    resolve: (m, t, text) => {
      const full = m[2]!.length > 4 || m[2] === 'tues' || m[2] === 'thur' || m[2] === 'thurs';
      if (!full && !m[1]) return undefined;
      const wd = EN_WEEKDAY[m[2]!]!;
      if (m[1] === 'this') return fmt(addDays(mondayOf(t), wd - 1));
      // "by friday", "next monday": the coming one, as in a delivery question.
      if (m[1] === 'next') return fmt(addDays(mondayOf(t), wd + 6));
      const ahead = daysAhead(t, wd);
      const back = daysBack(t, wd);
      if (missedPromise(text)) return fmt(addDays(t, -back));
      if (EVENT_AHEAD.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0))) return fmt(addDays(t, ahead));
      if (m[1] === 'by' || m[1] === 'before' || m[1] === 'until' || m[1] === 'till') return fmt(addDays(t, ahead));
      // "i'm moving out on friday": the coming one; "will it arrive friday": the nearer one.
      if ((m[1] === undefined || m[1] === 'on') && !PAST_DEED.test(text)) {
        if (PLAN.test(text)) return fmt(addDays(t, ahead));
        if (ARRIVAL.test(text)) return fmt(addDays(t, ahead < back ? ahead : -back));
      }
      return fmt(addDays(t, -(m[1] === 'last' || m[1] === 'past' ? back || 7 : back)));
    },
  },
  { re: /\blast week\b/g, resolve: (_m, t) => range(addDays(mondayOf(t), -7), addDays(mondayOf(t), -1)) },
  { re: /\bthis week\b/g, resolve: (_m, t) => range(mondayOf(t), t) },
  { re: /\blast month\b/g, resolve: (_m, t) => lastMonth(t) },
  { re: /\bthis month\b/g, resolve: (_m, t) => range({ y: t.y, m: t.m, d: 1 }, t) },
  {
    re: new RegExp(`(?:\\b(by|before|until|till)\\s+)?\\b(${MONTHS_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g'),
    resolve: (m, t, text) => monthDay(t, EN_MONTH[m[2]!]!, +m[3]!, occurrence(m[1] !== undefined, text)),
  },
  {
    // "by 20 Nov", "before the 3rd of December": a deadline, as with the month first.
    re: new RegExp(`(?:\\b(by|before|until|till)\\s+(?:the\\s+)?)?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS_RE})\\b`, 'g'),
    resolve: (m, t, text) => monthDay(t, EN_MONTH[m[3]!]!, +m[2]!, occurrence(m[1] !== undefined, text)),
  },
  {
    // "on the 3rd", "hasn't updated since the 23rd", "my order from the 20th": a day of this month, or of last month when it has not come yet.
    re: /\b(?:on|since|from) the (\d{1,2})(?:st|nd|rd|th)\b/g,
    resolve: (m, t) => {
      const d = +m[1]!;
      if (d <= t.d) return validDay(t.y, t.m, d) ? fmt({ y: t.y, m: t.m, d }) : undefined;
      const prev = addDays({ y: t.y, m: t.m, d: 1 }, -1);
      return validDay(prev.y, prev.m, d) ? fmt({ y: prev.y, m: prev.m, d }) : undefined;
    },
  },
];

/** Today's calendar day in the given offset. */
export function localDay(now: Date, tzOffsetMinutes: number): string {
  return fmt(fromUtc(now.getTime() + tzOffsetMinutes * 60_000));
}

function extractDates(text: string, opts: EntityOptions): string[] {
  const today = fromUtc(opts.now.getTime() + opts.tzOffsetMinutes * 60_000);
  const out: string[] = [];
  // Rules run in order and each match blanks its span, so "11月20号" is not also read as "20号".
  let rest = text;
  for (const rule of DATE_RULES) {
    rule.re.lastIndex = 0;
    rest = rest.replace(rule.re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpMatchArray;
      m.index = args[args.length - 2] as number;
      const v = rule.resolve(m, today, text);
      if (v === undefined) return m[0]!;
      out.push(v);
      return ' '.repeat(m[0]!.length);
    });
  }
  return out;
}

// ---------------------------------------------------------------- ordinals

// "第二件半价" is a promotion, not the second of a list; "第四条消息了" counts the buyer's messages.
const ZH_ORDINAL = new RegExp(`(倒数)?第\\s*(${CN_NUM})(?!\\s*(?:条|封|个|次)?\\s*(?:消息|信息|短信|留言|评论|回复|问题))\\s*(?:个|单|笔|件|项|条|份|款|种|样)?(?![次天周年遍期名步季批层届号位楼])(?![件个份款]?\\s*(?:半价|[0-9一二三四五六七八九]折|免单|免费|减))`, 'g');
const ZH_LAST = /最后(?:一|那|的那|的|1)?\s*(?:个|单|笔|件|条|份|款)|最后那|最下面(?:那|的)?个?/g;
const ZH_FIRST = /头一个|最上面(?:那|的)?个?/g;
const EN_ORDINAL_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1 };
const EN_ORDINAL =
  /(?<![a-z0-9])(the\s+)?(second\s+(?:to\s+)?last|first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?![a-z0-9])(\s+(?:one|order|package|parcel|item|purchase|shipment|option)\b)?(\s+[a-z]+)?/g;
// "option 2", "#3"; not the start of an id ("tracking number 1Z84F…") nor an address's unit ("#05-1234").
const EN_NUMBERED = /(?:(?<![a-z])(?:number|no\.?|option|choice)\s*|#)(\d{1,2})(?![\da-z]|-\d)/gi;
const NOT_ORDINAL_NEXT = /^\s+(?:time|times|day|days|week|month|year|night|thing|step|question|floor|place|half|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)$/;
/** "the 3rd of December", "2nd Dec": a date, not a pick from a list. */
const MONTH_AFTER = new RegExp(`^(?:\\s+of)?\\s+(?:${MONTHS_RE})\\b`);
const FILLER = new Set(['the', 'one', 'please', 'that', 'order', 'is', 'it', 'ok', 'okay', 'i', 'want', 'mean', 'meant', 'yes', 'uh', 'um']);

function extractOrdinals(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(ZH_ORDINAL)) {
    const n = parseSmallNumber(m[2]!);
    if (n >= 1 && n <= 20) out.push(m[1] ? -n : n);
  }
  if (ZH_LAST.test(text)) out.push(-1);
  ZH_LAST.lastIndex = 0;
  if (ZH_FIRST.test(text)) out.push(1);
  ZH_FIRST.lastIndex = 0;
  const words = text.match(/[a-z0-9']+/g) ?? [];
  const content = words.filter((w) => !FILLER.has(w));
  const short = content.length <= 2;
  for (const m of text.matchAll(EN_ORDINAL)) {
    const word = m[2]!.replace(/\s+/g, ' ');
    const value = word.startsWith('second ') ? -2 : EN_ORDINAL_WORDS[word]!;
    const next = m[4] ?? '';
    if (MONTH_AFTER.test(text.slice(m.index + (m[1]?.length ?? 0) + m[2]!.length))) continue;
    // "a code for my first order", "discount on 1st purchase": a first-time buyer, not a pick.
    if (value === 1 && /\b(?:for|4|on|with)\s+(?:(?:my|your|ur|a|the)\s+)?$/.test(text.slice(Math.max(0, m.index - 12), m.index) + (m[1] ?? '')) && /order|purchase|ord\b/.test(m[3] ?? m[4] ?? '')) continue;
    // "15% off her first order", "my first order here": someone's first-time purchase ("cancel my
    // first order" still picks).
    const owner = /\b(my|her|his|your|ur|our|their)\s+$/.exec(text.slice(Math.max(0, m.index - 8), m.index))?.[1];
    if (value === 1 && owner && /order|purchase|ord\b/.test(m[3] ?? '') && (owner !== 'my' || /^\s+(?:here|ever|with|from)$/.test(next))) continue;
    if (NOT_ORDINAL_NEXT.test(next) && !m[3]) continue;
    const endOfClause = next === '' || /^\s+(please|pls|thanks)$/.test(next);
    // "last" alone is usually time ("last week", "my last order" = newest); only "the last (one)" picks from a list.
    if (value === -1 && !m[3]?.trim().startsWith('one') && !(m[1] && endOfClause) && content.length > 1) continue;
    if (m[3] || (m[1] && (endOfClause || !NOT_ORDINAL_NEXT.test(next))) || short) out.push(value);
  }
  for (const m of text.matchAll(EN_NUMBERED)) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 20) out.push(n);
  }
  return out;
}
