/**
 * Chinese typed with a pinyin keyboard goes wrong by sound: the buyer types the right syllables and
 * picks the wrong character ("取肖订单", "转人攻", "满简", "运废", "保休"). Such a slip leaves
 * characters the segmenter cannot join into a word. A run of two to four of them, each a word of
 * one character, that differs from one word of the robot's vocabulary (its Chinese cues and FAQ
 * synonyms) in exactly one character, where the typed character can be read with that word's
 * syllable, becomes that word. Never across a word the segmenter knows ("退款|什么" is not
 * "款式"), never on a function character either way ("能用" is not "耐用", "寄点" not "几点"),
 * never when the typed character is a common word of its own ("打了" is not "大了"), and only
 * when one vocabulary word fits.
 *
 * Readings come from `pinyin-pro` (toneless; the vocabulary word's readings in context, the typed
 * character's common reading); the lookup key is the word with one character blanked plus that
 * character's syllable, so a run costs a few map reads.
 */
import { createRequire } from 'node:module';
import { synonymGroups } from '../lexicon/index.ts';
import { pinyin } from 'pinyin-pro';
import { LEXICON } from './lexicon.ts';
import { defaultTokenizer } from './tokenizer.ts';
import { installedVersion } from '../../storage/local-cache.ts';
import { cachedTable } from './table-cache.ts';

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const MIN_WORD = 2;
const MAX_WORD = 4;

export interface HomophoneFixer {
  /** The text with sound-alike misspellings of vocabulary words replaced. */
  fix(text: string): string;
}

/** Characters too common to be the slip or its fix: particles, pronouns, measure and helper words. */
const FUNCTION_CHARS = new Set([...'的了么吗呢吧啊呀哦嘛是在有我你他她它这那哪几个一不没也都就还要会能可以用把被给让和与或很太更最点些什怎多少吧哈嗯呗啦咯']);
/**
 * Characters that are words of their own so often that next to another one they are two words,
 * not a slip: "钱收了" is money received, not 签收; "打了三次" is not 大了; "没懂" is not 没动.
 * Those jieba's dictionary counts at least this often as a word alone, and a few below that.
 */
const STANDALONE_FREQUENCY = 15_000;
// 码 and 号 are sizes ("42码的板鞋呢" is no 妈的: found in review, a complaint ahead of the queue). A cut is 划 ("被刀片划了个口子" was
// "花了", money spent: a development danger set, forty-ninth session).
// 洁 of 洁厕灵 ("喝了洁厕灵" was 了解: found in review).
const STANDALONE_EXTRA = '懂找差买卖去看想吃拿放送收给报招开关回问答等走拍寄退换付码号划洁';

/**
 * What the fixer looks up, as JSON (kept between processes by table-cache.ts): the vocabulary words
 * of two to four characters, each under its keys (one character blanked plus its syllable), and the
 * characters that are words of their own.
 */
/**
 * Two characters a pinyin keyboard gives for one syllable ("法" typed for 发, "半" for 班): the first may be a slip for the second.
 * Never a function character either way, as in `fix`.
 */
export function soundsAlike(typed: string, own: string): boolean {
  if (typed === own || FUNCTION_CHARS.has(typed) || FUNCTION_CHARS.has(own) || !/^\p{Script=Han}$/u.test(typed) || !/^\p{Script=Han}$/u.test(own)) return false;
  const said = pinyin(typed, { toneType: 'none', type: 'array' })[0];
  return said !== undefined && pinyin(own, { toneType: 'none', type: 'array', multiple: true }).includes(said);
}

export interface HomophoneTables {
  readonly vocabulary: readonly string[];
  readonly keys: ReadonlyArray<readonly [key: string, words: readonly string[]]>;
  readonly standalone: readonly string[];
}

export function homophoneTables(words: Iterable<string>, standalone: Iterable<string> = STANDALONE_EXTRA): HomophoneTables {
  const vocabulary = new Set<string>();
  for (const w of words) if (w.length >= MIN_WORD && w.length <= MAX_WORD && /^\p{Script=Han}+$/u.test(w)) vocabulary.add(w);
  const byKey = new Map<string, Set<string>>();
  for (const w of vocabulary) {
    const syllables = pinyin(w, { toneType: 'none', type: 'array' });
    [...w].forEach((ch, i) => {
      if (FUNCTION_CHARS.has(ch)) return;
      const key = blank(w, i, syllables[i] ?? '');
      const set = byKey.get(key) ?? new Set<string>();
      set.add(w);
      byKey.set(key, set);
    });
  }
  return { vocabulary: [...vocabulary], keys: [...byKey].map(([k, set]) => [k, [...set]] as const), standalone: [...new Set(standalone)] };
}

export function createHomophoneFixer(
  words: Iterable<string>,
  segment: (text: string) => string[] = (t) => defaultTokenizer().cut(t),
  standalone: Iterable<string> = STANDALONE_EXTRA,
): HomophoneFixer {
  return fixerOf(homophoneTables(words, standalone), segment);
}

function fixerOf(tables: HomophoneTables, segment: (text: string) => string[]): HomophoneFixer {
  const vocabulary = new Set(tables.vocabulary);
  const byKey = new Map(tables.keys);
  const standalone = new Set(tables.standalone);
  const readings = new Map<string, string[]>();
  const readingsOf = (ch: string): string[] => {
    let r = readings.get(ch);
    // The common reading only: a rare one ("谷" as yu) would turn real words into slips.
    if (!r) readings.set(ch, (r = pinyin(ch, { toneType: 'none', type: 'array' })));
    return r;
  };
  const match = (run: string): string | undefined => {
    if (vocabulary.has(run)) return undefined;
    const found = new Set<string>();
    [...run].forEach((ch, i) => {
      if (FUNCTION_CHARS.has(ch) || standalone.has(ch)) return;
      for (const syllable of readingsOf(ch)) for (const w of byKey.get(blank(run, i, syllable)) ?? []) found.add(w);
    });
    return found.size === 1 ? found.values().next().value : undefined;
  };
  return { fix: (text) => text.replace(HAN_RUN, (run) => fixRun(run, segment, match)) };
}

/**
 * Left to right over the segmenter's tokens, the longest sound-alike first, over stretches of
 * one-character tokens only.
 */
function fixRun(run: string, segment: (text: string) => string[], match: (s: string) => string | undefined): string {
  const tokens = segment(run);
  if (tokens.join('') !== run) return run;
  let out = '';
  let i = 0;
  while (i < tokens.length) {
    let single = 0;
    while (i + single < tokens.length && single < MAX_WORD && [...tokens[i + single]!].length === 1) single++;
    let fixed: string | undefined;
    let len = single;
    for (; len >= MIN_WORD && !fixed; len--) fixed = match(tokens.slice(i, i + len).join(''));
    if (fixed) {
      out += fixed;
      i += [...fixed].length;
    } else out += tokens[i++];
  }
  return out;
}

const blank = (w: string, i: number, syllable: string) => {
  const chars = [...w];
  chars[i] = '?';
  return `${chars.join('')}|${syllable}`;
};

let shared: HomophoneFixer | undefined;

/** Picks from a list and phone tails, so that their pinyin ("zui hou yi ge", "wei hao shi 3306") is read too. */
const ENTITY_WORDS = ['第一个', '第二个', '第三个', '第四个', '第五个', '最后一个', '最后那个', '倒数第二个', '上面那个', '下面那个', '尾号', '尾号是', '后四位', '后四位是', '尾数'];

/** The robot's Chinese vocabulary: every part of its cues, its Chinese FAQ synonyms and the entity words (also read as pinyin: pinyin-words.ts). */
export function vocabularyWords(): string[] {
  const words: string[] = [];
  for (const cues of Object.values(LEXICON)) for (const [pattern] of cues) words.push(...pattern.split('+').map((p) => p.trim()));
  for (const [, phrases] of synonymGroups('./synonyms.zh.json')) words.push(...phrases);
  words.push(...ENTITY_WORDS);
  return words;
}

/** The fixer of the shipped cue lexicon and Chinese FAQ synonyms. */
export function defaultHomophoneFixer(): HomophoneFixer {
  shared ??= fixerOf(defaultHomophoneTables(), (t) => defaultTokenizer().cut(t));
  return shared;
}

/** The shipped vocabulary's tables, built once per machine and version (table-cache.ts): about 0.35 s of pinyin and dictionary reading. */
export function defaultHomophoneTables(): HomophoneTables {
  const inputs = `pinyin-pro ${installedVersion('pinyin-pro') ?? 'none'}, @node-rs/jieba ${installedVersion('@node-rs/jieba') ?? 'none'}`;
  return cachedTable('nlu-homophones', inputs, () => homophoneTables(vocabularyWords(), standaloneCharacters()));
}

/** Single characters jieba's dictionary counts often as words of their own, with the hand-picked few. */
export function standaloneCharacters(): Set<string> {
  const out = new Set(STANDALONE_EXTRA);
  const require = createRequire(import.meta.url);
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0 || [...line.slice(0, space)].length !== 1) continue;
    if (Number(line.slice(space + 1, line.indexOf(' ', space + 1))) >= STANDALONE_FREQUENCY) out.add(line.slice(0, space));
  }
  return out;
}
