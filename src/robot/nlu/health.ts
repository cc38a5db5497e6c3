/**
 * Questions about a body, not an order: how much of a medicine to take, whether someone may take
 * it, and a reaction after taking it. No robot answer is safe for them (a dose, "孕妇能吃吗"), and
 * the order paths had answered them with a parcel or a refund card ("how many centrum tablets per
 * day" got the tracking; "胰岛素打多少单位合适 我血糖15" got "not understood" with parcel examples:
 * found from outside, an online pharmacy). The dialogue hands them to a person, unless the shop's
 * own FAQ answers the words with confidence. Read on the normalized text (lower case, NFKC).
 *
 * Each rule names the medicine or the person's body in the words that make it one: a discount "打多少折",
 * maternity clothes "孕妇服", coffee capsules, a tablet computer, a cat that was sick and a call that
 * was "恶心" are shop questions (found in review).
 */

/** Words of medicine and of the things a pharmacy sells that go into or onto the body. */
const MEDICINE = /药(?!妆)|感冒|退烧|止咳|止痛|消炎|布洛芬|连花清瘟|阿莫西林|药片|钙片|含片|(?<!咖啡)胶囊|冲剂|口服液|滴剂|糖浆|维生素|鱼油|胰岛素|保健品|益生菌|眼药水|隐形眼镜|美瞳|(?<![a-z])(?:vitamins?|pills?|tablets?|capsules?|medicine|medication|meds|insulin|supplements?|syrup|contact lens(?:es)?|centrum|ibuprofen|paracetamol|aspirin|antibiotics?|acetaminophen|naproxen|motrin|tylenol|advil|aleve|benadryl|unisom|zyrtec|claritin|allegra|nyquil|dayquil|mucinex|melatonin|antihistamines?|gumm(?:y|ies) vitamins?|blood pressure (?:pills?|meds|medicine|medication))(?![a-z])/;
/** Goods that share medicine's words: a tablet computer, coffee capsules, maple syrup. */
const NOT_MEDICINE = /咖啡|(?<![a-z])(?:ipad|android|samsung|screen|laptop|coffee|nespresso|espresso|maple|pancake|dishwasher)(?![a-z])/;
/** How much or how often: of a medicine named. */
const DOSE = /(?:一天|每天|一日|每日|每次|一次)(?:要|该|能|可以)?(?:吃|服|喝|滴)(?:几|多少)|(?:吃|喝)几(?:次|片|粒|颗|包|袋)|用法用量|用量|剂量|怎么(?:吃|服用)|(?<![a-z])(?:how many\b.{0,30}\b(?:a|per|each) day|how often (?:should|do|can) i take|how much (?:should|do|can) i take|how (?:do|should) i take|doses?|how much\b.{0,30}\b(?:can|should|do) i give|(?:should|can|do) i (?:take|give (?:her|him|them|my \w+)) (?:another|more|an extra|a second|one more|a double)|can i give (?:the |my )?\d+ ?(?:yo|year old|yr old|month old)|same as the (?:kids?|children'?s|infant|adult) one)(?![a-z])/;
/** A dose named so that no medicine word is needed: units of insulin, "dosage". */
const DOSE_ALONE = /打多少(?:单位|针|毫升)|(?<![a-z])(?:dosage|(?:is it|is that) (?:1|2|one|two|half) or (?:1|2|3|one|two|three)\b.{0,30}\bfor (?:a|my) \d+[- ]?(?:year|yr|month)|how many (?:tablets|pills|capsules)\b.{0,20}\b(?:a|per|each) day)(?![a-z])/;
/** Whether someone may take it, or two together, or what it does to the body. */
const WHO_MAY = /(?:孕妇|孕期|怀孕|备孕|哺乳期)[^，,。？?！!]{0,4}(?:(?:能|可以|适合)(?:不能|不可以)?)?(?:吃|服用|喝|用|涂|抹)[^，,。]{0,4}(?:吗|么|嘛|不)|(?:孕妇|孕期|怀孕|备孕|哺乳期)[^，,。]{0,6}(?:能不能|可不可以)(?:吃|服用|喝|用)|(?:小孩|儿童|孩子|宝宝|婴儿|老人)(?:能|可以)(?:吃|服用|喝)|(?:能|可以)(?:一起|同时)(?:吃|服用)|副作用|伤肝|伤肾|(?<![a-z])(?:(?:while|when|if) (?:i'?m |i am )?(?:pregnant|breastfeeding)|side effects?|take (?:it |them |these |this )?(?:together|with (?:other |my )?(?:medicine|medication|pills|alcohol|ibuprofen|paracetamol|aspirin|antibiotics))|safe (?:to take|for (?:kids|children|babies|my baby) to (?:take|eat|swallow)))(?![a-z])/;
/** A symptom of the body. */
const SYMPTOM = /过敏|起疹|疹子|红疹|皮疹|瘙痒|头晕|恶心|想吐|呕吐|胃疼|胃痛|胃不舒服|肚子疼|拉肚子|腹泻|心慌|呼吸困难|红肿|眼睛红|眼睛疼|(?<![a-z])(?:allergic reaction|rash|hives|dizzy|vomit\w*|nause\w*|swollen|(?:made|make|makes|making) me (?:feel )?(?:awful|sick|terrible|unwell|weird|ill)|feel(?:ing)? (?:awful|sick|terrible|unwell|ill) (?:after|since))(?![a-z])/;
/** A symptom that is one whatever caused it (not "恶心", which is also "disgusting"). */
const SEVERE = /过敏|起疹|疹子|红疹|皮疹|呼吸困难|红肿|(?<![a-z])(?:allergic reaction|rash|hives|swollen)(?![a-z])/;
/** Taken: eaten, swallowed, injected. */
const TAKEN = /吃了|吃完|服用|服了|喝了|注射|打了(?:以后|之后|针)|(?<![a-z])(?:after taking|after i took|i took|took (?:it|them|the)|since taking)(?![a-z])/;
/** An animal's: no human doctor or emergency number for it. */
const PET = /猫|狗|宠物|(?<![a-z])(?:cat|cats|dog|dogs|pet|pets|puppy|kitten)(?![a-z])/;
/** Asked about the possibility, not reported ("会不会过敏", "没过敏"). */
const NOT_A_REPORT = /会不会|会过敏吗|没过敏|不过敏|没有过敏|(?<![a-z])(?:will it|could it|would it|never had|no (?:rash|reaction|allergy))(?![a-z])/;

/**
 * An emergency now: medicine swallowed by a child or too much of it, poisoning, someone who cannot
 * breathe or will not wake. The first words must be to call for help, not "not sure" (found from
 * outside: "HELP my 2 year old got into the motrin bottle and drank some" was offered a human later).
 */
const EMERGENCY = /误食|误服|误吞|吃多了药|药吃多了|吃了(?:一|半|整)(?:瓶|板|盒)|吞了(?:一|半|整)?(?:瓶|板|盒|颗|粒|片)|过量服用|服用过量|吃过量|中毒了|中毒怎么办|食物中毒|药物中毒|昏迷|叫不醒|抽搐|不省人事|喘不上气|(?<![a-z])(?:overdos\w*|poison(?:ed|ing)|poison control|took too (?:many|much)|(?:got into|swallowed|ate|drank|chewed) (?:some |a few |half |all |the whole |a whole |a bunch )?(?:of )?(?:the |my |his |her |their |a )?(?:\w+ ){0,2}(?:pills?|tablets?|capsules?|bottle|medicine|meds|gummies|vitamins?)|can'?t breathe|cannot breathe|not breathing|unconscious|passed out|won'?t wake up|unresponsive|(?:having|had|has) (?:a )?seizures?|having a stroke|chest pains?)(?![a-z])/;

export type HealthQuestion = 'advice' | 'reaction' | 'emergency';

const namesMedicine = (s: string): boolean => MEDICINE.test(s) && !NOT_MEDICINE.test(s);

/**
 * A question of health the robot must not answer, or undefined. `goods`: the order the conversation
 * is about ("吃了以后头晕" after the insulin's parcel names no medicine itself; found in review).
 */
export function healthAsked(normalized: string, goods?: string): HealthQuestion | undefined {
  const n = normalized;
  // A pet's too: the reply says to call the vet.
  if (EMERGENCY.test(n) && !NOT_A_REPORT.test(n)) return 'emergency';
  if (PET.test(n)) return undefined;
  const said = namesMedicine(n);
  // The order's medicine counts only for what is taken: "快递这么慢 真恶心", "我拉肚子了 能快点送吗" are no reaction to it (found in review).
  const ordered = goods !== undefined && namesMedicine(goods.toLowerCase());
  const taken = TAKEN.test(n);
  const symptom = SYMPTOM.test(n) && !NOT_A_REPORT.test(n);
  if (symptom && (said || (taken && (SEVERE.test(n) || (ordered && !/恶心/.test(n)))))) return 'reaction';
  if ((DOSE.test(n) && (said || ordered)) || DOSE_ALONE.test(n)) return 'advice';
  return WHO_MAY.test(n) ? 'advice' : undefined;
}
