/**
 * One shop's FAQ, searchable by paraphrase. Every question, alternate phrasing and answer becomes
 * weighted terms (src/robot/lexicon/terms.ts): concepts of the e-commerce synonym lexicon
 * (邮费 = 运费 = postage), words, and Chinese character bigrams. Candidates are ranked by a
 * lexical coverage score that asks the question a buyer would: how much of what I asked does this
 * entry cover (its phrasings fully, its answer at 0.7 credit), and how much of the entry's best
 * phrasing did I ask? Both weighted by how rare each term is in this shop's FAQ; a word no entry
 * uses counts against the query, so "do you sell laptops" covers nothing. A BM25-style score
 * breaks ties.
 *
 * The confidence of the first few candidates is then a probability (faq-confidence.ts): a logistic
 * regression, fitted on TRAIN, over features of the (query, candidate) pair (the clause of a long
 * message the entry covers best, the share of the entry covered, the lead over the runner-up, a
 * clashing kind of question, another language, alternates, the buyer pointing at their own order).
 * The candidates are re-ordered by it.
 *
 * Three bands (`lookup`): `answer` (confident, and clearly ahead of the runner-up), `clarify`
 * (plausible: offer the top two or three), `none` (not an FAQ question). The thresholds were
 * chosen on the VALIDATION split of src/robot/eval/ (docs/robot-evaluation.md).
 *
 * Build cost is linear in the entries (a few ms for 500 entries); rebuild on every change.
 */
import { KefuError } from '../protocol/errors.ts';
import { checkFaqModel, defaultFaqModel, faqProbability, type FaqConfidenceModel, type FaqFeatures } from './faq-confidence.ts';
import { addressesPerson, defaultLexicon, foldTraditional, isPersonalTopic, kindsOfGoods, mentionsOwnOrder, type Lexicon } from './lexicon/index.ts';
import { termsOf, TypoIndex, type TermContext } from './lexicon/terms.ts';
import { remembered } from './memo.ts';
import { defaultBrands } from './lexicon/brands.ts';
import { defaultContrasts } from './lexicon/contrasts.ts';
import { placesNamed } from './lexicon/countries.ts';
import { namesOrderId } from './nlu/entities.ts';
import { detectLanguage, foldedKey, withoutPleasantries } from './nlu/normalize.ts';
import { commonEnglish, MIN_CORRECTED_LENGTH, oneEdit } from './nlu/spelling.ts';
import { soundsAlike } from './nlu/homophones.ts';
import { defaultTokenizer, type Tokenizer } from './nlu/tokenizer.ts';
import type { Lang } from './types.ts';

export interface FaqEntry {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly alternates?: readonly string[];
}

/** An entry's own wordings of its question: the question and its alternates, as the shop typed them. */
export const phrasingsOf = (e: FaqEntry): string[] => [e.question, ...(e.alternates ?? [])];
/** An entry's phrasings as one text, lower-cased, in simplified characters: what a topic or a word is looked for in. */
export const ownWords = (e: FaqEntry): string => foldTraditional(phrasingsOf(e).join(' ').toLowerCase());

export interface FaqHit {
  readonly entry: FaqEntry;
  /** BM25-style score of the entry (ties and re-ranking). */
  readonly score: number;
  /** 0..1, the confidence model's probability that this entry answers the query; `search` returns only hits in the answer band. */
  readonly confidence: number;
  /** 0..1, the lexical coverage that ranked the entry (1: the query says all the entry's question says, and nothing else). */
  readonly lexical?: number;
  /** The query is one of the entry's phrasings as the shop typed it (`verbatim`). */
  readonly verbatim?: true;
  /** Only an entry in the other language answers, and clearly (`ACROSS_LANGUAGES`): said to the buyer as the shop's word in that language. */
  readonly acrossLanguages?: true;
}

export type FaqBand = 'answer' | 'clarify' | 'none';

/** What the index makes of a question: answer it, ask which of a few entries was meant, or not an FAQ. */
export interface FaqLookup {
  readonly band: FaqBand;
  /** The entry to answer with (band `answer`), else null. */
  readonly hit: FaqHit | null;
  /** Band `answer`: the hit; `clarify`: the two or three plausible entries, best first; `none`: empty. */
  readonly candidates: readonly FaqHit[];
  /**
   * Asked with a topic (a policy intent) and no entry to answer with: the shop's own entries on
   * that topic among the ranked candidates, best first, which the robot offers instead of its
   * built-in text.
   */
  readonly onTopic?: readonly FaqHit[];
  /** Asked with a topic and no entry to answer with: how many entries the shop's FAQ holds (a shop that wrote its own FAQ is told no built-in policy). */
  readonly entries?: number;
  /**
   * Asked with a topic and no entry to answer with: the first lexical candidates whatever their
   * topic. Goods in trouble pick among them the entry naming the same trouble ("大闸蟹死了三只" and
   * "活鲜到货死了怎么办？", an entry the topic of returns does not hold).
   */
  readonly nearest?: readonly FaqHit[];
}

export interface FaqIndexOptions {
  readonly tokenizer?: Tokenizer;
  /** Synonym lexicon; default the shipped zh + en files. */
  readonly lexicon?: Lexicon;
  /** Minimum confidence to answer; default DEFAULT_FAQ_THRESHOLD. */
  readonly threshold?: number;
  /** Minimum confidence to offer an entry when clarifying; default DEFAULT_CLARIFY_THRESHOLD (capped at `threshold`). */
  readonly clarifyThreshold?: number;
  /** Confidence model (faq-confidence.ts); default the shipped one; null: the lexical score is the confidence. */
  readonly model?: FaqConfidenceModel | null;
}

/** Chosen on the VALIDATION split by src/robot/eval/faq-tune.ts (docs/robot-evaluation.md). */
export const DEFAULT_FAQ_THRESHOLD = 0.93;
export const DEFAULT_CLARIFY_THRESHOLD = 0.57;
/**
 * When the runner-up is confident too, an answer must lead it by this much in lexical coverage, or
 * the robot asks which one was meant (two probabilities near 1 say little about which is meant).
 */
export const ANSWER_MARGIN = 0.05;
export const MAX_FAQ_ENTRIES = 5000;
const MAX_FIELD = 2000;
const MAX_CANDIDATES = 3;
/**
 * A question answered by an entry of the other language alone ("包安装吗" where the shop wrote
 * "Do you offer assembly?" and nothing in Chinese: found from outside, a Singapore shop): the
 * confidence model weighs another language down, trained where the shop had entries in both,
 * and such questions went to a person. Taken when the lexicon's concepts cover all the buyer
 * asked and the entry stands clear of the rest; on the evaluation's train and validation
 * queries against each shop's other-language half, 70 of 4,312 were taken, nearly all on the
 * same topic (postage, warranty, hours, gift wrap, instalments).
 */
const ACROSS_LANGUAGES = { lexical: 0.3, margin: 0.25, clauseCovered: 0.99 } as const;
const acrossLanguages = (f: FaqFeatures): boolean =>
  f.otherLanguage === 1 && f.lexical >= ACROSS_LANGUAGES.lexical && f.margin >= ACROSS_LANGUAGES.margin && f.clauseCovered >= ACROSS_LANGUAGES.clauseCovered && f.topicMissed === 0;
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
  /** Each term with its weight times its idf, which the index fixes: what `#match` adds up. */
  weighted: (readonly [string, number])[];
}

interface Indexed {
  readonly entry: FaqEntry;
  readonly phrasings: Phrasing[];
  readonly phrasingTerms: Set<string>;
  readonly answerTerms: Set<string>;
  /** The language the entry answers in. */
  readonly answerLang: Lang;
}

export class FaqIndex {
  readonly #entries: FaqEntry[];
  readonly #indexed: Indexed[] = [];
  /** A phrasing's text as typed (case, width, spaces and punctuation aside) → the entries written with it. */
  readonly #verbatim = new Map<string, Set<number>>();
  /** The English phrasings' words, by how many: for one of them typed with a slip in one word (`#misspelt`). */
  readonly #spelt = new Map<number, { readonly words: readonly string[]; readonly ei: number }[]>();
  /** The Chinese phrasings' verbatim keys, by length: for one typed with a character of the same sound (`#misspelt`). */
  readonly #sounded = new Map<number, { readonly chars: readonly string[]; readonly ei: number }[]>();
  /** An English phrasing's words but fillers, in order (`looseKey`) → its entries. */
  readonly #loose = new Map<string, Set<number>>();
  /** One clause of a phrasing that asks several things ("包邮吗" of "运费怎么算，包邮吗？"), as `#verbatim` keys it → its entries. */
  readonly #clauses = new Map<string, Set<number>>();
  /** `#askable`'s memory, per entry of this index. */
  readonly #askables = new Map<FaqEntry, { phrasing: string; chars: number }[]>();
  readonly #postings = new Map<string, number[]>();
  readonly #df = new Map<string, number>();
  readonly #ctx: TermContext;
  readonly #threshold: number;
  readonly #clarify: number;
  readonly #model: FaqConfidenceModel | null;
  /** Brands the shop's own texts name: a query keeps these and sets the others aside (lexicon/brands.ts). */
  readonly #brands = new Set<string>();
  #maxIdf = 1;
  #avgLen = 1;
  /** Terms of the last texts queried: one turn asks about a text, its clauses and its rest several times. */
  readonly #queried = new Map<string, QueryTerms>();

  constructor(entries: readonly FaqEntry[], opts: FaqIndexOptions = {}) {
    const tokenizer = opts.tokenizer ?? defaultTokenizer();
    const lexicon = opts.lexicon ?? defaultLexicon();
    this.#threshold = opts.threshold ?? DEFAULT_FAQ_THRESHOLD;
    this.#clarify = Math.min(opts.clarifyThreshold ?? DEFAULT_CLARIFY_THRESHOLD, this.#threshold);
    this.#model = opts.model === undefined ? defaultFaqModel() : opts.model && checkFaqModel(opts.model);
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
      for (const k of verbatimKeys(phrasingsOf(e))) this.#verbatim.set(k, (this.#verbatim.get(k) ?? new Set()).add(ei));
      for (const words of phrasingsOf(e).map(latinWords)) if (words) byLength(this.#spelt, words.length).push({ words, ei });
      for (const k of verbatimKeys(phrasingsOf(e))) if (HAN.test(k)) byLength(this.#sounded, [...k].length).push({ chars: [...k], ei });
      for (const p of phrasingsOf(e)) {
        const k = looseKey(p);
        if (k) this.#loose.set(k, (this.#loose.get(k) ?? new Set()).add(ei));
      }
      for (const k of clauseKeys(phrasingsOf(e))) this.#clauses.set(k, (this.#clauses.get(k) ?? new Set()).add(ei));
      for (const b of defaultBrands().namedIn(entryText(e))) this.#brands.add(b);
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
    for (const text of phrasingsOf(e)) {
      const p = cachedTerms(text, cache, ctx);
      if (p.terms.size === 0) continue;
      phrasings.push({ terms: p.terms, lang: p.lang, mass: 0, weighted: [] });
      for (const t of p.terms.keys()) phrasingTerms.add(t);
    }
    const answer = cachedTerms(e.answer, cache, ctx);
    return { entry: e, phrasings, phrasingTerms, answerTerms: new Set(answer.terms.keys()), answerLang: answer.lang };
  }

  #finish(): void {
    let lens = 0;
    let n = 0;
    for (const ix of this.#indexed) {
      for (const p of ix.phrasings) {
        p.mass = 0;
        p.weighted = [];
        for (const [t, w] of p.terms) {
          const wi = w * this.#idf(t);
          p.mass += wi;
          p.weighted.push([t, wi]);
        }
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
  lookup(text: string, context?: string): FaqLookup {
    const whole = this.verbatim(text) ?? this.#loosely(text) ?? this.#pleasantriesAside(text) ?? this.#misspelt(text);
    if (whole) return whole;
    const { ranked, band } = this.#banded(text, context);
    return band.band === 'answer' || context !== undefined ? band : (this.ownClause(text, ranked) ?? this.clauseAnswered(text, ranked) ?? this.afterRemark(text, ranked) ?? band);
  }

  /**
   * A remark or a no before the question ("nah ur alright, il wait. do you do trade ins btw?", "never mind its fine, ill just
   * wait for the postie. is the battery new in the pixels?": a Manchester shop, thirty-sixth session, "did you mean…?"): the
   * question after it, when it is answered by itself and the whole message's ranking has that entry first. Not after trouble
   * told, nor a remark on another topic.
   */
  afterRemark(text: string, ranked: readonly FaqHit[]): FaqLookup | undefined {
    const top = ranked[0];
    if (!top || typeof text !== 'string') return undefined;
    const sentences = text.slice(0, MAX_FIELD).split(SENTENCE_END).map((x) => x.trim()).filter(Boolean);
    let i = 0;
    while (i < sentences.length - 1 && !CLAUSE_ASKS.test(sentences[i]!) && !ASKS_BY_NOT.test(sentences[i]!)) i++;
    if (i === 0) return undefined;
    const lead = sentences.slice(0, i).join(' ');
    // A topic of the shop's named in the remark and not in the entry ("退货的事算了。包邮吗"); its other words ("wait for the postie") are the buyer's own.
    if (REPORTS_TROUBLE.test(lead) || namesOtherTopic(foldTraditional(lead.toLowerCase()), ownWords(top.entry))) return undefined;
    const rest = sentences.slice(i).join(' ');
    const alone = this.verbatim(rest) ?? this.#banded(rest).band;
    return alone.band === 'answer' && alone.hit!.entry.id === top.entry.id ? this.#answerWith(top) : undefined;
  }

  /**
   * One clause of the shop's own question typed by itself ("包邮吗" of "运费怎么算，包邮吗？"; found from outside:
   * "did you mean…?" of two entries that mention 包邮): that entry, when no other entry has the clause, the
   * ranking has it first, and the clause names a topic of its own ("怎么用？" of the coupon entry's
   * "优惠券怎么领？怎么用？" names none, and answered a question about other goods: found in review).
   */
  ownClause(text: string, ranked: readonly FaqHit[]): FaqLookup | undefined {
    const key = typeof text === 'string' ? verbatimKey(text) : '';
    const own = this.#clauses.get(key);
    const top = ranked[0];
    if (own?.size !== 1 || this.#verbatim.has(key) || !top || top.entry !== this.#entries[[...own][0]!]) return undefined;
    for (const [t, w] of this.#termsOf(text).terms) if (w >= 1 && t.startsWith('~') && !t.startsWith('~?')) return this.#answerWith(top);
    return undefined;
  }

  /** The ranking, and its band: a phrasing of the shop's typed inside the text, else the confidences'. */
  #banded(text: string, context?: string): { ranked: FaqHit[]; band: FaqLookup } {
    const ranked = this.rank(text, MAX_CANDIDATES + 1, context);
    return { ranked, band: this.phrasingInside(text, ranked) ?? this.bandOf(ranked, text) };
  }

  /**
   * One clause of a short message that an entry answers by itself, beside a remark that asks
   * nothing ("旧沙发能不能帮我拉走啊 放家里占地方", "前天收的床垫 味道好大 熏得头疼 是不是甲醛超标啊"):
   * that entry, when the whole message's ranking has it first too. The remark's words had pulled
   * the whole below the answer band (found from outside: "did you mean…?" or nothing, for a
   * question the shop's alternate asks almost word for word). Not when the remark asks a question
   * of its own, names a topic the entry does not, or goods of another kind; nor when two clauses
   * are answered (two questions).
   */
  clauseAnswered(text: string, ranked: readonly FaqHit[]): FaqLookup | undefined {
    const top = ranked[0];
    if (!top || typeof text !== 'string' || charsOf(text) > MAX_CLAUSED_CHARS) return undefined;
    const clauses = clausesOf(text);
    if (clauses.length < 2 || clauses.length > MAX_CLAUSES) return undefined;
    let answered: number | undefined;
    for (const [i, c] of clauses.entries()) {
      // A short English clause carries too little to stand for the message ("can u fix" beside "wrong addy on my ord").
      if (!(CLAUSE_ASKS.test(c) || ASKS_BY_NOT.test(c)) || (!HAN.test(c) && c.split(/\s+/).length < MIN_ENGLISH_CLAUSE_WORDS)) continue;
      const alone = this.verbatim(c) ?? this.#banded(c).band;
      if (alone.band !== 'answer') continue;
      if (answered !== undefined || alone.hit!.entry.id !== top.entry.id) return undefined;
      answered = i;
    }
    if (answered === undefined) return undefined;
    const rest = clauses.filter((_, k) => k !== answered).join(' ');
    // A second question ended by 不 is not dropped when another entry is nearer to it ("能开专票吗 包邮不": found in review).
    const asksOther = ASKS_BY_NOT.test(rest) && this.rank(rest, 1)[0]?.entry.id !== top.entry.id;
    if (CLAUSE_ASKS.test(rest) || asksOther || REPORTS_TROUBLE.test(rest) || !keepsTopic(rest, text, top.entry)) return undefined;
    return this.#answerWith(top);
  }


  /**
   * One of the shop's own question phrasings typed whole inside a longer message whose rest asks
   * nothing ("你好，请问可以货到付款吗？", "老板 那个卡地亚手镯能便宜点吗" with "能便宜点吗" stored): that
   * entry, when the ranking has it first. The confidence model
   * declined these as it declines a near miss (found from outside: the entry's own question with
   * a greeting before it was "did you mean …?").
   */
  phrasingInside(text: string, ranked: readonly FaqHit[]): FaqLookup | undefined {
    if (typeof text !== 'string') return undefined;
    const said = ` ${spaced(foldTraditional(text.slice(0, MAX_FIELD)))} `;
    // The first candidates in their order: "刹车片拿货价多少" holds "拿货价多少", an alternate of the second
    // (found from outside: the first, whose words the lexicon relates, was offered). The rest of the
    // message must not move the question to another entry ("退货要运费吗" holds "要运费吗": `movesTopic`).
    for (const [i, candidate] of ranked.slice(0, MAX_CANDIDATES).entries()) {
      const found = this.#insideOf(said, text, candidate, i > 0);
      if (found) return found;
    }
    return undefined;
  }

  /** `below`: a candidate the ranking put after another; then the rest may hold no Latin word either ("th要运费吗": th is 退货). */
  #insideOf(said: string, text: string, top: FaqHit, below: boolean): FaqLookup | undefined {
    let best: string | undefined;
    const saidChars = restCharsOf(said);
    for (const { phrasing, chars } of this.#askable(top.entry)) {
      // Too short to leave a rest of at most MAX_REST_CHARS: a long message is no phrasing with a greeting.
      if (saidChars - chars > MAX_REST_CHARS) continue;
      if (!said.includes(` ${phrasing} `) && !(HAN_ONLY.test(phrasing) && said.includes(phrasing))) continue;
      if (!best || phrasing.length > best.length) best = phrasing;
    }
    if (!best) return undefined;
    // An English phrasing ends its clause, but for up to three words ("where is your warehouse located", "…as well mate"): "do you price match your
    // own sale from last week" asks of another thing (found in a check).
    const phrasing = best;
    const ends = (c: string) => new RegExp(` ${phrasing}(?: \\S+){0,3}$`).test(` ${spaced(foldTraditional(c))}`);
    if (!HAN_ONLY.test(phrasing) && !clausesOf(text).some(ends)) return undefined;
    const rest = said.replace(best, ' ').trim();
    if (below && /[a-z]/i.test(rest)) return undefined;
    if (ASKS_ELSE.test(rest) || restCharsOf(rest) > MAX_REST_CHARS || !keepsTopic(rest, text, top.entry)) return undefined;
    return this.#answerWith(top);
  }

  /** An entry's phrasings that ask by themselves and are no other entry's, folded and spaced: made once per entry. */
  #askable(e: FaqEntry): readonly { phrasing: string; chars: number }[] {
    let a = this.#askables.get(e);
    if (!a) {
      a = [];
      for (const p of phrasingsOf(e)) {
        const phrasing = spaced(foldTraditional(p));
        if (asksByItself(phrasing) && this.#verbatim.get(verbatimKey(p))?.size === 1) a.push({ phrasing, chars: restCharsOf(phrasing) });
      }
      this.#askables.set(e, a);
    }
    return a;
  }

  /**
   * The shop's own words, typed as it wrote them for one entry: that entry, whatever another
   * entry's concepts cover too ("专票怎么开", an alternate, against "怎么开发票？": found in a test).
   */
  verbatim(text: string): FaqLookup | undefined {
    const own = typeof text === 'string' ? this.#verbatim.get(verbatimKey(text)) : undefined;
    if (own?.size !== 1) return undefined;
    const [ei] = own;
    const hit: FaqHit = { entry: this.#entries[ei!]!, score: 0, confidence: 1, lexical: 1, verbatim: true };
    return { band: 'answer', hit, candidates: [hit] };
  }

  /** One of the shop's phrasings typed with a hello, a lead-in or thanks ("你好 门店地址在哪", "中文背标 谢谢", "can i ask, …"). */
  #pleasantriesAside(text: string): FaqLookup | undefined {
    const rest = typeof text === 'string' ? withoutPleasantries(text) : text;
    return rest === text ? undefined : (this.verbatim(rest) ?? this.#loosely(rest));
  }

  /**
   * One of the shop's phrasings typed whole with a slip ("How do your jakcets fit?", "ship to Haawii", "付款后多久法货？": "did you
   * mean…?" the very question, found in the forty-seventh session): that entry, as if typed right. In English one word, five letters
   * or more, one edit away and no English word itself ("cast" for "cost" is another word); in Chinese one character of the same
   * sound, no function character, in a phrasing of four characters or more; either of one entry's phrasings alone.
   */
  #misspelt(text: string): FaqLookup | undefined {
    if (typeof text !== 'string') return undefined;
    const typed = latinWords(text.slice(0, MAX_FIELD));
    const found = new Set<number>();
    for (const { words, ei } of (typed && this.#spelt.get(typed.length)) || []) if (oneWordMistyped(typed!, words)) found.add(ei);
    // A Chinese phrasing with one character of the same sound ("付款后多久法货？", "客服几点上半"), four characters or more.
    const key = typed ? [] : [...verbatimKey(text)];
    if (key.length >= MIN_SOUNDED) for (const { chars, ei } of this.#sounded.get(key.length) ?? []) if (oneSoundAlike(key, chars)) found.add(ei);
    if (found.size !== 1) return undefined;
    const [ei] = found;
    const hit: FaqHit = { entry: this.#entries[ei!]!, score: 0, confidence: 1, lexical: 1, verbatim: true };
    return { band: 'answer', hit, candidates: [hit] };
  }

  /**
   * One of the shop's English phrasings with a filler more or less (`looseKey`): that entry, as sure as the answer band and no more
   * (not `verbatim`: the guards and the re-ranker that a phrasing typed whole skips still apply; found in review).
   */
  #loosely(text: string): FaqLookup | undefined {
    const own = typeof text === 'string' ? this.#loose.get(looseKey(text) ?? '') : undefined;
    if (own?.size !== 1) return undefined;
    const entry = this.#entries[[...own][0]!]!;
    // Its own ranking's lexical coverage where it has one: "hi, where is your warehouse?" covers the phrasing whole.
    const ranked = this.rank(text, MAX_CANDIDATES + 1).find((h) => h.entry === entry);
    return this.#answerWith(ranked ?? { entry, score: 0, confidence: this.#threshold, lexical: this.#threshold });
  }

  /**
   * The band of already ranked hits (best first), e.g. after re-ranking them. With the query's
   * text, an entry about a sibling of what the buyer named (dog food for "cat food",
   * lexicon/contrasts.json) is offered, never answered.
   */
  bandOf(ranked: readonly FaqHit[], text?: string): FaqLookup {
    const placed = text === undefined ? undefined : placeNamedBy(ranked, text, Math.min(this.#clarify, PLACE_FLOOR));
    if (placed) return this.#answerWith(placed);
    const [top, second] = ranked;
    const across = ranked.find((h) => h.acrossLanguages);
    const siblingOf = (h: FaqHit) => text !== undefined && defaultContrasts().conflict(foldTraditional(text), entryText(h.entry));
    if (!top || top.confidence < this.#clarify) return across && !siblingOf(across) ? this.#answerWith(across) : { band: 'none', hit: null, candidates: [] };
    const clear = !second || second.confidence < this.#threshold || lead(top, second) >= ANSWER_MARGIN;
    const sibling = siblingOf(top);
    const hours = text !== undefined && second !== undefined && hoursOfEither(text, top, second);
    if (top.confidence >= this.#threshold && clear && !sibling && !hours) return { band: 'answer', hit: top, candidates: [top] };
    if (hours) return { band: 'clarify', hit: null, candidates: [top, second!] };
    const candidates = ranked.filter((h) => h.confidence >= this.#clarify).slice(0, MAX_CANDIDATES);
    return { band: 'clarify', hit: null, candidates };
  }

  /** That hit as the answer, at least as confident as the answer band: a rule above the confidence model chose it. */
  #answerWith(h: FaqHit): FaqLookup {
    const hit: FaqHit = { ...h, confidence: Math.max(h.confidence, this.#threshold) };
    return { band: 'answer', hit, candidates: [hit] };
  }

  /** The best `limit` entries with their confidence, thresholds not applied (for tuning and evaluation). */
  rank(text: string, limit = 5, context?: string): FaqHit[] {
    const q = this.#query(text, context);
    if (!q) return [];
    const scored = this.#shortlist(q, limit).map(({ m, features }) => {
      const confidence = this.#model ? faqProbability(this.#model, features) : m.lexical;
      return { entry: m.ix.entry, score: round(m.score), confidence: round(confidence), lexical: round(m.lexical), ...(acrossLanguages(features) ? { acrossLanguages: true as const } : {}) };
    });
    return scored.sort((a, b) => b.confidence - a.confidence || b.lexical - a.lexical || b.score - a.score).slice(0, limit);
  }

  /** The lexical shortlist with the confidence model's features (for fitting the model: src/robot/eval/faq-fit.ts). */
  explain(text: string, limit = MAX_CANDIDATES + 1): { entry: FaqEntry; lexical: number; features: FaqFeatures }[] {
    const q = this.#query(text);
    return q ? this.#shortlist(q, limit).map(({ m, features }) => ({ entry: m.ix.entry, lexical: m.lexical, features })) : [];
  }

  #query(raw: string, context?: string): Query | undefined {
    if (typeof raw !== 'string' || this.#indexed.length === 0) return undefined;
    const text = defaultBrands().without(foldTraditional(raw.slice(0, MAX_FIELD)), this.#brands);
    const r = this.#termsOf(text);
    if (r.terms.size === 0) return undefined;
    // The goods the conversation is about: their words may meet an entry's, never count against one.
    const around = context ? [...this.#termsOf(context.slice(0, MAX_FIELD)).terms].filter(([t]) => !r.terms.has(t)) : [];
    const clauses = text
      .split(CLAUSE_BREAK)
      .filter((c) => c.trim())
      .slice(0, MAX_CLAUSES);
    const parts = clauses.length > 1 ? clauses.map((c) => this.#termsOf(c).terms).filter((t) => t.size > 0) : [r.terms];
    const weighted = [...r.terms].map(([t, w]) => [t, w, this.#idf(t)] as const);
    return {
      terms: r.terms,
      weighted,
      ...(around.length ? { context: new Map(around) } : {}),
      // As `#mass` adds it, from the idf just read.
      mass: weighted.reduce((m, [, w, idf]) => m + w * idf, 0),
      lang: detectLanguage(r.display).lang,
      mixed: MIXED_HAN.test(r.display) && MIXED_LATIN.test(r.display),
      clauses: parts.map((terms) => ({ terms, mass: this.#mass(terms) })),
      // A number of theirs is theirs: "has order SO-2024-4410 shipped" asks about that order, whatever entry it shares words with.
      ownOrder: mentionsOwnOrder(r.normalized) || namesOrderId(r.display),
      personal: asksTheAgent(r.normalized, r.terms, this.#ctx.lexicon),
    };
  }

  #termsOf(text: string): QueryTerms {
    return remembered(this.#queried, text, QUERIED_MAX, () => termsOf(text, this.#ctx));
  }

  #mass(terms: ReadonlyMap<string, number>): number {
    let mass = 0;
    for (const [t, w] of terms) mass += w * this.#idf(t);
    return mass;
  }

  /** The share of the query's clause the entry covers best, and the share of that clause's topics the entry does not name. */
  #bestClause(m: Match, q: Query): { covered: number; topicMissed: number } {
    let best = -1;
    let topicMissed = 0;
    for (const c of q.clauses) {
      let hit = 0;
      let topics = 0;
      let missed = 0;
      for (const [t, w] of c.terms) {
        const idf = this.#idf(t);
        const inPhrasing = m.ix.phrasingTerms.has(t);
        const inAnswer = !inPhrasing && m.ix.answerTerms.has(t);
        if (inPhrasing) hit += w * idf;
        else if (inAnswer) hit += ANSWER_CREDIT * w * idf;
        // A topic: a concept of full weight (question types, weak concepts and objects weigh less).
        if (t.startsWith('~') && w >= 1) {
          topics += idf;
          if (!inPhrasing && !inAnswer) missed += idf;
        }
      }
      const covered = c.mass ? hit / c.mass : 0;
      if (covered > best || (covered === best && topics && missed / topics < topicMissed)) [best, topicMissed] = [covered, topics ? missed / topics : 0];
    }
    return { covered: Math.max(0, best), topicMissed };
  }


  /** The best entries by lexical score (at least the clarify band's worth), with their features. */
  #shortlist(q: Query, limit: number): { m: Match; features: FaqFeatures }[] {
    const candidates = new Set<number>();
    for (const t of q.terms.keys()) for (const ei of this.#postings.get(t) ?? []) candidates.add(ei);
    const matches: Match[] = [];
    for (const ei of candidates) {
      const m = this.#match(this.#indexed[ei]!, q);
      if (m) matches.push(m);
    }
    matches.sort((a, b) => b.lexical - a.lexical || b.score - a.score);
    const top = matches.slice(0, Math.max(limit, MAX_CANDIDATES + 1));
    return top.map((m, i) => ({ m, features: this.#features(m, q, i === 0 ? (top[1]?.lexical ?? 0) : top[0]!.lexical) }));
  }

  #match(ix: Indexed, q: Query): Match | null {
    let qHit = 0;
    let answerHit = 0;
    for (const [t, w, idf] of q.weighted) {
      if (ix.phrasingTerms.has(t)) qHit += w * idf;
      else if (ix.answerTerms.has(t)) answerHit += ANSWER_CREDIT * w * idf;
    }
    qHit += answerHit;
    if (qHit === 0 || q.mass === 0) return null;
    // The goods in focus count only beside a word of the message's own that the entry asks about: "怎么办"
    // shares nothing but its question type with an entry on the goods (found in review).
    const ownHit = q.context !== undefined && [...q.terms.keys()].some((t) => !t.startsWith('~?') && !t.startsWith('^') && ix.phrasingTerms.has(t));
    if (ownHit) for (const [t, w] of q.context!) if (ix.phrasingTerms.has(t)) qHit += w * this.#idf(t);
    let cover = 0;
    let second = 0;
    let best: Phrasing | undefined;
    for (const p of ix.phrasings) {
      let hit = 0;
      for (const [t, wi] of p.weighted) if (q.terms.has(t) || (ownHit && q.context?.has(t))) hit += wi;
      const c = p.mass ? hit / p.mass : 0;
      // A tie goes to the phrasing in the buyer's language: the question in Chinese and its
      // English alternate cover "do you ship to Tibet" alike through the lexicon's concepts, and
      // the first of them made an exact English alternate count as another language (found from outside).
      const ownLanguage = c === cover && best !== undefined && best.lang !== q.lang && p.lang === q.lang;
      if (c > cover || best === undefined || ownLanguage) {
        second = cover;
        cover = c;
        best = p;
      } else if (c > second) second = c;
    }
    // Two phrasings of an entry that both match are more evidence than one.
    cover = Math.min(1, cover + SECOND_PHRASING_CREDIT * second);
    let lexical = Math.pow(Math.min(1, qHit / q.mass), Q_EXP) * Math.pow(Math.max(cover, ANSWER_ONLY_COVER), D_EXP);
    if (best && best.lang !== q.lang && ix.answerLang !== q.lang) lexical *= OTHER_LANGUAGE_FACTOR;
    const len = best?.terms.size ?? this.#avgLen;
    const score = (qHit * (BM25_K1 + 1)) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * len) / this.#avgLen));
    return { ix, lexical: Math.min(1, lexical), score, qHit, answerHit, cover, best };
  }

  #features(m: Match, q: Query, runnerUp: number): FaqFeatures {
    const entryTypes = new Set<string>();
    for (const t of m.best?.terms.keys() ?? []) if (t.startsWith('~?')) entryTypes.add(t);
    const queryTypes = new Set<string>();
    for (const t of q.terms.keys()) if (t.startsWith('~?')) queryTypes.add(t);
    const alternates = Math.min(1, (m.ix.phrasings.length - 1) / 4);
    const clause = this.#bestClause(m, q);
    return {
      lexical: m.lexical,
      clauseCovered: clause.covered,
      topicMissed: clause.topicMissed,
      entryCovered: m.cover,
      answerOnly: m.answerHit / m.qHit,
      questionTypeConflict: typesConflict(queryTypes, entryTypes) ? 1 : 0,
      otherLanguage: m.best && m.best.lang !== q.lang && m.ix.answerLang !== q.lang && !q.mixed ? 1 : 0,
      margin: m.lexical - runnerUp,
      alternates,
      lexicalWithAlternates: m.lexical * alternates,
      ownOrder: q.ownOrder ? 1 : 0,
      personal: q.personal ? 1 : 0,
    };
  }



  #idf(term: string): number {
    const df = this.#df.get(term);
    return df === undefined ? UNKNOWN_WORD_FACTOR * this.#maxIdf : Math.log(1 + this.#entries.length / df);
  }

}

const QUERIED_MAX = 32;
type QueryTerms = Readonly<{ terms: ReadonlyMap<string, number>; normalized: string; display: string }>;

const MIXED_HAN = /\p{Script=Han}{2}/u;
const MIXED_LATIN = /[a-z]{2,}[^a-z]+[a-z]{2,}/i;

interface Query {
  readonly terms: ReadonlyMap<string, number>;
  /** The terms with their weight and idf, in the order of `terms`. */
  readonly weighted: readonly (readonly [string, number, number])[];
  /** Terms of the goods in focus the message does not have: a hit when an entry has them, no mass when not. */
  readonly context?: ReadonlyMap<string, number>;
  readonly mass: number;
  readonly lang: Lang;
  /** Chinese and English words both ("can my kitten eat 成猫粮"): an entry in either language is in the buyer's. */
  readonly mixed: boolean;
  readonly ownOrder: boolean;
  /** Asks the agent about themselves ("what size are you"): a size, an age, a skin type that is not a product's. */
  readonly personal: boolean;
  /** A long message's sentences and clauses: one of them is usually the question. */
  readonly clauses: readonly { terms: ReadonlyMap<string, number>; mass: number }[];
}

/**
 * A query that addresses the agent as a person, names a topic that describes people as well as
 * goods and nothing of the shop's goods (lexicon/personal.json; the intent classifier asks the same).
 */
function asksTheAgent(normalized: string, terms: ReadonlyMap<string, number>, lexicon: Lexicon): boolean {
  let topic = false;
  for (const t of terms.keys()) {
    if (!t.startsWith('~')) continue;
    if (lexicon.isObject(t.slice(1))) return false;
    topic ||= isPersonalTopic(t.slice(1));
  }
  return topic && addressesPerson(normalized);
}

const CLAUSE_BREAK = /[,，。.!！?？;；、\n]+|\s(?:but|and|so)\s/i;
const MAX_CLAUSES = 6;

/** An entry's lexical match to a query. */
interface Match {
  readonly ix: Indexed;
  /** Coverage both ways, rarity-weighted: what ranks the candidates. */
  readonly lexical: number;
  /** BM25-style score (ties). */
  readonly score: number;
  /** Rarity-weighted query terms matched (answer-only ones at ANSWER_CREDIT), and the answer-only part of it. */
  readonly qHit: number;
  readonly answerHit: number;
  readonly cover: number;
  readonly best: Phrasing | undefined;
}

/**
 * "Yes or no" (`?can`) and "what" (`?which`: 什么, 啥 are in every kind of question) go with any
 * kind of question; when, where, how and how much do not go with each other.
 */
const GENERIC_TYPES = new Set(['~?can', '~?which']);
function typesConflict(query: ReadonlySet<string>, entry: ReadonlySet<string>): boolean {
  const a = [...query].filter((t) => !GENERIC_TYPES.has(t));
  const b = [...entry].filter((t) => !GENERIC_TYPES.has(t));
  return a.length > 0 && b.length > 0 && !a.some((t) => b.includes(t));
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
  if (!t) lexiconTypoIndexes.set(lexicon, (t = new TypoIndex(lexicon.latinVocabulary, { substitutions: false })));
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

/** How far `a` leads `b` in lexical coverage (in confidence for hits without it, e.g. re-ranked ones). */
const ENTRY_TEXT = new WeakMap<FaqEntry, string>();
/** An entry's question, alternates and answer as one folded text, made once per entry. */
/** Words of an entry on a place buyers visit, and of one on the people who answer the chat. */
const PLACE_WORDS = /门店|门市|实体店|线下店|(?<![a-z])(?:store|boutique|showroom|walk-?in)(?![a-z])/i;
const STAFF_WORDS = /客服|人工|(?<![a-z])(?:customer service|chat|support team|agents?)(?![a-z])/i;
const OPEN_WORDS = /营业|开门|关门|(?<![a-z])(?:open|opening|close|closing|closed)(?![a-z])/i;
/**
 * "are you open on sundays" with the shop's store hours and its chat hours ranked close: which of the two, not the chat's
 * "closed on Sundays" to a buyer who meant the store (found from outside, four shops, thirty-seventh session). A question
 * naming the store or the staff is ranked as it is.
 */
function hoursOfEither(text: string, a: FaqHit, b: FaqHit): boolean {
  const q = foldTraditional(text).toLowerCase();
  if (!OPEN_WORDS.test(q) || PLACE_WORDS.test(q) || STAFF_WORDS.test(q) || b.score < HOURS_CLOSE * a.score) return false;
  const place = (h: FaqHit) => PLACE_WORDS.test(phrasingsOf(h.entry).join(' ')) && !STAFF_WORDS.test(phrasingsOf(h.entry).join(' '));
  const staff = (h: FaqHit) => STAFF_WORDS.test(phrasingsOf(h.entry).join(' ')) && !PLACE_WORDS.test(phrasingsOf(h.entry).join(' '));
  return (place(a) && staff(b)) || (staff(a) && place(b));
}
/** How close the second entry's score must be for the two to be told apart by the buyer. */
const HOURS_CLOSE = 0.85;

/** How plausible an entry naming the place asked of must be: its naming it is evidence the confidence does not weigh. */
const PLACE_FLOOR = 0.4;
/** Several entries name it: how far ahead of the others the one taken must be. */
const PLACE_LEAD = 0.15;
/**
 * The buyer names a place (Germany) that the top entry, one about other places, nowhere names, and one other plausible entry
 * names it in its question or alternates ("do you deliver to Germany" of the EU entry): that one is meant, though the lexicon's
 * concept of shipping abroad covers the top one as well ("Do you ship to the US and outside Europe?" answered "Do you ship to
 * Germany?": a London shop, forty-first session). No entry naming it leaves the confidence's answer: "Do you ship
 * internationally? … other overseas addresses are not supported" answers "do you ship to canada" though it names Hong Kong
 * (asking instead lost the demo set's paraphrases: tried in review).
 */
function placeNamedBy(ranked: readonly FaqHit[], text: string, floor: number): FaqHit | undefined {
  const top = ranked[0];
  if (!top) return undefined;
  const query = foldTraditional(text.toLowerCase());
  // Most questions name no place: nothing more is read (the EU is only ever added to places named).
  if (placesNamed(query).size === 0) return undefined;
  // Only against an entry about other places: a place said in passing ("pause the subscription while in belfast") keeps the question's entry.
  const topNames = placesNamed(entryText(top.entry));
  if (topNames.size === 0) return undefined;
  // The country itself first, then the EU it is in ("do u ship to france" of the Ireland-and-EU entry).
  for (const parents of [false, true]) {
    const asked = placesNamed(query, parents);
    const names = (places: ReadonlySet<number>) => [...places].some((p) => asked.has(p));
    if (names(topNames)) return undefined;
    const naming = ranked.filter((h) => h.confidence >= floor && names(placesNamed(foldTraditional(phrasingsOf(h.entry).join('\n').toLowerCase()))));
    // Several name it ("UK, EU and US sizing" beside the EU's shipping entry): the one well ahead of the others.
    if (naming.length === 1 || (naming.length > 1 && naming[0]!.confidence - naming[1]!.confidence >= PLACE_LEAD)) return naming[0];
  }
  return undefined;
}

function entryText(e: FaqEntry): string {
  let t = ENTRY_TEXT.get(e);
  if (t === undefined) ENTRY_TEXT.set(e, (t = foldTraditional([...phrasingsOf(e), e.answer].join('\n'))));
  return t;
}

export function lead(a: Pick<FaqHit, 'confidence' | 'lexical'>, b: Pick<FaqHit, 'confidence' | 'lexical'>): number {
  return a.lexical !== undefined && b.lexical !== undefined ? a.lexical - b.lexical : a.confidence - b.confidence;
}

/** Letters and digits in lower case, one space between runs, for a phrasing found inside a message. */
const spaced = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const HAN_ONLY = /^[\p{Script=Han}\d ]+$/u;
/** A message's clauses: punctuation, "but"/"and"/"so", or a space between Chinese characters ("旧沙发能拉走吗 放家里占地方"). */
const clausesOf = (text: string): string[] =>
  text
    .slice(0, MAX_FIELD)
    .split(CLAUSE_BREAK)
    .flatMap((c) => c.split(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u))
    .map((c) => c.trim())
    .filter(Boolean);
const MIN_ENGLISH_CLAUSE_WORDS = 4;
/** A remark that reports trouble with the goods changes the question ("床的腿断了 能退吗" is no no-reason return: found in review). */
const REPORTS_TROUBLE = /坏|破|碎|裂|断|划痕|刮花|漏|烂|霉|变质|少了|少发|发错|错了|不对|过敏|起疹|死了|不亮|没声|不工作|(?<![a-z])(?:broken|broke|snapped|damaged|cracked|leak\w*|scratch\w*|missing|wrong|faulty|defective|dead|rotten|fell off|came off|lost (?:a|an|the|its|one|my))(?![a-z])/i;
const HAN = /\p{Script=Han}/u;
/** A message longer than this (characters other than spaces) is a story, not a question with a remark. */
const MAX_CLAUSED_CHARS = 40;
/** After a sentence's end mark: a message's sentences, each keeping its mark ("…il wait. do you…?"). */
const SENTENCE_END = /(?<=[.!?。！？])\s*/;
/**
 * A question word or mark: the answered clause has one ("床垫到了" names goods, asks nothing), the remark beside it
 * none ("放家里占地方", "发我看看"; not "拍哪里").
 */
const CLAUSE_ASKS = /[吗呢么嘛?？]|怎|什么|啥|多少|多久|几[天个号时次点年]|哪|了没|没有?$|到底|是不是|能不能|可不可以|是否|有没有|会不会|要不要|还是|如果|要是|(?<![a-z])(?:how|what|when|where|why|which|who|can|could|will|would|do|does|did|is|are|should|or|if|but)(?![a-z])/i;
/**
 * "能开专票不", "发顺丰不": a question ended by 不, as northern and Sichuan buyers ask it (found from outside, two
 * shops). A clause that asks; not taken for a question in what stands beside one ("包修吗，管一年不" asks it again).
 */
const ASKS_BY_NOT = /\p{Script=Han}{2}不[啊呀哈嘞噻哇]?$/u;
/** Code points other than spaces: how MAX_CLAUSED_CHARS counts. */
const charsOf = (s: string): number => [...s.replace(/\s/g, '')].length;
/**
 * How MAX_REST_CHARS counts beside a phrasing of the shop's typed whole: an English word as two code points (as long as a
 * Chinese word): "oh also … its going thru the business" is no longer a remark than "另外 … 公司报销用的" (a Sydney shop,
 * thirty-third session: "did you mean…?"). Not for a clause answered alone, whose English rest may ask again in other
 * words ("It absolutely has to be here by Sunday, can you guarantee that?" is no warranty question: found in a check).
 */
const restCharsOf = (s: string): number => charsOf(s.replace(/[a-z0-9']+/gi, 'ww'));
/** A phrasing that is a question by itself: "可以货到付款吗", "佣金多少", "can I pay by installment" (not "货到付款", "Atome"). */
function asksByItself(phrasing: string): boolean {
  if (HAN_ONLY.test(phrasing)) return phrasing.replace(/ /g, '').length >= 4 && ZH_ASKS.test(phrasing);
  return phrasing.split(' ').length >= 3 && EN_ASKS.test(phrasing);
}
const ZH_ASKS = /[吗呢么嘛]$|怎|什么|多少|多久|几[天个号时次点]|哪|能不能|可不可以|是否|有没有|会不会|要不要/;
const EN_ASKS = /^(?:how|what|when|where|why|which|who|can|could|will|would|do|does|did|is|are|should)\s|\sor not$/;
/** The rest of the message asks something of its own. */
// "不想收好几次" beside "能等齐了一起发吗" says why, asks nothing (found from outside): 不想, 不用, 好几 are no question.
const ASKS_ELSE = /[吗呢么嘛]|怎|什么|多少|多久|(?<!好)几[天个号时次点]|哪|能不能|可不可以|是否|有没有|会不会|要不要|还是|不(?!想|用)|没|如果|要是|(?<![a-z])(?:how|what|when|where|why|which|who|can|could|will|would|do|does|did|is|are|should|not|no|(?:don'?t|do not)|or|if|but)(?![a-z])/;
/**
 * The rest names a topic the entry's phrasings do not ("换货要运费吗" holds "要运费吗", "快递员几点下班" holds
 * "几点下班", "the warranty on the sofa"): another question, found in review. Of English, a thing after a
 * preposition the entry's text does not name.
 */
function movesTopic(rest: string, e: FaqEntry): boolean {
  const own = ownWords(e);
  if (namesOtherTopic(rest, own)) return true;
  // A repair beside a question of an entry that names none ("行车记录仪拿去修 要寄回去吗" is no return: found from
  // outside); beside a warranty's, which speaks of repairs (保修, 能修), it keeps to it (found in review).
  if (REPAIR.test(rest) && !/修|(?<![a-z])(?:repair|fix|warranty)/.test(own)) return true;
  const all = `${own} ${foldTraditional(e.answer.toLowerCase())}`;
  for (const m of rest.matchAll(AFTER_PREPOSITION)) if (!all.includes(m[1]!)) return true;
  return false;
}
/**
 * What stands beside a phrasing or a clause keeps to the entry's question: no topic the entry does not
 * name, no sibling of what it names (lexicon/contrasts.json), no goods of another kind than its own
 * ("床单是纯棉的吗" holds the clothing entry's "是纯棉的吗").
 */
function keepsTopic(rest: string, text: string, e: FaqEntry): boolean {
  if (movesTopic(rest, e) || defaultContrasts().conflict(foldTraditional(text), entryText(e))) return false;
  const named = kindsOfGoods(rest);
  const own = kindsOfGoods(phrasingsOf(e).join(' '));
  return !(named.size && own.size && ![...named].some((k) => own.has(k)));
}
/** A topic of the shop's (REST_TOPIC) in `text` that `own` (ownWords) does not name. */
function namesOtherTopic(text: string, own: string): boolean {
  for (const m of text.matchAll(REST_TOPIC)) if (!own.includes(m[0])) return true;
  return false;
}
const REST_TOPIC = /退|换|补发|运费|邮费|快递|物流|仓库|发票|手续费|佣金|售后|保修|质保|发货|地址|取消|优惠|券|积分|会员|价|钱|(?<![a-z])(?:returns?|refunds?|exchanges?|shipping|delivery|courier|warehouse|invoices?|fees?|commission|warranty|guarantee|price|discount|coupons?|orders?|address|addr|points)(?![a-z])/g;
/** Sent or taken for repair: 修 as a verb ("拿去修", "返厂修", "修一下"), not 修改 (a change) or 装修 (decorating). */
const REPAIR = /维修|修理|(?<![保装])修(?!改|正|饰|身|剪|订)|(?<![a-z])(?:repair\w*|fix(?:ed|ing)?)(?![a-z])/;
const AFTER_PREPOSITION = /(?<![a-z])(?:on|for|of|with|about|in|to) (?:the |my |a |an |this |that |your |these |those )?([a-z]{3,})/g;
/** What may stand beside the phrasing: a greeting, a name, the goods ("老板 那个卡地亚手镯"), not a story. */
const MAX_REST_CHARS = 14;

/** A phrasing as typed, for the verbatim match (`foldedKey`), of at most 200 characters. */
const verbatimKey = (text: string): string => foldedKey(text.slice(0, 200));

/** The words of an English text, lower-case ("what's" one word); undefined for one with Chinese in it or none. */
function latinWords(text: string): string[] | undefined {
  if (HAN.test(text)) return undefined;
  const words = text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.replace(/'/g, ''));
  return words.length ? words : undefined;
}
const MIN_SOUNDED = 4;
/** The list kept under `length` in `map`, made when there is none. */
function byLength<T>(map: Map<number, T[]>, length: number): T[] {
  let list = map.get(length);
  if (!list) map.set(length, (list = []));
  return list;
}
/** Where `typed` differs from `own` (as long), when in one place only; -1 otherwise. */
function oneSlip(typed: readonly string[], own: readonly string[]): number {
  let slip = -1;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === own[i]) continue;
    if (slip >= 0) return -1;
    slip = i;
  }
  return slip;
}
/** `typed` is `own` but for one character, another of the same sound. */
function oneSoundAlike(typed: readonly string[], own: readonly string[]): boolean {
  const slip = oneSlip(typed, own);
  return slip >= 0 && soundsAlike(typed[slip]!, own[slip]!);
}
/** `typed` is `own` but for one word, mistyped: one edit from its own, five letters or more, and no English word itself. */
function oneWordMistyped(typed: readonly string[], own: readonly string[]): boolean {
  const slip = oneSlip(typed, own);
  const word = typed[slip];
  return word !== undefined && word.length >= MIN_CORRECTED_LENGTH && !commonEnglish().has(word) && oneEdit(word, own[slip]!);
}

/**
 * The keys an entry is found verbatim by: each of its phrasings whole. (Each clause of a phrasing
 * that asks several things was tried and taken back: "怎么用？" after another question was answered
 * as the coupon entry's second clause, found in review.) A key two entries share answers neither.
 */
function clauseKeys(phrasings: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const p of phrasings) {
    const clauses = clausesOf(p);
    if (clauses.length > 1) for (const c of clauses) if (asksAlone(c)) keys.add(verbatimKey(c));
  }
  keys.delete('');
  return keys;
}
/** A clause that asks by itself, of at least three characters ("包邮吗") or four words ("is it free" may be of anything). */
const asksAlone = (c: string): boolean => (HAN.test(c) ? c.replace(/\s/g, '').length >= 3 && ZH_ASKS.test(c) : c.split(/\s+/).length >= MIN_ENGLISH_CLAUSE_WORDS && EN_ASKS.test(c.toLowerCase()));

/**
 * Words that change nothing a phrasing asks ("how much do i need for free shipping again" of the shop's "how much more do I need
 * for free shipping": a Houston shop, forty-third session, "did you mean…?"); textspeak read as the word.
 */
// Not "still", "even" or "then", which can change a question (found in review).
const FILLER = new Set(['again', 'more', 'also', 'just', 'quick', 'q', 'pls', 'please', 'plz', 'actually', 'so', 'ok', 'okay', 'um', 'hey', 'hi', 'hello', 'btw', 'really', 'anyway', 'the', 'a', 'an', 'and', 'oh', 'yall', 'guys', 'sorry']);
const AS_WORD: ReadonlyMap<string, string> = new Map([['u', 'you'], ['ur', 'your'], ['r', 'are'], ['im', "i'm"], ['wat', 'what'], ['wht', 'what'], ['hw', 'how'], ['cn', 'can']]);
/** At least three words beside the fillers: "is it free" may ask of anything. */
const MIN_LOOSE_WORDS = 3;
/** An English text's words but fillers, in their order ("from the us to the uk" is not "from the uk to the us"); undefined for Chinese or for too few words. */
function looseKey(text: string): string | undefined {
  const t = text.slice(0, 200).toLowerCase();
  if (HAN.test(t)) return undefined;
  const words = (t.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []).map((w) => AS_WORD.get(w) ?? w).filter((w) => !FILLER.has(w));
  return words.length >= MIN_LOOSE_WORDS ? words.join(' ') : undefined;
}

function verbatimKeys(phrasings: readonly string[]): Set<string> {
  return new Set(phrasings.map(verbatimKey).filter((k) => k));
}
