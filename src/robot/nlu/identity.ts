/**
 * "Are you a bot?", "你是真人吗": the buyer asks who is answering. Development sets written by
 * people who never saw the code label these `unknown` (chit-chat), not a request for a person;
 * the robot answers them itself, honestly, and says how to reach a person (dialogue.ts).
 */
// "你叫什么名字", "what's your name", "who are you" ask who answers too (found from outside: "没太理解").
const ZH = /(?:你|您)(?:是不是|是|到底是)(?:个|一个)?(?:真人|活人|机器人?|人工智能|ai|智能客服|自动回复)|是真人(?:吗|嘛|么|马|还是)|是机器人?(?:吗|嘛|么|吧|啊)|(?:你|您)是?(?:叫什么|叫啥|谁|哪位)|(?:你|您)的名字/i;
const EN = /\b(?:are|r)\s+(?:you|u)\s+(?:like\s+|even\s+|actually\s+)?(?:a\s+|an\s+)?(?:real\s+(?:person|human)|human|person|bot|robot|ai|computer|machine)\b|\bis\s+this\s+(?:a\s+)?(?:bot|robot|real\s+person|human|automated)\b|\bam\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+(?:a\s+)?(?:bot|robot|real\s+person|human|machine|computer)\b|\bwhat(?:'s|\s+is)\s+your\s+name\b|\bwho\s+(?:are|r)\s+(?:you|u)\s*[?!.？！。]*\s*$/i;

/**
 * Small talk no shop answers: a joke, the weather, the robot's age or lunch. Asked of the robot
 * after the shop's FAQ found nothing, it gets a friendly word on what the robot does, and is no
 * failure to understand: two of those handed a buyer who asked for a joke to a person (found from
 * outside).
 */
const SMALL_TALK_ZH = /讲个笑话|说个笑话|来个笑话|笑话|段子|天气(?:怎么样|如何|好吗|预报)|(?:会|要)下(?:雨|雪)吗|你几岁|你多大了|你吃饭了|吃了吗|好无聊|陪我聊|聊聊天|唱首歌|你是男的还是女的|你有(?:男|女)朋友吗|你住哪/;
const SMALL_TALK_EN = /\b(?:tell me a joke|a joke|jokes|what'?s the weather|weather (?:today|tomorrow|like)|how old are (?:you|u)|how are (?:you|u)(?: doing| today)?\s*[?!.]*$|how r u\b|i'?m bored|chat with me|sing (?:me )?a song|are (?:you|u) (?:single|married))/i;
/** Words that make a message about the goods or an order, not small talk ("这把伞下雨天能用吗"). */
const ABOUT_GOODS = /这[把个件款双台只]|能用|防水|测|订单|快递|物流|发货|退|换|买|(?<![a-z])(?:this|the|your|my|order|parcel|package|ship|jacket|resistance|delay)(?![a-z])/i;

/** Short, and about nothing the shop sells or did: a joke, the weather, the robot's age. */
export function isSmallTalk(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (t.length > 30 || ABOUT_GOODS.test(t)) return false;
  return SMALL_TALK_ZH.test(t) || SMALL_TALK_EN.test(t);
}

/** Whether the message asks if a person or a program is answering. */
export function asksWhoAnswers(text: string): boolean {
  return ZH.test(text) || EN.test(text);
}
