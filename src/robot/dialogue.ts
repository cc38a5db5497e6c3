/**
 * The dialogue: a pure function from (state, what the buyer said, the buyer's data) to replies and
 * the next state. No I/O: the caller (robot.ts) asks `plan()` which lookups a turn needs, runs
 * them, and passes what came back (or that it failed) to `step()`.
 *
 * Invariants:
 * - Only the buyer's own records are ever shown: `step` drops any order or after-sale whose
 *   userId/shopId is not the caller's, and any logistics record not tied to one of their orders.
 * - Every reply has a complete `text`; cards are extras. Phone numbers and names are masked.
 * - State is a small JSON object; `parseState` turns anything unusable into a fresh state.
 * - Two not-understood turns in a row, a complaint, or an explicit request → handover.
 */
import type { Aftersale, AftersaleStatus, Logistics, Order, OrderStatus } from '../commerce/types.ts';
import {
  AFTERSALE_STATUS,
  AFTERSALE_TYPE,
  aftersaleCard,
  carrierName,
  shownReason,
  choiceCard,
  formatMoney,
  formatDay,
  formatTime,
  localDate,
  LOGISTICS_STATUS,
  logisticsCard,
  maskedReceiver,
  maskAddress,
  newestEvents,
  ORDER_STATUS,
  orderCard,
  orderTitle,
  receiverOf,
} from './cards.ts';
import { ownWords, phrasingsOf, type FaqEntry, type FaqHit } from './faq-index.ts';
import { arrivalVerdict, daysRangeIn, DELIVERY } from './arrival-day.ts';
import { extractEntities, localDay } from './nlu/entities.ts';
import { asksWhoAnswers, isPolitical, isSmallTalk } from './nlu/identity.ts';
import { emergencyAdvice, type EmergencyKind, type HealthQuestion } from './nlu/health.ts';
import { createNlu, declinesPerson, DEFAULT_TZ_OFFSET_MINUTES, MAX_UTTERANCE, withdrawsHandover, type Nlu } from './nlu/understand.ts';
import { chineseScript, detectLanguage, scriptByCharacters, foldedKey, normalizeText, readsSpanish, withoutPleasantries } from './nlu/normalize.ts';
import { neverPaid, TEXTS, type Texts } from './replies.ts';
import { isDataIntent, isIntent, type Card, type DataIntent, type Entity, type Handover, type Intent, type Lang, type LookupName, type Reply, type Understanding } from './types.ts';
import { CONTROL_CHARS } from '../protocol/validation.ts';
import { conceptsOf, foldTraditional, kindsOfGoods, mentionsOwnOrder, withoutNonGoods } from './lexicon/index.ts';
import { dispatchDay } from './ship-day.ts';
import { remembered } from './memo.ts';
// A cycle, read only at call time: learned-danger.ts reads with this file's rules, and its reading serves the answer here.
import { EMERGENCY_TEXT, readDanger, type SafetyKind } from './safety.ts';

export const POLICY_INTENTS = ['return_policy', 'invoice', 'coupon'] as const;
type PolicyIntent = (typeof POLICY_INTENTS)[number];
const isPolicyIntent = (i: Intent): i is PolicyIntent => (POLICY_INTENTS as readonly string[]).includes(i);
const LOGISTICS_INTENTS: ReadonlySet<Intent> = new Set(['track_parcel', 'order_status', 'delivery_estimate', 'change_address']);

/** Not-understood turns in a row that hand the buyer over to a human. */
export const MAX_FAILURES = 2;
/**
 * A miss this long ago no longer counts toward a hand-over: two unclear messages twenty minutes apart, on unrelated
 * things, handed the buyer over at the second (found from outside, a Wuhan shop).
 */
export const MISSES_KEPT_S = 600;
/** Orders shown in one choice card (newest first). */
export const MAX_CHOICES = 5;
/** Logistics records fetched for one turn. */
export const MAX_LOGISTICS_LOOKUP = 10;
/** Shop FAQ questions offered when the FAQ is unsure, and the longest kept in the state. */
export const MAX_FAQ_OPTIONS = 3;
const MAX_FAQ_QUESTION = 300;
/** How much of an answered entry the state keeps for a follow-up (its sentences are what is searched). */
const MAX_FAQ_LAST_ANSWER = 600;

export interface DialogueState {
  readonly v: 1;
  /** The language of the conversation, kept when a message is too short to tell ("ok", an order number). */
  readonly lang?: Lang;
  /** The language the buyer asked to be answered in ("English please", "说中文"): it outranks what they type. */
  readonly langAsked?: Lang;
  /** The buyer writes Chinese in traditional characters: the replies are given in them too (robot.ts), kept like `lang`. */
  readonly hant?: true;
  /** Simplified characters told by the conversation or its shop: Cantonese words then keep them (a Guangzhou shop). */
  readonly hans?: true;
  /** Not-understood turns in a row. */
  readonly failures: number;
  /** When the last of them was (epoch seconds): a count older than MISSES_KEPT_S starts again. */
  readonly missedAt?: number;
  /** The order the conversation is about, for follow-ups ("那退款呢"). */
  readonly focusOrderId?: string;
  /** The after-sales request told on its own in the last turn (of `focusOrderId`): "cancel it", "那另一个申请呢" lean on it. */
  readonly focusRequest?: string;
  /** The last data question answered, for a bare order number as the next message. */
  readonly topic?: DataIntent;
  /** A choice card is waiting for an answer; `kinds`: the kinds of goods its orders' titles name. */
  /** `whyCancelled`: the list answers "why was it cancelled?", which the pick still asks. */
  readonly pending?: { readonly intent: DataIntent; readonly orderIds: readonly string[]; readonly kinds?: readonly string[]; readonly whyCancelled?: true; readonly reschedule?: true };
  /** The orders of the last choice card, once one was picked: "那另一个呢" is about the rest. */
  readonly listed?: readonly string[];
  /** The kinds of goods of the `listed` orders: "那牙刷呢" names one of them only when one has it. */
  readonly listedKinds?: readonly string[];
  /** The policy question just answered with no order of the buyer's: "衣服那个" next is about that order. */
  readonly policy?: PolicyIntent;
  /** The robot asked "did you mean …?". */
  readonly confirm?: Intent;
  /** The robot asked whether to connect a human. */
  readonly offeredHuman?: boolean;
  /** The person was mentioned ("…or say human"), not asked about: an "ok" or a 👍 next acknowledges the answer. */
  readonly softOffer?: true;
  /** The robot asked which of these shop FAQ questions the buyer meant (the FAQ was unsure). */
  readonly faqOptions?: readonly string[];
  /** `faqOptions` kept past one answer of another entry (`faqOfferAside`): not kept again. */
  readonly faqAside?: true;
  /** The shop's entry just answered (its question and the start of its answer): "那未开封的呢" next asks on about it. */
  readonly faqLast?: { readonly q: string; readonly a: string };
  /**
   * The goods of the order in focus, as its title names them ("冷链 处方药 诺和锐 门冬胰岛素注射液"):
   * a question about them that does not name them ("路上会不会化啊") is also searched in the FAQ with them.
   */
  readonly focusGoods?: string;
  /** The after-sales request whose goods the buyer said were sent back: its status is told without "please send it back". */
  readonly sentBack?: string;
  /** Goods in trouble were just answered with the way to a person: the trouble told again ("还是没声音") is a person's. */
  readonly troubleTold?: true;
}

/** Longest message searched with the goods in focus, in characters. */
const MAX_GOODS_FOLLOW_UP = 12;
/** Longest `focusGoods` kept. */
const MAX_FOCUS_GOODS = 40;

export const initialState = (): DialogueState => ({ v: 1, failures: 0 });

/** The robot asked about the buyer's orders or a request (which order? did you mean this intent? a person?): the next message may answer it. */
export const asksAboutData = (state: DialogueState): boolean => Boolean(state.pending || state.confirm || state.offeredHuman);
/** The robot asked something back, a choice of the shop's FAQ questions too. */
export const awaitsAnswer = (state: DialogueState): boolean => asksAboutData(state) || Boolean(state.faqOptions);

/** Order ids as platforms send them: any characters but control ones, up to the webhook limit. */
export const MAX_ORDER_ID = 128;
const validId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_ORDER_ID && !CONTROL_CHARS.test(x);

/** Kinds of goods as the state keeps them (ids of lexicon/products.json), or undefined. */
function validKinds(x: unknown): string[] | undefined {
  return Array.isArray(x) && x.length <= MAX_KINDS && x.every((k) => typeof k === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(k)) ? [...(x as string[])] : undefined;
}
const MAX_KINDS = 40;

/** A stored state back from the caller; anything malformed becomes a fresh conversation rather than an error. */
export function parseState(raw: unknown): DialogueState {
  if (!raw || typeof raw !== 'object') return initialState();
  const r = raw as Record<string, unknown>;
  if (r.v !== 1) return initialState();
  const failures = typeof r.failures === 'number' && Number.isInteger(r.failures) && r.failures >= 0 ? Math.min(r.failures, MAX_FAILURES) : 0;
  const s: { -readonly [K in keyof DialogueState]: DialogueState[K] } = { v: 1, failures };
  if (failures > 0 && typeof r.missedAt === 'number' && Number.isInteger(r.missedAt) && r.missedAt > 0) s.missedAt = r.missedAt;
  if (r.lang === 'zh' || r.lang === 'en') s.lang = r.lang;
  if (r.langAsked === 'zh' || r.langAsked === 'en') s.langAsked = r.langAsked;
  if (r.hant === true) s.hant = true;
  else if (r.hans === true) s.hans = true;
  if (validId(r.focusOrderId)) s.focusOrderId = r.focusOrderId;
  if (s.focusOrderId && validId(r.focusRequest)) s.focusRequest = r.focusRequest;
  if (validId(r.sentBack)) s.sentBack = r.sentBack;
  if (s.focusOrderId && typeof r.focusGoods === 'string' && r.focusGoods.length > 0 && r.focusGoods.length <= MAX_FOCUS_GOODS) s.focusGoods = r.focusGoods;
  if (isIntent(r.topic) && isDataIntent(r.topic)) s.topic = r.topic;
  const p = r.pending as { intent?: unknown; orderIds?: unknown } | undefined;
  if (
    p &&
    isIntent(p.intent) &&
    isDataIntent(p.intent) &&
    Array.isArray(p.orderIds) &&
    p.orderIds.length > 0 &&
    p.orderIds.length <= MAX_CHOICES &&
    p.orderIds.every(validId)
  ) {
    const kinds = validKinds((p as { kinds?: unknown }).kinds);
    const why = (p as { whyCancelled?: unknown }).whyCancelled === true;
    const later = (p as { reschedule?: unknown }).reschedule === true;
    s.pending = { intent: p.intent, orderIds: [...(p.orderIds as string[])], ...(kinds ? { kinds } : {}), ...(why ? { whyCancelled: true } : {}), ...(later ? { reschedule: true } : {}) };
  }
  const l = r.listed;
  if (Array.isArray(l) && l.length > 1 && l.length <= MAX_CHOICES && l.every(validId)) s.listed = [...(l as string[])];
  const lk = validKinds(r.listedKinds);
  if (s.listed && lk) s.listedKinds = lk;
  if (isIntent(r.policy) && isPolicyIntent(r.policy)) s.policy = r.policy;
  if (isIntent(r.confirm) && r.confirm !== 'unknown') s.confirm = r.confirm;
  if (r.offeredHuman === true) s.offeredHuman = true;
  if (r.softOffer === true) s.softOffer = true;
  if (r.troubleTold === true) s.troubleTold = true;
  const f = r.faqOptions;
  if (Array.isArray(f) && f.length >= 1 && f.length <= MAX_FAQ_OPTIONS && f.every((q) => typeof q === 'string' && q.length > 0 && q.length <= MAX_FAQ_QUESTION)) {
    s.faqOptions = [...(f as string[])];
    if (r.faqAside === true) s.faqAside = true;
  }
  const last = r.faqLast as { q?: unknown; a?: unknown } | undefined;
  if (last && typeof last.q === 'string' && typeof last.a === 'string' && last.q.length <= MAX_FAQ_QUESTION && last.a.length <= MAX_FAQ_LAST_ANSWER) s.faqLast = { q: last.q, a: last.a };
  return s;
}

/** The state with its count of misses started again (the buyer took a hand-over back); undefined when there were none. */
export function missesForgotten(raw: unknown): DialogueState | undefined {
  const s = parseState(raw);
  if (s.failures === 0) return undefined;
  const fresh: { -readonly [K in keyof DialogueState]: DialogueState[K] } = { ...s, failures: 0 };
  delete fresh.missedAt;
  return fresh;
}

/** The misses that still count at `now`: none once the last is older than MISSES_KEPT_S. */
function missesStanding(state: DialogueState, now: Date | undefined): number {
  return state.failures > 0 && state.missedAt !== undefined && now !== undefined && now.getTime() / 1000 - state.missedAt > MISSES_KEPT_S ? 0 : state.failures;
}

export interface TurnInput {
  readonly shopId: string;
  readonly userId: string;
  readonly text: string;
  readonly now?: Date;
  /** From the NLU; computed with the default one when absent. */
  readonly understanding?: Understanding;
  /** The shop's calendar for dates and times; default UTC+8. */
  readonly tzOffsetMinutes?: number;
  /** The language the buyer's device shows (the frame's `content.lang`): for a first message that tells none ("TG1002", "??", a 👋). */
  readonly langHint?: Lang;
  /** The shop writes in traditional characters: for a first message whose characters tell no script. */
  readonly scriptHint?: 'hant' | 'hans';
  /** Answer from the shop's FAQ only (a buyer waiting in the queue): a question about their own order is not this. */
  readonly faqOnly?: boolean;
  /**
   * What followed the words that took a hand-over back, answered after the robot said so: a rest it does not
   * understand ("算了 我自己再看看", "nvm ill wait for the tracking") is more of the take-back, neither told "not
   * understood" nor counted as a miss (found from outside: the next unclear message handed the buyer over again).
   */
  readonly restOfTakeBack?: boolean;
}

/** A lookup's outcome. A failed lookup may still carry what it got before failing. */
export type Lookup<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'timeout' | 'error'; readonly value?: T };

/** What the lookups returned; an absent field was not looked up. */
export interface TurnData {
  readonly orders?: Lookup<readonly Order[]>;
  readonly logistics?: Lookup<readonly Logistics[]>;
  readonly aftersales?: Lookup<readonly Aftersale[]>;
  readonly faq?: Lookup<FaqHit | null>;
  /** The FAQ's two or three plausible entries when it was unsure (its `clarify` band). */
  readonly faqCandidates?: readonly FaqHit[];
  /** The shop's own entries on a policy question's topic, when none answered it outright. */
  readonly faqOnTopic?: readonly FaqHit[];
  /** The first lexical candidates of any topic, beside `faqOnTopic`: goods in trouble pick the entry naming it among them. */
  readonly faqNearest?: readonly FaqHit[];
  /** How many entries the shop's FAQ holds, when a policy question found none to answer with. */
  readonly faqEntries?: number;
  /** The shop's FAQ entries that answer the robot's own questions (`SHOP_QUESTIONS`): they replace its built-in texts. */
  readonly shopSays?: Partial<Record<ShopQuestion, FaqHit | null>>;
  /** The same, asked in the other language (OTHER_LANGUAGE_ASKS): a shop whose FAQ is in one language only. */
  readonly shopSaysAlt?: Partial<Record<ShopQuestion, FaqHit | null>>;
  /** The other FAQ questions picked beside `faqText` ("1 and 3", "both"), as found, in order. */
  readonly faqMore?: readonly (FaqHit | null)[];
  /** `faq` is the answer found with the goods in focus beside the message (`Needs.faqContext`). */
  readonly faqWithGoods?: true;
}

export interface Needs {
  readonly orders: boolean;
  readonly aftersales: boolean;
  readonly logistics: boolean;
  readonly faq: boolean;
  /** Orders whose logistics can be fetched right away, before the order list arrives. */
  readonly knownOrderIds: readonly string[];
  /** What to search the FAQ for when it is not the message itself (the FAQ question the buyer picked). */
  readonly faqText?: string;
  /** The robot's own questions to ask the shop's FAQ (`SHOP_QUESTIONS`): the answer may replace a built-in text. */
  readonly shopSays?: readonly ShopQuestion[];
  /** The goods in focus (`DialogueState.focusGoods`), searched beside the message: that answer stands when the message's own is not sure. */
  readonly faqContext?: string;
  /** More FAQ questions picked at once ("both", "1 and 3"), each searched like `faqText`. */
  readonly faqMoreTexts?: readonly string[];
  /** A policy question: the FAQ also finds the shop's own entry on that topic (it wins over the built-in text). */
  readonly faqTopic?: PolicyIntent;
  /**
   * Lookups that only add to an answer complete without them (a request under way beside the
   * returns policy): run under a shorter budget, and a miss is not reported as unavailable.
   */
  readonly bestEffort?: readonly LookupName[];
}

export interface Plan {
  readonly intent: Intent;
  readonly lang: Lang;
  readonly needs: Needs;
  /** The engine could not tell what the buyer wants (and was not just answering a question of ours). */
  readonly notUnderstood: boolean;
  /** The intent is the NLU's guess, taken because its answer only reads (and not reread in context). */
  readonly guessed: boolean;
}

export interface StepResult {
  readonly replies: Reply[];
  readonly state: DialogueState;
  readonly handover?: Handover;
  /** Every reply is the shop's FAQ entry (or part of it). */
  readonly faqOnly?: true;
  /** The intent the turn was answered as (after context: a choice, a confirmation). */
  readonly intent: Intent;
  readonly lang: Lang;
  /** Lookups that failed or timed out and that the answer had to do without. */
  readonly unavailable: readonly LookupName[];
}

// ---------------------------------------------------------------- understanding the turn in context

interface Resolved {
  readonly intent: Intent;
  readonly lang: Lang;
  readonly u: Understanding;
  /** How a pending choice was answered. */
  readonly choice?: { readonly orderId: string } | { readonly outOfRange: true } | { readonly describe: true } | { readonly newest: true } | { readonly among: readonly string[] } | { readonly otherThan: string } | { readonly all: true } | { readonly noneListed: true } | { readonly several: readonly string[] } | { readonly pickBy: PickBy };
  readonly explicitOrderId?: string;
  readonly declined?: 'confirm' | 'human' | 'cancel' | 'address';
  /** The buyer cannot read the language of the shop's answer (CANNOT_READ): a person offered to explain it. */
  readonly cannotRead?: true;
  /** Written in a language the robot does not read (Spanish). */
  readonly foreign?: true;
  /** The buyer asked to be answered in this language. */
  readonly langSwitch?: Lang;
  /** Asked in a clause beside a question ("in english pls. can the gas go to a parcel locker?"): kept, the question answered in it. */
  readonly langKept?: Lang;
  /** A bare yes to a list of several FAQ questions ("是"): which one is asked for again. */
  readonly yesToList?: true;
  /** Goods named alone that no kind of the lexicon knows ("奶瓶那个"): the data topic if an order's title names them, else not understood. */
  readonly tentative?: true;
  /** The FAQ question picked from the ones we offered. */
  /** Asked for the FAQ only, about the buyer's own order: that waits for the person, even as "did you mean …?". */
  readonly ownData?: true;
  readonly faqPick?: string;
  /** Several of them picked ("both", "1 and 3"): the others, after `faqPick`. */
  readonly faqPicksMore?: readonly string[];
  /** The buyer takes back an after-sales request ("撤销退款申请", "cancel it" after its status). */
  readonly withdraw?: true;
  /** "不退了 我想换L码": the request turned into an exchange (with `withdraw`). */
  readonly toExchange?: true;
  /** "不换了 我想直接退": an exchange given up for the money (only an exchange is withdrawn for it). */
  readonly fromExchange?: true;
  /** "为什么被取消了", "I didn't cancel it": a cancelled order's status, and a person for why. */
  readonly whyCancelled?: true;
  /** "钱扣了没", "was I charged" of the order talked about: whether it was paid, as its status says. */
  readonly chargeAsked?: true;
  /** Said to be about someone else's purchase or none of the buyer's: answered as for a buyer with no orders. */
  readonly notMine?: true;
  /** Charged twice, reported: a complaint, with what a person needs to check it. */
  readonly doubleCharge?: true;
  /** A refund's amount disputed, or money paid and not found: a person checks it against the records. */
  readonly moneyDisputed?: true;
  /** Details a person acts on sent (a tax number, a serial): passed on, said so. */
  readonly detailsGiven?: true;
  /** Of a double charge: a charge after the subscription was cancelled, told with what a person needs for that. */
  readonly afterCancel?: true;
  /** Goods that overheat, smoke, swell or spark: a complaint, with what to do now. */
  readonly safety?: true;
  /** The danger is gas: turned off and aired, not unplugged. */
  readonly gas?: true;
  /** A danger of another kind than a device's or gas: something about to fall, or someone hurt by the goods. */
  readonly hazard?: Hazard;
  /** After-sales on a weak reading: with no request under way, the parcel (`parcelNotReturn`). */
  readonly orParcel?: true;
  /** Another size or colour asked for the buyer's order ("能不能改成39码"): not editable here (`specAnswer`). */
  readonly changeSpec?: true;
  /** Goods to add to the buyer's order ("can i add tortillas to it", "能加一件吗"): not here either (`addAnswer`). */
  readonly addItems?: true;
  /** A question of health (a dose, who may take it, a reaction after taking it): a person answers it, unless the shop's own entry does. */
  readonly health?: HealthQuestion;
  /** The emergency's advice when the learned danger reading chose it (a pet's vet now), not read again from the words. */
  readonly emergencyKind?: EmergencyKind;
  /** "拒收可以吗" right after "you can refuse the delivery": how refusing works. */
  readonly refuse?: true;
  /** "多久不付会自动取消": how long an unpaid order waits, not how to cancel one. */
  readonly unpaidTimeout?: true;
  /** "另一个包裹到哪了", "我的沙发只到了一半": the parcels of the order still on their way. */
  readonly restParcels?: true;
  /** "能不能改到周六送", "change the delivery date": another delivery day, not another address. */
  readonly reschedule?: true;
  /** Words for the order (a card's message, a delivery instruction): a person notes them. */
  readonly note?: true;
  /** "送到公司那个地址 对吗": where the order goes, checked, nothing changed (`addressAnswer`). */
  readonly addressCheck?: true;
  /** The words engraved or printed on the goods to be changed ("刻字写错了，想改成…"): no address, a person (with `note`). */
  readonly engraving?: true;
}

let defaultNlu: Nlu | undefined;
function understandingOf(input: TurnInput): Understanding {
  if (input.understanding) return input.understanding;
  defaultNlu ??= createNlu({ ...(input.tzOffsetMinutes !== undefined ? { tzOffsetMinutes: input.tzOffsetMinutes } : {}) });
  return defaultNlu.understand(input.text, input.now ?? new Date());
}

/** An id as buyers type it: case, width, "#", dashes and spaces do not count ("#a-77" is "A77"). */
const idKey = foldedKey;
// "order 100175" for GS-100175: buyers drop the letters a shop puts before its numbers (found from outside: "no request" told falsely).
const lettersBefore = (full: string, typed: string) => typed.length >= MIN_BARE_NUMBER && /^\d+$/.test(typed) && full.length > typed.length && full.endsWith(typed) && /^[a-z]+$/.test(full.slice(0, -typed.length));
const MIN_BARE_NUMBER = 5;
export const sameId = (a: string, b: string): boolean => {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const [ka, kb] = [idKey(a), idKey(b)];
  return ka !== '' && (ka === kb || lettersBefore(ka, kb) || lettersBefore(kb, ka));
};
/** Runs of what an order id may be made of (after NFKC); Han text around them does not belong to them. */
const ID_RUN = /[A-Za-z0-9#_.:/-]+/g;
/** The shortest tail of an id the buyer may type for it ("…2222" as "2222"). */
const MIN_ID_TAIL = 3;

/** The shortest tail of an id that names it without our list to choose from ("8841这单什么状态"). */
const MIN_UNLISTED_TAIL = 4;
/** Id tails, unless the buyer said whose tail it is: "手机尾号8841" is a phone's (found in review). */
const tailsOf = (ctx: Ctx): number | false => (ctx.r.u.entities.some((e) => e.type === 'phoneTail') ? false : MIN_UNLISTED_TAIL);

/**
 * Which of the given ids the text names: an id written in full whatever its shape, or (with
 * `tails`) the unique id that ends with a run of 3 (or `tails`) or more characters the buyer typed.
 */
export function namedIds(text: string, ids: readonly string[], tails: boolean | number = false): string[] {
  const minTail = tails === true ? MIN_ID_TAIL : tails === false ? Infinity : tails;
  const lower = text.normalize('NFKC').toLowerCase();
  const runs = (lower.match(ID_RUN) ?? []).map(idKey).filter((k) => k !== '');
  const spaced = spacedRunKeys(lower);
  const full = ids.filter((id) => {
    const k = idKey(id);
    // Ids with characters outside ID_RUN (Han, other scripts) are looked for as they are.
    return k !== '' && (spaced.has(k) || (/[^a-z0-9]/.test(k) && lower.includes(id.normalize('NFKC').toLowerCase())));
  });
  if (full.length || minTail === Infinity) return full;
  for (const run of runs) {
    if (run.length < minTail) continue;
    const hits = ids.filter((id) => idKey(id).endsWith(run));
    if (hits.length === 1) return hits;
  }
  // A whole group of digits from inside one id ("order 99001" of ORD#SG/2026/11/99001-A, "000987654321那筆" of
  // TPE-BEAUTY-20261201-000987654321-SPLIT-A: two shops, forty-fourth session, told no such order exists).
  for (const run of runs) {
    if (run.length < MIN_BARE_NUMBER || !/^\d+$/.test(run)) continue;
    const hits = ids.filter((id) => (id.normalize('NFKC').match(/\d+/g) ?? ([] as string[])).includes(run));
    if (hits.length === 1) return hits;
  }
  return [];
}

/** "那另一个呢", "the other one": the listed order that is not the one talked about. */
const OTHER_ONE = /另(?:一|外一?)(?:个|单|笔|件)(?!问题|事|情况)|其他那(?:个|单)|(?<![a-z])(?:the )?other (?:one|order|package|parcel)(?![a-z])/;

/**
 * After a pick from our list, the buyer asks about another of it: "那另一个呢" (the only other
 * one) or "那第二个呢", "and the 2nd one?" (by its place in the list). Found from outside: both
 * were not understood once the list was answered.
 */
function fromListed(state: DialogueState, u: Understanding): NonNullable<Resolved['choice']> | undefined {
  const listed = state.listed!;
  // Only a message about orders, or one read as nothing else: "另外一个问题，能开发票吗" is another question.
  if (!isDataIntent(u.intent) && u.intent !== 'unknown') return undefined;
  if (OTHER_ONE.test(u.normalized)) {
    const rest = listed.filter((id) => id !== state.focusOrderId);
    // Of three listed, "the other one" is one of the other two: asked again among them (found from outside).
    return rest.length === 1 ? { orderId: rest[0]! } : rest.length > 1 ? { among: rest } : undefined;
  }
  // "最新的那个" after a pick: the listed order placed last (found from outside: an after-sales answer
  // about the one picked). Only when "latest" names an order: "最新的物流信息呢" is about the one picked (found in review).
  if (picksNewest(u.normalized, NEWEST_ORDER)) return { newest: true };
  // "两个都查" after one was picked: every order listed (found from outside: the README's own example was "not understood").
  if (BOTH.test(u.normalized) && picksAll(u.normalized)) return { all: true };
  const ordinal = u.entities.find((e) => e.type === 'ordinal')?.value as number | undefined;
  if (ordinal === undefined) return undefined;
  const id = listed[ordinal > 0 ? ordinal - 1 : listed.length + ordinal];
  return id ? { orderId: id } : undefined;
}

/**
 * After a pick, a short message naming goods and asking nothing else clearly ("那牙刷呢", "what about
 * the toothbrush one", "go back to the nuts"): another of the listed orders, by its product,
 * matched against their titles once the orders are in (found from outside: read as FAQ questions,
 * or handed over). A clear question about the goods ("那牙刷保修呢") is not one.
 */
function namesListedGoods(u: Understanding, text: string, listedKinds: readonly string[] | undefined): boolean {
  if (!shortAndUnclear(u) || !listedKinds?.length) return false;
  // Only goods one of the listed orders has: "你们有卖耳机吗" after a toothbrush and nuts is a shop question (found in review).
  for (const k of kindsOfGoods(text)) if (listedKinds.includes(k)) return true;
  return false;
}
/**
 * After an answer about one order with no list shown, "那牙刷呢", "and the toothbrush one?" (the
 * buyer's order with those goods) or "另一个呢" (one of their other orders), on the same topic:
 * found from outside, both were "not understood" and, twice, a hand-over. The orders are read
 * for it; goods no order has get "no matching order".
 */
function afterDirectAnswer(state: DialogueState, u: Understanding, text: string): Pick<Resolved, 'intent' | 'choice'> | undefined {
  const topic = state.topic;
  if (!topic || !isDataIntent(topic) || !state.focusOrderId) return undefined;
  // "and the other order, the storage containers?" leans to the FAQ on its goods' words: still the other order (found from outside).
  if ((isDataIntent(u.intent) || unclearReading(u)) && OTHER_ONE.test(u.normalized) && !ASKS_OF_GOODS.test(u.normalized)) return { intent: isDataIntent(u.intent) && !u.guessed ? u.intent : topic, choice: { otherThan: state.focusOrderId } };
  if (BOTH.test(u.normalized) && picksAll(u.normalized) && (u.intent === 'unknown' || u.guessed || isDataIntent(u.intent))) return { intent: topic, choice: { all: true } };
  // "the other request?" on the after-sales topic only: elsewhere "one other request: …" is no pick (found in review).
  if (topic === 'aftersale_progress' && OTHER_REQUEST_EN.test(u.normalized)) return { intent: topic, choice: { otherThan: state.focusOrderId } };
  return shortAndUnclear(u) && kindsOfGoods(text).size > 0 && !ASKS_OF_GOODS.test(u.normalized) ? { intent: topic } : undefined;
}
/** Asking to check them all, not a remark ("所有东西都到了": found in review). */
const BOTH = /(?:两个|俩|两单|全部|所有订单|所有的订单)(?:都)?(?:帮我)?(?:查|看|说)|都(?:帮我)?(?:查|看)(?:一下|查|看|下)|所有的?都(?:查|看)|^(?:那)?(?:全部|全部订单|所有的?(?:订单)?)(?:吧|呢)?$|(?<![a-z])(?:both|all|all of them|check (?:them )?all|each of them)(?![a-z])/;
/** "0021结尾的那个呢", "258那个": an order by its number's end or its total, on the topic; matched once the orders are in (found from outside). */
const byNumber = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'choice'> | undefined =>
  state.topic && (state.focusOrderId || state.listed) && !state.faqLast && (!isDataIntent(u.intent) || u.guessed) && NUMBER_REF.test(u.normalized) ? { intent: state.topic, ...(state.topic === 'aftersale_progress' ? {} : { choice: { describe: true } as const }) } : undefined;
const NUMBER_REF = /^\s*(?:那|就|是)?(?:尾号)?\d{3,}(?:\.\d{1,2})?\s*(?:元|块)?(?:结尾)?的?(?:那个|那单|这单|那笔|订单|那件)呢?\s*[?？]*\s*$|^\s*(?:尾号)?\d{3,}结尾的?呢?\s*[?？]*\s*$|^\s*(?:the |and the )?(?:one (?:ending|that ends) (?:in|with) \d{3,}|\d{3,}(?:\.\d{1,2})? (?:one|order))\s*\?*\s*$/;
const OTHER_REQUEST_EN = /^\s*(?:and |what about |how about )?(?:the )?other (?:request|claim)s?\s*\?*\s*$/;
/** A question of its own about the goods ("那牙刷多少钱", "is the toothbrush any good"): no pick of an order (found in review). */
// Also buying them again and how they keep ("还有草莓卖吗 想重新下单", "冬天发水果会不会冻坏": found from outside, the cancelled order's refund three times).
// Also whether it is normal, smells, fits ("脚垫有异味正常不", "这个脚垫是CRV 2022款能用吧": found from outside, the tracking again).
// "芒果熟唔熟㗎？" after a refund (a Toronto shop, thirty-third session: "no after-sales request").
// What the goods do ("个壳有冇磁吸", "20w够唔够快", "does the chai have nuts": a Guangzhou and a Bristol shop, thirty-fifth session: the order's card, three times).
// Whether they are still fit to eat, and what others' had ("奶粉结块了还能喝不", "冲出来有黑点 你们家的会有这情况不": a Beijing formula shop, forty-fifth session: the refund's status).
const ASKS_OF_GOODS = /还能(?:喝|吃|用)|能(?:喝|吃)(?:吗|不|么)|结块|黑点|杂质|会有这|磁吸|够不够快|快不快|支不支持|支持不支持|快充吗|多少钱|价格|贵|便宜|好用|怎么样|熟不熟|熟了吗|甜不甜|甜吗|辣不辣|辣吗|新不新鲜|新鲜吗|好吃吗|好不好吃|怎么用|质量|正常|异味|味道|能用|适用|适配|兼容|保修|尺码|偏大|偏小|合适|颜色|色差|掉色|褪色|起球|缩水|材质|面料|正品|保质期|有效期|机洗|怎么洗|有货|还有吗|还有没有|还有.{0,6}卖|卖吗|重新下单|再买|想买|会不会(?:坏|冻|烂|化)|冻坏|能不能|可以|(?<![a-z])(?:(?:have|has|contain|contains) (?:any )?(?:nuts|dairy|gluten|soy|milk|eggs|caffeine|alcohol)|magnetic|magsafe|fast charg\w*|how much|price|cost|good|worth|size|colou?r|fade|shrink|genuine|fabric|material|normal|smells?|fits?|compatible|expir\w*|wash|in stock|back in stock|restock\w*|sell|buy (?:it |them |more )?again|reorder|warranty|how to|does it|is it|can i|ripe|fresh|sweet|spicy|tasty)(?![a-z])/;

/** Short and read as nothing clear (unknown, a guess, a weak FAQ lean): a follow-up that may only name goods. */
const shortAndUnclear = (u: Understanding): boolean => unclearReading(u) && u.normalized.length <= SHORT_FOLLOW_UP;
/** Read as nothing clear: unknown, a guess, or a weak FAQ lean. */
const unclearReading = (u: Understanding): boolean => u.intent === 'unknown' || u.guessed === true || (u.intent === 'faq' && u.confidence < CLEAR_FAQ);
/** An FAQ reading this sure is a question about the goods, not a pick of an order. */
const CLEAR_FAQ = 0.8;
/** Characters of a follow-up that only names an order's goods. */
const SHORT_FOLLOW_UP = 40;

/** Longest run of space-separated groups read as one id ("PDD 7788 9900", "SF 1234 5678 9012 3"). */
const MAX_ID_GROUPS = 6;

/**
 * The keys of every id-shaped run and of every few runs in a row with only spaces between them:
 * an id typed in groups ("PDD 7788 9900 发货了吗") is the buyer's id (found from outside: only the
 * bare id was understood).
 */
function spacedRunKeys(lower: string): Set<string> {
  const keys = new Set<string>();
  for (const segment of lower.split(/[^a-z0-9#_.:/\-\s]+/)) {
    const groups = segment.trim().split(/\s+/).filter(Boolean);
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j <= Math.min(groups.length, i + MAX_ID_GROUPS); j++) {
        const k = idKey(groups.slice(i, j).join(''));
        if (k) keys.add(k);
      }
    }
  }
  return keys;
}

/** "2", "2 lah obviously", "2 pls": a number alone, with a particle or a word of emphasis after it (a Kuala Lumpur shop, thirty-fifth session). */
// An exasperated word first ("ffs 1", "omg 2": a UK shop, forty-fifth session, "didn't quite get that").
const BARE_PICK = /^\s*(?:(?:ffs|omg|ugh|erm|um|uh|so|ok|okay|oh|just|number|哎|唉|就)\s*[,.!]?\s*)?(\d)\s*[.。号]?(?:\s*(?:lah|la|lor|leh|ya|pls|please|obviously|thanks|mate|吧|啦|呀)(?![a-z]))*[\s.!！。]*$/;
/** "2", "第二个", "the first one" as the answer to our list of FAQ questions. */
function pickedOption(u: Understanding, options: readonly string[], yesNo: Understanding['yesNo']): string | undefined {
  // One entry offered ("did you mean …?"): a yes picks it (not "好的，那…" asking another question, nor "要得，今天拍明天能发不":
  // a Chengdu buyer of a Hangzhou shop, thirty-seventh session, told the entry offered).
  if (options.length === 1 && yesNo === 'yes' && !asksAfterYes(u.normalized)) return options[0];
  const ordinal = u.entities.find((e) => e.type === 'ordinal')?.value as number | undefined;
  const bare = BARE_PICK.exec(u.normalized);
  const n = ordinal ?? (bare ? Number(bare[1]) : undefined);
  if (n === undefined) return undefined;
  return options[n > 0 ? n - 1 : options.length + n];
}

/** "both", "1 and 3", "都想知道": several of the FAQ questions we offered (found from outside: "not understood"). */
function pickedOptions(u: Understanding, options: readonly string[], yesNo: Understanding['yesNo']): string[] | undefined {
  const one = pickedOption(u, options, yesNo);
  if (one || options.length < 2) return one ? [one] : undefined;
  const places = positionsNamed(u.normalized, options.length);
  if (places) return places.map((i) => options[i]!);
  return picksAll(u.normalized) ? [...options] : undefined;
}

/** "那个", "那件", "the … one": the buyer points at one of the listed orders. */
const POINTS_AT_ONE = /那个|那件|那单|那笔|那款|(?<![a-z])one(?![a-z])/;

/** A whole message that can only be an order number ("#A77", "SO-2611-0004"), whatever its shape. */
function idOnly(text: string): string | undefined {
  const t = text.normalize('NFKC').trim().replace(/[。.!?？！]+$/, '');
  if (t.length < 3 || t.length > MAX_ORDER_ID || /\s|\p{Script=Han}/u.test(t) || CONTROL_CHARS.test(t)) return undefined;
  const digits = t.replace(/\D/g, '').length;
  const letters = t.replace(/[^A-Za-z]/g, '').length;
  // "iphone15" or "618" is not an order number; "#A77", "SO-2611-0004" and "20241127001" are.
  return (t.startsWith('#') && digits > 0) || (digits >= 3 && (letters > 0 || digits >= 6)) ? t : undefined;
}

/**
 * "两个都查", "都看看", "全部", "both", "all of them" as the answer to "which order?": every listed
 * order (found from outside: the same list came back, again and again). Short only, and never a
 * "none of them" ("都不是", "neither").
 */
const ALL_OF_THEM = /^.{0,6}(?:都(?:查|看|要|帮|给|说|告诉|取消|退|改|想(?:知道|了解|问|看|查|要))|全部|所有|每(?:一)?个|一起查)[^吗么?？]*$|^(?:(?:please |pls )?(?:check |show |track |see |look at )?(?:them )?(?:both|all|each|every one|everything)(?: of (?:them|those|these|em|'em|dem))?(?: orders?| ones?)?(?: please| pls| plz| mate| thanks| ta)?(?: (?:la|lah|leh|lor|ah|one))*[.!\s]*)$/;
const NONE_OF_THEM = /都不|不是|没有|别|(?<![a-z])(?:none|neither|not|no)(?![a-z])/;
const MAX_ALL_REPLY = 24;
/** "都不是", "neither", "none of these": the order meant is not listed (found from outside: the same list came back). */
const NONE_LISTED = /^(?:都不是|都不对|都没有|不是这(?:两|几|些)?个|没有我要(?:查)?的)|(?<![a-z])(?:neither|none of (?:them|these|those)|not (?:any of )?(?:these|those|them|that(?: one)?))(?![a-z])/;
const saysNoneListed = (normalized: string) => normalized.length <= SHORT_FOLLOW_UP && NONE_LISTED.test(normalized);
const picksAll = (normalized: string) => normalized.length <= MAX_ALL_REPLY && ALL_OF_THEM.test(normalized) && !NONE_OF_THEM.test(normalized);

/** A first clause (a no, a yes), and more after it: the rest captured. */
const NO_THEN = /^[^,，。.!！?？;；~]+[,，。.!！?？;；~\s]+(\S.+)$/;

/** "都不是，我的快递呢", "not those, where is my parcel": a no that goes on to a question of its own (found in review). */
const asksOn = (u: Understanding): boolean => u.intent !== 'unknown' && u.intent !== 'faq' && NO_THEN.test(u.normalized.trim());
/** "都不是", "neither" as the whole answer to a list we showed (of orders or of questions). */
const declinesList = (u: Understanding): boolean => saysNoneListed(u.normalized) && !asksOn(u);

/**
 * "不是，我问的是退货运费谁出", "no, I mean do you ship to Tibet", "不用，帮我查下快递": a no that goes
 * on to ask something is that question, not only a no (found from outside: after "did you mean…?"
 * the buyer who put it right was handed to a person, the question unanswered). "不用了，谢谢" is a no.
 */
function noButAsks(u: Understanding): boolean {
  if (u.yesNo !== 'no' || u.intent === 'unknown' || u.intent === 'bye' || u.intent === 'greeting') return false;
  return NO_THEN.test(u.normalized.trim());
}

/**
 * "sorry, can you say that in English?", "中文可以吗", "说中文": the buyer asks for a language (found
 * from outside: "not understood", in the language they had just asked to leave). A short message
 * only: "英文说明书" is a product question.
 */
// The whole message asks it: "is the manual in english?", "刻字用英文可以吗" ask about goods (found in review).
const langAsk = (en: string, zh: string) =>
  new RegExp(
    `^(?:(?:sorry|ok|okay|hi|hello|please|pls)[,!. ]*)*(?:(?:can|could) (?:you|we) (?:please )?)?(?:(?:say that|reply|answer|speak|talk|write|type|chat)(?: to me)? )?in ${en}(?: please| pls)?[?!. ]*$|^${en}(?: please| pls| ok| okay)?[?!. ]*$|^(?:do|can) you (?:speak|understand) ${en}[?!. ]*$|^speak ${en}(?: please)?[?!. ]*$|^(?:你好|您好|请|麻烦)?[，, ]*(?:可以|能|能不能)?(?:用|说|讲)${zh}(?:回答|回复|交流|吗|吧|可以吗|行吗|好吗)?[?？!！。 ]*$|^${zh}(?:可以吗|行吗|好吗|回答|回复)[?？!！。 ]*$`,
  );
const ASKS_ENGLISH = langAsk('english', '(?:英文|英语)');
const ASKS_CHINESE = langAsk('(?:chinese|mandarin)', '(?:中文|汉语|普通话)');
/** "sorry i cant read chinese", "我看不懂英文": the other language asked for (found from outside: "not understood"). */
// The whole message: "我不会英文 快递到哪了" asks its question, in Chinese (found in review).
const CANT_READ = (en: string, zh: string) => new RegExp(`^(?:sorry[,!. ]*)?(?:but )?(?:i )?(?:can ?not|(?:can'?t|cannot|can not)|don'?t|do not) (?:read|understand|speak) ${en}(?: well| very well)?(?:[,.!]? *(?:(?:in )?(?:english|chinese))?(?: pls| please| plz)?)?[?!. ]*$|^(?:抱歉|不好意思|啥意思|什么意思)?[，, ]*我?(?:看不懂|不懂|不会|看不明白)${zh}(?:啊|呀|哦)?[?？!！。 ]*$`);
const CANT_READ_CHINESE = CANT_READ('(?:chinese|mandarin)', '(?:中文|汉语)');
const CANT_READ_ENGLISH = CANT_READ('english', '(?:英文|英语)');
function langRequested(normalized: string): Lang | undefined {
  if (normalized.length > 60) return undefined;
  const t = normalized.trim();
  const en = ASKS_ENGLISH.test(t) || CANT_READ_CHINESE.test(t);
  const zh = ASKS_CHINESE.test(t) || CANT_READ_ENGLISH.test(t);
  return en === zh ? undefined : en ? 'en' : 'zh';
}

/** Details a person would act on: a day or time, an address, what to write or do. */
const DETAILS = /(?:周|星期|礼拜)[一二三四五六日天末]|今天|明天|后天|下周|\d{1,2}\s*[号日]|上午|下午|晚上|中午|\d{1,2}\s*[:：点]|[省市区路街号]|写|(?<![a-z])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|morning|afternoon|evening|\d{1,2} ?(?:am|pm)|street|road)(?![a-z])/;
/** A yes with what a person needs ("好的那就改到后天上午"), or "那怎么办": to "shall I get a person?", a yes. */
function forThePerson(u: Understanding): boolean {
  const n = u.normalized.trim();
  const more = YES_LEAD.test(n) ? n.replace(YES_LEAD, '') : undefined;
  return (more !== undefined && more !== n && DETAILS.test(more) && FOR_A_PERSON.test(more) && !PUTS_OFF.test(more) && !NO_NEED.test(more)) || WHAT_NOW.test(n);
}
const SELF_DOES = /^(?:好的?|行|ok|嗯+)?[,，\s]*(?:那)?我(?:明天|今天|晚点|等会|回头|自己|这就|马上){1,2}(?:去|再)?(?:寄|弄|处理|问问|去问|联系|打电话|看看)[^?？吗]{0,8}$/;
const CHASE_YES = /^(?:ok(?:ay)?|yes|yeah|sure|要|好)?[,.!，。！\s]*(?:pls|please|can)?\s*(?:help (?:me )?)?chase(?: (?:it|them|for me|the courier|pls|please|lah))*[.!\s]*$|^(?:要|好|好的)[,，\s]*(?:拜托|麻烦)(?:你|您)?(?:快点|快一点|尽快)[!！。.\s]*$/;
/** A chase asked for inside a longer message ("walao, why stuck so long one? can help chase ninja van or not": found from outside, the offer again). */
const CHASE_ASKED = /(?<![a-z])(?:can|could|pls|please|help)(?: you)?(?: help)?(?: me)? chase(?![a-z])|帮(?:我)?催|(?:能|可以)(?:帮我)?催(?:一下|下)?/;
/** A demand on the courier or the shop: "让他今天必须给我送过来", "tell the driver to come back today". */
const DEMANDS = /^(?!不用|不要|没事|no\b)(?:.*?)(?<!我)(?:让|叫)(?:他|她|快递员?|司机|师傅|骑手|你们)[^，,。？?]{0,10}(?:必须|马上|立刻|赶紧|今天)|必须(?:今天|马上|立刻|给我)|(?<![a-z])(?:tell (?:him|her|them|the driver|the courier) to|make (?:sure )?(?:him|her|them|the driver|the courier) )(?![a-z])/;
/** Something to be done ("改到", "送到", "写上"), not put off ("我明天再来问": found in review). */
const FOR_A_PERSON = /改|换|送|写|寄|约|补|退|地址|(?<![a-z])(?:change|move|deliver|send|write|ship|address)(?![a-z])/;
/** "好的，谢谢，没有别的问题了", "行，知道了" to "shall I get a person?": done, no person (found in review: handed over). */
const DONE_NOW = /^[,，.。!！\s]*(?:(?:谢谢|谢了|多谢|thanks|thank you)[,，.。!！\s]*)?(?:知道了|明白了?|了解了?|收到了?|懂了|没有?别的(?:问题|事)?了?|没其他(?:问题|事)?了?|没事了|(?:(?:that'?s|that is)|thats) all|nothing else|got it|noted)[啦了呀哈!！。.~\s]*$/;
/** Whether it can be done at all, asked with nothing new: the thing offered, not a question of its own. */
const CAN_IT_BE_DONE = /^(?:那|所以|你们?)?(?:到底|究竟)?(?:能不能|可不可以|能|可以)(?:帮我)?(?:改|弄|处理|办)(?:一下)?(?:吗|么|啊|呀|嘛|呢|不)?[?？!！。.\s]*$|^(?:so |ok |then )?(?:(?:can|could|will) (?:you|u|someone) (?:update|change|do|fix|sort(?: out)?) (?:it|that|this)|can it be (?:changed|updated|done)|can (?:change|update|do)|can)(?: for me)?(?: or not)?(?: please| pls)?(?: then| ah| lah| la)?[?!.\s]*$/;
/** "好的 不用了 我明天自己去改地址": a no, whatever follows (found in review: handed over). */
const NO_NEED = /不用|不需要|算了|自己|(?<![a-z])(?:no need|myself|never ?mind|not needed)(?![a-z])/;
const PUTS_OFF = /再来|再问|再说|再看|再联系|想想|考虑|(?<![a-z])(?:think|later|come back)(?![a-z])/;
// "can you do it for me pls, and …" (a Berlin shop, fortieth session: the cancel text again): the robot cannot, a person can.
const CANCEL_FOR_ME = /^(?:那|好的?|嗯)?(?:就)?(?:确定|确认|帮我|直接|你帮我|麻烦帮我)取消(?:吧|了|掉|一下)?[!！。.]*$|^(?:yes,? )?(?:please )?(?:go ahead and )?cancel it(?: for me)?(?: please)?[.!]*$|^(?:ok,? |yes,? )?(?:can|could|would) you (?:please )?(?:do it|do that|cancel it|cancel that)(?: for me)?(?![a-z])|你(?:直接)?帮我(?:弄|办|搞)(?:一下)?(?:吧|嘛)?/;
const WAITS = /^(?:哈+|呵+)?(?:好吧|好的|好|行吧?|嗯+|ok)?[,，。.!！\s]*(?:没事|没关系|不用了?|算了)?[,，。.!！\s]*(?:那)?(?:我)?(?:先)?等(?:收到|到了|到货|货到|发货|快递到了?|明天|几天|两天|下周)?(?:了)?再说(?:吧|啦)?[.。!！\s]*$|^(?:那)?(?:好的?|好吧|行吧?|嗯+|没事|不用了?|不需要了?|算了|算啦|ok(?:ay)?)?[,，。.!！\s]*(?:那)?(?:我)?(?:(?:再|先|自己)等(?:等|一等|一下|一会儿?|着)?|等等)(?:吧|看|好了|就行|就好)?[.。!！\s]*$|^(?:(?:ok(?:ay)?|fine|alright|sure)[,.!]?\s*){0,2}(?:i'?ll|i will|let me|i) wait(?: a bit| a little| then| lah| la)?\s*[.!]*$|^(?:好啦|好吧|好|得啦|ok)?[,，。.!！\s]*(?:咁|那)?(?:我)?(?:再)?等(?:多|多一)(?:阵|下)(?:先|啦|喇|啊)*[.。!！\s]*$/;
/** A no to a person, then what the buyer will do instead: look, ask, wait, do it themselves. */
// Also "先不用 我週一再看看有沒有動" (found from outside: handed over); Irish "ah no its grand, ill check with the neighbours
// first", "no leave it, ill give it till monday" (thirty-second round: not understood).
// "算了不急了 我自己等" (a Shenzhen shop, forty-third session: handed over as not understood).
const DECLINES_SELF = /^(?:先不用|暂时不用|暂时不需要|先不需要|不用|不要|不必|不需要|没事|没关系|算了|算啦|不了|不好(?=啦|喇))(?:了|啦|的|哈|啊|呀|吧|喇)*[,，。.!！~\s]*(?:(?:不急|不着急|不用急)(?:了|啦)?[,，。.!！~\s]*)?(?:谢谢|多谢|谢啦)?[,，。.!！~\s]*(?:(?:那)?我(?:就)?(?:自己|再|先|回头|等会|晚点|明天|改天|等|(?:下)?(?:周|礼拜|星期)[一二三四五六日天]|下周|晚上|过两天|过几天)|(?:那)?自己)|^(?:(?:ah|sure)[,\s]+)?(?:no|nope|naw|no thanks|no thank you|no need|no leave it|leave it|(?:it is|its|that is|thats) (?:ok|okay|fine|alright|grand)|all good|no worries|dont worry|don't worry|do not worry)\b(?:[,.!\s]+(?:no|leave it|(?:it is|its|that is|thats) (?:ok|okay|fine|alright|grand)|thanks|thx|ta|cheers|mate))*[,.!\s]+(?:i will|ill|i can|i am gonna|im gonna|let me|gonna)\b/;
/** What follows a no that asks or wants something done: that is answered, the no is no decline ("没关系 我先等等 什么时候能到", "no, i will cancel it then. how do i cancel"). */
const ASKS_OR_WANTS = /[?？吗]|怎么|哪|多久|什么时候|几[天号点时]|能不能|可不可以|退款|退货|取消|投诉|人工|改|地址|查|(?<![a-z])(?:how|when|what|where|which|can i|could|refund|return|cancel|complain\w*|human|agent|change|address)(?![a-z])/;
/** A no to a person and what the buyer does instead, asking and wanting nothing more. */
function declinesSelf(n: string): boolean {
  const m = DECLINES_SELF.exec(n);
  return (m !== null && !ASKS_OR_WANTS.test(n.slice(m[0].length))) || shrugsOff(n) || MISREMEMBERED.test(n);
}
/**
 * "nvm 不退了 等就等吧": the return given up for waiting, nothing asked (a Hangzhou shop, thirty-seventh session: "no after-sales
 * request"). Not "算了不退了" alone, which asks to withdraw a request under way.
 */
const RETURN_DROPPED = /^(?:(?:nvm|never ?mind|算了|那|好吧|行吧|ok|okay)[\s,，。]*)*(?:不|不想)(?:退|换|退货|换货)(?:了|啦)[\s，,。]*(?:(?:那就|那|就)?等(?:就等)?吧|我(?:再)?等(?:等|着)?|再等等|先等着)[\s。.!！~]*$/;
/** "等下 我看到了 微信到账了 不好意思哈": the buyer found it, nothing asked (a Chongqing shop, thirty-seventh session: the refund told again). */
const FOUND_IT = /^(?:(?:等下|等等|等一下|哦|噢|啊|oh|wait)[\s,，。]*)?(?:我)?(?:看到|找到|查到)了[\s,，。]*[^?？吗么]{0,14}(?:到账了|收到了|到了|在了)[^?？吗么]{0,12}$/;
/**
 * "算了 可能是我记错了 不用查了", "never mind, my mistake": the buyer was wrong, nothing to check (a Chongqing shop, thirty-seventh
 * session: handed over as a second miss).
 */
/**
 * The buyer's own message sent by mistake ("不好意思发错了😂", "刚才那条是发给同事的，发错了", "sorry wrong chat 😅": three shops, forty-fourth
 * session, told how to report goods sent wrong, or handed over): nothing asked. The message must end on it, and ask or correct
 * nothing ("抱歉 刚刚那条打错了 我要退款", "收件人名字打错了", "刚才客服说发错了 让我寄回来": found in review), nor be about goods the shop
 * sent wrong ("你们发错了", "发成微辣了").
 */
const MISTAKE_LAST = /(?:发错|传错|打错|手滑)(?:了|啦)?(?:人|群|地方|窗口|对话)?(?:了|啦)?$|(?:(?:发给|传给)|那(?:条|个)?是?要(?:发|传)?给|是(?:发|传)?给)(?:我)?(?:同事|朋友|别人|老公|老婆|家里人|妈|男朋友|女朋友)的?$|^(?:别理我|不用理我|忽略)$|(?<![a-z])(?:wrong (?:chat|person|convo|conversation|window|thread|group)|meant for someone else|not meant for you|sent (?:that|this|it) by mistake|sent (?:it |that |this )?to the wrong (?:person|chat|group)|(?:that|my last) (?:msg|message) was(?:n'?t| not) for you|ignore (?:me|that|it|this))$/;
const NOT_A_MISTAKE = /你们|你家|商品|货|颜色|尺码|东西|发成|少发|漏发|寄错|快递|包裹|地址|名字|收件人|手机|电话|号码|客服|退|换|改|要的是|哪|吗|[?？]|(?<![a-z])(?:you sent|item|size|colou?r|order|parcel|package|delivered|courier|driver|address|name|phone|refund|return|where|when|how|what|why)(?![a-z])/;
const PLEASANTRY = /^(?:不好意思|抱歉|对不起|sorry|sry|oops|omg|哎呀|哎|呀|my bad|lol|haha|哈+|😅|😂|🙏)$/;
function sentByMistake(text: string): boolean {
  const t = foldTraditional(text.slice(0, 80).toLowerCase());
  if (NOT_A_MISTAKE.test(t)) return false;
  // Clauses by punctuation, and a Chinese one by its spaces too ("抱歉傳錯了 那是要給我朋友的"); pleasantries and emoji left out.
  const clauses = t
    .split(/[,，。.!！~、;；]+/)
    .flatMap((c) => c.split(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/u))
    .map((c) => c.replace(/\p{Extended_Pictographic}|\uFE0F/gu, '').replace(/(?:[哈]+|\s+(?:(?:ha)+h?|lol|lmao|(?:he)+))+$/, '').trim())
    .filter((c) => c && !PLEASANTRY.test(c));
  return MISTAKE_LAST.test(clauses.at(-1) ?? '');
}
/** Laughter and nothing else ("😂😂", "哈哈哈哈", "lol": a Taipei shop, forty-fourth session, a miss and then a hand-over). */
const LAUGH = /哈|呵|嘿|(?<![a-z])(?:(?:ha)+h?|(?:he)+|lol+|lmao|rofl)(?![a-z])|😂|🤣|😆|😅|😁|😄/gu;
/**
 * The buyer cannot read the shop's answer in the other language ("sorry i cant read chinese, what does that say??" after the shop's
 * Chinese entry: a Taipei shop, forty-fourth session, "didn't quite get that"): a person offered to explain it.
 */
// Not "english please" alone: that asks for a language (langInClause), which the robot's own texts can follow (found from
// outside, two shops whose answers were all English: told "some of the shop's answers are written in Chinese only").
const CANNOT_READ = /(?<![a-z])(?:(?:can'?t|cannot|can not|don'?t|do not) (?:read|understand) (?:chinese|mandarin|traditional chinese)|(?:in )?english (?:please|pls|plz)\b[^.?!]{0,20}\b(?:i )?(?:don'?t|do not|dont) understand|(?:i )?(?:don'?t|do not|dont) understand\b[^.?!]{0,20}\b(?:in )?english (?:please|pls|plz))(?![a-z])|(?:看不懂|不懂|不认识)(?:英文|英语)|(?:英文|英语)(?:我)?看不懂/;
// Of the goods' own words, not the shop's answer ("说明书全是英文 我看不懂英文 有中文说明书吗", "the label is all in chinese": found in review).
const GOODS_WORDING = /说明书|标签|包装|刻字|蛋糕|贺卡|卡片|字幕|菜单|(?<![a-z])(?:labels?|manuals?|instructions?|ingredients?|packag\w*|box|engrav\w*|card|subtitles?|menu)(?![a-z])/;
/** Laughter alone, or with an ok ("哈哈哈哈 好喔"); read on what was typed too, since emoji are gone from the normalized text. */
function laughsOnly(text: string, n: string): boolean {
  const rest = text.replace(LAUGH, '');
  if (rest === text) return false;
  const said = n.replace(LAUGH, '').replace(/[哦喔啊呀啦吧嘛]+$/u, '').trim();
  return /^[\s.!！~。，,]*$/.test(rest) || BARE_YES_NO.test(said) || MERE_ACK.test(said);
}
const MISREMEMBERED = /^(?:算了|算啦|哦|噢|啊|那|没事)?[\s,，。]*(?:可能|应该|估计|大概)?(?:是)?我(?:记错|搞错|看错|弄错|想错|记岔)了[^?？吗]*$|^(?:算了|算啦|没事了?)[\s,，。]*[^?？吗]{0,12}不用(?:帮我)?(?:查|看|找)了?[\s。.!！~]*$|^(?:oh |ah )?(?:never ?mind|nvm|sorry|my bad|oops)[,.!\s]+(?:i (?:was wrong|got it wrong|misread(?: it)?)|my (?:mistake|bad)|(?:no need to|(?:don'?t|do not)) (?:check|look))[\s.!]*$/;
/** A no at the start (甭 is 不用 in the north: "甭了 我自己去店里瞅瞅"). */
const NO_LEAD = /^(?:(?:先|暂时)?(?:不用|不要|不需要|不必|甭)(?:了|啦|的|哈|啊|呀|吧)*[,，。.!！~\s]*)+|^(?:no|nope|nah|naw)\b[,.!\s]*/;
/** What follows it asks nothing more: a put-off, "that will do", "just asking", a goodbye, "it's fine". */
const SHRUG = /再说|再看|就行|就好|就可以|算了|随便问问|就问问|只是问问|问问而已|瞅瞅|看看|88|拜拜|(?<![a-z])(?:(?:it is|its|it's|that is|thats|that's) (?:ok|okay|fine|alright|grand)|all good|no worries|never ?mind|nvm|just asking|bye)(?![a-z])/;
/**
 * A no, then a shrug that asks nothing ("先不用 到货再说", "不用 我就随便问问 88", "不用 没得就算了", "不用不用 下单的时候我备注一下就行",
 * "nah its fine"): found from outside (a Beijing, a Chengdu and a Toronto shop, thirty-sixth session: "not understood", or a hand-over).
 */
function shrugsOff(n: string): boolean {
  const m = NO_LEAD.exec(n);
  if (!m) return false;
  const rest = n.slice(m[0].length);
  return (rest === '' && /甭/.test(m[0])) || (SHRUG.test(rest) && !ASKS_OR_WANTS.test(rest));
}
/** Only that, nothing asked beside it ("在吗，我的退款什么时候到" is the refund: found in review). */
const WHERE_IS_EVERYONE = /^(?:[\s?？!！。,，.]*(?:人呢|有人吗|有人在吗|有人没|人呢人呢|(?:is )?any(?:one|body) there))+[\s?？!！。,，.]*$/;
/** Trouble told again: the same words, or "still", "tried", with what is wrong; not a question about it ("还是不行的话能退吗"). */
const STILL_WRONG = /还是|仍然|依然|照样|一直|试过|试了|(?<![a-z])(?:still|again|tried|same (?:problem|issue|thing)|no luck|did ?n[o']?t help|does ?n[o']?t help)(?![a-z])/;
const WRONG_WORDS = /不行|没用|不管用|不好使|没反应|没好|坏的|(?<![a-z])(?:not working|does ?n[o']?t work|do ?n[o']?t work|wo ?n[o']?t work|is ?n[o']?t working|are ?n[o']?t working|no sound|broken)(?![a-z])/;
function troubleAgain(u: Understanding, text: string): boolean {
  const n = u.normalized.trim();
  // A short follow-up, not a new story or a question ("是直接退款还是要先寄回去", "did it get missed?": found in review of the corpus).
  if (n.length > SHORT_FOLLOW_UP || /[?？]$|是.{0,12}还是|还是要|(?:^|[^a-z])or(?![a-z])/.test(n) || (POLICY_ASK.test(n) && !IS_IT_NORMAL.test(n))) return false;
  if (isDataIntent(u.intent) && !u.guessed && u.intent !== 'order_status') return false;
  // What the person will check, told ("外箱是好的 没拆过的痕迹", "i have photos of the box"): for them (found from outside: a goodbye).
  if (EVIDENCE.test(n)) return true;
  const wrong = GOODS_TROUBLE.test(n) || DEVICE_FAULT.test(n) || WRONG_WORDS.test(n) || SPOILED.test(n);
  return wrong && (STILL_WRONG.test(n) || reportsTrouble(u, text));
}
// 相 is a photo in Cantonese ("我有相": found from outside, only a person offered), not 相关, 相同, 相信.
const EVIDENCE = /外箱|外包装|面单|封口|胶带|没拆|没开过|未拆|拆过|开箱视频|拍了|有照片|有视频|有相(?![关同似信当对应反比处])|相片|(?<![a-z])(?:photos?|pictures?|pics?|pix|video|the box|packaging|seal(?:ed)?|tape|unopened)(?![a-z])/;
/** "那怎么办", "what should I do now": the buyer asks what happens next. */
// "guardhouse also say no parcel for me. how now?" (Malaysian English, after a person was offered: found from outside, the tracking again).
const WHAT_NOW = /^(?:那|那么|所以|那现在|现在)?(?:我)?(?:该|要)?(?:怎么办|咋办|咋整|怎么整|怎么弄|怎么处理|点算)(?:呢|啊|呀|吧|哦)?[?？]*$|^(?:(?:so|then|ok|okay|and|well|right),? )*what (?:should|do|can|shall) i do(?: now| then| now then| about it)?\s*\??$|^what (?:now|can you do)\s*\??$|(?:^|[.!?] )(?:so |then )?(?:how now|now how|what to do now)\s*[?!.]*$/;
// "好嘞 谢谢老板" too (found from outside: a person against the thanks).
const THANKS_AFTER = /^(?:谢谢|多谢|谢了|谢啦|感谢|thanks?|thank you|thx|ty|cheers)(?:\s*(?:你|您|老板娘?|亲亲?|小姐姐|a lot|so much|mate))?[\s!！。.~啦了哈呀]*$/;
/** "yes please, how long will it take?", "好的，多久能接通？": a yes to a person, asking about that person (found in review). */
const ABOUT_THE_PERSON = /多久|多长时间|什么时候|几点|有人|人工|客服|接通|排队|(?<![a-z])(?:how long|when|someone|agent|human|person|wait|queue)(?![a-z])/;
const WAIT_FOR_PERSON = /(?:要|得|需要)等多久[^，,。？?]{0,6}(?:人工|客服|有人)|(?:人工|客服)[^，,。？?]{0,6}(?:要|得)等多久|(?<![a-z])(?:how long (?:will|do|would|must) (?:i|we) (?:have to |need to )?wait for (?:someone|somebody|a person|an agent|a human|the agent|a real person)|how long (?:until|till|before) (?:someone|somebody|an agent|a person) (?:replies|answers|comes|is free))(?![a-z])/;
/** An acknowledgement, not an answer to a question: "ok", "好的", "嗯", a 👍 (nothing left once emoji are taken out). */
const MERE_ACK = /^(?:ok|okay|k|kk|好|好的|嗯|嗯嗯|行|收到|知道了|明白了?)?[!.。！~\s]*$/;

/** Beside "are you a bot?", the buyer asks for a person: "i want a real person", "人工！", "human please". */
// "你们客服是机器人吗" names the staff it asks about, wants none (found from outside: handed over).
const WANTS_PERSON = /人工(?!智能|智慧)|(?<!你们|您们|你|您)客服(?!是)|(?<![a-z])(?:want|need|please|pls|give me|let me)(?![a-z])|!|！/;

/** Asking for what the person offered does: chase it, hurry it, see to it. */
const CHASE_ASK = /催|急用|急着用|着急|加急|尽快|帮我(?:问|处理|联系|跟进)|补发|(?<![a-z])(?:chase|hurry|follow (?:it )?up|escalate|look into it)(?![a-z])/;
const NOT_NOW = /不用|不要|别|不必|不急|不催|不着急|没事|算了|再等|再说|再来|再问|晚点|明天|先这样|自己|我去|试试|(?<![a-z])(?:no need|(?:don'?t|do not)|not now|never mind|no worries|think about|later|myself|(?:i'?ll|i will) wait|let me)(?![a-z])/;
/** A request in its own words after the yes: "是的 我要补发", "可以 帮我催下", "yes please do it". */
/** "ok do that pls", "yes go ahead", "please do": the offer taken (found from outside: read as a goodbye). */
const DO_IT = /^(?:ok(?:ay)?|yes|yeah|yep|sure)?[\s,.!]*(?:please |pls |plz )?(?:do (?:that|it|so)|go ahead|please do|pls do)(?: (?:please|pls|plz|thanks|thx|then|mate))*[\s!.]*$/;
const OK_HOW = /^(?:ok(?:ay)?|sure|yes|yeah|yep|好的?|行|嗯|可以)[\s,，.!！]*(?:then |so )?(?:how|how do i do that|what now|怎么弄|怎么办|怎么做|要怎么做|然后呢)[\s?？]*$/;
const ASKS_FOR_IT = /帮我|给我|我要|安排|处理一下|联系|(?<![a-z])(?:please|pls|for me|do it|go ahead)(?![a-z])/;
/** A chase asked as a question is still a request: "能不能催一下", "can you chase it". */
const ASKS_POLITELY = /能不能|可不可以|可以|能否|麻烦|(?<![a-z])(?:can you|could you|would you)(?![a-z])/;
/** A question after the yes: "要得，今天拍明天能发不", "ok, when does it ship?". */
const ASKED_AFTER = /[?？]|吗|么|[不没][\s。!！~]*$|[能会可要行是有][不没]|什么|怎么|多久|几[天点号时]|哪|(?<![a-z])(?:when|what|how|where|which|can|could|will|is|are|do|does)(?![a-z])/;
const ASKS_AFTER_LEAD = /^(?:要得|好的|好|行|可以|ok|okay|嗯|是的|yes|sure)(?![a-z])[\s,，。.!！]+/;
function asksAfterYes(n: string): boolean {
  const m = ASKS_AFTER_LEAD.exec(n.trim());
  const rest = m ? n.trim().slice(m[0].length) : '';
  // One that leans on the entry offered is about it ("是的，那具体要怎么操作呢", "yes, and how long does it take?").
  return [...rest].length >= 4 && ASKED_AFTER.test(rest) && !/^(?:那|那么|然后|具体|and|so|then|also)(?![a-z])/.test(rest);
}
const YES_LEAD = /^(?:是的|好的|可以|行|要的|需要|嗯嗯|嗯|好|对|yes|ok|okay|sure|please)(?![a-z])[\s,，。.!！]*/;
const ACK_ONLY = /知道了|明白|收到|懂了|了解|等等|看看|谢谢|(?<![a-z])(?:got it|i see|understood|thanks|thank you|wait)(?![a-z])/;

/**
 * To "shall I get a person to chase it?": "可以 帮我催下", "都一个礼拜了 能不能催一下", "是的 我要补发"
 * are a yes (found from outside: "not understood", a bare "好的" alone worked). A yes that goes on
 * to a question or only acknowledges ("好的我知道了") is not.
 */
/** Said calmly: no hurry, only asking, will wait or check themselves. */
const CALM = /没关系|不急|不着急|先问问|只是问|等等|先等|再等|不麻烦|不用了|问下银行|问问银行|(?<![a-z])(?:no rush|no hurry|(?:(?:it'?s|it is)|its|(?:that'?s|that is)|thats) (?:fine|ok|okay)|just asking|(?:i'?ll|i will) wait|will wait)(?![a-z])/;
function agreesToPerson(u: Understanding, onRefund = false): boolean {
  const text = u.normalized.trim();
  if (NOT_NOW.test(text)) return false;
  // "补发要多久" asks; "能不能催一下" asks for the chase.
  if (CHASE_ASK.test(text)) return !ASKS_AFTER.test(text) || ASKS_POLITELY.test(text);
  // "都4天了还没到账" to "shall I get a person to follow up?" about a refund: pressing, not asking; yes
  // (found from outside: the same text a third time). Not "还没收到 只是先问问", not another order's.
  if (onRefund && SAYS_LATE.test(text) && !ASKS_AFTER.test(text) && !CALM.test(text) && text.length <= SHORT_FOLLOW_UP && !u.entities.some((e) => e.type === 'orderId') && !/另一|别的|其他|(?<![a-z])other(?![a-z])/.test(text)) return true;
  // "ok how", "好的 怎么弄": yes, and how is what the person does (found from outside: a list of entries).
  if (OK_HOW.test(text) || DO_IT.test(text)) return true;
  const rest = text.replace(YES_LEAD, '');
  const unclear = u.intent === 'unknown' || u.intent === 'bye' || u.guessed === true;
  return unclear && rest !== text && ASKS_FOR_IT.test(rest) && !ASKS_AFTER.test(rest) && !ACK_ONLY.test(rest);
}

/** Words that make what follows a question. */
const ASKS_AFTER = /[?？]|[吗呢么嘛]\s*$|怎么|什么|多少|多久|几[天个号时次]|哪|能不能|可不可以|是不是|有没有|(?<![a-z])(?:how|what|when|where|which|why|who|can|could|do|does|did|is|are|was|were|has|have|will|would)(?![a-z])/;

/**
 * "ok. does the kibble have any grains in it", "不用，猫砂可以冲马桶吗？" to "shall I get you a person?":
 * the yes or no acknowledges, the question after it is what the buyer wants answered (found from
 * outside: "ok" handed the buyer over, "不用" dropped the question, whatever the robot made of it).
 */
/** Goods, or a topic of the shop's, that the question offered does not name ("那手表的保固是多久" after the customs entry). */
const OWN_TOPIC = /保修|保固|质保|发票|运费|邮费|包邮|退货|换货|退款|优惠|券|发货|快递|物流|尺码|证书|(?<![a-z])(?:warranty|invoice|shipping|postage|refund|return|exchange|coupon|discount|size|certificate)(?![a-z])/g;
function namesItsOwn(rest: string, offered: readonly string[]): boolean {
  const asked = offered.join(' ');
  const goods = [...kindsOfGoods(rest)].some((k) => !kindsOfGoods(asked).has(k));
  // "ok. and my new bergen sofa when deliver?": the buyer's own thing, which no question of the shop's is (found from outside: taken as a yes).
  return goods || BUYERS_OWN.test(rest) || (rest.match(OWN_TOPIC) ?? []).some((w) => !asked.toLowerCase().includes(w));
}
const BUYERS_OWN = /(?<![a-z])(?:my|our)(?![a-z])|我的|我买的|我那(?:个|单|件)/;
/** A question that opens another topic ("那…", "另外…", "and what about…"). */
// "ok. another thing, …" (found from outside: taken as a yes).
// "ok lor. then bed frame need to assemble myself…" (a Singapore shop, thirty-sixth session: the mattress entry offered was given).
const NEW_TOPIC = /^[,，\s]*(?:那|那么|另外|还有|顺便|(?:and |also |then |so |what about |how about |btw |by the way|another (?:thing|question)|one more (?:thing|question)))/;
/** An order named after the ok ("ok. the cable order, can i …"): another matter than the FAQ question offered, not than the person (found in review: "ok. my buds order, how long?"). */
const ORDER_NAMED = /^[,，\s]*(?:the |my )?(?:[a-z0-9]+ ){1,2}order\b/;
/** An order named after the ok ("ok. then my bahulu order when ship?"), not the parcel the person was offered for ("yes please, when will my parcel come?": found in review). */
const ANOTHER_ORDER = /(?<![a-z])(?:my|the|another|other) (?:[a-z]+ ){0,4}order(?![a-z])|另一(?:个|单)|(?:那|这)(?:个|一)?(?:订单|单子)/;
/** Words of the person offered: "ok, and when will the agent come?" is still a yes. */
const PERSON_WORD = /人工|客服|真人|排队|(?<![a-z])(?:someone|agent|human|person|queue|staff)(?![a-z])/;
const EMPHATIC_YES = /^(?:yes|yeah|yep|ok|okay|sure)[\s,.!]*(?:please|pls|plz)(?![a-z])|^please do(?![a-z])|^(?:好的?|要的?|需要|可以)[，,。\s]*(?:麻烦(?:你|您)?了?|谢谢)/;
/** The yes or no of a message to what we asked, or none when the question after it is what the buyer wants answered. */
function yesNoOf(state: DialogueState, u: Understanding, rest: string | undefined): Understanding['yesNo'] {
  // "好的，那手表的保固是多久" to "did you mean X?": an ok, then another question, which is what is asked (found
  // from outside: X's answer was given); only when it names goods or a topic of its own ("对，那要多久",
  // "那具体要怎么操作呢", "yes, and how long does it take?" ask on about X: found in review).
  const moves = Boolean(state.confirm || state.faqOptions) && yesNoThenAsks(u, rest) && (NEW_TOPIC.test(rest!.trim()) || ORDER_NAMED.test(rest!.trim())) && namesItsOwn(rest!, state.faqOptions ?? []);
  const elsewhere = Boolean(state.offeredHuman) && yesNoThenAsks(u, rest) && NEW_TOPIC.test(rest!.trim()) && !PERSON_WORD.test(rest!);
  // "ok. then my bahulu and sambal order when ship?": "when" of the buyer's own order is no question about the person (found from outside: handed over).
  const ofTheirOwn = rest !== undefined && ANOTHER_ORDER.test(rest) && !PERSON_WORD.test(rest);
  // "Yes please. Also if it is lost can you send a new one?" to a person offered: yes, and the rest is for the person (a US
  // vitamins shop, forty-first session: told the tracking and offered again, three times).
  if (state.offeredHuman && u.yesNo === 'yes' && EMPHATIC_YES.test(u.normalized.trim()) && !ofTheirOwn) return 'yes';
  return noButAsks(u) || moves || elsewhere || (yesNoThenAsks(u, rest) && (u.yesNo === 'no' || (state.offeredHuman && (!ABOUT_THE_PERSON.test(u.normalized) || ofTheirOwn)))) ? undefined : u.yesNo;
}
function yesNoThenAsks(u: Understanding, rest: string | undefined): boolean {
  return u.yesNo !== undefined && rest !== undefined && rest.length >= 4 && ASKS_AFTER.test(rest);
}

/** Ways to pick one of a listed few by what the list shows: when it was ordered, what it cost. */
type PickBy = 'oldest' | 'newest' | 'cheapest' | 'dearest' | 'top' | 'bottom';
const PICK_BY: readonly [PickBy, RegExp][] = [
  ['oldest', /(?<![a-z])(?:ordered|bought|placed|purchased|got) (?:it |that )?first(?![a-z])|(?<![a-z])first (?:one )?i (?:ordered|bought|placed)|(?<![a-z])(?:oldest|earliest|older|earlier) (?:one|order)|最早(?:的|买|下单|拍|订)|先(?:买|下单|拍|订)的|早(?:点|些)?(?:买|下单|拍)的那/],
  ['cheapest', /(?<![a-z])(?:the )?(?:cheaper|cheapest|cheap|less expensive|lower priced|inexpensive) (?:one|order)(?![a-z])|便宜(?:点|一点|些)?的那|最便宜|价格低的|金额(?:小|少)的/],
  ['dearest', /(?<![a-z])(?:the )?(?:pricier|priciest|pricey|expensive|more expensive|most expensive|dearer|bigger order) (?:one|order)?(?![a-z])|贵(?:点|一点|些)?的那|最贵|价格高的|金额(?:大|多)的/],
  ['newest', /(?<![a-z])(?:the )?(?:newer|newest|later|more recent) (?:one|order)(?![a-z])|新下的|后(?:面)?下的|后来(?:买|下单|拍)的|最后(?:买|下单|拍)的/],
  ['top', /(?<![a-z])(?:the )?(?:top|upper) one(?![a-z])|最上面|上面(?:那|的那|一个|一单)/],
  ['bottom', /(?<![a-z])(?:the )?(?:bottom|lower) one(?![a-z])|最下面|下面(?:那|的那)/],
];
/**
 * A short answer only, with no "not" and no goods named ("便宜的那个耳机" is the earphones: the goods
 * decide; "物流上面一直没更新" and "the earlier order was cancelled, not these" are no picks: found in review).
 */
const pickByOf = (normalized: string, text: string): PickBy | undefined =>
  normalized.length > 30 || NOT_NEWEST.test(normalized) || kindsOfGoods(text).size > 0 ? undefined : PICK_BY.find(([, re]) => re.test(normalized))?.[0];

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_PLACES: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5 };
// Each alternative its own first character, and at most five places: a failed match must not try
// every split of "1,1,1,…" (found in review: 50 characters took 1.8 s on the event loop).
const POSITION = '(?:第\\s*[一二三四五六七八九1-9]\\s*(?:个|单|笔|条)?|[一二三四五六七八九]\\s*(?:个|单|笔|条)?|#?[1-9](?:\\s*(?:个|单|笔|条))?|(?:the )?(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?: one)?)';
const SEVERAL_PLACES = new RegExp(`^\\s*(?:(?:check|show|track|both|please|pls)\\s+){0,2}${POSITION}(?:\\s*(?:and|&|和|跟|与|还有|以及|、|,|，|\\+|/)\\s*${POSITION}){1,4}(?:[\\s,，]*(?:都要|都查|都看|都|一起查|一起|both|please|pls|thanks|thank you|谢谢|吧|呀|啊)){0,3}[\\s.!。！~]*$`);
const MAX_PLACES_TEXT = 40;

/**
 * "1 and 2", "1和3", "第一个和第二个都要": several places of our list at once (found from outside:
 * the list came back, or only the first was answered). Zero-based, in the order said; undefined
 * unless every place is on the list and there are two or more.
 */
function positionsNamed(normalized: string, listed: number): number[] | undefined {
  if (normalized.length > MAX_PLACES_TEXT || !SEVERAL_PLACES.test(normalized)) return undefined;
  const places = [...normalized.matchAll(/[一二两三四五六七八九1-9]|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th/g)].map((m) => CN_DIGITS[m[0]] ?? EN_PLACES[m[0]] ?? Number(m[0]));
  const distinct = [...new Set(places)];
  return distinct.length >= 2 && distinct.every((n) => n >= 1 && n <= listed) ? distinct.map((n) => n - 1) : undefined;
}

/** "neither, I'm asking about the dumplings delivery": the parcel, whatever the list was about (found from outside: the refund list again). */
const ASKS_DELIVERY = /快递|物流|配送|送到|到哪|(?<![a-z])(?:deliver(?:y|ed|ing)?|shipping|parcel|package|tracking|arriv(?:e|al|ing))(?![a-z])/;

/** The answer to our "which order?" list: a pick by id, place, goods or description, all of them, or none. */
/** What the goods are (shelf life, ingredients, use, authenticity, warranty): the shop's FAQ, not a pick from a list of orders. */
const ABOUT_THE_GOODS = /保质期|有效期|生产日期|成分|孕妇|孕期|正品|真假|怎么用|用法|说明书|(?<![a-z])(?:expiry|expire|shelf life|ingredients?|authentic|genuine|fake|manual|how to use)(?![a-z])/;

function answerToChoice(p: NonNullable<DialogueState['pending']>, u: Understanding, text: string, base: Pick<Resolved, 'lang' | 'u'>, orderId: string | undefined): Resolved | undefined {
  const intent = isDataIntent(u.intent) ? u.intent : p.intent;
  // The whole message is one of the listed ids ("#12", "A-7"): it names that order, not a position.
  const exact = p.orderIds.find((id) => sameId(id, text.trim()));
  if (exact) return { ...base, intent, choice: { orderId: exact } };
  const several = positionsNamed(u.normalized, p.orderIds.length);
  if (several) return several.length === p.orderIds.length ? { ...base, intent, choice: { all: true } } : { ...base, intent, choice: { several: several.map((i) => p.orderIds[i]!) } };
  const by = pickByOf(u.normalized, text);
  if (by) return { ...base, intent, choice: { pickBy: by } };
  const ordinal = u.entities.find((e) => e.type === 'ordinal')?.value as number | undefined;
  const bare = /^\s*#?(\d{1,2})\s*[.。号]?\s*$/.exec(u.normalized);
  const index = ordinal !== undefined ? (ordinal > 0 ? ordinal - 1 : p.orderIds.length + ordinal) : bare ? Number(bare[1]) - 1 : undefined;
  if (index !== undefined) {
    const id = p.orderIds[index];
    return id ? { ...base, intent, choice: { orderId: id } } : { ...base, intent: p.intent, choice: { outOfRange: true } };
  }
  const named = namedIds(text, p.orderIds, !u.entities.some((e) => e.type === 'phoneTail'));
  if (named.length === 1) return { ...base, intent, choice: { orderId: named[0]! } };
  if (picksAll(u.normalized)) return { ...base, intent, choice: { all: true } };
  // "不是这两个，是衣服", "neither, I mean the jacket": an order not listed, by its goods, among all of them.
  if (declinesList(u)) return kindsOfGoods(text).size > 0 ? { ...base, intent } : { ...base, intent, choice: { noneListed: true } };
  if (NONE_LISTED.test(u.normalized) && !isDataIntent(u.intent) && ASKS_DELIVERY.test(u.normalized) && kindsOfGoods(text).size > 0) return { ...base, intent: 'track_parcel' };
  // "不是最新的那个", "not the latest one": not a pick of it; a description wins over it.
  if (picksNewest(u.normalized, NEWEST)) return { ...base, intent, choice: { newest: true } };
  if (orderId) {
    const id = p.orderIds.find((x) => sameId(x, orderId));
    if (id) return { ...base, intent, choice: { orderId: id } };
    return { ...base, intent, explicitOrderId: orderId };
  }
  // "耳机那个", "昨天买的那个", "the leather one" (whose product word is also an FAQ cue): matched
  // against the listed orders once they are loaded.
  const describes = !isDataIntent(u.intent) && (POINTS_AT_ONE.test(u.normalized) || namesListedGoods(u, text, p.kinds) || namesGoodsAlone(u.normalized));
  // "今天好热啊", "r u a real person?" and nothing else: no answer to the list; answered, and the list waits (found from outside).
  if (!describes && !isDataIntent(u.intent) && (isSmallTalk(text) || asksWhoAnswers(text))) return undefined;
  // "礼盒的面霜保质期到什么时候": a question about the goods themselves, naming listed goods, is that question; the list waits (found from outside: a pick).
  // Asked, not picked: "正品那个", "the manual one" name an order by its title's words (found in review).
  if (!isDataIntent(u.intent) && ABOUT_THE_GOODS.test(u.normalized) && ASKS_AFTER.test(u.normalized) && !POINTS_AT_ONE.test(u.normalized)) return undefined;
  if (u.intent === 'unknown' || describes || (isDataIntent(u.intent) && u.entities.some((e) => e.type === 'date' || e.type === 'dateRange' || e.type === 'phoneTail' || e.type === 'sku'))) {
    return { ...base, intent, choice: { describe: true } };
  }
  return undefined;
}

/** `answerToChoice`; the order picked from a list asked why orders were cancelled is asked why that one was (found in the closing note of an earlier round). */
function pendingAnswered(p: NonNullable<DialogueState['pending']>, u: Understanding, text: string, base: Pick<Resolved, 'lang' | 'u'>, orderId: string | undefined): Resolved | undefined {
  const picked = answerToChoice(p, u, text, base, orderId);
  // The order picked for another delivery day is still asked another day, not another address (found from outside).
  const later = picked && p.reschedule && picked.intent === p.intent ? { reschedule: true as const } : {};
  return picked && p.whyCancelled && picked.intent === p.intent ? { ...picked, whyCancelled: true } : picked ? { ...picked, ...later } : picked;
}

/** Words for the order: the shop's entry on them when it has one ("贺卡怎么写？"), and a person to note them. */
function noteAnswer(ctx: Ctx): Outcome {
  const hit = confidentFaq(ctx) ?? ctx.data.faqCandidates?.[0];
  const topic = ctx.r.engraving ? ENGRAVING : /贺卡|卡片|留言|备注|电话|(?<![a-z])(?:card|note|call)/i;
  // A gift's entry by its question: "confirm receipt" in an invoice entry's answer is not one (found in review).
  const onTopic = (e: FaqEntry) => topic.test(`${e.question} ${e.answer}`.toLowerCase()) || (!ctx.r.engraving && /礼品|礼物|礼盒|送礼|(?<![a-z])gift/i.test(e.question));
  const entry = hit && detectLanguage(hit.entry.answer).lang === ctx.lang && onTopic(hit.entry) ? [{ text: hit.entry.answer }] : [];
  return { replies: [...entry, { text: ctx.r.engraving ? ctx.t.engravingOffer : ctx.t.noteOffer }], next: { offeredHuman: true } };
}

/** A number that is an account, a card or an ID ("充值账号 8800123456"), not an order (found in review). */
const ACCOUNT_NUMBER = /账号|卡号|手机号|号码|身份证|充值到|(?<![a-z])(?:account|phone number|id number)(?![a-z])/;
/** "oh wait sorry thats the old order, we did get the tent. ignore me": what came before it is taken back (found from outside: an entry offered). */
// Not "ignore my last message": that points at an earlier one, and what precedes it is the new request (found in review).
const IGNORE_ME = /(?:^|[.!,?]\s*)(?:ignore (?:me|that|this)|scratch that|disregard (?:that|this|me)|my bad,? ignore)(?:[\s.!]|\p{Extended_Pictographic}|\u{FE0F})*$/u;
/** A goodbye after a no to "did you mean…?" ("no. thanks, bye", "no. laters"): not "tell me in other words" (a Guangzhou and a Bristol shop, thirty-fifth session). Thanks alone ("不用了，谢谢") still declines the offer. */
const SIGNS_OFF = /^(?:(?:ok|okay|thanks|thank you|thx|ta|cheers|谢谢|谢了|好的)[\s,，.。!！]*)*(?:bye|goodbye|bye bye|later|laters|see ya|see you|cya|拜拜|再见)[\s,，.。!！~]*$/;
/** A no and nothing else ("no", "nope", "不是"): after an answer it may say the answer missed (found in review). */
const BARE_NO_ONLY = /^(?:no|nope|nah|不是|不是的|不对)[\s.!！。~]*$/;
/** A yes and nothing else ("係", "yes"), with nothing of ours asked. */
const BARE_YES_NO = /^(?:是|是的|系|对|对的|yes|yeah|yep|yup|ya)[\s.!！。~]*$/;
/** A yes that says it is wanted, not an "ok": 要得, 要, 需要, "yes please". */
const WANTS_IT = /^(?:要得|要的|要|需要|麻烦(?:你|您)?了?|(?:yes|yeah|yep|yup|ja|sure)(?:[\s,!]+(?:please|pls|plz|bitte))?(?![a-z]))[\s,，!！]*/i;
const wantsItThanks = (n: string): boolean => WANTS_IT.test(n) && THANKS_AFTER.test(n.replace(WANTS_IT, ''));
/** An answer to "shall I get a person?" (or to how to do it oneself): a yes, a no, thanks, or neither. */
/** "ok lah connect", "yes connect", "can connect" to "shall I get a person?" (a Kuala Lumpur shop, fiftieth session: read as a goodbye). */
const CONNECT_YES = /^(?:(?:ok(?:ay)?|yes|ya|yeah|yep|sure|can|boleh|pls|please)[\s,!.]*)+(?:(?:lah|la|leh|lor)[\s,!.]*)?(?:just )?connect(?: me| la| lah)?(?: pls| please)?[\s!.]*$/;
const TRANSFER_YES = /^[\s，,。!！]*(?:(?:那|好|好的|行|嗯|中|可以|ok)[\s，,。!！]*)?(?:就)?(?:帮我|给我|给俺|帮俺)?(?:转吧|转啊|转呗|转|转人工吧|转一下|转过去吧?|找人吧|找人工吧)(?:吧|啊|呀)?(?=[\s，,。!！~]|$)/;
function personOffered(state: DialogueState, u: Understanding, yesNo: Understanding['yesNo'], rest: string | undefined, text: string): Pick<Resolved, 'intent' | 'declined' | 'cannotRead'> | undefined {
  // "算了 可能是我记错了 不用查了", with a person offered or not: nothing asked, no miss (the second miss had handed the buyer over).
  if (CANNOT_READ.test(u.normalized) && !GOODS_WORDING.test(u.normalized)) return { intent: 'unknown', cannotRead: true };
  if (MISREMEMBERED.test(u.normalized.trim()) || RETURN_DROPPED.test(u.normalized.trim()) || FOUND_IT.test(u.normalized.trim()) || sentByMistake(text)) return { intent: 'unknown', declined: 'human' };
  // Laughter with a yes to a question of ours is the yes ("好哈", "yes haha" to "shall I get a person?": found in review).
  const asked = Boolean(state.offeredHuman || state.confirm || state.faqOptions || state.pending);
  if (laughsOnly(text.trim(), u.normalized.trim()) && !(asked && yesNo)) return { intent: 'unknown', declined: 'human' };
  // "ok，谢谢", "ok, thanks" to "shall I get a person?" is a thank-you, as "好的谢谢" is (found from outside: a comma handed over).
  // A yes that wants it, with thanks ("要得 谢谢亲", "yes please, thanks"), is a yes (a Chengdu shop, fortieth session: a goodbye).
  if (state.offeredHuman && wantsItThanks(u.normalized.trim())) return { intent: 'human' };
  if (state.offeredHuman && yesNo === 'yes' && (THANKS_AFTER.test(rest ?? '') || DONE_NOW.test(rest ?? ''))) return { intent: 'bye' };
  // "那好吧", "好啦" to "shall I get a person?": a yes, however grudging (found in review: read as a closing).
  if (state.offeredHuman && GRUDGING_YES.test(u.normalized.trim())) return { intent: 'human' };
  // "ok, I'll wait. thanks" to "shall I get a person?": no person, thanks (found in review: the "ok" handed over).
  if (state.offeredHuman && WAITS_THANKS.test(u.normalized.trim())) return { intent: 'bye', declined: 'human' };
  // "不用 我自己看吧", "唔好啦 我自己打去顺丰问", "nah ill do it on the order page ta": a no with what the buyer
  // does instead (found from outside, three shops: handed over against it).
  if (state.offeredHuman && declinesSelf(u.normalized.trim())) return { intent: 'unknown', declined: 'human' };
  // "ok pls chase for me", "要 拜託快點" to a chase offered: a yes (found from outside: the tracking again).
  if (state.offeredHuman && (CHASE_YES.test(u.normalized.trim()) || CHASE_ASKED.test(u.normalized))) return { intent: 'human' };
  // "让他今天必须给我送过来" right after a person was offered for the parcel: what the person is to do (found from outside: "which order?").
  if (state.offeredHuman && DEMANDS.test(u.normalized)) return { intent: 'human' };
  // "好 那我明天去寄": the buyer will do it, no person (found from outside: handed over).
  if (state.offeredHuman && SELF_DOES.test(u.normalized.trim())) return { intent: 'unknown', declined: 'human' };
  // "转吧 里头两斤海参一箱扇贝 放了三天了还能要吗" to "shall I get a person?": yes, with what the person needs (a Qingdao shop,
  // thirty-ninth session: the same card and offer again).
  if (state.offeredHuman && (TRANSFER_YES.test(text.normalize('NFKC')) || CONNECT_YES.test(u.normalized.trim()))) return { intent: 'human' };
  // "人呢？？" right after "shall I get a person?": get one (found in review: the robot introduced itself).
  if (state.offeredHuman && WHERE_IS_EVERYONE.test(u.normalized)) return { intent: 'human' };
  // "还是没声音", "they still dont work" right after the trouble was answered: the answer did not help, a person does (the warranty entry had come again).
  if (state.troubleTold && troubleAgain(u, text)) return { intent: 'human' };
  // "好的 那就改到后天 上午", "那怎么办" to "shall I get a person?": a yes with what the person needs, or asking what now (found from outside: a goodbye).
  if (state.offeredHuman && forThePerson(u)) return { intent: 'human' };
  // "can you update it or not", "到底能不能改啊" to "shall I get a person to change it?": the robot cannot, so yes (found from outside: "not sure").
  if (state.offeredHuman && CAN_IT_BE_DONE.test(u.normalized.trim())) return { intent: 'human' };
  // "确定取消", "帮我取消" right after how to cancel: the robot cannot, a person can (found from outside: the same text again).
  if (state.topic === 'cancel_order' && state.focusOrderId && CANCEL_FOR_ME.test(u.normalized)) return { intent: 'human' };
  // "好 我再等等", "i'll wait": no person, thanks (found from outside: "not understood").
  if (state.offeredHuman && WAITS.test(u.normalized)) return { intent: 'unknown', declined: 'human' };
  // "ok", "好的", 👍 after "…or say human for help": the answer acknowledged (found from outside: a 👍 handed over).
  if (state.softOffer && yesNo === 'yes' && MERE_ACK.test(u.normalized.trim())) return { intent: 'bye' };
  if (state.offeredHuman && yesNo) return yesNo === 'yes' ? { intent: 'human' } : { intent: 'unknown', declined: 'human' };
  // "不用", "no" after "sorry, I didn't get that": nothing to hand over, no second miss (found from outside: a person against a no).
  if (yesNo === 'no' && rest === undefined && state.failures > 0 && !state.confirm && !state.faqOptions && !state.pending) return { intent: 'unknown', declined: 'human' };
  // "forget it", "no dont bother actually ill keep them", "算了 唔使喇 我自己睇": all taken back, no miss (found from outside: "forget it" handed over).
  // A question of ours still open reads its own no ("no" to "did you mean…?" asks for other words).
  const open = Boolean(state.confirm || state.faqOptions || state.pending);
  // A bare no is not among them: after an answer it may say the answer was not what was meant; "no, forget it" is (found in review).
  const bareNo = yesNo === 'no' && BARE_NO_ONLY.test(u.normalized.trim());
  if (!open && !bareNo && (withdrawsHandover(text) === '' || (IGNORE_ME.test(u.normalized) && u.intent !== 'complaint' && !TROUBLE_SAID.test(u.normalized)))) return { intent: 'unknown', declined: 'human' };
  // "係", "yes" with nothing asked: what can we help with, no miss and no list of entries sharing 係 (found from outside).
  if (!open && BARE_YES_NO.test(u.normalized.trim())) return { intent: 'unknown', declined: 'human' };
  // "How long will I have to wait for someone?" to "shall I get a person?": a yes that asks the wait (a US vitamins shop,
  // forty-first session: the tracking and the offer again).
  if (state.offeredHuman && !yesNo && WAIT_FOR_PERSON.test(u.normalized)) return { intent: 'human' };
  return state.offeredHuman && !yesNo && agreesToPerson(u, state.topic === 'aftersale_progress' && kindsOfGoods(text).size === 0) ? { intent: 'human' } : undefined;
}

/** An answer to the FAQ questions we offered: picks, a no, a bare yes to several, a number past the one. */
function toOffer(options: readonly string[], u: Understanding, yesNo: Understanding['yesNo'], rest: string | undefined): Pick<Resolved, 'intent' | 'faqPick' | 'faqPicksMore' | 'declined' | 'yesToList'> | undefined {
  const picks = pickedOptions(u, options, yesNo);
  if (picks) return { intent: 'faq', faqPick: picks[0]!, ...(picks.length > 1 ? { faqPicksMore: picks.slice(1) } : {}) };
  // "不是", "都不是", "neither": none of the questions offered (found from outside: in Chinese a list
  // declined was "not understood", and two of those handed the buyer over).
  // Not when an order is named after the no ("no lah. the one SG-23990": a Singapore shop, forty-second session, asked to say
  // it in other words): the order is what the buyer meant.
  const namesOrder = u.entities.some((e) => e.type === 'orderId');
  if (options.length && (yesNo === 'no' || declinesList(u)) && !namesOrder) return { intent: 'unknown', declined: 'confirm' };
  if (options.length > 1 && yesNo === 'yes' && rest === undefined) return { intent: 'faq', yesToList: true };
  // A number past the one question offered ("2" to "did you mean …?") picks nothing, and hands no one over (found from outside).
  return options.length === 1 && /^\s*\d{1,2}\s*[.。]?\s*$/.test(u.normalized) ? { intent: 'unknown', declined: 'confirm' } : undefined;
}

/**
 * The turn in context; asked for the FAQ only, any question not about the buyer's own order is an
 * FAQ question ("能改配送日期吗？", "怎么取消订单？" while queued: found from outside, the order path
 * answered them, so the queue heard nothing).
 */
function resolveTurn(state: DialogueState, u: Understanding, input: TurnInput): Resolved {
  const last = resolvedFor.get(input);
  if (last && last.state === state && last.u === u) return last.r;
  const r = resolveTurnOnce(state, u, input);
  resolvedFor.set(input, { state, u, r });
  return r;
}

/**
 * `plan` and then `step` of one turn resolve the same state and input (the same objects): the second reads this.
 * Per input, so that other conversations' turns, answered while this one waits for its lookups, keep it.
 */
const resolvedFor = new WeakMap<TurnInput, { readonly state: DialogueState; readonly u: Understanding; readonly r: Resolved }>();

function resolveTurnOnce(state: DialogueState, u: Understanding, input: TurnInput): Resolved {
  const r = resolve(state, u, input.text, input.langHint);
  // Said to be about someone else's purchase or none of theirs: the shop's FAQ, as for a buyer with no orders.
  // Read as the text says, not as a follow-up of the buyer's request just told ("我闺蜜在三亚…发海南得几天啊" after an exchange's status).
  if (NOT_MINE.test(r.u.normalized) && !MINE_AFTER_ALL.test(r.u.normalized) && !orderReference(r) && (isDataIntent(r.intent) || r.intent === 'unknown')) {
    const own = r.u.intent;
    // "我不是问订单 我问退款到哪了": the refund named is still the buyer's own (found in review).
    if (own === 'aftersale_progress' && REFUND_NAMED.test(r.u.normalized)) return r;
    return isDataIntent(own) && own !== 'aftersale_progress' ? { lang: r.lang, u: r.u, intent: own, notMine: true } : { lang: r.lang, u: r.u, intent: 'faq' };
  }
  // "俺不问快递 俺问扇贝怎么做着吃", "我问的是干花 不是我现在这单！": the order said not to be the question, the shop's FAQ asked.
  // Not of a refund or a return asked by name ("我不是问订单 我问退款到哪了": found in review).
  if (NOT_ASKING_ORDER.test(r.u.normalized) && !orderReference(r) && (PARCEL_INTENTS.has(r.intent) || isPolicyIntent(r.intent) || r.intent === 'unknown')) return { lang: r.lang, u: r.u, intent: 'faq' };
  if (!input.faqOnly || r.intent === 'human' || r.intent === 'complaint' || r.intent === 'faq') return r;
  if (!(isDataIntent(r.intent) || isPolicyIntent(r.intent) || r.intent === 'unknown')) return r;
  // "how do i cancel my order" asks how, which the shop's entry says, though it says "my" (a Melbourne shop, thirty-third session: no reply in the queue).
  const how = HOW_TO_ASKED.test(r.u.normalized) && !orderReference(r) && r.choice === undefined;
  const own = !how && (orderReference(r) || personal(input.text) || ORDER_TOLD.test(input.text) || r.choice !== undefined);
  return own ? { lang: r.lang, u: r.u, intent: 'unknown', ownData: true } : { lang: r.lang, u: r.u, intent: 'faq' };
}

/**
 * Not the buyer's order: someone else's purchase, or said outright ("不是我的单！！给别人买 海南多久能到", "跟订单没关系！问洗羽绒服",
 * "我闺蜜在三亚 也想整一件 发海南得几天啊", "旧羽绒服洗完了…": a Harbin shop, thirty-eighth session, told her own parcel four times).
 */
const NOT_MINE =
  /不是我的(?:单|订单)|给别人买|帮(?:朋友|别人|同事)问|(?:跟|和|与)(?:我的)?(?:订单|单子)(?:没|无)(?:关系|关)|不是问(?:我的)?(?:订单|单子)|(?:闺蜜|朋友|同事|我妈|我爸|我姐|我哥|我妹|我弟|亲戚|家里人)(?:在[^，,。？?\s]{0,6})?(?:也想|想买|要买|也要)|(?:^|[,.!]\s*|(?:(?:it'?s|it is)|its|this is|(?:that'?s|that is)|thats) )not (?:about )?my order(?![a-z])/;
/**
 * The buyer's order or parcel said not to be what is asked ("俺不问快递 俺问扇贝怎么做着吃 蒸还是煮", "俺没问济南那个 俺问的是往海南三亚寄…",
 * "我问的是干花 不是我现在这单！", "I'm not asking about my parcel": a Qingdao and a Kunming shop, thirty-ninth session, told the same
 * parcel again each time).
 */
const NOT_ASKING_ORDER =
  /(?:不|没|没有|不是)问(?:的是)?(?:快递|物流|包裹|订单|单子)|(?:没|没有|不是)问[^，,。？?\s]{0,4}(?:那个|那单|这单|那一单|这个单)|问的是[^，,。？?]{1,12}[，,\s]*不是(?:我)?(?:现在|刚才)?(?:的)?(?:这|那)(?:单|个订单|个单|个快递)|(?<![a-z])(?:not|(?:isn'?t|is not)|(?:wasn'?t|was not)) (?:asking|about) (?:about )?(?:my|the|this|that) (?:order|parcel|package|delivery|shipment)(?![a-z])/;
const REFUND_NAMED = /(?:我|问)(?:的)?退款|(?<![a-z])(?:my refund|asking about (?:my )?refund)(?![a-z])/;
/** Said of a parcel sent wrong, or with the buyer's own asked after it ("这不是我的订单，快递送错了，我的呢": found in review). */
const MINE_AFTER_ALL = /送错|发错|寄错|我的(?:呢|什么时候|啥时候|几时|到哪)|(?<![a-z])(?:wrong (?:parcel|package|item|address)|where(?:'s| is) mine|mine)(?![a-z])/;

/** The number and only courtesy around it ("TA10228", "its TA10228", "TA10228 pls", "订单号TA10228 谢谢"). */
const numberWithCourtesy = (text: string, id: string): boolean =>
  text.toLowerCase().replace(id.toLowerCase(), ' ').replace(/(?<![a-z])(?:(?:it'?s|it is)|its|order(?: number| no\.?)?|no\.?|pls|please|thanks|thx|ta)(?![a-z])|#|订单号?|单号|谢谢|哈/g, '').replace(/[\s.!。！:：,，]/g, '') === '';
/** Asked how it is done ("how do i cancel my order", "怎么申请退款"): the shop's word, not the buyer's own order. */
const HOW_TO_ASKED = /^(?:请问|想问下?|问下)?(?:我)?(?:要)?(?:怎么|如何|怎样)(?:才能|可以|能)?(?:取消|退|换|改|申请|修改|开)|^(?:(?:hi|hey|hello|ok|so)[,\s]+)?(?:how (?:do|can|could|should) (?:i|we)|how to) (?:cancel|return|exchange|change|apply|get a refund|request)(?![a-z])/;
// Also "好 thank you", "ok byebye" in a Cantonese chat (found from outside: answered in English).
const COURTESY_ONLY = /^(?:(?:好的?|嗯|ok|okay)[\s,，]*)?(?:hi|hello|hey|hiya|yo|thanks|thank you|thx|ty|tq|bye|byebye|bye bye|lol|ok|okay)(?:[\s,，!.]+(?:thanks|thank you|bye|byebye|bye bye))*[\s.!?]*$/;

/**
 * A conversation keeps its language through short or ambiguous messages ("ok", "tk", an order
 * number) and follows the buyer once they clearly write in the other one. A first message told
 * weakly (English words in a Chinese sentence) takes the device's or the shop's language when known.
 */
function replyLanguage(state: DialogueState, u: Understanding, hint: Lang | undefined): Lang {
  // "hello??", "thanks!" are typed in Chinese chats too (found from outside: a Cantonese buyer was answered in English).
  if (state.lang && COURTESY_ONLY.test(u.normalized.trim())) return state.lang;
  const strong = u.langDetected && u.langStrong !== false;
  const switches = u.langDetected && (state.lang ? u.lang === state.lang || u.langStrong !== false : u.langStrong !== false || !hint);
  return switches ? u.lang : (state.lang ?? (strong ? u.lang : (hint ?? u.lang)));
}

/**
 * "ok. puedo cambiar el cat food…", "y cuanto tarda el vet approval?": Spanish had been an ok, a yes or a goodbye
 * (found from outside); a question of the buyer's own data read in it stands ("hola, cuando llega mi orden?").
 */
const foreignWritten = (u: Understanding, text: string): Pick<Resolved, 'intent' | 'foreign'> | undefined =>
  readsSpanish(text) && !(isDataIntent(u.intent) && !u.guessed) ? { intent: 'unknown', foreign: true } : undefined;

/**
 * A greeting that is something else: "人呢" in a conversation under way is impatience, not a hello (no self-introduction: found
 * in review); "hello, i ordered lamb leg on friday morning and it still hasnt come" asks after the parcel (a Toronto grocery,
 * thirty-ninth session).
 */
function greetingMeant(state: DialogueState, u: Understanding): Intent | undefined {
  if (/人呢/.test(u.normalized) && (state.topic || state.policy || state.faqLast || state.failures > 0)) return 'unknown';
  return NOT_COME.test(u.normalized) ? 'track_parcel' : undefined;
}
/** Leaving for another shop, said with nothing asked: a goodbye, which offers a person (`LEAVING`). */
const leavingMeant = (u: Understanding): Intent | undefined =>
  (u.intent === 'unknown' || u.intent === 'bye' || u.guessed) && LEAVING.test(u.normalized) && !/[?？吗]/.test(u.normalized) ? 'bye' : undefined;
/** An order said not to have come: "it still hasnt come", "还没到", "还没收到". */
const NOT_COME = /(?:还|都)没(?:有)?(?:到|收到|送到|送来)|(?<![a-z])(?:(?:still )?(?:has not|(?:hasn'?t|has not)|have not|(?:haven'?t|have not)|did not|(?:didn'?t|did not)) (?:come|arrived?|got here|shown up|been delivered)|(?:still )?not (?:here|arrived|delivered) yet)(?![a-z])/;
/**
 * A parcel the NLU only guessed at, in English words that name no parcel, order, delivery or news of one ("and is enfamil gentlease on
 * recall rn?", "no mames the price went up 5 dollars since last week": a Houston baby shop, forty-third session, answered with the
 * tracking): not understood, so the shop's FAQ and a person are tried; a follow-up naming none ("the other one") is read by the rules below.
 */
const PARCEL_SAID = /(?<![a-z])(?:parcels?|packages?|pkgs?|pkg|orders?|ord|deliver\w*|arriv\w*|ship\w*|sent|send|tracking|track|courier|post|mail|ups|fedex|usps|dhl|box(?:es)?|items?|stuff|news|update\w*|status|yet|still|here|where|when|came|come|coming|got|get|received?|waiting|wait|lost|late|days?|porch|door|driver|carrier|pickup|pick up|locker|left at|find|found|missing|stolen|showed up|turned up)(?![a-z])/;
const parcelGuessedOfNothing = (u: Understanding): boolean =>
  u.guessed === true && u.intent === 'track_parcel' && u.lang === 'en' && !/\p{Script=Han}/u.test(u.normalized) && !PARCEL_SAID.test(u.normalized);

/**
 * "ok in english pls. can the gas go to a parcel locker?", "eh?? english please i was just rating kirsty": a language asked in
 * a clause of a longer message (found from outside, two shops). The rest is answered in it; a rest that asks nothing is told
 * the switch. Not of the goods' wording ("can you write the card in english please").
 */
// Asked of us: speaking or talking needs an addressee ("does the talking doll speak in mandarin?" is the goods'); not denied ("我不会说中文");
// not the fruit ("2kg of mandarin please"); not the goods' own voice ("这个点读笔能说中文吗"): found in review.
const LANG_CLAUSE_EN = /(?<![a-z])(?:(?:(?:can|could|would) (?:you|u) (?:please |pls )?)?(?:reply|answer|write|type|respond|chat)(?: to me| back)? in english|(?:(?:can|could|would) (?:you|u) (?:please |pls )?|please |pls )(?:speak|talk)(?: to me)? (?:in )?english|in english (?:please|pls|plz)|english (?:please|pls|plz))(?![a-z])/;
const LANG_CLAUSE_ZH = /(?<!不会|不能|不懂|没法|不太会)(?:用|说|讲)(?:中文|汉语|普通话)(?:回复|回答|交流|说|讲|跟我说|和我说|啦|啊|吧)|(?:请|麻烦你?|你们?(?:能|可以)?|能不能|可以|可不可以|跟我|和我|同我)(?:用|说|讲)(?:中文|汉语|普通话)|(?<![a-z])(?:(?:reply|answer|write)(?: to me)? in (?:chinese|mandarin)|(?:(?:can|could|would) (?:you|u) (?:please |pls )?|please |pls )(?:speak|talk)(?: to me)? (?:in )?(?:chinese|mandarin)|(?:in )?chinese (?:please|pls|plz))(?![a-z])/;
/** The goods' own voice ("这个娃娃可以说中文吗", "这个故事机可以讲普通话吗": found in review): no language asked of us. */
const GOODS_SPEAK = /(?:这个|这款|这台|该|这种)\p{Script=Han}{0,4}(?:能|可以|会)(?:说|讲)/u;
// Not reading the other language, beside a question of its own ("sorry i cant read chinese well. is the ZIWI refund done?": a
// Guangzhou shop, forty-fifth session, offered a person to translate where the refund's status could be said in English).
const CANT_READ_ZH_CLAUSE = /(?<![a-z])(?:can'?t|cannot|can not|don'?t|do not) (?:read|understand) (?:chinese|mandarin)(?: (?:well|very well|much|that well))?(?![a-z])/;
const CANT_READ_EN_CLAUSE = /(?:看不懂|不懂|不太懂|不会)(?:英文|英语)/;
const CLAUSES: Readonly<Record<Lang, readonly RegExp[]>> = { en: [LANG_CLAUSE_EN, CANT_READ_ZH_CLAUSE], zh: [LANG_CLAUSE_ZH, CANT_READ_EN_CLAUSE] };
/** What the text just given says, asked: the shop's words to explain, a person's to translate ("…what does that say??"). */
const ASKS_WHAT_IT_SAYS = /(?<![a-z])(?:what (?:does|did) (?:that|it|this) (?:say|mean)|what (?:did|do) (?:you|u) (?:say|mean)|what (?:is|'s|s) (?:that|this|it)(?: saying| about| say)?\s*\??\s*$|whats it say|(?:i )?(?:don'?t|do not|dont) understand(?: (?:chinese|this|that|it))?\s*[.!?]*\s*$|translate)(?![a-z])|什么意思|啥意思|写的什么|写的是什么|说的什么|看不明白|翻译/;
function langInClause(n: string): Lang | undefined {
  if (GOODS_WORDING.test(n) || GOODS_SPEAK.test(n) || ASKS_WHAT_IT_SAYS.test(n)) return undefined;
  const [en, zh] = [LANG_CLAUSE_EN.test(n) || (CANT_READ_ZH_CLAUSE.test(n) && asksBeside(n, 'en')), LANG_CLAUSE_ZH.test(n) || (CANT_READ_EN_CLAUSE.test(n) && asksBeside(n, 'zh'))];
  return en === zh ? undefined : en ? 'en' : 'zh';
}
/** What is left of the message beside the language asked ("my friend wants to read") asks nothing. */
const ASKS_BESIDE = /[?？吗呢]|哪|什么|怎么|多少|几|能不能|可以|(?<![a-z])(?:how|what|when|where|which|why|can|could|will|would|is|are|do|does|did)(?![a-z])/;
const withoutClause = (n: string, lang: Lang): string => CLAUSES[lang].reduce((x, re) => x.replace(re, ' '), n);
const asksBeside = (n: string, lang: Lang): boolean => ASKS_BESIDE.test(withoutClause(n, lang));

function resolve(state: DialogueState, said: Understanding, text: string, hint?: Lang): Resolved {
  const clause = langRequested(said.normalized) ? undefined : langInClause(said.normalized);
  // The rest is read without the clause: "can't read chinese" beside a question is no offer to translate.
  const r = resolveMessage(state, clause ? { ...said, normalized: withoutClause(said.normalized, clause) } : said, text, hint, clause);
  if (!clause) return r;
  // Not a person or a complaint asked beside it ("转人工，说中文"): that is done, in the language asked.
  const heard = r.intent === 'unknown' || (!asksBeside(said.normalized, clause) && r.intent !== 'human' && r.intent !== 'complaint');
  if (heard && !r.declined && !r.cannotRead && !r.foreign) return { ...r, intent: 'greeting', langSwitch: clause };
  return { ...r, langKept: clause };
}

function resolveMessage(state: DialogueState, said: Understanding, text: string, hint: Lang | undefined, clause: Lang | undefined): Resolved {
  // A guess the NLU took stands only where no question of ours explains a short reply ("耳机那个"
  // after "which order?", "是的" after "did you mean …?"): there the rules below read it in context.
  // "Shall I get a person?" is answered yes or no, which the rules below read: a guess of a question
  // about the buyer's data beside it is one of its own ("was my webcam refund paid?": found from outside, "not understood").
  const u = (said.guessed && awaitsAnswer(isDataIntent(said.intent) ? { ...state, offeredHuman: undefined } : state)) || parcelGuessedOfNothing(said) ? { ...said, intent: 'unknown' as const, confidence: 0, guessed: undefined } : said;
  const asked = langRequested(u.normalized);
  const lang = asked ?? clause ?? state.langAsked ?? replyLanguage(state, u, hint);
  const orderId = u.entities.find((e) => e.type === 'orderId')?.value as string | undefined;
  const base = { lang, u };
  const urgent = personOrSafety(u, text, state.focusGoods) ?? (asked ? undefined : foreignWritten(u, text));
  if (urgent) return { ...base, ...urgent };
  if (asked) return { ...base, intent: 'greeting', langSwitch: asked };
  const rest = NO_THEN.exec(u.normalized.trim())?.[1];
  const yesNo = yesNoOf(state, u, rest);
  const toPerson = personOffered(state, u, yesNo, rest, text);
  if (toPerson) return { ...base, ...toPerson };
  const meant = u.intent === 'greeting' ? greetingMeant(state, u) : leavingMeant(u);
  if (meant) return { ...base, intent: meant };
  if ((state.confirm || state.faqOptions) && yesNo === 'no' && rest !== undefined && SIGNS_OFF.test(rest)) return { ...base, intent: 'bye' };
  if (state.confirm && yesNo) return yesNo === 'yes' ? { ...base, intent: state.confirm } : { ...base, intent: 'unknown', declined: 'confirm' };
  const offered = state.faqOptions ? toOffer(state.faqOptions, u, yesNo, rest) : undefined;
  if (offered) return { ...base, ...offered };

  const follow = state.pending ? undefined : (keepsOrder(state, u) ?? whatNow(state, u) ?? beforeBuying(u) ?? returnBeforeSent(u) ?? useOnceArrived(u) ?? holdUnpaid(u, orderId) ?? praised(u) ?? correctsOrderId(state, u, text) ?? parcelAsked(state, u, text) ?? claimOrPayment(state, u) ?? waitsThanks(u) ?? whenThen(state, u) ?? timeOfArrival(state, u) ?? askedWhyCancelled(u, orderId) ?? unpaidTimeout(u, orderId) ?? refundOfCancelled(u, orderId) ?? requestFollowUp(state, u, orderId) ?? sentWithWaybill(u, orderId) ?? replacementAsked(state, u, orderId) ?? returnAddressAsked(state, u, text) ?? restOfParcels(u) ?? addressChecked(u) ?? reschedules(u) ?? allOfMine(u) ?? ownRequestAsked(u) ?? refundNotSeen(u) ?? goodsCare(u) ?? digitalRead(u) ?? orderedWhen(u) ?? expiredReceived(u) ?? expiryAsked(u) ?? restockAsked(u) ?? reviewAsked(u) ?? parcelNotReturn(u) ?? engravingChange(u) ?? specChange(u) ?? addsToOrder(state, u) ?? noChangeNamed(u) ?? noteForOrder(u) ?? customsAsked(u) ?? goodsCode(u) ?? madeYet(u) ?? shippedNotRequest(u) ?? arrivedAt(u) ?? signedWhen(u) ?? sendsEvidence(u) ?? contactAsked(u) ?? callMeBack(u) ?? riderTrouble(u) ?? findsWhere(u) ?? resendAsked(state, u) ?? redeliverAsked(u) ?? refuseAsked(state, u) ?? hurries(state, u) ?? byNumber(state, u));
  // A number typed with it stays the order asked about ("Tracking LX0099… stuck in customs": found in review).
  if (follow && orderId && isDataIntent(follow.intent) && !('explicitOrderId' in follow) && !('choice' in follow) && !ACCOUNT_NUMBER.test(u.normalized)) return { ...base, ...follow, explicitOrderId: orderId };
  if (follow) return { ...base, ...follow };
  // The new address typed after we spoke of changing it, or with "change it to" (found from outside: an overseas-shipping entry).
  if (!state.pending && typesAddress(u.normalized, state.topic === 'change_address') && (state.topic === 'change_address' || u.intent === 'unknown' || u.guessed === true || u.intent === 'faq')) return { ...base, intent: 'change_address', ...(orderId ? { explicitOrderId: orderId } : {}) };
  const picked = state.pending ? pendingAnswered(state.pending, u, text, base, orderId) : undefined;
  if (picked) return picked;
  // After a policy answer, "衣服那个", "the jacket one": the buyer's order with those goods, on that policy (found from outside: an FAQ list about clothes).
  if (state.policy && !orderId && shortAndUnclear(u) && kindsOfGoods(text).size > 0 && !ASKS_OF_GOODS.test(u.normalized)) return { ...base, intent: state.policy, choice: { describe: true } };
  // "the dock", "the one i got last month": goods or a day the lexicon's kinds do not hold, tried against the titles (found from outside: a hand-over).
  if (state.policy && !orderId && shortAndUnclear(u) && (namesGoodsAlone(u.normalized) || POINTS_AT_ONE.test(u.normalized)) && !ASKS_OF_GOODS.test(u.normalized)) return { ...base, intent: state.policy, choice: { describe: true }, tentative: true };
  // "我的保温杯漏水了", "耳机没声音了", "my bottle leaks": goods in trouble, told rather than asked (found from outside: "not understood"),
  // also when the goods are those of the orders just listed ("这单的口红收到一支是断的": the list was asked again).
  if (reportsTrouble(u, text)) return { ...base, intent: 'return_policy' };
  const other = !orderId && state.listed ? fromListed(state, u) : undefined;
  if (other) return { ...base, intent: isDataIntent(u.intent) && !u.guessed ? u.intent : (state.topic ?? 'order_status'), choice: other };
  if (!orderId && state.listed && namesListedGoods(u, text, state.listedKinds)) return { ...base, intent: state.topic ?? 'order_status', choice: { describe: true } };
  const after = !orderId && !state.listed ? afterDirectAnswer(state, u, text) : undefined;
  if (after) return { ...base, ...after };
  const bareId = orderId ?? (u.intent === 'unknown' ? idOnly(text) : undefined);
  // The number alone, right after the order was told how to cancel: it is to be cancelled, which a person does (a Toronto
  // shop, thirty-third session: the same answer again, as the shop's entry said "reply here with your order number").
  // Only when a person was offered for it (a paid order's cancel: not an unpaid one cancelled on the order page, a shipped one, or a cancel taken back: found in review).
  if (u.intent === 'unknown' && state.topic === 'cancel_order' && state.offeredHuman && state.softOffer && state.focusOrderId && numberWithCourtesy(text, state.focusOrderId)) return { ...base, intent: 'human' };
  if (u.intent === 'unknown' && bareId) return { ...base, intent: state.topic ?? 'order_status', explicitOrderId: bareId };
  // "STK8812345001 any news?": a number of the buyer's beside words the engine only guessed at is about that order or parcel (found from outside: a coupon entry offered).
  if (orderId && u.guessed && !isDataIntent(u.intent) && NEWS_ASKED.test(u.normalized.replace(orderId.toLowerCase(), ''))) return { ...base, u: { ...u, guessed: undefined }, intent: state.topic && isDataIntent(state.topic) ? state.topic : 'track_parcel', explicitOrderId: orderId };
  if (!orderId && stillOnRefund(state, u)) return { ...base, u: { ...u, guessed: undefined }, intent: 'aftersale_progress' };
  if ((u.intent === 'faq' || u.intent === 'unknown') && asksParcelCarrier(state, u.normalized)) return { ...base, intent: 'track_parcel' };
  if ((u.intent === 'unknown' || u.intent === 'bye') && asksAfterGoods(text, u.normalized)) return { ...base, intent: state.topic ?? 'track_parcel' };
  const weak = u.intent === 'unknown' || u.intent === 'bye' || (u.intent === 'faq' && u.confidence < CLEAR_FAQ);
  if (state.topic && weak && GOODS_FOLLOW_EN.test(u.normalized) && !PARCEL_WORD.test(u.normalized)) return { ...base, intent: state.topic };
  if (state.topic && !orderId && (weak || u.intent === 'faq') && namesGoodsAlone(u.normalized)) return { ...base, intent: state.topic, tentative: true };
  return { ...base, intent: u.intent, ...(orderId ? { explicitOrderId: orderId } : {}) };
}

/**
 * What sending costs, or what happens to an order not yet placed ("how much is next day delivery", "if
 * I order a new dress now will it get to Dublin before Christmas?"): the shop's word, not the buyer's
 * delivered order (found from outside).
 */
const COST_OF_SENDING = /(?<![a-z])how much (?:is|does|for|are|do you charge for|would)(?: it cost for)?(?: the| a)? (?:next[- ]day |express |standard |international |tracked |same[- ]day )?(?:delivery|shipping|postage|p&p)(?![a-z])/;
// Also "i havent order yet la", "where r u guys located, can i pick up" from buyers with no order (found from outside:
// "I can't find any orders from you"). Not "if i send it back…", "what if i have it sent to my office": a buyer's own order (found in review).
// A new order to be placed ("我要重新下訂面膜 如果今天下午兩點前付款 今天會出貨ㄇ": a Taipei shop, fiftieth session, told the old order's parcel).
/** The day's cut-off asked ("几点之前付款今天能发": a Suzhou shop, fifty-first session, told an order's parcel or the unpaid countdown). */
const CUT_OFF_ASKED = /(?:几点|什么时候|啥时候)(?:之前|前|以前)(?:下单|付款|付钱|拍下?)[^。？?]{0,8}(?:今天|当天|当日)(?:能|可以|会|就)?(?:发|出货|寄)/;
const IF_I_ORDER = /(?:重新|再)(?:下订|下单|下一单|订一|买一)[^。？?]{0,20}(?:如果|的话|会|能)|如果(?:今天|明天|现在)?[^，,。？?]{0,6}(?:下单|付款|付钱)[^。？?]{0,12}(?:会|能)(?:不会)?(?:出货|发货|寄出)|(?<![a-z])(?:(?:if|before) i (?:order|buy|get|place an order)|(?:just )?a general question|not (?:about|for|regarding) (?:an? |my |any )?(?:specific )?order|were i to order|(?:have not|not yet|never) (?:order|ordered|bought|buy)(?: yet)?|where (?:are|r) (?:you|u)(?: guys| all)? (?:located|based)|(?:can|could) i (?:self[- ])?(?:pick ?up|collect) (?:it |them )?(?:myself|in person|from (?:you|the shop|your))?(?=\s*[?.!]*$))(?![a-z])|还没(?:下单|下过单|买)|没(?:下过单|买过)/;
/** Old goods taken away ("能帮我把旧床垫拉走吗", "can you take the old sofa away"): a service the shop's word answers, no cancel (found from outside). */
const OLD_TAKEN_AWAY = /(?:(?<![依仍照])旧|原来的)[^，,。？?]{0,6}(?:拉走|收走|带走|搬走|回收)|(?:拉走|收走|带走|搬走|回收)[^，,。？?]{0,4}(?<![依仍照])旧|(?<![a-z])(?:take|haul|remove|collect|dispose of) (?:away )?(?:the |my |our )?old(?![a-z])/;
/**
 * A return or refund asked of an order said not to be sent yet ("医生说先别吃了 那这单能退吗 还没发货吧": a Shanghai shop, forty-third
 * session, told its status and offered a person to hurry the warehouse): cancelling it, which is what the buyer can do.
 */
const RETURN_ASKED_OF = /(?<!不)(?:能|可以|要|想|能不能|可不可以)退|退(?:款|掉|货)?(?:吗|不|么)|不要了|(?<![a-z])(?:can i (?:return|get a refund)|(?:want|like) (?:a )?refund|refund (?:it|this|the order))(?![a-z])/;
// Of the order, not the buyer's own return ("我还没发", "i have not sent it back yet"); not a change or an address asked (found in review).
const NOT_SENT_YET = /还没发货|没发货|未发货|(?<![a-z])(?:(?:hasn'?t|has not|(?:it'?s|it is) not|is not|(?:isn'?t|is not)) (?:been )?(?:shipped|dispatched)(?: yet)?)(?![a-z])/;
const returnBeforeSent = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  RETURN_ASKED_OF.test(u.normalized) && NOT_SENT_YET.test(u.normalized) && !/不想退|不要退|不退|为什么|怎么|地址|改|(?<![a-z])(?:why|address|change)(?![a-z])/.test(u.normalized) ? { intent: 'cancel_order' } : undefined;

/**
 * A question of using the goods, asked of the time they arrive ("Also when it arrives, can I leave the battery on charge overnight in
 * the shed?": a Manchester bike shop, forty-third session, told the parcel's status): the shop's question, not the parcel's.
 */
const USE_ONCE_ARRIVED = /(?<![a-z])(?:when|once|after) (?:it|they|the \w+|my \w+) (?:arrives?|comes?|gets? here|(?:is|are) delivered)[,\s]+(?:can|could|should|do|how|is it|will it) (?:i|we|you|it)?\b(?!.*\b(?:track|where|when will)\b)/;
const useOnceArrived = (u: Understanding): Pick<Resolved, 'intent'> | undefined => (USE_ONCE_ARRIVED.test(u.normalized) && isDataIntent(u.intent) ? { intent: 'faq' } : undefined);

/**
 * An unpaid order asked to be held ("还有一单13mini我还没付 能保留到晚上吗", "13mini那单帮我留到晚上8点呗 中午没空付": a Shenzhen shop,
 * forty-third session, "not understood"): the order's status, which tells by when it must be paid.
 */
// Or payment put off ("那个暖风机我还没付款 能不能先不付 过两天再说": a Guangzhou appliance shop, forty-ninth session, "not understood").
const HOLD_ASKED = /保留|留到|留着|留一下|先不付|过两天再说|过几天再付|过两天再付|晚几天付|(?<![a-z])(?:hold|keep|reserve) (?:it|the order|my order|that order|the \w+)(?: for me)?(?: (?:till|until|to))?(?![a-z])/;
const UNPAID_SAID = /没付|未付|还没付|没空付|晚点付|待付款|(?<![a-z])(?:unpaid|(?:(?:have ?n'?t|have not)|not|(?:didn'?t|did not)) (?:yet )?paid|pay (?:later|tonight|tomorrow))(?![a-z])/;
// Told as the unpaid-timeout is, which picks the unpaid order among several ("未付款的订单会保留多久", "还有一单我还没付 能保留到晚上吗" beside a
// shipped order: a Guangzhou appliance shop, forty-ninth session, asked which order or told the shipped one's status).
const holdUnpaid = (u: Understanding, orderId: string | undefined): UnpaidTimeoutTold | undefined =>
  HOLD_ASKED.test(u.normalized) && UNPAID_SAID.test(u.normalized) ? toldUnpaidTimeout(orderId) : undefined;

/** The buyer's own order or goods said ("我的", "my parcel"): a question about them, not the shop's. */
const SAYS_MINE = /我(?:的|买的|订的)|(?<![a-z])my (?:order|parcel|package)(?![a-z])/;
/** Leaving to place the order, nothing asked ("要得 那我先下单了": found from outside, entries offered); not with a question after it. */
const LEAVES_TO_ORDER = /^(?:(?:好的?|行|要得|ok|okay|嗯|那)[\s，,。.!！]*)*我(?:就)?先(?:去)?下(?:个)?单(?:了|啦|吧|哈)*[\s!！。.~]*$/;
const beforeBuying = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  LEAVES_TO_ORDER.test(u.normalized.trim()) ? { intent: 'bye' } :
  OLD_TAKEN_AWAY.test(u.normalized) && (u.intent === 'unknown' || u.guessed) ? { intent: 'faq' } :
  (COST_OF_SENDING.test(u.normalized) || IF_I_ORDER.test(u.normalized) || CUT_OFF_ASKED.test(u.normalized)) && !mentionsOwnOrder(u.normalized) && !SAYS_MINE.test(u.normalized) && (isDataIntent(u.intent) || u.intent === 'unknown' || u.intent === 'faq' || u.guessed) ? { intent: 'faq' } : undefined;

/**
 * "no wait dont cancel, ill keep them", "算了还是要吧 不取消了" after we told how to cancel: nothing is
 * cancelled (found from outside, three shops: the cancel steps were said again, or "not understood").
 */
// "算了算了 不退了 还是要" (a Chengdu shop, forty-second session: "no after-sales request found" and the returns policy).
// "actually no leave it" (a Dublin shop, fifty-first session: the service hours' entry offered).
const KEEPS_ORDER = /(?:不|别|先不|还是不|不用|不要)(?:取消|退(?:款|货)?)了|还是要(?:吧|了|的)?(?![\p{Script=Han}])|(?<![a-z])(?:do ?n'?t|do not|no need to|not going to|(?:won'?t|will not)) cancel|(?<!if )(?:i'?ll|i will|i) keep (?:it|them|the order|my order)(?![a-z])|^(?:(?:actually|no|nah|ah|oh|ok|okay|wait|sorry|hmm)[,.!\s]+)*(?:leave it|forget it|never ?mind|nvm|scratch that)(?: so| then| for now| actually| lads?| thanks?| cheers)*[.!\s]*$/u;
/** Something asked beside it ("不用取消了，帮我改一下地址", "don't cancel the whole order, just one"): that is answered (found in review). */
// Asked why, or refused at the door instead ("为什么不退款了", "不退款了吗？那我直接拒收": found in review).
const KEEP_BUT = /改|换|地址|退|只|其中|如果|要是|为什么|为啥|怎么|吗|拒收|[?？]|(?<![a-z])(?:chang\w*|address|return\w*|refund\w*|just|only|one of|if|swap|but|whole|instead|why|refuse)(?![a-z])/;
/**
 * "What do I do now then?", "那怎么办" right after an answer about the buyer's order or request: a person sorts it out (a London shop,
 * fifty-first session, after a missing item: "didn't get that").
 */
const whatNow = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  state.topic !== undefined && WHAT_NOW.test(u.normalized.trim()) ? { intent: 'human' } : undefined;
const keepsOrder = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'declined'> | undefined =>
  state.topic === 'cancel_order' && KEEPS_ORDER.test(u.normalized) && !KEEP_BUT.test(u.normalized.replace(KEEPS_ORDER, ' ')) ? { intent: 'unknown', declined: 'cancel' } : addressKept(state, u) ? { intent: 'unknown', declined: 'address' } : undefined;
/**
 * The address said to be right after all, right after how to change it ("算了我看了下是对的 没写错 那不改了": a Chengdu shop, forty-second
 * session, asked back "您是想修改收货地址吗？"): nothing is changed.
 */
const ADDRESS_KEPT = /没写错|是对的|写对了|(?:那|就|先)?不(?:用|需要)?改了|(?<![a-z])(?:(?:it'?s|it is) (?:correct|right|fine)(?: after all)?|no need to change|(?:don'?t|do not) change (?:it|anything))(?![a-z])/;
const addressKept = (state: DialogueState, u: Understanding): boolean =>
  state.topic === 'change_address' && ADDRESS_KEPT.test(u.normalized) && !ADDRESS_BUT.test(u.normalized.replace(ADDRESS_KEPT_ALL, ' ').replace(/算了|看了下|看了一下/g, ' ')) && !ANOTHER_ASK.test(u.normalized);
const ADDRESS_KEPT_ALL = new RegExp(ADDRESS_KEPT.source, 'g');
/** A new address given, or another request beside it ("没问题 新地址是…602", "不用改了 帮我取消订单吧": found in review). */
const ANOTHER_ASK = /\d{2,}|新地址|取消|退|帮我|(?<![a-z])(?:cancel|refund|return|new address)(?![a-z])/;

/** Beside a number, only news asked of it ("any news?", "怎么样了"): not a complaint or a question about the goods (found in review). */
const NEWS_ASKED = /^\W*(?:(?:any )?(?:news|update|updates)|status|(?:whats|what is) happening|到哪了?|怎么样了?|咋样了?|进度|呢|情况)\W*$/;
/** The buyer says the money is late or has not come ("已经4天了还没到", "可是我没收到钱", "it's been 4 days"). */
const SAYS_LATE = /还没到|没到账|没收到|没有收到|没退回|超时|都\d+天|已经\d+天|已经\d+日(?!期)|(?:看不到|没看到|见不到|没见到)(?:我的)?(?:钱|款|退款)|好几天|这么久|(?<![a-z])(?:still (?:not|nothing|no|have not|has not)|not (?:received|here|back)|have not (?:got|received|seen)|has not (?:come|arrived|shown)|(?:it is|its|it has) been (?:over |more than |nearly |almost )?(?:a|an|one|two|three|\d+) (?:days?|weeks?)|days already|overdue)(?![a-z])/;
/** Which carrier ("哪家快递", "顺丰吗", "which courier"). */
const CARRIER_Q = /什么快递|哪家快递|哪个快递|什么物流|哪家物流|(?:顺丰|中通|圆通|韵达|申通|京东|邮政|极兔|ems)(?:快递)?(?:吗|嘛|么)|(?<![a-z])(?:which|what) (?:courier|carrier|delivery company|shipping company)(?![a-z])/;
/** This buyer's order already sent ("我这单", "发的", "did you ship it with"). */
const OWN_SHIPPED = /我这单|这单|这个单|发的|寄的|走的|(?<![a-z])(?:did you (?:ship|send)|was it (?:shipped|sent)|is it with)(?![a-z])/;

/**
 * "我这单发的顺丰吗", "which courier is my order with": the carrier of the buyer's parcel, which its
 * tracking says, not the shop's default-courier entry (found from outside: "默认发中通…需要顺丰
 * 补差价" to a buyer whose parcel went by 顺丰). So is "是什么快递", "which courier?" right after we
 * answered about a parcel (found from outside: the reply contradicted the one before it), unless it
 * asks for another carrier or what the shop sends with ("能换顺丰吗", "新疆发什么快递": found in review).
 */
function asksParcelCarrier(state: DialogueState, text: string): boolean {
  if (!CARRIER_Q.test(text)) return false;
  if (mentionsOwnOrder(text) || (OWN_SHIPPED.test(text) && !ASKS_THE_SHOP.test(text))) return true;
  const afterParcel = Boolean(state.focusOrderId) && (state.topic === 'track_parcel' || state.topic === 'order_status' || state.topic === 'delivery_estimate');
  return afterParcel && !ASKS_THE_SHOP.test(text) && !OTHER_CARRIER.test(text);
}
const OTHER_CARRIER = /换|改|下次|以后|能发|可以发|发什么|(?<![a-z])(?:instead|next|switch|change|ship with|use)(?![a-z])/;
/** Asked of the shop in general ("你们发的什么快递", "what courier do you use"). */
const ASKS_THE_SHOP = /你们|你家|贵店|一般|通常|(?<![a-z])(?:do you use|you guys|usually)(?![a-z])/;

/** A few words and a pointer or particle, nothing asked of them: "奶瓶那个", "那磨牙棒呢", "原味磨牙棒". */
const GOODS_ALONE = /^(?:那|那么|还有|就|是)?(?:我的|我买的|我那个|那个)?([\p{Script=Han}a-z0-9]{2,10}?)(?:的那个|那个|那单|那件|这个|的呢|的|呢|咧|嘞|吧)?\s*[?？。.!！]*$/u;
/** Words of a message that make it a question or a reply of its own, not a name. */
const NOT_A_NAME = /吗|么|嘛|怎|什么|多少|多久|几|哪|谁|为|能|可以|会|是不是|有没有|要|想|不|没|好|谢|对|行|嗯|在|快递|物流|包裹|订单|单子|退|换|发|到|查|人工|客服|明白|知道|收到|拜|再见|麻烦|辛苦|客气|算了|哈|呵|嘿|哦|噢|啊|早|晚安/;
/** "the dock", "the usb hub one": English goods are named with "the" (an "ok", a "thanks" is no name: found in review). */
const THE_GOODS_EN = /^(?:and |what about |how about )?the ([a-z][a-z0-9-]*(?: [a-z0-9-]+){0,2}?)(?: one)?\s*[?.!]*$/;
const NOT_GOODS_EN = /(?<![a-z])(?:one|ones|same|other|rest|first|second|third|last|latest|newest|oldest|cheap\w*|expensive|order|parcel|package|refund|return|courier|tracking|shipment|end|best|worst)(?![a-z])/;
function namesGoodsAlone(normalized: string): boolean {
  const t = normalized.trim();
  const en = THE_GOODS_EN.exec(t);
  if (en) return !NOT_GOODS_EN.test(en[1]!);
  const m = GOODS_ALONE.exec(t);
  // Two Chinese characters at least: "ok", "ty", "k1" name nothing.
  return m !== null && (m[1]!.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 && !NOT_A_NAME.test(m[1]!);
}

/** Goods named alone, asking after them ("我的鞋子呢", "书包呢", "my shoes?"). */
const BARE_GOODS = /^\s*(?:(?:好的|好|ok|嗯)?[，,\s]*谢谢[，,。！!\s]*)?(?:我的|我买的|我那个|那个|那)?[^\s，,。？?]{1,8}(?:呢|咧|嘞)\s*[?？]*\s*$|^\s*(?:(?:ok|okay|thanks|thank you|thx)[!.,\s]*)?(?:and |what about |where is |where are )?my [a-z][a-z ]{1,24}\s*\?*\s*$/;
/**
 * "and the kindle?", "what about the yoga mat", "thanks! how about the kindle" right after an order
 * answer: the same question of the order with those goods, found by its title (found from outside:
 * "not understood", an FAQ list, a hand-over; the Chinese "瑜伽垫呢" worked).
 */
// "sweet. and the kong toys i ordered last night?" too (found from outside: asked whether to cancel an order).
const GOODS_FOLLOW_EN = /^\s*(?:(?:ok|okay|thanks|thank you|thx|sweet|cool|great|nice|awesome|perfect|cheers|lovely)[!.,\s]*)?(?:and|what about|how about|and what about)\s+(?:the |my )?[a-z][a-z0-9 ]{1,40}?\s*\?*\s*$/;

/**
 * "我的鞋子呢", "书包呢": goods of the buyer's named alone are asked after, like "快递呢" (found from
 * outside: not understood); read on the conversation's topic, else as "where is it".
 */
const asksAfterGoods = (text: string, normalized: string) => BARE_GOODS.test(normalized) && kindsOfGoods(text).size > 0;

/**
 * About an after-sales request without naming one: taking it back ("撤销退款申请", "cancel it" after
 * its status), or "换货的呢", "and the return?" after any answer (found from outside: a "shall I get
 * a person?" read it as nothing).
 */
function requestFollowUp(state: DialogueState, u: Understanding, orderId: string | undefined): (Pick<Resolved, 'intent' | 'withdraw' | 'toExchange' | 'fromExchange' | 'explicitOrderId'> & Partial<Pick<Resolved, 'u'>>) | undefined {
  if (SWITCH_TO_EXCHANGE.test(u.normalized) || SWITCH_TO_NEW.test(u.normalized)) return { intent: 'aftersale_progress', withdraw: true, toExchange: true, ...(orderId ? { explicitOrderId: orderId } : {}) };
  // "不换了 我想直接退": the exchange withdrawn first, as its own step (found from outside: its status and a list, three times).
  if (SWITCH_TO_REFUND.test(u.normalized)) return { intent: 'aftersale_progress', withdraw: true, fromExchange: true, ...(orderId ? { explicitOrderId: orderId } : {}) };
  if (withdrawsRequest(u.normalized) || (state.focusRequest && CANCEL_IT.test(u.normalized))) return { intent: 'aftersale_progress', withdraw: true, ...(orderId ? { explicitOrderId: orderId } : {}) };
  if (!orderId && state.topic && KIND_FOLLOW.test(u.normalized)) return { intent: 'aftersale_progress' };
  // "how long will the review take" right after a request's status: its review, not a delivery (found from outside).
  if (state.topic === 'aftersale_progress' && REVIEW_ASKED.test(u.normalized) && !PRODUCT_REVIEW.test(u.normalized) && !NOT_THE_REVIEW.test(u.normalized)) return { intent: 'aftersale_progress' };
  // "when will i get my £45 back?", "what date was it processed?", "ok so when should i expect it", "要等幾耐呀"
  // right after a request's status: its money and its dates, not the delivery of the goods (found from outside, twice).
  if (state.topic === 'aftersale_progress' && !orderId && PARCEL_INTENTS.has(u.intent) && WHEN_OR_MONEY.test(u.normalized) && !PARCEL_WORDS.test(u.normalized)) return { intent: 'aftersale_progress' };
  // "did you guys get it yet", "how long till u process it", "it goes back on my visa right?" right after a return's
  // status: the return, not the goods' delivery (found from outside: the outbound parcel of Nov 20, three times).
  // The engine's own guess of it is taken as said ("收到了吗" was offered FAQ entries: found from outside).
  if (state.topic === 'aftersale_progress' && !orderId && RETURN_FOLLOW.test(u.normalized)) return { intent: 'aftersale_progress', u: { ...u, guessed: undefined } };
  // "为什么这么慢", "why is it taking so long" right after a request's status: that request is slow, a person's to chase
  // (found from outside: "not understood", an FAQ guess on remote delivery).
  if (state.topic === 'aftersale_progress' && !orderId && slowOfRequest(u.normalized) && !CHASED.test(u.normalized) && (!isDataIntent(u.intent) || u.guessed)) return { intent: 'aftersale_progress' };
  return undefined;
}
/** Slowness complained of, the thing unnamed; a chase asked with it ("太慢了吧 帮我催一下") is a person's. */
const CHASED = /催|(?<![a-z])(?:chase|hurry)(?![a-z])/;
const SLOW = /这么慢|那么慢|太慢|好慢|咋这么慢|(?<![a-z])(?:(?:taking|takes|take|took) (?:so|too|this|that) long|so slow|too slow|why (?:is|does) it take)(?![a-z])/;
/** Something else slow ("你们的网站太慢了", "your app is so slow", "the courier… my other order": found in review). */
const SLOW_OTHER = /网站|网页|页面|app|系统|客服|回复|快递|物流|另一|别的|(?<![a-z])(?:website|site|app|page|load\w*|courier|parcel|delivery|other order|reply|replies|support)(?![a-z])/;
/** The request itself said to be slow: read by the follow-up and by `oneRequest`'s insisting alike. */
const slowOfRequest = (n: string): boolean => SLOW.test(n) && !SLOW_OTHER.test(n);
const PARCEL_INTENTS: ReadonlySet<Intent> = new Set(['delivery_estimate', 'track_parcel', 'order_status']);
// Not "have you got the black ones in stock", "go to my account", "process it as a refund instead" (found in review).
const RETURN_FOLLOW = /(?<![a-z])(?:(?:did|have|has) (?:you|u|you guys|u guys|y'?all|the warehouse|your warehouse|they) (?:get|got|gotten|receive[d]?) (?:it|them|my return|the return|my package)(?: yet| back)?|(?:did|have) (?:you|u|you guys|u guys) (?:get|got|receive[d]?) (?:it )?yet|(?:till|until|before|when|how long)\b.{0,20}\bprocess (?:it|them|my return|the return)|arrived? at (?:your|the) warehouse|(?:goes|go|going|put|paid) back (?:on|to|onto) my (?:visa|card|mastercard|amex|credit card|debit card|paypal|account|bank)|refunded (?:back )?(?:on|to|onto) my (?:visa|card|mastercard|amex|credit card|debit card|paypal|bank))(?![a-z])|(?:仓库|你们)(?:那边)?收到(?:货|了)?(?:了)?(?:没|吗|没有)|^收到(?:货)?(?:了)?(?:吗|没有?)[?？]*$/;
const WHEN_OR_MONEY = /多久|多长时间|几天|什么时候|啥时候|哪天|几号|还要等|要等|等了|到账|钱|退回|(?<![a-z])(?:when|how long|what date|which day|what day|expect|days now|days already|(?:it is|its|it has) been (?:over |more than |nearly |almost )?(?:a|an|one|two|three|\d+) (?:day|days|week|weeks)|money|back|processed|approv\w*|still no(?:thing)?)(?![a-z])/;
const PARCEL_WORDS = /快递|物流|包裹|发货|运单|派送|派件|签收|驿站|订单|另一|别的|其他|(?<![退回钱款])到(?![账帐卡手])|(?<![a-z])(?:other|another|order|come(?! through)|get here|parcel|package|delivery|deliver\w*|courier|tracking|shipped|shipping|dispatch\w*|postie|postman|driver|arrive\w*)(?![a-z])/;
const REVIEW_ASKED = /(?:审核|审完|审好).{0,6}(?:多久|多长时间|几天|什么时候|啥时候|好了|完了|通过了|没|吗)|(?:多久|什么时候|啥时候|几天|还要).{0,4}(?:审核|审完|审好)|(?<![a-z])(?:(?:how long|when)[a-z ]{0,24} (?:review|approv\w*)|review (?:take|be done|finish)|approved yet|reviewed (?:it|my (?:return|refund|request|exchange)) yet|wait for (?:the )?approval)(?![a-z])/;
/** Another question beside the review ("审核通过了，我的快递到哪了", "发票审核要多久") is that question's. */
const NOT_THE_REVIEW = /快递|物流|包裹|到哪|发票|积分|(?<![a-z])(?:parcel|package|tracking|where is|invoice|points)(?![a-z])/;
/** A review of the goods ("写评价", "leave a review"), not of a request. */
const PRODUCT_REVIEW = /评价|好评|晒单|(?<![a-z])(?:(?:leave|leaving|write|post|wrote|left) (?:a |my |the )?review|reviews? (?:of|on|for) (?:the|this|your)|the review said|reviewed the)(?![a-z])/;

/**
 * Asking why an order was cancelled, or saying it was not the buyer ("为什么被取消了", "why was my
 * order cancelled", "i didnt cancel it"): a question about a cancelled order, not a request to
 * cancel one (found from outside: the shipped orders were offered for cancelling).
 */
// "为什么上次那张会被取消 我又没有要取消" (found from outside: the how-to-cancel text of the other order).
// "why my order cancel?", "why the order got cancel": Malaysian English, and "kenapa order saya cancel?", "kenapa order charger UGREEN saya cancel?" read as it (found from outside: a cancel request).
// Also asked after it ("oppo那个也取消了 为啥": found from outside, "all your orders are cancelled" and no reason).
// "秒杀的打底衫咋给我取消了", "秒杀的那单为啥取消" (a Hangzhou livestream shop, thirty-third session: another order's refund).
// "咋个自己就取消了", "怎么自己就取消了" (a Chengdu shop, thirty-sixth session: a delivered order's returns policy).
const WHY_CANCELLED = /(?:为什么|为啥|为何|怎么|咋(?:个)?)(?:自己|自动)?(?:就|会)?(?:被|给我|帮我|给|把我的?(?:订单|单子)?给?)?(?:自动)?取消(?:掉)?了|(?:为什么|为啥|为何)(?:被|给我)?取消(?:了|订单)?(?:呢|啊|呀|嘛)?[?？!！。\s]*$|(?:为什么|为啥|为何)给我取消|(?:为什么|为啥|为何)(?:被|给我)?取消(?![不没吗么要还得会]|一下|的话|按钮|键|订单|需要)|(?<!申请|点了|我|已经|要)取消了?[\s，,。？?]{0,2}(?:为啥|为什么|咋回事|怎么回事)(?!还|没|不)|(?<![退换货运递账清菜保])(?:订单|单子|单)(?:怎么|咋|为什么|为啥)(?:就)?没了|(?<![退换货运递账清菜保])(?:订单|单子)(?:怎么)?不见了|(?:为什么|为啥)[^，,。？?]{1,16}会被(?:人|商家|卖家|你们|系统)?(?:自动)?取消|(?:为什么|为啥)[^，,。？?]{1,16}(?:(?:被|给)[^，,。？?]{0,4})?取消了|(?<!给)被(?:人|商家|卖家|你们|系统)?(?:自动)?取消了|谁取消的|我(?:并)?(?:没|没有|从没|从来没)(?:有)?取消(?:过)?(?!成功|掉|了吗|一下)|(?<![a-z])(?:(?:why|how come)\b.{0,40}\bkena cancel+(?:ed)?|why (?:was|is|has|have|did) (?:my |the |this |it |that )?(?:[a-z0-9']+ ){0,4}(?:been )?cancel+ed|why (?:did|would|have) (?:you|u|they|the shop|someone|somebody) cancel+(?:ed)?|why (?:my|the|this|that|our) (?:(?!can|cannot|not|unable|want|wanna|how|to)[a-z]+ ){0,3}(?:got |get |kena )?cancel+(?:ed)?|why order(?: (?!can|cannot|not|unable|want|wanna|how|to)[a-z0-9]+){0,4} (?:got |get |kena |been |was |is )?cancel+(?:ed)?|(?:why|how come) (?:[a-z]+ ){0,3}got cancel+(?:ed)?|who cancel+ed|i (?:didn'?t|did not|never) cancel+(?:ed)?(?: it| that| this| my order| anything)?(?! yet| in time)|(?:order|it|that|one) (?:got|was|has been|been) cancel+ed ?\?+(?: *(?:what is the go|what is going on|what happened|how come)\b)?)(?![a-z])/;
/** Not about an order's cancelling: a refund, a coupon, or a request to cancel beside it ("我没取消成功 怎么取消", "why was my refund cancelled"). */
// A return or exchange cancelled is the request's ("我的退货为啥取消": found in review).
const NOT_WHY_CANCELLED = /退款|(?<!没(?:有)?(?:申请)?)(?:退货|换货)|(?<!没|没有)申请|退钱|扣钱|扣款|(?<!付|给|交|付了|给了|交了)钱(?!退了?(?:没|吗|么))|券|售后|帮我取消(?!了)|怎么取消(?!了)|取消一下|能取消|(?<!没有?|没有说)要取消|(?<!没有?)想取消|给取消(?!了)|(?<![a-z])(?:refund|coupon|voucher|money|charged|please cancel|can i (?:still )?cancel|how (?:do i|to|can i) cancel|cancel it please)(?![a-z])/;

/**
 * Praise ("收到货了 点个赞👍 下次还找你们", "great service, will order again"): thanked, not read as a
 * question (found from outside: an auto-parts buyer's praise got a refund's status and a returns list).
 */
// Cantonese too ("好好食 下次再帮衬", "冰袋仲系硬嘅 正": found from outside, read as trouble or not understood).
const PRAISE = /点个赞|点赞|好评|五星|给力|很满意|非常满意|太满意|下次还(?:找|来|买)|下次再(?:帮衬|光顾)|再帮衬|好好食|几好食|真系好食|好正|几正|正嘢|真系正|(?<![真公反纠更修端立改])正$|还会回购|会回购|回头客|yyds|超甜|好甜|很甜|真甜|超好吃|很好吃|真好吃|太好吃|(?<![a-z])(?:great (?:service|job|shop)|love (?:it|them)|five stars|5 stars|well done|awesome service|will (?:definitely )?(?:buy|order|shop) (?:from you |here )?again|highly recommend|top notch)(?![a-z])/;
// Nothing asked or requested beside it: "已经给了五星好评了 返现呢", "我是回头客了 给点优惠呗", "love it, do you have it in blue" (found in review).
const NOT_PRAISE = /[?？吗呢呗吧]|怎么|点样|点先|怎样|贵|错|更正|纠正|修正|什么|多久|能不能|可以吗|为什么|不|没|差|坏|破|烂|退|换|返现|优惠|券|发票|开|给我|给点|帮我|要|就是|但|可惜|少|慢|再来|地址|改|(?<![a-z])(?:only|just|slow|late|missing|short|address)(?![a-z])|(?<![a-z])(?:how|when|where|what|why|can|could|do you|does|is it|are they|have it|but|however|not|no|never|broken|refund|return|exchange|please|pls|plz|send|invoice|voucher|code|discount|coupon|blue|red|size|colou?r)(?![a-z])/;
const praises = (normalized: string): boolean => PRAISE.test(normalized) && !NOT_PRAISE.test(normalized);
const praised = (u: Understanding): Pick<Resolved, 'intent'> | undefined => (praises(u.normalized) ? { intent: 'bye' } : undefined);

/**
 * Own goods asked after as ready to collect ("are my doc martens ready to collect yet?", "我的耳机到店了吗"),
 * and, right after a parcel's answer, where or until when to collect it ("which store is it at",
 * "until when do i have to pick them up"): the parcel, whose tracking tells (found from outside: the
 * shop's click-and-collect entry was offered).
 */
const READY_TO_COLLECT = /(?<![a-z])(?:(?:is|are) (?:my|the|it|they|them|these|those)(?![a-z])[^?]{0,40}ready (?:to|for) (?:collect\w*|pick ?up)|ready for me to (?:collect|pick))(?![a-z])|(?:我的|我那个|我买的)[^，,。？?]{0,12}(?:到店|可以取|能取|能去拿|可以去拿)了(?:吗|没)/;
const PICKUP_FOLLOW = /(?<![a-z])(?:which (?:store|shop|branch|locker)|where (?:do|can|should) i (?:collect|pick)|until when|collect (?:it |them )?by|how long (?:do i have|will (?:you|they) (?:keep|hold)))(?![a-z])|在哪(?:取|拿)|哪个(?:门店|网点|柜)|几号前|保留几天|放几天/;
/** A longer hold at the pickup point ("can you hold them longer?", "能多放几天吗"): only a person can ask for it. */
const HOLD_LONGER = /(?<![a-z])(?:(?:hold|keep) (?:it|them|my \w+|the \w+) (?:longer|a (?:few|couple of) (?:more )?days|(?:un)?til|till)|extend (?:the )?(?:hold|collection|pick ?up))(?![a-z])|延长(?:保管|取件|存放|保留)|多放几天|多留几天|放久一点|留久一点|晚几天(?:再)?(?:取|拿)/;
/** When the goods come ("幾點到", "几点能送到", "what time will the courier come"): never the staff's hours (found from outside). */
// Not "几点到几点", a span of hours.
const ARRIVAL_TIME = /几点(?:能|会)?(?:到(?![账帐期店付款])|送到|送来|送过来|派送|派件|上门)(?![几\d一二三四五六七八九十])|(?<![a-z])what time (?:will|does|is|would) (?:it|they|my (?:parcel|package|order)|the (?:parcel|package|courier|driver|delivery))(?: be)? (?:arrive|come|get here|delivered|turn up|show up)(?![a-z])/;
/** "我的车厘子还在哈尔滨吗", "快递还在上海吗": where the parcel is (found from outside: not understood). */
// A place, not a span or a state: "还在退货期内吗", "还在保修期吗", "还在活动时间吗" are not.
const STILL_AT = /还(?:在|停在|卡在)(?![\p{Script=Han}]{0,8}?(?:期|保|退|售|活动|范围|时间|库存|有货|营业|上班|线|打折|满减|促销|做|卖|季|考虑|想|犹豫|等))[\p{Script=Han}]{2,8}(?:吗|呢|没|么)/u;
/** The parcel asked after in words no intent model reads: when it comes by the hour, where it is now, ready to collect; a longer hold is a person's. */
function parcelAsked(state: DialogueState, u: Understanding, text: string): Pick<Resolved, 'intent'> | undefined {
  if (ARRIVAL_TIME.test(u.normalized)) return { intent: 'delivery_estimate' };
  if (STILL_AT.test(u.normalized) && (kindsOfGoods(text).size > 0 || /快递|包裹|(?<![订进拿调批备存囤])货/.test(u.normalized))) return { intent: 'track_parcel' };
  if (HOLD_LONGER.test(u.normalized)) return { intent: 'human' };
  if (READY_TO_COLLECT.test(u.normalized)) return { intent: 'track_parcel' };
  return state.topic === 'track_parcel' && state.focusOrderId && PICKUP_FOLLOW.test(u.normalized) ? { intent: 'track_parcel' } : undefined;
}

/**
 * A warranty claim asked after ("any news on my tent pole warranty claim?", "whats the status of my
 * claim"): the buyer's own request, not the warranty entry. Paid and still shown unpaid ("i paid
 * but it says unpaid", "付了款还显示待付款", "it came out of my account" after it): only a person can
 * match the payment (found from outside, an Australian shop).
 */
const CLAIM_ASKED = /(?<![a-z])(?:(?:news|update|status|progress|word)\b.{0,30}\bclaim|claim\b.{0,20}\b(?:status|update|progress)|(?:how(?:'s| is) my|where(?:'s| is) my|(?:(?:what'?s|what is)|whats|what is) (?:going on|happening|up) with my) (?:warranty )?claim)(?![a-z])|我的(?:保修|质保|索赔|理赔)(?:申请)?[^，,。？?]{0,6}(?:怎么样|进度|到哪|结果)|(?:保修|质保)(?:申请|单)[^，,。？?]{0,4}(?:怎么样|进度|审核|结果)/;
// Also "我刚fk了 为啥还显示待付款啊 钱都扣了", the money named after, and a longer English sentence (found from outside: told to pay again);
// the payment said after the status ("it still says unpaid on my end but i paid", "still show unpaid but i already bank in": two shops);
// past a comma ("我已经付了猫砂的钱了，可是还是显示待付款？", "50盒那单我已经对公打款了，怎么还显示未付款": a Kuala Lumpur and a Hangzhou shop,
// thirty-seventh session, told to pay again).
// Malaysian words too ("duit dah tolak tapi status still unpaid", "i paid but status unpaid", "bank statement shows rm499 debited": a Kuala Lumpur
// shop, fiftieth session, told to pay four times).
const PAID_SHOWS_UNPAID =
  /(?<![a-z])(?:paid|charged|came out of my account|(?:money|rm ?\d[\d.,]*|bank|account)\b[^.?!]{0,20}\b(?:debited|deducted)|(?:debited|deducted) (?:from|already)|(?:kena|dah|sudah|already) tolak)\b.{0,80}\b(?:says|say|shows|show|showing|still|is|status) (?:still )?(?:unpaid|awaiting payment|not paid|pending payment)(?![a-z])|(?<![a-z])(?:says|say|shows|show|showing|still|status) (?:still )?(?:unpaid|awaiting payment|not paid|pending payment)\b.{0,60}\b(?:i(?:'ve| have)? (?:already |just )?(?:paid|bank(?:ed)? in|transferr?(?:ed)?|made (?:the )?payment|did the transfer|done the transfer)|(?:paid|transferr?(?:ed)?|bank(?:ed)? in) already|(?:money|rm ?\d[\d.,]*|bank|account)\b[^.?!]{0,20}\b(?:debited|deducted)|(?:debited|deducted) (?:from|already)|(?:kena|dah|sudah|already) tolak)(?![a-z])|(?:显示|还是)(?:待付款|未付款|待支付)[^。？?]{0,12}(?:我(?:已经|明明|早就|都)?|已经|明明|早就)(?:付了|付过了|付过款了|付款了|转[账帐]了)|(?:付了款|付款了|缴费了|缴了费|缴款了|缴完了?|已经付了?|已付款|fk了|付了(?!吗|没)|扣了款|扣款了|扣了钱|钱扣了|转[账帐](?!失败|不了|没成功|不成功)[^，,。？?]{0,8}了|转了[账帐]|汇款[^，,。？?]{0,8}了|汇了款|转过去了|打款了|打了款)(?:[^，,。？?]{0,12}|[^，,。？?]{0,8}[，,]\s*(?:可是|但是|但|怎么|为什么|为啥|咋)[^，,。？?]{0,4})(?:还是|还|显示|仍)(?:显示|说)?(?:我)?(?:待付款|未付款|没付款|待支付|没付(?![钱了])|未付)|(?:显示|还是|还)(?:待付款|未付款|没付款|待支付)[^。？?]{0,12}(?:钱(?:都|已经|也)?(?:扣了|被扣了|付了)|扣了款|扣款了)/;
const NOT_PAID_YET = /(?<![a-z])(?:haven'?t|have not|(?:hasn'?t|has not)|didn'?t|did not|never|not yet|yet to) (?:been )?pa(?:id|y)(?![a-z])|还没付|没付|未付|还没支付|怎么付|哪里付|在哪付|定金|订金|尾款|(?:转[账帐]|支付|付款)(?:失败|不了)|(?<![a-z])(?:how do i pay|where do i pay|deposit|balance (?:payment|due)|pay the balance|failed|declined|(?:is|will|when|does) (?:the |my |it )?(?:money |rm ?\d[\d.,]* |payment )?(?:be |get )?(?:debited|deducted))(?![a-z])/;
/** The order's status quoted ("还显示未付款") is no "not paid yet" of the buyer's. */
// "怎么还显示没付" too (a Guangzhou shop, forty-first session: told to pay again).
const QUOTED_UNPAID = /(?:显示|还是|还|说)(?:说)?(?:我)?(?:未付款|没付款|待付款|待支付|没付(?![钱了])|未付)/g;
/**
 * Asked whether money was taken ("钱扣了没", "扣款了吗", "was i charged for it"), of the order just told: a
 * question, not the money said gone (found from outside: an order cancelled unpaid was handed over).
 */
// After what the buyer thought ("哦 我以为付了 那钱扣了没得": a Chengdu shop, thirty-sixth session, handed over as if charged).
// Also asked mid-message and ended by a question mark ("so was i charged anything?? my bank app shows a pending $13": an LA shop, forty-fifth session, the card alone).
const CHARGE_ASKED = /(?:^|[\s，,。!！]|^[哦噢喔嗯啊](?=那)|以为(?:已经)?(?:付|支付)(?:了|过了|款了))(?:那|那我的?)?(?:钱|款)(?:被)?(?:扣了?(?:没得|没有|没|吗|么)|有没有(?:被)?扣|有扣(?:吗|没|么))[?？\s]*$|^(?:那)?(?:扣(?:钱|款)了(?:没得|没|吗|么|没有)|有没有扣(?:钱|款)|扣没扣(?:钱|款))[?？\s]*$|^(?:so |and )?(?:(?:was i|did i get|have i been|was my (?:card|account)|am i(?: being)?) (?:charged|billed)|did (?:you|they|it) (?:charge|bill) me)(?: for (?:it|that|this)(?: one| order)?)?[?\s]*$|(?<![a-z])(?:was i|did i get|have i been|was my (?:card|account)) (?:charged|billed)(?: (?:anything|at all|for (?:it|that|this)(?: one| order)?))?(?=\s*[?.!])/;
const CHARGED = /(?<![a-z])(?:came out of my account|(?:been|was|got) charged|charged me|money (?:was |has been |already )?(?:taken|deducted|gone)|(?:deducted|debited) (?:from|already)|took the money)(?![a-z])|扣款了|扣了钱|钱已经扣了|钱扣了|钱都扣了/;
/**
 * Whether someone got the goods ("我给我女儿寄的苹果她收到没有", "我妈收到了吗"): the parcel, not an after-sales
 * request (found from outside: "no after-sales request", twice). Not of money or a return ("退款收到没有").
 */
const GOT_IT_YET = /(?:她|他|我妈|我爸|我女儿|我儿子|我老公|我老婆|家人|对方|朋友|收件人)[^，,。？?]{0,6}(?:收到|签收|拿到)(?:了)?(?:没有|没|吗|了吗)/;
const NOT_GOODS_RECEIVED = /退|换|钱|款|售后|发票|(?<![a-z])(?:refund|return|money)(?![a-z])/;
/**
 * "ive paid now", "paid liao", "付好了": a payment said done, nothing asked. The unpaid order's status
 * says whether it shows yet (found from outside, two shops: "not understood", a completed order).
 */
// "ok paid now with afterpay", "but i paid it 10 min ago??", "狗粮我付完了", "算了 付好了", "付好了 你看看", Shaanxi "额付了哈 刚付的"
// (额 is 我): thirty-third session, four shops ("Great.", "not understood", "which order to cancel?").
// "付好了 这次真付了😂" said again (a Hangzhou shop, thirty-fifth session: a miss, handed over).
// "i just paid for the boots btw" (a Sydney shop, thirty-seventh session: the change of address was told).
// A hello and "just now" before it ("hello girl, just now i paid already": a Singapore shop, forty-fourth session, greeted back).
const PAID_NOW = /^\s*(?:(?:hello|hi|hey|hai)(?: (?:girl|dear|boss|sis|bro|there|auntie|uncle))?[\s,，!！]*)?(?:(?:ok|okay|done|but|好了|好的|算了|诶|哎|欸|嗯)[\s,，]*)?(?:just now[\s,，]*)?(?:i(?: have|'ve)? (?:just |already )?paid(?: for (?:it|them|that|(?:the|my) [a-z]+(?: [a-z]+)?))?(?: (?:now|already|it|liao|le))?(?: (?:with|by|via|using|through|thru) [a-z]+(?: [a-z]+)?| \d{1,3} ?(?:mins?|minutes?|hours?|hrs?) ago)?(?: btw)?|(?:just )?paid (?:liao|already|now|le)(?: (?:with|by|via|using|through|thru) [a-z]+(?: [a-z]+)?)?|(?:[\u4e00-\u9fa5]{1,6}(?=我|已经|刚|付|支付))?(?:我)?(?:已经|刚刚?)?(?<![不没再想备上会要还])(?:付|支付)(?:款|钱)?(?:了|好了|完了)|已付款|付好了(?:这次|这回)?(?:是)?真(?:的)?(?:付|支付)了|付好了|(?:额|我)?(?:已经|刚刚?)?(?:付|支付)(?:款|钱)?(?:了|好了|完了)(?:哈|啊|哦|呀|嘛)?[\s，,。!！]*(?:刚付的|你(?:帮我)?(?:看看|看下|看一下|查查|查下|查一下)|帮我(?:看看|看下|看一下|查查|查下|查一下)|看看吧)(?:哈|啊|哦|呀|吧)?)[\s.!~。！?？]*$/;
/**
 * A payment said done and asked whether it arrived ("我说我付好了 你帮我看下花椒那单到账没得", "付了钱 你们到账没": a Chengdu and a
 * Beijing shop, thirty-sixth session: read as a refund, "no after-sales request").
 */
// Past a comma or two ("油烟机我刚刚付好了，用的国补，你看看到账没": a Nanjing shop, thirty-eighth session, "no after-sales request").
const PAID_ARRIVED = /(?:付|支付)(?:款|钱)?(?:好|了|过|完)(?:[^，,。？?]{0,20}(?:到账|收到)|[^。？?]{0,24}到账)|到账[^，,。]{0,4}(?:没|吗)[^，,。]{0,12}(?:付|支付)(?:好|了|过|完)/;
const asksPaymentArrived = (n: string): boolean => PAID_ARRIVED.test(n) && !/退|售后/.test(n);
const paidSaid = (n: string): boolean => PAID_NOW.test(n) || asksPaymentArrived(n);
// Not an old completed order: only what a payment just made can be (found in review).
const PAID_TIERS: readonly (readonly OrderStatus[])[] = [['pending_payment'], ['paid']];

/**
 * Charged twice ("扣了我两次钱！！2098扣了两遍", "银行卡扣了我两回958", "TWO pending charges… thats a double charge"): money, a
 * person first (four shops, thirty-eighth session: the order's status, "not sure", a list of return entries). Not a worry beforehand.
 */
const DOUBLE_CHARGE =
  /(?:扣|收|划)(?:了|走)?(?:我)?(?:两次|两遍|两回|2次|二次|两笔|双份)|(?:付|支付)了(?:两次|两遍|两回|两笔)|重复(?:扣款|扣费|扣钱|支付|付款|收费)|多扣了|(?<![a-z])(?:(?:charged?|billed|debited|deducted|taken) (?:me |my card )?(?:for it )?(?:twice|two times|2 times|double)|(?:came|come|got taken|was taken) out twice|double[- ]?(?:charged|charging|charge|billed|billing)|(?:two|2|duplicate|double) (?:pending )?(?:charges|debits)|(?:shows?|see|there (?:are|were)|got) (?:two|2|duplicate|double) (?:pending )?(?:payments|transactions))(?![a-z])/;
// A question or a failed payment ("买两件要付两次运费吗", "支付两次都失败了", "can i split it into two payments": found in review).
// A supposition ("如果我下单两次 会被扣了两次钱吗", "if i click pay twice i'll get charged twice"), unless a charge is told taken
// (CHARGED_PAST: "扣了我两次钱 要是不退我就报警": found in review).
const CHARGE_WORRY = /会不会|会被|会扣|如果|万一|要是|怕|担心|失败|没成功|不成功|分期|(?<![a-z])(?:will i|would i|could i|can i|do you|(?:won'?t|will not)|in case|worried|split|afterpay|installments?|if i|is that just|pending hold)(?![a-z])/;
// A question mark after a charge already taken is no worry ("i got charged twice by klarna for the kit??": an LA shop, forty-fifth session, "not understood").
const CHARGE_QUESTION = /吗|[?？]/;
const CHARGED_ALREADY = /扣了我|被扣了|(?<![a-z])(?:got|was|been|just got|(?:i'?ve|i have) been|i have been) (?:charged|billed|debited)(?![a-z])/;
const CHARGED_PAST = /扣了我|(?<!会)被(?:重复)?扣了|重复扣款了|多扣了|显示(?:扣|付)了|(?<!会被|会|会不会被)扣了(?:两|2)次|付了两次|(?<![a-z])(?:you charged me|(?:i|we) (?:was|were|got|have been|'?ve been) (?:double[- ])?(?:charged|billed|debited)|charged me twice|billed twice|double charged)(?![a-z])/;
const chargeWorry = (n: string): boolean => (CHARGE_WORRY.test(n) && !CHARGED_PAST.test(n)) || (CHARGE_QUESTION.test(n) && !CHARGED_ALREADY.test(n));

/**
 * Charged after cancelling a subscription ("I cancelled my subscription last week, why did you charge me again today??": a Los
 * Angeles shop, thirty-ninth session, "not sure"): money taken that should not have been, a person first, as a double charge.
 */
const CHARGED_AFTER_CANCEL =
  /(?:取消了|退订了|关掉了|关闭了|停了)[^。]{0,12}(?:订阅|自动续费|连续包月|自动发货|定期购|会员)[^。]{0,16}(?:还|又|怎么还|怎么又|为什么还|为啥还)(?:在)?(?:扣|收费|收钱)|(?<![a-z])(?:(?:cancel(?:l)?ed|stopped|paused|turned off)\b[^.?!]{0,40}\b(?:subscription|auto[- ]?ship|autoship|auto[- ]?renew\w*|membership)\b[^?!]{0,60}\b(?:charg\w*|billed|bill(?:ing)? me|took (?:money|payment)|debit\w*)|(?:charg\w*|billed|debited)\b[^.?!]{0,40}\b(?:after|even though|though|although) (?:i )?(?:had |already )?(?:cancel|stopp|paus|turn)\w*)(?![a-z])/;
/** A charge asked of ahead ("will I still be charged for this month's box?", "下个月还扣吗": found in review). */
const CHARGE_AHEAD = /还扣吗|还会扣|会不会|下个月|下次|(?<![a-z])(?:will (?:i|it|you)|would (?:i|it)|when will|once i|if i)(?![a-z])/;
/** What an order of theirs came to ("我周二买的那一单 总共多少钱来着": a Nanjing shop, thirty-eighth session, "not sure"): its status says it. */
// Not what is left to pay for free shipping ("这单再加多少钱能包邮": found in review).
const ORDER_TOTAL_NOT = /再加|还差|包邮|凑/;
const ORDER_TOTAL = /(?:那一?单|这一?单|那个订单|这个订单|我的订单|我买的|我下的|我拍的)[^，,。？?]{0,8}(?:总共|一共|合计|总价|实付|付了|花了)?多少钱|(?:总共|一共|合计|总价|实付|花了)多少钱来着|订单(?:总)?金额(?:是)?多少|(?<![a-z])(?:how much (?:was|did|is) my order|what did my order (?:come to|cost)|order total)(?![a-z])/;

/**
 * A refund's amount disputed ("why only 600? i paid 699 leh", "the refund amount wrong", "为什么只退了40") or money paid and not
 * found ("I transfered 459€ … where is this money now?"): a person checks it against the records (a Singapore and a Berlin shop,
 * fortieth session: entries on Malaysia offered, "any money paid goes back").
 */
const MONEY_DISPUTED = /为什么只(?:退|给)了?\d|为什么只有\d+(?:\.\d+)?(?:元|块|rm|\$)|(?:只|才)退(?:了)?\d|少退(?:了)?|退少了|(?:退款|退的|退回的?)(?:金额|钱)?(?:不对|有误|错了|少了)|(?<![a-z])(?:why (?:only|just) [$€£¥]\d|why (?:only|just) \d+(?:\.\d+)?\b[^!]{0,30}\b(?:paid|refund\w*|back)|(?:refund|refunded) amount (?:is |was )?(?:wrong|not right|incorrect|short)|the refund (?:amount )?(?:is |was )?(?:wrong|short|less than)|refund(?:ed)? (?:is |was )?(?:short|less than))(?![a-z])/;
/**
 * A company's tax number or a device's serial sent, as an entry asked ("ok so here: Nowak Design sp. z o.o., …, NIP PL6762475813.
 * thx", "Order …, serial PF-2A7K9X, keyboard keys stopped working": a Berlin shop, fortieth session, "You're welcome!" and the
 * order's status): a person's to act on, told so. Chinese invoice details keep their own answer.
 */
const DETAILS_GIVEN = /(?<![a-z])(?:nip|vat(?: id| number| no\.?| reg(?:istration)? no\.?)?|ust-?id(?:nr\.?)?|uid|uen|abn|gst (?:no\.?|number)|tax (?:id|number))\s*[:#.]?\s*(?:[a-z]{2}\s?)?\d[\d\s-]{6,}|(?<![a-z])(?:serial(?: number| no\.?)?|s\/n)\s*[:#.]?\s*[a-z0-9][a-z0-9-]{4,}/i;
/** Money sent by transfer and asked after: a payment to trace, not a refund's progress ("where is my money" alone is that). */
const TRANSFER_LOST = /我(?:已经)?(?:转账|汇款|转了|汇了)[^。？?]{0,30}(?:钱|款)(?:去|跑)?(?:哪|呢)|(?<![a-z])(?:i|we) (?:have |had |already )?(?:transferr?ed|wired|sent the money)\b[^?]{0,80}\bwhere(?:'s| is)? (?:is )?(?:this|that|the|my) money(?![a-z])/;
function claimOrPayment(state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'chargeAsked' | 'doubleCharge' | 'afterCancel' | 'moneyDisputed' | 'detailsGiven'> | undefined {
  if (CLAIM_ASKED.test(u.normalized)) return { intent: 'aftersale_progress' };
  // Asked whether it was taken, of the order just told, before any reading of a dispute ("哦 那我钱扣了没": a Shenzhen shop, fiftieth session, handed over).
  if (state.focusOrderId && CHARGE_ASKED.test(u.normalized)) return { intent: 'order_status', chargeAsked: true };
  if (MONEY_DISPUTED.test(u.normalized) || TRANSFER_LOST.test(u.normalized)) return { intent: 'human', moneyDisputed: true };
  if (DETAILS_GIVEN.test(u.normalized) && !/[?？]|吗/.test(u.normalized)) return { intent: 'human', detailsGiven: true };
  if (CHARGED_AFTER_CANCEL.test(u.normalized) && !CHARGE_AHEAD.test(u.normalized)) return { intent: 'complaint', doubleCharge: true, afterCancel: true };
  if (ORDER_TOTAL.test(u.normalized) && !ORDER_TOTAL_NOT.test(u.normalized) && (u.intent === 'unknown' || u.guessed || u.intent === 'faq')) return { intent: 'order_status' };
  if (DOUBLE_CHARGE.test(u.normalized) && !chargeWorry(u.normalized)) return { intent: 'complaint', doubleCharge: true };
  // Said again once told a payment takes minutes to show: a person checks it (a Sydney shop: the same answer twice).
  // Read as an FAQ question by a word of the goods ("礼盒付好了" offered "有春节礼盒吗": a Chengdu shop, forty-fourth session); not by the
  // way it was paid ("i paid with credit card" asks of instalments: the shop's entry).
  const faqOfGoods = u.intent === 'faq' && !/(?<![a-z])(?:with|by|via|using|through|thru)(?![a-z])|用/.test(u.normalized);
  if (PAID_NOW.test(u.normalized) && (u.intent === 'unknown' || u.guessed || u.intent === 'bye' || u.intent === 'greeting' || faqOfGoods)) return { intent: state.offeredHuman && state.topic === 'order_status' ? 'human' : 'order_status' };
  if (GOT_IT_YET.test(u.normalized) && !NOT_GOODS_RECEIVED.test(u.normalized)) return { intent: 'track_parcel' };
  if (!PAID_NOW.test(u.normalized) && asksPaymentArrived(u.normalized)) return { intent: 'order_status' };
  if ((PAID_SHOWS_UNPAID.test(u.normalized) && !NOT_PAID_YET.test(u.normalized.replace(QUOTED_UNPAID, ' '))) || (state.focusOrderId && CHARGED.test(u.normalized))) return { intent: 'human' };
  // "my subscribe and save order says awaiting payment? … What's going on" (a US vitamins shop, forty-first session: the
  // subscription entry offered): the order shown unpaid.
  // Not a refund "still not paid" (found in review).
  if (SAYS_UNPAID.test(u.normalized) && !/退款|退钱|(?<![a-z])refund/.test(u.normalized)) {
    const said = u.normalized.replace(QUOTED_UNPAID, ' ');
    return { intent: PAID_CLAIMED.test(said) && !NOT_PAID_YET.test(said) ? 'human' : 'order_status' };
  }
  return undefined;
}
/** The money said to be gone, beside the unpaid status: a person checks the payment ("money was taken but the 订单 says unpaid"). */
const PAID_CLAIMED = /(?<![a-z])(?:i (?:have |already |just )?pa(?:id|yed)|money (?:was|got|has been|is) (?:taken|deducted|gone)|(?:been |was |got )charged|deducted|bank (?:took|deducted|debited))(?![a-z])|扣了|扣钱|扣款|钱都扣|付过了|我付了(?![能会就])|付款了(?![能会就])|付好了(?![能会就])|已经付/;
/** An order's status quoted as unpaid: "says awaiting payment", "还显示待付款"; the order it names is the unpaid one (describedBy). */
const SAYS_UNPAID = /(?<![a-z])(?:says|say|shows|show|showing|still) (?:unpaid|awaiting payment|not paid|pending payment)(?![a-z])|(?:显示|还是)(?:待付款|未付款|待支付)/;

/**
 * A mistyped order number put right ("sorry wrong number, its UK10260", "单号写错了 应该是 A1234"): the
 * question just asked, of that order (found from outside: "do you want to change the delivery address?").
 */
const CORRECTS = /wrong (?:order )?(?:number|no\.?|id|#)|typo|(?:sorry|oops|my bad)[,.!\s]+(?:(?:it'?s|it is)|its|it is|i meant)|(?<![a-z])i meant\s+(?:order\s+)?#?[a-z]{0,4}\d|(?:单号|订单号|号码)?(?:写|打|输)错了[^，,。]{0,3}(?:应该是|是)\s*[a-z]{0,4}\d|(?:写|打|输)错(?:单号|订单号)了/i;
const NOT_THE_ORDER_ID = /手机|电话|尾号|后四位|末四位|地址|门牌|楼|室|收货人|邮编|价格|型号|(?<![a-z])(?:phone|mobile|tel|ending|address|postcode|zip|price|size|model|oe|vin)(?![a-z])/;
/** An order number's shape: letters and at least four digits, or eight digits at least ("UK10260", "SO2611230001"); not "1502", "2000mAh". */
const ID_SHAPED = /(?<![A-Za-z0-9])(?:[A-Za-z]{1,4}[-#]?\d{4,}|\d{8,})(?![A-Za-z0-9])/;
function correctsOrderId(state: DialogueState, u: Understanding, text: string): Pick<Resolved, 'intent' | 'explicitOrderId'> | undefined {
  // A phone number or an address put right is a change of the order ("手机号填错了，尾号应该是3321").
  const id = CORRECTS.test(u.normalized) && !NOT_THE_ORDER_ID.test(u.normalized) ? ID_SHAPED.exec(text)?.[0] : undefined;
  if (!id) return undefined;
  const topic = state.topic && isDataIntent(state.topic) && state.topic !== 'aftersale_progress' ? state.topic : 'order_status';
  return { intent: topic, explicitOrderId: id };
}

/** An order bought and now gone ("我之前还买了个磁吸充电宝 咋个没得了呢？？": a Chongqing shop, thirty-seventh session, "not sure"). */
const ORDER_GONE = /(?:买|下单|下了单|订|拍)(?:了|过)[^，,。？?]{0,14}[\s，,]*(?:咋个|怎么|为啥|为什么|咋)(?:就|又)?(?:没(?:得|有)?了|不见了|消失了)/;
const askedWhyCancelled = (u: Understanding, orderId: string | undefined): Pick<Resolved, 'intent' | 'whyCancelled' | 'explicitOrderId'> | undefined =>
  (WHY_CANCELLED.test(u.normalized) || ORDER_GONE.test(u.normalized)) && !NOT_WHY_CANCELLED.test(u.normalized) ? { intent: 'order_status', whyCancelled: true, ...(orderId ? { explicitOrderId: orderId } : {}) } : undefined;

/**
 * How long an unpaid order is kept ("多久不付会自动取消", "what if i dont pay, will it cancel"): told
 * that it closes by itself and where the countdown is, not how to cancel it (found in the closing
 * note of an earlier round: "go to the order page and cancel it").
 */
// "啥时候之前得付 过了会咋样" (a Harbin shop, thirty-third session: the dispatch day).
// Kept or expiring asked of the unpaid one ("未付款的订单会保留多久": a Guangzhou appliance shop, forty-ninth session, the shipped order's status).
// "how long have I got before it cancels?" (a London shop, fifty-first session: told how to cancel it).
const UNPAID_TIMEOUT = /(?:未付款|没付款|待付款|没付|未付)(?:的)?(?:订单|那单|那个单|单子)?[^，,。？?]{0,6}(?:保留多久|留多久|保留几天|保留到|什么时候过期|多久过期|会过期|过期吗|什么时候失效)|(?<![a-z])unpaid (?:order|one)s?\b[^.?!]{0,20}\b(?:kept|keep|held|hold|expire\w*)(?![a-z])|(?<![a-z])how (?:long|much time) (?:have i got|do i have|have i|i got|is left|left) (?:to pay )?(?:before|until|till) (?:it|the order|my order) (?:auto[- ]?)?(?:cancels|closes|expires|gets cancell?ed|is cancell?ed)(?![a-z])|(?<![a-z])(?:have not|not yet) paid(?: (?:it|for (?:it|my order|the order)))?(?: yet)?\b[^?]{0,40}\bhow (?:long|much time) (?:do i have|have i got|i got|is left)(?! to (?:use|return|claim|pay the))(?![a-z])|(?:什么时候|几点|哪天|几号)(?:之前|前)(?:要|得|必须)?(?:付|付款|支付|付钱)|(?:不付|没付|未付|不支付|没支付|未支付|不给钱)[^，,。？?]{0,8}(?:自动)?(?:取消|关闭|关单|失效)|多久(?:会)?自动(?:取消|关闭|关单)|(?<![a-z])(?:unpaid|(?:if i )?(?:don'?t|do not|did not|(?:didn'?t|did not)|never) pay|without paying|not paid|before paying)(?![a-z])[a-z' ,]{0,30}(?:cancel|close|expire)|(?<![a-z])(?:how long (?:(?:can|do|will) i (?:wait|have)|have i got|have i|i got) (?:before paying|to pay|before i pay|to make (?:the )?payment)|payment (?:deadline|window|time limit)|(?:time limit|deadline) (?:to|for) pay\w*)(?![a-z])|(?:多久|几天|多长时间)(?:之?内)?(?:要|得|必须)?(?:付款|付钱|支付)|(?:多久|几天|多长时间)之?内(?:要|得|必须)?付(?![了过完的])|会不会自动(?:取消|关闭|关单)|会自动(?:取消|关闭|关单)吗|(?:怕|担心)(?:会)?(?:被)?自动(?:取消|关闭|关单)|(?:不付|没付|未付|不给钱)[^，,。？?]{0,4}(?:会怎样|会怎么样)|(?<![a-z])(?:how long (?:before|until|till) (?:it |the order |my order )?(?:gets? |is )?(?:cancel\w*|close[ds]?)|will it (?:auto(?:matically)?[- ]?)?(?:cancel|close)(?: itself| by itself)?|(?:deadline|how long) before (?:it |the order |my order )?(?:gets? )?cancel\w*|when (?:does|will) (?:it|the order|my order) (?:get |be )?cancel\w*(?: if i (?:(?:do ?n'?t|do not)|dont) pay)?|still reserved(?: for me)?|still (?:held|on hold) for me|(?:want to|wanna|need to|will|gonna) pay\b.{0,30}\bhow long (?:do i have|have i got)|how long (?:do i have|have i got)\b.{0,20}\bto pay)(?![a-z])|(?:什么时候|几时|几点|哪天|最晚)(?:(?:之?前|以前)(?:要|得|必须)?(?:付|给|支付|交)|(?:之?前|以前)?(?:要|得|必须)?(?:付|支付|交)(?:钱|款))(?:吗|呢|啊)?\s*$/;
const CLEARLY_ELSE_THAN_ORDERS: ReadonlySet<Intent> = new Set(['human', 'complaint', 'invoice', 'coupon', 'return_policy']);
/** Paid, charged, asking how to cancel, or about a refund: not how long an unpaid order waits (found in review). */
// 付过 is not "付 过了会咋样" run together (past the deadline, found from outside).
const NOT_UNPAID_TIMEOUT = /(?<![a-z])(?:asked (?:you )?to cancel|requested (?:a |the )?cancel\w*)(?![a-z])|尾款|定金|订金|付了|付过(?!了(?:会|就|怎么|咋|还))|已付|已经付|扣了|扣款|扣钱|怎么取消|如何取消|退款|退货|退的|赔|补发|返现|差价|赠品|单号|发票|(?<![a-z])(?:i paid|i have paid|already paid|charged|how (?:do i|to|can i) cancel|refund|return)(?![a-z])/;
/** The deadline asked in so many words ("那个单子付款截止到几点", "最晚几点付款": found from outside, "not sure" and a hand-over), whatever the FAQ. */
// Not the day's cut-off for sending ("最晚几点付款能当天发货") nor a pre-sale's balance ("尾款付款截止"): the FAQ's (found in review).
const CUT_OFF = /发货|发出|寄出|当天|今天|尾款|定金|订金/;
const PAY_DEADLINE = /付款(?:截止|期限|截至)|(?:最晚|最迟)(?:几点|什么时候|啥时候|哪天)(?:前)?(?:要|得)?(?:付款|付钱|支付|付)/;
/** By when the unpaid order must be paid, of the order named or the unpaid one among the buyer's orders. */
type UnpaidTimeoutTold = Pick<Resolved, 'intent' | 'unpaidTimeout' | 'explicitOrderId'>;
function toldUnpaidTimeout(orderId: string | undefined): UnpaidTimeoutTold {
  return { intent: 'cancel_order', unpaidTimeout: true, ...(orderId ? { explicitOrderId: orderId } : {}) };
}
const unpaidTimeout = (u: Understanding, orderId: string | undefined): UnpaidTimeoutTold | undefined =>
  ((UNPAID_TIMEOUT.test(u.normalized) && !CUT_OFF_ASKED.test(u.normalized) && !(u.intent === 'faq' && u.confidence >= CLEAR_FAQ) && !(CLEARLY_ELSE_THAN_ORDERS.has(u.intent) && !u.guessed)) || (PAY_DEADLINE.test(u.normalized) && !CUT_OFF.test(u.normalized))) && !NOT_UNPAID_TIMEOUT.test(u.normalized) ? toldUnpaidTimeout(orderId) : undefined;

/**
 * An order the buyer cancelled, asked after its money ("防晒那单我取消了 钱退了吗", "i cancelled it,
 * wheres my refund"): the refund's state, not how to cancel (found from outside: "already applied").
 */
const CANCELLED_MONEY = /(?:取消了|已取消|已经取消|取消掉了|(?:那个|那单|那笔)(?:被)?取消的|取消的那(?:个|单|笔))[^?？]{0,12}(?:钱|款)[^?？]{0,4}(?:退|到账|回来|呢|没)|(?<![a-z])(?:i |already )cancel+ed(?![a-z])[a-z' ,]{0,30}(?:refund|money)/;
const refundOfCancelled = (u: Understanding, orderId: string | undefined): Pick<Resolved, 'intent' | 'explicitOrderId'> | undefined =>
  // Read as a request's progress too ("那个取消的a2 钱退回来没有": found from outside, an exchange's status twice).
  (u.intent === 'cancel_order' || u.intent === 'aftersale_progress') && CANCELLED_MONEY.test(u.normalized) ? { intent: 'aftersale_progress', ...(orderId ? { explicitOrderId: orderId } : {}) } : undefined;

const REQUEST_WORDS = /退款|退货|换货|售后|(?<![a-z])(?:refund|return|exchange)(?![a-z])/;
/**
 * When the goods of an exchange come ("鞋子换43码大概多久能收到", "how long till i get the new jeans",
 * "when will the W33 ship"): the exchange's progress, not the original parcel (found from outside:
 * "already delivered").
 */
const REPLACEMENT = /换(?:成|的)?\s*(?:\d{1,3}|[smlx]{1,3}|大一|小一)\s*(?:码|号)|新的\s*(?:\d{1,3}|[smlx]{1,3})\s*(?:码|号)|换的(?:新的|那个|那双|那件)|新的那(?:双|件|个|条)|(?<![a-z])(?:the new (?:size|pair|ones?|jeans|shoes|sneakers|dress|jacket)|replacement|new size)(?![a-z])/;
/**
 * "新的N20什么时候发给我", "the new shade": the exchange's goods only right after an after-sales
 * answer; else a new colour in stock or another order (found in review: "新颜色什么时候上架").
 */
const REPLACEMENT_ON_TOPIC = /新的\s*[a-z]{0,3}\d{1,3}(?!\d)|新(?:的)?(?:色号|颜色|尺码)|(?<![a-z])(?:the new (?:shade|colou?r|unit)|new (?:shade|colou?r))(?![a-z])/;
const ASKS_WHEN = /多久|什么时候|啥时候|几天|几号|何时|(?<![a-z])(?:when|how long|how soon|how many days)(?![a-z])/;
const replacementAsked = (state: DialogueState, u: Understanding, orderId: string | undefined): Pick<Resolved, 'intent'> | undefined =>
  !orderId && (REPLACEMENT.test(u.normalized) || (state.topic === 'aftersale_progress' && REPLACEMENT_ON_TOPIC.test(u.normalized))) && ASKS_WHEN.test(u.normalized) && u.intent !== 'return_policy' ? { intent: 'aftersale_progress' } : undefined;
/**
 * Where to send the goods back, right after a request's status ("那我要寄到哪个地址", "where do i
 * send it"): that request's next step, not a change of the order's address (found from outside:
 * "已签收，地址已无法修改").
 */
// "退货地址是多少" after a refund stays the shop's entry on it (an earlier finding): only asking where to send.
// The buyer is to send ("我要寄到哪", "寄回哪里"), not asking where a parcel got to ("卫衣寄到哪了": found in review).
// Also "寄到哪里啊 地址发我一下" (found from outside: read as changing the buyer's own address).
const RETURN_ADDRESS = /(?:^|[要该得我])\s*寄(?:到|去|回)?哪(?:个地址|里|儿)?(?![了里儿])|(?:应该|需要)寄(?:到|去|回)?哪(?!了)|(?<!我的|收货|新)地址(?:发|给)(?:我|一下)|寄回(?:到)?哪|退回(?:到)?哪|(?<![a-z])where (?:do|should|shall|can) i (?:send|ship|post|return|mail)(?![a-z])/;
const returnAddressAsked = (state: DialogueState, u: Understanding, text: string): Pick<Resolved, 'intent'> | undefined =>
  state.topic === 'aftersale_progress' && RETURN_ADDRESS.test(u.normalized) && kindsOfGoods(text).size === 0 ? { intent: 'aftersale_progress' } : undefined;
/**
 * "where can i find the serial no", "序列号在哪看": where to find something on the goods, not where
 * the parcel is (found from outside: a tracking card for the serial number's question).
 */
const FIND_WHERE = /在哪(?:里|儿)?(?:看|查|找|查看|能看到|可以看到)|(?<![a-z])where (?:can|do|should|would) i (?:find|see|check|look for|locate)(?![a-z])/;
/**
 * The rest of a split shipment ("另一个包裹到哪了", "我的沙发只到了一半", "where is the other parcel"):
 * the order's parcels not delivered yet (found from outside: "no matching order", since "另一个"
 * read as another order, and "not understood").
 */
const REST_PARCELS = /另(?:一|外一?)(?:个|件)?(?:包裹|快递|箱)|(?<![我的家])(?:另外|另|还有|剩下的?)一半(?:呢|到哪|去哪|怎么|什么时候|还没)|其他(?:的)?(?:包裹|快递)|剩下的(?:包裹|快递|货|东西)?(?:到哪|呢|什么时候|怎么还)|只(?:收)?到了?(?:一半|一个|一件|一箱|一部分|部分)|(?<![a-z])(?:(?:the )?(?:other|second|remaining|rest of the) (?:parcel|package|box)s?|only (?:got|received) (?:half|part|one (?:box|parcel|package)))(?![a-z])/;
/** "怎么只到了羽绒服", "only the jacket came": goods named after it, not a place ("只到了北京" is how far it got). */
const ONLY_ARRIVED = /只(?:收到|到|来)了?([^，,。!！?？]{1,10})|(?<![a-z])only (?:the )?([a-z]+(?: [a-z]+)?) (?:came|arrived)(?![a-z])/;
const onlySomeArrived = (n: string): boolean => {
  const m = ONLY_ARRIVED.exec(n);
  if (m !== null && kindsOfGoods(m[1] ?? m[2] ?? '').size > 0) return true;
  // "芒果收到了 蓝莓怎么没有", "got the watch, ta! still no jacket tho": goods come, other goods not (found from outside, two shops).
  const some = SOME_CAME.exec(n);
  // Other goods than those that came ("耳机收到了 耳机没有声音" is the earphones' trouble: found in review).
  const [came, missing] = some ? [some[1]!.replace(/^(?:我的|我)/, ''), some[2]!.replace(/^(?:我的|那个?|但是?)/, '')] : ['', ''];
  if (came && missing && !came.includes(missing) && !missing.includes(came) && !NOT_GOODS_MISSING.test(missing) && (kindsOfGoods(came).size > 0 || kindsOfGoods(missing).size > 0)) return true;
  const en = SOME_CAME_EN.exec(n) ?? NOT_IN_THE_BOX_EN.exec(n);
  return en !== null && kindsOfGoods(en[1]!).size > 0;
};
/** What a buyer may miss that is no parcel ("你们答应的补偿呢", "好评返现呢"). */
const NOT_GOODS_MISSING = /补偿|赔偿|退款|返现|钱|发票|回复|消息|客服|人|答应|说好/;
const SOME_CAME = /([^，,。!！?？\s]{1,10}?)(?:已经)?(?:收到了|收到啦|到了|到啦|签收了)[，,\s~!！]*(?:但是|可是|但)?([^，,。!！?？\s]{1,10}?)(?:怎么|咋|为啥|为什么)?(?:还)?(?:没有?(?:一起)?(?:到|来|收到|发)|没有?(?=[?？!！。.\s]|$)|呢)/;
const SOME_CAME_EN = /(?<![a-z])(?:got|received|have|picked up)\s+(?:the|my)\s+[a-z]+[^.?]{0,40}?(?:still no|no sign of|but no|but not the|missing|where(?:'s| is) (?:the|my))\s+(?:the |my )?([a-z]+(?: [a-z]+)?)/;
/** "got a box with my bird of paradise but the ZZ plant and the potting mix weren't in it" (found from outside: "not sure"). */
const NOT_IN_THE_BOX_EN = /(?<![a-z])(?:got|received|came|arrived)\b[^?]{0,80}\bbut (?:the |my )?([a-z]+(?: [a-z]+)?)\b[^.?]{0,40}\b(?:(?:weren'?t|were not)|(?:wasn'?t|was not)|were not|was not|(?:aren'?t|are not)|(?:isn'?t|is not)) (?:in (?:it|the box|there|the package|the parcel)|included)(?![a-z])/;
const restOfParcels = (u: Understanding): Pick<Resolved, 'intent' | 'restParcels'> | undefined =>
  (REST_PARCELS.test(u.normalized) || onlySomeArrived(u.normalized)) && (unclearReading(u) || u.intent === 'bye' || LOOKS_AT_PARCEL.has(u.intent)) ? { intent: 'track_parcel', restParcels: true } : undefined;
/** Intents that ask where goods are: "另一个包裹能改地址吗" or "…的退款" keep theirs (found in review). */
const LOOKS_AT_PARCEL: ReadonlySet<Intent> = new Set<Intent>(['track_parcel', 'delivery_estimate', 'order_status']);
/**
 * Another delivery day ("能不能改到周六送", "送货时间能改吗", "能不能晚几天送", "change the delivery date"):
 * not another address (found from outside: "您是想修改收货地址吗？" though the shop had an entry on it).
 */
// "改到25号以后送行不行", "能不能改到礼拜三下午送", "改日期…不是改地址" (a Nanjing shop, thirty-eighth session: an address change, three times).
const RESCHEDULE = /(?:改|换|推迟|推后|延后|延迟|挪)(?:到|成|在)?(?:下?(?:周|星期|礼拜)[一二三四五六日天末]|明天|后天|下周|月底|\d{1,2}\s*[号日]|几天|两天|一周)(?:以后|之后|后|左右)?(?:上午|下午|晚上|早上|中午)?(?:再|来)?(?:送|配送|派送|送货|上门)|(?:改|换)(?:个|一下)?(?:日期|日子)(?=.{0,16}(?:不是改地址|地址不变|地址不用改))|(?:改|换|推迟|推后|延后|延迟|调整|重新约)(?:一下)?(?:送货|配送|派送|送达|上门)的?(?:日期|日子|时间|那天|哪天)|(?:送货|配送|派送|上门)的?(?:日期|日子|时间)(?:能|可以|可不可以)?(?:改|换|推迟|延后|调整)|(?:晚|迟)(?:几|一|两)天(?:再)?送|(?<![a-z])(?:(?:change|move|reschedule)(?: the| my)? delivery (?:date|day)|reschedule(?: the| my)? delivery|deliver (?:it )?(?:on|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week) instead|(?:another|a later|a different) delivery (?:date|day)|postpone\w*(?: (?:it|the delivery|delivery|the slot))?(?: to| till| until)? (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|next week|another day|a later date)|(?:move|push|shift) (?:it|the delivery|delivery|the slot) (?:to|till) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|next week|another day)|not (?:the )?address\W+(?:the |change the )?date)(?![a-z])/;
/**
 * A day asked for ("海鲜礼包能指定12月25号送到吗", "能不能下周三再送", "草莓能不能晚点发 先别发",
 * "could it be the afternoon instead"): found from outside as the shipping time, a cancellation, "not understood".
 */
// Not a courier named ("能指定顺丰送吗"), nor a complaint about the day ("怎么明天才发货", "预售是不是过几天发": found in review).
// "周三送成不", "那能约后天送不 明天我不在家": a day asked for, the northern way (a Beijing shop, forty-first session: tracking, "not sure").
const RESCHEDULE_MORE = /(?<![大预])(?:约|改约|约到)(?:下?(?:周|星期|礼拜)[一二三四五六日天末]|明天|后天|\d{1,2}\s*[号日])(?:再)?(?:送|配送|上门)|(?:下?(?:周|星期|礼拜)[一二三四五六日天末]|后天|\d{1,2}\s*[号日])(?:再)?(?:送|配送|送货)(?:成不|行不|可以不|可以吗|行吗|成吗|能行吗)|(?:下?(?:周|星期|礼拜)[一二三四五六日天末]|明天|后天|\d{1,2}\s*[号日])(?:先|才)(?:送|派|配送|派送)|指定[^，,。？?]{0,8}(?:\d{1,2}\s*[号日]|(?:周|星期|礼拜)[一二三四五六日天末]|明天|后天|哪天)[^，,。？?]{0,4}(?:送到|送达|配送|到货|收货|送|到)|指定(?:送达|送货|配送|收货)?(?:日期|日子|哪天)|(?:下?(?:周|星期|礼拜)[一二三四五六日天末]|明天|后天|\d{1,2}\s*[号日])再(?:送|发|配送|派送)|(?:能不能|可不可以|可以|能否|帮我|麻烦)[^，,。]{0,4}(?:晚(?:点|一点|几天|些)|迟(?:点|几天)|过几天)(?:再)?(?:发|送)|(?:先别|暂时别|先不要|暂时不要)(?:发货|发|送)|(?:下?(?:周|星期|礼拜)[一二三四五六日天末])(?:送到|送)(?=[^，,。]{0,10}(?:家里|在家|有人|没人|冇人))|(?<![a-z])(?:(?:could|can) (?:it|they|you) (?:be|come|deliver)[^.?]{0,12}(?:morning|afternoon|evening|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|later)[^.?]{0,8}instead|(?:in|to) the (?:morning|afternoon|evening) (?:slot )?instead|(?:put it|move it|change it) (?:on|to) the (?:evening|morning|afternoon) slot)(?![a-z])/;
/**
 * The buyer's own request asked after by its kind ("我的价保申请怎么样了", "为什么拒绝？") rather than
 * the shop's policy on it: its status and, refused, the shop's reason (found from outside: the
 * price-protection entry was said, twice; "拒绝的原因是啥", "换腰果点解唔得": not understood).
 */
// "I ask for change helmet to medium size, what is status?": asked for, its status asked (a Dublin shop, fifty-first session, the sizes entry).
const OWN_REQUEST = /(?<![a-z])(?:i )?(?:asked|ask|requested|applied|put in) (?:for )?(?:an? |the )?(?:change|exchange|swap|return|refund|replacement)\b[^.?!]{0,40}\b(?:what'?s|what is|whats|any|how'?s|how is) (?:the |its |my )?(?:status|progress|update|news)(?![a-z])|(?:我的|我那个|我申请的)[^，,。?？]{0,6}(?:申请|售后)[^，,。]{0,8}(?:怎么样|咋样|如何|进度|到哪|通过|结果|审核|批了|呢)|(?:为什么|为啥|凭什么|怎么|点解)(?:被)?(?:给我|把我的?)?(?:拒绝|拒了|驳回|不通过|没通过)(?!收货|签收|快递|包裹)|(?:拒绝|驳回|被拒|拒了)的?(?:原因|理由)|(?:换|退)[^，,。？?]{0,6}(?:为什么|为啥|点解)(?:不得|不行|不可以|不给我?|唔得)[吗啊呢？?!！\s]*$|(?<![a-z])(?:why (?:was|did you|is|has) (?:it |my \w+ (?:request |claim )?)?(?:been )?(?:rejected|refused|declined|denied)|what happened (?:to|with) my (?:\w+ )?(?:request|claim))(?![a-z])/;
const ownRequestAsked = (u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  OWN_REQUEST.test(u.normalized) && (u.intent === 'faq' || unclearReading(u) || isPolicyIntent(u.intent)) ? { intent: 'aftersale_progress', u: { ...u, guessed: undefined } } : undefined;
/**
 * How to ripen, keep or eat the goods ("榴莲怎么催熟", "放几天能开口", "还能吃吗", "how do I store
 * them"): a question for the shop's FAQ, with the goods in focus, not the order's parcel (found from
 * outside: 催熟 read as chasing, 放几天 as a delivery time).
 */
const GOODS_CARE = /催熟|熟了吗|没熟|放几天|多放几天|开口|怎么吃|还能吃|能生吃|能直接吃|怎么保存|怎么储存|怎么存放|要冷藏|要冷冻|放冰箱|(?<![a-z])(?:ripen\w*|ripe|how (?:do|should) i (?:store|keep|eat)|still (?:ok|safe) to eat|safe to eat|keep (?:it|them) fresh)(?![a-z])/;
/**
 * What is in the goods, who may have them, how a plant is kept ("我老公花生过敏 每日坚果里面有花生吗", "my
 * monstera has 2 yellow leaves, should I be worried?": found from outside, the parcel's tracking, twice):
 * asked beside no parcel question ("给孩子吃的坚果到哪了": found in review), and not a reaction had after
 * using them ("用了过敏 脸都红了" is goods in trouble). GOODS_CARE's own words are not repeated here: they
 * reach the FAQ under its looser condition.
 */
// Washing, ironing, see-through ("衬衫是真丝的洗了会不会皱 要熨吗", "毛衣会不会很透": a Hangzhou shop, thirty-fifth session: the order's card).
// Whether it fast-charges or fits a model ("30w那个头 iphone16pro max能快充不 要配啥线": a Shenzhen charger shop, fiftieth session, the tracking).
// Whether the goods are vegan, halal, fragrance-free ("is the spf one vegan?? lowkey need to know b4 i open it": a London shop, fifty-first session, the tracking).
const GOODS_ABOUT =
  /(?:能|可以|支持)快充(?:不|吗|么|嘛)|配(?:啥|什么|哪种|哪根)线|(?:兼容|适配)(?:吗|不|么)|(?<![a-z])(?:(?:does|will|can) (?:it|this|that|the \w+) (?:fast[- ]charge|support fast charging|fit|work with)\b)|(?<![a-z])(?:is|are) (?:it|this|that|they|these|those|the [\w ]{1,20}?) (?:vegan|cruelty[- ]free|halal|kosher|organic|gluten[- ]free|dairy[- ]free|nut[- ]free|fragrance[- ]free|alcohol[- ]free|paraben[- ]free|non[- ]comedogenic|pregnancy[- ]safe|safe (?:in|during|for) pregnancy|reef[- ]safe)(?![a-z])|(?<!用了|吃了|喝了|涂了|擦了|抹了|戴了|穿了|没|不|没有|不会)过敏(?!了)|会不会(?:很|太)?(?:皱|透|起球|缩水|掉色|褪色)|要(?:不要)?熨|熨(?:烫)?吗|透不透|要不要穿打底|机洗|手洗|干洗|水洗|怎么洗|能洗吗|成分|配料|添加剂|防腐剂|有没有(?:加|添加)|加糖|糖尿病|孕妇(?:能|可以)|(?:小孩|宝宝|孩子|细路仔?)(?:能|可以)?(?:吃|食)|能吃吗|吃得吗|食唔食得|食得唔得|怎么养|浇水|施肥|叶子(?:发黄|黄了|蔫|掉)|(?<![a-z])(?:allerg(?:y|ies|ic)(?! reaction)|wrinkle\w*|iron(?:ing)? (?:it|them)|see-?through|machine wash\w*|hand wash\w*|dry clean\w*|ingredients?|preservatives?|gluten|diabet\w*|toxic|pet safe|safe for (?:cats|dogs|pets|kids|babies)|(?:leaves|leaf) (?:turn\w*|yellow\w*|brown\w*|droop\w*|curl\w*)|yellow leaves|turn(?:ed|ing)? (?:yellow|brown)|(?:when )?(?:should|do|can) i (?:plant|sow|repot|fertili[sz]e|water)(?! (?:the |my )?(?:order|bill|account))|when (?:should|do|can) i start (?:the |my )?(?:\w+ )?(?:seeds?|bulbs?|plants?|seedlings?)|how (?:often|much) (?:should i |do i |to )?water|squishy|shrivel\w*)(?![a-z])/;
/** A subscription's deliveries ("when's my next subscription box due?", "can i pause it over xmas?", "暂停配送"): the shop's word, not the first box's parcel (found from outside). */
const SUBSCRIPTION = /(?<![a-z])(?:subscription|subscribe|(?:pause|skip|suspend) (?:it|my|the|this|next|a|[a-z]+'s)(?![a-z]))|订阅|包月|暂停(?:配送|发货|送货|送)|跳过(?:这|下|一)(?:期|次|个月)/;
/** A subscription's deliveries asked about, not one of them gone wrong or being tracked. */
const asksSubscription = (n: string): boolean =>
  SUBSCRIPTION.test(n) && !/(?<![a-z])(?:where|track\w*|arriv\w*|came|damaged|broken|missing|wrong|wilted|dead)(?![a-z])|到哪|在哪|物流|坏|少|缺|错|蔫/.test(n);
/** Trouble or money named beside it is trouble or after-sales, not care of the goods. */
const NOT_CARE = /退|赔|换|坏|烂|化冻|破|碎|裂|错|不一样|不符|霉|死|(?<![a-z])(?:refund|return|rotten|spoiled|thawed|send (?:it |them )?back|exchange|broken|cracked|crushed|damaged|dead|mushy|mou?ldy|wrong|smashed|squished)/;
/** A question about the parcel itself: where, when, sent yet ("给孩子吃的坚果到哪了": found in review). */
const PARCEL_QUESTION = /到哪|什么时候(?:能|会)?到|几天(?:能)?到|发货|发了|寄到|到了吗|到了没|(?<![a-z])(?:(?:shipped|dispatched|sent) yet|has it (?:shipped|arrived|been sent)|(?:is|are|has|have) (?:my |the |it |they )?[\w ]{0,30}(?:shipped|dispatched)|when (?:will|does|is|do) (?:it|they|my [\w ]{1,30}) (?:ship|arrive|come|get here)|where(?:'s| is| are) (?:it|my|they)|tracking)(?![a-z])/;
const goodsCare = (u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  ((GOODS_CARE.test(u.normalized) && !PARCEL_WORD.test(u.normalized)) || asksAbout(u) || asksSubscription(u.normalized)) && !NOT_CARE.test(u.normalized) ? { intent: 'faq', u: { ...u, guessed: undefined } } : undefined;
const asksAbout = (u: Understanding): boolean =>
  GOODS_ABOUT.test(u.normalized) && !PARCEL_WORD.test(u.normalized) && !PARCEL_QUESTION.test(u.normalized);
/**
 * "三个订单都帮我查下 分别啥状态", "帮我查下所有订单": every order of the buyer's not cancelled, each told
 * (found from outside: "which one?"). Beside ASKS_EACH in `dataAnswer`, which answers each of the few
 * orders an intent's question is about ("两个订单都到哪了": the ones on their way), this asks for all.
 */
// "两个单子一起查一下" (found from outside: only one told). "查下我所有订单" without 的 (a Hangzhou shop, thirty-fifth session).
// "can u check both of them for me" too (found from outside: "didn't quite get that"), and "check all three of my orders".
const ALL_MINE = /(?:[两三四五六几]个|所有的?|全部的?)(?:订单|单子?|包裹|快递)?(?:都|全|一起|一块儿?)(?:帮我)?(?:查|看)|(?:查|看)(?:一下|下)?(?:我的?)?(?:所有|全部)(?:的)?(?:订单|单子|包裹|快递)|(?<![a-z])(?:check|look up|track|find|look at) (?:on )?(?:(?:both|all)(?: of)?(?: the| my)?(?: (?:two|three|four|five|[2-9]))?(?: of)?(?: the| my)? (?:them|orders|parcels|packages)(?! for (?!me(?![a-z]))| you have| you sell| in stock)|both(?=\s*(?:for me)?[\s?.!]*$))(?![a-z])/;
const allOfMine = (u: Understanding): Pick<Resolved, 'intent' | 'choice'> | undefined =>
  ALL_MINE.test(u.normalized) && !/取消|退|改|(?<![a-z])(?:cancel|refund|return|change)/.test(u.normalized) && (isDataIntent(u.intent) || unclearReading(u)) ? { intent: isDataIntent(u.intent) && !u.guessed ? u.intent : 'order_status', choice: { all: true } } : undefined;
/** "先别发", "晚点发" read as a cancellation: the goods held back, not given up. */
const holdsBack = (u: Understanding): boolean => u.intent === 'cancel_order' && /晚(?:点|一点|几天|些)|迟(?:点|几天)|过几天|先别发|暂时别发|先不要发/.test(u.normalized) && !/取消|不要了|退款|不想要|(?<![a-z])cancel/.test(u.normalized);
/** A place, a courier or a day already missed: no other day asked ("可以指定顺丰明天送到吗", "客服说周三再送，结果今天也没来": found in review). */
const NOT_ANOTHER_DAY = /顺丰|中通|圆通|韵达|申通|极兔|京东|邮政|ems|结果|没来|没到|还没|说好|(?<![a-z])(?:(?:deliver|send|bring) (?:it |them )?to|dpd|royal mail|ups|fedex|dhl|evri)(?![a-z])/;
/** "等我礼拜六回来再寄", "不是改地址…就是晚几天寄" (found from outside: read as an address change, twice). */
const LATER_SEND = /(?:等我|我)[^，,。？?]{0,10}(?:回来|回家|在家)(?:以后|之后)?再(?:寄|发|送)|(?<!会不会|是不是|为什么|比.{0,8})(?:就是|只是|能不能|可以|麻烦|帮我|请)晚(?:点|一点|几天|些)(?:再)?(?:寄|发货|发|送)(?![了吗])/;
/**
 * Where the order goes, asked to be sure ("貨到是送到公司 台灣大道那個地址 對嗎", "我沒有要改地址 我只是確認一下地址對不對", "is it going to my
 * work address?", "is it going to manchester or did it go to my old london address", "which order is going to Leeds?"): the address on
 * the order, not "it can't be changed now" (a Taipei and a London shop, thirty-seventh session).
 */
const CHECKS_ADDRESS = /(?:地址|送到|寄到|寄去|送去|寄往)[^？?。]{0,20}(?:对吗|对不对|对吧|没错吧|没错吗|是吗|是不是|对嘛)|(?:确认|核对|看看|检查)(?:一下)?(?:我的)?(?:收货)?地址(?:对不对|有没有错|对吗)?|(?<![a-z])(?:(?:is (?:it|this|that|my (?:order|parcel|package))|(?:it'?s|it is)|its|will (?:it|this)|does (?:it|this)) (?:be )?(?:going|being sent|being delivered|shipping|sent|delivered|headed|heading) to [a-z ]{0,50}(?:address|work|office|home|house|place|flat)\b[^?]{0,40}\?|which (?:order|one|parcel|package)(?: is)? (?:going|being sent|being delivered|shipping|sent|delivered|goes|headed|heading) to [a-z]|(?:confirm|check|double[- ]check) (?:my|the) (?:delivery |shipping )?address|which address (?:is it|will it|does it))/;
const NO_CHANGE_MEANT = /(?:没有?|不是|不)(?:要|想)?(?:改|换|修改)(?:地址)?|(?<![a-z])(?:not (?:changing|trying to change|asking to change)|(?:don'?t|do not) (?:want|need) to change)(?![a-z])/g;
const addressChecked = (u: Understanding): Pick<Resolved, 'intent' | 'addressCheck'> | undefined => {
  const n = u.normalized.replace(NO_CHANGE_MEANT, ' ');
  return CHECKS_ADDRESS.test(n) && !/改|换成|换到|(?<![a-z])(?:change|update|wrong)(?![a-z])/.test(n) ? { intent: 'change_address', addressCheck: true } : undefined;
};
const reschedules = (u: Understanding): Pick<Resolved, 'intent' | 'reschedule'> | undefined =>
  (RESCHEDULE.test(u.normalized) || (RESCHEDULE_MORE.test(u.normalized) && !NOT_ANOTHER_DAY.test(u.normalized)) || LATER_SEND.test(u.normalized)) && (!/(?:地址|address)/.test(u.normalized) || ADDRESS_FINE.test(u.normalized)) && (u.intent === 'unknown' || u.guessed || u.intent === 'change_address' || u.intent === 'delivery_estimate' || u.intent === 'faq' || holdsBack(u)) ? { intent: 'change_address', reschedule: true } : undefined;
/**
 * A top-up's arrival ("话费到账了吗", "充的会员没到账") is no refund's, and a code that does not work
 * ("密钥激活不了", "my psn code still not here") no coupon's: the order's (found from outside: an
 * old refund, then the built-in coupon text).
 */
const TOP_UP = /话费|充值|直充|q币|(?<![a-z])(?:top-?up|recharge)(?![a-z])/;
/** "那个200的为什么还是已付款 没到账": paid, and what was bought not credited, no money asked back (found from outside: "no after-sales request"). */
const PAID_NOT_CREDITED = /(?:已付款|付了款|付款了|已支付|付了钱).{0,12}(?:没|未|还没)到账/;
const REFUND_WORD = /退款|退钱|退回|退了|(?<![a-z])(?:refund\w*|money back)(?![a-z])/;
const COUPON_WORD = /券|优惠|折扣|满减|红包|(?<![a-z])(?:coupon|promo|discount|voucher)(?![a-z])/;
/** A code of goods, never a discount's ("my code isnt working" alone may be a coupon: found in review). */
const STORE_CODE = /卡密|激活码|密钥|兑换码|cdk|(?<![a-z])(?:activation|product key|license key|licence key|redeem|steam|psn|playstation|xbox|app store|itunes|google play)(?![a-z])/;
const digitalRead = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  (u.intent === 'aftersale_progress' && (TOP_UP.test(u.normalized) || PAID_NOT_CREDITED.test(u.normalized)) && !REFUND_WORD.test(u.normalized)) || (u.intent === 'coupon' && STORE_CODE.test(u.normalized) && !COUPON_WORD.test(u.normalized)) ? { intent: 'order_status' } : undefined;
/** "320那单是啥时候下的", "when did I order it": when it was ordered, which its status says, not when it arrives (found from outside). */
const ORDERED_WHEN = /(?:什么|啥)时候(?:下|买|拍)的|哪天(?:下|买|拍)的|几号(?:下|买|拍)的|下单(?:时间|日期)|(?<![a-z])(?:when did i (?:order|buy|place)|order date|date (?:i|it was) ordered)(?![a-z])/;
/** "好吧 那等退款吧 谢谢", "ok i'll wait for it then, thanks": the buyer will wait, and says goodbye (found from outside: a list of entries). */
const WAITS_THANKS = /^(?:好吧?|好的|行吧?|嗯+|ok(?:ay)?)?[,，\s]*(?:那)?(?:我)?(?:就)?(?:再|先)?等(?:着|等|一下)?(?:退款|发货|快递|到账|消息|通知|回复)?(?:吧|了|好了)?[,，。!！\s]*(?:谢谢|多谢|谢了|谢啦|感谢)(?:你|您|啦)?[!！。~\s]*$|^(?:好吧?|好的|好啦|太好了|行吧?|嗯+|ok(?:ay)?)?[,，\s]*(?:那)?(?:我)?(?:就)?(?:再|先)等(?:着|等|一下|等看|两天|几天|一天|一会儿?)?(?:吧|了|好了|啦)?[,，。!！~\s]*$|^(?:好吧?|好的|好啦|行吧?|嗯+|ok(?:ay)?)?[,，\s]*(?:那)?(?:我)?(?:就)?等(?:着)?(?:你们|您)(?:的)?(?:消息|通知|回复|电话)(?:吧|了|啦)?[,，。!！~\s]*$|^(?:(?:ok(?:ay)?|fine|alright|sure)[,.!]?\s*){0,2}(?:i'?ll|i will|i) wait(?: for (?:it|the refund|the parcel))?(?: then| lah| la)?[,.!\s]+(?:thanks|thank you|thx)(?: (?:lah|la|boss|bro))?[.!\s]*$/;
/** A moment asked to ask someone at home ("等哈 我问下我老汉": a Chengdu shop, forty-second session, "not sure, a person?"). */
const HOME = '(?:我|我家)?(?:老汉|老公|老婆|爸爸?|妈妈?|家里人|儿子|女儿|家人|屋头的?|他|她)';
const ASKS_AT_HOME = new RegExp(`^(?:(?:好|好的|嗯|行)[,，\\s]*)?(?:等(?:哈|下|一下|会儿?|等)|稍等(?:一下)?)?[,，\\s]*(?:我)?(?:先|再)?(?:问(?:下|一下|问)${HOME}|跟${HOME}商量(?:下|一下)?)(?:再说|先)?[,，。!！~\\s]*$|^(?:(?:hold on|one sec(?:ond)?|give me a (?:sec|min|minute)|wait)[,.!\\s]*)?(?:let me|(?:i'?ll|i will)|gonna|i need to) (?:ask|check with) (?:my )?(?:husband|wife|partner|mum|mom|dad|son|daughter|family|him|her|boss)(?: first)?[.!\\s]*$`);
const waitsThanks = (u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  WAITS_THANKS.test(u.normalized.trim()) || ASKS_AT_HOME.test(u.normalized.trim()) ? { intent: 'bye', u: { ...u, guessed: undefined } } : undefined;
/**
 * "我的牛仔裤寄了几天都没到" (or in Cantonese, "寄咗幾日都未到") leans to after-sales on "寄了", but
 * with no word of a return it is the parcel unless a request is under way, when it may be the goods
 * sent back (found from outside: "no after-sales request").
 */
const NOT_ARRIVED = /没到|未到|还没收到|没收到|没送到|到哪|到了没|到了吗|到没到|寄到.{0,10}(?:了吗|了没|没有|没)|(?<![a-z])(?:not (?:yet )?(?:receive|arrive)d?|not here|have ?n[o']?t (?:receive|got(?:ten)?|arrive)d?|never (?:came|arrived|received|got (?:it|them))|(?:has|did) ?n[o']?t (?:come|arrive))(?![a-z])/;
const RETURN_WORD = /退|换|售后|寄回|返回|钱|款|差价|到账|补偿|运费险|(?<![a-z])(?:refund|return|exchange|money)/;
const parcelNotReturn = (u: Understanding): Pick<Resolved, 'intent' | 'orParcel'> | undefined =>
  u.intent === 'aftersale_progress' && u.guessed && NOT_ARRIVED.test(u.normalized) && !RETURN_WORD.test(u.normalized) ? { intent: 'aftersale_progress', orParcel: true } : undefined;
/**
 * "ok so when", "那什么时候到" right after an order's answer: when that order comes (found from outside: "ok" made it a goodbye).
 */
const WHEN_THEN = /^(?:ok(?:ay)?|and|hmm+)?[, ]*(?:so|then)?[, ]*when(?: then| will it (?:come|arrive|get here)| does it (?:come|arrive))?[ ?.!]*$|^(?:好的?|嗯+|那|所以|谢谢|谢啦|感谢)?[，, ~]*(?:那)?(?:什么时候|啥时候|几时|几号|哪天)(?:能|会)?(?:到|送到|发货)?(?:呢|啊|呀)?[?？。!！]*$/;
/**
 * "any idea what time?", "大概几点" right after a parcel's answer: when that parcel comes (found from
 * outside: an out-for-delivery parcel, then "not sure"). Not the shop's or its people's hours.
 */
const WHAT_TIME = /(?<![a-z])(?:(?:any idea|do you know|roughly|(?<!what |how )about) (?:what time|when)|what time|roughly when|how late)(?![a-z])|大概几点|几点(?:能|会)?(?:到|送)|什么时候(?:能|会)?送到/;
const NOT_ARRIVAL_TIME = /客服|上班|下班|营业|开门|关门|截单|(?<![a-z])(?:open|close|closing|customer service|agents?|staff|you guys|your team|cut ?off|order by|damaged|broken)(?![a-z])/;
const timeOfArrival = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  state.focusOrderId && (state.topic === 'track_parcel' || state.topic === 'delivery_estimate') && WHAT_TIME.test(u.normalized) && !NOT_ARRIVAL_TIME.test(u.normalized) && (!isDataIntent(u.intent) || u.guessed)
    ? { intent: 'delivery_estimate', u: { ...u, guessed: undefined } }
    : undefined;
// Not a guess once read so: a guessed turn asks the FAQ first ("when then?" after "paid, not shipped yet" was offered three entries: found from outside).
const whenThen = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  state.focusOrderId && state.topic !== 'aftersale_progress' && WHEN_THEN.test(u.normalized.trim()) ? { intent: 'delivery_estimate', u: { ...u, guessed: undefined } } : undefined;
/** Another size or colour for an order ("那个小白鞋能不能改成39码 还没发货", "change it to size M"): found from outside, its status again. */
const EN_COLOURS = 'black|white|red|blue|green|grey|gray|pink|beige|navy|yellow|purple|orange|brown|cream|ivory|gold|silver';
// Goods for others in the same order: "change the litter to the unscented clumping 35 lb instead", "swap the salmon one for the
// chicken flavor" (found from outside: read as an address change, or the returns entries).
const CHANGE_SPEC = new RegExp(String.raw`(?<![a-z])(?![^.?!]*(?<![a-z])(?:address|deliver\w*|shipping|ship|date|day|time|card|payment|email|phone|postcode|zip|name|recipient|receiver|suburb|street|unit|apartment|apt|post|postage|courier|carrier|method|express|pickup|collect\w*|city|town|state|country)(?![a-z]))(?:change|switch|swap) (?:the |my )?(?!order(?![a-z])|it(?![a-z]))[a-z]+(?: [a-z]+){0,2} (?:one |ones )?(?:to|for) (?:the |a )?[a-z0-9 ]{2,40}?(?: instead| flavou?r| scent| version)(?![a-z])|(?:改成|换成|改为|换到|改到)\s*(?:\d{2}(?:\.5)?\s*码|(?:xxs|xs|s|m|l|xl|xxl|xxxl)(?![a-z])\s*码?|大一[码号]|小一[码号]|\p{Script=Han}{1,2}色)|(?:尺码|颜色|码数|规格)(?:能|可以|能不能|可不可以)?(?:改|换)(?:成|为|一下|个|吗|嘛|么|[?？]|$)|(?:能|可以|能不能|可不可以|想)(?:改|换)(?:个|一下|一个)?(?:颜色|尺码|码数|规格)(?=.*(?:还没发|没发货|未发货|发货前|发货之前|还没寄|没寄出|还没出库))|(?<![a-z])change (?:the |my )?colou?r (?:of (?:[a-z]+ ){1,3})?(?:from (?:(?:dark|light|pale|deep) )?(?:${EN_COLOURS}) )?to (?:(?:dark|light|pale|deep) )?(?:${EN_COLOURS})(?![a-z])|(?<![a-z])(?:change|switch) (?:[a-z]+ ){0,3}to (?:the |a )?(?:size \d{1,2}(?:\.5)?|(?:size )?(?:xxs|xs|xl|xxl|small|medium|large)|(?:black|white|red|blue|green|grey|gray|pink|beige|navy) (?:colou?r|one))(?![a-z0-9])|(?<![a-z])(?:${EN_COLOURS})(?: (?:one|ones|colou?r|version|pair|roses|flowers|tulips|lilies|bouquet))? instead of (?:the )?(?:${EN_COLOURS})(?![a-z])|(?<![a-z])(?:the|a) (?:${EN_COLOURS}) (?:one|ones|colou?r|version|pair) instead(?![a-z])|(?<![a-z])(?:can|could) (?:i|we|you|u) (?:please )?swap (?:[a-z-]+ ){1,4}for (?:a |the )?(?:(?:${EN_COLOURS}) (?:one|ones|colou?r|version|pair)|size)(?![a-z])|(?<![a-z])(?:change|switch) (?:it|them|the colou?r|my order|the order) to (?:${EN_COLOURS})\s*[?.!]*$|(?<![a-z])(?![^.?!]*(?<![a-z])(?:address|deliver\w*|shipping|ship|courier|express|postage|payment|card|plan)(?![a-z]))(?:change|switch) (?:it |this |that |them )?to the [a-z0-9]{2,20} (?:one|version|model)(?![a-z])`, 'u');
/** Foods named by a colour ("brown rice instead of white", "white bread"): no colour of an order (found in review). */
const COLOUR_FOOD = /(?<![a-z])(?:rice|bread|sugar|flour|wine|meat|pepper|onions?|beans|chocolate|eggs?|tea|quinoa|toast|pasta|vinegar)(?![a-z])(?! ?(?:cooker|maker|machine|bin|box|glass(?:es)?|cups?|set|bowl|pot|kettle|jar))/;
/**
 * Goods added to an order placed ("can i add tortillas to it", "i just want to add stuff", "订单能再加一件吗"):
 * found from outside, "not understood", and after "dont cancel" the cancelling text again.
 */
// Also goods of several words into an order named by its goods ("add another pair of the darn tough socks to the backpack order":
// found from outside, a price-match entry offered).
const ADD_TO_ORDER = /(?<![a-z])(?:add (?:(?:some|a few|more|an?|the|one|two|another|\d+)\s)?(?:[a-z]+\s)?(?:more\s)?(?:to (?:it|my order|the order|that order|this order)|stuff|items?|things|something|more)|add (?:[a-z0-9-]+ ){1,8}to (?:the|my|that|this) (?:[a-z-]+ ){0,2}order|forgot to order)(?![a-z])|(?:订单|单子|这单|那单)里?(?:能|可以|想|要)?(?:再)?(?:加|添)(?!急|个?备注|个?赠品|发票|运费)|(?:再|还想|还要)(?:加|添)(?:一|几|两)?(?:件|个|样)|追加商品|补拍一/;
/** Not goods: a note, a coupon, packing or haste ("can i add a note to my order", "订单能加急吗"; found in review). */
const ADDS_NO_GOODS = /加急|备注|赠品|发票|保险|运费险|(?<![a-z])(?:note|notes|coupon|code|voucher|message|instructions?|wrap|bubble|tip|gift (?:note|message)|address|phone|unit|apartment|apt|insurance|shipping|express|signature|receipt|invoice|email|number)(?![a-z])/;
const addsToOrder = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'addItems' | 'u'> | undefined =>
  ADD_TO_ORDER.test(u.normalized) && !ADDS_NO_GOODS.test(u.normalized) && (state.focusOrderId || u.intent === 'unknown' || u.intent === 'faq' || u.guessed || isDataIntent(u.intent)) && !RETURN_WORD.test(u.normalized) ? { intent: 'order_status', addItems: true, u: { ...u, guessed: undefined } } : undefined;
// Not one asked for already, whose progress is asked ("Hello, I ask for change helmet to medium size, what is status?": a Dublin shop,
// fifty-first session, told to request an exchange beside the one waiting).
const specChange = (u: Understanding): Pick<Resolved, 'intent' | 'changeSpec' | 'u'> | undefined =>
  CHANGE_SPEC.test(u.normalized) && !COLOUR_FOOD.test(u.normalized) && !/换货|退|收到|穿着|小了|大了|不合适|发错|寄错|进度|审核|(?:申请|要求)(?:了|过)|(?<![a-z])(?:exchange|return|received|arrived|sent|got|came|delivered|too (?:small|big|tight|loose)|(?:ship|deliver|send) (?:it )?to|status|progress|(?:i )?(?:asked|ask|requested|applied) for)(?![a-z])/.test(u.normalized) && (u.intent === 'unknown' || u.guessed || u.intent === 'faq' || u.intent === 'return_policy' || isDataIntent(u.intent)) ? { intent: 'order_status', changeSpec: true, u: { ...u, guessed: undefined } } : undefined;
/** How long goods keep ("保质期到什么时候", "when does it expire"): about the goods, no delivery (found from outside: "到什么时候" read as an arrival). */
// 保存期限 is Taiwan's and Hong Kong's word (found from outside: "倩碧的乳液保存期限到什麼時候" got a parcel's news).
// And how long they keep, in other words ("火锅底料能放多久", Sichuan "底料放得到好久": a Chengdu shop, forty-second session, the parcel's news).
// How long it keeps once opened ("睫毛膏開了之後大概可以用多久啊": a Taipei shop, fiftieth session, told a parcel's days).
const EXPIRY = /开(?:了|封)(?:之后|以后|后)?[^，,。？?]{0,6}(?:能|可以)用多久|保质期|保存期限|保存期|有效期|过期|临期|生产日期|(?:能|可以)?(?:放|存|保存|搁)(?:得了|得到|得)?(?:多久|好久|多长时间|几天|几个月|到过年)|(?<![a-z])(?:expir\w*|best before|use by|shelf life|sell by|how long (?:does|do|will|can|would) (?:it|they|this|that|these|the [a-z]+(?: [a-z]+)?) (?:keep|last|stay fresh)|stay fresh)(?![a-z])/;
/** An order, a payment or a coupon that expires is no goods' shelf life ("订单过期了吗", "payment link expired"). */
const EXPIRES_NOT_GOODS = /(?:订单|单子|付款|支付|链接|券|红包)(?:已经?|都|是不是|也)?(?:过期|超时|失效)|(?<![a-z])(?:(?:order|payment|link|coupon|voucher|code) (?:has |is |was )?(?:expired|expire)|expired (?:order|payment|link|coupon|voucher|code))(?![a-z])/;
/**
 * Goods received past their date ("u send me expired stock!!", "收到的货已经过期了"): a complaint about food
 * or goods already in the buyer's hands, a person first (a Kuala Lumpur shop, thirty-fifth session: the
 * shelf-life entry offered; Chinese had the no-reason returns text).
 */
const EXPIRED_RECEIVED = /(?:收到|寄来|发来|送来|发给我|寄给我|买到|到手)(?:的)?[^，,。？?]{0,8}(?:已经|都|竟然|居然)?过期|过期(?:的)?(?:货|东西|商品|产品|零食)|(?<![a-z])(?:(?:sent|send|gave|give|delivered|shipped) (?:me |us )?(?:an? |some )?(?:expired|out of date|out-of-date)|(?:arrived|came|received (?:\w+ ){0,3}?)(?:already )?(?:expired|out of date)|(?:i got|i received|got) (?:are|is|was|were) (?:already )?(?:expired|out of date))(?![a-z])/;
const expiredReceived = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  EXPIRED_RECEIVED.test(u.normalized) && !FEARED.test(u.normalized) ? { intent: 'complaint' } : undefined;
/** Feared or asked beforehand, not happened: "怕买到快过期的货", "会不会收到过期的" (found in review). */
const FEARED = /会不会|吗|怕|担心|万一|如果|快过期|临期|(?<![a-z])(?:will|if|what if|before|worried|afraid)(?![a-z])/;
/** How long a parcel is kept where it waits ("驿站能放多久 我出差了", "how long will they keep it at the pickup point": found in review). */
const KEPT_WAITING = /驿站|快递柜|丰巢|菜鸟|代收|自提|(?<![a-z])(?:pick ?up point|pickup|locker|post office|depot|parcel)(?![a-z])/;
const expiryAsked = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  EXPIRY.test(u.normalized) && !PARCEL_WORD.test(u.normalized) && !KEPT_WAITING.test(u.normalized) && !EXPIRES_NOT_GOODS.test(u.normalized) && (u.intent === 'delivery_estimate' || u.intent === 'track_parcel' || u.intent === 'order_status' || u.guessed) ? { intent: 'faq' } : undefined;
/**
 * Goods back in stock ("什么时候补货", "幾時有返貨 我好想要呢隻色", "when will you restock the blue one"): the shop's
 * question, not the buyer's delivery (found from outside: "您在本店的訂單都已取消").
 */
// Not 返货 alone (a return parcel: "返货寄出去三天了"), nor "get it in" (the mail: found in review).
// "will u get more in before summer?" (an Auckland shop, fifty-first session: "All your orders in this shop were cancelled").
const RESTOCK = /补货|补不补货|再有货|有货|到货通知|有返货|再进货|进货了吗|再入货|(?<![a-z])(?:restock\w*|back in stock|in stock again|(?:will|would|can|do|are|gonna) (?:you|u|ya|ye|yous)(?: guys| lot)? (?:get|getting|have|bring) (?:any |some )?more (?:in|of (?:them|these|those|it))|more (?:coming|arriving)|(?:get|getting) (?:them|it|those|these) (?:back )?in again)(?![a-z])/;
const restockAsked = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  RESTOCK.test(u.normalized) && !mentionsOwnOrder(u.normalized) && !SAYS_MINE.test(u.normalized) && (u.intent === 'delivery_estimate' || u.intent === 'track_parcel' || u.intent === 'order_status' || u.intent === 'unknown' || u.guessed) ? { intent: 'faq' } : undefined;
/** A prescription's review ("处方审核通过了吗", "has my prescription been approved"): the order's standing, not an after-sales request (found from outside). */
const RX_REVIEWED = /审核|审批|(?<![a-z])(?:approv\w*|review\w*|verif\w*)(?![a-z])/;
/** Where the buyer's own review stands ("通过了吗", "has it been approved"), not how or when reviews are done. */
const RX_STANDING = /通过|过了|好了|审完|审核了吗|审核了没|结果|(?<![a-z])(?:approved|been (?:reviewed|verified|checked)|status)(?![a-z])/;
const reviewAsked = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  /处方|(?<![a-z])prescription/.test(u.normalized) && RX_REVIEWED.test(u.normalized) && RX_STANDING.test(u.normalized) && !/多久|几点|时间|多长|(?<![a-z])(?:how long|when|hours|do you)(?![a-z])/.test(u.normalized) && !/退款|退货|换货|售后|(?<![a-z])(?:refund|return|exchange)/.test(u.normalized) ? { intent: 'order_status' } : undefined;
const orderedWhen = (u: Understanding): Pick<Resolved, 'intent'> | undefined => (ORDERED_WHEN.test(u.normalized) && !/能到|到货|送到|发货|(?<![a-z])(?:arrive|deliver|ship)/.test(u.normalized) && (u.intent === 'delivery_estimate' || u.intent === 'track_parcel' || u.intent === 'unknown' || u.guessed) ? { intent: 'order_status' } : undefined);
/**
 * The recipient or their phone asked about, with no address in it ("what happens if the recipient
 * doesnt answer the phone", "收花人电话打不通怎么办"): a question for the FAQ, not an address change
 * (found from outside).
 */
const RECIPIENT_ASKED = /收件人|收花人|收货人|接电话|电话打不通|(?<![a-z])(?:recipient|answer (?:the|her|his|their) phone|pick up (?:the|her|his|their) phone)(?![a-z])/;
/** The buyer's name for customs ("是我老公付的款 要改成他的名字吗"): the shop's rule on it, never a courier's redirect. */
const NAME_FOR_CUSTOMS = /实名|身份证|订购人|支付人|付款人|付的款|(?<![a-z])(?:real name|id card)(?![a-z])/;
const ADDRESS_WORD = /地址|门牌|邮编|送到|寄到|发到|(?<![a-z])(?:address|addr|addy|zip|postcode|ship to|send to|deliver to|office|work)(?![a-z])/;
/** Changing the recipient or their phone is an address change ("收货人电话填错了", "change recipient name"). */
const CHANGES = /改|换|错|(?<![a-z])(?:chang\w*|updat\w*|edit|fix|wrong|correct)(?![a-z])/;
/** The address said to be right ("no. the address is fine. forget it", "地址没问题"): no change asked (found from outside: the change went on). */
const ADDRESS_FINE = /地址(?:是)?(?:没问题|没错|对的|正确|不用改|不需要改|不变)|不是改地址|不改地址|(?<![a-z])(?:(?:the |my )?address (?:is|was|'s) (?:fine|ok|okay|correct|right|good)|(?:don'?t|do not) (?:need to )?change (?:the |my )?address|not (?:the )?address\W+(?:the |change the )?date)(?![a-z])/;
/** Something else wrong beside the address said to be right ("地址没问题 就是电话写错了": found in review). */
const ADDRESS_BUT = /但|可是|就是|为什么|怎么|错|电话|改|(?<![a-z])(?:but|why|wrong|postcode|zip|phone|number)(?![a-z])/;
const noChangeNamed = (u: Understanding): Pick<Resolved, 'intent' | 'declined'> | undefined =>
  u.intent === 'change_address' && ADDRESS_FINE.test(u.normalized) && !ADDRESS_BUT.test(u.normalized.replace(ADDRESS_FINE, ' ')) ? { intent: 'unknown', declined: 'human' } :
  u.intent === 'change_address' && !ADDRESS_WORD.test(u.normalized) && (NAME_FOR_CUSTOMS.test(u.normalized) || (RECIPIENT_ASKED.test(u.normalized) && !CHANGES.test(u.normalized))) ? { intent: 'faq' } : undefined;
/**
 * Words for the order: a card's message, a delivery instruction ("贺卡上写生日快乐 署名小王", "送达前别给
 * 收花人打电话", "write happy birthday on the card"): a person notes them; the shop's entry on it is said
 * (found from outside: "did you mean 贺卡怎么写？" and a hand-over).
 */
const NOTE = /(?:贺卡|卡片|留言)(?:上|里)?(?:写|要写|帮我写)|署名|(?:帮我|请|麻烦)备注|备注一下|(?:送达|送货|配送|到)前(?:别|不要|先)|(?:别|不要)给.{0,6}打电话|(?:帮我|请|麻烦)?放(?:在)?(?:门口|门卫|前台|快递柜)(?:就行|就好|吧)|(?<![a-z])(?:(?:the )?card (?:should )?(?:say|read)s?|write .{1,40} on the card|sign (?:it|the card)|please leave it (?:at|with|by)|(?:can|could) (?:the (?:driver|courier|delivery guy|postman)|you|they|he|she) (?:just )?leave (?:it|the parcel|the package|them) (?:at|with|by|outside|in)|leave it (?:at|by|outside) (?:the |my )?(?:front |back )?door|do ?n[o']?t call (?:her|him|them|the recipient))(?![a-z])/;
/** Words engraved or printed on the goods, and a change of them ("刻字写错了，想改成LY", "can i change the engraving"). */
const ENGRAVING = /刻字|刻的字|刻的内容|刻个字|镌刻|印字|印的字|定制(?:的)?(?:内容|文字|名字)|(?<![a-z])(?:engrav\w*|personali[sz]\w*|inscription|monogram)(?![a-z])/;
/** The engraving itself wrong or to be changed, not goods named by it ("刻字的戒指 收货地址写错了", "刻字的钻戒什么时候发货": found in review). */
const ENGRAVING_CHANGE = /(?:刻字|刻的字|刻的内容|印字|印的字|定制(?:的)?(?:内容|文字|名字))(?:内容)?(?:写错|错了|打错|刻错|想改|要改|能改|可以改|能不能改|改一下|改成|换成|改为|不对)|(?:改|换|修改|更改)(?:一下)?(?:刻字|刻的字|刻的内容|印字|印的字|定制内容)|(?<![a-z])(?:(?:change|edit|update|fix|correct) (?:the |my )?(?:engrav\w*|personali[sz]ation|inscription|monogram)|(?:engrav\w*|inscription|monogram) (?:is |was )?(?:wrong|misspel\w*|a typo))(?![a-z])/;
/** An address, a courier or a size beside it is that, unless said not to be ("地址不用改，我是要改刻的字"). */
const NOT_ENGRAVING = /地址|收货|收件|发货|快递|顺丰|圈口|尺寸|大一号|小一号|(?<![a-z])(?:address|ship\w*|courier|size)(?![a-z])/;
/** Found from outside (jewellery shop): "刻字写错了" read as an address written wrong, the address answer given twice. */
const engravingChange = (u: Understanding): Pick<Resolved, 'intent' | 'note' | 'engraving' | 'u'> | undefined =>
  ENGRAVING_CHANGE.test(u.normalized) && !NOT_ENGRAVING.test(u.normalized.replace(/地址(?:不用|不要|没|不)(?:改|问题|错)|不是(?:改)?地址/g, '')) ? { intent: 'faq', note: true, engraving: true, u: { ...u, guessed: undefined } } : undefined;
/** A complaint about what was done, not words for the order ("我备注了要发顺丰，结果发了中通"). */
const NOTE_COMPLAINT = /结果|可是|没收到|根本|显示|说放|收到的?是|(?<![a-z])(?:did ?n[o']?t|says|charged|instead|supposed to|but nothing|nothing (?:is )?there|not there)(?![a-z])/;
// "can the driver leave it at the door?" asks for it to be done: a request, question mark and all, after a clause too
// ("I won't be in, can the driver leave it with a neighbour?": found from outside, "not understood").
/**
 * Asked as a question, still a note for the order: where the courier leaves it, the goods in one
 * parcel ("能让快递员放丰巢吗", "可唔可以叫佢放樓下管理處", "两个枕头是一起发吧 别给我分两次", "can you ship
 * them together", "the driver can leave at door if nobody home?", "can the driver leave at my door": found from outside: the parcel again,
 * "not understood", a cancellation).
 */
const NOTE_ASKED = /(?:能|可以|可不可以|能不能|能否)(?:让|叫)?(?:快递员?|他|她|司机|师傅|骑手)?放(?:在)?(?:楼下|门口|门卫|前台|快递柜|丰巢|驿站|管理处|管理室|管理员|警卫室|保安室|物业|隔壁)|(?:能|可以|请|帮我|麻烦)[^，,。？?]{0,6}(?:一起|合并|一个包裹|一箱)(?:发|寄|打包)(?![了的])|(?<!为什么|是不是)(?:一起|合并|一个包裹)(?:发|寄)吧|(?:别|不要)(?:给我)?分(?:开|两次|两个包裹|两箱)(?:发|寄)?|(?<![a-z])(?:(?:can|could|pls|please) (?:you )?(?:ship|send|pack) (?:them|both|it all|everything) (?:together|in one (?:box|parcel|package))|(?:one|a single) (?:box|parcel|package) (?:please|pls))(?![a-z])|(?<![a-z])(?:(?:can|could) the (?:driver|courier|delivery guy|postman|rider) (?:just )?|the (?:driver|courier|delivery guy|postman|rider) (?:can|could) (?:just )?)leave (?:it |the parcel |the package |them )?(?:at|with|by|outside|in)(?![a-z])/;
/**
 * A gift sent without its price ("是送人的，能不放小票吗", "can you not include the receipt?"): words for the
 * order, not an invoice asked for (found from outside: "did you mean how do I get an invoice?").
 */
// Not the receipt or invoice said missing ("there was no invoice in the box"), nor a price asked without one ("能不带发票吗 价格能少点不": found in review).
const NO_PRICE_INSIDE = /(?:别|不要|不用|能不|可以不|能不能不|可不可以不)(?:帮我)?(?:放|夹|带|附|塞|打印)(?:上|进去|在里面)?(?:小票|发票|价格单|价签|购物清单|销售单|收据|单据|价格)|(?:小票|价格单|价签|发票)[^，,。？?]{0,6}(?:别|不要|不用)(?:放|夹|附)了?|(?<![a-z])(?:(?:do not|not|no need to|without) (?:include|includ\w+|put|send|add|enclos\w+|print|show)(?: in)? (?:the |a |any )?(?:receipt|invoice|price tag|prices?|packing slip)|(?:leave|take) out (?:the |any )?(?:receipt|invoice|price tag|prices?|packing slip)|remove (?:the )?price tags?|(?:please|pls) no (?:receipt|invoice|price tag|prices?) (?:in|inside) (?:the )?(?:box|parcel|package)|no (?:receipt|invoice|price tag|prices?) (?:in|inside) (?:the )?(?:box|parcel|package),? (?:please|pls)|gift receipt)(?![a-z])/;
const ASKS_PRICE = /便宜|少点|优惠|价格能|多少钱|(?<![a-z])(?:cheaper|discount|how much)(?![a-z])/;
const noteForOrder = (u: Understanding): Pick<Resolved, 'intent' | 'note'> | undefined => {
  const n = u.normalized;
  const asked = NOTE.test(n) && (!/[?？]|吗|么/.test(n) || /(?:^|[,.;!]\s*)(?:can|could) (?:the|you|they|he|she)\b/.test(n.trim()));
  return (asked || NOTE_ASKED.test(n) || (NO_PRICE_INSIDE.test(n) && !ASKS_PRICE.test(n))) && !NOTE_COMPLAINT.test(n) ? { intent: 'faq', note: true } : undefined;
};
/**
 * Customs asked after ("我的奶粉清关到哪一步了", "清关好了没", "到海关了吗", "stuck in customs"): the
 * parcel's latest event (found from outside: "no after-sales request", three times, and the tax entry).
 */
// "天气丹那个单显示清关异常 什么情况" (found from outside: "not sure", the parcel's exception untold).
// "my parfum is blocked at the customs since 4 days" (a London shop's French buyer, fifty-first session: "not sure").
const CUSTOMS_STATUS = /(?:清关|海关)[^，。,]{0,6}(?:到哪|哪一步|进度|好了没|好了吗|了吗|了没|怎么样|过了没|过了吗|卡|异常|什么情况|咋回事|怎么回事)|(?:到|过|进|出)海关了(?:吗|没)|(?<![a-z])(?:customs (?:status|progress)|cleared customs|(?:stuck|held|waiting|sitting|blocked|detained|retained) (?:in|at|by) (?:the )?customs|through customs)(?![a-z])/;
const customsAsked = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  CUSTOMS_STATUS.test(u.normalized) && !/税|多少钱|怎么算|需要什么|取消|退款|不要了|退货|会不会|(?<![a-z])(?:tax|refund|cancel|return)(?![a-z])/.test(u.normalized) ? { intent: 'track_parcel' } : undefined;
/** A code on the goods ("溯源码", "防伪码"): the shop's entry on it, never a coupon's text or an order (found from outside). */
const GOODS_CODE = /溯源码|防伪码|(?<![a-z])(?:trace code|anti-?counterfeit code)(?![a-z])/;
const goodsCode = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  GOODS_CODE.test(u.normalized) && (u.intent === 'coupon' || u.intent === 'track_parcel' || u.intent === 'order_status' || u.intent === 'unknown' || u.guessed) ? { intent: 'faq' } : undefined;
/** "视频我已经拍了 发给谁", "where do i send the photos": evidence for a claim, which a person receives (found from outside: "not understood"). */
// Not 怎么发货, 发哪个快递, 送给谁 (found in review).
// Also "图我拍好了 怎么发给你", "影咗相喇 點send俾你", "should i send you pics" (found from outside: a shipping entry, read as 发货);
// "i can send pics", "i have photos of the box from the driver, can i send them", "照片我有拍，要发去哪里", "拍照发哪 就发这吗" (three shops);
// "ive got photos of the snapped bracket", "要拍照嗎？我拍好了", "我拍了照片" (thirty-third session, three shops), not "拍了" (ordered) alone.
const SENDS_EVIDENCE =
  /(?:视频|照片|图片|截图|开箱|拍照|(?<![地试])图(?!片)|(?:影|拍)了?相)[^。？?]{0,12}(?:发给谁|发哪(?:里|儿)?(?=[?？吗呢呀啊就]|\s*$)|发去哪|发这(?:里|儿)?(?:吗|就行吗|可以吗)|发到哪|发在哪|发你们|传到哪|传给谁|给谁看|怎么(?:发|传|send)给(?:你|您)|点\s?send\s?给(?:你|您))|(?<![a-z])(?:(?:where|who|how) (?:do|should|can) i send (?:you |u )?(?:the |these |this |my |a )?(?:photos?|pictures?|pics?|videos?|screenshots?)|who do i send (?:the |these |my )?(?:photos?|pictures?|pics?|videos?) to|(?:should|shall|do) i send (?:you |u )?(?:the |some |a )?(?:photos?|pictures?|pics?|videos?)|i (?:can|could|will|'ll) send (?:you |u )?(?:the |some |a )?(?:photos?|pictures?|pics?|videos?)(?= *[.!]*$| of (?:the |it|them|my (?:parcel|package|order))|.{0,30}\b(?:box|damage\w*|broken|crack\w*|packaging|proof)\b)|(?:i have|i got|i've got|got) (?:some |the )?(?:photos?|pictures?|pics?|videos?)\b.{0,40}\bcan i send (?:them|it|you|u)|(?:i have(?: got)?|i got|(?:i'?ve|i have) got|i took|(?:i'?ve|i have) taken|i have taken) (?:some |the |a few )?(?:photos?|pictures?|pics?|videos?)(?= of\b| showing\b|[.!]*$))(?![a-z])|(?:拍照|照片|图片|视频|相片)[吗么嘛?？\s]{0,3}(?:我)?(?:已经|都)?(?:拍好了|拍完了|拍了)(?![个件单两几一\d])|我(?:已经)?拍了(?:照片|视频)|^(?:我|额)(?:这边|这里)?(?:有|拍了)(?:照片|图片|视频)(?![^。]*(?:吗|么|没有|怎么|什么|哪|能不能|可不可以|有没有|是不是|[?？]))/;
/** Photos for made-to-order work ("照片我有拍，要发去哪里定制", "i can send photos of my cat for the portrait"): the shop's word on it, not evidence (found in review). */
const NOT_EVIDENCE = /定制|设计|打印|冲印|刻字|(?<![a-z])(?:portrait|custom\w*|design\w*|print\w*|engrav\w*)(?![a-z])/;
/** Evidence offered or shown (a picture's stand-in, "[图片]"): a person looks at it. Not beside a question about the buyer's own data. */
const sendsEvidence = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  ((u.picture || SENDS_EVIDENCE.test(u.normalized)) && !isDataIntent(u.intent)) || PHOTOS_WHERE.test(u.normalized) ? (NOT_EVIDENCE.test(u.normalized) ? undefined : { intent: 'human' }) : undefined;
/** "i have photos, where to send?": asked where, whatever "send" made it look like (a Kuala Lumpur shop, thirty-fifth session: the tracking card). */
// In Chinese too ("照片要傳到哪裡", "我不是要查物流 我是要傳破損的照片給你們": a Taipei shop, forty-fourth session, a list of orders to track).
const PHOTOS_WHERE = /(?:照片|图片|相片|视频)(?:要|该|应该|可以)?(?:传|发|上传|寄)(?:到|在|给)?(?:哪|什么地方)|(?:传|发|上传)[^，,。？?]{0,8}(?:照片|图片|相片|视频)给(?:你们|您|你)|(?<![a-z])(?:(?:i have|i got|(?:i'?ve|i have) got|got|have) (?:some |the |a few )?(?:photos?|pictures?|pics?|videos?)\b.{0,30}\bwhere (?:to|do i|should i|can i) send|where (?:to|do i|should i|can i) send (?:the |my |these )?(?:photos?|pictures?|pics?|videos?))(?![a-z])/;
/**
 * "…80份 预算每份200左右 你们联系我 电话136…", "pls call me back on 9123 4567": the buyer asks to be
 * contacted, which a person does (found from outside: a company's group-buy details read as an address change).
 */
const CALL_ME = /(?:你们|请|麻烦(?:你们)?|尽快|回头)(?:联系|联络|打给|致电)我|给我(?:打|回)(?:个)?电话|(?<![a-z])(?:(?:pls |please )?call me(?: back)?|contact me|reach me|give me a call|ring me)(?![a-z])/;
const callMeBack = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  CALL_ME.test(u.normalized) && !/快递员|师傅|司机|骑手|干嘛|为什么|(?<![a-z])(?:driver|courier|rider|when (?:he|she|it|they) (?:arrives?|comes?)|before delivery)(?![a-z])/.test(u.normalized) && (/\d{7,}|你们|请|please|pls/.test(u.normalized.replace(/\s+/g, ''))) && !/没(?:有)?(?:人)?(?:联系|打)/.test(u.normalized) ? { intent: 'human' } : undefined;
const contactAsked = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  CONTACT_ASKED.test(u.normalized) && !STAFF_HOURS.test(u.normalized) && (!isDataIntent(u.intent) || u.guessed || u.intent === 'change_address') ? { intent: 'human' } : undefined;
/** When the staff are there ("你们电话客服几点上班"): the shop's entry on its hours, not a person now. */
const STAFF_HOURS = /几点|上班|下班|在线|营业|(?<![a-z])(?:hours|open|opening|what time)(?![a-z])/;
/**
 * The shop's phone or contact asked for ("你们客服电话多少", "have u got a phone number"): the robot has
 * none, a person can give it; the shop's own entry on it answers first (found from outside, two shops:
 * the address entry, then VAT and returns, were offered).
 */
const CONTACT_ASKED = /(?:客服|人工|店铺|商家|店家|老板|你们)(?:的)?(?:电话|手机号|联系电话|联系方式|座机|热线)(?:号码)?(?=是多少|多少|是什么|给我|发我|发一下|呢|吗|[?？]|$)|(?<![a-z])(?:(?:have|got|is there|do) (?:you|u) (?:got |have )?(?:a|an) (?:phone|contact|telephone) (?:number|no)|(?:your|ur|the shop'?s?|customer service) (?:phone|contact|telephone) (?:number|no)|number i can call|can i (?:call|ring|phone) (?:you|u|someone))(?![a-z])/;
/** "骑手说找不到地方", "电话打不通 急死了": a delivery under way in trouble, which only a person can sort with the rider (found from outside: the slot said again). */
// At home all day and nobody came ("我昨天整天在家，门铃都没响", "yesterday whole day i at home leh, nobody come": a Kuala Lumpur shop,
// thirty-seventh session, "not sure"): a person checks with the courier.
const RIDER_TROUBLE = /(?:整天|一整天|一直|全天)(?:都)?在家[^？?]{0,12}(?:没人来|没人送|门铃(?:都)?没响|没(?:人)?敲门|没(?:人)?打电话|没见人)|(?<![a-z])(?:(?:whole|all) day (?:i )?(?:was )?(?:at )?home|(?:at )?home (?:the )?(?:whole|all) day)\b[^?]{0,30}\b(?:nobody|no one|no-one) (?:came|come|knocked|rang|called)(?![a-z])|(?:骑手|配送员|送货员|司机|快递员|快递小哥|师傅)[^，,。？?]{0,8}(?:找不到|打不通|联系不上|不接电话|没接|迷路)|(?:电话|手机)(?:一直)?(?:打不通|没人接|联系不上)|(?<![a-z])(?:driver|courier|rider)\b.{0,20}\b(?:(?:can'?t|cannot|can not) find|cannot find|got lost|is lost|not answering|(?:won'?t|will not) answer)(?![a-z])/;
const riderTrouble = (u: Understanding): Pick<Resolved, 'intent'> | undefined => (RIDER_TROUBLE.test(u.normalized) && (!isDataIntent(u.intent) || u.guessed || u.intent === 'change_address') ? { intent: 'human' } : undefined);
/** "请问我的牛轧糖寄到全家了没": the parcel, asked by where it should be (found from outside: "not understood"). */
/**
 * When it was signed for ("牛肉干 SN26112007 什么时候签收的", "when was it delivered"): the parcel's
 * tracking, which has the day (found from outside: "no after-sales request"). Not a return signed for by the shop.
 */
const SIGNED_WHEN = /(?:什么时候|哪天|几号|几时|几点)(?:被)?签收的|签收(?:的)?(?:时间|日期)是(?:什么时候|哪天|几号)|(?<![a-z])(?:when (?:was|did) (?:it|my \w+|the \w+) (?:get )?(?:delivered|signed for|arrive)|what (?:day|time|date) (?:was it |did it (?:get )?)(?:delivered|arrive))(?![a-z])/;
/** A return window asked by the signing date ("签收时间超过7天了还能退吗"): the returns entry, unless when it was signed is asked outright. */
const RETURN_WINDOW = /退|换|七天|7天|无理由|价保|售后|还能|开始算/;
const SIGNED_ASKED = /(?:什么时候|哪天|几号|几时|几点)(?:被)?签收的/;
const SHOP_SIGNED = /仓库|寄回|退回|寄过去|你们(?:那边)?(?:什么时候|哪天)?签收|(?<![a-z])(?:warehouse|you (?:guys )?(?:get|got|receive))(?![a-z])/;
const signedWhen = (u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  SIGNED_WHEN.test(u.normalized) && !SHOP_SIGNED.test(u.normalized) && !(RETURN_WINDOW.test(u.normalized) && !SIGNED_ASKED.test(u.normalized)) && (!isDataIntent(u.intent) || u.guessed || u.confidence < 0.5 || u.intent === 'aftersale_progress') ? { intent: 'track_parcel', u: { ...u, guessed: undefined } } : undefined;
const ARRIVED_AT = /(?:寄|送|到)到[^，,。？?]{1,10}(?:了吗|了没有?|了嘛|没有)/;
const arrivedAt = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  ARRIVED_AT.test(u.normalized) && !RETURN_WORD.test(u.normalized) && (u.intent === 'unknown' || u.guessed) ? { intent: 'track_parcel' } : undefined;
/** "衣柜做好了没有", "is it made yet": goods made to order asked after, which the order's shipping time tells (found from outside: "not understood"). */
const MADE_YET = /做好了?(?:没有?|吗|嘛)|做完了?(?:没有?|吗)|(?:生产|制作)(?:好|完)了?(?:没有?|吗)|做到哪(?:一步)?了|(?:生产|制作)进度|(?<![a-z])(?:is it (?:made|finished) yet|(?:made|finished) yet|production status)(?![a-z])/;
// Of goods, not paperwork: "退货手续做完了吗", "身份证验证做好了没" (found in review).
const NOT_GOODS_MADE = /手续|验证|认证|审核|申请|资料|登记|报关|作业|退款(?:做|处理)|(?<![a-z])(?:paperwork|verification|review|refund|return)(?![a-z])/;
/** "我申请的试戴镜架寄出来了吗": a parcel asked after, though 申请 reads as after-sales (found from outside: "no after-sales request"). */
const shippedNotRequest = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  u.intent === 'aftersale_progress' && SHIPPED_YET.test(u.normalized) && !REQUEST_WORDS.test(u.normalized) && !SENT_AGAIN.test(u.normalized) ? { intent: 'track_parcel' } : undefined;
/** Goods sent again for a request ("换的货发出来了吗", "has the replacement been sent out"): the request's, not the order's parcel (found in review). */
const SENT_AGAIN = /换|补发|重发|(?<![a-z])(?:replacement|exchange\w*|resen[dt]|new one)(?![a-z])/;
// Also read as a request's progress ("做到哪一步了，什么时候能寄出来" of glasses made to order: found from outside, "no after-sales request" three times).
const madeYet = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  MADE_YET.test(u.normalized) && !NOT_GOODS_MADE.test(u.normalized) && (!isDataIntent(u.intent) || u.guessed || (u.intent === 'aftersale_progress' && !REQUEST_WORDS.test(u.normalized))) ? { intent: 'delivery_estimate' } : undefined;
const findsWhere = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  u.intent === 'track_parcel' && FIND_WHERE.test(u.normalized) && !PARCEL_WORD.test(u.normalized) && !CODE_GOODS.test(u.normalized) && !/运单|单号|发货|到了|送到/.test(u.normalized) ? { intent: 'unknown' } : undefined;
/**
 * "can u just send a new pair instead", "能不能补发一个" right after a parcel's answer: a person's to
 * arrange (found from outside: "change the delivery address?").
 */
// Also "能不能直接重新给我寄一套", "不是取消！是补发" (found from outside: read as a cancellation, twice).
const RESEND = /(?:补发|重新发|重发|再发|再寄|重新(?:给我)?寄)一?(?:个|件|双|份|套)?(?:吧|给我)?\s*$|(?:能不能|可以|能|可不可以)(?:直接)?(?:给我|帮我)?(?:补发|重发|重新发|再发)|(?:能不能|可以|能|可不可以)(?:直接)?(?:重新|再)(?:给我|帮我)?寄(?:一|个|一套|一份|一个|一双)?|(?:是|要)(?:补发|重发)|(?<![a-z])(?:send (?:me )?(?:a )?new (?:one|pair|unit|set)|send (?:me )?another (?:one|pair|unit|set)|re-?ship it|resend it|send (?:me |us )?(?:a |an )?(?:new|replacement|another|fresh) [a-z]+(?: [a-z]+)? instead|(?:just|pls|please|can (?:u|you)|could (?:u|you)) (?:just )?send (?:me |us )?(?:new|replacement|fresh) [a-z]+|resend|prefer (?:a )?(?:replacement|new one)|(?:can i|could i|i want|(?:i'?d|i would) like) (?:get |have )?a replacement)(?![a-z])/;
/** Coupons, invoices, links, postage, or a question of policy ("如果丢了会补发吗"): not goods sent again (found in review). */
// Nor a message, a picture or a video sent again ("你刚才说的能重新发一遍吗", "可以重新发一下安装视频吗", "resend the photo": found in review).
const NOT_RESEND = /券|发票|链接|运费|验证码|短信|一遍|视频|图片|照片|说明|二维码|消息|信息|地址|会不会|会补发吗|如果|(?<![a-z])(?:coupon|voucher|invoice|link|code|receipt|email|otp|sms|message|photos?|pictures?|pics?|videos?|instructions?|manual|qr|pdf|files?|details|if)(?![a-z])/;
// While a person is offered for the parcel just told (lost, stuck, late): the buyer answers that offer. Else asked
// outright of an order talked about ("能给我重新发一个不", "i prefer resend", "can u just send new pots": found from
// outside, three shops: an FAQ entry offered, "no request"), unless the message is of the buyer's data.
const resendAsked = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  state.focusOrderId && RESEND.test(u.normalized) && !NOT_RESEND.test(u.normalized) && ((state.offeredHuman && state.topic && LOGISTICS_INTENTS.has(state.topic) && !isDataIntent(u.intent)) || /不是取消/.test(u.normalized) || (RESEND_OUTRIGHT.test(u.normalized) && (!isDataIntent(u.intent) || u.guessed))) ? { intent: 'human' } : undefined;
/** Sent again, in so many words: not "can you send me another one" of a parcel on its way, which may be more goods (found in review). */
const RESEND_OUTRIGHT = /重新发|重发|补发|(?<![a-z])(?:resend|send (?:me |us )?(?:new|replacement|fresh) [a-z]+|prefer (?:a )?(?:replacement|new one))(?![a-z])/;
/**
 * Another delivery attempt or a longer hold at the pickup point ("pls arrange redelivery", "can ask
 * 7-11 hold longer?", "重新派送"): the courier's, through a person (found from outside: the tracking again).
 */
const REDELIVER = /重新派送|二次派送|再(?:派|送)一次|延长(?:保管|存放|取件)(?:时间|期)?|(?<![a-z])(?:re-?deliver\w*|arrange (?:a |another )?(?:re-?delivery|delivery|pickup|collection)|hold (?:it |the parcel |my parcel )?longer|extend (?:the )?(?:collection|pickup|hold))(?![a-z])/;
const redeliverAsked = (u: Understanding): Pick<Resolved, 'intent'> | undefined =>
  REDELIVER.test(u.normalized) && REDELIVER_ASKED.test(u.normalized) && !/如果|会不会|加钱|收费|退|(?<![a-z])(?:if|will you|do you|policy|charge|fee|said|says|scheduled|return\w*)(?![a-z])/.test(u.normalized) ? { intent: 'human' } : undefined;
const REDELIVER_ASKED = /能不能|可以|帮我|麻烦|请|(?<![a-z])(?:pls|please|can (?:you|u|ask)|could you)(?![a-z])/;
/**
 * "拒收可以吗", "怎么拒收", "can i just refuse it" right after the robot said a shipped order can be
 * refused: how that goes, for that order (found from outside: an FAQ guess on return postage).
 */
const REFUSE = /拒收|拒签|(?<![a-z])refus(?:e|ing) (?:it|the (?:delivery|parcel|package))(?![a-z])/;
const refuseAsked = (state: DialogueState, u: Understanding): Pick<Resolved, 'intent' | 'refuse'> | undefined =>
  state.topic === 'cancel_order' && state.focusOrderId && REFUSE.test(u.normalized) && !isDataIntent(u.intent) ? { intent: 'cancel_order', refuse: true } : undefined;
/** A waybill typed with the goods said sent ("我已经寄出去了 顺丰SF…"): an after-sales question, whatever the NLU leaned to. */
const sentWithWaybill = (u: Understanding, orderId: string | undefined): Pick<Resolved, 'intent' | 'explicitOrderId'> | undefined =>
  orderId && !isDataIntent(u.intent) && SENT_BACK.test(u.normalized) ? { intent: 'aftersale_progress', explicitOrderId: orderId } : undefined;

/** "不用帮我催一下", "我自己去催一下": no chase asked of anyone (found in review). */
// Only just before the chase: "不要再拖了 帮我催一下" asks one (found in review).
const CHASE_DECLINED = /(?:不用|不要|别|自己|算了)[^，,。？?\s]{0,4}催/;
const GRUDGING_YES = /^(?:那)?(?:好吧|好啦|行吧|行啦|好嘛)[!！。~～\s]*$/;
/** Asked to chase, naming nothing else to chase: "那你催一下", "帮我催催", "太慢了吧 帮我催一下". */
const BARE_CHASE = /(?:^|[^不别没])(?:帮我|给我|你|你们|麻烦)?催(?:一下|下|一催|催)(?:吧|啊|呀|呗)?$/;
/** "好的 帮我催一下", "能不能今天发 急着吃" about the order just told: hurry that one (found from outside: a goodbye, an FAQ guess). */
function hurries(state: DialogueState, u: Understanding): Pick<Resolved, 'intent'> | undefined {
  // "can you ask them to hurry" right after a parcel: that parcel, whatever the NLU leaned to (found from outside: an exchange's status).
  const n = u.normalized;
  // "太慢了吧 帮我催一下" right after a return's or an exchange's status, or "行 那你催一下" with nothing in focus: only a
  // person can chase it (found from outside: the delivered parcel of the exchange's order; "not understood").
  if (!isDataIntent(u.intent) && BARE_CHASE.test(n) && !NOT_CHASING.test(n) && !CHASE_DECLINED.test(n) && (state.topic === 'aftersale_progress' || !state.focusOrderId)) return { intent: 'human' };
  const onParcel = state.focusOrderId && state.topic && LOGISTICS_INTENTS.has(state.topic) && (u.guessed || !isDataIntent(u.intent)) && (CHASE.test(n) || HURRY.test(n)) && !REQUEST_WORDS.test(n);
  // Slow, and the money wanted back ("发货这么慢 不想要了 怎么退款"): the refund, not a push to send it (found in review).
  const aboutOrder = !isDataIntent(u.intent) && ((state.focusOrderId && CHASE.test(n)) || (URGE_SHIPPING.test(n) && !GIVES_UP.test(n)));
  if (!onParcel && !aboutOrder) return undefined;
  return { intent: state.topic && LOGISTICS_INTENTS.has(state.topic) && state.topic !== 'change_address' ? state.topic : 'delivery_estimate' };
}

// Goods that overheat, smoke, swell, spark or shock ("充电的时候很烫 正常吗", "the gan charger gets
// super hot"): a danger, told what to do now and handed to a person with priority (found from
// outside: a parcel card, then "not understood").
/** Signs of danger whatever the goods: smoke, sparks, a swollen battery, a shock. */
// A power bank or battery swollen or hot, in Cantonese too ("塊充電寶好似脹咗", "尿袋…好熱": a Guangzhou shop, thirty-fifth session, "not understood").
/**
 * A battery named, or the thing's disposal asked ("can I throw it in the bin?" after a swollen power bank: a Manchester shop,
 * forty-third session, was "not sure"): the device advice goes on with where the battery may not go.
 */
const BATTERY_NAMED = /电池|充电宝|移动电源|尿袋|锂电|(?<![a-z])(?:batter(?:y|ies)|power ?banks?|li-?ion|lithium)(?![a-z])/;
// Not 怎么处理 or a bare "bin": "那退货怎么处理" asks of the return (found in review).
// Or sent back ("这个要不要寄回给你们" after a swollen power bank: a Shenzhen shop, fiftieth session, the returns entry): not by post.
/** Whether to post it back or bin it, asked outright: answered at once in the queue, before the shop's returns entry could be (not "rubbish service"). */
const POST_OR_BIN = /扔|寄回|寄还|寄给你们|退回给你们|垃圾桶|(?<![a-z])(?:send (?:it|them) back|post (?:it|them) back|mail (?:it|them) back|give (?:it|them) back|(?:send|post|mail) back(?= to (?:you|u)(?![a-z])|\s*[?.!]*$)|(?:send|post|mail|return) (?:it |them )?(?:back )?to (?:you|u)(?![a-z])|in the bin|throw (?:it|them) (?:away|out)|dispos\w*)(?![a-z])/;
const DISPOSAL_ASKED = new RegExp(String.raw`${POST_OR_BIN.source}|丢掉|丢弃|处理掉|回收(?:站|点|箱)|(?<![a-z])(?:(?:rubbish|recycling|trash|garbage|wheelie) bin|trash|rubbish|garbage|get rid|recycl\w*)(?![a-z])`);
const lowerFolded = (text: string) => foldTraditional(text.slice(0, MAX_UTTERANCE).toLowerCase());
/** How to get rid of the thing, asked ("can I throw it in the bin?", "i can send back to you?": a Dublin shop, fifty-first session, the returns entry): after goods that swelled or smoked, the device advice again. */
export const asksDisposal = (text: string): boolean => DISPOSAL_ASKED.test(lowerFolded(text));
export const asksPostOrBin = (text: string): boolean => POST_OR_BIN.test(lowerFolded(text));
/** The advice on goods that overheat, smoke or swell, with the battery's disposal when a battery is named or its disposal asked. */
/**
 * The advice on a danger told, before the hand-over. A device's: the shop's own entry on its batteries, when it answers the
 * message, in place of the built-in word on the battery's disposal (a shop that collects swollen packs itself was told to take
 * them to a recycling point: found from outside, forty-fourth session); the first aid stays first.
 */
function safetyReplies(ctx: Ctx): Reply[] {
  const { t, r } = ctx;
  if (r.hazard) return [{ text: t.hazardFirst[r.hazard] }];
  if (r.gas) return [{ text: t.gasFirst }];
  // Asked of the shop's FAQ in the robot's own words (SHOP_QUESTIONS.battery_trouble), whatever the buyer wrote; its entry must
  // itself be on a battery in trouble (not one on a battery's range that the question happened to find).
  const own = ctx.data.shopSays?.battery_trouble;
  return own && BATTERY_TROUBLE.test(lowerFolded(phrasingsOf(own.entry).join(' '))) ? [{ text: t.safetyFirst }, { text: own.entry.answer }] : [{ text: deviceAdvice(t, ctx.input.text) }];
}
/** An entry on a battery in trouble: a battery named and what goes wrong with one. */
const BATTERY_TROUBLE = new RegExp(
  `^(?=.*(?:${BATTERY_NAMED.source}))(?=.*(?:鼓|胀|发烫|过热|冒烟|起火|着火|损坏|破损|漏液|(?<![a-z])(?:swollen|swell\\w*|bulg\\w*|puff\\w*|damaged|overheat\\w*|smok\\w*|fire|leak\\w*|dispos\\w*|recycl\\w*)(?![a-z])|回收|处理))`,
);
/** A device's danger told: the shop's own entry on its batteries may say what to do with it (`safetyReplies`). */
const asksShopOfDevice = (r: Pick<Resolved, 'safety' | 'hazard' | 'gas'>): boolean => r.safety === true && !r.hazard && !r.gas;

/** Whether the device's advice goes on with the battery's disposal: a battery named, or getting rid of it asked. */
const namesBatteryOrDisposal = (text: string): boolean => {
  const folded = lowerFolded(text);
  return BATTERY_NAMED.test(folded) || DISPOSAL_ASKED.test(folded);
};

export function deviceAdvice(t: Texts, text: string): string {
  if (!namesBatteryOrDisposal(text)) return t.safetyFirst;
  return `${t.safetyFirst}${t.safetyFirst.endsWith('。') ? '' : ' '}${t.batteryDisposal}`;
}
// White smoke of a device only: dry ice's is no fire ("干冰…冒了一屋白烟"), nor a humidifier's mist (found in review), "冒出白烟", "冒了一股白烟".
// Water asked for a battery that is hot or burning ("电池还是有点热 要不要泼点水降温"), not for cleaning it ("电池可以拿水擦一下吗": found in review).
// 机器 only of no steam appliance and not asked whether normal ("电饭煲煮饭的时候机器冒白烟 正常吗": found in review, a fire).
// Not denied ("台灯插上不亮…没冒烟也没味道": the third development danger set, forty-ninth session).
// Not praise ("my phone is on fire lately, battery lasts the whole day 🔥": a Hong Kong phone shop, fifty-first session, fire's first aid).
const SAFETY_SIGN = /(?<!没|没有|不|也没|没看到|没看见|没有任何|无)冒[黑青]?烟|(?:充电宝|电池|充电器|插座|插头)(?:那里|那边|突然|自己|一下|就|又|竟然){0,3}着了(?![急吗])|(?:充电宝|电池|充电器|插座|插头)[^，,。？?]{0,4}(?:烧(?:黑|焦)|烧了(?:一下)?(?=[^。？?]{0,12}(?:黑|焦|味|火|烟))|烧了(?![^，,。？?]{0,6}(?:不能充|充不进|不充|坏)))|(?:电池|充电宝)[^，,。？?]{0,3}鼓了|(?:电池|充电|插座|插头|电线|电机|控制器|(?<!加湿器|香薰机|香薰|雾化器|雾化)电源)[^，,。？?]{0,8}(?:冒(?:了|出)?(?:一股|一点|点|好多)?白烟|有白烟冒出)(?![^，,。？?]{0,6}(?:水蒸气|水汽|蒸汽))|(?<!(?:电饭|蒸|挂烫|熨|咖啡|煮蛋|炸锅|烤箱|加湿|香薰|雾化|水壶)[^。？?]{0,12})机器[^，,。？?]{0,8}(?:冒(?:了|出)?(?:一股|一点|点|好多)?白烟|有白烟冒出)(?![^，,。？?]{0,6}(?:水蒸气|水汽|蒸汽|正常))|(?:电池|充电宝|锂电)[^。？?]{0,12}(?:烫|热|着火|冒烟|起火|鼓|胀)[^。？?]{0,12}(?:泼水|浇水|泼点水|用水浇|拿水浇|用水降温)|漏电|电到我|电了我|打火花|冒火花|鼓包|(?:电池|充电宝|尿袋|移动电源)[^，,。？?]{0,8}(?<!会不会|会|容易|不会|怕|担心)(?:胀了|胀起|鼓起|变胀|膨胀|(?:好|很|超|特别|非常)热(?![门卖销]))|(?:户外电源|储能电源|移动电源|充电宝|锂电池?|电瓶(?!车)|航模电池)(?:(?!包装|袋子|纸箱|箱子|盒子|座垫|坐垫|外壳|壳)[^。？?]){0,24}(?<!会不会|会|容易|不会|怕|担心)(?:鼓起来|鼓起|胀起来|鼓了)|(?:手机|平板|笔记本电脑)(?:(?!钢化膜|膜|壳|套|纸)[^。？?]){0,8}(?:后盖|电池|屏幕)[^。？?]{0,4}(?<!会不会|会|容易|不会|怕|担心)(?:鼓起来|鼓起|胀起来|鼓了)|(?<!(?:加湿|香薰|雾化|干冰|蒸)[^。？?]{0,8})冒(?:了|出)?(?:一股|一点|点|好多)?白烟[^。？?]{0,12}(?:刺鼻|焦味|糊味|烧焦|塑料味|怪味)|(?<![a-z])(?:caught fire|(?:went|set|got|been|was|were) on fire|on fire(?! lately| recently| these days)|overheat(?:s|ed|ing)|sparks? (?:came|coming|flew|flying|shooting|shot)|(?<!(?:do|does|will|would|if|can) )sparks? (?:come|comes) out (?:from|of) (?:the |my )?(?:base|plug|socket|outlet|charger|cable|wire|kettle|switch|unit|adapter|cord)|sparking|sparked (?:at|from|out of|in) (?:the |my )?(?:plug|outlet|socket|charger|cable|cord|wire|unit)|(?:plug|outlet|socket|charger|cable|cord) (?:just )?sparked|(?:swollen|bulging|puffed[- ]up|puffy) (?:battery|batteries|power ?banks?)|(?:battery|batteries|power ?banks?|phone|laptop|vape)(?: (?:is|was|has|got|getting|looks|seems|went|has gone|is getting|has got))?(?: (?:all|a bit|kind of|really|super|so))? (?:swollen|swelling|bulging|puffed up|puffing up|puffy|ballooned|ballooning)|electric shock|shocked me|smoke (?:came|comes|coming|is coming|was coming|pouring) (?:out|from)|(?<!always )(?:thick |black |white |grey |gray )?smoke (?:is |was )?(?:coming |pouring )?(?:from|out of) (?:the |my )?(?:charger|heater|battery|plug|socket|outlet|kettle|power ?bank|adapter|cable|laptop|phone|microwave|lamp|scooter|e-?bike)(?![^.?!]{0,30}(?:first (?:use|time)|normal))|burst into flames?|(?<!fake |led |flame effect )flames? (?:coming|came|shot|shooting) (?:out|from)(?! (?:of )?(?:the |my |a |an |our )?(?:[a-z-]+ )?(?:fireplace|candle|stove|bbq|grill|fire ?pit|lighter|lamp|torch)s?(?![a-z]))|(?:charger|power ?bank|battery|plug|cable|adapter|heater|kettle) (?:has |had |just )?melted|smell(?:ing)? burning from (?:the |my )?(?:socket|plug|charger|outlet|cable|adapter|battery|heater)|(?<!(?:i|he|she|we|they|husband|wife|dad|mum|mom|just|smoker|chips|oil|incense|wood|pan|butter|food|toast|meat) )(?:started|starting|began) to smoke|(?:it|it's|its|is|was|started) smoking|(?:power ?bank|battery|charger|plug|socket|outlet|laptop|phone|vape|scooter|e-?bike|adapter|cable)\b[^.?!]{0,12}\b(?:is|was|it'?s|it is) smokin(?![a-z])|(?:got|saw|seeing|giving off|letting out) (?:some |a lot of |lots of )?(?:white |thick |black |grey |gray )?smoke|(?:white|thick|black|grey|gray) smoke (?:is )?(?:coming|came|pouring) (?:from|out of)|(?:burning smell|smells? (?:like )?burn(?:ing|t)?) and smoke|smoke (?:came|coming|pouring) (?:from|out of)|(?:power ?banks?|batter(?:y|ies)|bateri|charger|pengecas|plug|adapter|cable)\b[^.?!]{0,50}\b(?<!(?:tak|tidak|no|never|not|takde|tiada|x|without) )(?:smoke a bit|smoke abit|(?<!make a |makes a |making a |make |makes )(?:got (?:a )?)?hissing(?: sound| noise)?(?![^.?!]{0,30}normal)|sparks? (?:when|every time|each time|whenever)|kembung|berasap|(?:ber)?bau (?:terbakar|hangit)|meletup|mendesis)|(?:plug|charger|adapter|socket)\b[^.?!]{0,20}\b(?:pin|pins|prong|prongs)\b[^.?!]{0,20}\b(?:brown|black|burnt|burned|scorched|melted)(?: colou?r)?)(?![a-z])/;
/** Heat, burning or bursting: a danger only of a device in use ("充电的时候很烫", "the charger gets super hot", "the charger very hot when charging": found from outside), not "火锅太烫", "爆炸款". */
const SAFETY_HEAT = /起火|着火|冒火|很烫|太烫|好烫|超烫|特别烫|非常烫|贼烫|老烫|滚烫|烫得|发烫|烫手|过热|焦味|糊味|糊巴味|糊吧味|焦糊|烧焦|燶味|㶶味|爆炸|会炸|炸了|(?<![a-z])(?:(?:gets?|getting|got|is|was|runs?|running|becomes?|became|becoming|turns?|turned|goes|went) (?:so |super |very |really |extremely |too |way too |crazy )?hot|(?:charger|power ?bank|battery|phone|adapter|plug|cable)(?:'s| is| was| gets| got)? (?:so|super|very|really|extremely|too|crazy|boiling|scorching|roasting|burning) hot(?! ?-?sell\w*| items?| products?| deals?| sales?| cakes)|too hot to (?:hold|touch)|(?:hot|heat\w*) until (?:can'?t|cannot|can not|cant) (?:hold|touch)(?![^.?!]{0,40}normal)|(?:boiling|scorching|roasting) hot (?:when|while) (?:it )?charg\w*|(?:so|super|very|really|extremely|too|crazy) hot (?:when|while|during) (?:charg|using|in use|plugged)\w*|explod(?:e|ed|es|ing)|blew up|burn(?:ing|t)? smell|smells? (?:like )?burn(?:ing|t)?|(?:has |have )?gone (?:so |super |very |really |extremely |too )?hot|(?:battery|power ?bank|power station|charger|charging)\b[^.?!,]{0,30}\b(?:chemical smell|smells? (?:of|like) chemicals?)|(?:chemical smell|smells? (?:of|like) chemicals?)\b[^.?!,]{0,20}\b(?:charging|battery))(?![a-z])/;
// Power stations, baby monitors, torches (an Australian and a UK shop, forty-fifth session: hot and bulging, "not sure").
const DEVICE = /充电|充着|充著|充一下|充了|一充|充的时候|插着|插著|插电|用的时候|用着|电池|充电宝|尿袋|叉电|充电器|手机|电脑|平板|耳机|手表|插头|插座|适配器|电源|烧水|水壶|空气炸锅|电饭煲|电饭锅|饭煲|料理机|破壁机|榨汁机|吹风机|取暖器|暖风机|电暖器|微波炉|烤箱|电磁炉|(?<![a-z])(?:charg(?:e|er|ers|ing)|power ?bank|battery|phone|laptop|tablet|adapter|plug|cable|earbuds?|watch|macbook|ipad|iphone|galaxy|pixel|kettle|air ?fryer|blender|toaster|heater|microwave|oven|rice cooker|hair ?dryer|boiling|heating up|power station|generator|inverter|monitor|(?:baby|parent|power) unit|camera|drone|e-?scooter|e-?bike|vape|head ?torch|torch|lantern|speaker)(?![a-z])/;
/**
 * A battery, a power station or a baby monitor swelling ("its the battery i think, its swollen and still warm", "the back is bulging
 * out" of a parent unit: a UK shop, forty-fifth session). Not a body's swelling, nor a box's or a panel's from damp (found in review).
 */
// A LiPo and its pack by their hobby names, bloated too ("the 4S pack i was charging on my old charger just now is puffing up and very
// hot", "the lipo … still bloated like a pillow": a Singapore hobby shop, forty-ninth session, "did you mean" and the returns window).
const BATTERY_SWELLS = /(?<![a-z])(?:(?:battery|batteries|lipos?|li-?pos?|(?:lipo|li-?po|battery|\ds) packs?|power ?stations?|power ?banks?|parent unit|baby monitor)\b[^.?!;]{0,50}\b(?:bulg\w*|swollen|swelling|puffed|puffing|ballooned)|(?:battery|batteries|lipos?|li-?pos?|(?:lipo|li-?po|battery|\ds) packs?|phone|vape|power ?banks?)\b(?:(?!software|app\b)[^.?!;]){0,40}\b(?<!feel |feeling |felt )(?:still |now |all )?bloated(?! with)|(?:bulg\w*|swollen|swelling|puffed)(?: out| up)?\b[^.?!;]{0,30}\b(?:battery|batteries|lipos?|li-?pos?|power ?stations?|power ?banks?))(?![a-z])/g;
const NOT_ITS_SWELLING = /(?<![a-z])(?:wrist|ears?|eyes?|gums?|knees?|feet|foot|legs?|belly|tummy|arms?|skin|rash|ankles?|itch\w*|hands?|fingers?|face|lips?|bag|box|packaging|carton|parcel|package|panel|damp|rain)(?![a-z])/;
/** The clause of the swelling decides: "its swollen and still warm. i put it back in the box" is still the battery's (found in review). */
// The clause around the match, not the match alone: "my hands are swollen from carrying the power station" (found in review).
const CLAUSE_ENDS = ['.', '?', '!', ';', ',', '，', '。'] as const;
const clauseAround = (n: string, m: RegExpMatchArray): string => {
  const start = Math.max(0, ...CLAUSE_ENDS.map((c) => n.lastIndexOf(c, m.index!) + 1));
  const ends = CLAUSE_ENDS.map((c) => n.indexOf(c, m.index! + m[0].length)).filter((i) => i >= 0);
  return n.slice(start, ends.length ? Math.min(...ends) : n.length);
};
const batterySwells = (n: string): boolean => [...n.matchAll(BATTERY_SWELLS)].some((m) => !NOT_ITS_SWELLING.test(clauseAround(n, m)));
/** Asked before anything happened ("is it safe to leave it plugged in", "会不会发烫" of goods not yet bought): the FAQ's. */
// At a clause's start, after a greeting or a lead-in too, with or without its mark ("Love the shop! Does the hair dryer get very hot?":
// found in review); a report told before it (REPORTED_BEFORE) still is one ("it was smoking and smells burnt, does it always smoke like that?").
// Or blow up or catch fire ("电源买回去放车里夏天会不会爆炸啊": a Guangzhou appliance shop, forty-ninth session, the fire's advice and an urgent place).
const SAFETY_ASKED = /会不会(?:发烫|过热|很烫|烫手|冒烟|爆炸|炸|着火|起火|自燃|鼓包|鼓起来)|安全吗|怎么检查|(?:^|[.!?,:-]\s*|(?<![a-z])(?:hi|hello|hey|quick q(?:uestion)?|thinking of buying|just wondering)\W+)(?:does|do|will) (?:the|this|it) (?:[a-z]+ ){0,3}(?:(?:get|run|go) (?:[a-z]+ )?(?:hot|warm)|overheat|smoke)\b[^.?!]*(?:\?\s*|$)|(?<![a-z])(?:how (?:do|can|should) i (?:check|test|tell)|is it safe|will it (?:burst|catch fire|explode|get|overheat|smoke)|does it (?:get|overheat|smoke|produce)|is there (?:any )?smoke|do you (?:sell|have)|want to buy|before (?:i )?buy)(?![a-z])/;
/** Gas escaping from a stove or a canister ("smells of gas when i screw the canister on", "one canister is hissing", "燃气味"): found from outside, "not understood". */
// Propane too, and the South's dropped g ("I smell propane real strong round the knobs", "its still smellin like gas", "the propane
// tank… is leakin, I can hear it hissin at the valve": an Austin grill shop, thirty-eighth session: "not sure", the parcel's tracking).
// A canister swollen in the heat ("丁烷气罐放在车里晒了一天，罐子鼓起来了，还有点气味": an Australian shop's buyer, forty-fifth session, "not sure").
// Taiwan's 瓦斯 and Australia's LPG ("一直聞到瓦斯味", "Can smell LPG around the bottle ever since": a development danger set, forty-ninth session).
const GAS_LEAK = /(?:煤气|燃气|天然气|液化气|瓦斯|丁烷|气罐|卡式炉)[^，,。？?]{0,6}(?:味(?!道?(?:很好|不错|好吃|好香|香|棒))|泄漏|外泄|漏了|漏气|嘶嘶)|(?:瓦斯|卡式)罐[^。？?]{0,8}(?:鼓起来|鼓了|胀了)|(?:丁烷|气罐|卡式气|煤气罐|液化气罐|燃气罐)(?:(?!纸箱|外包装|包装盒|盒子|箱子)[^。？?]){0,24}(?:鼓起来|鼓了|胀了|胀起来|变形了)|(?<![a-z])(?:gas|butane|propane|isobutane) (?:canister|can|cartridge|bottle|cylinder)s?(?! box)\b(?:(?!packag|carton)[^.?!]){0,30}\b(?:swollen|bulging|bulged|swelling|puffed)(?![a-z])|闻到[^，,。]{0,4}(?:煤气|燃气|瓦斯)味|(?<![a-z])(?:smell\w* (?:of |like )?(?:gas|propane|lpg|butane)|(?:stinks?|stinking|reeks?|reeking) of (?:gas|propane|lpg|butane)|(?:gas|propane|lpg) smell(?! is added| added)|(?:leaking|leaks|leak of) (?:gas|propane)|(?:gas|propane) (?:is )?leak\w*|(?:propane|gas) (?:tank|bottle|cylinder)\b[^.?!]{0,24}\bleak\w*|(?:canister|cartridge|gas|stove|cylinder|propane|tank|valve)\b[^.?!]{0,24}\bhiss\w*|hiss\w*\b[^.?!]{0,24}\b(?:canister|cartridge|gas|stove|cylinder|propane|tank|valve))(?![a-z])/;
/**
 * Something about to fall ("外机那个架子一直在晃…我怕掉下去砸到人", "外机要掉下来了！！"), or someone hurt by the goods ("the retinol bottle is
 * cracked… i cut my finger on it 🩸"): dangers no device's advice fits (two shops, thirty-eighth session: the delivery's tracking, and
 * the broken-item entry alone). Not asked beforehand ("会不会掉下来", "is it safe").
 */
export type Hazard = 'fire' | 'fall' | 'tipped' | 'injury' | 'cold' | 'air' | 'fraud' | 'spoiled' | 'broke' | 'eye' | 'smallPart' | 'shock';
/**
 * The goods in someone's eye, stinging ("some got in my eye and its burning bad 😭😭": a Los Angeles shop, forty-fifth session, "your
 * message is saved" in the queue): rinse it first.
 */
// In Chinese the thing in the eye is told ("洗发水进眼睛了", "眼睛进了洗面奶 好痛", "消毒液溅到眼睛里了"); in English with what it
// does to the eye ("i got bleach in my eye, it burns"), not a worry or a joke ("would it sting if it got in my eyes?", "lol": found in review).
// A splash back, rubbed in ("it splashed back and my eye's burning", "rubbed it into her eyes": the third development danger set,
// forty-ninth session).
const EYE_EXPOSED = /(?:进|溅|弄|喷|掉进|流|滴|沾|蹭|飞)(?:到|进)?了?(?:我的?|孩子的?|宝宝的?|他的?|她的?)?眼睛(?:里)?|眼睛(?:里)?进了|(?<![a-z])(?:splashed (?:back|up|out)\b[^.?!]{0,30}\beyes?(?:'s| is| are)? (?:burning|stinging)|(?:got|get|gone|went|splashed|sprayed|squirted|spilled|rubbed|wiped)(?: some)?(?: of)?(?: (?:the|my|her|his|this|that|a|it))?(?: [a-z'-]+){0,3} (?:in|into) (?:(?:my|her|his|their|the|our) )?(?:[a-z]+'s |(?:son|daughter|kid|baby|boy|girl|child)s? )?eyes?)(?![a-z])/;
// A chemical in the eye, told bare ("bleach in my eye help", "sanitizer in my sons eye what do i do": found in review).
// "Dish soap in the eye. Bit sore tbh." (the third development danger set, forty-ninth session).
const CHEMICAL_IN_EYE = /(?<![a-z])(?:bleach|detergent|cleaner|saniti[sz]er|chemicals?|acid|ammonia|shampoo|perfume|spray|sunscreen|dye|soap|glue|paint|polish|gel|unblocker)\b[^.?!]{0,8} in (?:my|his|her|their|the|both|the baby'?s|(?:my )?(?:sons?|daughters?|kids?)'?s?) eyes?(?![a-z])(?! (?:of|area|contour))/;
// Not of every bath time or a buying question ("soap in his eyes always makes him cry, is this shampoo gentler?": found in review).
const CHEMICAL_HABIT = /(?<![a-z])(?:tear[- ]?free|gentler|does this|is (?:this|the) (?:shampoo|one|gentler|tear|soap|baby)|makes (?:him|her|them) cry)(?![a-z])/;
// Every bath time, whatever it does ("shampoo in his eyes always burns him, is this one tear-free?": found in review).
const CHEMICAL_ALWAYS = /(?<![a-z])(?:always|every (?:time|bath|night|day)|whenever|hates)(?![a-z])/;
// What hurts now outweighs a habit or a buying word ("bleach in my eye, is this serious?? it burns": found in review).
const HURTS_NOW = /(?<![a-z])(?:burn\w*|sting\w*|screaming|hurts?|(?:can'?t|cannot|can not|(?:won'?t|will not)) open|what (?:do|should) i do|help)(?![a-z])/;
const EYE_HURTS = /疼|痛|辣|刺|睁不开|红|烧|哭|怎么办|咋办|(?<![a-z])(?:bleach|detergent|cleaner|saniti[sz]er|chemicals?|acid|ammonia|burn\w*|sting\w*|sore|red|hurts?|hurting|pain(?!t)\w*|(?:can'?t|cannot|can not|(?:won'?t|will not)) open|screaming|crying|cry|blurry|watering|what (?:do|should) i do)(?![a-z])/;
// Denied, supposed, or what goes in the eye by design: never the eye's first aid.
// Eye-care products go in the eye by design, unless something else was taken for one ("把胶水当成滴眼液": found in review).
const EYE_DENIED = /没(?:有)?(?:进|溅|弄)|没事|不疼|不痛|还好|(?<!(?:当成|当作|以为是|误把|错把|拿错)[滴洗护]?)(?:眼药水|滴眼液|洗眼液|眼液|护眼液|人工泪液)(?![^。？?]{0,20}(?:胶水|502|洗甲水|消毒液|消毒水))|如果|万一|会不会|眼睛(?:里)?了?[吗么]|(?<![a-z])(?:(?:didn'?t|did not|(?:doesn'?t|does not)) (?:get|go) in|what if|if (?:it|some) (?:got|gets|went)|if it gets?|will get|eye ?drops|no big deal|fine now)(?![a-z])/;
// A joke, a worry or a product question: only when nothing hurts ("got bleach in my eye, it burns and I'm worried" is the eye's: found in review).
const EYE_LIGHT = /哈哈|眼霜|(?<![a-z])(?:lol|haha|worried|last time|tear[- ]?free|(?:didn'?t|did not) (?:even )?cry|waterproof|remover|contact lens solution)(?![a-z])/;
// A pet's own eye is the vet's ("the dog got some in his eyes"), not a person's eye beside a pet ("the dog's flea spray got in my eye").
const PET_EYE = /(?:猫|狗)[^，,。]{0,4}(?:的)?眼睛|(?<![a-z])(?:(?:dog|cat|puppy|kitten)'?s? eyes?|(?:dog|cat|puppy|kitten)\b[^.?!,]{0,30}\b(?:his|her|its|their) eyes?)(?![a-z])/;
// In Chinese, what hurts or a substance named ("洗发水进眼睛了", "消毒液溅到眼睛里了"); not sand in the wind or a toy's eye (found in review).
const EYE_SUBSTANCE_ZH = /洗|液|剂|水|霜|油|粉|膏|喷雾|药|乳|精华/;
/** The eye's own guards, for a reading that is not the rules' (safety.ts's learned one): eye drops, a denial, a worry, a joke, a pet. */
export const eyeRuledOut = (n: string): boolean => EYE_DENIED.test(n) || EYE_LIGHT.test(n) || PET_EYE.test(n);
// Swallowed or drunk as well: the emergency's, not the eye's alone (found in review).
const eyeExposed = (n: string): boolean => {
  if (!(EYE_EXPOSED.test(n) || (CHEMICAL_IN_EYE.test(n) && !CHEMICAL_ALWAYS.test(n) && (HURTS_NOW.test(n) || !CHEMICAL_HABIT.test(n)))) || EYE_DENIED.test(n) || PET_EYE.test(n) || /喝了|吞|吃了|(?<![a-z])(?:swallowed|drank|ate)(?![a-z])/.test(n)) return false;
  const hurts = EYE_HURTS.test(n);
  return (hurts || (/\p{Script=Han}/u.test(n) && EYE_SUBSTANCE_ZH.test(n))) && (hurts || !EYE_LIGHT.test(n));
};
/**
 * A small part off a child's toy, with the child ("the little blade thing on the bottom of the scalextric car snapped off and my 2 yr old
 * had it in her mouth", "hes 3, is it dangerous, the wheel is tiny": a Dublin toy shop, forty-fifth session, "did you mean…" and a
 * plain place in the queue): out of reach first.
 */
const YOUNG_CHILD = /孩子|宝宝|娃|(?<![a-z])(?:toddler|baby|(?<![0-9])(?:[1-3]|one|two|three)[ -]?(?:yo|year old|yr old|years old|yrs old)|\d+ ?(?:month old|months old)|(?:he'?s|she'?s|hes|shes|he is|she is) [1-3](?![0-9])|my (?:son|daughter|kid|little one))(?![a-z])/;
// Past the age small parts choke ("the toy eyes came off in the wash, my son is 5": found in review).
const OLDER_CHILD = /(?<![0-9])(?:[4-9]|1[0-8]) ?(?:yo|year old|yr old|years old|yrs old|岁)|(?:my (?:son|daughter|kid|child|boy|girl|nephew|niece|grandson|granddaughter) is|he'?s|she'?s|hes|shes|he is|she is) (?:[4-9]|1[0-8])(?![0-9])(?! ?(?:months?|mos?|weeks?|wks?|mm|cm)(?![a-z]))|[四五六七八九十]岁/;
// A toddler's age told beside an older child's is the one with the part ("宝宝2岁 … 哥哥5岁也在玩": found in review).
const TODDLER_AGE = /(?<![0-9])[1-3] ?(?:yo|year old|yr old|years old|yrs old|岁)|\d+ ?(?:months? old|个月)|(?:he'?s|she'?s|hes|shes|he is|she is) [1-3](?![0-9])(?! ?(?:mm|cm))|toddler|(?<![a-z])baby(?![a-z])|宝宝/;
const SMALL_PART = /零件|轮子|小件|珠子|扣子|螺丝|眼睛|(?<![a-z])(?:wheels?|pieces?|parts?|blade|bits?|eyes?|buttons?|beads?|screws?)(?![a-z])/;
const PART_OFF = /掉了|断了|脱落|松了|掉下来|(?<![a-z])(?:snapped off|came off|fell off|broke off|(?:is|are|was) off|off already|came loose|(?:is|are) loose|(?:chewed|bit|pulled) (?:the |its |his |her )?[a-z']{0,12} ?eye off|tiny|small)(?![a-z])/;
// Not swallowed: that is the emergency's ("the baby swallowed a small part").
// Not "is it safe (for a 3 year old)", a buying question, nor 卡住 (stuck) (found in review).
const PART_RISK = /嘴里|危险|要紧|差点[^，,。]{0,4}卡|卡到(?![^，,。]{0,2}(?:喉咙|嗓子))|(?<![a-z])(?:in (?:her|his|their) mouth|spat it out|dangerous|chok\w*|gagg\w*)(?![a-z])/;
// Choking or a breath failing now is the emergency's (found in review: "my toddler is choking on a small piece of the toy, he cant breathe" told to tidy up).
// Now, not nearly or over ("my toddler nearly choked on the wheel", "choked … he's ok now" are the small part's: found in review).
const CHOKING_NOW = /噎住了|噎着了|噎到了|哽住|哽親|哽亲|哽咗|喘不上|喘不过气|呼吸困难|呼吸不(?:过来|了|上来)|卡了?(?:到|在|住)?了?(?:喉咙|嗓子)|(?:喉咙|嗓子)(?:里)?卡(?:住|着)|(?<![a-z])(?:(?:can'?t|cannot|can not) breathe?|not breathing|(?:is|he'?s|she'?s|hes|shes|started|keeps|is still) choking(?! (?:him|her|me|them|on (?:his|her|my|their) words))|choking on (?!(?:his|her|my|their) words|the price(?! (?:sticker|tag|label)))[a-z]+|struggling to breathe|turning blue|gagging)(?![a-z])|(?:憋(?:红|紫)|脸(?:都)?(?:紫|青)了)(?=[^。？?]{0,20}(?:卡|噎|吞|嘴里|珠子|零件|勒|缠住|绕住|脖子))|(?<=(?:卡|噎|吞|嘴里|珠子|零件|勒|缠住|绕住|脖子)[^。？?]{0,20})(?:憋(?:红|紫)|脸(?:都)?(?:紫|青)了)/;
// Furniture and devices have parts too: a bed's screws, a monitor's parts are no toy's (found in review).
const NOT_A_TOY = /床(?:的)?(?:螺丝|零件)|监视器(?:的)?零件|无人机(?:的)?(?:桨|零件)|(?<![a-z])(?:(?:bed|cot|crib|monitor|drone)(?:'s)? (?:screws?|parts?|bits?|pieces?|blades?)|(?:screws?|parts?|blades?) (?:on|of|from) the (?:bed|cot|crib|monitor|drone)|sew\w*)(?![a-z])/;
// A battery or a magnet is its own emergency ("the small button battery … in his mouth").
// A ride's or a seat's part is the ride's: stop using it (found in review: a pram's wheel told to be put out of reach).
// A ride's or a seat's part off is the ride's, unless a toy's, or the piece is in the child's mouth ("…in his mouth in his cot": found in review).
const rideNotToy = (n: string): boolean => (A_RIDE.test(n) || CHILD_SEAT.test(n)) && !/嘴里|玩具|(?<![a-z])(?:in (?:her|his|their) mouth|toys?|rattle|teether|teething)(?![a-z])/.test(n);
const smallPartOff = (n: string): boolean => YOUNG_CHILD.test(n) && (TODDLER_AGE.test(n) || !OLDER_CHILD.test(n)) && !rideNotToy(n) && !NOT_A_TOY.test(n) && SMALL_PART.test(n) && PART_OFF.test(n) && !/电池|磁|吞|咽|(?<![a-z])(?:batter(?:y|ies)|magnets?|coin cell|swallowed)(?![a-z])/.test(n) && !/如果|万一|会不会|(?<![a-z])(?:what if|could|might|before (?:i )?buy)(?![a-z])/.test(n);
const smallPartRisk = (n: string): boolean => smallPartOff(n) && PART_RISK.test(n) && !CHOKING_NOW.test(n);
/**
 * A hazard's thing choked on or swallowed now ("the wheel came off and my 2 year old is choking on it", "bleach splashed in my eye and i
 * swallowed some too"): the emergency's, not the piece put away or the eye rinsed alone (found in review).
 */
// A child, or someone, choking now whatever on ("my toddler is choking", "宝宝被珠子卡住了 脸都紫了": found in review, read nowhere).
// Or a grown-up ("grandma is choking, her lips are blue", "老人噎住了 脸发紫": found in review, read nowhere).
const SOMEONE_CHOKING = /孩子|宝宝|娃|小孩|儿子|女儿|老人|奶奶|爷爷|外婆|外公|阿公|阿嬷|阿嬤|嫲嫲|老公|老婆|我妈|我爸|阿妈|阿媽|老母|老豆|(?<![a-z])(?:toddler|baby|kid|child|son|daughter|he'?s|she'?s|hes|shes|he|she|grandma|grandpa|grandad|granddad|grandfather|grandmother|granny|gran|nan|nana|mum|mom|mother|dad|father|wife|husband|partner|friend|(?:one|two|three|[1-9]) ?(?:yo|year old|yr old))(?![a-z])/;
// Over, before, or a joke ("我爸喝水噎着了 咳了几下好了", "老公吃饭噎住了哈哈", "my friend is choking laughing at your ad": found in review).
const CHOKING_OVER = /上次|之前|好了|没事|咳出来|吐出来了|哈哈|笑|(?<![a-z])(?:lol|haha|laugh\w*|last (?:time|week|month)|is fine now|is ok now|coughed it (?:up|out))(?![a-z])/;
// Supposed before the choking word, a stuffy nose or a mask, a texture: no one choking now (found in review: "怕卡喉咙", "鼻塞 呼吸不过来",
// "这个米饼有点卡嗓子", "容易卡喉咙吗"); a worry after it is a parent's fear, not a supposition ("…卡在喉咙里了 我好担心").
// And a buying question ("宝宝吃这个米饼会卡喉咙吗", "does the grape cutter stop my toddler choking on grapes?": found in review).
const CHOKE_SUPPOSED = /(?:如果|万一|会不会|怕|担心|容易|适合)[^，,。]{0,8}(?:卡|噎|呼吸|chok)|会卡|卡(?:喉咙|嗓子)[吗吧么]|(?<![a-z])(?:(?:stop|prevent\w*|avoid|reduce)[^.?!]{0,20}chok|chok\w* hazard)|(?:鼻塞|鼻子堵|鼻子不通|感冒|口罩|戴着)[^，,。]{0,10}呼吸|有点卡|(?:太大|太干)[^，,。]{0,6}卡(?:嗓子|喉咙)|卡(?:嗓子|喉咙)(?!了)[^，,。]{0,6}(?:太大|太干)|(?<![a-z])(?:what if|could (?:it|he|she|they) choke|might choke|in case|suitable|lol)(?![a-z])/;
const chokingNow = (n: string): boolean => CHOKING_NOW.test(n) && !CHOKING_OVER.test(n) && (smallPartOff(n) || ((SOMEONE_CHOKING.test(n) || (SMALL_PART.test(n) && PART_OFF.test(n))) && !CHOKE_SUPPOSED.test(n)));
/** The advice for `hazardNowEmergency`: a toy's small part in a young child's mouth with the breath failing is choking, named or not. */
export const emergencyNowKind = (n: string): EmergencyKind => {
  const kind = emergencyAdvice(n);
  return kind === 'emergency' && chokingNow(n) && smallPartOff(n) ? 'choking' : kind;
};
export const hazardNowEmergency = (n: string): boolean => chokingNow(n) || (EYE_EXPOSED.test(n) && /喝了|吞|吃了|(?<![a-z])(?:swallowed|drank)(?![a-z])/.test(n));
/**
 * A part that holds someone up or stops them giving way in use ("my neighbours lad came off his bike and the front brake lever snapped
 * clean off, its one of yours. is that normal??": a Manchester bike shop, forty-third session, a plain hand-over): stop using it now.
 * Told as happened, "is that normal" too; not supposed ("what if the brakes fail").
 */
// Parts that are a ride's or a child seat's by themselves (a brake, a handlebar, a seat post), and parts any goods have (a frame,
// a wheel, a handle) only beside a ride or a child seat: "the photo frame broke in the post", "行李箱把手断了" are no danger (found in review).
const RIDE_PART_BROKE = /(?:刹车|刹车线|刹车片|碟刹|手刹)(?:突然|一下子|竟然|居然|完全|直接|全)?(?:失灵|断了|坏了|不灵|没反应|刹不住)|刹不住(?:车)?了|(?:车把|前叉|座杆|坐管|曲柄)[^，,。？?]{0,6}(?:断了|断掉|掉了|脱落)|(?:推车|婴儿车|童车)[^，,。？?]{0,6}(?:塌了|折叠了|合上了|散架)|(?:安全座椅|餐椅|婴儿床)[^，,。？?]{0,8}(?:断了|坏了|塌了|松了|脱落)|(?<![a-z])(?:brakes? (?:just |suddenly |completely |totally )?(?:failed|gave out|stopped working|snapped|broke|(?:didn'?t|did not) work)|(?:brake lever|handlebars?|seat ?post|crank|kickstand)\b[^.?!]{0,24}\b(?:snapped|broke(?: off)?|came off|fell off|gave way|sheared)|(?:stroller|pram|buggy|high ?chair|crib|cot)\b[^.?!]{0,20}\b(?:collapsed|folded up|gave way|broke)|car ?seat (?:buckle|harness|base|latch)\b[^.?!]{0,16}\b(?:broke|snapped|came (?:off|undone|loose)|failed))(?![a-z])/;
// A scooter's stem loose as it is ridden ("架滑板車騎緊嗰陣豎杆鬆咗": the third development danger set, forty-ninth session).
const ANY_PART_BROKE = /(?:车架|轮子|车轮|脚踏|把手)[^，,。？?]{0,6}(?:断了|断掉|掉了|脱落)|骑[^，,。？?]{0,6}(?:竖杆|立管|车把|把立)[^，,。？?]{0,4}(?:松了|松脱|晃)|(?<![a-z])(?:frame|wheel|fork|stem|pedal|axle|deck)\b[^.?!]{0,24}\b(?:snapped|broke(?: off)?|came off|fell off|gave way|sheared)(?![a-z])/;
const A_RIDE = /自行车|单车|电动车|滑板车|平衡车|推车|婴儿车|童车|安全座椅|餐椅|骑|(?<![a-z])(?:bikes?|bicycles?|e-?bikes?|scooters?|e-?scooters?|skateboards?|trikes?|strollers?|prams?|buggy|car ?seats?|high ?chairs?|cribs?|cots?|riding|rode|cycling)(?![a-z])/;
// A claim asked beside it is the goods' trouble ("my frame cracked from a defect, how do I get it sorted under guarantee", "摔车把车架摔裂了，保修管吗").
const COVER_ASKED = /保修|质保|保固|退货|退款|换货|赔|(?<![a-z])(?:warranty|guarantee|covered|cover it|returns?|refund\w*|sent (?:it |them )?back|claim|replace\w*)(?![a-z])/;
/**
 * A child seat's or a pram's harness that does not hold ("the harness buckle on my toddlers car seat… keeps popping open when i pull the
 * straps": a UK shop, forty-fifth session, "not sure" and a plain place in the queue).
 */
const RESTRAINT_FAILS = /(?:卡扣|安全带|锁扣|搭扣|扣环|扣头|五点式)[^，,。？?]{0,8}(?:自己)?(?:弹开|松开|扣不住|扣不上|锁不住|脱开|崩开)|(?<![a-z])(?:(?:harness|buckle|clip|latch|isofix|strap)s?\b[^.?!]{0,60}\b(?:pops?|popping|popped|comes?|coming|came|springs?|springing|sprang) (?:open|undone|loose|apart|out)|(?:buckle|harness|clip|latch|isofix)s?\b[^.?!]{0,20}\b(?:won'?t|will not|doesn'?t|does not|isn'?t|is not) (?:stay(?:ing)? (?:shut|closed|locked)|hold(?:ing)?|lock(?:ing)?|click(?:ing)?|latch(?:ing)?))(?![a-z])/;
/** A child's seat, not a bag's strap, a rain cover's clip or a bike's saddle pack (found in review: "stop using it"). */
const CHILD_SEAT = /安全座椅|汽座|汽车座椅|儿童座椅|婴儿车|推车|童车|餐椅|提篮|(?<![a-z])(?:car ?seats?|booster|prams?|pushchairs?|strollers?|buggy|high ?chairs?|carrycots?|harness|isofix)(?![a-z])/;
const NOT_THE_SEAT = /(?:座包|包包?|罩)[^，,。]{0,4}的?(?:带子|扣|卡扣|锁扣|搭扣)|(?<![a-z])(?:(?:straps?|clips?|buckles?) (?:on|of) (?:the |my |a )?(?:\w+ )?(?:bags?|covers?|rain ?covers?|helmets?)|(?:bag|cover|rain ?cover|cup ?holder|helmet)'?s? (?:strap|clip|buckle)s?)(?![a-z])/;
const restraintFails = (n: string): boolean => RESTRAINT_FAILS.test(n) && CHILD_SEAT.test(n) && !NOT_THE_SEAT.test(n);
/**
 * A part that came loose under the rider, and the fall it caused ("the quick release skewer ye sold me came loose on the descent and i
 * went over the handlebars, hand is in bits": a Dublin bike shop, fifty-first session, "not sure").
 */
const RIDE_CRASH = /(?:快拆|车把|把立|轮子|前轮|后轮|脚踏|座管|坐管|座杆|链条|螺丝)[^，,。？?]{0,8}(?:松了|松脱|脱落|掉了|断了|滑了)[^。？?]{0,16}(?<!怕|差点|险些|会不会|会)(?:摔了|摔倒了|摔下来了|摔伤|翻车了|飞出去|摔出去|飞咗出去)|(?<![a-z])(?:skewer|quick ?release|(?:thru|through) ?axle|axle|wheel|stem|headset|bolts?|saddle|seat ?post|chain|pedal|crank|bars?|handlebars?)\b[^.?!]{0,30}\b(?:came loose|came undone|came off|came out|backed out|dropped out|failed|slipped|snapped|let go|gave way)\b[^.?!]{0,60}\b(?:i|he|she|we|they|my (?:son|daughter|husband|wife|kid|partner|friend|dad|mum|mom))\b[^.?!]{0,12}\b(?:went over the (?:handle)?bars|over the (?:handle)?bars|came off|crashed|fell|hit the (?:ground|road|deck|tarmac)|came down|went down|went face first|ended up in)(?![a-z])/;
/** A near miss, or nobody hurt ("快拆松了，差点摔了", "wheel fell out in the driveway, nobody hurt": found in review). */
const NO_CRASH = /差点|险些|怕|(?<![a-z])(?:nobody|no one|no-one) (?:was |got )?hurt|almost|nearly(?![a-z])/;
/** A bike's own parts: a chain or a bolt may be a swing's. */
const BIKE_PART = /快拆|车把|把立|(?<![a-z])(?:skewer|quick ?release|(?:thru|through) ?axle|handlebars?|headset|seat ?post)(?![a-z])/;
const brokeInUse = (n: string): boolean => (RIDE_PART_BROKE.test(n) || (RIDE_CRASH.test(n) && (A_RIDE.test(n) || BIKE_PART.test(n)) && !NO_CRASH.test(n)) || restraintFails(n) || (ANY_PART_BROKE.test(n) && A_RIDE.test(n))) && !COVER_ASKED.test(n) && !/如果|万一|要是|(?<![a-z])(?:what if|if|in case|could|might|would)(?![a-z])/.test(n);
const FALLING = /(?:外机|空调外机|支架|挂架|吊柜|吊灯|书架|电视架|电视支架|置物架|搁板)[^，,。？?]{0,12}(?:要掉|快掉|掉下|摇摇欲坠)|(?:怕|要|快|差点)掉下(?:来|去)[^，,。]{0,6}(?:砸|伤)|砸到人|(?<![a-z])(?:(?:unit|bracket|shelf|cabinet|tv|mount)\b[^.?!]{0,20}\b(?:about|going) to fall)(?![a-z])/;
// A body hurt, not goods scratched ("屏幕划伤了", "包装割破了", "漆面起水泡", "the shirt is bleeding onto my whites": found in review).
// Burnt red, a gash, bleeding, a blister ("手被烫红了还划了个口子在流血", "手背起了个泡", "手上的泡破了": a Hangzhou tea shop, forty-fifth
// session, the burst glass pitcher told in the queue: "your message is kept", no first aid).
// A body part by itself, not 手机, 手冲, 手柄, 脚垫, 皮肤衣; a gash or bleeding of someone, not of a box or a fish (found in review).
// 划 may be read as 花 by the spelling's repair ("手被划了一道口子" → 花了).
/**
 * Something hard in the food that hurt the mouth ("he bit into a cookie and there was a little piece of metal wire in it, his gum is
 * bleeding and he thinks he chipped a tooth": a Manchester bakery, forty-ninth session, kept in the queue without a word).
 */
const MOUTH_HURT = /(?:铁丝|钢丝|铁片|玻璃|钉子|订书钉|碎片|针|石子)[^。？?]{0,16}(?:(?:牙龈|嘴巴?|嘴唇|舌头)[^。？?]{0,6}(?:出血|流血|划破|割破)|牙齿?[^。？?]{0,3}(?:崩|磕|断|裂))|(?<![a-z])(?:metal|wire|glass|staples?|shards?|needles?|screws?|nails?|stones?)\b[^.?!]{0,60}\b(?:(?:gums?|mouth|lips?|tongue)\b[^.?!,]{0,12}\b(?:is |are |was |were |started |keeps )?(?:bleed\w*|cut)|(?<!nearly |almost )(?:chipped|cracked|broke) (?:a |his |her |my |their )?(?:tooth|teeth))(?![a-z])/;
// Burnt fingers, a shard in the foot, blisters that bleed ("iron handle got so hot it burned my fingers", "a shard went into my foot,
// bleeding through the towel", "脚后跟磨出两个大血泡": the third development danger set, forty-ninth session).
// A live cable bitten ("my 2 yr old just chewed the charging cable while it was plugged in and theres a little black burn mark on his lip":
// a Hong Kong phone shop, forty-ninth session, "not sure").
const CABLE_BITTEN = /咬(?:了|破了?|断了?)?[^，,。？?]{0,4}(?:充电线|电线|数据线|插头)[^。？?]{0,20}(?:烧伤|烫伤|电到|电了|冒火花|起火花)|(?<![a-z])(?:chewed|bit|bitten|chewing|biting)(?: on| into| through)? (?:the |a |my |his |her )?(?:charging |phone |usb |power |charger |extension )?(?:cable|cord|wire)\b[^.?!]{0,60}\b(?:burn\w*|shock\w*|spark\w*)(?![a-z])/;
// Swallowed as well is the emergency's ("吃出玻璃碴 已经吃了好几个了 舌头也划破了": found in review).
const mouthHurt = (n: string): boolean => MOUTH_HURT.test(n) && !/吃了好几|已经吃了|吞了|吃下去|(?<![a-z])(?:(?:i'?ve|i have) eaten|eaten some|swallowed)(?![a-z])/.test(n);
/**
 * A scald from a cooker's or a kettle's steam ("put his hand over the rice cooker steam vent just now, his palm very red and got blister":
 * a Singapore shop, fifty-first session, "not sure"), or from boiling soup spilt ("滚汤泼到他手臂上了，起了好大的泡": a Guilin shop, the
 * cooking entry offered); not one long ago told before a question about the goods (found in review).
 */
const STEAM_SCALD = /(?<![a-z])(?:(?:boiling|hot) (?:water|oil|soup|tea|coffee|milk)\b[^.?!]{0,30}\b(?:on|over|onto) (?:my|his|her|their) (?:hand|hands|arm|arms|leg|legs|face|foot|feet|chest|skin|fingers?)\b[^.?!]{0,30}\b(?<!no )(?:blister\w*|scald\w*|burn(?:ed|t)\b)|steam\w*\b[^.?!]{0,40}\b(?:hand|palm|finger|fingers|arm|face|skin|wrist)\b[^.?!]{0,30}\b(?<!no )(?:blister\w*|scald\w*|burn(?:ed|t)\b)|(?:scalded|burned|burnt|blistered) (?:by|from|on) (?:the )?steam)(?![a-z])|(?:蒸汽|热气)[^。？?]{0,20}(?:烫(?:伤|到|红|起泡|出泡)|起泡|水泡)|(?:开水|热水|滚水|滚汤|热汤|汤|热油|油)[^。？?]{0,10}(?:泼|洒|溅|淋|倒)(?:到|在)(?:了)?(?:他|她|我|孩子|宝宝|儿子|女儿|小孩)?(?:的)?(?:手|手臂|胳膊|手背|手指|脚|腿|脸|身上|胸口|肚子|背)[^。？?吗]{0,12}(?:起了?[^，,。]{0,4}泡|水泡|烫(?:伤|红|破)|红了?一?片|红了|脱皮)(?![^。？?]{0,6}(?:吗|么|会不会))/;
const SCALD_BEFORE = /以前|上次|去年|别的牌子|(?<![a-z])(?:once|last (?:year|time|month)|years? ago|another brand|other brand|does (?:yours|this one|it)|do yours)(?![a-z])/;
const steamScald = (n: string): boolean => STEAM_SCALD.test(n) && !SCALD_BEFORE.test(n);
// A pin left in a dress that drew blood, a rusty one and tetanus asked ("裙子里面怎么还有根针啊！！刚试穿把我腰扎出血了", "针是锈的 要不要打破伤风":
// a Hangzhou fashion shop, fiftieth session, an exchange's status and "not understood").
const INJURED = /(?:针|钉|刺|铁丝|钢丝)[^。？?]{0,16}(?:扎|刺|戳)(?:出|破)了?血|(?:扎|刺|戳)出血了|(?:锈|生锈)[^。？?]{0,10}破伤风|破伤风[^。？?]{0,6}(?:要不要|需不需要|用不用|该不该)打|(?:要不要|需不需要|用不用|该不该)打破伤风|(?<![a-z])(?:rusty (?:pin|needle|nail|wire)\b[^.?!]{0,40}\btetanus|tetanus (?:shot|jab)\b[^.?!]{0,30}\b(?:need|should))(?![a-z])|(?:手(?![机冲柄工套提表链膜])|手指|手背|手掌|脚(?![垫架踏])|腿|脸|胳膊|皮肤(?!衣)|孩子|宝宝)[^，,。]{0,6}(?:割|划|扎|刮|烫)(?:伤|破|到|红|起泡)|(?:手(?![机冲柄工套提表链膜])|手指|手背|手掌|脚(?![垫架踏])|腿|脸|胳膊)[^，,。]{0,6}(?:割|划|花|拉)(?:了|开了?|出)(?:一|个|一个|一道|道|条|一条)?(?:个|道|条)?(?:口子|伤口)|(?:口子|伤口)[^，,。]{0,6}(?:流血|出血|在流)|(?<![鱼猫狗][^，,。]{0,3})(?:手|脚|腿|脸|头|伤口|孩子|宝宝|小孩|老人|嘴巴?|鼻子?|手指|脚趾|额头|膝盖)(?:(?![鱼虾肉猫狗鸡鸭猪牛羊蹄爪脖排])[^，,。]){0,6}(?:在|一直|还在)流血(?!水)|(?<![鱼猫狗鸡鸭猪牛羊肉蹄爪脖排的])[我他她](?:一直|还)?在?流血(?!水)|(?:手(?![机冲柄工套提表链膜])|手背|手指|手掌|脚(?![垫架踏])|胳膊|皮肤(?!衣))[^，,。]{0,6}(?:起了?(?:个|一个|几个|好多|一些)?(?:水)?泡|泡破了)|(?:割|划|扎|刮|烫)(?:伤|破|到)了?(?:我的?|孩子的?)?(?:手|手指|手背|脚|腿|脸|胳膊|皮肤)|(?:烫|烧)[^，,。]{0,8}起了?(?:几个|好多|一些)?水泡|(?:手|手指|伤口)[^，,。]{0,4}(?:流血|出血)|流了好多血|(?<![a-z])(?:cut (?:my|her|his|their) (?:finger|hand|foot|thumb|palm)|(?:finger|hand|cut|wound|foot) (?:is |was |started |keeps )?bleeding|burn(?:ed|t) (?:my|her|his|their) (?:hands?|fingers?|arms?|face|palms?|thumbs?|legs?)(?! (?:buying|on (?:cheap|knock)|before|with (?:cheap|knock)))|(?:shards?|splinters?|piece of glass|glass)\b[^.?!]{0,20}\b(?:went into|went in|stuck in|into) (?:my|his|her|their) (?:foot|feet|hand|finger|palm|leg|arm|knee|toe)|(?<!if the )blisters?(?! plasters?)\b[^.?!]{0,30}\bbleed\w*|(?:red |big |huge |white )?blisters? on (?:her|his|their|the baby'?s|the kid'?s) (?:fingers?|hands?|palms?|arms?|thumbs?|face|wrists?)|(?:got|has|gave (?:her|him|them)) (?:a |an )?(?:big |huge |bad )?burn blisters?)(?![a-z])|磨(?:出|起)了?[^，,。]{0,4}血泡|(?:脚|脚后跟|脚趾|手|皮)[^，,。]{0,4}磨(?:破|出血)了/;
/**
 * Furniture or a TV that tipped over onto someone ("omg my toddler climbed the bookshelf and it tipped over on him, he hit his head and
 * is crying, what do i do": a Toronto furniture shop, forty-fourth session, offered the damaged-furniture entry, then a plain place in
 * the queue): see to them, the signs of a head injury, and the thing kept away until it is anchored.
 */
const FURNITURE_ZH = String.raw`(?:书架|书柜|柜子|衣柜|斗柜|抽屉柜|五斗柜|电视柜|电视机?|置物架|架子|梳妆台|鞋柜|餐边柜)`;
// Someone it fell onto, right after the fall: not "屏幕被压到了", "the cabinet toppled over in the van, the driver told me" (found in review).
const UNDER_ZH = String.raw`(?:我的?|他的?|她的?)?(?:孩子|宝宝|小孩|儿子|女儿|娃|孙子|孙女|老人|头|腿|脚|手|身上|人)`;
const UNDER_EN = String.raw`(?:him|her|them|me|my (?:son|daughter|kid|child|baby|toddler|boy|girl|wife|husband|mom|dad|mum|grand\w+|leg|foot|head|arm|hand|dog|cat)|(?:his|her|their) (?:head|leg|foot|arm|hand)|the (?:kid|child|baby|toddler|dog|cat)|a (?:kid|child|baby|toddler))`;
const TIPPED_ON = new RegExp(
  String.raw`${FURNITURE_ZH}[^，,。？?]{0,8}(?:倒|翻|砸|压)[^，,。？?]{0,4}?(?:到|在|着|了)${UNDER_ZH}|被${FURNITURE_ZH}[^，,。？?]{0,4}(?:砸|压)(?:到|伤|了)|(?<![a-z])(?:book ?shelf|book ?case|shelf|shelves|shelving unit|dresser|wardrobe|cabinet|chest of drawers|drawers|tv|television|tv stand)\b[^.?!]{0,40}\b(?:tipped|toppled|tip|fell|came down|crashed(?: down)?|landed)(?: over)? (?:on|onto) ${UNDER_EN}(?![a-z])`,
);
const tippedOnSomeone = (n: string): boolean => TIPPED_ON.test(n) && !/如果|万一|要是|会不会|怎么固定|防倾倒|(?<![a-z])(?:what if|if|in case|could|might|would|prevent|anchor kit|wall strap)(?![a-z])/.test(n);
const HAZARD_ASKED = /会不会|会掉吗|怕不怕|安全吗|正常吗|怎么(?:装|固定|弄)|(?<![a-z])(?:will it|could it|is it safe|is (?:it|this|that) normal|how (?:do|to|can i) (?:prevent|avoid|fix|mount|install))(?![a-z])/;
/**
 * A gas or carbon monoxide alarm going off now ("燃气报警器一直在响", "the carbon monoxide alarm is going off": found in review, read
 * nowhere): the gas's advice, or out into the air. Not asked of beforehand, tested, chirping for its battery, new and warming up,
 * set off by a spray, or praised ("一氧化碳报警器低电量一直响", "is it normal that the gas detector is beeping when I first plug it
 * in?", "went off during testing like it should": found in review).
 */
const ALARM_SOUNDS = String.raw`(?:报警器|警报器|探测器|警報器|探測器)[^，,。？?]{0,6}(?:一直|在|又)?(?:响|叫|报警|響|叫個不停)`;
const GAS_ALARM = new RegExp(String.raw`(?:燃气|煤气|天然气|可燃气体|瓦斯|液化气)${ALARM_SOUNDS}|(?<![a-z])gas (?:leak )?(?:alarm|detector)s? (?:is |keeps |kept |has been |just )?(?:going off|gone off|went off|beeping|sounding)(?![a-z])`);
const CO_ALARM = new RegExp(String.raw`一氧化碳${ALARM_SOUNDS}|(?<![a-z])(?:carbon monoxide|co) (?:alarm|detector)s? (?:is |keeps |kept |has been |just )?(?:going off|gone off|went off|beeping|sounding)(?![a-z])`);
const ALARM_NOT_NOW = /如果|万一|要是|会不会|会响吗|会报警吗|测试|試|低电|没电|电量|电池|预热|插上电|刚装|装好后|买回来|一下就停|正常吗|是不是坏|质量问题|误报|推荐|想买|要买|哈哈|(?<![a-z])(?:if|what if|when|test\w*|battery|batteries|chirp\w*|low|first plug\w*|warm\w* up|is it normal|normal\?|faulty|for no reason|no smell|hairspray|spray\w*|lol|great product|like it should|recommend|want to buy|should i buy)(?![a-z])/;
/**
 * A fire now, told by itself ("家里着火了", "着火了！快来人", "the kitchen is on fire", "smoke everywhere!": found in review, read nowhere):
 * everyone out and the fire number, its own advice (not a device's "unplug it"). Not asked of, bought against, nor a joke or a sale ("家里着火了怎么办 买个灭火器推荐一下", "fire sale").
 */
// Things at home set alight ("the candle set the curtains on fire", "蜡烛把窗帘点着了": the device's "unplug it", or nothing; the forty-sixth
// session's leftovers).
// A device burning now, flames seen ("my scooter battery just caught fire in the lift lobby!! what do i do": a Shenzhen e-bike shop,
// forty-eighth session, told first to unplug it): the fire's advice, which says when unplugging is safe.
const DEVICE_ON_FIRE = /(?:电池|充电宝|移动电源|电动车|电瓶车|电瓶|滑板车|平衡车|充电器|插座|插头|插线板|排插|电热毯|取暖器|电暖器)[^，,。？?]{0,6}(?:着火了|起火了|烧起来了|冒火了|着了火)(?![吗么吧])|火苗(?:都)?(?:出来|窜出来|冒出来|蹿出来)了|(?<![a-z])(?:(?:battery|batteries|power ?bank|charger|scooter|e-?bike|e-?scooter|heater|plug|socket|outlet|extension (?:lead|cord)|electric blanket)\b[^.?!]{0,20}\b(?:(?:just |has |have )?caught (?:on )?fire|(?:is|are|was) on fire|burst into flames|went up in flames)|flames (?:coming|shooting) (?:out of|from) (?:the |my )?(?:battery|charger|scooter|e-?bike|plug|socket|outlet|heater))(?![a-z])/;
// Flames in the oven, a house full of smoke ("theres actual flames in the oven now": a Melbourne kitchenware shop, fiftieth session, "not sure").
const FIRE_NOW = /(?:^|家里|屋里|房间|厨房|卧室|客厅|阳台|车里|楼道|[，,。!！\s])(?:着火了|起火了|失火了)(?![吗么吧])|(?:窗帘|被子|沙发|床单|床垫|桌布|地毯|纸箱|衣服|头发)[^，,。？?]{0,4}(?:点着了|烧着了|烧起来了|着火了|着了)|(?<![a-z])(?:(?:set|lit) (?:the |my |our |her |his )?(?:curtains?|sofa|couch|bed|bedding|blanket|rug|carpet|tablecloth|box|bin|hair|house|kitchen) (?:on fire|alight|ablaze)|(?:curtains?|sofa|couch|bedding|blanket|rug|carpet|tablecloth|bin) (?:(?:is |are |was |were |went )?(?:on fire|alight|ablaze|in flames)|caught fire))(?![a-z])|(?<![a-z])(?:(?:the |my |our )?(?:house|kitchen|room|flat|apartment|bedroom|garage|car) is on fire|smoke everywhere|there(?:'?s| is) (?:a )?fire (?:in|at)|we(?:'?ve| have) got a fire|(?:actual |real |big )?(?:a )?flames? (?:in|inside|coming out of|out of|from) (?:the |my |our )?(?:back of the |side of the )?(?:oven|pan|pot|microwave|toaster|air ?fryer|heater|jar)|(?:oven|stove|pan|pot|microwave|toaster|air ?fryer|candle|grill|bbq|heater)\b[^.?!]{0,12}\b(?:(?:is|are) on fire|caught (?:on )?fire|burst into flames|in flames))(?![a-z])|(?:烤箱|灶台|炉子|锅|微波炉|烤面包机|空气炸锅|蜡烛)[^，,。？?]{0,6}(?:着火了|起火了|烧起来了|冒火了|有火苗|出火了|着了[^，,。？?]{0,2}火好大)(?![吗么吧])|(?:冒出|窜出|蹿出|喷出)(?:了)?火苗(?![吗么吧])/;
/**
 * A home full of smoke now ("the whole house is full of smoke and the smoke alarm is going off": a Melbourne shop, fiftieth session): not
 * a range hood's cooking smoke, nor another night's (found in review).
 */
const SMOKE_FILLED = /(?:满屋子?|整个屋子|家里全|屋里全)(?:都)?是烟(?![吗么吧])|(?<![a-z])(?:whole )?(?:house|kitchen|room|flat|apartment|place) (?:is |was )?(?:full of|filled with) (?:black )?smoke(?![a-z])/;
const SMOKE_NOT_FIRE = /炒菜|做饭|油烟|吸力|(?<![a-z])(?:cooking|range ?hood|extractor|last night|yesterday|last week|is it (?:still )?safe)(?![a-z])/;
const FIRE_NOT_NOW = /推荐|想买|买个|买一个|灭火器|如果|万一|要是|哈哈|(?<![a-z])(?:sale|lol|haha|if|what if|recommend|extinguisher)(?![a-z])/;
/** Another time, or almost ("a mate's e-bike battery went up in flames last year so I want…", "a charger that nearly caught fire"), or out. */
// Put out already ("平衡车充电的时候着火了，刚扑灭，墙都熏黑了"): the device's advice (stop, unplug, away from anything flammable).
const NOT_BURNING_NOW = /去年|上次|以前|之前|差点|差一点|扑灭|灭了|(?<![a-z])(?:last (?:year|month|week|time)|years? ago|months? ago|nearly|almost|once|put (?:it |the fire )?out|extinguished|(?:fire|it) is out)(?![a-z])/;
const fireNow = (n: string): boolean => (FIRE_NOW.test(n) || (SMOKE_FILLED.test(n) && !SMOKE_NOT_FIRE.test(n)) || (DEVICE_ON_FIRE.test(n) && !NOT_BURNING_NOW.test(n))) && !FIRE_NOT_NOW.test(n);
/** A danger told that is gas's (a leak, a gas alarm going off), not a device's: turned off and aired, not unplugged. */
const gasDanger = (n: string): boolean => (GAS_LEAK.test(n) || alarmSounding(n) === 'gas') && !SAFETY_SIGN.test(n);
/** Whose advice a danger `reportsDanger` reads is: the gas's, a fire's, else the device's. */
export const reportedKind = (n: string): 'gas' | 'fire' | 'device' => (gasDanger(n) ? 'gas' : fireNow(n) ? 'fire' : 'device');
/** The alarm's own danger, gas or bad air, when one is going off now. */
const alarmSounding = (n: string): 'gas' | 'air' | undefined => (ALARM_NOT_NOW.test(n) ? undefined : GAS_ALARM.test(n) ? 'gas' : CO_ALARM.test(n) ? 'air' : undefined);
export const hazardOf = (n: string): Hazard | undefined =>
  fireNow(n) ? 'fire' : alarmSounding(n) === 'air' ? 'air' : scamReported(n) ? 'fraud' : eyeExposed(n) ? 'eye' : smallPartRisk(n) ? 'smallPart' : badAir(n) ? 'air' : spoiledEaten(n) ? 'spoiled' : brokeInUse(n) ? 'broke' : tippedOnSomeone(n) ? 'tipped' : HAZARD_ASKED.test(n) && !/砸到人|怕掉下/.test(n) ? undefined : FALLING.test(n) ? 'fall' : INJURED.test(n) || steamScald(n) || mouthHurt(n) || CABLE_BITTEN.test(n) ? 'injury' : FROSTBITE.test(n) ? 'cold' : undefined;

/**
 * Dry ice on the skin ("冒白烟的干冰 俺小孙子拿手抓了 手指头都白了": a Qingdao seafood shop, thirty-ninth session, told it was kept):
 * frostbite, warmed in warm water, not rubbed. Not asked beforehand ("干冰会不会冻伤手": HAZARD_ASKED).
 */
const FROSTBITE = /干冰[^。？?]{0,24}(?:冻伤|冻坏|冻到|粘住|黏住|粘在|发白|白了|发紫|紫了|起泡|水泡|没知觉|没有知觉|麻了)|(?:冻伤|手指头?(?:都)?(?:发白|白了|发紫|没知觉))[^。]{0,20}干冰|(?<![a-z])(?:dry ice\b[^.?!]{0,50}\b(?:burn(?:ed|t|s)?|frostbit\w*|blister\w*|stuck to (?:his|her|my|their)|turned white|went white|numb)|frostbit\w*\b[^.?!]{0,40}\bdry ice)(?![a-z])/;
/** A closed room, a car: where dry ice or fumes gather. */
const CLOSED_ROOM = /关着门|关上门|门关着|关门|密闭|封闭|车里|车内|卫生间|厕所|浴室|洗手间|小屋|屋里|房间里|(?<![a-z])(?:closed (?:room|bathroom|car)|in the car|bathroom|small room|door (?:shut|closed))(?![a-z])/;
/** What bad air does to the body: dizziness, breath, the throat. */
// Felt now, not a condition had ("I have asthma, is the smell of this candle strong?", "头疼的时候闻一下很舒服": found in review).
// Breathless, woozy, sick from the air ("Dry ice in the car boot… feeling breathless", "left the kerosene heater on with windows shut all
// night, feel sick n woozy": the third development danger set, forty-ninth session).
const AIR_SYMPTOM = /头晕|晕了|晕[^，,。]{0,4}站不稳|(?<![a-z])(?:(?:feel\w*|felt|am|is|was|are|got|getting|came out|been) (?:a bit |so |really |quite |kinda )?(?:breathless|woozy|out of breath)|(?:sick|nauseous|dizzy) (?:n|and) woozy)(?![a-z])|熏得[^，,。]{0,4}(?:头晕|头疼|头痛|难受)|胸闷|喘不上气|喘不过气|呼吸困难|呼吸不畅|嗓子发紧|喉咙发紧|憋得慌|哮喘(?:犯了|发作)|(?<![a-z])(?:(?:got|feel|feeling|felt|am|is|was|went) (?:so |really |a bit )?(?:dizzy|light-?headed)|(?:can'?t|cannot|can not) breathe|cannot breathe|hard to breathe|trouble breathing|struggling to breathe|short of breath|wheez\w*|(?:throat|chest) (?:went |is |feels |got )?(?:a bit |a lil |a little |kinda |so |really |very )?(?:tight|closing)|(?:use|used|using) (?:my|her|his) inhaler|asthma attack|(?:is|am|are|keeps?|kept|started|start|been) coughing|coughing (?:now|a lot|non-?stop|and)|cough(?:ing)? (?:since|after|because))(?![a-z])|(?:一直|不停地?|开始)咳|咳(?:个不停|得厉害)|呛得/;
/**
 * Goods' smell reported strong, someone who breathes badly at home, and whether it is safe asked ("the smell very strong like
 * chemical. my son got asthma, is it safe?": a Singapore furniture shop, fortieth session, told the tracking twice). Not asked
 * beforehand: "I have asthma, is the smell of this candle strong?" reports no smell.
 */
// "有股很冲的味道 是不是甲醛啊 我怀孕了能穿吗" (a Hangzhou fashion shop, fiftieth session: "not sure").
const STRONG_SMELL = /(?:味道|气味|异味|化学味|油漆味|甲醛味?)[^，,。？?]{0,4}(?:好重|很重|太重|特别重|超重|好大|很大|太大|刺鼻|呛|很冲|好冲|冲鼻)|(?:很|好|特别|超|太)(?:冲|呛|刺鼻)的?(?:味道|气味|异味|化学味)|(?<![a-z])(?:(?:smell|smells|odou?r|fumes?)\b[^.?!]{0,20}\b(?:very|so|really|damn|super|too|quite) strong|strong (?:chemical |paint |glue )?(?:smell|odou?r|fumes))(?![a-z])/;
const BREATHES_BADLY = /哮喘|孩子|宝宝|小孩|孕妇|怀孕|孕期|老人|(?<![a-z])(?:asthma\w*|son|daughter|kids?|child|children|baby|toddler|pregnant|elderly)(?![a-z])/;
const SAFE_ASKED = /安全吗|有没有事|有事吗|要紧吗|怎么办|有毒吗|能穿吗|能用吗|能穿不|(?<![a-z])(?:is (?:it|this|that) (?:safe|ok|toxic|dangerous)|safe or not|what (?:should|do) i do|toxic)(?![a-z])/;
const FUMES = /味道|气味|异味|刺鼻|甲醛|闻着|闻了|化学味|油漆|胶水味|煤油|炭火|炭盆|(?<![a-z])(?:smell|fumes?|odou?r|chemical|formaldehyde|kerosene|paraffin heater|charcoal)(?![a-z])/;
/** Fuel leaking or its fumes inside ("the jerry can… is leaking at the spout seal, stinks of petrol in the ute": an Australian shop, forty-fifth session, the gas stove's entry). */
const FUEL_LEAK = /(?:汽油|柴油|煤油)[^，,。？?]{0,8}(?:漏|味)|(?<![a-z])(?:(?:petrol|gasoline|diesel|kerosene|fuel)\b[^.?!]{0,30}\b(?:leak\w*|fumes|stinks?|reeks?)|(?:leak\w*|stinks?|reeks?|smells?|fumes)\b[^.?!]{0,30}\b(?:of |like )?(?:petrol|gasoline|diesel|kerosene|fuel))(?![a-z])/;
/** Asked of the goods, or said in jest ("does the petrol can leak?", "this candle smells like gasoline, is that normal?": found in review). */
// At a clause's start, a greeting or "before i buy" before it too ("hi, does the petrol can leak if its on its side?": found in review).
const FUEL_ASKED = /会不会漏|(?:^|[.!?,;:-]\s*|(?<![a-z])(?:hi|hello|hey|before i buy|quick (?:q|question))\W+)(?:does|will|could|would|can) (?:the |this |it |a )?[a-z0-9 ]{0,20}leak[^.!]*(?:\?|$)|(?<![a-z])(?:candle|breath)(?![a-z])/;
/** A leak going on, told: the question beside it ("is that normal?") does not unsay it (found in review). */
const LEAK_TOLD = /漏了|在漏|漏油|(?<![a-z])(?:leaking|leaks|leaked|has a (?:slow )?leak|sprung a leak|stinks|reeks)(?![a-z])/;
/**
 * Air gone bad: dry ice let off in a closed room ("干冰俺倒卫生间了 关着门冒了一屋白烟 小孙子在里面玩", then "孩子出来说头晕"),
 * or goods' fumes with a breath or a throat failing ("a really strong chemical smell… my throat went tight": a London shop,
 * thirty-ninth session, "not sure"): out into fresh air first. Not asked beforehand ("干冰能放卫生间吗").
 */
// Cleaners mixed into a gas ("helper mixed ammonia and bleach cleaning the kitchen, she's coughing and says she can't breathe", "84和洁厕灵
//混在一起用了 呛得喘不上气": the breath's emergency once "can't" met "cannot", this session; fresh air first).
const CLEANERS_MIXED = /(?:84|漂白|消毒液)[^。？?]{0,12}(?:洁厕|洁厕灵|洁厕剂|氨|醋|酸)|(?:洁厕|洁厕灵|氨|醋)[^。？?]{0,12}(?:84|漂白|消毒液)|(?<![a-z])(?:bleach\b[^.?!]{0,30}\b(?:ammonia|vinegar|acid|toilet cleaner|rust remover|descal\w*|limescale\w*|drain cleaner)|(?:ammonia|vinegar|acid|toilet cleaner|rust remover|descal\w*|limescale\w*|drain cleaner)\b[^.?!]{0,30}\bbleach)(?![a-z])/;
const badAir = (n: string): boolean =>
  (CLEANERS_MIXED.test(n) && AIR_SYMPTOM.test(n)) ||
  (FUEL_LEAK.test(n) && !AIR_ASKED.test(n) && (LEAK_TOLD.test(n) || !FUEL_ASKED.test(n))) ||
  (/干冰|(?<![a-z])dry ice(?![a-z])/.test(n) && ((CLOSED_ROOM.test(n) && /了|(?<![a-z])(?:left|put|dumped|poured)(?![a-z])/.test(n) && !/(?:能|可以|可不可以|能不能)(?:放|倒|扔)|可以吗|行吗|能吗|可以不|行不行|[?？]/.test(n)) || AIR_SYMPTOM.test(n))) ||
  (FUMES.test(n) && AIR_SYMPTOM.test(n) && !AIR_ASKED.test(n) && !/舒服|好闻|喜欢|(?<![a-z])(?:love|lovely|nice)(?![a-z])/.test(n)) ||
  (STRONG_SMELL.test(n) && CHEMICAL.test(n) && RECEIVED_NOW.test(n) && BREATHES_BADLY.test(n) && SAFE_ASKED.test(n) && !/舒服|好闻|喜欢|(?<![a-z])(?:loves?|lovely|nice)(?![a-z])/.test(n));
/** A smell of chemicals, not of food or a scent (螺蛳粉, durian, coffee, a candle: found in review). */
const CHEMICAL = /化学|甲醛|油漆|胶水|刺鼻|塑料味|(?<![a-z])(?:chemical|formaldehyde|paint|glue|plastic|solvent|toxic)(?![a-z])/;
/** The goods are here: a smell reported, not asked about beforehand ("does the new rug have a strong smell?"). */
const RECEIVED_NOW = /收到|到了|送到|刚到|已经到|装好|拆开|打开|买的|穿了|(?<![a-z])(?:reach(?:ed)?(?: already)?|arrived|came|delivered|got it|unboxed|opened|set (?:it )?up)(?![a-z])/;
/** Asked beforehand: "会不会熏得头晕", "will the smell make me dizzy?". */
const AIR_ASKED = /(?:会不会|会|怕)[^，,。]{0,8}(?:头晕|过敏|中毒)|(?<![a-z])(?:(?:will|could|would|might|can|does|do)\b[^.?!]{0,20}\bmake (?:me|you|us|him|her|them|anyone)|(?:will|could|would) it)(?![a-z])/;
/**
 * Asked whether food gone bad may still be eaten ("虾有味了还能吃不 俺老伴说煮煮透了就没事": a Qingdao shop, thirty-ninth session,
 * offered the claim entry behind a "did you mean"): no, said first, and a person for the claim.
 */
// Insects in what was already drunk or eaten ("上次买的胎菊泡出来水里有小虫子在动 我已经喝了两杯了": a Hangzhou tea shop, forty-fifth session, "not sure").
// A bag of food swollen, asked whether it can still be eaten ("兔头袋子鼓起来了胀得像个气球 还能吃不": a Chengdu shop, forty-ninth session, a plain hand-over).
const SPOILED_EAT = /(?:虫子|小虫|活虫|虫卵|肉虫)[^。？?]{0,16}(?:已经|都|刚)(?:喝了|吃了|喝下|吃下)|(?:喝了|吃了)[^。？?]{0,10}(?:才发现|发现)[^。？?]{0,8}(?:虫子|小虫|活虫)|(?<![a-z])(?:(?:bugs?|insects?|weevils?|maggots?|larvae)\b[^.?!]{0,40}\b(?:already |just )?(?:drank|drunk|ate|eaten|had (?:some|a cup|two cups))|(?:drank|ate|had)\b[^.?!]{0,30}\b(?:before|then) (?:i |we )?(?:saw|noticed|found) (?:the )?(?:bugs?|insects?|weevils?|maggots?))(?![a-z])|(?:有味|有股味|异味|发臭|臭了|变味|变质|发霉|长毛|霉了|坏了|馊了|不新鲜|发黏|发粘|酸酸的|发酸|变酸|酸了)[^。？?]{0,16}(?:还)?(?:能|可以)(?:吃|喝)(?:不|吗|么|嘛|没|不能)|(?:袋子|包装袋?|罐头|罐子|盒子|瓶子|盖子)[^。？?]{0,6}(?<!没有|没|不)(?:鼓起来|胀起来|胀气|鼓鼓的|胀得)[^。？?]{0,16}(?:还)?(?:能|可以)(?:吃|喝)(?:不|吗|么|嘛|没|不能)|(?:还能不能|还能|还可以)(?:吃|喝)[^。]{0,12}(?:有味|异味|臭|变质|发霉|长毛|不新鲜)|(?<![a-z])(?:(?:smells? (?:off|bad|funny|weird|fishy)|tastes? (?:off|bad|funny|weird)|gone off|mou?ldy|spoil(?:ed|t)|rotten)\b[^.?!]{0,40}\b(?:(?:still )?(?:ok|okay|safe|fine) to (?:eat|drink)|can (?:i|we|you) (?:still )?(?:eat|drink|cook)|if (?:i|we) cook|should (?:i|we) (?:stop|keep) (?:eating|drinking|taking))|(?:still )?(?:ok|okay|safe|fine) to (?:eat|drink)\b[^.?!]{0,30}\bif (?:it|they) (?:smells?|tastes?) (?:off|bad|funny|weird|fishy))(?![a-z])/;
/** Food meant sour or strong ("这个酸奶酸酸的还能吃吗", "the blue cheese smells funny": found in review). */
const MEANT_SO = /酸奶|酸菜|泡菜|醋|柠檬|榴莲|臭豆腐|螺蛳粉|纳豆|(?<![a-z])(?:yog(?:h)?urt|kimchi|vinegar|sauerkraut|kombucha|durian|blue cheese|natto|sourdough)(?![a-z])/;
/** "the protein powder smells bad, should i stop using it" (a US vitamins shop, forty-first session: "did you mean: cancel my order?"), of what is eaten only. */
const SPOILED_STOP = /(?<![a-z])(?:smells? (?:off|bad|funny|weird|fishy)|tastes? (?:off|bad|funny|weird)|gone off|mou?ldy)\b[^.?!]{0,40}\bshould (?:i|we) (?:stop|keep) using(?![a-z])/;
// Not washing powder, baby powder or a massage oil (found in review).
const EATEN_GOODS = /(?<![a-z])(?:protein|whey|formula|milk|juice|tea|coffee|food|snacks?|supplements?|vitamins?|gumm(?:y|ies)|sauce|honey|jam|nuts|cereal|granola|shakes?|fish oil|olive oil|cooking oil)(?![a-z])/;
const NOT_EATEN = /(?<![a-z])(?:washing|laundry|baby powder|talc|massage|body|bath|essential|hair|engine)(?![a-z])/;
/** No insect at all, or a spray against them ("你们家茶叶从来没有虫子 我都喝了好几年了", "the bug spray works great": found in review). */
const NO_BUGS = /没有?(?:发现)?(?:虫|小虫)|从来没有|(?<![a-z])(?:no (?:bugs|insects|weevils)|bug spray|insect repellent|without (?:bugs|insects))(?![a-z])/;
/**
 * Food gone bad, eaten or drunk before it was seen ("吃了你们的月饼才发现里面长毛了", "the milk was off, my daughter drank a whole glass",
 * "腊肠吃了之后一直吐，是不是坏了": the development danger set, forty-fifth session, 6 of 30 read); not binned uneaten, nor asked
 * beforehand ("还能吃吗", "is it safe to eat"). A sign that no food is meant so ("鼓包", "不对劲", "长毛") reads even yogurt.
 */
const GONE_BAD_ZH = '(?<!是不是|会不会|是否|有没有)(?:发霉|霉点|黴點|长毛|長毛|生咗[^，,。]{0,2}霉|霉了|变质|坏了|是坏的|馊|臭得|发臭|发酸|结块|鼓包|鼓起来|味道不对|不对劲|黏糊糊|拉丝|化了又冻)';
// Cantonese 食咗 as the normaliser leaves it ("啲月餅食咗先見到發霉": the third development danger set, forty-ninth session).
const ATE_ZH = '(?:吃了|喝了|吃完|喝完|食咗|(?<![零主粮])食了|已经吃|吃了两口|吃了半)';
// Eaten, then found off, sour or rancid ("ate most of the chicken b4 noticing it's off", "my baby drank formula that smelled off",
// "protein shake smelt rancid after I'd downed it": the third development danger set, forty-ninth session).
const SPOILED_ATE = new RegExp(
  `${GONE_BAD_ZH}[^。？?]{0,20}${ATE_ZH}|${ATE_ZH}[^。？?]{0,20}${GONE_BAD_ZH}|(?<![a-z])(?:mou?ld\\w*|(?:was|is|went|gone|smelled|smelt|tasted|smells|tastes) (?:off|funny|bad|fizzy|fermented|sour|rancid)|rotten|spoiled|spoilt|slimy|fizzing|fermented|weevils?|green spots|blue fuzz|fuzzy mould|(?:lid|can|tin|jar|pouch) was (?:bulging|swollen|bloated))\\b[^.?!]{0,50}\\b(?:ate|eaten|eating|drank|drunk|downed|had (?:a|half|some|two|it)|finished)(?![a-z])|(?<![a-z])(?:ate|eaten|eating|drank|drunk|finished|downed)\\b[^.?!]{0,60}\\b(?:mou?ld\\w*|rotten|slimy|green spots|(?:(?:it'?s|it is|its|it was|they were|smelt|smelled|tasted|smells|tastes)(?: really| a bit| kinda| kind of)? (?:off|rancid)|(?:smelt|smelled|smells)(?: really| a bit| kinda| kind of)? sour))(?![a-z])`,
);
const NOT_EATEN_YET = /没吃|没喝|还没吃|还没喝|扔了|还能吃|还能喝|能吃吗|能喝吗|(?<![a-z])(?:(?:didn'?t|did not) (?:eat|drink)|did not (?:eat|drink)|(?:haven'?t|have not) (?:eaten|drunk)|not eaten|binned|threw (?:it|them) (?:away|out)|before eating|can i still (?:eat|drink)|is it (?:safe|ok|okay) to (?:eat|drink))(?![a-z])/;
const STRONGLY_BAD = /鼓包|鼓起来|不对劲|长毛|發霉|发霉|霉点|(?<![a-z])(?:mou?ld\w*|bulging|fizz\w*|fermented)(?![a-z])/;
const spoiledAte = (n: string): boolean => SPOILED_ATE.test(n) && !NOT_EATEN_YET.test(n) && (!MEANT_SO.test(n) || STRONGLY_BAD.test(n));
// Bags puff up at altitude ("寄到西藏 薯片袋子都鼓起来了 还能吃吗": found in review).
const spoiledEaten = (n: string): boolean => !/西藏|高原|海拔|拉萨|青海/.test(n) && (((SPOILED_EAT.test(n) && !NO_BUGS.test(n)) || (SPOILED_STOP.test(n) && EATEN_GOODS.test(n) && !NOT_EATEN.test(n))) && !MEANT_SO.test(n)) || spoiledAte(n);
/**
 * Someone posing as the shop, or a stranger asking for money or a code ("有个人打电话说是你们店的客服…让俺加他微信扫个码", "someone on
 * instagram… DM'd me offering a Birkin… if I pay by bank transfer… should I pay?": two shops, thirty-ninth session, the quality-claim
 * text and "did you mean how soon do you ship after payment"): stop, don't pay, the bank and the police if paid.
 */
// A text or a call that says it is ours ("我妈收到一条短信说是你们店的 让她点链接交运费 她已经付了": found in review, nothing).
// Or by the shop's own name ("bro got someone whatsapp me say from hobby shop, … send me a link to pay. is that u guys??": a Singapore
// hobby shop, forty-ninth session, given the parcel's tracking and an offer to chase the carrier).
// A page on a social site that took the money ("a facebook page asked me to pay by bank transfer… i already sent $78": a Melbourne shop,
// fiftieth session, a plain hand-over).
// The courier too with a scam's act ("说是快递丢件理赔 … 钱被转走了", "安全账户": found in review), not a courier's plain notice.
const POSES = /冒充|假冒|假客服|(?:短信|信息|电话|消息|来电)[^。？?]{0,8}(?:说是|自称|冒充|话系|讲系|说系)[^，,。？?]{0,6}(?:你们|你家|你哋|店里|商家|客服)|(?:短信|信息|电话|消息|来电)[^。？?]{0,8}(?:说是|自称|冒充)[^，,。？?]{0,6}快递(?=[^。？?]{0,40}(?:理赔|丢件|违禁|安全账户|加(?:他|她)?微信|转账|转了\d|银行卡|验证码|钱被转走|共享屏幕|(?<!菜鸟|丰巢|驿站)下载(?![^。？?]{0,10}取件)))|(?:有人|有个人|有个|一个人|对方|陌生人|那人|(?:抖音|快手|小红书|微信|闲鱼|淘宝)(?:号|账号|上))[^。？?]{0,16}(?:说是|自称|自称是|说他是|话系|话佢系|讲系|说系)[^，,。？?]{0,6}(?:你们|你家|你哋|店里|商家|客服|快递|业务员)|(?<![a-z])(?:(?:someone|somebody|a guy|a man|a woman|a person)\b[^.?!]{0,60}\b(?:from|is from|claims to be from|says he'?s from|says she'?s from|pretending to be from) (?:your|the) (?:shop|store|team|company)|(?:someone|somebody|a guy|a man|a woman|a person)\b[^.?!]{0,30}\b(?:whatsapp\w*|messaged|texted|called|rang|dm'?d|emailed) (?:me|my \w+|her|him|us)\b[^.?!]{0,20}\bfrom (?:ur |u |your |the )?(?:[a-z0-9&'-]+ ){0,3}(?:shop|store)|(?:got|received|had) a (?:text|sms|message|call|email)\b[^.?!]{0,100}\b(?:pay|fee|transfer|link|card)|impersonat\w*|pretend(?:ing|ed|s)? to be|fake (?:account|page|shop|site|website|seller|agent)|(?:a|some|this) (?:facebook|fb|insta(?:gram)?|tiktok|marketplace|whatsapp) (?:shop )?(?:page|account|shop|seller|group)\b[^?!]{0,100}\b(?:(?:asked|told|wanted|got) (?:me|us|her|him) to (?:pay|transfer|send|bank)|i (?:already |just )?(?:paid|sent|transferred))|is (?:this|that) (?:really )?the real (?!gold|silver|leather|wool|silk|cashmere|diamond|pearl)[a-z0-9&'. -]{2,30}\?|is (?:this|that) (?:the )?real (?:shop|you|account)|(?:is|was) (?:that|this) (?:insta(?:gram)?|facebook|tiktok|whatsapp)?\s?(?:account|page|number) (?:you|yours|real|legit)|(?:dm'?d|messaged?|texted|called|emailed|contacted) (?:me|my \w+|her|him|us)\b[^.?!]{0,40}\b(?:offering|saying|claiming))(?![a-z])/;
/** The shop itself called a scam: an accusation, a complaint ("你们是骗子吧，付了定金两个月了还不发货", "your shop is a scam"). */
const ACCUSES = /你们[^，,。？?]{0,4}(?:骗子|诈骗|骗人)|你家[^，,。？?]{0,4}(?:骗子|诈骗)|(?<![a-z])(?:you(?:'re| are)? (?:a )?(?:scam\w*|fraud\w*)|(?:your|this) (?:shop|store|site|website|company) is (?:a )?(?:scam|fraud)|you guys (?:are )?(?:a )?scam\w*)(?![a-z])/;
// A sum to transfer ("someone whatsapp me say they from ur shop, ask me transfer $50 to release my parcel": a Singapore shop,
// forty-fourth session, answered with the order's status).
// Paid already, by the buyer or the relative ("she paid", "点链接付了2块钱": found in review).
// An identity number asked for too ("有人打嚟話係你哋客服 問我攞身份證號碼": a Hong Kong phone shop, fifty-first session, "did you mean warranty?").
// An ID copy "for customs" asked by a caller posing as the shop's courier ("我收到一個電話話係你哋順豐，要我俾身份證影印本清關，係咪真㗎": a Guilin
// shop's Hong Kong buyer, fifty-first session, the parcel's status).
const WANTS_PAYMENT = /输(?:了|入了?)银行卡|身份证号|身份证号码|身份证(?:的)?(?:照片|正反面|影印本|复印件)|(?:转|给他|给她|给对方)[^，,。]{0,4}付了\d|已经付了\d{2,}|钱被转走|安全账户|点(?:了|开)?(?:那个)?链接|(?:交|付)了?(?:运费|关税|手续费|\d+块钱?)|(?:她|他|我|我妈|我爸)?已经付了|扫码|扫了|扫个码|验证码|转账|汇款|加(?:他|她|我)?微信|加qq|备用金|共享屏幕|屏幕共享|银行卡号|退款链接|领退款|打钱|atm|解除分期|取消分期|保证金|订金|定金|私人(?:支付宝|微信|账户|账号|户口)|转\d+(?:蚊|块|元)|(?<![a-z])(?:transfer (?:them |him |her )?(?:s?\$|rm|£|€|¥)\s?\d+|paynow|payid|deposit|e-?transfer|interac|new (?:bank )?account|personal account|iban|redelivery fee|card (?:details|number)|bank (?:details|login)|(?:re-?)?enter (?:my |your |her |his )?(?:bank|card)|bank transfer|wire (?:it|the money|transfer)|sort code|gift cards?|crypto|bitcoin|zelle|venmo|western union|verification code|one-?time code|otp|card details|should i pay|pay (?:them|him|her|by bank|upfront|a deposit)|hkid|nric|ssn|id (?:card )?number|identity card|passport number|(?:she|he|i|they|mum|mom|dad) (?:already |just )?paid|paid (?:the|a) fee|pay (?:the )?customs)(?![a-z])/;
/** A scam's own steps, whoever asked: a refund "collected" by scanning a code, a code read out to a caller. */
// A code already given ("刚才快递员打电话要验证码，我给了", "gave the 'courier' my OTP": a development danger set, forty-ninth session).
// A screen shared and the money gone, a prize with a fee ("My mum did a screen share with a 'shop agent' and now money is gone", "Got a
// message from “you” saying I won a prize and needed to pay a fee. Paid it.": the third development danger set, forty-ninth session).
// A "claim" for a lost parcel that wants a code scanned, an app or an ID number ("有人给我打电话说我快递丢了要理赔，让我扫码下载个APP，还问我要身份证号":
// a Suzhou shop, fifty-first session, the parcel's card), and what was given away ("我已经把身份证号告诉他了", "我已經俾咗身份證同地址佢": the FAQ's list, "no orders").
const SCAM_STEPS = /(?:有人|有个人|打电话|打嚟|来电|电话|自称|说是|话系|陌生)[^。？?]{0,24}(?:理赔|赔偿)[^。？?]{0,30}(?:让我|叫我|要我|问我要|问我|找我要|叫我去|叫我俾)[^。？?]{0,10}(?:扫码|扫二维码|下载|app|身份证|银行卡|验证码|转账|共享屏幕|加(?:他|她)?微信)|(?:身份证号?|身份证号码|银行卡号|卡号|银行卡密码|支付密码|取款密码|验证码)[^，,。？?]{0,8}(?:(?:告诉|给|报给|发给)(?:了(?:他|她|对方|那人|那个人|骗子)|(?:他|她|对方|那人|那个人|骗子)了)|(?:俾咗|畀咗)(?:佢|对方)?)|(?:俾咗|畀咗|给了|告诉了)(?:佢|他|她|对方)?(?:我的?)?(?:身份证|银行卡号|卡号|验证码)|中奖[^。？?]{0,16}(?:手续费|交钱|付钱|转账|保证金)|(?<![a-z])(?:screen ?shar\w*\b[^.?!]{0,60}\b(?:money|funds|savings)\b[^.?!]{0,20}\b(?:gone|taken|missing|disappeared|withdrawn)|(?:won|winner of) a (?:prize|gift|reward|voucher)\b[^.?!]{0,40}\b(?:pay|fee|transfer))(?![a-z])|(?<!签收|取件|收货)验证码[^。？?]{0,8}(?:我|已经|都)?(?:给了|给他了|给她了|告诉(?:他|她)了|报给(?:他|她)了|发(?:给(?:他|她))?(?:过去)?了)|(?<![a-z])(?:(?:gave|sent|told|shared|read out) (?:the |them |him |her |it to )?(?:'?[a-z]+'? )?(?:my |the |a )?(?:otp|verification code|one-?time (?:pass)?code)(?! for the (?:delivery|locker|parcel))|(?:otp|verification code)\b[^.?!]{0,40}\bi (?:already |just )?(?:sent|gave) (?:it|them))(?![a-z])|(?:扫码|扫了码|扫个码|扫二维码)[^。？?]{0,6}(?:领|退|返)(?:款|钱)|(?:让我|让俺|叫我|叫俺|他让|她让)[^。？?]{0,10}(?:输|报|说|告诉他|发给他)[^。？?]{0,4}验证码|(?<![a-z])(?:(?:asked|wants?|told) (?:me )?(?:for|to (?:read|give|send|share)) (?:the |my |a )?(?:[a-z]+ )?(?:verification|one-?time|security) code)(?![a-z])/;
/** Asked outright whether it was a scam ("这是不是诈骗啊", "its a scam isnt it", "is it real or scam"): it is treated as one. */
// Asked, not an accusation ("this is a scam, reporting u" is a complaint).
const SCAM_ASKED = /(?:这|这个|那个|他|她|对方)(?:是不是|是)(?:诈骗|骗子|骗局)|是不是(?:诈骗|骗子)|(?<![a-z])(?:is (?:this|it|that) (?:a )?scam|(?:(?:it'?s|it is)|its|this is|(?:that'?s|that is)) a scam,? (?:isn'?t|is not|is) it|real or (?:a )?scam)(?![a-z])/;
/** Posing named as such: no word of money needed. */
const IMPERSONATES = /冒充|假冒|假客服|(?<![a-z])(?:impersonat\w*|pretend(?:ing|ed|s)? to be)(?![a-z])/;
/** Asked of the shop itself ("你们是不是骗子"): a complaint, not a scam told. */
const OF_THE_SHOP = /你们|你家|你哋|(?<![a-z])(?:you guys|your shop)(?![a-z])/;
/**
 * A mail or a text asking to pay again or elsewhere, asked whether it is the shop's ("i got email from \"berlin-refurb-payments\"
 * that my payment failed and i should pay again with bank transfer to a lithuanian IBAN. is that you?": a Berlin shop, fortieth
 * session, "not sure"), or money already sent to the account it named. Not a declined card or a payment link of the shop's own
 * ("got a message that my card was declined, can i pay again?": found in review).
 */
const PHISHING = /(?<![a-z])(?:(?:got|get|received|had) (?:an? )?(?:text|sms|message|e-?mail|mail|whatsapp)\b[^?!]{0,160}\b(?:iban|(?:should|must|need to|asked me to|told me to|wants me to) (?:pay|transfer|send)\b[^?!]{0,60}\bis (?:that|this|it) (?:really )?(?:you|from you|legit|real))|transferr?ed\b[^?!]{0,60}\bto the (?:iban|account) (?:from|in|on) the (?:e-?mail|mail|text|sms|message))(?![a-z])/;
/** Help asked of the shop's own people ("can someone from your shop tell me where to enter my bank details": found in review). */
const HELP_ASKED = /(?<![a-z])(?:(?:can|could|would|will) (?:someone|somebody|anyone|a person)|i need (?:someone|somebody)|(?:help|tell|show) me (?:where|how) to)(?![a-z])/;
/** Someone already in touch, posing ("someone rang saying they're from your shop…, can someone call me back": found in review): a scam told, help asked or not. */
const CONTACTED = /(?<![a-z])(?:(?:rang|called|phoned|messaged|texted|emailed|dm'?d|whatsapp\w*|contacted) (?:me|my|her|him|us)|claiming|pretending|asked (?:me )?for my|(?:rang|called|emailed|messaged) (?:asking|saying|and)|saying (?:they'?re|he'?s|she'?s|he is|she is|they are) from)(?![a-z])/;
/** Asked whether it was the shop ("was that from you lot?", "is that you"): with someone posing, a scam. */
const OURS_ASKED = /(?<![a-z])(?:(?:was|is) (?:that|this|it) (?:really )?(?:from )?(?:you|u|you lot|you guys|your shop|ur shop|legit|real))(?![a-z])|是你们吗|是不是你们/;
/** Paying to an account someone passed on ("my friend say he got your paynow number from whatsapp, can i just transfer to that number?": a Singapore shop, fifty-first session, "not sure"). */
// Given to the buyer, not asked for ("Can I get the PayNow number from WhatsApp instead?", "the payment confirmation from WhatsApp": found in review).
const ACCOUNT_PASSED_ON = /(?<![a-z])(?<!(?:can|could|may|should|shall) i )(?:got|get|received|sent me|gave me|whatsapp(?:ed)? me|texted me|forwarded me) (?:your |a |the |their |an? )?(?:paynow|payid|bank|dbs|ocbc|uob|account|acc)(?: (?:account |acct )?(?:number|no|details|qr))?\b[^.?!]{0,30}\b(?:from (?:whatsapp|telegram|wechat|facebook|fb|instagram|ig|tiktok|sms|a text|someone)|(?:say|said|saying) (?:must|need|have to|to) (?:pay|transfer))(?![a-z])|(?:someone|a guy|somebody)\b[^.?!]{0,30}\b(?:whatsapp|telegram|wechat)\w*\b[^.?!]{0,20}\b(?:paynow|payid|bank|account|acc)\w*|(?:从|在)(?:微信|whatsapp|脸书|朋友|别人)[^，,。？?]{0,8}(?:拿到|要到|得到|收到)[^，,。？?]{0,6}(?:你们)?的?(?:收款|付款|转账)?(?:账号|账户|paynow|二维码|码)|(?:有人|对方|那人)[^，,。？?]{0,10}发了?(?:个|一个|张)?(?:收款码|付款码|二维码|账号)给我/;
/**
 * A text about a parcel with a fee and a link ("收到短信說包裹地址不全要補運費$15，叫我㩒連結", "got an sms saying my parcel is held, pay $15
 * via link": a Hong Kong and a Dublin shop, fifty-first session, "not sure"); not one the buyer saw through and left alone.
 */
// Or any text with a link that wants card details ("刚收到条短信说我的快递地址有问题，让点链接重新填银行卡信息领赔偿，是你们发的吗": a Xi'an shop,
// fifty-first session, the order's status).
const PARCEL_TEXT_SCAM = /(?:短信|信息|讯息)[^。？?]{0,30}(?:地址不全|地址不详|地址有误|地址错误|地址有问题|地址异常|无法派送|派不到|派唔到|补(?:交)?运费|补邮费|重新派送|二次派送|关税|手续费)[^。？?]{0,30}(?:链接|连结|网址|(?<![a-z])link(?![a-z]))|(?:短信|信息|讯息|邮件)[^。？?]{0,40}(?:链接|连结|网址|网站)[^。？?]{0,12}(?:填|输入|输|提供|上传)[^。？?]{0,6}(?:银行卡|信用卡|卡号|验证码|支付密码|身份证)|(?<![a-z])(?:(?:got|received|had) (?:an? )?(?:text|txt|sms|message|whatsapp|email)\b[^?!]{0,80}\b(?:parcel|package|delivery)\b[^?!]{0,60}\b(?:(?:pay|fee)\b[^?!]{0,40}\b(?:link|click|at [a-z0-9-]+\.(?:co|com|net|info|xyz|top|site|online|nz|au|uk)\b)|(?:link|click) to pay|(?:link|click here)\b[^?!]{0,30}\benter (?:your |my )?card))(?![a-z])/;
const NOT_TAKEN_IN = /没点|没有点|没理|没回|没付|没扫|删了|拉黑|举报了|不用填|不需要填|不用输|(?<![a-z])(?:(?:didn'?t|did not|never|won'?t|will not) (?:click|tap|pay|open|reply)|ignored it|deleted it|blocked (?:it|them|the number)|reported it|no fee|nothing to pay)(?![a-z])/;
/** An ID given or asked for customs or a real-name check ("清关需要身份证号，我已经给了": found in review), not to someone posing. */
const ID_FOR_CUSTOMS = /清关|海关|报关|实名/;
function scamReported(n: string): boolean {
  if (ACCUSES.test(n) || (ID_FOR_CUSTOMS.test(n) && !POSES.test(n) && !/链接|连结|网址|网站|(?<![a-z])(?:link|click)/.test(n))) return false;
  if ((PARCEL_TEXT_SCAM.test(n) || ACCOUNT_PASSED_ON.test(n)) && !NOT_TAKEN_IN.test(n)) return true;
  if (POSES.test(n) && OURS_ASKED.test(n) && (WANTS_PAYMENT.test(n) || /链接|(?<![a-z])link(?![a-z])/.test(n))) return true;
  if (PHISHING.test(n)) return true;
  if (SCAM_STEPS.test(n) || (SCAM_ASKED.test(n) && !OF_THE_SHOP.test(n))) return true;
  return POSES.test(n) && (IMPERSONATES.test(n) || ((!HELP_ASKED.test(n) || CONTACTED.test(n)) && (SCAM_ASKED.test(n) || WANTS_PAYMENT.test(n))));
}

// The goods in focus may be the device ("而且充一下就超燙" of the charger just told: found from outside, "not sure").
/** A danger told before a question of use ("it was smoking and smells burnt, does it always…?"): the question does not unsay it. */
const REPORTED_BEFORE = /冒烟了|烧焦|着火了|(?<![a-z])(?:(?:battery|batteries|power ?bank|charger|cells?|pack)\b[^.?!,]{0,20}\b(?:leaking|hissing|bulging|swelling|sparking|popping|making a (?:hissing|popping|crackling) (?:noise|sound))|(?:was|were|is|(?:it'?s|it is)|its) smoking|smoked|sparked|melted|burn(?:ed|t) (?:my|the|his|her)|caught fire|exploded|got (?:really |so |very |super )?hot|smells? burn\w*|started (?:to )?smok\w*)(?![a-z])/;
/** A sign told before the question of use that follows it ("sparks came out of the plug, does it normally get hot?": found in review). */
const signBeforeAsked = (n: string): boolean => {
  const at = SAFETY_ASKED.exec(n)?.index ?? 0;
  const before = n.slice(0, at);
  return at > 0 && (REPORTED_BEFORE.test(before) || SAFETY_SIGN.test(before) || batterySwells(before) || (SAFETY_HEAT.test(before) && DEVICE.test(before)));
};
/**
 * Electric blankets and heating pads burning ("电热毯…闻到一股焦味道，毯子角落发黑了": a Suzhou bedding shop, fifty-first session, "not
 * sure"); not merely hot, which is what they are for.
 */
const HEATED_BEDDING = /电热毯|电褥子|电热垫|加热垫|电热水袋|(?<![a-z])(?:electric (?:blanket|throw|underblanket)|heated (?:blanket|throw|underblanket)|heating pad|heat pad)(?![a-z])/;
const BEDDING_BURNS = /焦味|糊味|烧焦|烧糊|焦了|糊了|冒烟|火花|起火|着火|烧的味|烧了个洞|(?<![a-z])(?:burn(?:ing|t)? smell|smells? (?:like |of )?burn\w*|burn marks?|smok(?:e|ed|es|ing|y)|spark\w*|scorch\w*|caught fire|on fire|melted)(?![a-z])/;
/** Said not to burn, or of another shop's, or asked before buying ("一点焦味都没有", "no burning smell at all", "有防火花设计吗", "之前别家的烧焦了": found in review). */
const BEDDING_NOT = /没有?|不会|不是|无|防|以免|有没有|(?<![a-z])(?:no|not|without|never|any)(?![a-z])/;
const BEDDING_ELSE = /想买|买之前|之前别家|别家的|说明书|风险|(?<![a-z])(?:thinking of buying|before (?:i )?buy\w*|smoker)(?![a-z])/;
function beddingBurns(n: string): boolean {
  const m = BEDDING_BURNS.exec(n);
  if (!m || !HEATED_BEDDING.test(n) || BEDDING_ELSE.test(n) || BEDDING_WORRY.test(n) || SAFETY_ASKED.test(n)) return false;
  const end = m.index + m[0].length;
  return !BEDDING_NOT.test(n.slice(Math.max(0, m.index - 8), m.index)) && !/^[^,，。.!?？]{0,4}(?:都没|没有|都不|不)/.test(n.slice(end, end + 6));
}
/** The burning supposed, not smelled ("电热毯会不会有焦味", "will it catch fire?"); not "…角落发黑了，会不会出事" after it was. */
const BEDDING_WORRY = /(?:会不会|会不|怕|担心|如果|万一)[^,，。.!?？]{0,8}(?:焦味|糊味|烧焦|烧糊|冒烟|火花|起火|着火)|(?<![a-z])(?:(?:will|would|could|can) it\b[^.?!]{0,12}\b(?:catch fire|burn|smoke|spark|scorch)|(?:if|in case|what if) it)(?![a-z])/;
/** A device that trips the power ("every time i switch on the whole house power trip sia": a Singapore shop, fifty-first session, "didn't get that"). */
const TRIPS_POWER = /跳闸|跳掣|(?<![a-z])(?:trips? (?:the )?(?:whole )?(?:house(?:'s)? )?(?:power|mains|breaker|electricity|fuse|rcd)|(?:house|whole|the|our) (?:power|breaker|fuse|mains|electricity|rcd) (?:keeps? )?trip\w*|(?:breaker|fuse|mains|rcd) (?:keeps? )?trip(?:s|ped|ping)|power trip(?:s|ped) |(?:blows?|blew|blowing) (?:the )?fuses?|(?:plug|switch|turn) (?:it |in |on )?[^.?!]{0,30}\b(?:electricity|power) (?:cuts|cut|goes|went) (?:off|out))(?![a-z])/;
// Nor the load of several at once, asked of ("what's the wattage of the hair dryer, our fuse trips sometimes when the kettle's on too").
// Nor another cause ("昨晚小区停电跳闸了", "电工说跳闸是空调的问题", "the old kettle used to trip the breaker": found in review).
const TRIP_SUPPOSED = /会不会|如果|万一|功率|有时候|同时|停电|小区|空调|不是|以前|打雷|(?<![a-z])(?:if|will it|would it|does it|does the|do they|can it|could it|in case|wattage|watts?|sometimes|at the same time|together|used to|old|storm|thunderstorm|lightning|power cut|outage|nothing to do|aircon|not)(?![a-z])/;
export const reportsDanger = (n: string, goods = ''): boolean =>
  beddingBurns(n) ||
  (TRIPS_POWER.test(n) && DEVICE.test(n) && !SAFETY_ASKED.test(n) && !TRIP_SUPPOSED.test(n)) ||
  alarmSounding(n) === 'gas' ||
  (!SAFETY_ASKED.test(n) || REPORTED_BEFORE.test(n) || signBeforeAsked(n) || SIGN_ASKED_OF.test(n) || gasSmelled(n)) && !requestOfIt(n) && (SAFETY_SIGN.test(n.replace(FOOD_SWOLLEN, ' ')) || GAS_LEAK.test(n) || batterySwells(n) || (SAFETY_HEAT.test(n) && DEVICE.test(n)) || (HOT_IN_USE.test(n) && !NOT_THE_DEVICE.test(n) && DEVICE.test(goods.toLowerCase())));
/**
 * A swollen can or pouch of food ("那罐头有几罐是鼓包的", "鼓包的罐头", "the tins are bulging"): spoiled food, no battery (a Beijing
 * pet shop, thirty-sixth session: told to unplug it and keep it from anything flammable).
 */
const FOOD_SWOLLEN = /(?:罐头|罐子|罐|酸奶|牛奶|饮料|包装袋|袋子|零食|食品|果冻|猫条|湿粮|餐包)(?:(?!电池|充电宝|移动电源|尿袋)[^，,。？?\s]){0,6}鼓包|鼓包[^，,。？?\s]{0,4}(?:罐头|罐子|罐|酸奶|牛奶|饮料|包装袋|袋子|零食|食品|湿粮|餐包)|(?<![a-z])(?:(?:swollen|bulging|bloated|puffed(?: up)?) (?:cans?|tins?|pouch(?:es)?|lids?|packets?)|(?:cans?|tins?|pouch(?:es)?|lids?|packets?) (?:[a-z]+ ){0,2}(?:swollen|bulging|bloated|puffed))(?![a-z])/g;
/**
 * A swollen battery the buyer has, asked whether it is safe ("鼓包的电池放家里安全吗"): the danger, not a question before
 * buying; and its after-sales request asked after ("我那块鼓包的电池申请换新了 进度咋样了"): the request, not a new danger
 * told again (a Shenzhen drone shop, thirty-fifth session: safety text and a priority hand-over, three times).
 */
// A gas canister's swelling too ("the propane cylinder is bulging at the bottom, is it safe?": found in review).
const SIGN_ASKED_OF = /(?:鼓包|胀了|冒烟|鼓起来)[^，,。？?]{0,10}(?:安全吗|危险吗|有危险吗)|(?<![a-z])(?:swollen|bulging|bulged|bulged out|smoking)\b[^.?!]{0,20}\bis it (?:safe|dangerous)|(?<![a-z])(?:canister|cylinder|cartridge|gas bottle)s?\b[^.?!]{0,30}\b(?:swollen|bulging|bulged)\b[^.?!]{0,20}\bis it (?:safe|dangerous)(?![a-z])/;
/** Gas smelled now, whatever is asked beside it ("…hisses and i can smell gas when i screw the canister on. is it safe to use in the tent…?": a Sydney shop, forty-second session, "not sure"). */
const GAS_SMELLED = /闻到[^，,。？?]{0,4}(?:煤气|燃气|液化气|瓦斯|丁烷)味|(?<![a-z])(?:(?:i (?:can |could )?|(?:can|could) )(?:still )?smell (?:the )?(?:gas|propane|butane|lpg)|(?:it|(?:there'?s|there is) a) (?:still )?(?:smells?|stinks?) (?:of|like) (?:gas|propane|butane))(?![a-z])/;
/** Supposed, not smelled ("if i smell gas is it safe…", "如果闻到煤气味 安全吗", "does it smell of gas when new?": found in review). */
const GAS_SUPPOSED = /(?:如果|万一|要是|假如)[^。？?！!]{0,6}闻到|(?<![a-z])(?:if|in case|what if|suppose|when new|does it)\b[^.?!]{0,12}\bsmell/;
const gasSmelled = (n: string): boolean => GAS_SMELLED.test(n) && !GAS_SUPPOSED.test(n);
// A request already made, not one asked for now: "鼓包了 要退货" is still the danger first.
const ABOUT_REQUEST = /进度|审核|申请(?:了|的|过)|换新了|寄回|(?<![a-z])(?:status|progress|approved)(?![a-z])/;
const ACUTE = /冒烟|起火|着火|烧焦|焦味|爆炸|漏电|(?<![a-z])(?:smok\w*|fire|burning|explod\w*|spark\w*)(?![a-z])/;
const requestOfIt = (n: string): boolean => ABOUT_REQUEST.test(n) && !ACUTE.test(n);
/** Only the goods' own heat, not anger or the weather ("快气炸了", "今天好烫啊 外面": found in review). */
const HOT_IN_USE = /(?:充|插|用|开机|一充)[^，,。？?]{0,6}(?:很|超|特别|好|非常|就)?烫|发烫|过热|烫手|变烫|(?<![a-z])(?:gets? (?:so |very |really )?hot|overheat\w*|too hot to (?:hold|touch))(?![a-z])/;
const NOT_THE_DEVICE = /天气|外面|今天好|气炸|(?<![a-z])(?:weather|outside|here lol)(?![a-z])/;

const ASKS_FOR_SPECIALIST = /(?:转|找|联系|接|叫|换)(?:个|一下|下|一位|位)?(?:药师|医生|专家|营养师|技术人员|技术支持|工程师)|(?:我要|我想|让我|帮我)(?:跟|和|找)?(?:药师|医生|专家|营养师|工程师)(?:说话|聊聊|沟通)?$|(?:我要|我想|让我|帮我)(?:跟|和|找)(?:药师|医生|专家|营养师|工程师)|(?<![a-z])(?:talk|speak|connect|transfer|get|put)\b.{0,20}\b(?:pharmacist|doctor|specialist|technician|engineer)s?(?![a-z])/;
/** Asked about them, not for them ("找药师要钱吗", "药师几点上班"). */
const ASKS_ABOUT_SPECIALIST = /吗|几点|时间|什么时候|多少|收费|要钱|[?？]|(?<![a-z])(?:when|hours|what time|cost|free)(?![a-z])/;
/**
 * Something found in food that must not be there ("猫粮开袋了 里面有虫子！！！", "found a hair in the jerky"): a complaint, a
 * person first (a Harbin pet shop, thirty-third session: an unrelated refund's card). Not asked beforehand ("会不会长虫").
 */
// Not what a product holds (虫草, 玻璃杯, "a hair clip"), nor asked ("里面有虫草吗", "are there bugs in the flour you sell": found in review).
const FOREIGN_MATTER = /(?:里面|里头|袋子?里|罐头?里|盒子?里|吃出|发现)(?:有|了|个|一只|一根|好多|几只)*(?:活)?(?:虫子|小虫|虫(?![草])|蛆|头发|毛发|异物|玻璃渣|碎玻璃|玻璃碴|铁丝|塑料片)|(?:长|生)虫了|(?<![a-z])(?:found (?:a |an |some )?(?:bug|insect|maggot|weevil|worm|hair(?! ?(?:clip|tie|band|pin|brush|dryer|bow|comb))|piece of (?:glass|plastic|metal))s?|(?:bugs|insects|maggots|weevils|worms) (?:in|crawling in) (?:the|my|it|this|your))(?![a-z])/;
const FOREIGN_ASKED = /会不会|会长虫吗|怎么防|防虫|怕|[吗么嘛?？]|有没有|(?<![a-z])(?:will it|could it|how to (?:keep|prevent|stop)|prevent|does|do you|are there|is there|kill)(?![a-z])/;
/** An agent asked for by a name of the usual shape (小雅, 阿豪, 小李): not 小样, 小票 or a size. */
const NAMED_AGENT = /(?:帮我|给我|麻烦)?(?:找|叫|转给?|联系)(?:一下|下)?(?:客服)?(?:小|阿)(?![样票件号码份盒包瓶袋的点一些])\p{Script=Han}(?:姐|哥|妹)?(?=[\s，,。!！?？]|$)/u;
/** "I'll wait for the person", "我等人工吧": a person wanted, whatever else the message says. */
const WAITS_FOR_A_PERSON = /(?:我|那我)(?:就|先)?(?:等|等着)(?:人工|客服|真人)(?:吧|好了|回复|来)?(?=$|[\s，,。!！])|(?<![a-z])(?:(?:ok |okay |fine |so )?(?:(?:i'?ll|i will)(?: just)? wait|i wait|(?:i'?m|i am) waiting|i can wait) (?:for )?(?:the|a|an|your) (?:person|human|agent|real person|staff|team member)(?! (?:to (?:deliver|arrive)|delivery)))(?![a-z])/;
function personOrSafety(u: Understanding, text: string, goods?: string): Pick<Resolved, 'intent' | 'safety' | 'gas' | 'hazard' | 'health' | 'emergencyKind' | 'declined'> | undefined {
  // "不用转人工啦 我只是说一下": no person wanted, said in the words that ask for one (found from outside).
  if ((u.intent === 'human' || u.intent === 'unknown') && declinesPerson(text)) return { intent: 'unknown', declined: 'human' };
  // "你是机器人还是真人", "are you a bot or a real person": asked who answers, told honestly with the way to a person (found from outside: handed over unasked).
  if (u.intent === 'human' && asksWhoAnswers(text) && !ASKS_FOR_PERSON.test(u.normalized) && !WANTS_PERSON.test(u.normalized)) return { intent: 'unknown' };
  if (FOREIGN_MATTER.test(u.normalized) && !FOREIGN_ASKED.test(u.normalized)) return { intent: 'complaint' };
  const danger = dangerRead(u, text, goods);
  if (danger) return danger;
  // "ok I wait for the person. Thank you dear": waiting for a person is asking for one (a Melbourne shop, fiftieth session: "happy
  // shopping", never queued).
  if (WAITS_FOR_A_PERSON.test(u.normalized) && !declinesPerson(text)) return { intent: 'human' };
  // "都不是 帮我找小雅": the agent who served them, by name (a Xiamen shop, thirty-eighth session: "请换个说法").
  if (NAMED_AGENT.test(u.normalized)) return { intent: 'human' };
  // "我要找药师", "帮我转药师", "get me a pharmacist": a person of the shop's, asked for by their trade (found from outside: its hours were offered).
  if (ASKS_FOR_SPECIALIST.test(u.normalized) && !ASKS_ABOUT_SPECIALIST.test(u.normalized)) return { intent: 'human' };
  // "客服！！！", "客服", "customer service!!!": the word for a person alone calls one (found in review: the hours entry was offered).
  if (PERSON_TO_ACT.test(u.normalized) || CALL_THE_COURIER.test(u.normalized) || barePerson(u, text)) return { intent: 'human' };
  // "晚上几点还有人工", "what time are your agents on": when people are there, the shop's hours entry (found from outside: handed over).
  if (u.intent === 'human' && PEOPLE_HOURS.test(u.normalized) && !ASKS_FOR_PERSON.test(u.normalized) && !WANTS_DONE.test(u.normalized)) return { intent: 'faq' };
  // "禮拜六有人嗎", "anyone there on sundays": a day named, the hours asked (found from outside: greeted back).
  if ((u.intent === 'greeting' || u.intent === 'human') && DAY_SOMEONE.test(u.normalized) && SOMEONE_THERE.test(u.normalized) && !ASKS_FOR_PERSON.test(u.normalized) && !WANTS_DONE.test(u.normalized)) return { intent: 'faq' };
  // "非人為損壞是什麼意思", "what does 'non-manual damage' mean": a word of the shop's asked about, no trouble told (found from outside: a complaint).
  if ((u.intent === 'return_policy' || u.guessed) && MEANING_ASKED.test(u.normalized) && !/我的|我买的|收到/.test(u.normalized) && !TROUBLE_SAID.test(u.normalized.replace(TERM_ASKED, ' '))) return { intent: 'faq' };
  // "你们卖的奶粉是不是正品啊 有人说保税仓都是假货": asked before buying, the shop's entry on it, not a complaint (found from outside).
  // A fake bought elsewhere before is why they ask ("之前喺第二間買到假貨": found from outside, a priority hand-over).
  // "怕买到假货" is a fear, not a fake told (found from outside: a first buyer asking was queued as a complaint).
  if (u.intent === 'complaint' && ASKS_GENUINE.test(u.normalized) && !GOT_FAKE.test(u.normalized.replace(FAKE_ELSEWHERE, '').replace(FEARS_FAKE, ''))) return { intent: 'faq' };
  // "是正品吗 我上次在你们家买到假货": a fake from this shop is a complaint, however it is asked (found in a check: the entry was offered).
  if ((u.intent === 'faq' || u.intent === 'unknown' || u.guessed) && FAKE_HERE.test(u.normalized.replace(FAKE_ELSEWHERE, ''))) return { intent: 'complaint' };
  return u.intent === 'human' || u.intent === 'complaint' ? { intent: u.intent } : undefined;
}
/** The danger the robot's answer reads: the queue's reading (`readDanger`), as the dialogue resolves it. */
function dangerRead(u: Understanding, text: string, goods?: string): Pick<Resolved, 'intent' | 'safety' | 'gas' | 'hazard' | 'health' | 'emergencyKind'> | undefined {
  const read = readDanger(text, u.normalized, goods);
  // Advice is read as an FAQ question (the shop's own entry may answer it).
  return read === undefined ? undefined : read === 'advice' ? { intent: 'faq', health: 'advice' } : resolvedOf(read);
}
const HEALTH_KINDS: Readonly<Partial<Record<SafetyKind, HealthQuestion>>> = { emergency: 'emergency', battery: 'emergency', doctor: 'emergency', petEmergency: 'emergency', choking: 'emergency', headInjury: 'emergency', reaction: 'reaction', pet: 'pet' };
/** A danger as the dialogue answers it: the device's or the gas's advice, a hazard's, or a health answer (a reaction goes ahead in the queue). */
function resolvedOf(kind: SafetyKind): Pick<Resolved, 'intent' | 'safety' | 'gas' | 'hazard' | 'health' | 'emergencyKind'> {
  const health = HEALTH_KINDS[kind];
  if (health === 'emergency') return { intent: 'complaint', health, emergencyKind: kind as NonNullable<Resolved['emergencyKind']> };
  if (health) return { intent: 'complaint', health };
  if (kind === 'device') return { intent: 'complaint', safety: true };
  return kind === 'gas' ? { intent: 'complaint', safety: true, gas: true } : { intent: 'complaint', safety: true, hazard: kind as Hazard };
}
/** Whether anyone is there, asked as such ("有人吗", "anyone there", "are you open"): not a person asked for (found in review). */
const SOMEONE_THERE = /有人|有客服|上班|营业|(?<![a-z])(?:any(?:one|body)|some(?:one|body)|open|working)(?![a-z])/;
const DAY_SOMEONE = /(?:周|星期|礼拜)[一二三四五六日天末]|周末|假日|节假日|(?<![a-z])(?:on )?(?:weekends?|saturdays?|sundays?|public holidays?)(?![a-z])/;
// A term asked about, not "你们什么意思" (an angry "what do you mean by this"), and no trouble told beside it (found in review).
const MEANING_ASKED = /(?<!你们|你|您|这|这是)(?:是什么意思|是啥意思|是指什么)|(?<![a-z])(?:what does (?!that|this|it)[a-z' -]{2,40} mean|what is meant by)(?![a-z])/;
/** The term asked about, which may itself be a word of trouble ("非人為損壞"). */
const TERM_ASKED = /[^，,。.!！?？]*(?:是什么意思|是啥意思|是指什么|(?<![a-z])mean(?![a-z]))/;
const TROUBLE_SAID = /坏|错|破|漏|不给|骗|投诉|(?<![a-z])(?:scam|broke|broken|damaged|never|wrong|fake|refund me)(?![a-z])/;
/** Something asked to be done beside the hours ("几点有人工 帮我退款", "i need someone to sort out my refund"): a person. */
const WANTS_DONE = /帮我|给我|我要|(?<![a-z])(?:i need|need someone|sort (?:out|it)|help me|i want)(?![a-z])/;
/** The buyer says the cancellation was not theirs or not due. */
const DISPUTES_CANCEL = /明明|我(?:已经)?付(?:了|过|款了|钱了)|没(?:有)?(?:点)?取消|不是我取消|(?<![a-z])(?:i (?:did )?paid|i did pay|i (?:did not|(?:didn'?t|did not)|never) cancel)(?![a-z])/;
/** A fake this shop sold: told, not asked about ("收到的是假货吗" asks). */
const FAKE_HERE = /(?:收到|买到|寄来|发来|发给我)(?:的)?(?:是)?假(?:货|的)(?![吗么嘛?？])|卖假货(?![吗么嘛?？])/;
/** A fake feared, not had: "怕买到假货", "担心是假的", "worried it's fake". */
const FEARS_FAKE = /(?:怕|担心|害怕|万一|会不会|不会)[^，,。]{0,4}(?:买到|收到)?假(?:货|的)?|(?<![a-z])(?:worried|afraid|scared) (?:(?:it'?s|it is)|they'?re|they are|of getting) (?:a )?fakes?(?![a-z])/g;
/** A fake bought in another shop, before. */
const FAKE_ELSEWHERE = /(?:在|从)?(?:别家|别的店|别的地方|别人家|其他店|其他家|其它店|第二间|第二家|别处|外面|网上)[^，,。?？!！]{0,8}买(?:到|的)(?:了)?(?:是)?假(?:货|的)|(?<![a-z])(?:got|bought) (?:a )?fakes? (?:from|at|on) (?:another|other|a different) (?:shop|store|seller|site)(?![a-z])/g;
const ASKS_GENUINE = /是不是正品|是正品吗|正品吗|是不是真货|是真货吗|真货吗|是不是真的|是真的吗|是不是假的|会不会是假|有没有假货|保真吗|(?<![a-z])(?:is (?:it|this|that|your \w+) (?:genuine|authentic|real|original|fake)|are (?:they|these|your \w+) (?:genuine|authentic|real|original|fake))(?![a-z])/;
/** The buyer says what came is fake: a complaint still. */
const GOT_FAKE = /(?:收到|买到|买的|寄来|发来|发给我)(?:的)?(?:是)?假(?:货|的)|卖假货|投诉|举报|退款|退货|味道不一样|(?<![a-z])(?:complain\w*|refund|report|money back)(?![a-z])|(?<![a-z])(?:(?:got|received|sent me|sold me) (?:a )?(?:fake|counterfeit))(?![a-z])/;
const PEOPLE_HOURS = /(?:几点|什么时候|啥时候|到几点|几点到几点)(?:还)?(?:有|在)?(?:人工|真人|客服|人)(?!.{0,4}(?:转|找))|(?:人工|真人|客服)(?:几点|什么时候|啥时候)(?:上班|下班|在|有|回)|(?<![a-z])(?:what time (?:are|is|do) (?:your )?(?:agents?|staff|humans?|people|customer service)|when (?:are|is|do) (?:your )?(?:agents?|staff|humans?|customer service) (?:on|online|available|back|in))(?![a-z])/;
/**
 * Someone asked to do it ("can someone chase DPD", "can someone just do it for me", "有人能帮我催一下吗"):
 * a person, not the same answer again (found from outside: the tracking was repeated, a "did you
 * mean" offered). Not "can someone else sign for it", a question about the delivery.
 */
// What the robot cannot do itself: "can someone check where it is" is the tracking it can tell; "will someone help with sizing" asks about a visit.
// But a person found to look into it ("包裹不見了啦 找人幫我查": a Taipei shop, forty-eighth session, the tracking again); "有人能帮我查一下物流吗"
// is still the tracking.
const PERSON_TO_ACT = /(?<![a-z])(?:can|could|pls|please|i need|get) (?:someone|somebody|a person|a real person|an agent|a human|one of you)(?! else)(?: (?:just|please|pls|actually))? (?:chase|do it|do this|do that|sort|fix|call|ring|contact|update|change|arrange|redeliver|resend|speak|talk|deal|look into(?! where| what| when| how))(?![a-z])|有(?:没有)?人能(?:帮|给)我(?:催|改|处理|弄|联系|打电话|安排|补发|重发)|找(?:个)?人(?:帮|给)我(?:催|改|处理|弄|联系|查|找)/;

/** "can u call the driver pls", "帮我联系一下快递员": only a person can (found from outside: "not understood"). */
const CALL_THE_COURIER = /(?<![a-z])(?:(?:can|could|would) (?:you|u|someone)|pls|please) (?:please |pls )?(?:call|ring|phone|contact|text|message) (?:the|my|your) (?:driver|courier|rider|delivery (?:guy|man|driver|person))(?![a-z])|(?:帮我|麻烦你?|你们?能不能|能不能帮我|可以帮我|可不可以帮我)(?:联系|联络|打电话给|打给|催)(?:一下)?(?:快递员|快递小哥|骑手|司机|送货员|配送员|派件员|派送员)|(?:帮我|麻烦你?|请你?|你帮我|你们帮我|你去)(?:跟|和|给|告诉)(?:送货的?)?(?:司机|师傅|快递员|快递小哥|送货员|配送员|骑手)(?:说|讲|带)(?:一声|一下|个话)?|(?:让|叫)(?:司机|快递员|送货员|师傅)(?:晚点|明天|下午|上午|\d{1,2}点)/;
/** Taking back an after-sales request: "撤销退款申请", "不想退了", "withdraw the refund request". */
// The request named first too, and "我不退了": "那我不退了 申请能撤销吗" (a Hangzhou shop, thirty-fifth session: read as a new refund).
const WITHDRAWS_REQUEST = /(?:撤销|撤回|取消)(?:掉)?(?:这个|那个|我的)?(?:退款|退货|换货|售后)?(?:的)?申请|申请(?:能|可以|可不可以|能不能)?(?:撤销|撤回)|(?<!商家|卖家|店家|你们|客服|平台)(?:撤销|撤回|取消)(?:掉)?(?:这个|那个|我的)?(?:退货|换货)(?![^，,。]{0,6}(?:多久|到账|几天|运费|地址|怎么寄|影响|会不会|怎么回事|了吧))|(?:^|[，,\s]|算了|我)不(?:退|换)了(?!吗|[?？])|(?:撤销|撤回)(?:退款|退货|换货|售后)|(?:不想|不要|不打算)(?:退|换)了|(?:退款|退货|换货)不(?:退|换|要)了|(?<![a-z])(?:cancel|withdraw|retract|take back)\s+(?:the\s+|my\s+|this\s+|that\s+)?(?:refund|return|exchange|after-?sales?)(?:\s+request)?(?![a-z])|(?:don'?t|do not|no longer) (?:want|need) (?:to )?(?:the |a |my )?(?:refund|return|exchange)(?: request| it| this| them)?(?: any ?more)?\s*[.!]*\s*$/;
/** What the buyer wants instead, or asks next: no withdrawal ("不想退了，能换个颜色吗", "i dont want a refund i want my parcel"). */
const WANTS_INSTEAD = /换个|换成|想换|要换|改成|到哪|在哪|直接退|退款吧|(?<![a-z])(?:instead|i want|where|label)(?![a-z])/;
const withdrawsRequest = (n: string): boolean => WITHDRAWS_REQUEST.test(n) && !WANTS_INSTEAD.test(n);
/** A return or refund given up for an exchange ("不退了 我想换L码", "dont want a refund, can i exchange it instead"). */
/** "我不退款了 想换一罐新的", "不退了 补发一个吧": a new one instead of the money (found from outside). */
// "可以不要退款 直接補寄一支給我嗎" too (a Taipei shop, fiftieth session: the returns entry offered twice).
const SWITCH_TO_NEW = /(?:不(?:想|要|打算)?退(?:货|款)?了|(?:可以)?不要退(?:款|钱)|(?:退货|退款)不(?:退|要)了)[^。?？]{0,8}?(?:换(?:一|个)?(?:罐|瓶|盒|件|双|台|个)?新的|换一(?:罐|瓶|盒|件|双|台|个)|补发|补寄|重寄|重新寄)/;
const SWITCH_TO_REFUND = /(?:不(?:想|要|打算)?换(?:货)?了|换货不换了)[^。?？]{0,8}?(?:直接)?(?:退货|退款|退钱|退了|退)|(?<![a-z])(?:(?:don'?t|do not|no longer) want (?:the |an |to )?exchange|cancel (?:the|my) exchange)\b[^.?!]{0,30}\b(?:refund|return|money back)(?![a-z])/;
const SWITCH_TO_EXCHANGE = /(?:不(?:想|要|打算)?退(?:货|款)?了|(?:退货|退款)不(?:退|要)了)[^。?？]{0,8}?(?:换货|(?:想|要|能|可以)?换(?:个|成|到|一下)?(?![^，,。]{0,6}?(?:手机|电话|号码|地址))[^，,。]{0,6}?(?:码|号|色|颜色|尺码|尺寸|款|大一|小一)|换(?:个|一个|件|一件)?新的)|(?:退货|退款)(?:申请)?(?:能|可以|能不能|可不可以)?(?:改成|换成|转成|变成|改为|改)换货|(?<![a-z])(?:(?:don'?t|do not|no longer) (?:want|need) (?:to )?(?:the |a |my )?(?:refund|return)(?: it| this| them)?(?: any ?more)?[ ,.;-]{1,4}(?:(?:i'?d|i would) (?:rather|like)|can i|could i|i want|just)?[^.?]{0,20}(?:exchange|swap)|(?:rather|prefer to) (?:exchange|swap)[^.?]{0,20}(?:than|instead of)[^.?]{0,12}(?:refund|return)|(?:change|switch|turn|convert) (?:my |the |this )?(?:return|refund)(?: request)? (?:to|into|for) (?:an )?exchange|(?:exchange|swap) (?:it |them )?instead(?: of (?:a |the )?(?:refund|return))?)(?![a-z])/;
/** "另一个申请", "the other request": of the same order, when it has one. */
const ANOTHER_REQUEST = /申请|售后|(?<![a-z])(?:request|claim)(?![a-z])/;
/** "那另一单的退款申请呢", "the other order's refund": another order, whatever else it names (found in review). */
const NAMES_ORDER = /另一?(?:单|笔)|订单|(?<![a-z])(?:order|package|parcel)(?![a-z])/;
/** "cancel it", "取消吧": right after a request's status, that request. */
const CANCEL_IT = /^\s*(?:那|那就|帮我|给我)?(?:取消|撤销|撤回)(?:掉)?(?:吧|了吧|它|这个|一下)?\s*[。!！]*\s*$|^\s*(?:pls |please |ok |then )?(?:cancel|withdraw)(?: it| that| this)?(?: please| pls)?\s*[.!]*\s*$/;

/** A kind of after-sales request named alone, as a follow-up: "换货的呢", "那个退货呢", "and the exchange?". */
const KIND_FOLLOW = /^\s*(?:那|那么|还有|那我的)?(?:我的|那个)?(?:换货|退货|退款)(?:的|那个|那单|申请)?(?:呢|咧|嘞|怎么样了)\s*[?？]*\s*$|^\s*(?:and |what about |how about )(?:the |my )?(?:exchange|return|refund)(?: request| one)?\s*\?*\s*$/;

/** Asked to hurry ("能快点吗", "can you speed it up"): after a refund's status, a chase of that refund (found from outside: a parcel answer). */
const HURRY = /快点|快一点|加快|加急|催一下|催催|(?<![a-z])(?:hurry|speed (?:it )?up|faster|sooner|expedite)(?![a-z])/;
const PRESSES = new RegExp(`到底|究竟|还要多久|还得多久|${HURRY.source}|(?<![a-z])(?:still|already|yet again)(?![a-z])`);
/** Words of a parcel: a question naming one is about the parcel, even right after a refund. */
// Also the rider and the round ("派了没呀 派件员说打给我了": found from outside, the refund just told was said again).
// "van still not here its 10pm wtf" after a refund's status (a Toronto shop, thirty-third session).
const PARCEL_WORD = /快递|物流|包裹|单号|派件|派送|派了|快递员|配送员|(?<![a-z])(?:parcel|package|delivery|shipment|tracking|courier|driver|van|postie|postman)(?![a-z])/;

/**
 * Right after a refund's status, "到底什么时候到", "已经4天了还没到", "when will it come" are about
 * that money, not a parcel (found from outside: the topic moved to a delivered parcel).
 */
/**
 * "I was told my refund for the cracked planter was processed but I don't see it on my card yet":
 * the refund's money, not the parcel of the goods named (found from outside: the delivery tracking).
 */
// "退咗嘅钱去咗边 我冇收到喎" (read 退了的钱…: a Guangzhou shop, thirty-third session: a list of entries).
const REFUND_NOT_SEEN = /(?<!申请|想|要)(?:退款|退的钱|退了的钱|退回的钱|退回来的钱)[^。？?]{0,20}(?:没(?:有)?(?:看到|收到(?!货)|到账|到(?!货))|看不到|还没(?:到账|到(?!货)|看到))|(?<![a-z])refund\b[^.?]{0,80}\b(?:(?:do not|(?:don'?t|do not)|cannot|(?:can'?t|cannot|can not)) see|not (?:seen|received|showing|there|in)|(?:have not|(?:haven'?t|have not)) (?:got|received|seen)|still (?:nothing|not))(?![a-z])/;
const refundNotSeen = (u: Understanding): Pick<Resolved, 'intent' | 'u'> | undefined =>
  REFUND_NOT_SEEN.test(u.normalized) && !PARCEL_WORD.test(u.normalized) && (u.intent !== 'aftersale_progress' || u.guessed) && u.intent !== 'human' && u.intent !== 'complaint' ? { intent: 'aftersale_progress', u: { ...u, guessed: undefined } } : undefined;
const SENDING_OUT = /发货|寄出|发出|(?<![a-z])(?:ship|dispatch|send out|sent out)(?![a-z])/;
const PAID_WITH = /银行卡|信用卡|储蓄卡|借记卡|支付宝|微信|花呗|云闪付|(?<![a-z])(?:credit card|debit card|my card|card|paypal|apple pay|bank|paynow|grabpay)(?![a-z])/;
const PAID_BY_SAID = /(?:用|是)[^，,。？?]{0,6}(?:付|给|支付)的|付的|(?<![a-z])(?:i )?(?:paid|pay) (?:by|with|via|using|on)(?![a-z])/;
/** The money not seen where it went back ("i cant see it in my account", "我卡里没看到啊": a Dublin shop, fifty-first session, "not understood" and a parcel). */
const NOT_IN_ACCOUNT = /(?:卡里|卡上|账户里?|账上|银行|余额|零钱)[^，,。？?]{0,6}(?:没|没有|看不到|没看到|查不到)|^(?:但是?|可是|可)?(?:我)?(?:没看到|看不到|查不到)(?:钱|款)?(?:啊|呀|呢|哦)?[?？!！。\s]*$|(?<![a-z])(?:(?:can'?t|cannot|can not|don'?t|do not) see (?:it|them|the money|anything)|not (?:in|on|showing (?:in|on)) my (?:account|card|bank|statement)|nothing (?:in|on) my (?:account|card|bank|statement))(?![a-z])/;
const WHEN_MONEY = /几天|多久|什么时候|几时|哪天|(?<![a-z])(?:when|how long|how many days)(?![a-z])/;
function stillOnRefund(state: DialogueState, u: Understanding): boolean {
  // Goods named ("那耳机到底什么时候到") are another order's parcel, maybe: read as said (found in review).
  // Nor sending out ("那到底哪天发货？": found from outside, a request's status three times).
  if (state.topic !== 'aftersale_progress' || PARCEL_WORD.test(u.normalized) || SENDING_OUT.test(u.normalized) || kindsOfGoods(u.normalized).size > 0) return false;
  // "why is it closed", "为什么关了", "when will it be approved": the state of the request just told.
  const about = u.normalized.length <= SHORT_FOLLOW_UP && !CLEARLY_ELSE.has(u.intent) && !(u.intent === 'faq' && u.confidence >= CLEAR_FAQ);
  if (about && (REFUSED.test(u.normalized) || CLOSED.test(u.normalized) || REVIEWED.test(u.normalized))) return true;
  // "我是银行卡付的，那几天能到？": how paid and when, after a refund, is the refund's money (found from outside: parcel times).
  if (PAID_WITH.test(u.normalized) && WHEN_MONEY.test(u.normalized)) return true;
  if (NOT_IN_ACCOUNT.test(u.normalized)) return true;
  // How it was paid, said alone right after the refund's times ("我係用信用卡俾嘅": a Hong Kong shop, fifty-first session, the payment entry
  // offered): which of those times is theirs.
  if (PAID_WITH.test(u.normalized) && PAID_BY_SAID.test(u.normalized) && u.normalized.length <= SHORT_FOLLOW_UP) return true;
  // Pressing ("到底", "still"), not a plain "什么时候到", which after "那退款呢" may be the parcel's.
  const presses = SAYS_LATE.test(u.normalized) || PRESSES.test(u.normalized);
  if (presses && (u.intent === 'delivery_estimate' || u.intent === 'track_parcel' || u.intent === 'unknown' || u.guessed === true)) return true;
  // "多少钱", "退到哪里", "how much?", "to which account?": about the money just answered (found from
  // outside: an FAQ guess, a parcel card, a hand-over). The refund's card says how much and where.
  return u.normalized.length <= SHORT_FOLLOW_UP && ABOUT_THE_MONEY.test(u.normalized) && !OTHER_MONEY.test(u.normalized) && !CLEARLY_ELSE.has(u.intent) && !(u.intent === 'faq' && u.confidence >= CLEAR_FAQ);
}
/** Money that is not the refund: "how much is shipping", "运费多少". */
// And how much may be bought ("一年能买多少钱的": a Beijing formula shop's yearly quota, forty-fifth session: the refund's status).
const OTHER_MONEY = /能买多少|额度|限额|运费|邮费|快递费|包邮|价格|价钱|售价|优惠|券|(?<![a-z])(?:shipping|postage|delivery|price|costs?|coupon|discount|fee|fees)(?![a-z])/;

// "我见唔到笔钱喎" (the money not seen): found from outside, another order's status.
const ABOUT_THE_MONEY = /多少钱|退了多少|退多少|金额|到账|退到|退回(?:到|哪)|哪个账户|哪张卡|原路|(?:看不到|没看到|没见到|见不到)(?:我的)?(?:钱|款|退款)|钱(?:还)?没(?:到|收到|看到)|(?<![a-z])(?:how much|amount|the money|my money|which (?:account|card)|what (?:account|card)|credited|paid back|refunded to)(?![a-z])/;
/** Intents a short money question after a refund is not folded into: another clear question. */
const CLEARLY_ELSE: ReadonlySet<Intent> = new Set(['human', 'complaint', 'cancel_order', 'change_address', 'invoice', 'coupon', 'return_policy', 'greeting', 'bye']);

/** Which lookups answering this turn needs. CPU only. */
export function plan(state: DialogueState, input: TurnInput): Plan {
  const r = resolveTurn(state, understandingOf(input), input);
  const data = isDataIntent(r.intent);
  const known = new Set<string>();
  if (r.choice && 'orderId' in r.choice) known.add(r.choice.orderId);
  if (r.explicitOrderId) known.add(r.explicitOrderId);
  if (data && !r.choice && !r.explicitOrderId && state.focusOrderId) known.add(state.focusOrderId);
  const ref = orderReference(r);
  // A data question that names no order may be one the shop's FAQ answers ("付款后多久发货").
  const fromGuess = guessed(r);
  const effort = bestEffort(r, input.text);
  const asks = shopQuestionsOf(r, input.text);
  // A request for a person is checked against the shop's own phrasings too ("人工客服什么时候在线" may be one).
  // A code asked after ("where is my code", "激活码无效") may be the shop's entry though it says "my": its orders are read first.
  // A double charge too: the shop's own entry on it is said before the way to a person.
  const faq = !r.declined && (r.intent === 'faq' || r.intent === 'unknown' || r.intent === 'human' || ((r.intent === 'greeting' || r.intent === 'bye') && withoutPleasantries(input.text) !== input.text) || r.changeSpec === true || r.doubleCharge === true || r.notMine === true || isPolicyIntent(r.intent) || (data && (notAboutOwnOrder(r, input.text) || CODE_GOODS.test(r.u.normalized))) || fromGuess);
  return {
    intent: r.intent,
    lang: r.lang,
    notUnderstood: r.intent === 'unknown' && !r.declined && !r.cannotRead,
    guessed: fromGuess,
    needs: {
      // A policy question about the buyer's own order ("我买的耳机能退吗") also shows that order; a
      // returns question may show a request under way, whose order tells its currency and title.
      orders: data || (isPolicyIntent(r.intent) && (ref || personal(input.text))) || r.intent === 'return_policy',
      // A returns question also shows a return or refund already under way ("退货怎么弄" after sending it back).
      // A cancellation or an id typed reads them best-effort (bestEffort below).
      aftersales: r.intent === 'aftersale_progress' || r.intent === 'return_policy' || effort.includes('aftersales'),
      ...(effort.length ? { bestEffort: effort } : {}),
      // A returns question reads the parcels too: the days to return count from the delivered scan.
      // The money wanted back ("我要退款 不要了") reads them too: a parcel the carrier reports trouble with is the shop's to put right.
      logistics: LOGISTICS_INTENTS.has(r.intent) || r.orParcel === true || r.intent === 'return_policy' || (r.intent === 'aftersale_progress' && REFUND_WANTED.test(r.u.normalized)),
      faq,
      knownOrderIds: LOGISTICS_INTENTS.has(r.intent) ? [...known] : [],
      ...(r.faqPick ? { faqText: r.faqPick } : {}),
      ...(faq && !r.faqPick && asksOfFocusGoods(state, r, input.text) ? { faqContext: state.focusGoods } : {}),
      ...(r.faqPicksMore?.length ? { faqMoreTexts: r.faqPicksMore } : {}),
      ...(asks ? { shopSays: asks } : {}),
      ...(isPolicyIntent(r.intent) ? { faqTopic: r.intent } : {}),
    },
  };
}

/**
 * A question that may be about the goods just talked of without naming them ("路上会不会化啊",
 * "收到以后要怎么放" after the insulin's parcel: found from outside, "not sure" and a hand-over):
 * the FAQ is searched with those goods too, and answers when it is sure only with them.
 */
function asksOfFocusGoods(state: DialogueState, r: Resolved, text: string): boolean {
  // Short, as a follow-up is: a longer message says what it is about (found in review: "can you guarantee it by Sunday" became the warranty).
  if (!state.focusGoods || kindsOfGoods(text).size > 0 || r.u.normalized.length > MAX_GOODS_FOLLOW_UP) return false;
  return r.intent === 'faq' || r.intent === 'unknown' || guessed(r);
}

/** What a returns question reads only for a request under way: its after-sales, and its orders unless it named one of them. */
function bestEffort(r: Resolved, text: string): LookupName[] {
  // A cancellation may already be asked for as a refund, an id typed may be a request's: read if it comes in time.
  if (r.intent === 'cancel_order' || (isDataIntent(r.intent) && r.intent !== 'aftersale_progress' && r.explicitOrderId !== undefined)) return ['aftersales'];
  return r.intent !== 'return_policy' ? [] : notAboutOwnOrder(r, text) ? ['orders', 'aftersales'] : ['aftersales'];
}

/** "我的", "my", "I bought": the buyer is asking about their own purchase, not the shop's rules. */
const PERSONAL = /我的|我买|我下|我拍|我订|我这|我那|我家的|俺的|(?<![a-z])(?:my|mine|i (?:ordered|bought|paid|placed|purchased|got))(?![a-z])/i;
/**
 * An order of the buyer's named and told what to do, while queued ("actually cancel the fridge order, found one cheaper": an Australian
 * shop, forty-fifth session, offered the discount-codes entry): the person's to do.
 */
const ORDER_TOLD = /(?<![a-z])(?:^|actually |pls |please |just )(?:cancel|change|hold|stop) (?:the|that|this) [a-z ]{0,20}order(?![a-z])(?! (?:emails?|notifications?|texts?|messages?|updates?))/i;
const personal = (text: string) => PERSONAL.test(text.normalize('NFKC'));

/** The turn names an order: by id, by answering a choice. */
const orderReference = (r: Resolved): boolean => !!(r.choice || r.explicitOrderId);

/** The orders whose logistics to fetch once the order list is in (those that have shipped), newest first. */
export function logisticsTargets(p: Plan, orders: readonly Order[], input: Pick<TurnInput, 'shopId' | 'userId'>): string[] {
  if (!p.needs.logistics) return [];
  const already = new Set(p.needs.knownOrderIds);
  return ownOrders(orders, input)
    .filter((o) => (o.status === 'shipped' || o.status === 'delivered' || o.status === 'completed') && !already.has(o.orderId))
    .slice(0, MAX_LOGISTICS_LOOKUP)
    .map((o) => o.orderId);
}

const byNewest = <T extends { createdAt?: string; updatedAt: string }>(a: T, b: T) =>
  Date.parse(b.createdAt ?? b.updatedAt) - Date.parse(a.createdAt ?? a.updatedAt);

function ownOrders(orders: readonly Order[], who: Pick<TurnInput, 'shopId' | 'userId'>): Order[] {
  return orders.filter((o) => o && o.userId === who.userId && o.shopId === who.shopId).sort(byNewest);
}

// ---------------------------------------------------------------- the turn

interface Ctx {
  readonly t: Texts;
  readonly lang: Lang;
  readonly tz: number;
  readonly state: DialogueState;
  readonly r: Resolved;
  readonly input: TurnInput;
  readonly data: TurnData;
  readonly orders?: Order[];
  readonly logistics: Logistics[];
  readonly logisticsFailed: boolean;
  readonly aftersales?: Aftersale[];
  readonly unavailable: Set<LookupName>;
}

interface Outcome {
  replies: Reply[];
  /** Fields to set on the next state (pending, confirm, offeredHuman are cleared unless set here). */
  next?: Partial<Omit<DialogueState, 'v'>>;
  handover?: Handover;
  failed?: boolean;
  /** Every reply is the shop's FAQ entry, or part of it: no order's data, no built-in text. */
  faqOnly?: true;
}

/**
 * "不用转 辣椒油寄这么远会漏不", "好 要得 先不用 我先拍个微辣的…", "不用 那生产日期是…": a no to the person just offered, then
 * something else (a Chengdu shop, thirty-fourth session: the miss that followed handed the buyer over at once).
 */
const DECLINES_OFFER = /^\s*(?:(?:好|好的|嗯|哦|要得|行|ok)[\s,，.。!！]*)*(?:先)?(?:不用|不要|不需要)(?:转|了|啦|吧)?(?:[\s,，.。!！]|$)|^\s*(?:no|nope|nah)(?: thanks?| thank you| need)?(?:[\s,.!]|$)/i;
const declinesOffered = (state: DialogueState, text: string): boolean => (state.offeredHuman === true || state.confirm === 'human') && (DECLINES_OFFER.test(text) || declinesPerson(text));

/**
 * The text asks something: a question mark or particle, a question word, or an English question's opening. What follows a
 * take-back without one ("i'll sort it on the website myself", "i'll come back monday when youre open") is let be (a Sydney
 * shop, thirty-seventh session: a refund and an order status told).
 */
// "能开发票不 单位报销用": a northern "能…不" asks though more follows it (a Qingdao shop, thirty-ninth session: dropped after a take-back).
// "你就说安装收费标准是啥", "actually can i cancel the friday order…", "i'll just do it myself. how do i change the address…" (three shops,
// forty-first session: the take-back heard, the question after it dropped).
const ASKS_SOMETHING = /[?？]|[吗么呢][\s。.!！~]*$|(?:对|是)吧|对不对|是不是|什么|怎么|是啥|啥时候|为啥|干啥|啥[呢啊呀。\s]*$|咋(?:办|弄|整|回事|样|说|么|还|不|退|搞|查|看|用|算|寄|买|付)|问一句|问个事|多少钱|要多少|是多少|多少天|(?<![a-z])(?:can i|could i|can you|how do i|how can i|how long|where do i|when will|do you|is it|are you)(?![a-z])|多久|几[天点号时个]|哪|能不能|可不可以|[^\s]不[\s。.!！~]*$|(?:能|可以|行|有|会)[^\s，,。]{0,6}不(?=[\s，,。!！~])|帮我(?:查|看|问)|查(?:一)?下|告诉我|(?<![a-z])(?:(?:can you |could you |pls |please )check|tell me|show me|look up)(?![a-z])|^\s*(?:(?:and|so|ok|okay|but)[,\s]+)?(?:what|when|where|how|which|who|why|is|are|can|could|do|does|did|will|would|any)(?![a-z])/i;
const asksSomething = (text: string): boolean => ASKS_SOMETHING.test(foldTraditional(text).trim());

/** Answers one buyer message. Pure: same inputs, same outputs. */
export function step(state: DialogueState, input: TurnInput, data: TurnData): StepResult {
  const u = understandingOf(input);
  const r = resolveTurn(state, u, input);
  const ctx = context(state, input, data, r);
  let out = answer(ctx);
  const standing = missesStanding(state, input.now);
  let failures = 0;
  const asked = input.restOfTakeBack ? asksSomething(input.text) : false;
  if (input.restOfTakeBack && ((out.failed && !asked && !out.next?.faqOptions && !out.next?.confirm) || (!asked && r.intent !== 'human' && r.intent !== 'complaint' && !r.health))) {
    out = { replies: [] };
    failures = standing;
  } else if (input.restOfTakeBack && out.failed) {
    // Asked and not understood ("你们星期天没人的对吧"): told so, no miss counted, no hand-over forced.
    failures = standing;
  } else if (out.failed) {
    failures = standing + 1;
    // A "did you mean …?" is still offered, with the way to a person beside it: a question the FAQ
    // offers an entry for in a fresh conversation was handed over after one miss (found from outside).
    // Waiting in the queue already (asked for the FAQ only): no way to a person, nor a hand-over (found in review).
    if (input.faqOnly && out.next?.faqOptions) failures = Math.min(failures, MAX_FAILURES - 1);
    else if (failures >= MAX_FAILURES && (out.next?.faqOptions || out.next?.confirm)) out = withPersonHint(out, ctx.t.offerHumanShort);
    // A "did you mean …?" was half an answer: the miss after it offers a person and the next one hands
    // over (found from outside, two shops: a buyer who asked past a near miss was queued at once).
    else if (failures === MAX_FAILURES && state.faqOptions && !input.faqOnly) out = out.replies.at(-1)?.text === ctx.t.notUnderstood ? out : withPersonHint(out, ctx.t.offerHumanShort);
    // The person just offered, declined in this very message, is not forced on the buyer (found from outside: handed over at once).
    else if (failures >= MAX_FAILURES && declinesOffered(state, input.text)) {
      out = { replies: [{ text: ctx.t.notUnderstood }] };
      failures = MAX_FAILURES - 1;
    } else if (failures >= MAX_FAILURES) {
      out = { replies: [{ text: ctx.t.handoverNotUnderstood }], handover: { reason: 'not_understood' } };
      failures = 0;
    }
  } else if (r.declined) {
    failures = standing;
  }
  const unavailable = [...ctx.unavailable];
  const langAsked = r.langSwitch ?? r.langKept ?? state.langAsked;
  const missedAt = failures === 0 ? undefined : out.failed && input.now ? Math.floor(input.now.getTime() / 1000) : state.missedAt;
  const base: DialogueState = { v: 1, lang: r.lang, failures, ...(missedAt ? { missedAt } : {}), ...(langAsked ? { langAsked } : {}), ...(r.lang === 'zh' ? scriptState(state, input) : {}) };
  // The list a pick was made from stays for "the other one" until another list replaces it.
  const listed = listedIds(state);
  const listedKinds = state.pending ? state.pending.kinds : state.listedKinds;
  const kept = listed && !out.next?.pending ? { listed, ...(listedKinds ? { listedKinds } : {}) } : {};
  // A shop question asked while our "which order?" waits ("从哪里发货的") leaves it waiting: "第二个"
  // next still answers it (found from outside: the address change became a status). So does small
  // talk or "are you a bot?" answered in between (found from outside: the list was asked again).
  const aside = state.pending && !out.next?.pending && (r.intent === 'faq' || r.intent === 'unknown') && !out.failed && !r.declined ? { pending: state.pending } : {};
  // `focusRequest` is not kept: "cancel it" means the request only right after it was told (found in review).
  const keep = out.handover ? {} : { ...(state.focusOrderId ? { focusOrderId: state.focusOrderId } : {}), ...(state.topic ? { topic: state.topic } : {}), ...sentBackOf(state, out, u), ...kept, ...aside, ...faqOfferAside(state, out, r) };
  const next = withFocusGoods(state, ctx, { ...base, ...keep, ...out.next } as DialogueState, out.failed === true);
  return {
    replies: out.replies,
    state: next,
    ...(out.handover ? { handover: out.handover } : {}),
    ...(out.faqOnly && !out.handover ? { faqOnly: true as const } : {}),
    intent: r.intent,
    lang: r.lang,
    unavailable,
  };
}

/**
 * A "did you mean …?" still waiting after another of the shop's questions was answered in between: a "是" next is to it (a Shenzhen
 * shop, fiftieth session, "对了这个65w的能给macbook air充吗" offered, "质保多久啊" answered, then "是" kept for a person). For one turn only.
 */
function faqOfferAside(state: DialogueState, out: Outcome, r: Resolved): Pick<DialogueState, 'faqOptions' | 'faqAside'> {
  const answered = r.intent === 'faq' && !out.failed && !out.handover && out.next?.faqLast !== undefined && !out.next.faqOptions;
  return answered && state.faqOptions?.length === 1 && !state.faqAside && state.faqOptions[0] !== out.next?.faqLast?.q ? { faqOptions: state.faqOptions, faqAside: true } : {};
}

/** The request whose goods were said to be sent back: kept, or the one just told after "我已经寄回了". */
function sentBackOf(state: DialogueState, out: Outcome, u: Understanding): Pick<DialogueState, 'sentBack'> {
  const told = saysSentBack(u.normalized) ? out.replies.find((r) => r.card?.kind === 'aftersale')?.card : undefined;
  const id = told && 'aftersaleId' in told ? told.aftersaleId : state.sentBack;
  return id ? { sentBack: id } : {};
}

/**
 * The next state with the goods of its order in focus: named anew when the order was read this turn,
 * kept while the focus stays and the buyer neither names other goods, asks something the FAQ answers
 * by itself, is not understood, nor says goodbye (found in review: "血糖仪试纸怎么保存" then "要冷藏吗"
 * was still the insulin's).
 */
function withFocusGoods(state: DialogueState, ctx: Ctx, next: DialogueState, missed: boolean): DialogueState {
  const { focusGoods: _dropped, ...rest } = next;
  if (!next.focusOrderId) return rest;
  const o = ctx.orders?.find((x) => x.orderId === next.focusOrderId);
  if (o) return withGoods(rest, goodsOf(o));
  if (!state.focusGoods || next.focusOrderId !== state.focusOrderId || missed || ctx.r.intent === 'bye' || ctx.r.intent === 'greeting') return rest;
  // The shop's entry answered the message by itself: it was about something of its own.
  const hit = ctx.data.faq?.ok === true ? ctx.data.faq.value : null;
  const ownEntry = hit !== null && !ctx.data.faqWithGoods && !aboutGoods(hit.entry, state.focusGoods);
  return ownEntry || kindsOfGoods(ctx.input.text).size > 0 ? rest : withGoods(rest, state.focusGoods);
}
const withGoods = (s: DialogueState, goods: string | undefined): DialogueState => (goods ? { ...s, focusGoods: goods } : s);

/** The entry speaks of the goods (two Han characters or a word of theirs in its text): the same subject still. */
function aboutGoods(entry: FaqHit['entry'], goods: string | undefined): boolean {
  if (!goods) return false;
  const text = `${entry.question} ${(entry.alternates ?? []).join(' ')} ${entry.answer}`.toLowerCase();
  const words = goods.toLowerCase().split(' ').filter((w) => /^[a-z]{3,}$/.test(w));
  const han = Array.from(goods).flatMap((c, i, a) => (/\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(a[i + 1] ?? '') ? [c + a[i + 1]] : []));
  return [...words, ...han].some((w) => text.includes(w));
}

/** An order's goods in its titles' words: tags kept as words ("【冷链】" is 冷链), sizes and counts left out. */
function goodsOf(o: Order): string | undefined {
  const words = o.items
    .map((i) => i.title)
    .join(' ')
    .replace(/[【】[\]()（）]/g, ' ')
    .replace(/\d[\d.:*×/+-]*\s*(?:ml|mg|kg|g|l|cm|mm|片|粒|支|瓶|盒|袋|包|件|个|单位|码|号)?(?![a-z])/gi, ' ')
    .replace(/[:：,，;；]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? Array.from(words).slice(0, MAX_FOCUS_GOODS).join('').trim() : undefined;
}

function withPersonHint(out: Outcome, hint: string): Outcome {
  const last = out.replies.at(-1);
  return last ? { ...out, replies: [...out.replies.slice(0, -1), { ...last, text: `${last.text}${hint}` }] } : out;
}

/**
 * This message is in traditional characters, or tells neither script by its characters and the conversation's were; else
 * the shop's, and without one Cantonese words tell traditional ("你好" then "我嘅嘢到咗未" in a shop with no Chinese FAQ: found in review).
 */
function writesTraditional(state: DialogueState, input: TurnInput): boolean {
  const script = scriptByCharacters(input.text);
  if (script) return script === 'hant';
  if (state.hant || state.hans) return state.hant === true;
  return input.scriptHint ? input.scriptHint === 'hant' : chineseScript(input.text) === 'hant';
}

/** The script the conversation has told, kept for the next message: traditional, or simplified when characters or the shop said so. */
function scriptState(state: DialogueState, input: TurnInput): Pick<DialogueState, 'hant' | 'hans'> {
  if (writesTraditional(state, input)) return { hant: true };
  return scriptByCharacters(input.text) === 'hans' || state.hans || input.scriptHint === 'hans' ? { hans: true } : {};
}

/**
 * An entry written in the other language, question and answer, found by a phrasing in the buyer's (an English alternate of a
 * Chinese entry): its answer is mostly the other language's words, product names aside ("AirPods Pro 2：Bluetooth 5.3，支持…" is
 * Chinese; "Yes: 西湖龙井 Xihu Longjing, 250g tins." is English: found in review).
 */
function writtenInOther(e: FaqEntry, lang: Lang): boolean {
  const han = (e.answer.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (e.answer.match(/[A-Za-z]{2,}/g) ?? []).length;
  const answerZh = han >= 4 && han >= words;
  const answerEn = words >= 3 && han * 3 < words;
  return (lang === 'en' && answerZh && detectLanguage(e.question).lang === 'zh') || (lang === 'zh' && answerEn && detectLanguage(e.question).lang === 'en');
}
/** An entry whose answer is in the other language is said as the shop's word in that language, with a person to explain it. */
function saidAcross(data: TurnData, lang: Lang): TurnData {
  const hit = data.faq?.ok ? data.faq.value : undefined;
  // The reply's language decides: "AlipayHK呢？" read as English by the index, in a Chinese conversation, is answered by a Chinese entry as it is (found from outside).
  // So is an entry found by a phrasing in the buyer's language whose answer is in the other ("are ur products authentic?"
  // matching the English alternate of a Chinese entry: found from outside, the Chinese said with no word of why).
  if (!hit || (hit.acrossLanguages ? detectLanguage(hit.entry.answer).lang === lang : !writtenInOther(hit.entry, lang))) return data;
  const entry = { ...hit.entry, answer: TEXTS[lang].otherLanguageEntry(hit.entry.question, hit.entry.answer) };
  return { ...data, faq: { ok: true, value: { ...hit, entry } } };
}

/**
 * The order id the NLU took, when it is none of the buyer's, read again against the buyer's own ids ("TF-2026/11-000123-A" taken as
 * "TF-2026", "order 99001" of ORD#SG/2026/11/99001-A: two shops, forty-fourth session, told no such order or request exists).
 */
function withOwnId(r: Resolved, text: string, orders: readonly Order[], parcels: readonly Logistics[]): Resolved {
  const id = r.explicitOrderId;
  // A parcel's tracking number is the parcel's order (orderFor reads it so), not an order sharing its digits.
  if (!id || orders.some((o) => sameId(o.orderId, id)) || parcels.some((l) => sameId(l.trackingNo, id))) return r;
  const named = namedIds(text, orders.map((o) => o.orderId), r.u.entities.some((e) => e.type === 'phoneTail') ? false : MIN_UNLISTED_TAIL);
  return named.length === 1 ? { ...r, explicitOrderId: named[0]! } : r;
}

function context(state: DialogueState, input: TurnInput, data: TurnData, r: Resolved): Ctx {
  const unavailable = new Set<LookupName>();
  const optional = new Set(bestEffort(r, input.text));
  let orders: Order[] | undefined;
  if (data.orders) {
    if (data.orders.ok) orders = ownOrders(data.orders.value, input);
    else if (!optional.has('orders')) unavailable.add('orders');
  }
  // Logistics are shown only for orders known to be this buyer's: from this turn's order list,
  // or (when it failed) from the orders this conversation already verified.
  const verified = new Set(orders ? orders.map((o) => o.orderId) : [...(state.pending?.orderIds ?? []), ...(state.focusOrderId ? [state.focusOrderId] : [])]);
  const logistics = (data.logistics?.value ?? []).filter((l) => l && l.shopId === input.shopId && verified.has(l.orderId));
  let aftersales: Aftersale[] | undefined;
  if (data.aftersales) {
    if (data.aftersales.ok) aftersales = data.aftersales.value.filter((a) => a && a.userId === input.userId && a.shopId === input.shopId);
    else if (!optional.has('aftersales')) unavailable.add('aftersales');
  }
  return {
    t: TEXTS[r.lang],
    lang: r.lang,
    tz: input.tzOffsetMinutes ?? DEFAULT_TZ_OFFSET_MINUTES,
    state,
    r: orders ? withOwnId(r, input.text, orders, logistics) : r,
    input,
    data: saidAcross(data, r.lang),
    ...(orders ? { orders } : {}),
    logistics,
    logisticsFailed: data.logistics !== undefined && !data.logistics.ok,
    ...(aftersales ? { aftersales } : {}),
    unavailable,
  };
}

/**
 * The intent is the NLU's guess, taken because its answer only reads (src/robot/nlu/understand.ts).
 * `resolve` has already undone such a guess where a question of ours was pending, so a turn with
 * a choice, a confirmation or a picked FAQ question never carries one.
 */
// A rule that read the message as something else than the NLU's guess leaves no guess ("paid but ord says unpaid??" is a person's: found in a check).
const guessed = (r: Resolved): boolean => r.u.guessed === true && r.intent === r.u.intent;

function answer(ctx: Ctx): Outcome {
  const { t, r } = ctx;
  // "no thanks, bye", "nvm. bye": the person declined and the buyer leaves: a goodbye, not "what else?" (found from outside).
  if (r.declined === 'human') return { replies: [{ text: GOODBYE.test(r.u.normalized) ? closing(ctx) : t.humanDeclined }] };
  if (r.cannotRead) return { replies: [{ text: t.cannotRead }], next: { offeredHuman: true } };
  // Not a miss: the buyer answered our question (found from outside: "不是这个" after one unclear turn handed over).
  if (r.declined === 'confirm') return { replies: [{ text: t.confirmDeclined }] };
  if (r.declined === 'cancel') return { replies: [{ text: t.cancelDeclined }] };
  if (r.declined === 'address') return { replies: [{ text: t.addressKept }] };
  if (r.langSwitch) return { replies: [{ text: t.langSwitched }] };
  const outside = ctx.state.faqLast ? outsideTheRule(ctx, ctx.state.faqLast) : undefined;
  if (outside) return outside;
  if (r.note) return noteAnswer(ctx);
  if (r.tentative) {
    const named = ctx.orders ? describedBy(ctx, ctx.orders) : undefined;
    if (named?.length === 1) return answer({ ...ctx, r: { ...r, tentative: undefined, choice: { orderId: named[0]!.orderId } } });
    // Named by two orders' titles ("奶瓶那个" of two bottle orders): which of them (found from outside: "not understood").
    return named && named.length > 1 && isDataIntent(r.intent) ? offerChoice(ctx, r.intent, named) : unknown(ctx);
  }
  // The list stays for the number that answers it (found from outside: "是" was "not understood").
  if (r.yesToList) return { replies: [{ text: t.pickByNumber }], next: { faqOptions: ctx.state.faqOptions }, failed: true, ...(ctx.input.faqOnly ? { faqOnly: true as const } : {}) };
  // Before any of the shop's entries: none of them answers a political question.
  if (isPolitical(ctx.input.text)) return { replies: [{ text: t.smallTalk }] };
  if (r.health) return healthAnswer(ctx, r.health);
  if (r.foreign) return { replies: [{ text: t.foreignLanguage }], failed: true };
  const follow = faqFollowUp(ctx);
  if (follow) return follow;
  // The weather in Sydney is no shipping question, whatever words it shares with one (found from outside).
  if ((r.intent === 'unknown' || r.intent === 'faq' || guessed(r)) && isSmallTalk(ctx.input.text) && !ctx.data.faq?.value?.verbatim) return { replies: [{ text: t.smallTalk }] };
  // A weak guess yields to the shop's FAQ when it is unsure between a few of its questions: those
  // are a better question to ask than a policy text or an order status the buyer may not want.
  const offer = guessed(r) ? faqClarify(ctx, !ofEntryGoods(ctx)) : undefined;
  if (offer) return offer;
  switch (r.intent) {
    case 'human':
      // No fee of the shop's quoted: which of its entries applies (a trial's, a return's) is the person's to say.
      if (r.moneyDisputed || r.detailsGiven) return { replies: [{ text: r.moneyDisputed ? t.moneyHandover : t.detailsHandover }], handover: { reason: 'requested' } };
      return ownPhrasing(ctx) ?? { replies: [{ text: t.handoverRequested }], handover: { reason: 'requested' } };
    case 'complaint':
      if (r.doubleCharge) return doubleChargeAnswer(ctx, r.afterCancel === true);
      return { replies: [...(r.safety ? safetyReplies(ctx) : []), { text: t.handoverComplaint }], handover: { reason: 'complaint' } };
    case 'greeting': // a phrasing of the shop's after the hello ("你好 中文背标"): its answer, not a greeting back
      return ownPhrasing(ctx) ?? { replies: [{ text: t.greeting }] };
    case 'bye':
      // Leaving for another shop ("nvm i go buy from other shop": a Singapore shop, fortieth session, got "Great."): sorry, and a
      // person offered. A phrasing of the shop's before the thanks ("中文背标 谢谢"): its answer.
      return LEAVING.test(r.u.normalized) ? { replies: [{ text: t.leaving }], next: { offeredHuman: true } } : (ownPhrasing(ctx) ?? { replies: [{ text: closing(ctx) }] });
    case 'return_policy':
    case 'invoice':
    case 'coupon':
      return policyAnswer(ctx, r.intent);
    case 'faq':
      return r.faqPicksMore?.length ? faqPicked(ctx) : faqOrNotSure(ctx);
    case 'unknown':
      return unknown(ctx);
    default:
      // Someone else's purchase: answered as for a buyer with no orders (the buyer's own were told four times: a Harbin shop).
      return r.notMine ? dataOrFaq({ ...ctx, orders: [], logistics: [], aftersales: [] }, r.intent) : dataOrFaq(ctx, r.intent);
  }
}

/** A double charge: the shop's own entry on it when it answers with confidence, else what a person needs; a person first either way. */
function doubleChargeAnswer(ctx: Ctx, afterCancel: boolean): Outcome {
  const hit = confidentFaq(ctx);
  const own = hit && !afterCancel && DOUBLE_CHARGE.test(foldTraditional(phrasingsOf(hit.entry).join(' ').toLowerCase())) ? hit.entry.answer : undefined;
  return { replies: [{ text: own ?? (afterCancel ? ctx.t.chargedAfterCancel : ctx.t.doubleCharge) }, { text: ctx.t.handoverComplaint }], handover: { reason: 'complaint' } };
}

/** Several offered questions picked: each found entry answered in turn, as the one picked would be. */
function faqPicked(ctx: Ctx): Outcome {
  const first = ctx.data.faq?.ok ? ctx.data.faq.value : null;
  const hits = [first, ...(ctx.data.faqMore ?? [])].filter((h): h is FaqHit => h !== null);
  if (hits.length === 0) return faqOrNotSure(ctx);
  return { replies: hits.map((h) => ({ text: ctx.t.faqPicked(h.entry.question, h.entry.answer) })), faqOnly: true };
}

const LEAVING = /(?:去|到|换)(?:别家|别的店|其他店|别处|别人家|淘宝|京东|拼多多)(?:买|看看|下单)?|不在你(?:们|家)买了|(?<![a-z])(?:(?:buy|get|order)(?: it| them)? (?:from|at) (?:an? |the |some )?(?:other|another|different) (?:shop|store|seller|site|place)|(?:buy|get|order|go|shop)(?: it| them)? (?:elsewhere|somewhere else))(?![a-z])/;
const THANKS = /谢|感谢|多谢|辛苦|麻烦你|(?<![a-z])(?:thanks?|thx|thnx|ty|tysm|cheers|appreciate)(?![a-z])|🙏/;
const GOODBYE = /再见|拜拜|掰掰|回见|下次见|88|(?<![a-z])(?:bye|byebye|goodbye|see (?:you|ya)|cya|ttyl|good night)(?![a-z])/;

/** "You're welcome" answers thanks only: a goodbye gets a goodbye, an "ok" or a 👍 a short yes ("bye" got "You're welcome": found from outside). */
function closing(ctx: Ctx): string {
  const text = ctx.r.u.normalized;
  if (praises(text)) return ctx.t.praised;
  if (THANKS.test(text)) return ctx.t.bye;
  return GOODBYE.test(text) ? ctx.t.farewell : ctx.t.noted;
}

// ---------------------------------------------------------------- FAQ and not understood

function faqAnswer(ctx: Ctx): string | undefined {
  const f = ctx.data.faq;
  if (f && !f.ok) ctx.unavailable.add('faq');
  // One of the shop's phrasings typed whole is its entry's, whatever goods it names ("Are the suede boots waterproof?", an alternate of
  // the suede-care entry, was "not sure": found in the forty-seventh session).
  return f?.ok && f.value && (f.value.verbatim || !ofOtherGoods(ctx.input.text, f.value.entry)) ? f.value.entry.answer : undefined;
}
/**
 * The message names goods of other kinds than all the entry's question and answer name ("纸尿裤有没有保质期" found the formula's
 * "保质期多久"): its answer is not said as this one's (found from outside: formula dates for diapers).
 */
function ofOtherGoods(text: string, e: FaqEntry): boolean {
  const named = kindsOfGoods(text);
  if (!named.size) return false;
  // An entry asked of no goods that opens in general ("Can I return an item?": "Unused gear … within 30 days") is no limit,
  // whatever goods a later sentence singles out ("Tents must be unpitched…": a Sydney shop, thirty-seventh session).
  if (kindsOfGoods(e.question).size === 0 && opensInGeneral(e.answer)) return false;
  // Its question and answer: an alternate's example ("耳机坏了能修吗" of the electronics warranty) is no limit.
  const own = kindsOfGoods(`${e.question} ${e.answer}`);
  return own.size > 0 && ![...named].some((k) => own.has(k));
}

/**
 * The FAQ's one unsure entry asks of the goods the message names ("那个猕猴桃上礼拜收到的 到现在还是硬邦邦的" and "猕猴桃收到是硬的
 * 怎么办"): offered before a guessed question about the parcel (a Xi'an shop, thirty-seventh session: the delivered parcel told).
 */
function ofEntryGoods(ctx: Ctx): boolean {
  const only = ctx.data.faqCandidates?.length === 1 ? ctx.data.faqCandidates[0] : undefined;
  if (!only) return false;
  const named = kindsOfGoods(ctx.input.text);
  const asked = kindsOfGoods(only.entry.question);
  return named.size > 0 && [...named].some((k) => asked.has(k));
}

/** The answer's first sentence of some length names no kind of goods. */
function opensInGeneral(answer: string): boolean {
  const first = answer.split(/[。！？!?\n]|\.(?=\s|$)/).map((s) => s.trim()).find((s) => [...s].length >= GENERAL_SENTENCE_MIN);
  return first !== undefined && kindsOfGoods(first).size === 0;
}
/** Characters a sentence needs to say something general ("Yes." says nothing of the kind). */
const GENERAL_SENTENCE_MIN = 8;

/** The entry answered, kept one turn for a follow-up about it. */
function answeredEntry(ctx: Ctx): Pick<DialogueState, 'faqLast'> {
  const f = ctx.data.faq;
  const e = f?.ok ? f.value?.entry : undefined;
  return e ? { faqLast: { q: e.question.slice(0, MAX_FAQ_QUESTION), a: wholeSentences(e.answer, MAX_FAQ_LAST_ANSWER) } } : {};
}

/** The answer's first sentences that fit in `max` characters (no sentence cut in two). */
function wholeSentences(answer: string, max: number): string {
  if (answer.length <= max) return answer;
  let out = '';
  for (const x of answer.match(SENTENCES) ?? []) {
    if (out.length + x.length > max) break;
    out += x;
  }
  return out;
}

/** A follow-up that leans on what was just said: "那未开封的呢", "and unopened?", "what if it's opened?". */
const LEANS_ON = /^(?:那|那么|还有|要是|如果)|呢\s*[?？]*\s*$|^(?:and|what about|how about|what if|and if|if)(?![a-z])/;
const FOLLOW_STOP = new Set(['那', '那么', '还有', '要是', '如果', '的', '呢', '吗', '是', '呀', '啊', '可以', '怎么', '什么', '多久', '能不能', 'and', 'what', 'about', 'how', 'if', 'it', 'its', 'is', 'the', 'a', 'an', 'one', 'ones', 'they', 'them', 'do', 'does', 'can', 'i', 'you', 'will', 'this', 'that', 'with']);
/** Sentences of an answer, with their ending punctuation. */
const SENTENCES = /(?:[^。！？!?；;\n.]|\.(?!\s|$))+(?:[。！？!?；;]+|\.(?=\s|$)|$)/g;
/** A shop's text in sentences (a semicolon ends one), trimmed. */
const sentencesOf = (text: string): string[] => (text.match(SENTENCES) ?? []).map((x) => x.trim());

/** The buyer sent goods back ("顺丰寄回的 单号SF…", "i shipped it back, tracking 1Z…"). */
// "退货的猫砂盆 我寄的是顺丰 SF…" (a Beijing shop, thirty-sixth session: "no after-sales request for order SF…").
// Or whether it arrived ("顺丰单号SF… 你们收到没", "直接帮我查下退货到仓库没有 SF…": a Shenzhen shop, forty-third session, "收到" and
// "order SF… has no request").
const SENT_BACK = /退货[^，,。？?]{0,8}(?:到仓库|到了没|到没|收到)|(?:仓库|你们)收到(?:没|了吗|了没)|寄回|退回去|寄过去了|寄出去了|寄走了|退货单号|回寄|(?:退货|退回|退的)[^，,。？?]{0,12}我(?:已经)?寄(?:的|了)|我(?:已经)?寄(?:的是|了)(?:顺丰|中通|圆通|申通|韵达|京东|邮政|极兔|德邦)|(?<![a-z])(?:(?:sent|shipped|mailed|posted) (?:[a-z0-9]+ ){0,3}back|return tracking|dropped (?:it|them) off|(?:did|have) (?:you|the warehouse) (?:get|got|receive[d]?) (?:it|my return|the return))(?![a-z])/;

/** An order number said to be one ("订单号…", "order 2024…"): no waybill (found in review). */
const ORDER_MARKER = /订单|(?<![a-z])order(?![a-z])/;
/** A waybill named as one, right after the goods were said to be sent back ("单号是7755… 中通的"). */
const WAYBILL_SAID = /(?<!订)单号|运单|快递单|中通|圆通|申通|韵达|顺丰|京东|邮政|极兔|德邦|(?<![a-z])(?:tracking|waybill|courier|ups|fedex|dhl|usps)(?![a-z])/;

/**
 * A number that is no order's, typed with the goods sent back while a return or exchange waits for
 * them: the return's waybill, which the buyer enters on the after-sales page (found from outside:
 * "no order numbered SF1688990011").
 */
function returnWaybill(ctx: Ctx): Outcome | undefined {
  const id = ctx.r.explicitOrderId;
  const n = ctx.r.u.normalized;
  const said = SENT_BACK.test(n) || (ctx.state.topic === 'aftersale_progress' && WAYBILL_SAID.test(n) && !ORDER_MARKER.test(n));
  if (!id || !ctx.orders || ctx.orders.some((o) => sameId(o.orderId, id)) || !said) return undefined;
  // A request still under review counts too: the buyer sent the goods early (found from outside: a hand-over).
  const waiting = (ctx.aftersales ?? []).filter((a) => a.type !== 'refund' && (a.status === 'approved' || a.status === 'returning' || a.status === 'requested')).sort(byNewest)[0];
  return waiting ? { replies: [{ text: ctx.t.returnWaybill(id, waiting.orderId) }], next: { focusOrderId: waiting.orderId, topic: 'aftersale_progress', offeredHuman: true, sentBack: waiting.aftersaleId } } : undefined;
}

/** "how much is it", "多少钱", "收费吗": the price, asked of what was just answered. */
// Who pays its postage too ("运费谁出" right after a return entry that says "运费我们出": a Yiwu shop, thirty-third session).
const PRICE_OF_IT = /^\s*(?:那|那么|这个|这|那个)?(?:要)?(?:多少钱|什么价|价格呢?|价钱呢?|价格多少|怎么收费|收费吗|收不收费|要钱吗|另外收费吗|贵吗|免费吗|是免费的吗|免费的吗|免不免费|要运费吗|收运费吗|运费谁(?:出|付|承担)|谁出运费|邮费谁出)[?？。!！\s]*$|^\s*(?:and |so |ok |okay )?(?:how much(?: is| does| would)?(?: it| that| this)?(?: cost| be)?|what(?:'s| is| does) (?:it|that|the price|the cost)(?: cost)?|price|cost|is (?:it|that) (?:free|extra)|who pays(?: for)? (?:the )?(?:postage|shipping|freight|return postage)(?: on (?:it|that))?)(?:\s+(?:tho|though|then|right|too|as well))?\s*\?*\s*$/;
const WHO_PAYS_POSTAGE = /运费谁|谁出运费|邮费谁|(?<![a-z])who pays/;
const POSTAGE_WORD = /运费|邮费|寄回|(?<![a-z])(?:postage|shipping|freight|delivery|return)/;
const MONEY_SAID = /[$¥￥€£]\s?\d|\d(?:[\d,.]*)\s*(?:元|块|美元|欧元|英镑|dollars?|usd|rmb|cny|eur|gbp)|免费|包邮|承担|运费险|(?:运费|邮费)(?:由)?(?:我们|卖家|商家|买家|您|你|店铺)(?:出|付|承担|负责)|(?<![a-z])(?:free|pays|covers?|charged?|insurance)(?![a-z])|(?<![a-z])(?:we|you|buyers?|sellers?|the shop|customers?) (?:pay|cover)(?![a-z])/i;

/**
 * Right after an FAQ answer, a short follow-up whose words the answer itself holds ("那未开封的呢"
 * after the shelf-life entry, which says how long unopened bags keep): the answer's sentences that
 * hold them, not a "did you mean" offering the entry just given (found from outside). Undefined
 * when the follow-up is another confident question, or the answer does not hold its words.
 */
function faqFollowUp(ctx: Ctx): Outcome | undefined {
  const last = ctx.state.faqLast;
  const u = ctx.r.u;
  // "how much is it" after the gift-wrap answer: its sentence with the price, if it has one (found from outside: a price-match entry offered).
  if (last && (ctx.r.intent === 'faq' || ctx.r.intent === 'unknown') && PRICE_OF_IT.test(u.normalized) && !confidentFaq(ctx)) {
    // Who pays the postage: only a sentence on postage ("礼品包装每件加收5元" is none: found in review).
    const postage = WHO_PAYS_POSTAGE.test(u.normalized);
    const priced = sentencesOf(last.a).filter((x) => MONEY_SAID.test(x) && (!postage || POSTAGE_WORD.test(x.toLowerCase())));
    if (priced.length) return { replies: [{ text: priced.join(ctx.lang === 'zh' ? '' : ' ') }], next: { faqLast: last }, faqOnly: true };
  }
  if (!last || !(ctx.r.intent === 'faq' || ctx.r.intent === 'unknown') || !LEANS_ON.test(u.normalized.trim()) || u.normalized.length > 40) return undefined;
  const other = confidentFaq(ctx);
  if ((other && other.entry.question !== last.q) || turnsToOther(ctx, last)) return undefined;
  // The words, and the Chinese said between the lead and the particle as one ("未开封" of "那未开封的呢").
  const core = u.normalized.replace(/^(?:那么|那|还有|要是|如果)|[的呢吗吧啊呀]*[\s?？。!！]*$/g, '');
  // Only words the question answered did not hold: "那周末发货吗" after "付款后多久发货？" asks about weekends, which the answer does not say (found in review).
  const asked = last.q.toLowerCase();
  const words = [...(/^\p{Script=Han}{2,8}$/u.test(core) ? [core] : []), ...u.tokens.map((w) => w.toLowerCase())].filter(
    (w) => !FOLLOW_STOP.has(w) && !asked.includes(w) && (/^\p{Script=Han}+$/u.test(w) ? w.length >= 2 : /^[a-z]+$/.test(w) && w.length >= 3),
  );
  // The sentences holding the longest word found: "未开封" picks its sentence, not every one with "开封".
  const sentences = sentencesOf(last.a);
  const longest = (x: string) => Math.max(0, ...words.filter((w) => x.toLowerCase().includes(w)).map((w) => w.length));
  const best = Math.max(0, ...sentences.map(longest));
  const hits = best ? sentences.filter((x) => longest(x) === best) : [];
  return hits.length ? { replies: [{ text: hits.join(' ') }], next: { faqLast: last }, faqOnly: true } : undefined;
}

/**
 * The follow-up names a topic another entry asks and the last answer does not ("那算了 我问下 底料放得到好久 过年还吃得到不" after the
 * spice levels: how long it keeps, the shelf-life entry's; a Chengdu shop, forty-second session, was told the spice levels again).
 */
function turnsToOther(ctx: Ctx, last: { q: string; a: string }): boolean {
  const rival = ctx.data.faqCandidates?.[0];
  if (!rival || rival.entry.question.slice(0, MAX_FAQ_QUESTION) === last.q) return false;
  const said = conceptsOf(ctx.r.u.normalized);
  const before = conceptsOf(`${last.q} ${last.a}`);
  const theirs = conceptsOf(phrasingsOf(rival.entry).join(' '));
  return [...said].some((c) => theirs.has(c) && !before.has(c));
}

/**
 * Right after an entry's answer, the buyer says their case is past its condition or asks if the
 * exception holds ("过了48小时就不管了？" after "签收后48小时内…", "那我已经拆了", "质量问题也不行吗"):
 * the entry's sentences on that condition, and a person to decide the case (found from outside:
 * a list of FAQ questions, then "not understood").
 */
const OUTSIDE_RULE = /过了.{0,8}(?:就|还|不|没)|(?:过了|超过|超了)\s*\d+\s*(?:个)?\s*(?:小时|天|日)|超过了|超了|已经过了|晚了|没赶上|错过了|不管了|也不行|都不行|不能退了|已经(?:拆|用|穿过|洗|剪|开封|激活|打开)|(?<![a-z])(?:past the|already (?:opened|used|worn|washed)|too late|missed)(?![a-z])/;
/** Asked as a question, only an exception asked for counts ("质量问题也不行吗"; "我已经穿M了 还要大一码吗" asks the sizes). */
const EXCEPTION_ASKED = /也不行|都不行|不管了|不能退了|就不[管行能]|还能|还可以|(?<![a-z])(?:too late|can i still|could i still|is it still|still (?:ok|okay|possible|valid|claim))(?![a-z])/;
/** Characters too common to tie a message to an answer. */
const COMMON_HAN = /[我你您他她它们的了是不也就吗呢吧啊呀那这个有在和都还要会能可以后前内]/u;
function outsideTheRule(ctx: Ctx, last: { q: string; a: string }): Outcome | undefined {
  const n = ctx.r.u.normalized;
  // "那怎么办" right after an entry: what it says to do, and a person (found from outside: a list of other questions).
  if (ctx.r.intent === 'human') return undefined;
  if (WHAT_NOW.test(ctx.r.u.normalized.trim())) return { replies: [{ text: ctx.t.ruleException(last.a) }], next: { faqLast: last, offeredHuman: true } };
  const onPolicy = isPolicyIntent(ctx.r.intent) && ctx.r.intent === ctx.state.policy;
  // The entry's own time limit said back ("过了24小时了 前天签收的" after "签收后24小时内…") ties the message to it, whatever else it names (found from outside: a parcel list).
  // Not "已经超过48小时了还没发货" after the shipping entry: that is the order, late (found in review).
  const tiedByTime = timeUnits(n).some((x) => last.a.replace(/\s+/g, '').includes(x)) && !/还没(?:发|到|收到|送)|没(?:发货|到货|收到)|(?<![a-z])(?:not (?:shipped|arrived|here)|has ?n[o']?t (?:shipped|arrived|come))(?![a-z])/.test(n);
  if (!(ctx.r.intent === 'faq' || ctx.r.intent === 'unknown' || guessed(ctx.r) || onPolicy || tiedByTime) || n.length > (ctx.lang === 'zh' ? 30 : 80) || !OUTSIDE_RULE.test(n)) return undefined;
  if (/[?？]|吗|(?<!怎|什|那|这|多)么/.test(n) && !EXCEPTION_ASKED.test(n)) return undefined;
  const other = confidentFaq(ctx);
  if (other && other.entry.question !== last.q) return undefined;
  const sentences = sentencesOf(last.a);
  const ties = conditionWords(n);
  const hits = sentences.filter((x) => ties.some((w) => x.toLowerCase().includes(w)));
  return hits.length ? { replies: [{ text: ctx.t.ruleException(hits.join(ctx.lang === 'zh' ? '' : ' ')) }], next: { faqLast: last, offeredHuman: true } } : undefined;
}
/** A number with its unit ("48小时", "7 days"), Chinese runs of two or more, and single uncommon characters ("拆"), of a message. */
const timeUnits = (n: string): string[] => [...n.matchAll(/\d+\s*(?:个)?\s*(?:小时|天|日|工作日|hours?|days?)/g)].map((m) => m[0].replace(/\s+/g, ''));
function conditionWords(n: string): string[] {
  const units = timeUnits(n);
  const han = [...n.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]);
  const pairs = han.flatMap((r) => [...r].slice(0, -1).map((c, i) => c + r[i + 1]!)).filter((p) => !COMMON_HAN.test(p[0]!) && !COMMON_HAN.test(p[1]!));
  const singles = han.flatMap((r) => [...r]).filter((c) => !COMMON_HAN.test(c) && !OUTSIDE_RULE.test(c));
  const english = [...n.matchAll(/[a-z]{5,}/g)].map((m) => m[0]).filter((w) => !FOLLOW_STOP.has(w) && !OUTSIDE_RULE.test(w));
  return [...units, ...pairs, ...(n.length <= 10 ? singles : []), ...english];
}

/** A sentence of an entry this long, found in the order's answer, says the entry there. */
const MIN_SAID_SENTENCE = 12;
/** A clause with a time this long, said in the order's answer, says its entry ("北京同城次日达"). */
const MIN_SAID_CLAUSE = 6;
/** Pieces of an entry without their closing marks: a piece cut at "；" is said ending in "。". */
const unclosed = (pieces: readonly string[]): string[] => pieces.map((x) => x.trim().replace(/[。！？!?；;，,.]+$/, ''));
/** Whether any of the pieces is said in the outcome's replies already. */
const saidIn = (data: Outcome, pieces: readonly string[]): boolean => pieces.some((x) => data.replies.some((r) => r.text.includes(x)));
/** From this confidence a shop FAQ hit outranks the guess that a question naming no order is about one. */
export const FAQ_OVER_DATA = 0.6;
const OPEN: ReadonlySet<OrderStatus> = new Set(['pending_payment', 'paid', 'shipped', 'delivered']);

/** The shop's FAQ hit when it is confident (the index's `answer` band, when it reports bands). */
function confidentFaq(ctx: Ctx): FaqHit | undefined {
  const f = ctx.data.faq;
  if (!f?.ok || !f.value) return undefined;
  const band = (f.value as { band?: unknown }).band;
  if (band !== undefined) return band === 'answer' ? f.value : undefined;
  return f.value.confidence >= FAQ_OVER_DATA ? f.value : undefined;
}

/**
 * Words that only make sense about one particular order or parcel ("到哪了", "还没到", "发货了吗", "where is",
 * "status"): such a question is about the buyer's order even when it does not say "my".
 */
const SPECIFIC =
  /到哪|在哪|哪儿了|哪里了|走到|到了没|到了吗|还没到|没到|没收到|怎么还没|状态|进度|单号|查|发货了|发了吗|发了没|发出了|寄出了|签收了|(?<![a-z])(?:where is|where are|track|tracking|status|check|has it|did it|yet|still|not received|have not received|arrived|stuck|shipped|dispatched)(?![a-z])/;
/** A thing of the buyer's named alone ("快递呢", "wl" for 物流, "my parcel?"): asked about theirs, never the FAQ's (found from outside). */
const BARE_THING = /^\s*(?:那|那么|还有|那我的)?(?:我的)?(?:快递|物流|包裹|单子|订单|退款)(?:呢|啊|嘞|了吗|咧)?\s*[?？!！。.]*\s*$|^\s*(?:and |what about |how about )?(?:my |the )?(?:parcel|package|order|refund|courier|tracking|shipment)\s*[?!.]*\s*$/;

/** Words of a question about what usually happens, not about one parcel. */
// "请问寄去马来西亚要几天": how long to a place, asked of the shop (found from outside: "which order?").
// "寄7-11的话要几天": how long by a way of sending, asked before buying (found from outside: the buyer's stuck parcel).
// "how many days to deliver to penang?", "u all deliver to penang how many days?", "berapa lama penghantaran ke Kuching?" (found from outside: the buyer's own delivered parcel).
const GENERALLY = /一般|通常|平时|大概要|(?:寄|发|送)(?:去|到|往)\p{Script=Han}{2,6}(?:要|需要|得)?(?:几天|多久|多长时间)|(?:寄|发|送|选)[^，,。？?]{1,8}的话(?:要|需要|得)?(?:几天|多久|多长时间)|(?<![a-z])(?:usually|normally|typically|in general|generally|on average|(?:shipping|delivery) (?:time )?to [a-z]+(?: [a-z]+)? (?:take|takes)|how long (?:does|will) it take to (?:ship|deliver) to|how (?:many days|long) (?:to|does it take to|will it take to) (?:ship|deliver|send|post|reach|arrive)(?: it)? (?:to|in|at) [a-z]+|(?:ship|deliver|send|post)(?:ing)? to [a-z]+(?: [a-z]+)? how (?:many days|long)|how long (?:is )?(?:the )?(?:delivery|shipping|postage) (?:to|ke) [a-z]+)(?![a-z])/u;

/** A data question that names no order of the buyer's: the shop's FAQ may answer it better. */
const notAboutOwnOrder = (r: Resolved, text: string): boolean => !orderReference(r) && !personal(text);
/** From this lexical coverage (or confidence, for hits without it) an FAQ hit is one of the shop's own phrasings, near word for word ("门店地址在哪"). */
export const FAQ_EXACT = 0.95;

// "你是机器人吧 额要找人" (a Xi'an shop, thirty-third session: told who answers, no person).
// "yeah get me somebody" (an Austin shop, thirty-eighth session: asked to confirm, then lost).
const ASKS_FOR_PERSON = /(?:转|找|要|联系|接|叫|换)(?:个|一下|下)?(?:人工|真人|客服)|我要找(?:个)?人(?!买|做|帮|代)|(?<![a-z])(?:talk|speak|connect|transfer|get)\b.{0,20}\b(?:human|agent|person|someone|somebody|representative)(?![a-z])/;

/**
 * The shop's FAQ asked in its own words (one of its phrasings, near word for word): the shop
 * wrote that question down to answer it, so it wins over what its words suggest ("人工客服什么时候在线"
 * is a question about opening hours, not a request for a person: found from outside).
 */
/** A question of health: the shop's own confident entry, else what to do now and a person (a reaction goes ahead in the queue). */
function healthAnswer(ctx: Ctx, health: HealthQuestion): Outcome {
  const hit = confidentFaq(ctx);
  if (hit && health === 'advice') return { replies: [{ text: hit.entry.answer }], faqOnly: true, next: { offeredHuman: true } };
  const emergency = EMERGENCY_TEXT[ctx.r.emergencyKind ?? emergencyAdvice(ctx.r.u.normalized)](ctx.t);
  const first = health === 'advice' ? ctx.t.healthAdvice : health === 'emergency' ? emergency : health === 'pet' ? ctx.t.healthPet : ctx.t.healthReaction;
  return { replies: [{ text: first }], handover: { reason: health === 'advice' ? 'requested' : 'complaint' } };
}

/** The person word alone, shouted or not: "人工！！！", "真人", "human!!". */
const BARE_PERSON = /^\s*(?:有人吗[\s?？!！]*)?(?:(?:人工|真人|人工客服|真人客服|客服|(?:a )?human|(?:an )?agent|(?:a )?real person|representative|operator|customer (?:service|support|care))[\s!！?？.。~,，]*)+$|^\s*有(?:没有)?(?:人工|真人)?客服吗[\s?？!！]*$/i;
const barePerson = (u: Understanding, text: string): boolean => BARE_PERSON.test(u.normalized) || BARE_PERSON.test(text.normalize('NFKC'));
function ownPhrasing(ctx: Ctx): Outcome | undefined {
  // Asking for one ("联系人工客服", "转人工", "人工！！！") is a request, whatever entry it matches (found in review; bare, from outside).
  if (ASKS_FOR_PERSON.test(ctx.r.u.normalized) || barePerson(ctx.r.u, ctx.input.text)) return undefined;
  const hit = confidentFaq(ctx);
  return hit && (hit.lexical ?? hit.confidence) >= FAQ_EXACT ? { replies: [{ text: hit.entry.answer }], faqOnly: true } : undefined;
}

/**
 * The entry asks what the buyer asks of their parcel, in the same words ("退货寄到哪" for "亲 退货
 * 寄到哪呀", "where is your warehouse"): near word for word, and the words that make it about one
 * parcel ("到哪", "where is") are in one of its phrasings. "快递到了吗" covered "走什么物流" as fully,
 * but asks after a parcel (found from outside).
 */
function entryAsksLikeThis(ctx: Ctx, hit: FaqHit): boolean {
  const cue = SPECIFIC.exec(ctx.r.u.normalized)?.[0];
  if (!cue || (hit.lexical ?? hit.confidence) < FAQ_EXACT) return false;
  return phrasingsOf(hit.entry).some((p) => foldTraditional(p.toLowerCase()).includes(cue));
}

/**
 * Services around a delivery that no order or parcel record tells: installing or assembling, carrying
 * upstairs. Asked beside words of a parcel ("到了能给我送到6楼吗 要加钱不", "我没找到预约安装在哪 你帮我约一下吧",
 * "who assembles it"), the shop's entry on that service answers, with a person when the buyer asks
 * us to arrange it (found from outside: each got the parcel's tracking).
 */
const SERVICES = [
  // "装空调的师傅啥时候来", "装的师傅还没来" (a Beijing shop, forty-first session: the delivery's tracking, three times).
  /安装|组装|装好|拼装|上门装|装(?:空调|热水器|油烟机|洗衣机|的师傅|机师傅)|(?<!快递|送货|配送|快递员|送货的|快递的)师傅(?:啥时候|什么时候|几点|哪天|还没)?(?:来|上门)|(?<![a-z])(?:install\w*|assembl\w*|fitters?|technician)(?![a-z])/,
  /上楼|搬上|送上|楼梯|电梯|[0-9一二三四五六七八九十]+\s*楼|(?<![a-z])(?:upstairs|stairs|carry (?:it )?up|floor)(?![a-z])/,
];
/** The buyer asks us to arrange it ("你帮我约一下", "can you book it"). */
const ARRANGE = /帮我(?:约|预约|安排|联系|弄)|给我(?:约|安排)|(?<![a-z])(?:book it|arrange it|schedule it|can you (?:book|arrange|schedule))(?![a-z])/;
/** A clause that asks ("…送到6楼吗", "要加钱不", "谁来装", "who assembles it"), not a remark ("送到1楼就行"). */
const ASKS = /吗|么|嘛|不$|多少|怎么|如何|几|谁|哪|什么时候|啥时候|咋|啥|收费|加钱|要钱|免费|包(?:安装|上楼|送)|能不能|可不可以|可以|(?<![a-z])(?:who|how|what|when|do you|can you|could you|will you|is it|does|is there|free|charge|cost)(?![a-z])/;
function serviceEntry(ctx: Ctx, data: Outcome): Outcome | undefined {
  if (ctx.r.restParcels || ctx.r.reschedule) return undefined;
  const clauses = folded(ctx.input.text).split(/[，,。.!！?？;；\s]+/).filter(Boolean);
  // Asked in the clause or the one after it ("装的师傅还没来 他们啥时候联系我").
  const asks = (i: number) => [clauses[i], clauses[i + 1]].some((c) => c !== undefined && (ASKS.test(c) || ARRANGE.test(c)));
  const asking = clauses.filter((c, i) => SERVICES.some((x) => x.test(c)) && asks(i));
  if (!asking.length) return undefined;
  const f = ctx.data.faq;
  const hit = f?.ok ? (f.value ?? ctx.data.faqCandidates?.[0]) : undefined;
  if (!hit || detectLanguage(hit.entry.answer).lang !== ctx.lang) return undefined;
  const own = foldTraditional([hit.entry.question, ...(hit.entry.alternates ?? []), hit.entry.answer].join(' ').toLowerCase());
  if (!SERVICES.some((x) => asking.some((c) => x.test(c)) && x.test(own))) return undefined;
  const arrange = ARRANGE.test(ctx.r.u.normalized);
  // "发货了吗 需要自己安装吗": the parcel too, after the service (found in review: one half was dropped).
  const parcelToo = clauses.some((c) => !asking.includes(c) && SPECIFIC.test(c));
  const replies = [{ text: hit.entry.answer }, ...(arrange ? [{ text: ctx.t.arrangeOffer }] : []), ...(parcelToo ? data.replies : [])];
  return { replies, next: { ...(parcelToo ? data.next : {}), ...answeredEntry(ctx), ...(arrange ? { offeredHuman: true } : {}) } };
}

/**
 * A data question that names no order and that the shop's FAQ answers confidently. Asked in
 * general ("付款后多久发货", "新疆能送到吗", or an FAQ question word for word): the shop's answer,
 * then the buyer's order when exactly one open order fits. About their own order ("我的快递多久到",
 * "物流到哪了"): the order answer.
 */
/**
 * A buyer with no orders asking in general ("how long does shipping take to Beijing") is asking before buying: the shop's
 * likely entries, not "no orders found" (found from outside). So is one asking what usually happens ("一般几天能到北京",
 * "how long does shipping usually take"). With no entry to offer either, "not sure, a person?" ("猫砂多久换一次" was told
 * "no orders found").
 */
function askedInGeneral(ctx: Ctx, intent: DataIntent, data: Outcome, ownless: boolean, none: boolean): Outcome {
  const own = ownDeliveryTime(ctx, intent);
  if (own) return own;
  const offer = faqClarify(ctx);
  // Asked about "my order" with none here: say so before the shop's questions ("has my order shipped": found in review).
  if (offer && none && !ownless) return { ...offer, replies: [{ text: ctx.t.noOrders }, ...offer.replies] };
  // "可以寄到公司嗎 我白天不在家" before any order: the checkout's address (found from outside: "no orders found").
  // Not a change asked of an order they think they have ("帮我把地址改成公司的": no orders found is the honest answer).
  if (!offer && none && intent === 'change_address' && !ctx.r.explicitOrderId && SENDS_TO_ASKED.test(ctx.r.u.normalized)) return { replies: [{ text: ctx.t.addressBeforeOrder }] };
  return offer ?? (none && ownless && !ABOUT_AN_ORDER.has(intent) && !SPECIFIC.test(ctx.r.u.normalized) ? notSure(ctx) : data);
}

function dataOrFaq(ctx: Ctx, intent: DataIntent): Outcome {
  const data = intent === 'aftersale_progress' ? aftersaleAnswer(ctx) : dataAnswer(ctx, intent);
  const service = intent === 'aftersale_progress' ? undefined : serviceEntry(ctx, data);
  if (service) return service;
  if (asksParcelCarrier(ctx.state, ctx.r.u.normalized) && ctx.orders?.length) return data;
  // How long an unpaid order waits is its own rule, not the shop's entry on how to cancel ("how long before it cancels": found from outside).
  if (ctx.r.unpaidTimeout && ctx.orders?.some((o) => o.status === 'pending_payment')) return data;
  // "幾點到" with an order on its way is about it, not an entry that shares "几点" (the staff's hours: found from outside).
  if (ARRIVAL_TIME.test(ctx.r.u.normalized) && ctx.orders?.some((o) => OPEN.has(o.status))) return data;
  // Nor is "why was it cancelled? I never did" ("我冇取消過喎": found from outside).
  if (ctx.r.whyCancelled && ctx.orders?.some((o) => o.status === 'cancelled')) return data;
  const ownless = notAboutOwnOrder(ctx.r, ctx.input.text);
  const none = ctx.orders?.length === 0;
  // No orders here: "about my order" cannot be answered from them, so the FAQ is heard either way.
  // Nor with only digital orders: "where is my code" is the shop's entry before any order (found from outside).
  const digitalOnly = Boolean(ctx.orders?.length) && ctx.orders!.every((o) => !OPEN.has(o.status) || isDigital(o));
  const general = ownless || none || digitalOnly;
  const hit = general ? confidentFaq(ctx) : undefined;
  if (!hit && general && (none || (GENERALLY.test(ctx.r.u.normalized) && !SPECIFIC.test(ctx.r.u.normalized)))) return askedInGeneral(ctx, intent, data, ownless, none);
  // "物流到哪了" is about the buyer's parcel even when an FAQ shares its words, unless it is the FAQ's
  // own question as the shop typed it. (Near enough was not: "快递到了吗" and "快递" covered "走什么物流"
  // fully, and were told the shop's default courier; found from outside.)
  if (!hit || (!hit.verbatim && (BARE_THING.test(ctx.r.u.normalized) || (SPECIFIC.test(ctx.r.u.normalized) && !entryAsksLikeThis(ctx, hit))))) return data;
  // "delivery times to brisbane?" found the delivery entry with confidence: its Brisbane clause, as when the FAQ was unsure
  // (a Melbourne shop, fiftieth session: the whole entry for Brisbane and Auckland, Adelaide's clause alone).
  // Only of how long, from an entry on sending or delivery with times: "Alaska delivery?" of a list of places in one sentence is the whole entry.
  // One place, where it goes to: "from Melbourne to Darwin", "Sydney or Brisbane" are the whole entry (found in review).
  const to = ctx.input.text.replace(FROM_PLACE, ' ');
  const timeTo = HOW_LONG.test(ctx.r.u.normalized) && aboutSending(hit.entry) && TIMED.test(hit.entry.answer) && regionsIn(to).length === 1 ? placeNamed(ctx, hit.entry.answer, to) : undefined;
  const faq: Reply = { text: timeTo ?? hit.entry.answer };
  const focus = data.next?.pending ? undefined : data.next?.focusOrderId;
  const one = focus ? ctx.orders?.find((o) => o.orderId === focus) : undefined;
  // Not an order of other goods than those named ("我刚买的猫粮开封后能放多久" beside an earphones order: found from outside).
  // The order's answer already says the entry (a pre-order's or the shop's shipping terms): said once.
  // Compared without its closing mark: a sentence cut at "；" is said ending in "。" (found in review).
  // Any of its sentences: the order's answer may say only the one on its courier (found from outside: the whole entry, then its DPD sentence).
  const sentences = unclosed(hit.entry.answer.match(SENTENCES) ?? [hit.entry.answer]);
  // An order cancelled unpaid has no money coming back: the shop's refund times beside "nothing was charged" contradicted it
  // ("那钱退没退给我嘛 我记得好像付了的": a Chongqing shop, thirty-seventh session).
  if (one?.status === 'cancelled' && one.cancelReason && neverPaid(one.cancelReason)) return data;
  if (one && saidIn(data, sentences.filter((x, i) => i === 0 || x.length >= MIN_SAID_SENTENCE))) return data;
  // Or its region's clauses of it ("北京同城次日达，其他地区2-4天" out of a sentence that goes on to 新疆: found from outside, the whole entry before it).
  // Not when the buyer names a region of the entry ("寄到新疆要几天": its own clause is what they ask, found in review).
  if (one && regionsIn(ctx.input.text).length === 0 && saidIn(data, unclosed(hit.entry.answer.split(CLAUSE_END)).filter((x) => x.length >= MIN_SAID_CLAUSE && TIMED.test(x)))) return data;
  // A pre-order's or made-to-order's answer carries its own terms, and an order with a promised day
  // (`shipBy`) its day: the in-stock entry beside them would contradict them ("现货48小时内发" before
  // "预售按开采日期发": found from outside, a fruit shop).
  if (one && (aheadKind(one) || one.shipBy) && PARCEL_INTENTS.has(intent)) return data;
  // Beside a request's status, only an entry on returns and refunds ("so when should i expect it then" after a refund was told the delivery entry: found from outside).
  if (one && intent === 'aftersale_progress' && !POLICY_WORDS.return_policy.test(ownWords(hit.entry))) return data;
  // Beside a parcel's answer, only an entry on sending or delivery ("can I get it before the weekend" was told the staff's weekend hours first).
  if (one && PARCEL_INTENTS.has(intent) && OPEN.has(one.status) && !namesOtherGoods(ctx, one) && !aboutSending(hit.entry)) return data;
  // Nor beside an address change an entry on returns ("退货寄到哪里" shares 地址: found from outside).
  if (one && intent === 'change_address' && !aboutAddressChange(hit.entry)) return data;
  if (one && !namesOtherGoods(ctx, one) && (intent === 'aftersale_progress' || OPEN.has(one.status))) return { ...data, replies: [faq, ...data.replies] };
  return { replies: [faq], next: answeredEntry(ctx), faqOnly: true };
}

/**
 * How long delivery takes, asked in general ("how many days usually to johor?", "ok how long take to reach JB"):
 * the shop's own entry on it, which the robot's own question found with confidence, when the FAQ was
 * unsure of the buyer's words (found from outside: "did you mean 'How long does delivery take?'" five times).
 */
function ownDeliveryTime(ctx: Ctx, intent: DataIntent): Outcome | undefined {
  if (intent !== 'delivery_estimate') return undefined;
  const n = ctx.r.u.normalized;
  // Delivery or a place named ("to johor", "reach", "几天能到"): "how long does it usually take" could be anything (found in review of the tests).
  // ("ship to", "deliver to" need no words of their own: SENT_OR_ORDERED sets the first aside, ASKS_DELIVERY reads the second.)
  const ofDelivery = ASKS_DELIVERY.test(n) || /到|送|(?<![a-z])(?:reach\w*|get here)(?![a-z])/.test(n) || regionsIn(n).length > 0;
  // Ordered when, to arrive where ("今天下午拍的话好久能到成都": a Chengdu shop, fortieth session, "no orders found"): the sending
  // terms, then the days to the place named.
  const orderedThen = SENT_OR_ORDERED.test(n) && regionsIn(ctx.input.text).length > 0 && DAYS_TO_ARRIVE.test(n);
  if (!ofDelivery || (SENT_OR_ORDERED.test(n) && !orderedThen)) return undefined;
  const said = shopSays(ctx, 'delivery_time');
  if (!said) return undefined;
  const sending = orderedThen ? shopSays(ctx, 'ship_time') : undefined;
  return { replies: [...(sending ? [{ text: sending }] : []), { text: placeNamed(ctx) ?? said }], faqOnly: true };
}

/** An entry on sending or delivering goods, by any of its phrasings or its answer. */
const aboutSending = (entry: FaqEntry): boolean => {
  const words = foldTraditional([...phrasingsOf(entry), entry.answer].join(' ').toLowerCase());
  return ASKS_DELIVERY.test(words) || SHIPS.test(words) || /运费|邮费|包邮|寄|(?<![a-z])(?:postage|post|courier|ship\w*)(?![a-z])/.test(words);
};

/**
 * A policy question: the shop's own entry before the built-in text, with the buyer's order when
 * they named one. A returns question from a buyer whose return or refund is under way is often
 * about that request ("I sent it back, what now?", "换货呢"): its progress comes first.
 */
function policyAnswer(ctx: Ctx, intent: PolicyIntent): Outcome {
  const trouble = policyTrouble(ctx, intent);
  if (trouble) return trouble;
  const { text, offer } = policyText(ctx, intent);
  const request = intent === 'return_policy' && aboutTheirRequest(ctx) ? requestUnderway(ctx) : undefined;
  if (request) {
    const late = overdueDays(ctx, request) !== undefined ? { offeredHuman: true } : {};
    // Told just before, its status is not said again before each question on returns (found from outside, three shops).
    const told = ctx.state.topic === 'aftersale_progress' && ctx.state.focusOrderId === request.orderId;
    return { replies: told ? [{ text }] : [aftersaleReply(ctx, request), { text }], next: { focusOrderId: request.orderId, topic: 'aftersale_progress', policy: intent, ...offer, ...late } };
  }
  // A weak guess without a word of its topic is no answer for the built-in text: "血糖仪怎么用啊" was told where coupons are (found from outside).
  if (guessed(ctx.r) && isBuiltInPolicy(ctx, intent, text) && !POLICY_WORDS[intent].test(ctx.r.u.normalized)) return notSure(ctx);
  const o = ctx.orders && (!notAboutOwnOrder(ctx.r, ctx.input.text) || (intent === 'return_policy' && namesOwnGoods(ctx, ctx.orders))) ? policyOrder(ctx, ctx.orders) : undefined;
  if (!o) return { replies: [{ text }], next: { ...offer, policy: intent }, ...(offer?.faqLast ? { faqOnly: true as const } : {}) };
  // Nothing sent yet, nothing to send back: the order is cancelled for its money (found from outside: a paid
  // pre-sale order's "能退吗" was told the signed-goods returns text, a Hangzhou shop).
  if (intent === 'return_policy' && (o.status === 'paid' || o.status === 'pending_payment') && unsentAsked(ctx, o)) {
    return withNext(cancelAnswer(ctx, o), { focusOrderId: o.orderId, topic: 'cancel_order' });
  }
  const window = intent === 'return_policy' && ofTheseGoods(ctx, o) && !PRICE_GAP.test(ctx.r.u.normalized) ? returnWindow(ctx, o, returnDays(text) !== undefined ? text : returnsRule(ctx)) : undefined;
  // A "did you mean…?" stays last: its numbers are what the buyer answers next.
  const said = !window ? [{ text }] : offer?.faqOptions ? [window.reply, { text }] : [{ text }, window.reply];
  // The parcels were read for the window only: the status is said as for any policy question, without them.
  const status = intent === 'return_policy' ? statusAnswer({ ...ctx, logistics: [], logisticsFailed: false }, o) : statusAnswer(ctx, o);
  return { replies: [...status.replies, ...said], next: { focusOrderId: o.orderId, topic: 'order_status', ...offer, policy: intent, ...(window?.passed ? { offeredHuman: true } : {}) } };
}
/** The shop's returns entry; the built-in rule only for a shop that wrote no FAQ of its own. */
const returnsRule = (ctx: Ctx): string => shopSays(ctx, 'returns') ?? shopSaysOther(ctx, 'returns') ?? ((ctx.data.faqEntries ?? 0) >= OWN_FAQ_MIN ? '' : ctx.t.policy.return_policy);
const BACK_NOT_SWAP = /退|(?<![a-z])(?:return\w*|refund\w*|send (?:it )?back)(?![a-z])/;
const SWAP = /换|(?<![a-z])(?:exchang\w*|swap\w*)(?![a-z])/;
/** Goods the buyer has had ("穿了一次", "用了", "tried it on"): not the order still unsent, whatever its kind (a hiking boot worn is no running shoe unsent). */
const HAD_IT = /穿了|穿过|用了|用过|试了|试穿|戴了|吃了|收到|到了|磨脚|小了|大了|不合身|脏了|(?<![a-z])(?:wore|worn|used|tried|received|arrived|got it|came|too (?:small|big|tight|loose|short|long)|does ?n[o']?t fit)(?![a-z])/;
/** Money back asked of an order not sent: its goods named by a word of their title, or none named. */
const unsentAsked = (ctx: Ctx, o: Order): boolean =>
  BACK_NOT_SWAP.test(ctx.r.u.normalized) && !SWAP.test(ctx.r.u.normalized) && !HAD_IT.test(ctx.r.u.normalized) && (namedAs(ctx, o, true) || kindsOfGoods(ctx.input.text).size === 0);

/** The goods of one of the buyer's orders named ("这个充电器还能退吗"): a returns question about that order, though not "my". */
function namesOwnGoods(ctx: Ctx, orders: readonly Order[]): boolean {
  // Goods worn or used are goods received: an order not sent is not theirs ("穿了一次，想退掉" of a hiking boot beside running shoes unsent).
  const had = HAD_IT.test(ctx.r.u.normalized);
  const open = orders.filter((o) => OPEN.has(o.status) && (!had || o.status === 'shipped' || o.status === 'delivered'));
  return !WHAT_IF.test(ctx.r.u.normalized) && open.some((o) => namedAs(ctx, o));
}
/**
 * The order's goods named: a word of its title, or kinds of goods that are all its own ("the charger" of
 * "绿联 65W 氮化镓充电器"; a slip dress is no fleece jacket, though both are clothing).
 */
function namedAs(ctx: Ctx, o: Order, byWords = false): boolean {
  const { words, kinds } = goodsWords(ctx, [o]);
  if (words.some((w) => o.items.some((i) => titleWord(i.title, w)))) return true;
  const own = kindsOfGoods(o.items.map((i) => i.title).join(' | '));
  return !byWords && kinds.length > 0 && kinds.every((k) => own.has(k));
}
/** A word of the title: a whole Latin word ("free" is no word of "FreeBuds", "do u do free returns"), or Chinese as titleHas reads it. */
function titleWord(title: string, w: string): boolean {
  if (!/^[a-z]+$/.test(w)) return titleHas(title, w);
  for (const m of foldTraditional(title.normalize('NFKC').toLowerCase()).matchAll(LATIN_RUN)) if (m[0] === w || w === `${m[0]}s` || w === `${m[0]}es`) return true;
  return false;
}
/** A price difference asked back ("降到4299了 我买的4599 能退差价吗"): no returns window (a Beijing shop, forty-first session: its 15 days of price protection told as "15 天的退换期"). */
const PRICE_GAP = /差价|价保|保价|降价|(?<![a-z])(?:price (?:protection|adjustment|match|drop)|difference back|refund the difference)(?![a-z])/;
const UNUSED_ONLY = /未拆封|未开封|未使用|未穿|没拆封|没开封|(?<![a-z])(?:unopened|unused|unworn|sealed|unwashed)(?![a-z])/;
/** Not opened or used, said so ("i never opened it", "still sealed, not used", "没拆封": found in review). */
const NOT_USED = /(?<![a-z])(?:never|not|haven'?t|have not|didn'?t|did not|(?:wasn'?t|was not)|(?:isn'?t|is not)|un)\s*(?:been\s+|even\s+)?(?:opened|open|used|worn|washed)(?![a-z])|没(?:有)?(?:拆|开封|打开|用过|穿过|洗过|用)|未(?:拆|开封|使用)/g;
const USED_SAID = /拆了|拆封|开封|打开了|用过|穿过|洗过|用了|(?<![a-z])(?:opened|open(?:ed)? (?:tub|bottle|box|pack)|used|worn|wore|washed)(?![a-z])/;
/** A returns window is said of the goods asked about: those named, or none named and no "what if" (a purchase not made yet). */
const ofTheseGoods = (ctx: Ctx, o: Order): boolean => namedAs(ctx, o) || (kindsOfGoods(ctx.input.text).size === 0 && !WHAT_IF.test(ctx.r.u.normalized));

/**
 * The days from delivery a returns text gives ("收货 7 天内", "支持七天无理由退货", "30-day returns", "return it
 * within 14 days"); undefined when it gives none.
 */
const RETURN_DAYS_ZH = /(?:签收|收货|收到|到货)[^。；;，,!！?？]{0,6}?(\d{1,2}|七|十五|三十)\s*(?:天|日)|(\d{1,2}|七|十五|三十)\s*天(?:内|之内)?(?:无理由|无忧|可退|可换|退|换)/;
/**
 * The days are for a report, not a return: a photo or word to the shop comes before any return word after them ("收到商品3天內，拍下
 * 外箱、商品破損處…傳給客服，我們確認後會幫您免費換新或退款": a Taipei shop, forty-eighth session, told a baby monitor's "3-day return
 * window" had passed).
 */
const REPORT_OR_RETURN = /(拍照|拍下|拍摄|照片|联系客服|联系我们|反馈|告知|通知|私信)|(退|换|寄回)/;
const reportWindow = (after: string): boolean => REPORT_OR_RETURN.exec(after.split(/[。；;!！?？]/)[0] ?? '')?.[1] !== undefined;
const RETURN_DAYS_EN = /(?<![a-z\d])(\d{1,2})[- ]days? (?:no[- ]reasons? |no[- ]questions[- ]asked |hassle[- ]free |free |money[- ]back )?(?:returns?|exchanges?|refunds?)|(?<![a-z])(?:return|exchang|send)\w*[^.]{0,40}?\bwithin (\d{1,2}) days|(?<![a-z])within (\d{1,2}) (?:calendar )?days (?:of|from|after) (?:delivery|receipt|receiving|arrival)/;
const CHINESE_DAYS: Readonly<Record<string, number>> = { 七: 7, 十五: 15, 三十: 30 };
export function returnDays(text: string): number | undefined {
  const t = shopReading(text);
  const zh = RETURN_DAYS_ZH.exec(t);
  const m = (zh && !reportWindow(t.slice(zh.index + zh[0].length)) ? zh : null) ?? RETURN_DAYS_EN.exec(t);
  const raw = m?.slice(1).find((x) => x !== undefined);
  const n = raw === undefined ? undefined : (CHINESE_DAYS[raw] ?? Number(raw));
  return n !== undefined && n >= 1 && n <= 90 ? n : undefined;
}

/**
 * A delivered order against the days its returns text gives: past them, or until when (found from outside: a
 * charger signed for 8 days before was told "7 天内可退" and nothing more, a Chongqing shop). From the parcel's
 * delivered scan only: the order's own time may be any change.
 */
function returnWindow(ctx: Ctx, o: Order, policy: string): { reply: Reply; passed: boolean } | undefined {
  // The days are for goods unopened and these were opened: the window said is not theirs (a US vitamins shop, forty-first session:
  // "its 60-day return window runs until Jan 29" of an opened tub, which the shop's 30-day guarantee covers).
  if (UNUSED_ONLY.test(shopReading(policy)) && USED_SAID.test(ctx.r.u.normalized.replace(NOT_USED, ' '))) return undefined;
  if (excludedFromReturns(policy, o)) return undefined;
  const n = o.status === 'delivered' ? returnDays(policy) : undefined;
  const scans = n === undefined ? [] : parcelsOf(ctx, o).filter((l) => l.status === 'delivered').map((l) => newestEvents(l)[0]?.time).filter((t): t is string => t !== undefined);
  const at = scans.sort().at(-1);
  const atMs = at === undefined ? NaN : Date.parse(at);
  if (n === undefined || !Number.isFinite(atMs)) return undefined;
  // Counted in the shop's calendar, as a request's due day is (dueBy).
  const days = calendarDaysBetween(atMs, (ctx.input.now ?? new Date()).getTime(), ctx.tz);
  const day = formatDay(at!, ctx.lang, ctx.tz);
  if (days > n) return { reply: { text: ctx.t.returnWindow.passed(o.orderId, day, days, n) }, passed: true };
  if (days < 0) return undefined;
  const until = formatDay(new Date(endOfCalendarDay(atMs, n, ctx.tz) - HOUR_MS).toISOString(), ctx.lang, ctx.tz);
  return { reply: { text: ctx.t.returnWindow.open(o.orderId, day, until, n) }, passed: false };
}

/**
 * Goods the shop's word on returns says never go back ("奶粉（食品）不论有没有拆封都无法退货", "奶粉…不论是否拆封都无法退换货": a Taipei
 * shop, forty-eighth session, was told a can of formula's 7-day window ran until Dec 8, and of its 3 days to report a dented can as a
 * window passed): no window for an order of them. Not an exclusion of opened goods only, unless it says whether opened or not.
 */
const NO_RETURN = /无法(?:退|换)|不能(?:退|换)|不可(?:退|换)|不予(?:退|换)|不(?:接受|支持|提供)(?:退|换)|不退不换|恕不退|(?<![a-z])(?:non-?returnable|(?:can'?t|cannot|can not) be (?:returned|exchanged)|not (?:returnable|eligible for (?:a )?return)|no returns? (?:on|for)|final sale)(?![a-z])/;
const OPENED_ONLY = /已(?:拆|开)封|(?:拆|开)封(?:的|后|了|过)|使用过|用过|(?<![a-z])(?:opened|used|worn)(?![a-z])/;
const WHETHER_OR_NOT = /不论|无论|不管|(?<![a-z])(?:regardless|even (?:if |when )?(?:unopened|sealed)|opened or (?:not|unopened))(?![a-z])/;
function excludedFromReturns(policy: string, o: Order): boolean {
  // kindsOfGoods reads in lower case itself.
  const goods = new Set(o.items.flatMap((i) => [...kindsOfGoods(foldTraditional(i.title))]));
  if (goods.size === 0) return false;
  return shopReading(policy)
    .split(/[。！!；;\n]|(?<=\.)\s/)
    .some((c) => NO_RETURN.test(c) && (!OPENED_ONLY.test(c) || WHETHER_OR_NOT.test(c)) && [...kindsOfGoods(c)].some((k) => goods.has(k)));
}

/**
 * A returns question that may be about the request under way: not a "what if" or one asked before
 * buying, nor one the shop's confident entry on another topic answers (found from outside: "那如果
 * 尺寸不合适能换吗", "我看中一个包 可以视频看货吗" were told an unrelated refund first).
 */
function aboutTheirRequest(ctx: Ctx): boolean {
  if (WHAT_IF.test(ctx.r.u.normalized)) return false;
  // Trouble with the goods told ("划痕那么明显你们描述里都没写") is the request's business (found in review).
  if (GOODS_TROUBLE.test(ctx.r.u.normalized) || NOT_AS_DESCRIBED.test(ctx.r.u.normalized)) return true;
  const hit = confidentFaq(ctx);
  return !hit || POLICY_WORDS.return_policy.test(ownWords(hit.entry));
}
const NOT_AS_DESCRIBED = /描述不符|与描述不符|描述(?:里|上)?(?:都|也)?没写|和描述不一样|跟描述不一样|(?<![a-z])(?:not as described|different from the (?:photo|picture|description))(?![a-z])/;
const WHAT_IF = /如果|假如|要是|万一|假设|的话|看中|想买|还没买|下单前|买之前|(?<![a-z])(?:(?<!(?:check|know|see|ask|asking|tell me|confirm|find out|sure|idk|unsure|whether) )if|in case|what if|before (?:i )?(?:buy|order)|thinking of (?:buying|ordering|getting))(?![a-z])/;

/** Words any question on the topic has ("券", "invoice", "退"): a guess without one is no question on it. */
const POLICY_WORDS: Readonly<Record<PolicyIntent, RegExp>> = {
  coupon: /券|优惠|折扣|打折|满减|红包|活动|便宜|减价|降价|返现|少点|价保|差价|促销|积分|(?<![a-z])(?:disc\w*|coupon\w*|promo\w*|voucher\w*|credit|code|sale|save|saving|deal\w*|off)(?![a-z])/,
  invoice: /票|收据|报销|(?<![a-z])(?:invoice\w*|receipt\w*|vat|tax|fapiao)(?![a-z])/,
  return_policy: /退|换|寄回|(?<![a-z])(?:return\w*|refund\w*|exchang\w*|send (?:it )?back|swap)(?![a-z])/,
};
/** A coupon that did not apply ("优惠券用不了", "my coupon didn't apply"). */
const COUPON_TROUBLE = /(?:券|优惠|折扣|满减).{0,8}(?:用不了|不能用|没法用|无法使用|用不上|没用上|没抵扣|没有抵扣|不抵扣|没减|没扣|没生效|不生效|失效|无效)|(?<![a-z])(?:coupon|promo|discount|voucher)(?: code)?s?\b.{0,30}\b(?:(?:did ?n[o']?t|does ?n[o']?t|(?:won'?t|will not)|wont|not|(?:isn'?t|is not)|never) (?:apply|applied|work|working|go through|valid)|invalid|rejected|not applied|expired)/;
/** Invoice details sent in the chat: a tax number or a company header ("税号…", "抬头…", "tax id"). */
const INVOICE_DETAILS = /税号|抬头|纳税人识别号|信用代码|(?<![a-z])(?:tax (?:id|number|no)|vat (?:id|number|no)|company name)(?![a-z])/;

/**
 * Fresh goods arrived spoiled: rotten, mouldy, thawed, dead ("葡萄烂了好几颗", "虾到了 但是全化了",
 * "the mangoes are rotten"): goods in trouble even unnamed (found from outside: not understood).
 * Also read on the text as typed: the sound-alike corrector makes 全化了 into 全花了.
 */
const SPOILED = /烂了|烂的|烂掉|烂心|烂果|坏果|腐烂|发霉|长毛了|长白毛|变质|臭了|馊了|化冻|解冻了|(?:全|都)化了|化成水|不新鲜|死了?(?:[一两二三四五六七八九十几]|好几|\d{1,2})?(?:只|条)|(?:到货|到了|收到|送到)(?:就|时|的时候)?(?:已经)?死了|(?:全|都)死了|死亡|(?<![a-z])(?:rotten|mou?ldy|spoiled|spoilt|thawed|melted|went bad|gone off|arrived dead|dead on arrival|not fresh)(?![a-z])/;
/** Flowers that came wilted ("花到了都蔫了"): only on arrival; a plant yellowing after weeks is its care (found in review). */
const WILTED = /蔫了|都蔫|打蔫|枯萎|凋谢|(?:花|叶子|叶)(?:全|都)?(?:黄|枯)了|(?<![a-z])(?:wilted|withered|drooping|droopy)(?![a-z])/;
/** Said of goods received: named, the buyer's own, or arrived ("虾到了 但是全化了"). */
const ARRIVED = /到了|收到|签收|送到|拿到|(?<![a-z])(?:arrived|received|came|got (?:it|them|my))(?![a-z])/;
/** A worry or a shrug, not a report ("到了会不会不新鲜", "别都化了", "冰袋都化了 但是虾还是冰的 没事"). */
const WORRY = /会不会|别都|别.{0,4}了吧?|怕|担心|没事|没关系|(?<![a-z])(?:will (?:it|they)|would (?:it|they)|worried|afraid|no problem|all good)(?![a-z])/;
const folded = (text: string) => text.normalize('NFKC').toLowerCase();
/**
 * A shop's own text as its facts are read (times, topics): folded, in simplified characters, with
 * Taiwan's words for the same things ("7-14 個工作天", "24 小時內出貨"): a Taiwanese shop's refund
 * and shipping times were never found, so the built-in ones were said over them (found from outside).
 */
const shopReading = (text: string): string => foldTraditional(folded(text)).replace(/工作天|营业日|营业天/g, '工作日').replace(/出货/g, '发货');
const swollenFood = (n: string): boolean => n.replace(FOOD_SWOLLEN, '\u0000') !== n;
/** Goods the buyer received spoiled: "心都化了", "你们物流也太烂了", "my phone was dead" are not (found in review). */
function spoiledGoods(text: string, normalized: string): boolean {
  // "the flowers are wilted. what do i do": flowers named are goods that came (found from outside: "did you mean…?").
  if (WILTED.test(normalized) && (ARRIVED.test(normalized) || kindsOfGoods(text).size > 0) && !WORRY.test(normalized)) return true;
  // A swollen can names its goods ("罐头鼓包了").
  if (swollenFood(normalized) && !WORRY.test(normalized)) return true;
  if (!(SPOILED.test(normalized) || SPOILED.test(folded(text))) || WORRY.test(normalized)) return false;
  return kindsOfGoods(text).size > 0 || personal(text) || ARRIVED.test(normalized);
}
/** Goods sent wrong, short, damaged or faulty ("发错货了", "收到的东西坏了", "you sent me the wrong item"): the shop's fault, a person's job. */
/** A gift or sample missing from the box ("化妆包没有啊", "小样少了两个"). */
const GIFT_MISSING = String.raw`(?:赠品|小样|化妆包|礼品|赠送的|送的)[^，,。!！?？]{0,8}(?:没有|没收到|没看到|不见|少了|缺)|(?:没有|没收到|少了|缺了?)[^，,。!！?？]{0,4}(?:赠品|小样|化妆包|礼品)`;
const GIFT_MISSING_RE = new RegExp(GIFT_MISSING);
/** An appliance that stopped doing its job ("stopped heating", "won't turn on", "不加热了"): found from outside, an air fryer was a greeting. */
const APPLIANCE_FAULT = /不加热|不热了|不制热|不出热风|开不开|不通电|通不了电|不转了|烧不开|(?<![a-z])(?:stopped (?:working|heating|spinning|blending|boiling|turning on|powering on)|(?:won'?t|will not|wont) (?:heat(?: up)?|power on|turn on|switch on|boil|spin|blend)(?! until)|(?:does ?n[o']?t|does not|do not|can ?not|(?:can'?t|cannot|can not)) (?:heat(?: up)?|power on|turn on|boil)|not heating(?: up)?|no heat)(?![a-z])/;
const GOODS_TROUBLE = new RegExp(String.raw`${APPLIANCE_FAULT.source}|${GIFT_MISSING}|断了|断掉|是断的|折断|裂了|裂开|碎的|`.concat(/发错|错发|少发|漏发|少了一件|少了?(?:好)?[一二两三四五六七八九十几\d]+(?:件|个|盒|套|支|瓶|包|只|双|片|箱|袋|条|根|颗|粒|块)|(?:螺丝|螺钉|配件|零件|五金)[^，,。？?]{0,4}(?:少了|不够|缺了?)|缺件|坏了|破损|损坏|摔坏|碎了|(?:袋子|包装|盒子|箱子|瓶子|罐子|袋)破了|(?:汤|汁|液|油|酱|水)[^，,。]{0,3}(?:流出来|漏出来)|(?:箱子|包装|外箱|盒子|纸箱)[^，,。]{0,3}湿透|压坏|压扁|压烂|变形了|漏了|漏水|漏气|渗水|质量(?:有)?问题|不能用|用不了|没声音|破洞|有个洞|有洞|开线|脱线|开胶|起球|掉色|褪色|缩水|(?<![a-z])(?:(?:got|has|have|with) (?:a |an )?(?:small |big |tiny |little |huge )?holes?|holes? in|(?:is|was|got|arrived|came) (?:torn|ripped)|(?:torn|ripped) (?:open|apart|at)|(?:can ?not|(?:can'?t|cannot|can not)) hold|sent (?:me )?(?:the |a )?wrong|wrong item|received the wrong|got the wrong|wrong colou?r|colou?r is wrong|(?:sent|got|received) (?:me )?(?!(?:a |an |the |my )?(?:refund|store credit|credit|e-?mail|text|message|call|voucher|coupon|notification|exchange|replacement)\b)(?:a |an |the )?(?:[a-z]+ ){0,3}instead of|is missing|are missing|was missing|missing (?:from|item|part)|broken|damaged|crushed|squashed|smashed|ruined|defective|faulty|cracked|(?:got|has|have|there's) a crack|leak(?:ed|ing|s)?|does ?n[o']?t work|stopped working|not working|no sound|flicker(?:s|ing)?|dead pixels?|keeps (?:restarting|rebooting|disconnecting|crashing))(?![a-z])/.source));
function reportsTrouble(u: Understanding, text: string): boolean {
  // "hi my air fryer stopped heating": a greeting before it says nothing against it (found from outside: greeted back).
  // "the flowers are wilted. what do i do" reads as a sure FAQ question, and the FAQ only asked "did you mean…?" (found from outside).
  const unsure = unclearReading(u) || u.intent === 'greeting' || (u.intent === 'faq' && spoiledGoods(text, u.normalized) && !POLICY_ASK.test(u.normalized));
  // "the cake arrived completely crushed" reads as a delivery question, but says what arrived (found from outside).
  const arrivedSo = ARRIVED_IN_TROUBLE.test(u.normalized) && !/快递柜|柜子|驿站|(?<![a-z])locker(?![a-z])/.test(u.normalized) && LOGISTICS_INTENTS.has(u.intent as DataIntent);
  const reaction = skinReaction(u.normalized);
  return (unsure || arrivedSo) && ((GOODS_TROUBLE.test(u.normalized) && (kindsOfGoods(text).size > 0 || personal(text) || GIFT_MISSING_RE.test(u.normalized) || arrivedSo)) || reaction || spoiledGoods(text, u.normalized));
}
/** "神仙水用了过敏 脸都红了": a reaction to goods used, though unnamed (found from outside: "not sure"); "猫对鸡肉过敏" is no report. */
const skinReaction = (n: string): boolean =>
  /用了|用完|涂了|擦了|抹了|吃了|(?<![a-z])(?:after using|used it)(?![a-z])/.test(n) && /过敏|红肿|起疹|烂脸|刺痛|(?<![a-z])(?:allergic|rash)(?![a-z])/.test(n) && !/没过敏|不过敏|没有过敏|没.{0,3}过敏|会不会|会过敏|吗|[?？]|(?<![a-z])(?:never|not|no)(?![a-z])/.test(n);
/** Goods said to have come in trouble ("到了 但是碎了", "arrived crushed"). */
// "arrived this morning and honestly they're completely wilted" (found from outside: the delivery's tracking).
// Also "my parcel reached already!! but the kaftan got a small hole" (found from outside: the tracking).
const ARRIVED_IN_TROUBLE = /(?:到了|收到|送到|送来).{0,8}(?:碎|坏|压|烂|破|蔫)|(?<![a-z])(?:arrived|came|reached|got here|received)\b[^?]{0,30}\bbut\b[^?]{0,40}\b(?:got|has|have|had|there is|there's|is|are)\b(?: a| an| some| small| big| tiny| little){0,2} (?:hole|holes|tear|stain|stains|crack|scratch|scratches|missing button)(?![a-z])|(?<![a-z])(?:arrived|came|was delivered|were delivered|got here)(?: [a-z',]+){0,7} (?:crushed|squashed|smashed|broken|damaged|ruined|wilted|withered|drooping|dead|melted|rotten|mouldy|moldy)(?![a-z])/;
/** A question about the policy rather than a report of trouble. */
// "能开发票不 我要开公司抬头报销" asks whether it can be done (found from outside: the shop's invoice entry unsaid).
const POLICY_ASK = /吗|可以|能不能|能否|需要|如果|假如|要是|什么时候|多久|能开(?:发)?票|(?<![a-z])(?:can i|could i|do i need|do you|will it|would it|if|when does|when do|how long|is it possible|does (?:it|the|this|your)|policy)(?![a-z])/;
const IS_IT_NORMAL = /正常吗|正常么|正常嘛|正不正常|(?<![a-z])(?:is (?:it|this|that) normal|normal\?)/;
const TROUBLE: Readonly<Record<PolicyIntent, RegExp>> = { coupon: COUPON_TROUBLE, invoice: INVOICE_DETAILS, return_policy: GOODS_TROUBLE };

/**
 * What the robot cannot do for a policy question, said with the way to a person: a coupon that
 * did not apply gets its usual causes instead of where coupons are found ("优惠券用不了" was
 * offered a price-protection entry), invoice details sent in the chat are not taken as an order
 * number or lost, goods sent wrong or broken are not answered with the returns postage entry
 * (found from outside). The shop's own confident answer comes first.
 */
function policyTrouble(ctx: Ctx, intent: PolicyIntent): Outcome | undefined {
  // "优惠券什么时候失效？", "开票需要提供税号吗？", "用坏了还能退货吗" ask the policy (found in review).
  const spoiled = intent === 'return_policy' && spoiledGoods(ctx.input.text, ctx.r.u.normalized);
  const reaction = intent === 'return_policy' && skinReaction(ctx.r.u.normalized);
  // "卫衣起球了 正常吗" asks whether the trouble is normal: a report all the same (found from outside).
  const asks = POLICY_ASK.test(ctx.r.u.normalized) && !IS_IT_NORMAL.test(ctx.r.u.normalized);
  if (!(TROUBLE[intent].test(ctx.r.u.normalized) || spoiled || reaction)) return undefined;
  // Asked of a narrow trouble the shop has an entry for ("茶几少了两颗螺丝，能补吗" and "少发了配件怎么办"): that entry (found from outside: a list of three).
  if (asks) return askedOfTrouble(ctx, intent);
  const shop = faqAnswer(ctx) ?? troubleEntry(ctx, intent);
  // A shop with entries of its own on the topic states its own procedure: the built-in one
  // beside them contradicted it ("下单时填写抬头" against "在订单详情页申请开票时填写": found from outside).
  const own = Boolean(shop) || Boolean(ctx.data.faqOnTopic?.length) || Boolean(ctx.data.faqCandidates?.length);
  // The short coupon text points "above": with nothing of the shop's said, the usual causes are said instead (found from outside: it stood alone).
  const trouble: Reply = { text: (own && (shop || intent !== 'coupon') ? ctx.t.policyTroubleShort : ctx.t.policyTrouble)[intent] };
  // The entry said is kept, for "过了48小时就不管了？" next (found from outside).
  const said = shop ? { faqLast: { q: (ctx.data.faq?.ok && ctx.data.faq.value?.entry.answer === shop ? ctx.data.faq.value.entry.question : '').slice(0, MAX_FAQ_QUESTION), a: wholeSentences(shop, MAX_FAQ_LAST_ANSWER) } } : {};
  // A request already under way for it ("花到了都蔫了" with a refund asked): where it stands, before the way to a person (found from outside).
  // Only one asked for the same trouble ("花到了都蔫了" beside a refund for wilted flowers), never any refund under way (found in review).
  const request = intent === 'return_policy' ? requestUnderway(ctx) : undefined;
  const asked = troublesIn(`${ctx.r.u.normalized} ${folded(ctx.input.text)}`);
  const same = request?.reason !== undefined && troublesIn(folded(request.reason)).some((k) => asked.includes(k));
  const standing = request && same ? [aftersaleReply(ctx, request)] : [];
  return { replies: [...(shop ? [{ text: shop }] : []), ...standing, trouble], next: { offeredHuman: true, troubleTold: true, ...said } };
}

function askedOfTrouble(ctx: Ctx, intent: PolicyIntent): Outcome | undefined {
  const narrow = troublesIn(`${ctx.r.u.normalized} ${folded(ctx.input.text)}`).some((k) => NARROW_TROUBLES.has(k));
  const entry = narrow && !confidentFaq(ctx) ? troubleEntry(ctx, intent) : undefined;
  return entry ? { replies: [{ text: entry }], next: { offeredHuman: true, troubleTold: true } } : undefined;
}

/**
 * Among the shop's plausible entries, the one whose own question names the same trouble ("收到时化冻了
 * 或者坏了怎么办？" for "葡萄也烂了好几颗"): its procedure is the shop's for this (found from outside:
 * only "say human" was given).
 */
function troubleEntry(ctx: Ctx, intent: PolicyIntent): string | undefined {
  if (intent !== 'return_policy') return undefined;
  const asked = troublesIn(`${ctx.r.u.normalized} ${folded(ctx.input.text)}`);
  // The kinds of trouble an entry names: all its question names, and the narrow ones its alternates
  // name ("水果坏了怎么赔" is no entry on a crab's broken string: found in review).
  const kinds = (h: FaqHit) => [...troublesIn(folded(h.entry.question)), ...troublesIn(folded((h.entry.alternates ?? []).join(' '))).filter((k) => NARROW_TROUBLES.has(k))].filter((k) => asked.includes(k));
  // Entries of any topic only for a trouble of their own kind (a dead crab, a short weight): "坏了" is too wide to pick the warranty of another shop's goods (found in review of the corpus).
  const nearest = (ctx.data.faqNearest ?? []).filter((h) => kinds(h).some((k) => NARROW_TROUBLES.has(k)));
  // The entry that names the most of the buyer's kinds of trouble ("烂了" is the rotten-fruit entry's, not
  // the thawed seafood's); goods of the same kind break a tie (rotten mangoes with melted ice packs are the fruit entry's).
  const goods = kindsOfGoods(ctx.input.text);
  const sameGoods = (h: FaqHit) => [...kindsOfGoods(phrasingsOf(h.entry).join(' '))].some((k) => goods.has(k));
  const scored = [...(ctx.data.faqCandidates ?? []), ...(ctx.data.faqOnTopic ?? []), ...nearest].map((h) => ({ h, score: new Set(kinds(h)).size + (sameGoods(h) ? 0.5 : 0) + (namesSameThing(ctx.input.text, h) ? 0.25 : 0) }));
  const own = scored.filter((x) => x.score >= 1 && detectLanguage(x.h.entry.answer).lang === ctx.lang).sort((a, b) => b.score - a.score)[0]?.h.entry.answer;
  // Goods that stopped working are the warranty's: the shop's entry on it (found from outside: "我的耳机左边没声音了" beside "保修多久？").
  const warranty = deviceFault(`${ctx.r.u.normalized} ${folded(ctx.input.text)}`) ? shopSays(ctx, 'warranty') : undefined;
  return own ?? (warranty && WARRANTY.test(`${ctx.data.shopSays?.warranty?.entry.question ?? ''} ${warranty}`) ? warranty : undefined);
}
/**
 * The entry's phrasings hold three Chinese characters running of the message ("点读笔" of "点读笔点了没反应"),
 * goods no kind of the lexicon names: a tie between two entries on the trouble goes to it (found from outside:
 * the missing-parts entry answered a reading pen that did not respond).
 */
function namesSameThing(text: string, h: FaqHit): boolean {
  const entry = foldTraditional(phrasingsOf(h.entry).join(' '));
  for (const run of foldTraditional(text).match(/\p{Script=Han}{3,}/gu) ?? []) {
    for (let i = 0; i + 3 <= run.length; i++) if (entry.includes(run.slice(i, i + 3))) return true;
  }
  return false;
}
/** Kinds of trouble with goods, so that an entry on spoiled food does not answer "发错货了" (found in review). */
const TROUBLE_KINDS: readonly (readonly [string, RegExp])[] = [
  ['spoiled', new RegExp(`${SPOILED.source}|${WILTED.source}`)],
  // Fresh goods' kinds of spoiling, each its own claim (found from outside: "芒果烂了" got the thawed-seafood entry, 2 h instead of 24 h).
  ['rotten', /烂|腐|霉|长毛|白毛|变质|臭|馊|坏果|不新鲜|(?<![a-z])(?:rott\w*|mou?ld\w*|spoil\w*|went bad|gone off|not fresh)(?![a-z])/],
  ['thawed', /化冻|解冻|化了|化成水|冰袋|不冰|软了|(?<![a-z])(?:thaw\w*|melt\w*|defrost\w*|ice packs?)(?![a-z])/],
  ['dead', /死|(?<![a-z])(?:dead|died)(?![a-z])/],
  ['wilted', WILTED],
  ['weight', /缺斤|少两|少秤|短斤|重量不|分量不|不够重|不够斤|称了|称重|(?<![a-z])(?:under ?weight|short weight|weighs? less)(?![a-z])/],
  ['wrong', /发错|错发|(?<![a-z])wrong(?![a-z])/],
  ['missing', new RegExp(String.raw`少发|漏发|缺件|少件|少了|没收到|没有收到|${GIFT_MISSING}|(?<![a-z])missing(?![a-z])`)],
  ['broken', /坏了|破损|损坏|摔坏|碎了|(?:袋子|包装|盒子|箱子|瓶子|罐子|袋)破了|压坏|压扁|压烂|变形了|断了|断掉|断的|折断|裂了|裂开|(?<![a-z])(?:broken|broke|damaged|cracked|crushed|squashed|smashed|ruined)(?![a-z])/],
  ['faulty', new RegExp(`${APPLIANCE_FAULT.source}|不能用|用不了|质量(?:有)?问题|没声音|不出声|没反应|没有反应|点不了|不读|开不了机|不开机|黑屏|死机|过敏|红肿|起疹|烂脸|刺痛|(?<![a-z])(?:defective|faulty|not working|stopped working|does ?n[o']?t work)(?![a-z])`)],
  ['leak', /漏了|漏水|漏气|渗水|(?:汤|汁|液|油|酱|水)[^，,。]{0,3}(?:流出来|漏出来)|(?<![a-z])leak/],
  // A garment coming apart ("袖口开线了 才穿了一次": a Guangzhou shop, forty-first session, the built-in text beside its own entry).
  ['seam', /开线|脱线|开缝|破洞|破了个洞|拉链坏|掉扣子|扣子掉|(?<![a-z])(?:seams? (?:came|coming|split|ripped|undone)|unravel\w*|stitching (?:came|coming|undone)|(?:a |got a )hole)(?![a-z])/],
];
/** Kinds of trouble narrow enough to tie an entry of any topic to a report. */
const NARROW_TROUBLES: ReadonlySet<string> = new Set(['rotten', 'thawed', 'dead', 'wilted', 'weight', 'leak', 'wrong', 'missing', 'seam']);
const WARRANTY = /保修|质保|维修|(?<![a-z])(?:warranty|repair)(?![a-z])/;
const troublesIn = (text: string): string[] => TROUBLE_KINDS.filter(([, re]) => re.test(text)).map(([k]) => k);

/**
 * The shop's entry that answers the question; else its own entries on the topic, offered ("您想问
 * 的是哪一个？"), never the built-in text beside them, so one shop states one policy; else the
 * built-in text for a shop that wrote nothing on it.
 */
function policyText(ctx: Ctx, intent: PolicyIntent): { text: string; offer?: Pick<DialogueState, 'faqOptions' | 'faqLast' | 'offeredHuman'> } {
  const answer = faqAnswer(ctx);
  if (answer) return { text: answer, offer: answeredEntry(ctx) };
  const candidates = policyCandidates(ctx);
  const again = askedAgain(ctx, candidates);
  if (again) return { text: again.entry.answer, offer: { faqLast: ctx.state.faqLast! } };
  const offer = offerOf(ctx, candidates);
  if (offer) return { text: offer.text, offer: { faqOptions: offer.faqOptions } };
  // The shop's entry on the topic was the answer just given ("那我可以整套退嗎" right after the returns entry): its word, and
  // a person for the case, not "the shop's rules were not found" (a Taipei shop, thirty-seventh session).
  const last = ctx.state.faqLast;
  if (last && candidates.some((h) => h.entry.question.slice(0, MAX_FAQ_QUESTION) === last.q) && detectLanguage(last.a).lang === ctx.lang) {
    return { text: ctx.t.ruleException(last.a), offer: { faqLast: last, offeredHuman: true } };
  }
  // The shop's entry in the other language only: its word, said as it is with a person to explain,
  // before a built-in text that may contradict it.
  // Only an entry the shop filed on this very topic, sharing words with the question: a price-protection
  // entry is no answer to "do you have coupons?" (found in review): the built-in text is.
  // Not an entry on other goods when one on none is there: a WiFi baby monitor's return was told the formula entry, and a 3-day
  // window "passed" from it (a Taipei shop, forty-eighth session).
  const other = candidates.find((h) => !entryOnOtherGoods(ctx, h)) ?? candidates[0];
  // The confidence of another language's entry is low by design (the model's `otherLanguage`); its words matched
  // through the lexicon tell more ("can I return the opened tins?" of "支持七天无理由退货吗": a Shanghai shop, thirty-sixth
  // session, told the shop had no return rules).
  const onTopic = other && (other.confidence >= OTHER_LANGUAGE_MIN || (other.lexical ?? 0) >= OTHER_LANGUAGE_LEXICAL) && ctx.data.faqOnTopic?.some((h) => h.entry.id === other.entry.id);
  if (other && onTopic && detectLanguage(other.entry.answer).lang !== ctx.lang) return { text: ctx.t.otherLanguageEntry(other.entry.question, other.entry.answer) };
  // Its words pulled further away by the buyer's own ("我想退货 那个插座连不上wifi" of an English shop's returns entry: a Singapore shop,
  // forty-second session, told the shop had no return rules): the shop's first entry on returns, when all are in the other language.
  // Returns only: a price-protection entry is on the coupons' topic and no answer to "do you have coupons?" (found in review).
  const topical = intent === 'return_policy' && RETURN_ASKED_FOR.test(ctx.r.u.normalized) ? (ctx.data.faqOnTopic ?? []) : [];
  // Not an entry on other goods: a WiFi baby monitor's return was told the formula entry (a Taipei shop, forty-eighth session).
  const onReturns = topical.filter((h) => RETURNS_ENTRY.test(phrasingsOf(h.entry).join(' ').toLowerCase()));
  const returns = onReturns.find((h) => !entryOnOtherGoods(ctx, h)) ?? onReturns[0];
  if (returns && topical.every((h) => detectLanguage(h.entry.answer).lang !== ctx.lang)) return { text: ctx.t.otherLanguageEntry(returns.entry.question, returns.entry.answer) };
  // A shop that wrote its own FAQ and nothing on this topic is told no policy of the robot's making
  // ("可在店铺首页领取优惠券" for a shop with no coupons: found from outside, two shops).
  return { text: (ctx.data.faqEntries ?? 0) >= OWN_FAQ_MIN ? ctx.t.policyUnknown[intent] : ctx.t.policy[intent] };
}
/** Entries from which a shop has written its own FAQ. */
const OWN_FAQ_MIN = 3;
/** The entry names goods (a kind of the lexicon), none of them the message's nor the buyer's orders'. */
function entryOnOtherGoods(ctx: Ctx, h: FaqHit): boolean {
  const named = kindsOfGoods(shopReading(phrasingsOf(h.entry).join(' ')));
  if (named.size === 0) return false;
  const theirs = new Set([...kindsOfGoods(folded(ctx.input.text)), ...kindsOfOrders(ctx.orders ?? [])]);
  return ![...named].some((k) => theirs.has(k));
}
/** A return asked for in so many words, and an entry on returns or faulty goods (not a price difference refunded). */
const RETURN_ASKED_FOR = /退货|退款|退换|换货|(?<![a-z])(?:return|refund|exchange)(?![a-z])/;
const RETURNS_ENTRY = /退货|退换|换货|退回|(?<![a-z])(?:returns?|exchange|faulty|damaged|not working|defective)(?![a-z])/;
const isBuiltInPolicy = (ctx: Ctx, intent: PolicyIntent, text: string): boolean => text === ctx.t.policy[intent] || text === ctx.t.policyUnknown[intent];

/**
 * The least confidence of an entry in the other language said as the shop's word: a shared word or
 * two ("发票" for "VAT invoice": 0.13-0.35); "hot sale" beside a price-protection entry was 0.005.
 */
const OTHER_LANGUAGE_MIN = 0.05;
const OTHER_LANGUAGE_LEXICAL = 0.2;

/**
 * The FAQ's first candidate is the entry just answered, asked again in other words ("能开发票吗",
 * then "鼠标能开发票吗"): answered again, not a "did you mean" of another entry (found from outside:
 * the entry's English twin was offered to a Chinese buyer).
 */
function askedAgain(ctx: Ctx, hits: readonly FaqHit[] | undefined): FaqHit | undefined {
  const top = hits?.[0];
  // Not a follow-up leaning on it ("那周末发货吗"): its new words are what it asks (faqFollowUp).
  if (LEANS_ON.test(ctx.r.u.normalized.trim())) return undefined;
  return top && ctx.state.faqLast && top.entry.question.slice(0, MAX_FAQ_QUESTION) === ctx.state.faqLast.q ? top : undefined;
}

/**
 * The entries offered for a policy question the FAQ did not answer: its own unsure candidates and
 * the shop's entries on the topic, most likely first. Found from outside: "华为耳机坏了能修吗" (read
 * as returns) was offered the return-shipping entry while the warranty entry was the FAQ's first
 * candidate, one brand name short of an answer.
 */
function policyCandidates(ctx: Ctx): FaqHit[] {
  const seen = new Set<string>();
  const all = [...(ctx.data.faqCandidates ?? []), ...(ctx.data.faqOnTopic ?? [])].filter((h) => !seen.has(h.entry.id) && seen.add(h.entry.id));
  return all.sort((a, b) => b.confidence - a.confidence);
}

function policyOrder(ctx: Ctx, orders: Order[]): Order | undefined {
  const open = orders.filter((o) => OPEN.has(o.status));
  const id = ctx.r.explicitOrderId;
  if (id) return open.find((o) => sameId(o.orderId, id));
  const named = namedIds(ctx.input.text, open.map((o) => o.orderId));
  if (named.length === 1) return open.find((o) => o.orderId === named[0]);
  const described = describedBy(ctx, open);
  if (described) return described.length === 1 ? described[0] : undefined;
  return open.length === 1 ? open[0] : undefined;
}

function faqOrNotSure(ctx: Ctx): Outcome {
  const a = faqAnswer(ctx);
  if (a) return { replies: [{ text: a }], next: answeredEntry(ctx), faqOnly: true };
  const hours = openOnDay(ctx);
  if (hours) return { replies: [{ text: hours }], faqOnly: true };
  const offer = faqClarify(ctx);
  if (offer) return offer;
  if (ctx.unavailable.has('faq')) return { replies: [{ text: `${ctx.t.unavailable('faq')}${ctx.t.offerHumanShort}` }], next: { offeredHuman: true } };
  return notSure(ctx);
}

/**
 * Open on a day, asked ("u guys open on sunday?", "what time does the shop shut on sunday"), and the one
 * entry the FAQ was unsure of gives days or hours: that entry (found from outside, two shops: "did you mean"
 * the hours entry, the shop's opening hours).
 */
const OPEN_ASKED = /营业|上班|开门|关门|(?<![a-z])(?:open|opening|shut|close|closed|closing)(?![a-z])/;
const HOURS_GIVEN = /\d{1,2}(?::\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}|(?:周|星期|礼拜)[一二三四五六日天末]|(?<![a-z])(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|mon|sat|sun)(?![a-z])/i;
function openOnDay(ctx: Ctx): string | undefined {
  const n = ctx.r.u.normalized;
  const only = ctx.data.faqCandidates?.length === 1 ? ctx.data.faqCandidates[0] : undefined;
  if (!only || !OPEN_ASKED.test(n) || !DAY_SOMEONE.test(n) || detectLanguage(only.entry.answer).lang !== ctx.lang) return undefined;
  return HOURS_GIVEN.test(only.entry.answer) ? only.entry.answer : undefined;
}

/**
 * The FAQ was unsure: ask which of a few of the shop's questions was meant, or, with one
 * plausible entry (most unsure paraphrases), whether it was that one. `several`: only a choice
 * between a few (a guessed intent's own answer is better than "did you mean" one entry).
 */
function faqClarify(ctx: Ctx, several = false): Outcome | undefined {
  const again = askedAgain(ctx, ctx.data.faqCandidates);
  if (again && !several) return { replies: [{ text: again.entry.answer }], next: { faqLast: ctx.state.faqLast! }, faqOnly: true };
  const offer = offerOf(ctx, ctx.data.faqCandidates);
  if (!offer || (several && offer.faqOptions.length < 2)) return undefined;
  // One entry is a question of ours about a message we did not understand: it counts towards the
  // hand-over (two in a row, or a "no" after it, hand the buyer to a person), as "not sure" did.
  // Asked for the FAQ only (waiting in the queue with nobody online), the shop's own questions offered are the FAQ's answer too: silence helped no one (found from outside, three testers).
  return { replies: [{ text: offer.text }], next: { faqOptions: offer.faqOptions }, ...(offer.faqOptions.length === 1 ? { failed: true } : {}), ...(ctx.input.faqOnly && !ctx.r.ownData ? { faqOnly: true as const } : {}) };
}

/** Intents whose question is about an order whatever its words ("取消订单"): "no orders" answers them. */
const ABOUT_AN_ORDER: ReadonlySet<DataIntent> = new Set(['cancel_order', 'change_address', 'aftersale_progress']);
const notSure = (ctx: Ctx): Outcome => ({ replies: [{ text: ctx.t.notSureOfferHuman }], next: { offeredHuman: true }, failed: true });

/** Shop FAQ questions offered to pick from: "did you mean …?" for one, "which one?" for several. */
function offerOf(ctx: Ctx, hits: readonly FaqHit[] | undefined): { text: string; faqOptions: string[] } | undefined {
  // Never the entry just answered: "did you mean" what was just said helps nobody (found from outside).
  const fresh = (hits ?? []).filter((h) => h.entry.question.slice(0, MAX_FAQ_QUESTION) !== ctx.state.faqLast?.q);
  const phrased = [...new Set(fresh.map((h) => inLanguage(h.entry, ctx.lang).slice(0, MAX_FAQ_QUESTION)))];
  // A shop that writes each entry twice, in Chinese and in English, had both offered to one buyer
  // ("1. 怎么开发票？ 2. How do I get an invoice?"): the buyer's own language only.
  // Never an entry only in the other language: "Did you mean "可以开发票吗？"?" and its Chinese answer
  // helped no English buyer (found from outside, twice); the built-in text or a person does.
  const questions = phrased.filter((q) => detectLanguage(q).lang === ctx.lang).slice(0, MAX_FAQ_OPTIONS);
  if (questions.length === 0) return undefined;
  return { text: questions.length === 1 ? ctx.t.faqConfirm(questions[0]!) : ctx.t.faqWhich(questions), faqOptions: questions };
}

/**
 * The entry's question, or its first alternate in the buyer's language when the question is in
 * another: an English buyer was asked `Did you mean "支持七天无理由退货吗？"?` beside an English
 * alternate (found from outside). A pick is searched again, and an alternate finds its entry.
 */
function inLanguage(entry: FaqHit['entry'], lang: Lang): string {
  if (detectLanguage(entry.question).lang === lang) return entry.question;
  return entry.alternates?.find((a) => detectLanguage(a).lang === lang) ?? entry.question;
}

function unknown(ctx: Ctx): Outcome {
  // Asked who answers: say so honestly, and how to reach a person (never an FAQ entry).
  if (asksWhoAnswers(ctx.input.text)) return { replies: [{ text: ctx.t.identity }] };
  const a = faqAnswer(ctx);
  if (a) return { replies: [{ text: a }] };
  const offer = faqClarify(ctx);
  if (offer) return offer;
  if (isSmallTalk(ctx.input.text)) return { replies: [{ text: ctx.t.smallTalk }] };
  const guess = ctx.r.u.guess;
  // The FAQ was already searched: asking "did you mean a shop question?" would lead nowhere.
  // A question leaning to a goodbye is still a question ("u all got sell ikan patin?" was "You're welcome!": found from outside).
  // ("anyone?" leaning to a hello is one: the greeting).
  if (guess === 'faq' || (guess === 'bye' && /[?？]/.test(ctx.r.u.normalized))) return faqOrNotSure(ctx);
  // A lean to a greeting or a goodbye ("在？") is answered as one: "did you mean this question?"
  // would name nothing, since nothing was asked (found from outside).
  if (guess === 'greeting') return { replies: [{ text: ctx.t.greeting }] };
  if (guess === 'bye') return { replies: [{ text: ctx.t.bye }] };
  if (guess && guess !== 'unknown') return { replies: [{ text: ctx.t.confirmIntent(guess) }], next: { confirm: guess }, failed: true };
  // Right after a person was offered ("If you disagree, say human"), a message not understood is
  // most often the buyer's case for one ("the mangoes had black spots all over"): offered again (found from outside).
  if (ctx.state.offeredHuman && !NOT_NOW.test(ctx.r.u.normalized)) return notSure(ctx);
  // A question about goods no entry answers ("鞋子能加宽吗", "batt life on the pulse buds?") is the shop's to answer: a person
  // offered, not "I didn't get that" with parcel examples (found from outside, two shops: the two replies at random).
  if (goodsQuestionUnanswered(ctx)) return notSure(ctx);
  return { replies: [{ text: ctx.t.notUnderstood }], failed: true };
}
const goodsQuestionUnanswered = (ctx: Ctx): boolean => {
  const n = ctx.r.u.normalized;
  return /[?？吗么]/.test(ctx.input.text) && kindsOfGoods(ctx.input.text).size > 0 && n.length > 4;
};

// ---------------------------------------------------------------- orders

/** The statuses to look in, in order, for a question that names no order. */
function tiersFor(ctx: Ctx, intent: Exclude<DataIntent, 'aftersale_progress'>): readonly (readonly OrderStatus[])[] {
  const n = ctx.r.u.normalized;
  if (ctx.r.whyCancelled) return [['cancelled'], ...TIERS[intent]];
  if (ctx.r.addItems || ((URGE_SHIPPING.test(n) || WHEN_SHIPS.test(n)) && intent !== 'cancel_order' && intent !== 'change_address')) return [...UNSHIPPED_FIRST, ...TIERS[intent]];
  if (intent === 'track_parcel' && SAYS_DELIVERED.test(n) && NOT_RECEIVED.test(n) && !NOT_YET_DELIVERED.test(n)) return DELIVERED_FIRST;
  // "has my order been dispatched yet?", "发货了吗": of the orders paid or on their way, not one completed weeks ago (found from outside); both kinds asked which.
  if (intent === 'order_status' && paidSaid(n)) return PAID_TIERS;
  return intent === 'order_status' && SHIPPED_YET.test(n) ? TIERS.delivery_estimate : TIERS[intent];
}
/** "我刚付了 发货了吗": the unpaid order was just paid, it is the one asked about. */
const JUST_PAID = /付了|付好了|付过了|付款了|支付了|(?<![a-z])(?:just paid|i paid|paid (?:it|now))(?![a-z])/;
/** Asked whether an order has gone out yet. */
// "仲有塊防窺膜呢 寄咗未" (寄了没: a Guangzhou shop, thirty-fifth session, "no after-sales request").
const SHIPPED_YET = /发货了(?:吗|没|[?？])|(?:寄|发)出来了(?:吗|没)|(?<![回退])寄了(?:吗|没)|(?<!订)单号(?:给我|发我|多少|是多少)|发了(?:吗|没)|发货没|发出(?:去)?了(?:吗|没)|寄出(?:去)?了(?:吗|没)|(?<![a-z])(?:(?:been|was|it|they|order) (?:dispatched|shipped|sent out|posted)|dispatched yet|shipped yet|sent (?:it )?out yet|has it (?:gone out|shipped|been sent)|did (?:my |the |it |they |this |that )?(?:[a-z]+ ){0,2}(?:ship|dispatch|go out|leave|send)(?: out)? yet)(?![a-z])/;
const TIERS: Readonly<Record<Exclude<DataIntent, 'aftersale_progress'>, readonly (readonly OrderStatus[])[]>> = {
  // An order paid and not sent yet before one delivered: "where's my order" asks after what has not come (found from outside: the trainers delivered days ago were told, not the hoodie).
  track_parcel: [['shipped'], ['paid'], ['delivered', 'completed'], ['pending_payment']],
  order_status: [['pending_payment', 'paid', 'shipped', 'delivered', 'completed'], ['cancelled']],
  delivery_estimate: [['shipped', 'paid'], ['pending_payment'], ['delivered', 'completed']],
  cancel_order: [['pending_payment', 'paid'], ['shipped'], ['delivered', 'completed']],
  change_address: [['pending_payment', 'paid'], ['shipped'], ['delivered', 'completed']],
};

/**
 * "催一下发货", "怎么还不发货", "hurry up and ship it": about an order not shipped yet. Asked of a
 * buyer with shipped ones too, the unshipped come first, not a list of every order (found from
 * outside); one with none unshipped gets the usual answer.
 */
const GIVES_UP = /退款|退货|取消|不想要|不要了|(?<![a-z])(?:refund|cancel|do not want)(?![a-z])/;
// Slow to send ("发货太慢了吧", "怎么这么慢啊 别家都是当天发": found from outside, a list of every order).
const URGE_SHIPPING =
  /催.{0,3}发货|发货(?:也)?(?:太|好|这么|真|超)慢|(?:太|这么|好|真)慢.{0,12}当天(?:就)?发|(?:今天|尽快|马上|早点)(?:能|可以)?发(?:吗|货|出|走)?|能不能(?:今天|尽快|快点|早点|马上)发|(?:还|怎么|咋|为什么|为啥)(?:还)?(?:不|没)(?:给我)?发(?:货|出)|(?:快点|尽快|早点|赶紧)发货|(?<![a-z])(?:hurry(?: up)?(?: and)? ship|ship (?:it |my order )?(?:faster|sooner|asap)|(?:still|(?:has ?n'?t|has not)|(?:have ?n'?t|have not)|(?:haven'?t|have not)|(?:hasn'?t|has not)) (?:been )?shipped(?: yet)?|when (?:will|are) you (?:going to )?ship)(?![a-z])/;
/**
 * "啥时候发货", "奶粉啥时候fh" of a buyer with one order paid and one shipped: the paid one (found from
 * outside: asked which of both). A question, not a push: no "shall I get a person to hurry it?".
 */
const WHEN_SHIPS = /(?:啥时候|什么时候|几时|哪天|几号|何时)(?:能|会|可以|才)?(?:发货|发出|寄出|发)(?=[吗呢啊呀?？。，,!！\s]|$)/;
/** "显示签收了但我没收到", "it says it was delivered": about the parcel shown delivered, before one not sent yet (found in review). */
const SAYS_DELIVERED = /签收|送达|妥投|已送到|(?<![a-z])(?:delivered|says it arrived|marked as (?:arrived|received))(?![a-z])/;
const DELIVERED_FIRST: readonly (readonly OrderStatus[])[] = [['delivered', 'completed'], ['shipped'], ['paid'], ['pending_payment']];
/** "还没送达", "hasn't been delivered yet": not shown delivered (found in review). */
const NOT_YET_DELIVERED = /(?:还|仍|都)?(?:没|没有|未)(?:有)?(?:送达|签收|妥投)|(?<![a-z])(?:(?:has ?n'?t|has not)|(?:have ?n'?t|have not)|not|never) (?:been )?delivered(?: yet)?(?![a-z])/;
/** Asked to hurry the shipping: the unshipped orders come before the intent's usual tiers. */
const UNSHIPPED_FIRST: readonly (readonly OrderStatus[])[] = [['paid'], ['pending_payment']];

/** "它到哪了", "where is it": the order just talked about, whatever its status. */
/** Whether goods can go to a place, asked as before buying ("可以寄到公司嗎", "can you deliver to my office"). */
// Not a change of one ("can you send it to my new place", "deliver to a different address", "改寄到公司").
const SENDS_TO_ASKED = /^(?!.*(?:改|换|(?<![a-z])(?:instead|different|new|moved|change)(?![a-z])))(?:.*(?:可以|能|可不可以|能不能|能否)(?:寄|送|发|邮)(?:到|去)|.*(?<![a-z])(?:can|could|do|will) (?:you|u) (?:ship|deliver|send|post) to(?![a-z]))/;
const BARE_PRONOUN = /它|这个|这单|那个|这件|(?<![a-z])(?:it|this|that one)(?![a-z])/;

type Target = { one: Order } | { many: Order[] } | { none: string } | { each: Order[] };

function dataAnswer(ctx: Ctx, intent: Exclude<DataIntent, 'aftersale_progress'>): Outcome {
  const { t } = ctx;
  if (!ctx.orders) return { replies: [{ text: `${t.unavailable('orders')}${t.offerHumanShort}` }] };
  if (ctx.orders.length === 0) return { replies: [{ text: t.noOrders }] };
  if (ctx.r.choice && 'outOfRange' in ctx.r.choice) return reaskChoice(ctx, intent, false);
  if (ctx.r.choice && 'noneListed' in ctx.r.choice) return { replies: [{ text: `${t.noMatchingOrder}${t.offerHumanShort}` }] };
  const request = ctx.r.explicitOrderId && ctx.aftersales && !ctx.orders.some((o) => sameId(o.orderId, ctx.r.explicitOrderId!)) ? ctx.aftersales.find((a) => sameId(a.aftersaleId, ctx.r.explicitOrderId!)) : undefined;
  if (request) return oneRequest(ctx, request);
  const waybill = returnWaybill(ctx);
  if (waybill) return waybill;
  // "where are both my orders": each of a few, whatever their states (found from outside: the one in the first tier alone).
  // Not an answer to our list: "两个都查" there is the orders listed, not a delivered third (found replaying the README's example).
  const each = ctx.r.explicitOrderId || ctx.r.choice || !ASKS_EACH.test(ctx.r.u.normalized) ? [] : eachOf(intent, ctx.orders, ctx.r.u.normalized);
  if (each.length >= 2 && each.length <= MAX_EACH) return eachAnswer(ctx, intent, each);
  const target = pickTarget(ctx, intent, ctx.orders);
  if ('none' in target) {
    if (ctx.r.choice && 'describe' in ctx.r.choice) return reaskChoice(ctx, intent, true);
    return { replies: [{ text: target.none }] };
  }
  // "where are they both", "两个订单都到哪了": every one of a few, not "which one?" (found from outside).
  if ('many' in target && target.many.length <= MAX_EACH && ASKS_EACH.test(ctx.r.u.normalized) && target.many.length <= (countSaid(ctx.r.u.normalized) ?? MAX_EACH)) return eachAnswer(ctx, intent, target.many);
  if ('many' in target) return offerChoice(ctx, intent, target.many);
  if ('each' in target) return eachAnswer(ctx, intent, target.each);
  return oneAnswer(ctx, intent, target.one);
}
/** "两个", "both": how many orders the buyer says they ask after. */
const COUNT_SAID = /(?:两个|两张|两单|两件|俩|(?<![a-z])both(?![a-z]))|(三)(?:个|张|单|件)/;
const countSaid = (normalized: string): number | undefined => {
  const m = COUNT_SAID.exec(normalized);
  return m ? (m[1] ? 3 : 2) : undefined;
};
/**
 * The orders "each" asks after, the intent's tiers in order; as many as the buyer counted when a tier ends there ("两单分别什么时候发"
 * of two orders paid and one delivered long ago: the two, not the third; a Shenzhen shop, fiftieth session).
 */
function eachOf(intent: Exclude<DataIntent, 'aftersale_progress'>, orders: readonly Order[], normalized: string): Order[] {
  const tiers = TIERS[intent].map((tier) => orders.filter((o) => tier.includes(o.status)));
  const said = countSaid(normalized);
  const out: Order[] = [];
  for (const tier of tiers) {
    if (said !== undefined && out.length === said) break;
    // More in a tier than were counted ("两单" of three paid): which two is the buyer's to say (found in review).
    if (said !== undefined && out.length + tier.length > said && tier.length > 0) return [];
    out.push(...tier);
  }
  return out;
}
/** The buyer asks after each of their orders at once. */
// "两单分别什么时候发" (a Shenzhen shop, fiftieth session: "which one?").
const ASKS_EACH = /(?:两个|两张|两单|两件|三个|三张|三单|三件|俩|所有(?:的)?)(?:订单|包裹|快递|单)?[^?？。，,]{0,12}(?:都|分别|各自)(?:是)?(?:到哪|在哪|发货了吗|发了吗|发了没|什么时候|几时|怎么样|啥情况|什么情况|(?:帮我|给我)?(?:查|看|check))|所有(?:的)?(?:订单|包裹|快递)(?:都)?(?:到哪|在哪|怎么样)|(?<![a-z])(?:(?:they|them) both|where (?:are|is) (?:they|it) both|both (?:of them|(?:my |the )?(?:orders|parcels|packages))|all (?:of )?(?:them|my (?:orders|parcels|packages))|each of (?:them|my orders))(?![a-z])/;
/** Orders answered one by one when all are asked for; more are listed to pick from. */
const MAX_EACH = 3;

/**
 * "两个都查": each listed order answered in turn, in the list's order. No order becomes the focus
 * (the list stays for "那第二个呢"); a person offered for any of them is offered once.
 */
function eachAnswer(ctx: Ctx, intent: Exclude<DataIntent, 'aftersale_progress'>, orders: Order[]): Outcome {
  const outs = orders.map((o) => oneAnswer(ctx, intent, o));
  const offered = outs.some((x) => x.next?.offeredHuman);
  // A sentence said for more than one order ("sorry for the wait… shall I get a person?") is said once, last;
  // the rest keep their place (a split order's "shipped in 2 parcels:" stays before its parcels: found from outside).
  const times = new Map<string, number>();
  for (const x of outs) for (const text of new Set(x.replies.filter((r) => !r.card).map((r) => r.text))) times.set(text, (times.get(text) ?? 0) + 1);
  const shared = [...times].filter(([, n]) => n > 1).map(([text]) => ({ text }));
  const own = outs.flatMap((x) => x.replies).filter((r) => r.card || times.get(r.text) === 1);
  return { replies: [...own, ...shared], next: { topic: intent, ...(offered ? { offeredHuman: true } : {}) } };
}

/** Goods to add: not to an order placed here; before shipping a second order or a person, after it a new order. */
function addAnswer(ctx: Ctx, o: Order): Outcome {
  const open = o.status === 'pending_payment' || o.status === 'paid';
  return { replies: [reply(ctx.t.addItems(o.orderId, open), orderCard(o))], next: { offeredHuman: true } };
}

/** Another size or colour: not editable here; before shipping, cancel and order again or a person; after, an exchange (the shop's entry when sure). */
function specAnswer(ctx: Ctx, o: Order): Outcome {
  // A pre-order's own rule that it cannot be cancelled once paid: not "cancel it and order again" (a Harbin and a Hangzhou shop,
  // thirty-eighth session: told right after the robot had quoted that rule).
  const kind = o.status === 'paid' ? aheadKind(o) : undefined;
  const rule = kind ? shopSays(ctx, kind) : undefined;
  if (rule && NO_CANCEL.test(shopReading(rule))) return { replies: [reply(ctx.t.specNoCancel(o.orderId, rule), orderCard(o))], next: { offeredHuman: true } };
  if (o.status === 'pending_payment' || o.status === 'paid') return { replies: [reply(ctx.t.specUnshipped(o.orderId), orderCard(o))], next: { offeredHuman: true } };
  // Not "has already shipped" of a cancelled order (a Sydney shop, thirty-seventh session).
  if (o.status === 'cancelled') return { replies: [reply(ctx.t.specCancelled(o.orderId), orderCard(o))] };
  const entry = confidentFaq(ctx);
  return { replies: [reply(ctx.t.specShipped(o.orderId, o.status === 'delivered' || o.status === 'completed'), orderCard(o)), ...(entry ? [{ text: entry.entry.answer }] : [])], next: { offeredHuman: true } };
}

/** A rule that allows no cancelling ("预售订单付款后不支持无理由取消", "pre-orders can't be cancelled once paid"). */
const NO_CANCEL = /(?:不支持|不能|不可以?|无法|不接受)[^，,。；;]{0,6}取消|取消[^，,。；;]{0,4}(?:不支持|不了|不行)|(?<![a-z])(?:can ?not|can'?t|cannot|can not|not able to|(?:won'?t|will not) be able to)\b[^.;]{0,20}\bcancel\w*|non-?cancell?able/;

function oneAnswer(ctx: Ctx, intent: Exclude<DataIntent, 'aftersale_progress'>, o: Order): Outcome {
  const next = { focusOrderId: o.orderId, topic: intent };
  switch (intent) {
    // An answer's own next state (a person offered for a parcel in trouble) is kept beside the focus.
    case 'track_parcel':
      return withFocus(parcelAnswer(ctx, o), next);
    case 'order_status':
      return withFocus(ctx.r.changeSpec ? specAnswer(ctx, o) : ctx.r.addItems ? addAnswer(ctx, o) : withPaidNote(ctx, o, statusAnswer(ctx, o)), next);
    case 'delivery_estimate':
      return withFocus(etaAnswer(ctx, o), next);
    case 'cancel_order':
      return askedBefore(ctx, o) ?? withNext(cancelAnswer(ctx, o), { ...next, ...(o.status === 'paid' ? MENTIONED : {}) });
    case 'change_address': {
      const out = addressAnswer(ctx, o);
      return { ...out, next: { ...next, ...(out.next ?? (o.status === 'paid' || o.status === 'pending_payment' || o.status === 'shipped' ? MENTIONED : {})) } };
    }
  }
}

/** Said to be paid and still awaiting payment: it may take minutes to show, and a person checks if not (offered). */
const withPaidNote = (ctx: Ctx, o: Order, out: Outcome): Outcome =>
  o.status === 'pending_payment' && paidSaid(ctx.r.u.normalized) ? { ...out, replies: [...out.replies, { text: ctx.t.paidNotShown }], next: { ...out.next, offeredHuman: true } } : out;

/** A person mentioned as the way on ("需要人工帮您处理的话请回复“转人工”"), not asked about. */
const MENTIONED = { offeredHuman: true, softOffer: true } as const;

const withFocus = (out: Outcome, next: NonNullable<Outcome['next']>): Outcome => ({ ...out, next: { ...next, ...out.next } });

/** A pick among our list's orders: all, several, the newest, by age, price or place, among some, or another. */
function fromOurList(ctx: Ctx, orders: Order[], listed: () => Order[]): Target | undefined {
  const { t, r, state } = ctx;
  const some = (list: Order[]): Target => (list.length > 1 ? { many: list } : list.length === 1 ? { one: list[0]! } : { none: t.noMatchingOrder });
  if (!r.choice) return undefined;
  if ('all' in r.choice) {
    // "两个都查一下" after one order picked without a list: every order of theirs not cancelled (found from outside).
    const shown = listed();
    const all = shown.length ? shown : orders.filter((o) => o.status !== 'cancelled');
    return all.length > 1 ? { each: all } : some(all);
  }
  if ('newest' in r.choice) {
    const newest = newestOf(listed());
    return newest ? { one: newest } : { none: t.noMatchingOrder };
  }
  if ('pickBy' in r.choice) {
    const o = pickedBy(state, listed(), r.choice.pickBy);
    return o ? { one: o } : some(listed());
  }
  if ('several' in r.choice) {
    const named = r.choice.several.map((id) => orders.find((o) => sameId(o.orderId, id))).filter((o): o is Order => o !== undefined);
    return named.length > 1 ? { each: named } : some(named);
  }
  if ('among' in r.choice) {
    const among = r.choice.among;
    return some(orders.filter((o) => among.some((id) => sameId(id, o.orderId))));
  }
  if ('otherThan' in r.choice) {
    const other = r.choice.otherThan;
    const rest = orders.filter((o) => !sameId(o.orderId, other) && o.status !== 'cancelled');
    // "那另一个呢 手镯什么时候发货": the other one with those goods (found from outside: the list of every other order).
    const described = rest.length > 1 ? describedBy(ctx, rest) : undefined;
    return some(described?.length === 1 ? described : rest);
  }
  return undefined;
}

function pickTarget(ctx: Ctx, intent: Exclude<DataIntent, 'aftersale_progress'>, orders: Order[]): Target {
  const { t, r, state } = ctx;
  if (r.choice && 'orderId' in r.choice) {
    const id = r.choice.orderId;
    const o = orders.find((x) => sameId(x.orderId, id));
    return o ? { one: o } : { none: t.noMatchingOrder };
  }
  if (r.explicitOrderId) {
    const id = r.explicitOrderId;
    // "order 100175" of GS-100175 and RP-100175 both: which one (found in review: the first was taken).
    const same = orders.filter((x) => sameId(x.orderId, id));
    if (same.length > 1 && !same.some((x) => x.orderId.toLowerCase() === id.toLowerCase())) return { many: same };
    const o = orders.find((x) => sameId(x.orderId, id)) ?? orders.find((x) => ctx.logistics.some((l) => l.orderId === x.orderId && sameId(l.trackingNo, id)));
    // The extractor took part of an id typed in groups ("#bt20261126 5520"): the buyer's own ids decide (found from outside).
    const typed = o ? undefined : namedIds(ctx.input.text, orders.map((x) => x.orderId), tailsOf(ctx));
    if (typed?.length === 1) return { one: orders.find((x) => x.orderId === typed[0])! };
    return o ? { one: o } : { none: t.noOrderWithId(id) };
  }
  // An id of any shape the entity extractor did not take for one ("#A77到哪了"), or its tail ("8841这单"): the buyer's own ids are known.
  const named = namedIds(ctx.input.text, orders.map((o) => o.orderId), tailsOf(ctx));
  if (named.length === 1) return { one: orders.find((o) => o.orderId === named[0])! };
  const carried = carriedBy(ctx, orders);
  if (carried) return { one: carried };
  // One unpaid order is the one asked about; none or several, the rule said once.
  if (r.unpaidTimeout) {
    const unpaid = orders.filter((o) => o.status === 'pending_payment');
    const named = unpaid.length > 1 ? describedBy(ctx, unpaid) : undefined;
    const one = unpaid.length === 1 ? unpaid[0] : named?.length === 1 ? named[0] : undefined;
    return one ? { one } : { none: t.unpaidTimeout(undefined, unpaid.length) };
  }
  const listed = () => orders.filter((o) => listedIds(state)?.some((id) => sameId(id, o.orderId)));
  const byList = fromOurList(ctx, orders, listed);
  if (byList) return byList;
  if (r.choice && 'describe' in r.choice) {
    const each = eachNamed(ctx, listed());
    if (each) return { each };
    const narrowed = describedBy(ctx, listed());
    if (narrowed?.length === 1) return { one: narrowed[0]! };
    // "摩飞的" when the list held other goods: the one order of all the buyer's that it names
    // (found from outside: the same list was asked again).
    const anyOrder = narrowed?.length ? undefined : describedBy(ctx, orders);
    return anyOrder?.length === 1 ? { one: anyOrder[0]! } : { none: t.noMatchingOrder };
  }
  const tiers = tiersFor(ctx, intent);
  const anyTier = new Set(tiers.flat());
  // "为什么上次那张会被取消" while another order is in focus: the cancelled one (found from outside).
  const otherCancelled = ctx.r.whyCancelled && orders.some((o) => o.status === 'cancelled');
  const focus = state.focusOrderId ? orders.find((o) => o.orderId === state.focusOrderId && anyTier.has(o.status) && (!otherCancelled || o.status === 'cancelled')) : undefined;
  const inTiers = orders.filter((o) => anyTier.has(o.status));
  const each = eachNamed(ctx, inTiers);
  if (each) return { each };
  // Goods to add are not in the order yet: named, they describe no order ("can i add tortillas to it").
  const described = ctx.r.addItems ? undefined : describedBy(ctx, inTiers);
  if (described) {
    if (described.length === 0) return { none: t.noMatchingOrder };
    const best = tiers.map((tier) => described.filter((o) => tier.includes(o.status))).find((l) => l.length > 0)!;
    return best.length === 1 ? { one: best[0]! } : { many: best };
  }
  return undescribed(ctx, orders, tiers, focus);
}

/**
 * No order described: the conversation's, else the most relevant tier's. Goods named that this
 * order does not have ("鞋子到哪了" when only the keyboard has a parcel) ask which order instead of
 * answering the keyboard (found from outside: it did, with confidence).
 */
/** Delivered elsewhere ("能送到公司吗", "deliver it to my office"), not an address written wrong (found in review). */
const NEW_PLACE = /送到(?!了)|改送|送去|寄到公司|放到|(?<![a-z])(?:deliver (?:it )?to|send (?:it )?to|redirect)(?![a-z])/;
/** A parcel's moving state quoted from its tracking ("it says onboard for delivery", "显示派送中"). */
const MOVING_QUOTED = /(?:says|shows|showing|said)\b[^.?!]{0,20}\b(?:out for delivery|on ?board for delivery|with (?:the )?(?:courier|driver) for delivery|in transit)|(?:显示|写着|说)[^，,。？?]{0,6}(?:派送中|正在派送|派件中|运输中)/;
function undescribed(ctx: Ctx, orders: Order[], tiers: readonly (readonly OrderStatus[])[], focus: Order | undefined): Target {
  // "the new order i just paid" while an older order is in focus: the one placed last (a Kuala Lumpur buyer's new address was told
  // her shipped order "has already shipped": a Singapore shop, forty-second session).
  const newest = NEW_ORDER_NAMED.test(ctx.r.u.normalized) && !NOT_THE_NEW.test(ctx.r.u.normalized) ? newestOf(orders.filter((o) => o.status !== 'cancelled')) : undefined;
  if (newest && newest !== focus) return { one: newest };
  // A parcel waiting at a pickup point has not reached the buyer: on its way still, for "到了没" (found in a check of an outside tester's case).
  // Not when the buyer says it shows delivered: then the delivered ones, the pickup point's among them, come first.
  const waiting = (o: Order) => tiers === TIERS.track_parcel && (o.status === 'delivered' || o.status === 'completed') && hasParcel(ctx, o, atPickup);
  const relevant = tiers.map((tier) => orders.filter((o) => tier.includes(waiting(o) ? 'shipped' : o.status))).find((l) => l.length > 0);
  // "kd到哪了" after talking of an order not shipped yet is the parcel on its way (found from outside: "no tracking yet" for the unshipped one);
  // "能送到公司吗" after talking of a delivered order is the one still coming (found from outside: "already signed for").
  // "派咗未呀" after a delivered order's refund was told is the parcel on its way (found from outside: the refunded order's status, twice).
  const doneViaRequest = ctx.state.topic === 'aftersale_progress' && (focus?.status === 'delivered' || focus?.status === 'completed');
  // "发货了？单号给我下" after an unpaid order was told: another order, one that can have shipped (found from outside).
  const unpaidAsked = ctx.r.intent === 'order_status' && focus?.status === 'pending_payment' && SHIPPED_YET.test(ctx.r.u.normalized) && !JUST_PAID.test(ctx.r.u.normalized);
  const byIntent = ctx.r.intent === 'track_parcel' ? focus?.status === 'paid' || focus?.status === 'pending_payment' || doneViaRequest : ctx.r.intent === 'change_address' && (focus?.status === 'delivered' || focus?.status === 'completed') && NEW_PLACE.test(ctx.r.u.normalized);
  // "it says onboard for delivery but its 5pm and nothing" after a delivered order's refund: the parcel that says so, "it" or not (a Melbourne shop, thirty-third session).
  const quotesMoving = ctx.r.intent === 'track_parcel' && doneViaRequest && MOVING_QUOTED.test(ctx.r.u.normalized);
  const outranked = (unpaidAsked || byIntent) && relevant !== undefined && !relevant.includes(focus!) && (quotesMoving || (!BARE_PRONOUN.test(ctx.r.u.normalized) && !CHASE.test(ctx.r.u.normalized)));
  const courier = courierAsked(ctx, orders, focus);
  if (courier) return { one: courier };
  if (focus && !namesOtherGoods(ctx, focus) && !outranked) return { one: focus };
  if (!relevant) return { none: orders.every((o) => o.status === 'cancelled') ? ctx.t.onlyCancelledOrders : ctx.t.noMatchingOrder };
  // Shown delivered and not found: the latest delivery is the one meant (found in review: one from weeks ago was told).
  // Only among orders shown delivered: none of them so, the buyer is asked which (found in review).
  if (tiers === DELIVERED_FIRST && relevant.length > 1 && relevant.every((o) => o.status === 'delivered' || o.status === 'completed')) return { one: [...relevant].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0]! };
  const pool = orders.filter((o) => tiers.some((tier) => tier.includes(o.status)));
  if (pool.length > relevant.length && relevant.every((o) => namesOtherGoods(ctx, o))) return { many: pool };
  const atPoint = relevant.length > 1 && PICKUP_ASKED.test(ctx.r.u.normalized) && !OTHER_PARCEL.test(ctx.r.u.normalized) ? relevant.filter((o) => hasParcel(ctx, o, atPickup)) : [];
  if (atPoint.length === 1) return { one: atPoint[0]! };
  return relevant.length === 1 ? { one: relevant[0]! } : { many: relevant };
}

/**
 * "牙刷和坚果分别到哪了", "where are my toothbrush and nuts": two or more kinds of goods named, each
 * in one order of these and each of these holding one of them; undefined otherwise (found from
 * outside: "which order?" after naming both).
 */
function eachNamed(ctx: Ctx, orders: readonly Order[]): Order[] | undefined {
  const kinds = new Set(notDenied(ctx.r.u.normalized, [], [...kindsOfGoods(ctx.input.text)]).kinds);
  if (kinds.size < 2) return undefined;
  const kept = orders.map((o) => ({ o, has: [...kindsOfGoods(o.items.map((i) => i.title).join(' | '))].filter((k) => kinds.has(k)) })).filter((h) => h.has.length > 0);
  if (kept.length > MAX_CHOICES) return undefined;
  // Each order holds a kind named that none of the others holds: "T恤" names a T-shirt and clothing,
  // which a jacket is too, and two toothbrush orders beside the nuts are still "which toothbrush?".
  const own = (h: (typeof kept)[number]) => h.has.some((k) => kept.every((x) => x === h || !x.has.includes(k)));
  return kept.length >= 2 && kept.every(own) ? kept.map((h) => h.o) : undefined;
}

/** The buyer named kinds of goods (lexicon/products.json), and the order's titles have none of them. */
function namesOtherGoods(ctx: Ctx, o: Order): boolean {
  const kinds = kindsOfGoods(ctx.input.text);
  if (kinds.size === 0) return false;
  const titleKinds = kindsOfOrders([o]);
  return ![...kinds].some((k) => titleKinds.includes(k));
}

/** After our "which order?" list: the one placed last ("最新的那个", "the latest one"; found from outside). */
const NEWEST = /最新|最近(?:的|那)|刚(?:买|下单|拍)的|(?<![a-z])(?:latest|newest|most recent|recent one|last one i (?:bought|ordered))(?![a-z])/;
const NOT_NEWEST = /不是|别|(?<![a-z])not(?![a-z])/;
/** "The latest" naming an order, not qualifying tracking or news ("最新的物流", "latest update"). */
const NEWEST_ORDER = /(?:最新|最近|刚(?:买|下单|拍))的?(?:那个|那单|那笔|那件|一个|一单|订单|那)|(?<![a-z])(?:the )?(?:latest|newest|most recent)(?: one| order)(?![a-z])|(?<![a-z])last one i (?:bought|ordered)(?![a-z])/;
/** A product or a time named beside "the latest" ("最近一周买的耳机那个"): the description decides. */
const POINTS_AT_ONE_BY_WORD = /[买订拍]的.{1,8}那|(?<![a-z])the (?!latest|newest)[a-z]+ one(?![a-z])/;
/** The order just placed or paid, named so ("the new order i just paid", "刚付款的那单"). */
const NEW_ORDER_NAMED = new RegExp(`${NEWEST_ORDER.source}|(?<![a-z])(?:(?:the|my) new order|(?:order|one) i just (?:paid|placed|made|ordered|bought))(?![a-z])|刚(?:才|刚)?(?:付款|付了款|付|下单|下)的(?:那个|那单|订单|单)|新下的(?:那个|那单|订单|单)`);
/** The new one denied, not another ("…not the power bank…" names the old one as not meant: found in review). */
const NOT_THE_NEW = /不是(?:最新|最近|刚|新)|(?<![a-z])not (?:the |my )?(?:latest|newest|new|one i just)(?![a-z])/;
/** "The latest" (as `pattern` reads it) picks the order placed last: not negated, no description beside it. */
const picksNewest = (normalized: string, pattern: RegExp) => pattern.test(normalized) && !NOT_NEWEST.test(normalized) && !POINTS_AT_ONE_BY_WORD.test(normalized);

/** Words that make a day the day of the purchase ("昨天买的", "the one I ordered on monday", "the order I made on tuesday", "那单"). */
const PURCHASE = /买|购|下单|下的单|下了单|拍的|拍了|付款|付的|付了|支付|订的|订了|那个|那单|那笔|那件|(?<![a-z])(?:bought|ordered|order(?:ed)? (?:on|from)|purchased?|placed|paid|buy|the one from|made|submitted|checked out)(?![a-z])/;

/**
 * A date the buyer said is the day of an order only when they said so, or when answering our
 * "which order?"; "今天能到吗", "by friday", "it said delivered today" are about the delivery.
 * A day in the future never is.
 */
function isOrderDate(ctx: Ctx, value: string): boolean {
  const [from = ''] = value.split('/');
  if (from > localDay(ctx.input.now ?? new Date(), ctx.tz)) return false;
  if (ctx.r.choice && 'describe' in ctx.r.choice) return true;
  return PURCHASE.test(ctx.r.u.normalized);
}

/**
 * English words of any question, never goods: an English word matches a title word it begins
 * ("can you ask them to hurry" picked the "White canvas sneakers": found from outside).
 */
const EN_FUNCTION_WORDS = ['can', 'you', 'your', 'ask', 'them', 'they', 'are', 'was', 'were', 'for', 'and', 'with', 'what', 'when', 'where', 'how', 'why', 'who', 'will', 'did', 'does', 'have', 'has', 'had', 'get', 'got', 'not', 'but', 'this', 'just', 'any', 'all', 'its', 'out', 'please', 'pls', 'thanks', 'still', 'yet', 'now', 'today', 'hurry', 'chase', 'again', 'there', 'here', 'about', 'from', 'into', 'also', 'too', 'very', 'much', 'many', 'some', 'like', 'need', 'want', 'know', 'tell', 'let', 'make', 'see', 'look', 'check', 'yes', 'okay'];
const TITLE_STOP = new Set(['订单', '快递', '物流', '包裹', '东西', '那个', '这个', '一个', '什么', '时候', '退款', 'order', 'package', 'parcel', 'the', 'one', 'that', 'my', 'refund', ...EN_FUNCTION_WORDS]);

/**
 * "599的那个", "the 688 one": the orders whose total, in whole units, the message names (found from
 * outside: the list came back). Or the face value their title names ("话费充值200元", "648元档"):
 * "200那单", "200话费" of a top-up paid 199.40 (found from outside: the list came back, and the
 * 50元 one was answered).
 */
function pricedAs(normalized: string, orders: readonly Order[]): Order[] {
  const amounts = [...normalized.matchAll(/(?<![\d.])(\d{2,7})(?:\.\d{1,2})?(?![\d.])(?!\s*(?:点|号|日|月|天|小时|分钟|年|岁|斤|公斤|kg|g\b|ml|cm|:|：))/g)].map((m) => Number(m[1]));
  if (!amounts.length) return [];
  const faceValues = (o: Order) => o.items.flatMap((i) => [...folded(i.title).matchAll(FACE_VALUE)].map((m) => Number(m[1] ?? m[2])));
  return orders.filter((o) => amounts.includes(Math.floor(Number(o.totalAmount))) || faceValues(o).some((v) => amounts.includes(v)));
}
/** A face value in a title: "200元", "50块", "648元档", "¥100", "$25". */
const FACE_VALUE = /(?<![\d.])(\d{2,6})\s*(?:元|块|圆)|[¥￥$]\s*(\d{2,6})(?![\d.])/g;

const COUNT_WORDS: Readonly<Record<string, number>> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, two: 2, three: 3, four: 4, five: 5, six: 6 };
// Not "第二个" (a place in our list) nor "一个" (any one): a number of goods, 两件, 3盒, "2 items".
// Not what is left, opened or used of it ("火锅底料拆了一包…剩下两包能退不" of a two-item order of cured meat: a Chengdu shop, forty-fourth
// session, was told how to cancel the cured meat).
const COUNTED = /(?<![第\d])(?<!剩下|还剩|剩|拆了|开了|吃了|用了|喝了|坏了|少了)(\d{1,3}|[两二三四五六七八九十])\s*(?:件|盒|瓶|双|条|支|台|套|包|箱|袋|份|个(?=东西|商品|的|那))(?![套装])|(?<![a-z\d])(\d{1,3}|two|three|four|five|six)\s+(?:items?|things|pieces|pcs|units|of them)(?![a-z])|(?<![a-z\d])x\s?(\d{1,3})(?![\d])/g;

/** "两件的那个", "the one with 2 items": the orders holding that many goods in all (found from outside: not understood). */
function countedAs(normalized: string, orders: readonly Order[]): Order[] {
  const counts = [...normalized.matchAll(COUNTED)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').map((n) => COUNT_WORDS[n] ?? Number(n));
  const held = (o: Order) => o.items.reduce((n, i) => n + i.quantity, 0);
  if (!counts.length) return [];
  // "等2件" quotes our list, which counts lines; else units, then lines (found from outside: "等2件那个" missed it).
  const byLines = orders.filter((o) => o.items.length > 1 && counts.includes(o.items.length));
  if (/等\s*(?:\d|[两二三四五六七八九十])/.test(normalized)) return byLines;
  const byUnits = orders.filter((o) => counts.includes(held(o)));
  return byUnits.length ? byUnits : byLines;
}

/** "4只装", "4-pack", "a 6 pack": a pack size, said as the titles say it. */
const PACK = /(?<![\d.])(\d{1,3}|[两二三四五六七八九十]|two|three|four|five|six)\s*-?\s*(?:(?:只|个|支|瓶|盒|包|片|袋|罐|卷|条|粒)?装|packs?|pk|pcs|ct)(?![a-z])/gi;
const packSizes = (text: string) => [...folded(text).matchAll(PACK)].map((m) => COUNT_WORDS[m[1]!] ?? Number(m[1]));

/** "the 4-pack one", "brita 4pack": the orders whose titles name that pack size (found from outside: not understood). */
function packedAs(normalized: string, orders: readonly Order[]): Order[] {
  const said = packSizes(normalized);
  return said.length ? orders.filter((o) => o.items.some((i) => packSizes(i.title).some((n) => said.includes(n)))) : [];
}

/**
 * Two Chinese characters of the message that some of these orders' titles hold and not all: a
 * brand or name the segmenter does not know ("乐高" came out as 乐 and 高, so "乐高帮我取消吧" acted on
 * the order under discussion, a hair dryer: found from outside).
 */
function titleBigrams(text: string, orders: readonly Order[]): string[] {
  if (orders.length < 2) return [];
  // Both in simplified characters: "防窺膜" typed, "防窥钢化膜" listed (a Guangzhou shop, thirty-fifth session: the other order told).
  const titles = orders.map((o) => foldTraditional(o.items.map((i) => i.title).join(' | ').normalize('NFKC')));
  const out = new Set<string>();
  for (const run of withoutNonGoods(foldTraditional(text)).match(/\p{Script=Han}{2,}/gu) ?? []) {
    for (let k = 0; k + 2 <= run.length; k++) {
      const b = run.slice(k, k + 2);
      if (TITLE_STOP.has(b)) continue;
      const n = titles.filter((t) => t.includes(b)).length;
      if (n > 0 && n < titles.length) out.add(b);
    }
  }
  return [...out];
}

/**
 * Orders matching what the buyer said about them: the day bought, the phone tail, a SKU, a word of
 * the product title. Undefined when nothing was said that could narrow them down.
 */
/** How many weeks back a weekday named alone is looked for among the buyer's orders. */
const WEEKDAY_LOOKBACK_WEEKS = 4;
// Whole English day names (and tues/thurs): "sun", "sat" and "mon" are words too ("the sun hat").
const WEEKDAY = /(?:周|星期|礼拜)[一二三四五六日天1-7]|(?<![a-z])(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tues|thurs)(?![a-z])/;
const WEEK_NAMED = /[上这本下](?:个|一)?(?:周|星期|礼拜)|(?<![a-z])(?:last|this|next|past)\s+(?:week|mon|tues?|wed|thu|fri|sat|sun)/;
/** A weekday said without which week ("周二那个", "the one from tuesday"). */
const bareWeekday = (text: string) => WEEKDAY.test(text) && !WEEK_NAMED.test(text);
/** The ISO day `days` days before the ISO day `day`. */
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function describedBy(ctx: Ctx, orders: Order[]): Order[] | undefined {
  const u = ctx.r.u;
  let out = orders;
  let narrowed = false;
  for (const e of u.entities) {
    if (e.type === 'date' || e.type === 'dateRange') {
      if (!isOrderDate(ctx, e.value)) continue;
      const [from = '', to = from] = e.value.split('/');
      const on = (lo: string, hi: string) =>
        out.filter((o) => {
          const d = localDate(o.createdAt, ctx.tz);
          return d !== undefined && d >= lo && d <= hi;
        });
      let kept = on(from, to);
      // "周二那个" said on a Thursday means the last Tuesday an order was placed on, which may be
      // a week or more back (found from outside: only this week's was tried).
      for (let week = 1; kept.length === 0 && from === to && week <= WEEKDAY_LOOKBACK_WEEKS && bareWeekday(u.normalized); week++) kept = on(daysBefore(from, 7 * week), daysBefore(from, 7 * week));
      // Buyers give the day they paid or misremember it by one: a day no order was placed on
      // narrows nothing rather than leaving none.
      if (kept.length === 0) continue;
      // "wheres my sleeping bag at? ordered it wednesday": the goods named outrank a day misremembered (a Sydney shop,
      // thirty-seventh session: the tent of a Wednesday three weeks back).
      const goods = namedGoods(ctx, orders);
      if (goods.length > 0 && !kept.some((o) => goods.includes(o))) continue;
      out = kept;
      narrowed = true;
    } else if (e.type === 'phoneTail' && !isNewPhone(ctx, e.value as string, out)) {
      const kept = byTail(out, e.value as string);
      if (!kept) continue;
      out = kept;
      narrowed = true;
    } else if (e.type === 'sku') {
      out = out.filter((o) => o.items.some((i) => sameId(i.sku, e.value)));
      narrowed = true;
    }
  }
  const unpaid = SAYS_UNPAID.test(u.normalized) ? out.filter((o) => o.status === 'pending_payment') : [];
  for (const by of [unpaid, pricedAs(u.normalized, out), countedAs(u.normalized, out), packedAs(u.normalized, out)]) {
    if (by.length > 0 && by.length < out.length) {
      out = by;
      narrowed = true;
    }
  }
  const { words, kinds } = goodsWords(ctx, out);
  // A title word only counts when it picks some orders out; "我的订单" names none. Else the goods named set aside the orders of
  // other goods ("我的猫粮到哪里了": not the Tofu Cat Litter beside "Royal Canin Kitten 4kg", whose kind no word tells: a Kuala
  // Lumpur shop, thirty-seventh session).
  const byTitle = titled(words, kinds, out);
  const byKind = byTitle.length ? byTitle : notOfOtherKinds(kinds, out);
  if (byKind.length > 0 && byKind.length < out.length) {
    out = byKind;
    narrowed = true;
  }
  const byPlace = sentTo(words, out);
  if (byPlace.length > 0 && byPlace.length < out.length) return byPlace;
  return narrowed ? out : undefined;
}

/** The words and kinds of goods the message names, as the titles of `orders` may hold them. */
function goodsWords(ctx: Ctx, orders: readonly Order[]): { words: string[]; kinds: string[] } {
  const u = ctx.r.u;
  const tokens = u.tokens.filter((w) => (/^\p{Script=Han}+$/u.test(w) ? w.length >= 2 : /^[a-z]+$/.test(w) ? w.length >= 3 : w.length >= 2 && !/^\d+$/.test(w)) && !TITLE_STOP.has(w));
  // The kinds of goods named, in any words or language ("the toothbrush" for 电动牙刷, "外套" for 茄克: found from outside).
  return notDenied(u.normalized, [...new Set([...tokens, ...titleBigrams(ctx.input.text, orders)])], [...kindsOfGoods(ctx.input.text)]);
}

/** The orders the goods named pick out of `orders`; none when they pick none out, or all. */
function namedGoods(ctx: Ctx, orders: readonly Order[]): Order[] {
  const { words, kinds } = goodsWords(ctx, orders);
  const named = titled(words, kinds, orders);
  return named.length < orders.length ? named : [];
}

/** The orders whose titles name no other kind of goods than `kinds` (a title that names none may be any). */
function notOfOtherKinds(kinds: readonly string[], orders: readonly Order[]): Order[] {
  if (!kinds.length) return [];
  return orders.filter((o) => {
    const own = kindsOfGoods(o.items.map((i) => i.title).join(' | '));
    return own.size === 0 || kinds.some((k) => own.has(k));
  });
}

/** The orders whose titles share the most words and kinds of goods with what the buyer said ("the blue hoodie"); none when none shares any. */
function titled(words: readonly string[], kinds: readonly string[], orders: readonly Order[]): Order[] {
  if (!words.length && !kinds.length) return [];
  const scores = orders.map((o) => {
    const titleKinds = kinds.length ? kindsOfGoods(o.items.map((i) => i.title).join(' | ')) : undefined;
    return words.filter((w) => o.items.some((i) => titleHas(i.title, w))).length + kinds.filter((k) => titleKinds!.has(k)).length;
  });
  const best = Math.max(0, ...scores);
  return best > 0 ? orders.filter((_, i) => scores[i] === best) : [];
}

/**
 * The orders a word of the message names the receiver's place of ("寄哈尔滨那个", "上海那个呢": a Chengdu shop's gift
 * boxes, one to each relative, thirty-sixth session: the same list again, or another city's parcel); none when no
 * address could be read (a PII key this node lacks).
 */
function sentTo(words: readonly string[], orders: readonly Order[]): Order[] {
  const addresses = orders.map((o) => foldTraditional(addressOf(o)).toLowerCase());
  if (words.length === 0 || addresses.every((a) => !a)) return [];
  const scores = addresses.map((a) => words.filter((w) => !/^\d+$/.test(w) && a.includes(w)).length);
  const best = Math.max(0, ...scores);
  return best > 0 ? orders.filter((_, i) => scores[i] === best) : [];
}

/**
 * Goods said not to be meant ("不是枕头！床笠！", "not the pillow, the fitted sheet"): their words and
 * kinds pick nothing, when something else is named (found from outside: both parcels were told).
 */
const DENIED = /(?:不是|不要|别查)([^，,。.!！?？\s]{1,12}?)(?=而是|是|[，,。.!！?？\s]|$)|(?<![a-z])not (?:the |my |that |this )?([a-z]+(?: [a-z]+)?)(?=\s*[,.!;]|\s+but\b)/g;
function notDenied(normalized: string, words: string[], kinds: string[]): { words: string[]; kinds: string[] } {
  const denied = [...normalized.matchAll(DENIED)].map((m) => m[1] ?? m[2] ?? '').join(' ');
  if (!denied) return { words, kinds };
  const deniedKinds = kindsOfGoods(denied);
  const kept = { words: words.filter((w) => !denied.includes(w)), kinds: kinds.filter((k) => !deniedKinds.has(k)) };
  return kept.words.length + kept.kinds.length > 0 ? kept : { words, kinds };
}

/**
 * "尾号8841": the tail of a phone number, or of an order id (found from outside: "没有找到"). No phone
 * could be read (a PII key this node lacks) and no id ends so: undefined, narrowing nothing rather than to none.
 */
function byTail(orders: Order[], tail: string): Order[] | undefined {
  const byPhone = orders.filter((o) => phoneDigitsOf(o).endsWith(tail));
  const byId = orders.filter((o) => idKey(o.orderId).endsWith(tail));
  if (!byPhone.length && !byId.length && orders.every((o) => !phoneDigitsOf(o))) return undefined;
  return byPhone.length ? byPhone : byId;
}

/** A whole mobile number typed to change to ("改成13700002222", "update it to 137…"). */
const WHOLE_MOBILE = /(?<!\d)(1[3-9]\d{9})(?!\d)/;
const NEW_PHONE = /(?:改成|换成|改为|更新为|更新成|(?<![a-z])(?:update (?:it )?to|change (?:it )?to|to))\s*(1[3-9]\d{9})(?!\d)/;
/**
 * The tail is the new phone's, not the order's: no order has it (found from outside: "can i update
 * it to 13700002222" found no order; found in review: "尾号5678那单 电话改成139…" keeps its tail).
 */
function isNewPhone(ctx: Ctx, tail: string, orders: readonly Order[]): boolean {
  const text = ctx.input.text.normalize('NFKC');
  // A whole number typed with a new address is its receiver's ("上海市浦东新区张江路88号 李四 13812345678" found no order).
  const typed = NEW_PHONE.exec(text)?.[1] ?? (typesAddress(ctx.r.u.normalized, ctx.state.topic === 'change_address') ? WHOLE_MOBILE.exec(text)?.[1] : undefined);
  return typed !== undefined && typed.endsWith(tail) && !orders.some((o) => phoneDigitsOf(o).endsWith(tail));
}
const LATIN_RUN = /[a-z0-9]+/g;

/**
 * A product title holds a word the buyer said: Chinese words anywhere in it; an English word as
 * the start of one of its words ("headphone" in "Wireless Headphones"), never inside one ("how"
 * is not in "Shower Gel").
 */
function titleHas(title: string, w: string): boolean {
  const t = foldTraditional(title.normalize('NFKC').toLowerCase());
  // "鞋子" for 跑步鞋, "帽子" for 棒球帽: the noun without its suffix.
  // Only for goods (lexicon/products.json): "单子" is no 单 (found in review: it picked a 床单 order).
  if (/^\p{Script=Han}子$/u.test(w) && kindsOfGoods(w).size > 0) return t.includes(w) || t.includes(w[0]!);
  // A model typed without its spaces ("13mini" of "iPhone 13 mini": a Shenzhen shop, forty-third session, the paid order picked).
  if (!/^[a-z]+$/.test(w)) return t.includes(w) || (w.length >= 4 && /\d/.test(w) && /[a-z]/.test(w) && t.replace(/\s+/g, '').includes(w));
  // A title word the buyer says in the plural ("shoes" for "shoe"), not one that merely begins the word
  // ("cancel" is no "can" of beans: found from outside, "cancel it" acted on the order with a can in it).
  // A day or month a title shortens ("Sat 5 Dec") is said in full ("saturday").
  for (const m of t.matchAll(LATIN_RUN)) if (m[0].startsWith(w) || (m[0].length >= 3 && (w === `${m[0]}s` || w === `${m[0]}es` || (SHORT_DAYS.has(m[0]) && w.startsWith(m[0]))))) return true;
  return false;
}

// Spelled out: EN_MONTH is declared further down (a module constant used before it is set).
const SHORT_DAYS: ReadonlySet<string> = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** The orders of our last list: the one waiting for an answer, else the one a pick was made from. */
const listedIds = (state: DialogueState): readonly string[] | undefined => state.pending?.orderIds ?? state.listed;

/** The order placed last. */
const newestOf = (orders: readonly Order[]): Order | undefined => orders.reduce<Order | undefined>((a, o) => (!a || Date.parse(o.createdAt) > Date.parse(a.createdAt) ? o : a), undefined);

/** The listed order picked by when it was placed, what it cost or where it stood on our list. */
function pickedBy(state: DialogueState, listed: readonly Order[], by: PickBy): Order | undefined {
  const price = (o: Order) => Number(o.totalAmount);
  const time = (o: Order) => Date.parse(o.createdAt);
  const ids = listedIds(state) ?? [];
  const place = (o: Order) => ids.findIndex((id) => sameId(id, o.orderId));
  const key: Record<PickBy, (o: Order) => number> = { oldest: time, newest: (o) => -time(o), cheapest: price, dearest: (o) => -price(o), top: place, bottom: (o) => -place(o) };
  const sorted = [...listed].sort((a, b) => key[by](a) - key[by](b));
  // A tie (two orders of the same price) picks nothing: asked again.
  return sorted.length && (sorted.length === 1 || key[by](sorted[0]!) !== key[by](sorted[1]!)) ? sorted[0] : undefined;
}

/** The kinds of goods the orders' titles name, for the state (found in review: any goods word had counted). */
function kindsOfOrders(orders: readonly Order[]): string[] {
  return [...kindsOfGoods(orders.flatMap((o) => o.items.map((i) => i.title)).join(' | '))].slice(0, MAX_KINDS);
}

/**
 * "Which order?": the question, then one line per order (number, id, goods, status, when placed),
 * so the text alone is a whole answer for a client that shows no cards (found from outside); the
 * pages show the first line above the card, which lists the same orders.
 */
/**
 * The orders to choose from, each with its status and when it was ordered (said so: "已签收，11-27"
 * read as the day it was signed for); orders of the same goods also with their amounts, which tell
 * them apart (found from outside: two lines of "口红 #999 正红色" and a date).
 */
function choiceReply(ctx: Ctx, question: string, orders: readonly Order[]): Reply {
  const zh = ctx.lang === 'zh';
  const titles = orders.map((o) => orderTitle(o, ctx.lang));
  const cities = orders.map(cityOf);
  const lines = orders.map((o, i) => {
    const when = formatTime(o.createdAt, ctx.lang, ctx.tz);
    // The same goods twice: where each goes tells them apart (gift boxes to relatives: found from outside), else the price.
    const twins = titles.flatMap((x, k) => (x === titles[i] ? [k] : []));
    const byCity = cities[i] && twins.every((k) => k === i || (cities[k] && cities[k] !== cities[i]));
    const tell = byCity ? (zh ? `寄往${cities[i]}` : `to ${cities[i]}`) : formatMoney(o.totalAmount, o.currency);
    const same = twins.length > 1 ? `${zh ? '，' : ', '}${tell}` : '';
    const about = zh ? `（${ORDER_STATUS.zh[o.status]}${same}，${when} 下单）` : ` (${ORDER_STATUS.en[o.status]}${same}, ordered ${when})`;
    return `${i + 1}. ${o.orderId} ${titles[i]}${about}`;
  });
  return { text: [question, ...lines].join('\n'), card: choiceCard(orders, ctx.lang) };
}

/** The city of a Chinese receiver's address ("黑龙江省哈尔滨市…" → 哈尔滨市); undefined for others, or none read. */
const CITY = /[^省市区县\s\d，,]{2,4}市/;
const cityOf = (o: Order): string | undefined => CITY.exec(foldTraditional(addressOf(o)))?.[0];

function offerChoice(ctx: Ctx, intent: DataIntent, orders: Order[]): Outcome {
  const shown = orders.slice(0, MAX_CHOICES);
  return {
    replies: [choiceReply(ctx, ctx.t.chooseOrder(intent, shown.length, ctx.r.reschedule ? 'reschedule' : undefined), shown)],
    next: { pending: { intent, orderIds: shown.map((o) => o.orderId), kinds: kindsOfOrders(shown), ...(ctx.r.whyCancelled ? { whyCancelled: true as const } : {}), ...(ctx.r.reschedule ? { reschedule: true as const } : {}) } },
  };
}

function reaskChoice(ctx: Ctx, intent: DataIntent, failed: boolean): Outcome {
  const ids = listedIds(ctx.state) ?? [];
  const listed = ids.map((id) => ctx.orders?.find((o) => o.orderId === id)).filter((o): o is Order => o !== undefined);
  if (listed.length === 0) return { replies: [{ text: ctx.t.noMatchingOrder }], failed };
  const text = failed ? ctx.t.chooseOrder(intent, listed.length) : ctx.t.choiceOutOfRange(listed.length);
  const why = ctx.r.whyCancelled || ctx.state.pending?.whyCancelled ? { whyCancelled: true as const } : {};
  return { replies: [choiceReply(ctx, text, listed)], next: { pending: { intent, orderIds: listed.map((o) => o.orderId), kinds: kindsOfOrders(listed), ...why } }, failed };
}

/**
 * The order's parcels (a split shipment has several, each its own tracking number); the one whose
 * number the buyer typed, alone (found from outside: "JD0088112233 这个单号是我的吗" got "no such order").
 */
function parcelsOf(ctx: Ctx, o: Order): Logistics[] {
  const all = ctx.logistics.filter((l) => l.orderId === o.orderId);
  if (all.length < 2) return all;
  const typed = namedIds(ctx.input.text, all.map((l) => l.trackingNo));
  if (typed.length === 1) return all.filter((l) => l.trackingNo === typed[0]);
  // "顺丰那个到哪了": the parcel of the courier named, when that picks some (found from outside: both parcels again).
  const named = couriersNamed(ctx.input.text);
  const byCourier = all.filter((l) => couriersOf(l.carrier).some((re) => named.includes(re)));
  // Not one named to set it aside ("不是顺丰那个，另一个到哪了", "the sf one arrived already, where is the other one": found in review).
  if (byCourier.length && byCourier.length < all.length && !SETS_ASIDE.test(ctx.r.u.normalized)) return byCourier;
  const rest = ctx.r.restParcels ? all.filter((l) => l.status !== 'delivered') : [];
  return rest.length ? rest : all;
}
const SETS_ASIDE = /不是|别|另一|另外|其他|(?<![a-z])(?:not|other|another|else)(?![a-z])/;
/**
 * "fedex says out for delivery, can they leave it at the door?" while an order not shipped yet is in
 * focus: the one order whose parcel that courier carries (found from outside: "no tracking yet" of the other).
 */
function carriedBy(ctx: Ctx, orders: Order[]): Order | undefined {
  // 邮政编码 is a postcode, no courier; goods named say which order ("the dog toys? fedex has my old one": found in review).
  const named = couriersNamed(foldTraditional(ctx.input.text).replace(/邮政编码|邮编/g, ' '));
  if (named.length !== 1 || SETS_ASIDE.test(ctx.r.u.normalized) || describedBy(ctx, orders) !== undefined) return undefined;
  const ids = new Set(ctx.logistics.filter((l) => couriersOf(l.carrier).includes(named[0]!)).map((l) => l.orderId));
  return ids.size === 1 ? orders.find((o) => ids.has(o.orderId)) : undefined;
}
const logisticsOf = (ctx: Ctx, o: Order): Logistics | undefined => parcelsOf(ctx, o)[0];

/** Something said to have come ("奶粉到了", "the lamp arrived"), not asked after ("到了吗") nor denied ("还没到了"). */
// A carrier's word the buyer disputes is none ("显示到了 但是我没收到", "it says it arrived but i never got it": found in review).
const REPORTED_CAME = /(?:显示|说|物流|信息|记录)[^，,。]{0,6}(?:到了|签收|送达)|(?<![a-z])(?:says?|said|shows?|showing|tracking)\b[^.?!,]{0,20}\b(?:arrived|came|delivered)(?![a-z])/;
const ONE_CAME = /(?<![没未还])(?:到了|收到了)(?![吗么嘛呢没]|没)|(?<![a-z])(?:arrived|came)(?! yet)(?![a-z])(?<!(?:n't|not|never) (?:arrived|came))/;
/**
 * Each parcel of a split shipment on a line of its own ("包裹 1（京东快递，运单号 …）正在运输途中…"),
 * under one saying how many; a parcel stalled or in trouble offers a person (found in review: each
 * parcel's text began "your order …", one delivered, the next in transit).
 */
function eachParcel(ctx: Ctx, o: Order, parcels: readonly Logistics[]): Outcome {
  const { t, lang } = ctx;
  let trouble = false;
  const lines = parcels.map((l, i) => {
    const quiet = quietDays(ctx, l);
    trouble ||= quiet !== undefined || l.status === 'exception';
    const said = quiet !== undefined ? t.stalled(quiet) : etaFor(ctx, o, parcelStatusKey(l), l.carrier);
    return reply(t.parcelLine(i + 1, carrierName(l.carrier, lang), l.trackingNo, said, latestLine(ctx, l)), logisticsCard(l));
  });
  // A parcel shown delivered that the buyer has not got: what to check, and a person (found from outside: the lines alone).
  // One said to have come while another still moves: the missing one is on its way, not lost (a Beijing formula shop, forty-fifth
  // session: "奶粉到了 拉拉裤咋没见着" was told to look for the delivered parcel at the pickup point).
  const moving = parcels.filter((l) => l.status === 'in_transit' && quietDays(ctx, l) === undefined);
  const oneCame = moving.length > 0 && ONE_CAME.test(ctx.r.u.normalized) && !REPORTED_CAME.test(ctx.r.u.normalized);
  const missing = !oneCame && parcels.some((l) => l.status === 'delivered') && NOT_RECEIVED.test(ctx.r.u.normalized);
  const advice = missing ? [{ text: notReceivedEntry(ctx) ?? t.deliveredNotReceived }] : [];
  // A day named ("will the fridge be here by friday?") is the one parcel still on its way's (found from outside: the lines alone, three times).
  const byDay = !trouble && moving.length === 1 ? dayAsked(ctx, moving[0]!, etaFor(ctx, o, 'in_transit', moving[0]!.carrier)) : undefined;
  const day = byDay ? [{ text: byDay }] : [];
  // "is it stuck??", "still at the glasgow depot": the one still moving chased, a person offered (a London shop: the lines alone, three times).
  const chased = !trouble && !missing && moving.length > 0 && (impatient(ctx) || CHASE.test(ctx.r.u.normalized));
  const chase = chased ? [{ text: lateText(ctx) }] : [];
  return { replies: [{ text: t.splitParcels(o.orderId, parcels.length) }, ...lines, ...advice, ...day, ...chase], ...(trouble || missing || chased ? { next: { offeredHuman: true } } : {}) };
}

/**
 * A parcel waiting at a pickup point, a locker or a store for the buyer ("商品已到店，請於 12/11 前取件",
 * "已放入丰巢快递柜，取件码…", "ready for collection"): platforms send it as delivered or still in
 * transit, and "已经签收了" told a buyer whose parcel sat at a 7-11 that they had it (found from outside).
 */
const AT_PICKUP = /(?<!未|没|沒|预计|預計|即将|即將|将|將)到店(?!时间|時間)|已(?:到(?:达)?|送达|送達)(?:取件)?.{0,12}(?:驿站|驛站|门市|門市|门店|快递柜|快遞櫃|自提点|自提點|代收点|代收點)|(?<!无需|無需|不用|已|已经|已經)(?:请|請)[^，,。；;]{0,12}(?:到|去)[^，,。；;]{0,8}自提|待自提|待提货|待提貨|等待提货|等待提貨|待取件|待領取|待领取|(?:请|請)(?:于|於|在).{0,12}(?:前)?(?:取件|取货|取貨|领取|領取)|取件码|取件碼|已(?:放入|存入|投递至|投入).{0,12}(?:柜|櫃|驿站|驛站)|(?<![a-z])(?:ready (?:for|to be) (?:pickup|pick-up|picked up|collection|collected)|awaiting (?:pickup|collection)|available for (?:pickup|collection)|(?:arrived|delivered) (?:at|to) (?:the |a )?(?:pickup point|collection point|parcel locker|locker|parcel shop|store for pickup))(?![a-z])/i;
/** Expected there, not there yet: "预计 12/10 到店". */
const NOT_YET_THERE = /(?:预计|預計|即将|即將|将于|將於|尚未|还未|還未).{0,14}(?:到店|到达|到達)/;
/** Collected after all: "已取件", "顧客已取貨", "picked up by customer". */
// "已签收，已放入丰巢快递柜后取出" is collected too (a Guangzhou shop, thirty-ninth session: told it waited at a pickup point).
const PICKED_UP = /已取件|已取货|已取貨|已领取|已領取|已取出|已被取出|后取出|後取出|并取出|並取出|取件成功|(?<![a-z])(?:picked up by|collected by|has been collected|was collected)(?![a-z])/i;
/**
 * Put in a locker with a code, or at a store to collect: said so whatever status the platform sent ("快件已存入順便智能櫃，請憑取件碼取件",
 * "包裹已送達取件門市，請於 12/11 前攜帶證件至門市取件" came as out for delivery: found from outside, told as a possible delay).
 */
const IN_LOCKER = /取件码|取件碼|已(?:放入|存入|投入)[^，,。；;]{0,12}(?:柜|櫃)|已(?:送达|送達|配达|配達)(?:取件)?(?:门市|門市|门店|門店)|(?:至|到)(?:门市|門市)(?:取件|取货|取貨|领取|領取)|(?<![a-z])(?:ready (?:for|to be) (?:pickup|pick-up|picked up|collection|collected)|(?:placed|put|stored) in (?:the |a )?(?:parcel )?locker)(?![a-z])/i;
/** Said as what will happen: "如放入快递柜将短信发送取件码", "if no one is home it will be placed in a locker" (found in review). */
const WOULD_BE = /如果?|若|(?<!已)将|(?<![a-z])(?:if|will be|would be|may be|might be)(?![a-z])/i;
export const atPickup = (l: Logistics): boolean => {
  const e = newestEvents(l)[0];
  if (e === undefined || PICKED_UP.test(e.description) || NOT_YET_THERE.test(e.description)) return false;
  // Out for delivery is on its way to the door, whatever a station's name in the scan says (found in review),
  // unless the scan says it is in a locker for the buyer (found from outside: "1 天沒有更新，可能有延誤").
  return ((l.status === 'delivered' || l.status === 'in_transit') && AT_PICKUP.test(e.description)) || (l.status === 'out_for_delivery' && IN_LOCKER.test(e.description) && !WOULD_BE.test(e.description));
};
/** What the parcel's answer says of its status: waiting at a pickup point reads as that. */
const parcelStatusKey = (l: Logistics): EtaKey => (atPickup(l) ? 'at_pickup' : l.status);

function latestLine(ctx: Ctx, l: Logistics): string | undefined {
  const e = newestEvents(l)[0];
  if (!e) return undefined;
  const when = formatTime(e.time, ctx.lang, ctx.tz);
  // "Dec 4, 08:00, Jurong West hub: Arrived at sorting hub": in English the place and the carrier's words ran together (found from outside).
  if (ctx.lang === 'en') return e.location ? `${when}, ${e.location}: ${e.description}` : `${when}: ${e.description}`;
  return [when, e.location, e.description].filter(Boolean).join(' ');
}

const reply = (text: string, card?: Card): Reply => (card ? { text, card } : { text });

/** Days after shipping with no tracking at all before that is worth a person's look. */
const NO_TRACKING_LATE_DAYS = 2;

/**
 * No parcel record: a delivered order is told as delivered, not "shipped, syncing"; one shipped
 * days ago with nothing yet is unusual, and a person is offered (found from outside: both read
 * "物流信息还在同步中" however long it had been).
 */
function noTracking(ctx: Ctx, o: Order, title: string): Outcome {
  const { t } = ctx;
  if (o.status === 'delivered' || o.status === 'completed') return { replies: [reply(t.orderStatus(statusFields(ctx, o)), orderCard(o))] };
  const days = atLeast(elapsed(ctx, o.updatedAt, DAY_MS), NO_TRACKING_LATE_DAYS);
  if (days === undefined) return { replies: [reply(t.shippedNoLogistics(o.orderId, title), orderCard(o))] };
  return { replies: [reply(t.shippedNoLogistics(o.orderId, title), orderCard(o)), { text: t.noTrackingLate(days) }], next: { offeredHuman: true } };
}

function parcelAnswer(ctx: Ctx, o: Order): Outcome {
  const digital = noCourierAnswer(ctx, o);
  if (digital) return digital;
  const { t, lang } = ctx;
  const title = orderTitle(o, lang);
  if (o.status === 'paid' || o.status === 'pending_payment') {
    return withShipLate(ctx, o, reply(t.notShippedYet(o.orderId, title, ORDER_STATUS[lang][o.status], shipTerms(ctx, o).text), orderCard(o)));
  }
  if (o.status === 'cancelled') return { replies: [reply(t.cancel.cancelled(o.orderId, o.cancelReason), orderCard(o))] };
  const parcels = parcelsOf(ctx, o);
  if (parcels.length === 0) {
    if (ctx.logisticsFailed) {
      ctx.unavailable.add('logistics');
      return { replies: [reply(`${t.orderStatus(statusFields(ctx, o))}${t.unavailable('logistics')}`, orderCard(o))] };
    }
    return noTracking(ctx, o, title);
  }
  return parcels.length > 1 ? eachParcel(ctx, o, parcels) : oneParcel(ctx, o, parcels[0]!, title);
}

function oneParcel(ctx: Ctx, o: Order, l: Logistics, title: string): Outcome {
  const { t, lang } = ctx;
  const latest = latestLine(ctx, l);
  if (!latest) return { replies: [reply(t.parcelNoEvents({ orderId: o.orderId, carrier: carrierName(l.carrier, lang), trackingNo: l.trackingNo }), logisticsCard(l))] };
  const waiting = atPickup(l);
  const status = waiting ? t.atPickupStatus : LOGISTICS_STATUS[lang][l.status];
  const parcel = reply(t.parcel({ orderId: o.orderId, title, carrier: carrierName(l.carrier, lang), trackingNo: l.trackingNo, status, latest }), logisticsCard(l));
  if (waiting) return CODE_LOST.test(ctx.r.u.normalized) ? { replies: [parcel, { text: t.pickupCodeLost }], next: { offeredHuman: true } } : { replies: [parcel, { text: t.atPickupNote }] };
  // The courier's number is in the tracking once the parcel is out for delivery; before, the tracking again said nothing of it (found from outside).
  if (COURIER_PHONE.test(ctx.r.u.normalized) && (l.status === 'in_transit' || l.status === 'pending')) return { replies: [parcel, { text: t.courierPhoneNotYet }] };
  // "显示签收了但我没收到": the tracking alone contradicts the buyer; a person is offered to check (found from outside).
  // The shop's own entry on it first ("My parcel says delivered but I have not received it": found from outside).
  if (l.status === 'delivered' && NOT_RECEIVED.test(ctx.r.u.normalized)) return { replies: [parcel, { text: notReceivedEntry(ctx) ?? t.deliveredNotReceived }], next: { offeredHuman: true } };
  // "只到了一半" of an order sent as one parcel, delivered: something is missing from it, a person's to check.
  if (l.status === 'delivered' && ctx.r.restParcels) return { replies: [parcel, { text: t.partArrived }], next: { offeredHuman: true } };
  // Stuck for days, or in trouble: said so, with a person offered, as the delivery estimate does (found from outside).
  const quiet = quietDays(ctx, l);
  const past = quiet === undefined ? pastShopDays(ctx, o, l) : undefined;
  // The courier says it is lost, and the buyer asks about it: a person replaces or refunds it at once, not "shall I get one?" (a
  // Guangzhou shop, forty-first session: "我等了10天你告诉我丢了" was offered a person, the tracking told again).
  if (l.status === 'exception' && PARCEL_LOST.test(newestEvents(l)[0]?.description ?? '') && PARCEL_LOST.test(`${ctx.r.u.normalized} ${folded(ctx.input.text)}`)) return { replies: [parcel, { text: t.parcelTrouble.lost }], handover: { reason: 'complaint' } };
  const trouble = quiet !== undefined ? t.parcelTrouble.stalled(quiet) : l.status === 'exception' ? t.parcelTrouble.exception : past ? pastDaysText(ctx, past) : undefined;
  if (trouble) return { replies: [parcel, { text: trouble }], next: { offeredHuman: true } };
  // "帮我催一下快递", "是不是丢件了": the same tracking again answers nothing; a person can chase the carrier (found from outside).
  const chase = l.status !== 'delivered' && (CHASE.test(ctx.r.u.normalized) || HURRY.test(ctx.r.u.normalized)) && !NOT_CHASING.test(ctx.r.u.normalized);
  // Agreed to and asked at once ("好 帮我催一下" after the offer a turn before: a Chengdu shop, fortieth session, offered again): a person
  // is called. Asked alone ("那你帮我催一下快递"), a person is offered, as before.
  if (chase && CHASE_AGREED.test(ctx.r.u.normalized.trim())) return { replies: [parcel, { text: t.chaseHandover }], handover: { reason: 'requested' } };
  if (chase) return { replies: [parcel, { text: t.chaseOffer }], next: { offeredHuman: true } };
  // "3 days and still not here!!", "急用": the buyer says it is late; the bare tracking ignored that (found from outside).
  if (l.status !== 'delivered' && impatient(ctx)) return { replies: [parcel, { text: lateText(ctx) }], next: { offeredHuman: true } };
  return { replies: [parcel] };
}

/** A parcel lost on its way, in the courier's words or the buyer's. */
const PARCEL_LOST = /丢失|遗失|丢件|丢了|弄丢|(?<![a-z])(?:lost|missing in transit)(?![a-z])/i;
/** The pickup code lost or not found ("丰巢取件码忘了咋办", "变调夹那个包裹丰巢取件码在哪看": found from outside, the note on collecting it). */
const CODE_LOST = /(?:取件码|取货码)[^，,。？?]{0,6}(?:忘|丢|删|没收到|没看到|找不到|在哪|哪里看|哪看|多少|是啥|是什么)|(?:忘|丢|删|没收到|找不到|不记得|唔记得)(?:了|咗|记)?(?:个|了)?(?:取件码|取货码)|(?<![a-z])(?:(?:pickup|pick up|collection|locker) code\b.{0,20}\b(?:lost|forgot|where|did not get|never got|deleted)|(?:lost|forgot|deleted|did not get|never got|cannot find|can not find|do not have) (?:the |my )?(?:pickup|pick up|collection|locker) code)(?![a-z])/;
/** The courier's phone asked ("快递员电话多少", "the driver's number"): the parcel out for delivery, whose tracking has it (found from outside, two shops). */
// Not the courier having called ("快递员电话说今天送不了") or not answering ("…打了好几次都没人接"), nor Singapore's "courier number" (the tracking number): found in review.
const COURIER_PHONE = /(?:快递员|快递小哥|派件员|派送员|收派员|配送员|送货员|骑手|司机|师傅)(?:的)?(?:电话|手机|号码|联系方式)(?![^，,。？?]{0,4}(?:打不通|不接|没人接|关机|联系不上|说|打来|打过来|打了|来过))|(?<![a-z])(?:(?:courier|driver|delivery (?:guy|man|person)|rider)(?:'s)? (?:phone|contact)(?: number)?|(?:driver|rider)(?:'s)? number)(?! (?:is )?(?:not answering|off|dead|unreachable))(?![a-z])/;
/** Whether a parcel of the order is in the state `is` tells. */
const hasParcel = (ctx: Ctx, o: Order, is: (l: Logistics) => boolean): boolean => ctx.logistics.some((l) => l.orderId === o.orderId && is(l));
/** Of the buyer's orders, the one whose parcel is out for delivery when the courier's phone is asked and the one talked about is not. */
function courierAsked(ctx: Ctx, orders: readonly Order[], focus: Order | undefined): Order | undefined {
  // Not with the parcel said delivered and not received: that one is meant (found in review).
  if (!COURIER_PHONE.test(ctx.r.u.normalized) || SAYS_DELIVERED.test(ctx.r.u.normalized)) return undefined;
  const out = (o: Order) => hasParcel(ctx, o, (l) => l.status === 'out_for_delivery');
  const outNow = orders.filter(out);
  return outNow.length === 1 && !(focus && out(focus)) ? outNow[0] : undefined;
}
/** A pickup point named ("丰巢取件码", "the locker"): of several parcels, the one waiting there is meant (found from outside: the other parcel was told). */
// The code only: "另一个快递怎么还没到驿站" asks of the other one (found in review).
const PICKUP_ASKED = /取件码|取货码|(?<![a-z])(?:pickup|pick up|collection|locker) code(?![a-z])/;
const OTHER_PARCEL = /另一|另外|其他|还有一个|还没到|没到|(?<![a-z])(?:other|another|not (?:there|in) yet)(?![a-z])/;

/** A chase agreed to and asked at once ("好 帮我催一下"): a yes before the request. */
const CHASE_AGREED = new RegExp(`^(?:好|好的|行|可以|要|嗯|ok|okay|yes|yeah|sure)[\\s,，!！]*(?:那)?(?:${CHASE_ASKED.source})`);
/** "我不是催 就想问问物流停在哪了": no chase asked (found in review). */
const NOT_CHASING = /不是催|不催|不用催|(?<![a-z])(?:not chasing|not rushing|no rush)(?![a-z])/;
/** The buyer says it is late. */
const IMPATIENT = /太慢|这么慢|好慢|怎么这么久|怎么还没|还没到|还不到|离谱|(?<![a-z])(?:ridiculous|taking forever|takes forever|so slow|too slow|still not here|still (?:hasn'?t|has not) (?:come|arrived))(?![a-z])/;
/** The buyer needs it soon, without saying it is late: "急用", "urgent", "need it by Friday". */
const URGENT = /急用|急着用|着急|很急|(?<![a-z])(?:urgent|asap|need it (?:by|before|for|today|tomorrow))(?![a-z])/;
/** "不着急", "不是很急", "no rush": said not to be in a hurry (found in review: met with an apology and a person). */
const NOT_URGENT = /不(?:是很|太|用|要|怎么)?着?急|没(?:那么|这么|有)?(?:着)?急|(?<![a-z])(?:not urgent|no rush|no hurry|not in a (?:rush|hurry)|not a rush)(?![a-z])/;
const saysLate = (ctx: Ctx): boolean => IMPATIENT.test(ctx.r.u.normalized) || SAYS_LATE.test(ctx.r.u.normalized);
const impatient = (ctx: Ctx): boolean => !NOT_URGENT.test(ctx.r.u.normalized) && (saysLate(ctx) || URGENT.test(ctx.r.u.normalized));
/** Sorry for a parcel said to be late; an urgent one not said to be late is told it is on its way (found in review: "急用" got "sorry for the wait"). */
const lateText = (ctx: Ctx): string => (saysLate(ctx) ? ctx.t.lateSorry : ctx.t.urgentOffer);

/** Asks to chase or reach the carrier, or fears the parcel is lost or stuck. */
const CHASE = /^(?:是不是|会不会|该不会|不会是)(?:被)?(?:弄)?丢了|(?<![不别没])催(?:一下|一催|催|下|件|快递|物流)|联系(?:一下)?(?:快递|物流|顺丰|圆通|中通|申通|韵达|京东|邮政|极兔|德邦|快递员)|丢件|(?:快递|包裹|东西|件|货)(?:是不是|是否|会不会)?(?:被)?(?:弄)?丢了|没更新|不更新|没动|不动了|(?:\d+|几|好几|两|三)\s*天了?.{0,3}还(?:停|卡)?在.{0,10}(?:咋回事|怎么回事|什么情况|怎么还|为什么|为啥|不动|没动)|一直(?:停|卡)在|(?:物流|快递|包裹|件|货|package|parcel)[^，。,]{0,8}(?:停在|卡在)|(?:停在|卡在)[^，。,]{0,10}(?:不动|不走|半路|中转|转运|分拨|海关|hub|\d+天|几天|好几天|三天|两天)|(?<![a-z])(?:chase|contact the (?:courier|carrier)|call the (?:courier|carrier)|(?:parcel|package|it) (?:is |was |got )?lost|lost in (?:transit|the mail|the post)|not moving|is it stuck(?=\s*[?!.]*$)|(?:parcel|package|order|delivery) (?:is |'s )?stuck|still (?:at|in) (?:the )?[a-z]+ (?:depot|hub|warehouse|facility|centre|center)|not updated|no update|(?:hasn'?t|has not) (?:moved|updated))(?![a-z])/;

/** Hours a paid order has waited to ship (since its last update), past the shop's promise; undefined within it or when the promise is not known. */
function hoursUnshipped(ctx: Ctx, o: Order): number | undefined {
  const terms = shipTerms(ctx, o);
  if (terms.dueBy !== undefined) return (ctx.input.now ?? new Date()).getTime() > terms.dueBy ? atLeast(elapsed(ctx, o.updatedAt, HOUR_MS), 1) : undefined;
  const promised = terms.hours;
  if (promised === undefined) return undefined;
  // A promise in working days is kept by the end of the last of them, counted from the weekday paid
  // ("3个工作日内" paid on a Tuesday is due by Friday night, not Sunday: found from outside).
  const rule = terms.rule ?? terms.text;
  const days = terms.own && !aheadKind(o) ? workingDaysIn(rule) : undefined;
  const paid = Date.parse(o.updatedAt);
  // Only when the promise kept is that one ("现货48小时内发货，定制款10个工作日" promises 48 hours).
  if (days !== undefined && promised === workingDayHours(days) && Number.isFinite(paid)) {
    const now = (ctx.input.now ?? new Date()).getTime();
    return now > endOfWorkingDay(paid, days, ctx.tz) ? atLeast(elapsed(ctx, o.updatedAt, HOUR_MS), 1) : undefined;
  }
  // "24 小時內出貨，週六、日及國定假日順延": the hours are counted on weekdays only (found from outside: late on a Sunday).
  if (terms.own && WEEKEND_DEFERS.test(shopReading(rule)) && Number.isFinite(paid)) {
    const now = (ctx.input.now ?? new Date()).getTime();
    return weekdayHours(paid, now, ctx.tz) > promised ? atLeast(elapsed(ctx, o.updatedAt, HOUR_MS), 1) : undefined;
  }
  return atLeast(elapsed(ctx, o.updatedAt, HOUR_MS), promised + 1);
}
/** A shop's word that weekends do not count ("周末顺延至下一个工作日", "orders paid on weekends ship the next business day"). */
// Weekends named, the sending deferred: not holidays alone ("法定节假日顺延"), nor "周末客服休息，仓库正常发货" (found in review).
/** Words of the staff's own hours, not of sending ("客服周末休息，留言下一个工作日回复"). */
const STAFF_WORDS = /客服|回复|答复|在线|上班|值班|人工|退款|售后|留言|处理|审核/;
const WEEKEND_DEFERS = /(?:周末|周六|周日|星期[六日天]|礼拜[六日天])(?![^。.]{0,24}(?:正常|照常)发货)[^。.]{0,24}(?:顺延|下一个?工作日|次一?工作日|不发货)|(?<![a-z])(?:weekends?|saturdays?|sundays?)(?![a-z])[^.]{0,60}(?:next (?:business|working) day|on monday|not (?:shipped|dispatched))/i;
/** Hours between two instants that fall on weekdays of the shop's calendar. */
function weekdayHours(from: number, to: number, tzMinutes: number): number {
  const offset = tzMinutes * 60_000;
  let ms = 0;
  for (let t = from + offset, end = to + offset, i = 0; t < end && i < 90; i++) {
    const nextDay = Math.floor(t / DAY_MS) * DAY_MS + DAY_MS;
    if (isWeekday(t)) ms += Math.min(nextDay, end) - t;
    t = nextDay;
  }
  return ms / HOUR_MS;
}
/** Hours a promise of `n` working days stands for when no weekday is known: a weekend for each five. */
const workingDayHours = (n: number): number => (n + 2 * Math.ceil(n / 5)) * 24;
/** The end (local midnight after) of the `n`-th weekday after the day of `from`. */
function endOfWorkingDay(from: number, n: number, tzMinutes: number): number {
  const local = new Date(from + tzMinutes * 60_000);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let left = n, i = 0; left > 0 && i < 60; i++) {
    day += DAY_MS;
    if (isWeekday(day)) left--;
  }
  return day + DAY_MS - tzMinutes * 60_000;
}

/**
 * Goods sold ahead of stock ("【预售 付款后15天内发货】…") or made for the buyer ("【定制】…（定制20-30天发货）"):
 * they ship on their own terms, never the in-stock promise (found from outside: a sofa made to order,
 * 12 days into 20-30, was "later than usual" with a one-click cancel). Every item sold must be one
 * ("预订" is a cake booked a day ahead, and in-stock earbuds beside a pre-sale case ship as usual:
 * found in review); free gifts do not count. A listing that only may be customised ("可定制") is not.
 */
// 預購 / 预购: Hong Kong's and Taiwan's word (found from outside: a 【預購】 gift set was "later than usual").
const PRE_SALE = /预售|預售|预购|預購|(?<![a-z])(?:pre-?orders?|pre-?sale|presale)(?![a-z])/i;
const MADE_TO_ORDER = /(?<![可支持能])(?:定制|定做|订做|订制)|(?<![a-z])(?:made[- ]to[- ](?:order|measure)|custom[- ]made|bespoke)(?![a-z])/i;
type AheadKind = 'pre_order' | 'made_to_order';
const AHEAD: Record<AheadKind, RegExp> = { pre_order: PRE_SALE, made_to_order: MADE_TO_ORDER };
/**
 * 定制 as a selling word, of goods in stock ("中秋月饼 定制礼盒装", "LOGO定制 保温杯 现货", "私人定制 情侣T恤",
 * "免费定制刻字"): no made-to-order (found in review).
 */
const CUSTOM_WORDING = /(?:私人|高端|企业|团体|公司|免费|个性|logo|支持|可|可以|能|来图)\s*定制|定制(?:礼盒|礼品|款式|logo|印字|刻字)|现货|(?<![a-z])in[- ]stock(?![a-z])/i;
/** Made to order as the listing says it outright, or with its time ("【定制】…（定制20-30天发货）"). */
const MADE_OUTRIGHT = /【定制】|\[定制\]|定制款|定做|订做|(?<![a-z])(?:made[- ]to[- ](?:order|measure)|bespoke|custom[- ]made)(?![a-z])/i;
/** A listing's tag that the piece is made for the buyer ("【刻字定制】", "【改圈口】"), not a free service offered ("【免费刻字】": found from outside, jewellery shop). */
const TAGGED_CUSTOM = /[【[](?![^】\]]*(?:免费|可|支持|送))[^】\]]{0,6}(?:定制|刻字|改圈|改尺寸)[^】\]]{0,6}[】\]]/;
const madeToOrder = (title: string): boolean => TAGGED_CUSTOM.test(title) || (MADE_TO_ORDER.test(title) && !CUSTOM_WORDING.test(title) && (MADE_OUTRIGHT.test(title) || hoursIn(title) !== undefined));
/** The items the buyer paid for; free gifts do not decide what kind of order it is (all items when every one is free). */
function soldItems(o: Order): Order['items'] {
  const sold = o.items.filter((i) => Number(i.price) > 0);
  return sold.length ? sold : o.items;
}
function aheadKind(o: Order): AheadKind | undefined {
  const all = soldItems(o);
  if (all.every((i) => PRE_SALE.test(i.title))) return 'pre_order';
  // One piece made to order holds the order (a made-to-order sofa beside cushions in stock: a Toronto shop, forty-fourth session, was
  // told "26 days, later than usual" at three weeks of its six to eight).
  return all.some((i) => madeToOrder(i.title)) ? 'made_to_order' : undefined;
}
/**
 * Goods with no parcel: top-ups, codes and memberships ("中国移动话费充值 100元", "【自动发货】腾讯视频VIP
 * 会员年卡", "Steam钱包充值卡 $50", "PlayStation Store Gift Card $20 digital code"), every item sold
 * one, none of them a card sent by post ("【实体卡】京东E卡"). They are sent out, or credited, in
 * minutes, never "within 48 hours, then 2-4 days" (found from outside: a top-up two hours late was
 * told about couriers, and "where is my code" got a parcel list).
 */
const DIGITAL = /话费|流量(?:充值|包)|充值|直充|卡密|激活码|激活密钥|兑换码|激活序列号|cdk|(?:会员|vip)卡?\s*(?:月卡|季卡|年卡|周卡|充值|直充)|电子卡(?!尺)|(?<!波)点卡(?!通)|(?:apple|app store|itunes|steam|google play|amazon|psn|playstation|xbox|netflix|spotify|razer)[^,，]{0,20}gift ?card|(?:视频|音乐|网盘|影视)(?:vip|会员)|vip会员|游戏点卡|点卡充值|q币|游戏币|钱包充值|电子(?:券|兑换码|礼品卡|卡密)|虚拟(?:商品|物品|产品|卡|币)|自动发货|(?<![a-z])(?:top-?up|mobile recharge|phone recharge|recharge (?:card|code)|e-?gift ?card|gift ?card (?:code|\$)|digital (?:code|key|download|gift ?card)|(?:activation|product|license|licence) key|redeem code)(?![a-z])/i;
const POSTED = /实体|实物|邮寄|包邮|快递|(?<![a-z])(?:physical|plastic card|shipped|by post|by mail)(?![a-z])/i;
function isDigital(o: Order): boolean {
  const all = soldItems(o);
  return !all.some((i) => POSTED.test(i.title)) && all.every((i) => DIGITAL.test(i.title));
}
/** Digital goods with no parcel tracked: sent by the platform itself (a top-up, a code). */
const sentDigitally = (ctx: Ctx, o: Order): boolean => isDigital(o) && !ctx.logistics.some((l) => l.orderId === o.orderId);
/**
 * The receiver's address, or '' when it cannot be read (`receiverOf`: found in CI, every turn on
 * the second node handed over). Read only for the order an answer is about.
 */
function addressOf(o: Order): string {
  return receiverOf(o)?.address ?? '';
}
/** The receiver's phone digits, or '' when the receiver cannot be read. */
const phoneDigitsOf = (o: Order): string => (receiverOf(o)?.phone ?? '').replace(/\D/g, '');
/** A code or key to find, not a top-up credited to an account. */
const CODE_GOODS = /卡密|激活码|密钥|兑换码|cdk|礼品卡|电子卡|点卡|充值卡|储值卡|(?<![a-z])(?:code|key|gift ?card|licen[cs]e)(?![a-z])/i;
/** Words of a digital order arriving: sent, credited, or at most so long. */
const ARRIVES = /到账|发放|发卡|充值|直充|自动发货|最长|最迟|最多|(?<![a-z])(?:arriv\w*|credit\w*|deliver\w*|sent|within|up to)(?![a-z])/i;
/** Hours a digital order may take before it is late: its title's ("24小时内到账"), the shop's entry, else a day. */
const DIGITAL_PROMISE_HOURS = 24;

/**
 * A digital order: not sent yet, with the shop's entry on how soon (late past it, with a person); or
 * sent, with the shop's entry on where a code is found for codes, and a person when the buyer says
 * it has not come or does not work.
 */
function digitalAnswer(ctx: Ctx, o: Order): Outcome | undefined {
  const { t } = ctx;
  // A parcel tracked is goods posted, whatever the title says (found in review).
  if (!sentDigitally(ctx, o) || o.status === 'pending_payment' || o.status === 'cancelled') return undefined;
  const title = orderTitle(o, ctx.lang);
  if (o.status === 'paid') {
    const entry = shopSays(ctx, 'digital_time');
    const titled = o.items.map((i) => hoursIn(i.title, ARRIVES)).find((h) => h !== undefined);
    const hours = titled ?? (entry !== undefined ? hoursIn(entry, ARRIVES) : undefined) ?? DIGITAL_PROMISE_HOURS;
    const text = reply(t.digital.pending(o.orderId, title, entry ?? t.digital.promise), orderCard(o));
    const late = atLeast(elapsed(ctx, o.updatedAt, HOUR_MS), Math.ceil(hours) + 1);
    return late !== undefined ? { replies: [text, { text: t.digital.late(late) }], next: { offeredHuman: true } } : { replies: [text] };
  }
  const codes = o.items.some((i) => CODE_GOODS.test(i.title)) || CODE_GOODS.test(ctx.r.u.normalized);
  const find = codes ? (shopSays(ctx, 'find_code') ?? t.digital.findCode) : t.digital.findTopUp;
  const trouble = NOT_RECEIVED.test(ctx.r.u.normalized) || impatient(ctx) || DOES_NOT_WORK.test(ctx.r.u.normalized);
  const replies = [reply(t.digital.sent(o.orderId, title), orderCard(o)), { text: find }, ...(trouble ? [{ text: t.digital.check }] : [])];
  return trouble ? { replies, next: { offeredHuman: true } } : { replies };
}
const DOES_NOT_WORK = /无效|用不了|不能用|激活不了|兑换不了|充不上|没到账|没有到账|错误|失败|(?<![a-z])(?:invalid|does ?n[o']?t work|not working|(?:won'?t|will not) (?:work|redeem|activate)|(?:can'?t|cannot|can not) (?:redeem|activate|use))(?![a-z])/;

/**
 * Goods a shop's own riders bring on a day the buyer chose ("【同城鲜花】33朵红玫瑰花束 送达日期12月5日
 * 09:00-12:00", a birthday cake for a date): told that day and time slot, late once it has passed,
 * never "ships within 48 hours, then 2-4 days" nor the shop's sentence on goods it posts (found
 * from outside: a bouquet due by 21:00 was told at 20:50 "永生花付款后48小时内顺丰发出").
 */
const LOCAL = /同城|闪送|(?<![a-z])local delivery(?![a-z])/i;
const SLOT = /(?:送达|配送|送货)(?:日期|时间)?\s*[:：]?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(\d{1,2}):(\d{2})\s*[-~至到]\s*(\d{1,2}):(\d{2}))?(?!\s*(?:开始|起|陆续|前|之前))/;
interface Slot {
  /** The day and window as the title gives them ("12月5日 09:00-12:00"). */
  readonly said: string;
  /** When the window ends, epoch ms. */
  readonly endsAt: number;
}
function slotOf(ctx: Ctx, o: Order): Slot | undefined {
  const m = o.items.map((i) => SLOT.exec(englishSlot(i.title) ?? i.title)).find((x) => x !== null);
  if (!m) return undefined;
  const ordered = Date.parse(o.createdAt);
  const year = new Date((Number.isNaN(ordered) ? Date.now() : ordered) + ctx.tz * 60_000).getUTCFullYear();
  const [month, day] = [Number(m[1]), Number(m[2])];
  const [h, min] = m[5] ? [Number(m[5]), Number(m[6])] : [24, 0];
  const at = (y: number) => Date.UTC(y, month - 1, day, h, min) - ctx.tz * 60_000;
  // A day months before the order is next year's ("1月2日" ordered in December).
  const endsAt = !Number.isNaN(ordered) && at(year) < ordered - 60 * DAY_MS ? at(year + 1) : at(year);
  const window = m[3] ? ` ${m[3].padStart(2, '0')}:${m[4]}-${m[5]!.padStart(2, '0')}:${m[6]}` : '';
  return { said: `${formatDay(new Date(endsAt - (m[3] ? 0 : HOUR_MS)).toISOString(), ctx.lang, ctx.tz)}${window}`, endsAt };
}
/**
 * A delivery day written in English in a title ("– Delivery Sat 5 Dec", "delivery date 5 December
 * 2026, 08:00-12:00", "pre-order – delivered 13 Feb 2027", "Sat 5 Dec 08:00-12:00"), as `SLOT`
 * reads it ("送达日期12月5日 08:00-12:00"); undefined when there is none (found from outside: a
 * florist's orders booked for Saturday were "later than usual" on Friday).
 */
const EN_MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const EN_DAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(${EN_MONTH})[a-z]*\.?(?:,?\s+\d{4})?`;
const EN_WINDOW = String.raw`(?:,?\s*(\d{1,2})[:.](\d{2})\s*[-–—~]\s*(\d{1,2})[:.](\d{2}))`;
const EN_BOOKED = new RegExp(String.raw`(?<![a-z])(?:delivery(?: date| day)?|deliver(?:ed|s)?(?: on)?|arriv(?:es|ing|al)(?: on)?)\s*[:\-–—]?\s*${EN_DAY}${EN_WINDOW}?|(?<![a-z])${EN_DAY}${EN_WINDOW}`, 'i');
function englishSlot(title: string): string | undefined {
  const m = EN_BOOKED.exec(title);
  // A day and hours alone are a delivery's only in a delivery's title ("Wreath-making workshop – Sat 12 Dec 10:00-12:00" is not: found in review).
  if (!m || (!m[1] && !/deliver/i.test(title))) return undefined;
  const [day, month, h1, m1, h2, m2] = m[1] ? m.slice(1, 7) : m.slice(7, 13);
  const window = h1 ? ` ${h1}:${m1}-${h2}:${m2}` : '';
  return `送达日期${EN_MONTH.split('|').indexOf(month!.toLowerCase()) + 1}月${day}日${window}`;
}
/** A day to be delivered on, named as such ("送达日期12月5日") or with its time slot ("12月4日 18:00-21:00"). */
const DAY_CHOSEN = /(?:送达|配送)日期|\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*\d{1,2}:\d{2}\s*[-~至到]/;
const isLocal = (o: Order): boolean => o.items.some((i) => LOCAL.test(i.title) || (SLOT.test(i.title) && DAY_CHOSEN.test(i.title))) && !o.items.some((i) => POSTED_FAR.test(i.title)) && aheadKind(o) === undefined;
/** Goods a courier takes across the country ("永生花礼盒（全国顺丰）"). */
const POSTED_FAR = /全国|顺丰|快递|(?<![a-z])(?:nationwide|by courier)(?![a-z])/i;
/** An order no courier carries (digital goods, a local delivery on a chosen day): its own answer, else undefined. */
const noCourierAnswer = (ctx: Ctx, o: Order): Outcome | undefined => digitalAnswer(ctx, o) ?? localAnswer(ctx, o) ?? bookedAnswer(ctx, o);
/** An order booked for a day in English ("– Delivery Sat 5 Dec") and not sent yet: that day, not a promise from payment; late once it has passed. */
function bookedAnswer(ctx: Ctx, o: Order): Outcome | undefined {
  // Unpaid, it is told as unpaid: "booked, not late" hid that it will not come unless paid (found in review).
  if (o.status !== 'paid' || !o.items.some((i) => englishSlot(i.title))) return undefined;
  const slot = slotOf(ctx, o);
  if (!slot) return undefined;
  const now = (ctx.input.now ?? new Date()).getTime();
  // Past its day it is no longer "booked, not late": its status, and the apology with a person (found in review).
  if (now > slot.endsAt) return { replies: [reply(ctx.t.orderStatus(statusFields(ctx, o)), orderCard(o)), { text: ctx.t.local.late }], next: { offeredHuman: true } };
  return { replies: [reply(ctx.t.bookedFor(o.orderId, orderTitle(o, ctx.lang), slot.said), orderCard(o))] };
}
function localAnswer(ctx: Ctx, o: Order): Outcome | undefined {
  if (!(o.status === 'paid' || o.status === 'shipped') || !isLocal(o) || (o.status === 'shipped' && parcelsOf(ctx, o).length)) return undefined;
  const { t } = ctx;
  const slot = slotOf(ctx, o);
  const text = reply(t.local.due(o.orderId, orderTitle(o, ctx.lang), slot?.said), orderCard(o));
  const now = (ctx.input.now ?? new Date()).getTime();
  if (slot && now > slot.endsAt) return { replies: [text, { text: t.local.late }], next: { offeredHuman: true } };
  return impatient(ctx) || URGE_SHIPPING.test(ctx.r.u.normalized) ? { replies: [text, { text: t.local.urge }], next: { offeredHuman: true } } : { replies: [text] };
}

/** Hours from payment to the day a pre-sale title names ("【预售】冬季羽绒服 11月20日发货"), the end of that day. */
function hoursToTitledDay(ctx: Ctx, o: Order, paidAt: number): number | undefined {
  const m = o.items.map((i) => titledDay(i.title)).find((x) => x !== undefined);
  if (!m) return undefined;
  const local = new Date(paidAt + ctx.tz * 60_000);
  // Shipping that starts on the day goes out over the week after it, not all by its end (found in review).
  const spread = m.starts ? STARTS_SPREAD_DAYS : 0;
  const at = (year: number) => Date.UTC(year, m.month - 1, m.day + 1 + spread) - ctx.tz * 60_000;
  // A day months before payment is next year's ("1月5日发货" paid in December).
  const due = at(local.getUTCFullYear()) < paidAt - 60 * 24 * HOUR_MS ? at(local.getUTCFullYear() + 1) : at(local.getUTCFullYear());
  return Math.max(0, (due - paidAt) / HOUR_MS);
}

/**
 * The shipping day a title names: "12月10日起发货" starts that day (found from outside: "预计11月30日前发出" and
 * "later than usual"); "- ships from 20 Dec", "dispatch by Dec 20" in English (found from outside: the
 * day was not read, and the shop's entry counted from payment gave Dec 8).
 */
function titledDay(title: string): { month: number; day: number; starts: boolean } | undefined {
  // Read in simplified characters: "12月15日發貨" (found from outside, a Hong Kong shop).
  // "12月15日开采发货": the harvest starts that day and the goods go out after it (found from outside, a fruit shop).
  const zh = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(前|之前|起|以后|后)?\s*(陆续|开始|开采|采摘|开摘|现摘)?\s*(?:发货|发出)/.exec(foldTraditional(title));
  if (zh) return { month: Number(zh[1]), day: Number(zh[2]), starts: zh[3] === '起' || zh[3] === '以后' || zh[3] === '后' || (zh[4] !== undefined && zh[4] !== '陆续' && zh[4] !== '开始') };
  const en = EN_SHIPS_ON.exec(title);
  if (!en) return undefined;
  // "Shipping 3 Dec to 10 Dec": by the end of the range (found in review: due on its first day).
  const range = EN_RANGE_END.exec(title.slice(en.index + en[0].length));
  const [day, month] = range ? (range[1] ? [range[1], range[2]!] : [range[4]!, range[3]!]) : en[2] ? [en[2], en[3]!] : [en[5]!, en[4]!];
  return { month: EN_MONTH.split('|').indexOf(month.slice(0, 3).toLowerCase()) + 1, day: Number(day), starts: !range && /from|after|start|begin/i.test(en[1] ?? '') };
}
const EN_DATE = String.raw`(?:(\d{1,2})(?:st|nd|rd|th)?[\s-]+(${EN_MONTH})[a-z]*|(${EN_MONTH})[a-z]*\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?)(?![a-z0-9])`;
// Also "shipping starts 20 Dec", "Est. ship date: 20 Dec", "ETA 20-Dec" (found in review).
const EN_SHIPS_ON = new RegExp(String.raw`(?<![a-z])(?:ships?|shipping|dispatch(?:es|ing)?|despatch(?:es|ing)?|ship date|eta)\s*(?:date)?\s*[:：]?\s*(from|after|starting(?: from)?|starts?(?: from| on)?|begins?|by|before|on)?\s*${EN_DATE}`, 'i');
const EN_RANGE_END = new RegExp(String.raw`^\s*(?:to|until|till|through|-|–)\s*${EN_DATE}`, 'i');

/** Days a pre-sale that "starts shipping" on a day ("12月10日起发货") takes to go out. */
const STARTS_SPREAD_DAYS = 7;

interface ShipTerms {
  /** What to say of when it ships. */
  readonly text: string;
  /** Hours after payment it is promised within; undefined when nothing says. */
  readonly hours: number | undefined;
  /** The text is the shop's (or the pre-order's), not the built-in promise. */
  readonly own: boolean;
  /** The shop's rule as it wrote it, when the text is not it (a rule in the other language: `shipDayByRule`). */
  readonly rule?: string;
  /** The end of the day the shop's same-day rule sends it out (ms): late after it, whatever the hours say. */
  readonly dueBy?: number;
}
/**
 * When an order not shipped yet ships: for a pre-order the shop's entry on pre-orders, else the time
 * its title names, with the day it is due (found from outside: a pre-order paid 5 days ago of 15 was
 * told "in-stock items ship within 48 hours… later than usual"); else the shop's shipping entry,
 * else the built-in 48 hours.
 */
/** A title's clause with its time: of the kind it names, or of sending out ("Made to order oak table, 1 year warranty (ships in 4-6 weeks)"). */
const TITLE_TIME: Partial<Record<AheadKind, RegExp>> = {};
const titleTime = (kind: AheadKind): RegExp => (TITLE_TIME[kind] ??= new RegExp(`${AHEAD[kind].source}|${SHIPS.source}`, 'i'));
function shipTerms(ctx: Ctx, o: Order): ShipTerms {
  const promised = promisedShip(ctx, o);
  if (promised) return promised;
  const kind = aheadKind(o);
  if (!kind) {
    const said = shopSays(ctx, 'ship_time');
    const shop = said === undefined ? undefined : ofSize(said, o, ctx.lang, ctx.data.shopSays?.ship_time?.entry.answer);
    const other = shop === undefined ? shopSaysOther(ctx, 'ship_time') : undefined;
    if (other !== undefined) return { text: shipDayByRule(ctx, o, other), hours: hoursIn(other, SHIPS) ?? hoursIn(other, DELIVERED_AFTER_PAYMENT), own: true, rule: other };
    // Goods the shop orders in ("【调货】", "backorder"): its clause on them, not the in-stock one (found from outside: late at 57 hours of 3 working days).
    const prefer = o.items.some((i) => BACKORDER.test(i.title)) ? BACKORDER : undefined;
    const goods = shop === undefined ? undefined : goodsSentence(shop, o);
    const hours = goods !== undefined ? hoursIn(goods) : shop ? (hoursIn(shop, SHIPS, prefer) ?? hoursIn(shop, DELIVERED_AFTER_PAYMENT)) : SHIP_PROMISE_HOURS;
    const dueBy = goods === undefined && shop !== undefined && !prefer ? dueByRule(ctx, o, shop) : undefined;
    return { text: shop ? withShipDay(ctx, o, shop) : ctx.t.shipPromise, hours, own: shop !== undefined, ...(dueBy !== undefined ? { dueBy } : {}) };
  }
  const entry = shopSays(ctx, kind);
  const paidAt = Date.parse(o.updatedAt);
  // A title's time is of the kind it names ("Made to order … (6-8 weeks)" names no sending out).
  const titled = o.items.map((i) => i.title).find((x) => AHEAD[kind].test(x) && hoursIn(x, titleTime(kind)) !== undefined);
  // The title's own day or time (of this product), then the shop's entry on such goods.
  const day = Number.isNaN(paidAt) ? undefined : hoursToTitledDay(ctx, o, paidAt);
  // Of an entry on all goods ("现货48小时内发出…定制款15-20个工作日"), the clause on such goods (found from outside: a 【定制】 wardrobe was due in 48 hours).
  const hours = day ?? (titled !== undefined ? hoursIn(titled, titleTime(kind)) : undefined) ?? (entry !== undefined ? hoursIn(entry, SHIPS, AHEAD[kind]) : undefined);
  const by = hours === undefined || Number.isNaN(paidAt) ? undefined : formatDay(new Date(paidAt + hours * HOUR_MS - (day !== undefined ? HOUR_MS : 0)).toISOString(), ctx.lang, ctx.tz);
  // The title's own day is said as the title's, from it when it starts then ("ships from 15 Dec" told "counting from payment, by
  // Dec 22" and nothing of the 15th: a New York shop, thirty-eighth session).
  // A title's "from" day has no end the shop gave: nothing is judged late against an end of the robot's own (found in review:
  // "付款已经 17 天还没有发货，比平常慢了" beside the shop's own "12月3日前全部发完").
  const from = titledFrom(ctx, o);
  if (day !== undefined && by !== undefined) return { text: `${ctx.t.ahead[kind](entry, undefined)}${ctx.lang === 'zh' ? '' : ' '}${ctx.t.titledShip(from, by)}`, hours: from === undefined ? hours : undefined, own: true };
  return { text: ctx.t.ahead[kind](entry, by), hours, own: true };
}
/** The day a title says its shipping starts ("- ships from 15 Dec", "12月10日起发货"), in the buyer's words; undefined for a "by" day. */
function titledFrom(ctx: Ctx, o: Order): string | undefined {
  const m = o.items.map((i) => titledDay(i.title)).find((x) => x !== undefined);
  return m?.starts ? (ctx.lang === 'zh' ? `${m.month}月${m.day}日` : `${EN_MONTHS_SHORT[m.month - 1]} ${m.day}`) : undefined;
}
const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The sentence of a shipping entry on this order's own goods, when the entry has one for them beside its general rule ("现货配件…当天
 * 发出…。锂电池组要走物流专线，付款后48小时内发出。" of a 锂电池组: a Xiamen shop, forty-fifth session, promised "today" by the first).
 * Named by four characters of a title in a row, or a word of five letters.
 */
function goodsSentence(rule: string, o: Order): string | undefined {
  const sentences = shopReading(rule).split(/[。；;!！]|\.(?:\s|$)/).map((x) => x.trim()).filter(Boolean);
  if (sentences.length < 2) return undefined;
  const names = (x: string): boolean => o.items.some((i) => titleWords(i.title).some((w) => x.includes(w)));
  const own = sentences.slice(1).filter((x) => names(x) && hoursIn(x) !== undefined);
  return own.length === 1 && !names(sentences[0]!) ? own[0] : undefined;
}
/** Runs of four Han characters and English words of five letters or more, lower-cased, from a title. */
const titleWords = (title: string): string[] => {
  const t = title.toLowerCase();
  const han = [...t.matchAll(/\p{Script=Han}{4,}/gu)].flatMap((m) => [...Array(m[0].length - 3).keys()].map((i) => m[0].slice(i, i + 4)));
  return [...han, ...(t.match(/[a-z]{5,}/g) ?? [])];
};

/** The shop's rule on sending, and the day it gives this paid order when not past (ship-day.ts); of its own goods' sentence when it has one. */
function withShipDay(ctx: Ctx, o: Order, rule: string): string {
  const named = shipDayNamed(ctx, o, goodsSentence(rule, o) ?? rule);
  return named ? `${rule}${ctx.lang === 'zh' ? '' : ' '}${ctx.t.shipDay(named)}` : rule;
}

/** The day the shop's rule sends a paid order out, named in the buyer's language; undefined when it tells none, or one past. */
function shipDayNamed(ctx: Ctx, o: Order, rule: string): string | undefined {
  // Read as the shop's other sentences are: "下午3點前付款，當天出貨" (a Taipei shop, thirty-fifth session: no day).
  const day = o.status === 'paid' ? dispatchDay(shopReading(rule), Date.parse(o.updatedAt), ctx.tz) : undefined;
  if (!day || day < (localDate((ctx.input.now ?? new Date()).toISOString(), ctx.tz) ?? day)) return undefined;
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return ctx.lang === 'zh' ? `${formatDay(`${day}T12:00:00Z`, 'zh', 0)}（${ZH_WEEKDAYS[weekday]}）` : `${EN_WEEKDAYS[weekday]}, ${formatDay(`${day}T12:00:00Z`, 'en', 0)}`;
}

/**
 * The end of the day the shop's rule sends it out, in ms ("工作日下午3點前付款，當日發貨" of an order paid on Monday at 14:44, asked on
 * Tuesday: a Hong Kong phone shop, fifty-first session, told only "paid, not shipped", no day and no word of it being late).
 */
function dueByRule(ctx: Ctx, o: Order, rule: string): number | undefined {
  const day = o.status === 'paid' ? dispatchDay(shopReading(rule), Date.parse(o.updatedAt), ctx.tz) : undefined;
  return day === undefined ? undefined : Date.parse(`${day}T23:59:59Z`) - ctx.tz * 60_000;
}

/** The shop's rule in the other language: the day it gives, in the buyer's; else the rule as the shop's note. */
function shipDayByRule(ctx: Ctx, o: Order, rule: string): string {
  const named = shipDayNamed(ctx, o, rule);
  return named ? ctx.t.shipDayByRule(named) : ctx.t.otherLanguageNote(rule);
}
const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * The day the platform says the order goes out by (`shipBy`): it outranks what titles and entries
 * say, which are about such goods and not this order. A pre-order's own entry is still said beside it.
 */
function promisedShip(ctx: Ctx, o: Order): ShipTerms | undefined {
  const at = o.shipBy ? Date.parse(o.shipBy) : NaN;
  const paidAt = Date.parse(o.updatedAt);
  if (!Number.isFinite(at) || !Number.isFinite(paidAt)) return undefined;
  const kind = aheadKind(o);
  // A day already over is said as passed (a Guangzhou shop, forty-fifth session: "预计12月5日前发出" on Dec 7, then "later than usual"):
  // by the shop's calendar (not on the day itself); of an unpaid order, not at all (it was never due to go: found in review).
  const now = ctx.input.now ?? new Date();
  const over = at < now.getTime() && formatDay(o.shipBy!, ctx.lang, ctx.tz) !== formatDay(now.toISOString(), ctx.lang, ctx.tz);
  if (over && o.status === 'pending_payment') return undefined;
  const by = (over ? ctx.t.shipByPassed : ctx.t.shipBy)(formatDay(o.shipBy!, ctx.lang, ctx.tz));
  const entry = kind ? shopSays(ctx, kind) : undefined;
  return { text: entry ? `${ctx.t.ahead[kind!](entry, undefined)}${ctx.lang === 'zh' ? '' : ' '}${by}` : by, hours: Math.max(0, (at - paidAt) / HOUR_MS), own: true };
}

/** The time an unpaid order must be paid by (`payBy`), in the shop's zone; undefined when none was sent or it is past. */
function payByOf(ctx: Ctx, o: Order): string | undefined {
  const at = o.status === 'pending_payment' && o.payBy ? Date.parse(o.payBy) : NaN;
  const now = (ctx.input.now ?? new Date()).getTime();
  return Number.isFinite(at) && at > now ? formatTime(o.payBy!, ctx.lang, ctx.tz) : undefined;
}
const payByNote = (ctx: Ctx, o: Order): string => {
  const by = payByOf(ctx, o);
  return by ? ctx.t.payBy(by) : '';
};

/**
 * Questions the robot asks every shop's FAQ before it says a built-in text on the same thing: a
 * shop whose entry says "72 小时内发货", "ships in 3-5 business days", "地址修改请联系客服" or how
 * its orders are cancelled is told, not the built-in 48 hours or "on the order page" (found from
 * outside: the robot contradicted the shop's own FAQ). Only a confident answer in the
 * conversation's language counts; the provider keeps it until the shop's FAQ changes.
 */
export const SHOP_QUESTIONS = {
  ship_time: { zh: '付款后多久发货', en: 'how soon do you ship after payment' },
  cancel: { zh: '怎么取消订单', en: 'how do I cancel my order' },
  change_address: { zh: '怎么修改收货地址', en: 'how do I change my shipping address' },
  pre_order: { zh: '预售商品什么时候发货', en: 'when do pre-order items ship' },
  made_to_order: { zh: '定制商品多久发货', en: 'how long do made-to-order items take' },
  warranty: { zh: '保修多久', en: 'how long is the warranty' },
  delivery_date: { zh: '可以改送货日期吗', en: 'can I change the delivery date' },
  digital_time: { zh: '充值多久到账', en: 'how long does a top-up take' },
  find_code: { zh: '卡密在哪里看', en: 'where can I find my code' },
  refund_time: { zh: '退款多久到账', en: 'how long does a refund take to arrive' },
  review_time: { zh: '售后申请多久审核', en: 'how long does it take to review a return or refund request' },
  return_ship: { zh: '退货怎么寄回', en: 'how do I send my return back' },
  returns: { zh: '可以退货吗', en: 'can I return an item' },
  // Not "发货后几天能到": 发货 ties a shop's entry on sending out with its entry on delivery (found from outside, a Hong Kong shop).
  delivery_time: { zh: '几天能收到', en: 'how long does delivery take' },
  not_received: { zh: '显示已签收但是没收到怎么办', en: "tracking says delivered but I haven't received it" },
  battery_trouble: { zh: '电池鼓包了怎么办', en: 'what do I do with a swollen or damaged battery' },
} as const satisfies Record<string, Record<Lang, string>>;
export type ShopQuestion = keyof typeof SHOP_QUESTIONS;
const SHOP_QUESTIONS_OF: Partial<Record<Intent, readonly ShopQuestion[]>> = {
  track_parcel: ['ship_time', 'pre_order', 'made_to_order', 'digital_time', 'find_code', 'delivery_time'],
  order_status: ['ship_time', 'pre_order', 'made_to_order', 'digital_time', 'find_code', 'delivery_time'],
  delivery_estimate: ['ship_time', 'pre_order', 'made_to_order', 'digital_time', 'find_code', 'delivery_time'],
  cancel_order: ['cancel', 'pre_order', 'made_to_order', 'returns'],
  change_address: ['change_address'],
  aftersale_progress: ['refund_time', 'review_time', 'return_ship', 'returns'],
  // A returns question shows a request under way with the shop's times too (found from outside: "1-3 business days" beside the shop's 5-7).
  // And cancelling, for money back asked of an order not sent (a pre-order's own rule first: found from outside, a Hangzhou shop).
  return_policy: ['refund_time', 'review_time', 'return_ship', 'returns', 'cancel', 'pre_order', 'made_to_order'],
};
/** The robot's questions for this turn: the intent's, and the warranty when goods stopped working. */
// A parcel shown delivered and not received: the shop's entry on it, asked only then (a lookup per turn otherwise: issue #16).
const shopQuestionsOf = (r: Resolved, text: string): readonly ShopQuestion[] | undefined =>
  asksShopOfDevice(r) && namesBatteryOrDisposal(text) ? ['battery_trouble'] : r.reschedule ? ['delivery_date'] : r.intent === 'return_policy' && deviceFault(`${r.u.normalized} ${folded(text)}`) ? ['warranty'] : PARCEL_INTENTS.has(r.intent) && NOT_RECEIVED.test(r.u.normalized) ? [...SHOP_QUESTIONS_OF[r.intent]!, 'not_received'] : SHOP_QUESTIONS_OF[r.intent];
/** A device that stopped working ("耳机没声音了", "耳机坏了", "won't turn on"), not a shirt's seams (found in review). */
const DEVICE_FAULT = new RegExp(`没声音|没反应|开不了机|不开机|充不进|充不上|不亮|黑屏|死机|连不上|${APPLIANCE_FAULT.source}|(?<![a-z])(?:no sound|(?:won'?t|will not) (?:turn|switch) on|not charging|(?:won'?t|will not) charge|not connecting|flicker(?:s|ing)?|dead pixels?|keeps (?:restarting|rebooting|disconnecting|crashing))(?![a-z])`);
const deviceFault = (text: string): boolean => DEVICE_FAULT.test(text) || (/坏了|坏掉|不能用|用不了|(?<![a-z])(?:stopped working|not working|does ?n[o']?t work|broke|is dead)(?![a-z])/.test(text) && DEVICE.test(text));
/** How returned goods go back to the shop, as a shop's entry says it. */
// Not "寄回运费由买家承担" (only who pays: the built-in step was lost; found in review), nor a care label.
// Taiwan's 到府收件 too ("我們會安排黑貓到府收件": a Taipei shop, forty-fourth session, its buyer told to post the exchange back herself).
const RETURN_WAY = /上门取件|取件|(?:到府|上门|到家)收件|安排[^，,。]{0,6}收件|面单|寄回(?:到|至|[:：])|寄到(?:以下|这个|下面的)?地址|退货地址[是为:：]|(?<![a-z])(?:pick ?ups?|pickup|collect(?:s|ed|ion)|(?:return|shipping|prepaid|postage[- ]paid) labels?|drop (?:it |them |the (?:parcel|package|item|box) )?(?:off|at)|(?:send|ship|post|mail) (?:it|them|the (?:item|items|goods|parcel|package)|your return) back to)(?![a-z])/;
/** A way back the entry says there is not ("不支持上门取件", "快递员不上门", "we don't offer pickups"). */
const NO_RETURN_WAY = /(?:不|无|没有|暂不|不能)(?:支持|提供|安排)?(?:上门)?取件|不上门|(?<![a-z])(?:no|not|(?:don'?t|do not)|(?:doesn'?t|does not)|cannot|(?:can'?t|cannot|can not))(?: [a-z]+){0,2} (?:pick ?ups?|collections?|labels?)(?![a-z])/;
/** Words of an entry on returns themselves: whether goods go back, within how long, which not. */
const RETURNS_WORD = /退货|退换|无理由|不退|(?<![a-z])(?:returns?|returnable|non-returnable)(?![a-z])/;
/** An entry asking only who pays a return's postage, or where or how it goes back: a detail, not the shop's word on returns. */
const RETURN_DETAIL = /运费|邮费|地址|寄回|怎么寄|(?<![a-z])(?:postage|shipping (?:fee|cost)s?|who pays|address|send (?:it|them|my return|a return) back|ship (?:it|them) back)(?![a-z])/;
const ADDRESS_CHANGED = /改|更换|换地址|写错|填错|(?<![a-z])(?:chang\w*|updat\w*|edit\w*|wrong|correct\w*)(?![a-z])/;
/** An entry on changing an address, by its phrasings: not one on where returns go. */
function aboutAddressChange(entry: FaqEntry): boolean {
  const phrasings = shopReading(phrasingsOf(entry).join(' '));
  return ADDRESS_CHANGED.test(phrasings) && !RETURNS_WORD.test(phrasings) && !/寄回/.test(phrasings);
}
/** The shop's answer to one of the robot's questions, capped like any answer kept. */
function shopSays(ctx: Ctx, q: ShopQuestion): string | undefined {
  return shopSaysOf(ctx, q, ctx.data.shopSays?.[q]);
}

/**
 * Questions whose built-in answer names times or rules the shop may contradict: asked in both languages, so that a shop whose
 * FAQ is in one language is not told over by the built-in text in the other (a Taipei shop's English buyer was told refunds
 * take "1-3 business days" beside its own 7-14, a Guangzhou shop's "ships within 48 hours" beside its own Monday: the
 * thirty-seventh session).
 */
export const OTHER_LANGUAGE_ASKS: ReadonlySet<ShopQuestion> = new Set(['ship_time', 'delivery_time', 'refund_time', 'review_time', 'return_ship', 'returns']);

/** The shop's word on `q` written only in the language the buyer does not write, found by either question; undefined when it has one in theirs. */
function shopSaysOther(ctx: Ctx, q: ShopQuestion): string | undefined {
  if (!OTHER_LANGUAGE_ASKS.has(q) || shopSays(ctx, q) !== undefined) return undefined;
  const other: Ctx = { ...ctx, lang: ctx.lang === 'zh' ? 'en' : 'zh' };
  return shopSaysOf(other, q, ctx.data.shopSays?.[q]) ?? shopSaysOf(other, q, ctx.data.shopSaysAlt?.[q]);
}
/** The shop's word on `q` in the other language, said as its note ("The shop's note on this is in Chinese: …"). */
const noteInOther = (ctx: Ctx, q: ShopQuestion): string | undefined => {
  const note = shopSaysOther(ctx, q);
  return note === undefined ? undefined : ctx.t.otherLanguageNote(note);
};

function shopSaysOf(ctx: Ctx, q: ShopQuestion, hit: FaqHit | null | undefined): string | undefined {
  if (!hit || detectLanguage(hit.entry.answer).lang !== ctx.lang) return undefined;
  const a = hit.entry.answer.trim();
  // Read in one form (shopReading); said as the shop wrote it.
  const [question, read, phrasings] = [shopReading(hit.entry.question), shopReading(a), shopReading(phrasingsOf(hit.entry).join(' '))];
  // An entry on shipping in general is no word on pre-orders ("现货48小时内发出" said of goods 15 days away).
  if (q === 'pre_order' && !PRE_ORDER.test(question) && !PRE_ORDER.test(read)) return undefined;
  if (q === 'made_to_order' && !MADE_TO_ORDER.test(question) && !MADE_TO_ORDER.test(read)) return undefined;
  if (q === 'digital_time' && !ARRIVES.test(read)) return undefined;
  // Only an entry on changing an address: "退货寄到哪里" shares 地址 with it (found from outside: the returns address for "怎么修改收货地址").
  if (q === 'change_address' && !aboutAddressChange(hit.entry)) return undefined;
  if (q === 'find_code' && !CODE_GOODS.test(phrasings)) return undefined;
  // Only an entry on a parcel shown delivered and not received, by its own words.
  if (q === 'not_received' && !NOT_RECEIVED.test(ownWords(hit.entry))) return undefined;
  // Only an entry on when refunded money arrives, with its time: "退款怎么申请" is no word on it.
  if (q === 'refund_time' && !(REFUND_WORD.test(`${question} ${read}`) && TIMED.test(read))) return undefined;
  // Only an entry on reviewing requests, with its time ("售后申请1个工作日内审核").
  if (q === 'review_time' && !(REVIEW_WORD.test(`${question} ${read}`) && TIMED.test(read))) return undefined;
  // Only an entry that says how the goods go back (a pickup, a label, the post): not the return policy's days.
  if (q === 'return_ship' && (!RETURN_WAY.test(read) || NO_RETURN_WAY.test(read))) return undefined;
  // Only an entry on returns itself (whether, how long, what not): an entry on cancelling or postage found by the question is not.
  if (q === 'returns' && (!RETURNS_WORD.test(`${question} ${read}`) || RETURN_DETAIL.test(question))) return undefined;
  // An entry on delivery in general is no word on another delivery day.
  if (q === 'delivery_date' && !DELIVERY_DAY.test(phrasings)) return undefined;
  if (q === 'delivery_time') return deliveryTimeIn(a, ctx.lang, hit.entry.question);
  if (q !== 'ship_time') return a.length <= MAX_FAQ_LAST_ANSWER ? a : undefined;
  // An entry on pre-orders only answers for pre-orders (found in review: an in-stock order told "15 天内").
  if (PRE_ORDER.test(question) && !IN_STOCK.test(read)) return undefined;
  // Of an entry on cold chain, couriers and shipping time, the sentences on shipping time (found from
  // outside: the whole entry, foam boxes and dry ice, was pasted into every "not shipped yet").
  // Its sentences on sending out with a time; only when it has none, those on delivering from payment
  // (a shop that delivers itself): "Delivery takes 5-7 days from order" is no shipping promise beside "ship within 24 hours" (found in review).
  const sentences = withLeads(sentencesOf(a));
  const shipped = sentences.filter((x) => SHIPS.test(shopReading(x)) && hoursIn(x) !== undefined);
  const timed = shipped.length ? shipped : sentences.filter((x) => DELIVERED_AFTER_PAYMENT.test(shopReading(x)) && hoursIn(x, DELIVERED_AFTER_PAYMENT) !== undefined);
  // With its word on weekends ("周六、日付款的订单顺延至下一个工作日"), which has no time of its own: "下午4点前付款当天发出"
  // alone was read on a Sunday as today (found from outside, two shops).
  // Of sending only: not the staff's weekend hours ("客服周末休息，留言下一个工作日回复": found in review).
  // "周六、日顺延至下一个工作日" after the sentence on sending is its deferral though it names no sending (a Xi'an shop, thirty-third session).
  const defers = (r: string) => WEEKEND_DEFERS.test(r) && (SHIPS.test(r) || (/顺延/.test(r) && !STAFF_WORDS.test(r)));
  const said = sentences.filter((x) => timed.includes(x) || (timed.length > 0 && defers(shopReading(x))));
  // A sentence cut at a semicolon ends as one: "…全部走顺丰冷链；" was said in eight answers (found from outside).
  if (said.length) return closed(joinedPieces(said, ctx.lang), ctx.lang);
  return a.length <= SHORT_SHOP_ANSWER ? a : undefined;
}
/** Pieces of a shop's sentences said together: a semicolon before a capital (a piece left out between) ends a sentence ("…same day; Orders paid on…"). */
const joinedPieces = (pieces: readonly string[], lang: Lang): string =>
  lang === 'zh' ? pieces.join('') : pieces.map((x, i) => (i + 1 < pieces.length && /^[A-Z](?!\s)/.test(pieces[i + 1]!) ? x.replace(/;\s*$/, '.') : x)).join(' ');
/**
 * An English piece after a semicolon that refers back ("Orders paid before noon go out the same day; everything else
 * ships within 2 business days."): said with the one before, as one sentence, not alone (found
 * from outside: "everything else ships…" of nothing). Only here, where the sentences are quoted: the filters of
 * couriers and pre-orders still read the halves apart (found in review).
 */
const REFERS_BACK = /^(?:everything else|anything else|the rest|all other|others|otherwise|orders after that|after that)(?![a-z])/;
function withLeads(pieces: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of pieces) {
    if (out.length && REFERS_BACK.test(x) && /;$/.test(out[out.length - 1]!)) out[out.length - 1] = `${out[out.length - 1]} ${x}`;
    else out.push(x);
  }
  return out;
}

/**
 * Of the shop's entry on delivery, its sentences on how long a parcel takes to arrive, with a time
 * ("顺丰一般1-2个工作天送达", "Standard delivery takes 2-3 working days"): said for a parcel on its way
 * instead of the built-in "1-3 days" (found from outside, four shops). Not a sentence on sending out.
 */
// "江浙沪次日达", an entry asked "几天能收到" (found from outside: passed over for the built-in 1-3 days).
const ARRIVAL_WORD = /送达|送到|到货|能到|天到|派送|寄到|收到|到达|[次隔当]日达|\d\s*天(?:内)?达|(?<![a-z])(?:deliver\w*|arriv\w*|takes?)(?![a-z])/i;
function deliveryTimeIn(answer: string, lang: Lang, question = ''): string | undefined {
  const all = sentencesOf(answer);
  // An entry asked as "how long does delivery take" answers it in every timed sentence ("Sabah and
  // Sarawak: Pos Laju 5-7 working days": found from outside, all dropped for the built-in 1-3 days).
  const onArriving = ARRIVAL_WORD.test(shopReading(question));
  const arrives = onArriving || all.some((x) => ARRIVAL_WORD.test(shopReading(x)));
  const sentences = all.filter((x) => {
    const r = shopReading(x);
    // A sentence on sending out counts only when it also says the parcel arrives ("发货后一般 1-2 个工作日送到").
    // "新疆、西藏地区5-7天" after a sentence on arriving is a time of arriving too (found from outside: dropped).
    const arrival = ARRIVAL_WORD.test(r) || (arrives && regionsIn(x).length > 0) || onArriving;
    return arrival && TIMED.test(r) && !PRE_ORDER.test(r) && (!SHIPS.test(r.replace(AFTER_SENDING, ' ')) || DELIVERY.test(r));
  });
  return sentences.length ? closed(sentences.join(lang === 'zh' ? '' : ' '), lang) : undefined;
}
/**
 * Counted from sending ("发货后江浙沪1-2天", "2-4 days after dispatch"), or sending as a label before a colon ("顺丰冷链发货：
 * 陕西省内次日达…": a Xi'an shop, thirty-seventh session, its times dropped for the built-in 1-3 days): a time of arriving.
 */
// "3-5 business days after it ships", "Standard shipping in the lower 48 states: …" (a New York shop, thirty-eighth session: dropped).
// "从广州仓发出，默认中通快递：广东省内1-2天，江浙沪2-3天…" (a Guangzhou shop, forty-first session: the built-in 1-3 days said instead).
const AFTER_SENDING = /(?:发货|发出|寄出)(?:之?后|以后|[:：])|从[^，,。：:]{1,12}(?:发出|发货)[，,]|(?<![a-z])(?:(?:after|from) (?:dispatch|shipping|shipment)|(?:after|once) (?:it|they|your (?:order|parcel|package)|the (?:order|parcel|package)) (?:ships|has shipped|is shipped|ship|is dispatched|has been dispatched|leaves)|(?:standard|express|expedited|economy|priority|tracked) shipping|(?:shipping|delivery|dispatch)\s*:)(?![a-z])/gi;
const CANCEL_WORD = /取消|退款|退订|(?<![a-z])(?:cancel|refund)/i;
/** A time in days, hours or weeks ("3-7个工作日", "within 24 hours"). */
// Also "next working day", "次日达" (found from outside: DPD Next Day was passed over for Royal Mail's days).
const TIMED = /\d\s*(?:个)?\s*(?:工作日|天|小时|(?:working |business )?(?:days?|hours?|weeks?)(?![a-z]))|(?<![a-z])next[- ](?:working |business )?day(?![a-z])|次日|隔日|当日达|当天达/i;
const REVIEW_WORD = /审核|处理|(?<![a-z])(?:review\w*|approv\w*|process\w*)(?![a-z])/;
const DELIVERY_DAY = /日期|哪天|改约|改期|晚几天|周[一二三四五六日末]|(?<![a-z])(?:date|day|reschedul\w*)(?![a-z])/i;
const PRE_ORDER = /预售|预购|预定|预订|(?<![a-z])(?:pre-?orders?|presale)(?![a-z])/i;
const IN_STOCK = /现货|(?<![a-z])in[- ]stock(?![a-z])/i;
/** Goods the shop orders in from its supplier once bought. */
const BACKORDER = /调货|調貨|订货|訂貨|期货|期貨|(?<![a-z])(?:back-?order(?:ed)?|special order)(?![a-z])/i;
/** Words of a sentence about sending goods out. */
// "orders paid after 1pm go out the next business day" (a Sydney shop, thirty-third session: the sentence was dropped).
// "leave our Tuas warehouse within 2 working days", "are processed the same day" (a Singapore furniture shop, fortieth session: the
// robot's 48 hours told beside the shop's entry, and a Friday payment called late on Monday).
const SHIPS = /发货|发出|寄出|出库|出仓|(?<![a-z])(?:ship(?:s|ped|ping)?|dispatch(?:es|ed)?|sen[dt]s?|go(?:es)? out|leaves? (?:our|the) (?:[a-z]+ )?(?:warehouse|workshop|studio)|(?:are|is|be|gets?) processed (?:the )?(?:same|next) (?:working |business )?day|orders? (?:are |is |get |gets )?processed within)(?![a-z])/i;
/**
 * A shop that delivers itself promises the delivery from payment ("In-stock items are delivered within
 * 7 working days after payment", "付款后7个工作日内送货上门"): that is its shipping time (found from
 * outside: a furniture shop's entry was passed over for the built-in 48 hours, and its orders called late).
 * Not a delivery time counted from shipping ("delivered 2-3 days after dispatch").
 */
const DELIVERED_AFTER_PAYMENT = /(?:付款|下单)后.{0,12}(?:送达|送到|送货|配送|上门)|(?<![a-z])deliver(?:s|ed|y|ies)?(?![a-z]).{0,40}(?<![a-z])(?:after|of|from) (?:payment|you pay|paying|ordering|your order|order)(?![a-z])/i;
/** A shipping entry naming no time is said whole only when it is this short. */
const SHORT_SHOP_ANSWER = 80;
/** The longest time a shipping answer names, in hours ("48-72 小时" 72, "3-5 个工作日" 5 days and a weekend, "当天" 24); undefined when it names none. */
function hoursIn(text: string, words: RegExp = SHIPS, prefer?: RegExp): number | undefined {
  // Of "付款后48小时内发出，江浙沪次日达", the clauses on sending out; of those, the in-stock ones if any
  // ("现货48小时内发货，定制款10个工作日": found in review).
  const clauses = shopReading(text).split(/[，,；;。.!！]/).filter((c) => words.test(c));
  const preferred = prefer ? clauses.filter((c) => prefer.test(c)) : [];
  const stock = clauses.filter((c) => IN_STOCK.test(c));
  const t = (preferred.length ? preferred : stock.length ? stock : clauses).join('|');
  let most: number | undefined;
  const take = (h: number) => (most = Math.max(most ?? 0, h));
  // Not a date: "11月11日" is no eleven days. Of a range ("20-30天", "3~5 个工作日") its end (found from
  // outside: a range named no time at all).
  // Weeks too ("Made to order Velvet Sofa - Emerald (6-8 weeks)": a Toronto shop, forty-fourth session).
  for (const m of t.matchAll(/(?<![\d月/])(?<!\d\s*-)(?:\d{1,3}\s*(?:-|~|～|—|–|至|到|to)\s*)?(\d{1,3})\s*(?:个)?\s*(分钟|minutes?|mins?|小时|h\b|hours?|hrs?|工作日|business days?|working days?|天|日|days?|周(?![年岁歲])|星期|weeks?|wks?)/g)) {
    const n = Number(m[1]);
    const unit = m[2]!;
    if (/周|星期|week|wk/.test(unit)) take(n * 7 * 24);
    else if (/分钟|min/.test(unit)) take(n / 60);
    else take(/小时|h/.test(unit) ? n : /工作|business|working/.test(unit) ? workingDayHours(n) : n * 24);
  }
  if (/当天|当日|same day|same-day/.test(t)) take(24);
  // "sent out the next working day" (found from outside: the weekend sentence of a shipping entry was dropped as naming no time).
  if (/次日|隔天|第二天|next[- ](?:working |business )?day/.test(t)) take(48);
  return most;
}

/**
 * The answer about an order, and, when it is paid and past the shipping promise, that it is late
 * with a person offered (found from outside: said only when asked where the parcel is).
 */
function withShipLate(ctx: Ctx, o: Order, answer: Reply): Outcome {
  const late = o.status === 'paid' ? hoursUnshipped(ctx, o) : undefined;
  if (late !== undefined) return { replies: [answer, { text: ctx.t.shipLate(late) }], next: { offeredHuman: true } };
  // Asked to hurry it ("帮我催一下", "能不能今天发 急着吃"), on time or not: a person can (found from outside: a goodbye).
  const n = ctx.r.u.normalized;
  const urged = o.status === 'paid' && (URGE_SHIPPING.test(n) || CHASE.test(n) || URGENT.test(n) || HURRY.test(n));
  // "我买的神奇校车怎么还没发货" of a pre-order: when it ships, on its own terms; a person only when hurried (found from outside: only the chase offer).
  const ahead = urged && aheadKind(o) ? shipTerms(ctx, o).text : undefined;
  if (ahead && !answer.text.includes(ahead)) {
    const hurried = CHASE.test(n) || URGENT.test(n) || HURRY.test(n);
    return hurried ? { replies: [answer, { text: ahead }, { text: ctx.t.urgeShipOffer }], next: { offeredHuman: true } } : { replies: [answer, { text: ahead }] };
  }
  return urged ? { replies: [answer, { text: ctx.t.urgeShipOffer }], next: { offeredHuman: true } } : { replies: [answer] };
}
/** The shop's promise the texts make ("现货一般付款后 48 小时内发出"). */
const SHIP_PROMISE_HOURS = 48;

/** The buyer says the parcel never reached them. */
// "tracking says delivered but i never receive anything!", "guardhouse also say no parcel for me" (Malaysian English; found from outside: the tracking alone, twice).
// "left at the front door but theres nothing there" too (found from outside: the tracking alone).
// "theres nothing on my porch" too (a Melbourne shop, fiftieth session: the tracking alone).
const NOT_RECEIVED = /没(?:有)?(?:收到|拿到|见到|签收|到)|不是我签|收不到|找不到|(?<![a-z])(?:not (?:received|got|receive)|never (?:got|received|receive|arrived|came)|did ?n'?o?t (?:get|receive)|no (?:parcel|package) for me|have ?n'?o?t (?:got|gotten|received)|(?:haven'?t|have not) (?:got|gotten|received)|(?:(?:it'?s|it is)|its|it is|they'?re|theyre|there|they are|is|are|was|were) (?:not|n'?t) (?:here|there)|(?:(?:isn'?t|is not)|(?:aren'?t|are not)|(?:wasn'?t|was not)|(?:weren'?t|were not)) (?:here|there)|(?:can ?not|cannot|(?:can'?t|cannot|can not)|(?:could ?n'?t|could not)) find (?:it|them|the parcel|the package|my parcel|my package)|nowhere to be (?:found|seen)|no sign of (?:it|them|the parcel|the package)|(?:(?:there'?s|there is)|theres|there is|there) nothing (?:there|here|at the (?:door|front door|porch)|on (?:my|the) (?:porch|doorstep|step|deck|verandah?))|nothing (?:on|at) (?:my|the) (?:porch|doorstep|front door|door|step|verandah?)|(?:nothing|not) in (?:my|the) (?:letterbox|mailbox|parcel locker|locker))(?![a-z])/;
/** The shop's entry on a parcel shown delivered and not received, when the FAQ found it for this message. */
function notReceivedEntry(ctx: Ctx): string | undefined {
  const own = confidentFaq(ctx) ?? ctx.data.faqCandidates?.[0];
  // Asked of a parcel the turn did not ask the FAQ about: the robot's own question finds it (a London shop, forty-first session:
  // "1150 quid pair… nothing here" got the built-in advice beside the shop's entry on exactly this).
  return own && NOT_RECEIVED.test(ownWords(own.entry)) ? own.entry.answer : shopSays(ctx, 'not_received');
}

function statusFields(ctx: Ctx, o: Order) {
  return {
    orderId: o.orderId,
    title: orderTitle(o, ctx.lang),
    status: ORDER_STATUS[ctx.lang][o.status],
    total: formatMoney(o.totalAmount, o.currency),
    created: formatTime(o.createdAt, ctx.lang, ctx.tz),
  };
}

function statusAnswer(ctx: Ctx, o: Order): Outcome {
  const digital = ctx.r.whyCancelled ? undefined : noCourierAnswer(ctx, o);
  if (digital) return digital;
  // "has it shipped?" of a paid order is when it ships, as the parcel's answer says it (found from outside: "paid, not shipped yet" and no time).
  if (o.status === 'paid' && SHIPPED_YET.test(ctx.r.u.normalized)) return parcelAnswer(ctx, o);
  const { t } = ctx;
  let text = t.orderStatus(statusFields(ctx, o)) + payByNote(ctx, o);
  // Whether the money was taken, of a cancelled order: its reason says it ("超时未支付" took nothing).
  // Only when the reason says it was never paid: with none, the robot cannot tell, and a person looks (found in review: a refund promised).
  if (ctx.r.chargeAsked && o.status === 'cancelled' && o.cancelReason && neverPaid(o.cancelReason)) return { replies: [reply(t.cancel.cancelled(o.orderId, o.cancelReason), orderCard(o))], next: MENTIONED };
  if (ctx.r.chargeAsked && o.status === 'cancelled') return { replies: [reply(text, orderCard(o)), { text: t.cancelledWhy }], next: { offeredHuman: true } };
  // The platform's reason, when it sent one (`cancelReason`); else a person can look.
  if (ctx.r.whyCancelled && o.status === 'cancelled') {
    // Said against ("我明明付款了"): a person offered outright, not only mentioned (found in review).
    const disputed = DISPUTES_CANCEL.test(ctx.r.u.normalized);
    return o.cancelReason ? { replies: [reply(text, orderCard(o)), { text: t.cancelledBecause(o.cancelReason) }], next: disputed ? { offeredHuman: true } : MENTIONED } : { replies: [reply(text, orderCard(o)), { text: t.cancelledWhy }], next: { offeredHuman: true } };
  }
  const parcels = o.status === 'shipped' || o.status === 'delivered' ? parcelsOf(ctx, o) : [];
  // The tracking number, which buyers ask for beside the status ("发货了吗 tracking number给我一下": found from outside).
  // A parcel without a scan for longer than its state allows is said to be late, as its tracking answer says it (found from outside: "运输中" three days after its last scan).
  const quiet = parcels.map((l) => quietDays(ctx, l));
  if (parcels.length === 1) {
    const l = parcels[0]!;
    const latest = latestLine(ctx, l);
    text += t.carrierLine(carrierName(l.carrier, ctx.lang), l.trackingNo) + (latest ? t.latestEvent(latest) : '');
  } else if (parcels.length > 1) {
    const lines = parcels.map((l, i) => t.parcelLine(i + 1, carrierName(l.carrier, ctx.lang), l.trackingNo, quiet[i] !== undefined ? t.stalled(quiet[i]!) : t.parcelIs(LOGISTICS_STATUS[ctx.lang][l.status]), latestLine(ctx, l)));
    text += [ctx.lang === 'en' ? ` ${t.splitParcels(o.orderId, parcels.length)}` : t.splitParcels(o.orderId, parcels.length), ...lines].join('\n');
  }
  const stalled = quiet.find((d) => d !== undefined);
  if (stalled !== undefined && !parcels.some((l) => l.status === 'exception')) return { replies: [reply(text, orderCard(o)), ...(parcels.length === 1 ? [{ text: t.parcelTrouble.stalled(stalled) }] : [])], next: { offeredHuman: true } };
  if ((o.status === 'shipped' || o.status === 'delivered') && parcels.length === 0 && ctx.logisticsFailed) {
    ctx.unavailable.add('logistics');
    text += t.unavailable('logistics');
  }
  // Held at customs or lost: said, with a person, as the parcel's own answer does (found from outside: "shipped" and nothing more).
  if (parcels.some((l) => l.status === 'exception')) return { replies: [reply(text, orderCard(o)), { text: t.parcelTrouble.exception }], next: { offeredHuman: true } };
  const past = parcels.length === 1 ? pastShopDays(ctx, o, parcels[0]!) : undefined;
  if (past) return { replies: [reply(text, orderCard(o)), { text: pastDaysText(ctx, past) }], next: { offeredHuman: true } };
  return withShipLate(ctx, o, reply(text, orderCard(o)));
}

function etaAnswer(ctx: Ctx, o: Order): Outcome {
  const digital = noCourierAnswer(ctx, o);
  if (digital) return digital;
  const { t, lang } = ctx;
  const title = orderTitle(o, lang);
  if (o.status === 'paid' || o.status === 'pending_payment' || o.status === 'cancelled') {
    const unshipped = o.status === 'cancelled' ? undefined : o.status;
    const terms = unshipped && shipTerms(ctx, o);
    const own = unshipped && terms && terms.own ? terms.text : undefined;
    // The robot's own "arrive 2-4 days later" gives way to the shop's days to the order's region ("GTA: next day": a Toronto grocery, thirty-ninth session).
    const shopDays = unshipped === 'paid' && own === undefined ? shopDaysTo(ctx, o) : undefined;
    const estimate = (own !== undefined ? t.etaShop[unshipped as 'paid'](own) : shopDays ? t.etaUnsent : etaFor(ctx, o, o.status)) + payByNote(ctx, o);
    const out = withShipLate(ctx, o, reply(t.eta({ orderId: o.orderId, title, estimate }), orderCard(o)));
    const place = placeNamed(ctx) ?? shopDays ?? daysToArrive(ctx, o, out.replies[0]!.text);
    return place ? { ...out, replies: [out.replies[0]!, { text: place }, ...out.replies.slice(1)] } : out;
  }
  const parcels = parcelsOf(ctx, o);
  if (parcels.length === 0) {
    if (ctx.logisticsFailed) {
      ctx.unavailable.add('logistics');
      return { replies: [reply(`${t.orderStatus(statusFields(ctx, o))}${t.unavailable('logistics')}`, orderCard(o))] };
    }
    const s = o.status === 'shipped' ? 'pending' : 'delivered';
    return { replies: [reply(t.eta({ orderId: o.orderId, title, estimate: etaFor(ctx, o, s) }), orderCard(o))] };
  }
  return parcels.length > 1 ? eachParcel(ctx, o, parcels) : oneEta(ctx, o, parcels[0]!, title);
}

/**
 * A place named of an order not sent yet ("到拉萨得几天", "驱虫药今天能发不 西藏的"): the shop's days to it after sending, beside
 * when it is sent (found from outside: the sending terms alone, the Tibet clause of the shop's delivery entry untold).
 */
/** How many days to arrive, asked of an order not sent yet ("广州那边冷链要几天"): the shop's delivery days to its address, unless said already. */
// Of arriving, not of sending ("还要几天发货", "how long will it take to ship": found in review).
// "When", of arriving, too: "when will my order arrive" was told the sending terms alone (a Toronto grocery, thirty-ninth session).
const DAYS_TO_ARRIVE = /几天(?:能|可以|才)?(?:到|收到|送到)|(?:什么时候|啥时候|几时|哪天|几号)(?:能|可以|才|会)?(?:到|收到|送到)(?!货)|(?<![a-z])when (?:will|would|does|do|should|can|could) (?:(?:it|they|my (?:\w+ ){0,2}|the (?:\w+ ){0,2})\s*(?:arrive|get (?:here|there|to me)|be delivered|reach me|come)|i (?:get|receive) (?:it|them|my \w+))(?![a-z])|(?:那边|那里|到)[^，,。？?]{0,6}(?:要|得)(?:几天|多少天|多久)|多久(?:能|可以|才)?(?:到|收到|送到)|(?<![a-z])(?:how (?:long|many days)\b[^?]{0,30}\b(?:get (?:here|there|to)|arrive|reach|deliver)\w*)(?![a-z])/;
// "发出来几天能到", "once it ships how long": the days after sending, asked of arriving (a Qingdao shop, thirty-ninth session: no days told).
const SENT_THEN = /(?:发出|发货|寄出)(?:来|去)?(?:以后|之后|后|了)?(?=[^，,。？?]{0,4}(?:几天|多久|多少天))|(?<![a-z])(?:after|once) (?:it |they )?(?:ships|shipped|is shipped|is sent|are sent|dispatch(?:es|ed))(?![a-z])/g;
function daysToArrive(ctx: Ctx, o: Order, said: string): string | undefined {
  const asked = ctx.r.u.normalized.replace(SENT_THEN, ' ');
  if (!DAYS_TO_ARRIVE.test(asked) || SENDING_OUT.test(asked)) return undefined;
  const days = shopDaysTo(ctx, o);
  return days && !said.includes(days.replace(/[。.]$/, '')) ? days : undefined;
}

/** The shop's delivery days to the order's region, from its own entry; abroad only where the entry names the region. */
function shopDaysTo(ctx: Ctx, o: Order): string | undefined {
  const own = shopSays(ctx, 'delivery_time');
  if (!own || (abroad(o) && !namesHomeRegion(own, addressOf(o)))) return undefined;
  return ofRegion(ofSize(own, o, ctx.lang), addressOf(o), ctx.lang);
}

const HOW_LONG = /几天|多久|多少天|多长时间|时效|(?<![a-z])(?:how long|how many days|(?:delivery|shipping|transit) times?|eta)(?![a-z])/;
/** "from Melbourne", "从北京": where it comes from, not where it goes to. */
const FROM_PLACE = /(?<![a-z])from [a-z]+(?: [a-z]+)?|从[^\s，,。？?到]{1,8}(?=到|发|寄)/gi;
/** The clauses of the shop's delivery entry (or of `answer`) for the place the buyer names; undefined when none is named or cut out. */
function placeNamed(ctx: Ctx, answer?: string, text = ctx.input.text): string | undefined {
  const named = regionsIn(text);
  const said = named.length ? (answer ?? shopSays(ctx, 'delivery_time')) : undefined;
  // Beijing is in 京津冀 too, as for an address: "带回北京" had the shop's other regions' days (a Qingdao shop, thirty-ninth session).
  const t = foldTraditional(text);
  // A US state named is in the lower 48 and the United States too ("New York" of "other states in the continental US").
  const inUs = named.some((re) => US_STATE_SET.has(re));
  const own = said ? ofRegions(said, DELIVERY_REGIONS.filter((re) => named.includes(re) || (WIDER.has(re) && re.test(t)) || (inUs && (re === LOWER_48 || re === USA))), ctx.lang) : undefined;
  return own && own !== said ? own : undefined;
}

function oneEta(ctx: Ctx, o: Order, l: Logistics, title: string): Outcome {
  const { t } = ctx;
  const latest = latestLine(ctx, l);
  const quiet = quietDays(ctx, l);
  const estimate = quiet !== undefined ? t.stalled(quiet) : etaFor(ctx, o, parcelStatusKey(l), l.carrier);
  const text = t.eta({ orderId: o.orderId, title, estimate }) + (latest ? t.latestEvent(latest) : '');
  const past = quiet === undefined ? pastShopDays(ctx, o, l) : undefined;
  if (past) return { replies: [reply(text, logisticsCard(l)), { text: pastDaysText(ctx, past) }], next: { offeredHuman: true } };
  const late = l.status !== 'delivered' && quiet === undefined && l.status !== 'exception' && impatient(ctx);
  const byDay = quiet === undefined && l.status === 'in_transit' ? dayAsked(ctx, l, estimate) : undefined;
  const replies = late ? [reply(text, logisticsCard(l)), { text: lateText(ctx) }] : [reply(text, logisticsCard(l)), ...(byDay ? [{ text: byDay }] : [])];
  return { replies, ...(late || l.status === 'exception' || quiet !== undefined ? { next: { offeredHuman: true } } : {}) };
}

// "need it by friday for a trip" (a Sydney shop, thirty-third session).
const ARRIVAL_ASKED = /到|收到|送来|(?<![a-z])(?:arriv\w*|here|get it|receive\w*|deliver\w*|come|comes|coming|reach|need (?:it|them|this|that) (?:by|before))(?![a-z])/;
const AWAY_UNTIL = /之后|以后|不在家|(?<![a-z])(?:until|till|after (?:that|then)|not (?:home|in)|away)(?![a-z])/;
/** A day it is sent or ordered on, or the hour of a delivery already under way ("几点能到"): no day of arrival to weigh. */
const SENT_OR_ORDERED = /发货|发出|寄出|寄得出|发的话|下单|付款|拍下|拍的话|现在拍|现在买|派送|派件|几点|(?<![a-z])(?:ship\w*|dispatch\w*|send|sent|order|what time)(?![a-z])/;
/**
 * The days named; of two, the one in the sentence that asks of arriving ("周二之前能到不？周三要演出": the other is why,
 * found from outside: no word on the day).
 */
function datesAsked(ctx: Ctx, n: string): Entity[] {
  const dates = ctx.r.u.entities.filter((e) => e.type === 'date');
  if (dates.length !== 2) return dates;
  // A comma or a space ends a Chinese clause as typed ("周五之前能到不，周六要用": found in review).
  const asking = n.split(/\p{Script=Han}/u.test(n) ? /[?？!！。;；，,\s]/ : /[?？!！。;；]/).filter((c) => ARRIVAL_ASKED.test(c));
  if (asking.length !== 1) return dates;
  const inIt = extractEntities(asking[0]!, asking[0]!, { now: ctx.input.now ?? new Date(), tzOffsetMinutes: ctx.tz }).filter((e) => e.type === 'date');
  return inIt.length === 1 ? inIt : dates;
}
/** Whether the courier calls first, asked of a day ("the bed frame tmr the crew will call before come?"): no day to weigh (a Singapore shop, fortieth session: "Yes: … Dec 8"). */
const CALL_FIRST_ASKED = /(?:会|先|会不会|要不要)(?:先)?(?:打电话|打个电话|电话联系|联系我)|(?<![a-z])(?:(?:will|would|do|does|can) (?:they|the (?:crew|driver|courier|delivery guy)|you|u)\b[^?.!]{0,20}\b(?:call|text|whatsapp|message)|call (?:me )?(?:before|first))(?![a-z])/;
/** The text without the clauses that ask whether the courier calls first ("周五能到吗 到了会先打电话吗" keeps "周五能到吗"). */
const withoutCallAsked = (typed: string): string => foldTraditional(typed.toLowerCase()).split(/[?？!！。;；，,]+|\s+(?=\p{Script=Han})/u).filter((c) => !CALL_FIRST_ASKED.test(c)).join('。');
/** A day named for the parcel ("will it be here by thursday", "周四能到吗") against the delivery time just said; undefined when none is named or the time names no days. */
function dayAsked(ctx: Ctx, l: Logistics, estimate: string): string | undefined {
  // The day it comes, not one it is sent or ordered on ("今天下单明天能到吗", "下午付款今天能发货吗").
  // One day only, and not one the buyer is away until or after ("not home on friday, will it come thursday?": found in review).
  const n = ctx.r.u.normalized;
  const dates = datesAsked(ctx, n);
  const asked = (CALL_FIRST_ASKED.test(n) ? ARRIVAL_ASKED.test(withoutCallAsked(ctx.input.text)) : ARRIVAL_ASKED.test(n)) && !SENT_OR_ORDERED.test(n) && !AWAY_UNTIL.test(n) && dates.length === 1 ? (dates[0]!.value as string) : undefined;
  if (!asked) return undefined;
  const now = ctx.input.now ?? new Date();
  const today = localDate(now.toISOString(), ctx.tz);
  const day = (iso: string) => (iso === today ? ctx.t.today : formatDay(`${iso}T12:00:00Z`, ctx.lang, 0));
  const said = ctx.t.arrivalBy;
  // The courier's own day goes before the usual time (found from outside: "slot confirmed: Mon 7 Dec", then "unlikely by Dec 7").
  const courier = courierDay(ctx, l, today);
  if (courier) return courier === asked ? said.courierSame(day(asked)) : courier < asked ? said.courierEarlier(day(asked), day(courier)) : said.courierLater(day(asked), day(courier));
  const range = daysRangeIn(estimate);
  const sent = Math.min(...l.events.map((e) => Date.parse(e.time)).filter(Number.isFinite));
  if (!range || !Number.isFinite(sent)) return undefined;
  const v = arrivalVerdict(asked, sent, range, now.getTime(), ctx.tz);
  if (!v) return undefined;
  return v.kind === 'by' ? said.by(day(asked)) : v.kind === 'maybe' ? said.maybe(day(asked), day(v.last)) : v.kind === 'unlikely' ? said.unlikely(day(asked), day(v.first), day(v.last)) : said.overdue(day(asked));
}

/** A courier's event that names the day it delivers: a slot booked, a delivery scheduled or expected. */
const COURIER_DAY = /送达|送到|送货|派送|配送|预约|(?<![a-z])(?:deliver\w*|slot|scheduled|appointment|expected|eta)(?![a-z])/i;
/**
 * The day the parcel's newest event gives for its delivery ("Delivery slot confirmed: Mon 7 Dec, 2pm-6pm",
 * "预计12月7日送达"), read from the event's own time; not a day before the event or before today (a slot
 * that has passed says nothing of when it comes now).
 */
function courierDay(ctx: Ctx, l: Logistics, today: string | undefined): string | undefined {
  const newest = [...l.events].sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0];
  const at = newest ? Date.parse(newest.time) : NaN;
  if (!newest || !Number.isFinite(at) || !COURIER_DAY.test(newest.description)) return undefined;
  const dates = extractEntities(newest.description, normalizeText(newest.description).text, { now: new Date(at), tzOffsetMinutes: ctx.tz }).filter((e) => e.type === 'date');
  const d = dates.length === 1 ? (dates[0]!.value as string) : undefined;
  const sentOn = localDate(newest.time, ctx.tz);
  return d && sentOn && d >= sentOn && (!today || d >= today) ? d : undefined;
}

/**
 * A receiver abroad: an address that starts with Hong Kong, Macao or Taiwan (never a street: 上海澳门路,
 * 青岛香港中路), or a Latin one that names another country and not China (found in review). Its
 * delivery time is the carrier's and customs', never the built-in "2-4 days" (found from outside: a
 * buyer in Singapore promised it beside the shop's own "15-25 days by sea").
 */
const ABROAD_HAN = /^\s*(?:中国)?(?:香港|澳门|澳門|台湾|台灣|臺灣)/;
const ABROAD_LATIN = /(?<![a-z])(?:singapore|malaysia|hong kong|macau|macao|taiwan|usa|united states|canada|australia|new zealand|japan|korea|united kingdom|england|germany|france|thailand|vietnam|philippines|indonesia)(?![a-z])/i;
/**
 * Goods sent from abroad ("【海外直邮】雪花秀…韩国直邮"): no built-in "1-3 days" either; the carrier and
 * customs decide (found from outside: promised for a parcel not yet flown from Incheon).
 */
// Bonded-warehouse goods clear customs too ("【保税仓】a2 1段": found from outside, told the domestic 2-3 days).
const FROM_ABROAD = /(?<!非|不是)海外直邮|国际直邮|(?<!非|不是|不走)(?:保税仓|保税区|跨境保税)|(?<![a-z])bonded warehouse(?![a-z])|(?:韩国|日本|美国|澳洲|澳大利亚|欧洲|德国|法国|英国|新西兰)直邮|跨境直邮|(?<![a-z])(?:ships? from (?:overseas|abroad)|direct from (?:overseas|abroad)|overseas direct)(?![a-z])/i;
/**
 * Where a shop selling in this currency is at home: a Singapore shop's parcel to Singapore is no
 * cross-border delivery (found from outside: "depends on the carrier and customs" for a local one).
 */
const CURRENCY_HOME: Readonly<Record<string, RegExp>> = {
  SGD: /singapore|新加坡/i,
  HKD: /hong ?kong|香港|九龍|九龙|新界/i,
  MYR: /malaysia|马来西亚|馬來西亞/i,
  AUD: /australia|澳大利亚|澳洲/i,
  NZD: /new zealand|新西兰|紐西蘭/i,
  TWD: /taiwan|台湾|台灣|臺灣/i,
  JPY: /japan|日本/i,
  CAD: /canada|加拿大/i,
  GBP: /united kingdom|(?<![a-z])uk(?![a-z])|(?<!new )(?<![a-z])(?:england|scotland)(?![a-z])|(?<!south )(?<![a-z])wales(?![a-z])|英国|英國/i,
  USD: /united states|(?<![a-z])usa?(?![a-z])|美国|美國/i,
};
/** The country is the address's first or last word ("Singapore 650210, Blk 210 …", "…, Johor Bahru, Malaysia"), not a street's ("8 Singapore Road, Kuala Lumpur"). */
const HOME_AT_ENDS: ReadonlyMap<string, readonly [RegExp, RegExp]> = new Map(
  Object.entries(CURRENCY_HOME).map(([currency, home]) => [currency, [new RegExp(`^[\\s(（]*(?:${home.source})`, 'iu'), new RegExp(`(?:${home.source})[\\s\\d.,)）-]*$`, 'iu')]] as const),
);
const atHome = (currency: string, address: string): boolean => HOME_AT_ENDS.get(currency.toUpperCase())?.some((re) => re.test(address)) ?? false;
const abroad = (o: Order): boolean => {
  const a = addressOf(o);
  if (o.items.some((i) => FROM_ABROAD.test(i.title))) return true;
  if (atHome(o.currency, a)) return false;
  return ABROAD_HAN.test(a) || (!/\p{Script=Han}/u.test(a) && ABROAD_LATIN.test(a) && !/(?<![a-z])(?:china|prc)(?![a-z])/i.test(a));
};
type EtaKey = keyof Texts['etaFor'];
/** Of the shop's words on delivery, those for a parcel of this size, region and carrier. */
const parcelDaysOf = (said: string, o: Order, carrier: string | undefined, lang: Lang): string =>
  otherCouriersOut(ofPlaceAndCourier(ofSize(said, o, lang, undefined, carrier), addressOf(o), carrier, lang), carrier, lang);
const etaFor = (ctx: Ctx, o: Order, key: EtaKey, carrier?: string): string => {
  // The shop's own word on how long delivery takes, for a parcel on its way: by its courier when the entry names each; in the
  // other language when the shop wrote it only there (a Kuala Lumpur shop's Chinese buyers were told the built-in 1-3 days).
  const moving = key === 'in_transit' || key === 'pending';
  const own = moving ? shopSays(ctx, 'delivery_time') : undefined;
  const other = moving && own === undefined ? shopSaysOther(ctx, 'delivery_time') : undefined;
  const said = own ?? other;
  // Abroad, only where the shop's entry names the receiver's region ("香港、澳门走顺丰，3-5个工作日": a Guangzhou shop,
  // thirty-fifth session, was told "the carrier and customs decide" for a Hong Kong parcel).
  if (abroad(o) && !(said && namesHomeRegion(said, addressOf(o)))) return ctx.t.etaAbroad[key as keyof Texts['etaAbroad']] ?? ctx.t.etaFor[key];
  if (said === undefined) return ctx.t.etaFor[key];
  // The receiver's region first, then the courier: a courier's sentence for another region is not this parcel's (found from outside).
  const lang = own !== undefined ? ctx.lang : ctx.lang === 'zh' ? 'en' : 'zh';
  const days = parcelDaysOf(said, o, carrier, lang);
  return ctx.t.etaShipped[key as 'in_transit' | 'pending'](own !== undefined ? days : ctx.t.inOtherLanguage(days));
};

/** Words of a shop's sentence on big goods, and on small ones. */
const BULKY_SAID = /furniture|bulky|large items?|big items?|oversized|two-person|大件|家具/i;
const SMALL_SAID = /small (?:items?|parcels?|orders?)|smaller items?|小件/i;
/** Goods that go as big ones: furniture and large appliances; not what is for them or named after them (a table lamp, a fridge magnet: found in review). */
const BULKY_GOODS = /(?<![a-z])(?:sofa|settee|couch|armchair|sideboard|table|desk|wardrobe|cabinet|chest of drawers|dresser|bookcase|bed ?frame|mattress|fridge|freezer|washing machine)s?(?![a-z])|沙发|衣柜|书柜|书架|床垫|餐桌|茶几|斗柜|床架|冰箱|洗衣机/i;
const NOT_BULKY = /(?<![a-z])(?:lamps?|lights?|magnets?|protectors?|toppers?|covers?|organi[sz]ers?|cushions?|pads?|mats?|throws?|runners?|tablecloths?|models?|miniatures?|toys?|fans?)(?![a-z])|冰箱贴|沙发垫|沙发套|沙发巾|保护罩|罩|灯|模型|玩具/i;
/** A sentence on every kind of goods ("All orders, including furniture, …"): no size's alone. */
const ALL_GOODS = /(?<![a-z])(?:all|every|including|any)(?![a-z])|所有|全部|包括|一律/i;
/**
 * Of a shop's entry on sending or delivery, the sentences on goods of the order's size: "Furniture goes with our own
 * two-person team…" is no word on a vase's Royal Mail parcel, "Small items … are sent out the same day" none on a
 * sideboard (a London shop, thirty-third session: both were said). All of it when nothing else is left.
 */
// Only small goods' sentences chosen for big goods: the entry's own sentences on big goods instead, when it has them (`whole`).
// A sentence on the parcel's own courier is its own whatever size it names ("StarTrack (bulky items) 3-7 business days").
function ofSize(said: string, o: Order, lang: Lang, whole?: string, carrier?: string): string {
  const bulky = o.items.some((i) => BULKY_GOODS.test(foldTraditional(i.title)) && !NOT_BULKY.test(foldTraditional(i.title)));
  const own = couriersOf(carrier);
  const ours = (x: string) => own.some((re) => re.test(foldTraditional(x)));
  const other = (x: string) => !ours(x) && !ALL_GOODS.test(x) && (bulky ? SMALL_SAID.test(x) && !BULKY_SAID.test(x) : BULKY_SAID.test(x) && !SMALL_SAID.test(x));
  const pieces = withLeads(sentencesOf(said));
  const kept = pieces.filter((x) => !other(x));
  if (kept.length && kept.length < pieces.length) return closed(joinedPieces(kept, lang), lang);
  const big = bulky && !kept.length && whole ? withLeads(sentencesOf(whole)).filter((x) => BULKY_SAID.test(x)) : [];
  return big.length ? closed(joinedPieces(big, lang), lang) : said;
}

/**
 * Taiwan, or its main island ("台灣本島宅配…1-2天"), apart from the outlying islands ("外島（澎湖、金門、馬祖）3-5個工作天"): a
 * parcel to 台中 was told the islands' days and not the main island's (a Taipei shop, thirty-third session).
 */
const TAIWAN_REGION = /台湾(?!大道)|本岛/;
// Not 北京时间 (a shop's clock: "下午4点（北京时间）前付款").
const BEIJING = /北京(?!时间)/;
const JING_JIN_JI = /京津冀|北京(?!时间)|天津|河北/;
const GUANGZHOU = /广州/;
const PEARL_DELTA = /珠三角|广东|广州|深圳|东莞|佛山/;
/** Groups that take in a city of their own before them: named by a clause only beyond that city's words ("北京市内次日达" names Beijing, not 京津冀). */
/**
 * The Greater Toronto Area and Ontario, timed apart by Toronto's shops ("GTA: next day; rest of Ontario 2-3 days": a Toronto
 * grocery, thirty-ninth session, told every region's days); Ontario takes in the GTA's cities.
 */
const GTA_PLACES = String.raw`(?<![a-z])gta(?![a-z])|greater toronto|toronto|mississauga|brampton|markham|vaughan|richmond hill|oakville|scarborough|north york|etobicoke|pickering|(?<![a-z])ajax(?![a-z])|whitby|oshawa|大多伦多|多伦多|万锦|列治文山|烈治文山|旺市|士嘉堡|北约克|密西沙加|宾顿`;
const GTA = new RegExp(GTA_PLACES, 'i');
const ONTARIO = new RegExp(String.raw`ontario|ottawa|(?<![a-z])on [a-z]\d[a-z]|安省|安大略|渥太华|${GTA_PLACES}`, 'i');
/**
 * Australia's mainland states, each with its capital, and the capitals alone before them: "Sydney metro: 1-2 business days" is
 * no word on a parcel to Dubbo NSW (an outside shop, forty-second session, told Sydney's days and "NSW regional." cut off).
 */
const AU_STATES = {
  wa: /western australia|(?<![a-z])(?:wa|perth)(?![a-z])/i,
  qld: /queensland|(?<![a-z])(?:qld|brisbane)(?![a-z])/i,
  nsw: /new south wales|(?<![a-z])(?:nsw|sydney)(?![a-z])/i,
  vic: /(?<![a-z])(?:victoria|vic|melbourne)(?![a-z])(?! r(?:oa)?d| st(?:reet)?)/i,
  // "SA" beside other states' codes too ("regional Victoria, NSW, ACT and SA 2-4 business days": a Melbourne shop, fiftieth session).
  sa: /south australia|(?<![a-z])(?:sa \d{4}|adelaide)(?![a-z])|(?<=(?:nsw|vic|qld|wa|act|nt|tas)(?:,| and| &|\/) ?)sa(?![a-z])|(?<![a-z])sa(?=(?:,| and| &|\/) ?(?:nsw|vic|qld|wa|act|nt|tas)(?![a-z]))/i,
} as const;
// Not a street named after one ("40 Sydney Rd, Brunswick VIC": found in review).
const AU_CAPITALS: readonly RegExp[] = ['sydney', 'melbourne', 'brisbane', 'perth', 'adelaide'].map((c) => new RegExp(`(?<![a-z])${c}(?![a-z])(?! (?:r(?:oa)?d|st(?:reet)?|ave(?:nue)?|h(?:igh)?wa?y|parade|tce|terrace)(?![a-z]))`, 'i'));
/** The capitals' metropolitan postcodes, by state: a suburb ("Parramatta NSW 2150") is its capital's (found in review: told the regional days). */
const AU_METRO: Readonly<Record<string, readonly [number, number, number]>> = { nsw: [2000, 2234, 0], vic: [3000, 3207, 1], qld: [4000, 4179, 2], wa: [6000, 6199, 3], sa: [5000, 5199, 4] };
function auMetro(address: string): RegExp | undefined {
  const m = /(?<![a-z])(nsw|vic|qld|wa|sa)\s+(\d{4})(?!\d)/i.exec(address);
  const range = m ? AU_METRO[m[1]!.toLowerCase()] : undefined;
  const code = m ? Number(m[2]) : NaN;
  return range && code >= range[0] && code <= range[1] ? AU_CAPITALS[range[2]] : undefined;
}
const WIDER: ReadonlySet<RegExp> = new Set([JING_JIN_JI, PEARL_DELTA, ONTARIO, ...Object.values(AU_STATES)]);
const TAIWAN_ISLANDS = /外岛|离岛|澎湖|金门|马祖|连江/;
/** Hualien and Taitung, on the main island but often timed apart ("花蓮、台東2-3天": a Taipei shop, thirty-ninth session, cut out). */
const HUALIEN_TAITUNG = /花莲|台东(?!路)|花东/;
/** A receiver on Taiwan's main island: an address opening with one of its cities or counties. */
// After a postal code too ("407台中市…", "10491 臺北市…": found in review).
const TAIWAN_MAIN_HOME = /^(?:\d{3,6}\s*)?(?:台湾)?(?:台北|新北|桃园|台中|台南|高雄|基隆|新竹|苗栗|彰化|南投|云林|嘉义|屏东|宜兰|花莲|台东)/;
/** The United States, and the states but Alaska, Hawaii and Puerto Rico ("Standard shipping in the lower 48 states: 3-5 business days"). */
const USA = /(?<![a-z])(?:usa|u\.s\.a?\.?|united states|(?:us|u\.s\.) (?:orders|addresses|customers|shipping|delivery))(?![a-z])|美国/i;
const LOWER_48 = /lower 48|(?:contiguous|continental|mainland) (?:us|u\.s\.?|united states|states)(?![a-z])|美国本土|本土48州/i;
/**
 * A US state named by a shop's clause ("California addresses: 1-2 business days", "加州地址1-2个工作日"), by its name; an address
 * gives it by its code before the ZIP (a Los Angeles shop, thirty-ninth session: San Gabriel, CA was told the other states' days).
 * Alaska and Hawaii are regions of their own below.
 */
const US_STATE_NAMES: Readonly<Record<string, string>> = {
  al: 'alabama', az: 'arizona', ar: 'arkansas', ca: 'california|加州|加利福尼亚', co: 'colorado', ct: 'connecticut', de: 'delaware',
  fl: 'florida|佛州|佛罗里达', ga: 'georgia', id: 'idaho', il: 'illinois|伊利诺伊', in: 'indiana', ia: 'iowa', ks: 'kansas', ky: 'kentucky',
  la: 'louisiana', me: 'maine', md: 'maryland', ma: 'massachusetts|麻省|马萨诸塞', mi: 'michigan', mn: 'minnesota', ms: 'mississippi',
  mo: 'missouri', mt: 'montana', ne: 'nebraska', nv: 'nevada|内华达', nh: 'new hampshire', nj: 'new jersey|新泽西', nm: 'new mexico',
  ny: 'new york state|new york|纽约州|纽约', nc: 'north carolina', nd: 'north dakota', oh: 'ohio', ok: 'oklahoma', or: 'oregon|俄勒冈', pa: 'pennsylvania|宾州|宾夕法尼亚',
  ri: 'rhode island', sc: 'south carolina', sd: 'south dakota', tn: 'tennessee', tx: 'texas|德州|得州|德克萨斯', ut: 'utah', vt: 'vermont',
  va: '(?<!west )virginia', wa: 'washington state|washington(?!,? d\\.?c)|华盛顿州', wv: 'west virginia', wi: 'wisconsin', wy: 'wyoming', dc: 'district of columbia|washington,? d\\.?c\\.?',
};
const US_STATES: ReadonlyMap<string, RegExp> = new Map(Object.entries(US_STATE_NAMES).map(([code, names]) => [code, new RegExp(`(?<![a-z])(?:${names})(?![a-z])`, 'i')]));
const US_STATE_SET: ReadonlySet<RegExp> = new Set(US_STATES.values());
/** A US address's end: a state's code and a ZIP code ("Chicago, IL 60614"); not Alaska's, Hawaii's or Puerto Rico's. */
const US_STATE_ZIP = new RegExp(String.raw`(?<![a-z])(${Object.keys(US_STATE_NAMES).join('|')})\.?\s+\d{5}(?:-\d{4})?(?:[\s,]*(?:usa|us|united states))?\s*$`, 'i');
/**
 * The Republic of Ireland: "within Ireland" in a shop's sentence, an address by its county, city or Eircode ("3 Patrick Street, Kilkenny
 * R95 E2P3"). A Kilkenny parcel was told "England, Scotland and Wales: 3-5 working days" beside the Irish times (a Dublin shop,
 * forty-fifth session). Never Northern Ireland's, a region of its own.
 */
const REPUBLIC_OF_IRELAND =
  /republic of ireland|irish republic|(?<![a-z])(?:roi|eire)(?![a-z])|(?<![a-z])(?:within|in|across|throughout|to|anywhere in) (?:the )?(?:republic of )?ireland(?! and)(?![a-z])|(?<![a-z])(?:dublin|kilkenny|galway|limerick|waterford|wexford|wicklow|kildare|tipperary|donegal|sligo|roscommon|westmeath|offaly|laois|leitrim|longford|monaghan|carlow|(?:co\.?|county) (?:cork|clare|kerry|mayo|meath|louth|cavan))(?![a-z])|(?<![a-z0-9])(?:[ac-fh-kn-prtv-y]\d{2}|d6w) ?[0-9ac-fh-kn-prtv-y]{4}(?![a-z0-9])/i;
/**
 * Great Britain: "England, Scotland and Wales", "mainland UK" in a shop's sentence, a UK postcode in an address (after the UK's own
 * regions above, which a postcode of theirs names first). An Irish parcel was told the British line (a Dublin shop, forty-fifth session).
 */
// Its big cities too ("hiya do u deliver to cardiff and how long": a Dublin shop, fifty-first session, "not sure"), not a street named after one.
const GREAT_BRITAIN =
  /(?<![a-z])(?:england|scotland|(?<!south )wales|great britain|mainland uk|uk mainland|(?:the )?rest of (?:the )?uk)(?![a-z])|(?<![a-z]|new )(?:london|manchester|birmingham|liverpool|leeds|glasgow|edinburgh|cardiff|swansea|bristol|newcastle|sheffield|nottingham)(?![a-z])(?! (?:r(?:oa)?d|st(?:reet)?|ave(?:nue)?|lane|way|drive|h(?:igh)?wa?y|terrace|place)(?![a-z]))|(?<![a-z0-9])[a-z]{1,2}\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2}(?![a-z0-9])/i;
/** Regions a delivery entry may give a time of their own ("江浙沪次日达", "新疆、西藏 5-7 天", "Alaska and Hawaii 7-10 days"). */
const DELIVERY_REGIONS: readonly RegExp[] = [
  // Hong Kong and Macau each their own, 港澳 both (found from outside: a Sha Tin parcel was told Macau's days too), in English too ("how
  // many days to arrive in Kowloon?": a Guangzhou shop's English entry, forty-ninth session, told the mainland's days).
  /江浙沪|江苏|浙江|上海/, /新疆/, /西藏(?!中路|南路|北路|路)|拉萨|日喀则|林芝/, /青海/, /内蒙古?/, /甘肃/, /宁夏(?!路)/, /海南/, /香港|九龙|新界|港澳(?![^，,。；;]{0,6}澳门)|(?<![a-z])(?:hong ?kong|kowloon|new territories)(?![a-z])/i, /港澳|澳门|(?<![a-z])maca[uo](?![a-z])/i, HUALIEN_TAITUNG, TAIWAN_REGION, TAIWAN_ISLANDS, /偏远/,
  /(?<![a-z])alaska(?![a-z])|(?<![a-z])ak \d{5}|阿拉斯加/i, /hawaii|(?<![a-z])hi \d{5}|夏威夷/i, /puerto rico|波多黎各/i,
  // The UK's own regions each (one pattern held them all), an address's by its postcode too: "7 Bayhead, Stornoway, Isle of Lewis
  // HS1 2DU" was told the mainland's days, and late by them (a Manchester shop, forty-third session); "to BT7" is Northern Ireland.
  /scottish highlands|highlands and islands|scottish islands|outer hebrides|western isles|orkney|shetland|isle of (?:lewis|harris|skye|mull|islay|arran|barra)|(?<![a-z])(?:hs|ze|iv|kw)\d{1,2}\s?\d[a-z]{2}(?![a-z])/i,
  // A whole BT postcode, or "to/in BT7": "BT5.0 earbuds" is Bluetooth (found in review).
  // Its cities and "the north" as the Republic's buyers say it ("do ye post to the north?", "i'm in derry": a Dublin shop, fifty-first session).
  /northern ireland|(?<![a-z])(?:belfast|derry|londonderry|newry|lisburn|armagh|enniskillen|omagh|coleraine|ballymena|bangor,? co\.? down)(?![a-z])|(?<![a-z])(?:to|in|up|for) the north(?! (?:of|east|west|face|pole|island|side|coast|shore|american?)| ?-)(?![a-z])|(?<![a-z])bt\d{1,2}\s?\d[a-z]{2}(?![a-z])|(?<![a-z])(?:to|in|for) bt\d{1,2}(?![a-z0-9.])/i, REPUBLIC_OF_IRELAND, GREAT_BRITAIN, /channel islands|guernsey|alderney|(?<![a-z])(?:to|for) jersey(?! city| shore| fabric| dress| top| material)(?![a-z])|(?<![a-z])(?:deliver\w*|ship\w*|post|send|live) (?:\w+ ){0,2}in jersey(?! city| shore)(?![a-z])|(?<![a-z])(?:gy|je)\d{1,2}\s?\d[a-z]{2}(?![a-z])/i, /isle of man|(?<![a-z])im\d{1,2}\s?\d[a-z]{2}(?![a-z])/i,
  /(?<![a-z])(?:sabah|sarawak|labuan|east malaysia)(?![a-z])(?! r(?:oa)?d)|沙巴|砂拉越|砂劳越|纳闽|东马(?!路)|亚庇|古晋/i,
  // Malaysia's places in Chinese too ("西马其他州属（槟城、柔佛、霹雳等）": found from outside, a Penang parcel was told every region).
  /klang valley|kuala lumpur|(?<![a-z])(?:selangor|petaling jaya|shah alam|subang jaya|putrajaya)(?![a-z])(?! r(?:oa)?d)|巴生谷|吉隆坡|雪兰莪|八打灵/i,
  // West Malaysia beyond the Klang Valley, and Singapore: a Ninja Van parcel to Johor was told "Singapore: Ninja Van 3-5 working days" (found from outside).
  /west malaysia|peninsular malaysia|(?<![a-z])(?<!jalan |jln |lorong |persiaran |lebuh |lebuhraya )(?:johor|penang|pulau pinang|perak|kedah|kelantan|terengganu|pahang|negeri sembilan|melaka|malacca|perlis)(?![a-z])(?! r(?:oa)?d| st(?:reet)?)|西马(?!路)|槟城|柔佛|新山|霹雳|怡保|吉打|吉兰丹|登嘉楼|彭亨|森美兰|马六甲|玻璃市/i,
  /(?<![a-z])singapore(?![a-z])|新加坡/i,
  // Australia's states and territories, by name, abbreviation or capital ("…, Perth WA 6000"), and New Zealand (found from outside:
  // a parcel to WA was told every state's days).
  AU_STATES.wa, /northern territory|(?<![a-z])(?:nt(?![a-z$])(?!\s*\$)(?!\s*\d{2,3}(?!\d))|darwin)(?![a-z])/i, /tasmania|tassie|(?<![a-z])(?:tas|hobart)(?![a-z])/i,
  ...AU_CAPITALS,
  AU_STATES.qld, AU_STATES.nsw, AU_STATES.vic, AU_STATES.sa, /(?<![a-z])(?:act \d{4}|canberra)(?![a-z])/i, /new zealand|(?<![a-z])(?:nz|auckland|wellington|christchurch)(?![a-z])/i,
  // Mainland China's provinces and the groups shops write ("四川、重庆一般次日到", "北京市内次日达，京津冀1-2天": a Chengdu and a
  // Beijing shop, thirty-sixth session, every parcel was told every region's days). A city before the group it is in (WIDER).
  BEIJING, JING_JIN_JI, /川渝|四川|重庆|成都/, GUANGZHOU, PEARL_DELTA, /东三省|东北(?![风菜])|黑龙江|吉林|辽宁|哈尔滨|沈阳|长春|大连/,
  /山东|青岛|济南/, /山西|太原/, /河南|郑州/, /湖北|武汉/, /湖南|长沙/, /江西|南昌/, /安徽|合肥/, /福建|福州|厦门/, /广西|南宁/, /云南|昆明/, /贵州|贵阳/, /陕西|西安/,
  // Canada's provinces, their groups and cities, in English and Chinese, and a postcode after a province's code ("Calgary, AB T2P 1J9").
  GTA, ONTARIO, /quebec|québec|montreal|montréal|(?<![a-z])qc [a-z]\d[a-z]|魁省|魁北克|满地可|蒙特利尔/i,
  /western canada|west coast|british columbia|alberta|saskatchewan|manitoba|vancouver|calgary|edmonton|winnipeg|regina|saskatoon|(?<![a-z])(?:bc|ab|sk|mb) [a-z]\d[a-z]|西岸|卑诗|温哥华|阿尔伯塔|卡尔加里/i,
  /atlantic canada|atlantic provinces|nova scotia|new brunswick|newfoundland|prince edward island|halifax|moncton|fredericton|(?<![a-z])(?:ns|nb|nl|pe) [a-z]\d[a-z]|大西洋省份/i,
  /yukon|northwest territories|nunavut|whitehorse|yellowknife|iqaluit|(?<![a-z])(?:yt|nu) [a-z]\d[a-z]|育空|西北地区|努纳武特/i,
  ...US_STATES.values(),
  LOWER_48,
  USA,
];
/** "Other regions" ("其他地区3-4天", "everywhere else"): not for an address a sentence names. */
const OTHER_REGIONS = /其他|其它|其余|(?<![a-z])(?:other (?:areas|regions|states|places)|elsewhere|everywhere else|rest of)(?![a-z])/i;
/** The regions a text names (read-only: kept for the next turns, the shop's sentences most of all, each read against a hundred patterns). */
function regionsIn(text: string): readonly RegExp[] {
  return remembered(REGIONS_READ, text, REGIONS_READ_MAX, () => regionsOf(text));
}
const REGIONS_READ = new Map<string, readonly RegExp[]>();
const REGIONS_READ_MAX = 512;
function regionsOf(text: string): RegExp[] {
  const t = foldTraditional(text);
  const out: RegExp[] = [];
  const spans: [number, number][] = [];
  for (const re of DELIVERY_REGIONS) {
    const m = re.exec(t);
    if (!m) continue;
    const [from, to] = [m.index, m.index + m[0].length];
    if (WIDER.has(re) && spans.some(([a, b]) => a <= from && to <= b)) continue;
    out.push(re);
    spans.push([from, to]);
  }
  return out;
}
/** The shop's sentence names the region the address is in. */
const namesHomeRegion = (said: string, address: string): boolean => {
  const home = homeRegions(address);
  return home.length > 0 && regionsIn(said).some((re) => home.includes(re));
};
/** "全国包邮（新疆、西藏除外）", "except Alaska and Hawaii": regions named as left out give them no time. */
const EXCEPT = /除外|不包括|不含|(?<![a-z])(?:except|excluding|not including|other than)(?![a-z])/i;
/**
 * The receiver's region: a Chinese address's first words (not a street: "江苏路", "新疆路" in
 * Beijing or Shanghai), an English one's last (a state or a region before the postcode: "…, AK 99501").
 */
function homeRegions(address: string): RegExp[] {
  const a = foldTraditional(address).trim();
  const head = a.replace(/^中国\s*/, '').replace(/[^\s，,\d]{2,4}(?:[东南西北中]?(?:路|街|大道|巷|弄))/g, ' ').slice(0, 8);
  const tail = a.slice(-40).split(/[,，]/).slice(-2).join(',');
  // A US state's code and ZIP ("Chicago, IL 60614"): the lower 48 and the United States, not Washington's WA for Western Australia
  // (a New York shop, thirty-eighth session: every mainland parcel was told Alaska's and Hawaii's days).
  const state = /\p{Script=Han}/u.test(a) ? null : US_STATE_ZIP.exec(a);
  if (state) return [US_STATES.get(state[1]!.toLowerCase())!, LOWER_48, USA];
  const metro = /\p{Script=Han}/u.test(a) ? undefined : auMetro(tail);
  const named = DELIVERY_REGIONS.filter((re) => (/\p{Script=Han}/u.test(a) ? re.test(head) : re === metro || re.test(tail)));
  // "台灣澎湖縣…" is the islands', not the main island's (found in review).
  if (named.includes(TAIWAN_ISLANDS)) return named.filter((re) => re !== TAIWAN_REGION);
  return TAIWAN_MAIN_HOME.test(head) && !named.includes(TAIWAN_REGION) ? [...named, TAIWAN_REGION] : named;
}
/**
 * Of an entry that gives regions their own time ("江浙沪次日达，其他地区2-4天，新疆、西藏5-7天"), the
 * clauses for the receiver's region when one names it, else those naming no region (found from
 * outside: a parcel to 新疆 was told the days of everywhere else).
 */
function ofRegion(said: string, address: string, lang: Lang): string {
  return ofRegions(said, homeRegions(address), lang);
}

function ofRegions(said: string, home: readonly RegExp[], lang: Lang): string {
  let sentence = 0;
  const clauses = listsJoined(clausesOf(said)).map((x) => ({ x, named: EXCEPT.test(x) ? [] : regionsIn(x), sentence: SENTENCE_ENDS.test(x) ? sentence++ : sentence }));
  if (!clauses.some((c) => c.named.length)) return said;
  // The narrowest of the receiver's regions a clause names (Beijing's, then 京津冀's).
  const own = home.find((re) => clauses.some((c) => c.named.includes(re)));
  const isHome = (c: (typeof clauses)[number]) => own !== undefined && c.named.includes(own);
  const ours = clauses.some(isHome);
  const remark = (c: (typeof clauses)[number]) => c.named.length === 0 && !OTHER_REGIONS.test(c.x) && !TIMED.test(c.x);
  // A remark in a sentence on another courier's goods and times is theirs: "数码钢琴等大件走德邦物流，全国3-7天，到了当地物流会先
  // 打电话…" is no word on an SF guitar to 江浙沪 (found from outside); "遇节假日和恶劣天气顺延" in a sentence of other regions'
  // times is everyone's still (found in review).
  const othersOnly = (n: number) => !clauses.some((c) => c.sentence === n && isHome(c)) && clauses.some((c) => c.sentence === n && !remark(c)) && clauses.some((c) => c.sentence === n && couriersNamed(c.x).length > 0);
  // The region a clause follows in its sentence: the time after the region's name is the region's ("西马其他州属（槟城、柔佛、
  // 霹雳等）：快递，保温箱加冰袋，1-2个工作日"), and a remark after another region's is that one's ("Klang Valley: our own van
  // delivers the next day, in the slot you choose…"); not past "其他地区…", "other states…", after which it is theirs
  // ("江浙沪：顺丰，次日达，其他地区：中通，3-5天送达": found in review).
  const follows = (i: number): 'home' | 'other' | undefined => {
    for (let k = i - 1; k >= 0 && clauses[k]!.sentence === clauses[i]!.sentence; k--) {
      if (clauses[k]!.named.length) return isHome(clauses[k]!) ? 'home' : 'other';
      if (OTHER_REGIONS.test(clauses[k]!.x)) return undefined;
    }
    return undefined;
  };
  const kept = clauses.filter((c, i) => (ours ? isHome(c) || (remark(c) && !othersOnly(c.sentence) && follows(i) !== 'other') || (c.named.length === 0 && !OTHER_REGIONS.test(c.x) && follows(i) === 'home') : c.named.length === 0));
  // Nothing of the receiver's region, and only words with no time left ("Once dispatched," of an entry whose SA clause was not read:
  // a Melbourne shop, fiftieth session, said that alone): the whole entry.
  if (!kept.length || (!ours && !kept.some((c) => TIMED.test(c.x)))) return said;
  return closed(kept.map((c) => c.x).join('').trim(), lang);
}

/**
 * Clauses that only name regions run on into the next, to the one with the time: "WA, NT and Tasmania 5-8 business
 * days" is one list (found from outside: a parcel to WA was told "WA." alone).
 */
function listsJoined(clauses: readonly string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const x of clauses) {
    const joined = pending + x;
    if (onlyRegions(x) && !SENTENCE_ENDS.test(x)) pending = joined;
    else [out[out.length], pending] = [joined, ''];
  }
  if (pending) out.push(pending);
  return out;
}
/** Nothing but region names and what joins them ("WA,", " NT"), after a label ("AusPost Parcel Post: "): not "江浙沪包邮，" (found in review). */
const REGIONS_G = (): RegExp[] => (regionsG ??= DELIVERY_REGIONS.map((re) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
let regionsG: RegExp[] | undefined;
function onlyRegions(x: string): boolean {
  const t = foldTraditional(x).replace(/^[^:：]*[:：]/, '');
  if (regionsIn(t).length === 0) return false;
  let rest = t;
  for (const re of REGIONS_G()) rest = rest.replace(re, ' ');
  // A region's part is still a region ("NSW regional, VIC, QLD, SA and ACT: 2-5 business days").
  // "Scottish Highlands and islands, Northern Ireland, … : 3-5 working days" (a London shop, fifty-first session: "Scottish Highlands and islands." alone).
  return rest.replace(/[\s,，、&和及与]|(?<![a-z])(?:and|or|the|of|regional|metro|metropolitan|rural|remote|country|areas?|scottish|islands?|isles?|mainland)(?![a-z])|城区|市区|郊区/gi, '') === '';
}
const SENTENCE_ENDS = /[。！？!?；;]\s*$|\.\s*$/;

/** Couriers a shop's entry may name, one pattern each (read in simplified characters). */
const COURIERS: readonly RegExp[] = [
  /royal ?mail/i, /(?<![a-z])dpd(?![a-z])/i, /pallet ?network|palletways|palletforce|pall-?ex/i, /(?<![a-z])(?:evri|hermes)(?![a-z])/i, /parcelforce/i, /(?<![a-z])yodel(?![a-z])/i, /(?<![a-z])ups(?![a-z])/i,
  /fed ?ex/i, /(?<![a-z])dhl(?![a-z])/i, /(?<![a-z])usps(?![a-z])/i, /canada post/i, /(?<![a-z])an post(?![a-z])/i, /australia post|澳洲邮政/i, /star ?track/i, /couriers please/i, /aramex|fastway/i, /(?<![a-z])sendle(?![a-z])/i, /ninja ?van/i, /pos ?laju/i,
  /顺丰|(?<![a-z])sf(?: express)?(?![a-z])/i, /中通|(?<![a-z])zto(?![a-z])/i, /圆通|(?<![a-z])yto(?![a-z])/i, /申通|(?<![a-z])sto(?![a-z])/i,
  /韵达|yunda/i, /京东|(?<![a-z])jd(?![a-z])/i, /极兔|j&t/i, /德邦/, /邮政|(?<![a-z])ems(?![a-z])|china post/i, /黑猫|宅急便/, /新竹物流/, /嘉里/,
];
/**
 * The receiver's region first, then the courier ("Other West Malaysia states: 2-3 working days by J&T" is a Ninja Van
 * parcel's to Johor); but a courier's own sentence naming no region is its time wherever it goes ("StarTrack (bulky
 * items) 3-7 business days": found from outside, a StarTrack parcel to Brisbane was told Australia Post's QLD days).
 */
// A sentence opening with another courier's name is that courier's, whatever places it names ("Couriers Please (Sydney,
// Melbourne, Brisbane metro) 1-3 business days" is no word on an Australia Post parcel to Brisbane).
const CHOOSING = /^\s*(?:如果|若|如)?(?:选择|选用|选|改发|改用|用|走)/;
function ofPlaceAndCourier(said: string, address: string, carrier: string | undefined, lang: Lang): string {
  const own = couriersOf(carrier);
  const all = sentencesOf(said);
  // After a verb of choosing too ("选中通快递的订单江浙沪2天，其他地区3-5天": a Hangzhou shop, thirty-seventh session, its
  // "其他地区3-5天" told of an SF parcel beside SF's own 2-3 days).
  const othersLead = (x: string) => {
    const lead = foldTraditional(x).replace(CHOOSING, '');
    return COURIERS.some((re) => !own.includes(re) && re.exec(lead)?.index === 0);
  };
  const mine = own.length ? all.filter((x) => !othersLead(x)) : all;
  const text = mine.length && mine.length < all.length ? mine.join(lang === 'zh' ? '' : ' ') : said;
  const anywhere = mine.some((x) => own.some((re) => re.test(foldTraditional(x))) && regionsIn(x).length === 0);
  return anywhere ? ofRegion(ofCourier(text, carrier, lang), address, lang) : ofCourier(ofRegion(text, address, lang), carrier, lang);
}

/**
 * Of an entry that gives each courier's time ("Royal Mail Tracked 48 arrives 2-3 working days… DPD Next
 * Day arrives the next working day…"), the sentences on the parcel's courier and those naming none
 * (found from outside: a DPD parcel was told Royal Mail's days). All of it when no sentence names that courier.
 */
function ofCourier(said: string, carrier: string | undefined, lang: Lang): string {
  const own = couriersOf(carrier);
  if (!own.length) return said;
  const sentences = sentencesOf(said).map((x) => ({ x, named: couriersNamed(x) }));
  const ours = (s: { named: RegExp[] }) => s.named.some((re) => own.includes(re));
  const kept = sentences.filter((s) => s.named.length === 0 || ours(s));
  return kept.length < sentences.length && kept.some(ours) ? kept.map((s) => s.x).join(lang === 'zh' ? '' : ' ') : said;
}

/** Untimed clauses naming only other couriers ("默认发中通或韵达快递" said of an SF parcel: found from outside), when something is left. */
function otherCouriersOut(said: string, carrier: string | undefined, lang: Lang): string {
  const own = couriersOf(carrier);
  if (!own.length) return said;
  const clauses = clausesOf(said);
  const other = (c: string) => {
    const simplified = foldTraditional(c);
    return !TIMED.test(c) && COURIERS.some((re) => re.test(simplified)) && !own.some((re) => re.test(simplified));
  };
  const kept = clauses.filter((c) => !other(c));
  return kept.length && kept.length < clauses.length ? closed(kept.join('').trim(), lang) : said;
}
/** The couriers of COURIERS a parcel's carrier is. */
const couriersOf = (carrier: string | undefined): RegExp[] => (carrier ? couriersNamed(carrier) : []);
/** The couriers a buyer's text names (read in simplified characters), each as its pattern of `COURIERS`. */
const couriersNamed = (text: string): RegExp[] => {
  const simplified = foldTraditional(text);
  return COURIERS.filter((re) => re.test(simplified));
};
/** Where a clause of a shop's entry ends: after its punctuation, or a full stop and a space. */
const CLAUSE_END = /(?<=[。！？!?；;，,]|\.\s)/;
/**
 * The clauses of a shop's sentence, a bracket's commas inside its clause: "Couriers Please (Sydney, Melbourne, Brisbane
 * metro) 1-3 business days" is one (found from outside: "Melbourne, Brisbane metro) 1-3 business days" told to Brisbane).
 */
function clausesOf(said: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const part of said.split(CLAUSE_END)) {
    if (depth > 0 && out.length) out[out.length - 1] += part;
    else out.push(part);
    depth = Math.max(0, depth + (part.match(/[（(]/g)?.length ?? 0) - (part.match(/[）)]/g)?.length ?? 0));
  }
  return out;
}
/** Clauses put together end as a sentence: a trailing comma or semicolon becomes a full stop. */
const closed = (text: string, lang: Lang): string => text.replace(/[；;，,]\s*$/, lang === 'zh' ? '。' : '.');

/** Days without a tracking update after which a parcel in this state is late, not on its way. */
// In transit three days without a scan is the platforms' own "物流停滞" (72 hours; found from outside: a freight
// parcel three days at one depot was "usually 1-3 days").
const STALLED_AFTER_DAYS: Partial<Record<Logistics['status'], number>> = { out_for_delivery: 1, in_transit: 3, pending: 3 };

/**
 * Whole days since the parcel's last tracking event, when that is longer than its state allows:
 * "out for delivery, should arrive today" six days after the courier took it out is wrong
 * (found from outside). Undefined when it is on time, or when no event tells.
 */
/** Regions whose line hauls run days apart ("新疆", "西藏"): a parcel there is stalled later (found in review). */
const REMOTE = /^(?:中国)?\s*(?:新疆|西藏自治区|西藏(?!中路|南路|北路|路)|青海|内蒙古|甘肃|宁夏(?!路)|海南)/;
const REMOTE_EXTRA_DAYS = 2;
const CUSTOMS = /清关|海关|(?<![a-z])customs(?![a-z])/i;
/** Out of customs ("清关完成，已交国内快递派送", "海关放行"): a stall is the carrier's again (found in review). */
const CLEARED = /完成|放行|已清关|清关成功|转(?:国内|中通|圆通|顺丰|邮政|快递)|(?<![a-z])(?:cleared|completed|released|handed)(?![a-z])/i;
/** Days in customs without a scan before that is late (a working week and a weekend). */
const CUSTOMS_QUIET_DAYS = 7;
const NEAR_CUSTOMS_QUIET_DAYS = 3;
// An address that opens with them, or ends with them (not "88 Macau Street, Toronto": found in review).
const NEAR_BORDER = /^(?:中国)?\s*(?:香港|澳门|九龙|新界)|(?:^|,)\s*(?:hong kong|kowloon|new territories|macau|macao)(?: sar)?[\s,.]*(?:china)?\s*$/i;
function quietDays(ctx: Ctx, l: Logistics): number | undefined {
  const base = STALLED_AFTER_DAYS[l.status];
  const e = newestEvents(l)[0];
  // Waiting to be collected is no delay of the carrier's.
  if (base === undefined || !e || atPickup(l)) return undefined;
  // Out for delivery since a day before today is late: "预计今天送达" from yesterday's 09:30 event was
  // said at 06:54 the next morning (found from outside). Not a scan of a few hours ago across
  // midnight: 23:26 out for delivery was "1 天没有更新" at 02:30 (found from outside).
  const since = localDate(e.time, ctx.tz);
  if (l.status === 'out_for_delivery' && since !== undefined && since < localDay(ctx.input.now ?? new Date(), ctx.tz) && elapsed(ctx, e.time, HOUR_MS) >= OUT_OVERNIGHT_HOURS) return Math.max(1, elapsed(ctx, e.time, DAY_MS));
  const days = atLeast(elapsed(ctx, e.time, DAY_MS), base);
  if (days === undefined) return undefined;
  // In customs, days without a scan are usual ("清关期间物流信息可能几天不更新": found from outside, called late at 4 days).
  // Only once it would be late is the receiver's address read (decrypted on first access).
  const order = l.status === 'in_transit' ? ctx.orders?.find((o) => o.orderId === l.orderId) : undefined;
  // Across the border from Shenzhen to Hong Kong or Macau, customs is a day or two: 3.5 days at "快件清关中" was "in transit" (a
  // Shenzhen phone shop, forty-third session, the buyer asking "係咪卡咗喺海關？").
  if (CUSTOMS.test(e.description) && !CLEARED.test(e.description)) return atLeast(days, order && NEAR_BORDER.test(foldTraditional(addressOf(order))) ? NEAR_CUSTOMS_QUIET_DAYS : CUSTOMS_QUIET_DAYS);
  return order && REMOTE.test(addressOf(order)) ? atLeast(days, base + REMOTE_EXTRA_DAYS) : days;
}

/** "次日达", "next-day delivery": one day (a working day: a Friday evening's pickup is not late on Sunday, found in review). */
const NEXT_DAY = /次日(?:达|到|送达)|隔日(?:达|到|送达)|第二天(?:到|送达)|(?<![a-z])(?:next[- ](?:business |working )?day|overnight)(?![a-z])/i;
/** A scan before the courier has the parcel: a label printed, the order's data sent. */
const BEFORE_PICKUP = /电子面单|已下单|待揽收|等待揽收|面单已打印|订单信息已|(?<![a-z])(?:label (?:created|printed)|shipping label|pre-?shipment|information received|shipment information|awaiting (?:collection|pickup))(?![a-z])/i;
/**
 * Days a parcel still moving has been on its way (from the courier's first scan) past the shop's own delivery days to its
 * region ("Rest of Ontario: 2-3 business days" eight days on): late by the shop's word though scanned every day (a Toronto
 * grocery, thirty-ninth session: only "in transit"). Undefined without the shop's days, abroad, or not past them.
 */
function pastShopDays(ctx: Ctx, o: Order, l: Logistics): { waited: number; promised: number; working: boolean } | undefined {
  const said = l.status === 'in_transit' && !abroad(o) ? shopSays(ctx, 'delivery_time') : undefined;
  const first = said ? Math.min(...l.events.filter((e) => !BEFORE_PICKUP.test(e.description)).map((e) => Date.parse(e.time)).filter(Number.isFinite)) : NaN;
  if (!said || !Number.isFinite(first)) return undefined;
  const days = deliveryPart(parcelDaysOf(said, o, l.carrier, ctx.lang));
  const inWorking = workingDaysIn(days);
  const calendar = calendarDaysIn(days);
  const nextDay = inWorking === undefined && calendar === undefined && NEXT_DAY.test(shopReading(days));
  const promised = inWorking ?? calendar ?? (nextDay ? 1 : undefined);
  if (promised === undefined) return undefined;
  const working = inWorking !== undefined || nextDay;
  const now = (ctx.input.now ?? new Date()).getTime();
  const waited = working ? workingDaysBetween(first, now, ctx.tz) : calendarDaysBetween(first, now, ctx.tz);
  return waited > promised ? { waited, promised, working } : undefined;
}
/** Of the shop's words on delivery, the pieces on delivering, not on sending ("dispatched within 2 working days and delivery takes 3-7 days"). */
const deliveryPart = (said: string): string => said.split(/[.;。；,，]|(?<![a-z])and(?![a-z])|并且|然后/).filter((x) => !SHIPS.test(shopReading(x)) || DELIVERY.test(x)).join('。');
const pastDaysText = (ctx: Ctx, p: { waited: number; promised: number; working: boolean }): string => ctx.t.parcelTrouble.pastDays(p.waited, p.promised, p.working);

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Hours out for delivery, across midnight, before the parcel is late rather than out late (a night's sleep and a morning). */
const OUT_OVERNIGHT_HOURS = 12;
/** Whole `unitMs` from an ISO time to the turn's now (NaN for a time that does not parse). */
const elapsed = (ctx: Ctx, iso: string, unitMs: number) => Math.floor(((ctx.input.now ?? new Date()).getTime() - Date.parse(iso)) / unitMs);
/** `n` when it is a number of at least `limit`, else undefined. */
const atLeast = (n: number, limit: number) => (Number.isFinite(n) && n >= limit ? n : undefined);

/**
 * A cancellation asked of an order whose refund or return is already requested: where that stands,
 * not "you can cancel it on the order page" (found from outside: the buyer had done just that).
 */
function askedBefore(ctx: Ctx, o: Order): Outcome | undefined {
  // A part of the order refunded (a price difference, one item) leaves the rest to cancel (found in review).
  const whole = (a: Aftersale) => a.amount === undefined || Number(a.amount) >= Number(o.totalAmount);
  const req = (ctx.aftersales ?? []).filter((a) => a.orderId === o.orderId && a.type !== 'exchange' && a.status !== 'rejected' && a.status !== 'closed' && whole(a)).sort(byNewest)[0];
  if (!req) return undefined;
  const out = oneRequest(ctx, req);
  // Not a request told on its own: "那就取消吧" next is about the order, not a withdrawal (found in review).
  const next = { ...out.next, focusRequest: undefined };
  return { ...out, replies: [{ text: ctx.t.cancelAskedBefore(o.orderId) }, ...out.replies], next };
}

/** An outcome with more to set on the next state, keeping what it sets itself (a person it offers). */
const withNext = (out: Outcome, next: Outcome['next']): Outcome => ({ ...out, next: { ...next, ...out.next } });

function cancelAnswer(ctx: Ctx, o: Order): Outcome {
  if (ctx.r.refuse && o.status === 'shipped') return { replies: [reply(ctx.t.refuseDelivery(o.orderId), orderCard(o))], next: { offeredHuman: true } };
  if (ctx.r.unpaidTimeout) return { replies: [reply(o.status === 'pending_payment' ? ctx.t.unpaidTimeout(o.orderId, 0, payByOf(ctx, o)) : ctx.t.cancel[o.status === 'completed' ? 'delivered' : o.status](o.orderId, o.cancelReason), orderCard(o))] };
  const key = o.status === 'completed' ? 'delivered' : o.status;
  // A top-up or code already sent is no parcel to refuse or return in 7 days (found from outside: "支持 7 天无理由" for a phone top-up the shop refuses to refund).
  if ((key === 'delivered' || key === 'shipped') && sentDigitally(ctx, o)) {
    return { replies: [reply(ctx.t.cancelDigital(o.orderId), orderCard(o))], next: { offeredHuman: true } };
  }
  // Sent goods: the shop's own word on returns, not the built-in "return it after it arrives" ("no returns on groceries": found from outside).
  const sent = key === 'shipped' || key === 'delivered';
  const own = sent ? shopSays(ctx, 'returns') : undefined;
  const other = sent && own === undefined ? shopSaysOther(ctx, 'returns') : undefined;
  const returns = own ?? (other === undefined ? undefined : ctx.t.inOtherLanguage(other));
  if (returns) return { replies: [reply(ctx.t.cancelSent[key as 'shipped' | 'delivered'](o.orderId, returns), orderCard(o))] };
  const unshipped = key === 'paid' || key === 'pending_payment' ? key : undefined;
  // A pre-order's or made-to-order's own rule on cancelling ("预售订单付款后不支持无理由取消",
  // "定制款开始生产后不支持取消") comes before the shop's general one.
  const kind = unshipped === 'paid' ? aheadKind(o) : undefined;
  const pre = kind && shopSays(ctx, kind);
  const shop = kind && pre && CANCEL_WORD.test(pre) ? ctx.t.ahead[kind](pre, undefined) : unshipped && !ofOtherOrders(ctx, 'cancel', o) && shopSays(ctx, 'cancel');
  const text = unshipped && shop ? ctx.t.cancelShop[unshipped](o.orderId, shop, unshipped === 'pending_payment' ? payByOf(ctx, o) : undefined) : ctx.t.cancel[key](o.orderId, o.cancelReason);
  return { replies: [reply(text, orderCard(o))] };
}

/** Subscriptions and memberships: an entry on cancelling one is no word on cancelling other goods. */
const SUBSCRIBED = /订阅|包月|包年|连续包|会员|(?<![a-z])(?:subscri\w*|membership)(?![a-z])/i;
/**
 * The shop's entry is about orders of another kind than this one ("怎么取消或暂停包月订阅" said of a scratching board: a Beijing
 * pet shop, thirty-sixth session).
 */
function ofOtherOrders(ctx: Ctx, q: ShopQuestion, o: Order): boolean {
  const hit = ctx.data.shopSays?.[q];
  const about = hit ? foldTraditional(hit.entry.question) : '';
  return SUBSCRIBED.test(about) && !o.items.some((i) => SUBSCRIBED.test(i.title));
}

/**
 * A new address typed out ("改成北京市朝阳区建国路88号", "change it to 12 Baker Street"): two or more
 * parts of a Chinese address, or a change-to followed by a house number and a street word.
 */
const ADDRESS_PARTS = /省|市|区|县|镇|乡|村|路|街|道|巷|弄|号|栋|幢|单元|室|小区|大厦/g;
/** A house number, one or two words and a street word: "12 baker street", "5 high st". */
const STREET = String.raw`\d{1,5}[a-z]?,?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|boulevard|blvd|court|ct)(?![a-z])`;
const EN_ADDRESS = new RegExp(String.raw`(?<![a-z])(?:to|is|address:?)\s+(?:flat |apt |unit )?` + STREET);
const NEW_ADDRESS_CUE = /改成|改为|改到|换成|新地址|(?<![a-z])(?:change it to|new address|send it to|ship it to|deliver it to)(?![a-z])/;
const EN_STREET = new RegExp(String.raw`(?<![a-z\d])` + STREET);
/** A house number makes it an address: "换成顺丰吗？我们这里是县城，乡镇到不了" names places and is no address (found in review). */
const chineseAddress = (normalized: string, parts: number) => (normalized.match(ADDRESS_PARTS)?.length ?? 0) >= parts && /\d/.test(normalized);
/** Right after we spoke of changing the address, the address alone is the new one ("北京市朝阳区建国路88号" had been read as a goodbye). */
/** A UK postcode ("G42 8BB"): the part of an address buyers there correct (found from outside: "should be G42 8BB not G42 7AA" was told to send it, twice). */
const UK_POSTCODE = /(?<![a-z0-9])[a-z]{1,2}\d[a-z\d]?\s?\d[abd-hjlnp-uw-z]{2}(?![a-z0-9])/;
const typesAddress = (normalized: string, onAddress = false): boolean =>
  (NEW_ADDRESS_CUE.test(normalized) && (chineseAddress(normalized, 2) || EN_ADDRESS.test(normalized))) ||
  (onAddress && (chineseAddress(normalized, 3) || EN_STREET.test(normalized))) ||
  ((onAddress || /(?<![a-z])(?:address|postcode|post code)(?![a-z])/.test(normalized)) && UK_POSTCODE.test(normalized));

/** Words of a parcel already sent, in an entry on changing an address. */
const AFTER_SENT = /已经?发货|发货后|发出后|寄出后|已寄出|改派|拒收|改不了|不能改|(?<![a-z])(?:after (?:dispatch|shipping|it ships|it has shipped|(?:it'?s|it is) shipped|we ship)|once (?:shipped|dispatched|it ships|(?:it'?s|it is) shipped|sent|it has shipped)|already (?:shipped|dispatched|sent)|redirect\w*|intercept\w*|(?:can'?t|cannot|can not) be changed|cannot be changed)(?![a-z])/;
function addressAnswer(ctx: Ctx, o: Order): Outcome {
  const { t, lang } = ctx;
  // Another day for an order delivered, cancelled or done: where it stands, not "the address can no longer be changed" (found in review).
  if (ctx.r.reschedule && !(o.status === 'paid' || o.status === 'shipped' || o.status === 'pending_payment')) return statusAnswer(ctx, o);
  if (ctx.r.reschedule) return { replies: [reply(t.changeAddress.reschedule(o.orderId, shopSays(ctx, 'delivery_date')), orderCard(o))], next: { offeredHuman: true } };
  const address = ctx.r.addressCheck ? receiverOf(o)?.address : undefined;
  if (address) return { replies: [reply(t.addressOnOrder(o.orderId, maskAddress(address), maskedReceiver(o)?.name ?? ''), orderCard(o))], next: { topic: 'change_address' } };
  // The address typed out: the same "you can change it on the order page" again helps nobody; a person can apply it (found from outside).
  const given = typesAddress(ctx.r.u.normalized, ctx.state.topic === 'change_address');
  if (o.status === 'pending_payment' || o.status === 'paid') {
    if (given) return { replies: [reply(t.changeAddress.given(o.orderId), orderCard(o))], next: { offeredHuman: true } };
    const shop = shopSays(ctx, 'change_address');
    const r = maskedReceiver(o);
    const who = [r?.name ?? '', r?.phone ?? ''] as const;
    return { replies: [reply(shop ? t.changeAddress.editableShop(o.orderId, shop, ...who) : t.changeAddress.editable(o.orderId, ...who), orderCard(o))] };
  }
  if (o.status === 'shipped') {
    const l = logisticsOf(ctx, o);
    const carrier = l && carrierName(l.carrier, ctx.lang);
    const card = l ? logisticsCard(l) : orderCard(o);
    // The shop's own word on changing a sent parcel's address, not the robot's "ask the courier to redirect it" (a London shop,
    // forty-first session: told to ask Royal Mail, which its entry says cannot redirect); with the new address typed out too (a UK
    // shop, forty-fifth session: "a human agent can ask Royal Mail to redirect it" against "after dispatch we cannot change it").
    const shop = shopSays(ctx, 'change_address');
    // Only an entry that speaks of a parcel already sent: "Yes! You can change it on the order page before we ship" is none (found in review).
    if (shop && AFTER_SENT.test(shopReading(shop))) return { replies: [reply(t.changeAddress.shippedShop(o.orderId, shop), card)], next: { offeredHuman: true } };
    // The address typed out: the same "can't be changed online" again told the buyer nothing new (an outside shop, fortieth session).
    if (given) return { replies: [reply(t.changeAddress.givenShipped(o.orderId, carrier, l?.trackingNo), card)], next: { offeredHuman: true } };
    return { replies: [reply(t.changeAddress.shipped(o.orderId, carrier, l?.trackingNo), card)] };
  }
  return { replies: [reply(t.changeAddress.closed(o.orderId, ORDER_STATUS[lang][o.status]), orderCard(o))] };
}

// ---------------------------------------------------------------- after-sales

/**
 * No return or refund request found. The built-in "tap After-sales" only for a shop without an FAQ of its own: a shop that wrote
 * one may have no such button (two outside shops, forty-first session); its returns entry says how, else a person is offered.
 */
function noRequest(ctx: Ctx, orderId?: string): string {
  const { t } = ctx;
  if ((ctx.data.faqEntries ?? 0) < OWN_FAQ_MIN) return orderId ? t.noAftersaleFor(orderId) : t.noAftersale;
  const none = orderId ? t.noRequestFor(orderId) : t.noRequest;
  const how = shopSays(ctx, 'returns');
  return how ? `${none}${ctx.lang === 'en' ? ' ' : ''}${how}` : `${none}${t.offerHumanShort}`;
}

/**
 * The money asked back of a parcel the carrier reports a problem with, no request made ("what the hell 我要退款 不要了" of a parcel
 * damaged on the way: a Shanghai shop, forty-third session, told the no-reason returns policy, return postage at the buyer's cost):
 * a person arranges the refund or a resend, first in the complaints.
 */
// Wanted now, not a request's progress asked ("退款怎么还没到" reads no parcels).
const REFUND_WANTED = /要退款|我要退|给我退|退钱|不要了|(?<![a-z])(?:(?:want|need|give me) (?:a |my )?refund|refund me|money back|(?:don'?t|do not) want it)(?![a-z])/;
function refundOfTroubled(ctx: Ctx): Outcome | undefined {
  if (!REFUND_WANTED.test(ctx.r.u.normalized) || !ctx.orders) return undefined;
  const troubled = ctx.orders.filter((o) => hasParcel(ctx, o, (l) => l.status === 'exception') && !hasParcel(ctx, o, (l) => l.status === 'delivered'));
  if (troubled.length !== 1) return undefined;
  return { replies: [{ text: ctx.t.refundOfTroubled(troubled[0]!.orderId) }], handover: { reason: 'complaint' }, next: { focusOrderId: troubled[0]!.orderId } };
}

/** What a request question is before the requests are read: one named by its number, money wanted back, a withdrawal, a waybill. */
function beforeRequests(ctx: Ctx & { aftersales: readonly Aftersale[] }): Outcome | undefined {
  const { r } = ctx;
  // A request named by its own number ("AS5002"): that one, whichever order it is on.
  const byId = namedIds(ctx.input.text, ctx.aftersales.map((a) => a.aftersaleId));
  if (byId.length === 1) return oneRequest(ctx, ctx.aftersales.find((a) => a.aftersaleId === byId[0])!);
  // "不要了" of a troubled parcel wants the money, not a request withdrawn.
  const troubled = ctx.aftersales.length === 0 ? refundOfTroubled(ctx) : undefined;
  if (troubled) return troubled;
  const withdrawn = r.withdraw && toWithdraw(r, ctx.aftersales);
  if (withdrawn) return withdrawAnswer(ctx, withdrawn);
  if (r.orParcel && ctx.aftersales.length === 0) return dataAnswer({ ...ctx, r: { ...r, intent: 'track_parcel' } }, 'track_parcel');
  // "退货寄回去了 单号SF…" is about a return too (found from outside: "order SF… has no request").
  return returnWaybill(ctx);
}

function aftersaleAnswer(ctx: Ctx): Outcome {
  const { t, r, state } = ctx;
  if (!ctx.aftersales) return { replies: [{ text: `${t.unavailable('aftersales')}${t.offerHumanShort}` }] };
  const early = beforeRequests({ ...ctx, aftersales: ctx.aftersales });
  if (early) return early;
  const latest = latestRequests(ctx.aftersales);
  let list = [...latest.values()];
  if (ctx.r.choice && ('outOfRange' in ctx.r.choice || 'noneListed' in ctx.r.choice)) return 'outOfRange' in ctx.r.choice ? reaskChoice(ctx, 'aftersale_progress', false) : { replies: [{ text: `${t.noMatchingOrder}${t.offerHumanShort}` }] };
  const chosen = r.choice && 'orderId' in r.choice ? r.choice.orderId : r.choice && 'newest' in r.choice ? newestListedWith(ctx, latest) : r.choice && 'pickBy' in r.choice ? listedPickedBy(ctx, r.choice.pickBy) : r.explicitOrderId;
  if (r.choice && ('all' in r.choice || 'several' in r.choice)) {
    // "两个都查", "1 and 3": the listed orders' requests, each answered.
    const ids = 'several' in r.choice ? r.choice.several : (listedIds(state) ?? []);
    list = list.filter((a) => ids.some((id) => sameId(id, a.orderId)));
    if (list.length > 1) return { replies: list.map((a) => aftersaleReply(ctx, a)), next: { topic: 'aftersale_progress' } };
  } else if (r.choice && 'among' in r.choice) {
    // "那另一个呢" of three: asked again among the other two (found in review: it answered the one picked).
    const among = r.choice.among;
    list = list.filter((a) => among.some((id) => sameId(id, a.orderId)));
  } else if (r.choice && 'otherThan' in r.choice) {
    const other = r.choice.otherThan;
    const sibling = otherRequests(ctx, ctx.aftersales, other);
    if (sibling) return sibling;
    list = list.filter((a) => !sameId(a.orderId, other));
    if (list.length === 0) return { replies: [{ text: noRequest(ctx) }] };
  } else if (chosen) {
    list = list.filter((a) => sameId(a.orderId, chosen));
    // "奶瓶的呢" after a refund: that order has none (the buyer named it; "no requests at all" would be untrue).
    if (list.length === 0) return { replies: [{ text: noRequest(ctx, ctx.aftersales.length ? chosen : undefined) }] };
  } else if (namedWithout(ctx, latest)) {
    return namedWithout(ctx, latest)!;
  } else if (ctx.orders && list.length > 1) {
    const withRequests = ctx.orders.filter((o) => latest.has(o.orderId));
    const described = describedBy(ctx, withRequests);
    const kinded = kindNamed(r.u.normalized, list);
    const focus = state.focusOrderId ? latest.get(state.focusOrderId) : undefined;
    if (described && described.length >= 1) list = list.filter((a) => described.some((o) => o.orderId === a.orderId));
    else if (focus && (!kinded || kinded.includes(focus))) list = [focus];
    else if (kinded) list = kinded;
  } else if (state.focusOrderId && !r.choice && !describesAnother(ctx, state.focusOrderId)) {
    const f = latest.get(state.focusOrderId);
    if (!f) return focusWithout(ctx, state.focusOrderId, list);
    list = [f];
  }
  if (list.length === 0) return { replies: [{ text: noRequest(ctx) }] };
  if (list.length > 1) {
    // "the refund for the missing cable": the request whose reason the message repeats, when nothing else named one.
    const named = requestNamed(ctx.input.text, ctx.aftersales.filter((a) => list.some((l) => l.orderId === a.orderId)));
    if (named) return oneRequest(ctx, named);
    const orders = list.map((a) => ctx.orders?.find((o) => o.orderId === a.orderId)).filter((o): o is Order => o !== undefined);
    if (orders.length === list.length) return offerChoice(ctx, 'aftersale_progress', orders);
  }
  return withSiblings(ctx, list[0]!);
}

/** Of several requests, the one whose reason the message repeats, else the one whose amount it names. */
function requestNamed(text: string, requests: readonly Aftersale[]): Aftersale | undefined {
  const byReason = bestByReason(text, requests);
  if (byReason.length === 1) return byReason[0];
  const sums = amountsIn(text);
  const byAmount = requests.filter((a) => a.amount !== undefined && sums.some((n) => Math.abs(n - Number(a.amount)) < 0.005));
  return byAmount.length === 1 ? byAmount[0] : undefined;
}

// "1,299.00" is 1299; a bare "12.5" only when no unit, hour or date follows ("12.30申请", "2.5kg").
const GROUPED = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?`;
const AMOUNT = String.raw`${GROUPED}|\d{1,6}(?:\.\d{1,2})?`;
const MONEY = new RegExp(String.raw`(?:[$¥￥£€]|(?<![a-z])(?:rm|s\$|hk\$|nt\$|usd|cny|rmb)\s?)\s?(${AMOUNT})(?![\d,])|(?<![\d.\-/:,])(${AMOUNT})\s?(?:元|块|圆|刀|(?<![a-z])(?:dollars?|bucks|yuan|rmb|sgd|usd)(?![a-z]))|(?<![\d.\-/:,a-z$¥￥£€])(${GROUPED}|\d{1,6}\.\d{1,2})(?![\d.,%])(?!\s?(?:[a-z]|斤|公斤|克|米|升|点|号|日|月|分|申请|提交|左右))`, 'gi');
/**
 * Sums of money a message names ("那个45.9的退款", "that $55 refund", "退 128 块那个"): with a currency
 * sign or word, or with cents; not order numbers, dates or counts (found from outside: a request
 * named by its amount among three was asked "which order?").
 */
function amountsIn(text: string): number[] {
  return [...text.matchAll(MONEY)].map((m) => Number((m[1] ?? m[2] ?? m[3])!.replace(/,/g, '')));
}

/**
 * "那退款呢" right after talking about an order with no request: say it has none. "我是问我的换货申请
 * 进度", "what about the refund from last month": the buyer's own requests, after that (found from
 * outside: "PT240801 has no request" while another order's was refunded).
 */
function focusWithout(ctx: Ctx, focusId: string, list: Aftersale[]): Outcome {
  const n = ctx.r.u.normalized;
  const none: Reply = { text: noRequest(ctx, focusId) };
  if (list.length === 0 || THIS_ORDER.test(n)) return { replies: [none] };
  const others = otherOrdersRequests(ctx, kindNamed(n, list) ?? list);
  // An unpaid order can have no request: "duit balik bila? refund tu" after it is about another (found from outside: a stray "has no request").
  const unpaid = ctx.orders?.find((o) => sameId(o.orderId, focusId))?.status === 'pending_payment';
  return MY_REQUEST.test(n) || unpaid ? others : { ...others, replies: [none, ...others.replies] };
}

/** "这单", "this order": the order just talked about, and no other. */
const THIS_ORDER = /这单|这个订单|这一单|该订单|(?<![a-z])(?:this order|that order|this one)(?![a-z])/;

/** The buyer's requests on other orders than the one in focus: one told, several asked which. */
function otherOrdersRequests(ctx: Ctx, list: Aftersale[]): Outcome {
  if (list.length === 1) return withSiblings(ctx, list[0]!);
  const orders = list.map((a) => ctx.orders?.find((o) => o.orderId === a.orderId)).filter((o): o is Order => o !== undefined);
  return orders.length > 1 ? offerChoice(ctx, 'aftersale_progress', orders) : withSiblings(ctx, list[0]!);
}

/**
 * The goods named are of one order with no request ("防晒那单我取消了 钱退了吗" beside a refunded
 * face-mask order): that order, not another's request (found from outside: the mask's refund, three
 * times). A cancelled one is told its money goes back.
 */
// "was i refunded for it tho?" too (a Dublin shop, forty-fifth session: "no return or refund request" of an order cancelled and refunded).
const MONEY_WORD = /钱|款|(?<![a-z])(?:refund(?:ed|s)?|money|paid back)(?![a-z])/;
const RETURN_TALK = /退货|寄回|驳回|拒绝|运费|(?<![a-z])(?:return\w*|sent back|reject\w*|shipping)(?![a-z])/;
/** Days after a cancel in which "钱退给我了吗" is about it. */
const RECENT_CANCEL_DAYS = 30;
function namedWithout(ctx: Ctx, latest: Map<string, Aftersale>): Outcome | undefined {
  if (!ctx.orders?.length) return undefined;
  // "我取消了 钱退了吗" naming no goods: the one cancelled order with no request (found in review: "no request").
  // So is "钱退给我了吗" from a buyer with no request at all and one cancelled order (found from outside: "no request").
  // Only a recent cancel, nothing returned or refused said, no order in focus (found in review: every refund question went to a five-month-old cancel).
  const n = ctx.r.u.normalized;
  const plainMoney = latest.size === 0 && !ctx.state.focusOrderId && MONEY_WORD.test(n) && !RETURN_TALK.test(n);
  const recent = (o: Order) => !plainMoney || CANCELLED_MONEY.test(n) || elapsed(ctx, o.updatedAt, DAY_MS) <= RECENT_CANCEL_DAYS;
  const cancelled = CANCELLED_MONEY.test(n) || plainMoney ? ctx.orders.filter((o) => o.status === 'cancelled' && !latest.has(o.orderId) && recent(o)) : undefined;
  // "钱退了没" right after a cancelled order was told: that order's money, whatever other requests the buyer has (found from outside, two shops).
  const focus = ctx.orders.find((o) => o.orderId === ctx.state.focusOrderId && o.status === 'cancelled' && !latest.has(o.orderId));
  // Not when the buyer names another order's goods ("茶几那单的退款呢": found in review).
  const described = describedBy(ctx, ctx.orders);
  const namesOther = (described ?? []).some((o) => o.orderId !== focus?.orderId);
  const inFocus = focus && MONEY_WORD.test(n) && !RETURN_TALK.test(n) && !namesOther ? [focus] : undefined;
  // One order only: goods named pick nothing out of it (describedBy narrows none), and it is the one meant.
  const named = inFocus ?? (kindsOfGoods(ctx.input.text).size > 0 ? (described ?? (ctx.orders.length === 1 ? cancelled : undefined)) : cancelled);
  const o = named?.length === 1 ? named[0]! : undefined;
  if (!o || latest.has(o.orderId)) return undefined;
  const text = o.status === 'cancelled' ? ctx.t.cancel.cancelled(o.orderId, o.cancelReason) : noRequest(ctx, o.orderId);
  return { replies: [reply(text, orderCard(o))], next: { focusOrderId: o.orderId, topic: 'aftersale_progress' } };
}

/** A request told with the order's other requests; listed together, a late or refused one still offers its person. */
function withSiblings(ctx: Ctx, a: Aftersale): Outcome {
  const siblings = requestsOfOrder(ctx, a);
  if (siblings.length === 1) return oneRequest(ctx, siblings[0]!);
  const person = siblings.some((x) => x.status === 'rejected' || x.status === 'closed' || overdueDays(ctx, x) !== undefined);
  return { replies: siblings.map((x) => aftersaleReply(ctx, x)), next: { focusOrderId: a.orderId, topic: 'aftersale_progress', ...(person ? { offeredHuman: true } : {}) } };
}

function oneRequest(ctx: Ctx, a: Aftersale): Outcome {
  const { t, r, state } = ctx;
  if (r.withdraw && (!r.fromExchange || a.type === 'exchange')) return withdrawal(ctx, a);
  const late = overdueDays(ctx, a) !== undefined;
  // Asked again, or told it is late ("已经4天了还没到", "可是我没收到钱"): the same text again helps nobody (found from outside).
  const open = !late && a.status !== 'rejected' && a.status !== 'closed';
  const insists = open && (((state.topic === 'aftersale_progress' || /\d+\s*(?:天|days?)/.test(r.u.normalized)) && (SAYS_LATE.test(r.u.normalized) || (state.topic === 'aftersale_progress' && (HURRY.test(r.u.normalized) || slowOfRequest(r.u.normalized) || NOT_IN_ACCOUNT.test(r.u.normalized))))) || LATE_ASKED.test(r.u.normalized));
  // On time by the shop's own word: the day it is due, not an apology for a wait (found from outside: "is it late or what").
  const due = insists ? dueBy(ctx, a) : undefined;
  const person = a.status === 'rejected' || a.status === 'closed' || late || insists;
  // Asked on about the request just told ("那钱什么时候到账", "which card does it go back to"): the answer without its card again
  // (found from outside: the same card three times in a row).
  const told = aftersaleReply(ctx, a);
  const shown = state.topic === 'aftersale_progress' && state.focusRequest === a.aftersaleId ? { text: told.text } : told;
  return {
    replies: insists ? [shown, { text: due ? t.aftersaleDue(due) : t.aftersaleChase }] : [shown],
    next: { focusOrderId: a.orderId, focusRequest: a.aftersaleId, topic: 'aftersale_progress', ...(person ? { offeredHuman: true } : {}) },
  };
}

/** "那另一个申请呢" after one of an order's requests: its other ones first (found from outside: another order's was told). */
function otherRequests(ctx: Ctx, all: readonly Aftersale[], orderId: string): Outcome | undefined {
  const told = ctx.state.focusRequest;
  const rest = told && ANOTHER_REQUEST.test(ctx.r.u.normalized) && !NAMES_ORDER.test(ctx.r.u.normalized) ? all.filter((a) => sameId(a.orderId, orderId) && a.aftersaleId !== told) : [];
  if (rest.length === 1) return oneRequest(ctx, rest[0]!);
  return rest.length > 1 ? { replies: rest.map((a) => aftersaleReply(ctx, a)), next: { focusOrderId: orderId, topic: 'aftersale_progress' } } : undefined;
}

/** The requests a withdrawal may be of: an exchange given up for the money, only an exchange (a return or a refund already asks for the money); undefined: none. */
function toWithdraw(r: Resolved, all: readonly Aftersale[]): readonly Aftersale[] | undefined {
  if (!r.fromExchange) return all;
  const exchanges = all.filter((a) => a.type === 'exchange');
  return exchanges.length ? exchanges : undefined;
}

/** "撤销退款申请", "cancel it": the one request meant (an open one first), else how any is withdrawn. */
function withdrawAnswer(ctx: Ctx, all: readonly Aftersale[]): Outcome {
  if (all.length === 0) return { replies: [{ text: ctx.r.toExchange ? ctx.t.exchangeHow : noRequest(ctx) }] };
  // Goods named of an order with no request ("耳机不退了 换个新的吧" beside the T-shirt's return): that order has none (found in review).
  const named = !ctx.r.explicitOrderId && ctx.orders ? describedBy(ctx, ctx.orders) : undefined;
  if (named?.length === 1 && !all.some((a) => sameId(a.orderId, named[0]!.orderId))) return { replies: [{ text: noRequest(ctx, named[0]!.orderId) }], next: { focusOrderId: named[0]!.orderId } };
  const open = (l: readonly Aftersale[]) => l.filter((a) => a.status === 'requested' || a.status === 'approved' || a.status === 'returning');
  const focus = ctx.state.focusOrderId && !describesAnother(ctx, ctx.state.focusOrderId) ? ctx.state.focusOrderId : undefined;
  // "cancel it" right after one request was told: that one.
  const told = !ctx.r.explicitOrderId && CANCEL_IT.test(ctx.r.u.normalized) ? all.find((a) => a.aftersaleId === ctx.state.focusRequest) : undefined;
  if (told) return withdrawal(ctx, told);
  const id = ctx.r.explicitOrderId ?? focus;
  const ofOrder = id ? all.filter((a) => sameId(a.orderId, id)) : [];
  let list: readonly Aftersale[] = ofOrder.length ? ofOrder : open(all).length ? open(all) : all;
  if (!ofOrder.length && ctx.orders) {
    const described = describedBy(ctx, ctx.orders.filter((o) => list.some((a) => a.orderId === o.orderId)));
    if (described?.length) list = list.filter((a) => described.some((o) => o.orderId === a.orderId));
  }
  list = kindNamed(ctx.r.u.normalized, list) ?? list;
  if (list.length > 1 && open(list).length >= 1) list = open(list);
  if (list.length === 1) return withdrawal(ctx, list[0]!);
  return { replies: [{ text: ctx.t.withdrawHow }], next: { offeredHuman: true } };
}

/** The robot withdraws nothing: where the buyer can, or a person; a settled request needs nothing. */
function withdrawal(ctx: Ctx, a: Aftersale): Outcome {
  const settled = a.status === 'refunded' || a.status === 'rejected' || a.status === 'closed';
  const p = { type: AFTERSALE_TYPE[ctx.lang][a.type], orderId: a.orderId, status: AFTERSALE_STATUS[ctx.lang][a.status] };
  const kind = a.status === 'returning' ? 'returning' : a.status === 'refunded' ? 'refunded' : settled ? 'ended' : 'open';
  const text = ctx.r.toExchange ? ctx.t.toExchange({ ...p, kind, exchange: a.type === 'exchange' }) : ctx.t.withdrawRequest({ ...p, settled, shipped: a.status === 'returning' });
  return { replies: [{ text }], next: { focusOrderId: a.orderId, focusRequest: a.aftersaleId, topic: 'aftersale_progress', ...(settled ? {} : { offeredHuman: true }) } };
}

/** The buyer's own request asked after as such ("我的换货申请", "my exchange request"), not the order's. */
const MY_REQUEST = /我的(?:换货|退货|退款|售后)|(?:换货|退货|退款|售后)申请|(?<![a-z])my (?:exchange|return|refund)(?: request)?(?![a-z])/;

/** Words of a request's reason that the message repeats ("the refund for the missing cable"). */
function reasonWords(text: string, reason: string | undefined): number {
  if (!reason) return 0;
  const r = reason.normalize('NFKC').toLowerCase();
  const t = text.normalize('NFKC').toLowerCase();
  const words = r.match(/[a-z]{4,}/g) ?? [];
  const latin = (t.match(/[a-z]{4,}/g) ?? []).filter((w) => !REASON_STOP.has(w) && words.some((x) => x.startsWith(w)));
  const han = (t.match(/\p{Script=Han}{2,}/gu) ?? []).flatMap((run) => [...run].slice(0, -1).map((_, i) => run.slice(i, i + 2))).filter((b) => !TITLE_STOP.has(b) && !REASON_STOP_ZH.test(b) && r.includes(b));
  return new Set([...latin, ...han]).size;
}
const REASON_STOP = new Set(['refund', 'refunds', 'return', 'returned', 'exchange', 'request', 'what', 'about', 'where', 'when', 'with', 'that', 'this', 'from', 'have', 'status', 'money', 'order', 'item', 'items', 'thing', 'please', 'thanks', 'still', 'received', 'receive', 'back', 'yet', 'why', 'your', 'does', 'will', 'been', 'they', 'them', 'there']);
/** Han pairs of any after-sales question, not of a reason: 收到, 商品, 什么时候. */
const REASON_STOP_ZH = /退款|申请|售后|退货|换货|收到|商品|东西|时候|什么|怎么|为什|一下|进度|没有|还没|我的|你们|能不|可以|到账|多久/;

/**
 * An order with more than one request (a refund for a missing cable, another for the power bank):
 * the one the message names by its id, its reason, its kind or a refusal, else all of them, newest
 * first (found from outside: only the newest could ever be seen).
 */
function requestsOfOrder(ctx: Ctx, a: Aftersale): Aftersale[] {
  const all = (ctx.aftersales ?? []).filter((x) => x.orderId === a.orderId).sort(byNewest);
  if (all.length < 2) return [a];
  const text = ctx.input.text;
  const byId = namedIds(text, all.map((x) => x.aftersaleId));
  if (byId.length === 1) return all.filter((x) => x.aftersaleId === byId[0]);
  const byReason = bestByReason(text, all);
  if (byReason.length > 0) return byReason;
  return kindNamed(ctx.r.u.normalized, all) ?? all;
}

/** The requests whose reason the message repeats most, none when it repeats no reason. */
function bestByReason(text: string, requests: readonly Aftersale[]): Aftersale[] {
  const scores = requests.map((x) => reasonWords(text, x.reason));
  const best = Math.max(0, ...scores);
  return best > 0 ? requests.filter((_, i) => scores[i] === best) : [];
}

function listedPickedBy(ctx: Ctx, by: PickBy): string | undefined {
  const ids = listedIds(ctx.state) ?? [];
  return pickedBy(ctx.state, (ctx.orders ?? []).filter((o) => ids.some((id) => sameId(id, o.orderId))), by)?.orderId;
}

const KIND_WORDS: Readonly<Record<Aftersale['type'], RegExp>> = {
  exchange: /换货|换个|换一个|调换|exchang|swap/,
  return: /退货|寄回|退回去|\breturn/,
  refund: /退款|退钱|refund/,
};
const REFUSED = /拒|驳回|不通过|没通过|未通过|没批|不给退|不让退|reject|declin|denied|\bdeny|refus|turned down/;
const CLOSED = /关闭|关了|撤销|(?<![a-z])(?:(?:it|refund|request|return)(?: is| was|'s|s)? (?:closed|withdrawn)|why (?:is it |was it )?closed)(?![a-z])/;
const REVIEWED = /审核|审批|批下来|(?<![a-z])approv\w*(?![a-z])/;

/**
 * The requests of the kind the message names ("换货的呢", "why was my return rejected"), when that
 * narrows them: a refund asked about may be a return's (退货退款), a refusal is the rejected one.
 */
function kindNamed(text: string, list: readonly Aftersale[]): Aftersale[] | undefined {
  let out = [...list];
  const kinds = (Object.keys(KIND_WORDS) as Aftersale['type'][]).filter((k) => KIND_WORDS[k].test(text));
  const ofKind = kinds.length === 1 ? out.filter((a) => a.type === kinds[0] || (kinds[0] === 'refund' && a.type === 'return')) : [];
  if (ofKind.length > 0) out = ofKind;
  for (const [said, status] of [[REFUSED, 'rejected'], [CLOSED, 'closed']] as const) {
    const inState = said.test(text) ? out.filter((a) => a.status === status) : [];
    if (inState.length > 0) out = inState;
  }
  return out.length < list.length ? out : undefined;
}

/** The message describes orders, and the one under discussion is not among them ("AirPods的退款呢" after the yoga mat). */
function describesAnother(ctx: Ctx, focus: string): boolean {
  const d = ctx.orders && ctx.orders.length > 1 ? describedBy(ctx, ctx.orders) : undefined;
  return d !== undefined && d.length > 0 && !d.some((o) => o.orderId === focus);
}

/** The listed order placed last that has a request (for "最新的那个" on the after-sales topic). */
function newestListedWith(ctx: Ctx, latest: ReadonlyMap<string, Aftersale>): string | undefined {
  const ids = listedIds(ctx.state) ?? [];
  return newestOf((ctx.orders ?? []).filter((o) => latest.has(o.orderId) && ids.some((id) => sameId(id, o.orderId))))?.orderId;
}

/** The goods already sent back ("我已经寄回了", "I sent it back"), not asked how to ("怎么寄回"). */
// Collected by the courier too ("我今天已经让快递上门取走了": a Hangzhou shop, thirty-eighth session, told to book a pickup five times).
const SENT_BACK_DONE = /已经?寄回|寄回了|寄回去了|退回去了|寄过去了|寄出去了|寄走了|已寄出|(?:快递|小哥|师傅)[^，,。？?]{0,6}(?:取走了|收走了|拿走了)|上门取(?:走|件)了|(?<![a-z])(?:i (?:have |already |just )?(?:sent|shipped|mailed|posted) (?:[a-z0-9]+ ){0,3}back|dropped (?:it|them) off|(?:courier|driver|ups|fedex|usps) (?:already |just )?(?:picked|collected) (?:it|them) up)(?![a-z])/;
/** Asked whether to send it back ("退货是要我寄回去了吗", "是不是该寄过去了"): not sent yet. */
const SEND_BACK_ASKED = /吗|[?？]|是不是|要不要|该|需要|(?<![a-z])(?:should|do i|shall i)(?![a-z])/;
// Read sentence by sentence (a comma keeps a question with its clause: "所以现在是要我寄回去了，对吗？"): "换货的耳机你们收到了吗？我星期五用J&T寄回去了" asks whether it came and says it was sent (found from outside: "please send it back").
const saysSentBack = (n: string): boolean => n.split(/(?<=[?？。.!！;；])/).some((c) => SENT_BACK_DONE.test(c) && !SEND_BACK_ASKED.test(c));
const REPLACEMENT_ASKED = new RegExp(`${REPLACEMENT.source}|${REPLACEMENT_ON_TOPIC.source}|新的[^，,。]{0,6}(?:什么时候|啥时候|几时|多久)|(?:什么时候|啥时候|几时)[^，,。]{0,6}(?:新的|换的)`);
/** When an exchange's new item goes out: the shop's own word on it when its confident entry says it, else the usual order of things. */
function replacementHint(ctx: Ctx): string {
  const hit = confidentFaq(ctx);
  const own = hit && /换/.test(foldTraditional(hit.entry.answer)) && /寄出|发出|寄给|发给|(?<![a-z])(?:send|ship)/i.test(foldTraditional(hit.entry.answer)) ? hit.entry.answer : undefined;
  return own ?? ctx.t.replacementHint;
}
function aftersaleReply(ctx: Ctx, a: Aftersale): Reply {
  const order = ctx.orders?.find((o) => o.orderId === a.orderId);
  // Said to be sent back already ("我已经寄回了", a return waybill given before): no "please send it back" again (found from outside).
  const sent = hintOf(a) === 'approved_goods' && (saysSentBack(ctx.r.u.normalized) || ctx.state.sentBack === a.aftersaleId);
  const hintKey = sent ? 'returning' : hintOf(a);
  // The new item of an exchange asked after ("换的M码啥时候能寄给我"): when it goes out, not how to send the old one back again
  // (a Hangzhou shop, thirty-eighth session: five times).
  const replacement = a.type === 'exchange' && (hintKey === 'approved_goods' || hintKey === 'returning') && REPLACEMENT_ASKED.test(ctx.r.u.normalized) ? replacementHint(ctx) : undefined;
  const late = overdueDays(ctx, a);
  const reason = shownReason(a);
  const text = ctx.t.aftersale({
    orderId: a.orderId,
    type: AFTERSALE_TYPE[ctx.lang][a.type],
    status: AFTERSALE_STATUS[ctx.lang][a.status],
    since: formatTime(a.updatedAt, ctx.lang, ctx.tz),
    ...(a.amount !== undefined ? { amount: formatMoney(a.amount, order?.currency ?? 'CNY') } : {}),
    // An exchange moves goods, not money; the reason of a refusal is what the buyer asks next. A refused or closed
    // request moves no money either: "amount to be confirmed on review" of a rejected return (found from outside).
    goods: a.type === 'exchange' || (a.amount === undefined && (a.status === 'rejected' || a.status === 'closed')),
    ...(reason ? { reason } : {}),
    hint: late !== undefined ? (a.status === 'refunded' ? ctx.t.refundedLate(late) : ctx.t.aftersaleLate(late)) : (replacement ?? shopRefundTime(ctx, a, hintKey) ?? shopReviewTime(ctx, hintKey) ?? shopReturnWay(ctx, hintKey) ?? (a.type !== 'exchange' && ASKS_MONEY.test(ctx.r.u.normalized) ? ctx.t.moneyHint[hintKey as keyof Texts['moneyHint']] : undefined) ?? ctx.t.aftersaleHint[hintKey]),
  });
  return reply(text, aftersaleCard(a, order?.currency));
}

/**
 * When or where the money goes: "是退到微信还是银行卡", "退款大概啥时候到", "when do I get my money back"
 * (found from outside: the status was told again, word for word).
 */
const ASKS_MONEY = /退到|到账|原路|退回(?:哪|到)|(?:钱|款).{0,6}(?:什么时候|多久|几天|几号|哪里|哪儿)|(?:微信|银行卡|支付宝)还是|(?<![a-z])(?:when|how long)(?![a-z]).{0,30}(?<![a-z])(?:money|refund|paid back|credited)(?![a-z])|(?<![a-z])(?:money|refund)(?![a-z]).{0,20}(?<![a-z])(?:when|how long|which card|back to)(?![a-z])|original payment|same card|back to my (?:card|account|wallet)|hit (?:my )?(?:card|account|bank)|(?<![a-z])(?:when|how long)(?![a-z]).{0,30}(?<![a-z])(?:get|have) (?:my |the |it |me )?(?:[£$€¥]\s?\d[\d.,]*|money|cash)? ?back(?![a-z])/;

/**
 * The shop's own word on when refunded money arrives, for a step where the built-in hint promises
 * it ("1-3 个工作日到账" beside the shop's "银行卡 3-7 个工作日": found from outside twice).
 */
function shopRefundTime(ctx: Ctx, a: Aftersale, hintKey: string): string | undefined {
  // Only where the money is what comes next: not on a refused request, nor before the goods are sent back (found in review).
  // Goods on their way back: the shop's word, not the built-in "1-3 business days after the warehouse receives it" (found from outside).
  if (a.type === 'exchange' || !(hintKey === 'approved_refund' || hintKey === 'refunded' || hintKey === 'returning')) return undefined;
  const shop = shopSays(ctx, 'refund_time') ?? noteInOther(ctx, 'refund_time');
  // On its way back, the warehouse's receipt comes first: said before the shop's word (found in review: "收到没" lost it).
  return shop && hintKey === 'returning' && !ASKS_MONEY.test(ctx.r.u.normalized) ? ctx.t.returningThen(shop) : shop;
}
/**
 * The shop's own word on how long a request waits for review, for a request not reviewed yet; the
 * built-in hint names no time, which the shop never said (found from outside twice: "商家会在 1-2 个
 * 工作日内审核" against a shop's same-day review).
 */
const shopReviewTime = (ctx: Ctx, hintKey: string): string | undefined => (hintKey === 'requested' || hintKey === 'requested_goods' ? (shopSays(ctx, 'review_time') ?? noteInOther(ctx, 'review_time')) : undefined);
/**
 * The shop's own way back for goods to return, where the built-in step says "send it to the address
 * on the request page" (found from outside: a shop whose courier picks returns up).
 */
const shopReturnWay = (ctx: Ctx, hintKey: string): string | undefined => (hintKey === 'approved_goods' || hintKey === 'requested_goods' ? (shopSays(ctx, 'return_ship') ?? wayInReturns(ctx) ?? noteInOther(ctx, 'return_ship')) : undefined);
/**
 * The way back as the shop's entry on returns says it, when no entry answers "how do I send it back"
 * ("…退货时我们联系物流上门取件。", "…print the prepaid Royal Mail label…"): its sentences on it (found from
 * outside, three shops: "send it to the address on the after-sales page" beside a pickup or a free label).
 */
const WAY_BACK = /上门取件|预约取件|寄回(?:到|至|[:：])|自己寄回|(?<![a-z])(?:pick ?ups?|pickup|(?:return|shipping|prepaid|postage[- ]paid) labels?|drop (?:it |them |the (?:parcel|package|item|box) )?(?:off|at)|(?:send|ship|post|mail) (?:it|them|the (?:item|items|goods|parcel|package)|your return) back)(?![a-z])/;
const ONLY_IF = /质量问题|如果|若是|假如|(?<![a-z])(?:if|faulty|defective|damaged|otherwise|unless|for (?:faulty|defective|damaged))(?![a-z])/;
function wayInReturns(ctx: Ctx): string | undefined {
  const entry = shopSays(ctx, 'returns');
  if (!entry || NO_RETURN_WAY.test(shopReading(entry))) return undefined;
  // Only a sentence that sends goods back, for every return: not "Sale Collection", nor "for faulty items we arrange a collection" (found in review).
  const way = (entry.match(SENTENCES) ?? [entry]).filter((x) => WAY_BACK.test(shopReading(x)) && !ONLY_IF.test(shopReading(x)));
  const said = way.join('').trim();
  // A clause after a ";" starts a sentence of its own here.
  return said ? said.charAt(0).toUpperCase() + said.slice(1) : undefined;
}
/** The most working days a text promises ("3-7 个工作日", "3-5 working days"); undefined when it names none. */
function workingDaysIn(text: string): number | undefined {
  const n = [...shopReading(text).matchAll(/(\d{1,2})\s*(?:个)?\s*(?:工作日|(?:business|working) days?)/gi)].map((m) => Number(m[1]));
  return n.length ? Math.max(...n) : undefined;
}
const hintOf = (a: Aftersale) =>
  a.status === 'approved' ? (a.type === 'refund' ? 'approved_refund' : 'approved_goods') : a.status === 'requested' && a.type !== 'refund' ? 'requested_goods' : a.status;

/**
 * Working days a step that waits on the shop usually takes, when the shop says none: a review 2 (the
 * reply names no time for it, the shop's entry does), the money 3 ("1-3 个工作日到账"). Not `returning`: the goods are in the post, and the promise starts when the warehouse
 * gets them, which no field tells (found in review).
 */
const PROMISED_WORKING_DAYS: Partial<Record<ReturnType<typeof hintOf>, number>> = { requested: 2, requested_goods: 2, approved_refund: 3 };

/**
 * Whole days a request has waited on the shop in its step, when more working days than its hint
 * promises have passed: approved on a Monday morning, "1-3 个工作日到账" is broken on Friday (found
 * from outside: five calendar days were waited for, so Friday still read "as usual"), and not yet
 * on the Wednesday after a Friday. Undefined when it is on time, or waits on the buyer.
 */
function overdueDays(ctx: Ctx, a: Aftersale): number | undefined {
  // The shop's own time for the money, when it says one, is the promise kept or broken.
  const hours = ownHours(ctx, a);
  // Late by whole days only: "1 天没有进展" after 6 hours was false (found in review).
  if (hours !== undefined) return elapsed(ctx, a.updatedAt, HOUR_MS) > hours ? atLeast(elapsed(ctx, a.updatedAt, DAY_MS), 1) : undefined;
  const own = ownDays(ctx, a);
  const promised = own?.n ?? PROMISED_WORKING_DAYS[hintOf(a)];
  const since = Date.parse(a.updatedAt);
  const now = (ctx.input.now ?? new Date()).getTime();
  if (promised === undefined || !Number.isFinite(since)) return undefined;
  const waited = own?.working === false ? calendarDaysBetween(since, now, ctx.tz) : workingDaysBetween(since, now, ctx.tz);
  if (waited <= promised) return undefined;
  return atLeast(elapsed(ctx, a.updatedAt, DAY_MS), 1);
}

/** "is it late or what", "是不是超时了": whether it is late, asked. */
const LATE_ASKED = /是不是(?:超时|晚了|慢了)|超时了吗|晚了吗|正常吗|(?<![a-z])(?:is (?:it|this|that|my refund) (?:late|overdue|normal)|overdue)(?![a-z])/;
/**
 * The days the shop's own entry gives a request's step (the money's time once approved, else its review's): working days, or
 * calendar days when it names only those ("支付宝、微信1-3天到账"); of the way of payment the buyer names, when the entry gives each
 * its own ("都两天半了 支付宝还没到" was given the bank card's 5 working days: a Shenzhen shop, thirty-eighth session). Undefined when none.
 */
/**
 * The hours the shop's own entry gives a request's review, when it gives hours and no days ("售后申请我们在24小时内审核": a Chengdu
 * shop, forty-fourth session, a request of 52 hours told the 24 hours and nothing of being late).
 */
const REVIEW_WORDS = /审核|审|處理|处理|(?<![a-z])(?:review\w*|process\w*|approv\w*|check\w*)(?![a-z])/i;
function ownHours(ctx: Ctx, a: Aftersale): number | undefined {
  const key = hintOf(a);
  if (key === 'approved_refund') return undefined;
  const entry = shopReviewTime(ctx, key) ?? '';
  // The clause on the review, not a reply time or a time to send back beside it ("2小时内回复，售后申请24小时内审核": found in review).
  const said = entry.split(/[，,；;。.]/).find((c) => REVIEW_WORDS.test(c)) ?? entry;
  if (workingDaysIn(said) !== undefined || calendarDaysIn(said) !== undefined) return undefined;
  const m = /(?<![\d.])(\d{1,3})\s*(?:个)?\s*(?:小时|小時|钟头|hours?|hrs?)(?![a-z])/i.exec(said);
  return m ? Number(m[1]) : undefined;
}
function ownDays(ctx: Ctx, a: Aftersale): { n: number; working: boolean } | undefined {
  const key = hintOf(a);
  // Once refunded, the shop's time for the money to show (its longest: "…up to 5 working days to show it") is the promise too (a UK
  // and an Australian shop, forty-fifth session: refunds 7 working days old read as on time).
  const money = key === 'approved_refund' || key === 'refunded' ? ofPaymentWay(ctx, shopRefundTime(ctx, a, key) ?? '') : undefined;
  const said = money === undefined ? (shopReviewTime(ctx, key) ?? '') : key === 'refunded' ? showingClauses(money) : money;
  const working = workingDaysIn(said);
  if (working !== undefined) return { n: working, working: true };
  const calendar = calendarDaysIn(said);
  return calendar === undefined ? undefined : { n: calendar, working: false };
}
/** The clauses of a refund entry on the money showing once sent ("your bank can then take up to 5 working days"), not its processing (found in review). */
const SHOWS = /到账|入账|显示|银行|原路|(?<![a-z])(?:bank|show|shows|appear|appears|credited|card|paypal|afterpay|klarna|account)(?![a-z])/i;
const showingClauses = (text: string): string => text.split(/(?<=[，,；;。.!！])|(?=\s(?:and (?:then )?(?:your |the )?(?:bank|card|money)|then (?:your |the )(?:bank|card)))|(?=然后|之后再|银行)/i).filter((c) => SHOWS.test(shopReading(c))).join('');
/** The day a request is due by the shop's own time for its step, when the shop names one. */
function dueBy(ctx: Ctx, a: Aftersale): string | undefined {
  const own = ownDays(ctx, a);
  const since = Date.parse(a.updatedAt);
  if (own === undefined || !Number.isFinite(since)) return undefined;
  const end = own.working ? endOfWorkingDay(since, own.n, ctx.tz) : endOfCalendarDay(since, own.n, ctx.tz);
  return formatDay(new Date(end - HOUR_MS).toISOString(), ctx.lang, ctx.tz);
}
/** Ways of paying a shop's refund entry may give their own times. */
const PAYMENT_WAYS: readonly RegExp[] = [/支付宝|(?<![a-z])alipay(?![a-z])/i, /微信|(?<![a-z])(?:wechat|weixin)(?![a-z])/i, /银行卡|信用卡|借记卡|储蓄卡|(?<![a-z])(?:bank|cards?|credit card|debit card|visa|mastercard)(?![a-z])/i, /(?<![a-z])paypal(?![a-z])/i];
/** The clauses of the shop's text on the way of paying the buyer names, when it names one the text gives; else all of it. */
function ofPaymentWay(ctx: Ctx, said: string): string {
  const named = PAYMENT_WAYS.filter((re) => re.test(ctx.input.text));
  if (named.length !== 1) return said;
  const clauses = said.split(/(?<=[，,；;。.])/).filter((c) => named[0]!.test(c));
  return clauses.length ? clauses.join('') : said;
}
/** Calendar days a text gives ("1-3天到账", "within 5 days"), the longest. */
function calendarDaysIn(text: string): number | undefined {
  const n = [...shopReading(text).matchAll(/(?:\d{1,2}\s*(?:-|~|～|到|至)\s*)?(\d{1,2})\s*(?:个)?\s*(?:天|(?:calendar )?days?)(?![a-z])/gi)].map((m) => Number(m[1]));
  return n.length ? Math.max(...n) : undefined;
}
/** Whole local days from `from` to `to`. */
function calendarDaysBetween(from: number, to: number, tzMinutes: number): number {
  const day = (t: number) => Math.floor((t + tzMinutes * 60_000) / DAY_MS);
  return day(to) - day(from);
}
/** The end of the `n`th local day after `from`. */
function endOfCalendarDay(from: number, n: number, tzMinutes: number): number {
  const local = new Date(from + tzMinutes * 60_000);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) + (n + 1) * DAY_MS - tzMinutes * 60_000;
}

/** Whole working days (Monday to Friday, local time; holidays not known) from `from` to `to`. */
function workingDaysBetween(from: number, to: number, tzMinutes: number): number {
  let n = 0;
  // Each whole day after `from` counts when it ends on a weekday; bounded, for a request years old.
  for (let t = from + DAY_MS, i = 0; t <= to && i < 60; t += DAY_MS, i++) {
    if (isWeekday(t + tzMinutes * 60_000)) n++;
  }
  return n;
}
/** Monday to Friday, of a time already shifted to local time (holidays not known). */
function isWeekday(localMs: number): boolean {
  const day = new Date(localMs).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Requests still waiting on the shop or the buyer; a refunded, rejected or closed one is history. */
const UNDERWAY: ReadonlySet<AftersaleStatus> = new Set<AftersaleStatus>(['requested', 'approved', 'returning']);

/**
 * The buyer's one return, exchange or refund under way that this message can be about: the order
 * it names or describes, else the only one. Undefined when there is none, or several and nothing
 * tells them apart (the policy alone is answered then).
 */
function requestUnderway(ctx: Ctx): Aftersale | undefined {
  // Without the buyer's orders a request cannot be told apart from the order described, nor its currency shown.
  const orders = ctx.orders;
  if (!ctx.aftersales?.length || !orders) return undefined;
  const underway = [...latestRequests(ctx.aftersales).values()].filter((a) => UNDERWAY.has(a.status) && orders.some((o) => o.orderId === a.orderId));
  if (underway.length === 0) return undefined;
  const id = ctx.r.choice && 'orderId' in ctx.r.choice ? ctx.r.choice.orderId : ctx.r.explicitOrderId;
  if (id) return underway.find((a) => sameId(a.orderId, id));
  const named = namedIds(ctx.input.text, underway.map((a) => a.orderId));
  if (named.length === 1) return underway.find((a) => a.orderId === named[0]);
  const described = describedBy(ctx, orders);
  // Goods named that the request's order does not hold ("华为耳机坏了能修吗" beside a refund for
  // nuts) are another purchase, or one not made here: the policy alone (found from outside).
  const fits = (described ? underway.filter((a) => described.some((o) => o.orderId === a.orderId)) : underway).filter((a) => !namesOtherGoods(ctx, orders.find((o) => o.orderId === a.orderId)!));
  return fits.length === 1 ? fits[0] : undefined;
}

/** The latest request per order. */
function latestRequests(all: readonly Aftersale[]): Map<string, Aftersale> {
  const latest = new Map<string, Aftersale>();
  for (const a of [...all].sort(byNewest)) if (!latest.has(a.orderId)) latest.set(a.orderId, a);
  return latest;
}
