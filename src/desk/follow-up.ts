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
import type { Taken, TakenMessage } from '../robot/index.ts';

/** How long after the close an answer is still the answer to the agent's question. */
export const FOLLOW_UP_MINUTES = 30;

/** The agent's last words asked something: a question mark, or a question's own ending. */
const ASKED = /[?？]\s*\S{0,2}\s*$|[吗呢么嘛]\s*[~。.!！]*\s*$|哪(?:个|一个|种|款|天)[^，,。]{0,6}[？?]?\s*$/u;
/** Thanks, an ok or a goodbye only: the robot's to answer, as before. */
const THANKS_ONLY = /^(?:(?:好的|好滴|好|ok|okay|嗯嗯?|谢谢(?:你|您)?|谢了|多谢|感谢|辛苦了|thanks|thank you|thx|ty|cheers|ta|收到|明白了?|知道了|bye|拜拜|再见|👍|🙏)[\s,，.。!！~]*)+$/iu;

type Lang = 'zh' | 'en';
const NOTICE: Readonly<Record<Lang, string>> = {
  zh: '您是在回复客服刚才的问题吧？已为您转给人工客服继续处理，请稍候。',
  en: "It looks like you're answering our agent's last question: I've passed you back to a person, please hold on.",
};
const keyOf = (shopId: string, buyerId: string) => `kefu:desk:asked:${shopId}:${buyerId}`;

export interface FollowUpDeps {
  readonly db: Db;
  readonly cache: Cache;
  readonly log: Logger;
}

/** At a close of a conversation a person held, notes for the buyer when the agent's last words asked something. Returns the unsubscription. */
export function noteClosingQuestions(d: FollowUpDeps, events: ConversationEventBus): () => void {
  return events.on('conversationClosed', 'desk-follow-up', async (e) => {
    if (!e.agentId) return;
    const asked = await agentAskedLast(d.db, e.conversationId);
    if (asked !== undefined) await d.cache.set(keyOf(e.shopId, e.buyerId), `${/\p{Script=Han}/u.test(asked) ? 'zh' : 'en'}:${e.conversationId}`, FOLLOW_UP_MINUTES * 60_000);
  });
}

/** `{ handOver }` with the notice when the buyer's first message answers an agent's closing question; false otherwise (or on any failure). */
export function closedQuestionAnswered(d: FollowUpDeps): (m: TakenMessage) => Promise<Taken> {
  return async (m) => {
    if (m.seq !== 1 || THANKS_ONLY.test(m.text.trim())) return false;
    try {
      const key = keyOf(m.shopId, m.buyerId);
      const noted = await d.cache.get(key);
      if (!noted) return false;
      // Once: the buyer's next new conversation is the robot's again.
      await d.cache.set(key, '', 1);
      const lang: Lang = /\p{Script=Han}/u.test(m.text) ? 'zh' : /[a-z]{2}/i.test(m.text) ? 'en' : noted.startsWith('zh:') ? 'zh' : 'en';
      return { handOver: NOTICE[lang] };
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: m.conversationId }, 'a follow-up of a closed conversation could not be read; the robot answers it');
      return false;
    }
  };
}

/** The agent's question, when the conversation's last words of a person or the buyer were the agent's, asking (the close's own notices come after). */
async function agentAskedLast(db: Db, conversationId: string): Promise<string | undefined> {
  const last = await db
    .selectFrom('messages')
    .select(['sender_role', 'content'])
    .where('conversation_id', '=', conversationId)
    .where('sender_role', 'in', ['agent', 'customer'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content = (typeof last?.content === 'string' ? JSON.parse(last.content) : last?.content) as { kind?: string; text?: string } | undefined;
  return last?.sender_role === 'agent' && content?.kind === 'text' && typeof content.text === 'string' && ASKED.test(content.text.trim()) ? content.text : undefined;
}
