/**
 * A queued buyer asking about their wait ("还要等多久", "有人吗", "how long will this take"): pure
 * rules for noticing the question and for the answer routing posts (found from outside: the
 * question got no reply at all, the robot having handed over and no agent having joined yet).
 */
import { hoursAfter, type NoticeLang } from './notices.ts';
import { foldTraditional } from '../robot/index.ts';

/**
 * Explicit questions about the wait or about whether anyone is there ("how long i need to wait", "hello?? anyone",
 * "前面几个人", Sichuan "还要好久嘛": found from outside, four shops; "到底有沒有人要理我", "在不在啊 回个话", "？？？":
 * found from outside, two more; "在不在 人工上线没", "都等半天了", "嘎哈呢 咋不说话": a Harbin shop). Not "在吗" alone (a greeting
 * as often as a question), and never a bare "多久" / "how long": "退款多久能到账", "how long is the
 * warranty" are questions for the agent, not about the queue (found in review). Matched against the text
 * folded to simplified characters (`asksAboutWait`), so only simplified forms are written here.
 */
// "转人工了咋还没人" too (a Shenzhen shop, fiftieth session: "your message is kept").
const ASKS_WAIT =
  /(?:咋|怎么|为什么|为啥)还没(?:有)?人(?:理|回|来|接|管|联系|回复)?(?:我)?(?:啊|呀|呢|啦)?(?=$|[\s，,。!！?？])|(?:要|还要|还得|得|需要)等(?:多久|多长时间|几分钟|多少分钟|到什么时候)|(?:要|还要|还得)排(?:多久|好久|多长时间|到什么时候)|(?:^|[\s，,。!！?？啊呀嘛])(?:还要|还得)等好久(?:哦|啊|呀|嘛|哟)?[?？!！\s]*$|等(?:多久|多长时间)|还在等|等了(?:很久|好久|半天|这么久|[一二三四五六七八九十几\d]+分钟)|^(?:(?:客服|人工|亲|你好|在吗|喂)[\s,，!！]*)*(?:我|都|已经|我都|我已经)*等了(?:快|差不多|将近|都|有)?(?:半|[一二三四五六七八九十几两\d]+)个?(?:多)?(?:小时|钟头|分钟)了?(?:[啊呀!！?？,，\s]|还要多久|人呢|还没人理?|到底有没有人|能不能快点|怎么还没人(?:理|回)?)*$|排到(?:我|第)|排(?:在)?我前面|排队|排第几|前面还有|前面(?:还|仲)?(?:有)?(?:几|多少|几多)(?:个|位)?(?:人)?(?:啊|呀|吗|呢|嘛)?[?？!！\s]*$|^(?:(?:亲|请问|老板|那|我)[\s，,]*)*(?:还要|还得|要)(?:等)?好久(?![^，,。]{0,3}(?:才|发|到|退|送|寄|能))|有人吗|有人在吗|(?:^|[\s，,。!！?？])(?:人工|真人)(?:客服)?(?:在吗|在不在|在么|在嘛)[?？!！。.\s~]*$|^(?:人工)?客服(?:在吗|在不在|在么|在嘛)[?？!！。.\s~]*$|有人没(?:有)?(?:啊|呀|得|哦)?[?？!！\s]*$|人呢|有冇人(?:喺度|在)?(?:呀|啊|吗|嘛|㗎)?\s*[?？!！]*$|冇人(?:理|覆|回|应)|有没有人(?:要|会|来)?(?:理|管)|有没有人(?:在|回)(?:吗|啊|呀|呢|么)?[?？!！\s]*$|(?:^|[\s，,。!！?？])(?:回个话|吱(?:一|个)?声)[啊呀吧呢!！?？\s]*$|^[?？]{2,}[!！]*$|(?:人工|客服|真人)(?:还)?(?:没|没有)?(?:上线|在线|上班)(?:了)?(?:没|没有|吗|么|啊|呀|呢)|等(?:很久|好久|半天|这么久)了|(?:^|[\s，,。!！?？]|你们?|客服|人工)(?:咋|怎么)(?:都)?不(?:说话|吱声|回话)|(?:仲要|要|还要)等(?:几耐|几久)|等咗(?:好耐|好久|成)|几时有人|没人(?:理|回|管|接)|客服呢|(?:客服|人工)(?:什么时候|多久|啥时候|几点)|(?<![a-z])(?:how long (?:(?:do|will|must|should|would) )?(?:(?:i|we) )?(?:still )?(?:have to |need to |need |got to |gotta |be )?wait(?:ing)?(?![^.?!]{0,30}(?<![a-z])(?:refund|money|parcel|package|order|delivery|deliver|arrive|ship\w*|return|exchange|item|goods|stock|restock)(?![a-z]))|how(?:s|'s)? long(?: is|'s|s)? the (?:wait|queue|line)|^any (?:news|updates?)(?: yet)?[\s?!.,]*(?:(?:it'?s |its )?been (?:ages|forever|a while|so long)[\s?!.]*)?$|berapa lama (?:lagi )?(?:nak |kena |perlu )?(?:tunggu|menunggu)|tunggu berapa lama|how long (?:until|till|before) (?:an? |the )?(?:agent|someone|somebody|person|human|rep)|how much longer|how long more (?:(?:do|must|need|have) )?(?:i |we )?(?:need |have )?(?:to )?wait(?! for (?!(?:an? |the )?(?:agent|person|human|someone|reply)))|how long more(?: (?:ah|lah|leh|lor|sia))?\s*[?!.]*\s*$|still waiting|been waiting|waiting (?:for (?:an? |the )?(?:agent|person|human|someone|reply)|so long)|wait time|anyone there|anybody there|^(?:(?:hello|hi|hey)\W+)?(?:is )?(?:someone|somebody) (?:there|here|around)\s*[?!.]*$|^(?:hello|hi|hey|yo|oi)\s*\?{2,}$|^(?:(?:hello|hi|hey|yo|oi)\W+)?(?:it'?s |its |it has )?been (?:ages|forever|so long)[\s?!.]*$|^(?:hello|hi|hey|yo|oi)\W+(?:any ?one|any ?body|some ?one)(?: there| here)?\s*[?!.]*$|anyone\s*\?+$|is anyone|still (?:no ?one|nobody|no agent|no reply)(?: (?:here|there|around|online))?\s*[?!.]*$|is anybody|my turn|in (?:the )?(?:line|queue)|ahead of me|when will (?:an? |the )?(?:agent|someone|somebody|person|human)|how many (?:people )?(?:ahead|before me))(?![a-z])/;

/** Longest message read as a question about the wait: a long one is about something else, for the agent. */
const MAX_WAIT_QUESTION = 60;

/**
 * A buyer taking the hand-over back ("算了，要等多久啊", "never mind, how long is this") is the robot's
 * to answer: routing's queued frame could otherwise arrive after the move back (found in review).
 */
const TAKES_IT_BACK = /^(?:算了|不用了|不需要了|不要了|不转了)|(?<![a-z])(?:never ?mind|forget it|no need)(?![a-z])/;

/**
 * Asking for a person again while already in the queue ("转人工", "human pls"): answered with the
 * place in it, like a question about the wait (found from outside: no reply of any kind).
 */
// Also "找个真人", "快点转人工啊", "ok transfer me to agent lah", "can i talk to a real person", "whatever just get me a
// real person" (found from outside: silence).
const ASKS_PERSON_AGAIN =
  /^\s*(?:那|快|快点|麻烦|请|能不能|可以|可不可以)?(?:给我|帮我)?(?:我)?(?:要|想)?(?:找|转|请转|接|叫)?(?:个|一个|一下|下)?(?:人工|真人|客服|活人)(?:客服|服务)?(?:吧|啊|呀|呢|好吗|行吗|可以吗)?[\s!！?？。.~]*$|^\s*(?:zrg|rg|rgkf)[\s!?.]*$|^\s*(?:(?:ok(?:ay)?|pls|please|plz|whatever|just|ugh|omg|seriously|come on|can (?:you|u)|could you)[,.!]* )*(?:(?:can|could) i (?:get|have|speak (?:to|with)|talk (?:to|with)) |(?:get|give) me |transfer (?:me )?to |connect me (?:to|with) |i (?:want|need|wanna) (?:to (?:speak|talk) (?:to|with) )?|i wanna (?:speak|talk) (?:to|with) |need |let me (?:speak|talk) (?:to|with) |speak (?:to|with) |talk (?:to|with) )?(?:an? |the )?(?:human|agent|real person|real human|person|live agent|live person|customer service)(?: (?:please|pls|plz|lah|la|now|asap))*[\s!?.]*$/;

/**
 * A complaint is more than a question about the wait ("wtf 还要排队 我要投诉你们", "等咗咁耐都冇人理 我要投訴"):
 * the robot reads it, and with nobody online moves the buyer ahead as a complaint (found from outside,
 * two shops: told the place in line and left behind the plain hand-overs).
 */
const COMPLAINS = /投诉|举报|差评|(?<![a-z])(?:complain\w*|report (?:you|this|your)|file a complaint)(?![a-z])/;

/** The last sentence of a longer message, after a full stop or a question mark (and a space, in English). */
const LAST_SENTENCE = /(?:[.!?]\s+|[。！？]\s*)([^.。!！?？]+[.。!！?？]*\s*)$/;
/**
 * Asked outright of a person there, as a last sentence may ask it: not "is anyone else having this problem?", "still waiting for my
 * refund" (found in review: complaints about goods and parcels were told the place in the queue).
 */
const ASKS_PERSON_WAIT = /(?:还要|还得|要|得|需要)等多久|(?:到底)?(?:有没有|有)人(?:吗|在吗|理我吗)|人呢|(?:咋|怎么|为什么|为啥)还没(?:有)?人|(?<![a-z])(?:(?:how long|when)\b[^.?!]{0,30}\b(?:someone|somebody|anyone|an agent|a person|a human|you guys|a real person)\b[^.?!]{0,30}\b(?:gets? back|repl\w*|respond\w*|answer\w*|comes?|be with me|talks?)|is (?:any ?one|somebody|someone) (?:there|here|around)|anyone there|hello\?+)(?![a-z])/;

export function asksAboutWait(text: string): boolean {
  // Read in simplified characters: "還有人在嗎" (found from outside, a Taiwanese buyer: no place in the queue told).
  const t = foldTraditional(text.normalize('NFKC').toLowerCase()).replace(/’/g, "'");
  if (COMPLAINS.test(t)) return false;
  const asks = (x: string) => x.length <= MAX_WAIT_QUESTION && (ASKS_WAIT.test(x) || ASKS_PERSON_AGAIN.test(x)) && !TAKES_IT_BACK.test(x.trim());
  // Or its last sentence, after a remark ("ok running it under the tap now. how long till someone actually gets back to me": a
  // Melbourne shop, fiftieth session, no reply at all).
  const last = t.length > MAX_WAIT_QUESTION ? LAST_SENTENCE.exec(t)?.[1] : undefined;
  return asks(t) || (last !== undefined && asks(last) && ASKS_PERSON_WAIT.test(last));
}

/** The same answer is not given again within this long: a buyer repeating "有人吗" is not answered with the same words each time. */
export const WAIT_ANSWER_EVERY_MS = 15_000;

export interface WaitPosition {
  readonly position: number;
  readonly agentsOnline: number;
  readonly estimatedWaitSeconds: number | undefined;
}

const minutes = (s: number) => Math.max(1, Math.round(s / 60));

/**
 * In the language of the buyer's latest texts (`langOfTexts`: "？？" tells none; found from outside, an English answer in a
 * Chinese conversation); `hours`: the shop's own word on when its people are there, said while nobody is.
 */
export function waitAnswer(lang: NoticeLang, p: WaitPosition, hours?: string): string {
  if (lang === 'zh') {
    if (p.agentsOnline === 0) return hoursAfter('zh', `您在排队第 ${p.position} 位。现在没有客服在线，您的消息都已留下，客服上线后会按顺序回复您。`, hours);
    const eta = p.estimatedWaitSeconds === undefined ? '' : `，预计约 ${minutes(p.estimatedWaitSeconds)} 分钟`;
    return p.position === 1 ? `下一位就是您${eta}，请稍候，客服接入后会马上回复您。` : `您前面还有 ${p.position - 1} 位${eta}，请稍候，客服接入后会马上回复您。`;
  }
  if (p.agentsOnline === 0) return hoursAfter('en', `You are number ${p.position} in the queue. No agent is online right now: your messages are kept, and an agent will answer in turn when one is back.`, hours);
  const eta = p.estimatedWaitSeconds === undefined ? '' : ` The wait is about ${minutes(p.estimatedWaitSeconds)} min.`;
  const ahead = p.position === 1 ? 'You are next in line.' : `There ${p.position === 2 ? 'is 1 person' : `are ${p.position - 1} people`} ahead of you.`;
  return `${ahead}${eta} An agent will answer as soon as they join.`;
}

/**
 * The place said again in short, to a buyer asking once more within WAIT_ANSWER_EVERY_MS ("hello?? anyone there",
 * then "ok how long is the wait"): the full answer is not repeated, and the question is not left unanswered
 * (found from outside: silence).
 */
export function waitAnswerAgain(lang: NoticeLang, p: WaitPosition): string {
  if (lang === 'zh') return `您仍在排队第 ${p.position} 位，${p.agentsOnline === 0 ? '客服上线后会按顺序回复您' : '客服接入后会马上回复您'}。`;
  return `Still number ${p.position} in the queue: ${p.agentsOnline === 0 ? 'an agent will answer in turn once one is online' : 'an agent will answer as soon as they join'}.`;
}

/** The agent holding an assigned conversation, as a buyer asking about the wait is told of them. */
export interface HeldBy {
  readonly agentName: string | undefined;
  /** A console of the agent's is open: they can see the message now. */
  readonly present: boolean;
  /** Away from it, the conversation goes back to the queue unless they return (the offline grace or the reply timer). */
  readonly returns: boolean;
}

/**
 * A buyer asking about the wait ("人呢？？", "hello?") while an agent holds the conversation: who has it, or that
 * they stepped away and what happens then (found from outside, two shops: silence after the reply timer gave the
 * conversation back to the same agent, and after the agent's console closed, until the timer moved it).
 */
export function heldWaitAnswer(lang: NoticeLang, h: HeldBy): string {
  if (lang === 'zh') {
    const who = h.agentName ? `客服${h.agentName}` : '客服';
    if (h.present) return `${who}正在接待您，请稍候，TA 会尽快回复您。`;
    return h.returns ? `${who}暂时离开了。如果一会儿还没有回来，您的会话会重新排队，由下一位有空的客服接待。` : `${who}暂时离开了，回来后会回复您，您的消息都已留下。`;
  }
  const who = h.agentName ?? 'Your agent';
  if (h.present) return `${who} is looking after your conversation and will reply as soon as they can.`;
  return h.returns ? `${who} has stepped away. If they are not back soon, your conversation goes back to the queue for the next free agent.` : `${who} has stepped away and will reply when back: your messages are kept.`;
}

/** The same in short, to a buyer asking again within WAIT_ANSWER_EVERY_MS. */
export function heldWaitAnswerAgain(lang: NoticeLang, h: HeldBy): string {
  if (lang === 'zh') return `您的会话仍由${h.agentName ? `客服${h.agentName}` : '客服'}接待，请稍候。`;
  return `Still with ${h.agentName ?? 'your agent'}: please bear with us.`;
}
