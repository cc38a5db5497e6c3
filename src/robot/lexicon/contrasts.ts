/**
 * Siblings that exclude each other (`contrasts.json`, data): cat and dog, men's and women's. The
 * lexicon puts them in one concept, rightly for most questions ("pet food"), so the FAQ's
 * confidence cannot tell "is your cat food grain-free?" from the dog-food entry it was written
 * against (found from outside; a model feature for it was tried and its sign came out wrong).
 */
import { readFileSync } from 'node:fs';
import { namesPattern } from './brands.ts';

export interface Contrasts {
  /** The buyer names one group of a set, `entry` names another of it and not the buyer's. */
  conflict(query: string, entry: string): boolean;
}

/** A group's words, Chinese anywhere and Latin as whole words, in either case. */
const groupRe = (words: readonly string[]): RegExp => new RegExp(namesPattern(words) ?? '(?!)', 'iu');

export function contrastsOf(sets: readonly (readonly (readonly string[])[])[]): Contrasts {
  const compiled = sets.map((groups) => groups.map(groupRe));
  return {
    conflict(query, entry) {
      return compiled.some((groups) => {
        const asked = groups.filter((g) => g.test(query));
        if (asked.length === 0 || asked.length === groups.length) return false;
        const named = groups.filter((g) => g.test(entry));
        return named.length > 0 && !named.some((g) => asked.includes(g));
      });
    },
  };
}

let shared: Contrasts | undefined;

/** The contrasts of `contrasts.json`, built once per process. */
export function defaultContrasts(): Contrasts {
  if (shared) return shared;
  const f = JSON.parse(readFileSync(new URL('./contrasts.json', import.meta.url), 'utf8')) as { sets: string[][][] };
  shared = contrastsOf(f.sets);
  return shared;
}
