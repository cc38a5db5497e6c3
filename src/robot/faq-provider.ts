/**
 * FAQ search per shop, as the robot sees it: `search(shopId, text)`. `FaqIndexProvider` keeps one
 * FaqIndex per shop, built from entries that the knowledge module pushes (`setEntries`) or that it
 * loads lazily through `load`. Concurrent first searches share one load; a failed load is not
 * cached.
 *
 * With `versionOf` (the knowledge module's change counter for a shop) the provider also notices
 * edits made through another process: at most every `recheckMs` it compares the shop's version
 * with the one its index was built from and reloads when they differ. Between checks a search may
 * answer from an index that is up to `recheckMs` old.
 *
 * With a `reranker` (embeddings.ts, when KEFU_EMBEDDINGS_URL is set) the index's top candidates are
 * re-ordered by semantic similarity before the band is decided; when it fails the lexical order
 * stands.
 */
import { readFileSync } from 'node:fs';
import type { EmbeddingReranker } from './embeddings.ts';
import { FaqIndex, type FaqEntry, type FaqHit, type FaqIndexOptions, type FaqLookup } from './faq-index.ts';
import { detectLanguage, scriptByCharacters } from './nlu/normalize.ts';
import type { Lang } from './types.ts';

export interface FaqProvider {
  /** The entry to answer with, or null (band `clarify` and `none` both give null). */
  search(shopId: string, text: string): Promise<FaqHit | null>;
  /** The band with its candidates: answer, clarify with the top two or three, or not an FAQ question. */
  /** `context`: the goods the conversation is about, whose words may meet an entry's without counting against one. */
  lookup?(shopId: string, text: string, topic?: TopicQuery, context?: string): Promise<FaqLookup>;
  /**
   * The entry that answers a question the robot asks of every shop ("付款后多久发货"), or null:
   * the same answer until the shop's FAQ changes, so it is kept with the index.
   */
  probe?(shopId: string, text: string): Promise<FaqHit | null>;
  /**
   * The language the shop's FAQ is written in, when two thirds of its questions (at least three) are
   * in one: the reply's language for a message that tells none ("👋", an order number), found from
   * outside: an English shop's buyer was greeted in Chinese.
   */
  language?(shopId: string): Promise<Lang | undefined>;
  /**
   * 'hant' when the shop writes its FAQ in traditional characters: the script for a buyer's first
   * message that tells none ("hi 我想check下order status", "好"), found from outside: a Hong Kong
   * shop's buyers were answered in simplified ones.
   */
  // 'hans' when it writes them in simplified ones: a buyer's Cantonese words then tell no script (a Guangzhou shop).
  script?(shopId: string): Promise<'hant' | 'hans' | undefined>;
  /**
   * The shop's own time zone (an IANA name), when it set one: kept with the index, since it is the
   * shop's knowledge too and changes as rarely (a setting saved bumps the same version).
   */
  timeZone?(shopId: string): Promise<string | undefined>;
  /** The same from memory, at once: null when the shop has none, undefined when not loaded yet. */
  timeZoneNow?(shopId: string): string | null | undefined;
  /** How many entries the shop's FAQ holds, from memory, at once; undefined when not loaded yet. */
  entriesNow?(shopId: string): number | undefined;
}

/** A question the robot already placed on a topic (a policy intent), and how it places a text. */
export interface TopicQuery {
  readonly topic: string;
  /** The topic of a text (the robot's intent for the entry's question), memoised per index. */
  readonly topicOf: (text: string) => string;
  /**
   * Topics a question is placed on the same way as `topic` (the other policy intents): an entry
   * on one of them contradicts the placing ("怎么申请" read as a returns question, and the invoice
   * entry's "电子发票怎么申请" covering it); for a question of a few words it is offered beside the
   * entries on the topic, not answered.
   */
  readonly rivals?: readonly string[];
}

/** Ranked candidates searched for an entry on the topic. */
const TOPIC_TOP_K = 10;
/** Entries on the topic offered at most. */
const TOPIC_OFFERED = 3;
/** Lexical candidates of any topic passed on with a topic's lookup (`FaqLookup.nearest`). */
const NEAREST = 3;
/**
 * Entries read for their topic when none of the ranked ones is on it (about 0.15 ms each, once per
 * index version, on the event loop: 300 is about 45 ms once; a larger shop's entries on the topic
 * are found by ranking).
 */
const TOPIC_SCAN_MAX = 300;

const NONE: FaqLookup = { band: 'none', hit: null, candidates: [] };
/** Candidates handed to the re-ranker. */
const RERANK_TOP_K = 5;

export interface FaqIndexProviderOptions extends FaqIndexOptions {
  /** Entries of a shop not set yet, or whose version changed. */
  readonly load?: (shopId: string) => Promise<readonly FaqEntry[]>;
  /** A number that changes whenever the shop's FAQ changes. */
  readonly versionOf?: (shopId: string) => Promise<number>;
  /** The shop's time zone setting, loaded with its entries (null: none set). */
  readonly loadTimeZone?: (shopId: string) => Promise<string | null>;
  /** How often the version is compared, in milliseconds; default 5000. */
  readonly recheckMs?: number;
  /** Milliseconds clock, for tests. */
  readonly now?: () => number;
  /** Optional semantic re-ranking of the lexical top candidates. */
  readonly reranker?: EmbeddingReranker;
}

interface Cached {
  readonly index: FaqIndex;
  /** Each entry's topic, by entry id, once a topic was first asked of this index. */
  topics?: Map<string, string>;
  /** The robot's own questions answered by this index (`probe`). */
  probes?: Map<string, FaqHit | null>;
  /** The FAQ's language (`language`), once asked; null when it has none. */
  lang?: Lang | null;
  /** The FAQ's script (`script`), once asked; null when its characters tell none. */
  script?: 'hant' | 'hans' | null;
  /** The shop's time zone setting; null or absent: none. */
  readonly timeZone?: string | null;
  /** Its zone could not be read: read again at the next check, whatever the version. */
  readonly zoneUnread?: true;
  /** The version the index was built from; undefined when set directly or without versionOf. */
  readonly version: number | undefined;
  checkedAt: number;
  /** Never re-ranked over the network (the warm-up's own entries: no call before any buyer has written). */
  readonly lexicalOnly?: true;
}

export class FaqIndexProvider implements FaqProvider {
  readonly #opts: FaqIndexProviderOptions;
  readonly #cache = new Map<string, Cached>();
  readonly #loading = new Map<string, Promise<Cached>>();
  readonly #now: () => number;

  constructor(opts: FaqIndexProviderOptions = {}) {
    this.#opts = opts;
    this.#now = opts.now ?? Date.now;
  }

  /** Replaces a shop's FAQ; throws KefuError BAD_REQUEST on invalid entries and keeps the old index. */
  setEntries(shopId: string, entries: readonly FaqEntry[], version?: number, opts: { lexicalOnly?: boolean; timeZone?: string } = {}): void {
    const extra = { ...(opts.lexicalOnly ? { lexicalOnly: true as const } : {}), ...(opts.timeZone ? { timeZone: opts.timeZone } : {}) };
    this.#cache.set(shopId, { index: new FaqIndex(entries, this.#opts), version, checkedAt: this.#now(), ...extra });
  }

  /** Forgets a shop's index; the next search loads it again. */
  invalidate(shopId: string): void {
    this.#cache.delete(shopId);
  }

  async search(shopId: string, text: string): Promise<FaqHit | null> {
    return (await this.lookup(shopId, text)).hit;
  }

  async lookup(shopId: string, text: string, topic?: TopicQuery, context?: string): Promise<FaqLookup> {
    const cached = await this.#index(shopId);
    if (!cached) return NONE;
    // The goods in focus are searched lexically: a re-ranker would rank the bare text, and call out again for every follow-up.
    // How many entries the shop has, with every answer: a hit the dialogue sets aside must not leave a shop with its own
    // FAQ the built-in policy text (a Sydney shop, thirty-seventh session: "within 7 days" beside its own 30-day entry).
    const found = { ...(await this.#lookupIn(cached.index, text, context, cached.lexicalOnly === true || context !== undefined)), entries: cached.index.size };
    if (!topic) return found;
    if (found.hit) {
      // The shop's own phrasing, typed as it is, is answered whatever the robot made of it.
      const t = found.hit.verbatim ? topic.topic : topicIn(cached, topic, found.hit.entry);
      return t !== topic.topic && topic.rivals?.includes(t) && saysLittle(text) && !coversAll(found.hit) ? { ...rivalOffered(cached, text, topic, found.hit), entries: cached.index.size } : found;
    }
    const ranked = cached.index.rank(text, TOPIC_TOP_K);
    const onTopic = onTopicIn(cached, text, topic, ranked);
    const nearest = ranked.slice(0, NEAREST);
    return { ...found, ...(onTopic.length ? { onTopic } : {}), ...(nearest.length ? { nearest } : {}), entries: cached.index.size };
  }

  async probe(shopId: string, text: string): Promise<FaqHit | null> {
    const cached = await this.#index(shopId);
    if (!cached) return null;
    const probes = (cached.probes ??= new Map());
    let hit = probes.get(text);
    if (hit === undefined) probes.set(text, (hit = probed(cached.index.lookup(text))));
    return hit;
  }

  async language(shopId: string): Promise<Lang | undefined> {
    const cached = await this.#index(shopId);
    if (!cached) return undefined;
    // `null` is the answer "none", kept: `??=` would take it for not asked yet and read the entries again every time.
    if (cached.lang === undefined) cached.lang = languageOf(cached.index.entries);
    return cached.lang ?? undefined;
  }

  async script(shopId: string): Promise<'hant' | 'hans' | undefined> {
    const cached = await this.#index(shopId);
    if (!cached) return undefined;
    if (cached.script === undefined) cached.script = scriptByCharacters(cached.index.entries.slice(0, LANGUAGE_SAMPLE).map((e) => `${e.question}${e.answer}`).join('')) ?? null;
    return cached.script ?? undefined;
  }

  /**
   * From memory when the shop's index is there, without waiting for the version check: a database
   * that fails or hangs must not take the shop's zone away (found in review: a New York shop was
   * answered in China time while the check failed). A change reaches it with the next reload.
   */
  entriesNow(shopId: string): number | undefined {
    return this.#cache.get(shopId)?.index.size;
  }

  timeZoneNow(shopId: string): string | null | undefined {
    const cached = this.#cache.get(shopId);
    return cached ? (cached.timeZone ?? null) : undefined;
  }

  async timeZone(shopId: string): Promise<string | undefined> {
    const known = this.timeZoneNow(shopId);
    if (known !== undefined) return known ?? undefined;
    return (await this.#index(shopId))?.timeZone ?? undefined;
  }

  async #lookupIn(index: FaqIndex, text: string, context?: string, lexicalOnly = false): Promise<FaqLookup> {
    const reranker = lexicalOnly ? undefined : this.#opts.reranker;
    if (!reranker) return index.lookup(text, context);
    const own = index.verbatim(text);
    if (own) return own;
    const ranked = index.rank(text, RERANK_TOP_K, context);
    // Nothing plausible lexically: not worth a network call.
    if (index.bandOf(ranked).band === 'none') return NONE;
    return index.bandOf(await reranker.rerank(text, ranked), text);
  }

  async #index(shopId: string): Promise<Cached | undefined> {
    const cached = this.#cache.get(shopId);
    const { load, versionOf } = this.#opts;
    if (cached) {
      if (!load || !versionOf || this.#now() - cached.checkedAt < (this.#opts.recheckMs ?? 5000)) return cached;
      cached.checkedAt = this.#now();
      const version = await versionOf(shopId);
      if (version === cached.version && !cached.zoneUnread) return cached;
      return this.#load(shopId, version);
    }
    if (!load) return undefined;
    return this.#load(shopId, versionOf ? await versionOf(shopId) : undefined);
  }

  #load(shopId: string, version: number | undefined): Promise<Cached> {
    const inFlight = this.#loading.get(shopId);
    if (inFlight) return inFlight;
    // A failed read of the zone keeps the zone already known: the entries alone are no reason to forget it.
    const known = this.#cache.get(shopId)?.timeZone ?? null;
    // None known: the entries still load, and the zone is read again at the next check (found in review: the whole FAQ failed).
    let unread = false;
    const zone = this.#opts.loadTimeZone ? this.#opts.loadTimeZone(shopId).catch(() => ((unread = known === null), known)) : Promise.resolve(null);
    const p = Promise.all([this.#opts.load!(shopId), zone])
      .then(([entries, timeZone]) => {
        const c: Cached = { index: new FaqIndex(entries, this.#opts), version, checkedAt: this.#now(), ...(timeZone ? { timeZone } : {}), ...(unread ? { zoneUnread: true as const } : {}) };
        this.#cache.set(shopId, c);
        return c;
      })
      .finally(() => this.#loading.delete(shopId));
    this.#loading.set(shopId, p);
    return p;
  }
}

/**
 * A question of a few words ("怎么申请", "how do i apply"): when the robot and the FAQ place it on
 * different policy topics, too little was said to pick one. Longer ones that do ("买贵了能退差价吗",
 * price protection, read as returns by one and as coupons by the other) are answered: on the FAQ
 * sets every such longer answer was the right entry.
 */
const FEW = 6;
/** An English word says about as much as one and a half Chinese characters: "how do i apply" is four words. */
const WORD_WEIGHT = 1.5;
function saysLittle(text: string): boolean {
  const t = text.normalize('NFKC').replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  const words = t.replace(/\p{Script=Han}/gu, ' ').split(/\s+/).filter(Boolean).length;
  const size = han + words * WORD_WEIGHT;
  return size > 0 && size <= FEW;
}

/**
 * The hit says all the query says (lexical coverage 1): "能退差价吗" is the price-protection entry's
 * own words, though the robot reads returns and the entry is a coupon topic (found in review).
 * "怎么申请" covers 0.6 of "电子发票怎么申请".
 */
const coversAll = (hit: FaqHit): boolean => (hit.lexical ?? 0) >= FULL_COVERAGE;
const FULL_COVERAGE = 0.95;

/** An entry's topic, read lazily and kept with the index: the NLU costs about 0.1 ms per question. */
function topicIn(cached: Cached, q: TopicQuery, e: FaqEntry): string {
  const topics = (cached.topics ??= new Map());
  let t = topics.get(e.id);
  if (t === undefined) topics.set(e.id, (t = topicOfEntry(q, e)));
  return t;
}

/**
 * An entry's topic: its question's, else (a question not placed at all) the first of its alternates on one of the rival topics
 * ("Do your prices include GST?" with "Can I get a tax invoice?" is on invoices: found from outside,
 * the built-in "I don't have how this shop issues invoices" was said beside it).
 */
function topicOfEntry(q: TopicQuery, e: FaqEntry): string {
  // Not returns, which entries on anything mention ("Gift cards" with "Can I return a gift card?": found in review).
  const placed = (t: string) => t !== 'return_policy' && (t === q.topic || (q.rivals?.includes(t) ?? false));
  const own = q.topicOf(e.question);
  // Only a question the robot cannot place: "电子产品保修多久？" is a question of its own, whatever its alternates share with returns.
  if (own !== 'unknown' || !e.alternates?.length) return own;
  for (const a of e.alternates.slice(0, ALTERNATES_READ)) {
    const t = q.topicOf(a);
    if (placed(t)) return t;
  }
  return own;
}
/** Alternates read for an entry's topic at most: bounded for an entry with hundreds. */
const ALTERNATES_READ = 8;

/** The hit on a rival topic, offered first beside the entries on the question's topic: the buyer says which. */
function rivalOffered(cached: Cached, text: string, q: TopicQuery, hit: FaqHit): FaqLookup {
  const offered = [hit, ...onTopicIn(cached, text, q).filter((h) => h.entry.id !== hit.entry.id)].slice(0, TOPIC_OFFERED);
  return { band: 'clarify', hit: null, candidates: offered, onTopic: offered };
}

/**
 * The shop's entries on the question's topic among the ranked candidates, best first (at most
 * three): the robot offers them rather than its built-in text. Only ranked ones, which share
 * words with the question: any entry on the topic could answer another question of it
 * ("定制商品可以退货吗" is not how returns work; found in review).
 */
function onTopicIn(cached: Cached, text: string, q: TopicQuery, all: readonly FaqHit[] = cached.index.rank(text, TOPIC_TOP_K)): FaqHit[] {
  const topicOf = (e: FaqEntry) => topicIn(cached, q, e);
  const ranked = all.filter((h) => topicOf(h.entry) === q.topic).slice(0, TOPIC_OFFERED);
  if (ranked.length) return ranked;
  // An entry on the topic that shares no word with the question ("牙刷用了半年坏了怎么办" and
  // "支持七天无理由退货吗？") is still the shop's policy: offered before the built-in text, which
  // could contradict it (found from outside). The scan is bounded, and its topics kept.
  const out: FaqHit[] = [];
  for (const entry of cached.index.entries.slice(0, TOPIC_SCAN_MAX)) {
    if (topicOf(entry) !== q.topic) continue;
    out.push({ entry, score: 0, confidence: 0, lexical: 0 });
    if (out.length === TOPIC_OFFERED) break;
  }
  return out;
}

/**
 * A shop's FAQ to warm the FAQ path with at start (the evaluation's demo set, 40-odd entries in
 * Chinese and English): the robot's warm-up shop has no entries, and the first index a node built
 * for a real shop took about 150 ms of cold code (found measuring a fresh node's first FAQ answer).
 */
export function warmUpFaq(): FaqEntry[] {
  const set = JSON.parse(readFileSync(new URL('./eval/faq.demo.json', import.meta.url), 'utf8')) as { entries: FaqEntry[] };
  return set.entries;
}

/** Questions read for a FAQ's language at most: enough to tell it, bounded for a shop of thousands. */
const LANGUAGE_SAMPLE = 200;
function languageOf(entries: readonly FaqEntry[]): Lang | null {
  const sample = entries.slice(0, LANGUAGE_SAMPLE);
  if (sample.length < 3) return null;
  const en = sample.filter((e) => detectLanguage(e.question).lang === 'en').length;
  if (en * 3 >= sample.length * 2) return 'en';
  return (sample.length - en) * 3 >= sample.length * 2 ? 'zh' : null;
}

/** The robot's own question of a shop's FAQ for its people's hours, by the buyer's language. */
const HOURS_QUESTIONS: Readonly<Record<Lang, readonly string[]>> = { zh: ['客服几点上班', '客服在线时间'], en: ['what are your customer service hours', 'when are your agents online'] };
/** The entry speaks of people answering, not of a store's opening hours ("Our Camden store is open 10am-7pm": found in review). */
const PEOPLE = /客服|人工|真人|在线|(?<![a-z])(?:customer (?:service|care|support)|agents?|support team|staff|live chat|chat team|team)(?![a-z])/i;
/** At most this long is waited for the entry: a notice never waits on a slow store. */
export const SERVICE_HOURS_BUDGET_MS = 300;

/**
 * The shop's own word on when its people are there, for a buyer waiting while nobody is online
 * (found from outside, three shops: "no agent is online" never said when one would be, though each
 * shop had an entry on its hours). The entry answering the robot's own question, in the buyer's
 * language, else in the other; undefined when there is none, or it cannot be read within the budget.
 */
export function serviceHours(faq: FaqProvider, budgetMs = SERVICE_HOURS_BUDGET_MS): (shopId: string, lang: Lang) => Promise<string | undefined> {
  return async (shopId, lang) => {
    if (!faq.probe) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), budgetMs)));
    // In the buyer's language first; else the shop's only entry, in its own (a Xi'an shop's English buyers, fifty-first session, were told
    // nobody was online and never when: its hours were written in Chinese). The times read the same in either.
    const inLang = async (l: Lang): Promise<string | undefined> => {
      for (const q of HOURS_QUESTIONS[l]) {
        const hit = await faq.probe!(shopId, q).catch(() => null);
        const e = hit?.entry;
        if (e && detectLanguage(e.answer).lang === l && PEOPLE.test(`${e.question} ${(e.alternates ?? []).join(' ')} ${e.answer}`)) return e.answer;
      }
      return undefined;
    };
    const ask = async (): Promise<string | undefined> => (await inLang(lang)) ?? (await inLang(lang === 'zh' ? 'en' : 'zh'));
    try {
      return (await Promise.race([ask(), late])) ?? undefined;
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The robot's own question is the same few words every time, not a buyer's: an entry that stands
 * alone just under the answer band answers it ("退款多久到账" of a shop's "退款多久會收到？" at 0.92,
 * the next entry at 0.08: found from outside, the built-in 1-3 days said beside the shop's 7-14).
 */
// Both: a return-window entry took "how long does a refund take to arrive" at 0.88 on confidence alone (found in review).
const PROBE_MIN_CONFIDENCE = 0.9;
const PROBE_MIN_LEXICAL = 0.75;
function probed(found: FaqLookup): FaqHit | null {
  if (found.hit) return found.hit;
  const [top, second] = found.candidates;
  return found.band === 'clarify' && top && !second && top.confidence >= PROBE_MIN_CONFIDENCE && (top.lexical ?? 0) >= PROBE_MIN_LEXICAL ? top : null;
}
