import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceKind, dangerGoesOn, safetyOf, worsened } from '../../src/robot/safety.ts';
import { TEXTS } from '../../src/robot/replies.ts';
import { deviceAdvice } from '../../src/robot/dialogue.ts';
import { createRobot, FaqIndexProvider } from '../../src/robot/index.ts';
import { fakeDataSource } from './fixtures.ts';
import { createNlu } from '../../src/robot/nlu/index.ts';

// Found from outside (thirty-eighth session, four shops): dangers and reactions in the buyers' own words.
test('dangers and reactions read in the words buyers used; worries beforehand and shop questions are none', () => {
  const cases: [string, string | undefined][] = [
    ['你家那个发热马甲充电的时候贼烫 刚才还有股糊巴味儿 吓死我了', 'device'],
    ['马甲又冒烟了 我放阳台了 会不会着火啊 咋整', 'device'],
    ['热水器前天装好的，今天洗澡的时候闻到好大一股煤气味', 'gas'],
    ['OMG wait my 3 yr old just got into the magnesium bottle, she ate like 4 or 5 of them what do i do', 'emergency'],
    ['我大孙子穿上那个羽绒服脖子这块起了一片红疙瘩直挠直挠的', 'reaction'],
    ['my face is still burning and peeling around my mouth 3 days after i stopped the retinol, is that normal?? kinda scared', 'reaction'],
    ['is it normal for the retinol to make my face peel a bit', undefined],
    ['这件羽绒服穿上会不会起疹子', undefined],
    ['zinc or magnesium which is better for sleep', undefined],
    ['装好之后外机那个架子一直在晃，风一吹咯噔咯噔响，六楼外面，我怕掉下去砸到人', 'fall'],
    ['你们到底有没有人管啊！！外机要掉下来了！！', 'fall'],
    ['the retinol bottle is cracked, glass everywhere and i cut my finger on it 🩸 do i still send it back??', 'injury'],
    ['外机会不会掉下来啊', undefined],
    // An Austin grill shop: propane, and the dropped g.
    ['fired up the new 4 burner last night and I smell propane real strong round the knobs, flame was yellow and poppin. is that normal??', 'gas'],
    ["its still smellin like gas out there right now, tank's still hooked up", 'gas'],
    ['also the propane tank I got with it is leakin, I can hear it hissin at the valve', 'gas'],
    ['does the grill come with a propane tank', undefined],
    // A Vancouver shop: a Cantonese rice cooker smoking, a burn with blisters.
    ['我個電飯煲有陣燶味，底部好熱，仲有少少煙', 'device'],
    ['烫到手了 起了几个水泡 要去医院吗', 'injury'],
    // A Xiamen shop: a daughter sick after the shop's food.
    ['我女儿晚上吃了你们的芒果干又吐了两次', 'reaction'],
    ['我女儿已经吃了两片 现在说肚子有点不舒服', 'reaction'],
    ['宝宝喝这个奶粉会不会拉肚子', undefined],
    // Found replaying the New York shop's turns: what to watch for, and a worry ahead, report nothing.
    ['ok called them, they said 4 magnesium caps is prob ok for her weight, just watch for diarrhea. she seems fine now', undefined],
    ['is the bha toner gonna make me purge? ngl scared of breaking out before my date friday', undefined],
    ['the shelf is a bit wobbly is that normal', undefined],
    // Found in review: goods scratched, leaking dye, shaking pictures, a sole coming off, joy.
    ['屏幕划伤了', undefined],
    ['收到的时候表面刮伤了 能换吗', undefined],
    ['包装割破了', undefined],
    ['漆面起水泡了', undefined],
    ['the red shirt is bleeding onto my whites', undefined],
    ['the sole is falling off my boots', undefined],
    ['电视画面一直晃', undefined],
    ['置物架有点晃，怎么装稳一点', undefined],
    ['this sparked so much joy, thank you', undefined],
    ['手指被玻璃扎破了 流血了', 'injury'],
    ['我的快递到哪了', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  assert.ok(dangerGoesOn('现在放阳台地上了 会不会炸啊 家里有小孩'));
  assert.ok(dangerGoesOn('有人吗 电池还在冒味'));
  assert.ok(!dangerGoesOn('几点有人上班'));
  // Small talk after the advice is no danger going on (found in review).
  for (const t of ['客服还在吗？', 'should i send photos?', 'still waiting']) assert.ok(!dangerGoesOn(t), t);
  // A Vancouver shop: a Cantonese follow-up on a scorched outlet.
  assert.ok(dangerGoesOn('個插蘇燶咗黑晒 仲有陣味 使唔使叫electrician定係打911？'));
});

// Found in review (thirty-ninth session): the queue's first reading (a cheap word test) passed over the session's own
// emergencies, so a queued buyer with them was told the message was kept.
test('the queue reads the emergencies of the thirty-ninth session, and a scam in traditional characters', () => {
  for (const [text, kind] of [
    ['my 2 year old was chewing the blue ice pack, gel came out in his mouth', 'emergency'],
    ['she has an epipen, should i use it?? her voice sounds funny', 'emergency'],
    // A pet's is the vet's own emergency (forty-fifth session).
    ['我家猫今天打完胰岛素以后一直在发抖 走路不稳', 'petEmergency'],
    ['剛剛有人打電話說是你們客服 說我訂單被設成分期付款 要我去ATM操作解除 這是真的嗎', 'fraud'],
    ['還有剛剛機器插著 後面一直有燒焦味 還有啪啪的聲音', 'device'],
  ] as const) {
    assert.equal(safetyOf(text), kind, text);
  }
});

// Found from outside (fortieth session): a Munich shop's buyer with a burning battery was told 911/999/119, never 112; a
// Singapore shop's 911/999/000, never 995.
describe('the shop\'s own emergency number', () => {
  test('the zone a shop set gives its country\'s number in place of the lists; an unknown zone or none keeps them', async () => {
    const { localEmergencyNumbers, NUMBER_LISTS } = await import('../../src/robot/emergency-numbers.ts');
    const fire = TEXTS.en.safetyFirst;
    assert.ok(fire.includes(NUMBER_LISTS.enFire));
    assert.match(localEmergencyNumbers(fire, 'Europe/Berlin'), /call the fire service \(112\)/);
    assert.match(localEmergencyNumbers(TEXTS.en.healthEmergency, 'Asia/Singapore'), /emergency number right away \(995\)/);
    assert.match(localEmergencyNumbers(TEXTS.zh.healthEmergency, 'Asia/Shanghai'), /急救电话（120）/);
    // Mainland China's English buyers are mostly abroad: the lists stay; its Chinese fire advice is 119.
    assert.equal(localEmergencyNumbers(fire, 'Asia/Shanghai'), fire);
    assert.match(localEmergencyNumbers(TEXTS.zh.safetyFirst, 'Asia/Shanghai'), /火警电话（119）/);
    // A mainland shop's buyer writing traditional characters (Hong Kong, Macau, Taiwan): the list, which names 港澳 999 (forty-ninth session).
    assert.match(localEmergencyNumbers(TEXTS.zh.safetyFirst, 'Asia/Shanghai', 'hant'), /港澳 999/);
    assert.match(localEmergencyNumbers(TEXTS.zh.safetyFirst, 'Asia/Shanghai', 'hans'), /火警电话（119）/);
    assert.match(localEmergencyNumbers(TEXTS.zh.safetyFirst, 'Asia/Taipei', 'hant'), /火警电话（119）/);
    assert.match(localEmergencyNumbers(TEXTS.zh.safetyFirst, 'Asia/Singapore'), /火警电话（995）/);
    assert.match(localEmergencyNumbers(TEXTS.en.hazardFirst.air, 'Europe/London'), /\(999\)/);
    assert.match(localEmergencyNumbers(TEXTS.en.healthReaction + TEXTS.zh.healthReaction, 'America/Toronto'), /（911）/);
    for (const zone of ['Africa/Lagos', 'Mars/Base', undefined, null]) assert.equal(localEmergencyNumbers(fire, zone), fire, String(zone));
    assert.equal(localEmergencyNumbers('call 911 now', 'Europe/Berlin'), 'call 911 now');
  });
  test('advice told with the shop\'s number is still read back as the advice it is', async () => {
    const { localEmergencyNumbers } = await import('../../src/robot/emergency-numbers.ts');
    for (const zone of ['Europe/Berlin', 'Asia/Singapore', 'Asia/Shanghai']) {
      assert.equal(adviceKind(localEmergencyNumbers(TEXTS.en.safetyFirst, zone)), 'device', zone);
      assert.equal(adviceKind(localEmergencyNumbers(TEXTS.zh.healthEmergency, zone)), 'emergency', zone);
    }
  });
  test('the robot tells a shop in Germany 112', async () => {
    const faq = new FaqIndexProvider();
    faq.setEntries('shop-de', [{ id: 'a', question: 'How long does shipping take?', answer: 'DHL 1-2 working days.' }], undefined, { timeZone: 'Europe/Berlin' });
    const r = await createRobot({ dataSource: fakeDataSource({}), faq }).answer({ shopId: 'shop-de', userId: 'u', conversationId: 'c', text: 'my laptop battery got very hot and the bottom is bulging a bit, i smell something burning. what do i do??' });
    assert.match(r.replies[0]!.text, /\(112\)/);
    assert.doesNotMatch(r.replies[0]!.text, /911/);
  });
});

// Found mending the fortieth session's leftovers: a child who swallowed a small part, a bead or a coin was "not sure" or a
// returns answer; "wu tun feng xian da ma" (is the swallowing risk high?) in pinyin was told to call for help.
test('a child or a pet who swallowed a thing is the emergency, with the robot and in the queue; a sweet, a supposition or a risk asked is not', async () => {
  const faq = new FaqIndexProvider();
  faq.setEntries('shop-t', [{ id: 'a', question: '可以退货吗', answer: '7天无理由退货。' }]);
  const robot = createRobot({ dataSource: fakeDataSource({}), faq });
  const ask = async (text: string) => (await robot.answer({ shopId: 'shop-t', userId: 'u', conversationId: `c-${text}`, text })).replies.map((r) => r.text).join('\n');
  for (const text of ['the baby swallowed a small part', 'my son swallowed a coin', 'my daughter swallowed one of the beads', '孩子吞了一个小零件', '宝宝把珠子吞下去了']) {
    assert.equal(safetyOf(text), 'emergency', text);
    assert.equal(adviceKind(await ask(text)), 'emergency', text);
  }
  // A pet's is the vet's own emergency (forty-fifth session), with the robot too.
  assert.equal(safetyOf('the dog swallowed a sock'), 'petEmergency');
  assert.equal(adviceKind(await ask('the dog swallowed a sock')), 'petEmergency');
  for (const text of ['my kid swallowed a piece of candy', '宝宝吞了一口奶', 'what if my kid swallows a part', '这个小零件会不会被孩子吞下去', 'my son swallowed his pride and returned the toy', 'wu tun feng xian da ma']) {
    assert.equal(safetyOf(text), undefined, text);
    assert.equal(adviceKind(await ask(text)), undefined, text);
  }
});

// Found from outside (forty-first session: a US vitamins shop, a London sneaker shop, a Guangzhou fashion shop, a Beijing
// appliance shop): reactions, fumes, a scam and the follow-ups of a danger were "not sure", FAQ offers or "your message is kept".
describe('the forty-first session\'s dangers', () => {
  test('a reaction, a swelling throat or lips, fumes that take the breath, a scam on Instagram: each its advice', () => {
    const cases: [string, string][] = [
      ['ok how bout this, i just got a rash after the new preworkout, face is itchy and red', 'reaction'],
      ['throat feels a lil tight now, should i go to the ER?', 'emergency'],
      ['现在脸也有点肿了 喘气有点闷', 'emergency'],
      ['穿了你们家马海毛毛衣 脖子和手臂起了一片红疹子 好痒 是不是过敏了 要不要去医院啊', 'reaction'],
      ['no im asking about my feet. its gone red and sore now, should i see a doctor?', 'reaction'],
      ['since wearing the dunks my feet are itchy and peeling between the toes', 'reaction'],
      ['the box the air maxs came in stinks of some chemical, opened it in my room and now my eyes are streaming and my chest feels tight', 'air'],
      ['struggling to breathe a bit tbh, the smell is proper strong. what do i do', 'air'],
      ['fumes from the shoe box, cant breathe properly', 'air'],
      ['yo some account on insta messaged me saying theyre you lot, offering travis 1s for 600 if i bank transfer them today. is that legit??', 'fraud'],
      ['is it still ok to drink tho if it smells weird? drank 2 scoops already', 'spoiled'],
      ['no lol. the protein powder smells bad, should i stop using it', 'spoiled'],
    ];
    for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
    for (const text of ['医院回来了 没事了 开了点抗过敏的药。另外我牛仔外套换L码的那个 审核过了 我要寄回到哪', 'the candle smells weird, should i stop using it', 'lol i can\'t breathe this is hilarious', 'the lid is too tight', 'my throat is sore, can i return the scarf', 'we called poison control, they said watch her and shes ok now, she\'s awake and playing. thank u sam']) {
      assert.equal(safetyOf(text), undefined, text);
    }
  });
  test('a child\'s dose or two supplements together asked: a doctor\'s question, not an FAQ entry', async () => {
    const { healthAsked } = await import('../../src/robot/nlu/health.ts');
    const { normalize } = await import('../../src/robot/nlu/index.ts');
    for (const text of ['also can my 4yo take the melatonin? she no sleep good', 'aight last q. can i take the magnesium and melatonin together before bed']) assert.equal(healthAsked(normalize(text).text, ''), 'advice', text);
  });
  test('what goes on about a danger told: the ER or 111 asked, toxic asked, the gas valve, being afraid', () => {
    for (const text of ['shes not choking, seems fine, just coughing a bit. should i take her to a&e or call 111?', 'opened the window and went outside, feel a bit better. is it toxic??', '要不要关总阀 我家老头还在屋里睡觉呢', '有人吗 我有点害怕']) assert.ok(dangerGoesOn(text), text);
  });
  test('the poison line is the country\'s own: NHS 111 in the UK, the US line in the US, none named in Canada or Germany', async () => {
    const { localEmergencyNumbers } = await import('../../src/robot/emergency-numbers.ts');
    const uk = localEmergencyNumbers(TEXTS.en.healthEmergency, 'Europe/London');
    assert.match(uk, /\(999\) or a poison control centre \(NHS 111\);/);
    assert.doesNotMatch(uk, /1-800/);
    assert.match(localEmergencyNumbers(TEXTS.en.healthEmergency, 'America/Chicago'), /\(911\) or a poison control centre \(1-800-222-1222\);/);
    for (const zone of ['America/Toronto', 'Europe/Berlin']) {
      const told = localEmergencyNumbers(TEXTS.en.healthEmergency, zone);
      assert.match(told, /or a poison control centre; with/, zone);
      assert.equal(adviceKind(told), 'emergency', zone);
    }
    assert.equal(adviceKind(uk), 'emergency');
  });
  // Found from outside (forty-second session): a Singapore and a Sydney shop's buyers were told to report a scam to Action Fraud.
  test('a scam is reported where the shop is: ScamShield in Singapore, ReportCyber in Australia, the police where kefu knows no line', async () => {
    const { localEmergencyNumbers } = await import('../../src/robot/emergency-numbers.ts');
    const en = TEXTS.en.hazardFirst.fraud;
    const zh = TEXTS.zh.hazardFirst.fraud;
    assert.match(localEmergencyNumbers(en, 'Asia/Singapore'), /police \(or call the ScamShield Helpline, 1799\)\.$/);
    assert.match(localEmergencyNumbers(en, 'Australia/Sydney'), /ReportCyber/);
    assert.match(localEmergencyNumbers(en, 'Europe/London'), /Action Fraud, 0300 123 2040/);
    assert.match(localEmergencyNumbers(zh, 'Asia/Hong_Kong'), /18222/);
    assert.match(localEmergencyNumbers(zh, 'Asia/Singapore'), /1799/);
    for (const zone of ['Asia/Singapore', 'Australia/Sydney', 'America/New_York', 'Europe/Berlin']) {
      const told = localEmergencyNumbers(en, zone);
      assert.doesNotMatch(told, /Action Fraud/, zone);
      assert.match(told, /report it to the police\S*/, zone);
      assert.equal(adviceKind(told), 'fraud', zone);
      assert.doesNotMatch(localEmergencyNumbers(zh, zone), /96110/, zone);
      assert.equal(adviceKind(localEmergencyNumbers(zh, zone)), 'fraud', zone);
    }
    assert.match(localEmergencyNumbers(en, 'Europe/Berlin'), /report it to the police\.$/);
    // A zone kefu knows no numbers of: the police, not the UK's or the mainland's lines (found in review).
    for (const zone of ['Asia/Bangkok', 'America/Sao_Paulo']) {
      assert.match(localEmergencyNumbers(en, zone), /report it to the police\.$/, zone);
      assert.doesNotMatch(localEmergencyNumbers(zh, zone), /96110/, zone);
    }
    // The mainland, and a shop that set no zone: the lists as written.
    assert.equal(localEmergencyNumbers(zh, 'Asia/Shanghai'), zh);
    assert.equal(localEmergencyNumbers(en, undefined), en);
  });
});

// Found in review of the forty-first session's readings.
describe('the forty-first session\'s dangers, narrowed in review', () => {
  test('"fine now" with danger said after it, or a battery swallowed, is still the emergency; over for good it is none', () => {
    for (const text of ['my toddler swallowed a button battery, he seems fine now but what should i do', '孩子吃了你们的果冻 本来以为没事了 现在呼吸越来越急 嘴唇肿了', '宝宝刚才吞了一颗纽扣电池 看着好像没事了 怎么办', '刚才好多了 现在孩子又喘不上气了', 'my 2 year old swallowed a magnet, is it ok now or do we need the ER?', '孩子把一颗珠子咽下去了', 'my throat is tightening after the gummies, should i go to the ER?']) {
      // A battery or a magnet has its own advice (forty-second session): the emergency department even when they seem fine.
      assert.equal(safetyOf(text), /battery|magnet|电池|磁铁/.test(text) ? 'battery' : 'emergency', text);
    }
    assert.equal(safetyOf('医院回来了 没事了 开了点抗过敏的药。另外我牛仔外套换L码的那个 审核过了 我要寄回到哪'), undefined);
  });
  test('a garment tight at the chest, a machine that swallowed a toy, bath water, washing powder, a sofa\'s feet: none', () => {
    for (const text of ['the chest is a bit tight but the length is fine, can i swap for a L?', '怀孕后脸有点肿，胸围也变紧了，想换大一码的文胸', "the robot vacuum swallowed my cat's toy mouse again, how do i open it?", '扫地机把猫的玩具吞了 卡在里面了怎么办', '洗衣机又把孩子的袜子吞了 滤网在哪', 'my baby swallowed a bit of bath water, is the bath seat ok?', 'the washing powder smells weird, should i stop using it?', 'the sofa feet are all peeling after using your polish']) {
      assert.equal(safetyOf(text), undefined, text);
    }
    assert.equal(safetyOf('the milk tastes off, is it still safe to drink?'), 'spoiled');
  });
  test('in the queue, "er" and an order number with 111 in it are no more of a danger; Canada\'s legacy zones name no US poison line', async () => {
    for (const text of ['er sorry, can you also check where my other parcel is?', 'also my other order is 20241111009, has it shipped?']) assert.equal(dangerGoesOn(text), false, text);
    const { localEmergencyNumbers } = await import('../../src/robot/emergency-numbers.ts');
    assert.doesNotMatch(localEmergencyNumbers(TEXTS.en.healthEmergency, 'Canada/Eastern'), /1-800/);
  });
});

// Found from outside (forty-second session): a Chengdu snack shop's and a Hangzhou toy shop's children and elders in danger were
// "not understood", the order card, or "your message is kept".
describe('the forty-second session\'s dangers', () => {
  test('a grandchild, a snack and a hotpot base, the mouth swelling, the throat and the breath, a thing stuck in a nose', () => {
    for (const [text, kind] of [
      ['我孙女吃了你们的牛肉干 嘴巴周围起了好多红疙瘩 说痒', 'reaction'],
      ['嘴巴有点肿起来了', 'reaction'],
      ['她说喉咙也有点不舒服 呼吸有点快', 'emergency'],
      ['我孙孙把礼盒里面那包干燥剂咬烂了 吃了一点点进去 咋个办啊', 'emergency'],
      ['昨天吃了你们的底料 我老头拉了一晚上肚子 现在还在拉 咋个办', 'reaction'],
      ['不好了 孙子把玩具手机后面的小圆电池抠出来了 好像吞下去了 怎么办', 'battery'],
      ['急 妹妹把一颗小积木塞鼻子里了 拿不出来 怎么办', 'emergency'],
      ['人工！！！孩子鼻子里有异物 一直哭', 'emergency'],
      ['she put a small wooden peg in her mouth and now she is coughing a lot, what do i do', 'emergency'],
      // A Singapore shop's buyer asked to PayNow a deposit by someone posing as the shop ("I'm not sure about that one").
      ['someone whatsapp me just now say they from your shop, ask me paynow $50 deposit to 8123 4567 to reserve the pro max. is that u guys?', 'fraud'],
      ['有个人说是你们客服 加我微信 是不是你们', 'fraud'],
      // Found in review: a battery not called "button", worry said of one swallowed, food with vomiting beside a refund asked.
      ['my son swallowed a lithium battery from the remote', 'battery'],
      ['孩子把遥控器里的电池吞了 怎么办', 'battery'],
      ['im worried my son swallowed a magnet', 'battery'],
      ['吃了你们的鸡肉 拉肚子 呕吐 要退款', 'reaction'],
      // A Sydney camping shop: gas smelled now, with safety asked beside it ("not sure").
      ['different thing, the old stove i bought off yous last year hisses and i can smell gas when i screw the canister on. is it safe to use in the tent if i crack the door?', 'gas'],
    ] as const) {
      assert.equal(safetyOf(text), kind, text);
    }
  });
  test('feared beforehand, a refund asked, a spicy throat, a cold\'s question: none', () => {
    // Found in review: worn in the ear, an instrument in the mouth, a nose spray's "foreign feeling", spicy food laughed at, a product's
    // effect asked, someone posing as the courier, a gas smell supposed, batteries and magnets feared before buying.
    for (const text of ['左边耳机塞进耳朵里就没声音了', '这个耳塞塞进耳朵里会胀痛 正常吗', 'the hearing aid in his ear keeps whistling, is the battery low?', 'he put the kazoo in his mouth and coughed, is there a bigger kazoo for 5yo?', '鼻子里有异物感 你们的洗鼻器怎么用', '鸭脖太辣了 吃完嘴巴都肿了 哈哈 下次买微辣', '吃了你们的火锅底料 太辣了 肚子有点不舒服 哈哈 好过瘾', 'does the lip plumper make your lips swollen?', '刚才有个人说是快递 问我地址 是不是你们', 'if i smell gas is it safe to keep using the stove?', '如果闻到煤气味 安全吗', 'does it smell of gas when new? is it safe', '磁铁是包在里面的吗？怕宝宝吞下去', 'my daughter swallowed a magnet last year, are these ones sealed?', 'are the magnets sealed in? worried my toddler swallows one', '纽扣电池仓有螺丝固定吗 上次孩子吞过一次电池']) {
      assert.equal(safetyOf(text), undefined, text);
    }
    for (const text of ['is it safe to use the stove in a tent?', 'is it normal to smell gas when changing the canister? is it safe', 'can i pay a deposit to reserve the pro max?', '串珠手工包适合两岁宝宝吗，怕卡喉咙😰', '这个积木会不会塞鼻子里 小颗粒危险吗', '我吃了你们家的零食拉肚子了，要退款', '吃了你们的辣条 喉咙有点不舒服', '感冒了 喉咙痛 呼吸不畅 能吃你们的梨膏吗', 'the lipstick makes my lips look so swollen and plump, love the colour']) {
      assert.equal(safetyOf(text), undefined, text);
    }
  });
  test('in the queue after a danger, a fever and going limp, seeming fine, crying go on about it', () => {
    for (const text of ['他七十几了 现在有点发烧 人都软了', '他现在看着还好 不哭不闹 还要去医院吗', 'shes acting normal tho, is it ok to just wait and see if it comes out']) assert.ok(dangerGoesOn(text), text);
  });
});

// Found from outside (forty-third session, a Manchester shop): "my power bank is swollen" was no danger in English, and "can I throw
// it in the bin?" was "not sure".
describe('the forty-fourth session\'s dangers', () => {
  test('a power bank, a phone or a battery swollen, puffed up or ballooning is the device\'s danger; a puffy jacket or face is not', () => {
    for (const t of ['my power bank is swollen', 'phone battery puffed up', 'the powerbank has gone all puffy', 'my battery is ballooning', 'my phone is swollen and the screen is lifting']) assert.equal(safetyOf(t), 'device', t);
    for (const t of ['puffy jacket in size M?', 'my face is swollen after the cream', 'does the power bank come with a cable']) assert.notEqual(safetyOf(t), 'device', t);
  });
  test('the advice goes on with the battery\'s disposal when a battery is named or getting rid of it asked, and is read back as the advice', async () => {
    const faq = new FaqIndexProvider();
    const robot = createRobot({ dataSource: fakeDataSource({}), faq });
    const ask = async (text: string) => (await robot.answer({ shopId: 'shop-bin', userId: 'u', conversationId: `c-${text}`, text })).replies.map((r) => r.text);
    const en = await ask('my power bank is swollen, can I throw it in the bin?');
    assert.equal(en[0], `${TEXTS.en.safetyFirst} ${TEXTS.en.batteryDisposal}`);
    assert.equal(adviceKind(en[0]!), 'device');
    const zh = await ask('充电宝鼓包了');
    assert.equal(zh[0], `${TEXTS.zh.safetyFirst}${TEXTS.zh.batteryDisposal}`);
    assert.equal(adviceKind(zh[0]!), 'device');
    // A plug that sparked: no battery, nothing asked of its disposal.
    assert.equal((await ask('the plug sparked and there was smoke coming out of the socket'))[0], TEXTS.en.safetyFirst);
  });
});

// Found from outside (forty-fourth session, four shops): glass eaten, a child's face swelling after peanuts, skin reactions in Taiwan's
// words, furniture that tipped onto a toddler, a scam that asked for a transfer to release a parcel.
describe('the forty-fourth session\'s dangers, from four shops', () => {
  test('each told as the danger it is; the words beside them that report nothing are none', () => {
    const cases: [string, string | undefined][] = [
      ['我刚才打开辣椒油 瓶子口有个缺口 我怕有玻璃渣渣掉进去了 我已经拌了一碗面吃了几口 咋个办', 'battery'],
      ['喉咙有点刺刺的 是不是吞了玻璃哦', 'battery'],
      ['the jar was chipped and i think there was glass in it, my son already ate some', 'battery'],
      ['快递到了 瓶子碎了 玻璃渣到处都是 吃的还能吃吗', undefined],
      ['吃了你们家的东西 感觉像吃到玻璃一样脆', undefined],
      ['如果吃了玻璃渣怎么办', undefined],
      ['你们的麻辣花生里面除了花生还有啥子 我娃儿吃了几颗嘴巴周围起红疙瘩 脸有点肿 咋个办', 'emergency'],
      ['my son ate the peanut snack and his face is swelling up', 'emergency'],
      ['宝宝脸有点肿 是不是湿疹', undefined],
      ['我男友說他用了我的眼霜之後眼睛周圍腫起來 很癢 這樣要去看醫生嗎', 'reaction'],
      ['他現在眼皮腫到有點睜不開了 怎麼辦啦', 'reaction'],
      ['可是現在臉還是很刺痛 紅紅一片 我該怎麼辦', 'reaction'],
      ['不是啦 我是說我現在過敏了 臉好痛', 'reaction'],
      ['臉現在還是又紅又腫', 'reaction'],
      ['这个眼霜适合敏感肌吗 我眼睛容易肿', undefined],
      ['口红颜色现在还是很红', undefined],
      ['omg my toddler climbed the bookshelf and it tipped over on him, he hit his head and is crying, what do i do', 'tipped'],
      ['書櫃倒下來砸到我女兒的頭 她一直哭', 'tipped'],
      ['the bookcase arrived and tipped over in the van', undefined],
      ['does the dresser come with an anchor kit so it wont tip over', undefined],
      ['my son hit his head on the crib rail and threw up twice, what do i do', 'headInjury'],
      ['i hit my head laughing lol so dizzy', undefined],
      ['someone whatsapp me say they from ur shop, ask me transfer $50 to release my parcel. is it u all?', 'fraud'],
      ['can i transfer $50 for the second order', undefined],
    ];
    for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  });
  test('a reaction that reaches the throat or the breath is the emergency; elsewhere it stays a reaction', () => {
    assert.equal(worsened('reaction', '他现在说喉咙有点痒 要不要紧哦 我先观察一哈得不得行'), 'emergency');
    assert.equal(worsened('reaction', 'now her lips are swelling'), 'emergency');
    assert.equal(worsened('reaction', '眼皮还是肿的'), 'reaction');
    assert.equal(worsened('device', '喉咙有点痒'), 'device');
  });
  test('the tipped furniture\'s advice is read back as its own, and names the head injury\'s signs', () => {
    assert.equal(adviceKind(TEXTS.en.hazardFirst.tipped), 'tipped');
    assert.match(TEXTS.en.hazardFirst.tipped, /vomit/);
    assert.match(TEXTS.zh.hazardFirst.tipped, /呕吐/);
  });
});

// Found in review (forty-fourth session): what the new readings must not take.
describe('the forty-fourth session\'s dangers, narrowed in review', () => {
  test('glass the material, a glass of water, glass not eaten; furniture damaged with nobody under it; a head knock with the signs denied', () => {
    for (const t of [
      'The glass teapot we had for a year cracked, can I get a replacement', 'I drank a glass of water after I ate the chili chips, my mouth is burning', '吃到一半发现玻璃盖裂了', '吃了几口才发现 玻璃饭盒有裂纹',
      '吃饭的时候玻璃碗碎了 玻璃渣掉在地上 没吃进去', "I ate my salad out of the glass container and now the lid won't close",
      '电视机运输时屏幕被压到了 我要退货', '电视画面倒了 我怎么调', 'the cabinet toppled over in the van, the driver told me, now the door is dented', 'my new shelf tipped over during assembly, one panel is scratched', 'The TV stand arrived and the TV fell on my carpet, no damage luckily',
      'my son bumped his head, he seems fine, not vomiting, not sleepy', '孩子摔到头了 没有吐 也不晕 应该没事吧', '衣柜门太矮了 老是磕到头 真想吐槽', "I've banged my head against the wall over these instructions, so confused",
      'someone from the customer service said they will release my order once my payment clears, when is that?',
    ]) assert.equal(safetyOf(t), undefined, t);
    for (const t of ['there were shards of glass in the jam and my daughter ate some', 'i found glass in my food after i ate half of it']) assert.equal(safetyOf(t), 'battery', t);
  });
  test('furniture that fell onto someone, in any of the words, reaches the queue\'s reading too', () => {
    for (const t of ['衣柜倒下来压在孩子身上了', '书柜翻倒 压到我女儿了', 'the bookcase fell on my son', 'the dresser came down on my daughter', 'the tv stand crashed down on my son']) assert.equal(safetyOf(t), 'tipped', t);
  });
  test('a reaction said to be better is no emergency; the return asked after a swollen battery is no disposal', () => {
    for (const t of ['他现在呼吸正常 喉咙也不痒了 红疙瘩在消 谢谢', '没有呼吸困难 就是脸上有点红', "he's breathing fine, the rash is going down now", 'no trouble breathing, throat is fine, just itchy']) assert.equal(worsened('reaction', t), 'reaction', t);
    assert.equal(deviceAdvice(TEXTS.zh, '好的 已经拿到阳台了 那退货怎么处理？'), TEXTS.zh.safetyFirst);
    assert.equal(deviceAdvice(TEXTS.zh, '电水壶冒烟了 怎么处理'), TEXTS.zh.safetyFirst);
  });
  test('skin shopping is no reaction', () => {
    for (const t of ['眼睛周围一直有点肿 该怎么办 眼霜推荐哪款', '我的臉一直很痒 該怎麼選保養品', '我脸上一直有点红肿 该怎么保养 推荐什么面霜']) assert.equal(safetyOf(t), undefined, t);
  });
});

// Found from outside (forty-fifth session: a Hangzhou tea shop, a UK nursery shop, a Guangzhou pet shop, an Australian outdoor
// shop): dangers told in their words were "not sure", an FAQ entry, or "your message is kept" in the queue.
describe('the forty-fifth session\'s dangers', () => {
  test('a burst glass, a gash, a blister; paint in the drink with a sore throat; insects in tea already drunk', () => {
    for (const t of ['天 刚才用你们家的玻璃公道杯倒开水 杯子直接炸了 手被烫红了还划了个口子在流血', '手上的泡破了 有点发白 要不要去医院啊']) assert.equal(safetyOf(t), 'injury', t);
    assert.equal(safetyOf('那个杯子泡出来的水有股油漆味 我喝了以后嗓子疼 是不是有毒啊'), 'reaction');
    assert.equal(safetyOf('上次买的胎菊泡出来水里有小虫子在动 我已经喝了两杯了'), 'spoiled');
    for (const t of ['我想泡茶 水要烧开吗', '茶叶泡了三次还有味道吗', '快递在流转', '这款有虫子吗 我怕喝了不好', '杯子有股塑料味 正常吗']) assert.equal(safetyOf(t), undefined, t);
  });
  test('a hot, bulging battery or power station; a swollen gas canister; petrol fumes in a car', () => {
    for (const t of [
      'the power station i bought from you is really hot and the side has bulged out, theres a weird chemical smell in the caravan. what do i do??',
      'btw the old parent unit has gone really hot and the back is bulging out?? its on the shelf in the nursery. can i just bin it',
      'its the battery i think, its swollen and still warm',
    ]) assert.equal(safetyOf(t), 'device', t);
    assert.equal(safetyOf('我室友把丁烷气罐放在车里晒了一天，罐子鼓起来了，还有点气味，怎么办'), 'gas');
    assert.equal(safetyOf('cheers. the jerry can i got off ebay last month is leaking at the spout seal, stinks of petrol in the ute'), 'air');
    for (const t of ['my ankle is swollen, can the monitor be returned', 'does the power station get hot when charging?', 'the side pocket of the bag bulges out a bit', 'how much petrol does the generator use']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(dangerGoesOn('its still plugged into the 240 in the van, kids are asleep in the bunk'), true);
  });
  test('a swallowed little round battery is the battery\'s advice; its name later goes on about it', () => {
    for (const t of ['omg my 3yo just had the headtorch apart and I think he swallowed one of the little round batteries', 'HELP my toddler was playing with the monitor remote and the little round battery is gone, i think she swallowed it?? shes acting normal']) assert.equal(safetyOf(t), 'battery', t);
    assert.equal(dangerGoesOn('its one of those coin button batteries, CR2032', 'battery'), true);
  });
  test('a car seat\'s buckle that pops open; someone posing as the shop asking for card or bank details; money already sent to a scammer', () => {
    assert.equal(safetyOf('different thing - the harness buckle on my toddlers car seat (bought from u last yr) keeps popping open when i pull the straps. drove to nursery like that this morning 😳'), 'broke');
    assert.equal(safetyOf('宝宝安全座椅的卡扣老是自己弹开'), 'broke');
    assert.equal(safetyOf('the buckle on my handbag keeps popping open'), undefined);
    for (const t of [
      'mate someone messaged my missus on facebook saying theyre from your shop and need her card details to refund the damaged changer?? is that you',
      'got a text saying my pram refund failed and to click a link and re-enter my bank details, was that from you lot?',
    ]) assert.equal(safetyOf(t), 'fraud', t);
    for (const t of ['can i pay by card', 'is that you', 'got a text saying my parcel is out for delivery, was that from you?']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(dangerGoesOn('我已经转了😭😭', 'fraud'), true);
    assert.equal(dangerGoesOn('我转了人工', 'fraud'), false);
  });
  test('a pet: a skin reaction to a spot-on is the vet\'s; what it swallowed is the vet\'s emergency, not a person\'s', () => {
    assert.equal(safetyOf('滴完大宠爱狗狗一直挠 后颈那里红了一片 还掉毛 正常吗😰'), 'pet');
    for (const t of ['袋子里有一包干燥剂 狗狗咬破了吃了一点点 要紧吗😱', '我只猫食咗少少漏出嚟嘅猫砂 要唔要紧😨', '狗吃了干燥剂怎么办 急急急', 'my dog just ate a whole bar of chocolate', 'my dog swallowed a button battery']) assert.equal(safetyOf(t), 'petEmergency', t);
    for (const t of ['孩子把干燥剂吃了', 'I think my son swallowed a magnet']) assert.notEqual(safetyOf(t), 'petEmergency', t);
    for (const t of ['猫砂会不会被猫吃了', '狗狗滴了驱虫药多久能洗澡']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(adviceKind(TEXTS.zh.healthPetEmergency), 'petEmergency');
    assert.doesNotMatch(TEXTS.zh.healthPetEmergency, /120|肾上腺素/);
    assert.doesNotMatch(TEXTS.en.healthPetEmergency, /adrenaline|EpiPen/);
  });
});

// Found in review (forty-fifth session): what the new readings must not take, and their close variants.
describe('the forty-fifth session\'s dangers, narrowed in review', () => {
  test('a person in danger beside a pet word keeps the person\'s advice; a pet called 宝宝 is a pet', () => {
    for (const t of ['奶奶吃了狗粮里的干燥剂 现在呼吸困难', '我对你们的猫砂过敏 现在喘不上气 怎么办', "i'm allergic to the cat shampoo, my throat is closing up", '爷爷把狗的驱虫药当成自己的药吃了好几片', "i accidentally took my dog's tablets, a whole strip"]) {
      assert.equal(safetyOf(t), 'emergency', t);
    }
    for (const t of ['我家狗宝宝吃了巧克力怎么办', '我家毛孩子吃了干燥剂 急', '猫咪咬破了干燥剂吃了', '我家猫今天打完胰岛素以后一直在发抖 走路不稳']) assert.equal(safetyOf(t), 'petEmergency', t);
  });
  test('pet-shop talk, praise, denials, spice and jokes are no danger', () => {
    for (const t of [
      '刚换了你们家的猫砂 猫咪吃了一点猫粮就去上厕所了 正常吗', '猫砂盆很好 猫咪吃了几口猫粮', '狗绳子很结实 狗狗吃了一点零食',
      '你们家茶叶从来没有虫子 我都喝了好几年了', 'no bugs at all, we\'ve eaten half the bag already, lovely', '好评 一点异味都没有 吃了以后胃也不难受', '没有异味 喝了以后头也不疼 挺好的',
      'the hot sauce is poison lol, had one drop and my mouth is burning', '这个辣条有股怪味 我吃了以后嘴巴好辣', '狗狗掉毛严重 大宠爱能治吗', 'my dog keeps scratching non-stop, which flea treatment do you recommend?',
    ]) assert.equal(safetyOf(t), undefined, t);
    // "葡萄籽油沐浴露 狗狗吃了一点点" (a dog that ate a little grapeseed-oil shower gel) was here; since the learned reading is trained in
    // an order that does not move with other examples (forty-eighth session) it reads the vet's (0.67: grapes are a dog's poison),
    // which a careful assistant may say too. No rule reads it.
  });
  test('goods damaged are no injury; a box, a panel or a body swelling is no battery; a canister\'s box is no gas; fuel asked of is no fumes', () => {
    for (const t of [
      '包装袋拉开了口子 里面的茶叶洒了', '箱子割了个口子 是不是被人拆过', '手机贴膜起泡了 能换吗', '手冲壶用了一次 手柄起了个泡', '皮肤衣起了个泡 能退吗', '脚垫起了泡', '鱼缸里的鱼在流血 是不是生病了',
      'my phone case has a weird chemical smell', 'the tv unit arrived and the back panel is swollen from water damage', 'the lantern case is swollen from the rain', 'the earbuds hurt my ear, it\'s swollen', 'baby monitor arrived, the box side is bulging, was it dropped?',
      '卡式气罐收到了 外面的纸箱被压变形了', '气罐到了 包装盒有点变形了 能换吗', 'does the petrol can leak?', 'this candle smells like gasoline, is that normal?',
    ]) assert.equal(safetyOf(t), undefined, t);
    assert.equal(safetyOf('手被划了一道口子'), 'injury');
    assert.equal(safetyOf('the propane cylinder is bulging at the bottom, is it safe?'), 'gas');
  });
  test('a danger beside a question of its own is still the danger; help asked is no scam; a bag\'s strap is no car seat', () => {
    for (const t of ['the kettle is smoking and smells of burning, does the refund get processed today?', 'my charger sparked and smoke came out, does the store get these back?']) assert.equal(safetyOf(t), 'device', t);
    assert.equal(safetyOf('does the power station get hot when charging?'), undefined);
    for (const t of ['can someone from your shop tell me where to enter my bank details for the refund?', 'i need someone from your team to help me re-enter my card, the payment keeps failing']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(safetyOf('有个人自称是你们客服 让我点链接退款 是不是你们'), 'fraud');
    for (const t of ['the harness buckle on the car seat won\'t stay shut', 'the isofix clip won\'t latch']) assert.equal(safetyOf(t), 'broke', t);
    for (const t of ['the straps on my bike bag keep coming loose', 'the clip on the pram rain cover keeps coming loose', '自行车座包的锁扣老是松开']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(safetyOf('猫咪滴了大宠爱以后一直流口水 正常吗'), 'pet');
  });
  test('money sent goes on about a scam only, a battery\'s name about a battery only', () => {
    assert.equal(dangerGoesOn('我已经转了😭😭', 'fraud'), true);
    assert.equal(dangerGoesOn('我已经转了😭😭', 'gas'), false);
    assert.equal(dangerGoesOn('ok just sent you the photos', 'fraud'), false);
    assert.equal(dangerGoesOn('its one of those coin button batteries, CR2032', 'battery'), true);
    assert.equal(dangerGoesOn('we have a cr2025 spare', 'gas'), false);
  });
});

// Found from outside (forty-fifth session, second round: a Beijing baby-formula shop, a Los Angeles skincare shop, a Xiamen e-bike shop,
// a Dublin toy shop): a child and desiccant, a baby vomiting and listless, a toddler and a serum, eyes swelling, a product in the eye,
// blisters after an acid, a smishing text, white smoke from a battery, a toy's small part.
describe('the forty-fifth session\'s dangers, second round', () => {
  test('a child and desiccant or a serum, a baby listless and vomiting again: the emergency', () => {
    for (const t of ['妈呀 米粉盒里那个小袋干燥剂 孩子抓着啃破了 吃进去一点 咋整啊！！', '孩子现在又吐了一口 有点蔫 是不是得上医院啊', 'HELP my 2 year old got into my bag and licked the brow gel and maybe some of the retinol serum?? what do i do']) {
      assert.equal(safetyOf(t), 'emergency', t);
    }
    assert.equal(safetyOf('漏粉那罐我前天已经给孩子冲了一顿了 孩子喝完有点拉稀 要紧不 😭'), 'reaction');
    for (const t of ['my daughter ate breakfast, and the perfume is arriving when?', '孩子精神很好 奶粉什么时候到', 'is the retinol serum safe if my toddler licks it?']) assert.notEqual(safetyOf(t), 'emergency', t);
  });
  test('eyes swelling after a serum, blisters after an acid and the sun: a reaction; a product in the eye: rinse it', () => {
    for (const t of ['used the retinol 1% serum last night and now my face is like burning and swollen around my eyes?? is this purging', 'i used the aha toner and then went to the beach and now i have a bad sunburn w blisters on my cheeks']) assert.equal(safetyOf(t), 'reaction', t);
    for (const t of ['some got in my eye and its burning bad 😭😭', '洗发水进眼睛了 好辣 怎么办']) assert.equal(safetyOf(t), 'eye', t);
    for (const t of ['what if it gets in my eye', 'my eye cream is lovely', '没有进眼睛 还好']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(adviceKind(TEXTS.en.hazardFirst.eye), 'eye');
    assert.match(TEXTS.en.hazardFirst.eye, /15 minutes/);
  });
  test('a smishing text to a relative; white smoke from a battery, water on a hot one; a toy\'s small part with a young child', () => {
    assert.equal(safetyOf("someone texted my mom saying 'GlowLA: ur package is on hold, pay $1.99 redelivery fee here' with a link. is that u guys??"), 'fraud');
    for (const t of ['电池现在冒白烟了！！！', '电池还是有点热 要不要泼点水降温']) assert.equal(safetyOf(t), 'device', t);
    assert.equal(safetyOf('干冰俺倒卫生间了 关着门冒了一屋白烟 小孙子在里面玩'), 'air');
    for (const t of ['the little blade thing on the bottom of the scalextric car snapped off and my 2 yr old had it in her mouth. she spat it out, shes grand. is that normal? should it snap that easy', 'hes 3, is it dangerous, the wheel is tiny']) {
      assert.equal(safetyOf(t), 'smallPart', t);
    }
    for (const t of ['the wheels on the pram are small', 'is this toy safe for a 2 year old? are the parts small', 'one of the brio trains has a wheel off already tho']) assert.equal(safetyOf(t), undefined, t);
    assert.equal(safetyOf('HELP my son 2 years old just put the small button battery from the smart remote in his mouth, i think he swallowed it'), 'battery');
  });
});

// Found in the second review (forty-fifth session): the first review's mends went too far, or not far enough.
describe('the forty-fifth session\'s dangers, narrowed in the second review', () => {
  test('a fuel leak told is the fumes\' advice, a question or a jerry "can" beside it; a question of the goods is none', () => {
    for (const t of ['the jerry can started to leak in the ute, stinks of petrol', 'the jerry can is leaking petrol in the boot, is that normal for a new one?', '汽油桶漏了 会不会着火']) assert.equal(safetyOf(t), 'air', t);
    for (const t of ['does the petrol can leak?', 'this candle smells like gasoline, is that normal?']) assert.equal(safetyOf(t), undefined, t);
  });
  test('a scam suffered is one though help is asked; help asked before any contact is none', () => {
    for (const t of ['someone claiming to be from your shop asked for my card number, could someone check this?', "someone rang saying they're from your shop, can someone from your shop call me back to confirm? they wanted my card details"]) {
      assert.equal(safetyOf(t), 'fraud', t);
    }
    assert.equal(safetyOf('can someone from your shop tell me where to enter my bank details for the refund?'), undefined);
  });
  test('the harm named first across a comma, or bitten open by the pet; an owner who says "I" keeps the pet\'s advice', () => {
    for (const t of ['袋子里有一包干燥剂，狗狗咬破了吃了一点点，要紧吗', '猫粮里有干燥剂，猫咪吃了一点，要紧吗', '干燥剂被狗狗咬破了 吃了一点点 要紧吗', '狗狗把袋子里的干燥剂咬破了 吃了一点', 'my dog ate the silica gel packet, i have no idea how much', '猫咪吃了干燥剂 我自己不敢催吐 怎么办', '我妈说狗狗吃了巧克力 要紧吗']) {
      assert.equal(safetyOf(t), 'petEmergency', t);
    }
  });
  test('a canister in a boot, a seat\'s buckle beside a bag, a battery beside a box; bodies beside a device are none', () => {
    for (const t of ['丁烷气罐放在后备箱里晒了一天 罐子鼓起来了', 'the gas canister in my camping box is swollen']) assert.equal(safetyOf(t), 'gas', t);
    for (const t of ['宝宝安全座椅的卡扣老是自己弹开 是不是包装运输时摔坏了', 'the car seat harness buckle keeps popping open, its under the seat cover']) assert.equal(safetyOf(t), 'broke', t);
    assert.equal(safetyOf('its the battery i think, its swollen and still warm. i put it back in the box'), 'device');
    for (const t of ['the baby monitor showed her eye was swollen this morning', 'carried the power station up the stairs and now my knee is swollen', 'does the blender get hot after a while?']) assert.equal(safetyOf(t), undefined, t);
    for (const t of ['the power bank has a strong chemical smell while charging', 'my power bank is swollen, is it safe to use?']) assert.equal(safetyOf(t), 'device', t);
  });
  test('a chemical taste with a burning throat is a reaction; grooming and a scratching board are no pet\'s reaction; a child bleeding is an injury', () => {
    for (const t of ['the tea tastes of chemicals, i drank a cup and my throat is burning', '杯子泡出来的水有股油漆味 喝了以后嗓子火辣辣的', '本来挺好喝的 这次有股怪味 喝了以后肚子疼']) assert.equal(safetyOf(t), 'reaction', t);
    for (const t of ['狗狗换季一直掉毛 用了你们家的梳子 梳下来好多毛', '猫咪用了你们的猫抓板 一直挠 特别喜欢']) assert.equal(safetyOf(t), undefined, t);
    for (const t of ['孩子一直流血 怎么办', '老人摔倒了 一直在流血']) assert.equal(safetyOf(t), 'injury', t);
  });
  test('a battery named after the general emergency goes on about it', () => {
    assert.equal(dangerGoesOn('it was a coin cell, cr2032', 'emergency'), true);
  });
});

/** Each text read as its kind of danger (or none). */
const expect = (cases: ReadonlyArray<readonly [string, string | undefined]>) => {
  for (const [t, kind] of cases) assert.equal(safetyOf(t), kind, t);
};

// Found in two reviews of the forty-fifth session's second round: each reading below was wrong at its first version.
describe('the forty-fifth session\'s dangers, reviewed', () => {
  test('choking on a toy\'s part, or a chemical in the eye also drunk: the emergency, not the piece put away or the eye alone', () => {
    expect([
      ['my toddler is choking on a small piece of the toy, he cant breathe', 'choking'],
      ['the wheel came off and my 2 year old is choking on it', 'choking'],
      ['孩子玩具的小珠子掉了 卡在喉咙里了', 'choking'],
      ['孩子把洗洁精弄进眼睛里了 睁不开 还喝了一口', 'emergency'],
      ['bleach splashed in my eye and i swallowed some too', 'emergency'],
    ]);
  });
  test('a small part: a young child\'s toy only, with a risk said; a ride\'s part is the ride\'s', () => {
    expect([
      ['the eyes on the teddy are loose, my baby is 8 months, is it dangerous', 'smallPart'],
      ['my 2 year old chewed the teddys eye off and its in her mouth', 'smallPart'],
      ['宝宝推车的轮子掉了 危险吗', 'broke'],
      ['the wheel fell off the pram with the baby in it, is it safe?', 'broke'],
      ["my son's lego pieces are small, is it safe for a 3 year old?", undefined],
      ['the toddler bed screws came loose, is it safe?', undefined],
      ['baby monitor parts came off, is it dangerous to use', undefined],
      ['my kid is 10 and the drone blade snapped off, is it dangerous to fly', undefined],
      ['the wheels came off after one day, my son is 5, is this dangerous quality? want a refund', undefined],
      ['娃的小车螺丝松了 卡住了 拧不动', undefined],
    ]);
  });
  test('the eye: told in Chinese, in English with what it does or a chemical; not a worry, a joke, eye drops or a pet', () => {
    for (const t of ['洗发水进眼睛了', '消毒液溅到眼睛里了', '眼睛进了洗面奶 好痛', 'i got bleach in my eye', 'the bubble solution got in my sons eyes, he is crying', "it got into my son's eyes and he's crying"]) assert.equal(safetyOf(t), 'eye', t);
    for (const t of ['would it sting if it got in my eyes?', 'im worried it will get in his eyes, is it tear free?', 'the glitter got in my eyes, lol fun party', 'got some in my eye, no big deal, is the refund done?', 'i put the eye drops in my eyes and its red', "eyeshadow got in my eye lol, what's the best remover?", 'the dog got some in his eyes and hes rubbing them']) assert.notEqual(safetyOf(t), 'eye', t);
  });
  test('white smoke in other words; a humidifier\'s mist, water to clean a battery and a body\'s swelling are none', () => {
    expect([
      ['电池冒出白烟了', 'device'],
      ['充电宝突然冒了一股白烟', 'device'],
      ['the battery is giving off white smoke', 'device'],
      ['white smoke is coming from the power bank', 'device'],
      ['加湿器电源冒白烟是正常的吗', undefined],
      ['电动车电池可以拿水擦一下吗', undefined],
      ['锂电池电动车下雨天能骑吗 会不会泼水进去', undefined],
      ['my hands are swollen from carrying the power station up the stairs', undefined],
      ['the battery compartment cover is swollen from the damp, the batteries are fine', undefined],
    ]);
  });
  test('a pet that bit the harm open, a comma after; a spit-up, a check-up, a meal beside a cosmetic, ginger\'s heat, meat, a photo: none of the people\'s', () => {
    expect([
      ['干燥剂被狗咬破了，吃了一点', 'petEmergency'],
      ['宝宝没精神 一整天都蔫蔫的 严重吗', 'emergency'],
      ['my toddler is so lethargic after the gummies, is it serious?', 'emergency'],
      ['宝宝又吐奶了 要不要紧', undefined],
      ['孩子最近没精神 是不是要去医院查查微量元素', undefined],
      ["my son ate his dinner and then I put the serum on his face, it's red", undefined],
      ['my daughter licked her lips after putting on the lip serum, is that ok', undefined],
      ['my 4 year old ate breakfast and the perfume is arriving when?', undefined],
      ['姜茶有点药味 喝了嗓子辣辣的 正常吗', undefined],
      ['我买的猪蹄还在流血水', undefined],
      ['我的鱼收到时还在流血', undefined],
      ['我一直在流血', 'injury'],
    ]);
    assert.notEqual(safetyOf('should i take a photo of the damaged bottle?', 'Vitamin D3 gummies'), 'doctor');
  });
  test('fuel and heat asked beforehand, after a greeting too, are none; a relative who paid a scammer is a scam', () => {
    expect([
      ['hi, does the petrol can leak if its on its side?', undefined],
      ['the 20l petrol can, does it leak when full?', undefined],
      ['can the fuel filter leak?', undefined],
      ['hi, does the blender get hot after a while?', undefined],
      ['the jerry can is leaking petrol in my boot', 'air'],
      ['我妈收到一条短信说是你们店的 让她点链接交运费 她已经付了', 'fraud'],
      ['someone messaged my husband saying they were from your store and he paid the fee', 'fraud'],
      ['i paid the fee for express shipping, when does it ship?', undefined],
    ]);
  });
  test('after the general emergency, the battery named is the battery\'s advice; magnets in an order go on about nothing', () => {
    assert.equal(worsened('emergency', 'it was a coin cell, cr2032'), 'battery');
    assert.equal(dangerGoesOn('ok the fridge magnets in my order were missing too', 'emergency'), false);
  });
});

// Found in a fifth review of the forty-fifth session: what the fourth review's mends hid or widened.
describe('the forty-fifth session\'s dangers, reviewed again', () => {
  test('a report then a question of use is still the report; choking now in other words is the emergency, nearly choked the part\'s', () => {
    expect([
      ['it was smoking and smells burnt, does it always smoke like that?', 'device'],
      ['my phone charger got really hot and melted the plug, does the charger get hot usually?', 'device'],
      ['a bead came off the teething bracelet and my baby started choking', 'choking'],
      ["a piece came off the toy and my son is 2, he's choking", 'choking'],
      ['my toddler nearly choked on the wheel that came off', 'smallPart'],
      ['宝宝差点被掉下来的小零件卡到', 'smallPart'],
    ]);
  });
  test('a person\'s eye beside a pet or a remover, a toddler\'s part beside a cot or an older sibling, a cover bulging: still read', () => {
    expect([
      ["the dog's flea spray got in my eye and it burns", 'eye'],
      ['猫砂盆清洁剂溅到眼睛里了 好疼', 'eye'],
      ['nail polish remover got in my eye and it burns', 'eye'],
      ['隐形眼镜护理液弄到眼睛里好疼', 'eye'],
      ['the wheel came off the toy car and my toddler had it in his mouth in his cot', 'smallPart'],
      ['a button came off her cardigan and my 1 year old had it in her mouth', 'smallPart'],
      ['宝宝2岁 玩具车轮子掉了 放嘴里了 危险吗 哥哥5岁也在玩', 'smallPart'],
      ['机器冒白烟了 怎么办', 'device'],
      ['加湿器插头冒白烟了', 'device'],
      ['the battery cover is bulging out', 'device'],
      ['宝宝喝完奶 脸上起了好多红疹', 'reaction'],
      ['宝宝又吐奶了 喷射状的 要不要去医院', 'emergency'],
      ['my 2 year old ate a big blob of my face cream', 'emergency'],
    ]);
  });
  test('a courier\'s text paid, a toy\'s eye, sand in the wind, a question: none', () => {
    expect([
      ['我收到快递的短信说是快递到了 运费我已经付了', undefined],
      ['短信说是快递到了 让我点链接查看 我点了', undefined],
      ['娃娃掉了眼睛 能换一个吗', undefined],
      ['风太大沙子进眼睛了 快递员说明天送', undefined],
      ['喷雾喷到眼睛了吗', undefined],
      ['宝宝喝完奶又吐了 吐完精神挺好的', undefined],
    ]);
    assert.equal(dangerGoesOn('好像是磁铁', 'emergency'), true);
  });
});

// Found in a sixth review of the forty-fifth session.
describe('the forty-fifth session\'s dangers, a sixth reading', () => {
  test('choking in other words, or with no part named, is the emergency; a plain choke of no one asked about is none', () => {
    expect([
      ['玩具轮子掉了 宝宝放嘴里 卡喉咙了', 'choking'],
      ['玩具珠子掉了 宝宝放嘴里了 呼吸不过来', 'choking'],
      ['my toddler is choking', 'choking'],
      ['my two year old is choking on a bead that fell off', 'choking'],
      ['宝宝被珠子卡住了 脸都紫了', 'emergency'],
      ['小珠子掉了 卡在喉咙里了', 'choking'],
      ['what if my toddler is choking on it?', undefined],
    ]);
  });
  test('a courier\'s claim scam with money gone; fire and the eye in everyday words; a rash beside good spirits', () => {
    expect([
      ['收到一条短信说是快递丢件理赔 点了链接 输入了银行卡 钱被转走了', 'fraud'],
      ['我收到快递的短信说是快递到了 运费我已经付了', undefined],
      ['smoke is coming out of the charger', 'device'],
      // In flames now: the fire's advice since the forty-eighth session (a scooter battery burning in a lift lobby was told to unplug it).
      ['the charger burst into flames', 'fire'],
      ['the power bank melted', 'device'],
      ['充电宝着了', 'device'],
      ['电池鼓了', 'device'],
      ['thick black smoke from the heater', 'device'],
      ['染发剂流到眼睛里了 好疼', 'eye'],
      ['bleach in my eye help', 'eye'],
      ["got the dog's ear cleaner in my eye it burns", 'eye'],
      ['宝宝喝了这个奶粉 脸上起了红疹 精神挺好的 是过敏吗', 'reaction'],
    ]);
  });
  test('a buying question after a lead-in, steam from a rice cooker or a coffee machine: none', () => {
    expect([
      ['Love the shop! Does the hair dryer get very hot?', undefined],
      ['before I order - does the air fryer get hot on the outside?', undefined],
      ['电饭煲煮饭的时候机器冒白烟 正常吗', undefined],
      ['咖啡机器冒白烟 是蒸汽吗', undefined],
      ['机器冒白烟了 怎么办', 'device'],
    ]);
  });
  test('the robot\'s own answer: a child choking is the emergency, handed over first', async () => {
    const robot = createRobot({ dataSource: fakeDataSource({}), faq: new FaqIndexProvider() });
    for (const text of ['the wheel came off and my 2 year old is choking on it', '孩子玩具的小珠子掉了 卡在喉咙里了', 'my toddler is choking']) {
      const a = await robot.answer({ shopId: 'shop_ch', userId: 'u_ch', conversationId: `c_${text}`, text });
      assert.equal(a.handover?.reason, 'complaint', text);
      assert.match(a.replies.map((r) => r.text).join(' '), /911|120|999|112|000|emergency|急救/, text);
    }
  });
});

// Found in a seventh review of the forty-fifth session.
describe('the forty-fifth session\'s dangers, a seventh reading', () => {
  test('a parent\'s fear after the choking, a sign before a question of use, a baby asked "没事吧": still read', () => {
    expect([
      ['孩子玩具的小珠子掉了 卡在喉咙里了 我好担心', 'choking'],
      ['a bead came off the teething bracelet and my baby is choking, what do i do? im so afraid', 'choking'],
      ["there's black smoke coming out of the heater, does it always smoke like this?", 'device'],
      ['sparks came out of the plug, does it normally get hot?', 'device'],
      ['the battery is bulging, does the power bank always get this warm?', 'device'],
      ['宝宝喝了这个奶粉吐了 没事吧', 'reaction'],
    ]);
  });
  test('straining, a cold coat, a texture, a stuffy nose, a tight collar, a light on, steam, a smoker, eye drops, a bath: none', () => {
    expect([
      ['宝宝便秘 每次拉臭臭都憋红了脸 有什么奶粉推荐', undefined],
      ['孩子穿这个羽绒服出去还是冻得脸都青了 一点都不保暖', undefined],
      ['这款软糖孩子吃容易卡喉咙吗', undefined],
      ['这个米饼宝宝吃着有点卡嗓子 是不是太干了', undefined],
      ['宝宝鼻塞 呼吸不过来 有没有推荐的吸鼻器', undefined],
      ["this turtleneck is so tight my son says it's choking him", undefined],
      ['插头插上灯着了 但是不出风', undefined],
      ['a bit of smoke from the heater on first use, is that normal?', undefined],
      ['will it burst into flames if left charging overnight?', undefined],
      ['love the flames coming out of the electric fireplace, so realistic', undefined],
      ['my husband just started to smoke again, do you sell nicotine patches?', undefined],
      ['这个滴眼液滴到眼睛里有点刺痛 正常吗', undefined],
      ['my son hates bath time, soap in his eyes always makes him cry, is this shampoo gentler?', undefined],
      ['收到短信说是快递到了 让我下载菜鸟app', undefined],
    ]);
  });
});

// Found in an eighth review of the forty-fifth session: what the seventh's mends narrowed too far.
describe('the forty-fifth session\'s dangers, an eighth reading', () => {
  test('fire told with "my", flames from anything but a fireplace, some smoke from an outlet, 着了 and 烧了 with fire', () => {
    expect([
      ['my charger started to smoke', 'device'],
      ['flames came out of the back of the heater', 'device'],
      ["there's some smoke from the outlet", 'device'],
      ['充电宝突然就着了', 'device'],
      ['插座烧了 还有火苗', 'device'],
      ['the battery is leaking, will it explode?', 'device'],
      ['充电器烧了 不能充电了 可以换吗', undefined],
    ]);
  });
  test('choking on food, 卡了喉咙, a bead with a mask on; a chemical that burns whatever else is asked; glue taken for eye drops; a courier\'s app scam', () => {
    expect([
      ['宝宝吃东西卡了喉咙 一直咳', 'choking'],
      ['baby choking on food', 'choking'],
      ['孩子戴着口罩玩 那个珠子卡在喉咙里了', 'choking'],
      ['bleach in my eye, is this serious?? it burns', 'eye'],
      ['孩子把胶水当成滴眼液滴到眼睛里了 好疼', 'eye'],
      ['收到短信说是快递 包裹异常 让我下载一个app处理 然后对方让我共享屏幕 钱被转走了', 'fraud'],
      ['收到短信说是快递到了 让我下载菜鸟app', undefined],
    ]);
  });
});

// Found in a ninth review of the forty-fifth session.
describe('the forty-fifth session\'s dangers, a ninth reading', () => {
  test('flames from a socket in a kitchen, a socket burnt and broken with marks, a price sticker choked on: still read', () => {
    expect([
      ['flames came out of the socket behind the stove', 'device'],
      ['插座烧了一下 坏了 墙都黑了', 'device'],
      ['baby choking on the price sticker help', 'choking'],
    ]);
  });
  test('a thing found or held (着了), a buying question of choking, food or incense smoking, a lighter, a bath-time habit, cash on delivery, a kettle: none', () => {
    expect([
      ['电池找着了 不用了 谢谢', undefined],
      ['插头插上 灯一直亮着了', undefined],
      ['宝宝吃这个米饼会卡喉咙吗', undefined],
      ['does the grape cutter stop my toddler choking on grapes?', undefined],
      ['the oil started to smoke', undefined],
      ['the flame coming out of my lighter is too small', undefined],
      ['shampoo in his eyes always burns him, is this one tear-free?', undefined],
      ['眼药水滴到眼睛里有点疼 是不是含消毒成分', undefined],
      ['有个快递员说是快递 到付 付了12元', undefined],
      ['my kettle is leaking, will it get hot?', undefined],
    ]);
  });
});

// The development danger set (src/robot/eval/dev-dangers/), forty-fifth and forty-sixth sessions: its spoiled food and its false alarms,
// with sentences of the same kinds that are not in it.
describe('the development danger set: spoiled food eaten, and dangers over or only asked of', () => {
  test('food gone bad and eaten or drunk before it was seen is spoiled', () => {
    expect([
      ['月饼里面长毛了 我已经吃了一个', 'spoiled'],
      ['面包发霉了 孩子吃了两口', 'spoiled'],
      ['罐头鼓包了 我吃了一半', 'spoiled'],
      ['你們的鳳梨酥裡面有黴點，我吃了兩個才看到', 'spoiled'],
      ['the bread had mould on it and my son ate a slice', 'spoiled'],
      ['the milk was off, my daughter drank a whole glass before we noticed', 'spoiled'],
      ['the soup tasted sour but I finished it, now my stomach hurts', 'spoiled'],
    ]);
  });
  test('not eaten, asked beforehand, asked whether bad, or a glass that is a container: not spoiled', () => {
    expect([
      ['面包发霉了 我没吃 直接扔了', undefined],
      ['这个月饼放了一周还能吃吗', undefined],
      ['the bread went mouldy before I could eat it, can I get a refund', undefined],
      ['酸奶吃了 是不是坏了', undefined],
      ['I ate my salad out of the glass container and now the lid won\'t close', undefined],
      ['my toddler drank a glass of mouthwash', 'emergency'],
    ]);
  });
  test('a danger told as over and seen to, an idiom, or asked before buying: none; the same danger back again: read', () => {
    expect([
      ['上次那个充电器冒烟的事已经处理好了，谢谢你们换了新的', undefined],
      ['上周燃气味的事已经修好了', undefined],
      ['我气得冒烟，快递三天都没动', undefined],
      ['电池鼓包的话能退吗？我还没收到货', undefined],
      ['这款会冒烟吗', undefined],
      ['someone pretending to be you messaged me last month, I ignored and blocked them', undefined],
      ['this sale is on fire mate, grabbed three', undefined],
      ['what\'s the return policy if a battery is swollen on arrival? just asking before I order', undefined],
      ['上次充电器冒烟已经处理好了 现在又冒烟了', 'device'],
      ['上次那个充电器冒烟的事已经处理好了 但今天又冒烟了', 'device'],
    ]);
  });
});

// The second development danger set (src/robot/eval/dev-dangers-2/, forty-sixth session): the rules' false alarms there, in other words.
describe('the second development danger set: asked before buying, over at once, a joke', () => {
  test('none; the same danger back again and acted on is read', () => {
    expect([
      ['充电宝鼓包是什么原因 想先了解再买', undefined],
      ['is there a cool-touch version of this kettle?', undefined],
      ["our old high chair broke so we're buying yours, is it easy to clean?", undefined],
      ['有人冒充你们客服打电话 我直接挂了', undefined],
      ["got a text with a link to pay customs fees, didn't click it, was it you?", undefined],
      ['洗脸的时候泡沫进眼睛了 冲一下就好了', undefined],
      ['这耳机音质太炸了', undefined],
      ['does this rattle have small parts?', undefined],
      ['上次有人冒充你们客服 我直接挂了 今天又打来 我给了验证码', 'fraud'],
    ]);
  });
});

// Found in the review of the learned reading (forty-sixth session): dangers read nowhere, by rules now.
describe('a grown-up choking, a fall with a bleeding head, a gas or carbon monoxide alarm going off', () => {
  test('read, with their advice; denied, supposed or asked beforehand: none', () => {
    expect([
      ['grandma is choking, her lips are blue', 'choking'],
      ['老人噎住了 脸发紫', 'choking'],
      ['我奶奶摔倒了 头流血', 'headInjury'],
      ['my grandmother fell and her head is bleeding', 'headInjury'],
      ['燃气报警器一直在响', 'gas'],
      ['the carbon monoxide alarm is going off', 'air'],
      ['一氧化碳报警器一直响', 'air'],
      ['宝宝摔了一下 头没流血 没事', undefined],
      ['吃太快噎住了 哈哈 没事', undefined],
      ['怕宝宝吃这个会噎住', undefined],
      ['my dad is choking on his words lol', undefined],
      ['does the gas alarm go off when it detects a leak?', undefined],
      ['what to do if the co alarm goes off', undefined],
      ['my alarm clock broke', undefined],
    ]);
  });
  // Found in a second review: the alarms going off now only, choking not over, more grown-ups, Taiwan's and Cantonese words.
  test('an alarm asked of, tested, chirping for its battery, new, or set off by a spray: none; going off now: read', () => {
    expect([
      ['瓦斯警報器一直響', 'gas'],
      ['the co detector is going off', 'air'],
      ['如果燃气报警器响了应该怎么办', undefined],
      ['if the gas alarm is going off what should I do', undefined],
      ['燃气报警器测试的时候会响吗', undefined],
      ['一氧化碳报警器低电量一直响', undefined],
      ['the co alarm is beeping because the battery is low', undefined],
      ['The carbon monoxide alarm went off during testing like it should, great product', undefined],
      ['is it normal that the gas detector is beeping when I first plug it in?', undefined],
      ['the gas alarm went off when I sprayed hairspray lol', undefined],
    ]);
  });
  test('choking now, of anyone, in more words; over, before or a joke: none', () => {
    expect([
      ['爷爷噎住了', 'choking'],
      ['my grandad is choking', 'choking'],
      ['my mother is choking on a sweet', 'choking'],
      ['我阿媽食飯哽親，唞唔到氣', 'choking'],
      ['my baby is turning blue', 'emergency'],
      ['老公吃饭噎住了哈哈', undefined],
      ['我爸喝水噎着了 咳了几下好了', undefined],
      ['my friend is choking laughing at your ad', undefined],
      ['my son fell off his bike and his head is bleeding a bit, do you sell plasters?', undefined],
      ['my dog fell down the stairs and his head is bleeding', 'petEmergency'],
      ['狗狗撞到头了 一直吐', 'petEmergency'],
      ["my dog fell off the bed, his head isn't bleeding, he's fine", undefined],
    ]);
  });
  test('a fire now, told by itself: read; asked of, bought against, a joke or a sale: none', () => {
    expect([
      ['家里着火了', 'fire'],
      ['着火了！快来人', 'fire'],
      ['厨房起火了 怎么办', 'fire'],
      ['smoke everywhere!', 'fire'],
      ["there's a fire in the bedroom", 'fire'],
      ["we've got a fire in the garage", 'fire'],
      ['火锅着火了吗哈哈', undefined],
      ['家里着火了怎么办 买个灭火器推荐一下', undefined],
      ['my house is on fire sale lol', undefined],
      ['这个香薰蜡烛着火了吗', undefined],
    ]);
  });
  test('a danger told as over is over only when nothing now is told beside it', () => {
    expect([
      ['充电宝在冒烟，会着火吗？', 'device'],
      ['上次买的那个没事，这次的充电宝充着电冒烟了', 'device'],
      ['上次那个充电器冒烟的事已经处理好了，谢谢你们换了新的', undefined],
    ]);
  });
});

// The forty-sixth session's review: someone choking was told the general emergency (an allergy pen, the poison line) and a fall
// with a bleeding head the same, or the first aid for cuts and burns. Each has its own first aid now, with the robot and in the queue.
describe('choking and a hurt head have advice of their own', () => {
  const faq = new FaqIndexProvider();
  faq.setEntries('shop-c', [{ id: 'a', question: '可以退货吗', answer: '7天无理由退货。' }], undefined, { timeZone: 'Europe/London' });
  const robot = createRobot({ dataSource: fakeDataSource({}), faq });
  const ask = async (text: string) => (await robot.answer({ shopId: 'shop-c', userId: 'u', conversationId: `c-${text}`, text })).replies.map((r) => r.text).join('\n');

  test('choking now: the call, back blows and thrusts, a baby\'s own; not a reaction that takes the breath, nor choking that is over', async () => {
    for (const text of ['my husband is choking on a piece of steak, he cant talk', '宝宝吃葡萄噎住了 脸都紫了', "a piece of the toy broke off and my 2 year old can't breathe, it's in his mouth"]) {
      assert.equal(safetyOf(text), 'choking', text);
      const said = await ask(text);
      assert.equal(adviceKind(said), 'choking', text);
      assert.match(said, /back blows|拍背/, text);
      assert.match(said, /\(999\)|（999）/, text);
    }
    assert.match(TEXTS.en.healthChoking, /baby under 1[^.]*chest thrusts/);
    assert.match(TEXTS.zh.healthChoking, /1岁以下的婴儿[^。]*按压胸口/);
    // The breath failing from a reaction is the general emergency (its adrenaline pen), not back blows.
    for (const text of ['my son ate a peanut cookie and now his lips are swelling and he cant breathe', '宝宝吃了花生 喘不上气 嘴唇肿了']) assert.equal(safetyOf(text), 'emergency', text);
    for (const text of ['my son choked on a grape earlier but coughed it up, he is fine now', '刚才宝宝噎了一下 咳出来了 没事了']) assert.notEqual(safetyOf(text), 'choking', text);
  });

  test('a fall or a knock with a bleeding head or its signs: kept still, the bleeding pressed, the signs for the emergency number', async () => {
    for (const text of ['I fell off the ladder you sold me and my head is bleeding', '梯子断了我摔下来了 头在流血', '我妈从凳子上摔下来磕到头了，现在一直吐']) {
      assert.equal(safetyOf(text), 'headInjury', text);
      const said = await ask(text);
      assert.equal(adviceKind(said), 'headInjury', text);
      assert.match(said, /clean cloth|按住出血/, text);
    }
    // A cut finger is still the cuts' first aid; a bump with nothing after it is none.
    assert.equal(safetyOf('the glass bottle broke and i cut my finger on it, its bleeding'), 'injury');
    assert.equal(safetyOf('my son bumped his head on the table yesterday, he is totally fine, do you sell corner guards?'), undefined);
  });
});

// The forty-sixth session's leftovers: a child not moving, food poisoning in a family's words, a candle that set the curtains alight.
test('a person not moving, food poisoning told, and things at home set alight are read; a parcel not moving, a story of long ago and a question are not', () => {
  const cases: [string, string | undefined][] = [
    ['孩子不动了', 'emergency'],
    ['my son is not moving', 'emergency'],
    ['物流不动了', undefined],
    ['给孩子买的书 物流一直不动了', undefined],
    ['我们全家吃了你们的腊肠 都上吐下泻', 'reaction'],
    ['we all got food poisoning from your chicken', 'reaction'],
    ['食咗你哋啲腊肠 成家人肚痾', 'reaction'],
    ['years ago I got food poisoning from dodgy prawns, how fresh are yours?', undefined],
    ['can raw chicken give you food poisoning?', undefined],
    ['the candle set the curtains on fire', 'fire'],
    ['蜡烛把窗帘点着了', 'fire'],
    ['the curtains caught fire from the heater', 'fire'],
    ['is the sofa fire retardant', undefined],
    ['do the curtains catch fire easily?', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
});

// The pets shop's own entry "换新猫粮软便怎么办", asked word for word, had been given the vet's advice and a person.
test('how to get a pet through a change of food is the shop\'s question; an animal worse or unwell for days after it is still the vet\'s', async () => {
  for (const t of ['换新猫粮软便怎么办', '换梁的时候狗狗拉稀了咋办', 'my dog has loose stools since switching foods, what do i do']) assert.equal(safetyOf(t), undefined, t);
  for (const t of ['我家猫换了你们的粮以后一直拉稀 好几天了', '猫吃了你们的新粮 吐了 拉稀 怎么办', 'my cat has diarrhea and is vomiting since switching to your food, what do i do']) assert.equal(safetyOf(t), 'pet', t);
  const faq = new FaqIndexProvider();
  faq.setEntries('shop-pets', [{ id: 'p-zh-03', question: '换新猫粮软便怎么办', answer: '建议用7天渐进换粮，期间如出现软便，可放慢换粮节奏，持续腹泻请就医。' }]);
  const robot = createRobot({ dataSource: fakeDataSource({}), faq });
  const r = await robot.answer({ shopId: 'shop-pets', userId: 'u', conversationId: 'c-pets', text: '换新猫粮软便怎么办' });
  assert.match(r.replies.map((x) => x.text).join('\n'), /7天渐进换粮/);
  assert.equal(r.handover, undefined);
});

// A shop that collects swollen packs itself had been told, after the first aid, to take them to a recycling point (forty-fourth session).
test('a battery in trouble: the first aid, then the shop\'s own entry on such batteries instead of the built-in word on disposal', async () => {
  const faq = new FaqIndexProvider();
  faq.setEntries('shop-cells', [
    { id: 'b1', question: 'Swollen or damaged battery packs?', answer: 'Do not post swollen packs. Book a free collection and our courier picks it up in a fireproof bag.', alternates: ['电池鼓包了怎么处理？'] },
    { id: 'r', question: 'Returns?', answer: '30 days.' },
  ]);
  const robot = createRobot({ dataSource: fakeDataSource({}), faq });
  const ask = async (text: string) => (await robot.answer({ shopId: 'shop-cells', userId: 'u', conversationId: `c-${text}`, text })).replies.map((r) => r.text);
  for (const text of ['my power bank is swollen, how do I get rid of it?', '充电宝鼓包了 怎么扔']) {
    const said = await ask(text);
    assert.equal(adviceKind(said[0]!), 'device', text);
    assert.match(said[1]!, /free collection/, text);
    assert.doesNotMatch(said.join('\n'), /recycling point|电池回收点/, text);
  }
  // No entry of the shop's on batteries: the built-in word on disposal, as before.
  const plain = new FaqIndexProvider();
  plain.setEntries('shop-cells', [{ id: 'r', question: 'Returns?', answer: '30 days.' }]);
  const other = createRobot({ dataSource: fakeDataSource({}), faq: plain });
  const said = (await other.answer({ shopId: 'shop-cells', userId: 'u', conversationId: 'c-x', text: 'my power bank is swollen' })).replies.map((r) => r.text);
  assert.match(said[0]!, /recycling point/);
});

// Found from outside (forty-eighth session: a Shenzhen e-bike shop, a Brisbane pet shop, a Taipei baby shop), each "not sure" or
// "not understood" and a plain place in the queue.
test('dangers in the words three shops\' buyers used are read; look-alikes and other times are not', () => {
  const cases: [string, string | undefined][] = [
    ['骑下坡的时候刹车突然失灵了 我摔了一跤 膝盖流血了', 'broke'],
    ['下坡刹不住了 撞墙上了', 'broke'],
    ['如果刹车失灵了怎么办', undefined],
    ['刹车片多少钱', undefined],
    ['我上個月買的汽座 今天開車的時候安全帶扣環自己彈開 小孩差點滑出來 嚇死', 'broke'],
    ['汽座的扣環怎麼調', undefined],
    ['救命 我兒子把音樂玩具裡面的水銀電池吞下去了 圓圓小小的那種 現在看起來還好', 'battery'],
    ['個細路吞咗粒鈕扣電池，依家喊緊', 'battery'],
    ['help i put some of the advantix dog stuff on my cat like an hour ago and now shes twitching and drooling heaps what do i do', 'pet'],
    ['can i put advantix on my cat?', undefined],
    ['help my dog just ate the squeaker out of the duck toy i bought from u, swallowed it whole', 'petEmergency'],
    ['狗把袜子吃了', 'petEmergency'],
    ['our old dog ate a sock once and needed surgery, are these toys tough?', undefined],
    ['my dog ate the treats out of the puzzle toy', undefined],
    ['does the toy have a squeaker?', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  // After a danger told: the scam's details given, what was done about a device.
  assert.ok(dangerGoesOn('他還叫我加他LINE 我已經照他說的操作了一次', 'fraud'));
  assert.ok(dangerGoesOn('i already put my card details in :(', 'fraud'));
  assert.ok(dangerGoesOn('我已经拉闸了 人都下楼了', 'device'));
  assert.ok(!dangerGoesOn('好的谢谢', 'fraud'));
});

// A Shenzhen e-bike shop (forty-eighth session): "my scooter battery just caught fire in the lift lobby!!" was told first to unplug it.
test('a device burning now is the fire\'s advice; one put out, almost alight, or another year\'s is not', () => {
  for (const t of ['my scooter battery just caught fire in the lift lobby!! what do i do', '电动车电池充着电突然冒烟，火苗都出来了，我们在楼道里', 'Help!! the charger just sparked and the socket is on fire']) assert.equal(safetyOf(t), 'fire', t);
  for (const t of ['平衡车充电的时候着火了，刚扑灭，墙都熏黑了', 'fire is out, the scooter battery caught fire, security used extinguisher']) assert.equal(safetyOf(t), 'device', t);
  assert.equal(safetyOf("a mate's e-bike battery went up in flames last year so I want one with proper certification"), undefined);
  assert.notEqual(safetyOf('Three emails, no answers, and a charger that nearly caught fire.'), 'fire');
});

// Three outside shops (forty-ninth session: a Guangzhou appliance shop, a Singapore hobby shop, a Manchester bakery) and the third
// development danger set: dangers in buyers' words that had been "not sure", a returns window or a parcel's tracking.
test('a swollen power station or LiPo, a toddler who drank bleach water, a swallowed screw, a scam by the shop\'s name, a cut with 划', () => {
  const cases: [string, string | undefined][] = [
    ['你们家那个1200的户外电源 我放车后备箱里 今天拿出来发现侧面鼓起来了 摸着还有点烫 怎么办', 'device'],
    ['现在开始冒白烟了 有股刺鼻的味道 我该怎么办 人呢', 'device'],
    ['omg wait, the 4S pack i was charging on my old charger just now is puffing up and very hot, got a sweet smell. what do i do??', 'device'],
    ['hi again. the lipo from last night cooled down but still bloated like a pillow. can i just throw it down the rubbish chute?', 'device'],
    ['手机充着电后盖鼓起来了，有点烫', 'device'],
    ['power bank is smokin!!', 'device'],
    ['我家宝宝两岁 刚才趁我不注意喝了好几口加湿器水箱里的水 我前两天往里面滴了84消毒液清洗没冲干净 要紧吗', 'emergency'],
    ['你听懂了吗 我孩子喝了消毒水 快找人', 'emergency'],
    ['eh my son 4 yr old just now put one of the small tamiya screws in his mouth, i think he swallowed it?? he seems ok', 'battery'],
    ['bro got someone whatsapp me say from hobby shop, my parcel stuck at customs need pay RM58 to release, send me a link to pay. is that u guys??', 'fraud'],
    ['刚才快递员打电话要验证码，我给了，是不是被骗了', 'fraud'],
    ["gave the 'courier' my OTP 😩", 'fraud'],
    ['刚拆包装被里面的刀片划了个口子，一直流血', 'injury'],
    ['瓦斯爐點不著，可是一直聞到瓦斯味', 'gas'],
    ['Can smell LPG around the bottle ever since, bit worried.', 'gas'],
    ['订单888012收到了，谢谢。另外猫刚才舔了地板清洁剂，现在在吐', 'petEmergency'],
    // Asked beforehand, or nothing of the kind.
    ['电源买回去放车里夏天会不会爆炸啊 我跑滴滴的', undefined],
    ['充电宝用久了会鼓起来吗', undefined],
    ['手机会不会鼓起来', undefined],
    ['螺丝会不会被孩子吞下去', undefined],
    ['加湿器冒白烟正常吗', undefined],
    ['is it normal to smell gas when changing the canister? is it safe', undefined],
    ['我没收到验证码 能再发一次吗', undefined],
    ['my tummy is bloated', undefined],
    ['someone from the shop called me about my order, is that normal?', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  // What goes on: what to put on a burn or a hot battery, whether to pay.
  assert.ok(dangerGoesOn('冲了凉水了 要不要涂牙膏', 'emergency'));
  assert.ok(dangerGoesOn('现在放在小区楼下空地上了 要不要拿水浇一下', 'device'));
  assert.ok(dangerGoesOn('so i should pay the RM58 or not? they say today last day or parcel return to sender', 'fraud'));
  assert.ok(dangerGoesOn('its in my bedroom on the table!! can i pour water on it?', 'device'));
});

// The third development danger set (forty-ninth session, written by a helper from a brief): its misses and its false alarms.
test('dangers of the third development set read; its look-alikes (an idiom, the news, a scare that was nothing, a scam feared) are none', () => {
  const cases: [string, string | undefined][] = [
    ['Dish soap in the eye. Bit sore tbh.', 'eye'],
    ['scalp itchy af after the shampoo', 'reaction'],
    ['换了你们家的洗衣液才三天，孩子身上就起了一片片风团，晚上一直抓，呼吸倒是没问题', 'reaction'],
    ['my baby drank formula that smelled off', 'spoiled'],
    ['啲月餅食咗先見到發霉', 'spoiled'],
    ['left the kerosene heater on with windows shut all night, feel sick n woozy', 'air'],
    ['e-bike brakes just failed going downhill', 'broke'],
    ["baby not responding, she's all floppy", 'emergency'],
    ['個BB由你哋張餐椅跌落嚟撞到頭，之後嘔咗兩次，而家好眼瞓', 'headInjury'],
    ['iron handle got so hot it burned my fingers', 'injury'],
    ['隻貓咬爛咗逗貓玩具，粒珠好似卡咗喺喉嚨', 'petEmergency'],
    ["My mum did a screen share with a 'shop agent' and now money is gone from her account.", 'fraud'],
    ['sorry to message again, my dog ate some of the chocolate brownies you sent, what should i do', 'petEmergency'],
    ['he bit into a cookie and there was a little piece of metal wire in it, his gum is bleeding and he thinks he chipped a tooth', 'injury'],
    ['冒充你们店的人让我转账 已经转了 怎么举报', 'fraud'],
    ['这家的火锅底料真的辣到冒烟，再来两包', undefined],
    ['订单后四位6620，台灯插上不亮，换了插座也不行，没冒烟也没味道，就是不亮，能换一个吗', undefined],
    ['看新闻说有电动车在楼道充电着火，好吓人。你们家的电池有3C认证吗？', undefined],
    ['熱水壺外殼會唔會燙手？', undefined],
    ['昨晚好像闻到一点煤气味，结果是楼下邻居在炸东西，虚惊一场。顺便问下你们那个燃气报警器现在多少钱', undefined],
    ['冒充你们店的账号在哪举报', undefined],
    ['Last Christmas our beagle got into the chocolate - vet visit, he\'s absolutely fine. This year I want a lockable treat tin. Got one?', undefined],
    ['上星期油漆時有點頭暈，現在沒事了，想買防毒面具，要哪種濾罐？', undefined],
    ['shampoo in his eyes always burns him, is this one tear-free?', undefined],
    ['drank the coffee, the machine is off now', undefined],
    ['the app is not responding', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
});

// Forty-ninth session, second round (a Denver supplements shop, a Hong Kong phone shop, a Chengdu food shop).
test('a stimulant\'s chest pain, a child\'s iron gummies, lips swelling after gummies, a live cable bitten, a SIM pin swallowed; a fishy return is none', () => {
  const cases: [string, string | undefined][] = [
    ['also kinda freaking out, took 2 scoops of the pre workout blast an hour ago and now my chest is tight and hurts and my heart is racing like crazy', 'doctor'],
    ['omg HELP my 3 yr old got the kids gummies bottle open and ate like half of it, the ones with iron. what do i do??', 'emergency'],
    ['no!! i am asking what to do, she swallowed maybe 30 iron gummies 10 min ago', 'emergency'],
    ['so i started the elderberry gummies yesterday and now i have hives all over and my lips feel kinda swollen', 'reaction'],
    ['my 2 yr old just chewed the charging cable while it was plugged in and theres a little black burn mark on his lip, hes crying', 'injury'],
    ['救命 我個3歲仔啱啱吞咗新手機盒入面嗰支SIM卡針 佢而家好似冇事 使唔使睇醫生', 'battery'],
    ['另外一瓶鱼油我已经打开吃了几粒，觉得有鱼腥味，这个也能退吗', undefined],
    ['i took 2 gummies this morning, when should i take the next', undefined],
    ['在不在 问下兔头袋子鼓起来了胀得像个气球 还能吃不', 'spoiled'],
    ['娃娃嘴巴越来越肿了 说话声音都变了 喘气有点呼哧呼哧的', 'emergency'],
    ['娃娃很喜欢吃你们的牛肉干', undefined],
    ['宝宝胀气，你们这个益生菌能吃吗', undefined],
    // The review's leftovers: a pet poisoned by a cleaner, a grown-up hurt after drinking bleach water; a worry is none.
    ['the dog is foaming at the mouth after licking the floor cleaner', 'petEmergency'],
    ['我喝了好几口加湿器水箱里的水 前两天往里面滴了84消毒液没冲干净 现在喉咙有点烧', 'emergency'],
    ['my dog licked the floor after i used the cleaner, is the cleaner pet safe?', undefined],
    ['罐头盒子有点凹但没有鼓起来，能吃吗', undefined],
    ['my dog chewed the cable, can you send a new one', undefined],
    ['孩子会不会把卡针吞下去', undefined],
    // A slicer that "took the top off" a finger is a cut, not something taken (it had been told to stop taking it).
    ['mandoline slicer took the top off my finger, can\'t stop the bleeding', 'injury'],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  assert.ok(dangerGoesOn('他说嘴巴有点烧 现在喝了水', 'emergency'));
  assert.ok(!dangerGoesOn('发票怎么开 空气炸锅那单要开个人的', 'device'));
  // The bank already called after a scam: a thanks, not the warning again (a Manchester bakery).
  assert.ok(!dangerGoesOn('rang the bank, card is blocked, thanks', 'fraud'));
  assert.ok(!dangerGoesOn('银行卡已经冻结了 谢谢', 'fraud'));
  assert.ok(dangerGoesOn('they took more money from the bank again', 'fraud'));
});

// A Denver supplements shop (forty-ninth session): doses and interactions asked in buyers' words had a plain hand-over or an
// unrelated entry; a doctor's or a pharmacist's question, not the shop's.
test('a dose or an interaction asked is a doctor\'s or a pharmacist\'s question; a coupon or a payment with something is not', async () => {
  const { healthAsked } = await import('../../src/robot/nlu/health.ts');
  const { normalize } = await import('../../src/robot/nlu/index.ts');
  for (const t of [
    'my daugter is 4, the bottle say 2 gummies a day but when she is sick can i give her 4?',
    'how many scoops of pre workout can i take, 1 isnt doing anything for me anymore',
    'my mom is 68 and takes pills for the pressure, is ok the melatonin for her?',
    '我妈有高血压，在吃降压药，可以喝你们的人参茶吗',
    'but is the pre workout safe to take with my adderall?',
    'how many gummies can my kid take',
  ]) assert.equal(healthAsked(normalize(t).text), 'advice', t);
  for (const t of ['can i use the coupon with my other order', '可以用花呗吗', 'is it ok for her if i pay with card']) assert.equal(healthAsked(normalize(t).text), undefined, t);
});

// A review of the forty-ninth session's readings: dangers its new exclusions had silenced, and false alarms of its new patterns.
test('the review of the forty-ninth session: dangers read beside a scare or the news, and goods, idioms and habits that are none', () => {
  const cases: [string, string | undefined][] = [
    ['还好发现得早，宝宝只吞了一颗纽扣电池，现在要怎么办', 'battery'],
    ['本来以为虚惊一场，结果宝宝现在一直吐 叫不醒', 'emergency'],
    ['有人冒充你们客服让我转账，我转了500，怎么举报', 'fraud'],
    ['刚才有人自称你们客服，让我把验证码告诉他，我给了，怎么举报他', 'fraud'],
    ['看新闻说充电宝会爆炸 我的充电宝现在鼓起来了 很烫', 'device'],
    ['闻到煤气味，结果是隔壁家漏气，现在整层楼都是味道', 'gas'],
    ['孩子喝了洁厕灵', 'emergency'],
    ['狗狗喝了洁厕灵', 'petEmergency'],
    ['我個仔飲咗啲消毒水', 'emergency'],
    ['The courier said he would call but he is not responding, where is my parcel?', undefined],
    ['My daughter loves the floppy and cuddly bunny, do you have it in pink?', undefined],
    ['my husband was foaming at the mouth when he saw the bill', undefined],
    ['bub has gone really floppy and won\'t respond', 'emergency'],
    ['孩子咽喉发炎 医生开了药 还让去医院打三天针 你们的雾化器能用吗', undefined],
    ['孩子吞咽的时候喉咙疼 昨天去医院扎了一针', undefined],
    ['My son bites his nails and has swallowed bits of nail, will the anti-bite polish help?', undefined],
    ['吃饺子吃出玻璃碴 已经吃了好几个了 舌头也划破了', 'battery'],
    ['Your pitted olives still had stones in them, nearly broke a tooth!', undefined],
    ['宝宝撞到头了，没有呕，精神很好，你们的防撞条什么时候发货', undefined],
    ['I ate 2 vitamin gummies instead of 1 this morning, is that ok?', undefined],
    ['芭比娃娃的脸颜色不对 嘴唇肿了一样 是瑕疵吗', undefined],
    ['热狗面包太干了，吃着噎着了，能不能做软一点', undefined],
    ['猫粮颗粒太大了 猫咪吃的时候噎到了 有没有小颗粒的', undefined],
    ['狗狗吃饭太快，经常噎住了，有没有慢食碗', undefined],
    ['狗狗刚刚啃骨头卡住喉咙了 一直干呕', 'petEmergency'],
    ['My dog ate your carob brownies and loves them, reordering a box!', undefined],
    ['my pug just scoffed the doggy fudge, do you do a bigger tub?', undefined],
    ['我家猫三岁大的 刚才吃了一点干燥剂', 'petEmergency'],
    ['手机钢化膜边缘鼓起来了，是不是贴歪了', undefined],
    ['手机壳背面有点鼓起来了 是不是尺寸不对', undefined],
    ['户外电源的包装袋鼓起来了，是不是运输挤压', undefined],
    ['加湿器冒白烟 有点怪味 新的正常吗', undefined],
    ['台灯插上不亮，也没看到冒烟，就是不亮', undefined],
    ['充电器不充电了 没有任何冒烟发热 能换吗', undefined],
    ['this deal is smokin, grabbing two', undefined],
    ['phone battery dies in 3 hours, the software is so bloated', undefined],
    ['bought the heat pad for period cramps, battery lasts 2h but i still feel bloated', undefined],
    ['穿了一个月鞋子就磨破了，质量太差', undefined],
    ['包包的边角磨破了 能保修吗', undefined],
    ['I\'ve burned my fingers buying cheap knock-offs before, are these genuine?', undefined],
    ['do your blister plasters work if the blister is bleeding?', undefined],
    ['the paint in the eye of the doll is chipped, can i get a replacement?', undefined],
    ['Can I use the aloe gel in the eye area? my skin there is red and dry', undefined],
    ['are these coloured lenses safe to put in my eyes? my eyes get red easily', undefined],
    ['I\'m pregnant and the smell of coffee makes me feel sick, do you have decaf tea instead?', undefined],
    ['Is the smell of the Breathless candle strong?', undefined],
    ['炭火烤炉的脚太短了 放地上站不稳', undefined],
    ['猫咬断了充电线，想再买一根黑色的', undefined],
    ['The puppy chewed through his lead in two days, I was nearly crying, do you sell a stronger one?', undefined],
    ['卡式瓦斯爐烤肉味道很好 推薦', undefined],
    ['瓦斯好像外洩了 怎麼辦', 'gas'],
    ['the caravan stinks of LPG', 'gas'],
    ['京东快递员上门要签收验证码，我给了，东西已经拿到了', undefined],
    ['I gave the courier my OTP for the delivery locker, is that how it works?', undefined],
    ['换了你们家的洗衣液就把白T恤洗得红了一片 掉色太严重', undefined],
    ['the cold is making my hands so red and itchy, which hand cream is best?', undefined],
    ['I switched to your non-bio detergent because my son\'s skin went red with the old one, it\'s been great', undefined],
    ['It took 3 weeks to arrive and my eczema rash got worse waiting for the cream, can you refund the shipping?', undefined],
    ['My kids ate the sour gummy worms, they were really sour, do you have a milder one?', undefined],
    ['drank the cold brew this morning, tastes a bit sour, is that how it should be?', undefined],
    ['这箱饼干有几包发霉了，不敢给孩子当零食了，怎么退款', undefined],
    ['寄到西藏 薯片袋子都鼓起来了 还能吃吗', undefined],
    ['宝宝喝了一瓶奶，这次冲奶的时候加了84毫升水，是不是太稀了', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
});

test('three shops of the fiftieth session: an ear tip, sunscreen or a desiccant eaten in Cantonese, a chemical burn, a shock, flames in the oven, a scam page; look-alikes are none', () => {
  const cases: [string, ReturnType<typeof safetyOf>][] = [
    ['我孩子把耳机的硅胶耳帽吞下去了 咋办啊 三岁', 'emergency'],
    ['my toddler swallowed an ear tip from the earbuds', 'emergency'],
    ['救命 我兒子兩歲 剛剛把你們的兒童防曬乳擠出來吃了一口 現在一直在舔嘴巴 要怎麼辦', 'emergency'],
    ['我個女吞咗乾燥劑 要唔要去急症室', 'emergency'],
    ['頭先拆你哋寄嚟個盒 入面有包防潮珠 我個囡三歲咬爛咗食咗少少 使唔使睇醫生', 'emergency'],
    ['就是被果酸灼傷了啦 起水泡 要怎麼處理', 'reaction'],
    ['我朋友說用你們的果酸換膚精華 敷太久結果臉頰起水泡還脫皮 刺刺熱熱的 這樣正常嗎', 'reaction'],
    ['oh no my daughter just touched the jar, shes got a red blister on her finger and is screaming', 'injury'],
    ['被电了一下 手麻', 'shock'],
    ['充电器漏电 手被电麻了', 'shock'],
    ['got zapped by the charger and my arm is numb', 'shock'],
    ['theres actual flames in the oven now', 'fire'],
    ['seasoning my new skillet in the oven and the whole house is full of smoke and the smoke alarm is going off!!', 'fire'],
    ['is this the real Hearth & Co? a facebook page asked me to pay by bank transfer to a personal account. i already sent $78', 'fraud'],
    ['果酸会不会起水泡', undefined],
    ['will the peel give me blisters?', undefined],
    ['会不会触电', undefined],
    ['will it give me a shock if it gets wet', undefined],
    ['my oven has a window so you can see the flames', undefined],
    ['do the candles burn with big flames?', undefined],
    ['is this the real shop page? i want to follow you', undefined],
    ['有冇保養品試用裝', undefined],
    ['wax warmer tipped over and spilled hot wax on my wrist, it blistered straight away', 'injury'],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
});

test('what goes on about a danger told: numb after sparks is the shock, a towel pressed for minutes the injury; washing on hot and the other candles are not', () => {
  assert.equal(dangerGoesOn('人没事 就是手有点麻了一下', 'device'), true);
  assert.equal(worsened('device', '人没事 就是手有点麻了一下'), 'shock');
  assert.equal(dangerGoesOn('ok pressing a towel on it. its been like 10 min', 'injury'), true);
  assert.equal(dangerGoesOn('#10450 the tea towels, can i wash them hot? they shrunk a bit', 'injury'), false);
  assert.equal(dangerGoesOn('can someone at least tell me if the other candles from the same batch are safe, my mum bought the same ones', 'fire'), false);
  assert.equal(dangerGoesOn('is it safe to go back in now', 'fire'), true);
});

test('the review of the fiftieth session: a shock read after the fire and the emergency; surprise, an idiom, a massager, foam, good news and a range hood are none', () => {
  const cases: [string, ReturnType<typeof safetyOf>][] = [
    ['我老公被电了一下 人晕过去了 叫不醒', 'emergency'],
    ['he got electrocuted and isnt breathing', 'emergency'],
    ['充电器着火了 拔插头的时候我被电了一下', 'fire'],
    ['我俾個插蘇電親 隻手好痺', 'shock'],
    ['my son got shocked by the night light you sold me', 'shock'],
    ['I was shocked at the delivery fee', undefined],
    ['the price gave me a shock lol', undefined],
    ['看了你们模特图 被电到了 哈哈 这件好帅', undefined],
    ['看到这条裙子第一眼就触电了 还有S码吗', undefined],
    ['去年被电了一下 所以这次想买带漏保的插排 有推荐吗', undefined],
    ['用你们的EMS按摩仪 被电了一下 是不是档位开太高了', undefined],
    ['碳酸泡泡面膜敷上去一直起泡 这正常吗', undefined],
    ['用了你们的祛痘精华一个月 终于不烂脸了 回购', undefined],
    ['以前用别家的果酸烂脸了 想问你们这款温和吗', undefined],
    ['用咗你哋嘅面霜 塊面起晒水泡 好痛', 'reaction'],
    ['脱毛膏用完腿上起了好多水泡 好痛', 'reaction'],
    ['I get blisters on my hands from the garden rake, do you sell gloves?', undefined],
    ['had a burn blister last year from the kettle so I want a cool-touch one', undefined],
    ['炒菜的时候满屋子都是烟 你们这个油烟机吸力也太差了', undefined],
    ['I love the flames on the candle, so cosy', undefined],
    ['blue flames on the stove are normal right?', undefined],
    ['flames coming out of the back of the heater', 'fire'],
    ['你好，我昨天收到的空气炸锅，刚才炸鸡翅的时候机身后面冒出火苗，塑料外壳都熔了，家里全是烟，孩子在咳嗽，要不要先报警？', 'fire'],
    ['is it real gold? i want to pay by bank transfer', undefined],
    ['saw you on a facebook page, can i pay by bank transfer?', undefined],
    ['一个抖音号说是你们官方 让我转账 我转了200', 'fraud'],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  for (const text of ['等了半天客服 我人都麻了', '蹲着拔插头太久 腿麻了 哈哈 现在没事了']) assert.equal(dangerGoesOn(text, 'device'), false, text);
  for (const text of ['its been 10 minutes and nobody replied', '怎么关掉？按住开关键吗', "the blender won't stop beeping", '快递压着了 盒子扁了']) assert.equal(dangerGoesOn(text, 'injury'), false, text);
  for (const text of ['the fire spread to the rest of the kitchen', '其他的人还在楼上 烟越来越大']) assert.equal(dangerGoesOn(text, 'fire'), true, text);
  assert.equal(dangerGoesOn('剩下的那个充电宝也在冒烟', 'device'), true);
  assert.equal(worsened('shock', 'my chest feels tight now'), 'emergency');
  assert.equal(worsened('shock', '拉闸了 手还是麻'), 'shock');
});

test('the second round of the fiftieth session: a bloated power bank in Manglish and Malay, a scorched plug pin, a shock "kena", a strap or a sweater\'s rash, food poisoning from dumplings, a pin that drew blood, tetanus, a pregnant buyer\'s chemical smell', () => {
  const cases: [string, ReturnType<typeof safetyOf>][] = [
    ['URGENT my baseus powerbank become bloated and got hissing sound, now hot smell smoke a bit!! what to do', 'device'],
    ['bro tolong, powerbank anker adik saya kembung dan berasap masa cas, bau terbakar!', 'device'],
    ['very hot until cannot hold it in hand, and the plug pin got a bit brown colour', 'device'],
    ['the samsung 25w charger u sent me just now spark when i plug in and i kena shock on my finger, a bit numb now. wtf', 'shock'],
    ['the amazfit just arrived, wore it 2 hours and now my wrist red, itchy n swelling like blister. allergic to the strap ke?', 'reaction'],
    ['穿了你们的红毛衣一天 脖子和手腕全是红疹子 好痒 是不是掉色染料有问题', 'reaction'],
    ['box left at the side door, ice packs melted but dumplings kinda cool so we cooked them. now my husband has been throwing up all night and has diarrhea. what do i do', 'reaction'],
    ['你们裙子里面怎么还有根针啊！！刚试穿把我腰扎出血了', 'injury'],
    ['针是锈的 要不要打破伤风', 'injury'],
    ['还有上次买的那件衣服有股很冲的味道 是不是甲醛啊 我怀孕了能穿吗', 'air'],
    ['does the powerbank make a hissing sound when charging normally?', undefined],
    ['the plug pins are black colour or silver?', undefined],
    ['i wore it to the gym, the strap colour is nice', undefined],
    ['do your dumplings have pork? my son is allergic to shrimp', undefined],
    ['仙人掌的刺会不会扎出血', undefined],
    ['破伤风疫苗你们卖吗', undefined],
    ['这款衣服孕妇能穿吗', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
});

test('the second round\'s review: negations, a cheap price, surprise, hairpins, a hot cooker pot and sunburn are none', () => {
  for (const text of ['no hissing sound like my old one. good product', 'charger tak berasap pun', 'this power bank never kembung', 'cable ni tak meletup kan kalau cas semalaman?', 'harga cable ni terbakar lah boss', 'kena shock when see the price', 'kena shock tengok harga shipping ke sabah', 'the hairpin colour brown or black? pins look burnt orange', 'rice cooker inner pot very hot until cannot hold, is it normal?', 'wearing the watch at the beach, my wrist got sunburnt red lol']) {
    assert.equal(safetyOf(text), undefined, text);
  }
  assert.equal(safetyOf('powerbank saya berbau hangit masa cas'), 'device');
});

test('the fifty-first session\'s shops: a burning electric blanket, a zip pull swallowed, a "claim" call, a parcel text with a fee, an ID given, a crash after a part came loose', () => {
  const cases: [string, string | undefined][] = [
    ['我同时买了个电热毯垫在蚕丝被下面，今朝早上闻到一股焦味道，毯子角落发黑了，阿会出事体？', 'device'],
    ['the electric blanket smells burnt and a corner is black', 'device'],
    ['我孙孙把枕套上的拉链头咬下来了，好像吞进去了，现在一直在咳', 'emergency'],
    ['my toddler swallowed the zip pull', 'emergency'],
    ['有人给我打电话说我快递丢了要理赔，让我扫码下载个APP，还问我要身份证号', 'fraud'],
    ['我已经把身份证号告诉他了，咋办', 'fraud'],
    ['我已經俾咗身份證同地址佢', 'fraud'],
    ['有人打嚟話係你哋客服 問我攞身份證號碼', 'fraud'],
    ['someone called saying they are from your shop and asked for my HKID number', 'fraud'],
    ['收到短信說包裹地址不全要補運費$15，叫我㩒連結', 'fraud'],
    ['got an sms saying my parcel is held, pay $15 via link', 'fraud'],
    ['the quick release skewer ye sold me came loose on the descent and i went over the handlebars, hand is in bits', 'broke'],
    ['快拆松了 我直接摔了 手破了', 'broke'],
    // Worries, questions and look-alikes.
    ['电热毯会不会有焦味', undefined],
    ['电热毯开一晚上很烫 正常吗', undefined],
    ['is the heated blanket safe, will it catch fire?', undefined],
    ['这个暖手宝很烫吗', undefined],
    ['孩子把拉链头咬下来了，还好没吞', undefined],
    ['快递丢了能理赔吗', undefined],
    ['理赔需要提供身份证吗', undefined],
    ['清关需要身份证号吗', undefined],
    ['假如快递员问我要验证码 要给他吗', undefined],
    ['收到短信说我包裹地址有误要点链接修改，我觉得是骗子没点，你们有发过吗？', undefined],
    ['got a text that my parcel was delivered, the link shows a photo', undefined],
    ['if the skewer came loose would i go over the bars?', undefined],
    ['my phone is on fire lately, battery lasts the whole day 🔥', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  // Where the swollen battery is now, told while queued: the advice again.
  for (const text of ['is in my apartment in the hall, my kids is sleeping', 'its in the kitchen now', '放在客厅了 孩子在睡觉']) assert.ok(dangerGoesOn(text, 'device'), text);
  assert.ok(!dangerGoesOn('is it in stock', 'device'));
});

test('the fifty-first session\'s review: blankets said not to burn, an ID for customs, a shipping text, a scam deleted, a near miss are none; a fire this week, a crash in other words are dangers', () => {
  const cases: [string, string | undefined][] = [
    ['电热毯有没有烧焦的风险？', undefined],
    ['电热毯用了一冬天，一点焦味都没有，很放心', undefined],
    ['这款电热毯有防火花设计吗', undefined],
    ['想买电热毯，之前别家的烧焦了，你们家质量怎么样', undefined],
    ['heated throw is lovely, no burning smell at all', undefined],
    ['My husband is a smoker, is the heated blanket safe', undefined],
    ['heated underblanket left a brown burn mark on my sheet', 'device'],
    ['你们理赔要我提供身份证复印件吗？', undefined],
    ['顺丰让我下载他们的APP填资料', undefined],
    ['清关需要身份证号，我已经给了身份证号码', undefined],
    ['我把wifi密码告诉了他', undefined],
    ['我刚把身份证号和银行卡号都发给那个人了', 'fraud'],
    ['有人打嚟話係你哋客服 話要賠償 叫我俾身份證號碼', 'fraud'],
    ['got an sms from you saying my parcel shipped, with a tracking link, no fee to pay', undefined],
    ['got a text saying my parcel is on the way, click the link to track, do i have to pay anything on arrival', undefined],
    ['收到短信说包裹地址不全要补运费，还有个链接，我直接删了', undefined],
    ['收到短信話個包裹派唔到 要俾$20手續費 叫我撳條link', 'fraud'],
    ['got a whatsapp saying my parcel needs a $2 redelivery fee, pay via the link', 'fraud'],
    ['the charger went on fire this week in the kitchen, we put it out', 'device'],
    ['车把螺丝松了，怕摔倒', undefined],
    ['快拆松了，差点摔了', undefined],
    ['skewer came out in the car rack and the wheel fell out in the driveway, nobody hurt', undefined],
    ['快拆松了 我整个人摔出去了', 'broke'],
    ['the thru axle backed out on a descent and i hit the deck', 'broke'],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  assert.ok(!dangerGoesOn('the charger is in the kitchen now and working fine again', 'device'));
});

test('a Singapore appliance shop (fifty-first session): a kettle that trips the power or sparks, a child\'s steam scald, a PayNow number from WhatsApp, an OTP keyed in; a power trip at work, a kettle\'s load asked of, a steam iron are none', () => {
  const cases: [string, string | undefined][] = [
    ['boss the kettle i buy from u every time i switch on the whole house power trip sia', 'device'],
    ['电水壶一开就跳闸', 'device'],
    ['just now got spark come out from the base and burning smell, my kid was standing beside', 'device'],
    ['my son 4 yrs old put his hand over the rice cooker steam vent just now, his palm very red and got blister, crying non stop', 'injury'],
    ['my daughter got scalded by the steam from the kettle', 'injury'],
    ['my friend say he got your paynow number from whatsapp, can i just transfer to that number?', 'fraud'],
    ['my boss is on a power trip lol', undefined],
    ['does the kettle trip the power if i use it with the aircon on?', undefined],
    ["what's the wattage of the hair dryer, our fuse trips sometimes when the kettle's on too", undefined],
    ['the steam function is great, no burn marks on my shirts', undefined],
    ['steam burn cream do you sell', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  assert.ok(dangerGoesOn('i already key in the OTP also... alamak', 'fraud'));
});

test('a London cosmetics and a Xi\'an food shop (fifty-first session): nail polish remover drunk, a face burnt, swollen lips that make swallowing hard, a phishing text for card details, a sachet bitten open, food poisoning after cakes, lips swollen in Cantonese', () => {
  const cases: [string, string | undefined][] = [
    ["my wee grandson, he's 2, got the nail polish remover bottle open and drank some, he's coughing and sick", 'emergency'],
    ["I'd opened it like, but it proper burnt me face, red raw and blistering now", 'injury'],
    ['my lips have swelled right up after the plumping gloss and its hard to swallow', 'emergency'],
    ['刚收到条短信说我的快递地址有问题，让点链接重新填银行卡信息领赔偿，是你们发的吗', 'fraud'],
    ['柿饼袋子里那个小包包让我家娃咬破了，吃进去一点白色的颗粒', 'emergency'],
    ['昨天吃了你家黄桂柿子饼，今天我跟我老公都上吐下泻，浑身没劲，是不是饼坏了', 'reaction'],
    ['食完石榴之后个嘴好痕，嘴唇有啲肿', 'reaction'],
    // Look-alikes.
    ['these vitamins are hard to swallow, any smaller ones?', undefined],
    ['the pills are too big, i cant swallow them', undefined],
    ['does the lip plumper make your lips swollen?', undefined],
    ['the nail polish remover smells strong, is it safe to use around my son?', undefined],
    ['这个柿饼上面有白色的颗粒是什么', undefined],
    ['收到短信说快递到了 点链接查看取件码', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(safetyOf(text), kind, text);
  // What goes on: money gone after a scam; a choking that seems over, the hospital still asked.
  assert.ok(dangerGoesOn('she already gave them the code and 2000 yuan is gone from her account', 'fraud'));
  assert.ok(dangerGoesOn('吐出来了，好像没事了，还要去医院吗', 'emergency'));
});

test('the fifty-first session\'s second review: look-alikes of the second round\'s readings are none; true cases in other words are read', () => {
  const none = [
    'my boss is on a power trip again lol, anyway when will the kettle arrive?', '昨晚小区停电跳闸了，水壶的订单什么时候发货', '电工说跳闸是空调的问题，不是你们的电水壶',
    "the old kettle used to trip the breaker every morning, that's why I'm ordering yours", 'house power tripped during the thunderstorm last night, is the air fryer still coming today',
    "Can I get the PayNow number from WhatsApp instead? the website page won't load", 'received the payment confirmation from WhatsApp, thanks! when ship?',
    '短信链接付款的时候银行卡被扣了两次，能退一笔吗', '收到你们的短信说订单已发货，链接里能查物流，不用填银行卡吧？', 'I got your bank details from a friend who bought before, still same account right?',
    '宝宝吃了一点米粉，有白色颗粒没化开，正常吗', '给女儿买的小包包，她吃了饭就背着出门', '拔牙后嘴巴有点肿，粥什么时候到', '被蚊子叮了嘴唇有点肿，润唇膏什么时候发货',
    'do sparks come out when using the angle grinder?', 'sparks come out of the sparkler really nicely, kids loved it',
    'I got scalded by steam from a kettle once, so does yours have a lid lock?', 'the iron nearly burnt me hand but I pulled back in time, love it',
    'hand sanitiser: my kid nearly drank some but I stopped him in time',
  ];
  for (const text of none) assert.equal(safetyOf(text), undefined, text);
  assert.notEqual(safetyOf('will the lip plumper make my lips swollen and hard to swallow?'), 'emergency');
  assert.equal(safetyOf('our puppy chewed the silica gel packet, he\'s 2'), 'petEmergency');
  const read: [string, string][] = [
    ['電熱水壺一插上去就跳掣', 'device'], ['switch on the oven and the RCD trips straight away', 'device'], ['the heater keeps blowing the fuse, smell a bit funny too', 'device'],
    ['there were sparks shooting out of the plug when I switched the kettle on', 'device'], ['rice cooker steam got me hand, it\'s gone all red and blistered', 'injury'],
    ['a guy whatsapp me your paynow number, say must pay deposit first, legit?', 'fraud'], ['有人在微信上发了个收款码给我说是你们店的，可以转吗', 'fraud'],
    ['收到条短信，说包裹被海关扣了，要点网址填身份证和银行卡交税', 'fraud'], ['收到短信话你哋派唔到件，叫我入网站填信用卡资料', 'fraud'],
    ['卸甲水被我家宝宝打开喝了一口', 'emergency'], ['吃了你们的花生酥，嘴唇有啲肿，吞嘢好难', 'emergency'], ['娃把柿饼里那个防潮的小袋子撕开吃了点', 'emergency'],
    ['the whole family threw up after eating your mooncakes', 'reaction'], ['吃了你们家的绿豆糕，全家上吐下泻', 'reaction'],
  ];
  for (const [text, kind] of read) assert.equal(safetyOf(text), kind, text);
  for (const text of ['luckily nothing gone from my account, I didn\'t reply', 'I just keyed in my OTP on your checkout page']) assert.ok(!dangerGoesOn(text, 'fraud'), text);
  assert.ok(dangerGoesOn('我把短信码输进去了，卡里的钱少了两千', 'fraud'));
  for (const text of ['孩子现在没事了，谢谢你们', 'all good now, the fire\'s out and everyone\'s fine']) assert.ok(!dangerGoesOn(text, 'emergency'), text);
});

test('a Guilin food shop (fifty-first session): a child scalded by boiling soup, a caller posing as the shop\'s courier asking for an ID copy; soup or water spilt on a table or the floor are none', () => {
  assert.equal(safetyOf('救命啊，我儿子刚才碰翻了煮螺蛳粉的锅，滚汤泼到他手臂上了，起了好大的泡'), 'injury');
  assert.equal(safetyOf('我收到一個電話話係你哋順豐，要我俾身份證影印本清關，係咪真㗎'), 'fraud');
  for (const text of ['汤洒到桌子上了 有点红油', '热水泼到地上了', '汤洒在衣服上，洗不掉，红了一片', '滚水淋在茶叶上，水泡很多', '热水倒在保温杯里外面会烫红吗']) assert.equal(safetyOf(text), undefined, text);
  assert.equal(safetyOf('got a whatsapp: parcel on hold, fee of £1.45 at evri-uk.info'), 'fraud');
  assert.ok(dangerGoesOn('我现在用冷水冲着，要不要去医院啊', 'injury'));
});

test('the rest of a food that made someone sick, asked of after the danger, is the danger going on (a Guilin shop, fifty-first session: the shelf-life entry)', () => {
  for (const text of ['剩下的那几包还能吃吗', '其他的还能吃吗', 'are the rest safe to eat?']) {
    assert.ok(dangerGoesOn(text, 'reaction'), text);
    assert.ok(dangerGoesOn(text, 'spoiled'), text);
  }
  assert.ok(!dangerGoesOn('其他的还能用吗', 'device'));
  assert.ok(!dangerGoesOn('谢谢', 'reaction'));
});

test('a zip pull "eaten" in Cantonese, or put in the mouth and gone, and a flat\'s power cut each time the air fryer is plugged in (the fifty-first session\'s review misses)', () => {
  assert.equal(safetyOf('我個仔食咗個拉鏈頭'), 'emergency');
  assert.equal(safetyOf('孩子把拉链头放嘴里，现在找不到了，一直在咳'), 'emergency');
  assert.equal(safetyOf("each time i plug in the air fryer the whole flat's electricity cuts off"), 'device');
  for (const text of ['孩子吃了个饼干', '孩子把玩具放嘴里了', '我吃了个苹果', 'the power went off during the storm, is the air fryer ok?']) assert.equal(safetyOf(text), undefined, text);
});

test('the Irish perfect read as a past ("the cream\'s after burning me skin", "I\'m after paying twice"), and boiling water on an arm that blistered (the fifty-first session\'s review misses)', () => {
  const nlu = createNlu();
  assert.equal(nlu.understand("I'm after paying twice for the same order", new Date()).normalized, 'i paid twice for the same order');
  assert.match(nlu.understand("the cream's after burning me skin, it's red raw", new Date()).normalized, /^the cream burnt my skin/);
  assert.equal(safetyOf("the kettle spat boiling water on me arm, it's blistered"), 'injury');
  for (const text of ['hot water on my skin feels nice', 'does the kettle spit boiling water? worried about burns']) assert.equal(safetyOf(text), undefined, text);
});
