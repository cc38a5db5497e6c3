/**
 * Learning from agents: a question the robot could not answer, that a human agent then answered,
 * becomes a suggestion for the shop's admin: a new FAQ entry (question = the buyer's words,
 * answer = the agent's), or, when the question is close to an existing entry, an alternate
 * phrasing of it. The admin accepts (the FAQ changes in one transaction with the suggestion's
 * status and the shop's knowledge version) or dismisses.
 *
 * Produced from the conversation events, not by the conversation service: on `messageStored` of an
 * agent's text, the buyer message it answers is read back from the database (the latest buyer
 * text before it that the robot replied to without the buyer's own data and no agent had answered
 * yet; greetings and "let me check" are neither question nor answer), so it works whichever node
 * stored the buyer's message. A question the FAQ already answers is not suggested; one row
 * per buyer message (a unique index), so a second agent reply or a repeated event adds nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { ConversationEventBus, ConversationEvents } from '../conversation/events.ts';
import { KefuError } from '../protocol/errors.ts';
import { conceptsOf, foldTraditional, safetyOf } from '../robot/index.ts';
import type { SqlStore, Tx } from '../storage/ports.ts';
import { bumpVersion, countFaqEntries, findFaqEntry, insertFaqEntry, updateFaqEntry, type FaqEntry } from './repository.ts';
import { assertShopId, parseFaqInput } from './validation.ts';

export type SuggestionKind = 'entry' | 'alternate';
export type SuggestionStatus = 'open' | 'accepted' | 'dismissed';

export interface FaqSuggestion {
  readonly id: string;
  readonly kind: SuggestionKind;
  /** The buyer's words. */
  readonly question: string;
  /** The agent's reply. */
  readonly answer: string;
  /** Kind `alternate`: the entry the question is close to. */
  readonly faqEntryId: string | null;
  /** How close (0..1) the question is to that entry by the robot's FAQ search. */
  readonly confidence: number;
  readonly conversationId: string;
  readonly status: SuggestionStatus;
  readonly createdAt: string;
}

/** What the suggestions need of the robot's FAQ search (FaqIndexProvider.lookup). */
export interface FaqLookupPort {
  lookup(shopId: string, text: string): Promise<{ band: 'answer' | 'clarify' | 'none'; candidates: readonly { entry: { id: string }; confidence: number }[] }>;
}

export interface FaqSuggestionOptions {
  readonly sql: SqlStore;
  readonly faq: FaqLookupPort;
  readonly log: Logger;
  /** Most FAQ entries per shop (the knowledge service's cap); default 5000. */
  readonly maxFaqPerShop?: number;
  /** Subscribes to agents' replies on this bus at once (as `subscribe` does). */
  readonly events?: ConversationEventBus;
  /**
   * Whether a robot reply says it could not answer (robot/replies.ts `couldNotAnswer`): only a
   * question the robot could not answer is suggested. Without it, any reply without a card counts.
   */
  readonly couldNotAnswer?: (robotReply: string) => boolean;
}

const MAX_LIST = 200;
// The FAQ's own limits (validation.ts): longer buyer messages or replies are not FAQ material.
const MAX_QUESTION = 500;
const MAX_ANSWER = 4000;
const MIN_QUESTION = 2;
/** Buyer messages looked back over for the question, newest first. */
const RECENT_QUESTIONS = 5;
/** Messages read back to find them (buyer, robot and agent messages together). */
const LOOK_BACK = 40;
// An agent's greeting or "let me check" is not an answer: neither a suggestion's answer nor a sign
// that the question was answered already.
// Introductions too ("Hi, this is Li from the shop, I'm looking into it now" became the suggested
// answer of four unrelated questions: found from outside).
const HOLDING = /有什么(?:可以|能)?(?:帮|为)|请问有什么|马上(?:帮|为)您|稍等|(?:看|查)一下|帮您(?:看看|查查|查)|为您查|how (?:can|may) i help|let me (?:check|look|see)|(?:one|just a) (?:moment|sec)|give me a (?:moment|sec|minute)/i;
const MAX_HOLDING = 40;
/** Introduced and then only holding ("我是售后客服小李，正在帮您核实。"): the holding words end it; "我是客服小美，这款是防水的" answers (found in review). */
const INTRODUCED_HOLDING = /^(?:hi|hello|您好|你好)?[,，!！\s]*(?:我是.{0,8}客服.{0,4}|(?:this is|i'?m|i am) [a-z]+ (?:from|with|at) (?:the |your )?(?:shop|store|team|customer service|support))[,，.。!！\s]*(?:and )?(?:i'?m |我)?(?:正在(?:帮您|为您|给您)?(?:查|处理|核实)(?:一下)?|马上(?:帮|为)您(?:看看|查|处理)|looking into (?:it|this)(?: now| for you)?|checking (?:it |this )?(?:now|for you)|let me check)[.。!！\s]*$/i;
const isHolding = (text: string) => !text || CHATTER.test(text) || (text.length <= MAX_HOLDING && HOLDING.test(text)) || INTRODUCED_HOLDING.test(text);
// Asking for a person, greeting, thanking, prodding: not a question an FAQ entry could answer.
const CHATTER =
  /^\s*(?:(?:转|找|要|请)?(?:人工|真人|客服)(?:客服|服务)?|(?:要得|好的|好|行|可以|是|嗯|对)?[嘛吧啊的]*\s*转(?:吧|嘛|人工)?|嗯呐|嗯哪|昂|中|要|是的?|是啊|对的?|好滴|得嘞|必须的|(?:yes|yep|yeah|yup|sure)(?:[\s,!]+(?:pls|please|plz|thanks|thx))?|pls|please|在吗|在不在|有人吗|人呢|人呢人呢|有人在吗|还在吗|在不|你好|您好|哈喽|谢谢|好的|嗯+|ok|okay|hi|hello|hey|thanks?|thank you|agent|human|real person|any(?:one|body) (?:there|here)|(?:talk|speak) to (?:a |an )?(?:human|person|agent))[\s!！?？.。~]*$/i;
/** A question an entry could answer: not chatter, nor a danger told (what to do is said to that buyer, never as an FAQ answer). */
const isQuestion = (text: string) => text.length >= MIN_QUESTION && text.length <= MAX_QUESTION && !CHATTER.test(text) && !safetyOf(text);
const plausibleId = (id: string) => typeof id === 'string' && id.length > 0 && id.length <= 64;
/**
 * An answer about one buyer, not the shop: a run of 8 or more digits (an order or tracking number,
 * a phone) or the buyer's name. A canned reply filled in for one buyer ("您好 张伟，您的订单
 * SO2611230001 …") must not become every buyer's answer (found from outside).
 */
// Digits counted across the separators ids are typed with ("SO-2611-0001", "YT 8812 3456": found in review).
const LONG_NUMBER = /\d(?:[\s-]?\d){7,}/;
/** A street address: a district or city, then a road and a number. */
const ADDRESS = /[省市区县镇].{0,12}?[路街道巷弄].{0,8}?\d+\s*号/;
/** The buyer's name, or their surname with a title ("张先生"). */
const namesBuyer = (answer: string, name: string) => (name.length >= 2 && answer.includes(name)) || ['先生', '女士', '小姐'].some((title) => answer.includes(`${name[0]}${title}`));
/**
 * This buyer's own data read out ("我查了一下，11月30日那笔电池订单…", "I looked at your Niacinamide return", "多扣的958元", "I'm
 * making a one-time exception": three shops, thirty-eighth session, suggested as every buyer's answer).
 */
const ABOUT_THIS_BUYER = /我(?:这边)?(?:查|看|核实|核对)了(?:一下|下)|查到(?:您|你)的|(?:您|你)(?:那|这)笔|那笔[^，,。]{0,10}(?:订单|钱|款)|多扣的|(?<![a-z])(?:i (?:looked|checked) (?:at |into |on )?your|i'?m making (?:a|an) (?:one-time |one time )?exception|(?:will|i'?ll) refund (?:the |your )?\$?\d)/i;
/**
 * Something done for this buyer ("已为您补发新卡密…原退款申请我们会关闭", "I've refunded your order"):
 * a promise to every buyer as an FAQ answer (found from outside).
 */
// "…红油的退款我已经审核通过了，清油底料给您补发一袋", "您寄乌鲁木齐的礼盒我已经联系圆通核实了…今天会安排发出" (a Chengdu shop,
// thirty-sixth session: both suggested as every buyer's answer).
// "我已经在后台给仓库备注…", "萌萌，核实了…退20元差价", "包裹已经从兰州发往乌鲁木齐" (a Chengdu shop, fortieth session: all suggested).
const DONE_FOR_BUYER = /我(?:这边|们)?(?:已经?|刚刚?)?在后台|(?:已经|我|这边)核实了|核实了一下|退(?:您|你)?\d+(?:\.\d+)?(?:元|块)?(?:的)?差价|(?:包裹|快递)(?:已经|现在|目前|正在|还在)(?:从\p{Script=Han}{2,6}发往|在\p{Script=Han}{2,6}(?:等车|中转|转运))|(?:已|已经|刚刚?|这边已经?|我们已经?)(?:为|给|帮)(?:您|你)(?:补发|重发|退款|退了|关闭|取消|修改|改了|改好|处理|申请|登记|换好|开好|开具|发货|发出)|(?:给|为)(?:您|你)(?:补发|重发|补寄|重寄|退|换)(?:了|一|个|件|袋|盒|份)|我(?:这边|们)?(?:已经?|刚刚?)(?:帮您|给您|为您)?(?:审核|联系|核实|安排|登记|备注|催)|(?:您|你)(?:寄|买|下单|拍)的[^，,。]{1,12}(?:我|已经|会|今天|明天)|原(?:退款)?申请(?:我们)?(?:会|将)关闭|(?:您|你)的(?:退款|申请|订单)(?:我们)?已经?(?:关闭|取消)|(?<![a-z])(?:i'?ve|i have|we'?ve|we have) (?:just )?(?:sent|resent|issued|refunded|cancell?ed|closed|changed|updated|replaced|processed|added|arranged|booked|credited|rescheduled|reordered)|your (?:refund|request|order) has been (?:processed|refunded|cancell?ed|closed)(?![a-z])/iu;
/**
 * A reply that greets someone by name ("Hi Aoife, Sam from Hearth & Leaf here…", "Dear Mr Le Brocq"): written to one
 * buyer, whatever name kefu knows for them (found from outside: a buyer without a name claim, the agent using the
 * name on the order, suggested as every buyer's answer). "Hi there", "Hello all" are no names.
 */
// Case matters for the name only: the greeting may be "Hi" or "hi".
const GREETS_BY_NAME = /^\s*(?:[Hh]i|[Hh]ello|[Hh]ey|[Hh]iya|[Hh]ola|[Bb]onjour|[Dd]ear|[Mm]orning|[Gg]ood (?:morning|afternoon|evening))[\s,]+(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]iss|[Dd]r)\.?\s+)?(?!(?:There|All|Everyone|Everybody|Team|Folks|Friend|Again)\b)[A-Z][a-z'-]+\b/;
/** "李先生您好…", "郭老闆您好…": a surname and a title, greeting one buyer (a Taipei shop, thirty-fifth session). */
// And the titles of everyday China ("陈同学您好", "赵大爷您好", "张总您好", "赵师傅您好", "小于您好", "冰冰！人先离远点…": three shops,
// thirty-eighth session): a name or a title, then a greeting or an exclamation, opening the reply.
// And a family title, a bare name before 您好, a doubled name before a comma, anyone kept waiting ("王妈妈您好…", "卓玛您好…", "萌萌，核实了…",
// "王哥久等了！…": a Chengdu and a Shanghai shop, fortieth session).
const GREETS_BY_NAME_ZH =
  /^\s*(?:\p{Script=Han}{1,2}(?:先生|女士|小姐|太太|老板|老闆|姐|哥|同学|大爷|大妈|阿姨|叔叔|叔|总|师傅|老师|经理|姐姐|哥哥|妹子|妈妈|爸爸|奶奶|爷爷|宝妈|宝爸|姨|嫂)(?:您好|你好|久等了|久等啦|[，,！!])|(?:小|老)\p{Script=Han}(?:您好|你好)|(?!亲亲|大家|各位|亲爱|顾客|宝子|宝宝|朋友|小主|家人|买家|客官|美女|帅哥|老铁|感谢|谢谢|早上|中午|下午|晚上)\p{Script=Han}{2,3}(?:您好|你好)|(?!让您|让你|抱歉|不好意|您|你|亲)\p{Script=Han}{1,3}久等(?:了|啦)|(?!亲亲|哈哈|嗯嗯|好好|宝宝|谢谢|是是|对对|好好)(\p{Script=Han})\1[！!，,])/u;
/** A doctor or a hospital: advice for one case ("宝宝三天没拉、肚子硬…马上去医院": a Shanghai shop, fortieth session). */
const MEDICAL_ADVICE = /医院|就医|急诊|看医生|找医生|(?<![a-z])(?:(?:see|call|ask|visit) (?:a |your |the )?(?:doctor|gp|pharmacist|paediatrician|pediatrician)|(?:go|take (?:him|her|them|the baby|the child|your \w+)) to (?:the )?(?:hospital|a ?& ?e|er|emergency room|emergency department)|urgent care|poison control)(?![a-z])/i;
// Read in simplified characters too: "幫您退款", "補寄" (the same Taipei shop).
/**
 * Something arranged with this buyer: a request made for them, a photo of their thing asked of them, a visit set for a weekday
 * ("泡腾片的退款我帮您申请复核，请把味道异常那一管拍照发给我", "our courier will collect it in a special fire-safe bag on Wednesday": a
 * Shanghai and a Manchester shop, forty-third session, both suggested as the shop's answer). Not the days a shop works or ships
 * ("Monday to Friday", "orders after 2pm on Friday ship on Monday", "closed on Sunday"), nor a photo asked of anyone
 * ("收到破损请拍照发给我们", "send us a photo": found in review).
 */
const ARRANGED = /我(?:这边)?(?:帮|给|为)(?:您|你)(?:申请|登记|安排|催|补发|重发|退|改|换|预约)|(?:那|这)(?:一|个|支|管|件|瓶|盒|包)[^，,。]{0,10}(?:拍照|拍个照|拍下来)|(?:拍照|照片|图片|视频|截图)[^，,。]{0,8}发(?:给)?我(?!们)|(?:这|下)(?:周|星期|礼拜)[一二三四五六日天]|(?<![a-z])(?:this (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:collect|pick up|pick it up|call|ring|email|deliver|come|send|arrive|visit)\w* (?:it |them |you )?(?:on|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])(?!\s*(?:to|through|-|–|and)))(?![a-z])|(?:(?<![a-z])will|'ll) (?:collect|pick up|pick it up|resend|refund|call|email|ring) (?:it|them|you|your|the (?:old|new|faulty|broken))(?![a-z])/i;
const personalAnswer = (answer: string, buyerName: string | null) => {
  const a = foldTraditional(answer);
  return LONG_NUMBER.test(a) || ARRANGED.test(a) || ADDRESS.test(a) || DONE_FOR_BUYER.test(a) || ABOUT_THIS_BUYER.test(a) || MEDICAL_ADVICE.test(a) || GREETS_BY_NAME.test(answer) || GREETS_BY_NAME_ZH.test(a) || (!!buyerName && namesBuyer(a, foldTraditional(buyerName)));
};
const HOW_MUCH_OR_WHEN = /多久|几天|多少天|多长时间|什么时候|啥时候|几号|哪天|多少钱|多少|几个|(?<![a-z])(?:how (?:long|much|many|soon)|when|what time)(?![a-z])/i;
const NUMBER_OR_TIME = /\d|[一二两三四五六七八九十半]|(?<![a-z])(?:one|two|three|four|five|six|seven|ten|next|end of|week|month|tomorrow|today|january|february|march|april|may|june|july|august|september|october|november|december)(?![a-z])/i;
const YES_OR_NO_FIRST = /^\s*(?:亲[，,]?\s*)?(?:是的|对的|可以|不可以|不能|能的|有的|没有|支持|不支持|不会|会的|当然|不行|行的|(?:yes|no|nope|yep|sure|of course|unfortunately)(?![a-z]))/i;
/** Characters and words that say nothing of a topic: the ones every question and answer has. */
const FUNCTION_CHARS = /[的了吗呢吧啊呀哦嘛噻哈我你您们他她它是有在不没这那个么什怎能可以会要好一下请问和与或也都就还很太最多少几时候咋啥亲哪]/gu;
const FUNCTION_WORDS = new Set('the and are you your yours for with can could will would does did have has how what when where which who why this that there here any our ours not yes just about from they them their its it is was were been get got pls please thanks thank hi hello also still want need like much many some more'.split(' '));
const wordsOf = (text: string): Set<string> => new Set((text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !FUNCTION_WORDS.has(w)).map((w) => w.replace(/(?:ing|ed|es|s)$/, '')));
/**
 * Whether the reply shares a word of the question's topic (a character of it, in Chinese, or a concept of the robot's
 * lexicon: "send it back" and "returns"), or opens with a yes or a no: a reply to another question
 * waiting ("公司要买50份礼盒 有没有批发价" was paired with the answer on pregnancy: a Chengdu shop, fortieth session) says none.
 */
export function sharesTopic(question: string, answer: string): boolean {
  const [q, a] = [foldTraditional(question), foldTraditional(answer)];
  // A yes or a no first answers the question asked ("是的，我们的纸箱和填充物都可回收" of eco-friendly packaging); a number or a time
  // answers how long, how much or when ("多少天能到新加坡" → "一般3-5个工作日送达": found in review).
  if (YES_OR_NO_FIRST.test(a) || (HOW_MUCH_OR_WHEN.test(q) && NUMBER_OR_TIME.test(a))) return true;
  const han = new Set(q.replace(FUNCTION_CHARS, '').match(/\p{Script=Han}/gu) ?? []);
  if ([...han].some((c) => a.includes(c))) return true;
  const words = wordsOf(a);
  if ([...wordsOf(q)].some((w) => words.has(w))) return true;
  const concepts = conceptsOf(a);
  return [...conceptsOf(q)].some((c) => concepts.has(c));
}
const notFound = () => new KefuError('NOT_FOUND', 'no such FAQ suggestion');

interface Row {
  id: string;
  kind: SuggestionKind;
  question: string;
  answer: string;
  faq_entry_id: string | null;
  confidence: number;
  conversation_id: string;
  status: SuggestionStatus;
  created_at: Date | string;
}

const toSuggestion = (r: Row): FaqSuggestion => ({
  id: r.id,
  kind: r.kind,
  question: r.question,
  answer: r.answer,
  faqEntryId: r.faq_entry_id,
  confidence: Number(r.confidence),
  conversationId: r.conversation_id,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
});

export class FaqSuggestionService {
  readonly #sql: SqlStore;
  readonly #faq: FaqLookupPort;
  readonly #log: Logger;
  readonly #maxFaq: number;
  readonly #couldNotAnswer: ((robotReply: string) => boolean) | undefined;

  constructor(opts: FaqSuggestionOptions) {
    this.#sql = opts.sql;
    this.#faq = opts.faq;
    this.#log = opts.log;
    this.#maxFaq = opts.maxFaqPerShop ?? 5000;
    this.#couldNotAnswer = opts.couldNotAnswer;
    if (opts.events) this.subscribe(opts.events);
  }

  /** Listens for agents' replies; returns the removal. */
  subscribe(events: ConversationEventBus): () => void {
    return events.on('messageStored', 'faq-suggestions', (e) => {
      if (e.senderRole !== 'agent' || e.message.content.kind !== 'text') return;
      return this.fromAgentReply(e).then(() => undefined);
    });
  }

  /** Records a suggestion for the buyer question this agent reply answers, if there is one; returns it. */
  async fromAgentReply(e: ConversationEvents['messageStored']): Promise<FaqSuggestion | null> {
    const content = e.message.content;
    if (content.kind !== 'text') return null;
    const answer = content.text.trim();
    if (!answer || answer.length > MAX_ANSWER || isHolding(answer)) return null;
    const q = await this.#questionBefore(e.shopId, e.conversationId, Number(e.message.seq));
    if (!q || personalAnswer(answer, q.buyerName) || !sharesTopic(q.text, answer)) return null;
    const found = await this.#faq.lookup(e.shopId, q.text);
    if (found.band === 'answer') return null;
    const near = found.band === 'clarify' ? found.candidates[0] : undefined;
    const rows = await sql<Row>`
      insert into faq_suggestions (id, shop_id, conversation_id, question_seq, question, answer, kind, faq_entry_id, confidence)
      values (${randomUUID()}, ${e.shopId}, ${e.conversationId}, ${q.seq}, ${q.text}, ${answer}, ${near ? 'alternate' : 'entry'}, ${near?.entry.id ?? null}, ${near?.confidence ?? 0})
      on conflict (shop_id, conversation_id, question_seq) do nothing
      returning id, kind, question, answer, faq_entry_id, confidence, conversation_id, status, created_at`.execute(this.#sql.db);
    const row = rows.rows[0];
    if (row) this.#log.info({ shopId: e.shopId, conversationId: e.conversationId, kind: row.kind }, 'faq suggestion recorded');
    return row ? toSuggestion(row) : null;
  }

  /**
   * What the agent's reply at `seq` answers, walking back over the conversation's last messages:
   * the latest buyer text that the robot replied to without a card (a card is the buyer's own
   * order, parcel or refund, answered from their data: never FAQ material) and that is a question
   * rather than chatter ("转人工", "在吗", "thanks"). None when an agent already answered after it
   * (this reply is a later one); an agent's greeting or "let me check" does not count as an answer.
   */
  async #questionBefore(shopId: string, conversationId: string, seq: number): Promise<{ seq: number; text: string; buyerName: string | null } | null> {
    const r = await sql<{ seq: string | number; sender_role: string; content: { text?: unknown; card?: unknown }; buyer_name: string | null }>`
      select m.seq, m.sender_role, m.content, c.buyer_name from messages m join conversations c on c.id = m.conversation_id
      where m.conversation_id = ${conversationId} and m.shop_id = ${shopId} and m.seq < ${seq} and m.content->>'kind' = 'text'
      order by m.seq desc limit ${LOOK_BACK}`.execute(this.#sql.db);
    const rows = r.rows.map((x) => ({ seq: Number(x.seq), role: x.sender_role, text: typeof x.content.text === 'string' ? x.content.text.trim() : '', card: x.content.card !== undefined }));
    const unanswered = (m: { text: string; card: boolean }) => !m.card && (this.#couldNotAnswer ? this.#couldNotAnswer(m.text) : true);
    let botReplied = false;
    let missed = true;
    let questions = 0;
    const found: { seq: number; text: string }[] = [];
    for (const m of rows) {
      if (m.role === 'agent' && !isHolding(m.text)) break;
      // Every robot reply to the question said it could not answer (a card, or an answer, and it did).
      if (m.role === 'bot') [botReplied, missed] = [true, missed && unanswered(m)];
      if (m.role !== 'customer') continue;
      // A message nobody answered, waiting in the queue, may be what the reply is to ("and how long to get there", then a swallowed
      // battery told in the queue, paired with the agent's "take her to the ER": a Houston shop, forty-third session): a guess.
      if (!botReplied && found.length === 0 && !CHATTER.test(m.text)) return null;
      if (botReplied && missed && isQuestion(m.text)) found.push({ seq: m.seq, text: m.text });
      [botReplied, missed] = [false, true];
      if (++questions >= RECENT_QUESTIONS) break;
    }
    // Two questions waiting and one reply: which it answers is a guess (found from outside: a store's hours paired with
    // the reply to a refund asked before, a thirty-eighth-session shop). None is suggested rather than a wrong pair.
    return found.length === 1 ? { ...found[0]!, buyerName: r.rows[0]?.buyer_name ?? null } : null;
  }

  /** Open suggestions of the shop, newest first. */
  async list(shopId: string): Promise<FaqSuggestion[]> {
    assertShopId(shopId);
    const r = await sql<Row>`
      select id, kind, question, answer, faq_entry_id, confidence, conversation_id, status, created_at from faq_suggestions
      where shop_id = ${shopId} and status = 'open' order by created_at desc, id limit ${MAX_LIST}`.execute(this.#sql.db);
    return r.rows.map(toSuggestion);
  }

  /**
   * Adds the suggestion to the FAQ (a new entry, or an alternate of its entry) and marks it
   * accepted, in one transaction that also bumps the shop's knowledge version.
   */
  async accept(shopId: string, id: string, actor: string): Promise<{ suggestion: FaqSuggestion; entry: FaqEntry }> {
    assertShopId(shopId);
    if (!plausibleId(id)) throw notFound();
    return this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      const s = await this.#openForUpdate(tx, shopId, id);
      const entry = s.kind === 'alternate' ? await this.#addAlternate(tx, shopId, s) : await this.#addEntry(tx, shopId, s);
      const suggestion = await this.#decide(tx, shopId, id, 'accepted', actor);
      return { suggestion, entry };
    });
  }

  async dismiss(shopId: string, id: string, actor: string): Promise<FaqSuggestion> {
    assertShopId(shopId);
    if (!plausibleId(id)) throw notFound();
    return this.#sql.transaction(async (tx) => {
      await this.#openForUpdate(tx, shopId, id);
      return this.#decide(tx, shopId, id, 'dismissed', actor);
    });
  }

  async #openForUpdate(tx: Tx, shopId: string, id: string): Promise<FaqSuggestion> {
    const r = await sql<Row>`
      select id, kind, question, answer, faq_entry_id, confidence, conversation_id, status, created_at from faq_suggestions
      where shop_id = ${shopId} and id = ${id} for update`.execute(tx);
    const row = r.rows[0];
    if (!row) throw notFound();
    if (row.status !== 'open') throw new KefuError('CONFLICT', `the suggestion was already ${row.status}`);
    return toSuggestion(row);
  }

  async #addAlternate(tx: Tx, shopId: string, s: FaqSuggestion): Promise<FaqEntry> {
    const entry = s.faqEntryId ? await findFaqEntry(tx, shopId, s.faqEntryId) : undefined;
    if (!entry) throw new KefuError('NOT_FOUND', 'the FAQ entry this suggestion belongs to was deleted');
    const v = parseFaqInput({ question: entry.question, answer: entry.answer, alternates: [...entry.alternates, s.question] });
    return (await updateFaqEntry(tx, shopId, entry.id, v))!;
  }

  async #addEntry(tx: Tx, shopId: string, s: FaqSuggestion): Promise<FaqEntry> {
    if ((await countFaqEntries(tx, shopId)) >= this.#maxFaq) throw new KefuError('CONFLICT', `the shop already has ${this.#maxFaq} FAQ entries`);
    // Two agents answered the same question (or an entry was added since): a second entry with the
    // same question would leave the robot choosing between two answers.
    // Compared as a buyer reads them: "你们支持花呗分期吗" and "你们支持花呗分期吗?" are one question
    // (found from outside), and so is an entry's alternate phrasing.
    const same = await entryAsking(tx, shopId, [s.question]);
    if (same) throw new KefuError('CONFLICT', `${askedAlready(same)}: edit that entry, or dismiss this suggestion`, { faqEntryId: same.id });
    return insertFaqEntry(tx, shopId, parseFaqInput({ question: s.question, answer: s.answer }));
  }

  async #decide(tx: Tx, shopId: string, id: string, status: SuggestionStatus, actor: string): Promise<FaqSuggestion> {
    const r = await sql<Row>`
      update faq_suggestions set status = ${status}, decided_by = ${actor}, decided_at = now()
      where shop_id = ${shopId} and id = ${id}
      returning id, kind, question, answer, faq_entry_id, confidence, conversation_id, status, created_at`.execute(tx);
    return toSuggestion(r.rows[0]!);
  }
}

/**
 * The shop's entry (other than `exceptId`) one of whose phrasings is among `phrasings`, compared as a buyer
 * reads them: two entries asking one question leave the robot choosing between two answers.
 */
export async function entryAsking(tx: Tx, shopId: string, phrasings: readonly string[], exceptId?: string): Promise<{ id: string; phrasing: string; question: string; stored: string } | undefined> {
  const keys = new Map(phrasings.map((p) => [questionKey(p), p] as const).filter(([k]) => k));
  if (keys.size === 0) return undefined;
  const entries = await tx.selectFrom('faq_entries').select(['id', 'question', 'alternates']).where('shop_id', '=', shopId).execute();
  for (const e of entries) {
    if (e.id === exceptId) continue;
    // The entry's own spelling of it: the error shows the owner what is stored, not their text back (found from outside).
    const stored = [e.question, ...((e.alternates as string[] | null) ?? [])].find((p) => keys.has(questionKey(p)));
    if (stored !== undefined) return { id: e.id, phrasing: keys.get(questionKey(stored))!, question: e.question, stored };
  }
  return undefined;
}

/** The 409's words for a phrasing another entry asks: that entry's question, and an alternate's stored spelling. */
export function askedAlready(same: { id: string; phrasing: string; question: string; stored: string }): string {
  const where = same.stored === same.question ? 'as its question' : `as an alternate ("${same.stored}")`;
  return `"${same.phrasing}" is already asked by the FAQ entry "${same.question}" (${same.id}), ${where}`;
}

/** A question as a reader compares it: width, case, spaces and punctuation aside. */
export function questionKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
