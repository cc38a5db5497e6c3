/**
 * What routing tells a buyer in the conversation (`system` messages), in the buyer's language.
 * Routing keeps no dialogue state: the language is read from the buyer's own latest texts (a Han
 * character says Chinese, a word English), and Chinese is the default when none tells.
 * Each text used to be one bilingual sentence pair, which read oddly to both (found from outside).
 */
import { detectLanguage, inScriptOfTexts } from '../robot/index.ts';

export type NoticeLang = 'zh' | 'en';

export const langOf = (text: string | undefined): NoticeLang => (text === undefined || /\p{Script=Han}/u.test(text) ? 'zh' : 'en');

const PINYIN_SHORTHAND = /^(?:rg|zrg|zhrg|kf|rgkf|tk|wl|fh|kd|sh|zfb|wx)[.!?？！\s]*$/i;

/** Words typed in chats of every language. */
const TELLS_NONE = /^(?:ok|okay|k|kk|thx|ty|hi|hello|hey|hiya|yo|thanks|thank you|yes|no|y|n|lol)[.!?？！\s]*$/i;

/**
 * The language of the buyer's latest texts that tell one (newest first): an order number, "ok",
 * "1" or 👍 tells none, and a Chinese buyer's last "ok" got the English notice (found in review).
 */
export function langOfTexts(newestFirst: readonly string[]): NoticeLang {
  // "hello??", "thanks!" are typed in every language's chats (found from outside: a Cantonese buyer's "hello??"
  // got the English notice); English only when nothing else tells.
  let courtesy: NoticeLang | undefined;
  for (const t of newestFirst) {
    if (TELLS_NONE.test(t.trim())) {
      if (/^(?:hello|hey|hiya|yo|thanks|thank you|lol)\b/i.test(t.trim())) courtesy ??= 'en';
      continue;
    }
    // "rg" (人工), "kf" (客服), "tk" (退款): Chinese typed in pinyin initials (found from outside: "rg" got the English notice).
    if (mostlyEnglish(t)) return 'en';
    if (/\p{Script=Han}/u.test(t) || PINYIN_SHORTHAND.test(t.trim())) return 'zh';
    if (/[A-Za-z]{2,}/.test(t) && !/^[A-Za-z]{0,4}\d/.test(t.trim())) return 'en';
  }
  return courtesy ?? 'zh';
}

/**
 * An English sentence with a Chinese word or two in it ("does gold 足金 fade if she wears it in the
 * shower?") is English: the notice after it came in Chinese (found from outside).
 */
// Read as the robot reads it, so notices and answers agree ("Nike Air Max 90 White 有42码吗" is Chinese: found in review).
function mostlyEnglish(t: string): boolean {
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (t.match(/[A-Za-z]{2,}/g) ?? []).length;
  return han > 0 && words >= 4 && detectLanguage(t).lang === 'en';
}

/**
 * A notice in the buyer's language, and in the script their latest texts tell (inScriptOfTexts: "好的" tells neither);
 * `taiwan`: a shop in Taiwan's, in Taiwan's words too.
 */
export function noticeFor(table: Readonly<Record<NoticeLang, string>>, newestFirst: readonly string[], taiwan = false): string {
  const lang = langOfTexts(newestFirst);
  return lang === 'zh' ? inScriptOfTexts(table.zh, newestFirst, taiwan) : table[lang];
}

/**
 * Said to a buyer whose agent left or did not answer in time: back in the queue in their earlier place. Not "first in line": an
 * agent going offline returns all their conversations at once, and each was told it was first (a Toronto shop, forty-fourth session).
 */
export const RETURNED_NOTICE: Readonly<Record<NoticeLang, string>> = {
  zh: '抱歉让您久等了，刚才接待您的客服暂时离开了，您仍排在原来的位置，下一位客服会尽快回复您。',
  en: 'Sorry for the wait: the agent who took your conversation had to step away, so you are back in the queue in your earlier place, and the next agent will answer you as soon as possible.',
};

/**
 * Told once to a buyer handed over while none of the shop's agents is online: the robot's "connecting
 * you to a person" would otherwise be the last word for hours (found: a hand-over at night).
 */
export const NOBODY_ONLINE_NOTICE: Readonly<Record<NoticeLang, string>> = {
  zh: '现在没有客服在线。您的消息都已留下，客服上线后会按排队顺序回复您。',
  en: 'No agent is online right now: your messages are kept, and an agent will answer in turn when one is back.',
};

/** A text followed by the shop's own word on its people's hours (its FAQ entry), when it has one. */
export function hoursAfter(lang: NoticeLang, text: string, hours: string | undefined): string {
  if (!hours) return text;
  // An entry that names its hours itself ("客服時間：週一至週五…") is not labelled twice (a Taipei shop, thirty-fifth session).
  if (lang === 'zh') return HOURS_LABEL_ZH.test(hours) ? `${text}${hours}` : `${text}客服时间：${hours}`;
  return HOURS_LABEL_EN.test(hours) ? `${text} ${hours}` : `${text} Our hours: ${hours}`;
}
// "人工客服时间：周一至周六…" too (a Xiamen shop, forty-fifth session: "客服时间：人工客服时间：…").
const HOURS_LABEL_ZH = /^\s*(?:人工|在线)?(?:客服|人工|服务|服務|营业|營業|上班)(?:时间|時間)/;
// An English entry that opens with who is online says what the hours are of ("Our customer service team is online Monday to
// Saturday…": a Berlin and a Singapore shop, fortieth session, read "Our hours: Our customer service team…"; "Our customer care team
// (real humans!) is online…": an LA shop, forty-fifth session). In Chinese
// "客服时间：人工客服每天…在线" reads as it should.
const HOURS_LABEL_EN = /^\s*(?:(?:our )?(?:customer service |support |opening |business )?hours\b|(?:our )?(?:customer (?:service|support|care)|support|service|care|human)(?: team| agents?| staff| reps?)?(?: \([^)]{1,30}\))? (?:is |are )?(?:online|available|open|here)\b|(?:human )?agents (?:are )?(?:online|available)\b)/i;

/** A notice table with the shop's hours after it, in each language it has them for. */
export function withHours(table: Readonly<Record<NoticeLang, string>>, hours: Partial<Record<NoticeLang, string>>): Readonly<Record<NoticeLang, string>> {
  return { zh: hoursAfter('zh', table.zh, hours.zh), en: hoursAfter('en', table.en, hours.en) };
}

/** Shown to the buyer when staff close a conversation no person served: nothing to rate, but not a silent end. */
export const CLOSED_UNSERVED_NOTICE: Readonly<Record<NoticeLang, string>> = {
  zh: '客服已结束本次会话。如还需要帮助，直接发消息即可开始新的会话。',
  en: 'The shop has closed this conversation. If you still need help, just send a message to start a new one.',
};

/** Shown to the buyer when a person closes the conversation; the widget offers 1–5 under it. */
export const RATING_PROMPT: Readonly<Record<NoticeLang, string>> = {
  zh: '本次服务已结束，请为本次服务打分（1–5 分）。',
  en: 'This conversation has ended: please rate it from 1 to 5.',
};
