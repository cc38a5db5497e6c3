/**
 * A buyer answering the question an agent asked just before closing ("您看换哪个？", closed; then "换菊花茶吧 谢谢你": a Hangzhou
 * tea shop, forty-fifth session, answered "不客气，祝您购物愉快" by the robot and the swap lost). The answer opens a new conversation,
 * which is the robot's: when its first message follows within `FOLLOW_UP_MINUTES` a conversation a person served and closed whose
 * last words were the agent's question, and it says more than thanks, it goes back to a person with a notice instead.
 */
import type { Logger } from 'pino';
import { lastServedClosed } from './last-closed.ts';
import type { Db } from '../storage/ports.ts';
import type { Taken, TakenMessage } from '../robot/index.ts';

/** How long after the close an answer is still the answer to the agent's question. */
export const FOLLOW_UP_MINUTES = 30;

/** The agent's last words asked something: a question mark, or a question's own ending. */
const ASKED = /[?？]\s*\S{0,2}\s*$|[吗呢么嘛]\s*[~。.!！]*\s*$|哪(?:个|一个|种|款|天)[^，,。]{0,6}[？?]?\s*$/u;
/** Thanks, an ok or a goodbye only: the robot's to answer, as before. */
const THANKS_ONLY = /^(?:(?:好的|好滴|好|ok|okay|嗯嗯?|谢谢(?:你|您)?|谢了|多谢|感谢|辛苦了|thanks|thank you|thx|ty|cheers|ta|收到|明白了?|知道了|bye|拜拜|再见|👍|🙏)[\s,，.。!！~]*)+$/iu;

const NOTICE = {
  zh: '您是在回复客服刚才的问题吧？已为您转给人工客服继续处理，请稍候。',
  en: "It looks like you're answering our agent's last question: I've passed you back to a person, please hold on.",
} as const;

export interface FollowUpDeps {
  readonly db: Db;
  readonly log: Logger;
}

/** `{ handOver }` with the notice when the buyer's first message answers an agent's closing question; false otherwise (or on any failure). */
export function closedQuestionAnswered(d: FollowUpDeps): (m: TakenMessage) => Promise<Taken> {
  return async (m) => {
    if (m.seq !== 1 || THANKS_ONLY.test(m.text.trim())) return false;
    try {
      const asked = await agentAskedLast(d.db, m);
      if (!asked) return false;
      return { handOver: /\p{Script=Han}/u.test(m.text) || /\p{Script=Han}/u.test(asked) ? NOTICE.zh : NOTICE.en };
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: m.conversationId }, 'a follow-up of a closed conversation could not be read; the robot answers it');
      return false;
    }
  };
}

/** The agent's question, when the buyer's latest closed conversation (a person served it, closed lately) ended on one. */
async function agentAskedLast(db: Db, m: TakenMessage): Promise<string | undefined> {
  const closed = await lastServedClosed(db, m, FOLLOW_UP_MINUTES);
  if (!closed) return undefined;
  // The close's own notices (the rating request) come after the agent's last words: the last message of a person or the buyer decides.
  const last = await db
    .selectFrom('messages')
    .select(['sender_role', 'content'])
    .where('conversation_id', '=', closed)
    .where('sender_role', 'in', ['agent', 'customer'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content = (typeof last?.content === 'string' ? JSON.parse(last.content) : last?.content) as { kind?: string; text?: string } | undefined;
  return last?.sender_role === 'agent' && content?.kind === 'text' && typeof content.text === 'string' && ASKED.test(content.text.trim()) ? content.text : undefined;
}
