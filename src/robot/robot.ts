/**
 * The robot service: one buyer message in, the bot's replies out.
 *
 *   understand (CPU) → plan the lookups → run them in parallel, each bounded by the budget →
 *   dialogue step (CPU) → replies, next state, maybe a handover.
 *
 * Lookups only happen when the intent needs them (a greeting touches nothing). Each lookup gets
 * its own AbortSignal, which fires after `budgetMs`: the one deadline of that lookup, which the
 * data source honours instead of arming a timer of its own. One that is slow or fails is reported
 * as unavailable and the answer says what could not be checked, instead of the whole answer
 * waiting or failing. Logistics for orders already known from the conversation are fetched
 * alongside the order list; for the others they follow as soon as the list arrives, so the worst
 * case is two budgets.
 *
 * The optional LLM is consulted only when the engine did not understand the message, under the
 * same budget, and only to pick an intent; on any failure the engine's own answer stands.
 */
import type { Aftersale, BuyerDataSource, Logistics, Order } from '../commerce/types.ts';
import { KefuError } from '../protocol/errors.ts';
import { MAX_PRINCIPAL_ID_CHARS } from '../protocol/conversation.ts';
import { asksAboutData, awaitsAnswer, logisticsTargets, OTHER_LANGUAGE_ASKS, parseState, plan, POLICY_INTENTS, sameId, SHOP_QUESTIONS, step, type ShopQuestion, type DialogueState, type Lookup, type Plan, type TurnData, type TurnInput } from './dialogue.ts';
import type { FaqHit, FaqLookup } from './faq-index.ts';
import type { FaqProvider, TopicQuery } from './faq-provider.ts';
import type { LlmClient } from './llm.ts';
import { cancelReasonIn } from './replies.ts';
import { inTraditional, TAIWAN_ZONE } from './traditional.ts';
import { foldTraditional } from './lexicon/index.ts';
import { createNlu, DEFAULT_TZ_OFFSET_MINUTES, MAX_UTTERANCE, type Nlu } from './nlu/understand.ts';
import type { NluThread } from './nlu/thread.ts';
import { scriptByCharacters } from './nlu/normalize.ts';
import { isTimeZone, zoneOffsetMinutes } from './time-zone.ts';
import { localEmergencyNumbers } from './emergency-numbers.ts';
import type { Handover, Intent, Lang, LookupName, Reply, Understanding } from './types.ts';

export interface RobotOptions {
  readonly dataSource: BuyerDataSource;
  readonly faq: FaqProvider;
  /** Time allowed to each lookup, in milliseconds; default 300. */
  readonly budgetMs?: number;
  readonly llm?: LlmClient;
  readonly clock?: () => Date;
  /** Strategy version reported with every answer (the canary routes between versions). */
  readonly version?: string;
  readonly nlu?: Nlu;
  /** Understands texts this robot's NLU has not seen on another thread while the event loop is busy (nlu/thread.ts). */
  readonly nluThread?: NluThread;
  /** The shop's calendar for "昨天" and for times in replies; minutes east of UTC, default 480. */
  readonly tzOffsetMinutes?: number;
  /**
   * The shops' time zone (IANA), read at each answer, so a daylight-saving change needs no restart;
   * instead of `tzOffsetMinutes`. A shop's own zone (`FaqProvider.timeZone`) comes before both.
   */
  readonly timeZone?: string;
}

export interface AnswerRequest {
  readonly shopId: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly text: string;
  /**
   * The state returned with the previous answer of this conversation; absent for the first
   * message. May be a promise of it (the responder's cache read): it is awaited only after the
   * message is understood, so the read's round trip overlaps the NLU's CPU (issue #16).
   */
  readonly state?: unknown;
  /** The language the buyer's device shows, when its client says (`content.lang`): used only for a message that tells none. */
  readonly langHint?: Lang;
  /** Answer from the shop's FAQ only, never from the buyer's orders (a buyer waiting in the queue). */
  readonly faqOnly?: boolean;
  /** The text is what followed the words that took a hand-over back ("算了 我自己再看看"): asking nothing, it is let be; asking and not understood, no miss is counted. */
  readonly restOfTakeBack?: boolean;
}

export interface AnswerTimings {
  /** Synchronous CPU parts: understanding, planning and the dialogue step. */
  readonly cpuMs: number;
  /** Wall time spent waiting for lookups (and the LLM, if consulted). */
  readonly lookupMs: number;
  readonly totalMs: number;
}

export interface RobotAnswer {
  readonly replies: Reply[];
  readonly state: DialogueState;
  readonly handover?: Handover;
  readonly version: string;
  readonly intent: Intent;
  readonly lang: Lang;
  /** Lookups that failed or ran out of time. */
  readonly unavailable: readonly LookupName[];
  readonly timings: AnswerTimings;
  /** Every reply is one of the shop's FAQ entries, answered with confidence (no order data, no question back, no hand-over). */
  readonly fromFaq?: true;
}

export interface Robot {
  readonly version: string;
  answer(req: AnswerRequest): Promise<RobotAnswer>;
}

export const DEFAULT_BUDGET_MS = 300;
// The ids of the token (protocol/conversation.ts); a conversation id is kefu's own and shorter.
const MAX_ID = MAX_PRINCIPAL_ID_CHARS;

export function createRobot(opts: RobotOptions): Robot {
  if (!opts || typeof opts.dataSource?.listOrders !== 'function' || typeof opts.faq?.search !== 'function') {
    throw new KefuError('BAD_REQUEST', 'createRobot needs a dataSource and a faq provider');
  }
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  if (!Number.isFinite(budgetMs) || budgetMs <= 0 || budgetMs > 60_000) throw new KefuError('BAD_REQUEST', 'budgetMs must be between 1 and 60000');
  const version = opts.version ?? 'v1';
  const nlu = opts.nlu ?? createNlu(opts.tzOffsetMinutes !== undefined ? { tzOffsetMinutes: opts.tzOffsetMinutes } : {});
  const clock = opts.clock ?? (() => new Date());
  // The thread's NLU is the default one (each text goes with its shop's calendar): not for a robot with an NLU of its own.
  const thread = opts.nlu ? undefined : opts.nluThread;
  const sources: Sources = { ds: opts.dataSource, faq: opts.faq, budgetMs, topicOf: (text) => nlu.understand(text).intent };

  const ctx: RobotCtx = { opts, nlu, thread, clock, budgetMs, version, sources, languageMisses: new Map(), scriptMisses: new Map(), zoneMisses: new Map() };
  return {
    version,
    async answer(req) {
      validate(req);
      const told = await answerParts(ctx, req);
      const zone = opts.faq.timeZoneNow?.(req.shopId);
      // The safety advice with the shop's own emergency number, where the zone the shop set tells the country (not the
      // operator's KEFU_TIME_ZONE: its default, Shanghai's, would give every shop abroad China's numbers).
      // Only an answer that carries one is copied: most carry none (a hot path, issue #16).
      const script = told.state.hant ? 'hant' : undefined;
      const local = zone && told.replies.some((r) => localEmergencyNumbers(r.text, zone, script) !== r.text);
      const answered = local ? { ...told, replies: told.replies.map((r) => ({ ...r, text: localEmergencyNumbers(r.text, zone, script) })) } : told;
      // A shop in Taiwan's time zone is answered in Taiwan's words as well as its characters.
      return answered.state.hant && answered.lang === 'zh' ? { ...answered, replies: inTraditional(answered.replies, zone === TAIWAN_ZONE) } : answered;
    },
  };
}

interface RobotCtx {
  readonly opts: RobotOptions;
  readonly nlu: Nlu;
  readonly thread: NluThread | undefined;
  readonly clock: () => Date;
  readonly budgetMs: number;
  readonly version: string;
  readonly sources: Sources;
  /** Shops whose FAQ's language could not be read, until when (`withShopLanguage`). */
  readonly languageMisses: Map<string, number>;
  readonly scriptMisses: Map<string, number>;
  /** Shops whose time zone could not be read, until when (`calendarOf`). */
  readonly zoneMisses: Map<string, number>;
}

/**
 * A message, or a part of one, answered whole, then as two questions when it holds two; the second
 * part is read the same way, so three questions in one message get three answers (found from
 * outside: "快递到哪了？退款到账没？能开发票吗？" lost the invoice).
 */
async function answerParts(ctx: RobotCtx, req: AnswerRequest, lang?: Lang): Promise<RobotAnswer> {
  const whole = await answerOne(ctx, req, lang);
  // Each part is looked up again: only when this answer's lookups were quick, so that slow data
  // never makes a reply wait three budgets (found in review: 907 ms against 303).
  const quick = whole.timings.lookupMs <= ctx.budgetMs / SPLIT_LOOKUP_SHARE;
  const parts = quick && splitWorthTrying(whole) ? twoQuestions(req.text, (text) => ctx.nlu.understand(text, ctx.clock()).intent) : undefined;
  if (!parts) return whole;
  // The first part read once, for both readings below (found in review: a fourth answer of the same text).
  const first = await answerOne(ctx, { ...req, text: parts[0] }, whole.lang);
  return (await bothQuestions(ctx, req, parts[1], first, whole)) ?? firstOverOffer(first, whole) ?? whole;
}

/**
 * The whole message only offered the shop's questions ("did you mean …?") or was not understood, while its first question is one of the buyer's own data
 * with a direct answer ("morning, pram being delivered today? what time roughly, got to do nursery drop off at 9": a UK shop,
 * forty-fifth session, offered the delivery-time entries): that answer.
 */
function firstOverOffer(first: RobotAnswer, whole: RobotAnswer): RobotAnswer | undefined {
  if (whole.intent !== 'faq' || !(whole.state.faqOptions || whole.state.failures > 0) || whole.handover) return undefined;
  return DATA_PARTS.has(first.intent) && !first.handover && !awaitsAnswer(first.state) ? { ...first, lang: whole.lang, timings: sumTimings(whole, first) } : undefined;
}

/** One question: understood, planned, looked up, answered; `lang` holds the reply to the whole message's language. */
async function answerOne(ctx: RobotCtx, req: AnswerRequest, lang?: Lang): Promise<RobotAnswer> {
  const { opts, nlu, thread, clock, budgetMs, version, sources } = ctx;
  const started = performance.now();
  const now = clock();
  const { tz, zone } = await calendarOf(ctx, req.shopId, now);
  const elsewhere = understoodElsewhere(thread, nlu, req.text, now, tz);
  const away = elsewhere ? await elsewhere : undefined;
  let t = performance.now();
  let input = turnInput(req, now, nlu, tz, away);
  if (lang) input = { ...input, understanding: { ...input.understanding!, lang, langDetected: true, langStrong: true } };
  let cpu = performance.now() - t;
  const state = parseState(req.state instanceof Promise ? await (req.state as Promise<unknown>).catch(() => undefined) : req.state);
  // A first message that tells no language, or English words in a Chinese sentence, is answered in the shop's; so is one
  // the NLU could not tell ("4 x", "ok": an English shop's buyer rating an agent was answered in Chinese, found from outside).
  if (!lang && !input.langHint && !state.lang && (tellsNoLanguage(input.text) || englishInChinese(input) || untold(input))) input = await withShopLanguage(ctx, input);
  // Only a Chinese text can be written in either script: an English one costs no lookup. One that tells no
  // language (a bare tracking number) is answered in the shop's script too (found from outside: simplified in a Taiwanese shop),
  // as is a first Chinese message after English ones ("早安" after "never mind, I will wait": found from outside).
  if (state.lang !== 'zh' && ctx.sources.faq.script && (HAN.test(input.text) ? scriptByCharacters(input.text) === undefined : tellsNoLanguage(input.text))) input = await withShopScript(ctx, input);
  input = await withOwnOrderCodes(sources, input);
  t = performance.now();
  let p = plan(state, input);
  cpu += performance.now() - t;

  const waitStart = performance.now();
  // A guess the engine took (one that only reads) is checked with the LLM too; it stands when the LLM does not know.
  if ((p.notUnderstood || p.guessed) && opts.llm) {
    const llm = await replanWithLlm(opts.llm, budgetMs, state, input, p);
    if (llm) {
      input = llm.input;
      p = llm.plan;
      cpu += llm.cpuMs;
    }
  }
  const found = await runLookups(sources, input, p);
  const lookupMs = performance.now() - waitStart;

  t = performance.now();
  const data = turnData(p, found);
  // How many entries the shop wrote, when no lookup told it: a shop with its own FAQ is told none of the built-in procedures.
  const entries = data.faqEntries ?? sources.faq.entriesNow?.(input.shopId);
  const result = step(state, input, entries !== undefined && data.faqEntries === undefined ? { ...data, faqEntries: entries } : data);
  cpu += performance.now() - t;
  return {
    replies: zone ? inZone(result.replies, zone) : result.replies,
    state: result.state,
    ...(result.handover ? { handover: result.handover } : {}),
    // The shop's own questions offered ("did you mean …?") wait for a pick the FAQ answers too; a question about the buyer's data does not.
    ...(result.faqOnly && !asksAboutData(result.state) ? { fromFaq: true as const } : {}),
    version,
    intent: result.intent,
    lang: result.lang,
    unavailable: result.unavailable,
    timings: { cpuMs: round(cpu), lookupMs: round(lookupMs), totalMs: round(performance.now() - started) },
  };
}

/**
 * A product code's shape that is one of the buyer's own order ids ("not the tent, the sleeping bag one. SO-10288"): that
 * order's id. The buyer's orders are read first, only for a text holding such a code (found from outside, a Sydney shop:
 * the warranty offered instead of the order). A queued buyer's FAQ-only turn reads no orders.
 */
async function withOwnOrderCodes(src: Sources, input: TurnInput): Promise<TurnInput> {
  const u = input.understanding!;
  if (input.faqOnly || !u.entities.some((e) => e.type === 'sku')) return input;
  const got = await lookupWithinBudget((s) => src.ds.listOrders(input.shopId, input.userId, s).then(arrayOf<Order>), Math.min(src.budgetMs, BEST_EFFORT_BUDGET_MS));
  if (!got.ok) return input;
  const own = (code: string) => got.value.find((o) => sameId(o.orderId, code))?.orderId;
  if (!u.entities.some((e) => e.type === 'sku' && own(e.value))) return input;
  const entities = u.entities.map((e) => (e.type === 'sku' && own(e.value) ? { type: 'orderId' as const, value: own(e.value)! } : e));
  return { ...input, understanding: { ...u, entities } };
}

/** Intents a part of a message may have to be answered on its own: questions the robot answers, not a complaint or a request for a person. */
const ANSWERABLE: ReadonlySet<Intent> = new Set<Intent>(['track_parcel', 'order_status', 'delivery_estimate', 'aftersale_progress', 'cancel_order', 'change_address', 'return_policy', 'invoice', 'coupon', 'faq']);
/** A second part that is a bare "X呢" ("快递呢", "运费呢"). */
const BARE_NE = /^[^，,；;?？\s]{1,8}呢[?？]?\s*$/;
/** Questions about the buyer's own orders and requests. */
const DATA_PARTS: ReadonlySet<Intent> = new Set<Intent>(['track_parcel', 'order_status', 'delivery_estimate', 'aftersale_progress', 'cancel_order', 'change_address']);
/** One answer about an order covers these together ("快递到哪了？什么时候到？"). */
const PARCEL: ReadonlySet<Intent> = new Set<Intent>(['track_parcel', 'order_status', 'delivery_estimate']);
/** Where a second question starts: after a question mark, or at 另外 / 还有 / 顺便 / "and can …" / "also" / ", did …". */
const SECOND_QUESTION = /(?<=[\s?？。!！,，;；:：])\s*(?=[2-9][.)、．）]\s*[^\d\s])|[?？]\s*(?=\S)|[，,；;。.!！\s]+(?=另外|还有|顺便|再问|以及)|[，,；;\s]\s*(?=[^，,；;?？\s]{1,8}呢[?？]?\s*$)|\s+(?=and (?:can|could|will|when|where|how|what|is|do|does|also)\b)|[,;]\s*(?=also\b|btw\b|plus\b|what about\b|how about\b)|(?<bare>,\s*)(?=(?:(?:did|does|has|have|can|could|will|is|are)\s+(?:my|i|you|u|we)|do\s+(?:you|u)|(?:when|where|how)\s+(?:is|are|was|will|does|do|did|can|could|should)|(?:where'?s|where is)|wheres)\s)/gi;
const CONNECTOR = /^[\s,，；;。.!！?？]*(?:另外|还有|顺便(?:问(?:一)?下)?|再问(?:一)?下|以及|and also|and|also|btw|plus)[\s,，:：]*/i;
/**
 * "1. 多久发货 2. 包邮吗 3. 能开发票吗", "1) how long … 2) can I …": a numbered list of questions, each
 * answered (found from outside: one "did you mean" for all). A list has two markers in a row, n then
 * n+1; "do you have size 8. how long…" has none (found in review). A part keeps its marker while
 * more of the list follows it, so the rest is split again.
 */
const LIST_MARKER = /(?:^|[\s:：,，?？。!！;；])([1-9])[.)、．）]\s*(?=[^\d\s])/g;
function numberedList(text: string): boolean {
  const marks = [...text.matchAll(LIST_MARKER)].map((m) => Number(m[1]));
  return marks.some((n, i) => i > 0 && n === marks[i - 1]! + 1);
}
const LEAD_MARKER = /^(?:[^]{0,40}?[\s:：,，])?[1-9][.)、．）]\s*/;
const OWN_MARKER = /^\s*[1-9][.)、．）]\s*/;
/** The whole answer's lookups may take at most this share of the budget for its parts to be answered too. */
const SPLIT_LOOKUP_SHARE = 4;
/** A part that asks: it ends asking, or opens with a question word. */
const ASKS = /[?？吗呢么嘛]\s*$|^(?:how|what|when|where|which|why|can|could|will|would|is|are|do|does|did)\b|^(?:怎么|怎样|如何|什么|多少|几|能不能|能否|可以|可不可以|是否|哪|有没有|会不会|要不要|请问)/i;
/** A question anywhere in a part: a mark, a question word. */
const ASKING = /[?？吗]|[呢么嘛](?=[\s，,。.!！?？]|$)|哪|什么|怎么|怎样|如何|多少|几[天时号个点次]|多久|能不能|能否|可不可以|可以吗|是不是|有没有|会不会|要不要|(?<![a-z])(?:how|what|when|where|which|why|can|could|will|would|is|are|do|does|did)(?![a-z])/i;
/** Longer messages are stories with a question in them, not two questions; a numbered list may be longer. */
const MAX_TWO_QUESTIONS = 120;
const MAX_NUMBERED_QUESTIONS = 400;

/**
 * Two questions with different intents that each can be answered, split where the second starts;
 * undefined for one question, or two about the same parcel (which one answer covers).
 */
export function twoQuestions(text: string, intentOf: (text: string) => Intent): [string, string] | undefined {
  const numbered = numberedList(text);
  if (text.length > (numbered ? MAX_NUMBERED_QUESTIONS : MAX_TWO_QUESTIONS)) return undefined;
  // Read in simplified characters ("另外能開發票嗎" asks as "另外能开发票吗" does: found in a check of
  // npm start); the folding keeps every character's place, so the parts are cut from the text itself.
  const folded = foldTraditional(text);
  for (const m of folded.matchAll(SECOND_QUESTION)) {
    const afterMark = m[0].startsWith('?') || m[0].startsWith('？');
    const cut = m.index + (afterMark ? 1 : 0);
    const rest = folded.slice(m.index + m[0].length);
    const connector = rest.length - rest.replace(CONNECTOR, '').length;
    const from = m.index + m[0].length + connector;
    // A number that opens a part is a list's only in a numbered list ("do you have size 8. how long…" is none: found in review).
    if (!numbered && m[0].trim() === '' && /^\d/.test(folded.slice(m.index + m[0].length))) continue;
    const [a, tail] = [numbered ? text.slice(0, cut).trim().replace(LEAD_MARKER, '') : text.slice(0, cut).trim(), text.slice(from).trim()];
    const b = numberedList(tail) ? tail : tail.replace(OWN_MARKER, '');
    if (a.length < 2 || b.length < 2) continue;
    // Both must ask: "refund status? nothing in my account yet", "订单显示cancelled了？我没取消啊" say
    // more about one question, "先夸一下包装，另外…能开发票吗" praises before one (found in review).
    // After a mark, "还有"/"另外" announce a second question that need not end asking ("能开发票吗？还有我的
    // 快递到哪了": found from outside, the invoice was dropped).
    const [fa, fb] = [folded.slice(0, cut).trim(), folded.slice(from).trim()].map((x) => x.replace(/\b(where|what|how)s\b/gi, "$1's")) as [string, string];
    if (!ASKING.test(fa) || !ASKING.test(fb) || (afterMark && !ASKS.test(fb) && connector === 0)) continue;
    // After a bare comma both must open asking ("where's my parcel, did my refund go through"), not a story before its question.
    if (m.groups?.bare && !ASKS.test(fa.replace(/^(?:hi|hello|hey|hiya|ok|okay|so)\b[,!.\s]*/i, ''))) continue;
    const ia = intentOf(a);
    const ib = intentOf(b);
    // "怎么退货 运费呢" asks on about the first (its return postage): a part split at a bare space is a second question only about the buyer's data ("退款到哪了 快递呢").
    if (m[0].trim() === '' && BARE_NE.test(fb) && !(DATA_PARTS.has(ia) && DATA_PARTS.has(ib))) continue;
    // Two of the shop's questions ("包邮吗？从哪里发货？") are two, when each finds its own entry (bothQuestions).
    if ((ia !== ib || ia === 'faq') && ANSWERABLE.has(ia) && ANSWERABLE.has(ib) && !(PARCEL.has(ia) && PARCEL.has(ib))) return [a, b];
  }
  return undefined;
}

/**
 * The whole message was answered (no question back about an order, no hand-over) as a question
 * the robot answers: only then can two answers do better. A complaint or a request for a person is taken as
 * the whole message says it (a review found splitting lost them).
 */
// ("Did you mean …?" of the FAQ is the whole message being unclear, which two parts may not be.)
// "Which order?" may be split too: the other part can be answered before it (beforeQuestion); and
// "not sure, a person?" about the whole, which each part may be clear about ("where is my parcel,
// and do you gift wrap?" answered neither: found from outside).
const splitWorthTrying = (whole: RobotAnswer) =>
  !whole.handover && ANSWERABLE.has(whole.intent) && (!asksAboutData(whole.state) || Boolean(whole.state.pending) || (whole.intent === 'faq' && !whole.state.confirm));

/**
 * Both questions answered in order, the second on the first's state, in the whole message's
 * language. When the first asks which order, that question alone; undefined (the whole message's
 * answer stands) when a part hands over or is not understood, or the first asks "did you mean …?".
 */
async function bothQuestions(ctx: RobotCtx, req: AnswerRequest, b: string, first: RobotAnswer, whole: RobotAnswer): Promise<RobotAnswer | undefined> {
  if (first.handover || !ANSWERABLE.has(first.intent)) return undefined;
  if (asksAboutData(first.state)) return beforeQuestion(ctx, req, b, first, whole);
  // A question back buries no second answer: the next message answers it. Its own "did you mean …?"
  // goes last, after the second part's answer ("1. 包邮吗 2. 能开发票吗": found from outside, one offer for all).
  if (awaitsAnswer(first.state)) return first.state.faqOptions && !first.state.pending ? secondBeforeOffer(ctx, req, b, first, whole) : undefined;
  const second = await answerParts(ctx, { ...req, text: b, state: first.state }, whole.lang);
  if (second.handover || !ANSWERABLE.has(second.intent)) return undefined;
  if (await offersWhatWasSaid(ctx, req.shopId, first, second)) return first;
  // The same intent twice only as two FAQ answers, each direct and not the same one.
  // Not the same entry twice, once as it is and once framed as the shop's word in another language (found from outside).
  const [said1, said2] = [first.replies[0]?.text ?? '', second.replies[0]?.text ?? ''];
  const twoEntries = first.intent === 'faq' && !awaitsAnswer(second.state) && !said1.includes(said2) && !said2.includes(said1);
  if (second.intent === first.intent && !twoEntries) return undefined;
  return { ...joined(whole, second, [first, second]), intent: first.intent };
}

/** The second part answered, then the first part's "did you mean …?", which the next message answers; undefined when the second asks back too. */
async function secondBeforeOffer(ctx: RobotCtx, req: AnswerRequest, b: string, first: RobotAnswer, whole: RobotAnswer): Promise<RobotAnswer | undefined> {
  const second = await answerParts(ctx, { ...req, text: b }, whole.lang);
  if (second.handover || !ANSWERABLE.has(second.intent) || awaitsAnswer(second.state)) return undefined;
  return joined(whole, first, [second, first]);
}

/**
 * The second part only asks "did you mean X?" of an entry whose answer the first part said already
 * ("清關要多久呀？需要我付關稅嗎": the customs entry, then "did you mean the customs entry?", whose
 * pending "yes?" took "好的，那手錶的保固是多久" next; found from outside).
 */
async function offersWhatWasSaid(ctx: RobotCtx, shopId: string, first: RobotAnswer, second: RobotAnswer): Promise<boolean> {
  const offered = second.state.faqOptions;
  const probe = ctx.sources.faq.probe?.bind(ctx.sources.faq);
  if (offered?.length !== 1 || !probe) return false;
  // Within a deadline like every lookup: a FAQ store that hangs costs this check, never the answer.
  const found = await lookupWithinBudget((signal) => raceAbort(probe(shopId, offered[0]!), signal), Math.min(ctx.budgetMs, BEST_EFFORT_BUDGET_MS));
  const hit = found.ok ? found.value : null;
  const said = first.replies.map((r) => foldTraditional(r.text)).join('\n');
  return Boolean(hit && said.includes(foldTraditional(hit.entry.answer).slice(0, 24)));
}

/** Two parts' answers as one: replies in the order given, the rest (the state that stands) from `base`, in the whole message's language. */
function joined(whole: RobotAnswer, base: RobotAnswer, [a, b]: [RobotAnswer, RobotAnswer]): RobotAnswer {
  const { fromFaq: _, ...rest } = base;
  return {
    ...rest,
    ...(a.fromFaq && b.fromFaq ? { fromFaq: true as const } : {}),
    // The same text twice (both parts found one entry) is said once (found in a check of an outside tester's case).
    replies: [...a.replies, ...b.replies.filter((r) => r.card || !a.replies.some((x) => x.text === r.text))],
    lang: whole.lang,
    unavailable: [...new Set([...a.unavailable, ...b.unavailable])],
    timings: sumTimings(whole, a, b),
  };
}

/**
 * The first question asks back (which order?): the second is answered before it when it needs no
 * question of its own, and the question comes last, for the buyer's next message to answer (found
 * from outside: "快递到哪了，退款呢" with two orders lost the refund). Otherwise the question alone.
 */
async function beforeQuestion(ctx: RobotCtx, req: AnswerRequest, b: string, first: RobotAnswer, whole: RobotAnswer): Promise<RobotAnswer> {
  const alone = { ...first, lang: whole.lang, timings: sumTimings(whole, first) };
  // "Shall I get a person?" after the first answer asks back too ("is my keyboard shipped yet and do
  // you ship to canada" lost the second: found from outside); "did you mean …?" does not take a second.
  const offer = first.state.offeredHuman === true && !first.state.confirm && first.replies.length > 1;
  if (!first.state.pending && !offer) return alone;
  // On the state before the message: the pending choice is the first part's, and stays its.
  const second = await answerParts(ctx, { ...req, text: b }, whole.lang);
  if (second.handover || !ANSWERABLE.has(second.intent) || second.intent === first.intent || awaitsAnswer(second.state)) return alone;
  if (!offer) return joined(whole, first, [second, first]);
  // The first answer, the second, then the offer, which the next message answers; not the cancel
  // reason again when the second said it ("why was it cancelled and when do I get my money back").
  const [said, asked] = [first.replies.slice(0, -1), first.replies.slice(-1)];
  const reason = cancelReasonIn(whole.lang, asked[0]?.text ?? '');
  const again = reason !== undefined && second.replies.some((r) => r.text.includes(reason));
  return { ...joined(whole, first, [first, second]), replies: [...said, ...second.replies, ...(again ? [] : asked)] };
}

function sumTimings(...answers: RobotAnswer[]): AnswerTimings {
  const t = (k: keyof AnswerTimings) => round(answers.reduce((sum, a) => sum + a.timings[k], 0));
  return { cpuMs: t('cpuMs'), lookupMs: t('lookupMs'), totalMs: t('totalMs') };
}

/**
 * The NLU thread's understanding of a text this robot's NLU has not remembered, when the thread
 * takes it (the event loop is busy); undefined: understood here, as always.
 */
function understoodElsewhere(thread: NluThread | undefined, nlu: Nlu, text: string, now: Date, tz: number): Promise<Understanding | undefined> | undefined {
  if (!thread) return undefined;
  const cut = text.slice(0, MAX_UTTERANCE);
  return nlu.remembers?.(cut) ? undefined : thread.understand(cut, now, tz);
}

/**
 * Minutes east of UTC for this answer: the shop's own time zone when it set one, else the robot's
 * (`timeZone` at this moment, or the fixed `tzOffsetMinutes`). The shop's zone is kept with its FAQ
 * index, so it is read from memory but for a shop's first message or a change; that read has the
 * lookup budget, and a store that failed or hung is not asked again for a few seconds (each answer
 * would wait for it).
 */
async function calendarOf(ctx: RobotCtx, shopId: string, now: Date): Promise<{ tz: number; zone?: string }> {
  const { faq } = ctx.sources;
  const robots = ctx.opts.timeZone;
  const robotsTz = robots ? offsetOf(robots, now) : undefined;
  const own = robots && robotsTz !== undefined ? { tz: robotsTz, zone: robots } : { tz: ctx.opts.tzOffsetMinutes ?? DEFAULT_TZ_OFFSET_MINUTES };
  // From memory without a timer or a promise when the shop is loaded (each answer paid for both: bench/robot.ts).
  const known = faq.timeZoneNow?.(shopId);
  const zone = known !== undefined ? known : faq.timeZone ? await bestEffort(ctx.zoneMisses, shopId, () => faq.timeZone!(shopId), ctx.budgetMs, ZONE_MISS_MS) : undefined;
  const tz = zone ? offsetOf(zone, now) : undefined;
  return zone && tz !== undefined ? { tz, zone } : own;
}

/**
 * A read of the shop's knowledge that an answer can do without (its zone, its FAQ's language),
 * within `budgetMs`; a store that failed or hung is not asked again for `missMs` (each answer would
 * wait its deadline: found in review). Undefined when it failed.
 */
async function bestEffort<T>(misses: Map<string, number>, shopId: string, read: () => Promise<T>, budgetMs: number, missMs: number): Promise<T | undefined> {
  const missedUntil = misses.get(shopId);
  if (missedUntil !== undefined && missedUntil > Date.now()) return undefined;
  const found = await lookupWithinBudget((signal) => raceAbort(read(), signal), budgetMs);
  if (found.ok) return found.value;
  if (misses.size >= MISSES_MAX) misses.clear();
  misses.set(shopId, Date.now() + missMs);
  return undefined;
}
const MISSES_MAX = 10_000;

/**
 * A zone's offset, kept for a minute: Intl's reading of it costs more than an answer's other steps.
 * Undefined for a name that is no zone (a setting stored before names were checked).
 */
const OFFSETS = new Map<string, { until: number; tz: number | undefined }>();
function offsetOf(zone: string, now: Date): number | undefined {
  const at = now.getTime();
  const kept = OFFSETS.get(zone);
  if (kept && at < kept.until && at >= kept.until - OFFSET_KEPT_MS) return kept.tz;
  if (OFFSETS.size >= 1000) OFFSETS.clear();
  const tz = isTimeZone(zone) ? zoneOffsetMinutes(zone, now) : undefined;
  OFFSETS.set(zone, { until: at + OFFSET_KEPT_MS, tz });
  return tz;
}
const OFFSET_KEPT_MS = 60_000;

/** The zone the text states times in, on each card: a page showed the card in KEFU_TIME_ZONE beside the shop's own in the text (found in review). */
const inZone = (replies: readonly Reply[], zone: string): Reply[] => replies.map((r) => (r.card ? { ...r, card: { ...r.card, timeZone: zone } } : r));
/** Short: the index load that timed out goes on, and fills the cache the next read finds. */
const ZONE_MISS_MS = 5_000;

/**
 * A message that tells no language ("👋", an order number) with no hint from the device: the shop's
 * FAQ's language as the hint, within the best-effort budget (the conversation's language still comes first).
 */
async function withShopLanguage(ctx: RobotCtx, input: TurnInput): Promise<TurnInput> {
  const faq = ctx.sources.faq;
  if (!faq.language) return input;
  const lang = await bestEffort(ctx.languageMisses, input.shopId, () => faq.language!(input.shopId), Math.min(ctx.budgetMs, BEST_EFFORT_BUDGET_MS), LANGUAGE_MISS_MS);
  return lang ? { ...input, langHint: lang } : input;
}
const LANGUAGE_MISS_MS = 60_000;
const HAN = /\p{Script=Han}/u;

/** The shop's script for a first message that tells none, within the same short budget (a miss is remembered like the language's). */
async function withShopScript(ctx: RobotCtx, input: TurnInput): Promise<TurnInput> {
  const faq = ctx.sources.faq;
  const script = await bestEffort(ctx.scriptMisses, input.shopId, () => faq.script!(input.shopId), Math.min(ctx.budgetMs, BEST_EFFORT_BUDGET_MS), LANGUAGE_MISS_MS);
  return script ? { ...input, scriptHint: script } : input;
}
/** English words in a Chinese sentence ("Hello 我想check下order status"): told English too weakly to go by; a Latin word alone ("hello") is English (found in review). */
const englishInChinese = (input: TurnInput): boolean => input.understanding?.lang === 'en' && input.understanding.langStrong === false && HAN.test(input.text);
/**
 * "ok", "4 x", "5 xx": too short for the NLU to tell, and said in any language (a UK shop's "4 x" was answered in Chinese: forty-fifth
 * session). A Chinese character says Chinese, and a Latin word other than these English ("hi", "ty": found in review).
 */
const ANY_LANGUAGE = /^\s*(?:ok|okay|k|kk|\d+\s*x{0,4}|x{1,4})(?:[\s.!]|\p{Extended_Pictographic}|\u200d|\uFE0F)*$/iu;
const untold = (input: TurnInput): boolean => input.understanding?.langDetected === false && ANY_LANGUAGE.test(input.text);
/** Digits, marks and emoji only, once words holding a digit (order numbers) are set aside: "👋", "MY24120007", "??" (a Latin word is English: found in review). */
const tellsNoLanguage = (text: string): boolean => !/[a-z\p{Script=Han}]/iu.test(text.split(/\s+/).filter((w) => !/\d/.test(w)).join(' '));

/** The turn's input: the message, cut to MAX_UTTERANCE, and what the NLU understood of it (unless the thread did). */
function turnInput(req: AnswerRequest, now: Date, nlu: Nlu, tzOffsetMinutes: number, understood?: Understanding): TurnInput {
  const text = req.text.slice(0, MAX_UTTERANCE);
  return {
    shopId: req.shopId,
    userId: req.userId,
    text,
    now,
    understanding: understood ?? nlu.understand(text, now, tzOffsetMinutes),
    tzOffsetMinutes,
    ...(req.langHint ? { langHint: req.langHint } : {}),
    ...(req.faqOnly ? { faqOnly: true } : {}),
    ...(req.restOfTakeBack ? { restOfTakeBack: true } : {}),
  };
}

/** What the lookups of a turn read, and the budget each of them gets. */
interface Sources {
  readonly ds: BuyerDataSource;
  readonly faq: FaqProvider;
  readonly budgetMs: number;
  /** The intent the NLU gives a text: the topic of a shop's FAQ entry. */
  readonly topicOf: (text: string) => string;
}

/** The results of a turn's lookups; absent ones were not needed. */
interface Found {
  readonly orders: Lookup<Order[]> | undefined;
  readonly aftersales: Lookup<Aftersale[]> | undefined;
  readonly faq: Lookup<FaqLookup> | undefined;
  /** The FAQ's answer is the one found with the goods in focus. */
  readonly faqWithGoods?: true;
  readonly faqMore?: readonly Lookup<FaqLookup>[];
  readonly shopSays?: readonly (readonly [ShopQuestion, Lookup<FaqHit | null>])[];
  /** The same questions asked in the other language, for a shop whose FAQ is written in one (OTHER_LANGUAGE_ASKS). */
  readonly shopSaysAlt?: readonly (readonly [ShopQuestion, Lookup<FaqHit | null>])[];
  readonly logistics: (Lookup<Logistics[]> | undefined)[];
}

/**
 * Asks the LLM for the intent of a message the engine did not understand, under the lookup
 * budget. The turn planned again with that intent, or undefined when the LLM failed or did not
 * know either (the engine's own answer stands). `cpuMs`: the time spent planning again.
 */
async function replanWithLlm(llm: LlmClient, budgetMs: number, state: DialogueState, input: TurnInput, p: Plan): Promise<{ input: TurnInput; plan: Plan; cpuMs: number } | undefined> {
  const u = input.understanding!;
  const r = await lookupWithinBudget((signal) => llm.classifyIntent(input.text, { lang: p.lang, signal }), budgetMs);
  if (!r.ok || !r.value || r.value === 'unknown') return undefined;
  const t = performance.now();
  const next: TurnInput = { ...input, understanding: { ...u, intent: r.value, confidence: 0.5, source: 'llm', guess: undefined, guessed: undefined } };
  return { input: next, plan: plan(state, next), cpuMs: performance.now() - t };
}

/** The budget of a lookup that only adds to a complete answer (`Needs.bestEffort`): a returns question is not held up for it. */
export const BEST_EFFORT_BUDGET_MS = 120;

/**
 * Runs the lookups the plan needs, in parallel, each under its own budget. Logistics of orders
 * already known go alongside the order list; the others follow as soon as the list arrives.
 */
async function runLookups(src: Sources, input: TurnInput, p: Plan): Promise<Found> {
  const { ds, budgetMs } = src;
  const { needs } = p;
  const { shopId, userId } = input;
  const who = { shopId, userId };
  const budget = (name: LookupName) => (needs.bestEffort?.includes(name) ? Math.min(budgetMs, BEST_EFFORT_BUDGET_MS) : budgetMs);
  const orders = needs.orders ? lookupWithinBudget((s) => ds.listOrders(shopId, userId, s).then(arrayOf<Order>), budget('orders')) : undefined;
  const aftersales = needs.aftersales ? lookupWithinBudget((s) => ds.listAftersales(shopId, userId, s).then(arrayOf<Aftersale>), budget('aftersales')) : undefined;
  const topic = needs.faqTopic ? { topic: needs.faqTopic, topicOf: src.topicOf, rivals: POLICY_INTENTS } : undefined;
  const askFaq = () => lookupWithinBudget((s) => raceAbort(faqLookup(src.faq, shopId, needs.faqText ?? input.text, topic), s), budgetMs);
  // A question about "my order" from a buyer with no orders here is most often not about an order
  // at all ("猫砂多久换一次", "can i cancel my subscription"): the FAQ is asked too, once the list
  // comes back empty (found from outside: "no orders found" was all they got).
  const own = needs.faq ? askFaq() : orders?.then((o) => (o.ok && o.value.length === 0 ? askFaq() : undefined));
  const also = needs.faq && needs.faqContext ? lookupWithinBudget((s) => raceAbort(faqLookup(src.faq, shopId, needs.faqText ?? input.text, topic, needs.faqContext), s), budgetMs) : undefined;
  const faq = also ? Promise.all([own, also]).then(([a, b]) => withGoodsInFocus(a, b)) : own?.then((lookup) => ({ lookup, withGoods: false }));
  const parcels = (ids: readonly string[]) => lookupWithinBudget((s) => ds.getLogistics(shopId, ids, s).then(arrayOf<Logistics>), budgetMs);
  const logisticsNow = needs.logistics && needs.knownOrderIds.length ? parcels(needs.knownOrderIds) : undefined;
  const logisticsLater = needs.logistics && orders
    ? orders.then((o) => {
        const ids = o.ok ? logisticsTargets(p, o.value, who) : [];
        return ids.length ? parcels(ids) : undefined;
      })
    : undefined;
  const more = needs.faqMoreTexts ? Promise.all(needs.faqMoreTexts.map((q) => lookupWithinBudget((s) => raceAbort(faqLookup(src.faq, shopId, q, undefined), s), budgetMs))) : undefined;
  const probe = src.faq.probe?.bind(src.faq);
  const ask = (qs: readonly ShopQuestion[], lang: Lang) => Promise.all(qs.map(async (q) => [q, await lookupWithinBudget((s) => raceAbort(probe!(shopId, SHOP_QUESTIONS[q][lang]), s), Math.min(budgetMs, BEST_EFFORT_BUDGET_MS))] as const));
  const asked = needs.shopSays && probe ? ask(needs.shopSays, p.lang) : undefined;
  const alt = needs.shopSays?.filter((q) => OTHER_LANGUAGE_ASKS.has(q));
  const askedAlt = alt?.length && probe ? ask(alt, p.lang === 'zh' ? 'en' : 'zh') : undefined;
  const [o, a, f, l1, l2, m, says, saysAlt] = await Promise.all([orders, aftersales, faq, logisticsNow, logisticsLater, more, asked, askedAlt]);
  return { orders: o, aftersales: a, faq: f?.lookup, ...(f?.withGoods ? { faqWithGoods: true as const } : {}), logistics: [l1, l2], ...(m ? { faqMore: m } : {}), ...(says ? { shopSays: says } : {}), ...(saysAlt ? { shopSaysAlt: saysAlt } : {}) };
}

/** The message's own FAQ answer, else the one found with the goods in focus when that one is sure (its unsure candidates offered other questions in place of the robot's own). */
function withGoodsInFocus(own: Lookup<FaqLookup> | undefined, also: Lookup<FaqLookup>): { lookup: Lookup<FaqLookup> | undefined; withGoods: boolean } {
  const withGoods = own?.ok === true && own.value?.band !== 'answer' && also.ok && also.value?.band === 'answer';
  return { lookup: withGoods ? also : own, withGoods };
}

/** The FAQ's band and candidates when the provider can tell them, else its answer alone. */
async function faqLookup(faq: FaqProvider, shopId: string, text: string, topic: TopicQuery | undefined, context?: string): Promise<FaqLookup> {
  if (faq.lookup) return faq.lookup(shopId, text, topic, context);
  const hit = await faq.search(shopId, text);
  return hit ? { band: 'answer', hit, candidates: [hit] } : { band: 'none', hit: null, candidates: [] };
}

/** The FAQ lookup as the dialogue takes it: the hit to answer with, and the candidates when the index was unsure. */
function faqData(f: Lookup<FaqLookup>): Pick<TurnData, 'faq' | 'faqCandidates' | 'faqOnTopic' | 'faqNearest' | 'faqEntries'> {
  if (!f.ok) return { faq: { ok: false, reason: f.reason } };
  const v = f.value;
  return { faq: { ok: true, value: v?.hit ?? null }, ...(v?.band === 'clarify' && v.candidates?.length ? { faqCandidates: v.candidates } : {}), ...(v?.onTopic ? { faqOnTopic: v.onTopic } : {}), ...(v?.nearest ? { faqNearest: v.nearest } : {}), ...(v?.entries ? { faqEntries: v.entries } : {}) };
}

/** The results as the dialogue step takes them, with both rounds of logistics merged into one. */
function turnData(p: Plan, found: Found): TurnData {
  return {
    ...(found.orders ? { orders: found.orders } : {}),
    ...(found.aftersales ? { aftersales: found.aftersales } : {}),
    ...(found.faq ? faqData(found.faq) : {}),
    ...(found.faqWithGoods ? { faqWithGoods: true as const } : {}),
    ...(found.faqMore ? { faqMore: found.faqMore.map((x) => (x.ok ? (x.value?.hit ?? null) : null)) } : {}),
    ...(found.shopSays ? { shopSays: Object.fromEntries(found.shopSays.map(([q, l]) => [q, l.ok ? l.value : null])) } : {}),
    ...(found.shopSaysAlt ? { shopSaysAlt: Object.fromEntries(found.shopSaysAlt.map(([q, l]) => [q, l.ok ? l.value : null])) } : {}),
    ...(p.needs.logistics ? { logistics: mergeLookups(found.logistics) } : {}),
  };
}

function validate(req: AnswerRequest): void {
  if (!req || typeof req !== 'object') throw new KefuError('BAD_REQUEST', 'answer needs a request object');
  for (const f of ['shopId', 'userId', 'conversationId'] as const) {
    const v = req[f];
    if (typeof v !== 'string' || !v || v.length > MAX_ID) throw new KefuError('BAD_REQUEST', `${f} must be a non-empty string of at most ${MAX_ID} characters`);
  }
  if (typeof req.text !== 'string' || !req.text.trim()) throw new KefuError('BAD_REQUEST', 'text must be a non-empty string');
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A data source that answers something other than an array is broken; treat it as a failed lookup. */
function arrayOf<T>(v: unknown): T[] {
  if (!Array.isArray(v)) throw new TypeError('lookup did not return an array');
  return v as T[];
}

/** A promise that also rejects when the signal aborts, for providers that take no signal. */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

class LookupTimeout extends Error {}

/**
 * Runs one lookup with its own AbortSignal, which fires when `budgetMs` is up: that signal is the
 * lookup's one deadline (the data source works within it and arms no timer of its own). Never
 * rejects: a timeout or an error becomes `{ ok: false }`. A lookup that ignores its signal is
 * abandoned at the deadline all the same.
 */
async function lookupWithinBudget<T>(fn: (signal: AbortSignal) => Promise<T>, budgetMs: number): Promise<Lookup<T>> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new LookupTimeout('lookup budget exceeded');
      ac.abort(e);
      reject(e);
    }, budgetMs);
  });
  // Raced below; this only keeps a late rejection from being reported as unhandled.
  deadline.catch(() => {});
  try {
    const value = await Promise.race([Promise.resolve().then(() => fn(ac.signal)), deadline]);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, reason: e instanceof LookupTimeout || ac.signal.aborted ? 'timeout' : 'error' };
  } finally {
    clearTimeout(timer);
  }
}

function mergeLookups(parts: (Lookup<Logistics[]> | undefined)[]): Lookup<Logistics[]> {
  const value: Logistics[] = [];
  let failed: Lookup<Logistics[]> | undefined;
  for (const p of parts) {
    if (!p) continue;
    if (p.value) value.push(...p.value);
    if (!p.ok) failed = p;
  }
  return failed && !failed.ok ? { ok: false, reason: failed.reason, value } : { ok: true, value };
}
