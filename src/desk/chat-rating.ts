/**
 * A rating typed in the chat. Closing a person's conversation asks "请为本次服务打分（1–5 分）";
 * kefu's widget offers buttons, but a buyer on a client that only sends text (a mini-program's
 * plain chat, `npm run chat`) answers "5分" or "5 stars, very helpful", and that message, sent to
 * the shop, opens a new conversation where the robot did not understand it (found from outside:
 * rating worked over REST only).
 *
 * A buyer's first message of a new conversation that is a score and nothing more (a short comment
 * after it allowed) rates their latest closed conversation with the shop when that one asked for
 * a rating within `RATING_BY_CHAT_HOURS` and a person served it; the buyer is thanked with a
 * `system` message and the robot says nothing. Anything else ("5分钟了还没人理", "3号那单") is the
 * robot's, as before. The same store as `POST /conversations/{id}/rating`: one rating per
 * conversation, counted in the same metric.
 */
import type { Logger } from 'pino';
import type { ConversationService } from '../conversation/index.ts';
import { SYSTEM_SENDER } from '../conversation/index.ts';
import type { Db } from '../storage/ports.ts';
import { insertRating, type Rating } from './repository.ts';
import { lastServedClosed } from './last-closed.ts';
import { LIMITS } from './validation.ts';
import { langOfTexts, lastBuyerTexts } from '../routing/index.ts';
import { chineseScript, inScriptOfTexts, type Taken } from '../robot/index.ts';

/**
 * A question the comment still asks, an A-not-A one too ("1分 根本没人理我 钱到底退没退": a Shanghai shop, forty-third session, the
 * rating stored and the refund asked dropped): the robot answers it after the thanks.
 */
// 什么时候 and 多久 too ("⭐⭐⭐⭐⭐ 物流什么时候到": found in review, the question dropped).
const ASKED_IN_COMMENT = /(\p{Script=Han})[没不]\1|到底|什么时候|多久|几时|[?？]|吗|(?<![a-z])(?:where|when|how|why|what)(?![a-z])/iu;

/** How long after the rating request a score typed in the chat still rates that conversation. */
export const RATING_BY_CHAT_HOURS = 24;

type Lang = 'zh' | 'en';
const THANKS: Readonly<Record<Lang, (score: number) => string>> = {
  zh: (score) => `感谢您的评价（${score} 分）！还有其他问题的话，直接在这里留言即可。`,
  en: (score) => `Thank you for your rating (${score} out of 5)! If there is anything else, just write here.`,
};
const ALREADY: Readonly<Record<Lang, string>> = {
  zh: '上一次服务您已经评价过了，感谢！还有其他问题的话，直接在这里留言即可。',
  en: 'You have already rated your last conversation, thank you! If there is anything else, just write here.',
};

const ZH_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };
const EN_DIGIT: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
// "5", "5分", "五星", "打5分", "给你五星好评", "5/5", "5 stars", "five out of five". A unit that goes on into
// another word is no score: 5分钟, 5分多钟, 两分半, 一分钱, 四分之一, 五分裤, 三分糖, 七分袖, 三星期 (found in review).
// "给你打五分那个那个五星好评" (a Harbin shop, thirty-eighth session): who it is given to, then 打.
// Taiwan's 顆 and 給, Cantonese 俾你哋, a star emoji ("5顆星", "給五顆星 不過你們的機器人有夠笨", "俾你哋5星！", "5⭐️ 超讚": a Taipei and a
// Chengdu shop, forty-fourth session, not stored or stored with "俾你哋" as the comment).
const ZH_SCORE = /^(?:给你们|给你|给您|给|給你們|給你|給您|給|俾你哋|俾你|俾)?\s*(?:打|评|評)?\s*([1-5一二两三四五])\s*(?:(分|颗星|顆星|粒星|星|⭐\uFE0F?)(?![钟鐘期钱錢之裤褲袖糖半多])(?:好评|好評|评价|評價)?)?/u;
// Spanish beside English: "5 estrellas!! super helpful" (a New York shop, thirty-eighth session: thanked, nothing stored).
// "give u 5 star girl" (a Singapore shop, forty-fourth session): no "i", "u" for you.
const EN_SCORE = /^(?:(?:i\s+)?(?:give|rate)(?:\s+(?:you|u|ya|it))?\s+)?([1-5]|one|two|three|four|five)\s*(?:(\/\s*5|out of (?:5|five)|stars?|estrellas?|⭐\uFE0F?)(?![a-z]))?/iu;
const FULL_MARKS = /^(?:满分|滿分|五星好评|五星好評|好评满分|full marks)/iu;
/**
 * Stars typed as the score ("⭐⭐⭐⭐⭐ 谢谢小美姐姐": a Guangzhou shop, forty-fifth session, thanked by the robot, nothing stored). Two at
 * least: one star beside thanks or praise ("⭐ 好评", "⭐谢谢") is a decoration, not 1 out of 5 (found in review).
 */
const STAR_RUN = /^⭐\uFE0F?(?:\s*⭐\uFE0F?){1,4}(?!\s*⭐)/u;
/**
 * Particles after a score, Chinese and Singlish ("4星吧", "4 stars lor, still waiting…", "5 thanks ah": a Singapore
 * shop, thirty-sixth session: "lor" was kept as the comment, "5 thanks ah" was no rating).
 */
const PARTICLES = String.raw`[吧啊呀哈了嘛哦啦喔囉]*(?:\s*(?:lor|lah|la|leh|ah|liao)(?![a-z]))*`;
/** Nothing more than punctuation, thanks or a smile ("5，谢谢", "5 thanks", "5 👍"). */
// A British kiss closes it too ("4 x", "5 xx": a UK shop, forty-fifth session, answered in Chinese, nothing stored).
const BARE = new RegExp(
  String.raw`^${PARTICLES}(?:\s*for (?:u|you|ya)(?![a-z]))?[\s,.!~，。！、:：;；]*(?:谢谢|多谢|谢了|谢啦|(?:thanks|thank you|thank u|thanku|thx|ty|tq)(?![a-z]))?${PARTICLES}[\s,.!~，。！]*\p{Extended_Pictographic}*(?:\s*x{1,4}(?![a-z0-9]))?[\s!！。.~]*$`,
  'iu',
);
/** A comment after a score: set apart from it, and saying something, not asking ("三星手机有货吗", "4/5 items arrived" are no ratings). */
// A particle may come first ("4星吧 等太久了": found from outside, twenty-fourth session).
const COMMENT_START = new RegExp(String.raw`^${PARTICLES}[\s,.!~，。！、:：;；]+\S`, 'iu');
const NOT_A_COMMENT = /[?？]|吗|(?<!什)么|呢|多少|有没有|能不能|^[\s,.!~，。！、:：;；]*(?:how|what|when|where|why|(?:is|does|did) it|(?:are|do|can|could|will) you|can i|items?|pieces?|pcs|of|parcels?|packages?|orders?|boxes|days?|hours?|minutes?|mins?|weeks?)(?![a-z])/iu;
const TRIM = new RegExp(String.raw`^${PARTICLES}[\s,.!~，。！、:：;；\-–—]+|[\s,.!~，。！]+$`, 'giu');
/**
 * A comment after a bare score, set apart by a dash or a comma: "3 - slow at first but Ah Ka was
 * helpful", "5, thank you ever so much" (found from outside: both were lost, the buyer thought they had rated).
 */
// Words or an emoji after it, not a number: "3-5 days", "2, 3" are no ratings.
const SET_APART = /^\s*[-–—,，]\s*(?:\p{L}|\p{Extended_Pictographic})/u;
// A full stop and a space, then words of the service ("2. had to wait ages for the bot to get it": a Sydney shop, forty-second
// session, a new conversation handed to a person); not "2.5", nor a request ("1. i need a refund", "1. cancel my order" start a
// list: found in review).
const STOP_APART = /^\s*[.。]\s+\S/u;
const A_REQUEST = /(?<![a-z])(?:refund|cancel|return|order|need|want)(?![a-z])|退|取消|订单/iu;
const OF_THE_SERVICE = /等|慢|快|服务|态度|客服|机器人|耐心|谢谢|满意|不错|太差|(?<![a-z])(?:wait\w*|ages|slow|fast|quick|helpful|help|great|good|bad|poor|terrible|awful|bot|robot|service|agent|staff|thanks|thank you|patient|rude|friendly|sorted)(?![a-z])/iu;
/**
 * Words after a bare score and a space, saying how the service was ("5 she passed it, doctors said lucky. thank u", "2 the bot was
 * useless but Rosa was great": a Houston shop, forty-third session, thanked as chat or handed to a person, no rating stored). Words
 * of the service itself: "2 slow cookers arrived broken" says nothing of it.
 */
// The score's pattern takes the space: what is left starts with the word.
const SPACE_APART = /^\s*\p{L}/u;
// Said of the service: thanks (not a "thank you card"), a verdict ("was so helpful", "the bot was useless"), "great service"; words
// of the goods ("support straps", "robot vacuums", "service charge") are none (found in review: complaints stored as ratings).
const OF_THE_SERVING =
  /客服|服务|态度|谢谢|机器人|(?<![a-z])(?:(?:thanks|thank (?:you|u)|thx|ty)(?! (?:card|cards|note|notes|letter|gift|gifts|tag|tags)(?![a-z]))|(?:was|were|is|are) (?:so |very |really |super |extremely |a bit |quite )?(?:great|amazing|awesome|excellent|helpful|useless|terrible|awful|lovely|kind|nice|rude|patient|quick|fast|slow|brilliant|fab|fantastic|unhelpful)|(?:great|good|excellent|amazing|fast|quick|lovely|bad|poor|terrible|slow) (?:service|support|help)|appreciated?)(?![a-z])/iu;
/** Things counted by the number ("2 kids loved it thanks", "3 boxes came"): a plural noun right after it. */
// Nor the unit the English reading takes ("3 out of 5, …", "4 stars …": the Chinese reading comes first and leaves it).
// A name ending in s before a singular verb is no count ("5 james was so helpful": found in review).
const COUNTED = /^\s*(?:(?!(?:she|his|hers|its|this|was|is|has|as|thanks|thx|yes|us|always|guys)(?![a-z]))[a-z]+s(?![a-z])(?!\s+(?:was|is|has)(?![a-z]))|out of|stars?(?![a-z])|estrellas?)/iu;
/**
 * A score typed later in the new conversation counts only with a unit ("3/5", "5 stars", "4分"):
 * a buyer whose first try was not read types it again (found from outside: "3/5" after "3 - …"
 * was refused), while a bare "2" then answers the robot. Seqs count the robot's replies too.
 */
const LATER_SCORE_MAX_SEQ = 6;

/** `forName`: given "for" someone by name, a score only if that is the name of the person who served (checked against the conversation). */
type Score = { score: number; comment?: string; forName?: string };

/** A score of 1–5 the buyer typed, with the comment after it; undefined when the text is not a rating. */
export function typedScore(text: string): Score | undefined {
  const r = readScore(text);
  return r && { score: r.score, ...(r.comment === undefined ? {} : { comment: r.comment }), ...(r.forName ? { forName: r.forName } : {}) };
}

const PRAISE = /好评|好評|五星|满意|滿意|不错|不錯|差评|差評/;

/** The score, its comment, and whether it was given with a unit (分, 星, stars, /5, full marks). */
function readScore(text: string): (Score & { unit: boolean }) | undefined {
  const t = text.normalize('NFKC').trim();
  if (t.length === 0 || t.length > LIMITS.commentMax) return undefined;
  const full = FULL_MARKS.exec(t);
  if (full) return withUnit(scored(5, t.slice(full[0].length), true), true);
  const stars = STAR_RUN.exec(t);
  if (stars) return withUnit(scored([...stars[0].matchAll(/⭐/gu)].length, t.slice(stars[0].length), true), true);
  const lead = LEAD.exec(t)?.[0].length ?? 0;
  for (const re of [ZH_SCORE, EN_SCORE]) {
    // After thanks or an ok only with its unit: "ok 2" may pick from a list.
    for (const from of lead ? [0, lead] : [0]) {
      const m = re.exec(t.slice(from));
      // After thanks or an ok, or given to someone ("给你们1次机会 客服再不回我就投诉", "give u 1 more chance": found in review), only with a unit.
      if (!m || (from && m[2] === undefined) || (GIVEN_TO.test(m[0]) && m[2] === undefined && !BARE.test(t.slice(from + m[0].length)))) continue;
      const score = Number(m[1]) || ZH_DIGIT[m[1]!] || EN_DIGIT[m[1]!.toLowerCase()]!;
      const r = scored(score, t.slice(from + m[0].length), m[2] !== undefined, m[2] === '分');
      if (r) return withUnit(r, m[2] !== undefined);
    }
  }
  return scoreInside(t);
}

/**
 * A score with its unit after words of the buyer's own, or a bare one closing a sentence: "好滴 爱你们 4分吧 机器人有点笨😂",
 * "好吧 那我明天再看看 3分", "sound, photos coming. 4/5", "ok washed them, it's calming down now. 5 stars for that, thank you",
 * "omg thank you, I nearly paid them. 5" (four outside shops, thirty-ninth session: no rating stored, one buyer sent back to the
 * queue by the robot). One score only, and nothing asked; the rest is the comment. A unit that goes on into a word is none
 * (5星酒店, 五星红旗, 3分钟).
 */
// Not a score given before ("上次我给了1分 这次好多了").
const ZH_INSIDE = /(?<![\d.]|[了过過的]\s*)([1-5一二两三四五])\s*(分|颗星|顆星|粒星|星|⭐\uFE0F?)[吧啊呀哈了嘛哦啦]*(?=[\s,.!~，。！、]|好评|好評|\p{Extended_Pictographic}|$)/gu;
// Not 评 or 打 alone: the end of 好评, 差评 ("差评 1星…" was stored as "差 …": found in review).
const GIVING = /(?:给你们|给你|给您|给个|给|給你們|給你|給您|給|俾你哋|俾你|俾|打个|(?<![a-z])(?:i give (?:you |u |it )?|give (?:you |u |it )?|rate (?:you |u |it )?))\s*$/iu;
/** 三星 is Samsung unless given as a score ("给你三星", "三星好评"): "我手机是三星，壳子尺寸不对" (found in review). */
const GIVEN_BEFORE = /(?:打|给|給|俾|評|评|给个|打个)\s*$/u;
const EN_INSIDE = /(?<![\w/.]|gave (?:it |you |them )?|received |got |only )([1-5]|one|two|three|four|five)\s*(?:\/\s*5|stars?|out of (?:5|five))(?![a-z0-9])(?!,? (?:the other|others|items?|pieces?|arrived|missing))(?:\s*for (?:that|you|u|ya)(?![a-z]))?(?=\s*(?:[,.!~]|thanks|thank you|ty(?![a-z])|\p{Extended_Pictographic}|$))/giu;
/** A bare score closing a sentence of thanks or praise: "omg thank you, I nearly paid them. 5". */
// After a comma too ("thanks, 5"), with a kiss ("grand job, 4 x": a Dublin shop, forty-fifth session, answered "didn't quite get that").
// A bare score answering an agent's "how many?" is read against the conversation (agentAskedNumber), not here.
const CLOSING_BARE = /[.!。！,，]\s*([1-5])\s*(?:x{1,4})?\s*[!.！。]*$/u;
/** Not after an abbreviation, a date or a size ("I need it by Dec. 5", "size no. 5"), nor with other numbers in the text. */
function closingScore(t: string): RegExpExecArray | null {
  const m = CLOSING_BARE.exec(t);
  if (!m || /\d/.test(t.slice(0, m.index)) || /(?<![a-z])(?:no|size|dec|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|st|mr|mrs|dr|vol|by|need|order|item)$/i.test(t.slice(0, m.index).trim())) return null;
  return m;
}
/**
 * A bare score given to the agent by name, closing a sentence: "hes ok … doc says all good. 5 for shane" (an Australian shop, forty-fifth
 * session). A name, not what is counted or when ("perfect. 3 for xmas", "great. 4 for shipping", "2 for kids": found in review), and
 * said of the service or how things went.
 */
const CLOSING_FOR = /[.!。！]\s*([1-5])\s+for\s+(\p{L}[\p{L}'-]*)\s*[!.！。]*$/iu;
const THANKED = /谢|棒|好评|满意|(?<![a-z])(?:thank|thanks|thx|cheers|ta|great|lovely|helpful|brilliant|awesome|amazing|legend|grand|sound|class|perfect|appreciate\w*)(?![a-z])/iu;
const ASKED_ANYWHERE = /[?？]|吗|多少|有没有|能不能|可不可以|(?<![a-z])(?:(?:can|could|will|would) you|how|what|when|where|why)(?![a-z])/iu;
function scoreInside(t: string): (Score & { unit: boolean }) | undefined {
  if (ASKED_ANYWHERE.test(t)) return undefined;
  const found = [...[...t.matchAll(ZH_INSIDE)].filter((m) => !(m[2] === '星' && /\D/.test(m[1]!) && !GIVEN_BEFORE.test(t.slice(0, m.index)) && !/^[^\s,，。]{0,2}好[评評]/u.test(t.slice(m.index! + m[0].length)))), ...t.matchAll(EN_INSIDE)];
  const thanked = found.length === 0 && THANKED.test(t) ? closingScore(t) : null;
  const named = found.length === 0 && !thanked ? closingFor(t) : null;
  const m = found.length === 1 ? found[0]! : (thanked ?? named);
  if (!m) return undefined;
  const score = Number(m[1]) || ZH_DIGIT[m[1]!] || EN_DIGIT[m[1]!.toLowerCase()]!;
  // Not the words that gave it ("…虚惊一场 给你们5分 小李服务好" was stored as "…给你们 小李服务好": a Chengdu shop, forty-fourth session).
  const comment = (t.slice(0, m.index).replace(GIVING, '') + ' ' + t.slice(m.index! + m[0].length)).replace(/\s+/g, ' ').replace(/\s+(?=[,，.。!！])/g, '').replace(/([.。!！])[,，]/g, '$1').replace(TRIM, '').replace(/^[吧啊呀哈了嘛哦啦\s,，]+/u, '').trim();
  return { score, ...(comment ? { comment } : {}), unit: found.length === 1, ...(named ? { forName: named[2]!.toLowerCase() } : {}) };
}
function closingFor(t: string): RegExpExecArray | null {
  const m = CLOSING_FOR.exec(t);
  return m && !/\d/.test(t.slice(0, m.index)) ? m : null;
}
/** Thanks or an ok before the score ("oh solid, thanks! 5 stars for u": a Singapore shop, thirty-sixth session, no rating stored). */
// A no first, before stars given to someone ("no. 4 stars for kirsty": a UK shop, forty-fifth session), not "no, 1 star reviews are
// fake" (found in review).
const LEAD = /^(?:(?:oh|ok|okay|ya|yes|yeah|sure|(?:no|nah)(?=[\s,.!]+[1-5]\s*(?:stars?|⭐)\s*for\s+[a-z])|thanks|thank you|thx|ty|cheers|great|solid|nice|awesome|好的|好|嗯|谢谢|多谢)[\s,.!！，。~]*){1,3}(?=\S)/iu;

const GIVEN_TO = /^(?:给|給|俾|i\s|give|rate)/iu;
const withUnit = (r: Score | undefined, unit: boolean) => r && { ...r, unit };

/** The score with what follows it: nothing, or a comment of its own (after a unit, or set apart by a dash or comma). */
function scored(score: number, rest: string, unit: boolean, points = false): Score | undefined {
  if (BARE.test(rest)) return { score };
  // After 分 a 呢 tells, it does not ask ("3分 东西还没到手呢 先给3分": a Shenzhen shop, thirty-eighth session); after 星 it may
  // be a Samsung's ("三星手机呢").
  const asks = points ? NOT_A_COMMENT.test(rest.replace(/呢/g, ' ')) : NOT_A_COMMENT.test(rest);
  // Praise run on after 分 ("给你打五分那个那个五星好评": a Harbin shop) is its comment, though nothing sets it apart.
  const praised = points && PRAISE.test(rest);
  const stopped = !unit && STOP_APART.test(rest) && OF_THE_SERVICE.test(rest) && !A_REQUEST.test(rest);
  const spaced = !unit && SPACE_APART.test(rest) && OF_THE_SERVING.test(rest) && !A_REQUEST.test(rest) && !COUNTED.test(rest);
  if (!(unit ? COMMENT_START : SET_APART).test(rest) && !praised && !stopped && !spaced) return undefined;
  if (asks) return undefined;
  return { score, comment: rest.replace(TRIM, '') };
}

/** The score's own language, else the closed conversation's (routing asked for the rating in it). */
async function langOf(db: Db, text: string, rated: string): Promise<Lang> {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/[a-z]{2,}/i.test(text)) return 'en';
  return langOfTexts(await lastBuyerTexts(db, rated));
}

/**
 * Thanks in the script the buyer writes: the score's own characters, else those of the rated conversation ("5", "5分 感恩" in a
 * Taipei shop were thanked in simplified characters: thirty-ninth session).
 */
async function inBuyersScript(db: Db, said: string, text: string, rated: string): Promise<string> {
  return inScriptOfTexts(said, [text, ...(chineseScript(text) ? [] : await lastBuyerTexts(db, rated))]);
}

export interface ChatRatingDeps {
  readonly db: Db;
  readonly conversations: ConversationService;
  readonly log: Logger;
  /** Called after a rating has committed (metrics), as for the REST route. */
  readonly onRated?: (rating: Rating) => void;
}

/** A buyer's message the robot would answer: is it a rating typed for their last conversation? */
export interface TypedMessage {
  readonly shopId: string;
  readonly buyerId: string;
  readonly conversationId: string;
  readonly seq: number;
  readonly text: string;
}

/**
 * Returns true when the message was taken as a rating (stored and thanked, or thanked for the one
 * already given); `{ rest }` when its comment still asks something, which the robot answers; false leaves it to the
 * robot. A failure reading or writing is false: the robot answers rather than the buyer hearing nothing.
 */
export function chatRating(d: ChatRatingDeps): (m: TypedMessage) => Promise<Taken> {
  return async (m) => {
    const read = m.seq <= LATER_SCORE_MAX_SEQ ? readScore(m.text) : undefined;
    const typed = read && (m.seq === 1 || read.unit) ? read : undefined;
    if (!typed) return false;
    try {
      const last = await lastRatable(d.db, m);
      if (!last || (typed.forName && !(await forWhoServed(d.db, last, typed.forName))) || (!typed.unit && (await agentAskedNumber(d.db, last)))) return false;
      const r = await insertRating(d.db, { conversationId: last, buyerId: m.buyerId, score: typed.score, comment: typed.comment });
      if (!r.ok && r.reason !== 'already_rated') return false;
      if (r.ok) d.onRated?.(r.rating);
      const lang = await langOf(d.db, m.text, last);
      const said = r.ok ? THANKS[lang](typed.score) : ALREADY[lang];
      await d.conversations.postAs(m.conversationId, SYSTEM_SENDER, { kind: 'text', text: lang === 'zh' ? await inBuyersScript(d.db, said, m.text, last) : said }, { state: 'bot' });
      return typed.comment && ASKED_IN_COMMENT.test(typed.comment) ? { rest: typed.comment } : true;
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: m.conversationId }, 'a rating typed in the chat could not be read; the robot answers it');
      return false;
    }
  };
}

/**
 * "… 5 for shane": Shane served it. A name, not what is counted or when ("perfect. 3 for xmas", "thanks. 2 for auckland": found in
 * review): a name of a person who wrote in the conversation, accents and hyphens aside ("5 for sean" of Seán, "5 for mary-kate").
 * With no agent's name on record (the token's `name` is optional) it is no better than "3 for xmas": not taken (found in review).
 */
async function forWhoServed(db: Db, conversationId: string, name: string): Promise<boolean> {
  const rows = await db.selectFrom('messages').select('sender_name').distinct().where('conversation_id', '=', conversationId).where('sender_role', '=', 'agent').where('sender_name', 'is not', null).execute();
  const asked = foldName(name);
  return rows.some((r) => foldName(r.sender_name ?? '').split(/[\s.·_()]+/).flatMap((w) => [w, ...w.split('-')]).includes(asked));
}
/** An agent's last words asking a number ("您要几个？", "How many would you like?"): a bare score after them answers it (found in review). */
const NUMBER_ASKED = /多少|几(?:个|件|份|盒|瓶|支|双|条|箱|斤|包|罐|套|岁|号|码|台|本|只|袋|米|寸|克|点|位|张)|数量|多大|星期几|周几|(?<![a-z])(?:how many|how much|quantity|(?:what|which) size)(?![a-z])/iu;
/** A rating asked is no number asked ("How many stars would you give us today?", "您觉得可以打多少分？"); 公分, 分期, 星期 are none (found in review). */
const RATING_ASKED = /打(?:个|几|多少)?(?:颗)?(?:分|星)|(?:几|多少)颗?(?:分|星)(?!期|钟|开)|评(?:个)?分|评价|评几|满分|(?:1|一)[到至~-](?:5|五|10|十)分|(?<![a-z])(?:(?:how many|give us|rate us) (?:\d )?stars?(?! (?:stickers?|wars|wands?|on the|charts?|figures?))|rate (?:us|our|this|me|my|the (?:service|chat))|how much would you rate|score)(?![a-z])/iu;
async function agentAskedNumber(db: Db, conversationId: string): Promise<boolean> {
  const last = await db.selectFrom('messages').select('content').where('conversation_id', '=', conversationId).where('sender_role', '=', 'agent').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const content = (typeof last?.content === 'string' ? JSON.parse(last.content) : last?.content) as { kind?: string; text?: string } | undefined;
  const text = content?.kind === 'text' && typeof content.text === 'string' ? content.text.trim() : '';
  return /[?？吗][^\p{L}\p{N}]*$/u.test(text) && NUMBER_ASKED.test(text) && !RATING_ASKED.test(text);
}
const foldName = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The buyer's latest closed conversation with the shop, when a person served it and it closed within the window. */
const lastRatable = (db: Db, m: TypedMessage): Promise<string | undefined> => lastServedClosed(db, m, RATING_BY_CHAT_HOURS * 60);
