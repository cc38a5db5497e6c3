/**
 * A queued buyer's question about the wait (src/routing/wait.ts) and the language of routing's
 * notices (src/routing/notices.ts): pure rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asksAboutWait, waitAnswer, waitAnswerAgain } from '../../src/routing/wait.ts';
import { langOf, langOfTexts, noticeFor, NOBODY_ONLINE_NOTICE, RATING_PROMPT } from '../../src/routing/notices.ts';
import { inScriptOf, inScriptOfTexts } from '../../src/robot/index.ts';

test('questions about the wait are told from questions for the agent that share words with them', () => {
  // Asking for a person again while queued is answered with the place in the queue (eighteenth session).
  for (const t of ['转人工', '人工客服！！', 'rg', 'human pls']) assert.equal(asksAboutWait(t), true, t);
  // Found from outside (twenty-second session): these got no reply at all.
  for (const t of ['找个真人', '快点转人工啊', 'ok transfer me to agent lah', 'can i talk to a real person?', 'i want a human', '我要转人工', '我想转人工', 'can i speak with a human', 'i wanna talk to a human', 'need a human', 'real human pls', 'customer service pls', 'transfer to agent']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['真人秀', 'is the agent going to refund me', 'person who packed it was rude']) assert.equal(asksAboutWait(t), false, t);
  for (const t of ['还要等多久', '你好，还要等多久啊', '有人吗', '前面还有几个人', '等了半天了', 'how long do I have to wait?', 'how long do I still have to wait?', 'is anyone there?', 'still waiting for an agent']) {
    assert.equal(asksAboutWait(t), true, t);
  }
  // Hours waited, "its been ages" (a Xiamen and a Dublin shop, forty-fifth session: "message kept", no place told).
  for (const t of ['我等了快半小时了 还要多久', '等了一个多小时了', '都等了两个钟头了', 'hello?? its been ages', "it's been forever"]) assert.equal(asksAboutWait(t), true, t);
  assert.equal(asksAboutWait('its been ages since i ordered it'), false);
  for (const t of ['客服 我等了一个小时了', '等了一个小时了 到底有没有人']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['快递员让我在楼下等了两个小时 都没来', '在驿站等了半个小时 还没找到我的包裹', '充电等了三个小时还是没充满']) assert.equal(asksAboutWait(t), false, t);
  // Singlish (thirty-first session, found from outside: "message saved").
  for (const t of ['how long more need to wait?', 'how long more ah']) assert.equal(asksAboutWait(t), true, t);
  assert.equal(asksAboutWait('how long more for my refund'), false);
  assert.equal(asksAboutWait('how long more need to wait for my refund'), false);
  assert.equal(asksAboutWait('how long more need to wait for an agent'), true);
  // Four shops of the thirty-second session: each was "your message is saved" or nothing, no place told.
  for (const t of ['how long i need to wait', 'hello?? anyone', 'hello? is someone there', '前面几个人', '还要好久嘛 等得心焦', '喂 有人没']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['退款还要好久', 'how long i need to wait for the refund', 'how long do i need to wait for my refund', 'hi someone sent me the wrong size']) assert.equal(asksAboutWait(t), false, t);
  // Found in review: the reply waited for is still the wait; close variants; and what only shares words with them.
  for (const t of ['how long do i have to wait for your reply', 'how long will i be waiting for an answer', 'how long do i need to wait for customer service', '前面有多少人', '前面仲有幾多個', '亲 还要好久嘛', '我还要等好久啊', '有人没啊', 'how long need to wait ah']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['how long i need to wait to get my refund', 'how long we have to wait until the parcel arrive', 'the courier said he left it with someone there', '还要好久才发货啊', '前面几个都是好的 最后一个碎了', '前面几位客服都说给我退款 到现在还没退']) assert.equal(asksAboutWait(t), false, t);
  // A Chengdu and a Houston shop (thirty-fourth session, found from outside: nothing, or an FAQ offer).
  for (const t of ['还要排多久', '在不在啊 还要等好久', 'hey its ray again, still no one?', 'still nobody here?']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['退款还要等好久才到', 'still no one has called me about the refund', '排多久的队都行 我要退款']) assert.equal(asksAboutWait(t), false, t);
  // Found in review: these were answered with a queue position ("您前面还有 1 位，预计约 6 分钟").
  for (const t of ['退款多久能到账？', '这个耳机多久能到', '家里没人，快递能放驿站吗', 'how long is the warranty', '在吗', '第几个订单是我的', '算了，要等多久啊', 'never mind, how long do I have to wait', 'human error on my side']) {
    assert.equal(asksAboutWait(t), false, t);
  }
});

test('the answer is in the question\'s language and promises no wait with nobody online', () => {
  assert.match(waitAnswer(langOf('还要等多久'), { position: 3, agentsOnline: 1, estimatedWaitSeconds: 360 }), /^您前面还有 2 位，预计约 6 分钟/);
  assert.match(waitAnswer(langOf('how long do I have to wait'), { position: 1, agentsOnline: 0, estimatedWaitSeconds: undefined }), /^You are number 1 in the queue\. No agent is online/);
});

test('a notice is in the language of the buyer\'s latest text that tells one; Chinese when none does', () => {
  assert.equal(langOfTexts(['ok', '我的快递到哪了']), 'zh', 'a Chinese buyer\'s last "ok" tells nothing');
  assert.equal(langOfTexts(['2024112500001111', 'where is my parcel']), 'en');
  assert.equal(langOfTexts(['rg', 'where is my parcel']), 'zh', '"rg" is 人工 in pinyin initials');
  assert.equal(langOfTexts(['👍']), 'zh');
  assert.equal(langOfTexts([]), 'zh');
  assert.equal(langOfTexts(['can I talk to a real person please']), 'en');
  // "hello??" is typed in Chinese chats too; English when nothing else tells (thirtieth session, found from outside).
  assert.equal(langOfTexts(['hello??', '有冇單據證明係正貨']), 'zh');
  // Asked again with a word before it (thirtieth session, found from outside: silence).
  assert.ok(asksAboutWait('whatever just get me a real person'));
  assert.ok(!asksAboutWait('just checking'));
  assert.ok(asksAboutWait('how long will i be waiting'));
  assert.ok(asksAboutWait('hows long the wait'));
  assert.ok(asksAboutWait('還有人在嗎'), 'in traditional characters too');
  assert.equal(langOfTexts(['thanks!', 'hello']), 'en');
  // An English sentence with a Chinese word in it is English; a Chinese one with English words is Chinese (twenty-first session, found from outside).
  assert.equal(langOfTexts(['does gold 足金 fade if she wears it in the shower?']), 'en');
  assert.equal(langOfTexts(['我的parcel显示out for delivery一整天了，人呢']), 'zh');
  assert.equal(langOfTexts(['OK 明白，thank you']), 'zh');
  assert.equal(langOfTexts(['Nike Air Max 90 White 有42码吗']), 'zh', 'as the robot reads it (found in review)');
});

test('a buyer writing traditional characters gets the notices in them; simplified and English stay as they are', () => {
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['唔該', '我嘅面霜寄咗成個禮拜都未到']), '現在沒有客服在線。您的消息都已留下，客服上線後會按排隊順序回覆您。');
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['ok', '我的快递到哪了']), NOBODY_ONLINE_NOTICE.zh);
  // A shop in Taiwan: Taiwan's words as well as its characters; a buyer writing simplified ones is told in them still.
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['請問耳機寄出了嗎'], true), '現在沒有客服在線。您的訊息都已留下，客服上線後會按排隊順序回覆您。');
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['我的快递到哪了'], true), NOBODY_ONLINE_NOTICE.zh);
  assert.equal(noticeFor(RATING_PROMPT, ['thanks, bye']), RATING_PROMPT.en);
  // "？？" tells no language: the conversation's Chinese answers it (found from outside: the place told in English).
  assert.match(waitAnswer(langOfTexts(['？？', '还有 清真的有没有']), { position: 2, agentsOnline: 0, estimatedWaitSeconds: undefined }), /^您在排队第 2 位/);
  // Characters tell before Cantonese words: a Guangzhou buyer writes Cantonese in simplified characters (found from outside).
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['有冇人呀', '我想换个颜色 得唔得']), NOBODY_ONLINE_NOTICE.zh);
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['有冇人呀', '好的']), '現在沒有客服在線。您的消息都已留下，客服上線後會按排隊順序回覆您。');
  assert.equal(noticeFor(NOBODY_ONLINE_NOTICE, ['有冇人呀', '轉人工']), '現在沒有客服在線。您的消息都已留下，客服上線後會按排隊順序回覆您。');
  assert.equal(inScriptOfTexts('您前面还有 2 位', ['喂 有冇人呀', '转人工']), '您前面还有 2 位');
  assert.match(inScriptOf(waitAnswer(langOf('還要等多久'), { position: 3, agentsOnline: 1, estimatedWaitSeconds: 360 }), '還要等多久'), /^您前面還有 2 位/);
});

// Found from outside (twenty-fourth session): "喂 有冇人呀", "hello??" got nothing while waiting.
test('Cantonese and bare pings about the wait are questions about it; the answer carries the shop\'s hours while nobody is online', () => {
  for (const t of ['喂 有冇人呀', '仲要等幾耐', '冇人覆我', 'hello??', 'anyone?']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['hello', 'hi? where is my order', '有冇人用過呢支精華？']) assert.equal(asksAboutWait(t), false, t);
  assert.match(waitAnswer(langOf('还要等多久'), { position: 2, agentsOnline: 0, estimatedWaitSeconds: undefined }, '每天 9:00-21:00。'), /客服上线后会按顺序回复您。客服时间：每天 9:00-21:00。$/);
  assert.match(waitAnswer(langOf('how long'), { position: 2, agentsOnline: 0, estimatedWaitSeconds: undefined }, 'Mon-Fri 9-6.'), / Our hours: Mon-Fri 9-6\.$/);
  assert.doesNotMatch(waitAnswer(langOf('还要等多久'), { position: 2, agentsOnline: 1, estimatedWaitSeconds: 60 }, '每天 9:00-21:00。'), /客服时间/);
});

test('the thirty-third session: more ways to ask whether anyone is there; the place said again in short', () => {
  // Found from outside (a Taipei and a Yiwu shop): no reply at all.
  for (const t of ['到底有沒有人要理我', '在不在啊 回个话', '？？？', '??', '有没有人在']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['有没有人买过这个', '?', '有没有人用过这个色号', '??? 为什么退款被拒']) assert.equal(asksAboutWait(t), false, t);
  // Found in review: about parcels and goods, not the queue.
  for (const t of ['到了吱一声', '发货了吱个声', '这个娃娃怎么不说话', '快递员怎么不回话', '让快递员给我回个话', '有没有人回购过这款', '有没有人在用这款 好用吗']) assert.equal(asksAboutWait(t), false, t);
  for (const t of ['嘎哈呢 咋不说话', '人工还没上线啊？', '有人没啊 都等半天了']) assert.equal(asksAboutWait(t), true, t);
  assert.equal(waitAnswerAgain(langOf('ok how long is the wait'), { position: 1, agentsOnline: 0, estimatedWaitSeconds: undefined }), 'Still number 1 in the queue: an agent will answer in turn once one is online.');
  assert.equal(waitAnswerAgain(langOf('还有人吗'), { position: 3, agentsOnline: 2, estimatedWaitSeconds: 60 }), '您仍在排队第 3 位，客服接入后会马上回复您。');
});

// Found from outside (thirty-fifth session: a Hangzhou, a Guangzhou, a Bristol and a Kuala Lumpur shop).
test('more ways to ask about the wait; a complaint about it is the robot\'s, to move the buyer ahead', () => {
  for (const t of ['还有多少人排我前面', '在吗 还有多少人排我前面', 'any news? been ages', "how long's the wait roughly?", 'how long’s the wait', 'berapa lama nak tunggu ni?']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['wtf 还要排队 我要投诉你们', '等咗咁耐都冇人理 你哋太慢喇 我要投訴', 'still waiting, i will complain', 'any news on my refund?']) assert.equal(asksAboutWait(t), false, t);
});

// Found from outside (thirty-fifth session, a Taipei shop): "客服時間：客服時間：週一至週五…".
test('an hours entry that names its hours itself is not labelled twice', () => {
  const told = waitAnswer(langOf('还要等多久'), { position: 2, agentsOnline: 0, estimatedWaitSeconds: undefined }, '客服時間：週一至週五 09:00-18:00。');
  assert.match(told, /客服上线后会按顺序回复您。客服時間：週一至週五/);
  assert.doesNotMatch(told, /客服时间：客服時間/);
  assert.match(waitAnswer(langOf('how long'), { position: 2, agentsOnline: 0, estimatedWaitSeconds: undefined }, 'Our hours are Mon–Fri 9–5.'), /\. Our hours are Mon–Fri 9–5\.$/);
});

// Found from outside (fortieth session, a Berlin and a Singapore shop): "Our hours: Our customer service team is online…".
test('an hours entry that opens with who is online is not labelled "Our hours:" again', async () => {
  const { hoursAfter } = await import('../../src/routing/notices.ts');
  assert.equal(hoursAfter('en', 'X.', 'Our customer service team is online Monday to Saturday, 10am to 7pm.'), 'X. Our customer service team is online Monday to Saturday, 10am to 7pm.');
  assert.equal(hoursAfter('en', 'X.', 'Human agents are online every day from 9:00 to 22:00.'), 'X. Human agents are online every day from 9:00 to 22:00.');
  // "staff" too (a Singapore shop, forty-fourth session: "Our hours: Our customer service staff are online…").
  assert.equal(hoursAfter('en', 'X.', 'Our customer service staff are online Monday to Saturday, 10:00–19:00.'), 'X. Our customer service staff are online Monday to Saturday, 10:00–19:00.');
  assert.equal(hoursAfter('zh', 'X。', '人工客服每天 9:00-22:00 在线'), 'X。客服时间：人工客服每天 9:00-22:00 在线');
  assert.equal(hoursAfter('en', 'X.', 'Monday to Friday 9-5.'), 'X. Our hours: Monday to Friday 9-5.');
  // "care" and an aside, and 人工客服时间 (an LA and a Xiamen shop, forty-fifth session: labelled twice).
  assert.equal(hoursAfter('en', 'X.', 'Our customer care team (real humans!) is online Monday to Friday 9am-6pm.'), 'X. Our customer care team (real humans!) is online Monday to Friday 9am-6pm.');
  assert.equal(hoursAfter('zh', 'X。', '人工客服时间：周一至周六 9:00-18:00'), 'X。人工客服时间：周一至周六 9:00-18:00');
});

test('the wait asked in the last sentence of a longer message, and "咋还没人" (a Melbourne and a Shenzhen shop, fiftieth session)', () => {
  for (const t of ['ok running it under the tap now. how long till someone actually gets back to me', '转人工了咋还没人', '怎么还没人回']) assert.equal(asksAboutWait(t), true, t);
  for (const t of ['为什么还没人买这个', 'i ordered the blue jacket last week and wanted to ask. how long is the warranty', 'how long is the warranty']) assert.equal(asksAboutWait(t), false, t);
});

test('a last sentence that complains of goods or a parcel is no question about the wait (the fiftieth session\'s review)', () => {
  for (const t of ['The zip on the backpack broke after two days of normal use. Is anyone else having this problem?', 'tracking hasnt moved in a week and nobody tells me anything about it. Still waiting for it.', 'the parcel says delivered yesterday but i never got anything. Still waiting for my refund.']) assert.equal(asksAboutWait(t), false, t);
  for (const t of ['我上周买的那个东西质量太差了 用了两天就坏了 你们的售后处理速度也太低了吧。请问到底还要等多久？', '为什么还没人联系我']) assert.equal(asksAboutWait(t), true, t);
});

test('"人工客服在吗" in the queue asks after the wait (a Singapore shop, fifty-first session: no reply at all)', () => {
  for (const t of ['人工客服在吗', '客服在吗', '人工在不在']) assert.equal(asksAboutWait(t), true, t);
  assert.equal(asksAboutWait('这个客服在吗的功能'), false);
  assert.equal(asksAboutWait('客服在吗，我想改地址'), false);
});
