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
import { detectLanguage, inScriptOfTexts, safetyOf, type Taken, type TakenMessage } from '../robot/index.ts';
import { keys } from '../storage/keys.ts';

/** How long after the close an answer is still the answer to the agent's question. */
export const FOLLOW_UP_MINUTES = 30;

/** The agent's last words asked something: a question mark, 吗/么, or 呢/嘛 after a question word ("换哪个呢"; not "已经帮您退款了呢~"). */
const ASKED = /[?？]\s*\S{0,2}\s*$|[吗么]\s*[~。.!！]*\s*$|(?:什么|哪|几|多少|怎么|要不要|是不是|有没有|能不能|可不可以|还是)[^，,。]{0,12}[呢嘛]\s*[~。.!！]*\s*$|哪(?:个|一个|种|款|天)(?![^，,。]{0,3}都)[^，,。]{0,6}[？?]?\s*$/u;
/**
 * A closing formula asks nothing the buyer's next message answers ("请问还有什么可以帮您的吗？", "Is there anything else I can help
 * you with today?", a review asked for): with it, nearly every conversation after a close went to a person (found in review).
 */
const CLOSING_FORMULA = /还有(?:什么|其他|其它|别的)|(?:其他|其它|别的)(?:问题|需要)|还需要.{0,8}[吗么]|满意[吗么]|好评|五星|评价|打分|(?<![a-z])(?:anything else|any (?:other|more) questions|something else|rate|rating|review|feedback|satisf\w*)(?![a-z])/iu;
/** Words of thanks, an ok or a goodbye, in English (each word of a message one of these: "thanks so much!", "perfect, thank you"). */
const EN_COURTESY = new Set(['ok', 'okay', 'k', 'kk', 'okie', 'alright', 'thanks', 'thank', 'thankyou', 'you', 'u', 'so', 'much', 'a', 'lot', 'very', 'many', 'thx', 'ty', 'tq', 'cheers', 'ta', 'perfect', 'great', 'lovely', 'awesome', 'brilliant', 'grand', 'sound', 'cool', 'nice', 'appreciate', 'appreciated', 'it', 'got', 'noted', 'bye', 'byebye', 'again', 'mate', 'love', 'np', 'no', 'problem', 'all', 'good', 'sounds', 'hun', 'dear']);
/** The same in Chinese: what is left once these are taken out must be nothing ("谢谢啦", "好的谢谢亲", "服务很好 谢谢", "好嘞"). */
const ZH_COURTESY = /好的|好滴|好嘞|好吧|好|嗯|哦|噢|谢谢|谢了|多谢|感谢|辛苦|收到|明白|知道|没问题|非常|很|满意|服务|拜拜|再见|你们|你|您|亲|了|啦|呢|哈|呀|啊/gu;
/** Thanks, an ok or a goodbye only (emoji alone too): the robot's to answer, as before. A word of English "no" alone is an answer. */
function thanksOnly(text: string): boolean {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 1 && words[0] === 'no') return false;
  return words.every((w) => (/^[a-z]+$/.test(w) ? EN_COURTESY.has(w) : /^\p{Script=Han}+$/u.test(w) && w.replace(ZH_COURTESY, '') === ''));
}

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
    const asked = await agentAskedLast(d.db, e.conversationId);
    const key = keys.closingQuestion(e.shopId, e.buyerId);
    if (asked === undefined) await d.cache.set(key, '', 1);
    else await d.cache.set(key, `${/\p{Script=Han}/u.test(asked) ? 'zh' : 'en'}:${e.conversationId}`, FOLLOW_UP_MINUTES * 60_000);
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
      if (!noted) return false;
      await d.cache.set(key, '', 1);
      if (!mayTake || thanksOnly(m.text) || safetyOf(m.text) !== undefined) return false;
      // The buyer's own language when the text tells it ("XL" tells nothing: the question's), in the script they write.
      const said = detectLanguage(m.text);
      const lang: Lang = said.strong ? said.lang : noted.startsWith('zh:') ? 'zh' : 'en';
      return { handOver: lang === 'zh' ? inScriptOfTexts(NOTICE.zh, [m.text]) : NOTICE.en };
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
  return fresh && last?.sender_role === 'agent' && content?.kind === 'text' && typeof content.text === 'string' && ASKED.test(content.text.trim()) && !CLOSING_FORMULA.test(content.text) ? content.text : undefined;
}
