/**
 * Text normalisation: one pass that turns what buyers type ("ｗｈｅｒｅ’ｓ my pkg？？😡",
 * "快递咋还没到啊啊!!!", "退貨") into a canonical form the classifier, the entity extractor and the
 * FAQ index share. Pure and allocation-light: it runs on every message.
 */
import { defaultHomophoneFixer } from './homophones.ts';
import { remembered } from '../memo.ts';
import { defaultTokenizer } from './tokenizer.ts';
import { defaultSpeller } from './spelling.ts';
import { isPinyin, pinyinReader } from './pinyin-words.ts';
import { CANTONESE_MARK, CANTONESE_PHRASES, EN_WORDS, SPANISH_WORDS, MALAY_MINE, MALAY_PHRASES, MALAY_WORDS, NOT_ENGLISH, PINYIN_ABBREVIATIONS, PINYIN_BESIDE_HAN, PINYIN_DAYS, TRAD_TO_SIMP, ZH_PHRASES } from './tables.ts';
import { simplifiedOf } from '../lexicon/index.ts';

export interface Normalized {
  /** NFKC (full-width → half-width), emoji and decorations stripped, case kept: for order numbers and SKUs. */
  readonly display: string;
  /** Lower-cased, simplified, slang and typos mapped, punctuation unified. */
  readonly text: string;
  /**
   * `text` prepared for cue scanning: a space at every script change (Han ↔ Latin/digits),
   * clause punctuation turned into ` | `, padded with spaces so English cues can demand word starts.
   */
  readonly scan: string;
  /** Angry emoji seen before they were stripped: a weak complaint signal. */
  readonly angry: number;
  /** A platform's stand-in for a picture or a video was in the text ("[图片]"), stripped: something shown, which the robot cannot see. */
  readonly picture?: true;
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const ANGRY = /[\u{1F620}\u{1F621}\u{1F92C}\u{1F47F}\u{1F4A2}\u{1F624}\u{1F644}\u{1F595}]/gu;
// Symbols, emoji, modifiers, variation selectors, keycaps, arrows and the decorative tilde.
export const DECORATION = /[\p{Extended_Pictographic}\p{So}\p{Sk}\p{Cf}\p{Co}\u{2190}-\u{21FF}~]|[\u{FE00}-\u{FE0F}]|\u{20E3}|\p{Emoji_Modifier}/gu;
const BRACKETS = /[()[\]{}<>「」『』【】《》〈〉"“”„]/g;
/**
 * What a platform puts where text cannot go (found from outside: "收到的鞋子开胶了 [图片]" read "图片" as words): a picture
 * or a video is evidence at hand; a sticker ("[表情]") says nothing.
 */
const PICTURE_STANDIN = /[[【](?:图片|圖片|照片|相片|视频|視頻|image|img|photo|picture|pic|video)(?:消息|訊息|讯息)?[\]】]/giu;
const STICKER_STANDIN = /[[【](?:表情|动画表情|動畫表情|emoji|sticker|贴纸|貼圖)[\]】]/giu;

/** A text of stand-ins and nothing else: "[图片]" is a picture sent (a person looks at it), "[表情]" a sticker (an acknowledgement). */
export function standInsOnly(text: string): 'picture' | 'sticker' | undefined {
  if (text.length > 200 || !/[\]】]\s*$/u.test(text)) return undefined;
  const unpictured = text.replace(PICTURE_STANDIN, '');
  if (unpictured.replace(STICKER_STANDIN, '').trim() !== '') return undefined;
  return unpictured !== text ? 'picture' : 'sticker';
}
const REPEATED_PUNCT = /([!?.,;:])[!?.,;:]+/g;
const SPACES = /\s+/g;
const LATIN_WORD = /(?<![a-z0-9])[a-z][a-z']*(?![a-z0-9])/g;
const DIGIT_WORD = /(?<![a-z0-9])(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]+(?![a-z0-9])/g;
const SPACE_BETWEEN_HAN = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;

const ZH_PHRASES_SORTED = [...ZH_PHRASES].sort((a, b) => b[0].length - a[0].length);
/**
 * Sichuan (a Chengdu shop, thirty-fourth session): 好久 asks how long or when ("保质期好久", "今天拍好久发", "最晚好久下单"),
 * 好多 how much ("补好多", "买好多钱包邮"). Only where they ask: "等了好久", "好久没到", "好多人" are Mandarin's "a long
 * time" and "many".
 */
const SICHUAN_WORD = /好久|好多/;
const SICHUAN: readonly (readonly [RegExp, string])[] = [
  [/(是|最晚|最迟)好久/g, '$1什么时候'],
  [/好久(?=发|到|能|下单|寄|送|过期|要坏|会坏)/g, '多久'],
  [/(保质期|能放|放得|要等|还要|要排|等)好久(?=[哦嘛呢啊哈呀?？\s]|$)/g, '$1多久'],
  [/(补|要|买|付)好多(?=钱[哦嘛呢啊哈呀?？一包]|[哦嘛呢啊哈呀?？\s]|$)/g, '$1多少'],
  [/好多钱(?=一|包邮|[哦嘛呢啊哈呀?？])/g, '多少钱'],
];
/**
 * Shaanxi's 额 ("I") opening a clause before what one does or has ("你是机器人吧 额要找人", "额付了哈", "额有照片": a Xi'an
 * shop, thirty-third session); never inside 金额, 余额, 名额, nor 额外, 额度.
 */
const SHAANXI_I = /(^|[\s，,。.!！?？~那])额(?=[要想的家在刚付有再已就这买订那是等也都没])/g;
const CANTONESE_SORTED = [...CANTONESE_PHRASES].sort((a, b) => b[0].length - a[0].length);

/** A key as typed, where case, width, spaces and punctuation do not count ("#a-77" is "a77"). */
export const foldedKey = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function normalize(input: string): Normalized {
  const n = normalizeText(input);
  return { ...n, scan: toScan(n.text) };
}

/**
 * The last few texts normalised: the robot's NLU and then its FAQ search normalise the same
 * message (issue #16). Keyed with the tokenizer's generation, since the homophone fixer cuts with
 * it and a shop's words added to it may change a cut.
 */
const RECENT_MAX = 8;
const recent = new Map<string, Omit<Normalized, 'scan'>>();

/** `normalize` without the scan text, for callers that only tokenise (the FAQ index). */
export function normalizeText(input: string): Omit<Normalized, 'scan'> {
  return remembered(recent, `${defaultTokenizer().generation}\u0000${input}`, RECENT_MAX, () => normalizeOnce(input));
}

// "好 麻煩了" is a yes and thanks ahead, "好麻烦了" what a hassle: the space that tells them apart goes when Chinese is joined, so the
// yes is written out first ("好 麻煩了" to "shall I get a person?": a Taipei shop, forty-eighth session, read as a goodbye).
const OK_THEN_THANKS = /^(\s*)好[\s,，。.!！~～]+(?=麻烦|麻煩)/;

function normalizeOnce(input: string): Omit<Normalized, 'scan'> {
  let s = input.normalize('NFKC').replace(OK_THEN_THANKS, '$1好的');
  const angry = s.match(ANGRY)?.length ?? 0;
  const unpictured = s.replace(PICTURE_STANDIN, ' ');
  const shown = unpictured !== s;
  s = unpictured
    .replace(STICKER_STANDIN, ' ')
    .replace(DECORATION, ' ')
    .replace(/[’‘`´]/g, "'")
    .replace(BRACKETS, ' ')
    .replace(/。/g, '.')
    .replace(/、/g, ',')
    .replace(/[·•]/g, ' ')
    .replace(REPEATED_PUNCT, '$1')
    .replace(SPACES, ' ')
    .trim();
  const display = s;

  let t = joinSyllables(display);
  // "早晨" alone is Hong Kong's good morning, not the morning of "聽日早晨送唔送到" (found from outside, then in review).
  if (MORNING_ALONE.test(t)) t = t.replace('早晨', '早上好');
  if (HAN.test(t)) t = toSimplified(t);
  const speller = defaultSpeller();
  // A capitalised word inside a sentence is a name ("this is Liam", "Huawei"): never corrected.
  const named = (at: number) => at > 0 && /[A-Z]/.test(display[at]!) && !/[.!?。！？]\s*$/.test(display.slice(0, at));
  // Letters before digits are an id's prefix ("JT 5566 7788 …"), not a pinyin abbreviation of a day;
  // "zt" beside another courier ("发sf还是zt") is ZTO, not 昨天.
  const prefix = (w: string, at: number) => PINYIN_DAYS.has(w) && (/^\s*\d/.test(t.slice(at + w.length, at + w.length + 3)) || (w === 'zt' && COURIERS.test(display)));
  const besideHan = (w: string, at: number) => (HAN.test(t[at - 1] ?? '') || HAN.test(t[at + w.length] ?? '') ? PINYIN_BESIDE_HAN.get(w) : undefined);
  // Letters joined to digits by a dash are a code ("K-2231", "SO-2024-881"): "k" there is not "ok".
  const code = (w: string, at: number) => /^[-_/]\d/.test(t.slice(at + w.length, at + w.length + 2)) || /\d[-_/]$/.test(t.slice(Math.max(0, at - 2), at));
  const pinyinOf = pinyinReader(display, t, LATIN_WORD, isSyllable);
  t = malayPhrases(t);
  // Among Malay words an unknown word may be Malay: never corrected to a word that calls a person ("hujan" is
  // rain, not "human": found from outside, a hand-over); "refnud saya bila masuk?" is still a refund (found in review).
  const malay = (t.match(LATIN_WORD) ?? []).filter((w) => MALAY_WORDS.has(w)).length >= 2;
  const corrected = (w: string) => {
    const c = speller.correct(w);
    return malay && c !== undefined && CALLS_A_PERSON.has(c) ? undefined : c;
  };
  t = t.replace(LATIN_WORD, (w, at: number) => (code(w, at) ? w : undefined) ?? besideHan(w, at) ?? ageUnit(w, t.slice(Math.max(0, at - 2), at)) ?? EN_WORDS.get(w) ?? MALAY_WORDS.get(w) ?? (prefix(w, at) ? undefined : pinyinOf(w, at)) ?? (NOT_ENGLISH.has(w) || named(at) ? w : corrected(w)) ?? w);
  // Textspeak with a digit in it ("2moro", "b4"): only the slang table's.
  t = t.replace(DIGIT_WORD, (w) => EN_WORDS.get(w) ?? w);
  t = t.replace(ME_AS_MY, 'my ').replace(ANY_SIGN_OF, 'where is ').replace(IRISH_AFTER, (_m, verb: string) => ` ${IRISH_PAST[verb] ?? verb}`);
  // 注音 alone too ("ㄅㄅ": bye bye).
  if (HAN.test(t) || BOPOMOFO.test(t)) {
    if (CANTONESE_MARK.test(display)) for (const [from, to] of CANTONESE_SORTED) if (t.includes(from)) t = t.replaceAll(from, to);
    for (const [from, to] of ZH_PHRASES_SORTED) if (t.includes(from)) t = t.replaceAll(from, to);
    if (t.includes('额')) t = t.replace(SHAANXI_I, '$1我');
    if (SICHUAN_WORD.test(t)) for (const [from, to] of SICHUAN) t = t.replace(from, to);
    t = defaultHomophoneFixer().fix(t);
    // "我今年17 能买吗": an age said without 岁 (found from outside: the shop's "我17岁能买吗" was missed).
    t = t.replace(AGE_WITHOUT_UNIT, '今年$1岁');
    t = t.replace(SPACE_BETWEEN_HAN, '$1');
  }
  // The padding joined syllables left (joinSyllables) is no longer needed for positions.
  return { display, text: t.replace(SPACES, ' ').trim(), angry, ...(shown ? { picture: true as const } : {}) };
}

const BOPOMOFO = /[\u3105-\u312f]/;
/**
 * The Irish perfect: "the cream's after burning me skin", "I'm after paying twice" (has burnt, have paid). Found in the fifty-first
 * session's review (a Dublin shop's words): the burn was not read.
 */
const IRISH_PAST: Readonly<Record<string, string>> = {
  burning: 'burnt', breaking: 'broke', cutting: 'cut', paying: 'paid', ordering: 'ordered', falling: 'fell', spilling: 'spilt',
  swallowing: 'swallowed', eating: 'ate', drinking: 'drank', losing: 'lost', dropping: 'dropped', bursting: 'burst', arriving: 'arrived',
  leaving: 'left', charging: 'charged', melting: 'melted', cracking: 'cracked', scalding: 'scalded', sending: 'sent',
};
const IRISH_AFTER = new RegExp(`(?:'s|'m|'re| is| am| are| was| were) (?:just )?after (${Object.keys(IRISH_PAST).join('|')})(?![a-z])`, 'g');
/** "any sign of my battery", "any sign of it yet": where it is, of the buyer's own (not "any sign of damage"). */
const ANY_SIGN_OF = /(?<![a-z])any sign of (?=(?:my|our|it|them)(?![a-z]))/g;
/**
 * Irish and northern English "me" for my, before goods or an order ("howya, any sign of me battery?", "where's me order lads": a Dublin
 * shop, fifty-first session, the FAQ's warranty entry offered); not "send me the", "for me please".
 */
// And before a part of the body ("it proper burnt me face": a London shop, fifty-first session, "not sure").
const ME_AS_MY = /(?<![a-z])(?<!(?:let|send|give|show|pass|tell|help|call|nearly \w+|almost \w+) )me (?=(?:face|skin|lips?|eyes?|hands?|arms?|neck|scalp|mouth|cheeks?|fingers?)(?![a-z]))|(?<=(?:sign of|where'?s|where is|wheres|where are|about|with|for|on|track|tracking|chase|find) )me (?=(?:order|orders|parcel|parcels|package|packages|delivery|refund|money|stuff|item|items|box|goods|gear|battery|charger|bike|helmet|tyres?|tires?|lights?|phone|case|jacket|shoes|return|exchange|kit|wheels?|saddle|pump|lock)(?![a-z]))/g;
const MORNING_ALONE = /^\s*早晨[\s!！~。.呀啊喔哦]*$/;
/** Words a correction must not make up among Malay words: each asks for a person. */
const CALLS_A_PERSON: ReadonlySet<string> = new Set(['human', 'agent', 'person', 'people', 'someone', 'staff', 'manager']);
/** Malay's own phrases and "order saya" as English, before Malay words are read one by one (tables.ts). */
const MALAY_PHRASE = new RegExp(`(?<![a-z])(?:${[...MALAY_PHRASES.keys()].join('|')})(?![a-z])`, 'g');
// Padded to the phrase's length (each English is no longer): positions in the text still point at `display`'s words.
const malayPhrases = (t: string): string =>
  t.replace(MALAY_MINE, (m, goods: string) => `my ${goods}`.padEnd(m.length)).replace(MALAY_PHRASE, (p) => MALAY_PHRASES.get(p)!.padEnd(p.length));

/**
 * "yr" after a number is a year, not "your": "my 2 yr old swallowed a button battery" read "my 2 your old…" and no child was
 * found (a Houston baby shop, forty-third session: silence in the queue).
 */
const ageUnit = (w: string, before: string): string | undefined => (/\d\s?$/.test(before) ? AGE_UNITS.get(w) : undefined);
const AGE_UNITS: ReadonlyMap<string, string> = new Map([['yr', 'year'], ['yrs', 'years'], ['mo', 'month'], ['mos', 'months']]);

const AGE_WITHOUT_UNIT = /今年(\d{1,2})(?![\d年月号日岁周天个元块%.])/g;
/** One pinyin syllable, toneless (an initial, then a final). */
const SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|ve|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)$/;
const SPACED_RUN = /(?<![A-Za-z0-9'])[A-Za-z]+(?: [A-Za-z]+)+(?![A-Za-z0-9'])/g;
/** Longest join tried, in syllables ("shen me shi hou"). */
const MAX_JOIN = 4;

/**
 * Pinyin typed syllable by syllable ("tui kuan hai mei dao zhang"), lower-cased: a run of words
 * that are all syllables, none capitalised (a name: "Bao Yang", "Ren Gong"), has neighbouring
 * syllables joined where the join is a word of the pinyin table ("tuikuan", read as 退款 later).
 * English never joins ("thank you fei": "thank" is no syllable). The result keeps the length of
 * `display` (the run is padded with the spaces it lost), so positions in it still point at the
 * same words of `display`.
 */
// normalize() and then detectLanguage() ask for the same text: the last answer is kept.
let joinedFrom: string | undefined;
let joined = '';
function joinSyllables(display: string): string {
  if (display !== joinedFrom) [joinedFrom, joined] = [display, joinRuns(display)];
  return joined;
}

function joinRuns(display: string): string {
  return display.replace(SPACED_RUN, (run) => {
    const w = run.split(' ');
    if (/[A-Z]/.test(run) || !w.every((x) => SYLLABLE.test(x))) return run;
    return segmentSyllables(w).join(' ').padEnd(run.length, ' ');
  }).toLowerCase();
}

/**
 * The syllables as words of the pinyin table: the split that leaves the fewest syllables alone,
 * then has the fewest words ("tui kuan hai mei dao zhang" is tuikuan haimei daozhang, not
 * tuikuan haimeidao zhang, though 还没到 is a word too).
 */
function segmentSyllables(w: readonly string[]): string[] {
  // best[i]: [syllables left alone, words] for w[0..i), and the length of the last piece.
  const best: { alone: number; words: number; last: number }[] = [{ alone: 0, words: 0, last: 0 }];
  for (let i = 1; i <= w.length; i++) {
    for (let n = 1; n <= Math.min(MAX_JOIN, i); n++) {
      const prev = best[i - n]!;
      const word = n > 1 && isPinyinWord(w.slice(i - n, i).join(''));
      if (n > 1 && !word) continue;
      const alone = prev.alone + (word ? 0 : 1);
      const words = prev.words + 1;
      const cur = best[i];
      if (!cur || alone < cur.alone || (alone === cur.alone && words < cur.words)) best[i] = { alone, words, last: n };
    }
  }
  const out: string[] = [];
  for (let i = w.length; i > 0; i -= best[i]!.last) out.unshift(w.slice(i - best[i]!.last, i).join(''));
  return out;
}

const isSyllable = (w: string) => SYLLABLE.test(w);
/** Shortest word read as syllables only beside a known pinyin word ("keyi"; "hang", "me" are syllables already). */
const MIN_SYLLABLES_WORD = 4;
/** A syllable inside a written word: only the first may start with a vowel (pinyin writes "xi'an"), and none is "v" ("engraving" is no eng-ra-v-ing). */
const inWord = (syllable: string, at: number) => SYLLABLE.test(syllable) && !syllable.includes('v') && (at === 0 || !/^[aeiou]/.test(syllable));
/** A long word that splits wholly into two to four syllables ("xuetangyi", "shangchuan"). */
function syllablesOnly(w: string): boolean {
  if (w.length < MIN_SYLLABLES_WORD || w.length > 6 * MAX_JOIN) return false;
  const ends: number[][] = [[0]];
  for (let i = 1; i <= w.length; i++) {
    ends[i] = [];
    for (let j = Math.max(0, i - 6); j < i; j++) for (const n of ends[j]!) if (n < MAX_JOIN && inWord(w.slice(j, i), j)) ends[i]!.push(n + 1);
  }
  return ends[w.length]!.some((n) => n >= 2);
}
/** Couriers by name or abbreviation: "zt" among them is 中通, not a day. */
const COURIERS = /(?<![a-z])(?:sf|yt|yd|sto|zto|yto|ems|jd)(?![a-z])|顺丰|圆通|申通|韵达|中通|京东|邮政|极兔|德邦|快递公司|哪家快递/i;
const isPinyinWord = (s: string) => isPinyin(s) && !PINYIN_ABBREVIATIONS.has(s);

/** Traditional characters this table lacks ("異", "隻") are folded with the lexicon's wider one, as FAQ entries are. */
function toSimplified(s: string): string {
  let out = '';
  let changed = false;
  for (const ch of s) {
    const m = TRAD_TO_SIMP.get(ch) ?? simplifiedOf(ch);
    if (m !== undefined) changed = true;
    out += m ?? ch;
  }
  return changed ? out : s;
}

function toScan(t: string): string {
  const s = t
    // A full stop between digits is a decimal point, not the end of a clause.
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' | ')
    .replace(/[,!?;:]/g, ' | ')
    .replace(/[^\p{Script=Han}a-z0-9'|. ]/gu, ' ')
    // A quote mark around words ("it says 'delivered'") is not an apostrophe: cues start at the word.
    .replace(/(?<![a-z])'|'(?![a-z])/g, ' ')
    .replace(/(\p{Script=Han})(?=[a-z0-9])/gu, '$1 ')
    .replace(/([a-z0-9])(?=\p{Script=Han})/gu, '$1 ')
    .replace(SPACES, ' ')
    .trim();
  return ` ${s} `;
}

export interface LanguageGuess {
  readonly lang: 'zh' | 'en';
  /** False when the text says too little to tell (digits only, a lone "ok"). */
  readonly detected: boolean;
  /**
   * Enough to move a conversation to this language: two Han characters or pinyin words, or a few
   * English words ("ok", "ty" or one abbreviation are not).
   */
  readonly strong: boolean;
}

/**
 * Beside Chinese, a brand or a product is no English ("Nike Air Max 发货了吗", "支持Apple Pay吗",
 * "iPhone 还有货吗"): a word with a capital inside it, or a capitalised one that does not open a
 * sentence. Not when a capitalised word is plain English ("My 订单 Has Not Arrived", "Cancel My
 * Order 谢谢": found in review), nor a word in capitals ("WHERE IS MY 快递"), and "Please 转人工" and
 * "I want 真人客服" stay English.
 */
const PLAIN_ENGLISH = new Set(['i', 'me', 'my', 'you', 'your', 'we', 'our', 'it', 'is', 'are', 'was', 'has', 'have', 'had', 'not', 'no', 'the', 'a', 'an', 'to', 'of', 'for', 'in', 'on', 'at', 'and', 'or', 'but', 'where', 'when', 'what', 'why', 'how', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'this', 'that', 'please', 'want', 'need', 'order', 'return', 'cancel', 'refund', 'still', 'yet', 'been', 'arrived', 'received']);
const capitalised = (word: string) => /^[A-Z]/.test(word);
function namesBesideChinese(display: string, words: readonly RegExpMatchArray[]): (m: RegExpMatchArray) => boolean {
  const typed = (m: RegExpMatchArray) => display.slice(m.index, m.index! + m[0].length);
  if (words.some((m) => capitalised(typed(m)) && PLAIN_ENGLISH.has(m[0]))) return () => false;
  return (m) => {
    const w = typed(m);
    if (w.length >= 2 && w === w.toUpperCase()) return false;
    return /.[A-Z]/.test(w) || (capitalised(w) && !/(?:^|[.!?。！？])[\s"'“‘(]*$/.test(display.slice(0, m.index)));
  };
}

/** A word of an id typed with dashes and digits ("TB-ORDER-2024-11-19-000128-GOLD-RING"): no English. */
function idPart(lower: string, at: number): boolean {
  const end = lower.indexOf(' ', at);
  const token = lower.slice(lower.lastIndexOf(' ', at) + 1, end < 0 ? lower.length : end);
  return /[-_]/.test(token) && /\d/.test(token);
}

/**
 * Chinese vs English per utterance. Han characters count one each, English words two each (a word
 * carries about as much as two characters); pinyin the buyer typed for Chinese words counts as
 * Chinese. Ties go to Chinese: mixed-script buyers on these platforms are mostly Chinese speakers.
 */

/** Two Spanish words or more, as typed (tables.ts `SPANISH_WORDS`): a language the robot does not read. */
export function readsSpanish(text: string): boolean {
  const words = new Set(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z]+/g) ?? []);
  let n = 0;
  for (const w of words) if (SPANISH_WORDS.has(w) && ++n >= 2) return true;
  return false;
}

/** A word's initials typed for it ("hf" 话费, "zdxf" 自动续费): consonants only. */
const INITIALS = /^[bcdfghjklmnpqrstwxyz]{2,4}$/;
/** English shorthand that looks like initials ("SF pls thx" is English: found in review). */
const ENGLISH_SHORT = new Set(['pls', 'plz', 'thx', 'thnx', 'ty', 'tq', 'sm', 'lol', 'omg', 'btw', 'idk', 'tbh', 'fyi', 'dm', 'pm', 'msg', 'np', 'nvm', 'brb', 'sry', 'bc', 'cs', 'sf', 'st', 'rd']);
export function detectLanguage(display: string): LanguageGuess {
  const lower = joinSyllables(display);
  const han = lower.match(HAN_ALL)?.length ?? 0;
  let en = 0;
  let enLong = 0;
  let pinyin = 0;
  let pinyinLong = 0;
  const pinyinOf = pinyinReader(display, lower, LATIN_WORD, isSyllable);
  // Each word read once: as typed (for the whole message) and without apostrophes (for itself).
  const words = [...lower.matchAll(LATIN_WORD)];
  const isName = han >= 2 ? namesBesideChinese(display, words) : () => false;
  const latin = words.map((m) => {
    const w = m[0].replace(/'/g, '');
    const asTyped = pinyinOf(m[0], m.index) !== undefined;
    const name = isName(m) || idPart(lower, m.index);
    return { w, typed: m[0], asTyped, name, alone: w === m[0] ? asTyped : pinyinOf(w, m.index) !== undefined };
  });
  // "neng kai zhuanpiao ma": nothing but syllables around a pinyin word is pinyin, syllables included;
  // so with initials for a word among them ("hf chong cuo le zenme ban", "zdxf zenme guan": found from
  // outside, switched to English).
  // "xuetangyi keyi kai fapiao ma": words made of syllables that the table lacks (血糖仪, 可以) are pinyin beside
  // one it knows (found from outside: switched to English). Never without one: "waiting since june" splits
  // into syllables too (found in review).
  const syllables = latin.every((x) => isSyllable(x.typed) || x.asTyped || syllablesOnly(x.typed)) && latin.some((x) => x.asTyped);
  const withInitials = latin.every((x) => isSyllable(x.typed) || x.asTyped || (INITIALS.test(x.typed) && !ENGLISH_SHORT.has(x.typed))) && latin.some((x) => x.asTyped && x.typed.length >= 4);
  const allPinyin = latin.length >= 3 && (syllables || withInitials);
  for (const { w, alone, name } of latin) {
    if (name) continue;
    if (alone || allPinyin) {
      pinyin++;
      if (!PINYIN_ABBREVIATIONS.has(w)) pinyinLong++;
    } else if (NOT_ENGLISH.has(w)) continue;
    else if (w.length >= 2 || w === 'i' || w === 'u') {
      en++;
      if (w.length >= 4) enLong++;
    }
  }
  const zhScore = han + 2 * pinyin;
  const enScore = 2 * en;
  if (zhScore === 0 && enScore === 0) return { lang: 'zh', detected: false, strong: false };
  const lang = zhScore >= enScore ? 'zh' : 'en';
  // One short English word ("ok", "hi") or one Han character is too little to switch languages on.
  const detected = lang === 'zh' ? zhScore >= 2 : enScore >= 4;
  // Chinese with English words in it ("Hello 我想check下order status", "ok明白 thanks", Hong Kong's way of
  // writing) leans English by its words, but its Han characters are how the buyer talks, not goods
  // named in an English sentence: too little to switch a Chinese conversation (found from outside).
  const mixed = lang === 'en' && han >= 2 && CHINESE_FRAME.test(display);
  const strong = detected && !mixed && (lang === 'zh' ? han >= 2 || pinyinLong >= 2 : en >= 3 || (en >= 2 && enLong >= 1));
  return { lang, detected, strong };
}

/** Words a Chinese sentence is built with, not goods named in an English one: a pronoun with a verb, a particle, Cantonese. */
const CHINESE_FRAME = /我(?:想|要|的|嘅|係|系|已經|已经|啱啱|刚刚|今日|今天|琴日|寻日|尋日)|[吗嗎呀啊吧呢喇啦咩]\s*[?？!！.。]*\s*$|明白|謝謝|谢谢|唔該|唔该|[嘅咗冇嚟喺啲嗰嘢]|唔[該该係系好使到得識识知]|可唔可以|係咪|系咪/;

/** Characters only the traditional script has, and the simplified ones they become (TRAD_TO_SIMP). */
const SIMPLIFIED: ReadonlySet<string> = new Set(TRAD_TO_SIMP.values());
const TRAD_ONLY: ReadonlySet<string> = new Set([...TRAD_TO_SIMP.keys()].filter((t) => !SIMPLIFIED.has(t)));
/** Written in both scripts as they stand (妳 and 臺 are rarer than 你 and 台 in traditional writing too): they tell no script (found in review: "你好" told simplified). */
const BOTH_SCRIPTS = new Set(['你', '台', '里', '着']);
const SIMP_ONLY: ReadonlySet<string> = new Set([...SIMPLIFIED].filter((s) => !TRAD_TO_SIMP.has(s) && !BOTH_SCRIPTS.has(s)));

/**
 * Which Chinese script a message is written in, by the characters the two do not share ("貨到哪裡了"
 * against "货到哪里了"); undefined when it has none of them ("好的", an order number): the
 * conversation keeps the script it had, as it keeps its language.
 */
export function chineseScript(text: string): 'hant' | 'hans' | undefined {
  // Written Cantonese is written in traditional characters: "hi 我嘅嘢到咗未", "小棕瓶漏晒 好嬲" tell no
  // script by their characters (found from outside: answered in simplified ones).
  return scriptByCharacters(text) ?? (CANTONESE_MARK.test(text) ? 'hant' : undefined);
}

/**
 * The script the characters tell, and nothing else: Guangzhou's buyers write Cantonese in simplified characters
 * ("我想改地址 寄去我公司 得唔得"), so where the conversation or the shop has told the script, Cantonese words do not
 * change it (a Guangzhou shop, thirty-third session: switched to traditional mid-conversation in seven turns).
 */
export function scriptByCharacters(text: string): 'hant' | 'hans' | undefined {
  let hant = 0;
  let hans = 0;
  for (const ch of text) {
    if (TRAD_ONLY.has(ch)) hant++;
    else if (SIMP_ONLY.has(ch)) hans++;
  }
  return hant > hans ? 'hant' : hans > hant ? 'hans' : undefined;
}

/** A greeting that opens a message, as typed (simplified or traditional, English): "你好 ", "親，", "hi, ", "hello there - "; 亲, 老板 and 客服 only with a break after them ("亲子装", "客服工作时间" are words). */
const LEADING_GREETING = /^(?:\s*(?:你好|您好|妳好|亲爱的|親愛的|亲亲|親親|在吗|在嗎|在不在|哈喽|哈囉|嗨|早上好|下午好|晚上好|早安|午安|晚安|(?:亲|親|老板|老闆|客服)(?=[\s,，.。!！~～:：])|hi|hello|hey|hiya|heya|dear|good (?:morning|afternoon|evening))(?![a-z])(?:\s+(?:there|team|guys|all))?[\s,，.。!！~～:：\-–—]*)+/iu;
/** What brings a question in ("请问", "我想问一下", "can i ask,", "quick q -", "Q:"). */
const LEAD_IN = /^\s*(?:请问|請問|(?:我)?想(?:请)?问(?:一下|下)?|(?:我)?想(?:請)?問(?:一下|下)?|问(?:一)?下|問(?:一)?下|(?:我想)?咨询(?:一)?下|(?:我想)?諮詢(?:一)?下|(?:can|may|could) i ask(?: you)?|quick (?:question|q)|q|i (?:wanted|want|would like) to (?:ask|know))(?![a-z])[\s,，.。!！~～:：\-–—]*/iu;
/** Thanks that close a message ("… 谢谢", "… thanks!", "… thank you so much"). */
const THANKS_CLOSING = /[\s,，.。!！~～]*(?:谢谢(?:你|您|啦|了|亲)?|謝謝(?:你|您|啦|了|親)?|多谢|多謝|感谢|感謝|thanks?(?: (?:a lot|so much|in advance))?|thank you(?: (?:so|very) much)?|thx|ty|tq|cheers)[\s,，.。!！~～🙏]*$/iu;
/**
 * The text without the pleasantries around it (a greeting or a lead-in before, thanks after: "你好 门店地址在哪", "中文背标 谢谢",
 * "can i ask, where do i send my return"), or the text itself when nothing else is left: a phrasing of the shop's typed with them
 * is still that phrasing (found in the forty-seventh session: of the sample shops' 1,180 phrasings, 37 after "你好" and 13 before
 * "谢谢"/"thanks" were offered as "did you mean…?", greeted or thanked back, or read as an order question).
 */
export function withoutPleasantries(text: string): string {
  const greeted = LEADING_GREETING.exec(text);
  let rest = greeted ? text.slice(greeted[0].length) : text;
  rest = rest.replace(LEAD_IN, '').replace(THANKS_CLOSING, '');
  return rest.trim() ? rest : text;
}
