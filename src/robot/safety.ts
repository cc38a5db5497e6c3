/**
 * What to do now, told to a buyer in danger wherever the conversation is: with the robot, or
 * waiting in the queue (found from outside, four shops of the thirty-eighth session: a swollen
 * battery still smelling, a gas smell with a child at home, a toddler who ate supplements, a rash
 * on a grandchild, all got "your message is kept" while queued, with nobody online until morning).
 * Pure: no I/O.
 */
import { deviceAdvice, emergencyNowKind, hazardNowEmergency, hazardOf, reportedKind, reportsDanger, type Hazard } from './dialogue.ts';
import { emergencyAdvice, headKnockSigns, healthAsked, swallowFeared, swallowingHard, type EmergencyKind } from './nlu/health.ts';
import { MAX_UTTERANCE, normalize } from './nlu/index.ts';
import { TEXTS, type Texts } from './replies.ts';
import { foldTraditional } from './lexicon/index.ts';
import { withListedNumbers } from './emergency-numbers.ts';
import { LEARNED_MIN, learnedSafety, toldAsOver } from './learned-danger.ts';

export { LEARNED_MIN, learnedReading, warmDangerModel } from './learned-danger.ts';

export type SafetyKind = 'device' | 'gas' | Hazard | EmergencyKind | 'reaction' | 'pet';

/**
 * A word any of these has: the rules run only when one is there (a queued message was read whole
 * otherwise: found by CI, 37 ms of the event loop for a 3.5 KB one); the learned reading reads the
 * rest, cut to MAX_UTTERANCE like every reading.
 */
const SAFETY_WORD =
  /断|塌|疴|痾|食咗|食了|倒|翻|压|刹|脱落|散架|烟|火|炸|烫|热|焦|糊|味|电|鼓|胀|漏|气|晃|松|掉|砸|伤|血|扎|割|划|破|泡|误|吞|吃|喝|药|毒|昏迷|抽搐|叫不醒|喘|过敏|红|疹|肿|痒|刺痛|吐|拉|冻|骗|冒充|假冒|扫|验证码|身份证|卡号|理赔|转账|汇款|转\d|保证金|订金|定金|话系|霉|臭|变质|长毛|馊|酸|晕|闷|咬|啃|舔|说是|自称|胰岛素|冰袋|干燥剂|磁铁|嘴里|肾上腺素|驱虫|烧|哭|硬|医院|医生|咽|呼吸|喉咙|嗓子|鼻|耳朵|(?<![a-z])(?:nose|nostril|ear|cough|gag|chok|doctor|sore|red|taste|chew|fever|temperature|crying|belly|floppy|epi-?pen|insulin|ice ?pack|gel|mouth|nexgard|flea|tick|worm|atm|e-?transfer|dry ice|frost|scam|fraud|impersonat|pretend|fake|pay|transfer|code|otp|card|bank|link|screen ?shar|mold|mould|spoil|rotten|rancid|smelt|gone off|dizzy|asthma|inhaler|throat|wheez|licked|lil|smok|fire|hot|burn|smell|gas|spark|shock|zap|kembung|berasap|terbakar|hangit|mendesis|meletup|hissing|numb|tingl|electrocut|swell|swollen|bulg|puff|balloon|bloat|lipo|threw up|throwing up|head|tipped|toppled|fell on|came down on|crashed|landed on|explod|leak|swallow|ate|eaten|drank|got into|took|poison|breath|conscious|seizure|chest|wake|allerg|rash|hive|itch|sting|peel|vomit|diarrh|sick|fall|loose|wobbl|cut|bleed|hiss|propane|lpg|valve|spotting|pregnan|faint|passed out|pressure|dizz|racing|pounding|snap|brake|broke|collaps|gave way|cracked|came off|fell off|sheared|came undone|buckle|harness|popping open|pops open|popped|came open|clip|latch|isofix|blister|eyelid|eye|wheel|piece|part|泼|眼睛|卡扣|安全带|锁扣|滴|挠|掉毛|流口水|发抖|drool|trembl|shaking|口子|蔫|没精神|精神不好|lethargic|listless|texted|messaged|from your|backed out|dropped out|hit the|trip|跳闸|scald|steam|fee of|redeliver|went down|handlebar|face first|hkid|nric|id number|identity|sms|短信|冒|卡住|卡到|卡在|卡喉|憋|紫|流到|着了|鼓了|melted|flames?|一氧化碳|报警|警报|警報|探测器|探測器|瓦斯|噎|哽|monoxide|alarm|detector|turning blue)/i;

/** The danger a text reports or the help it needs now; undefined for anything else (a question of use, a worry beforehand). */
export function safetyOf(text: string, goods = '', learnedMin = LEARNED_MIN): SafetyKind | undefined {
  const cut = text.slice(0, MAX_UTTERANCE);
  const read = readDanger(cut, normalize(cut).text, goods, learnedMin);
  return read === 'advice' ? undefined : read;
}

/**
 * The one danger reading of a message (`text` as typed, `n` normalised): the queue's (`safetyOf`) and the robot's answer's
 * (`dangerRead` in dialogue.ts), so that a rule added here holds for both (two copies of this order had disagreed: a danger
 * told as over, an emergency told now). `advice`: a question of health the shop's own entry may answer, no danger.
 */
export function readDanger(text: string, n: string, goods = '', learnedMin = LEARNED_MIN): SafetyKind | 'advice' | undefined {
  const over = toldAsOver(n);
  // Read in simplified characters: "打電話說是你們客服…去ATM", "燒焦味" (a Taipei shop, thirty-ninth session). Without one of the rules'
  // words only the learned reading reads it ("梯子用着用着一条腿折了").
  const worded = SAFETY_WORD.test(foldTraditional(text.slice(0, MAX_UTTERANCE))) || SAFETY_WORD.test(n);
  const now = over || !worded ? undefined : toldNow(n, goods);
  if (now) return now;
  // A question of health is one even beside a danger told as over.
  const health = healthAsked(n, goods);
  if (health === 'advice') return 'advice';
  if (over) return undefined;
  if (health === undefined) return learnedSafety(n, learnedMin);
  // A reaction with swallowing gone hard is the emergency, from the first message on (a London shop, fifty-first session: "not sure").
  if (health === 'reaction' && swallowingHard(n)) return 'emergency';
  if (health !== 'emergency') return health;
  const advice = emergencyAdvice(n);
  return advice === 'battery' && swallowFeared(n) ? undefined : advice;
}

/**
 * An electric shock felt ("被电了一下 手麻", "got zapped by the charger and my arm is numb"): the power cut and the signs that need a
 * doctor, before a sparking device's own advice (a Shenzhen charger shop, fiftieth session: the numb hand after the sparks was kept).
 */
// 被电到 and 触电 are also being smitten ("看了模特图 被电到了"): the Chinese readings need the power or the body beside them; Cantonese 電親
// ("我俾個插蘇電親 隻手好痺", found in review). "Shocked at the fee" is surprise: the English ones need electricity.
const SHOCKED_ZH = /被电(?:了一下|击了|麻|得|哭|亲)|电亲|被[^，,。？?]{0,8}电(?:了一下|到了|麻了|亲|哭了)|电了(?:我|他|她)?一下|触电了|电到(?:了)?(?:手|我的手)/;
const SHOCK_CONTEXT = /插座|插头|插排|插线板|插苏|电线|充电|漏电|开关|电器|灯|手|胳膊|麻|痹|痺|哭/;
const SHOCKED_EN = /(?<![a-z])(?:(?:got|get|gets|been|had|gave (?:me|her|him|my \w+)) (?:an? )?(?:electric|electrical) shock|(?:got|get|gets|had|gave (?:me|her|him|my \w+)) (?:an? )?(?:nasty |bad |big |little |small )?(?:shock|jolt) (?:from|off) (?:the|my|your|a|this|that) |(?:got|was|been) shocked by (?:the|my|your|a|this|that) (?:plug|socket|outlet|charger|cable|wire|lead|cord|kettle|toaster|lamp|light|night ?light|heater|appliance|switch)|electrocut\w*|zapped (?:me|her|him|my)|got zapped|kena (?:electric |a )?shock(?= (?:from|on|in|kat|dari|masa|when (?:i )?(?:plug|touch|unplug|charg)))|(?:got|get|kena) (?:a )?shock (?:on|in) (?:my|her|his) (?:finger|fingers|hand|arm))(?![a-z])/;
// Asked beforehand, another year, a toy or a massager's own feel, a joke (found in review).
const SHOCK_ASKED = /会不会|会漏电吗|怕|担心|万一|如果|防止|去年|以前|上次|想买|推荐|哈哈|电击器|电蚊拍|按摩|理疗|档位|(?<![a-z])(?:will it|could it|can it|would it|does it|might|in case|if|afraid|worried|last (?:year|time|month)|lol|haha|tens|ems|massag\w*)(?![a-z])/;
/** Numb or tingling in a hand or an arm after a spark or a leak told: the shock's signs; not 人都麻了 (fed up) nor legs gone to sleep. */
const HAND_NUMB_ZH = '(?:手|胳膊|手指|手臂|手掌)[^，,。？?]{0,4}(?:麻|痹|痺)';
const SHOCK_SIGNS = new RegExp(String.raw`${HAND_NUMB_ZH}|(?<![a-z])(?:(?:hand|hands|arm|arms|finger|fingers|fingertips) (?:is |are |feels? |went |got |still |has gone |have gone )*(?:numb|tingl\w*)|pins and needles in (?:my|his|her) (?:hand|arm|fingers))(?![a-z])`);
const shocked = (n: string): boolean => ((SHOCKED_ZH.test(n) && SHOCK_CONTEXT.test(n.replace(SHOCKED_ZH, ''))) || SHOCKED_EN.test(n)) && !SHOCK_ASKED.test(n);
/** A shock with worse in it: unconscious, not breathing, the chest, a fire (found in review: "被电了一下 人晕过去了" was told the shock's advice). */
const shockOrWorse = (n: string, goods: string): SafetyKind => {
  // A device reported on fire is `reportedKind`'s fire, which is hazardOf's fire too (both are fireNow).
  if (hazardOf(n) === 'fire') return 'fire';
  return healthAsked(n, goods) === 'emergency' ? emergencyAdvice(n) : 'shock';
};

/** A danger reported, an emergency or a hazard now, by the rules. */
function toldNow(n: string, goods: string): SafetyKind | undefined {
  if (shocked(n)) return shockOrWorse(n, goods);
  if (reportsDanger(n, goods)) return reportedKind(n);
  // Choking now, or a chemical in the eye also drunk.
  if (hazardNowEmergency(n)) {
    const kind = emergencyNowKind(n);
    // Fumes that take the breath: fresh air first, and the air's advice says when to call ("dry ice in the car, my son says he
    // can't breathe properly", "mixed ammonia and bleach… says she can't breathe": read once "can't" met "cannot", this session).
    return kind === 'emergency' && hazardOf(n) === 'air' ? 'air' : kind;
  }
  // A cut or a broken thing that hurt someone's head with its signs ("梯子断了我摔下来了 头在流血"): the head first.
  const hazard = hazardOf(n);
  return (hazard === 'injury' || hazard === 'broke') && headKnockSigns(n) ? 'headInjury' : hazard;
}

/**
 * After a danger told in this conversation, a message about the same danger asks for the same advice
 * ("现在放阳台地上了 会不会炸啊 家里有小孩", "电池还在冒味", "外机要掉下来了！！", "she's acting sleepy now"),
 * though it reports nothing new by itself.
 */
// Charging or hissing still ("its in the kitchen charging right now" after a bulging battery: a Manchester shop, forty-third session).
// An air fryer or a hotpot is no fire ("发票怎么开 空气炸锅那单要开个人的" after an air fryer's smoke: a Guangzhou appliance shop,
// forty-ninth session, told the fire's advice again).
// The mouth burning after ("他说嘴巴有点烧 现在喝了水" after a desiccant eaten: a Chengdu shop, forty-ninth session, kept).
// What to put on a burn or on a hot battery ("冲了凉水了 要不要涂牙膏", "要不要拿水浇一下": a Guangzhou appliance shop, forty-ninth session, kept).
const DANGER_GOES_ON =
  /(?:他|她|孩子|宝宝|老人|老头|老伴|肚子|胃|头|身上)[^，,。？?]{0,4}(?:不舒服|难受)|肚子疼|肚子痛|吐了|呕吐|在充电|还在充|插着电|还插着|嘶嘶|危险|要紧|有事吗|有事没|没事吧|医院|医生|急诊|哮喘|喘|呼吸|头晕|肿|加重|越来越|干冰|验证码|转账|扫码|骗|(?<!空气|油)炸(?!锅|鸡|串|薯)|爆|着火|起火|烧起来|冒烟|冒味|有味|味道|味|燶|焦|黑|烟|烫|火(?!锅|车|腿|柴|龙果)|漏气|煤气|燃气|孩子|小孩|小朋友|宝宝|娃|老人|掉下|砸|晃|风|血|怎么办|咋整|咋办|使唔使|点算|(?<!\d)(?:911|119|120|999|111)(?!\d)|害怕|好怕|总阀|阀门|嘴巴(?:有点|有些|好|很)?(?:烧|痛|疼|辣|麻)|喉咙(?:有点|好|很)?(?:痛|疼|烧)|(?:涂|抹|擦)(?:点)?(?:牙膏|酱油)|挑破|(?:用|拿)水浇|浇水|泼水|灭火器|老头|老伴|睡觉|观察|看着没事|睁不开|看着还好|好像没事|不哭不闹|等等看|排出|拉出来|发烧|软了|没力气|没劲|脱水|一直拉|一直哭|鼻子|耳朵|异物|(?<![a-z])(?:vomit\w*|throwing up|threw up|tummy|stomach ?ache|belly ?ache|charging (?:right )?now|still charging|(?:is|(?:it'?s|it is)) charging|(?:still |now )on charge|on charge (?:now|still)|still plugged (?:in|into)|hissing|fizzing|venting|fever|limp|dehydrat\w*|wait and see|wait it out|act(?:s|ing)? (?:normal|fine)|(?:seems?|looks?) (?:ok|okay|fine|normal)|comes? out|pass(?:es)? it|a ?& ?e|the er|to er|emergency room|urgent care|ambulance|poison\w*|toxic|chok\w*|cough\w*|vet|scared|afraid|puff\w*|hard to open|stinging|smok\w*|fire|explod\w*|smell\w*|burn\w*|hot|gas|kids?|child|children|baby|toddler|worse|sleepy|drowsy|black|electrician|call someone|toothpaste on|put toothpaste|pour water on|throw water on|extinguisher|what (?:do|should) i do|dangerous|danger|safe|hospital|doctor|asthma|inhaler|breath\w*|wheez\w*|swell\w*|swollen|dizzy|scam\w*|paid|bank)(?![a-z])/i;
/**
 * Help already called ("已经打了120 剩下的扇贝要留着给医生看吗": a Qingdao shop, thirty-ninth session, told to call 120 again word for word):
 * what follows is a question of its own.
 */
// Or a doctor already seen ("去医院拍了片 医生说没事会排出来 吓死我了 谢谢": a Shenzhen shop, forty-third session, told the emergency again).
// The bank called about a scam too ("rang the bank, card is blocked, thanks": a Manchester bakery, forty-ninth session, warned again whole).
const HELP_CALLED = /(?:已经|刚|刚刚)?(?:打了|叫了|拨了|打过)(?:120|110|119|999|911|000|急救|救护车|银行)|(?:卡|银行卡)(?:已经)?(?:冻结|挂失)了|(?<![a-z])(?:(?:rang|called|phoned) (?:the|my) bank|(?:card|account) (?:is|was|has been|got) (?:blocked|frozen|cancell?ed|stopped)|(?:blocked|froze|cancell?ed|stopped) (?:my|the) card)(?![a-z])|救护车(?:来了|到了|在路上)|在(?:去)?医院|到医院了|医生说|拍了片|看过医生了|(?<![a-z])(?:(?:the )?doctors? (?:said|says)|x-?ray (?:was|is|came back|showed))(?![a-z])|(?<![a-z])(?:(?:already |just )?called (?:911|999|000|111|poison control|an ambulance|the ambulance|the vet)|ambulance (?:is )?(?:coming|here|on (?:its|the) way)|(?:at|in) the (?:er|hospital|vet)|on (?:our|my) way to the (?:er|hospital|vet))(?![a-z])/i;
/** Worse or again after help was had ("医生说要住院观察 现在还在吐 怎么办": found in review): it goes on. */
const WORSENING = /还在|又|越来越|更严重|加重|(?<![a-z])(?:still|again|worse|just (?:vomited|threw up))(?![a-z])/;
/**
 * Words that go on about one kind of danger only: money sent after a scam ("我已经转了😭😭": a Guangzhou shop, forty-fifth session),
 * the battery's name after a swallowed one ("its one of those coin button batteries, CR2032": an Australian shop). Not after another
 * danger ("ok just sent you the photos", "we have a cr2025 spare": found in review).
 */
// A magnet only swallowed or in the mouth: "the fridge magnets in my order were missing too" goes on about nothing (found in review).
const SWALLOWED_NAMED = /纽扣电池|扣式电池|水银电池|钮扣电池|是(?:个|一个)?(?:小)?磁铁|(?:吞|吃|咽)[^，,。]{0,6}磁铁|磁铁[^，,。]{0,6}(?:吞|吃|咽|嘴里)|(?<![a-z])(?:button batter\w*|coin (?:cell|button|batter\w*)|cr ?20\d\d|(?:it was|its|(?:it'?s|it is)|one of) (?:a |the |one of the )?(?:little |small |tiny )?magnets?|(?:swallowed|ate|in (?:his|her|their) mouth)\b[^.?!,]{0,20}\bmagnets?|magnets?\b[^.?!,]{0,20}\b(?:swallowed|in (?:his|her|their) mouth))(?![a-z])/;
const REST_OF_FOOD = /(?:剩下的|其他的|其余的|另外(?:几|两)?(?:包|袋|盒|个)?|还有(?:几|两)?(?:包|袋|盒))[^，,。？?]{0,8}(?:还能吃|能吃吗|可以吃|能不能吃|还能喝|能喝吗|还可以吃)|(?<![a-z])(?:the (?:rest|others?|other ones|remaining \w+)|other (?:packs?|bags?|boxes|ones|tins?|jars?))\b[^.?!]{0,20}\b(?:safe to eat|ok to eat|okay to eat|fine to eat|still (?:eat|edible)|can (?:i|we) (?:still )?eat)(?![a-z])/;
const GOES_ON_OF: Partial<Record<SafetyKind, RegExp>> = {
  // Done what the caller said, or given the card ("我已經照他說的操作了一次", "i already put my card details in :(": a Taipei and a
  // Brisbane shop, forty-eighth session, told their message was kept).
  // About to ("so i should pay the RM58 or not?": a Singapore hobby shop, forty-ninth session, the tracking again).
  fraud: /(?<![a-z])(?:should i (?:pay|transfer|send|click)(?! for)|(?:pay|transfer) (?:it |them |the [a-z0-9]+ )?or not)(?![a-z])|要不要(?:付|转|交|给|点)|该不该(?:付|转|交|点)|(?:已经|刚刚?|都)(?:转|付|打)(?:了|过去了)(?:钱|款)?|(?:照|按)(?:着)?(?:他|她|对方|他们)(?:说的)?(?:操作|做|弄|办)了|已经(?:操作|加了?(?:他|她|对方))|(?:验证码|卡号|密码)[^，,。？?]{0,6}(?:给了?|告诉了?|发给了?|报给了?)|(?:给了?|告诉了?|发给了?|报给了?)(?:他|她|对方)?[^，,。？?]{0,4}(?:验证码|卡号|密码)|(?<![a-z])(?:already|just) (?:paid|sent (?:them|him|her|the money)|transferred|(?:put|entered|typed|gave|sent|key(?:ed)?|keyed) (?:in )?(?:my |the |them my |him my |her my |them the |him the |her the |them her |them his )?(?:card|bank|code|details|password|pin|otp)(?! on (?:your|the) (?:checkout|site|website|app|page)))|(?<!nothing |no money |not |nothing's |nothing is )(?:gone|taken|missing|disappeared|withdrawn) from (?:my|her|his|our|their) (?:account|card|bank)|钱(?:被)?(?:转走|扣走|没了)|钱少了|(?:输|填)(?:进去)?了?(?:验证码|短信码)|(?:put|entered|typed|gave) (?:in )?(?:my |the )?(?:card|bank) (?:details|number|info)(?![a-z])/,
  // What was done about it, told after ("我已经拉闸了 人都下楼了": a Shenzhen shop, forty-eighth session, told it was kept): the advice again.
  // Where it is now, indoors or by sleeping children ("is in my apartment in the hall, my kids is sleeping", "its in the kitchen now": a
  // Dublin shop, fifty-first session, told their message was kept): the advice again.
  device: new RegExp(String.raw`拉闸|断电了|关了总闸|下楼了|跑出来了|出来了|(?:放|搁)在(?:客厅|卧室|厨房|家里|屋里|房间|床上|门口|走廊)|(?:孩子|宝宝|家人|老人)[^，,。]{0,4}(?:在睡|睡着)|(?<![a-z])(?:(?:it'?s|it is|its|is|still|now) (?:in|inside) (?:the |my |our )?(?:hall|hallway|kitchen|bedroom|living ?room|house|apartment|flat|room|garage|car)|(?:kids?|children|baby|family) (?:is |are )?(?:asleep|sleeping))(?![a-z])|${HAND_NUMB_ZH}|(?<![a-z])(?:(?:hand|hands|arm|arms|finger|fingers) (?:is |are |feels? |went |got |still )*(?:numb|tingl\w*))(?![a-z])|(?<![a-z])(?:turned off the (?:power|mains|breaker)|flipped the breaker|we'?re outside|we are outside|got out)(?![a-z])`),
  battery: SWALLOWED_NAMED,
  // Still bleeding under a towel ("ok pressing a towel on it. its been like 10 min": a Melbourne shop, fiftieth session, kept); the
  // wound or the blood named, not a button held or a beeping blender (found in review).
  injury: /(?:伤口|血|纱布|毛巾|纸巾)[^，,。？?]{0,6}(?:按着|按住|压着|止不住|还在流|没停)|(?:按着|按住|压着)[^，,。？?]{0,4}(?:伤口|纱布|毛巾|纸巾)|还在流血|血止不住|(?<![a-z])(?:press\w* (?:a |the )?(?:towel|cloth|tissue|gauze|tea towel) (?:on|against) (?:it|the cut|the wound|her \w+|his \w+)|still bleeding|(?:bleeding|blood) (?:(?:won'?t|will not|wont) stop|(?:hasn'?t|has not|not) stopped)|(?:towel|cloth|tissue) (?:is )?(?:soaked|full of blood))(?![a-z])/,
  // After a shock: the hand still numb, what was done (found in review).
  shock: new RegExp(String.raw`拉闸|断电了|关了总闸|${HAND_NUMB_ZH}|心慌|胸闷|胸口|(?<![a-z])(?:numb|tingl\w*|turned off the (?:power|mains|breaker)|chest)(?![a-z])`),
  // A swallowed thing named a battery after the general emergency ("i think it's a battery" then "it was a coin cell, cr2032": found in review).
  emergency: SWALLOWED_NAMED,
  // The rest of a food that made them sick, asked of ("剩下的那几包还能吃吗": a Guilin shop, fifty-first session, the shelf-life entry, which
  // reads as yes): the advice again.
  reaction: REST_OF_FOOD,
  spoiled: REST_OF_FOOD,
};
/**
 * What goes on about a danger that makes it worse, told at once though a burst of messages is otherwise kept: the money or the
 * details given after a scam ("i already put my card details in :(", a Brisbane shop, forty-eighth session), the thing swallowed
 * named a battery. What was done about a device ("我已经拉闸了") is told again only after a while, like the rest.
 */
const ESCALATES: ReadonlySet<SafetyKind> = new Set(['fraud', 'battery', 'emergency']);
export const dangerEscalates = (text: string, kind: SafetyKind): boolean => ESCALATES.has(kind) && GOES_ON_OF[kind]?.test(readOn(text)) === true;

/** A follow-up as the readings of what goes on read it: in simplified characters ("要去醫院嗎", "我剛剛已經轉帳了": found in review). */
const readOn = (text: string): string => foldTraditional(text.slice(0, MAX_UTTERANCE).normalize('NFKC').toLowerCase());

/**
 * Not about the danger told, though its words are there: washing "on hot", or the rest of the goods asked after ("#10450 the tea
 * towels, can i wash them hot?", "are the other candles from the same batch safe": a Melbourne shop, fiftieth session, told burn
 * first aid and "get everyone out" again).
 */
// Only asked of the rest's use: "the fire spread to the rest of the kitchen", "剩下的那个充电宝也在冒烟" go on (found in review).
// Working again, said fine ("the charger is in the kitchen now and working fine again": found in review).
const NOT_GOING_ON = /(?<![a-z])(?:working (?:fine|ok|okay|normally)(?: again)?|works (?:fine|ok) (?:now|again))(?![a-z])|(?:洗|烘)[^，,。？?]{0,6}(?:热水|高温)|(?:其他的|其余的|剩下的|另外(?:几|两)个|同一批)[^，,。？?]{0,10}(?:安全吗|能用吗|还能用|能不能用|可以用吗|能点吗|还能点)|(?<![a-z])(?:wash\w* (?:\w+ ){0,2}(?:on )?hot|hot (?:wash|cycle|setting)|tumble dr\w*|(?:(?:the )?other (?:ones?|candles?|jars?|bottles?|packs?|boxes|items?)|the others|rest of (?:them|the \w+)|same batch)\b[^.?!]{0,50}\b(?:safe|ok to use|okay to use|fine to use|still (?:use|light|burn)))(?![a-z])/;
export const dangerGoesOn = (text: string, kind?: SafetyKind): boolean => {
  const t = readOn(text);
  const own = kind !== undefined && GOES_ON_OF[kind]?.test(t) === true;
  return (DANGER_GOES_ON.test(t) || own) && (!HELP_CALLED.test(t) || WORSENING.test(t)) && !NOT_GOING_ON.test(t) && !overNow(t);
};
/** Said to be over, thanks and nothing asked ("孩子现在没事了，谢谢你们", "all good now, the fire's out and everyone's fine": found in review). */
const OVER_NOW = /没事了|都没事|灭了|(?<![a-z])(?:all good now|(?:everyone|everybody)(?:'s| is) (?:fine|ok|okay|safe)|fire'?s out|fire is out|(?:he|she|they)(?:'s| is| are) (?:fine|ok|okay) now)(?![a-z])/;
const STILL_ASKED = /[?？]|吗|么|要不要|还要|需不需要|用不用|该不该|(?<![a-z])(?:should|do i|need to|have to)(?![a-z])/;
const overNow = (t: string): boolean => OVER_NOW.test(t) && !STILL_ASKED.test(t) && !WORSENING.test(t);

/**
 * A reaction that reaches the throat, the tongue or the breath ("他现在说喉咙有点痒 要不要紧哦 我先观察一哈得不得行" after a child's
 * reaction to peanuts: a Chengdu shop, forty-fourth session, told the reaction's "if it is severe" again): the emergency now.
 */
// A symptom there, not said to be fine ("呼吸正常 喉咙也不痒了", "no trouble breathing, throat is fine": found in review).
const AIRWAY = /(?:喉咙|嗓子)[^，,。？?]{0,4}(?:痒|肿|紧|疼|痛|不舒服|难受|刺)|(?:呼吸|喘气?)[^，,。？?]{0,3}(?:困难|急|不上|不过|费劲|不顺)|舌头[^，,。？?]{0,3}(?:肿|麻)|嘴唇[^，,。？?]{0,3}肿|(?<![a-z])(?:throat (?:is |feels )?(?:itchy|tight|swell\w*|closing|sore|scratchy)|(?:trouble|hard|difficulty|struggling) breathing|(?:hard|difficult|trouble|difficulty|struggling) (?:to )?swallow\w*|(?:can'?t|cannot|can not) (?:breathe|swallow)|short of breath|wheez\w*|tongue (?:is )?(?:swell\w*|swollen)|lips? (?:is |are )?(?:swelling|swollen))(?![a-z])/;
const AIRWAY_FINE = /(?:不|没)(?:痒|肿|紧|疼|痛)了|没有?(?:呼吸困难|喘)|呼吸(?:正常|顺畅|没问题|还好)|(?<![a-z])(?:no (?:trouble|difficulty|problem) breathing|breathing (?:fine|ok|okay|normally|normal)|throat (?:is |feels )?(?:fine|ok|okay|normal)|not (?:itchy|swollen|tight))(?![a-z])/;
/** After a shock: the chest, the heart, fainting or the breath (found in review: "my chest feels tight now" after a shock got nothing). */
const SHOCK_WORSE = /胸闷|胸口(?:疼|痛|闷)|心慌|心跳(?:很快|好快|乱)|晕|喘不上气|呼吸困难|(?<![a-z])(?:chest|heart (?:is )?racing|racing heart|faint\w*|passed out|(?:can'?t|cannot|can not) breathe|dizzy)(?![a-z])/;
export const worsened = (kind: SafetyKind, text: string): SafetyKind => {
  const t = foldTraditional(text.toLowerCase());
  if (kind === 'reaction' && AIRWAY.test(t) && !AIRWAY_FINE.test(t)) return 'emergency';
  // Numb after the sparks ("人没事 就是手有点麻了一下": a Shenzhen shop, fiftieth session, kept): the shock's advice.
  if ((kind === 'device' || kind === 'shock') && SHOCK_SIGNS.test(t)) return 'shock';
  if (kind === 'shock' && SHOCK_WORSE.test(t)) return 'emergency';
  // The battery named after the general emergency: its own advice, never the general text again (found in review).
  return kind === 'emergency' && SWALLOWED_NAMED.test(t) ? 'battery' : kind;
};

/** The advice for a kind of danger, in the buyer's language; `text`, the buyer's, says whether a battery's disposal goes with it. */
export function safetyText(t: Texts, kind: SafetyKind, text = ''): string {
  if (kind === 'gas') return t.gasFirst;
  if (kind === 'device') return deviceAdvice(t, text);
  if (kind in t.hazardFirst) return t.hazardFirst[kind as Hazard];
  if (kind in EMERGENCY_TEXT) return EMERGENCY_TEXT[kind as EmergencyKind](t);
  return kind === 'reaction' ? t.healthReaction : t.healthPet;
}
/** Each emergency's own advice (the robot's answer reads it too, `healthAnswer` in dialogue.ts). */
export const EMERGENCY_TEXT: Readonly<Record<EmergencyKind, (t: Texts) => string>> = {
  battery: (t) => t.healthBattery,
  doctor: (t) => t.healthDoctor,
  emergency: (t) => t.healthEmergency,
  petEmergency: (t) => t.healthPetEmergency,
  choking: (t) => t.healthChoking,
  headInjury: (t) => t.healthHeadInjury,
};

const KINDS: readonly SafetyKind[] = ['device', 'gas', 'fire', 'fall', 'tipped', 'broke', 'eye', 'smallPart', 'shock', 'injury', 'cold', 'air', 'fraud', 'spoiled', 'emergency', 'battery', 'doctor', 'choking', 'headInjury', 'reaction', 'pet', 'petEmergency'];

/**
 * Where a conversation that told this goes in the queue: a danger to someone's body or money now goes ahead of
 * everything (found from outside: a toddler's iron overdose waited third, behind a complaint and a double charge, while
 * told "first in line"); food gone bad, a claim, with the complaints.
 */
export const queuePriorityOf = (kind: SafetyKind): 'urgent' | 'complaint' => (kind === 'spoiled' ? 'complaint' : 'urgent');
let advice: Map<string, SafetyKind> | undefined;
/**
 * The danger a robot reply advised on, when it is one of the safety texts (in either script): the turn's own reading, whatever
 * words led to it ("omg the zojirushi just sparked at the plug…": the reply gave the advice, the queue's reading of the text did not).
 */
export function adviceKind(reply: string): SafetyKind | undefined {
  // The device's advice with the battery's disposal too (a text that names a battery).
  const told = (k: SafetyKind) => (k === 'device' ? ['', 'battery'] : ['']).flatMap((text) => (['zh', 'en'] as const).map((l) => [withListedNumbers(foldTraditional(safetyText(TEXTS[l], k, text))), k] as const));
  advice ??= new Map(KINDS.flatMap(told));
  // Told with the shop's own emergency number or the list of them.
  return advice.get(withListedNumbers(foldTraditional(reply)));
}
