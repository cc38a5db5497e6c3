import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createNlu, createTokenizer, detectLanguage, IntentClassifier, normalize, readCorpus, SoftmaxRegression, trainIntentModel, trainingUtterances, withdrawsHandover } from '../../src/robot/nlu/index.ts';
import type { Entity } from '../../src/robot/types.ts';
import { NOW } from './fixtures.ts';
import { defaultLexicon } from '../../src/robot/lexicon/index.ts';
import { LEXICON } from '../../src/robot/nlu/lexicon.ts';

const nlu = createNlu();
const understand = (text: string) => nlu.understand(text, NOW);
/** A lexicon with no cue at all, for tests that give the classifier only the cues they need. */
const none = Object.fromEntries(Object.keys(LEXICON).map((k) => [k, []])) as unknown as typeof LEXICON;
const entities = (text: string) => understand(text).entities.map((e: Entity) => `${e.type}=${e.value}`).sort();

describe('normalisation', () => {
  test('pinyin typed syllable by syllable joins into the words of the pinyin table, English does not', () => {
    assert.equal(normalize('tui kuan hai mei dao zhang').text, '退款还没到账');
    assert.equal(normalize('kuai di dao na le').text, '快递到哪了');
    assert.equal(understand('ji tian neng dao a').intent, 'delivery_estimate');
    // Only runs that are all syllables join, only into the table's words, never capitalised names.
    for (const text of ['we chat to me', 'can you check my order', 'thank you fei', 'thank you hui', 'the parcel is for bao yang']) assert.equal(normalize(text).text, text);
    assert.equal(normalize('my name is Ren Gong').text, 'my name is ren gong');
    assert.notEqual(understand('my name is Ren Gong').intent, 'human');
    assert.equal(understand('ship it to Hui Yuan Road 12').intent === 'faq', false);
  });

  test('pinyin words of the whole vocabulary are read, not only the hand-made table\'s', async () => {
    const { vocabularyPinyin } = await import('../../src/robot/nlu/pinyin-words.ts');
    const words = vocabularyPinyin();
    assert.equal(words.get('zhuanpiao'), '专票', 'a cue of the invoice intent');
    assert.equal(words.get('meishoudao'), '没收到', 'the characters\' common readings, not 没收 (mo)');
    for (const english of ['change', 'china', 'hello', 'order']) assert.equal(words.has(english), false, english);
    // Only in a message that is Chinese or pinyin already, and never a capitalised name or place.
    for (const text of ['Hi, this is Jiawei, where is my parcel', 'Taiwan shipping?', 'thanks Yiyang']) {
      assert.equal(/\p{Script=Han}/u.test(normalize(text).text), false, text);
      assert.equal(detectLanguage(text).lang, 'en', text);
    }
    assert.equal(normalize('fa xinjiang ma').text, 'fa 新疆 ma');
    assert.equal(normalize('kai fa piao').text, '开发票', 'joined into one word, still pinyin as typed');
    assert.equal(understand('neng kai zhuan piao ma').intent, 'invoice');
    assert.equal(normalize('mei shou dao huo').text.startsWith('没收到'), true);
    // The split that leaves no syllable alone wins over the longest first word (还没到 is a word too).
    assert.equal(normalize('tui kuan hai mei dao zhang').text, '退款还没到账');
    // Positions after a joined run still point at the same words: the name is not spell-corrected.
    assert.match(normalize('xie xie, this is Logan').text, /^谢谢.*this is logan$/);
    // A Chinese buyer typing pinyin is answered in Chinese.
    assert.equal(detectLanguage('tui kuan hai mei dao zhang').lang, 'zh');
    // So with a word's initials among the syllables (found from outside: answered in English).
    for (const text of ['hf chong cuo le zenme ban', 'zdxf zenme guan']) assert.equal(detectLanguage(text).lang, 'zh', text);
    for (const text of ['thx pls help', 'my psn code pls']) assert.equal(detectLanguage(text).lang, 'en', text);
  });

  test('full-width, case, traditional characters, emoji and repeated punctuation', () => {
    assert.equal(normalize('ＷＨＥＲＥ’Ｓ my ＰＫＧ？？？😡').text, 'where is my package?');
    assert.equal(normalize('退貨怎麼還沒到!!!').text, '退货怎么还没到!');
    assert.equal(normalize('快递 到 哪了 ✨✨ ~~').text, '快递到哪了');
    assert.equal(normalize('【急】快递！！').display, '急 快递!');
    assert.equal(normalize('😡😡 气死了').angry, 2);
  });

  test('pinyin, slang and typos map to the words the lexicon knows', () => {
    assert.equal(normalize('kuaidi 咋还没到').text, '快递怎么还没到');
    assert.equal(normalize('tuikuan 啥时候到账').text, '退款什么时候到账');
    assert.equal(normalize('pls refnd my pkg').text, 'please refund my package');
    assert.equal(normalize('wheres my adress').text, 'where is my address');
    assert.equal(normalize('怎么还没发火').text, '怎么还没发货');
    // Order numbers are not slang: a letter run glued to digits is left alone.
    assert.equal(normalize('U123456789 到哪了').display, 'U123456789 到哪了');
  });

  test('language per utterance, with short messages left undecided', () => {
    assert.deepEqual(detectLanguage('我的package到哪了'), { lang: 'zh', detected: true, strong: true });
    assert.deepEqual(detectLanguage('where is my 快递'), { lang: 'en', detected: true, strong: true });
    assert.deepEqual(detectLanguage('kuaidi 到了吗'), { lang: 'zh', detected: true, strong: true });
    assert.equal(detectLanguage('ok').detected, false);
    assert.equal(detectLanguage('2024112500001111').detected, false);
  });
});

describe('intents', () => {
  const cases: [string, string][] = [
    ['我的快递到哪了', 'track_parcel'],
    ['快遞到哪了？？', 'track_parcel'],
    ['where is my package??', 'track_parcel'],
    ['退款怎么还没到', 'aftersale_progress'],
    ['refund status?', 'aftersale_progress'],
    ['怎么退货', 'return_policy'],
    ['转人工', 'human'],
    ['talk to a real person', 'human'],
    ['我要投诉你们', 'complaint'],
    ['你好', 'greeting'],
    ['谢谢', 'bye'],
    ['能开发票吗', 'invoice'],
    ['有优惠券吗', 'coupon'],
    ['取消订单', 'cancel_order'],
    ['地址写错了能改吗', 'change_address'],
    ['什么时候能到啊', 'delivery_estimate'],
    ['发货了吗', 'order_status'],
    ['你们发什么快递', 'faq'],
    ['今天天气不错', 'unknown'],
  ];
  for (const [text, intent] of cases) test(`${text} → ${intent}`, () => assert.equal(understand(text).intent, intent));

  intentRuleTests();
});

function intentRuleTests(): void {
  test('pinyin abbreviations buyers type in a hurry', () => {
    for (const [text, intent] of [
      ['tk到账没', 'aftersale_progress'],
      ['sh怎么申请', 'return_policy'],
      ['fh了吗', 'order_status'],
      ['wl到哪了', 'track_parcel'],
      ['dd状态', 'order_status'],
      ['zrg', 'human'],
      ['fp怎么开', 'invoice'],
      ['yhq怎么用', 'coupon'],
      ['qx dd', 'cancel_order'],
      ['gdz', 'change_address'],
      // Found from outside: the courier's own word for "track a parcel".
      ['查件', 'track_parcel'],
      ['帮我查件', 'track_parcel'],
    ] as const) {
      assert.equal(understand(text).intent, intent, text);
    }
    // Mapped as whole words only: inside an order code they stay what they are.
    assert.equal(normalize('TK20241127 到了吗').display, 'TK20241127 到了吗');
    // And they count as Chinese, so a lone "tk" is a Chinese message.
    assert.deepEqual(detectLanguage('tk'), { lang: 'zh', detected: true, strong: false });
  });

  test('initials that are English words too ("ts", "cp") are Chinese only beside a Chinese character', () => {
    assert.equal(understand('我要ts你们').intent, 'complaint');
    assert.equal(understand('再不处理就给cp').intent, 'complaint');
    assert.match(normalize('再不退款就ts').text, /投诉/);
    assert.doesNotMatch(normalize('ts 你们好').text, /投诉/, 'a space between: not touching');
    assert.doesNotMatch(normalize('the ts file 打不开').text, /投诉/);
  });

  test('a greeting before the question and thanks after it are politeness, not the intent', () => {
    assert.equal(understand('在吗 退款什么时候到').intent, 'aftersale_progress');
    assert.equal(understand('亲 在吗 我的货咋还没发').intent, 'order_status');
    assert.equal(understand('hello! can u check my oder pls thx').intent, 'order_status');
    // "yo" too (found from outside: "yo is the apple gift card region locked" was greeted back).
    assert.notEqual(understand('yo is the apple gift card region locked').intent, 'greeting');
    assert.equal(understand('yo').intent, 'greeting');
    const tk = understand('你好，我想问下tk');
    const refunds = ['return_policy', 'aftersale_progress'];
    assert.ok(refunds.includes(tk.intent) || refunds.includes(tk.guess ?? ''), 'answers or asks "did you mean…" about refunds instead of greeting back');
    assert.equal(understand('你好').intent, 'greeting');
    assert.equal(understand('好的谢谢').intent, 'bye');
    assert.equal(understand('thanks, bye').intent, 'bye');
  });

  test('thanks, then a short question about something else, is no goodbye (the dialogue reads the rest)', () => {
    for (const text of ['ok thanks, and the toothbrush?', '谢谢，那牙刷呢', '谢谢，还有耳机呢？', 'thanks! what about the nuts?']) assert.notEqual(understand(text).intent, 'bye', text);
    for (const text of ['谢谢，那就这样吧', '好的谢谢，那我等等', '谢谢啦，好的呢', 'thanks, and have a nice day', 'thanks and sorry for the trouble', '谢谢，那你呢？', 'ok thanks, how about you?', '谢谢，那我等着呢', '谢谢亲，那我就放心了呢', '谢谢，那好吧？']) {
      assert.equal(understand(text).intent, 'bye', text);
    }
  });

  test('brands and products beside Chinese are no English; an English sentence around Chinese words stays English', () => {
    for (const text of ['Nike Air Max 发货了吗', '支持Apple Pay吗', 'iPhone 15 Pro Max 还有货吗', 'Apple Watch Ultra 到哪了', '我买的 Sony WH-1000XM5 耳机什么时候到']) assert.equal(detectLanguage(text).lang, 'zh', text);
    for (const text of ['Please transfer to 真人客服', 'I want 人工客服 please', 'Where is my 牙刷', 'Can I return the 外套', 'WHERE IS MY 快递', 'I WANT TO RETURN 鞋子', 'My 订单 Has Not Arrived', 'Cancel My Order 谢谢']) {
      assert.equal(detectLanguage(text).lang, 'en', text);
    }
    assert.equal(detectLanguage('TB-ORDER-2024-11-19-000128-JEWELRY-GOLD-RING 退款到哪了').lang, 'zh', 'the words of an id are no English');
  });

  test('a strong language signal is a sentence, not a short word or abbreviation', () => {
    assert.equal(detectLanguage('ok ok').strong, false);
    assert.equal(detectLanguage('ty').strong, false);
    assert.equal(detectLanguage('where is my package').strong, true);
    assert.equal(detectLanguage('好的').strong, true);
    assert.equal(understand('ok ok').langStrong, false);
  });

  test('traditional characters buyers type are simplified', () => {
    assert.equal(normalize('退貨運費誰出').text, '退货运费谁出');
    assert.equal(understand('支持花唄嗎').intent, 'faq');
  });

  test('a greeting yields to the question in the same message', () => {
    assert.equal(understand('你好，我的快递到哪了').intent, 'track_parcel');
    assert.equal(understand('hi, where is my refund').intent, 'aftersale_progress');
  });

  test('quote marks around words are not apostrophes: the quoted words count', () => {
    assert.equal(understand("It's been 'out for delivery' since yesterday morning.").intent, 'track_parcel');
    assert.equal(understand('it says ‘delivered’ but nothing here').intent, 'track_parcel');
    assert.equal(normalize("don't cancel").scan.includes(" don't ") || normalize("don't cancel").scan.includes(' do not '), true, 'an apostrophe inside a word stays');
  });

  test('a story and then a question: the question is what is asked, unless the story is part of it', () => {
    assert.equal(understand('Thanks for helping me last week with the coupon thing. I fly out soon so I really need to know: when is the power bank likely to be delivered?').intent, 'delivery_estimate');
    assert.equal(understand('I returned the jacket last week, when will I get my money back?').intent, 'aftersale_progress');
    assert.equal(understand('this is a scam and I will report you. where is my parcel?').intent, 'complaint');
  });

  test('negation cancels the cue it scopes over', () => {
    assert.notEqual(understand('不要转人工').intent, 'human');
    assert.equal(understand('我不要退款了，我想换货').intent, 'return_policy');
    // An A-not-A question is not a negation.
    assert.equal(understand('是不是发货了').intent, 'order_status');
  });

  test('complaints and human requests win over everything else said', () => {
    assert.equal(understand('退款一直不到，我要投诉').intent, 'complaint');
    assert.equal(understand('快递到哪了？算了转人工吧').intent, 'human');
  });

  // Found from outside: "转人工，算了不用了，帮我查下快递" handed the buyer over.
  test('a request for a person taken back in the same message is not one; one made after a retraction stands', () => {
    assert.equal(understand('转人工，算了不用了，帮我查下快递').intent, 'track_parcel');
    assert.equal(understand("I want to talk to a person... actually never mind, where's my parcel?").intent, 'track_parcel');
    // Taking a hand-over back from the queue as buyers type it (found from outside: silence in the queue).
    assert.equal(withdrawsHandover('actually nvm, where is my toothbrush'), 'where is my toothbrush');
    assert.equal(withdrawsHandover('还是算了吧，帮我查下快递'), '帮我查下快递');
    for (const text of ['nvm', '哦那不用了', '我自己查吧']) assert.equal(withdrawsHandover(text), '', text);
    // Found from outside: these left the buyer in the queue, unanswered.
    for (const text of ['不需要人工了', 'actually no', '哦我自己找到了', 'never mind, I figured it out', '不要转人工', 'no', '不用']) assert.equal(withdrawsHandover(text), '', text);
    assert.equal(withdrawsHandover('no wait, dont transfer me. is your dog food grain free?'), 'is your dog food grain free?');
    assert.equal(withdrawsHandover('actually no, cancel that. how do I measure my dog for a harness?'), 'how do I measure my dog for a harness?');
    assert.equal(withdrawsHandover('不用转人工了，快递到哪了'), '快递到哪了');
    // The agent named only to be dropped (a Canadian garden shop, thirty-second session: left in the queue, silence).
    assert.equal(withdrawsHandover('never mind the agent. where is the parcel right now'), 'where is the parcel right now');
    assert.equal(withdrawsHandover('never mind, forget the agent. will canada post refund me if its lost?'), 'will canada post refund me if its lost?');
    assert.equal(withdrawsHandover('forget the agent, i want a manager'), undefined);
    for (const text of ['no, my parcel is still not here', '找到了吗？', 'no way this is late']) assert.equal(withdrawsHandover(text), undefined, text);
    // Found in review: a problem described is no withdrawal; "不要了" is about the goods.
    for (const text of ['I found it broken when I opened the box', '我查到了物流显示签收但我没收到', '我找到了一根头发在里面', '不要了']) assert.equal(withdrawsHandover(text), undefined, text);
    assert.equal(withdrawsHandover('no need to transfer me'), '');
    for (const text of ['ok ty!', '等了这么久，算了，你们太慢了', '算了吧 还是转人工', '我自己查不到啊', '我自己弄不好，能帮我吗', '我自己看了，还是没有物流', '还是不用了吗？']) {
      assert.equal(withdrawsHandover(text), undefined, text);
    }
    assert.equal(understand('算了，转人工吧').intent, 'human');
    assert.equal(understand('不用了谢谢，转人工').intent, 'human');
  });

  // Found in review: words inside other words, and a quoted member of staff.
  test('not abuse, not a retraction, not an acknowledgment, not a request for a person', () => {
    for (const text of ['这个去死皮的膏怎么用', '去死皮霜能退吗', '我妈妈的快递到哪了']) assert.notEqual(understand(text).intent, 'complaint', text);
    for (const text of ['转人工，运费算了两次', '人工客服 我算了一下价格不对']) assert.equal(understand(text).intent, 'human', text);
    for (const text of ['😂', '😈', '😉']) assert.notEqual(understand(text).intent, 'bye', text);
    assert.notEqual(understand('工作人员说今天发货').intent, 'human');
  });

  // Found from outside: abuse was asked "您是想投诉吗？", or lost beside a question.
  test('abuse at the shop is a complaint, alone or beside a question', () => {
    for (const text of ['你们就是傻逼', '你们就是傻逼，快递这么慢', '退款这么久还没到，太垃圾了', 'fuck this shop, where is my parcel']) assert.equal(understand(text).intent, 'complaint', text);
  });

  // Found from outside: "👍" was "没太理解", and counted towards a hand-over.
  test('a thumbs-up or a smile alone is an acknowledgment, and a yes', () => {
    for (const text of ['👍', '🙂', '👍🏻', '🙏🙏']) {
      const u = understand(text);
      assert.deepEqual([u.intent, u.yesNo], ['bye', 'yes'], text);
    }
    assert.equal(understand('😡').intent, 'unknown');
    assert.equal(understand('👍 快递到哪了').intent, 'track_parcel');
  });

  // Found from outside: these were not understood, or read as a parcel question.
  test('a damaged item is a returns question; rudeness is a complaint; asking for your staff is asking for a person', () => {
    for (const text of ['牙刷收到是坏的', '商品破损了']) assert.equal(understand(text).intent, 'return_policy', text);
    for (const text of ['快递员态度很差', '客服态度不好']) assert.equal(understand(text).intent, 'complaint', text);
    assert.equal(understand('我想找你们的工作人员聊聊').intent, 'human');
  });

  // Found from outside: "签收了吗" was read as an after-sales question; a return's signature still is one.
  test('"has it been signed for" is about the parcel, unless it is a return sent back', () => {
    for (const text of ['签收了吗', '签收了没', 'SO2611200002签收了吗']) assert.equal(understand(text).intent, 'track_parcel', text);
    for (const text of ['寄回去的签收了吗', '退货签收了吗']) assert.equal(understand(text).intent, 'aftersale_progress', text);
  });

  test('a question about a shop topic no cue knows is a shop question, not unknown', () => {
    // Words of the FAQ lexicon's _knowledge concepts, in sentences no cue or TRAIN utterance has.
    for (const text of ['孕妇可以擦这个面霜吗', 'does the cushion cover shrink', 'zp吗亲']) assert.equal(understand(text).intent, 'faq', text);
    // Only what the cues and the model left undecided: a return question stays one.
    assert.equal(understand('退货要自己出运费吗').intent, 'return_policy');
    assert.equal(understand('天气怎么样').intent, 'unknown');
  });

  test('a size, age or skin type asked of the agent is not a shop topic', () => {
    // personal.json: addressed to a person, with nothing of the shop or its goods named.
    for (const text of ['你是敏感肌吗', '你怀孕了吗', 'r u pregnant']) assert.notEqual(understand(text).intent, 'faq', text);
    // "多大了" asks an age; its "大了" (too big) is not a size complaint.
    assert.deepEqual(defaultLexicon().matchHan('你多大了').map((m) => m.id), ['age']);
    for (const text of ['你家面霜敏感肌能用吗', '这款孕妇能用吗', 'are these ok for sensitive skin']) assert.equal(understand(text).intent, 'faq', text);
  });

  test('English after-sales progress is told from policy by arrival and not-yet words', () => {
    for (const text of ['when will my exchange arrive', 'has my refund come through']) assert.equal(understand(text).intent, 'aftersale_progress', text);
    for (const text of ['can i get a refund if i change my mind', 'how do refunds work']) assert.equal(understand(text).intent, 'return_policy', text);
  });

  test('weak evidence for an intent that only reads is taken, marked as a guess; for one that acts it is a guess to confirm', () => {
    const reads = understand('我的单子');
    assert.deepEqual([reads.intent, reads.guessed], ['order_status', true]);
    assert.ok(reads.confidence < 0.3, 'below every intent chosen on its own evidence');
    const acts = understand('改一下');
    assert.deepEqual([acts.intent, acts.guess, acts.guessed], ['unknown', 'change_address', undefined]);
    // Enough evidence of its own: not a guess.
    assert.equal(understand('我的订单到哪了').guessed, undefined);
  });

  test('a named order turns a weak lean to an order intent into that intent', () => {
    // Cues alone, so that the trained model cannot move the lean: "moving" leans to a parcel, weakly.
    const leaning = createNlu({ classifier: new IntentClassifier({ lexicon: { ...none, track_parcel: [[' moving', 0.6]] } }) });
    const weak = leaning.understand('is it moving', NOW);
    assert.deepEqual([weak.intent, weak.guessed], ['track_parcel', true], 'without the number it is a guess');
    const named = leaning.understand('YT7788990011223 is it moving', NOW);
    assert.deepEqual([named.intent, named.guessed], ['track_parcel', undefined]);
    assert.equal(understand('my phone ending 0123, find my order').intent, 'order_status');
    // No lean to an order intent: a number alone decides nothing, not even one of the TRAIN lines
    // (every number is one feature to the model).
    assert.equal(understand('SF1234567890 ??').intent, 'unknown');
    assert.equal(understand('SF9081726354 ??').intent, 'unknown');
  });

  test('yes/no replies are recognised on their own', () => {
    assert.equal(understand('好的').yesNo, 'yes');
    assert.equal(understand('嗯嗯').yesNo, 'yes');
    assert.equal(understand('不用了，谢谢').yesNo, 'no');
    assert.equal(understand('yes please').yesNo, 'yes');
    assert.equal(understand('我的快递到哪了').yesNo, undefined);
  });

  test('the trained model tips a decision but never makes one alone', async () => {
    const { featuresOf } = await import('../../src/robot/nlu/features.ts');
    const tokenizer = createTokenizer();
    const row = (text: string, intent: 'track_parcel' | 'coupon') => ({ text, intent, entities: {}, split: 'train' as const, lang: 'en' as const });
    const model = trainIntentModel(tokenizer, [row('zorblax', 'track_parcel'), row('zorblax zorblax', 'track_parcel'), row('zorblax now', 'track_parcel'), row('quuxify', 'coupon')]);
    const c = new IntentClassifier({ model });
    const n = normalize('zorblax');
    const alone = c.classify({ scan: n.scan, features: featuresOf(n.text, tokenizer.cut(n.text)) });
    assert.ok((alone.scores.track_parcel ?? 0) >= 0.8, 'the model alone is past the choosing line');
    assert.equal(alone.intent, 'unknown', 'but with no cue of its own the robot asks');
    assert.equal(alone.guess, 'track_parcel');
  });

  test('a long message is asked by its question clause, not by what its story names', () => {
    // Cues alone (no trained model), so that the corpus cannot move the result: the story's cue
    // (order state, 1.0) outweighs the question's (0.8) unless the question clause counts again.
    const classifier = new IntentClassifier({ lexicon: { ...none, order_status: [[' not shipped', 1.0]], delivery_estimate: [[' when will', 0.8]] } });
    const text = 'my order is not shipped and that is fine, but when will it go out?';
    const n = normalize(text);
    assert.equal(classifier.classify({ scan: n.scan }).intent, 'order_status', 'the whole message alone');
    assert.equal(createNlu({ classifier }).understand(text, NOW).intent, 'delivery_estimate', 'its question clause counted again');
    assert.equal(createNlu({ classifier }).understand('when will it go out, my order is not shipped and that is fine', NOW).intent, 'delivery_estimate', 'wherever the question is');
    assert.equal(createNlu({ classifier }).understand('my order is not shipped and that is fine, it will go out soon', NOW).intent, 'order_status', 'no question clause: nothing counts again');
    // A "|" the buyer typed splits the scan text where the text has no clause break: the clauses
    // cannot be matched up, so nothing counts again (0.6 stays a guess instead of 0.9 deciding).
    const weak = createNlu({ classifier: new IntentClassifier({ lexicon: { ...none, delivery_estimate: [[' when will', 0.6]] } }) });
    assert.equal(weak.understand('ok, when will it go out?', NOW).intent, 'delivery_estimate');
    assert.equal(weak.understand('a | b, when will it go out?', NOW).guessed, true);
  });

  test('a question about a product code is a shop question; the code itself is not chat shorthand', () => {
    assert.equal(understand('K-2231有白色的吗').intent, 'faq');
    assert.equal(understand('does A-118 come in navy?').intent, 'faq');
    // The cues decide first: a code with a parcel question is a parcel question.
    assert.equal(understand('K-2231 到哪了').intent, 'track_parcel');
    // "k" is "ok" in chat, not in "K-2231".
    assert.equal(normalize('K-2231').text, 'k-2231');
    assert.equal(understand('K-2231').intent, 'unknown');
    assert.equal(understand('k thx').intent, 'bye');
  });

  test('a guess from the trained model alone needs a clear lean; with a cue of its own, a weak one', () => {
    const model = (p: number) => ({ labels: ['track_parcel', 'unknown'], posterior: () => Float64Array.from([p, 1 - p]) });
    const guess = (p: number, lexicon = none) => new IntentClassifier({ lexicon, model: model(p) }).classify({ scan: ' so long ', features: ['so', 'long'] }).guess;
    assert.equal(guess(0.3), undefined, '0.6 of evidence from the model alone is no guess');
    assert.equal(guess(0.45), 'track_parcel', '0.9 is');
    assert.equal(guess(0.15, { ...none, track_parcel: [[' long', 0.3]] }), 'track_parcel', 'a cue of its own and the model together: 0.6');
    // Found in a check of npm start: "我要冰糖雪梨" was asked "您是想投诉吗？".
    const complaint = (p: number, lexicon = none, angry = 0) => {
      const c = new IntentClassifier({ lexicon, model: { labels: ['complaint', 'unknown'], posterior: () => Float64Array.from([p, 1 - p]) } }).classify({ scan: ' so long ', features: ['so', 'long'], angry });
      return c.intent === 'unknown' ? c.guess : c.intent;
    };
    assert.equal(complaint(0.45), undefined, 'no complaint is guessed from the model alone');
    assert.equal(complaint(0.15, { ...none, complaint: [[' long', 0.3]] }), 'complaint', 'with a cue of its own it is');
    assert.equal(complaint(0.15, none, 1), 'complaint', 'anger is evidence of its own');
    assert.equal(understand('我要冰糖雪梨').guess, undefined);
  });

  test('the trained model changes decisions the lexicon alone gets wrong', () => {
    const lexiconOnly = new IntentClassifier();
    const text = '订单现在什么状态';
    const n = normalize(text);
    assert.equal(lexiconOnly.classify(n).intent, 'unknown');
    assert.equal(understand(text).intent, 'order_status');
  });
}

describe('entities', () => {
  test('a month and day is the nearest occurrence, unless a deed done makes it past or a deadline future', () => {
    assert.deepEqual(entities('Proposing on Dec 1st, will the ring make it in time?'), ['date=2024-12-01']);
    assert.deepEqual(entities('12月5号前要用到，现在下单来得及吗'), ['date=2024-12-05']);
    assert.deepEqual(entities('11月20号买的那单到哪了'), ['date=2024-11-20']);
    // A deed done on a day after today's date this year was last year's.
    assert.deepEqual(entities('I ordered it on Dec 20'), ['date=2023-12-20']);
  });

  test('remembered per text for the calendar day they were read on, in the buyer\'s time zone, and shared read-only', () => {
    const nlu = createNlu({ tzOffsetMinutes: 480 });
    const dates = (at: string) => nlu.understand('昨天买的到哪了', new Date(at)).entities.filter((e) => e.type === 'date').map((e) => e.value);
    assert.deepEqual(dates('2024-11-27T10:00:00+08:00'), ['2024-11-26']);
    // 23:59 and then 00:01 in UTC+8 (15:59Z and 16:01Z): the same text, the next day.
    assert.deepEqual(dates('2024-11-27T15:59:00Z'), ['2024-11-26']);
    assert.deepEqual(dates('2024-11-27T16:01:00Z'), ['2024-11-27']);
    assert.deepEqual(dates('2024-11-27T10:00:00+08:00'), ['2024-11-26'], 'back to the first day');
    const shared = nlu.understand('订单号 A1234 到哪了', NOW).entities;
    assert.throws(() => (shared as Entity[]).push({ type: 'orderId', value: 'x' }));
    assert.deepEqual(nlu.understand('订单号 A1234 到哪了', NOW).entities.map((e) => e.value), ['A1234']);
  });

  test('after an order marker, short codes of any shape are order numbers; bare, they are not', () => {
    assert.deepEqual(entities('订单号 A1234 到哪了'), ['orderId=A1234']);
    // The buyer's `#` stays (Shopify-style names are "#1001"); matching the buyer's own ids ignores it.
    assert.deepEqual(entities('order #88231 status'), ['orderId=#88231']);
    assert.deepEqual(entities('order#88231 status'), ['orderId=#88231'], 'the marker glued to the id');
    assert.deepEqual(entities('where is my oder 5512093'), ['orderId=5512093'], 'a misspelt marker is a marker');
    assert.deepEqual(entities('tracking LX 123 456 789 CN not updating'), ['orderId=LX123456789CN'], 'a postal tracking number typed in groups');
    assert.deepEqual(entities('LX 0099 8812 3CN stuck'), ['orderId=LX009988123CN'], 'its country glued to the last group');
    assert.deepEqual(entities('1Z 999 AA1 0123 4567 84 has no updates'), ['orderId=1Z999AA10123456784'], 'a UPS number in groups, letters inside them');
    assert.deepEqual(entities('9400 1000 0000 0000 0000 00 has not moved'), ['orderId=9400100000000000000000'], 'twenty-two digits in groups need no marker');
    assert.deepEqual(entities('FedEx 7749 1234 5678, where is it?'), ['orderId=774912345678'], "a carrier's name marks the number after it");
    for (const t of ['UPS: 1234 5678 9012', 'my fedex number is 1234 5678 9012', 'DHL：123456789012 到哪了']) assert.deepEqual(entities(t), [`orderId=123456789012`], t);
    assert.deepEqual(entities('DHL: 12345678 where'), ['orderId=12345678'], 'eight digits after a carrier');
    assert.deepEqual(entities('7019 1120 0000 1234 5678 not moving'), ['orderId=70191120000012345678'], 'certified mail, 70…');
    for (const t of ['my card 6222 0200 1234 5678 was charged twice', '退款退到我的银行卡 6222 0212 3456 7890 123', '2019 2020 2021 2022 2023 款有区别吗', 'prices 1299 1499 1699 1899 2099', '138 1234 5678 139 8765 4321', 'DHL 2024年还发货吗', 'does ups 2000 yuan cover it']) {
      assert.ok(!entities(t).some((e) => e.startsWith('orderId=')), `no order number in: ${t}`);
    }
    assert.deepEqual(entities('HK#20241122-01 到哪了'), ['orderId=HK#20241122-01'], 'a short prefix with # is the id itself');
    assert.deepEqual(entities('trk# 1Z999AA10123456784 not moving'), ['orderId=1Z999AA10123456784']);
    assert.deepEqual(entities('88231 到哪了'), []);
    assert.deepEqual(entities('订单号是多少'), []);
  });

  test('order numbers: long digit runs and letter prefixes, not phones, prices or dates', () => {
    assert.deepEqual(entities('订单号 2024112012345678 到哪了'), ['orderId=2024112012345678']);
    assert.deepEqual(entities('ＳＦ１２３４５６７８９０１２ 这个单号'), ['orderId=SF123456789012']);
    assert.deepEqual(entities('order #12345678 please'), ['orderId=#12345678']);
    assert.deepEqual(entities('退款 129.00 元'), []);
    assert.deepEqual(entities('2024-11-20 买的'), ['date=2024-11-20']);
    assert.deepEqual(entities('我的手机 13812345678'), ['phoneTail=5678']);
    assert.deepEqual(entities('订单号 ＳＦ１５０２ ７７８３ ９９１０２ 到哪了'), ['orderId=SF1502778399102'], 'digit groups typed with spaces are one id');
    assert.deepEqual(entities('手机 138 1234 5678'), ['phoneTail=5678']);
    assert.deepEqual(entities('order 3f2a9c1e-7b4d-4e8a-9c2d-1a2b3c4d5e6f status?'), ['orderId=3f2a9c1e-7b4d-4e8a-9c2d-1a2b3c4d5e6f'], 'a UUID is an id despite its letters');
    assert.deepEqual(entities('买了 2 件 199 元'), []);
  });

  test('phone tails and SKUs', () => {
    assert.deepEqual(entities('尾号1234的那单'), ['phoneTail=1234']);
    assert.deepEqual(entities('手机后四位是 9876'), ['phoneTail=9876']);
    assert.deepEqual(entities('the one ending in 4321'), ['phoneTail=4321']);
    assert.deepEqual(entities('SKU-A1001 有货吗'), ['sku=SKU-A1001']);
    assert.deepEqual(entities('货号 A2031 还有吗'), ['sku=A2031']);
    assert.deepEqual(entities('is sku B-7781 in stock'), ['sku=B-7781']);
    assert.deepEqual(entities('my phone ending 0123, find my order'), ['phoneTail=0123']);
    assert.deepEqual(entities('手机号填错了，尾号应该是3321'), ['phoneTail=3321']);
    assert.deepEqual(entities('the phone number should end in 8812'), ['phoneTail=8812']);
    assert.deepEqual(entities('is order ord_7f3k9x2m confirmed?'), ['orderId=ord_7f3k9x2m']);
    assert.deepEqual(entities('does B-7781 come in black'), ['sku=B-7781'], 'a product code needs no cue word');
    assert.deepEqual(entities('有没有 K-2210 的黑色'), ['sku=K-2210']);
    assert.deepEqual(entities('订单 SO-88410-2 到哪了'), ['orderId=SO-88410-2']);
  });

  dateEntityTests();
});

function dateEntityTests(): void {
  test('a repeated text is understood the same, and its relative dates follow the clock each time', () => {
    const own = createNlu();
    const first = own.understand('昨天买的快递到哪了', NOW);
    const again = own.understand('昨天买的快递到哪了', NOW);
    assert.deepEqual(again, first);
    (again.tokens as string[]).push('mutated');
    assert.deepEqual(own.understand('昨天买的快递到哪了', NOW).tokens, first.tokens, 'a caller cannot change what the next one gets');
    const nextDay = own.understand('昨天买的快递到哪了', new Date(NOW.getTime() + 24 * 3600 * 1000));
    assert.deepEqual(nextDay.entities.map((e) => `${e.type}=${e.value}`), ['date=2024-11-27']);
    assert.equal(nextDay.intent, first.intent);
  });

  test('a day of this month said so, a month.day, a day since the Nth, and a phone number by its ending', () => {
    assert.deepEqual(entities('本月1号退的货，钱还没退回来'), ['date=2024-11-01']);
    assert.deepEqual(entities('本月31号'), [], 'November has no 31st');
    // A month and day with a dot, before a deed, a deadline or an order word; not a price or a version.
    assert.deepEqual(entities('11.22拍的那单，退款进度查一下'), ['date=2024-11-22']);
    assert.deepEqual(entities('12.1前能到吗'), ['date=2024-12-01']);
    assert.deepEqual(entities('11.11买的还没发'), ['date=2024-11-11']);
    // Prices and versions: a price word or a Latin word before it, or a day too far back to be one.
    for (const text of ['9.9买的那个杯子', '差价12.5退给我', '运费8.5退吗', 'iOS 12.1之前的系统', '系统版本10.3以前', '这个11.22元的券']) assert.deepEqual(entities(text), [], text);
    assert.deepEqual(entities("tracking hasn't updated since the 23rd"), ['date=2024-11-23']);
    // "The number ending 4410" picks an order from a list: a bare "number" is no phone.
    assert.deepEqual(entities('the number ending 4410'), []);
    assert.deepEqual(entities('my phone ending 2047 is dead'), ['phoneTail=2047']);
  });

  test('dates relative to a Wednesday, 2024-11-27 (UTC+8)', () => {
    assert.deepEqual(entities('昨天买的'), ['date=2024-11-26']);
    assert.deepEqual(entities('上周五下的单'), ['date=2024-11-22']);
    assert.deepEqual(entities('周五买的'), ['date=2024-11-22']);
    assert.deepEqual(entities('周五前能到吗'), ['date=2024-11-29']);
    assert.deepEqual(entities('周五能到吗'), ['date=2024-11-29'], 'a delivery day is the coming one');
    assert.deepEqual(entities('11月20号买的'), ['date=2024-11-20']);
    assert.deepEqual(entities('十二月五号买的'), ['date=2023-12-05']);
    assert.deepEqual(entities('3天前'), ['date=2024-11-24']);
    assert.deepEqual(entities('上周'), ['dateRange=2024-11-18/2024-11-24']);
    assert.deepEqual(entities('上个月'), ['dateRange=2024-10-01/2024-10-31']);
    assert.deepEqual(entities('yesterday'), ['date=2024-11-26']);
    assert.deepEqual(entities('last friday'), ['date=2024-11-22']);
    assert.deepEqual(entities('by monday?'), ['date=2024-12-02']);
    assert.deepEqual(entities('ordered on nov 20th'), ['date=2024-11-20']);
    // Weeks are a span around the day: nobody counts them to the day.
    assert.deepEqual(entities('2 weeks ago'), ['dateRange=2024-11-10/2024-11-16']);
    assert.deepEqual(entities('ordered a week ago'), ['dateRange=2024-11-17/2024-11-23']);
    assert.deepEqual(entities('is there a black friday sale'), []);
    assert.deepEqual(entities('can it get here before Thanksgiving'), ['date=2024-11-28'], 'the nearest Thanksgiving, days ahead');
    assert.deepEqual(entities('bought it on black friday'), ['date=2024-11-29']);
    assert.deepEqual(entities('黑五活动什么时候开始'), []);
    assert.deepEqual(entities('ordered this morning'), ['date=2024-11-27']);
    assert.deepEqual(entities('昨晚下的单'), ['date=2024-11-26']);
    assert.deepEqual(entities('the day before yesterday'), ['date=2024-11-25']);
    assert.deepEqual(entities('will it b here 2moro'), ['date=2024-11-28'], 'textspeak with digits');
    assert.deepEqual(entities('can i get it b4 fri?'), ['date=2024-11-29']);
    // A month and day is past ("bought on"), unless it is a deadline: then the coming one.
    assert.deepEqual(entities('12月1号之前能到不'), ['date=2024-12-01']);
    assert.deepEqual(entities('12月1号买的'), ['date=2023-12-01']);
    assert.deepEqual(entities('will it make it by 12/1?'), ['date=2024-12-01']);
    assert.deepEqual(entities('need it by Dec 3'), ['date=2024-12-03']);
    assert.deepEqual(entities('need it by 3 Dec'), ['date=2024-12-03'], 'day before month, as a deadline too');
    assert.deepEqual(entities('before the 3rd of December?'), ['date=2024-12-03']);
    assert.deepEqual(entities('bought it before 20 Nov'), ['date=2024-11-20'], 'a deed done: the past one');
    // An arrival is the nearest such day: days ahead, or days back.
    assert.deepEqual(entities('will it arrive on December 3?'), ['date=2024-12-03']);
    assert.deepEqual(entities('the delivery from Nov 20 never came'), ['date=2024-11-20']);
    assert.deepEqual(entities('20 Nov'), ['date=2024-11-20']);
    // A weekday in a plan is the coming one, in an arrival the nearer one, in a deed or after "since" the last one.
    assert.deepEqual(entities("i'm moving out on friday, can you ship to the new address"), ['date=2024-11-29']);
    assert.deepEqual(entities('will it arrive friday?'), ['date=2024-11-29']);
    assert.deepEqual(entities('the delivery on monday never came'), ['date=2024-11-25']);
    assert.deepEqual(entities('i ordered it on friday'), ['date=2024-11-22']);
    assert.deepEqual(entities('stuck since monday'), ['date=2024-11-25']);
    assert.deepEqual(entities('我周五就搬走了，地址能改吗'), ['date=2024-11-29']);
    assert.deepEqual(entities('周五买的'), ['date=2024-11-22']);
    // A sale day is the nearer one; pinyin days, but not an id's letters.
    assert.deepEqual(entities('双十二有满减吗'), ['date=2024-12-12']);
    assert.deepEqual(entities('双十一买的'), ['date=2024-11-11']);
    assert.deepEqual(entities('kd jt能到不'), ['date=2024-11-27']);
    assert.deepEqual(entities('mt能到吗'), ['date=2024-11-28']);
    assert.deepEqual(entities('查下这个单号 JT 5566 7788 9900 12'), ['orderId=JT55667788990012']);
    assert.deepEqual(entities('能换大一号吗'), []);
  });

  test('ordinal references', () => {
    assert.deepEqual(entities('第二个'), ['ordinal=2']);
    assert.deepEqual(entities('第2单'), ['ordinal=2']);
    assert.deepEqual(entities('最后一个'), ['ordinal=-1']);
    assert.deepEqual(entities('倒数第二个'), ['ordinal=-2']);
    assert.deepEqual(entities('the second one'), ['ordinal=2']);
    assert.deepEqual(entities('2nd'), ['ordinal=2']);
    assert.deepEqual(entities('the last one'), ['ordinal=-1']);
    assert.deepEqual(entities('option 3'), ['ordinal=3']);
    // Not ordinals: "second time", "my last order" (the newest), "first time buyer".
    assert.deepEqual(entities('this is the second time i ask'), []);
    assert.deepEqual(entities('where is my last order'), []);
    assert.deepEqual(entities('discount for first time buyers'), []);
    assert.deepEqual(entities('is there a discount for my first order'), [], 'a first-time buyer');
    assert.deepEqual(entities('any promo code 4 1st order?'), []);
    assert.deepEqual(entities('cancel my first order'), ['ordinal=1']);
    assert.deepEqual(entities('15% off her first order'), []);
    assert.deepEqual(entities('my first order here, do you ship fast'), []);
    assert.deepEqual(entities("tracking number 1Z84F2390312446628 literally says nothing"), ['orderId=1Z84F2390312446628'], 'an id, not option 1');
    assert.deepEqual(entities('第二次问了'), []);
    assert.deepEqual(entities('第二件半价还有吗'), [], 'a promotion, not a pick from a list');
    assert.deepEqual(entities('I live on the fifth floor'), []);
    assert.deepEqual(entities('这是我发的第四条消息了 快递到底去哪了'), [], 'counts messages, picks nothing');
    assert.deepEqual(entities('zui hou yi ge ba'), ['ordinal=-1'], 'a pick in pinyin');
    assert.deepEqual(entities('shou ji wei hao 3306'), ['phoneTail=3306'], 'a phone tail in pinyin');
  });

  test('dates and ids as buyers of a fashion shop wrote them (dev-13, TRAIN)', () => {
    assert.deepEqual(entities('能帮我改成新地址吗 朝阳区建国路12号'), [], 'a house number is no day');
    assert.deepEqual(entities('默认发sf还是zt'), [], 'zt beside sf is ZTO, not yesterday');
    assert.deepEqual(entities('zt发的货到哪了'), ['date=2024-11-26']);
    assert.deepEqual(entities('ordered it 11.22 and it has been sitting at the hub'), ['date=2024-11-22']);
    assert.deepEqual(entities('rtn rcvd? shipped it bk on 11.20'), ['date=2024-11-20']);
    assert.deepEqual(entities('the shirt is $11.22 on sale'), [], 'a price');
    assert.deepEqual(entities('Placed an order Tuesday last week and it still hasnt shipped'), ['date=2024-11-19']);
    assert.deepEqual(entities("last week's friday i ordered"), ['date=2024-11-22']);
    assert.deepEqual(entities('sending my mom a sweater for Christmas, can she exchange it'), [], "a gift's occasion");
    assert.deepEqual(entities('will it arrive before christmas?'), ['date=2024-12-25']);
    assert.deepEqual(entities('ordr numbr 6620 1187 4432 019, did it ship?'), ['orderId=662011874432019']);
    assert.deepEqual(entities('any coupons for Cyber Monday?'), ['date=2024-12-02'], 'a sale day is a day');
  });

  test('days of events ahead and of promises missed; dates inside ids and sizes are none (TRAIN misses)', () => {
    assert.deepEqual(entities("My son's birthday party is on Saturday and I ordered the puzzle, when will it be here?"), ['date=2024-11-30']);
    assert.deepEqual(entities('我女儿周五过生日，现在拍的话赶得上吗'), ['date=2024-11-29']);
    assert.deepEqual(entities('I ordered it on Monday'), ['date=2024-11-25']);
    assert.deepEqual(entities('You promised a refund by Monday, still nothing'), ['date=2024-11-25']);
    assert.deepEqual(entities('承诺周一前退款，到现在钱还没到'), ['date=2024-11-25']);
    assert.deepEqual(entities('will it arrive by friday'), ['date=2024-11-29']);
    assert.deepEqual(entities('订单号 ORD/2024/11/0456 这个还能退吗').filter((e) => e.startsWith('date')), []);
    assert.deepEqual(entities('2024/11/20买的'), ['date=2024-11-20']);
    assert.deepEqual(entities('R-2031这款戒指12号还有货吗'), ['sku=R-2031'], 'size 12, not the 12th');
    // dev-14, TRAIN: a trip ahead makes a month and day the coming one, though the buyer has bought.
    assert.deepEqual(entities("I bought the spinner for my trip. I leave on December 5th, any chance it'll arrive before then?"), ['date=2024-12-05']);
    assert.deepEqual(entities('专门在你们家买的铝框箱，我12月5号出发，能在这之前到吗'), ['date=2024-12-05']);
    assert.deepEqual(entities('I bought it on Dec 5'), ['date=2023-12-05']);
    assert.deepEqual(entities("my order from the 20th still shows 'awaiting shipment'"), ['date=2024-11-20']);
    assert.deepEqual(entities('new ph # ends 8812 pls update'), ['phoneTail=8812']);
    assert.deepEqual(entities('the graph ends 1234'), []);
  });
}

describe('tokenizer', () => {
  test('jieba segments Chinese and takes a shop\'s own words', () => {
    const t = createTokenizer();
    assert.equal(t.engine, 'jieba');
    assert.deepEqual(t.cut('我的快递到哪了'), ['我', '的', '快递', '到', '哪', '了']);
    const before = t.generation;
    assert.ok(!t.cut('小蓝盒耳机').includes('小蓝盒'));
    t.addWords(['小蓝盒']);
    assert.ok(t.cut('小蓝盒耳机').includes('小蓝盒'));
    assert.notEqual(t.generation, before);
  });

  test('falls back to Intl.Segmenter when jieba cannot load, and still understands buyers', () => {
    const reasons: string[] = [];
    const t = createTokenizer({
      loadJieba: () => {
        throw new Error('native addon missing');
      },
      onFallback: (r) => reasons.push(r),
    });
    assert.equal(t.engine, 'intl');
    assert.deepEqual(reasons, ['native addon missing']);
    const words = t.cut('我的快递到哪了 where is my package');
    assert.ok(words.includes('快递'));
    assert.ok(words.includes('package'));
    assert.ok(!words.includes(' '));
    t.addWords(['小蓝盒']);
    assert.ok(t.cut('小蓝盒耳机好用').includes('小蓝盒'));

    const fallback = createNlu({ tokenizer: t });
    for (const [text, intent] of [
      ['我的快递到哪了', 'track_parcel'],
      ['退款怎么还没到', 'aftersale_progress'],
      ['转人工', 'human'],
      ['where is my package??', 'track_parcel'],
      ['订单现在什么状态', 'order_status'],
    ] as const) {
      assert.equal(fallback.understand(text, NOW).intent, intent, text);
    }
  });

  test('the intent model weighs words by what they tell beside the others, the same on every node', () => {
    const rows = [
      { features: ['where', 'parcel'], label: 'track' },
      { features: ['please', 'where', 'parcel'], label: 'track' },
      { features: ['refund', 'money'], label: 'refund' },
      { features: ['please', 'refund'], label: 'refund' },
    ];
    const a = SoftmaxRegression.train(rows);
    const p = (m: SoftmaxRegression, f: string[]) => Object.fromEntries(m.labels.map((l, i) => [l, m.posterior(f)[i]!]));
    assert.ok(p(a, ['parcel']).track! > 0.8 && p(a, ['refund']).refund! > 0.8);
    // "please" is in both intents' lines: it tells neither.
    assert.ok(Math.abs(p(a, ['please']).track! - 0.5) < 0.15, JSON.stringify(p(a, ['please'])));
    assert.deepEqual(p(a, ['zorblax']), { refund: 0.5, track: 0.5 }, 'nothing known: uniform');
    assert.deepEqual([...SoftmaxRegression.train(rows).posterior(['where'])], [...a.posterior(['where'])], 'deterministic');
  });

  test('the intent model trains on the TRAIN split only', () => {
    const train = trainingUtterances();
    const evalTexts = new Set([...readCorpus('zh'), ...readCorpus('en')].filter((u) => u.split !== 'train').map((u) => u.text));
    assert.ok(train.length >= 400);
    assert.ok(train.every((u) => u.split === 'train' && !evalTexts.has(u.text)));
    const model = trainIntentModel(createTokenizer(), [
      { text: '包裹在哪', intent: 'track_parcel', entities: {}, split: 'train', lang: 'zh' },
      { text: '退钱', intent: 'return_policy', entities: {}, split: 'train', lang: 'zh' },
    ]);
    assert.deepEqual([...model.labels], ['return_policy', 'track_parcel']);
  });
});

describe('Cantonese as Hong Kong buyers type it (eighteenth session)', () => {
  const nlu = createNlu();
  test('written Cantonese reads as the Mandarin the cues know', () => {
    const cases: [string, RegExp, string?][] = [
      ['請問你哋啲面霜係咪正貨', /你们的面霜是不是正品/],
      ['唔該晒', /^谢谢$/, 'bye'],
      ['如果用咗敏感可唔可以退貨', /用了敏感可不可以退货/, 'return_policy'],
      ['我隻手錶收到開唔到機', /只手表收到开不了机/],
      ['充咗一晚都冇反應', /充了一晚都没有反应/],
      ['清關異常係咩意思', /清关异常是什么意思/],
      ['我嘅面霜寄咗成個禮拜都未到', /我的面霜寄了一个星期都没到/, 'track_parcel'],
      // The thirty-second round (a Hong Kong cake shop): where it is, and whether it can be collected.
      ['我個蛋糕到邊啦', /我个蛋糕到哪了/, 'track_parcel'],
      ['可以去攞未', /可以去取了没/, 'track_parcel'],
    ];
    for (const [text, normal, intent] of cases) {
      const u = nlu.understand(text);
      assert.match(u.normalized, normal, text);
      if (intent) assert.equal(u.intent, intent, text);
    }
  });
  test('Mandarin keeps its words: 联系, 一点, 系统, "唔" (mm), 点办, 一点样品, 然而家里, 關係 (found in review)', () => {
    assert.match(nlu.understand('聯繫客服').normalized, /联系客服/);
    assert.match(nlu.understand('系统一点都不好用').normalized, /系统一点都不好用/);
    assert.match(nlu.understand('唔 要的').normalized, /^唔/);
    assert.match(nlu.understand('麻烦快点办理退款').normalized, /快点办理/);
    assert.match(nlu.understand('一点样品都没有').normalized, /一点样品/);
    assert.match(nlu.understand('然而家里没人').normalized, /然而家里/);
    assert.match(nlu.understand('沒有關係 謝謝').normalized, /没有关系/);
  });
});

describe('a cancellation said not to be wanted (twenty-first session, flower shop)', () => {
  const nlu = createNlu();
  test('what the rest asks wins: "NO dont cancel!! i want to change the delivery address", "I didn\'t ask to cancel … will it get there tomorrow", "不要取消 我只是问问什么时候到"', () => {
    assert.equal(nlu.understand('NO dont cancel!! i want to change the delivery address').intent, 'change_address');
    assert.equal(nlu.understand("I didn't ask to cancel the hamper?! anyway will it defo get there tomorrow").intent, 'delivery_estimate');
    assert.equal(nlu.understand('不要取消 我只是问问什么时候到').intent, 'delivery_estimate');
    assert.notEqual(nlu.understand('别取消啊 我明天付款').intent, 'cancel_order');
  });
  test('a cancellation asked for stays one, another order\'s too', () => {
    for (const text of ['cancel my order', '不要了 取消吧', '我不想要了，取消订单', '别取消 我要取消另一单']) assert.equal(nlu.understand(text).intent, 'cancel_order', text);
  });
});

describe('a Cantonese yes or no (twenty-first session, fruit shop)', () => {
  const nlu = createNlu();
  test('係, 係呀 answer yes; 唔要, 唔係 no (a 係 to "did you mean…?" had handed over as a miss)', () => {
    for (const text of ['係', '係呀', '系']) assert.equal(nlu.understand(text).yesNo, 'yes', text);
    // In Mandarin "得，那我再等等吧" and "没问题了" are "fine, never mind" (found in review).
    for (const text of ['得，那我再等等吧', '没问题了']) assert.notEqual(nlu.understand(text).yesNo, 'yes', text);
    for (const text of ['唔要', '唔係']) assert.equal(nlu.understand(text).yesNo, 'no', text);
  });
});

describe('waiting on is no leaving the queue (twenty-first session, fruit shop)', () => {
  test('"算了不退了 等着吧 🙄", "算了 等着吧", "nvm i\'ll wait" keep the hand-over; "算了不用了", "nvm, where is my parcel" take it back', () => {
    for (const text of ['算了不退了 等着吧 🙄', '算了 等着吧', '算了，我等着吧 🙄', "nvm i'll wait"]) assert.equal(withdrawsHandover(text), undefined, text);
    assert.equal(withdrawsHandover('算了不用了'), '');
    assert.equal(withdrawsHandover('nvm, where is my parcel'), 'where is my parcel');
  });
});

describe('words from the twenty-seventh session\'s shops', () => {
  const nlu = createNlu();
  test('注音文 ㄉ, ㄋ, ㄇ, ㄅ are 的, 呢, 吗, 吧; Singapore "anot" is "or not"', () => {
    assert.equal(nlu.understand('我ㄉ行動電源ㄋ').normalized, '我的行动电源呢');
    assert.match(nlu.understand('ur CS open sunday anot').normalized, /or not$/);
  });
  test('a Singapore unit number beside a street is no order number', () => {
    const ids = (t: string) => nlu.understand(t).entities.filter((e) => e.type === 'orderId').map((e) => e.value);
    assert.deepEqual(ids('pls send to 1 Raffles Place #20-01 instead'), []);
    assert.deepEqual(ids('my order #20-01 where is it'), ['#20-01']);
    // Forty-second session (a Singapore shop): at a door it is the door's, unless an order is named.
    assert.deepEqual(ids('can ask driver leave outside my door? #05-67 got shoe rack can put inside'), []);
    assert.deepEqual(ids('order #05-67, can the driver leave it outside'), ['#05-67']);
  });
});

describe('words from the thirty-fifth session\'s shops (Guangzhou, Bristol, Hangzhou, Kuala Lumpur)', () => {
  const nlu = createNlu();
  test('an ok, then a question: the question is read, not a goodbye; an ok with no question may still close', () => {
    for (const text of ['ok so bila nak pos? today sunday kan', 'ok i place new order la. btw ur kerepek all halal kan? my husband very particular', 'ok. so halal or not? yes or no je', 'ok thx, 順便問下 你哋啲線係咪MFi認證 定係山寨貨']) {
      assert.notEqual(nlu.understand(text).intent, 'bye', text);
    }
    for (const text of ['ok thanks', 'ok got it', 'ok thanks, how about you?']) assert.equal(nlu.understand(text).intent, 'bye', text);
  });
  test('British, emphatic, Cantonese and Malay yeses; "ye" stays pinyin inside a sentence', () => {
    for (const text of ['yes go on', 'go on then', 'ye go on then', 'Indeed.', 'yes obviously', 'ye', 'ye la', '係呀 快啲講啦', '啱', 'betul', 'of course']) assert.equal(nlu.understand(text).yesNo, 'yes', text);
    assert.match(nlu.understand('wo ye yao tui kuan').normalized, /wo ye /);
  });
  test('"tak payah agent la" takes the hand-over back; the question after it is the rest', () => {
    assert.equal(withdrawsHandover('tak payah agent la. hamper raya berapa harga?'), 'hamper raya berapa harga?');
    assert.equal(withdrawsHandover('tak payah orang'), '');
  });
  test('the person declined in more words takes the hand-over back: 甭, 人工不用了 at the end, "no agent needed thx", "liao", "i said…"', () => {
    for (const text of ['甭了', '甭找人了', '不不不 不要人工', 'forget it, no agent needed thx', 'hello?? i said no need agent']) assert.equal(withdrawsHandover(text), '', text);
    assert.equal(withdrawsHandover('那行吧 12月这期照常发吧 人工不用了'), '那行吧 12月这期照常发吧');
    assert.equal(withdrawsHandover('dont need agent liao, my mum will be home. thx'), 'my mum will be home. thx');
    for (const text of ['hello? where is my parcel', 'i said i want an agent', '不不不 我要人工']) assert.equal(withdrawsHandover(text), undefined, text);
  });
  test('goods that have not come are the parcel, not an after-sale, unless after-sales is said; a return set aside is not asked', () => {
    for (const text of ['hi my dining chairs still havent come, table came liao', 'my shoes still havent come', 'no la i dw return, i asking where is my chairs', "i dont want to return it, i'm asking where my chairs are"]) {
      assert.equal(nlu.understand(text).intent, 'track_parcel', text);
    }
    assert.equal(nlu.understand('my refund still havent come').intent, 'aftersale_progress');
    assert.equal(nlu.understand('i want to return it').intent, 'return_policy');
  });
  test('a day, then 送 as delivering ("今天会送吗", "明天送吗") asks when it comes; 送 of a gift does not', () => {
    for (const text of ['NVSGSGF0010611 今天会送吗', '明天送吗', '后天会不会送']) assert.equal(nlu.understand(text).intent, 'delivery_estimate', text);
    for (const text of ['今天送什么赠品', '会送赠品吗']) assert.notEqual(nlu.understand(text).intent, 'delivery_estimate', text);
  });
  test('Sichuan\'s and the north\'s yeses ("是噻", "对头", "要得", "好嘛转嘛", "必须的") are yeses', () => {
    for (const text of ['是噻', '对头', '要得', '要得嘛', '好嘛转嘛', '必须的啊']) assert.equal(nlu.understand(text).yesNo, 'yes', text);
    assert.notEqual(nlu.understand('要得 不要人工了').yesNo, 'yes');
  });
  test('Shanghainese: 伐 ends a question, 阿拉 is 我, 覅 is 不要; asking whether to contact the staff asks for none', () => {
    assert.match(nlu.understand('伊会送到楼上伐？阿拉屋里11楼').normalized, /送到楼上吗.*我屋里/);
    assert.notEqual(nlu.understand('ok 那阿拉买整箱送湿巾是伐').intent, 'bye');
    for (const text of ['下趟我再囤12罐，9折是自动的还是要联系客服改价', '要联系客服吗']) assert.notEqual(nlu.understand(text).intent, 'human', text);
    assert.equal(nlu.understand('帮我联系客服').intent, 'human');
    assert.equal(nlu.understand('aye').yesNo, 'yes');
  });
  test('the hand-over taken back in a Shanghai buyer\'s words', () => {
    assert.equal(withdrawsHandover('我没要转人工呀，我就问12罐是不是打9折'), '我就问12罐是不是打9折');
    assert.equal(withdrawsHandover('哦哟算了，我自己去商品页看'), '');
    assert.equal(withdrawsHandover('算了 不等了'), '', 'a Wuhan shop: "不等了" was left as a miss');
    assert.notEqual(withdrawsHandover('不等了 直接退款'), '直接退款');
    assert.equal(withdrawsHandover('不要紧的，不转了，侬就告诉我哪能查批号'), '侬就告诉我哪能查批号');
    for (const text of ['我没说要退货', '我自己去问快递吗']) assert.equal(withdrawsHandover(text), undefined, text);
  });
  test('a shop prefix, a dash and a number is an order id, and beside an FAQ lean it is the order', () => {
    assert.deepEqual(nlu.understand('where is MP-260472').entities.filter((e) => e.type === 'orderId').map((e) => e.value), ['MP-260472']);
    for (const text of ['the one i paid yesterday, MP-260472', 'i just want to know if MP-260472 is sent', 'MP-260472']) assert.equal(nlu.understand(text).intent, 'order_status', text);
    assert.deepEqual(nlu.understand('COVID-19 shipping delays?').entities.filter((e) => e.type === 'orderId'), []);
  });
  test('"put in for a swap … any news?" asks after the request, "when you send my …?" when it goes out (a Manchester shop)', () => {
    assert.equal(nlu.understand("put in for a swap on me iphone 12 last nite, battery's knackered. any news?").intent, 'aftersale_progress');
    assert.equal(nlu.understand('sorry, english: when you send my Samsung S22?').intent, 'delivery_estimate');
    assert.equal(nlu.understand('when you send the invoice?').intent, 'invoice');
  });
  test('the courier\'s phone asks of the parcel ("师傅电话多少", "courier\'s phone number?")', () => {
    for (const text of ['师傅电话多少', "courier's phone number?"]) assert.equal(nlu.understand(text).intent, 'track_parcel', text);
  });
  test('"yang kedua" is "the second one"', () => {
    assert.equal(nlu.understand('yang kedua').normalized, 'second one');
  });
  test('thanks beside trouble told with a "not" ("it wasn\'t in the box") is no goodbye; trouble said to be over is', () => {
    assert.notEqual(nlu.understand("And my December box arrived on Friday, thank you, although the Lady Grey was missing from it. The card lists it but it wasn't in the box.").intent, 'bye');
    assert.equal(nlu.understand("cheers! it's not leaking anymore").intent, 'bye');
  });
  test('"我唔係問幾時寄呀 我問…", "i\'m not asking when it ships, i\'m asking…": the question set aside is not read', () => {
    for (const text of ['我唔係問幾時寄呀 我問20W充iphone快唔快', "i'm not asking when it ships, i'm asking if it's magnetic"]) assert.notEqual(nlu.understand(text).intent, 'delivery_estimate', text);
    assert.equal(nlu.understand('不是，我问的是退货运费谁出').intent, 'return_policy');
  });
  test('老板 after a hello is how buyers address the seller: the question decides, or the hello', () => {
    assert.notEqual(nlu.understand('yo 老板 avata2电池那单我还没付 付款截止到几点').intent, 'human');
    assert.equal(nlu.understand('喂 老板 在不在').intent, 'greeting');
    assert.equal(nlu.understand('hi 老板 转人工').intent, 'human');
  });
  test('Taiwan\'s 感恩 thanks, 注音\'s ㄅㄅ says bye; 感恩节 stays a holiday', () => {
    for (const text of ['感恩 ❤️', '感恩', 'ㄅㄅ']) assert.equal(nlu.understand(text).intent, 'bye', text);
    assert.notEqual(nlu.understand('感恩节有活动吗').intent, 'bye');
  });
  test('every Malay phrase reads as English no longer than itself (positions in the text point at the words typed)', async () => {
    const { MALAY_PHRASES } = await import('../../src/robot/nlu/tables.ts');
    for (const [malay, english] of MALAY_PHRASES) assert.ok(english.length <= malay.length, `${malay} → ${english}`);
  });
  test('Malay money to pay with is no refund; "bila pos" asks when it is sent', () => {
    assert.notEqual(nlu.understand('sis dah bayar hamper mini tadi guna duit adik. bila pos?').intent, 'aftersale_progress');
    assert.equal(nlu.understand('ok so bila nak pos? today sunday kan').intent, 'delivery_estimate');
    assert.equal(nlu.understand('duit balik bila').intent, 'aftersale_progress');
  });
});

describe('taking a hand-over back, or waiting on, in the Bristol and Kuala Lumpur queues (thirty-fifth session)', () => {
  test('a formal take-back answers the rest; a Malay "fine, tomorrow then" waits on', () => {
    assert.equal(withdrawsHandover('Very well. Then I shall withdraw my request for a person; please just tell me how to report a missing item.'), 'please just tell me how to report a missing item.');
    assert.equal(withdrawsHandover('cancel my request for an agent'), '');
    // A Melbourne shop (thirty-fifth session): no reply in the queue.
    assert.equal(withdrawsHandover('cancel the agent'), '');
    assert.equal(withdrawsHandover('sorry forget the agent. quick q can I get it sent to a different address in wellington instead'), 'quick q can I get it sent to a different address in wellington instead');
    for (const text of ['sorry the agent never answered', 'cancel the agent meeting?']) assert.equal(withdrawsHandover(text), undefined, text);
    for (const text of ['takpe, esok je la. tq', 'takpe i tunggu', 'then i will wait']) assert.equal(withdrawsHandover(text), undefined, text);
    assert.equal(withdrawsHandover('takpe, where is my parcel'), 'where is my parcel');
  });
});

// A Guangzhou shop, thirty-seventh session: "東莞幾日到" was not understood and handed over.
test('Cantonese 幾日到 asks how many days delivery takes; money 几日到账 is no delivery', () => {
  for (const text of ['東莞幾日到', '深圳几日到', '几日可以到']) assert.equal(nlu.understand(text).intent, 'delivery_estimate', text);
  assert.notEqual(nlu.understand('退款几日到账').intent, 'delivery_estimate');
});

// A Guangzhou shop, thirty-seventh session: "no after-sales request" told to both.
test('the 钱 of paying is no refund ("今晚俾钱几时可以发"); Cantonese money of a cancelled order ("嗰680蚊几时退返俾我") reads as a refund', () => {
  for (const text of ['好 咁小金条我而家俾钱 用我自己嘅卡 今晚俾钱几时可以发', '我付钱什么时候可以发']) assert.equal(nlu.understand(text).intent, 'delivery_estimate', text);
  for (const text of ['退的钱什么时候到', '付钱了 钱什么时候退回来']) assert.equal(nlu.understand(text).intent, 'aftersale_progress', text);
  assert.match(nlu.understand('嗰680蚊几时退返俾我？').normalized, /680元什么时候退给我/);
});

// A Guangzhou shop, thirty-seventh session: its status told again, and "2-3日" read as the 3rd.
test('a parcel sent and said to be late is a parcel question; "2-3日到" is days, not the 3rd', () => {
  const u = nlu.understand('2号已经出库 讲好2-3日到 而家都6号啦 係咪超时咗', new Date('2026-12-06T10:00:00+08:00'));
  assert.equal(u.intent, 'track_parcel');
  assert.deepEqual(u.entities.filter((e) => e.type === 'date').map((e) => e.value), ['2026-12-02', '2026-12-06']);
  assert.deepEqual(nlu.understand('讲好2-3日到').entities, []);
  assert.equal(nlu.understand('付款超时了 订单还在吗').intent === 'track_parcel', false);
});

// Thirty-seventh session, second round (a London, a Hangzhou and a Kuala Lumpur shop).
test('"rubbish service tbh" complains; "找个客服聊吧" asks for a person; "…ignore me 😂" takes the hand-over back', () => {
  assert.equal(nlu.understand('rubbish service tbh, the shoes pinch and now this').intent, 'complaint');
  assert.equal(nlu.understand('找个客服聊吧，量大要谈').intent, 'human');
  assert.equal(withdrawsHandover("actually no, it's just arrived!! ignore me 😂"), "actually no, it's just arrived!!");
  assert.equal(withdrawsHandover('sorry please ignore me'), 'sorry please');
});

// Found from outside (thirty-eighth session: a Shenzhen and a Harbin shop).
test('waiting on to be served keeps the hand-over; a take-back after a filler or a northeastern lead is one; 嗯呐, 昂, 中 are yes', () => {
  for (const text of ['算了 等着吧 明天早上第一个处理我的啊', '不用了 你们明天上班再回我吧', '不等了 直接退款', '不是 我要人工']) assert.equal(withdrawsHandover(text), undefined, text);
  assert.equal(withdrawsHandover('不是 算了不用人工了 明天再说'), '明天再说');
  assert.equal(withdrawsHandover('得嘞 不用人工了 我自己下单了'), '我自己下单了');
  assert.equal(withdrawsHandover('那个那个不用了不用了 我让我闺女给我弄吧'), '我让我闺女给我弄吧');
  assert.equal(withdrawsHandover('不等了 不用人工了 我自己打中通电话问'), '我自己打中通电话问');
  assert.equal(withdrawsHandover("nvm forget it, i'll just wait for the hold to drop off"), "i'll just wait for the hold to drop off");
  const nlu = createNlu();
  for (const yes of ['嗯呐', '昂', '昂 是', '中']) assert.equal(nlu.understand(yes).yesNo, 'yes', yes);
});

// A Nanjing shop (thirty-eighth session): 阿 before a verb asks it; the rest of the sentence was an alternate word for word.
test('Nanjing 阿 before a verb is the A-not-A question; 阿姨, 阿里 and Shanghainese 阿拉 are not', () => {
  const nlu = createNlu();
  assert.match(nlu.understand('支架阿要另外买？').normalized, /支架要不要另外买/);
  assert.match(nlu.understand('阿有国补').normalized, /有没有国补/);
  assert.match(nlu.understand('送来的时候阿能顺便装').normalized, /能不能顺便装/);
  assert.match(nlu.understand('阿姨要的那个到了吗').normalized, /阿姨要/);
});

// A New York shop (thirty-eighth session): "NYS-20418. here by wednesday or no?" was offered the address-change entry.
test('"here by wednesday" asks when it arrives; a store "there by the mall" does not', () => {
  const nlu = createNlu();
  for (const t of ['no the UPS one 🙄 NYS-20418. here by wednesday or no?', 'here by wednesday or no?']) assert.equal(nlu.understand(t).intent, 'delivery_estimate', t);
  assert.notEqual(nlu.understand('is the store there by the mall').intent, 'delivery_estimate');
});

// An Austin shop (thirty-eighth session): "yeah get me somebody" was asked to confirm, and the yes was lost behind a question.
test('"get me somebody" asks for a person', async () => {
  const { createRobot, FaqIndexProvider } = await import('../../src/robot/index.ts');
  const { fakeDataSource } = await import('./fixtures.ts');
  const robot = createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: new FaqIndexProvider(), clock: () => NOW });
  const r = await robot.answer({ shopId: 's', userId: 'u', conversationId: 'c', text: 'yeah get me somebody' });
  assert.equal(r.handover?.reason, 'requested');
});

// A Xiamen shop (thirty-eighth session): Minnan and Taiwan's 免 is "no need"; 拜拜 is also worship.
test('免啦 is a no and takes a hand-over back; "過年拜拜用" is no goodbye', () => {
  const nlu = createNlu();
  assert.equal(nlu.understand('免啦').yesNo, 'no');
  assert.equal(withdrawsHandover('我說免了 不用轉人工'), '');
  assert.equal(withdrawsHandover('免啦 多謝'), '多謝');
  assert.equal(withdrawsHandover('免费的吗'), undefined);
  assert.notEqual(nlu.understand('過年拜拜用').intent, 'bye');
  assert.equal(nlu.understand('拜拜').intent, 'bye');
});

// An Austin shop (thirty-eighth session): a take-back after a short remark of its own sentence was missed, then silence.
test('a take-back opening the sentence after a short remark is one; a person asked for in the remark is not taken back', () => {
  assert.equal(withdrawsHandover('sorry bout earlier, rough mornin. forget the agent, just tell me when the pellet box gets here'), 'just tell me when the pellet box gets here');
  assert.equal(withdrawsHandover('I want a person. never mind the agent'), undefined);
  assert.equal(withdrawsHandover('hi. where is my parcel'), undefined);
});

// A Xiamen shop (thirty-eighth session): Minnan's 去 after a result, 几工 for how many days.
test('碎去了 is 碎了 and 几工 is 几天', () => {
  const nlu = createNlu();
  assert.match(nlu.understand('绿豆饼收到都碎去了').normalized, /碎了/);
  assert.match(nlu.understand('寄泉州要几工').normalized, /几天/);
});

// A Xiamen shop (thirty-eighth session): "帮我找小雅" asked for the agent who served her by name.
test('an agent asked for by name is a request for a person; a sample or a receipt is not', async () => {
  const { createRobot, FaqIndexProvider } = await import('../../src/robot/index.ts');
  const { fakeDataSource } = await import('./fixtures.ts');
  const robot = createRobot({ dataSource: fakeDataSource({ orders: [] }), faq: new FaqIndexProvider(), clock: () => NOW });
  const ask = (text: string) => robot.answer({ shopId: 's', userId: 'u', conversationId: 'c', text });
  assert.equal((await ask('都不是 帮我找小雅')).handover?.reason, 'requested');
  assert.equal((await ask('帮我找小样')).handover, undefined);
});

// A Vancouver shop (thirty-eighth session): the buyer's own rudeness apologised for was a complaint, moved up the queue.
test('"sorry for being rude earlier" is no complaint', () => {
  const nlu = createNlu();
  assert.notEqual(nlu.understand('k thanks. sorry for being rude earlier, long week').intent, 'complaint');
  assert.equal(nlu.understand('your staff were so rude').intent, 'complaint');
});

// Found from outside (thirty-ninth session, a Qingdao shop): a receiver's phone typed with a digit too many was looked up as
// an order number ("没有找到订单号为 189990011222 的订单").
test('a number after a phone word is no order number, unless an order marker stands before it', () => {
  const nlu = createNlu();
  const ids = (t: string) => nlu.understand(t, new Date('2024-11-27T10:00:00+08:00')).entities.filter((e) => e.type === 'orderId').map((e) => e.value);
  assert.deepEqual(ids('新疆那个收货电话俺写错了一位 189990011222 多了个2 能改不'), []);
  assert.deepEqual(ids('phone 2024112600012'), []);
  assert.deepEqual(ids('订单号 189990011222 到哪了'), ['189990011222']);
  assert.deepEqual(ids('手机上看订单 2024112600012 还没发'), ['2024112600012']);
  assert.deepEqual(ids('电话打不通 单号 SF1234567890123'), ['SF1234567890123']);
});

// Forty-fifth session (a Dublin, an LA and a Beijing shop, then two reviews): a question read as a goodbye is tried on the FAQ; a
// goodbye with a softener, "you too?" or "有什么问题我再问" stays one; Irish yes; a take-back's rest that asks the shop to act is answered.
test('a question beside a goodbye is asked; a goodbye with small talk is a goodbye', () => {
  for (const t of ['What about a Jellycat for a newborn, is that ok for a baby?', 'sorry one more, my nephew is 4 is catan ok for him or too hard 😂', '好的谢谢 咋看是不是真的', 'ok thanks. and the jellycat, fine for a newborn']) {
    assert.notEqual(understand(t).intent, 'bye', t);
  }
  for (const t of ['好的谢谢 那就这样吧 拜拜呢', 'ok thanks a lot, bye for now, speak soon?', '谢谢啦 那我就等快递了哈？', '好的好的 谢谢你呢 辛苦你了', '没事了 谢谢 你们忙吧 有什么问题我再问', 'thanks heaps, you too? have a good one']) {
    assert.equal(understand(t).intent, 'bye', t);
  }
  for (const t of ['aye go on so', 'yeah go on so', 'grand go on']) assert.equal(understand(t).yesNo, 'yes', t);
  assert.equal(withdrawsHandover('免啦 我问修车的'), '');
  assert.equal(withdrawsHandover('算了不用人工了 我自己跟平台申诉'), '');
  for (const [t, rest] of [['算了 联系快递查一下', '联系快递查一下'], ['算了 找店里处理', '找店里处理']] as const) assert.equal(withdrawsHandover(t), rest, t);
  for (const t of ['算了 去问快递吧', '不转了 跟平台投诉去']) assert.equal(withdrawsHandover(t), '', t);
  assert.notEqual(understand('好的谢谢 那个蓝色的小号的呢').intent, 'bye');
  for (const t of ['好的谢谢 那我等你们消息呢', '谢谢 那我再看看呢', '谢谢亲，那我就放心了呢']) assert.equal(understand(t).intent, 'bye', t);
});

// Found from outside (forty-eighth session: a Shenzhen e-bike shop, a Taipei baby shop).
test('a parcel sent days ago and not here, when a greeting opens the question, a yes typed apart, the weather where the buyer is', () => {
  const nlu = createNlu();
  for (const t of ['我的电池发了十天了还没到 新疆的', '我架滑板车寄咗成個禮拜都未到']) assert.equal(nlu.understand(t, NOW).intent, 'track_parcel', t);
  for (const t of ['哈囉～我的尿布什麼時候寄😅', '我的尿布什么时候寄']) assert.equal(nlu.understand(t, NOW).intent, 'delivery_estimate', t);
  assert.equal(nlu.understand('好 麻煩了', NOW).yesNo, 'yes');
  // The service called rubbish the other way round (a Brisbane shop); not a service praised or asked about.
  assert.equal(nlu.understand('ur service is absolute rubbish, ordered 2 weeks ago and nothing', NOW).intent, 'complaint');
  for (const t of ['the customer service is great', 'is the room service included']) assert.notEqual(nlu.understand(t, NOW).intent, 'complaint', t);
  assert.equal(nlu.understand('好麻烦了', NOW).yesNo, undefined, 'what a hassle');
});

// Forty-ninth session: three outside shops (a Guangzhou appliance shop, a Singapore hobby shop, a Manchester bakery).
test('the shop\'s own place, an order not sent or long on its way in Cantonese, a product\'s news, and a yes, a no, a thanks', () => {
  const at = new Date('2026-12-06T10:00:00+08:00');
  const cases: [string, string][] = [
    ['no. where is the Ubi shop exactly and what time can I come?', 'faq'],
    ['點解仲未寄出', 'order_status'],
    ['我個電飯煲寄咗好耐都未到，幾時先到香港呀？', 'delivery_estimate'],
    ['都一个多礼拜了，ninja van网站显示on hold，什么意思啊', 'track_parcel'],
    ['我的车现在怎样了 有消息了吗', 'track_parcel'],
    ['brill, cheers', 'bye'],
    ['可以寄香港吗', 'faq'],
    ['has my Apple Pay gone through', 'order_status'],
    ['do u go thru usps', 'faq'],
    ['can i get a fapiao for my company? need it for reimbursement', 'invoice'],
    ['ok 那我重新拍一个 宿舍限电 800w的水壶会跳闸吗', 'faq'],
    ['謝謝你，很有幫助', 'bye'],
    ['can you hold off sending the brownies till next monday', 'faq'],
    ['Can I push it back to Saturday instead?', 'faq'],
    ['好，門市在哪裡？', 'faq'],
    ['旺角門市喺邊度？我想今晚去換錶帶', 'faq'],
    ['另外想問你哋嘅錶帶啱唔啱 Apple Watch Series 9 45mm？', 'faq'],
    ['喂 我隻尿袋寄咗未呀', 'order_status'],
    ['ok thanks, last q - do u guys sell resin for elegoo mars 4', 'faq'],
  ];
  for (const [text, intent] of cases) assert.equal(nlu.understand(text, at).intent, intent, text);
  assert.equal(nlu.understand('要啊 快点').yesNo, 'yes');
  assert.equal(nlu.understand('nah dont worry').yesNo, 'no');
  assert.notEqual(nlu.understand('knife is brilliant, not the knife\'s fault').intent, 'bye');
});
