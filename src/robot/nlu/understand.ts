/**
 * One utterance in, one Understanding out: normalise, detect the language, classify the intent,
 * extract entities, tokenise. CPU only, no I/O; the jieba dictionary is loaded once per process.
 */
import { isDataIntent, type Entity, type Intent, type Understanding } from '../types.ts';
import { featuresOf, stem } from './features.ts';
import { SoftmaxRegression } from './intent-model.ts';
import { cachedIntentModel } from './intent-model-cache.ts';
import { addressesPerson, defaultLexicon, foldTraditional, isPersonalTopic } from '../lexicon/index.ts';
import { IntentClassifier, type Classification, type ClassifierInput } from './classifier.ts';
import { trainingUtterances, type LabelledUtterance } from './corpus.ts';
import { extractEntities, namesProductCode } from './entities.ts';
import { NO_WORDS, YES_WORDS } from './lexicon.ts';
import { bridged } from './bridge.ts';
import { detectLanguage, normalize, standInsOnly } from './normalize.ts';
import { defaultTokenizer, type Tokenizer } from './tokenizer.ts';

export interface NluOptions {
  readonly tokenizer?: Tokenizer;
  readonly classifier?: IntentClassifier;
  /** Calendar of relative dates ("昨天"); minutes east of UTC, default 480 (China). */
  readonly tzOffsetMinutes?: number;
}

export interface Nlu {
  readonly tokenizer: Tokenizer;
  /** `tzOffsetMinutes`: the shop's calendar for this text, when it is not the NLU's own (a shop with a time zone of its own). */
  understand(text: string, now?: Date, tzOffsetMinutes?: number): Understanding;
  /** Whether this text's understanding is remembered (a call would cost microseconds, not the NLU's work). */
  remembers?(text: string): boolean;
}

/** The calendar relative dates are read on when none is given: China, minutes east of UTC. */
export const DEFAULT_TZ_OFFSET_MINUTES = 480;

/** Inputs longer than this are cut: a chat line, not a document, and the cost stays bounded. */
export const MAX_UTTERANCE = 500;
/** Texts up to this long are remembered, at most this many (the oldest go first). */
const MEMO_MAX_TEXT = 64;
const MEMO_MAX_ENTRIES = 5000;

interface TextUnderstanding {
  readonly n: ReturnType<typeof normalize>;
  readonly lang: ReturnType<typeof detectLanguage>;
  readonly tokens: readonly string[];
  readonly c: ReturnType<IntentClassifier['classify']>;
  readonly yesNo: 'yes' | 'no' | undefined;
  /** The entities as of one calendar day (relative dates are resolved against the day, not the hour). */
  entities?: { readonly day: number; readonly tz: number; readonly list: readonly Entity[] };
}

const DAY_MS = 86_400_000;

export function createNlu(opts: NluOptions = {}): Nlu {
  const tokenizer = opts.tokenizer ?? defaultTokenizer();
  const classifier = opts.classifier ?? defaultClassifier(tokenizer);
  const tz = opts.tzOffsetMinutes ?? DEFAULT_TZ_OFFSET_MINUTES;
  // Everything but the entities depends on the text alone, and buyers ask the same short
  // questions over and over ("我的快递到哪了", most of all during a sale): remembered per text.
  // Entities also depend on the day (relative dates: "昨天"): remembered with the day they were read on.
  const memo = new Map<string, TextUnderstanding>();
  const ofText = (text: string): TextUnderstanding => {
    let t = memo.get(text);
    if (t) return t;
    const n = normalize(text);
    const tokens = tokenizer.cut(n.text);
    const lang = detectLanguage(n.display);
    // An English message with Chinese words in it is classified with those words in English (bridge.ts).
    const other = bridged(n.text, lang.lang);
    const nc = other === undefined ? n : normalize(other);
    const tc = other === undefined ? tokens : tokenizer.cut(nc.text);
    const extra = productQuestion(n, shopTopics(nc.text, tc));
    const focus = questionClause(nc, tokenizer);
    const thumb = ACK_EMOJI.test(text.trim()) || standInsOnly(text) === 'sticker';
    const c = thanked(thankedOff(n), waved(WAVE_EMOJI.test(text.trim()), thumb || ACK_WORDS.test(n.text) || OH.test(n.text), notCancelling(classifier, tokenizer, nc, retracted(classifier, tokenizer, nc, askedLast(classifier, tokenizer, nc, notThatQuestion(classifier, tokenizer, nc, addressed(classifier, tokenizer, nc, unwrapped(classifier, tokenizer, nc, classifier.classify({ scan: nc.scan, angry: n.angry, features: featuresOf(nc.text, tc), extra, ...(focus ? { focus } : {}) }), extra), extra)))))));
    t = { n, lang, tokens, c: askedNotLeaving(text.toLowerCase(), quotedThanks(text, c, ofText)), yesNo: thumb ? 'yes' : yesNoOf(n.scan) }; // a thumbs-up to "shall I connect you?" is a yes
    if (text.length <= MEMO_MAX_TEXT) {
      if (memo.size >= MEMO_MAX_ENTRIES) memo.delete(memo.keys().next().value!);
      memo.set(text, t);
    }
    return t;
  };
  return {
    tokenizer,
    remembers: (text) => memo.has(text.slice(0, MAX_UTTERANCE)),
    understand(text, now = new Date(), zone = tz) {
      const t = ofText(text.slice(0, MAX_UTTERANCE));
      const { n, lang, tokens, c, yesNo } = t;
      const day = Math.floor((now.getTime() + zone * 60_000) / DAY_MS);
      let entities = t.entities?.day === day && t.entities.tz === zone ? t.entities.list : undefined;
      if (!entities) {
        // Shared by every turn that asks the same text on the same day: frozen, so no caller can change another's.
        entities = Object.freeze(extractEntities(n.display, n.text, { now, tzOffsetMinutes: zone }).map((e) => Object.freeze(e)));
        t.entities = { day, tz: zone, list: entities };
      }
      const d = decideGuess(c, entities, n.text);
      return {
        lang: lang.lang,
        langDetected: lang.detected,
        langStrong: lang.strong,
        intent: d.intent,
        confidence: d.confidence,
        ...(d.guess ? { guess: d.guess } : {}),
        ...(d.guessed ? { guessed: true } : {}),
        entities,
        ...(yesNo ? { yesNo } : {}),
        ...(n.picture ? { normalized: n.text, picture: true as const } : { normalized: n.text }),
        tokens: [...tokens],
        source: 'engine',
      };
    },
  };
}

const REFERENCED_CONFIDENCE = 0.3;
/** Below this, an FAQ reading gives way to an order number in the message. */
const FAQ_BESIDE_ID = 0.8;
/** The confidence of an intent taken from a guess (below every chosen one). */
export const GUESSED_CONFIDENCE = 0.25;

/**
 * Intents whose answer only reads (the buyer's orders, parcels and after-sales, a policy): when
 * the cues lean to one of them without enough weight to decide, it is taken. A buyer who meant
 * something else reads one answer that misses and says it again, which costs no more than the
 * "did you mean …?" it replaces, and most of the time the guess is right (on TRAIN 22 of the 24
 * guesses of these intents were). With an LLM configured, it is still asked (`guessed`). Intents
 * that change something or hand the buyer to a person (cancel, change the address, a human, a
 * complaint) are still confirmed first. A lean to `faq` is not taken: an unknown message searches
 * the shop's FAQ anyway, and offers its candidates when unsure.
 */
const TAKEN_WHEN_GUESSED: ReadonlySet<Intent> = new Set<Intent>(['track_parcel', 'order_status', 'delivery_estimate', 'aftersale_progress', 'return_policy', 'invoice', 'coupon']);

/**
 * "trk# 1Z999… not moving", "phone ending 0123, find my order": too few cue words to decide, but
 * the buyer named an order, so the order intent the cues leaned to is taken instead of asking
 * "did you mean …?"; so is a guess of an intent that only reads (above). Entities depend on the
 * clock, so this runs per call, after the memory.
 */
function decideGuess(c: Classification, entities: readonly Entity[], text: string): Pick<Classification, 'intent' | 'confidence' | 'guess'> & { guessed?: true } {
  // An order's number beside a question the FAQ only leans to ("the one i paid yesterday, MP-260472", "i just want to know if
  // MP-260472 is sent": a Manchester shop, thirty-sixth session, handed over): the order, as the cues lean or its status.
  if (c.intent === 'faq' && c.confidence < FAQ_BESIDE_ID && entities.some((e) => e.type === 'orderId')) return { intent: c.guess && isDataIntent(c.guess) ? c.guess : 'order_status', confidence: REFERENCED_CONFIDENCE };
  if (c.intent !== 'unknown' || !c.guess) return c;
  const guess = c.guess === 'aftersale_progress' && !AFTERSALE_WORDS.test(text) && (ARRIVAL_WORDS.test(text) || SLOW_WORDS.test(text)) ? 'track_parcel' : c.guess;
  if (isDataIntent(guess) && entities.some((e) => e.type === 'orderId' || e.type === 'phoneTail')) return { intent: guess, confidence: REFERENCED_CONFIDENCE };
  return TAKEN_WHEN_GUESSED.has(guess) ? { intent: guess, confidence: GUESSED_CONFIDENCE, guessed: true } : c;
}
/**
 * A lean to after-sales with nothing of after-sales said, only goods that have not come ("my dining chairs still havent
 * come, table came liao": a Singapore shop, thirty-sixth session, told it had no refund request): the parcel.
 */
// "我寄了几天了都没到" is the buyer's own parcel back to the shop (a return under way).
const AFTERSALE_WORDS = /退|款|钱|换|售后|维修|保修|补发|赔|我(?:已经)?(?:寄|发)|寄回|发回|(?<![a-z])(?:i (?:sent|shipped|posted|mailed)|refund\w*|return\w*|exchang\w*|money|repair\w*|warranty|replace\w*|credit\w*|reimburs\w*|compensat\w*|chargeback)(?![a-z])/;
/** Or only that it is slow ("怎么这么慢，已经好几天了": a Brisbane shop's Chinese-speaking buyer, forty-eighth session, given the returns policy). */
const SLOW_WORDS = /慢|好几天|几天了|这么久|(?<![a-z])(?:so slow|taking (?:so |too )?long|ages|forever)(?![a-z])/;
// Not "will the black tote come back?" (back in stock).
const ARRIVAL_WORDS = /到|收到|送来|(?<![a-z])(?:(?:come|came|coming)(?! back)|arriv\w*|reach\w*|receiv\w*|deliver\w*|here)(?![a-z])/;

/** Trains the classifier's model on labelled utterances, with the tokenizer that will feed it. */
export function trainIntentModel(tokenizer: Tokenizer, examples: readonly LabelledUtterance[] = trainingUtterances()): SoftmaxRegression {
  return SoftmaxRegression.train(
    examples.map((u) => {
      const n = normalize(u.text);
      return { features: featuresOf(n.text, tokenizer.cut(n.text)), label: u.intent };
    }),
  );
}

// One trained classifier per tokenizer (jieba and the Intl fallback segment differently).
const classifiers = new WeakMap<Tokenizer, IntentClassifier>();
function defaultClassifier(tokenizer: Tokenizer): IntentClassifier {
  let c = classifiers.get(tokenizer);
  if (!c) classifiers.set(tokenizer, (c = new IntentClassifier({ model: cachedIntentModel(tokenizer, () => trainIntentModel(tokenizer)) })));
  return c;
}

// Who is called and who calls too ("小姑娘你好我是马奶奶我买的龙井收到了要怎么泡…": a Hangzhou tea shop's buyer, forty-fifth session, greeted back only).
const GREETING_HEAD =
  /^ (?:(?:你好|您好|亲爱的|亲亲|亲|在吗|在不在|有人吗|有人在吗|哈喽|哈啰|嗨|早上好|下午好|晚上好|老板|客服|掌柜的|主播你好|主播|家人们|宝宝们|小姑娘|姑娘|小妹妹?|美女|帅哥|小哥哥?|小姐姐|我是\p{Script=Han}{1,3}(?:奶奶|爷爷|阿姨|叔叔|大姐|大哥|老师|先生|女士|小姐)|how (?:yes|you|are you) going|how are you|(?:how'?s|how is) it go(?:ing|in)|how is it go(?:ing|in)|g'?day|hi|hello|hey|hiya|heya|yo|good (?:morning|afternoon|evening)|dear|excuse me|sorry)(?![a-z])(?: | \| )?)+/u;
/** Trouble with the goods told in so many words: no closing remark beside a thanks. */
const TROUBLE_TOLD = /(?<![a-z])(?:stale|broken|damaged|cracked|(?:got|has|have|with) a crack|leaking|leaked|faulty|missing|expired|mouldy|moldy|rotten|not working|stopped working|(?:doesn'?t|does not) work|does not work)(?![a-z])|坏了|破了|过期了|发霉|漏了|少了|发错|不能用/;
/**
 * The trouble said to be over ("cheers! it's not leaking anymore": found in review). A "not" only before
 * the trouble's word: "it wasn't in the box" tells the trouble (a Bristol shop, thirty-fifth session: "You're welcome").
 */
const TROUBLE_GONE = /(?<![a-z])(?:(?:not|(?:isn'?t|is not)|(?:aren'?t|are not))(?: [a-z]+){0,2} (?:stale|broken|damaged|cracked|leaking|leaked|faulty|missing|expired|mouldy|moldy|rotten|a problem|an issue)|no longer|anymore|any more|fixed|sorted|resolved)(?![a-z])|不再|好了|修好/;
const THANKS_TAIL =
  /(?:(?: \| | )?(?:谢谢了|谢谢啦|谢谢你|谢谢您|谢谢|谢啦|谢了|多谢|感谢|辛苦了|麻烦了|麻烦你了|拜托了|thanks(?: a lot| so much| in advance)?|thank you(?: so much| very much)?|cheers|please|[啊呀哈吧呢哦嘛]) ?)+(?: \| )?\s*$/;

/**
 * "话费到了！！谢谢 顺便问下…", "好的 另外原神月卡每天要自己领吗": thanks or an ok, then another
 * question brought in by 顺便 / 另外 (found from outside: "不客气" answered it). Also inside a clause.
 */
// "谢谢~~ 那几号会到": 那 and a question after the thanks asks it (found from outside: "不客气").
const THANKS_BEFORE_ASIDE = /(?:^|(?<=\| )) ?(?:(?:好的|好滴|好哒|好嘞|好|ok|okay|嗯嗯?|行|收到|谢谢你?|谢啦|谢了|感谢|多谢|thanks|thank you|thx)(?:老板|亲)?[\s,，!！.。~|]*)+(?=(?:顺便|另外|还有个?问题|再问(?:一)?下|想问|请问|问(?:一)?下|咨询一?下|那(?!我(?:问问|问一下|再问|考虑|想想))(?=[^|]{0,12}(?:几|什么|啥|哪|多久|吗|呢|怎么|会不会|能不能|可不可以|能否))|btw\b|also,? (?:can|could|how|what|when|where|which|is|are|do|does|will|would)\b))/g;

/**
 * "好的 羽绒被是白鸭绒还是鹅绒 冬天南方没暖气够不够暖": an ok, then a whole question of its own (an
 * either-or or an A-not-A one; found from outside: "好的，还有问题随时找我").
 */
const OK_BEFORE_QUESTION = /^ (?:好的|好滴|好哒|好嘞|好吧|ok|okay|嗯嗯?)(?:老板|亲)?[\s,，!！.。~]*(?=[^|]{6,}(?:还是|([\p{Script=Han}])不\1))/u;
/**
 * "ok so bila nak pos? today sunday kan", "ok. so halal or not?", "ok i place new order la. btw ur
 * kerepek all halal kan?": an ok, then a question (a "?" or a question word after it): the question
 * is what is asked (found from outside: three buyers got "Great. Message me any time"). Without one
 * ("ok i'll try another card") the ok may close the conversation, as before.
 */
// Thanks too: "cheers. does it work on the jordan 1s or nah" (a London shop, forty-first session: "You're welcome!").
const OK_HEAD = /^ (?:(?:ok(?:ay)?|k|kk|alright|好的|好滴|好哒|好嘞|好吧|嗯嗯?|行)(?:老板|亲|sis|bro|boss)?(?:[\s,，!！.。~]| \| )+|(?:cheers|thanks|thank you|thx|ta)(?: mate| sis| bro| boss)?(?:\s*[,，!！.。~]+\s*| \| )+)(?:so |then |那 ?)?/u;
/** A question begun by its verb ("does it work on…"), not "if i have any more questions…" (a goodbye). */
const AUX_ASKS = /^\s*(?:\|\s*)?(?:do|does|did|is|are|will|should|has|have)\s+(?:i|you|it|they|we|my|the|your|this|that|these|those)\b/;
function okBeforeAsking(scan: string, text: string): string {
  const m = OK_HEAD.exec(scan);
  if (!m) return scan;
  const rest = scan.slice(m[0].length);
  return rest.replace(/[\s|]/g, '').length >= 6 && (/[?？]/.test(text) || ASKS.test(rest) || AUX_ASKS.test(rest)) ? ` ${rest}` : scan;
}

/**
 * A greeting before the question ("你好，tk到哪了") and thanks after it ("…到哪了 谢谢") are
 * politeness: when they decided the intent (or nothing was decided), the rest of the message is
 * classified on its own, and its intent wins when it has one.
 */
function unwrapped(classifier: IntentClassifier, tokenizer: Tokenizer, n: ReturnType<typeof normalize>, c: Classification, extra: ClassifierInput['extra']): Classification {
  if (c.intent !== 'greeting' && c.intent !== 'bye' && c.intent !== 'unknown') return c;
  const trimmed = okBeforeAsking(n.scan.replace(GREETING_HEAD, ' ').replace(THANKS_TAIL, ' ').replace(THANKS_BEFORE_ASIDE, ' ').replace(OK_BEFORE_QUESTION, ' '), n.text);
  const clauses = withoutPoliteClauses(classifier, trimmed);
  const core = clauses ?? trimmed;
  if (greetingInside(c, n)) return { ...c, intent: 'faq' };
  if (core.length === n.scan.length || !/[\p{Script=Han}a-z]/u.test(core)) return c;
  // Only after a hello: "thanks! if i have any more questions ill get back to you" is a goodbye (found in review).
  const asks = ASKS.test(core) || n.text.includes('?') || followsUp(core, n) || (c.intent === 'greeting' && ASKED_AFTER_HELLO.test(core));
  // "Thanks, the parcel came and it is perfect": thanks with a remark, no question, is a closing.
  // Not trouble told after the thanks ("cheers. also the beans from my last order were stale af": a Melbourne shop, thirty-third session).
  if (c.intent === 'bye' && clauses && !asks && !(TROUBLE_TOLD.test(core) && !TROUBLE_GONE.test(core))) return c;
  const text = core.replace(/ \| /g, ',').trim();
  const inner = classifier.classify({ scan: core, angry: n.angry, features: featuresOf(text, tokenizer.cut(text)), extra });
  if (substantive(inner.intent)) return inner;
  // "你好，想问下tk": better to ask "did you mean a refund?" than to greet back.
  if (substantive(inner.guess) && (c.intent !== 'unknown' || !c.guess)) return inner;
  // Whole clauses besides the pleasantries: whatever they ask, the buyer is not only saying hello or goodbye.
  if (c.intent !== 'unknown' && (substantial(core) || followsUp(core, n)) && (substantive(inner.guess) || asks)) return inner;
  return c;
}

/**
 * A time of day inside a question, no hello at its head ("can choose morning slot?", "for delivery can i pick morning timing or not": a
 * Singapore shop, fifty-first session, greeted back twice): a question for the shop.
 */
const TIME_OF_DAY = /(?<![a-z])(?:morning|afternoon|evening|night|mornin|arvo)(?![a-z])|早上|上午|下午|晚上/;
const greetingInside = (c: Classification, n: ReturnType<typeof normalize>): boolean =>
  c.intent === 'greeting' && TIME_OF_DAY.test(n.scan) && !GREETING_HEAD.test(n.scan) && !SMALL_TALK.test(n.scan) && (n.text.includes('?') || /[?？]|(?<![a-z])or not(?![a-z])|吗|么/.test(n.scan) || ASKS.test(n.scan)) && substantial(n.scan);
/** "afternoon folks, how's it going?": a greeting still (found in review). */
const SMALL_TALK = /(?<![a-z])(?:how(?:'s|s| is) it going|how are (?:you|ye|ya|yous)|how r u|how(?:'s|s| is) (?:your|ur) day|what(?:'s|s| is) up)(?![a-z])|你好吗|最近怎么样/;
/** "how ya going. if i order a kayak do i need to be home…": a question asked without a question mark (found from outside: greeted back only). */
const ASKED_AFTER_HELLO = /^\s*(?:\|\s*)?(?:if|do|does|did|is|are|will|should|have|has)\s+(?:i|you|it|they|we|my|the|your)\b/;

/**
 * "老闆 鳳梨酥可以放到過年嗎": 老板 is how buyers call any seller, in Taiwan above all, and then they ask;
 * the question decides, not a person asked for (found from outside: handed over at once). "老板 转人工",
 * "找你们老板" still ask for one.
 */
// After a hello too ("yo 老板 …那单我还没付 付款截止到几点": a Shenzhen shop, thirty-fifth session, handed over at once).
const VOCATIVE_HEAD = /^ (?:(?:yo|hi|hey|hello)(?:[,，!！]| \| | )+|(?:喂|哈喽|哈啰)(?:[,，!！]| \| | )*)?(?:老板(?!娘)|掌柜的?|店家)(?:[啊呀,，]| \| | )*/;
/** Read on the scan, in simplified characters with Cantonese mapped ("在唔在" is "在吗在" by then). */
const PRESENT_ONLY = /^(?:在吗|在么|在嘛|在不在|在没|在没有|在不|在吗在|有人吗|有人在吗)[呀啊吖哇呢]?[\s?？!！~。.]*$/;
const PERSON_IN_REST = /人工|真人|客服|老板|店长|经理|负责人|找人|(?<![a-z])(?:human|agent|person|someone|manager)(?![a-z])/;
function addressed(classifier: IntentClassifier, tokenizer: Tokenizer, n: ReturnType<typeof normalize>, c: Classification, extra: ClassifierInput['extra']): Classification {
  if (c.intent !== 'human' || !VOCATIVE_HEAD.test(n.scan)) return c;
  const core = n.scan.replace(VOCATIVE_HEAD, ' ');
  const text = core.replace(/ \| /g, ',').trim();
  // "老板在不在", "老板在吗": the everyday hello of a shop's chat, no person asked for (found from outside: queued at once).
  if (PRESENT_ONLY.test(text)) return { ...c, intent: 'greeting' };
  // Only a question after it: "老板呢", "老板 回我一下", "老板 出来" still call for someone (found in review).
  if ([...text.replace(/[\s,，|]/g, '')].length < 4 || !ASKS.test(core) || PERSON_IN_REST.test(text)) return c;
  const inner = classifier.classify({ scan: core, angry: n.angry, features: featuresOf(text, tokenizer.cut(text)), extra });
  return inner.intent === 'human' ? c : inner;
}

/**
 * "谢谢，那牙刷呢", "ok thanks, and the toothbrush?": after the thanks, a short question about
 * something else, which the dialogue reads against the buyer's orders (found from outside: it
 * was answered "you're welcome"). The 呢 is gone by now (a polite tail); 那 or 还有 says it.
 */
const FOLLOW_UP_EN = /^ *(?:and|what about|how about|also) +(?!(?:you|yours|u)\b)(?:(?:the|my|that|this|those|these) +)?[a-z]/;
const FOLLOW_UP_ZH = /(?:^| )(?:那|还有|另外)个?(?![你您我他她])(?:\p{Script=Han}|[a-z0-9])+ *$/u;
/** A statement, not a question: "那我就放心了呢", "那好吧？", "那我等着呢". */
const SAYS_ZH = /了|等|放心|好吧|好的|行吧|算了|^ *那(?:好|行|就这样|这样) *$/;
/** `core` is the message without its pleasantries; the whole must end asking (呢, "?"): "谢谢，那就这样吧" closes, as does "ok thanks, how about you?". */
const followsUp = (core: string, n: ReturnType<typeof normalize>) => (FOLLOW_UP_EN.test(core) || (FOLLOW_UP_ZH.test(core) && !SAYS_ZH.test(core))) && /(?:呢|\?)\s*$/.test(n.text);

/**
 * A story, then the question ("Thanks for helping me last week with the coupon thing. I fly out on
 * the 3rd, so: when is the power bank likely to be delivered?"): when the message ends on a question
 * of its own that says nothing of what the whole was taken for, the question is what is asked.
 * Complaints and requests for a person are never overruled.
 */
function askedLast(classifier: IntentClassifier, tokenizer: Tokenizer, n: ReturnType<typeof normalize>, c: Classification): Classification {
  if (c.intent === 'unknown' || c.intent === 'complaint' || c.intent === 'human' || !/\?\s*$/.test(n.text)) return c;
  const clauses = n.scan.split('|').map((x) => x.trim()).filter(Boolean);
  if (clauses.length < 2) return c;
  const last = ` ${clauses[clauses.length - 1]} `;
  if (!substantial(last) || !ASKS.test(last) || classifier.evidence(last, c.intent) > 0) return c;
  const text = last.trim();
  const q = classifier.classify({ scan: last, angry: 0, features: featuresOf(text, tokenizer.cut(text)) });
  return substantive(q.intent) && q.intent !== c.intent ? q : c;
}

/**
 * A question read as a goodbye ("What about a Jellycat for a newborn, is that ok for a baby?", "sorry one more, my nephew is 4 is catan
 * ok for him or too hard", "ay ok. y el skin tint 6W ya lo mandaron?": a Dublin and a Los Angeles shop, forty-fifth session, "You're
 * welcome! Happy shopping"): a question the shop's FAQ is tried on. What is left once the goodbye's words are out must ask: a
 * question's word, or a question mark beside four characters of its own.
 */
// Read on what is left once the goodbye's words are out (GOODBYE_WORDS take "谢谢你呢"): 呢 there asks ("那个蓝色的小号的呢"), not
// after 了 ("那我就放心了呢").
const ASKS_LONG = /咋|是不是|吗|(?<!了)呢|怎么|什么|哪|几|多少|(?<![a-z])(?:(?:is|are) [a-z ]{1,20}(?:ok|okay|safe|suitable|fine|too \w+) (?:for|to)|(?:fine|ok|okay|safe|suitable) for (?:a|an|my|him|her|the)|too (?:hard|easy|young|old|big|small))(?![a-z])/;
/**
 * The words of a goodbye, taken out before the rest is read: thanks, "有什么问题我再问", "you too?", "have a good one", "那我就等快递了哈"
 * (found in review: each read as a question, "not sure, shall I connect you?").
 */
const GOODBYE_WORDS =
  /谢谢(?:你|您|啦|了|亲)?(?:呢|哦|哈|啦|呀)?|谢了|多谢|辛苦(?:你|您)?(?:了|啦)?|你们忙吧?|有什么(?:问题|事)?(?:我)?再(?:问|找你们?|联系|来)?(?:哈|啊|吧|哦)?|下次还来(?:哪|哈|啊)?|好的|知道(?:了|啦)|没事了|拜拜(?:呢|啦)?|再见|(?:那)?就这样吧?|(?:那)?我(?:就|再|先)?(?:等(?:你们)?(?:的)?消息|再看看|看看|用着|先用着)(?:呢|吧|哈)?|(?:那)?我(?:就|再)?等(?:着|快递|消息|通知)?(?:了|吧|哈|啊)*|(?<![a-z])(?:ok(?:ay)?|thanks?(?: (?:so much|a lot|heaps|a mil|again))?|thank (?:you|u)(?: (?:so much|again))?|thx|ty|cheers|bye(?: for now)?|speak soon|talk soon|you too|and you|how about you|how (?:are|r) (?:you|u)|have a (?:good|lovely|nice|great) (?:one|day|weekend|night|evening)|take care|see ya|cya)(?![a-z])/g;
/** Small talk and closings asked ("ok thanks, how about you?", "is that all?"): still a goodbye. */
const CLOSING_ASKED = /^(?:(?:ok|okay|thanks|thank you|thx|ty|bye|cheers|谢谢|好的)[\s,，.。!！]*)+(?:anything else|(?:that'?s|that is) all|is that all|就这样|没了|how about you|and you|you too|how are you|how r u)?[\s?？!！]*$/;
function askedNotLeaving(text: string, c: Classification): Classification {
  const leaving = c.intent === 'bye' || (c.intent === 'unknown' && c.guess === 'bye');
  if (!leaving || CLOSING_ASKED.test(text.trim())) return c;
  const rest = text.replace(GOODBYE_WORDS, ' ').replace(/[\s,，.。!！~?？]+/g, ' ').trim();
  if (rest.replace(/\s/g, '').length < 4 || !(ASKS_LONG.test(rest) || /[?？]/.test(text))) return c;
  return { intent: 'unknown', confidence: 0, guess: 'faq', scores: c.scores };
}

/**
 * Thanks inside quotes are words for a card or a note, not the buyer's ("可以幫我每盒附一張卡片嗎
 * 寫「感謝您一年來的支持 大安科技 敬上」": found from outside, "不客氣"): the message without them decides.
 */
const QUOTED = /[「『“"]([^」』”"]{1,80})[」』”"]/g;
const THANKS_WORD = /谢|謝|感谢|感謝|(?<![a-z])(?:thanks?|thank you)(?![a-z])/i;
function quotedThanks(text: string, c: Classification, again: (t: string) => { c: Classification }): Classification {
  if (c.intent !== 'bye') return c;
  let quotedThanksOnly = false;
  const rest = text.replace(QUOTED, (_, inner: string) => ((quotedThanksOnly ||= THANKS_WORD.test(inner)), ' '));
  if (!quotedThanksOnly || THANKS_WORD.test(rest) || !rest.trim()) return c;
  return again(rest).c;
}

/** A thumbs-up, an OK hand, folded hands, a smile or a heart, alone. */
// Listed one by one: the faces around them (😂 😅 😉 😈) are no acknowledgment (found in review).
const ACK_EMOJI = /^(?:[\u{1F44D}\u{1F44C}\u{1F44F}\u{1F64F}\u{1F642}\u{1F600}\u{1F601}\u{1F603}\u{1F604}\u{1F60A}\u{1F60D}\u{1F917}\u{2764}\u{1F495}\u{1F496}\u{1F339}\u{1F4AF}](?:\u{FE0F}|\p{Emoji_Modifier})?\s*)+$/u;

/**
 * "收到 谢谢", "明白了", "got it thanks": the answer taken in (found from outside: 收到 leaned to a
 * delivery and the buyer was offered three shipping questions). 收到 alone; "收到货了吗" asks.
 */
// Taiwan's 感恩 too (a Taipei shop, thirty-fifth session: "感恩 ❤️" was a miss, and the next one handed over).
const ACK_WORDS = /^\s*(?:(?:好的|好|ok|okay|嗯嗯?|哦|行)[\s,，]*)?(?:收到|收到啦|收到了|收到收到|明白|明白了|了解|了解了|知道了|晓得了|懂了|看到了|看到啦|找到了|好吧|行吧|好啦|那好吧|(?:那)?算了(?:吧)?|感恩(?:啦|喔|哦|呀)?|got it|noted|understood)(?:[\s,，!！]*(?:谢谢|谢谢你|谢谢您|谢啦|谢了|感谢|多谢|thanks|thank you|thx|ty)[啦了呀哈]*)?[\s!！。.~]*$/i;

/**
 * "ok i'll try another card. tysm", "好的 我再等等 谢谢": what the buyer will do, then thanks: a
 * closing, not a question about cards (found from outside: "Sorry I couldn't help", handed over).
 */
function thankedOff(n: ReturnType<typeof normalize>): boolean {
  const core = n.scan.replace(THANKS_TAIL, ' ');
  if (core.length === n.scan.length || n.text.includes('?') || ASKS.test(core)) return false;
  const said = core.replace(/ \| /g, ' ').trim();
  // Only a plain next step: no request ("hold the delivery please"), complaint or threat ("i'll be reporting this to paypal", "我去 包装全压扁了") (found in review).
  return WILL_DO.test(said) && !NOT_A_CLOSING.test(said) && !/(?<![a-z])(?:please|pls)(?![a-z])/.test(n.scan);
}
const NOT_A_CLOSING = /不好|不了|坏|压扁|破|投诉|差评|举报|退款|(?<![a-z])(?:report\w*|complain\w*|dispute|chargeback|review|refund|cancel\w*|sue|lawyer|bbb|never)(?![a-z])/;
/** A closing read as a question about goods or a greeting is taken as the closing; anything else it might be stays. */
const thanked = (off: boolean, c: Classification): Classification => (off && (c.intent === 'unknown' || c.intent === 'faq' || c.intent === 'greeting') ? { intent: 'bye', confidence: 1, scores: c.scores } : c);
const WILL_DO = /^(?:(?:ok(?:ay)?|alright|sure|fine|cool|great|好的|好吧|好|行|嗯)[\s,，.。!！]*)*(?:i'?ll|i will|will do|(?:i'?m|i am) going to|gonna|i go|我再|我先|那我)(?![a-z])[^|]*$/;

/** "👍", "🙂🙏" alone: an acknowledgment, answered like thanks (found from outside: "没太理解", a miss towards a hand-over). */
function acknowledged(ack: boolean, c: Classification): Classification {
  return c.intent === 'unknown' && ack ? { intent: 'bye', confidence: 1, scores: c.scores } : c;
}
/** "哦", "噢噢" alone: heard, like "ok" (found from outside: a miss towards a hand-over). */
const OH = /^\s*(?:哦|噢|喔)+[\s!！。.~～]*$/;
/** "👋", "🙋‍♀️" alone: a greeting (found from outside: "not understood", in the wrong language too). */
const WAVE_EMOJI = /^(?:[\u{1F44B}\u{1F64B}](?:\u{FE0F}|\p{Emoji_Modifier}|\u{200D}[\u{2640}\u{2642}]\u{FE0F}?)*\s*)+$/u;
function waved(wave: boolean, ack: boolean, c: Classification): Classification {
  return wave && c.intent === 'unknown' ? { intent: 'greeting', confidence: 1, scores: c.scores } : acknowledged(ack, c);
}

/**
 * Taking back what was just said: "算了", "不用了", "never mind". 算了 is also "calculated" (算了两次,
 * 算了一下: found in review): a retraction is not followed by a count. One vocabulary for a request
 * taken back within a message and a hand-over taken back from the queue.
 */
const RETRACTION = '算了(?![一两二三几\\d算次遍下])|算啦(?![一两二三几\\d算次遍下])|不用了|不需要了|不转了';
const RETRACTION_EN = 'never ?mind|nvm|forget it|no need';
const RETRACTS = new RegExp(`${RETRACTION}|(?<![a-z])(?:${RETRACTION_EN})(?![a-z])`, 'g');

/**
 * "转人工，算了不用了，帮我查下快递": a request for a person the buyer took back later in the same
 * message is not one (found from outside: it handed over); what follows the retraction is what is
 * asked. A request after the retraction ("快递到哪了？算了转人工吧") stands.
 */
/**
 * "我唔係問幾時寄呀 我問20W充iphone快唔快", "i'm not asking when it ships, i'm asking if it's magnetic": the question
 * set aside is not what is asked; what follows the second "问" / "asking" is (a Guangzhou shop, thirty-fifth
 * session: the order's shipping status, three times). So is a return set aside: "no la i dw return, i asking where is
 * my chairs" (a Singapore shop, thirty-sixth session: told it had no return request, twice).
 */
const NOT_THAT_QUESTION = /(?:^ ?|\| ?)(?:我)?(?:不是|没有?|并不是)(?:在)?问[^|]{0,20}?(?:\| ?| )?(?:我)?(?:是)?(?:在)?(?:想)?问(?:的是|下|一下)? ?|(?<![a-z])(?:(?:i'?m|i am) |i am )?not asking (?:about |when |where |if |whether )?[^|]{0,40}?(?:\| ?| )(?:(?:i'?m|i am) |i am )?asking (?:about |if |whether )?|(?<![a-z])(?:i )?(?:dw|do not want|dont want|no want|not)(?: to)? (?:return|refund|exchange)\w*(?: it| them)?(?: la| lah)? ?(?:\| ?| )(?:(?:i'?m|i am) |i am |i )?(?:asking|ask|want to know|mean) (?:about |if |whether )?/;
function notThatQuestion(classifier: IntentClassifier, tokenizer: Tokenizer, n: ReturnType<typeof normalize>, c: Classification): Classification {
  const m = NOT_THAT_QUESTION.exec(n.scan);
  if (!m) return c;
  const rest = ` ${n.scan.slice(m.index + m[0].length)} `;
  const text = rest.replace(/\|/g, ' ').trim();
  if (text.length < 3) return c;
  const q = classifier.classify({ scan: rest, angry: n.angry, features: featuresOf(text, tokenizer.cut(text)) });
  return q.intent === 'unknown' && !q.guess ? { intent: 'faq', confidence: 0.5, scores: q.scores } : q;
}

function retracted(classifier: IntentClassifier, tokenizer: Tokenizer, n: ReturnType<typeof normalize>, c: Classification): Classification {
  if (c.intent !== 'human') return c;
  const last = [...n.scan.matchAll(RETRACTS)].pop();
  if (!last) return c;
  const after = ` ${n.scan.slice(last.index + last[0].length)} `;
  if (classifier.evidence(n.scan.slice(0, last.index), 'human') <= 0 || classifier.evidence(after, 'human') > 0) return c;
  const text = after.replace(/\|/g, ' ').trim();
  if (!text) return { intent: 'unknown', confidence: 0, scores: {} };
  return classifier.classify({ scan: after, angry: n.angry, features: featuresOf(text, tokenizer.cut(text)) });
}

/**
 * "NO dont cancel!! i want to change the delivery address", "I didn't ask to cancel the hamper?! will
 * it get there tomorrow", "别取消 我明天付款": a cancellation said not to be wanted is what the rest
 * asks (found from outside: each was told how to cancel).
 */
// "我不取消 你别给我取消啊", "不取消了" (a Harbin shop, thirty-third session: asked which order to cancel).
const NEGATED_CANCEL = /(?:(?:^ *|\| *|(?<![a-z])(?:i|we|no|please|pls|just|wait|actually|oh|mind|nvm|nevermind) )(?:do not|did not|never|not|no need to) (?:(?:ask(?:ed)?|want(?:ed)?|need(?:ed)?|mean(?:t)?|going|say|said|tell|told) (?:you |u )?(?:to )?)?cancel(?:led|ling)?(?! yet)(?: (?:it|this|that|anything|them|(?:the|my|this|that) [a-z]+))?(?![a-z])|(?<!你|你们|商家|卖家|店家|客服|平台|系统)(?:不要|别|不用|不想|不是要|我(?:并)?没有?(?:要|说|让你们?|叫你们?)|并没有?(?:要|说))(?:帮我)?(?:给我)?取消(?:订单|掉|它)?(?![^，,。 ]{0,2}(?:按钮|选项|成功|入口|键))(?:啊|呀|吧|哦|了|哈)?|你(?:们)?(?:别|不要)(?:给我|帮我)取消(?:订单|掉|它)?(?:啊|呀|了|哦)?|(?<![为什么啥怎能可还再直])(?:我)?(?:先|就|还是|暂时)?不取消(?:了|啦|订单)?(?![^，,。 ]{0,3}(?:吗|么|行不|可以|能|会|\?|？)))/g;
function notCancelling(classifier: IntentClassifier, tokenizer: Tokenizer, n: ReturnType<typeof normalize>, c: Classification): Classification {
  if (!(c.intent === 'cancel_order' || c.guess === 'cancel_order') || !NEGATED_CANCEL.test(n.scan)) return c;
  const rest = ` ${n.scan.replace(NEGATED_CANCEL, ' ').replace(/(?:^|\|)\s*(?:no|nope|不是|不)\s*(?=\||$)/g, ' ').replace(/\s+/g, ' ').trim()} `;
  // "别取消 我要取消另一单": another cancellation is still one.
  if (classifier.evidence(rest, 'cancel_order') > 0) return c;
  const text = rest.replace(/\|/g, ' ').trim();
  if (!/[\p{Script=Han}a-z]/u.test(text)) return { intent: 'unknown', confidence: 0, scores: {} };
  const inner = classifier.classify({ scan: rest, angry: n.angry, features: featuresOf(text, tokenizer.cut(text)) });
  // No guess of a cancellation from the rest: "别取消 我明天付款" was asked "您是想取消订单吗？" (found in review).
  return inner.intent === 'unknown' && inner.guess === 'cancel_order' ? { intent: 'unknown', confidence: 0, scores: {} } : inner;
}

/** A request for a person, as typed: what a withdrawal must not be followed by. */
const ASKS_PERSON = /人工|真人|客服|老板|经理|主管|(?<![a-z])(?:human|agent|person|representative|someone|manager|supervisor|boss)(?![a-z])/i;
/**
 * Taking back a hand-over, as the message's opening words (a retraction in the middle, "等了这么久，
 * 算了，你们太慢了", is someone venting at the queue, not leaving it).
 */
// Leads and tails as buyers type them: "还是算了吧", "哦那不用了", "actually nvm", "我自己查吧" (found from outside).
// "不需要人工了", "no wait, dont transfer me", "哦我自己找到了", "actually no" were not (found from outside:
// the buyer waited in the queue unanswered).
// "要得 不要人工了…", "晓得了 不用人工了哈", "bruh. no agent" (a Chengdu and a Houston shop, thirty-fourth session: left queued).
// "Very well. Then I shall withdraw my request for a person" (a Bristol shop, thirty-fifth session: no reply in the queue).
// "hello?? i said no need agent", "不不不 不要人工" (a Singapore and a Chengdu shop, thirty-sixth session: left queued).
// "不是 算了不用人工了", "得嘞 不用人工了", "那个那个不用了不用了", "不等了 不用人工了…" (a Harbin and a Shenzhen shop, thirty-eighth session: left queued).
const WITHDRAW_LEADS = '唔好意思|不是|那个那个|那个|得嘞|得了|不(?:想)?等了|我说|不好意思|抱歉|对不起|no worries|哦哟|哦唷|不要紧的?|好吧|好啦|好喇|好的|好嘛|要得|晓得了|知道了|得啦|得喇|那|嗯|哦|啊|欸|诶|哎|唉|还是|等下|等一下|等等|行了|行|不不不|不不|我说了|说了|ok|okay|oh|actually|wait|no|nope|nah|hmm|bruh|ya|yeah|very well|then|in that case|i shall|i will|i\'ll|sorry|oh sorry|hello|hi|i said';
const WITHDRAW_WORDS = [
  // "算了算了 不投诉了…": RETRACTION's 算了 is not the one of "算了算" (reckoned).
  '算了算了',
  RETRACTION,
  // "算了 人工不用了 我先去医院看看" (a Shanghai shop, thirty-fourth session: silence in the queue).
  '(?:人工|真人|客服)(?:也)?不(?:用|要|需要)了',
  // 甭 is 不用 in the north ("甭了 我自己去店里瞅瞅": a Beijing shop, thirty-sixth session).
  '甭(?:了|啦)(?=[\\s,，.。!！~]|$)',
  '甭(?:找|转|等)?(?:人工|真人|客服|人)了?',
  '不(?:用|需要|要)(?:转)?人工(?:客服)?了?',
  '不(?:用|要)转(?:人工)?了?',
  // "不要紧的，不转了，侬就告诉我…", "我没要转人工呀，我就问…", "哦哟算了，我自己去商品页看" (a Shanghai shop, thirty-sixth session: left queued).
  '不转(?:人工)?了',
  // "算了 不等了" (a Wuhan shop, thirty-sixth session: the rest "不等了" was a miss, and the next question handed over).
  // Only as the last words: "不等了 直接退款" still wants what a person does.
  '不(?:想)?等了(?=[\\s,，.。!！~]*$)',
  '我?没(?:有)?(?:要|说)(?:转|找)?(?:人工|真人|客服)(?:呀|啊|啦)?',
  '我自己去[^，,。!！?？]{1,8}(?:看|查)(?:吧|一下|下)?(?=[\\s,，.。!！~]|$)',
  '不(?:用|要|需要)?(?:找|等)(?:真人|人工|客服|人)了?',
  // "不用了 不找人了", "算了 不用人了…" (a Harbin shop, thirty-third session: queued again, or the rest not understood).
  '不(?:用|要|需要)(?:真人|人工|人)了',
  // "沒事了 我自己看官網好了", "不要了啦 不用找人…", "好啦開玩笑的 掰" (a Taipei shop, thirty-third session: left in the queue).
  '没事了(?=[\\s,，.。!！~]|$)',
  // Only before a person declined: alone or before a refund it gives up the goods ("不要了", "不要了 退款吧").
  '不要了(?:啦)?(?=[\\s,，.。!！~]*不(?:用|要|需要)?(?:找|转|等)?(?:人|人工|真人|客服))',
  // Only alone or before a goodbye: "开玩笑的，这种货也敢发？" is anger (found in review).
  '开玩笑(?:的|啦|而已)(?:啦|哈)?(?=[\\s,，.。!！~]*(?:$|掰|拜拜?|88|bye))',
  '取消转人工',
  // Minnan and Taiwan's "no need" ("我說免了 不用轉人工": a Xiamen shop, thirty-eighth session, left queued).
  '免(?:啦|了)(?=[\\s,，.。!！~…]|$)',
  '我自己(?:查|看|弄)(?:吧|一下吧?)?(?=[\\s,，.。!！~]|$)',
  // At a clause's end only: "我查到了物流显示签收但我没收到", "I found it broken when I opened the box"
  // describe the problem the buyer waits with (found in review).
  '(?:我)?(?:自己)?(?:已经)?(?:找到|搞定|解决|弄好|查到)了(?=[\\s,，.。!！~]|$)',
  "(?:don'?t|do not|no need to) transfer(?: me)?",
  // Before "no need" alone, which would leave "agent" as a request for one ("no need agent": found from outside).
  // "never mind, no need for a person. got any coupon code…" (a Los Angeles shop, thirty-ninth session: left in the queue).
  'no need (?:for )?(?:an? |the |any )?(?:agent|person|human|real person|rep)s?',
  // "nah no agent, im good", "bruh. no agent. forget it" (a Houston shop, thirty-fourth session: left queued).
  // "forget it, no agent needed thx" (a Toronto shop, thirty-sixth session: left queued).
  'no (?:agent|person|human)s?(?: needed)?(?: pls| please| thanks| thx| ty| thank you)?(?=\\s*(?:[,.!~]|$))',
  'ya no necesito (?:un |el )?(?:agente|persona|humano)',
  // "never mind the agent. where is the parcel", "forget the agent" (found from outside: left in the queue, silence).
  // A dash after it too ("never mind the agent - was the gift box delivered now?": a Hangzhou shop, forty-fifth session, left queued).
  '(?:never ?mind|nvm|forget(?: about)?) (?:the |an? |my )?(?:agent|person|human|transfer)s?(?=\\s*(?:[,.!~\\-–—]|$))',
  RETRACTION_EN,
  // "actually scratch that, i'll come back monday", "sorry didnt mean to ask for a person, can the bot just tell me…",
  // "不用了 不投诉了…", "我说了不投诉 不用人工" (a Sydney and a Guangzhou shop, thirty-seventh session: left queued, or queued again).
  'scratch that',
  "(?:i )?(?:did ?n'?t|did not) mean to (?:ask for|get|call|press for) (?:a |an |the )?(?:person|human|agent|real person)",
  '(?:不|别|不用|不要)投诉了?(?=[\\s,，.。!！~]|$)',
  'cancel (?:that|the transfer|transfer)',
  '(?:withdraw|cancel|retract|drop) (?:my |the )?request (?:for|to speak to|to talk to) (?:a |an )?(?:person|human|agent|someone)',
  // "cancel the agent", "cancel the agent thing" (a Melbourne shop, thirty-fifth session: no reply in the queue).
  'cancel (?:the |my |that )?(?:agent|person|human)(?: thing| request)?(?=\\s*(?:[,.!~]|$))',
  // "cancel that. I dont want agent", "no no dont need person" (found from outside: left waiting in the queue).
  "(?:i )?(?:don'?t|do not) (?:want|need)(?: an?| the| any)? (?:agent|person|human|people|any ?one|any ?body)(?: anymore| already| lah| la| liao| leh| lor| now)?(?=\\s*(?:[,.!~]|$))",
  "(?:i )?(?:found it|figured it out|sorted it(?: out)?|worked it out)(?=\\s*(?:[,.!~]|$))",
  // "no dont bother actually ill keep them", "算了 唔使喇 我自己睇" (found from outside: the rest was a miss).
  // Only as the whole of what is said: "dont bother calling me, just refund me", "ill keep them, but i want a partial
  // refund", "唔使講…", "唔使俾運費咩" ask for more (found in review: taken out of the queue).
  "(?:no )?(?:don'?t|do not) bother(?=[\\s,.!~]*(?:$|(?:actually )?(?:(?:i'?ll|i will)|ill|i will) (?:just )?keep))",
  "(?:actually )?(?:(?:i'?ll|i will)|ill|i will) (?:just )?keep (?:it|them|the \\w+)(?=[\\s.!~]*$)",
  // "唔使住 我自己睇下先" (not yet), 唔洗 typed for 唔使 (a Guangzhou shop, thirty-ninth session: "not sure", then the washing entry).
  '唔(?:使|洗|驶)住?(?:喇|啦|了|嘞)?(?=[\\s,，.。!！~]|$)',
  // Found, in Cantonese (找到了 is above).
  '我?(?:搵|揾)到(?:了|咗|喇|啦)(?=[\\s,，.。!！~]|$)',
  // "算啦唔使轉人工喇" (a Hong Kong cake shop, thirty-second round: left in the queue).
  '唔使(?:转|搵|揾|叫|等)?(?:人工|真人|客服)(?:喇|啦|了|啊)?(?=[\\s,，.。!！~]|$)',
  '我自己(?:睇|搞|谂)(?:吓|下)?先?(?=[\\s,，.。!！~]|$)',
  // "啊唔好意思 唔使喇 我睇吓说明书先" (a Guangzhou shop, forty-fifth session: the rest was "not sure").
  '我?(?:自己)?(?:睇|看)(?:吓|下|一下)(?:说明书|说明)先?(?:啦|吧)?(?=[\\s,，.。!！~]|$)',
  // Malay and Indonesian for "no need" ("tak payah, i dont need agent": found from outside, its rest was a miss that queued the buyer again).
  // Not asked ("tak perlu ke…?", "takpa ke…?") and not "tak jadi" (it did not work: found in review).
  // With the person named ("tak payah agent la. hamper raya berapa harga?": a Kuala Lumpur shop, thirty-fifth session, left queued).
  '(?:(?:tak|tidak|gak|nggak|ga|x) ?(?:payah|perlu|usah)(?: (?:agent|ejen|orang|person|human|cs))?|takpe|takpa|tak apa)(?! ?ke(?![a-z]))(?![^,.!?]*\\?)',
].join('|');
// A particle after the words is theirs ("tak payah lah, where is my parcel").
const WITHDRAWS = new RegExp(`^[\\s?？!！]*(?:(?:${WITHDRAW_LEADS})[\\s,，.。!！?？]*)*(?:(?:${WITHDRAW_WORDS})(?:[\\s,，.。!！~;；吧啦哈\\-–—]|(?<![a-z])(?:lah|la|leh|lor)(?![a-z]))*)+(?![吗么嘛?？])`, 'i');
// "yeah nah dont worry about a person. is the decaf…" (a Melbourne shop, thirty-third session: handed over).
// "那算了算了 不找人了 就这样吧" (a Xi'an shop, thirty-seventh session: handed over as a yes).
const NO_PERSON = /不(?:用|要|需要)(?:找|转|等|叫)?(?:真人|人工|客服)(?:客服)?(?:了|啦)?|不(?:用|要|需要)?(?:找|叫)(?:真人|人工|客服|人)(?:了|啦)?|(?:说了)?不(?:用|要|需要)转(?:了|啦)?(?=[\s,，.。!！]|$)|(?<![a-z])(?:(?:i )?(?:don'?t|do not|no) (?:need|want)(?: an?| the| any)? (?:agent|person|human)s?|(?:don'?t|do not|no need to) (?:worry|bother) (?:about|bout) (?:an?|the|any) (?:real )?(?:agent|person|human)s?|(?<!(?:(?:don'?t|do not)|dont|do not|never|not|(?:won'?t|will not)) )(?:forget|never mind|nvm|skip) (?:the |an? )?(?:agent|person|human)|no need (?:for )?(?:an? |the )?(?:agent|person|human))(?![a-z])/gi;
/** "不用轉人工啦 我只是說一下": a person named only to say none is needed (found from outside: asked "shall I get one?"). */
export function declinesPerson(text: string): boolean {
  const t = foldTraditional(text.slice(0, MAX_UTTERANCE).normalize('NFKC')).toLowerCase();
  const rest = t.replace(NO_PERSON, ' ');
  // Not a question about people ("为什么不用人工客服"), nor a no with a request after it ("不需要客服 直接帮我退款": found in review).
  return rest !== t && !ASKS_PERSON.test(rest) && !DECLINE_ASKS.test(t);
}
const DECLINE_ASKS = /[吗么嘛?？]|为什么|难道|是不是|怎么|退款|退货|帮我|查|(?<![a-z])(?:why|refund|return|check|help me)(?![a-z])/;
const TRAILING_EMOJI = /[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]+$/u;
// "actually no, it's just arrived!! ignore me 😂" (a London shop, thirty-seventh session: a list of entries, still queued).
// "…ill keep the chair. forget the agent" (a Toronto shop, forty-fourth session: left in the queue, "your message is saved").
const WITHDRAWS_TAIL = /(?:^|[\s,，.。!！])(?:ignore (?:me|that|this)|disregard (?:that|this|me)|不(?:用|需要|要)(?:转)?(?:人工|真人)(?:客服)?了(?:哈|嘛|哦|呀)?|(?:人工|真人|客服)(?:也)?不(?:用|要|需要)了(?:哈|嘛|哦|呀)?|不用转了|转(?:啥子|啥|什么)人工|(?:i )?(?:don'?t|do not) (?:want|need)(?: an?| the| any)? (?:agent|person|human)(?: anymore| already)?|cancel (?:the |my |that )?(?:agent|person|human)(?: thing| request)?|(?<!(?:(?:don'?t|do not)|dont|do not|never|not|(?:won'?t|will not)) )(?:forget|never mind|nvm|skip) (?:the |an? )?(?:agent|person|human)|no need (?:for )?(?:an? |the )?(?:agent|person|human))[\s,，.。!！~吧啦哈]*$/i;
/** "算了 你们太慢了", "forget it, you guys are so slow": venting at the wait, not leaving it (found from outside). */
const VENTS = /(?:你们|客服|人工).{0,6}(?:慢|久|效率)|没人(?:理|回|管|接)|冇人(?:理|覆|回|应)|等咗(?:成|好|咁)|(?<![a-z])(?:you guys|you people|you are|you're|ur|your service|your support)(?![a-z]).{0,20}(?:slow|useless|forever|ages)|(?<![a-z])(?:nobody|no one)(?: (?:is )?(?:answers?|answering|replies|replying|responds?|responding|here|cares))(?![a-z])/i;
/** A bare no, the whole message ("actually no", "不用", "no thanks"): in the queue it takes the hand-over back. */
const BARE_NO = /^\s*(?:(?:actually|oh|ok|wait|哦|那|嗯)[\s,，.。!！]*)*(?:no|nope|no thanks?|no thank you|not anymore|不用|不需要|不用谢谢|甭)[\s,，.。!！~吧啦了]*$/i;

/**
 * Whether a buyer waiting in the queue takes the hand-over back ("算了不用了，我的快递到哪了",
 * "never mind, where's my parcel?"): the message after the retraction, trimmed (empty when nothing
 * follows), or undefined when it takes nothing back or asks for a person again after.
 */
export function withdrawsHandover(text: string): string | undefined {
  // Read in simplified characters ("欸還是算了…不用轉了": found from outside, a Taiwanese buyer left queued).
  const raw = text.slice(0, MAX_UTTERANCE).normalize('NFKC');
  const folded = foldTraditional(raw);
  // The rest is given back as typed: folding keeps each character's place. Emoji at the end say nothing ("… ignore me 😂").
  const t = (folded.length === raw.length ? folded : raw).replace(TRAILING_EMOJI, '');
  if (BARE_NO.test(t)) return '';
  // After a short remark that is its own sentence ("sorry bout earlier, rough mornin. forget the agent, just tell me…": an Austin
  // shop, thirty-eighth session, left queued and then silent): the take-back opens the next sentence.
  const after = WITHDRAWS.exec(t) ? undefined : REMARK_FIRST.exec(t);
  if (after && !ASKS_PERSON.test(foldTraditional(after[0])) && WITHDRAWS.test(t.slice(after[0].length))) return withdrawsHandover(raw.slice(after[0].length));
  const m = WITHDRAWS.exec(t);
  // At the end too ("哦刷新了一下好了 显示已付款 不用人工了": found from outside, left queued): what came before it is the rest.
  const tail = m ? null : WITHDRAWS_TAIL.exec(t);
  if (!m && !tail) return undefined;
  // "算了不退了 就是问问 周三送成不": what was given up and "just asking" are the take-back's own words (a Beijing shop, forty-first session).
  // Alone ("算了不退了") it is the request given up, the robot's to answer (a withdrawal it cannot make itself).
  const said = m ? raw.slice(m[0].length).trim() : raw.slice(0, tail!.index).trim();
  const rest = m && said.replace(GIVEN_UP, '') !== '' ? said.replace(GIVEN_UP, '') : said;
  // Someone else's words ("机器人跟我说 不用转人工了", "the bot told me no need for a human"): reported, not said (found in review).
  if (!m && REPORTED.test(foldTraditional(rest))) return undefined;
  // A person named only to be declined ("不用找真人了", "不用等客服了") asks for none (found from outside: left queued).
  const restRead = foldTraditional(rest);
  const asksPerson = ASKS_PERSON.test(restRead.replace(NO_PERSON, ' '));
  // "没事了 但是猫粮还是要退": a but after it keeps the request for the person (found in review).
  if (/^(?:但是|但系|但|不过|可是|只是|but)(?![a-z])/i.test(restRead)) return undefined;
  // "…不用找人了 我自己等着吧": no person, and waiting for the parcel is no question (a Harbin shop: "not understood").
  if (SELF_WAITS.test(restRead)) return '';
  // "算啦 我唔要啦 你哋直接退钱俾我", "never mind, ill ring startrack meself. can you change the address … to 14 Loch St": what only a
  // person does, asked in the same breath, keeps the place (a Hangzhou and an Australian shop, forty-fifth session: both taken out
  // of the queue, the refund and the address lost).
  if (PERSON_JOB.test(restRead) && !JOB_DONE.test(restRead)) return undefined;
  return (asksPerson && !asksOnlyHours(rest)) || VENTS.test(rest) || (m !== null && OTHER_THING_DROPPED.test(rest)) || WAITS_ON.test(rest) ? undefined : rest;
}
const PERSON_JOB = /(?:直接)?(?:退钱|退款)(?:俾|给|畀)我|直接(?:退钱|退款|退给我)|(?:帮我|给我|你们|你哋|你地)(?:直接)?(?:退钱|退款|改(?:个|下)?地址|换成)|(?<![a-z])(?:(?:can|could) (?:you|u) (?:please |pls )?(?:change|update|fix|send it to) (?:the |my )?(?:delivery |shipping )?address|(?:^|just |pls |please |so |now )refund me|give me (?:my|a) refund|i (?:want|need) (?:my money back|a refund))(?![a-z])/i;
/** The job said done, not asked ("算了 不用了 你们已经退款给我了", "你们换成顺丰了是吧": found in review). */
const JOB_DONE = /你们?(?:已经)?(?:退款|退钱)(?:给我)?(?:到账|到了|了)|退款(?:已经)?到账|退款(?:挺|很)快|换成[^，,。]{0,6}了是吧|(?<![a-z])(?:already refunded|refund (?:already )?(?:came through|arrived))(?![a-z])/i;
const GIVEN_UP = /^(?:不(?:退|换|退货|换货|退了货|取消|改|要|买)了[吧哈啦]?[\s,，。]*)?(?:(?:就是|只是|我就|我只是)(?:问问|问一下|随便问问)[\s,，。]*)?/;
/** A first sentence of at most 40 characters, ended by a full stop or an exclamation and a space. */
const REMARK_FIRST = /^[^.!?。！？]{1,40}[.!。！]+\s+/;
/** Words that end by quoting someone: "跟我说", "告诉我", "他说", "the bot told me", "it says". */
const REPORTED = /(?:跟我说|和我说|对我说|同我讲|跟我讲|告诉我|他说|她说|它说|你说|你们说|机器人说|客服说|说是|说的是)[\s,，:：“"「]*$|(?<![a-z])(?:said|says|told me|tells me|saying)[\s,:"“]*$/i;
/**
 * "算了不用了 我自己查 客服時間是幾點？": the people's hours asked about, not a person asked for (found
 * from outside: silence in the queue). Not "客服什么时候能回我", "人工什么时候上班 我等他", "… 我要投诉",
 * "when can someone call me back": still waiting for the person (found in review).
 */
const ASKS_ABOUT_PEOPLE = /(?:人工|真人|客服)(?:的)?(?:服务|服務)?(?:时间|時間|几点|幾點|上班时间|上班時間|在线时间|在線時間)|(?<![a-z])(?:what time|what are)\b.{0,20}\b(?:humans?|agents?|staff)\b.{0,12}\b(?:online|available|work|hours)|(?:humans?|agents?|staff)(?:'s)? (?:hours|opening hours)(?![a-z])/i;
const STILL_WAITING = /回我|回复我|联系我|等他|等她|等人|我等|投诉|能来|会来|来吗|(?<![a-z])(?:call me|get back|reply to me|contact me|(?:i'?ll|i will) wait|complain)(?![a-z])/i;
const asksOnlyHours = (rest: string): boolean => ASKS_ABOUT_PEOPLE.test(rest) && !STILL_WAITING.test(rest);
// Or sees to it elsewhere ("我自己跟平台申诉", "免啦 我问修车的": a Xiamen shop, forty-fifth session, handed over again at once).
const SELF_WAITS = /^(?:我)?自己(?:再)?等(?:着|等|一下|一会儿?)?(?:吧|呗|好了)?[\s.。!！~]*$|^(?:我(?:自己)?|自己)?(?:去|再)?(?:跟|问|向)(?:平台|修车的|师傅|快递|物流|朋友|别人)[^，,。？?]{0,6}(?:申诉|投诉|问问?|说)?(?:吧|好了|去)?[\s.。!！~]*$|^(?:我(?:自己)?|自己)(?:去|再)?(?:找|联系)(?:平台|修车的|师傅|快递|物流|朋友|别人|店里|卖家)[^，,。？?]{0,6}(?:申诉|投诉|问问?|说|查|弄|处理|联系)?(?:吧|好了|去)?[\s.。!！~]*$/;
// Asking or telling someone else is seen to elsewhere, a subject or none ("算了 去问快递吧"); finding or contacting only with 我 or 自己:
// "联系快递查一下", "找店里处理" ask the shop to act (found in review: taken back, nothing answered).
/** "算了 等着吧", "ok i'll wait": resigned to waiting for the person, not leaving. */
// Malay too: "takpe, esok je la. tq" (fine, tomorrow then), "takpe i tunggu" (a Kuala Lumpur shop, thirty-fifth session: taken out of the queue).
// "算了 等着吧 明天早上第一个处理我的啊", "不用了 你们明天上班再回我吧": waiting on for the person, asked to be served (a Shenzhen shop,
// thirty-eighth session: taken out of the queue, a double charge with it).
const WAITS_ON = /^[,，。\s]*(?:那|我)?(?:就|再|先)?等(?:着|等|一下|一会儿?)?(?:吧|呗|好了|呢)?[^\p{Script=Han}a-z0-9?？]*$|^[,，。\s]*(?:那|我)?(?:就|再|先)?等(?:着|等)?(?:吧|呗)[\s,，。!！]+[^?？]*(?:处理|回我|联系我|找我|第一个|明天|上班)|(?:明天|上班|有空|回头|晚点|之后|以后)[^，,。?？]{0,6}(?:回我|回复我|联系我|找我|处理我)|^[,.\s]*(?:(?:ok(?:ay)?|lah?|leh|lor|ah)[,.\s]+)*(?:i'?ll|i will|i) (?:just |can )?(?:wait|tunggu)(?! for (?:the |my )?(?:delivery|parcel|package|order|courier|hold|charge|refund|money))\b|^[,.\s]*(?:esok|tomorrow|nanti|tunggu)(?: (?:je|jela|saja|then|lah?|pun))*[,.!\s]*(?:(?:tq|tqvm|thanks|thx|ok)[,.!\s]*)*$/iu;
/**
 * "算了不退了 等着吧": what is given up is the refund, and the buyer waits on for the person (found
 * from outside: taken as leaving the queue, then handed over again for the 🙄, in one breath). Not
 * "也不等了", "不用等了", "等不了": leaving after all (found in review).
 */
// "算了 还是先拿20打": another quantity chosen, the price still to be told by the person (a Yiwu shop, thirty-third session).
// "算了 还是都要吧 不取消了": the goods kept after all, while the buyer had asked the person for more than the cancellation (a Shenzhen
// shop, fiftieth session: taken out of the queue, the change of courier asked with it lost); the person reads it.
const OTHER_THING_DROPPED = /^[,，。\s]*还是(?:先|就)?(?:拿|要|买|订|拍)\s*[\d一两二三四五六七八九十几]|^[,，。\s]*(?:还是)?(?:全部|全都|全|都|两(?:件|个|单|样|箱|盒)?都)要(?!退|换)(?:了|吧|的|啦)?(?![^?？]*(?:[?？吗么]|人工|转人|找人|客服))|^[,，。\s]*(?:不(?:退|换|要退|要换|取消|改)了|不要(?:退款|退货|换货)了|(?:退款|退货|换货)不(?:要|退|换)了)(?![^?？]*(?:不等|不用等|别等|等不了|不想等))[^?？]*(?:等|(?<![a-z])wait)/;

const CLAUSE_END = /(?<!\d)\.|\.(?!\d)|[,!?;:]/;

/**
 * The question of a long message: its last clause that ends in a question mark or asks ("…, so
 * when does the bigger one get sent?"). A story around a question names other things (the return
 * approved, the label used) whose cues would otherwise outvote it.
 */
function questionClause(n: ReturnType<typeof normalize>, tokenizer: Tokenizer): ClassifierInput['focus'] {
  const scans = n.scan.split('|');
  if (scans.filter((x) => x.trim()).length < 2) return undefined;
  const texts = n.text.split(new RegExp(`(${CLAUSE_END.source})`));
  // A "|" the buyer typed is a clause break of the scan text and not of the text: no focus then.
  if (texts.length !== 2 * scans.length - 1) return undefined;
  for (let i = scans.length - 1; i >= 0; i--) {
    const scan = ` ${scans[i]!.trim()} `;
    if (!scan.trim()) continue;
    const text = texts[2 * i] ?? '';
    const question = texts[2 * i + 1] === '?' || ASKS.test(scan);
    if (question) return { scan, features: featuresOf(text.trim(), tokenizer.cut(text.trim())) };
  }
  return undefined;
}

/** An intent that asks for something: not undecided, not only a greeting or a goodbye. */
const substantive = (i: Intent | undefined) => i !== undefined && i !== 'unknown' && i !== 'greeting' && i !== 'bye';

/** Words that make a clause a question or a request. */
// A question announced is one ("hello, i want to ask about delivery to sabah": found from outside, greeted back).
const ASKS = /吗|呢|么|什么|怎么|为什么|哪|几|多少|能不能|可不可以|请|帮|(?<![a-z])(?:why|what|how|when|where|which|can|could|would|please|ask about|ask regarding|question about|question regarding)(?![a-z])/;

/** Enough words to be a request of its own: four Latin words or six Han characters. */
const substantial = (scan: string) => (scan.match(/[a-z]+/g)?.length ?? 0) >= 4 || (scan.match(/\p{Script=Han}/gu)?.length ?? 0) >= 6;

/**
 * A long message's clauses that are not politeness on their own: "Hi, hope all is well. Thank you
 * for your help earlier. I wanted to ask why my order shows as closed" is the last clause. A clause
 * is politeness when its cues alone call it a greeting or thanks.
 */
function withoutPoliteClauses(classifier: IntentClassifier, scan: string): string | undefined {
  const clauses = scan.split('|');
  if (clauses.length < 2) return undefined;
  const kept = clauses.filter((clause) => {
    const alone = classifier.classify({ scan: ` ${clause.trim()} ` }).intent;
    return alone !== 'greeting' && alone !== 'bye';
  });
  return kept.length && kept.length < clauses.length ? ` ${kept.map((k) => k.trim()).join(' | ')} ` : undefined;
}

/** Evidence for `faq` from a question about a product code ("B-7781有黑色吗", "W-556 for small wrists?"). */
const PRODUCT_CODE_WEIGHT = 0.6;

/**
 * A question that names a product code asks about that product (its colours, sizes, stock), which
 * the shop answers, unless the cues found an order question in it (they decide first: "B-7781 到哪了").
 */
function productQuestion(n: ReturnType<typeof normalize>, extra: ClassifierInput['extra']): ClassifierInput['extra'] {
  if (!namesProductCode(n.display) || !(ASKS.test(n.scan) || n.text.includes('?'))) return extra;
  return { ...extra, faq: (extra?.faq ?? 0) + PRODUCT_CODE_WEIGHT };
}

/** Evidence for `faq` per shop topic named (the FAQ lexicon's `_knowledge`), for at most two topics. */
export const SHOP_TOPIC_WEIGHT = 1;
const MAX_SHOP_TOPICS = 2;
const LATIN_WORD = /^[a-z]+$/;

/**
 * A message that names what shops are asked about and orders are not (a size, a material, a
 * payment method, a shelf life, sensitive skin) is likely a question for the shop's FAQ, in words
 * the cues may never have seen: the FAQ's synonym lexicon knows them.
 */
function shopTopics(text: string, tokens: readonly string[]): ClassifierInput['extra'] {
  const lexicon = defaultLexicon();
  const topics = new Set<string>();
  let object = false;
  const note = (id: string) => {
    for (const part of id.split('+')) {
      if (lexicon.isKnowledge(part)) topics.add(part);
      object ||= lexicon.isObject(part);
    }
  };
  for (const m of lexicon.matchHan(text)) note(m.id);
  const latin = tokens.filter((t) => LATIN_WORD.test(t)).map(stem);
  if (latin.length) for (const m of lexicon.matchLatin(latin)) note(m.id);
  // "你多大了", "what size are you": the agent's size or age, not a product's.
  if (topics.size && !object && addressesPerson(text)) for (const t of topics) if (isPersonalTopic(t)) topics.delete(t);
  return topics.size ? { faq: SHOP_TOPIC_WEIGHT * Math.min(MAX_SHOP_TOPICS, topics.size) } : undefined;
}

// 啦 too: "不用啦" is "不用" (found from outside: read as a miss, and a person against the no).
const TRAILING_PARTICLES = /[啊吧呀哈呢的哦噢嘛了啦咯喔嘞呗噻撒]+$/;
const SG_PARTICLE = /\s+(?:lah|lor|la|leh|loh|liao)[!.\s]*$/;
/** Said to the agent after a yes or no: "yes dear" (a US vitamins shop, forty-first session: not understood). */
const VOCATIVE = /\s+(?:dear|hon|honey|love|luv|darling|sweetie|mate|sis|bro|boss|sir|maam|ma'am|madam)[!.\s]*$/;

/** A yes or no when the whole first clause is one ("好的", "嗯嗯", "yes please", "不用了，谢谢"). */
/** Laughter before the answer ("哈哈哈哈 好喔": a Taipei shop, forty-fourth session, not understood). */
const LAUGH_HEAD = /^(?:哈{2,}|呵{2,}|嘿{2,}|(?:ha){2,}h?|(?:he){2,}|lol|lmao|😂|🤣|😆|😅)[\s,，!！~]*(?=\S)/u;
/** And after it ("yes haha": found in review). */
const LAUGH_TAIL = /(?<=\S)[\s,，!！~]*(?:哈{2,}|呵{2,}|(?:ha){2,}h?|(?:he){2,}|lol|lmao|😂|🤣|😆|😅)$/u;
/** A sigh before the answer ("ugh. yes please" to "shall I get a person?": a Toronto shop, forty-fourth session, "cancel an order?"). */
const SIGH = /^(?:u+gh+|urgh|sigh|hmm+|meh|geez|jeez|oh well|fine|唉+|哎+|哎呀|行吧)$/;
function yesNoOf(scan: string): 'yes' | 'no' | undefined {
  const clauses = scan.split('|').map((c) => c.trim().replace(LAUGH_HEAD, '').replace(LAUGH_TAIL, ''));
  const first = (SIGH.test(clauses[0]!) && clauses[1] ? clauses[1] : clauses[0])!;
  if (!first) return undefined;
  // Singapore and Malaysia English ends a yes with a particle ("ok lor", "can lah": found from outside, a goodbye).
  // "ok ah?", "can ah?" ask (found in review): not with a question mark, nor with "ah".
  const sg = SG_PARTICLE.test(first) && !/[?？]/.test(first) ? first.replace(SG_PARTICLE, '') : undefined;
  if (sg === 'can') return 'yes';
  for (const c of [first, first.replace(TRAILING_PARTICLES, ''), first.replace(VOCATIVE, ''), ...(sg ? [sg] : [])]) {
    if (YES_WORDS.has(c)) return 'yes';
    if (NO_WORDS.has(c)) return 'no';
  }
  // "嗯嗯 好的", "对对对", "ok ok": several of one kind in a row (found from outside: a goodbye).
  // The particle may belong to the last word ("唔系 算啦" is 不是 and 算啦: found from outside, a hand-over).
  for (const run of [first.replace(TRAILING_PARTICLES, '').replace(/\s+/g, ''), first.replace(/\s+/g, '')]) {
    // "好麻烦了" is "what a hassle", not 好 and 麻烦了 (found in review).
    if (madeOf(run, YES_WORDS) && !run.startsWith('好麻烦')) return 'yes';
    if (madeOf(run, NO_WORDS)) return 'no';
  }
  return undefined;
}

/** Longest run of yes or no words read as one answer. */
const MAX_ANSWER_RUN = 12;

/** `s` is one or more of `words` in a row ("嗯嗯好的" is 嗯嗯 and 好的; "是不是" is no run of one kind). */
function madeOf(s: string, words: ReadonlySet<string>): boolean {
  if (!s || s.length > MAX_ANSWER_RUN) return false;
  const ends = [true];
  for (let i = 1; i <= s.length; i++) {
    ends[i] = false;
    for (let j = 0; j < i && !ends[i]; j++) ends[i] = ends[j] === true && words.has(s.slice(j, i));
  }
  return ends[s.length] === true;
}
