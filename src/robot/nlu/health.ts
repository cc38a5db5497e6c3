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
// 打药, 农药, 喷药: sprayed on crops, no medicine taken ("你们的水果打药吗": found from outside).
const MEDICINE = /(?<![打农喷])药(?!妆)|感冒|退烧|止咳|止痛|消炎|布洛芬|连花清瘟|阿莫西林|药片|钙片|含片|(?<!咖啡)胶囊|冲剂|口服液|滴剂|糖浆|维生素|鱼油|胰岛素|保健品|益生菌|眼药水|隐形眼镜|美瞳|驱虫药|體內驅蟲|体内驱虫|体外驱虫|(?<![a-z])(?:nexgard|bravecto|simparica|frontline|advantix|advocate|credelio|seresto|heartgard|caninsulin|flea (?:and tick )?(?:treatments?|tablets?|chews?|meds|medicine|collars?|drops)|tick (?:treatments?|tablets?|chews?)|worm(?:ing|er) (?:tablets?|chews?|treatments?)|vitamins?|pills?|tablets?|capsules?|medicine|medication|meds|insulin|supplements?|syrup|contact lens(?:es)?|centrum|ibuprofen|paracetamol|aspirin|antibiotics?|acetaminophen|naproxen|motrin|tylenol|advil|aleve|benadryl|unisom|zyrtec|claritin|allegra|nyquil|dayquil|mucinex|melatonin|antihistamines?|gumm(?:y|ies) vitamins?|blood pressure (?:pills?|meds|medicine|medication)|magnesium|zinc|iron (?:pills?|tablets?|gumm(?:y|ies)|supplements?|drops))(?![a-z])|镁片|补铁|铁剂|锌片/;
/** Goods that share medicine's words: a tablet computer, coffee capsules, maple syrup. */
const NOT_MEDICINE = /咖啡|(?<![a-z])(?:ipad|android|samsung|screen|laptop|coffee|nespresso|espresso|maple|pancake|dishwasher)(?![a-z])/;
/** How much or how often: of a medicine named. */
const DOSE = /(?:一天|每天|一日|每日|每次|一次)(?:要|该|能|可以)?(?:吃|服|喝|滴)(?:几|多少)|(?:吃|喝)几(?:次|片|粒|颗|包|袋)|用法用量|用量|剂量|怎么(?:吃|服用)|(?<![a-z])(?:how many\b.{0,30}\b(?:a|per|each) day|how often (?:should|do|can) i take|how much (?:should|do|can) i take|how (?:do|should) i take|(?<!(?:one|1|last|a|the|next) )doses?(?! left)|how much\b.{0,30}\b(?:can|should|do) i give|(?:should|can|do) i (?:take|give (?:her|him|them|my \w+)) (?:(?:another|an extra|a second|one more|a double) (?:pill|tablet|capsule|dose|gummy|one)|more (?:of (?:it|them|these|those)|pills|tablets|capsules|gummies|medicine)|(?:another|more|an extra|one more)\s*[?.!]*$)|same as the (?:kids?|children'?s|infant|adult) one)(?![a-z])/;
/** Given to a child, of a medicine the message names ("can i give the 5yo the infant one"): not a T-shirt's size. */
// "can my 4yo take the melatonin?" too (a US vitamins shop, forty-first session: the pregnancy entry offered).
const GIVE_CHILD = /(?<![a-z])(?:can i give (?:the |my )?\d+ ?(?:yo|year old|yr old|month old)|(?:can|should|could) (?:my|a|the) \d+ ?(?:yo|year old|yr old|month old) (?:take|have|use))(?![a-z])/;
/** A dose named so that no medicine word is needed: units of insulin, "dosage". */
// How many of them ('how many scoops of pre workout can i take', 'can i give her 4?' of a child's gummies: a Denver supplements shop,
// forty-ninth session, a plain hand-over and an unrelated entry).
const DOSE_ALONE = /打多少(?:单位|针|毫升)|(?<![a-z])(?:dosage|how many (?:scoops?|gumm(?:y|ies)|pills?|tablets?|capsules?|servings?|drops)\b[^.?!]{0,30}\b(?:can|should|could) (?:i|she|he|they|my \w+) (?:take|have|give)|(?:gumm(?:y|ies)|pills?|tablets?|capsules?|drops)\b[^.?!]{0,50}\b(?:can|should|could) i give (?:her|him|them) \d+|(?:is it|is that) (?:1|2|one|two|half) or (?:1|2|3|one|two|three) (?:gumm(?:y|ies)|tablets?|pills?|capsules?|drops|ml|scoops?|teaspoons?|tsp)\b.{0,30}\bfor (?:a|my) \d+[- ]?(?:year|yr|month)|how many (?:tablets|pills|capsules)\b.{0,20}\b(?:a|per|each) day)(?![a-z])/;
/** Whether someone may take it, or two together, or what it does to the body. */
// "should i take a benadryl?" after a reaction (a Los Angeles shop, forty-fifth session: "your message is saved").
const WHO_MAY = /(?<![a-z])(?:(?:is it |(?:it'?s|it is) )?(?:ok|okay|safe|fine|alright) for (?:her|him|me|them|my (?:mum|mom|dad|father|mother|husband|wife|grandma|grandpa|nan|gran)) to (?:drink|eat|take)|should (?:i|she|he|we) (?:take|give (?:her|him|them))(?! (?:a |an |some |the )?(?:photos?|pictures?|pics?|screenshots?|videos?|look|bigger|smaller|larger|size|one|it back|them back|back)(?![a-z]))(?: (?:a|an|some))?|(?:ok|okay|safe|fine) for (?:her|him|me|them|my \w+) to (?:have|use) (?:the |my |some |a )?[a-z ]{0,20}(?:capsules?|gumm(?:y|ies)|tablets?|pills?|collagen|ginseng|melatonin|turmeric|tea|coffee|supplements?|vitamins?|powder)(?![a-z])(?![^.?!]{0,20}(?:delivered|sent|shipped)))(?![a-z])|(?:孕妇|孕期|怀孕|备孕|哺乳期)[^，,。？?！!]{0,4}(?:(?:能|可以|适合)(?:不能|不可以)?)?(?:吃|服用|喝|用|涂|抹|擦|搽)[^，,。]{0,4}(?:吗|么|嘛|不)|(?:孕妇|孕期|怀孕|备孕|哺乳期)[^，,。]{0,6}(?:能不能|可不可以)(?:吃|服用|喝|用)|(?:小孩|儿童|孩子|宝宝|婴儿|老人)(?:能|可以)(?:吃|服用|喝)|(?:能|可以)(?:一起|同时)(?:吃|服用)|副作用|伤肝|伤肾|(?<![a-z])(?:(?:while|when|if) (?:(?:i'?m|i am) |i am )?(?:pregnant|breastfeeding)|side effects?|take (?:the |my )?[a-z0-9-]+(?: [a-z0-9-]+)? (?:and|with|&) (?:the |my )?[a-z0-9-]+(?: [a-z0-9-]+)? together|take (?:it |them |these |this )?(?:together|with (?:other |my )?(?:medicine|medication|pills|alcohol|ibuprofen|paracetamol|aspirin|antibiotics))|safe (?:to take|for (?:kids|children|babies|my baby) to (?:take|eat|swallow))|(?:pregnant|embarazada)\b[^?]{0,40}\b(?:safe|ok|okay)|(?:safe|ok|okay) for (?:the|my) (?:baby|unborn)|(?:ok|okay|safe|fine) to take (?:it |them |this |that )?(?:with|together)|(?:take|have) (?:it |them |this |that )?with (?:my |other |the )?(?:[a-z]+ ){0,2}(?:meds|medicines?|medications?|pills|antidepressants?|blood thinners?)|sertraline|warfarin|zoloft|prozac|lexapro|coumadin|eliquis|metformin)(?![a-z])/;
/** A symptom of the body. */
// Vomiting counted, a stomach that feels awful ("吃了你们钙片以后胃很难受 吐了两次": a Shanghai shop, forty-third session, "noted" in the queue).
const SYMPTOM = /吐了(?:[一两三四五几\d]|好几)[次回遍]|上吐下泻|又吐又拉|肚[痾疴]|食物中毒|(?<![a-z])food poisoning(?![a-z])|胃(?:很|好|有点|特别|一直|非常)?难受|过敏|起疹|疹子|红疹|皮疹|红点|湿疹|红疙瘩|起了?(?:好多|一些|一片|很多)?疙瘩|好痒|很痒|发痒|说痒|拉了[^，,。\s]{0,5}肚子|一直(?:在)?拉|(?:嘴巴|嘴唇|嘴|舌头)[^，,。\s]{0,4}肿|喉咙[^，,。\s]{0,4}(?:肿|紧)|吐奶|拉稀|瘙痒|头晕|恶心|想吐|呕吐|胃疼|胃痛|胃不舒服|肚子疼|肚子痛|肚子(?:有点|有些|很|好)?不舒服|拉肚子|腹泻|心慌|呼吸困难|红肿|眼睛(?:就|都|有点|一直|还)?(?:红|疼|痛|痒|肿|刺痛)|(?<![a-z])(?:stomach (?:cramps|ache|pains?)|allergic reaction|rash|red eyes?|eyes? (?:are |is |went |got )?(?:red|sore|burning|stinging)|hives|dizzy|vomit\w*|threw up|throwing up|diarrh\w*|nause\w*|swollen|(?:made|make|makes|making) me (?:feel )?(?:awful|sick|terrible|unwell|weird|ill)|feel(?:ing)? (?:awful|sick|terrible|unwell|ill) (?:after|since))(?![a-z])/;
/** A symptom that is one whatever caused it (not "恶心", which is also "disgusting"). */
// A daughter or a grandchild too ("我女儿晚上吃了你们的芒果干又吐了两次": a Xiamen shop, thirty-eighth session, three FAQ entries offered).
const INFANT = /宝宝|婴儿|孩子|小孩|娃|女儿|儿子|闺女|孙子|孙女|外孙|(?<![a-z])(?:baby|babies|infant|toddler|newborn|my (?:son|daughter|kid|child))(?![a-z])/;
/** What a small child's body shows after a feed: spitting up and loose stools too. */
const CHILD_SYMPTOM = /吐(?!槽)|屁股(?:都|有点|全)?红|屁屁(?:都|有点)?红|红了一片|肚子(?:有点|有些|很)?(?:不舒服|疼|痛)|拉肚子|腹泻|拉稀|发烧|红点|红疹|疹子|起疹|湿疹|红屁股|尿布疹|(?<![a-z])(?:threw up|throw(?:ing)? up|vomit\w*|diarrh\w*|fever|rash|spots|hives)(?![a-z])/;
/** What a baby is fed or wears that its body may react to. */
const FEED = /奶粉|米粉|辅食|奶瓶|尿不湿|纸尿裤|尿布|湿巾|(?<![a-z])(?:formula|baby food|cereal|diapers?|nappies|nappy|wipes)(?![a-z])/;
/** Food a shop sells, that a stomach may answer to. */
/**
 * Food poisoning had ("we all got food poisoning from your chicken", "吃了你们的腊肠 食物中毒了": read as nothing, the forty-sixth session's
 * leftovers): the food was eaten, whatever the verb. Not asked about ("can raw chicken give you food poisoning").
 */
/** Long ago, a story told before a question ("years ago I got food poisoning from dodgy prawns, how fresh are yours?": found in review). */
const LONG_AGO = /去年|前年|几年前|好几年|小时候|(?<![a-z])(?:years? ago|last (?:year|christmas|easter|halloween|summer|winter)|when i was (?:a )?(?:kid|child|little|young))(?![a-z])/;
const POISONED = /食物中毒了|(?<![a-z])(?:(?:got|have|had|has|caught|gave (?:me|us|him|her|them|my \w+)) (?:a |bad |severe |serious )?food poisoning|food poisoning (?:from|after))(?![a-z])/;
// Frozen dumplings and buns too ("we cooked them. now my husband has been throwing up all night": a Toronto grocery, fiftieth session, the frozen-shipping entry).
const FOOD = /鸡|鸭|肉|虾|蟹|鱼|海鲜|海参|扇贝|鲍鱼|饭|菜|蛋|底料|火锅|零食|辣条|糕点|饼干|柿饼|柿子饼|月饼|点心|蛋糕|绿豆糕|(?<![a-z])(?:mooncakes?|cakes?|pastr(?:y|ies))(?![a-z])|果冻|花生|坚果|腊肠|香肠|卤味|饺子|包子|馄饨|汤圆|小笼包|水饺|(?<![a-z])(?:chicken|meat|lamb|beef|pork|fish|seafood|prawns?|shrimps?|mince|sausages?|eggs?|salad|sushi|oysters?|mussels?|chops|dumplings?|bao|buns?|xiao long bao|wontons?|noodles|rice|tofu|dim sum)(?![a-z])/;
/** Food gone bad: mould, a smell, past its date. */
export const SPOILED_FOOD = /发霉|长毛了|霉了|变质|坏掉了|馊|臭了|发臭|有味了|有股味|异味|过期|(?<![a-z])(?:mou?ldy|mou?ld|spoiled|spoilt|gone off|rotten|expired|smells? (?:off|bad|funny|weird))(?![a-z])/;
const SPOILED_FEED = /结块|酸味|变质|过期|发霉|异味|(?<![a-z])(?:expired|spoiled|gone off|sour|mou?ldy)(?![a-z])/;
/**
 * A baby or a child unwell after a feed or from what it wears ("宝宝喝了你家奶粉身上起了好多红点点", "宝宝拉肚子了 是不是
 * 奶粉的问题", "宝宝红屁股了 是不是尿不湿的问题"), or fed something spoiled ("my baby drank formula that was
 * expired"): a reaction, told to get help first (found from outside, a mother-and-baby shop).
 */
// Told as happened and tied to what was fed or worn: "宝宝喝这个奶粉会不会拉肚子", "宝宝湿疹 推荐什么纸尿裤", "孩子发烧了 奶粉什么时候能到" are not (found in review).
// A spit-up said well since ("宝宝喝完奶又吐了 吐完精神挺好的": found in review, a reaction); not a rash said beside good spirits.
// Told well since, not asked whether it will be ("吐了 没事吧", "现在看着没事 但是拉了好几次": found in review).
const SPIT_UP_FINE = /(?:吐|拉)完(?:就|以后|之后)?[^。？?]{0,4}(?:精神(?:挺|很|还|都)?(?:好|不错)|没事了?)(?![吧吗么])|(?:吐|拉)了(?:一点|点|一口)[^。？?]{0,4}(?:但|不过)[^。？?]{0,3}精神(?:挺|很|还|都)?(?:好|不错)/;
const babyUnwell = (n: string, taken: boolean): boolean =>
  INFANT.test(n) && !ASKS_NORMAL.test(n) && !(SPIT_UP_FINE.test(n) && !/疹|肿|喘|红|血|一直|好几次|\d次|[二三四五六七八九]次|但是/.test(n)) && ((CHILD_SYMPTOM.test(n) && !NOT_A_REPORT.test(n) && (taken || CAUSED.test(n) || (CAUSED_BEFORE.test(n) && !RETURN_ASKED.test(n)))) || (taken && SPOILED_FEED.test(n) && FEED.test(n)));
/**
 * Signs of a child unwell now ("我宝宝肚子胀得硬邦邦的 一直哭 怎么办", "宝宝现在有点发烧 还在哭 我是不是该去医院": a Shanghai baby shop,
 * fortieth session, "your message is kept" in the queue): a doctor, a person first in line, whatever the cause.
 */
// Vomiting again and listless ("孩子现在又吐了一口 有点蔫 是不是得上医院啊": a Beijing baby-formula shop, forty-fifth session, "your message is kept").
// Not a baby's spit-up ("宝宝又吐奶了 要不要紧": found in review), unless it shoots out (喷射).
const CHILD_ACUTE = /硬邦邦|胀得(?:硬|鼓)|一直哭|哭个不停|哭闹不止|抽搐|喘不上|呼吸(?:急|困难)|叫不醒|吐了好几次|一直吐|又吐(?!奶)|喷射|蔫|没精神|精神不好|便血|(?<![a-z])(?:lethargic|listless)(?![a-z])|(?<![a-z])(?:(?:won'?t|will not) stop crying|crying non-?stop|struggling to breathe|(?:can'?t|cannot|can not) breathe|(?:won'?t|will not) wake)(?![a-z])/;
/** A fever or a belly with a doctor asked of: unwell now too ("宝宝现在有点发烧 还在哭 我是不是该去医院"). */
const CHILD_FEVER = /发烧|发高烧|高烧|烧到|肚子(?:胀|硬|疼|痛)|(?<![a-z])(?:(?:has|have|got|running) a (?:high )?(?:fever|temperature)|belly (?:is )?(?:hard|swollen))(?![a-z])/;
const HELP_NOW = /医院|医生|急诊|要不要紧|要紧吗|严重吗|(?<![a-z])(?:hospital|doctor|a&e|is (?:it|this) serious|should i (?:take (?:him|her|them) in|go to))(?![a-z])/;
/** Goods asked beside it ("孩子发烧了 退烧贴什么时候发货", "你们的体温计准不准"): the shop's question. */
// Or a check-up ("孩子最近没精神 是不是要去医院查查微量元素": found in review, the emergency).
const GOODS_BESIDE = /查查|检查一下|微量元素|体检|发货|到货|多少钱|有吗|有没有|哪款|哪个好|换哪|准不准|推荐|退烧贴|体温计|温度计|电解质|(?<![a-z])(?:thermometer|ship|deliver|order|buy|which (?:one|brand|size)|does the|do you (?:have|sell))(?![a-z])/;
/** A child unwell now, help asked: an emergency's advice (a doctor, the number), first in line; not with goods asked beside it. */
const childUnwellNow = (n: string): boolean =>
  INFANT.test(n) && !SUPPOSED.test(n) && !GOODS_BESIDE.test(n) && !ASKS_NORMAL.test(n) && ((CHILD_ACUTE.test(n) && (HELP_NOW.test(n) || /怎么办|咋办|what (?:do|should) i do/.test(n))) || (CHILD_FEVER.test(n) && HELP_NOW.test(n)));
/** The goods named as the cause: "是不是奶粉的问题", "换了你们家的奶粉以后", "the diapers gave her a rash". */
// "is it the formula??", "after every bottle" (a Houston baby shop, forty-third session: vomiting and a rash were offered three entries).
const CAUSED = /是不是[^，,。？?]{0,8}(?:奶粉|米粉|辅食|尿不湿|纸尿裤|尿布|湿巾)|(?:用了|换了|穿了|吃了|喝了)[^，,。？?]{0,8}(?:奶粉|米粉|辅食|尿不湿|纸尿裤|尿布|湿巾)|(?<![a-z])(?:(?:the|your|this) (?:formula|diapers?|nappies|nappy|wipes|baby food) (?:gave|made|caused)|(?:since|after) (?:using|drinking|eating|switching to) (?:the|your|this)|(?:is|was|could) (?:it|that|this) (?:from |because of )?(?:the|your|this|her|his) (?:new )?(?:formula|diapers?|nappies|nappy|wipes|baby food)|after (?:every|each|the|her|his|a) (?:bottle|feed|feeding)s?)(?![a-z])/;
/** The goods, then worn or fed ("纸尿裤那单 花王的 宝宝穿了屁股红了一片": a Shanghai baby shop, fortieth session); with a return asked beside it, the goods' trouble. */
const CAUSED_BEFORE = /(?:奶粉|米粉|辅食|尿不湿|纸尿裤|尿布|湿巾)[^。？?]{0,12}(?:穿了|用了|吃了|喝了)/;
/** "宝宝吐奶是正常的吗": asked whether it is normal, the shop's question (an entry may answer it). */
const ASKS_NORMAL = /正常吗|正常的吗|正不正常|是正常的|正常反应|(?<![a-z])(?:is (?:it|this|that) normal|normal for|normal reaction)(?![a-z])/;
// A condition treated, or its medicine ("my mum has high blood pressure and takes amlodipine, is it ok for her to drink longjing every
// day?": a Hangzhou tea shop, forty-fifth session, "Great. Message me any time").
/**
 * Asked whether it goes with what they take ("我妈有高血压，在吃降压药，可以喝你们的人参茶吗", "is the pre workout safe to take with my adderall?",
 * "takes pills for the pressure, is ok the melatonin for her?": a Denver supplements shop, forty-ninth session, misses and a hand-over).
 */
const INTERACTION_ASKED = /可以(?:喝|吃|服用)[^，,。？?]{0,12}(?:吗|么|嘛)|能(?:不能)?(?:喝|吃|服用)[^，,。？?]{0,12}(?:吗|么|嘛|不)|(?<![a-z])(?:(?:safe|ok|okay|fine|alright) (?:to (?:take|drink|eat|have)|for (?:her|him|me|them) to (?:take|drink|eat|have))\b[^.?!]{0,30}\b(?:with|while (?:taking|on))|(?:can|could|should) (?:i|she|he|they|my \w+) (?:take|have|drink)\b[^.?!]{0,40}\b(?:with(?! (?:me|us|you|him|her|them)\b)|while (?:taking|on))|is ok the)(?![a-z])/;
const MEDICAL = /孕妇|孕期|怀孕|备孕|哺乳期|pregnan\w*|embarazada|breastfeeding|副作用|伤肝|伤肾|华法林|高血压|降压药|心脏病|糖尿病|抗抑郁|(?<![a-z])(?:side effects?|medicine|medication|meds|pills|adderall|ritalin|ssris?|antidepressants?|blood thinners?|birth control|ibuprofen|paracetamol|aspirin|antibiotics|sertraline|warfarin|prenatals?|d3|(?:high )?blood pressure|hypertension|heart condition|diabet\w*|amlodipine|metformin|statins?|thyroid|levothyroxine)(?![a-z])/;
const SEVERE = /过敏|起疹|疹子|红疹|皮疹|呼吸困难|红肿|(?<![a-z])(?:allergic reaction|rash|hives|swollen)(?![a-z])/;
/** Taken: eaten, swallowed, injected. */
// Worn too: contact lenses ("美瞳戴了半天眼睛就红了": found from outside, the goods' trouble text only).
const TAKEN = /吃了|吃完|食咗|食了|吃进去|吃下去|咬了一口|服用|服了|喝了|喝完|注射|打了(?:以后|之后|针)|戴了|戴完|戴着|戴上|(?<![a-z])(?:after taking|after i took|i took|took (?:it|them|the(?! (?:top|tip|end|skin|side|edge|corner|head|bus|train|kids?|dog|parcel|box))|\d+(?! (?:days?|weeks?|hours?|months?|mins?|minutes?))|two|three|four|a double|double|extra|some|my)\b|since taking|(?:after|since) (?:the |my |this |that |your )?(?:new )?(?:pre-?workout|protein|whey|creatine|collagen|shakes?|powder|gumm(?:y|ies)|multi(?:vitamins?)?|fish oil|omega\w*|probiotics?|supplements?|vitamins?|pills?|tablets?|capsules?)|drank|ate|fed (?:him|her|them|it|my)|after wearing|wore (?:them|it|the)|wearing (?:them|it|the))(?![a-z])/;
/** An animal's: no human doctor or emergency number for it. */
const PET = /猫|狗|宠物|(?<![a-z])(?:cat|cats|dog|dogs|pet|pets|puppy|kitten)(?![a-z])/;
/**
 * An allergy asked of before buying ("我妈妈对 shellfish 过敏, 鱼油可以吃吗？", "my wife is allergic to soy, is the plant protein ok
 * for her?"), unless the body shows it after taking it ("对牛奶过敏 刚喝了你家的奶昔 起疹子了": found in review).
 */
const ALLERGY_BEFORE = /对[^，,。？?]{1,20}过敏[^。]{0,20}(?:能|可以|能不能|可不可以|适合)|(?<![a-z])(?:allergic to|allergy to)\b[^.]{0,40}\b(?:can (?:she|he|i|they|we) (?:take|eat|use|have)|is it (?:ok|okay|safe)|safe for|ok for)(?![a-z])/;
const SHOWN = /起疹|疹子|红疹|红点|肿|吐|拉肚子|喘|痒|(?<![a-z])(?:rash|hives|swell\w*|swollen|vomit\w*|itch\w*|wheez\w*)(?![a-z])/;
/** Asked about the possibility, not reported ("会不会过敏", "没过敏"). */
// Nor what to watch for, or already well again ("…just watch for diarrhea. she seems fine now": a New York shop, thirty-eighth session),
// nor a worry ahead ("is the bha toner gonna make me purge? … scared of breaking out before my date").
const NOT_A_REPORT = /会不会|会过敏吗|没过敏|不过敏|没有过敏|颜色|显得|(?<![a-z])(?:will it|could it|would it|never had|no (?:rash|reaction|allergy)|watch (?:out )?for|keep an eye (?:on|out)|seems? (?:fine|ok|okay|better) now|gonna|going to|before my)(?![a-z])/;

/**
 * An emergency now: medicine swallowed by a child or too much of it, poisoning, someone who cannot
 * breathe or will not wake. The first words must be to call for help, not "not sure" (found from
 * outside: "HELP my 2 year old got into the motrin bottle and drank some" was offered a human later).
 * Two kinds, so that everyday words are none (found in review: "shipping took too much time", "your
 * website is unresponsive", "吃了一盒巧克力", "笑到抽搐", "我已经中毒了" were told to call 911):
 * - swallowed by accident, whatever was swallowed (误食 干燥剂), or too much: alone;
 * - eaten, drunk or swallowed, or too much of it: only of a medicine named (brands too);
 * - a body in danger: only with someone it happens to.
 */
const SWALLOWED_BY_ACCIDENT = /误食|误服|误吞|偷吃了?(?:我的|家里的)?药|把药(?:当|吃)|(?<![a-z])(?:overdos(?:e|ed|ing)\b(?! on )|poison control)(?![a-z])/;
/** "accidentally took …": of a medicine or pills, not "the wrong size" (found in review). */
const ACCIDENTALLY = /(?<![a-z])accidentally (?:swallowed|ate|drank|took)(?![a-z])/;
/** Said as a supposition: "如果宝宝误吞了…怎么办", "what if my dog ate one", "万一…" (found in review: asked before buying). */
const SUPPOSED = /如果|万一|要是|假如|(?<![a-z])(?:if|what if|in case)(?![a-z])/;
/** Too much of it: of a medicine named, an emergency whoever took it. */
const TOO_MUCH = /吃多了|药吃多|服用过量|过量服用|吃过量|(?<![a-z])(?:took too (?:many|much)|had too (?:many|much) (?:of )?(?:the |my |his |her )?\w*\s?(?:pills?|tablets?|capsules?|gummies|doses?|\w+ol|\w+en))(?![a-z])/;
/** Swallowed or got into: of a medicine (or "gummies", "pills"), an emergency when a child or a pet did, or a lot of it. */
const SWALLOWED = /吞了|偷吃|(?<![a-z])(?:got into|swallowed)(?![a-z])/;
/** Eaten or drunk: of a medicine, an emergency when a lot of it, or a child's or a pet's of the buyer's own ("my dog ate my advil"). */
const ATE = /吃了|喝了|吃掉|(?<![a-z])(?:ate|eaten|drank|chewed)(?![a-z])/;
const LOT = /好几(?!次|遍|回|天|下)|几[片颗粒个]|一[瓶板盒把]|整[瓶板盒]|半[瓶板盒]|\d+\s*[片颗粒]|(?<![a-z])(?:a bunch|several|a few|half|all of|the whole|a whole|like \d+|(?:maybe|about|around) \d+|\d+ (?:of|pills|tablets|capsules|gummies)|\d{2,} [a-z]+ (?:pills|tablets|capsules|gummies)|\d+ \w+ol)(?![a-z])/;
const OWN = /我的|家里的|大人的|(?<![a-z])(?:my|our|mom'?s|dad'?s)(?![a-z])/;
// Breathing and swelling of the mouth and throat: an allergic reaction's danger ("宝宝刚喝完奶嘴巴周围肿起来了，呼吸有点急",
// "my baby lips are swelling… she is wheezing": a Shanghai baby shop, thirty-sixth session, offered FAQ entries).
const BODY_IN_DANGER = /昏迷|(?:孩子|宝宝|娃|老人|儿子|女儿|奶奶|爷爷|外婆|外公|老公|老婆|我妈|我爸|他|她)(?:突然|一下子|怎么|现在)?(?:不动了|一动不动|没反应了?|没有反应了?)|(?<![a-z])(?:(?:is|has|he is|she is) (?:not moving|stopped moving)|(?:not|stopped) (?:moving|responding) (?:at all|now)|unresponsive|(?:baby|bub|toddler|son|daughter|kid|child|nan|nana|gran|grandma|grandpa|mum|mom|dad)\b[^.?!]{0,16}\b(?:not responding|(?:is|been|gone|went|going|looks?|seems?|all|really|very|so) (?:(?:gone|all|really|very|so) )*floppy|(?:won'?t|will not) respond)|foaming at the mouth(?! when| at| over| about))(?![a-z])|嗓子发紧|喉咙发紧|叫不醒|不省人事|喘不上气|喘不过气|透不过气|呼吸(?:有点|有些|很|好|特别|越来越)?(?:急|急促|困难|不畅|不上来)|(?:嘴巴?|嘴唇|嘴周|喉咙|舌头)(?:周围)?(?:都|也|一下子?|越来越|又)?(?:肿起来|肿了)|(?:一直|正在|在)抽搐|抽搐(?:了|不止)|中毒了|食物中毒|药物中毒|农药中毒|煤气中毒|一氧化碳中毒|(?<![a-z])(?:(?:can'?t|cannot|can not) breathe|cannot breathe|not breathing|stopped breathing|trouble breathing|difficulty breathing|struggling to breathe|short of breath|wheez\w*|(?:lips?|tongue|throat|mouth) (?:is |are |feels? |went |got |getting )?(?:a bit |a lil |a little |kinda |kind of |really |so |all |more )?(?:swelling|swollen|puffing up|tight|tighter|tightening|closing up|closing)|unconscious|unresponsive|passed out|poisoned|(?:won'?t|will not) wake up|(?:having|had|has) (?:a )?seizures?|chest pains?)(?![a-z])/;
/** Breath failing, said alone and urgently ("喘不上气了！！"): no one else need be named; not anger ("气得我喘不上气"). */
const BREATH_NOW = /^\s*(?:救命[!！\s]*)?(?:喘不上气|喘不过气|透不过气|呼吸不上来)了?[!！]+\s*$|^\s*(?:help[!\s]*)?(?:(?:she|he|i|baby)(?: is|'s|'m)? )?(?:(?:can'?t|cannot|can not) breathe|not breathing)[!\s]*!\s*$/;
/** A child or a pet it happened to. */
const CHILD_OR_PET = /孩子|宝宝|宝贝|小孩|儿子|女儿|孙子|孙女|孙孙|外孙|小孙|娃娃(?!菜)|娃儿|(?<![女男])娃(?=[把吃咬吞舔子]|$)|猫|狗|(?<![a-z])(?:son|daughter|kids?|child|baby|toddler|grand(?:son|daughter|kid|child)s?|\d+ ?(?:yo|year old|yr old|month old)|dog|cat|puppy|kitten)(?![a-z])/;
/**
 * Someone in danger, a person or a pet (not "i", which jokes: "lol i can't breathe"), or a throat going tight (lips alone are a lip balm's reaction; a chest, a garment's fit), or
 * help asked of the ER ("throat feels a lil tight now, should i go to the ER?": a US vitamins shop, forty-first session, kept in the queue).
 */
// "娃娃嘴巴越来越肿了 说话声音都变了" (a Chengdu shop, forty-ninth session: the reaction's advice again, not the emergency's).
const SOMEONE = /孩子|宝宝|小孩|(?<!芭比|布|洋|毛绒|玩具)娃娃(?!菜)|(?<!娃)娃(?![娃菜])|儿子|女儿|老人|妈|爸|老公|老婆|猫|狗|嗓子|喉咙|舌头|(?<![a-z])(?:my (?:tongue|throat)(?! (?:is |feels )?(?:sore|scratchy))|my (?:son|daughter|kid|child|baby|toddler|mom|mother|dad|father|husband|wife|grandma|grandpa|dog|cat)|he|she|kids?|child|baby|bub|bubba|toddler|(?:tongue|throat) (?:is |are |feels? |went |got |getting )?(?:a bit |a lil |a little |kinda |kind of |really |so |all |more )?(?:swelling|swollen|tight|tighter|tightening|closing up|closing)|(?:go|going|get|take (?:me|her|him)) to (?:the )?(?:er|a ?& ?e|hospital|emergency room)|call (?:911|999|111|000|112|an ambulance))(?![a-z])/;
const JOKE = /笑|(?<![a-z])(?:lol|haha|lmao)(?![a-z])/;
/** Asked before anything happened ("会不会有误吞风险", "how to prevent choking"), unless something was swallowed already (found in review). */
// In pinyin too: "wu tun feng xian da ma" (误吞风险大吗) had been read as a swallowing.
const BEFOREHAND = /风险|防止|避免|以防|防误|小心误|会不会|有毒吗|会怎么样|(?<![a-z])(?:risk|prevent\w*|hazard|toxic|poisonous|feng ?xian|hui ?bu ?hui|fang ?zhi)(?![a-z])/;
const HAPPENED = /(?:吞|吃|喝|食|服|啃|咬|舔)了|(?<![a-z])(?:swallowed|ate|drank|got into|took|chewed|bit|licked)(?![a-z])/;
/**
 * Insulin given and the animal or person shaking, unsteady, fitting ("我家猫今天打完胰岛素以后一直在发抖 走路不稳": a Sydney pet
 * pharmacy, thirty-ninth session, "not understood"): a low blood sugar, the emergency.
 */
const INSULIN_LOW = /(?:打完|打了|注射|打针)[^。？?]{0,6}胰岛素[^。？?]{0,30}(?:发抖|一直抖|抽搐|站不稳|走路不稳|走不稳|昏|瘫)|胰岛素[^。？?]{0,6}(?:以后|之后|后)[^。？?]{0,24}(?:发抖|一直抖|抽搐|站不稳|走路不稳|走不稳|昏|没反应|瘫)|(?<![a-z])(?:after (?:his|her|its|the|my) insulin|insulin (?:shot|injection|dose))\b[^.?!]{0,40}\b(?:shaking|trembling|tremors?|wobbl\w*|stagger\w*|seizures?|collapsed|(?:won'?t|will not) wake|unresponsive)(?![a-z])/;
/**
 * A small child with what must not go in a mouth ("my 2 year old was chewing the blue ice pack… gel came out in his mouth", "my
 * son swallowed some of the ice pack gel": a Toronto grocery, thirty-ninth session, "sorry I couldn't help"): the emergency.
 */
// The sachet by where it was ("柿饼袋子里那个小包包让我家娃咬破了，吃进去一点白色的颗粒": a Xi'an shop, fifty-first session, the returns
// entries); not a handbag or white granules of rice cereal (found in review).
const CHILD_HARM = /冰袋|蓝冰|冰包|干燥剂|干燥包|防潮包|防潮珠|防潮剂|脱氧剂|(?:袋子|包装|盒子|罐子|瓶子)里(?:面)?(?:的)?(?:那个|那包|那袋)?小(?:包包|袋子|纸包)|(?:防潮|干燥|不可食用)的?小(?:包|袋)|纽扣电池|水银电池|钮扣电池|磁铁|洗衣凝珠|洗衣球|(?<![a-z])(?:ice ?packs?|gel packs?|ice pack gel|silica|desiccant|button batter(?:y|ies)|magnets?|detergent pods?|laundry pods?)(?![a-z])/;
/**
 * Skincare and cosmetics licked or eaten, that very thing ("my 2 year old … licked the brow gel and maybe some of the retinol serum??": a
 * Los Angeles shop, forty-fifth session, offered the shade finder); not "ate breakfast, and the perfume is arriving when?" (found in review).
 */
// The thing itself the object of the eating, a few words on at most: not "ate his dinner and then I put the serum on his face" (found in review).
const COSMETIC_EATEN = /(?:舔|吃|喝|吞)(?:了|掉|进去)?(?:一大?口|几口|好几口|一点|一些|点|好多|一大?瓶|一大?坨)?(?:[^，,。？?\s饭奶]{0,4}的)?(?:护肤品|精华|面霜|卸妆|指甲油|洗甲水|香水)|(?<![a-z])(?:licked|ate|swallowed|drank|got into)(?: (?:some|a bit|a little|part|most|half|lots|loads|a (?:load|blob|lot|bunch|bottle|tube|handful|glob|dollop|big blob)) of)?(?: (?:the|my|her|his|their|your|a|some))?(?: (?!lips?\b|lip\b)[a-z-]+){0,2} (?:retin(?:ol|al|oid)s?|serums?|brow gel|nail polish|nail polish remover|perfume|makeup remover|face cream|body lotion)(?![a-z])/;
/**
 * Creams, washes and cleaners swallowed, the eating right beside the product ("宝宝刚才把贝亲的润肤乳挤出来吃了好几口", "孩子喝了一口大人的
 * 护手霜", "my toddler just drank some of the baby shampoo": a Shanghai baby shop, fortieth session, a greeting and "not understood");
 * not a meal and a cream in one message ("宝宝吃了辅食以后我给他擦了润肤乳"), nor good news ("…皮肤好多了", "回购"): found in review.
 */
// Household chemicals by their everyday names too ("我孩子喝了消毒水": a Guangzhou appliance shop, forty-ninth session, "not sure").
// Sunscreen and face products too ("剛剛把你們的兒童防曬乳擠出來吃了一口": a Taipei shop, fiftieth session, "not understood").
const CARE_GOODS = '润肤乳|润肤露|润肤霜|身体乳|护手霜|面霜|乳液|防晒乳|防晒霜|防晒露|防晒喷雾|洗面奶|洁面乳|化妆水|爽肤水|卸妆油|卸妆乳|护臀膏|洗发水|沐浴露|洗衣液|洗洁精|消毒液|消毒水|漂白水|漂白剂|清洁剂|洁厕灵|洗衣凝珠|管道疏通剂|除垢剂|酒精|香水|指甲油|卸妆水|卸甲水|洗甲水|花露水|驱蚊液|精油';
const CARE_GOODS_EN = 'sunscreen|sunblock|sun cream|lotion|body cream|hand cream|face cream|nappy cream|diaper cream|shampoo|body wash|bleach|detergent|laundry pods?|drain cleaner|toilet cleaner|descaler|perfume|essential oils?|nail polish remover|nail polish|acetone|makeup remover|hand saniti[sz]er|mouthwash';
/**
 * Water or a drink the chemical was put in, drunk ("喝了好几口加湿器水箱里的水 我前两天往里面滴了84消毒液清洗没冲干净": a Guangzhou
 * appliance shop's buyer, forty-ninth session, "not sure", then a goodbye to "要不要观察一下再说").
 */
const CARE_IN_DRINK = `(?:喝了|喝下|喝进去|吃了)[^。？?]{0,24}(?:水|奶|饮料)[^。？?]{0,16}(?:滴了|加了|放了|倒了|兑了|掺了|混了|泡了)[^。？?]{0,4}(?:84(?!毫升|ml|度|元|块|号|\\d)|${CARE_GOODS})|(?<![a-z])(?:drank|swallowed)\b[^.?!]{0,40}\b(?:water|drink|milk)\b[^.?!]{0,30}\b(?:with|had) (?:some |a bit of |a little )?(?:${CARE_GOODS_EN})`;
const CARE_SWALLOWED = new RegExp(`(?:${CARE_GOODS})[^，,。！!？?\\s]{0,8}(?:吃了|喝了|饮了|吞了|吃进去|喝进去|舔了|吃下去)|(?:吃了|喝了|饮了|吞了|舔了|吃到)(?:一口|几口|一点|好几口|一些|啲)?[^，,。！!？?\\s]{0,4}(?:${CARE_GOODS})|(?<![a-z])(?:drank|swallowed|ate|eaten|licked|chugged)(?: (?:some|a bit|a little|a sip|half|most))?(?: of)?(?: (?:the|my|his|her|your|a|an))?(?: [a-z]+){0,2} (?:${CARE_GOODS_EN})(?![a-z])|(?<![a-z])(?:${CARE_GOODS_EN})\\b[^.?!]{0,40}\\b(?:drank|swallowed|chugged|drunk|ate) (?:some|it|a bit|a little|a sip|half|most|a mouthful)(?![a-z])|${CARE_IN_DRINK}`);
const CARE_FINE = /好多了|好了很多|回购|很滑|滑滑|差点|(?<![a-z])(?:lol|haha|better now|works great|love it|nearly|almost|in time)(?![a-z])/;
const CARE_HURTS = /喉咙|嗓子|肚子|胃|难受|烧|疼|痛|吐|恶心|(?<![a-z])(?:throat|stomach|tummy|sick|burn\w*|vomit\w*|threw up|throwing up)(?![a-z])/;
const PET_POISONED = /(?<![a-z])(?:cat|dog|kitten|puppy|pup)s?\b[^.?!]{0,30}\b(?:foaming at the mouth|drooling|vomit\w*|throwing up|licked|licking|drank|ate)\b[^.?!]{0,30}\b(?:floor cleaner|cleaner|bleach|detergent|antifreeze|disinfectant|dishwasher pod|laundry pod)s?(?![a-z])/;
const petPoisoned = (n: string): boolean => PET_POISONED.test(n) && !/(?<![a-z])(?:pet[- ]safe|is (?:it|the \w+) safe|safe for)(?![a-z])/.test(n);
const careSwallowed = (n: string): boolean => CARE_SWALLOWED.test(n) && !CARE_FINE.test(n) && !/娃娃菜/.test(n);
// "孩子抓着啃破了 吃进去一点" (a Beijing baby-formula shop, forty-fifth session: the order card and the damaged-goods entries).
const IN_MOUTH = /咬了|咬破|啃破|啃了|吃了|吃进去|吃下去|吞|含着|舔|嘴里|(?<![a-z])(?:chew(?:ed|ing)|swallow\w*|ate|eaten|licked|in (?:his|her|their) mouth|mouthful)(?![a-z])/;
// 娃娃, 娃儿: a child in Sichuan and Chongqing ("我家娃娃把…干燥剂那个…吃了": a Chengdu shop, fortieth session, "not understood").
// A Cantonese age and son ("我個3歲仔": a Hong Kong phone shop, forty-ninth session).
const SMALL_CHILD = /孩子|宝宝|小孩|细路|细佬|细蚊仔|(?:我个|个|我)仔(?![细裤])|(?:\d{1,2}|[一二两三四五六七八九十])岁(?:仔|女)|儿子|女儿|孙子|孙女|孙孙|外孙|小孙|娃娃(?!菜)|娃儿|(?<![女男])娃(?=[把吃咬吞舔子])|(?<![a-z])(?:toddler|baby|\d+ ?(?:yo|year old|yr old|month old)|my (?:(?:wee|little|lil|youngest|baby) )?(?:son|daughter|kid|child|grand(?:son|daughter|kid|child))|(?<!(?:puppy|dog|cat|kitten|pup|bunny|rabbit)[\s\S]{0,80})(?:he|she)'?s [1-5](?: years?)?(?: old)?(?=[\s,.!]|$)(?![\s\S]*(?:puppy|dog|cat|kitten|pup)))(?![a-z])/;
/** An adrenaline pen at hand in a reaction ("she has an epipen, should i use it?? her voice sounds funny"): the emergency. */
const EPIPEN = /肾上腺素笔|(?<![a-z])(?:epi-?pens?|auvi-?q|adrenaline pen)(?![a-z])/;
/** Used or needed now, not bought: "should i use it", "her voice sounds funny" (not "do you sell epipen cases"). */
const EPIPEN_NOW = /要不要(?:用|打)|用不用|打不打|该不该(?:用|打)|(?:能|可以)(?:用|打)吗|呼吸|喘|肿|声音|(?<![a-z])(?:should (?:i|we) (?:use|give)|use it|give it|inject\w*|voice|breath\w*|swell\w*|swollen|throat|wheez\w*|reaction)(?![a-z])/;
/** Asked beforehand or of a habit: "my baby chews on everything, are the ice packs safe?". */
const CHILD_HARM_ASKED = /防止|避免|安全吗|会不会|补发|牙胶|(?<![a-z])(?:prevent|avoid|safe|everything|always|usually|in case|teether|teething|replace\w*|spare)(?![a-z])/;
/**
 * A small child or a pet who swallowed a thing that is no food ("the baby swallowed a small part", "my son swallowed a coin", "孩子吞了
 * 一个小零件", "the dog swallowed a sock"): choking or a blockage, the emergency (found mending the fortieth session's leftovers: "not
 * sure" and a returns answer). Not a sweet or a mouthful of milk.
 */
// An earbud's ear tip ("孩子把耳机耳帽吞下去了": a Shenzhen charger shop, fiftieth session, "not sure").
// A zip pull bitten off a pillowcase ("我孙孙把枕套上的拉链头咬下来了，好像吞进去了，现在一直在咳": a Suzhou bedding shop, fifty-first session, the order card).
const THING = /拉链头|拉链|拉头|拉链扣|卡针|取卡针|耳帽|耳塞|耳套|硅胶套|零件|部件|珠子|小球|弹珠|硬币|钢镚|纽扣|扣子|螺丝|电池|磁|积木|乐高|水晶珠|海洋宝宝|吸水珠|钉子|针|耳环|耳钉|戒指|发卡|贴纸|塑料|碎片|瓶盖|盖子|玩具|袜子|皮筋|(?<![a-z])(?:zip(?:per)? pulls?|zip(?:per)?s?|pull tabs?|sim (?:card )?(?:tool|pin|ejector)|ejector (?:tool|pin)|ear ?tips?|ear ?plugs?|earbud tips?|parts?|(?:small|tiny|little) pieces?|pieces? of (?:the |a |an )?(?:toy|plastic|lego|glass|metal)|beads?|coins?|buttons?|screws?|batter(?:y|ies)|magnets?|legos?|marbles?|toys?|socks?|rings?|earrings?|pins?|needles?|nails?|caps?|lids?|stickers?|plastic|balls?|rubber bands?|hair ?ties?|squeakers?|stuffing)(?![a-z])/;
const SWALLOWED_THING = /吞了|吞下|吞进|咽下去|咽了|(?<![a-z])swallowed(?![a-z])/;
const NOT_A_THING = /糖|奶|饭|水果|饼干|药|(?<![a-z])(?:candy|sweets?|chocolate|gum|food|milk|fruit|apple|grape|cookie|cracker|bread|pill|tablet|medicine|pride|words|water|lol|haha)(?![a-z])/;
/** The child or the pet itself swallowed it: not "the robot vacuum swallowed my cat's toy", "洗衣机又把孩子的袜子吞了" (found in review). */
const SUBJECT_SWALLOWED = /(?:孩子|宝宝|宝贝|小孩|儿子|女儿|孙子|孙女|孙孙|外孙|小孙|娃娃(?!菜)|娃儿|猫咪|小猫|猫|狗狗|小狗|狗)(?:好像|可能|刚才|刚刚|不小心|又|把[^，,。？?]{0,20}(?:(?:咬|啃|扯|拽|抠)[^，,。？?]{0,4}[，,\s]+)?)*(?:吞|咽)|(?<![a-z])(?:son|daughter|kids?|child|baby|toddler|grand(?:son|daughter|kid|child)|\d+ ?(?:yo|year old|yr old|month old)|dog|cat|puppy|kitten|he|she)(?: (?:just|has|had|might have|may have|probably|accidentally|must have|i think))* swallowed(?![a-z])/;
/**
 * A pet that ate something, not food, not another time ("help my dog just ate the squeaker out of the duck toy i bought from u,
 * swallowed it whole", "狗把袜子吃了": a Brisbane pet shop, forty-eighth session, "not sure" and a plain hand-over; a dog swallows
 * what it chews). Whether it was a thing is `thingSwallowed`'s to read.
 */
const PET_ATE = /(?:猫咪|小猫|猫|狗狗|小狗|狗)(?:好像|可能|刚才|刚刚|不小心|又|把[^，,。？?]{0,20})*(?:吃了|吃下去|吃进去)|(?<![a-z])(?:dog|cat|puppy|kitten|pup)s? (?:just |has |have |had |might have |may have |probably |accidentally |i think )*(?:ate|eaten|chewed (?:up|off) and swallowed)(?![a-z])/;
const PET_FOOD = /零食|狗粮|猫粮|罐头|冻干|肉干|猫草|(?<![a-z])(?:treats?|kibble|biscuits?|chews?|dental|food|dinner|breakfast)(?![a-z])/;
/** Told of another time ("our old dog ate a sock once and needed surgery, are these toys tough?": found in review). */
const ANOTHER_TIME = /以前|上次|去年|曾经|(?<![a-z])(?:once|used to|last (?:year|time|month)|years? ago|in the past|(?:our|my) (?:old|last|previous) (?:dog|cat|pup|puppy))(?![a-z])/;
const petAteIt = (n: string): boolean => PET_ATE.test(n) && !PET_FOOD.test(n) && !ANOTHER_TIME.test(n);
const thingSwallowed = (n: string): boolean => ((SUBJECT_SWALLOWED.test(n) && SWALLOWED_THING.test(n)) || petAteIt(n) || childAteThing(n) || goneFromMouth(n)) && THING.test(n) && !NOT_A_THING.test(n);
/**
 * A small child who "ate" a thing that is no food ("我個仔食咗個拉鏈頭"), or put it in the mouth and it is gone now ("孩子把拉链头放嘴里，
 * 现在找不到了，一直在咳"): found in the fifty-first session's review, read nowhere.
 */
const ATE_A_THING = /吃了(?:一)?(?:个|颗|粒|块)/;
const childAteThing = (n: string): boolean => SMALL_CHILD.test(n) && ATE_A_THING.test(n) && !SUPPOSED.test(n);
const goneFromMouth = (n: string): boolean => SMALL_CHILD.test(n) && /(?:放|塞|含)(?:进|在|到)?(?:了)?嘴(?:巴)?里/.test(n) && /找不到了?|不见了|没了/.test(n);
/**
 * A button battery or a magnet swallowed: the emergency department now, even if the child seems fine (a Singapore and a Sydney
 * shop's parents, forty-second session, "he seems ok now still playing, need to go hospital or not?", "is it ok to just wait and
 * see if it comes out", were told the general advice, whose signs are none of theirs).
 */
// "one of the little round batteries", "coin button batteries, CR2032" (an Australian and a UK shop, forty-fifth session: the general advice).
const BATTERY_OR_MAGNET = /纽扣电池|扣式电池|水银电池|钮扣电池|扣电|小圆电池|圆电池|电池片|遥控器?(?:里|里面)?的?电池|手表(?:里的?)?电池|锂电池|磁铁|磁珠|磁力珠|巴克球|(?<![a-z])(?:button[- ]?(?:cell|batter(?:y|ies))|coin[- ]?(?:button[- ]?)?(?:cell|batter(?:y|ies))|(?:(?:little|small|tiny|flat|silver) )?round batter(?:y|ies)|cr ?20(?:32|25|16)|lr ?4[14]|ag ?1[03]|lithium coin|lithium batter(?:y|ies)|(?:remote|watch|key ?fob|car key|scale|thermometer|hearing aid)(?: control)? batter(?:y|ies)|batter(?:y|ies) (?:from|out of|in) (?:the |a |his |her )?(?:remote|watch|key|scale|thermometer|toy)|magnets?|magnetic (?:balls?|beads?)|buckyballs?)(?![a-z])/;
/**
 * Sharp things swallowed need the emergency department just the same, whatever the child shows ("我儿子把卡针吞下去了…他现在看起来没事
 * 还在玩 要不要去医院": a Shenzhen phone shop, forty-third session, told the general signs twice). Told with the battery's advice.
 */
// The sharp thing is what was swallowed, next to the verb: not "drank a glass of mouthwash", "nail polish", "胰岛素针" (found in review).
// A screw too ("put one of the small tamiya screws in his mouth, i think he swallowed it": a Singapore hobby shop, forty-ninth session, the general text).
const SHARP_THING = String.raw`(?:卡针|取卡针|(?<![胰岛素打织指])针(?![剂管织对线])|图钉|钉子|螺丝钉|螺丝|螺钉|刀片|碎玻璃|玻璃碴|玻璃渣|玻璃屑|玻璃碎片?)`;
// Words between ("吞咗新手機盒入面嗰支SIM卡針": a Hong Kong phone shop, forty-ninth session, kept in the queue).
const SHARP_SWALLOWED = new RegExp(
  String.raw`(?:吞(?!咽)|(?<!吞|咽)咽(?!喉))[^，,。？?]{0,10}${SHARP_THING}|吞[^，,。？?]{0,16}卡针|${SHARP_THING}[^，,。？?]{0,10}(?:吞(?!咽)|(?<!吞)咽(?!喉))|(?<![a-z])swallowed (?:a |an |the |some |his |her |my |one of the |part of a |a piece of )?(?:(?:small|little|tiny|broken|sharp) )?(?:sim (?:card )?(?:tool|pin|ejector)|ejector (?:tool|pin)|needle|safety pin|sewing pin|pin|tack|nail|screw|razor blade|blade|glass|piece of glass)s?(?![a-z])|(?<![a-z])(?:screws?|tacks?|safety pins?)\b[^.?!]{0,40}\b(?:swallowed|gulped)(?![a-z])`,
);
/**
 * Bits of glass in what was already eaten ("瓶子口有个缺口 我怕有玻璃渣渣掉进去了 我已经拌了一碗面吃了几口", then "喉咙有点刺刺的 是不是吞了
 * 玻璃哦": a Chengdu shop, forty-fourth session, "not sure", then a plain place in the queue): the sharp thing's advice.
 */
// Bits of glass, not glass the material ("the glass teapot cracked", "玻璃盖裂了", "drank a glass of water": found in review), and not
// said to be left uneaten ("玻璃渣掉在地上 没吃进去").
const GLASS_BITS_ZH = String.raw`(?:碎玻璃|玻璃(?:渣|碴|屑|碎))`;
const GLASS_BITS_EN = String.raw`(?:(?:bits?|pieces?|shards?|splinters?|fragments?|chips?|slivers?) of glass|broken glass|glass (?:bits|pieces|shards|splinters|fragments|chips|slivers)|glass in (?:it|the (?:food|jar|jam|sauce|bowl|soup|bottle)|my (?:food|mouth|bowl|soup))|shards?)`;
const GLASS_EATEN = new RegExp(
  String.raw`${GLASS_BITS_ZH}[^。？?]{0,24}(?:吃了|吃进|吃下|喝了|吞)|(?:吃了|吃进|吃出|吃到|喝了|吞了|咽了)[^，,。？?]{0,12}${GLASS_BITS_ZH}|(?:吞|咽)(?:了|下)?玻璃|(?<![a-z])(?:${GLASS_BITS_EN}\b[^.?!]{0,40}\b(?:i|we|he|she|they|my \w+|the kids?) (?:already )?(?:ate|eaten|swallowed|had some)|(?:ate|eaten|swallowed|bit into|bit on)\b[^.?!]{0,30}\b${GLASS_BITS_EN})(?![a-z])`,
);
const GLASS_NOT_EATEN = /没(?:有)?(?:吃|吞|咽|喝)|(?<![a-z])(?:didn'?t|did not|not) (?:eat|swallow|drink)/;
const glassEaten = (n: string): boolean => GLASS_EATEN.test(n) && !GLASS_NOT_EATEN.test(n);
const batteryOrMagnet = (n: string): boolean => BATTERY_OR_MAGNET.test(n) || SHARP_SWALLOWED.test(n) || glassEaten(n);
/**
 * Feared, or swallowed long ago, asked of the goods before buying ("磁铁是包在里面的吗？怕宝宝吞下去", "my daughter swallowed a magnet
 * last year, are these ones sealed?": found in review, both told to go to the emergency department).
 */
const FEARED_SWALLOW = /(?:怕|担心|会不会|万一|以防)[^，,。？?]{0,8}(?:吞|咽|吃进)|(?:去年|上次|以前|之前)[^，,。？?]{0,8}(?:吞|咽)|(?<![a-z])(?:(?:afraid|worried|worry|in case)\b[^.?!]{0,24}\bswallows?|(?:will|might|could|may) swallow|last (?:year|month|week|time)|years? ago|once before|are (?:these|they|the \w+)(?: ones)? (?:sealed|safe|secure)|sealed in)(?![a-z])/;
export const swallowFeared = (n: string): boolean => FEARED_SWALLOW.test(n);
/**
 * Something stuck in a nose or an ear, or held in the mouth with coughing ("急 妹妹把一颗小积木塞鼻子里了 拿不出来 怎么办", "she put a small
 * wooden peg in her mouth and now she is coughing a lot, what do i do": a Hangzhou toy shop, forty-second session, the order card and
 * first aid for cuts); the throat and the breath together ("她说喉咙也有点不舒服 呼吸有点快": a Chengdu shop, "your message is kept").
 */
const STUCK_IN = /塞(?:进|到)?了?(?:鼻子|鼻孔|耳朵)|(?:鼻子|鼻孔|耳朵)里(?:面)?(?:卡|塞|有)(?:了|着)?(?:异物(?!感)|东西|积木|珠子|豆|零件|电池|小)|卡(?:在)?(?:鼻子|鼻孔|耳朵|喉咙|嗓子)|(?<![a-z])(?:(?:up|in|into) (?:his|her|their) (?:nose|nostril|ear)|stuck in (?:his|her|their) (?:nose|ear|throat))(?![a-z])/;
const MOUTH_COUGH = /(?<![a-z])in (?:his|her|their) mouth[^.?!]{0,40}(?:cough\w*|gagg\w*|chok\w*)(?![a-z])/;
const THROAT_AND_BREATH = /(?:喉咙|嗓子)[^。]{0,10}(?:呼吸|喘气?)[^，,。]{0,4}(?:快|急|困难|不上|不过来|闷|紧)|(?:呼吸|喘气?)[^，,。]{0,4}(?:快|急|困难|不上|不过来)[^。]{0,10}(?:喉咙|嗓子)/;
// Feared or asked beforehand: "串珠手工包适合两岁宝宝吗，怕卡喉咙" is a question of the goods (found in the demo corpus).
// Not what is worn there ("左边耳机塞进耳朵里就没声音了", "the hearing aid in his ear", a kazoo played: found in review); stuck, or help asked.
const WORN_THERE = /耳机|耳塞|耳钉|耳环|助听器|鼻贴|鼻夹|洗鼻|鼻喷|口罩|(?<![a-z])(?:ear ?buds?|earphones?|headphones?|air ?pods?|hearing aids?|ear ?plugs?|kazoo|harmonica|whistle|recorder|flute|mouthpiece|mouth ?guard|retainer|pacifier|dummy)(?![a-z])/;
const STUCK_HELP = /拿不出|取不出|掏不出|弄不出|出不来|卡住|卡了|异物(?!感)|怎么办|咋办|咋整|医院|急|一直哭|(?<![a-z])(?:stuck|(?:can'?t|cannot|can not) get (?:it )?out|(?:won'?t|will not) come out|what (?:do|should) (?:i|we) do|help|hospital|a ?& ?e|the er|choking|a lot)(?![a-z])/;
const lodged = (n: string): boolean =>
  (STUCK_IN.test(n) || MOUTH_COUGH.test(n)) && STUCK_HELP.test(n) && !WORN_THERE.test(n) && !SUPPOSED.test(n) && !CHILD_HARM_ASKED.test(n) && !NOT_A_REPORT.test(n) && !/怕|担心|适合|(?<![a-z])(?:afraid|worried|worry|suitable|could|might)(?![a-z])/.test(n);
/** Breath short from exercise or singing is no emergency ("唱完歌 喉咙有点紧 呼吸有点急": found in review). */
const EXERTION = /唱|跑|运动|锻炼|爬山|健身|练|(?<![a-z])(?:sing\w*|run\w*|exercis\w*|workout|gym|hik\w*|climb\w*)(?![a-z])/;
/** The mouth, the lips or the tongue swelling now ("嘴巴有点肿起来了" after a snack: a Chengdu shop, forty-second session, "sorry I couldn't help"): a reaction. */
// "my lips feel kinda swollen" after starting gummies (a Denver supplements shop, forty-ninth session: "not sure").
// "嘴唇有啲肿" (a Xi'an shop's Cantonese buyer, fifty-first session, "not understood").
const MOUTH_SWELLS = /(?:嘴巴|嘴唇|舌头)(?:周围|都|也|有点|有些|一直|开始|突然|好像|还)*(?:肿起来|肿了|发肿)|(?:嘴巴|嘴唇|舌头)(?:有点|有些|好|很)肿(?![瘤块])|(?<![a-z])(?:lips?|tongue|mouth) (?:is |are |looks? |feels? |got |getting |went |started |has |have )?(?:all |a bit |a little |kinda |kind of |really |so |gone )?(?:swollen|swelling|puffy|puffing up|swelled(?: right)?(?: up)?|swelled up)(?![a-z])/;
// Not a joke ("吃完嘴巴都肿了 哈哈"), nor a product's effect asked ("does the lip plumper make your lips swollen?"): found in review.
// Hard to swallow beside it, whatever the product is for ("my lips have swelled right up after the plumping gloss and its hard to swallow":
// a London shop, fifty-first session, "not sure" and "message kept").
export const SWALLOW_HARD = /吞咽困难|咽不下|吞不下|难以下咽|吞东西好难|好难吞|吞嘢好难|(?<![a-z])(?:(?:hard|difficult|trouble|difficulty|struggling|struggle) (?:to )?swallow\w*|(?:can'?t|cannot|can not|can barely|barely) swallow)(?![a-z])/;
/** Pills hard to swallow, or the swallowing supposed ("will the lip plumper make my lips swollen and hard to swallow?": found in review). */
const SWALLOW_NOT_IT = /药片|胶囊|维生素|会不会|如果|(?<![a-z])(?:pills?|tablets?|capsules?|vitamins?|gumm(?:y|ies)|will|would|does|do|could|if)(?![a-z])/;
export const swallowingHard = (n: string): boolean => SWALLOW_HARD.test(n) && !SWALLOW_NOT_IT.test(n);
const mouthSwells = (n: string): boolean =>
  MOUTH_SWELLS.test(n) && !SUPPOSED.test(n) && !NOT_A_REPORT.test(n) && !COLOUR_MEANT.test(n) && !JOKE.test(n) && !SPICY_TALK.test(n) && !/拔牙|蚊子|叮|磕|撞|摔|上火|(?<![a-z])(?:dentist|tooth|bitten|bite|insect|mosquito|hit)(?![a-z])/.test(n) && (swallowingHard(n) || !/会不会|是不是正常|正常吗|丰唇|(?<![a-z])(?:does|do|will|would|plump\w*|make (?:your|my|the) lips?)(?![a-z])/.test(n));
/** Spicy food laughed at or bought again ("鸭脖太辣了 吃完嘴巴都肿了 哈哈 下次买微辣"): the goods' heat, not a reaction (found in review). */
const SPICY_TALK = /太辣|辣到|辣得|辣死|是不是辣|好过瘾|下次买|(?<![a-z])(?:too spicy|so spicy|lol|haha)(?![a-z])/;
/** Ill enough to tell beside a refund asked ("吃了你们的鸡肉 拉肚子 呕吐 要退款": found in review). */
const ILL_NOW = /呕吐|吐了|一直吐|发烧|高烧|(?<![a-z])(?:vomit\w*|throwing up|threw up|fever)(?![a-z])/;
/** Over now, help already had ("we called poison control, they said watch her and shes ok now": a US vitamins shop, forty-first session, told to call again). */
const OVER_NOW = /没事了|已经好了|好多了|医院回来|(?<![a-z])(?:(?:she|he|they|i|it)(?:'s| is| are|s| am|'m)? (?:ok|okay|fine|alright|all good) now|seems? (?:fine|ok|okay|better) now|feel(?:ing|s)? (?:a lot |much )?better now|back from the (?:hospital|doctor|er|a ?& ?e))(?![a-z])/;
/** Danger said after all ("本来以为没事了 现在呼吸越来越急", "he seems fine now but what should i do", a button battery): not over (found in review). */
const STILL_DANGER = /又|越来越|但是?现在|怎么办|要不要|(?:去|上)医院(?:吗|不|呢)|急诊|纽扣电池|磁铁|(?<![a-z])(?:what (?:should|do|can) (?:i|we) do|should (?:i|we)|do (?:i|we) need|the er|a ?& ?e|(?:go|take \w+) to (?:the )?hospital|again|worse|but now|button batter(?:y|ies)|magnets?)(?![a-z])/;
/** Over now: "医院回来了 没事了 开了点抗过敏的药", "we called poison control… shes ok now" (forty-first session: the advice told again). */
const overNow = (n: string): boolean => OVER_NOW.test(n) && !STILL_DANGER.test(n);
/**
 * A child who ate a whole bottle of it up ("我孙子把一整瓶儿童维生素软糖吃光了 会不会中毒啊": a Shanghai supplements shop, forty-third
 * session, "did you mean…?" in the queue); not a supply finished ("钙片吃完了 再买一瓶", "孩子的钙片吃完了").
 */
// Half a bottle, or tens of them ("my 3 yr old got the kids gummies bottle open and ate like half of it, the ones with iron", "she
// swallowed maybe 30 iron gummies": a Denver supplements shop, forty-ninth session, a "did you mean" and "didn't get that").
const EATEN_UP = /把[^，,。？?]{0,16}(?:吃光|吃完|全吃|都吃)|(?:一整|整)[瓶盒袋板包罐][^，,。？?]{0,10}(?:吃光|吃完|全吃了|都吃了)|(?<![a-z])(?:ate|eaten|got into|finished) (?:a |the |half a |half the )?(?:whole|entire) (?:bottle|tub|pack|packet|box|jar|bag|tube)(?![a-z])|(?<![a-z])(?:ate|eaten|swallowed|had) (?:like |about |maybe |around |nearly |almost )?(?:half (?:of )?(?:it|them|the (?:bottle|tub|pack|box|jar))|(?:\d{2,}|twenty|thirty|forty|fifty) (?:[a-z]+ )?(?:gumm(?:y|ies)|vitamins?|pills?|tablets?|capsules?))(?![a-z])/;
/** Bought again, asked in stock, a course finished ("孩子把这瓶钙片吃完了 再买两瓶", "把药都吃完了 还是咳嗽": found in review): a supply, not an accident. */
const SUPPLY_FINISHED = /再买|再来|还有货|有货吗|回购|复购|还想买|还是咳|还在咳|疗程|(?<![a-z])(?:buy (?:more|another|again)|reorder|order (?:more|again)|in stock|restock)(?![a-z])/;
/**
 * A doctor now, whatever the goods: bleeding in pregnancy, or after taking something bleeding, blood pressure shooting up, chest pain,
 * severe dizziness or fainting ("我老婆吃了那个维生素以后肚子疼 还有点出血", "我老伴吃了你们人参片 血压一下子高上去了 头晕得厉害": a Shanghai
 * supplements shop, forty-third session, told "if it is severe" or nothing). Not a risk asked of ("会不会容易出血").
 */
const PREGNANT = /怀孕|孕妇|孕期|怀着|孕[一二三四五六七八九十\d]+[个周月]|(?<![a-z])(?:pregnant|pregnancy|weeks? along)(?![a-z])/;
const BLEEDING = /出血|流血|见红|便血|吐血|尿血|(?<![a-z])(?:bleeding|spotting|blood in (?:her|his|my|the) (?:stool|poop|urine|pee|vomit))(?![a-z])/;
const BODY_ALARM = /血压[^，,。？?]{0,6}(?:高上去|升高|飙|一下子高|突然高|很高|好高|特别高|上来)|头晕得(?:厉害|不行|站不住|站不稳)|晕倒|昏倒|晕过去|胸口(?:疼|痛|闷得)|胸痛|心跳[^，,。？?]{0,4}(?:很快|好快|特别快|加速|不齐)|胸口(?:发紧|好紧|很紧)|(?<![a-z])(?:chest pains?|chest (?:is |feels |got |went )?(?:so |really |very |kinda |a bit )?(?:tight|hurts|hurting|sore) (?:and|&)|passed out|fainted|heart (?:is )?(?:racing|pounding)|blood pressure (?:spiked|shot up|went (?:way |right )?up|is (?:really |very |so )?high)|so dizzy (?:she|he|i) (?:can'?t|cannot|can not) stand)(?![a-z])/;
const RISK_ASKED = /会不会|容易|怕|担心|以防|风险|(?<![a-z])(?:will it|could it|might it|can it|risk|in case|afraid|worried)(?![a-z])/;
// A nose or the gums bleed for many reasons; a pet's is the vet's; a question whether it may be taken is advice; a joke is none (found in review).
const MINOR_BLEED = /牙龈|鼻子|鼻血|流鼻|(?<![a-z])(?:gums?|nose)(?![a-z])/;
const MAY_I = /能吃|可以吃|能不能吃|能用|可以用|(?<![a-z])(?:can i|may i|is it safe|is it ok|ok to take|safe to take)(?![a-z])/;
export const doctorNow = (n: string): boolean => {
  if (SUPPOSED.test(n) || RISK_ASKED.test(n) || PET.test(n) || JOKE.test(n) || MAY_I.test(n)) return false;
  const bleeding = BLEEDING.test(n) && !MINOR_BLEED.test(n);
  return (PREGNANT.test(n) && bleeding) || ((TAKEN.test(n) || ATE.test(n)) && (bleeding || BODY_ALARM.test(n)));
};
/**
 * A pet's emergency, no person in it ("狗吃了干燥剂怎么办 急急急": a Guangzhou pet shop, forty-fifth session, told to call 120 and use an
 * adrenaline pen before the vet): the vet's advice. The pet is the one harmed (it swallowed, ate, or trembles after a dose), and no
 * person is ("奶奶吃了狗粮里的干燥剂 现在呼吸困难", "i'm allergic to the cat shampoo, my throat is closing up", "i accidentally took my
 * dog's tablets": found in review, told only to call the vet). Pets are "he" and "she" too ("shes only 6kg"), and 宝宝 ("狗宝宝").
 */
// Bitten open by it, a comma after ("干燥剂被狗咬破了，吃了一点": found in review, the people's emergency).
const PET_HARMED = /(?:猫咪|小猫|猫|狗狗|小狗|狗|宠物)(?:宝宝)?(?![砂粮条罐盆绳])[^，,。？?！!]{0,16}(?:吞|咽|误食|吃了|食咗|食了|喝了|啃了|咬了|咬烂|咬破|舔了|发抖|抽搐|站不稳|走路不稳)|被(?:猫咪|小猫|猫|狗狗|小狗|狗|宠物)(?:咬破|吃|吞|啃)|(?<![a-z])(?:cat|dog|kitten|puppy|pup|pet)s? (?:just |has |have |had |might have |may have |probably |accidentally |i think )*(?:swallowed|ate|eaten|got into|chewed|licked|bit|is trembling|is shaking|is wobbly|collapsed)(?![a-z])/;
const PERSON_HARMED = /(?:奶奶|爷爷|外公|外婆|姥姥|姥爷|老人|老公|老婆|老伴|妈妈|爸爸|我妈|我爸|我)(?:把[^，,。]{0,16})?(?:吃了|喝了|吞了|误食|过敏|喘不上气|呼吸困难)|(?<![a-z])(?:i (?:took|swallowed|ate|drank)\b(?! (?:the |it )?(?:wrapper|away|off))|i (?:accidentally|am allergic)|(?:i'?m|i am) allergic|im allergic|my (?:nan|nana|gran|granny|grandma|grandpa|grandad|mum|mom|dad|husband|wife|partner|friend) (?:took|ate|has|is|swallowed|drank)|my (?:throat|tongue|lips?|chest)|(?:can'?t|cannot|can not) breathe|throat is closing)(?![a-z])/;
/** A pet choking now ("狗狗刚刚啃骨头卡住喉咙了 一直干呕": found in review), not a habit ("经常噎住了") nor a worry. */
const PET_CHOKES = /(?:猫咪|小猫|猫|狗狗|小狗|狗)(?![粮砂条罐爪])[^。？?]{0,16}(?:卡(?:住|在|了)+(?:在)?(?:喉咙|嗓子)|噎住了|哽住了)|(?<![a-z])(?:dog|cat|puppy|kitten)\b[^.?!]{0,20}\bchoking(?: on)?(?![a-z])/;
const petChokes = (n: string): boolean => PET_CHOKES.test(n) && !/经常|总是|老是|会不会|怕|担心|(?<![a-z])(?:always|often|what if)(?![a-z])/.test(n);
const petEmergency = (n: string): boolean => {
  const t = n.replace(/(?:狗|猫)宝宝|毛孩子/g, '狗');
  return (PET_HARMED.test(t) || PET_ATE_BAKED.test(t) || petChokes(t) || petPoisoned(t) || petHeadInjury(t)) && !SMALL_CHILD.test(t) && !PERSON_UNWELL.test(t) && !PERSON_HARMED.test(t);
};
/**
 * Choking itself, not a breath failing from a reaction ("my son is choking on a piece of the toy, he can't breathe" was told the
 * general emergency's allergy pen and poison line: found in the forty-sixth session's review); not once it is out.
 */
const CHOKES = /噎|哽|卡了?(?:到|在|住)?了?(?:喉咙|嗓子|气管)|(?:喉咙|嗓子)(?:里)?卡(?:住|着)|(?<![a-z])(?:chok(?:e|es|ed|ing)|gagging|stuck in (?:his|her|their|my|the) (?:throat|windpipe))(?![a-z])/;
const CHOKE_ENDED = /咳出来|吐出来了|拿出来了|没事了|好了|(?<![a-z])(?:coughed it (?:up|out)|spat it out|(?:got|pulled) it out|(?:is|seems|he'?s|she'?s) (?:fine|ok|okay) now)(?![a-z])/;
const choking = (n: string): boolean => CHOKES.test(n) && !CHOKE_ENDED.test(n) && !/过敏|(?<![a-z])allerg\w*(?![a-z])/.test(n);
/** The emergencies with advice of their own, and the general one. */
export type EmergencyKind = 'battery' | 'doctor' | 'emergency' | 'petEmergency' | 'choking' | 'headInjury';
/** Which emergency advice fits it: a pet's, a swallowed battery or magnet, a doctor now, choking, a head hurt, or the general one. */
export const emergencyAdvice = (n: string): EmergencyKind =>
  petEmergency(n) ? 'petEmergency' : batteryOrMagnet(n) ? 'battery' : doctorNow(n) ? 'doctor' : choking(n) ? 'choking' : headKnockSigns(n) ? 'headInjury' : 'emergency';
const eatenUpByChild = (n: string): boolean =>
  EATEN_UP.test(n) && SMALL_CHILD.test(n) && (namesMedicine(n) || /药|软糖|(?<![a-z])gumm(?:y|ies)(?![a-z])/.test(n)) && !SUPPOSED.test(n) && !SUPPLY_FINISHED.test(n);
const emergency = (n: string): boolean => {
  // Any battery or magnet ("put something in his mouth, I think its the little battery from the thermometer. I cant find it": a
  // Houston baby shop, forty-third session, "not sure" and a plain place in the queue), not only a button cell named so.
  if (eatenUpByChild(n) || doctorNow(n) || headKnockSigns(n) || petHeadInjury(n) || petChokes(n) || (glassEaten(n) && !SUPPOSED.test(n) && !swallowFeared(n))) return true;
  const childSwallowed = ((SMALL_CHILD.test(n) && (((CHILD_HARM.test(n) || BATTERY_OR_MAGNET.test(n)) && IN_MOUTH.test(n)) || SHARP_SWALLOWED.test(n) || COSMETIC_EATEN.test(n) || careSwallowed(n))) || thingSwallowed(n)) && !SUPPOSED.test(n) && !CHILD_HARM_ASKED.test(n) && !swallowFeared(n);
  if ((FACE_AND_BREATH.test(n) || childFaceSwells(n)) && !NOT_A_REPORT.test(n)) return true;
  // A grown-up too, once it hurts ("我喝了好几口加湿器水箱里的水 前两天往里面滴了84消毒液没冲干净 现在喉咙有点烧": found in review), and a pet
  // poisoned by a cleaner ("the dog is foaming at the mouth after licking the floor cleaner": found in review).
  if ((careSwallowed(n) && CARE_HURTS.test(n)) || petPoisoned(n)) return true;
  if (INSULIN_LOW.test(n) || (EPIPEN.test(n) && EPIPEN_NOW.test(n) && !SUPPOSED.test(n)) || childSwallowed || lodged(n)) return true;
  if (SUPPOSED.test(n) || JOKE.test(n) || (BEFOREHAND.test(n) && !HAPPENED.test(n))) return false;
  // A cold's sore throat is none ("这几天感冒了 嗓子…", "got a cold and my throat feels tight": found in review).
  if (/感冒|发烧|咳嗽|(?<![a-z])(?:a cold|the flu|flu|sore throat|coughing)(?![a-z])/.test(n) && !CHILD_OR_PET.test(n)) return SWALLOWED_BY_ACCIDENT.test(n);
  if (SWALLOWED_BY_ACCIDENT.test(n) || (THROAT_AND_BREATH.test(n) && !NOT_A_REPORT.test(n) && !EXERTION.test(n))) return true;
  const medicine = namesMedicine(n) || /药/.test(n);
  if (ACCIDENTALLY.test(n) && (medicine || /(?<![a-z])(?:pills?|tablets?|capsules?|gumm(?:y|ies))(?![a-z])/.test(n))) return true;
  if (medicine && TOO_MUCH.test(n)) return true;
  // A child or a pet who swallowed "gummies" or "pills" swallowed medicine, named or not; a baby's bottle or a dog's shampoo bottle is none.
  const child = CHILD_OR_PET.test(n);
  const pills = medicine || /(?<![a-z])(?:gumm(?:y|ies)|pills?|tablets?|capsules?)(?![a-z])/.test(n);
  if (SWALLOWED.test(n) && pills && (child || LOT.test(n))) return true;
  // "孩子吃了退烧药 什么时候能退烧", "狗狗吃了驅蟲藥 多久可以洗澡" are doses given, not swallowed by accident (found in review).
  // Not a few taken by a grown-up and a return asked ("另外一瓶鱼油我已经打开吃了几粒，觉得有鱼腥味，这个也能退吗": a Denver shop's buyer, forty-ninth session, told to call 911).
  if (ATE.test(n) && medicine && ((LOT.test(n) && (child || !RETURN_ASKED.test(n))) || (child && OWN.test(n)))) return true;
  // A pet that ate what harms pets (found from outside: "小猫吃了猫砂怎么办！！急！" was offered two entries): the vet first.
  // Not years ago ("our dog ate chocolate once years ago, is carob safe": found this session).
  if (((PET_ATE_HARM.test(n) || (PET_ATE_BAKED.test(n) && !SUPPOSED.test(n))) && !LONG_AGO.test(n)) || (PET_ATE_ZH.test(n) && !SUPPOSED.test(n) && !/会不会|怕|担心|万一|如果|要是|被(?:猫|狗)(?:猫|狗)?吃/.test(n))) return true;
  // The buyer's own breath failing after taking something ("i took two of the pills and now i can't breathe": read as nothing, this
  // session); "i" alone jokes ("lol i can't breathe"), what was taken does not.
  const tookIt = /(?:我)(?:刚|刚刚|刚才)?(?:吃了|喝了|服了|吞了)|(?<![a-z])i (?:just )?(?:took|swallowed|ate|drank|had)(?![a-z])/.test(n) && (pills || FOOD_OR_DRINK.test(n));
  return (BODY_IN_DANGER.test(n) && (SOMEONE.test(n) || (tookIt && !JOKE.test(n)))) || BREATH_NOW.test(n);
};
const FOOD_OR_DRINK = /药|片|粒|饼干|坚果|花生|海鲜|虾|(?<![a-z])(?:pills?|tablets?|capsules?|gumm(?:y|ies)|supplements?|cookies?|nuts?|peanuts?|shellfish|prawns?|shrimp|drink|tea|snack\w*)(?![a-z])/;
// The harm named first or with words between ("袋子里有一包干燥剂 狗狗咬破了吃了一点点", "我只猫食咗少少漏出嚟嘅猫砂": a Guangzhou pet shop,
// forty-fifth session, offered the returns entries).
// Cleaners licked or drunk too ("猫刚才舔了地板清洁剂，现在在吐": a development danger set, forty-ninth session).
const PET_HARM_ZH = '(?:猫砂|干燥剂|脱氧剂|巧克力|葡萄|洋葱|木糖醇|老鼠药|鼠药|蟑螂药|杀虫剂|除草剂|清洁剂|洁厕灵|消毒液|消毒水|漂白水|洗洁精|洗衣液|洗衣凝珠|电池|毛线|绳子|缝衣针|百合)';
const PET_ZH = '(?:猫咪|小猫|猫|狗狗|小狗|狗|宠物)';
// Not a compound (猫砂盆, 狗绳子, 巧克力色, 葡萄籽), nor other food eaten ("猫砂盆很好 猫咪吃了几口猫粮": found in review).
const HARM_ITSELF = `${PET_HARM_ZH}(?![盆色味籽])`;
const OTHER_FOOD = '(?![^，,。？?！!\\s]{0,4}(?:猫粮|狗粮|零食|罐头|冻干|猫条|粮))';
const PET_ATE_ZH = new RegExp(
  `(?<![被狗猫])${PET_ZH}(?![砂粮条罐盆绳])(?:[一二两三四五六七八九十\\d]+(?:岁|个月)大?的?)?[^，,。？?！!\\s]{0,2}(?:把[^，,。？?！!]{0,10})?(?:吃了|吞了|误食了?|食咗|食了|咬破了?|舔了|喝了)[^，,。？?！!\\s]{0,10}${HARM_ITSELF}|(?<![狗猫])${HARM_ITSELF}(?:被${PET_ZH}咬破)?[^。？?！!]{0,10}${PET_ZH}(?![砂粮条罐盆绳])[^。？?！!]{0,6}(?:(?:吃了(?:一点|一些|点|几|好多|不少|少少|半|一块|一颗|一口)|吞了|误食|食咗)${OTHER_FOOD}|咬破了?[^。？?！!]{0,3}吃)|${HARM_ITSELF}被${PET_ZH}咬破了?[^。？?！!]{0,6}吃|${PET_ZH}(?![砂粮条罐盆绳])[^，,。？?！!\\s]{0,2}把[^，,。？?！!]{0,10}${HARM_ITSELF}[^，,。？?！!]{0,4}(?:咬破|吃|吞)`,
);
/**
 * The pet, then its eating, then what harms pets, in that order and close ("小猫吃了猫砂", "my dog just ate a
 * whole bar of chocolate"); not the 猫 of 猫砂, a supposition ("猫砂会不会被猫吃了"), a toy it chewed, or
 * "got into the litter box" (found in review).
 */
/**
 * A dog of its breed, or a few words between, and chocolate baked ("my labrador has just eaten about 4 of the brownies off the counter",
 * "my dog ate some of the chocolate brownies you sent": a Manchester bakery, forty-ninth session, kept in the queue and offered the storage entry).
 */
const PET_ATE_BAKED = /(?<![a-z])(?:cat|dog|kitten|puppy|pup|pet|labrador|lab|retriever|poodle|spaniel|terrier|beagle|collie|dachshund|pug|husky|staff(?:y|ie)?|cockapoo|cavapoo|jack russell)s? (?:just |has |have |had |has just |might have |may have |probably )*(?:ate|eaten|swallowed|scoffed|wolfed(?: down)?|got into)(?: (?!carob|doggy|dog-safe|pup)[a-z0-9]+){0,5} (?:chocolate|brownies?|cocoa|fudge|mince pies?|fruit ?cake|raisins?|grapes?|xylitol)(?![a-z])(?![^.?!]{0,40}(?:loves? (?:it|them)|reorder|another box|bigger tub))/;
const PET_ATE_HARM = /(?<!被)(?:猫咪|小猫|猫|狗狗|小狗|狗|宠物)(?![砂粮条罐])[^，,。？?！!\s]{0,2}把[^，,。？?！!]{0,8}(?:百合|巧克力|葡萄|洋葱|木糖醇|老鼠药|鼠药|杀虫剂|电池)[^，,。？?！!]{0,6}(?:吃|啃|咬|舔|吞)了|(?<!被)(?:猫咪|小猫|猫|狗狗|小狗|狗|宠物)(?![砂粮条罐])[^，,。？?！!\s]{0,2}(?:(?:啃了|咬了|舔了)(?:你们的|你家的|你们家的|家里的|那个|这个|一口|两口|几口)?百合|(?:吃了|吞了|误食了?)(?:你们的|你家的|你们家的|家里的|那个|这个|一口|两口|几口)?(?:一点|一些|点|几颗|几粒|一块|好多|一整?[包袋块板颗粒])?(?:猫砂|干燥剂|巧克力|葡萄|洋葱|木糖醇|老鼠药|鼠药|杀虫剂|除草剂|电池|毛线|绳子|缝衣针|百合))|(?<![a-z])(?:cat|dog|kitten|puppy|pet)s? (?:just |has |have )?(?:ate|eaten|swallowed|got into|(?:chewed(?: on)?|bit|licked)(?= (?:the |some |a |on )*lil))(?: some| a| the| my| a whole| half a| half of a| part of a)?(?: bar of| box of| bag of| piece of| bunch of| bottle of)? ?(?:chocolate|grapes?|raisins?|onions?|xylitol|rat poison|batter(?:y|ies)|string|yarn|(?:cat )?litter(?! box| tray)|desiccant|silica gel|lil(?:y|ies))(?![a-z])/;

/**
 * Skin reacting and a doctor asked of now ("its gone red and sore now, should i see a doctor?", "起了一片红疹子…要不要去医院啊": a London and a
 * Guangzhou shop, forty-first session, the showroom's hours and "not sure"): a reaction, whatever caused it.
 */
const SEE_DOCTOR = /要不要去医院|要去医院吗|需不需要去医院|需要去医院吗|用不用去医院|要不要看医生|要去看医生吗|需要看医生吗|要看医生吗|该去看医生吗|(?<![a-z])(?:should i (?:see|go to|call) (?:a |the |my )?(?:doctor|gp|dr|er|hospital|a ?& ?e)|do i need (?:a|to see a) doctor)(?![a-z])/;
const doctorAskedOfSkin = (n: string): boolean => SEE_DOCTOR.test(n) && (SKIN.test(n) || SYMPTOM.test(n)) && !SUPPOSED.test(n) && !NOT_A_REPORT.test(n);
/** The face swelling and the breath short together ("现在脸也有点肿了 喘气有点闷": a Guangzhou shop, forty-first session, a plain hand-over). */
// Not 胸 ("胸围也变紧了" is a bra's fit: found in review).
const FACE_AND_BREATH = /(?:脸|嘴唇|眼睛|眼皮)[^，,。]{0,4}肿[^。]{0,12}(?:喘气|呼吸)[^，,。]{0,4}(?:闷|急|困难|不畅|紧)|(?:喘气|呼吸)[^，,。]{0,4}(?:闷|急|困难|不畅|紧)[^。]{0,12}(?:脸|嘴唇|眼睛|眼皮)[^，,。]{0,4}肿/;

/**
 * A child's face or eyes swelling after eating ("你们的麻辣花生…我娃儿吃了几颗嘴巴周围起红疙瘩 脸有点肿 咋个办": a Chengdu shop, forty-fourth
 * session, told "if it gets severe, e.g. the face swelling"): an allergy's danger now, as the emergency's own words say.
 */
const FACE_SWELLS = /(?:脸|脸上|眼睛|眼皮)(?:周围)?(?:都|也|一下子?|有点|有些|开始)?(?:肿起来|肿了|肿)|(?<![a-z])(?:face|eyes?|eyelids?) (?:is |are |went |got |getting |started )?(?:a bit |a little |kinda |all |really )?(?:swelling|swollen|puffing up)(?![a-z])/;
const EATEN = /吃了|喝了|吃完|吃过|(?<![a-z])(?:ate|eaten|eating|after (?:eating|having|drinking))(?![a-z])/;
const childFaceSwells = (n: string): boolean => FACE_SWELLS.test(n) && CHILD_OR_PET.test(n) && EATEN.test(n) && !SUPPOSED.test(n) && !swallowFeared(n);

/** A knock to the head and a sign of a head injury after it (vomiting, drowsy, confused): the emergency (found from outside, a Toronto furniture shop). */
const HEAD_KNOCK = /(?:撞到|磕到|砸到|碰到|摔到|撞了|磕了)[^，,。？?]{0,3}头|头[^，,。？?]{0,3}(?:撞|磕|砸)(?:到|了)|(?:摔倒|摔了|跌倒|摔下来)[^。？?]{0,6}头[^，,。？?没不]{0,3}(?:流血|出血|破)|(?<![a-z])(?:(?:hit|bumped|banged|knocked|smacked) (?:his|her|their|my) head|head injury|bump on (?:his|her|their) head|fell\b[^.?!]{0,40}\b(?:his|her|their|my) head (?:is )?(?:bleeding|cut|split))(?![a-z])/;
// Or bleeding ("我奶奶摔倒了 头流血", "my grandmother fell and her head is bleeding": found in review, read nowhere).
// Cantonese 嘔 and 眼瞓 as the normaliser leaves them ("撞到頭，之後嘔咗兩次，而家好眼瞓": the third development danger set, forty-ninth session).
const HEAD_SIGNS = /吐|呕|嗜睡|想睡|犯困|眼瞓|昏昏|叫不醒|晕|迷糊|流血|出血|(?<![a-z])(?:threw up|throw(?:ing|s)? up|vomit\w*|sleepy|drowsy|dizzy|confused|passed out|unconscious|knocked out|(?:won'?t|will not) wake|bleed\w*)(?![a-z])/;
// Signs said to be absent are none ("not vomiting, not sleepy", "没有吐 也不晕"), nor 吐槽, nor a wall banged in frustration (found in review).
const SIGNS_DENIED = /(?:没有?|不|没再|冇)(?:吐|呕|晕|想睡|犯困|眼瞓|呕吐|流血|出血)|吐槽|(?<![a-z])(?:not|no|(?:isn'?t|is not)|(?:wasn'?t|was not)|without|(?:hasn'?t|has not)|(?:didn'?t|did not)) (?:\w+ )?(?:vomit\w*|throw(?:ing)? up|threw up|sleepy|drowsy|dizzy|confused|passed out|bleed\w*)(?![a-z])/g;
// A pet's head is the vet's; a little bleeding asked with plasters is first aid ("my dog fell… his head is bleeding", "bleeding a bit, do you sell plasters?": found in review).
// A pet's own knock with its signs is the vet's at once ("my dog fell down the stairs and his head is bleeding": found in review).
const petHeadInjury = (n: string): boolean => PET.test(n) && HEAD_KNOCK.test(n) && HEAD_SIGNS.test(n.replace(SIGNS_DENIED, ' ')) && !SUPPOSED.test(n) && !JOKE.test(n);
export const headKnockSigns = (n: string): boolean => !/狗|猫|(?<![a-z])(?:dog|cat|puppy|kitten)(?![a-z])|(?:一点|一点点|a (?:bit|little))[^，,。？?]{0,4}(?:血|bleed)|(?:流了?|bleeding) (?:a (?:bit|little))|创可贴|(?<![a-z])plasters?(?![a-z])/.test(n) && HEAD_KNOCK.test(n) && HEAD_SIGNS.test(n.replace(SIGNS_DENIED, ' ')) && !SUPPOSED.test(n) && !JOKE.test(n) && !/(?<![a-z])against (?:the|a) wall(?![a-z])/.test(n);

export type HealthQuestion = 'advice' | 'reaction' | 'emergency' | 'pet';

/** What skin shows after something put on it. */
// Not peeling or pimples alone: goods peel ("the phone case is peeling", "沙发套脱皮"), and 长痘 is a skin type asked about (found in review).
// Eyes swelling shut, blisters on the face ("now my face is like burning and swollen around my eyes", "a bad sunburn w blisters on my cheeks"
// after an acid toner: a Los Angeles shop, forty-fifth session, "did you mean the shade finder?").
const SKIN = /(?<![a-z])(?:swollen around (?:my|her|his) eyes|(?:eyes?|eyelids?|face) (?:is |are |r |getting |so |all )*(?:puff\w*|swell\w*|swollen)|hard to open (?:my|her|his) (?:left |right )?eye|blisters? on (?:my|her|his) (?:face|cheeks?|skin|lips?|forehead|nose)|sunburn\w* (?:w|with) blisters?)(?![a-z])|红疹|起疹|疹子|红疙瘩|起了?(?:一片|好多|一些|一堆)疙瘩|风团|荨麻疹|过敏|红肿|又红又肿|又痒又痛|好痒|很痒|发痒|痒死|痒到不行|痒得不行|(?:脸|皮肤|身上|手|脖子|背)[^，,。？?]{0,6}红了一(?:小)?(?:片|块)|(?:脸|皮肤)(?:有点|有些|好|很)刺(?!激)|(?:脸|皮肤|眼睛|眼皮|眼周|嘴唇|头皮)(?:周围|上)?(?:都|就|全|有点|一直|好|很|变得?|还是很?)?(?:红了|红红|肿|痒|刺痛|烂|脱皮)|刺痛|灼热|爆痘了|长痘了|(?<![a-z])(?:rash|hives|broke out|breaking out|red and (?:swollen|itchy|sore|burning)|(?:itchy|swollen|stinging|burning|red) (?:face|skin|eyes?|lips?|scalp|hands?)|(?:face|skin|eyes?|lips?|scalp|hands?|neck|arms?|my feet|my foot|my toes) (?:is |are |went |got |turned |started |go |goes |gone |going |feels? |n go |and go )?(?:still )?(?:all |so |really |very |a bit |literally )?(?:red|swollen|burning|itchy|itching|stinging|sting|peeling|blotchy)|hives (?:all )?(?:over|on)|(?:keeps?|keep on|(?:won'?t|will not) stop) scratching)(?![a-z])/;
/** Put on the skin, or the goods named as the cause: "搽完…之后", "用完", "令我起疹", "after using it", "after the retinal cream" (an Irish shop, thirty-second round). */
// Cantonese and "once" too: "我系用咗一次就过敏啊，塊面又紅又腫" (a Guangzhou shop, thirty-seventh session: the returns entry offered).
// "used the retinol 1% serum last night", "i used the aha toner and then…" (a Los Angeles shop, forty-fifth session).
const TOPICAL = /换了[^，,。？?]{0,10}(?:才|就)|用了(?:你们家?|你家)的?[^，,。？?]{0,8}[，,]|(?<![a-z])(?:since then|switched to|(?<!(?:cold|weather|wind|winter|heat|sun|sunshine) is )(?:making|made|makes) (?:my |his |her )?(?:hands?|scalp|skin|face|neck|arms?))(?![a-z])|(?<![a-z])(?:used|applied|tried|put on) (?:the|my|your|this|that) [a-z0-9%. ]{0,30}(?:serum|cream|retinol|toner|acid|peel|mask|lotion|oil|exfoliant|aha|bha)\b|涂了|涂完|抹了|抹完|擦了|擦完|敷了|敷完|穿上|用了[^，,。？?]{0,8}(?:之后|以后|后)|穿了(?:你们|你家|你們)|穿了(?:以后|之后|就)|用完|用了(?:之后|以后|后)|(?:用|搽|涂|擦|敷|抹)(?:了|咗|过)(?:一次|两次|几次|一下|一点)?就|搽咗|涂咗|敷咗|(?:令|让|害|搞到|弄得)(?:我|到我)|(?<![a-z])(?:after (?:using|applying|putting)|since (?:using|applying|wearing)|(?:it|this|the \w+) (?:made|gave) me|(?:made|makes|make) my (?:face|skin|eyes|lips))(?![a-z])|(?<![a-z])(?:used|applied|tried|put) (?:it|them|some)(?: on(?: my [a-z]+)?)?,? (?:and|then|now)(?![a-z])|(?<![a-z])(?:(?:after|since) (?:the|that|this|your|my|using the|using my) (?:[a-z]+ ){0,3}(?:cream|serum|cleanser|lotion|toner|mask|oil|gel|sunscreen|moisturi[sz]er|balm|peel|product|wash|shampoo|conditioner)|i (?:used|applied|put on|tried) (?:the|that|this|your|my|some) (?:[a-z]+ ){0,4}(?:and|then|now))(?![a-z])/;
/** A return asked beside it: the goods' trouble, as before ("用了两片就起红疹子了，没开的那包能不能退"). */
const RETURN_ASKED = /能不能退|可不可以退|可以退|能退|退货|退款|退吗|退不|换货|换一|保修|保固|理赔|(?<![a-z])(?:refund|return|exchange|warranty|claim)(?![a-z])/;
/**
 * Skin that reacts to what was put on it ("但係佢令我起晒紅疹 好痕", "我塊面搽完卸妝水之後又紅又腫 好痛 點算好"):
 * a reaction, told to stop and get help, ahead in the queue (found from outside, a cosmetics shop: "did you mean" or
 * "not understood"). Not asked beforehand, whether it is normal, or beside a return asked.
 */
/** A colour put on on purpose ("my lips are so red, the colour is gorgeous", a self-tan's shade): no reaction (found in review). */
const COLOUR_MEANT = /(?<![a-z])(?:colou?r|shade|tint|tinted|tan|gorgeous|love it|beautiful|pretty|lipstick|blush)(?![a-z])|颜色|色号|口红|腮红|好看/;
/**
 * The face or the eyes still red, stinging or swollen, with help asked or an allergy said ("可是現在臉還是很刺痛 紅紅一片 我該怎麼辦",
 * "我是說我現在過敏了 臉好痛", "臉現在還是又紅又腫": a Taipei shop, forty-fourth session, offered "敏感肌可以用嗎？" or nothing):
 * a reaction though the goods are not named again.
 */
const SKIN_NOW = /(?:脸|皮肤|眼睛|眼皮|眼周|嘴唇)[^，,。？?]{0,6}(?:刺痛|红肿|又红又肿|肿|痒|好痛|很痛)/;
const SKIN_HELP = /怎么办|咋办|该怎么办|(?:现在|已经|我)过敏了|(?:现在|还是|还在)[^，,。？?]{0,4}(?:又红又肿|红肿|肿)|(?<![a-z])what (?:do|should|can) i do(?![a-z])/;
/** Shopping for the skin, not a reaction ("眼睛周围一直有点肿 该怎么办 眼霜推荐哪款", "该怎么保养 推荐什么面霜": found in review). */
// Or for the better since ("switched to your non-bio detergent because my son's skin went red with the old one, it's been great": found in review).
const SKIN_SHOPPING = /推荐|怎么选|选哪|哪款|哪个好|怎么保养|平时|掉色|(?<![a-z])(?:recommend|which (?:one|cream|serum|product)|which [a-z ]{0,15}(?:cream|serum|lotion|one) is (?:best|better)|best for|with the old one|(?:has|it'?s|it is|its|it has) been (?:great|good|fine|much better))(?![a-z])/;
const skinNow = (n: string): boolean => SKIN_NOW.test(n) && SKIN_HELP.test(n) && !SUPPOSED.test(n) && !HABITUALLY.test(n) && !NOT_A_REPORT.test(n) && !COLOUR_MEANT.test(n) && !SKIN_SHOPPING.test(n);
/**
 * Skin blistered or burnt by what was put on it, whether or not "is this normal?" is asked ("用你們的果酸換膚精華 敷太久結果臉頰起水泡還
 * 脫皮 刺刺熱熱的 這樣正常嗎", "就是被果酸灼傷了啦 起水泡": a Taipei shop, fiftieth session, "not understood" and a returns entry).
 */
// Blisters (水泡), not foam (起泡: "泡泡面膜…一直起泡", found in review); a face cream too ("塊面起晒水泡").
const CHEMICAL_BURN = /(?:果酸|刷酸|换肤|精华|面膜|面霜|乳液|祛痘|染发|脱毛|酸类)[^。？?]{0,24}(?:起(?:了|晒)?(?:好多|很多|一些|几个|一片)?水泡|灼伤|烧伤|烧脸|烂脸)|(?:灼伤|烧伤|起了?水泡)[^。？?]{0,12}(?:果酸|刷酸|换肤)|(?<![a-z])(?:chemical burn|(?:peel|acid|aha|bha|serum|retinol|hair dye|depilatory|hair removal cream)\b[^.?!]{0,40}\bblister\w*)(?![a-z])/;
/** Asked beforehand, denied, better now, or another brand's another time ("终于不烂脸了 回购", "以前用别家的果酸烂脸了": found in review). */
const NO_BURN_NOW = /会不会|会起|怕|担心|万一|不烂脸|没(?:有)?(?:起水泡|烂脸|灼伤)|不(?:再)?起水泡|回购|以前|之前|别家|其他牌子|别的牌子|(?<![a-z])(?:no blisters?|without (?:any )?blisters?|love it|another brand|other brands?|used to|last year|my friend|(?:will|could|can|would|does|do|might) (?:it|this|that|they|these|the [a-z]+))(?![a-z])/;
const chemicalBurn = (n: string): boolean => CHEMICAL_BURN.test(n) && !SUPPOSED.test(n) && !NO_BURN_NOW.test(n);
/** Skin reacting where the goods were worn ("wore it 2 hours and now my wrist red, itchy n swelling like blister": a Kuala Lumpur shop, fiftieth session, "not sure"). */
const WORN_REACTS = /(?:戴了|穿了)[^。？?]{0,12}(?:手腕|皮肤|脖子|耳朵|耳垂|手指|身上|后背)[^。？?]{0,8}(?:红肿|发红|好痒|很痒|起泡|起疹|红疹|疹子|肿了)|(?<![a-z])(?:wore|wearing|worn|put (?:it|them) on)\b[^.?!]{0,40}\b(?:wrist|skin|neck|ears?|earlobes?|finger)\b[^.?!]{0,20}\b(?:red|itchy|rash|swell\w*|swollen|blister\w*|hives|burning)(?![a-z])/;
const wornReacts = (n: string): boolean => WORN_REACTS.test(n) && !SUPPOSED.test(n) && !NO_BURN_NOW.test(n) && !/晒伤|晒红|晒黑|(?<![a-z])(?:sunburn\w*|sun ?burnt|tan lines?|lol|haha)(?![a-z])/.test(n);
const skinReacts = (n: string): boolean =>
  (TOPICAL.test(n) || SKIN_PRODUCT.test(n)) && SKIN.test(n) && !RETURN_ASKED.test(n) && (!ASKS_NORMAL.test(n) || LASTS.test(n)) && !NOT_A_REPORT.test(n) && !SUPPOSED.test(n) && !HABITUALLY.test(n) && !COLOUR_MEANT.test(n) && !SKIN_SHOPPING.test(n) && (TOPICAL.test(n) || LASTS.test(n));
/**
 * Skin still hurting days on, or the buyer afraid ("my face is still burning and peeling… 3 days after i stopped the retinol, is
 * that normal?? kinda scared": a New York shop, thirty-eighth session, "not sure"): a reaction though asked whether it is normal.
 */
const LASTS = /好几天|几天了|\d+\s*天了|一直|越来越|还在|吓死|害怕|(?<![a-z])(?:still|\d+ days|for days|getting worse|worse|scared|afraid|worried)(?![a-z])/;
// Shampoo and laundry too ("scalp itchy af after the shampoo", "since then my son's had hives" after a washing powder, "换了你们家的洗衣液才三天…风团":
// the third development danger set, forty-ninth session).
const SKIN_PRODUCT = /面霜|眼霜|乳霜|精华|乳液|面膜|爽肤水|化妆水|洗面奶|卸妆|粉底|保养品|护肤品|安瓶|防晒|洗发水|洗发精|洗衣液|洗衣粉|柔顺剂|凝珠|(?<![a-z])(?:retin(?:ol|al|oid)s?|acids?|peels?|creams?|serums?|cleansers?|lotions?|toners?|masks?|sunscreens?|moisturi[sz]ers?|shampoos?|conditioners?|washing powder|laundry (?:liquid|powder|pods?|detergent)|detergents?|fabric softener|non-bio|bio)(?![a-z])/;
/** Asked before buying, or how the skin usually is ("适合容易长痘的皮肤吗", "i get hives easily after using new products"). */
const HABITUALLY = /适合|容易|会不会|能不能用|可以用吗|敏感肌|有没有|(?<![a-z])(?:suitable|good for|safe for|easily|prone|usually|always|sensitive skin|help with|helps with|help for|do you have|is (?:it|this) safe)(?![a-z])/;

/** An animal kept at home, fish and birds too. */
// Not fish or 鱼 alone, which are also eaten ("吃了你们的鱼以后拉肚子" is the buyer's own stomach).
const ANIMAL = /猫(?!眼|耳朵)|(?<!热)狗|宠物|金鱼|热带鱼|孔雀鱼|斗鱼|小鱼儿|仓鼠|兔子|鹦鹉|(?<![a-z])(?:cats?|(?<!hot )dogs?|pets?|pupp(?:y|ies)|kittens?|tetras?|bettas?|gupp(?:y|ies)|goldfish|(?:my|the|our) fish (?:is|are|look|looks|seem|seems|keep|keeps)|hamsters?|rabbits?|bunn(?:y|ies)|parrots?|budgies?|gato|perro)(?![a-z])/;
/** What an animal's body shows when it is unwell. */
// Not a pet that will not eat the food alone: a picky eater is the goods' question, often with a return asked (found in review).
// 脱水 of the animal only: 脱水鸡肉干 is a treat (found in review).
const PET_SYMPTOM = /呕吐|一直吐|吐了|在吐|拉稀|拉肚子|腹泻|软便|拉脱水|脱水了|严重脱水|抽搐|便血|没精神|精神不好|蔫了|生病了|病了|(?<![a-z])(?:vomit\w*|throw(?:ing)? up|threw up|diarrh\w*|loose stools?|bloody (?:stools?|poop)|blood in (?:his|her|its|their|the) (?:poop|stool|vomit|pee|urine)|lethargic|(?:is|got|gotten|been|looks?|seems?|getting|became) (?:so |very |really |kinda |pretty )?sick|floating (?:sideways|upside down|on (?:its|their) sides?)|gasping at the (?:top|surface))(?![a-z])/;
/** Tied to the goods, or help asked now: "after eating the new food", "换了你们的粮以后", "what do i do". */
// "猫拉稀三天了 还吃你家猫粮吃的", "猫都拉脱水了" (a Harbin pet shop, thirty-third session: "not sure").
const PET_CAUSE = /吃了|喂了|换了|自从|以后|之后|怎么办|急|吃(?:的)?(?:你家|你们家|你们的|你家的)|(?<![a-z])(?:after (?:eating|switching|changing|starting|using|we (?:switched|changed|started))|since (?:eating|switching|changing|starting|we|i (?:started|switched|changed|gave))|(?:the|this|that|your|new) (?:food|kibble|treats?|chews?|litter|bag)|(?:ate|eaten|chewed) (?:the|your|a|some) |what (?:do|should|can) i do|help)(?![a-z])/;
/**
 * A pet's skin or nerves reacting to what was put on it ("滴完大宠爱狗狗一直挠 后颈那里红了一片 还掉毛 正常吗": a Guangzhou pet shop,
 * forty-fifth session, "not sure" and a plain place in the queue): the vet's, "is it normal" too.
 */
const PET_SKIN = /一直挠|一直抓|抓挠|挠个不停|红了一片|红肿|发红|掉毛|起疹|起红疹|流口水|发抖|抽搐|(?<![a-z])(?:scratch\w* (?:like mad|non-?stop|constantly|all the time)|(?:skin|neck|back|ears?|belly) (?:is |are |went |gone |turned )?(?:all |really |very )?(?:red|inflamed|raw|irritated)|losing (?:fur|hair)|(?:fur|hair) (?:is )?(?:falling|coming) out|drool\w*|trembl\w*|shaking|twitch\w*)(?![a-z])/;
// Applied already, not a product asked about ("狗狗掉毛严重 大宠爱能治吗", "which flea treatment do you recommend?": found in review).
const PET_APPLIED = /滴完|滴了|涂了|涂完|抹了|喷了|(?:用了|戴了|戴上)[^，,。]{0,8}(?:驱虫|滴剂|药|沐浴露|香波|喷剂|项圈)|(?<![a-z])(?:after (?:applying|putting on|using|the (?:spot-?on|flea|tick))|since (?:the|we|i) (?:applied|put|used|started)|(?:applied|put on|used) (?:the |a |his |her |its )?(?:spot-?on|flea|tick|frontline|advantage|advantix|revolution|seresto|collar)|(?:applied|put|used) (?:some |a bit |a little |a drop |a few drops )?(?:of )?(?:the |his |her |its |my |our |a )?(?:dog'?s? |dogs )?(?:spot-?on|flea|tick|frontline|advantage|advantix|revolution|bravecto|nexgard|seresto)\b[^.?!]{0,30}\bon (?:my |the |our |her |his )?(?:cat|kitten|dog|puppy|pup|bunny|rabbit))(?![a-z])/;
const PET_PRODUCT_ASKED = /能治吗|能不能治|哪款|哪个|推荐|适合|梳|刷|猫抓板|不掉毛|掉毛少|好评|喜欢|很顺|(?<![a-z])(?:which|recommend|would (?:a|the|it) [a-z ]{0,20}help|should i (?:buy|get|use))(?![a-z])/;
const petSkinReacts = (n: string): boolean =>
  ANIMAL.test(n) && PET_SKIN.test(n) && PET_APPLIED.test(n) && !PET_PRODUCT_ASKED.test(n) && !SUPPOSED.test(n) && !BEFOREHAND.test(n) && !NOT_A_REPORT.test(n) && !PERSON_UNWELL.test(n);
/**
 * A pet unwell after the goods, or in need now ("my cat is vomiting after eating the new food", "2 of them look
 * sick, floating sideways. what do i do" of the tetras just talked of): the vet first, a person ahead in the queue, as promised (found from
 * outside, a pet shop: offered the returns entry). Not asked beforehand or whether it is normal ("is it normal
 * for my cat to throw up after switching food" is the shop's question).
 */
const petUnwell = (n: string, goods?: string): boolean =>
  petSkinReacts(n) ||
  (!foodChangeAsked(n) &&
  ((ANIMAL.test(n) || (goods !== undefined && ANIMAL.test(goods.toLowerCase()))) && PET_SYMPTOM.test(n) && PET_CAUSE.test(n) && !SUPPOSED.test(n) && !ASKS_NORMAL.test(n) && !NOT_A_REPORT.test(n) && !BEFOREHAND.test(n) &&
    !RETURN_ASKED.test(n) && !ASKS_WHICH.test(n) && !PERSON_UNWELL.test(n)));
/**
 * How to get through a change of food that upsets the stomach ("换新猫粮软便怎么办", "换粮的时候狗狗拉稀了咋办", "my dog has loose
 * stools while switching foods, what do i do"): the shop's own question of care (a pet shop's FAQ entry, asked word for word, was
 * given the vet's advice and a person). Only a mild stomach, asked how, nothing worse nor lasting beside it.
 */
const FOOD_CHANGE = /换(?:新)?(?:猫|狗)?(?:粮|梁|食|口粮)|换了?(?:新)?(?:的)?(?:猫|狗)?粮|过渡期|(?<![a-z])(?:switch\w* (?:foods?|kibble|diets?|brands?|over)|chang\w* (?:foods?|kibble|diets?|brands?)|transition\w*|new (?:food|kibble|diet))(?![a-z])/;
const MILD_STOMACH = /软便|拉稀|拉肚子|闹肚子|腹泻|便便(?:有点)?软|(?<![a-z])(?:loose|soft|runny|mushy) (?:stools?|poop|poo|poos)|diarrh\w*|upset (?:stomach|tummy)(?![a-z])/;
const WORSE_OR_LASTING = /吐|血|没精神|精神不好|蔫|抽搐|脱水|不吃|一直|好几天|几天了|\d+\s*天|越来越|(?<![a-z])(?:vomit\w*|throw\w* up|threw up|blood\w*|letharg\w*|listless|dehydrat\w*|(?:won'?t|will not) eat|not eating|still|days|weeks?|worse|sick)(?![a-z])/;
const ASKS_HOW = /怎么办|咋办|咋整|怎么弄|怎么处理|要注意|注意什么|注意啥|(?<![a-z])(?:what (?:do|should|can) i do|what to do|how (?:do|should|can) i|how to|any tips|tips)(?![a-z])/;
const foodChangeAsked = (n: string): boolean => FOOD_CHANGE.test(n) && MILD_STOMACH.test(n) && ASKS_HOW.test(n) && !WORSE_OR_LASTING.test(n);
/**
 * A return asked beside it ("my cat won't eat the new food, can i return it?"), goods asked for ("which food is good for a cat
 * that vomits"), or a person unwell ("my son threw up after eating the new cat treats", "hot dog made me throw up"): no vet (found in review).
 */
const ASKS_WHICH = /推荐|哪种|哪款|哪个牌子|适合|有没有[^，,。？?]{0,8}(?:粮|食)|(?<![a-z])(?:which|recommend\w*|suggest\w*|good for|best for|suitable for|do you (?:have|sell|carry)|choosing|choose)(?![a-z])/;
const PERSON_UNWELL = /孩子|宝宝|儿子|女儿|老公|老婆|我(?:吃|喝)了|(?<![a-z])(?:my (?:son|daughter|kids?|child|children|baby|husband|wife|mom|mum|dad|mother|father|partner|boyfriend|girlfriend)|(?:made|makes|making|gave) me|i (?:threw up|vomited|was sick|got sick|feel|felt|have been|had))(?![a-z])/;

const namesMedicine = (s: string): boolean => MEDICINE.test(s) && !NOT_MEDICINE.test(s);

/**
 * A question of health the robot must not answer, or undefined. `goods`: the order the conversation
 * is about ("吃了以后头晕" after the insulin's parcel names no medicine itself; found in review).
 */
export function healthAsked(normalized: string, goods?: string): HealthQuestion | undefined {
  const n = normalized;
  // A pet's too: the reply says to call the vet. "会不会有事" after a report is still the report (found in review).
  const over = overNow(n);
  if (!over && (emergency(n) || childUnwellNow(n))) return 'emergency';
  if (!over && mouthSwells(n)) return 'reaction';
  // The goods just talked of may be the animal ("2 of them look sick" after the tetras' parcel).
  if (petUnwell(n, goods)) return 'pet';
  if (PET.test(n)) return undefined;
  const said = namesMedicine(n);
  // The order's medicine counts only for what is taken: "快递这么慢 真恶心", "我拉肚子了 能快点送吗" are no reaction to it (found in review).
  const ordered = goods !== undefined && namesMedicine(goods.toLowerCase());
  const taken = TAKEN.test(n);
  const symptom = SYMPTOM.test(n) && !NOT_A_REPORT.test(n) && !(ALLERGY_BEFORE.test(n) && !(taken && SHOWN.test(n)));
  if (symptom && !over && (said || (taken && (SEVERE.test(n) || (ordered && !/恶心/.test(n)))))) return 'reaction';
  // Food eaten or cooked and a stomach or a rash now ("my wife already cooked some of that chicken breast… now she has stomach cramps
  // and vomiting": a Toronto grocery, thirty-ninth session, "not sure").
  // A refund asked beside it is the refund ("我吃了你们家的零食拉肚子了，要退款").
  if (symptom && FOOD.test(n) && !LONG_AGO.test(n) && (taken || POISONED.test(n) || /(?<![a-z])(?:cooked|eaten|eating|had some)(?![a-z])|煮了|做了/.test(n)) && !PET.test(n) && (!RETURN_ASKED.test(n) || SEVERE.test(n) || ILL_NOW.test(n)) && !SPICY_TALK.test(n) && !JOKE.test(n)) return 'reaction';
  // Spoiled food eaten and the stomach now ("鲜花饼…长毛了…我吃进去了 肚子有点不舒服": a Kunming shop, thirty-ninth session, the wilted-flowers entry).
  if (symptom && taken && SPOILED_FOOD.test(n)) return 'reaction';
  if (!over && offAndFelt(n)) return 'reaction';
  if (!over && (babyUnwell(n, taken) || skinReacts(n) || doctorAskedOfSkin(n) || skinNow(n) || chemicalBurn(n) || wornReacts(n))) return 'reaction';
  if ((DOSE.test(n) && (said || ordered)) || DOSE_ALONE.test(n) || (GIVE_CHILD.test(n) && (said || ordered))) return 'advice';
  // Whether a child may eat it is a medical question of medicine only: "你们的水果打药吗 小孩能吃吗" is the shop's (found from outside); pregnancy stays one.
  if (PREGNANT_OK.test(n) && CONSUMED.test(n)) return 'advice';
  return (WHO_MAY.test(n) || INTERACTION_ASKED.test(n)) && (said || ordered || MEDICAL.test(n)) ? 'advice' : undefined;
}

/**
 * A taste or a smell that should not be there, drunk or eaten, and the body now ("那个杯子泡出来的水有股油漆味 我喝了以后嗓子疼 是不是有毒啊":
 * a Hangzhou tea shop, forty-fifth session, "your message is kept" in the queue): stop, and a doctor if it grows.
 */
const OFF_TASTE = /油漆味|化学味|胶水味|塑料味|怪味|异味|药味|有毒|中毒|(?<![a-z])(?:chemical (?:taste|smell)|tastes? (?:of|like) (?:paint|chemicals?|plastic|glue|soap)|poison\w*|toxic)(?![a-z])/;
// Not ginger's or spirits' heat ("姜茶…喝了嗓子辣辣的": found in review).
const FELT_AFTER = /(?:喝了|吃了|用了)[^。？?]{0,8}(?:嗓子|喉咙|肚子|胃|头|嘴|舌头)[^，,。？?]{0,3}(?<![也不没])(?:疼|痛|不舒服|难受|晕|麻|(?<!姜[^。？?]{0,20}|酒[^。？?]{0,20})辣|火辣辣)|(?<![a-z])(?:(?:drank|drunk|ate|eaten|had)\b[^.?!]{0,30}\b(?:throat|stomach|tummy|belly|head|mouth|tongue) (?:is |feels |went |has gone )?(?:sore|burning|hurts?|aching|numb|tingling|upset))(?![a-z])/;
/** Denied, praised, spicy or joked ("好评 一点异味都没有 吃了以后胃也不难受", "the hot sauce is poison lol": found in review). */
const OFF_DENIED = /一点异味都没|异味都没|也不(?:疼|痛|难受|晕)|好评|(?<!本来|以前|之前|本来挺|以前挺)(?:很|挺|真)好(?:喝|吃)(?:的)?\s*$|辣条|辣椒|麻辣|(?<![a-z])(?:not (?:sore|upset)|lol|hot sauce|chilli|chili|spicy)(?![a-z])|^(?:没有?异味|no (?:smell|taste))[\s,，.。!！]*$/;
const offAndFelt = (n: string): boolean => OFF_TASTE.test(n) && FELT_AFTER.test(n) && !OFF_DENIED.test(n) && !SUPPOSED.test(n) && !NOT_A_REPORT.test(n) && !PET.test(n);

/**
 * "Is the Darjeeling ok for someone who's pregnant?" of what is drunk or eaten (a Bristol shop,
 * thirty-fifth session: the caffeine entry, which opens "Yes."); not of a dress.
 */
const PREGNANT_OK = /(?<![a-z])(?:ok|okay|safe|fine|alright|suitable) (?:for|during|in) (?:someone (?:who'?s|who is) |a |my |the |early )?(?:pregnan\w*|breastfeeding)(?![a-z])/;
const CONSUMED = /茶|咖啡|吃|喝|(?<![a-z])(?:teas?|coffees?|caffeine|decaf|drink\w*|eat\w*|food|snacks?|herbal|infusions?|supplements?|vitamins?)(?![a-z])/;
