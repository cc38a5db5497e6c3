/**
 * Countries and regions by name (`countries.json`, data): which ones a text names. The synonym lexicon
 * joins them in one concept of shipping abroad; an entry that names the very place asked of is told
 * apart by this (faq-index.ts). Pure after the one read of the file.
 */
import { readFileSync } from 'node:fs';
import { namesPattern } from './brands.ts';

interface Places {
  readonly groups: readonly RegExp[];
  /** The EU's group, and its members' groups. */
  readonly eu: number;
  readonly members: ReadonlySet<number>;
}
let shared: Places | undefined;

function places(): Places {
  if (shared) return shared;
  const f = JSON.parse(readFileSync(new URL('./countries.json', import.meta.url), 'utf8')) as { places: string[][]; eu: string[] };
  const first = f.places.map((g) => g[0]!);
  shared = { groups: f.places.map((g) => new RegExp(namesPattern(g) ?? '(?!)', 'iu')), eu: first.indexOf('eu'), members: new Set(f.eu.map((n) => first.indexOf(n))) };
  return shared;
}

/** The places (indices of `countries.json` groups) a folded, lower-case text names; with `parents`, a member of the EU names the EU too. */
export function placesNamed(text: string, parents = false): Set<number> {
  const { groups, eu, members } = places();
  const out = new Set<number>();
  groups.forEach((re, i) => re.test(text) && out.add(i));
  if (parents && [...out].some((i) => members.has(i))) out.add(eu);
  return out;
}
