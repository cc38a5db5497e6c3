/**
 * Connects the robot to conversations: it subscribes to the conversation events, and a buyer's
 * message stored while the robot owns the conversation (state `bot`) is answered through the
 * bounded work queue. The conversation service never calls the robot. Robot work is the first
 * to be shed under load (the queue refuses it when half full), so human messages keep flowing
 * during a peak.
 *
 * Never silent: when a turn is shed, the buyer gets one short notice that a person will answer,
 * and when the robot fails (a lookup bug, a missing key) an apology; either way the conversation
 * is handed over (`queued`), and `kefu_robot_failures_total{reason}` counts it. Complaints join
 * the queue ahead of other hand-overs.
 *
 * Two shedding rules, both counted in `kefu_robot_shed_total{scope}`: `node` when the work queue
 * refuses robot work (the whole node is busy), `shop` when one shop's robot turns on this node
 * pass KEFU_SHOP_BACKLOG_SHED (src/ops/shop-shed.ts): only that shop's buyers are told a person
 * will answer, while its human messages and every other shop's robot keep going.
 *
 * Answers for one conversation run one at a time, in message order, because each turn reads the
 * dialogue state the previous turn wrote. The state lives in the Cache for a day after it last
 * changed; losing it only makes the robot forget which order was being discussed.
 */
import type { Logger } from 'pino';
import type { Cache } from '../storage/ports.ts';
import { keys } from '../storage/keys.ts';
import type { Counter } from 'prom-client';
import { QUEUE_PRIORITY } from '../protocol/conversation.ts';
import type { Card, Content } from '../protocol/frames.ts';
import type { WorkQueue } from '../ops/work-queue.ts';
import type { ShopShedPolicy } from '../ops/shop-shed.ts';
import { KefuError } from '../protocol/errors.ts';
import { retryLater } from '../ops/retry-later.ts';
import { KeyedChain } from '../ops/keyed-chain.ts';
import { inHant, inScriptOf, TAIWAN_ZONE } from './traditional.ts';
import { SYSTEM_SENDER, type ConversationEventBus, type ConversationEvents, type ConversationService } from '../conversation/index.ts';
import { chineseScript, detectLanguage, scriptByCharacters, standInsOnly, withdrawsHandover } from './nlu/index.ts';
import { foldTraditional } from './lexicon/index.ts';
import { adviceKind, dangerEscalates, dangerGoesOn, queuePriorityOf, safetyOf, safetyText, worsened, type SafetyKind } from './safety.ts';
import { localEmergencyNumbers } from './emergency-numbers.ts';
import { TEXTS } from './replies.ts';
import { asksDisposal, asksPostOrBin, awaitsAnswer, missesForgotten, parseState } from './dialogue.ts';

export interface RobotLike {
  /** `state` may be a promise: the robot awaits it after understanding the text; `langHint`: the text's `content.lang`. */
  answer(req: { shopId: string; userId: string; conversationId: string; text: string; state?: unknown; langHint?: 'zh' | 'en'; faqOnly?: boolean; restOfTakeBack?: boolean }): Promise<{
    replies: ReadonlyArray<{ text: string; card?: unknown }>;
    state: unknown;
    handover?: { reason: string };
    timings: { totalMs: number };
    /** Every reply is one of the shop's FAQ entries answered with confidence. */
    fromFaq?: true;
    /** What the robot made of the text, and its language (a queued complaint moves up; replies in the buyer's language). */
    intent?: string;
    lang?: 'zh' | 'en';
  }>;
}
type RobotLikeAnswer = Awaited<ReturnType<RobotLike['answer']>>;

const STATE_TTL_MS = 24 * 3600 * 1000;
/** The longest thanks or goodbye left unanswered in the queue ("唔該晒", "ok cya", "thx!"). */
const SHORT_COURTESY = 8;
/** A thanks or goodbye short enough to ask nothing kept: eight characters, or three English words ("thanks love", "cheers mate": a Sydney shop). */
// Emoji and spaces aside, and in Chinese up to twelve characters that neither ask nor complain ("好的谢谢亲 辛苦啦🌹": a Shenzhen shop,
// thirty-eighth session, told it was kept).
const shortCourtesy = (text: string): boolean => {
  const t = text.trim();
  const bare = t.replace(/[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '');
  if ([...t].length <= SHORT_COURTESY || (/^[\x20-\x7e]+$/.test(t) && t.split(/\s+/).length <= 3 && t.length <= 20)) return true;
  return /^\p{Script=Han}+$/u.test(bare) && [...bare].length <= 12 && !/[吗么呢没还怎为不]/.test(bare);
};
/** Conversations whose state a lone node keeps (about 150 bytes each); the oldest written is dropped first. */
const MAX_KEPT_STATES = 20_000;
export const BOT_SENDER = { role: 'bot' as const, id: 'kefu-bot', name: '智能客服' };
/** The robot's name in the language it answers in: an English shop's buyers saw "智能客服" beside every reply (a Dublin shop, forty-fifth session). */
const BOT_SENDERS = { zh: BOT_SENDER, en: { ...BOT_SENDER, name: 'Shop assistant' } } as const;
const botIn = (lang: 'zh' | 'en') => BOT_SENDERS[lang];
/** How long a message stored as `queued` during a hand-over's withdrawal is still answered after it lands. */
const WITHDRAW_GRACE_MS = 5000;
/**
 * A queued buyer is told their message is kept at most this often (`#notAnsweredInQueue`). Ten minutes left a buyer typing
 * on in silence ("我要给差评", "要不要带去医院", "取消订单咋整 急": found from outside, fourteen turns of one shop unanswered).
 */
export const QUEUED_KEPT_EVERY_MS = 3 * 60 * 1000;
/**
 * Between two of those, a message this long after the last word said is told in short that it is noted too
 * (`queuedNoted`): a second question a minute later got nothing (found from outside, thirty-sixth session). A burst
 * of messages in a row is still told once.
 */
export const QUEUED_NOTED_AFTER_MS = 30_000;
const KEPT_TOLD_MAX = 20_000;
const BUSY = '当前咨询人数较多，人工客服将尽快回复您。We are busy right now; a person will answer you shortly.';
const APOLOGY = '抱歉，智能客服暂时无法回答，已为您转接人工客服。Sorry, I cannot answer right now; a person will take over.';
// The robot cannot see pictures, and a buyer's picture is mostly one a person must look at (a
// damaged parcel, a payment screen): it hands over rather than staying silent.
const PICTURE = '智能客服暂时看不了图片，已为您转接人工客服查看。I cannot view pictures yet; a person will look at it.';

type Stored = ConversationEvents['messageStored'];
/** A stored message as a turn: `restOfTakeBack`, what followed the words that took a hand-over back (`#withdraw`). */
type Turn = Stored & { readonly restOfTakeBack?: true };
/**
 * What another module did with a buyer's message: true, taken (the robot says nothing); false, not; `{ rest }`, taken, with a
 * question of the buyer's left in it for the robot ("1分 根本没人理我 钱到底退没退": the rating stored, the refund asked answered);
 * `{ handOver }`, a person's to answer, with this notice (an answer to an agent's question asked just before a close).
 */
export type Taken = boolean | { readonly rest: string } | { readonly handOver: string };
/** A buyer's text message as another module may take it (`takenElsewhere`). */
export interface TakenMessage {
  readonly shopId: string;
  readonly buyerId: string;
  readonly conversationId: string;
  readonly seq: number;
  readonly text: string;
}

let nextTurn: Promise<void> | undefined;
/**
 * Resolves in the next turn of the event loop, once for every caller of this turn. A buyer's
 * message is stored by a batch that settles many appends at once (a sale, 200 buyers connecting
 * together); started from the event, each robot turn's CPU (the NLU, building the reply) ran
 * between one ack and the next, so the last buyer of the batch waited for every robot turn
 * before theirs just to hear "stored". Robot work is the first to be shed anyway: it now starts
 * after this turn's acks have been written (their sockets uncork in this turn's check phase,
 * before this promise resolves in the next one) and its own reads and writes still batch together.
 */
function afterThisTurn(): Promise<void> {
  nextTurn ??= new Promise<void>((resolve) =>
    setImmediate(() => {
      nextTurn = undefined;
      setImmediate(resolve);
    }),
  );
  return nextTurn;
}

/** Danger advice told in a conversation, kept on this node to answer what follows it in the queue; bounded. */
const SAFETY_TOLD_MAX = 10_000;
/** A message that only goes on about the danger just told is told the advice again at most this often, unless it asks. */
const SAFETY_AGAIN_MS = 10_000;
/**
 * Whether the robot answers a queued buyer from the FAQ: nobody online to take it (true or 'nobody': answered, and told it
 * is kept), every agent online busy ('busy': a confident FAQ answer only; a Chengdu shop's buyer behind a full agent heard
 * nothing, forty-second session), or not (false: an agent will answer soon).
 */
export type QueuedAnswering = boolean | 'nobody' | 'busy';
/** The advice's last sentence, which promises a person: said while one holds the conversation, it is left out. */
const CONNECTING = /\s*(?:I'm connecting you to an agent first in line(?: now)?\.|正在为您优先转接人工客服(?:，请稍候)?。)$/;
/** The robot's caution on a question of dose or of who may take it, in either language and script. */
const HEALTH_ADVICE: ReadonlySet<string> = new Set([foldTraditional(TEXTS.zh.healthAdvice), foldTraditional(TEXTS.en.healthAdvice)]);
// Cantonese too ("會唔會爆㗎 屋企有細路" five seconds on: a Hong Kong phone shop, forty-ninth session, told not to send it again).
const DANGER_ASKED = /[?？]|会不会|会唔会|要不要|使唔使|点算|系咪|怎么办|咋整|咋办|能不能|吗|㗎|(?<![a-z])(?:what (?:do|should) i do|should i|is it|will it|can i)(?![a-z])/i;
/** Worse now, said without a question ("they have iron in them i think. shes a little sleepy": a US vitamins shop, forty-first session, a "did you mean"). */
const DANGER_WORSE = /越来越|加重|没精神|叫不醒|睡过去|肿|喘|呼吸|害怕|发烧|软了|没力气|脱水|着火|起火|烧起来|爆炸|炸了|抽搐|(?<![a-z])(?:on fire|flames?|explod\w*|seiz\w*|not breathing|fever|limp|dehydrat\w*|sleepy|drowsy|worse|(?:won'?t|will not) wake|not waking|breath\w*|swell\w*|swollen|turning blue|faint\w*|passed out|floppy|scared)(?![a-z])/i;

/** A no and nothing else: an answer to the robot's last question, not "never mind, cancel the transfer" or "不用转人工了" (found in review). */
const PLAIN_NO = /^(?:no|nope|nah|no thanks|not that|neither|none|不用|不是|不要|没有|都不是|不对)[\s.!。！~]*$/i;

/**
 * A notice in the script the buyer writes: their text's, else the conversation's stored state's ("不用了" tells none; found
 * from outside: a Taiwanese buyer's take-back was said in simplified characters). Simplified when neither tells.
 */
function inBuyersScript(notice: string, text: string, stored: unknown, taiwan: boolean): string {
  if (scriptByCharacters(text) !== undefined) return inScriptOf(notice, text, taiwan);
  // Cantonese words tell traditional only where the conversation told no script ("有冇人呀" in simplified characters).
  const state = parseState(stored);
  if (state.hant || state.hans) return state.hant ? inHant(notice, taiwan) : notice;
  return inScriptOf(notice, text, taiwan);
}

/** The cached dialogue state; never throws (the promise is created before the robot may fail, so it must not reject). */
function parseStored(raw: string | null): unknown {
  try {
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** The device language a text carries (`content.lang`), if any. */
const langHintOf = (c: Content): 'zh' | 'en' | undefined => (c.kind === 'text' && 'lang' in c ? c.lang : undefined);

/** The shop's own backlog is past KEFU_SHOP_BACKLOG_SHED (the node itself may be idle). */
class ShopShed extends KefuError {
  constructor() {
    super('UNAVAILABLE', "shop's robot backlog too long");
  }
}

export class BotResponder {
  readonly #robot: RobotLike;
  readonly #conversations: ConversationService;
  readonly #cache: Cache;
  readonly #work: WorkQueue;
  readonly #log: Logger;
  readonly #turns = new KeyedChain();
  readonly #handedOver = new Set<string>();
  /** Conversations whose hand-over failed and is being retried in the background (retry-later.ts). */
  readonly #retrying = new Set<string>();
  /** Hand-overs being taken back, by conversation: true once back with the robot. */
  readonly #withdrawing = new Map<string, Promise<boolean>>();
  readonly #failures: Counter<'reason'> | undefined;
  readonly #aloneSince: (() => number | undefined) | undefined;
  /** The dialogue state this node last wrote per conversation, and when: read instead of the cache while the node has been alone since. */
  readonly #states = new Map<string, { raw: string; at: number }>();
  readonly #shopShed: ShopShedPolicy | undefined;
  readonly #shed: Counter<'scope'> | undefined;
  readonly #mayAnswerQueued: ((shopId: string, text: string) => Promise<QueuedAnswering>) | undefined;
  readonly #queueMoved: ((shopId: string) => void) | undefined;
  readonly #shopZone: ((shopId: string) => string | null | undefined) | undefined;
  readonly #takenElsewhere: ((m: TakenMessage) => Promise<Taken>) | undefined;
  /** When each queued conversation was last told its message is kept (`#notAnsweredInQueue`). */
  /** Per queued conversation: when it was last told its messages are kept, and when anything was last said of it. */
  readonly #keptTold = new Map<string, { kept: number; said: number }>();
  readonly #safetyTold = new Map<string, { kind: SafetyKind; at: number }>();

  constructor(deps: {
    robot: RobotLike;
    conversations: ConversationService;
    cache: Cache;
    work: WorkQueue;
    log: Logger;
    failures?: Counter<'reason'>;
    shopShed?: ShopShedPolicy;
    shed?: Counter<'scope'>;
    /** Since when no other node can have answered a conversation (the hub's `aloneSince`); undefined: unknown, always read the cache. */
    aloneSince?: () => number | undefined;
    /**
     * Whether a buyer's message in the queue may get the shop's FAQ answer meanwhile (routing's
     * rule: nobody who can serve is online, and routing does not answer it itself); absent, never.
     */
    mayAnswerQueued?: (shopId: string, text: string) => Promise<QueuedAnswering>;
    /**
     * Whether another module answered this buyer's message itself (the desk: a score typed after
     * the rating request); the robot then says nothing. Absent, or false, or a failure: the robot answers.
     */
    takenElsewhere?: (m: TakenMessage) => Promise<Taken>;
    /** A queued conversation moved up (an emergency): routing tells the shop's queue its places again. */
    queueMoved?: (shopId: string) => void;
    /** The shop's time zone as known without waiting: a shop in Taiwan's notices are in Taiwan's words. */
    shopZone?: (shopId: string) => string | null | undefined;
  }) {
    this.#shopZone = deps.shopZone;
    this.#takenElsewhere = deps.takenElsewhere;
    this.#queueMoved = deps.queueMoved;
    this.#aloneSince = deps.aloneSince;
    this.#mayAnswerQueued = deps.mayAnswerQueued;
    this.#failures = deps.failures;
    this.#shopShed = deps.shopShed;
    this.#shed = deps.shed;
    this.#robot = deps.robot;
    this.#conversations = deps.conversations;
    this.#cache = deps.cache;
    this.#work = deps.work;
    this.#log = deps.log;
  }

  /** Resolves when every answer queued so far has been posted (tests, shutdown). */
  idle(): Promise<void> {
    return this.#turns.idle();
  }

  /** Answers buyers' messages from now on; returns the unsubscription. */
  subscribe(events: ConversationEventBus): () => void {
    const offs = [
      events.on('messageStored', 'robot', (e) => {
        if (e.senderRole !== 'customer') return;
        if (e.state === 'bot') this.#enqueue(e);
        else if (e.state === 'queued') this.#whileQueued(e);
        else if (e.state === 'assigned') this.#whileAssigned(e);
      }),
      // A conversation that left the robot on this node (a hand-over, an agent taking it over, a
      // close): turns still running or waiting for it post nothing more (found in review).
      events.on('stateChanged', 'robot', (e) => {
        if (e.from === 'bot' && e.to !== 'bot') this.#markHandedOver(e.conversationId);
        // Taken back from the queue, on this node or another: the robot answers again.
        if (e.to === 'bot' && e.from !== 'bot') this.#handedOver.delete(e.conversationId);
      }),
      events.on('conversationClosed', 'robot', (e) => (e.agentId === null ? this.#carryQuestion(e) : undefined)),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Handed to a person on this node, or on the way (a hand-over being retried): the robot says nothing more. */
  #withPerson(conversationId: string): boolean {
    return this.#handedOver.has(conversationId) || this.#retrying.has(conversationId);
  }

  #markHandedOver(conversationId: string): void {
    this.#handedOver.add(conversationId);
    if (this.#handedOver.size > 10_000) this.#handedOver.delete(this.#handedOver.values().next().value!);
  }

  #enqueue(e: Turn): void {
    const content = e.message.content;
    this.#shopShed?.queued(e.shopId);
    // The robot understands what the buyer typed, not the masked copy everyone sees.
    // A platform's "[图片]" in place of a picture is a picture (found from outside: read as the word).
    const text = content.kind === 'text' ? (e.typedText ?? content.text) : undefined;
    const next = this.#chain(e.conversationId, () => (text !== undefined && standInsOnly(text) !== 'picture' ? this.#turn(e, text) : this.#picture(e)));
    void next.finally(() => this.#shopShed?.finished(e.shopId));
  }

  /** Runs `work` after everything already queued for the conversation on this node, in order. */
  #chain<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.#turns.run(id, work, afterThisTurn);
  }

  /**
   * A buyer's message while queued: one that takes the hand-over back starts the move; one stored
   * while such a move is under way ("算了不用了", then "我的快递到哪了") is answered once it lands
   * (found in review: it was stored as `queued` and then nobody answered it).
   */
  #whileQueued(e: Stored): void {
    const content = e.message.content;
    const text = content.kind === 'text' ? (e.typedText ?? content.text) : undefined;
    const rest = text === undefined ? undefined : withdrawsHandover(text);
    // A danger or an emergency is told what to do now, whoever is online: the person may come later (found in review). Not
    // in a take-back ("已经不冒烟了 不用人工了": found in review): the robot answers what follows it.
    const danger = text === undefined || rest !== undefined ? undefined : this.#dangerIn(e.conversationId, text);
    if (danger) return void this.#chain(e.conversationId, () => this.#safetyFirst(e, text!, danger));
    // A plain no while the robot's own "did you mean …?" waits declines it; the buyer keeps the place (found in review).
    if (rest === '' && PLAIN_NO.test(text!.trim())) return void this.#chain(e.conversationId, () => this.#noInQueue(e, text!));
    if (rest !== undefined) return this.#withdraw(e, text!, rest);
    const moving = this.#withdrawing.get(e.conversationId);
    if (moving) void moving.then((moved) => moved && this.#enqueue({ ...e, state: 'bot' }));
    else if (text !== undefined && this.#mayAnswerQueued) void this.#chain(e.conversationId, () => this.#queuedTurn(e, text));
  }

  #inTaiwan(shopId: string): boolean {
    return this.#shopZone?.(shopId) === TAIWAN_ZONE;
  }

  /** A notice in the script the buyer writes, in Taiwan's words for a shop in Taiwan (found in review: "您的消息已經記下" in its queue). */
  #inScript(notice: string, text: string, shopId: string, state?: unknown): string {
    // A text that tells no script ("早晨", "ok") is told in the conversation's (found from outside: simplified to a Cantonese buyer).
    return inBuyersScript(notice, text, state, this.#inTaiwan(shopId));
  }

  /**
   * The danger a queued message reports, or one told before in this conversation that it goes on about
   * ("会不会炸啊 家里有小孩" after a swollen battery), the latter not again within SAFETY_AGAIN_MS.
   */
  #dangerIn(id: string, text: string): SafetyKind | undefined {
    const fresh = safetyOf(text);
    const told = this.#safetyTold.get(id);
    // Asked or worse in traditional characters too ("可以先觀察嗎" after a swallowed battery: a Taipei shop, forty-eighth session, kept).
    const folded = foldTraditional(text.toLowerCase());
    const asked = DANGER_ASKED.test(folded);
    const worse = DANGER_WORSE.test(folded) || (told !== undefined && dangerEscalates(text, told.kind));
    // The same danger told again in a burst is kept like what goes on about it ("电池还在冒味" seconds on, read by the learned reading).
    const again = fresh !== undefined && told?.kind === fresh && Date.now() - told.at < SAFETY_AGAIN_MS && !asked && !worse;
    if (fresh) return again ? undefined : fresh;
    // Nothing told in this conversation: no reading of what would go on about it (most queued messages).
    if (!told) return undefined;
    // Asked outright ("会不会炸啊 家里还有猫" two seconds on: a Hangzhou shop, thirty-eighth session, told it was kept), told again at once.
    // How to get rid of goods that swelled or smoked is asked of that danger too ("can I throw it in the bin?": a Manchester shop, forty-third session).
    // Asked at once, it is answered at once: the shop's returns entry would tell them to post it (a Dublin shop, fifty-first session).
    const disposal = told.kind === 'device' && asksDisposal(text);
    const about = dangerGoesOn(text, told.kind) || disposal;
    return about && (Date.now() - told.at >= SAFETY_AGAIN_MS || asked || worse || (disposal && asksPostOrBin(text))) ? worsened(told.kind, text) : undefined;
  }

  /**
   * A danger first told while an agent holds the conversation: what to do now, at once, and the agent answers after (found from
   * outside, a Hangzhou toy shop, forty-second session: "电池发烫 还有点鼓包 会不会爆炸啊 娃在旁边" waited 70 s for the agent). Fresh reports
   * only, once per kind (a kind told in the queue already is not told again): what goes on about it is the agent's to answer. No
   * "connecting you": one is there.
   */
  #whileAssigned(e: Stored): void {
    const content = e.message.content;
    const text = content.kind === 'text' ? (e.typedText ?? content.text) : undefined;
    const kind = text === undefined ? undefined : safetyOf(text);
    if (!kind) return;
    // Once per kind in the conversation, told in the queue or here: the agent answers what goes on about it (found in review).
    if (this.#safetyTold.get(e.conversationId)?.kind === kind) return;
    this.#markSafety(e.conversationId, kind);
    const said = this.#advice(e, text!, kind, true);
    void this.#chain(e.conversationId, () =>
      this.#conversations.postAs(e.conversationId, botIn(detectLanguage(text!).lang), { kind: 'text', text: said }, { state: 'assigned' }).catch((err: unknown) => {
        this.#log.warn({ err: (err as Error).message, conversationId: e.conversationId }, 'could not tell a buyer with an agent what to do in a danger');
      }),
    );
  }

  /** The advice on a danger in the buyer's language and script, with the shop's emergency numbers; with an agent there, no "connecting you". */
  #advice(e: Stored, text: string, kind: SafetyKind, withAgent = false): string {
    const advice = safetyText(TEXTS[detectLanguage(text).lang], kind, text);
    return this.#inScript(localEmergencyNumbers(withAgent ? advice.replace(CONNECTING, '') : advice, this.#shopZone?.(e.shopId), chineseScript(text)), text, e.shopId);
  }

  #markSafety(id: string, kind: SafetyKind): void {
    if (this.#safetyTold.size >= SAFETY_TOLD_MAX) this.#safetyTold.clear();
    this.#safetyTold.set(id, { kind, at: Date.now() });
  }

  /** What to do now, and the conversation moved up the queue as a complaint's would be (found in review). */
  async #safetyFirst(e: Stored, text: string, kind: SafetyKind): Promise<void> {
    this.#markSafety(e.conversationId, kind);
    const said = this.#advice(e, text, kind);
    const told = this.#conversations.postAs(e.conversationId, botIn(detectLanguage(text).lang), { kind: 'text', text: said }, { state: 'queued' });
    // The buyers behind it hear their places again, and the buyer theirs (found in review: stale until another queue event).
    const raised = this.#conversations.raiseQueuePriority(e.conversationId, QUEUE_PRIORITY[queuePriorityOf(kind)]).then((moved) => {
      if (moved) this.#queueMoved?.(e.shopId);
    });
    for (const [what, p] of [['tell a queued buyer what to do in a danger', told], ['move a danger up the queue', raised]] as const) {
      await p.catch((err: unknown) => this.#log.warn({ err: (err as Error).message, conversationId: e.conversationId }, `could not ${what}`));
    }
  }

  /**
   * A question asked while waiting in the queue with nobody online to take it: the shop's FAQ
   * answers it when it answers with confidence, and the buyer stays in the queue (found from
   * outside: handed over after two misses with nobody online, questions the shop's FAQ answers
   * waited for a person who was not there). Anything else waits for the person, as before.
   */
  async #queuedTurn(e: Stored, text: string): Promise<void> {
    const id = e.conversationId;
    try {
      // A shop shedding its robot turns sheds these first: the buyer is waiting for a person anyway.
      const may = this.#shopShed?.shedding(e.shopId) ? false : await this.#mayAnswerQueued!(e.shopId, text);
      if (!may) return;
      await this.#work.run('robot', async () => {
        const langHint = langHintOf(e.message.content);
        const state = this.#readState(id).read.then(parseStored);
        const a = await this.#robot.answer({ shopId: e.shopId, userId: e.buyerId, conversationId: id, text, state, faqOnly: true, ...(langHint ? { langHint } : {}) });
        // Agents online and all busy: the shop's confident answer only; the rest waits for them, told nothing of anyone being offline.
        if (!a.fromFaq || a.replies.length === 0) return void (may === 'busy' ? undefined : await this.#notAnsweredInQueue(e, text, a));
        for (const r of a.replies) if (!(await this.#conversations.postAs(id, botIn(a.lang ?? detectLanguage(text).lang), { kind: 'text', text: r.text }, { state: 'queued' }))) return;
        await this.#writeState(id, JSON.stringify(a.state));
      });
    } catch (err) {
      // Not answered by the robot: the buyer's message waits for a person, as every queued one does.
      this.#log.debug({ err: (err as Error).message, conversationId: id }, 'no FAQ answer while queued');
    }
  }

  /**
   * A queued message the FAQ does not answer, with nobody online: a complaint moves the buyer up
   * the queue and is told so; anything else is told it is kept for the person, at most once every
   * QUEUED_KEPT_EVERY_MS per conversation (found from outside, three shops: a buyer could not tell
   * waiting from being ignored), and in short in between (QUEUED_NOTED_AFTER_MS). Best effort: the
   * message itself is stored whatever happens here.
   */
  async #notAnsweredInQueue(e: Stored, text: string, a: RobotLikeAnswer): Promise<void> {
    const id = e.conversationId;
    const lang = a.lang ?? detectLanguage(text).lang;
    const t = TEXTS[lang];
    const bot = botIn(lang);
    // Told it moved up only when it did: a second complaint, already ahead, is kept like any message (found in review).
    if (a.intent === 'complaint' && (await this.#conversations.raiseQueuePriority(id, QUEUE_PRIORITY.complaint))) {
      this.#queueMoved?.(e.shopId);
      await this.#conversations.postAs(id, bot, { kind: 'text', text: this.#inScript(t.queuedComplaint, text, e.shopId, a.state) }, { state: 'queued' });
      return;
    }
    // A question of dose or of who may take it ("is the prenatal safe for the baby?", "他在吃 warfarin 可以一起吃鱼油吗"): the caution
    // the robot gives outside the queue, every time, not "your message is saved" or nothing within the notice's interval (a Los
    // Angeles supplements shop, thirty-ninth session).
    if (a.replies.some((r) => HEALTH_ADVICE.has(foldTraditional(r.text)))) {
      await this.#conversations.postAs(id, bot, { kind: 'text', text: this.#inScript(t.queuedHealthAdvice, text, e.shopId, a.state) }, { state: 'queued' });
      return;
    }
    // Thanks or a goodbye while waiting ("唔該晒", "ok cya") asks nothing to be kept (found from outside, three shops).
    // Only a short one: "thanks for nothing, 40 mins and still no one" is no thanks (found in review).
    if (a.intent === 'bye' && shortCourtesy(text)) return;
    const now = Date.now();
    const told = this.#keptTold.get(id);
    const kept = !told || now - told.kept >= QUEUED_KEPT_EVERY_MS;
    if (!kept && now - told.said < QUEUED_NOTED_AFTER_MS) return;
    if (this.#keptTold.size >= KEPT_TOLD_MAX) this.#keptTold.clear();
    const said = this.#inScript(kept ? t.queuedKept : t.queuedNoted, text, e.shopId, a.state);
    // Noted once posted: a failed post is tried again on the next message, not ten minutes later (found in review).
    if (await this.#conversations.postAs(id, bot, { kind: 'text', text: said }, { state: 'queued' })) this.#keptTold.set(id, { kept: kept ? now : told!.kept, said: now });
  }

  /**
   * A buyer waiting in the queue who takes the hand-over back ("算了不用了，我的快递到哪了"): back to
   * the robot, which says so and answers the rest of the message (found from outside: with nobody
   * online, a buyer who changed their mind got silence). An agent who accepted first keeps it.
   */
  #withdraw(e: Stored, text: string, rest: string): void {
    const id = e.conversationId;
    const next = this.#chain(id, async () => {
      const moved = await this.#conversations.setState(id, { state: 'bot' }, { from: ['queued'] }).catch((err: unknown) => {
        this.#log.warn({ err: (err as Error).message, conversationId: id }, 'taking a hand-over back failed; the buyer stays in the queue');
        return undefined;
      });
      if (!moved) return false;
      this.#handedOver.delete(id);
      this.#safetyTold.delete(id);
      // Read once: the script of the notice and the count of misses started again both come from it.
      const stored = await this.#readState(id).read.then(parseStored).catch(() => undefined);
      const lang = detectLanguage(text).lang;
      await this.#say(id, botIn(lang), { kind: 'text', text: inBuyersScript(TEXTS[lang].handoverWithdrawn, text, stored, this.#inTaiwan(e.shopId)) }).catch(() => false);
      await this.#missesForgotten(id, stored);
      if (rest) this.#enqueue({ ...e, state: 'bot', typedText: rest, restOfTakeBack: true });
      return true;
    });
    this.#withdrawing.set(id, next);
    // Kept a little after it lands: a message stored as `queued` just before the move committed may be heard after it.
    void next.finally(() => setTimeout(() => this.#withdrawing.get(id) === next && this.#withdrawing.delete(id), WITHDRAW_GRACE_MS).unref());
  }

  /**
   * The robot's count of misses starts again once the buyer takes a hand-over back: a rest it did
   * not understand queued the buyer again in the same turn ("tak payah, i dont need agent": found
   * from outside). Best effort: a failed read or write keeps the count.
   */
  async #missesForgotten(id: string, stored: unknown): Promise<void> {
    const state = missesForgotten(stored);
    if (state) await this.#writeState(id, JSON.stringify(state)).catch(() => {});
  }

  /** A plain no: with FAQ questions the robot offered waiting for a pick, it declines them (the state read once); else it takes the hand-over back. */
  async #noInQueue(e: Stored, text: string): Promise<void> {
    const state = (await this.#readState(e.conversationId).read.then(parseStored).catch(() => undefined)) as { faqOptions?: unknown } | undefined;
    const offered = state?.faqOptions;
    if (!Array.isArray(offered) || offered.length === 0) return this.#withdraw(e, text, '');
    await this.#writeState(e.conversationId, JSON.stringify({ ...state, faqOptions: undefined })).catch(() => {});
  }

  /** One turn, never silent: shed or failed, the buyer is told and a person takes over. */
  async #turn(conv: Turn, text: string): Promise<void> {
    if (this.#withPerson(conv.conversationId)) return;
    const started = performance.now();
    const taken = this.#takenElsewhere ? await this.#takenElsewhere({ shopId: conv.shopId, buyerId: conv.buyerId, conversationId: conv.conversationId, seq: conv.message.seq, text }).catch(() => false) : false;
    if (taken === true) return;
    if (typeof taken === 'object' && 'handOver' in taken) return this.#handOver(conv.conversationId, taken.handOver);
    const asked = taken === false ? text : taken.rest;
    try {
      if (this.#shopShed?.shedding(conv.shopId)) throw new ShopShed();
      await this.#work.run('robot', () => this.#answer(conv, asked));
      this.#log.debug({ conversationId: conv.conversationId, ms: Math.round(performance.now() - started) }, 'robot turn answered');
    } catch (e) {
      const shed = (e as { code?: string }).code === 'UNAVAILABLE';
      this.#failures?.inc({ reason: shed ? 'shed' : 'error' });
      if (shed) this.#shed?.inc({ scope: e instanceof ShopShed ? 'shop' : 'node' });
      if (!shed) this.#log.warn({ err: (e as Error).message, conversationId: conv.conversationId }, 'robot answer failed; handing over');
      else this.#log.debug({ conversationId: conv.conversationId, scope: e instanceof ShopShed ? 'shop' : 'node' }, 'robot turn shed; handing over');
      await this.#handOver(conv.conversationId, shed ? BUSY : APOLOGY);
    }
  }

  /** Anything but text (a picture): a person takes over, in its turn after the texts before it. */
  async #picture(conv: Stored): Promise<void> {
    if (this.#withPerson(conv.conversationId)) return;
    await this.#handOver(conv.conversationId, PICTURE);
  }

  async #answer(conv: Turn, text: string): Promise<void> {
    const id = conv.conversationId;
    // The read goes out now and the robot awaits it only after understanding the text: the
    // round trip overlaps the NLU's CPU instead of coming before it.
    // A new conversation has no state of its own yet; its first message may answer what the robot asked in the buyer's last one,
    // closed meanwhile: that state is read instead (the same one round trip).
    const first = conv.message.seq === 1;
    const { own, read } = first ? { own: undefined, read: Promise.resolve(null) } : this.#readState(id);
    const state = (first ? this.#carried(conv.shopId, conv.buyerId) : read).then(parseStored);
    const langHint = langHintOf(conv.message.content);
    const a = await this.#robot.answer({ shopId: conv.shopId, userId: conv.buyerId, conversationId: id, text, state, ...(langHint ? { langHint } : {}), ...(conv.restOfTakeBack ? { restOfTakeBack: true } : {}) });
    const raw = await read;
    // Saved while the replies are stored; the next turn on this node waits behind this one
    // (the per-conversation chain), so it reads the state only after it is written. An
    // unchanged state is not written again (most turns of a chat about one order).
    const next = JSON.stringify(a.state);
    // Kept on the node only once the cache holds the same (or it was read from there unchanged): a
    // failed write is written again next turn, never hidden by the node's copy (found in review).
    if (next === raw && own === undefined) this.#keepState(id, next);
    const saved = next === raw ? undefined : this.#writeState(id, next);
    for (const r of a.replies) {
      if (this.#handedOver.has(id)) break;
      if (!(await this.#say(id, botIn(a.lang ?? detectLanguage(text).lang), { kind: 'text', text: r.text, ...(r.card ? { card: r.card as Card } : {}) }))) break;
    }
    // A danger told on the way to a person: what the buyer says of it in the queue is told the advice again.
    const danger = a.handover?.reason === 'complaint' ? (a.replies.map((r) => adviceKind(r.text)).find((k) => k !== undefined) ?? safetyOf(text)) : undefined;
    if (a.handover && !this.#handedOver.has(id)) await this.#queue(id, QUEUE_PRIORITY[danger ? queuePriorityOf(danger) : a.handover.reason === 'complaint' ? 'complaint' : 'normal']);
    if (danger) this.#markSafety(id, danger);
    await saved;
  }

  /**
   * The state this node wrote, when no other node can have written one since (a lone node: the
   * usual deployment); the cache's round trip is saved. Undefined: read the cache.
   */
  #ownState(id: string): string | undefined {
    const since = this.#aloneSince?.();
    const own = since === undefined ? undefined : this.#states.get(id);
    // Not past the cache's own expiry either: a day-old dialogue starts afresh, as from the cache.
    return own && own.at >= since! && Date.now() - own.at < STATE_TTL_MS ? own.raw : undefined;
  }

  /**
   * A conversation of the robot's (or the queue's) closed while the robot waited for an answer (which order? did you mean…? a
   * person?): its state is kept for the buyer's next conversation with the shop, whose first message may be that answer. A buyer
   * back after the idle close answering "the second one" started a fresh dialogue, not understood (left by the forty-fourth
   * session, mended in the forty-seventh). Best effort: without it the next conversation starts afresh, as before.
   */
  async #carryQuestion(e: { shopId: string; buyerId: string; conversationId: string }): Promise<void> {
    const raw = await this.#readState(e.conversationId).read;
    if (!awaitsAnswer(parseState(parseStored(raw)))) return;
    await this.#cache.set(keys.botCarry(e.shopId, e.buyerId), raw!, STATE_TTL_MS).catch((err: unknown) => {
      this.#log.warn({ err: (err as Error).message, conversationId: e.conversationId }, "the robot's open question could not be kept for the buyer's next conversation");
    });
  }

  /** The state carried from the buyer's last conversation, spent by this read; null when none (or the cache fails). */
  async #carried(shopId: string, buyerId: string): Promise<string | null> {
    const key = keys.botCarry(shopId, buyerId);
    const raw = await this.#cache.get(key).catch(() => null);
    if (!raw) return null;
    await this.#cache.set(key, '', 1).catch(() => {});
    return raw;
  }

  /** This node's copy of the dialogue state when it can be trusted, else the cache's; a missing or unreadable state is a fresh dialogue. */
  #readState(id: string): { own: string | undefined; read: Promise<string | null> } {
    const own = this.#ownState(id);
    return { own, read: own !== undefined ? Promise.resolve(own) : this.#cache.get(keys.botState(id)).catch(() => null) };
  }

  /** Writes the state to the cache, and keeps it on the node only once the cache holds it. */
  #writeState(id: string, next: string): Promise<void> {
    return this.#cache.set(keys.botState(id), next, STATE_TTL_MS).then(
      () => this.#keepState(id, next),
      () => {
        this.#states.delete(id);
      },
    );
  }

  /** Forgets every kept state: a buyer's data was erased (the cache's copies are dropped by the erasure). */
  forgetStates(): void {
    this.#states.clear();
  }

  #keepState(id: string, raw: string): void {
    if (!this.#aloneSince) return;
    this.#states.delete(id);
    this.#states.set(id, { raw, at: Date.now() });
    if (this.#states.size > MAX_KEPT_STATES) this.#states.delete(this.#states.keys().next().value!);
  }

  /**
   * The notice, then the queue. Failing (the database is what failed the turn, often), it is
   * tried again in the background until it succeeds: a buyer must not be left with an ack and
   * nothing else. The notice is not repeated once it is stored; the robot stays quiet meanwhile.
   */
  async #handOver(conversationId: string, notice: string): Promise<void> {
    let told = false;
    const attempt = async () => {
      // Taken over (or closed) meanwhile: a person has it, nothing to tell or move.
      if (this.#handedOver.has(conversationId)) return;
      if (!told && !(await this.#say(conversationId, SYSTEM_SENDER, { kind: 'text', text: notice }))) return;
      told = true;
      await this.#queue(conversationId, QUEUE_PRIORITY.normal);
    };
    try {
      await attempt();
    } catch (err) {
      this.#log.warn({ err: (err as Error).message, conversationId }, 'hand-over after a failed robot turn failed; retried in the background');
      this.#retrying.add(conversationId);
      retryLater(attempt, { log: this.#log, what: 'hand-over', context: { conversationId }, onOutcome: () => this.#retrying.delete(conversationId) });
    }
  }

  /**
   * Posts while the conversation is still the robot's, in the append itself: a take-over or a
   * close on another node reaches this one only through the bus, after a turn in flight here
   * could have spoken. False (and quiet from now on) when it is not the robot's any more.
   */
  async #say(conversationId: string, sender: typeof BOT_SENDER | typeof SYSTEM_SENDER, content: Content): Promise<boolean> {
    if (await this.#conversations.postAs(conversationId, sender, content, { state: 'bot' })) return true;
    this.#markHandedOver(conversationId);
    return false;
  }

  async #queue(conversationId: string, priority: number): Promise<void> {
    await this.#conversations.setState(conversationId, { state: 'queued', priority }, { from: ['bot'] });
    // Turns already waiting behind this one on this node must not answer a queued conversation.
    this.#markHandedOver(conversationId);
  }
}
