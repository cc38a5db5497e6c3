/**
 * Questions about a body, not an order: how much of a medicine to take, whether someone may take
 * it, and a reaction after taking it. No robot answer is safe for them (a dose, "孕妇能吃吗"), and
 * the order paths had answered them with a parcel or a refund card ("how many centrum tablets per
 * day" got the tracking; "胰岛素打多少单位合适 我血糖15" got "not understood" with parcel examples:
 * found from outside, an online pharmacy). The dialogue hands them to a person, unless the shop's
 * own FAQ answers the words with confidence. Read on the normalized text (lower case, NFKC).
 */

/** Words of medicine, supplements and the things a pharmacy sells that are used on the body. */
const MEDICINE = /药|药片|钙片|含片|胶囊|颗粒|冲剂|口服液|滴剂|糖浆|维生素|钙片|鱼油|胰岛素|保健品|益生菌|眼药水|隐形眼镜|美瞳|(?<![a-z])(?:vitamins?|tablets?|pills?|capsules?|medicine|medication|drugs?|insulin|supplements?|syrup|contact lens(?:es)?|centrum)(?![a-z])/;
/** How much or how often. */
const DOSE = /(?:一天|每天|一日|每日|每次|一次)(?:要|该|能|可以)?(?:吃|服|用|喝|打|涂|滴)(?:几|多少)|吃几(?:次|片|粒|颗|包|袋)|打多少|用法用量|剂量|(?<![a-z])(?:dosage|how many\b.{0,30}\b(?:a|per|each) day|how often (?:should|do|can) i take|how much (?:should|do|can) i take)(?![a-z])/;
/** How to take it: of a medicine only ("这个零食怎么吃" is no dose). */
const HOW_TO_TAKE = /怎么(?:吃|服用|用)|用量|(?<![a-z])(?:how (?:do|should) i (?:take|use)|doses?)(?![a-z])/;
/** Whether someone may take it, or two together, or what it does to them. */
const WHO_MAY = /孕妇|孕期|怀孕|备孕|哺乳|(?:小孩|儿童|孩子|宝宝|婴儿|老人)(?:能|可以)(?:吃|用|服)|(?:能|可以)(?:一起|同时)(?:吃|服用)|副作用|禁忌|伤肝|伤肾|对(?:肝|肾|胃)(?:有|不好|伤)|还能(?:戴|吃|打)吗|(?<![a-z])(?:pregnan\w*|breastfeed\w*|side effects?|(?:take|taken) (?:it |them )?(?:together|with)|safe (?:to take|for (?:kids|children|my baby)))(?![a-z])/;
/** A symptom. */
const SYMPTOM = /过敏|起疹|疹子|红疹|瘙痒|发痒|头晕|恶心|想吐|呕吐|胃疼|胃痛|胃不舒服|肚子疼|拉肚子|腹泻|心慌|呼吸困难|红肿|眼睛红|眼睛疼|(?<![a-z])(?:allergic reaction|rash|hives|dizzy|vomit\w*|nause\w*|swollen)(?![a-z])/;
/** Taken or injected (eaten, drunk, worn on the eye with a medicine word). */
const TAKEN = /吃了|吃完|服用|服了|喝了|打了|注射|(?<![a-z])(?:after taking|after i took|took (?:it|them|the)|since taking)(?![a-z])/;
/** Asked about the possibility, not reported ("会不会过敏", "没过敏"). */
const NOT_A_REPORT = /会不会|会过敏吗|没过敏|不过敏|没有过敏|(?<![a-z])(?:will it|could it|never|no)(?![a-z])/;

export type HealthQuestion = 'advice' | 'reaction';

/** A question of health the robot must not answer, or undefined. */
export function healthAsked(normalized: string): HealthQuestion | undefined {
  const n = normalized;
  const symptom = SYMPTOM.test(n) && !NOT_A_REPORT.test(n);
  if (symptom && (TAKEN.test(n) || MEDICINE.test(n))) return 'reaction';
  if (DOSE.test(n) && (MEDICINE.test(n) || /吃|服|打|(?<![a-z])take(?![a-z])/.test(n))) return 'advice';
  if (HOW_TO_TAKE.test(n) && MEDICINE.test(n)) return 'advice';
  if (WHO_MAY.test(n) && (MEDICINE.test(n) || /吃|服|用|戴|打|(?<![a-z])(?:take|use)(?![a-z])/.test(n))) return 'advice';
  return undefined;
}
