/**
 * The e-commerce synonym lexicon the FAQ index expands queries with. It is data, not code:
 * `synonyms.zh.json` and `synonyms.en.json` map a concept id to the words and phrases buyers use
 * for it ("shipping-fee": 运费, 邮费, 快递费, postage, delivery charge …). The two files share
 * concept ids, so a mixed-language question ("这件 jacket 能退吗") meets an entry written in
 * either language. Ids that start with `?` are question types (where, when, how much): they tell
 * "从哪里发货" and "多久发货" apart but weigh less than a topic; an id `a+b` stands for both concepts
 * (多久发货 = `?when` + `ship`). `families.json` groups related concepts (free shipping and a
 * shipping fee are both about shipping) for a weaker shared term, and lists in `_weak` the
 * concepts too generic to tell questions apart ("policy", "order") and in `_objects` the things
 * asked about (a jacket, a tent): "冲锋衣有几个口袋" shares only the jacket with "冲锋衣防水吗",
 * which must not be enough to answer it. `trad.json` folds traditional
 * characters that the NLU's table leaves alone. EXTENSION.md tells how the files grew to 653
 * concepts (two helper sessions from a brief, merged by rules).
 *
 * A word is folded to its concept at both ends (the entry and the query), so "邮费多少" and
 * "运费怎么算" share the term `~shipping-fee` and nothing else needs to match.
 */
import { readFileSync } from 'node:fs';
import { stem } from '../nlu/features.ts';

export interface LexiconMatch {
  /** Concept id, e.g. `shipping-fee` or `?when`. */
  readonly id: string;
  /** UTF-16 span in the text (Han phrases) or token span (Latin phrases). */
  readonly start: number;
  readonly end: number;
}

export interface Lexicon {
  /** Concept ids of Han phrases in `text`, longest match first, left to right, not overlapping. */
  matchHan(text: string): LexiconMatch[];
  /** Concept ids of Latin phrases over already-stemmed tokens, longest match first. */
  matchLatin(stemmedTokens: readonly string[]): LexiconMatch[];
  /** Single Latin words of the lexicon (stemmed), for typo correction. */
  readonly latinWords: ReadonlyMap<string, string>;
  /** Whether a (stemmed) English word occurs in any phrase of the lexicon. */
  knows(word: string): boolean;
  /** Every (stemmed) English word of the lexicon. */
  readonly latinVocabulary: ReadonlySet<string>;
  /** The families of a concept (`shipping` and `money` for `free-shipping`). */
  familiesOf(id: string): readonly string[];
  /** Concepts too generic to tell one question from another ("policy", "order"): they weigh less. */
  isWeak(id: string): boolean;
  /** Things a question is about (a jacket, a tent) rather than what it asks about them. */
  isObject(id: string): boolean;
  /** What the shop or its products are asked about, never a buyer's own order (`_knowledge`). */
  isKnowledge(id: string): boolean;
  /** Number of concept groups. */
  readonly groups: number;
}

export type SynonymFile = Readonly<Record<string, readonly string[] | string>>;

const HAN = /\p{Script=Han}/u;
const MAX_LATIN_WORDS = 4;
const here = (f: string) => new URL(f, import.meta.url);

/**
 * Builds a lexicon from synonym files (concept id → phrases; keys starting with `_` are notes) and
 * optional families (family → concept ids).
 */
export function buildLexicon(files: readonly SynonymFile[], families: SynonymFile = {}): Lexicon {
  const family = new Map<string, string[]>();
  const list = (k: string) => new Set<string>(Array.isArray(families[k]) ? (families[k] as readonly string[]) : []);
  const weak = list('_weak');
  const objects = list('_objects');
  const knowledge = list('_knowledge');
  for (const [f, members] of Object.entries(families)) {
    if (f.startsWith('_') || !Array.isArray(members)) continue;
    for (const id of members as readonly string[]) family.set(id, [...(family.get(id) ?? []), f]);
  }
  const han: TrieNode<number> = {};
  const latin: TrieNode<string> = {};
  const latinWords = new Map<string, string>();
  const ids = new Set<string>();
  const known = new Set<string>();
  for (const file of files) {
    for (const [id, phrases] of Object.entries(file)) {
      if (id.startsWith('_') || !Array.isArray(phrases)) continue;
      ids.add(id);
      for (const raw of phrases as readonly string[]) {
        const p = raw.trim().toLowerCase();
        if (!p) continue;
        if (HAN.test(p)) {
          const key = p.replace(/\s+/g, '');
          insert(han, Array.from({ length: key.length }, (_, k) => key.charCodeAt(k)), id);
        } else {
          const words = p.split(/[\s-]+/).filter(Boolean).map(stem);
          const key = words.join(' ');
          for (const w of words) known.add(w);
          insert(latin, words, id);
          if (words.length === 1 && !latinWords.has(key)) latinWords.set(key, id);
        }
      }
    }
  }
  return {
    groups: ids.size,
    latinWords,
    knows: (w) => known.has(w),
    familiesOf: (id) => family.get(id) ?? [],
    isWeak: (id) => weak.has(id),
    isObject: (id) => objects.has(id),
    isKnowledge: (id) => knowledge.has(id),
    latinVocabulary: known,
    matchHan: (text) => matchHan(han, text),
    matchLatin: (tokens) => matchLatin(latin, tokens),
  };
}

/**
 * A trie of phrases (Han: by code unit; Latin: by stemmed word): one walk from a position finds the
 * longest phrase starting there without building a string for every length tried (the lexicon has
 * thousands of phrases, and every FAQ query and message is matched against it).
 */
interface TrieNode<K> {
  id?: string;
  next?: Map<K, TrieNode<K>>;
}

function insert<K>(root: TrieNode<K>, keys: readonly K[], id: string): void {
  let node = root;
  for (const k of keys) {
    node.next ??= new Map();
    let child = node.next.get(k);
    if (!child) node.next.set(k, (child = {}));
    node = child;
  }
  // The first file and group to list a phrase keep it.
  node.id ??= id;
}

/** Longest phrase starting at `i`: its concept and length (0: none). */
function longestAt<K>(root: TrieNode<K>, keyAt: (j: number) => K | undefined, i: number, limit: number): { id: string; len: number } | undefined {
  let node: TrieNode<K> | undefined = root;
  let best: { id: string; len: number } | undefined;
  for (let j = i; j < limit && node?.next; j++) {
    const k = keyAt(j);
    node = k === undefined ? undefined : node.next.get(k);
    if (node?.id !== undefined) best = { id: node.id, len: j - i + 1 };
  }
  return best;
}

// Code units, not code points: every CJK character of the lexicon is in the BMP.
function matchHan(han: TrieNode<number>, text: string): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  const at = (j: number) => text.charCodeAt(j);
  let i = 0;
  while (i < text.length) {
    const hit = HAN.test(text[i]!) ? longestAt(han, at, i, text.length) : undefined;
    if (hit) out.push({ id: hit.id, start: i, end: i + hit.len });
    i += hit?.len ?? 1;
  }
  return out;
}

function matchLatin(latin: TrieNode<string>, tokens: readonly string[]): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  const at = (j: number) => tokens[j];
  let i = 0;
  while (i < tokens.length) {
    const hit = longestAt(latin, at, i, Math.min(tokens.length, i + MAX_LATIN_WORDS));
    if (hit) out.push({ id: hit.id, start: i, end: i + hit.len });
    i += hit?.len ?? 1;
  }
  return out;
}

export function readSynonymFile(name: string): SynonymFile {
  return JSON.parse(readFileSync(here(name), 'utf8')) as SynonymFile;
}

/** The concept groups of a shipped synonym file (`synonyms.zh.json`, `synonyms.en.json`), notes left out. */
export function synonymGroups(name: string): [id: string, phrases: string[]][] {
  const out: [string, string[]][] = [];
  for (const [id, list] of Object.entries(readSynonymFile(name))) {
    if (!id.startsWith('_') && Array.isArray(list)) out.push([id, list.filter((p): p is string => typeof p === 'string')]);
  }
  return out;
}

let shared: Lexicon | undefined;

/** The lexicon of the shipped files, built once per process. */
export function defaultLexicon(): Lexicon {
  shared ??= buildLexicon([readSynonymFile('./synonyms.zh.json'), readSynonymFile('./synonyms.en.json')], readSynonymFile('./families.json'));
  return shared;
}

/**
 * The concepts of the shipped lexicon a text names, less the generic ones and the question words ("?when"): what it is
 * about, to compare two texts' topics ("can i send it back" and "returns are free" are both `return`).
 */
export function conceptsOf(text: string): Set<string> {
  const lex = defaultLexicon();
  const t = foldTraditional(text.toLowerCase());
  const tokens = (t.match(/[a-z0-9]+/g) ?? []).map(stem);
  return new Set([...lex.matchHan(t), ...lex.matchLatin(tokens)].map((m) => m.id).filter((id) => !id.startsWith('?') && !lex.isWeak(id)));
}

let trad: ReadonlyMap<string, string> | undefined;

/**
 * Traditional → simplified characters the NLU's normaliser does not fold: `trad.json` (e-commerce
 * words), then every character of the reply table (`hant.json`, simplified → traditional) read
 * backwards, where the traditional one is no simplified character itself ("貓砂可以沖馬桶嗎" kept
 * 貓, 沖 and 馬, and an entry typed in simplified ones was only offered: found from outside).
 */
// Every character the table folds is at U+3400 or above (a test holds it): a text with none is returned as it is.
const MAY_FOLD = /[\u3400-\uffff]/;

export function foldTraditional(text: string): string {
  if (!MAY_FOLD.test(text)) return text;
  let out = '';
  for (const ch of text) out += simplifiedOf(ch) ?? ch;
  return out;
}

/** The simplified character `foldTraditional` folds `ch` to; undefined when it keeps it. */
export function simplifiedOf(ch: string): string | undefined {
  trad ??= foldTable();
  return trad.get(ch);
}

/** Every traditional character `foldTraditional` folds (a test checks they are all where MAY_FOLD looks). */
export function foldedCharacters(): string[] {
  trad ??= foldTable();
  return [...trad.keys()];
}

function foldTable(): Map<string, string> {
  const m = new Map<string, string>();
  const { chars } = JSON.parse(readFileSync(here('./hant.json'), 'utf8')) as { chars: Record<string, string> };
  for (const [simplified, traditional] of Object.entries(chars)) if (traditional !== simplified && !(traditional in chars) && !m.has(traditional)) m.set(traditional, simplified);
  for (const [t, s] of pairs((JSON.parse(readFileSync(here('./trad.json'), 'utf8')) as { pairs: string }).pairs)) m.set(t, s);
  return m;
}

function pairs(s: string): Map<string, string> {
  const m = new Map<string, string>();
  const chars = Array.from(s.replace(/\s+/g, ''));
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i]!, chars[i + 1]!);
  return m;
}

let ownOrder: RegExp | undefined;

/**
 * Whether a (normalised) text points at the buyer's own order, parcel or refund ("where is my
 * parcel", "我的退款到了没"): `own-order.json`, an owner phrase and then, within a few characters,
 * a thing.
 */
export function mentionsOwnOrder(text: string): boolean {
  if (!ownOrder) {
    const f = JSON.parse(readFileSync(here('./own-order.json'), 'utf8')) as { owner: string[]; things: string[]; acts: string[]; status: string[] };
    // English words are whole words ("my", not "mystery"); Chinese has no spaces to mark them.
    const alt = (xs: readonly string[]) => xs.map((x) => (/^[a-z]/.test(x) ? `(?<![a-z])${escape(x)}s?(?![a-z])` : escape(x))).join('|');
    const clause = '[^|,，。?？!！]';
    ownOrder = new RegExp(`(?:${alt(f.owner)})${clause}{0,8}?(?:${alt(f.things)})|${alt(f.acts)}|(?:${alt(f.owner)})${clause}{0,24}?(?:${alt(f.status)})`, 'i');
  }
  return ownOrder.test(text);
}

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let personal: { concepts: ReadonlySet<string>; person: RegExp; context: RegExp } | undefined;

function personalTables() {
  if (!personal) {
    const f = JSON.parse(readFileSync(here('./personal.json'), 'utf8')) as { concepts: string[]; person: string[]; context: string[] };
    // English phrases are whole words ("it", not "item" or "kit"); Chinese has no spaces to mark them.
    const alt = (xs: readonly string[]) => xs.map((x) => (/^[a-z]/.test(x) ? `(?<![a-z'])${escape(x)}(?![a-z'])` : escape(x))).join('|');
    personal = { concepts: new Set(f.concepts), person: new RegExp(alt(f.person), 'i'), context: new RegExp(alt(f.context), 'i') };
  }
  return personal;
}

/**
 * Whether a (normalised) text asks the agent about themselves ("你多大了", "what size are you"):
 * it addresses a person and names nothing of the shop or its goods (`personal.json`; the caller
 * checks the `_objects` concepts). Then the `personal.json` concepts it names (sizes, ages, skin
 * types) are the agent's, not the shop's.
 */
export function addressesPerson(text: string): boolean {
  const t = personalTables();
  return t.person.test(text) && !t.context.test(text);
}

let productKinds: { kinds: ReadonlyArray<readonly [string, RegExp]>; not: RegExp | undefined } | undefined;

/**
 * The kinds of goods a text names (`products.json`): "the toothbrush" and "米家声波电动牙刷 T300"
 * both name `toothbrush`, "外套" and "摇粒绒拉链茄克" both `jacket`. For a buyer who names an
 * order by its product in other words or another language than its title.
 */
export function kindsOfGoods(text: string): ReadonlySet<string> {
  const known = kindsMemo.get(text);
  if (known) return known;
  productKinds ??= productTables();
  // A Taipei shop's titles and buyers write 精華 and 麵膜: the kinds are listed in simplified characters.
  let t = foldTraditional(text.normalize('NFKC').toLowerCase());
  if (productKinds.not) t = t.replace(productKinds.not, ' | ');
  const out = new Set<string>();
  for (const [id, re] of productKinds.kinds) if (re.test(t)) out.add(id);
  // The same titles and short messages are asked about again and again: one pass of every kind's
  // pattern each is kept (a long message is kept by nobody: the memo holds at most 4096 × 200 characters).
  if (text.length > KINDS_MEMO_TEXT) return out;
  if (kindsMemo.size >= KINDS_MEMO_MAX) kindsMemo.clear();
  kindsMemo.set(text, out);
  return out;
}

/** The text without the phrases that hold a goods word and name no goods (`_not`: 手机号, 在电脑上), lower-cased. */
export function withoutNonGoods(text: string): string {
  productKinds ??= productTables();
  const t = text.normalize('NFKC').toLowerCase();
  return productKinds.not ? t.replace(productKinds.not, ' | ') : t;
}

const KINDS_MEMO_MAX = 4096;
const KINDS_MEMO_TEXT = 200;
const kindsMemo = new Map<string, ReadonlySet<string>>();

function productTables(): NonNullable<typeof productKinds> {
  const f = JSON.parse(readFileSync(here('./products.json'), 'utf8')) as Record<string, string | string[]>;
  // English words are whole words, with a plural; Chinese has no spaces to mark them.
  const alt = (words: readonly string[], inside: (w: string) => string = () => '') =>
    words.map((w) => w.toLowerCase()).map((w) => inside(w) + (/^[a-z]/.test(w) ? `(?<![a-z])${escape(w)}(?:e?s)?(?![a-z])` : escape(w))).join('|');
  const entries = Object.entries(f).filter((e): e is [string, string[]] => !e[0].startsWith('_') && Array.isArray(e[1]));
  const apart = (f._apart ?? {}) as unknown as Record<string, string[] | string>;
  const hiding = (id: string) => entries.filter(([other]) => Array.isArray(apart[other]) && apart[other].includes(id));
  const kinds = entries.map(([id, words]) => {
    const longer = hiding(id);
    return [id, new RegExp(alt(words, (w) => insideLonger(w, longer)))] as const;
  });
  const not = Array.isArray(f._not) && f._not.length ? new RegExp(alt(f._not), 'g') : undefined;
  return { kinds, not };
}

/**
 * A word of one kind inside a longer word of a kind `_apart` lists against it names that other kind
 * only: "枕头套" is bed linen, not a pillow; "duvet cover" no duvet; "隐形眼镜" no glasses (found from
 * outside: each named two kinds, and the answer went to the wrong order); "电水壶" stays a 水壶 too.
 * A lookbehind per longer word: at the word's start (k characters back), not the start of the longer one.
 */
function insideLonger(word: string, hiding: readonly (readonly [string, readonly string[]])[]): string {
  const longer = hiding.flatMap(([, words]) => words.map((w) => w.toLowerCase()).filter((w) => w !== word && w.includes(word)));
  return longer.map((w) => `(?<!(?=${escape(w)})[\\s\\S]{${w.indexOf(word)}})`).join('');
}

/** Shop topics that describe a person as well as goods (`personal.json`). */
export const isPersonalTopic = (id: string): boolean => personalTables().concepts.has(id);

