/**
 * A buyer answering the question an agent asked just before closing ("您看换哪个？", closed; then "换菊花茶吧 谢谢你": a Hangzhou
 * tea shop, forty-fifth session, answered "不客气，祝您购物愉快" by the robot and the swap lost). The answer opens a new conversation,
 * which is the robot's: when its first message follows within `FOLLOW_UP_MINUTES` the close of a conversation a person held whose
 * last words were the agent's question, and it says more than thanks, it goes back to a person with a notice instead.
 *
 * The close is read when it happens (rare), and noted in the cache for the buyer; a first message (every conversation's) costs one
 * cache read, no query.
 */
import type { Logger } from 'pino';
import type { ConversationEventBus } from '../conversation/index.ts';
import type { Cache, Db } from '../storage/ports.ts';
import { detectLanguage, inHant, inScriptOfTexts, safetyOf, scriptByCharacters, type Taken, type TakenMessage } from '../robot/index.ts';
import { keys } from '../storage/keys.ts';

/** How long after the close an answer is still the answer to the agent's question. */
export const FOLLOW_UP_MINUTES = 30;

/** The agent's last words asked something: a question mark, 吗/么, or 呢/嘛 after a question word in the last clause ("换哪个呢"). */
const ASKED = /[?？]\s*\S{0,2}\s*$|[吗么]\s*[~。.!！]*\s*$|(?:什么|哪|几|多少|怎么|要不要|是不是|有没有|能不能|可不可以|还是)[^，,。]{0,12}[呢嘛]\s*[~。.!！]*\s*$|哪(?:个|一个|种|款|天)(?![^，,。]{0,3}都)[^，,。]{0,6}[？?]?\s*$/u;
/**
 * A statement softened by 呢 ("还是建议您先试用一下呢~", "有什么问题随时联系我们呢", "预计几天内就到账了呢", "已经帮您退款了呢~": found in review):
 * its last clause asks nothing, or advises. "帮您查了 您想换哪款呢", "您要哪个颜色 白的呢" ask.
 */
function softStatement(text: string): boolean {
  if (!/[呢嘛]\s*[~。.!！]*\s*$/u.test(text)) return false;
  const clause = text.split(/[，,。!！~]+/u).filter((x) => x.trim()).pop() ?? '';
  // A space ends the clause too ("有没有货 我帮您问一下仓库呢" restates, then answers), unless what follows it is an option offered ("白的呢").
  const part = clause.trim().split(/\s+/u).pop() ?? '';
  const last = /^[^\s]{1,4}的?[呢嘛]$/u.test(part) ? clause : part;
  return /建议|随时|都可以|预计/u.test(last) || !/什么|哪|几|多少|怎么|要不要|是不是|有没有|能不能|可不可以|还是/u.test(last);
}
/**
 * A closing formula asks nothing the buyer's next message answers ("请问还有什么可以帮您的吗？", "Is there anything else I can help
 * you with today?", a review asked for): with it, nearly every conversation after a close went to a person (found in review). Whole
 * phrases: "您还需要发票吗？", "Which shipping rate…?" ask (found in review).
 */
const CLOSING_FORMULA = /还有(?:什么|其他|其它|别的)(?:的)?(?:[吗么]|问题|事|需要|疑问|可以|能)|(?:其他|其它|别的)(?:问题|需要)[吗么]|还需要(?:什么|其他|别的)|满意[吗么]|好评|五星|(?:给|帮|麻烦|能否|可以)[^，,。？?]{0,6}(?:个)?(?:评价|評價)|(?:评价|評價)一下|(?<!修改|改|删除|删)(?:评价|評價)(?:吗|好吗|可以吗)?[?？]?$|(?:对|给)[^，,。？?]{0,10}(?:服务|服務|小二|客服)[^，,。？?]{0,6}(?:评价|評價)|打分|(?<![a-z])(?:anything else|anything more (?:i|we) can|any (?:other|more) questions|something else (?:i|we) can|rate (?:us|our|me|my (?:service|help|support)|this (?:chat|conversation)|the (?:service|chat|conversation)|your experience)|rating (?:us|our|this)|how would you rate|mind rating|leave (?:us )?a review|satisfied with (?:our|the|my) service|is everything (?:ok|okay|alright|fine)|does (?:that|this) answer|hope (?:this|that) helps?)(?![a-z])/iu;
/** Asked yes or no ("需要帮您取消订单吗？", "shall I cancel it?"): an ok answers it (found in review: "好" thanked). */
const YES_NO = /[^，,。？?]{0,20}[吗么][?？]?\s*$|要不要[^，,。？?]{0,16}[?？]?\s*$|(?<![a-z])(?:shall|should|would you like|do you want|can|could) (?:i|we|you)\b[^.?!]*\?\s*$/iu;
const BARE_YES = /^(?:好的?|好滴|好嘞|行|可以|嗯+|ok(?:ay)?|yes|yeah|yep|sure)[\s!！.。~]*$/iu;
/** Words of thanks, an ok or a goodbye, in English (each word of a message one of these: "thanks so much!", "perfect, thank you"). */
const EN_COURTESY = new Set(['ok', 'okay', 'k', 'kk', 'okie', 'alright', 'thanks', 'thank', 'thankyou', 'you', 'u', 'so', 'much', 'a', 'lot', 'very', 'many', 'thx', 'ty', 'tq', 'cheers', 'ta', 'perfect', 'great', 'lovely', 'awesome', 'brilliant', 'grand', 'sound', 'cool', 'nice', 'appreciate', 'appreciated', 'it', 'got', 'noted', 'bye', 'byebye', 'again', 'mate', 'love', 'np', 'all', 'good', 'sounds', 'hun', 'dear']);
/** A word of them that thanks, oks or leaves: one of these must be there ("it", "you" alone, 很 or 了 alone, are none). */
const EN_HEAD = /^(?:ok|okay|k|kk|okie|alright|thanks|thank|thankyou|thx|ty|tq|cheers|ta|perfect|great|lovely|awesome|brilliant|grand|sound|cool|nice|appreciate|appreciated|noted|bye|byebye|np|good|got)$/;
/** The same in Chinese: what is left once these are taken out must be nothing ("谢谢啦", "好的谢谢亲", "服务很好 谢谢", "好嘞"). */
const ZH_COURTESY = /好的|好滴|好嘞|好吧|好|嗯|哦|噢|谢谢|谢了|多谢|感谢|辛苦|收到|明白|知道|没问题|非常|很|满意|服务|拜拜|再见|你们|你|您|亲|了|啦|呢|哈|呀|啊/gu;
const ZH_HEAD = /好|嗯|谢|收到|明白|知道|没问题|满意|拜拜|再见|辛苦/u;
/** Emoji of thanks or an ok: alone they thank; an angry face or a question mark alone does not (found in review). */
const THANKS_EMOJI = /👍|🙏|❤|♥|😊|🙂|👌|😄|😁|🥰|😘|💕|🌹|✅|💯|🤝/u;
/** Thanks, an ok or a goodbye only: the robot's to answer, as before. A "no" anywhere is an answer ("no thanks" to "shall I…?"): no word of them. */
function thanksOnly(text: string): boolean {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return THANKS_EMOJI.test(text);
  const courtesy = words.every((w) => (/^[a-z]+$/.test(w) ? EN_COURTESY.has(w) : /^\p{Script=Han}+$/u.test(w) && w.replace(ZH_COURTESY, '') === ''));
  return courtesy && words.some((w) => EN_HEAD.test(w) || ZH_HEAD.test(w));
}
/** The agent's closing question as noted: its language, its script, whether it asked yes or no. */
interface Noted {
  readonly lang: 'zh' | 'en';
  readonly hant: boolean;
  readonly yesNo: boolean;
}
const noteOf = (asked: string): string =>
  JSON.stringify({ lang: /\p{Script=Han}/u.test(asked) ? 'zh' : 'en', hant: scriptByCharacters(asked) === 'hant', yesNo: YES_NO.test(asked.trim()) } satisfies Noted);
const readNote = (raw: string): Noted | undefined => {
  try {
    const n = JSON.parse(raw) as Partial<Noted>;
    return n.lang === 'zh' || n.lang === 'en' ? { lang: n.lang, hant: n.hant === true, yesNo: n.yesNo === true } : undefined;
  } catch {
    return undefined;
  }
};

type Lang = 'zh' | 'en';
const NOTICE: Readonly<Record<Lang, string>> = {
  zh: '您是在回复客服刚才的问题吧？已为您转给人工客服继续处理，请稍候。',
  en: "It looks like you're answering our agent's last question: I've passed you back to a person, please hold on.",
};

export interface FollowUpDeps {
  readonly db: Db;
  readonly cache: Cache;
  readonly log: Logger;
}

/**
 * At a close of a conversation a person held, notes for the buyer when the agent's last words asked something, and clears a
 * note of an earlier close when they did not (found in review: an earlier agent's question sent a conversation after a later
 * close that asked nothing to a person). Returns the unsubscription.
 */
export function noteClosingQuestions(d: FollowUpDeps, events: ConversationEventBus): () => void {
  return events.on('conversationClosed', 'desk-follow-up', async (e) => {
    if (!e.agentId) return;
    const key = keys.closingQuestion(e.shopId, e.buyerId);
    try {
      const asked = await agentAskedLast(d.db, e.conversationId);
      if (asked === undefined) await d.cache.set(key, '', 1);
      else await d.cache.set(key, noteOf(asked), FOLLOW_UP_MINUTES * 60_000);
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: e.conversationId }, "an agent's closing question could not be noted; the buyer's next message is the robot's");
    }
  });
}

/**
 * `{ handOver }` with the notice when the buyer's first message answers an agent's closing question; false otherwise (or on any
 * failure). The note is spent by the first message whatever it is (thanks, a rating the desk took: `mayTake` false), so only the
 * next conversation is read. A danger is never taken: the robot's first aid and the queue's priority come first (found in review:
 * a smoking power bank went to the queue with this notice alone, at normal priority).
 */
export function closedQuestionAnswered(d: FollowUpDeps): (m: TakenMessage, mayTake?: boolean) => Promise<Taken> {
  return async (m, mayTake = true) => {
    if (m.seq !== 1) return false;
    try {
      const key = keys.closingQuestion(m.shopId, m.buyerId);
      const noted = await d.cache.get(key);
      const note = noted ? readNote(noted) : undefined;
      if (!note) return false;
      await d.cache.set(key, '', 1);
      if (!mayTake || (thanksOnly(m.text) && !(note.yesNo && BARE_YES.test(m.text.trim()))) || safetyOf(m.text) !== undefined) return false;
      // The buyer's own language when the text tells it ("XL", "9" tell nothing: the question's), in the script of theirs or the question's.
      const said = detectLanguage(m.text);
      const lang: Lang = said.detected ? said.lang : note.lang;
      return { handOver: lang === 'en' ? NOTICE.en : note.hant && scriptByCharacters(m.text) !== 'hans' ? inHant(NOTICE.zh, false) : inScriptOfTexts(NOTICE.zh, [m.text]) };
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: m.conversationId }, 'a follow-up of a closed conversation could not be read; the robot answers it');
      return false;
    }
  };
}

/** The agent's question, when the conversation's last words of a person or the buyer were the agent's, asking, within the follow-up's minutes (the close's own notices come after). */
async function agentAskedLast(db: Db, conversationId: string): Promise<string | undefined> {
  const last = await db
    .selectFrom('messages')
    .select(['sender_role', 'content', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .where('sender_role', 'in', ['agent', 'customer'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content = (typeof last?.content === 'string' ? JSON.parse(last.content) : last?.content) as { kind?: string; text?: string } | undefined;
  // Asked in the same breath as the close: a question left unanswered for hours before it is no longer waiting (found in review).
  const fresh = last !== undefined && Date.now() - new Date(last.created_at as Date | string).getTime() <= FOLLOW_UP_MINUTES * 60_000;
  const text = last?.sender_role === 'agent' && content?.kind === 'text' && typeof content.text === 'string' ? content.text.trim() : undefined;
  return fresh && text !== undefined && ASKED.test(text) && !softStatement(text) && !CLOSING_FORMULA.test(text) ? text : undefined;
}
