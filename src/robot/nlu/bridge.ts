/**
 * English messages with Chinese words in them ("did you get my 退貨 package?", "is my 換貨 request
 * approved yet?"): each Chinese phrase the synonym lexicon knows is rewritten as the first English
 * phrase of the same concept (the two synonym files share concept ids), in place, so that the
 * English cues, some of which are phrases, see it. Only for the intent: entities and the FAQ read
 * the text as typed. Chinese messages with English words are left alone: the cues know English
 * words already, and Chinese translations added beside them confused more than they helped
 * (docs/robot-evaluation.md, part 5).
 */
import { defaultLexicon, synonymGroups, type Lexicon } from '../lexicon/index.ts';

const HAN = /\p{Script=Han}/u;
/** The message so far is nothing but a greeting (or nothing). */
const GREETED = /^\s*(?:(?:hi|hello|hey|yo|dear|excuse me|good (?:morning|afternoon|evening))\s*)?$/i;

let english: ReadonlyMap<string, string> | undefined;

/** Concept id → its first English phrase. */
function englishWords(): ReadonlyMap<string, string> {
  if (english) return english;
  const m = new Map<string, string>();
  // Question words (`?when`) are no concept to translate.
  for (const [id, phrases] of synonymGroups('./synonyms.en.json')) if (!id.startsWith('?') && phrases[0]) m.set(id, phrases[0]);
  return (english = m);
}

/** The normalised text of an English message with its known Chinese phrases in English, or undefined when nothing changes. */
export function bridged(text: string, lang: 'zh' | 'en', lexicon: Lexicon = defaultLexicon()): string | undefined {
  if (lang !== 'en' || !HAN.test(text)) return undefined;
  const words = englishWords();
  const spans = lexicon.matchHan(text).filter((m) => words.has(m.id));
  if (spans.length === 0) return undefined;
  let out = text;
  for (const m of spans.sort((a, b) => b.start - a.start)) {
    // "hi 客服, has my order 发货 yet?": the agent addressed, not a person asked for.
    const vocative = m.id === 'human' && GREETED.test(text.slice(0, m.start)) && /^\s*[,，:：!！]/.test(text.slice(m.end));
    out = `${out.slice(0, m.start)} ${vocative ? '' : words.get(m.id)} ${out.slice(m.end)}`;
  }
  return out;
}
