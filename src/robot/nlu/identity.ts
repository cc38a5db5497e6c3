/**
 * "Are you a bot?", "你是真人吗": the buyer asks who is answering. Development sets written by
 * people who never saw the code label these `unknown` (chit-chat), not a request for a person;
 * the robot answers them itself, honestly, and says how to reach a person (dialogue.ts).
 */
// "你叫什么名字", "what's your name", "who are you" ask who answers too (found from outside: "没太理解").
const ZH = /(?:你|您)(?:是不是|是|到底是)(?:个|一个)?(?:真人|活人|机器人?|人工智能|ai|智能客服|自动回复)|是真人(?:吗|嘛|么|马|还是)|是机器人?(?:吗|嘛|么|吧|啊)|(?:你|您)是?(?:叫什么|叫啥|谁|哪位)|(?:你|您)的名字/i;
const EN = /\b(?:are|r)\s+(?:you|u)\s+(?:like\s+|even\s+|actually\s+)?(?:a\s+|an\s+)?(?:real\s+(?:person|human)|human|person|bot|robot|ai|computer|machine)\b|\bis\s+this\s+(?:a\s+)?(?:bot|robot|real\s+person|human|automated)\b|\bam\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+(?:a\s+)?(?:bot|robot|real\s+person|human|machine|computer)\b|\bwhat(?:'s|\s+is)\s+your\s+name\b|\bwho\s+(?:are|r)\s+(?:you|u)\s*[?!.？！。]*\s*$/i;

/** Whether the message asks if a person or a program is answering. */
export function asksWhoAnswers(text: string): boolean {
  return ZH.test(text) || EN.test(text);
}
