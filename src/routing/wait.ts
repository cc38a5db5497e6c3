/**
 * A queued buyer asking about their wait ("还要等多久", "有人吗", "how long will this take"): pure
 * rules for noticing the question and for the answer routing posts (found from outside: the
 * question got no reply at all, the robot having handed over and no agent having joined yet).
 */
import { langOf } from './notices.ts';

/** Explicit questions about the wait or about whether anyone is there. Not "在吗" alone: a greeting as often as a question. */
const ASKS_WAIT =
  /多久|多长时间|几分钟|要等|还得等|还在等|等了(?:很久|好久|半天|这么久)|排到|排队|第几|前面还有|有人吗|人呢|没人|客服呢|(?<![a-z])(?:how long|how much longer|still waiting|been waiting|waiting (?:for|so long)|wait time|anyone there|anybody there|is anyone|is anybody|my turn|in (?:the )?(?:line|queue)|ahead of me)(?![a-z])/;

/** Longest message read as a question about the wait: a long one is about something else, for the agent. */
const MAX_WAIT_QUESTION = 60;

export function asksAboutWait(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase();
  return t.length <= MAX_WAIT_QUESTION && ASKS_WAIT.test(t);
}

/** The same answer is not given again within this long: a buyer repeating "有人吗" is not answered with the same words each time. */
export const WAIT_ANSWER_EVERY_MS = 15_000;

export interface WaitPosition {
  readonly position: number;
  readonly agentsOnline: number;
  readonly estimatedWaitSeconds: number | undefined;
}


const minutes = (s: number) => Math.max(1, Math.round(s / 60));

export function waitAnswer(question: string, p: WaitPosition): string {
  if (langOf(question) === 'zh') {
    if (p.agentsOnline === 0) return `您在排队第 ${p.position} 位。现在没有客服在线，您的消息都已留下，客服上线后会按顺序回复您。`;
    const eta = p.estimatedWaitSeconds === undefined ? '' : `，预计约 ${minutes(p.estimatedWaitSeconds)} 分钟`;
    return p.position === 1 ? `下一位就是您${eta}，请稍候，客服接入后会马上回复您。` : `您前面还有 ${p.position - 1} 位${eta}，请稍候，客服接入后会马上回复您。`;
  }
  if (p.agentsOnline === 0) return `You are number ${p.position} in the queue. No agent is online right now: your messages are kept, and an agent will answer in turn when one is back.`;
  const eta = p.estimatedWaitSeconds === undefined ? '' : ` The wait is about ${minutes(p.estimatedWaitSeconds)} min.`;
  const ahead = p.position === 1 ? 'You are next in line.' : `There ${p.position === 2 ? 'is 1 person' : `are ${p.position - 1} people`} ahead of you.`;
  return `${ahead}${eta} An agent will answer as soon as they join.`;
}
