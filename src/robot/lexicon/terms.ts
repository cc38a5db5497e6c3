/**
 * What a text is about, as weighted terms for the FAQ index. Built from three views so that a
 * paraphrase meets its entry through at least one of them:
 *
 * - concepts (`~shipping-fee`): words and phrases of the synonym lexicon, folded at both ends, so
 *   邮费 meets 运费 and "postage" meets "shipping fee"; question types (`~?when`) weigh less;
 * - words: jieba words the lexicon does not know (English lightly stemmed, stop words dropped);
 * - character bigrams (`#退款`) of Chinese the lexicon did not cover, which keep a match alive
 *   when segmentation or a typo splits a word differently.
 *
 * English words the index does not know are corrected against the shop's words and the lexicon
 * when one letter was dropped, added, changed or two letters swapped ("shiping", "refnd").
 */
import { stem } from '../nlu/features.ts';
import { normalizeText } from '../nlu/normalize.ts';
import { deletions } from '../nlu/spelling.ts';
import type { Tokenizer } from '../nlu/tokenizer.ts';
import { foldTraditional, type Lexicon } from './index.ts';

export const QUESTION_TYPE_WEIGHT = 0.5;
export const BIGRAM_WEIGHT = 0.3;
/** A Chinese word of one character (开, 放, 擦) means too many things to weigh like a word. */
export const SINGLE_CHAR_WEIGHT = 0.5;
/** Related concepts (free shipping, a shipping fee) share a family term of this weight. */
export const FAMILY_WEIGHT = 0.5;
/** Generic concepts (`_weak` in families.json). */
export const WEAK_CONCEPT_WEIGHT = 0.4;
/** Things asked about (`_objects` in families.json): a shared jacket does not make the same question. */
export const OBJECT_WEIGHT = 0.4;

// Words that carry no topic: question words, pronouns, particles, politeness, filler.
export const STOP = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 么 是 在 有 我 你 您 他 她 它 我们 你们 咱 亲 这 那 这个 那个 这款 那款 这件 那件 哪个 请问 问 问一下 一下 想 想问 ' +
    '能 可以 会 会不会 要 需要 还 也 都 就 和 跟 与 或 或者 给 把 被 让 一个 个 些 几 请 麻烦 谢谢 好 下 呀 哈 嗯 哎 诶 喂 ' +
    '几个 多少个 几种 后 之后 以后 再 行 货 得 着 过 又 才 呗 啦 咯 嘞 滴 一般 通常 平时 一般来说 等 到 从 用 不 没 没有 咱们 家 店 你家 你们家 东西 现在 就是 然后 但是 因为 所以 如果 的话 还是 已经 刚刚 刚 ' +
    '知道 告诉 看看 看 说 问问 咨询 了解 老板 掌柜 客服 小姐姐 小哥哥 宝贝 商品 产品 这边 那边 里 上 中 时候 是不是 有没有 能不能 可不可以 ' +
    'a an the is are was were be been do does did can could would will should shall may might i me my mine you your we our us it its this that these those ' +
    'what which who whom how when where why there here of to in on at for from by with about as and or if any some please hi hello hey thanks thank ' +
    'have has had get got am im dont not no yes just also so than then too very much many really usually normally ok okay pls plz ' +
    'item product thing stuff one want wanted wonder wondering know question ask asking tell like would need ' +
    'good great nice before after until til till sure u ur yo guys shop store seller sir madam dear'
  ).split(/\s+/),
);

const FUNCTION_CHARS = new Set(Array.from('的了吗呢吧啊呀哦嘛么是在有我你您们这那个什怎样请问一下想能可以会要还也都就和跟给把被让些多少几好不没'));
const HAN = /\p{Script=Han}/u;
const LATIN = /^[a-z][a-z']*$/;
const DIGITS = /^[\d.]+$/;
const A_NOT_A = /(\p{Script=Han})[不没]\1/gu;
/** Shorter English words have too many neighbours one edit away ("hood" → "good"). */
const MIN_TYPO_LENGTH = 4;

export interface TermContext {
  readonly tokenizer: Tokenizer;
  readonly lexicon: Lexicon;
  /** Correct unknown English words against this vocabulary (stemmed) and the lexicon; queries only. */
  readonly vocabulary?: readonly TypoIndex[];
}

/** Term → weight of a text, and the normalised text it came from. */
export function termsOf(text: string, ctx: TermContext): { terms: Map<string, number>; normalized: string; display: string } {
  const n = normalizeText(text);
  // "包不包邮", "退不退货", "有没有货": the A-not-A question asks about A.
  const t = foldTraditional(n.text).replace(A_NOT_A, '$1');
  const out = new Map<string, number>();
  const add = (term: string, w: number) => out.set(term, Math.max(out.get(term) ?? 0, w));
  const tokens = ctx.tokenizer.cut(t);
  const covered = hanConcepts(t, ctx.lexicon, add);
  const latin = tokens.map((tok) => (LATIN.test(tok) ? correct(stem(tok.replace(/'/g, '')), ctx) : tok));
  const consumed = new Set<number>();
  for (const m of ctx.lexicon.matchLatin(latin)) {
    addConcept(m.id, ctx.lexicon, add);
    if (m.id.split('+').some((p) => ctx.lexicon.isObject(p))) surface(latin.slice(m.start, m.end).join(' '), add);
    for (let k = m.start; k < m.end; k++) consumed.add(k);
  }
  let cursor = 0;
  let single: string | undefined;
  tokens.forEach((tok, i) => {
    const at = t.indexOf(tok, cursor);
    const start = at < 0 ? cursor : at;
    cursor = start + tok.length;
    const chars = tok.split('');
    const prevSingle = single;
    single = undefined;
    if (!HAN.test(tok)) {
      const w = latin[i]!;
      if (!consumed.has(i) && !STOP.has(w) && !STOP.has(tok) && !DIGITS.test(tok) && w.length > 1) add(w, 1);
      return;
    }
    const free = chars.map((c, k) => (covered.has(start + k) ? '' : c));
    if (free.every((c) => !c) || STOP.has(tok)) return;
    if (free.every(Boolean) && (chars.length > 1 || !FUNCTION_CHARS.has(tok))) add(tok, chars.length > 1 ? 1 : SINGLE_CHAR_WEIGHT);
    // Bigrams inside longer words, and across single characters that segmentation may have split
    // off a word it did not know ("顺 丰" for a typo'd "顺风"); not across whole words, which is noise.
    if (chars.length >= 3) for (let k = 0; k + 1 < free.length; k++) if (free[k] && free[k + 1]) bigram(free[k]!, free[k + 1]!, add);
    if (chars.length === 1) {
      if (prevSingle) bigram(prevSingle, tok, add);
      single = tok;
    }
  });
  return { terms: out, normalized: t, display: n.display };
}

function conceptWeight(id: string, lexicon: Lexicon): number {
  if (id.startsWith('?')) return QUESTION_TYPE_WEIGHT;
  if (lexicon.isObject(id)) return OBJECT_WEIGHT;
  return lexicon.isWeak(id) ? WEAK_CONCEPT_WEIGHT : 1;
}

function addConcept(id: string, lexicon: Lexicon, add: (term: string, w: number) => void): void {
  if (id.startsWith('-')) return;
  for (const part of id.split('+')) {
    add(`~${part}`, conceptWeight(part, lexicon));
    for (const family of lexicon.familiesOf(part)) add(`^${family}`, FAMILY_WEIGHT);
  }
}

/** Concepts of the Chinese in `t`; returns the UTF-16 offsets they cover. */
function hanConcepts(t: string, lexicon: Lexicon, add: (term: string, w: number) => void): Set<number> {
  const covered = new Set<number>();
  for (const m of lexicon.matchHan(t)) {
    addConcept(m.id, lexicon, add);
    if (m.id.split('+').some((p) => lexicon.isObject(p))) surface(t.slice(m.start, m.end), add);
    for (let k = m.start; k < m.end; k++) covered.add(k);
  }
  return covered;
}

/**
 * An object concept (`_objects` of families.json) groups siblings: 口红 and 粉底液 are both
 * `cosmetics`, so the concept alone made "这个口红显白吗" a paraphrase of "粉底液色号怎么选".
 * The words it was found by are a term too (Chinese as bigrams, so 粉底 still meets 粉底液), at a
 * weight chosen on TRAIN's hit rate with VALIDATION agreeing (0.3, 0.6, 1: 0.6; docs/robot-evaluation.md, part 11).
 */
const SURFACE_WEIGHT = 0.6;
function surface(text: string, add: (term: string, w: number) => void): void {
  if (HAN.test(text) && text.length > 2) for (let k = 0; k + 1 < text.length; k++) add(`=${text.slice(k, k + 2)}`, SURFACE_WEIGHT);
  else add(`=${text}`, SURFACE_WEIGHT);
}

function bigram(a: string, b: string, add: (term: string, w: number) => void): void {
  if (!HAN.test(a) || !HAN.test(b) || (FUNCTION_CHARS.has(a) && FUNCTION_CHARS.has(b))) return;
  add(`#${a}${b}`, BIGRAM_WEIGHT);
}

function correct(w: string, ctx: TermContext): string {
  const v = ctx.vocabulary;
  if (!v || w.length < MIN_TYPO_LENGTH || STOP.has(w) || ctx.lexicon.knows(w) || v.some((x) => x.has(w))) return w;
  for (const x of v) {
    const near = x.nearest(w);
    if (near) return near;
  }
  return w;
}

/**
 * Words within one edit (deletion neighbourhoods, as SymSpell does): a lookup is a handful of map
 * reads, whatever the vocabulary's size.
 */
export class TypoIndex {
  readonly #words = new Set<string>();
  readonly #deletes = new Map<string, string>();
  readonly #substitutions: boolean;

  /**
   * `substitutions: false` corrects only a dropped, an extra or two swapped letters: a changed
   * letter turns too many real words into a word of a big vocabulary ("weather" into the
   * lexicon's "leather").
   */
  constructor(words: Iterable<string>, opts: { substitutions?: boolean } = {}) {
    this.#substitutions = opts.substitutions ?? true;
    for (const w of words) {
      if (!LATIN.test(w) || w.length < 3) continue;
      this.#words.add(w);
      for (const d of deletions(w)) if (!this.#deletes.has(d)) this.#deletes.set(d, w);
    }
  }

  has(w: string): boolean {
    return this.#words.has(w);
  }

  /**
   * A known word one edit away, or undefined. A dropped letter ("refnd") is corrected from four
   * letters on, an extra one from six, a changed or swapped one from seven: shorter real words
   * are too often one letter from another ("stove", "store").
   */
  nearest(w: string): string | undefined {
    const dropped = this.#deletes.get(w);
    if (dropped) return dropped;
    for (const d of deletions(w)) {
      if (w.length >= 6 && this.#words.has(d)) return d;
      const changed = w.length >= 7 ? this.#deletes.get(d) : undefined;
      if (changed && changed.length === w.length && (this.#substitutions || swapped(w, changed))) return changed;
    }
    return undefined;
  }
}

/** `b` is `a` with two neighbouring letters swapped ("postgae", "postage"). */
function swapped(a: string, b: string): boolean {
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

