/**
 * Sensitive-word filter and off-platform-contact detector: pure functions, no I/O.
 *
 * Matching runs on a normalised copy of the text that keeps only letters and digits, case-folded
 * and with compatibility forms (full-width, circled, ligatures) and accents reduced to their base
 * character. Everything else (spaces, punctuation, symbols, emoji, zero-width and other format
 * characters) is skipped, so "微*信", "微 信", "v x" and "ｗｅｉｘｉｎ" all read as the words they
 * hide. Every normalised character remembers the original range it came from, so a match maps
 * back to exactly the original characters, the inserted symbols between them included.
 *
 * Because separators are skipped, a short Latin word could match across two innocent words
 * ("nav x" contains "vx"). A word that begins (ends) with a Latin letter therefore does not match
 * when the original character right before (after) it is also a Latin letter; the same holds for
 * digits. CJK words have no such rule: Chinese has no word spacing to rely on.
 *
 * Not handled (documented limits): Traditional/Simplified variants, homoglyphs from other
 * scripts (Cyrillic "а"), pinyin and Chinese-numeral spellings of phone numbers.
 */
import AhoCorasick from 'modern-ahocorasick';

export interface SensitiveHit {
  /** The configured word, as it was written in the list. */
  readonly word: string;
  /** UTF-16 offsets in the original text, end exclusive: text.slice(start, end) is what matched. */
  readonly start: number;
  readonly end: number;
}

export interface SensitiveFilter {
  /** Number of distinct (normalised) words compiled in. */
  readonly size: number;
  /** Non-overlapping hits, leftmost first; at one start the longest word wins. */
  find(text: string): SensitiveHit[];
  /** Every character of every hit (overlapping ones included) replaced by one `*` per code point. */
  mask(text: string): { text: string; hits: SensitiveHit[] };
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const NOT_ALNUM = /[^\p{L}\p{N}]/gu;
// Folding a code point outside ASCII and the common CJK block costs two normalize() calls; the
// cache keeps that off the hot path. Bounded so crafted text cannot grow it without limit.
const FOLD_CACHE = new Map<number, string>();
const FOLD_CACHE_MAX = 50_000;

const ASCII_FOLD: string[] = Array.from({ length: 128 }, (_, c) => {
  if (c >= 0x61 && c <= 0x7a) return String.fromCharCode(c);
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  if (c >= 0x30 && c <= 0x39) return String.fromCharCode(c);
  return '';
});

/** The normalised form of one code point: '' when it is skipped, else letters/digits only. */
function foldCodePoint(cp: number): string {
  if (cp < 0x80) return ASCII_FOLD[cp]!;
  // CJK Unified Ideographs have no compatibility decomposition and no case.
  if (cp >= 0x4e00 && cp <= 0x9fff) return String.fromCharCode(cp);
  const cached = FOLD_CACHE.get(cp);
  if (cached !== undefined) return cached;
  // NFKD splits compatibility forms and accents, the marks are then dropped with the other
  // non-alphanumerics, and NFC recomposes what must stay whole (Hangul syllables).
  const folded = String.fromCodePoint(cp).normalize('NFKD').toLowerCase().replace(NOT_ALNUM, '').normalize('NFC');
  if (FOLD_CACHE.size < FOLD_CACHE_MAX) FOLD_CACHE.set(cp, folded);
  return folded;
}

/** A word or text in matching form, without position bookkeeping. */
export function normalizeForMatch(text: string): string {
  let out = '';
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0)!);
  return out;
}

// The matcher library cuts non-ASCII text into grapheme clusters with Intl.Segmenter, which costs
// more than the automaton itself; ASCII text takes its fast path. Words and text are therefore
// matched in an ASCII encoding of their normalised form: a-z and 0-9 stand for themselves, every
// other UTF-16 unit becomes one of 16 lead codes followed by two of 64 continuation codes (control
// and punctuation codes: never a letter, digit, CR or LF). The encoding is prefix-free and a lead
// never occurs inside a unit, so a match always starts and ends on whole units.
const SPARE = Array.from({ length: 128 }, (_, c) => c).filter((c) => c !== 10 && c !== 13 && !(c >= 0x30 && c <= 0x39) && !(c >= 0x61 && c <= 0x7a));
const LEAD = SPARE.slice(0, 16);
const CONT = SPARE.slice(16, 80);
const isAsciiAlnum = (u: number) => (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39);

function encodeNormalised(norm: string): string {
  let out = '';
  for (let k = 0; k < norm.length; k++) {
    const u = norm.charCodeAt(k);
    out += isAsciiAlnum(u) ? norm[k] : String.fromCharCode(LEAD[u >> 12]!, CONT[(u >> 6) & 63]!, CONT[u & 63]!);
  }
  return out;
}

interface Encoded {
  /** The normalised text in the ASCII encoding above. */
  readonly text: string;
  /** For each character of `text`: the original range of the code point it came from. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

// Scratch buffers reused by every call: a scan is synchronous, so no two calls overlap, and the
// message path then allocates nothing per character. The decoder only ever sees codes below 128.
let scratchCodes = new Uint8Array(4096);
let scratchStarts = new Int32Array(4096);
let scratchEnds = new Int32Array(4096);
const ASCII_DECODER = new TextDecoder('latin1');
const SCRATCH_KEEP = 1 << 20;

function ensureScratch(size: number): void {
  if (size <= scratchCodes.length) return;
  let cap = scratchCodes.length;
  while (cap < size) cap *= 2;
  const codes = new Uint8Array(cap);
  codes.set(scratchCodes);
  const starts = new Int32Array(cap);
  starts.set(scratchStarts);
  const ends = new Int32Array(cap);
  ends.set(scratchEnds);
  scratchCodes = codes;
  scratchStarts = starts;
  scratchEnds = ends;
}

/** The encoded normalised text; `starts`/`ends` are valid only until the next call. */
function normaliseAndEncode(text: string): Encoded {
  // Worst case without expansions: three codes per UTF-16 unit. Expanding folds grow it below.
  ensureScratch(text.length * 3 + 3);
  let codes = scratchCodes;
  let starts = scratchStarts;
  let ends = scratchEnds;
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const f = ASCII_FOLD[c]!;
      if (f !== '') {
        codes[n] = f.charCodeAt(0);
        starts[n] = i;
        ends[n++] = i + 1;
      }
      i++;
      continue;
    }
    if (c >= 0x4e00 && c <= 0x9fff) {
      n = putEncodedUnit(codes, starts, ends, n, c, i, i + 1);
      i++;
      continue;
    }
    const cp = codePointFrom(text, i, c);
    const len = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    if (f.length > len) {
      ensureScratch(n + (text.length - i) * 3 + f.length * 3);
      codes = scratchCodes;
      starts = scratchStarts;
      ends = scratchEnds;
    }
    for (let k = 0; k < f.length; k++) {
      const u = f.charCodeAt(k);
      if (isAsciiAlnum(u)) {
        codes[n] = u;
        starts[n] = i;
        ends[n++] = i + len;
      } else n = putEncodedUnit(codes, starts, ends, n, u, i, i + len);
    }
    i += len;
  }
  const out = ASCII_DECODER.decode(codes.subarray(0, n));
  const result = { text: out, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
  // One huge message must not pin megabytes for the life of the process.
  if (scratchCodes.length > SCRATCH_KEEP) {
    scratchCodes = new Uint8Array(4096);
    scratchStarts = new Int32Array(4096);
    scratchEnds = new Int32Array(4096);
  }
  return result;
}

/** The code point whose first UTF-16 unit `c` is at `i`; a lone surrogate stands for itself. */
function codePointFrom(text: string, i: number, c: number): number {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return c;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

/** Writes the lead and two continuation codes of unit `u` at `n`, each from original range [start, end); returns the next free index. */
function putEncodedUnit(codes: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, u: number, start: number, end: number): number {
  codes[n] = LEAD[u >> 12]!;
  codes[n + 1] = CONT[(u >> 6) & 63]!;
  codes[n + 2] = CONT[u & 63]!;
  starts[n] = starts[n + 1] = starts[n + 2] = start;
  ends[n] = ends[n + 1] = ends[n + 2] = end;
  return n + 3;
}

// ---------------------------------------------------------------------------------------------
// Filter

/** 0: no boundary rule, 1: Latin letter, 2: digit. */
type EdgeClass = 0 | 1 | 2;
const edgeClassOfUnit = (u: number): EdgeClass => (u >= 0x61 && u <= 0x7a ? 1 : u >= 0x30 && u <= 0x39 ? 2 : 0);

interface WordData {
  readonly word: string;
  readonly head: EdgeClass;
  readonly tail: EdgeClass;
}

function codePointBefore(text: string, pos: number): number | undefined {
  if (pos <= 0) return undefined;
  const lo = text.charCodeAt(pos - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && pos >= 2) {
    const hi = text.charCodeAt(pos - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Class of the normalised unit adjacent to n[s..e) on one side, looking at the original text. */
function neighbourBefore(text: string, n: Encoded, s: number): EdgeClass {
  // The previous unit came from the same original character (a ligature): it is glued on.
  if (s > 0 && n.starts[s - 1] === n.starts[s]) return edgeClassOfUnit(n.text.charCodeAt(s - 1));
  const cp = codePointBefore(text, n.starts[s]!);
  if (cp === undefined) return 0;
  const f = foldCodePoint(cp);
  return f === '' ? 0 : edgeClassOfUnit(f.charCodeAt(f.length - 1));
}

function neighbourAfter(text: string, n: Encoded, e: number): EdgeClass {
  if (e < n.text.length && n.starts[e] === n.starts[e - 1]) return edgeClassOfUnit(n.text.charCodeAt(e));
  const pos = n.ends[e - 1]!;
  if (pos >= text.length) return 0;
  const f = foldCodePoint(text.codePointAt(pos)!);
  return f === '' ? 0 : edgeClassOfUnit(f.charCodeAt(0));
}

interface Scan {
  readonly hits: SensitiveHit[];
  /** Original ranges to mask: sorted, disjoint, each the union of overlapping hits. */
  readonly cover: [number, number][];
}

// Fresh arrays each time: callers own what find() and mask() return.
const noHits = (): Scan => ({ hits: [], cover: [] });

// Per-scan tables indexed by encoded position, reused like the encoding buffers.
let scratchBestEnd = new Int32Array(4096);
let scratchBestWord = new Int32Array(4096);

class AhoSensitiveFilter implements SensitiveFilter {
  readonly size: number;
  readonly #data: readonly WordData[];
  readonly #matcher: AhoCorasick<number> | undefined;

  constructor(patterns: readonly { pattern: string; data: WordData }[]) {
    this.size = patterns.length;
    this.#data = patterns.map((p) => p.data);
    this.#matcher = patterns.length > 0 ? new AhoCorasick<number>(patterns.map((p, i) => ({ pattern: p.pattern, data: i }))) : undefined;
  }

  find(text: string): SensitiveHit[] {
    return this.#scan(text, false).hits;
  }

  mask(text: string): { text: string; hits: SensitiveHit[] } {
    const { hits, cover } = this.#scan(text, true);
    if (cover.length === 0) return { text, hits };
    let out = '';
    let pos = 0;
    for (const [start, end] of cover) {
      out += text.slice(pos, start);
      for (let i = start; i < end; i++) {
        out += '*';
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      }
      pos = end;
    }
    return { text: out + text.slice(pos), hits };
  }

  #scan(text: string, withCover: boolean): Scan {
    if (!this.#matcher || text.length === 0) return noHits();
    const n = normaliseAndEncode(text);
    const len = n.text.length;
    if (len === 0) return noHits();
    if (scratchBestEnd.length < len) {
      scratchBestEnd = new Int32Array(len * 2);
      scratchBestWord = new Int32Array(len * 2);
    }
    // For each start, the end of the longest valid match starting there (0: none). Keeping one
    // entry per start instead of every occurrence bounds the work when words nest ("哈",
    // "哈哈", ...): the longest match from a start covers every shorter one from it.
    const bestEnd = scratchBestEnd;
    const bestWord = scratchBestWord;
    bestEnd.fill(0, 0, len);
    let any = false;
    // All occurrences, overlaps included: a boundary-rejected long match must not hide a valid
    // shorter one.
    for (const m of this.#matcher.iterate(n.text)) {
      if (m.end <= bestEnd[m.start]!) continue;
      const d = this.#data[m.data!]!;
      if (d.head !== 0 && neighbourBefore(text, n, m.start) === d.head) continue;
      if (d.tail !== 0 && neighbourAfter(text, n, m.end) === d.tail) continue;
      bestEnd[m.start] = m.end;
      bestWord[m.start] = m.data!;
      any = true;
    }
    if (!any) return noHits();
    const hits: SensitiveHit[] = [];
    const cover: [number, number][] = [];
    let selectedUntil = 0;
    let runStart = -1;
    let runEnd = 0;
    for (let s = 0; s < len; s++) {
      const e = bestEnd[s]!;
      if (e === 0) continue;
      if (s >= selectedUntil) {
        hits.push({ word: this.#data[bestWord[s]!]!.word, start: n.starts[s]!, end: n.ends[e - 1]! });
        selectedUntil = e;
      }
      if (!withCover) continue;
      // Overlapping matches merge; merely adjacent ones stay apart, so the separator between
      // two words ("微信 微信") is not masked.
      if (runStart >= 0 && s < runEnd) {
        if (e > runEnd) runEnd = e;
      } else {
        if (runStart >= 0) cover.push([n.starts[runStart]!, n.ends[runEnd - 1]!]);
        runStart = s;
        runEnd = e;
      }
    }
    if (runStart >= 0) cover.push([n.starts[runStart]!, n.ends[runEnd - 1]!]);
    return { hits, cover };
  }
}

/**
 * Compiles a word list once (roughly 10-30 ms per 1000 words); reuse the result for every message.
 * Words are normalised like the text; words that normalise to the same form are compiled once
 * (the first spelling is the one reported), and words with no letter or digit are ignored.
 */
export function compileFilter(words: readonly string[]): SensitiveFilter {
  const seen = new Map<string, { pattern: string; data: WordData }>();
  for (const word of words) {
    const norm = normalizeForMatch(word);
    if (norm === '' || seen.has(norm)) continue;
    seen.set(norm, {
      pattern: encodeNormalised(norm),
      data: { word, head: edgeClassOfUnit(norm.charCodeAt(0)), tail: edgeClassOfUnit(norm.charCodeAt(norm.length - 1)) },
    });
  }
  return new AhoSensitiveFilter([...seen.values()]);
}

// ---------------------------------------------------------------------------------------------
// Off-platform contacts

export type ContactKind = 'phone' | 'wechat' | 'qq' | 'line' | 'email' | 'url' | 'image';

export interface ContactMatch {
  readonly kind: ContactKind;
  /** UTF-16 offsets in the original text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ContactOptions {
  /**
   * Hosts whose links are on-platform (the platform's own shop and product pages): a URL on one
   * of them or on a subdomain of one is not reported.
   */
  readonly allowedHosts?: readonly string[];
  /** The shop's own phone numbers, digits only: one of them, typed with or without its country code, is not reported. */
  readonly allowedPhones?: readonly string[];
  /** Hosts (and subdomains) an agent's image may be at, besides `allowedHosts`: the shop's or the platform's picture storage. */
  readonly allowedImageHosts?: readonly string[];
}

/** What a shop allows its agents to send (its settings, `PUT /shops/{shopId}/settings/contacts`), read as ContactOptions. */
export interface ShopContacts {
  readonly linkHosts: readonly string[];
  readonly imageHosts: readonly string[];
  /** Digits only. */
  readonly phones: readonly string[];
}

export const NO_SHOP_CONTACTS: ShopContacts = Object.freeze({ linkHosts: [], imageHosts: [], phones: [] });

const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** "Shop.Example.com." → "shop.example.com"; anything that is not a bare host name (a scheme, a path, a port, an IP): undefined. */
export function hostName(raw: string): string | undefined {
  const t = raw.trim().toLowerCase().replace(/\.$/, '');
  return HOST_NAME.test(t) && t.length <= 253 ? t : undefined;
}

/** "+65 6123 4567" → "6561234567"; anything but 5–15 digits with spaces, dashes, dots, brackets and a leading +: undefined. */
export function phoneDigits(raw: string): string | undefined {
  const digits = raw.replace(/[\s()+.-]/g, '');
  return /^\d{5,15}$/.test(digits) ? digits : undefined;
}

/**
 * Hosts a shop's admin may not allow for its agents (the operator may): a public suffix would allow every site under it
 * ("co.uk", "com.cn"), and messaging, social and mail services take buyers off the platform by design ("wa.me", "t.me",
 * "qq.com", "gmail.com": found in review, a shop admin could have switched the contact rule off).
 */
const PUBLIC_SUFFIXES = new Set(['co.uk', 'org.uk', 'me.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'com.hk', 'com.tw', 'com.sg', 'com.my', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.kr', 'com.br', 'co.in', 'co.za', 'com.mx', 'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev', 'herokuapp.com', 'appspot.com', 'web.app', 'firebaseapp.com', 'blogspot.com', 'wordpress.com', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com']);
const OFF_PLATFORM_SERVICES = ['wa.me', 'whatsapp.com', 'whatsapp.net', 't.me', 'telegram.me', 'telegram.org', 'telegra.ph', 'qq.com', 'weixin.qq.com', 'wechat.com', 'weixin.com', 'line.me', 'm.me', 'messenger.com', 'facebook.com', 'fb.com', 'instagram.com', 'ig.me', 'tiktok.com', 'douyin.com', 'xiaohongshu.com', 'weibo.com', 'kakao.com', 'viber.com', 'signal.me', 'discord.gg', 'discord.com', 'snapchat.com', 'x.com', 'twitter.com', 'linktr.ee', 'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'proton.me', 'protonmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'foxmail.com', 'aliyun.com'];
/** Why a shop may not allow this host, or undefined when it may. */
export function shopHostRefused(host: string): string | undefined {
  if (PUBLIC_SUFFIXES.has(host)) return 'is a public suffix: name the shop\'s own domain under it';
  if (OFF_PLATFORM_SERVICES.some((s) => host === s || host.endsWith(`.${s}`))) return 'is a messaging, social or mail service, which takes buyers off the platform: only the operator may allow it';
  return undefined;
}

/** The operator's allowances (KEFU_ALLOWED_*) with one shop's own: either lets a contact through. */
export function withShopContacts(opts: ContactOptions, shop: ShopContacts): ContactOptions {
  if (shop.linkHosts.length === 0 && shop.imageHosts.length === 0 && shop.phones.length === 0) return opts;
  return {
    allowedHosts: [...(opts.allowedHosts ?? []), ...shop.linkHosts],
    allowedPhones: [...(opts.allowedPhones ?? []), ...shop.phones],
    allowedImageHosts: [...(opts.allowedImageHosts ?? []), ...shop.imageHosts],
  };
}

// Contact detection keeps separators (they delimit numbers), so it works on a fold of the text
// that maps each UTF-16 unit to exactly one unit: offsets stay those of the original.
const CONTACT_FOLD = /[A-Z\uff01-\uff5e\u3000\u3002\uff61\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
function foldForContacts(text: string): string {
  return text.replace(CONTACT_FOLD, (ch) => {
    const c = ch.charCodeAt(0);
    if (c <= 0x5a) return String.fromCharCode(c + 32);
    if (c >= 0xff01 && c <= 0xff5e) {
      const a = c - 0xfee0;
      return String.fromCharCode(a >= 0x41 && a <= 0x5a ? a + 32 : a);
    }
    if (c === 0x3002 || c === 0xff61) return '.';
    return ' ';
  });
}

// A CN mobile number, digits optionally split by spaces or dashes. Not glued to other letters or
// digits, so order numbers (DD20261127000123, 16+ digit ids) and SKU codes are not phones.
const PHONE = /(?<![0-9a-z])(?:\+?86[\s-]{0,3})?1[3-9](?:[\s-]{0,3}\d){9}(?!\d)/g;
// A CN landline with its area code ("010-12345678", "(0755) 8888-1234") and a 400/800 service
// line ("400-800-8888"). Written with a separator or the area code in brackets, as people write
// them: a bare run of digits starting with 0 or 400 is as likely an order number, and more digit
// groups after it make it a tracking number ("SF 0755 1234 5678 9").
// Taiwan's two-digit area codes too ("03-852-0000", "(02)2345-6789": a Taipei shop's agent, forty-fourth session).
const LANDLINE = /(?<![0-9a-z][\s-]{0,3})(?:\(0\d{1,3}\)[\s-]{0,3}|0\d{1,3}[\s-]{1,3})\d{3,4}[\s-]?\d{4}(?![\s-]?\d)/g;
// A Taiwan mobile with its separators ("0912-888-777"), and a North American number in its 3-3-4 groups ("416-555-0100",
// "(416) 555-0100": a Toronto shop's agent, forty-fourth session, sent it after "call me directly at"). Not a size in mm, nor
// a part or order number named so ("SKU 200-300-4000"), nor a date after "call back on" (found in review).
const TW_MOBILE = /(?<![0-9a-z][\s-]{0,3})09\d{2}[\s-]\d{3}[\s-]?\d{3}(?![\s-]?\d)/g;
const NANP = /(?<![0-9a-z][.-]?)(?<![0-9][\s.-]{1,3})(?<!(?:sku|model|part|item|order|型号|货号|订单|编号)\s?[:：#]?\s?)(?:1[\s.-])?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[.-])[2-9]\d{2}[.-]\d{4}(?![\s.-]?\d)(?!\s?(?:mm|cm|m|元|块|g|kg|ml)(?![a-z]))/g;
// 400-820-8820: ten digits in the 3-3-4 groups the lines are sold in, with dashes; with spaces
// only after a word for calling ("热线 400 820 8820"): "价格 400 500 6000" is a list of prices.
const SERVICE_LINE = /(?<![0-9a-z][\s-]{0,3})[48]00-\d{3}-\d{4}(?![\s-]?\d)(?!\s?(?:mm|cm|m|元|块|g|kg|ml)(?![a-z]))|(?<=(?:电话|热线|拨打|致电|打|call|tel|phone)[^0-9]{0,4})[48]00\s\d{3}\s\d{4}(?![\s-]?\d)/g;
// Numbers of other countries (found from outside: a Malaysian and a US shop's agents sent "call me at
// 012-3456789", "+60 12-345 6789", "whatsapp 6012 345 6789" unrefused). With a "+" and a country
// code; or 7-15 digits right after a word for calling or texting; or a Malaysian mobile written
// with its separators. A bare run of digits stays an order number.
// Points, scores and prices are no numbers ("+1 000 000 bonus points": found in review).
const INTL_PHONE = /(?<![0-9a-z+])\+[1-9]\d{0,2}(?:[\s().-]{0,2}\d){7,13}(?![\s-]?\d)(?!\s?(?:积分|分|元|块|%|points?|pts|bonus|off)(?![a-z]))/g;
// An adverb between ("call me directly at 416…": a Toronto shop, forty-fourth session, delivered), and a hotline ("打我们的热线 6777 1234":
// a Singapore shop's landline, delivered).
// Only words for calling or texting someone: not 号码 alone, which is an invoice's, a waybill's or an
// order's ("运单号码：773012345678": found in review), nor "ring" or "text" without "me"/"us".
const CALLED_NUMBER =
  /(?<=(?:(?<![a-z])(?:call|phone|tel|mobile|cell|whatsapp|hp|(?:my|our) (?:phone |mobile |contact |whatsapp |cell )?number is|reach me|contact me)|(?<![a-z])(?:text|sms|ring|wa) (?:me|us)|电话|手机|手机号|(?<![单票证码])号码|联系方式|热线|熱線|拨打|撥打|致电|致電|打给(?:我们?|你)?|打給(?:我們?|我|你)?)(?:\s?(?:me|us|him|her))?(?:\s(?:directly|anytime|any time|now|instead|back|please|pls|later|today|tonight|tomorrow|tmr))?(?:\s?(?:at|on|to))?(?:\s?(?:number|no\.?|num|is))?\s?[:：#=-]?\s?)(?!\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\(?\d(?:[\s().–-]{0,2}\d){6,14}(?![\s-]?\d)/g;
// After a word and a space it stands ("call me at 012-345 6789"); after digits it is one group of a longer number.
const MY_MOBILE = /(?<![0-9a-z])(?<![0-9][\s-]{1,3})01\d[\s–-]\d{3,4}[\s-]?\d{4}(?![\s-]?\d)/g;
// "vx: abc123", "微信号 wxid_88", "wechat=13812345678". A bare Latin word after the keyword
// ("pay by wechat directly") only counts when the id holds a digit or an explicit ":"/"=" or
// "号"/"id" marks it as an id.
const WECHAT_ID =
  /(?<![a-z0-9])(微信|威信|薇信|维信|徽信|v信|wechat|weixin|vx|wx)(\s?(?:号|號|id))?([\s:=-]{0,3})([a-z][a-z0-9_-]{5,19}|1[3-9]\d{9})(?![a-z0-9_-])/g;
const QQ_ID = /(?<![a-z0-9])(?:qq|扣扣|企鹅)(?:号码|号|號|id)?[\s:=-]{0,3}[1-9]\d{4,11}(?!\d)/g;
// "加微信", "加我vx", "联系qq", "加v": asking to move the chat elsewhere, with or without an id.
const ADD_CONTACT = /(?:添加|加|联系|留个|留下)(?:一下|我|你|个|下)?(?:的)?(微信|威信|薇信|维信|v信|vx|wx|wechat|weixin|qq|扣扣|v)(?![a-z])/g;
/**
 * LINE in Taiwan ("加我的LINE或打給我": a Taipei shop, forty-fourth session), 賴 as it is said there, and a LINE id given. Only 加 (添加
 * 赖氨酸 is lysine, 联系赖经理 a colleague named 赖: found in review), and not 赖 starting a word or a name.
 */
const LINE_CONTACT = /(?<!添)加(?:一下|我|你|个|下)?(?:的)?(?:line(?![a-z])|[赖賴](?![氨酸经师先小总老医姐哥子家皮账帳]))|(?<![a-z0-9])line\s?(?:id\s?(?:是|:|：|=|#)?|是|:|：|=)\s?@?[a-z0-9._-]{4,20}(?![a-z0-9._-])/g;
/**
 * "加微信" said as a warning, with no id: "加你微信嗰个唔系我哋嘅人！", "不要加陌生人微信", "千万别加他微信，是骗子" (an agent's scam warning
 * was refused as an off-platform contact: a Guangzhou shop, thirty-ninth session).
 */
// And a bare 不 right before it ("我们只在抖音这个对话框里服务，不加微信": a Chengdu shop, fortieth session), not 要不 or 还不 (a proposal).
// Needless, and never asked of the buyer ("照片直接在这里发就行，不需要加微信哦", "我们绝不会打电话让您加微信、扫码": a Hangzhou and a Chengdu
// shop, forty-second session, their agents' warnings refused): 不需要, 不必, 没必要 right before it only ("不需要下单直接加我微信" is a
// contact: found in review), and never asked of the buyer within one clause ("不会耽误您很久 请您加我微信" is one too).
const WARN_BEFORE = /(?:不要(?!紧)|别(?!人)|不会|勿|千万别|千万不要|唔好|唔会|从不|从来不|(?<!能)不能|不用|不可以|无需|无须|(?<![a-z])(?:never|don'?t|do not))[^，,。！!？?\s]{0,4}$|(?:不需要|不必|没必要)$|(?<![要还能])不$|(?:绝不会|从不会|从来不会|从不|从来不|绝不|(?<![a-z])(?:never|won'?t|will not))[^，,。！!？?\s]{0,8}(?:让|叫|要求)(?:您|你|顾客|客户|买家)$/;
const WARN_AFTER = /^[^。！!？?]{0,12}(?:唔系|不是|并非|不属于)(?:我们|我哋|本店|我们店|官方)|^[^。！!？?]{0,12}骗/;
const warnsAgainst = (f: string, start: number, end: number): boolean => WARN_BEFORE.test(f.slice(Math.max(0, start - 16), start)) || WARN_AFTER.test(f.slice(end, end + 20));
// Each pattern below can only start where a run of its characters starts (the lookbehinds) and
// repeats a bounded number of times, so crafted text (60k digits, "a.a.a.…") stays linear.
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/g;
const URL_WITH_SCHEME = /(?<![a-z0-9./])(?:https?:\/\/|www\.)[^\s<>"'，。、）)]{1,2048}/g;
const BARE_DOMAIN =
  /(?<![a-z0-9@.\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}(?:com|cn|net|org|top|xyz|cc|io|me|info|shop|vip|link|site|biz|tv|app|co)(?![a-z0-9-])(?::\d{1,5})?(?:[/?#][^\s<>"'，。、）)]{0,2048})?/g;

function hostOf(url: string): string {
  const rest = url.replace(/^https?:\/\//, '');
  return rest.split(/[/?#:]/, 1)[0]!.replace(/\.$/, '');
}

function allowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const h = a.toLowerCase();
    return host === h || host.endsWith(`.${h}`);
  });
}

/**
 * Phone numbers, WeChat/QQ ids and requests to add them, e-mail addresses and external URLs, in
 * order of position. Overlapping matches merge into one, of the kind of the leftmost ("加微信
 * abc123" is one WeChat match, not a request plus an id).
 */
export function detectOffPlatformContact(text: string, opts: ContactOptions = {}): ContactMatch[] {
  const f = foldForContacts(text);
  const found: ContactMatch[] = [];
  const add = (kind: ContactKind, start: number, end: number) => found.push({ kind, start, end, text: text.slice(start, end) });

  // Without its country code either way, but never by a short number's tail: 95588 allows 95588, not any mobile ending in it (found in review);
  // and only a country code's worth more (1 to 3 digits, a trunk 0 with it): "+1 212 61234567" is no "61234567" (found in review).
  const ownPhone = (digits: string) =>
    (opts.allowedPhones ?? []).some((p) => p === digits || (digits.length >= 7 && p.length >= 7 && Math.abs(p.length - digits.length) <= 4 && (p.endsWith(digits) || digits.endsWith(p))));
  for (const re of [PHONE, LANDLINE, TW_MOBILE, NANP, SERVICE_LINE, INTL_PHONE, CALLED_NUMBER, MY_MOBILE]) {
    for (const m of f.matchAll(re)) if (!ownPhone(m[0].replace(/\D/g, ''))) add('phone', m.index, m.index + m[0].length);
  }
  for (const m of f.matchAll(WECHAT_ID)) {
    const [, , marker, sep, id] = m;
    const explicit = marker !== undefined || /[:=]/.test(sep!);
    if (!explicit && !/\d/.test(id!)) continue;
    add('wechat', m.index, m.index + m[0].length);
  }
  for (const m of f.matchAll(QQ_ID)) add('qq', m.index, m.index + m[0].length);
  for (const m of f.matchAll(ADD_CONTACT)) {
    if (warnsAgainst(f, m.index, m.index + m[0].length)) continue;
    const app = m[1]!;
    add(app === 'qq' || app === '扣扣' ? 'qq' : 'wechat', m.index, m.index + m[0].length);
  }
  for (const m of f.matchAll(LINE_CONTACT)) if (!warnsAgainst(f, m.index, m.index + m[0].length)) add('line', m.index, m.index + m[0].length);
  const allowed = opts.allowedHosts ?? [];
  // An address at one of those hosts is the platform's or the shop's own ("photos@atxgrillco.com": two shops, thirty-eighth session).
  for (const m of f.matchAll(EMAIL)) if (!(allowed.length > 0 && allowedHost(m[0].slice(m[0].indexOf('@') + 1), allowed))) add('email', m.index, m.index + m[0].length);
  for (const re of [URL_WITH_SCHEME, BARE_DOMAIN]) {
    for (const m of f.matchAll(re)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      if (allowed.length > 0 && allowedHost(hostOf(url), allowed)) continue;
      add('url', m.index, m.index + url.length);
    }
  }
  if (found.length <= 1) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ContactMatch[] = [];
  for (const c of found) {
    const last = out.at(-1);
    if (last && c.start < last.end) {
      if (c.end > last.end) out[out.length - 1] = { ...last, end: c.end, text: text.slice(last.start, c.end) };
      continue;
    }
    out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Policies

export type AgentMessageCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'prohibited_word'; readonly matches: SensitiveHit[] }
  | { readonly ok: false; readonly reason: 'off_platform_contact'; readonly matches: ContactMatch[] };

/**
 * An agent's outgoing text is refused, not rewritten: the agent sees why and rephrases, and the
 * buyer never receives a silently altered message. Prohibited words are reported first.
 */
export function checkAgentMessage(filter: SensitiveFilter, text: string, opts: ContactOptions = {}): AgentMessageCheck {
  const words = filter.find(text);
  if (words.length > 0) return { ok: false, reason: 'prohibited_word', matches: words };
  const contacts = detectOffPlatformContact(text, opts);
  if (contacts.length > 0) return { ok: false, reason: 'off_platform_contact', matches: contacts };
  return { ok: true };
}

/**
 * An agent's picture is a way off the platform like a link: a QR code of a WeChat id or a shop elsewhere reads the same to
 * the buyer's phone (found from outside: agents' images from any host passed while their links were refused). So an agent's
 * image must be at a host the operator or the shop allows, for images or for links; the buyer's are not checked.
 */
export function checkAgentImage(url: string, opts: ContactOptions = {}): AgentMessageCheck {
  // The URL parser's host, as the buyer's browser reads it, not a split: "https://alicdn.com@evil.example/" is at evil.example.
  const host = URL.parse(url)?.hostname.replace(/\.$/, '');
  if (host && allowedHost(host, [...(opts.allowedImageHosts ?? []), ...(opts.allowedHosts ?? [])])) return { ok: true };
  return { ok: false, reason: 'off_platform_contact', matches: [{ kind: 'image', start: 0, end: url.length, text: url }] };
}

/**
 * A buyer's text is delivered with prohibited words masked. Contacts are left alone: a buyer may
 * well give the shop a phone number for delivery.
 */
export function maskBuyerMessage(filter: SensitiveFilter, text: string): { text: string; masked: boolean } {
  const r = filter.mask(text);
  return { text: r.text, masked: r.hits.length > 0 };
}
