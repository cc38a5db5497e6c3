/**
 * What to do now, told to a buyer in danger wherever the conversation is: with the robot, or
 * waiting in the queue (found from outside, four shops of the thirty-eighth session: a swollen
 * battery still smelling, a gas smell with a child at home, a toddler who ate supplements, a rash
 * on a grandchild, all got "your message is kept" while queued, with nobody online until morning).
 * Pure: no I/O.
 */
import { GAS_LEAK, hazardOf, reportsDanger, SAFETY_SIGN, type Hazard } from './dialogue.ts';
import { healthAsked } from './nlu/health.ts';
import { MAX_UTTERANCE, normalize } from './nlu/index.ts';
import { TEXTS, type Texts } from './replies.ts';
import { foldTraditional } from './lexicon/index.ts';

export type SafetyKind = 'device' | 'gas' | Hazard | 'emergency' | 'reaction' | 'pet';

/**
 * A word any of these has: the full reading runs only when one is there (a queued message is read
 * whole otherwise: found by CI, 37 ms of the event loop for a 3.5 KB one).
 */
const SAFETY_WORD =
  /烟|火|炸|烫|热|焦|糊|味|电|鼓|胀|漏|气|晃|松|掉|砸|伤|血|扎|割|划|破|泡|误|吞|吃|喝|药|毒|昏迷|抽搐|叫不醒|喘|过敏|红|疹|肿|痒|刺痛|吐|拉|(?<![a-z])(?:smok|fire|hot|burn|smell|gas|spark|shock|swell|swollen|bulg|explod|leak|swallow|ate|eaten|drank|got into|took|poison|breath|conscious|seizure|chest|wake|allerg|rash|hive|itch|sting|peel|vomit|diarrh|sick|fall|loose|wobbl|cut|bleed|burn|hiss|propane|valve|spark)/i;

/** The danger a text reports or the help it needs now; undefined for anything else (a question of use, a worry beforehand). */
export function safetyOf(text: string, goods = ''): SafetyKind | undefined {
  const cut = text.slice(0, MAX_UTTERANCE);
  if (!SAFETY_WORD.test(cut)) return undefined;
  const n = normalize(cut).text;
  if (reportsDanger(n, goods)) return GAS_LEAK.test(n) && !SAFETY_SIGN.test(n) ? 'gas' : 'device';
  const hazard = hazardOf(n);
  if (hazard) return hazard;
  const health = healthAsked(n, goods);
  return health === 'advice' ? undefined : health;
}

/**
 * After a danger told in this conversation, a message about the same danger asks for the same advice
 * ("现在放阳台地上了 会不会炸啊 家里有小孩", "电池还在冒味", "外机要掉下来了！！", "she's acting sleepy now"),
 * though it reports nothing new by itself.
 */
const DANGER_GOES_ON =
  /炸|爆|着火|起火|烧起来|冒烟|冒味|有味|味道|味|燶|焦|黑|烟|烫|火|漏气|煤气|燃气|孩子|小孩|小朋友|宝宝|老人|掉下|砸|晃|风|血|怎么办|咋整|咋办|使唔使|点算|911|119|120|999|(?<![a-z])(?:smok\w*|fire|explod\w*|smell\w*|burn\w*|hot|gas|kids?|child|children|baby|toddler|worse|sleepy|drowsy|black|electrician|call someone|what (?:do|should) i do)(?![a-z])/i;
export const dangerGoesOn = (text: string): boolean => DANGER_GOES_ON.test(text.slice(0, MAX_UTTERANCE).normalize('NFKC').toLowerCase());

/** The advice for a kind of danger, in the buyer's language. */
export function safetyText(t: Texts, kind: SafetyKind): string {
  if (kind === 'gas') return t.gasFirst;
  if (kind === 'device') return t.safetyFirst;
  if (kind === 'fall' || kind === 'injury') return t.hazardFirst[kind];
  return kind === 'emergency' ? t.healthEmergency : kind === 'reaction' ? t.healthReaction : t.healthPet;
}

const KINDS: readonly SafetyKind[] = ['device', 'gas', 'fall', 'injury', 'emergency', 'reaction', 'pet'];
let advice: Map<string, SafetyKind> | undefined;
/**
 * The danger a robot reply advised on, when it is one of the safety texts (in either script): the turn's own reading, whatever
 * words led to it ("omg the zojirushi just sparked at the plug…": the reply gave the advice, the queue's reading of the text did not).
 */
export function adviceKind(reply: string): SafetyKind | undefined {
  advice ??= new Map(KINDS.flatMap((k) => (['zh', 'en'] as const).map((l) => [foldTraditional(safetyText(TEXTS[l], k)), k] as const)));
  return advice.get(foldTraditional(reply));
}
