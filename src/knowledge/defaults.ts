/**
 * The built-in global sensitive-word list: terms no shop may use with buyers whatever it sells
 * (drugs, weapons, gambling, fraud, sexual services), and plain abuse. It applies until the global list is set
 * with KnowledgeService.setGlobalWords (code, seed scripts, admin tooling); an explicitly set
 * list, even an empty one, replaces it.
 *
 * Why not a REST endpoint: the contract has no platform-wide role (cs:admin is bound to one
 * shop), and letting one shop's admin edit what every shop may say would cross shops. Each shop
 * extends the filter with its own list through PUT /shops/{shopId}/sensitive-words.
 *
 * Terms are chosen so that innocent shop talk does not contain them: no bare "大麻" (hemp seed is
 * a food), no "手枪" (toy pistols are sold), no lone characters.
 */
export const DEFAULT_GLOBAL_WORDS: readonly string[] = Object.freeze([
  // Drugs
  '毒品',
  '冰毒',
  '海洛因',
  '可卡因',
  '摇头丸',
  'K粉',
  '麻古',
  '吗啡片',
  '迷药',
  '迷幻药',
  '听话水',
  'cocaine',
  'heroin',
  'methamphetamine',
  'crystal meth',
  // Weapons and explosives
  '枪支弹药',
  '出售枪支',
  '买卖枪支',
  '炸药',
  '雷管',
  'firearms for sale',
  'explosives for sale',
  // Gambling
  '网络赌博',
  '赌博网站',
  '网上赌场',
  '六合彩',
  'online casino',
  // Fraud and illegal trade
  '代开发票',
  '假发票',
  '洗钱',
  '信用卡套现',
  '假币',
  '办假证',
  '身份证买卖',
  '银行卡买卖',
  '刷单返现',
  '传销',
  'money laundering',
  'counterfeit money',
  'fake invoice',
  // Sexual services and exploitation
  '卖淫',
  '嫖娼',
  '援交',
  '裸聊',
  '色情服务',
  'child porn',
  'escort service',
  // Abuse aimed at a person: masked for the agent who reads it; the robot still reads it as the
  // complaint it is (found from outside: stored as typed unless the shop listed the words itself).
  // Whole phrases only: 妈的 alone is in 妈妈的, 去死 in 去死皮, 他妈的 in 送给他妈的礼物, and 草泥马
  // is also what alpaca toys are sold as (found in review): left to each shop's own list.
  '傻逼',
  '煞笔',
  '操你妈',
  '去死吧',
  'fuck you',
  'motherfucker',
  // "youse are a pack of fuckwits" (an Australian shop, forty-fifth session: stored unmasked). Latin words match whole, so Scunthorpe
  // holds none of them.
  'cunt',
  'cunts',
  // Whole words, so each plural is its own.
  'fuckwit',
  'fuckwits',
  'fuck off',
  'dickhead',
  'dickheads',
  'wanker',
  'wankers',
  'arsehole',
  'arseholes',
  'asshole',
  'assholes',
]);
