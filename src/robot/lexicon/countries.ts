/**
 * Countries and regions by name (`countries.json`, data): which ones a text names. The synonym lexicon
 * joins them in one concept of shipping abroad; an entry that names the very place asked of is told
 * apart by this (faq-index.ts). Pure after the one read of the file.
 */
import { readFileSync } from 'node:fs';
import { namesPattern } from './brands.ts';
import { remembered } from '../memo.ts';

interface Places {
  /** Every name with its place, longest first: "northern ireland" is read before "ireland" inside it (found in review). */
  readonly names: readonly { readonly name: string; readonly re: RegExp; readonly place: number }[];
  /** The EU's group, and its members' groups. */
  readonly eu: number;
  readonly members: ReadonlySet<number>;
}
let shared: Places | undefined;
const memo = new Map<string, ReadonlySet<number>>();
const MEMO_MAX = 2000;

function places(): Places {
  if (shared) return shared;
  const f = JSON.parse(readFileSync(new URL('./countries.json', import.meta.url), 'utf8')) as { places: string[][]; eu: string[] };
  const first = f.places.map((g) => g[0]!);
  const names = f.places.flatMap((g, place) => g.map((n) => ({ n, place }))).sort((a, b) => b.n.length - a.n.length);
  shared = { names: names.map(({ n, place }) => ({ name: n.toLowerCase(), re: new RegExp(namesPattern([n]) ?? '(?!)', 'giu'), place })), eu: first.indexOf('eu'), members: new Set(f.eu.map((n) => first.indexOf(n))) };
  return shared;
}

/** The places (indices of `countries.json` groups) a folded, lower-case text names; with `parents`, a member of the EU names the EU too. */
export function placesNamed(text: string, parents = false): ReadonlySet<number> {
  return remembered(memo, `${parents ? 1 : 0}${text}`, MEMO_MAX, () => {
    const { names, eu, members } = places();
    const out = new Set<number>();
    let rest = text;
    const lower = text.toLowerCase();
    for (const { name, re, place } of names) {
      // A name the text holds nowhere is not tested with its boundaries, which costs a hundred times more (issue #16).
      if (!lower.includes(name)) continue;
      re.lastIndex = 0;
      if (!re.test(rest)) continue;
      out.add(place);
      // Taken out, so a shorter name inside it is not read again.
      rest = rest.replace(re, (m) => ' '.repeat(m.length));
    }
    if (parents && [...out].some((i) => members.has(i))) out.add(eu);
    return out;
  });
}
