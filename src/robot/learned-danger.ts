/**
 * The learned danger reading as the robot's answer and the queue both use it (danger-model.ts is the model; docs/decisions/
 * 0013-learned-danger-reading.md): the guards it shares with the rules (a danger told as over, a supposition, a bare name), the
 * advice each label gives, and the model of this process, trained or read from disk once, at start (`warmDangerModel`).
 */
import { eyeRuledOut, hazardNowEmergency, hazardOf, reportsDanger } from './dialogue.ts';
import { emergencyAdvice, healthAsked } from './nlu/health.ts';
import { MAX_UTTERANCE, normalize } from './nlu/index.ts';
import { cachedDangerModel, dangerExamples, trainDangerModel, type DangerGroup, type DangerModel, type DangerReading } from './danger-model.ts';
import type { SafetyKind } from './safety.ts';

/**
 * Told as over and seen to ("上次那个充电器冒烟的事已经处理好了", "the gas smell last week turned out to be the bins lol", "someone
 * pretending to be you messaged me last month, I ignored and blocked them"), an idiom ("我气得冒烟", "this sale is on fire mate",
 * "my stomach's on fire"), or asked before the goods came ("电池鼓包的话能退吗？我还没收到货"): no danger now (the development danger
 * set, forty-fifth session: its false alarms). And from the second development set (forty-sixth session): asked before buying
 * ("電池鼓包是什麼原因？想先了解再買", "is there a cool-touch version?", "Our old cot broke so we're buying yours"), over at once ("我直接挂了拉黑了",
 * "Didn't click it", "冲一下就好了"), a joke ("这手机性能太炸了", "正常吧哈哈"). And from the third (forty-ninth session): an idiom
 * ("辣到冒烟"), the news, a scare that was nothing ("虚惊一场"), a scam stopped or only feared, how to report one.
 */
const NO_DANGER_NOW =
  /(?:上次|上个月|上周|上星期|上个星期|上礼拜|之前|上回)[^。？?]{0,30}(?:已经处理好|处理好了|修好了|已经修好|解决了|换了新的|没事|排出来|拉黑|没理)|气得冒烟|辣(?:到|得)冒烟|太炸了|看(?:到)?新闻|新闻(?:上|里)?说|虚惊一场|结果是(?:楼下|隔壁|邻居|别人家?)|还好[^。？?]{0,4}(?:拦住|没转|没给|没上当)|(?:免得|以防|防止)[^。？?]{0,12}冒充|防诈骗提醒|(?:在哪(?:里|儿)?|怎么|如何)举报|的话[^。？?]{0,6}(?:能|可以)退|还没收到货|想先了解|了解再买|有没有[^。？?]{0,8}保护|有没有[^。？?]{0,6}(?:款|版)|会(?:冒[黑白]?烟|发烫|过热|爆炸|着火)吗|正常吧[^。？?]{0,3}哈哈|直接挂了|挂了拉黑|已经没了|冲(?:一下|了)就好了|(?<![a-z])(?:hung up (?:straight away|right away|immediately|and blocked)|(?:didn'?t|did not) click (?:it|the link|on it)|so (?:we'?re|we are|i'?m|i am) buying|want to know if yours|is there a [a-z -]{0,20}(?:version|model)|(?:does|do) (?:this|these|it|they)\b[^.?!]{0,30}\bhave (?:small|little|tiny) parts|(?:last (?:week|month|time|year)|earlier)\b[^.?!]{0,60}\b(?:turned out|ignored|blocked|sorted|fixed|was fine)|(?:sale|deal|deals|price|prices|stomach|mouth|tongue|chilli|sauce|wings)(?:'s| is| are)? (?:on fire|burning)|on fire sale|fire sale|just asking before i order|first (?:time|use)\b[^.?!]{0,60}\b(?:manual says|(?:that'?s|that is) normal|is normal)|if (?:a|the|my|it) [a-z ]{0,20}(?:is|gets|arrives) (?:swollen|damaged|hot|bulging)(?: on arrival)?)(?![a-z])/;

/** Told as over, unless it happens again now ("之前修好了 现在又冒烟了"). */
// Nor when something else is told beside it ("上次买的那个没事，这次的充电宝充着电冒烟了", "烟已经没了，但是孩子…一直咳嗽"), nor a question
// asked of what is happening now ("充电宝在冒烟，会着火吗？": found in review, silenced in the queue).
// Nor once money or a code went ("冒充你们店的人让我转账 已经转了 怎么举报": found this session).
// Nor with a danger told now beside the scare or the news ("还好发现得早，宝宝只吞了一颗纽扣电池", "本来以为虚惊一场，结果宝宝现在一直吐": found in
// review of the forty-ninth session's phrases).
const NOT_OVER = /又|再次|这次|这回|但是|可是|已经(?:转|付|给)|一直(?:吐|咳|哭|拉)|还在|转了|我给了|扫了|鼓起来|还有焦味|一直有焦味|叫不醒|漏气|都是味|钱没了|在冒烟|冒烟了|鼓包了|着火了|起火了|(?<![a-z])(?:again|now (?:it'?s|it is)|this time|but (?:now|still|today|this)|but (?:my|the|his|her|he|she|it) [a-z]+ (?:is|keeps|still|has))(?![a-z])/;
export const toldAsOver = (n: string): boolean => NO_DANGER_NOW.test(n) && !NOT_OVER.test(n);

/** The rules' reading alone (the learned reading's training leaves out what they read). */
function ruleSafety(n: string): boolean {
  if (reportsDanger(n, '') || hazardNowEmergency(n) || hazardOf(n)) return true;
  const health = healthAsked(n, '');
  return health !== undefined && health !== 'advice';
}

/**
 * How sure the learned reading must be. Chosen on the development danger set and the intent corpus's VALIDATION half
 * (`node src/robot/eval/danger-fit.ts`, docs/robot-evaluation.md part 48) and on the look-alikes the rules' reviews found.
 */
export const LEARNED_MIN = 0.65;
const KIND_OF_GROUP: Readonly<Record<Exclude<DangerGroup, 'none'>, SafetyKind>> = {
  fire: 'device',
  gas: 'gas',
  fumes: 'air',
  person: 'emergency',
  eye: 'eye',
  injury: 'injury',
  scam: 'fraud',
  pet: 'pet',
  reaction: 'reaction',
  structure: 'broke',
  spoiled: 'spoiled',
};

// Furniture or a set that fell onto someone is seen to first (not a person's own fall: "landed on her hip", "压到了手": found in review);
// one about to fall is kept away from; anything else that gave way is not used again.
const FURNITURE = /柜|书架|置物架|架子|电视|镜子|(?<![a-z])(?:book ?case|book ?shelf|shelf|shelves|shelving|dresser|wardrobe|cabinet|drawers|tv|television|telly|mirror)(?![a-z])/;
const FELL_ONTO = /(?:压|砸|冚)(?:住|中|咗|伤)(?:了)?(?:我|他|她|孩子|宝宝|小孩|儿子|女儿|仔|女)|(?:压|砸)(?:到|在)(?:了)?(?:我|他|她)?的?(?:孩子|宝宝|小孩|儿子|女儿|身上)|倒在[^，,。]{0,6}身上|(?<![a-z])(?:tipped|toppled|fell|came down|landed|crashed)(?: over| down)? (?:on|onto) (?:him|her|them|me|us|my (?:son|daughter|kid|child|baby|toddler|boy|girl)|the (?:kid|baby|child|toddler|dog|cat))(?![a-z])/;
const ABOUT_TO_FALL = /要掉|快掉|要倒|快倒|要塌|快塌|摇摇欲坠|往下滑|(?<![a-z])(?:about to (?:fall|come down|collapse|give way)|going to (?:fall|come down)|hanging off|pulling out|coming away|tipping)(?![a-z])/;
// Something that got in, for the eye: not eyes tired from reading, nor sand or dust ("眼睛进沙子了 好疼": found in review).
const IN_THE_EYE = /洗|液|剂|霜|油|粉|膏|喷|药|乳|精华|胶|漂白|(?<![a-z])(?:spray\w*|squirt\w*|splash\w*|flick\w*|cream|gel|drops?|bleach|clean\w*|chemical\w*|glue|dye|polish|soap|shampoo|oil|lotion|serum|powder|liquid|descaler|acid|paint|solution|saniti[sz]er|detergent|perfume|fluid|bath bomb|fizz\w*)(?![a-z])/;
const NOT_IN_THE_EYE = /沙|灰尘|进灰|了灰|睫毛|虫子|(?<![a-z])(?:sand|dust|grit|eyelash|lash|bug|fly)(?![a-z])/;
// Someone ill or who swallowed what was wrong with the food is not the spoiled food's photo and claim (found in review).
const SWALLOWED = /(?<!狼)吞(?!虎)|(?<!虎)咽|(?<![a-z])swallow\w*(?![a-z])/;
const ILL_SINCE = /吐|泻|拉肚子|肚子(?:疼|痛)|胃(?:疼|痛)|肚痾|(?<![a-z])(?:vomit\w*|threw up|throwing up|diarrh\w*|sick(?! of)|been sick|food poisoning|stomach (?:ache|pain|cramps))(?![a-z])/;
// A pet in danger now is the vet's at once (found in review: "口吐白沫" after licking a floor cleaner got the milder text).
const PET_NOW = /口吐白沫|抽搐|抽筋|不动了|没反应|昏|站不起来|站不稳|呼吸困难|(?<![a-z])(?:foam\w*|seiz\w*|(?:a|having a|had a) fit|fitting|collaps\w*|not breathing|(?:won'?t|will not) wake|unresponsive|(?:can'?t|cannot|can not) stand|lying still|convuls\w*)(?![a-z])/;

/** The advice of the label, refined by the words the rules' own readings go by. */
function kindOf(group: Exclude<DangerGroup, 'none'>, n: string): SafetyKind {
  if (group === 'person') return emergencyAdvice(n);
  if (group === 'structure') return FURNITURE.test(n) && FELL_ONTO.test(n) ? 'tipped' : ABOUT_TO_FALL.test(n) ? 'fall' : 'broke';
  if (group === 'pet') return PET_NOW.test(n) || emergencyAdvice(n) === 'petEmergency' ? 'petEmergency' : 'pet';
  if (group === 'spoiled') return SWALLOWED.test(n) ? 'emergency' : ILL_SINCE.test(n) ? 'reaction' : 'spoiled';
  return KIND_OF_GROUP[group];
}

// Supposed, or asked before anything happened ("如果闻到煤气味 安全吗", "would it sting if it got in my eyes?"), in the first clause:
// a question after a report stays a report ("my son drank some of the dishwasher liquid, will it hurt him?": found in review).
const SUPPOSED = /如果|万一|要是|假如|会不会|(?<![a-z])(?:what if|would it|will it|in case|if (?:it|i|you|we|he|she|they|the|a|my|your|there)\b[^.?!]{0,40}\b(?:would|will|can|should|does|do i))(?![a-z])/;
// Where it begins: an unpunctuated report with its question at the end is still a report ("人字梯的腿突然折了我爸从上面摔下来了会不会骨折啊").
const SUPPOSED_WITHIN = 16;
const FIRST_CLAUSE = /[，,。.!！?？;；]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;
// A name alone is no report ("煤气罐", "gas heater": found in review, told to turn the gas off): six Chinese characters, three English words.
const sizeOf = (n: string): number => (n.match(/\p{Script=Han}/gu)?.length ?? 0) + 2 * (n.match(/[a-z]+/g)?.length ?? 0);
const MIN_SIZE = 6;

// A greeting before the danger says nothing of it, and dilutes it ("hello, the cat licked the floor cleaner and is foaming at the mouth"
// read 0.63, without "hello," 0.72: found in review).
const GREETING = /^(?:\s*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|dear|亲|亲亲|你好|您好|在吗|在不在|哈喽|嗨|早上好|晚上好|老板|客服)(?:\s+(?:there|team|guys|all))?[\s,，.。!！~～:：]*)+/;
/**
 * The learned reading of a normalised message the rules read as nothing and that tells no danger as over (both callers,
 * `safetyOf` and the robot's `dangerRead`, check `toldAsOver` first): a kind when the model is sure of a danger.
 */
export function learnedSafety(n: string, min = LEARNED_MIN): SafetyKind | undefined {
  const told = n.replace(GREETING, '');
  if (sizeOf(told) < MIN_SIZE || SUPPOSED.test((told.split(FIRST_CLAUSE)[0] ?? '').slice(0, SUPPOSED_WITHIN))) return undefined;
  const r = theModel().read(told);
  if (!r || r.p < min || (r.group === 'eye' && (eyeRuledOut(n) || !IN_THE_EYE.test(n) || NOT_IN_THE_EYE.test(n)))) return undefined;
  return kindOf(r.group, n);
}

let model: DangerModel | undefined;
let failure: Error | undefined;
/** Trained once per process (or read from the disk's copy); training data that cannot be read leaves the rules alone (`warmDangerModel` says so). */
function theModel(): DangerModel {
  if (model) return model;
  try {
    model = cachedDangerModel(() => trainDangerModel(dangerExamples((t) => normalize(t.slice(0, MAX_UTTERANCE)).text, ruleSafety)));
  } catch (err) {
    failure = err as Error;
    model = trainDangerModel([]);
  }
  return model;
}

/** Trains or loads the model now (at start, not in a buyer's turn); the error when it could not be, the rules then reading alone. */
export function warmDangerModel(): Error | undefined {
  theModel();
  return failure;
}

/** The learned reading's most likely danger and its probability, sure or not (for the evaluation's thresholds). */
export const learnedReading = (text: string): DangerReading | undefined => theModel().read(normalize(text.slice(0, MAX_UTTERANCE)).text.replace(GREETING, ''));
