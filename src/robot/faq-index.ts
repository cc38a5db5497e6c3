/**
 * One shop's FAQ, searchable by paraphrase. Every question, alternate phrasing and answer becomes
 * weighted terms (src/robot/lexicon/terms.ts): concepts of the e-commerce synonym lexicon
 * (邮费 = 运费 = postage), words, and Chinese character bigrams. The confidence then asks the
 * question a buyer would: how much of what I asked does this entry cover (its phrasings fully, its
 * answer at half credit), and how much of the entry's best phrasing did I ask? Both weighted by
 * how rare each term is in this shop's FAQ; a word no entry uses still counts against the query,
 * at a discount, so "do you sell laptops" covers nothing and a question buried in a long message
 * is still found. A BM25-style score breaks ties.
 *
 * Three bands (`lookup`): `answer` (confident, and clearly ahead of the runner-up), `clarify`
 * (plausible: offer the top two or three), `none` (not an FAQ question). The thresholds were
 * chosen on the VALIDATION split of src/robot/eval/ (docs/robot-evaluation.md).
 *
 * Build cost is linear in the entries (a few ms for 500 entries); rebuild on every change.
 */
import { KefuError } from '../protocol/errors.ts';
import { defaultLexicon, type Lexicon } from './lexicon/index.ts';
import { termsOf, TypoIndex, type TermContext } from './lexicon/terms.ts';
import { detectLanguage } from './nlu/normalize.ts';
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
  /** BM25-style score of the entry (ties and re-ranking). */
  readonly score: number;
  /** 0..1; `search` returns only hits in the answer band. */
  readonly confidence: number;
}

export type FaqBand = 'answer' | 'clarify' | 'none';

/** What the index makes of a question: answer it, ask which of a few entries was meant, or not an FAQ. */
export interface FaqLookup {
  readonly band: FaqBand;
  /** The entry to answer with (band `answer`), else null. */
  readonly hit: FaqHit | null;
  /** Band `answer`: the hit; `clarify`: the two or three plausible entries, best first; `none`: empty. */
  readonly candidates: readonly FaqHit[];
}

export interface FaqIndexOptions {
  readonly tokenizer?: Tokenizer;
  /** Synonym lexicon; default the shipped zh + en files. */
  readonly lexicon?: Lexicon;
  /** Minimum confidence to answer; default DEFAULT_FAQ_THRESHOLD. */
  readonly threshold?: number;
  /** Minimum confidence to offer an entry when clarifying; default DEFAULT_CLARIFY_THRESHOLD (capped at `threshold`). */
  readonly clarifyThreshold?: number;
}

/** Chosen on the VALIDATION split by src/robot/eval/faq-tune.ts (docs/robot-evaluation.md). */
export const DEFAULT_FAQ_THRESHOLD = 0.48;
export const DEFAULT_CLARIFY_THRESHOLD = 0.31;
/** When the runner-up is confident too, an answer must lead it by this much, or the robot asks which one was meant. */
export const ANSWER_MARGIN = 0.05;
export const MAX_FAQ_ENTRIES = 5000;
const MAX_FIELD = 2000;
const MAX_CANDIDATES = 3;
/** Query terms found only in an entry's answer count this much toward covering the query. */
const ANSWER_CREDIT = 0.7;
/** An entry matched through its answer alone is this far covered from its own side. */
const ANSWER_ONLY_COVER = 0.25;
/** A query word that no entry uses weighs this share of the rarest known word. */
const UNKNOWN_WORD_FACTOR = 1;
const Q_EXP = 0.6;
const D_EXP = 0.9;
/** A phrasing in another language than the query is only a fallback. */
const OTHER_LANGUAGE_FACTOR = 0.6;
const SECOND_PHRASING_CREDIT = 0.2;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

interface Phrasing {
  readonly terms: ReadonlyMap<string, number>;
  readonly lang: Lang;
  mass: number;
}

interface Indexed {
  readonly entry: FaqEntry;
  readonly phrasings: Phrasing[];
  readonly phrasingTerms: Set<string>;
  readonly answerTerms: Set<string>;
}

export class FaqIndex {
  readonly #entries: FaqEntry[];
  readonly #indexed: Indexed[] = [];
  readonly #postings = new Map<string, number[]>();
  readonly #df = new Map<string, number>();
  readonly #ctx: TermContext;
  readonly #threshold: number;
  readonly #clarify: number;
  #maxIdf = 1;
  #avgLen = 1;

  constructor(entries: readonly FaqEntry[], opts: FaqIndexOptions = {}) {
    const tokenizer = opts.tokenizer ?? defaultTokenizer();
    const lexicon = opts.lexicon ?? defaultLexicon();
    this.#threshold = opts.threshold ?? DEFAULT_FAQ_THRESHOLD;
    this.#clarify = Math.min(opts.clarifyThreshold ?? DEFAULT_CLARIFY_THRESHOLD, this.#threshold);
    if (!Array.isArray(entries)) throw new KefuError('BAD_REQUEST', 'faq entries must be an array');
    if (entries.length > MAX_FAQ_ENTRIES) throw new KefuError('BAD_REQUEST', `at most ${MAX_FAQ_ENTRIES} faq entries per shop`);
    const ids = new Set<string>();
    this.#entries = entries.map((e, i) => validEntry(e, i, ids));
    const cache = phrasingCache(tokenizer, lexicon);
    const docCtx: TermContext = { tokenizer, lexicon };
    const words = new Set<string>();
    this.#entries.forEach((e, ei) => {
      const ix = this.#indexEntry(e, cache, docCtx);
      this.#indexed.push(ix);
      for (const t of new Set([...ix.phrasingTerms, ...ix.answerTerms])) {
        this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
        const list = this.#postings.get(t);
        if (list) list.push(ei);
        else this.#postings.set(t, [ei]);
        words.add(t);
      }
    });
    this.#finish();
    this.#ctx = { tokenizer, lexicon, vocabulary: [new TypoIndex(words), lexiconTypos(lexicon)] };
  }

  #indexEntry(e: FaqEntry, cache: Map<string, CachedPhrasing>, ctx: TermContext): Indexed {
    const phrasings: Phrasing[] = [];
    const phrasingTerms = new Set<string>();
    for (const text of [e.question, ...(e.alternates ?? [])]) {
      const p = cachedTerms(text, cache, ctx);
      if (p.terms.size === 0) continue;
      phrasings.push({ terms: p.terms, lang: p.lang, mass: 0 });
      for (const t of p.terms.keys()) phrasingTerms.add(t);
    }
    const answerTerms = new Set(cachedTerms(e.answer, cache, ctx).terms.keys());
    return { entry: e, phrasings, phrasingTerms, answerTerms };
  }

  #finish(): void {
    let lens = 0;
    let n = 0;
    for (const ix of this.#indexed) {
      for (const p of ix.phrasings) {
        p.mass = 0;
        for (const [t, w] of p.terms) p.mass += w * this.#idf(t);
        lens += p.terms.size;
        n++;
      }
    }
    this.#avgLen = n ? lens / n : 1;
    this.#maxIdf = Math.log(1 + this.#entries.length);
  }

  get size(): number {
    return this.#entries.length;
  }

  get entries(): readonly FaqEntry[] {
    return this.#entries;
  }

  /** The entry to answer with, or null when nothing is confidently and clearly about the same thing. */
  search(text: string): FaqHit | null {
    return this.lookup(text).hit;
  }

  /** Answer, clarify with the top two or three, or not an FAQ question. */
  lookup(text: string): FaqLookup {
    return this.bandOf(this.rank(text, MAX_CANDIDATES + 1));
  }

  /** The band of already ranked hits (best first), e.g. after re-ranking them. */
  bandOf(ranked: readonly FaqHit[]): FaqLookup {
    const [top, second] = ranked;
    if (!top || top.confidence < this.#clarify) return { band: 'none', hit: null, candidates: [] };
    const clear = !second || second.confidence < this.#threshold || top.confidence - second.confidence >= ANSWER_MARGIN;
    if (top.confidence >= this.#threshold && clear) return { band: 'answer', hit: top, candidates: [top] };
    const candidates = ranked.filter((h) => h.confidence >= this.#clarify).slice(0, MAX_CANDIDATES);
    return { band: 'clarify', hit: null, candidates };
  }

  /** The best `limit` entries with their confidence, thresholds not applied (for tuning and evaluation). */
  rank(text: string, limit = 5): FaqHit[] {
    if (typeof text !== 'string' || this.#indexed.length === 0) return [];
    const q = termsOf(text.slice(0, MAX_FIELD), this.#ctx);
    if (q.terms.size === 0) return [];
    const qLang = detectLanguage(q.display).lang;
    let qMass = 0;
    const candidates = new Set<number>();
    for (const [t, w] of q.terms) {
      qMass += w * this.#queryIdf(t);
      for (const ei of this.#postings.get(t) ?? []) candidates.add(ei);
    }
    const hits: FaqHit[] = [];
    for (const ei of candidates) {
      const h = this.#scoreEntry(this.#indexed[ei]!, q.terms, qMass, qLang);
      if (h) hits.push(h);
    }
    return hits.sort((a, b) => b.confidence - a.confidence || b.score - a.score).slice(0, limit);
  }

  #scoreEntry(ix: Indexed, q: ReadonlyMap<string, number>, qMass: number, qLang: Lang): FaqHit | null {
    let qHit = 0;
    for (const [t, w] of q) {
      if (ix.phrasingTerms.has(t)) qHit += w * this.#idf(t);
      else if (ix.answerTerms.has(t)) qHit += ANSWER_CREDIT * w * this.#idf(t);
    }
    if (qHit === 0 || qMass === 0) return null;
    let cover = 0;
    let second = 0;
    let lang: Lang | undefined;
    let len = this.#avgLen;
    for (const p of ix.phrasings) {
      let hit = 0;
      for (const [t, w] of p.terms) if (q.has(t)) hit += w * this.#idf(t);
      const c = p.mass ? hit / p.mass : 0;
      if (c > cover || lang === undefined) {
        second = cover;
        cover = c;
        lang = p.lang;
        len = p.terms.size;
      } else if (c > second) second = c;
    }
    // Two phrasings of an entry that both match are more evidence than one.
    cover = Math.min(1, cover + SECOND_PHRASING_CREDIT * second);
    let confidence = Math.pow(qHit / qMass, Q_EXP) * Math.pow(Math.max(cover, ANSWER_ONLY_COVER), D_EXP);
    if (lang !== undefined && lang !== qLang) confidence *= OTHER_LANGUAGE_FACTOR;
    const score = (qHit * (BM25_K1 + 1)) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * len) / this.#avgLen));
    return { entry: ix.entry, score: round(score), confidence: round(Math.min(1, confidence)) };
  }

  #idf(term: string): number {
    const df = this.#df.get(term);
    return df === undefined ? UNKNOWN_WORD_FACTOR * this.#maxIdf : Math.log(1 + this.#entries.length / df);
  }

  #queryIdf(term: string): number {
    return this.#idf(term);
  }
}

interface CachedPhrasing {
  readonly terms: ReadonlyMap<string, number>;
  readonly lang: Lang;
}

function cachedTerms(text: string, cache: Map<string, CachedPhrasing>, ctx: TermContext): CachedPhrasing {
  let p = cache.get(text);
  if (!p) {
    const r = termsOf(text, ctx);
    p = { terms: r.terms, lang: detectLanguage(r.display).lang };
    if (cache.size >= PHRASING_CACHE_MAX) cache.clear();
    cache.set(text, p);
  }
  return p;
}

/**
 * Terms of phrasings already seen, per lexicon and tokenizer generation: editing one FAQ entry and
 * rebuilding the shop's index re-tokenises only what changed. Bounded; cleared wholesale when full.
 */
const PHRASING_CACHE_MAX = 50_000;
const phrasingCaches = new WeakMap<Lexicon, WeakMap<Tokenizer, { generation: number; map: Map<string, CachedPhrasing> }>>();
function phrasingCache(tokenizer: Tokenizer, lexicon: Lexicon): Map<string, CachedPhrasing> {
  let byTokenizer = phrasingCaches.get(lexicon);
  if (!byTokenizer) phrasingCaches.set(lexicon, (byTokenizer = new WeakMap()));
  let c = byTokenizer.get(tokenizer);
  if (!c || c.generation !== tokenizer.generation) byTokenizer.set(tokenizer, (c = { generation: tokenizer.generation, map: new Map() }));
  return c.map;
}

const lexiconTypoIndexes = new WeakMap<Lexicon, TypoIndex>();
function lexiconTypos(lexicon: Lexicon): TypoIndex {
  let t = lexiconTypoIndexes.get(lexicon);
  if (!t) lexiconTypoIndexes.set(lexicon, (t = new TypoIndex(lexicon.latinVocabulary)));
  return t;
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
