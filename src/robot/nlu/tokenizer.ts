/**
 * Word segmentation. jieba (@node-rs/jieba, a native addon with the default dictionary) is the
 * normal path; when the addon cannot load (unsupported platform, missing binary) the robot keeps
 * working on `Intl.Segmenter`, which ships with Node and segments Chinese with ICU's dictionary.
 *
 * Loading jieba's dictionary takes a few hundred milliseconds, so the default tokenizer is built
 * once per process, on first use. A shop's own words (product names, brand terms) can be added;
 * the jieba dictionary is process-wide, so added words apply to every shop, which only ever makes
 * segmentation coarser around those words.
 */
import { createRequire } from 'node:module';
import { remembered } from '../memo.ts';

export interface Tokenizer {
  readonly engine: 'jieba' | 'intl';
  /** Changes whenever added words may change segmentation (caches of cut text key on it). */
  readonly generation: number;
  /** Words of already-normalised text, without whitespace and punctuation. */
  cut(text: string): string[];
  addWords(words: readonly string[]): void;
}

/** The part of @node-rs/jieba the tokenizer uses. */
export interface JiebaLike {
  cut(sentence: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}

export interface TokenizerOptions {
  /** Returns a ready jieba; throwing selects the Intl.Segmenter fallback. Tests use it to force the fallback. */
  loadJieba?: () => JiebaLike;
  /** Called once when the fallback is chosen, with the reason. */
  onFallback?: (reason: string) => void;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

export function loadDefaultJieba(): JiebaLike {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  return Jieba.withDict(dict);
}

export function createTokenizer(opts: TokenizerOptions = {}): Tokenizer {
  let jieba: JiebaLike | undefined;
  try {
    jieba = (opts.loadJieba ?? loadDefaultJieba)();
  } catch (e) {
    opts.onFallback?.(e instanceof Error ? e.message : String(e));
  }
  return jieba ? jiebaTokenizer(jieba) : intlTokenizer();
}

/**
 * The last texts cut: one answer cuts the same text several times (the NLU, the FAQ search, the
 * dialogue's readings), and a call into jieba costs more than a copy of its words.
 */
const RECENT_CUTS = 16;

function jiebaTokenizer(jieba: JiebaLike): Tokenizer {
  let generation = 0;
  const recent = new Map<string, readonly string[]>();
  return {
    engine: 'jieba',
    get generation() {
      return generation;
    },
    cut(text) {
      // HMM off: it invents words from unseen character runs, which hurts short chat lines more than it helps.
      const words = remembered(recent, text, RECENT_CUTS, () => jieba.cut(text, false).filter((w) => WORDLIKE.test(w)));
      // A copy: a caller may change its array, never another caller's.
      return words.slice();
    },
    addWords(words) {
      const lines = words
        .map((w) => w.trim().replace(/\s+/g, ''))
        .filter((w) => w.length > 0)
        .map((w) => `${w} 100000 n`);
      if (lines.length) {
        jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
        recent.clear();
        generation++;
      }
    },
  };
}

function intlTokenizer(): Tokenizer {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const custom = new Set<string>();
  let longest = 0;
  let generation = 0;
  return {
    engine: 'intl',
    get generation() {
      return generation;
    },
    cut(text) {
      const parts: string[] = [];
      for (const s of segmenter.segment(text)) if (s.isWordLike) parts.push(s.segment);
      if (custom.size === 0) return parts;
      // ICU does not take extra words, so rejoin adjacent pieces that form one (longest first).
      const out: string[] = [];
      for (let i = 0; i < parts.length; ) {
        let taken = 1;
        let joined = parts[i]!;
        let acc = joined;
        for (let j = i + 1; j < parts.length && acc.length < longest; j++) {
          acc += parts[j]!;
          if (custom.has(acc)) {
            joined = acc;
            taken = j - i + 1;
          }
        }
        out.push(joined);
        i += taken;
      }
      return out;
    },
    addWords(words) {
      for (const w of words) {
        const t = w.trim().replace(/\s+/g, '');
        if (!t) continue;
        custom.add(t);
        longest = Math.max(longest, t.length);
        generation++;
      }
    },
  };
}

let shared: Tokenizer | undefined;
/** The process-wide tokenizer (jieba when it loads). */
export function defaultTokenizer(): Tokenizer {
  shared ??= createTokenizer();
  return shared;
}
