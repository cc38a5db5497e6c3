import { DECORATION } from './normalize.ts';
import { foldTraditional } from '../lexicon/index.ts';

/**
 * "Are you a bot?", "你是真人吗": the buyer asks who is answering. Development sets written by
 * people who never saw the code label these `unknown` (chit-chat), not a request for a person;
 * the robot answers them itself, honestly, and says how to reach a person (dialogue.ts).
 */
// "你叫什么名字", "what's your name", "who are you" ask who answers too (found from outside: "没太理解").
// Cantonese too: "你係咪機械人" (found from outside: asked whether a person was wanted).
const ZH = /(?:你|您)们?(?:是不是|是|到底是|系咪|系唔系)(?:个|一个)?(?:真人|活人|机器人|机械人|机器(?=[吗吧啊么呀]|$)|人工智能|ai(?![a-z]|生成|画|做|写|修)|智能客服|自动回复)|是真人(?:吗|嘛|么|马|还是)|是机[器械]人?(?:吗|嘛|么|吧|啊|喔|哦)|(?:你们|你|您)(?:的|家)?客服是(?:不是)?(?:个|一个)?(?:真人|机器人|机械人|ai(?![a-z]))|(?:你|您)是?(?:叫什么|叫啥|谁|哪位)|(?:你|您)的名字/i;
// Singapore's "u bot is it" (a Singapore hobby shop, forty-ninth session: asked whether a person was wanted).
const EN = /\b(?:are|r)\s+(?:you|u)\s+(?:like\s+|even\s+|actually\s+)?(?:a\s+|an\s+)?(?:real\s+(?:person|human)|human|person|bot|robot|ai|computer|machine)\b|\bis\s+this\s+(?:just\s+|only\s+|really\s+|even\s+)?(?:a\s+)?(?:bot|robot|real\s+person|human|automated)\b|\bam\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+(?:a\s+)?(?:bot|robot|real\s+person|human|machine|computer)\b|\bwhat(?:'s|\s+is)\s+your\s+name\b|\bwho\s+(?:are|r)\s+(?:you|u)\s*[?!.？！。]*\s*$|\b(?:you|u)\s+(?:a\s+)?(?:bot|robot|ai)\s+(?:is\s+it|isit|right|ah|issit)\b/i;

/**
 * Small talk no shop answers: a joke, the weather (where the buyer is too: "今天深圳好热啊", a Shenzhen shop, forty-eighth session,
 * was offered its shipping entry), the robot's age or lunch. Asked of the robot
 * after the shop's FAQ found nothing, it gets a friendly word on what the robot does, and is no
 * failure to understand: two of those handed a buyer who asked for a joke to a person (found from
 * outside).
 */
const SMALL_TALK_ZH = /^(?:今天|今儿|这两天|最近|这几天)?(?:我们这边|我们这里|我这边|我这里|这边|这里|外面|北京|上海|广州|深圳|杭州|成都|重庆|武汉|南京|西安|天津|苏州|长沙|郑州|东莞|佛山|厦门|福州|青岛|济南|沈阳|哈尔滨|昆明|南宁|贵阳|香港|台北|台中|高雄|澳门)?(?:今天)?(?:的)?(?:天气?)?(?:好|真|太|也太|挺|蛮|超|巨|真的|可)?(?:热|冷|闷|晒|舒服)(?:[啊呀哦喔哇了死哈嘿呵耶欸]|得很)+[\s!！。~～.…]*$|^(?:今天|今儿)?天气(?:真|好|好好|真好|不错|挺好|很好)(?:啊|呀|哦|喔|耶)?[\s!！。~～.…]*$|天气(?:咋样|怎样)|讲个笑话|说个笑话|来个笑话|笑话|段子|天气(?:怎么样|如何|好吗|预报)|(?:会|要)下(?:雨|雪)吗|你几岁|你多大了|你吃饭了|吃了吗|好无聊|陪我聊|聊聊天|唱首歌|你是男的还是女的|你有(?:男|女)朋友吗|你住哪|附近(?:有什么|有啥|哪里有|哪儿有)(?:好吃|好玩|吃的|玩的|餐厅|饭店|美食|景点)/;
const SMALL_TALK_EN = /^(?:(?:(?:it'?s|it is)|its|damn|omg|man)\s+)*(?:(?:so+|really|super|very)\s+(?:hot|cold|humid|freezing|boiling)(?:\s+(?:today|out|outside|here|af|lol|haha))*|(?:hot|cold|humid|freezing|boiling)(?:\s+(?:today|out|outside|here|af|lol|haha))+)\s*[!.?]*$|^(?:nice|lovely|great|terrible|awful)\s+weather(?:\s+today)?\s*[!.]*$|\b(?:tell me a joke|a joke|jokes|(?:what'?s|what is) the weather|weather (?:today|tomorrow|like|in)|how old are (?:you|u)|how are (?:you|u)(?: doing| today)?\s*[?!.]*$|how r u\b|(?:i'?m|i am) bored|chat with me|sing (?:me )?a song|are (?:you|u) (?:single|married))/i;
/** Words that make a message about the goods or an order, not small talk ("这把伞下雨天能用吗"). */
const ABOUT_GOODS = /这[把个件款双台只]|能用|防水|测|订单|快递|物流|发货|退|换|买|(?<![a-z])(?:this|the|your|my|order|parcel|package|ship|jacket|resistance|delay)(?![a-z])/i;

/** Short, and about nothing the shop sells or did: a joke, the weather, the robot's age. */
export function isSmallTalk(text: string): boolean {
  // Emoji off: "今天天气好热啊😂" is the remark alone. Traditional characters folded ("今天天氣好冷喔": found from outside).
  const t = foldTraditional(text.normalize('NFKC').replace(DECORATION, '').trim());
  if (t.length > 50 || ABOUT_GOODS.test(t.replace(/\bthe weather\b/gi, ' ').replace(SPORTS, ' '))) return false;
  // "今天天气好冷啊 宝宝都不愿意出门": the remark, then a word more that asks nothing (found from outside: a miss, then a hand-over at night).
  const [first = '', ...rest] = t.split(/[，,。!！~～\s]+/).filter(Boolean);
  const remarkThenMore = rest.length > 0 && SMALL_TALK_ZH.test(first) && !/[?？吗么呢]/.test(rest.join(''));
  return SMALL_TALK_ZH.test(t) || SMALL_TALK_EN.test(t) || remarkThenMore || SPORTS.test(t);
}
/** Sport on TV ("you guys watching the football tonight?", "今晚看球吗": found from outside, a hand-over at night). */
// "who won the cricket last night" (a Sydney shop, thirty-third session: a miss, then a hand-over).
const SPORTS = /看球|世界杯|欧洲杯|(?<![a-z])(?:(?:watch(?:ing)?|see|saw|catch(?:ing)?) (?:the )?(?:football|soccer|match|game|world cup|euros?|nba|f1|badminton)|who won (?:the )?(?:cricket|footy|football|soccer|match|game|rugby|tennis|grand final|origin|cup))(?![a-z])/i;

/** Whether the message asks if a person or a program is answering. */
export function asksWhoAnswers(text: string): boolean {
  // "你叫什麼名字", "你們是機器人嗎" (found from outside: not understood, then handed over).
  return ZH.test(foldTraditional(text)) || EN.test(text);
}

/**
 * Politics: whether a place is a country, parties, elections, leaders. No shop's robot takes a side
 * or answers with a shipping entry ("台湾是不是中国的" was offered "能寄到港澳台吗？": found from
 * outside, a screenshot risk for any shop); it says what it is there for. "国家补贴", "寄到台湾",
 * "Presidents' Day sale" are no politics.
 */
const POLITICS_ZH = /(?:是|算|属于)(?:不是|不算|不属于)?(?:一个|个)?(?:国家|中国的?)(?:吗|么|嘛|呢|吧)?|台独|港独|藏独|疆独|(?:要|该|会|闹)独立|大选|选举|总统|国家主席|共产党|国民党|民进党|政党|政治|六四|天安门事件|习近平|特朗普|川普|拜登|你支持谁|支持哪(?:个|一)?党/;
const POLITICS_EN = /\b(?:is\s+(?!(?:this|it|that|there|the|my|your)\b)\w+(?:\s+\w+)?\s+(?:a\s+)?(?:country|nation)(?!\s+of\b)|(?:a\s+)?part\s+of\s+china|independence|election|vote\s+for|communis[mt]|politic(?:s|al)?|trump|biden|xi\s+jinping|which\s+party)\b/i;
/** Words of the shop's business: with them the message asks the shop something ("台湾是中国的，能寄吗"). */
const SHOP_BUSINESS = /寄|发货|运费|快递|物流|订单|退|换|买|货|(?<![a-z])(?:ship|shipping|deliver|delivery|order|parcel|package|refund|return|buy)(?![a-z])/i;

export function isPolitical(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (t.length > 60 || SHOP_BUSINESS.test(t)) return false;
  return POLITICS_ZH.test(t) || POLITICS_EN.test(t);
}
