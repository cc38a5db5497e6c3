/**
 * One shop's FAQ, searchable by paraphrase. Every question and alternate phrasing becomes a
 * document of terms: jieba words (English lightly stemmed, synonyms folded, stop words dropped)
 * plus Chinese character bigrams, which keep a match alive when segmentation or a typo splits a
 * word differently. minisearch ranks candidates with BM25; the confidence then asks the question
 * a buyer would: how much of what I asked does this FAQ cover, and how much of the FAQ's question
 * did I ask? Both weighted by how rare each term is in this shop's FAQ. Below the threshold the
 * index answers null and the robot says it is not sure rather than answer the wrong question.
 *
 * Build cost is linear in the entries (about 20 ms for 500 entries); rebuild on every change.
 */
import MiniSearch from 'minisearch';
import { KefuError } from '../protocol/errors.ts';
import { stem } from './nlu/bayes.ts';
import { detectLanguage, normalizeText, type Normalized } from './nlu/normalize.ts';
import { defaultTokenizer, type Tokenizer } from './nlu/tokenizer.ts';
import type { Lang } from './types.ts';

export interface FaqEntry {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly alternates?: readonly string[];
}

export interface FaqHit {
  readonly entry: FaqEntry;
  /** minisearch BM25 score of the best-matching phrasing. */
  readonly score: number;
  /** 0..1; hits below the index threshold are not returned. */
  readonly confidence: number;
}

export interface FaqIndexOptions {
  readonly tokenizer?: Tokenizer;
  /** Minimum confidence for a hit; default 0.5. */
  readonly threshold?: number;
}

export const DEFAULT_FAQ_THRESHOLD = 0.5;
export const MAX_FAQ_ENTRIES = 5000;
const MAX_FIELD = 2000;
const BIGRAM_WEIGHT = 0.5;
const QUESTION_WEIGHT = 0.6;
/** Query terms found only in an entry's answer count this much toward covering the query. */
const ANSWER_CREDIT = 0.5;
/**
 * A query matched only by an entry's answer ("可以用支付宝吗" against "支持支付宝、微信支付…")
 * gets at most this confidence, times how much of the query the answer covers: an answer is long
 * and says many things, so it is weaker evidence than a phrasing of the question.
 */
const ANSWER_ONLY_FACTOR = 0.6;
const Q_EXP = 0.5;
/** A phrasing in another language than the query is only a fallback. */
const OTHER_LANGUAGE_FACTOR = 0.75;

// Words that carry no topic: question words, pronouns, particles, politeness.
const STOP = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 么 是 在 有 我 你 您 他 她 它 我们 你们 咱 亲 这 那 这个 那个 哪个 什么 怎么 怎样 如何 请问 问 问一下 一下 想 想问 ' +
    '能 能不能 可以 可不可以 会 会不会 要 需要 吗 还 也 都 就 和 跟 与 或 或者 给 把 被 让 一个 个 些 多 几 请 麻烦 谢谢 好 下 啥 呀 哈 ' +
    '一般 通常 平时 一般来说 等 到 从 用 不 没 呢 咱们 家 店 你家 你们家 东西 这个 那个 一件 现在 ' +
    'a an the is are was were be been do does did can could would will should shall may might i me my you your we our us it its this that these ' +
    'what which who whom how when where why there here of to in on at for from by with about as and or if any some please hi hello thanks thank ' +
    'have has had get got am im dont not no yes just also so than then too very much many really usually normally ' +
    'item items product products thing stuff order ordered buy bought one'
  ).split(/\s+/),
);

/**
 * Spelling variants folded to one term, so "邮费" finds "运费" and "cost" finds "fee". Question
 * words fold to a question type (`?where`, `?when`, …): "哪里发货" and "多久发货" differ by it.
 */
const SYNONYMS = new Map<string, string>([
  ['哪里', '?where'], ['哪儿', '?where'], ['哪', '?where'], ['在哪', '?where'], ['where', '?where'],
  ['多久', '?when'], ['几天', '?when'], ['多长时间', '?when'], ['多长', '?when'], ['什么时候', '?when'], ['啥时候', '?when'],
  ['几时', '?when'], ['when', '?when'], ['long', '?when'], ['soon', '?when'], ['day', '?when'], ['days', '?when'],
  ['多少钱', '?cost'], ['多少', '?cost'], ['much', '?cost'],
  ['哪个', '?which'], ['哪家', '?which'], ['什么', '?which'], ['which', '?which'], ['what', '?which'],
  ['邮费', '运费'], ['快递费', '运费'], ['配送费', '运费'], ['免运费', '包邮'], ['免邮', '包邮'],
  ['尺寸', '尺码'], ['码数', '尺码'], ['码子', '尺码'], ['大小', '尺码'], ['号码', '尺码'],
  ['材质', '面料'], ['布料', '面料'], ['质地', '面料'], ['成分', '面料'],
  ['质保', '保修'], ['保固', '保修'], ['维修', '保修'], ['保修期', '保修'], ['码', '尺码'], ['几码', '尺码'], ['几年', '?when'],
  ['保真', '真货'], ['付完', '付款'], ['付完款', '付款'], ['send', 'ship'], ['sent', 'ship'], ['dispatch', 'ship'], ['dispatched', 'ship'],
  ['colour', 'color'], ['cheaper', 'discount'], ['sale', 'discount'], ['发', '发货'], ['发出', '发货'], ['寄出', '发货'], ['周六', '周末'], ['周日', '周末'], ['星期天', '周末'],
  ['xs', '尺码'], ['m', '尺码'], ['l', '尺码'], ['xl', '尺码'], ['xxl', '尺码'], ['fast', '?when'], ['quickly', '?when'],
  ['abroad', 'overseas'], ['international', 'overseas'], ['internationally', 'overseas'], ['sunday', 'weekend'],
  ['saturday', 'weekend'], ['weekends', 'weekend'],
  ['开票', '发票'], ['正品', '真货'], ['假货', '真货'], ['行货', '真货'],
  ['物流', '快递'], ['快递公司', '快递'],
  ['cost', 'fee'], ['charge', 'fee'], ['price', 'fee'], ['courier', 'carrier'], ['express', 'carrier'],
  ['sizing', 'size'], ['fit', 'size'], ['guarantee', 'warranty'], ['genuine', 'authentic'], ['real', 'authentic'], ['fake', 'authentic'],
  ['original', 'authentic'], ['legit', 'authentic'], ['payment', 'pay'], ['paid', 'pay'], ['shipping', 'ship'], ['deliver', 'ship'],
  ['delivery', 'ship'], ['post', 'ship'], ['mail', 'ship'], ['fabric', 'material'], ['made', 'material'],
]);

const FUNCTION_CHARS = new Set(Array.from('的了吗呢吧啊呀哦嘛么是在有我你您们这那个什怎样请问一下想能可以会要还也都就和跟给把被让些多少几好'));
const HAN = /\p{Script=Han}/u;
const LATIN = /^[a-z]+$/;

interface Doc {
  readonly entry: number;
  readonly terms: ReadonlyMap<string, number>;
  readonly lang: Lang;
  /** The entry's answer rather than a phrasing of its question. */
  readonly answer: boolean;
}

export class FaqIndex {
  readonly #entries: FaqEntry[];
  readonly #answerTerms: ReadonlySet<string>[] = [];
  /** Every term of every phrasing of an entry. */
  readonly #entryTerms: ReadonlySet<string>[] = [];
  readonly #docs: Doc[] = [];
  readonly #search: MiniSearch<{ id: number; terms: string }>;
  readonly #df = new Map<string, number>();
  readonly #tokenizer: Tokenizer;
  readonly #threshold: number;

  constructor(entries: readonly FaqEntry[], opts: FaqIndexOptions = {}) {
    this.#tokenizer = opts.tokenizer ?? defaultTokenizer();
    this.#threshold = opts.threshold ?? DEFAULT_FAQ_THRESHOLD;
    if (!Array.isArray(entries)) throw new KefuError('BAD_REQUEST', 'faq entries must be an array');
    if (entries.length > MAX_FAQ_ENTRIES) throw new KefuError('BAD_REQUEST', `at most ${MAX_FAQ_ENTRIES} faq entries per shop`);
    const ids = new Set<string>();
    this.#entries = entries.map((e, i) => validEntry(e, i, ids));
    this.#search = new MiniSearch({
      fields: ['terms'],
      idField: 'id',
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t || null,
      searchOptions: { combineWith: 'OR', boostTerm: (t) => (t.startsWith('#') ? BIGRAM_WEIGHT : 1) },
    });
    const perEntry = new Map<number, Set<string>>();
    const docs: { id: number; terms: string }[] = [];
    const cache = phrasingCache(this.#tokenizer);
    this.#entries.forEach((e, ei) => {
      const seen = new Set<string>();
      const texts = [e.question, ...(e.alternates ?? []), e.answer];
      texts.forEach((text, k) => {
        let p = cache.get(text);
        if (!p) {
          const n = normalizeText(text);
          const terms = this.#termsOf(n);
          p = { terms, joined: [...terms.keys()].join(' '), lang: detectLanguage(n.display).lang };
          if (cache.size >= PHRASING_CACHE_MAX) cache.clear();
          cache.set(text, p);
        }
        const answer = k === texts.length - 1;
        if (answer) this.#answerTerms.push(new Set(p.terms.keys()));
        if (p.terms.size === 0) return;
        if (!answer) for (const t of p.terms.keys()) seen.add(t);
        docs.push({ id: this.#docs.length, terms: p.joined });
        this.#docs.push({ entry: ei, terms: p.terms, lang: p.lang, answer });
      });
      perEntry.set(ei, seen);
      this.#entryTerms.push(seen);
    });
    for (const terms of perEntry.values()) for (const t of terms) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    this.#search.addAll(docs);
  }

  get size(): number {
    return this.#entries.length;
  }

  get entries(): readonly FaqEntry[] {
    return this.#entries;
  }

  /** The best entry for the text, or null when nothing is confidently about the same thing. */
  search(text: string): FaqHit | null {
    const best = this.rank(text, 1)[0];
    return best && best.confidence >= this.#threshold ? best : null;
  }

  /** The best `limit` entries with their confidence, threshold not applied (for tuning and evaluation). */
  rank(text: string, limit = 5): FaqHit[] {
    if (typeof text !== 'string' || this.#docs.length === 0) return [];
    const n = normalizeText(text.slice(0, MAX_FIELD));
    const q = this.#termsOf(n);
    if (q.size === 0) return [];
    const qLang = detectLanguage(n.display).lang;
    const results = this.#search.search([...q.keys()].join(' '));
    const byEntry = new Map<number, FaqHit & { fromAnswer: boolean }>();
    for (const r of results.slice(0, 40)) {
      const doc = this.#docs[r.id as number]!;
      let confidence = doc.answer
        ? ANSWER_ONLY_FACTOR * this.#coverage(q, doc.terms)
        : this.#confidence(q, doc.terms, this.#entryTerms[doc.entry]!, this.#answerTerms[doc.entry]!);
      if (doc.lang !== qLang) confidence *= OTHER_LANGUAGE_FACTOR;
      const prev = byEntry.get(doc.entry);
      if (!prev || confidence > prev.confidence || (confidence === prev.confidence && r.score > prev.score)) {
        byEntry.set(doc.entry, { entry: this.#entries[doc.entry]!, score: round(r.score), confidence: round(confidence), fromAnswer: doc.answer });
      }
    }
    // On equal confidence a match on the question's phrasing beats one found only in an answer.
    return [...byEntry.values()]
      .sort((a, b) => b.confidence - a.confidence || Number(a.fromAnswer) - Number(b.fromAnswer) || b.score - a.score)
      .slice(0, limit)
      .map(({ entry, score, confidence }) => ({ entry, score, confidence }));
  }

  /** How much of the query (by term rarity) the terms cover. */
  #coverage(q: ReadonlyMap<string, number>, terms: ReadonlyMap<string, number>): number {
    let all = 0;
    let hit = 0;
    for (const [t, w] of q) {
      const x = w * this.#idf(t);
      all += x;
      if (terms.has(t)) hit += x;
    }
    return all === 0 ? 0 : hit / all;
  }

  #idf(term: string): number {
    return Math.log(1 + this.#entries.length / (this.#df.get(term) ?? 0.5));
  }

  /**
   * Query coverage (by any phrasing of the entry, by its answer at half credit) combined with the
   * coverage of the best phrasing by the query, each weighted by term rarity.
   */
  #confidence(q: ReadonlyMap<string, number>, d: ReadonlyMap<string, number>, entry: ReadonlySet<string>, answer: ReadonlySet<string>): number {
    let qAll = 0;
    let qHit = 0;
    for (const [t, w] of q) {
      const x = w * this.#idf(t);
      qAll += x;
      if (entry.has(t)) qHit += x;
      else if (answer.has(t)) qHit += ANSWER_CREDIT * x;
    }
    let dAll = 0;
    let dHit = 0;
    for (const [t, w] of d) {
      const x = w * this.#idf(t);
      dAll += x;
      if (q.has(t)) dHit += x;
    }
    if (qAll === 0 || dAll === 0) return 0;
    return Math.pow(qHit / qAll, Q_EXP) * Math.pow(dHit / dAll, 1 - Q_EXP);
  }

  /** Term → weight (words 1, bigrams 0.5). */
  #termsOf(n: Omit<Normalized, 'scan'>): Map<string, number> {
    const out = new Map<string, number>();
    const tokens = this.#tokenizer.cut(n.text);
    const bigram = (a: string, b: string) => {
      if (!HAN.test(a) || !HAN.test(b) || (FUNCTION_CHARS.has(a) && FUNCTION_CHARS.has(b))) return;
      const g = `#${a}${b}`;
      if (!out.has(g)) out.set(g, BIGRAM_WEIGHT);
    };
    tokens.forEach((tok, i) => {
      const w = LATIN.test(tok) ? stem(tok) : tok;
      const syn = SYNONYMS.get(tok) ?? SYNONYMS.get(w);
      if (syn?.startsWith('?')) out.set(syn, QUESTION_WEIGHT);
      // Numbers ("160斤", "2 pieces") say nothing about which question it is.
      else if (/^\d+$/.test(tok)) return;
      else if (!STOP.has(tok) && !STOP.has(w)) out.set(syn ?? w, 1);
      // Bigrams inside longer words, and across single characters that segmentation may have split
      // off a word it did not know ("顺 丰" for a typo'd "顺风"); not across whole words, which is noise.
      const chars = Array.from(tok);
      if (chars.length >= 3) for (let k = 0; k + 1 < chars.length; k++) bigram(chars[k]!, chars[k + 1]!);
      const next = tokens[i + 1];
      if (next && chars.length === 1 && Array.from(next).length === 1) bigram(chars[0]!, next);
    });
    return out;
  }
}

interface Phrasing {
  readonly terms: ReadonlyMap<string, number>;
  readonly joined: string;
  readonly lang: Lang;
}

/**
 * Terms of phrasings already seen, per tokenizer generation: editing one FAQ entry and rebuilding
 * the shop's index re-tokenises only what changed. Bounded; cleared wholesale when full.
 */
const PHRASING_CACHE_MAX = 50_000;
const phrasingCaches = new WeakMap<Tokenizer, { generation: number; map: Map<string, Phrasing> }>();
function phrasingCache(tokenizer: Tokenizer): Map<string, Phrasing> {
  let c = phrasingCaches.get(tokenizer);
  if (!c || c.generation !== tokenizer.generation) phrasingCaches.set(tokenizer, (c = { generation: tokenizer.generation, map: new Map() }));
  return c.map;
}

function validEntry(e: FaqEntry, i: number, ids: Set<string>): FaqEntry {
  const bad = (msg: string) => new KefuError('BAD_REQUEST', `faq entries[${i}].${msg}`);
  if (!e || typeof e !== 'object') throw new KefuError('BAD_REQUEST', `faq entries[${i}] must be an object`);
  if (typeof e.id !== 'string' || !e.id) throw bad('id must be a non-empty string');
  if (ids.has(e.id)) throw bad(`id ${JSON.stringify(e.id)} is used twice`);
  ids.add(e.id);
  for (const f of ['question', 'answer'] as const) {
    if (typeof e[f] !== 'string' || !e[f].trim()) throw bad(`${f} must be a non-empty string`);
    if (e[f].length > MAX_FIELD) throw bad(`${f} is longer than ${MAX_FIELD} characters`);
  }
  if (e.alternates !== undefined) {
    if (!Array.isArray(e.alternates)) throw bad('alternates must be an array of strings');
    e.alternates.forEach((a, k) => {
      if (typeof a !== 'string' || a.length > MAX_FIELD) throw bad(`alternates[${k}] must be a string of at most ${MAX_FIELD} characters`);
    });
  }
  return { id: e.id, question: e.question, answer: e.answer, ...(e.alternates ? { alternates: [...e.alternates] } : {}) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
