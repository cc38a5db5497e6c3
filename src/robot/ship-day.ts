/**
 * The day an in-stock order goes out, by the shop's own rule on sending ("Orders paid before 1pm on a
 * working day are sent out the same day; after 1pm, the next working day", "当天16:00前付款当天发出，16:00后
 * 付款次日发出；周日及法定节假日顺延"). Found from outside, three shops (Bristol, Kuala Lumpur, Guangzhou): a
 * buyer who paid on a Saturday or Sunday asked "Monday then?" and was told the whole rule again. Pure:
 * no clock, no I/O. Public holidays are not known here: the shop's sentence, which names them, is said
 * beside the day.
 */

const DAY_MS = 86_400_000;

/** "before 1pm", "by 15:00", "16:00前", "下午4点前": the cut-off, in minutes after midnight. */
const CUTOFF_EN = /(?<![a-z])(?:before|by|until)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d:])/i;
const CUTOFF_ZH = /(上午|中午|下午|晚上)?\s*(\d{1,2})(?:[:：](\d{2})|点(?:(\d{1,2})分|半)?)\s*(?:前|之前|以前)/;
/** Sent the day it is paid, when paid before the cut-off. */
// "当天从武汉仓发出" (a Wuhan shop, thirty-sixth session: the rule said again, no day).
const SAME_DAY = /当天发|当日发|当天(?:就|即)?(?:发出|发货)|当[天日](?:(?!付款|下单|拍)[^，,。；;]){1,8}?(?:发出|发货)|(?<![a-z])(?:(?:sent|shipped|dispatched|posted|ships?|send|dispatch(?:es)?|leaves?|go(?:es)? out)(?: out)? (?:on )?the same (?:working |business )?day|same[- ]day (?:dispatch|shipping))(?![a-z])/i;
// "Orders paid before 2pm Eastern on a business day ship the same day" (a New York shop, thirty-eighth session: the rule said again, no day).
const SATURDAY = /周六|星期六|礼拜六|(?<![a-z])(?:saturdays?|sat)(?![a-z])/i;
const SUNDAY = /周日|周天|星期日|星期天|礼拜天|礼拜日|(?<![a-z])(?:sundays?|sun)(?![a-z])/i;
const MONDAY_TO_SATURDAY = /(?:周一|星期一|礼拜一)(?:至|到|-|–|~)(?:周六|星期六|礼拜六)|(?<![a-z])mon(?:day)?\s*(?:-|–|to)\s*sat(?:urday)?(?![a-z])/i;
const WEEKEND = /周末|双休|(?<![a-z])(?:weekends?|mon(?:day)?\s*(?:-|–|to)\s*fri(?:day)?)(?![a-z])/i;

/** The cut-off of the rule, in minutes after midnight; undefined when it names none. */
function cutoffOf(rule: string): number | undefined {
  const en = CUTOFF_EN.exec(rule);
  if (en) {
    const h = Number(en[1]);
    const pm = en[3] && /p/i.test(en[3]);
    const hour = pm && h < 12 ? h + 12 : h;
    return hour <= 23 ? hour * 60 + Number(en[2] ?? 0) : undefined;
  }
  const zh = CUTOFF_ZH.exec(rule);
  if (!zh) return undefined;
  const h = Number(zh[2]);
  const hour = (zh[1] === '下午' || zh[1] === '晚上') && h < 12 ? h + 12 : h;
  const minutes = zh[3] ? Number(zh[3]) : zh[4] ? Number(zh[4]) : /点半/.test(zh[0]) ? 30 : 0;
  return hour <= 23 ? hour * 60 + minutes : undefined;
}

/** The days of the week (0 = Sunday) the rule does not send on: the weekend by default, Sunday alone when only it is named. */
function daysOff(rule: string): ReadonlySet<number> {
  // "周一至周六…当天发出；周日…顺延到周一": Saturday is a working day.
  if (MONDAY_TO_SATURDAY.test(rule)) return new Set([0]);
  const sat = SATURDAY.test(rule);
  const sun = SUNDAY.test(rule);
  if (sun && !sat && !WEEKEND.test(rule)) return new Set([0]);
  return new Set([0, 6]);
}

/**
 * The calendar day (`YYYY-MM-DD`, in the shop's calendar) an order paid at `paidAtMs` goes out, by
 * `rule`; undefined when the rule has no cut-off time and same-day sending. `rule` is read as the
 * dialogue reads a shop's text (shopReading: simplified characters, 出货 as 发货).
 */
export function dispatchDay(rule: string, paidAtMs: number, tzOffsetMinutes: number): string | undefined {
  if (!Number.isFinite(paidAtMs) || !SAME_DAY.test(rule)) return undefined;
  const cutoff = cutoffOf(rule);
  if (cutoff === undefined) return undefined;
  const off = daysOff(rule);
  const local = new Date(paidAtMs + tzOffsetMinutes * 60_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  if (off.has(new Date(day).getUTCDay()) || minutes >= cutoff) {
    do day += DAY_MS;
    while (off.has(new Date(day).getUTCDay()));
  }
  return new Date(day).toISOString().slice(0, 10);
}
