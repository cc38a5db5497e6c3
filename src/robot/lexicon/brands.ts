/**
 * Brand names (`brands.json`, data) that the FAQ index sets aside when the shop's FAQ never
 * mentions them: "华为耳机坏了能修吗" asks what "耳机坏了能修吗" asks, but the brand's characters,
 * which no entry has, lowered the share of the question an entry covers (found from outside).
 */
import { readFileSync } from 'node:fs';

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface BrandMatcher {
  /** The brands (lower case, as listed) a text names. */
  namedIn(text: string): Set<string>;
  /** `text` with every brand named in it that `keep` does not hold replaced by a space. */
  without(text: string, keep: ReadonlySet<string>): string;
}

/**
 * One pattern for a list of names or words, lower case, longest first: Chinese ones anywhere,
 * Latin ones as whole words ("hp" is not inside "shop"). Null for an empty list.
 */
export function namesPattern(names: readonly string[]): string | null {
  const list = [...new Set(names.map((n) => n.toLowerCase()))].sort((a, b) => b.length - a.length);
  const han = list.filter((n) => HAN.test(n));
  const latin = list.filter((n) => !HAN.test(n));
  const parts = [...han.map(escape), ...(latin.length ? [`(?<![\\p{L}\\p{N}])(?:${latin.map(escape).join('|')})(?![\\p{L}\\p{N}])`] : [])];
  return parts.length ? parts.join('|') : null;
}

export function brandMatcher(names: readonly string[]): BrandMatcher {
  const pattern = namesPattern(names);
  const re = pattern ? new RegExp(pattern, 'giu') : null;
  return {
    namedIn(text) {
      const out = new Set<string>();
      if (re) for (const m of text.matchAll(re)) out.add(m[0].toLowerCase());
      return out;
    },
    without(text, keep) {
      if (!re) return text;
      return text.replace(re, (m) => (keep.has(m.toLowerCase()) ? m : ' '));
    },
  };
}

let shared: BrandMatcher | undefined;

/** The matcher of `brands.json`, built once per process. */
export function defaultBrands(): BrandMatcher {
  if (shared) return shared;
  const f = JSON.parse(readFileSync(new URL('./brands.json', import.meta.url), 'utf8')) as { zh: string[]; en: string[] };
  shared = brandMatcher([...f.zh, ...f.en]);
  return shared;
}
